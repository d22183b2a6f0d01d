/* vigie-import.c — importing Open Supply Hub facility lists.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <math.h>
#include <string.h>

#include "vigie-csv.h"
#include "vigie-import.h"
#include "vigie-reference.h"
#include "vigie-site.h"
#include "vigie-site-private.h"
#include "vigie-store-private.h"
#include "vigie-util.h"
#include "vigie-validate.h"
#include "vigie-vocab.h"

/* Above this many new sites the FTS triggers are dropped and the index rebuilt once. */
#define BULK_THRESHOLD 1000
#define PROGRESS_EVERY 512

G_DEFINE_QUARK (vigie-import-error-quark, vigie_import_error)

/* ─── Columns ────────────────────────────────────────────────────────────── */

typedef enum
{
  COL_COUNTRY,
  COL_NAME,
  COL_ADDRESS,
  COL_SECTOR,
  COL_LAT,
  COL_LNG,
  COL_OS_ID,
  COL_WORKERS,
  COL_PARENT,
  COL_FACILITY_TYPE,
  COL_PROCESSING_TYPE,
  COL_PRODUCT_TYPE,
  COL_NATIVE_NAME,
  N_COLUMNS
} Column;

/* The canonical header names, as the rows' FIELD. */
static const char * const column_names[N_COLUMNS] = {
  "country", "name", "address", "sector", "lat", "lng", "os_id", "number_of_workers",
  "parent_company", "facility_type", "processing_type", "product_type",
  "native_language_name",
};

static const struct { const char *alias; Column column; } column_aliases[] = {
  { "latitude", COL_LAT },
  { "longitude", COL_LNG },
  { "lon", COL_LNG },
};

static int
column_for_header (const char *header)
{
  g_autofree char *copy = g_strdup (header);
  g_autofree char *lower = NULL;

  g_strstrip (copy);
  lower = g_utf8_strdown (copy, -1);
  for (guint i = 0; i < N_COLUMNS; i++)
    if (strcmp (lower, column_names[i]) == 0)
      return i;
  for (guint i = 0; i < G_N_ELEMENTS (column_aliases); i++)
    if (strcmp (lower, column_aliases[i].alias) == 0)
      return column_aliases[i].column;
  return -1;
}

