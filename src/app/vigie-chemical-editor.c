/* vigie-chemical-editor.c — the chemical product editor.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <adwaita.h>
#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "vigie-chemical-editor.h"
#include "vigie-pages.h"
#include "vigie-chemical.h"
#include "vigie-ghs-pictogram.h"
#include "vigie-reference.h"
#include "vigie-util.h"
#include "vigie-vocab.h"

typedef struct
{
  GtkWidget *box;        /* the whole row */
  GtkWidget *name;
  GtkWidget *cas;
  GtkWidget *conc_min;
  GtkWidget *conc_max;
  GtkWidget *reason;
} ConstituentRow;

struct _VigieChemicalEditor
{
  GtkWidget             parent_instance;

  /* template children */
  GtkWidget            *stack;
  GtkWidget            *content;
  GtkLabel             *heading;
  GtkLabel             *error_label;
  GtkWidget            *save_button;

  /* built in code */
  GtkWidget            *site_row, *site;
  GtkWidget            *trade_name, *period, *supplier, *department;
  GtkWidget            *process;
  GtkWidget            *sds_available, *sds_revision, *sds_language, *labels_language;
  GtkWidget            *qty_year, *qty_stored, *qty_unit, *qty_source;
  GtkWidget            *workers, *women;
  GtkWidget            *controls, *ppe, *ppe_adequate, *training, *notes;
  GtkWidget            *constituents_box;
  GtkWidget            *hazard_dropdown;
  GtkWidget            *hazard_entry;
  GtkWidget            *hazard_chips;
  GtkWidget            *pictogram_box;
  GtkWidget            *signal_label;
  GtkWidget            *measurements_group;
  GtkWidget            *measurement_rows;
  GtkWidget            *m_kind, *m_date, *m_value, *m_unit, *m_limit;

  VigieStore           *store;
  GPtrArray            *sites;           /* VigieChemicalChoice, the site drop-down's order */
  GPtrArray            *statements;      /* VigieHazardStatement, the dropdown's order */
  GPtrArray            *rows;            /* ConstituentRow */
  GPtrArray            *codes;           /* char *, chosen statements */
  VigieChemicalProduct *product;         /* as loaded (id, uuid, site) */
  char                 *signal_word;
  char                 *pictograms;
};

G_DEFINE_FINAL_TYPE (VigieChemicalEditor, vigie_chemical_editor, GTK_TYPE_WIDGET)

enum { SAVED, N_SIGNALS };
static guint signals[N_SIGNALS];

static const char * const units[] = { "", "kg", "L", "t", NULL };

/* ─── Small helpers ──────────────────────────────────────────────────────── */

static GtkWidget *
entry_row (GtkWidget  *group,
           const char *title)
{
  GtkWidget *row = adw_entry_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
  return row;
}

static GtkWidget *
switch_row (GtkWidget  *group,
            const char *title,
            GtkWidget **sw)
{
  GtkWidget *row = adw_action_row_new ();

  *sw = gtk_switch_new ();
  gtk_widget_set_valign (*sw, GTK_ALIGN_CENTER);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), *sw);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), *sw);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
  return row;
}

static GtkWidget *
group_new (VigieChemicalEditor *self,
           const char          *title)
{
  GtkWidget *group = adw_preferences_group_new ();

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), title);
  gtk_box_append (GTK_BOX (self->content), group);
  return group;
}

static void
set_text (GtkWidget  *editable,
          const char *text)
{
  gtk_editable_set_text (GTK_EDITABLE (editable), text != NULL ? text : "");
}

static char *
format_number (double v)
{
  if (isnan (v))
    return g_strdup ("");
  return g_strdup_printf ("%g", v);
}

static char *
format_count (gint64 v)
{
  return v < 0 ? g_strdup ("") : g_strdup_printf ("%" G_GINT64_FORMAT, v);
}

static gboolean
parse_number (const char *text,
              double     *value)
{
  g_autofree char *t = g_strstrip (g_strdup (text != NULL ? text : ""));
  char *end = NULL;

  if (*t == '\0')
    {
      *value = NAN;
      return TRUE;
    }
  g_strdelimit (t, ",", '.');
  *value = g_ascii_strtod (t, &end);
  return end != NULL && *end == '\0' && isfinite (*value);
}

static gboolean
parse_count (const char *text,
             gint64     *value)
{
  g_autofree char *t = g_strstrip (g_strdup (text != NULL ? text : ""));
  guint64 n;

  if (*t == '\0')
    {
      *value = -1;
      return TRUE;
    }
  if (!g_ascii_string_to_unsigned (t, 10, 0, G_MAXINT32, &n, NULL))
    return FALSE;
  *value = (gint64) n;
  return TRUE;
}

