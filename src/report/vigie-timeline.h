/* vigie-timeline.h — the remediation timeline as a pure cairo renderer with its geometry
 * and hit-testing. The Remediation page, the PDF reports and the tests call the same
 * functions on different surfaces.
 *
 * Layout, top to bottom: an axis band (style->axis_height) with the month / quarter / year
 * ticks, then rows of style->row_height: a header row per group (site or finding) followed
 * by one row per action. A label column (style->label_width) on the left names the rows;
 * the time area is to its right.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>
#include <glib.h>

#include "vigie-action-list.h"

G_BEGIN_DECLS

typedef enum
{
  VIGIE_TIMELINE_ZOOM_MONTH,     /* about a month across the time area */
  VIGIE_TIMELINE_ZOOM_QUARTER,   /* about three months */
  VIGIE_TIMELINE_ZOOM_YEAR,      /* about a year */
  VIGIE_TIMELINE_N_ZOOMS
} VigieTimelineZoom;

/* What to draw. Points into memory owned elsewhere (a VigieActionSpans and the rows
 * array that vigie_timeline_data_init() builds). */
typedef struct
{
  const VigieActionSpan      *spans;
  guint                       n_spans;
  const VigieActionMilestone *milestones;
  guint                       n_milestones;
  const char * const         *group_labels;
  guint                       n_groups;
  /* Layout rows: a value ≥ 0 is a span index, a value < 0 is the header of group
   * (-value - 1). */
  gint32                     *rows;
  guint                       n_rows;
  guint32                     today;     /* Julian day of the today line */
} VigieTimelineData;

typedef struct
{
  double r, g, b, a;
} VigieRgba;

/* Colours and fonts come from the caller (the widget's style context, a report theme). */
typedef struct
{
  VigieRgba   background;
  VigieRgba   foreground;
  VigieRgba   dim;            /* secondary text, grid lines */
  VigieRgba   header_bg;      /* group header rows and the axis band */
  VigieRgba   bar;            /* bar outline and the remaining part */
  VigieRgba   done;           /* completed portion */
  VigieRgba   overdue;        /* error colour: overdue part, hatching, label */
  VigieRgba   verified;       /* bars verified or closed */
  VigieRgba   today;          /* today line */
  VigieRgba   selection;      /* selected row background */
  VigieRgba   hover;          /* hovered row background */
  const char *font;           /* pango font description, e.g. "Cantarell 10" */
  double      label_width;
  double      axis_height;
  double      row_height;
  double      dpi;            /* pango resolution: 96 on screen, 72 for PDF */
  /* Translated words the renderer writes. */
  const char *today_label;    /* "Today" */
  const char *overdue_label;  /* "Overdue" */
} VigieTimelineStyle;

/* Which part of the timeline is shown. */
typedef struct
{
  VigieTimelineZoom zoom;
  double            start_day;     /* Julian day at the left edge of the time area */
  double            first_row;     /* row at the top of the row area (fractional) */
  gint64            selected_id;   /* action highlighted, 0 = none */
  gint64            hover_id;      /* action under the pointer, 0 = none */
} VigieTimelineView;

typedef enum
{
  VIGIE_TIMELINE_HIT_NONE,
  VIGIE_TIMELINE_HIT_AXIS,
  VIGIE_TIMELINE_HIT_GROUP,       /* a group header row */
  VIGIE_TIMELINE_HIT_ROW,         /* an action's row, off its bar */
  VIGIE_TIMELINE_HIT_BAR,         /* an action's bar */
  VIGIE_TIMELINE_HIT_MILESTONE,   /* a status change mark */
} VigieTimelineHitKind;

typedef struct
{
  VigieTimelineHitKind kind;
  guint                row;        /* layout row */
  int                  span;       /* span index, -1 */
  int                  group;      /* group index, -1 */
  int                  milestone;  /* milestone index, -1 */
  gint64               action_id;  /* 0 */
  double               day;        /* Julian day under the pointer (time area), else 0 */
} VigieTimelineHit;

typedef struct
{
  double x, y, width, height;
} VigieTimelineRect;

/* Fills DATA from SPANS (spans sorted by group) and TODAY; builds the rows array. */
void     vigie_timeline_data_init        (VigieTimelineData        *data,
                                          const VigieActionSpans   *spans,
                                          guint32                   today);
void     vigie_timeline_data_clear       (VigieTimelineData        *data);

/* Default sizes and a light palette (a PDF or a test fills in the rest). */
void     vigie_timeline_style_init       (VigieTimelineStyle       *style);

/* ─── Geometry ───────────────────────────────────────────────────────────── */

/* Days the time area spans at ZOOM: 31, 92 or 366. */
double   vigie_timeline_zoom_days        (VigieTimelineZoom         zoom);
/* Pixels per day at ZOOM for a widget WIDTH wide. */
double   vigie_timeline_pixels_per_day   (const VigieTimelineStyle *style,
                                          const VigieTimelineView  *view,
                                          double                    width);
/* X of the start of day DAY (Julian, may be fractional). */
double   vigie_timeline_day_to_x         (const VigieTimelineStyle *style,
                                          const VigieTimelineView  *view,
                                          double                    width,
                                          double                    day);
double   vigie_timeline_x_to_day         (const VigieTimelineStyle *style,
                                          const VigieTimelineView  *view,
                                          double                    width,
                                          double                    x);
/* Top of layout row ROW. */
double   vigie_timeline_row_to_y         (const VigieTimelineStyle *style,
                                          const VigieTimelineView  *view,
                                          double                    row);
/* Rows visible in a widget HEIGHT high: the first and one past the last (clamped). */
void     vigie_timeline_visible_rows     (const VigieTimelineData  *data,
                                          const VigieTimelineStyle *style,
                                          const VigieTimelineView  *view,
                                          double                    height,
                                          guint                    *first,
                                          guint                    *end);
/* The bar of SPAN: from its opening to its due date (or completion, or today when it has
 * neither). FALSE when the span has no opening date. Not clipped to the view. */
gboolean vigie_timeline_bar_rect         (const VigieTimelineData  *data,
                                          const VigieTimelineStyle *style,
                                          const VigieTimelineView  *view,
                                          double                    width,
                                          guint                     row,
                                          VigieTimelineRect        *rect);
/* Layout row of action ID, or G_MAXUINT. */
guint    vigie_timeline_find_row         (const VigieTimelineData  *data,
                                          gint64                    action_id);
/* TRUE when SPAN is overdue on DATA->today. */
gboolean vigie_timeline_span_is_overdue  (const VigieTimelineData  *data,
                                          const VigieActionSpan    *span);

/* What is at (X, Y). Returns the kind (also in HIT). */
VigieTimelineHitKind vigie_timeline_hit_test (const VigieTimelineData  *data,
                                              const VigieTimelineStyle *style,
                                              const VigieTimelineView  *view,
                                              double                    width,
                                              double                    height,
                                              double                    x,
                                              double                    y,
                                              VigieTimelineHit         *hit);

/* ─── Rendering ──────────────────────────────────────────────────────────── */

/* Draws the timeline into the rectangle (0, 0, WIDTH, HEIGHT) of CR: only the visible
 * rows and the visible span of time. */
void     vigie_timeline_render           (cairo_t                  *cr,
                                          const VigieTimelineData  *data,
                                          const VigieTimelineStyle *style,
                                          const VigieTimelineView  *view,
                                          double                    width,
                                          double                    height);

G_END_DECLS
