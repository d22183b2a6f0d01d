/* vigie-pdf-preview.c — an in-page preview of a PDF Vigie generated: thumbnails, pages,
 * zoom.
 *
 * The document is read from memory (poppler_document_new_from_bytes), so the file it came
 * from can go at once. Page sizes are read when the document is loaded; after that the
 * PopplerDocument is only used by one render thread (a GThreadPool of one), which turns a
 * request (page, scale) into pixels that the main loop wraps in a GdkMemoryTexture.
 *
 * What to render is worked out from the scroll position: the main view computes where each
 * page is (its pages are stacked at known sizes, PAGE_MARGIN and PAGE_SPACING apart), asks
 * for the pages within one screen of the view and lets pages three screens away drop their
 * image. Each page says, in an atomic array shared with the thread, for which zoom it is
 * still wanted, so a request that went stale while queued (the user scrolled past, or
 * zoomed) is skipped. The thumbnail strip is a GtkListBox; its visible rows are found from
 * their allocations.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n.h>
#include <math.h>
#include <poppler.h>

#include "vigie-pdf-preview.h"

#define PAGE_MARGIN        16
#define PAGE_SPACING       16
#define THUMB_WIDTH        96
#define POINTS_TO_PIXELS   (96.0 / 72.0)
#define ZOOM_MIN           0.1
#define ZOOM_MAX           8.0
/* A page image never exceeds this (a page at 800 % would take 200 MB): beyond it, the
 * image is drawn enlarged. */
#define MAX_RENDER_PIXELS  (24.0 * 1024 * 1024)

static const double zoom_levels[] = {
  0.25, 1.0 / 3.0, 0.5, 2.0 / 3.0, 0.75, 1.0, 1.25, 1.5, 2.0, 3.0, 4.0, 6.0, 8.0
};

/* ─── The document, shared with the render thread ────────────────────────── */

typedef struct
{
  gatomicrefcount  ref;
  PopplerDocument *document;
  int              n_pages;
  int             *wanted;   /* per page: the zoom serial its main view image is wanted for */
  int              alive;    /* 0 once the preview let the document go */
} Doc;

static Doc *
doc_new (PopplerDocument *document)
{
  Doc *doc = g_new0 (Doc, 1);

  g_atomic_ref_count_init (&doc->ref);
  doc->document = document;
  doc->n_pages = poppler_document_get_n_pages (document);
  doc->wanted = g_new0 (int, MAX (doc->n_pages, 1));
  doc->alive = 1;
  return doc;
}

static Doc *
doc_ref (Doc *doc)
{
  g_atomic_ref_count_inc (&doc->ref);
  return doc;
}

static void
doc_unref (Doc *doc)
{
  if (doc == NULL || !g_atomic_ref_count_dec (&doc->ref))
    return;
  g_object_unref (doc->document);
  g_free (doc->wanted);
  g_free (doc);
}

typedef struct
{
  Doc      *doc;
  int       index;
  gboolean  thumbnail;
  int       serial;      /* the zoom serial it was asked for (main view) */
  double    scale;       /* device pixels per point */
  GWeakRef  preview;

  /* the result */
  GBytes   *bytes;
  int       width;
  int       height;
  gsize     stride;
} RenderRequest;

static void
render_request_free (gpointer data)
{
  RenderRequest *r = data;

  doc_unref (r->doc);
  g_weak_ref_clear (&r->preview);
  g_clear_pointer (&r->bytes, g_bytes_unref);
  g_free (r);
}

/* ─── One page on screen ─────────────────────────────────────────────────── */

#define VIGIE_TYPE_PDF_PAGE (vigie_pdf_page_get_type ())
G_DECLARE_FINAL_TYPE (VigiePdfPage, vigie_pdf_page, VIGIE, PDF_PAGE, GtkWidget)

struct _VigiePdfPage
{
  GtkWidget   parent_instance;

  int         index;
  double      width_pt;
  double      height_pt;
  double      scale;            /* logical pixels per point */
  GdkTexture *texture;
  int         texture_serial;
  gboolean    pending;          /* a render is queued for PENDING_SERIAL */
  int         pending_serial;
};

G_DEFINE_FINAL_TYPE (VigiePdfPage, vigie_pdf_page, GTK_TYPE_WIDGET)

static int
page_pixels (double points,
             double scale)
{
  return MAX (1, (int) ceil (points * scale - 0.01));
}

static void
vigie_pdf_page_measure (GtkWidget      *widget,
                        GtkOrientation  orientation,
                        int             for_size,
                        int            *minimum,
                        int            *natural,
                        int            *minimum_baseline,
                        int            *natural_baseline)
{
  VigiePdfPage *self = VIGIE_PDF_PAGE (widget);
  int size = orientation == GTK_ORIENTATION_HORIZONTAL ? page_pixels (self->width_pt, self->scale)
                                                       : page_pixels (self->height_pt, self->scale);

  *minimum = *natural = size;
}

static void
vigie_pdf_page_snapshot (GtkWidget   *widget,
                         GtkSnapshot *snapshot)
{
  VigiePdfPage *self = VIGIE_PDF_PAGE (widget);
  graphene_rect_t bounds = GRAPHENE_RECT_INIT (0, 0, gtk_widget_get_width (widget),
                                               gtk_widget_get_height (widget));
  GskRoundedRect outline;
  const GdkRGBA shadow = { 0, 0, 0, 0.28f };
  const GdkRGBA paper = { 1, 1, 1, 1 };

  gsk_rounded_rect_init_from_rect (&outline, &bounds, 0);
  gtk_snapshot_append_outset_shadow (snapshot, &outline, &shadow, 0, 1, 0, 4);
  gtk_snapshot_append_color (snapshot, &paper, &bounds);
  if (self->texture != NULL)
    gtk_snapshot_append_texture (snapshot, self->texture, &bounds);
}

static void
vigie_pdf_page_dispose (GObject *object)
{
  g_clear_object (&VIGIE_PDF_PAGE (object)->texture);
  G_OBJECT_CLASS (vigie_pdf_page_parent_class)->dispose (object);
}

