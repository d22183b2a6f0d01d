/* test-site.c — site and workforce records: validation, CRUD, audit log.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib.h>
#include <glib/gstdio.h>
#include <math.h>
#include <string.h>

#include "vigie-site.h"
#include "vigie-store-private.h"
#include "vigie-validate.h"

typedef struct
{
  char       *dir;
  char       *path;
  VigieStore *store;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->dir = g_dir_make_tmp ("vigie-site-XXXXXX", &error);
  g_assert_no_error (error);
  f->path = g_build_filename (f->dir, "test.db", NULL);
  f->store = vigie_store_open (f->path, &error);
  g_assert_no_error (error);
  vigie_store_set_actor (f->store, "tester");
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GDir) dir = NULL;
  const char *name;

  g_clear_object (&f->store);
  dir = g_dir_open (f->dir, 0, NULL);
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *p = g_build_filename (f->dir, name, NULL);
      g_unlink (p);
    }
  g_rmdir (f->dir);
  g_free (f->path);
  g_free (f->dir);
}

/* A valid Open Supply Hub ID built from its first 14 characters. */
static char *
make_os_id (const char *first14)
{
  char check = vigie_os_id_check_char (first14);

  g_assert_cmpint (check, !=, '\0');
  return g_strdup_printf ("%s%c", first14, check);
}

static VigieSiteRecord *
valid_site (void)
{
  VigieSiteRecord *site = vigie_site_record_new ();

  g_free (site->name);
  site->name = g_strdup ("Foxconn  Longhua Science Park");
  g_free (site->native_name);
  site->native_name = g_strdup ("深圳富士康");
  g_free (site->address);
  site->address = g_strdup ("Block B, 2 East Huanguan Road");
  g_free (site->country);
  site->country = g_strdup ("CN");
  site->latitude = 22.6556;
  site->longitude = 114.0305;
  g_free (site->products);
  site->products = g_strdup ("servers,laptops");
  g_free (site->parent_company);
  site->parent_company = g_strdup ("Hon Hai Precision");
  return site;
}

