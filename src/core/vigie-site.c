/* vigie-site.c — sites (factories) and their workforce snapshots: records, validation, CRUD.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "vigie-site.h"
#include "vigie-site-private.h"
#include "vigie-store-private.h"
#include "vigie-util.h"
#include "vigie-validate.h"
#include "vigie-vocab.h"

#define MAX_TEXT 200

/* ─── Records ────────────────────────────────────────────────────────────── */

VigieSiteRecord *
vigie_site_record_new (void)
{
  VigieSiteRecord *record = g_new0 (VigieSiteRecord, 1);

  record->name = g_strdup ("");
  record->native_name = g_strdup ("");
  record->address = g_strdup ("");
  record->country = g_strdup ("");
  record->latitude = NAN;
  record->longitude = NAN;
  record->parent_company = g_strdup ("");
  record->employer = g_strdup ("");
  record->location_type = g_strdup ("final_assembly");
  record->products = g_strdup ("");
  record->notes = g_strdup ("");
  return record;
}

VigieSiteRecord *
vigie_site_record_copy (const VigieSiteRecord *record)
{
  VigieSiteRecord *copy;

  g_return_val_if_fail (record != NULL, NULL);

  copy = g_new0 (VigieSiteRecord, 1);
  *copy = *record;
  copy->uuid = g_strdup (record->uuid);
  copy->name = g_strdup (record->name);
  copy->native_name = g_strdup (record->native_name);
  copy->address = g_strdup (record->address);
  copy->country = g_strdup (record->country);
  copy->os_id = g_strdup (record->os_id);
  copy->parent_company = g_strdup (record->parent_company);
  copy->employer = g_strdup (record->employer);
  copy->location_type = g_strdup (record->location_type);
  copy->products = g_strdup (record->products);
  copy->notes = g_strdup (record->notes);
  copy->created_at = g_strdup (record->created_at);
  copy->updated_at = g_strdup (record->updated_at);
  return copy;
}

void
vigie_site_record_free (VigieSiteRecord *record)
{
  if (record == NULL)
    return;
  g_free (record->uuid);
  g_free (record->name);
  g_free (record->native_name);
  g_free (record->address);
  g_free (record->country);
  g_free (record->os_id);
  g_free (record->parent_company);
  g_free (record->employer);
  g_free (record->location_type);
  g_free (record->products);
  g_free (record->notes);
  g_free (record->created_at);
  g_free (record->updated_at);
  g_free (record);
}

VigieWorkforceRecord *
vigie_workforce_record_new (void)
{
  VigieWorkforceRecord *record = g_new0 (VigieWorkforceRecord, 1);

  record->as_of = g_strdup ("");
  record->source = g_strdup ("");
  record->total = -1;
  record->total_min = -1;
  record->total_max = -1;
  record->women = -1;
  record->migrant = -1;
  record->agency = -1;
  record->temporary = -1;
  record->student = -1;
  record->under18 = -1;
  record->union_present = -1;
  record->notes = g_strdup ("");
  return record;
}

VigieWorkforceRecord *
vigie_workforce_record_copy (const VigieWorkforceRecord *record)
{
  VigieWorkforceRecord *copy;

  g_return_val_if_fail (record != NULL, NULL);

  copy = g_new0 (VigieWorkforceRecord, 1);
  *copy = *record;
  copy->as_of = g_strdup (record->as_of);
  copy->source = g_strdup (record->source);
  copy->notes = g_strdup (record->notes);
  return copy;
}

void
vigie_workforce_record_free (VigieWorkforceRecord *record)
{
  if (record == NULL)
    return;
  g_free (record->as_of);
  g_free (record->source);
  g_free (record->notes);
  g_free (record);
}

void
vigie_field_error_free (VigieFieldError *error)
{
  if (error == NULL)
    return;
  g_free (error->reason);
  g_free (error);
}

char *
vigie_site_match_key (const char *name,
                      const char *address,
                      const char *country)
{
  g_autofree char *n = vigie_normalise_text (name);
  g_autofree char *a = vigie_normalise_text (address);
  g_autofree char *c = g_ascii_strup (country != NULL ? country : "", -1);

  g_strstrip (c);
  return g_strdup_printf ("%s|%s|%s", n, a, c);
}

