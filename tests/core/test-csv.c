/* test-csv.c — the streaming CSV reader.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib.h>
#include <glib/gstdio.h>
#include <string.h>

#include "vigie-csv.h"

static VigieCsvReader *
reader_for (const char *data,
            gssize      len)
{
  g_autoptr(GInputStream) stream = NULL;

  if (len < 0)
    len = strlen (data);
  stream = g_memory_input_stream_new_from_data (g_memdup2 (data, len), len, g_free);
  return vigie_csv_reader_new (stream);
}

/* Reads every record as "f1|f2|...@line" strings. */
static GPtrArray *
read_all (VigieCsvReader  *reader,
          GError         **error)
{
  GPtrArray *records = g_ptr_array_new_with_free_func (g_free);

  while (vigie_csv_reader_next (reader, NULL, error))
    {
      GString *s = g_string_new (NULL);

      for (guint i = 0; i < vigie_csv_reader_get_n_fields (reader); i++)
        {
          if (i > 0)
            g_string_append_c (s, '|');
          g_string_append (s, vigie_csv_reader_get_field (reader, i));
          g_assert_cmpuint (vigie_csv_reader_get_field_length (reader, i), ==,
                            strlen (vigie_csv_reader_get_field (reader, i)));
        }
      g_string_append_printf (s, "@%" G_GUINT64_FORMAT, vigie_csv_reader_get_line (reader));
      g_ptr_array_add (records, g_string_free (s, FALSE));
    }
  return records;
}

static void
check_records (const char  *data,
               const char **expected)
{
  g_autoptr(VigieCsvReader) reader = reader_for (data, -1);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) records = read_all (reader, &error);
  guint n = g_strv_length ((char **) expected);

  g_assert_no_error (error);
  for (guint i = 0; i < MIN (n, records->len); i++)
    g_assert_cmpstr (g_ptr_array_index (records, i), ==, expected[i]);
  g_assert_cmpuint (records->len, ==, n);
}

static void
test_simple (void)
{
  const char *expected[] = { "country|name|address@1", "CN|Foo|Bar@2", "VN||@3", NULL };

  check_records ("country,name,address\nCN,Foo,Bar\nVN,,\n", expected);
  /* No final line break. */
  check_records ("country,name,address\nCN,Foo,Bar\nVN,,", expected);
}

static void
test_bom (void)
{
  g_autoptr(VigieCsvReader) reader = reader_for ("\xEF\xBB\xBF" "name,x\r\n\xEF\xBB\xBF,y\r\n",
                                                 -1);
  g_autoptr(GError) error = NULL;

  g_assert_true (vigie_csv_reader_next (reader, NULL, &error));
  g_assert_cmpstr (vigie_csv_reader_get_field (reader, 0), ==, "name");
  /* Only the first three bytes of the stream are a byte-order mark. */
  g_assert_true (vigie_csv_reader_next (reader, NULL, &error));
  g_assert_cmpstr (vigie_csv_reader_get_field (reader, 0), ==, "\xEF\xBB\xBF");
  g_assert_false (vigie_csv_reader_next (reader, NULL, &error));
  g_assert_no_error (error);
}

static void
test_crlf (void)
{
  const char *expected[] = { "a,b@1", "1|2@2", "3|4@3", NULL };
  const char *expected_cr[] = { "a|b@1", "1|2@2", NULL };

  check_records ("\"a,b\"\r\n1,2\r\n3,4\r\n", expected);
  /* Old Mac line ends (CR alone) end records too. */
  check_records ("a,b\r1,2\r", expected_cr);
}

static void
test_quoted (void)
{
  const char *data =
    "name,address,notes\r\n"
    "\"Foxconn, Longhua\",\"Building 3\r\nLonghua\",\"He said \"\"no\"\"\"\r\n"
    "\"\",\"multi\nline\nfield\",end\n"
    "plain,\"\"\"quoted\"\" start\",x\n";
  g_autoptr(VigieCsvReader) reader = reader_for (data, -1);
  g_autoptr(GError) error = NULL;

  g_assert_true (vigie_csv_reader_next (reader, NULL, &error));
  g_assert_cmpuint (vigie_csv_reader_get_line (reader), ==, 1);
  g_assert_cmpuint (vigie_csv_reader_get_record_index (reader), ==, 1);

  g_assert_true (vigie_csv_reader_next (reader, NULL, &error));
  g_assert_cmpuint (vigie_csv_reader_get_n_fields (reader), ==, 3);
  g_assert_cmpstr (vigie_csv_reader_get_field (reader, 0), ==, "Foxconn, Longhua");
  g_assert_cmpstr (vigie_csv_reader_get_field (reader, 1), ==, "Building 3\r\nLonghua");
  g_assert_cmpstr (vigie_csv_reader_get_field (reader, 2), ==, "He said \"no\"");
  g_assert_cmpuint (vigie_csv_reader_get_line (reader), ==, 2);
  g_assert_cmpuint (vigie_csv_reader_get_record_index (reader), ==, 2);

  g_assert_true (vigie_csv_reader_next (reader, NULL, &error));
  g_assert_cmpstr (vigie_csv_reader_get_field (reader, 0), ==, "");
  g_assert_cmpstr (vigie_csv_reader_get_field (reader, 1), ==, "multi\nline\nfield");
  g_assert_cmpstr (vigie_csv_reader_get_field (reader, 2), ==, "end");
  g_assert_cmpuint (vigie_csv_reader_get_line (reader), ==, 4);
  g_assert_cmpuint (vigie_csv_reader_get_record_index (reader), ==, 3);

  g_assert_true (vigie_csv_reader_next (reader, NULL, &error));
  g_assert_cmpstr (vigie_csv_reader_get_field (reader, 1), ==, "\"quoted\" start");
  g_assert_cmpuint (vigie_csv_reader_get_line (reader), ==, 7);
  g_assert_cmpuint (vigie_csv_reader_get_record_index (reader), ==, 4);

  g_assert_false (vigie_csv_reader_next (reader, NULL, &error));
  g_assert_no_error (error);
}

