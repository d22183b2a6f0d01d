/* vigie-website-svg.c — charts and timelines of the website: the shared cairo renderers
 * drawn on a cairo SVG surface, made fit to inline in HTML.
 *
 * cairo numbers the ids of an SVG document (surfaces, glyphs, clips, patterns) partly
 * with process-wide counters, and every document restarts its glyph ids: the same chart
 * drawn twice differs, and two charts in one page would share ids. So every id is renamed
 * PREFIX-N in order of first appearance, and every reference to it follows.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <cairo-svg.h>
#include <locale.h>
#include <stdio.h>
#include <string.h>

#include "vigie-website-private.h"

static cairo_status_t
append_to_string (void                *closure,
                  const unsigned char *data,
                  unsigned int         length)
{
  g_string_append_len (closure, (const char *) data, length);
  return CAIRO_STATUS_SUCCESS;
}

/* The C locale of LANGUAGE for month names (LC_TIME) and the charset GLib converts them
 * from (LC_CTYPE), or 0 when none is installed. */
static locale_t
time_locale (const char *language)
{
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  int mask = LC_TIME_MASK | LC_CTYPE_MASK;

  if (language == NULL || language[0] == '\0')
    return (locale_t) 0;
  if (strchr (language, '_') != NULL)
    {
      g_autofree char *base = g_strndup (language, strcspn (language, ".@"));

      g_ptr_array_add (names, g_strconcat (base, ".UTF-8", NULL));
    }
  else
    {
      g_autofree char *upper = g_ascii_strup (language, -1);

      if (g_str_equal (language, "en"))
        {
          g_ptr_array_add (names, g_strdup ("en_GB.UTF-8"));
          g_ptr_array_add (names, g_strdup ("en_US.UTF-8"));
        }
      g_ptr_array_add (names, g_strdup_printf ("%s_%s.UTF-8", language, upper));
    }
  g_ptr_array_add (names, g_strdup ("C.UTF-8"));

  for (guint i = 0; i < names->len; i++)
    {
      locale_t loc = newlocale (mask, g_ptr_array_index (names, i), (locale_t) 0);

      if (loc != (locale_t) 0)
        return loc;
    }
  return (locale_t) 0;
}

/* Is C a character of an XML id (as cairo writes them)? */
static gboolean
is_id_char (char c)
{
  return g_ascii_isalnum (c) || c == '-' || c == '_' || c == '.' || c == ':';
}

/* The name of the id starting at P (up to END_CHAR), or NULL. */
static char *
read_id (const char *p,
         char        end_char,
         const char **after)
{
  const char *q = p;

  while (is_id_char (*q))
    q++;
  if (q == p || *q != end_char)
    return NULL;
  *after = q;
  return g_strndup (p, q - p);
}

static const char *
mapped_id (GHashTable *map,
           const char *prefix,
           const char *id)
{
  const char *name = g_hash_table_lookup (map, id);

  if (name == NULL)
    {
      char *fresh = g_strdup_printf ("%s-%u", prefix, g_hash_table_size (map) + 1);

      g_hash_table_insert (map, g_strdup (id), fresh);
      name = fresh;
    }
  return name;
}

/* Appends the number at P ("-12.3456", as cairo writes them) rounded to two decimals, and
 * returns what follows it. Decimal text in, decimal text out: no conversion to binary. */
static const char *
append_rounded_number (GString    *out,
                       const char *p)
{
  gboolean negative = FALSE;
  guint64 hundredths = 0;
  const char *q = p;
  int n_int = 0;

  if (*q == '-')
    {
      negative = TRUE;
      q++;
    }
  for (; g_ascii_isdigit (*q) && n_int < 15; q++, n_int++)
    hundredths = hundredths * 10 + (guint64) (*q - '0');
  if (g_ascii_isdigit (*q))
    {
      /* Too long to be a coordinate: copy it as it is. */
      while (g_ascii_isdigit (*q) || *q == '.')
        q++;
      g_string_append_len (out, p, q - p);
      return q;
    }
  hundredths *= 100;
  if (*q == '.')
    {
      q++;
      if (g_ascii_isdigit (*q))
        hundredths += (guint64) (*q++ - '0') * 10;
      if (g_ascii_isdigit (*q))
        hundredths += (guint64) (*q++ - '0');
      if (g_ascii_isdigit (*q) && *q >= '5')
        hundredths++;
      while (g_ascii_isdigit (*q))
        q++;
    }
  if (negative && hundredths > 0)
    g_string_append_c (out, '-');
  g_string_append_printf (out, "%" G_GUINT64_FORMAT, hundredths / 100);
  if (hundredths % 100 != 0)
    {
      g_string_append_c (out, '.');
      g_string_append_c (out, (char) ('0' + (hundredths / 10) % 10));
      if (hundredths % 10 != 0)
        g_string_append_c (out, (char) ('0' + hundredths % 10));
    }
  return q;
}

/* Appends the attribute value at P (up to the closing quote) with every decimal number
 * rounded to two decimals: a hundredth of a pixel is below what a screen shows, and cairo's
 * six decimals make the paths a third longer. Returns the position of the quote. */