static void
clear_errors (VigieChemicalEditor *self)
{
  GtkWidget *fields[] = { self->site, self->trade_name, self->period, self->sds_revision, self->qty_year,
                          self->qty_stored, self->qty_unit, self->workers, self->women,
                          self->process };

  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    gtk_widget_remove_css_class (fields[i], "error");
  gtk_label_set_text (self->error_label, "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);
}

static void
show_error (VigieChemicalEditor *self,
            GtkWidget           *field,
            const char          *message)
{
  if (field != NULL)
    {
      gtk_widget_add_css_class (field, "error");
      gtk_widget_grab_focus (field);
    }
  gtk_label_set_text (self->error_label, message);
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
}

/* ─── Label elements ─────────────────────────────────────────────────────── */

static void
draw_pictogram (GtkDrawingArea *area,
                cairo_t        *cr,
                int             width,
                int             height,
                gpointer        data)
{
  int size = MIN (width, height);

  vigie_ghs_pictogram_render (cr, data, (width - size) / 2.0, (height - size) / 2.0, size);
}

static void
update_label_elements (VigieChemicalEditor *self)
{
  g_autoptr(VigieLabelElements) label = NULL;
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (self->pictogram_box)) != NULL)
    gtk_flow_box_remove (GTK_FLOW_BOX (self->pictogram_box), child);
  g_clear_pointer (&self->signal_word, g_free);
  g_clear_pointer (&self->pictograms, g_free);
  if (self->store == NULL)
    return;

  g_ptr_array_add (self->codes, NULL);
  label = vigie_chemical_label_elements (self->store, (const char * const *) self->codes->pdata,
                                         NULL);
  g_ptr_array_set_size (self->codes, self->codes->len - 1);
  if (label == NULL)
    return;
  for (guint i = 0; label->pictograms[i] != NULL; i++)
    {
      GtkWidget *area = gtk_drawing_area_new ();

      gtk_drawing_area_set_content_width (GTK_DRAWING_AREA (area), 48);
      gtk_drawing_area_set_content_height (GTK_DRAWING_AREA (area), 48);
      gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (area), draw_pictogram,
                                      g_strdup (label->pictograms[i]), g_free);
      gtk_widget_set_tooltip_text (area, vigie_ghs_pictogram_name (label->pictograms[i]));
      gtk_accessible_update_property (GTK_ACCESSIBLE (area), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      vigie_ghs_pictogram_name (label->pictograms[i]), -1);
      gtk_flow_box_append (GTK_FLOW_BOX (self->pictogram_box), area);
    }
  self->pictograms = g_strjoinv (" ", label->pictograms);
  self->signal_word = g_strdup (label->signal_word != NULL ? label->signal_word : "");
  gtk_widget_remove_css_class (self->signal_label, "error");
  gtk_widget_remove_css_class (self->signal_label, "warning");
  if (g_strcmp0 (label->signal_word, "danger") == 0)
    {
      /* Translators: the GHS signal word */
      gtk_label_set_text (GTK_LABEL (self->signal_label), C_("signal word", "Danger"));
      gtk_widget_add_css_class (self->signal_label, "error");
    }
  else if (g_strcmp0 (label->signal_word, "warning") == 0)
    {
      /* Translators: the GHS signal word */
      gtk_label_set_text (GTK_LABEL (self->signal_label), C_("signal word", "Warning"));
      gtk_widget_add_css_class (self->signal_label, "warning");
    }
  else
    gtk_label_set_text (GTK_LABEL (self->signal_label), _("No signal word"));
}

static void remove_code_clicked (GtkButton *button, VigieChemicalEditor *self);

static void
rebuild_chips (VigieChemicalEditor *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (self->hazard_chips)) != NULL)
    gtk_flow_box_remove (GTK_FLOW_BOX (self->hazard_chips), child);
  for (guint i = 0; i < self->codes->len; i++)
    {
      const char *code = g_ptr_array_index (self->codes, i);
      g_autoptr(VigieHazardStatement) h = self->store != NULL
        ? vigie_chemical_get_hazard_statement (self->store, code, NULL) : NULL;
      GtkWidget *button = gtk_button_new ();
      GtkWidget *content = adw_button_content_new ();
      g_autofree char *tip = NULL;

      adw_button_content_set_label (ADW_BUTTON_CONTENT (content), code);
      adw_button_content_set_icon_name (ADW_BUTTON_CONTENT (content), "window-close-symbolic");
      gtk_button_set_child (GTK_BUTTON (button), content);
      gtk_widget_add_css_class (button, "pill");
      gtk_widget_add_css_class (button, "small");
      if (h != NULL)
        /* Translators: tooltip of a hazard statement chip: code, text */
        tip = g_strdup_printf (_("%1$s: %2$s. Click to remove."), code,
                               vigie_reference_text (h->text));
      gtk_widget_set_tooltip_text (button, tip);
      g_object_set_data_full (G_OBJECT (button), "code", g_strdup (code), g_free);
      g_signal_connect (button, "clicked", G_CALLBACK (remove_code_clicked), self);
      gtk_flow_box_append (GTK_FLOW_BOX (self->hazard_chips), button);
    }
  update_label_elements (self);
}

static void
remove_code_clicked (GtkButton           *button,
                     VigieChemicalEditor *self)
{
  const char *code = g_object_get_data (G_OBJECT (button), "code");

  for (guint i = 0; i < self->codes->len; i++)
    if (g_strcmp0 (g_ptr_array_index (self->codes, i), code) == 0)
      {
        g_ptr_array_remove_index (self->codes, i);
        break;
      }
  rebuild_chips (self);
}

static void
add_code (VigieChemicalEditor *self,
          const char          *code)
{
  for (guint i = 0; i < self->codes->len; i++)
    if (strcmp (g_ptr_array_index (self->codes, i), code) == 0)
      return;
  g_ptr_array_add (self->codes, g_strdup (code));
}

gboolean
vigie_chemical_editor_add_hazard_codes (VigieChemicalEditor *self,
                                        const char          *text)
{
  g_autofree char *reason = NULL;
  g_auto(GStrv) codes = NULL;

  g_return_val_if_fail (VIGIE_IS_CHEMICAL_EDITOR (self), FALSE);

  gtk_widget_remove_css_class (self->hazard_entry, "error");
  codes = vigie_chemical_parse_hazard_list (text, &reason);
  if (codes == NULL)
    {
      show_error (self, self->hazard_entry, reason);
      return FALSE;
    }
  for (guint i = 0; codes[i] != NULL; i++)
    add_code (self, codes[i]);
  rebuild_chips (self);
  return TRUE;
}

static void
hazard_entry_activate (GtkEntry            *entry,
                       VigieChemicalEditor *self)
{
  if (vigie_chemical_editor_add_hazard_codes (self, gtk_editable_get_text (GTK_EDITABLE (entry))))
    gtk_editable_set_text (GTK_EDITABLE (entry), "");
}

static void
add_statement_clicked (GtkButton           *button,
                       VigieChemicalEditor *self)
{
  guint selected = gtk_drop_down_get_selected (GTK_DROP_DOWN (self->hazard_dropdown));

  if (self->statements == NULL || selected >= self->statements->len)
    return;
  add_code (self, ((VigieHazardStatement *) g_ptr_array_index (self->statements, selected))->code);
  rebuild_chips (self);
}

