/* test-grievance.c — grievances: CRUD and the UNGP "predictable" time frames: which
 * stage is breached on a given day.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gstdio.h>

#include "vigie-grievance.h"
#include "vigie-store-private.h"

static VigieGrievanceRecord *
make (const char *received,
      const char *status,
      const char *acknowledged,
      const char *resolved)
{
  VigieGrievanceRecord *r = vigie_grievance_record_new ();

  g_free (r->received_on);
  r->received_on = g_strdup (received);
  g_free (r->status);
  r->status = g_strdup (status);
  r->acknowledged_on = g_strdup (acknowledged);
  r->resolved_on = g_strdup (resolved);
  return r;
}

static void
test_timeframes (void)
{
  const VigieGrievanceTimeframe *frames;
  guint n = 0;

  frames = vigie_grievance_timeframes (&n);
  g_assert_cmpuint (n, ==, VIGIE_GRIEVANCE_N_STAGES);
  g_assert_cmpint (frames[VIGIE_GRIEVANCE_STAGE_ACKNOWLEDGE].days, ==, 7);
  g_assert_cmpint (frames[VIGIE_GRIEVANCE_STAGE_RESOLVE].days, ==, 90);
}

static void
test_breaches (void)
{
  VigieGrievanceStageStatus s[VIGIE_GRIEVANCE_N_STAGES];
  g_autoptr(VigieGrievanceRecord) fresh = make ("2026-06-10", "received", NULL, NULL);
  g_autoptr(VigieGrievanceRecord) unacknowledged = make ("2026-06-01", "received", NULL, NULL);
  g_autoptr(VigieGrievanceRecord) late_ack = make ("2026-01-01", "investigating",
                                                   "2026-01-12", NULL);
  g_autoptr(VigieGrievanceRecord) on_time = make ("2026-01-01", "resolved", "2026-01-08",
                                                  "2026-04-01");
  g_autoptr(VigieGrievanceRecord) late_resolution = make ("2026-01-01", "resolved",
                                                          "2026-01-02", "2026-04-02");
  g_autoptr(VigieGrievanceRecord) dismissed = make ("2025-01-01", "dismissed", "2025-01-03",
                                                    NULL);

  /* 5 days old, not acknowledged: within 7 days. */
  g_assert_false (vigie_grievance_check (fresh, "2026-06-15", s));
  g_assert_false (s[0].done);
  g_assert_cmpint (s[0].days_taken, ==, 5);
  g_assert_cmpstr (s[0].due_on, ==, "2026-06-17");
  g_assert_cmpstr (s[1].due_on, ==, "2026-09-08");

  /* 14 days without acknowledgement. */
  g_assert_true (vigie_grievance_check (unacknowledged, "2026-06-15", s));
  g_assert_true (s[0].breached);
  g_assert_false (s[1].breached);
  /* The same one on day 7 exactly is still on time. */
  g_assert_false (vigie_grievance_check (unacknowledged, "2026-06-08", s));

  /* Acknowledged after 11 days; 165 days unresolved. */
  g_assert_true (vigie_grievance_check (late_ack, "2026-06-15", s));
  g_assert_true (s[0].done && s[0].breached);
  g_assert_cmpint (s[0].days_taken, ==, 11);
  g_assert_true (!s[1].done && s[1].breached);

  /* Day 7 and day 90: on time. Day 91: late. */
  g_assert_false (vigie_grievance_check (on_time, "2026-06-15", s));
  g_assert_cmpint (s[1].days_taken, ==, 90);
  g_assert_true (vigie_grievance_check (late_resolution, "2026-06-15", s));
  g_assert_false (s[0].breached);
  g_assert_true (s[1].breached);

  /* Dismissed: the process ended, nothing keeps running late. */
  g_assert_false (vigie_grievance_check (dismissed, "2026-06-15", s));
}

static void
test_crud (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("vigie-grievance-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "test.db", NULL);
  g_autoptr(VigieStore) store = vigie_store_open (path, &error);
  g_autoptr(VigieGrievanceRecord) r = make ("2026-05-01", "received", NULL, NULL);
  g_autoptr(VigieGrievanceRecord) bad = make ("2026-05-01", "received", "2026-04-01", NULL);
  g_autoptr(GPtrArray) list = NULL;
  VigieGrievanceRecord *back;
  gint64 id;

  g_assert_no_error (error);
  g_assert_true (vigie_store_exec (store, "INSERT INTO sites (id, uuid, name, country, "
                                   "created_at, updated_at) VALUES (1, 's', 'Site', 'CN', 'x', "
                                   "'x'), (2, 't', 'Other', 'VN', 'x', 'x');"
                                   "INSERT INTO findings (id, uuid, site_id, title, severity, "
                                   "first_observed, created_at, updated_at) VALUES (7, 'f', 2, "
                                   "'Other site finding', 'minor', '2026-01-01', 'x', 'x')",
                                   &error));
  r->site_id = 1;
  g_free (r->channel);
  r->channel = g_strdup ("union");
  r->complainants = 12;
  r->retaliation_reported = TRUE;
  g_free (r->topic);
  r->topic = g_strdup ("Dismissal of union members");
  id = vigie_store_insert_grievance (store, r, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);

  list = vigie_store_list_grievances (store, 1, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 1);
  back = g_ptr_array_index (list, 0);
  g_assert_cmpstr (back->channel, ==, "union");
  g_assert_cmpint (back->complainants, ==, 12);
  g_assert_true (back->retaliation_reported);

  /* Linking a finding of another site is refused; acknowledging before receiving too. */
  back->finding_id = 7;
  g_assert_false (vigie_store_update_grievance (store, back, &error));
  g_assert_error (error, VIGIE_STORE_ERROR, VIGIE_STORE_ERROR_CONSTRAINT);
  g_clear_error (&error);
  bad->site_id = 1;
  g_assert_cmpint (vigie_store_insert_grievance (store, bad, &error), ==, 0);
  g_assert_error (error, VIGIE_STORE_ERROR, VIGIE_STORE_ERROR_CONSTRAINT);
  g_clear_error (&error);

  g_assert_true (vigie_store_delete_grievance (store, id, &error));
  g_assert_cmpint (vigie_store_count (store, "grievances"), ==, 0);
  g_clear_object (&store);
  {
    g_autofree char *wal = g_strconcat (path, "-wal", NULL);
    g_autofree char *shm = g_strconcat (path, "-shm", NULL);
    g_unlink (wal);
    g_unlink (shm);
    g_unlink (path);
    g_rmdir (dir);
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/grievance/timeframes", test_timeframes);
  g_test_add_func ("/grievance/breaches", test_breaches);
  g_test_add_func ("/grievance/crud", test_crud);
  return g_test_run ();
}