/* The CSV column a record member comes from, for validation problems. */
static const char *
column_for_member (const char *member)
{
  static const struct { const char *member; Column column; } map[] = {
    { "name", COL_NAME },
    { "native_name", COL_NATIVE_NAME },
    { "address", COL_ADDRESS },
    { "country", COL_COUNTRY },
    { "latitude", COL_LAT },
    { "longitude", COL_LNG },
    { "os_id", COL_OS_ID },
    { "parent_company", COL_PARENT },
    { "location_type", COL_FACILITY_TYPE },
    { "products", COL_PRODUCT_TYPE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (map); i++)
    if (strcmp (member, map[i].member) == 0)
      return column_names[map[i].column];
  /* Workforce members all come from one column. */
  return column_names[COL_WORKERS];
}

/* ─── Mapping Open Supply Hub vocabulary to ours ─────────────────────────── */

typedef struct
{
  const char *keyword;   /* normalised; matched at the start of a word */
  gboolean    whole;     /* the keyword must also end at a word end */
  const char *code;
} Keyword;

static const Keyword location_keywords[] = {
  { "office", FALSE, "office" },
  { "headquarter", FALSE, "office" },
  { "hq", TRUE, "office" },
  { "warehous", FALSE, "warehousing" },
  { "distribution", FALSE, "warehousing" },
  { "logistic", FALSE, "warehousing" },
  { "storage", FALSE, "warehousing" },
  { "raw material", FALSE, "raw_material_processing" },
  { "mining", FALSE, "raw_material_processing" },
  { "mine", TRUE, "raw_material_processing" },
  { "smelt", FALSE, "raw_material_processing" },
  { "refin", FALSE, "raw_material_processing" },
  { "material", FALSE, "raw_material_processing" },
  { "final product assembly", FALSE, "final_assembly" },
  { "final assembly", FALSE, "final_assembly" },
  { "component", FALSE, "component_manufacturing" },
  { "parts", TRUE, "component_manufacturing" },
  { "sub assembly", FALSE, "component_manufacturing" },
  { "subassembly", FALSE, "component_manufacturing" },
  { "assembly", FALSE, "final_assembly" },
  { "assembling", FALSE, "final_assembly" },
};

static const Keyword product_keywords[] = {
  { "server", FALSE, "servers" },
  { "data center", FALSE, "servers" },
  { "laptop", FALSE, "laptops" },
  { "notebook", FALSE, "laptops" },
  { "desktop", FALSE, "desktops" },
  { "pc", TRUE, "desktops" },
  { "pcs", TRUE, "desktops" },
  { "personal computer", FALSE, "desktops" },
  { "printer", FALSE, "printers" },
  { "display", FALSE, "displays" },
  { "monitor", FALSE, "displays" },
  { "lcd", FALSE, "displays" },
  { "oled", FALSE, "displays" },
  { "screen", FALSE, "displays" },
  { "phone", FALSE, "phones" },
  { "smartphone", FALSE, "phones" },
  { "mobile", FALSE, "phones" },
  { "tablet", FALSE, "tablets" },
  { "network", FALSE, "networking" },
  { "router", FALSE, "networking" },
  { "hdd", TRUE, "hdd" },
  { "hard disk", FALSE, "hdd" },
  { "hard drive", FALSE, "hdd" },
  { "ssd", TRUE, "ssd" },
  { "solid state", FALSE, "ssd" },
  { "pcb", FALSE, "pcb" },
  { "printed circuit", FALSE, "pcb" },
  { "circuit board", FALSE, "pcb" },
  { "semiconductor", FALSE, "semiconductors" },
  { "chip", FALSE, "semiconductors" },
  { "integrated circuit", FALSE, "semiconductors" },
  { "wafer", FALSE, "semiconductors" },
  { "batter", FALSE, "batteries" },
  { "cable", FALSE, "cables" },
  { "power suppl", FALSE, "power_supplies" },
  { "power adapter", FALSE, "power_supplies" },
  { "charger", FALSE, "power_supplies" },
  { "keyboard", FALSE, "peripherals" },
  { "mouse", TRUE, "peripherals" },
  { "mice", TRUE, "peripherals" },
  { "peripheral", FALSE, "peripherals" },
};

/* Whether KEYWORD occurs in the normalised TEXT (words separated by single spaces),
 * starting at a word start, and ending at a word end when WHOLE. */
static gboolean
has_keyword (const char    *text,
             const Keyword *keyword)
{
  gsize len = strlen (keyword->keyword);

  for (const char *p = strstr (text, keyword->keyword); p != NULL;
       p = strstr (p + 1, keyword->keyword))
    {
      if (p != text && p[-1] != ' ')
        continue;
      if (keyword->whole && p[len] != '\0' && p[len] != ' ')
        continue;
      return TRUE;
    }
  return FALSE;
}

static const char *
map_location_type (const char *facility_type,
                   const char *processing_type)
{
  const char *texts[] = { facility_type, processing_type };

  for (guint t = 0; t < G_N_ELEMENTS (texts); t++)
    {
      g_autofree char *norm = NULL;

      if (texts[t] == NULL || *texts[t] == '\0')
        continue;
      norm = vigie_normalise_text (texts[t]);
      for (guint i = 0; i < G_N_ELEMENTS (location_keywords); i++)
        if (has_keyword (norm, &location_keywords[i]))
          return location_keywords[i].code;
    }
  return NULL;
}

/* Comma-separated product codes, in vocabulary order, for the words of TEXT we recognise. */
static char *
map_products (const char *text)
{
  g_autofree char *norm = NULL;
  const VigieVocabEntry *entries;
  guint n_entries;
  GString *codes;

  if (text == NULL || *text == '\0')
    return g_strdup ("");
  norm = vigie_normalise_text (text);
  entries = vigie_vocab_entries (VIGIE_VOCAB_PRODUCT, &n_entries);
  codes = g_string_new (NULL);
  for (guint e = 0; e < n_entries; e++)
    for (guint i = 0; i < G_N_ELEMENTS (product_keywords); i++)
      if (strcmp (product_keywords[i].code, entries[e].code) == 0
          && has_keyword (norm, &product_keywords[i]))
        {
          if (codes->len > 0)
            g_string_append_c (codes, ',');
          g_string_append (codes, entries[e].code);
          break;
        }
  return g_string_free (codes, FALSE);
}

/* ─── Small parsers ──────────────────────────────────────────────────────── */

/* TEXT trimmed, with every run of white space (line breaks too) made one space. */
static char *
collapse_spaces (const char *text)
{
  GString *out = g_string_sized_new (strlen (text));
  gboolean pending = FALSE;

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isspace (c) || c == 0x00A0 || c == 0x202F)
        {
          pending = TRUE;
          continue;
        }
      if (pending && out->len > 0)
        g_string_append_c (out, ' ');
      pending = FALSE;
      g_string_append_unichar (out, c);
    }
  return g_string_free (out, FALSE);
}

/* TEXT trimmed, line ends made LF (addresses keep their lines). */
static char *
tidy_multiline (const char *text)
{
  GString *out = g_string_sized_new (strlen (text));

  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == '\r')
        {
          if (p[1] != '\n')
            g_string_append_c (out, '\n');
          continue;
        }
      g_string_append_c (out, *p);
    }
  g_strstrip (out->str);
  out->len = strlen (out->str);
  return g_string_free (out, FALSE);
}

