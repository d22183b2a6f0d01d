/* vigie-website.c — the public transparency website: the run over every site, its
 * files, and the languages.
 *
 * Each site is read once, at disclosure level 'public', through the one redaction
 * mechanism (vigie_redact_site_report()); its page is written in every language from
 * that redacted data, its rows go to the open data files, and a small summary is kept
 * for the index pages written at the end.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <errno.h>
#include <string.h>

#include "vigie-finding.h"
#include "vigie-remediation.h"
#include "vigie-util.h"
#include "vigie-website-private.h"

void
vigie_website_options_init (VigieWebsiteOptions *options)
{
  g_return_if_fail (options != NULL);

  memset (options, 0, sizeof *options);
}

/* ─── Languages ──────────────────────────────────────────────────────────── */

/* "fr", "fil", "pt_BR": what a folder of the site and a lang attribute may be. */
static gboolean
valid_language_code (const char *code)
{
  gsize n = strlen (code);
  gsize i = 0;

  while (i < n && g_ascii_islower (code[i]))
    i++;
  if (i < 2 || i > 3)
    return FALSE;
  if (i == n)
    return TRUE;
  return n == i + 3 && code[i] == '_' && g_ascii_isupper (code[i + 1])
         && g_ascii_isupper (code[i + 2]);
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

char **
vigie_website_default_languages (void)
{
  g_autoptr(GPtrArray) codes = g_ptr_array_new_with_free_func (g_free);
  const char *dir_path = bindtextdomain (GETTEXT_PACKAGE, NULL);
  g_autoptr(GDir) dir = NULL;
  const char *name;

  if (dir_path == NULL)
    dir_path = LOCALEDIR;
  dir = g_dir_open (dir_path, 0, NULL);
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *mo = NULL;

      if (!valid_language_code (name) || g_str_has_prefix (name, "en"))
        continue;
      mo = g_build_filename (dir_path, name, "LC_MESSAGES", GETTEXT_PACKAGE ".mo", NULL);
      if (g_file_test (mo, G_FILE_TEST_IS_REGULAR))
        g_ptr_array_add (codes, g_strdup (name));
    }
  g_ptr_array_sort (codes, compare_strings);
  g_ptr_array_insert (codes, 0, g_strdup ("en"));
  g_ptr_array_add (codes, NULL);
  return (char **) g_ptr_array_free (g_steal_pointer (&codes), FALSE);
}

static void
language_free (WebsiteLanguage *language)
{
  g_free (language->code);
  vigie_report_locale_unref (language->locale);
  g_free (language);
}

static gboolean
load_languages (Website                   *site,
                const VigieWebsiteOptions *options,
                GError                   **error)
{
  g_auto(GStrv) defaults = NULL;
  const char * const *codes = options->languages;

  if (codes == NULL || codes[0] == NULL)
    {
      defaults = vigie_website_default_languages ();
      codes = (const char * const *) defaults;
    }
  site->languages = g_ptr_array_new_with_free_func ((GDestroyNotify) language_free);
  for (guint i = 0; codes[i] != NULL; i++)
    {
      WebsiteLanguage *language;
      gboolean seen = FALSE;

      if (!valid_language_code (codes[i]))
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                       _("“%s” is not a language code (write en, fr, pt_BR…)"), codes[i]);
          return FALSE;
        }
      for (guint j = 0; j < site->languages->len; j++)
        if (g_str_equal (((WebsiteLanguage *) g_ptr_array_index (site->languages, j))->code,
                         codes[i]))
          seen = TRUE;
      if (seen)
        continue;
      language = g_new0 (WebsiteLanguage, 1);
      language->code = g_strdup (codes[i]);
      language->locale = vigie_report_locale_new (codes[i]);
      g_ptr_array_add (site->languages, language);
      if (!vigie_report_locale_has_catalogue (language->locale))
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                       _("There is no translation of Vigie into “%s”."), codes[i]);
          return FALSE;
        }
    }
  return TRUE;
}

