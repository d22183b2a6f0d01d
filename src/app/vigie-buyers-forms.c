/* vigie-buyers-forms.c — the forms of the Buyers page: organisation, contract (with its
 * product models and site links) and disclosure request. Invalid fields are marked with
 * the reason and keep what was typed.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n.h>
#include <string.h>

#include "vigie-buyers-private.h"
#include "vigie-factories-private.h"
#include "vigie-form.h"
#include "vigie-reference.h"
#include "vigie-remediation.h"
#include "vigie-site-list.h"
#include "vigie-site.h"
#include "vigie-validate.h"

G_DEFINE_AUTOPTR_CLEANUP_FUNC (VigieContractLink, vigie_contract_link_free)

typedef enum
{
  FORM_ORGANISATION,
  FORM_CONTRACT,
  FORM_DISCLOSURE,
} FormKind;

static const char *const buyer_kinds[] = { "affiliate", "consortium", "contractor", "brand" };

typedef struct
{
  gint64       id;
  GtkWidget   *row;
  GtkEditable *model;
  GtkDropDown *product;
  GtkEditable *quantity;
} ProductRow;

typedef struct
{
  gint64       site_id;
  int          product_index;
  GtkWidget   *row;
  GtkDropDown *tier;
  GtkDropDown *source;
  GtkEditable *disclosed_on;
} LinkRow;

typedef struct
{
  FormKind              kind;
  GtkWindow            *window;
  VigieStore           *store;
  GObject              *owner;            /* weak */
  VigieBuyersSavedFunc  saved;
  gint64                id;
  gint64                organisation;
  GHashTable           *fields;           /* field → widget */
  GHashTable           *labels;           /* field → error label */
  AdwToastOverlay      *overlay;
  GArray               *consortium_ids;
  GArray               *affiliate_ids;
  GArray               *contractor_ids;
  GArray               *brand_ids;
  GArray               *party_ids;
  GArray               *contract_ids;
  GStrv                 country_codes;
  GtkTextView          *notes;
  VigieOrganisationRecord *org;
  VigieContractRecord  *contract;
  VigieDisclosureRecord *request;
  GtkListBox           *products_box;
  GtkListBox           *links_box;
  GtkListBox           *results_box;
  GPtrArray            *product_rows;
  GPtrArray            *link_rows;
  VigieSiteList        *site_list;
} Form;

static void
form_free (Form *f)
{
  if (f->owner != NULL)
    g_object_remove_weak_pointer (f->owner, (gpointer *) &f->owner);
  g_clear_object (&f->store);
  g_clear_pointer (&f->fields, g_hash_table_unref);
  g_clear_pointer (&f->labels, g_hash_table_unref);
  g_clear_pointer (&f->consortium_ids, g_array_unref);
  g_clear_pointer (&f->affiliate_ids, g_array_unref);
  g_clear_pointer (&f->contractor_ids, g_array_unref);
  g_clear_pointer (&f->brand_ids, g_array_unref);
  g_clear_pointer (&f->party_ids, g_array_unref);
  g_clear_pointer (&f->contract_ids, g_array_unref);
  g_clear_pointer (&f->country_codes, g_strfreev);
  g_clear_pointer (&f->org, vigie_organisation_record_free);
  g_clear_pointer (&f->contract, vigie_contract_record_free);
  g_clear_pointer (&f->request, vigie_disclosure_record_free);
  g_clear_pointer (&f->product_rows, g_ptr_array_unref);
  g_clear_pointer (&f->link_rows, g_ptr_array_unref);
  g_clear_object (&f->site_list);
  g_free (f);
}

static Form *
form_of (GtkWindow *window)
{
  return g_object_get_data (G_OBJECT (window), "vigie-buyers-form");
}

static Form *
form_new (FormKind              kind,
          GtkWindow            *parent,
          VigieStore           *store,
          const char           *title,
          GObject              *owner,
          VigieBuyersSavedFunc  saved,
          AdwPreferencesPage  **page,
          GtkWidget           **save)
{
  Form *f = g_new0 (Form, 1);
  AdwWindow *window = ADW_WINDOW (adw_window_new ());

  f->kind = kind;
  f->window = GTK_WINDOW (window);
  f->store = g_object_ref (store);
  f->owner = owner;
  if (owner != NULL)
    g_object_add_weak_pointer (owner, (gpointer *) &f->owner);
  f->saved = saved;
  f->fields = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  f->labels = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  f->product_rows = g_ptr_array_new_with_free_func (g_free);
  f->link_rows = g_ptr_array_new_with_free_func (g_free);
  *page = ADW_PREFERENCES_PAGE (adw_preferences_page_new ());
  vigie_form_window_init (window, parent, title, *page, save, NULL, &f->overlay);
  g_object_set_data_full (G_OBJECT (window), "vigie-buyers-form", f, (GDestroyNotify) form_free);
  return f;
}

static void
add_field (Form       *f,
           const char *field,
           GtkWidget  *widget,
           GtkWidget  *label)
{
  g_hash_table_insert (f->fields, g_strdup (field), widget);
  if (label != NULL)
    g_hash_table_insert (f->labels, g_strdup (field), label);
}

static AdwEntryRow *
entry_field (Form                *f,
             AdwPreferencesGroup *group,
             const char          *field,
             const char          *title,
             const char          *text)
{
  GtkWidget *label = NULL;
  AdwEntryRow *row = vigie_form_entry (group, title, &label);

  gtk_editable_set_text (GTK_EDITABLE (row), text != NULL ? text : "");
  add_field (f, field, GTK_WIDGET (row), label);
  return row;
}

