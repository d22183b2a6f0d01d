/* fuzz.h — what every fuzz target of tests/fuzz defines (libFuzzer's entry points), and
 * helpers they share. A target is linked either with libFuzzer (-Dfuzzing=true, clang) or
 * with fuzz-replay.c, which feeds it the committed corpus and regression inputs in every
 * ordinary build.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>
#include <stddef.h>
#include <stdint.h>

G_BEGIN_DECLS

int  LLVMFuzzerInitialize   (int            *argc,
                             char         ***argv);
int  LLVMFuzzerTestOneInput (const uint8_t  *data,
                             size_t          size);

/* Aborts (a crash the fuzzer reports) when CONDITION does not hold: a property of the code
 * under test was broken for this input. */
#define FUZZ_ASSERT(condition) \
  G_STMT_START { \
    if (G_UNLIKELY (!(condition))) \
      { \
        g_printerr ("%s:%d: property broken: %s\n", __FILE__, __LINE__, #condition); \
        abort (); \
      } \
  } G_STMT_END

G_END_DECLS