static void
vigie_pdf_page_class_init (VigiePdfPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = vigie_pdf_page_dispose;
  widget_class->measure = vigie_pdf_page_measure;
  widget_class->snapshot = vigie_pdf_page_snapshot;
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
vigie_pdf_page_init (VigiePdfPage *self)
{
  gtk_widget_set_overflow (GTK_WIDGET (self), GTK_OVERFLOW_VISIBLE);
}

static VigiePdfPage *
vigie_pdf_page_new (int    index,
                    double width_pt,
                    double height_pt,
                    double scale)
{
  VigiePdfPage *page = g_object_new (VIGIE_TYPE_PDF_PAGE, NULL);
  g_autofree char *label = NULL;

  page->index = index;
  page->width_pt = width_pt;
  page->height_pt = height_pt;
  page->scale = scale;
  /* Translators: how a page of the previewed PDF is announced: "Page 3" */
  label = g_strdup_printf (_("Page %d"), index + 1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (page), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  return page;
}

static void
vigie_pdf_page_set_scale (VigiePdfPage *page,
                          double        scale)
{
  if (fabs (page->scale - scale) < 1e-9)
    return;
  page->scale = scale;
  gtk_widget_queue_resize (GTK_WIDGET (page));
}

static void
vigie_pdf_page_set_texture (VigiePdfPage *page,
                            GdkTexture   *texture,
                            int           serial)
{
  g_set_object (&page->texture, texture);
  page->texture_serial = texture != NULL ? serial : 0;
  gtk_widget_queue_draw (GTK_WIDGET (page));
}

/* ─── The preview ────────────────────────────────────────────────────────── */

struct _VigiePdfPreview
{
  GtkWidget          parent_instance;

  GtkWidget         *box;
  GtkLabel          *page_label;
  GtkLabel          *zoom_label;
  GtkToggleButton   *fit_button;
  GtkScrolledWindow *thumb_scroll;
  GtkListBox        *thumb_list;
  GtkScrolledWindow *main_scroll;
  GtkWidget         *pages_box;

  GPtrArray         *pages;          /* VigiePdfPage of the main view (owned by pages_box) */
  GPtrArray         *thumbs;         /* VigiePdfPage of the strip (owned by thumb_list) */
  Doc               *doc;
  GThreadPool       *pool;
  double             max_width_pt;

  double             zoom;
  gboolean           fit_width;
  int                serial;         /* changes with every zoom and document */
  int                current_page;
  guint              outstanding;    /* requests not delivered back yet */
  guint              update_tick;
  int                allocated_width;
  gboolean           syncing;

  /* Where the view should be once the layout reflects the page sizes: page ANCHOR_PAGE,
   * ANCHOR_FRACTION of its height at the top of the view. */
  gboolean           anchor_pending;
  int                anchor_page;
  double             anchor_fraction;
};

G_DEFINE_FINAL_TYPE (VigiePdfPreview, vigie_pdf_preview, GTK_TYPE_WIDGET)

enum
{
  PROP_0,
  PROP_N_PAGES,
  PROP_CURRENT_PAGE,
  PROP_ZOOM,
  PROP_FIT_WIDTH,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void queue_update (VigiePdfPreview *self);

/* ─── Rendering (thread) ─────────────────────────────────────────────────── */

static gboolean
request_still_wanted (RenderRequest *r)
{
  if (!g_atomic_int_get (&r->doc->alive))
    return FALSE;
  return r->thumbnail || g_atomic_int_get (&r->doc->wanted[r->index]) == r->serial;
}

static gboolean deliver_cb (gpointer data);

static void
render_thread (gpointer data,
               gpointer pool_data)
{
  RenderRequest *r = data;

  if (request_still_wanted (r))
    {
      PopplerPage *page = poppler_document_get_page (r->doc->document, r->index);

      if (page != NULL)
        {
          double w = 0, h = 0;
          cairo_surface_t *surface;
          cairo_t *cr;

          poppler_page_get_size (page, &w, &h);
          r->width = page_pixels (w, r->scale);
          r->height = page_pixels (h, r->scale);
          surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, r->width, r->height);
          cr = cairo_create (surface);
          cairo_set_source_rgb (cr, 1, 1, 1);
          cairo_paint (cr);
          cairo_scale (cr, r->width / MAX (w, 1), r->height / MAX (h, 1));
          poppler_page_render (page, cr);
          cairo_destroy (cr);
          cairo_surface_flush (surface);
          if (cairo_surface_status (surface) == CAIRO_STATUS_SUCCESS)
            {
              r->stride = (gsize) cairo_image_surface_get_stride (surface);
              r->bytes = g_bytes_new_with_free_func (cairo_image_surface_get_data (surface),
                                                     r->stride * (gsize) r->height,
                                                     (GDestroyNotify) cairo_surface_destroy,
                                                     surface);
            }
          else
            cairo_surface_destroy (surface);
          g_object_unref (page);
        }
    }
  /* An idle source of the main context, not g_main_context_invoke(): that would run
   * deliver_cb in this thread whenever the main context happens to be free. */
  {
    GSource *source = g_idle_source_new ();

    g_source_set_priority (source, G_PRIORITY_DEFAULT_IDLE);
    g_source_set_callback (source, deliver_cb, r, render_request_free);
    g_source_set_static_name (source, "[vigie] pdf page rendered");
    g_source_attach (source, g_main_context_default ());
    g_source_unref (source);
  }
}

/* Pages of the main view first, then thumbnails; in page order. */
static int
compare_requests (gconstpointer a,
                  gconstpointer b,
                  gpointer      user_data)
{
  const RenderRequest *ra = a, *rb = b;

  if (ra->thumbnail != rb->thumbnail)
    return ra->thumbnail ? 1 : -1;
  return ra->index < rb->index ? -1 : ra->index > rb->index;
}

static double
device_scale (VigiePdfPreview *self,
              VigiePdfPage    *page)
{
  double scale = page->scale * gtk_widget_get_scale_factor (GTK_WIDGET (self));
  double pixels = page->width_pt * page->height_pt * scale * scale;

  if (pixels > MAX_RENDER_PIXELS)
    scale *= sqrt (MAX_RENDER_PIXELS / pixels);
  return scale;
}

static void
request_render (VigiePdfPreview *self,
                VigiePdfPage    *page,
                gboolean         thumbnail)
{
  RenderRequest *r;

  if (page->pending && page->pending_serial == self->serial)
    return;

  r = g_new0 (RenderRequest, 1);
  r->doc = doc_ref (self->doc);
  r->index = page->index;
  r->thumbnail = thumbnail;
  r->serial = self->serial;
  r->scale = device_scale (self, page);
  g_weak_ref_init (&r->preview, self);
  page->pending = TRUE;
  page->pending_serial = self->serial;
  self->outstanding++;
  g_thread_pool_push (self->pool, r, NULL);
}

static gboolean
deliver_cb (gpointer data)
{
  RenderRequest *r = data;
  g_autoptr(VigiePdfPreview) self = g_weak_ref_get (&r->preview);
  VigiePdfPage *page;

  if (self == NULL)
    return G_SOURCE_REMOVE;
  g_assert (self->outstanding > 0);
  self->outstanding--;
  if (r->doc != self->doc)
    return G_SOURCE_REMOVE;

  page = g_ptr_array_index (r->thumbnail ? self->thumbs : self->pages, r->index);
  if (page->pending && page->pending_serial == r->serial)
    page->pending = FALSE;
  if (r->bytes != NULL && (r->thumbnail || r->serial == self->serial))
    {
      g_autoptr(GdkTexture) texture = gdk_memory_texture_new (r->width, r->height,
                                                              GDK_MEMORY_DEFAULT, r->bytes,
                                                              r->stride);

      vigie_pdf_page_set_texture (page, texture, r->serial);
    }
  else if (!r->thumbnail && r->serial == self->serial)
    /* Skipped while queued (scrolled away); the next update asks again if needed. */
    queue_update (self);
  return G_SOURCE_REMOVE;
}

/* ─── Geometry of the main view ──────────────────────────────────────────── */

static int
page_height (VigiePdfPage *page)
{
  return page_pixels (page->height_pt, page->scale);
}

/* Top of each page in the scrolled content, and the content's height. */
static int *
page_tops (VigiePdfPreview *self,
           int             *total)
{
  int *tops = g_new (int, self->pages->len + 1);
  int y = PAGE_MARGIN;

  for (guint i = 0; i < self->pages->len; i++)
    {
      tops[i] = y;
      y += page_height (g_ptr_array_index (self->pages, i)) + PAGE_SPACING;
    }
  tops[self->pages->len] = y;
  if (total != NULL)
    *total = self->pages->len > 0 ? y - PAGE_SPACING + PAGE_MARGIN : 0;
  return tops;
}

static void
update_labels (VigiePdfPreview *self)
{
  g_autofree char *zoom = NULL;
  gboolean has_doc = self->doc != NULL;

  if (has_doc)
    {
      /* Translators: where the preview is: "Page 3 of 12" */
      g_autofree char *text = g_strdup_printf (_("Page %1$d of %2$d"), self->current_page + 1,
                                               (int) self->pages->len);

      gtk_label_set_label (self->page_label, text);
    }
  else
    gtk_label_set_label (self->page_label, "");
  /* Translators: a whole percentage, e.g. "75%"; use your language's spacing ("75 %") */
  zoom = g_strdup_printf (C_("percentage", "%.0f%%"), self->zoom * 100);
  gtk_label_set_label (self->zoom_label, zoom);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "preview.zoom-in",
                                 has_doc && self->zoom < ZOOM_MAX - 1e-6);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "preview.zoom-out",
                                 has_doc && self->zoom > ZOOM_MIN + 1e-6);
  gtk_widget_set_sensitive (GTK_WIDGET (self->fit_button), has_doc);
}

