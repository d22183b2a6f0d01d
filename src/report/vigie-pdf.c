/* vigie-pdf.c — page layout for A4 PDF reports (cairo + pango).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <cairo-pdf.h>
#include <errno.h>
#include <fcntl.h>
#include <pango/pangocairo.h>
#include <string.h>
#include <unistd.h>

#include "vigie-pdf.h"

#define MARGIN_LEFT    56.0
#define MARGIN_RIGHT   56.0
#define MARGIN_TOP     74.0
#define MARGIN_BOTTOM  68.0
#define HEADER_BASE    40.0
#define FOOTER_BASE    (VIGIE_PDF_PAGE_HEIGHT - 36.0)
#define FONT_FAMILY    "Cantarell"
#define CELL_PAD_X     4.0
#define CELL_PAD_Y     3.0

/* Colours: GNOME palette, sober for print. */
static const double ink[3] = { 0.12, 0.12, 0.12 };
static const double dim_ink[3] = { 0.40, 0.40, 0.42 };
static const double accent[3] = { 0.110, 0.443, 0.847 };   /* blue 4 */
static const double rule[3] = { 0.80, 0.80, 0.82 };
static const double header_fill[3] = { 0.925, 0.937, 0.957 };
static const double zebra_fill[3] = { 0.973, 0.976, 0.980 };

struct _VigiePdf
{
  cairo_surface_t *surface;
  cairo_t         *cr;
  PangoContext    *context;
  VigiePdfSetup    setup;
  int              total_pages;
  int              page;           /* 1-based, the page being drawn */
  double           y;              /* next free position on the page */
  gboolean         page_has_content;
  int              last_section;   /* outline id of the last level-1 heading */
  /* The first pass of vigie_pdf_render_twice() only counts the pages: text is laid out
   * and flows as it will, but nothing is drawn (half the work of a long report). */
  gboolean         measuring;
  int              n_outline;      /* outline ids handed out while measuring */
};

struct _VigiePdfTable
{
  VigiePdf      *pdf;
  guint          n_columns;
  double        *widths;          /* in points */
  VigiePdfAlign *aligns;
  char         **headers;
  double         header_height;
  guint          n_rows;
};

static double content_width (void) { return VIGIE_PDF_PAGE_WIDTH - MARGIN_LEFT - MARGIN_RIGHT; }
static double page_bottom (void) { return VIGIE_PDF_PAGE_HEIGHT - MARGIN_BOTTOM; }

static void
set_colour (cairo_t      *cr,
            const double  c[3])
{
  cairo_set_source_rgb (cr, c[0], c[1], c[2]);
}

static const char *
style_font (VigiePdfStyle style)
{
  switch (style)
    {
    case VIGIE_PDF_SMALL:    return FONT_FAMILY " 8.5";
    case VIGIE_PDF_DIM:      return FONT_FAMILY " 8";
    case VIGIE_PDF_LEAD:     return FONT_FAMILY " 11.5";
    case VIGIE_PDF_NOTE:     return FONT_FAMILY " Italic 9";
    case VIGIE_PDF_TITLE:    return FONT_FAMILY " Bold 26";
    case VIGIE_PDF_SUBTITLE: return FONT_FAMILY " 15";
    case VIGIE_PDF_BODY:
    default:                 return FONT_FAMILY " 9.5";
    }
}

static PangoLayout *
make_layout (VigiePdf   *pdf,
             const char *font,
             double      width,
             const char *text,
             gboolean    markup)
{
  PangoLayout *layout = pango_layout_new (pdf->context);
  PangoFontDescription *desc = pango_font_description_from_string (font);

  pango_layout_set_font_description (layout, desc);
  pango_font_description_free (desc);
  pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  if (markup)
    pango_layout_set_markup (layout, text, -1);
  else
    pango_layout_set_text (layout, text != NULL ? text : "", -1);
  return layout;
}

static double
layout_height (PangoLayout *layout)
{
  int w, h;

  pango_layout_get_size (layout, &w, &h);
  return (double) h / PANGO_SCALE;
}

static void
show_layout (VigiePdf    *pdf,
             PangoLayout *layout,
             double       x,
             double       y)
{
  if (pdf->measuring)
    return;
  cairo_move_to (pdf->cr, x, y);
  pango_cairo_show_layout (pdf->cr, layout);
}

