/* ui-test-util.h — what the UI tests share: the start of main (), demo datasets, windows,
 * waiting on the main loop, finding widgets, toasts kept out of screenshots, screenshots
 * read back, the log filter for GTK 4.8's known warnings, temporary folders.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "vigie-application.h"
#include "vigie-window.h"

G_BEGIN_DECLS

typedef gboolean (*VigieTestCondition) (gpointer data);

/* The start of a UI test's main (). Without a display, says so and returns NULL: the test
 * then exits with 77 (skipped). Otherwise sets the locale from the environment and binds
 * Vigie's catalogue ($VIGIE_LOCALEDIR or the installed one) when LOCALISED, calls
 * g_test_init, and returns a new temporary folder made from TMP_TEMPLATE, with
 * $XDG_DATA_HOME inside it so that the default dataset is never the user's. */
char             *vigie_test_ui_init             (int                 *argc,
                                                  char              ***argv,
                                                  const char          *tmp_template,
                                                  gboolean             localised);

/* A new non-unique application with ID, registered. */
VigieApplication *vigie_test_application_new     (const char          *id);

/* Generates the demo dataset (N_SITES sites, N_FINDINGS findings, SEED, around
 * $VIGIE_TODAY) into a new dataset at DIR/NAME; returns its path. */
char             *vigie_test_make_demo           (const char          *dir,
                                                  const char          *name,
                                                  guint                n_sites,
                                                  guint                n_findings,
                                                  guint64              seed);

/* A new 1280×800 window of APP on the dataset at PATH, presented, showing PAGE, once it
 * has drawn. */
VigieWindow      *vigie_test_open_window         (VigieApplication    *app,
                                                  const char          *path,
                                                  const char          *page);

/* Runs the main loop until CONDITION holds (TRUE) or TIMEOUT_MS passed (FALSE). */
gboolean          vigie_test_wait_until          (VigieTestCondition   condition,
                                                  gpointer             data,
                                                  guint                timeout_ms);

/* Runs the main loop for MS milliseconds. */
void              vigie_test_iterate             (guint                ms);

/* Lets a page settle after a change (a search is applied after a delay): 300 ms, then
 * until IDLE holds (the test fails after TIMEOUT_MS), then 50 ms more. */
void              vigie_test_settle              (VigieTestCondition   idle,
                                                  gpointer             data,
                                                  guint                timeout_ms);

/* The first widget of TYPE in the tree under ROOT (ROOT included), depth first, or NULL. */
GtkWidget        *vigie_test_find_descendant     (GtkWidget           *root,
                                                  GType                type);

/* A visible toplevel window of TYPE, transient for PARENT unless PARENT is NULL, or NULL. */
GtkWindow        *vigie_test_find_toplevel       (GType                type,
                                                  GtkWindow           *parent);

/* A VigieTestCondition: no toast is on screen under the widget DATA. */
gboolean          vigie_test_no_toast            (gpointer             data);

/* Keeps transient toasts out of a screenshot of ROOT: waits up to 7 s for them to expire
 * (under Xvfb libadwaita 1.2's "Opened …" toast sometimes outlives its timeout), then
 * hides any still on screen. Give the result to vigie_test_show_toasts afterwards. */
GPtrArray        *vigie_test_hide_toasts         (GtkWidget           *root);
/* Shows again the toasts HIDDEN by vigie_test_hide_toasts, and frees HIDDEN. */
void              vigie_test_show_toasts         (GPtrArray           *hidden);

/* BASE.png, or BASE-LL.png under a $LANGUAGE other than English (LL: its language code). */
char             *vigie_test_screenshot_name     (const char          *base);

/* A texture of WIDGET as it draws after 50 ms more of the main loop; waits up to 2 s for a
 * widget that has nothing to draw yet (right after a change). */
GdkTexture       *vigie_test_render_widget       (GtkWidget           *widget);

/* Saves WIDGET as NAME (PNG) in DIR — NULL: $VIGIE_SCREENSHOT_DIR, or <build>/screenshots —
 * rendered by vigie_test_render_widget, and reads it back: the right size and not blank.
 * Returns the path. */
char             *vigie_test_save_screenshot_in  (GtkWidget           *widget,
                                                  const char          *dir,
                                                  const char          *name);

/* vigie_test_save_screenshot_in with the default folder. */
void              vigie_test_save_screenshot     (GtkWidget           *widget,
                                                  const char          *name);

/* Waits for WIDGET's next frame and SETTLE_MS more, then saves it as
 * vigie_test_screenshot_name (BASE) with vigie_test_save_screenshot. */
void              vigie_test_save_localised_screenshot (GtkWidget     *widget,
                                                        const char    *base,
                                                        guint          settle_ms);

/* Drops GTK 4.8's "GtkLabel reported min width -N" warning (shortcuts window), which the
 * test harness would otherwise turn into a failure. */
void              vigie_test_install_log_filter  (void);

/* Deletes PATH and everything under it. */
void              vigie_test_remove_tree         (const char          *path);

G_END_DECLS
