/* test-ui-findings.c — the Findings page under Xvfb on the demo dataset: the list and its
 * count, search and filters, the editor (invalid input keeps the text and shows the
 * reason; save; change status with its audit entry), evidence attached and previewed
 * through the separate renderer (a good PDF draws, a damaged one shows an error), the
 * link from a site to its findings, testimony under a pseudonym, an investigation with an
 * activity (invalid numbers marked, text kept), a grievance whose time frames are
 * breached, a finding and a piece of evidence deleted then restored with Undo, and
 * screenshots: findings.png, finding-editor.png, evidence-preview.png, investigations.png,
 * grievances.png (with a -fr suffix under LANGUAGE=fr) in $VIGIE_SCREENSHOT_DIR.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n.h>
#include <string.h>

#include "ui-test-util.h"
#include "vigie-application.h"
#include "vigie-demo.h"
#include "vigie-evidence.h"
#include "vigie-evidence-preview.h"
#include "vigie-finding-editor.h"
#include "vigie-findings-page.h"
#include "vigie-grievance-dialog.h"
#include "vigie-investigation.h"
#include "vigie-investigation-dialog.h"
#include "vigie-site-cases-window.h"
#include "vigie-testimony-dialog.h"
#include "vigie-vocab.h"
#include "vigie-window.h"

static VigieApplication *app;
static VigieWindow *window;
static VigieFindingsPage *page;
static char *tmpdir;
static char *demo_path;

static gboolean
page_idle (gpointer data)
{
  return !vigie_findings_page_get_busy (page);
}

static void
settle (void)
{
  vigie_test_settle (page_idle, NULL, 15000);
}

static guint
n_shown (void)
{
  return g_list_model_get_n_items (G_LIST_MODEL (vigie_findings_page_get_list (page)));
}

static VigieStore *
store (void)
{
  return vigie_window_get_store (window);
}

static void
set_filter (const char *name,
            guint       index)
{
  gtk_drop_down_set_selected (vigie_findings_page_get_filter (page, name), index);
  settle ();
}

static gint64
count_sql (const char *sql)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_strdup (vigie_store_get_path (store ()));
  g_autofree char *cmd = NULL;
  g_autofree char *out = NULL;
  int status = 0;

  cmd = g_strdup_printf ("sqlite3 -readonly '%s' \"%s\"", path, sql);
  g_assert_true (g_spawn_command_line_sync (cmd, &out, NULL, &status, &error));
  g_assert_no_error (error);
  return g_ascii_strtoll (out, NULL, 10);
}

/* A one-page PDF with a line of text (xref offsets computed). */
static char *
write_pdf (const char *name,
           const char *text)
{
  g_autofree char *stream = g_strdup_printf ("BT /F1 20 Tf 40 700 Td (%s) Tj ET", text);
  const char *objects[] = {
    "<< /Type /Catalog /Pages 2 0 R >>",
    "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
    "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
    "/Resources << /Font << /F1 5 0 R >> >> >>",
    NULL,
    "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
  };
  GString *pdf = g_string_new ("%PDF-1.4\n");
  gsize offsets[5], xref;
  char *path = g_build_filename (tmpdir, name, NULL);

  for (guint i = 0; i < 5; i++)
    {
      offsets[i] = pdf->len;
      if (objects[i] != NULL)
        g_string_append_printf (pdf, "%u 0 obj\n%s\nendobj\n", i + 1, objects[i]);
      else
        g_string_append_printf (pdf, "%u 0 obj\n<< /Length %zu >>\nstream\n%s\nendstream\n"
                                     "endobj\n", i + 1, strlen (stream), stream);
    }
  xref = pdf->len;
  g_string_append (pdf, "xref\n0 6\n0000000000 65535 f \n");
  for (guint i = 0; i < 5; i++)
    g_string_append_printf (pdf, "%010zu 00000 n \n", offsets[i]);
  g_string_append_printf (pdf, "trailer\n<< /Size 6 /Root 1 0 R >>\nstartxref\n%zu\n%%%%EOF\n",
                          xref);
  g_assert_true (g_file_set_contents (path, pdf->str, (gssize) pdf->len, NULL));
  g_string_free (pdf, TRUE);
  return path;
}

