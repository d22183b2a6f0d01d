/* vigie-findings-page.c — the Findings page.
 *
 * The list is a VigieFindingList (ids from one SQL query, rows built on demand) in a
 * GtkColumnView that never sorts: a probe sorter per column tells which header was
 * clicked and the order goes to the SQL. Every filter is a WHERE clause.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n.h>
#include <string.h>

#include "vigie-cell-label.h"
#include "vigie-factories-page.h"
#include "vigie-factories-private.h"
#include "vigie-finding-editor.h"
#include "vigie-findings-page.h"
#include "vigie-pages.h"
#include "vigie-evidence.h"
#include "vigie-investigation-dialog.h"
#include "vigie-reference.h"
#include "vigie-site-cases-window.h"
#include "vigie-site-list.h"
#include "vigie-vocab.h"
#include "vigie-window.h"

enum
{
  FILTER_COUNTRY,
  FILTER_THEME,
  FILTER_INDICATOR,
  FILTER_SEVERITY,
  FILTER_STATUS,
  FILTER_DISCLOSURE,
  FILTER_YEAR,
  N_FILTERS
};

static const char *const filter_names[N_FILTERS] = {
  "country", "theme", "indicator", "severity", "status", "disclosure", "year",
};

typedef struct
{
  VigieFindingsPage *self;
  VigieFindingSort   sort;
} Probe;

/* A deletion waiting for its Undo to expire (see delete_later()). */
typedef enum
{
  PENDING_FINDING,
  PENDING_EVIDENCE,
} PendingKind;

typedef struct
{
  VigieFindingsPage *self;     /* weak */
  VigieStore        *store;
  PendingKind        kind;
  gint64             id;
  gint64             finding_id;   /* evidence: its finding */
  gboolean           undone;
  gboolean           done;
} PendingDelete;

struct _VigieFindingsPage
{
  GtkWidget           parent_instance;

  GtkSearchEntry     *search_entry;
  GtkDropDown        *filters[N_FILTERS];
  GtkWidget          *site_chip;
  GtkLabel           *site_chip_label;
  GtkStack           *list_stack;
  GtkColumnView      *column_view;
  GtkColumnViewColumn *columns[VIGIE_FINDING_N_SORTS];
  AdwStatusPage      *empty_page;
  GtkLabel           *count_label;
  GtkSpinner         *spinner;
  VigieFindingEditor *editor;
  GtkWidget          *cases_buttons[2];

  GPtrArray          *pending;          /* PendingDelete (shared with their toasts) */
  AdwToast           *undo_toast;       /* weak */
  GtkWindow          *cases_window;     /* weak */

  VigieStore         *store;
  VigieFindingList   *list;
  GtkSingleSelection *selection;
  GCancellable       *cancellable;
  guint               busy;
  gboolean            updating;
  gint64              site_id;
  int                 month;        /* of the year filter, set by the Overview; 0 none */
  gboolean            no_theme;     /* only untagged findings, set by the Overview */

  /* What each filter's items stand for (after "All"): codes, or years as strings. */
  GPtrArray          *filter_codes[N_FILTERS];

  Probe               probes[VIGIE_FINDING_N_SORTS];
  int                 probe_hit;
  GObject            *probe_a;
  GObject            *probe_b;
  VigieFindingSort    sort;
  gboolean            descending;
  gboolean            resorting;
};

G_DEFINE_FINAL_TYPE (VigieFindingsPage, vigie_findings_page, GTK_TYPE_WIDGET)

enum
{
  PROP_0,
  PROP_STORE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void run_query (VigieFindingsPage *self);
static void update_cases_buttons (VigieFindingsPage *self);

/* ─── Cells ──────────────────────────────────────────────────────────────── */

static void
setup_cell_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               gpointer                  data)
{
  int column = GPOINTER_TO_INT (data);
  GtkWidget *label = vigie_cell_label_new ();

  if (column == VIGIE_FINDING_SORT_WORKERS || column == VIGIE_FINDING_SORT_OPEN_ACTIONS)
    {
      vigie_cell_label_set_numeric (VIGIE_CELL_LABEL (label), TRUE);
      vigie_cell_label_set_xalign (VIGIE_CELL_LABEL (label), 1.0f);
    }
  gtk_list_item_set_child (item, label);
}

static void
bind_cell_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              gpointer                  data)
{
  int column = GPOINTER_TO_INT (data);
  VigieFindingRow *row = gtk_list_item_get_item (item);
  GtkWidget *label = gtk_list_item_get_child (item);
  g_autofree char *text = NULL;
  const char *tooltip = NULL;

  gtk_widget_remove_css_class (label, "error");
  gtk_widget_remove_css_class (label, "warning");
  switch (column)
    {
    case VIGIE_FINDING_SORT_SITE:
      text = g_strdup (vigie_finding_row_get_site_name (row));
      tooltip = vigie_reference_country_label (vigie_finding_row_get_country (row));
      break;
    case VIGIE_FINDING_SORT_TITLE:
      if (vigie_finding_row_get_n_confidential (row) > 0)
        /* Translators: a finding title marked because some of its evidence is
         * confidential; keep it short */
        text = g_strdup_printf (_("[C] %s"), vigie_finding_row_get_title (row));
      else
        text = g_strdup (vigie_finding_row_get_title (row));
      tooltip = vigie_finding_row_get_n_confidential (row) > 0
                ? _("[C]: some evidence of this finding is confidential")
                : vigie_finding_row_get_title (row);
      break;
    case VIGIE_FINDING_SORT_THEME:
      text = g_strdup (vigie_finding_row_get_themes_label (row));
      tooltip = text;
      break;
    case VIGIE_FINDING_SORT_SEVERITY:
      text = g_strdup (vigie_finding_row_get_severity_label (row));
      if (g_strcmp0 (vigie_finding_row_get_severity (row), "critical") == 0)
        gtk_widget_add_css_class (label, "error");
      else if (g_strcmp0 (vigie_finding_row_get_severity (row), "major") == 0)
        gtk_widget_add_css_class (label, "warning");
      break;
    case VIGIE_FINDING_SORT_STATUS:
      text = g_strdup (vigie_finding_row_get_status_label (row));
      break;
    case VIGIE_FINDING_SORT_DISCLOSURE:
      text = g_strdup (vigie_finding_row_get_disclosure_label (row));
      break;
    case VIGIE_FINDING_SORT_FIRST_OBSERVED:
      text = vigie_factories_format_date (vigie_finding_row_get_first_observed (row));
      break;
    case VIGIE_FINDING_SORT_WORKERS:
      text = vigie_finding_row_get_workers_affected (row) >= 0
             ? vigie_factories_format_count (vigie_finding_row_get_workers_affected (row))
             : g_strdup ("—");
      break;
    case VIGIE_FINDING_SORT_OPEN_ACTIONS:
      text = vigie_factories_format_count (vigie_finding_row_get_open_actions (row));
      break;
    default:
      text = g_strdup ("");
    }
  vigie_cell_label_set_text (VIGIE_CELL_LABEL (label), text);
  /* On GTK 4.8 under X11 every tooltip change costs a round trip to the X server, which
   * made scrolling a long list stutter: only the confidential marker keeps a tooltip. */
  if (column == VIGIE_FINDING_SORT_TITLE && vigie_finding_row_get_n_confidential (row) > 0)
    gtk_widget_set_tooltip_text (label, tooltip);
  else if (gtk_widget_get_has_tooltip (label))
    gtk_widget_set_tooltip_text (label, NULL);
}

/* ─── Count and empty state ──────────────────────────────────────────────── */

static guint n_pending_findings (VigieFindingsPage *self);

