/* vigie-report-locale.c — message catalogues, dates and numbers in the report's language.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n-lib.h>
#include <langinfo.h>
#include <locale.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "vigie-report-locale.h"
#include "vigie-vocab.h"
#include "vigie-report-i18n.h"

#define ISO_3166_DOMAIN "iso_3166-1"

/* ─── .mo catalogues ─────────────────────────────────────────────────────── */

typedef struct
{
  GMappedFile *file;
  GHashTable  *messages;     /* msgid (NUL-terminated, into FILE) → translation entry */
  char        *plural;       /* the Plural-Forms expression, or NULL (Germanic rule) */
  int          nplurals;
} Catalogue;

typedef struct
{
  const char *text;          /* the forms, NUL-separated, into the file */
  guint32     length;
} Translation;

static void
catalogue_free (Catalogue *c)
{
  if (c == NULL)
    return;
  g_hash_table_unref (c->messages);
  g_mapped_file_unref (c->file);
  g_free (c->plural);
  g_free (c);
}

static guint32
read_u32 (const guint8 *data,
          gsize         offset,
          gboolean      swap)
{
  guint32 v;

  memcpy (&v, data + offset, 4);
  return swap ? GUINT32_SWAP_LE_BE (v) : v;
}

static Catalogue *
catalogue_load (const char *path)
{
  g_autoptr(GMappedFile) file = g_mapped_file_new (path, FALSE, NULL);
  const guint8 *data;
  gsize size;
  guint32 magic, n, originals, translations;
  gboolean swap;
  Catalogue *c;

  if (file == NULL)
    return NULL;
  data = (const guint8 *) g_mapped_file_get_contents (file);
  size = g_mapped_file_get_length (file);
  if (size < 28)
    return NULL;
  memcpy (&magic, data, 4);
  if (magic == 0x950412de)
    swap = FALSE;
  else if (magic == 0xde120495)
    swap = TRUE;
  else
    return NULL;
  n = read_u32 (data, 8, swap);
  originals = read_u32 (data, 12, swap);
  translations = read_u32 (data, 16, swap);
  if ((guint64) originals + (guint64) n * 8 > size || (guint64) translations + (guint64) n * 8 > size)
    return NULL;

  c = g_new0 (Catalogue, 1);
  c->messages = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
  c->nplurals = 2;
  for (guint32 i = 0; i < n; i++)
    {
      guint32 olen = read_u32 (data, originals + i * 8, swap);
      guint32 ooff = read_u32 (data, originals + i * 8 + 4, swap);
      guint32 tlen = read_u32 (data, translations + i * 8, swap);
      guint32 toff = read_u32 (data, translations + i * 8 + 4, swap);
      Translation *t;

      if ((guint64) ooff + olen >= size || (guint64) toff + tlen >= size
          || data[ooff + olen] != '\0' || data[toff + tlen] != '\0')
        continue;
      t = g_new (Translation, 1);
      t->text = (const char *) data + toff;
      t->length = tlen;
      g_hash_table_insert (c->messages, (gpointer) (data + ooff), t);

      if (olen == 0)
        {
          /* The header: find the plural rule. */
          const char *pf = strstr (t->text, "Plural-Forms:");

          if (pf != NULL)
            {
              const char *np = strstr (pf, "nplurals=");
              const char *pl = strstr (pf, "plural=");

              if (np != NULL)
                c->nplurals = MAX (1, atoi (np + 9));
              if (pl != NULL)
                {
                  const char *end = pl + 7;

                  while (*end != '\0' && *end != ';' && *end != '\n')
                    end++;
                  c->plural = g_strndup (pl + 7, end - (pl + 7));
                }
            }
        }
    }
  c->file = g_steal_pointer (&file);
  return c;
}

/* The plural rule: a C expression of n, evaluated by recursive descent. */
typedef struct
{
  const char *p;
  gulong      n;
} PluralParser;