static void
fill_statement_list (VigieChemicalEditor *self)
{
  g_autoptr(GtkStringList) list = gtk_string_list_new (NULL);

  g_clear_pointer (&self->statements, g_ptr_array_unref);
  if (self->store != NULL)
    self->statements = vigie_chemical_list_hazard_statements (self->store, NULL);
  for (guint i = 0; self->statements != NULL && i < self->statements->len; i++)
    {
      VigieHazardStatement *h = g_ptr_array_index (self->statements, i);
      g_autofree char *item = h->deleted
        /* Translators: a hazard statement no longer in the GHS, in a list */
        ? g_strdup_printf (_("%1$s — %2$s (withdrawn)"), h->code, vigie_reference_text (h->text))
        /* Translators: a hazard statement in a list: code — text */
        : g_strdup_printf (_("%1$s — %2$s"), h->code, vigie_reference_text (h->text));

      gtk_string_list_append (list, item);
    }
  gtk_drop_down_set_model (GTK_DROP_DOWN (self->hazard_dropdown), G_LIST_MODEL (list));
}

/* ─── Constituents ───────────────────────────────────────────────────────── */

static void
check_cas (GtkEditable         *editable,
           VigieChemicalEditor *self)
{
  ConstituentRow *row = g_object_get_data (G_OBJECT (editable), "row");
  g_autofree char *reason = NULL;

  if (vigie_chemical_parse_cas (gtk_editable_get_text (editable), NULL, &reason))
    {
      gtk_widget_remove_css_class (row->cas, "error");
      gtk_widget_set_visible (row->reason, FALSE);
    }
  else
    {
      gtk_widget_add_css_class (row->cas, "error");
      gtk_label_set_text (GTK_LABEL (row->reason), reason);
      gtk_widget_set_visible (row->reason, TRUE);
    }
}

static void
remove_constituent_clicked (GtkButton           *button,
                            VigieChemicalEditor *self)
{
  ConstituentRow *row = g_object_get_data (G_OBJECT (button), "row");

  gtk_box_remove (GTK_BOX (self->constituents_box), row->box);
  g_ptr_array_remove (self->rows, row);
}

static GtkWidget *
small_entry (const char *text,
             const char *placeholder,
             int         chars)
{
  GtkWidget *entry = gtk_entry_new ();

  gtk_editable_set_text (GTK_EDITABLE (entry), text != NULL ? text : "");
  gtk_entry_set_placeholder_text (GTK_ENTRY (entry), placeholder);
  gtk_editable_set_width_chars (GTK_EDITABLE (entry), chars);
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  placeholder, -1);
  return entry;
}

GtkEditable *
vigie_chemical_editor_add_constituent (VigieChemicalEditor *self,
                                       const char          *name,
                                       const char          *cas,
                                       const char          *conc_min,
                                       const char          *conc_max)
{
  ConstituentRow *row = g_new0 (ConstituentRow, 1);
  GtkWidget *line = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *remove = gtk_button_new_from_icon_name ("user-trash-symbolic");

  g_return_val_if_fail (VIGIE_IS_CHEMICAL_EDITOR (self), NULL);

  row->box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  row->name = small_entry (name, _("Substance"), 14);
  gtk_widget_set_hexpand (row->name, TRUE);
  row->cas = small_entry (cas, _("CAS number or “none”"), 11);
  row->conc_min = small_entry (conc_min, _("min %"), 4);
  row->conc_max = small_entry (conc_max, _("max %"), 4);
  row->reason = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (row->reason), 0);
  gtk_label_set_wrap (GTK_LABEL (row->reason), TRUE);
  gtk_widget_add_css_class (row->reason, "error");
  gtk_widget_add_css_class (row->reason, "caption");
  gtk_widget_set_visible (row->reason, FALSE);
  gtk_widget_set_tooltip_text (remove, _("Remove this constituent"));
  gtk_widget_add_css_class (remove, "flat");
  g_object_set_data (G_OBJECT (row->cas), "row", row);
  g_object_set_data (G_OBJECT (remove), "row", row);
  g_signal_connect (row->cas, "changed", G_CALLBACK (check_cas), self);
  g_signal_connect (remove, "clicked", G_CALLBACK (remove_constituent_clicked), self);
  gtk_box_append (GTK_BOX (line), row->name);
  gtk_box_append (GTK_BOX (line), row->cas);
  gtk_box_append (GTK_BOX (line), row->conc_min);
  gtk_box_append (GTK_BOX (line), gtk_label_new ("–"));
  gtk_box_append (GTK_BOX (line), row->conc_max);
  gtk_box_append (GTK_BOX (line), remove);
  gtk_box_append (GTK_BOX (row->box), line);
  gtk_box_append (GTK_BOX (row->box), row->reason);
  gtk_box_append (GTK_BOX (self->constituents_box), row->box);
  g_ptr_array_add (self->rows, row);
  check_cas (GTK_EDITABLE (row->cas), self);
  return GTK_EDITABLE (row->cas);
}

static void
add_constituent_clicked (GtkButton           *button,
                         VigieChemicalEditor *self)
{
  gtk_widget_grab_focus (GTK_WIDGET (vigie_chemical_editor_add_constituent (self, "", "", "", "")));
}

/* ─── Measurements ───────────────────────────────────────────────────────── */

static void
fill_measurements (VigieChemicalEditor *self)
{
  g_autoptr(GPtrArray) list = NULL;
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (self->measurement_rows)) != NULL)
    gtk_list_box_remove (GTK_LIST_BOX (self->measurement_rows), child);
  if (self->store == NULL || self->product == NULL || self->product->id == 0)
    {
      gtk_widget_set_visible (self->measurements_group, FALSE);
      return;
    }
  gtk_widget_set_visible (self->measurements_group, TRUE);
  list = vigie_chemical_list_measurements (self->store, self->product->site_id,
                                           self->product->id, NULL);
  for (guint i = 0; list != NULL && i < list->len; i++)
    {
      VigieExposureMeasurement *m = g_ptr_array_index (list, i);
      GtkWidget *row = adw_action_row_new ();
      g_autofree char *title = NULL;
      g_autofree char *subtitle = NULL;

      if (isnan (m->limit_value))
        /* Translators: a measurement: kind, value, unit */
        title = g_strdup_printf (_("%1$s: %2$g %3$s"),
                                 vigie_vocab_label (VIGIE_VOCAB_EXPOSURE_KIND, m->kind),
                                 m->value, m->unit);
      else
        /* Translators: a measurement: kind, value, unit, limit value, unit */
        title = g_strdup_printf (_("%1$s: %2$g %3$s (limit %4$g %3$s)"),
                                 vigie_vocab_label (VIGIE_VOCAB_EXPOSURE_KIND, m->kind),
                                 m->value, m->unit, m->limit_value);
      subtitle = g_strdup_printf ("%s%s%s%s", m->measured_on,
                                  *m->substance_name != '\0' ? " · " : "", m->substance_name,
                                  *m->limit_source != '\0' ? " · " : "");
      if (*m->limit_source != '\0')
        {
          char *tmp = g_strconcat (subtitle, m->limit_source, NULL);

          g_free (subtitle);
          subtitle = tmp;
        }
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      if (vigie_exposure_measurement_above_limit (m))
        {
          GtkWidget *flag = gtk_label_new (_("Above the limit"));

          gtk_widget_add_css_class (flag, "error");
          gtk_widget_add_css_class (flag, "heading");
          adw_action_row_add_suffix (ADW_ACTION_ROW (row), flag);
        }
      gtk_list_box_append (GTK_LIST_BOX (self->measurement_rows), row);
    }
}

