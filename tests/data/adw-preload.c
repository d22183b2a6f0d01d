/* adw-preload.c — lets gtk4-builder-tool validate Vigie's .ui files.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * gtk4-builder-tool (GTK 4.8) is not linked with libadwaita, so it cannot resolve
 * AdwApplicationWindow and friends ("Failed to lookup template parent type ..."), and it
 * knows nothing of Vigie's own widget classes ("Invalid object type 'VigieSiteEditor'").
 * Loaded with LD_PRELOAD, this module runs before the tool's main():
 *
 *  - it initialises libadwaita, which registers all of its public types;
 *  - it registers a stand-in type for every Vigie class named in the environment variable
 *    VIGIE_FAKE_TYPES ("VigieSiteEditor=GtkWidget;VigieWindow=AdwApplicationWindow;..."),
 *    derived from the real parent class, exactly like the tool itself does for the class of
 *    the template it validates. Parents are resolved in any order (a Vigie class may derive
 *    from another Vigie class).
 *
 * So every object, property and child of the GTK/libadwaita parent classes is checked; what
 * cannot be checked is a property or child type that only a Vigie class defines (the `ui`
 * test suite instantiates the real classes).
 *
 * It removes LD_PRELOAD from the environment first so that helper processes the tool may
 * spawn (dbus-launch, ...) are not affected.
 */
#include <adwaita.h>
#include <stdlib.h>

static gboolean
vigie_register_fake_type (const char *name,
                          const char *parent_name)
{
  GType parent;
  GTypeQuery query;

  if (g_type_from_name (name) != G_TYPE_INVALID)
    return TRUE;
  parent = g_type_from_name (parent_name);
  if (parent == G_TYPE_INVALID)
    return FALSE;
  g_type_query (parent, &query);
  return g_type_register_static_simple (parent, g_intern_string (name),
                                        query.class_size, NULL,
                                        query.instance_size, NULL, 0) != G_TYPE_INVALID;
}

__attribute__((constructor)) static void
vigie_adw_preload_init (void)
{
  const char *spec;
  g_auto(GStrv) pairs = NULL;
  gboolean progress = TRUE;
  guint left;

  unsetenv ("LD_PRELOAD");
  adw_init ();

  spec = g_getenv ("VIGIE_FAKE_TYPES");
  if (spec == NULL || *spec == '\0')
    return;

  pairs = g_strsplit (spec, ";", -1);
  left = g_strv_length (pairs);
  while (progress && left > 0)
    {
      progress = FALSE;
      left = 0;
      for (guint i = 0; pairs[i] != NULL; i++)
        {
          g_auto(GStrv) pair = g_strsplit (pairs[i], "=", 2);

          if (g_strv_length (pair) != 2)
            continue;
          if (g_type_from_name (pair[0]) != G_TYPE_INVALID)
            continue;
          if (vigie_register_fake_type (pair[0], pair[1]))
            progress = TRUE;
          else
            left++;
        }
    }
}
