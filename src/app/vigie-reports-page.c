/* vigie-reports-page.c — the Reports page.
 *
 * A sidebar lists the kinds of report; the middle column holds the options of the kind
 * chosen (scope: site, period, country, buyer; output: format, report language,
 * disclosure level); the right side previews the PDF (VigiePdfPreview) or describes what
 * a spreadsheet or folder export will contain.
 *
 * Preview and Save run as a VigieReportJob: a worker thread with its own connection to
 * the dataset, progress marshalled to a bar in the page, a Cancel button. The preview is
 * written to a private temporary folder; saving the same PDF again copies it, so the file
 * saved is the one looked at.
 *
 * The site is picked from the lazy site list (VigieSiteList: ids from one SQL query,
 * full-text search) in a popover, never from a combo holding 20,000 names.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <stdlib.h>
#include <string.h>

#include "vigie-annual-report.h"
#include "vigie-application.h"
#include "vigie-buyers.h"
#include "vigie-figures.h"
#include "vigie-pdf-report.h"
#include "vigie-reference.h"
#include "vigie-report-locale.h"
#include "vigie-reports-page.h"
#include "vigie-site-list.h"
#include "vigie-site.h"
#include "vigie-util.h"
#include "vigie-vocab.h"
#include "vigie-website.h"
#include "vigie-window.h"

typedef struct
{
  const char *row_name;      /* the sidebar row's name in the .ui */
  const char *title;         /* N_() */
  const char *description;   /* N_() */
  const char *icon_name;
} KindInfo;

static const KindInfo kinds[VIGIE_REPORT_N_KINDS] = {
  [VIGIE_REPORT_KIND_FACTORY] = {
    "factory", N_("Factory Compliance Report"),
    N_("The full report of one site: summary, methodology, findings by theme with their "
       "evidence, remediation and its timeline, chemical hazards and workforce. What it "
       "shows depends on the disclosure level."),
    "x-office-document-symbolic" },
  [VIGIE_REPORT_KIND_PUBLIC] = {
    "public", N_("Public Monitoring Status Report"),
    N_("The report of one site for publication: only the findings marked public, "
       "testimony only under pseudonyms, no confidential evidence and no internal notes."),
    "emblem-shared-symbolic" },
  [VIGIE_REPORT_KIND_ANNUAL] = {
    "annual", N_("Annual Report Figures"),
    N_("Every figure of the annual report for one year, each with its chart and a table "
       "of the numbers, for the whole supply chain or for one country or one buyer."),
    "x-office-presentation-symbolic" },
  [VIGIE_REPORT_KIND_DATA] = {
    "data", N_("Full Data Export"),
    N_("Every table of the dataset: a spreadsheet with a sheet per table, or a folder with "
       "a CSV file per table. Only what the disclosure level may see is written."),
    "x-office-spreadsheet-symbolic" },
  [VIGIE_REPORT_KIND_WEBSITE] = {
    "website", N_("Transparency Website"),
    N_("A self-contained website of the public data in every language of the application, "
       "with charts and open data files: a folder to publish as it is."),
    "web-browser-symbolic" },
};

/* What each disclosure level lets through, shown under the level chosen. */
static const char * const level_meanings[VIGIE_N_LEVELS] = {
  [VIGIE_LEVEL_INTERNAL] =
    N_("Everything, with confidential evidence, testimony details and internal notes: for "
       "the monitoring team only."),
  [VIGIE_LEVEL_WORKERS] =
    N_("For workers and their representatives: findings marked for workers or a wider "
       "audience; testimony under pseudonyms; no confidential evidence or internal notes."),
  [VIGIE_LEVEL_EMPLOYER] =
    N_("For the employer: findings marked for the employer or a wider audience; testimony "
       "under pseudonyms; no confidential evidence or internal notes."),
  [VIGIE_LEVEL_BRAND] =
    N_("For brands and contractors: findings marked for brands or a wider audience; "
       "testimony under pseudonyms; no confidential evidence or internal notes."),
  [VIGIE_LEVEL_AFFILIATES] =
    N_("For affiliated public buyers: findings marked for affiliates or the public; "
       "testimony under pseudonyms; no confidential evidence or internal notes."),
  [VIGIE_LEVEL_PUBLIC] =
    N_("For anyone: only the findings marked public; testimony under pseudonyms; no "
       "confidential evidence or internal notes."),
};

/* Languages are named in their own language. */
static const struct
{
  const char *code;
  const char *autonym;
} language_names[] = {
  { "ca", "Català" }, { "cs", "Čeština" }, { "de", "Deutsch" }, { "en", "English" },
  { "es", "Español" }, { "fr", "Français" }, { "it", "Italiano" }, { "nl", "Nederlands" },
  { "pl", "Polski" }, { "pt", "Português" }, { "sv", "Svenska" }, { "tr", "Türkçe" },
  { "zh_CN", "简体中文" }, { "zh_TW", "繁體中文" }, { "ja", "日本語" }, { "ko", "한국어" },
  { "vi", "Tiếng Việt" }, { "th", "ไทย" }, { "id", "Bahasa Indonesia" }, { "ms", "Bahasa Melayu" },
};

struct _VigieReportsPage
{
  GtkWidget             parent_instance;

  /* template children */
  GtkWidget            *main_box;
  GtkListBox           *kind_list;
  GtkLabel             *kind_title;
  GtkLabel             *kind_description;
  AdwPreferencesGroup  *scope_group;
  AdwActionRow         *site_row;
  GtkMenuButton        *site_button;
  GtkPopover           *site_popover;
  GtkSearchEntry       *site_search;
  GtkStack             *site_stack;
  GtkListView          *site_view;
  GtkLabel             *site_count_label;
  AdwComboRow          *period_row;
  AdwComboRow          *country_row;
  AdwComboRow          *buyer_row;
  AdwPreferencesGroup  *output_group;
  AdwComboRow          *format_row;
  AdwComboRow          *language_row;
  AdwActionRow         *languages_row;
  AdwComboRow          *level_row;
  AdwActionRow         *public_row;
  GtkLabel             *error_label;
  GtkWidget            *buttons_box;
  GtkRevealer          *progress_revealer;
  GtkLabel             *progress_label;
  GtkProgressBar       *progress_bar;
  GtkStack             *preview_stack;
  AdwStatusPage        *empty_page;
  AdwStatusPage        *output_page;
  GtkRevealer          *outdated_revealer;
  VigiePdfPreview      *preview;

  VigieStore           *store;
  guint                 generation;       /* changes with the dataset */
  gboolean              updating;         /* rows changed by code */
  gboolean              disposed;

  /* the site picker */
  VigieSiteList        *sites;
  GtkSingleSelection   *site_selection;
  GCancellable         *site_cancellable;
  guint                 site_queries;     /* queries under way */
  gboolean              sites_loaded;
  guint                 site_tick;

  /* the choices to pick from */
  GArray               *years;            /* int, newest first */
  GPtrArray            *countries;        /* VigieCountryCount */
  GPtrArray            *buyers;           /* VigieOrganisationSummary */
  GPtrArray            *languages;        /* char *, NULL-terminated */
  GArray               *period_years;     /* int: the years of period_row, in order */
  VigieReportFormat     formats[2];       /* the formats of format_row */
  guint                 n_formats;

  /* the options, per kind where they differ */
  VigieReportKind       kind;
  gint64                site_id;
  char                 *site_name;
  int                   site_year;        /* 0: the whole history */
  int                   annual_year;
  char                 *country;
  gint64                buyer_id;
  VigieReportFormat     annual_format;
  VigieReportFormat     data_format;
  VigieDisclosureLevel  factory_level;
  VigieDisclosureLevel  data_level;
  char                 *language;

  /* the job under way */
  GCancellable         *job_cancellable;
  gboolean              job_preview;
  VigieReportRequest   *job_request;
  char                 *job_path;
  guint                 job_generation;
  VigieReportJobFlags   job_flags;
  GApplication         *job_app;          /* held while a job runs: quitting waits for it */
  guint                 pulse_id;
  guint                 progress_updates;
  char                 *progress_stage;
  double                progress_max;

  /* the preview shown */
  VigieReportRequest   *preview_request;
  GBytes               *preview_bytes;    /* the PDF shown, saved as it is when asked */

  char                 *error;
  char                 *last_toast;
  GtkFileChooserNative *chooser;
  GFile                *last_folder;
  char                 *saved_uri;
};

G_DEFINE_FINAL_TYPE (VigieReportsPage, vigie_reports_page, GTK_TYPE_WIDGET)

