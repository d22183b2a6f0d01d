/* vigie-ghs-pictogram.c — the GHS pictograms as cairo paths.
 *
 * Every symbol is drawn in a unit square (0..1 both ways) whose diamond has its corners at
 * the middles of the square's sides; the symbol stays inside the central area.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "vigie-ghs-pictogram.h"
/* Last: in a report, the chart's words follow the report's language. */
#include "vigie-report-i18n.h"

static const char * const codes[VIGIE_GHS_N_PICTOGRAMS] = {
  "GHS01", "GHS02", "GHS03", "GHS04", "GHS05", "GHS06", "GHS07", "GHS08", "GHS09",
};

static const char * const names[VIGIE_GHS_N_PICTOGRAMS] = {
  N_("Exploding bomb"), N_("Flame"), N_("Flame over circle"), N_("Gas cylinder"),
  N_("Corrosion"), N_("Skull and crossbones"), N_("Exclamation mark"), N_("Health hazard"),
  N_("Environment"),
};

static int
index_of (const char *code)
{
  if (code == NULL)
    return -1;
  for (int i = 0; i < VIGIE_GHS_N_PICTOGRAMS; i++)
    if (strcmp (code, codes[i]) == 0)
      return i;
  return -1;
}

gboolean
vigie_ghs_pictogram_is_valid (const char *code)
{
  return index_of (code) >= 0;
}

const char *
vigie_ghs_pictogram_code (guint index)
{
  return index < VIGIE_GHS_N_PICTOGRAMS ? codes[index] : NULL;
}

const char *
vigie_ghs_pictogram_name (const char *code)
{
  int i = index_of (code);

  return i >= 0 ? _(names[i]) : NULL;
}

/* ─── Shapes ─────────────────────────────────────────────────────────────── */

static void
black (cairo_t *cr)
{
  cairo_set_source_rgb (cr, 0, 0, 0);
}

static void
white (cairo_t *cr)
{
  cairo_set_source_rgb (cr, 1, 1, 1);
}

/* A flame standing on (CX, BASE), HEIGHT tall, WIDTH wide, with an inner tongue cut out. */
static void
flame (cairo_t *cr,
       double   cx,
       double   base,
       double   width,
       double   height)
{
  double w = width / 2, top = base - height;

  cairo_move_to (cr, cx - w * 0.2, base);
  cairo_curve_to (cr, cx - w * 1.15, base - height * 0.05, cx - w * 1.05, base - height * 0.55,
                  cx - w * 0.55, base - height * 0.7);
  cairo_curve_to (cr, cx - w * 0.6, base - height * 0.5, cx - w * 0.35, base - height * 0.4,
                  cx - w * 0.25, base - height * 0.45);
  cairo_curve_to (cr, cx - w * 0.45, base - height * 0.75, cx - w * 0.1, top + height * 0.1,
                  cx + w * 0.15, top);
  cairo_curve_to (cr, cx + w * 0.05, top + height * 0.25, cx + w * 0.45, top + height * 0.35,
                  cx + w * 0.55, top + height * 0.55);
  cairo_curve_to (cr, cx + w * 0.65, top + height * 0.45, cx + w * 0.6, top + height * 0.35,
                  cx + w * 0.55, top + height * 0.3);
  cairo_curve_to (cr, cx + w * 1.2, base - height * 0.45, cx + w * 1.1, base - height * 0.05,
                  cx + w * 0.2, base);
  cairo_close_path (cr);
  black (cr);
  cairo_fill (cr);

  /* The inner tongue, in white. */
  cairo_move_to (cr, cx, base - height * 0.04);
  cairo_curve_to (cr, cx - w * 0.55, base - height * 0.1, cx - w * 0.45, base - height * 0.35,
                  cx - w * 0.05, base - height * 0.5);
  cairo_curve_to (cr, cx - w * 0.1, base - height * 0.35, cx + w * 0.15, base - height * 0.3,
                  cx + w * 0.2, base - height * 0.38);
  cairo_curve_to (cr, cx + w * 0.55, base - height * 0.2, cx + w * 0.35, base - height * 0.05,
                  cx, base - height * 0.04);
  cairo_close_path (cr);
  white (cr);
  cairo_fill (cr);
}

