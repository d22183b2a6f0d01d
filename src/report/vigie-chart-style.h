/* vigie-chart-style.h — colours and font of the charts drawn in src/report, shared by the
 * on-screen widgets (which fill it from the GTK style) and the PDF reports (which use the
 * defaults).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct
{
  double red, green, blue, alpha;
} VigieChartRgba;

#define VIGIE_CHART_MAX_SERIES_COLOURS 8

typedef struct
{
  VigieChartRgba  background;       /* alpha 0: leave the surface as it is */
  VigieChartRgba  foreground;       /* text, axes */
  VigieChartRgba  grid;             /* grid lines */
  VigieChartRgba  accent;           /* first series */
  VigieChartRgba  alert;            /* warnings drawn next to a category (error colour) */
  VigieChartRgba  series[VIGIE_CHART_MAX_SERIES_COLOURS];  /* series colours after the accent */
  char      *font_family;      /* NULL: "Sans" */
  double     font_size;        /* in points of the target (1 pt = 1 unit at 72 dpi) */
} VigieChartStyle;

/* Fills STYLE with the defaults of printed reports: black text on white, the GNOME
 * palette for series. Free the font with vigie_chart_style_clear(). */
static inline void
vigie_chart_style_init_default (VigieChartStyle *style)
{
  static const VigieChartRgba palette[VIGIE_CHART_MAX_SERIES_COLOURS] = {
    { 0.208, 0.518, 0.894, 1 },   /* blue 3  */
    { 0.902, 0.380, 0.000, 1 },   /* orange 4 */
    { 0.200, 0.820, 0.478, 1 },   /* green 3 */
    { 0.569, 0.255, 0.675, 1 },   /* purple 3 */
    { 0.965, 0.827, 0.176, 1 },   /* yellow 3 */
    { 0.525, 0.369, 0.235, 1 },   /* brown 3 */
    { 0.753, 0.110, 0.157, 1 },   /* red 4 */
    { 0.467, 0.463, 0.482, 1 },   /* dark 1 */
  };

  style->background = (VigieChartRgba) { 1, 1, 1, 1 };
  style->foreground = (VigieChartRgba) { 0.12, 0.12, 0.12, 1 };
  style->grid = (VigieChartRgba) { 0.12, 0.12, 0.12, 0.15 };
  style->accent = palette[0];
  style->alert = (VigieChartRgba) { 0.753, 0.110, 0.157, 1 };
  for (int i = 0; i < VIGIE_CHART_MAX_SERIES_COLOURS; i++)
    style->series[i] = palette[i];
  style->font_family = NULL;
  style->font_size = 10;
}

static inline void
vigie_chart_style_clear (VigieChartStyle *style)
{
  g_clear_pointer (&style->font_family, g_free);
}

/* The colour of series I: the accent for the first, then the palette. */
static inline VigieChartRgba
vigie_chart_style_series_colour (const VigieChartStyle *style,
                                 guint                  i)
{
  if (i == 0)
    return style->accent;
  return style->series[i % VIGIE_CHART_MAX_SERIES_COLOURS];
}

G_END_DECLS