/* The value of a single-value query, as text ("" for NULL). */
static char *
query_text (VigieStore *store,
            const char *sql,
            gint64      id)
{
  sqlite3_stmt *stmt = NULL;
  char *text = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (vigie_store_get_db (store), sql, -1, &stmt, NULL), ==,
                   SQLITE_OK);
  if (strchr (sql, '?') != NULL)
    sqlite3_bind_int64 (stmt, 1, id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    text = g_strdup (sqlite3_column_type (stmt, 0) == SQLITE_NULL
                     ? "" : (const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  return text;
}

static gboolean
has_error_on (GPtrArray  *errors,
              const char *field)
{
  for (guint i = 0; i < errors->len; i++)
    {
      VigieFieldError *e = g_ptr_array_index (errors, i);

      if (g_strcmp0 (e->field, field) == 0)
        {
          g_assert_nonnull (e->reason);
          g_assert_cmpuint (strlen (e->reason), >, 5);
          return TRUE;
        }
    }
  return FALSE;
}

static void
test_record_new (void)
{
  g_autoptr(VigieSiteRecord) site = vigie_site_record_new ();
  g_autoptr(VigieSiteRecord) copy = NULL;
  g_autoptr(VigieWorkforceRecord) wf = vigie_workforce_record_new ();

  g_assert_cmpint (site->id, ==, 0);
  g_assert_true (isnan (site->latitude));
  g_assert_true (isnan (site->longitude));
  g_assert_null (site->os_id);
  g_assert_cmpstr (site->name, ==, "");
  g_assert_cmpstr (site->location_type, ==, "final_assembly");
  g_assert_cmpint (wf->total, ==, -1);
  g_assert_cmpint (wf->total_min, ==, -1);
  g_assert_cmpint (wf->women, ==, -1);
  g_assert_cmpint (wf->under18, ==, -1);
  g_assert_cmpint (wf->union_present, ==, -1);

  g_free (site->name);
  site->name = g_strdup ("Original");
  copy = vigie_site_record_copy (site);
  g_free (site->name);
  site->name = g_strdup ("Changed");
  g_assert_cmpstr (copy->name, ==, "Original");
  g_assert_true (isnan (copy->latitude));
}

static void
test_match_key (void)
{
  g_autofree char *key = vigie_site_match_key ("  Công ty TNHH  Foxconn, ", "Lô 5; KCN Quế Võ",
                                               "vn");

  g_assert_cmpstr (key, ==, "cong ty tnhh foxconn|lo 5 kcn que vo|VN");
}

static void
test_validate_site (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(VigieSiteRecord) site = valid_site ();
  g_autoptr(GPtrArray) errors = NULL;
  g_autofree char *long_text = NULL;
  g_autofree char *ok_text = NULL;
  g_autofree char *os_id = make_os_id ("CN2019303BQ3FZ");

  errors = vigie_site_validate (f->store, site);
  g_assert_cmpuint (errors->len, ==, 0);
  g_clear_pointer (&errors, g_ptr_array_unref);

  /* 200 characters (multi-byte) is fine, 201 is not. */
  ok_text = g_strnfill (200, 'x');
  long_text = g_strconcat (ok_text, "é", NULL);
  g_free (site->name);
  site->name = g_strdup (ok_text);
  g_free (site->address);
  site->address = g_strdup (ok_text);
  errors = vigie_site_validate (f->store, site);
  g_assert_cmpuint (errors->len, ==, 0);
  g_clear_pointer (&errors, g_ptr_array_unref);

#define EXPECT_INVALID(FIELD, STATEMENT) \
  G_STMT_START { \
    g_autoptr(VigieSiteRecord) s = valid_site (); \
    g_autoptr(GPtrArray) e = NULL; \
    STATEMENT; \
    e = vigie_site_validate (f->store, s); \
    if (!has_error_on (e, FIELD)) \
      g_error ("no error on %s for %s", FIELD, #STATEMENT); \
  } G_STMT_END

  EXPECT_INVALID ("name", { g_free (s->name); s->name = g_strdup ("   "); });
  EXPECT_INVALID ("name", { g_free (s->name); s->name = g_strdup (long_text); });
  EXPECT_INVALID ("native_name", { g_free (s->native_name); s->native_name = g_strdup (long_text); });
  EXPECT_INVALID ("address", { g_free (s->address); s->address = g_strdup (long_text); });
  EXPECT_INVALID ("country", { g_free (s->country); s->country = g_strdup (""); });
  EXPECT_INVALID ("country", { g_free (s->country); s->country = g_strdup ("XX"); });
  EXPECT_INVALID ("country", { g_free (s->country); s->country = g_strdup ("cn"); });
  EXPECT_INVALID ("country", { g_free (s->country); s->country = g_strdup ("China"); });
  EXPECT_INVALID ("latitude", s->latitude = 90.5);
  EXPECT_INVALID ("latitude", s->latitude = -91);
  EXPECT_INVALID ("longitude", s->longitude = 180.01);
  EXPECT_INVALID ("longitude", s->latitude = 10; s->longitude = NAN);
  EXPECT_INVALID ("latitude", s->latitude = NAN; s->longitude = 10);
  EXPECT_INVALID ("latitude", s->latitude = INFINITY);
  EXPECT_INVALID ("os_id", { g_free (s->os_id); s->os_id = g_strdup ("CN2019303BQ3FZ0"); });
  EXPECT_INVALID ("os_id", { g_free (s->os_id); s->os_id = g_strdup ("CN123"); });
  EXPECT_INVALID ("location_type", { g_free (s->location_type); s->location_type = g_strdup ("factory"); });
  EXPECT_INVALID ("products", { g_free (s->products); s->products = g_strdup ("servers,toasters"); });
#undef EXPECT_INVALID

  /* Both coordinates unknown is fine, and a valid OS ID too. */
  {
    g_autoptr(VigieSiteRecord) s = valid_site ();
    g_autoptr(GPtrArray) e = NULL;

    s->latitude = NAN;
    s->longitude = NAN;
    s->os_id = g_strdup (os_id);
    e = vigie_site_validate (f->store, s);
    g_assert_cmpuint (e->len, ==, 0);
  }

  /* Without a store, only the form of the country code is checked. */
  {
    g_autoptr(VigieSiteRecord) s = valid_site ();
    g_autoptr(GPtrArray) e = NULL;

    g_free (s->country);
    s->country = g_strdup ("XX");
    e = vigie_site_validate (NULL, s);
    g_assert_cmpuint (e->len, ==, 0);
  }

  /* Several problems are all reported, in field order. */
  {
    g_autoptr(VigieSiteRecord) s = valid_site ();
    g_autoptr(GPtrArray) e = NULL;

    g_free (s->name);
    s->name = g_strdup ("");
    s->latitude = 100;
    e = vigie_site_validate (f->store, s);
    g_assert_cmpuint (e->len, ==, 2);
    g_assert_cmpstr (((VigieFieldError *) e->pdata[0])->field, ==, "name");
    g_assert_cmpstr (((VigieFieldError *) e->pdata[1])->field, ==, "latitude");
  }
}

static void
test_validate_workforce (void)
{
#define EXPECT_WF(FIELD, STATEMENT) \
  G_STMT_START { \
    g_autoptr(VigieWorkforceRecord) w = vigie_workforce_record_new (); \
    g_autoptr(GPtrArray) e = NULL; \
    g_free (w->as_of); w->as_of = g_strdup ("2026-03-01"); \
    g_free (w->source); w->source = g_strdup ("employer"); \
    w->total = 1000; \
    STATEMENT; \
    e = vigie_workforce_validate (w); \
    if (FIELD == NULL) \
      g_assert_cmpuint (e->len, ==, 0); \
    else if (!has_error_on (e, FIELD)) \
      g_error ("no error on %s for %s", (const char *) FIELD, #STATEMENT); \
  } G_STMT_END

  EXPECT_WF (NULL, {});
  EXPECT_WF (NULL, w->total = -1; w->total_min = 1001; w->total_max = 5000; w->women = 3000);
  EXPECT_WF (NULL, w->women = 1000; w->union_present = 1);
  EXPECT_WF ("as_of", { g_free (w->as_of); w->as_of = g_strdup ("2026-02-30"); });
  EXPECT_WF ("as_of", { g_free (w->as_of); w->as_of = g_strdup ("15/06/2026"); });
  EXPECT_WF ("as_of", { g_free (w->as_of); w->as_of = g_strdup (""); });
  EXPECT_WF ("source", { g_free (w->source); w->source = g_strdup ("rumour"); });
  EXPECT_WF ("source", { g_free (w->source); w->source = g_strdup (""); });
  EXPECT_WF ("total", w->total = -1);
  EXPECT_WF ("total", w->total = -5);
  EXPECT_WF ("total_max", w->total = -1; w->total_min = 100);
  EXPECT_WF ("total_min", w->total = -1; w->total_max = 100);
  EXPECT_WF ("total_max", w->total = -1; w->total_min = 500; w->total_max = 100);
  EXPECT_WF ("women", w->women = 1001);
  EXPECT_WF ("migrant", w->migrant = 2000);
  EXPECT_WF ("agency", w->agency = 1001);
  EXPECT_WF ("temporary", w->temporary = 1001);
  EXPECT_WF ("student", w->student = 1001);
  EXPECT_WF ("under18", w->under18 = -3);
  EXPECT_WF ("women", w->total = -1; w->total_min = 10; w->total_max = 20; w->women = 21);
  EXPECT_WF ("union_present", w->union_present = 2);
#undef EXPECT_WF
}

static void
test_site_crud (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(VigieSiteRecord) site = valid_site ();
  g_autoptr(VigieSiteRecord) got = NULL;
  g_autoptr(VigieSiteRecord) again = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *os_id = make_os_id ("CN2019303BQ3FZ");
  g_autofree char *text = NULL;
  gint64 id;

  site->os_id = g_strdup (os_id);
  id = vigie_store_insert_site (f->store, site, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  g_assert_cmpint (site->id, ==, id);
  g_assert_nonnull (site->uuid);
  g_assert_cmpuint (strlen (site->uuid), ==, 36);
  g_assert_cmpstr (site->created_at, ==, "2026-06-15T12:00:00Z");

  got = vigie_store_get_site (f->store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (got->id, ==, id);
  g_assert_cmpstr (got->uuid, ==, site->uuid);
  g_assert_cmpstr (got->name, ==, "Foxconn  Longhua Science Park");
  g_assert_cmpstr (got->native_name, ==, "深圳富士康");
  g_assert_cmpstr (got->address, ==, "Block B, 2 East Huanguan Road");
  g_assert_cmpstr (got->country, ==, "CN");
  g_assert_cmpfloat_with_epsilon (got->latitude, 22.6556, 1e-9);
  g_assert_cmpfloat_with_epsilon (got->longitude, 114.0305, 1e-9);
  g_assert_cmpstr (got->os_id, ==, os_id);
  g_assert_cmpstr (got->parent_company, ==, "Hon Hai Precision");
  g_assert_cmpstr (got->location_type, ==, "final_assembly");
  g_assert_cmpstr (got->products, ==, "servers,laptops");
  g_assert_false (got->closed);
  g_assert_cmpstr (got->created_at, ==, "2026-06-15T12:00:00Z");
  g_assert_cmpstr (got->updated_at, ==, "2026-06-15T12:00:00Z");

  text = query_text (f->store, "SELECT match_key FROM sites WHERE id = ?", id);
  g_assert_cmpstr (text, ==, "foxconn longhua science park|block b 2 east huanguan road|CN");
  g_clear_pointer (&text, g_free);

  /* The insert is in the audit log with the new row and no old one. */
  text = query_text (f->store, "SELECT action || '/' || actor || '/' || (old_values IS NULL) || "
                     "'/' || json_extract (new_values, '$.name') FROM audit_log "
                     "WHERE table_name = 'sites' AND row_id = ? ORDER BY id LIMIT 1", id);
  g_assert_cmpstr (text, ==, "insert/tester/1/Foxconn  Longhua Science Park");
  g_clear_pointer (&text, g_free);

  /* Update: clear the coordinates and the OS ID, rename, close. */
  g_free (got->name);
  got->name = g_strdup ("Longhua Campus");
  got->latitude = NAN;
  got->longitude = NAN;
  g_clear_pointer (&got->os_id, g_free);
  got->closed = TRUE;
  g_setenv ("VIGIE_NOW", "2026-06-16T08:30:00Z", TRUE);
  g_assert_true (vigie_store_update_site (f->store, got, &error));
  g_setenv ("VIGIE_NOW", "2026-06-15T12:00:00Z", TRUE);
  g_assert_no_error (error);

  again = vigie_store_get_site (f->store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (again->name, ==, "Longhua Campus");
  g_assert_true (isnan (again->latitude));
  g_assert_true (isnan (again->longitude));
  g_assert_null (again->os_id);
  g_assert_true (again->closed);
  g_assert_cmpstr (again->created_at, ==, "2026-06-15T12:00:00Z");
  g_assert_cmpstr (again->updated_at, ==, "2026-06-16T08:30:00Z");
  text = query_text (f->store, "SELECT match_key FROM sites WHERE id = ?", id);
  g_assert_cmpstr (text, ==, "longhua campus|block b 2 east huanguan road|CN");
  g_clear_pointer (&text, g_free);

  text = query_text (f->store, "SELECT json_extract (old_values, '$.name') || '→' || "
                     "json_extract (new_values, '$.name') || '/' || "
                     "json_extract (old_values, '$.os_id') || '/' || "
                     "coalesce (json_extract (new_values, '$.os_id'), 'null') || '/' || "
                     "json_extract (new_values, '$.closed') FROM audit_log "
                     "WHERE table_name = 'sites' AND row_id = ? AND action = 'update'", id);
  {
    g_autofree char *expected = g_strdup_printf ("Foxconn  Longhua Science Park→Longhua Campus/%s/null/1",
                                                 os_id);
    g_assert_cmpstr (text, ==, expected);
  }
  g_clear_pointer (&text, g_free);

  /* Delete: the old row is kept in the audit log. */
  g_assert_true (vigie_store_delete_site (f->store, id, &error));
  g_assert_no_error (error);
  g_assert_cmpint (vigie_store_count (f->store, "sites"), ==, 0);
  text = query_text (f->store, "SELECT json_extract (old_values, '$.name') || '/' || "
                     "(new_values IS NULL) FROM audit_log WHERE table_name = 'sites' "
                     "AND row_id = ? AND action = 'delete'", id);
  g_assert_cmpstr (text, ==, "Longhua Campus/1");
  g_clear_pointer (&text, g_free);
  text = query_text (f->store, "SELECT count (*) FROM audit_log WHERE table_name = 'sites' "
                     "AND row_id = ?", id);
  g_assert_cmpstr (text, ==, "3");
  g_clear_pointer (&text, g_free);

  /* Gone. */
  g_clear_pointer (&got, vigie_site_record_free);
  got = vigie_store_get_site (f->store, id, &error);
  g_assert_null (got);
  g_assert_error (error, VIGIE_STORE_ERROR, VIGIE_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_false (vigie_store_delete_site (f->store, id, &error));
  g_assert_error (error, VIGIE_STORE_ERROR, VIGIE_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_false (vigie_store_update_site (f->store, again, &error));
  g_assert_error (error, VIGIE_STORE_ERROR, VIGIE_STORE_ERROR_NOT_FOUND);
}

static void
test_site_constraints (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(VigieSiteRecord) first = valid_site ();
  g_autoptr(VigieSiteRecord) second = valid_site ();
  g_autoptr(VigieSiteRecord) bad = valid_site ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) errors = NULL;
  g_autofree char *os_id = make_os_id ("VN2021045AB7K2");
  gint64 audit_before = vigie_store_count (f->store, "audit_log");

  /* An invalid record is refused with the first reason; nothing is written. */
  g_free (bad->name);
  bad->name = g_strdup ("");
  bad->latitude = 95;
  errors = vigie_site_validate (f->store, bad);
  g_assert_cmpuint (errors->len, ==, 2);
  g_assert_cmpint (vigie_store_insert_site (f->store, bad, &error), ==, 0);
  g_assert_error (error, VIGIE_STORE_ERROR, VIGIE_STORE_ERROR_CONSTRAINT);
  g_assert_cmpstr (error->message, ==, ((VigieFieldError *) errors->pdata[0])->reason);
  g_clear_error (&error);
  g_assert_cmpint (bad->id, ==, 0);
  g_assert_cmpint (vigie_store_count (f->store, "sites"), ==, 0);
  g_assert_cmpint (vigie_store_count (f->store, "audit_log"), ==, audit_before);

  /* An unknown country is refused the same way. */
  g_free (bad->name);
  bad->name = g_strdup ("Atlantis Works");
  bad->latitude = 0;
  g_free (bad->country);
  bad->country = g_strdup ("QQ");
  g_assert_cmpint (vigie_store_insert_site (f->store, bad, &error), ==, 0);
  g_assert_error (error, VIGIE_STORE_ERROR, VIGIE_STORE_ERROR_CONSTRAINT);
  g_assert_nonnull (strstr (error->message, "QQ"));
  g_clear_error (&error);

  /* Two sites cannot share an Open Supply Hub ID. */
  g_free (first->country);
  first->country = g_strdup ("VN");
  first->os_id = g_strdup (os_id);
  g_assert_cmpint (vigie_store_insert_site (f->store, first, &error), >, 0);
  g_assert_no_error (error);
  g_free (second->country);
  second->country = g_strdup ("VN");
  g_free (second->name);
  second->name = g_strdup ("Another plant");
  second->os_id = g_strdup (os_id);
  audit_before = vigie_store_count (f->store, "audit_log");
  g_assert_cmpint (vigie_store_insert_site (f->store, second, &error), ==, 0);
  g_assert_error (error, VIGIE_STORE_ERROR, VIGIE_STORE_ERROR_CONSTRAINT);
  g_clear_error (&error);
  g_assert_cmpint (vigie_store_count (f->store, "sites"), ==, 1);
  g_assert_cmpint (vigie_store_count (f->store, "audit_log"), ==, audit_before);

  /* ... but a site may keep its own ID when updated. */
  g_free (first->address);
  first->address = g_strdup ("New address");
  g_assert_true (vigie_store_update_site (f->store, first, &error));
  g_assert_no_error (error);

  /* An update that breaks a rule leaves the row as it was. */
  first->longitude = NAN;
  first->latitude = 10;
  g_assert_false (vigie_store_update_site (f->store, first, &error));
  g_assert_error (error, VIGIE_STORE_ERROR, VIGIE_STORE_ERROR_CONSTRAINT);
  g_clear_error (&error);
  {
    g_autoptr(VigieSiteRecord) stored = vigie_store_get_site (f->store, first->id, &error);

    g_assert_no_error (error);
    g_assert_cmpstr (stored->address, ==, "New address");
    g_assert_cmpfloat_with_epsilon (stored->latitude, 22.6556, 1e-9);
  }

  /* Inside a caller's transaction that is rolled back, nothing stays. */
  g_assert_true (vigie_store_begin (f->store, &error));
  g_free (second->os_id);
  second->os_id = NULL;
  g_assert_cmpint (vigie_store_insert_site (f->store, second, &error), >, 0);
  vigie_store_rollback (f->store);
  g_assert_cmpint (vigie_store_count (f->store, "sites"), ==, 1);
}

static void
test_workforce_crud (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(VigieSiteRecord) site = valid_site ();
  g_autoptr(VigieWorkforceRecord) older = vigie_workforce_record_new ();
  g_autoptr(VigieWorkforceRecord) newer = vigie_workforce_record_new ();
  g_autoptr(VigieWorkforceRecord) bad = NULL;
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  VigieWorkforceRecord *w;
  gint64 site_id;

  site_id = vigie_store_insert_site (f->store, site, &error);
  g_assert_no_error (error);

  older->site_id = site_id;
  g_free (older->as_of);
  older->as_of = g_strdup ("2025-01-10");
  g_free (older->source);
  older->source = g_strdup ("public");
  older->total_min = 1001;
  older->total_max = 5000;
  g_assert_cmpint (vigie_store_insert_workforce (f->store, older, &error), >, 0);
  g_assert_no_error (error);

  newer->site_id = site_id;
  g_free (newer->as_of);
  newer->as_of = g_strdup ("2026-04-01");
  g_free (newer->source);
  newer->source = g_strdup ("worker_survey");
  newer->total = 3200;
  newer->women = 1900;
  newer->student = 400;
  newer->union_present = 0;
  g_free (newer->notes);
  newer->notes = g_strdup ("Survey of 140 workers");
  g_assert_cmpint (vigie_store_insert_workforce (f->store, newer, &error), >, 0);
  g_assert_no_error (error);

  list = vigie_store_list_workforce (f->store, site_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 2);
  w = g_ptr_array_index (list, 0);
  g_assert_cmpint (w->id, ==, newer->id);
  g_assert_cmpstr (w->as_of, ==, "2026-04-01");
  g_assert_cmpstr (w->source, ==, "worker_survey");
  g_assert_cmpint (w->total, ==, 3200);
  g_assert_cmpint (w->total_min, ==, -1);
  g_assert_cmpint (w->women, ==, 1900);
  g_assert_cmpint (w->migrant, ==, -1);
  g_assert_cmpint (w->student, ==, 400);
  g_assert_cmpint (w->union_present, ==, 0);
  g_assert_cmpstr (w->notes, ==, "Survey of 140 workers");
  w = g_ptr_array_index (list, 1);
  g_assert_cmpint (w->total, ==, -1);
  g_assert_cmpint (w->total_min, ==, 1001);
  g_assert_cmpint (w->total_max, ==, 5000);
  g_assert_cmpint (w->union_present, ==, -1);

  /* Update with an audit entry old → new. */
  newer->women = 2000;
  g_assert_true (vigie_store_update_workforce (f->store, newer, &error));
  g_assert_no_error (error);
  text = query_text (f->store, "SELECT json_extract (old_values, '$.women') || '→' || "
                     "json_extract (new_values, '$.women') FROM audit_log WHERE "
                     "table_name = 'workforce_snapshots' AND action = 'update' AND row_id = ?",
                     newer->id);
  g_assert_cmpstr (text, ==, "1900→2000");
  g_clear_pointer (&text, g_free);

  /* Invalid figures are refused. */
  bad = vigie_workforce_record_copy (newer);
  bad->women = 5000;
  g_assert_false (vigie_store_update_workforce (f->store, bad, &error));
  g_assert_error (error, VIGIE_STORE_ERROR, VIGIE_STORE_ERROR_CONSTRAINT);
  g_clear_error (&error);
  bad->id = 0;
  bad->women = -1;
  bad->site_id = 999999;
  g_assert_cmpint (vigie_store_insert_workforce (f->store, bad, &error), ==, 0);
  g_assert_error (error, VIGIE_STORE_ERROR, VIGIE_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* Delete one snapshot. */
  g_assert_true (vigie_store_delete_workforce (f->store, older->id, &error));
  g_assert_no_error (error);
  g_assert_cmpint (vigie_store_count (f->store, "workforce_snapshots"), ==, 1);
  text = query_text (f->store, "SELECT json_extract (old_values, '$.total_max') FROM audit_log "
                     "WHERE table_name = 'workforce_snapshots' AND action = 'delete' "
                     "AND row_id = ?", older->id);
  g_assert_cmpstr (text, ==, "5000");
  g_clear_pointer (&text, g_free);
  g_assert_false (vigie_store_delete_workforce (f->store, older->id, &error));
  g_assert_error (error, VIGIE_STORE_ERROR, VIGIE_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* Deleting the site takes its snapshots, and the audit log keeps them. */
  g_assert_true (vigie_store_delete_site (f->store, site_id, &error));
  g_assert_no_error (error);
  g_assert_cmpint (vigie_store_count (f->store, "workforce_snapshots"), ==, 0);
  text = query_text (f->store, "SELECT json_extract (old_values, '$.total') FROM audit_log "
                     "WHERE table_name = 'workforce_snapshots' AND action = 'delete' "
                     "AND row_id = ?", newer->id);
  g_assert_cmpstr (text, ==, "3200");
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/site/record-new", test_record_new);
  g_test_add_func ("/site/match-key", test_match_key);
  g_test_add ("/site/validate", Fixture, NULL, fixture_set_up, test_validate_site,
              fixture_tear_down);
  g_test_add_func ("/site/validate-workforce", test_validate_workforce);
  g_test_add ("/site/crud", Fixture, NULL, fixture_set_up, test_site_crud, fixture_tear_down);
  g_test_add ("/site/constraints", Fixture, NULL, fixture_set_up, test_site_constraints,
              fixture_tear_down);
  g_test_add ("/site/workforce-crud", Fixture, NULL, fixture_set_up, test_workforce_crud,
              fixture_tear_down);

  return g_test_run ();
}
