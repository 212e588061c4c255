/* tally-map-draw.h: painting the map, the hex cartogram or the boundaries.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>

#include "tally-boundaries.h"
#include "tally-chart-style.h"
#include "tally-hex-layout.h"
#include "tally-map-data.h"

G_BEGIN_DECLS

/**
 * TallyMapTransform:
 * @scale: pixels per map unit (a metre, or a hex's corner-to-centre)
 * @left: the map x at the canvas's left edge
 * @top: the map y at the canvas's top edge (map y grows north, canvas y down)
 *
 * Where the map lies on the canvas: map point (x, y) is drawn at
 * ((x - left) × scale, (top - y) × scale).
 */
typedef struct
{
  double scale;
  double left;
  double top;
} TallyMapTransform;

/**
 * TallyMapMarks:
 * @hovered: (nullable): the code of the council under the pointer
 * @selected: (nullable): the code of the selected council
 * @focus_visible: draw the keyboard focus ring on the selected council
 *
 * What is drawn over the map: outlines and name labels.
 */
typedef struct
{
  const char *hovered;
  const char *selected;
  gboolean    focus_visible;
} TallyMapMarks;

typedef struct _TallyMapKeyLayout TallyMapKeyLayout;

void     tally_map_transform_fit        (TallyMapTransform       *transform,
                                         double                   min_x,
                                         double                   min_y,
                                         double                   max_x,
                                         double                   max_y,
                                         double                   x,
                                         double                   y,
                                         double                   width,
                                         double                   height);
void     tally_map_transform_to_canvas  (const TallyMapTransform *transform,
                                         double                   map_x,
                                         double                   map_y,
                                         double                  *canvas_x,
                                         double                  *canvas_y);
void     tally_map_transform_to_map     (const TallyMapTransform *transform,
                                         double                   canvas_x,
                                         double                   canvas_y,
                                         double                  *map_x,
                                         double                  *map_y);

TallyChartRgb tally_map_area_colour     (const TallyMapArea      *area,
                                         const TallyChartStyle   *style);

void     tally_map_paint_hexes          (cairo_t                 *cr,
                                         TallyHexLayout          *layout,
                                         const TallyMapData      *data,
                                         const TallyMapTransform *transform,
                                         const TallyChartStyle   *style,
                                         double                   width,
                                         double                   height);
void     tally_map_paint_boundaries     (cairo_t                 *cr,
                                         TallyBoundaries         *boundaries,
                                         const TallyMapData      *data,
                                         const TallyMapTransform *transform,
                                         const TallyChartStyle   *style,
                                         double                   width,
                                         double                   height);
void     tally_map_paint_marks          (cairo_t                 *cr,
                                         TallyHexLayout          *layout,
                                         TallyBoundaries         *boundaries,
                                         const TallyMapData      *data,
                                         const TallyMapTransform *transform,
                                         const TallyChartStyle   *style,
                                         const TallyMapMarks     *marks,
                                         double                   width,
                                         double                   height);

TallyMapKeyLayout *tally_map_key_layout_new  (const TallyMapData      *data,
                                              const TallyChartStyle   *style,
                                              double                   max_width);
void               tally_map_key_layout_free (TallyMapKeyLayout       *key);
void               tally_map_key_get_size    (const TallyMapKeyLayout *key,
                                              double                  *width,
                                              double                  *height);
void               tally_map_key_paint       (cairo_t                 *cr,
                                              const TallyMapKeyLayout *key,
                                              const TallyChartStyle   *style,
                                              double                   x,
                                              double                   y,
                                              gboolean                 card);

void     tally_map_draw                 (cairo_t                 *cr,
                                         double                   width,
                                         double                   height,
                                         TallyHexLayout          *layout,
                                         TallyBoundaries         *boundaries,
                                         const TallyMapData      *data,
                                         const TallyChartStyle   *style,
                                         const TallyMapMarks     *marks);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TallyMapKeyLayout, tally_map_key_layout_free)

G_END_DECLS
