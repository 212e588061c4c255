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
 * Boundaries are culled by their bounding boxes, so a zoomed-in frame only
 * walks what it shows, and the level of detail keeps a zoomed-out frame to
 * a few tens of thousands of points.  Holes and islands fill even-odd.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "tally-chart-private.h"
#include "tally-map-draw.h"

#define SQRT3 1.7320508075688772

/* Outside the filter: this much of the page shows through. */
#define FADE 0.74

/* Hexes get a three-letter label once they are this large, in pixels,
 * and the whole name once they are larger still. */
#define HEX_LABEL_RADIUS 19
#define HEX_NAME_RADIUS  44

typedef struct
{
  PangoLayout   *label;
  PangoLayout   *count;
  TallyChartRgb  colour;
  gboolean       split;     /* the left half full, the right half faded */
  TallyChartRgb  faded;
} KeyRow;

struct _TallyMapKeyLayout
{
  PangoLayout *title;
  GArray      *rows;     /* KeyRow */
  gboolean     scale;    /* classes of a number: swatches touch */
  double       width;
  double       height;
  double       padding;
  double       swatch;
  double       row_height;
  double       label_x;
  double       count_right;
};

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

static TallyChartRgb
blank_colour (const TallyChartStyle *style)
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

  colour = area != NULL && area->has_value ? area->fill : blank_colour (style);
  if (area != NULL && !area->in_scope)
    colour = tally_chart_rgb_mix (colour, style->page, FADE);

  return colour;
}

/* Hexes */

static void
hex_path (cairo_t  *cr,
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

/**
 * tally_map_paint_hexes:
 *
 * Paints one hex per council of @layout that lies on the canvas.
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

  if (radius >= HEX_NAME_RADIUS)
    {
      /* Whole names, on up to three lines. */
      full_names = TRUE;
      text = label_layout (style, TALLY_CHART_FONT_SMALL_BOLD, MIN (radius * 0.24, 15), 11.5, "");
      pango_layout_set_width (text, (int) (radius * 1.5 * PANGO_SCALE));
      pango_layout_set_height (text, -3);
      pango_layout_set_wrap (text, PANGO_WRAP_WORD_CHAR);
      pango_layout_set_ellipsize (text, PANGO_ELLIPSIZE_END);
      pango_layout_set_alignment (text, PANGO_ALIGN_CENTER);
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
      hex_path (cr, x, y, inset, pointy);
      _tally_chart_set_rgb (cr, colour, 1);
      cairo_fill (cr);

      if (text != NULL && area != NULL)
        {
          double text_width, text_height;
          TallyChartRgb ink = tally_chart_rgb_text_on (colour);

          pango_layout_set_text (text, full_names ? area->name : area->short_label, -1);
          _tally_chart_text_size (text, &text_width, &text_height);
          if (full_names)
            text_width = radius * 1.5;
          /* Quiet on councils without a value, and outside the filter. */
          _tally_chart_text_paint (cr, text, x - text_width / 2, y - text_height / 2, ink,
                                   area->in_scope && area->has_value ? 0.92 : 0.42);
        }
    }

  cairo_restore (cr);
}

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