static void
add_measurement_clicked (GtkButton           *button,
                         VigieChemicalEditor *self)
{
  g_autoptr(VigieExposureMeasurement) m = vigie_exposure_measurement_new ();
  g_autoptr(GError) error = NULL;
  const VigieVocabEntry *kinds;
  guint n_kinds = 0;
  guint selected;

  if (self->store == NULL || self->product == NULL || self->product->id == 0)
    return;
  clear_errors (self);
  kinds = vigie_vocab_entries (VIGIE_VOCAB_EXPOSURE_KIND, &n_kinds);
  selected = gtk_drop_down_get_selected (GTK_DROP_DOWN (self->m_kind));
  m->site_id = self->product->site_id;
  m->product_id = self->product->id;
  g_free (m->kind);
  m->kind = g_strdup (selected < n_kinds ? kinds[selected].code : "air");
  m->measured_on = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->m_date))));
  g_free (m->unit);
  m->unit = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->m_unit))));
  if (!parse_number (gtk_editable_get_text (GTK_EDITABLE (self->m_value)), &m->value)
      || isnan (m->value))
    {
      show_error (self, self->m_value, _("The measured value must be a number"));
      return;
    }
  if (!parse_number (gtk_editable_get_text (GTK_EDITABLE (self->m_limit)), &m->limit_value))
    {
      show_error (self, self->m_limit, _("The limit value must be a number"));
      return;
    }
  if (vigie_chemical_insert_measurement (self->store, m, &error) == 0)
    {
      show_error (self, NULL, error->message);
      return;
    }
  set_text (self->m_value, "");
  fill_measurements (self);
}

/* ─── Site ───────────────────────────────────────────────────────────────── */

/* The sites a product can belong to: every site of the dataset, by name. */
static void
fill_sites (VigieChemicalEditor *self)
{
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
  g_autoptr(GError) error = NULL;

  g_clear_pointer (&self->sites, g_ptr_array_unref);
  if (self->store != NULL)
    {
      self->sites = vigie_chemical_list_sites (self->store, &error);
      if (self->sites == NULL)
        g_warning ("Cannot list the sites: %s", error->message);
    }
  for (guint i = 0; self->sites != NULL && i < self->sites->len; i++)
    {
      VigieChemicalChoice *c = g_ptr_array_index (self->sites, i);

      gtk_string_list_append (labels, c->label);
    }
  gtk_drop_down_set_model (GTK_DROP_DOWN (self->site), G_LIST_MODEL (labels));
  gtk_drop_down_set_selected (GTK_DROP_DOWN (self->site), GTK_INVALID_LIST_POSITION);
}

static void
select_site (VigieChemicalEditor *self,
             gint64               site_id)
{
  guint position = GTK_INVALID_LIST_POSITION;

  for (guint i = 0; self->sites != NULL && i < self->sites->len; i++)
    if (((VigieChemicalChoice *) g_ptr_array_index (self->sites, i))->id == site_id)
      position = i;
  gtk_drop_down_set_selected (GTK_DROP_DOWN (self->site), position);
}

static gint64
selected_site (VigieChemicalEditor *self)
{
  guint position = gtk_drop_down_get_selected (GTK_DROP_DOWN (self->site));

  if (self->sites == NULL || position >= self->sites->len)
    return 0;
  return ((VigieChemicalChoice *) g_ptr_array_index (self->sites, position))->id;
}

void
vigie_chemical_editor_set_site (VigieChemicalEditor *self,
                                gint64               site_id)
{
  g_return_if_fail (VIGIE_IS_CHEMICAL_EDITOR (self));
  select_site (self, site_id);
}

gint64
vigie_chemical_editor_get_site_id (VigieChemicalEditor *self)
{
  g_return_val_if_fail (VIGIE_IS_CHEMICAL_EDITOR (self), 0);
  return selected_site (self);
}

/* ─── Load and save ──────────────────────────────────────────────────────── */

