/* tally-map-draw.c: painting the map, the hex cartogram or the boundaries.
 *
 * A map is painted in three layers, so that a view can cache the first:
 *
 * - the areas: every council filled in its colour, with the borders
 *   between them as thin gaps in the page colour (hexes are inset; shared
 *   boundaries are stroked once each, from the topology of
 *   tally-boundaries.c, at the level of detail the scale needs);
 * - the marks: outlines and name labels of the hovered and selected
 *   council;
 * - the key, laid out once per data (TallyMapKeyLayout).
 *
 * This file has the transform, the colours and the hexes; the boundaries
 * are painted by tally-map-draw-boundaries.c, the marks by
 * tally-map-draw-marks.c, the key by tally-map-key.c, and the whole figure
 * (its part of the map, labels and London inset) by tally-map-figure.c and
 * tally-map-labels.c.
 *
 * Boundaries are culled by their bounding boxes, so a zoomed-in frame only
 * walks what it shows, and the level of detail keeps a zoomed-out frame to
 * a few tens of thousands of points.  Holes and islands fill even-odd.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>

#include "tally-map-draw-private.h"

#define SQRT3 1.7320508075688772

/* Hexes get a three-letter label once they are this large, in pixels,
 * and the whole name once they are larger still. */
#define HEX_LABEL_RADIUS 19
#define HEX_NAME_RADIUS  44

void
tally_map_transform_fit (TallyMapTransform *transform,
                         double             min_x,
                         double             min_y,
                         double             max_x,
                         double             max_y,
                         double             x,
                         double             y,
                         double             width,
                         double             height)
{
  double map_width = MAX (max_x - min_x, 1e-9), map_height = MAX (max_y - min_y, 1e-9);

  g_return_if_fail (transform != NULL);

  transform->scale = MIN (width / map_width, height / map_height);
  transform->left = (min_x + max_x) / 2 - (x + width / 2) / transform->scale;
  transform->top = (min_y + max_y) / 2 + (y + height / 2) / transform->scale;
}

void
tally_map_transform_to_canvas (const TallyMapTransform *transform,
                               double                   map_x,
                               double                   map_y,
                               double                  *canvas_x,
                               double                  *canvas_y)
{
  *canvas_x = (map_x - transform->left) * transform->scale;
  *canvas_y = (transform->top - map_y) * transform->scale;
}

void
tally_map_transform_to_map (const TallyMapTransform *transform,
                            double                   canvas_x,
                            double                   canvas_y,
                            double                  *map_x,
                            double                  *map_y)
{
  *map_x = transform->left + canvas_x / transform->scale;
  *map_y = transform->top - canvas_y / transform->scale;
}

TallyChartRgb
_tally_map_blank_colour (const TallyChartStyle *style)
{
  return tally_chart_rgb_mix (style->page, style->ink, style->dark ? 0.12 : 0.06);
}

/**
 * tally_map_area_colour:
 * @area: (nullable): a council, or %NULL for one the data does not know
 *
 * Returns: the colour @area is painted: its own, faded into the page when
 *   it is outside the filter, or the blank of councils without a value
 */
TallyChartRgb
tally_map_area_colour (const TallyMapArea    *area,
                       const TallyChartStyle *style)
{
  const TallyChartRgb grey = { 0.5, 0.5, 0.5 };
  TallyChartRgb colour;

  g_return_val_if_fail (style != NULL, grey);

  colour = area != NULL && area->has_value ? area->fill : _tally_map_blank_colour (style);
  if (area != NULL && !area->in_scope)
    colour = tally_chart_rgb_mix (colour, style->page, _TALLY_MAP_FADE);

  return colour;
}

/* Hexes */