static gboolean
parse_coordinate (const char *text,
                  double     *value)
{
  char *end = NULL;
  double v;

  if (*text == '\0')
    {
      *value = NAN;
      return TRUE;
    }
  v = g_ascii_strtod (text, &end);
  if (end == text || *end != '\0' || !isfinite (v))
    return FALSE;
  *value = v;
  return TRUE;
}

/* "1200", "1,200", "1 200" → TOTAL; "1001-5000" (or an en dash, or "to") → MIN and MAX. */
static gboolean
parse_workers (const char *text,
               gint64     *total,
               gint64     *min,
               gint64     *max)
{
  GString *digits = g_string_new (NULL);
  gint64 numbers[2] = { -1, -1 };
  guint n = 0;
  gboolean ok = TRUE;

  *total = *min = *max = -1;

  for (const char *p = text; ok; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      gboolean separator = (c == '-' || c == 0x2013 || c == 0x2014
                            || g_ascii_strncasecmp (p, "to", 2) == 0 || c == '\0');

      if (g_ascii_isdigit (c))
        g_string_append_c (digits, (char) c);
      else if (c == ',' || c == '\'' || c == '.' || c == ' ' || c == 0x00A0 || c == 0x202F)
        {
          /* A thousands separator (or spacing around a dash). A '.' or ',' must be
           * followed by three digits to count as one. */
          if ((c == ',' || c == '.' || c == '\'')
              && !(digits->len > 0 && g_ascii_isdigit (p[1]) && g_ascii_isdigit (p[2])
                   && g_ascii_isdigit (p[3]) && !g_ascii_isdigit (p[4])))
            ok = FALSE;
        }
      else if (separator)
        {
          if (digits->len == 0 || n >= 2 || digits->len > 12)
            {
              ok = FALSE;
              break;
            }
          numbers[n++] = g_ascii_strtoll (digits->str, NULL, 10);
          g_string_truncate (digits, 0);
          if (c == '\0')
            break;
          if (g_ascii_strncasecmp (p, "to", 2) == 0)
            p++;
        }
      else
        ok = FALSE;
    }
  g_string_free (digits, TRUE);

  if (!ok || n == 0)
    return FALSE;
  if (n == 1)
    *total = numbers[0];
  else
    {
      *min = numbers[0];
      *max = numbers[1];
    }
  return TRUE;
}

static char *
json_escape (const char *text)
{
  GString *out = g_string_new (NULL);

  for (const char *p = text; *p != '\0'; p++)
    {
      guchar c = *p;

      if (c == '"' || c == '\\')
        g_string_append_printf (out, "\\%c", c);
      else if (c < 0x20)
        g_string_append_printf (out, "\\u%04x", c);
      else
        g_string_append_c (out, c);
    }
  return g_string_free (out, FALSE);
}

/* ─── The report ─────────────────────────────────────────────────────────── */

struct _VigieImportReport
{
  GPtrArray *rows;
  guint      n_added;
  guint      n_matched;
  guint      n_rejected;
  guint      n_rows;
  gboolean   dry_run;
  gboolean   written;
};

static void
import_row_free (VigieImportRow *row)
{
  g_free (row->reason);
  g_free (row->name);
  g_free (row->country);
  g_free (row);
}

static VigieImportReport *
report_new (gboolean dry_run)
{
  VigieImportReport *report = g_new0 (VigieImportReport, 1);

  report->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) import_row_free);
  report->dry_run = dry_run;
  return report;
}

void
vigie_import_report_free (VigieImportReport *report)
{
  if (report == NULL)
    return;
  g_ptr_array_unref (report->rows);
  g_free (report);
}

guint
vigie_import_report_get_n_added (VigieImportReport *report)
{
  g_return_val_if_fail (report != NULL, 0);
  return report->n_added;
}

guint
vigie_import_report_get_n_matched (VigieImportReport *report)
{
  g_return_val_if_fail (report != NULL, 0);
  return report->n_matched;
}

guint
vigie_import_report_get_n_rejected (VigieImportReport *report)
{
  g_return_val_if_fail (report != NULL, 0);
  return report->n_rejected;
}

guint
vigie_import_report_get_n_rows (VigieImportReport *report)
{
  g_return_val_if_fail (report != NULL, 0);
  return report->n_rows;
}

gboolean
vigie_import_report_get_dry_run (VigieImportReport *report)
{
  g_return_val_if_fail (report != NULL, FALSE);
  return report->dry_run;
}

gboolean
vigie_import_report_get_written (VigieImportReport *report)
{
  g_return_val_if_fail (report != NULL, FALSE);
  return report->written;
}

