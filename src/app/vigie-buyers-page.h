/* vigie-buyers-page.h — the Buyers page: affiliates, consortia, contractors and brands, and
 * the supplier dashboard of the one selected.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "vigie-store.h"

G_BEGIN_DECLS

#define VIGIE_TYPE_BUYERS_PAGE (vigie_buyers_page_get_type ())
G_DECLARE_FINAL_TYPE (VigieBuyersPage, vigie_buyers_page, VIGIE, BUYERS_PAGE, GtkWidget)

GtkWidget *vigie_buyers_page_new (void);

G_END_DECLS
