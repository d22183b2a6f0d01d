/* vigie-evidence.c — evidence records and the files attached to them.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <sys/resource.h>
#include <unistd.h>
#include <string.h>

#include "vigie-evidence.h"
#include "vigie-store-private.h"
#include "vigie-util.h"
#include "vigie-validate.h"
#include "vigie-vocab.h"

G_DEFINE_QUARK (vigie-evidence-error-quark, vigie_evidence_error)

/* ─── Records ────────────────────────────────────────────────────────────── */

VigieEvidenceRecord *
vigie_evidence_record_new (void)
{
  VigieEvidenceRecord *r = g_new0 (VigieEvidenceRecord, 1);

  r->kind = g_strdup ("document");
  r->summary = g_strdup ("");
  r->sources_count = 1;
  r->file_size = -1;
  r->confidential = TRUE;
  r->notes = g_strdup ("");
  return r;
}

VigieEvidenceRecord *
vigie_evidence_record_copy (const VigieEvidenceRecord *record)
{
  VigieEvidenceRecord *r;

  g_return_val_if_fail (record != NULL, NULL);
  r = g_new0 (VigieEvidenceRecord, 1);
  *r = *record;
  r->uuid = g_strdup (record->uuid);
  r->kind = g_strdup (record->kind);
  r->summary = g_strdup (record->summary);
  r->pseudonym = g_strdup (record->pseudonym);
  r->collected_on = g_strdup (record->collected_on);
  r->file_name = g_strdup (record->file_name);
  r->file_sha256 = g_strdup (record->file_sha256);
  r->media_type = g_strdup (record->media_type);
  r->notes = g_strdup (record->notes);
  return r;
}

void
vigie_evidence_record_free (VigieEvidenceRecord *r)
{
  if (r == NULL)
    return;
  g_free (r->uuid);
  g_free (r->kind);
  g_free (r->summary);
  g_free (r->pseudonym);
  g_free (r->collected_on);
  g_free (r->file_name);
  g_free (r->file_sha256);
  g_free (r->media_type);
  g_free (r->notes);
  g_free (r);
}

static gboolean
empty_str (const char *s)
{
  return s == NULL || *s == '\0';
}

static void
add_error (GPtrArray  *errors,
           const char *field,
           char       *reason)
{
  VigieFieldError *e = g_new0 (VigieFieldError, 1);

  e->field = field;
  e->reason = reason;
  g_ptr_array_add (errors, e);
}

/* A stored name: "<64 hex>" optionally followed by ".ext" (letters and digits). */
static gboolean
is_safe_file_name (const char *name)
{
  const char *p;

  if (name == NULL || strlen (name) < 64)
    return FALSE;
  for (p = name; p < name + 64; p++)
    if (!g_ascii_isxdigit (*p))
      return FALSE;
  if (*p == '\0')
    return TRUE;
  if (*p++ != '.' || *p == '\0')
    return FALSE;
  for (; *p != '\0'; p++)
    if (!g_ascii_isalnum (*p))
      return FALSE;
  return TRUE;
}

GPtrArray *
vigie_evidence_validate (const VigieEvidenceRecord *record)
{
  GPtrArray *errors = g_ptr_array_new_with_free_func ((GDestroyNotify) vigie_field_error_free);
  gboolean testimony;
  char *reason = NULL;

  g_return_val_if_fail (record != NULL, errors);

  if (!vigie_vocab_is_valid (VIGIE_VOCAB_EVIDENCE_KIND, record->kind))
    add_error (errors, "kind", g_strdup (_("Choose the kind of evidence.")));
  testimony = g_strcmp0 (record->kind, "testimony") == 0;
  if (testimony)
    {
      g_autofree char *p = g_strstrip (g_strdup (record->pseudonym != NULL
                                                 ? record->pseudonym : ""));

      if (*p == '\0')
        add_error (errors, "pseudonym",
                   g_strdup (_("Testimony is recorded under a pseudonym: enter one (never the "
                               "person’s real name).")));
      else if (g_utf8_strlen (p, -1) > 60)
        add_error (errors, "pseudonym", g_strdup (_("The pseudonym is too long.")));
    }
  else
    {
      if (!empty_str (record->pseudonym))
        add_error (errors, "pseudonym", g_strdup (_("Only testimony has a pseudonym.")));
      if (record->consent_to_quote)
        add_error (errors, "consent_to_quote",
                   g_strdup (_("Consent to quote applies to testimony only.")));
    }
  if (record->sources_count < 0)
    add_error (errors, "sources_count",
               g_strdup (_("The number of sources cannot be negative.")));
  if (!empty_str (record->collected_on) && !vigie_validate_date (record->collected_on, &reason))
    add_error (errors, "collected_on", g_steal_pointer (&reason));
  g_clear_pointer (&reason, g_free);

  if (!empty_str (record->file_name))
    {
      if (!is_safe_file_name (record->file_name))
        add_error (errors, "file_name",
                   g_strdup (_("The attached file is not stored in the dataset’s evidence "
                               "folder.")));
      if (record->file_sha256 == NULL || strlen (record->file_sha256) != 64
          || record->file_size < 0)
        add_error (errors, "file_sha256", g_strdup (_("The attached file has no SHA-256.")));
    }
  return errors;
}