static gulong plural_ternary (PluralParser *pp);

static void
plural_skip (PluralParser *pp)
{
  while (*pp->p == ' ' || *pp->p == '\t')
    pp->p++;
}

static gulong
plural_primary (PluralParser *pp)
{
  plural_skip (pp);
  if (*pp->p == '(')
    {
      gulong v;

      pp->p++;
      v = plural_ternary (pp);
      plural_skip (pp);
      if (*pp->p == ')')
        pp->p++;
      return v;
    }
  if (*pp->p == '!')
    {
      pp->p++;
      return !plural_primary (pp);
    }
  if (*pp->p == 'n')
    {
      pp->p++;
      return pp->n;
    }
  if (g_ascii_isdigit (*pp->p))
    {
      char *end;
      gulong v = strtoul (pp->p, &end, 10);

      pp->p = end;
      return v;
    }
  /* Malformed: stop here. */
  pp->p += strlen (pp->p);
  return 0;
}

static gulong
plural_mul (PluralParser *pp)
{
  gulong v = plural_primary (pp);

  for (;;)
    {
      char op;
      gulong r;

      plural_skip (pp);
      op = *pp->p;
      if (op != '*' && op != '/' && op != '%')
        return v;
      pp->p++;
      r = plural_primary (pp);
      if (op == '*')
        v *= r;
      else if (r == 0)
        v = 0;
      else
        v = op == '/' ? v / r : v % r;
    }
}

static gulong
plural_add (PluralParser *pp)
{
  gulong v = plural_mul (pp);

  for (;;)
    {
      char op;

      plural_skip (pp);
      op = *pp->p;
      if (op != '+' && op != '-')
        return v;
      pp->p++;
      v = op == '+' ? v + plural_mul (pp) : v - plural_mul (pp);
    }
}

static gulong
plural_rel (PluralParser *pp)
{
  gulong v = plural_add (pp);

  for (;;)
    {
      plural_skip (pp);
      if (g_str_has_prefix (pp->p, "<="))
        { pp->p += 2; v = v <= plural_add (pp); }
      else if (g_str_has_prefix (pp->p, ">="))
        { pp->p += 2; v = v >= plural_add (pp); }
      else if (*pp->p == '<')
        { pp->p++; v = v < plural_add (pp); }
      else if (*pp->p == '>')
        { pp->p++; v = v > plural_add (pp); }
      else
        return v;
    }
}

static gulong
plural_eq (PluralParser *pp)
{
  gulong v = plural_rel (pp);

  for (;;)
    {
      plural_skip (pp);
      if (g_str_has_prefix (pp->p, "=="))
        { pp->p += 2; v = v == plural_rel (pp); }
      else if (g_str_has_prefix (pp->p, "!="))
        { pp->p += 2; v = v != plural_rel (pp); }
      else
        return v;
    }
}

static gulong
plural_and (PluralParser *pp)
{
  gulong v = plural_eq (pp);

  for (;;)
    {
      gulong r;

      plural_skip (pp);
      if (!g_str_has_prefix (pp->p, "&&"))
        return v;
      pp->p += 2;
      r = plural_eq (pp);
      v = v && r;
    }
}

static gulong
plural_or (PluralParser *pp)
{
  gulong v = plural_and (pp);

  for (;;)
    {
      gulong r;

      plural_skip (pp);
      if (!g_str_has_prefix (pp->p, "||"))
        return v;
      pp->p += 2;
      r = plural_and (pp);
      v = v || r;
    }
}

static gulong
plural_ternary (PluralParser *pp)
{
  gulong cond = plural_or (pp);
  gulong a, b;

  plural_skip (pp);
  if (*pp->p != '?')
    return cond;
  pp->p++;
  a = plural_ternary (pp);
  plural_skip (pp);
  if (*pp->p == ':')
    pp->p++;
  b = plural_ternary (pp);
  return cond ? a : b;
}

