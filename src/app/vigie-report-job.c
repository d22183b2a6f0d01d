/* vigie-report-job.c — a report or export written in a worker thread.
 *
 * The thread opens its own connection to the dataset (from the path, never touching the
 * UI's connection), calls the writer of src/report with a progress function that hands
 * the latest fraction to the caller's main context (one pending dispatch at a time, so a
 * fast writer cannot flood the main loop), and moves the finished output into place.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define _GNU_SOURCE   /* renameat2 */

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>

#include "vigie-annual-report.h"
#include "vigie-data-export.h"
#include "vigie-demo.h"
#include "vigie-pdf-report.h"
#include "vigie-report-job.h"
#include "vigie-website.h"

/* ─── Requests ───────────────────────────────────────────────────────────── */

VigieReportRequest *
vigie_report_request_new (VigieReportKind kind)
{
  VigieReportRequest *r = g_new0 (VigieReportRequest, 1);

  r->kind = kind;
  switch (kind)
    {
    case VIGIE_REPORT_KIND_DATA:
      r->format = VIGIE_REPORT_FORMAT_XLSX;
      break;
    case VIGIE_REPORT_KIND_WEBSITE:
      r->format = VIGIE_REPORT_FORMAT_WEBSITE;
      break;
    case VIGIE_REPORT_KIND_FACTORY:
    case VIGIE_REPORT_KIND_PUBLIC:
    case VIGIE_REPORT_KIND_ANNUAL:
    case VIGIE_REPORT_N_KINDS:
    default:
      r->format = VIGIE_REPORT_FORMAT_PDF;
      break;
    }
  r->level = kind == VIGIE_REPORT_KIND_FACTORY ? VIGIE_LEVEL_INTERNAL : VIGIE_LEVEL_PUBLIC;
  r->language = g_strdup ("en");
  return r;
}

VigieReportRequest *
vigie_report_request_copy (const VigieReportRequest *request)
{
  VigieReportRequest *r;

  g_return_val_if_fail (request != NULL, NULL);

  r = g_memdup2 (request, sizeof *request);
  r->country = g_strdup (request->country);
  r->language = g_strdup (request->language);
  r->author = g_strdup (request->author);
  return r;
}

void
vigie_report_request_free (VigieReportRequest *request)
{
  if (request == NULL)
    return;
  g_free (request->country);
  g_free (request->language);
  g_free (request->author);
  g_free (request);
}

VigieDisclosureLevel
vigie_report_request_effective_level (const VigieReportRequest *request)
{
  g_return_val_if_fail (request != NULL, VIGIE_LEVEL_PUBLIC);

  switch (request->kind)
    {
    case VIGIE_REPORT_KIND_FACTORY:
    case VIGIE_REPORT_KIND_DATA:
      return request->level;
    case VIGIE_REPORT_KIND_PUBLIC:
    case VIGIE_REPORT_KIND_ANNUAL:
    case VIGIE_REPORT_KIND_WEBSITE:
    case VIGIE_REPORT_N_KINDS:
    default:
      return VIGIE_LEVEL_PUBLIC;
    }
}

gboolean
vigie_report_request_equal (const VigieReportRequest *a,
                            const VigieReportRequest *b)
{
  gboolean site_report;

  if (a == NULL || b == NULL)
    return a == b;
  if (a->kind != b->kind || a->format != b->format
      || vigie_report_request_effective_level (a) != vigie_report_request_effective_level (b)
      || g_strcmp0 (a->author, b->author) != 0)
    return FALSE;

  site_report = a->kind == VIGIE_REPORT_KIND_FACTORY || a->kind == VIGIE_REPORT_KIND_PUBLIC;
  if (site_report && (a->site_id != b->site_id || a->year != b->year))
    return FALSE;
  if (a->kind == VIGIE_REPORT_KIND_ANNUAL
      && (a->year != b->year || a->buyer_id != b->buyer_id
          || g_strcmp0 (a->country, b->country) != 0))
    return FALSE;
  if ((site_report || a->kind == VIGIE_REPORT_KIND_ANNUAL)
      && g_strcmp0 (a->language, b->language) != 0)
    return FALSE;
  return TRUE;
}

gboolean
vigie_report_format_is_folder (VigieReportFormat format)
{
  return format == VIGIE_REPORT_FORMAT_CSV || format == VIGIE_REPORT_FORMAT_WEBSITE;
}

