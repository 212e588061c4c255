/* tally-share-bars.h: vote share by party, now against then, or the change.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>

#include "tally-chart-data.h"
#include "tally-chart-style.h"

G_BEGIN_DECLS

typedef struct _TallyShareBarsLayout TallyShareBarsLayout;

TallyShareBarsLayout *tally_share_bars_layout_new         (const TallyShareChartData  *data,
                                                           const TallyChartStyle      *style,
                                                           double                      width,
                                                           double                      height);
void                  tally_share_bars_layout_free        (TallyShareBarsLayout       *layout);
double                tally_share_bars_layout_value_to_x  (const TallyShareBarsLayout *layout,
                                                           double                      value);
gboolean              tally_share_bars_layout_get_bar     (const TallyShareBarsLayout *layout,
                                                           guint                       item,
                                                           gboolean                    then,
                                                           double                     *x,
                                                           double                     *y,
                                                           double                     *width,
                                                           double                     *height);
void                  tally_share_bars_layout_get_label_boxes (const TallyShareBarsLayout *layout,
                                                               const TallyShareChartData  *data,
                                                               const TallyChartStyle      *style,
                                                               guint                       item,
                                                               double                     *boxes);
int                   tally_share_bars_layout_lookup_item (const TallyShareBarsLayout *layout,
                                                           double                      x,
                                                           double                      y);
void                  tally_share_bars_paint              (cairo_t                    *cr,
                                                           const TallyShareBarsLayout *layout,
                                                           const TallyShareChartData  *data,
                                                           const TallyChartStyle      *style,
                                                           int                         highlight);
void                  tally_share_bars_draw               (cairo_t                    *cr,
                                                           double                      width,
                                                           double                      height,
                                                           const TallyShareChartData  *data,
                                                           const TallyChartStyle      *style);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TallyShareBarsLayout, tally_share_bars_layout_free)

G_END_DECLS