static gulong
catalogue_plural_index (const Catalogue *c,
                        gulong           n)
{
  PluralParser pp = { c->plural, n };
  gulong index;

  if (c->plural == NULL)
    return n == 1 ? 0 : 1;
  index = plural_ternary (&pp);
  return index < (gulong) c->nplurals ? index : 0;
}

/* ─── Locales ────────────────────────────────────────────────────────────── */

struct _VigieReportLocale
{
  gatomicrefcount  ref;
  char            *language;      /* "" = the UI's */
  Catalogue       *vigie;
  Catalogue       *countries;
  locale_t         c_locale;      /* LC_TIME + LC_NUMERIC of the language */
  char            *thousands;     /* digit group separator */
  char            *decimal;       /* decimal separator */
};

static char *
catalogue_path (const char *dir,
                const char *language,
                const char *domain)
{
  g_autofree char *file = g_strconcat (domain, ".mo", NULL);

  return g_build_filename (dir, language, "LC_MESSAGES", file, NULL);
}

static Catalogue *
find_catalogue (const char *dir,
                const char *language,
                const char *domain)
{
  /* "fr_FR.UTF-8@euro", then "fr_FR", then "fr". */
  g_autofree char *no_codeset = g_strndup (language, strcspn (language, ".@"));
  g_autofree char *no_territory = g_strndup (language, strcspn (language, "_.@"));
  const char *candidates[] = { language, no_codeset, no_territory };

  for (guint i = 0; i < G_N_ELEMENTS (candidates); i++)
    {
      g_autofree char *path = NULL;
      Catalogue *c;

      if (i > 0 && g_str_equal (candidates[i], candidates[i - 1]))
        continue;
      path = catalogue_path (dir, candidates[i], domain);
      c = catalogue_load (path);
      if (c != NULL)
        return c;
    }
  return NULL;
}

static locale_t
open_c_locale (const char *language)
{
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  int mask = LC_TIME_MASK | LC_NUMERIC_MASK;

  if (language[0] == '\0')
    return duplocale (LC_GLOBAL_LOCALE);

  if (strchr (language, '_') != NULL)
    {
      g_autofree char *base = g_strndup (language, strcspn (language, ".@"));

      g_ptr_array_add (names, g_strconcat (base, ".UTF-8", NULL));
      g_ptr_array_add (names, g_strconcat (base, ".utf8", NULL));
    }
  else
    {
      g_autofree char *upper = g_ascii_strup (language, -1);
      static const char * const english[] = { "en_GB", "en_US", "en_IE", NULL };

      /* Languages whose main territory is not their own code in capitals (ca_CA does
       * not exist: Catalan dates come from ca_ES). */
      static const struct { const char *language; const char *locale; } territories[] = {
        { "ca", "ca_ES" }, { "cs", "cs_CZ" }, { "da", "da_DK" }, { "el", "el_GR" },
        { "he", "he_IL" }, { "ja", "ja_JP" }, { "ko", "ko_KR" }, { "sv", "sv_SE" },
        { "uk", "uk_UA" }, { "zh", "zh_CN" }, { "ar", "ar_EG" }, { "vi", "vi_VN" },
      };

      if (g_str_equal (language, "en"))
        for (int i = 0; english[i] != NULL; i++)
          g_ptr_array_add (names, g_strconcat (english[i], ".UTF-8", NULL));
      for (guint i = 0; i < G_N_ELEMENTS (territories); i++)
        if (g_str_equal (language, territories[i].language))
          g_ptr_array_add (names, g_strconcat (territories[i].locale, ".UTF-8", NULL));
      g_ptr_array_add (names, g_strdup_printf ("%s_%s.UTF-8", language, upper));
      g_ptr_array_add (names, g_strdup_printf ("%s_%s.utf8", language, upper));
    }
  g_ptr_array_add (names, g_strdup ("C.UTF-8"));

  for (guint i = 0; i < names->len; i++)
    {
      locale_t loc = newlocale (mask, g_ptr_array_index (names, i), (locale_t) 0);

      if (loc != (locale_t) 0)
        return loc;
    }
  return newlocale (mask, "C", (locale_t) 0);
}

