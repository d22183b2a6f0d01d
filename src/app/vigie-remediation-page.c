/* vigie-remediation-page.c — the Remediation page.
 *
 * Top: the timeline (VigieTimelineWidget over VigieActionSpans: one small struct per
 * action, only visible rows drawn). Below: the same actions as a lazy list (VigieActionList:
 * ids from SQL, sorted and filtered in SQL) with multi-selection for bulk status changes.
 * Right: the action editor. The filters apply to both views. The overdue count goes into
 * the page's badge in the window's view switcher.
 *
 * Everything that reads every action runs in worker threads on connections of their own
 * (the list's ids, the timeline's spans, the choices of the site and organisation
 * filters): the page shows "Loading…" meanwhile, its controls stay usable, and a newer
 * filter change replaces a load still on its way.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n.h>
#include <stdlib.h>
#include <string.h>

#include "vigie-cell-label.h"
#include "vigie-action-editor.h"
#include "vigie-factories-private.h"
#include "vigie-finding.h"
#include "vigie-remediation-page.h"
#include "vigie-pages.h"
#include "vigie-reference.h"
#include "vigie-remediation.h"
#include "vigie-window.h"
#include "vigie-util.h"
#include "vigie-vocab.h"

typedef struct
{
  VigieRemediationPage *self;
  VigieActionSort       sort;
} Probe;

struct _VigieRemediationPage
{
  GtkWidget             parent_instance;

  VigieStore           *store;
  VigieActionList      *list;
  GtkMultiSelection    *selection;
  gboolean              updating;
  gboolean              reload_on_map;   /* a dataset opened while the page was hidden */
  gint64                overdue;

  /* Loads in worker threads: those that have not called back yet. */
  GCancellable         *cancellable;     /* of the dataset's loads */
  guint                 ids_pending;
  guint                 spans_pending;
  guint                 choices_pending;
  gint64                keep_id;         /* selected again when the latest load is in */
  gboolean              choices_owed;    /* the filters' choices of the dataset, not read yet */
  gint64                want_site_id;    /* asked for before the site choices were in */
  GtkSpinner           *spinner;
  GtkWidget            *timeline_loading;

  GtkWidget            *root_box;
  GtkDropDown          *grouping;
  GtkToggleButton      *zoom_buttons[VIGIE_TIMELINE_N_ZOOMS];
  GtkDropDown          *site_filter;
  GtkDropDown          *status_filter;
  GtkDropDown          *escalation_filter;
  GtkDropDown          *responsible_filter;
  GtkToggleButton      *overdue_toggle;
  GtkToggleButton      *month_toggle;
  GtkWidget            *scope_chip;
  GtkLabel             *scope_chip_label;
  VigieActionQuery     *scope;          /* the Overview's filters no widget shows, or NULL */
  GtkMenuButton        *bulk_button;
  GtkLabel             *count_label;
  VigieTimelineWidget  *timeline;
  GtkStack             *list_stack;
  AdwStatusPage        *empty_page;
  GtkColumnView        *column_view;
  GtkColumnViewColumn  *columns[VIGIE_ACTION_N_SORTS];
  VigieActionEditor    *editor;

  GPtrArray            *sites;          /* VigieActionChoice of the site filter */
  GPtrArray            *responsibles;   /* VigieActionChoice of the responsible filter */

  Probe                 probes[VIGIE_ACTION_N_SORTS];
  int                   probe_hit;
  GObject              *probe_a;
  GObject              *probe_b;
  VigieActionSort       sort;
  gboolean              descending;
  gboolean              resorting;

  const char          **bulk_statuses;

  GPtrArray            *pending;        /* PendingDelete (g_rc_box), awaiting their toast */
  AdwToast             *undo_toast;     /* weak: the last deletion's toast */

  /* The finding picker of New Action (while open). */
  GtkWidget            *picker;
  GtkWidget            *picker_site, *picker_search, *picker_list, *picker_count, *picker_stack;
  GPtrArray            *picker_sites;   /* VigieActionChoice, after "All Sites" */
  GPtrArray            *picker_results; /* VigieFindingChoice, the list's order */
};

G_DEFINE_FINAL_TYPE (VigieRemediationPage, vigie_remediation_page, GTK_TYPE_WIDGET)

enum { PROP_0, PROP_STORE, N_PROPS };
static GParamSpec *properties[N_PROPS];

static void reload (VigieRemediationPage *self, gint64 keep_id);
static void update_choice_filters (VigieRemediationPage *self);
static void update_loading (VigieRemediationPage *self);
static gboolean select_choice (GtkDropDown *drop_down, GPtrArray *choices, gint64 id);
static GArray *selected_ids (VigieRemediationPage *self);

/* ─── Helpers ────────────────────────────────────────────────────────────── */

static char *
today_iso (void)
{
  return vigie_today_iso ();
}

static void
read_deadlines (VigieDeadlines *d)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;
  g_autoptr(GSettings) settings = NULL;

  vigie_deadlines_init_defaults (d);
  if (source == NULL)
    return;
  schema = g_settings_schema_source_lookup (source, "io.github.vigie.Vigie", TRUE);
  if (schema == NULL || !g_settings_schema_has_key (schema, "deadline-critical-plan"))
    return;
  settings = g_settings_new_full (schema, NULL, NULL);
  d->critical_plan = g_settings_get_int (settings, "deadline-critical-plan");
  d->critical_completion = g_settings_get_int (settings, "deadline-critical-completion");
  d->major_plan = g_settings_get_int (settings, "deadline-major-plan");
  d->major_completion = g_settings_get_int (settings, "deadline-major-completion");
  d->minor_plan = g_settings_get_int (settings, "deadline-minor-plan");
  d->minor_completion = g_settings_get_int (settings, "deadline-minor-completion");
}

static void
toast (VigieRemediationPage *self,
       const char           *message)
{
  vigie_factories_add_toast (GTK_WIDGET (self), adw_toast_new (message));
}

/* The overdue digest: a badge on the page's tab in the window's view switcher. */
static void
update_badge (VigieRemediationPage *self)
{
  GtkWidget *window = gtk_widget_get_ancestor (GTK_WIDGET (self), VIGIE_TYPE_WINDOW);

  self->overdue = self->store != NULL ? vigie_remediation_count_overdue (self->store, NULL, NULL)
                                      : -1;
  if (window != NULL)
    vigie_window_show_overdue (VIGIE_WINDOW (window), self->overdue);
}

static GArray *
selected_ids (VigieRemediationPage *self)
{
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GtkBitset) set = NULL;
  GtkBitsetIter iter;
  guint position;

  if (self->list == NULL)
    return ids;
  set = gtk_selection_model_get_selection (GTK_SELECTION_MODEL (self->selection));
  for (gboolean ok = gtk_bitset_iter_init_first (&iter, set, &position); ok;
       ok = gtk_bitset_iter_next (&iter, &position))
    {
      gint64 id = vigie_action_list_get_id (self->list, position);

      g_array_append_val (ids, id);
    }
  return ids;
}

/* ─── Bulk status menu ───────────────────────────────────────────────────── */

static void
update_bulk_menu (VigieRemediationPage *self)
{
  g_autoptr(GMenu) menu = g_menu_new ();
  g_autoptr(GArray) ids = selected_ids (self);

  g_clear_pointer (&self->bulk_statuses, g_free);
  if (self->store != NULL && ids->len > 0)
    self->bulk_statuses = vigie_store_common_next_statuses (self->store,
                                                            (const gint64 *) (gpointer) ids->data,
                                                            ids->len, NULL);
  for (guint i = 0; self->bulk_statuses != NULL && self->bulk_statuses[i] != NULL; i++)
    {
      g_autoptr(GMenuItem) item =
        g_menu_item_new (vigie_vocab_label (VIGIE_VOCAB_REMEDIATION_STATUS,
                                            self->bulk_statuses[i]), NULL);

      g_menu_item_set_action_and_target (item, "page.set-status", "s", self->bulk_statuses[i]);
      g_menu_append_item (menu, item);
    }
  gtk_menu_button_set_menu_model (self->bulk_button, G_MENU_MODEL (menu));
  gtk_widget_set_sensitive (GTK_WIDGET (self->bulk_button),
                            self->bulk_statuses != NULL && self->bulk_statuses[0] != NULL);
  if (ids->len > 1)
    {
      /* Translators: tooltip of the bulk status button; %u selected actions */
      g_autofree char *tip = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                           "Change the status of %u action",
                                                           "Change the status of %u actions",
                                                           ids->len), ids->len);
      gtk_widget_set_tooltip_text (GTK_WIDGET (self->bulk_button), tip);
    }
  else
    gtk_widget_set_tooltip_text (GTK_WIDGET (self->bulk_button),
                                 _("Change the status of the selected actions"));
}

const char **
vigie_remediation_page_get_bulk_statuses (VigieRemediationPage *self)
{
  g_return_val_if_fail (VIGIE_IS_REMEDIATION_PAGE (self), NULL);
  return self->bulk_statuses;
}

gboolean
vigie_remediation_page_bulk_change (VigieRemediationPage  *self,
                                    const char            *to,
                                    GError               **error)
{
  g_autoptr(GArray) ids = selected_ids (self);
  gint64 keep = vigie_action_editor_get_action_id (self->editor);
  g_autofree char *message = NULL;

  g_return_val_if_fail (VIGIE_IS_REMEDIATION_PAGE (self), FALSE);

  if (self->store == NULL || ids->len == 0)
    return FALSE;
  if (!vigie_store_change_actions_status (self->store, (const gint64 *) (gpointer) ids->data,
                                          ids->len, to, NULL, NULL, NULL, error))
    return FALSE;
  update_badge (self);
  reload (self, keep);
  if (keep != 0)
    vigie_action_editor_load (self->editor, keep, NULL);
  /* Translators: after a bulk change: "3 actions now “Plan accepted”" */
  message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%1$u action now “%2$s”",
                                          "%1$u actions now “%2$s”", ids->len),
                             ids->len, vigie_vocab_label (VIGIE_VOCAB_REMEDIATION_STATUS, to));
  toast (self, message);
  return TRUE;
}

static void
set_status_activated (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  VigieRemediationPage *self = VIGIE_REMEDIATION_PAGE (widget);
  g_autoptr(GError) error = NULL;

  if (!vigie_remediation_page_bulk_change (self, g_variant_get_string (parameter, NULL), &error)
      && error != NULL)
    toast (self, error->message);
}