static void
draw_exploding_bomb (cairo_t *cr)
{
  /* Shards flying from the burst. */
  static const double shards[][4] = {
    { 0.55, 0.30, 0.03, -0.06 }, { 0.68, 0.36, 0.06, -0.03 }, { 0.70, 0.50, 0.07, 0.01 },
    { 0.42, 0.31, -0.04, -0.05 }, { 0.34, 0.42, -0.07, -0.02 },
  };
  double cx = 0.53, cy = 0.45;

  /* The burst: a star of eight points. */
  black (cr);
  for (int i = 0; i < 16; i++)
    {
      double a = i * G_PI / 8 - G_PI / 2;
      double r = i % 2 == 0 ? 0.15 : 0.07;

      if (i == 0)
        cairo_move_to (cr, cx + r * cos (a), cy + r * sin (a));
      else
        cairo_line_to (cr, cx + r * cos (a), cy + r * sin (a));
    }
  cairo_close_path (cr);
  cairo_fill (cr);
  for (guint i = 0; i < G_N_ELEMENTS (shards); i++)
    {
      cairo_move_to (cr, shards[i][0], shards[i][1]);
      cairo_rel_line_to (cr, shards[i][2], shards[i][3]);
      cairo_rel_line_to (cr, -shards[i][3] * 0.4, shards[i][2] * 0.4);
      cairo_close_path (cr);
    }
  cairo_fill (cr);
  /* The bomb. */
  cairo_arc (cr, 0.44, 0.62, 0.105, 0, 2 * G_PI);
  cairo_fill (cr);
  cairo_set_line_width (cr, 0.025);
  cairo_move_to (cr, 0.49, 0.53);
  cairo_line_to (cr, cx - 0.01, cy + 0.04);
  cairo_stroke (cr);
}

static void
draw_flame (cairo_t *cr)
{
  flame (cr, 0.5, 0.66, 0.3, 0.38);
  black (cr);
  cairo_rectangle (cr, 0.33, 0.68, 0.34, 0.04);
  cairo_fill (cr);
}

static void
draw_flame_over_circle (cairo_t *cr)
{
  black (cr);
  cairo_set_line_width (cr, 0.05);
  cairo_arc (cr, 0.5, 0.6, 0.1, 0, 2 * G_PI);
  cairo_stroke (cr);
  flame (cr, 0.5, 0.5, 0.24, 0.24);
  cairo_rectangle (cr, 0.33, 0.72, 0.34, 0.035);
  black (cr);
  cairo_fill (cr);
}

static void
draw_gas_cylinder (cairo_t *cr)
{
  cairo_save (cr);
  cairo_translate (cr, 0.5, 0.55);
  cairo_rotate (cr, -G_PI / 9);
  black (cr);
  /* Body: a long rounded bar lying almost flat. */
  cairo_new_sub_path (cr);
  cairo_arc (cr, -0.17, 0, 0.085, G_PI / 2, 3 * G_PI / 2);
  cairo_arc (cr, 0.12, 0, 0.085, -G_PI / 2, G_PI / 2);
  cairo_close_path (cr);
  cairo_fill (cr);
  /* Neck and valve. */
  cairo_rectangle (cr, 0.2, -0.035, 0.05, 0.07);
  cairo_fill (cr);
  cairo_rectangle (cr, 0.245, -0.06, 0.03, 0.12);
  cairo_fill (cr);
  /* A white highlight line along the body. */
  white (cr);
  cairo_set_line_width (cr, 0.015);
  cairo_move_to (cr, -0.17, -0.045);
  cairo_line_to (cr, 0.1, -0.045);
  cairo_stroke (cr);
  cairo_restore (cr);
}

static void
tube (cairo_t *cr,
      double   x,
      double   y,
      double   angle)
{
  cairo_save (cr);
  cairo_translate (cr, x, y);
  cairo_rotate (cr, angle);
  black (cr);
  cairo_set_line_width (cr, 0.02);
  cairo_move_to (cr, -0.03, -0.1);
  cairo_line_to (cr, -0.03, 0.05);
  cairo_arc_negative (cr, 0, 0.05, 0.03, G_PI, 0);
  cairo_line_to (cr, 0.03, -0.1);
  cairo_stroke (cr);
  cairo_rectangle (cr, -0.03, 0.0, 0.06, 0.05);
  cairo_fill (cr);
  cairo_restore (cr);
}

static void
drop (cairo_t *cr,
      double   x,
      double   y,
      double   r)
{
  cairo_move_to (cr, x, y - 2.2 * r);
  cairo_curve_to (cr, x + r * 0.3, y - r, x + r, y - r * 0.4, x + r, y);
  cairo_arc (cr, x, y, r, 0, G_PI);
  cairo_curve_to (cr, x - r, y - r * 0.4, x - r * 0.3, y - r, x, y - 2.2 * r);
  cairo_close_path (cr);
  cairo_fill (cr);
}

