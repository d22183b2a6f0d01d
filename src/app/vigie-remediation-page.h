/* vigie-remediation-page.h — the Remediation page: the timeline of corrective actions,
 * their list with filters and bulk status changes, and the action editor.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "vigie-action-list.h"
#include "vigie-store.h"
#include "vigie-timeline-view.h"

G_BEGIN_DECLS

#define VIGIE_TYPE_REMEDIATION_PAGE (vigie_remediation_page_get_type ())
G_DECLARE_FINAL_TYPE (VigieRemediationPage, vigie_remediation_page, VIGIE, REMEDIATION_PAGE, GtkWidget)

GtkWidget           *vigie_remediation_page_new            (void);
void                 vigie_remediation_page_set_store      (VigieRemediationPage *self,
                                                            VigieStore           *store);
VigieStore          *vigie_remediation_page_get_store      (VigieRemediationPage *self);

/* For tests. */
VigieTimelineWidget *vigie_remediation_page_get_timeline   (VigieRemediationPage *self);
VigieActionList     *vigie_remediation_page_get_list       (VigieRemediationPage *self);
GtkColumnView       *vigie_remediation_page_get_column_view (VigieRemediationPage *self);
GtkWidget           *vigie_remediation_page_get_editor     (VigieRemediationPage *self);
GtkLabel            *vigie_remediation_page_get_count_label (VigieRemediationPage *self);
/* The overdue count shown in the page's badge (-1 before any dataset). */
gint64               vigie_remediation_page_get_overdue    (VigieRemediationPage *self);
/* TRUE while the page reads its actions (list, timeline, filter choices) in worker
 * threads, or waits to be shown to start. */
gboolean             vigie_remediation_page_get_busy       (VigieRemediationPage *self);
/* Selects and opens action ID. FALSE when it is not listed. */
gboolean             vigie_remediation_page_select_action  (VigieRemediationPage *self,
                                                            gint64                id);
/* Applies QUERY's filters (its sort is kept) and reloads. */
void                 vigie_remediation_page_set_filters    (VigieRemediationPage   *self,
                                                            const VigieActionQuery *query);
/* The statuses offered for the selected actions (bulk change), NULL-terminated. */
const char         **vigie_remediation_page_get_bulk_statuses (VigieRemediationPage *self);
/* Changes the status of every selected action to TO. */
gboolean             vigie_remediation_page_bulk_change    (VigieRemediationPage *self,
                                                            const char           *to,
                                                            GError              **error);

/* Deletes action ID after a toast with Undo: hidden at once, deleted when the toast goes
 * away (or the dataset closes) unless Undo was clicked. */
gboolean             vigie_remediation_page_delete_action  (VigieRemediationPage *self,
                                                            gint64                id);
/* The toast of the last deletion while it shows. */
AdwToast            *vigie_remediation_page_get_undo_toast (VigieRemediationPage *self);
/* New Action: the dialog that finds the finding (site and title search, at most 100
 * matches); picking one starts a new action for it with the default deadlines of its
 * severity in the editor. */
GtkWindow           *vigie_remediation_page_open_finding_picker (VigieRemediationPage *self);
gboolean             vigie_remediation_page_pick_finding   (VigieRemediationPage *self,
                                                            gint64                finding_id);
GtkEditable         *vigie_remediation_page_get_picker_search (VigieRemediationPage *self);
GtkDropDown         *vigie_remediation_page_get_picker_site (VigieRemediationPage *self);
guint                vigie_remediation_page_get_picker_n_results (VigieRemediationPage *self);
gint64               vigie_remediation_page_get_picker_result (VigieRemediationPage *self,
                                                               guint                 index);

G_END_DECLS