/* ─── Query ──────────────────────────────────────────────────────────────── */

static VigieActionQuery *
query_from_widgets (VigieRemediationPage *self)
{
  VigieActionQuery *q = vigie_action_query_new ();
  const VigieVocabEntry *statuses = vigie_vocab_entries (VIGIE_VOCAB_REMEDIATION_STATUS, NULL);
  const VigieVocabEntry *levels = vigie_vocab_entries (VIGIE_VOCAB_ESCALATION_LEVEL, NULL);
  guint site = gtk_drop_down_get_selected (self->site_filter);
  guint status = gtk_drop_down_get_selected (self->status_filter);
  guint level = gtk_drop_down_get_selected (self->escalation_filter);
  guint responsible = gtk_drop_down_get_selected (self->responsible_filter);

  if (self->want_site_id != 0)
    q->site_id = self->want_site_id;
  else if (self->sites != NULL && site != GTK_INVALID_LIST_POSITION && site > 0
           && site <= self->sites->len)
    q->site_id = ((VigieActionChoice *) g_ptr_array_index (self->sites, site - 1))->id;
  if (status != GTK_INVALID_LIST_POSITION && status > 0)
    q->status = g_strdup (statuses[status - 1].code);
  if (level != GTK_INVALID_LIST_POSITION && level > 0)
    q->escalation_level = g_strdup (levels[level - 1].code);
  if (self->responsibles != NULL && responsible != GTK_INVALID_LIST_POSITION && responsible > 0
      && responsible <= self->responsibles->len)
    q->responsible_id = ((VigieActionChoice *) g_ptr_array_index (self->responsibles,
                                                                  responsible - 1))->id;
  q->only_overdue = gtk_toggle_button_get_active (self->overdue_toggle);
  q->due_this_month = gtk_toggle_button_get_active (self->month_toggle);
  if (self->scope != NULL)
    {
      q->country = g_strdup (self->scope->country);
      q->due_from = g_strdup (self->scope->due_from);
      q->due_to = g_strdup (self->scope->due_to);
      q->completed_from = g_strdup (self->scope->completed_from);
      q->completed_to = g_strdup (self->scope->completed_to);
      q->remedy_only = self->scope->remedy_only;
    }
  q->today = today_iso ();
  q->sort = self->sort;
  q->descending = self->descending;
  return q;
}

static void
update_count (VigieRemediationPage *self)
{
  guint n = self->list != NULL ? g_list_model_get_n_items (G_LIST_MODEL (self->list)) : 0;
  g_autofree char *shown = vigie_factories_format_count (n);
  g_autofree char *text = NULL;

  if (self->store == NULL)
    {
      gtk_label_set_label (self->count_label, "");
      adw_status_page_set_title (self->empty_page, _("No Dataset Open"));
      adw_status_page_set_description (self->empty_page,
                                       _("Open or create a dataset to see its remediation actions."));
      gtk_stack_set_visible_child_name (self->list_stack, "empty");
      return;
    }
  if (self->ids_pending > 0 || self->reload_on_map)
    {
      /* Translators: the count of actions while the list is being read */
      gtk_label_set_label (self->count_label, _("Loading…"));
      /* The rows shown so far stay until the new ones are in. */
      /* Translators: in place of the list of actions while it is being read */
      adw_status_page_set_title (self->empty_page, _("Loading Actions…"));
      adw_status_page_set_description (self->empty_page, NULL);
      gtk_stack_set_visible_child_name (self->list_stack, n > 0 ? "list" : "empty");
      return;
    }
  if (self->overdue > 0)
    {
      g_autofree char *late = vigie_factories_format_count (self->overdue);

      /* Translators: "1,204 actions · 87 overdue" (the overdue count is for the dataset) */
      text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%1$s action · %2$s overdue",
                                           "%1$s actions · %2$s overdue", n), shown, late);
    }
  else
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s action", "%s actions", n), shown);
  gtk_label_set_label (self->count_label, text);
  if (n > 0)
    {
      gtk_stack_set_visible_child_name (self->list_stack, "list");
      return;
    }
  adw_status_page_set_title (self->empty_page, _("No Matching Actions"));
  adw_status_page_set_description (self->empty_page,
                                   _("No remediation action matches these filters. Actions are "
                                     "added to findings."));
  gtk_stack_set_visible_child_name (self->list_stack, "empty");
}

gboolean
vigie_remediation_page_get_busy (VigieRemediationPage *self)
{
  g_return_val_if_fail (VIGIE_IS_REMEDIATION_PAGE (self), FALSE);
  return self->reload_on_map || self->ids_pending > 0 || self->spans_pending > 0
         || self->choices_pending > 0;
}

/* The spinner, "Loading…" and the placeholders of what has nothing to show yet. */
static void
update_loading (VigieRemediationPage *self)
{
  gboolean busy = self->store != NULL && vigie_remediation_page_get_busy (self);
  const VigieTimelineData *data = vigie_timeline_widget_get_data (self->timeline);

  gtk_widget_set_visible (GTK_WIDGET (self->spinner), busy);
  gtk_spinner_set_spinning (self->spinner, busy);
  gtk_widget_set_visible (self->timeline_loading,
                          self->store != NULL && (self->spans_pending > 0 || self->reload_on_map)
                          && (data == NULL || data->n_spans == 0));
  update_count (self);
}

static VigieTimelineGrouping
grouping (VigieRemediationPage *self)
{
  return gtk_drop_down_get_selected (self->grouping) == 1 ? VIGIE_TIMELINE_GROUP_FINDING
                                                         : VIGIE_TIMELINE_GROUP_SITE;
}

static void
ids_loaded_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(VigieRemediationPage) self = user_data;
  g_autoptr(GError) error = NULL;
  gboolean ok;

  self->ids_pending--;
  /* Of a dataset gone, or of a page gone (its widgets too). */
  if (VIGIE_ACTION_LIST (source) != self->list)
    {
      if (self->root_box != NULL)
        update_loading (self);
      return;
    }
  self->updating = TRUE;
  ok = vigie_action_list_set_query_finish (self->list, result, &error);
  if (ok && self->keep_id != 0)
    {
      guint position = vigie_action_list_find_position (self->list, self->keep_id);

      if (position != G_MAXUINT)
        gtk_selection_model_select_item (GTK_SELECTION_MODEL (self->selection), position, TRUE);
    }
  self->updating = FALSE;
  if (!ok && !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    toast (self, error->message);
  update_loading (self);
  update_bulk_menu (self);
}

static void
spans_loaded_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(VigieRemediationPage) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *today = NULL;
  VigieActionSpans *spans;

  self->spans_pending--;
  /* Of a dataset gone, or of a page gone (its widgets too). */
  if (VIGIE_ACTION_LIST (source) != self->list)
    {
      if (self->root_box != NULL)
        update_loading (self);
      return;
    }
  spans = vigie_action_list_load_spans_finish (self->list, result, &error);
  if (spans == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        toast (self, error->message);
      update_loading (self);
      return;
    }
  today = today_iso ();
  self->updating = TRUE;
  vigie_timeline_widget_set_spans (self->timeline, spans, vigie_julian_from_iso (today));
  vigie_timeline_widget_select (self->timeline, self->keep_id);
  self->updating = FALSE;
  update_loading (self);
}

/* Loads the actions the filters select, list and timeline, in worker threads; KEEP_ID is
 * selected again once they are in. */
static void
reload (VigieRemediationPage *self,
        gint64                keep_id)
{
  g_autoptr(VigieActionQuery) q = NULL;

  if (self->list == NULL)
    {
      vigie_timeline_widget_set_spans (self->timeline, NULL, 0);
      update_loading (self);
      return;
    }
  /* Any load does for the one a hidden page owes; the first reads the filters' choices. */
  self->reload_on_map = FALSE;
  if (self->choices_owed)
    {
      self->choices_owed = FALSE;
      update_choice_filters (self);
    }
  q = query_from_widgets (self);
  self->keep_id = keep_id;
  self->ids_pending++;
  self->spans_pending++;
  vigie_action_list_set_query_async (self->list, q, self->cancellable, ids_loaded_cb,
                                     g_object_ref (self));
  vigie_action_list_load_spans_async (self->list, q, grouping (self), self->cancellable,
                                      spans_loaded_cb, g_object_ref (self));
  update_loading (self);
}

static void
page_mapped_cb (VigieRemediationPage *self)
{
  if (self->reload_on_map)
    reload (self, 0);
}

static void
filters_changed_cb (VigieRemediationPage *self)
{
  if (self->updating)
    return;
  reload (self, vigie_action_editor_get_action_id (self->editor));
}

/* "2025", "March 2025" or "1 Mar 2025 – 30 Apr 2025": the days FROM to TO (either may
 * be NULL). */
static char *
describe_days (const char *from,
               const char *to)
{
  g_autofree char *first = from != NULL ? vigie_factories_format_date (from) : NULL;
  g_autofree char *last = to != NULL ? vigie_factories_format_date (to) : NULL;

  if (from != NULL && to != NULL && strlen (from) == 10 && strlen (to) == 10
      && strncmp (from, to, 4) == 0)
    {
      if (strcmp (from + 4, "-01-01") == 0 && strcmp (to + 4, "-12-31") == 0)
        return g_strndup (from, 4);
      if (strncmp (from, to, 7) == 0 && strcmp (from + 7, "-01") == 0
          && strcmp (to + 7, "-31") == 0)
        {
          g_autoptr(GDateTime) date = g_date_time_new_utc (atoi (from), atoi (from + 5), 1,
                                                           0, 0, 0);

          return date != NULL ? g_date_time_format (date, "%OB %Y") : g_strndup (from, 7);
        }
    }
  if (from != NULL && to != NULL)
    /* Translators: a range of days, e.g. "1 Mar 2025 – 30 Apr 2025" */
    return g_strdup_printf (_("%1$s – %2$s"), first, last);
  if (to != NULL)
    /* Translators: a range of days ending on a day, e.g. "by 31 Dec 2025" */
    return g_strdup_printf (_("by %s"), last);
  /* Translators: a range of days starting on a day, e.g. "from 1 Jan 2025" */
  return g_strdup_printf (_("from %s"), first);
}

