/* vigie-reference.h — reference data shipped in data/reference/ (countries, codes of
 * labour standards, ILO indicators and conventions, GHS hazard statements).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <sqlite3.h>
#include <glib.h>

G_BEGIN_DECLS

/* Loads (or refreshes, with INSERT ... ON CONFLICT DO UPDATE) every reference table from
 * the core GResource into DB. Called by the store inside the migration transaction. */
gboolean vigie_reference_load (sqlite3  *db,
                               GError  **error);

G_END_DECLS