VigieReportLocale *
vigie_report_locale_new (const char *language)
{
  VigieReportLocale *self = g_new0 (VigieReportLocale, 1);
  const char *sep;

  g_atomic_ref_count_init (&self->ref);
  self->language = g_strdup (language != NULL ? language : "");

  if (self->language[0] != '\0' && !g_str_has_prefix (self->language, "en"))
    {
      const char *dir = bindtextdomain (GETTEXT_PACKAGE, NULL);

      self->vigie = find_catalogue (dir != NULL ? dir : LOCALEDIR, self->language,
                                    GETTEXT_PACKAGE);
      self->countries = find_catalogue ("/usr/share/locale", self->language, ISO_3166_DOMAIN);
    }

  self->c_locale = open_c_locale (self->language);
  sep = nl_langinfo_l (THOUSEP, self->c_locale);
  if (sep == NULL || sep[0] == '\0')
    sep = g_str_has_prefix (self->language, "en") || self->language[0] == '\0' ? "," : "\u202F";
  self->thousands = g_strdup (sep);
  sep = nl_langinfo_l (RADIXCHAR, self->c_locale);
  self->decimal = g_strdup (sep != NULL && sep[0] != '\0' ? sep : ".");
  return self;
}

VigieReportLocale *
vigie_report_locale_ref (VigieReportLocale *self)
{
  g_atomic_ref_count_inc (&self->ref);
  return self;
}

void
vigie_report_locale_unref (VigieReportLocale *self)
{
  if (self == NULL || !g_atomic_ref_count_dec (&self->ref))
    return;
  catalogue_free (self->vigie);
  catalogue_free (self->countries);
  if (self->c_locale != (locale_t) 0)
    freelocale (self->c_locale);
  g_free (self->language);
  g_free (self->thousands);
  g_free (self->decimal);
  g_free (self);
}

const char *
vigie_report_locale_language (VigieReportLocale *self)
{
  return self->language;
}

gboolean
vigie_report_locale_has_catalogue (VigieReportLocale *self)
{
  return self->language[0] == '\0' || g_str_has_prefix (self->language, "en")
         || self->vigie != NULL;
}

/* ─── The current locale of the thread ───────────────────────────────────── */

static GPrivate current_stack = G_PRIVATE_INIT (NULL);

void
vigie_report_locale_push (VigieReportLocale *self)
{
  GSList *stack = g_private_get (&current_stack);

  g_private_set (&current_stack, g_slist_prepend (stack, vigie_report_locale_ref (self)));
}

void
vigie_report_locale_pop (void)
{
  GSList *stack = g_private_get (&current_stack);

  g_return_if_fail (stack != NULL);
  vigie_report_locale_unref (stack->data);
  g_private_set (&current_stack, g_slist_delete_link (stack, stack));
}

VigieReportLocale *
vigie_report_locale_current (void)
{
  GSList *stack = g_private_get (&current_stack);

  return stack != NULL ? stack->data : NULL;
}

/* Uses the UI's gettext when no locale is pushed or the pushed one is the UI's. */
static gboolean
use_ui (VigieReportLocale *self)
{
  return self == NULL || self->language[0] == '\0';
}

static const Translation *
lookup (const Catalogue *c,
        const char      *key)
{
  const Translation *t;

  if (c == NULL || key == NULL || key[0] == '\0')
    return NULL;
  t = g_hash_table_lookup (c->messages, key);
  if (t == NULL || t->length == 0 || t->text[0] == '\0')
    return NULL;
  return t;
}

