/* vigie-evidence.h — evidence of a finding: testimony (under pseudonym), documents,
 * photos... and the files attached to it.
 *
 * An attached file is copied into the dataset's evidence folder, next to the database
 * ("<database path without .db>-evidence/", mode 0700) under its SHA-256 and extension;
 * the database holds only that relative name, the hash, the size and the media type, never
 * a path outside the dataset.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "vigie-site.h"
#include "vigie-store.h"

G_BEGIN_DECLS

#define VIGIE_EVIDENCE_ERROR (vigie_evidence_error_quark ())
GQuark vigie_evidence_error_quark (void);

typedef enum
{
  VIGIE_EVIDENCE_ERROR_READ,         /* the file to attach cannot be read */
  VIGIE_EVIDENCE_ERROR_TYPE,         /* not a PDF or an image */
  VIGIE_EVIDENCE_ERROR_WRITE,        /* the copy cannot be written */
  VIGIE_EVIDENCE_ERROR_MISSING,      /* the stored copy is gone or its hash changed */
  VIGIE_EVIDENCE_ERROR_RENDER,       /* the PDF cannot be shown (malformed, or the renderer
                                      * crashed or hit its memory or CPU limit) */
  VIGIE_EVIDENCE_ERROR_TIMEOUT,      /* the renderer took longer than the time limit */
} VigieEvidenceError;

typedef struct
{
  gint64    id;
  char     *uuid;
  gint64    finding_id;
  char     *kind;              /* VIGIE_VOCAB_EVIDENCE_KIND */
  char     *summary;
  gint64    sources_count;     /* corroborating sources, >= 0 */
  char     *pseudonym;         /* testimony: required, never a real name; else NULL */
  gboolean  consent_to_quote;  /* testimony only */
  char     *collected_on;      /* YYYY-MM-DD or NULL */
  char     *file_name;         /* relative to the evidence folder, or NULL */
  char     *file_sha256;       /* 64 hex digits, or NULL */
  gint64    file_size;         /* -1 when no file */
  char     *media_type;        /* "application/pdf", "image/png"... or NULL */
  gboolean  confidential;
  char     *notes;
} VigieEvidenceRecord;

VigieEvidenceRecord *vigie_evidence_record_new   (void) G_GNUC_WARN_UNUSED_RESULT;
VigieEvidenceRecord *vigie_evidence_record_copy  (const VigieEvidenceRecord *record) G_GNUC_WARN_UNUSED_RESULT;
void                 vigie_evidence_record_free  (VigieEvidenceRecord       *record);

/* GPtrArray of VigieFieldError: testimony needs a pseudonym; a pseudonym and consent to
 * quote belong to testimony only; file fields are all set or all unset. */
GPtrArray           *vigie_evidence_validate     (const VigieEvidenceRecord *record) G_GNUC_WARN_UNUSED_RESULT;

/* The dataset's evidence folder (not created). */
char                *vigie_evidence_folder       (VigieStore                *store) G_GNUC_WARN_UNUSED_RESULT;

/* Copies SOURCE_PATH into the evidence folder (created 0700), hashing it on the way, as
 * "<sha256>.<ext>", and fills the file fields of RECORD. Only PDF files and images
 * (sniffed from the content) are accepted. Nothing is written to the database. */
gboolean             vigie_evidence_attach_file  (VigieStore                *store,
                                                  VigieEvidenceRecord       *record,
                                                  const char                *source_path,
                                                  GCancellable              *cancellable,
                                                  GError                   **error);
/* The absolute path of RECORD's stored file, or NULL (no file, or an unsafe name). */
char                *vigie_evidence_file_path    (VigieStore                *store,
                                                  const VigieEvidenceRecord *record) G_GNUC_WARN_UNUSED_RESULT;
/* Hashes the stored copy again: FALSE (VIGIE_EVIDENCE_ERROR_MISSING) if it is gone or
 * differs from the recorded SHA-256. */
gboolean             vigie_evidence_verify_file  (VigieStore                *store,
                                                  const VigieEvidenceRecord *record,
                                                  GError                   **error);
