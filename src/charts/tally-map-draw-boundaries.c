/* tally-map-draw-boundaries.c: painting the geographic map: each council
 * that lies on the canvas filled at the level of detail the scale needs,
 * cut to the canvas so that a zoomed-in frame hands cairo only what it
 * shows, and the borders between councils stroked once each.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>

#include "tally-map-draw-private.h"

/* Boundaries */

static gboolean
bounds_visible (const double            *bounds,
                const TallyMapTransform *transform,
                double                   width,
                double                   height)
{
  double right = transform->left + width / transform->scale;
  double bottom = transform->top - height / transform->scale;

  return bounds[2] >= transform->left && bounds[0] <= right && bounds[3] >= bottom && bounds[1] <= transform->top;
}

void
_tally_map_geometry_path (cairo_t                 *cr,
                          TallyGeometry           *geometry,
                          const TallyMapTransform *transform)
{
  double scale = transform->scale, left = transform->left, top = transform->top;

  for (guint ring = 0; ring < tally_geometry_get_n_rings (geometry); ring++)
    {
      guint n_points;
      const double *points = tally_geometry_get_ring (geometry, ring, &n_points);

      cairo_move_to (cr, (points[0] - left) * scale, (top - points[1]) * scale);
      for (guint i = 1; i < n_points; i++)
        cairo_line_to (cr, (points[2 * i] - left) * scale, (top - points[2 * i + 1]) * scale);
      cairo_close_path (cr);
    }
}

/* Clipping, so that a zoomed-in frame hands cairo only what it shows. */

typedef struct
{
  double  x0, y0, x1, y1;  /* the canvas, and a margin, in canvas pixels */
  GArray *in;              /* double x, y */
  GArray *out;
} Clip;

static inline double
clip_edge_value (const double *point,
                 guint         edge)
{
  return edge < 2 ? point[0] : point[1];
}

/* One edge of Sutherland–Hodgman: keeps the part of the ring inside
 * x ≥ limit (edge 0), x ≤ limit (1), y ≥ limit (2) or y ≤ limit (3). */
static void
clip_against (Clip   *clip,
              guint   edge,
              double  limit)
{
  const double *points = (const double *) clip->in->data;
  guint n_points = clip->in->len / 2;
  gboolean keep_greater = edge == 0 || edge == 2;

  g_array_set_size (clip->out, 0);
  for (guint i = 0; i < n_points; i++)
    {
      const double *current = points + 2 * i;
      const double *previous = points + 2 * ((i + n_points - 1) % n_points);
      double value = clip_edge_value (current, edge), previous_value = clip_edge_value (previous, edge);
      gboolean inside = keep_greater ? value >= limit : value <= limit;
      gboolean previous_inside = keep_greater ? previous_value >= limit : previous_value <= limit;

      if (inside != previous_inside)
        {
          double t = (limit - previous_value) / (value - previous_value);
          double crossing[2] = {
            previous[0] + t * (current[0] - previous[0]),
            previous[1] + t * (current[1] - previous[1]),
          };

          if (edge < 2)
            crossing[0] = limit;
          else
            crossing[1] = limit;
          g_array_append_vals (clip->out, crossing, 2);
        }
      if (inside)
        g_array_append_vals (clip->out, current, 2);
    }

  {
    GArray *swap = clip->in;

    clip->in = clip->out;
    clip->out = swap;
  }
}

/* The shape's rings, cut to the canvas when they reach beyond it. */
static void
clipped_geometry_path (cairo_t                 *cr,
                       TallyGeometry           *geometry,
                       const TallyMapTransform *transform,
                       const double            *bounds,
                       Clip                    *clip)
{
  double scale = transform->scale, left = transform->left, top = transform->top;
  double x0 = (bounds[0] - left) * scale, x1 = (bounds[2] - left) * scale;
  double y0 = (top - bounds[3]) * scale, y1 = (top - bounds[1]) * scale;

  if (x0 >= clip->x0 && x1 <= clip->x1 && y0 >= clip->y0 && y1 <= clip->y1)
    {
      _tally_map_geometry_path (cr, geometry, transform);
      return;
    }

  for (guint ring = 0; ring < tally_geometry_get_n_rings (geometry); ring++)
    {
      guint n_points, n_clipped;
      const double *points = tally_geometry_get_ring (geometry, ring, &n_points);
      const double *clipped;

      g_array_set_size (clip->in, 2 * n_points);
      for (guint i = 0; i < n_points; i++)
        {
          g_array_index (clip->in, double, 2 * i) = (points[2 * i] - left) * scale;
          g_array_index (clip->in, double, 2 * i + 1) = (top - points[2 * i + 1]) * scale;
        }

      clip_against (clip, 0, clip->x0);
      clip_against (clip, 1, clip->x1);
      clip_against (clip, 2, clip->y0);
      clip_against (clip, 3, clip->y1);

      n_clipped = clip->in->len / 2;
      if (n_clipped < 3)
        continue;

      clipped = (const double *) clip->in->data;
      cairo_move_to (cr, clipped[0], clipped[1]);
      for (guint i = 1; i < n_clipped; i++)
        cairo_line_to (cr, clipped[2 * i], clipped[2 * i + 1]);
      cairo_close_path (cr);
    }
}