static void
update_scope_chip (VigieRemediationPage *self)
{
  const VigieActionQuery *q = self->scope;
  g_autoptr(GString) text = g_string_new (NULL);

  if (q != NULL && q->country != NULL)
    {
      const char *label = vigie_reference_country_label (q->country);

      g_string_append (text, label != NULL ? label : q->country);
    }
  if (q != NULL && (q->due_from != NULL || q->due_to != NULL))
    {
      g_autofree char *days = describe_days (q->due_from, q->due_to);

      g_string_append (text, text->len > 0 ? " · " : "");
      /* Translators: the actions due in a period, e.g. "Due 2025", "Due by 31 Dec 2025" */
      g_string_append_printf (text, C_("actions", "Due %s"), days);
    }
  if (q != NULL && (q->completed_from != NULL || q->completed_to != NULL))
    {
      g_autofree char *days = describe_days (q->completed_from, q->completed_to);

      g_string_append (text, text->len > 0 ? " · " : "");
      /* Translators: the actions completed in a period, e.g. "Completed March 2025" */
      g_string_append_printf (text, C_("actions", "Completed %s"), days);
    }
  if (q != NULL && q->remedy_only)
    {
      g_string_append (text, text->len > 0 ? " · " : "");
      g_string_append (text, _("Providing remedy"));
    }
  gtk_label_set_label (self->scope_chip_label, text->str);
  gtk_widget_set_visible (self->scope_chip, text->len > 0);
}

static void
clear_scope_cb (VigieRemediationPage *self)
{
  g_clear_pointer (&self->scope, vigie_action_query_free);
  update_scope_chip (self);
  reload (self, vigie_action_editor_get_action_id (self->editor));
}

void
vigie_remediation_page_set_filters (VigieRemediationPage   *self,
                                    const VigieActionQuery *q)
{
  g_return_if_fail (VIGIE_IS_REMEDIATION_PAGE (self));

  g_clear_pointer (&self->scope, vigie_action_query_free);
  if (q->country != NULL || q->due_from != NULL || q->due_to != NULL
      || q->completed_from != NULL || q->completed_to != NULL || q->remedy_only)
    self->scope = vigie_action_query_copy (q);
  update_scope_chip (self);

  self->updating = TRUE;
  /* Before the site choices are in, the site is remembered until they come. */
  self->want_site_id = self->choices_pending > 0 || self->choices_owed ? q->site_id : 0;
  select_choice (self->site_filter, self->sites, q->site_id);
  gtk_drop_down_set_selected (self->status_filter,
                              q->status != NULL
                              ? (guint) (vigie_vocab_index (VIGIE_VOCAB_REMEDIATION_STATUS,
                                                            q->status) + 1) : 0);
  gtk_drop_down_set_selected (self->escalation_filter,
                              q->escalation_level != NULL
                              ? (guint) (vigie_vocab_index (VIGIE_VOCAB_ESCALATION_LEVEL,
                                                            q->escalation_level) + 1) : 0);
  gtk_toggle_button_set_active (self->overdue_toggle, q->only_overdue);
  gtk_toggle_button_set_active (self->month_toggle, q->due_this_month);
  self->updating = FALSE;
  reload (self, vigie_action_editor_get_action_id (self->editor));
}

static void
fill_choice_filter (GtkDropDown  *drop_down,
                    const char   *all_label,
                    GPtrArray    *choices)
{
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);

  gtk_string_list_append (labels, all_label);
  for (guint i = 0; choices != NULL && i < choices->len; i++)
    gtk_string_list_append (labels, ((VigieActionChoice *) g_ptr_array_index (choices, i))->label);
  gtk_drop_down_set_model (drop_down, G_LIST_MODEL (labels));
  gtk_drop_down_set_selected (drop_down, 0);
}

/* The id of the choice selected in DROP_DOWN (after its "All" item), 0 for none. */
static gint64
selected_choice (GtkDropDown *drop_down,
                 GPtrArray   *choices)
{
  guint selected = gtk_drop_down_get_selected (drop_down);

  if (choices == NULL || selected == GTK_INVALID_LIST_POSITION || selected == 0
      || selected > choices->len)
    return 0;
  return ((VigieActionChoice *) g_ptr_array_index (choices, selected - 1))->id;
}

/* Selects the choice of ID (0: "All"); FALSE when it is not offered. */
static gboolean
select_choice (GtkDropDown *drop_down,
               GPtrArray   *choices,
               gint64       id)
{
  gtk_drop_down_set_selected (drop_down, 0);
  if (id == 0)
    return TRUE;
  for (guint i = 0; choices != NULL && i < choices->len; i++)
    if (((VigieActionChoice *) g_ptr_array_index (choices, i))->id == id)
      {
        gtk_drop_down_set_selected (drop_down, i + 1);
        return TRUE;
      }
  return FALSE;
}

/* Only "All Sites" and "Any Organisation" (a new dataset, before its choices are in). */
static void
clear_choice_filters (VigieRemediationPage *self)
{
  g_clear_pointer (&self->sites, g_ptr_array_unref);
  g_clear_pointer (&self->responsibles, g_ptr_array_unref);
  self->want_site_id = 0;
  self->updating = TRUE;
  fill_choice_filter (self->site_filter, _("All Sites"), NULL);
  fill_choice_filter (self->responsible_filter, _("Any Organisation"), NULL);
  self->updating = FALSE;
}

static void
choices_loaded_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(VigieRemediationPage) self = user_data;
  g_autoptr(VigieActionFilterChoices) choices = NULL;
  g_autoptr(GError) error = NULL;
  gint64 site, responsible;
  gboolean kept;

  self->choices_pending--;
  /* Of a dataset gone, or of a page gone (its widgets too). */
  if (VIGIE_ACTION_LIST (source) != self->list)
    {
      if (self->root_box != NULL)
        update_loading (self);
      return;
    }
  choices = vigie_action_list_load_filter_choices_finish (self->list, result, &error);
  if (choices == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        toast (self, error->message);
      update_loading (self);
      return;
    }
  /* The choices made stay chosen (by id: the positions may have moved). */
  site = self->want_site_id != 0 ? self->want_site_id
                                 : selected_choice (self->site_filter, self->sites);
  responsible = selected_choice (self->responsible_filter, self->responsibles);
  g_clear_pointer (&self->sites, g_ptr_array_unref);
  g_clear_pointer (&self->responsibles, g_ptr_array_unref);
  self->sites = g_steal_pointer (&choices->sites);
  self->responsibles = g_steal_pointer (&choices->responsibles);
  self->want_site_id = 0;
  self->updating = TRUE;
  fill_choice_filter (self->site_filter, _("All Sites"), self->sites);
  fill_choice_filter (self->responsible_filter, _("Any Organisation"), self->responsibles);
  kept = select_choice (self->site_filter, self->sites, site);
  kept &= select_choice (self->responsible_filter, self->responsibles, responsible);
  self->updating = FALSE;
  /* A site or organisation left without actions: the list follows the filter, now "All". */
  if (!kept)
    reload (self, vigie_action_editor_get_action_id (self->editor));
  update_loading (self);
}

/* Reads the sites and organisations that have actions, in a worker thread. */
static void
update_choice_filters (VigieRemediationPage *self)
{
  if (self->list == NULL)
    {
      clear_choice_filters (self);
      return;
    }
  self->choices_pending++;
  vigie_action_list_load_filter_choices_async (self->list, self->cancellable, choices_loaded_cb,
                                               g_object_ref (self));
  update_loading (self);
}

/* ─── Selection between the timeline, the list and the editor ───────────── */

static void
open_action (VigieRemediationPage *self,
             gint64                id)
{
  g_autoptr(GError) error = NULL;

  if (id == vigie_action_editor_get_action_id (self->editor))
    return;
  if (id == 0)
    {
      vigie_action_editor_clear (self->editor);
      return;
    }
  if (!vigie_action_editor_load (self->editor, id, &error))
    toast (self, error->message);
}

static void
list_selection_changed_cb (VigieRemediationPage *self)
{
  g_autoptr(GArray) ids = NULL;

  update_bulk_menu (self);
  if (self->updating)
    return;
  ids = selected_ids (self);
  if (ids->len != 1)
    return;
  self->updating = TRUE;
  vigie_timeline_widget_select (self->timeline, g_array_index (ids, gint64, 0));
  self->updating = FALSE;
  open_action (self, g_array_index (ids, gint64, 0));
}

gboolean
vigie_remediation_page_select_action (VigieRemediationPage *self,
                                      gint64                id)
{
  guint position;

  g_return_val_if_fail (VIGIE_IS_REMEDIATION_PAGE (self), FALSE);

  if (self->list == NULL)
    return FALSE;
  position = vigie_action_list_find_position (self->list, id);
  if (position == G_MAXUINT)
    return FALSE;
  self->updating = TRUE;
  gtk_selection_model_select_item (GTK_SELECTION_MODEL (self->selection), position, TRUE);
  vigie_timeline_widget_select (self->timeline, id);
  self->updating = FALSE;
  update_bulk_menu (self);
  open_action (self, id);
  return TRUE;
}

static void
timeline_selected_cb (VigieTimelineWidget  *timeline,
                      gint64                id,
                      VigieRemediationPage *self)
{
  if (!self->updating)
    vigie_remediation_page_select_action (self, id);
}

static void
editor_saved_cb (VigieActionEditor    *editor,
                 gint64                id,
                 gboolean              created,
                 VigieRemediationPage *self)
{
  if (created)
    update_choice_filters (self);
  update_badge (self);
  reload (self, id);
}

static void
editor_status_changed_cb (VigieActionEditor    *editor,
                          gint64                id,
                          VigieRemediationPage *self)
{
  update_badge (self);
  reload (self, id);
}

/* ─── Zoom, grouping, time ───────────────────────────────────────────────── */

static void
zoom_toggled_cb (GtkToggleButton      *button,
                 VigieRemediationPage *self)
{
  if (!gtk_toggle_button_get_active (button))
    return;
  for (guint z = 0; z < VIGIE_TIMELINE_N_ZOOMS; z++)
    if (self->zoom_buttons[z] == button)
      vigie_timeline_widget_set_zoom (self->timeline, z);
}

static void
sync_zoom_buttons (VigieRemediationPage *self)
{
  VigieTimelineZoom zoom = vigie_timeline_widget_get_zoom (self->timeline);

  gtk_toggle_button_set_active (self->zoom_buttons[zoom], TRUE);
}