void
_tally_map_hex_path (cairo_t  *cr,
                     double    x,
                     double    y,
                     double    radius,
                     gboolean  pointy)
{
  static const double pointy_corners[6][2] = {
    { 0.8660254037844386, -0.5 }, { 0.8660254037844386, 0.5 }, { 0, 1 },
    { -0.8660254037844386, 0.5 }, { -0.8660254037844386, -0.5 }, { 0, -1 },
  };
  static const double flat_corners[6][2] = {
    { 1, 0 }, { 0.5, 0.8660254037844386 }, { -0.5, 0.8660254037844386 },
    { -1, 0 }, { -0.5, -0.8660254037844386 }, { 0.5, -0.8660254037844386 },
  };
  const double (*corners)[2] = pointy ? pointy_corners : flat_corners;

  cairo_move_to (cr, x + radius * corners[0][0], y + radius * corners[0][1]);
  for (guint i = 1; i < 6; i++)
    cairo_line_to (cr, x + radius * corners[i][0], y + radius * corners[i][1]);
  cairo_close_path (cr);
}

static double
hex_gap (double radius)
{
  return CLAMP (radius * 0.09, 0.8, 3.0);
}

static PangoLayout *
label_layout (const TallyChartStyle *style,
              TallyChartFont         font,
              double                 size,
              double                 base_size,
              const char            *text)
{
  TallyChartStyle sized = *style;

  sized.scale = size / base_size;
  return _tally_chart_text_new (&sized, font, text);
}

/* Sets @name in @text at @base's size, or smaller where its widest word
 * would not fit the line: a word wider than the line is broken inside it
 * ("Hammersmi / th and Fulham").  Down to two thirds of the size; a word
 * longer still is broken. */
static void
set_whole_name (PangoLayout                *text,
                const PangoFontDescription *base,
                const char                 *name)
{
  g_auto(GStrv) words = g_strsplit (name, " ", -1);
  g_autoptr(PangoFontDescription) sized = pango_font_description_copy (base);
  int line = pango_layout_get_width (text), widest = 0;

  pango_layout_set_font_description (text, base);
  pango_layout_set_width (text, -1);
  for (guint i = 0; words[i] != NULL; i++)
    {
      int word_width;

      pango_layout_set_text (text, words[i], -1);
      pango_layout_get_size (text, &word_width, NULL);
      widest = MAX (widest, word_width);
    }
  pango_layout_set_width (text, line);
  pango_layout_set_text (text, name, -1);

  if (widest > line && line > 0)
    {
      /* A little under the exact fit: at exactly the line's width, rounding
       * breaks "Herefordshire," before its comma. */
      double scale = MAX (0.97 * line / widest, 2.0 / 3);

      double size = pango_font_description_get_size (base) * scale;

      if (pango_font_description_get_size_is_absolute (base))
        pango_font_description_set_absolute_size (sized, size);
      else
        pango_font_description_set_size (sized, (int) size);
      pango_layout_set_font_description (text, sized);
    }
}

/* Paints the hexes, with the window's labels inside them when @labels
 * (a figure places its own, tally-map-labels.c). */
