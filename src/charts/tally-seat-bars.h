/* tally-seat-bars.h: seats by party as bars, with the change on the baseline.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>

#include "tally-chart-data.h"
#include "tally-chart-style.h"

G_BEGIN_DECLS

typedef struct _TallySeatBarsLayout TallySeatBarsLayout;

TallySeatBarsLayout *tally_seat_bars_layout_new         (const TallySeatChartData  *data,
                                                         const TallyChartStyle     *style,
                                                         double                     width,
                                                         double                     height);
void                 tally_seat_bars_layout_free        (TallySeatBarsLayout       *layout);
gboolean             tally_seat_bars_layout_get_bar     (const TallySeatBarsLayout *layout,
                                                         guint                      item,
                                                         double                    *x,
                                                         double                    *y,
                                                         double                    *width,
                                                         double                    *height);
guint                tally_seat_bars_layout_get_row     (const TallySeatBarsLayout *layout,
                                                         guint                      item);
gboolean             tally_seat_bars_layout_get_majority_x (const TallySeatBarsLayout *layout,
                                                         double                    *x);
int                  tally_seat_bars_layout_lookup_item (const TallySeatBarsLayout *layout,
                                                         double                     x,
                                                         double                     y);
guint                tally_seat_bars_layout_get_n_rows      (const TallySeatBarsLayout *layout);
gboolean             tally_seat_bars_layout_get_key_box     (const TallySeatBarsLayout *layout,
                                                             double                    *box);
void                 tally_seat_bars_layout_get_label_boxes (const TallySeatBarsLayout *layout,
                                                             const TallyChartStyle     *style,
                                                             guint                      row_index,
                                                             double                    *boxes);
void                 tally_seat_bars_paint              (cairo_t                   *cr,
                                                         const TallySeatBarsLayout *layout,
                                                         const TallySeatChartData  *data,
                                                         const TallyChartStyle     *style,
                                                         int                        highlight);
void                 tally_seat_bars_draw               (cairo_t                   *cr,
                                                         double                     width,
                                                         double                     height,
                                                         const TallySeatChartData  *data,
                                                         const TallyChartStyle     *style);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TallySeatBarsLayout, tally_seat_bars_layout_free)

G_END_DECLS
