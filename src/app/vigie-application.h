/* vigie-application.h — the Vigie GTK application: actions, settings, windows.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/* The GSettings schema, the same for every build profile. */
#define VIGIE_SETTINGS_SCHEMA_ID "io.github.vigie.Vigie"
/* The resource base path, the same for every build profile (APP_ID may end in .Devel). */
#define VIGIE_RESOURCE_BASE_PATH "/io/github/vigie/Vigie"

#define VIGIE_TYPE_APPLICATION (vigie_application_get_type ())
G_DECLARE_FINAL_TYPE (VigieApplication, vigie_application, VIGIE, APPLICATION, AdwApplication)

VigieApplication *vigie_application_new          (const char        *application_id,
                                                  GApplicationFlags  flags) G_GNUC_WARN_UNUSED_RESULT;
/* The application's settings, or NULL when the schema is not installed (the application
 * then runs with its defaults and remembers nothing). */
GSettings        *vigie_application_get_settings (VigieApplication  *self);

/* A new GSettings for the Vigie schema, or NULL when the schema is not installed. */
GSettings        *vigie_settings_new             (void) G_GNUC_WARN_UNUSED_RESULT;

G_END_DECLS
