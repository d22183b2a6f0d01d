/* vigie-pdf.h — a small page-layout engine for A4 PDF reports on a cairo PDF surface with
 * pango text (72 dpi, unhinted metrics: the same input gives the same bytes).
 *
 * Content flows down the page: headings (kept with at least two lines of what follows,
 * and added to the document outline), paragraphs (split between pages line by line),
 * key–value blocks, tables (rows never split; the header row is repeated on every page
 * the table continues on), and figures drawn by a callback (moved to the next page when
 * they do not fit). Every page but the first (the cover) gets a running header and a
 * footer with "Page N of M": render the document twice, the first time with
 * TOTAL_PAGES = 0 to count the pages (vigie_pdf_render_twice() does that).
 *
 * No link tags are written (cairo 1.16 writes a broken xref entry with them); the
 * outline uses cairo_pdf_surface_add_outline() with page destinations.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>
#include <gio/gio.h>

G_BEGIN_DECLS

typedef struct _VigiePdf VigiePdf;

typedef struct
{
  const char *title;
  const char *author;
  const char *subject;
  const char *keywords;
  const char *creator;
  const char *date;             /* ISO 8601 "YYYY-MM-DDThh:mm:ssZ": creation and modification */
  const char *header_left;      /* running header of pages 2.. */
  const char *header_right;
  const char *footer_left;      /* e.g. the disclosure level */
  const char *footer_right;     /* e.g. the date */
  /* "Page %1$d of %2$d" in the report's language, already translated. */
  char      *(*page_label) (int page, int total);
} VigiePdfSetup;

typedef enum
{
  VIGIE_PDF_BODY,
  VIGIE_PDF_SMALL,
  VIGIE_PDF_DIM,                /* small, grey */
  VIGIE_PDF_LEAD,               /* larger introductory text */
  VIGIE_PDF_NOTE,               /* italic, in a tinted box edge */
  VIGIE_PDF_TITLE,              /* cover title */
  VIGIE_PDF_SUBTITLE,           /* cover subtitle */
} VigiePdfStyle;

typedef enum
{
  VIGIE_PDF_ALIGN_LEFT,
  VIGIE_PDF_ALIGN_RIGHT,
  VIGIE_PDF_ALIGN_CENTER,
} VigiePdfAlign;

typedef void (*VigiePdfDrawFunc) (cairo_t *cr,
                                  double   width,
                                  double   height,
                                  gpointer user_data);

/* A4 portrait in points. */
#define VIGIE_PDF_PAGE_WIDTH  595.2756
#define VIGIE_PDF_PAGE_HEIGHT 841.8898

VigiePdf   *vigie_pdf_new            (cairo_write_func_t   write_func,
                                      gpointer             closure,
                                      const VigiePdfSetup *setup,
                                      int                  total_pages);
/* Ends the last page and the document. FALSE with ERROR when cairo failed. */
gboolean    vigie_pdf_finish         (VigiePdf            *pdf,
                                      int                 *n_pages,
                                      GError             **error);
void        vigie_pdf_free           (VigiePdf            *pdf);

cairo_t    *vigie_pdf_get_cairo      (VigiePdf            *pdf);
double      vigie_pdf_content_width  (VigiePdf            *pdf);
/* Space left on the current page, in points. */
double      vigie_pdf_space_left     (VigiePdf            *pdf);
int         vigie_pdf_page_number    (VigiePdf            *pdf);

void        vigie_pdf_new_page       (VigiePdf            *pdf);
/* Starts a new page unless POINTS are left on this one (keeps a block together). */
void        vigie_pdf_keep           (VigiePdf            *pdf,
                                      double               points);
void        vigie_pdf_skip           (VigiePdf            *pdf,
                                      double               points);
/* A heading of LEVEL 1..3 with an outline entry under OUTLINE_PARENT (0: the root, -1:
 * the last level-1 heading).
 * Returns the outline id (for children). */
int         vigie_pdf_heading        (VigiePdf            *pdf,
                                      int                  level,
                                      const char          *text,
                                      int                  outline_parent);
/* Plain text (never markup). */
void        vigie_pdf_paragraph      (VigiePdf            *pdf,
                                      VigiePdfStyle        style,
                                      const char          *text);
/* Pango markup built by the caller with g_markup_printf_escaped(). */
void        vigie_pdf_markup         (VigiePdf            *pdf,
                                      VigiePdfStyle        style,
                                      const char          *markup);
/* A bulleted item of plain text. */
void        vigie_pdf_bullet         (VigiePdf            *pdf,
                                      const char          *text);
/* Label / value rows (N_PAIRS pairs: label, value, label, value ...; plain text). */
void        vigie_pdf_key_values     (VigiePdf            *pdf,
                                      const char * const  *pairs,
                                      guint                n_pairs);
/* A figure HEIGHT points high across the content width. */
void        vigie_pdf_figure         (VigiePdf            *pdf,
                                      double               height,
                                      VigiePdfDrawFunc     draw,
                                      gpointer             user_data);

/* Tables: WIDTHS are fractions of the content width (summing to 1). */
typedef struct _VigiePdfTable VigiePdfTable;

VigiePdfTable *vigie_pdf_table_begin (VigiePdf            *pdf,
                                      guint                n_columns,
                                      const double        *widths,
                                      const VigiePdfAlign *aligns,
                                      const char * const  *headers);
void           vigie_pdf_table_row   (VigiePdfTable       *table,
                                      const char * const  *cells);
/* A row in bold (totals). */
void           vigie_pdf_table_total (VigiePdfTable       *table,
                                      const char * const  *cells);
void           vigie_pdf_table_end   (VigiePdfTable       *table);

/* Lays out a document twice through BUILD (called with a VigiePdf): once to count the
 * pages, once for real into WRITE_FUNC. */
typedef gboolean (*VigiePdfBuildFunc) (VigiePdf  *pdf,
                                       gpointer   user_data,
                                       GError   **error);

gboolean    vigie_pdf_render_twice   (const VigiePdfSetup *setup,
                                      VigiePdfBuildFunc    build,
                                      gpointer             user_data,
                                      cairo_write_func_t   write_func,
                                      gpointer             closure,
                                      int                 *n_pages,
                                      GError             **error);

/* Writes a PDF to PATH (mode 0600, through a temporary file renamed at the end). */
gboolean    vigie_pdf_render_to_file (const VigiePdfSetup *setup,
                                      VigiePdfBuildFunc    build,
                                      gpointer             user_data,
                                      const char          *path,
                                      int                 *n_pages,
                                      GError             **error);

G_END_DECLS
