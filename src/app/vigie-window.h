/* vigie-window.h — the main window: header bar, pages, dataset actions.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "vigie-application.h"
#include "vigie-store.h"

G_BEGIN_DECLS

#define VIGIE_TYPE_WINDOW (vigie_window_get_type ())
G_DECLARE_FINAL_TYPE (VigieWindow, vigie_window, VIGIE, WINDOW, AdwApplicationWindow)

VigieWindow *vigie_window_new           (VigieApplication *application) G_GNUC_WARN_UNUSED_RESULT;

/* Opens the existing dataset at PATH and shows it. On failure an error dialog explains
 * why and the dataset shown before (if any) stays open. Returns TRUE when opened. */
gboolean     vigie_window_open_database (VigieWindow      *self,
                                         const char       *path);
/* Creates a new, empty dataset at PATH (which must not exist) and shows it. */
gboolean     vigie_window_create_database (VigieWindow    *self,
                                           const char     *path);
/* Writes a copy of the open dataset to PATH (replacing it) with the SQLite backup API. */
gboolean     vigie_window_save_copy     (VigieWindow      *self,
                                         const char       *path);
/* Shows the first-start page that offers to create the dataset at PATH, which does not
 * exist yet: a generated demo dataset, an empty one, or opening another file. */
void         vigie_window_show_welcome  (VigieWindow      *self,
                                         const char       *path);
/* The dataset shown, or NULL. */
VigieStore  *vigie_window_get_store     (VigieWindow      *self);
/* Takes ownership of TOAST, like adw_toast_overlay_add_toast(). */
void         vigie_window_add_toast     (VigieWindow      *self,
                                         AdwToast         *toast);
/* Shows the page NAME: overview, factories, findings, chemicals, remediation, buyers,
 * reports. */
void         vigie_window_show_page     (VigieWindow      *self,
                                         const char       *name);
/* The page NAME ("overview", "factories", "findings", "chemicals", "remediation", "buyers",
 * "reports"), built now if it has not been shown yet; NULL for an unknown name. */
GtkWidget   *vigie_window_get_page      (VigieWindow      *self,
                                         const char       *name);
/* The overdue digest: OVERDUE (0 for none) as the Remediation tab's badge. */
void         vigie_window_show_overdue  (VigieWindow      *self,
                                         gint64            overdue);
/* TRUE while the demo dataset is being generated. */
gboolean     vigie_window_get_busy      (VigieWindow      *self);

G_END_DECLS
