/* test-ui-remediation.c — the Remediation page under Xvfb: timeline and list on a demo
 * dataset, read in worker threads (the page shows its loading state and returns to the
 * main loop at once, a page built after the dataset opened loads when shown, a newer
 * filter replaces an older one still loading), the overdue badge, filters, the action
 * editor (invalid input, save, status change), bulk status change, keyboard navigation of
 * the timeline, New Action through the finding picker, delete with Undo (create → edit →
 * delete → undo → delete, checked in the store), the timeline with 10,000 actions (frame
 * times) and screenshots (remediation.png, remediation-fr.png under LANGUAGE=fr) taken
 * with no toast showing.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <string.h>

#include "ui-test-util.h"
#include "vigie-action-editor.h"
#include "vigie-application.h"
#include "vigie-demo.h"
#include "vigie-finding.h"
#include "vigie-remediation-page.h"
#include "vigie-remediation.h"
#include "vigie-window.h"

static VigieApplication *app;
static VigieWindow *window;
static VigieRemediationPage *page;
static char *tmpdir;

static void
iterate (guint ms)
{
  gint64 end = g_get_monotonic_time () + (gint64) ms * 1000;

  while (g_get_monotonic_time () < end)
    if (!g_main_context_iteration (NULL, FALSE))
      g_usleep (2000);
}

static gboolean
page_idle (gpointer data)
{
  return !vigie_remediation_page_get_busy (VIGIE_REMEDIATION_PAGE (data));
}

static GtkWidget *
find_descendant (GtkWidget *widget,
                 GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    return widget;
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL;
       c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found = find_descendant (c, type);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* TRUE while a toast is on screen (the screenshots are taken without one). */
static gboolean
toast_showing (void)
{
  GType type = g_type_from_name ("AdwToastWidget");

  return type != 0 && find_descendant (GTK_WIDGET (window), type) != NULL;
}

static void
wait_no_toast (void)
{
  gint64 end = g_get_monotonic_time () + 30 * G_USEC_PER_SEC;
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (window));

  /* A toast does not expire while it holds the focus (the window gives it the focus when
   * it is the first thing to take it): move the focus away, as a person's click would. */
  if (focus != NULL && g_type_from_name ("AdwToastWidget") != 0
      && gtk_widget_get_ancestor (focus, g_type_from_name ("AdwToastWidget")) != NULL)
    gtk_window_set_focus (GTK_WINDOW (window), NULL);
  while (toast_showing () && g_get_monotonic_time () < end)
    iterate (100);
  g_assert_false (toast_showing ());
}