static void
update_count (VigieFindingsPage *self)
{
  g_autofree char *shown = NULL;
  g_autofree char *text = NULL;
  guint n;

  if (self->list == NULL)
    {
      gtk_label_set_label (self->count_label, "");
      adw_status_page_set_title (self->empty_page, _("No Dataset Open"));
      adw_status_page_set_description (self->empty_page,
                                       _("Open or create a dataset to see its findings."));
      gtk_stack_set_visible_child_name (self->list_stack, "empty");
      return;
    }
  n = g_list_model_get_n_items (G_LIST_MODEL (self->list));
  shown = vigie_factories_format_count (n);
  if (vigie_finding_query_has_filters (vigie_finding_list_get_query (self->list)))
    {
      gint64 total = vigie_store_count (self->store, "findings")
                     - (gint64) n_pending_findings (self);
      g_autofree char *all = vigie_factories_format_count (total);

      /* Translators: "12 of 2,000 findings"; the plural follows the total */
      text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%1$s of %2$s finding",
                                           "%1$s of %2$s findings", (gulong) total),
                              shown, all);
    }
  else
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s finding", "%s findings", n),
                            shown);
  gtk_label_set_label (self->count_label, text);
  if (n > 0)
    {
      gtk_stack_set_visible_child_name (self->list_stack, "list");
      return;
    }
  if (vigie_finding_query_has_filters (vigie_finding_list_get_query (self->list)))
    {
      adw_status_page_set_title (self->empty_page, _("No Matching Findings"));
      adw_status_page_set_description (self->empty_page,
                                       _("Try other words, or remove a filter."));
    }
  else
    {
      adw_status_page_set_title (self->empty_page, _("No Findings Yet"));
      adw_status_page_set_description (self->empty_page,
                                       _("Add what monitoring partners found with "
                                         "Ctrl+Shift+N, or import a list with vigie-cli "
                                         "import findings."));
    }
  gtk_stack_set_visible_child_name (self->list_stack, "empty");
}

static void
set_busy (VigieFindingsPage *self,
          gboolean           busy)
{
  if (busy)
    self->busy++;
  else if (self->busy > 0)
    self->busy--;
  gtk_widget_set_visible (GTK_WIDGET (self->spinner), self->busy > 0);
  gtk_spinner_set_spinning (self->spinner, self->busy > 0);
}

/* ─── Selection ──────────────────────────────────────────────────────────── */

static gint64
selected_id (VigieFindingsPage *self)
{
  VigieFindingRow *row;

  if (self->selection == NULL)
    return 0;
  row = gtk_single_selection_get_selected_item (self->selection);
  return row != NULL ? vigie_finding_row_get_id (row) : 0;
}

static void
select_quietly (VigieFindingsPage *self,
                gint64             id)
{
  guint position = id > 0 && self->list != NULL
                   ? vigie_finding_list_find_position (self->list, id) : G_MAXUINT;
  gboolean was = self->updating;

  self->updating = TRUE;
  gtk_single_selection_set_selected (self->selection, position != G_MAXUINT
                                                      ? position : GTK_INVALID_LIST_POSITION);
  self->updating = was;
}

static void
settle_editor (VigieFindingsPage *self)
{
  g_autoptr(GError) error = NULL;

  if (!vigie_finding_editor_get_modified (self->editor))
    return;
  if (!vigie_finding_editor_save (self->editor, &error))
    {
      g_autofree char *title = g_strdup_printf (_("Changes to the finding were not saved: %s"),
                                                error->message);
      vigie_factories_add_toast (GTK_WIDGET (self), adw_toast_new (title));
    }
}

static void
selection_changed_cb (VigieFindingsPage *self)
{
  g_autoptr(GError) error = NULL;
  gint64 id;

  if (self->updating)
    return;
  id = selected_id (self);
  if (id > 0 && id == vigie_finding_editor_get_id (self->editor))
    return;
  settle_editor (self);
  if (id <= 0)
    vigie_finding_editor_clear (self->editor);
  else if (!vigie_finding_editor_load (self->editor, id, &error))
    vigie_factories_add_toast (GTK_WIDGET (self), adw_toast_new (error->message));
  update_cases_buttons (self);
}

gboolean
vigie_findings_page_select_finding (VigieFindingsPage *self,
                                    gint64             id)
{
  guint position;

  g_return_val_if_fail (VIGIE_IS_FINDINGS_PAGE (self), FALSE);

  if (self->list == NULL)
    return FALSE;
  position = vigie_finding_list_find_position (self->list, id);
  if (position == G_MAXUINT)
    return FALSE;
  gtk_single_selection_set_selected (self->selection, position);
  return TRUE;
}

/* ─── Filters ────────────────────────────────────────────────────────────── */

static const char *
filter_code (VigieFindingsPage *self,
             int                filter)
{
  guint i = gtk_drop_down_get_selected (self->filters[filter]);

  if (self->filter_codes[filter] == NULL || i == GTK_INVALID_LIST_POSITION || i == 0
      || i > self->filter_codes[filter]->len)
    return NULL;
  return g_ptr_array_index (self->filter_codes[filter], i - 1);
}

static VigieFindingQuery *
query_from_widgets (VigieFindingsPage *self)
{
  VigieFindingQuery *q = vigie_finding_query_new ();
  const char *year;

  q->search = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));
  q->site_id = self->site_id;
  q->month = self->month;
  q->no_theme = self->no_theme;
  q->country = g_strdup (filter_code (self, FILTER_COUNTRY));
  q->theme = g_strdup (filter_code (self, FILTER_THEME));
  q->indicator = g_strdup (filter_code (self, FILTER_INDICATOR));
  q->severity = g_strdup (filter_code (self, FILTER_SEVERITY));
  q->status = g_strdup (filter_code (self, FILTER_STATUS));
  q->disclosure_level = g_strdup (filter_code (self, FILTER_DISCLOSURE));
  year = filter_code (self, FILTER_YEAR);
  q->year = year != NULL ? atoi (year) : 0;
  q->sort = self->sort;
  q->descending = self->descending;
  return q;
}

static void
set_filter (VigieFindingsPage *self,
            int                filter,
            const char        *all,
            GPtrArray         *codes,     /* owned strings */
            GPtrArray         *labels)    /* owned strings */
{
  g_autoptr(GtkStringList) model = gtk_string_list_new (NULL);

  gtk_string_list_append (model, all);
  for (guint i = 0; i < labels->len; i++)
    gtk_string_list_append (model, g_ptr_array_index (labels, i));
  g_clear_pointer (&self->filter_codes[filter], g_ptr_array_unref);
  self->filter_codes[filter] = g_ptr_array_ref (codes);
  self->updating = TRUE;
  gtk_drop_down_set_model (self->filters[filter], G_LIST_MODEL (model));
  gtk_drop_down_set_selected (self->filters[filter], 0);
  self->updating = FALSE;
}

static void
vocab_filter (VigieFindingsPage *self,
              int                filter,
              VigieVocab         vocab,
              const char        *all)
{
  g_autoptr(GPtrArray) codes = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) labels = g_ptr_array_new_with_free_func (g_free);
  const VigieVocabEntry *entries;
  guint n = 0;

  entries = vigie_vocab_entries (vocab, &n);
  for (guint i = 0; i < n; i++)
    {
      g_ptr_array_add (codes, g_strdup (entries[i].code));
      g_ptr_array_add (labels, g_strdup (vigie_vocab_label (vocab, entries[i].code)));
    }
  set_filter (self, filter, all, codes, labels);
}

