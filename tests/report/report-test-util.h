/* report-test-util.h — what the report tests share: temporary folders, a dataset made
 * from SQL, command-line tools run to completion, PDFs read back (poppler-glib,
 * pdftotext, qpdf), and pixels of rendered charts.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>
#include <poppler.h>

#include "vigie-chart-style.h"
#include "vigie-store.h"

G_BEGIN_DECLS

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PopplerDocument, g_object_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PopplerPage, g_object_unref)

/* Sets the locale from the environment, binds Vigie's catalogue from the build folder
 * (reports are written in French from it) and calls g_test_init. */
void             vigie_report_test_init               (int                 *argc,
                                                       char              ***argv);

/* Deletes PATH and everything under it. */
void             vigie_report_test_remove_tree        (const char          *path);

/* A test's temporary folder, and the dataset in it. */
typedef struct
{
  char       *dir;
  VigieStore *store;    /* NULL for a test without one */
} VigieReportFixture;

/* Gives FX a new temporary folder made from TMP_TEMPLATE and, unless SQL is NULL, a new
 * dataset "dataset.db" in it into which SQL was run. */
void             vigie_report_test_fixture_set_up     (VigieReportFixture  *fx,
                                                       const char          *tmp_template,
                                                       const char          *sql);

/* Closes FX's dataset and deletes its folder (a GTestFixtureFunc). */
void             vigie_report_test_fixture_tear_down  (VigieReportFixture  *fx,
                                                       gconstpointer        data);

/* Runs ARGV (searched in $PATH) and returns its standard output; the test fails with the
 * tool's output when it cannot run or exits with an error. */
char            *vigie_report_test_run_tool           (const char * const  *argv);

/* Asserts that PATH exists with mode 0600 (readable by its owner only). */
void             vigie_report_test_assert_private     (const char          *path);

/* Asserts that the files A and B hold the same bytes, more than MIN_SIZE of them. */
void             vigie_report_test_assert_same_bytes  (const char          *a,
                                                       const char          *b,
                                                       gsize                min_size);

/* PATH opened with poppler (through a file:// URI); the test fails when it cannot be. */
PopplerDocument *vigie_report_test_open_pdf           (const char          *path);

/* Asserts that PAGE is A4 portrait (595.28 × 841.89 points). */
void             vigie_report_test_assert_a4          (PopplerPage         *page);

/* The text of the PDF at PATH, as pdftotext (UTF-8) extracts it. */
char            *vigie_report_test_pdf_text           (const char          *path);

/* Asserts that qpdf --check finds nothing wrong in the PDF at PATH. */
void             vigie_report_test_assert_qpdf_ok     (const char          *path);

typedef struct
{
  char *title;
  int   page;     /* 0-based; -1 when the entry leads nowhere poppler can resolve */
} VigieOutlineEntry;

/* Every entry of the outline (bookmarks) of DOC that goes to a destination, depth first,
 * in document order: an array of VigieOutlineEntry. */
GPtrArray       *vigie_report_test_outline            (PopplerDocument     *doc);

/* The colour (0xRRGGBB) of the pixel at (X, Y) of the image SURFACE (RGB24 or ARGB32). */
guint32          vigie_report_test_pixel              (cairo_surface_t     *surface,
                                                       int                  x,
                                                       int                  y);

/* COLOUR as 0xRRGGBB, to compare with vigie_report_test_pixel. */
guint32          vigie_report_test_rgb                (VigieChartRgba       colour);

G_END_DECLS
