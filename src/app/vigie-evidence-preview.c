/* vigie-evidence-preview.c — PDF evidence shown through the out-of-process renderer.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n.h>

#include "vigie-evidence.h"
#include "vigie-evidence-preview.h"

#define THUMB_WIDTH 120
#define PAGE_WIDTH 900
#define MAX_THUMBS 60
#define THUMBS_BUDGET_MS 4000

struct _VigieEvidencePreview
{
  AdwWindow      parent_instance;

  char          *path;
  GtkStack      *stack;
  AdwStatusPage *error_page;
  GtkListBox    *thumbs;
  GtkPicture    *page_picture;
  GtkSearchEntry *search_entry;
  GtkLabel      *search_label;
  GtkLabel      *page_label;
  GCancellable  *cancellable;
  int            n_pages;
  int            current;
  gboolean       ready;
  char          *error;
};

G_DEFINE_FINAL_TYPE (VigieEvidencePreview, vigie_evidence_preview, ADW_TYPE_WINDOW)

typedef struct
{
  char      *path;
  int        n_pages;
  GPtrArray *thumbs;    /* GBytes (PNG) */
  GBytes    *page;
  int        index;
  char      *search;
  GArray    *hits;
} Job;

static void
job_free (Job *job)
{
  g_free (job->path);
  g_clear_pointer (&job->thumbs, g_ptr_array_unref);
  g_clear_pointer (&job->page, g_bytes_unref);
  g_free (job->search);
  g_clear_pointer (&job->hits, g_array_unref);
  g_free (job);
}

static GdkTexture *
texture_from_png (GBytes *png)
{
  return gdk_texture_new_from_bytes (png, NULL);
}

static void
show_error (VigieEvidencePreview *self,
            const char           *message)
{
  g_free (self->error);
  self->error = g_strdup (message);
  adw_status_page_set_description (self->error_page, message);
  gtk_stack_set_visible_child_name (self->stack, "error");
  self->ready = TRUE;
}

/* ─── Opening: page count, thumbnails, first page ────────────────────────── */

static void
open_thread (GTask        *task,
             gpointer      source,
             gpointer      data,
             GCancellable *cancellable)
{
  Job *job = data;
  GError *error = NULL;

  if (!vigie_pdf_get_info (job->path, &job->n_pages, NULL, NULL, cancellable, &error))
    {
      g_task_return_error (task, error);
      return;
    }
  job->page = vigie_pdf_render_page (job->path, 0, PAGE_WIDTH, cancellable, &error);
  if (job->page == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  /* The thumbnails share one time budget: a file whose every page takes nearly the
   * renderer's limit no longer holds the preview for a limit per page. */
  job->thumbs = vigie_pdf_render_thumbnails (job->path, MIN (job->n_pages, MAX_THUMBS),
                                             THUMB_WIDTH, THUMBS_BUDGET_MS, cancellable);
  g_task_return_boolean (task, TRUE);
}

static void
set_page_label (VigieEvidencePreview *self)
{
  g_autofree char *text = NULL;

  /* Translators: "Page 2 of 14" */
  text = g_strdup_printf (_("Page %1$d of %2$d"), self->current + 1, self->n_pages);
  gtk_label_set_label (self->page_label, text);
}

static void
open_done_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  VigieEvidencePreview *self = VIGIE_EVIDENCE_PREVIEW (source);
  Job *job = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;
  g_autoptr(GdkTexture) page = NULL;

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        show_error (self, error->message);
      return;
    }
  self->n_pages = job->n_pages;
  self->current = 0;
  page = texture_from_png (job->page);
  gtk_picture_set_paintable (self->page_picture, GDK_PAINTABLE (page));
  for (guint i = 0; i < job->thumbs->len; i++)
    {
      g_autoptr(GdkTexture) thumb = texture_from_png (g_ptr_array_index (job->thumbs, i));
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
      GtkWidget *picture = gtk_picture_new_for_paintable (GDK_PAINTABLE (thumb));
      g_autofree char *n = g_strdup_printf ("%u", i + 1);
      GtkWidget *label = gtk_label_new (n);

      gtk_picture_set_can_shrink (GTK_PICTURE (picture), FALSE);
      gtk_widget_set_halign (picture, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (picture, "card");
      gtk_widget_add_css_class (label, "caption");
      gtk_box_append (GTK_BOX (box), picture);
      gtk_box_append (GTK_BOX (box), label);
      gtk_widget_set_margin_top (box, 6);
      gtk_widget_set_margin_bottom (box, 6);
      gtk_list_box_append (self->thumbs, box);
    }
  gtk_list_box_select_row (self->thumbs, gtk_list_box_get_row_at_index (self->thumbs, 0));
  set_page_label (self);
  gtk_stack_set_visible_child_name (self->stack, "document");
  self->ready = TRUE;
}