/* ─── Validation ─────────────────────────────────────────────────────────── */

static void add_error (GPtrArray  *errors,
                       const char *field,
                       const char *format,
                       ...) G_GNUC_PRINTF (3, 4);

static void
add_error (GPtrArray  *errors,
           const char *field,
           const char *format,
           ...)
{
  VigieFieldError *e = g_new0 (VigieFieldError, 1);
  va_list args;

  va_start (args, format);
  e->field = field;
  e->reason = g_strdup_vprintf (format, args);
  va_end (args);
  g_ptr_array_add (errors, e);
}

static gboolean
is_blank (const char *text)
{
  if (text == NULL)
    return TRUE;
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    if (!g_unichar_isspace (g_utf8_get_char (p)))
      return FALSE;
  return TRUE;
}

static gboolean
too_long (const char *text)
{
  return text != NULL && g_utf8_strlen (text, -1) > MAX_TEXT;
}

static gboolean
country_known (VigieStore *store,
               const char *code)
{
  sqlite3_stmt *stmt = vigie_store_prepare (store, "SELECT 1 FROM countries WHERE code = ?",
                                            NULL);
  gboolean known;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, code, -1, SQLITE_TRANSIENT);
  known = sqlite3_step (stmt) == SQLITE_ROW;
  sqlite3_reset (stmt);
  return known;
}

static gboolean
looks_like_country_code (const char *code)
{
  return strlen (code) == 2 && g_ascii_isupper (code[0]) && g_ascii_isupper (code[1]);
}

GPtrArray *
vigie_site_validate (VigieStore            *store,
                     const VigieSiteRecord *record)
{
  GPtrArray *errors = g_ptr_array_new_with_free_func ((GDestroyNotify) vigie_field_error_free);
  gboolean has_lat, has_lng;

  g_return_val_if_fail (store == NULL || VIGIE_IS_STORE (store), errors);
  g_return_val_if_fail (record != NULL, errors);

  if (is_blank (record->name))
    add_error (errors, "name", "%s", _("Enter the name of the site"));
  else if (too_long (record->name))
    add_error (errors, "name", _("The name is longer than %d characters"), MAX_TEXT);

  if (too_long (record->native_name))
    add_error (errors, "native_name",
               _("The native-script name is longer than %d characters"), MAX_TEXT);

  if (too_long (record->address))
    add_error (errors, "address", _("The address is longer than %d characters"), MAX_TEXT);

  if (is_blank (record->country))
    add_error (errors, "country", "%s", _("Choose the country of the site"));
  else if (!looks_like_country_code (record->country)
           || (store != NULL && !country_known (store, record->country)))
    add_error (errors, "country", _("“%s” is not a known country code"), record->country);

  has_lat = !isnan (record->latitude);
  has_lng = !isnan (record->longitude);
  if (has_lat)
    {
      g_autofree char *reason = NULL;

      if (!vigie_validate_latitude (record->latitude, &reason))
        add_error (errors, "latitude", "%s", reason);
    }
  if (has_lng)
    {
      g_autofree char *reason = NULL;

      if (!vigie_validate_longitude (record->longitude, &reason))
        add_error (errors, "longitude", "%s", reason);
    }
  if (has_lat && !has_lng)
    add_error (errors, "longitude", "%s",
               _("Enter the longitude too, or leave both coordinates empty"));
  else if (has_lng && !has_lat)
    add_error (errors, "latitude", "%s",
               _("Enter the latitude too, or leave both coordinates empty"));

  if (record->os_id != NULL && *record->os_id != '\0')
    {
      g_autofree char *reason = NULL;

      if (!vigie_validate_os_id (record->os_id, &reason))
        add_error (errors, "os_id", "%s", reason);
      else if (store != NULL)
        {
          gint64 other = vigie_site_find_by_os_id (store, record->os_id);

          if (other != 0 && other != record->id)
            add_error (errors, "os_id", "%s",
                       _("Another site already has this Open Supply Hub ID"));
        }
    }

  if (record->location_type == NULL
      || !vigie_vocab_is_valid (VIGIE_VOCAB_LOCATION_TYPE, record->location_type))
    add_error (errors, "location_type", _("“%s” is not a location type"),
               record->location_type != NULL ? record->location_type : "");

  if (record->products != NULL && *record->products != '\0')
    {
      g_auto(GStrv) codes = g_strsplit (record->products, ",", -1);

      for (guint i = 0; codes[i] != NULL; i++)
        if (!vigie_vocab_is_valid (VIGIE_VOCAB_PRODUCT, codes[i]))
          {
            add_error (errors, "products", _("“%s” is not a product category"), codes[i]);
            break;
          }
    }

  return errors;
}

