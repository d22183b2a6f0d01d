/* vigie-buyers.c — organisations, contracts, site links, disclosure requests and the
 * supplier dashboard.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n-lib.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "vigie-buyers.h"
#include "vigie-reference.h"
#include "vigie-site.h"
#include "vigie-store-private.h"
#include "vigie-util.h"
#include "vigie-validate.h"
#include "vigie-vocab.h"

#define MAX_NAME 200
#define OPEN_STATUSES "('open', 'progress_made', 'disputed')"
#define PENDING_ACTION_STATUSES \
  "('proposed', 'plan_submitted', 'plan_accepted', 'plan_rejected', 'in_progress', " \
  "'disputed', 'escalated')"

/* The regions of data/reference/countries.tsv (UN M49 sub-regions), for translators: the
 * dashboard shows them through vigie_reference_text(). */
static const char *const region_names[] G_GNUC_UNUSED = {
  /* Translators: a world region (UN M49 sub-region) */
  N_("Antarctica"),
  /* Translators: a world region (UN M49 sub-region) */
  N_("Australia and New Zealand"),
  /* Translators: a world region (UN M49 sub-region) */
  N_("Caribbean"),
  /* Translators: a world region (UN M49 sub-region) */
  N_("Central America"),
  /* Translators: a world region (UN M49 sub-region) */
  N_("Central Asia"),
  /* Translators: a world region (UN M49 sub-region) */
  N_("Eastern Africa"),
  /* Translators: a world region (UN M49 sub-region) */
  N_("Eastern Asia"),
  /* Translators: a world region (UN M49 sub-region) */
  N_("Eastern Europe"),
  /* Translators: a world region (UN M49 sub-region) */
  N_("Melanesia"),
  /* Translators: a world region (UN M49 sub-region) */
  N_("Micronesia"),
  /* Translators: a world region (UN M49 sub-region) */
  N_("Middle Africa"),
  /* Translators: a world region (UN M49 sub-region) */
  N_("Northern Africa"),
  /* Translators: a world region (UN M49 sub-region) */
  N_("Northern America"),
  /* Translators: a world region (UN M49 sub-region) */
  N_("Northern Europe"),
  /* Translators: a world region (UN M49 sub-region) */
  N_("Polynesia"),
  /* Translators: a world region (UN M49 sub-region) */
  N_("South America"),
  /* Translators: a world region (UN M49 sub-region) */
  N_("South-eastern Asia"),
  /* Translators: a world region (UN M49 sub-region) */
  N_("Southern Africa"),
  /* Translators: a world region (UN M49 sub-region) */
  N_("Southern Asia"),
  /* Translators: a world region (UN M49 sub-region) */
  N_("Southern Europe"),
  /* Translators: a world region (UN M49 sub-region) */
  N_("Western Africa"),
  /* Translators: a world region (UN M49 sub-region) */
  N_("Western Asia"),
  /* Translators: a world region (UN M49 sub-region) */
  N_("Western Europe"),
};

/* ─── Records ────────────────────────────────────────────────────────────── */

VigieOrganisationRecord *
vigie_organisation_record_new (const char *kind)
{
  VigieOrganisationRecord *r = g_new0 (VigieOrganisationRecord, 1);

  r->kind = g_strdup (kind != NULL ? kind : "affiliate");
  r->name = g_strdup ("");
  r->notes = g_strdup ("");
  return r;
}

VigieOrganisationRecord *
vigie_organisation_record_copy (const VigieOrganisationRecord *r)
{
  VigieOrganisationRecord *c;

  g_return_val_if_fail (r != NULL, NULL);
  c = g_new0 (VigieOrganisationRecord, 1);
  *c = *r;
  c->uuid = g_strdup (r->uuid);
  c->kind = g_strdup (r->kind);
  c->name = g_strdup (r->name);
  c->country = g_strdup (r->country);
  c->affiliated_on = g_strdup (r->affiliated_on);
  c->notes = g_strdup (r->notes);
  c->created_at = g_strdup (r->created_at);
  c->updated_at = g_strdup (r->updated_at);
  return c;
}

void
vigie_organisation_record_free (VigieOrganisationRecord *r)
{
  if (r == NULL)
    return;
  g_free (r->uuid);
  g_free (r->kind);
  g_free (r->name);
  g_free (r->country);
  g_free (r->affiliated_on);
  g_free (r->notes);
  g_free (r->created_at);
  g_free (r->updated_at);
  g_free (r);
}

VigieContractProduct *
vigie_contract_product_new (const char *model,
                            const char *product,
                            gint64      quantity)
{
  VigieContractProduct *p = g_new0 (VigieContractProduct, 1);

  p->model = g_strdup (model != NULL ? model : "");
  p->product = g_strdup (product != NULL ? product : "");
  p->quantity = quantity;
  return p;
}

void
vigie_contract_product_free (VigieContractProduct *p)
{
  if (p == NULL)
    return;
  g_free (p->model);
  g_free (p->product);
  g_free (p);
}

static VigieContractProduct *
product_copy (const VigieContractProduct *p)
{
  VigieContractProduct *c = vigie_contract_product_new (p->model, p->product, p->quantity);

  c->id = p->id;
  return c;
}

VigieContractLink *
vigie_contract_link_new (gint64      site_id,
                         const char *tier,
                         const char *source)
{
  VigieContractLink *l = g_new0 (VigieContractLink, 1);

  l->site_id = site_id;
  l->product_index = -1;
  l->tier = g_strdup (tier != NULL ? tier : "final_assembly");
  l->source = g_strdup (source != NULL ? source : "contractor_disclosure");
  return l;
}

void
vigie_contract_link_free (VigieContractLink *l)
{
  if (l == NULL)
    return;
  g_free (l->site_name);
  g_free (l->tier);
  g_free (l->source);
  g_free (l->disclosed_on);
  g_free (l);
}

static VigieContractLink *
link_copy (const VigieContractLink *l)
{
  VigieContractLink *c = vigie_contract_link_new (l->site_id, l->tier, l->source);

  c->id = l->id;
  c->site_name = g_strdup (l->site_name);
  c->product_index = l->product_index;
  c->disclosed_on = g_strdup (l->disclosed_on);
  return c;
}

VigieContractRecord *
vigie_contract_record_new (void)
{
  VigieContractRecord *r = g_new0 (VigieContractRecord, 1);

  r->reference = g_strdup ("");
  r->annual_spend_minor = -1;
  r->notes = g_strdup ("");
  r->products = g_ptr_array_new_with_free_func ((GDestroyNotify) vigie_contract_product_free);
  r->links = g_ptr_array_new_with_free_func ((GDestroyNotify) vigie_contract_link_free);
  return r;
}

VigieContractRecord *
vigie_contract_record_copy (const VigieContractRecord *r)
{
  VigieContractRecord *c;

  g_return_val_if_fail (r != NULL, NULL);
  c = vigie_contract_record_new ();
  c->id = r->id;
  c->uuid = g_strdup (r->uuid);
  g_free (c->reference);
  c->reference = g_strdup (r->reference);
  c->affiliate_id = r->affiliate_id;
  c->contractor_id = r->contractor_id;
  c->brand_id = r->brand_id;
  c->start_date = g_strdup (r->start_date);
  c->end_date = g_strdup (r->end_date);
  c->annual_spend_minor = r->annual_spend_minor;
  c->currency = g_strdup (r->currency);
  g_free (c->notes);
  c->notes = g_strdup (r->notes);
  for (guint i = 0; i < r->products->len; i++)
    g_ptr_array_add (c->products, product_copy (g_ptr_array_index (r->products, i)));
  for (guint i = 0; i < r->links->len; i++)
    g_ptr_array_add (c->links, link_copy (g_ptr_array_index (r->links, i)));
  return c;
}

void
vigie_contract_record_free (VigieContractRecord *r)
{
  if (r == NULL)
    return;
  g_free (r->uuid);
  g_free (r->reference);
  g_free (r->start_date);
  g_free (r->end_date);
  g_free (r->currency);
  g_free (r->notes);
  g_ptr_array_unref (r->products);
  g_ptr_array_unref (r->links);
  g_free (r);
}

VigieDisclosureRecord *
vigie_disclosure_record_new (void)
{
  VigieDisclosureRecord *r = g_new0 (VigieDisclosureRecord, 1);

  r->subject = g_strdup ("site_names");
  r->requested_on = vigie_today_iso ();
  r->status = g_strdup ("requested");
  r->notes = g_strdup ("");
  return r;
}

VigieDisclosureRecord *
vigie_disclosure_record_copy (const VigieDisclosureRecord *r)
{
  VigieDisclosureRecord *c;

  g_return_val_if_fail (r != NULL, NULL);
  c = g_new0 (VigieDisclosureRecord, 1);
  *c = *r;
  c->uuid = g_strdup (r->uuid);
  c->subject = g_strdup (r->subject);
  c->tier = g_strdup (r->tier);
  c->requested_on = g_strdup (r->requested_on);
  c->due_on = g_strdup (r->due_on);
  c->answered_on = g_strdup (r->answered_on);
  c->status = g_strdup (r->status);
  c->notes = g_strdup (r->notes);
  return c;
}

void
vigie_disclosure_record_free (VigieDisclosureRecord *r)
{
  if (r == NULL)
    return;
  g_free (r->uuid);
  g_free (r->subject);
  g_free (r->tier);
  g_free (r->requested_on);
  g_free (r->due_on);
  g_free (r->answered_on);
  g_free (r->status);
  g_free (r->notes);
  g_free (r);
}

void
vigie_organisation_summary_free (VigieOrganisationSummary *s)
{
  if (s == NULL)
    return;
  g_free (s->kind);
  g_free (s->name);
  g_free (s->country);
  g_free (s->consortium_name);
  g_free (s);
}

void
vigie_contract_summary_free (VigieContractSummary *s)
{
  if (s == NULL)
    return;
  g_free (s->reference);
  g_free (s->affiliate_name);
  g_free (s->contractor_name);
  g_free (s->brand_name);
  g_free (s->start_date);
  g_free (s->end_date);
  g_free (s->currency);
  g_free (s->models);
  g_free (s);
}

void
vigie_disclosure_summary_free (VigieDisclosureSummary *s)
{
  if (s == NULL)
    return;
  vigie_disclosure_record_free (s->record);
  g_free (s->organisation_name);
  g_free (s->contract_reference);
  g_free (s);
}

void
vigie_labelled_count_free (VigieLabelledCount *c)
{
  if (c == NULL)
    return;
  g_free (c->key);
  g_free (c->label);
  g_free (c);
}

void
vigie_spend_free (VigieSpend *s)
{
  if (s == NULL)
    return;
  g_free (s->currency);
  g_free (s);
}

void
vigie_tier_disclosure_free (VigieTierDisclosure *t)
{
  if (t == NULL)
    return;
  g_free (t->tier);
  g_free (t->label);
  g_free (t);
}

void
vigie_leverage_site_free (VigieLeverageSite *s)
{
  if (s == NULL)
    return;
  g_free (s->name);
  g_free (s->country);
  g_free (s->region);
  g_free (s->tiers);
  g_clear_pointer (&s->spend, g_ptr_array_unref);
  g_free (s);
}

