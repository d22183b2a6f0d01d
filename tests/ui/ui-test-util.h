/* ui-test-util.h — what the UI tests share: waiting on the main loop, screenshots read
 * back, the log filter for GTK 4.8's known warnings, temporary folders.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

typedef gboolean (*VigieTestCondition) (gpointer data);

/* Runs the main loop until CONDITION holds (TRUE) or TIMEOUT_MS passed (FALSE). */
gboolean  vigie_test_wait_until          (VigieTestCondition  condition,
                                          gpointer            data,
                                          guint               timeout_ms);

/* Runs the main loop for MS milliseconds. */
void      vigie_test_iterate             (guint               ms);

/* Saves WIDGET as NAME (PNG) in $VIGIE_SCREENSHOT_DIR, or <build>/screenshots, and reads it
 * back: the right size and not blank. */
void      vigie_test_save_screenshot     (GtkWidget          *widget,
                                          const char         *name);

/* Drops GTK 4.8's "GtkLabel reported min width -N" warning (shortcuts window), which the
 * test harness would otherwise turn into a failure. */
void      vigie_test_install_log_filter  (void);

/* Deletes PATH and everything under it. */
void      vigie_test_remove_tree         (const char         *path);

G_END_DECLS
