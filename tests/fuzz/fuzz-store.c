/* fuzz-store.c — the dataset the import fuzz targets import into.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gstdio.h>
#include <stdlib.h>

#include "fuzz-store.h"
#include "vigie-demo.h"

static char *folder;
static char *input_path;
static VigieStore *store;

static void
remove_folder (void)
{
  g_autoptr(GDir) dir = NULL;
  const char *name;

  g_clear_object (&store);
  if (folder == NULL)
    return;
  dir = g_dir_open (folder, 0, NULL);
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (folder, name, NULL);
      g_unlink (path);
    }
  g_rmdir (folder);
  g_clear_pointer (&folder, g_free);
  g_clear_pointer (&input_path, g_free);
}

VigieStore *
fuzz_store_get (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  VigieDemoOptions options = { .n_sites = 6, .n_findings = 30, .seed = 5,
                               .today = "2026-06-15" };

  if (store != NULL)
    return store;

  /* In $VIGIE_FUZZ_DIR when set (fuzz-one.sh removes it: libFuzzer may end the process
   * without running atexit handlers), else memory-backed when possible: the input file is
   * written once per run. */
  if (g_getenv ("VIGIE_FUZZ_DIR") != NULL)
    folder = g_mkdtemp (g_build_filename (g_getenv ("VIGIE_FUZZ_DIR"), "vigie-fuzz-XXXXXX",
                                          NULL));
  else if (g_file_test ("/dev/shm", G_FILE_TEST_IS_DIR) && g_access ("/dev/shm", W_OK) == 0)
    folder = g_mkdtemp (g_strdup ("/dev/shm/vigie-fuzz-XXXXXX"));
  if (folder == NULL)
    folder = g_dir_make_tmp ("vigie-fuzz-XXXXXX", &error);
  if (folder == NULL)
    g_error ("no temporary folder: %s", error != NULL ? error->message : "?");
  atexit (remove_folder);

  g_setenv ("VIGIE_TODAY", "2026-06-15", TRUE);
  g_setenv ("VIGIE_NOW", "2026-06-15T12:00:00Z", TRUE);
  path = g_build_filename (folder, "fuzz.db", NULL);
  store = vigie_store_open (path, &error);
  if (store == NULL || !vigie_demo_generate (store, &options, NULL, NULL, NULL, &error))
    g_error ("cannot make the fuzzing dataset: %s", error->message);
  return store;
}

const char *
fuzz_store_write_input (const char   *name,
                        const guint8 *data,
                        gsize         size)
{
  g_autoptr(GError) error = NULL;

  fuzz_store_get ();
  if (input_path == NULL)
    input_path = g_build_filename (folder, name, NULL);
  if (!g_file_set_contents (input_path, (const char *) data, (gssize) size, &error))
    g_error ("cannot write %s: %s", input_path, error->message);
  return input_path;
}

gint64
fuzz_store_fingerprint (VigieStore *s)
{
  static const char * const tables[] = {
    "sites", "workforce_snapshots", "findings", "finding_standards", "finding_indicators",
    "chemical_products", "constituents", "substances", "audit_log",
  };
  guint64 sum = 0;

  for (guint i = 0; i < G_N_ELEMENTS (tables); i++)
    sum = sum * 1000003 + (guint64) vigie_store_count (s, tables[i]);
  return (gint64) sum;
}
