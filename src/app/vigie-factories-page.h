/* vigie-factories-page.h — the Factories page: sites, their workforce, import.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "vigie-store.h"

G_BEGIN_DECLS

#define VIGIE_TYPE_FACTORIES_PAGE (vigie_factories_page_get_type ())
G_DECLARE_FINAL_TYPE (VigieFactoriesPage, vigie_factories_page, VIGIE, FACTORIES_PAGE, GtkWidget)

GtkWidget *vigie_factories_page_new       (void);
/* Shows the sites of STORE (NULL: nothing open). Called by the window on open/new. */
void       vigie_factories_page_set_store (VigieFactoriesPage *self,
                                           VigieStore         *store);
/* Shows every site of COUNTRY (ISO code; NULL: every country), with no search, type,
 * critical or linked / monitored filter. */
void       vigie_factories_page_filter_country (VigieFactoriesPage *self,
                                                const char         *country);
/* The same, and only the sites linked to an affiliate through a contract in force during
 * LINKED_YEAR and/or with an investigation under way during MONITORED_YEAR (0: either
 * filter off; both: either), as the Overview counts them. */
void       vigie_factories_page_filter_activity (VigieFactoriesPage *self,
                                                 const char         *country,
                                                 int                 linked_year,
                                                 int                 monitored_year);

G_END_DECLS