/* One line of small text at (X, BASELINE), aligned. */
static void
small_text (VigiePdf      *pdf,
            const char    *text,
            double         x,
            double         baseline,
            VigiePdfAlign  align,
            const double   colour[3])
{
  g_autoptr(PangoLayout) layout = NULL;
  int w, base;

  if (text == NULL || text[0] == '\0' || pdf->measuring)
    return;
  layout = make_layout (pdf, FONT_FAMILY " 7.5", content_width (), text, FALSE);
  pango_layout_set_width (layout, -1);
  pango_layout_get_size (layout, &w, NULL);
  base = pango_layout_get_baseline (layout);
  if (align == VIGIE_PDF_ALIGN_RIGHT)
    x -= (double) w / PANGO_SCALE;
  else if (align == VIGIE_PDF_ALIGN_CENTER)
    x -= (double) w / PANGO_SCALE / 2;
  set_colour (pdf->cr, colour);
  show_layout (pdf, layout, x, baseline - (double) base / PANGO_SCALE);
}

static void
draw_header (VigiePdf *pdf)
{
  cairo_t *cr = pdf->cr;

  if (pdf->measuring)
    return;
  small_text (pdf, pdf->setup.header_left, MARGIN_LEFT, HEADER_BASE, VIGIE_PDF_ALIGN_LEFT,
              dim_ink);
  small_text (pdf, pdf->setup.header_right, VIGIE_PDF_PAGE_WIDTH - MARGIN_RIGHT, HEADER_BASE,
              VIGIE_PDF_ALIGN_RIGHT, dim_ink);
  set_colour (cr, rule);
  cairo_set_line_width (cr, 0.5);
  cairo_move_to (cr, MARGIN_LEFT, HEADER_BASE + 6);
  cairo_line_to (cr, VIGIE_PDF_PAGE_WIDTH - MARGIN_RIGHT, HEADER_BASE + 6);
  cairo_stroke (cr);
}

static void
draw_footer (VigiePdf *pdf)
{
  cairo_t *cr = pdf->cr;
  g_autofree char *label = NULL;

  if (pdf->page == 1 || pdf->measuring)
    return;
  set_colour (cr, rule);
  cairo_set_line_width (cr, 0.5);
  cairo_move_to (cr, MARGIN_LEFT, FOOTER_BASE - 12);
  cairo_line_to (cr, VIGIE_PDF_PAGE_WIDTH - MARGIN_RIGHT, FOOTER_BASE - 12);
  cairo_stroke (cr);
  small_text (pdf, pdf->setup.footer_left, MARGIN_LEFT, FOOTER_BASE, VIGIE_PDF_ALIGN_LEFT,
              dim_ink);
  small_text (pdf, pdf->setup.footer_right, VIGIE_PDF_PAGE_WIDTH - MARGIN_RIGHT, FOOTER_BASE,
              VIGIE_PDF_ALIGN_RIGHT, dim_ink);
  if (pdf->setup.page_label != NULL)
    label = pdf->setup.page_label (pdf->page, pdf->total_pages > 0 ? pdf->total_pages
                                                                   : pdf->page);
  else
    label = g_strdup_printf ("%d", pdf->page);
  small_text (pdf, label, VIGIE_PDF_PAGE_WIDTH / 2, FOOTER_BASE, VIGIE_PDF_ALIGN_CENTER, ink);
}

static void
start_page (VigiePdf *pdf)
{
  pdf->page++;
  pdf->y = MARGIN_TOP;
  pdf->page_has_content = FALSE;
  if (pdf->page > 1)
    draw_header (pdf);
}

void
vigie_pdf_new_page (VigiePdf *pdf)
{
  draw_footer (pdf);
  cairo_show_page (pdf->cr);
  start_page (pdf);
}

static void
ensure_space (VigiePdf *pdf,
              double    needed)
{
  if (pdf->y + needed > page_bottom () && pdf->page_has_content)
    vigie_pdf_new_page (pdf);
}

void
vigie_pdf_keep (VigiePdf *pdf,
                double    points)
{
  ensure_space (pdf, points);
}

static cairo_status_t
discard_write (void                *closure,
               const unsigned char *data,
               unsigned int         length)
{
  return CAIRO_STATUS_SUCCESS;
}

