/* vigie-chart-describe.h — accessible descriptions of the bar chart (the other charts
 * have theirs in their own header).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "vigie-chart-bar.h"

G_BEGIN_DECLS

/* One sentence with every number: "Title: Wages 12 (Critical 2, Major 10); Hours 5." */
char *vigie_bar_chart_describe (const VigieBarChartData *data) G_GNUC_WARN_UNUSED_RESULT;

G_END_DECLS