GPtrArray *
vigie_import_report_get_rows (VigieImportReport *report)
{
  g_return_val_if_fail (report != NULL, NULL);
  return report->rows;
}

static void
append_rejected_lines (VigieImportReport *report,
                       const char        *file_name,
                       GString           *out)
{
  for (guint i = 0; i < report->rows->len; i++)
    {
      VigieImportRow *row = g_ptr_array_index (report->rows, i);

      if (row->outcome != VIGIE_IMPORT_REJECT)
        continue;
      if (row->field != NULL)
        g_string_append_printf (out,
                                /* Translators: %1$s is a file name, %2$u a row number,
                                 * %3$s a column name of the file, %4$s the reason */
                                _("%1$s: row %2$u, field “%3$s”: %4$s"),
                                file_name, row->row, row->field, row->reason);
      else
        g_string_append_printf (out,
                                /* Translators: %1$s is a file name, %2$u a row number,
                                 * %3$s the reason */
                                _("%1$s: row %2$u: %3$s"),
                                file_name, row->row, row->reason);
      g_string_append_c (out, '\n');
    }
}

char *
vigie_import_report_format_errors (VigieImportReport *report,
                                   const char        *file_name)
{
  GString *out;

  g_return_val_if_fail (report != NULL, NULL);
  if (report->n_rejected == 0)
    return NULL;
  out = g_string_new (NULL);
  append_rejected_lines (report, file_name, out);
  return g_string_free (out, FALSE);
}

char *
vigie_import_report_format (VigieImportReport *report,
                            const char        *file_name)
{
  GString *out;

  g_return_val_if_fail (report != NULL, NULL);
  g_return_val_if_fail (file_name != NULL, NULL);

  out = g_string_new (NULL);
  append_rejected_lines (report, file_name, out);

  if (report->n_rejected > 0)
    {
      g_string_append_printf (out,
                              g_dngettext (GETTEXT_PACKAGE,
                                           "%1$s: %2$u row rejected: nothing was imported",
                                           "%1$s: %2$u rows rejected: nothing was imported",
                                           report->n_rejected),
                              file_name, report->n_rejected);
      g_string_append_c (out, '\n');
      return g_string_free (out, FALSE);
    }

  for (guint i = 0; i < report->rows->len; i++)
    {
      VigieImportRow *row = g_ptr_array_index (report->rows, i);

      if (row->outcome != VIGIE_IMPORT_MATCH)
        continue;
      if (row->matched_row > 0)
        g_string_append_printf (out,
                                /* Translators: %1$s is a file name, %2$u and %4$u row
                                 * numbers, %3$s a site name */
                                _("%1$s: row %2$u: “%3$s” repeats row %4$u"),
                                file_name, row->row, row->name, row->matched_row);
      else
        g_string_append_printf (out,
                                /* Translators: %1$s is a file name, %2$u a row number,
                                 * %3$s a site name, %4$lld a site number */
                                _("%1$s: row %2$u: “%3$s” is already in the dataset "
                                  "(site %4$lld)"),
                                file_name, row->row, row->name,
                                (long long) row->matched_site_id);
      g_string_append_c (out, '\n');
    }

  if (report->dry_run)
    g_string_append_printf (out,
                            g_dngettext (GETTEXT_PACKAGE,
                                         "%1$s: %2$u site would be added (dry run: nothing "
                                         "was written)",
                                         "%1$s: %2$u sites would be added (dry run: nothing "
                                         "was written)",
                                         report->n_added),
                            file_name, report->n_added);
  else
    g_string_append_printf (out,
                            g_dngettext (GETTEXT_PACKAGE,
                                         "%1$s: %2$u site added",
                                         "%1$s: %2$u sites added",
                                         report->n_added),
                            file_name, report->n_added);
  g_string_append_c (out, '\n');
  g_string_append_printf (out,
                          g_dngettext (GETTEXT_PACKAGE,
                                       "%1$s: %2$u row matched a known site",
                                       "%1$s: %2$u rows matched known sites",
                                       report->n_matched),
                          file_name, report->n_matched);
  g_string_append_c (out, '\n');
  return g_string_free (out, FALSE);
}

/* ─── Import ─────────────────────────────────────────────────────────────── */

typedef struct
{
  VigieSiteRecord      *site;
  VigieWorkforceRecord *workforce;   /* or NULL */
  VigieImportRow       *row;
} Pending;

static void
pending_free (Pending *pending)
{
  vigie_site_record_free (pending->site);
  vigie_workforce_record_free (pending->workforce);
  g_free (pending);
}