static VigiePdf *
pdf_new (cairo_write_func_t   write_func,
         gpointer             closure,
         const VigiePdfSetup *setup,
         int                  total_pages,
         gboolean             measuring)
{
  VigiePdf *pdf = g_new0 (VigiePdf, 1);
  cairo_font_options_t *options;

  pdf->measuring = measuring;
  pdf->setup = *setup;
  pdf->total_pages = total_pages;
  pdf->surface = cairo_pdf_surface_create_for_stream (write_func != NULL ? write_func
                                                                         : discard_write,
                                                      closure, VIGIE_PDF_PAGE_WIDTH,
                                                      VIGIE_PDF_PAGE_HEIGHT);
  cairo_pdf_surface_restrict_to_version (pdf->surface, CAIRO_PDF_VERSION_1_5);
#define META(key, value) \
  if ((value) != NULL && (value)[0] != '\0') \
    cairo_pdf_surface_set_metadata (pdf->surface, key, value)
  META (CAIRO_PDF_METADATA_TITLE, setup->title);
  META (CAIRO_PDF_METADATA_AUTHOR, setup->author);
  META (CAIRO_PDF_METADATA_SUBJECT, setup->subject);
  META (CAIRO_PDF_METADATA_KEYWORDS, setup->keywords);
  META (CAIRO_PDF_METADATA_CREATOR, setup->creator);
  META (CAIRO_PDF_METADATA_CREATE_DATE, setup->date);
  META (CAIRO_PDF_METADATA_MOD_DATE, setup->date);
#undef META

  pdf->cr = cairo_create (pdf->surface);
  pdf->context = pango_cairo_create_context (pdf->cr);
  /* Print metrics: 72 dpi (1 pt = 1 unit), no hinting, so layout is exact and stable. */
  pango_cairo_context_set_resolution (pdf->context, 72);
  options = cairo_font_options_create ();
  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  pango_cairo_context_set_font_options (pdf->context, options);
  cairo_font_options_destroy (options);
  pango_context_set_round_glyph_positions (pdf->context, FALSE);

  start_page (pdf);
  return pdf;
}

VigiePdf *
vigie_pdf_new (cairo_write_func_t   write_func,
               gpointer             closure,
               const VigiePdfSetup *setup,
               int                  total_pages)
{
  return pdf_new (write_func, closure, setup, total_pages, FALSE);
}

gboolean
vigie_pdf_finish (VigiePdf  *pdf,
                  int       *n_pages,
                  GError   **error)
{
  cairo_status_t status;

  draw_footer (pdf);
  cairo_show_page (pdf->cr);
  cairo_surface_finish (pdf->surface);
  status = cairo_surface_status (pdf->surface);
  if (n_pages != NULL)
    *n_pages = pdf->page;
  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   _("The PDF could not be written: %s"), cairo_status_to_string (status));
      return FALSE;
    }
  return TRUE;
}

void
vigie_pdf_free (VigiePdf *pdf)
{
  if (pdf == NULL)
    return;
  g_clear_object (&pdf->context);
  cairo_destroy (pdf->cr);
  cairo_surface_destroy (pdf->surface);
  g_free (pdf);
}

cairo_t *
vigie_pdf_get_cairo (VigiePdf *pdf)
{
  return pdf->cr;
}

double
vigie_pdf_content_width (VigiePdf *pdf)
{
  return content_width ();
}

double
vigie_pdf_space_left (VigiePdf *pdf)
{
  return page_bottom () - pdf->y;
}

int
vigie_pdf_page_number (VigiePdf *pdf)
{
  return pdf->page;
}

void
vigie_pdf_skip (VigiePdf *pdf,
                double    points)
{
  pdf->y += points;
  if (pdf->y > page_bottom ())
    pdf->y = page_bottom ();
}

/* ─── Text ───────────────────────────────────────────────────────────────── */

/* Draws LAYOUT at the left margin + INDENT from pdf->y on, splitting it between pages at
 * line boundaries, without leaving the last line of a paragraph alone at the top of a page
 * (a widow) when the page before keeps at least two lines without it. */
