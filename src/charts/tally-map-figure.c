/* tally-map-figure.c: the map as a figure for publication: heading, the
 * part of the map asked for, its labels, a London inset, the key and the
 * source line.
 *
 * What part of the map: the whole map; or the window's view (its extent:
 * "London stays London"); or the councils in the filter with a margin
 * (`--region London` shows London, not all England with the rest faded).
 * The extent is fitted to the frame, so the figure shows at least what was
 * asked for, more along the longer side.
 *
 * The London inset: when the figure shows all England, London's 33
 * councils are too small to read, so they are drawn again, larger, in a
 * framed box at the top right (the North Sea, on an England map), and
 * the same box is outlined where London lies.  Labels of the main map that
 * would fall under the inset are left out, so labels never overlap.
 *
 * Layout and painting share one function, so tally_map_figure_get_labels()
 * returns exactly the labels tally_map_draw_figure() paints.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "tally-map-draw-private.h"

/* London's councils are the E09 codes (the 32 boroughs and the City). */
#define LONDON_PREFIX "E09"

/* The margin round a crop, as a share of its span on each side. */
#define CROP_MARGIN 0.06

typedef struct
{
  TallyChartFrame    frame;
  TallyMapKeyLayout *key;
  gboolean           key_beside;
  double             gap;
  TallyChartRect     map;
  gboolean           have_map;
  TallyMapTransform  transform;
  gboolean           inset;
  TallyChartRect     inset_rect;
  TallyChartRect     inset_map;
  TallyMapTransform  inset_transform;
  double             london[4];
  GArray            *labels;        /* TallyMapLabel, main map and inset */
  PangoLayout       *inset_caption;
} Figure;

static gboolean
is_london (const char *code)
{
  return code != NULL && g_str_has_prefix (code, LONDON_PREFIX);
}

static void
grow_bounds (double       *bounds,
             const double *item)
{
  bounds[0] = MIN (bounds[0], item[0]);
  bounds[1] = MIN (bounds[1], item[1]);
  bounds[2] = MAX (bounds[2], item[2]);
  bounds[3] = MAX (bounds[3], item[3]);
}

/**
 * tally_map_get_scope_bounds:
 * @layout: (nullable): the hexes, when the map is a cartogram
 * @boundaries: (nullable): the boundaries, when it is geographic
 * @london: the bounds of London's councils rather than of those in scope
 * @bounds: (out): min x, min y, max x, max y, in map units
 *
 * Returns: whether any council of the map is in the filter (or in London)
 */
gboolean
tally_map_get_scope_bounds (TallyHexLayout     *layout,
                            TallyBoundaries    *boundaries,
                            const TallyMapData *data,
                            gboolean            london,
                            double             *bounds)
{
  gboolean found = FALSE;

  g_return_val_if_fail (data != NULL, FALSE);
  g_return_val_if_fail (bounds != NULL, FALSE);

  bounds[0] = bounds[1] = INFINITY;
  bounds[2] = bounds[3] = -INFINITY;

  if (layout != NULL)
    for (guint i = 0; i < tally_hex_layout_get_n_hexes (layout); i++)
      {
        const char *code = tally_hex_layout_get_hex (layout, i)->code;
        const TallyMapArea *area = tally_map_data_lookup (data, code);
        double x, y, item[4];

        if (london ? !is_london (code) : (area == NULL || !area->in_scope))
          continue;
        tally_hex_layout_get_centre (layout, i, &x, &y);
        item[0] = x - 1;
        item[1] = y - 1;
        item[2] = x + 1;
        item[3] = y + 1;
        grow_bounds (bounds, item);
        found = TRUE;
      }
  else if (boundaries != NULL)
    for (guint i = 0; i < tally_boundaries_get_n_items (boundaries); i++)
      {
        const char *code = tally_boundaries_get_code (boundaries, i);
        const TallyMapArea *area = tally_map_data_lookup (data, code);
        double item[4];

        if (london ? !is_london (code) : (area == NULL || !area->in_scope))
          continue;
        tally_boundaries_get_item_bounds (boundaries, i, item);
        grow_bounds (bounds, item);
        found = TRUE;
      }

  return found;
}