enum
{
  PROP_0,
  PROP_STORE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void update_actions       (VigieReportsPage *self);
static void update_preview_state (VigieReportsPage *self);

/* ─── Small helpers ──────────────────────────────────────────────────────── */

static gboolean
kind_has_site (VigieReportKind kind)
{
  return kind == VIGIE_REPORT_KIND_FACTORY || kind == VIGIE_REPORT_KIND_PUBLIC;
}

static gboolean
kind_has_preview (VigieReportKind kind)
{
  return kind == VIGIE_REPORT_KIND_FACTORY || kind == VIGIE_REPORT_KIND_PUBLIC
         || kind == VIGIE_REPORT_KIND_ANNUAL;
}

static void
add_toast (VigieReportsPage *self,
           AdwToast         *toast)
{
  GtkWidget *window = gtk_widget_get_ancestor (GTK_WIDGET (self), VIGIE_TYPE_WINDOW);

  g_free (self->last_toast);
  self->last_toast = g_strdup (adw_toast_get_title (toast));
  if (window != NULL)
    vigie_window_add_toast (VIGIE_WINDOW (window), toast);
  else
    {
      g_message ("%s", adw_toast_get_title (toast));
      g_object_unref (toast);
    }
}

static GSettings *
get_settings (VigieReportsPage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkApplication *app = GTK_IS_WINDOW (root) ? gtk_window_get_application (GTK_WINDOW (root))
                                             : NULL;

  return VIGIE_IS_APPLICATION (app) ? vigie_application_get_settings (VIGIE_APPLICATION (app))
                                    : NULL;
}

static char *
get_author (VigieReportsPage *self)
{
  GSettings *settings = get_settings (self);
  g_autofree char *author = settings != NULL ? g_settings_get_string (settings, "author-name")
                                             : NULL;

  if (author != NULL && *g_strstrip (author) != '\0')
    return g_steal_pointer (&author);
  return g_strdup (g_get_real_name ());
}

static const char *
language_autonym (const char *code)
{
  for (guint i = 0; i < G_N_ELEMENTS (language_names); i++)
    if (g_str_equal (language_names[i].code, code))
      return language_names[i].autonym;
  return code;
}

static int
compare_codes (gconstpointer a,
               gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

/* English, and every language the vigie message catalogues exist for (where
 * bindtextdomain() points: the installed or the build's catalogues). */
static GPtrArray *
list_report_languages (void)
{
  GPtrArray *codes = g_ptr_array_new_with_free_func (g_free);
  const char *dir_path = bindtextdomain (GETTEXT_PACKAGE, NULL);
  g_autofree char *mo_name = g_strconcat (GETTEXT_PACKAGE, ".mo", NULL);
  GDir *dir = dir_path != NULL ? g_dir_open (dir_path, 0, NULL) : NULL;
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *mo = g_build_filename (dir_path, name, "LC_MESSAGES", mo_name, NULL);
      g_autoptr(VigieReportLocale) locale = NULL;

      if (g_str_has_prefix (name, "en") || !g_file_test (mo, G_FILE_TEST_IS_REGULAR))
        continue;
      locale = vigie_report_locale_new (name);
      if (vigie_report_locale_has_catalogue (locale))
        g_ptr_array_add (codes, g_strdup (name));
    }
  if (dir != NULL)
    g_dir_close (dir);
  g_ptr_array_sort (codes, compare_codes);
  g_ptr_array_insert (codes, 0, g_strdup ("en"));
  g_ptr_array_add (codes, NULL);
  return codes;
}

/* A file name without characters some file systems refuse. */
static void
sanitize_file_name (char *name)
{
  for (char *p = name; *p != '\0'; p++)
    if (strchr ("/\\:*?\"<>|", *p) != NULL || (guchar) *p < 0x20)
      *p = '-';
}

/* ─── Errors shown in the page ───────────────────────────────────────────── */

static void
clear_error (VigieReportsPage *self)
{
  g_clear_pointer (&self->error, g_free);
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);
  gtk_widget_remove_css_class (GTK_WIDGET (self->site_row), "error");
  gtk_accessible_reset_state (GTK_ACCESSIBLE (self->site_row), GTK_ACCESSIBLE_STATE_INVALID);
}

static void
show_error (VigieReportsPage *self,
            const char       *message,
            GtkWidget        *row)
{
  clear_error (self);
  self->error = g_strdup (message);
  gtk_label_set_label (self->error_label, message);
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
  if (row != NULL)
    {
      gtk_widget_add_css_class (row, "error");
      gtk_accessible_update_state (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_STATE_INVALID,
                                   GTK_ACCESSIBLE_INVALID_TRUE, -1);
    }
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->error_label),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, message, -1);
}

/* ─── The rows of the options ────────────────────────────────────────────── */

static void
update_site_row (VigieReportsPage *self)
{
  adw_action_row_set_subtitle (self->site_row,
                               self->site_name != NULL ? self->site_name
                                                       : _("No site chosen yet"));
}

static void
update_level_subtitle (VigieReportsPage *self)
{
  VigieDisclosureLevel level = self->kind == VIGIE_REPORT_KIND_DATA ? self->data_level
                                                                    : self->factory_level;

  adw_action_row_set_subtitle (ADW_ACTION_ROW (self->level_row), _(level_meanings[level]));
  {
    g_autofree char *text = g_strdup_printf ("%s — %s",
                                             vigie_vocab_label (VIGIE_VOCAB_DISCLOSURE_LEVEL,
                                                                "public"),
                                             _(level_meanings[VIGIE_LEVEL_PUBLIC]));

    adw_action_row_set_subtitle (ADW_ACTION_ROW (self->public_row), text);
  }
}

static GListModel *
string_model (GPtrArray *labels)
{
  GtkStringList *list = gtk_string_list_new (NULL);

  for (guint i = 0; i < labels->len; i++)
    gtk_string_list_append (list, g_ptr_array_index (labels, i));
  return G_LIST_MODEL (list);
}

static void
set_combo (AdwComboRow *row,
           GPtrArray   *labels,
           guint        selected)
{
  g_autoptr(GListModel) model = string_model (labels);

  adw_combo_row_set_model (row, model);
  adw_combo_row_set_selected (row, MIN (selected, MAX (labels->len, 1) - 1));
}

static VigieReportFormat
current_format (VigieReportsPage *self)
{
  switch (self->kind)
    {
    case VIGIE_REPORT_KIND_ANNUAL:
      return self->annual_format;
    case VIGIE_REPORT_KIND_DATA:
      return self->data_format;
    case VIGIE_REPORT_KIND_WEBSITE:
      return VIGIE_REPORT_FORMAT_WEBSITE;
    case VIGIE_REPORT_KIND_FACTORY:
    case VIGIE_REPORT_KIND_PUBLIC:
    case VIGIE_REPORT_N_KINDS:
    default:
      return VIGIE_REPORT_FORMAT_PDF;
    }
}