/* ─── Progress, from the thread to the main context ──────────────────────── */

typedef struct
{
  gatomicrefcount         ref;
  GMutex                  lock;
  double                  fraction;
  char                   *stage;
  gboolean                scheduled;
  gboolean                finished;     /* the job's result went back: drop late reports */
  gboolean                hold;
  gboolean                held;
  GMainContext           *context;
  GCancellable           *cancellable;
  VigieReportJobProgress  func;
  gpointer                func_data;
  GObject                *source;       /* kept alive while reports may arrive */
} Progress;

static Progress *
progress_ref (Progress *p)
{
  g_atomic_ref_count_inc (&p->ref);
  return p;
}

static void
progress_unref (gpointer data)
{
  Progress *p = data;

  if (!g_atomic_ref_count_dec (&p->ref))
    return;
  g_mutex_clear (&p->lock);
  g_free (p->stage);
  g_main_context_unref (p->context);
  g_clear_object (&p->cancellable);
  g_clear_object (&p->source);
  g_free (p);
}

static gboolean
progress_dispatch_cb (gpointer data)
{
  Progress *p = data;
  g_autofree char *stage = NULL;
  double fraction;
  gboolean finished;

  g_mutex_lock (&p->lock);
  p->scheduled = FALSE;
  fraction = p->fraction;
  stage = g_strdup (p->stage);
  finished = p->finished;
  g_mutex_unlock (&p->lock);

  if (!finished && p->func != NULL)
    p->func (fraction, stage, p->func_data);
  return G_SOURCE_REMOVE;
}

/* A VigieProgressFunc: runs in the worker thread. */
static void
progress_report (double      fraction,
                 const char *stage,
                 gpointer    user_data)
{
  Progress *p = user_data;
  gboolean hold;

  g_mutex_lock (&p->lock);
  p->fraction = fraction;
  if (g_strcmp0 (p->stage, stage) != 0)
    {
      g_free (p->stage);
      p->stage = g_strdup (stage);
    }
  if (!p->scheduled)
    {
      p->scheduled = TRUE;
      /* Not g_main_context_invoke(): it would run the callback in this thread whenever
       * the main context happens to be free. */
      GSource *source = g_idle_source_new ();

      g_source_set_priority (source, G_PRIORITY_DEFAULT);
      g_source_set_callback (source, progress_dispatch_cb, progress_ref (p), progress_unref);
      g_source_set_static_name (source, "[vigie] report progress");
      g_source_attach (source, p->context);
      g_source_unref (source);
    }
  hold = p->hold && !p->held && fraction > 0;
  if (hold)
    p->held = TRUE;
  g_mutex_unlock (&p->lock);

  if (hold)
    {
      /* Tests only: wait (at most a minute) for the cancellation. */
      gint64 end = g_get_monotonic_time () + 60 * G_USEC_PER_SEC;

      while (!g_cancellable_is_cancelled (p->cancellable) && g_get_monotonic_time () < end)
        g_usleep (5000);
    }
}

/* ─── Output in place only when complete ─────────────────────────────────── */

static char *
temporary_template (const char *path)
{
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *base = g_path_get_basename (path);
  g_autofree char *name = g_strdup_printf (".%s.XXXXXX", base);

  return g_build_filename (dir, name, NULL);
}

typedef enum
{
  CANNOT_CREATE,
  CANNOT_WRITE,
} IoFailure;

static void
set_io_error (GError    **error,
              int         errsv,
              IoFailure   failure,
              const char *path)
{
  g_autofree char *display = g_filename_display_name (path);
  g_autofree char *message = NULL;

  if (failure == CANNOT_CREATE)
    message = g_strdup_printf (_("Cannot create “%s”"), display);
  else
    message = g_strdup_printf (_("Cannot write “%s”"), display);
  /* Translators: an error: what failed, then why ("No space left on device") */
  g_set_error (error, G_IO_ERROR, g_io_error_from_errno (errsv), _("%1$s: %2$s"), message,
               g_strerror (errsv));
}

/* Deletes PATH and everything under it (symbolic links are removed, not followed). */
static void
remove_tree (const char *path)
{
  GDir *dir;

  if (!g_file_test (path, G_FILE_TEST_IS_SYMLINK) && g_file_test (path, G_FILE_TEST_IS_DIR))
    {
      dir = g_dir_open (path, 0, NULL);
      if (dir != NULL)
        {
          const char *name;

          while ((name = g_dir_read_name (dir)) != NULL)
            {
              g_autofree char *child = g_build_filename (path, name, NULL);

              remove_tree (child);
            }
          g_dir_close (dir);
        }
      g_rmdir (path);
    }
  else
    g_unlink (path);
}

