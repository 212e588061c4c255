/* tally-map-draw-private.h: what the map's painters share: the fade of
 * councils outside the filter, the blank of those without a value, and
 * the paths of a hex and of a council's shape.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "tally-chart-private.h"
#include "tally-map-draw.h"

G_BEGIN_DECLS

/* Outside the filter: this much of the page shows through. */
#define _TALLY_MAP_FADE 0.74

TallyChartRgb _tally_map_blank_colour  (const TallyChartStyle   *style);
void          _tally_map_hex_path      (cairo_t                 *cr,
                                        double                   x,
                                        double                   y,
                                        double                   radius,
                                        gboolean                 pointy);
void          _tally_map_paint_hexes   (cairo_t                 *cr,
                                        TallyHexLayout          *layout,
                                        const TallyMapData      *data,
                                        const TallyMapTransform *transform,
                                        const TallyChartStyle   *style,
                                        double                   width,
                                        double                   height,
                                        gboolean                 labels);
void          _tally_map_geometry_path (cairo_t                 *cr,
                                        TallyGeometry           *geometry,
                                        const TallyMapTransform *transform);
void          _tally_map_paint_progress (cairo_t                *cr,
                                        TallyMapProgress         progress,
                                        const TallyChartStyle   *style);
TallyChartRgb _tally_map_progress_label_ink (const TallyMapArea    *area,
                                            const TallyChartStyle *style);

G_END_DECLS
