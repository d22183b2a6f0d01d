/* vigie-website-data.c — the website's open data: sites in the Open Supply Hub CSV
 * format (re-importable with `vigie-cli import factories`), public findings and their
 * remediation as CSV and JSON, and a README describing every column.
 *
 * Rows come from the redacted site reports (level 'public') in the order of the run, so
 * the same database gives the same bytes. Codes stay codes and dates stay ISO-8601: the
 * files are the same in every language; the README is in English and each language's
 * data page (LANG/data.html) describes the same columns in that language.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "vigie-csv-writer.h"
#include "vigie-finding.h"
#include "vigie-remediation.h"
#include "vigie-website-private.h"

/* ─── The columns ────────────────────────────────────────────────────────── */

static const WebsiteColumn site_columns[] = {
  { "country", N_("Country of the site: ISO 3166-1 alpha-2 code.") },
  { "name", N_("Name of the site (factory).") },
  { "address", N_("Postal address of the site.") },
  { "sector", N_("Sector: always “Electronics”.") },
  { "lat", N_("Latitude in decimal degrees (WGS 84); empty when unknown.") },
  { "lng", N_("Longitude in decimal degrees (WGS 84); empty when unknown.") },
  { "os_id", N_("Open Supply Hub ID of the site; empty when it has none.") },
  { "number_of_workers", N_("Latest known number of workers: a number or a range such as "
                            "1001-5000; empty when unknown.") },
  { "parent_company", N_("Parent company of the site.") },
  { "facility_type", N_("Type of site, in English: Final product assembly, Component "
                        "manufacturing, Raw material processing, Warehousing or Office.") },
  { "processing_type", N_("Processing type (left empty: the facility type says it).") },
  { "product_type", N_("Products made at the site, in English, separated by commas.") },
  { "native_language_name", N_("Name of the site in the local language and script.") },
  { "site_id", N_("Stable identifier of the site in these files and in the address of its "
                  "page (LANG/sites/SITE_ID.html).") },
  { "is_closed", N_("“true” when the site has closed, else “false”.") },
  { NULL }
};

static const WebsiteColumn finding_columns[] = {
  { "finding_id", N_("Stable identifier of the finding.") },
  { "site_id", N_("The site of the finding (site_id in sites.csv).") },
  { "site_name", N_("Name of the site.") },
  { "country", N_("Country of the site: ISO 3166-1 alpha-2 code.") },
  { "title", N_("Title of the finding.") },
  { "description", N_("What was found.") },
  { "theme", N_("Theme of the organisation's code of labour standards (code, e.g. "
                "forced_labour, wages_benefits); “other” when none.") },
  { "severity", N_("Severity: critical, major, minor or observation.") },
  { "kind", N_("Kind: breach, risk or good_practice.") },
  { "status", N_("Status: open, progress_made, closed or disputed.") },
  { "first_observed", N_("Date the issue was first observed (YYYY-MM-DD).") },
  { "closed_on", N_("Date the finding was closed (YYYY-MM-DD); empty while it is not.") },
  { "workers_affected", N_("Estimated number of workers affected; empty when unknown.") },
  { "affects_women", N_("1 when women are particularly affected, else 0.") },
  { "affects_migrant", N_("1 when migrant workers are particularly affected, else 0.") },
  { "affects_agency", N_("1 when agency or dispatch workers are particularly affected, else 0.") },
  { "affects_student", N_("1 when students or interns are particularly affected, else 0.") },
  { "affects_young", N_("1 when young workers (under 18) are particularly affected, else 0.") },
  { "standards", N_("Standards breached, as CODE:KEY separated by “; ” (vigie: the "
                    "organisation's code; rba: the RBA Code of Conduct, e.g. rba:A1).") },
  { "forced_labour_indicators", N_("ILO indicators of forced labour found, as codes "
                                   "separated by “; ” (e.g. retention_of_documents).") },
  { "evidence_items", N_("Number of public items of evidence (confidential evidence is "
                         "not counted).") },
  { "corroborating_sources", N_("Number of corroborating sources of the public evidence.") },
  { "testimonies", N_("Number of public worker testimonies (workers appear only under "
                      "pseudonyms, in findings.json).") },
  { "company_response", N_("What the company answered.") },
  { "remediation_actions", N_("Number of remediation actions for the finding (remediation.csv).") },
  { NULL }
};