static gboolean
preview_ready (gpointer data)
{
  return vigie_evidence_preview_is_ready (VIGIE_EVIDENCE_PREVIEW (data));
}

/* ─── Tests ──────────────────────────────────────────────────────────────── */

static void
test_list_and_filters (void)
{
  GtkWidget *child;
  guint all;

  window = vigie_test_open_window (app, demo_path, "findings");
  child = vigie_test_find_descendant (GTK_WIDGET (window), VIGIE_TYPE_FINDINGS_PAGE);
  g_assert_true (VIGIE_IS_FINDINGS_PAGE (child));
  page = VIGIE_FINDINGS_PAGE (child);
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (page)));
  settle ();

  all = n_shown ();
  g_assert_cmpint (all, ==, vigie_store_count (store (), "findings"));
  g_assert_cmpint (all, ==, 2000);

  /* Severity "critical" (index 1 after "All"): the count the database gives. */
  set_filter ("severity", 1);
  g_assert_cmpint (n_shown (), ==, count_sql ("SELECT count(*) FROM findings "
                                              "WHERE severity = 'critical'"));
  set_filter ("status", 1);
  g_assert_cmpint (n_shown (), ==, count_sql ("SELECT count(*) FROM findings WHERE severity "
                                              "= 'critical' AND status = 'open'"));
  set_filter ("severity", 0);
  set_filter ("status", 0);
  g_assert_cmpint (n_shown (), ==, all);

  /* A word of the first title (the demo data is written in the UI language). */
  {
    g_autoptr(VigieFindingRow) first = g_list_model_get_item (G_LIST_MODEL (vigie_findings_page_get_list (page)), 0);
    g_auto(GStrv) words = g_strsplit_set (vigie_finding_row_get_title (first), " ,.:;'’()", -1);
    const char *word = NULL;

    for (guint i = 0; words[i] != NULL && word == NULL; i++)
      if (g_utf8_strlen (words[i], -1) >= 6)
        word = words[i];
    g_assert_nonnull (word);
    gtk_editable_set_text (vigie_findings_page_get_search_entry (page), word);
  }
  vigie_test_iterate (400);
  settle ();
  g_assert_cmpint (n_shown (), >, 0);
  g_assert_cmpint (n_shown (), <, all);
  gtk_editable_set_text (vigie_findings_page_get_search_entry (page), "");
  vigie_test_iterate (400);
  settle ();
  g_assert_cmpint (n_shown (), ==, all);

  /* From a site to its findings. */
  g_assert_true (vigie_findings_page_show_site (GTK_WIDGET (page), 1));
  settle ();
  g_assert_cmpint (n_shown (), ==, count_sql ("SELECT count(*) FROM findings WHERE site_id = 1"));
  vigie_findings_page_filter_site (page, 0);
  settle ();

  g_assert_true (vigie_findings_page_select_finding (page, vigie_finding_list_get_id (vigie_findings_page_get_list (page), 1)));
  vigie_test_iterate (300);
  {
    GPtrArray *hidden = vigie_test_hide_toasts (GTK_WIDGET (window));

    vigie_test_save_localised_screenshot (GTK_WIDGET (window), "findings", 200);
    g_assert_true (vigie_test_no_toast (window));
    vigie_test_show_toasts (hidden);
  }
}