static void
set_current_page (VigiePdfPreview *self,
                  int              index)
{
  if (self->current_page == index)
    return;
  self->current_page = index;
  update_labels (self);

  /* The strip follows: select the page and bring it into view. */
  if (index >= 0 && (guint) index < self->thumbs->len)
    {
      GtkWidget *thumb = g_ptr_array_index (self->thumbs, index);
      GtkWidget *row = gtk_widget_get_ancestor (thumb, GTK_TYPE_LIST_BOX_ROW);
      GtkWidget *viewport = gtk_widget_get_parent (GTK_WIDGET (self->thumb_list));
      GtkAdjustment *adj = gtk_scrolled_window_get_vadjustment (self->thumb_scroll);
      graphene_rect_t bounds;

      self->syncing = TRUE;
      gtk_list_box_select_row (self->thumb_list, GTK_LIST_BOX_ROW (row));
      self->syncing = FALSE;
      if (gtk_widget_compute_bounds (row, viewport, &bounds))
        {
          double page_size = gtk_adjustment_get_page_size (adj);
          double value = gtk_adjustment_get_value (adj);

          if (bounds.origin.y < 0)
            gtk_adjustment_set_value (adj, value + bounds.origin.y - 6);
          else if (bounds.origin.y + bounds.size.height > page_size)
            gtk_adjustment_set_value (adj, value + bounds.origin.y + bounds.size.height
                                           - page_size + 6);
        }
    }
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CURRENT_PAGE]);
}

/* Puts the view where the anchor says, once the scrolled content has the height the page
 * sizes give (before that, the adjustment would clamp the value to the old height). */
