/* vigie-factories-private.h — what the Factories page, its site editor and its dialogs
 * share (formatting, parsing, toasts), and the accessors the UI tests use.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "vigie-factories-page.h"
#include "vigie-site-list.h"

G_BEGIN_DECLS

/* Numbers and dates as the user's locale writes them ("1,200", "75 %", "1 Mar 2025"). */
char      *vigie_factories_format_count    (gint64       n) G_GNUC_WARN_UNUSED_RESULT;
char      *vigie_factories_format_percent  (double       percent) G_GNUC_WARN_UNUSED_RESULT;
/* "" for an empty or malformed date. */
char      *vigie_factories_format_date     (const char  *iso) G_GNUC_WARN_UNUSED_RESULT;

/* TEXT typed in a number field: empty → -1 (unknown). Digit group separators (",", ".",
 * spaces) are accepted. FALSE when TEXT is not a whole number ≥ 0. */
gboolean   vigie_factories_parse_count     (const char  *text,
                                            gint64      *value);
/* A decimal number with "." or ","; empty → NAN. FALSE when TEXT is not a number. */
gboolean   vigie_factories_parse_decimal   (const char  *text,
                                            double      *value);

/* Shows TOAST in the window (vigie_window_add_toast) or the nearest AdwToastOverlay. */
void       vigie_factories_add_toast       (GtkWidget   *widget,
                                            AdwToast    *toast);

/* Marks ROW invalid with REASON shown in LABEL (a suffix of the row), or clears it when
 * REASON is NULL. */
void       vigie_factories_set_row_error   (GtkWidget   *row,
                                            GtkWidget   *label,
                                            const char  *reason);
/* A .error .caption label to add as a suffix of a row. */
GtkWidget *vigie_factories_error_label_new (void);

/* For tests. */
GtkColumnView *vigie_factories_page_get_column_view  (VigieFactoriesPage *self);
GtkEditable   *vigie_factories_page_get_search_entry (VigieFactoriesPage *self);
GtkWidget     *vigie_factories_page_get_editor       (VigieFactoriesPage *self);
VigieSiteList *vigie_factories_page_get_site_list    (VigieFactoriesPage *self);
GtkLabel      *vigie_factories_page_get_count_label  (VigieFactoriesPage *self);
/* The toast of the last deletion (while it can still be undone), or NULL. */
AdwToast      *vigie_factories_page_get_undo_toast   (VigieFactoriesPage *self);
/* TRUE while an asynchronous list query is running. */
gboolean       vigie_factories_page_get_busy         (VigieFactoriesPage *self);
/* Opens the import dialog on FILE (what Import does after the file chooser). */
GtkWindow     *vigie_factories_page_import_file      (VigieFactoriesPage *self,
                                                      GFile              *file);
/* Selects ID in the list (and opens it in the editor). FALSE if it is not listed. */
gboolean       vigie_factories_page_select_site      (VigieFactoriesPage *self,
                                                      gint64              id);

G_END_DECLS
