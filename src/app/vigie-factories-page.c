/* vigie-factories-page.c — the Factories page: sites, their workforce, import.
 *
 * The list is a VigieSiteList (row ids from one SQL query, rows built on demand) shown
 * in a GtkColumnView that never sorts anything itself: a probe sorter per column tells
 * which column header the user clicked, and the order goes to the SQL query.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n.h>
#include <locale.h>
#include <math.h>
#include <string.h>

#include "vigie-cell-label.h"
#include "vigie-factories-private.h"
#include "vigie-pages.h"
#include "vigie-import-dialog.h"
#include "vigie-site-editor.h"
#include "vigie-vocab.h"
#include "vigie-window.h"

/* A deletion waiting for its Undo to expire (see delete_site()). */
typedef struct
{
  VigieFactoriesPage *self;     /* weak */
  VigieStore         *store;
  gint64              id;
  char               *name;
  gboolean            undone;
  gboolean            done;
} PendingDelete;

typedef struct
{
  VigieFactoriesPage *self;
  VigieSiteSort       sort;
} Probe;

struct _VigieFactoriesPage
{
  GtkWidget            parent_instance;

  /* template children */
  GtkPaned            *paned;
  GtkSearchEntry      *search_entry;
  GtkDropDown         *country_filter;
  GtkDropDown         *location_type_filter;
  GtkToggleButton     *critical_toggle;
  GtkWidget           *activity_chip;      /* the Overview's linked / monitored filter */
  GtkLabel            *activity_chip_label;
  int                  linked_year;
  int                  monitored_year;
  GtkStack            *list_stack;
  GtkScrolledWindow   *scrolled_window;
  GtkColumnView       *column_view;
  GtkColumnViewColumn *name_column;
  GtkColumnViewColumn *country_column;
  GtkColumnViewColumn *location_type_column;
  GtkColumnViewColumn *products_column;
  GtkColumnViewColumn *workforce_column;
  GtkColumnViewColumn *women_column;
  GtkColumnViewColumn *open_findings_column;
  GtkColumnViewColumn *last_investigation_column;
  GtkCustomSorter     *name_sorter;
  GtkCustomSorter     *country_sorter;
  GtkCustomSorter     *location_type_sorter;
  GtkCustomSorter     *products_sorter;
  GtkCustomSorter     *workforce_sorter;
  GtkCustomSorter     *women_sorter;
  GtkCustomSorter     *open_findings_sorter;
  GtkCustomSorter     *last_investigation_sorter;
  AdwStatusPage       *empty_page;
  GtkWidget           *empty_buttons;
  GtkLabel            *count_label;
  GtkSpinner          *spinner;
  VigieSiteEditor     *editor;

  VigieStore          *store;
  VigieSiteList       *list;
  GtkSingleSelection  *selection;
  GCancellable        *query_cancellable;
  guint                busy;

  GPtrArray           *countries;       /* VigieCountryCount of the filter, after "All" */
  gboolean             updating;        /* filters or model changed by code, not the user */

  Probe                probes[VIGIE_SITE_N_SORTS];
  int                  probe_hit;
  GObject             *probe_a;
  GObject             *probe_b;
  VigieSiteSort        sort;
  gboolean             descending;
  gboolean             resorting;

  GPtrArray           *pending;         /* PendingDelete (shared with their toasts) */
  AdwToast            *undo_toast;      /* weak */
  GtkFileChooserNative *chooser;
};

G_DEFINE_FINAL_TYPE (VigieFactoriesPage, vigie_factories_page, GTK_TYPE_WIDGET)

/* ─── Shared helpers (vigie-factories-private.h) ─────────────────────────── */

char *
vigie_factories_format_count (gint64 n)
{
  /* The ' flag groups digits as the user's LC_NUMERIC does ("20,000", "20 000"). */
  return g_strdup_printf ("%'" G_GINT64_FORMAT, n);
}

char *
vigie_factories_format_percent (double percent)
{
  /* Translators: a whole percentage, e.g. "75%"; use your language's spacing ("75 %") */
  return g_strdup_printf (C_("percentage", "%.0f%%"), percent);
}

char *
vigie_factories_format_date (const char *iso)
{
  int y = 0, m = 0, d = 0;
  g_autoptr(GDateTime) dt = NULL;

  if (iso == NULL || sscanf (iso, "%4d-%2d-%2d", &y, &m, &d) != 3
      || !g_date_valid_dmy ((GDateDay) d, (GDateMonth) m, (GDateYear) y))
    return g_strdup ("");
  dt = g_date_time_new_local (y, m, d, 12, 0, 0);
  if (dt == NULL)
    return g_strdup ("");
  /* Translators: how dates are shown in lists and forms (see g_date_time_format);
   * "1 Mar 2025" */
  return g_date_time_format (dt, C_("date format", "%-d %b %Y"));
}

static gboolean
is_group_separator (gunichar    c,
                    const char *locale_sep)
{
  if (c == ' ' || c == 0x00A0 || c == 0x202F || c == '\'' || c == 0x2019)
    return TRUE;
  return locale_sep != NULL && *locale_sep != '\0' && c == g_utf8_get_char (locale_sep);
}

gboolean
vigie_factories_parse_count (const char *text,
                             gint64     *value)
{
  const char *sep = localeconv ()->thousands_sep;
  g_autofree char *stripped = g_strstrip (g_strdup (text != NULL ? text : ""));
  GString *digits;
  guint64 n = 0;
  gboolean ok;

  if (*stripped == '\0')
    {
      *value = -1;
      return TRUE;
    }
  if (!g_utf8_validate (stripped, -1, NULL))
    return FALSE;

  digits = g_string_new (NULL);
  for (const char *p = stripped; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c >= '0' && c <= '9')
        g_string_append_c (digits, (char) c);
      else if (!is_group_separator (c, sep) || p == stripped)
        {
          g_string_free (digits, TRUE);
          return FALSE;
        }
    }
  ok = digits->len > 0 && digits->len <= 15
       && g_ascii_string_to_unsigned (digits->str, 10, 0, G_MAXINT64, &n, NULL);
  g_string_free (digits, TRUE);
  if (ok)
    *value = (gint64) n;
  return ok;
}

