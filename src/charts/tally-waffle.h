/* tally-waffle.h: a council's seats as a grid of squares, one per seat.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>

#include "tally-chart-data.h"
#include "tally-chart-style.h"

G_BEGIN_DECLS

typedef struct _TallyWaffleLayout TallyWaffleLayout;

void               tally_waffle_choose_grid        (guint                     n_seats,
                                                    guint                    *n_rows,
                                                    guint                    *n_columns);
TallyWaffleLayout *tally_waffle_layout_new         (const TallySeatChartData *data,
                                                    const TallyChartStyle    *style,
                                                    double                    width,
                                                    double                    height);
void               tally_waffle_layout_free        (TallyWaffleLayout        *layout);
guint              tally_waffle_layout_get_n_seats (const TallyWaffleLayout  *layout);
int                tally_waffle_layout_get_seat    (const TallyWaffleLayout  *layout,
                                                    guint                     seat,
                                                    double                   *x,
                                                    double                   *y,
                                                    double                   *size);
int                tally_waffle_layout_lookup_item (const TallyWaffleLayout  *layout,
                                                    double                    x,
                                                    double                    y);
gboolean           tally_waffle_layout_get_item_bounds (const TallyWaffleLayout *layout,
                                                    guint                     item,
                                                    double                   *x,
                                                    double                   *y,
                                                    double                   *width,
                                                    double                   *height);
void               tally_waffle_paint              (cairo_t                  *cr,
                                                    const TallyWaffleLayout  *layout,
                                                    const TallySeatChartData *data,
                                                    const TallyChartStyle    *style,
                                                    int                       highlight);
void               tally_waffle_draw               (cairo_t                  *cr,
                                                    double                    width,
                                                    double                    height,
                                                    const TallySeatChartData *data,
                                                    const TallyChartStyle    *style);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TallyWaffleLayout, tally_waffle_layout_free)

G_END_DECLS