/* ─── Files ──────────────────────────────────────────────────────────────── */

static gboolean
make_parent (const char  *path,
             GError     **error)
{
  g_autofree char *parent = g_path_get_dirname (path);

  if (g_mkdir_with_parents (parent, 0755) != 0)
    {
      int saved = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved),
                   _("Could not create the folder “%1$s”: %2$s"), parent, g_strerror (saved));
      return FALSE;
    }
  return TRUE;
}

static gboolean
publish_mode (const char  *path,
              GError     **error)
{
  if (g_chmod (path, 0644) != 0)
    {
      int saved = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved),
                   _("Could not write “%1$s”: %2$s"), path, g_strerror (saved));
      return FALSE;
    }
  return TRUE;
}

gboolean
website_write_file (Website     *site,
                    const char  *relative,
                    const char  *contents,
                    gsize        length,
                    GError     **error)
{
  g_autofree char *path = g_build_filename (site->directory, relative, NULL);

  if (!make_parent (path, error))
    return FALSE;
  if (!g_file_set_contents_full (path, contents, length, G_FILE_SET_CONTENTS_NONE, 0644, error))
    return FALSE;
  g_hash_table_add (site->written, g_strdup (relative));
  return publish_mode (path, error);
}

GOutputStream *
website_open_stream (Website     *site,
                     const char  *relative,
                     GError     **error)
{
  g_autofree char *path = g_build_filename (site->directory, relative, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFileOutputStream) out = NULL;

  if (!make_parent (path, error))
    return NULL;
  out = g_file_replace (file, NULL, FALSE, G_FILE_CREATE_REPLACE_DESTINATION, NULL, error);
  if (out == NULL)
    return NULL;
  g_hash_table_add (site->written, g_strdup (relative));
  return g_buffered_output_stream_new_sized (G_OUTPUT_STREAM (out), 256 * 1024);
}

gboolean
website_close_stream (Website       *site,
                      GOutputStream *stream,
                      const char    *relative,
                      GError       **error)
{
  g_autofree char *path = g_build_filename (site->directory, relative, NULL);

  if (!g_output_stream_close (stream, NULL, error))
    return FALSE;
  return publish_mode (path, error);
}

/* Removes the site pages an earlier export left in LANGUAGE/sites/ that this one did
 * not write (sites deleted since): the folder is the website's own. */
static void
remove_stale_pages (Website    *site,
                    const char *language)
{
  g_autofree char *folder = g_build_filename (site->directory, language, "sites", NULL);
  g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
  g_autoptr(GPtrArray) stale = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *relative = NULL;

      if (!g_str_has_suffix (name, ".html"))
        continue;
      relative = g_build_filename (language, "sites", name, NULL);
      if (!g_hash_table_contains (site->written, relative))
        g_ptr_array_add (stale, g_build_filename (folder, name, NULL));
    }
  for (guint i = 0; i < stale->len; i++)
    g_unlink (g_ptr_array_index (stale, i));
}

/* ─── Summaries ──────────────────────────────────────────────────────────── */

static void
theme_free (WebsiteTheme *theme)
{
  g_free (theme->key);
  g_free (theme->title);
  g_free (theme);
}

static void
site_free (WebsiteSite *s)
{
  g_free (s->slug);
  g_free (s->name);
  g_free (s->native_name);
  g_free (s->address);
  g_free (s->country);
  g_free (s->country_name);
  g_free (s->products);
  g_clear_pointer (&s->buyers, g_ptr_array_unref);
  g_clear_pointer (&s->brands, g_ptr_array_unref);
  g_clear_pointer (&s->theme_counts, g_hash_table_unref);
  g_free (s);
}

const char *
website_theme_key (const VigieReportFinding *finding)
{
  const char *theme = finding->finding->theme;

  if (theme == NULL || theme[0] == '\0' || finding->theme_title[0] == '\0')
    return "other";
  return theme;
}