/* A combo row of organisations; IDS receives the id of each item (0 for "none"). */
static AdwComboRow *
organisation_combo (Form                *f,
                    AdwPreferencesGroup *group,
                    const char          *field,
                    const char          *title,
                    const char * const  *kinds,
                    const char          *none_label,
                    gint64               selected,
                    GArray             **ids)
{
  g_autoptr(GtkStringList) model = gtk_string_list_new (NULL);
  GtkWidget *row = adw_combo_row_new ();
  GtkWidget *label = vigie_factories_error_label_new ();
  guint selected_index = 0;

  *ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  if (none_label != NULL)
    {
      gint64 none = 0;

      gtk_string_list_append (model, none_label);
      g_array_append_val (*ids, none);
    }
  for (guint k = 0; kinds[k] != NULL; k++)
    {
      g_autoptr(GPtrArray) orgs = vigie_store_list_organisations (f->store, kinds[k], NULL);

      for (guint i = 0; orgs != NULL && i < orgs->len; i++)
        {
          VigieOrganisationSummary *s = g_ptr_array_index (orgs, i);

          if (kinds[1] != NULL)
            {
              /* Translators: an organisation and its kind in a chooser: "Atea (Contractor)" */
              g_autofree char *text = g_strdup_printf (_("%1$s (%2$s)"), s->name,
                                                       vigie_vocab_label (VIGIE_VOCAB_ORGANISATION_KIND,
                                                                          s->kind));
              gtk_string_list_append (model, text);
            }
          else
            gtk_string_list_append (model, s->name);
          if (s->id == selected)
            selected_index = (*ids)->len;
          g_array_append_val (*ids, s->id);
        }
    }
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (model));
  adw_combo_row_set_selected (ADW_COMBO_ROW (row), selected_index);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), label);
  adw_preferences_group_add (group, row);
  add_field (f, field, row, label);
  return ADW_COMBO_ROW (row);
}

static gint64
combo_id (Form       *f,
          const char *field,
          GArray     *ids)
{
  AdwComboRow *row = g_hash_table_lookup (f->fields, field);
  guint i = adw_combo_row_get_selected (row);

  return i < ids->len ? g_array_index (ids, gint64, i) : 0;
}

static AdwComboRow *
vocab_field (Form                *f,
             AdwPreferencesGroup *group,
             const char          *field,
             const char          *title,
             VigieVocab           vocab,
             const char          *code)
{
  AdwComboRow *row = vigie_form_vocab_combo (group, title, vocab);
  GtkWidget *label = vigie_factories_error_label_new ();

  vigie_form_set_combo (row, vocab, code);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), label);
  add_field (f, field, GTK_WIDGET (row), label);
  return row;
}

static void
clear_marks (Form *f)
{
  GHashTableIter iter;
  gpointer key, value;

  g_hash_table_iter_init (&iter, f->fields);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      GtkWidget *label = g_hash_table_lookup (f->labels, key);

      if (label != NULL)
        vigie_factories_set_row_error (value, label, NULL);
      else
        {
          gtk_widget_remove_css_class (value, "error");
          gtk_widget_set_tooltip_text (value, NULL);
        }
    }
}

static GtkWidget *
widget_for_field (Form       *f,
                  const char *field)
{
  guint index;
  char member[32];

  if (sscanf (field, "products[%u].%31s", &index, member) == 2 && index < f->product_rows->len)
    {
      ProductRow *p = g_ptr_array_index (f->product_rows, index);

      if (g_str_has_prefix (member, "quantity"))
        return GTK_WIDGET (p->quantity);
      if (g_str_has_prefix (member, "product"))
        return GTK_WIDGET (p->product);
      return GTK_WIDGET (p->model);
    }
  if (sscanf (field, "links[%u].%31s", &index, member) == 2 && index < f->link_rows->len)
    {
      LinkRow *l = g_ptr_array_index (f->link_rows, index);

      if (g_str_has_prefix (member, "tier"))
        return GTK_WIDGET (l->tier);
      if (g_str_has_prefix (member, "source"))
        return GTK_WIDGET (l->source);
      if (g_str_has_prefix (member, "disclosed_on"))
        return GTK_WIDGET (l->disclosed_on);
      return l->row;
    }
  return g_hash_table_lookup (f->fields, field);
}

static void
mark_field (Form       *f,
            const char *field,
            const char *reason)
{
  GtkWidget *widget = widget_for_field (f, field);
  GtkWidget *label = g_hash_table_lookup (f->labels, field);

  if (widget == NULL)
    return;
  if (label != NULL)
    vigie_factories_set_row_error (widget, label, reason);
  else
    {
      gtk_widget_add_css_class (widget, "error");
      gtk_widget_set_tooltip_text (widget, reason);
      gtk_accessible_update_property (GTK_ACCESSIBLE (widget),
                                      GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, reason, -1);
    }
}

/* Marks every error; shows the first in a toast. TRUE when there was none. */
static gboolean
show_errors (Form      *f,
             GPtrArray *errors)
{
  if (errors->len == 0)
    return TRUE;
  for (guint i = 0; i < errors->len; i++)
    {
      VigieFieldError *e = g_ptr_array_index (errors, i);

      mark_field (f, e->field, e->reason);
    }
  adw_toast_overlay_add_toast (f->overlay,
                               adw_toast_new (((VigieFieldError *) g_ptr_array_index (errors, 0))->reason));
  return FALSE;
}

static char *
field_text (Form       *f,
            const char *field)
{
  GtkEditable *editable = g_hash_table_lookup (f->fields, field);
  char *text = g_strstrip (g_strdup (gtk_editable_get_text (editable)));

  if (*text == '\0')
    g_clear_pointer (&text, g_free);
  return text;
}

static void
finish_save (Form   *f,
             gint64  id)
{
  GtkWindow *window = f->window;

  if (f->owner != NULL && f->saved != NULL)
    f->saved (f->owner, id);
  gtk_window_destroy (window);
}

static void
save_clicked_cb (GtkWindow *window)
{
  vigie_buyers_form_save (window);
}

/* ─── Organisation ───────────────────────────────────────────────────────── */

static void
kind_changed_cb (Form *f)
{
  GtkWidget *kind = g_hash_table_lookup (f->fields, "kind");
  GtkWidget *consortium = g_hash_table_lookup (f->fields, "consortium_id");
  GtkWidget *affiliated = g_hash_table_lookup (f->fields, "affiliated_on");
  guint i = adw_combo_row_get_selected (ADW_COMBO_ROW (kind));
  gboolean affiliate = i < G_N_ELEMENTS (buyer_kinds) && strcmp (buyer_kinds[i], "affiliate") == 0;

  gtk_widget_set_visible (consortium, affiliate);
  gtk_widget_set_visible (affiliated, affiliate || (i < G_N_ELEMENTS (buyer_kinds)
                                                    && strcmp (buyer_kinds[i], "consortium") == 0));
}