gboolean
vigie_factories_parse_decimal (const char *text,
                               double     *value)
{
  g_autofree char *copy = g_strstrip (g_strdup (text != NULL ? text : ""));
  char *end = NULL;
  double v;

  if (*copy == '\0')
    {
      *value = NAN;
      return TRUE;
    }
  /* Accept a decimal comma as well as a point. */
  for (char *p = copy; *p != '\0'; p++)
    if (*p == ',')
      *p = '.';
  /* A typographic minus sign counts as a minus. */
  if (g_str_has_prefix (copy, "\xe2\x88\x92"))
    {
      memmove (copy + 1, copy + 3, strlen (copy + 3) + 1);
      copy[0] = '-';
    }
  v = g_ascii_strtod (copy, &end);
  if (end == copy || *end != '\0' || !isfinite (v))
    return FALSE;
  *value = v;
  return TRUE;
}

void
vigie_factories_add_toast (GtkWidget *widget,
                           AdwToast  *toast)
{
  GtkWidget *window = gtk_widget_get_ancestor (widget, VIGIE_TYPE_WINDOW);
  GtkWidget *overlay;

  if (window == NULL && GTK_IS_WINDOW (widget) && gtk_window_get_transient_for (GTK_WINDOW (widget)))
    window = gtk_widget_get_ancestor (GTK_WIDGET (gtk_window_get_transient_for (GTK_WINDOW (widget))),
                                      VIGIE_TYPE_WINDOW);
  if (window != NULL)
    {
      vigie_window_add_toast (VIGIE_WINDOW (window), toast);
      return;
    }
  overlay = gtk_widget_get_ancestor (widget, ADW_TYPE_TOAST_OVERLAY);
  if (overlay != NULL)
    {
      adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), toast);
      return;
    }
  g_message ("%s", adw_toast_get_title (toast));
  g_object_unref (toast);
}

GtkWidget *
vigie_factories_error_label_new (void)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_widget_add_css_class (label, "error");
  gtk_widget_add_css_class (label, "caption");
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 22);
  gtk_label_set_xalign (GTK_LABEL (label), 1.0);
  gtk_label_set_justify (GTK_LABEL (label), GTK_JUSTIFY_RIGHT);
  gtk_widget_set_valign (label, GTK_ALIGN_CENTER);
  gtk_widget_set_visible (label, FALSE);
  return label;
}

void
vigie_factories_set_row_error (GtkWidget  *row,
                               GtkWidget  *label,
                               const char *reason)
{
  if (reason != NULL)
    {
      gtk_widget_add_css_class (row, "error");
      gtk_label_set_label (GTK_LABEL (label), reason);
      gtk_widget_set_visible (label, TRUE);
      gtk_accessible_update_property (GTK_ACCESSIBLE (row),
                                      GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, reason, -1);
      gtk_accessible_update_state (GTK_ACCESSIBLE (row),
                                   GTK_ACCESSIBLE_STATE_INVALID,
                                   GTK_ACCESSIBLE_INVALID_TRUE, -1);
    }
  else
    {
      gtk_widget_remove_css_class (row, "error");
      gtk_widget_set_visible (label, FALSE);
      gtk_label_set_label (GTK_LABEL (label), "");
      gtk_accessible_reset_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
      gtk_accessible_reset_state (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_STATE_INVALID);
    }
}

/* ─── Cell closures (used by the column factories in the .ui) ────────────── */

static char *
format_workforce (GtkListItem *item,
                  gint64       workforce)
{
  return workforce >= 0 ? vigie_factories_format_count (workforce) : g_strdup ("—");
}

static char *
format_women (GtkListItem *item,
              double       percent)
{
  return percent >= 0 ? vigie_factories_format_percent (percent) : g_strdup ("—");
}

static char *
format_date (GtkListItem *item,
             const char  *iso)
{
  if (iso == NULL || *iso == '\0')
    return g_strdup ("—");
  return vigie_factories_format_date (iso);
}

static char *
format_findings (GtkListItem *item,
                 int          open,
                 int          critical)
{
  g_autofree char *n = vigie_factories_format_count (open);

  if (critical > 0)
    /* Translators: open findings in the list, with a sign that some are critical */
    return g_strdup_printf (C_("open findings", "⚠ %s"), n);
  return g_steal_pointer (&n);
}

static char *
describe_findings (GtkListItem *item,
                   int          open,
                   int          critical)
{
  if (open == 0)
    return g_strdup (_("No open findings"));
  if (critical == 0)
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d open finding",
                                         "%d open findings", (gulong) open), open);
  /* Translators: a tooltip; %d is the number of open critical findings */
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d open critical finding",
                                       "%d open critical findings", (gulong) critical),
                          critical);
}

/* ─── Count, empty state ─────────────────────────────────────────────────── */

static gboolean
query_has_filters (const VigieSiteQuery *q)
{
  g_autofree char *match = vigie_site_query_build_match (q->search);

  return match != NULL || (q->country != NULL && *q->country != '\0')
         || (q->location_type != NULL && *q->location_type != '\0') || q->only_open_critical;
}

static void
update_count (VigieFactoriesPage *self)
{
  guint n;
  g_autofree char *shown = NULL;
  g_autofree char *text = NULL;
  const VigieSiteQuery *q;

  if (self->list == NULL)
    {
      gtk_label_set_label (self->count_label, "");
      adw_status_page_set_title (self->empty_page, _("No Dataset Open"));
      adw_status_page_set_description (self->empty_page,
                                       _("Open or create a dataset to see its sites."));
      gtk_widget_set_visible (self->empty_buttons, FALSE);
      gtk_stack_set_visible_child_name (self->list_stack, "empty");
      return;
    }

  q = vigie_site_list_get_query (self->list);
  n = g_list_model_get_n_items (G_LIST_MODEL (self->list));
  shown = vigie_factories_format_count (n);
  if (query_has_filters (q))
    {
      gint64 total = vigie_store_count (self->store, "sites") - (gint64) self->pending->len;
      g_autofree char *all = vigie_factories_format_count (MAX (total, 0));

      /* Translators: "12 of 20,000 sites"; the plural follows the total */
      text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%1$s of %2$s site",
                                           "%1$s of %2$s sites", (gulong) MAX (total, 0)),
                              shown, all);
    }
  else
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s site", "%s sites", n), shown);
  gtk_label_set_label (self->count_label, text);

  if (n > 0)
    {
      gtk_stack_set_visible_child_name (self->list_stack, "list");
      return;
    }
  if (query_has_filters (q))
    {
      adw_status_page_set_icon_name (self->empty_page, "edit-find-symbolic");
      adw_status_page_set_title (self->empty_page, _("No Matching Sites"));
      adw_status_page_set_description (self->empty_page,
                                       _("Try other words, or show every country and type."));
      gtk_widget_set_visible (self->empty_buttons, FALSE);
    }
  else
    {
      adw_status_page_set_icon_name (self->empty_page, "find-location-symbolic");
      adw_status_page_set_title (self->empty_page, _("No Sites Yet"));
      adw_status_page_set_description (self->empty_page,
                                       _("Add the factories you monitor one by one, or import "
                                         "a facility list from Open Supply Hub."));
      gtk_widget_set_visible (self->empty_buttons, TRUE);
    }
  gtk_stack_set_visible_child_name (self->list_stack, "empty");
}