typedef struct
{
  VigieStore        *store;
  VigieImportReport *report;
  int                columns[N_COLUMNS];   /* index in the file, or -1 */
  guint              n_header_fields;
  GPtrArray         *pending;              /* Pending, to add */
  GHashTable        *by_os_id;             /* os_id → Pending (borrowed) */
  GHashTable        *by_match_key;         /* match key → Pending (borrowed) */
  GPtrArray         *file_matches;         /* (VigieImportRow, Pending) pairs */
  char              *file_name;
  char              *today;
} Import;

static void
import_clear (Import *import)
{
  g_clear_pointer (&import->pending, g_ptr_array_unref);
  g_clear_pointer (&import->by_os_id, g_hash_table_unref);
  g_clear_pointer (&import->by_match_key, g_hash_table_unref);
  g_clear_pointer (&import->file_matches, g_ptr_array_unref);
  g_clear_pointer (&import->file_name, g_free);
  g_clear_pointer (&import->today, g_free);
}

static const char *
get_column (Import         *import,
            VigieCsvReader *reader,
            Column          column)
{
  int index = import->columns[column];

  if (index < 0 || (guint) index >= vigie_csv_reader_get_n_fields (reader))
    return "";
  return vigie_csv_reader_get_field (reader, index);
}

static VigieImportRow *
add_row (Import             *import,
         guint               row_number,
         guint               line,
         VigieImportOutcome  outcome,
         const char         *name,
         const char         *country)
{
  VigieImportRow *row = g_new0 (VigieImportRow, 1);

  row->row = row_number;
  row->line = line;
  row->outcome = outcome;
  row->name = g_strdup (name);
  row->country = g_strdup (country);
  g_ptr_array_add (import->report->rows, row);
  return row;
}

static void
add_problem (GPtrArray  *problems,
             const char *field,
             char       *reason)
{
  g_ptr_array_add (problems, (gpointer) field);
  g_ptr_array_add (problems, reason);
}

/* Appends a line to NOTES when VALUE is not empty (a macro so FORMAT stays checkable). */
#define APPEND_NOTE(notes, format, value) \
  G_STMT_START { \
    if (*(value) != '\0') \
      { \
        if ((notes)->len > 0) \
          g_string_append_c ((notes), '\n'); \
        g_string_append_printf ((notes), (format), (value)); \
      } \
  } G_STMT_END

