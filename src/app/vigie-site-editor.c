/* vigie-site-editor.c — the detail pane of the Factories page.
 *
 * Every change re-validates the whole record with vigie_site_validate(): an invalid field
 * gets the `error` style class and the reason next to its text, which stays as typed;
 * Save stays disabled until every field is valid.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n.h>
#include <math.h>

#include "vigie-factories-private.h"
#include "vigie-reference.h"
#include "vigie-findings-page.h"
#include "vigie-site-editor.h"
#include "vigie-util.h"
#include "vigie-vocab.h"
#include "vigie-workforce-dialog.h"

/* The text fields, by VigieSiteRecord member. */
enum
{
  ENTRY_NAME,
  ENTRY_NATIVE_NAME,
  ENTRY_ADDRESS,
  ENTRY_OS_ID,
  ENTRY_LATITUDE,
  ENTRY_LONGITUDE,
  ENTRY_PARENT_COMPANY,
  ENTRY_EMPLOYER,
  N_ENTRIES
};

static const char *const entry_fields[N_ENTRIES] = {
  "name", "native_name", "address", "os_id", "latitude", "longitude", "parent_company",
  "employer",
};

struct _VigieSiteEditor
{
  GtkWidget            parent_instance;

  /* template children */
  GtkStack            *stack;
  GtkLabel            *title_label;
  GtkLabel            *subtitle_label;
  GtkWidget           *save_button;
  GtkWidget           *delete_button;
  AdwPreferencesPage  *page;
  GtkWidget           *name_row;
  GtkWidget           *native_name_row;
  GtkWidget           *address_row;
  AdwActionRow        *country_row;
  GtkDropDown         *country_dropdown;
  AdwComboRow         *location_type_row;
  GtkWidget           *os_id_row;
  GtkSwitch           *closed_switch;
  GtkFlowBox          *products_box;
  GtkWidget           *latitude_row;
  GtkWidget           *longitude_row;
  GtkWidget           *parent_company_row;
  GtkWidget           *employer_row;
  AdwPreferencesGroup *workforce_group;
  GtkWidget           *add_workforce_button;
  GtkTextView         *notes_view;

  GtkWidget           *entries[N_ENTRIES];
  GtkWidget           *entry_errors[N_ENTRIES];
  char                *entry_reasons[N_ENTRIES];
  char                *country_reason;
  GPtrArray           *product_checks;   /* GtkCheckButton, in vocabulary order */
  GStrv                country_codes;    /* in the order of the dropdown (by name) */
  GPtrArray           *workforce_rows;   /* rows added to workforce_group */
  GPtrArray           *workforce;        /* VigieWorkforceRecord, newest first */

  VigieStore          *store;
  VigieSiteRecord     *record;           /* as loaded (or the blank new site) */
  char                *name;             /* as typed */
  gboolean             loading;
  gboolean             modified;
  gboolean             valid;
};

G_DEFINE_FINAL_TYPE (VigieSiteEditor, vigie_site_editor, GTK_TYPE_WIDGET)

enum
{
  SAVED,
  WORKFORCE_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* ─── Reading the form ───────────────────────────────────────────────────── */

static char *
entry_text (VigieSiteEditor *self,
            guint            entry)
{
  g_autofree char *text = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->entries[entry])));

  return g_strdup (g_strstrip (text));
}

static char *
products_from_form (VigieSiteEditor *self)
{
  const VigieVocabEntry *entries = vigie_vocab_entries (VIGIE_VOCAB_PRODUCT, NULL);
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < self->product_checks->len; i++)
    if (gtk_check_button_get_active (g_ptr_array_index (self->product_checks, i)))
      {
        if (out->len > 0)
          g_string_append_c (out, ',');
        g_string_append (out, entries[i].code);
      }
  return g_string_free (out, FALSE);
}

/* The record as the form holds it. A coordinate that is not a number is NAN in the
 * record and its reason goes to COORD_REASONS (latitude, longitude). */
static VigieSiteRecord *
record_from_form (VigieSiteEditor  *self,
                  const char      **coord_reasons)
{
  VigieSiteRecord *r = vigie_site_record_copy (self->record);
  const VigieVocabEntry *types = vigie_vocab_entries (VIGIE_VOCAB_LOCATION_TYPE, NULL);
  guint country = gtk_drop_down_get_selected (self->country_dropdown);
  guint type = adw_combo_row_get_selected (self->location_type_row);
  g_autofree char *lat = entry_text (self, ENTRY_LATITUDE);
  g_autofree char *lng = entry_text (self, ENTRY_LONGITUDE);
  g_autofree char *os_id = entry_text (self, ENTRY_OS_ID);
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->notes_view);
  GtkTextIter start, end;

