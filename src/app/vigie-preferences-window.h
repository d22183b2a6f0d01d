/* vigie-preferences-window.h — author name, report language, default deadlines.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define VIGIE_TYPE_PREFERENCES_WINDOW (vigie_preferences_window_get_type ())
G_DECLARE_FINAL_TYPE (VigiePreferencesWindow, vigie_preferences_window,
                      VIGIE, PREFERENCES_WINDOW, AdwPreferencesWindow)

/* SETTINGS: the Vigie settings the rows are bound to. */
GtkWidget *vigie_preferences_window_new (GSettings *settings);

G_END_DECLS