static char *
make_demo (const char *name,
           guint       n_sites,
           guint       n_findings)
{
  g_autofree char *path = g_build_filename (tmpdir, name, NULL);
  g_autoptr(VigieStore) demo = NULL;
  g_autoptr(GError) error = NULL;
  VigieDemoOptions options = { .n_sites = n_sites, .n_findings = n_findings, .seed = 1,
                               .today = NULL };

  demo = vigie_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_true (vigie_demo_generate (demo, &options, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  return g_steal_pointer (&path);
}

static void
open_dataset (const char *path)
{
  if (window == NULL)
    {
      window = vigie_window_new (app);
      gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
      gtk_window_present (GTK_WINDOW (window));
    }
  g_assert_true (vigie_window_open_database (window, path));
  vigie_window_show_page (window, "remediation");
  iterate (200);
  page = VIGIE_REMEDIATION_PAGE (find_descendant (GTK_WIDGET (window),
                                                  VIGIE_TYPE_REMEDIATION_PAGE));
  g_assert_nonnull (page);
  g_assert_true (vigie_test_wait_until (page_idle, page, 60000));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
}

/* Waits for the page's loads (list, timeline, filter choices) to come in. */
static void
settle (void)
{
  g_assert_true (vigie_test_wait_until (page_idle, page, 60000));
  iterate (20);
}

static VigieStore *
store (void)
{
  return vigie_window_get_store (window);
}

static guint
n_listed (void)
{
  return g_list_model_get_n_items (G_LIST_MODEL (vigie_remediation_page_get_list (page)));
}

/* ─── Screenshots ────────────────────────────────────────────────────────── */

static void
save_screenshot (GtkWidget  *widget,
                 const char *name)
{
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (widget);
  GtkSnapshot *snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  const char *env_dir = g_getenv ("VIGIE_SCREENSHOT_DIR");

  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_free_to_node (snapshot);
  g_assert_nonnull (node);
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (gtk_widget_get_native (widget)),
                                         node, &GRAPHENE_RECT_INIT (0, 0, width, height));
  if (env_dir != NULL && *env_dir != '\0')
    dir = g_strdup (env_dir);
  else
    dir = g_build_filename (g_test_get_dir (G_TEST_BUILT), "screenshots", NULL);
  g_assert_cmpint (g_mkdir_with_parents (dir, 0755), ==, 0);
  path = g_build_filename (dir, name, NULL);
  g_assert_true (gdk_texture_save_to_png (texture, path));
  g_test_message ("screenshot: %s (%d×%d)", path, width, height);
}

static char *
screenshot_name (void)
{
  const char *language = g_getenv ("LANGUAGE");

  if (language != NULL && *language != '\0' && !g_str_has_prefix (language, "en"))
    {
      g_autofree char *code = g_strndup (language, strcspn (language, "_:.@"));

      return g_strdup_printf ("remediation-%s.png", code);
    }
  return g_strdup ("remediation.png");
}

/* ─── Tests ──────────────────────────────────────────────────────────────── */

static void
test_page (void)
{
  g_autofree char *path = make_demo ("demo.db", 200, 2000);
  VigieTimelineWidget *timeline;
  AdwViewStack *stack;
  AdwViewStackPage *stack_page;
  gint64 n_actions, overdue;
  const char *count;

  open_dataset (path);
  n_actions = vigie_store_count (store (), "remediation_actions");
  overdue = vigie_remediation_count_overdue (store (), NULL, NULL);
  g_test_message ("demo 200 sites / 2000 findings: %" G_GINT64_FORMAT " actions, %"
                  G_GINT64_FORMAT " overdue", n_actions, overdue);
  g_assert_cmpint (n_actions, >, 100);
  g_assert_cmpint (overdue, >, 0);

  /* The list and the timeline show every action. */
  g_assert_cmpuint (n_listed (), ==, (guint) n_actions);
  timeline = vigie_remediation_page_get_timeline (page);
  g_assert_cmpuint (vigie_timeline_widget_get_data (timeline)->n_spans, ==, (guint) n_actions);
  g_assert_cmpuint (vigie_timeline_widget_get_n_rows (timeline), >, (guint) n_actions);

  /* The overdue digest: the page's badge in the view switcher and the count line. */
  stack = ADW_VIEW_STACK (gtk_widget_get_ancestor (GTK_WIDGET (page), ADW_TYPE_VIEW_STACK));
  /* The stack's child is the page or a widget holding it (a page built when shown). */
  {
    GtkWidget *child = GTK_WIDGET (page);

    while ((stack_page = adw_view_stack_get_page (stack, child)) == NULL
           && gtk_widget_get_parent (child) != NULL)
      child = gtk_widget_get_parent (child);
  }
  g_assert_nonnull (stack_page);
  g_assert_cmpuint (adw_view_stack_page_get_badge_number (stack_page), ==, (guint) overdue);
  g_assert_true (adw_view_stack_page_get_needs_attention (stack_page));
  g_assert_cmpint (vigie_remediation_page_get_overdue (page), ==, overdue);
  count = gtk_label_get_label (vigie_remediation_page_get_count_label (page));
  {
    g_autofree char *n = g_strdup_printf ("%'" G_GINT64_FORMAT, overdue);

    g_assert_nonnull (strstr (count, n));
  }
}

static gboolean
widget_mapped (gpointer data)
{
  return gtk_widget_get_mapped (GTK_WIDGET (data));
}

/* The rows and spans of a page: none yet, or every action of the dataset. */
static guint
page_rows (VigieRemediationPage *p)
{
  return g_list_model_get_n_items (G_LIST_MODEL (vigie_remediation_page_get_list (p)));
}

static guint
page_spans (VigieRemediationPage *p)
{
  const VigieTimelineData *data = vigie_timeline_widget_get_data (vigie_remediation_page_get_timeline (p));

  return data != NULL ? data->n_spans : 0;
}

/* Every action is read in worker threads: giving the page a dataset, or showing it,
 * returns to the main loop at once, in the loading state; the rows and the timeline come
 * in afterwards. */
static void
test_loading (void)
{
  gint64 n_actions = vigie_store_count (store (), "remediation_actions");
  VigieRemediationPage *fresh;
  GtkWidget *other;
  g_autofree char *n_text = g_strdup_printf ("%'" G_GINT64_FORMAT, n_actions);

  /* The dataset given to the page shown: it starts at once. */
  vigie_remediation_page_set_store (page, NULL);
  vigie_remediation_page_set_store (page, store ());
  g_assert_true (vigie_remediation_page_get_busy (page));
  g_assert_cmpuint (page_rows (page), ==, 0);
  g_assert_cmpuint (page_spans (page), ==, 0);
  g_assert_cmpstr (gtk_label_get_label (vigie_remediation_page_get_count_label (page)), ==,
                   _("Loading…"));
  settle ();
  g_assert_cmpuint (page_rows (page), ==, (guint) n_actions);
  g_assert_cmpuint (page_spans (page), ==, (guint) n_actions);
  g_assert_nonnull (strstr (gtk_label_get_label (vigie_remediation_page_get_count_label (page)),
                            n_text));

  /* A page built after the dataset opened, given it before it is shown (as the window does
   * with a page it builds when first shown): it waits to be shown, reading nothing. */
  fresh = VIGIE_REMEDIATION_PAGE (vigie_remediation_page_new ());
  other = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (other), 1000, 700);
  gtk_window_set_child (GTK_WINDOW (other), GTK_WIDGET (fresh));
  vigie_remediation_page_set_store (fresh, store ());
  g_assert_true (vigie_remediation_page_get_busy (fresh));
  iterate (100);
  g_assert_true (vigie_remediation_page_get_busy (fresh));
  g_assert_cmpuint (page_rows (fresh), ==, 0);
  g_assert_cmpuint (page_spans (fresh), ==, 0);

  /* Shown: the main loop turns right after it started, before anything came in. */
  gtk_window_present (GTK_WINDOW (other));
  g_assert_true (vigie_test_wait_until (widget_mapped, fresh, 10000));
  g_assert_true (vigie_remediation_page_get_busy (fresh));
  g_assert_cmpuint (page_rows (fresh), ==, 0);
  g_assert_cmpstr (gtk_label_get_label (vigie_remediation_page_get_count_label (fresh)), ==,
                   _("Loading…"));
  g_assert_true (vigie_test_wait_until (page_idle, fresh, 60000));
  g_assert_cmpuint (page_rows (fresh), ==, (guint) n_actions);
  g_assert_cmpuint (page_spans (fresh), ==, (guint) n_actions);
  g_assert_cmpint (vigie_remediation_page_get_overdue (fresh), ==,
                   vigie_remediation_count_overdue (store (), NULL, NULL));
  gtk_window_destroy (GTK_WINDOW (other));
  iterate (50);
}