static void
set_busy (VigieFactoriesPage *self,
          gboolean            busy)
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
selected_id (VigieFactoriesPage *self)
{
  g_autoptr(VigieSiteRow) row = NULL;

  if (self->selection == NULL)
    return 0;
  row = gtk_single_selection_get_selected_item (self->selection) != NULL
        ? g_object_ref (gtk_single_selection_get_selected_item (self->selection)) : NULL;
  return row != NULL ? vigie_site_row_get_id (row) : 0;
}

/* Selects ID without reacting as if the user had clicked it. */
static gboolean
select_id_quietly (VigieFactoriesPage *self,
                   gint64              id)
{
  guint position = id > 0 ? vigie_site_list_find_position (self->list, id) : G_MAXUINT;
  gboolean was_updating = self->updating;

  self->updating = TRUE;
  gtk_single_selection_set_selected (self->selection,
                                     position != G_MAXUINT ? position
                                                           : GTK_INVALID_LIST_POSITION);
  self->updating = was_updating;
  return position != G_MAXUINT;
}

/* Before the editor shows something else: keep valid changes, explain lost ones. */
static void
settle_editor (VigieFactoriesPage *self)
{
  g_autoptr(GError) error = NULL;

  if (!vigie_site_editor_get_modified (self->editor))
    return;
  if (vigie_site_editor_get_valid (self->editor))
    {
      if (!vigie_site_editor_save (self->editor, &error))
        vigie_factories_add_toast (GTK_WIDGET (self), adw_toast_new (error->message));
      return;
    }
  else
    {
      g_autofree char *title = NULL;
      const char *name = vigie_site_editor_get_name (self->editor);

      /* Translators: %s is a site name; a field had an invalid value, e.g. latitude 123 */
      title = g_strdup_printf (_("Changes to “%s” were not saved: a field was not valid"),
                               *name != '\0' ? name : _("New Site"));
      vigie_factories_add_toast (GTK_WIDGET (self), adw_toast_new (title));
    }
}

static void
show_site (VigieFactoriesPage *self,
           gint64              id)
{
  g_autoptr(GError) error = NULL;

  if (id <= 0)
    {
      vigie_site_editor_clear (self->editor);
      return;
    }
  if (!vigie_site_editor_load (self->editor, id, &error))
    {
      vigie_site_editor_clear (self->editor);
      vigie_factories_add_toast (GTK_WIDGET (self), adw_toast_new (error->message));
    }
}

static void
selection_changed_cb (VigieFactoriesPage *self)
{
  gint64 id;

  if (self->updating)
    return;
  id = selected_id (self);
  if (id == vigie_site_editor_get_site_id (self->editor) && id > 0)
    return;
  settle_editor (self);
  show_site (self, id);
}

gboolean
vigie_factories_page_select_site (VigieFactoriesPage *self,
                                  gint64              id)
{
  guint position;

  g_return_val_if_fail (VIGIE_IS_FACTORIES_PAGE (self), FALSE);

  if (self->list == NULL)
    return FALSE;
  position = vigie_site_list_find_position (self->list, id);
  if (position == G_MAXUINT)
    return FALSE;
  gtk_single_selection_set_selected (self->selection, position);
  return TRUE;
}

/* ─── Filters and the query ──────────────────────────────────────────────── */

static void update_activity_chip (VigieFactoriesPage *self);
static void clear_activity_cb    (VigieFactoriesPage *self);

static VigieSiteQuery *
query_from_widgets (VigieFactoriesPage *self)
{
  VigieSiteQuery *q = vigie_site_query_new ();
  const VigieVocabEntry *types = vigie_vocab_entries (VIGIE_VOCAB_LOCATION_TYPE, NULL);
  guint country = gtk_drop_down_get_selected (self->country_filter);
  guint type = gtk_drop_down_get_selected (self->location_type_filter);

  q->search = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));
  if (self->countries != NULL && country != GTK_INVALID_LIST_POSITION && country > 0
      && country <= self->countries->len)
    q->country = g_strdup (((VigieCountryCount *) g_ptr_array_index (self->countries,
                                                                     country - 1))->code);
  if (type != GTK_INVALID_LIST_POSITION && type > 0)
    q->location_type = g_strdup (types[type - 1].code);
  q->only_open_critical = gtk_toggle_button_get_active (self->critical_toggle);
  q->linked_year = self->linked_year;
  q->monitored_year = self->monitored_year;
  q->sort = self->sort;
  q->descending = self->descending;
  return q;
}

static void
apply_results (VigieFactoriesPage *self,
               gint64              keep_id)
{
  if (keep_id <= 0 || !select_id_quietly (self, keep_id))
    select_id_quietly (self, 0);
  update_count (self);
}

static void
query_done_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(VigieFactoriesPage) self = user_data;
  g_autoptr(GError) error = NULL;
  gint64 keep_id;
  gboolean ok;

  set_busy (self, FALSE);
  if (self->list != VIGIE_SITE_LIST (source))
    return;  /* the dataset changed meanwhile */

  keep_id = vigie_site_editor_get_site_id (self->editor);
  self->updating = TRUE;
  ok = vigie_site_list_set_query_finish (VIGIE_SITE_LIST (source), result, &error);
  self->updating = FALSE;
  if (!ok)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        vigie_factories_add_toast (GTK_WIDGET (self), adw_toast_new (error->message));
      return;
    }
  apply_results (self, keep_id);
}

static void
run_query (VigieFactoriesPage *self)
{
  g_autoptr(VigieSiteQuery) query = NULL;

  if (self->list == NULL)
    return;

  g_cancellable_cancel (self->query_cancellable);
  g_clear_object (&self->query_cancellable);
  self->query_cancellable = g_cancellable_new ();

  query = query_from_widgets (self);
  set_busy (self, TRUE);
  vigie_site_list_set_query_async (self->list, query, self->query_cancellable, query_done_cb,
                                   g_object_ref (self));
}

