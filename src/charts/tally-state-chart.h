/* tally-state-chart.h: the state of the parties, councils and seats.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>

#include "tally-chart-data.h"
#include "tally-chart-style.h"

G_BEGIN_DECLS

typedef struct _TallyStateChartLayout TallyStateChartLayout;

TallyStateChartLayout *tally_state_chart_layout_new         (const TallyStateChartData   *data,
                                                             const TallyChartStyle       *style,
                                                             double                       width,
                                                             double                       height);
void                   tally_state_chart_layout_free        (TallyStateChartLayout       *layout);
gboolean               tally_state_chart_layout_get_bar     (const TallyStateChartLayout *layout,
                                                             guint                        item,
                                                             gboolean                     seats,
                                                             double                      *x,
                                                             double                      *y,
                                                             double                      *width,
                                                             double                      *height);
int                    tally_state_chart_layout_lookup_item (const TallyStateChartLayout *layout,
                                                             double                       x,
                                                             double                       y);
void                   tally_state_chart_paint              (cairo_t                     *cr,
                                                             const TallyStateChartLayout *layout,
                                                             const TallyStateChartData   *data,
                                                             const TallyChartStyle       *style,
                                                             int                          highlight);
void                   tally_state_chart_draw               (cairo_t                     *cr,
                                                             double                       width,
                                                             double                       height,
                                                             const TallyStateChartData   *data,
                                                             const TallyChartStyle       *style);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TallyStateChartLayout, tally_state_chart_layout_free)

G_END_DECLS