/* ─── Files ──────────────────────────────────────────────────────────────── */

char *
vigie_evidence_folder (VigieStore *store)
{
  const char *path;
  g_autofree char *base = NULL;

  g_return_val_if_fail (VIGIE_IS_STORE (store), NULL);

  path = vigie_store_get_path (store);
  if (g_str_has_suffix (path, ".db"))
    base = g_strndup (path, strlen (path) - 3);
  else
    base = g_strdup (path);
  return g_strconcat (base, "-evidence", NULL);
}

char *
vigie_evidence_hash_file (const char  *path,
                          gint64      *size,
                          GError     **error)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFileInputStream) in = NULL;
  g_autoptr(GChecksum) sum = g_checksum_new (G_CHECKSUM_SHA256);
  guint8 buf[65536];
  gint64 total = 0;
  gssize n;

  in = g_file_read (file, NULL, error);
  if (in == NULL)
    return NULL;
  while ((n = g_input_stream_read (G_INPUT_STREAM (in), buf, sizeof buf, NULL, error)) > 0)
    {
      g_checksum_update (sum, buf, (gsize) n);
      total += n;
    }
  if (n < 0)
    return NULL;
  if (size != NULL)
    *size = total;
  return g_strdup (g_checksum_get_string (sum));
}

static const struct
{
  const char *media_type;
  const char *extension;
} accepted_types[] = {
  { "application/pdf", "pdf" },
  { "image/png", "png" },
  { "image/jpeg", "jpg" },
  { "image/gif", "gif" },
  { "image/webp", "webp" },
  { "image/tiff", "tif" },
};

/* The media type from the first bytes (magic numbers), not the name. */
static const char *
sniff_media_type (const guint8 *data,
                  gsize         len)
{
  if (len >= 5 && memcmp (data, "%PDF-", 5) == 0)
    return "application/pdf";
  if (len >= 8 && memcmp (data, "\x89PNG\r\n\x1a\n", 8) == 0)
    return "image/png";
  if (len >= 3 && memcmp (data, "\xff\xd8\xff", 3) == 0)
    return "image/jpeg";
  if (len >= 6 && (memcmp (data, "GIF87a", 6) == 0 || memcmp (data, "GIF89a", 6) == 0))
    return "image/gif";
  if (len >= 12 && memcmp (data, "RIFF", 4) == 0 && memcmp (data + 8, "WEBP", 4) == 0)
    return "image/webp";
  if (len >= 4 && (memcmp (data, "II*\0", 4) == 0 || memcmp (data, "MM\0*", 4) == 0))
    return "image/tiff";
  /* PDF allows up to 1024 bytes of junk before the header. */
  if (len > 5)
    {
      gsize limit = MIN (len, 1024);

      for (gsize i = 0; i + 5 <= limit; i++)
        if (memcmp (data + i, "%PDF-", 5) == 0)
          return "application/pdf";
    }
  return NULL;
}