/* Fills and shows the rows the kind uses, from the options remembered. */
static void
update_rows (VigieReportsPage *self)
{
  VigieReportKind kind = self->kind;
  gboolean has_store = self->store != NULL;
  gboolean site = kind_has_site (kind);
  gboolean annual = kind == VIGIE_REPORT_KIND_ANNUAL;
  g_autoptr(GPtrArray) labels = g_ptr_array_new_with_free_func (g_free);
  guint selected = 0;

  self->updating = TRUE;

  gtk_label_set_label (self->kind_title, _(kinds[kind].title));
  gtk_label_set_label (self->kind_description, _(kinds[kind].description));

  /* Period: the years with data (and the whole history for a site). */
  g_array_set_size (self->period_years, 0);
  if (site)
    {
      int zero = 0;

      g_ptr_array_add (labels, g_strdup (_("Whole history")));
      g_array_append_val (self->period_years, zero);
    }
  for (guint i = 0; self->years != NULL && i < self->years->len; i++)
    {
      int year = g_array_index (self->years, int, i);

      g_ptr_array_add (labels, g_strdup_printf ("%d", year));
      g_array_append_val (self->period_years, year);
    }
  for (guint i = 0; i < self->period_years->len; i++)
    if (g_array_index (self->period_years, int, i) == (site ? self->site_year : self->annual_year))
      selected = i;
  set_combo (self->period_row, labels, selected);

  /* Country and buyer (annual figures). */
  g_ptr_array_set_size (labels, 0);
  selected = 0;
  g_ptr_array_add (labels, g_strdup (_("All countries")));
  for (guint i = 0; self->countries != NULL && i < self->countries->len; i++)
    {
      VigieCountryCount *c = g_ptr_array_index (self->countries, i);

      g_ptr_array_add (labels, g_strdup (c->label));
      if (g_strcmp0 (c->code, self->country) == 0)
        selected = i + 1;
    }
  set_combo (self->country_row, labels, selected);

  g_ptr_array_set_size (labels, 0);
  selected = 0;
  g_ptr_array_add (labels, g_strdup (_("All buyers")));
  for (guint i = 0; self->buyers != NULL && i < self->buyers->len; i++)
    {
      VigieOrganisationSummary *b = g_ptr_array_index (self->buyers, i);

      if (g_strcmp0 (b->kind, "consortium") == 0)
        /* Translators: a purchasing consortium in the buyer list: "Nordic ICT (consortium)" */
        g_ptr_array_add (labels, g_strdup_printf (C_("buyer", "%s (consortium)"), b->name));
      else
        g_ptr_array_add (labels, g_strdup (b->name));
      if (b->id == self->buyer_id)
        selected = i + 1;
    }
  set_combo (self->buyer_row, labels, selected);

  /* Format. */
  g_ptr_array_set_size (labels, 0);
  self->n_formats = 0;
  if (annual)
    {
      self->formats[self->n_formats++] = VIGIE_REPORT_FORMAT_PDF;
      g_ptr_array_add (labels, g_strdup (_("PDF document")));
    }
  if (annual || kind == VIGIE_REPORT_KIND_DATA)
    {
      self->formats[self->n_formats++] = VIGIE_REPORT_FORMAT_XLSX;
      g_ptr_array_add (labels, g_strdup (_("Spreadsheet (XLSX)")));
    }
  if (kind == VIGIE_REPORT_KIND_DATA)
    {
      self->formats[self->n_formats++] = VIGIE_REPORT_FORMAT_CSV;
      g_ptr_array_add (labels, g_strdup (_("CSV files in a folder")));
    }
  selected = 0;
  for (guint i = 0; i < self->n_formats; i++)
    if (self->formats[i] == current_format (self))
      selected = i;
  set_combo (self->format_row, labels, selected);

  /* Language. */
  g_ptr_array_set_size (labels, 0);
  selected = 0;
  for (guint i = 0; i + 1 < self->languages->len; i++)
    {
      const char *code = g_ptr_array_index (self->languages, i);

      g_ptr_array_add (labels, g_strdup (language_autonym (code)));
      if (g_strcmp0 (code, self->language) == 0)
        selected = i;
    }
  set_combo (self->language_row, labels, selected);
  if (kind == VIGIE_REPORT_KIND_WEBSITE)
    {
      /* The website is written in every language it finds a catalogue for. */
      g_auto(GStrv) codes = vigie_website_default_languages ();
      g_autoptr(GString) all = g_string_new (NULL);

      for (guint i = 0; codes != NULL && codes[i] != NULL; i++)
        {
          if (i > 0)
            g_string_append (all, ", ");
          g_string_append (all, language_autonym (codes[i]));
        }
      adw_action_row_set_subtitle (self->languages_row, all->str);
    }

  /* Disclosure level. */
  g_ptr_array_set_size (labels, 0);
  for (int l = 0; l < VIGIE_N_LEVELS; l++)
    g_ptr_array_add (labels, g_strdup (vigie_vocab_label (VIGIE_VOCAB_DISCLOSURE_LEVEL,
                                                          vigie_disclosure_level_code (l))));
  set_combo (self->level_row, labels,
             kind == VIGIE_REPORT_KIND_DATA ? self->data_level : self->factory_level);
  update_level_subtitle (self);

  /* What the kind uses. */
  gtk_widget_set_visible (GTK_WIDGET (self->site_row), site);
  gtk_widget_set_visible (GTK_WIDGET (self->period_row), site || annual);
  gtk_widget_set_visible (GTK_WIDGET (self->country_row), annual);
  gtk_widget_set_visible (GTK_WIDGET (self->buyer_row), annual);
  gtk_widget_set_visible (GTK_WIDGET (self->scope_group), site || annual);
  gtk_widget_set_visible (GTK_WIDGET (self->format_row), self->n_formats > 1);
  gtk_widget_set_visible (GTK_WIDGET (self->language_row), site || annual);
  gtk_widget_set_visible (GTK_WIDGET (self->languages_row), kind == VIGIE_REPORT_KIND_WEBSITE);
  gtk_widget_set_visible (GTK_WIDGET (self->level_row),
                          kind == VIGIE_REPORT_KIND_FACTORY || kind == VIGIE_REPORT_KIND_DATA);
  gtk_widget_set_visible (GTK_WIDGET (self->public_row),
                          kind == VIGIE_REPORT_KIND_PUBLIC || kind == VIGIE_REPORT_KIND_WEBSITE);
  /* Without a preview, the preview area holds the Save As button. */
  gtk_widget_set_visible (self->buttons_box, kind_has_preview (kind));
  update_site_row (self);

  gtk_widget_set_sensitive (GTK_WIDGET (self->scope_group), has_store);
  gtk_widget_set_sensitive (GTK_WIDGET (self->output_group), has_store);

  self->updating = FALSE;
}

/* Reads the rows of the current kind back into the options. */
static void
read_rows (VigieReportsPage *self)
{
  guint period = adw_combo_row_get_selected (self->period_row);
  guint country = adw_combo_row_get_selected (self->country_row);
  guint buyer = adw_combo_row_get_selected (self->buyer_row);
  guint format = adw_combo_row_get_selected (self->format_row);
  guint language = adw_combo_row_get_selected (self->language_row);
  guint level = adw_combo_row_get_selected (self->level_row);

  if (period != GTK_INVALID_LIST_POSITION && period < self->period_years->len)
    {
      if (kind_has_site (self->kind))
        self->site_year = g_array_index (self->period_years, int, period);
      else if (self->kind == VIGIE_REPORT_KIND_ANNUAL)
        self->annual_year = g_array_index (self->period_years, int, period);
    }
  if (self->kind == VIGIE_REPORT_KIND_ANNUAL)
    {
      g_clear_pointer (&self->country, g_free);
      if (self->countries != NULL && country != GTK_INVALID_LIST_POSITION && country > 0
          && country <= self->countries->len)
        self->country = g_strdup (((VigieCountryCount *) g_ptr_array_index (self->countries,
                                                                            country - 1))->code);
      self->buyer_id = 0;
      if (self->buyers != NULL && buyer != GTK_INVALID_LIST_POSITION && buyer > 0
          && buyer <= self->buyers->len)
        self->buyer_id = ((VigieOrganisationSummary *) g_ptr_array_index (self->buyers,
                                                                          buyer - 1))->id;
    }
  if (format != GTK_INVALID_LIST_POSITION && format < self->n_formats)
    {
      if (self->kind == VIGIE_REPORT_KIND_ANNUAL)
        self->annual_format = self->formats[format];
      else if (self->kind == VIGIE_REPORT_KIND_DATA)
        self->data_format = self->formats[format];
    }
  if ((kind_has_site (self->kind) || self->kind == VIGIE_REPORT_KIND_ANNUAL)
      && language != GTK_INVALID_LIST_POSITION && language + 1 < self->languages->len)
    {
      g_free (self->language);
      self->language = g_strdup (g_ptr_array_index (self->languages, language));
    }
  if (level != GTK_INVALID_LIST_POSITION && level < VIGIE_N_LEVELS)
    {
      if (self->kind == VIGIE_REPORT_KIND_FACTORY)
        self->factory_level = (VigieDisclosureLevel) level;
      else if (self->kind == VIGIE_REPORT_KIND_DATA)
        self->data_level = (VigieDisclosureLevel) level;
    }
}

static void
option_changed_cb (VigieReportsPage *self)
{
  if (self->updating)
    return;
  read_rows (self);
  update_level_subtitle (self);
  clear_error (self);
  update_preview_state (self);
}

/* The years, countries and buyers of the dataset. */
static void
load_choices (VigieReportsPage *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *today = vigie_today_iso ();
  int this_year = atoi (today);
  static const char * const buyer_kinds[] = { "affiliate", "consortium" };

  g_clear_pointer (&self->years, g_array_unref);
  g_clear_pointer (&self->countries, g_ptr_array_unref);
  g_clear_pointer (&self->buyers, g_ptr_array_unref);
  g_clear_pointer (&self->country, g_free);
  self->buyer_id = 0;
  self->site_year = 0;
  self->annual_year = 0;
  if (self->store == NULL)
    return;

  self->years = vigie_figures_years (self->store, &error);
  if (self->years == NULL)
    {
      g_warning ("Cannot list the years of the dataset: %s", error->message);
      g_clear_error (&error);
    }
  self->countries = vigie_site_list_countries_in_use (self->store, &error);
  if (self->countries == NULL)
    {
      g_warning ("Cannot list the countries of the dataset: %s", error->message);
      g_clear_error (&error);
    }
  self->buyers = g_ptr_array_new_with_free_func ((GDestroyNotify) vigie_organisation_summary_free);
  for (guint k = 0; k < G_N_ELEMENTS (buyer_kinds); k++)
    {
      GPtrArray *list = vigie_store_list_organisations (self->store, buyer_kinds[k], &error);

      if (list == NULL)
        {
          g_warning ("Cannot list the buyers of the dataset: %s", error->message);
          g_clear_error (&error);
          continue;
        }
      g_ptr_array_extend_and_steal (self->buyers, list);
    }

  /* The annual figures of this year when it has data, else of the latest year. */
  for (guint i = 0; self->years != NULL && i < self->years->len; i++)
    if (g_array_index (self->years, int, i) <= this_year)
      {
        self->annual_year = g_array_index (self->years, int, i);
        break;
      }
  if (self->annual_year == 0 && self->years != NULL && self->years->len > 0)
    self->annual_year = g_array_index (self->years, int, 0);
}

/* ─── The site picker ────────────────────────────────────────────────────── */

static char *
describe_site (GtkListItem *item,
               const char  *country,
               const char  *location_type)
{
  if (country == NULL || *country == '\0')
    return g_strdup (location_type != NULL ? location_type : "");
  if (location_type == NULL || *location_type == '\0')
    return g_strdup (country);
  /* Translators: under a site name in the site picker: "China · Final product assembly" */
  return g_strdup_printf (C_("site picker", "%1$s · %2$s"), country, location_type);
}