static inline guint
outcode (const Clip *clip,
         double      x,
         double      y)
{
  return (x < clip->x0) | ((x > clip->x1) << 1) | ((y < clip->y0) << 2) | ((y > clip->y1) << 3);
}

/* A border, less the stretches wholly off the canvas. */
static void
clipped_border_path (cairo_t                 *cr,
                     const double            *points,
                     guint                    n_points,
                     const TallyMapTransform *transform,
                     const Clip              *clip)
{
  double scale = transform->scale, left = transform->left, top = transform->top;
  double previous_x = (points[0] - left) * scale, previous_y = (top - points[1]) * scale;
  guint previous_code = outcode (clip, previous_x, previous_y);
  gboolean pen_down = FALSE;

  for (guint p = 1; p < n_points; p++)
    {
      double x = (points[2 * p] - left) * scale, y = (top - points[2 * p + 1]) * scale;
      guint code = outcode (clip, x, y);

      if ((code & previous_code) == 0)
        {
          if (!pen_down)
            cairo_move_to (cr, previous_x, previous_y);
          cairo_line_to (cr, x, y);
          pen_down = TRUE;
        }
      else
        {
          pen_down = FALSE;
        }

      previous_x = x;
      previous_y = y;
      previous_code = code;
    }
}

/**
 * tally_map_paint_boundaries:
 *
 * Paints the councils of @boundaries that lie on the canvas, at the level
 * of detail the scale needs, and the borders between them.
 */
void
tally_map_paint_boundaries (cairo_t                 *cr,
                            TallyBoundaries         *boundaries,
                            const TallyMapData      *data,
                            const TallyMapTransform *transform,
                            const TallyChartStyle   *style,
                            double                   width,
                            double                   height)
{
  guint level, n_items, n_borders;
  double scale = transform->scale;
  Clip clip;

  g_return_if_fail (cr != NULL);
  g_return_if_fail (TALLY_IS_BOUNDARIES (boundaries));
  g_return_if_fail (data != NULL);

  n_items = tally_boundaries_get_n_items (boundaries);
  if (n_items == 0 || scale <= 0)
    return;

  level = tally_boundaries_level_for_scale (scale);
  /* A margin wider than any line, so that cut edges never show. */
  clip.x0 = clip.y0 = -8;
  clip.x1 = width + 8;
  clip.y1 = height + 8;
  clip.in = g_array_new (FALSE, FALSE, sizeof (double));
  clip.out = g_array_new (FALSE, FALSE, sizeof (double));

  cairo_save (cr);
  cairo_set_fill_rule (cr, CAIRO_FILL_RULE_EVEN_ODD);
  /* Cairo's coarser antialiasing halves the cost of a frame; on shapes
   * this size it cannot be told from the finer one. */
  cairo_set_antialias (cr, CAIRO_ANTIALIAS_FAST);

  for (guint i = 0; i < n_items; i++)
    {
      const TallyMapArea *area;
      double bounds[4];

      tally_boundaries_get_item_bounds (boundaries, i, bounds);
      if (!bounds_visible (bounds, transform, width, height))
        continue;

      area = tally_map_data_lookup (data, tally_boundaries_get_code (boundaries, i));
      clipped_geometry_path (cr, tally_boundaries_get_simplified (boundaries, i, level), transform, bounds, &clip);
      _tally_chart_set_rgb (cr, tally_map_area_colour (area, style), 1);
      if (area != NULL && area->progress != TALLY_MAP_DECLARED)
        {
          cairo_fill_preserve (cr);
          _tally_map_paint_progress (cr, area->progress, style);
        }
      else
        cairo_fill (cr);
    }

  /* Borders between councils, each once, as thin lines of the page. */
  n_borders = tally_boundaries_get_n_borders (boundaries, level);
  for (guint border = 0; border < n_borders; border++)
    {
      double bounds[4];
      const double *points;
      guint n_points;
      gboolean shared;

      tally_boundaries_get_border_bounds (boundaries, level, border, bounds);
      if (!bounds_visible (bounds, transform, width, height))
        continue;

      points = tally_boundaries_get_border (boundaries, level, border, &n_points, &shared);
      if (shared)
        clipped_border_path (cr, points, n_points, transform, &clip);
    }

  _tally_chart_set_rgb (cr, style->page, 1);
  /* Hairlines when the whole country shows, a little more as it grows. */
  cairo_set_line_width (cr, CLAMP (0.55 + log2 (MAX (scale * 1500, 1)) * 0.2, 0.55, 1.6));
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_BEVEL);
  cairo_stroke (cr);

  cairo_restore (cr);
  g_array_unref (clip.in);
  g_array_unref (clip.out);
}