static void
apply_anchor (VigiePdfPreview *self)
{
  GtkAdjustment *adj = gtk_scrolled_window_get_vadjustment (self->main_scroll);
  g_autofree int *tops = NULL;
  int total = 0;
  double upper = gtk_adjustment_get_upper (adj);
  double page_size = gtk_adjustment_get_page_size (adj);
  VigiePdfPage *page;

  if (!self->anchor_pending || self->doc == NULL || page_size <= 0)
    return;
  tops = page_tops (self, &total);
  if (fabs (upper - MAX (total, page_size)) > 1.5)
    return;  /* the layout does not reflect the new sizes yet */

  self->anchor_pending = FALSE;
  page = g_ptr_array_index (self->pages, self->anchor_page);
  gtk_adjustment_set_value (adj, self->anchor_fraction > 0
                                 ? tops[self->anchor_page]
                                   + self->anchor_fraction * page_height (page)
                                 : tops[self->anchor_page] - PAGE_MARGIN / 2.0);
}

static void
update_main (VigiePdfPreview *self)
{
  GtkAdjustment *adj = gtk_scrolled_window_get_vadjustment (self->main_scroll);
  double value = gtk_adjustment_get_value (adj);
  double page_size = gtk_adjustment_get_page_size (adj);
  g_autofree int *tops = NULL;
  int best = 0;
  double best_overlap = -1;

  if (self->doc == NULL || page_size <= 0 || !gtk_widget_get_mapped (GTK_WIDGET (self)))
    return;

  tops = page_tops (self, NULL);
  for (guint i = 0; i < self->pages->len; i++)
    {
      VigiePdfPage *page = g_ptr_array_index (self->pages, i);
      double top = tops[i], bottom = tops[i] + page_height (page);
      double overlap = MIN (bottom, value + page_size) - MAX (top, value);

      if (overlap > best_overlap)
        {
          best_overlap = overlap;
          best = (int) i;
        }

      if (bottom > value - page_size && top < value + 2 * page_size)
        {
          /* In view or within a screen of it: wanted at the current zoom. */
          g_atomic_int_set (&self->doc->wanted[i], self->serial);
          if (page->texture == NULL || page->texture_serial != self->serial)
            request_render (self, page, FALSE);
        }
      else
        {
          g_atomic_int_set (&self->doc->wanted[i], 0);
          if (page->texture != NULL
              && (bottom < value - 3 * page_size || top > value + 4 * page_size))
            vigie_pdf_page_set_texture (page, NULL, 0);
        }
    }
  set_current_page (self, best);
}

static void
update_thumbnails (VigiePdfPreview *self)
{
  GtkWidget *viewport = gtk_widget_get_parent (GTK_WIDGET (self->thumb_list));
  GtkAdjustment *adj = gtk_scrolled_window_get_vadjustment (self->thumb_scroll);
  double page_size = gtk_adjustment_get_page_size (adj);

  if (self->doc == NULL || page_size <= 0 || !gtk_widget_get_mapped (GTK_WIDGET (self)))
    return;
  for (guint i = 0; i < self->thumbs->len; i++)
    {
      VigiePdfPage *thumb = g_ptr_array_index (self->thumbs, i);
      graphene_rect_t bounds;

      if (thumb->texture != NULL || thumb->pending)
        continue;
      /* Rows not laid out yet (just added) all claim to be at the top: wait for them. */
      if (gtk_widget_get_height (GTK_WIDGET (thumb)) <= 0
          || !gtk_widget_compute_bounds (GTK_WIDGET (thumb), viewport, &bounds))
        {
          queue_update (self);
          continue;
        }
      if (bounds.origin.y + bounds.size.height > -page_size
          && bounds.origin.y < 2 * page_size)
        request_render (self, thumb, TRUE);
    }
}

static double
fit_width_zoom (VigiePdfPreview *self)
{
  int width = gtk_widget_get_width (GTK_WIDGET (self->main_scroll));

  if (self->max_width_pt <= 0 || width <= 0)
    return self->zoom;
  /* Room for the margins and an overlay scrollbar. */
  return CLAMP ((width - 2 * PAGE_MARGIN - 8) / (self->max_width_pt * POINTS_TO_PIXELS),
                ZOOM_MIN, ZOOM_MAX);
}

static void
apply_zoom (VigiePdfPreview *self,
            double           zoom)
{
  zoom = CLAMP (zoom, ZOOM_MIN, ZOOM_MAX);
  if (fabs (zoom - self->zoom) < 1e-6)
    return;

  /* Keep the part of the page at the top of the view there. */
  if (self->doc != NULL && !self->anchor_pending && self->current_page >= 0)
    {
      GtkAdjustment *adj = gtk_scrolled_window_get_vadjustment (self->main_scroll);
      g_autofree int *tops = page_tops (self, NULL);
      double value = gtk_adjustment_get_value (adj);
      int index = 0;

      while ((guint) index + 1 < self->pages->len && tops[index + 1] <= value)
        index++;
      self->anchor_page = index;
      self->anchor_fraction = CLAMP ((value - tops[index])
                                     / page_height (g_ptr_array_index (self->pages, index)),
                                     0.0, 1.0);
      if (self->anchor_fraction <= 0)
        self->anchor_fraction = 1e-9;
      self->anchor_pending = value > 0;
    }

  self->zoom = zoom;
  self->serial++;
  for (guint i = 0; i < self->pages->len; i++)
    vigie_pdf_page_set_scale (g_ptr_array_index (self->pages, i), zoom * POINTS_TO_PIXELS);
  update_labels (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ZOOM]);
  queue_update (self);
}

static gboolean
update_tick_cb (GtkWidget     *widget,
                GdkFrameClock *clock,
                gpointer       user_data)
{
  VigiePdfPreview *self = VIGIE_PDF_PREVIEW (widget);

  self->update_tick = 0;
  if (self->fit_width && self->doc != NULL)
    apply_zoom (self, fit_width_zoom (self));
  apply_anchor (self);
  update_main (self);
  update_thumbnails (self);
  return G_SOURCE_REMOVE;
}

static void
queue_update (VigiePdfPreview *self)
{
  if (self->update_tick == 0)
    self->update_tick = gtk_widget_add_tick_callback (GTK_WIDGET (self), update_tick_cb, NULL,
                                                      NULL);
}