static void
zoom_activated (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  VigieRemediationPage *self = VIGIE_REMEDIATION_PAGE (widget);
  int zoom = (int) vigie_timeline_widget_get_zoom (self->timeline);

  zoom += g_str_equal (action_name, "page.zoom-in") ? -1 : 1;
  if (zoom >= 0 && zoom < VIGIE_TIMELINE_N_ZOOMS)
    {
      vigie_timeline_widget_set_zoom (self->timeline, (VigieTimelineZoom) zoom);
      sync_zoom_buttons (self);
    }
}

static void
scroll_activated (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  VigieRemediationPage *self = VIGIE_REMEDIATION_PAGE (widget);
  double days = vigie_timeline_zoom_days (vigie_timeline_widget_get_zoom (self->timeline)) / 2;
  g_autofree char *today = today_iso ();

  if (g_str_equal (action_name, "page.today"))
    vigie_timeline_widget_center_on_day (self->timeline, vigie_julian_from_iso (today));
  else
    vigie_timeline_widget_scroll_days (self->timeline,
                                       g_str_equal (action_name, "page.earlier") ? -days : days);
}

static void
new_action_activated (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  VigieRemediationPage *self = VIGIE_REMEDIATION_PAGE (widget);

  vigie_remediation_page_open_finding_picker (self);
}

static void
new_action_same_finding_activated (GtkWidget  *widget,
                                   const char *action_name,
                                   GVariant   *parameter)
{
  VigieRemediationPage *self = VIGIE_REMEDIATION_PAGE (widget);
  gint64 finding = vigie_action_editor_get_finding_id (self->editor);

  if (self->store == NULL)
    return;
  if (finding == 0)
    {
      vigie_remediation_page_open_finding_picker (self);
      return;
    }
  vigie_remediation_page_pick_finding (self, finding);
}

static void
save_activated (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  VigieRemediationPage *self = VIGIE_REMEDIATION_PAGE (widget);
  g_autoptr(GError) error = NULL;

  if (!vigie_action_editor_save (self->editor, &error))
    toast (self, error->message);
}

static void
rollup_activated (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  VigieRemediationPage *self = VIGIE_REMEDIATION_PAGE (widget);
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  gint64 finding = vigie_action_editor_get_finding_id (self->editor);
  const char *status = NULL;

  if (self->store == NULL)
    return;
  if (finding != 0 && vigie_action_editor_get_action_id (self->editor) != 0)
    {
      if (!vigie_store_rollup_finding (self->store, finding, &status, &error))
        {
          toast (self, error->message);
          return;
        }
      /* Translators: after rolling up a finding's status from its actions */
      message = g_strdup_printf (_("The finding is now “%s”"),
                                 vigie_vocab_label (VIGIE_VOCAB_FINDING_STATUS, status));
    }
  else
    {
      gint64 n = vigie_store_rollup_all_findings (self->store, &error);

      if (n < 0)
        {
          toast (self, error->message);
          return;
        }
      message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                              "%d finding changed status",
                                              "%d findings changed status", (gulong) n), (int) n);
    }
  toast (self, message);
}

static void
grouping_changed_cb (VigieRemediationPage *self)
{
  if (!self->updating)
    reload (self, vigie_action_editor_get_action_id (self->editor));
}

/* ─── Deleting with Undo ─────────────────────────────────────────────────── */

/* As on the Factories page: the action is hidden at once (list and timeline) and deleted
 * for real when its toast goes away without Undo, or when the dataset or the page goes
 * away. Until then the data is untouched, so Undo is exact (history included). */

typedef struct
{
  VigieRemediationPage *self;   /* weak */
  VigieStore           *store;
  gint64                id;
  gboolean              done;
  gboolean              undone;
} PendingDelete;

static void
pending_delete_free (PendingDelete *pd)
{
  g_clear_weak_pointer (&pd->self);
  g_clear_object (&pd->store);
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
  g_rc_box_release_full (data, (GDestroyNotify) pending_delete_free);
}

static void
pending_delete_commit (PendingDelete *pd)
{
  g_autoptr(GError) error = NULL;
  VigieRemediationPage *self = pd->self;

  if (pd->done || pd->undone)
    return;
  pd->done = TRUE;
  if (!vigie_store_delete_action (pd->store, pd->id, &error))
    {
      g_warning ("Cannot delete action %" G_GINT64_FORMAT ": %s", pd->id, error->message);
      if (self != NULL)
        {
          /* Translators: %s says why */
          g_autofree char *message = g_strdup_printf (_("The action could not be deleted: %s"),
                                                      error->message);

          toast (self, message);
        }
    }
  if (self == NULL)
    return;
  g_ptr_array_remove (self->pending, pd);
  if (self->list != NULL && self->store == pd->store)
    {
      vigie_action_list_unhide_id (self->list, pd->id);
      update_badge (self);
      update_choice_filters (self);
      reload (self, vigie_action_editor_get_action_id (self->editor));
    }
}

static void
undo_toast_dismissed_cb (AdwToast      *toast,
                         PendingDelete *pd)
{
  pending_delete_commit (pd);
}

static void
undo_toast_clicked_cb (AdwToast      *toast,
                       PendingDelete *pd)
{
  VigieRemediationPage *self = pd->self;

  if (pd->done || pd->undone)
    return;
  pd->undone = TRUE;
  if (self == NULL)
    return;
  g_ptr_array_remove (self->pending, pd);
  if (self->list != NULL && self->store == pd->store)
    {
      /* Back in the editor at once, and selected in the list when it is read again. */
      vigie_action_list_unhide_id (self->list, pd->id);
      open_action (self, pd->id);
      reload (self, pd->id);
    }
}

static gpointer
acquire_copy (gconstpointer src,
              gpointer      user_data)
{
  return g_rc_box_acquire ((gpointer) src);
}

/* Commits every deletion still waiting (the dataset or the page is going away). The
 * toasts are left to expire: their Undo then does nothing. */
static void
flush_pending (VigieRemediationPage *self)
{
  g_autoptr(GPtrArray) pending = NULL;

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
}

gboolean
vigie_remediation_page_delete_action (VigieRemediationPage *self,
                                      gint64                id)
{
  g_autoptr(VigieActionRecord) record = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;
  g_autofree char *short_desc = NULL;
  PendingDelete *pd;
  AdwToast *t;

  g_return_val_if_fail (VIGIE_IS_REMEDIATION_PAGE (self), FALSE);

  if (self->store == NULL || id == 0 || vigie_action_list_is_hidden (self->list, id))
    return FALSE;
  record = vigie_store_get_action (self->store, id, &error);
  if (record == NULL)
    {
      toast (self, error->message);
      return FALSE;
    }
  pd = g_rc_box_new0 (PendingDelete);
  g_set_weak_pointer (&pd->self, self);
  pd->store = g_object_ref (self->store);
  pd->id = id;
  g_ptr_array_add (self->pending, pd);   /* the array's reference */

  if (vigie_action_editor_get_action_id (self->editor) == id)
    vigie_action_editor_clear (self->editor);
  vigie_action_list_hide_id (self->list, id);
  reload (self, 0);

  short_desc = g_utf8_substring (record->description, 0, 48);
  /* Translators: %s is the start of the deleted action's description */
  title = g_strdup_printf (_("Deleted “%1$s%2$s”"), short_desc,
                           g_utf8_strlen (record->description, -1) > 48 ? "…" : "");
  t = adw_toast_new (title);
  adw_toast_set_button_label (t, _("_Undo"));
  adw_toast_set_priority (t, ADW_TOAST_PRIORITY_HIGH);
  g_signal_connect_data (t, "button-clicked", G_CALLBACK (undo_toast_clicked_cb),
                         g_rc_box_acquire (pd), pending_delete_release, 0);
  g_signal_connect_data (t, "dismissed", G_CALLBACK (undo_toast_dismissed_cb),
                         g_rc_box_acquire (pd), pending_delete_release, 0);
  g_set_weak_pointer (&self->undo_toast, t);
  vigie_factories_add_toast (GTK_WIDGET (self), t);
  return TRUE;
}

static void
delete_activated (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  VigieRemediationPage *self = VIGIE_REMEDIATION_PAGE (widget);
  g_autoptr(GArray) ids = selected_ids (self);
  gint64 id = vigie_action_editor_get_action_id (self->editor);

  if (id == 0 && ids->len == 1)
    id = g_array_index (ids, gint64, 0);
  vigie_remediation_page_delete_action (self, id);
}

AdwToast *
vigie_remediation_page_get_undo_toast (VigieRemediationPage *self)
{
  return self->undo_toast;
}

/* ─── New action: choosing the finding ───────────────────────────────────── */

#define PICKER_LIMIT 100

static void
picker_fill (VigieRemediationPage *self)
{
  g_autoptr(GError) error = NULL;
  guint site = gtk_drop_down_get_selected (GTK_DROP_DOWN (self->picker_site));
  gint64 site_id = 0;
  GtkWidget *child;

  if (self->picker_sites != NULL && site > 0 && site <= self->picker_sites->len)
    site_id = ((VigieActionChoice *) g_ptr_array_index (self->picker_sites, site - 1))->id;
  while ((child = gtk_widget_get_first_child (self->picker_list)) != NULL)
    gtk_list_box_remove (GTK_LIST_BOX (self->picker_list), child);
  g_clear_pointer (&self->picker_results, g_ptr_array_unref);
  if (self->store != NULL)
    self->picker_results = vigie_action_list_search_findings (self->store, site_id,
                                                              gtk_editable_get_text (GTK_EDITABLE (self->picker_search)),
                                                              PICKER_LIMIT, &error);
  if (self->picker_results == NULL && error != NULL)
    toast (self, error->message);
  for (guint i = 0; self->picker_results != NULL && i < self->picker_results->len; i++)
    {
      VigieFindingChoice *c = g_ptr_array_index (self->picker_results, i);
      GtkWidget *row = adw_action_row_new ();
      g_autofree char *title = g_markup_escape_text (c->title, -1);
      g_autofree char *date = vigie_factories_format_date (c->first_observed);
      g_autofree char *actions = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d action",
                                                               "%d actions",
                                                               (gulong) c->n_actions),
                                                  (int) c->n_actions);
      /* Translators: under a finding's title: severity · site · first observed · actions */
      g_autofree char *subtitle = g_strdup_printf (_("%1$s · %2$s · %3$s · %4$s"),
                                                   vigie_vocab_label (VIGIE_VOCAB_SEVERITY,
                                                                      c->severity),
                                                   c->site, date, actions);
      g_autofree char *escaped = g_markup_escape_text (subtitle, -1);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), escaped);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                 gtk_image_new_from_icon_name ("go-next-symbolic"));
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      gtk_list_box_append (GTK_LIST_BOX (self->picker_list), row);
    }
  {
    guint n = self->picker_results != NULL ? self->picker_results->len : 0;
    g_autofree char *text = NULL;

    if (n >= PICKER_LIMIT)
      text = g_strdup_printf (_("The first %u findings: type more of the title to narrow the "
                                "list"), n);
    else
      text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u finding", "%u findings", n), n);
    gtk_label_set_text (GTK_LABEL (self->picker_count), text);
    gtk_stack_set_visible_child_name (GTK_STACK (self->picker_stack), n > 0 ? "list" : "empty");
  }
}

