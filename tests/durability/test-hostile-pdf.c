/* test-hostile-pdf.c — malformed and hostile PDF evidence in the preview.
 *
 * Each file is attached as evidence, then previewed the way the evidence preview does it
 * (page count, first page at 900 px, thumbnails), through the renderer process with its
 * memory, CPU and time limits. A file that cannot be shown gives a VIGIE_EVIDENCE_ERROR in
 * words (never a crash or a hang of Vigie), within the time limit; a hostile but valid file
 * is drawn without running anything; and the dataset and the stored evidence files are
 * left as they were. tests/core/test-evidence.c has the first cases (truncated, random
 * bytes, deep nesting, a renderer that hangs); these are the next ones.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gstdio.h>
#include <gio/gio.h>
#include <string.h>

#include "durability-util.h"
#include "vigie-evidence.h"
#include "vigie-store-private.h"

typedef enum
{
  MUST_FAIL,      /* cannot be shown: an error is expected */
  MAY_SHOW,       /* damaged or abusive but readable: an error or a drawn page */
  MUST_SHOW,      /* hostile content in a valid file: drawn */
} Expect;

typedef struct
{
  char       *dir;
  char       *db;
  VigieStore *store;
  guint       n_attached;
} Fixture;

static void
set_up (Fixture       *fx,
        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fx->dir = dur_temp_dir ();
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
  dur_remove_tree (fx->dir);
  g_free (fx->db);
  g_free (fx->dir);
}

/* A PDF of OBJECTS (object I+1 is OBJECTS[I]; a NULL entry is left out of the file, and
 * its xref entry points nowhere), with a correct xref table unless XREF_AT overrides
 * startxref, and TRAILER_EXTRA added to the trailer. STREAMS[I] (may be NULL) is the raw
 * stream data of object I+1: its dictionary is OBJECTS[I]. */
static GBytes *
build_pdf (const char * const *objects,
           GBytes * const     *streams,
           guint               n,
           const char         *trailer_extra,
           gint64              xref_at)
{
  GByteArray *pdf = g_byte_array_new ();
  g_autofree gsize *offsets = g_new0 (gsize, n);
  GString *s = g_string_new ("%PDF-1.7\n%\xe2\xe3\xcf\xd3\n");
  gsize xref;

  g_byte_array_append (pdf, (const guint8 *) s->str, s->len);
  for (guint i = 0; i < n; i++)
    {
      if (objects[i] == NULL)
        continue;
      offsets[i] = pdf->len;
      g_string_printf (s, "%u 0 obj\n%s\n", i + 1, objects[i]);
      g_byte_array_append (pdf, (const guint8 *) s->str, s->len);
      if (streams != NULL && streams[i] != NULL)
        {
          gsize size;
          gconstpointer bytes = g_bytes_get_data (streams[i], &size);

          g_byte_array_append (pdf, (const guint8 *) "stream\n", 7);
          g_byte_array_append (pdf, bytes, (guint) size);
          g_byte_array_append (pdf, (const guint8 *) "\nendstream\n", 11);
        }
      g_byte_array_append (pdf, (const guint8 *) "endobj\n", 7);
    }
  xref = pdf->len;
  g_string_printf (s, "xref\n0 %u\n0000000000 65535 f \n", n + 1);
  for (guint i = 0; i < n; i++)
    g_string_append_printf (s, "%010" G_GSIZE_FORMAT " 00000 n \n", offsets[i]);
  g_string_append_printf (s, "trailer\n<< /Size %u /Root 1 0 R %s >>\nstartxref\n%"
                          G_GINT64_FORMAT "\n%%%%EOF\n", n + 1,
                          trailer_extra != NULL ? trailer_extra : "",
                          xref_at >= 0 ? xref_at : (gint64) xref);
  g_byte_array_append (pdf, (const guint8 *) s->str, s->len);
  g_string_free (s, TRUE);
  return g_byte_array_free_to_bytes (pdf);
}

static GBytes *
deflate (const char *unit,
         gsize       repeat)
{
  g_autoptr(GZlibCompressor) zlib = g_zlib_compressor_new (G_ZLIB_COMPRESSOR_FORMAT_ZLIB, 9);
  g_autoptr(GOutputStream) memory = g_memory_output_stream_new_resizable ();
  g_autoptr(GOutputStream) out = g_converter_output_stream_new (memory,
                                                                G_CONVERTER (zlib));
  g_autoptr(GError) error = NULL;
  GString *block = g_string_new (NULL);
  gsize unit_len = strlen (unit), done = 0;

  /* Repeat UNIT in blocks of about 1 MB. */
  while (block->len < 1024 * 1024 && done < repeat)
    {
      g_string_append_len (block, unit, (gssize) unit_len);
      done++;
    }
  for (gsize written = 0; written < repeat; written += done)
    {
      gsize n = MIN (done, repeat - written);

      g_assert_true (g_output_stream_write_all (out, block->str, n * unit_len, NULL, NULL,
                                                &error));
    }
  g_assert_true (g_output_stream_close (out, NULL, &error));
  g_assert_no_error (error);
  g_string_free (block, TRUE);
  return g_memory_output_stream_steal_as_bytes (G_MEMORY_OUTPUT_STREAM (memory));
}