#define SET_STR(member, value) G_STMT_START { g_free (r->member); r->member = (value); } G_STMT_END
  SET_STR (name, entry_text (self, ENTRY_NAME));
  SET_STR (native_name, entry_text (self, ENTRY_NATIVE_NAME));
  SET_STR (address, entry_text (self, ENTRY_ADDRESS));
  SET_STR (parent_company, entry_text (self, ENTRY_PARENT_COMPANY));
  SET_STR (employer, entry_text (self, ENTRY_EMPLOYER));
  SET_STR (country, g_strdup (country != GTK_INVALID_LIST_POSITION
                              && self->country_codes[country] != NULL
                              ? self->country_codes[country] : ""));
  SET_STR (location_type, g_strdup (type != GTK_INVALID_LIST_POSITION ? types[type].code
                                                                       : ""));
  SET_STR (products, products_from_form (self));
  SET_STR (os_id, *os_id != '\0' ? g_ascii_strup (os_id, -1) : NULL);
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  SET_STR (notes, gtk_text_buffer_get_text (buffer, &start, &end, FALSE));
#undef SET_STR

  r->closed = gtk_switch_get_active (self->closed_switch);

  coord_reasons[0] = coord_reasons[1] = NULL;
  if (!vigie_factories_parse_decimal (lat, &r->latitude))
    {
      r->latitude = NAN;
      coord_reasons[0] = _("Enter a number of degrees, such as 22.5431");
    }
  if (!vigie_factories_parse_decimal (lng, &r->longitude))
    {
      r->longitude = NAN;
      coord_reasons[1] = _("Enter a number of degrees, such as 114.0579");
    }
  return r;
}

/* ─── Validation ─────────────────────────────────────────────────────────── */

static const char *
first_reason (GPtrArray  *errors,
              const char *field)
{
  for (guint i = 0; i < errors->len; i++)
    {
      VigieFieldError *e = g_ptr_array_index (errors, i);

      if (g_strcmp0 (e->field, field) == 0)
        return e->reason;
    }
  return NULL;
}

static void
update_header (VigieSiteEditor *self,
               const char      *name,
               const char      *country,
               const char      *location_type)
{
  const char *country_label = country != NULL && *country != '\0'
                              ? vigie_reference_country_label (country) : NULL;
  g_autofree char *subtitle = NULL;

  gtk_label_set_label (self->title_label,
                       name != NULL && *name != '\0' ? name
                       : self->record->id == 0 ? _("New Site") : _("Unnamed Site"));
  if (country_label != NULL)
    /* Translators: under the site's name: "China · Final product assembly" */
    subtitle = g_strdup_printf (_("%1$s · %2$s"), country_label,
                                vigie_vocab_label (VIGIE_VOCAB_LOCATION_TYPE, location_type));
  else
    subtitle = g_strdup (vigie_vocab_label (VIGIE_VOCAB_LOCATION_TYPE, location_type));
  gtk_label_set_label (self->subtitle_label, subtitle);
}

static void
update_actions (VigieSiteEditor *self)
{
  gboolean editing = self->record != NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.save",
                                 editing && self->valid
                                 && (self->modified || self->record->id == 0));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.add-workforce",
                                 editing && self->record->id > 0);
  gtk_widget_set_tooltip_text (self->add_workforce_button,
                               editing && self->record->id == 0
                               ? _("Save the new site first to add workforce figures")
                               : NULL);
}

static void
validate (VigieSiteEditor *self)
{
  const char *coord_reasons[2];
  g_autoptr(VigieSiteRecord) record = NULL;
  g_autoptr(GPtrArray) errors = NULL;
  const char *reason;
  gboolean valid;

  if (self->record == NULL)
    return;

  record = record_from_form (self, coord_reasons);
  errors = vigie_site_validate (self->store, record);
  valid = errors->len == 0 && coord_reasons[0] == NULL && coord_reasons[1] == NULL;

  for (guint i = 0; i < N_ENTRIES; i++)
    {
      reason = NULL;
      if (i == ENTRY_LATITUDE)
        reason = coord_reasons[0];
      else if (i == ENTRY_LONGITUDE)
        reason = coord_reasons[1];
      if (reason == NULL)
        reason = first_reason (errors, entry_fields[i]);

      g_free (self->entry_reasons[i]);
      self->entry_reasons[i] = g_strdup (reason);
      vigie_factories_set_row_error (self->entries[i], self->entry_errors[i], reason);
    }

  reason = first_reason (errors, "country");
  g_free (self->country_reason);
  self->country_reason = g_strdup (reason);
  adw_action_row_set_subtitle (self->country_row, reason != NULL ? reason : "");
  if (reason != NULL)
    gtk_widget_add_css_class (GTK_WIDGET (self->country_row), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->country_row), "error");

  reason = first_reason (errors, "location_type");
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self->location_type_row),
                               reason != NULL ? reason : "");

  g_free (self->name);
  self->name = g_strdup (record->name);
  update_header (self, record->name, record->country, record->location_type);

  self->valid = valid;
  update_actions (self);
}