gboolean
vigie_remediation_page_pick_finding (VigieRemediationPage *self,
                                     gint64                finding_id)
{
  g_autoptr(GError) error = NULL;
  VigieDeadlines deadlines;

  g_return_val_if_fail (VIGIE_IS_REMEDIATION_PAGE (self), FALSE);

  if (self->store == NULL || finding_id == 0)
    return FALSE;
  read_deadlines (&deadlines);
  if (!vigie_action_editor_new_action (self->editor, finding_id, &deadlines, &error))
    {
      toast (self, error->message);
      return FALSE;
    }
  if (self->picker != NULL)
    gtk_window_destroy (GTK_WINDOW (self->picker));
  return TRUE;
}

static void
picker_row_activated_cb (GtkListBox           *box,
                         GtkListBoxRow        *row,
                         VigieRemediationPage *self)
{
  int index = gtk_list_box_row_get_index (row);

  if (self->picker_results != NULL && index >= 0 && (guint) index < self->picker_results->len)
    vigie_remediation_page_pick_finding (self,
                                         ((VigieFindingChoice *) g_ptr_array_index (self->picker_results,
                                                                                    index))->id);
}

static void
picker_search_activate_cb (GtkSearchEntry       *entry,
                           VigieRemediationPage *self)
{
  /* Enter picks the first match. */
  if (self->picker_results != NULL && self->picker_results->len > 0)
    vigie_remediation_page_pick_finding (self,
                                         ((VigieFindingChoice *) g_ptr_array_index (self->picker_results,
                                                                                    0))->id);
}

static void
picker_destroyed_cb (VigieRemediationPage *self)
{
  self->picker = NULL;
  self->picker_search = self->picker_site = self->picker_list = NULL;
  self->picker_count = self->picker_stack = NULL;
  g_clear_pointer (&self->picker_results, g_ptr_array_unref);
  g_clear_pointer (&self->picker_sites, g_ptr_array_unref);
}

GtkWindow *
vigie_remediation_page_open_finding_picker (VigieRemediationPage *self)
{
  GtkWidget *window, *content, *header, *box, *scrolled, *empty, *clamp;
  g_autoptr(GtkStringList) sites = gtk_string_list_new (NULL);
  g_autoptr(GtkExpression) expression = NULL;
  GtkRoot *root;
  gint64 current_site = 0;
  guint selected = 0;

  g_return_val_if_fail (VIGIE_IS_REMEDIATION_PAGE (self), NULL);

  if (self->store == NULL)
    return NULL;
  if (self->picker != NULL)
    {
      gtk_window_present (GTK_WINDOW (self->picker));
      return GTK_WINDOW (self->picker);
    }

  /* Start with the site of the filter, else of the action being edited. */
  {
    guint filter = gtk_drop_down_get_selected (self->site_filter);

    if (self->sites != NULL && filter > 0 && filter <= self->sites->len)
      current_site = ((VigieActionChoice *) g_ptr_array_index (self->sites, filter - 1))->id;
    else if (vigie_action_editor_get_finding_id (self->editor) != 0)
      {
        g_autoptr(VigieFindingRecord) finding =
          vigie_store_get_finding (self->store, vigie_action_editor_get_finding_id (self->editor),
                                   NULL);

        current_site = finding != NULL ? finding->site_id : 0;
      }
  }
  self->picker_sites = vigie_action_list_sites_with_findings (self->store, NULL);
  gtk_string_list_append (sites, _("All Sites"));
  for (guint i = 0; self->picker_sites != NULL && i < self->picker_sites->len; i++)
    {
      VigieActionChoice *c = g_ptr_array_index (self->picker_sites, i);

      gtk_string_list_append (sites, c->label);
      if (c->id == current_site)
        selected = i + 1;
    }

  window = adw_window_new ();
  self->picker = window;
  gtk_window_set_title (GTK_WINDOW (window), _("New Action"));
  gtk_window_set_modal (GTK_WINDOW (window), TRUE);
  gtk_window_set_default_size (GTK_WINDOW (window), 560, 560);
  root = gtk_widget_get_root (GTK_WIDGET (self));
  if (GTK_IS_WINDOW (root))
    gtk_window_set_transient_for (GTK_WINDOW (window), GTK_WINDOW (root));
  g_signal_connect_swapped (window, "destroy", G_CALLBACK (picker_destroyed_cb), self);

  content = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  header = adw_header_bar_new ();
  adw_header_bar_set_title_widget (ADW_HEADER_BAR (header),
                                   adw_window_title_new (_("New Action"),
                                                         _("Choose the finding it remedies")));
  gtk_box_append (GTK_BOX (content), header);

  box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_widget_set_margin_top (box, 12);
  gtk_widget_set_margin_bottom (box, 6);
  self->picker_site = gtk_drop_down_new (G_LIST_MODEL (g_object_ref (sites)), NULL);
  gtk_drop_down_set_enable_search (GTK_DROP_DOWN (self->picker_site), TRUE);
  expression = gtk_property_expression_new (GTK_TYPE_STRING_OBJECT, NULL, "string");
  gtk_drop_down_set_expression (GTK_DROP_DOWN (self->picker_site), expression);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (self->picker_site), selected);
  gtk_widget_set_tooltip_text (self->picker_site, _("The site of the finding"));
  gtk_widget_set_size_request (self->picker_site, 180, -1);
  self->picker_search = gtk_search_entry_new ();
  gtk_widget_set_hexpand (self->picker_search, TRUE);
  g_object_set (self->picker_search, "placeholder-text", _("Search findings by title"), NULL);
  gtk_box_append (GTK_BOX (box), self->picker_site);
  gtk_box_append (GTK_BOX (box), self->picker_search);
  gtk_box_append (GTK_BOX (content), box);

  self->picker_count = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (self->picker_count), 0);
  gtk_widget_add_css_class (self->picker_count, "dim-label");
  gtk_widget_add_css_class (self->picker_count, "caption");
  gtk_widget_set_margin_start (self->picker_count, 14);
  gtk_widget_set_margin_bottom (self->picker_count, 6);
  gtk_box_append (GTK_BOX (content), self->picker_count);

  self->picker_stack = gtk_stack_new ();
  gtk_widget_set_vexpand (self->picker_stack, TRUE);
  self->picker_list = gtk_list_box_new ();
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (self->picker_list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (self->picker_list, "boxed-list");
  gtk_widget_set_valign (self->picker_list, GTK_ALIGN_START);
  gtk_widget_set_margin_start (self->picker_list, 12);
  gtk_widget_set_margin_end (self->picker_list, 12);
  gtk_widget_set_margin_bottom (self->picker_list, 12);
  g_signal_connect (self->picker_list, "row-activated", G_CALLBACK (picker_row_activated_cb), self);
  clamp = adw_clamp_new ();
  adw_clamp_set_child (ADW_CLAMP (clamp), self->picker_list);
  scrolled = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER,
                                  GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), clamp);
  gtk_stack_add_named (GTK_STACK (self->picker_stack), scrolled, "list");
  empty = adw_status_page_new ();
  adw_status_page_set_icon_name (ADW_STATUS_PAGE (empty), "system-search-symbolic");
  adw_status_page_set_title (ADW_STATUS_PAGE (empty), _("No Matching Findings"));
  adw_status_page_set_description (ADW_STATUS_PAGE (empty),
                                   _("Record the finding on the Findings page first."));
  gtk_stack_add_named (GTK_STACK (self->picker_stack), empty, "empty");
  gtk_box_append (GTK_BOX (content), self->picker_stack);
  adw_window_set_content (ADW_WINDOW (window), content);

  /* Refreshed as typed: the query is a LIKE over the titles, limited to 100 rows. */
  g_signal_connect_swapped (self->picker_search, "changed", G_CALLBACK (picker_fill), self);
  g_signal_connect (self->picker_search, "activate", G_CALLBACK (picker_search_activate_cb), self);
  g_signal_connect_swapped (self->picker_site, "notify::selected", G_CALLBACK (picker_fill), self);
  picker_fill (self);
  gtk_window_present (GTK_WINDOW (window));
  gtk_widget_grab_focus (self->picker_search);
  return GTK_WINDOW (window);
}

GtkEditable *
vigie_remediation_page_get_picker_search (VigieRemediationPage *self)
{
  return self->picker_search != NULL ? GTK_EDITABLE (self->picker_search) : NULL;
}

GtkDropDown *
vigie_remediation_page_get_picker_site (VigieRemediationPage *self)
{
  return self->picker_site != NULL ? GTK_DROP_DOWN (self->picker_site) : NULL;
}

guint
vigie_remediation_page_get_picker_n_results (VigieRemediationPage *self)
{
  return self->picker_results != NULL ? self->picker_results->len : 0;
}

gint64
vigie_remediation_page_get_picker_result (VigieRemediationPage *self,
                                          guint                 index)
{
  if (self->picker_results == NULL || index >= self->picker_results->len)
    return 0;
  return ((VigieFindingChoice *) g_ptr_array_index (self->picker_results, index))->id;
}