static void
flow_layout (VigiePdf    *pdf,
             PangoLayout *layout,
             double       indent,
             const double colour[3])
{
  int n = pango_layout_get_line_count (layout);
  g_autofree double *tops = g_new (double, MAX (n, 1));
  g_autofree double *bottoms = g_new (double, MAX (n, 1));
  g_autofree double *baselines = g_new (double, MAX (n, 1));
  g_autofree double *xs = g_new (double, MAX (n, 1));
  g_autofree gboolean *breaks = g_new0 (gboolean, MAX (n, 1));
  PangoLayoutIter *iter = pango_layout_get_iter (layout);
  gboolean has_content = pdf->page_has_content;
  double shift = 0;   /* layout y at the top of the current page's part */
  double top = pdf->y;
  GSList *lines;
  int i = 0, first = 0;

  do
    {
      PangoRectangle logical;

      g_assert (i < n);
      pango_layout_iter_get_line_extents (iter, NULL, &logical);
      tops[i] = (double) logical.y / PANGO_SCALE;
      bottoms[i] = (double) (logical.y + logical.height) / PANGO_SCALE;
      baselines[i] = (double) pango_layout_iter_get_baseline (iter) / PANGO_SCALE;
      xs[i] = (double) logical.x / PANGO_SCALE;
      i++;
    }
  while (pango_layout_iter_next_line (iter));
  pango_layout_iter_free (iter);
  n = i;

  /* Where the pages break: before each line that does not fit. */
  for (i = 0; i < n; i++)
    {
      if (top + bottoms[i] - shift > page_bottom () && (has_content || tops[i] > shift))
        {
          int b = i;

          if (b == n - 1 && b - first >= 3)
            b--;
          breaks[b] = TRUE;
          first = i = b;
          shift = tops[b];
          top = MARGIN_TOP;
        }
      has_content = TRUE;
    }

  set_colour (pdf->cr, colour);
  shift = 0;
  top = pdf->y;
  lines = pango_layout_get_lines_readonly (layout);
  for (i = 0; i < n && lines != NULL; i++, lines = lines->next)
    {
      if (breaks[i])
        {
          vigie_pdf_new_page (pdf);
          set_colour (pdf->cr, colour);
          shift = tops[i];
          top = pdf->y;
        }
      if (!pdf->measuring)
        {
          cairo_move_to (pdf->cr, MARGIN_LEFT + indent + xs[i], top + baselines[i] - shift);
          pango_cairo_show_layout_line (pdf->cr, lines->data);
        }
      pdf->y = top + bottoms[i] - shift;
      pdf->page_has_content = TRUE;
    }
}

static void
text_block (VigiePdf      *pdf,
            VigiePdfStyle  style,
            const char    *text,
            gboolean       markup)
{
  g_autoptr(PangoLayout) layout = NULL;
  double indent = style == VIGIE_PDF_NOTE ? 10 : 0;
  double start;
  int page;

  if (text == NULL || text[0] == '\0')
    return;
  layout = make_layout (pdf, style_font (style), content_width () - indent, text, markup);
  if (style == VIGIE_PDF_BODY || style == VIGIE_PDF_LEAD || style == VIGIE_PDF_SMALL)
    pango_layout_set_spacing (layout, (int) (1.5 * PANGO_SCALE));
  start = pdf->y;
  page = pdf->page;
  flow_layout (pdf, layout, indent, style == VIGIE_PDF_DIM ? dim_ink : ink);
  if (style == VIGIE_PDF_NOTE && page == pdf->page && !pdf->measuring)
    {
      cairo_set_source_rgb (pdf->cr, accent[0], accent[1], accent[2]);
      cairo_rectangle (pdf->cr, MARGIN_LEFT, start, 2.5, pdf->y - start);
      cairo_fill (pdf->cr);
    }
  pdf->y += style == VIGIE_PDF_TITLE ? 10 : style == VIGIE_PDF_DIM ? 3 : 6;
}

void
vigie_pdf_paragraph (VigiePdf      *pdf,
                     VigiePdfStyle  style,
                     const char    *text)
{
  text_block (pdf, style, text, FALSE);
}

void
vigie_pdf_markup (VigiePdf      *pdf,
                  VigiePdfStyle  style,
                  const char    *markup)
{
  text_block (pdf, style, markup, TRUE);
}

void
vigie_pdf_bullet (VigiePdf   *pdf,
                  const char *text)
{
  g_autoptr(PangoLayout) layout = NULL;
  g_autoptr(PangoLayout) dot = NULL;
  double first_line = 14;

  if (text == NULL || text[0] == '\0')
    return;
  layout = make_layout (pdf, style_font (VIGIE_PDF_BODY), content_width () - 14, text, FALSE);
  pango_layout_set_spacing (layout, (int) (1.5 * PANGO_SCALE));
  ensure_space (pdf, first_line);
  if (!pdf->measuring)
    {
      dot = make_layout (pdf, style_font (VIGIE_PDF_BODY), 14, "•", FALSE);
      set_colour (pdf->cr, accent);
      show_layout (pdf, dot, MARGIN_LEFT + 3, pdf->y);
    }
  flow_layout (pdf, layout, 14, ink);
  pdf->y += 3;
}