static gboolean
get_map_bounds (TallyHexLayout  *layout,
                TallyBoundaries *boundaries,
                double          *bounds)
{
  if (layout != NULL)
    return tally_hex_layout_get_bounds (layout, &bounds[0], &bounds[1], &bounds[2], &bounds[3]);
  if (boundaries != NULL)
    return tally_boundaries_get_bounds (boundaries, &bounds[0], &bounds[1], &bounds[2], &bounds[3]);
  return FALSE;
}

/* Drops the labels of @labels, from @start on, that meet @rect. */
static void
drop_labels_under (GArray               *labels,
                   guint                 start,
                   const TallyChartRect *rect)
{
  TallyMapLabel box = { .x = rect->x, .y = rect->y, .width = rect->width, .height = rect->height };

  for (guint i = labels->len; i > start; i--)
    if (tally_map_labels_intersect (&g_array_index (labels, TallyMapLabel, i - 1), &box, 0))
      g_array_remove_index (labels, i - 1);
}

static void
figure_layout (Figure                      *figure,
               double                       width,
               double                       height,
               TallyHexLayout              *layout,
               TallyBoundaries             *boundaries,
               const TallyMapData          *data,
               const TallyChartStyle       *style,
               const TallyMapFigureOptions *options)
{
  double bounds[4], key_width = 0, key_height = 0;

  *figure = (Figure) { 0 };
  _tally_chart_frame_layout (&figure->frame, style, &data->heading, width, height);

  figure->map = figure->frame.body;
  figure->gap = _tally_chart_px (style, 16);
  figure->key_beside = figure->map.width > figure->map.height * 1.05;
  if (style->show_legend)
    {
      figure->key = tally_map_key_layout_new (data, style,
                                              figure->key_beside ? figure->map.width * 0.36 : figure->map.width);
      tally_map_key_get_size (figure->key, &key_width, &key_height);
      if (figure->key_beside)
        figure->map.width = MAX (figure->map.width - key_width - figure->gap, 1);
      else
        figure->map.height = MAX (figure->map.height - key_height - figure->gap, 1);
    }

  if (!get_map_bounds (layout, boundaries, bounds))
    return;

  if (options->crop_to_scope && tally_map_get_scope_bounds (layout, boundaries, data, FALSE, bounds))
    {
      double margin_x = (bounds[2] - bounds[0]) * CROP_MARGIN, margin_y = (bounds[3] - bounds[1]) * CROP_MARGIN;

      /* At least a hex's width, or a kilometre, round one small council. */
      margin_x = MAX (margin_x, layout != NULL ? 1 : 1000);
      margin_y = MAX (margin_y, layout != NULL ? 1 : 1000);
      bounds[0] -= margin_x;
      bounds[1] -= margin_y;
      bounds[2] += margin_x;
      bounds[3] += margin_y;
    }
  else if (options->has_extent && options->extent[2] > options->extent[0] && options->extent[3] > options->extent[1])
    {
      for (guint i = 0; i < 4; i++)
        bounds[i] = options->extent[i];
    }

  figure->have_map = TRUE;
  tally_map_transform_fit (&figure->transform, bounds[0], bounds[1], bounds[2], bounds[3], figure->map.x,
                           figure->map.y, figure->map.width, figure->map.height);

  /* The inset, when London is small in what is shown. */
  if (options->london_inset && tally_map_get_scope_bounds (layout, boundaries, data, TRUE, figure->london) &&
      (figure->london[2] - figure->london[0]) < 0.25 * (bounds[2] - bounds[0]))
    {
      double london_width = MAX (figure->london[2] - figure->london[0], 1e-9);
      double london_height = MAX (figure->london[3] - figure->london[1], 1e-9);
      double pad = _tally_chart_px (style, 6), inset_width, inset_height;
      g_autoptr(PangoLayout) caption = _tally_chart_text_new (style, TALLY_CHART_FONT_SMALL_BOLD, _("London"));
      double caption_height = _tally_chart_text_height (caption);

      inset_width = figure->map.width * 0.34;
      inset_height = inset_width * london_height / london_width + caption_height + pad;
      if (inset_height > figure->map.height * 0.36)
        {
          inset_height = figure->map.height * 0.36;
          inset_width = (inset_height - caption_height - pad) * london_width / london_height;
        }

      figure->inset = TRUE;
      figure->inset_caption = g_steal_pointer (&caption);
      figure->inset_rect = (TallyChartRect) { figure->map.x + figure->map.width - inset_width - 2 * pad, figure->map.y,
                                              inset_width + 2 * pad, inset_height + 2 * pad };
      figure->inset_map = (TallyChartRect) { figure->inset_rect.x + pad, figure->inset_rect.y + 2 * pad + caption_height,
                                             inset_width, inset_height - caption_height - pad };
      tally_map_transform_fit (&figure->inset_transform, figure->london[0], figure->london[1], figure->london[2],
                               figure->london[3], figure->inset_map.x, figure->inset_map.y, figure->inset_map.width,
                               figure->inset_map.height);
    }

  if (options->labels)
    {
      figure->labels = tally_map_labels_place (layout, boundaries, data, &figure->transform, style, figure->map.x,
                                               figure->map.y, figure->map.width, figure->map.height);
      if (figure->inset)
        {
          g_autoptr(GArray) inset_labels = NULL;

          drop_labels_under (figure->labels, 0, &figure->inset_rect);
          inset_labels = tally_map_labels_place (layout, boundaries, data, &figure->inset_transform, style,
                                                 figure->inset_map.x, figure->inset_map.y, figure->inset_map.width,
                                                 figure->inset_map.height);
          g_array_append_vals (figure->labels, inset_labels->data, inset_labels->len);
        }
    }
}