static void
form_changed_cb (VigieSiteEditor *self)
{
  if (self->loading)
    return;
  self->modified = TRUE;
  validate (self);
}

/* ─── Workforce ──────────────────────────────────────────────────────────── */

static void edit_workforce (VigieSiteEditor            *self,
                            const VigieWorkforceRecord *record);

static void
workforce_row_activated_cb (AdwActionRow    *row,
                            VigieSiteEditor *self)
{
  guint index = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (row), "index"));

  if (self->workforce != NULL && index < self->workforce->len)
    edit_workforce (self, g_ptr_array_index (self->workforce, index));
}

static void reload_workforce (VigieSiteEditor *self);

typedef struct
{
  VigieSiteEditor      *self;   /* weak */
  VigieWorkforceRecord *record;
  VigieStore           *store;
} WorkforceUndo;

static void
workforce_undo_free (gpointer data)
{
  WorkforceUndo *undo = data;

  g_clear_weak_pointer (&undo->self);
  vigie_workforce_record_free (undo->record);
  g_object_unref (undo->store);
  g_free (undo);
}

static void
workforce_undo_clicked_cb (AdwToast      *toast,
                           WorkforceUndo *undo)
{
  g_autoptr(GError) error = NULL;

  /* The snapshot has no dependent rows, so inserting it again restores it completely. */
  undo->record->id = 0;
  if (vigie_store_insert_workforce (undo->store, undo->record, &error) <= 0)
    {
      g_warning ("Cannot restore workforce figures: %s", error->message);
      if (undo->self != NULL)
        vigie_factories_add_toast (GTK_WIDGET (undo->self), adw_toast_new (error->message));
      return;
    }
  if (undo->self != NULL && undo->self->record != NULL
      && undo->self->record->id == undo->record->site_id)
    reload_workforce (undo->self);
  if (undo->self != NULL)
    g_signal_emit (undo->self, signals[WORKFORCE_CHANGED], 0, undo->record->site_id);
}

static void
workforce_delete_clicked_cb (GtkButton       *button,
                             VigieSiteEditor *self)
{
  guint index = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "index"));
  g_autoptr(GError) error = NULL;
  VigieWorkforceRecord *record;
  g_autofree char *date = NULL;
  g_autofree char *title = NULL;
  WorkforceUndo *undo;
  AdwToast *toast;

  if (self->workforce == NULL || index >= self->workforce->len)
    return;
  record = g_ptr_array_index (self->workforce, index);

  if (!vigie_store_delete_workforce (self->store, record->id, &error))
    {
      vigie_factories_add_toast (GTK_WIDGET (self), adw_toast_new (error->message));
      return;
    }

  undo = g_new0 (WorkforceUndo, 1);
  g_set_weak_pointer (&undo->self, self);
  undo->store = g_object_ref (self->store);
  undo->record = g_ptr_array_steal_index (self->workforce, index);

  date = vigie_factories_format_date (undo->record->as_of);
  /* Translators: %s is a date */
  title = g_strdup_printf (_("Deleted the workforce figures of %s"), date);
  toast = adw_toast_new (title);
  adw_toast_set_button_label (toast, _("_Undo"));
  g_signal_connect_data (toast, "button-clicked", G_CALLBACK (workforce_undo_clicked_cb),
                         undo, (GClosureNotify) (void (*) (void)) workforce_undo_free, 0);
  vigie_factories_add_toast (GTK_WIDGET (self), toast);

  reload_workforce (self);
  g_signal_emit (self, signals[WORKFORCE_CHANGED], 0, self->record->id);
}

