/* vigie-timeline-view.h — the remediation timeline on screen: a GtkScrollable widget that
 * paints with the report layer's pure renderer (vigie-timeline.h) and adds scrolling,
 * zoom, keyboard navigation, tooltips and clicks.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "vigie-action-list.h"
#include "vigie-timeline.h"

G_BEGIN_DECLS

/* The type is VigieTimelineWidget: VigieTimelineView is the renderer's view struct. */
#define VIGIE_TYPE_TIMELINE_WIDGET (vigie_timeline_widget_get_type ())
G_DECLARE_FINAL_TYPE (VigieTimelineWidget, vigie_timeline_widget, VIGIE, TIMELINE_WIDGET, GtkWidget)

GtkWidget         *vigie_timeline_widget_new             (void);
/* Takes SPANS (may be NULL: empty). TODAY is a Julian day. Keeps the selection if the
 * selected action is still there. */
void               vigie_timeline_widget_set_spans       (VigieTimelineWidget *self,
                                                        VigieActionSpans  *spans,
                                                        guint32            today);
void               vigie_timeline_widget_set_zoom        (VigieTimelineWidget *self,
                                                        VigieTimelineZoom  zoom);
VigieTimelineZoom  vigie_timeline_widget_get_zoom        (VigieTimelineWidget *self);
/* Selects action ID (0: none) and scrolls it into view. No signal. */
void               vigie_timeline_widget_select          (VigieTimelineWidget *self,
                                                        gint64             id);
gint64             vigie_timeline_widget_get_selected    (VigieTimelineWidget *self);
/* Scrolls so that DAY (Julian) is at the centre of the time area. */
void               vigie_timeline_widget_center_on_day   (VigieTimelineWidget *self,
                                                        double             day);
/* Scrolls in time by DAYS (negative: back). */
void               vigie_timeline_widget_scroll_days     (VigieTimelineWidget *self,
                                                        double             days);
/* Scrolls so that ROW is the top row. */
void               vigie_timeline_widget_scroll_to_row   (VigieTimelineWidget *self,
                                                        double             row);
guint              vigie_timeline_widget_get_n_rows      (VigieTimelineWidget *self);
/* The view being drawn (for tests). */
const VigieTimelineView *vigie_timeline_widget_get_view  (VigieTimelineWidget *self);
/* The spans drawn, or NULL. */
const VigieTimelineData *vigie_timeline_widget_get_data (VigieTimelineWidget *self);

G_END_DECLS