gboolean
vigie_evidence_attach_file (VigieStore           *store,
                            VigieEvidenceRecord  *record,
                            const char           *source_path,
                            GCancellable         *cancellable,
                            GError              **error)
{
  g_autofree char *folder = NULL;
  g_autofree char *tmp_path = NULL;
  g_autofree char *final_name = NULL;
  g_autofree char *final_path = NULL;
  g_autoptr(GFile) source = NULL;
  g_autoptr(GFileInputStream) in = NULL;
  g_autoptr(GChecksum) sum = g_checksum_new (G_CHECKSUM_SHA256);
  g_autoptr(GError) local_error = NULL;
  guint8 buf[65536];
  const char *media_type = NULL;
  const char *extension = NULL;
  gint64 total = 0;
  gboolean first = TRUE;
  gssize n;
  int fd;

  g_return_val_if_fail (VIGIE_IS_STORE (store), FALSE);
  g_return_val_if_fail (record != NULL, FALSE);
  g_return_val_if_fail (source_path != NULL, FALSE);

  folder = vigie_evidence_folder (store);
  if (g_mkdir_with_parents (folder, 0700) != 0)
    {
      int saved = errno;

      g_set_error (error, VIGIE_EVIDENCE_ERROR, VIGIE_EVIDENCE_ERROR_WRITE,
                   _("Cannot create the evidence folder “%1$s”: %2$s"), folder, g_strerror (saved));
      return FALSE;
    }
  g_chmod (folder, 0700);

  source = g_file_new_for_path (source_path);
  in = g_file_read (source, cancellable, &local_error);
  if (in == NULL)
    {
      g_autofree char *display = g_filename_display_basename (source_path);

      g_set_error (error, VIGIE_EVIDENCE_ERROR, VIGIE_EVIDENCE_ERROR_READ,
                   _("Cannot read “%1$s”: %2$s"), display, local_error->message);
      return FALSE;
    }

  tmp_path = g_build_filename (folder, ".attach-XXXXXX", NULL);
  fd = g_mkstemp_full (tmp_path, O_WRONLY | O_CREAT | O_EXCL, 0600);
  if (fd < 0)
    {
      int saved = errno;

      g_set_error (error, VIGIE_EVIDENCE_ERROR, VIGIE_EVIDENCE_ERROR_WRITE,
                   _("Cannot write in the evidence folder: %s"), g_strerror (saved));
      return FALSE;
    }

  while ((n = g_input_stream_read (G_INPUT_STREAM (in), buf, sizeof buf, cancellable,
                                   &local_error)) > 0)
    {
      gssize done = 0;

      if (first)
        {
          guint n_types = G_N_ELEMENTS (accepted_types);

          first = FALSE;
          media_type = sniff_media_type (buf, (gsize) n);
          for (guint i = 0; media_type != NULL && i < n_types; i++)
            if (strcmp (accepted_types[i].media_type, media_type) == 0)
              extension = accepted_types[i].extension;
          if (media_type == NULL)
            {
              g_autofree char *display = g_filename_display_basename (source_path);

              close (fd);
              g_unlink (tmp_path);
              g_set_error (error, VIGIE_EVIDENCE_ERROR, VIGIE_EVIDENCE_ERROR_TYPE,
                           _("“%s” is neither a PDF file nor an image: only those can be "
                             "attached."), display);
              return FALSE;
            }
        }
      g_checksum_update (sum, buf, (gsize) n);
      total += n;
      while (done < n)
        {
          gssize w = write (fd, buf + done, (gsize) (n - done));

          if (w < 0 && errno == EINTR)
            continue;
          if (w < 0)
            {
              int saved = errno;

              close (fd);
              g_unlink (tmp_path);
              g_set_error (error, VIGIE_EVIDENCE_ERROR, VIGIE_EVIDENCE_ERROR_WRITE,
                           _("Cannot write in the evidence folder: %s"), g_strerror (saved));
              return FALSE;
            }
          done += w;
        }
    }
  if (n < 0 || first)
    {
      g_autofree char *display = g_filename_display_basename (source_path);

      close (fd);
      g_unlink (tmp_path);
      if (n < 0)
        g_set_error (error, VIGIE_EVIDENCE_ERROR, VIGIE_EVIDENCE_ERROR_READ,
                     _("Cannot read “%1$s”: %2$s"), display, local_error->message);
      else
        g_set_error (error, VIGIE_EVIDENCE_ERROR, VIGIE_EVIDENCE_ERROR_TYPE,
                     _("“%s” is empty."), display);
      return FALSE;
    }
  if (fsync (fd) != 0 || close (fd) != 0)
    {
      int saved = errno;

      g_unlink (tmp_path);
      g_set_error (error, VIGIE_EVIDENCE_ERROR, VIGIE_EVIDENCE_ERROR_WRITE,
                   _("Cannot write in the evidence folder: %s"), g_strerror (saved));
      return FALSE;
    }

  final_name = g_strdup_printf ("%s.%s", g_checksum_get_string (sum), extension);
  final_path = g_build_filename (folder, final_name, NULL);
  /* The same content attached twice is stored once. */
  if (g_file_test (final_path, G_FILE_TEST_EXISTS))
    g_unlink (tmp_path);
  else if (g_rename (tmp_path, final_path) != 0)
    {
      int saved = errno;

      g_unlink (tmp_path);
      g_set_error (error, VIGIE_EVIDENCE_ERROR, VIGIE_EVIDENCE_ERROR_WRITE,
                   _("Cannot write in the evidence folder: %s"), g_strerror (saved));
      return FALSE;
    }

  g_free (record->file_name);
  record->file_name = g_steal_pointer (&final_name);
  g_free (record->file_sha256);
  record->file_sha256 = g_strdup (g_checksum_get_string (sum));
  record->file_size = total;
  g_free (record->media_type);
  record->media_type = g_strdup (media_type);
  return TRUE;
}

