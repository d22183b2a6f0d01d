/* vigie-pdf-preview.h — an in-page preview of a PDF that Vigie generated itself: a strip of
 * page thumbnails, the pages one under the other, zoom (in, out, fit width).
 *
 * Pages are rendered with poppler-glib in a thread of their own, and only the pages that
 * are on screen (and one screen around them): a 200-page report costs the pages looked at.
 * Pages far off screen give their images back.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define VIGIE_TYPE_PDF_PREVIEW (vigie_pdf_preview_get_type ())
G_DECLARE_FINAL_TYPE (VigiePdfPreview, vigie_pdf_preview, VIGIE, PDF_PREVIEW, GtkWidget)

GtkWidget *vigie_pdf_preview_new              (void) G_GNUC_WARN_UNUSED_RESULT;

/* Shows the PDF at PATH, or in BYTES. The document is read into memory: the file may go
 * at once. */
gboolean   vigie_pdf_preview_load_file        (VigiePdfPreview *self,
                                               const char      *path,
                                               GError         **error);
gboolean   vigie_pdf_preview_load_bytes       (VigiePdfPreview *self,
                                               GBytes          *bytes,
                                               GError         **error);
void       vigie_pdf_preview_clear            (VigiePdfPreview *self);

int        vigie_pdf_preview_get_n_pages      (VigiePdfPreview *self);
/* The page mostly in view, 0-based (-1 without a document). */
int        vigie_pdf_preview_get_current_page (VigiePdfPreview *self);
/* Scrolls page INDEX (0-based) to the top of the view. */
void       vigie_pdf_preview_show_page        (VigiePdfPreview *self,
                                               int              index);

/* 1.0 shows a page at its printed size on a 96 dpi screen. */
double     vigie_pdf_preview_get_zoom         (VigiePdfPreview *self);
/* Leaves fit-width mode. */
void       vigie_pdf_preview_set_zoom         (VigiePdfPreview *self,
                                               double           zoom);
gboolean   vigie_pdf_preview_get_fit_width    (VigiePdfPreview *self);
void       vigie_pdf_preview_set_fit_width    (VigiePdfPreview *self,
                                               gboolean         fit_width);
void       vigie_pdf_preview_zoom_in          (VigiePdfPreview *self);
void       vigie_pdf_preview_zoom_out         (VigiePdfPreview *self);

/* For tests: pages whose image is rendered (THUMBNAILS: in the strip), renders still
 * queued, and the size of a page on screen and of its image (FALSE when not rendered). */
guint      vigie_pdf_preview_get_n_rendered   (VigiePdfPreview *self,
                                               gboolean         thumbnails);
gboolean   vigie_pdf_preview_get_busy         (VigiePdfPreview *self);
void       vigie_pdf_preview_get_page_size    (VigiePdfPreview *self,
                                               int              index,
                                               int             *width,
                                               int             *height);
gboolean   vigie_pdf_preview_get_page_image_size (VigiePdfPreview *self,
                                                  int              index,
                                                  gboolean         thumbnail,
                                                  int             *width,
                                                  int             *height);

G_END_DECLS