/* Runs the current filters at once (after a write: the result must be there now). */
static void
reload_now (VigieFactoriesPage *self,
            gint64              keep_id)
{
  g_autoptr(VigieSiteQuery) query = NULL;
  g_autoptr(GError) error = NULL;
  gboolean ok;

  if (self->list == NULL)
    return;
  g_cancellable_cancel (self->query_cancellable);
  query = query_from_widgets (self);
  self->updating = TRUE;
  ok = vigie_site_list_set_query (self->list, query, &error);
  self->updating = FALSE;
  if (!ok)
    vigie_factories_add_toast (GTK_WIDGET (self), adw_toast_new (error->message));
  apply_results (self, keep_id);
}

static void
filters_changed_cb (VigieFactoriesPage *self)
{
  if (self->updating)
    return;
  run_query (self);
}

static void
stop_search_cb (VigieFactoriesPage *self)
{
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  gtk_widget_grab_focus (GTK_WIDGET (self->column_view));
}

/* Rebuilds the country filter (the countries in use and their counts), keeping the
 * country chosen if it is still in use. */
static void
update_country_filter (VigieFactoriesPage *self)
{
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *chosen = NULL;
  guint selected = 0;
  guint current = gtk_drop_down_get_selected (self->country_filter);

  if (self->countries != NULL && current != GTK_INVALID_LIST_POSITION && current > 0
      && current <= self->countries->len)
    chosen = g_strdup (((VigieCountryCount *) g_ptr_array_index (self->countries,
                                                                 current - 1))->code);
  g_clear_pointer (&self->countries, g_ptr_array_unref);

  gtk_string_list_append (labels, _("All Countries"));
  if (self->store != NULL)
    {
      self->countries = vigie_site_list_countries_in_use (self->store, &error);
      if (self->countries == NULL)
        g_warning ("Cannot list countries: %s", error->message);
    }
  for (guint i = 0; self->countries != NULL && i < self->countries->len; i++)
    {
      VigieCountryCount *c = g_ptr_array_index (self->countries, i);
      g_autofree char *n = vigie_factories_format_count (c->n_sites);
      /* Translators: a country in the filter with its number of sites: "China (1,204)" */
      g_autofree char *label = g_strdup_printf (C_("country filter", "%1$s (%2$s)"),
                                                c->label, n);

      gtk_string_list_append (labels, label);
      if (g_strcmp0 (c->code, chosen) == 0)
        selected = i + 1;
    }

  self->updating = TRUE;
  gtk_drop_down_set_model (self->country_filter, G_LIST_MODEL (labels));
  gtk_drop_down_set_selected (self->country_filter, selected);
  self->updating = FALSE;
}

/* ─── Sorting: probes ────────────────────────────────────────────────────── */

static int
probe_compare (gconstpointer a,
               gconstpointer b,
               gpointer      user_data)
{
  Probe *probe = user_data;

  /* Record the first (primary) column asked; answer "smaller" so that the column view
   * sorter's answer tells the direction. */
  if (probe->self->probe_hit < 0)
    probe->self->probe_hit = (int) probe->sort;
  return GTK_ORDERING_SMALLER;
}

static void
sorter_changed_cb (VigieFactoriesPage *self)
{
  GtkSorter *sorter;
  GtkOrdering order;
  GtkColumnViewColumn *columns[VIGIE_SITE_N_SORTS] = {
    self->name_column, self->country_column, self->location_type_column,
    self->products_column, self->workforce_column, self->women_column,
    self->open_findings_column, self->last_investigation_column,
  };

  if (self->column_view == NULL || self->resorting)
    return;
  sorter = gtk_column_view_get_sorter (self->column_view);
  self->probe_hit = -1;
  order = gtk_sorter_compare (sorter, self->probe_a, self->probe_b);
  if (self->probe_hit < 0)
    {
      self->sort = VIGIE_SITE_SORT_NAME;
      self->descending = FALSE;
    }
  else
    {
      self->sort = (VigieSiteSort) self->probe_hit;
      self->descending = order == GTK_ORDERING_LARGER;
    }

  /* The SQL sorts by one column (then name, then id): show one indicator, not the
   * column view's stack of earlier clicks. */
  self->resorting = TRUE;
  for (guint i = 0; i < VIGIE_SITE_N_SORTS; i++)
    {
      g_autoptr(GtkSorter) probe = NULL;

      if (i == self->sort)
        continue;
      /* Unsetting and setting the sorter drops the column from the column view's sort
       * list and refreshes its header (clearing the sorter on GTK 4.8 leaves stale
       * indicators on secondary columns). */
      probe = g_object_ref (gtk_column_view_column_get_sorter (columns[i]));
      gtk_column_view_column_set_sorter (columns[i], NULL);
      gtk_column_view_column_set_sorter (columns[i], probe);
    }
  gtk_column_view_sort_by_column (self->column_view, columns[self->sort],
                                  self->descending ? GTK_SORT_DESCENDING : GTK_SORT_ASCENDING);
  self->resorting = FALSE;

  if (!self->updating)
    run_query (self);
}

/* ─── Deleting with Undo ─────────────────────────────────────────────────── */

/* Deleting a site cascades to its investigations, findings, evidence, chemicals and
 * grievances. Restoring all of that on Undo would be fragile, so the deletion is
 * deferred instead: the site is hidden from the list at once (and the editor closed),
 * and the row is deleted for real when the toast goes away without Undo — or when the
 * page goes away (dataset closed, window closed). Until then the data is untouched, so
 * Undo is exact, and a crash meanwhile loses nothing. */

static void
pending_delete_free (PendingDelete *pd)
{
  g_clear_weak_pointer (&pd->self);
  g_clear_object (&pd->store);
  g_free (pd->name);
}

static void
pending_delete_unref (gpointer data)
{
  g_rc_box_release_full (data, (GDestroyNotify) pending_delete_free);
}

static void
pending_delete_release (gpointer  data,
                        GClosure *closure)
{
  pending_delete_unref (data);
}