GtkWindow *
vigie_organisation_form_new (GtkWindow            *parent,
                             VigieStore           *store,
                             gint64                id,
                             const char           *kind,
                             GObject              *owner,
                             VigieBuyersSavedFunc  saved)
{
  static const char *const consortium_kind[] = { "consortium", NULL };
  g_autoptr(GtkStringList) kinds_model = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) countries = gtk_string_list_new (NULL);
  AdwPreferencesPage *page;
  AdwPreferencesGroup *group;
  GtkWidget *save, *kind_row, *country_row, *label;
  Form *f;
  guint country_index = 0;
  GPtrArray *codes = g_ptr_array_new ();
  g_auto(GStrv) all_codes = vigie_reference_country_codes ();

  g_return_val_if_fail (VIGIE_IS_STORE (store), NULL);

  f = form_new (FORM_ORGANISATION, parent, store,
                id > 0 ? _("Edit Organisation") : _("New Organisation"),
                owner, saved, &page, &save);
  f->id = id;
  if (id > 0)
    f->org = vigie_store_get_organisation (store, id, NULL);
  if (f->org == NULL)
    {
      f->id = 0;
      f->org = vigie_organisation_record_new (kind != NULL ? kind : "affiliate");
    }

  group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  adw_preferences_page_add (page, group);
  entry_field (f, group, "name", _("Name"), f->org->name);

  for (guint i = 0; i < G_N_ELEMENTS (buyer_kinds); i++)
    gtk_string_list_append (kinds_model, vigie_vocab_label (VIGIE_VOCAB_ORGANISATION_KIND,
                                                            buyer_kinds[i]));
  kind_row = adw_combo_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (kind_row), _("Kind"));
  adw_combo_row_set_model (ADW_COMBO_ROW (kind_row), G_LIST_MODEL (kinds_model));
  for (guint i = 0; i < G_N_ELEMENTS (buyer_kinds); i++)
    if (g_strcmp0 (buyer_kinds[i], f->org->kind) == 0)
      adw_combo_row_set_selected (ADW_COMBO_ROW (kind_row), i);
  label = vigie_factories_error_label_new ();
  adw_action_row_add_suffix (ADW_ACTION_ROW (kind_row), label);
  adw_preferences_group_add (group, kind_row);
  add_field (f, "kind", kind_row, label);

  /* Countries by translated name, "none" first. */
  gtk_string_list_append (countries, C_("country", "Not set"));
  g_ptr_array_add (codes, g_strdup (""));
  {
    g_autoptr(GPtrArray) sorted = g_ptr_array_new ();

    for (guint i = 0; all_codes[i] != NULL; i++)
      g_ptr_array_add (sorted, all_codes[i]);
    for (guint i = 1; i < sorted->len; i++)
      for (guint j = i; j > 0; j--)
        {
          const char *a = vigie_reference_country_label (g_ptr_array_index (sorted, j - 1));
          const char *b = vigie_reference_country_label (g_ptr_array_index (sorted, j));

          if (g_utf8_collate (a, b) <= 0)
            break;
          {
            gpointer t = sorted->pdata[j - 1];
            sorted->pdata[j - 1] = sorted->pdata[j];
            sorted->pdata[j] = t;
          }
        }
    for (guint i = 0; i < sorted->len; i++)
      {
        const char *code = g_ptr_array_index (sorted, i);

        gtk_string_list_append (countries, vigie_reference_country_label (code));
        if (g_strcmp0 (code, f->org->country) == 0)
          country_index = codes->len;
        g_ptr_array_add (codes, g_strdup (code));
      }
  }
  g_ptr_array_add (codes, NULL);
  f->country_codes = (GStrv) g_ptr_array_free (codes, FALSE);
  country_row = adw_combo_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (country_row), _("Country"));
  adw_combo_row_set_model (ADW_COMBO_ROW (country_row), G_LIST_MODEL (countries));
  adw_combo_row_set_selected (ADW_COMBO_ROW (country_row), country_index);
  label = vigie_factories_error_label_new ();
  adw_action_row_add_suffix (ADW_ACTION_ROW (country_row), label);
  adw_preferences_group_add (group, country_row);
  add_field (f, "country", country_row, label);

  organisation_combo (f, group, "consortium_id", _("Affiliated Through"), consortium_kind,
                      _("Direct affiliation"), f->org->consortium_id, &f->consortium_ids);
  entry_field (f, group, "affiliated_on", _("Affiliated On (YYYY-MM-DD)"), f->org->affiliated_on);

  f->notes = vigie_form_text_group (page, _("Notes"), NULL);
  vigie_form_set_text (f->notes, f->org->notes);

  g_signal_connect_swapped (kind_row, "notify::selected", G_CALLBACK (kind_changed_cb), f);
  kind_changed_cb (f);
  g_signal_connect_swapped (save, "clicked", G_CALLBACK (save_clicked_cb), f->window);
  return f->window;
}

static gboolean
save_organisation (Form *f)
{
  g_autoptr(VigieOrganisationRecord) r = vigie_organisation_record_copy (f->org);
  g_autoptr(GPtrArray) errors = NULL;
  g_autoptr(GError) error = NULL;
  guint kind = adw_combo_row_get_selected (g_hash_table_lookup (f->fields, "kind"));
  guint country = adw_combo_row_get_selected (g_hash_table_lookup (f->fields, "country"));

  g_free (r->name);
  r->name = g_strdup (gtk_editable_get_text (g_hash_table_lookup (f->fields, "name")));
  g_free (r->kind);
  r->kind = g_strdup (kind < G_N_ELEMENTS (buyer_kinds) ? buyer_kinds[kind] : "");
  g_free (r->country);
  r->country = country > 0 && country < g_strv_length (f->country_codes)
               ? g_strdup (f->country_codes[country]) : NULL;
  r->consortium_id = combo_id (f, "consortium_id", f->consortium_ids);
  g_free (r->affiliated_on);
  r->affiliated_on = field_text (f, "affiliated_on");
  if (strcmp (r->kind, "affiliate") != 0 && strcmp (r->kind, "consortium") != 0)
    g_clear_pointer (&r->affiliated_on, g_free);
  g_free (r->notes);
  r->notes = vigie_form_text (f->notes);

  clear_marks (f);
  errors = vigie_organisation_validate (f->store, r);
  if (!show_errors (f, errors))
    return FALSE;
  if (r->id > 0 ? !vigie_store_update_organisation (f->store, r, &error)
                : vigie_store_insert_organisation (f->store, r, &error) == 0)
    {
      adw_toast_overlay_add_toast (f->overlay, adw_toast_new (error->message));
      return FALSE;
    }
  finish_save (f, r->id);
  return TRUE;
}