/* A one-page document whose page draws CONTENT (raw stream) with RESOURCES. */
static GBytes *
one_page (const char *media_box,
          const char *resources,
          GBytes     *content,
          const char *content_dict)
{
  g_autofree char *page = g_strdup_printf ("<< /Type /Page /Parent 2 0 R /MediaBox %s "
                                           "/Resources %s /Contents 4 0 R >>",
                                           media_box, resources);
  const char *objects[] = {
    "<< /Type /Catalog /Pages 2 0 R >>",
    "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
    page,
    content_dict,
  };
  GBytes *streams[] = { NULL, NULL, NULL, content };

  return build_pdf (objects, streams, G_N_ELEMENTS (objects), NULL, -1);
}

/* Attaches BYTES (written as NAME) as evidence of finding 1, then previews it as the
 * evidence preview does. */
static void
preview (Fixture    *fx,
         const char *name,
         GBytes     *bytes,
         Expect      expect)
{
  g_autofree char *source = g_build_filename (fx->dir, name, NULL);
  g_autoptr(VigieEvidenceRecord) record = vigie_evidence_record_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) page = NULL;
  g_autofree char *stored = NULL;
  gint64 start;
  double elapsed;
  int n_pages = 0;
  guint n_runs = 1;

  g_assert_true (g_file_set_contents (source, g_bytes_get_data (bytes, NULL),
                                      (gssize) g_bytes_get_size (bytes), NULL));
  record->finding_id = 1;
  g_free (record->summary);
  record->summary = g_strdup (name);
  g_assert_true (vigie_evidence_attach_file (fx->store, record, source, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (vigie_store_insert_evidence (fx->store, record, &error), >, 0);
  g_assert_no_error (error);
  fx->n_attached++;
  stored = vigie_evidence_file_path (fx->store, record);
  g_assert_nonnull (stored);

  start = g_get_monotonic_time ();
  if (vigie_pdf_get_info (stored, &n_pages, NULL, NULL, NULL, &error))
    {
      n_runs++;
      page = vigie_pdf_render_page (stored, 0, 900, NULL, &error);
      for (int i = 0; page != NULL && i < MIN (n_pages, 3); i++)
        {
          g_autoptr(GBytes) thumb = vigie_pdf_render_page (stored, i, 120, NULL, NULL);

          n_runs++;
          if (thumb == NULL)
            break;
        }
    }
  elapsed = (g_get_monotonic_time () - start) / 1e6;
  g_test_message ("%s (%" G_GSIZE_FORMAT " bytes): %d pages, %s in %.2f s", name,
                  g_bytes_get_size (bytes), n_pages,
                  page != NULL ? "page drawn" : error->message, elapsed);

  /* Never longer than the renderer's time limit for each run. */
  g_assert_cmpfloat (elapsed, <, n_runs * (VIGIE_PDF_TIMEOUT_MS / 1000.0 + 1.0));
  if (page == NULL)
    {
      g_assert_nonnull (error);
      g_assert_true (error->domain == VIGIE_EVIDENCE_ERROR);
      g_assert_cmpstr (error->message, !=, "");
      g_assert_cmpint (expect, !=, MUST_SHOW);
    }
  else
    {
      g_assert_cmpint (expect, !=, MUST_FAIL);
      g_assert_cmpuint (g_bytes_get_size (page), >, 8);
      g_assert_cmpint (memcmp (g_bytes_get_data (page, NULL), "\x89PNG", 4), ==, 0);
    }
}

/* After the previews: the dataset is sound and every stored file is what was attached. */
static void
assert_data_intact (Fixture *fx)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) evidence = vigie_store_list_evidence (fx->store, 1, &error);

  g_assert_no_error (error);
  g_assert_true (vigie_store_check (fx->store, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (evidence->len, ==, fx->n_attached);
  for (guint i = 0; i < evidence->len; i++)
    {
      g_assert_true (vigie_evidence_verify_file (fx->store, g_ptr_array_index (evidence, i),
                                                 &error));
      g_assert_no_error (error);
    }
}

static void
test_structure (Fixture       *fx,
                gconstpointer  data)
{
  /* The page tree is its own child. */
  {
    const char *objects[] = {
      "<< /Type /Catalog /Pages 2 0 R >>",
      "<< /Type /Pages /Kids [2 0 R] /Count 1 >>",
    };
    g_autoptr(GBytes) pdf = build_pdf (objects, NULL, 2, NULL, -1);
    preview (fx, "page-tree-loop.pdf", pdf, MUST_FAIL);
  }
  /* Two page-tree nodes that are each other's child. */
  {
    const char *objects[] = {
      "<< /Type /Catalog /Pages 2 0 R >>",
      "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
      "<< /Type /Pages /Kids [2 0 R] /Parent 2 0 R /Count 1 >>",
    };
    g_autoptr(GBytes) pdf = build_pdf (objects, NULL, 3, NULL, -1);
    preview (fx, "page-tree-cycle.pdf", pdf, MUST_FAIL);
  }
  /* A page count of two billion for one page. */
  {
    const char *objects[] = {
      "<< /Type /Catalog /Pages 2 0 R >>",
      "<< /Type /Pages /Kids [3 0 R] /Count 2147483647 >>",
      "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] >>",
    };
    g_autoptr(GBytes) pdf = build_pdf (objects, NULL, 3, NULL, -1);
    preview (fx, "page-count.pdf", pdf, MAY_SHOW);
  }
  /* No catalog at all, and an xref that points past the end of the file. */
  {
    const char *objects[] = { NULL, "<< /Type /Pages /Kids [] /Count 0 >>" };
    g_autoptr(GBytes) pdf = build_pdf (objects, NULL, 2, NULL, G_GINT64_CONSTANT (99999999999));
    preview (fx, "no-catalog.pdf", pdf, MUST_FAIL);
  }
  /* Two billion objects announced. */
  {
    const char *objects[] = {
      "<< /Type /Catalog /Pages 2 0 R >>",
      "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
      "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] >>",
    };
    g_autoptr(GBytes) pdf = build_pdf (objects, NULL, 3, "/Size 2147483647", -1);
    preview (fx, "huge-size.pdf", pdf, MAY_SHOW);
  }
  /* 200,000 nested dictionaries as the catalog. */
  {
    GString *s = g_string_new (NULL);
    g_autoptr(GBytes) pdf = NULL;

    for (guint i = 0; i < 200000; i++)
      g_string_append (s, "<< /A ");
    for (guint i = 0; i < 200000; i++)
      g_string_append (s, ">> ");
    {
      const char *objects[] = { s->str };
      pdf = build_pdf (objects, NULL, 1, NULL, -1);
    }
    g_string_free (s, TRUE);
    preview (fx, "nested-dictionaries.pdf", pdf, MUST_FAIL);
  }
  assert_data_intact (fx);
}

static void
test_encrypted (Fixture       *fx,
                gconstpointer  data)
{
  /* The standard security handler with a user password nobody knows. */
  const char *objects[] = {
    "<< /Type /Catalog /Pages 2 0 R >>",
    "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
    "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] >>",
    "<< /Filter /Standard /V 1 /R 2 /P -44 "
    "/O <0f1e2d3c4b5a69788796a5b4c3d2e1f00f1e2d3c4b5a69788796a5b4c3d2e1f0> "
    "/U <a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8f90> >>",
  };
  g_autoptr(GBytes) pdf = build_pdf (objects, NULL, 4,
                                     "/Encrypt 4 0 R /ID [<00112233445566778899aabbccddeeff>"
                                     "<00112233445566778899aabbccddeeff>]", -1);

  preview (fx, "encrypted.pdf", pdf, MUST_FAIL);
  assert_data_intact (fx);
}

static void
test_bombs (Fixture       *fx,
            gconstpointer  data)
{
  /* A page a million kilometres wide, and one 200 m wide and a point high: poppler may
   * fall back to a default size; drawn, the picture stays within the renderer's limits. */
  {
    g_autoptr(GBytes) content = g_bytes_new_static ("0 0 m 10 10 l S", 15);
    g_autoptr(GBytes) pdf = one_page ("[0 0 1e12 1e12]", "<< >>", content,
                                      "<< /Length 15 >>");
    g_autoptr(GBytes) wide = one_page ("[0 0 600000 1]", "<< >>", content,
                                       "<< /Length 15 >>");

    preview (fx, "huge-page.pdf", pdf, MAY_SHOW);
    preview (fx, "wide-page.pdf", wide, MAY_SHOW);
  }
  /* An image of 60,000 × 60,000 pixels (10 GB once decoded) from a few bytes. */
  {
    g_autoptr(GBytes) content = g_bytes_new_static ("q 612 0 0 792 0 0 cm /Im1 Do Q", 30);
    g_autoptr(GBytes) image = deflate ("\x7f", 4096);
    g_autofree char *dict = NULL;
    g_autoptr(GBytes) pdf = NULL;
    const char *objects[6];
    GBytes *streams[6] = { NULL, NULL, NULL, content, NULL, image };

    dict = g_strdup_printf ("<< /Type /XObject /Subtype /Image /Width 60000 /Height 60000 "
                            "/ColorSpace /DeviceRGB /BitsPerComponent 8 /Filter /FlateDecode "
                            "/Length %" G_GSIZE_FORMAT " >>", g_bytes_get_size (image));
    objects[0] = "<< /Type /Catalog /Pages 2 0 R >>";
    objects[1] = "<< /Type /Pages /Kids [3 0 R] /Count 1 >>";
    objects[2] = "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] "
                 "/Resources << /XObject << /Im1 6 0 R >> >> /Contents 4 0 R >>";
    objects[3] = "<< /Length 30 >>";
    objects[4] = "<< >>";
    objects[5] = dict;
    pdf = build_pdf (objects, streams, 6, NULL, -1);
    preview (fx, "image-bomb.pdf", pdf, MAY_SHOW);
  }
  /* A content stream that inflates from a quarter of a megabyte to 200 MB of drawing
   * operators. */
  {
    const char *unit = "0 0 m 612 792 l S\n";
    g_autoptr(GBytes) content = deflate (unit, 200 * 1024 * 1024 / strlen (unit));
    g_autofree char *dict = g_strdup_printf ("<< /Length %" G_GSIZE_FORMAT
                                             " /Filter /FlateDecode >>",
                                             g_bytes_get_size (content));
    g_autoptr(GBytes) pdf = one_page ("[0 0 612 792]", "<< >>", content, dict);

    g_assert_cmpuint (g_bytes_get_size (content), <, 2 * 1024 * 1024);
    preview (fx, "deflate-bomb.pdf", pdf, MAY_SHOW);
  }
  /* A form that draws itself, forever. */
  {
    g_autoptr(GBytes) content = g_bytes_new_static ("/Fm1 Do", 7);
    g_autoptr(GBytes) form = g_bytes_new_static ("0 0 m 1 1 l S /Fm1 Do", 21);
    const char *objects[] = {
      "<< /Type /Catalog /Pages 2 0 R >>",
      "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
      "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] "
      "/Resources << /XObject << /Fm1 5 0 R >> >> /Contents 4 0 R >>",
      "<< /Length 7 >>",
      "<< /Type /XObject /Subtype /Form /BBox [0 0 612 792] /Length 21 "
      "/Resources << /XObject << /Fm1 5 0 R >> >> >>",
    };
    GBytes *streams[] = { NULL, NULL, NULL, content, form };
    g_autoptr(GBytes) pdf = build_pdf (objects, streams, 5, NULL, -1);

    preview (fx, "recursive-form.pdf", pdf, MAY_SHOW);
  }
  assert_data_intact (fx);
}

static void
test_active_content (Fixture       *fx,
                     gconstpointer  data)
{
  /* JavaScript run on opening and a launch action: shown as a page, nothing run. */
  g_autofree char *marker = g_build_filename (fx->dir, "ran", NULL);
  g_autofree char *catalog =
    g_strdup_printf ("<< /Type /Catalog /Pages 2 0 R /OpenAction << /S /JavaScript /JS "
                     "(app.alert\\('x'\\)) >> /AA << /WC << /S /Launch /F (/bin/sh) "
                     "/Win << /F (touch %s) >> >> >> >>", marker);
  g_autoptr(GBytes) content = g_bytes_new_static ("0 0 m 100 100 l S", 17);
  const char *objects[] = {
    catalog,
    "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
    "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R >>",
    "<< /Length 17 >>",
  };
  GBytes *streams[] = { NULL, NULL, NULL, content };
  g_autoptr(GBytes) pdf = build_pdf (objects, streams, 4, NULL, -1);

  preview (fx, "javascript.pdf", pdf, MUST_SHOW);
  g_assert_false (g_file_test (marker, G_FILE_TEST_EXISTS));
  assert_data_intact (fx);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  if (g_getenv ("VIGIE_PDF_RENDER") == NULL && g_getenv ("VIGIE_BUILT_PDF_RENDER") != NULL)
    g_setenv ("VIGIE_PDF_RENDER", g_getenv ("VIGIE_BUILT_PDF_RENDER"), TRUE);

  g_test_add ("/hostile-pdf/structure", Fixture, NULL, set_up, test_structure, tear_down);
  g_test_add ("/hostile-pdf/encrypted", Fixture, NULL, set_up, test_encrypted, tear_down);
  g_test_add ("/hostile-pdf/bombs", Fixture, NULL, set_up, test_bombs, tear_down);
  g_test_add ("/hostile-pdf/active-content", Fixture, NULL, set_up, test_active_content,
              tear_down);
  return g_test_run ();
}