/* Reads one data row: queues it for adding, or records it as matched or rejected. */
static void
import_row (Import         *import,
            VigieCsvReader *reader,
            guint           row_number)
{
  guint line = vigie_csv_reader_get_line (reader);
  g_autoptr(GPtrArray) problems = g_ptr_array_new ();   /* field, reason (owned) pairs */
  g_autoptr(VigieSiteRecord) site = vigie_site_record_new ();
  g_autoptr(VigieWorkforceRecord) workforce = NULL;
  g_autofree char *country_text = NULL;
  g_autofree char *os_id = NULL;
  g_autofree char *match_key = NULL;
  const char *workers;
  const char *location_type;
  Pending *earlier = NULL;
  gint64 existing = 0;
  guint n_fields = vigie_csv_reader_get_n_fields (reader);

  g_free (site->name);
  site->name = collapse_spaces (get_column (import, reader, COL_NAME));
  country_text = collapse_spaces (get_column (import, reader, COL_COUNTRY));

  if (n_fields != import->n_header_fields)
    {
      add_problem (problems, NULL,
                   g_strdup_printf (/* Translators: %1$u and %2$u are numbers of fields */
                                    _("The row has %1$u fields but the header has %2$u"),
                                    n_fields, import->n_header_fields));
      goto reject;
    }

  /* Country: an ISO code or an English name, in any case. */
  g_free (site->country);
  site->country = NULL;
  if (*country_text == '\0')
    add_problem (problems, column_names[COL_COUNTRY], g_strdup (_("The country is missing")));
  else
    {
      site->country = vigie_reference_match_country (import->store, country_text);
      if (site->country == NULL)
        add_problem (problems, column_names[COL_COUNTRY],
                     g_strdup_printf (_("“%s” is not a known country"), country_text));
    }
  if (site->country == NULL)
    site->country = g_strdup ("");

  if (*site->name == '\0')
    add_problem (problems, column_names[COL_NAME], g_strdup (_("The name is missing")));

  g_free (site->address);
  site->address = tidy_multiline (get_column (import, reader, COL_ADDRESS));
  if (*site->address == '\0')
    add_problem (problems, column_names[COL_ADDRESS], g_strdup (_("The address is missing")));

  g_free (site->native_name);
  site->native_name = collapse_spaces (get_column (import, reader, COL_NATIVE_NAME));
  g_free (site->parent_company);
  site->parent_company = collapse_spaces (get_column (import, reader, COL_PARENT));

  {
    g_autofree char *lat = collapse_spaces (get_column (import, reader, COL_LAT));
    g_autofree char *lng = collapse_spaces (get_column (import, reader, COL_LNG));

    if (!parse_coordinate (lat, &site->latitude))
      add_problem (problems, column_names[COL_LAT],
                   g_strdup_printf (_("“%s” is not a latitude in decimal degrees"), lat));
    if (!parse_coordinate (lng, &site->longitude))
      add_problem (problems, column_names[COL_LNG],
                   g_strdup_printf (_("“%s” is not a longitude in decimal degrees"), lng));
  }

  os_id = collapse_spaces (get_column (import, reader, COL_OS_ID));
  if (*os_id != '\0')
    {
      g_autofree char *upper = g_ascii_strup (os_id, -1);
      g_autofree char *reason = NULL;

      if (!vigie_validate_os_id (upper, &reason))
        add_problem (problems, column_names[COL_OS_ID], g_steal_pointer (&reason));
      else
        site->os_id = g_steal_pointer (&upper);
    }

  workers = get_column (import, reader, COL_WORKERS);
  {
    g_autofree char *text = collapse_spaces (workers);

    if (*text != '\0')
      {
        workforce = vigie_workforce_record_new ();
        g_free (workforce->as_of);
        workforce->as_of = g_strdup (import->today);
        g_free (workforce->source);
        workforce->source = g_strdup ("public");
        if (!parse_workers (text, &workforce->total, &workforce->total_min,
                            &workforce->total_max))
          add_problem (problems, column_names[COL_WORKERS],
                       g_strdup_printf (_("“%s” is not a number of workers (write 1200, or a "
                                          "range such as 1001-5000)"), text));
      }
  }

  location_type = map_location_type (get_column (import, reader, COL_FACILITY_TYPE),
                                     get_column (import, reader, COL_PROCESSING_TYPE));
  if (location_type != NULL)
    {
      g_free (site->location_type);
      site->location_type = g_strdup (location_type);
    }
  g_free (site->products);
  site->products = map_products (get_column (import, reader, COL_PRODUCT_TYPE));

  /* Keep what Open Supply Hub said, in the site's internal notes. */
  {
    GString *notes = g_string_new (NULL);
    g_autofree char *sector = collapse_spaces (get_column (import, reader, COL_SECTOR));
    g_autofree char *facility = collapse_spaces (get_column (import, reader,
                                                            COL_FACILITY_TYPE));
    g_autofree char *processing = collapse_spaces (get_column (import, reader,
                                                              COL_PROCESSING_TYPE));
    g_autofree char *product = collapse_spaces (get_column (import, reader,
                                                           COL_PRODUCT_TYPE));

    g_string_append_printf (notes,
                            /* Translators: %1$s is a file name, %2$s a date */
                            _("Imported from %1$s on %2$s"), import->file_name, import->today);
    /* Translators: the next four lines are kept in a site's notes; %s is text from the
     * imported file */
    APPEND_NOTE (notes, _("Sector: %s"), sector);
    APPEND_NOTE (notes, _("Facility type: %s"), facility);
    APPEND_NOTE (notes, _("Processing type: %s"), processing);
    APPEND_NOTE (notes, _("Product type: %s"), product);
    g_free (site->notes);
    site->notes = g_string_free (notes, FALSE);
  }

  if (problems->len > 0)
    goto reject;

  /* Matching: the same Open Supply Hub ID, else the same name, address and country, in
   * the dataset or earlier in this file. */
  match_key = vigie_site_match_key (site->name, site->address, site->country);
  if (site->os_id != NULL)
    {
      existing = vigie_site_find_by_os_id (import->store, site->os_id);
      if (existing == 0)
        earlier = g_hash_table_lookup (import->by_os_id, site->os_id);
    }
  if (existing == 0 && earlier == NULL)
    {
      existing = vigie_site_find_by_match_key (import->store, match_key);
      if (existing == 0)
        earlier = g_hash_table_lookup (import->by_match_key, match_key);
    }
  if (existing != 0 || earlier != NULL)
    {
      VigieImportRow *row = add_row (import, row_number, line, VIGIE_IMPORT_MATCH,
                                     site->name, site->country);

      row->matched_site_id = existing;
      if (earlier != NULL)
        {
          row->matched_row = earlier->row->row;
          g_ptr_array_add (import->file_matches, row);
          g_ptr_array_add (import->file_matches, earlier);
        }
      import->report->n_matched++;
      return;
    }

  /* Every rule a site must obey. */
  {
    g_autoptr(GPtrArray) errors = vigie_site_validate (import->store, site);

    for (guint i = 0; i < errors->len; i++)
      {
        VigieFieldError *e = g_ptr_array_index (errors, i);
        add_problem (problems, column_for_member (e->field), g_strdup (e->reason));
      }
    if (workforce != NULL)
      {
        g_autoptr(GPtrArray) wf_errors = vigie_workforce_validate (workforce);

        for (guint i = 0; i < wf_errors->len; i++)
          {
            VigieFieldError *e = g_ptr_array_index (wf_errors, i);
            add_problem (problems, column_names[COL_WORKERS], g_strdup (e->reason));
          }
      }
  }
  if (problems->len > 0)
    goto reject;

  {
    Pending *pending = g_new0 (Pending, 1);

    pending->row = add_row (import, row_number, line, VIGIE_IMPORT_ADD, site->name,
                            site->country);
    pending->site = g_steal_pointer (&site);
    pending->workforce = g_steal_pointer (&workforce);
    g_ptr_array_add (import->pending, pending);
    if (pending->site->os_id != NULL)
      g_hash_table_insert (import->by_os_id, g_strdup (pending->site->os_id), pending);
    g_hash_table_insert (import->by_match_key, g_steal_pointer (&match_key), pending);
    import->report->n_added++;
  }
  return;

reject:
  for (guint i = 0; i < problems->len; i += 2)
    {
      VigieImportRow *row = add_row (import, row_number, line, VIGIE_IMPORT_REJECT,
                                     site->name,
                                     *site->country != '\0' ? site->country : country_text);

      row->field = g_ptr_array_index (problems, i);
      row->reason = g_ptr_array_index (problems, i + 1);
    }
  import->report->n_rejected++;
}

