/* vigie-remediation.c — remediation actions: records, CRUD, the status workflow and its
 * history, overdue actions, the roll-up of a finding's status, default deadlines, money.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n-lib.h>
#include <locale.h>
#include <stdio.h>
#include <string.h>

#include "vigie-remediation.h"
#include "vigie-store-private.h"
#include "vigie-util.h"
#include "vigie-validate.h"
#include "vigie-vocab.h"

/* ─── Records ────────────────────────────────────────────────────────────── */

VigieActionRecord *
vigie_action_record_new (void)
{
  VigieActionRecord *r = g_new0 (VigieActionRecord, 1);

  r->description = g_strdup ("");
  r->root_cause = g_strdup ("");
  r->preventive_action = g_strdup ("");
  r->remedy_type = g_strdup ("corrective_only");
  r->amount_minor = -1;
  r->beneficiaries_total = -1;
  r->beneficiaries_women = -1;
  r->beneficiaries_migrant = -1;
  r->beneficiaries_agency = -1;
  r->beneficiaries_student = -1;
  r->beneficiaries_young = -1;
  r->status = g_strdup ("proposed");
  r->escalation_level = g_strdup ("informal");
  r->notes = g_strdup ("");
  return r;
}

VigieActionRecord *
vigie_action_record_copy (const VigieActionRecord *record)
{
  VigieActionRecord *c;

  g_return_val_if_fail (record != NULL, NULL);

  c = g_new0 (VigieActionRecord, 1);
  *c = *record;
  c->uuid = g_strdup (record->uuid);
  c->description = g_strdup (record->description);
  c->root_cause = g_strdup (record->root_cause);
  c->preventive_action = g_strdup (record->preventive_action);
  c->remedy_type = g_strdup (record->remedy_type);
  c->currency = g_strdup (record->currency);
  c->opened_on = g_strdup (record->opened_on);
  c->plan_due_on = g_strdup (record->plan_due_on);
  c->due_on = g_strdup (record->due_on);
  c->completed_on = g_strdup (record->completed_on);
  c->status = g_strdup (record->status);
  c->escalation_level = g_strdup (record->escalation_level);
  c->notes = g_strdup (record->notes);
  c->created_at = g_strdup (record->created_at);
  c->updated_at = g_strdup (record->updated_at);
  return c;
}

void
vigie_action_record_free (VigieActionRecord *r)
{
  if (r == NULL)
    return;
  g_free (r->uuid);
  g_free (r->description);
  g_free (r->root_cause);
  g_free (r->preventive_action);
  g_free (r->remedy_type);
  g_free (r->currency);
  g_free (r->opened_on);
  g_free (r->plan_due_on);
  g_free (r->due_on);
  g_free (r->completed_on);
  g_free (r->status);
  g_free (r->escalation_level);
  g_free (r->notes);
  g_free (r->created_at);
  g_free (r->updated_at);
  g_free (r);
}

void
vigie_status_change_free (VigieStatusChange *c)
{
  if (c == NULL)
    return;
  g_free (c->from_status);
  g_free (c->to_status);
  g_free (c->changed_on);
  g_free (c->changed_by);
  g_free (c->note);
  g_free (c);
}

void
vigie_overdue_action_free (VigieOverdueAction *a)
{
  if (a == NULL)
    return;
  g_free (a->site);
  g_free (a->finding);
  g_free (a->action);
  g_free (a->due_on);
  g_free (a->status);
  g_free (a);
}

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
  e->field = field;
  e->reason = g_strdup_vprintf (format, args);
  va_end (args);
  g_ptr_array_add (errors, e);
}

static gboolean
empty (const char *s)
{
  return s == NULL || *s == '\0';
}

static void
check_date (GPtrArray  *errors,
            const char *field,
            const char *value,
            const char *opened_on,
            gboolean    required)
{
  g_autofree char *reason = NULL;

  if (empty (value))
    {
      if (required)
        add_error (errors, field, "%s", _("Enter a date"));
      return;
    }
  if (!vigie_validate_date (value, &reason))
    {
      add_error (errors, field, "%s", reason);
      return;
    }
  if (opened_on != NULL && vigie_validate_date (opened_on, NULL)
      && strcmp (value, opened_on) < 0)
    add_error (errors, field, "%s", _("This date is before the action was opened"));
}