static const WebsiteColumn action_columns[] = {
  { "action_id", N_("Stable identifier of the remediation action.") },
  { "finding_id", N_("The finding it remedies (finding_id in findings.csv).") },
  { "site_id", N_("The site (site_id in sites.csv).") },
  { "site_name", N_("Name of the site.") },
  { "description", N_("What is to be done.") },
  { "root_cause", N_("Root cause of the issue.") },
  { "preventive_action", N_("What prevents it from happening again.") },
  { "responsible", N_("Organisation responsible for the action.") },
  { "remedy_type", N_("Type of remedy: restitution, compensation, rehabilitation, "
                      "satisfaction, non_repetition or corrective_only.") },
  { "amount_minor", N_("Amount paid or owed, in minor units of the currency (cents); "
                       "empty when none.") },
  { "currency", N_("ISO 4217 currency of the amount.") },
  { "beneficiaries_total", N_("Workers who benefit; empty when unknown.") },
  { "beneficiaries_women", N_("Of whom women; empty when unknown.") },
  { "beneficiaries_migrant", N_("Of whom migrant workers; empty when unknown.") },
  { "beneficiaries_agency", N_("Of whom agency or dispatch workers; empty when unknown.") },
  { "beneficiaries_student", N_("Of whom students or interns; empty when unknown.") },
  { "beneficiaries_young", N_("Of whom young workers; empty when unknown.") },
  { "opened_on", N_("Date the action was opened (YYYY-MM-DD).") },
  { "plan_due_on", N_("Date the corrective action plan is due (YYYY-MM-DD).") },
  { "due_on", N_("Date the action is due (YYYY-MM-DD).") },
  { "completed_on", N_("Date the action was completed (YYYY-MM-DD).") },
  { "status", N_("Status: proposed, plan_submitted, plan_accepted, plan_rejected, "
                 "in_progress, reported_complete, verified_by_workers, verified_by_monitor, "
                 "closed, disputed, escalated or abandoned.") },
  { "escalation_level", N_("Escalation: informal, formal_request, contract_escalation or "
                           "sanction.") },
  { "overdue", N_("1 when the action is past its due date and not done on the date of the "
                  "export, else 0.") },
  { "days_overdue", N_("Days past the due date on the date of the export (0 when not "
                       "overdue).") },
  { "status_history", N_("Every status change, oldest first, as “YYYY-MM-DD status” "
                         "separated by “; ”.") },
  { NULL }
};

static const WebsiteDataFile data_files[] = {
  { "sites.csv",
    N_("Every production site, in the Open Supply Hub facility list format: it can be "
       "uploaded to Open Supply Hub or imported into Vigie. Sites without an address are "
       "left out of this file, which needs one."),
    site_columns, NULL },
  { "findings.csv", N_("Every public finding, one per line."), finding_columns, NULL },
  { "findings.json",
    N_("The same findings as JSON: an object whose “findings” member is a list with one "
       "object per finding, with the columns of findings.csv as members (lists as arrays, "
       "unknown values as null) and “evidence”: the public evidence, each with its kind, "
       "the worker's pseudonym for testimony, the summary when it may be quoted and the "
       "number of sources."),
    NULL, "findings.csv" },
  { "remediation.csv", N_("Every remediation action of the public findings, one per line."),
    action_columns, NULL },
  { "remediation.json",
    N_("The same actions as JSON: an object whose “actions” member is a list with one "
       "object per action, with the columns of remediation.csv as members; "
       "“status_history” is a list of objects with “on”, “from” and “to”."),
    NULL, "remediation.csv" },
};