void
vigie_supplier_dashboard_free (VigieSupplierDashboard *d)
{
  if (d == NULL)
    return;
  g_free (d->kind);
  g_free (d->name);
  g_free (d->ranking_currency);
  g_clear_pointer (&d->spend, g_ptr_array_unref);
  g_clear_pointer (&d->countries, g_ptr_array_unref);
  g_clear_pointer (&d->regions, g_ptr_array_unref);
  g_clear_pointer (&d->themes, g_ptr_array_unref);
  g_clear_pointer (&d->remediation, g_ptr_array_unref);
  g_clear_pointer (&d->tiers, g_ptr_array_unref);
  g_clear_pointer (&d->sites, g_ptr_array_unref);
  g_free (d);
}

/* ─── Small helpers ──────────────────────────────────────────────────────── */

static void add_error (GPtrArray  *errors,
                       const char *field,
                       const char *format,
                       ...) G_GNUC_PRINTF (3, 4);

static void
add_error (GPtrArray  *errors,
           const char *field,
           const char *format,
           ...)
{
  VigieFieldError *e = g_new0 (VigieFieldError, 1);
  va_list args;

  va_start (args, format);
  e->field = g_intern_string (field);
  e->reason = g_strdup_vprintf (format, args);
  va_end (args);
  g_ptr_array_add (errors, e);
}

static GPtrArray *
new_errors (void)
{
  return g_ptr_array_new_with_free_func ((GDestroyNotify) vigie_field_error_free);
}

static gboolean
is_blank (const char *text)
{
  if (text == NULL)
    return TRUE;
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    if (!g_unichar_isspace (g_utf8_get_char (p)))
      return FALSE;
  return TRUE;
}

static gboolean
is_set (const char *text)
{
  return text != NULL && *text != '\0';
}

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

static char *
column_text (sqlite3_stmt *stmt,
             int           col)
{
  const char *text = (const char *) sqlite3_column_text (stmt, col);

  return g_strdup (text != NULL ? text : "");
}

static gint64
column_id (sqlite3_stmt *stmt,
           int           col)
{
  return sqlite3_column_type (stmt, col) == SQLITE_NULL ? 0 : sqlite3_column_int64 (stmt, col);
}

static gint64
column_int_or_unknown (sqlite3_stmt *stmt,
                       int           col)
{
  return sqlite3_column_type (stmt, col) == SQLITE_NULL ? -1 : sqlite3_column_int64 (stmt, col);
}

static void
bind_id (sqlite3_stmt *stmt,
         int           index,
         gint64        id)
{
  if (id <= 0)
    sqlite3_bind_null (stmt, index);
  else
    sqlite3_bind_int64 (stmt, index, id);
}

static void
bind_int_or_null (sqlite3_stmt *stmt,
                  int           index,
                  gint64        value)
{
  if (value < 0)
    sqlite3_bind_null (stmt, index);
  else
    sqlite3_bind_int64 (stmt, index, value);
}

static void
bind_opt_text (sqlite3_stmt *stmt,
               int           index,
               const char   *text)
{
  vigie_bind_text (stmt, index, is_set (text) ? text : NULL);
}

/* The kind of organisation ID, or NULL when there is none. */
static char *
organisation_kind (VigieStore *store,
                   gint64      id)
{
  sqlite3_stmt *stmt = vigie_store_prepare (store, "SELECT kind FROM organisations WHERE id = ?",
                                            NULL);
  char *kind = NULL;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    kind = vigie_column_dup (stmt, 0);
  sqlite3_reset (stmt);
  return kind;
}

static gboolean
row_exists (VigieStore *store,
            const char *sql,
            gint64      id)
{
  sqlite3_stmt *stmt = vigie_store_prepare (store, sql, NULL);
  gboolean found;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  found = sqlite3_step (stmt) == SQLITE_ROW;
  sqlite3_reset (stmt);
  return found;
}

static gboolean
country_known (VigieStore *store,
               const char *code)
{
  sqlite3_stmt *stmt = vigie_store_prepare (store, "SELECT 1 FROM countries WHERE code = ?",
                                            NULL);
  gboolean known;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, code, -1, SQLITE_TRANSIENT);
  known = sqlite3_step (stmt) == SQLITE_ROW;
  sqlite3_reset (stmt);
  return known;
}

static void
check_date (GPtrArray  *errors,
            const char *field,
            const char *value)
{
  g_autofree char *reason = NULL;

  if (is_set (value) && !vigie_validate_date (value, &reason))
    add_error (errors, field, "%s", reason);
}

/* ─── Validation ─────────────────────────────────────────────────────────── */

GPtrArray *
vigie_organisation_validate (VigieStore                    *store,
                             const VigieOrganisationRecord *record)
{
  GPtrArray *errors = new_errors ();

  g_return_val_if_fail (record != NULL, errors);

  if (is_blank (record->name))
    add_error (errors, "name", "%s", _("Enter the name of the organisation"));
  else if (g_utf8_strlen (record->name, -1) > MAX_NAME)
    add_error (errors, "name", _("The name is longer than %d characters"), MAX_NAME);

  if (record->kind == NULL || !vigie_vocab_is_valid (VIGIE_VOCAB_ORGANISATION_KIND, record->kind))
    add_error (errors, "kind", _("“%s” is not a kind of organisation"),
               record->kind != NULL ? record->kind : "");

  if (is_set (record->country)
      && (strlen (record->country) != 2 || (store != NULL && !country_known (store, record->country))))
    add_error (errors, "country", _("“%s” is not a known country code"), record->country);

  if (record->consortium_id > 0)
    {
      if (g_strcmp0 (record->kind, "affiliate") != 0)
        add_error (errors, "consortium_id", "%s",
                   _("Only an affiliate can affiliate through a consortium"));
      else if (record->consortium_id == record->id)
        add_error (errors, "consortium_id", "%s",
                   _("An organisation cannot be its own consortium"));
      else if (store != NULL)
        {
          g_autofree char *kind = organisation_kind (store, record->consortium_id);

          if (g_strcmp0 (kind, "consortium") != 0)
            add_error (errors, "consortium_id", "%s",
                       _("Choose a purchasing consortium"));
        }
    }

  check_date (errors, "affiliated_on", record->affiliated_on);
  return errors;
}

static void
check_party (VigieStore *store,
             GPtrArray  *errors,
             const char *field,
             gint64      id,
             const char *kind,
             const char *reason)
{
  g_autofree char *actual = NULL;

  if (id <= 0 || store == NULL)
    return;
  actual = organisation_kind (store, id);
  if (g_strcmp0 (actual, kind) != 0)
    add_error (errors, field, "%s", reason);
}

GPtrArray *
vigie_contract_validate (VigieStore                *store,
                         const VigieContractRecord *record)
{
  GPtrArray *errors = new_errors ();

  g_return_val_if_fail (record != NULL, errors);

  if (record->reference != NULL && g_utf8_strlen (record->reference, -1) > MAX_NAME)
    add_error (errors, "reference", _("The reference is longer than %d characters"), MAX_NAME);

  if (record->affiliate_id <= 0)
    add_error (errors, "affiliate_id", "%s", _("Choose the affiliate that signed the contract"));
  else
    check_party (store, errors, "affiliate_id", record->affiliate_id, "affiliate",
                 _("The buyer of a contract must be an affiliate"));
  check_party (store, errors, "contractor_id", record->contractor_id, "contractor",
               _("Choose a contractor"));
  check_party (store, errors, "brand_id", record->brand_id, "brand", _("Choose a brand"));

  check_date (errors, "start_date", record->start_date);
  check_date (errors, "end_date", record->end_date);
  if (is_set (record->start_date) && is_set (record->end_date)
      && vigie_validate_date (record->start_date, NULL)
      && vigie_validate_date (record->end_date, NULL)
      && strcmp (record->end_date, record->start_date) < 0)
    add_error (errors, "end_date", "%s", _("The contract ends before it starts"));

  if (record->annual_spend_minor < -1)
    add_error (errors, "annual_spend_minor", "%s", _("The spend cannot be negative"));
  if (is_set (record->currency))
    {
      g_autofree char *reason = NULL;

      if (!vigie_validate_currency (record->currency, &reason))
        add_error (errors, "currency", "%s", reason);
    }
  else if (record->annual_spend_minor >= 0)
    add_error (errors, "currency", "%s", _("Enter the currency of the spend"));

  for (guint i = 0; i < record->products->len; i++)
    {
      VigieContractProduct *p = g_ptr_array_index (record->products, i);
      g_autofree char *field = NULL;

      if (is_blank (p->model))
        {
          field = g_strdup_printf ("products[%u].model", i);
          add_error (errors, field, "%s", _("Enter the product model"));
        }
      else if (g_utf8_strlen (p->model, -1) > MAX_NAME)
        {
          field = g_strdup_printf ("products[%u].model", i);
          add_error (errors, field, _("The model is longer than %d characters"), MAX_NAME);
        }
      if (is_set (p->product) && !vigie_vocab_is_valid (VIGIE_VOCAB_PRODUCT, p->product))
        {
          g_free (field);
          field = g_strdup_printf ("products[%u].product", i);
          add_error (errors, field, _("“%s” is not a product category"), p->product);
        }
      if (p->quantity < -1)
        {
          g_free (field);
          field = g_strdup_printf ("products[%u].quantity", i);
          add_error (errors, field, "%s", _("The quantity cannot be negative"));
        }
    }

  for (guint i = 0; i < record->links->len; i++)
    {
      VigieContractLink *l = g_ptr_array_index (record->links, i);
      g_autofree char *field = NULL;

      if (l->site_id <= 0
          || (store != NULL && !row_exists (store, "SELECT 1 FROM sites WHERE id = ?", l->site_id)))
        {
          field = g_strdup_printf ("links[%u].site_id", i);
          add_error (errors, field, "%s", _("Choose the site to link"));
        }
      if (l->tier == NULL || !vigie_vocab_is_valid (VIGIE_VOCAB_TIER, l->tier))
        {
          g_free (field);
          field = g_strdup_printf ("links[%u].tier", i);
          add_error (errors, field, "%s", _("Choose the tier of the site"));
        }
      if (l->source == NULL || !vigie_vocab_is_valid (VIGIE_VOCAB_LINK_SOURCE, l->source))
        {
          g_free (field);
          field = g_strdup_printf ("links[%u].source", i);
          add_error (errors, field, "%s", _("Choose where the link comes from"));
        }
      if (l->product_index >= (int) record->products->len)
        {
          g_free (field);
          field = g_strdup_printf ("links[%u].product", i);
          add_error (errors, field, "%s", _("The product model of the link is not in the contract"));
        }
      if (is_set (l->disclosed_on))
        {
          g_free (field);
          field = g_strdup_printf ("links[%u].disclosed_on", i);
          check_date (errors, field, l->disclosed_on);
        }
      for (guint j = 0; j < i; j++)
        {
          VigieContractLink *o = g_ptr_array_index (record->links, j);

          if (o->site_id == l->site_id && g_strcmp0 (o->tier, l->tier) == 0)
            {
              g_free (field);
              field = g_strdup_printf ("links[%u].site_id", i);
              add_error (errors, field, "%s",
                         _("The site is already linked to this contract at this tier"));
              break;
            }
        }
    }
  return errors;
}