GPtrArray *
vigie_action_validate (const VigieActionRecord *r)
{
  GPtrArray *errors = g_ptr_array_new_with_free_func ((GDestroyNotify) vigie_field_error_free);
  g_autofree char *reason = NULL;
  g_autofree char *stripped = NULL;
  gint64 groups[5];

  g_return_val_if_fail (r != NULL, errors);

  stripped = g_strstrip (g_strdup (r->description != NULL ? r->description : ""));
  if (*stripped == '\0')
    add_error (errors, "description", "%s", _("Describe the action"));
  if (r->finding_id <= 0)
    add_error (errors, "finding_id", "%s", _("Choose the finding this action remedies"));
  if (!vigie_vocab_is_valid (VIGIE_VOCAB_REMEDY_TYPE, r->remedy_type))
    add_error (errors, "remedy_type", "%s", _("Choose a remedy type"));
  if (!vigie_vocab_is_valid (VIGIE_VOCAB_REMEDIATION_STATUS, r->status))
    add_error (errors, "status", "%s", _("Unknown remediation status"));
  if (!vigie_vocab_is_valid (VIGIE_VOCAB_ESCALATION_LEVEL, r->escalation_level))
    add_error (errors, "escalation_level", "%s", _("Choose an escalation level"));

  if (r->amount_minor < -1)
    add_error (errors, "amount_minor", "%s", _("An amount cannot be negative"));
  if (!empty (r->currency) && !vigie_validate_currency (r->currency, &reason))
    add_error (errors, "currency", "%s", reason);
  else if (r->amount_minor >= 0 && empty (r->currency))
    add_error (errors, "currency", "%s", _("Give the currency of the amount"));

  groups[0] = r->beneficiaries_women;
  groups[1] = r->beneficiaries_migrant;
  groups[2] = r->beneficiaries_agency;
  groups[3] = r->beneficiaries_student;
  groups[4] = r->beneficiaries_young;
  g_clear_pointer (&reason, g_free);
  if (r->beneficiaries_total < -1)
    add_error (errors, "beneficiaries_total", "%s", _("A number of workers cannot be negative"));
  else if (!vigie_validate_group_counts (r->beneficiaries_total, G_N_ELEMENTS (groups), groups,
                                         &reason))
    add_error (errors, "beneficiaries_women", "%s", reason);

  check_date (errors, "opened_on", r->opened_on, NULL, TRUE);
  check_date (errors, "plan_due_on", r->plan_due_on, r->opened_on, FALSE);
  check_date (errors, "due_on", r->due_on, r->opened_on, FALSE);
  check_date (errors, "completed_on", r->completed_on, r->opened_on, FALSE);
  if (!empty (r->plan_due_on) && !empty (r->due_on)
      && vigie_validate_date (r->plan_due_on, NULL) && vigie_validate_date (r->due_on, NULL)
      && strcmp (r->due_on, r->plan_due_on) < 0)
    add_error (errors, "due_on", "%s", _("The action cannot be due before its plan"));
  return errors;
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

/* ─── Status workflow ────────────────────────────────────────────────────── *
 *
 * The main path is DOMAIN.md's: a plan is proposed, submitted, accepted or rejected (a
 * rejected plan is revised and submitted again), carried out, reported complete, verified
 * (by the workers — the strongest closure — or by the monitor) and closed.
 *
 * Side states: while anything is still owed (proposed … reported_complete), the action can
 * be disputed (workers or the monitor contest the plan or the completion), escalated (the
 * graduated enforcement of the escalation level) or abandoned. A dispute can be settled by
 * resuming the work (→ in_progress) or escalated; an escalation ends by resuming the work
 * or by abandoning the action. Closed and abandoned are final: a new action is opened
 * instead, so the history of a closed action never changes. Verified actions only close:
 * a verification that turns out wrong is a new finding. */

#define SIDE "disputed", "escalated", "abandoned"

typedef struct
{
  const char *from;
  const char *to[8];
} Transitions;

static const Transitions transitions[] = {
  { "proposed",            { "plan_submitted", SIDE, NULL } },
  { "plan_submitted",      { "plan_accepted", "plan_rejected", SIDE, NULL } },
  { "plan_accepted",       { "in_progress", SIDE, NULL } },
  { "plan_rejected",       { "plan_submitted", SIDE, NULL } },
  { "in_progress",         { "reported_complete", SIDE, NULL } },
  { "reported_complete",   { "verified_by_workers", "verified_by_monitor", SIDE, NULL } },
  { "verified_by_workers", { "closed", NULL } },
  { "verified_by_monitor", { "closed", NULL } },
  { "closed",              { NULL } },
  { "disputed",            { "in_progress", "escalated", "abandoned", NULL } },
  { "escalated",           { "in_progress", "abandoned", NULL } },
  { "abandoned",           { NULL } },
};

static const char * const no_statuses[] = { NULL };

const char * const *
vigie_remediation_next_statuses (const char *from)
{
  if (from == NULL)
    return no_statuses;
  for (guint i = 0; i < G_N_ELEMENTS (transitions); i++)
    if (strcmp (transitions[i].from, from) == 0)
      return transitions[i].to;
  return no_statuses;
}

gboolean
vigie_remediation_transition_allowed (const char *from,
                                      const char *to)
{
  const char * const *next = vigie_remediation_next_statuses (from);

  if (to == NULL)
    return FALSE;
  for (guint i = 0; next[i] != NULL; i++)
    if (strcmp (next[i], to) == 0)
      return TRUE;
  return FALSE;
}

gboolean
vigie_remediation_status_is_final (const char *status)
{
  return g_strcmp0 (status, "closed") == 0 || g_strcmp0 (status, "abandoned") == 0;
}

/* Keep in sync with PENDING_SQL below. */
static const char * const pending_statuses[] = {
  "proposed", "plan_submitted", "plan_accepted", "plan_rejected", "in_progress", "disputed",
  "escalated",
};
#define PENDING_SQL "('proposed', 'plan_submitted', 'plan_accepted', 'plan_rejected', " \
                    "'in_progress', 'disputed', 'escalated')"

gboolean
vigie_remediation_status_is_pending (const char *status)
{
  if (status == NULL)
    return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (pending_statuses); i++)
    if (strcmp (status, pending_statuses[i]) == 0)
      return TRUE;
  return FALSE;
}

/* ─── Overdue ────────────────────────────────────────────────────────────── */

static gboolean
parse_date (const char *iso,
            GDate      *date)
{
  int y, m, d;

  g_date_clear (date, 1);
  if (iso == NULL || strlen (iso) != 10 || sscanf (iso, "%4d-%2d-%2d", &y, &m, &d) != 3
      || !g_date_valid_dmy ((GDateDay) d, (GDateMonth) m, (GDateYear) y))
    return FALSE;
  g_date_set_dmy (date, (GDateDay) d, (GDateMonth) m, (GDateYear) y);
  return TRUE;
}

static char *
format_date (const GDate *date)
{
  return g_strdup_printf ("%04u-%02u-%02u", g_date_get_year (date), g_date_get_month (date),
                          g_date_get_day (date));
}

int
vigie_remediation_days_overdue (const char *status,
                                const char *due_on,
                                const char *today)
{
  GDate due, now;

  if (!vigie_remediation_status_is_pending (status) || !parse_date (due_on, &due)
      || !parse_date (today, &now))
    return 0;
  return MAX (0, g_date_days_between (&due, &now));
}

gboolean
vigie_remediation_is_overdue (const char *status,
                              const char *due_on,
                              const char *today)
{
  return vigie_remediation_days_overdue (status, due_on, today) > 0;
}

/* ─── Default deadlines ──────────────────────────────────────────────────── */

void
vigie_deadlines_init_defaults (VigieDeadlines *d)
{
  g_return_if_fail (d != NULL);

  d->critical_plan = 7;
  d->critical_completion = 30;
  d->major_plan = 14;
  d->major_completion = 90;
  d->minor_plan = 14;
  d->minor_completion = 180;
}

