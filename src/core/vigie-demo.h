/* vigie-demo.h — a realistic, deterministic generated dataset of any size.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "vigie-store.h"

G_BEGIN_DECLS

typedef struct
{
  guint   n_sites;      /* default 200 */
  guint   n_findings;   /* default 2000 */
  guint64 seed;         /* default 1; the same seed and sizes give the same data */
  const char *today;    /* YYYY-MM-DD the data is generated around; NULL = vigie_today_iso() */
} VigieDemoOptions;

/* Called now and then from the generating thread: FRACTION in 0..1, STAGE a translated
 * phrase ("Findings"). */
typedef void (*VigieProgressFunc) (double      fraction,
                                   const char *stage,
                                   gpointer    user_data);

/* Fills an empty dataset in one transaction (all or nothing). Fails with
 * VIGIE_STORE_ERROR_FAILED if the dataset already holds sites. */
gboolean vigie_demo_generate (VigieStore              *store,
                              const VigieDemoOptions  *options,
                              VigieProgressFunc        progress,
                              gpointer                 user_data,
                              GCancellable            *cancellable,
                              GError                 **error);

G_END_DECLS