/* ─── Sorting: probes (see the Factories page) ───────────────────────────── */

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
sorter_changed_cb (VigieRemediationPage *self)
{
  GtkSorter *sorter;
  GtkOrdering order;

  if (self->column_view == NULL || self->resorting)
    return;
  sorter = gtk_column_view_get_sorter (self->column_view);
  self->probe_hit = -1;
  order = gtk_sorter_compare (sorter, self->probe_a, self->probe_b);
  if (self->probe_hit < 0)
    {
      self->sort = VIGIE_ACTION_SORT_DUE;
      self->descending = FALSE;
    }
  else
    {
      self->sort = (VigieActionSort) self->probe_hit;
      self->descending = order == GTK_ORDERING_LARGER;
    }
  self->resorting = TRUE;
  for (guint i = 0; i < VIGIE_ACTION_N_SORTS; i++)
    {
      g_autoptr(GtkSorter) probe = NULL;

      if (i == self->sort || self->columns[i] == NULL)
        continue;
      probe = g_object_ref (gtk_column_view_column_get_sorter (self->columns[i]));
      gtk_column_view_column_set_sorter (self->columns[i], NULL);
      gtk_column_view_column_set_sorter (self->columns[i], probe);
    }
  if (self->columns[self->sort] != NULL)
    gtk_column_view_sort_by_column (self->column_view, self->columns[self->sort],
                                    self->descending ? GTK_SORT_DESCENDING : GTK_SORT_ASCENDING);
  self->resorting = FALSE;
  if (!self->updating)
    reload (self, vigie_action_editor_get_action_id (self->editor));
}

/* ─── Columns ────────────────────────────────────────────────────────────── */

typedef enum
{
  COL_SITE, COL_FINDING, COL_ACTION, COL_RESPONSIBLE, COL_STATUS, COL_ESCALATION, COL_OPENED,
  COL_DUE, COL_OVERDUE, N_COLUMNS
} Column;

static void
setup_cell_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               gpointer                  user_data)
{
  GtkWidget *label = vigie_cell_label_new ();

  vigie_cell_label_set_chars (VIGIE_CELL_LABEL (label), 3, 12);
  /* Figures of equal width for the days overdue: fixed per column, set once. */
  vigie_cell_label_set_numeric (VIGIE_CELL_LABEL (label),
                                GPOINTER_TO_INT (user_data) == COL_OVERDUE);
  gtk_list_item_set_child (item, label);
}

static void
bind_cell_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              gpointer                  user_data)
{
  Column column = GPOINTER_TO_INT (user_data);
  VigieActionRow *row = gtk_list_item_get_item (item);
  VigieCellLabel *label = VIGIE_CELL_LABEL (gtk_list_item_get_child (item));
  g_autofree char *owned = NULL;
  const char *text = NULL;
  int days = vigie_action_row_get_days_overdue (row);

  gtk_widget_remove_css_class (GTK_WIDGET (label), "error");
  switch (column)
    {
    case COL_SITE: text = vigie_action_row_get_site (row); break;
    case COL_FINDING: text = vigie_action_row_get_finding (row); break;
    case COL_ACTION: text = vigie_action_row_get_description (row); break;
    case COL_RESPONSIBLE:
      text = vigie_action_row_get_responsible (row) != NULL ? vigie_action_row_get_responsible (row)
                                                            : "—";
      break;
    case COL_STATUS:
      text = vigie_vocab_label (VIGIE_VOCAB_REMEDIATION_STATUS, vigie_action_row_get_status (row));
      break;
    case COL_ESCALATION:
      text = vigie_vocab_label (VIGIE_VOCAB_ESCALATION_LEVEL,
                                vigie_action_row_get_escalation_level (row));
      break;
    case COL_OPENED:
      text = owned = vigie_factories_format_date (vigie_action_row_get_opened_on (row));
      break;
    case COL_DUE:
      owned = vigie_factories_format_date (vigie_action_row_get_due_on (row));
      text = *owned != '\0' ? owned : "—";
      break;
    case COL_OVERDUE:
      if (days > 0)
        {
          /* Translators: days overdue in the list, with a warning sign: "⚠ 12 d" */
          text = owned = g_strdup_printf (C_("days overdue", "⚠ %d d"), days);
          gtk_widget_add_css_class (GTK_WIDGET (label), "error");
        }
      else
        text = "";
      break;
    case N_COLUMNS:
    default:
      break;
    }
  vigie_cell_label_set_text (label, text);
  /* On GTK 4.8 under X11 every tooltip change costs a round trip to the X server, which
   * made scrolling a long list stutter: the full texts are in the action editor. */
  if (gtk_widget_get_has_tooltip (GTK_WIDGET (label)))
    gtk_widget_set_tooltip_text (GTK_WIDGET (label), NULL);
}

static void
add_column (VigieRemediationPage *self,
            Column                column,
            const char           *title,
            int                   sort,
            gboolean              expand,
            int                   fixed_width)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  GtkColumnViewColumn *col;

  g_signal_connect (factory, "setup", G_CALLBACK (setup_cell_cb), GINT_TO_POINTER (column));
  g_signal_connect (factory, "bind", G_CALLBACK (bind_cell_cb), GINT_TO_POINTER (column));
  col = gtk_column_view_column_new (title, factory);
  gtk_column_view_column_set_resizable (col, TRUE);
  gtk_column_view_column_set_expand (col, expand);
  if (fixed_width > 0)
    gtk_column_view_column_set_fixed_width (col, fixed_width);
  if (sort >= 0)
    {
      GtkCustomSorter *sorter = gtk_custom_sorter_new (probe_compare, &self->probes[sort], NULL);

      self->probes[sort].self = self;
      self->probes[sort].sort = (VigieActionSort) sort;
      gtk_column_view_column_set_sorter (col, GTK_SORTER (sorter));
      g_object_unref (sorter);
      self->columns[sort] = col;
    }
  gtk_column_view_append_column (self->column_view, col);
  g_object_unref (col);
}

/* ─── Building ───────────────────────────────────────────────────────────── */

static GtkDropDown *
vocab_filter (VigieVocab  vocab,
              const char *all_label,
              const char *tooltip)
{
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
  const VigieVocabEntry *entries;
  GtkDropDown *drop_down;
  guint n = 0;

  gtk_string_list_append (labels, all_label);
  entries = vigie_vocab_entries (vocab, &n);
  for (guint i = 0; i < n; i++)
    gtk_string_list_append (labels, vigie_vocab_label (vocab, entries[i].code));
  drop_down = GTK_DROP_DOWN (gtk_drop_down_new (G_LIST_MODEL (g_object_ref (labels)), NULL));
  gtk_widget_set_tooltip_text (GTK_WIDGET (drop_down), tooltip);
  return drop_down;
}

static GtkToggleButton *
filter_toggle (const char *icon,
               const char *label,
               const char *tooltip)
{
  GtkWidget *button = gtk_toggle_button_new ();
  GtkWidget *content = adw_button_content_new ();

  adw_button_content_set_icon_name (ADW_BUTTON_CONTENT (content), icon);
  adw_button_content_set_label (ADW_BUTTON_CONTENT (content), label);
  adw_button_content_set_use_underline (ADW_BUTTON_CONTENT (content), TRUE);
  gtk_button_set_child (GTK_BUTTON (button), content);
  gtk_widget_set_tooltip_text (button, tooltip);
  return GTK_TOGGLE_BUTTON (button);
}

static GtkWidget *
icon_button (const char *icon,
             const char *action,
             const char *tooltip)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon);

  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action);
  gtk_widget_set_tooltip_text (button, tooltip);
  return button;
}