static void
draw_corrosion (cairo_t *cr)
{
  /* Two tubes pouring, drops falling on a surface (left) and a hand (right). */
  tube (cr, 0.38, 0.33, -G_PI / 3);
  tube (cr, 0.62, 0.33, G_PI / 3);
  black (cr);
  drop (cr, 0.38, 0.48, 0.018);
  drop (cr, 0.38, 0.55, 0.015);
  drop (cr, 0.62, 0.48, 0.018);
  drop (cr, 0.62, 0.55, 0.015);
  /* The surface, eaten away. */
  cairo_move_to (cr, 0.27, 0.62);
  cairo_line_to (cr, 0.35, 0.62);
  cairo_curve_to (cr, 0.36, 0.66, 0.40, 0.66, 0.41, 0.62);
  cairo_line_to (cr, 0.46, 0.62);
  cairo_line_to (cr, 0.46, 0.68);
  cairo_line_to (cr, 0.27, 0.68);
  cairo_close_path (cr);
  cairo_fill (cr);
  /* The hand: palm and fingers, with a bite. */
  cairo_move_to (cr, 0.54, 0.62);
  cairo_line_to (cr, 0.60, 0.62);
  cairo_curve_to (cr, 0.61, 0.655, 0.645, 0.655, 0.655, 0.62);
  cairo_line_to (cr, 0.70, 0.62);
  cairo_line_to (cr, 0.72, 0.66);
  cairo_line_to (cr, 0.64, 0.70);
  cairo_line_to (cr, 0.54, 0.70);
  cairo_close_path (cr);
  cairo_fill (cr);
  white (cr);
  cairo_set_line_width (cr, 0.008);
  for (int i = 0; i < 3; i++)
    {
      cairo_move_to (cr, 0.56, 0.64 + i * 0.02);
      cairo_line_to (cr, 0.6, 0.64 + i * 0.02);
    }
  cairo_stroke (cr);
}

static void
bone (cairo_t *cr,
      double   x1,
      double   y1,
      double   x2,
      double   y2)
{
  black (cr);
  cairo_set_line_width (cr, 0.04);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
  cairo_move_to (cr, x1, y1);
  cairo_line_to (cr, x2, y2);
  cairo_stroke (cr);
  cairo_arc (cr, x1, y1, 0.028, 0, 2 * G_PI);
  cairo_fill (cr);
  cairo_arc (cr, x2, y2, 0.028, 0, 2 * G_PI);
  cairo_fill (cr);
}

static void
draw_skull (cairo_t *cr)
{
  bone (cr, 0.34, 0.58, 0.66, 0.72);
  bone (cr, 0.34, 0.72, 0.66, 0.58);
  black (cr);
  /* Cranium and jaw. */
  cairo_arc (cr, 0.5, 0.43, 0.13, 0, 2 * G_PI);
  cairo_fill (cr);
  cairo_rectangle (cr, 0.43, 0.5, 0.14, 0.11);
  cairo_fill (cr);
  /* Eyes, nose and teeth in white. */
  white (cr);
  cairo_arc (cr, 0.45, 0.44, 0.033, 0, 2 * G_PI);
  cairo_fill (cr);
  cairo_arc (cr, 0.55, 0.44, 0.033, 0, 2 * G_PI);
  cairo_fill (cr);
  cairo_move_to (cr, 0.5, 0.48);
  cairo_line_to (cr, 0.485, 0.51);
  cairo_line_to (cr, 0.515, 0.51);
  cairo_close_path (cr);
  cairo_fill (cr);
  cairo_set_line_width (cr, 0.008);
  for (int i = 1; i < 4; i++)
    {
      cairo_move_to (cr, 0.43 + i * 0.035, 0.55);
      cairo_line_to (cr, 0.43 + i * 0.035, 0.61);
    }
  cairo_stroke (cr);
}

static void
draw_exclamation (cairo_t *cr)
{
  black (cr);
  cairo_move_to (cr, 0.455, 0.29);
  cairo_line_to (cr, 0.545, 0.29);
  cairo_line_to (cr, 0.52, 0.59);
  cairo_line_to (cr, 0.48, 0.59);
  cairo_close_path (cr);
  cairo_fill (cr);
  cairo_arc (cr, 0.5, 0.66, 0.042, 0, 2 * G_PI);
  cairo_fill (cr);
}