/* Copies what the folder SOURCE holds into the folder TARGET (symbolic links as links). */
static gboolean
copy_tree (const char    *source,
           const char    *target,
           GCancellable  *cancellable,
           GError       **error)
{
  GDir *dir = g_dir_open (source, 0, error);
  const char *name;
  gboolean ok = TRUE;

  if (dir == NULL)
    return FALSE;
  while (ok && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *from = g_build_filename (source, name, NULL);
      g_autofree char *to = g_build_filename (target, name, NULL);

      if (g_file_test (from, G_FILE_TEST_IS_DIR) && !g_file_test (from, G_FILE_TEST_IS_SYMLINK))
        {
          GStatBuf st;

          if (g_stat (from, &st) != 0 || g_mkdir (to, st.st_mode & 07777) != 0)
            {
              set_io_error (error, errno, CANNOT_CREATE, to);
              ok = FALSE;
            }
          else
            ok = copy_tree (from, to, cancellable, error);
        }
      else
        {
          g_autoptr(GFile) src = g_file_new_for_path (from);
          g_autoptr(GFile) dst = g_file_new_for_path (to);

          ok = g_file_copy (src, dst, G_FILE_COPY_NOFOLLOW_SYMLINKS | G_FILE_COPY_ALL_METADATA,
                            cancellable, NULL, NULL, error);
        }
    }
  g_dir_close (dir);
  return ok;
}

/* Puts the folder SOURCE where TARGET is. An existing TARGET is swapped out (atomically
 * where the file system can) and then deleted. */
static gboolean
replace_folder (const char  *source,
                const char  *target,
                GError     **error)
{
  g_autofree char *old = NULL;

  if (!g_file_test (target, G_FILE_TEST_EXISTS))
    {
      if (g_rename (source, target) != 0)
        {
          set_io_error (error, errno, CANNOT_CREATE, target);
          return FALSE;
        }
      return TRUE;
    }
#ifdef RENAME_EXCHANGE
  if (renameat2 (AT_FDCWD, source, AT_FDCWD, target, RENAME_EXCHANGE) == 0)
    {
      remove_tree (source);   /* now the old folder */
      return TRUE;
    }
#endif
  old = temporary_template (target);
  if (g_mkdtemp_full (old, 0700) == NULL || g_rmdir (old) != 0 || g_rename (target, old) != 0)
    {
      set_io_error (error, errno, CANNOT_WRITE, target);
      return FALSE;
    }
  if (g_rename (source, target) != 0)
    {
      int errsv = errno;

      g_rename (old, target);
      set_io_error (error, errsv, CANNOT_WRITE, target);
      return FALSE;
    }
  remove_tree (old);
  return TRUE;
}

/* ─── The job ────────────────────────────────────────────────────────────── */

typedef struct
{
  VigieReportRequest *request;
  char               *database;
  char               *actor;
  char               *path;
  GBytes             *copy_from;
  Progress           *progress;
  GAsyncReadyCallback callback;
  gpointer            user_data;
  int                 n_pages;
} Job;

static void
job_free (Job *job)
{
  vigie_report_request_free (job->request);
  g_free (job->database);
  g_free (job->actor);
  g_free (job->path);
  g_clear_pointer (&job->copy_from, g_bytes_unref);
  progress_unref (job->progress);
  g_free (job);
}