static void
show_product (VigieChemicalEditor *self)
{
  VigieChemicalProduct *p = self->product;
  GtkWidget *child;
  g_autofree char *qy = NULL, *qs = NULL, *w = NULL, *wm = NULL;
  int unit_index = 0;

  clear_errors (self);
  gtk_stack_set_visible_child_name (GTK_STACK (self->stack), p != NULL ? "form" : "empty");
  gtk_widget_set_sensitive (self->save_button, p != NULL);
  if (p == NULL)
    return;

  gtk_label_set_text (self->heading, p->id != 0 ? p->trade_name : _("New Chemical Product"));
  /* A product stays at its site; a new one can go to any site. */
  select_site (self, p->site_id);
  gtk_widget_set_sensitive (self->site, p->id == 0);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self->site_row),
                               p->id == 0 ? _("Where the product is used") : "");
  set_text (self->trade_name, p->trade_name);
  set_text (self->period, p->period);
  set_text (self->supplier, p->supplier);
  set_text (self->department, p->department);
  adw_combo_row_set_selected (ADW_COMBO_ROW (self->process),
                              (guint) MAX (vigie_vocab_index (VIGIE_VOCAB_CHEMICAL_PROCESS,
                                                              p->process), 0));
  gtk_switch_set_active (GTK_SWITCH (self->sds_available), p->sds_available);
  set_text (self->sds_revision, p->sds_revision);
  gtk_switch_set_active (GTK_SWITCH (self->sds_language), p->sds_in_workers_language);
  gtk_switch_set_active (GTK_SWITCH (self->labels_language), p->labels_in_workers_language);
  qy = format_number (p->qty_per_year);
  qs = format_number (p->qty_stored_max);
  set_text (self->qty_year, qy);
  set_text (self->qty_stored, qs);
  for (int i = 0; units[i] != NULL; i++)
    if (g_strcmp0 (units[i], p->qty_unit) == 0)
      unit_index = i;
  adw_combo_row_set_selected (ADW_COMBO_ROW (self->qty_unit), (guint) unit_index);
  set_text (self->qty_source, p->qty_source);
  w = format_count (p->workers_exposed);
  wm = format_count (p->women_exposed);
  set_text (self->workers, w);
  set_text (self->women, wm);
  set_text (self->controls, p->engineering_controls);
  set_text (self->ppe, p->ppe_provided);
  adw_combo_row_set_selected (ADW_COMBO_ROW (self->ppe_adequate),
                              (guint) (p->ppe_adequate_reported + 1));
  gtk_switch_set_active (GTK_SWITCH (self->training), p->training);
  set_text (self->notes, p->notes);

  while ((child = gtk_widget_get_first_child (self->constituents_box)) != NULL)
    gtk_box_remove (GTK_BOX (self->constituents_box), child);
  g_ptr_array_set_size (self->rows, 0);
  for (guint i = 0; i < p->constituents->len; i++)
    {
      VigieConstituent *c = g_ptr_array_index (p->constituents, i);
      g_autofree char *lo = format_number (c->conc_min);
      g_autofree char *hi = format_number (c->conc_max);

      vigie_chemical_editor_add_constituent (self, c->name, c->cas_rn != NULL ? c->cas_rn : "",
                                             lo, hi);
    }
  g_ptr_array_set_size (self->codes, 0);
  for (guint i = 0; i < p->hazard_codes->len; i++)
    g_ptr_array_add (self->codes, g_strdup (g_ptr_array_index (p->hazard_codes, i)));
  rebuild_chips (self);
  fill_measurements (self);
}

gboolean
vigie_chemical_editor_load (VigieChemicalEditor *self,
                            gint64               id)
{
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (VIGIE_IS_CHEMICAL_EDITOR (self), FALSE);

  g_clear_pointer (&self->product, vigie_chemical_product_free);
  if (id > 0 && self->store != NULL)
    {
      self->product = vigie_chemical_get_product (self->store, id, &error);
      if (self->product == NULL)
        g_warning ("Cannot load chemical product %" G_GINT64_FORMAT ": %s", id, error->message);
    }
  show_product (self);
  return self->product != NULL;
}

void
vigie_chemical_editor_new_product (VigieChemicalEditor *self,
                                   gint64               site_id,
                                   const char          *period)
{
  g_autofree char *today = vigie_today_iso ();

  g_return_if_fail (VIGIE_IS_CHEMICAL_EDITOR (self));

  g_clear_pointer (&self->product, vigie_chemical_product_free);
  self->product = vigie_chemical_product_new ();
  self->product->site_id = site_id;
  /* Sites may have been added since the dataset was opened. */
  fill_sites (self);
  self->product->period = period != NULL ? g_strdup (period) : g_strndup (today, 4);
  show_product (self);
  gtk_widget_grab_focus (self->trade_name);
}

gint64
vigie_chemical_editor_get_id (VigieChemicalEditor *self)
{
  g_return_val_if_fail (VIGIE_IS_CHEMICAL_EDITOR (self), 0);
  return self->product != NULL ? self->product->id : 0;
}

static GtkWidget *
field_widget (VigieChemicalEditor *self,
              const char          *field,
              guint               *constituent)
{
  static const struct { const char *name; gsize offset; } map[] = {
    { "trade_name", G_STRUCT_OFFSET (VigieChemicalEditor, trade_name) },
    { "period", G_STRUCT_OFFSET (VigieChemicalEditor, period) },
    { "process", G_STRUCT_OFFSET (VigieChemicalEditor, process) },
    { "sds_revision", G_STRUCT_OFFSET (VigieChemicalEditor, sds_revision) },
    { "qty_per_year", G_STRUCT_OFFSET (VigieChemicalEditor, qty_year) },
    { "qty_stored_max", G_STRUCT_OFFSET (VigieChemicalEditor, qty_stored) },
    { "qty_unit", G_STRUCT_OFFSET (VigieChemicalEditor, qty_unit) },
    { "workers_exposed", G_STRUCT_OFFSET (VigieChemicalEditor, workers) },
    { "women_exposed", G_STRUCT_OFFSET (VigieChemicalEditor, women) },
    { "hazard_codes", G_STRUCT_OFFSET (VigieChemicalEditor, hazard_entry) },
  };

  *constituent = G_MAXUINT;
  if (field == NULL)
    return NULL;
  if (sscanf (field, "constituents[%u]", constituent) == 1 && *constituent < self->rows->len)
    {
      ConstituentRow *row = g_ptr_array_index (self->rows, *constituent);

      if (strstr (field, ".cas_rn") != NULL)
        return row->cas;
      if (strstr (field, ".conc") != NULL)
        return row->conc_max;
      return row->name;
    }
  for (guint i = 0; i < G_N_ELEMENTS (map); i++)
    if (strcmp (field, map[i].name) == 0)
      return G_STRUCT_MEMBER (GtkWidget *, self, map[i].offset);
  return NULL;
}