GPtrArray *
vigie_workforce_validate (const VigieWorkforceRecord *record)
{
  GPtrArray *errors = g_ptr_array_new_with_free_func ((GDestroyNotify) vigie_field_error_free);
  const struct { const char *field; gint64 value; const char *too_many; } groups[] = {
    { "women", record->women, N_("More women than workers in total") },
    { "migrant", record->migrant, N_("More migrant workers than workers in total") },
    { "agency", record->agency, N_("More agency workers than workers in total") },
    { "temporary", record->temporary, N_("More temporary workers than workers in total") },
    { "student", record->student, N_("More students and interns than workers in total") },
    { "under18", record->under18, N_("More workers under 18 than workers in total") },
  };
  gint64 limit = -1;

  if (record->as_of == NULL || *record->as_of == '\0')
    add_error (errors, "as_of", "%s", _("Enter the date of the figures"));
  else
    {
      g_autofree char *reason = NULL;

      if (!vigie_validate_date (record->as_of, &reason))
        add_error (errors, "as_of", "%s", reason);
    }

  if (record->source == NULL || *record->source == '\0')
    add_error (errors, "source", "%s", _("Choose where the figures come from"));
  else if (!vigie_vocab_is_valid (VIGIE_VOCAB_WORKFORCE_SOURCE, record->source))
    add_error (errors, "source", _("“%s” is not a source of workforce figures"),
               record->source);

  if (record->total < -1)
    add_error (errors, "total", "%s", _("The total cannot be negative"));
  else if (record->total >= 0)
    limit = record->total;

  if (record->total_min < -1)
    add_error (errors, "total_min", "%s", _("The range cannot be negative"));
  else if (record->total_max < -1)
    add_error (errors, "total_max", "%s", _("The range cannot be negative"));
  else if (record->total_min >= 0 && record->total_max < 0)
    add_error (errors, "total_max", "%s", _("Enter both ends of the range"));
  else if (record->total_max >= 0 && record->total_min < 0)
    add_error (errors, "total_min", "%s", _("Enter both ends of the range"));
  else if (record->total_min >= 0 && record->total_max < record->total_min)
    add_error (errors, "total_max", "%s", _("The range ends below where it starts"));
  else if (record->total >= 0 && record->total_min >= 0
           && (record->total < record->total_min || record->total > record->total_max))
    add_error (errors, "total", "%s", _("The total is outside the range"));
  else if (limit < 0 && record->total_max >= 0)
    limit = record->total_max;

  if (record->total == -1 && record->total_min == -1 && record->total_max == -1)
    add_error (errors, "total", "%s", _("Enter the total number of workers, or a range"));

  for (guint i = 0; i < G_N_ELEMENTS (groups); i++)
    {
      if (groups[i].value < -1)
        add_error (errors, groups[i].field, "%s", _("A number of workers cannot be negative"));
      else if (limit >= 0 && groups[i].value > limit)
        add_error (errors, groups[i].field, "%s", _(groups[i].too_many));
    }

  if (record->union_present < -1 || record->union_present > 1)
    add_error (errors, "union_present", "%s",
               _("Union presence must be yes, no or unknown"));

  return errors;
}

static gboolean
refuse_invalid (GPtrArray  *errors,
                GError    **error)
{
  VigieFieldError *first;

  if (errors->len == 0)
    return FALSE;
  first = g_ptr_array_index (errors, 0);
  g_set_error (error, VIGIE_STORE_ERROR, VIGIE_STORE_ERROR_CONSTRAINT, "%s", first->reason);
  return TRUE;
}

/* ─── Sites ──────────────────────────────────────────────────────────────── */

#define SITE_COLUMNS "id, uuid, name, native_name, address, country, latitude, longitude, " \
                     "os_id, parent_company, employer, location_type, products, closed, " \
                     "notes, created_at, updated_at"