static void
test_edit (void)
{
  VigieFindingEditor *editor = VIGIE_FINDING_EDITOR (vigie_findings_page_get_editor (page));
  GtkWidget *title_row = vigie_finding_editor_get_title_row (editor);
  g_autoptr(GError) error = NULL;
  g_autoptr(VigieFindingRecord) record = NULL;
  g_autoptr(GPtrArray) audit = NULL;
  gint64 id = vigie_finding_editor_get_id (editor);
  g_autofree char *status_before = NULL;

  g_assert_cmpint (id, >, 0);
  record = vigie_store_get_finding (store (), id, &error);
  status_before = g_strdup (record->status);

  /* An empty title is refused: the field says why, and nothing is written. */
  gtk_editable_set_text (GTK_EDITABLE (title_row), "   ");
  g_assert_false (vigie_finding_editor_save (editor, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  g_assert_true (gtk_widget_has_css_class (title_row, "error"));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (title_row)), ==, "   ");

  gtk_editable_set_text (GTK_EDITABLE (title_row), "Passports held by the dormitory guard");
  g_assert_true (vigie_finding_editor_save (editor, &error));
  g_assert_no_error (error);
  g_assert_false (gtk_widget_has_css_class (title_row, "error"));
  g_clear_pointer (&record, vigie_finding_record_free);
  record = vigie_store_get_finding (store (), id, &error);
  g_assert_cmpstr (record->title, ==, "Passports held by the dormitory guard");

  /* Ctrl+T: the next status, saved and audited. */
  gtk_widget_activate_action (GTK_WIDGET (page), "findings.status", NULL);
  vigie_test_iterate (100);
  g_clear_pointer (&record, vigie_finding_record_free);
  record = vigie_store_get_finding (store (), id, &error);
  g_assert_cmpstr (record->status, !=, status_before);
  audit = vigie_store_list_audit (store (), "findings", id, &error);
  g_assert_cmpuint (audit->len, >=, 2);

  /* Alt+Down moves to the next finding. */
  gtk_widget_activate_action (GTK_WIDGET (page), "findings.next", NULL);
  vigie_test_iterate (200);
  g_assert_cmpint (vigie_finding_editor_get_id (editor), !=, id);
  gtk_widget_activate_action (GTK_WIDGET (page), "findings.previous", NULL);
  vigie_test_iterate (200);
  g_assert_cmpint (vigie_finding_editor_get_id (editor), ==, id);
  {
    GPtrArray *hidden = vigie_test_hide_toasts (GTK_WIDGET (window));

    vigie_test_save_localised_screenshot (GTK_WIDGET (window), "finding-editor", 200);
    vigie_test_show_toasts (hidden);
  }
}

static void
test_evidence (void)
{
  VigieFindingEditor *editor = VIGIE_FINDING_EDITOR (vigie_findings_page_get_editor (page));
  g_autofree char *good = write_pdf ("payslip-march.pdf", "Payslip March: overtime unpaid");
  g_autofree char *bad = g_build_filename (tmpdir, "damaged.pdf", NULL);
  g_autoptr(GError) error = NULL;
  GtkWindow *preview;

  g_assert_true (vigie_finding_editor_attach_path (editor, good, "payslip", &error));
  g_assert_no_error (error);
  preview = vigie_finding_editor_preview_first_pdf (editor);
  g_assert_nonnull (preview);
  gtk_window_set_default_size (preview, 1100, 760);
  gtk_window_present (preview);
  g_assert_true (vigie_test_wait_until (preview_ready, preview, 20000));
  g_assert_null (vigie_evidence_preview_get_error (VIGIE_EVIDENCE_PREVIEW (preview)));
  vigie_test_iterate (300);
  vigie_test_save_localised_screenshot (GTK_WIDGET (preview), "evidence-preview", 200);
  gtk_window_destroy (preview);

  /* A damaged PDF: an error in the window, Vigie still running. */
  g_assert_true (g_file_set_contents (bad, "%PDF-1.7\n1 0 obj << /Type /Catalog", -1, NULL));
  preview = GTK_WINDOW (vigie_evidence_preview_new (GTK_WINDOW (window), bad, "damaged", TRUE));
  gtk_window_present (preview);
  g_assert_true (vigie_test_wait_until (preview_ready, preview, 20000));
  g_assert_nonnull (vigie_evidence_preview_get_error (VIGIE_EVIDENCE_PREVIEW (preview)));
  gtk_window_destroy (preview);
}