/* The filters that depend on the dataset: countries, themes, indicators, years. */
static void
update_dataset_filters (VigieFindingsPage *self)
{
  g_autoptr(GPtrArray) codes = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) labels = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) countries = NULL;
  g_autoptr(GPtrArray) standards = NULL;
  g_autoptr(GPtrArray) indicators = NULL;
  g_autoptr(GArray) years = NULL;

  if (self->store != NULL)
    {
      countries = vigie_site_list_countries_in_use (self->store, NULL);
      standards = vigie_store_list_standards (self->store, NULL);
      indicators = vigie_store_list_fl_indicators (self->store, NULL);
      years = vigie_finding_list_years (self->store, NULL);
    }
  for (guint i = 0; countries != NULL && i < countries->len; i++)
    {
      VigieCountryCount *c = g_ptr_array_index (countries, i);

      g_ptr_array_add (codes, g_strdup (c->code));
      g_ptr_array_add (labels, g_strdup (c->label));
    }
  set_filter (self, FILTER_COUNTRY, _("All Countries"), codes, labels);

  codes = (g_ptr_array_unref (codes), g_ptr_array_new_with_free_func (g_free));
  labels = (g_ptr_array_unref (labels), g_ptr_array_new_with_free_func (g_free));
  for (guint i = 0; standards != NULL && i < standards->len; i++)
    {
      VigieStandardInfo *s = g_ptr_array_index (standards, i);

      if (g_strcmp0 (s->code, "vigie") != 0)
        continue;
      g_ptr_array_add (codes, g_strdup (s->key));
      g_ptr_array_add (labels, *s->parent_key != '\0' ? g_strdup_printf ("   %s", s->title)
                                                      : g_strdup (s->title));
    }
  set_filter (self, FILTER_THEME, _("All Themes"), codes, labels);

  codes = (g_ptr_array_unref (codes), g_ptr_array_new_with_free_func (g_free));
  labels = (g_ptr_array_unref (labels), g_ptr_array_new_with_free_func (g_free));
  for (guint i = 0; indicators != NULL && i < indicators->len; i++)
    {
      VigieIndicatorInfo *info = g_ptr_array_index (indicators, i);

      g_ptr_array_add (codes, g_strdup (info->code));
      g_ptr_array_add (labels, g_strdup (info->title));
    }
  set_filter (self, FILTER_INDICATOR, _("Any Forced-Labour Indicator"), codes, labels);

  codes = (g_ptr_array_unref (codes), g_ptr_array_new_with_free_func (g_free));
  labels = (g_ptr_array_unref (labels), g_ptr_array_new_with_free_func (g_free));
  for (guint i = 0; years != NULL && i < years->len; i++)
    {
      g_ptr_array_add (codes, g_strdup_printf ("%d", g_array_index (years, int, i)));
      g_ptr_array_add (labels, g_strdup_printf ("%d", g_array_index (years, int, i)));
    }
  set_filter (self, FILTER_YEAR, _("All Years"), codes, labels);
}

static void
query_done_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(VigieFindingsPage) self = user_data;
  g_autoptr(GError) error = NULL;
  gint64 keep;
  gboolean ok;

  set_busy (self, FALSE);
  if (self->list != VIGIE_FINDING_LIST (source))
    return;
  keep = vigie_finding_editor_get_id (self->editor);
  self->updating = TRUE;
  ok = vigie_finding_list_set_query_finish (VIGIE_FINDING_LIST (source), result, &error);
  self->updating = FALSE;
  if (!ok)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        vigie_factories_add_toast (GTK_WIDGET (self), adw_toast_new (error->message));
      return;
    }
  select_quietly (self, keep);
  update_count (self);
  update_cases_buttons (self);
}

static void
run_query (VigieFindingsPage *self)
{
  g_autoptr(VigieFindingQuery) query = NULL;

  if (self->list == NULL)
    return;
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  query = query_from_widgets (self);
  set_busy (self, TRUE);
  vigie_finding_list_set_query_async (self->list, query, self->cancellable, query_done_cb,
                                      g_object_ref (self));
}

static void
reload_now (VigieFindingsPage *self,
            gint64             keep)
{
  g_autoptr(VigieFindingQuery) query = NULL;
  g_autoptr(GError) error = NULL;

  if (self->list == NULL)
    return;
  g_cancellable_cancel (self->cancellable);
  query = query_from_widgets (self);
  self->updating = TRUE;
  if (!vigie_finding_list_set_query (self->list, query, &error))
    vigie_factories_add_toast (GTK_WIDGET (self), adw_toast_new (error->message));
  self->updating = FALSE;
  select_quietly (self, keep);
  update_count (self);
}

static void
filters_changed_cb (VigieFindingsPage *self)
{
  if (!self->updating)
    run_query (self);
}

static void
update_site_chip (VigieFindingsPage *self)
{
  g_autoptr(VigieSiteRecord) site = NULL;
  g_autoptr(GString) text = g_string_new (NULL);

  if (self->site_id > 0 && self->store != NULL)
    {
      site = vigie_store_get_site (self->store, self->site_id, NULL);
      /* Translators: the site filter, e.g. "Site: Alpha Electronics" */
      g_string_append_printf (text, _("Site: %s"), site != NULL ? site->name : "?");
    }
  /* The filters the Overview adds to the drop-downs: a month of the year, no theme. */
  if (self->month >= 1 && self->month <= 12)
    {
      g_autoptr(GDateTime) date = g_date_time_new_utc (2000, self->month, 1, 0, 0, 0);
      g_autofree char *month = g_date_time_format (date, "%OB");

      g_string_append_printf (text, "%s%s", text->len > 0 ? " · " : "", month);
    }
  if (self->no_theme)
    g_string_append_printf (text, "%s%s", text->len > 0 ? " · " : "",
                            C_("theme", "No theme"));
  gtk_label_set_label (self->site_chip_label, text->str);
  gtk_widget_set_visible (self->site_chip, text->len > 0);
}

void
vigie_findings_page_filter_site (VigieFindingsPage *self,
                                 gint64             site_id)
{
  g_return_if_fail (VIGIE_IS_FINDINGS_PAGE (self));

  self->site_id = MAX (site_id, 0);
  update_site_chip (self);
  reload_now (self, 0);
  update_cases_buttons (self);
}

static void
clear_site_cb (VigieFindingsPage *self)
{
  self->month = 0;
  self->no_theme = FALSE;
  vigie_findings_page_filter_site (self, 0);
}

gboolean
vigie_findings_page_show_site (GtkWidget *widget,
                               gint64     site_id)
{
  GtkWidget *window = VIGIE_IS_WINDOW (widget) ? widget
                      : gtk_widget_get_ancestor (widget, VIGIE_TYPE_WINDOW);
  GtkWidget *page;

  if (window == NULL)
    return FALSE;
  vigie_window_show_page (VIGIE_WINDOW (window), "findings");
  page = vigie_window_get_page (VIGIE_WINDOW (window), "findings");
  if (page == NULL)
    return FALSE;
  vigie_findings_page_filter_site (VIGIE_FINDINGS_PAGE (page), site_id);
  return TRUE;
}

/* ─── Sorting ────────────────────────────────────────────────────────────── */

static int
probe_compare (gconstpointer a,
               gconstpointer b,
               gpointer      user_data)
{
  Probe *probe = user_data;

  if (probe->self->probe_hit < 0)
    probe->self->probe_hit = (int) probe->sort;
  return GTK_ORDERING_SMALLER;
}

static void
sorter_changed_cb (VigieFindingsPage *self)
{
  GtkOrdering order;

  if (self->resorting)
    return;
  self->probe_hit = -1;
  order = gtk_sorter_compare (gtk_column_view_get_sorter (self->column_view), self->probe_a,
                              self->probe_b);
  if (self->probe_hit < 0)
    {
      self->sort = VIGIE_FINDING_SORT_FIRST_OBSERVED;
      self->descending = TRUE;
    }
  else
    {
      self->sort = (VigieFindingSort) self->probe_hit;
      self->descending = order == GTK_ORDERING_LARGER;
    }
  self->resorting = TRUE;
  for (guint i = 0; i < VIGIE_FINDING_N_SORTS; i++)
    {
      g_autoptr(GtkSorter) probe = NULL;

      if (i == self->sort)
        continue;
      probe = g_object_ref (gtk_column_view_column_get_sorter (self->columns[i]));
      gtk_column_view_column_set_sorter (self->columns[i], NULL);
      gtk_column_view_column_set_sorter (self->columns[i], probe);
    }
  gtk_column_view_sort_by_column (self->column_view, self->columns[self->sort],
                                  self->descending ? GTK_SORT_DESCENDING : GTK_SORT_ASCENDING);
  self->resorting = FALSE;
  if (!self->updating)
    run_query (self);
}

/* ─── Actions ────────────────────────────────────────────────────────────── */

static void
search_activated (GtkWidget  *widget,
                  const char *name,
                  GVariant   *parameter)
{
  gtk_widget_grab_focus (GTK_WIDGET (VIGIE_FINDINGS_PAGE (widget)->search_entry));
}