int
vigie_pdf_heading (VigiePdf   *pdf,
                   int         level,
                   const char *text,
                   int         outline_parent)
{
  g_autoptr(PangoLayout) layout = NULL;
  g_autofree char *dest = NULL;
  const char *font;
  double before, after, height;
  int id;

  level = CLAMP (level, 1, 3);
  font = level == 1 ? FONT_FAMILY " Bold 17" : level == 2 ? FONT_FAMILY " Bold 12.5"
                                                          : FONT_FAMILY " Bold 10.5";
  before = level == 1 ? 16 : level == 2 ? 12 : 8;
  after = level == 1 ? 8 : level == 2 ? 5 : 3;
  layout = make_layout (pdf, font, content_width (), text, FALSE);
  height = layout_height (layout);

  /* No orphaned heading: it needs room for itself and two lines of what follows. */
  if (pdf->page_has_content)
    {
      if (pdf->y + before + height + after + 2 * 15 > page_bottom ())
        vigie_pdf_new_page (pdf);
      else
        pdf->y += before;
    }

  dest = g_strdup_printf ("page=%d pos=[%.1f %.1f]", pdf->page, MARGIN_LEFT,
                          MAX (pdf->y - 6, 0));
  if (outline_parent < 0)
    outline_parent = pdf->last_section;
  if (pdf->measuring)
    id = ++pdf->n_outline;
  else
    id = cairo_pdf_surface_add_outline (pdf->surface,
                                        outline_parent > 0 ? outline_parent
                                                           : CAIRO_PDF_OUTLINE_ROOT,
                                        text, dest,
                                        level == 1 ? CAIRO_PDF_OUTLINE_FLAG_OPEN : 0);

  if (level == 1)
    pdf->last_section = id;
  set_colour (pdf->cr, level == 1 ? accent : ink);
  show_layout (pdf, layout, MARGIN_LEFT, pdf->y);
  pdf->y += height;
  if (level == 1)
    {
      if (!pdf->measuring)
        {
          set_colour (pdf->cr, rule);
          cairo_set_line_width (pdf->cr, 0.75);
          cairo_move_to (pdf->cr, MARGIN_LEFT, pdf->y + 3);
          cairo_line_to (pdf->cr, VIGIE_PDF_PAGE_WIDTH - MARGIN_RIGHT, pdf->y + 3);
          cairo_stroke (pdf->cr);
        }
      pdf->y += 4;
    }
  pdf->y += after;
  pdf->page_has_content = TRUE;
  return id;
}

void
vigie_pdf_key_values (VigiePdf           *pdf,
                      const char * const *pairs,
                      guint               n_pairs)
{
  double label_width = content_width () * 0.28;

  for (guint i = 0; i < n_pairs; i++)
    {
      g_autoptr(PangoLayout) label = NULL;
      g_autoptr(PangoLayout) value = NULL;
      double h;

      if (pairs[2 * i + 1] == NULL || pairs[2 * i + 1][0] == '\0')
        continue;
      label = make_layout (pdf, FONT_FAMILY " Bold 9", label_width - 8, pairs[2 * i], FALSE);
      value = make_layout (pdf, style_font (VIGIE_PDF_BODY), content_width () - label_width,
                           pairs[2 * i + 1], FALSE);
      h = MAX (layout_height (label), layout_height (value));
      ensure_space (pdf, h + 4);
      set_colour (pdf->cr, dim_ink);
      show_layout (pdf, label, MARGIN_LEFT, pdf->y + 0.5);
      set_colour (pdf->cr, ink);
      show_layout (pdf, value, MARGIN_LEFT + label_width, pdf->y);
      pdf->y += h + 4;
      pdf->page_has_content = TRUE;
    }
  pdf->y += 4;
}