static char *
column_dup_or_empty (sqlite3_stmt *stmt,
                     int           col)
{
  char *text = vigie_column_dup (stmt, col);

  return text != NULL ? text : g_strdup ("");
}

static double
column_double_or_nan (sqlite3_stmt *stmt,
                      int           col)
{
  if (sqlite3_column_type (stmt, col) == SQLITE_NULL)
    return NAN;
  return sqlite3_column_double (stmt, col);
}

static gint64
column_int_or_unknown (sqlite3_stmt *stmt,
                       int           col)
{
  if (sqlite3_column_type (stmt, col) == SQLITE_NULL)
    return -1;
  return sqlite3_column_int64 (stmt, col);
}

static void
bind_double_or_null (sqlite3_stmt *stmt,
                     int           index,
                     double        value)
{
  if (isnan (value))
    sqlite3_bind_null (stmt, index);
  else
    sqlite3_bind_double (stmt, index, value);
}

static void
bind_int_or_null (sqlite3_stmt *stmt,
                  int           index,
                  gint64        value)
{
  if (value < 0)
    sqlite3_bind_null (stmt, index);
  else
    sqlite3_bind_int64 (stmt, index, value);
}

static void
bind_os_id (sqlite3_stmt *stmt,
            int           index,
            const char   *os_id)
{
  vigie_bind_text (stmt, index, os_id != NULL && *os_id != '\0' ? os_id : NULL);
}

static gboolean
site_exists (VigieStore *store,
             gint64      id)
{
  sqlite3_stmt *stmt = vigie_store_prepare (store, "SELECT 1 FROM sites WHERE id = ?", NULL);
  gboolean found;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  found = sqlite3_step (stmt) == SQLITE_ROW;
  sqlite3_reset (stmt);
  return found;
}