static void
figure_clear (Figure *figure)
{
  _tally_chart_frame_clear (&figure->frame);
  g_clear_pointer (&figure->key, tally_map_key_layout_free);
  g_clear_pointer (&figure->labels, g_array_unref);
  g_clear_object (&figure->inset_caption);
}

static void
paint_areas (cairo_t                 *cr,
             TallyHexLayout          *layout,
             TallyBoundaries         *boundaries,
             const TallyMapData      *data,
             const TallyMapTransform *transform,
             const TallyChartStyle   *style,
             const TallyChartRect    *clip,
             double                   width,
             double                   height)
{
  cairo_save (cr);
  cairo_rectangle (cr, clip->x, clip->y, clip->width, clip->height);
  cairo_clip (cr);
  if (layout != NULL)
    _tally_map_paint_hexes (cr, layout, data, transform, style, width, height, FALSE);
  else
    tally_map_paint_boundaries (cr, boundaries, data, transform, style, width, height);
  cairo_restore (cr);
}

static void
paint_inset (cairo_t               *cr,
             const Figure          *figure,
             TallyHexLayout        *layout,
             TallyBoundaries       *boundaries,
             const TallyMapData    *data,
             const TallyChartStyle *style,
             double                 width,
             double                 height)
{
  const TallyChartRect *box = &figure->inset_rect;
  double x0, y0, x1, y1, line = _tally_chart_px (style, 1);

  /* Where London is on the main map. */
  tally_map_transform_to_canvas (&figure->transform, figure->london[0], figure->london[3], &x0, &y0);
  tally_map_transform_to_canvas (&figure->transform, figure->london[2], figure->london[1], &x1, &y1);
  cairo_save (cr);
  cairo_rectangle (cr, x0, y0, x1 - x0, y1 - y0);
  _tally_chart_set_rgb (cr, style->ink_secondary, 1);
  cairo_set_line_width (cr, line);
  cairo_stroke (cr);

  /* The box, on the page, framed. */
  cairo_rectangle (cr, box->x, box->y, box->width, box->height);
  if (style->background != TALLY_CHART_BACKGROUND_TRANSPARENT)
    {
      _tally_chart_set_rgb (cr, style->page, 1);
      cairo_fill_preserve (cr);
    }
  _tally_chart_set_rgb (cr, style->rule, 1);
  cairo_stroke (cr);
  cairo_restore (cr);

  _tally_chart_text_paint (cr, figure->inset_caption, box->x + _tally_chart_px (style, 6),
                           box->y + _tally_chart_px (style, 6), style->ink, 1);
  paint_areas (cr, layout, boundaries, data, &figure->inset_transform, style, &figure->inset_map, width, height);
}