const char *
vigie_report_gettext (const char *msgid)
{
  VigieReportLocale *self = vigie_report_locale_current ();
  const Translation *t;

  if (use_ui (self))
    return g_dgettext (GETTEXT_PACKAGE, msgid);
  t = lookup (self->vigie, msgid);
  return t != NULL ? t->text : msgid;
}

const char *
vigie_report_pgettext (const char *msgctxtid,
                       gsize       msgidoffset)
{
  VigieReportLocale *self = vigie_report_locale_current ();
  const Translation *t;

  if (use_ui (self))
    return g_dpgettext (GETTEXT_PACKAGE, msgctxtid, msgidoffset);
  t = lookup (self->vigie, msgctxtid);
  return t != NULL ? t->text : msgctxtid + msgidoffset;
}

const char *
vigie_report_pgettext2 (const char *context,
                        const char *msgid)
{
  VigieReportLocale *self = vigie_report_locale_current ();
  g_autofree char *key = NULL;
  const Translation *t;

  if (context == NULL)
    return vigie_report_gettext (msgid);
  if (use_ui (self))
    return g_dpgettext2 (GETTEXT_PACKAGE, context, msgid);
  key = g_strconcat (context, "\004", msgid, NULL);
  t = lookup (self->vigie, key);
  return t != NULL ? t->text : msgid;
}

const char *
vigie_report_ngettext (const char *msgid,
                       const char *msgid_plural,
                       gulong      n)
{
  VigieReportLocale *self = vigie_report_locale_current ();
  const Translation *t;

  if (use_ui (self))
    return dngettext (GETTEXT_PACKAGE, msgid, msgid_plural, n);
  t = lookup (self->vigie, msgid);
  if (t != NULL)
    {
      gulong index = catalogue_plural_index (self->vigie, n);
      const char *form = t->text;
      const char *end = t->text + t->length;

      for (gulong i = 0; i < index && form < end; i++)
        form += strlen (form) + 1;
      if (form < end && form[0] != '\0')
        return form;
    }
  return n == 1 ? msgid : msgid_plural;
}

const char *
vigie_report_country (const char *english)
{
  VigieReportLocale *self = vigie_report_locale_current ();
  const Translation *t;

  if (english == NULL)
    return "";
  if (use_ui (self))
    return g_dgettext (ISO_3166_DOMAIN, english);
  t = lookup (self->countries, english);
  return t != NULL ? t->text : english;
}

const char *
vigie_report_vocab_label (int         vocab,
                          const char *code)
{
  guint n = 0;
  const VigieVocabEntry *entries = vigie_vocab_entries ((VigieVocab) vocab, &n);

  if (code == NULL)
    return "";
  for (guint i = 0; i < n; i++)
    if (g_strcmp0 (entries[i].code, code) == 0)
      return vigie_report_pgettext2 (vigie_vocab_context ((VigieVocab) vocab), entries[i].label);
  return code;
}

char *
vigie_report_vocab_list (int         vocab,
                         const char *codes)
{
  g_auto(GStrv) parts = g_strsplit (codes != NULL ? codes : "", ",", -1);
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();

  for (guint i = 0; parts[i] != NULL; i++)
    {
      g_strstrip (parts[i]);
      if (parts[i][0] != '\0')
        g_ptr_array_add (labels, (gpointer) vigie_report_vocab_label (vocab, parts[i]));
    }
  return vigie_report_join (labels, ", ");
}