static void
pending_delete_commit (PendingDelete *pd)
{
  g_autoptr(GError) error = NULL;
  VigieFactoriesPage *self = pd->self;

  if (pd->done || pd->undone)
    return;
  pd->done = TRUE;

  if (!vigie_store_delete_site (pd->store, pd->id, &error))
    {
      g_autofree char *title = NULL;

      /* Translators: %s is a site name */
      g_warning ("Cannot delete site %" G_GINT64_FORMAT ": %s", pd->id, error->message);
      if (self != NULL)
        {
          title = g_strdup_printf (_("“%1$s” could not be deleted: %2$s"), pd->name,
                                   error->message);
          vigie_factories_add_toast (GTK_WIDGET (self), adw_toast_new (title));
        }
    }

  if (self != NULL)
    {
      g_ptr_array_remove (self->pending, pd);
      if (self->list != NULL && self->store == pd->store)
        {
          /* The id is gone from the table now (or stays, on failure): stop hiding it. */
          vigie_site_list_unhide_id (self->list, pd->id);
          if (error != NULL)
            reload_now (self, vigie_site_editor_get_site_id (self->editor));
          update_country_filter (self);
          update_count (self);
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
  VigieFactoriesPage *self = pd->self;

  if (pd->done || pd->undone)
    return;
  pd->undone = TRUE;

  if (self == NULL)
    return;
  g_ptr_array_remove (self->pending, pd);
  if (self->list != NULL && self->store == pd->store)
    {
      vigie_site_list_unhide_id (self->list, pd->id);
      reload_now (self, pd->id);
      settle_editor (self);
      if (select_id_quietly (self, pd->id))
        gtk_widget_grab_focus (GTK_WIDGET (self->column_view));
      show_site (self, pd->id);
      update_count (self);
    }
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

static void
flush_pending (VigieFactoriesPage *self)
{
  g_autoptr(GPtrArray) pending = NULL;

  if (self->pending == NULL || self->pending->len == 0)
    return;
  /* Commit each one (which removes it from self->pending): work on a copy. */
  pending = g_ptr_array_copy (self->pending, acquire_copy, NULL);
  for (guint i = 0; i < pending->len; i++)
    {
      PendingDelete *pd = g_ptr_array_index (pending, i);

      pending_delete_commit (pd);
      g_rc_box_release_full (pd, (GDestroyNotify) pending_delete_free);
    }
  g_ptr_array_set_size (pending, 0);
  /* The toast is left to expire: its Undo now does nothing (the deletion is done).
   * Dismissing it here is not safe on libadwaita 1.2, which crashes when a toast still
   * waiting in the overlay's queue is dismissed. */
}

static void
delete_site (VigieFactoriesPage *self,
             gint64              id,
             const char         *name)
{
  PendingDelete *pd;
  g_autofree char *title = NULL;
  AdwToast *toast;

  pd = g_rc_box_new0 (PendingDelete);
  g_set_weak_pointer (&pd->self, self);
  pd->store = g_object_ref (self->store);
  pd->id = id;
  pd->name = g_strdup (name);
  g_ptr_array_add (self->pending, pd);   /* the array's reference */

  if (vigie_site_editor_get_site_id (self->editor) == id)
    vigie_site_editor_clear (self->editor);
  self->updating = TRUE;
  vigie_site_list_hide_id (self->list, id);
  self->updating = FALSE;
  update_count (self);

  /* Translators: %s is the name of the site just deleted */
  title = g_strdup_printf (_("Deleted “%s”"), name);
  toast = adw_toast_new (title);
  adw_toast_set_button_label (toast, _("_Undo"));
  g_signal_connect_data (toast, "button-clicked", G_CALLBACK (undo_toast_clicked_cb),
                         g_rc_box_acquire (pd), pending_delete_release, 0);
  g_signal_connect_data (toast, "dismissed", G_CALLBACK (undo_toast_dismissed_cb),
                         g_rc_box_acquire (pd), pending_delete_release, 0);
  g_set_weak_pointer (&self->undo_toast, toast);
  vigie_factories_add_toast (GTK_WIDGET (self), toast);
}

/* ─── Actions ────────────────────────────────────────────────────────────── */

static void
search_activated (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  VigieFactoriesPage *self = VIGIE_FACTORIES_PAGE (widget);

  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

static void
new_site_activated (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  VigieFactoriesPage *self = VIGIE_FACTORIES_PAGE (widget);
  g_autoptr(VigieSiteQuery) query = NULL;

  if (self->store == NULL)
    return;
  settle_editor (self);
  select_id_quietly (self, 0);
  query = query_from_widgets (self);
  vigie_site_editor_new_site (self->editor, query->country);
}

static void
delete_site_activated (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  VigieFactoriesPage *self = VIGIE_FACTORIES_PAGE (widget);
  g_autoptr(VigieSiteRecord) record = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id;

  if (self->store == NULL)
    return;
  id = vigie_site_editor_get_site_id (self->editor);
  if (id <= 0)
    id = selected_id (self);
  if (id <= 0)
    {
      /* A new site not saved yet: nothing to delete, just drop the form. */
      if (vigie_site_editor_get_editing (self->editor))
        vigie_site_editor_clear (self->editor);
      return;
    }

  record = vigie_store_get_site (self->store, id, &error);
  if (record == NULL)
    {
      vigie_factories_add_toast (widget, adw_toast_new (error->message));
      return;
    }
  delete_site (self, id, record->name);
}

static void
undo_delete_activated (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  VigieFactoriesPage *self = VIGIE_FACTORIES_PAGE (widget);
  PendingDelete *pd;

  if (self->pending->len == 0)
    return;
  pd = g_ptr_array_index (self->pending, self->pending->len - 1);
  g_rc_box_acquire (pd);
  /* The toast stays until it expires (see flush_pending()); its Undo is then a no-op. */
  undo_delete (pd);
  g_rc_box_release_full (pd, (GDestroyNotify) pending_delete_free);
}

static void
save_activated (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  VigieFactoriesPage *self = VIGIE_FACTORIES_PAGE (widget);

  gtk_widget_activate_action (GTK_WIDGET (self->editor), "editor.save", NULL);
}

static void
import_finished_cb (VigieImportDialog  *dialog,
                    guint               n_added,
                    VigieFactoriesPage *self)
{
  g_autofree char *title = NULL;
  g_autofree char *n = vigie_factories_format_count (n_added);

  reload_now (self, vigie_site_editor_get_site_id (self->editor));
  update_country_filter (self);
  update_count (self);
  title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Imported %s site",
                                        "Imported %s sites", n_added), n);
  vigie_factories_add_toast (GTK_WIDGET (self), adw_toast_new (title));
}

GtkWindow *
vigie_factories_page_import_file (VigieFactoriesPage *self,
                                  GFile              *file)
{
  VigieImportDialog *dialog;
  GtkRoot *root;

  g_return_val_if_fail (VIGIE_IS_FACTORIES_PAGE (self), NULL);
  g_return_val_if_fail (G_IS_FILE (file), NULL);

  if (self->store == NULL)
    return NULL;
  root = gtk_widget_get_root (GTK_WIDGET (self));
  dialog = vigie_import_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                    self->store, file);
  g_signal_connect_object (dialog, "imported", G_CALLBACK (import_finished_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  return GTK_WINDOW (dialog);
}

static void
chooser_response_cb (GtkNativeDialog    *chooser,
                     int                 response,
                     VigieFactoriesPage *self)
{
  g_autoptr(GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  g_clear_object (&self->chooser);
  if (file != NULL)
    vigie_factories_page_import_file (self, file);
}

static void
import_activated (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  VigieFactoriesPage *self = VIGIE_FACTORIES_PAGE (widget);
  g_autoptr(GtkFileFilter) csv = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) all = gtk_file_filter_new ();
  GtkRoot *root = gtk_widget_get_root (widget);

  if (self->store == NULL || self->chooser != NULL)
    return;

  self->chooser = gtk_file_chooser_native_new (_("Import an Open Supply Hub List"),
                                               GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                               GTK_FILE_CHOOSER_ACTION_OPEN,
                                               _("_Check File"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);
  gtk_file_filter_set_name (csv, _("CSV Files"));
  gtk_file_filter_add_mime_type (csv, "text/csv");
  gtk_file_filter_add_suffix (csv, "csv");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), csv);
  gtk_file_filter_set_name (all, _("All Files"));
  gtk_file_filter_add_pattern (all, "*");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), all);
  g_signal_connect_object (self->chooser, "response", G_CALLBACK (chooser_response_cb), self,
                           0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

static void
update_actions (VigieFactoriesPage *self)
{
  gboolean has_store = self->store != NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "page.new-site", has_store);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "page.delete-site", has_store);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "page.import", has_store);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "page.save", has_store);
  gtk_widget_set_sensitive (GTK_WIDGET (self->search_entry), has_store);
  gtk_widget_set_sensitive (GTK_WIDGET (self->country_filter), has_store);
  gtk_widget_set_sensitive (GTK_WIDGET (self->location_type_filter), has_store);
  gtk_widget_set_sensitive (GTK_WIDGET (self->critical_toggle), has_store);
}