static GtkWidget *
workforce_row_new (VigieSiteEditor            *self,
                   const VigieWorkforceRecord *record,
                   guint                       index)
{
  g_autofree char *date = vigie_factories_format_date (record->as_of);
  g_autofree char *title = NULL;
  g_autofree char *subtitle = vigie_workforce_describe (record);
  g_autofree char *tooltip = NULL;
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *edit = gtk_image_new_from_icon_name ("go-next-symbolic");
  GtkWidget *delete = gtk_button_new_from_icon_name ("user-trash-symbolic");

  /* Translators: a workforce snapshot: "1 Mar 2025 · Employer" (date, source) */
  title = g_strdup_printf (_("%1$s · %2$s"), date,
                           vigie_vocab_label (VIGIE_VOCAB_WORKFORCE_SOURCE, record->source));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  g_object_set_data (G_OBJECT (row), "index", GUINT_TO_POINTER (index));
  g_signal_connect_object (row, "activated", G_CALLBACK (workforce_row_activated_cb), self, 0);

  tooltip = g_strdup_printf (_("Delete the figures of %s"), date);
  gtk_widget_set_tooltip_text (delete, tooltip);
  gtk_widget_set_valign (delete, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (delete, "flat");
  g_object_set_data (G_OBJECT (delete), "index", GUINT_TO_POINTER (index));
  g_signal_connect_object (delete, "clicked", G_CALLBACK (workforce_delete_clicked_cb), self, 0);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), delete);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), edit);
  return row;
}

static void
clear_workforce_rows (VigieSiteEditor *self)
{
  for (guint i = 0; i < self->workforce_rows->len; i++)
    adw_preferences_group_remove (self->workforce_group,
                                  g_ptr_array_index (self->workforce_rows, i));
  g_ptr_array_set_size (self->workforce_rows, 0);
}

static void
show_workforce (VigieSiteEditor *self)
{
  clear_workforce_rows (self);

  if (self->workforce == NULL || self->workforce->len == 0)
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                     self->record != NULL && self->record->id == 0
                                     ? _("Save the site to add workforce figures")
                                     : _("No workforce figures recorded"));
      gtk_widget_add_css_class (row, "dim-label");
      adw_preferences_group_add (self->workforce_group, row);
      g_ptr_array_add (self->workforce_rows, row);
      return;
    }

  for (guint i = 0; i < self->workforce->len; i++)
    {
      GtkWidget *row = workforce_row_new (self, g_ptr_array_index (self->workforce, i), i);

      adw_preferences_group_add (self->workforce_group, row);
      g_ptr_array_add (self->workforce_rows, row);
    }
}

static void
reload_workforce (VigieSiteEditor *self)
{
  g_autoptr(GError) error = NULL;

  g_clear_pointer (&self->workforce, g_ptr_array_unref);
  if (self->record != NULL && self->record->id > 0)
    {
      self->workforce = vigie_store_list_workforce (self->store, self->record->id, &error);
      if (self->workforce == NULL)
        g_warning ("Cannot list workforce figures: %s", error->message);
    }
  show_workforce (self);
}

static void
workforce_saved_cb (VigieWorkforceDialog *dialog,
                    gint64                id,
                    VigieSiteEditor      *self)
{
  reload_workforce (self);
  if (self->record != NULL)
    g_signal_emit (self, signals[WORKFORCE_CHANGED], 0, self->record->id);
}

static void
edit_workforce (VigieSiteEditor            *self,
                const VigieWorkforceRecord *record)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  VigieWorkforceDialog *dialog;

  dialog = vigie_workforce_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                       self->store, record);
  g_signal_connect_object (dialog, "saved", G_CALLBACK (workforce_saved_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
add_workforce_activated (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  VigieSiteEditor *self = VIGIE_SITE_EDITOR (widget);
  g_autoptr(VigieWorkforceRecord) record = NULL;

  if (self->record == NULL || self->record->id <= 0)
    return;

  record = vigie_workforce_record_new ();
  record->site_id = self->record->id;
  g_free (record->as_of);
  record->as_of = vigie_today_iso ();
  g_free (record->source);
  record->source = g_strdup ("employer");
  edit_workforce (self, record);
}

/* ─── Loading and saving ─────────────────────────────────────────────────── */

static void
set_entry (VigieSiteEditor *self,
           guint            entry,
           const char      *text)
{
  gtk_editable_set_text (GTK_EDITABLE (self->entries[entry]), text != NULL ? text : "");
}

static void
set_coordinate (VigieSiteEditor *self,
                guint            entry,
                double           value)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];

  if (isnan (value))
    set_entry (self, entry, "");
  else
    set_entry (self, entry, g_ascii_formatd (buf, sizeof buf, "%.6g", value));
}