char *
vigie_evidence_file_path (VigieStore                *store,
                          const VigieEvidenceRecord *record)
{
  g_autofree char *folder = NULL;

  g_return_val_if_fail (VIGIE_IS_STORE (store), NULL);
  g_return_val_if_fail (record != NULL, NULL);

  if (!is_safe_file_name (record->file_name))
    return NULL;
  folder = vigie_evidence_folder (store);
  return g_build_filename (folder, record->file_name, NULL);
}

gboolean
vigie_evidence_verify_file (VigieStore                 *store,
                            const VigieEvidenceRecord  *record,
                            GError                    **error)
{
  g_autofree char *path = vigie_evidence_file_path (store, record);
  g_autofree char *sha = NULL;
  gint64 size = 0;

  if (path == NULL)
    {
      g_set_error_literal (error, VIGIE_EVIDENCE_ERROR, VIGIE_EVIDENCE_ERROR_MISSING,
                           _("This evidence has no attached file."));
      return FALSE;
    }
  sha = vigie_evidence_hash_file (path, &size, NULL);
  if (sha == NULL)
    {
      g_set_error_literal (error, VIGIE_EVIDENCE_ERROR, VIGIE_EVIDENCE_ERROR_MISSING,
                           _("The attached file is missing from the evidence folder."));
      return FALSE;
    }
  if (g_ascii_strcasecmp (sha, record->file_sha256) != 0 || size != record->file_size)
    {
      g_set_error_literal (error, VIGIE_EVIDENCE_ERROR, VIGIE_EVIDENCE_ERROR_MISSING,
                           _("The attached file was changed since it was attached: its "
                             "SHA-256 no longer matches."));
      return FALSE;
    }
  return TRUE;
}

/* ─── CRUD ───────────────────────────────────────────────────────────────── */

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

#define EVIDENCE_COLUMNS "id, uuid, finding_id, kind, summary, sources_count, pseudonym, " \
                         "consent_to_quote, collected_on, file_name, file_sha256, file_size, " \
                         "media_type, confidential, notes"

static VigieEvidenceRecord *
read_evidence (sqlite3_stmt *stmt)
{
  VigieEvidenceRecord *r = g_new0 (VigieEvidenceRecord, 1);
  char *s;

  r->id = sqlite3_column_int64 (stmt, 0);
  r->uuid = vigie_column_dup (stmt, 1);
  r->finding_id = sqlite3_column_int64 (stmt, 2);
  r->kind = vigie_column_dup (stmt, 3);
  s = vigie_column_dup (stmt, 4);
  r->summary = s != NULL ? s : g_strdup ("");
  r->sources_count = sqlite3_column_int64 (stmt, 5);
  r->pseudonym = vigie_column_dup (stmt, 6);
  r->consent_to_quote = sqlite3_column_int (stmt, 7) != 0;
  r->collected_on = vigie_column_dup (stmt, 8);
  r->file_name = vigie_column_dup (stmt, 9);
  r->file_sha256 = vigie_column_dup (stmt, 10);
  r->file_size = sqlite3_column_type (stmt, 11) == SQLITE_NULL ? -1
                 : sqlite3_column_int64 (stmt, 11);
  r->media_type = vigie_column_dup (stmt, 12);
  r->confidential = sqlite3_column_int (stmt, 13) != 0;
  s = vigie_column_dup (stmt, 14);
  r->notes = s != NULL ? s : g_strdup ("");
  return r;
}

GPtrArray *
vigie_store_list_evidence (VigieStore  *store,
                           gint64       finding_id,
                           GError     **error)
{
  g_autoptr(GPtrArray) list = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (VIGIE_IS_STORE (store), NULL);

  stmt = vigie_store_prepare (store, "SELECT " EVIDENCE_COLUMNS " FROM evidence "
                                     "WHERE finding_id = ?1 ORDER BY id", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, finding_id);
  list = g_ptr_array_new_with_free_func ((GDestroyNotify) vigie_evidence_record_free);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (list, read_evidence (stmt));
  if (rc != SQLITE_DONE)
    {
      vigie_store_set_error (store, rc, error);
      sqlite3_reset (stmt);
      return NULL;
    }
  sqlite3_reset (stmt);
  return g_steal_pointer (&list);
}

