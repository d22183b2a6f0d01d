/* vigie-site-cases-window.c — the investigations (with their activities and findings
 * counted) and the grievances (with their time frames kept or breached) of one site.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n.h>
#include <string.h>

#include "vigie-factories-private.h"
#include "vigie-findings-page.h"
#include "vigie-grievance.h"
#include "vigie-grievance-dialog.h"
#include "vigie-investigation.h"
#include "vigie-investigation-dialog.h"
#include "vigie-site-cases-window.h"
#include "vigie-util.h"
#include "vigie-vocab.h"

struct _VigieSiteCasesWindow
{
  AdwWindow            parent_instance;

  VigieStore          *store;
  gint64               site_id;
  GtkWindow           *main_window;        /* weak */

  AdwViewSwitcherTitle *switcher;
  AdwViewStack        *stack;
  AdwToastOverlay     *overlay;
  AdwPreferencesGroup *investigations_group;
  AdwPreferencesGroup *grievances_group;
  AdwStatusPage       *investigations_empty;
  AdwStatusPage       *grievances_empty;
  GtkStack            *investigations_stack;
  GtkStack            *grievances_stack;
  GPtrArray           *investigation_rows;
  GPtrArray           *grievance_rows;
};

G_DEFINE_FINAL_TYPE (VigieSiteCasesWindow, vigie_site_cases_window, ADW_TYPE_WINDOW)

static char *
date_range (const char *start,
            const char *end)
{
  g_autofree char *from = vigie_factories_format_date (start);
  g_autofree char *to = end != NULL ? vigie_factories_format_date (end) : NULL;

  if (to == NULL || *to == '\0')
    /* Translators: an investigation still going on, e.g. "since 3 Mar 2026" */
    return g_strdup_printf (_("since %s"), from);
  /* Translators: a date range, e.g. "3 Mar 2026 – 20 Mar 2026" */
  return g_strdup_printf (_("%1$s – %2$s"), from, to);
}

static void
row_activated_cb (AdwActionRow         *row,
                  VigieSiteCasesWindow *self)
{
  const char *view = g_object_get_data (G_OBJECT (row), "view");
  gint64 id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (row), "id"));

  vigie_site_cases_window_edit (self, view, id);
}

static AdwActionRow *
case_row_new (VigieSiteCasesWindow *self,
              const char           *view,
              gint64                id,
              const char           *title,
              const char           *subtitle)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *arrow = gtk_image_new_from_icon_name ("document-edit-symbolic");

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), arrow);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  g_object_set_data (G_OBJECT (row), "view", (gpointer) (strcmp (view, "grievances") == 0
                                                         ? "grievances" : "investigations"));
  g_object_set_data (G_OBJECT (row), "id", GSIZE_TO_POINTER ((gsize) id));
  g_signal_connect_object (row, "activated", G_CALLBACK (row_activated_cb), self, 0);
  return ADW_ACTION_ROW (row);
}

static void
clear_rows (AdwPreferencesGroup *group,
            GPtrArray           *rows)
{
  for (guint i = 0; i < rows->len; i++)
    adw_preferences_group_remove (group, g_ptr_array_index (rows, i));
  g_ptr_array_set_size (rows, 0);
}

static void
reload_investigations (VigieSiteCasesWindow *self)
{
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GError) error = NULL;

  clear_rows (self->investigations_group, self->investigation_rows);
  list = vigie_store_list_investigations (self->store, self->site_id, &error);
  if (list == NULL)
    {
      adw_toast_overlay_add_toast (self->overlay, adw_toast_new (error->message));
      return;
    }
  for (guint i = 0; i < list->len; i++)
    {
      VigieInvestigationRecord *inv = g_ptr_array_index (list, i);
      const char *trigger = vigie_vocab_label (VIGIE_VOCAB_INVESTIGATION_TRIGGER, inv->trigger);
      const char *status = vigie_vocab_label (VIGIE_VOCAB_INVESTIGATION_STATUS, inv->status);
      g_autofree char *dates = date_range (inv->start_date, inv->end_date);
      g_autofree char *activities = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d activity",
                                                                  "%d activities",
                                                                  inv->n_activities),
                                                     inv->n_activities);
      g_autofree char *findings = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d finding",
                                                                "%d findings", inv->n_findings),
                                                   inv->n_findings);
      g_autofree char *subtitle = NULL;
      AdwActionRow *row;

      /* Translators: an investigation in the list: partner · trigger · dates · status ·
       * activities · findings */
      subtitle = g_strdup_printf (_("%1$s · %2$s · %3$s · %4$s · %5$s · %6$s"),
                                  *inv->partner_name != '\0' ? inv->partner_name
                                                             : _("No monitoring partner"),
                                  trigger, dates, status, activities, findings);
      row = case_row_new (self, "investigations", inv->id,
                          *inv->title != '\0' ? inv->title : trigger, subtitle);
      adw_preferences_group_add (self->investigations_group, GTK_WIDGET (row));
      g_ptr_array_add (self->investigation_rows, row);
    }
  gtk_stack_set_visible_child_name (self->investigations_stack, list->len > 0 ? "list" : "empty");
}