gboolean
website_action_done (const VigieActionRecord *action)
{
  static const char * const done[] = {
    "reported_complete", "verified_by_workers", "verified_by_monitor", "closed",
  };

  for (guint i = 0; i < G_N_ELEMENTS (done); i++)
    if (g_strcmp0 (action->status, done[i]) == 0)
      return TRUE;
  return FALSE;
}

static int
compare_themes (gconstpointer a,
                gconstpointer b)
{
  const WebsiteTheme *ta = *(WebsiteTheme * const *) a;
  const WebsiteTheme *tb = *(WebsiteTheme * const *) b;

  if (ta->order != tb->order)
    return ta->order < tb->order ? -1 : 1;
  return strcmp (ta->key, tb->key);
}

GPtrArray *
website_sorted_themes (Website *site)
{
  GPtrArray *themes = g_ptr_array_new ();
  GHashTableIter iter;
  gpointer value;

  g_hash_table_iter_init (&iter, site->themes);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    g_ptr_array_add (themes, value);
  g_ptr_array_sort (themes, compare_themes);
  return themes;
}

/* A file stem that stays the same across exports: the site's uuid when it is a plain
 * word, else its number. */
static char *
site_slug (const VigieSiteRecord *record)
{
  const char *uuid = record->uuid;
  gsize n = uuid != NULL ? strlen (uuid) : 0;
  gboolean plain = n > 0 && n <= 64;

  for (gsize i = 0; plain && i < n; i++)
    if (!g_ascii_isalnum (uuid[i]) && uuid[i] != '-' && uuid[i] != '_')
      plain = FALSE;
  if (plain)
    return g_ascii_strdown (uuid, -1);
  return g_strdup_printf ("site-%" G_GINT64_FORMAT, record->id);
}

static GPtrArray *
copy_strings (GPtrArray *strings)
{
  GPtrArray *copy = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; strings != NULL && i < strings->len; i++)
    g_ptr_array_add (copy, g_strdup (g_ptr_array_index (strings, i)));
  return copy;
}

static WebsiteSite *
summarise (Website               *site,
           const VigieSiteReport *report)
{
  WebsiteSite *s = g_new0 (WebsiteSite, 1);
  const VigieSiteRecord *record = report->site;

  s->id = record->id;
  s->slug = site_slug (record);
  s->name = g_strdup (record->name);
  s->native_name = g_strdup (record->native_name != NULL ? record->native_name : "");
  s->address = g_strdup (record->address != NULL ? record->address : "");
  s->country = g_strdup (record->country);
  s->country_name = g_strdup (report->country_name);
  s->products = g_strdup (record->products != NULL ? record->products : "");
  s->buyers = copy_strings (report->affiliates);
  s->brands = copy_strings (report->brands);
  s->closed = record->closed;
  s->theme_counts = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < report->findings->len; i++)
    {
      VigieReportFinding *rf = g_ptr_array_index (report->findings, i);
      const char *key = website_theme_key (rf);
      WebsiteTheme *theme = g_hash_table_lookup (site->themes, key);
      guint *by_severity;
      int severity = vigie_vocab_index (VIGIE_VOCAB_SEVERITY, rf->finding->severity);

      if (theme == NULL)
        {
          theme = g_new0 (WebsiteTheme, 1);
          theme->key = g_strdup (key);
          theme->title = g_strdup (g_str_equal (key, "other") ? "" : rf->theme_title);
          theme->order = g_str_equal (key, "other") ? G_MAXINT : rf->theme_order;
          g_hash_table_insert (site->themes, theme->key, theme);
        }
      /* Keys are owned by the run's theme table, which outlives the summaries. */
      g_hash_table_insert (s->theme_counts, theme->key,
                           GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (s->theme_counts,
                                                                                    theme->key)) + 1));
      by_severity = g_hash_table_lookup (site->theme_severity, theme->key);
      if (by_severity == NULL)
        {
          by_severity = g_new0 (guint, 4);
          g_hash_table_insert (site->theme_severity, theme->key, by_severity);
        }
      if (severity >= 0 && severity < 4)
        by_severity[severity]++;

      s->n_findings++;
      if (g_strcmp0 (rf->finding->severity, "critical") == 0)
        s->n_critical++;
      if (g_strcmp0 (rf->finding->status, "closed") != 0)
        s->n_open++;
      for (guint a = 0; a < rf->actions->len; a++)
        {
          VigieReportAction *ra = g_ptr_array_index (rf->actions, a);

          s->n_actions++;
          if (website_action_done (ra->action))
            s->n_done++;
          if (vigie_remediation_is_overdue (ra->action->status, ra->action->due_on, site->today))
            s->n_overdue++;
        }
    }
  site->n_findings += s->n_findings;
  site->n_actions += s->n_actions;
  site->n_done += s->n_done;
  site->n_overdue += s->n_overdue;
  return s;
}