static void
test_filters (void)
{
  g_autoptr(VigieActionQuery) q = vigie_action_query_new ();
  gint64 overdue = vigie_remediation_count_overdue (store (), NULL, NULL);
  GListModel *model = G_LIST_MODEL (vigie_remediation_page_get_list (page));

  /* Two filters in quick succession: the first load is replaced, the second shows. */
  q->only_overdue = TRUE;
  vigie_remediation_page_set_filters (page, q);
  q->only_overdue = FALSE;
  q->status = g_strdup ("in_progress");
  vigie_remediation_page_set_filters (page, q);
  settle ();
  g_assert_cmpuint (n_listed (), >, 0);
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(VigieActionRow) row = g_list_model_get_item (model, i);

      g_assert_cmpstr (vigie_action_row_get_status (row), ==, "in_progress");
    }
  g_assert_cmpuint (vigie_timeline_widget_get_data (vigie_remediation_page_get_timeline (page))->n_spans,
                    ==, n_listed ());
  g_clear_pointer (&q->status, g_free);

  q->only_overdue = TRUE;
  vigie_remediation_page_set_filters (page, q);
  settle ();
  g_assert_cmpuint (n_listed (), ==, (guint) overdue);
  for (guint i = 0; i < g_list_model_get_n_items (model); i += 7)
    {
      g_autoptr(VigieActionRow) row = g_list_model_get_item (model, i);

      g_assert_cmpint (vigie_action_row_get_days_overdue (row), >, 0);
    }
  g_assert_cmpuint (vigie_timeline_widget_get_data (vigie_remediation_page_get_timeline (page))->n_spans,
                    ==, (guint) overdue);

  q->only_overdue = FALSE;
  q->status = g_strdup ("proposed");
  vigie_remediation_page_set_filters (page, q);
  settle ();
  g_assert_cmpuint (n_listed (), >, 1);
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(VigieActionRow) row = g_list_model_get_item (model, i);

      g_assert_cmpstr (vigie_action_row_get_status (row), ==, "proposed");
    }
}