static gint64
find_site_by (VigieStore *store,
              const char *sql,
              const char *value)
{
  sqlite3_stmt *stmt;
  gint64 id = 0;

  if (value == NULL || *value == '\0')
    return 0;
  stmt = vigie_store_prepare (store, sql, NULL);
  if (stmt == NULL)
    return 0;
  sqlite3_bind_text (stmt, 1, value, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    id = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  return id;
}

gint64
vigie_site_find_by_os_id (VigieStore *store,
                          const char *os_id)
{
  return find_site_by (store, "SELECT id FROM sites WHERE os_id = ?", os_id);
}

gint64
vigie_site_find_by_match_key (VigieStore *store,
                              const char *match_key)
{
  return find_site_by (store, "SELECT id FROM sites WHERE match_key = ? ORDER BY id LIMIT 1",
                       match_key);
}

VigieSiteRecord *
vigie_store_get_site (VigieStore  *store,
                      gint64       id,
                      GError     **error)
{
  sqlite3_stmt *stmt;
  VigieSiteRecord *record;
  int rc;

  g_return_val_if_fail (VIGIE_IS_STORE (store), NULL);

  stmt = vigie_store_prepare (store, "SELECT " SITE_COLUMNS " FROM sites WHERE id = ?", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      if (rc == SQLITE_DONE)
        g_set_error (error, VIGIE_STORE_ERROR, VIGIE_STORE_ERROR_NOT_FOUND,
                     _("The site no longer exists"));
      else
        vigie_store_set_error (store, rc, error);
      sqlite3_reset (stmt);
      return NULL;
    }

  record = g_new0 (VigieSiteRecord, 1);
  record->id = sqlite3_column_int64 (stmt, 0);
  record->uuid = vigie_column_dup (stmt, 1);
  record->name = column_dup_or_empty (stmt, 2);
  record->native_name = column_dup_or_empty (stmt, 3);
  record->address = column_dup_or_empty (stmt, 4);
  record->country = column_dup_or_empty (stmt, 5);
  record->latitude = column_double_or_nan (stmt, 6);
  record->longitude = column_double_or_nan (stmt, 7);
  record->os_id = vigie_column_dup (stmt, 8);
  record->parent_company = column_dup_or_empty (stmt, 9);
  record->employer = column_dup_or_empty (stmt, 10);
  record->location_type = column_dup_or_empty (stmt, 11);
  record->products = column_dup_or_empty (stmt, 12);
  record->closed = sqlite3_column_int (stmt, 13) != 0;
  record->notes = column_dup_or_empty (stmt, 14);
  record->created_at = vigie_column_dup (stmt, 15);
  record->updated_at = vigie_column_dup (stmt, 16);
  sqlite3_reset (stmt);
  return record;
}

gint64
vigie_site_insert_unaudited (VigieStore       *store,
                             VigieSiteRecord  *record,
                             GError          **error)
{
  g_autofree char *now = vigie_now_iso ();
  g_autofree char *match_key = NULL;
  sqlite3_stmt *stmt;

  stmt = vigie_store_prepare (store,
                              "INSERT INTO sites (uuid, name, native_name, address, country, "
                              "latitude, longitude, os_id, parent_company, employer, "
                              "location_type, products, closed, notes, match_key, created_at, "
                              "updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, "
                              "?11, ?12, ?13, ?14, ?15, ?16, ?16)",
                              error);
  if (stmt == NULL)
    return 0;

  if (record->uuid == NULL)
    record->uuid = vigie_uuid_new ();
  match_key = vigie_site_match_key (record->name, record->address, record->country);

  sqlite3_bind_text (stmt, 1, record->uuid, -1, SQLITE_TRANSIENT);
  vigie_bind_text_or_empty (stmt, 2, record->name);
  vigie_bind_text_or_empty (stmt, 3, record->native_name);
  vigie_bind_text_or_empty (stmt, 4, record->address);
  vigie_bind_text_or_empty (stmt, 5, record->country);
  bind_double_or_null (stmt, 6, record->latitude);
  bind_double_or_null (stmt, 7, record->longitude);
  bind_os_id (stmt, 8, record->os_id);
  vigie_bind_text_or_empty (stmt, 9, record->parent_company);
  vigie_bind_text_or_empty (stmt, 10, record->employer);
  vigie_bind_text_or_empty (stmt, 11, record->location_type);
  vigie_bind_text_or_empty (stmt, 12, record->products);
  sqlite3_bind_int (stmt, 13, record->closed ? 1 : 0);
  vigie_bind_text_or_empty (stmt, 14, record->notes);
  sqlite3_bind_text (stmt, 15, match_key, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 16, now, -1, SQLITE_TRANSIENT);
  if (!vigie_store_step_done (store, stmt, error))
    return 0;

  record->id = sqlite3_last_insert_rowid (vigie_store_get_db (store));
  g_free (record->created_at);
  record->created_at = g_strdup (now);
  g_free (record->updated_at);
  record->updated_at = g_strdup (now);
  return record->id;
}

gint64
vigie_store_insert_site (VigieStore       *store,
                         VigieSiteRecord  *record,
                         GError          **error)
{
  g_autoptr(GPtrArray) errors = NULL;
  g_autofree char *new_json = NULL;
  gint64 id;

  g_return_val_if_fail (VIGIE_IS_STORE (store), 0);
  g_return_val_if_fail (record != NULL, 0);

  errors = vigie_site_validate (store, record);
  if (refuse_invalid (errors, error))
    return 0;

  if (!vigie_store_begin (store, error))
    return 0;
  id = vigie_site_insert_unaudited (store, record, error);
  if (id == 0)
    goto fail;
  new_json = vigie_store_snapshot (store, "sites", id);
  if (!vigie_store_audit (store, "sites", id, "insert", NULL, new_json, error))
    goto fail;
  if (!vigie_store_commit (store, error))
    {
      record->id = 0;
      return 0;
    }
  return id;

fail:
  vigie_store_rollback (store);
  record->id = 0;
  return 0;
}

gboolean
vigie_store_update_site (VigieStore             *store,
                         const VigieSiteRecord  *record,
                         GError                **error)
{
  g_autoptr(GPtrArray) errors = NULL;
  g_autofree char *old_json = NULL;
  g_autofree char *new_json = NULL;
  g_autofree char *now = NULL;
  g_autofree char *match_key = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (VIGIE_IS_STORE (store), FALSE);
  g_return_val_if_fail (record != NULL, FALSE);

  errors = vigie_site_validate (store, record);
  if (refuse_invalid (errors, error))
    return FALSE;

  if (!vigie_store_begin (store, error))
    return FALSE;

  old_json = vigie_store_snapshot (store, "sites", record->id);
  if (old_json == NULL)
    {
      g_set_error (error, VIGIE_STORE_ERROR, VIGIE_STORE_ERROR_NOT_FOUND,
                   _("The site no longer exists"));
      goto fail;
    }

  stmt = vigie_store_prepare (store,
                              "UPDATE sites SET name = ?2, native_name = ?3, address = ?4, "
                              "country = ?5, latitude = ?6, longitude = ?7, os_id = ?8, "
                              "parent_company = ?9, employer = ?10, location_type = ?11, "
                              "products = ?12, closed = ?13, notes = ?14, match_key = ?15, "
                              "updated_at = ?16 WHERE id = ?1",
                              error);
  if (stmt == NULL)
    goto fail;
  now = vigie_now_iso ();
  match_key = vigie_site_match_key (record->name, record->address, record->country);
  sqlite3_bind_int64 (stmt, 1, record->id);
  vigie_bind_text_or_empty (stmt, 2, record->name);
  vigie_bind_text_or_empty (stmt, 3, record->native_name);
  vigie_bind_text_or_empty (stmt, 4, record->address);
  vigie_bind_text_or_empty (stmt, 5, record->country);
  bind_double_or_null (stmt, 6, record->latitude);
  bind_double_or_null (stmt, 7, record->longitude);
  bind_os_id (stmt, 8, record->os_id);
  vigie_bind_text_or_empty (stmt, 9, record->parent_company);
  vigie_bind_text_or_empty (stmt, 10, record->employer);
  vigie_bind_text_or_empty (stmt, 11, record->location_type);
  vigie_bind_text_or_empty (stmt, 12, record->products);
  sqlite3_bind_int (stmt, 13, record->closed ? 1 : 0);
  vigie_bind_text_or_empty (stmt, 14, record->notes);
  sqlite3_bind_text (stmt, 15, match_key, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 16, now, -1, SQLITE_TRANSIENT);
  if (!vigie_store_step_done (store, stmt, error))
    goto fail;

  new_json = vigie_store_snapshot (store, "sites", record->id);
  if (!vigie_store_audit (store, "sites", record->id, "update", old_json, new_json, error))
    goto fail;
  return vigie_store_commit (store, error);

fail:
  vigie_store_rollback (store);
  return FALSE;
}

gboolean
vigie_store_delete_site (VigieStore  *store,
                         gint64       id,
                         GError     **error)
{
  g_autofree char *old_json = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (VIGIE_IS_STORE (store), FALSE);

  if (!vigie_store_begin (store, error))
    return FALSE;

  old_json = vigie_store_snapshot (store, "sites", id);
  if (old_json == NULL)
    {
      g_set_error (error, VIGIE_STORE_ERROR, VIGIE_STORE_ERROR_NOT_FOUND,
                   _("The site no longer exists"));
      goto fail;
    }

  /* The workforce snapshots go with the site (ON DELETE CASCADE): keep them in the audit
   * log too, so that undoing the deletion can bring them back. */
  stmt = vigie_store_prepare (store, "SELECT id FROM workforce_snapshots WHERE site_id = ? "
                              "ORDER BY id", error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, id);
  {
    g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));

    while (sqlite3_step (stmt) == SQLITE_ROW)
      {
        gint64 wid = sqlite3_column_int64 (stmt, 0);
        g_array_append_val (ids, wid);
      }
    sqlite3_reset (stmt);
    for (guint i = 0; i < ids->len; i++)
      {
        gint64 wid = g_array_index (ids, gint64, i);
        g_autofree char *w_json = vigie_store_snapshot (store, "workforce_snapshots", wid);

        if (!vigie_store_audit (store, "workforce_snapshots", wid, "delete", w_json, NULL,
                                error))
          goto fail;
      }
  }

  stmt = vigie_store_prepare (store, "DELETE FROM sites WHERE id = ?", error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, id);
  if (!vigie_store_step_done (store, stmt, error))
    goto fail;
  if (!vigie_store_audit (store, "sites", id, "delete", old_json, NULL, error))
    goto fail;
  return vigie_store_commit (store, error);