/* ─── Editor signals ─────────────────────────────────────────────────────── */

/* Rebuilds the row of ID. The selection model drops the selection of a replaced item:
 * select it again without reloading the editor (which is showing it). */
static void
refresh_row (VigieFactoriesPage *self,
             gint64              id)
{
  gint64 selected = selected_id (self);

  if (self->list == NULL)
    return;
  self->updating = TRUE;
  vigie_site_list_refresh_id (self->list, id);
  select_id_quietly (self, selected);
  self->updating = FALSE;
}

static void
editor_saved_cb (VigieFactoriesPage *self,
                 gint64              id,
                 gboolean            created)
{
  if (created)
    {
      update_country_filter (self);
      reload_now (self, id);
      if (vigie_site_list_find_position (self->list, id) == G_MAXUINT)
        update_count (self);
    }
  else
    refresh_row (self, id);
}

static void
workforce_changed_cb (VigieFactoriesPage *self,
                      gint64              id)
{
  refresh_row (self, id);
}

/* ─── Public API ─────────────────────────────────────────────────────────── */

void
vigie_factories_page_set_store (VigieFactoriesPage *self,
                                VigieStore         *store)
{
  g_return_if_fail (VIGIE_IS_FACTORIES_PAGE (self));
  g_return_if_fail (store == NULL || VIGIE_IS_STORE (store));

  if (store == self->store)
    return;

  /* Pending deletions belong to the dataset being closed. */
  settle_editor (self);
  flush_pending (self);
  g_cancellable_cancel (self->query_cancellable);

  g_set_object (&self->store, store);
  vigie_site_editor_set_store (self->editor, store);
  g_clear_object (&self->list);
  if (store != NULL)
    self->list = vigie_site_list_new (store);

  self->updating = TRUE;
  gtk_single_selection_set_model (self->selection, G_LIST_MODEL (self->list));
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  gtk_drop_down_set_selected (self->location_type_filter, 0);
  gtk_toggle_button_set_active (self->critical_toggle, FALSE);
  self->linked_year = self->monitored_year = 0;
  update_activity_chip (self);
  self->updating = FALSE;
  update_country_filter (self);
  update_actions (self);

  if (self->list != NULL)
    reload_now (self, 0);
  else
    update_count (self);
}

GtkWidget *
vigie_factories_page_new (void)
{
  return g_object_new (VIGIE_TYPE_FACTORIES_PAGE, NULL);
}

GtkColumnView *
vigie_factories_page_get_column_view (VigieFactoriesPage *self)
{
  return self->column_view;
}

GtkEditable *
vigie_factories_page_get_search_entry (VigieFactoriesPage *self)
{
  return GTK_EDITABLE (self->search_entry);
}

GtkWidget *
vigie_factories_page_get_editor (VigieFactoriesPage *self)
{
  return GTK_WIDGET (self->editor);
}

VigieSiteList *
vigie_factories_page_get_site_list (VigieFactoriesPage *self)
{
  return self->list;
}

GtkLabel *
vigie_factories_page_get_count_label (VigieFactoriesPage *self)
{
  return self->count_label;
}

AdwToast *
vigie_factories_page_get_undo_toast (VigieFactoriesPage *self)
{
  return self->pending->len > 0 ? self->undo_toast : NULL;
}

gboolean
vigie_factories_page_get_busy (VigieFactoriesPage *self)
{
  return self->busy > 0;
}

/* ─── Class ──────────────────────────────────────────────────────────────── */

static void
vigie_factories_page_dispose (GObject *object)
{
  VigieFactoriesPage *self = VIGIE_FACTORIES_PAGE (object);

  if (self->pending != NULL)
    {
      flush_pending (self);
      g_clear_pointer (&self->pending, g_ptr_array_unref);
    }
  g_cancellable_cancel (self->query_cancellable);
  g_clear_object (&self->query_cancellable);
  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);
  g_clear_weak_pointer (&self->undo_toast);
  if (self->column_view != NULL)
    g_signal_handlers_disconnect_by_data (gtk_column_view_get_sorter (self->column_view), self);

  gtk_widget_dispose_template (GTK_WIDGET (self), VIGIE_TYPE_FACTORIES_PAGE);

  g_clear_object (&self->selection);
  g_clear_object (&self->list);
  g_clear_object (&self->store);
  g_clear_pointer (&self->countries, g_ptr_array_unref);
  g_clear_object (&self->probe_a);
  g_clear_object (&self->probe_b);

  G_OBJECT_CLASS (vigie_factories_page_parent_class)->dispose (object);
}