static void
test_bulk (void)
{
  GtkSelectionModel *selection =
    gtk_column_view_get_model (vigie_remediation_page_get_column_view (page));
  VigieActionList *list = vigie_remediation_page_get_list (page);
  gint64 a = vigie_action_list_get_id (list, 0);
  gint64 b = vigie_action_list_get_id (list, 1);
  const char **offered;
  g_autoptr(GError) error = NULL;
  g_autoptr(VigieActionRecord) ra = NULL;
  g_autoptr(VigieActionRecord) rb = NULL;
  gboolean has_submitted = FALSE;

  /* The filter from test_filters: every action listed is proposed. */
  gtk_selection_model_select_range (selection, 0, 2, TRUE);
  iterate (50);
  offered = vigie_remediation_page_get_bulk_statuses (page);
  g_assert_nonnull (offered);
  for (guint i = 0; offered[i] != NULL; i++)
    {
      g_assert_true (vigie_remediation_transition_allowed ("proposed", offered[i]));
      has_submitted |= g_str_equal (offered[i], "plan_submitted");
    }
  g_assert_true (has_submitted);
  g_assert_false (g_strv_contains (offered, "closed"));

  g_assert_true (vigie_remediation_page_bulk_change (page, "plan_submitted", &error));
  g_assert_no_error (error);
  settle ();
  ra = vigie_store_get_action (store (), a, &error);
  rb = vigie_store_get_action (store (), b, &error);
  g_assert_cmpstr (ra->status, ==, "plan_submitted");
  g_assert_cmpstr (rb->status, ==, "plan_submitted");

  /* Back to every action. */
  {
    g_autoptr(VigieActionQuery) q = vigie_action_query_new ();

    vigie_remediation_page_set_filters (page, q);
    settle ();
  }
}

static void
test_editor (void)
{
  VigieActionEditor *editor = VIGIE_ACTION_EDITOR (vigie_remediation_page_get_editor (page));
  VigieActionList *list = vigie_remediation_page_get_list (page);
  gint64 id = vigie_action_list_get_id (list, 3);
  g_autoptr(VigieActionRecord) before = NULL;
  g_autoptr(VigieActionRecord) after = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *due = NULL;
  const char * const *next;
  guint n_history;

  g_assert_true (vigie_remediation_page_select_action (page, id));
  iterate (50);
  g_assert_cmpint (vigie_action_editor_get_action_id (editor), ==, id);
  g_assert_cmpint (vigie_timeline_widget_get_selected (vigie_remediation_page_get_timeline (page)),
                   ==, id);
  before = vigie_store_get_action (store (), id, &error);

  /* An impossible date: marked, kept, nothing written. */
  due = vigie_action_editor_get_field (editor, "due_on");
  gtk_editable_set_text (GTK_EDITABLE (due), "2026-13-45");
  g_assert_false (vigie_action_editor_save (editor, &error));
  g_clear_error (&error);
  g_assert_true (gtk_widget_has_css_class (due, "error"));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (due)), ==, "2026-13-45");
  after = vigie_store_get_action (store (), id, &error);
  g_assert_cmpstr (after->due_on, ==, before->due_on);
  g_clear_pointer (&after, vigie_action_record_free);

  /* A valid edit is saved. */
  gtk_editable_set_text (GTK_EDITABLE (due), "2027-01-31");
  gtk_editable_set_text (GTK_EDITABLE (vigie_action_editor_get_field (editor, "root_cause")),
                         "Quota-driven overtime");
  g_assert_true (vigie_action_editor_save (editor, &error));
  g_assert_no_error (error);
  g_assert_false (gtk_widget_has_css_class (due, "error"));
  after = vigie_store_get_action (store (), id, &error);
  g_assert_cmpstr (after->due_on, ==, "2027-01-31");
  g_assert_cmpstr (after->root_cause, ==, "Quota-driven overtime");

  /* A status change through the workflow adds a history row. */
  n_history = vigie_action_editor_get_n_history (editor);
  next = vigie_remediation_next_statuses (after->status);
  if (next[0] != NULL)
    {
      g_assert_true (vigie_action_editor_change_status (editor, next[0], &error));
      g_assert_no_error (error);
      g_assert_cmpuint (vigie_action_editor_get_n_history (editor), ==, n_history + 1);
      g_clear_pointer (&after, vigie_action_record_free);
      after = vigie_store_get_action (store (), id, &error);
      g_assert_cmpstr (after->status, ==, next[0]);
    }
}

static void
test_screenshot (void)
{
  g_autofree char *name = screenshot_name ();
  VigieActionList *list = vigie_remediation_page_get_list (page);
  g_autoptr(VigieActionQuery) q = vigie_action_query_new ();

  vigie_remediation_page_set_filters (page, q);
  settle ();
  /* Open an overdue action so the editor shows its state. */
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (list)); i++)
    {
      g_autoptr(VigieActionRow) row = g_list_model_get_item (G_LIST_MODEL (list), i);

      if (vigie_action_row_get_days_overdue (row) > 15 && vigie_action_row_get_days_overdue (row) < 40)
        {
          vigie_remediation_page_select_action (page, vigie_action_row_get_id (row));
          break;
        }
    }
  vigie_timeline_widget_center_on_day (vigie_remediation_page_get_timeline (page),
                                      vigie_julian_from_iso ("2026-06-15") - 20);
  wait_no_toast ();
  iterate (300);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
  iterate (200);
  save_screenshot (GTK_WIDGET (window), name);
}