const WebsiteDataFile *
website_data_files (guint *n_files)
{
  *n_files = G_N_ELEMENTS (data_files);
  return data_files;
}

/* ─── Writers ────────────────────────────────────────────────────────────── */

struct _WebsiteData
{
  Website        *site;
  GOutputStream  *sites_out;
  GOutputStream  *findings_out;
  GOutputStream  *findings_json;
  GOutputStream  *actions_out;
  GOutputStream  *actions_json;
  VigieCsvWriter *sites_csv;
  VigieCsvWriter *findings_csv;
  VigieCsvWriter *actions_csv;
  gboolean        first_finding;
  gboolean        first_action;
  GString        *buffer;
};

void
website_data_free (WebsiteData *data)
{
  if (data == NULL)
    return;
  g_clear_pointer (&data->sites_csv, vigie_csv_writer_free);
  g_clear_pointer (&data->findings_csv, vigie_csv_writer_free);
  g_clear_pointer (&data->actions_csv, vigie_csv_writer_free);
  g_clear_object (&data->sites_out);
  g_clear_object (&data->findings_out);
  g_clear_object (&data->findings_json);
  g_clear_object (&data->actions_out);
  g_clear_object (&data->actions_json);
  g_string_free (data->buffer, TRUE);
  g_free (data);
}

static gboolean
write_header (VigieCsvWriter      *writer,
              const WebsiteColumn *columns,
              GError             **error)
{
  for (const WebsiteColumn *c = columns; c->name != NULL; c++)
    vigie_csv_writer_field (writer, c->name);
  return vigie_csv_writer_end_record (writer, error);
}

static gboolean
write_string (GOutputStream  *out,
              const char     *text,
              GError        **error)
{
  return g_output_stream_write_all (out, text, strlen (text), NULL, NULL, error);
}

/* The head of a JSON file: the level, the date when there is one, and the list. */
static char *
json_head (Website    *site,
           const char *list)
{
  g_autoptr(GString) head = g_string_new ("{\n  \"disclosure_level\": \"public\",\n");

  if (site->now != NULL)
    {
      g_autofree char *escaped = g_strescape (site->now, NULL);

      g_string_append_printf (head, "  \"generated_at\": \"%s\",\n", escaped);
    }
  g_string_append_printf (head, "  \"%s\": [", list);
  return g_string_free (g_steal_pointer (&head), FALSE);
}

WebsiteData *
website_data_open (Website  *site,
                   GError  **error)
{
  WebsiteData *data = g_new0 (WebsiteData, 1);
  g_autofree char *findings_head = json_head (site, "findings");
  g_autofree char *actions_head = json_head (site, "actions");

  data->site = site;
  data->buffer = g_string_new (NULL);
  data->first_finding = data->first_action = TRUE;
  data->sites_out = website_open_stream (site, "data/sites.csv", error);
  if (data->sites_out == NULL)
    goto fail;
  data->findings_out = website_open_stream (site, "data/findings.csv", error);
  if (data->findings_out == NULL)
    goto fail;
  data->findings_json = website_open_stream (site, "data/findings.json", error);
  if (data->findings_json == NULL)
    goto fail;
  data->actions_out = website_open_stream (site, "data/remediation.csv", error);
  if (data->actions_out == NULL)
    goto fail;
  data->actions_json = website_open_stream (site, "data/remediation.json", error);
  if (data->actions_json == NULL)
    goto fail;

  data->sites_csv = vigie_csv_writer_new (data->sites_out);
  data->findings_csv = vigie_csv_writer_new (data->findings_out);
  data->actions_csv = vigie_csv_writer_new (data->actions_out);
  if (!write_header (data->sites_csv, site_columns, error)
      || !write_header (data->findings_csv, finding_columns, error)
      || !write_header (data->actions_csv, action_columns, error)
      || !write_string (data->findings_json, findings_head, error)
      || !write_string (data->actions_json, actions_head, error))
    goto fail;
  return data;

fail:
  website_data_free (data);
  return NULL;
}