static gboolean
evidence_exists (gint64 id)
{
  g_autoptr(VigieEvidenceRecord) ev = vigie_store_get_evidence (store (), id, NULL);

  return ev != NULL;
}

static gboolean
finding_exists (gint64 id)
{
  g_autoptr(VigieFindingRecord) f = vigie_store_get_finding (store (), id, NULL);

  return f != NULL;
}

static gboolean
window_gone (gpointer data)
{
  return *(GtkWindow **) data == NULL;
}

static void
test_testimony (void)
{
  VigieFindingEditor *editor = VIGIE_FINDING_EDITOR (vigie_findings_page_get_editor (page));
  gint64 finding = vigie_finding_editor_get_id (editor);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) evidence = NULL;
  VigieTestimonyDialog *dialog;
  GtkWidget *pseudonym;
  VigieEvidenceRecord *found = NULL;
  guint rows_before = vigie_finding_editor_get_n_evidence_rows (editor);
  gboolean row_found = FALSE;

  g_assert_cmpint (finding, >, 0);
  dialog = VIGIE_TESTIMONY_DIALOG (vigie_finding_editor_edit_testimony (editor, 0));
  g_assert_nonnull (dialog);
  /* The form asks for a pseudonym, never a name. */
  g_assert_null (vigie_testimony_dialog_get_field (dialog, "name"));
  pseudonym = vigie_testimony_dialog_get_field (dialog, "pseudonym");
  g_assert_nonnull (pseudonym);
  gtk_editable_set_text (GTK_EDITABLE (vigie_testimony_dialog_get_field (dialog, "summary")),
                         "Recruitment fee of three months’ wages");
  gtk_editable_set_text (GTK_EDITABLE (vigie_testimony_dialog_get_field (dialog, "collected_on")),
                         "2026-05-02");
  g_assert_false (vigie_testimony_dialog_save (dialog, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  g_assert_true (gtk_widget_has_css_class (pseudonym, "error"));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (vigie_testimony_dialog_get_field (dialog, "collected_on"))),
                   ==, "2026-05-02");
  gtk_editable_set_text (GTK_EDITABLE (pseudonym), "Worker K-12");
  gtk_switch_set_active (GTK_SWITCH (vigie_testimony_dialog_get_field (dialog, "consent_to_quote")),
                         TRUE);
  g_assert_true (gtk_switch_get_active (GTK_SWITCH (vigie_testimony_dialog_get_field (dialog, "confidential"))));
  g_assert_true (vigie_testimony_dialog_save (dialog, &error));
  g_assert_no_error (error);
  g_assert_false (gtk_widget_has_css_class (pseudonym, "error"));
  gtk_window_destroy (GTK_WINDOW (dialog));

  evidence = vigie_store_list_evidence (store (), finding, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < evidence->len; i++)
    if (g_strcmp0 (((VigieEvidenceRecord *) g_ptr_array_index (evidence, i))->pseudonym,
                   "Worker K-12") == 0)
      found = g_ptr_array_index (evidence, i);
  g_assert_nonnull (found);
  g_assert_cmpstr (found->kind, ==, "testimony");
  g_assert_true (found->consent_to_quote);
  g_assert_true (found->confidential);
  g_assert_cmpstr (found->collected_on, ==, "2026-05-02");

  /* The row says it is a pseudonym, and that it is confidential, in words. */
  g_assert_cmpuint (vigie_finding_editor_get_n_evidence_rows (editor), ==, rows_before + 1);
  for (guint i = 0; i < vigie_finding_editor_get_n_evidence_rows (editor); i++)
    {
      AdwActionRow *row = vigie_finding_editor_get_evidence_row (editor, i);
      const char *title = adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row));
      const char *subtitle = adw_action_row_get_subtitle (row);

      if (strstr (title, "Worker K-12") == NULL)
        continue;
      row_found = TRUE;
      g_assert_nonnull (strstr (subtitle, _("Under a pseudonym, never a real name")));
      g_assert_nonnull (strstr (subtitle, _("Confidential")));
      g_assert_nonnull (strstr (subtitle, _("may be quoted")));
    }
  g_assert_true (row_found);
}