static void
main_adjustment_changed_cb (VigiePdfPreview *self)
{
  apply_anchor (self);
  queue_update (self);
}

static void
thumb_row_selected_cb (VigiePdfPreview *self,
                       GtkListBoxRow   *row)
{
  if (self->syncing || row == NULL)
    return;
  vigie_pdf_preview_show_page (self, gtk_list_box_row_get_index (row));
}

static gboolean
scroll_cb (VigiePdfPreview          *self,
           double                    dx,
           double                    dy,
           GtkEventControllerScroll *controller)
{
  GdkModifierType state = gtk_event_controller_get_current_event_state (
    GTK_EVENT_CONTROLLER (controller));

  if ((state & GDK_CONTROL_MASK) == 0 || self->doc == NULL || dy == 0)
    return FALSE;
  if (dy < 0)
    vigie_pdf_preview_zoom_in (self);
  else
    vigie_pdf_preview_zoom_out (self);
  return TRUE;
}

/* Up, Down, Page Up, Page Down, Home and End scroll the pages once they have the focus
 * (a click on them gives it). */
static gboolean
key_pressed_cb (VigiePdfPreview       *self,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                GtkEventControllerKey *controller)
{
  GtkAdjustment *adj = gtk_scrolled_window_get_vadjustment (self->main_scroll);
  double value = gtk_adjustment_get_value (adj);
  double page = gtk_adjustment_get_page_size (adj);

  if ((state & (GDK_CONTROL_MASK | GDK_ALT_MASK)) != 0 || self->doc == NULL)
    return FALSE;
  switch (keyval)
    {
    case GDK_KEY_Up:
    case GDK_KEY_KP_Up:
      value -= 48;
      break;
    case GDK_KEY_Down:
    case GDK_KEY_KP_Down:
      value += 48;
      break;
    case GDK_KEY_Page_Up:
    case GDK_KEY_KP_Page_Up:
      value -= page * 0.9;
      break;
    case GDK_KEY_Page_Down:
    case GDK_KEY_KP_Page_Down:
    case GDK_KEY_space:
      value += page * 0.9;
      break;
    case GDK_KEY_Home:
    case GDK_KEY_KP_Home:
      value = 0;
      break;
    case GDK_KEY_End:
    case GDK_KEY_KP_End:
      value = gtk_adjustment_get_upper (adj);
      break;
    default:
      return FALSE;
    }
  gtk_adjustment_set_value (adj, value);
  return TRUE;
}

static void
pages_pressed_cb (VigiePdfPreview *self)
{
  gtk_widget_grab_focus (self->pages_box);
}

/* ─── Public API ─────────────────────────────────────────────────────────── */

void
vigie_pdf_preview_clear (VigiePdfPreview *self)
{
  GtkWidget *child;

  g_return_if_fail (VIGIE_IS_PDF_PREVIEW (self));

  if (self->doc != NULL)
    {
      g_atomic_int_set (&self->doc->alive, 0);
      g_clear_pointer (&self->doc, doc_unref);
    }
  while ((child = gtk_widget_get_first_child (self->pages_box)) != NULL)
    gtk_box_remove (GTK_BOX (self->pages_box), child);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->thumb_list))) != NULL)
    gtk_list_box_remove (self->thumb_list, child);
  g_ptr_array_set_size (self->pages, 0);
  g_ptr_array_set_size (self->thumbs, 0);
  self->max_width_pt = 0;
  self->anchor_pending = FALSE;
  self->serial++;
  self->current_page = -1;
  update_labels (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_PAGES]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CURRENT_PAGE]);
}

gboolean
vigie_pdf_preview_load_file (VigiePdfPreview *self,
                             const char      *path,
                             GError         **error)
{
  g_autofree char *contents = NULL;
  gsize length = 0;
  g_autoptr(GBytes) bytes = NULL;

  g_return_val_if_fail (VIGIE_IS_PDF_PREVIEW (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if (!g_file_get_contents (path, &contents, &length, error))
    return FALSE;
  bytes = g_bytes_new_take (g_steal_pointer (&contents), length);
  return vigie_pdf_preview_load_bytes (self, bytes, error);
}

gboolean
vigie_pdf_preview_load_bytes (VigiePdfPreview *self,
                              GBytes          *bytes,
                              GError         **error)
{
  PopplerDocument *document;
  double thumb_scale;
  int n;

  g_return_val_if_fail (VIGIE_IS_PDF_PREVIEW (self), FALSE);
  g_return_val_if_fail (bytes != NULL, FALSE);

  document = poppler_document_new_from_bytes (bytes, NULL, error);
  if (document == NULL)
    return FALSE;

  vigie_pdf_preview_clear (self);
  self->doc = doc_new (document);
  n = self->doc->n_pages;

  for (int i = 0; i < n; i++)
    {
      PopplerPage *p = poppler_document_get_page (document, i);
      double w = 595, h = 842;

      if (p != NULL)
        {
          poppler_page_get_size (p, &w, &h);
          g_object_unref (p);
        }
      self->max_width_pt = MAX (self->max_width_pt, w);
      g_ptr_array_add (self->pages, vigie_pdf_page_new (i, w, h, self->zoom * POINTS_TO_PIXELS));
      g_ptr_array_add (self->thumbs, vigie_pdf_page_new (i, w, h, 1));
    }

  thumb_scale = THUMB_WIDTH / MAX (self->max_width_pt, 1);
  for (int i = 0; i < n; i++)
    {
      VigiePdfPage *page = g_ptr_array_index (self->pages, i);
      VigiePdfPage *thumb = g_ptr_array_index (self->thumbs, i);
      GtkWidget *row_box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
      GtkWidget *number;
      g_autofree char *text = g_strdup_printf ("%d", i + 1);
      g_autofree char *label = g_strdup_printf (_("Page %d"), i + 1);

      gtk_widget_set_halign (GTK_WIDGET (page), GTK_ALIGN_CENTER);
      gtk_box_append (GTK_BOX (self->pages_box), GTK_WIDGET (page));

      thumb->scale = thumb_scale;
      gtk_widget_set_halign (GTK_WIDGET (thumb), GTK_ALIGN_CENTER);
      number = gtk_label_new (text);
      gtk_widget_add_css_class (number, "caption");
      gtk_widget_add_css_class (number, "numeric");
      gtk_widget_set_margin_top (row_box, 8);
      gtk_widget_set_margin_bottom (row_box, 4);
      gtk_box_append (GTK_BOX (row_box), GTK_WIDGET (thumb));
      gtk_box_append (GTK_BOX (row_box), number);
      gtk_list_box_append (self->thumb_list, row_box);
      gtk_accessible_update_property (GTK_ACCESSIBLE (gtk_widget_get_parent (row_box)),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
    }

  self->serial++;
  self->current_page = -1;
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->main_scroll), 0);
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->thumb_scroll), 0);
  set_current_page (self, n > 0 ? 0 : -1);
  if (self->fit_width)
    apply_zoom (self, fit_width_zoom (self));
  update_labels (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_PAGES]);
  queue_update (self);
  return TRUE;
}