gboolean
vigie_deadlines_compute (const VigieDeadlines *d,
                         const char           *severity,
                         const char           *opened_on,
                         char                **plan_due_on,
                         char                **due_on)
{
  GDate opened, plan, due;
  int plan_days, due_days;

  g_return_val_if_fail (d != NULL, FALSE);

  if (plan_due_on != NULL)
    *plan_due_on = NULL;
  if (due_on != NULL)
    *due_on = NULL;
  if (!parse_date (opened_on, &opened))
    return FALSE;

  if (g_strcmp0 (severity, "critical") == 0)
    plan_days = d->critical_plan, due_days = d->critical_completion;
  else if (g_strcmp0 (severity, "major") == 0)
    plan_days = d->major_plan, due_days = d->major_completion;
  else if (g_strcmp0 (severity, "minor") == 0)
    plan_days = d->minor_plan, due_days = d->minor_completion;
  else if (g_strcmp0 (severity, "observation") == 0)
    return TRUE;
  else
    return FALSE;

  plan = opened;
  due = opened;
  g_date_add_days (&plan, (guint) MAX (plan_days, 0));
  g_date_add_days (&due, (guint) MAX (due_days, 0));
  if (plan_due_on != NULL)
    *plan_due_on = format_date (&plan);
  if (due_on != NULL)
    *due_on = format_date (&due);
  return TRUE;
}

/* ─── Money ──────────────────────────────────────────────────────────────── */

/* ISO 4217 minor units that are not 2 (currencies of the supply chains we monitor and
 * the usual reserve currencies; everything else has 2). */
static const struct { const char code[4]; int exponent; } exponents[] = {
  { "BHD", 3 }, { "BIF", 0 }, { "CLP", 0 }, { "DJF", 0 }, { "GNF", 0 }, { "IQD", 3 },
  { "ISK", 0 }, { "JOD", 3 }, { "JPY", 0 }, { "KMF", 0 }, { "KRW", 0 }, { "KWD", 3 },
  { "LYD", 3 }, { "OMR", 3 }, { "PYG", 0 }, { "RWF", 0 }, { "TND", 3 }, { "UGX", 0 },
  { "UYI", 0 }, { "VND", 0 }, { "VUV", 0 }, { "XAF", 0 }, { "XOF", 0 }, { "XPF", 0 },
};

int
vigie_currency_exponent (const char *currency)
{
  if (currency == NULL)
    return 2;
  for (guint i = 0; i < G_N_ELEMENTS (exponents); i++)
    if (strcmp (exponents[i].code, currency) == 0)
      return exponents[i].exponent;
  return 2;
}

static gint64
power10 (int n)
{
  gint64 p = 1;

  while (n-- > 0)
    p *= 10;
  return p;
}

char *
vigie_format_money (gint64      amount_minor,
                    const char *currency)
{
  int exponent = vigie_currency_exponent (currency);
  gint64 scale = power10 (exponent);
  gint64 units = amount_minor / scale;
  gint64 fraction = ABS (amount_minor % scale);
  g_autofree char *whole = NULL;
  g_autofree char *number = NULL;
  const char *point = localeconv ()->decimal_point;

  /* The ' flag groups digits as the user's LC_NUMERIC does. */
  whole = g_strdup_printf ("%'" G_GINT64_FORMAT, units);
  if (exponent > 0)
    number = g_strdup_printf ("%s%s%0*" G_GINT64_FORMAT, whole,
                              point != NULL && *point != '\0' ? point : ".", exponent, fraction);
  else
    number = g_steal_pointer (&whole);
  if (empty (currency))
    return g_steal_pointer (&number);
  /* Translators: an amount of money and its ISO 4217 code: "1,234.50 USD" */
  return g_strdup_printf (C_("money", "%1$s %2$s"), number, currency);
}

gboolean
vigie_parse_money (const char *text,
                   const char *currency,
                   gint64     *amount_minor)
{
  int exponent = vigie_currency_exponent (currency);
  g_autofree char *copy = g_strstrip (g_strdup (text != NULL ? text : ""));
  GString *digits;
  int decimals = -1;
  const char *last_sep = NULL;
  guint64 value;
  gboolean ok;

  if (*copy == '\0')
    {
      *amount_minor = -1;
      return TRUE;
    }
  /* The decimal separator is the last '.' or ',' followed by 1..3 digits and nothing
   * else; other separators (and spaces) group digits. */
  for (const char *p = copy; *p != '\0'; p++)
    if (*p == '.' || *p == ',')
      last_sep = p;
  if (last_sep != NULL)
    {
      size_t tail = strlen (last_sep + 1);
      gboolean all_digits = tail > 0;

      for (const char *p = last_sep + 1; *p != '\0'; p++)
        all_digits = all_digits && g_ascii_isdigit (*p);
      /* "1,234" in a 2-decimal currency is a thousands separator; "1,23" a decimal one. */
      if (!all_digits || (tail == 3 && exponent < 3))
        last_sep = NULL;
    }

  digits = g_string_new (NULL);
  for (const char *p = copy; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (p == last_sep)
        decimals = 0;
      else if (c >= '0' && c <= '9')
        {
          g_string_append_c (digits, (char) c);
          if (decimals >= 0)
            decimals++;
        }
      else if (c == ',' || c == '.' || c == ' ' || c == 0x00A0 || c == 0x202F || c == '\'')
        {
          if (decimals >= 0 || p == copy)
            {
              g_string_free (digits, TRUE);
              return FALSE;
            }
        }
      else
        {
          g_string_free (digits, TRUE);
          return FALSE;
        }
    }
  if (decimals < 0)
    decimals = 0;
  if (decimals > exponent || digits->len == 0 || digits->len > 15)
    {
      g_string_free (digits, TRUE);
      return FALSE;
    }
  for (int i = decimals; i < exponent; i++)
    g_string_append_c (digits, '0');
  ok = g_ascii_string_to_unsigned (digits->str, 10, 0, G_MAXINT64, &value, NULL);
  g_string_free (digits, TRUE);
  if (ok)
    *amount_minor = (gint64) value;
  return ok;
}