/* ─── Contract ───────────────────────────────────────────────────────────── */

static GtkDropDown *
vocab_dropdown (VigieVocab   vocab,
                const char  *none_label,
                const char  *code)
{
  g_autoptr(GtkStringList) model = gtk_string_list_new (NULL);
  const VigieVocabEntry *entries;
  guint n = 0;
  GtkWidget *dropdown;
  int index = vigie_vocab_index (vocab, code);

  entries = vigie_vocab_entries (vocab, &n);
  if (none_label != NULL)
    gtk_string_list_append (model, none_label);
  for (guint i = 0; i < n; i++)
    gtk_string_list_append (model, vigie_vocab_label (vocab, entries[i].code));
  dropdown = gtk_drop_down_new (G_LIST_MODEL (g_object_ref (model)), NULL);
  gtk_widget_set_valign (dropdown, GTK_ALIGN_CENTER);
  if (index >= 0)
    gtk_drop_down_set_selected (GTK_DROP_DOWN (dropdown), (guint) index + (none_label != NULL));
  else
    gtk_drop_down_set_selected (GTK_DROP_DOWN (dropdown), 0);
  return GTK_DROP_DOWN (dropdown);
}

static const char *
dropdown_code (GtkDropDown *dropdown,
               VigieVocab   vocab,
               gboolean     has_none)
{
  const VigieVocabEntry *entries;
  guint n = 0;
  guint i = gtk_drop_down_get_selected (dropdown);

  entries = vigie_vocab_entries (vocab, &n);
  if (has_none)
    {
      if (i == 0 || i == GTK_INVALID_LIST_POSITION)
        return NULL;
      i--;
    }
  return i < n ? entries[i].code : NULL;
}

static void
remove_row (Form      *f,
            GPtrArray *rows,
            GtkListBox *box,
            GtkWidget *row)
{
  for (guint i = 0; i < rows->len; i++)
    {
      gpointer item = g_ptr_array_index (rows, i);
      GtkWidget *r = rows == f->product_rows ? ((ProductRow *) item)->row : ((LinkRow *) item)->row;

      if (r == row)
        {
          if (rows == f->product_rows)
            for (guint j = 0; j < f->link_rows->len; j++)
              {
                LinkRow *l = g_ptr_array_index (f->link_rows, j);

                if (l->product_index == (int) i)
                  l->product_index = -1;
                else if (l->product_index > (int) i)
                  l->product_index--;
              }
          g_ptr_array_remove_index (rows, i);
          break;
        }
    }
  gtk_list_box_remove (box, row);
}

static void
remove_product_clicked_cb (GtkButton *button,
                           Form      *f)
{
  GtkWidget *row = gtk_widget_get_ancestor (GTK_WIDGET (button), GTK_TYPE_LIST_BOX_ROW);

  remove_row (f, f->product_rows, f->products_box, row);
}

static void
remove_link_clicked_cb (GtkButton *button,
                        Form      *f)
{
  GtkWidget *row = gtk_widget_get_ancestor (GTK_WIDGET (button), GTK_TYPE_LIST_BOX_ROW);

  remove_row (f, f->link_rows, f->links_box, row);
}

static GtkWidget *
remove_button (const char *tooltip)
{
  GtkWidget *button = gtk_button_new_from_icon_name ("user-trash-symbolic");

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_widget_add_css_class (button, "flat");
  return button;
}

static GtkWidget *
row_box (void)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);

  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 6);
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  return box;
}

static void
add_product_row (Form                       *f,
                 const VigieContractProduct *p)
{
  ProductRow *r = g_new0 (ProductRow, 1);
  GtkWidget *box = row_box ();
  GtkWidget *model = gtk_entry_new ();
  GtkWidget *quantity = gtk_entry_new ();
  GtkWidget *remove = remove_button (_("Remove the Product Model"));

  r->id = p != NULL ? p->id : 0;
  gtk_widget_set_hexpand (model, TRUE);
  gtk_entry_set_placeholder_text (GTK_ENTRY (model), _("Model, e.g. ProBook 450 G10"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (model), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Product model"), -1);
  r->model = GTK_EDITABLE (model);
  r->product = vocab_dropdown (VIGIE_VOCAB_PRODUCT, C_("product", "Category"),
                               p != NULL ? p->product : NULL);
  gtk_entry_set_placeholder_text (GTK_ENTRY (quantity), _("Quantity"));
  gtk_editable_set_width_chars (GTK_EDITABLE (quantity), 8);
  gtk_accessible_update_property (GTK_ACCESSIBLE (quantity), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Quantity"), -1);
  r->quantity = GTK_EDITABLE (quantity);
  if (p != NULL)
    {
      gtk_editable_set_text (r->model, p->model);
      if (p->quantity >= 0)
        {
          g_autofree char *q = vigie_factories_format_count (p->quantity);
          gtk_editable_set_text (r->quantity, q);
        }
    }
  gtk_box_append (GTK_BOX (box), model);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (r->product));
  gtk_box_append (GTK_BOX (box), quantity);
  gtk_box_append (GTK_BOX (box), remove);
  r->row = gtk_list_box_row_new ();
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (r->row), FALSE);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (r->row), box);
  g_signal_connect (remove, "clicked", G_CALLBACK (remove_product_clicked_cb), f);
  gtk_list_box_append (f->products_box, r->row);
  g_ptr_array_add (f->product_rows, r);
}

static void
add_product_clicked_cb (Form *f)
{
  add_product_row (f, NULL);
  gtk_widget_grab_focus (GTK_WIDGET (((ProductRow *) g_ptr_array_index (f->product_rows,
                                                                        f->product_rows->len - 1))->model));
}