static void
vigie_factories_page_class_init (VigieFactoriesPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = vigie_factories_page_dispose;

  g_type_ensure (VIGIE_TYPE_CELL_LABEL);
  g_type_ensure (VIGIE_TYPE_SITE_EDITOR);
  g_type_ensure (VIGIE_TYPE_SITE_ROW);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/vigie/Vigie/vigie-factories-page.ui");
  gtk_widget_class_bind_template_child (widget_class, VigieFactoriesPage, paned);
  gtk_widget_class_bind_template_child (widget_class, VigieFactoriesPage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, VigieFactoriesPage, country_filter);
  gtk_widget_class_bind_template_child (widget_class, VigieFactoriesPage, location_type_filter);
  gtk_widget_class_bind_template_child (widget_class, VigieFactoriesPage, critical_toggle);
  gtk_widget_class_bind_template_child (widget_class, VigieFactoriesPage, list_stack);
  gtk_widget_class_bind_template_child (widget_class, VigieFactoriesPage, scrolled_window);
  gtk_widget_class_bind_template_child (widget_class, VigieFactoriesPage, column_view);
  gtk_widget_class_bind_template_child (widget_class, VigieFactoriesPage, name_column);
  gtk_widget_class_bind_template_child (widget_class, VigieFactoriesPage, country_column);
  gtk_widget_class_bind_template_child (widget_class, VigieFactoriesPage, location_type_column);
  gtk_widget_class_bind_template_child (widget_class, VigieFactoriesPage, products_column);
  gtk_widget_class_bind_template_child (widget_class, VigieFactoriesPage, workforce_column);
  gtk_widget_class_bind_template_child (widget_class, VigieFactoriesPage, women_column);
  gtk_widget_class_bind_template_child (widget_class, VigieFactoriesPage, open_findings_column);
  gtk_widget_class_bind_template_child (widget_class, VigieFactoriesPage,
                                        last_investigation_column);
  gtk_widget_class_bind_template_child (widget_class, VigieFactoriesPage, name_sorter);
  gtk_widget_class_bind_template_child (widget_class, VigieFactoriesPage, country_sorter);
  gtk_widget_class_bind_template_child (widget_class, VigieFactoriesPage, location_type_sorter);
  gtk_widget_class_bind_template_child (widget_class, VigieFactoriesPage, products_sorter);
  gtk_widget_class_bind_template_child (widget_class, VigieFactoriesPage, workforce_sorter);
  gtk_widget_class_bind_template_child (widget_class, VigieFactoriesPage, women_sorter);
  gtk_widget_class_bind_template_child (widget_class, VigieFactoriesPage, open_findings_sorter);
  gtk_widget_class_bind_template_child (widget_class, VigieFactoriesPage,
                                        last_investigation_sorter);
  gtk_widget_class_bind_template_child (widget_class, VigieFactoriesPage, empty_page);
  gtk_widget_class_bind_template_child (widget_class, VigieFactoriesPage, count_label);
  gtk_widget_class_bind_template_child (widget_class, VigieFactoriesPage, spinner);
  gtk_widget_class_bind_template_child (widget_class, VigieFactoriesPage, editor);

  gtk_widget_class_bind_template_callback (widget_class, filters_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, stop_search_cb);
  gtk_widget_class_bind_template_callback (widget_class, editor_saved_cb);
  gtk_widget_class_bind_template_callback (widget_class, workforce_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, format_workforce);
  gtk_widget_class_bind_template_callback (widget_class, format_women);
  gtk_widget_class_bind_template_callback (widget_class, format_date);
  gtk_widget_class_bind_template_callback (widget_class, format_findings);
  gtk_widget_class_bind_template_callback (widget_class, describe_findings);

  gtk_widget_class_install_action (widget_class, "page.search", NULL, search_activated);
  gtk_widget_class_install_action (widget_class, "page.new-site", NULL, new_site_activated);
  gtk_widget_class_install_action (widget_class, "page.delete-site", NULL,
                                   delete_site_activated);
  gtk_widget_class_install_action (widget_class, "page.undo-delete", NULL,
                                   undo_delete_activated);
  gtk_widget_class_install_action (widget_class, "page.import", NULL, import_activated);
  gtk_widget_class_install_action (widget_class, "page.save", NULL, save_activated);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK,
                                       "page.search", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n,
                                       GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "page.new-site", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_i, GDK_CONTROL_MASK,
                                       "page.import", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK,
                                       "page.save", NULL);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static GtkWidget *
empty_buttons_new (void)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *add = gtk_button_new_with_mnemonic (_("_New Site"));
  GtkWidget *import = gtk_button_new_with_mnemonic (_("_Import a List…"));

  gtk_widget_set_halign (box, GTK_ALIGN_CENTER);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (add), "page.new-site");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (import), "page.import");
  gtk_widget_add_css_class (add, "pill");
  gtk_widget_add_css_class (add, "suggested-action");
  gtk_widget_add_css_class (import, "pill");
  gtk_box_append (GTK_BOX (box), add);
  gtk_box_append (GTK_BOX (box), import);
  return box;
}

