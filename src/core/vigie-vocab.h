/* vigie-vocab.h — the enumerations of DOMAIN.md: stable English codes stored in the
 * database, translated labels shown to people. One table per vocabulary.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum
{
  VIGIE_VOCAB_LOCATION_TYPE,
  VIGIE_VOCAB_PRODUCT,
  VIGIE_VOCAB_WORKFORCE_SOURCE,
  VIGIE_VOCAB_ORGANISATION_KIND,
  VIGIE_VOCAB_TIER,
  VIGIE_VOCAB_LINK_SOURCE,
  VIGIE_VOCAB_DISCLOSURE_SUBJECT,
  VIGIE_VOCAB_DISCLOSURE_STATUS,
  VIGIE_VOCAB_INVESTIGATION_TRIGGER,
  VIGIE_VOCAB_INVESTIGATION_STATUS,
  VIGIE_VOCAB_ACTIVITY_METHOD,
  VIGIE_VOCAB_SEVERITY,
  VIGIE_VOCAB_FINDING_KIND,
  VIGIE_VOCAB_FINDING_STATUS,
  VIGIE_VOCAB_DISCLOSURE_LEVEL,
  VIGIE_VOCAB_EVIDENCE_KIND,
  VIGIE_VOCAB_REMEDY_TYPE,
  VIGIE_VOCAB_REMEDIATION_STATUS,
  VIGIE_VOCAB_ESCALATION_LEVEL,
  VIGIE_VOCAB_GRIEVANCE_CHANNEL,
  VIGIE_VOCAB_GRIEVANCE_STATUS,
  VIGIE_VOCAB_CHEMICAL_PROCESS,
  VIGIE_VOCAB_QUANTITY_UNIT,
  VIGIE_VOCAB_EXPOSURE_KIND,
  VIGIE_N_VOCABS
} VigieVocab;

typedef struct
{
  const char *code;   /* stored in the database, never translated */
  const char *label;  /* N_() English label; translate with vigie_vocab_label() */
} VigieVocabEntry;

/* The entries of a vocabulary in their natural order (severity from critical down,
 * disclosure levels from internal up, ...). */
const VigieVocabEntry *vigie_vocab_entries   (VigieVocab   vocab,
                                              guint       *n_entries);
/* Index of CODE in the vocabulary, or -1. */
int                    vigie_vocab_index     (VigieVocab   vocab,
                                              const char  *code);
gboolean               vigie_vocab_is_valid  (VigieVocab   vocab,
                                              const char  *code);
/* The gettext context (msgctxt) of the labels of VOCAB, for code that translates the
 * English labels itself (reports in a language other than the UI's). */
const char            *vigie_vocab_context   (VigieVocab   vocab);
/* Translated label of CODE (in the current gettext language); CODE itself if unknown. */
const char            *vigie_vocab_label     (VigieVocab   vocab,
                                              const char  *code);
/* Translated labels of a comma-separated list of codes, joined with ", ". */
char                  *vigie_vocab_labels    (VigieVocab   vocab,
                                              const char  *codes) G_GNUC_WARN_UNUSED_RESULT;

G_END_DECLS