/**
 * tally_map_draw_figure:
 * @layout: (nullable): the hexes to draw, or %NULL
 * @boundaries: (nullable): the boundaries to draw when @layout is %NULL
 * @marks: (nullable): outlines and labels to add
 * @options: (nullable): what part of the map, labels, inset
 *
 * Draws the map as a figure for publication: title, subtitle, the map
 * fitted to the space left, its key beside or below it, and the source.
 */
void
tally_map_draw_figure (cairo_t                     *cr,
                       double                       width,
                       double                       height,
                       TallyHexLayout              *layout,
                       TallyBoundaries             *boundaries,
                       const TallyMapData          *data,
                       const TallyChartStyle       *style,
                       const TallyMapMarks         *marks,
                       const TallyMapFigureOptions *options)
{
  const TallyMapFigureOptions defaults = { .labels = TRUE };
  Figure figure;

  g_return_if_fail (cr != NULL);
  g_return_if_fail (data != NULL);
  g_return_if_fail (style != NULL);

  figure_layout (&figure, width, height, layout, boundaries, data, style, options ? options : &defaults);
  _tally_chart_frame_paint (cr, &figure.frame, style);

  if (figure.have_map)
    {
      paint_areas (cr, layout, boundaries, data, &figure.transform, style, &figure.map, width, height);
      if (marks != NULL)
        {
          cairo_save (cr);
          cairo_rectangle (cr, figure.map.x, figure.map.y, figure.map.width, figure.map.height);
          cairo_clip (cr);
          tally_map_paint_marks (cr, layout, layout ? NULL : boundaries, data, &figure.transform, style, marks, width,
                                 height);
          cairo_restore (cr);
        }
      if (figure.inset)
        paint_inset (cr, &figure, layout, layout ? NULL : boundaries, data, style, width, height);
      if (figure.labels != NULL)
        tally_map_labels_paint (cr, figure.labels, data, style);
    }

  if (figure.key != NULL)
    {
      if (figure.key_beside)
        tally_map_key_paint (cr, figure.key, style, figure.map.x + figure.map.width + figure.gap, figure.map.y, FALSE);
      else
        tally_map_key_paint (cr, figure.key, style, figure.map.x, figure.map.y + figure.map.height + figure.gap, FALSE);
    }

  figure_clear (&figure);
}

/**
 * tally_map_figure_get_labels:
 *
 * The labels tally_map_draw_figure() paints with the same arguments, for a
 * test to check that no two meet.
 *
 * Returns: (transfer full) (element-type TallyMapLabel): the labels, with
 *   their boxes on the canvas
 */
GArray *
tally_map_figure_get_labels (double                       width,
                             double                       height,
                             TallyHexLayout              *layout,
                             TallyBoundaries             *boundaries,
                             const TallyMapData          *data,
                             const TallyChartStyle       *style,
                             const TallyMapFigureOptions *options)
{
  const TallyMapFigureOptions defaults = { .labels = TRUE };
  Figure figure;
  GArray *labels;

  g_return_val_if_fail (data != NULL, NULL);
  g_return_val_if_fail (style != NULL, NULL);

  figure_layout (&figure, width, height, layout, boundaries, data, style, options ? options : &defaults);
  labels = figure.labels ? g_array_ref (figure.labels) : g_array_new (FALSE, FALSE, sizeof (TallyMapLabel));
  figure_clear (&figure);
  return labels;
}
