/* vigie-ghs-pictogram.h — the nine GHS hazard pictograms drawn with cairo: a red-bordered
 * diamond on white with a simplified black symbol (drawn here from plain shapes, not
 * copied artwork).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>
#include <glib.h>

G_BEGIN_DECLS

#define VIGIE_GHS_N_PICTOGRAMS 9

/* TRUE for "GHS01" .. "GHS09". */
gboolean     vigie_ghs_pictogram_is_valid (const char *code);
/* "GHS01" .. "GHS09" for INDEX 0..8. */
const char  *vigie_ghs_pictogram_code     (guint       index);
/* The translated name ("Flame", "Skull and crossbones"), NULL when CODE is not valid. */
const char  *vigie_ghs_pictogram_name     (const char *code);

/* Draws pictogram CODE with its diamond inscribed in the square (X, Y, SIZE, SIZE).
 * Returns FALSE (drawing nothing) when CODE is not a pictogram. */
gboolean     vigie_ghs_pictogram_render   (cairo_t    *cr,
                                           const char *code,
                                           double      x,
                                           double      y,
                                           double      size);

G_END_DECLS