static void
update_site_count (VigieReportsPage *self)
{
  guint n = self->sites != NULL ? g_list_model_get_n_items (G_LIST_MODEL (self->sites)) : 0;
  const char *search = gtk_editable_get_text (GTK_EDITABLE (self->site_search));
  g_autofree char *count = g_strdup_printf ("%'u", n);
  g_autofree char *text = NULL;

  if (self->site_queries > 0)
    text = g_strdup (_("Searching…"));
  else if (search != NULL && *search != '\0')
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s matching site",
                                         "%s matching sites", n), count);
  else
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s site", "%s sites", n), count);
  gtk_label_set_label (self->site_count_label, text);
  gtk_stack_set_visible_child_name (self->site_stack,
                                    n > 0 || self->site_queries > 0 ? "list" : "empty");
}

static void
site_query_done_cb (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(VigieReportsPage) self = user_data;
  g_autoptr(GError) error = NULL;

  if (self->site_queries > 0)
    self->site_queries--;
  if (self->disposed || VIGIE_SITE_LIST (source) != self->sites)
    return;
  if (!vigie_site_list_set_query_finish (VIGIE_SITE_LIST (source), result, &error)
      && !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    add_toast (self, adw_toast_new (error->message));
  update_site_count (self);
}

static void
run_site_query (VigieReportsPage *self)
{
  g_autoptr(VigieSiteQuery) query = NULL;

  if (self->sites == NULL)
    return;
  g_cancellable_cancel (self->site_cancellable);
  g_clear_object (&self->site_cancellable);
  self->site_cancellable = g_cancellable_new ();

  query = vigie_site_query_new ();
  query->search = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->site_search)));
  query->sort = VIGIE_SITE_SORT_NAME;
  self->site_queries++;
  self->sites_loaded = TRUE;
  vigie_site_list_set_query_async (self->sites, query, self->site_cancellable,
                                   site_query_done_cb, g_object_ref (self));
  update_site_count (self);
}

static void
site_search_changed_cb (VigieReportsPage *self)
{
  run_site_query (self);
}

static void
choose_site_at (VigieReportsPage *self,
                guint             position)
{
  g_autoptr(VigieSiteRow) row = NULL;

  if (self->sites == NULL || position >= g_list_model_get_n_items (G_LIST_MODEL (self->sites)))
    return;
  row = g_list_model_get_item (G_LIST_MODEL (self->sites), position);
  self->site_id = vigie_site_row_get_id (row);
  g_free (self->site_name);
  self->site_name = g_strdup (vigie_site_row_get_name (row));
  update_site_row (self);
  gtk_popover_popdown (self->site_popover);
  clear_error (self);
  update_preview_state (self);
}

static void
site_activated_cb (VigieReportsPage *self,
                   guint             position)
{
  choose_site_at (self, position);
}

static void
site_search_activated_cb (VigieReportsPage *self)
{
  guint selected = gtk_single_selection_get_selected (self->site_selection);

  choose_site_at (self, selected != GTK_INVALID_LIST_POSITION ? selected : 0);
}

static void
site_search_stopped_cb (VigieReportsPage *self)
{
  gtk_popover_popdown (self->site_popover);
}

static gboolean
site_search_key_cb (VigieReportsPage      *self,
                    guint                  keyval,
                    guint                  keycode,
                    GdkModifierType        state,
                    GtkEventControllerKey *controller)
{
  if (keyval != GDK_KEY_Down && keyval != GDK_KEY_KP_Down)
    return FALSE;
  if (self->sites == NULL || g_list_model_get_n_items (G_LIST_MODEL (self->sites)) == 0)
    return FALSE;
  gtk_single_selection_set_selected (self->site_selection, 0);
  gtk_widget_grab_focus (GTK_WIDGET (self->site_view));
  return TRUE;
}

/* GTK 4.8's list views build a row for every item they are given while they have no
 * size: the model goes in once the list has one, and out when the popover closes. */
static gboolean
attach_sites_tick_cb (GtkWidget     *widget,
                      GdkFrameClock *clock,
                      gpointer       user_data)
{
  VigieReportsPage *self = user_data;

  if (gtk_widget_get_allocated_height (widget) <= 0)
    return G_SOURCE_CONTINUE;
  self->site_tick = 0;
  gtk_list_view_set_model (self->site_view, GTK_SELECTION_MODEL (self->site_selection));
  return G_SOURCE_REMOVE;
}

static void
site_popover_mapped_cb (VigieReportsPage *self)
{
  if (!self->sites_loaded)
    run_site_query (self);
  update_site_count (self);
  if (self->site_tick == 0)
    self->site_tick = gtk_widget_add_tick_callback (GTK_WIDGET (self->site_view),
                                                    attach_sites_tick_cb, self, NULL);
  gtk_widget_grab_focus (GTK_WIDGET (self->site_search));
}

static void
site_popover_unmapped_cb (VigieReportsPage *self)
{
  if (self->site_tick != 0)
    gtk_widget_remove_tick_callback (GTK_WIDGET (self->site_view), self->site_tick);
  self->site_tick = 0;
  gtk_list_view_set_model (self->site_view, NULL);
}

/* ─── The request ────────────────────────────────────────────────────────── */

/* The request the options describe; NULL when incomplete (with SHOW, the reason goes in
 * the page). */
static VigieReportRequest *
build_request (VigieReportsPage *self,
               gboolean          show)
{
  g_autoptr(VigieReportRequest) r = NULL;

  if (self->store == NULL)
    {
      if (show)
        show_error (self, _("Open a dataset first."), NULL);
      return NULL;
    }
  r = vigie_report_request_new (self->kind);
  r->format = current_format (self);
  r->language = g_strdup (self->language);
  r->author = get_author (self);
  switch (self->kind)
    {
    case VIGIE_REPORT_KIND_FACTORY:
    case VIGIE_REPORT_KIND_PUBLIC:
      if (self->site_id <= 0)
        {
          if (show)
            show_error (self, _("Choose the site to report on."), GTK_WIDGET (self->site_row));
          return NULL;
        }
      r->site_id = self->site_id;
      r->year = self->site_year;
      r->level = self->kind == VIGIE_REPORT_KIND_FACTORY ? self->factory_level
                                                         : VIGIE_LEVEL_PUBLIC;
      break;
    case VIGIE_REPORT_KIND_ANNUAL:
      if (self->annual_year <= 0)
        {
          if (show)
            show_error (self, _("The dataset has no year with findings, investigations or "
                                "actions yet."), GTK_WIDGET (self->period_row));
          return NULL;
        }
      r->year = self->annual_year;
      r->country = g_strdup (self->country);
      r->buyer_id = self->buyer_id;
      break;
    case VIGIE_REPORT_KIND_DATA:
      r->level = self->data_level;
      break;
    case VIGIE_REPORT_KIND_WEBSITE:
    case VIGIE_REPORT_N_KINDS:
    default:
      break;
    }
  return g_steal_pointer (&r);
}

/* The request of the PDF previewed for REQUEST (annual figures preview as PDF). */
static VigieReportRequest *
preview_request_for (const VigieReportRequest *request)
{
  VigieReportRequest *r = vigie_report_request_copy (request);

  r->format = VIGIE_REPORT_FORMAT_PDF;
  return r;
}

static const char *
buyer_name (VigieReportsPage *self,
            gint64            id)
{
  for (guint i = 0; id > 0 && self->buyers != NULL && i < self->buyers->len; i++)
    {
      VigieOrganisationSummary *b = g_ptr_array_index (self->buyers, i);

      if (b->id == id)
        return b->name;
    }
  return NULL;
}

static char *
default_name_for (VigieReportsPage         *self,
                  const VigieReportRequest *r)
{
  g_autofree char *base = NULL;
  const char *extension = "";

  switch (r->kind)
    {
    case VIGIE_REPORT_KIND_FACTORY:
    case VIGIE_REPORT_KIND_PUBLIC:
      {
        /* In the language of the report, like its title. */
        g_autoptr(VigieReportLocale) locale = vigie_report_locale_new (r->language);
        g_autofree char *title = NULL;

        vigie_report_locale_push (locale);
        title = vigie_pdf_site_report_title (self->site_name != NULL ? self->site_name : "",
                                             vigie_report_request_effective_level (r));
        vigie_report_locale_pop ();
        base = r->year > 0 ? g_strdup_printf ("%s %d", title, r->year) : g_steal_pointer (&title);
        extension = ".pdf";
        break;
      }
    case VIGIE_REPORT_KIND_ANNUAL:
      {
        g_autoptr(VigieReportLocale) locale = vigie_report_locale_new (r->language);
        const char *english = r->country != NULL ? vigie_reference_country_name (r->country)
                                                 : NULL;

        vigie_report_locale_push (locale);
        base = vigie_annual_report_title (r->year,
                                          english != NULL ? vigie_report_country (english)
                                                          : r->country,
                                          buyer_name (self, r->buyer_id));
        vigie_report_locale_pop ();
        extension = r->format == VIGIE_REPORT_FORMAT_XLSX ? ".xlsx" : ".pdf";
        break;
      }
    case VIGIE_REPORT_KIND_DATA:
      {
        g_autofree char *today = vigie_today_iso ();

        /* Translators: the file or folder name proposed for the data export: "Vigie data
         * (Public) 2026-06-15" */
        base = g_strdup_printf (_("Vigie data (%1$s) %2$s"),
                                vigie_vocab_label (VIGIE_VOCAB_DISCLOSURE_LEVEL,
                                                   vigie_disclosure_level_code (r->level)),
                                today);
        extension = r->format == VIGIE_REPORT_FORMAT_XLSX ? ".xlsx" : "";
        break;
      }
    case VIGIE_REPORT_KIND_WEBSITE:
    case VIGIE_REPORT_N_KINDS:
    default:
      /* Translators: the folder name proposed for the transparency website */
      base = g_strdup (_("Vigie transparency website"));
      break;
    }
  sanitize_file_name (base);
  return g_strconcat (base, extension, NULL);
}

