/* vigie-findings-page.h — the Findings page: every finding of the dataset, searched and
 * filtered in SQL, with its editor and evidence.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "vigie-finding-list.h"
#include "vigie-store.h"

G_BEGIN_DECLS

#define VIGIE_TYPE_FINDINGS_PAGE (vigie_findings_page_get_type ())
G_DECLARE_FINAL_TYPE (VigieFindingsPage, vigie_findings_page, VIGIE, FINDINGS_PAGE, GtkWidget)

void              vigie_findings_page_set_store        (VigieFindingsPage *self,
                                                        VigieStore        *store);
/* Shows only the findings of SITE_ID (0: every site). */
void              vigie_findings_page_filter_site      (VigieFindingsPage *self,
                                                        gint64             site_id);
/* From any widget of a Vigie window: switches to the Findings page filtered on SITE_ID.
 * FALSE when WIDGET is not in a window with a Findings page. */
gboolean          vigie_findings_page_show_site        (GtkWidget         *widget,
                                                        gint64             site_id);

/* From any widget of a Vigie window (or the window): switches to the Factories page and
 * selects SITE_ID there. FALSE (and a toast) when its filters hide the site. */
gboolean          vigie_findings_page_reveal_site      (GtkWidget         *widget,
                                                        gint64             site_id);
/* Opens the investigations ("investigations") or grievances ("grievances") of the site
 * filtered on, else of the finding being edited; NULL when there is no such site. */
GtkWindow        *vigie_findings_page_open_cases       (VigieFindingsPage *self,
                                                        const char        *view);
/* Carries out the deletions still waiting for their Undo (done anyway when the dataset
 * changes or the page goes away). */
void              vigie_findings_page_flush_deletions  (VigieFindingsPage *self);

/* For tests. */
/* The toast of the last deletion while it can still be undone, or NULL. */
AdwToast         *vigie_findings_page_get_undo_toast   (VigieFindingsPage *self);
GtkColumnView    *vigie_findings_page_get_column_view  (VigieFindingsPage *self);
GtkEditable      *vigie_findings_page_get_search_entry (VigieFindingsPage *self);
VigieFindingList *vigie_findings_page_get_list         (VigieFindingsPage *self);
GtkWidget        *vigie_findings_page_get_editor       (VigieFindingsPage *self);
GtkLabel         *vigie_findings_page_get_count_label  (VigieFindingsPage *self);
gboolean          vigie_findings_page_get_busy         (VigieFindingsPage *self);
gboolean          vigie_findings_page_select_finding   (VigieFindingsPage *self,
                                                        gint64             id);
/* The filter drop-downs, by name: country, theme, indicator, severity, status,
 * disclosure, year. */
GtkDropDown      *vigie_findings_page_get_filter       (VigieFindingsPage *self,
                                                        const char        *name);
/* Shows the findings QUERY filters on (country, theme, indicator, severity, status,
 * disclosure level, year and month, no theme, site; its search and sort are ignored),
 * clearing the search. The list is filled in a worker thread (see get_busy). */
void              vigie_findings_page_set_filters      (VigieFindingsPage       *self,
                                                        const VigieFindingQuery *query);

G_END_DECLS