/* ─── Showing a page ─────────────────────────────────────────────────────── */

static void
page_thread (GTask        *task,
             gpointer      source,
             gpointer      data,
             GCancellable *cancellable)
{
  Job *job = data;
  GError *error = NULL;

  job->page = vigie_pdf_render_page (job->path, job->index, PAGE_WIDTH, cancellable, &error);
  if (job->page == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

static void
page_done_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  VigieEvidencePreview *self = VIGIE_EVIDENCE_PREVIEW (source);
  Job *job = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;
  g_autoptr(GdkTexture) page = NULL;

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        show_error (self, error->message);
      return;
    }
  page = texture_from_png (job->page);
  gtk_picture_set_paintable (self->page_picture, GDK_PAINTABLE (page));
  self->current = job->index;
  set_page_label (self);
}

static void
show_page (VigieEvidencePreview *self,
           int                   index)
{
  g_autoptr(GTask) task = NULL;
  Job *job;

  if (index < 0 || index >= self->n_pages || index == self->current)
    return;
  job = g_new0 (Job, 1);
  job->path = g_strdup (self->path);
  job->index = index;
  task = g_task_new (self, self->cancellable, page_done_cb, NULL);
  g_task_set_task_data (task, job, (GDestroyNotify) job_free);
  g_task_run_in_thread (task, page_thread);
}

static void
thumb_selected_cb (VigieEvidencePreview *self,
                   GtkListBoxRow        *row)
{
  if (row != NULL)
    show_page (self, gtk_list_box_row_get_index (row));
}

/* ─── Search ─────────────────────────────────────────────────────────────── */

static void
search_thread (GTask        *task,
               gpointer      source,
               gpointer      data,
               GCancellable *cancellable)
{
  Job *job = data;
  GError *error = NULL;

  job->hits = vigie_pdf_search (job->path, job->search, cancellable, &error);
  if (job->hits == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

static void
search_done_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  VigieEvidencePreview *self = VIGIE_EVIDENCE_PREVIEW (source);
  Job *job = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) pages = g_string_new (NULL);
  g_autofree char *text = NULL;
  guint n_pages;

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        gtk_label_set_label (self->search_label, error->message);
      return;
    }
  n_pages = job->hits->len / 2;
  if (n_pages == 0)
    {
      gtk_label_set_label (self->search_label, _("Not found"));
      return;
    }
  for (guint i = 0; i < n_pages; i++)
    g_string_append_printf (pages, "%s%d", i > 0 ? ", " : "",
                            g_array_index (job->hits, int, 2 * i) + 1);
  /* Translators: %s is a list of page numbers, e.g. "1, 4, 7" */
  text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Found on page %s",
                                       "Found on pages %s", n_pages), pages->str);
  gtk_label_set_label (self->search_label, text);
  gtk_list_box_select_row (self->thumbs,
                           gtk_list_box_get_row_at_index (self->thumbs,
                                                          g_array_index (job->hits, int, 0)));
  show_page (self, g_array_index (job->hits, int, 0));
}

