/* vigie-site-cases-window.h — the investigations and the grievances of one site, each
 * opened for editing, with a way back to the site on the Factories page.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "vigie-store.h"

G_BEGIN_DECLS

#define VIGIE_TYPE_SITE_CASES_WINDOW (vigie_site_cases_window_get_type ())
G_DECLARE_FINAL_TYPE (VigieSiteCasesWindow, vigie_site_cases_window, VIGIE, SITE_CASES_WINDOW,
                      AdwWindow)

/* VIEW: "investigations" or "grievances". */
VigieSiteCasesWindow *vigie_site_cases_window_new       (GtkWindow            *parent,
                                                         VigieStore           *store,
                                                         gint64                site_id,
                                                         const char           *view);
gint64      vigie_site_cases_window_get_site_id         (VigieSiteCasesWindow *self);
void        vigie_site_cases_window_set_view            (VigieSiteCasesWindow *self,
                                                         const char           *view);
void        vigie_site_cases_window_reload              (VigieSiteCasesWindow *self);
/* Opens the investigation or grievance dialog (VIEW) on ID, 0 for a new one. */
GtkWindow  *vigie_site_cases_window_edit                (VigieSiteCasesWindow *self,
                                                         const char           *view,
                                                         gint64                id);
/* For tests: the rows listed in VIEW. */
guint       vigie_site_cases_window_get_n_rows          (VigieSiteCasesWindow *self,
                                                         const char           *view);
AdwActionRow *vigie_site_cases_window_get_row           (VigieSiteCasesWindow *self,
                                                         const char           *view,
                                                         guint                 index);

G_END_DECLS