void
vigie_pdf_figure (VigiePdf         *pdf,
                  double            height,
                  VigiePdfDrawFunc  draw,
                  gpointer          user_data)
{
  ensure_space (pdf, height);
  if (!pdf->measuring)
    {
      cairo_save (pdf->cr);
      cairo_translate (pdf->cr, MARGIN_LEFT, pdf->y);
      cairo_rectangle (pdf->cr, 0, 0, content_width (), height);
      cairo_clip (pdf->cr);
      draw (pdf->cr, content_width (), height, user_data);
      cairo_restore (pdf->cr);
    }
  pdf->y += height + 8;
  pdf->page_has_content = TRUE;
}

/* ─── Tables ─────────────────────────────────────────────────────────────── */

static GPtrArray *
row_layouts (VigiePdfTable      *table,
             const char * const *cells,
             const char         *font,
             double             *height)
{
  GPtrArray *layouts = g_ptr_array_new_with_free_func (g_object_unref);

  *height = 0;
  for (guint c = 0; c < table->n_columns; c++)
    {
      PangoLayout *layout = make_layout (table->pdf, font, table->widths[c] - 2 * CELL_PAD_X,
                                         cells[c] != NULL ? cells[c] : "", FALSE);

      if (table->aligns != NULL && table->aligns[c] == VIGIE_PDF_ALIGN_RIGHT)
        pango_layout_set_alignment (layout, PANGO_ALIGN_RIGHT);
      else if (table->aligns != NULL && table->aligns[c] == VIGIE_PDF_ALIGN_CENTER)
        pango_layout_set_alignment (layout, PANGO_ALIGN_CENTER);
      *height = MAX (*height, layout_height (layout));
      g_ptr_array_add (layouts, layout);
    }
  *height += 2 * CELL_PAD_Y;
  return layouts;
}

static void
draw_row (VigiePdfTable *table,
          GPtrArray     *layouts,
          double         height,
          const double  *fill,
          const double  *text)
{
  VigiePdf *pdf = table->pdf;
  double x = MARGIN_LEFT;

  if (pdf->measuring)
    {
      pdf->y += height;
      pdf->page_has_content = TRUE;
      return;
    }
  if (fill != NULL)
    {
      set_colour (pdf->cr, fill);
      cairo_rectangle (pdf->cr, MARGIN_LEFT, pdf->y, content_width (), height);
      cairo_fill (pdf->cr);
    }
  set_colour (pdf->cr, text);
  for (guint c = 0; c < table->n_columns; c++)
    {
      show_layout (pdf, g_ptr_array_index (layouts, c), x + CELL_PAD_X, pdf->y + CELL_PAD_Y);
      x += table->widths[c];
    }
  pdf->y += height;
  set_colour (pdf->cr, rule);
  cairo_set_line_width (pdf->cr, 0.4);
  cairo_move_to (pdf->cr, MARGIN_LEFT, pdf->y);
  cairo_line_to (pdf->cr, MARGIN_LEFT + content_width (), pdf->y);
  cairo_stroke (pdf->cr);
  pdf->page_has_content = TRUE;
}

static void
draw_table_header (VigiePdfTable *table)
{
  g_autoptr(GPtrArray) layouts = NULL;
  double height;

  layouts = row_layouts (table, (const char * const *) table->headers, FONT_FAMILY " Bold 8",
                         &height);
  draw_row (table, layouts, height, header_fill, ink);
}

VigiePdfTable *
vigie_pdf_table_begin (VigiePdf            *pdf,
                       guint                n_columns,
                       const double        *widths,
                       const VigiePdfAlign *aligns,
                       const char * const  *headers)
{
  VigiePdfTable *table = g_new0 (VigiePdfTable, 1);

  table->pdf = pdf;
  table->n_columns = n_columns;
  table->widths = g_new (double, n_columns);
  for (guint c = 0; c < n_columns; c++)
    table->widths[c] = widths[c] * content_width ();
  if (aligns != NULL)
    table->aligns = g_memdup2 (aligns, sizeof (VigiePdfAlign) * n_columns);
  table->headers = g_new0 (char *, n_columns + 1);
  for (guint c = 0; c < n_columns; c++)
    table->headers[c] = g_strdup (headers[c]);
  {
    /* The header's height, for keeping it with the first row. */
    g_autoptr(GPtrArray) layouts = row_layouts (table, (const char * const *) table->headers,
                                                FONT_FAMILY " Bold 8", &table->header_height);
  }
  return table;
}