/* The English label of CODE (the Open Supply Hub columns are English). */
static const char *
english_label (VigieVocab  vocab,
               const char *code)
{
  guint n;
  const VigieVocabEntry *entries = vigie_vocab_entries (vocab, &n);

  for (guint i = 0; code != NULL && i < n; i++)
    if (g_str_equal (entries[i].code, code))
      return entries[i].label;
  return "";
}

static char *
english_products (const char *codes)
{
  g_auto(GStrv) parts = g_strsplit (codes != NULL ? codes : "", ",", -1);
  g_autoptr(GString) out = g_string_new (NULL);

  for (guint i = 0; parts[i] != NULL; i++)
    {
      const char *label;

      g_strstrip (parts[i]);
      label = english_label (VIGIE_VOCAB_PRODUCT, parts[i]);
      if (label[0] == '\0')
        continue;
      if (out->len > 0)
        g_string_append (out, ", ");
      g_string_append (out, label);
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

static void
csv_optional_int (VigieCsvWriter *writer,
                  gint64          value)
{
  if (value < 0)
    vigie_csv_writer_field (writer, "");
  else
    vigie_csv_writer_number (writer, value);
}

static void
csv_optional_real (VigieCsvWriter *writer,
                   double          value)
{
  if (isnan (value))
    vigie_csv_writer_field (writer, "");
  else
    vigie_csv_writer_real (writer, value);
}

static gboolean
add_site_row (WebsiteData           *data,
              const WebsiteSite     *summary,
              const VigieSiteReport *report,
              GError               **error)
{
  VigieCsvWriter *w = data->sites_csv;
  const VigieSiteRecord *site = report->site;
  g_autofree char *products = english_products (site->products);
  g_autofree char *workers = NULL;

  /* The Open Supply Hub format needs an address: such a site cannot be listed. */
  if (site->address == NULL || site->address[0] == '\0')
    return TRUE;

  if (report->workforce->len > 0)
    {
      VigieWorkforceRecord *wf = g_ptr_array_index (report->workforce, 0);

      if (wf->total >= 0)
        workers = g_strdup_printf ("%" G_GINT64_FORMAT, wf->total);
      else if (wf->total_min >= 0 && wf->total_max >= 0)
        workers = g_strdup_printf ("%" G_GINT64_FORMAT "-%" G_GINT64_FORMAT, wf->total_min,
                                   wf->total_max);
    }

  vigie_csv_writer_field (w, site->country);
  vigie_csv_writer_field (w, site->name);
  vigie_csv_writer_field (w, site->address);
  vigie_csv_writer_field (w, "Electronics");
  csv_optional_real (w, site->latitude);
  csv_optional_real (w, site->longitude);
  vigie_csv_writer_field (w, site->os_id != NULL ? site->os_id : "");
  vigie_csv_writer_field (w, workers != NULL ? workers : "");
  vigie_csv_writer_field (w, site->parent_company);
  vigie_csv_writer_field (w, english_label (VIGIE_VOCAB_LOCATION_TYPE, site->location_type));
  vigie_csv_writer_field (w, "");
  vigie_csv_writer_field (w, products);
  vigie_csv_writer_field (w, site->native_name);
  vigie_csv_writer_field (w, summary->slug);
  vigie_csv_writer_field (w, site->closed ? "true" : "false");
  return vigie_csv_writer_end_record (w, error);
}

/* ─── JSON ───────────────────────────────────────────────────────────────── */

static void
json_string (GString    *out,
             const char *text)
{
  if (text == NULL)
    {
      g_string_append (out, "null");
      return;
    }
  g_string_append_c (out, '"');
  for (const char *p = text; *p != '\0'; p++)
    {
      guchar c = *p;

      switch (c)
        {
        case '"': g_string_append (out, "\\\""); break;
        case '\\': g_string_append (out, "\\\\"); break;
        case '\n': g_string_append (out, "\\n"); break;
        case '\r': g_string_append (out, "\\r"); break;
        case '\t': g_string_append (out, "\\t"); break;
        default:
          if (c < 0x20)
            g_string_append_printf (out, "\\u%04x", c);
          else
            g_string_append_c (out, c);
        }
    }
  g_string_append_c (out, '"');
}

static void
json_member (GString    *out,
             const char *name)
{
  if (out->str[out->len - 1] != '{')
    g_string_append (out, ", ");
  json_string (out, name);
  g_string_append (out, ": ");
}

static void
json_text (GString    *out,
           const char *name,
           const char *value)
{
  json_member (out, name);
  json_string (out, value);
}

static void
json_int (GString    *out,
          const char *name,
          gint64      value)
{
  json_member (out, name);
  if (value < 0)
    g_string_append (out, "null");
  else
    g_string_append_printf (out, "%" G_GINT64_FORMAT, value);
}

static void
json_bool (GString    *out,
           const char *name,
           gboolean    value)
{
  json_member (out, name);
  g_string_append (out, value ? "true" : "false");
}

/* ─── Findings and actions ───────────────────────────────────────────────── */

static char *
standards_text (const VigieReportFinding *rf)
{
  g_autoptr(GString) out = g_string_new (NULL);

  for (guint i = 0; i < rf->standards->len; i++)
    {
      VigieReportStandard *s = g_ptr_array_index (rf->standards, i);

      if (out->len > 0)
        g_string_append (out, "; ");
      g_string_append_printf (out, "%s:%s", s->code, s->key);
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* The codes of the finding's forced-labour indicators, in the ILO list's order. */
static GPtrArray *
indicator_codes (Website                  *site,
                 const VigieReportFinding *rf)
{
  GPtrArray *codes = g_ptr_array_new ();
  GArray *ids = rf->finding->indicator_ids;

  for (guint i = 0; i < site->indicators->len; i++)
    {
      VigieIndicatorInfo *info = g_ptr_array_index (site->indicators, i);

      for (guint j = 0; ids != NULL && j < ids->len; j++)
        if (g_array_index (ids, gint64, j) == info->id)
          {
            g_ptr_array_add (codes, info->code);
            break;
          }
    }
  return codes;
}

static gboolean
add_finding (WebsiteData              *data,
             const WebsiteSite        *summary,
             const VigieReportFinding *rf,
             GError                  **error)
{
  const VigieFindingRecord *f = rf->finding;
  VigieCsvWriter *w = data->findings_csv;
  g_autofree char *standards = standards_text (rf);
  g_autoptr(GPtrArray) indicators = NULL;
  g_autofree char *indicator_list = NULL;
  GString *j = data->buffer;

  indicators = indicator_codes (data->site, rf);
  g_ptr_array_add (indicators, NULL);
  indicator_list = g_strjoinv ("; ", (char **) indicators->pdata);
  g_ptr_array_remove_index (indicators, indicators->len - 1);

  vigie_csv_writer_field (w, f->uuid);
  vigie_csv_writer_field (w, summary->slug);
  vigie_csv_writer_field (w, summary->name);
  vigie_csv_writer_field (w, summary->country);
  vigie_csv_writer_field (w, f->title);
  vigie_csv_writer_field (w, f->description);
  vigie_csv_writer_field (w, website_theme_key (rf));
  vigie_csv_writer_field (w, f->severity);
  vigie_csv_writer_field (w, f->kind);
  vigie_csv_writer_field (w, f->status);
  vigie_csv_writer_field (w, f->first_observed);
  vigie_csv_writer_field (w, f->closed_on != NULL ? f->closed_on : "");
  csv_optional_int (w, f->workers_affected);
  vigie_csv_writer_number (w, f->affects_women ? 1 : 0);
  vigie_csv_writer_number (w, f->affects_migrant ? 1 : 0);
  vigie_csv_writer_number (w, f->affects_agency ? 1 : 0);
  vigie_csv_writer_number (w, f->affects_student ? 1 : 0);
  vigie_csv_writer_number (w, f->affects_young ? 1 : 0);
  vigie_csv_writer_field (w, standards);
  vigie_csv_writer_field (w, indicator_list);
  vigie_csv_writer_number (w, rf->evidence->len);
  vigie_csv_writer_number (w, rf->n_sources);
  vigie_csv_writer_number (w, rf->n_testimony);
  vigie_csv_writer_field (w, f->company_response);
  vigie_csv_writer_number (w, rf->actions->len);
  if (!vigie_csv_writer_end_record (w, error))
    return FALSE;

  g_string_truncate (j, 0);
  g_string_append (j, data->first_finding ? "\n    {" : ",\n    {");
  data->first_finding = FALSE;
  json_text (j, "finding_id", f->uuid);
  json_text (j, "site_id", summary->slug);
  json_text (j, "site_name", summary->name);
  json_text (j, "country", summary->country);
  json_text (j, "title", f->title);
  json_text (j, "description", f->description);
  json_text (j, "theme", website_theme_key (rf));
  json_text (j, "severity", f->severity);
  json_text (j, "kind", f->kind);
  json_text (j, "status", f->status);
  json_text (j, "first_observed", f->first_observed);
  json_text (j, "closed_on", f->closed_on);
  json_int (j, "workers_affected", f->workers_affected);
  json_bool (j, "affects_women", f->affects_women);
  json_bool (j, "affects_migrant", f->affects_migrant);
  json_bool (j, "affects_agency", f->affects_agency);
  json_bool (j, "affects_student", f->affects_student);
  json_bool (j, "affects_young", f->affects_young);
  json_member (j, "standards");
  g_string_append_c (j, '[');
  for (guint i = 0; i < rf->standards->len; i++)
    {
      VigieReportStandard *s = g_ptr_array_index (rf->standards, i);

      g_string_append (j, i > 0 ? ", {" : "{");
      json_text (j, "code", s->code);
      json_text (j, "key", s->key);
      json_text (j, "title", s->title);
      g_string_append_c (j, '}');
    }
  g_string_append_c (j, ']');
  json_member (j, "forced_labour_indicators");
  g_string_append_c (j, '[');
  for (guint i = 0; i < indicators->len; i++)
    {
      if (i > 0)
        g_string_append (j, ", ");
      json_string (j, g_ptr_array_index (indicators, i));
    }
  g_string_append_c (j, ']');
  json_int (j, "evidence_items", rf->evidence->len);
  json_int (j, "corroborating_sources", rf->n_sources);
  json_int (j, "testimonies", rf->n_testimony);
  json_text (j, "company_response", f->company_response);
  json_int (j, "remediation_actions", rf->actions->len);
  json_member (j, "evidence");
  g_string_append_c (j, '[');
  for (guint i = 0; i < rf->evidence->len; i++)
    {
      VigieEvidenceRecord *e = g_ptr_array_index (rf->evidence, i);

      g_string_append (j, i > 0 ? ", {" : "{");
      json_text (j, "kind", e->kind);
      json_text (j, "pseudonym", e->pseudonym != NULL && e->pseudonym[0] != '\0'
                                 ? e->pseudonym : NULL);
      json_text (j, "summary", e->summary != NULL && e->summary[0] != '\0' ? e->summary : NULL);
      json_int (j, "sources", e->sources_count);
      g_string_append_c (j, '}');
    }
  g_string_append (j, "]}");
  return g_output_stream_write_all (data->findings_json, j->str, j->len, NULL, NULL, error);
}

static gboolean
add_action (WebsiteData              *data,
            const WebsiteSite        *summary,
            const VigieReportFinding *rf,
            const VigieReportAction  *ra,
            GError                  **error)
{
  const VigieActionRecord *a = ra->action;
  VigieCsvWriter *w = data->actions_csv;
  const char *today = data->site->today;
  gboolean overdue = vigie_remediation_is_overdue (a->status, a->due_on, today);
  int days = vigie_remediation_days_overdue (a->status, a->due_on, today);
  g_autoptr(GString) history = g_string_new (NULL);
  GString *j = data->buffer;

  for (guint h = 0; h < ra->history->len; h++)
    {
      VigieStatusChange *c = g_ptr_array_index (ra->history, h);

      if (history->len > 0)
        g_string_append (history, "; ");
      g_string_append_printf (history, "%s %s", c->changed_on, c->to_status);
    }

  vigie_csv_writer_field (w, a->uuid);
  vigie_csv_writer_field (w, rf->finding->uuid);
  vigie_csv_writer_field (w, summary->slug);
  vigie_csv_writer_field (w, summary->name);
  vigie_csv_writer_field (w, a->description);
  vigie_csv_writer_field (w, a->root_cause);
  vigie_csv_writer_field (w, a->preventive_action);
  vigie_csv_writer_field (w, ra->responsible);
  vigie_csv_writer_field (w, a->remedy_type);
  csv_optional_int (w, a->amount_minor);
  vigie_csv_writer_field (w, a->amount_minor >= 0 && a->currency != NULL ? a->currency : "");
  csv_optional_int (w, a->beneficiaries_total);
  csv_optional_int (w, a->beneficiaries_women);
  csv_optional_int (w, a->beneficiaries_migrant);
  csv_optional_int (w, a->beneficiaries_agency);
  csv_optional_int (w, a->beneficiaries_student);
  csv_optional_int (w, a->beneficiaries_young);
  vigie_csv_writer_field (w, a->opened_on);
  vigie_csv_writer_field (w, a->plan_due_on != NULL ? a->plan_due_on : "");
  vigie_csv_writer_field (w, a->due_on != NULL ? a->due_on : "");
  vigie_csv_writer_field (w, a->completed_on != NULL ? a->completed_on : "");
  vigie_csv_writer_field (w, a->status);
  vigie_csv_writer_field (w, a->escalation_level);
  vigie_csv_writer_number (w, overdue ? 1 : 0);
  vigie_csv_writer_number (w, days);
  vigie_csv_writer_field (w, history->str);
  if (!vigie_csv_writer_end_record (w, error))
    return FALSE;

  g_string_truncate (j, 0);
  g_string_append (j, data->first_action ? "\n    {" : ",\n    {");
  data->first_action = FALSE;
  json_text (j, "action_id", a->uuid);
  json_text (j, "finding_id", rf->finding->uuid);
  json_text (j, "site_id", summary->slug);
  json_text (j, "site_name", summary->name);
  json_text (j, "description", a->description);
  json_text (j, "root_cause", a->root_cause);
  json_text (j, "preventive_action", a->preventive_action);
  json_text (j, "responsible", ra->responsible[0] != '\0' ? ra->responsible : NULL);
  json_text (j, "remedy_type", a->remedy_type);
  json_int (j, "amount_minor", a->amount_minor);
  json_text (j, "currency", a->amount_minor >= 0 ? a->currency : NULL);
  json_int (j, "beneficiaries_total", a->beneficiaries_total);
  json_int (j, "beneficiaries_women", a->beneficiaries_women);
  json_int (j, "beneficiaries_migrant", a->beneficiaries_migrant);
  json_int (j, "beneficiaries_agency", a->beneficiaries_agency);
  json_int (j, "beneficiaries_student", a->beneficiaries_student);
  json_int (j, "beneficiaries_young", a->beneficiaries_young);
  json_text (j, "opened_on", a->opened_on);
  json_text (j, "plan_due_on", a->plan_due_on);
  json_text (j, "due_on", a->due_on);
  json_text (j, "completed_on", a->completed_on);
  json_text (j, "status", a->status);
  json_text (j, "escalation_level", a->escalation_level);
  json_bool (j, "overdue", overdue);
  json_int (j, "days_overdue", days);
  json_member (j, "status_history");
  g_string_append_c (j, '[');
  for (guint h = 0; h < ra->history->len; h++)
    {
      VigieStatusChange *c = g_ptr_array_index (ra->history, h);

      g_string_append (j, h > 0 ? ", {" : "{");
      json_text (j, "on", c->changed_on);
      json_text (j, "from", c->from_status);
      json_text (j, "to", c->to_status);
      g_string_append_c (j, '}');
    }
  g_string_append (j, "]}");
  return g_output_stream_write_all (data->actions_json, j->str, j->len, NULL, NULL, error);
}

gboolean
website_data_add_site (WebsiteData           *data,
                       const WebsiteSite     *summary,
                       const VigieSiteReport *report,
                       GError               **error)
{
  if (!add_site_row (data, summary, report, error))
    return FALSE;
  for (guint i = 0; i < report->findings->len; i++)
    {
      VigieReportFinding *rf = g_ptr_array_index (report->findings, i);

      if (!add_finding (data, summary, rf, error))
        return FALSE;
      for (guint a = 0; a < rf->actions->len; a++)
        if (!add_action (data, summary, rf, g_ptr_array_index (rf->actions, a), error))
          return FALSE;
    }
  return TRUE;
}

/* ─── README ─────────────────────────────────────────────────────────────── */

static char *
readme_text (Website *site)
{
  g_autoptr(GString) out = g_string_new (NULL);
  guint n_files;
  const WebsiteDataFile *files = website_data_files (&n_files);

  g_string_append (out, "# Open data: production sites, public findings and remediation\n\n");
  g_string_append (out,
                   "These files were published with Vigie at disclosure level “public”: only "
                   "findings cleared for publication, with their standards, forced-labour "
                   "indicators and remediation. Confidential evidence, internal notes and the "
                   "names of people are left out; workers who gave testimony appear only under "
                   "pseudonyms.\n\n"
                   "Every file is UTF-8. CSV files follow RFC 4180 with a header line; a text "
                   "cell that begins with =, +, -, @, a tab or a carriage return starts with an "
                   "apostrophe (') so that spreadsheets do not run it as a formula. Dates are "
                   "YYYY-MM-DD. Codes (themes, severities, statuses) are stable English "
                   "identifiers; the website shows them translated.\n\n"
                   "This README is in English; each language of the website describes the same "
                   "columns on its own open data page (LANG/data.html).\n\n");
  if (site->now != NULL)
    g_string_append_printf (out, "Generated: %s\n\n", site->now);
  for (guint i = 0; i < n_files; i++)
    {
      g_string_append_printf (out, "## %s\n\n%s\n\n", files[i].file, files[i].description);
      if (files[i].columns == NULL)
        continue;
      g_string_append (out, "| Column | Description |\n|---|---|\n");
      for (const WebsiteColumn *c = files[i].columns; c->name != NULL; c++)
        g_string_append_printf (out, "| `%s` | %s |\n", c->name, c->description);
      g_string_append_c (out, '\n');
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

gboolean
website_data_close (WebsiteData  *data,
                    GError      **error)
{
  Website *site = data->site;
  g_autofree char *readme = NULL;
  gboolean ok;

  ok = write_string (data->findings_json, data->first_finding ? "]\n}\n" : "\n  ]\n}\n", error)
       && write_string (data->actions_json, data->first_action ? "]\n}\n" : "\n  ]\n}\n", error)
       && website_close_stream (site, data->sites_out, "data/sites.csv", error)
       && website_close_stream (site, data->findings_out, "data/findings.csv", error)
       && website_close_stream (site, data->findings_json, "data/findings.json", error)
       && website_close_stream (site, data->actions_out, "data/remediation.csv", error)
       && website_close_stream (site, data->actions_json, "data/remediation.json", error);
  if (ok)
    {
      readme = readme_text (site);
      ok = website_write_file (site, "data/README.md", readme, strlen (readme), error);
    }
  website_data_free (data);
  return ok;
}