static void
new_finding_activated (GtkWidget  *widget,
                       const char *name,
                       GVariant   *parameter)
{
  VigieFindingsPage *self = VIGIE_FINDINGS_PAGE (widget);
  gint64 site = self->site_id;
  VigieFindingRow *row;

  if (self->store == NULL)
    return;
  settle_editor (self);
  /* Without a site filter, the new finding is at the site of the selected one. */
  row = gtk_single_selection_get_selected_item (self->selection);
  if (site <= 0 && row != NULL)
    site = vigie_finding_row_get_site_id (row);
  select_quietly (self, 0);
  vigie_finding_editor_new_finding (self->editor, site);
  update_cases_buttons (self);
}

static void
move_selection (VigieFindingsPage *self,
                int                delta)
{
  guint n, position;

  if (self->list == NULL)
    return;
  n = g_list_model_get_n_items (G_LIST_MODEL (self->list));
  if (n == 0)
    return;
  position = gtk_single_selection_get_selected (self->selection);
  if (position == GTK_INVALID_LIST_POSITION)
    position = delta > 0 ? 0 : n - 1;
  else if (delta > 0)
    position = MIN (position + 1, n - 1);
  else
    position = position > 0 ? position - 1 : 0;
  gtk_single_selection_set_selected (self->selection, position);
  gtk_widget_activate_action (GTK_WIDGET (self->column_view), "list.scroll-to-item", "u",
                              position);
}

static void
next_activated (GtkWidget  *widget,
                const char *name,
                GVariant   *parameter)
{
  move_selection (VIGIE_FINDINGS_PAGE (widget), +1);
}

static void
previous_activated (GtkWidget  *widget,
                    const char *name,
                    GVariant   *parameter)
{
  move_selection (VIGIE_FINDINGS_PAGE (widget), -1);
}

static void
status_activated (GtkWidget  *widget,
                  const char *name,
                  GVariant   *parameter)
{
  vigie_finding_editor_cycle_status (VIGIE_FINDINGS_PAGE (widget)->editor);
}

static void
attach_activated (GtkWidget  *widget,
                  const char *name,
                  GVariant   *parameter)
{
  vigie_finding_editor_attach (VIGIE_FINDINGS_PAGE (widget)->editor);
}

static void
save_activated (GtkWidget  *widget,
                const char *name,
                GVariant   *parameter)
{
  VigieFindingsPage *self = VIGIE_FINDINGS_PAGE (widget);
  g_autoptr(GError) error = NULL;

  if (!vigie_finding_editor_save (self->editor, &error))
    vigie_factories_add_toast (widget, adw_toast_new (error->message));
}

gboolean
vigie_findings_page_reveal_site (GtkWidget *widget,
                                 gint64     site_id)
{
  GtkWidget *window = VIGIE_IS_WINDOW (widget) ? widget
                      : gtk_widget_get_ancestor (widget, VIGIE_TYPE_WINDOW);
  GtkWidget *factories;

  if (window == NULL)
    return FALSE;
  vigie_window_show_page (VIGIE_WINDOW (window), "factories");
  factories = vigie_window_get_page (VIGIE_WINDOW (window), "factories");
  if (factories == NULL
      || !vigie_factories_page_select_site (VIGIE_FACTORIES_PAGE (factories), site_id))
    {
      vigie_window_add_toast (VIGIE_WINDOW (window),
                              adw_toast_new (_("The site is hidden by the filters of the "
                                               "Factories page")));
      return FALSE;
    }
  return TRUE;
}

static void
show_site_activated (GtkWidget  *widget,
                     const char *name,
                     GVariant   *parameter)
{
  vigie_findings_page_reveal_site (widget, g_variant_get_int64 (parameter));
}

static void
editor_saved_cb (VigieFindingsPage *self,
                 gint64             id,
                 gboolean           created)
{
  if (created)
    {
      update_dataset_filters (self);
      reload_now (self, id);
    }
  else
    {
      self->updating = TRUE;
      vigie_finding_list_refresh_id (self->list, id);
      self->updating = FALSE;
      select_quietly (self, id);
    }
}

/* ─── Investigations and grievances of a site ────────────────────────────── */

/* The site the Investigations and Grievances buttons open: the site filter, else the site
 * of the finding in the editor. */
static gint64
cases_site (VigieFindingsPage *self)
{
  if (self->store == NULL)
    return 0;
  if (self->site_id > 0)
    return self->site_id;
  return vigie_finding_editor_get_site_id (self->editor);
}

static void
update_cases_buttons (VigieFindingsPage *self)
{
  gboolean can = cases_site (self) > 0;

  for (guint i = 0; i < G_N_ELEMENTS (self->cases_buttons); i++)
    gtk_widget_set_sensitive (self->cases_buttons[i], can);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "findings.investigations", can);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "findings.grievances", can);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "findings.new-investigation", can);
}

static void
cases_window_hidden_cb (VigieFindingsPage *self)
{
  gint64 keep = vigie_finding_editor_get_id (self->editor);

  /* Investigations may have been added: refresh the editor's choice of them. */
  if (keep > 0 && !vigie_finding_editor_get_modified (self->editor))
    vigie_finding_editor_load (self->editor, keep, NULL);
}

GtkWindow *
vigie_findings_page_open_cases (VigieFindingsPage *self,
                                const char        *view)
{
  GtkRoot *root;
  gint64 site;

  g_return_val_if_fail (VIGIE_IS_FINDINGS_PAGE (self), NULL);

  site = cases_site (self);
  if (site <= 0)
    return NULL;
  settle_editor (self);
  if (self->cases_window != NULL
      && vigie_site_cases_window_get_site_id (VIGIE_SITE_CASES_WINDOW (self->cases_window)) == site)
    {
      vigie_site_cases_window_reload (VIGIE_SITE_CASES_WINDOW (self->cases_window));
      vigie_site_cases_window_set_view (VIGIE_SITE_CASES_WINDOW (self->cases_window), view);
      gtk_window_present (self->cases_window);
      return self->cases_window;
    }
  if (self->cases_window != NULL)
    gtk_window_destroy (self->cases_window);
  root = gtk_widget_get_root (GTK_WIDGET (self));
  g_set_weak_pointer (&self->cases_window,
                      GTK_WINDOW (vigie_site_cases_window_new (GTK_IS_WINDOW (root)
                                                               ? GTK_WINDOW (root) : NULL,
                                                               self->store, site, view)));
  g_signal_connect_object (self->cases_window, "hide", G_CALLBACK (cases_window_hidden_cb),
                           self, G_CONNECT_SWAPPED);
  gtk_window_present (self->cases_window);
  return self->cases_window;
}

static void
investigations_activated (GtkWidget  *widget,
                          const char *name,
                          GVariant   *parameter)
{
  vigie_findings_page_open_cases (VIGIE_FINDINGS_PAGE (widget), "investigations");
}

static void
grievances_activated (GtkWidget  *widget,
                      const char *name,
                      GVariant   *parameter)
{
  vigie_findings_page_open_cases (VIGIE_FINDINGS_PAGE (widget), "grievances");
}

static void
new_investigation_activated (GtkWidget  *widget,
                             const char *name,
                             GVariant   *parameter)
{
  GtkWindow *cases = vigie_findings_page_open_cases (VIGIE_FINDINGS_PAGE (widget),
                                                     "investigations");

  if (cases != NULL)
    vigie_site_cases_window_edit (VIGIE_SITE_CASES_WINDOW (cases), "investigations", 0);
}

/* ─── Deleting with Undo ─────────────────────────────────────────────────── */

/* As on the Factories page, a deletion is deferred: a finding (with its evidence,
 * standards, indicators and actions) or a piece of evidence (with its stored file) is
 * hidden at once and deleted for real when its toast goes away without Undo, or when the
 * page lets go of the dataset. Undo is then exact, and nothing is half restored. */

static void
pending_delete_free (PendingDelete *pd)
{
  g_clear_weak_pointer (&pd->self);
  g_clear_object (&pd->store);
}

static void
pending_delete_release (gpointer  data,
                        GClosure *closure)
{
  g_rc_box_release_full (data, (GDestroyNotify) pending_delete_free);
}

static guint
n_pending_findings (VigieFindingsPage *self)
{
  guint n = 0;

  for (guint i = 0; self->pending != NULL && i < self->pending->len; i++)
    if (((PendingDelete *) g_ptr_array_index (self->pending, i))->kind == PENDING_FINDING)
      n++;
  return n;
}