/* ─── Store: CRUD ────────────────────────────────────────────────────────── */

#define ACTION_COLUMNS "id, uuid, finding_id, description, root_cause, preventive_action, " \
  "responsible_id, remedy_type, amount_minor, currency, beneficiaries_total, " \
  "beneficiaries_women, beneficiaries_migrant, beneficiaries_agency, beneficiaries_student, " \
  "beneficiaries_young, opened_on, plan_due_on, due_on, completed_on, status, " \
  "escalation_level, notes, created_at, updated_at"

static gint64
column_int_or (sqlite3_stmt *stmt,
               int           col,
               gint64        fallback)
{
  if (sqlite3_column_type (stmt, col) == SQLITE_NULL)
    return fallback;
  return sqlite3_column_int64 (stmt, col);
}

static char *
column_or_empty (sqlite3_stmt *stmt,
                 int           col)
{
  char *s = vigie_column_dup (stmt, col);

  return s != NULL ? s : g_strdup ("");
}

static void
bind_count (sqlite3_stmt *stmt,
            int           index,
            gint64        value)
{
  if (value < 0)
    sqlite3_bind_null (stmt, index);
  else
    sqlite3_bind_int64 (stmt, index, value);
}

static void
bind_optional_text (sqlite3_stmt *stmt,
                    int           index,
                    const char   *text)
{
  vigie_bind_text (stmt, index, empty (text) ? NULL : text);
}

VigieActionRecord *
vigie_store_get_action (VigieStore  *store,
                        gint64       id,
                        GError     **error)
{
  sqlite3_stmt *stmt;
  VigieActionRecord *r;
  int rc;

  g_return_val_if_fail (VIGIE_IS_STORE (store), NULL);

  stmt = vigie_store_prepare (store, "SELECT " ACTION_COLUMNS
                                     " FROM remediation_actions WHERE id = ?1", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      if (rc == SQLITE_DONE)
        g_set_error (error, VIGIE_STORE_ERROR, VIGIE_STORE_ERROR_NOT_FOUND,
                     _("The remediation action no longer exists"));
      else
        vigie_store_set_error (store, rc, error);
      sqlite3_reset (stmt);
      return NULL;
    }

  r = g_new0 (VigieActionRecord, 1);
  r->id = sqlite3_column_int64 (stmt, 0);
  r->uuid = vigie_column_dup (stmt, 1);
  r->finding_id = sqlite3_column_int64 (stmt, 2);
  r->description = column_or_empty (stmt, 3);
  r->root_cause = column_or_empty (stmt, 4);
  r->preventive_action = column_or_empty (stmt, 5);
  r->responsible_id = column_int_or (stmt, 6, 0);
  r->remedy_type = column_or_empty (stmt, 7);
  r->amount_minor = column_int_or (stmt, 8, -1);
  r->currency = vigie_column_dup (stmt, 9);
  r->beneficiaries_total = column_int_or (stmt, 10, -1);
  r->beneficiaries_women = column_int_or (stmt, 11, -1);
  r->beneficiaries_migrant = column_int_or (stmt, 12, -1);
  r->beneficiaries_agency = column_int_or (stmt, 13, -1);
  r->beneficiaries_student = column_int_or (stmt, 14, -1);
  r->beneficiaries_young = column_int_or (stmt, 15, -1);
  r->opened_on = vigie_column_dup (stmt, 16);
  r->plan_due_on = vigie_column_dup (stmt, 17);
  r->due_on = vigie_column_dup (stmt, 18);
  r->completed_on = vigie_column_dup (stmt, 19);
  r->status = column_or_empty (stmt, 20);
  r->escalation_level = column_or_empty (stmt, 21);
  r->notes = column_or_empty (stmt, 22);
  r->created_at = vigie_column_dup (stmt, 23);
  r->updated_at = vigie_column_dup (stmt, 24);
  sqlite3_reset (stmt);
  return r;
}

/* Binds ?2..?22 (the editable fields) of an insert or update. */
static void
bind_fields (sqlite3_stmt            *stmt,
             const VigieActionRecord *r)
{
  g_autofree char *description = g_strstrip (g_strdup (r->description));

  sqlite3_bind_int64 (stmt, 2, r->finding_id);
  vigie_bind_text (stmt, 3, description);
  vigie_bind_text_or_empty (stmt, 4, r->root_cause);
  vigie_bind_text_or_empty (stmt, 5, r->preventive_action);
  if (r->responsible_id > 0)
    sqlite3_bind_int64 (stmt, 6, r->responsible_id);
  else
    sqlite3_bind_null (stmt, 6);
  vigie_bind_text (stmt, 7, r->remedy_type);
  bind_count (stmt, 8, r->amount_minor);
  bind_optional_text (stmt, 9, r->currency);
  bind_count (stmt, 10, r->beneficiaries_total);
  bind_count (stmt, 11, r->beneficiaries_women);
  bind_count (stmt, 12, r->beneficiaries_migrant);
  bind_count (stmt, 13, r->beneficiaries_agency);
  bind_count (stmt, 14, r->beneficiaries_student);
  bind_count (stmt, 15, r->beneficiaries_young);
  vigie_bind_text (stmt, 16, r->opened_on);
  bind_optional_text (stmt, 17, r->plan_due_on);
  bind_optional_text (stmt, 18, r->due_on);
  bind_optional_text (stmt, 19, r->completed_on);
  vigie_bind_text (stmt, 20, r->escalation_level);
  vigie_bind_text_or_empty (stmt, 21, r->notes);
}