int
vigie_pdf_preview_get_n_pages (VigiePdfPreview *self)
{
  g_return_val_if_fail (VIGIE_IS_PDF_PREVIEW (self), 0);
  return (int) self->pages->len;
}

int
vigie_pdf_preview_get_current_page (VigiePdfPreview *self)
{
  g_return_val_if_fail (VIGIE_IS_PDF_PREVIEW (self), -1);
  return self->current_page;
}

void
vigie_pdf_preview_show_page (VigiePdfPreview *self,
                             int              index)
{
  g_return_if_fail (VIGIE_IS_PDF_PREVIEW (self));

  if (index < 0 || (guint) index >= self->pages->len)
    return;
  self->anchor_page = index;
  self->anchor_fraction = 0;
  self->anchor_pending = TRUE;
  apply_anchor (self);
  queue_update (self);
}

double
vigie_pdf_preview_get_zoom (VigiePdfPreview *self)
{
  g_return_val_if_fail (VIGIE_IS_PDF_PREVIEW (self), 1.0);
  return self->zoom;
}

void
vigie_pdf_preview_set_zoom (VigiePdfPreview *self,
                            double           zoom)
{
  g_return_if_fail (VIGIE_IS_PDF_PREVIEW (self));

  vigie_pdf_preview_set_fit_width (self, FALSE);
  apply_zoom (self, zoom);
}

gboolean
vigie_pdf_preview_get_fit_width (VigiePdfPreview *self)
{
  g_return_val_if_fail (VIGIE_IS_PDF_PREVIEW (self), FALSE);
  return self->fit_width;
}

void
vigie_pdf_preview_set_fit_width (VigiePdfPreview *self,
                                 gboolean         fit_width)
{
  g_return_if_fail (VIGIE_IS_PDF_PREVIEW (self));

  fit_width = !!fit_width;
  if (self->fit_width == fit_width)
    return;
  self->fit_width = fit_width;
  if (fit_width && self->doc != NULL)
    apply_zoom (self, fit_width_zoom (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FIT_WIDTH]);
}

void
vigie_pdf_preview_zoom_in (VigiePdfPreview *self)
{
  g_return_if_fail (VIGIE_IS_PDF_PREVIEW (self));

  for (guint i = 0; i < G_N_ELEMENTS (zoom_levels); i++)
    if (zoom_levels[i] > self->zoom * 1.01)
      {
        vigie_pdf_preview_set_zoom (self, zoom_levels[i]);
        return;
      }
  vigie_pdf_preview_set_zoom (self, ZOOM_MAX);
}

void
vigie_pdf_preview_zoom_out (VigiePdfPreview *self)
{
  g_return_if_fail (VIGIE_IS_PDF_PREVIEW (self));

  for (guint i = G_N_ELEMENTS (zoom_levels); i > 0; i--)
    if (zoom_levels[i - 1] < self->zoom * 0.99)
      {
        vigie_pdf_preview_set_zoom (self, zoom_levels[i - 1]);
        return;
      }
  vigie_pdf_preview_set_zoom (self, ZOOM_MIN);
}

guint
vigie_pdf_preview_get_n_rendered (VigiePdfPreview *self,
                                  gboolean         thumbnails)
{
  GPtrArray *pages;
  guint n = 0;

  g_return_val_if_fail (VIGIE_IS_PDF_PREVIEW (self), 0);

  pages = thumbnails ? self->thumbs : self->pages;
  for (guint i = 0; i < pages->len; i++)
    if (((VigiePdfPage *) g_ptr_array_index (pages, i))->texture != NULL)
      n++;
  return n;
}

gboolean
vigie_pdf_preview_get_busy (VigiePdfPreview *self)
{
  g_return_val_if_fail (VIGIE_IS_PDF_PREVIEW (self), FALSE);
  return self->outstanding > 0 || self->update_tick != 0;
}

void
vigie_pdf_preview_get_page_size (VigiePdfPreview *self,
                                 int              index,
                                 int             *width,
                                 int             *height)
{
  VigiePdfPage *page;

  g_return_if_fail (VIGIE_IS_PDF_PREVIEW (self));
  g_return_if_fail (index >= 0 && (guint) index < self->pages->len);

  page = g_ptr_array_index (self->pages, index);
  *width = page_pixels (page->width_pt, page->scale);
  *height = page_pixels (page->height_pt, page->scale);
}

gboolean
vigie_pdf_preview_get_page_image_size (VigiePdfPreview *self,
                                       int              index,
                                       gboolean         thumbnail,
                                       int             *width,
                                       int             *height)
{
  VigiePdfPage *page;

  g_return_val_if_fail (VIGIE_IS_PDF_PREVIEW (self), FALSE);
  g_return_val_if_fail (index >= 0 && (guint) index < self->pages->len, FALSE);

  page = g_ptr_array_index (thumbnail ? self->thumbs : self->pages, index);
  if (page->texture == NULL)
    return FALSE;
  *width = gdk_texture_get_width (page->texture);
  *height = gdk_texture_get_height (page->texture);
  return TRUE;
}