GPtrArray *
vigie_disclosure_validate (VigieStore                  *store,
                           const VigieDisclosureRecord *record)
{
  GPtrArray *errors = new_errors ();
  gboolean requested_ok;

  g_return_val_if_fail (record != NULL, errors);

  if (record->organisation_id <= 0
      || (store != NULL
          && !row_exists (store, "SELECT 1 FROM organisations WHERE id = ?",
                          record->organisation_id)))
    add_error (errors, "organisation_id", "%s", _("Choose who was asked"));
  if (record->contract_id > 0 && store != NULL
      && !row_exists (store, "SELECT 1 FROM contracts WHERE id = ?", record->contract_id))
    add_error (errors, "contract_id", "%s", _("The contract no longer exists"));

  if (record->subject == NULL
      || !vigie_vocab_is_valid (VIGIE_VOCAB_DISCLOSURE_SUBJECT, record->subject))
    add_error (errors, "subject", "%s", _("Choose what was asked"));
  if (is_set (record->tier) && !vigie_vocab_is_valid (VIGIE_VOCAB_TIER, record->tier))
    add_error (errors, "tier", _("“%s” is not a tier"), record->tier);
  if (record->status == NULL
      || !vigie_vocab_is_valid (VIGIE_VOCAB_DISCLOSURE_STATUS, record->status))
    add_error (errors, "status", "%s", _("Choose the status of the request"));

  if (!is_set (record->requested_on))
    add_error (errors, "requested_on", "%s", _("Enter the date of the request"));
  else
    check_date (errors, "requested_on", record->requested_on);
  requested_ok = is_set (record->requested_on)
                 && vigie_validate_date (record->requested_on, NULL);

  check_date (errors, "due_on", record->due_on);
  if (requested_ok && is_set (record->due_on) && vigie_validate_date (record->due_on, NULL)
      && strcmp (record->due_on, record->requested_on) < 0)
    add_error (errors, "due_on", "%s", _("The due date is before the request"));

  check_date (errors, "answered_on", record->answered_on);
  if (requested_ok && is_set (record->answered_on)
      && vigie_validate_date (record->answered_on, NULL)
      && strcmp (record->answered_on, record->requested_on) < 0)
    add_error (errors, "answered_on", "%s", _("The answer is dated before the request"));
  if (!is_set (record->answered_on) && record->status != NULL
      && strcmp (record->status, "requested") != 0
      && vigie_vocab_is_valid (VIGIE_VOCAB_DISCLOSURE_STATUS, record->status))
    add_error (errors, "answered_on", "%s",
               _("Enter the date of the answer (or set the status back to requested)"));
  return errors;
}

/* ─── Organisations ──────────────────────────────────────────────────────── */

#define ORG_COLUMNS "id, uuid, kind, name, country, parent_id, consortium_id, affiliated_on, " \
                    "notes, created_at, updated_at"

static gboolean
audit_row (VigieStore  *store,
           const char  *table,
           gint64       id,
           const char  *action,
           const char  *old_json,
           GError     **error)
{
  g_autofree char *new_json = NULL;

  if (strcmp (action, "delete") != 0)
    new_json = vigie_store_snapshot (store, table, id);
  return vigie_store_audit (store, table, id, action, old_json, new_json, error);
}

VigieOrganisationRecord *
vigie_store_get_organisation (VigieStore  *store,
                              gint64       id,
                              GError     **error)
{
  sqlite3_stmt *stmt;
  VigieOrganisationRecord *r;
  int rc;

  g_return_val_if_fail (VIGIE_IS_STORE (store), NULL);

  stmt = vigie_store_prepare (store, "SELECT " ORG_COLUMNS " FROM organisations WHERE id = ?",
                              error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      if (rc == SQLITE_DONE)
        g_set_error (error, VIGIE_STORE_ERROR, VIGIE_STORE_ERROR_NOT_FOUND, "%s",
                     _("The organisation no longer exists"));
      else
        vigie_store_set_error (store, rc, error);
      sqlite3_reset (stmt);
      return NULL;
    }
  r = g_new0 (VigieOrganisationRecord, 1);
  r->id = sqlite3_column_int64 (stmt, 0);
  r->uuid = vigie_column_dup (stmt, 1);
  r->kind = column_text (stmt, 2);
  r->name = column_text (stmt, 3);
  r->country = vigie_column_dup (stmt, 4);
  r->parent_id = column_id (stmt, 5);
  r->consortium_id = column_id (stmt, 6);
  r->affiliated_on = vigie_column_dup (stmt, 7);
  r->notes = column_text (stmt, 8);
  r->created_at = vigie_column_dup (stmt, 9);
  r->updated_at = vigie_column_dup (stmt, 10);
  sqlite3_reset (stmt);
  return r;
}

static void
bind_organisation (sqlite3_stmt                  *stmt,
                   const VigieOrganisationRecord *r)
{
  vigie_bind_text_or_empty (stmt, 2, r->kind);
  bind_opt_text (stmt, 4, r->country);
  bind_id (stmt, 5, r->parent_id);
  bind_id (stmt, 6, g_strcmp0 (r->kind, "affiliate") == 0 ? r->consortium_id : 0);
  bind_opt_text (stmt, 7, r->affiliated_on);
  vigie_bind_text_or_empty (stmt, 8, r->notes);
}

gint64
vigie_store_insert_organisation (VigieStore               *store,
                                 VigieOrganisationRecord  *record,
                                 GError                  **error)
{
  g_autoptr(GPtrArray) errors = NULL;
  g_autofree char *now = NULL;
  g_autofree char *name = NULL;
  sqlite3_stmt *stmt;
  gint64 id;

  g_return_val_if_fail (VIGIE_IS_STORE (store), 0);
  g_return_val_if_fail (record != NULL, 0);

  errors = vigie_organisation_validate (store, record);
  if (refuse_invalid (errors, error))
    return 0;
  if (!vigie_store_begin (store, error))
    return 0;
  stmt = vigie_store_prepare (store,
                              "INSERT INTO organisations (uuid, kind, name, country, parent_id, "
                              "consortium_id, affiliated_on, notes, created_at, updated_at) "
                              "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?9)", error);
  if (stmt == NULL)
    goto fail;
  if (record->uuid == NULL)
    record->uuid = vigie_uuid_new ();
  now = vigie_now_iso ();
  name = g_strstrip (g_strdup (record->name));
  sqlite3_bind_text (stmt, 1, record->uuid, -1, SQLITE_TRANSIENT);
  bind_organisation (stmt, record);
  sqlite3_bind_text (stmt, 3, name, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 9, now, -1, SQLITE_TRANSIENT);
  if (!vigie_store_step_done (store, stmt, error))
    goto fail;
  id = sqlite3_last_insert_rowid (vigie_store_get_db (store));
  if (!audit_row (store, "organisations", id, "insert", NULL, error)
      || !vigie_store_commit (store, error))
    goto fail;
  record->id = id;
  g_free (record->created_at);
  record->created_at = g_strdup (now);
  g_free (record->updated_at);
  record->updated_at = g_strdup (now);
  return id;

fail:
  vigie_store_rollback (store);
  return 0;
}

gboolean
vigie_store_update_organisation (VigieStore                     *store,
                                 const VigieOrganisationRecord  *record,
                                 GError                        **error)
{
  g_autoptr(GPtrArray) errors = NULL;
  g_autofree char *old_json = NULL;
  g_autofree char *now = NULL;
  g_autofree char *name = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (VIGIE_IS_STORE (store), FALSE);
  g_return_val_if_fail (record != NULL, FALSE);

  errors = vigie_organisation_validate (store, record);
  if (refuse_invalid (errors, error))
    return FALSE;
  if (!vigie_store_begin (store, error))
    return FALSE;
  old_json = vigie_store_snapshot (store, "organisations", record->id);
  if (old_json == NULL)
    {
      g_set_error (error, VIGIE_STORE_ERROR, VIGIE_STORE_ERROR_NOT_FOUND, "%s",
                   _("The organisation no longer exists"));
      goto fail;
    }
  stmt = vigie_store_prepare (store,
                              "UPDATE organisations SET kind = ?2, name = ?3, country = ?4, "
                              "parent_id = ?5, consortium_id = ?6, affiliated_on = ?7, "
                              "notes = ?8, updated_at = ?9 WHERE id = ?1", error);
  if (stmt == NULL)
    goto fail;
  now = vigie_now_iso ();
  name = g_strstrip (g_strdup (record->name));
  sqlite3_bind_int64 (stmt, 1, record->id);
  bind_organisation (stmt, record);
  sqlite3_bind_text (stmt, 3, name, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 9, now, -1, SQLITE_TRANSIENT);
  if (!vigie_store_step_done (store, stmt, error)
      || !audit_row (store, "organisations", record->id, "update", old_json, error))
    goto fail;
  return vigie_store_commit (store, error);

fail:
  vigie_store_rollback (store);
  return FALSE;
}

