/* vigie-vocab.c — vocabulary tables.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n-lib.h>

#include "vigie-vocab.h"

static const VigieVocabEntry location_type_entries[] = {
  { "final_assembly", NC_("location type", "Final product assembly") },
  { "component_manufacturing", NC_("location type", "Component manufacturing") },
  { "raw_material_processing", NC_("location type", "Raw material processing") },
  { "warehousing", NC_("location type", "Warehousing") },
  { "office", NC_("location type", "Office") },
};

static const VigieVocabEntry product_entries[] = {
  { "servers", NC_("product", "Servers") },
  { "laptops", NC_("product", "Laptops") },
  { "desktops", NC_("product", "Desktop computers") },
  { "printers", NC_("product", "Printers") },
  { "displays", NC_("product", "Displays") },
  { "phones", NC_("product", "Mobile phones") },
  { "tablets", NC_("product", "Tablets") },
  { "networking", NC_("product", "Networking equipment") },
  { "hdd", NC_("product", "Hard disk drives") },
  { "ssd", NC_("product", "Solid-state drives") },
  { "pcb", NC_("product", "Printed circuit boards") },
  { "semiconductors", NC_("product", "Semiconductors") },
  { "batteries", NC_("product", "Batteries") },
  { "cables", NC_("product", "Cables") },
  { "power_supplies", NC_("product", "Power supplies") },
  { "peripherals", NC_("product", "Keyboards and mice") },
};

static const VigieVocabEntry workforce_source_entries[] = {
  { "employer", NC_("workforce source", "Employer") },
  { "brand", NC_("workforce source", "Brand") },
  { "monitor_estimate", NC_("workforce source", "Monitor estimate") },
  { "worker_survey", NC_("workforce source", "Worker survey") },
  { "public", NC_("workforce source", "Public source") },
};

static const VigieVocabEntry organisation_kind_entries[] = {
  { "affiliate", NC_("organisation kind", "Affiliate") },
  { "consortium", NC_("organisation kind", "Purchasing consortium") },
  { "brand", NC_("organisation kind", "Brand") },
  { "contractor", NC_("organisation kind", "Contractor") },
  { "employer", NC_("organisation kind", "Employer") },
  { "recruitment_agency", NC_("organisation kind", "Recruitment agency") },
  { "monitoring_partner", NC_("organisation kind", "Monitoring partner") },
  { "union", NC_("organisation kind", "Trade union") },
};

static const VigieVocabEntry tier_entries[] = {
  { "final_assembly", NC_("tier", "Final assembly") },
  { "main_component", NC_("tier", "Main component") },
  { "other_component", NC_("tier", "Other component") },
  { "raw_material", NC_("tier", "Raw material") },
};

static const VigieVocabEntry link_source_entries[] = {
  { "contractor_disclosure", NC_("link source", "Contractor disclosure") },
  { "public_list", NC_("link source", "Public list") },
  { "monitor", NC_("link source", "Monitor") },
};

static const VigieVocabEntry disclosure_subject_entries[] = {
  { "site_names", NC_("disclosure subject", "Site names and addresses") },
  { "component_sites", NC_("disclosure subject", "Component sites") },
  { "compliance_findings", NC_("disclosure subject", "Compliance findings") },
  { "chemical_inventory", NC_("disclosure subject", "Chemical inventory") },
  { "factory_access", NC_("disclosure subject", "Factory access") },
  { "no_retaliation", NC_("disclosure subject", "No-retaliation commitment") },
  { "remediation_evidence", NC_("disclosure subject", "Remediation evidence") },
};

static const VigieVocabEntry disclosure_status_entries[] = {
  { "requested", NC_("disclosure status", "Requested") },
  { "partial", NC_("disclosure status", "Partially answered") },
  { "complete", NC_("disclosure status", "Complete") },
  { "refused", NC_("disclosure status", "Refused") },
};

static const VigieVocabEntry investigation_trigger_entries[] = {
  { "worker_complaint", NC_("investigation trigger", "Worker complaint") },
  { "risk_assessment", NC_("investigation trigger", "Risk assessment") },
  { "leverage_priority", NC_("investigation trigger", "Leverage priority") },
  { "follow_up", NC_("investigation trigger", "Follow-up") },
};

static const VigieVocabEntry investigation_status_entries[] = {
  { "planned", NC_("investigation status", "Planned") },
  { "ongoing", NC_("investigation status", "Ongoing") },
  { "reporting", NC_("investigation status", "Reporting") },
  { "engagement", NC_("investigation status", "Engagement") },
  { "closed", NC_("investigation status", "Closed") },
};

static const VigieVocabEntry activity_method_entries[] = {
  { "offsite_interview", NC_("activity method", "Off-site worker interviews") },
  { "focus_group", NC_("activity method", "Focus group") },
  { "survey", NC_("activity method", "Worker survey") },
  { "hotline", NC_("activity method", "Hotline") },
  { "document_review", NC_("activity method", "Document review") },
  { "payroll_review", NC_("activity method", "Payroll review") },
  { "onsite_visit", NC_("activity method", "On-site visit") },
};

static const VigieVocabEntry severity_entries[] = {
  { "critical", NC_("severity", "Critical") },
  { "major", NC_("severity", "Major") },
  { "minor", NC_("severity", "Minor") },
  { "observation", NC_("severity", "Observation") },
};

static const VigieVocabEntry finding_kind_entries[] = {
  { "breach", NC_("finding kind", "Breach") },
  { "risk", NC_("finding kind", "Risk") },
  { "good_practice", NC_("finding kind", "Good practice") },
};

static const VigieVocabEntry finding_status_entries[] = {
  { "open", NC_("finding status", "Open") },
  { "progress_made", NC_("finding status", "Progress made") },
  { "closed", NC_("finding status", "Closed") },
  { "disputed", NC_("finding status", "Disputed") },
};

static const VigieVocabEntry disclosure_level_entries[] = {
  { "internal", NC_("disclosure level", "Internal") },
  { "workers", NC_("disclosure level", "Workers") },
  { "employer", NC_("disclosure level", "Employer") },
  { "brand", NC_("disclosure level", "Brand") },
  { "affiliates", NC_("disclosure level", "Affiliates") },
  { "public", NC_("disclosure level", "Public") },
};

static const VigieVocabEntry evidence_kind_entries[] = {
  { "testimony", NC_("evidence kind", "Testimony") },
  { "document", NC_("evidence kind", "Document") },
  { "photo", NC_("evidence kind", "Photo") },
  { "payslip", NC_("evidence kind", "Payslip") },
  { "contract", NC_("evidence kind", "Employment contract") },
  { "measurement", NC_("evidence kind", "Measurement") },
  { "public_source", NC_("evidence kind", "Public source") },
};

static const VigieVocabEntry remedy_type_entries[] = {
  { "restitution", NC_("remedy type", "Restitution") },
  { "compensation", NC_("remedy type", "Compensation") },
  { "rehabilitation", NC_("remedy type", "Rehabilitation") },
  { "satisfaction", NC_("remedy type", "Satisfaction (incl. apology)") },
  { "non_repetition", NC_("remedy type", "Guarantees of non-repetition") },
  { "corrective_only", NC_("remedy type", "Corrective action only") },
};

static const VigieVocabEntry remediation_status_entries[] = {
  { "proposed", NC_("remediation status", "Proposed") },
  { "plan_submitted", NC_("remediation status", "Plan submitted") },
  { "plan_accepted", NC_("remediation status", "Plan accepted") },
  { "plan_rejected", NC_("remediation status", "Plan rejected") },
  { "in_progress", NC_("remediation status", "In progress") },
  { "reported_complete", NC_("remediation status", "Reported complete") },
  { "verified_by_workers", NC_("remediation status", "Verified by workers") },
  { "verified_by_monitor", NC_("remediation status", "Verified by monitor") },
  { "closed", NC_("remediation status", "Closed") },
  { "disputed", NC_("remediation status", "Disputed") },
  { "escalated", NC_("remediation status", "Escalated") },
  { "abandoned", NC_("remediation status", "Abandoned") },
};

static const VigieVocabEntry escalation_level_entries[] = {
  { "informal", NC_("escalation level", "Informal engagement") },
  { "formal_request", NC_("escalation level", "Formal request") },
  { "contract_escalation", NC_("escalation level", "Contract escalation") },
  { "sanction", NC_("escalation level", "Sanction") },
};

static const VigieVocabEntry grievance_channel_entries[] = {
  { "hotline", NC_("grievance channel", "Hotline") },
  { "monitor", NC_("grievance channel", "Monitoring partner") },
  { "union", NC_("grievance channel", "Trade union") },
  { "email", NC_("grievance channel", "Email") },
  { "in_person", NC_("grievance channel", "In person") },
  { "brand", NC_("grievance channel", "Brand") },
  { "other", NC_("grievance channel", "Other") },
};

static const VigieVocabEntry grievance_status_entries[] = {
  { "received", NC_("grievance status", "Received") },
  { "acknowledged", NC_("grievance status", "Acknowledged") },
  { "investigating", NC_("grievance status", "Investigating") },
  { "resolved", NC_("grievance status", "Resolved") },
  { "closed", NC_("grievance status", "Closed") },
  { "dismissed", NC_("grievance status", "Dismissed") },
};

static const VigieVocabEntry chemical_process_entries[] = {
  { "cleaning", NC_("chemical process", "Cleaning") },
  { "degreasing", NC_("chemical process", "Degreasing") },
  { "soldering", NC_("chemical process", "Soldering") },
  { "etching", NC_("chemical process", "Etching") },
  { "plating", NC_("chemical process", "Plating") },
  { "coating", NC_("chemical process", "Coating") },
  { "gluing", NC_("chemical process", "Gluing") },
  { "printing", NC_("chemical process", "Printing") },
  { "testing", NC_("chemical process", "Testing") },
  { "other", NC_("chemical process", "Other") },
};

static const VigieVocabEntry quantity_unit_entries[] = {
  { "kg", NC_("quantity unit", "kg") },
  { "L", NC_("quantity unit", "L") },
  { "t", NC_("quantity unit", "t") },
};

static const VigieVocabEntry exposure_kind_entries[] = {
  { "air", NC_("exposure kind", "Air") },
  { "urine", NC_("exposure kind", "Urine") },
  { "blood", NC_("exposure kind", "Blood") },
  { "wipe", NC_("exposure kind", "Surface wipe") },
};

typedef struct { const VigieVocabEntry *entries; guint n; const char *context; } VocabTable;

static const VocabTable tables[VIGIE_N_VOCABS] = {
  [VIGIE_VOCAB_LOCATION_TYPE] = { location_type_entries, G_N_ELEMENTS (location_type_entries), "location type" },
  [VIGIE_VOCAB_PRODUCT] = { product_entries, G_N_ELEMENTS (product_entries), "product" },
  [VIGIE_VOCAB_WORKFORCE_SOURCE] = { workforce_source_entries, G_N_ELEMENTS (workforce_source_entries), "workforce source" },
  [VIGIE_VOCAB_ORGANISATION_KIND] = { organisation_kind_entries, G_N_ELEMENTS (organisation_kind_entries), "organisation kind" },
  [VIGIE_VOCAB_TIER] = { tier_entries, G_N_ELEMENTS (tier_entries), "tier" },
  [VIGIE_VOCAB_LINK_SOURCE] = { link_source_entries, G_N_ELEMENTS (link_source_entries), "link source" },
  [VIGIE_VOCAB_DISCLOSURE_SUBJECT] = { disclosure_subject_entries, G_N_ELEMENTS (disclosure_subject_entries), "disclosure subject" },
  [VIGIE_VOCAB_DISCLOSURE_STATUS] = { disclosure_status_entries, G_N_ELEMENTS (disclosure_status_entries), "disclosure status" },
  [VIGIE_VOCAB_INVESTIGATION_TRIGGER] = { investigation_trigger_entries, G_N_ELEMENTS (investigation_trigger_entries), "investigation trigger" },
  [VIGIE_VOCAB_INVESTIGATION_STATUS] = { investigation_status_entries, G_N_ELEMENTS (investigation_status_entries), "investigation status" },
  [VIGIE_VOCAB_ACTIVITY_METHOD] = { activity_method_entries, G_N_ELEMENTS (activity_method_entries), "activity method" },
  [VIGIE_VOCAB_SEVERITY] = { severity_entries, G_N_ELEMENTS (severity_entries), "severity" },
  [VIGIE_VOCAB_FINDING_KIND] = { finding_kind_entries, G_N_ELEMENTS (finding_kind_entries), "finding kind" },
  [VIGIE_VOCAB_FINDING_STATUS] = { finding_status_entries, G_N_ELEMENTS (finding_status_entries), "finding status" },
  [VIGIE_VOCAB_DISCLOSURE_LEVEL] = { disclosure_level_entries, G_N_ELEMENTS (disclosure_level_entries), "disclosure level" },
  [VIGIE_VOCAB_EVIDENCE_KIND] = { evidence_kind_entries, G_N_ELEMENTS (evidence_kind_entries), "evidence kind" },
  [VIGIE_VOCAB_REMEDY_TYPE] = { remedy_type_entries, G_N_ELEMENTS (remedy_type_entries), "remedy type" },
  [VIGIE_VOCAB_REMEDIATION_STATUS] = { remediation_status_entries, G_N_ELEMENTS (remediation_status_entries), "remediation status" },
  [VIGIE_VOCAB_ESCALATION_LEVEL] = { escalation_level_entries, G_N_ELEMENTS (escalation_level_entries), "escalation level" },
  [VIGIE_VOCAB_GRIEVANCE_CHANNEL] = { grievance_channel_entries, G_N_ELEMENTS (grievance_channel_entries), "grievance channel" },
  [VIGIE_VOCAB_GRIEVANCE_STATUS] = { grievance_status_entries, G_N_ELEMENTS (grievance_status_entries), "grievance status" },
  [VIGIE_VOCAB_CHEMICAL_PROCESS] = { chemical_process_entries, G_N_ELEMENTS (chemical_process_entries), "chemical process" },
  [VIGIE_VOCAB_QUANTITY_UNIT] = { quantity_unit_entries, G_N_ELEMENTS (quantity_unit_entries), "quantity unit" },
  [VIGIE_VOCAB_EXPOSURE_KIND] = { exposure_kind_entries, G_N_ELEMENTS (exposure_kind_entries), "exposure kind" },
};

const VigieVocabEntry *
vigie_vocab_entries (VigieVocab  vocab,
                     guint      *n_entries)
{
  g_return_val_if_fail (vocab < VIGIE_N_VOCABS, NULL);

  if (n_entries != NULL)
    *n_entries = tables[vocab].n;
  return tables[vocab].entries;
}

int
vigie_vocab_index (VigieVocab  vocab,
                   const char *code)
{
  g_return_val_if_fail (vocab < VIGIE_N_VOCABS, -1);

  if (code == NULL)
    return -1;
  for (guint i = 0; i < tables[vocab].n; i++)
    if (g_strcmp0 (tables[vocab].entries[i].code, code) == 0)
      return (int) i;
  return -1;
}

gboolean
vigie_vocab_is_valid (VigieVocab  vocab,
                      const char *code)
{
  return vigie_vocab_index (vocab, code) >= 0;
}

const char *
vigie_vocab_context (VigieVocab vocab)
{
  g_return_val_if_fail (vocab < VIGIE_N_VOCABS, NULL);
  return tables[vocab].context;
}

const char *
vigie_vocab_label (VigieVocab  vocab,
                   const char *code)
{
  int i = vigie_vocab_index (vocab, code);

  if (i < 0)
    return code != NULL ? code : "";
  return g_dpgettext2 (GETTEXT_PACKAGE, tables[vocab].context, tables[vocab].entries[i].label);
}

char *
vigie_vocab_labels (VigieVocab  vocab,
                    const char *codes)
{
  g_auto(GStrv) parts = NULL;
  GString *out = g_string_new (NULL);

  if (codes == NULL || *codes == '\0')
    return g_string_free (out, FALSE);

  parts = g_strsplit (codes, ",", -1);
  for (guint i = 0; parts[i] != NULL; i++)
    {
      const char *code = g_strstrip (parts[i]);

      if (*code == '\0')
        continue;
      if (out->len > 0)
        g_string_append (out, ", ");
      g_string_append (out, vigie_vocab_label (vocab, code));
    }
  return g_string_free (out, FALSE);
}