static void
pending_delete_commit (PendingDelete *pd)
{
  g_autoptr(GError) error = NULL;
  VigieFindingsPage *self = pd->self;
  gboolean ok;

  if (pd->done || pd->undone)
    return;
  pd->done = TRUE;

  ok = pd->kind == PENDING_FINDING ? vigie_store_delete_finding (pd->store, pd->id, &error)
                                   : vigie_store_delete_evidence (pd->store, pd->id, &error);
  if (!ok)
    g_warning ("Cannot delete %s %" G_GINT64_FORMAT ": %s",
               pd->kind == PENDING_FINDING ? "finding" : "evidence", pd->id, error->message);
  if (self == NULL)
    return;
  if (!ok)
    {
      g_autofree char *title = g_strdup_printf (_("The deletion failed: %s"), error->message);

      vigie_factories_add_toast (GTK_WIDGET (self), adw_toast_new (title));
    }
  g_ptr_array_remove (self->pending, pd);
  if (self->store != pd->store)
    return;
  if (pd->kind == PENDING_FINDING)
    {
      if (self->list != NULL)
        vigie_finding_list_unhide_id (self->list, pd->id);
      if (!ok)
        reload_now (self, vigie_finding_editor_get_id (self->editor));
      update_count (self);
    }
  else
    {
      gint64 keep = vigie_finding_editor_get_id (self->editor);

      vigie_finding_editor_hide_evidence (self->editor, pd->id, FALSE);
      if (self->list != NULL)
        {
          /* The row's confidential mark may change; the selection stays. */
          self->updating = TRUE;
          vigie_finding_list_refresh_id (self->list, pd->finding_id);
          self->updating = FALSE;
          select_quietly (self, keep);
        }
    }
}

static void
undo_toast_dismissed_cb (AdwToast      *toast,
                         PendingDelete *pd)
{
  pending_delete_commit (pd);
}

static void
undo_delete (PendingDelete *pd)
{
  VigieFindingsPage *self = pd->self;

  if (pd->done || pd->undone)
    return;
  pd->undone = TRUE;
  if (self == NULL)
    return;
  g_ptr_array_remove (self->pending, pd);
  if (self->store != pd->store)
    return;
  if (pd->kind == PENDING_FINDING)
    {
      if (self->list != NULL)
        vigie_finding_list_unhide_id (self->list, pd->id);
      settle_editor (self);
      reload_now (self, pd->id);       /* selects it, quietly */
      vigie_finding_editor_load (self->editor, pd->id, NULL);
      update_cases_buttons (self);
    }
  else
    vigie_finding_editor_hide_evidence (self->editor, pd->id, FALSE);
}

static void
undo_toast_clicked_cb (AdwToast      *toast,
                       PendingDelete *pd)
{
  undo_delete (pd);
}

static gpointer
acquire_copy (gconstpointer src,
              gpointer      user_data)
{
  return g_rc_box_acquire ((gpointer) src);
}

void
vigie_findings_page_flush_deletions (VigieFindingsPage *self)
{
  g_autoptr(GPtrArray) pending = NULL;

  g_return_if_fail (VIGIE_IS_FINDINGS_PAGE (self));

  if (self->pending == NULL || self->pending->len == 0)
    return;
  pending = g_ptr_array_copy (self->pending, acquire_copy, NULL);
  for (guint i = 0; i < pending->len; i++)
    {
      PendingDelete *pd = g_ptr_array_index (pending, i);

      pending_delete_commit (pd);
      g_rc_box_release_full (pd, (GDestroyNotify) pending_delete_free);
    }
  g_ptr_array_set_size (pending, 0);
  /* The toasts are left to expire (their Undo now does nothing): dismissing a toast still
   * queued crashes libadwaita 1.2. */
}

static void
delete_later (VigieFindingsPage *self,
              PendingKind        kind,
              gint64             id,
              gint64             finding_id,
              const char        *title)
{
  PendingDelete *pd = g_rc_box_new0 (PendingDelete);
  AdwToast *toast;

  g_set_weak_pointer (&pd->self, self);
  pd->store = g_object_ref (self->store);
  pd->kind = kind;
  pd->id = id;
  pd->finding_id = finding_id;
  g_ptr_array_add (self->pending, pd);    /* the array's reference */

  if (kind == PENDING_FINDING)
    {
      if (vigie_finding_editor_get_id (self->editor) == id)
        vigie_finding_editor_clear (self->editor);
      self->updating = TRUE;
      vigie_finding_list_hide_id (self->list, id);
      gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
      self->updating = FALSE;
      update_count (self);
      update_cases_buttons (self);
    }
  else
    vigie_finding_editor_hide_evidence (self->editor, id, TRUE);

  toast = adw_toast_new (title);
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  g_signal_connect_data (toast, "button-clicked", G_CALLBACK (undo_toast_clicked_cb),
                         g_rc_box_acquire (pd), pending_delete_release, 0);
  g_signal_connect_data (toast, "dismissed", G_CALLBACK (undo_toast_dismissed_cb),
                         g_rc_box_acquire (pd), pending_delete_release, 0);
  g_set_weak_pointer (&self->undo_toast, toast);
  vigie_factories_add_toast (GTK_WIDGET (self), toast);
}

static void
delete_activated (GtkWidget  *widget,
                  const char *name,
                  GVariant   *parameter)
{
  VigieFindingsPage *self = VIGIE_FINDINGS_PAGE (widget);
  g_autoptr(VigieFindingRecord) record = NULL;
  g_autofree char *title = NULL;
  gint64 id;

  if (self->store == NULL)
    return;
  id = vigie_finding_editor_get_id (self->editor);
  if (id <= 0)
    id = selected_id (self);
  if (id <= 0)
    {
      /* A new finding not saved yet: just drop the form. */
      vigie_finding_editor_clear (self->editor);
      return;
    }
  record = vigie_store_get_finding (self->store, id, NULL);
  /* Translators: %s is the title of the finding just deleted */
  title = g_strdup_printf (_("Deleted “%s”"), record != NULL ? record->title : "");
  delete_later (self, PENDING_FINDING, id, 0, title);
}

static void
delete_evidence_activated (GtkWidget  *widget,
                           const char *name,
                           GVariant   *parameter)
{
  VigieFindingsPage *self = VIGIE_FINDINGS_PAGE (widget);
  g_autoptr(VigieEvidenceRecord) ev = NULL;
  g_autofree char *title = NULL;
  gint64 id = g_variant_get_int64 (parameter);

  if (self->store == NULL)
    return;
  ev = vigie_store_get_evidence (self->store, id, NULL);
  if (ev == NULL)
    return;
  if (g_strcmp0 (ev->kind, "testimony") == 0)
    /* Translators: %s is the pseudonym of a witness */
    title = g_strdup_printf (_("Deleted the testimony of “%s”"), ev->pseudonym);
  else
    /* Translators: %s is the summary or file name of a piece of evidence */
    title = g_strdup_printf (_("Deleted the evidence “%s”"),
                             *ev->summary != '\0' ? ev->summary
                             : vigie_vocab_label (VIGIE_VOCAB_EVIDENCE_KIND, ev->kind));
  delete_later (self, PENDING_EVIDENCE, id, ev->finding_id, title);
}

static void
undo_delete_activated (GtkWidget  *widget,
                       const char *name,
                       GVariant   *parameter)
{
  VigieFindingsPage *self = VIGIE_FINDINGS_PAGE (widget);
  PendingDelete *pd;

  if (self->pending->len == 0)
    return;
  pd = g_rc_box_acquire (g_ptr_array_index (self->pending, self->pending->len - 1));
  undo_delete (pd);
  g_rc_box_release_full (pd, (GDestroyNotify) pending_delete_free);
}

AdwToast *
vigie_findings_page_get_undo_toast (VigieFindingsPage *self)
{
  return self->pending->len > 0 ? self->undo_toast : NULL;
}

/* ─── Public API ─────────────────────────────────────────────────────────── */