GtkWidget *
vigie_pdf_preview_new (void)
{
  return g_object_new (VIGIE_TYPE_PDF_PREVIEW, NULL);
}

/* ─── Class ──────────────────────────────────────────────────────────────── */

static void
zoom_in_activated (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  vigie_pdf_preview_zoom_in (VIGIE_PDF_PREVIEW (widget));
}

static void
zoom_out_activated (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  vigie_pdf_preview_zoom_out (VIGIE_PDF_PREVIEW (widget));
}

static void
vigie_pdf_preview_measure (GtkWidget      *widget,
                           GtkOrientation  orientation,
                           int             for_size,
                           int            *minimum,
                           int            *natural,
                           int            *minimum_baseline,
                           int            *natural_baseline)
{
  gtk_widget_measure (VIGIE_PDF_PREVIEW (widget)->box, orientation, for_size, minimum, natural,
                      minimum_baseline, natural_baseline);
}

static void
vigie_pdf_preview_size_allocate (GtkWidget *widget,
                                 int        width,
                                 int        height,
                                 int        baseline)
{
  VigiePdfPreview *self = VIGIE_PDF_PREVIEW (widget);

  gtk_widget_allocate (self->box, width, height, baseline, NULL);
  if (width != self->allocated_width)
    {
      self->allocated_width = width;
      if (self->fit_width && self->doc != NULL)
        queue_update (self);
    }
}

static void
vigie_pdf_preview_map (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (vigie_pdf_preview_parent_class)->map (widget);
  queue_update (VIGIE_PDF_PREVIEW (widget));
}

static void
vigie_pdf_preview_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  VigiePdfPreview *self = VIGIE_PDF_PREVIEW (object);

  switch (prop_id)
    {
    case PROP_N_PAGES:
      g_value_set_int (value, (int) self->pages->len);
      break;
    case PROP_CURRENT_PAGE:
      g_value_set_int (value, self->current_page);
      break;
    case PROP_ZOOM:
      g_value_set_double (value, self->zoom);
      break;
    case PROP_FIT_WIDTH:
      g_value_set_boolean (value, self->fit_width);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vigie_pdf_preview_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  VigiePdfPreview *self = VIGIE_PDF_PREVIEW (object);

  switch (prop_id)
    {
    case PROP_ZOOM:
      vigie_pdf_preview_set_zoom (self, g_value_get_double (value));
      break;
    case PROP_FIT_WIDTH:
      vigie_pdf_preview_set_fit_width (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vigie_pdf_preview_dispose (GObject *object)
{
  VigiePdfPreview *self = VIGIE_PDF_PREVIEW (object);

  if (self->update_tick != 0)
    gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->update_tick);
  self->update_tick = 0;
  if (self->doc != NULL)
    {
      g_atomic_int_set (&self->doc->alive, 0);
      g_clear_pointer (&self->doc, doc_unref);
    }
  /* Queued requests are dropped; the one being rendered finishes on its own (it holds
   * its document and only a weak reference to the preview). */
  if (self->pool != NULL)
    {
      g_thread_pool_free (self->pool, TRUE, FALSE);
      self->pool = NULL;
    }
  g_clear_pointer (&self->box, gtk_widget_unparent);
  g_clear_pointer (&self->pages, g_ptr_array_unref);
  g_clear_pointer (&self->thumbs, g_ptr_array_unref);

  G_OBJECT_CLASS (vigie_pdf_preview_parent_class)->dispose (object);
}

static void
vigie_pdf_preview_class_init (VigiePdfPreviewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = vigie_pdf_preview_dispose;
  object_class->get_property = vigie_pdf_preview_get_property;
  object_class->set_property = vigie_pdf_preview_set_property;
  widget_class->measure = vigie_pdf_preview_measure;
  widget_class->size_allocate = vigie_pdf_preview_size_allocate;
  widget_class->map = vigie_pdf_preview_map;

  properties[PROP_N_PAGES] =
    g_param_spec_int ("n-pages", NULL, NULL, 0, G_MAXINT, 0,
                      G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CURRENT_PAGE] =
    g_param_spec_int ("current-page", NULL, NULL, -1, G_MAXINT, -1,
                      G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ZOOM] =
    g_param_spec_double ("zoom", NULL, NULL, ZOOM_MIN, ZOOM_MAX, 1.0,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_FIT_WIDTH] =
    g_param_spec_boolean ("fit-width", NULL, NULL, TRUE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_install_action (widget_class, "preview.zoom-in", NULL, zoom_in_activated);
  gtk_widget_class_install_action (widget_class, "preview.zoom-out", NULL, zoom_out_activated);

  gtk_widget_class_set_css_name (widget_class, "pdfpreview");
}

static GtkWidget *
tool_button_new (const char *icon_name,
                 const char *action_name,
                 const char *tooltip)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon_name);

  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action_name);
  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_widget_add_css_class (button, "flat");
  return button;
}