static void
build (VigieRemediationPage *self)
{
  GtkWidget *toolbar, *filters, *zoom_box, *paned, *vpaned, *scrolled, *box, *button, *spacer;
  g_autoptr(GtkStringList) groupings = gtk_string_list_new (NULL);
  const char *zoom_labels[VIGIE_TIMELINE_N_ZOOMS] = {
    /* Translators: zoom levels of the timeline */
    C_("zoom", "_Month"), C_("zoom", "_Quarter"), C_("zoom", "_Year"),
  };

  self->root_box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  gtk_widget_set_parent (self->root_box, GTK_WIDGET (self));

  /* Toolbar: grouping, zoom, time, bulk change, roll-up, new action, count. */
  toolbar = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  gtk_widget_set_margin_start (toolbar, 12);
  gtk_widget_set_margin_end (toolbar, 12);
  gtk_widget_set_margin_top (toolbar, 12);
  gtk_widget_set_margin_bottom (toolbar, 6);
  gtk_box_append (GTK_BOX (self->root_box), toolbar);

  gtk_string_list_append (groupings, _("By Site"));
  gtk_string_list_append (groupings, _("By Finding"));
  self->grouping = GTK_DROP_DOWN (gtk_drop_down_new (G_LIST_MODEL (g_object_ref (groupings)),
                                                     NULL));
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->grouping), _("Group the timeline's rows"));
  vigie_drop_down_set_compact (self->grouping);
  g_signal_connect_swapped (self->grouping, "notify::selected",
                            G_CALLBACK (grouping_changed_cb), self);
  gtk_box_append (GTK_BOX (toolbar), GTK_WIDGET (self->grouping));

  zoom_box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  gtk_widget_add_css_class (zoom_box, "linked");
  for (guint z = 0; z < VIGIE_TIMELINE_N_ZOOMS; z++)
    {
      self->zoom_buttons[z] = GTK_TOGGLE_BUTTON (gtk_toggle_button_new_with_mnemonic (zoom_labels[z]));
      if (z > 0)
        gtk_toggle_button_set_group (self->zoom_buttons[z], self->zoom_buttons[0]);
      g_signal_connect (self->zoom_buttons[z], "toggled", G_CALLBACK (zoom_toggled_cb), self);
      gtk_box_append (GTK_BOX (zoom_box), GTK_WIDGET (self->zoom_buttons[z]));
    }
  gtk_box_append (GTK_BOX (toolbar), zoom_box);

  box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  gtk_widget_add_css_class (box, "linked");
  gtk_box_append (GTK_BOX (box), icon_button ("go-previous-symbolic", "page.earlier",
                                              _("Earlier")));
  button = gtk_button_new_with_mnemonic (_("_Today"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "page.today");
  gtk_widget_set_tooltip_text (button, _("Show today in the middle of the timeline"));
  gtk_box_append (GTK_BOX (box), button);
  gtk_box_append (GTK_BOX (box), icon_button ("go-next-symbolic", "page.later", _("Later")));
  gtk_box_append (GTK_BOX (toolbar), box);

  spacer = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  gtk_widget_set_hexpand (spacer, TRUE);
  gtk_box_append (GTK_BOX (toolbar), spacer);

  self->spinner = GTK_SPINNER (gtk_spinner_new ());
  /* Translators: tooltip of the spinner shown while the actions are read */
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->spinner), _("Reading the actions…"));
  gtk_widget_set_visible (GTK_WIDGET (self->spinner), FALSE);
  gtk_box_append (GTK_BOX (toolbar), GTK_WIDGET (self->spinner));

  self->count_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_widget_add_css_class (GTK_WIDGET (self->count_label), "dim-label");
  gtk_label_set_ellipsize (self->count_label, PANGO_ELLIPSIZE_END);
  gtk_label_set_width_chars (self->count_label, 8);
  gtk_box_append (GTK_BOX (toolbar), GTK_WIDGET (self->count_label));

  self->bulk_button = GTK_MENU_BUTTON (gtk_menu_button_new ());
  gtk_menu_button_set_label (self->bulk_button, _("Change Status"));
  gtk_box_append (GTK_BOX (toolbar), GTK_WIDGET (self->bulk_button));

  /* Secondary actions in a menu, so that the toolbar fits narrow windows in every
   * language. */
  {
    g_autoptr(GMenu) more = g_menu_new ();

    g_menu_append (more, _("_Roll Up Finding Status"), "page.rollup");
    button = gtk_menu_button_new ();
    gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (button), "view-more-symbolic");
    gtk_menu_button_set_menu_model (GTK_MENU_BUTTON (button), G_MENU_MODEL (more));
    gtk_widget_set_tooltip_text (button, _("More Actions"));
    gtk_box_append (GTK_BOX (toolbar), button);
  }

  button = icon_button ("user-trash-symbolic", "page.delete-action",
                        _("Delete the action (Delete)"));
  gtk_box_append (GTK_BOX (toolbar), button);
  button = icon_button ("list-add-symbolic", "page.new-action",
                        _("Add an action to a finding (Ctrl+N)"));
  gtk_widget_add_css_class (button, "suggested-action");
  gtk_box_append (GTK_BOX (toolbar), button);

  /* Filters. */
  filters = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  gtk_widget_set_margin_start (filters, 12);
  gtk_widget_set_margin_end (filters, 12);
  gtk_widget_set_margin_bottom (filters, 12);
  gtk_box_append (GTK_BOX (self->root_box), filters);
  self->site_filter = GTK_DROP_DOWN (gtk_drop_down_new (NULL, NULL));
  gtk_drop_down_set_enable_search (self->site_filter, TRUE);
  {
    g_autoptr(GtkExpression) expression =
      gtk_property_expression_new (GTK_TYPE_STRING_OBJECT, NULL, "string");

    gtk_drop_down_set_expression (self->site_filter, expression);
  }
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->site_filter), _("Show the actions of one site"));
  self->status_filter = vocab_filter (VIGIE_VOCAB_REMEDIATION_STATUS, _("All Statuses"),
                                      _("Show the actions in one status"));
  self->escalation_filter = vocab_filter (VIGIE_VOCAB_ESCALATION_LEVEL, _("All Escalation Levels"),
                                          _("Show the actions at one escalation level"));
  self->responsible_filter = GTK_DROP_DOWN (gtk_drop_down_new (NULL, NULL));
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->responsible_filter),
                               _("Show the actions one organisation is responsible for"));
  /* Translators: a filter button: only overdue actions */
  self->overdue_toggle = filter_toggle ("dialog-warning-symbolic", _("_Overdue"),
                                        _("Only actions past their due date"));
  /* Translators: a filter button: actions due this calendar month */
  self->month_toggle = filter_toggle ("x-office-calendar-symbolic", _("Due This _Month"),
                                      _("Only actions due in the current month"));
  vigie_drop_down_set_compact (self->site_filter);
  vigie_drop_down_set_compact (self->status_filter);
  vigie_drop_down_set_compact (self->escalation_filter);
  vigie_drop_down_set_compact (self->responsible_filter);
  gtk_box_append (GTK_BOX (filters), GTK_WIDGET (self->site_filter));
  gtk_box_append (GTK_BOX (filters), GTK_WIDGET (self->status_filter));
  gtk_box_append (GTK_BOX (filters), GTK_WIDGET (self->escalation_filter));
  gtk_box_append (GTK_BOX (filters), GTK_WIDGET (self->responsible_filter));
  gtk_box_append (GTK_BOX (filters), GTK_WIDGET (self->overdue_toggle));
  gtk_box_append (GTK_BOX (filters), GTK_WIDGET (self->month_toggle));
  {
    /* The filters the Overview adds (country, due or completed in a period, remedy). */
    GtkWidget *chip_box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 4);

    self->scope_chip_label = GTK_LABEL (gtk_label_new (""));
    gtk_label_set_ellipsize (self->scope_chip_label, PANGO_ELLIPSIZE_END);
    gtk_label_set_max_width_chars (self->scope_chip_label, 36);
    gtk_box_append (GTK_BOX (chip_box), GTK_WIDGET (self->scope_chip_label));
    gtk_box_append (GTK_BOX (chip_box), gtk_image_new_from_icon_name ("window-close-symbolic"));
    self->scope_chip = gtk_button_new ();
    gtk_button_set_child (GTK_BUTTON (self->scope_chip), chip_box);
    gtk_widget_add_css_class (self->scope_chip, "pill");
    gtk_widget_set_tooltip_text (self->scope_chip, _("Clear this filter"));
    g_signal_connect_swapped (self->scope_chip, "clicked", G_CALLBACK (clear_scope_cb), self);
    gtk_widget_set_visible (self->scope_chip, FALSE);
    gtk_box_append (GTK_BOX (filters), self->scope_chip);
  }
  g_signal_connect_swapped (self->site_filter, "notify::selected",
                            G_CALLBACK (filters_changed_cb), self);
  g_signal_connect_swapped (self->status_filter, "notify::selected",
                            G_CALLBACK (filters_changed_cb), self);
  g_signal_connect_swapped (self->escalation_filter, "notify::selected",
                            G_CALLBACK (filters_changed_cb), self);
  g_signal_connect_swapped (self->responsible_filter, "notify::selected",
                            G_CALLBACK (filters_changed_cb), self);
  g_signal_connect_swapped (self->overdue_toggle, "toggled", G_CALLBACK (filters_changed_cb), self);
  g_signal_connect_swapped (self->month_toggle, "toggled", G_CALLBACK (filters_changed_cb), self);

  /* Timeline over list, editor on the right. */
  paned = gtk_paned_new (GTK_ORIENTATION_HORIZONTAL);
  gtk_paned_set_position (GTK_PANED (paned), 880);
  gtk_paned_set_resize_end_child (GTK_PANED (paned), FALSE);
  gtk_paned_set_shrink_end_child (GTK_PANED (paned), FALSE);
  gtk_paned_set_shrink_start_child (GTK_PANED (paned), FALSE);
  gtk_widget_set_vexpand (paned, TRUE);
  gtk_box_append (GTK_BOX (self->root_box), gtk_separator_new (GTK_ORIENTATION_HORIZONTAL));
  gtk_box_append (GTK_BOX (self->root_box), paned);

  vpaned = gtk_paned_new (GTK_ORIENTATION_VERTICAL);
  gtk_paned_set_position (GTK_PANED (vpaned), 300);
  gtk_paned_set_shrink_start_child (GTK_PANED (vpaned), FALSE);
  gtk_paned_set_shrink_end_child (GTK_PANED (vpaned), FALSE);
  gtk_widget_set_size_request (vpaned, 520, -1);
  gtk_paned_set_start_child (GTK_PANED (paned), vpaned);

  self->timeline = VIGIE_TIMELINE_WIDGET (vigie_timeline_widget_new ());
  g_signal_connect (self->timeline, "action-selected", G_CALLBACK (timeline_selected_cb), self);
  g_signal_connect (self->timeline, "action-activated", G_CALLBACK (timeline_selected_cb), self);
  scrolled = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), GTK_WIDGET (self->timeline));
  gtk_widget_set_size_request (scrolled, -1, 140);
  {
    /* Over the timeline while it has nothing to show and its spans are being read. */
    GtkWidget *overlay = gtk_overlay_new ();
    GtkWidget *label;
    GtkWidget *spinner = gtk_spinner_new ();

    gtk_overlay_set_child (GTK_OVERLAY (overlay), scrolled);
    self->timeline_loading = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
    gtk_widget_set_halign (self->timeline_loading, GTK_ALIGN_CENTER);
    gtk_widget_set_valign (self->timeline_loading, GTK_ALIGN_CENTER);
    gtk_widget_set_can_target (self->timeline_loading, FALSE);
    gtk_spinner_set_spinning (GTK_SPINNER (spinner), TRUE);
    gtk_box_append (GTK_BOX (self->timeline_loading), spinner);
    /* Translators: shown over the empty timeline while it is being read */
    label = gtk_label_new (_("Loading the timeline…"));
    gtk_widget_add_css_class (label, "dim-label");
    gtk_box_append (GTK_BOX (self->timeline_loading), label);
    gtk_widget_set_visible (self->timeline_loading, FALSE);
    gtk_overlay_add_overlay (GTK_OVERLAY (overlay), self->timeline_loading);
    gtk_paned_set_start_child (GTK_PANED (vpaned), overlay);
  }

  self->list_stack = GTK_STACK (gtk_stack_new ());
  gtk_widget_set_size_request (GTK_WIDGET (self->list_stack), -1, 140);
  self->column_view = GTK_COLUMN_VIEW (gtk_column_view_new (NULL));
  gtk_widget_add_css_class (GTK_WIDGET (self->column_view), "data-table");
  gtk_column_view_set_show_column_separators (self->column_view, FALSE);
  scrolled = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), GTK_WIDGET (self->column_view));
  gtk_stack_add_named (self->list_stack, scrolled, "list");
  self->empty_page = ADW_STATUS_PAGE (adw_status_page_new ());
  adw_status_page_set_icon_name (self->empty_page, "task-due-symbolic");
  gtk_widget_add_css_class (GTK_WIDGET (self->empty_page), "compact");
  gtk_stack_add_named (self->list_stack, GTK_WIDGET (self->empty_page), "empty");
  gtk_paned_set_end_child (GTK_PANED (vpaned), GTK_WIDGET (self->list_stack));

  self->editor = VIGIE_ACTION_EDITOR (vigie_action_editor_new ());
  gtk_widget_set_size_request (GTK_WIDGET (self->editor), 340, -1);
  g_signal_connect (self->editor, "saved", G_CALLBACK (editor_saved_cb), self);
  g_signal_connect (self->editor, "status-changed", G_CALLBACK (editor_status_changed_cb), self);
  gtk_paned_set_end_child (GTK_PANED (paned), GTK_WIDGET (self->editor));

  /* Columns (sortable in SQL through probes). */
  /* Translators: column headings of the actions list */
  add_column (self, COL_SITE, C_("column", "Site"), VIGIE_ACTION_SORT_SITE, FALSE, 130);
  add_column (self, COL_ACTION, C_("column", "Action"), VIGIE_ACTION_SORT_DESCRIPTION, TRUE, 200);
  add_column (self, COL_STATUS, C_("column", "Status"), VIGIE_ACTION_SORT_STATUS, FALSE, 120);
  add_column (self, COL_DUE, C_("column", "Due"), VIGIE_ACTION_SORT_DUE, FALSE, 95);
  add_column (self, COL_OVERDUE, C_("column", "Overdue"), -1, FALSE, 80);
  add_column (self, COL_FINDING, C_("column", "Finding"), VIGIE_ACTION_SORT_FINDING, FALSE, 170);
  add_column (self, COL_RESPONSIBLE, C_("column", "Responsible"), VIGIE_ACTION_SORT_RESPONSIBLE,
              FALSE, 140);
  add_column (self, COL_ESCALATION, C_("column", "Escalation"), VIGIE_ACTION_SORT_ESCALATION,
              FALSE, 140);
  add_column (self, COL_OPENED, C_("column", "Opened"), VIGIE_ACTION_SORT_OPENED, FALSE, 100);
}