fail:
  vigie_store_rollback (store);
  return FALSE;
}

/* ─── Workforce snapshots ────────────────────────────────────────────────── */

#define WORKFORCE_COLUMNS "id, site_id, as_of, source, total, total_min, total_max, women, " \
                          "migrant, agency, temporary, student, under18, union_present, notes"

static VigieWorkforceRecord *
workforce_from_row (sqlite3_stmt *stmt)
{
  VigieWorkforceRecord *record = g_new0 (VigieWorkforceRecord, 1);

  record->id = sqlite3_column_int64 (stmt, 0);
  record->site_id = sqlite3_column_int64 (stmt, 1);
  record->as_of = column_dup_or_empty (stmt, 2);
  record->source = column_dup_or_empty (stmt, 3);
  record->total = column_int_or_unknown (stmt, 4);
  record->total_min = column_int_or_unknown (stmt, 5);
  record->total_max = column_int_or_unknown (stmt, 6);
  record->women = column_int_or_unknown (stmt, 7);
  record->migrant = column_int_or_unknown (stmt, 8);
  record->agency = column_int_or_unknown (stmt, 9);
  record->temporary = column_int_or_unknown (stmt, 10);
  record->student = column_int_or_unknown (stmt, 11);
  record->under18 = column_int_or_unknown (stmt, 12);
  record->union_present = (int) column_int_or_unknown (stmt, 13);
  record->notes = column_dup_or_empty (stmt, 14);
  return record;
}