static void
geometry_path (cairo_t                 *cr,
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
      geometry_path (cr, geometry, transform);
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
      double bounds[4];

      tally_boundaries_get_item_bounds (boundaries, i, bounds);
      if (!bounds_visible (bounds, transform, width, height))
        continue;

      clipped_geometry_path (cr, tally_boundaries_get_simplified (boundaries, i, level), transform, bounds, &clip);
      _tally_chart_set_rgb (cr, tally_map_area_colour (tally_map_data_lookup (data, tally_boundaries_get_code (boundaries, i)),
                                                       style), 1);
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
      hex_path (cr, x, y, transform->scale, tally_hex_offset_is_pointy (tally_hex_layout_get_offset (layout)));
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

      geometry_path (cr, tally_boundaries_get_simplified (boundaries, index, level), transform);
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

/* Key */

static void
key_row_clear (KeyRow *row)
{
  g_clear_object (&row->label);
  g_clear_object (&row->count);
}

static void
add_key_row (TallyMapKeyLayout     *key,
             const TallyChartStyle *style,
             TallyChartRgb          colour,
             const char            *label,
             int                    count)
{
  KeyRow row = { 0 };

  row.colour = colour;
  row.label = _tally_chart_text_new (style, TALLY_CHART_FONT_SMALL, label);
  if (count >= 0)
    {
      g_autofree char *text = g_strdup_printf ("%d", count);

      row.count = _tally_chart_text_new (style, TALLY_CHART_FONT_SMALL, text);
    }
  g_array_append_val (key->rows, row);
}

/**
 * tally_map_key_layout_new:
 * @max_width: the widest the key may be, in pixels
 *
 * Lays out the key of @data: a title, a swatch per entry with its label
 * and the number of councils in the filter that have it, then the blank
 * of councils without a value and the fade of councils outside the filter
 * when there are any.
 *
 * Returns: (transfer full): the key's layout
 */
TallyMapKeyLayout *
tally_map_key_layout_new (const TallyMapData    *data,
                          const TallyChartStyle *style,
                          double                 max_width)
{
  TallyMapKeyLayout *key = g_new0 (TallyMapKeyLayout, 1);
  gboolean any_blank = FALSE, any_faded = FALSE;
  double label_width = 0, count_width = 0, title_width;

  g_return_val_if_fail (data != NULL, key);

  key->rows = g_array_new (FALSE, FALSE, sizeof (KeyRow));
  g_array_set_clear_func (key->rows, (GDestroyNotify) key_row_clear);
  key->scale = data->key_is_scale;
  key->padding = _tally_chart_px (style, 10);
  key->swatch = _tally_chart_px (style, 13);
  key->row_height = _tally_chart_px (style, key->scale ? 17 : 19);

  for (guint i = 0; i < data->areas->len; i++)
    {
      const TallyMapArea *area = g_ptr_array_index (data->areas, i);

      any_blank |= !area->has_value;
      any_faded |= !area->in_scope;
    }

  for (guint i = 0; i < data->n_key; i++)
    add_key_row (key, style, data->key[i].colour, data->key[i].label, (int) data->key[i].count);
  if (any_blank)
    add_key_row (key, style, blank_colour (style), data->blank_label, -1);
  if (any_faded)
    {
      /* A swatch half in a colour, half faded: what fading does to any. */
      TallyChartRgb sample = data->n_key ? data->key[0].colour : blank_colour (style);
      KeyRow *row;

      add_key_row (key, style, sample, _("Outside the filter: paler"), -1);
      row = &g_array_index (key->rows, KeyRow, key->rows->len - 1);
      row->split = TRUE;
      row->faded = tally_chart_rgb_mix (sample, style->page, FADE);
    }

  for (guint i = 0; i < key->rows->len; i++)
    {
      KeyRow *row = &g_array_index (key->rows, KeyRow, i);

      label_width = MAX (label_width, _tally_chart_text_width (row->label));
      if (row->count)
        count_width = MAX (count_width, _tally_chart_text_width (row->count));
    }

  key->label_x = key->padding + key->swatch + _tally_chart_px (style, 7);
  key->count_right = key->label_x + label_width + (count_width > 0 ? _tally_chart_px (style, 12) + count_width : 0);
  key->width = key->count_right + key->padding;

  key->title = _tally_chart_text_new (style, TALLY_CHART_FONT_SMALL_BOLD, data->key_title);
  title_width = _tally_chart_text_width (key->title);
  key->width = MIN (MAX (key->width, title_width + 2 * key->padding), MAX (max_width, key->width));
  if (title_width + 2 * key->padding > key->width)
    {
      pango_layout_set_width (key->title, (int) ((key->width - 2 * key->padding) * PANGO_SCALE));
      pango_layout_set_wrap (key->title, PANGO_WRAP_WORD);
    }

  key->height = 2 * key->padding + _tally_chart_text_height (key->title) + _tally_chart_px (style, 6) +
                key->rows->len * key->row_height;
  /* The blank and faded rows stand apart from a scale. */
  if (key->scale && key->rows->len > data->n_key)
    key->height += _tally_chart_px (style, 6);

  return key;
}

void
tally_map_key_layout_free (TallyMapKeyLayout *key)
{
  if (key == NULL)
    return;

  g_clear_object (&key->title);
  g_clear_pointer (&key->rows, g_array_unref);
  g_free (key);
}

void
tally_map_key_get_size (const TallyMapKeyLayout *key,
                        double                  *width,
                        double                  *height)
{
  g_return_if_fail (key != NULL);

  if (width)
    *width = key->width;
  if (height)
    *height = key->height;
}

/**
 * tally_map_key_paint:
 * @card: draw the key on a card of the page colour, to float over a map
 */
void
tally_map_key_paint (cairo_t                 *cr,
                     const TallyMapKeyLayout *key,
                     const TallyChartStyle   *style,
                     double                   x,
                     double                   y,
                     gboolean                 card)
{
  guint n_scale_rows = 0;
  double row_y;

  g_return_if_fail (cr != NULL);
  g_return_if_fail (key != NULL);

  cairo_save (cr);

  if (card)
    {
      _tally_chart_rounded_rect (cr, x, y, key->width, key->height, _tally_chart_px (style, 8));
      _tally_chart_set_rgb (cr, style->page, 0.94);
      cairo_fill_preserve (cr);
      _tally_chart_set_rgb (cr, style->ink, style->dark ? 0.18 : 0.12);
      cairo_set_line_width (cr, 1);
      cairo_stroke (cr);
    }

  _tally_chart_text_paint (cr, key->title, x + key->padding, y + key->padding, style->ink, 1);
  row_y = y + key->padding + _tally_chart_text_height (key->title) + _tally_chart_px (style, 6);

  for (guint i = 0; i < key->rows->len; i++)
    {
      const KeyRow *row = &g_array_index (key->rows, KeyRow, i);
      double text_height = _tally_chart_text_height (row->label);
      double swatch_y;

      if (key->scale && row->count == NULL && n_scale_rows > 0 && i == n_scale_rows)
        row_y += _tally_chart_px (style, 6);

      if (key->scale && row->count != NULL)
        {
          /* Classes touch, like the steps of one bar. */
          cairo_rectangle (cr, x + key->padding, row_y, key->swatch, key->row_height);
          n_scale_rows++;
          swatch_y = row_y;
        }
      else
        {
          swatch_y = row_y + (key->row_height - key->swatch) / 2;
          _tally_chart_rounded_rect (cr, x + key->padding, swatch_y, key->swatch, key->swatch,
                                     _tally_chart_px (style, 3));
        }
      _tally_chart_set_rgb (cr, row->colour, 1);
      if (row->split)
        {
          cairo_save (cr);
          cairo_clip_preserve (cr);
          cairo_fill (cr);
          cairo_rectangle (cr, x + key->padding + key->swatch / 2, swatch_y, key->swatch / 2, key->swatch);
          _tally_chart_set_rgb (cr, row->faded, 1);
          cairo_fill (cr);
          cairo_restore (cr);
        }
      else
        {
          cairo_fill (cr);
        }

      _tally_chart_text_paint (cr, row->label, x + key->label_x, row_y + (key->row_height - text_height) / 2,
                               style->ink, 1);
      if (row->count != NULL)
        _tally_chart_text_paint (cr, row->count, x + key->count_right - _tally_chart_text_width (row->count),
                                 row_y + (key->row_height - text_height) / 2, style->ink_secondary, 1);

      row_y += key->row_height;
    }

  cairo_restore (cr);
}

/* The whole figure */

/**
 * tally_map_draw:
 * @layout: (nullable): the hexes to draw, or %NULL
 * @boundaries: (nullable): the boundaries to draw when @layout is %NULL
 * @marks: (nullable): outlines and labels to add
 *
 * Draws the map as a figure for publication: title, subtitle, the map
 * fitted to the space left, its key beside or below it, and the source.
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
  TallyChartFrame frame;
  g_autoptr(TallyMapKeyLayout) key = NULL;
  TallyMapTransform transform;
  TallyChartRect map;
  double min_x, min_y, max_x, max_y, key_width = 0, key_height = 0, gap;
  gboolean have_bounds = FALSE, key_beside;

  g_return_if_fail (cr != NULL);
  g_return_if_fail (data != NULL);
  g_return_if_fail (style != NULL);

  _tally_chart_frame_layout (&frame, style, &data->heading, width, height);
  _tally_chart_frame_paint (cr, &frame, style);

  map = frame.body;
  gap = _tally_chart_px (style, 16);
  key_beside = map.width > map.height * 1.05;
  if (style->show_legend)
    {
      key = tally_map_key_layout_new (data, style, key_beside ? map.width * 0.36 : map.width);
      tally_map_key_get_size (key, &key_width, &key_height);
      if (key_beside)
        map.width = MAX (map.width - key_width - gap, 1);
      else
        map.height = MAX (map.height - key_height - gap, 1);
    }

  if (layout != NULL)
    have_bounds = tally_hex_layout_get_bounds (layout, &min_x, &min_y, &max_x, &max_y);
  else if (boundaries != NULL)
    have_bounds = tally_boundaries_get_bounds (boundaries, &min_x, &min_y, &max_x, &max_y);

  if (have_bounds)
    {
      tally_map_transform_fit (&transform, min_x, min_y, max_x, max_y, map.x, map.y, map.width, map.height);

      cairo_save (cr);
      cairo_rectangle (cr, map.x, map.y, map.width, map.height);
      cairo_clip (cr);
      if (layout != NULL)
        tally_map_paint_hexes (cr, layout, data, &transform, style, width, height);
      else
        tally_map_paint_boundaries (cr, boundaries, data, &transform, style, width, height);
      if (marks != NULL)
        tally_map_paint_marks (cr, layout, layout ? NULL : boundaries, data, &transform, style, marks, width, height);
      cairo_restore (cr);
    }

  if (key != NULL)
    {
      if (key_beside)
        tally_map_key_paint (cr, key, style, map.x + map.width + gap, map.y, FALSE);
      else
        tally_map_key_paint (cr, key, style, map.x, map.y + map.height + gap, FALSE);
    }

  _tally_chart_frame_clear (&frame);
}