static gboolean
insert_history (VigieStore  *store,
                gint64       action_id,
                const char  *from,
                const char  *to,
                const char  *changed_on,
                const char  *who,
                const char  *note,
                gint64       evidence_id,
                GError     **error)
{
  sqlite3_stmt *stmt;
  gint64 history_id;
  g_autofree char *json = NULL;

  stmt = vigie_store_prepare (store,
                              "INSERT INTO remediation_status_history (action_id, from_status, "
                              "to_status, changed_on, changed_by, note, evidence_id) "
                              "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, action_id);
  vigie_bind_text (stmt, 2, from);
  vigie_bind_text (stmt, 3, to);
  vigie_bind_text (stmt, 4, changed_on);
  vigie_bind_text_or_empty (stmt, 5, who != NULL ? who : vigie_store_get_actor (store));
  vigie_bind_text_or_empty (stmt, 6, note);
  if (evidence_id > 0)
    sqlite3_bind_int64 (stmt, 7, evidence_id);
  else
    sqlite3_bind_null (stmt, 7);
  if (!vigie_store_step_done (store, stmt, error))
    return FALSE;
  history_id = sqlite3_last_insert_rowid (vigie_store_get_db (store));
  json = vigie_store_snapshot (store, "remediation_status_history", history_id);
  return vigie_store_audit (store, "remediation_status_history", history_id, "insert", NULL,
                            json, error);
}

gint64
vigie_store_insert_action (VigieStore        *store,
                           VigieActionRecord *r,
                           GError           **error)
{
  g_autoptr(GPtrArray) errors = NULL;
  g_autofree char *uuid = NULL;
  g_autofree char *now = NULL;
  g_autofree char *json = NULL;
  sqlite3_stmt *stmt;
  gint64 id;

  g_return_val_if_fail (VIGIE_IS_STORE (store), 0);
  g_return_val_if_fail (r != NULL, 0);

  if (empty (r->status))
    {
      g_free (r->status);
      r->status = g_strdup ("proposed");
    }
  errors = vigie_action_validate (r);
  if (refuse_invalid (errors, error))
    return 0;

  if (!vigie_store_begin (store, error))
    return 0;
  stmt = vigie_store_prepare (store,
                              "INSERT INTO remediation_actions (uuid, finding_id, description, "
                              "root_cause, preventive_action, responsible_id, remedy_type, "
                              "amount_minor, currency, beneficiaries_total, beneficiaries_women, "
                              "beneficiaries_migrant, beneficiaries_agency, "
                              "beneficiaries_student, beneficiaries_young, opened_on, "
                              "plan_due_on, due_on, completed_on, escalation_level, notes, "
                              "status, created_at, updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, "
                              "?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, "
                              "?20, ?21, ?22, ?23, ?23)", error);
  if (stmt == NULL)
    goto fail;
  uuid = r->uuid != NULL ? g_strdup (r->uuid) : vigie_uuid_new ();
  now = vigie_now_iso ();
  vigie_bind_text (stmt, 1, uuid);
  bind_fields (stmt, r);
  vigie_bind_text (stmt, 22, r->status);
  vigie_bind_text (stmt, 23, now);
  if (!vigie_store_step_done (store, stmt, error))
    goto fail;
  id = sqlite3_last_insert_rowid (vigie_store_get_db (store));
  json = vigie_store_snapshot (store, "remediation_actions", id);
  if (!vigie_store_audit (store, "remediation_actions", id, "insert", NULL, json, error))
    goto fail;
  if (!insert_history (store, id, NULL, r->status, r->opened_on, NULL, NULL, 0, error))
    goto fail;
  if (!vigie_store_commit (store, error))
    return 0;
  r->id = id;
  if (r->uuid == NULL)
    r->uuid = g_steal_pointer (&uuid);
  return id;

fail:
  vigie_store_rollback (store);
  return 0;
}

gboolean
vigie_store_update_action (VigieStore              *store,
                           const VigieActionRecord *r,
                           GError                 **error)
{
  g_autoptr(GPtrArray) errors = NULL;
  g_autofree char *old_json = NULL;
  g_autofree char *new_json = NULL;
  g_autofree char *now = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (VIGIE_IS_STORE (store), FALSE);
  g_return_val_if_fail (r != NULL, FALSE);

  errors = vigie_action_validate (r);
  if (refuse_invalid (errors, error))
    return FALSE;
  if (!vigie_store_begin (store, error))
    return FALSE;
  old_json = vigie_store_snapshot (store, "remediation_actions", r->id);
  if (old_json == NULL)
    {
      g_set_error (error, VIGIE_STORE_ERROR, VIGIE_STORE_ERROR_NOT_FOUND,
                   _("The remediation action no longer exists"));
      goto fail;
    }
  stmt = vigie_store_prepare (store,
                              "UPDATE remediation_actions SET finding_id = ?2, description = ?3, "
                              "root_cause = ?4, preventive_action = ?5, responsible_id = ?6, "
                              "remedy_type = ?7, amount_minor = ?8, currency = ?9, "
                              "beneficiaries_total = ?10, beneficiaries_women = ?11, "
                              "beneficiaries_migrant = ?12, beneficiaries_agency = ?13, "
                              "beneficiaries_student = ?14, beneficiaries_young = ?15, "
                              "opened_on = ?16, plan_due_on = ?17, due_on = ?18, "
                              "completed_on = ?19, escalation_level = ?20, notes = ?21, "
                              "updated_at = ?22 WHERE id = ?1", error);
  if (stmt == NULL)
    goto fail;
  now = vigie_now_iso ();
  sqlite3_bind_int64 (stmt, 1, r->id);
  bind_fields (stmt, r);
  vigie_bind_text (stmt, 22, now);
  if (!vigie_store_step_done (store, stmt, error))
    goto fail;
  new_json = vigie_store_snapshot (store, "remediation_actions", r->id);
  if (!vigie_store_audit (store, "remediation_actions", r->id, "update", old_json, new_json,
                          error))
    goto fail;
  return vigie_store_commit (store, error);

fail:
  vigie_store_rollback (store);
  return FALSE;
}

gboolean
vigie_store_delete_action (VigieStore  *store,
                           gint64       id,
                           GError     **error)
{
  g_autofree char *old_json = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (VIGIE_IS_STORE (store), FALSE);

  if (!vigie_store_begin (store, error))
    return FALSE;
  old_json = vigie_store_snapshot (store, "remediation_actions", id);
  if (old_json == NULL)
    {
      g_set_error (error, VIGIE_STORE_ERROR, VIGIE_STORE_ERROR_NOT_FOUND,
                   _("The remediation action no longer exists"));
      goto fail;
    }
  stmt = vigie_store_prepare (store, "DELETE FROM remediation_actions WHERE id = ?1", error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, id);
  if (!vigie_store_step_done (store, stmt, error))
    goto fail;
  if (!vigie_store_audit (store, "remediation_actions", id, "delete", old_json, NULL, error))
    goto fail;
  return vigie_store_commit (store, error);

fail:
  vigie_store_rollback (store);
  return FALSE;
}

/* ─── Store: transitions and history ─────────────────────────────────────── */

static char *
get_status (VigieStore  *store,
            gint64       id,
            char       **completed_on,
            GError     **error)
{
  sqlite3_stmt *stmt;
  char *status = NULL;
  int rc;

  stmt = vigie_store_prepare (store, "SELECT status, completed_on FROM remediation_actions "
                                     "WHERE id = ?1", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      status = vigie_column_dup (stmt, 0);
      if (completed_on != NULL)
        *completed_on = vigie_column_dup (stmt, 1);
    }
  else if (rc == SQLITE_DONE)
    g_set_error (error, VIGIE_STORE_ERROR, VIGIE_STORE_ERROR_NOT_FOUND,
                 _("The remediation action no longer exists"));
  else
    vigie_store_set_error (store, rc, error);
  sqlite3_reset (stmt);
  return status;
}

/* The change itself, inside the caller's transaction. */
static gboolean
change_status (VigieStore  *store,
               gint64       id,
               const char  *to,
               const char  *changed_on,
               const char  *who,
               const char  *note,
               gint64       evidence_id,
               GError     **error)
{
  g_autofree char *from = NULL;
  g_autofree char *completed_on = NULL;
  g_autofree char *old_json = NULL;
  g_autofree char *new_json = NULL;
  g_autofree char *now = NULL;
  sqlite3_stmt *stmt;

  from = get_status (store, id, &completed_on, error);
  if (from == NULL)
    return FALSE;
  if (!vigie_remediation_transition_allowed (from, to))
    {
      /* Translators: a refused change of a remediation action's status:
       * "An action that is “Closed” cannot become “In progress”" */
      g_set_error (error, VIGIE_STORE_ERROR, VIGIE_STORE_ERROR_CONSTRAINT,
                   _("An action that is “%1$s” cannot become “%2$s”"),
                   vigie_vocab_label (VIGIE_VOCAB_REMEDIATION_STATUS, from),
                   vigie_vocab_label (VIGIE_VOCAB_REMEDIATION_STATUS, to));
      return FALSE;
    }

  old_json = vigie_store_snapshot (store, "remediation_actions", id);
  stmt = vigie_store_prepare (store,
                              "UPDATE remediation_actions SET status = ?2, "
                              "completed_on = coalesce (completed_on, ?3), updated_at = ?4 "
                              "WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  now = vigie_now_iso ();
  sqlite3_bind_int64 (stmt, 1, id);
  vigie_bind_text (stmt, 2, to);
  vigie_bind_text (stmt, 3, strcmp (to, "reported_complete") == 0 ? changed_on : NULL);
  vigie_bind_text (stmt, 4, now);
  if (!vigie_store_step_done (store, stmt, error))
    return FALSE;
  new_json = vigie_store_snapshot (store, "remediation_actions", id);
  if (!vigie_store_audit (store, "remediation_actions", id, "update", old_json, new_json,
                          error))
    return FALSE;
  return insert_history (store, id, from, to, changed_on, who, note, evidence_id, error);
}

static gboolean
check_changed_on (const char  *changed_on,
                  GError     **error)
{
  g_autofree char *reason = NULL;

  if (vigie_validate_date (changed_on, &reason))
    return TRUE;
  g_set_error (error, VIGIE_STORE_ERROR, VIGIE_STORE_ERROR_CONSTRAINT, "%s", reason);
  return FALSE;
}

gboolean
vigie_store_change_action_status (VigieStore  *store,
                                  gint64       id,
                                  const char  *to,
                                  const char  *changed_on,
                                  const char  *who,
                                  const char  *note,
                                  gint64       evidence_id,
                                  GError     **error)
{
  g_autofree char *today = NULL;

  g_return_val_if_fail (VIGIE_IS_STORE (store), FALSE);
  g_return_val_if_fail (to != NULL, FALSE);

  if (changed_on == NULL)
    changed_on = today = vigie_today_iso ();
  if (!check_changed_on (changed_on, error))
    return FALSE;
  if (!vigie_store_begin (store, error))
    return FALSE;
  if (!change_status (store, id, to, changed_on, who, note, evidence_id, error))
    {
      vigie_store_rollback (store);
      return FALSE;
    }
  return vigie_store_commit (store, error);
}

gboolean
vigie_store_change_actions_status (VigieStore   *store,
                                   const gint64 *ids,
                                   guint         n_ids,
                                   const char   *to,
                                   const char   *changed_on,
                                   const char   *who,
                                   const char   *note,
                                   GError      **error)
{
  g_autofree char *today = NULL;

  g_return_val_if_fail (VIGIE_IS_STORE (store), FALSE);
  g_return_val_if_fail (ids != NULL || n_ids == 0, FALSE);
  g_return_val_if_fail (to != NULL, FALSE);

  if (changed_on == NULL)
    changed_on = today = vigie_today_iso ();
  if (!check_changed_on (changed_on, error))
    return FALSE;
  if (!vigie_store_begin (store, error))
    return FALSE;
  for (guint i = 0; i < n_ids; i++)
    if (!change_status (store, ids[i], to, changed_on, who, note, 0, error))
      {
        vigie_store_rollback (store);
        return FALSE;
      }
  return vigie_store_commit (store, error);
}

const char **
vigie_store_common_next_statuses (VigieStore   *store,
                                  const gint64 *ids,
                                  guint         n_ids,
                                  GError      **error)
{
  const VigieVocabEntry *entries;
  guint n_entries = 0;
  g_autofree gboolean *allowed = NULL;
  GPtrArray *result;

  g_return_val_if_fail (VIGIE_IS_STORE (store), NULL);

  entries = vigie_vocab_entries (VIGIE_VOCAB_REMEDIATION_STATUS, &n_entries);
  allowed = g_new (gboolean, n_entries);
  for (guint k = 0; k < n_entries; k++)
    allowed[k] = n_ids > 0;
  for (guint i = 0; i < n_ids; i++)
    {
      g_autofree char *from = get_status (store, ids[i], NULL, error);

      if (from == NULL)
        return NULL;
      for (guint k = 0; k < n_entries; k++)
        allowed[k] = allowed[k] && vigie_remediation_transition_allowed (from, entries[k].code);
    }
  result = g_ptr_array_new ();
  for (guint k = 0; k < n_entries; k++)
    if (allowed[k])
      g_ptr_array_add (result, (gpointer) entries[k].code);
  g_ptr_array_add (result, NULL);
  return (const char **) g_ptr_array_free (result, FALSE);
}

GPtrArray *
vigie_store_list_action_history (VigieStore  *store,
                                 gint64       id,
                                 GError     **error)
{
  sqlite3_stmt *stmt;
  GPtrArray *changes;
  int rc;

  g_return_val_if_fail (VIGIE_IS_STORE (store), NULL);

  stmt = vigie_store_prepare (store,
                              "SELECT id, action_id, from_status, to_status, changed_on, "
                              "changed_by, note, evidence_id FROM remediation_status_history "
                              "WHERE action_id = ?1 ORDER BY changed_on, id", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  changes = g_ptr_array_new_with_free_func ((GDestroyNotify) vigie_status_change_free);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      VigieStatusChange *c = g_new0 (VigieStatusChange, 1);

      c->id = sqlite3_column_int64 (stmt, 0);
      c->action_id = sqlite3_column_int64 (stmt, 1);
      c->from_status = vigie_column_dup (stmt, 2);
      c->to_status = vigie_column_dup (stmt, 3);
      c->changed_on = vigie_column_dup (stmt, 4);
      c->changed_by = column_or_empty (stmt, 5);
      c->note = column_or_empty (stmt, 6);
      c->evidence_id = column_int_or (stmt, 7, 0);
      g_ptr_array_add (changes, c);
    }
  if (rc != SQLITE_DONE)
    {
      vigie_store_set_error (store, rc, error);
      g_clear_pointer (&changes, g_ptr_array_unref);
    }
  sqlite3_reset (stmt);
  return changes;
}

VigieActionRecord *
vigie_store_new_action_for_finding (VigieStore           *store,
                                    gint64                finding_id,
                                    const char           *opened_on,
                                    const VigieDeadlines *deadlines,
                                    GError              **error)
{
  g_autofree char *today = NULL;
  g_autofree char *severity = NULL;
  VigieDeadlines defaults;
  VigieActionRecord *r;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (VIGIE_IS_STORE (store), NULL);

  if (deadlines == NULL)
    {
      vigie_deadlines_init_defaults (&defaults);
      deadlines = &defaults;
    }
  if (opened_on == NULL)
    opened_on = today = vigie_today_iso ();

  stmt = vigie_store_prepare (store, "SELECT severity FROM findings WHERE id = ?1", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, finding_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    severity = vigie_column_dup (stmt, 0);
  else if (rc == SQLITE_DONE)
    g_set_error (error, VIGIE_STORE_ERROR, VIGIE_STORE_ERROR_NOT_FOUND,
                 _("The finding no longer exists"));
  else
    vigie_store_set_error (store, rc, error);
  sqlite3_reset (stmt);
  if (severity == NULL)
    return NULL;

  r = vigie_action_record_new ();
  r->finding_id = finding_id;
  r->opened_on = g_strdup (opened_on);
  vigie_deadlines_compute (deadlines, severity, opened_on, &r->plan_due_on, &r->due_on);
  return r;
}

/* ─── Overdue digest ─────────────────────────────────────────────────────── */

gint64
vigie_remediation_count_overdue (VigieStore  *store,
                                 const char  *today,
                                 GError     **error)
{
  g_autofree char *now = NULL;
  sqlite3_stmt *stmt;
  gint64 n = -1;
  int rc;

  g_return_val_if_fail (VIGIE_IS_STORE (store), -1);

  if (today == NULL)
    today = now = vigie_today_iso ();
  stmt = vigie_store_prepare (store, "SELECT count(*) FROM remediation_actions "
                                     "WHERE due_on < ?1 AND status IN " PENDING_SQL, error);
  if (stmt == NULL)
    return -1;
  vigie_bind_text (stmt, 1, today);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    n = sqlite3_column_int64 (stmt, 0);
  else
    vigie_store_set_error (store, rc, error);
  sqlite3_reset (stmt);
  return n;
}

GPtrArray *
vigie_remediation_list_overdue (VigieStore  *store,
                                const char  *today,
                                GError     **error)
{
  g_autofree char *now = NULL;
  sqlite3_stmt *stmt;
  GPtrArray *list;
  int rc;

  g_return_val_if_fail (VIGIE_IS_STORE (store), NULL);

  if (today == NULL)
    today = now = vigie_today_iso ();
  stmt = vigie_store_prepare (store,
                              "SELECT a.id, s.name, f.title, a.description, a.due_on, a.status "
                              "FROM remediation_actions a "
                              "JOIN findings f ON f.id = a.finding_id "
                              "JOIN sites s ON s.id = f.site_id "
                              "WHERE a.due_on < ?1 AND a.status IN " PENDING_SQL " "
                              "ORDER BY a.due_on, s.name COLLATE NOCASE, a.id", error);
  if (stmt == NULL)
    return NULL;
  vigie_bind_text (stmt, 1, today);
  list = g_ptr_array_new_with_free_func ((GDestroyNotify) vigie_overdue_action_free);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      VigieOverdueAction *a = g_new0 (VigieOverdueAction, 1);

      a->action_id = sqlite3_column_int64 (stmt, 0);
      a->site = column_or_empty (stmt, 1);
      a->finding = column_or_empty (stmt, 2);
      a->action = column_or_empty (stmt, 3);
      a->due_on = column_or_empty (stmt, 4);
      a->status = column_or_empty (stmt, 5);
      a->days_overdue = vigie_remediation_days_overdue (a->status, a->due_on, today);
      g_ptr_array_add (list, a);
    }
  if (rc != SQLITE_DONE)
    {
      vigie_store_set_error (store, rc, error);
      g_clear_pointer (&list, g_ptr_array_unref);
    }
  sqlite3_reset (stmt);
  return list;
}

/* ─── Roll-up ────────────────────────────────────────────────────────────── */

const char *
vigie_remediation_rollup_statuses (const char * const *statuses,
                                   guint               n)
{
  guint done = 0, abandoned = 0;
  gboolean progress = FALSE;

  for (guint i = 0; i < n; i++)
    {
      const char *s = statuses[i];

      if (g_strcmp0 (s, "closed") == 0 || g_strcmp0 (s, "verified_by_workers") == 0
          || g_strcmp0 (s, "verified_by_monitor") == 0)
        done++;
      else if (g_strcmp0 (s, "abandoned") == 0)
        abandoned++;
      else if (g_strcmp0 (s, "plan_accepted") == 0 || g_strcmp0 (s, "in_progress") == 0
               || g_strcmp0 (s, "reported_complete") == 0)
        progress = TRUE;
    }
  if (done > 0 && done + abandoned == n)
    return "closed";
  if (done > 0 || progress)
    return "progress_made";
  return "open";
}

static gboolean
rollup_one (VigieStore   *store,
            gint64        finding_id,
            const char  **out_status,
            gboolean     *changed,
            GError      **error)
{
  g_autoptr(GPtrArray) statuses = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *last_change = NULL;
  g_autofree char *current = NULL;
  g_autofree char *old_json = NULL;
  g_autofree char *new_json = NULL;
  g_autofree char *now = NULL;
  const char *status;
  sqlite3_stmt *stmt;
  int rc;

  *changed = FALSE;
  stmt = vigie_store_prepare (store,
                              "SELECT a.status, (SELECT max (h.changed_on) FROM "
                              "remediation_status_history h WHERE h.action_id = a.id), "
                              "a.completed_on FROM remediation_actions a WHERE a.finding_id = ?1",
                              error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, finding_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autofree char *changed_on = vigie_column_dup (stmt, 1);
      g_autofree char *completed_on = vigie_column_dup (stmt, 2);

      g_ptr_array_add (statuses, vigie_column_dup (stmt, 0));
      if (changed_on != NULL && g_strcmp0 (changed_on, last_change) > 0)
        {
          g_free (last_change);
          last_change = g_steal_pointer (&changed_on);
        }
      if (completed_on != NULL && g_strcmp0 (completed_on, last_change) > 0)
        {
          g_free (last_change);
          last_change = g_steal_pointer (&completed_on);
        }
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      vigie_store_set_error (store, rc, error);
      return FALSE;
    }

  stmt = vigie_store_prepare (store, "SELECT status FROM findings WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, finding_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    current = vigie_column_dup (stmt, 0);
  sqlite3_reset (stmt);
  if (current == NULL)
    {
      g_set_error (error, VIGIE_STORE_ERROR, VIGIE_STORE_ERROR_NOT_FOUND,
                   _("The finding no longer exists"));
      return FALSE;
    }
  if (statuses->len == 0)
    {
      /* Nothing to roll up: the finding keeps the status the analyst gave it. */
      if (out_status != NULL)
        *out_status = g_intern_string (current);
      return TRUE;
    }

  status = vigie_remediation_rollup_statuses ((const char * const *) statuses->pdata,
                                              statuses->len);
  if (out_status != NULL)
    *out_status = status;
  if (strcmp (status, current) == 0)
    return TRUE;

  old_json = vigie_store_snapshot (store, "findings", finding_id);
  stmt = vigie_store_prepare (store, "UPDATE findings SET status = ?2, closed_on = ?3, "
                                     "updated_at = ?4 WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  now = vigie_now_iso ();
  sqlite3_bind_int64 (stmt, 1, finding_id);
  vigie_bind_text (stmt, 2, status);
  vigie_bind_text (stmt, 3, strcmp (status, "closed") == 0 ? last_change : NULL);
  vigie_bind_text (stmt, 4, now);
  if (!vigie_store_step_done (store, stmt, error))
    return FALSE;
  new_json = vigie_store_snapshot (store, "findings", finding_id);
  if (!vigie_store_audit (store, "findings", finding_id, "update", old_json, new_json, error))
    return FALSE;
  *changed = TRUE;
  return TRUE;
}

gboolean
vigie_store_rollup_finding (VigieStore   *store,
                            gint64        finding_id,
                            const char  **out_status,
                            GError      **error)
{
  gboolean changed;

  g_return_val_if_fail (VIGIE_IS_STORE (store), FALSE);

  if (!vigie_store_begin (store, error))
    return FALSE;
  if (!rollup_one (store, finding_id, out_status, &changed, error))
    {
      vigie_store_rollback (store);
      return FALSE;
    }
  return vigie_store_commit (store, error);
}

gint64
vigie_store_rollup_all_findings (VigieStore  *store,
                                 GError     **error)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  sqlite3_stmt *stmt;
  gint64 n_changed = 0;
  int rc;

  g_return_val_if_fail (VIGIE_IS_STORE (store), -1);

  if (!vigie_store_begin (store, error))
    return -1;
  stmt = vigie_store_prepare (store, "SELECT DISTINCT finding_id FROM remediation_actions "
                                     "ORDER BY finding_id", error);
  if (stmt == NULL)
    goto fail;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      g_array_append_val (ids, id);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      vigie_store_set_error (store, rc, error);
      goto fail;
    }
  for (guint i = 0; i < ids->len; i++)
    {
      gboolean changed;

      if (!rollup_one (store, g_array_index (ids, gint64, i), NULL, &changed, error))
        goto fail;
      n_changed += changed;
    }
  if (!vigie_store_commit (store, error))
    return -1;
  return n_changed;

fail:
  vigie_store_rollback (store);
  return -1;
}