static void
vigie_pdf_preview_init (VigiePdfPreview *self)
{
  GtkWidget *toolbar, *content, *viewport, *separator, *spacer, *zoom_box;
  GtkEventController *scroll, *keys;
  GtkGesture *click;

  self->pages = g_ptr_array_new ();
  self->thumbs = g_ptr_array_new ();
  self->zoom = 1.0;
  self->fit_width = TRUE;
  self->serial = 1;
  self->current_page = -1;
  self->pool = g_thread_pool_new_full (render_thread, NULL, render_request_free, 1, FALSE,
                                       NULL);
  g_thread_pool_set_sort_function (self->pool, compare_requests, NULL);

  self->box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  gtk_widget_set_parent (self->box, GTK_WIDGET (self));

  /* Toolbar: where we are, zoom. */
  toolbar = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 4);
  gtk_widget_add_css_class (toolbar, "toolbar");
  self->page_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_widget_add_css_class (GTK_WIDGET (self->page_label), "numeric");
  gtk_widget_set_margin_start (GTK_WIDGET (self->page_label), 8);
  gtk_box_append (GTK_BOX (toolbar), GTK_WIDGET (self->page_label));
  spacer = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  gtk_widget_set_hexpand (spacer, TRUE);
  gtk_box_append (GTK_BOX (toolbar), spacer);

  zoom_box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  gtk_widget_add_css_class (zoom_box, "linked");
  gtk_box_append (GTK_BOX (zoom_box),
                  tool_button_new ("zoom-out-symbolic", "preview.zoom-out",
                                   _("Zoom Out (Ctrl+−)")));
  self->zoom_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_width_chars (self->zoom_label, 5);
  gtk_widget_add_css_class (GTK_WIDGET (self->zoom_label), "numeric");
  gtk_box_append (GTK_BOX (zoom_box), GTK_WIDGET (self->zoom_label));
  gtk_box_append (GTK_BOX (zoom_box),
                  tool_button_new ("zoom-in-symbolic", "preview.zoom-in",
                                   _("Zoom In (Ctrl++)")));
  gtk_box_append (GTK_BOX (toolbar), zoom_box);
  self->fit_button = GTK_TOGGLE_BUTTON (gtk_toggle_button_new ());
  gtk_button_set_icon_name (GTK_BUTTON (self->fit_button), "zoom-fit-best-symbolic");
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->fit_button), _("Fit Width (Ctrl+0)"));
  gtk_widget_add_css_class (GTK_WIDGET (self->fit_button), "flat");
  g_object_bind_property (self, "fit-width", self->fit_button, "active",
                          G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);
  gtk_box_append (GTK_BOX (toolbar), GTK_WIDGET (self->fit_button));
  gtk_box_append (GTK_BOX (self->box), toolbar);
  gtk_box_append (GTK_BOX (self->box), gtk_separator_new (GTK_ORIENTATION_HORIZONTAL));

  /* Thumbnails | pages. */
  content = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  gtk_widget_set_vexpand (content, TRUE);

  self->thumb_scroll = GTK_SCROLLED_WINDOW (gtk_scrolled_window_new ());
  gtk_scrolled_window_set_policy (self->thumb_scroll, GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_widget_set_size_request (GTK_WIDGET (self->thumb_scroll), THUMB_WIDTH + 44, -1);
  self->thumb_list = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_widget_add_css_class (GTK_WIDGET (self->thumb_list), "navigation-sidebar");
  gtk_list_box_set_selection_mode (self->thumb_list, GTK_SELECTION_BROWSE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->thumb_list),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Pages"), -1);
  g_signal_connect_object (self->thumb_list, "row-selected", G_CALLBACK (thumb_row_selected_cb),
                           self, G_CONNECT_SWAPPED);
  gtk_scrolled_window_set_child (self->thumb_scroll, GTK_WIDGET (self->thumb_list));
  g_signal_connect_object (gtk_scrolled_window_get_vadjustment (self->thumb_scroll),
                           "value-changed", G_CALLBACK (queue_update), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (gtk_scrolled_window_get_vadjustment (self->thumb_scroll),
                           "changed", G_CALLBACK (queue_update), self, G_CONNECT_SWAPPED);
  gtk_box_append (GTK_BOX (content), GTK_WIDGET (self->thumb_scroll));

  separator = gtk_separator_new (GTK_ORIENTATION_VERTICAL);
  gtk_box_append (GTK_BOX (content), separator);

  self->main_scroll = GTK_SCROLLED_WINDOW (gtk_scrolled_window_new ());
  gtk_widget_set_hexpand (GTK_WIDGET (self->main_scroll), TRUE);
  self->pages_box = gtk_box_new (GTK_ORIENTATION_VERTICAL, PAGE_SPACING);
  gtk_widget_set_halign (self->pages_box, GTK_ALIGN_CENTER);
  gtk_widget_set_valign (self->pages_box, GTK_ALIGN_START);
  gtk_widget_set_margin_top (self->pages_box, PAGE_MARGIN);
  gtk_widget_set_margin_bottom (self->pages_box, PAGE_MARGIN);
  gtk_widget_set_margin_start (self->pages_box, PAGE_MARGIN);
  gtk_widget_set_margin_end (self->pages_box, PAGE_MARGIN);
  viewport = gtk_viewport_new (NULL, NULL);
  gtk_viewport_set_scroll_to_focus (GTK_VIEWPORT (viewport), FALSE);
  gtk_viewport_set_child (GTK_VIEWPORT (viewport), self->pages_box);
  gtk_scrolled_window_set_child (self->main_scroll, viewport);
  g_signal_connect_object (gtk_scrolled_window_get_vadjustment (self->main_scroll),
                           "value-changed", G_CALLBACK (queue_update), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (gtk_scrolled_window_get_vadjustment (self->main_scroll),
                           "changed", G_CALLBACK (main_adjustment_changed_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_widget_set_focusable (self->pages_box, TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->pages_box),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Preview"), -1);
  keys = gtk_event_controller_key_new ();
  g_signal_connect_object (keys, "key-pressed", G_CALLBACK (key_pressed_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_widget_add_controller (self->pages_box, keys);
  click = gtk_gesture_click_new ();
  g_signal_connect_object (click, "pressed", G_CALLBACK (pages_pressed_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self->main_scroll), GTK_EVENT_CONTROLLER (click));
  scroll = gtk_event_controller_scroll_new (GTK_EVENT_CONTROLLER_SCROLL_VERTICAL);
  gtk_event_controller_set_propagation_phase (scroll, GTK_PHASE_CAPTURE);
  g_signal_connect_object (scroll, "scroll", G_CALLBACK (scroll_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self->main_scroll), scroll);
  gtk_box_append (GTK_BOX (content), GTK_WIDGET (self->main_scroll));

  gtk_box_append (GTK_BOX (self->box), content);
  update_labels (self);
}