static void
fill_form (VigieSiteEditor *self)
{
  const VigieSiteRecord *r = self->record;
  const VigieVocabEntry *products;
  g_auto(GStrv) codes = NULL;
  int type;
  guint n_products = 0;
  guint country = GTK_INVALID_LIST_POSITION;

  self->loading = TRUE;

  set_entry (self, ENTRY_NAME, r->name);
  set_entry (self, ENTRY_NATIVE_NAME, r->native_name);
  set_entry (self, ENTRY_ADDRESS, r->address);
  set_entry (self, ENTRY_OS_ID, r->os_id);
  set_coordinate (self, ENTRY_LATITUDE, r->latitude);
  set_coordinate (self, ENTRY_LONGITUDE, r->longitude);
  set_entry (self, ENTRY_PARENT_COMPANY, r->parent_company);
  set_entry (self, ENTRY_EMPLOYER, r->employer);

  for (guint i = 0; self->country_codes[i] != NULL; i++)
    if (g_strcmp0 (self->country_codes[i], r->country) == 0)
      {
        country = i;
        break;
      }
  gtk_drop_down_set_selected (self->country_dropdown, country);

  type = vigie_vocab_index (VIGIE_VOCAB_LOCATION_TYPE, r->location_type);
  adw_combo_row_set_selected (self->location_type_row, type >= 0 ? (guint) type : 0);

  products = vigie_vocab_entries (VIGIE_VOCAB_PRODUCT, &n_products);
  codes = g_strsplit (r->products != NULL ? r->products : "", ",", -1);
  for (guint i = 0; i < n_products; i++)
    gtk_check_button_set_active (g_ptr_array_index (self->product_checks, i),
                                 g_strv_contains ((const char * const *) codes,
                                                  products[i].code));

  gtk_switch_set_active (self->closed_switch, r->closed);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->notes_view),
                            r->notes != NULL ? r->notes : "", -1);

  self->loading = FALSE;
  self->modified = FALSE;
  validate (self);
}

static void
show_record (VigieSiteEditor *self,
             VigieSiteRecord *record)
{
  g_clear_pointer (&self->record, vigie_site_record_free);
  self->record = record;
  fill_form (self);
  reload_workforce (self);
  gtk_widget_set_visible (self->delete_button, record->id > 0);
  gtk_stack_set_visible_child_name (self->stack, "editor");
}

gboolean
vigie_site_editor_load (VigieSiteEditor  *self,
                        gint64            id,
                        GError          **error)
{
  VigieSiteRecord *record;

  g_return_val_if_fail (VIGIE_IS_SITE_EDITOR (self), FALSE);
  g_return_val_if_fail (self->store != NULL, FALSE);

  record = vigie_store_get_site (self->store, id, error);
  if (record == NULL)
    return FALSE;
  show_record (self, record);
  return TRUE;
}

void
vigie_site_editor_new_site (VigieSiteEditor *self,
                            const char      *country)
{
  VigieSiteRecord *record;

  g_return_if_fail (VIGIE_IS_SITE_EDITOR (self));

  record = vigie_site_record_new ();
  g_free (record->country);
  record->country = g_strdup (country != NULL ? country : "");
  if (record->location_type == NULL || *record->location_type == '\0')
    {
      g_free (record->location_type);
      record->location_type = g_strdup ("final_assembly");
    }
  show_record (self, record);
  gtk_widget_grab_focus (self->name_row);
}

void
vigie_site_editor_clear (VigieSiteEditor *self)
{
  g_return_if_fail (VIGIE_IS_SITE_EDITOR (self));

  g_clear_pointer (&self->record, vigie_site_record_free);
  g_clear_pointer (&self->workforce, g_ptr_array_unref);
  g_clear_pointer (&self->name, g_free);
  clear_workforce_rows (self);
  self->modified = FALSE;
  self->valid = FALSE;
  gtk_stack_set_visible_child_name (self->stack, "empty");
  update_actions (self);
}

gboolean
vigie_site_editor_save (VigieSiteEditor  *self,
                        GError          **error)
{
  const char *coord_reasons[2];
  g_autoptr(VigieSiteRecord) record = NULL;
  g_autoptr(VigieSiteRecord) saved = NULL;
  gboolean created;
  gint64 id;

  g_return_val_if_fail (VIGIE_IS_SITE_EDITOR (self), FALSE);

  if (self->record == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, _("No site is open."));
      return FALSE;
    }
  validate (self);
  if (!self->valid)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                           _("The site was not saved: correct the marked fields first."));
      return FALSE;
    }

  record = record_from_form (self, coord_reasons);
  created = record->id == 0;
  if (created)
    {
      id = vigie_store_insert_site (self->store, record, error);
      if (id <= 0)
        return FALSE;
    }
  else
    {
      if (!vigie_store_update_site (self->store, record, error))
        return FALSE;
      id = record->id;
    }

  /* Show what the store holds now (uuid, timestamps, normalised values). */
  saved = vigie_store_get_site (self->store, id, error);
  if (saved == NULL)
    return FALSE;
  g_clear_pointer (&self->record, vigie_site_record_free);
  self->record = g_steal_pointer (&saved);
  fill_form (self);
  if (created)
    reload_workforce (self);
  gtk_widget_set_visible (self->delete_button, TRUE);

  g_signal_emit (self, signals[SAVED], 0, id, created);
  return TRUE;
}

