/* tally-swingometer.h: Butler swing between two parties, on a dial.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>

#include "tally-chart-data.h"
#include "tally-chart-style.h"

G_BEGIN_DECLS

typedef struct _TallySwingometerLayout TallySwingometerLayout;

double                  tally_swingometer_choose_range         (const TallySwingometerData   *data);
TallySwingometerLayout *tally_swingometer_layout_new           (const TallySwingometerData   *data,
                                                                const TallyChartStyle        *style,
                                                                double                        width,
                                                                double                        height);
void                    tally_swingometer_layout_free          (TallySwingometerLayout       *layout);
void                    tally_swingometer_layout_get_dial      (const TallySwingometerLayout *layout,
                                                                double                       *centre_x,
                                                                double                       *centre_y,
                                                                double                       *radius);
double                  tally_swingometer_layout_swing_to_angle (const TallySwingometerLayout *layout,
                                                                double                        swing);
void                    tally_swingometer_layout_get_needle_tip (const TallySwingometerLayout *layout,
                                                                double                       *x,
                                                                double                       *y);
gboolean                tally_swingometer_layout_get_reference_box (const TallySwingometerLayout *layout,
                                                                double                       *x,
                                                                double                       *y,
                                                                double                       *width,
                                                                double                       *height);
int                     tally_swingometer_layout_lookup_item   (const TallySwingometerLayout *layout,
                                                                double                        x,
                                                                double                        y);
void                    tally_swingometer_paint                (cairo_t                      *cr,
                                                                const TallySwingometerLayout *layout,
                                                                const TallySwingometerData   *data,
                                                                const TallyChartStyle        *style,
                                                                int                           highlight);
void                    tally_swingometer_draw                 (cairo_t                      *cr,
                                                                double                        width,
                                                                double                        height,
                                                                const TallySwingometerData   *data,
                                                                const TallyChartStyle        *style);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TallySwingometerLayout, tally_swingometer_layout_free)

G_END_DECLS