/* Writes the document of JOB to TARGET (a file, or a folder that exists). */
static gboolean
write_document (Job           *job,
                VigieStore    *store,
                const char    *target,
                GCancellable  *cancellable,
                GError       **error)
{
  const VigieReportRequest *r = job->request;
  Progress *p = job->progress;

  switch (r->kind)
    {
    case VIGIE_REPORT_KIND_FACTORY:
    case VIGIE_REPORT_KIND_PUBLIC:
      {
        VigieReportOptions options;

        vigie_report_options_init (&options);
        options.level = vigie_report_request_effective_level (r);
        options.year = r->year;
        options.language = r->language;
        options.author = r->author;
        progress_report (-1, _("Writing the report"), p);
        return vigie_pdf_write_site_report (store, r->site_id, &options, target, &job->n_pages,
                                            cancellable, error);
      }
    case VIGIE_REPORT_KIND_ANNUAL:
      {
        VigieAnnualOptions options;

        vigie_annual_options_init (&options);
        options.year = r->year;
        options.country = r->country;
        options.buyer_id = r->buyer_id;
        options.language = r->language;
        options.author = r->author;
        if (r->format == VIGIE_REPORT_FORMAT_XLSX)
          return vigie_xlsx_write_annual_report (store, &options, target, progress_report, p,
                                                 cancellable, error);
        return vigie_pdf_write_annual_report (store, &options, target, &job->n_pages,
                                              progress_report, p, cancellable, error);
      }
    case VIGIE_REPORT_KIND_DATA:
      {
        VigieDataExportOptions options;

        vigie_data_export_options_init (&options);
        options.level = vigie_report_request_effective_level (r);
        options.author = r->author;
        options.constant_memory = TRUE;
        if (r->format == VIGIE_REPORT_FORMAT_CSV)
          return vigie_csv_export_data (store, &options, target, progress_report, p,
                                        cancellable, error);
        return vigie_xlsx_export_data (store, &options, target, progress_report, p,
                                       cancellable, error);
      }
    case VIGIE_REPORT_KIND_WEBSITE:
      {
        VigieWebsiteOptions options;

        vigie_website_options_init (&options);
        return vigie_website_write (store, &options, target, progress_report, p, cancellable,
                                    error);
      }
    case VIGIE_REPORT_N_KINDS:
    default:
      g_assert_not_reached ();
    }
  return FALSE;
}

static gboolean
copy_document (Job           *job,
               GCancellable  *cancellable,
               GError       **error)
{
  gsize length = 0;
  const char *contents = g_bytes_get_data (job->copy_from, &length);

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;
  /* Written under a temporary name and renamed: complete or absent. */
  return g_file_set_contents_full (job->path, contents, (gssize) length,
                                   G_FILE_SET_CONTENTS_CONSISTENT, 0600, error);
}

static gboolean
run_to_file (Job           *job,
             VigieStore    *store,
             GCancellable  *cancellable,
             GError       **error)
{
  g_autofree char *tmp = temporary_template (job->path);
  int fd;
  gboolean ok;

  /* Reserve a private name next to the target: the writer replaces it when done. */
  fd = g_mkstemp_full (tmp, O_WRONLY | O_CLOEXEC, 0600);
  if (fd < 0)
    {
      set_io_error (error, errno, CANNOT_CREATE, job->path);
      return FALSE;
    }
  close (fd);

  ok = write_document (job, store, tmp, cancellable, error);
  if (ok && g_cancellable_set_error_if_cancelled (cancellable, error))
    ok = FALSE;
  if (ok && g_rename (tmp, job->path) != 0)
    {
      set_io_error (error, errno, CANNOT_CREATE, job->path);
      ok = FALSE;
    }
  if (!ok)
    g_unlink (tmp);
  return ok;
}

/* A folder is written in a temporary folder next to it that starts as a copy of the
 * existing one (so that files the writer does not own, a .git folder say, stay, and the
 * writer's own clean-up of stale files applies), then swapped in. */
static gboolean
run_to_folder (Job           *job,
               VigieStore    *store,
               GCancellable  *cancellable,
               GError       **error)
{
  g_autofree char *tmp = temporary_template (job->path);
  /* The website is meant to be published; the data stays private. */
  int mode = job->request->format == VIGIE_REPORT_FORMAT_WEBSITE ? 0755 : 0700;
  gboolean exists = g_file_test (job->path, G_FILE_TEST_EXISTS);
  gboolean ok = TRUE;

  if (exists && (!g_file_test (job->path, G_FILE_TEST_IS_DIR)
                 || g_file_test (job->path, G_FILE_TEST_IS_SYMLINK)))
    {
      g_autofree char *display = g_filename_display_name (job->path);

      g_set_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS,
                   _("“%s” already exists and is not a folder"), display);
      return FALSE;
    }
  if (g_mkdtemp_full (tmp, mode) == NULL)
    {
      set_io_error (error, errno, CANNOT_CREATE, job->path);
      return FALSE;
    }
  if (exists)
    {
      GStatBuf st;

      ok = copy_tree (job->path, tmp, cancellable, error);
      if (ok && g_stat (job->path, &st) == 0)
        g_chmod (tmp, st.st_mode & 07777);
    }
  if (ok)
    ok = write_document (job, store, tmp, cancellable, error);
  if (ok && g_cancellable_set_error_if_cancelled (cancellable, error))
    ok = FALSE;
  if (ok)
    ok = replace_folder (tmp, job->path, error);
  if (!ok)
    remove_tree (tmp);
  return ok;
}