static void
test_investigation (void)
{
  VigieFindingEditor *editor = VIGIE_FINDING_EDITOR (vigie_findings_page_get_editor (page));
  gint64 site = vigie_finding_editor_get_site_id (editor);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) investigations = NULL;
  g_autoptr(GPtrArray) activities = NULL;
  g_autofree char *sql = NULL;
  VigieSiteCasesWindow *cases;
  VigieInvestigationDialog *dialog;
  VigieActivityRecord *activity;
  GtkWidget *women;
  guint rows_before, index;
  gint64 id;

  g_assert_cmpint (site, >, 0);
  cases = VIGIE_SITE_CASES_WINDOW (vigie_findings_page_open_cases (page, "investigations"));
  g_assert_nonnull (cases);
  g_assert_cmpint (vigie_site_cases_window_get_site_id (cases), ==, site);
  sql = g_strdup_printf ("SELECT count(*) FROM investigations WHERE site_id = %" G_GINT64_FORMAT,
                         site);
  rows_before = vigie_site_cases_window_get_n_rows (cases, "investigations");
  g_assert_cmpint (rows_before, ==, count_sql (sql));

  dialog = VIGIE_INVESTIGATION_DIALOG (vigie_site_cases_window_edit (cases, "investigations", 0));
  g_assert_nonnull (dialog);
  gtk_editable_set_text (GTK_EDITABLE (vigie_investigation_dialog_get_field (dialog, "title")),
                         "Follow-up on recruitment fees");
  gtk_editable_set_text (GTK_EDITABLE (vigie_investigation_dialog_get_field (dialog, "start_date")),
                         "2026-05-01");
  index = vigie_investigation_dialog_add_activity (dialog);
  gtk_editable_set_text (GTK_EDITABLE (vigie_investigation_dialog_get_activity_field (dialog, index, "start_date")),
                         "2026-05-03");
  gtk_editable_set_text (GTK_EDITABLE (vigie_investigation_dialog_get_activity_field (dialog, index, "participants_total")),
                         "40");
  women = vigie_investigation_dialog_get_activity_field (dialog, index, "participants_women");
  gtk_editable_set_text (GTK_EDITABLE (women), "52");
  gtk_editable_set_text (GTK_EDITABLE (vigie_investigation_dialog_get_activity_field (dialog, index, "participants_migrant")),
                         "many");

  /* More women than participants, and a word for a number: both marked, nothing saved. */
  g_assert_false (vigie_investigation_dialog_save (dialog, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  g_assert_true (gtk_widget_has_css_class (vigie_investigation_dialog_get_activity_field (dialog, index, "participants_migrant"),
                                           "error"));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (vigie_investigation_dialog_get_activity_field (dialog, index, "participants_migrant"))),
                   ==, "many");
  g_assert_cmpint (count_sql (sql), ==, rows_before);
  gtk_editable_set_text (GTK_EDITABLE (vigie_investigation_dialog_get_activity_field (dialog, index, "participants_migrant")),
                         "30");
  g_assert_false (vigie_investigation_dialog_save (dialog, &error));
  g_clear_error (&error);
  g_assert_true (gtk_widget_has_css_class (women, "error"));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (women)), ==, "52");
  g_assert_cmpint (count_sql (sql), ==, rows_before);

  gtk_editable_set_text (GTK_EDITABLE (women), "25");
  g_assert_true (vigie_investigation_dialog_save (dialog, &error));
  g_assert_no_error (error);
  g_assert_false (gtk_widget_has_css_class (women, "error"));
  id = vigie_investigation_dialog_get_id (dialog);
  g_assert_cmpint (id, >, 0);
  gtk_window_destroy (GTK_WINDOW (dialog));

  investigations = vigie_store_list_investigations (store (), site, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (investigations->len, ==, rows_before + 1);
  activities = vigie_store_list_activities (store (), id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (activities->len, ==, 1);
  activity = g_ptr_array_index (activities, 0);
  g_assert_cmpint (activity->participants_total, ==, 40);
  g_assert_cmpint (activity->participants_women, ==, 25);
  g_assert_cmpint (activity->participants_migrant, ==, 30);
  g_assert_cmpstr (activity->start_date, ==, "2026-05-03");
  g_assert_cmpuint (vigie_site_cases_window_get_n_rows (cases, "investigations"), ==,
                    rows_before + 1);

  gtk_window_set_default_size (GTK_WINDOW (cases), 1000, 720);
  vigie_test_save_localised_screenshot (GTK_WIDGET (cases), "investigations", 200);
}

static void
test_grievance (void)
{
  VigieSiteCasesWindow *cases = VIGIE_SITE_CASES_WINDOW (vigie_findings_page_open_cases (page, "grievances"));
  g_autoptr(GError) error = NULL;
  g_autoptr(VigieGrievanceRecord) record = NULL;
  VigieGrievanceStageStatus stages[VIGIE_GRIEVANCE_N_STAGES];
  VigieGrievanceDialog *dialog;
  g_autofree char *breach = NULL;
  GtkWidget *ack;
  guint rows_before;
  gboolean shown = FALSE;
  gint64 id;

  g_assert_nonnull (cases);
  rows_before = vigie_site_cases_window_get_n_rows (cases, "grievances");
  dialog = VIGIE_GRIEVANCE_DIALOG (vigie_site_cases_window_edit (cases, "grievances", 0));
  g_assert_nonnull (dialog);
  gtk_editable_set_text (GTK_EDITABLE (vigie_grievance_dialog_get_field (dialog, "topic")),
                         "Supervisor confiscated phones in the dormitory");
  gtk_editable_set_text (GTK_EDITABLE (vigie_grievance_dialog_get_field (dialog, "received_on")),
                         "2026-03-01");
  gtk_editable_set_text (GTK_EDITABLE (vigie_grievance_dialog_get_field (dialog, "complainants")),
                         "3");
  gtk_switch_set_active (GTK_SWITCH (vigie_grievance_dialog_get_field (dialog, "retaliation_reported")),
                         TRUE);
  /* Acknowledged before it was received: refused, marked, text kept. */
  ack = vigie_grievance_dialog_get_field (dialog, "acknowledged_on");
  gtk_editable_set_text (GTK_EDITABLE (ack), "2026-02-20");
  g_assert_false (vigie_grievance_dialog_save (dialog, &error));
  g_clear_error (&error);
  g_assert_true (gtk_widget_has_css_class (ack, "error"));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (ack)), ==, "2026-02-20");
  /* Acknowledged after 12 days: the 7-day time frame is breached. */
  gtk_editable_set_text (GTK_EDITABLE (ack), "2026-03-13");
  adw_combo_row_set_selected (ADW_COMBO_ROW (vigie_grievance_dialog_get_field (dialog, "status")),
                              (guint) vigie_vocab_index (VIGIE_VOCAB_GRIEVANCE_STATUS,
                                                         "investigating"));
  g_assert_true (vigie_grievance_dialog_save (dialog, &error));
  g_assert_no_error (error);
  id = vigie_grievance_dialog_get_id (dialog);
  gtk_window_destroy (GTK_WINDOW (dialog));

  record = vigie_store_get_grievance (store (), id, &error);
  g_assert_no_error (error);
  g_assert_true (record->retaliation_reported);
  g_assert_cmpint (record->complainants, ==, 3);
  g_assert_true (vigie_grievance_check (record, "2026-06-15", stages));
  g_assert_true (stages[VIGIE_GRIEVANCE_STAGE_ACKNOWLEDGE].breached);
  g_assert_cmpint (stages[VIGIE_GRIEVANCE_STAGE_ACKNOWLEDGE].days_taken, ==, 12);
  breach = vigie_grievance_stage_describe (&stages[VIGIE_GRIEVANCE_STAGE_ACKNOWLEDGE]);

  g_assert_cmpuint (vigie_site_cases_window_get_n_rows (cases, "grievances"), ==, rows_before + 1);
  for (guint i = 0; i < vigie_site_cases_window_get_n_rows (cases, "grievances"); i++)
    {
      AdwActionRow *row = vigie_site_cases_window_get_row (cases, "grievances", i);

      if (g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)),
                     "Supervisor confiscated phones in the dormitory") != 0)
        continue;
      shown = TRUE;
      g_assert_nonnull (strstr (adw_action_row_get_subtitle (row), breach));
      g_assert_nonnull (strstr (adw_action_row_get_subtitle (row), _("Retaliation reported")));
    }
  g_assert_true (shown);
  gtk_window_set_default_size (GTK_WINDOW (cases), 1000, 720);
  vigie_test_save_localised_screenshot (GTK_WIDGET (cases), "grievances", 200);

  /* Back to the site on the Factories page. */
  {
    GtkWindow *weak = GTK_WINDOW (cases);

    g_object_add_weak_pointer (G_OBJECT (weak), (gpointer *) &weak);
    g_assert_true (vigie_findings_page_reveal_site (GTK_WIDGET (page),
                                                    vigie_site_cases_window_get_site_id (cases)));
    gtk_window_destroy (weak);
    g_assert_true (vigie_test_wait_until (window_gone, &weak, 2000));
  }
  vigie_window_show_page (window, "findings");
  vigie_test_iterate (200);
}