static void
draw_health_hazard (cairo_t *cr)
{
  black (cr);
  /* Head. */
  cairo_arc (cr, 0.5, 0.32, 0.065, 0, 2 * G_PI);
  cairo_fill (cr);
  /* Shoulders and chest. */
  cairo_move_to (cr, 0.3, 0.72);
  cairo_curve_to (cr, 0.3, 0.5, 0.36, 0.41, 0.5, 0.41);
  cairo_curve_to (cr, 0.64, 0.41, 0.7, 0.5, 0.7, 0.72);
  cairo_close_path (cr);
  cairo_fill (cr);
  /* A white burst on the chest. */
  white (cr);
  for (int i = 0; i < 16; i++)
    {
      double a = i * G_PI / 8 - G_PI / 2;
      double r = i % 2 == 0 ? 0.11 : 0.045;
      double x = 0.5 + r * cos (a), y = 0.57 + r * sin (a);

      if (i == 0)
        cairo_move_to (cr, x, y);
      else
        cairo_line_to (cr, x, y);
    }
  cairo_close_path (cr);
  cairo_fill (cr);
}

static void
draw_environment (cairo_t *cr)
{
  black (cr);
  /* Dead tree: trunk and bare branches, on the left. */
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
  cairo_set_line_width (cr, 0.03);
  cairo_move_to (cr, 0.38, 0.62);
  cairo_line_to (cr, 0.4, 0.32);
  cairo_stroke (cr);
  cairo_set_line_width (cr, 0.015);
  cairo_move_to (cr, 0.395, 0.42);
  cairo_line_to (cr, 0.3, 0.34);
  cairo_move_to (cr, 0.397, 0.38);
  cairo_line_to (cr, 0.48, 0.3);
  cairo_move_to (cr, 0.39, 0.5);
  cairo_line_to (cr, 0.31, 0.46);
  cairo_move_to (cr, 0.39, 0.48);
  cairo_line_to (cr, 0.47, 0.43);
  cairo_stroke (cr);
  /* Ground. */
  cairo_set_line_width (cr, 0.02);
  cairo_move_to (cr, 0.28, 0.63);
  cairo_line_to (cr, 0.72, 0.63);
  cairo_stroke (cr);
  /* Dead fish, belly up, on the right. */
  cairo_move_to (cr, 0.48, 0.7);
  cairo_curve_to (cr, 0.52, 0.64, 0.62, 0.64, 0.66, 0.7);
  cairo_curve_to (cr, 0.62, 0.75, 0.52, 0.75, 0.48, 0.7);
  cairo_close_path (cr);
  cairo_fill (cr);
  cairo_move_to (cr, 0.66, 0.7);
  cairo_line_to (cr, 0.71, 0.66);
  cairo_line_to (cr, 0.71, 0.74);
  cairo_close_path (cr);
  cairo_fill (cr);
  /* The eye: a white cross. */
  white (cr);
  cairo_set_line_width (cr, 0.008);
  cairo_move_to (cr, 0.505, 0.685);
  cairo_line_to (cr, 0.525, 0.705);
  cairo_move_to (cr, 0.525, 0.685);
  cairo_line_to (cr, 0.505, 0.705);
  cairo_stroke (cr);
}

gboolean
vigie_ghs_pictogram_render (cairo_t    *cr,
                            const char *code,
                            double      x,
                            double      y,
                            double      size)
{
  int i = index_of (code);
  double border = 0.075;

  g_return_val_if_fail (cr != NULL, FALSE);

  if (i < 0 || size <= 0)
    return FALSE;

  cairo_save (cr);
  cairo_translate (cr, x, y);
  cairo_scale (cr, size, size);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);

  /* White diamond with the red border (the border drawn inside the square). */
  cairo_move_to (cr, 0.5, border / 2);
  cairo_line_to (cr, 1 - border / 2, 0.5);
  cairo_line_to (cr, 0.5, 1 - border / 2);
  cairo_line_to (cr, border / 2, 0.5);
  cairo_close_path (cr);
  white (cr);
  cairo_fill_preserve (cr);
  cairo_set_source_rgb (cr, 230.0 / 255.0, 0.0, 0.0);
  cairo_set_line_width (cr, border);
  cairo_stroke (cr);

  switch (i)
    {
    case 0: draw_exploding_bomb (cr); break;
    case 1: draw_flame (cr); break;
    case 2: draw_flame_over_circle (cr); break;
    case 3: draw_gas_cylinder (cr); break;
    case 4: draw_corrosion (cr); break;
    case 5: draw_skull (cr); break;
    case 6: draw_exclamation (cr); break;
    case 7: draw_health_hazard (cr); break;
    default: draw_environment (cr); break;
    }
  cairo_restore (cr);
  return TRUE;
}