GPtrArray *
vigie_store_list_workforce (VigieStore  *store,
                            gint64       site_id,
                            GError     **error)
{
  g_autoptr(GPtrArray) records = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (VIGIE_IS_STORE (store), NULL);

  stmt = vigie_store_prepare (store,
                              "SELECT " WORKFORCE_COLUMNS " FROM workforce_snapshots "
                              "WHERE site_id = ? ORDER BY as_of DESC, id DESC",
                              error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, site_id);
  records = g_ptr_array_new_with_free_func ((GDestroyNotify) vigie_workforce_record_free);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (records, workforce_from_row (stmt));
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      vigie_store_set_error (store, rc, error);
      return NULL;
    }
  return g_steal_pointer (&records);
}

static void
bind_workforce_values (sqlite3_stmt               *stmt,
                       const VigieWorkforceRecord *record)
{
  /* ?2 .. ?14 in WORKFORCE_COLUMNS order after site_id. */
  vigie_bind_text_or_empty (stmt, 2, record->as_of);
  vigie_bind_text_or_empty (stmt, 3, record->source);
  bind_int_or_null (stmt, 4, record->total);
  bind_int_or_null (stmt, 5, record->total_min);
  bind_int_or_null (stmt, 6, record->total_max);
  bind_int_or_null (stmt, 7, record->women);
  bind_int_or_null (stmt, 8, record->migrant);
  bind_int_or_null (stmt, 9, record->agency);
  bind_int_or_null (stmt, 10, record->temporary);
  bind_int_or_null (stmt, 11, record->student);
  bind_int_or_null (stmt, 12, record->under18);
  bind_int_or_null (stmt, 13, record->union_present);
  vigie_bind_text_or_empty (stmt, 14, record->notes);
}

gint64
vigie_workforce_insert_unaudited (VigieStore            *store,
                                  VigieWorkforceRecord  *record,
                                  GError               **error)
{
  g_autofree char *now = vigie_now_iso ();
  g_autofree char *uuid = vigie_uuid_new ();
  sqlite3_stmt *stmt;

  stmt = vigie_store_prepare (store,
                              "INSERT INTO workforce_snapshots (site_id, as_of, source, total, "
                              "total_min, total_max, women, migrant, agency, temporary, "
                              "student, under18, union_present, notes, uuid, created_at, "
                              "updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, "
                              "?11, ?12, ?13, ?14, ?15, ?16, ?16)",
                              error);
  if (stmt == NULL)
    return 0;
  sqlite3_bind_int64 (stmt, 1, record->site_id);
  bind_workforce_values (stmt, record);
  sqlite3_bind_text (stmt, 15, uuid, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 16, now, -1, SQLITE_TRANSIENT);
  if (!vigie_store_step_done (store, stmt, error))
    return 0;
  record->id = sqlite3_last_insert_rowid (vigie_store_get_db (store));
  return record->id;
}