/* SHA-256 of a file as 64 lower-case hex digits. */
char                *vigie_evidence_hash_file    (const char                *path,
                                                  gint64                    *size,
                                                  GError                   **error) G_GNUC_WARN_UNUSED_RESULT;

/* CRUD, audited. Deleting removes the stored file when no other evidence uses it. */
GPtrArray           *vigie_store_list_evidence   (VigieStore                *store,
                                                  gint64                     finding_id,
                                                  GError                   **error) G_GNUC_WARN_UNUSED_RESULT;
VigieEvidenceRecord *vigie_store_get_evidence    (VigieStore                *store,
                                                  gint64                     id,
                                                  GError                   **error) G_GNUC_WARN_UNUSED_RESULT;
gint64               vigie_store_insert_evidence (VigieStore                *store,
                                                  VigieEvidenceRecord       *record,
                                                  GError                   **error);
gboolean             vigie_store_update_evidence (VigieStore                *store,
                                                  const VigieEvidenceRecord *record,
                                                  GError                   **error);
gboolean             vigie_store_delete_evidence (VigieStore                *store,
                                                  gint64                     id,
                                                  GError                   **error);

/* ─── PDF preview in a separate process ─────────────────────────────────── */

/* Limits of the renderer process (vigie-pdf-render): address space, CPU time, wall-clock
 * time (after which it is killed). */
#define VIGIE_PDF_MEMORY_LIMIT   (768 * 1024 * 1024)
#define VIGIE_PDF_CPU_SECONDS    10
#define VIGIE_PDF_TIMEOUT_MS     8000

/* The renderer: $VIGIE_PDF_RENDER, else next to the running program, else in
 * ../libexec of it. */
char      *vigie_pdf_renderer_path (void) G_GNUC_WARN_UNUSED_RESULT;
/* Runs the renderer with ARGV (after the program) under the limits; returns its standard
 * output, or NULL with a VIGIE_EVIDENCE_ERROR saying why in words a person understands.
 * TIMEOUT_MS <= 0 means VIGIE_PDF_TIMEOUT_MS. Blocks: call it from a worker thread. */
GBytes    *vigie_pdf_run          (const char * const *argv,
                                   int                 timeout_ms,
                                   GCancellable       *cancellable,
                                   GError            **error) G_GNUC_WARN_UNUSED_RESULT;
/* Number of pages of PDF (and the size of the first, in points; may be NULL). */
gboolean   vigie_pdf_get_info     (const char         *pdf,
                                   int                *n_pages,
                                   double             *width,
                                   double             *height,
                                   GCancellable       *cancellable,
                                   GError            **error);
/* Page INDEX (0-based) drawn WIDTH pixels wide, as PNG bytes. */
GBytes    *vigie_pdf_render_page  (const char         *pdf,
                                   int                 index,
                                   int                 width,
                                   GCancellable       *cancellable,
                                   GError            **error) G_GNUC_WARN_UNUSED_RESULT;
/* Pages 0 to N_PAGES - 1 drawn WIDTH pixels wide (GPtrArray of PNG GBytes), all of them
 * within BUDGET_MS of wall-clock time together: the list stops at the first page that
 * fails or does not finish in what is left of the budget, so a hostile file costs at most
 * BUDGET_MS however many pages it claims. */
GPtrArray *vigie_pdf_render_thumbnails (const char    *pdf,
                                        int            n_pages,
                                        int            width,
                                        int            budget_ms,
                                        GCancellable  *cancellable) G_GNUC_WARN_UNUSED_RESULT;
/* Pages holding TEXT: GArray of int pairs (page index, number of matches). */
GArray    *vigie_pdf_search       (const char         *pdf,
                                   const char         *text,
                                   GCancellable       *cancellable,
                                   GError            **error) G_GNUC_WARN_UNUSED_RESULT;

G_DEFINE_AUTOPTR_CLEANUP_FUNC (VigieEvidenceRecord, vigie_evidence_record_free)

G_END_DECLS