static void
reload_grievances (VigieSiteCasesWindow *self)
{
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *today = vigie_today_iso ();
  guint n_breached = 0;

  clear_rows (self->grievances_group, self->grievance_rows);
  list = vigie_store_list_grievances (self->store, self->site_id, &error);
  if (list == NULL)
    {
      adw_toast_overlay_add_toast (self->overlay, adw_toast_new (error->message));
      return;
    }
  for (guint i = 0; i < list->len; i++)
    {
      VigieGrievanceRecord *g = g_ptr_array_index (list, i);
      VigieGrievanceStageStatus stages[VIGIE_GRIEVANCE_N_STAGES];
      g_autofree char *received = vigie_factories_format_date (g->received_on);
      g_autofree char *who = NULL;
      g_autofree char *title = NULL;
      GString *subtitle = g_string_new (NULL);
      gboolean breached;
      AdwActionRow *row;
      GtkWidget *icon;

      breached = vigie_grievance_check (g, today, stages);
      n_breached += breached ? 1 : 0;
      who = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d complainant", "%d complainants",
                                          (gulong) g->complainants), (int) g->complainants);
      /* Translators: a grievance: received date · channel · complainants · status */
      g_string_append_printf (subtitle, _("Received %1$s · %2$s · %3$s%4$s · %5$s"), received,
                              vigie_vocab_label (VIGIE_VOCAB_GRIEVANCE_CHANNEL, g->channel), who,
                              g->anonymous ? _(", anonymous") : "",
                              vigie_vocab_label (VIGIE_VOCAB_GRIEVANCE_STATUS, g->status));
      if (g->retaliation_reported)
        g_string_append_printf (subtitle, " · %s", _("Retaliation reported"));
      if (g->finding_id > 0)
        {
          /* Translators: the finding a grievance led to */
          g_autofree char *finding = g_strdup_printf (_("Finding: %s"), g->finding_title);

          g_string_append_printf (subtitle, "\n%s", finding);
        }
      for (guint k = 0; k < VIGIE_GRIEVANCE_N_STAGES; k++)
        {
          g_autofree char *stage = vigie_grievance_stage_title (&stages[k]);
          g_autofree char *state = vigie_grievance_stage_describe (&stages[k]);

          g_string_append_printf (subtitle, "\n%s — %s", stage, state);
        }
      title = *g->topic != '\0' ? g_strdup (g->topic)
                                /* Translators: a grievance without a topic */
                                : g_strdup_printf (_("Grievance of %s"), received);
      row = case_row_new (self, "grievances", g->id, title, subtitle->str);
      g_string_free (subtitle, TRUE);
      if (breached)
        {
          icon = gtk_image_new_from_icon_name ("dialog-warning-symbolic");
          gtk_widget_add_css_class (icon, "error");
          gtk_widget_set_tooltip_text (icon, _("A time frame was breached"));
          gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                          _("A time frame was breached"), -1);
        }
      else
        {
          icon = gtk_image_new_from_icon_name ("emblem-ok-symbolic");
          gtk_widget_add_css_class (icon, "dim-label");
          gtk_widget_set_tooltip_text (icon, _("Every time frame kept so far"));
          gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                          _("Every time frame kept so far"), -1);
        }
      adw_action_row_add_prefix (row, icon);
      adw_preferences_group_add (self->grievances_group, GTK_WIDGET (row));
      g_ptr_array_add (self->grievance_rows, row);
    }
  if (list->len > 0)
    {
      g_autofree char *total = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u grievance",
                                                             "%u grievances", list->len),
                                                list->len);
      g_autofree char *text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                            "%1$s, %2$u with a time frame breached",
                                                            "%1$s, %2$u with a time frame breached",
                                                            n_breached),
                                               total, n_breached);

      adw_preferences_group_set_description (self->grievances_group, text);
    }
  gtk_stack_set_visible_child_name (self->grievances_stack, list->len > 0 ? "list" : "empty");
}

void
vigie_site_cases_window_reload (VigieSiteCasesWindow *self)
{
  g_return_if_fail (VIGIE_IS_SITE_CASES_WINDOW (self));

  reload_investigations (self);
  reload_grievances (self);
}

static void
dialog_saved_cb (VigieSiteCasesWindow *self)
{
  vigie_site_cases_window_reload (self);
}

