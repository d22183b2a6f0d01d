/* vigie-pages.c — registers the page types that ui/vigie-window.ui instantiates.
 *
 * Each page is a GtkWidget subclass with a writable "store" property (VigieStore *, NULL
 * when no dataset is open) that the window sets. A new page adds its include and one
 * g_type_ensure() line here, and replaces its AdwStatusPage in ui/vigie-window.ui.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <gtk/gtk.h>

#include "vigie-buyers-page.h"
#include "vigie-chemicals-page.h"
#include "vigie-findings-page.h"
#include "vigie-overview-page.h"
#include "vigie-pages.h"
#include "vigie-remediation-page.h"

void
vigie_pages_ensure_types (void)
{
  g_type_ensure (VIGIE_TYPE_BUYERS_PAGE);
  g_type_ensure (VIGIE_TYPE_CHEMICALS_PAGE);
  g_type_ensure (VIGIE_TYPE_FINDINGS_PAGE);
  g_type_ensure (VIGIE_TYPE_OVERVIEW_PAGE);
  g_type_ensure (VIGIE_TYPE_REMEDIATION_PAGE);
}