void
vigie_findings_page_set_store (VigieFindingsPage *self,
                               VigieStore        *store)
{
  g_return_if_fail (VIGIE_IS_FINDINGS_PAGE (self));

  if (store == self->store)
    return;
  settle_editor (self);
  vigie_findings_page_flush_deletions (self);
  if (self->cases_window != NULL)
    gtk_window_destroy (self->cases_window);
  g_cancellable_cancel (self->cancellable);
  g_set_object (&self->store, store);
  vigie_finding_editor_set_store (self->editor, store);
  g_clear_object (&self->list);
  if (store != NULL)
    self->list = vigie_finding_list_new (store);
  self->site_id = 0;
  self->updating = TRUE;
  gtk_single_selection_set_model (self->selection, G_LIST_MODEL (self->list));
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  self->updating = FALSE;
  update_dataset_filters (self);
  update_site_chip (self);
  for (guint i = 0; i < N_FILTERS; i++)
    gtk_widget_set_sensitive (GTK_WIDGET (self->filters[i]), store != NULL);
  gtk_widget_set_sensitive (GTK_WIDGET (self->search_entry), store != NULL);
  if (self->list != NULL)
    reload_now (self, 0);
  else
    update_count (self);
  update_cases_buttons (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STORE]);
}

GtkColumnView *vigie_findings_page_get_column_view (VigieFindingsPage *self) { return self->column_view; }
GtkEditable *vigie_findings_page_get_search_entry (VigieFindingsPage *self) { return GTK_EDITABLE (self->search_entry); }
VigieFindingList *vigie_findings_page_get_list (VigieFindingsPage *self) { return self->list; }
GtkWidget *vigie_findings_page_get_editor (VigieFindingsPage *self) { return GTK_WIDGET (self->editor); }
GtkLabel *vigie_findings_page_get_count_label (VigieFindingsPage *self) { return self->count_label; }
gboolean vigie_findings_page_get_busy (VigieFindingsPage *self) { return self->busy > 0; }

GtkDropDown *
vigie_findings_page_get_filter (VigieFindingsPage *self,
                                const char        *name)
{
  for (guint i = 0; i < N_FILTERS; i++)
    if (g_strcmp0 (name, filter_names[i]) == 0)
      return self->filters[i];
  return NULL;
}

/* ─── Filter labels ──────────────────────────────────────────────────────── */

static void
filter_label_setup_cb (GtkSignalListItemFactory *factory,
                       GtkListItem              *item,
                       gpointer                  data)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_width_chars (GTK_LABEL (label), 6);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 30);
  gtk_list_item_set_child (item, label);
}

static void
filter_list_setup_cb (GtkSignalListItemFactory *factory,
                      GtkListItem              *item,
                      gpointer                  data)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_list_item_set_child (item, label);
}

static void
filter_label_bind_cb (GtkSignalListItemFactory *factory,
                      GtkListItem              *item,
                      gpointer                  data)
{
  GtkStringObject *string = gtk_list_item_get_item (item);

  gtk_label_set_label (GTK_LABEL (gtk_list_item_get_child (item)),
                       string != NULL ? gtk_string_object_get_string (string) : "");
}

/* ─── Class ──────────────────────────────────────────────────────────────── */