/* ─── The run ────────────────────────────────────────────────────────────── */

static void
website_clear (Website *site)
{
  g_clear_object (&site->store);
  g_clear_pointer (&site->directory, g_free);
  g_clear_pointer (&site->languages, g_ptr_array_unref);
  g_clear_pointer (&site->now, g_free);
  g_clear_pointer (&site->today, g_free);
  g_clear_pointer (&site->sites, g_ptr_array_unref);
  g_clear_pointer (&site->theme_severity, g_hash_table_unref);
  g_clear_pointer (&site->themes, g_hash_table_unref);
  g_clear_pointer (&site->indicators, g_ptr_array_unref);
  g_clear_pointer (&site->written, g_hash_table_unref);
}

static gboolean
load_indicators (Website  *site,
                 GError  **error)
{
  site->indicators = vigie_store_list_fl_indicators (site->store, error);
  return site->indicators != NULL;
}

/* The ids of every site, in the order of the data export (the public level shows every
 * site: sites carry no disclosure level, only their findings do). */
static GArray *
list_site_ids (VigieStore  *store,
               GError     **error)
{
  g_autoptr(VigieExportCursor) cursor = vigie_export_cursor_new (store, "sites",
                                                                 VIGIE_LEVEL_PUBLIC, error);
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GError) local = NULL;
  const VigieExportColumn *columns;
  guint n_columns, id_column = G_MAXUINT;

  if (cursor == NULL)
    return NULL;
  columns = vigie_export_cursor_columns (cursor, &n_columns);
  for (guint c = 0; c < n_columns; c++)
    if (g_str_equal (columns[c].name, "id"))
      id_column = c;
  g_assert (id_column != G_MAXUINT);
  while (vigie_export_cursor_next (cursor, &local))
    {
      gint64 id = vigie_export_cursor_integer (cursor, id_column);

      g_array_append_val (ids, id);
    }
  if (local != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local));
      return NULL;
    }
  return g_steal_pointer (&ids);
}