/* ─── Keyboard navigation of the timeline ────────────────────────────────── */

static gboolean
press_key (GtkWidget *widget,
           guint      keyval)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);
  gboolean handled = FALSE;

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_EVENT_CONTROLLER_KEY (controller))
        g_signal_emit_by_name (controller, "key-pressed", keyval, 0, (GdkModifierType) 0,
                               &handled);
    }
  iterate (30);
  return handled;
}

static void
test_keyboard (void)
{
  VigieTimelineWidget *timeline = vigie_remediation_page_get_timeline (page);
  VigieActionEditor *editor = VIGIE_ACTION_EDITOR (vigie_remediation_page_get_editor (page));
  const VigieTimelineData *data;
  g_autoptr(VigieActionQuery) q = vigie_action_query_new ();
  gint64 first, second;
  double start;
  guint row = 0;

  vigie_remediation_page_set_filters (page, q);
  settle ();
  data = vigie_timeline_widget_get_data (timeline);
  /* The first action of the timeline (the row after the first group heading). */
  while (row < data->n_rows && data->rows[row] < 0)
    row++;
  g_assert_cmpuint (row, <, data->n_rows);
  first = data->spans[data->rows[row]].id;
  g_assert_true (vigie_remediation_page_select_action (page, first));
  gtk_widget_grab_focus (GTK_WIDGET (timeline));
  iterate (50);

  /* Down selects the next action and opens it in the editor; Up comes back. */
  g_assert_true (press_key (GTK_WIDGET (timeline), GDK_KEY_Down));
  second = vigie_timeline_widget_get_selected (timeline);
  g_assert_cmpint (second, !=, 0);
  g_assert_cmpint (second, !=, first);
  g_assert_cmpint (vigie_action_editor_get_action_id (editor), ==, second);
  g_assert_true (press_key (GTK_WIDGET (timeline), GDK_KEY_Up));
  g_assert_cmpint (vigie_timeline_widget_get_selected (timeline), ==, first);
  g_assert_cmpint (vigie_action_editor_get_action_id (editor), ==, first);

  /* Minus zooms out, plus back in. */
  vigie_timeline_widget_set_zoom (timeline, VIGIE_TIMELINE_ZOOM_MONTH);
  g_assert_true (press_key (GTK_WIDGET (timeline), GDK_KEY_minus));
  g_assert_cmpint (vigie_timeline_widget_get_view (timeline)->zoom, ==, VIGIE_TIMELINE_ZOOM_QUARTER);
  g_assert_true (press_key (GTK_WIDGET (timeline), GDK_KEY_plus));
  g_assert_cmpint (vigie_timeline_widget_get_view (timeline)->zoom, ==, VIGIE_TIMELINE_ZOOM_MONTH);

  /* Right scrolls later in time, Left earlier, Home brings today back. */
  start = vigie_timeline_widget_get_view (timeline)->start_day;
  g_assert_true (press_key (GTK_WIDGET (timeline), GDK_KEY_Right));
  g_assert_cmpfloat (vigie_timeline_widget_get_view (timeline)->start_day, >, start);
  g_assert_true (press_key (GTK_WIDGET (timeline), GDK_KEY_Left));
  g_assert_cmpfloat_with_epsilon (vigie_timeline_widget_get_view (timeline)->start_day, start, 0.01);
  g_assert_true (press_key (GTK_WIDGET (timeline), GDK_KEY_Home));
  {
    const VigieTimelineView *view = vigie_timeline_widget_get_view (timeline);
    double today = vigie_julian_from_iso ("2026-06-15");

    g_assert_cmpfloat (view->start_day, <, today);
    g_assert_cmpfloat (view->start_day + vigie_timeline_zoom_days (view->zoom), >, today);
  }
  /* A key the timeline does not use is left to others. */
  g_assert_false (press_key (GTK_WIDGET (timeline), GDK_KEY_a));
}

/* ─── New action → edit → delete → undo → delete ─────────────────────────── */

static gboolean dismissed;

static void
toast_dismissed_cb (AdwToast *toast,
                    gpointer  data)
{
  dismissed = TRUE;
}

