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

/* For tests. */
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

G_END_DECLS