GtkWindow *
vigie_site_cases_window_edit (VigieSiteCasesWindow *self,
                              const char           *view,
                              gint64                id)
{
  g_autoptr(GError) error = NULL;
  GtkWindow *dialog;

  g_return_val_if_fail (VIGIE_IS_SITE_CASES_WINDOW (self), NULL);

  if (g_strcmp0 (view, "grievances") == 0)
    dialog = GTK_WINDOW (vigie_grievance_dialog_new (GTK_WINDOW (self), self->store,
                                                     self->site_id, id, &error));
  else
    dialog = GTK_WINDOW (vigie_investigation_dialog_new (GTK_WINDOW (self), self->store,
                                                         self->site_id, id, &error));
  if (dialog == NULL)
    {
      adw_toast_overlay_add_toast (self->overlay, adw_toast_new (error->message));
      return NULL;
    }
  g_signal_connect_object (dialog, "saved", G_CALLBACK (dialog_saved_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (dialog);
  return dialog;
}

static void
add_clicked_cb (VigieSiteCasesWindow *self)
{
  vigie_site_cases_window_edit (self, adw_view_stack_get_visible_child_name (self->stack), 0);
}

static void
show_site_clicked_cb (VigieSiteCasesWindow *self)
{
  if (self->main_window == NULL)
    return;
  vigie_findings_page_reveal_site (GTK_WIDGET (self->main_window), self->site_id);
  gtk_window_close (GTK_WINDOW (self));
}

static void
show_findings_clicked_cb (VigieSiteCasesWindow *self)
{
  if (self->main_window == NULL)
    return;
  vigie_findings_page_show_site (GTK_WIDGET (self->main_window), self->site_id);
  gtk_window_close (GTK_WINDOW (self));
}

VigieSiteCasesWindow *
vigie_site_cases_window_new (GtkWindow  *parent,
                             VigieStore *store,
                             gint64      site_id,
                             const char *view)
{
  VigieSiteCasesWindow *self = g_object_new (VIGIE_TYPE_SITE_CASES_WINDOW, NULL);
  g_autoptr(VigieSiteRecord) site = vigie_store_get_site (store, site_id, NULL);

  if (parent != NULL)
    {
      gtk_window_set_transient_for (GTK_WINDOW (self), parent);
      g_set_weak_pointer (&self->main_window, parent);
    }
  self->store = g_object_ref (store);
  self->site_id = site_id;
  adw_view_switcher_title_set_subtitle (self->switcher, site != NULL ? site->name : "");
  vigie_site_cases_window_reload (self);
  vigie_site_cases_window_set_view (self, view);
  return self;
}

gint64
vigie_site_cases_window_get_site_id (VigieSiteCasesWindow *self)
{
  return self->site_id;
}

void
vigie_site_cases_window_set_view (VigieSiteCasesWindow *self,
                                  const char           *view)
{
  g_return_if_fail (VIGIE_IS_SITE_CASES_WINDOW (self));
  adw_view_stack_set_visible_child_name (self->stack, g_strcmp0 (view, "grievances") == 0
                                                      ? "grievances" : "investigations");
}

guint
vigie_site_cases_window_get_n_rows (VigieSiteCasesWindow *self,
                                    const char           *view)
{
  return g_strcmp0 (view, "grievances") == 0 ? self->grievance_rows->len
                                             : self->investigation_rows->len;
}

AdwActionRow *
vigie_site_cases_window_get_row (VigieSiteCasesWindow *self,
                                 const char           *view,
                                 guint                 index)
{
  GPtrArray *rows = g_strcmp0 (view, "grievances") == 0 ? self->grievance_rows
                                                        : self->investigation_rows;

  g_return_val_if_fail (index < rows->len, NULL);
  return g_ptr_array_index (rows, index);
}

/* ─── Class ──────────────────────────────────────────────────────────────── */

static void
vigie_site_cases_window_dispose (GObject *object)
{
  VigieSiteCasesWindow *self = VIGIE_SITE_CASES_WINDOW (object);

  g_clear_weak_pointer (&self->main_window);
  g_clear_object (&self->store);
  g_clear_pointer (&self->investigation_rows, g_ptr_array_unref);
  g_clear_pointer (&self->grievance_rows, g_ptr_array_unref);
  G_OBJECT_CLASS (vigie_site_cases_window_parent_class)->dispose (object);
}

static void
vigie_site_cases_window_class_init (VigieSiteCasesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = vigie_site_cases_window_dispose;
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static GtkWidget *
view_page (VigieSiteCasesWindow  *self,
           const char            *title,
           const char            *description,
           const char            *empty_title,
           const char            *empty_text,
           const char            *icon,
           AdwPreferencesGroup  **group,
           GtkStack             **stack)
{
  GtkWidget *page = adw_preferences_page_new ();
  GtkWidget *empty = adw_status_page_new ();

  *group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  adw_preferences_group_set_title (*group, title);
  adw_preferences_group_set_description (*group, description);
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), *group);
  adw_status_page_set_icon_name (ADW_STATUS_PAGE (empty), icon);
  adw_status_page_set_title (ADW_STATUS_PAGE (empty), empty_title);
  adw_status_page_set_description (ADW_STATUS_PAGE (empty), empty_text);
  *stack = GTK_STACK (gtk_stack_new ());
  gtk_stack_add_named (*stack, page, "list");
  gtk_stack_add_named (*stack, empty, "empty");
  return GTK_WIDGET (*stack);
}

static void
vigie_site_cases_window_init (VigieSiteCasesWindow *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *switcher = adw_view_switcher_title_new ();
  GtkWidget *add = gtk_button_new_from_icon_name ("list-add-symbolic");
  GtkWidget *show_site = gtk_button_new_from_icon_name ("find-location-symbolic");
  GtkWidget *show_findings = gtk_button_new_with_mnemonic (_("_Findings"));
  GtkWidget *bar = adw_view_switcher_bar_new ();
  AdwViewStackPage *page;

  self->investigation_rows = g_ptr_array_new ();
  self->grievance_rows = g_ptr_array_new ();
  gtk_window_set_title (GTK_WINDOW (self), _("Investigations and Grievances"));
  gtk_window_set_default_size (GTK_WINDOW (self), 860, 640);
  gtk_window_set_modal (GTK_WINDOW (self), FALSE);

  self->stack = ADW_VIEW_STACK (adw_view_stack_new ());
  page = adw_view_stack_add_titled (self->stack,
                                    view_page (self, _("Investigations"),
                                               _("Each investigation by a monitoring partner, "
                                                 "with its activities and findings. Open one "
                                                 "to edit it."),
                                               _("No Investigations"),
                                               _("Record an investigation of this site with the "
                                                 "+ button."),
                                               "system-search-symbolic",
                                               &self->investigations_group,
                                               &self->investigations_stack),
                                    "investigations", _("Investigations"));
  adw_view_stack_page_set_icon_name (page, "system-search-symbolic");
  page = adw_view_stack_add_titled (self->stack,
                                    view_page (self, _("Grievances"),
                                               NULL, _("No Grievances"),
                                               _("Record a grievance received about this site "
                                                 "with the + button."),
                                               "mail-unread-symbolic",
                                               &self->grievances_group,
                                               &self->grievances_stack),
                                    "grievances", _("Grievances"));
  adw_view_stack_page_set_icon_name (page, "mail-unread-symbolic");

  adw_view_switcher_title_set_stack (ADW_VIEW_SWITCHER_TITLE (switcher), self->stack);
  adw_view_switcher_title_set_title (ADW_VIEW_SWITCHER_TITLE (switcher),
                                     _("Investigations and Grievances"));
  adw_header_bar_set_title_widget (ADW_HEADER_BAR (header), switcher);
  gtk_widget_set_tooltip_text (add, _("Add an Investigation or a Grievance"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (add), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Add an Investigation or a Grievance"), -1);
  g_signal_connect_object (add, "clicked", G_CALLBACK (add_clicked_cb), self, G_CONNECT_SWAPPED);
  adw_header_bar_pack_start (ADW_HEADER_BAR (header), add);
  gtk_widget_set_tooltip_text (show_site, _("Show the Site on the Factories Page"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (show_site), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Show the Site on the Factories Page"), -1);
  g_signal_connect_object (show_site, "clicked", G_CALLBACK (show_site_clicked_cb), self,
                           G_CONNECT_SWAPPED);
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), show_site);
  gtk_widget_set_tooltip_text (show_findings, _("Show the Findings of the Site"));
  g_signal_connect_object (show_findings, "clicked", G_CALLBACK (show_findings_clicked_cb), self,
                           G_CONNECT_SWAPPED);
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), show_findings);
  gtk_box_append (GTK_BOX (box), header);

  self->overlay = ADW_TOAST_OVERLAY (adw_toast_overlay_new ());
  gtk_widget_set_vexpand (GTK_WIDGET (self->stack), TRUE);
  adw_toast_overlay_set_child (self->overlay, GTK_WIDGET (self->stack));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->overlay));
  adw_view_switcher_bar_set_stack (ADW_VIEW_SWITCHER_BAR (bar), self->stack);
  g_object_bind_property (switcher, "title-visible", bar, "reveal", G_BINDING_SYNC_CREATE);
  gtk_box_append (GTK_BOX (box), bar);
  adw_window_set_content (ADW_WINDOW (self), box);
  self->switcher = ADW_VIEW_SWITCHER_TITLE (switcher);
}