static void
test_create_delete_undo (void)
{
  VigieActionEditor *editor = VIGIE_ACTION_EDITOR (vigie_remediation_page_get_editor (page));
  g_autoptr(GError) error = NULL;
  g_autoptr(VigieActionRecord) record = NULL;
  g_autoptr(VigieFindingRecord) finding = NULL;
  g_autoptr(VigieActionQuery) q = vigie_action_query_new ();
  g_autofree char *plan_due = NULL;
  g_autofree char *due = NULL;
  g_autofree char *title_part = NULL;
  VigieDeadlines deadlines;
  GtkWindow *picker;
  gint64 before = vigie_store_count (store (), "remediation_actions");
  gint64 finding_id, id;
  guint n_all;
  AdwToast *toast;

  vigie_remediation_page_set_filters (page, q);
  settle ();
  n_all = n_listed ();

  /* New Action opens the picker; the search narrows it (SQL, at most 100 rows). */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "page.new-action", NULL));
  iterate (100);
  picker = vigie_remediation_page_open_finding_picker (page);
  g_assert_nonnull (picker);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (picker)));
  gtk_drop_down_set_selected (vigie_remediation_page_get_picker_site (page), 0);
  iterate (50);
  g_assert_cmpuint (vigie_remediation_page_get_picker_n_results (page), ==, 100);
  finding_id = vigie_remediation_page_get_picker_result (page, 0);
  finding = vigie_store_get_finding (store (), finding_id, &error);
  g_assert_no_error (error);
  /* A part of its title finds it again. */
  title_part = g_utf8_substring (finding->title, 0, MIN (g_utf8_strlen (finding->title, -1), 12));
  g_strstrip (title_part);  /* as the search does */
  gtk_editable_set_text (vigie_remediation_page_get_picker_search (page), title_part);
  iterate (400);
  {
    g_autoptr(GPtrArray) direct = vigie_action_list_search_findings (store (), 0, title_part,
                                                                    100, NULL);

    g_assert_cmpuint (vigie_remediation_page_get_picker_n_results (page), ==, direct->len);
  }
  g_assert_cmpuint (vigie_remediation_page_get_picker_n_results (page), >=, 1);
  g_assert_cmpuint (vigie_remediation_page_get_picker_n_results (page), <=, 100);
  {
    gboolean found = FALSE;

    for (guint i = 0; i < vigie_remediation_page_get_picker_n_results (page); i++)
      {
        g_autoptr(VigieFindingRecord) f =
          vigie_store_get_finding (store (), vigie_remediation_page_get_picker_result (page, i),
                                   NULL);

        g_autofree char *title = g_ascii_strdown (f->title, -1);
        g_autofree char *part = g_ascii_strdown (title_part, -1);

        /* LIKE ignores ASCII case. */
        g_assert_nonnull (strstr (title, part));
        found |= f->id == finding_id;
      }
    g_assert_true (found);
  }
  gtk_editable_set_text (vigie_remediation_page_get_picker_search (page), "zzzz no such finding");
  iterate (400);
  g_assert_cmpuint (vigie_remediation_page_get_picker_n_results (page), ==, 0);

  /* Picking it: the editor holds a new action with the deadlines of its severity. */
  g_assert_true (vigie_remediation_page_pick_finding (page, finding_id));
  iterate (100);
  g_assert_null (vigie_remediation_page_get_picker_search (page));
  g_assert_cmpint (vigie_action_editor_get_action_id (editor), ==, 0);
  g_assert_cmpint (vigie_action_editor_get_finding_id (editor), ==, finding_id);
  vigie_deadlines_init_defaults (&deadlines);
  g_assert_true (vigie_deadlines_compute (&deadlines, finding->severity, "2026-06-15",
                                          &plan_due, &due));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (vigie_action_editor_get_field (editor, "due_on"))),
                   ==, due != NULL ? due : "");

  /* Create. */
  gtk_editable_set_text (GTK_EDITABLE (vigie_action_editor_get_field (editor, "description")),
                         "Install local exhaust ventilation at the spray booth");
  g_assert_true (vigie_action_editor_save (editor, &error));
  g_assert_no_error (error);
  settle ();
  id = vigie_action_editor_get_action_id (editor);
  g_assert_cmpint (id, >, 0);
  g_assert_cmpint (vigie_store_count (store (), "remediation_actions"), ==, before + 1);
  g_assert_cmpuint (n_listed (), ==, n_all + 1);
  record = vigie_store_get_action (store (), id, &error);
  g_assert_cmpint (record->finding_id, ==, finding_id);
  g_assert_cmpstr (record->due_on, ==, due);
  g_clear_pointer (&record, vigie_action_record_free);

  /* Edit. */
  gtk_editable_set_text (GTK_EDITABLE (vigie_action_editor_get_field (editor, "root_cause")),
                         "No extraction at the booth");
  g_assert_true (vigie_action_editor_save (editor, &error));
  record = vigie_store_get_action (store (), id, &error);
  g_assert_cmpstr (record->root_cause, ==, "No extraction at the booth");
  g_clear_pointer (&record, vigie_action_record_free);

  /* Delete: hidden at once, still in the store. */
  g_assert_true (vigie_remediation_page_select_action (page, id));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "page.delete-action", NULL));
  /* Out of the list at once; the timeline follows when its spans are read again. */
  g_assert_cmpuint (n_listed (), ==, n_all);
  g_assert_cmpuint (vigie_action_list_find_position (vigie_remediation_page_get_list (page), id),
                    ==, G_MAXUINT);
  settle ();
  toast = vigie_remediation_page_get_undo_toast (page);
  g_assert_nonnull (toast);
  g_assert_nonnull (strstr (adw_toast_get_title (toast), "Install local exhaust"));
  g_assert_cmpuint (n_listed (), ==, n_all);
  g_assert_cmpuint (vigie_timeline_widget_get_data (vigie_remediation_page_get_timeline (page))->n_spans,
                    ==, n_all);
  g_assert_cmpint (vigie_action_editor_get_action_id (editor), ==, 0);
  g_assert_cmpint (vigie_store_count (store (), "remediation_actions"), ==, before + 1);

  /* Undo: back in the list, selected, and nothing was lost. */
  g_signal_emit_by_name (toast, "button-clicked");
  g_assert_cmpint (vigie_action_editor_get_action_id (editor), ==, id);
  settle ();
  g_assert_cmpuint (n_listed (), ==, n_all + 1);
  g_assert_cmpint (vigie_action_editor_get_action_id (editor), ==, id);
  {
    GtkSelectionModel *selection =
      gtk_column_view_get_model (vigie_remediation_page_get_column_view (page));
    guint position = vigie_action_list_find_position (vigie_remediation_page_get_list (page), id);

    g_assert_cmpuint (position, !=, G_MAXUINT);
    g_assert_true (gtk_selection_model_is_selected (selection, position));
  }
  g_assert_cmpuint (vigie_timeline_widget_get_data (vigie_remediation_page_get_timeline (page))->n_spans,
                    ==, n_all + 1);
  record = vigie_store_get_action (store (), id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (record->root_cause, ==, "No extraction at the booth");
  g_clear_pointer (&record, vigie_action_record_free);

  /* Delete again and let the toast go away by itself: now it is gone from the store. */
  g_assert_true (vigie_remediation_page_delete_action (page, id));
  toast = vigie_remediation_page_get_undo_toast (page);
  g_assert_nonnull (toast);
  dismissed = FALSE;
  g_signal_connect (toast, "dismissed", G_CALLBACK (toast_dismissed_cb), NULL);
  {
    gint64 end = g_get_monotonic_time () + 40 * G_USEC_PER_SEC;

    while (!dismissed && g_get_monotonic_time () < end)
      iterate (100);
  }
  g_assert_true (dismissed);
  iterate (100);
  settle ();
  g_assert_cmpint (vigie_store_count (store (), "remediation_actions"), ==, before);
  g_assert_null (vigie_store_get_action (store (), id, NULL));
  g_assert_cmpuint (n_listed (), ==, n_all);
}

