/* vigie-site-private.h — for other files of src/core only (the importers).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "vigie-site.h"

G_BEGIN_DECLS

/* Insert without validation and without an audit_log entry, for bulk writers that
 * validated the rows already and write one summary audit entry themselves. Fills the
 * record's id, uuid (when NULL), created_at and updated_at. Must run inside a transaction. */
gint64   vigie_site_insert_unaudited      (VigieStore            *store,
                                           VigieSiteRecord       *record,
                                           GError               **error);
gint64   vigie_workforce_insert_unaudited (VigieStore            *store,
                                           VigieWorkforceRecord  *record,
                                           GError               **error);

/* The id of the site with this Open Supply Hub ID, or with this match key; 0 if none. */
gint64   vigie_site_find_by_os_id         (VigieStore            *store,
                                           const char            *os_id);
gint64   vigie_site_find_by_match_key     (VigieStore            *store,
                                           const char            *match_key);

G_END_DECLS