static gboolean
read_header (Import          *import,
             VigieCsvReader  *reader,
             GCancellable    *cancellable,
             GError         **error)
{
  g_autoptr(GError) local_error = NULL;
  const Column required[] = { COL_COUNTRY, COL_NAME, COL_ADDRESS };

  if (!vigie_csv_reader_next (reader, cancellable, &local_error))
    {
      if (local_error != NULL)
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
      g_set_error (error, VIGIE_IMPORT_ERROR, VIGIE_IMPORT_ERROR_EMPTY,
                   _("the file is empty: it needs a header line with country, name and "
                     "address"));
      return FALSE;
    }

  for (guint i = 0; i < N_COLUMNS; i++)
    import->columns[i] = -1;
  import->n_header_fields = vigie_csv_reader_get_n_fields (reader);
  for (guint i = 0; i < import->n_header_fields; i++)
    {
      int column = column_for_header (vigie_csv_reader_get_field (reader, i));

      if (column < 0)
        continue;   /* Open Supply Hub exports carry many more columns: ignored */
      if (import->columns[column] >= 0)
        {
          g_set_error (error, VIGIE_IMPORT_ERROR, VIGIE_IMPORT_ERROR_DUPLICATE_COLUMN,
                       _("the column “%s” appears twice in the header"),
                       column_names[column]);
          return FALSE;
        }
      import->columns[column] = i;
    }

  for (guint i = 0; i < G_N_ELEMENTS (required); i++)
    if (import->columns[required[i]] < 0)
      {
        g_set_error (error, VIGIE_IMPORT_ERROR, VIGIE_IMPORT_ERROR_MISSING_COLUMN,
                     _("the required column “%s” is missing: the header line must name "
                       "the columns country, name and address"),
                     column_names[required[i]]);
        return FALSE;
      }
  return TRUE;
}

/* Writes the queued sites inside the import's transaction. */
static gboolean
write_rows (Import             *import,
            VigieProgressFunc   progress,
            gpointer            user_data,
            GCancellable       *cancellable,
            GError            **error)
{
  VigieStore *store = import->store;
  gboolean bulk = import->pending->len > BULK_THRESHOLD;
  guint n_workforce = 0;
  g_autofree char *file_json = NULL;
  g_autofree char *summary = NULL;

  if (bulk && !vigie_store_bulk_begin (store, error))
    return FALSE;

  for (guint i = 0; i < import->pending->len; i++)
    {
      Pending *pending = g_ptr_array_index (import->pending, i);

      if (i % PROGRESS_EVERY == 0)
        {
          if (g_cancellable_set_error_if_cancelled (cancellable, error))
            return FALSE;
          if (progress != NULL)
            progress ((double) i / import->pending->len, _("Writing sites"), user_data);
        }
      if (vigie_site_insert_unaudited (store, pending->site, error) == 0)
        return FALSE;
      pending->row->site_id = pending->site->id;
      if (pending->workforce != NULL)
        {
          pending->workforce->site_id = pending->site->id;
          if (vigie_workforce_insert_unaudited (store, pending->workforce, error) == 0)
            return FALSE;
          n_workforce++;
        }
    }

  file_json = json_escape (import->file_name);
  summary = g_strdup_printf ("{\"kind\":\"factories\",\"file\":\"%s\",\"added\":%u,"
                             "\"matched\":%u,\"workforce_snapshots\":%u}",
                             file_json, import->report->n_added, import->report->n_matched,
                             n_workforce);
  if (!vigie_store_audit (store, "sites", 0, "import", NULL, summary, error))
    return FALSE;
  if (progress != NULL)
    progress (1.0, _("Writing sites"), user_data);
  if (bulk)
    {
      if (progress != NULL)
        progress (1.0, _("Updating the search index"), user_data);
      if (!vigie_store_bulk_end (store, error))
        return FALSE;
    }
  return TRUE;
}