gboolean
vigie_chemical_editor_save (VigieChemicalEditor *self)
{
  g_autoptr(VigieChemicalProduct) p = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *field = NULL;
  g_autofree char *reason = NULL;
  const VigieVocabEntry *processes;
  guint n_processes = 0, selected, index;
  GtkWidget *widget;

  g_return_val_if_fail (VIGIE_IS_CHEMICAL_EDITOR (self), FALSE);

  if (self->product == NULL || self->store == NULL)
    return FALSE;
  clear_errors (self);
  p = vigie_chemical_product_copy (self->product);
#define TEXT(w) g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (w))))
#define SET(member, value) G_STMT_START { g_free (p->member); p->member = (value); } G_STMT_END
  if (p->id == 0)
    {
      p->site_id = selected_site (self);
      if (p->site_id == 0)
        {
          show_error (self, self->site, _("Choose the site where the product is used"));
          return FALSE;
        }
    }
  SET (trade_name, TEXT (self->trade_name));
  SET (period, TEXT (self->period));
  SET (supplier, TEXT (self->supplier));
  SET (department, TEXT (self->department));
  processes = vigie_vocab_entries (VIGIE_VOCAB_CHEMICAL_PROCESS, &n_processes);
  selected = adw_combo_row_get_selected (ADW_COMBO_ROW (self->process));
  SET (process, g_strdup (selected < n_processes ? processes[selected].code : "other"));
  p->sds_available = gtk_switch_get_active (GTK_SWITCH (self->sds_available));
  SET (sds_revision, TEXT (self->sds_revision));
  if (*p->sds_revision == '\0')
    g_clear_pointer (&p->sds_revision, g_free);
  p->sds_in_workers_language = gtk_switch_get_active (GTK_SWITCH (self->sds_language));
  p->labels_in_workers_language = gtk_switch_get_active (GTK_SWITCH (self->labels_language));
  if (!parse_number (gtk_editable_get_text (GTK_EDITABLE (self->qty_year)), &p->qty_per_year))
    {
      show_error (self, self->qty_year, _("The quantity per year must be a number"));
      return FALSE;
    }
  if (!parse_number (gtk_editable_get_text (GTK_EDITABLE (self->qty_stored)), &p->qty_stored_max))
    {
      show_error (self, self->qty_stored, _("The quantity stored must be a number"));
      return FALSE;
    }
  selected = adw_combo_row_get_selected (ADW_COMBO_ROW (self->qty_unit));
  SET (qty_unit, selected > 0 && selected < 4 ? g_strdup (units[selected]) : NULL);
  SET (qty_source, TEXT (self->qty_source));
  if (!parse_count (gtk_editable_get_text (GTK_EDITABLE (self->workers)), &p->workers_exposed))
    {
      show_error (self, self->workers, _("The number of workers exposed must be a whole number"));
      return FALSE;
    }
  if (!parse_count (gtk_editable_get_text (GTK_EDITABLE (self->women)), &p->women_exposed))
    {
      show_error (self, self->women, _("The number of women exposed must be a whole number"));
      return FALSE;
    }
  SET (engineering_controls, TEXT (self->controls));
  SET (ppe_provided, TEXT (self->ppe));
  p->ppe_adequate_reported = (int) adw_combo_row_get_selected (ADW_COMBO_ROW (self->ppe_adequate)) - 1;
  p->training = gtk_switch_get_active (GTK_SWITCH (self->training));
  SET (notes, TEXT (self->notes));

  g_ptr_array_set_size (p->constituents, 0);
  for (guint i = 0; i < self->rows->len; i++)
    {
      ConstituentRow *row = g_ptr_array_index (self->rows, i);
      VigieConstituent *c = vigie_constituent_new ();
      g_autofree char *why = NULL;

      g_free (c->name);
      c->name = TEXT (row->name);
      if (!vigie_chemical_parse_cas (gtk_editable_get_text (GTK_EDITABLE (row->cas)), &c->cas_rn,
                                     &why))
        {
          vigie_constituent_free (c);
          /* Translators: %1$s is what was typed, %2$s why it is wrong */
          g_free (reason);
          reason = g_strdup_printf (_("CAS number “%1$s”: %2$s"),
                                    gtk_editable_get_text (GTK_EDITABLE (row->cas)), why);
          show_error (self, row->cas, reason);
          return FALSE;
        }
      if (!parse_number (gtk_editable_get_text (GTK_EDITABLE (row->conc_min)), &c->conc_min)
          || !parse_number (gtk_editable_get_text (GTK_EDITABLE (row->conc_max)), &c->conc_max))
        {
          vigie_constituent_free (c);
          show_error (self, row->conc_min, _("A concentration must be a number"));
          return FALSE;
        }
      g_ptr_array_add (p->constituents, c);
    }
  g_ptr_array_set_size (p->hazard_codes, 0);
  for (guint i = 0; i < self->codes->len; i++)
    g_ptr_array_add (p->hazard_codes, g_strdup (g_ptr_array_index (self->codes, i)));
#undef SET
#undef TEXT

  if (!vigie_chemical_product_validate (p, &field, &reason))
    {
      widget = field_widget (self, field, &index);
      show_error (self, widget, reason);
      return FALSE;
    }
  if (p->id == 0)
    {
      p->id = vigie_chemical_insert_product (self->store, p, &error);
      if (p->id == 0)
        {
          show_error (self, NULL, error->message);
          return FALSE;
        }
    }
  else if (!vigie_chemical_update_product (self->store, p, &error))
    {
      show_error (self, NULL, error->message);
      return FALSE;
    }
  vigie_chemical_editor_load (self, p->id);
  g_signal_emit (self, signals[SAVED], 0, p->id);
  return TRUE;
}

static void
save_clicked (GtkButton           *button,
              VigieChemicalEditor *self)
{
  vigie_chemical_editor_save (self);
}

GtkEditable *
vigie_chemical_editor_get_trade_name (VigieChemicalEditor *self)
{
  return GTK_EDITABLE (self->trade_name);
}

const char *
vigie_chemical_editor_get_error (VigieChemicalEditor *self)
{
  return gtk_label_get_text (self->error_label);
}

char *
vigie_chemical_editor_get_pictograms (VigieChemicalEditor *self)
{
  return g_strdup (self->pictograms != NULL ? self->pictograms : "");
}

const char *
vigie_chemical_editor_get_signal_word (VigieChemicalEditor *self)
{
  return self->signal_word != NULL ? self->signal_word : "";
}