static void
table_row (VigiePdfTable      *table,
           const char * const *cells,
           gboolean            bold)
{
  VigiePdf *pdf = table->pdf;
  g_autoptr(GPtrArray) layouts = NULL;
  double height;

  layouts = row_layouts (table, cells, bold ? FONT_FAMILY " Bold 8.5" : FONT_FAMILY " 8.5",
                         &height);
  /* The header starts the table only with a row under it; a row never splits, and the
   * header is repeated on each page the table continues on. */
  if (table->n_rows == 0)
    {
      ensure_space (pdf, table->header_height + height);
      draw_table_header (table);
    }
  else if (pdf->y + height > page_bottom ())
    {
      vigie_pdf_new_page (pdf);
      draw_table_header (table);
    }
  draw_row (table, layouts, height, (!bold && table->n_rows % 2 == 1) ? zebra_fill : NULL, ink);
  table->n_rows++;
}

void
vigie_pdf_table_row (VigiePdfTable      *table,
                     const char * const *cells)
{
  table_row (table, cells, FALSE);
}

void
vigie_pdf_table_total (VigiePdfTable      *table,
                       const char * const *cells)
{
  table_row (table, cells, TRUE);
}

void
vigie_pdf_table_end (VigiePdfTable *table)
{
  table->pdf->y += 10;
  g_free (table->widths);
  g_free (table->aligns);
  g_strfreev (table->headers);
  g_free (table);
}

/* ─── Whole documents ────────────────────────────────────────────────────── */

gboolean
vigie_pdf_render_twice (const VigiePdfSetup *setup,
                        VigiePdfBuildFunc    build,
                        gpointer             user_data,
                        cairo_write_func_t   write_func,
                        gpointer             closure,
                        int                 *n_pages,
                        GError             **error)
{
  VigiePdf *pdf;
  int counted = 0;
  gboolean ok;

  pdf = pdf_new (NULL, NULL, setup, 0, TRUE);
  ok = build (pdf, user_data, error) && vigie_pdf_finish (pdf, &counted, error);
  vigie_pdf_free (pdf);
  if (!ok)
    return FALSE;

  pdf = vigie_pdf_new (write_func, closure, setup, counted);
  ok = build (pdf, user_data, error) && vigie_pdf_finish (pdf, n_pages, error);
  vigie_pdf_free (pdf);
  return ok;
}

typedef struct
{
  int  fd;
  int  errsv;
} FileSink;

static cairo_status_t
file_write (void                *closure,
            const unsigned char *data,
            unsigned int         length)
{
  FileSink *sink = closure;

  while (length > 0)
    {
      ssize_t n = write (sink->fd, data, length);

      if (n < 0)
        {
          if (errno == EINTR)
            continue;
          sink->errsv = errno;
          return CAIRO_STATUS_WRITE_ERROR;
        }
      data += n;
      length -= (unsigned int) n;
    }
  return CAIRO_STATUS_SUCCESS;
}

gboolean
vigie_pdf_render_to_file (const VigiePdfSetup *setup,
                          VigiePdfBuildFunc    build,
                          gpointer             user_data,
                          const char          *path,
                          int                 *n_pages,
                          GError             **error)
{
  g_autofree char *tmp = g_strconcat (path, ".XXXXXX", NULL);
  FileSink sink = { -1, 0 };
  gboolean ok;

  sink.fd = g_mkstemp_full (tmp, O_WRONLY | O_CLOEXEC, 0600);
  if (sink.fd < 0)
    {
      int errsv = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (errsv),
                   _("Cannot create “%1$s”: %2$s"), path, g_strerror (errsv));
      return FALSE;
    }
  ok = vigie_pdf_render_twice (setup, build, user_data, file_write, &sink, n_pages, error);
  if (ok && sink.errsv != 0)
    {
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (sink.errsv),
                   _("Cannot write “%1$s”: %2$s"), path, g_strerror (sink.errsv));
      ok = FALSE;
    }
  if (close (sink.fd) != 0 && ok)
    {
      int errsv = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (errsv),
                   _("Cannot write “%1$s”: %2$s"), path, g_strerror (errsv));
      ok = FALSE;
    }
  if (ok && g_rename (tmp, path) != 0)
    {
      int errsv = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (errsv),
                   _("Cannot create “%1$s”: %2$s"), path, g_strerror (errsv));
      ok = FALSE;
    }
  if (!ok)
    g_unlink (tmp);
  return ok;
}