static void
test_empty_lines (void)
{
  const char *expected[] = { "a|b@1", "1|2@3", "@6", NULL };
  g_autoptr(VigieCsvReader) reader = NULL;
  g_autoptr(GError) error = NULL;

  /* Skipped by default; a line holding "" is a record with one empty field. */
  check_records ("a,b\n\n1,2\r\n\r\n\n\"\"\n\n", expected);

  reader = reader_for ("a\n\nb\n", -1);
  vigie_csv_reader_set_skip_empty_lines (reader, FALSE);
  g_assert_true (vigie_csv_reader_next (reader, NULL, &error));
  g_assert_true (vigie_csv_reader_next (reader, NULL, &error));
  g_assert_cmpuint (vigie_csv_reader_get_n_fields (reader), ==, 1);
  g_assert_cmpstr (vigie_csv_reader_get_field (reader, 0), ==, "");
  g_assert_cmpuint (vigie_csv_reader_get_line (reader), ==, 2);
  g_assert_true (vigie_csv_reader_next (reader, NULL, &error));
  g_assert_cmpstr (vigie_csv_reader_get_field (reader, 0), ==, "b");
  g_assert_cmpuint (vigie_csv_reader_get_record_index (reader), ==, 3);
  g_assert_false (vigie_csv_reader_next (reader, NULL, &error));
  g_assert_no_error (error);

  /* Nothing at all. */
  check_records ("", (const char *[]) { NULL });
  check_records ("\n\r\n", (const char *[]) { NULL });
  /* Trailing empty fields are kept. */
  check_records ("a,\n,\n", (const char *[]) { "a|@1", "|@2", NULL });
}

static void
test_non_ascii (void)
{
  check_records ("CN,深圳富士康,\"Công ty TNHH, Hà Nội\"\n",
                 (const char *[]) { "CN|深圳富士康|Công ty TNHH, Hà Nội@1", NULL });
}

static void
expect_error (const char *data,
              gssize      len,
              int         code,
              const char *line_text,
              guint       n_good)
{
  g_autoptr(VigieCsvReader) reader = reader_for (data, len);
  g_autoptr(GError) error = NULL;
  guint n = 0;

  vigie_csv_reader_set_max_field_size (reader, 32);
  while (vigie_csv_reader_next (reader, NULL, &error))
    n++;
  g_assert_error (error, VIGIE_CSV_ERROR, code);
  if (strstr (error->message, line_text) == NULL)
    g_error ("“%s” does not name %s", error->message, line_text);
  g_assert_cmpuint (n, ==, n_good);
}

static void
test_errors (void)
{
  /* Unterminated quote: named by the line where the quoted field opens. */
  expect_error ("a,b\n1,2\n3,\"never\nclosed\n", -1, VIGIE_CSV_ERROR_UNTERMINATED, "line 3", 2);
  /* Invalid UTF-8 (Latin-1 é) on line 3, and inside a multi-line field on its 2nd line. */
  expect_error ("a,b\n1,2\nCaf\xE9,x\n", -1, VIGIE_CSV_ERROR_ENCODING, "line 3", 2);
  expect_error ("a,b\n\"one\ntw\xFFo\",x\n", -1, VIGIE_CSV_ERROR_ENCODING, "line 3", 1);
  /* Truncated multi-byte sequence at the end of a field. */
  expect_error ("a,\xE6\xB7\n", -1, VIGIE_CSV_ERROR_ENCODING, "line 1", 0);
  /* NUL bytes: UTF-16 looks like this. */
  expect_error ("a,b\nx\0y,z\n", 10, VIGIE_CSV_ERROR_NUL, "line 2", 1);
  expect_error ("\xFF\xFE" "a\0,\0b\0", 8, VIGIE_CSV_ERROR_NUL, "line 1", 0);
  expect_error ("a,\"b\0\"\n", 7, VIGIE_CSV_ERROR_NUL, "line 1", 0);
  /* Too long (limit set to 32 bytes above), quoted or not. */
  expect_error ("a\nshort,0123456789012345678901234567890123456789\n", -1,
                VIGIE_CSV_ERROR_TOO_LONG, "line 2", 1);
  expect_error ("a\n\n\"0123456789\n0123456789\n0123456789\n0123456789\"\n", -1,
                VIGIE_CSV_ERROR_TOO_LONG, "line 3", 1);
}

