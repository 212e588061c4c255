/* tally-map-labels.c: the names an exported map carries, placed so that
 * none overlaps another.
 *
 * The window labels hexes once they are large enough to hold a label
 * (tally_map_paint_hexes()); a figure for print carries labels at any
 * zoom, so it places them itself:
 *
 * - hexes: the window's three-letter label (or the whole name on very
 *   large hexes) inside each hex, at the window's size, never smaller than
 *   a readable minimum;
 * - boundaries: the council's name at its centroid, with a halo of page.
 *
 * The collision rule: candidates are taken in order of priority (councils
 * in the filter with a value first, then larger shapes first, then by
 * name, so the result is stable), and a label is kept only when its box,
 * grown by a small gap, lies inside the map's frame and meets no box kept
 * before it.  So no two labels overlap, whatever the zoom, and what is
 * left out is the least important.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include "tally-map-draw-private.h"

/* The window's label sizes (tally-map-draw.c), as fractions of a hex's radius. */
#define HEX_LABEL_FRACTION 0.52
#define HEX_NAME_FRACTION  0.24
#define HEX_NAME_RADIUS    44

/* The smallest type a label is set in, in CSS pixels: about 6 pt. */
#define MIN_LABEL_PX 8.0

/* The gap kept between two labels' boxes, in CSS pixels. */
#define LABEL_GAP_PX 2.0

typedef struct
{
  TallyMapLabel label;
  double        priority;
} Candidate;

static PangoLayout *
label_text (const TallyChartStyle *style,
            const TallyMapLabel   *label)
{
  TallyChartStyle sized = *style;
  PangoLayout *layout;

  /* The house's small bold is 11.5 px at scale 1. */
  sized.scale = label->size / 11.5;
  layout = _tally_chart_text_new (&sized, TALLY_CHART_FONT_SMALL_BOLD, label->text);
  if (label->wrap_width > 0)
    {
      pango_layout_set_width (layout, (int) (label->wrap_width * PANGO_SCALE));
      pango_layout_set_height (layout, -3);
      pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
      pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
      pango_layout_set_alignment (layout, PANGO_ALIGN_CENTER);
    }
  return layout;
}

static void
add_candidate (GArray                *candidates,
               const TallyChartStyle *style,
               const TallyMapArea    *area,
               const char            *text,
               double                 centre_x,
               double                 centre_y,
               double                 size,
               double                 wrap_width,
               gboolean               inside,
               double                 priority)
{
  Candidate candidate = { 0 };
  g_autoptr(PangoLayout) layout = NULL;
  double width, height;

  if (text == NULL || *text == '\0')
    return;

  candidate.label.code = area->code;
  candidate.label.text = text;
  candidate.label.size = size;
  candidate.label.wrap_width = wrap_width;
  candidate.label.inside = inside;
  layout = label_text (style, &candidate.label);
  _tally_chart_text_size (layout, &width, &height);
  if (wrap_width > 0)
    width = wrap_width;
  candidate.label.x = centre_x - width / 2;
  candidate.label.y = centre_y - height / 2;
  candidate.label.width = width;
  candidate.label.height = height;
  /* Councils in the filter with a value come before any other. */
  candidate.priority = priority + (area->in_scope && area->has_value ? 1e12 : 0);
  g_array_append_val (candidates, candidate);
}

static int
compare_candidates (gconstpointer a,
                    gconstpointer b)
{
  const Candidate *first = a, *second = b;

  if (first->priority != second->priority)
    return first->priority > second->priority ? -1 : 1;
  return strcmp (first->label.code, second->label.code);
}

/**
 * tally_map_labels_intersect:
 * @gap: the space two labels must keep between them
 *
 * Returns: whether the boxes of @a and @b, grown by half of @gap each, meet
 */
gboolean
tally_map_labels_intersect (const TallyMapLabel *a,
                            const TallyMapLabel *b,
                            double               gap)
{
  return a->x < b->x + b->width + gap && b->x < a->x + a->width + gap &&
         a->y < b->y + b->height + gap && b->y < a->y + a->height + gap;
}

/**
 * tally_map_labels_place:
 * @layout: (nullable): the hexes, when the map is a cartogram
 * @boundaries: (nullable): the boundaries, when it is geographic
 * @transform: where the map lies on the canvas
 * @x: the map's frame on the canvas: labels stay inside it
 *
 * Places the councils' labels by the collision rule above.
 *
 * Returns: (transfer full) (element-type TallyMapLabel): the labels kept,
 *   none of whose boxes meet; their strings belong to @data
 */