void
vigie_chemical_editor_set_store (VigieChemicalEditor *self,
                                 VigieStore          *store)
{
  g_return_if_fail (VIGIE_IS_CHEMICAL_EDITOR (self));

  if (!g_set_object (&self->store, store))
    return;
  fill_sites (self);
  fill_statement_list (self);
  vigie_chemical_editor_load (self, 0);
}

/* ─── Construction ───────────────────────────────────────────────────────── */

static GtkStringList *
vocab_list (VigieVocab vocab)
{
  GtkStringList *list = gtk_string_list_new (NULL);
  const VigieVocabEntry *entries;
  guint n = 0;

  entries = vigie_vocab_entries (vocab, &n);
  for (guint i = 0; i < n; i++)
    gtk_string_list_append (list, vigie_vocab_label (vocab, entries[i].code));
  return list;
}

static void
setup_site_label (GtkSignalListItemFactory *factory,
                  GtkListItem              *item,
                  gpointer                  data)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  if (GPOINTER_TO_INT (data))
    {
      gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
      gtk_label_set_width_chars (GTK_LABEL (label), 18);
      gtk_label_set_max_width_chars (GTK_LABEL (label), 18);
    }
  gtk_list_item_set_child (item, label);
}

static void
bind_site_label (GtkSignalListItemFactory *factory,
                 GtkListItem              *item,
                 gpointer                  data)
{
  gtk_label_set_text (GTK_LABEL (gtk_list_item_get_child (item)),
                      gtk_string_object_get_string (gtk_list_item_get_item (item)));
}

static void
build_form (VigieChemicalEditor *self)
{
  GtkWidget *group, *row, *box, *button;
  g_autoptr(GtkStringList) processes = vocab_list (VIGIE_VOCAB_CHEMICAL_PROCESS);
  g_autoptr(GtkStringList) unit_list = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) ppe_list = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) kinds = vocab_list (VIGIE_VOCAB_EXPOSURE_KIND);

  group = group_new (self, _("Product"));
  self->site_row = adw_action_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->site_row), _("Site"));
  self->site = gtk_drop_down_new (NULL, NULL);
  gtk_drop_down_set_enable_search (GTK_DROP_DOWN (self->site), TRUE);
  gtk_drop_down_set_expression (GTK_DROP_DOWN (self->site),
                                gtk_property_expression_new (GTK_TYPE_STRING_OBJECT, NULL,
                                                             "string"));
  {
    g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();
    g_autoptr(GtkListItemFactory) popup = gtk_signal_list_item_factory_new ();

    /* A long site name ellipsizes in the button; the popup shows it whole. */
    g_signal_connect (factory, "setup", G_CALLBACK (setup_site_label), GINT_TO_POINTER (TRUE));
    g_signal_connect (factory, "bind", G_CALLBACK (bind_site_label), NULL);
    g_signal_connect (popup, "setup", G_CALLBACK (setup_site_label), GINT_TO_POINTER (FALSE));
    g_signal_connect (popup, "bind", G_CALLBACK (bind_site_label), NULL);
    gtk_drop_down_set_factory (GTK_DROP_DOWN (self->site), factory);
    gtk_drop_down_set_list_factory (GTK_DROP_DOWN (self->site), popup);
  }
  gtk_widget_set_valign (self->site, GTK_ALIGN_CENTER);
  gtk_widget_set_size_request (self->site, 200, -1);
  gtk_widget_set_tooltip_text (self->site, _("The site where the product is used"));
  adw_action_row_add_suffix (ADW_ACTION_ROW (self->site_row), self->site);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), self->site_row);
  self->trade_name = entry_row (group, _("Trade name"));
  self->supplier = entry_row (group, _("Supplier"));
  self->period = entry_row (group, _("Reporting period (2025 or 2025-03)"));
  self->process = adw_combo_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->process), _("Process"));
  adw_combo_row_set_model (ADW_COMBO_ROW (self->process), G_LIST_MODEL (processes));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), self->process);
  self->department = entry_row (group, _("Department"));

  group = group_new (self, _("Safety Data Sheet"));
  switch_row (group, _("SDS available"), &self->sds_available);
  self->sds_revision = entry_row (group, _("Revision date (YYYY-MM-DD)"));
  switch_row (group, _("SDS in the workers’ language"), &self->sds_language);
  switch_row (group, _("Labels in the workers’ language"), &self->labels_language);

  group = group_new (self, _("Quantities"));
  self->qty_year = entry_row (group, _("Used per year"));
  self->qty_stored = entry_row (group, _("Most stored at once"));
  /* Translators: no unit chosen */
  gtk_string_list_append (unit_list, C_("unit", "None"));
  gtk_string_list_append (unit_list, _("kg"));
  gtk_string_list_append (unit_list, _("L"));
  gtk_string_list_append (unit_list, _("t"));
  self->qty_unit = adw_combo_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->qty_unit), _("Unit"));
  adw_combo_row_set_model (ADW_COMBO_ROW (self->qty_unit), G_LIST_MODEL (unit_list));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), self->qty_unit);
  self->qty_source = entry_row (group, _("Source of the figures"));

  group = group_new (self, _("Exposure and Protection"));
  self->workers = entry_row (group, _("Workers exposed"));
  self->women = entry_row (group, _("Of them women"));
  self->controls = entry_row (group, _("Engineering controls"));
  self->ppe = entry_row (group, _("PPE provided"));
  gtk_string_list_append (ppe_list, _("Not reported"));
  gtk_string_list_append (ppe_list, _("Inadequate"));
  gtk_string_list_append (ppe_list, _("Adequate"));
  self->ppe_adequate = adw_combo_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->ppe_adequate),
                                 _("Workers report the PPE"));
  adw_combo_row_set_model (ADW_COMBO_ROW (self->ppe_adequate), G_LIST_MODEL (ppe_list));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), self->ppe_adequate);
  switch_row (group, _("Training given"), &self->training);
  self->notes = entry_row (group, _("Notes"));

  group = group_new (self, _("Constituents"));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group),
                                         _("CAS numbers are checked as typed. Write “none” for "
                                           "a constituent without one."));
  button = gtk_button_new_from_icon_name ("list-add-symbolic");
  gtk_widget_set_tooltip_text (button, _("Add a constituent"));
  gtk_widget_add_css_class (button, "flat");
  g_signal_connect (button, "clicked", G_CALLBACK (add_constituent_clicked), self);
  adw_preferences_group_set_header_suffix (ADW_PREFERENCES_GROUP (group), button);
  self->constituents_box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), self->constituents_box);

  group = group_new (self, _("Hazard Statements"));
  box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  /* Pictograms wrap when the editor is narrow (long translations beside it). */
  self->pictogram_box = gtk_flow_box_new ();
  gtk_flow_box_set_selection_mode (GTK_FLOW_BOX (self->pictogram_box), GTK_SELECTION_NONE);
  gtk_flow_box_set_max_children_per_line (GTK_FLOW_BOX (self->pictogram_box), 9);
  gtk_flow_box_set_column_spacing (GTK_FLOW_BOX (self->pictogram_box), 4);
  gtk_widget_set_can_focus (self->pictogram_box, FALSE);
  gtk_widget_set_hexpand (self->pictogram_box, TRUE);
  self->signal_label = gtk_label_new (NULL);
  gtk_widget_add_css_class (self->signal_label, "title-3");
  gtk_box_append (GTK_BOX (box), self->pictogram_box);
  gtk_box_append (GTK_BOX (box), self->signal_label);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), box);
  self->hazard_chips = gtk_flow_box_new ();
  gtk_flow_box_set_selection_mode (GTK_FLOW_BOX (self->hazard_chips), GTK_SELECTION_NONE);
  gtk_flow_box_set_max_children_per_line (GTK_FLOW_BOX (self->hazard_chips), 8);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), self->hazard_chips);
  box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  self->hazard_dropdown = gtk_drop_down_new (NULL, NULL);
  gtk_drop_down_set_enable_search (GTK_DROP_DOWN (self->hazard_dropdown), TRUE);
  /* Statements are long ("H200 — Unstable explosive (withdrawn)"): the button ellipsizes. */
  vigie_drop_down_set_compact (GTK_DROP_DOWN (self->hazard_dropdown));
  gtk_widget_set_hexpand (self->hazard_dropdown, TRUE);
  gtk_widget_set_tooltip_text (self->hazard_dropdown, _("Every statement of the GHS and the "
                                                        "EU EUH statements"));
  button = gtk_button_new_with_mnemonic (_("_Add"));
  g_signal_connect (button, "clicked", G_CALLBACK (add_statement_clicked), self);
  gtk_box_append (GTK_BOX (box), self->hazard_dropdown);
  gtk_box_append (GTK_BOX (box), button);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), box);
  self->hazard_entry = gtk_entry_new ();
  gtk_entry_set_placeholder_text (GTK_ENTRY (self->hazard_entry),
                                  _("Type codes from the SDS: H225; H300+H310+H330"));
  g_signal_connect (self->hazard_entry, "activate", G_CALLBACK (hazard_entry_activate), self);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), self->hazard_entry);

  self->measurements_group = group = group_new (self, _("Exposure Measurements"));
  self->measurement_rows = gtk_list_box_new ();
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (self->measurement_rows), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (self->measurement_rows, "boxed-list");
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), self->measurement_rows);
  box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  self->m_kind = gtk_drop_down_new (G_LIST_MODEL (g_object_ref (kinds)), NULL);
  vigie_drop_down_set_compact (GTK_DROP_DOWN (self->m_kind));
  self->m_date = small_entry (NULL, _("Date"), 9);
  self->m_value = small_entry (NULL, _("Value"), 5);
  self->m_unit = small_entry ("mg/m³", _("Unit"), 6);
  self->m_limit = small_entry (NULL, _("Limit"), 5);
  row = gtk_button_new_from_icon_name ("list-add-symbolic");
  gtk_widget_set_tooltip_text (row, _("Add the measurement"));
  g_signal_connect (row, "clicked", G_CALLBACK (add_measurement_clicked), self);
  gtk_box_append (GTK_BOX (box), self->m_kind);
  gtk_box_append (GTK_BOX (box), self->m_date);
  gtk_box_append (GTK_BOX (box), self->m_value);
  gtk_box_append (GTK_BOX (box), self->m_unit);
  gtk_box_append (GTK_BOX (box), self->m_limit);
  gtk_box_append (GTK_BOX (box), row);
  gtk_widget_set_margin_top (box, 6);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), box);
  {
    g_autofree char *today = vigie_today_iso ();

    set_text (self->m_date, today);
  }
}