static void
save_activated (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  VigieSiteEditor *self = VIGIE_SITE_EDITOR (widget);
  g_autoptr(GError) error = NULL;

  if (!vigie_site_editor_save (self, &error))
    vigie_factories_add_toast (widget, adw_toast_new (error->message));
}

/* ─── Accessors ──────────────────────────────────────────────────────────── */

void
vigie_site_editor_set_store (VigieSiteEditor *self,
                             VigieStore      *store)
{
  g_return_if_fail (VIGIE_IS_SITE_EDITOR (self));

  if (g_set_object (&self->store, store))
    vigie_site_editor_clear (self);
}

gint64
vigie_site_editor_get_site_id (VigieSiteEditor *self)
{
  g_return_val_if_fail (VIGIE_IS_SITE_EDITOR (self), 0);
  return self->record != NULL ? self->record->id : 0;
}

gboolean
vigie_site_editor_get_editing (VigieSiteEditor *self)
{
  g_return_val_if_fail (VIGIE_IS_SITE_EDITOR (self), FALSE);
  return self->record != NULL;
}

gboolean
vigie_site_editor_get_modified (VigieSiteEditor *self)
{
  g_return_val_if_fail (VIGIE_IS_SITE_EDITOR (self), FALSE);
  return self->record != NULL && (self->modified || self->record->id == 0);
}

gboolean
vigie_site_editor_get_valid (VigieSiteEditor *self)
{
  g_return_val_if_fail (VIGIE_IS_SITE_EDITOR (self), FALSE);
  return self->valid;
}

const char *
vigie_site_editor_get_name (VigieSiteEditor *self)
{
  g_return_val_if_fail (VIGIE_IS_SITE_EDITOR (self), NULL);
  return self->name != NULL ? self->name : "";
}

GtkWidget *
vigie_site_editor_get_field_row (VigieSiteEditor *self,
                                 const char      *field)
{
  g_return_val_if_fail (VIGIE_IS_SITE_EDITOR (self), NULL);

  for (guint i = 0; i < N_ENTRIES; i++)
    if (g_strcmp0 (field, entry_fields[i]) == 0)
      return self->entries[i];
  if (g_strcmp0 (field, "country") == 0)
    return GTK_WIDGET (self->country_row);
  if (g_strcmp0 (field, "location_type") == 0)
    return GTK_WIDGET (self->location_type_row);
  if (g_strcmp0 (field, "closed") == 0)
    return GTK_WIDGET (self->closed_switch);
  if (g_strcmp0 (field, "notes") == 0)
    return GTK_WIDGET (self->notes_view);
  return NULL;
}

const char *
vigie_site_editor_get_field_error (VigieSiteEditor *self,
                                   const char      *field)
{
  g_return_val_if_fail (VIGIE_IS_SITE_EDITOR (self), NULL);

  for (guint i = 0; i < N_ENTRIES; i++)
    if (g_strcmp0 (field, entry_fields[i]) == 0)
      {
        /* What the user sees: the label next to the text. */
        if (!gtk_widget_get_visible (self->entry_errors[i]))
          return NULL;
        return gtk_label_get_label (GTK_LABEL (self->entry_errors[i]));
      }
  if (g_strcmp0 (field, "country") == 0)
    return self->country_reason;
  return NULL;
}

guint
vigie_site_editor_get_n_workforce (VigieSiteEditor *self)
{
  g_return_val_if_fail (VIGIE_IS_SITE_EDITOR (self), 0);
  return self->workforce != NULL ? self->workforce->len : 0;
}

/* ─── Class ──────────────────────────────────────────────────────────────── */

static void
vigie_site_editor_dispose (GObject *object)
{
  VigieSiteEditor *self = VIGIE_SITE_EDITOR (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), VIGIE_TYPE_SITE_EDITOR);
  g_clear_pointer (&self->record, vigie_site_record_free);
  g_clear_pointer (&self->workforce, g_ptr_array_unref);
  g_clear_pointer (&self->workforce_rows, g_ptr_array_unref);
  g_clear_pointer (&self->product_checks, g_ptr_array_unref);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (vigie_site_editor_parent_class)->dispose (object);
}