static void
add_link_row (Form                    *f,
              const VigieContractLink *l,
              const char              *site_name,
              const char              *country)
{
  LinkRow *r = g_new0 (LinkRow, 1);
  GtkWidget *box = row_box ();
  GtkWidget *names = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *name = gtk_label_new (site_name);
  GtkWidget *where = gtk_label_new (country);
  GtkWidget *disclosed = gtk_entry_new ();
  GtkWidget *remove = remove_button (_("Unlink the Site"));

  r->site_id = l->site_id;
  r->product_index = l->product_index;
  gtk_widget_set_hexpand (names, TRUE);
  gtk_label_set_xalign (GTK_LABEL (name), 0);
  gtk_label_set_ellipsize (GTK_LABEL (name), PANGO_ELLIPSIZE_END);
  gtk_label_set_xalign (GTK_LABEL (where), 0);
  gtk_widget_add_css_class (where, "dim-label");
  gtk_widget_add_css_class (where, "caption");
  gtk_box_append (GTK_BOX (names), name);
  gtk_box_append (GTK_BOX (names), where);
  r->tier = vocab_dropdown (VIGIE_VOCAB_TIER, NULL, l->tier);
  gtk_widget_set_tooltip_text (GTK_WIDGET (r->tier), _("Tier"));
  r->source = vocab_dropdown (VIGIE_VOCAB_LINK_SOURCE, NULL, l->source);
  gtk_widget_set_tooltip_text (GTK_WIDGET (r->source), _("Source of the link"));
  gtk_entry_set_placeholder_text (GTK_ENTRY (disclosed), _("Disclosed on"));
  gtk_editable_set_width_chars (GTK_EDITABLE (disclosed), 11);
  gtk_widget_set_tooltip_text (disclosed, _("Date of the disclosure (YYYY-MM-DD)"));
  r->disclosed_on = GTK_EDITABLE (disclosed);
  if (l->disclosed_on != NULL)
    gtk_editable_set_text (r->disclosed_on, l->disclosed_on);
  gtk_box_append (GTK_BOX (box), names);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (r->tier));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (r->source));
  gtk_box_append (GTK_BOX (box), disclosed);
  gtk_box_append (GTK_BOX (box), remove);
  r->row = gtk_list_box_row_new ();
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (r->row), FALSE);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (r->row), box);
  g_signal_connect (remove, "clicked", G_CALLBACK (remove_link_clicked_cb), f);
  gtk_list_box_append (f->links_box, r->row);
  g_ptr_array_add (f->link_rows, r);
}

void
vigie_buyers_form_add_link (GtkWindow *form,
                            gint64     site_id)
{
  Form *f = form_of (form);
  g_autoptr(VigieSiteRecord) site = NULL;
  g_autoptr(VigieContractLink) link = NULL;
  const char *country;

  g_return_if_fail (f != NULL && f->kind == FORM_CONTRACT);

  site = vigie_store_get_site (f->store, site_id, NULL);
  if (site == NULL)
    return;
  country = vigie_reference_country_label (site->country);
  link = vigie_contract_link_new (site_id,
                                  g_strcmp0 (site->location_type, "final_assembly") == 0
                                  ? "final_assembly" : "main_component",
                                  "contractor_disclosure");
  add_link_row (f, link, site->name, country != NULL ? country : site->country);
}

static void
result_activated_cb (GtkListBox    *box,
                     GtkListBoxRow *row,
                     Form          *f)
{
  gint64 site_id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (row), "site-id"));
  GtkWidget *search = g_hash_table_lookup (f->fields, "site_search");

  vigie_buyers_form_add_link (f->window, site_id);
  gtk_editable_set_text (GTK_EDITABLE (search), "");
}

static void
site_search_changed_cb (Form *f)
{
  GtkWidget *search = g_hash_table_lookup (f->fields, "site_search");
  const char *text = gtk_editable_get_text (GTK_EDITABLE (search));
  g_autoptr(VigieSiteQuery) query = vigie_site_query_new ();
  GtkWidget *child;
  guint n;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (f->results_box))) != NULL)
    gtk_list_box_remove (f->results_box, child);
  if (g_utf8_strlen (g_strstrip (g_strdup (text)), -1) == 0)
    {
      gtk_widget_set_visible (GTK_WIDGET (f->results_box), FALSE);
      return;
    }
  if (f->site_list == NULL)
    f->site_list = vigie_site_list_new (f->store);
  query->search = g_strdup (text);
  if (!vigie_site_list_set_query (f->site_list, query, NULL))
    return;
  n = MIN (g_list_model_get_n_items (G_LIST_MODEL (f->site_list)), 8);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(VigieSiteRow) site = g_list_model_get_item (G_LIST_MODEL (f->site_list), i);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *icon = gtk_image_new_from_icon_name ("list-add-symbolic");

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), vigie_site_row_get_name (site));
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row),
                                   vigie_site_row_get_country_label (site));
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), icon);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      g_object_set_data (G_OBJECT (row), "site-id",
                         GSIZE_TO_POINTER ((gsize) vigie_site_row_get_id (site)));
      gtk_list_box_append (f->results_box, row);
    }
  gtk_widget_set_visible (GTK_WIDGET (f->results_box), n > 0);
}

static GtkListBox *
boxed_list (void)
{
  GtkWidget *box = gtk_list_box_new ();

  gtk_list_box_set_selection_mode (GTK_LIST_BOX (box), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (box, "boxed-list");
  return GTK_LIST_BOX (box);
}

static GtkWidget *
placeholder (const char *text)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_widget_add_css_class (label, "dim-label");
  gtk_widget_set_margin_top (label, 12);
  gtk_widget_set_margin_bottom (label, 12);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  return label;
}