/* ─── The preview area ───────────────────────────────────────────────────── */

static gboolean
preview_is_current_kind (VigieReportsPage *self)
{
  return self->preview_request != NULL && self->preview_request->kind == self->kind
         && vigie_pdf_preview_get_n_pages (self->preview) > 0;
}

static void
update_preview_state (VigieReportsPage *self)
{
  const char *state = "empty";

  if (self->store == NULL)
    {
      adw_status_page_set_icon_name (self->empty_page, "x-office-document-symbolic");
      adw_status_page_set_title (self->empty_page, _("No Dataset Open"));
      adw_status_page_set_description (self->empty_page,
                                       _("Open or create a dataset to write its reports."));
    }
  else if (!kind_has_preview (self->kind))
    {
      state = "output";
      adw_status_page_set_icon_name (self->output_page, kinds[self->kind].icon_name);
      adw_status_page_set_title (self->output_page, _(kinds[self->kind].title));
      if (self->kind == VIGIE_REPORT_KIND_WEBSITE)
        adw_status_page_set_description (self->output_page,
                                         _("Writes a folder with an index page, a page per "
                                           "site and per language, the charts and the open "
                                           "data (CSV and JSON), from the public data only. "
                                           "Nothing else is previewed: open index.html once "
                                           "it is written."));
      else if (self->data_format == VIGIE_REPORT_FORMAT_CSV)
        adw_status_page_set_description (self->output_page,
                                         _("Writes a folder with a CSV file per table (UTF-8, "
                                           "a header line, ISO dates), at the disclosure "
                                           "level chosen. Cells that a spreadsheet would read "
                                           "as formulas are protected."));
      else
        adw_status_page_set_description (self->output_page,
                                         _("Writes one workbook with a sheet per table: typed "
                                           "cells, a frozen header and a filter on every "
                                           "sheet, at the disclosure level chosen."));
    }
  else if (preview_is_current_kind (self))
    {
      g_autoptr(VigieReportRequest) current = build_request (self, FALSE);
      g_autoptr(VigieReportRequest) as_pdf = current != NULL ? preview_request_for (current)
                                                             : NULL;

      state = "preview";
      gtk_revealer_set_reveal_child (self->outdated_revealer,
                                     !vigie_report_request_equal (as_pdf,
                                                                  self->preview_request));
    }
  else
    {
      adw_status_page_set_icon_name (self->empty_page, "document-print-preview-symbolic");
      adw_status_page_set_title (self->empty_page, _("No Preview Yet"));
      adw_status_page_set_description (self->empty_page,
                                       kind_has_site (self->kind)
                                       ? _("Choose a site, then press Preview to see the "
                                           "report as it will be printed.")
                                       : _("Choose a year, then press Preview to see the "
                                           "figures as they will be printed."));
    }
  gtk_stack_set_visible_child_name (self->preview_stack, state);
  update_actions (self);
}

/* A preview is written in a private temporary folder of its own, read into memory and
 * deleted at once: nothing stays on disk. */
static void
remove_preview_file (const char *path)
{
  g_autofree char *dir = g_path_get_dirname (path);

  g_unlink (path);
  g_rmdir (dir);
}

/* ─── Jobs ───────────────────────────────────────────────────────────────── */

static gboolean
pulse_cb (gpointer user_data)
{
  VigieReportsPage *self = user_data;

  gtk_progress_bar_pulse (self->progress_bar);
  return G_SOURCE_CONTINUE;
}

static void
stop_pulse (VigieReportsPage *self)
{
  if (self->pulse_id != 0)
    g_source_remove (self->pulse_id);
  self->pulse_id = 0;
}

static void
job_progress_cb (double      fraction,
                 const char *stage,
                 gpointer    user_data)
{
  VigieReportsPage *self = user_data;

  if (self->disposed || self->job_cancellable == NULL)
    return;
  self->progress_updates++;
  if (stage != NULL && *stage != '\0' && g_strcmp0 (stage, self->progress_stage) != 0)
    {
      g_free (self->progress_stage);
      self->progress_stage = g_strdup (stage);
    }
  stage = self->progress_stage != NULL ? self->progress_stage : "";
  if (fraction < 0)
    {
      gtk_label_set_label (self->progress_label, stage);
      if (self->pulse_id == 0)
        self->pulse_id = g_timeout_add (120, pulse_cb, self);
      return;
    }
  stop_pulse (self);
  fraction = CLAMP (fraction, 0.0, 1.0);
  self->progress_max = MAX (self->progress_max, fraction);
  gtk_progress_bar_set_fraction (self->progress_bar, fraction);
  {
    /* Translators: a whole percentage, e.g. "75%"; use your language's spacing ("75 %") */
    g_autofree char *percent = g_strdup_printf (C_("percentage", "%.0f%%"), fraction * 100);
    /* Translators: progress of a report or export: what is being written and how far it
     * got, "findings — 42%" */
    g_autofree char *text = g_strdup_printf (C_("progress", "%1$s — %2$s"), stage, percent);

    gtk_label_set_label (self->progress_label, text);
  }
}

/* The Open button of the "Saved" toast (the toast lives in the window's overlay, outside
 * the page, so it cannot reach the page's actions). */
static void
open_saved_cb (VigieReportsPage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  if (self->saved_uri != NULL && !self->disposed)
    gtk_show_uri (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, self->saved_uri,
                  GDK_CURRENT_TIME);
}

static void
job_done_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  VigieReportsPage *self = VIGIE_REPORTS_PAGE (source);
  g_autoptr(GError) error = NULL;
  g_autoptr(VigieReportRequest) request = g_steal_pointer (&self->job_request);
  g_autofree char *path = g_steal_pointer (&self->job_path);
  gboolean preview = self->job_preview;
  gboolean same_dataset = self->job_generation == self->generation;
  int n_pages = 0;
  gboolean ok;

  ok = vigie_report_job_run_finish (result, &n_pages, &error);
  g_clear_object (&self->job_cancellable);
  stop_pulse (self);
  if (self->job_app != NULL)
    {
      g_application_release (self->job_app);
      g_clear_object (&self->job_app);
    }

  if (preview)
    {
      g_autofree char *contents = NULL;
      gsize length = 0;

      if (ok && !self->disposed && same_dataset
          && g_file_get_contents (path, &contents, &length, &error))
        {
          g_autoptr(GBytes) bytes = g_bytes_new_take (g_steal_pointer (&contents), length);

          if (vigie_pdf_preview_load_bytes (self->preview, bytes, &error))
            {
              g_clear_pointer (&self->preview_bytes, g_bytes_unref);
              self->preview_bytes = g_steal_pointer (&bytes);
              g_clear_pointer (&self->preview_request, vigie_report_request_free);
              self->preview_request = g_steal_pointer (&request);
            }
        }
      remove_preview_file (path);
    }
  if (self->disposed)
    return;
  gtk_revealer_set_reveal_child (self->progress_revealer, FALSE);

  if (preview)
    {
      if (ok && error != NULL)
        {
          g_autofree char *message = g_strdup_printf (_("The preview cannot be shown: %s"),
                                                      error->message);

          show_error (self, message, NULL);
        }
      else if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        add_toast (self, adw_toast_new (_("Preview cancelled")));
      else if (!ok)
        {
          g_autofree char *message = g_strdup_printf (_("The preview could not be written: %s"),
                                                      error->message);

          show_error (self, message, NULL);
        }
    }
  else if (ok)
    {
      g_autoptr(GFile) file = g_file_new_for_path (path);
      g_autofree char *name = g_filename_display_basename (path);
      /* Translators: a toast once a report or export is written; %s is the file name */
      g_autofree char *title = g_strdup_printf (_("Saved “%s”"), name);
      AdwToast *toast = adw_toast_new (title);

      g_free (self->saved_uri);
      self->saved_uri = g_file_get_uri (file);
      adw_toast_set_button_label (toast, _("_Open"));
      g_signal_connect_object (toast, "button-clicked", G_CALLBACK (open_saved_cb), self,
                               G_CONNECT_SWAPPED);
      add_toast (self, toast);
    }
  else if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    add_toast (self, adw_toast_new (_("Cancelled: nothing was written")));
  else
    {
      g_autofree char *name = g_filename_display_basename (path);
      /* Translators: %1$s is a file name, %2$s the reason ("No space left on device") */
      g_autofree char *message = g_strdup_printf (_("“%1$s” could not be written. %2$s"),
                                                  name, error->message);

      show_error (self, message, NULL);
    }
  update_preview_state (self);
}

