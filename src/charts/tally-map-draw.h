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

/**
 * TallyMapFigureOptions:
 * @has_extent: show @extent rather than the whole map
 * @extent: min x, min y, max x, max y, in map units: the part of the map
 *   the figure shows at least (a window's view), fitted to the frame
 * @crop_to_scope: show the councils in the filter, with a margin, rather
 *   than the whole map (`--region London`); over @extent
 * @labels: name the councils, none overlapping (tally-map-labels.c)
 * @london_inset: when the figure shows all England, London again, larger,
 *   in a box at the top right
 *
 * What a map figure shows: tally_map_draw() draws the whole map, labelled.
 */
typedef struct
{
  gboolean has_extent;
  double   extent[4];
  gboolean crop_to_scope;
  gboolean labels;
  gboolean london_inset;
} TallyMapFigureOptions;

/**
 * TallyMapLabel:
 * @code: the council's code; owned by the map's data
 * @text: the label; owned by the map's data
 * @size: its type size, in canvas units
 * @wrap_width: the width it is wrapped to, or 0 for one line
 * @inside: drawn inside a hex, on its colour; otherwise with a halo
 * @x: the box the label takes on the canvas
 *
 * One council's label on a map figure.
 */
typedef struct
{
  const char *code;
  const char *text;
  double      size;
  double      wrap_width;
  gboolean    inside;
  double      x;
  double      y;
  double      width;
  double      height;
} TallyMapLabel;

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

void     tally_map_draw_figure          (cairo_t                     *cr,
                                         double                       width,
                                         double                       height,
                                         TallyHexLayout              *layout,
                                         TallyBoundaries             *boundaries,
                                         const TallyMapData          *data,
                                         const TallyChartStyle       *style,
                                         const TallyMapMarks         *marks,
                                         const TallyMapFigureOptions *options);
GArray  *tally_map_figure_get_labels    (double                       width,
                                         double                       height,
                                         TallyHexLayout              *layout,
                                         TallyBoundaries             *boundaries,
                                         const TallyMapData          *data,
                                         const TallyChartStyle       *style,
                                         const TallyMapFigureOptions *options);
gboolean tally_map_get_scope_bounds     (TallyHexLayout              *layout,
                                         TallyBoundaries             *boundaries,
                                         const TallyMapData          *data,
                                         gboolean                     london,
                                         double                      *bounds);

GArray  *tally_map_labels_place         (TallyHexLayout              *layout,
                                         TallyBoundaries             *boundaries,
                                         const TallyMapData          *data,
                                         const TallyMapTransform     *transform,
                                         const TallyChartStyle       *style,
                                         double                       x,
                                         double                       y,
                                         double                       width,
                                         double                       height);
void     tally_map_labels_paint         (cairo_t                     *cr,
                                         GArray                      *labels,
                                         const TallyMapData          *data,
                                         const TallyChartStyle       *style);
gboolean tally_map_labels_intersect     (const TallyMapLabel         *a,
                                         const TallyMapLabel         *b,
                                         double                       gap);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TallyMapKeyLayout, tally_map_key_layout_free)

G_END_DECLS