GtkWindow *
vigie_contract_form_new (GtkWindow            *parent,
                         VigieStore           *store,
                         gint64                id,
                         gint64                organisation,
                         GObject              *owner,
                         VigieBuyersSavedFunc  saved)
{
  static const char *const affiliate_kind[] = { "affiliate", NULL };
  static const char *const contractor_kind[] = { "contractor", NULL };
  static const char *const brand_kind[] = { "brand", NULL };
  g_autoptr(VigieOrganisationRecord) org = NULL;
  AdwPreferencesPage *page;
  AdwPreferencesGroup *group;
  GtkWidget *save, *add, *search;
  Form *f;

  g_return_val_if_fail (VIGIE_IS_STORE (store), NULL);

  f = form_new (FORM_CONTRACT, parent, store, id > 0 ? _("Edit Contract") : _("New Contract"),
                owner, saved, &page, &save);
  gtk_window_set_default_size (f->window, 820, 760);
  f->id = id;
  f->organisation = organisation;
  if (id > 0)
    f->contract = vigie_store_get_contract (store, id, NULL);
  if (f->contract == NULL)
    {
      f->id = 0;
      f->contract = vigie_contract_record_new ();
      org = organisation > 0 ? vigie_store_get_organisation (store, organisation, NULL) : NULL;
      if (org != NULL && strcmp (org->kind, "affiliate") == 0)
        f->contract->affiliate_id = org->id;
      else if (org != NULL && strcmp (org->kind, "contractor") == 0)
        f->contract->contractor_id = org->id;
      else if (org != NULL && strcmp (org->kind, "brand") == 0)
        f->contract->brand_id = org->id;
    }

  group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  adw_preferences_group_set_title (group, _("Contract"));
  adw_preferences_page_add (page, group);
  entry_field (f, group, "reference", _("Reference"), f->contract->reference);
  organisation_combo (f, group, "affiliate_id", _("Affiliate"), affiliate_kind,
                      C_("affiliate", "Choose…"), f->contract->affiliate_id, &f->affiliate_ids);
  organisation_combo (f, group, "contractor_id", _("Contractor"), contractor_kind,
                      C_("contractor", "None"), f->contract->contractor_id, &f->contractor_ids);
  organisation_combo (f, group, "brand_id", _("Brand"), brand_kind, C_("brand", "None"),
                      f->contract->brand_id, &f->brand_ids);
  entry_field (f, group, "start_date", _("Start Date (YYYY-MM-DD)"), f->contract->start_date);
  entry_field (f, group, "end_date", _("End Date (YYYY-MM-DD)"), f->contract->end_date);
  {
    g_autofree char *amount = NULL;

    if (f->contract->annual_spend_minor >= 0)
      {
        int exponent = vigie_currency_exponent (f->contract->currency);
        gint64 scale = 1;

        for (int i = 0; i < exponent; i++)
          scale *= 10;
        amount = exponent > 0
                 ? g_strdup_printf ("%" G_GINT64_FORMAT ".%0*" G_GINT64_FORMAT,
                                    f->contract->annual_spend_minor / scale, exponent,
                                    f->contract->annual_spend_minor % scale)
                 : g_strdup_printf ("%" G_GINT64_FORMAT, f->contract->annual_spend_minor);
      }
    entry_field (f, group, "annual_spend_minor", _("Annual Spend"), amount);
  }
  entry_field (f, group, "currency", _("Currency (ISO 4217, e.g. EUR)"), f->contract->currency);

  /* Product models. */
  group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  adw_preferences_group_set_title (group, _("Product Models"));
  adw_preferences_group_set_description (group, _("The hardware bought under the contract"));
  add = gtk_button_new_from_icon_name ("list-add-symbolic");
  gtk_widget_set_tooltip_text (add, _("Add a Product Model"));
  gtk_widget_add_css_class (add, "flat");
  adw_preferences_group_set_header_suffix (group, add);
  g_signal_connect_swapped (add, "clicked", G_CALLBACK (add_product_clicked_cb), f);
  f->products_box = boxed_list ();
  gtk_list_box_set_placeholder (f->products_box, placeholder (_("No product model yet")));
  adw_preferences_group_add (group, GTK_WIDGET (f->products_box));
  adw_preferences_page_add (page, group);
  add_field (f, "products", GTK_WIDGET (f->products_box), NULL);
  for (guint i = 0; i < f->contract->products->len; i++)
    add_product_row (f, g_ptr_array_index (f->contract->products, i));

  /* Site links. */
  group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  adw_preferences_group_set_title (group, _("Linked Sites"));
  adw_preferences_group_set_description (group,
                                         _("Production sites of the models bought, with their "
                                           "tier and where the link comes from"));
  f->links_box = boxed_list ();
  gtk_list_box_set_placeholder (f->links_box, placeholder (_("No site linked yet")));
  adw_preferences_group_add (group, GTK_WIDGET (f->links_box));
  adw_preferences_page_add (page, group);
  for (guint i = 0; i < f->contract->links->len; i++)
    {
      VigieContractLink *l = g_ptr_array_index (f->contract->links, i);
      g_autoptr(VigieSiteRecord) site = vigie_store_get_site (store, l->site_id, NULL);
      const char *country = site != NULL ? vigie_reference_country_label (site->country) : NULL;

      add_link_row (f, l, l->site_name, country != NULL ? country : "");
    }

  group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  adw_preferences_page_add (page, group);
  search = GTK_WIDGET (vigie_form_entry (group, _("Find a Site to Link"), NULL));
  add_field (f, "site_search", search, NULL);
  g_signal_connect_swapped (search, "changed", G_CALLBACK (site_search_changed_cb), f);
  f->results_box = boxed_list ();
  gtk_list_box_set_selection_mode (f->results_box, GTK_SELECTION_NONE);
  gtk_widget_set_margin_top (GTK_WIDGET (f->results_box), 6);
  gtk_widget_set_visible (GTK_WIDGET (f->results_box), FALSE);
  g_signal_connect (f->results_box, "row-activated", G_CALLBACK (result_activated_cb), f);
  adw_preferences_group_add (group, GTK_WIDGET (f->results_box));

  f->notes = vigie_form_text_group (page, _("Notes"), NULL);
  vigie_form_set_text (f->notes, f->contract->notes);

  g_signal_connect_swapped (save, "clicked", G_CALLBACK (save_clicked_cb), f->window);
  return f->window;
}