static gboolean
write_site_pages (Website                *site,
                  const WebsiteSite      *summary,
                  const VigieSiteReport  *report,
                  GError                **error)
{
  for (guint l = 0; l < site->languages->len; l++)
    {
      WebsiteLanguage *language = g_ptr_array_index (site->languages, l);
      g_autofree char *relative = NULL;
      g_autofree char *file = g_strconcat (summary->slug, ".html", NULL);
      g_autofree char *html = NULL;

      vigie_report_locale_push (language->locale);
      html = website_site_page (site, language, summary, report);
      vigie_report_locale_pop ();
      relative = g_build_filename (language->code, "sites", file, NULL);
      if (!website_write_file (site, relative, html, strlen (html), error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
write_indexes (Website  *site,
               GError  **error)
{
  g_autofree char *root = NULL;

  for (guint l = 0; l < site->languages->len; l++)
    {
      WebsiteLanguage *language = g_ptr_array_index (site->languages, l);
      g_autofree char *index = NULL;
      g_autofree char *data = NULL;
      g_autofree char *index_path = g_build_filename (language->code, "index.html", NULL);
      g_autofree char *data_path = g_build_filename (language->code, "data.html", NULL);

      vigie_report_locale_push (language->locale);
      index = website_index_page (site, language);
      data = website_data_page (site, language);
      vigie_report_locale_pop ();
      if (!website_write_file (site, index_path, index, strlen (index), error)
          || !website_write_file (site, data_path, data, strlen (data), error))
        return FALSE;
    }
  root = website_root_page (site);
  return website_write_file (site, "index.html", root, strlen (root), error)
         && website_write_file (site, "style.css", website_style_css (),
                                strlen (website_style_css ()), error)
         && website_write_file (site, "filter.js", website_filter_js (),
                                strlen (website_filter_js ()), error);
}

gboolean
vigie_website_write (VigieStore                *store,
                     const VigieWebsiteOptions *options,
                     const char                *directory,
                     VigieProgressFunc          progress,
                     gpointer                   user_data,
                     GCancellable              *cancellable,
                     GError                   **error)
{
  Website site = { 0, };
  VigieWebsiteOptions defaults;
  g_autoptr(GArray) ids = NULL;
  WebsiteData *data = NULL;
  gboolean ok = FALSE;

  g_return_val_if_fail (VIGIE_IS_STORE (store), FALSE);
  g_return_val_if_fail (directory != NULL, FALSE);

  if (options == NULL)
    {
      vigie_website_options_init (&defaults);
      options = &defaults;
    }

  site.store = g_object_ref (store);
  site.directory = g_strdup (directory);
  site.now = g_strdup (options->now);
  /* Overdue is computed on the day the pages are dated, else on today. */
  site.today = options->now != NULL && strlen (options->now) >= 10
               ? g_strndup (options->now, 10) : vigie_today_iso ();
  site.sites = g_ptr_array_new_with_free_func ((GDestroyNotify) site_free);
  site.themes = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, (GDestroyNotify) theme_free);
  site.theme_severity = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
  site.written = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  if (!load_languages (&site, options, error))
    goto out;
  if (g_mkdir_with_parents (directory, 0755) != 0)
    {
      int saved = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved),
                   _("Could not create the folder “%1$s”: %2$s"), directory, g_strerror (saved));
      goto out;
    }
  if (!load_indicators (&site, error))
    goto out;
  ids = list_site_ids (store, error);
  if (ids == NULL)
    goto out;
  data = website_data_open (&site, error);
  if (data == NULL)
    goto out;

  for (guint i = 0; i < ids->len; i++)
    {
      g_autoptr(VigieSiteReport) report = NULL;
      WebsiteSite *summary;

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        goto out;
      if (progress != NULL && (i % 16 == 0))
        progress ((double) i / MAX (ids->len, 1), _("Writing the site pages"), user_data);

      /* The one redaction mechanism: everything below sees public data only. */
      report = vigie_redact_site_report (store, g_array_index (ids, gint64, i),
                                         VIGIE_LEVEL_PUBLIC, 0, error);
      if (report == NULL)
        goto out;
      summary = summarise (&site, report);
      g_ptr_array_add (site.sites, summary);
      if (!website_data_add_site (data, summary, report, error)
          || !write_site_pages (&site, summary, report, error))
        goto out;
    }

  if (progress != NULL)
    progress (1.0, _("Writing the index and the open data"), user_data);
  ok = website_data_close (g_steal_pointer (&data), error);
  if (!ok)
    goto out;
  ok = write_indexes (&site, error);
  if (ok)
    for (guint l = 0; l < site.languages->len; l++)
      remove_stale_pages (&site, ((WebsiteLanguage *) g_ptr_array_index (site.languages, l))->code);

out:
  if (data != NULL)
    website_data_free (data);
  website_clear (&site);
  return ok;
}