static void
test_limit_exact (void)
{
  g_autoptr(VigieCsvReader) reader = reader_for ("0123456789abcdef,x\n", -1);
  g_autoptr(GError) error = NULL;

  vigie_csv_reader_set_max_field_size (reader, 16);
  g_assert_true (vigie_csv_reader_next (reader, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (vigie_csv_reader_get_field_length (reader, 0), ==, 16);
}

/* Many records through a file, so records straddle the 64 KiB buffer boundary, with
 * CRLF line ends and a quoted field every few rows; also measures the speed. */
static void
test_large_file (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("vigie-csv-XXXXXX", &error);
  g_autofree char *path = NULL;
  g_autoptr(VigieCsvReader) reader = NULL;
  GString *data = g_string_new ("country,name,address,lat,lng\r\n");
  const guint n_rows = 200000;
  guint64 n = 0, last_line = 0;
  gint64 start;
  double seconds;

  g_assert_no_error (error);
  for (guint i = 1; i <= n_rows; i++)
    {
      if (i % 7 == 0)
        g_string_append_printf (data, "CN,\"Factory %u, \"\"East\"\"\",\"Road %u\r\nBlock B\",22.5,114.0\r\n",
                                i, i);
      else
        g_string_append_printf (data, "VN,Factory %u,Road %u,10.8,106.6\r\n", i, i);
    }
  path = g_build_filename (dir, "big.csv", NULL);
  g_assert_true (g_file_set_contents (path, data->str, data->len, &error));
  g_string_free (data, TRUE);

  reader = vigie_csv_reader_new_for_path (path, &error);
  g_assert_no_error (error);
  start = g_get_monotonic_time ();
  g_assert_true (vigie_csv_reader_next (reader, NULL, &error));
  while (vigie_csv_reader_next (reader, NULL, &error))
    {
      g_autofree char *expected = NULL;

      n++;
      g_assert_cmpuint (vigie_csv_reader_get_n_fields (reader), ==, 5);
      g_assert_cmpuint (vigie_csv_reader_get_line (reader), >, last_line);
      last_line = vigie_csv_reader_get_line (reader);
      if (n % 7 == 0)
        {
          expected = g_strdup_printf ("Factory %u, \"East\"", (guint) n);
          g_assert_cmpstr (vigie_csv_reader_get_field (reader, 1), ==, expected);
        }
      else
        {
          expected = g_strdup_printf ("Factory %u", (guint) n);
          g_assert_cmpstr (vigie_csv_reader_get_field (reader, 1), ==, expected);
        }
    }
  seconds = (g_get_monotonic_time () - start) / 1e6;
  g_assert_no_error (error);
  g_assert_cmpuint (n, ==, n_rows);
  /* Header + one line per row + one more line per quoted row. */
  g_assert_cmpuint (last_line, ==, 1 + n_rows + (n_rows - 1) / 7);
  g_assert_cmpuint (vigie_csv_reader_get_record_index (reader), ==, n_rows + 1);
  g_test_message ("read %u rows in %.3f s (%.0f rows/s)", n_rows, seconds, n_rows / seconds);
  g_assert_cmpfloat (n_rows / seconds, >, 100000.0);

  g_unlink (path);
  g_rmdir (dir);
}

static void
test_missing_file (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(VigieCsvReader) reader = vigie_csv_reader_new_for_path ("/nonexistent/x.csv", &error);

  g_assert_null (reader);
  g_assert_error (error, VIGIE_CSV_ERROR, VIGIE_CSV_ERROR_IO);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/csv/simple", test_simple);
  g_test_add_func ("/csv/bom", test_bom);
  g_test_add_func ("/csv/crlf", test_crlf);
  g_test_add_func ("/csv/quoted", test_quoted);
  g_test_add_func ("/csv/empty-lines", test_empty_lines);
  g_test_add_func ("/csv/non-ascii", test_non_ascii);
  g_test_add_func ("/csv/errors", test_errors);
  g_test_add_func ("/csv/limit-exact", test_limit_exact);
  g_test_add_func ("/csv/large-file", test_large_file);
  g_test_add_func ("/csv/missing-file", test_missing_file);

  return g_test_run ();
}