void
_tally_map_paint_hexes (cairo_t                 *cr,
                        TallyHexLayout          *layout,
                        const TallyMapData      *data,
                        const TallyMapTransform *transform,
                        const TallyChartStyle   *style,
                        double                   width,
                        double                   height,
                        gboolean                 labels)
{
  g_autoptr(PangoFontDescription) name_font = NULL;
  double radius = transform->scale;
  double inset = radius - hex_gap (radius) / SQRT3;
  gboolean pointy = tally_hex_offset_is_pointy (tally_hex_layout_get_offset (layout));
  g_autoptr(PangoLayout) text = NULL;
  guint n_hexes = tally_hex_layout_get_n_hexes (layout);
  gboolean full_names = FALSE;

  g_return_if_fail (cr != NULL);
  g_return_if_fail (data != NULL);

  cairo_save (cr);
  cairo_set_antialias (cr, CAIRO_ANTIALIAS_GOOD);

  if (!labels)
    ;
  else if (radius >= HEX_NAME_RADIUS)
    {
      /* Whole names, on up to three lines. */
      full_names = TRUE;
      text = label_layout (style, TALLY_CHART_FONT_SMALL_BOLD, MIN (radius * 0.24, 15), 11.5, "");
      pango_layout_set_width (text, (int) (radius * 1.5 * PANGO_SCALE));
      pango_layout_set_height (text, -3);
      pango_layout_set_wrap (text, PANGO_WRAP_WORD_CHAR);
      pango_layout_set_ellipsize (text, PANGO_ELLIPSIZE_END);
      pango_layout_set_alignment (text, PANGO_ALIGN_CENTER);
      name_font = pango_font_description_copy (pango_layout_get_font_description (text));
    }
  else if (radius >= HEX_LABEL_RADIUS)
    {
      text = label_layout (style, TALLY_CHART_FONT_SMALL_BOLD, MIN (radius * 0.52, 17), 11.5, "");
      pango_layout_set_alignment (text, PANGO_ALIGN_CENTER);
    }

  for (guint i = 0; i < n_hexes; i++)
    {
      const TallyHex *hex = tally_hex_layout_get_hex (layout, i);
      const TallyMapArea *area = tally_map_data_lookup (data, hex->code);
      TallyChartRgb colour;
      double map_x, map_y, x, y;

      tally_hex_layout_get_centre (layout, i, &map_x, &map_y);
      tally_map_transform_to_canvas (transform, map_x, map_y, &x, &y);
      if (x < -radius || y < -radius || x > width + radius || y > height + radius)
        continue;

      colour = tally_map_area_colour (area, style);
      _tally_map_hex_path (cr, x, y, inset, pointy);
      _tally_chart_set_rgb (cr, colour, 1);
      if (area != NULL && area->progress != TALLY_MAP_DECLARED)
        {
          cairo_fill_preserve (cr);
          _tally_map_paint_progress (cr, area->progress, style);
        }
      else
        cairo_fill (cr);

      if (text != NULL && area != NULL)
        {
          double text_height;
          TallyChartRgb ink = tally_chart_rgb_text_on (colour);

          if (full_names)
            set_whole_name (text, name_font, area->name);
          else
            pango_layout_set_text (text, area->short_label, -1);
          /* Centred on the hex (whole names by the middle of their lines). */
          text_height = _tally_chart_text_height (text);
          /* Over hatching, ringed in the page colour. */
          if (area->progress != TALLY_MAP_DECLARED)
            _tally_chart_text_paint_halo_aligned (cr, text, x, y - text_height / 2, TALLY_CHART_ALIGN_CENTER, style,
                                                  _tally_map_progress_label_ink (area, style));
          /* Quiet on councils without a value, and outside the filter. */
          else
            _tally_chart_text_paint_aligned (cr, text, x, y - text_height / 2, TALLY_CHART_ALIGN_CENTER, ink,
                                             area->in_scope && area->has_value ? 0.92 : 0.42);
        }
    }

  cairo_restore (cr);
}

/**
 * tally_map_paint_hexes:
 *
 * Paints one hex per council of @layout that lies on the canvas, labelled
 * once the hexes are large enough.
 */
void
tally_map_paint_hexes (cairo_t                 *cr,
                       TallyHexLayout          *layout,
                       const TallyMapData      *data,
                       const TallyMapTransform *transform,
                       const TallyChartStyle   *style,
                       double                   width,
                       double                   height)
{
  _tally_map_paint_hexes (cr, layout, data, transform, style, width, height, TRUE);
}

/* The whole figure */

/**
 * tally_map_draw:
 * @layout: (nullable): the hexes to draw, or %NULL
 * @boundaries: (nullable): the boundaries to draw when @layout is %NULL
 * @marks: (nullable): outlines and labels to add
 *
 * Draws the whole map as a figure for publication, its councils labelled:
 * tally_map_draw_figure() with the default options.
 */
void
tally_map_draw (cairo_t                 *cr,
                double                   width,
                double                   height,
                TallyHexLayout          *layout,
                TallyBoundaries         *boundaries,
                const TallyMapData      *data,
                const TallyChartStyle   *style,
                const TallyMapMarks     *marks)
{
  TallyMapFigureOptions options = { .labels = TRUE };

  tally_map_draw_figure (cr, width, height, layout, boundaries, data, style, marks, &options);
}