/* Prefixes a whole-file problem with the file name, as a VIGIE_IMPORT_ERROR. */
static void
set_file_error (Import  *import,
                GError  *local_error,
                GError **error)
{
  if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    g_propagate_error (error, g_error_copy (local_error));
  else if (local_error->domain == VIGIE_STORE_ERROR)
    g_set_error (error, local_error->domain, local_error->code, "%s: %s", import->file_name,
                 local_error->message);
  else
    g_set_error (error, VIGIE_IMPORT_ERROR,
                 local_error->domain == VIGIE_IMPORT_ERROR ? local_error->code
                                                           : VIGIE_IMPORT_ERROR_READ,
                 /* Translators: %1$s is a file name, %2$s what is wrong with it */
                 _("%1$s: %2$s"), import->file_name, local_error->message);
}

VigieImportReport *
vigie_import_factories (VigieStore         *store,
                        const char         *path,
                        gboolean            dry_run,
                        VigieProgressFunc   progress,
                        gpointer            user_data,
                        GCancellable       *cancellable,
                        GError            **error)
{
  g_autoptr(VigieCsvReader) reader = NULL;
  g_autoptr(VigieImportReport) report = NULL;
  g_autoptr(GError) local_error = NULL;
  Import import = { 0 };
  GStatBuf st;
  double size;
  guint row_number = 0;
  gboolean in_transaction = FALSE;

  g_return_val_if_fail (VIGIE_IS_STORE (store), NULL);
  g_return_val_if_fail (path != NULL, NULL);

  import.file_name = g_path_get_basename (path);
  import.today = vigie_today_iso ();
  size = g_stat (path, &st) == 0 && st.st_size > 0 ? (double) st.st_size : 0.0;

  reader = vigie_csv_reader_new_for_path (path, &local_error);
  if (reader == NULL)
    goto fail;

  report = report_new (dry_run);
  import.store = store;
  import.report = report;
  import.pending = g_ptr_array_new_with_free_func ((GDestroyNotify) pending_free);
  import.by_os_id = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  import.by_match_key = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  import.file_matches = g_ptr_array_new ();

  if (!read_header (&import, reader, cancellable, &local_error))
    goto fail;

  /* One transaction from the first lookup to the last write: the rows are matched
   * against the dataset as it is when they are written, and the lookups do not each
   * take and release the database lock. */
  if (!vigie_store_begin (store, &local_error))
    goto fail;
  in_transaction = TRUE;

  if (progress != NULL)
    progress (0.0, _("Reading rows"), user_data);
  while (vigie_csv_reader_next (reader, cancellable, &local_error))
    {
      row_number++;
      import_row (&import, reader, row_number);
      if (row_number % PROGRESS_EVERY == 0)
        {
          if (g_cancellable_set_error_if_cancelled (cancellable, &local_error))
            goto fail;
          if (progress != NULL && size > 0)
            progress (MIN (1.0, vigie_csv_reader_get_bytes_read (reader) / size),
                      _("Reading rows"), user_data);
        }
    }
  if (local_error != NULL)
    goto fail;
  report->n_rows = row_number;
  if (progress != NULL)
    progress (1.0, _("Reading rows"), user_data);

  if (report->n_rejected == 0 && !dry_run && import.pending->len > 0)
    {
      if (!write_rows (&import, progress, user_data, cancellable, &local_error))
        goto fail;
      in_transaction = FALSE;
      if (!vigie_store_commit (store, &local_error))
        goto fail;
      report->written = TRUE;
      /* Rows that repeat an earlier row of the file now point at the site it added. */
      for (guint i = 0; i < import.file_matches->len; i += 2)
        {
          VigieImportRow *row = g_ptr_array_index (import.file_matches, i);
          Pending *earlier = g_ptr_array_index (import.file_matches, i + 1);

          row->matched_site_id = earlier->site->id;
        }
    }
  else
    {
      /* Nothing was written: ending the transaction only releases the lock. */
      in_transaction = FALSE;
      if (!vigie_store_commit (store, &local_error))
        goto fail;
      report->written = report->n_rejected == 0 && !dry_run;   /* every row matched */
    }

  import_clear (&import);
  return g_steal_pointer (&report);

fail:
  if (in_transaction)
    vigie_store_rollback (store);
  set_file_error (&import, local_error, error);
  import_clear (&import);
  return NULL;
}