static gint64
count_with_id (VigieStore *store,
               const char *sql,
               gint64      id)
{
  sqlite3_stmt *stmt = vigie_store_prepare (store, sql, NULL);
  gint64 n = 0;

  if (stmt == NULL)
    return 0;
  sqlite3_bind_int64 (stmt, 1, id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    n = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  return n;
}

gboolean
vigie_store_delete_organisation (VigieStore  *store,
                                 gint64       id,
                                 GError     **error)
{
  g_autofree char *old_json = NULL;
  sqlite3_stmt *stmt;
  gint64 n_contracts, n_requests;

  g_return_val_if_fail (VIGIE_IS_STORE (store), FALSE);

  n_contracts = count_with_id (store, "SELECT count (*) FROM contracts WHERE affiliate_id = ?1 "
                               "OR contractor_id = ?1 OR brand_id = ?1", id);
  n_requests = count_with_id (store, "SELECT count (*) FROM disclosure_requests "
                              "WHERE organisation_id = ?1", id);
  if (n_contracts > 0)
    {
      g_set_error (error, VIGIE_STORE_ERROR, VIGIE_STORE_ERROR_CONSTRAINT,
                   g_dngettext (GETTEXT_PACKAGE,
                                "The organisation is a party to %d contract: delete it first",
                                "The organisation is a party to %d contracts: delete them first",
                                (gulong) n_contracts), (int) n_contracts);
      return FALSE;
    }
  if (n_requests > 0)
    {
      g_set_error (error, VIGIE_STORE_ERROR, VIGIE_STORE_ERROR_CONSTRAINT,
                   g_dngettext (GETTEXT_PACKAGE,
                                "%d disclosure request was sent to the organisation: delete it first",
                                "%d disclosure requests were sent to the organisation: delete them first",
                                (gulong) n_requests), (int) n_requests);
      return FALSE;
    }

  if (!vigie_store_begin (store, error))
    return FALSE;
  old_json = vigie_store_snapshot (store, "organisations", id);
  if (old_json == NULL)
    {
      g_set_error (error, VIGIE_STORE_ERROR, VIGIE_STORE_ERROR_NOT_FOUND, "%s",
                   _("The organisation no longer exists"));
      goto fail;
    }
  stmt = vigie_store_prepare (store, "DELETE FROM organisations WHERE id = ?", error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, id);
  if (!vigie_store_step_done (store, stmt, error)
      || !vigie_store_audit (store, "organisations", id, "delete", old_json, NULL, error))
    goto fail;
  return vigie_store_commit (store, error);

fail:
  vigie_store_rollback (store);
  return FALSE;
}

/* ─── Contracts ──────────────────────────────────────────────────────────── */

VigieContractRecord *
vigie_store_get_contract (VigieStore  *store,
                          gint64       id,
                          GError     **error)
{
  g_autoptr(VigieContractRecord) r = NULL;
  g_autoptr(GArray) product_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (VIGIE_IS_STORE (store), NULL);

  stmt = vigie_store_prepare (store,
                              "SELECT id, uuid, reference, affiliate_id, contractor_id, brand_id, "
                              "start_date, end_date, annual_spend_minor, currency, notes "
                              "FROM contracts WHERE id = ?", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      if (rc == SQLITE_DONE)
        g_set_error (error, VIGIE_STORE_ERROR, VIGIE_STORE_ERROR_NOT_FOUND, "%s",
                     _("The contract no longer exists"));
      else
        vigie_store_set_error (store, rc, error);
      sqlite3_reset (stmt);
      return NULL;
    }
  r = vigie_contract_record_new ();
  r->id = sqlite3_column_int64 (stmt, 0);
  r->uuid = vigie_column_dup (stmt, 1);
  g_free (r->reference);
  r->reference = column_text (stmt, 2);
  r->affiliate_id = column_id (stmt, 3);
  r->contractor_id = column_id (stmt, 4);
  r->brand_id = column_id (stmt, 5);
  r->start_date = vigie_column_dup (stmt, 6);
  r->end_date = vigie_column_dup (stmt, 7);
  r->annual_spend_minor = column_int_or_unknown (stmt, 8);
  r->currency = vigie_column_dup (stmt, 9);
  g_free (r->notes);
  r->notes = column_text (stmt, 10);
  sqlite3_reset (stmt);

  stmt = vigie_store_prepare (store, "SELECT id, model, product, quantity FROM contract_products "
                              "WHERE contract_id = ? ORDER BY id", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      VigieContractProduct *p = vigie_contract_product_new ((const char *) sqlite3_column_text (stmt, 1),
                                                            (const char *) sqlite3_column_text (stmt, 2),
                                                            column_int_or_unknown (stmt, 3));

      p->id = sqlite3_column_int64 (stmt, 0);
      g_array_append_val (product_ids, p->id);
      g_ptr_array_add (r->products, p);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      vigie_store_set_error (store, rc, error);
      return NULL;
    }

  stmt = vigie_store_prepare (store,
                              "SELECT cs.id, cs.site_id, s.name, cs.product_id, cs.tier, cs.source, "
                              "cs.disclosed_on FROM contract_sites cs JOIN sites s ON s.id = cs.site_id "
                              "WHERE cs.contract_id = ? ORDER BY s.name COLLATE NOCASE, cs.id",
                              error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      VigieContractLink *l = vigie_contract_link_new (sqlite3_column_int64 (stmt, 1),
                                                      (const char *) sqlite3_column_text (stmt, 4),
                                                      (const char *) sqlite3_column_text (stmt, 5));
      gint64 product_id = column_id (stmt, 3);

      l->id = sqlite3_column_int64 (stmt, 0);
      l->site_name = column_text (stmt, 2);
      l->disclosed_on = vigie_column_dup (stmt, 6);
      for (guint i = 0; i < product_ids->len; i++)
        if (g_array_index (product_ids, gint64, i) == product_id)
          l->product_index = (int) i;
      g_ptr_array_add (r->links, l);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      vigie_store_set_error (store, rc, error);
      return NULL;
    }
  return g_steal_pointer (&r);
}

static void
bind_contract (sqlite3_stmt              *stmt,
               const VigieContractRecord *r)
{
  vigie_bind_text_or_empty (stmt, 2, r->reference);
  sqlite3_bind_int64 (stmt, 3, r->affiliate_id);
  bind_id (stmt, 4, r->contractor_id);
  bind_id (stmt, 5, r->brand_id);
  bind_opt_text (stmt, 6, r->start_date);
  bind_opt_text (stmt, 7, r->end_date);
  bind_int_or_null (stmt, 8, r->annual_spend_minor);
  bind_opt_text (stmt, 9, r->currency);
  vigie_bind_text_or_empty (stmt, 10, r->notes);
}

static gboolean
delete_audited (VigieStore  *store,
                const char  *table,
                const char  *delete_sql,
                gint64       id,
                GError     **error)
{
  g_autofree char *old_json = vigie_store_snapshot (store, table, id);
  sqlite3_stmt *stmt = vigie_store_prepare (store, delete_sql, error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  if (!vigie_store_step_done (store, stmt, error))
    return FALSE;
  return vigie_store_audit (store, table, id, "delete", old_json, NULL, error);
}

static GArray *
ids_of (VigieStore  *store,
        const char  *sql,
        gint64       id,
        GError     **error)
{
  sqlite3_stmt *stmt = vigie_store_prepare (store, sql, error);
  GArray *ids;
  int rc;

  if (stmt == NULL)
    return NULL;
  ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  sqlite3_bind_int64 (stmt, 1, id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 v = sqlite3_column_int64 (stmt, 0);
      g_array_append_val (ids, v);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      vigie_store_set_error (store, rc, error);
      g_array_unref (ids);
      return NULL;
    }
  return ids;
}

static gint64
insert_link (VigieStore  *store,
             gint64       contract_id,
             gint64       site_id,
             gint64       product_id,
             const char  *tier,
             const char  *source,
             const char  *disclosed_on,
             GError     **error)
{
  sqlite3_stmt *stmt;
  gint64 id;

  stmt = vigie_store_prepare (store,
                              "INSERT INTO contract_sites (contract_id, site_id, product_id, tier, "
                              "source, disclosed_on) VALUES (?, ?, ?, ?, ?, ?)", error);
  if (stmt == NULL)
    return 0;
  sqlite3_bind_int64 (stmt, 1, contract_id);
  sqlite3_bind_int64 (stmt, 2, site_id);
  bind_id (stmt, 3, product_id);
  vigie_bind_text_or_empty (stmt, 4, tier);
  vigie_bind_text_or_empty (stmt, 5, source);
  bind_opt_text (stmt, 6, disclosed_on);
  if (!vigie_store_step_done (store, stmt, error))
    return 0;
  id = sqlite3_last_insert_rowid (vigie_store_get_db (store));
  if (!audit_row (store, "contract_sites", id, "insert", NULL, error))
    return 0;
  return id;
}

/* Writes the products (keeping ids) and replaces the links of RECORD, inside a transaction. */
static gboolean
write_contract_children (VigieStore           *store,
                         VigieContractRecord  *record,
                         gboolean              existing,
                         GError              **error)
{
  g_autoptr(GArray) old_products = NULL;
  g_autoptr(GArray) old_links = NULL;
  sqlite3_stmt *stmt;

  if (existing)
    {
      old_links = ids_of (store, "SELECT id FROM contract_sites WHERE contract_id = ? ORDER BY id",
                          record->id, error);
      if (old_links == NULL)
        return FALSE;
      for (guint i = 0; i < old_links->len; i++)
        if (!delete_audited (store, "contract_sites", "DELETE FROM contract_sites WHERE id = ?",
                             g_array_index (old_links, gint64, i), error))
          return FALSE;

      old_products = ids_of (store, "SELECT id FROM contract_products WHERE contract_id = ? "
                             "ORDER BY id", record->id, error);
      if (old_products == NULL)
        return FALSE;
      for (guint i = 0; i < old_products->len; i++)
        {
          gint64 pid = g_array_index (old_products, gint64, i);
          gboolean kept = FALSE;

          for (guint j = 0; j < record->products->len && !kept; j++)
            kept = ((VigieContractProduct *) g_ptr_array_index (record->products, j))->id == pid;
          if (!kept && !delete_audited (store, "contract_products",
                                        "DELETE FROM contract_products WHERE id = ?", pid, error))
            return FALSE;
        }
    }

  for (guint i = 0; i < record->products->len; i++)
    {
      VigieContractProduct *p = g_ptr_array_index (record->products, i);
      g_autofree char *old_json = NULL;
      g_autofree char *model = g_strstrip (g_strdup (p->model));
      gboolean update = FALSE;

      if (p->id > 0 && old_products != NULL)
        for (guint j = 0; j < old_products->len && !update; j++)
          update = g_array_index (old_products, gint64, j) == p->id;

      if (update)
        {
          old_json = vigie_store_snapshot (store, "contract_products", p->id);
          stmt = vigie_store_prepare (store, "UPDATE contract_products SET model = ?2, "
                                      "product = ?3, quantity = ?4 WHERE id = ?1", error);
          if (stmt == NULL)
            return FALSE;
          sqlite3_bind_int64 (stmt, 1, p->id);
        }
      else
        {
          stmt = vigie_store_prepare (store, "INSERT INTO contract_products (contract_id, model, "
                                      "product, quantity) VALUES (?1, ?2, ?3, ?4)", error);
          if (stmt == NULL)
            return FALSE;
          sqlite3_bind_int64 (stmt, 1, record->id);
        }
      sqlite3_bind_text (stmt, 2, model, -1, SQLITE_TRANSIENT);
      vigie_bind_text_or_empty (stmt, 3, p->product);
      bind_int_or_null (stmt, 4, p->quantity);
      if (!vigie_store_step_done (store, stmt, error))
        return FALSE;
      if (!update)
        p->id = sqlite3_last_insert_rowid (vigie_store_get_db (store));
      if (!audit_row (store, "contract_products", p->id, update ? "update" : "insert",
                      old_json, error))
        return FALSE;
    }

  for (guint i = 0; i < record->links->len; i++)
    {
      VigieContractLink *l = g_ptr_array_index (record->links, i);
      gint64 product_id = 0;

      if (l->product_index >= 0 && l->product_index < (int) record->products->len)
        product_id = ((VigieContractProduct *) g_ptr_array_index (record->products,
                                                                  l->product_index))->id;
      l->id = insert_link (store, record->id, l->site_id, product_id, l->tier, l->source,
                           l->disclosed_on, error);
      if (l->id == 0)
        return FALSE;
    }
  return TRUE;
}

gint64
vigie_store_insert_contract (VigieStore           *store,
                             VigieContractRecord  *record,
                             GError              **error)
{
  g_autoptr(GPtrArray) errors = NULL;
  g_autofree char *now = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (VIGIE_IS_STORE (store), 0);
  g_return_val_if_fail (record != NULL, 0);

  errors = vigie_contract_validate (store, record);
  if (refuse_invalid (errors, error))
    return 0;
  if (!vigie_store_begin (store, error))
    return 0;
  stmt = vigie_store_prepare (store,
                              "INSERT INTO contracts (uuid, reference, affiliate_id, contractor_id, "
                              "brand_id, start_date, end_date, annual_spend_minor, currency, notes, "
                              "created_at, updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, "
                              "?10, ?11, ?11)", error);
  if (stmt == NULL)
    goto fail;
  if (record->uuid == NULL)
    record->uuid = vigie_uuid_new ();
  now = vigie_now_iso ();
  sqlite3_bind_text (stmt, 1, record->uuid, -1, SQLITE_TRANSIENT);
  bind_contract (stmt, record);
  sqlite3_bind_text (stmt, 11, now, -1, SQLITE_TRANSIENT);
  if (!vigie_store_step_done (store, stmt, error))
    goto fail;
  record->id = sqlite3_last_insert_rowid (vigie_store_get_db (store));
  if (!audit_row (store, "contracts", record->id, "insert", NULL, error)
      || !write_contract_children (store, record, FALSE, error)
      || !vigie_store_commit (store, error))
    goto fail;
  return record->id;

fail:
  vigie_store_rollback (store);
  record->id = 0;
  return 0;
}

gboolean
vigie_store_update_contract (VigieStore           *store,
                             VigieContractRecord  *record,
                             GError              **error)
{
  g_autoptr(GPtrArray) errors = NULL;
  g_autofree char *old_json = NULL;
  g_autofree char *now = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (VIGIE_IS_STORE (store), FALSE);
  g_return_val_if_fail (record != NULL, FALSE);

  errors = vigie_contract_validate (store, record);
  if (refuse_invalid (errors, error))
    return FALSE;
  if (!vigie_store_begin (store, error))
    return FALSE;
  old_json = vigie_store_snapshot (store, "contracts", record->id);
  if (old_json == NULL)
    {
      g_set_error (error, VIGIE_STORE_ERROR, VIGIE_STORE_ERROR_NOT_FOUND, "%s",
                   _("The contract no longer exists"));
      goto fail;
    }
  stmt = vigie_store_prepare (store,
                              "UPDATE contracts SET reference = ?2, affiliate_id = ?3, "
                              "contractor_id = ?4, brand_id = ?5, start_date = ?6, end_date = ?7, "
                              "annual_spend_minor = ?8, currency = ?9, notes = ?10, "
                              "updated_at = ?11 WHERE id = ?1", error);
  if (stmt == NULL)
    goto fail;
  now = vigie_now_iso ();
  sqlite3_bind_int64 (stmt, 1, record->id);
  bind_contract (stmt, record);
  sqlite3_bind_text (stmt, 11, now, -1, SQLITE_TRANSIENT);
  if (!vigie_store_step_done (store, stmt, error)
      || !audit_row (store, "contracts", record->id, "update", old_json, error)
      || !write_contract_children (store, record, TRUE, error))
    goto fail;
  return vigie_store_commit (store, error);

fail:
  vigie_store_rollback (store);
  return FALSE;
}

gboolean
vigie_store_delete_contract (VigieStore  *store,
                             gint64       id,
                             GError     **error)
{
  g_autoptr(GArray) children = NULL;

  g_return_val_if_fail (VIGIE_IS_STORE (store), FALSE);

  if (!vigie_store_begin (store, error))
    return FALSE;
  if (!row_exists (store, "SELECT 1 FROM contracts WHERE id = ?", id))
    {
      g_set_error (error, VIGIE_STORE_ERROR, VIGIE_STORE_ERROR_NOT_FOUND, "%s",
                   _("The contract no longer exists"));
      goto fail;
    }
  /* The children go with the contract (ON DELETE CASCADE); keep them in the audit log. */
  children = ids_of (store, "SELECT id FROM contract_sites WHERE contract_id = ?", id, error);
  if (children == NULL)
    goto fail;
  for (guint i = 0; i < children->len; i++)
    if (!delete_audited (store, "contract_sites", "DELETE FROM contract_sites WHERE id = ?",
                         g_array_index (children, gint64, i), error))
      goto fail;
  g_clear_pointer (&children, g_array_unref);
  children = ids_of (store, "SELECT id FROM contract_products WHERE contract_id = ?", id, error);
  if (children == NULL)
    goto fail;
  for (guint i = 0; i < children->len; i++)
    if (!delete_audited (store, "contract_products", "DELETE FROM contract_products WHERE id = ?",
                         g_array_index (children, gint64, i), error))
      goto fail;
  g_clear_pointer (&children, g_array_unref);
  children = ids_of (store, "SELECT id FROM disclosure_requests WHERE contract_id = ?", id, error);
  if (children == NULL)
    goto fail;
  for (guint i = 0; i < children->len; i++)
    if (!delete_audited (store, "disclosure_requests",
                         "DELETE FROM disclosure_requests WHERE id = ?",
                         g_array_index (children, gint64, i), error))
      goto fail;
  if (!delete_audited (store, "contracts", "DELETE FROM contracts WHERE id = ?", id, error))
    goto fail;
  return vigie_store_commit (store, error);

fail:
  vigie_store_rollback (store);
  return FALSE;
}

gint64
vigie_store_link_site (VigieStore  *store,
                       gint64       contract_id,
                       gint64       site_id,
                       const char  *tier,
                       const char  *source,
                       const char  *disclosed_on,
                       GError     **error)
{
  g_autoptr(VigieContractRecord) contract = NULL;
  VigieContractLink *link;
  g_autoptr(GPtrArray) errors = NULL;
  gint64 id;

  g_return_val_if_fail (VIGIE_IS_STORE (store), 0);

  contract = vigie_store_get_contract (store, contract_id, error);
  if (contract == NULL)
    return 0;
  link = vigie_contract_link_new (site_id, tier, source);
  link->disclosed_on = g_strdup (is_set (disclosed_on) ? disclosed_on : NULL);
  g_ptr_array_add (contract->links, link);
  errors = vigie_contract_validate (store, contract);
  if (refuse_invalid (errors, error))
    return 0;
  if (!vigie_store_begin (store, error))
    return 0;
  id = insert_link (store, contract_id, site_id, 0, tier, source, link->disclosed_on, error);
  if (id == 0 || !vigie_store_commit (store, error))
    {
      vigie_store_rollback (store);
      return 0;
    }
  return id;
}

/* ─── Disclosure requests ────────────────────────────────────────────────── */

#define DISCLOSURE_COLUMNS "dr.id, dr.uuid, dr.contract_id, dr.organisation_id, dr.subject, " \
                           "dr.tier, dr.requested_on, dr.due_on, dr.answered_on, dr.status, " \
                           "dr.notes"

static VigieDisclosureRecord *
disclosure_from_row (sqlite3_stmt *stmt)
{
  VigieDisclosureRecord *r = g_new0 (VigieDisclosureRecord, 1);

  r->id = sqlite3_column_int64 (stmt, 0);
  r->uuid = vigie_column_dup (stmt, 1);
  r->contract_id = column_id (stmt, 2);
  r->organisation_id = column_id (stmt, 3);
  r->subject = column_text (stmt, 4);
  r->tier = vigie_column_dup (stmt, 5);
  r->requested_on = column_text (stmt, 6);
  r->due_on = vigie_column_dup (stmt, 7);
  r->answered_on = vigie_column_dup (stmt, 8);
  r->status = column_text (stmt, 9);
  r->notes = column_text (stmt, 10);
  return r;
}

VigieDisclosureRecord *
vigie_store_get_disclosure (VigieStore  *store,
                            gint64       id,
                            GError     **error)
{
  sqlite3_stmt *stmt;
  VigieDisclosureRecord *r;
  int rc;

  g_return_val_if_fail (VIGIE_IS_STORE (store), NULL);

  stmt = vigie_store_prepare (store, "SELECT " DISCLOSURE_COLUMNS
                              " FROM disclosure_requests dr WHERE dr.id = ?", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      if (rc == SQLITE_DONE)
        g_set_error (error, VIGIE_STORE_ERROR, VIGIE_STORE_ERROR_NOT_FOUND, "%s",
                     _("The disclosure request no longer exists"));
      else
        vigie_store_set_error (store, rc, error);
      sqlite3_reset (stmt);
      return NULL;
    }
  r = disclosure_from_row (stmt);
  sqlite3_reset (stmt);
  return r;
}

static void
bind_disclosure (sqlite3_stmt                *stmt,
                 const VigieDisclosureRecord *r)
{
  bind_id (stmt, 2, r->contract_id);
  sqlite3_bind_int64 (stmt, 3, r->organisation_id);
  vigie_bind_text_or_empty (stmt, 4, r->subject);
  bind_opt_text (stmt, 5, r->tier);
  vigie_bind_text_or_empty (stmt, 6, r->requested_on);
  bind_opt_text (stmt, 7, r->due_on);
  bind_opt_text (stmt, 8, r->answered_on);
  vigie_bind_text_or_empty (stmt, 9, r->status);
  vigie_bind_text_or_empty (stmt, 10, r->notes);
}

gint64
vigie_store_insert_disclosure (VigieStore             *store,
                               VigieDisclosureRecord  *record,
                               GError                **error)
{
  g_autoptr(GPtrArray) errors = NULL;
  g_autofree char *now = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (VIGIE_IS_STORE (store), 0);
  g_return_val_if_fail (record != NULL, 0);

  errors = vigie_disclosure_validate (store, record);
  if (refuse_invalid (errors, error))
    return 0;
  if (!vigie_store_begin (store, error))
    return 0;
  stmt = vigie_store_prepare (store,
                              "INSERT INTO disclosure_requests (uuid, contract_id, organisation_id, "
                              "subject, tier, requested_on, due_on, answered_on, status, notes, "
                              "created_at, updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, "
                              "?10, ?11, ?11)", error);
  if (stmt == NULL)
    goto fail;
  if (record->uuid == NULL)
    record->uuid = vigie_uuid_new ();
  now = vigie_now_iso ();
  sqlite3_bind_text (stmt, 1, record->uuid, -1, SQLITE_TRANSIENT);
  bind_disclosure (stmt, record);
  sqlite3_bind_text (stmt, 11, now, -1, SQLITE_TRANSIENT);
  if (!vigie_store_step_done (store, stmt, error))
    goto fail;
  record->id = sqlite3_last_insert_rowid (vigie_store_get_db (store));
  if (!audit_row (store, "disclosure_requests", record->id, "insert", NULL, error)
      || !vigie_store_commit (store, error))
    goto fail;
  return record->id;

fail:
  vigie_store_rollback (store);
  record->id = 0;
  return 0;
}

gboolean
vigie_store_update_disclosure (VigieStore                   *store,
                               const VigieDisclosureRecord  *record,
                               GError                      **error)
{
  g_autoptr(GPtrArray) errors = NULL;
  g_autofree char *old_json = NULL;
  g_autofree char *now = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (VIGIE_IS_STORE (store), FALSE);
  g_return_val_if_fail (record != NULL, FALSE);

  errors = vigie_disclosure_validate (store, record);
  if (refuse_invalid (errors, error))
    return FALSE;
  if (!vigie_store_begin (store, error))
    return FALSE;
  old_json = vigie_store_snapshot (store, "disclosure_requests", record->id);
  if (old_json == NULL)
    {
      g_set_error (error, VIGIE_STORE_ERROR, VIGIE_STORE_ERROR_NOT_FOUND, "%s",
                   _("The disclosure request no longer exists"));
      goto fail;
    }
  stmt = vigie_store_prepare (store,
                              "UPDATE disclosure_requests SET contract_id = ?2, organisation_id = ?3, "
                              "subject = ?4, tier = ?5, requested_on = ?6, due_on = ?7, "
                              "answered_on = ?8, status = ?9, notes = ?10, updated_at = ?11 "
                              "WHERE id = ?1", error);
  if (stmt == NULL)
    goto fail;
  now = vigie_now_iso ();
  sqlite3_bind_int64 (stmt, 1, record->id);
  bind_disclosure (stmt, record);
  sqlite3_bind_text (stmt, 11, now, -1, SQLITE_TRANSIENT);
  if (!vigie_store_step_done (store, stmt, error)
      || !audit_row (store, "disclosure_requests", record->id, "update", old_json, error))
    goto fail;
  return vigie_store_commit (store, error);

fail:
  vigie_store_rollback (store);
  return FALSE;
}

gboolean
vigie_store_delete_disclosure (VigieStore  *store,
                               gint64       id,
                               GError     **error)
{
  g_return_val_if_fail (VIGIE_IS_STORE (store), FALSE);

  if (!vigie_store_begin (store, error))
    return FALSE;
  if (!row_exists (store, "SELECT 1 FROM disclosure_requests WHERE id = ?", id))
    {
      g_set_error (error, VIGIE_STORE_ERROR, VIGIE_STORE_ERROR_NOT_FOUND, "%s",
                   _("The disclosure request no longer exists"));
      goto fail;
    }
  if (!delete_audited (store, "disclosure_requests",
                       "DELETE FROM disclosure_requests WHERE id = ?", id, error))
    goto fail;
  return vigie_store_commit (store, error);

fail:
  vigie_store_rollback (store);
  return FALSE;
}

/* ─── Lists ──────────────────────────────────────────────────────────────── */

static GPtrArray *
list_organisations (VigieStore  *store,
                    const char  *kind,
                    const char  *search,
                    gboolean     buyers_only,
                    GError     **error)
{
  g_autoptr(GPtrArray) out = g_ptr_array_new_with_free_func ((GDestroyNotify) vigie_organisation_summary_free);
  g_autofree char *pattern = NULL;
  sqlite3_stmt *stmt;
  int rc;

  stmt = vigie_store_prepare (store,
                              "SELECT o.id, o.kind, o.name, o.country, cons.name,"
                              "       (SELECT count (*) FROM contracts c WHERE c.affiliate_id = o.id"
                              "          OR c.contractor_id = o.id OR c.brand_id = o.id)"
                              "  FROM organisations o"
                              "  LEFT JOIN organisations cons ON cons.id = o.consortium_id"
                              " WHERE (?1 IS NULL OR o.kind = ?1)"
                              "   AND (?2 = 0 OR o.kind IN ('affiliate', 'consortium', 'contractor', 'brand'))"
                              "   AND (?3 IS NULL OR o.name LIKE ?3 ESCAPE '\\')"
                              " ORDER BY CASE o.kind WHEN 'affiliate' THEN 0 WHEN 'consortium' THEN 1"
                              "   WHEN 'contractor' THEN 2 WHEN 'brand' THEN 3 ELSE 4 END,"
                              "   o.name COLLATE NOCASE, o.id", error);
  if (stmt == NULL)
    return NULL;
  if (is_set (search))
    {
      GString *p = g_string_new ("%");
      g_autofree char *trimmed = g_strstrip (g_strdup (search));

      for (const char *c = trimmed; *c != '\0'; c++)
        {
          if (*c == '%' || *c == '_' || *c == '\\')
            g_string_append_c (p, '\\');
          g_string_append_c (p, *c);
        }
      g_string_append_c (p, '%');
      pattern = g_string_free (p, FALSE);
    }
  bind_opt_text (stmt, 1, kind);
  sqlite3_bind_int (stmt, 2, buyers_only ? 1 : 0);
  vigie_bind_text (stmt, 3, pattern);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      VigieOrganisationSummary *s = g_new0 (VigieOrganisationSummary, 1);

      s->id = sqlite3_column_int64 (stmt, 0);
      s->kind = column_text (stmt, 1);
      s->name = column_text (stmt, 2);
      s->country = vigie_column_dup (stmt, 3);
      s->consortium_name = vigie_column_dup (stmt, 4);
      s->n_contracts = sqlite3_column_int64 (stmt, 5);
      g_ptr_array_add (out, s);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      vigie_store_set_error (store, rc, error);
      return NULL;
    }
  return g_steal_pointer (&out);
}

GPtrArray *
vigie_store_list_buyers (VigieStore  *store,
                         const char  *kind,
                         const char  *search,
                         GError     **error)
{
  g_return_val_if_fail (VIGIE_IS_STORE (store), NULL);
  return list_organisations (store, is_set (kind) ? kind : NULL, search, TRUE, error);
}

GPtrArray *
vigie_store_list_organisations (VigieStore  *store,
                                const char  *kind,
                                GError     **error)
{
  g_return_val_if_fail (VIGIE_IS_STORE (store), NULL);
  return list_organisations (store, kind, NULL, FALSE, error);
}

/* The scope of organisation ?1: its contracts and its linked sites. */
#define SCOPE_CTE \
  "WITH scope_contracts (id) AS (" \
  "  SELECT c.id FROM contracts c" \
  "   WHERE c.affiliate_id = ?1 OR c.contractor_id = ?1 OR c.brand_id = ?1" \
  "  UNION" \
  "  SELECT c.id FROM contracts c JOIN organisations a ON a.id = c.affiliate_id" \
  "   WHERE a.consortium_id = ?1)," \
  " scope_sites (id) AS (" \
  "  SELECT DISTINCT cs.site_id FROM contract_sites cs" \
  "   WHERE cs.contract_id IN (SELECT id FROM scope_contracts)) "

/* The disclosure requests in scope (?2 = 1 for buyers: affiliates and consortia). */
#define SCOPE_REQUESTS \
  "(dr.organisation_id = ?1 OR (?2 = 1 AND dr.contract_id IN (SELECT id FROM scope_contracts)))"

GPtrArray *
vigie_store_list_contracts_of (VigieStore  *store,
                               gint64       organisation,
                               GError     **error)
{
  g_autoptr(GPtrArray) out = g_ptr_array_new_with_free_func ((GDestroyNotify) vigie_contract_summary_free);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (VIGIE_IS_STORE (store), NULL);

  stmt = vigie_store_prepare (store,
                              SCOPE_CTE
                              "SELECT c.id, c.reference, a.name, coalesce (k.name, ''),"
                              "       coalesce (b.name, ''), c.start_date, c.end_date,"
                              "       c.annual_spend_minor, c.currency,"
                              "       (SELECT group_concat (p.model, ', ') FROM"
                              "          (SELECT model FROM contract_products"
                              "            WHERE contract_id = c.id ORDER BY id) p),"
                              "       (SELECT count (DISTINCT cs.site_id) FROM contract_sites cs"
                              "         WHERE cs.contract_id = c.id)"
                              "  FROM contracts c"
                              "  JOIN organisations a ON a.id = c.affiliate_id"
                              "  LEFT JOIN organisations k ON k.id = c.contractor_id"
                              "  LEFT JOIN organisations b ON b.id = c.brand_id"
                              " WHERE c.id IN (SELECT id FROM scope_contracts)"
                              " ORDER BY c.start_date DESC, c.id DESC", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, organisation);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      VigieContractSummary *s = g_new0 (VigieContractSummary, 1);

      s->id = sqlite3_column_int64 (stmt, 0);
      s->reference = column_text (stmt, 1);
      s->affiliate_name = column_text (stmt, 2);
      s->contractor_name = column_text (stmt, 3);
      s->brand_name = column_text (stmt, 4);
      s->start_date = vigie_column_dup (stmt, 5);
      s->end_date = vigie_column_dup (stmt, 6);
      s->annual_spend_minor = column_int_or_unknown (stmt, 7);
      s->currency = vigie_column_dup (stmt, 8);
      s->models = column_text (stmt, 9);
      s->n_sites = sqlite3_column_int64 (stmt, 10);
      g_ptr_array_add (out, s);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      vigie_store_set_error (store, rc, error);
      return NULL;
    }
  return g_steal_pointer (&out);
}