static gboolean
start_job (VigieReportsPage   *self,
           VigieReportRequest *request,
           const char         *path,
           GBytes             *copy_from,
           gboolean            preview)
{
  if (self->job_cancellable != NULL)
    {
      vigie_report_request_free (request);
      return FALSE;
    }
  clear_error (self);
  self->job_cancellable = g_cancellable_new ();
  self->job_preview = preview;
  self->job_request = request;
  self->job_path = g_strdup (path);
  self->job_generation = self->generation;
  self->progress_updates = 0;
  self->progress_max = 0;
  g_clear_pointer (&self->progress_stage, g_free);

  gtk_progress_bar_set_fraction (self->progress_bar, 0);
  gtk_label_set_label (self->progress_label, preview ? _("Preparing the preview…")
                                                     : _("Saving…"));
  gtk_revealer_set_reveal_child (self->progress_revealer, TRUE);
  update_actions (self);

  /* Quitting waits for the job (a closed window cancels it first), so that nothing is
   * left half-written. */
  {
    GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
    GtkApplication *app = GTK_IS_WINDOW (root) ? gtk_window_get_application (GTK_WINDOW (root))
                                               : NULL;

    if (app != NULL)
      {
        self->job_app = g_object_ref (G_APPLICATION (app));
        g_application_hold (self->job_app);
      }
  }

  vigie_report_job_run_async (self, self->store, request, path, copy_from, self->job_flags,
                              job_progress_cb, self, self->job_cancellable, job_done_cb, NULL);
  return TRUE;
}

/* ─── Save As ────────────────────────────────────────────────────────────── */

static void
chooser_response_cb (VigieReportsPage     *self,
                     int                   response,
                     GtkFileChooserNative *chooser)
{
  g_autoptr(GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (chooser));
  if (self->chooser == chooser)
    g_clear_object (&self->chooser);
  if (file == NULL || self->disposed)
    return;

  {
    g_autoptr(VigieReportRequest) request = build_request (self, TRUE);
    g_autofree char *path = g_file_get_path (file);
    const char *extension = NULL;

    if (request == NULL || path == NULL)
      return;
    if (request->format == VIGIE_REPORT_FORMAT_PDF)
      extension = ".pdf";
    else if (request->format == VIGIE_REPORT_FORMAT_XLSX)
      extension = ".xlsx";
    if (extension != NULL && !g_str_has_suffix (path, extension))
      {
        char *with = g_strconcat (path, extension, NULL);

        g_object_unref (file);
        file = g_file_new_for_path (with);
        g_free (with);
      }
    g_clear_object (&self->last_folder);
    self->last_folder = g_file_get_parent (file);
    vigie_reports_page_save_to (self, file);
  }
}