VigieEvidenceRecord *
vigie_store_get_evidence (VigieStore  *store,
                          gint64       id,
                          GError     **error)
{
  sqlite3_stmt *stmt;
  VigieEvidenceRecord *r = NULL;
  int rc;

  g_return_val_if_fail (VIGIE_IS_STORE (store), NULL);

  stmt = vigie_store_prepare (store, "SELECT " EVIDENCE_COLUMNS " FROM evidence WHERE id = ?1",
                              error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    r = read_evidence (stmt);
  else if (rc == SQLITE_DONE)
    g_set_error (error, VIGIE_STORE_ERROR, VIGIE_STORE_ERROR_NOT_FOUND,
                 _("The evidence no longer exists."));
  else
    vigie_store_set_error (store, rc, error);
  sqlite3_reset (stmt);
  return r;
}

static void
bind_evidence (sqlite3_stmt              *stmt,
               const VigieEvidenceRecord *r,
               const char                *now)
{
  gboolean testimony = g_strcmp0 (r->kind, "testimony") == 0;
  g_autofree char *pseudonym = testimony && r->pseudonym != NULL
                               ? g_strstrip (g_strdup (r->pseudonym)) : NULL;

  sqlite3_bind_int64 (stmt, 2, r->finding_id);
  vigie_bind_text_or_empty (stmt, 3, r->kind);
  vigie_bind_text_or_empty (stmt, 4, r->summary);
  sqlite3_bind_int64 (stmt, 5, r->sources_count);
  vigie_bind_text (stmt, 6, pseudonym);
  sqlite3_bind_int (stmt, 7, testimony && r->consent_to_quote ? 1 : 0);
  vigie_bind_text (stmt, 8, empty_str (r->collected_on) ? NULL : r->collected_on);
  vigie_bind_text (stmt, 9, empty_str (r->file_name) ? NULL : r->file_name);
  vigie_bind_text (stmt, 10, empty_str (r->file_name) ? NULL : r->file_sha256);
  if (!empty_str (r->file_name) && r->file_size >= 0)
    sqlite3_bind_int64 (stmt, 11, r->file_size);
  else
    sqlite3_bind_null (stmt, 11);
  vigie_bind_text (stmt, 12, empty_str (r->file_name) ? NULL : r->media_type);
  sqlite3_bind_int (stmt, 13, r->confidential ? 1 : 0);
  vigie_bind_text_or_empty (stmt, 14, r->notes);
  sqlite3_bind_text (stmt, 15, now, -1, SQLITE_TRANSIENT);
}

gint64
vigie_store_insert_evidence (VigieStore           *store,
                             VigieEvidenceRecord  *record,
                             GError              **error)
{
  g_autoptr(GPtrArray) errors = NULL;
  g_autofree char *now = vigie_now_iso ();
  g_autofree char *json = NULL;
  sqlite3_stmt *stmt;
  gint64 id;

  g_return_val_if_fail (VIGIE_IS_STORE (store), 0);

  errors = vigie_evidence_validate (record);
  if (refuse_invalid (errors, error))
    return 0;
  if (!vigie_store_begin (store, error))
    return 0;
  stmt = vigie_store_prepare (store, "INSERT INTO evidence (uuid, finding_id, kind, summary, "
                                     "sources_count, pseudonym, consent_to_quote, collected_on, "
                                     "file_name, file_sha256, file_size, media_type, "
                                     "confidential, notes, created_at, updated_at) VALUES (?1, "
                                     "?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, "
                                     "?15, ?15)", error);
  if (stmt == NULL)
    goto fail;
  if (empty_str (record->uuid))
    {
      g_free (record->uuid);
      record->uuid = vigie_uuid_new ();
    }
  sqlite3_bind_text (stmt, 1, record->uuid, -1, SQLITE_TRANSIENT);
  bind_evidence (stmt, record, now);
  if (!vigie_store_step_done (store, stmt, error))
    goto fail;
  id = sqlite3_last_insert_rowid (vigie_store_get_db (store));
  json = vigie_store_snapshot (store, "evidence", id);
  if (!vigie_store_audit (store, "evidence", id, "insert", NULL, json, error))
    goto fail;
  if (!vigie_store_commit (store, error))
    goto fail;
  record->id = id;
  return id;

fail:
  vigie_store_rollback (store);
  return 0;
}

gboolean
vigie_store_update_evidence (VigieStore                 *store,
                             const VigieEvidenceRecord  *record,
                             GError                    **error)
{
  g_autoptr(GPtrArray) errors = NULL;
  g_autofree char *now = vigie_now_iso ();
  g_autofree char *old_json = NULL;
  g_autofree char *new_json = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (VIGIE_IS_STORE (store), FALSE);

  errors = vigie_evidence_validate (record);
  if (refuse_invalid (errors, error))
    return FALSE;
  if (!vigie_store_begin (store, error))
    return FALSE;
  old_json = vigie_store_snapshot (store, "evidence", record->id);
  if (old_json == NULL)
    {
      g_set_error (error, VIGIE_STORE_ERROR, VIGIE_STORE_ERROR_NOT_FOUND,
                   _("The evidence no longer exists."));
      goto fail;
    }
  stmt = vigie_store_prepare (store, "UPDATE evidence SET finding_id = ?2, kind = ?3, "
                                     "summary = ?4, sources_count = ?5, pseudonym = ?6, "
                                     "consent_to_quote = ?7, collected_on = ?8, file_name = ?9, "
                                     "file_sha256 = ?10, file_size = ?11, media_type = ?12, "
                                     "confidential = ?13, notes = ?14, updated_at = ?15 "
                                     "WHERE id = ?1", error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, record->id);
  bind_evidence (stmt, record, now);
  if (!vigie_store_step_done (store, stmt, error))
    goto fail;
  new_json = vigie_store_snapshot (store, "evidence", record->id);
  if (!vigie_store_audit (store, "evidence", record->id, "update", old_json, new_json, error))
    goto fail;
  return vigie_store_commit (store, error);

fail:
  vigie_store_rollback (store);
  return FALSE;
}

gboolean
vigie_store_delete_evidence (VigieStore  *store,
                             gint64       id,
                             GError     **error)
{
  g_autoptr(VigieEvidenceRecord) record = NULL;
  g_autofree char *old_json = NULL;
  sqlite3_stmt *stmt;
  gboolean still_used = FALSE;

  g_return_val_if_fail (VIGIE_IS_STORE (store), FALSE);

  record = vigie_store_get_evidence (store, id, error);
  if (record == NULL)
    return FALSE;
  if (!vigie_store_begin (store, error))
    return FALSE;
  old_json = vigie_store_snapshot (store, "evidence", id);
  stmt = vigie_store_prepare (store, "DELETE FROM evidence WHERE id = ?1", error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, id);
  if (!vigie_store_step_done (store, stmt, error))
    goto fail;
  if (!vigie_store_audit (store, "evidence", id, "delete", old_json, NULL, error))
    goto fail;
  if (!empty_str (record->file_name))
    {
      stmt = vigie_store_prepare (store, "SELECT 1 FROM evidence WHERE file_name = ?1 LIMIT 1",
                                  error);
      if (stmt == NULL)
        goto fail;
      sqlite3_bind_text (stmt, 1, record->file_name, -1, SQLITE_TRANSIENT);
      still_used = sqlite3_step (stmt) == SQLITE_ROW;
      sqlite3_reset (stmt);
    }
  if (!vigie_store_commit (store, error))
    goto fail;
  if (!empty_str (record->file_name) && !still_used)
    {
      g_autofree char *path = vigie_evidence_file_path (store, record);

      if (path != NULL)
        g_unlink (path);
    }
  return TRUE;

fail:
  vigie_store_rollback (store);
  return FALSE;
}

/* ─── PDF preview in a separate process ──────────────────────────────────── */

char *
vigie_pdf_renderer_path (void)
{
  const char *env = g_getenv ("VIGIE_PDF_RENDER");
  g_autofree char *exe = NULL;
  g_autofree char *dir = NULL;
  char *path;

  if (env != NULL && *env != '\0')
    return g_strdup (env);
  exe = g_file_read_link ("/proc/self/exe", NULL);
  if (exe == NULL)
    return g_strdup ("vigie-pdf-render");
  dir = g_path_get_dirname (exe);
  path = g_build_filename (dir, "vigie-pdf-render", NULL);
  if (g_file_test (path, G_FILE_TEST_IS_EXECUTABLE))
    return path;
  g_free (path);
  /* Installed: <prefix>/bin/vigie and <prefix>/libexec/vigie-pdf-render. */
  path = g_build_filename (dir, "..", "libexec", "vigie-pdf-render", NULL);
  if (g_file_test (path, G_FILE_TEST_IS_EXECUTABLE))
    return path;
  g_free (path);
  /* The build tree of the tests: tests/<suite>/ and src/app/. */
  path = g_build_filename (dir, "..", "..", "src", "app", "vigie-pdf-render", NULL);
  return path;
}

/* In the child, between fork and exec: the limits the renderer runs under. */
static void
limit_child (gpointer user_data)
{
  struct rlimit as = { VIGIE_PDF_MEMORY_LIMIT, VIGIE_PDF_MEMORY_LIMIT };
  struct rlimit cpu = { VIGIE_PDF_CPU_SECONDS, VIGIE_PDF_CPU_SECONDS + 1 };
  struct rlimit core = { 0, 0 };

  setrlimit (RLIMIT_AS, &as);
  setrlimit (RLIMIT_CPU, &cpu);
  setrlimit (RLIMIT_CORE, &core);
}

typedef struct
{
  gboolean  done;
  gboolean  timed_out;
  GBytes   *out;
  GBytes   *err;
  GError   *error;
} RunState;

static void
communicate_done_cb (GObject      *source,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  RunState *st = user_data;

  g_subprocess_communicate_finish (G_SUBPROCESS (source), result, &st->out, &st->err,
                                   &st->error);
  st->done = TRUE;
}

static gboolean
timeout_cb (gpointer user_data)
{
  GSubprocess *proc = user_data;
  RunState *st = g_object_get_data (G_OBJECT (proc), "vigie-run-state");

  st->timed_out = TRUE;
  g_subprocess_force_exit (proc);
  return G_SOURCE_REMOVE;
}

GBytes *
vigie_pdf_run (const char * const *argv,
               int                 timeout_ms,
               GCancellable       *cancellable,
               GError            **error)
{
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GSubprocess) proc = NULL;
  g_autoptr(GMainContext) context = g_main_context_new ();
  g_autoptr(GPtrArray) args = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) local_error = NULL;
  GSource *timeout;
  RunState st = { 0 };
  GBytes *result = NULL;

  g_ptr_array_add (args, vigie_pdf_renderer_path ());
  for (guint i = 0; argv[i] != NULL; i++)
    g_ptr_array_add (args, g_strdup (argv[i]));
  g_ptr_array_add (args, NULL);

  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE
                                        | G_SUBPROCESS_FLAGS_STDERR_PIPE
                                        | G_SUBPROCESS_FLAGS_STDIN_INHERIT);
  g_subprocess_launcher_set_child_setup (launcher, limit_child, NULL, NULL);
  proc = g_subprocess_launcher_spawnv (launcher, (const char * const *) args->pdata,
                                       &local_error);
  if (proc == NULL)
    {
      g_set_error (error, VIGIE_EVIDENCE_ERROR, VIGIE_EVIDENCE_ERROR_RENDER,
                   _("The PDF viewer could not be started: %s"), local_error->message);
      return NULL;
    }
  g_object_set_data (G_OBJECT (proc), "vigie-run-state", &st);

  g_main_context_push_thread_default (context);
  g_subprocess_communicate_async (proc, NULL, cancellable, communicate_done_cb, &st);
  timeout = g_timeout_source_new (timeout_ms > 0 ? (guint) timeout_ms : VIGIE_PDF_TIMEOUT_MS);
  g_source_set_callback (timeout, timeout_cb, proc, NULL);
  g_source_attach (timeout, context);
  while (!st.done)
    g_main_context_iteration (context, TRUE);
  g_source_destroy (timeout);
  g_source_unref (timeout);
  /* Reap the child (killed or not) before returning. */
  g_subprocess_wait (proc, NULL, NULL);
  g_main_context_pop_thread_default (context);

  if (st.timed_out)
    g_set_error (error, VIGIE_EVIDENCE_ERROR, VIGIE_EVIDENCE_ERROR_TIMEOUT,
                 _("The PDF took too long to show and was given up: it may be damaged or "
                   "built to hang viewers."));
  else if (st.error != NULL)
    {
      if (g_error_matches (st.error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_propagate_error (error, g_steal_pointer (&st.error));
      else
        g_set_error (error, VIGIE_EVIDENCE_ERROR, VIGIE_EVIDENCE_ERROR_RENDER,
                     _("The PDF could not be shown: %s"), st.error->message);
    }
  else if (g_subprocess_get_if_signaled (proc))
    g_set_error (error, VIGIE_EVIDENCE_ERROR, VIGIE_EVIDENCE_ERROR_RENDER,
                 _("The PDF could not be shown: the viewer stopped on it (it may be "
                   "damaged, or need more memory or time than allowed)."));
  else if (g_subprocess_get_exit_status (proc) != 0)
    {
      g_autofree char *why = NULL;

      if (st.err != NULL && g_bytes_get_size (st.err) > 0)
        why = g_utf8_make_valid (g_bytes_get_data (st.err, NULL),
                                 (gssize) MIN (g_bytes_get_size (st.err), 400));
      g_set_error (error, VIGIE_EVIDENCE_ERROR, VIGIE_EVIDENCE_ERROR_RENDER,
                   _("The PDF could not be shown: it is damaged or not a PDF (%s)."),
                   why != NULL ? g_strstrip (why) : "?");
    }
  else
    result = g_bytes_ref (st.out);

  g_clear_pointer (&st.out, g_bytes_unref);
  g_clear_pointer (&st.err, g_bytes_unref);
  g_clear_error (&st.error);
  return result;
}

gboolean
vigie_pdf_get_info (const char    *pdf,
                    int           *n_pages,
                    double        *width,
                    double        *height,
                    GCancellable  *cancellable,
                    GError       **error)
{
  const char *argv[] = { "info", pdf, NULL };
  g_autoptr(GBytes) out = vigie_pdf_run (argv, 0, cancellable, error);
  g_autofree char *text = NULL;
  g_auto(GStrv) lines = NULL;
  int n = -1;

  if (out == NULL)
    return FALSE;
  text = g_strndup (g_bytes_get_data (out, NULL), g_bytes_get_size (out));
  lines = g_strsplit (text, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      int index;
      double w, h;

      if (sscanf (lines[i], "pages %d", &n) == 1)
        continue;
      if (sscanf (lines[i], "page %d %lf %lf", &index, &w, &h) == 3 && index == 0)
        {
          if (width != NULL)
            *width = w;
          if (height != NULL)
            *height = h;
        }
    }
  if (n < 0)
    {
      g_set_error_literal (error, VIGIE_EVIDENCE_ERROR, VIGIE_EVIDENCE_ERROR_RENDER,
                           _("The PDF could not be shown: the viewer gave no answer."));
      return FALSE;
    }
  if (n == 0)
    {
      g_set_error_literal (error, VIGIE_EVIDENCE_ERROR, VIGIE_EVIDENCE_ERROR_RENDER,
                           _("The PDF could not be shown: it has no pages."));
      return FALSE;
    }
  if (n_pages != NULL)
    *n_pages = n;
  return TRUE;
}

static GBytes *
render_page (const char    *pdf,
             int            index,
             int            width,
             int            timeout_ms,
             GCancellable  *cancellable,
             GError       **error)
{
  char page[16], px[16];
  const char *argv[] = { "page", pdf, page, px, NULL };
  GBytes *out;

  g_snprintf (page, sizeof page, "%d", index);
  g_snprintf (px, sizeof px, "%d", width);
  out = vigie_pdf_run (argv, timeout_ms, cancellable, error);
  if (out != NULL && (g_bytes_get_size (out) < 8
                      || memcmp (g_bytes_get_data (out, NULL), "\x89PNG", 4) != 0))
    {
      g_bytes_unref (out);
      g_set_error_literal (error, VIGIE_EVIDENCE_ERROR, VIGIE_EVIDENCE_ERROR_RENDER,
                           _("The PDF could not be shown: the viewer gave no image."));
      return NULL;
    }
  return out;
}

GBytes *
vigie_pdf_render_page (const char    *pdf,
                       int            index,
                       int            width,
                       GCancellable  *cancellable,
                       GError       **error)
{
  return render_page (pdf, index, width, 0, cancellable, error);
}

GPtrArray *
vigie_pdf_render_thumbnails (const char   *pdf,
                             int           n_pages,
                             int           width,
                             int           budget_ms,
                             GCancellable *cancellable)
{
  GPtrArray *thumbs = g_ptr_array_new_with_free_func ((GDestroyNotify) g_bytes_unref);
  gint64 deadline = g_get_monotonic_time () + (gint64) budget_ms * 1000;

  for (int i = 0; i < n_pages; i++)
    {
      gint64 left_ms = (deadline - g_get_monotonic_time ()) / 1000;
      GBytes *png;

      if (left_ms <= 0)
        break;
      png = render_page (pdf, i, width, (int) MIN (left_ms, VIGIE_PDF_TIMEOUT_MS), cancellable,
                         NULL);
      if (png == NULL)
        break;
      g_ptr_array_add (thumbs, png);
    }
  return thumbs;
}

GArray *
vigie_pdf_search (const char    *pdf,
                  const char    *text,
                  GCancellable  *cancellable,
                  GError       **error)
{
  const char *argv[] = { "search", pdf, text, NULL };
  g_autoptr(GBytes) out = vigie_pdf_run (argv, 0, cancellable, error);
  g_autofree char *str = NULL;
  g_auto(GStrv) lines = NULL;
  GArray *hits;

  if (out == NULL)
    return NULL;
  hits = g_array_new (FALSE, FALSE, sizeof (int));
  str = g_strndup (g_bytes_get_data (out, NULL), g_bytes_get_size (out));
  lines = g_strsplit (str, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      int page, n;

      if (sscanf (lines[i], "%d %d", &page, &n) == 2)
        {
          g_array_append_val (hits, page);
          g_array_append_val (hits, n);
        }
    }
  return hits;
}