gint64
vigie_store_insert_workforce (VigieStore            *store,
                              VigieWorkforceRecord  *record,
                              GError               **error)
{
  g_autoptr(GPtrArray) errors = NULL;
  g_autofree char *new_json = NULL;
  gint64 id;

  g_return_val_if_fail (VIGIE_IS_STORE (store), 0);
  g_return_val_if_fail (record != NULL, 0);

  errors = vigie_workforce_validate (record);
  if (refuse_invalid (errors, error))
    return 0;

  if (!vigie_store_begin (store, error))
    return 0;
  if (!site_exists (store, record->site_id))
    {
      g_set_error (error, VIGIE_STORE_ERROR, VIGIE_STORE_ERROR_NOT_FOUND,
                   _("The site no longer exists"));
      goto fail;
    }
  id = vigie_workforce_insert_unaudited (store, record, error);
  if (id == 0)
    goto fail;
  new_json = vigie_store_snapshot (store, "workforce_snapshots", id);
  if (!vigie_store_audit (store, "workforce_snapshots", id, "insert", NULL, new_json, error))
    goto fail;
  if (!vigie_store_commit (store, error))
    {
      record->id = 0;
      return 0;
    }
  return id;

fail:
  vigie_store_rollback (store);
  record->id = 0;
  return 0;
}

gboolean
vigie_store_update_workforce (VigieStore                  *store,
                              const VigieWorkforceRecord  *record,
                              GError                     **error)
{
  g_autoptr(GPtrArray) errors = NULL;
  g_autofree char *old_json = NULL;
  g_autofree char *new_json = NULL;
  g_autofree char *now = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (VIGIE_IS_STORE (store), FALSE);
  g_return_val_if_fail (record != NULL, FALSE);

  errors = vigie_workforce_validate (record);
  if (refuse_invalid (errors, error))
    return FALSE;

  if (!vigie_store_begin (store, error))
    return FALSE;
  old_json = vigie_store_snapshot (store, "workforce_snapshots", record->id);
  if (old_json == NULL)
    {
      g_set_error (error, VIGIE_STORE_ERROR, VIGIE_STORE_ERROR_NOT_FOUND,
                   _("The workforce figures no longer exist"));
      goto fail;
    }

  stmt = vigie_store_prepare (store,
                              "UPDATE workforce_snapshots SET as_of = ?2, source = ?3, "
                              "total = ?4, total_min = ?5, total_max = ?6, women = ?7, "
                              "migrant = ?8, agency = ?9, temporary = ?10, student = ?11, "
                              "under18 = ?12, union_present = ?13, notes = ?14, "
                              "updated_at = ?15 WHERE id = ?1",
                              error);
  if (stmt == NULL)
    goto fail;
  now = vigie_now_iso ();
  sqlite3_bind_int64 (stmt, 1, record->id);
  bind_workforce_values (stmt, record);
  sqlite3_bind_text (stmt, 15, now, -1, SQLITE_TRANSIENT);
  if (!vigie_store_step_done (store, stmt, error))
    goto fail;

  new_json = vigie_store_snapshot (store, "workforce_snapshots", record->id);
  if (!vigie_store_audit (store, "workforce_snapshots", record->id, "update", old_json,
                          new_json, error))
    goto fail;
  return vigie_store_commit (store, error);

fail:
  vigie_store_rollback (store);
  return FALSE;
}

gboolean
vigie_store_delete_workforce (VigieStore  *store,
                              gint64       id,
                              GError     **error)
{
  g_autofree char *old_json = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (VIGIE_IS_STORE (store), FALSE);

  if (!vigie_store_begin (store, error))
    return FALSE;
  old_json = vigie_store_snapshot (store, "workforce_snapshots", id);
  if (old_json == NULL)
    {
      g_set_error (error, VIGIE_STORE_ERROR, VIGIE_STORE_ERROR_NOT_FOUND,
                   _("The workforce figures no longer exist"));
      goto fail;
    }
  stmt = vigie_store_prepare (store, "DELETE FROM workforce_snapshots WHERE id = ?", error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, id);
  if (!vigie_store_step_done (store, stmt, error))
    goto fail;
  if (!vigie_store_audit (store, "workforce_snapshots", id, "delete", old_json, NULL, error))
    goto fail;
  return vigie_store_commit (store, error);

fail:
  vigie_store_rollback (store);
  return FALSE;
}