static void
job_thread (GTask        *task,
            gpointer      source_object,
            gpointer      task_data,
            GCancellable *cancellable)
{
  Job *job = task_data;
  g_autoptr(VigieStore) store = NULL;
  g_autoptr(GError) error = NULL;
  gboolean ok;

  if (job->copy_from != NULL)
    ok = copy_document (job, cancellable, &error);
  else
    {
      store = vigie_store_open (job->database, &error);
      if (store == NULL)
        ok = FALSE;
      else
        {
          vigie_store_set_actor (store, job->actor);
          if (vigie_report_format_is_folder (job->request->format))
            ok = run_to_folder (job, store, cancellable, &error);
          else
            ok = run_to_file (job, store, cancellable, &error);
        }
    }

  if (!ok && g_cancellable_is_cancelled (cancellable)
      && !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      /* The writer failed because of the cancellation (or around it): say cancelled. */
      g_clear_error (&error);
      g_cancellable_set_error_if_cancelled (cancellable, &error);
    }
  if (ok)
    g_task_return_int (task, job->n_pages);
  else
    g_task_return_error (task, g_steal_pointer (&error));
}

static void
job_done_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  Job *job = g_task_get_task_data (G_TASK (result));

  g_mutex_lock (&job->progress->lock);
  job->progress->finished = TRUE;
  g_mutex_unlock (&job->progress->lock);
  if (job->callback != NULL)
    job->callback (source, result, job->user_data);
}

void
vigie_report_job_run_async (gpointer                  source_object,
                            VigieStore               *store,
                            const VigieReportRequest *request,
                            const char               *path,
                            GBytes                   *copy_from,
                            VigieReportJobFlags       flags,
                            VigieReportJobProgress    progress,
                            gpointer                  progress_data,
                            GCancellable             *cancellable,
                            GAsyncReadyCallback       callback,
                            gpointer                  user_data)
{
  g_autoptr(GTask) task = NULL;
  Job *job;

  g_return_if_fail (source_object == NULL || G_IS_OBJECT (source_object));
  g_return_if_fail (VIGIE_IS_STORE (store));
  g_return_if_fail (request != NULL);
  g_return_if_fail (path != NULL);

  job = g_new0 (Job, 1);
  job->request = vigie_report_request_copy (request);
  job->database = g_strdup (vigie_store_get_path (store));
  job->actor = g_strdup (vigie_store_get_actor (store));
  job->path = g_strdup (path);
  job->copy_from = copy_from != NULL ? g_bytes_ref (copy_from) : NULL;
  job->callback = callback;
  job->user_data = user_data;

  job->progress = g_new0 (Progress, 1);
  g_atomic_ref_count_init (&job->progress->ref);
  g_mutex_init (&job->progress->lock);
  job->progress->context = g_main_context_ref_thread_default ();
  job->progress->cancellable = cancellable != NULL ? g_object_ref (cancellable)
                                                   : g_cancellable_new ();
  job->progress->func = progress;
  job->progress->func_data = progress_data;
  job->progress->source = source_object != NULL ? g_object_ref (source_object) : NULL;
  job->progress->hold = (flags & VIGIE_REPORT_JOB_HOLD_AT_PROGRESS) != 0;

  task = g_task_new (source_object, job->progress->cancellable, job_done_cb, NULL);
  g_task_set_source_tag (task, vigie_report_job_run_async);
  g_task_set_task_data (task, job, (GDestroyNotify) job_free);
  g_task_set_return_on_cancel (task, FALSE);
  g_task_run_in_thread (task, job_thread);
}

gboolean
vigie_report_job_run_finish (GAsyncResult  *result,
                             int           *n_pages,
                             GError       **error)
{
  gssize pages;

  g_return_val_if_fail (G_IS_TASK (result), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == vigie_report_job_run_async,
                        FALSE);

  pages = g_task_propagate_int (G_TASK (result), error);
  if (pages < 0)
    return FALSE;
  if (n_pages != NULL)
    *n_pages = (int) pages;
  return TRUE;
}