static gboolean
is_buyer_kind (const char *kind)
{
  return g_strcmp0 (kind, "affiliate") == 0 || g_strcmp0 (kind, "consortium") == 0;
}

GPtrArray *
vigie_store_list_disclosures_of (VigieStore  *store,
                                 gint64       organisation,
                                 GError     **error)
{
  g_autoptr(GPtrArray) out = g_ptr_array_new_with_free_func ((GDestroyNotify) vigie_disclosure_summary_free);
  g_autofree char *kind = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (VIGIE_IS_STORE (store), NULL);

  kind = organisation_kind (store, organisation);
  stmt = vigie_store_prepare (store,
                              SCOPE_CTE
                              "SELECT " DISCLOSURE_COLUMNS ", o.name, coalesce (c.reference, '')"
                              "  FROM disclosure_requests dr"
                              "  JOIN organisations o ON o.id = dr.organisation_id"
                              "  LEFT JOIN contracts c ON c.id = dr.contract_id"
                              " WHERE " SCOPE_REQUESTS
                              " ORDER BY dr.requested_on DESC, dr.id DESC", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, organisation);
  sqlite3_bind_int (stmt, 2, is_buyer_kind (kind) ? 1 : 0);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      VigieDisclosureSummary *s = g_new0 (VigieDisclosureSummary, 1);

      s->record = disclosure_from_row (stmt);
      s->organisation_name = column_text (stmt, 11);
      s->contract_reference = column_text (stmt, 12);
      g_ptr_array_add (out, s);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      vigie_store_set_error (store, rc, error);
      return NULL;
    }
  return g_steal_pointer (&out);
}