static void
search_activated_cb (VigieEvidencePreview *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  g_autoptr(GTask) task = NULL;
  Job *job;

  if (text == NULL || *text == '\0' || self->n_pages == 0)
    {
      gtk_label_set_label (self->search_label, "");
      return;
    }
  job = g_new0 (Job, 1);
  job->path = g_strdup (self->path);
  job->search = g_strdup (text);
  gtk_label_set_label (self->search_label, _("Searching…"));
  task = g_task_new (self, self->cancellable, search_done_cb, NULL);
  g_task_set_task_data (task, job, (GDestroyNotify) job_free);
  g_task_run_in_thread (task, search_thread);
}

/* ─── Class ──────────────────────────────────────────────────────────────── */

static void
vigie_evidence_preview_dispose (GObject *object)
{
  VigieEvidencePreview *self = VIGIE_EVIDENCE_PREVIEW (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  G_OBJECT_CLASS (vigie_evidence_preview_parent_class)->dispose (object);
}

static void
vigie_evidence_preview_finalize (GObject *object)
{
  VigieEvidencePreview *self = VIGIE_EVIDENCE_PREVIEW (object);

  g_free (self->path);
  g_free (self->error);
  G_OBJECT_CLASS (vigie_evidence_preview_parent_class)->finalize (object);
}

static void
vigie_evidence_preview_class_init (VigieEvidencePreviewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = vigie_evidence_preview_dispose;
  object_class->finalize = vigie_evidence_preview_finalize;
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
vigie_evidence_preview_init (VigieEvidencePreview *self)
{
  self->cancellable = g_cancellable_new ();
  self->current = -1;
}

VigieEvidencePreview *
vigie_evidence_preview_new (GtkWindow  *parent,
                            const char *pdf_path,
                            const char *title,
                            gboolean    confidential)
{
  VigieEvidencePreview *self;
  GtkWidget *box, *header, *title_widget, *paned, *scroll, *page_scroll, *document, *bottom;
  GtkWidget *spinner, *loading;
  g_autoptr(GTask) task = NULL;
  Job *job;

  g_return_val_if_fail (pdf_path != NULL, NULL);

  self = g_object_new (VIGIE_TYPE_EVIDENCE_PREVIEW,
                       "transient-for", parent,
                       "default-width", 1100,
                       "default-height", 760,
                       "modal", FALSE,
                       NULL);
  self->path = g_strdup (pdf_path);
  gtk_window_set_title (GTK_WINDOW (self), title);

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  header = adw_header_bar_new ();
  title_widget = adw_window_title_new (title, confidential ? _("Confidential evidence") : "");
  adw_header_bar_set_title_widget (ADW_HEADER_BAR (header), title_widget);
  self->search_entry = GTK_SEARCH_ENTRY (gtk_search_entry_new ());
  g_object_set (self->search_entry, "placeholder-text", _("Search the text"), NULL);
  g_signal_connect_object (self->search_entry, "activate", G_CALLBACK (search_activated_cb),
                           self, G_CONNECT_SWAPPED);
  adw_header_bar_pack_start (ADW_HEADER_BAR (header), GTK_WIDGET (self->search_entry));
  if (confidential)
    {
      GtkWidget *mark = gtk_label_new (_("Confidential"));

      gtk_widget_add_css_class (mark, "warning");
      gtk_widget_add_css_class (mark, "heading");
      gtk_widget_set_tooltip_text (mark, _("This evidence is confidential: never share it "
                                           "outside the organisation."));
      adw_header_bar_pack_end (ADW_HEADER_BAR (header), mark);
    }
  gtk_box_append (GTK_BOX (box), header);

  self->stack = GTK_STACK (gtk_stack_new ());
  gtk_widget_set_vexpand (GTK_WIDGET (self->stack), TRUE);
  loading = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  gtk_widget_set_valign (loading, GTK_ALIGN_CENTER);
  spinner = gtk_spinner_new ();
  gtk_spinner_start (GTK_SPINNER (spinner));
  gtk_widget_set_size_request (spinner, 32, 32);
  gtk_box_append (GTK_BOX (loading), spinner);
  gtk_box_append (GTK_BOX (loading), gtk_label_new (_("Opening the PDF in a protected "
                                                      "viewer…")));
  gtk_stack_add_named (self->stack, loading, "loading");

  self->error_page = ADW_STATUS_PAGE (adw_status_page_new ());
  adw_status_page_set_icon_name (self->error_page, "dialog-error-symbolic");
  adw_status_page_set_title (self->error_page, _("This PDF Cannot Be Shown"));
  gtk_stack_add_named (self->stack, GTK_WIDGET (self->error_page), "error");

  document = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  paned = gtk_paned_new (GTK_ORIENTATION_HORIZONTAL);
  gtk_paned_set_position (GTK_PANED (paned), THUMB_WIDTH + 48);
  gtk_paned_set_shrink_start_child (GTK_PANED (paned), FALSE);
  scroll = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroll), GTK_POLICY_NEVER,
                                  GTK_POLICY_AUTOMATIC);
  self->thumbs = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_widget_add_css_class (GTK_WIDGET (self->thumbs), "navigation-sidebar");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->thumbs),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Pages"), -1);
  g_signal_connect_object (self->thumbs, "row-selected", G_CALLBACK (thumb_selected_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroll), GTK_WIDGET (self->thumbs));
  gtk_paned_set_start_child (GTK_PANED (paned), scroll);
  page_scroll = gtk_scrolled_window_new ();
  self->page_picture = GTK_PICTURE (gtk_picture_new ());
  gtk_picture_set_can_shrink (self->page_picture, TRUE);
  gtk_picture_set_content_fit (self->page_picture, GTK_CONTENT_FIT_CONTAIN);
  gtk_widget_set_margin_top (GTK_WIDGET (self->page_picture), 12);
  gtk_widget_set_margin_bottom (GTK_WIDGET (self->page_picture), 12);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (page_scroll),
                                 GTK_WIDGET (self->page_picture));
  gtk_paned_set_end_child (GTK_PANED (paned), page_scroll);
  gtk_widget_set_vexpand (paned, TRUE);
  gtk_box_append (GTK_BOX (document), paned);
  bottom = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  gtk_widget_set_margin_start (bottom, 12);
  gtk_widget_set_margin_end (bottom, 12);
  gtk_widget_set_margin_top (bottom, 6);
  gtk_widget_set_margin_bottom (bottom, 6);
  self->page_label = GTK_LABEL (gtk_label_new (""));
  self->search_label = GTK_LABEL (gtk_label_new (""));
  gtk_widget_set_hexpand (GTK_WIDGET (self->search_label), TRUE);
  gtk_label_set_xalign (self->search_label, 1.0);
  gtk_widget_add_css_class (GTK_WIDGET (self->page_label), "caption");
  gtk_widget_add_css_class (GTK_WIDGET (self->search_label), "caption");
  gtk_box_append (GTK_BOX (bottom), GTK_WIDGET (self->page_label));
  gtk_box_append (GTK_BOX (bottom), GTK_WIDGET (self->search_label));
  gtk_box_append (GTK_BOX (document), gtk_separator_new (GTK_ORIENTATION_HORIZONTAL));
  gtk_box_append (GTK_BOX (document), bottom);
  gtk_stack_add_named (self->stack, document, "document");
  gtk_stack_set_visible_child_name (self->stack, "loading");
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->stack));
  adw_window_set_content (ADW_WINDOW (self), box);

  job = g_new0 (Job, 1);
  job->path = g_strdup (pdf_path);
  task = g_task_new (self, self->cancellable, open_done_cb, NULL);
  g_task_set_task_data (task, job, (GDestroyNotify) job_free);
  g_task_run_in_thread (task, open_thread);
  return self;
}

gboolean
vigie_evidence_preview_is_ready (VigieEvidencePreview *self)
{
  g_return_val_if_fail (VIGIE_IS_EVIDENCE_PREVIEW (self), FALSE);
  return self->ready;
}

const char *
vigie_evidence_preview_get_error (VigieEvidencePreview *self)
{
  g_return_val_if_fail (VIGIE_IS_EVIDENCE_PREVIEW (self), NULL);
  return self->error;
}