static void
vigie_site_editor_finalize (GObject *object)
{
  VigieSiteEditor *self = VIGIE_SITE_EDITOR (object);

  for (guint i = 0; i < N_ENTRIES; i++)
    g_free (self->entry_reasons[i]);
  g_free (self->country_reason);
  g_free (self->name);
  g_strfreev (self->country_codes);

  G_OBJECT_CLASS (vigie_site_editor_parent_class)->finalize (object);
}

static void
vigie_site_editor_class_init (VigieSiteEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = vigie_site_editor_dispose;
  object_class->finalize = vigie_site_editor_finalize;

  /**
   * VigieSiteEditor::saved:
   * @id: the site written
   * @created: whether it was inserted
   */
  signals[SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                 NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_INT64,
                                 G_TYPE_BOOLEAN);
  /**
   * VigieSiteEditor::workforce-changed:
   * @id: the site whose workforce figures changed
   */
  signals[WORKFORCE_CHANGED] = g_signal_new ("workforce-changed", G_TYPE_FROM_CLASS (klass),
                                             G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                             G_TYPE_NONE, 1, G_TYPE_INT64);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/vigie/Vigie/vigie-site-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, VigieSiteEditor, stack);
  gtk_widget_class_bind_template_child (widget_class, VigieSiteEditor, title_label);
  gtk_widget_class_bind_template_child (widget_class, VigieSiteEditor, subtitle_label);
  gtk_widget_class_bind_template_child (widget_class, VigieSiteEditor, save_button);
  gtk_widget_class_bind_template_child (widget_class, VigieSiteEditor, delete_button);
  gtk_widget_class_bind_template_child (widget_class, VigieSiteEditor, page);
  gtk_widget_class_bind_template_child (widget_class, VigieSiteEditor, name_row);
  gtk_widget_class_bind_template_child (widget_class, VigieSiteEditor, native_name_row);
  gtk_widget_class_bind_template_child (widget_class, VigieSiteEditor, address_row);
  gtk_widget_class_bind_template_child (widget_class, VigieSiteEditor, country_row);
  gtk_widget_class_bind_template_child (widget_class, VigieSiteEditor, country_dropdown);
  gtk_widget_class_bind_template_child (widget_class, VigieSiteEditor, location_type_row);
  gtk_widget_class_bind_template_child (widget_class, VigieSiteEditor, os_id_row);
  gtk_widget_class_bind_template_child (widget_class, VigieSiteEditor, closed_switch);
  gtk_widget_class_bind_template_child (widget_class, VigieSiteEditor, products_box);
  gtk_widget_class_bind_template_child (widget_class, VigieSiteEditor, latitude_row);
  gtk_widget_class_bind_template_child (widget_class, VigieSiteEditor, longitude_row);
  gtk_widget_class_bind_template_child (widget_class, VigieSiteEditor, parent_company_row);
  gtk_widget_class_bind_template_child (widget_class, VigieSiteEditor, employer_row);
  gtk_widget_class_bind_template_child (widget_class, VigieSiteEditor, workforce_group);
  gtk_widget_class_bind_template_child (widget_class, VigieSiteEditor, add_workforce_button);
  gtk_widget_class_bind_template_child (widget_class, VigieSiteEditor, notes_view);

  gtk_widget_class_install_action (widget_class, "editor.save", NULL, save_activated);
  gtk_widget_class_install_action (widget_class, "editor.add-workforce", NULL,
                                   add_workforce_activated);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static int
compare_by_label (gconstpointer a,
                  gconstpointer b)
{
  const char *la = vigie_reference_country_label (*(const char * const *) a);
  const char *lb = vigie_reference_country_label (*(const char * const *) b);

  return g_utf8_collate (la != NULL ? la : "", lb != NULL ? lb : "");
}

static void
setup_countries (VigieSiteEditor *self)
{
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
  g_autoptr(GtkExpression) expression = NULL;
  guint n;

  self->country_codes = vigie_reference_country_codes ();
  n = g_strv_length (self->country_codes);
  qsort (self->country_codes, n, sizeof (char *), compare_by_label);
  for (guint i = 0; i < n; i++)
    {
      const char *label = vigie_reference_country_label (self->country_codes[i]);

      gtk_string_list_append (labels, label != NULL ? label : self->country_codes[i]);
    }
  /* Searching the dropdown matches the country names. */
  expression = gtk_property_expression_new (GTK_TYPE_STRING_OBJECT, NULL, "string");
  gtk_drop_down_set_expression (self->country_dropdown, expression);
  gtk_drop_down_set_model (self->country_dropdown, G_LIST_MODEL (labels));
}

