/* tally-chart-legend-private.h: the seat charts' legend.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "tally-chart-private.h"

G_BEGIN_DECLS

/* Seats that were not up this year are drawn in their party's colour at
 * this opacity on a transparent page, where the page is not known. */
#define _TALLY_CHART_NOT_UP_ALPHA 0.38

/* On a known page, paler by whatever puts the seat's lightness (CIE L*)
 * midway between the solid colour and the page, so that in greyscale and
 * on paper a pale seat stays apart from both: for the Liberal Democrats'
 * light yellow, 12.7 L* from each; for Labour red, 26. */
double  _tally_chart_not_up_alpha        (const TallyChartStyle    *style,
                                          TallyChartRgb             colour);
double  _tally_chart_lightness           (TallyChartRgb             colour);

GArray *_tally_chart_seat_legend_new     (const TallyChartStyle    *style,
                                          const TallySeatChartData *data,
                                          double                    max_width,
                                          double                   *height);
void    _tally_chart_seat_legend_paint   (cairo_t                  *cr,
                                          GArray                   *items,
                                          double                    x,
                                          double                    y,
                                          const TallySeatChartData *data,
                                          const TallyChartStyle    *style,
                                          gboolean                  round,
                                          int                       highlight);
GArray *_tally_chart_seats_up_note_new   (const TallyChartStyle    *style,
                                          const TallySeatChartData *data,
                                          double                    max_width,
                                          double                   *height);
void    _tally_chart_seats_up_note_paint (cairo_t                  *cr,
                                          GArray                   *items,
                                          double                    x,
                                          double                    y,
                                          const TallySeatChartData *data,
                                          const TallyChartStyle    *style,
                                          gboolean                  round);
int     _tally_chart_legend_lookup       (GArray                   *items,
                                          double                    left,
                                          double                    top,
                                          double                    x,
                                          double                    y);

G_END_DECLS