/* ─── Supplier dashboard ─────────────────────────────────────────────────── */

double
vigie_ratio_percent (const VigieRatio *ratio)
{
  g_return_val_if_fail (ratio != NULL, -1);
  if (ratio->denominator <= 0)
    return -1;
  return 100.0 * (double) ratio->numerator / (double) ratio->denominator;
}

double
vigie_median_sorted (const double *values,
                     gsize         n)
{
  g_return_val_if_fail (values != NULL && n > 0, NAN);
  if (n % 2 == 1)
    return values[n / 2];
  return (values[n / 2 - 1] + values[n / 2]) / 2.0;
}

/* Binds ?1 = organisation, ?2 = buyer flag, ?3 = today when the statement has them. */
static sqlite3_stmt *
prepare_scoped (VigieStore    *store,
                const char    *sql,
                gint64         organisation,
                gboolean       buyer,
                const char    *today,
                GError       **error)
{
  sqlite3_stmt *stmt = vigie_store_prepare (store, sql, error);
  int n;

  if (stmt == NULL)
    return NULL;
  n = sqlite3_bind_parameter_count (stmt);
  sqlite3_bind_int64 (stmt, 1, organisation);
  if (n >= 2)
    sqlite3_bind_int (stmt, 2, buyer ? 1 : 0);
  if (n >= 3)
    sqlite3_bind_text (stmt, 3, today, -1, SQLITE_TRANSIENT);
  return stmt;
}

static gboolean
finish_stmt (VigieStore    *store,
             sqlite3_stmt  *stmt,
             int            rc,
             GError       **error)
{
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      vigie_store_set_error (store, rc, error);
      return FALSE;
    }
  return TRUE;
}

