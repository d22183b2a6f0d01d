/* test-evidence.c — evidence: the attached file copied into the dataset's evidence folder
 * under its SHA-256, testimony rules, and the PDF preview in a separate, limited process:
 * a good PDF renders, hostile ones (truncated, random bytes, 100,000 nested arrays) and a
 * renderer that hangs give an error within the time limit.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>

#include "vigie-evidence.h"
#include "vigie-store-private.h"

typedef struct
{
  char       *dir;
  char       *db;
  VigieStore *store;
} Fixture;

static void
remove_tree (const char *path)
{
  GDir *dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR) && !g_file_test (child, G_FILE_TEST_IS_SYMLINK))
        remove_tree (child);
      else
        g_unlink (child);
    }
  if (dir != NULL)
    g_dir_close (dir);
  g_rmdir (path);
}

static void
set_up (Fixture       *fx,
        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fx->dir = g_dir_make_tmp ("vigie-evidence-XXXXXX", &error);
  fx->db = g_build_filename (fx->dir, "dataset.db", NULL);
  fx->store = vigie_store_open (fx->db, &error);
  g_assert_no_error (error);
  g_assert_true (vigie_store_exec (fx->store, "INSERT INTO sites (id, uuid, name, country, "
                                   "created_at, updated_at) VALUES (1, 's', 'Site', 'CN', 'x', "
                                   "'x'); INSERT INTO findings (id, uuid, site_id, title, "
                                   "severity, first_observed, created_at, updated_at) VALUES "
                                   "(1, 'f', 1, 'Finding', 'major', '2026-01-01', 'x', 'x')",
                                   &error));
}

static void
tear_down (Fixture       *fx,
           gconstpointer  data)
{
  g_clear_object (&fx->store);
  remove_tree (fx->dir);
  g_free (fx->db);
  g_free (fx->dir);
}

/* A small valid PDF with one page saying "Payslip March" (xref offsets computed). */
static char *
write_valid_pdf (const char *dir)
{
  const char *objects[] = {
    "<< /Type /Catalog /Pages 2 0 R >>",
    "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
    "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 100] /Contents 4 0 R "
    "/Resources << /Font << /F1 5 0 R >> >> >>",
    NULL,
    "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
  };
  const char *stream = "BT /F1 18 Tf 10 50 Td (Payslip March) Tj ET";
  GString *pdf = g_string_new ("%PDF-1.4\n");
  gsize offsets[5];
  gsize xref;
  char *path = g_build_filename (dir, "good.pdf", NULL);

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

static void
test_attach (Fixture       *fx,
             gconstpointer  data)
{
  g_autofree char *pdf = write_valid_pdf (fx->dir);
  g_autofree char *folder = NULL;
  g_autofree char *stored = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *contents = NULL;
  g_autoptr(VigieEvidenceRecord) record = vigie_evidence_record_new ();
  g_autoptr(VigieEvidenceRecord) second = vigie_evidence_record_new ();
  g_autoptr(VigieEvidenceRecord) back = NULL;
  g_autoptr(GError) error = NULL;
  gsize length = 0;
  gint64 size = 0;
  GStatBuf st;
  gint64 id;

  g_assert_true (g_file_get_contents (pdf, &contents, &length, NULL));
  expected = g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) contents, length);

  record->finding_id = 1;
  g_assert_true (vigie_evidence_attach_file (fx->store, record, pdf, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (record->file_sha256, ==, expected);
  g_assert_cmpint (record->file_size, ==, (gint64) length);
  g_assert_cmpstr (record->media_type, ==, "application/pdf");
  g_assert_true (g_str_has_prefix (record->file_name, expected));
  g_assert_true (g_str_has_suffix (record->file_name, ".pdf"));

  /* The copy is in "<db without .db>-evidence/", a private folder. */
  folder = vigie_evidence_folder (fx->store);
  g_assert_true (g_str_has_suffix (folder, "dataset-evidence"));
  g_assert_cmpint (g_stat (folder, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0700);
  stored = vigie_evidence_file_path (fx->store, record);
  g_assert_true (g_str_has_prefix (stored, folder));
  {
    g_autofree char *hash = vigie_evidence_hash_file (stored, &size, &error);
    g_assert_cmpstr (hash, ==, expected);
  }

  id = vigie_store_insert_evidence (fx->store, record, &error);
  g_assert_no_error (error);
  back = vigie_store_get_evidence (fx->store, id, &error);
  g_assert_cmpstr (back->file_name, ==, record->file_name);
  g_assert_null (strchr (back->file_name, '/'));
  g_assert_true (back->confidential);
  g_assert_true (vigie_evidence_verify_file (fx->store, back, &error));

  /* The same file attached again is stored once; deleting one keeps it for the other. */
  second->finding_id = 1;
  g_assert_true (vigie_evidence_attach_file (fx->store, second, pdf, NULL, &error));
  g_assert_cmpstr (second->file_name, ==, record->file_name);
  g_assert_cmpint (vigie_store_insert_evidence (fx->store, second, &error), >, 0);
  g_assert_true (vigie_store_delete_evidence (fx->store, id, &error));
  g_assert_true (g_file_test (stored, G_FILE_TEST_EXISTS));
  g_assert_true (vigie_store_delete_evidence (fx->store, second->id, &error));
  g_assert_false (g_file_test (stored, G_FILE_TEST_EXISTS));

  /* A changed copy is noticed. */
  g_assert_true (vigie_evidence_attach_file (fx->store, record, pdf, NULL, &error));
  g_assert_true (g_file_set_contents (stored, "tampered", -1, NULL));
  g_assert_false (vigie_evidence_verify_file (fx->store, record, &error));
  g_assert_error (error, VIGIE_EVIDENCE_ERROR, VIGIE_EVIDENCE_ERROR_MISSING);
}

static void
test_refused (Fixture       *fx,
              gconstpointer  data)
{
  g_autofree char *text = g_build_filename (fx->dir, "notes.txt", NULL);
  g_autoptr(VigieEvidenceRecord) record = vigie_evidence_record_new ();
  g_autoptr(GError) error = NULL;

  g_assert_true (g_file_set_contents (text, "just words", -1, NULL));
  record->finding_id = 1;
  g_assert_false (vigie_evidence_attach_file (fx->store, record, text, NULL, &error));
  g_assert_error (error, VIGIE_EVIDENCE_ERROR, VIGIE_EVIDENCE_ERROR_TYPE);
  g_assert_null (record->file_name);
  g_clear_error (&error);

  /* A name pointing outside the folder is refused by validation and by the database. */
  record->file_name = g_strdup ("../../etc/passwd");
  record->file_sha256 = g_strnfill (64, 'a');
  record->file_size = 1;
  g_assert_cmpint (vigie_store_insert_evidence (fx->store, record, &error), ==, 0);
  g_assert_error (error, VIGIE_STORE_ERROR, VIGIE_STORE_ERROR_CONSTRAINT);
  g_assert_null (vigie_evidence_file_path (fx->store, record));
}

static void
test_testimony (Fixture       *fx,
                gconstpointer  data)
{
  g_autoptr(VigieEvidenceRecord) r = vigie_evidence_record_new ();
  g_autoptr(VigieEvidenceRecord) back = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id;

  r->finding_id = 1;
  g_free (r->kind);
  r->kind = g_strdup ("testimony");
  r->consent_to_quote = TRUE;
  g_assert_cmpint (vigie_store_insert_evidence (fx->store, r, &error), ==, 0);
  g_assert_error (error, VIGIE_STORE_ERROR, VIGIE_STORE_ERROR_CONSTRAINT);
  g_assert_nonnull (strstr (error->message, "pseudonym"));
  g_clear_error (&error);

  r->pseudonym = g_strdup ("  Worker K-12 ");
  id = vigie_store_insert_evidence (fx->store, r, &error);
  g_assert_no_error (error);
  back = vigie_store_get_evidence (fx->store, id, &error);
  g_assert_cmpstr (back->pseudonym, ==, "Worker K-12");
  g_assert_true (back->consent_to_quote);

  /* A document has neither a pseudonym nor consent to quote. */
  g_free (back->kind);
  back->kind = g_strdup ("document");
  g_assert_false (vigie_store_update_evidence (fx->store, back, &error));
  g_assert_error (error, VIGIE_STORE_ERROR, VIGIE_STORE_ERROR_CONSTRAINT);
}

static void
test_pdf_good (Fixture       *fx,
               gconstpointer  data)
{
  g_autofree char *pdf = write_valid_pdf (fx->dir);
  g_autoptr(GBytes) png = NULL;
  g_autoptr(GArray) hits = NULL;
  g_autoptr(GError) error = NULL;
  double w = 0, h = 0;
  int n = 0;

  g_assert_true (vigie_pdf_get_info (pdf, &n, &w, &h, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (n, ==, 1);
  g_assert_cmpfloat (w, ==, 200.0);
  g_assert_cmpfloat (h, ==, 100.0);
  png = vigie_pdf_render_page (pdf, 0, 400, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_bytes_get_size (png), >, 100);
  /* PNG width in the IHDR chunk: 400 px. */
  {
    const guint8 *b = g_bytes_get_data (png, NULL);
    guint32 width = ((guint32) b[16] << 24) | ((guint32) b[17] << 16) | ((guint32) b[18] << 8)
                    | b[19];
    g_assert_cmpuint (width, ==, 400);
  }
  hits = vigie_pdf_search (pdf, "march", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (hits->len, ==, 2);
  g_assert_cmpint (g_array_index (hits, int, 0), ==, 0);
  g_assert_cmpint (g_array_index (hits, int, 1), ==, 1);
}

static void
assert_hostile (const char *path,
                const char *what)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) png = NULL;
  gint64 start = g_get_monotonic_time ();
  int n = 0;
  double elapsed;

  if (vigie_pdf_get_info (path, &n, NULL, NULL, NULL, &error) && n > 0)
    png = vigie_pdf_render_page (path, 0, 600, NULL, &error);
  elapsed = (g_get_monotonic_time () - start) / 1e6;
  g_test_message ("%s: %.2f s, %s", what, elapsed, error != NULL ? error->message : "no error");
  g_assert_null (png);
  g_assert_nonnull (error);
  g_assert_true (error->domain == VIGIE_EVIDENCE_ERROR);
  /* Two runs at most, each within the wall-clock limit. */
  g_assert_cmpfloat (elapsed, <, 2 * VIGIE_PDF_TIMEOUT_MS / 1000.0 + 2.0);
}

static void
test_pdf_hostile (Fixture       *fx,
                  gconstpointer  data)
{
  g_autofree char *good = write_valid_pdf (fx->dir);
  g_autofree char *truncated = g_build_filename (fx->dir, "truncated.pdf", NULL);
  g_autofree char *random = g_build_filename (fx->dir, "random.pdf", NULL);
  g_autofree char *nested = g_build_filename (fx->dir, "nested.pdf", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GRand) rand = g_rand_new_with_seed (42);
  GString *s;
  gsize length;

  g_assert_true (g_file_get_contents (good, &contents, &length, NULL));
  g_assert_true (g_file_set_contents (truncated, contents, 60, NULL));
  assert_hostile (truncated, "truncated");

  s = g_string_new ("%PDF-1.7\n");
  for (guint i = 0; i < 64 * 1024; i++)
    g_string_append_c (s, (char) g_rand_int_range (rand, 0, 256));
  g_assert_true (g_file_set_contents (random, s->str, (gssize) s->len, NULL));
  g_string_free (s, TRUE);
  assert_hostile (random, "random bytes");

  /* The catalog is 100,000 nested arrays instead of a dictionary. */
  s = g_string_new ("%PDF-1.4\n1 0 obj\n");
  for (guint i = 0; i < 100000; i++)
    g_string_append_c (s, '[');
  for (guint i = 0; i < 100000; i++)
    g_string_append_c (s, ']');
  g_string_append (s, "\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n");
  g_assert_true (g_file_set_contents (nested, s->str, (gssize) s->len, NULL));
  g_string_free (s, TRUE);
  assert_hostile (nested, "100,000 nested arrays");
}

static void
test_pdf_hang (Fixture       *fx,
               gconstpointer  data)
{
  g_autofree char *script = g_build_filename (fx->dir, "hang.sh", NULL);
  g_autofree char *saved = g_strdup (g_getenv ("VIGIE_PDF_RENDER"));
  const char *argv[] = { "info", "whatever.pdf", NULL };
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) out = NULL;
  gint64 start;

  g_assert_true (g_file_set_contents (script, "#!/bin/sh\nexec sleep 30\n", -1, NULL));
  g_chmod (script, 0700);
  g_setenv ("VIGIE_PDF_RENDER", script, TRUE);
  start = g_get_monotonic_time ();
  out = vigie_pdf_run (argv, 500, NULL, &error);
  g_assert_null (out);
  g_assert_error (error, VIGIE_EVIDENCE_ERROR, VIGIE_EVIDENCE_ERROR_TIMEOUT);
  g_assert_cmpint (g_get_monotonic_time () - start, <, 3 * G_USEC_PER_SEC);
  if (saved != NULL)
    g_setenv ("VIGIE_PDF_RENDER", saved, TRUE);
  else
    g_unsetenv ("VIGIE_PDF_RENDER");
}

/* The thumbnails of a file whose every page is slow stop at the shared budget. */
static void
test_pdf_thumbnails_budget (Fixture       *fx,
                            gconstpointer  data)
{
  g_autofree char *script = g_build_filename (fx->dir, "slow.sh", NULL);
  g_autofree char *saved = g_strdup (g_getenv ("VIGIE_PDF_RENDER"));
  g_autofree char *good = write_valid_pdf (fx->dir);
  g_autoptr(GPtrArray) thumbs = NULL;
  gint64 start;
  double elapsed;

  /* Each page: 0.4 s, then a PNG signature (all vigie_pdf_render_page checks). */
  g_assert_true (g_file_set_contents (script,
                                      "#!/bin/sh\nsleep 0.4\nprintf '\\211PNG\\r\\n\\032\\n1234'\n",
                                      -1, NULL));
  g_chmod (script, 0700);
  g_setenv ("VIGIE_PDF_RENDER", script, TRUE);
  start = g_get_monotonic_time ();
  thumbs = vigie_pdf_render_thumbnails ("whatever.pdf", 20, 120, 2000, NULL);
  elapsed = (g_get_monotonic_time () - start) / 1e6;
  g_test_message ("%u of 20 slow pages in %.2f s", thumbs->len, elapsed);
  /* 20 pages would take 8 s; the budget of 2 s keeps 1 to 4 of them. */
  g_assert_cmpuint (thumbs->len, >=, 1);
  g_assert_cmpuint (thumbs->len, <=, 4);
  g_assert_cmpfloat (elapsed, <, 3.5);
  if (saved != NULL)
    g_setenv ("VIGIE_PDF_RENDER", saved, TRUE);
  else
    g_unsetenv ("VIGIE_PDF_RENDER");

  /* A real file: every page within the budget. */
  g_clear_pointer (&thumbs, g_ptr_array_unref);
  thumbs = vigie_pdf_render_thumbnails (good, 1, 120, 8000, NULL);
  g_assert_cmpuint (thumbs->len, ==, 1);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  /* The renderer of this build tree (G_TEST_BUILDDIR is <build>/tests). */
  if (g_getenv ("VIGIE_PDF_RENDER") == NULL)
    {
      g_autofree char *path = g_test_build_filename (G_TEST_BUILT, "..", "src", "app",
                                                     "vigie-pdf-render", NULL);
      g_setenv ("VIGIE_PDF_RENDER", path, TRUE);
    }

  g_test_add ("/evidence/attach", Fixture, NULL, set_up, test_attach, tear_down);
  g_test_add ("/evidence/refused", Fixture, NULL, set_up, test_refused, tear_down);
  g_test_add ("/evidence/testimony", Fixture, NULL, set_up, test_testimony, tear_down);
  g_test_add ("/evidence/pdf-good", Fixture, NULL, set_up, test_pdf_good, tear_down);
  g_test_add ("/evidence/pdf-hostile", Fixture, NULL, set_up, test_pdf_hostile, tear_down);
  g_test_add ("/evidence/pdf-hang", Fixture, NULL, set_up, test_pdf_hang, tear_down);
  g_test_add ("/evidence/pdf-thumbnails-budget", Fixture, NULL, set_up,
              test_pdf_thumbnails_budget, tear_down);
  return g_test_run ();
}