static void
save_activated (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  VigieReportsPage *self = VIGIE_REPORTS_PAGE (widget);
  g_autoptr(VigieReportRequest) request = build_request (self, TRUE);
  g_autofree char *name = NULL;
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkFileChooser *chooser;
  gboolean folder;

  if (request == NULL || self->chooser != NULL)
    return;
  clear_error (self);
  folder = vigie_report_format_is_folder (request->format);
  name = default_name_for (self, request);

  self->chooser = gtk_file_chooser_native_new (folder ? _("Save to a New Folder")
                                                      : _("Save the Report"),
                                               GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                               GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"),
                                               _("_Cancel"));
  chooser = GTK_FILE_CHOOSER (self->chooser);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);
  gtk_file_chooser_set_current_name (chooser, name);
  if (self->last_folder != NULL)
    gtk_file_chooser_set_current_folder (chooser, self->last_folder, NULL);
  if (!folder)
    {
      g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

      if (request->format == VIGIE_REPORT_FORMAT_PDF)
        {
          gtk_file_filter_set_name (filter, _("PDF documents"));
          gtk_file_filter_add_mime_type (filter, "application/pdf");
          gtk_file_filter_add_suffix (filter, "pdf");
        }
      else
        {
          gtk_file_filter_set_name (filter, _("Spreadsheets (XLSX)"));
          gtk_file_filter_add_suffix (filter, "xlsx");
        }
      gtk_file_chooser_add_filter (chooser, filter);
    }
  g_signal_connect_object (self->chooser, "response", G_CALLBACK (chooser_response_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

/* ─── Actions ────────────────────────────────────────────────────────────── */

static void
update_actions (VigieReportsPage *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  gboolean has_store = self->store != NULL;
  gboolean busy = self->job_cancellable != NULL;
  gboolean previewing = g_strcmp0 (gtk_stack_get_visible_child_name (self->preview_stack),
                                   "preview") == 0;

  gtk_widget_action_set_enabled (widget, "page.preview",
                                 has_store && !busy && kind_has_preview (self->kind));
  gtk_widget_action_set_enabled (widget, "page.save", has_store && !busy);
  gtk_widget_action_set_enabled (widget, "page.cancel", busy);
  gtk_widget_action_set_enabled (widget, "page.search", has_store && kind_has_site (self->kind));
  gtk_widget_action_set_enabled (widget, "page.zoom-in", previewing);
  gtk_widget_action_set_enabled (widget, "page.zoom-out", previewing);
  gtk_widget_action_set_enabled (widget, "page.zoom-fit", previewing);
}

static void
preview_activated (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  vigie_reports_page_preview (VIGIE_REPORTS_PAGE (widget));
}

static void
cancel_activated (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  vigie_reports_page_cancel (VIGIE_REPORTS_PAGE (widget));
}

static void
search_activated (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  VigieReportsPage *self = VIGIE_REPORTS_PAGE (widget);

  gtk_menu_button_popup (self->site_button);
}

static void
zoom_activated (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  VigieReportsPage *self = VIGIE_REPORTS_PAGE (widget);

  if (g_str_equal (action_name, "page.zoom-in"))
    vigie_pdf_preview_zoom_in (self->preview);
  else if (g_str_equal (action_name, "page.zoom-out"))
    vigie_pdf_preview_zoom_out (self->preview);
  else
    vigie_pdf_preview_set_fit_width (self->preview, TRUE);
}

static void
kind_selected_cb (VigieReportsPage *self,
                  GtkListBoxRow    *row)
{
  if (row == NULL || self->updating)
    return;
  vigie_reports_page_set_kind (self, (VigieReportKind) gtk_list_box_row_get_index (row));
}

/* ─── Public API ─────────────────────────────────────────────────────────── */

GtkWidget *
vigie_reports_page_new (void)
{
  return g_object_new (VIGIE_TYPE_REPORTS_PAGE, NULL);
}

void
vigie_reports_page_set_store (VigieReportsPage *self,
                              VigieStore       *store)
{
  GSettings *settings;

  g_return_if_fail (VIGIE_IS_REPORTS_PAGE (self));
  g_return_if_fail (store == NULL || VIGIE_IS_STORE (store));

  if (!g_set_object (&self->store, store))
    return;

  self->generation++;
  /* A preview belongs to the dataset it was made from; a file being saved is finished. */
  if (self->job_cancellable != NULL && self->job_preview)
    g_cancellable_cancel (self->job_cancellable);
  vigie_pdf_preview_clear (self->preview);
  g_clear_pointer (&self->preview_bytes, g_bytes_unref);
  g_clear_pointer (&self->preview_request, vigie_report_request_free);

  g_cancellable_cancel (self->site_cancellable);
  gtk_list_view_set_model (self->site_view, NULL);
  gtk_single_selection_set_model (self->site_selection, NULL);
  g_clear_object (&self->sites);
  self->sites_loaded = FALSE;
  if (store != NULL)
    self->sites = vigie_site_list_new (store);
  gtk_single_selection_set_model (self->site_selection, G_LIST_MODEL (self->sites));
  if (gtk_widget_get_mapped (GTK_WIDGET (self->site_popover)))
    site_popover_mapped_cb (self);
  self->site_id = 0;
  g_clear_pointer (&self->site_name, g_free);

  settings = get_settings (self);
  if (settings != NULL)
    {
      g_autofree char *language = g_settings_get_string (settings, "report-language");

      if (g_strv_contains ((const char * const *) self->languages->pdata, language))
        {
          g_free (self->language);
          self->language = g_steal_pointer (&language);
        }
    }

  load_choices (self);
  clear_error (self);
  update_rows (self);
  update_preview_state (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STORE]);
}

VigieStore *
vigie_reports_page_get_store (VigieReportsPage *self)
{
  g_return_val_if_fail (VIGIE_IS_REPORTS_PAGE (self), NULL);
  return self->store;
}

VigieReportKind
vigie_reports_page_get_kind (VigieReportsPage *self)
{
  g_return_val_if_fail (VIGIE_IS_REPORTS_PAGE (self), VIGIE_REPORT_KIND_FACTORY);
  return self->kind;
}

void
vigie_reports_page_set_kind (VigieReportsPage *self,
                             VigieReportKind   kind)
{
  GtkListBoxRow *row;

  g_return_if_fail (VIGIE_IS_REPORTS_PAGE (self));
  g_return_if_fail (kind < VIGIE_REPORT_N_KINDS);

  row = gtk_list_box_get_row_at_index (self->kind_list, (int) kind);
  if (gtk_list_box_get_selected_row (self->kind_list) != row)
    {
      self->updating = TRUE;
      gtk_list_box_select_row (self->kind_list, row);
      self->updating = FALSE;
    }
  if (kind == self->kind)
    return;
  self->kind = kind;
  clear_error (self);
  update_rows (self);
  update_preview_state (self);
}

gboolean
vigie_reports_page_set_site (VigieReportsPage *self,
                             gint64            site_id)
{
  g_autoptr(VigieSiteRecord) site = NULL;

  g_return_val_if_fail (VIGIE_IS_REPORTS_PAGE (self), FALSE);

  if (self->store == NULL || site_id <= 0)
    return FALSE;
  site = vigie_store_get_site (self->store, site_id, NULL);
  if (site == NULL)
    return FALSE;
  self->site_id = site_id;
  g_free (self->site_name);
  self->site_name = g_strdup (site->name);
  update_site_row (self);
  clear_error (self);
  update_preview_state (self);
  return TRUE;
}

gint64
vigie_reports_page_get_site (VigieReportsPage *self)
{
  g_return_val_if_fail (VIGIE_IS_REPORTS_PAGE (self), 0);
  return self->site_id;
}

gboolean
vigie_reports_page_set_year (VigieReportsPage *self,
                             int               year)
{
  g_return_val_if_fail (VIGIE_IS_REPORTS_PAGE (self), FALSE);

  for (guint i = 0; i < self->period_years->len; i++)
    if (g_array_index (self->period_years, int, i) == year)
      {
        adw_combo_row_set_selected (self->period_row, i);
        return TRUE;
      }
  return FALSE;
}

gboolean
vigie_reports_page_set_format (VigieReportsPage  *self,
                               VigieReportFormat  format)
{
  g_return_val_if_fail (VIGIE_IS_REPORTS_PAGE (self), FALSE);

  for (guint i = 0; i < self->n_formats; i++)
    if (self->formats[i] == format)
      {
        adw_combo_row_set_selected (self->format_row, i);
        return TRUE;
      }
  return current_format (self) == format;
}

gboolean
vigie_reports_page_set_level (VigieReportsPage     *self,
                              VigieDisclosureLevel  level)
{
  g_return_val_if_fail (VIGIE_IS_REPORTS_PAGE (self), FALSE);

  if (!gtk_widget_get_visible (GTK_WIDGET (self->level_row)) || level >= VIGIE_N_LEVELS)
    return FALSE;
  adw_combo_row_set_selected (self->level_row, level);
  return TRUE;
}

gboolean
vigie_reports_page_set_language (VigieReportsPage *self,
                                 const char       *language)
{
  g_return_val_if_fail (VIGIE_IS_REPORTS_PAGE (self), FALSE);

  for (guint i = 0; i + 1 < self->languages->len; i++)
    if (g_strcmp0 (g_ptr_array_index (self->languages, i), language) == 0)
      {
        adw_combo_row_set_selected (self->language_row, i);
        return TRUE;
      }
  return FALSE;
}

const char * const *
vigie_reports_page_get_languages (VigieReportsPage *self)
{
  g_return_val_if_fail (VIGIE_IS_REPORTS_PAGE (self), NULL);
  return (const char * const *) self->languages->pdata;
}

VigieReportRequest *
vigie_reports_page_get_request (VigieReportsPage *self)
{
  g_return_val_if_fail (VIGIE_IS_REPORTS_PAGE (self), NULL);
  return build_request (self, TRUE);
}

char *
vigie_reports_page_get_default_name (VigieReportsPage *self)
{
  g_autoptr(VigieReportRequest) request = NULL;

  g_return_val_if_fail (VIGIE_IS_REPORTS_PAGE (self), NULL);

  request = build_request (self, FALSE);
  if (request == NULL)
    return NULL;
  return default_name_for (self, request);
}

gboolean
vigie_reports_page_preview (VigieReportsPage *self)
{
  g_autoptr(VigieReportRequest) request = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;

  g_return_val_if_fail (VIGIE_IS_REPORTS_PAGE (self), FALSE);

  if (!kind_has_preview (self->kind) || self->job_cancellable != NULL)
    return FALSE;
  request = build_request (self, TRUE);
  if (request == NULL)
    return FALSE;
  dir = g_dir_make_tmp ("vigie-preview-XXXXXX", &error);
  if (dir == NULL)
    {
      show_error (self, error->message, NULL);
      return FALSE;
    }
  path = g_build_filename (dir, "preview.pdf", NULL);
  return start_job (self, preview_request_for (request), path, NULL, TRUE);
}

gboolean
vigie_reports_page_save_to (VigieReportsPage *self,
                            GFile            *file)
{
  g_autoptr(VigieReportRequest) request = NULL;
  g_autofree char *path = NULL;
  GBytes *copy_from = NULL;

  g_return_val_if_fail (VIGIE_IS_REPORTS_PAGE (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  if (self->job_cancellable != NULL)
    return FALSE;
  request = build_request (self, TRUE);
  if (request == NULL)
    return FALSE;
  path = g_file_get_path (file);
  if (path == NULL)
    {
      show_error (self, _("Reports can only be saved to a local folder."), NULL);
      return FALSE;
    }
  /* The PDF looked at is the one saved. */
  if (request->format == VIGIE_REPORT_FORMAT_PDF && self->preview_bytes != NULL
      && vigie_report_request_equal (request, self->preview_request))
    copy_from = self->preview_bytes;
  return start_job (self, g_steal_pointer (&request), path, copy_from, FALSE);
}

void
vigie_reports_page_cancel (VigieReportsPage *self)
{
  g_return_if_fail (VIGIE_IS_REPORTS_PAGE (self));

  if (self->job_cancellable != NULL)
    {
      g_cancellable_cancel (self->job_cancellable);
      gtk_label_set_label (self->progress_label, _("Cancelling…"));
    }
}

gboolean
vigie_reports_page_get_busy (VigieReportsPage *self)
{
  g_return_val_if_fail (VIGIE_IS_REPORTS_PAGE (self), FALSE);
  return self->job_cancellable != NULL;
}

VigiePdfPreview *
vigie_reports_page_get_preview (VigieReportsPage *self)
{
  g_return_val_if_fail (VIGIE_IS_REPORTS_PAGE (self), NULL);
  return self->preview;
}

GtkProgressBar *
vigie_reports_page_get_progress_bar (VigieReportsPage *self)
{
  g_return_val_if_fail (VIGIE_IS_REPORTS_PAGE (self), NULL);
  return self->progress_bar;
}

guint
vigie_reports_page_get_progress_updates (VigieReportsPage *self,
                                         double           *max_fraction)
{
  g_return_val_if_fail (VIGIE_IS_REPORTS_PAGE (self), 0);
  if (max_fraction != NULL)
    *max_fraction = self->progress_max;
  return self->progress_updates;
}

const char *
vigie_reports_page_get_error (VigieReportsPage *self)
{
  g_return_val_if_fail (VIGIE_IS_REPORTS_PAGE (self), NULL);
  return self->error;
}

const char *
vigie_reports_page_get_last_toast (VigieReportsPage *self)
{
  g_return_val_if_fail (VIGIE_IS_REPORTS_PAGE (self), NULL);
  return self->last_toast;
}

const char *
vigie_reports_page_get_preview_state (VigieReportsPage *self)
{
  g_return_val_if_fail (VIGIE_IS_REPORTS_PAGE (self), NULL);
  return gtk_stack_get_visible_child_name (self->preview_stack);
}

gboolean
vigie_reports_page_get_preview_outdated (VigieReportsPage *self)
{
  g_return_val_if_fail (VIGIE_IS_REPORTS_PAGE (self), FALSE);
  return gtk_revealer_get_reveal_child (self->outdated_revealer);
}

void
vigie_reports_page_set_job_flags (VigieReportsPage    *self,
                                  VigieReportJobFlags  flags)
{
  g_return_if_fail (VIGIE_IS_REPORTS_PAGE (self));
  self->job_flags = flags;
}

GtkEditable *
vigie_reports_page_get_site_search (VigieReportsPage *self)
{
  g_return_val_if_fail (VIGIE_IS_REPORTS_PAGE (self), NULL);
  return GTK_EDITABLE (self->site_search);
}

GtkListView *
vigie_reports_page_get_site_view (VigieReportsPage *self)
{
  g_return_val_if_fail (VIGIE_IS_REPORTS_PAGE (self), NULL);
  return self->site_view;
}

GtkPopover *
vigie_reports_page_get_site_popover (VigieReportsPage *self)
{
  g_return_val_if_fail (VIGIE_IS_REPORTS_PAGE (self), NULL);
  return self->site_popover;
}

gboolean
vigie_reports_page_get_site_search_busy (VigieReportsPage *self)
{
  g_return_val_if_fail (VIGIE_IS_REPORTS_PAGE (self), FALSE);
  return self->site_queries > 0;
}

/* ─── Class ──────────────────────────────────────────────────────────────── */

static void
vigie_reports_page_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  VigieReportsPage *self = VIGIE_REPORTS_PAGE (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vigie_reports_page_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  VigieReportsPage *self = VIGIE_REPORTS_PAGE (object);

  switch (prop_id)
    {
    case PROP_STORE:
      vigie_reports_page_set_store (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vigie_reports_page_dispose (GObject *object)
{
  VigieReportsPage *self = VIGIE_REPORTS_PAGE (object);

  self->disposed = TRUE;
  if (self->job_cancellable != NULL)
    g_cancellable_cancel (self->job_cancellable);
  stop_pulse (self);
  g_cancellable_cancel (self->site_cancellable);
  g_clear_object (&self->site_cancellable);
  if (self->site_tick != 0 && self->site_view != NULL)
    gtk_widget_remove_tick_callback (GTK_WIDGET (self->site_view), self->site_tick);
  self->site_tick = 0;
  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);

  gtk_widget_dispose_template (GTK_WIDGET (self), VIGIE_TYPE_REPORTS_PAGE);

  g_clear_object (&self->site_selection);
  g_clear_object (&self->sites);
  g_clear_object (&self->store);
  g_clear_pointer (&self->years, g_array_unref);
  g_clear_pointer (&self->countries, g_ptr_array_unref);
  g_clear_pointer (&self->buyers, g_ptr_array_unref);
  g_clear_object (&self->last_folder);

  G_OBJECT_CLASS (vigie_reports_page_parent_class)->dispose (object);
}

static void
vigie_reports_page_finalize (GObject *object)
{
  VigieReportsPage *self = VIGIE_REPORTS_PAGE (object);

  g_clear_pointer (&self->languages, g_ptr_array_unref);
  g_clear_pointer (&self->period_years, g_array_unref);
  g_free (self->site_name);
  g_free (self->country);
  g_free (self->language);
  g_clear_pointer (&self->preview_bytes, g_bytes_unref);
  g_free (self->error);
  g_free (self->last_toast);
  g_free (self->progress_stage);
  g_free (self->saved_uri);
  g_free (self->job_path);
  vigie_report_request_free (self->job_request);
  vigie_report_request_free (self->preview_request);

  G_OBJECT_CLASS (vigie_reports_page_parent_class)->finalize (object);
}

static void
vigie_reports_page_class_init (VigieReportsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  static const guint zoom_in_keys[] = { GDK_KEY_plus, GDK_KEY_equal, GDK_KEY_KP_Add };
  static const guint zoom_out_keys[] = { GDK_KEY_minus, GDK_KEY_KP_Subtract };
  static const guint zoom_fit_keys[] = { GDK_KEY_0, GDK_KEY_KP_0 };

  object_class->dispose = vigie_reports_page_dispose;
  object_class->finalize = vigie_reports_page_finalize;
  object_class->get_property = vigie_reports_page_get_property;
  object_class->set_property = vigie_reports_page_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, VIGIE_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (VIGIE_TYPE_PDF_PREVIEW);
  g_type_ensure (VIGIE_TYPE_SITE_ROW);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/vigie/Vigie/vigie-reports-page.ui");
  gtk_widget_class_bind_template_child (widget_class, VigieReportsPage, main_box);
  gtk_widget_class_bind_template_child (widget_class, VigieReportsPage, kind_list);
  gtk_widget_class_bind_template_child (widget_class, VigieReportsPage, kind_title);
  gtk_widget_class_bind_template_child (widget_class, VigieReportsPage, kind_description);
  gtk_widget_class_bind_template_child (widget_class, VigieReportsPage, scope_group);
  gtk_widget_class_bind_template_child (widget_class, VigieReportsPage, site_row);
  gtk_widget_class_bind_template_child (widget_class, VigieReportsPage, site_button);
  gtk_widget_class_bind_template_child (widget_class, VigieReportsPage, site_popover);
  gtk_widget_class_bind_template_child (widget_class, VigieReportsPage, site_search);
  gtk_widget_class_bind_template_child (widget_class, VigieReportsPage, site_stack);
  gtk_widget_class_bind_template_child (widget_class, VigieReportsPage, site_view);
  gtk_widget_class_bind_template_child (widget_class, VigieReportsPage, site_count_label);
  gtk_widget_class_bind_template_child (widget_class, VigieReportsPage, period_row);
  gtk_widget_class_bind_template_child (widget_class, VigieReportsPage, country_row);
  gtk_widget_class_bind_template_child (widget_class, VigieReportsPage, buyer_row);
  gtk_widget_class_bind_template_child (widget_class, VigieReportsPage, output_group);
  gtk_widget_class_bind_template_child (widget_class, VigieReportsPage, format_row);
  gtk_widget_class_bind_template_child (widget_class, VigieReportsPage, language_row);
  gtk_widget_class_bind_template_child (widget_class, VigieReportsPage, languages_row);
  gtk_widget_class_bind_template_child (widget_class, VigieReportsPage, level_row);
  gtk_widget_class_bind_template_child (widget_class, VigieReportsPage, public_row);
  gtk_widget_class_bind_template_child (widget_class, VigieReportsPage, error_label);
  gtk_widget_class_bind_template_child (widget_class, VigieReportsPage, buttons_box);
  gtk_widget_class_bind_template_child (widget_class, VigieReportsPage, progress_revealer);
  gtk_widget_class_bind_template_child (widget_class, VigieReportsPage, progress_label);
  gtk_widget_class_bind_template_child (widget_class, VigieReportsPage, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, VigieReportsPage, preview_stack);
  gtk_widget_class_bind_template_child (widget_class, VigieReportsPage, empty_page);
  gtk_widget_class_bind_template_child (widget_class, VigieReportsPage, output_page);
  gtk_widget_class_bind_template_child (widget_class, VigieReportsPage, outdated_revealer);
  gtk_widget_class_bind_template_child (widget_class, VigieReportsPage, preview);

  gtk_widget_class_bind_template_callback (widget_class, kind_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, option_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, site_popover_mapped_cb);
  gtk_widget_class_bind_template_callback (widget_class, site_popover_unmapped_cb);
  gtk_widget_class_bind_template_callback (widget_class, site_search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, site_search_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, site_search_stopped_cb);
  gtk_widget_class_bind_template_callback (widget_class, site_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, describe_site);

  gtk_widget_class_install_action (widget_class, "page.preview", NULL, preview_activated);
  gtk_widget_class_install_action (widget_class, "page.save", NULL, save_activated);
  gtk_widget_class_install_action (widget_class, "page.cancel", NULL, cancel_activated);
  gtk_widget_class_install_action (widget_class, "page.search", NULL, search_activated);
  gtk_widget_class_install_action (widget_class, "page.zoom-in", NULL, zoom_activated);
  gtk_widget_class_install_action (widget_class, "page.zoom-out", NULL, zoom_activated);
  gtk_widget_class_install_action (widget_class, "page.zoom-fit", NULL, zoom_activated);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_r, GDK_CONTROL_MASK,
                                       "page.preview", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK,
                                       "page.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "page.cancel", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK,
                                       "page.search", NULL);
  for (guint i = 0; i < G_N_ELEMENTS (zoom_in_keys); i++)
    gtk_widget_class_add_binding_action (widget_class, zoom_in_keys[i], GDK_CONTROL_MASK,
                                         "page.zoom-in", NULL);
  for (guint i = 0; i < G_N_ELEMENTS (zoom_out_keys); i++)
    gtk_widget_class_add_binding_action (widget_class, zoom_out_keys[i], GDK_CONTROL_MASK,
                                         "page.zoom-out", NULL);
  for (guint i = 0; i < G_N_ELEMENTS (zoom_fit_keys); i++)
    gtk_widget_class_add_binding_action (widget_class, zoom_fit_keys[i], GDK_CONTROL_MASK,
                                         "page.zoom-fit", NULL);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
vigie_reports_page_init (VigieReportsPage *self)
{
  GtkEventController *keys;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->languages = list_report_languages ();
  self->language = g_strdup ("en");
  self->period_years = g_array_new (FALSE, FALSE, sizeof (int));
  self->factory_level = VIGIE_LEVEL_INTERNAL;
  self->data_level = VIGIE_LEVEL_PUBLIC;
  self->annual_format = VIGIE_REPORT_FORMAT_PDF;
  self->data_format = VIGIE_REPORT_FORMAT_XLSX;
  self->kind = VIGIE_REPORT_KIND_FACTORY;

  self->site_selection = gtk_single_selection_new (NULL);
  gtk_single_selection_set_autoselect (self->site_selection, FALSE);
  gtk_single_selection_set_can_unselect (self->site_selection, TRUE);
  gtk_search_entry_set_key_capture_widget (self->site_search, GTK_WIDGET (self->site_view));
  keys = gtk_event_controller_key_new ();
  g_signal_connect_object (keys, "key-pressed", G_CALLBACK (site_search_key_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self->site_search), keys);

  self->updating = TRUE;
  gtk_list_box_select_row (self->kind_list, gtk_list_box_get_row_at_index (self->kind_list, 0));
  self->updating = FALSE;

  g_signal_connect_object (self->preview, "notify::n-pages", G_CALLBACK (update_actions), self,
                           G_CONNECT_SWAPPED);
  update_rows (self);
  update_preview_state (self);
}