/* Runs a query returning sorted day counts (one REAL column) into a median. */
static gboolean
median_of (VigieStore    *store,
           const char    *sql,
           gint64         organisation,
           gboolean       buyer,
           VigieMedian   *median,
           GError       **error)
{
  g_autoptr(GArray) values = g_array_new (FALSE, FALSE, sizeof (double));
  sqlite3_stmt *stmt = prepare_scoped (store, sql, organisation, buyer, NULL, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      double v = sqlite3_column_double (stmt, 0);
      g_array_append_val (values, v);
    }
  if (!finish_stmt (store, stmt, rc, error))
    return FALSE;
  median->n = values->len;
  median->value = values->len > 0 ? vigie_median_sorted ((double *) values->data, values->len)
                                  : NAN;
  return TRUE;
}

static int
compare_leverage (gconstpointer a,
                  gconstpointer b)
{
  const VigieLeverageSite *x = *(VigieLeverageSite * const *) a;
  const VigieLeverageSite *y = *(VigieLeverageSite * const *) b;
  int c;

  if (x->n_affiliates != y->n_affiliates)
    return x->n_affiliates > y->n_affiliates ? -1 : 1;
  if (x->ranking_spend_minor != y->ranking_spend_minor)
    return x->ranking_spend_minor > y->ranking_spend_minor ? -1 : 1;
  c = g_utf8_collate (x->name, y->name);
  if (c != 0)
    return c;
  return x->site_id < y->site_id ? -1 : x->site_id > y->site_id;
}

static int
compare_spend (gconstpointer a,
               gconstpointer b)
{
  const VigieSpend *x = *(VigieSpend * const *) a;
  const VigieSpend *y = *(VigieSpend * const *) b;

  if (x->amount_minor != y->amount_minor)
    return x->amount_minor > y->amount_minor ? -1 : 1;
  return g_strcmp0 (x->currency, y->currency);
}

static VigieLabelledCount *
labelled_count_new (const char *key,
                    const char *label,
                    gint64      count)
{
  VigieLabelledCount *c = g_new0 (VigieLabelledCount, 1);

  c->key = g_strdup (key != NULL ? key : "");
  c->label = g_strdup (label != NULL ? label : "");
  c->count = count;
  return c;
}

static const char sql_totals[] =
  SCOPE_CTE
  "SELECT (SELECT count (*) FROM scope_contracts),"
  "       (SELECT count (DISTINCT c.affiliate_id) FROM contracts c"
  "         WHERE c.id IN (SELECT id FROM scope_contracts)),"
  "       (SELECT count (*) FROM scope_sites),"
  "       (SELECT count (DISTINCT s.country) FROM sites s WHERE s.id IN (SELECT id FROM scope_sites)),"
  "       (SELECT count (*) FROM disclosure_requests dr WHERE " SCOPE_REQUESTS "),"
  "       (SELECT count (*) FROM findings f WHERE f.site_id IN (SELECT id FROM scope_sites)"
  "           AND f.kind <> 'good_practice' AND f.status IN " OPEN_STATUSES "),"
  "       (SELECT count (*) FROM remediation_actions a JOIN findings f ON f.id = a.finding_id"
  "         WHERE f.site_id IN (SELECT id FROM scope_sites) AND a.due_on IS NOT NULL"
  "           AND a.due_on < ?3 AND a.status IN " PENDING_ACTION_STATUSES ")";

static const char sql_spend[] =
  SCOPE_CTE
  "SELECT c.currency, sum (c.annual_spend_minor), count (*) FROM contracts c"
  " WHERE c.id IN (SELECT id FROM scope_contracts) AND c.annual_spend_minor IS NOT NULL"
  " GROUP BY c.currency"
  " ORDER BY count (*) DESC, c.currency";

static const char sql_countries[] =
  SCOPE_CTE
  "SELECT s.country, coalesce (co.region, ''), count (*) FROM sites s"
  "  LEFT JOIN countries co ON co.code = s.country"
  " WHERE s.id IN (SELECT id FROM scope_sites)"
  " GROUP BY s.country ORDER BY count (*) DESC, s.country";

static const char sql_themes[] =
  SCOPE_CTE
  "SELECT f.theme, count (*),"
  "       (SELECT st.title FROM standards st JOIN code_standards cd ON cd.id = st.code_id"
  "         WHERE cd.code = 'vigie' AND st.key = f.theme ORDER BY cd.id DESC LIMIT 1)"
  "  FROM findings f"
  " WHERE f.site_id IN (SELECT id FROM scope_sites) AND f.kind <> 'good_practice'"
  "   AND f.status IN " OPEN_STATUSES
  " GROUP BY f.theme ORDER BY count (*) DESC, f.theme";

static const char sql_remediation[] =
  SCOPE_CTE
  "SELECT a.status, count (*) FROM remediation_actions a JOIN findings f ON f.id = a.finding_id"
  " WHERE f.site_id IN (SELECT id FROM scope_sites) GROUP BY a.status";

static const char sql_tiers[] =
  SCOPE_CTE
  "SELECT coalesce (dr.tier, ''), dr.status, count (*) FROM disclosure_requests dr"
  " WHERE " SCOPE_REQUESTS " GROUP BY 1, 2";

static const char sql_sites[] =
  SCOPE_CTE
  "SELECT s.id, s.name, s.country, coalesce (co.region, ''),"
  "       (SELECT group_concat (t.tier) FROM (SELECT DISTINCT cs.tier FROM contract_sites cs"
  "          WHERE cs.site_id = s.id AND cs.contract_id IN (SELECT id FROM scope_contracts)"
  "          ORDER BY cs.tier) t),"
  "       (SELECT count (DISTINCT c.affiliate_id) FROM contract_sites cs"
  "          JOIN contracts c ON c.id = cs.contract_id WHERE cs.site_id = s.id),"
  "       (SELECT count (*) FROM findings f WHERE f.site_id = s.id"
  "           AND f.kind <> 'good_practice' AND f.status IN " OPEN_STATUSES ")"
  "  FROM sites s LEFT JOIN countries co ON co.code = s.country"
  " WHERE s.id IN (SELECT id FROM scope_sites)";

static const char sql_site_spend[] =
  SCOPE_CTE
  "SELECT x.site_id, c.currency, sum (c.annual_spend_minor) FROM"
  "  (SELECT DISTINCT cs.site_id, cs.contract_id FROM contract_sites cs"
  "    WHERE cs.site_id IN (SELECT id FROM scope_sites)) x"
  "  JOIN contracts c ON c.id = x.contract_id"
  " WHERE c.annual_spend_minor IS NOT NULL"
  " GROUP BY x.site_id, c.currency";

static const char sql_performance[] =
  SCOPE_CTE
  "SELECT (SELECT count (*) FROM disclosure_requests dr WHERE " SCOPE_REQUESTS
  "           AND dr.status = 'complete'),"
  "       (SELECT count (*) FROM disclosure_requests dr WHERE " SCOPE_REQUESTS
  "           AND dr.answered_on IS NOT NULL),"
  "       (SELECT count (*) FROM findings f WHERE f.site_id IN (SELECT id FROM scope_sites)"
  "           AND f.kind <> 'good_practice' AND f.status = 'closed'),"
  "       (SELECT count (*) FROM findings f WHERE f.site_id IN (SELECT id FROM scope_sites)"
  "           AND f.kind <> 'good_practice'),"
  "       (SELECT count (*) FROM remediation_actions a JOIN findings f ON f.id = a.finding_id"
  "         WHERE f.site_id IN (SELECT id FROM scope_sites)"
  "           AND a.status IN ('verified_by_workers', 'verified_by_monitor', 'closed')"
  "           AND (a.status = 'verified_by_workers' OR EXISTS (SELECT 1 FROM"
  "                remediation_status_history h WHERE h.action_id = a.id"
  "                AND h.to_status = 'verified_by_workers'))),"
  "       (SELECT count (*) FROM remediation_actions a JOIN findings f ON f.id = a.finding_id"
  "         WHERE f.site_id IN (SELECT id FROM scope_sites)"
  "           AND a.status IN ('verified_by_workers', 'verified_by_monitor', 'closed'))";

static const char sql_days_to_close[] =
  SCOPE_CTE
  "SELECT d FROM (SELECT julianday (coalesce ((SELECT max (h.changed_on)"
  "                 FROM remediation_status_history h WHERE h.action_id = a.id"
  "                 AND h.to_status = 'closed'), a.completed_on))"
  "               - julianday (a.opened_on) AS d"
  "          FROM remediation_actions a JOIN findings f ON f.id = a.finding_id"
  "         WHERE f.site_id IN (SELECT id FROM scope_sites) AND a.status = 'closed')"
  " WHERE d IS NOT NULL ORDER BY d";

static const char sql_days_to_answer[] =
  SCOPE_CTE
  "SELECT julianday (dr.answered_on) - julianday (dr.requested_on) AS d"
  "  FROM disclosure_requests dr"
  " WHERE " SCOPE_REQUESTS " AND dr.answered_on IS NOT NULL ORDER BY d";