static const char *
append_rounded (GString    *out,
                const char *p)
{
  while (*p != '\0' && *p != '"')
    {
      if (g_ascii_isdigit (*p) || (*p == '-' && g_ascii_isdigit (p[1])))
        p = append_rounded_number (out, p);
      else
        g_string_append_c (out, *p++);
    }
  return p;
}

char *
website_svg_normalise (const char *svg,
                       const char *id_prefix,
                       const char *title,
                       const char *description)
{
  g_autoptr(GHashTable) map = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(GString) out = g_string_new (NULL);
  g_autofree char *title_text = g_markup_escape_text (title != NULL ? title : "", -1);
  g_autofree char *desc_text = g_markup_escape_text (description != NULL ? description : "", -1);
  const char *root = strstr (svg, "<svg");
  const char *root_end;
  const char *view_box;
  g_autofree char *box = NULL;
  double w = 0, h = 0;

  g_return_val_if_fail (root != NULL, NULL);
  root_end = strchr (root, '>');
  g_return_val_if_fail (root_end != NULL, NULL);

  /* The viewBox cairo wrote gives the size in CSS pixels (one unit is one pixel). */
  view_box = g_strstr_len (root, root_end - root, "viewBox=\"");
  if (view_box != NULL)
    {
      const char *end = strchr (view_box + 9, '"');

      box = g_strndup (view_box + 9, end != NULL ? end - (view_box + 9) : 0);
      if (sscanf (box, "%*f %*f %lf %lf", &w, &h) != 2)
        w = h = 0;
    }
  if (box == NULL)
    box = g_strdup ("0 0 0 0");

  /* Pass 1: number the ids in order of appearance (definitions come before use). */
  for (const char *p = root_end; (p = strstr (p, " id=\"")) != NULL; )
    {
      const char *after;
      g_autofree char *id = read_id (p + 5, '"', &after);

      if (id != NULL)
        mapped_id (map, id_prefix, id);
      p += 5;
    }

  g_string_append_printf (out,
                          "<svg xmlns=\"http://www.w3.org/2000/svg\" "
                          "xmlns:xlink=\"http://www.w3.org/1999/xlink\" class=\"chart\" "
                          "width=\"%g\" height=\"%g\" viewBox=\"%s\" role=\"img\" "
                          "aria-labelledby=\"%s-title %s-desc\" focusable=\"false\">"
                          "<title id=\"%s-title\">%s</title><desc id=\"%s-desc\">%s</desc>",
                          w, h, box, id_prefix, id_prefix, id_prefix, title_text, id_prefix,
                          desc_text);

  /* Pass 2: copy the body with every id and reference renamed. */
  for (const char *p = root_end + 1; *p != '\0'; )
    {
      static const struct { const char *lead; char end; } refs[] = {
        { " id=\"", '"' }, { "href=\"#", '"' }, { "url(#", ')' },
      };
      static const char * const rounded[] = { " d=\"", " x=\"", " y=\"" };
      gboolean done = FALSE;

      /* Every lead starts with a space, 'h' or 'u'. */
      if (*p != ' ' && *p != 'h' && *p != 'u')
        {
          g_string_append_c (out, *p);
          p++;
          continue;
        }
      for (guint r = 0; r < G_N_ELEMENTS (refs) && !done; r++)
        {
          gsize lead = strlen (refs[r].lead);

          if (strncmp (p, refs[r].lead, lead) == 0)
            {
              const char *after;
              g_autofree char *id = read_id (p + lead, refs[r].end, &after);

              if (id != NULL)
                {
                  g_string_append (out, refs[r].lead);
                  g_string_append (out, mapped_id (map, id_prefix, id));
                  p = after;
                  done = TRUE;
                }
            }
        }
      for (guint a = 0; a < G_N_ELEMENTS (rounded) && !done; a++)
        {
          gsize lead = strlen (rounded[a]);

          if (strncmp (p, rounded[a], lead) == 0)
            {
              g_string_append (out, rounded[a]);
              p = append_rounded (out, p + lead);
              done = TRUE;
            }
        }
      if (!done)
        {
          g_string_append_c (out, *p);
          p++;
        }
    }

  /* cairo ends the document with a newline after </svg>. */
  while (out->len > 0 && g_ascii_isspace (out->str[out->len - 1]))
    g_string_truncate (out, out->len - 1);
  return g_string_free (g_steal_pointer (&out), FALSE);
}

char *
website_svg_render (double           width,
                    double           height,
                    WebsiteDrawFunc  draw,
                    gpointer         user_data,
                    const char      *id_prefix,
                    const char      *title,
                    const char      *description,
                    const char      *language)
{
  g_autoptr(GString) svg = g_string_new (NULL);
  cairo_surface_t *surface;
  cairo_t *cr;
  locale_t loc = time_locale (language);
  locale_t previous = (locale_t) 0;

  surface = cairo_svg_surface_create_for_stream (append_to_string, svg, width, height);
  cairo_svg_surface_restrict_to_version (surface, CAIRO_SVG_VERSION_1_1);
  cr = cairo_create (surface);
  /* Month names on time axes in the page's language, on this thread only. */
  if (loc != (locale_t) 0)
    previous = uselocale (loc);
  draw (cr, width, height, user_data);
  if (loc != (locale_t) 0)
    {
      uselocale (previous);
      freelocale (loc);
    }
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  cairo_surface_destroy (surface);

  return website_svg_normalise (svg->str, id_prefix, title, description);
}