char *
vigie_report_join (GPtrArray  *strings,
                   const char *separator)
{
  g_autoptr(GString) out = g_string_new (NULL);

  for (guint i = 0; strings != NULL && i < strings->len; i++)
    {
      if (i > 0)
        g_string_append (out, separator);
      g_string_append (out, g_ptr_array_index (strings, i));
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* ─── Dates and numbers ──────────────────────────────────────────────────── */

static char *
format_date (const char *iso,
             const char *format)
{
  VigieReportLocale *self = vigie_report_locale_current ();
  struct tm tm = { 0, };
  int y, m, d;
  char buf[128];
  locale_t loc;
  gsize len;

  if (iso == NULL || sscanf (iso, "%4d-%2d-%2d", &y, &m, &d) != 3)
    return g_strdup (iso != NULL ? iso : "");
  tm.tm_year = y - 1900;
  tm.tm_mon = m - 1;
  tm.tm_mday = d;
  tm.tm_hour = 12;
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
  if (self != NULL)
    {
      loc = self->c_locale;
      len = strftime_l (buf, sizeof buf, format, &tm, loc);
    }
  else
    len = strftime (buf, sizeof buf, format, &tm);  /* the UI's locale (screen) */
#pragma GCC diagnostic pop
  if (len == 0)
    return g_strdup (iso);
  return g_strdup (buf);
}

char *
vigie_report_format_date_as (const char *iso,
                             const char *format)
{
  return format_date (iso, format);
}

char *
vigie_report_format_date (const char *iso)
{
  /* Translators: strftime format of a date in reports ("15 June 2026"); %-d is the day
   * without a leading zero, %B the month name in the report's language. */
  return format_date (iso, C_("report date", "%-d %B %Y"));
}

char *
vigie_report_format_date_short (const char *iso)
{
  /* Translators: strftime format of a date in report tables ("15 Jun 2026"); %b is the
   * abbreviated month name in the report's language. */
  return format_date (iso, C_("report short date", "%-d %b %Y"));
}

static void
group_digits (GString    *out,
              const char *digits,
              const char *separator)
{
  gsize n = strlen (digits);

  for (gsize i = 0; i < n; i++)
    {
      if (i > 0 && (n - i) % 3 == 0)
        g_string_append (out, separator);
      g_string_append_c (out, digits[i]);
    }
}

static const char *
thousands (void)
{
  VigieReportLocale *self = vigie_report_locale_current ();

  return self != NULL ? self->thousands : ",";
}

static const char *
decimal_point (void)
{
  VigieReportLocale *self = vigie_report_locale_current ();

  return self != NULL ? self->decimal : ".";
}

char *
vigie_report_format_int (gint64 value)
{
  GString *out = g_string_new (NULL);
  char digits[32];
  guint64 magnitude = value < 0 ? (guint64) (-(value + 1)) + 1 : (guint64) value;

  if (value < 0)
    g_string_append (out, "−");
  g_snprintf (digits, sizeof digits, "%" G_GUINT64_FORMAT, magnitude);
  group_digits (out, digits, thousands ());
  return g_string_free (out, FALSE);
}

char *
vigie_report_format_double (double value,
                            int    decimals)
{
  GString *out = g_string_new (NULL);
  char buf[G_ASCII_DTOSTR_BUF_SIZE];
  char *dot;

  if (!isfinite (value))
    return g_string_free (out, FALSE);
  if (value < 0)
    {
      g_string_append (out, "−");
      value = -value;
    }
  g_ascii_formatd (buf, sizeof buf, decimals <= 0 ? "%.0f" : decimals == 1 ? "%.1f" : "%.2f",
                   value);
  dot = strchr (buf, '.');
  if (dot != NULL)
    *dot = '\0';
  group_digits (out, buf, thousands ());
  if (dot != NULL)
    {
      g_string_append (out, decimal_point ());
      g_string_append (out, dot + 1);
    }
  return g_string_free (out, FALSE);
}

char *
vigie_report_format_percent (double fraction)
{
  g_autofree char *number = vigie_report_format_double (fraction * 100.0, 0);
  VigieReportLocale *self = vigie_report_locale_current ();

  /* French typography puts a narrow no-break space before the sign. */
  if (self != NULL && g_str_has_prefix (self->language, "fr"))
    return g_strconcat (number, "\u202F%", NULL);
  return g_strconcat (number, "%", NULL);
}
