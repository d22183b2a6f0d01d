/* fuzz-store.h — the dataset the import fuzz targets import into.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "vigie-store.h"

G_BEGIN_DECLS

/* A small generated dataset (a few sites with Open Supply Hub IDs, findings, chemicals) in
 * a private temporary folder, made on the first call and removed at exit. */
VigieStore *fuzz_store_get          (void);
/* Writes the input to the file the import reads (NAME in the same folder); returns its
 * path, owned by the helper. */
const char *fuzz_store_write_input  (const char    *name,
                                     const guint8  *data,
                                     gsize          size);
/* Row counts of the main tables, to prove a rolled-back import left nothing behind. */
gint64      fuzz_store_fingerprint  (VigieStore    *store);

G_END_DECLS