static void
vigie_chemical_editor_dispose (GObject *object)
{
  VigieChemicalEditor *self = VIGIE_CHEMICAL_EDITOR (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), VIGIE_TYPE_CHEMICAL_EDITOR);
  g_clear_object (&self->store);
  g_clear_pointer (&self->sites, g_ptr_array_unref);
  g_clear_pointer (&self->statements, g_ptr_array_unref);
  g_clear_pointer (&self->rows, g_ptr_array_unref);
  g_clear_pointer (&self->codes, g_ptr_array_unref);
  g_clear_pointer (&self->product, vigie_chemical_product_free);
  g_clear_pointer (&self->signal_word, g_free);
  g_clear_pointer (&self->pictograms, g_free);
  G_OBJECT_CLASS (vigie_chemical_editor_parent_class)->dispose (object);
}

static void
vigie_chemical_editor_class_init (VigieChemicalEditorClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = vigie_chemical_editor_dispose;
  signals[SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                 NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/vigie/Vigie/vigie-chemical-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, VigieChemicalEditor, stack);
  gtk_widget_class_bind_template_child (widget_class, VigieChemicalEditor, content);
  gtk_widget_class_bind_template_child (widget_class, VigieChemicalEditor, heading);
  gtk_widget_class_bind_template_child (widget_class, VigieChemicalEditor, error_label);
  gtk_widget_class_bind_template_child (widget_class, VigieChemicalEditor, save_button);
  gtk_widget_class_bind_template_callback (widget_class, save_clicked);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
vigie_chemical_editor_init (VigieChemicalEditor *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->rows = g_ptr_array_new_with_free_func (g_free);
  self->codes = g_ptr_array_new_with_free_func (g_free);
  build_form (self);
  show_product (self);
}