static void
vigie_findings_page_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  VigieFindingsPage *self = VIGIE_FINDINGS_PAGE (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vigie_findings_page_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  VigieFindingsPage *self = VIGIE_FINDINGS_PAGE (object);

  switch (prop_id)
    {
    case PROP_STORE:
      vigie_findings_page_set_store (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vigie_findings_page_dispose (GObject *object)
{
  VigieFindingsPage *self = VIGIE_FINDINGS_PAGE (object);
  GtkWidget *child;

  if (self->pending != NULL)
    {
      vigie_findings_page_flush_deletions (self);
      g_clear_pointer (&self->pending, g_ptr_array_unref);
    }
  g_clear_weak_pointer (&self->undo_toast);
  if (self->cases_window != NULL)
    gtk_window_destroy (self->cases_window);
  g_clear_weak_pointer (&self->cases_window);
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  if (self->column_view != NULL)
    g_signal_handlers_disconnect_by_data (gtk_column_view_get_sorter (self->column_view), self);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  self->column_view = NULL;
  g_clear_object (&self->selection);
  g_clear_object (&self->list);
  g_clear_object (&self->store);
  g_clear_object (&self->probe_a);
  g_clear_object (&self->probe_b);
  for (guint i = 0; i < N_FILTERS; i++)
    g_clear_pointer (&self->filter_codes[i], g_ptr_array_unref);
  G_OBJECT_CLASS (vigie_findings_page_parent_class)->dispose (object);
}

static void
vigie_findings_page_class_init (VigieFindingsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = vigie_findings_page_dispose;
  object_class->get_property = vigie_findings_page_get_property;
  object_class->set_property = vigie_findings_page_set_property;

  properties[PROP_STORE] = g_param_spec_object ("store", NULL, NULL, VIGIE_TYPE_STORE,
                                                G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY
                                                | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_install_action (widget_class, "findings.search", NULL, search_activated);
  gtk_widget_class_install_action (widget_class, "findings.new", NULL, new_finding_activated);
  gtk_widget_class_install_action (widget_class, "findings.next", NULL, next_activated);
  gtk_widget_class_install_action (widget_class, "findings.previous", NULL, previous_activated);
  gtk_widget_class_install_action (widget_class, "findings.status", NULL, status_activated);
  gtk_widget_class_install_action (widget_class, "findings.attach", NULL, attach_activated);
  gtk_widget_class_install_action (widget_class, "findings.save", NULL, save_activated);
  gtk_widget_class_install_action (widget_class, "findings.show-site", "x",
                                   show_site_activated);

  gtk_widget_class_install_action (widget_class, "findings.delete", NULL, delete_activated);
  gtk_widget_class_install_action (widget_class, "findings.undo-delete", NULL,
                                   undo_delete_activated);
  gtk_widget_class_install_action (widget_class, "findings.delete-evidence", "x",
                                   delete_evidence_activated);
  gtk_widget_class_install_action (widget_class, "findings.investigations", NULL,
                                   investigations_activated);
  gtk_widget_class_install_action (widget_class, "findings.grievances", NULL,
                                   grievances_activated);
  gtk_widget_class_install_action (widget_class, "findings.new-investigation", NULL,
                                   new_investigation_activated);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK,
                                       "findings.search", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK,
                                       "findings.undo-delete", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_i, GDK_CONTROL_MASK,
                                       "findings.investigations", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_i,
                                       GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "findings.new-investigation", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_g, GDK_CONTROL_MASK,
                                       "findings.grievances", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n,
                                       GDK_CONTROL_MASK | GDK_SHIFT_MASK, "findings.new", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Down, GDK_ALT_MASK,
                                       "findings.next", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Up, GDK_ALT_MASK,
                                       "findings.previous", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_t, GDK_CONTROL_MASK,
                                       "findings.status", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_a,
                                       GDK_CONTROL_MASK | GDK_SHIFT_MASK, "findings.attach",
                                       NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK,
                                       "findings.save", NULL);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
vigie_findings_page_init (VigieFindingsPage *self)
{
  /* Column titles and widths, in VigieFindingSort order. */
  static const struct { const char *title; int width; gboolean expand; } cols[] = {
    [VIGIE_FINDING_SORT_FIRST_OBSERVED] = { N_("First observed"), 96, FALSE },
    [VIGIE_FINDING_SORT_SITE] = { N_("Site"), 120, FALSE },
    [VIGIE_FINDING_SORT_TITLE] = { N_("Title"), 220, TRUE },
    [VIGIE_FINDING_SORT_THEME] = { N_("Themes"), 115, FALSE },
    [VIGIE_FINDING_SORT_SEVERITY] = { N_("Severity"), 72, FALSE },
    [VIGIE_FINDING_SORT_STATUS] = { N_("Status"), 86, FALSE },
    [VIGIE_FINDING_SORT_DISCLOSURE] = { N_("Disclosure"), 80, FALSE },
    [VIGIE_FINDING_SORT_WORKERS] = { N_("Workers"), 62, FALSE },
    [VIGIE_FINDING_SORT_OPEN_ACTIONS] = { N_("Actions"), 62, FALSE },
  };
  static const VigieFindingSort order[] = {
    VIGIE_FINDING_SORT_SITE, VIGIE_FINDING_SORT_TITLE, VIGIE_FINDING_SORT_THEME,
    VIGIE_FINDING_SORT_SEVERITY, VIGIE_FINDING_SORT_STATUS, VIGIE_FINDING_SORT_DISCLOSURE,
    VIGIE_FINDING_SORT_FIRST_OBSERVED, VIGIE_FINDING_SORT_WORKERS,
    VIGIE_FINDING_SORT_OPEN_ACTIONS,
  };
  const char *filter_tips[N_FILTERS] = {
    _("Findings at sites of one country"), _("Findings of one theme and its sub-themes"),
    _("Findings tagged with one ILO indicator of forced labour"), _("One severity"),
    _("One status"), _("One disclosure level"), _("Findings first observed in one year"),
  };
  GtkWidget *paned, *left, *toolbar, *filterbar, *scroll, *bottom, *button, *chip_box, *overlay;

  self->pending = g_ptr_array_new ();
  self->probe_a = g_object_new (G_TYPE_OBJECT, NULL);
  self->probe_b = g_object_new (G_TYPE_OBJECT, NULL);
  self->sort = VIGIE_FINDING_SORT_FIRST_OBSERVED;
  self->descending = TRUE;

  overlay = adw_toast_overlay_new ();
  gtk_widget_set_parent (overlay, GTK_WIDGET (self));
  paned = gtk_paned_new (GTK_ORIENTATION_HORIZONTAL);
  gtk_paned_set_position (GTK_PANED (paned), 910);
  gtk_paned_set_shrink_start_child (GTK_PANED (paned), FALSE);
  gtk_paned_set_shrink_end_child (GTK_PANED (paned), FALSE);
  gtk_paned_set_resize_end_child (GTK_PANED (paned), FALSE);
  adw_toast_overlay_set_child (ADW_TOAST_OVERLAY (overlay), paned);

  left = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  gtk_widget_set_size_request (left, 480, -1);
  toolbar = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  gtk_widget_set_margin_start (toolbar, 12);
  gtk_widget_set_margin_end (toolbar, 12);
  gtk_widget_set_margin_top (toolbar, 12);
  self->search_entry = GTK_SEARCH_ENTRY (gtk_search_entry_new ());
  g_object_set (self->search_entry, "placeholder-text",
                _("Search titles, descriptions, responses, evidence"), NULL);
  gtk_widget_set_hexpand (GTK_WIDGET (self->search_entry), TRUE);
  g_signal_connect_object (self->search_entry, "search-changed",
                           G_CALLBACK (filters_changed_cb), self, G_CONNECT_SWAPPED);
  gtk_box_append (GTK_BOX (toolbar), GTK_WIDGET (self->search_entry));
  chip_box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 4);
  self->site_chip_label = GTK_LABEL (gtk_label_new (""));
  gtk_label_set_ellipsize (self->site_chip_label, PANGO_ELLIPSIZE_END);
  gtk_label_set_max_width_chars (self->site_chip_label, 24);
  gtk_box_append (GTK_BOX (chip_box), GTK_WIDGET (self->site_chip_label));
  gtk_box_append (GTK_BOX (chip_box), gtk_image_new_from_icon_name ("window-close-symbolic"));
  self->site_chip = gtk_button_new ();
  gtk_button_set_child (GTK_BUTTON (self->site_chip), chip_box);
  gtk_widget_add_css_class (self->site_chip, "pill");
  gtk_widget_set_tooltip_text (self->site_chip, _("Show the findings of every site"));
  g_signal_connect_object (self->site_chip, "clicked", G_CALLBACK (clear_site_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_widget_set_visible (self->site_chip, FALSE);
  gtk_box_append (GTK_BOX (toolbar), self->site_chip);
  {
    const struct { const char *label; const char *icon; const char *action; const char *tip; }
    cases[2] = {
      { N_("_Investigations"), "system-search-symbolic", "findings.investigations",
        N_("Investigations of the site (Ctrl+I); Ctrl+Shift+I adds one") },
      { N_("_Grievances"), "mail-unread-symbolic", "findings.grievances",
        N_("Grievances of the site and their time frames (Ctrl+G)") },
    };

    for (guint i = 0; i < 2; i++)
      {
        GtkWidget *content = adw_button_content_new ();

        adw_button_content_set_icon_name (ADW_BUTTON_CONTENT (content), cases[i].icon);
        adw_button_content_set_label (ADW_BUTTON_CONTENT (content), _(cases[i].label));
        adw_button_content_set_use_underline (ADW_BUTTON_CONTENT (content), TRUE);
        self->cases_buttons[i] = gtk_button_new ();
        gtk_button_set_child (GTK_BUTTON (self->cases_buttons[i]), content);
        gtk_actionable_set_action_name (GTK_ACTIONABLE (self->cases_buttons[i]), cases[i].action);
        gtk_widget_set_tooltip_text (self->cases_buttons[i], _(cases[i].tip));
        gtk_box_append (GTK_BOX (toolbar), self->cases_buttons[i]);
      }
  }
  button = gtk_button_new_from_icon_name ("list-add-symbolic");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "findings.new");
  gtk_widget_set_tooltip_text (button, _("New Finding (Ctrl+Shift+N)"));
  gtk_box_append (GTK_BOX (toolbar), button);
  gtk_box_append (GTK_BOX (left), toolbar);

  /* Two rows at most, whatever the language: the drop-downs share each row and their
   * labels are ellipsized (the full text is in the list and the tooltip). */
  filterbar = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  gtk_widget_set_margin_start (filterbar, 12);
  gtk_widget_set_margin_end (filterbar, 12);
  gtk_widget_set_margin_top (filterbar, 8);
  gtk_widget_set_margin_bottom (filterbar, 10);
  {
    GtkWidget *rows[2];
    GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();

    g_signal_connect (factory, "setup", G_CALLBACK (filter_label_setup_cb), NULL);
    g_signal_connect (factory, "bind", G_CALLBACK (filter_label_bind_cb), NULL);
    for (guint r = 0; r < 2; r++)
      {
        rows[r] = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
        gtk_box_set_homogeneous (GTK_BOX (rows[r]), TRUE);
        gtk_box_append (GTK_BOX (filterbar), rows[r]);
      }
    for (guint i = 0; i < N_FILTERS; i++)
      {
        g_autoptr(GtkExpression) expression =
          gtk_property_expression_new (GTK_TYPE_STRING_OBJECT, NULL, "string");

        self->filters[i] = GTK_DROP_DOWN (gtk_drop_down_new (NULL, NULL));
        gtk_drop_down_set_expression (self->filters[i], expression);
        gtk_drop_down_set_factory (self->filters[i], factory);
        gtk_widget_set_hexpand (GTK_WIDGET (self->filters[i]), TRUE);
        gtk_widget_set_tooltip_text (GTK_WIDGET (self->filters[i]), filter_tips[i]);
        if (i == FILTER_COUNTRY || i == FILTER_THEME || i == FILTER_INDICATOR)
          gtk_drop_down_set_enable_search (self->filters[i], TRUE);
        g_signal_connect_object (self->filters[i], "notify::selected",
                                 G_CALLBACK (filters_changed_cb), self, G_CONNECT_SWAPPED);
        gtk_box_append (GTK_BOX (rows[i < FILTER_SEVERITY ? 0 : 1]),
                        GTK_WIDGET (self->filters[i]));
      }
    /* The pop-up list shows whole labels. */
    for (guint i = 0; i < N_FILTERS; i++)
      {
        GtkListItemFactory *list_factory = gtk_signal_list_item_factory_new ();

        g_signal_connect (list_factory, "setup", G_CALLBACK (filter_list_setup_cb), NULL);
        g_signal_connect (list_factory, "bind", G_CALLBACK (filter_label_bind_cb), NULL);
        gtk_drop_down_set_list_factory (self->filters[i], list_factory);
        g_object_unref (list_factory);
      }
    g_object_unref (factory);
  }
  vocab_filter (self, FILTER_SEVERITY, VIGIE_VOCAB_SEVERITY, _("All Severities"));
  vocab_filter (self, FILTER_STATUS, VIGIE_VOCAB_FINDING_STATUS, _("All Statuses"));
  vocab_filter (self, FILTER_DISCLOSURE, VIGIE_VOCAB_DISCLOSURE_LEVEL,
                _("All Disclosure Levels"));
  gtk_box_append (GTK_BOX (left), filterbar);
  gtk_box_append (GTK_BOX (left), gtk_separator_new (GTK_ORIENTATION_HORIZONTAL));

  self->list_stack = GTK_STACK (gtk_stack_new ());
  gtk_widget_set_vexpand (GTK_WIDGET (self->list_stack), TRUE);
  scroll = gtk_scrolled_window_new ();
  self->selection = gtk_single_selection_new (NULL);
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  g_signal_connect_object (self->selection, "notify::selected",
                           G_CALLBACK (selection_changed_cb), self, G_CONNECT_SWAPPED);
  self->column_view = GTK_COLUMN_VIEW (gtk_column_view_new (NULL));
  vigie_column_view_set_model_when_mapped (self->column_view,
                                           GTK_SELECTION_MODEL (self->selection));
  gtk_column_view_set_show_row_separators (self->column_view, TRUE);
  gtk_column_view_set_reorderable (self->column_view, FALSE);
  gtk_widget_add_css_class (GTK_WIDGET (self->column_view), "data-table");
  for (guint k = 0; k < G_N_ELEMENTS (order); k++)
    {
      VigieFindingSort s = order[k];
      GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
      GtkCustomSorter *sorter;

      self->probes[s].self = self;
      self->probes[s].sort = s;
      sorter = gtk_custom_sorter_new (probe_compare, &self->probes[s], NULL);
      g_signal_connect (factory, "setup", G_CALLBACK (setup_cell_cb), GINT_TO_POINTER (s));
      g_signal_connect (factory, "bind", G_CALLBACK (bind_cell_cb), GINT_TO_POINTER (s));
      self->columns[s] = gtk_column_view_column_new (_(cols[s].title), factory);
      gtk_column_view_column_set_resizable (self->columns[s], TRUE);
      gtk_column_view_column_set_expand (self->columns[s], cols[s].expand);
      if (!cols[s].expand)
        gtk_column_view_column_set_fixed_width (self->columns[s], cols[s].width);
      gtk_column_view_column_set_sorter (self->columns[s], GTK_SORTER (sorter));
      g_object_unref (sorter);
      gtk_column_view_append_column (self->column_view, self->columns[s]);
      g_object_unref (self->columns[s]);
    }
  self->updating = TRUE;
  gtk_column_view_sort_by_column (self->column_view,
                                  self->columns[VIGIE_FINDING_SORT_FIRST_OBSERVED],
                                  GTK_SORT_DESCENDING);
  self->updating = FALSE;
  g_signal_connect_object (gtk_column_view_get_sorter (self->column_view), "changed",
                           G_CALLBACK (sorter_changed_cb), self, G_CONNECT_SWAPPED);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroll), GTK_WIDGET (self->column_view));
  gtk_stack_add_named (self->list_stack, scroll, "list");
  self->empty_page = ADW_STATUS_PAGE (adw_status_page_new ());
  adw_status_page_set_icon_name (self->empty_page, "edit-find-symbolic");
  gtk_stack_add_named (self->list_stack, GTK_WIDGET (self->empty_page), "empty");
  gtk_box_append (GTK_BOX (left), GTK_WIDGET (self->list_stack));
  gtk_search_entry_set_key_capture_widget (self->search_entry, GTK_WIDGET (self->column_view));
  {
    /* Delete deletes the selected finding when the list has the focus. */
    GtkShortcutController *shortcuts = GTK_SHORTCUT_CONTROLLER (gtk_shortcut_controller_new ());

    gtk_shortcut_controller_add_shortcut (shortcuts,
      gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_Delete, 0),
                        gtk_named_action_new ("findings.delete")));
    gtk_shortcut_controller_add_shortcut (shortcuts,
      gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_KP_Delete, 0),
                        gtk_named_action_new ("findings.delete")));
    gtk_widget_add_controller (GTK_WIDGET (self->column_view), GTK_EVENT_CONTROLLER (shortcuts));
  }

  gtk_box_append (GTK_BOX (left), gtk_separator_new (GTK_ORIENTATION_HORIZONTAL));
  bottom = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  gtk_widget_set_margin_start (bottom, 12);
  gtk_widget_set_margin_end (bottom, 12);
  gtk_widget_set_margin_top (bottom, 6);
  gtk_widget_set_margin_bottom (bottom, 6);
  self->count_label = GTK_LABEL (gtk_label_new (""));
  gtk_label_set_xalign (self->count_label, 0);
  gtk_widget_set_hexpand (GTK_WIDGET (self->count_label), TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (self->count_label), "caption");
  gtk_widget_add_css_class (GTK_WIDGET (self->count_label), "dim-label");
  gtk_box_append (GTK_BOX (bottom), GTK_WIDGET (self->count_label));
  self->spinner = GTK_SPINNER (gtk_spinner_new ());
  gtk_widget_set_visible (GTK_WIDGET (self->spinner), FALSE);
  gtk_box_append (GTK_BOX (bottom), GTK_WIDGET (self->spinner));
  gtk_box_append (GTK_BOX (left), bottom);
  gtk_paned_set_start_child (GTK_PANED (paned), left);

  self->editor = g_object_new (VIGIE_TYPE_FINDING_EDITOR, NULL);
  gtk_widget_set_size_request (GTK_WIDGET (self->editor), 350, -1);
  g_signal_connect_object (self->editor, "saved", G_CALLBACK (editor_saved_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_paned_set_end_child (GTK_PANED (paned), GTK_WIDGET (self->editor));

  update_dataset_filters (self);
  for (guint i = 0; i < N_FILTERS; i++)
    gtk_widget_set_sensitive (GTK_WIDGET (self->filters[i]), FALSE);
  update_count (self);
  update_cases_buttons (self);
}

/* ─── Filters from elsewhere (the Overview) ──────────────────────────────── */

/* The item of FILTER whose code is CODE (0, "All", when CODE is NULL or not offered). */
static guint
filter_position (VigieFindingsPage *self,
                 int                filter,
                 const char        *code)
{
  if (code == NULL || *code == '\0' || self->filter_codes[filter] == NULL)
    return 0;
  for (guint i = 0; i < self->filter_codes[filter]->len; i++)
    if (g_strcmp0 (g_ptr_array_index (self->filter_codes[filter], i), code) == 0)
      return i + 1;
  return 0;
}

void
vigie_findings_page_set_filters (VigieFindingsPage       *self,
                                 const VigieFindingQuery *query)
{
  g_autofree char *year = NULL;

  g_return_if_fail (VIGIE_IS_FINDINGS_PAGE (self));
  g_return_if_fail (query != NULL);

  year = query->year > 0 ? g_strdup_printf ("%d", query->year) : NULL;
  self->updating = TRUE;
  if (*gtk_editable_get_text (GTK_EDITABLE (self->search_entry)) != '\0')
    gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  gtk_drop_down_set_selected (self->filters[FILTER_COUNTRY],
                              filter_position (self, FILTER_COUNTRY, query->country));
  gtk_drop_down_set_selected (self->filters[FILTER_THEME],
                              filter_position (self, FILTER_THEME, query->theme));
  gtk_drop_down_set_selected (self->filters[FILTER_INDICATOR],
                              filter_position (self, FILTER_INDICATOR, query->indicator));
  gtk_drop_down_set_selected (self->filters[FILTER_SEVERITY],
                              filter_position (self, FILTER_SEVERITY, query->severity));
  gtk_drop_down_set_selected (self->filters[FILTER_STATUS],
                              filter_position (self, FILTER_STATUS, query->status));
  gtk_drop_down_set_selected (self->filters[FILTER_DISCLOSURE],
                              filter_position (self, FILTER_DISCLOSURE,
                                               query->disclosure_level));
  gtk_drop_down_set_selected (self->filters[FILTER_YEAR],
                              filter_position (self, FILTER_YEAR, year));
  self->updating = FALSE;
  self->site_id = MAX (query->site_id, 0);
  self->month = query->year > 0 ? query->month : 0;
  self->no_theme = query->no_theme;
  update_site_chip (self);
  run_query (self);
}