static gboolean
fill_dashboard (VigieStore              *store,
                VigieSupplierDashboard  *d,
                const char              *today,
                GError                 **error)
{
  gboolean buyer = is_buyer_kind (d->kind);
  gint64 id = d->organisation_id;
  g_autoptr(GHashTable) sites_by_id = g_hash_table_new (g_int64_hash, g_int64_equal);
  sqlite3_stmt *stmt;
  int rc;

  /* Totals. */
  stmt = prepare_scoped (store, sql_totals, id, buyer, today, error);
  if (stmt == NULL)
    return FALSE;
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      d->n_contracts = sqlite3_column_int64 (stmt, 0);
      d->n_affiliates = sqlite3_column_int64 (stmt, 1);
      d->n_sites = sqlite3_column_int64 (stmt, 2);
      d->n_countries = sqlite3_column_int64 (stmt, 3);
      d->n_requests = sqlite3_column_int64 (stmt, 4);
      d->open_findings = sqlite3_column_int64 (stmt, 5);
      d->overdue_actions = sqlite3_column_int64 (stmt, 6);
      rc = sqlite3_step (stmt);
    }
  if (!finish_stmt (store, stmt, rc, error))
    return FALSE;

  /* Spend per currency; the first is the ranking currency (most contracts). */
  stmt = prepare_scoped (store, sql_spend, id, buyer, today, error);
  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      VigieSpend *s = g_new0 (VigieSpend, 1);

      s->currency = column_text (stmt, 0);
      s->amount_minor = sqlite3_column_int64 (stmt, 1);
      s->n_contracts = sqlite3_column_int64 (stmt, 2);
      if (d->ranking_currency == NULL)
        d->ranking_currency = g_strdup (s->currency);
      g_ptr_array_add (d->spend, s);
    }
  if (!finish_stmt (store, stmt, rc, error))
    return FALSE;

  /* Geography. */
  stmt = prepare_scoped (store, sql_countries, id, buyer, today, error);
  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *code = (const char *) sqlite3_column_text (stmt, 0);
      const char *region = (const char *) sqlite3_column_text (stmt, 1);
      const char *label = vigie_reference_country_label (code);
      gint64 n = sqlite3_column_int64 (stmt, 2);
      VigieLabelledCount *r = NULL;

      g_ptr_array_add (d->countries, labelled_count_new (code, label != NULL ? label : code, n));
      for (guint i = 0; i < d->regions->len && r == NULL; i++)
        if (g_strcmp0 (((VigieLabelledCount *) g_ptr_array_index (d->regions, i))->key,
                       region) == 0)
          r = g_ptr_array_index (d->regions, i);
      if (r != NULL)
        r->count += n;
      else
        g_ptr_array_add (d->regions,
                         labelled_count_new (region,
                                             is_set (region) ? vigie_reference_text (region)
                                                             : C_("region", "Unknown region"),
                                             n));
    }
  if (!finish_stmt (store, stmt, rc, error))
    return FALSE;
  for (guint i = 1; i < d->regions->len; i++)
    for (guint j = i; j > 0; j--)
      {
        VigieLabelledCount *a = g_ptr_array_index (d->regions, j - 1);
        VigieLabelledCount *b = g_ptr_array_index (d->regions, j);

        if (a->count > b->count || (a->count == b->count && g_strcmp0 (a->key, b->key) <= 0))
          break;
        d->regions->pdata[j - 1] = b;
        d->regions->pdata[j] = a;
      }

  /* Open findings by theme. */
  stmt = prepare_scoped (store, sql_themes, id, buyer, today, error);
  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *key = (const char *) sqlite3_column_text (stmt, 0);
      const char *title = (const char *) sqlite3_column_text (stmt, 2);
      const char *label = title != NULL ? vigie_reference_text (title)
                          : is_set (key) ? key : C_("theme", "No theme");

      g_ptr_array_add (d->themes, labelled_count_new (key, label,
                                                      sqlite3_column_int64 (stmt, 1)));
    }
  if (!finish_stmt (store, stmt, rc, error))
    return FALSE;

  /* Remediation status, in the vocabulary's order. */
  {
    guint n_statuses;
    const VigieVocabEntry *statuses = vigie_vocab_entries (VIGIE_VOCAB_REMEDIATION_STATUS,
                                                           &n_statuses);
    g_autofree gint64 *counts = g_new0 (gint64, n_statuses);

    stmt = prepare_scoped (store, sql_remediation, id, buyer, today, error);
    if (stmt == NULL)
      return FALSE;
    while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
      {
        int index = vigie_vocab_index (VIGIE_VOCAB_REMEDIATION_STATUS,
                                       (const char *) sqlite3_column_text (stmt, 0));

        if (index >= 0)
          counts[index] += sqlite3_column_int64 (stmt, 1);
      }
    if (!finish_stmt (store, stmt, rc, error))
      return FALSE;
    for (guint i = 0; i < n_statuses; i++)
      if (counts[i] > 0)
        g_ptr_array_add (d->remediation,
                         labelled_count_new (statuses[i].code,
                                             vigie_vocab_label (VIGIE_VOCAB_REMEDIATION_STATUS,
                                                                statuses[i].code),
                                             counts[i]));
  }

  /* Disclosure per tier. */
  {
    guint n_tiers;
    g_autofree VigieTierDisclosure **slots = NULL;

    vigie_vocab_entries (VIGIE_VOCAB_TIER, &n_tiers);
    slots = g_new0 (VigieTierDisclosure *, n_tiers + 1);

    stmt = prepare_scoped (store, sql_tiers, id, buyer, today, error);
    if (stmt == NULL)
      return FALSE;
    while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
      {
        const char *tier = (const char *) sqlite3_column_text (stmt, 0);
        const char *status = (const char *) sqlite3_column_text (stmt, 1);
        gint64 n = sqlite3_column_int64 (stmt, 2);
        int index = is_set (tier) ? vigie_vocab_index (VIGIE_VOCAB_TIER, tier) : (int) n_tiers;
        VigieTierDisclosure *t;

        if (index < 0)
          continue;
        if (slots[index] == NULL)
          {
            slots[index] = g_new0 (VigieTierDisclosure, 1);
            slots[index]->tier = g_strdup (is_set (tier) ? tier : "");
            slots[index]->label = g_strdup (is_set (tier) ? vigie_vocab_label (VIGIE_VOCAB_TIER, tier)
                                                          : C_("tier", "Every tier"));
          }
        t = slots[index];
        if (g_strcmp0 (status, "requested") == 0)
          t->requested += n;
        else if (g_strcmp0 (status, "partial") == 0)
          t->partial += n;
        else if (g_strcmp0 (status, "complete") == 0)
          t->complete += n;
        else if (g_strcmp0 (status, "refused") == 0)
          t->refused += n;
        t->total += n;
      }
    if (!finish_stmt (store, stmt, rc, error))
      return FALSE;
    for (guint i = 0; i <= n_tiers; i++)
      if (slots[i] != NULL)
        g_ptr_array_add (d->tiers, slots[i]);
  }

  /* Linked sites and their collective leverage. */
  stmt = prepare_scoped (store, sql_sites, id, buyer, today, error);
  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      VigieLeverageSite *s = g_new0 (VigieLeverageSite, 1);

      s->site_id = sqlite3_column_int64 (stmt, 0);
      s->name = column_text (stmt, 1);
      s->country = column_text (stmt, 2);
      s->region = column_text (stmt, 3);
      s->tiers = column_text (stmt, 4);
      s->n_affiliates = sqlite3_column_int64 (stmt, 5);
      s->open_findings = sqlite3_column_int64 (stmt, 6);
      s->spend = g_ptr_array_new_with_free_func ((GDestroyNotify) vigie_spend_free);
      g_ptr_array_add (d->sites, s);
      g_hash_table_insert (sites_by_id, &s->site_id, s);
    }
  if (!finish_stmt (store, stmt, rc, error))
    return FALSE;

  stmt = prepare_scoped (store, sql_site_spend, id, buyer, today, error);
  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 site_id = sqlite3_column_int64 (stmt, 0);
      VigieLeverageSite *s = g_hash_table_lookup (sites_by_id, &site_id);
      VigieSpend *spend;

      if (s == NULL)
        continue;
      spend = g_new0 (VigieSpend, 1);
      spend->currency = column_text (stmt, 1);
      spend->amount_minor = sqlite3_column_int64 (stmt, 2);
      if (g_strcmp0 (spend->currency, d->ranking_currency) == 0)
        s->ranking_spend_minor = spend->amount_minor;
      g_ptr_array_add (s->spend, spend);
    }
  if (!finish_stmt (store, stmt, rc, error))
    return FALSE;
  for (guint i = 0; i < d->sites->len; i++)
    g_ptr_array_sort (((VigieLeverageSite *) g_ptr_array_index (d->sites, i))->spend,
                      compare_spend);
  g_ptr_array_sort (d->sites, compare_leverage);
  for (guint i = 0; i < d->sites->len; i++)
    ((VigieLeverageSite *) g_ptr_array_index (d->sites, i))->rank = i + 1;

  /* Performance components. */
  stmt = prepare_scoped (store, sql_performance, id, buyer, today, error);
  if (stmt == NULL)
    return FALSE;
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      VigiePerformance *p = &d->performance;

      p->disclosure_completeness.numerator = sqlite3_column_int64 (stmt, 0);
      p->disclosure_completeness.denominator = d->n_requests;
      p->requests_answered.numerator = sqlite3_column_int64 (stmt, 1);
      p->requests_answered.denominator = d->n_requests;
      p->findings_remediated.numerator = sqlite3_column_int64 (stmt, 2);
      p->findings_remediated.denominator = sqlite3_column_int64 (stmt, 3);
      p->verified_by_workers.numerator = sqlite3_column_int64 (stmt, 4);
      p->verified_by_workers.denominator = sqlite3_column_int64 (stmt, 5);
      rc = sqlite3_step (stmt);
    }
  if (!finish_stmt (store, stmt, rc, error))
    return FALSE;
  if (!median_of (store, sql_days_to_close, id, buyer, &d->performance.days_to_close, error)
      || !median_of (store, sql_days_to_answer, id, buyer, &d->performance.days_to_answer,
                     error))
    return FALSE;
  return TRUE;
}

VigieSupplierDashboard *
vigie_store_supplier_dashboard (VigieStore  *store,
                                gint64       organisation,
                                const char  *today,
                                GError     **error)
{
  g_autoptr(VigieSupplierDashboard) d = NULL;
  g_autoptr(VigieOrganisationRecord) org = NULL;
  g_autofree char *today_owned = NULL;

  g_return_val_if_fail (VIGIE_IS_STORE (store), NULL);

  org = vigie_store_get_organisation (store, organisation, error);
  if (org == NULL)
    return NULL;
  if (today == NULL)
    today = today_owned = vigie_today_iso ();

  d = g_new0 (VigieSupplierDashboard, 1);
  d->organisation_id = organisation;
  d->kind = g_strdup (org->kind);
  d->name = g_strdup (org->name);
  d->spend = g_ptr_array_new_with_free_func ((GDestroyNotify) vigie_spend_free);
  d->countries = g_ptr_array_new_with_free_func ((GDestroyNotify) vigie_labelled_count_free);
  d->regions = g_ptr_array_new_with_free_func ((GDestroyNotify) vigie_labelled_count_free);
  d->themes = g_ptr_array_new_with_free_func ((GDestroyNotify) vigie_labelled_count_free);
  d->remediation = g_ptr_array_new_with_free_func ((GDestroyNotify) vigie_labelled_count_free);
  d->tiers = g_ptr_array_new_with_free_func ((GDestroyNotify) vigie_tier_disclosure_free);
  d->sites = g_ptr_array_new_with_free_func ((GDestroyNotify) vigie_leverage_site_free);
  d->performance.days_to_close.value = NAN;
  d->performance.days_to_answer.value = NAN;

  if (!fill_dashboard (store, d, today, error))
    return NULL;
  return g_steal_pointer (&d);
}

typedef struct
{
  VigieStore *other;
  gint64      organisation;
} DashboardJob;

static void
dashboard_job_free (DashboardJob *job)
{
  g_clear_object (&job->other);
  g_free (job);
}

static void
dashboard_thread (GTask        *task,
                  gpointer      source,
                  gpointer      task_data,
                  GCancellable *cancellable)
{
  DashboardJob *job = task_data;
  GError *error = NULL;
  VigieSupplierDashboard *d;

  if (g_task_return_error_if_cancelled (task))
    return;
  d = vigie_store_supplier_dashboard (job->other, job->organisation, NULL, &error);
  if (d == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, d, (GDestroyNotify) vigie_supplier_dashboard_free);
}

void
vigie_store_supplier_dashboard_async (VigieStore          *store,
                                      gint64               organisation,
                                      GCancellable        *cancellable,
                                      GAsyncReadyCallback  callback,
                                      gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GError) error = NULL;
  DashboardJob *job;
  VigieStore *other;

  g_return_if_fail (VIGIE_IS_STORE (store));

  task = g_task_new (store, cancellable, callback, user_data);
  g_task_set_source_tag (task, vigie_store_supplier_dashboard_async);
  other = vigie_store_open_another (store, &error);
  if (other == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  job = g_new0 (DashboardJob, 1);
  job->other = other;
  job->organisation = organisation;
  g_task_set_task_data (task, job, (GDestroyNotify) dashboard_job_free);
  g_task_run_in_thread (task, dashboard_thread);
}

VigieSupplierDashboard *
vigie_store_supplier_dashboard_finish (VigieStore    *store,
                                       GAsyncResult  *result,
                                       GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, store), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}