/* ─── Public API ─────────────────────────────────────────────────────────── */

void
vigie_remediation_page_set_store (VigieRemediationPage *self,
                                  VigieStore           *store)
{
  g_return_if_fail (VIGIE_IS_REMEDIATION_PAGE (self));
  g_return_if_fail (store == NULL || VIGIE_IS_STORE (store));

  if (self->store == store)
    return;
  /* Deletions waiting for their Undo belong to the dataset going away. */
  flush_pending (self);
  if (self->picker != NULL)
    gtk_window_destroy (GTK_WINDOW (self->picker));
  /* The loads of the dataset going away call back into nothing. */
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  g_set_object (&self->store, store);
  vigie_action_editor_set_store (self->editor, store);
  g_clear_object (&self->list);
  if (store != NULL)
    self->list = vigie_action_list_new (store);
  self->updating = TRUE;
  gtk_multi_selection_set_model (self->selection, G_LIST_MODEL (self->list));
  gtk_drop_down_set_selected (self->status_filter, 0);
  gtk_drop_down_set_selected (self->escalation_filter, 0);
  gtk_toggle_button_set_active (self->overdue_toggle, FALSE);
  gtk_toggle_button_set_active (self->month_toggle, FALSE);
  self->updating = FALSE;
  clear_choice_filters (self);
  vigie_timeline_widget_set_spans (self->timeline, NULL, 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "page.new-action", store != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "page.new-action-same", store != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "page.delete-action", store != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "page.rollup", store != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "page.save", store != NULL);
  /* Every action, its timeline span and the filters' choices are read in worker threads;
   * a hidden page starts when first shown, so that a dataset opening does not read for
   * pages nobody looks at. The overdue badge is one indexed count. */
  self->choices_owed = store != NULL;
  update_badge (self);
  if (store != NULL && gtk_widget_get_mapped (GTK_WIDGET (self)))
    reload (self, 0);
  else
    {
      self->reload_on_map = store != NULL;
      update_loading (self);
    }
  {
    g_autofree char *today = today_iso ();

    vigie_timeline_widget_center_on_day (self->timeline, vigie_julian_from_iso (today));
  }
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STORE]);
}

VigieStore *
vigie_remediation_page_get_store (VigieRemediationPage *self)
{
  g_return_val_if_fail (VIGIE_IS_REMEDIATION_PAGE (self), NULL);
  return self->store;
}

VigieTimelineWidget *
vigie_remediation_page_get_timeline (VigieRemediationPage *self)
{
  return self->timeline;
}

VigieActionList *
vigie_remediation_page_get_list (VigieRemediationPage *self)
{
  return self->list;
}

GtkColumnView *
vigie_remediation_page_get_column_view (VigieRemediationPage *self)
{
  return self->column_view;
}

GtkWidget *
vigie_remediation_page_get_editor (VigieRemediationPage *self)
{
  return GTK_WIDGET (self->editor);
}

GtkLabel *
vigie_remediation_page_get_count_label (VigieRemediationPage *self)
{
  return self->count_label;
}

gint64
vigie_remediation_page_get_overdue (VigieRemediationPage *self)
{
  return self->overdue;
}

GtkWidget *
vigie_remediation_page_new (void)
{
  return g_object_new (VIGIE_TYPE_REMEDIATION_PAGE, NULL);
}

/* ─── Class ──────────────────────────────────────────────────────────────── */

static void
vigie_remediation_page_root (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (vigie_remediation_page_parent_class)->root (widget);
  update_badge (VIGIE_REMEDIATION_PAGE (widget));
}

static void
vigie_remediation_page_get_property (GObject    *object,
                                     guint       prop_id,
                                     GValue     *value,
                                     GParamSpec *pspec)
{
  VigieRemediationPage *self = VIGIE_REMEDIATION_PAGE (object);

  switch (prop_id)
    {
    case PROP_STORE: g_value_set_object (value, self->store); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vigie_remediation_page_set_property (GObject      *object,
                                     guint         prop_id,
                                     const GValue *value,
                                     GParamSpec   *pspec)
{
  VigieRemediationPage *self = VIGIE_REMEDIATION_PAGE (object);

  switch (prop_id)
    {
    case PROP_STORE: vigie_remediation_page_set_store (self, g_value_get_object (value)); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vigie_remediation_page_dispose (GObject *object)
{
  VigieRemediationPage *self = VIGIE_REMEDIATION_PAGE (object);

  flush_pending (self);
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->pending, g_ptr_array_unref);
  g_clear_pointer (&self->scope, vigie_action_query_free);
  g_clear_weak_pointer (&self->undo_toast);
  if (self->picker != NULL)
    gtk_window_destroy (GTK_WINDOW (self->picker));
  if (self->column_view != NULL)
    g_signal_handlers_disconnect_by_data (gtk_column_view_get_sorter (self->column_view), self);
  g_clear_pointer (&self->root_box, gtk_widget_unparent);
  self->column_view = NULL;
  g_clear_object (&self->selection);
  g_clear_object (&self->list);
  g_clear_object (&self->store);
  g_clear_pointer (&self->sites, g_ptr_array_unref);
  g_clear_pointer (&self->responsibles, g_ptr_array_unref);
  g_clear_pointer (&self->bulk_statuses, g_free);
  g_clear_object (&self->probe_a);
  g_clear_object (&self->probe_b);
  G_OBJECT_CLASS (vigie_remediation_page_parent_class)->dispose (object);
}

static void
vigie_remediation_page_class_init (VigieRemediationPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = vigie_remediation_page_dispose;
  object_class->get_property = vigie_remediation_page_get_property;
  object_class->set_property = vigie_remediation_page_set_property;
  widget_class->root = vigie_remediation_page_root;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, VIGIE_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_install_action (widget_class, "page.set-status", "s", set_status_activated);
  gtk_widget_class_install_action (widget_class, "page.zoom-in", NULL, zoom_activated);
  gtk_widget_class_install_action (widget_class, "page.zoom-out", NULL, zoom_activated);
  gtk_widget_class_install_action (widget_class, "page.today", NULL, scroll_activated);
  gtk_widget_class_install_action (widget_class, "page.earlier", NULL, scroll_activated);
  gtk_widget_class_install_action (widget_class, "page.later", NULL, scroll_activated);
  gtk_widget_class_install_action (widget_class, "page.new-action", NULL, new_action_activated);
  gtk_widget_class_install_action (widget_class, "page.new-action-same", NULL,
                                   new_action_same_finding_activated);
  gtk_widget_class_install_action (widget_class, "page.delete-action", NULL, delete_activated);
  gtk_widget_class_install_action (widget_class, "page.rollup", NULL, rollup_activated);
  gtk_widget_class_install_action (widget_class, "page.save", NULL, save_activated);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_plus, GDK_CONTROL_MASK,
                                       "page.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_equal, GDK_CONTROL_MASK,
                                       "page.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_minus, GDK_CONTROL_MASK,
                                       "page.zoom-out", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_t, GDK_CONTROL_MASK,
                                       "page.today", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Page_Up, GDK_ALT_MASK,
                                       "page.earlier", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Page_Down, GDK_ALT_MASK,
                                       "page.later", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK,
                                       "page.new-action", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "page.new-action-same", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Delete, 0,
                                       "page.delete-action", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK,
                                       "page.save", NULL);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
vigie_remediation_page_init (VigieRemediationPage *self)
{
  self->pending = g_ptr_array_new_with_free_func (pending_delete_unref);
  self->cancellable = g_cancellable_new ();
  build (self);
  g_signal_connect (self, "map", G_CALLBACK (page_mapped_cb), NULL);

  self->overdue = -1;
  self->selection = gtk_multi_selection_new (NULL);
  vigie_column_view_set_model_when_mapped (self->column_view,
                                           GTK_SELECTION_MODEL (self->selection));
  g_signal_connect_swapped (self->selection, "selection-changed",
                            G_CALLBACK (list_selection_changed_cb), self);

  self->probe_a = g_object_new (G_TYPE_OBJECT, NULL);
  self->probe_b = g_object_new (G_TYPE_OBJECT, NULL);
  self->sort = VIGIE_ACTION_SORT_DUE;
  self->updating = TRUE;
  gtk_column_view_sort_by_column (self->column_view, self->columns[VIGIE_ACTION_SORT_DUE],
                                  GTK_SORT_ASCENDING);
  self->updating = FALSE;
  g_signal_connect_swapped (gtk_column_view_get_sorter (self->column_view), "changed",
                            G_CALLBACK (sorter_changed_cb), self);

  sync_zoom_buttons (self);
  update_choice_filters (self);
  update_bulk_menu (self);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "page.new-action", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "page.new-action-same", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "page.delete-action", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "page.rollup", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "page.save", FALSE);
  update_count (self);
}