GArray *
tally_map_labels_place (TallyHexLayout          *layout,
                        TallyBoundaries         *boundaries,
                        const TallyMapData      *data,
                        const TallyMapTransform *transform,
                        const TallyChartStyle   *style,
                        double                   x,
                        double                   y,
                        double                   width,
                        double                   height)
{
  g_autoptr(GArray) candidates = g_array_new (FALSE, FALSE, sizeof (Candidate));
  GArray *kept = g_array_new (FALSE, FALSE, sizeof (TallyMapLabel));
  double gap = _tally_chart_px (style, LABEL_GAP_PX), min_size = _tally_chart_px (style, MIN_LABEL_PX);

  g_return_val_if_fail (data != NULL, kept);
  g_return_val_if_fail (transform != NULL, kept);

  if (layout != NULL)
    {
      double radius = transform->scale;
      gboolean names = radius >= _tally_chart_px (style, HEX_NAME_RADIUS);
      double size = names ? MIN (radius * HEX_NAME_FRACTION, _tally_chart_px (style, 15))
                          : MIN (radius * HEX_LABEL_FRACTION, _tally_chart_px (style, 17));

      size = MAX (size, min_size);
      for (guint i = 0; i < tally_hex_layout_get_n_hexes (layout); i++)
        {
          const TallyHex *hex = tally_hex_layout_get_hex (layout, i);
          const TallyMapArea *area = tally_map_data_lookup (data, hex->code);
          double map_x, map_y, canvas_x, canvas_y;

          if (area == NULL)
            continue;
          tally_hex_layout_get_centre (layout, i, &map_x, &map_y);
          tally_map_transform_to_canvas (transform, map_x, map_y, &canvas_x, &canvas_y);
          if (canvas_x < x - radius || canvas_y < y - radius || canvas_x > x + width + radius ||
              canvas_y > y + height + radius)
            continue;
          /* Hexes are all one size: nearer the frame's middle first. */
          add_candidate (candidates, style, area, names ? area->name : area->short_label, canvas_x, canvas_y, size,
                         names ? radius * 1.5 : 0, TRUE,
                         -hypot (canvas_x - (x + width / 2), canvas_y - (y + height / 2)));
        }
    }
  else if (boundaries != NULL)
    {
      double size = MAX (_tally_chart_px (style, 11), min_size);

      for (guint i = 0; i < tally_boundaries_get_n_items (boundaries); i++)
        {
          const TallyMapArea *area = tally_map_data_lookup (data, tally_boundaries_get_code (boundaries, i));
          double bounds[4], map_x, map_y, canvas_x, canvas_y, x0, y0, x1, y1;

          if (area == NULL)
            continue;
          tally_boundaries_get_item_bounds (boundaries, i, bounds);
          tally_map_transform_to_canvas (transform, bounds[0], bounds[3], &x0, &y0);
          tally_map_transform_to_canvas (transform, bounds[2], bounds[1], &x1, &y1);
          if (x1 < x || y1 < y || x0 > x + width || y0 > y + height)
            continue;
          if (!tally_geometry_get_centroid (tally_boundaries_get_geometry (boundaries, i), &map_x, &map_y))
            {
              map_x = (bounds[0] + bounds[2]) / 2;
              map_y = (bounds[1] + bounds[3]) / 2;
            }
          tally_map_transform_to_canvas (transform, map_x, map_y, &canvas_x, &canvas_y);
          /* Larger councils first: their names have room. */
          add_candidate (candidates, style, area, area->name, canvas_x, canvas_y, size, 0, FALSE,
                         (x1 - x0) * (y1 - y0));
        }
    }

  g_array_sort (candidates, compare_candidates);
  for (guint i = 0; i < candidates->len; i++)
    {
      const TallyMapLabel *label = &g_array_index (candidates, Candidate, i).label;
      gboolean clear = label->x >= x && label->y >= y && label->x + label->width <= x + width &&
                       label->y + label->height <= y + height;

      for (guint j = 0; clear && j < kept->len; j++)
        clear = !tally_map_labels_intersect (label, &g_array_index (kept, TallyMapLabel, j), gap);
      if (clear)
        g_array_append_val (kept, *label);
    }

  return kept;
}

/**
 * tally_map_labels_paint:
 * @labels: (element-type TallyMapLabel): from tally_map_labels_place()
 *
 * Paints the labels: inside a hex in the ink that reads on its colour
 * (quieter on councils outside the filter or without a value), elsewhere,
 * and over a hatched council on results night, in the page's ink with a
 * halo of page.
 */
void
tally_map_labels_paint (cairo_t               *cr,
                        GArray                *labels,
                        const TallyMapData    *data,
                        const TallyChartStyle *style)
{
  g_return_if_fail (cr != NULL);
  g_return_if_fail (labels != NULL);

  for (guint i = 0; i < labels->len; i++)
    {
      const TallyMapLabel *label = &g_array_index (labels, TallyMapLabel, i);
      const TallyMapArea *area = tally_map_data_lookup (data, label->code);
      g_autoptr(PangoLayout) text = label_text (style, label);
      gboolean loud = area != NULL && area->in_scope && area->has_value;
      gboolean hatched = area != NULL && area->progress != TALLY_MAP_DECLARED;

      /* Over hatching, ringed in the page colour. */
      if (label->inside && hatched)
        _tally_chart_text_paint_halo_aligned (cr, text, label->x + label->width / 2, label->y, TALLY_CHART_ALIGN_CENTER,
                                              style, _tally_map_progress_label_ink (area, style));
      else if (label->inside)
        _tally_chart_text_paint_aligned (cr, text, label->x + label->width / 2, label->y, TALLY_CHART_ALIGN_CENTER,
                                         tally_chart_rgb_text_on (tally_map_area_colour (area, style)), loud ? 0.92 : 0.42);
      else
        _tally_chart_text_paint_halo_aligned (cr, text, label->x + label->width / 2, label->y, TALLY_CHART_ALIGN_CENTER,
                                              style, loud ? style->ink : style->ink_secondary);
    }
}