/* The site's investigations and findings, on the Findings page. */
static void
show_findings_clicked_cb (VigieSiteEditor *self)
{
  if (self->record != NULL && self->record->id > 0)
    vigie_findings_page_show_site (GTK_WIDGET (self), self->record->id);
}

static void
vigie_site_editor_init (VigieSiteEditor *self)
{
  g_autoptr(GtkStringList) types = gtk_string_list_new (NULL);
  const VigieVocabEntry *entries;
  guint n = 0;

  gtk_widget_init_template (GTK_WIDGET (self));

  {
    GtkWidget *findings = gtk_button_new_from_icon_name ("dialog-warning-symbolic");

    gtk_widget_set_tooltip_text (findings, _("Investigations and Findings of This Site"));
    gtk_widget_set_valign (findings, GTK_ALIGN_CENTER);
    g_signal_connect_object (findings, "clicked", G_CALLBACK (show_findings_clicked_cb), self,
                             G_CONNECT_SWAPPED);
    gtk_widget_insert_before (findings, gtk_widget_get_parent (self->delete_button),
                              self->delete_button);
  }

  self->entries[ENTRY_NAME] = self->name_row;
  self->entries[ENTRY_NATIVE_NAME] = self->native_name_row;
  self->entries[ENTRY_ADDRESS] = self->address_row;
  self->entries[ENTRY_OS_ID] = self->os_id_row;
  self->entries[ENTRY_LATITUDE] = self->latitude_row;
  self->entries[ENTRY_LONGITUDE] = self->longitude_row;
  self->entries[ENTRY_PARENT_COMPANY] = self->parent_company_row;
  self->entries[ENTRY_EMPLOYER] = self->employer_row;
  for (guint i = 0; i < N_ENTRIES; i++)
    {
      self->entry_errors[i] = vigie_factories_error_label_new ();
      adw_entry_row_add_suffix (ADW_ENTRY_ROW (self->entries[i]), self->entry_errors[i]);
      g_signal_connect_object (self->entries[i], "changed", G_CALLBACK (form_changed_cb),
                               self, G_CONNECT_SWAPPED);
    }

  setup_countries (self);
  g_signal_connect_object (self->country_dropdown, "notify::selected",
                           G_CALLBACK (form_changed_cb), self, G_CONNECT_SWAPPED);

  entries = vigie_vocab_entries (VIGIE_VOCAB_LOCATION_TYPE, &n);
  for (guint i = 0; i < n; i++)
    gtk_string_list_append (types, vigie_vocab_label (VIGIE_VOCAB_LOCATION_TYPE,
                                                      entries[i].code));
  adw_combo_row_set_model (self->location_type_row, G_LIST_MODEL (types));
  g_signal_connect_object (self->location_type_row, "notify::selected",
                           G_CALLBACK (form_changed_cb), self, G_CONNECT_SWAPPED);

  self->product_checks = g_ptr_array_new ();
  entries = vigie_vocab_entries (VIGIE_VOCAB_PRODUCT, &n);
  for (guint i = 0; i < n; i++)
    {
      GtkWidget *check = gtk_check_button_new_with_label (
        vigie_vocab_label (VIGIE_VOCAB_PRODUCT, entries[i].code));
      GtkWidget *label = gtk_widget_get_last_child (check);

      if (GTK_IS_LABEL (label))
        {
          gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
          gtk_widget_set_tooltip_text (check, vigie_vocab_label (VIGIE_VOCAB_PRODUCT,
                                                                 entries[i].code));
        }
      g_signal_connect_object (check, "toggled", G_CALLBACK (form_changed_cb), self,
                               G_CONNECT_SWAPPED);
      gtk_flow_box_append (self->products_box, check);
      g_ptr_array_add (self->product_checks, check);
    }

  g_signal_connect_object (self->closed_switch, "notify::active",
                           G_CALLBACK (form_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (gtk_text_view_get_buffer (self->notes_view), "changed",
                           G_CALLBACK (form_changed_cb), self, G_CONNECT_SWAPPED);

  self->workforce_rows = g_ptr_array_new ();
  update_actions (self);
}

GtkWidget *
vigie_site_editor_new (void)
{
  return g_object_new (VIGIE_TYPE_SITE_EDITOR, NULL);
}
