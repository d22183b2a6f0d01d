/* vigie-preferences-window.c — author name, report language, default deadlines.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n.h>

#include "vigie-preferences-window.h"

struct _VigiePreferencesWindow
{
  AdwPreferencesWindow  parent_instance;

  AdwEntryRow          *author_row;
  AdwComboRow          *language_row;
  GtkSpinButton        *critical_plan_spin;
  GtkSpinButton        *critical_completion_spin;
  GtkSpinButton        *major_plan_spin;
  GtkSpinButton        *major_completion_spin;
  GtkSpinButton        *minor_plan_spin;
  GtkSpinButton        *minor_completion_spin;

  GSettings            *settings;
};

G_DEFINE_FINAL_TYPE (VigiePreferencesWindow, vigie_preferences_window,
                     ADW_TYPE_PREFERENCES_WINDOW)

/* The report languages, in the order of the combo row's model in the .ui file. */
static const char * const report_languages[] = { "en", "fr", "de", "es", "ca" };

static gboolean
language_get_mapping (GValue   *value,
                      GVariant *variant,
                      gpointer  user_data)
{
  const char *code = g_variant_get_string (variant, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (report_languages); i++)
    if (g_str_equal (code, report_languages[i]))
      {
        g_value_set_uint (value, i);
        return TRUE;
      }
  /* An unknown or empty code: reports are written in English. */
  g_value_set_uint (value, 0);
  return TRUE;
}

static GVariant *
language_set_mapping (const GValue       *value,
                      const GVariantType *expected_type,
                      gpointer            user_data)
{
  guint selected = g_value_get_uint (value);

  if (selected >= G_N_ELEMENTS (report_languages))
    return NULL;
  return g_variant_new_string (report_languages[selected]);
}

static void
bind_settings (VigiePreferencesWindow *self)
{
  const struct {
    const char     *key;
    GtkSpinButton  *spin;
  } deadlines[] = {
    { "deadline-critical-plan", self->critical_plan_spin },
    { "deadline-critical-completion", self->critical_completion_spin },
    { "deadline-major-plan", self->major_plan_spin },
    { "deadline-major-completion", self->major_completion_spin },
    { "deadline-minor-plan", self->minor_plan_spin },
    { "deadline-minor-completion", self->minor_completion_spin },
  };

  g_settings_bind (self->settings, "author-name", self->author_row, "text",
                   G_SETTINGS_BIND_DEFAULT);
  g_settings_bind_with_mapping (self->settings, "report-language", self->language_row,
                                "selected", G_SETTINGS_BIND_DEFAULT,
                                language_get_mapping, language_set_mapping, NULL, NULL);
  for (guint i = 0; i < G_N_ELEMENTS (deadlines); i++)
    g_settings_bind (self->settings, deadlines[i].key, deadlines[i].spin, "value",
                     G_SETTINGS_BIND_DEFAULT);
}

static void
vigie_preferences_window_dispose (GObject *object)
{
  VigiePreferencesWindow *self = VIGIE_PREFERENCES_WINDOW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), VIGIE_TYPE_PREFERENCES_WINDOW);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (vigie_preferences_window_parent_class)->dispose (object);
}

static void
vigie_preferences_window_class_init (VigiePreferencesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = vigie_preferences_window_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/vigie/Vigie/"
                                               "vigie-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, VigiePreferencesWindow, author_row);
  gtk_widget_class_bind_template_child (widget_class, VigiePreferencesWindow, language_row);
  gtk_widget_class_bind_template_child (widget_class, VigiePreferencesWindow,
                                        critical_plan_spin);
  gtk_widget_class_bind_template_child (widget_class, VigiePreferencesWindow,
                                        critical_completion_spin);
  gtk_widget_class_bind_template_child (widget_class, VigiePreferencesWindow,
                                        major_plan_spin);
  gtk_widget_class_bind_template_child (widget_class, VigiePreferencesWindow,
                                        major_completion_spin);
  gtk_widget_class_bind_template_child (widget_class, VigiePreferencesWindow,
                                        minor_plan_spin);
  gtk_widget_class_bind_template_child (widget_class, VigiePreferencesWindow,
                                        minor_completion_spin);
}

static void
vigie_preferences_window_init (VigiePreferencesWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
vigie_preferences_window_new (GSettings *settings)
{
  VigiePreferencesWindow *self;

  g_return_val_if_fail (G_IS_SETTINGS (settings), NULL);

  self = g_object_new (VIGIE_TYPE_PREFERENCES_WINDOW, NULL);
  self->settings = g_object_ref (settings);
  bind_settings (self);
  return GTK_WIDGET (self);
}
