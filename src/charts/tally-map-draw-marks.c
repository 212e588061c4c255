/* tally-map-draw-marks.c: the map's second layer, over the areas: the
 * outlines of the hovered and selected councils and a callout with the
 * name of one of them.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "tally-map-draw-private.h"

/* Marks */

/* Outlines a council and says where its label goes. */
static gboolean
mark_path (cairo_t                 *cr,
           TallyHexLayout          *layout,
           TallyBoundaries         *boundaries,
           const TallyMapTransform *transform,
           const char              *code,
           double                  *anchor_x,
           double                  *anchor_y)
{
  if (layout != NULL)
    {
      int index = tally_hex_layout_lookup (layout, code);
      double map_x, map_y, x, y;

      if (index < 0)
        return FALSE;

      tally_hex_layout_get_centre (layout, index, &map_x, &map_y);
      tally_map_transform_to_canvas (transform, map_x, map_y, &x, &y);
      _tally_map_hex_path (cr, x, y, transform->scale, tally_hex_offset_is_pointy (tally_hex_layout_get_offset (layout)));
      *anchor_x = x;
      *anchor_y = y - transform->scale;
      return TRUE;
    }

  if (boundaries != NULL)
    {
      int index = tally_boundaries_lookup (boundaries, code);
      guint level = tally_boundaries_level_for_scale (transform->scale);
      double bounds[4], x, y, top_y;

      if (index < 0)
        return FALSE;

      _tally_map_geometry_path (cr, tally_boundaries_get_simplified (boundaries, index, level), transform);
      tally_boundaries_get_item_bounds (boundaries, index, bounds);
      if (!tally_geometry_get_centroid (tally_boundaries_get_geometry (boundaries, index), &x, &y))
        {
          x = (bounds[0] + bounds[2]) / 2;
          y = (bounds[1] + bounds[3]) / 2;
        }
      tally_map_transform_to_canvas (transform, x, bounds[3], anchor_x, &top_y);
      tally_map_transform_to_canvas (transform, x, y, anchor_x, anchor_y);
      /* Above the shape when it is small, at its middle when it is big. */
      *anchor_y = MAX (top_y, *anchor_y - 60);
      return TRUE;
    }

  return FALSE;
}

static void
paint_callout (cairo_t               *cr,
               const TallyChartStyle *style,
               const char            *text,
               double                 anchor_x,
               double                 anchor_y,
               double                 width,
               double                 height)
{
  g_autoptr(PangoLayout) layout = _tally_chart_text_new (style, TALLY_CHART_FONT_LABEL_BOLD, text);
  double text_width, text_height, pad_x = _tally_chart_px (style, 8), pad_y = _tally_chart_px (style, 4);
  double box_width, box_height, x, y, pointer = _tally_chart_px (style, 6);
  gboolean below = FALSE;

  _tally_chart_text_size (layout, &text_width, &text_height);
  box_width = text_width + 2 * pad_x;
  box_height = text_height + 2 * pad_y;

  x = CLAMP (anchor_x - box_width / 2, 4, MAX (4, width - box_width - 4));
  y = anchor_y - pointer - box_height;
  if (y < 4)
    {
      below = TRUE;
      y = anchor_y + pointer;
    }
  y = CLAMP (y, 4, MAX (4, height - box_height - 4));

  cairo_save (cr);
  _tally_chart_rounded_rect (cr, x, y, box_width, box_height, _tally_chart_px (style, 5));
  /* A pointer from the box to the council. */
  if (anchor_x > x + 8 && anchor_x < x + box_width - 8)
    {
      double base = below ? y : y + box_height;
      double tip = below ? y - pointer : y + box_height + pointer;

      cairo_move_to (cr, anchor_x - pointer, base);
      cairo_line_to (cr, anchor_x, tip);
      cairo_line_to (cr, anchor_x + pointer, base);
      cairo_close_path (cr);
    }
  _tally_chart_set_rgb (cr, style->ink, 0.92);
  cairo_fill (cr);
  _tally_chart_text_paint (cr, layout, x + pad_x, y + pad_y, style->page, 1);
  cairo_restore (cr);
}

/**
 * tally_map_paint_marks:
 * @layout: (nullable): the hexes, when the map is a cartogram
 * @boundaries: (nullable): the boundaries, when it is geographic
 *
 * Outlines the hovered and selected councils and labels them by name.
 */
void
tally_map_paint_marks (cairo_t                 *cr,
                       TallyHexLayout          *layout,
                       TallyBoundaries         *boundaries,
                       const TallyMapData      *data,
                       const TallyMapTransform *transform,
                       const TallyChartStyle   *style,
                       const TallyMapMarks     *marks,
                       double                   width,
                       double                   height)
{
  double anchor_x, anchor_y, selected_x = 0, selected_y = 0;
  gboolean selected = FALSE;

  g_return_if_fail (cr != NULL);
  g_return_if_fail (marks != NULL);

  cairo_save (cr);
  cairo_set_fill_rule (cr, CAIRO_FILL_RULE_EVEN_ODD);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);

  if (marks->hovered != NULL && g_strcmp0 (marks->hovered, marks->selected) != 0 &&
      mark_path (cr, layout, boundaries, transform, marks->hovered, &anchor_x, &anchor_y))
    {
      _tally_chart_set_rgb (cr, style->ink, 0.85);
      cairo_set_line_width (cr, _tally_chart_px (style, 1.5));
      cairo_stroke (cr);
    }

  if (marks->selected != NULL &&
      mark_path (cr, layout, boundaries, transform, marks->selected, &selected_x, &selected_y))
    {
      /* A halo of page under the ink, so the outline reads on any colour. */
      cairo_path_t *path = cairo_copy_path (cr);

      _tally_chart_set_rgb (cr, style->page, 1);
      cairo_set_line_width (cr, _tally_chart_px (style, 4.5));
      cairo_stroke (cr);
      cairo_append_path (cr, path);
      _tally_chart_set_rgb (cr, marks->focus_visible ? style->focus : style->ink, 1);
      cairo_set_line_width (cr, _tally_chart_px (style, 2.25));
      cairo_stroke (cr);
      cairo_path_destroy (path);
      selected = TRUE;
    }

  cairo_restore (cr);

  /* Names: the hovered council's, else the selected one's, when on the canvas. */
  if (marks->hovered != NULL && g_strcmp0 (marks->hovered, marks->selected) != 0 &&
      mark_path (cr, layout, boundaries, transform, marks->hovered, &anchor_x, &anchor_y) &&
      anchor_x >= 0 && anchor_x <= width && anchor_y >= -transform->scale && anchor_y <= height)
    {
      const TallyMapArea *area = tally_map_data_lookup (data, marks->hovered);

      cairo_new_path (cr);
      if (area != NULL)
        paint_callout (cr, style, area->name, anchor_x, anchor_y, width, height);
    }
  else if (selected && selected_x >= 0 && selected_x <= width && selected_y >= -transform->scale &&
           selected_y <= height)
    {
      const TallyMapArea *area = tally_map_data_lookup (data, marks->selected);

      if (area != NULL)
        paint_callout (cr, style, area->name, selected_x, selected_y, width, height);
    }
  cairo_new_path (cr);
}