static gboolean
save_contract (Form *f)
{
  g_autoptr(VigieContractRecord) r = vigie_contract_record_copy (f->contract);
  g_autoptr(GPtrArray) errors = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *amount = NULL;
  GPtrArray *extra;

  extra = g_ptr_array_new_with_free_func ((GDestroyNotify) vigie_field_error_free);
  g_free (r->reference);
  r->reference = field_text (f, "reference");
  if (r->reference == NULL)
    r->reference = g_strdup ("");
  r->affiliate_id = combo_id (f, "affiliate_id", f->affiliate_ids);
  r->contractor_id = combo_id (f, "contractor_id", f->contractor_ids);
  r->brand_id = combo_id (f, "brand_id", f->brand_ids);
  g_free (r->start_date);
  r->start_date = field_text (f, "start_date");
  g_free (r->end_date);
  r->end_date = field_text (f, "end_date");
  g_free (r->currency);
  r->currency = field_text (f, "currency");
  if (r->currency != NULL)
    {
      char *up = g_ascii_strup (r->currency, -1);
      g_free (r->currency);
      r->currency = up;
    }
  amount = field_text (f, "annual_spend_minor");
  r->annual_spend_minor = -1;
  if (amount != NULL
      && !vigie_parse_money (amount, r->currency != NULL ? r->currency : "EUR",
                             &r->annual_spend_minor))
    {
      VigieFieldError *e = g_new0 (VigieFieldError, 1);

      e->field = "annual_spend_minor";
      e->reason = g_strdup (_("Enter an amount such as 1250000.00"));
      g_ptr_array_add (extra, e);
      r->annual_spend_minor = -1;
    }
  g_free (r->notes);
  r->notes = vigie_form_text (f->notes);

  g_ptr_array_set_size (r->products, 0);
  for (guint i = 0; i < f->product_rows->len; i++)
    {
      ProductRow *p = g_ptr_array_index (f->product_rows, i);
      const char *product = dropdown_code (p->product, VIGIE_VOCAB_PRODUCT, TRUE);
      g_autofree char *qtext = g_strstrip (g_strdup (gtk_editable_get_text (p->quantity)));
      gint64 quantity = -1;
      VigieContractProduct *cp;

      if (!vigie_factories_parse_count (qtext, &quantity))
        {
          VigieFieldError *e = g_new0 (VigieFieldError, 1);
          g_autofree char *field = g_strdup_printf ("products[%u].quantity", i);

          e->field = g_intern_string (field);
          e->reason = g_strdup (_("Enter a whole number of units"));
          g_ptr_array_add (extra, e);
          quantity = -1;
        }
      cp = vigie_contract_product_new (gtk_editable_get_text (p->model), product, quantity);
      cp->id = p->id;
      g_ptr_array_add (r->products, cp);
    }
  g_ptr_array_set_size (r->links, 0);
  for (guint i = 0; i < f->link_rows->len; i++)
    {
      LinkRow *l = g_ptr_array_index (f->link_rows, i);
      VigieContractLink *cl = vigie_contract_link_new (l->site_id,
                                                       dropdown_code (l->tier, VIGIE_VOCAB_TIER, FALSE),
                                                       dropdown_code (l->source, VIGIE_VOCAB_LINK_SOURCE, FALSE));
      g_autofree char *disclosed = g_strstrip (g_strdup (gtk_editable_get_text (l->disclosed_on)));

      cl->product_index = l->product_index;
      cl->disclosed_on = *disclosed != '\0' ? g_strdup (disclosed) : NULL;
      g_ptr_array_add (r->links, cl);
    }

  clear_marks (f);
  for (guint i = 0; i < f->product_rows->len; i++)
    {
      ProductRow *p = g_ptr_array_index (f->product_rows, i);

      gtk_widget_remove_css_class (GTK_WIDGET (p->model), "error");
      gtk_widget_remove_css_class (GTK_WIDGET (p->quantity), "error");
    }
  for (guint i = 0; i < f->link_rows->len; i++)
    {
      LinkRow *l = g_ptr_array_index (f->link_rows, i);

      gtk_widget_remove_css_class (l->row, "error");
      gtk_widget_remove_css_class (GTK_WIDGET (l->disclosed_on), "error");
    }
  errors = vigie_contract_validate (f->store, r);
  for (guint i = 0; extra->len > 0; i++)
    g_ptr_array_insert (errors, (int) i, g_ptr_array_steal_index (extra, 0));
  g_ptr_array_unref (extra);
  if (!show_errors (f, errors))
    return FALSE;
  if (r->id > 0 ? !vigie_store_update_contract (f->store, r, &error)
                : vigie_store_insert_contract (f->store, r, &error) == 0)
    {
      adw_toast_overlay_add_toast (f->overlay, adw_toast_new (error->message));
      return FALSE;
    }
  finish_save (f, r->id);
  return TRUE;
}

/* ─── Disclosure request ─────────────────────────────────────────────────── */