static void
test_delete_undo (void)
{
  VigieFindingEditor *editor = VIGIE_FINDING_EDITOR (vigie_findings_page_get_editor (page));
  GtkWidget *title_row = vigie_finding_editor_get_title_row (editor);
  g_autoptr(GError) error = NULL;
  g_autoptr(VigieFindingRecord) record = NULL;
  g_autofree char *pdf = write_pdf ("site-photo-log.pdf", "Fire exit locked");
  g_autoptr(GPtrArray) evidence = NULL;
  AdwToast *toast;
  guint before, n_rows;
  gint64 id, ev_id;

  settle ();
  before = n_shown ();

  /* Create. */
  gtk_widget_activate_action (GTK_WIDGET (page), "findings.new", NULL);
  vigie_test_iterate (100);
  g_assert_cmpint (vigie_finding_editor_get_id (editor), ==, 0);
  g_assert_cmpint (vigie_finding_editor_get_site_id (editor), >, 0);
  gtk_editable_set_text (GTK_EDITABLE (title_row), "Fire exits locked during night shifts");
  g_assert_true (vigie_finding_editor_save (editor, &error));
  g_assert_no_error (error);
  id = vigie_finding_editor_get_id (editor);
  g_assert_cmpint (id, >, 0);
  settle ();
  g_assert_cmpuint (n_shown (), ==, before + 1);
  record = vigie_store_get_finding (store (), id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (record->title, ==, "Fire exits locked during night shifts");

  /* Edit. */
  gtk_editable_set_text (GTK_EDITABLE (title_row), "Fire exits padlocked during night shifts");
  g_assert_true (vigie_finding_editor_save (editor, &error));
  g_clear_pointer (&record, vigie_finding_record_free);
  record = vigie_store_get_finding (store (), id, &error);
  g_assert_cmpstr (record->title, ==, "Fire exits padlocked during night shifts");

  /* Evidence deleted, then Undo: back in the list; deleted for real when flushed. */
  g_assert_true (vigie_finding_editor_attach_path (editor, pdf, "photo", &error));
  g_assert_no_error (error);
  evidence = vigie_store_list_evidence (store (), id, &error);
  g_assert_cmpuint (evidence->len, ==, 1);
  ev_id = ((VigieEvidenceRecord *) g_ptr_array_index (evidence, 0))->id;
  n_rows = vigie_finding_editor_get_n_evidence_rows (editor);
  g_assert_cmpuint (n_rows, ==, 1);
  gtk_widget_activate_action (GTK_WIDGET (page), "findings.delete-evidence", "x", ev_id);
  g_assert_cmpuint (vigie_finding_editor_get_n_evidence_rows (editor), ==, 0);
  toast = vigie_findings_page_get_undo_toast (page);
  g_assert_nonnull (toast);
  g_signal_emit_by_name (toast, "button-clicked");
  g_assert_cmpuint (vigie_finding_editor_get_n_evidence_rows (editor), ==, 1);
  g_assert_true (evidence_exists (ev_id));
  gtk_widget_activate_action (GTK_WIDGET (page), "findings.delete-evidence", "x", ev_id);
  vigie_findings_page_flush_deletions (page);
  g_assert_false (evidence_exists (ev_id));
  g_assert_cmpuint (vigie_finding_editor_get_n_evidence_rows (editor), ==, 0);

  /* Delete the finding: hidden at once, still in the database until the toast goes. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "findings.delete", NULL));
  vigie_test_iterate (100);
  g_assert_cmpuint (n_shown (), ==, before);
  g_assert_cmpuint (vigie_finding_list_find_position (vigie_findings_page_get_list (page), id),
                    ==, G_MAXUINT);
  g_assert_cmpint (vigie_finding_editor_get_id (editor), ==, 0);
  g_assert_true (finding_exists (id));

  /* Undo: back in the list and in the editor. */
  toast = vigie_findings_page_get_undo_toast (page);
  g_assert_nonnull (toast);
  g_signal_emit_by_name (toast, "button-clicked");
  vigie_test_iterate (100);
  g_assert_cmpuint (n_shown (), ==, before + 1);
  g_assert_cmpint (vigie_finding_editor_get_id (editor), ==, id);
  g_assert_null (vigie_findings_page_get_undo_toast (page));

  /* Delete again and let it happen (what the toast's end does). */
  gtk_widget_activate_action (GTK_WIDGET (page), "findings.delete", NULL);
  vigie_findings_page_flush_deletions (page);
  g_assert_false (finding_exists (id));
  settle ();
  g_assert_cmpuint (n_shown (), ==, before);
  g_assert_cmpint (count_sql ("SELECT count(*) FROM findings"), ==, (gint64) before);
}

int
main (int    argc,
      char **argv)
{
  g_autofree char *renderer = NULL;
  int status;

  tmpdir = vigie_test_ui_init (&argc, &argv, "vigie-ui-findings-XXXXXX", TRUE);
  if (tmpdir == NULL)
    return 77;
  renderer = g_test_build_filename (G_TEST_BUILT, "..", "src", "app", "vigie-pdf-render", NULL);
  g_setenv ("VIGIE_PDF_RENDER", renderer, FALSE);

  demo_path = vigie_test_make_demo (tmpdir, "demo.db", 200, 2000, 1);
  app = vigie_test_application_new ("io.github.vigie.Vigie.TestFindings");

  g_test_add_func ("/ui/findings/list-and-filters", test_list_and_filters);
  g_test_add_func ("/ui/findings/edit", test_edit);
  g_test_add_func ("/ui/findings/evidence", test_evidence);
  g_test_add_func ("/ui/findings/testimony", test_testimony);
  g_test_add_func ("/ui/findings/investigation", test_investigation);
  g_test_add_func ("/ui/findings/grievance", test_grievance);
  g_test_add_func ("/ui/findings/delete-undo", test_delete_undo);
  status = g_test_run ();

  if (window != NULL)
    gtk_window_destroy (GTK_WINDOW (window));
  g_clear_object (&app);
  return status;
}
