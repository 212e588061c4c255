/* tally-swing-scatter.h: councils plotted by swing, the selected one marked.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>

#include "tally-chart-data.h"
#include "tally-chart-style.h"

G_BEGIN_DECLS

typedef struct _TallySwingScatterLayout TallySwingScatterLayout;

TallySwingScatterLayout *tally_swing_scatter_layout_new         (const TallySwingScatterData   *data,
                                                                 const TallyChartStyle         *style,
                                                                 double                         width,
                                                                 double                         height);
void                     tally_swing_scatter_layout_free        (TallySwingScatterLayout       *layout);
gboolean                 tally_swing_scatter_layout_get_point   (const TallySwingScatterLayout *layout,
                                                                 guint                          item,
                                                                 double                        *x,
                                                                 double                        *y,
                                                                 double                        *radius);
int                      tally_swing_scatter_layout_get_selected (const TallySwingScatterLayout *layout);
guint                    tally_swing_scatter_layout_get_n_labels (const TallySwingScatterLayout *layout);
int                      tally_swing_scatter_layout_get_label   (const TallySwingScatterLayout *layout,
                                                                 guint                          index,
                                                                 double                        *x,
                                                                 double                        *y,
                                                                 double                        *width,
                                                                 double                        *height);
int                      tally_swing_scatter_layout_lookup_item (const TallySwingScatterLayout *layout,
                                                                 double                         x,
                                                                 double                         y);
void                     tally_swing_scatter_paint              (cairo_t                       *cr,
                                                                 const TallySwingScatterLayout *layout,
                                                                 const TallySwingScatterData   *data,
                                                                 const TallyChartStyle         *style,
                                                                 int                            highlight);
void                     tally_swing_scatter_draw               (cairo_t                       *cr,
                                                                 double                         width,
                                                                 double                         height,
                                                                 const TallySwingScatterData   *data,
                                                                 const TallyChartStyle         *style);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TallySwingScatterLayout, tally_swing_scatter_layout_free)

G_END_DECLS