/* Draws the timeline the way a frame does (snapshot → render node → texture) and returns
 * the time it took in milliseconds. */
static double
frame (VigieTimelineWidget *timeline)
{
  int width = gtk_widget_get_width (GTK_WIDGET (timeline));
  int height = gtk_widget_get_height (GTK_WIDGET (timeline));
  GtkSnapshot *snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  gint64 start = g_get_monotonic_time ();

  /* The widget's own snapshot() (what a frame calls), then GSK turns it into pixels. */
  GTK_WIDGET_GET_CLASS (timeline)->snapshot (GTK_WIDGET (timeline), snapshot);
  node = gtk_snapshot_free_to_node (snapshot);
  g_assert_nonnull (node);
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (gtk_widget_get_native (GTK_WIDGET (timeline))),
                                         node, &GRAPHENE_RECT_INIT (0, 0, width, height));
  return (g_get_monotonic_time () - start) / 1000.0;
}

static int
compare_double (gconstpointer a,
                gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

static void
test_10k (void)
{
  g_autofree char *path = make_demo ("big.db", 200, 14000);
  VigieTimelineWidget *timeline;
  g_autoptr(GArray) times = g_array_new (FALSE, FALSE, sizeof (double));
  gint64 n_actions, start;
  double load_ms, total = 0;
  guint n_rows;

  /* A fresh window: this measures a first open, not a dataset switch. */
  gtk_window_destroy (GTK_WINDOW (window));
  window = NULL;
  iterate (100);
  start = g_get_monotonic_time ();
  open_dataset (path);
  load_ms = (g_get_monotonic_time () - start) / 1000.0;
  n_actions = vigie_store_count (store (), "remediation_actions");
  timeline = vigie_remediation_page_get_timeline (page);
  n_rows = vigie_timeline_widget_get_n_rows (timeline);
  for (guint i = 0; i < 100 && gtk_widget_get_height (GTK_WIDGET (timeline)) <= 0; i++)
    iterate (50);
  g_test_message ("timeline %d×%d px", gtk_widget_get_width (GTK_WIDGET (timeline)),
                  gtk_widget_get_height (GTK_WIDGET (timeline)));
  g_assert_cmpint (gtk_widget_get_height (GTK_WIDGET (timeline)), >, 0);
  g_assert_cmpint (n_actions, >=, 10000);
  g_assert_cmpuint (vigie_timeline_widget_get_data (timeline)->n_spans, ==, (guint) n_actions);
  g_assert_cmpuint (n_listed (), ==, (guint) n_actions);

  /* Scroll down the rows in 200 steps, then zoom and scroll in time. */
  for (guint i = 0; i < 200; i++)
    {
      double ms;

      vigie_timeline_widget_scroll_to_row (timeline, (double) i * (n_rows / 200.0));
      ms = frame (timeline);
      g_array_append_val (times, ms);
    }
  for (guint i = 0; i < 60; i++)
    {
      double ms;

      vigie_timeline_widget_set_zoom (timeline, (VigieTimelineZoom) (i % VIGIE_TIMELINE_N_ZOOMS));
      vigie_timeline_widget_scroll_days (timeline, i % 2 ? 45 : -30);
      ms = frame (timeline);
      g_array_append_val (times, ms);
    }
  g_assert_cmpfloat (vigie_timeline_widget_get_view (timeline)->first_row, >, 0);
  for (guint i = 0; i < times->len; i++)
    total += g_array_index (times, double, i);
  g_array_sort (times, compare_double);
  g_test_message ("10k bench: %" G_GINT64_FORMAT " actions, %u timeline rows; page load %.0f ms; "
                  "%u frames: mean %.2f ms, median %.2f ms, 95th %.2f ms, max %.2f ms",
                  n_actions, n_rows, load_ms, times->len, total / times->len,
                  g_array_index (times, double, times->len / 2),
                  g_array_index (times, double, times->len * 95 / 100),
                  g_array_index (times, double, times->len - 1));
  g_print ("# 10k bench: %" G_GINT64_FORMAT " actions, %u rows; page load %.0f ms; frames: "
           "mean %.2f ms, median %.2f, p95 %.2f, max %.2f\n", n_actions, n_rows, load_ms,
           total / times->len, g_array_index (times, double, times->len / 2),
           g_array_index (times, double, times->len * 95 / 100),
           g_array_index (times, double, times->len - 1));
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *data_home = NULL;
  const char *localedir = g_getenv ("VIGIE_LOCALEDIR");
  int status;

  if (g_getenv ("DISPLAY") == NULL && g_getenv ("WAYLAND_DISPLAY") == NULL)
    {
      g_printerr ("No display: skipped (run under xvfb-run)\n");
      return 77;
    }

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, localedir != NULL ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  tmpdir = g_dir_make_tmp ("vigie-ui-remediation-XXXXXX", &error);
  g_assert_no_error (error);
  data_home = g_build_filename (tmpdir, "data-home", NULL);
  g_setenv ("XDG_DATA_HOME", data_home, TRUE);

  g_test_init (&argc, &argv, NULL);

  app = vigie_application_new ("io.github.vigie.Vigie.TestRemediation", G_APPLICATION_NON_UNIQUE);
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, &error));
  g_assert_no_error (error);

  g_test_add_func ("/ui/remediation/page", test_page);
  g_test_add_func ("/ui/remediation/loading", test_loading);
  g_test_add_func ("/ui/remediation/screenshot", test_screenshot);
  g_test_add_func ("/ui/remediation/filters", test_filters);
  g_test_add_func ("/ui/remediation/bulk", test_bulk);
  g_test_add_func ("/ui/remediation/editor", test_editor);
  g_test_add_func ("/ui/remediation/keyboard", test_keyboard);
  g_test_add_func ("/ui/remediation/create-delete-undo", test_create_delete_undo);
  g_test_add_func ("/ui/remediation/10k", test_10k);

  status = g_test_run ();

  if (window != NULL)
    gtk_window_destroy (GTK_WINDOW (window));
  g_clear_object (&app);
  return status;
}