GtkWindow *
vigie_disclosure_form_new (GtkWindow            *parent,
                           VigieStore           *store,
                           gint64                id,
                           gint64                organisation,
                           GObject              *owner,
                           VigieBuyersSavedFunc  saved)
{
  static const char *const party_kinds[] = { "contractor", "brand", NULL };
  g_autoptr(GtkStringList) contracts_model = gtk_string_list_new (NULL);
  g_autoptr(GPtrArray) contracts = NULL;
  g_autoptr(VigieOrganisationRecord) org = NULL;
  AdwPreferencesPage *page;
  AdwPreferencesGroup *group;
  GtkWidget *save, *contract_row, *tier_row, *label;
  Form *f;
  guint contract_index = 0;
  gint64 none = 0;

  g_return_val_if_fail (VIGIE_IS_STORE (store), NULL);

  f = form_new (FORM_DISCLOSURE, parent, store,
                id > 0 ? _("Edit Disclosure Request") : _("New Disclosure Request"),
                owner, saved, &page, &save);
  f->id = id;
  f->organisation = organisation;
  if (id > 0)
    f->request = vigie_store_get_disclosure (store, id, NULL);
  if (f->request == NULL)
    {
      f->id = 0;
      f->request = vigie_disclosure_record_new ();
      org = organisation > 0 ? vigie_store_get_organisation (store, organisation, NULL) : NULL;
      if (org != NULL && (strcmp (org->kind, "contractor") == 0 || strcmp (org->kind, "brand") == 0))
        f->request->organisation_id = org->id;
    }

  group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  adw_preferences_page_add (page, group);
  organisation_combo (f, group, "organisation_id", _("Asked"), party_kinds,
                      C_("asked", "Choose…"), f->request->organisation_id, &f->party_ids);

  f->contract_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  gtk_string_list_append (contracts_model, C_("contract", "No particular contract"));
  g_array_append_val (f->contract_ids, none);
  contracts = vigie_store_list_contracts_of (store, organisation, NULL);
  for (guint i = 0; contracts != NULL && i < contracts->len; i++)
    {
      VigieContractSummary *c = g_ptr_array_index (contracts, i);
      /* Translators: a contract in a chooser: its reference and its buyer */
      g_autofree char *text = g_strdup_printf (_("%1$s — %2$s"),
                                               *c->reference != '\0' ? c->reference : _("No reference"),
                                               c->affiliate_name);

      if (c->id == f->request->contract_id)
        contract_index = f->contract_ids->len;
      gtk_string_list_append (contracts_model, text);
      g_array_append_val (f->contract_ids, c->id);
    }
  contract_row = adw_combo_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (contract_row), _("Contract"));
  adw_combo_row_set_model (ADW_COMBO_ROW (contract_row), G_LIST_MODEL (contracts_model));
  adw_combo_row_set_selected (ADW_COMBO_ROW (contract_row), contract_index);
  label = vigie_factories_error_label_new ();
  adw_action_row_add_suffix (ADW_ACTION_ROW (contract_row), label);
  adw_preferences_group_add (group, contract_row);
  add_field (f, "contract_id", contract_row, label);

  vocab_field (f, group, "subject", _("Subject"), VIGIE_VOCAB_DISCLOSURE_SUBJECT,
               f->request->subject);
  {
    g_autoptr(GtkStringList) tiers = gtk_string_list_new (NULL);
    const VigieVocabEntry *entries;
    guint n = 0;
    int index = vigie_vocab_index (VIGIE_VOCAB_TIER, f->request->tier);

    entries = vigie_vocab_entries (VIGIE_VOCAB_TIER, &n);
    gtk_string_list_append (tiers, C_("tier", "Every tier"));
    for (guint i = 0; i < n; i++)
      gtk_string_list_append (tiers, vigie_vocab_label (VIGIE_VOCAB_TIER, entries[i].code));
    tier_row = adw_combo_row_new ();
    adw_preferences_row_set_title (ADW_PREFERENCES_ROW (tier_row), _("Tier"));
    adw_combo_row_set_model (ADW_COMBO_ROW (tier_row), G_LIST_MODEL (tiers));
    adw_combo_row_set_selected (ADW_COMBO_ROW (tier_row), index >= 0 ? (guint) index + 1 : 0);
    label = vigie_factories_error_label_new ();
    adw_action_row_add_suffix (ADW_ACTION_ROW (tier_row), label);
    adw_preferences_group_add (group, tier_row);
    add_field (f, "tier", tier_row, label);
  }
  vocab_field (f, group, "status", _("Status"), VIGIE_VOCAB_DISCLOSURE_STATUS,
               f->request->status);

  group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  adw_preferences_group_set_title (group, _("Dates"));
  adw_preferences_page_add (page, group);
  entry_field (f, group, "requested_on", _("Requested On (YYYY-MM-DD)"), f->request->requested_on);
  entry_field (f, group, "due_on", _("Due On (YYYY-MM-DD)"), f->request->due_on);
  entry_field (f, group, "answered_on", _("Answered On (YYYY-MM-DD)"), f->request->answered_on);

  f->notes = vigie_form_text_group (page, _("Notes"), NULL);
  vigie_form_set_text (f->notes, f->request->notes);
  g_signal_connect_swapped (save, "clicked", G_CALLBACK (save_clicked_cb), f->window);
  return f->window;
}

static gboolean
save_disclosure (Form *f)
{
  g_autoptr(VigieDisclosureRecord) r = vigie_disclosure_record_copy (f->request);
  g_autoptr(GPtrArray) errors = NULL;
  g_autoptr(GError) error = NULL;
  guint tier = adw_combo_row_get_selected (g_hash_table_lookup (f->fields, "tier"));
  const VigieVocabEntry *tiers;
  guint n_tiers = 0;

  tiers = vigie_vocab_entries (VIGIE_VOCAB_TIER, &n_tiers);
  r->organisation_id = combo_id (f, "organisation_id", f->party_ids);
  r->contract_id = combo_id (f, "contract_id", f->contract_ids);
  g_free (r->subject);
  r->subject = g_strdup (vigie_form_combo_code (g_hash_table_lookup (f->fields, "subject"),
                                                VIGIE_VOCAB_DISCLOSURE_SUBJECT));
  g_free (r->tier);
  r->tier = tier > 0 && tier <= n_tiers ? g_strdup (tiers[tier - 1].code) : NULL;
  g_free (r->status);
  r->status = g_strdup (vigie_form_combo_code (g_hash_table_lookup (f->fields, "status"),
                                               VIGIE_VOCAB_DISCLOSURE_STATUS));
  g_free (r->requested_on);
  r->requested_on = field_text (f, "requested_on");
  g_free (r->due_on);
  r->due_on = field_text (f, "due_on");
  g_free (r->answered_on);
  r->answered_on = field_text (f, "answered_on");
  g_free (r->notes);
  r->notes = vigie_form_text (f->notes);

  clear_marks (f);
  errors = vigie_disclosure_validate (f->store, r);
  if (!show_errors (f, errors))
    return FALSE;
  if (r->id > 0 ? !vigie_store_update_disclosure (f->store, r, &error)
                : vigie_store_insert_disclosure (f->store, r, &error) == 0)
    {
      adw_toast_overlay_add_toast (f->overlay, adw_toast_new (error->message));
      return FALSE;
    }
  finish_save (f, r->id);
  return TRUE;
}

/* ─── Common ─────────────────────────────────────────────────────────────── */

GtkWidget *
vigie_buyers_form_get_field (GtkWindow  *form,
                             const char *field)
{
  Form *f = form_of (form);

  g_return_val_if_fail (f != NULL, NULL);
  return widget_for_field (f, field);
}

gboolean
vigie_buyers_form_save (GtkWindow *form)
{
  Form *f = form_of (form);

  g_return_val_if_fail (f != NULL, FALSE);
  switch (f->kind)
    {
    case FORM_ORGANISATION:
      return save_organisation (f);
    case FORM_CONTRACT:
      return save_contract (f);
    case FORM_DISCLOSURE:
      return save_disclosure (f);
    default:
      g_assert_not_reached ();
    }
}