static void
vigie_factories_page_init (VigieFactoriesPage *self)
{
  g_autoptr(GtkStringList) types = gtk_string_list_new (NULL);
  GtkCustomSorter *sorters[VIGIE_SITE_N_SORTS];
  GtkShortcutController *shortcuts;
  const VigieVocabEntry *entries;
  guint n = 0;

  gtk_widget_init_template (GTK_WIDGET (self));
  vigie_drop_down_set_compact (self->country_filter);
  vigie_drop_down_set_compact (self->location_type_filter);
  {
    /* The Overview's filter (sites linked or monitored in a year), cleared by a click. */
    GtkWidget *chip_box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 4);

    self->activity_chip_label = GTK_LABEL (gtk_label_new (""));
    gtk_box_append (GTK_BOX (chip_box), GTK_WIDGET (self->activity_chip_label));
    gtk_box_append (GTK_BOX (chip_box), gtk_image_new_from_icon_name ("window-close-symbolic"));
    self->activity_chip = gtk_button_new ();
    gtk_button_set_child (GTK_BUTTON (self->activity_chip), chip_box);
    gtk_widget_add_css_class (self->activity_chip, "pill");
    gtk_widget_set_tooltip_text (self->activity_chip, _("Clear this filter"));
    gtk_widget_set_visible (self->activity_chip, FALSE);
    g_signal_connect_object (self->activity_chip, "clicked", G_CALLBACK (clear_activity_cb),
                             self, G_CONNECT_SWAPPED);
    gtk_widget_insert_after (self->activity_chip,
                             gtk_widget_get_parent (GTK_WIDGET (self->critical_toggle)),
                             GTK_WIDGET (self->critical_toggle));
  }

  self->pending = g_ptr_array_new_with_free_func (pending_delete_unref);

  /* The list: a selection over the (lazy) site list, never sorted by GTK. */
  self->selection = gtk_single_selection_new (NULL);
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  vigie_column_view_set_model_when_mapped (self->column_view,
                                           GTK_SELECTION_MODEL (self->selection));
  g_signal_connect_object (self->selection, "notify::selected",
                           G_CALLBACK (selection_changed_cb), self, G_CONNECT_SWAPPED);

  /* Probes: each column's sorter only reports that it was asked. */
  sorters[VIGIE_SITE_SORT_NAME] = self->name_sorter;
  sorters[VIGIE_SITE_SORT_COUNTRY] = self->country_sorter;
  sorters[VIGIE_SITE_SORT_LOCATION_TYPE] = self->location_type_sorter;
  sorters[VIGIE_SITE_SORT_PRODUCTS] = self->products_sorter;
  sorters[VIGIE_SITE_SORT_WORKFORCE] = self->workforce_sorter;
  sorters[VIGIE_SITE_SORT_WOMEN] = self->women_sorter;
  sorters[VIGIE_SITE_SORT_OPEN_FINDINGS] = self->open_findings_sorter;
  sorters[VIGIE_SITE_SORT_LAST_INVESTIGATION] = self->last_investigation_sorter;
  for (guint i = 0; i < VIGIE_SITE_N_SORTS; i++)
    {
      self->probes[i].self = self;
      self->probes[i].sort = (VigieSiteSort) i;
      gtk_custom_sorter_set_sort_func (sorters[i], probe_compare, &self->probes[i], NULL);
    }
  self->probe_a = g_object_new (G_TYPE_OBJECT, NULL);
  self->probe_b = g_object_new (G_TYPE_OBJECT, NULL);
  self->sort = VIGIE_SITE_SORT_NAME;
  self->updating = TRUE;
  gtk_column_view_sort_by_column (self->column_view, self->name_column, GTK_SORT_ASCENDING);
  self->updating = FALSE;
  g_signal_connect_object (gtk_column_view_get_sorter (self->column_view), "changed",
                           G_CALLBACK (sorter_changed_cb), self, G_CONNECT_SWAPPED);

  /* Delete deletes the selected site when the list has the focus. */
  shortcuts = GTK_SHORTCUT_CONTROLLER (gtk_shortcut_controller_new ());
  gtk_shortcut_controller_add_shortcut (shortcuts,
    gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_Delete, 0),
                      gtk_named_action_new ("page.delete-site")));
  gtk_shortcut_controller_add_shortcut (shortcuts,
    gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_KP_Delete, 0),
                      gtk_named_action_new ("page.delete-site")));
  gtk_widget_add_controller (GTK_WIDGET (self->column_view), GTK_EVENT_CONTROLLER (shortcuts));

  /* Filters. */
  gtk_string_list_append (types, _("All Location Types"));
  entries = vigie_vocab_entries (VIGIE_VOCAB_LOCATION_TYPE, &n);
  for (guint i = 0; i < n; i++)
    gtk_string_list_append (types, vigie_vocab_label (VIGIE_VOCAB_LOCATION_TYPE,
                                                      entries[i].code));
  self->updating = TRUE;
  gtk_drop_down_set_model (self->location_type_filter, G_LIST_MODEL (types));
  {
    g_autoptr(GtkExpression) expression =
      gtk_property_expression_new (GTK_TYPE_STRING_OBJECT, NULL, "string");

    gtk_drop_down_set_expression (self->country_filter, expression);
  }
  self->updating = FALSE;
  gtk_search_entry_set_key_capture_widget (self->search_entry, GTK_WIDGET (self->column_view));

  self->empty_buttons = empty_buttons_new ();
  adw_status_page_set_child (self->empty_page, self->empty_buttons);

  update_country_filter (self);
  update_actions (self);
  update_count (self);
}

/* ─── Filters from elsewhere (the Overview) ──────────────────────────────── */

static void
update_activity_chip (VigieFactoriesPage *self)
{
  g_autofree char *text = NULL;

  if (self->linked_year > 0 && self->monitored_year > 0)
    /* Translators: a filter of the sites, e.g. "Linked or monitored in 2025" */
    text = g_strdup_printf (_("Linked or monitored in %d"), self->linked_year);
  else if (self->linked_year > 0)
    /* Translators: a filter of the sites, e.g. "Linked to affiliates in 2025" */
    text = g_strdup_printf (_("Linked to affiliates in %d"), self->linked_year);
  else if (self->monitored_year > 0)
    /* Translators: a filter of the sites, e.g. "Monitored in 2025" */
    text = g_strdup_printf (_("Monitored in %d"), self->monitored_year);
  gtk_label_set_label (self->activity_chip_label, text != NULL ? text : "");
  gtk_widget_set_visible (self->activity_chip, text != NULL);
}

static void
clear_activity_cb (VigieFactoriesPage *self)
{
  self->linked_year = self->monitored_year = 0;
  update_activity_chip (self);
  run_query (self);
}

void
vigie_factories_page_filter_country (VigieFactoriesPage *self,
                                     const char         *country)
{
  vigie_factories_page_filter_activity (self, country, 0, 0);
}

void
vigie_factories_page_filter_activity (VigieFactoriesPage *self,
                                      const char         *country,
                                      int                 linked_year,
                                      int                 monitored_year)
{
  guint selected = 0;

  g_return_if_fail (VIGIE_IS_FACTORIES_PAGE (self));

  self->linked_year = MAX (linked_year, 0);
  self->monitored_year = MAX (monitored_year, 0);
  update_activity_chip (self);

  for (guint i = 0; country != NULL && self->countries != NULL && i < self->countries->len; i++)
    if (g_strcmp0 (((VigieCountryCount *) g_ptr_array_index (self->countries, i))->code,
                   country) == 0)
      selected = i + 1;
  self->updating = TRUE;
  if (*gtk_editable_get_text (GTK_EDITABLE (self->search_entry)) != '\0')
    gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  gtk_drop_down_set_selected (self->location_type_filter, 0);
  gtk_toggle_button_set_active (self->critical_toggle, FALSE);
  gtk_drop_down_set_selected (self->country_filter, selected);
  self->updating = FALSE;
  run_query (self);
}
