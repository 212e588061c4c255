/* tally-hemicycle.c: a council's seats in rows on a half ring.
 *
 * The geometry follows the common construction of parliament diagrams
 * (ParliamentDiagram, parliamentarch, d3-parliament): seats are discs of
 * one size on concentric rows, each row's seats spread evenly from one end
 * of the base to the other, and the seats taken in order of angle, left to
 * right, so that parties given seats in turn sit in contiguous wedges.
 *
 * Councils are small bodies (9 to 120 seats), where those tools are at
 * their weakest: with as many rows as fit, a 9-seat council comes out as
 * six seats over three, "way too spaced out", and users asked for small
 * bodies in one row; cutting rows for every body made 63 seats a thin arc
 * of three rows, which others found silly.  So the row count is chosen for
 * the shape, not the capacity: the ring's depth should be near 5/7 of its
 * outer radius (the proportion of a well-drawn chamber), with the seats
 * packed as densely along each row as across rows.  9 seats get one row,
 * 13 two, 35 three, 54 and 63 four, 101 and 120 six.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <stdlib.h>

#include "tally-chart-legend-private.h"
#include "tally-hemicycle.h"

/* A seat's radius, as a share of the distance between neighbours. */
#define SEAT_FILL 0.44

/* The depth of the ring as a share of its outer radius. */
#define TARGET_DEPTH (5.0 / 7.0)

struct _TallyHemicycleLayout
{
  TallyHemicycleGeometry *geometry;
  TallyChartFrame         frame;
  int                    *seat_party;  /* entry of each seat, -1 when vacant */
  gboolean               *seat_up;
  guint                   n_entries;
  guint                   majority;

  double                  centre_x;
  double                  centre_y;
  double                  radius;      /* pixels per unit */

  PangoLayout            *majority_label;
  double                  majority_label_y;
  double                  majority_inner;  /* radii of the mark, in units */
  double                  majority_outer;

  PangoLayout            *total_figure;
  PangoLayout            *total_caption;
  double                  total_y;

  GArray                 *legend;     /* flowed in lines, or */
  TallyChartSeatTable    *table;      /* a party table, on a tall page */
  double                  legend_x;
  double                  legend_y;
  GArray                 *note;
  double                  note_x;
  double                  note_y;
};

/* Seat spacing, in units, for @n_rows rows holding @n_seats when packed as
 * densely along the rows as across them.  A row of radius r holds about
 * π r / d + 1 seats; summing over rows 1, 1 − d, … gives this. */
static double
row_spacing (guint n_seats,
             guint n_rows)
{
  double rows = n_rows;

  return G_PI * rows / ((double) n_seats - rows + G_PI * rows * (rows - 1) / 2);
}

/**
 * tally_hemicycle_choose_rows:
 *
 * Returns: how many rows @n_seats sit in
 */
guint
tally_hemicycle_choose_rows (guint n_seats)
{
  guint best = 1;
  double best_score = G_MAXDOUBLE;

  for (guint rows = 1; rows <= 16 && rows <= n_seats; rows++)
    {
      double spacing = row_spacing (n_seats, rows);
      double innermost = 1 - (rows - 1) * spacing;
      double score;

      /* Rows must leave a hollow in the middle, and hold two seats each. */
      if (spacing <= 0 || innermost < 0.3)
        break;
      if (rows > 1 && G_PI * innermost / spacing + 1 < 2)
        break;

      score = fabs (rows * spacing - TARGET_DEPTH);
      if (score < best_score)
        {
          best = rows;
          best_score = score;
        }
    }

  return best;
}

static int
compare_seats (gconstpointer a,
               gconstpointer b)
{
  const TallyHemicycleSeat *seat_a = a;
  const TallyHemicycleSeat *seat_b = b;

  /* Left to right is decreasing angle; at the same angle, outer first. */
  if (fabs (seat_a->angle - seat_b->angle) > 1e-9)
    return seat_a->angle > seat_b->angle ? -1 : 1;
  return (int) seat_b->row - (int) seat_a->row;
}

/* Spreads @n_seats over rows in proportion to what each could hold, by
 * largest remainder, so the rows are evenly dense. */
static void
fill_rows (TallyHemicycleGeometry *geometry,
           double                  spacing)
{
  g_autofree double *capacity = g_new0 (double, geometry->n_rows);
  g_autofree double *remainder = g_new0 (double, geometry->n_rows);
  double total_capacity = 0;
  guint placed = 0;

  for (guint row = 0; row < geometry->n_rows; row++)
    {
      capacity[row] = G_PI * geometry->row_radius[row] / spacing + 1;
      total_capacity += capacity[row];
    }

  for (guint row = 0; row < geometry->n_rows; row++)
    {
      double share = capacity[row] * geometry->n_seats / total_capacity;

      geometry->row_seats[row] = (guint) floor (share);
      remainder[row] = share - floor (share);
      placed += geometry->row_seats[row];
    }

  while (placed < geometry->n_seats)
    {
      guint best = geometry->n_rows - 1;

      /* Ties go outwards, where there is more room. */
      for (guint row = geometry->n_rows; row-- > 0;)
        if (remainder[row] > remainder[best] + 1e-12)
          best = row;

      geometry->row_seats[best]++;
      remainder[best] = -1;
      placed++;
    }
}

/* Angle from the base to the centre of a row's end seats, so that they
 * sit on the base rather than hang below it. */
static double
end_angle (double row_radius,
           double seat_radius)
{
  return asin (MIN (seat_radius / row_radius, 1.0));
}

/**
 * tally_hemicycle_geometry_new:
 *
 * Lays out @n_seats seats.
 *
 * Returns: (transfer full): the geometry
 */
TallyHemicycleGeometry *
tally_hemicycle_geometry_new (guint n_seats)
{
  TallyHemicycleGeometry *geometry = g_new0 (TallyHemicycleGeometry, 1);
  double spacing;
  guint seat = 0;

  geometry->n_seats = n_seats;
  geometry->majority_angle = G_PI / 2;
  geometry->n_rows = n_seats > 0 ? tally_hemicycle_choose_rows (n_seats) : 0;
  geometry->row_seats = g_new0 (guint, MAX (geometry->n_rows, 1));
  geometry->row_radius = g_new0 (double, MAX (geometry->n_rows, 1));
  geometry->seats = g_new0 (TallyHemicycleSeat, MAX (n_seats, 1));

  if (n_seats == 0)
    return geometry;

  spacing = geometry->n_rows > 1 || n_seats > 1 ? row_spacing (n_seats, geometry->n_rows) : 1;
  for (guint row = 0; row < geometry->n_rows; row++)
    geometry->row_radius[row] = 1 - (geometry->n_rows - 1 - row) * spacing;

  fill_rows (geometry, spacing);

  /* The seat radius fits the tightest spacing, along a row or across rows;
   * the end angles depend on it in turn, so settle the two together. */
  geometry->seat_radius = SEAT_FILL * MIN (spacing, 1.0);
  for (guint pass = 0; pass < 4; pass++)
    {
      double tightest = geometry->n_rows > 1 ? spacing : G_MAXDOUBLE;

      for (guint row = 0; row < geometry->n_rows; row++)
        {
          double radius = geometry->row_radius[row];
          double margin = end_angle (radius, geometry->seat_radius);
          guint count = geometry->row_seats[row];

          if (count > 1)
            tightest = MIN (tightest, 2 * radius * sin ((G_PI - 2 * margin) / (count - 1) / 2));
        }

      if (tightest == G_MAXDOUBLE)
        tightest = 1.0;
      geometry->seat_radius = SEAT_FILL * tightest;
    }

  for (guint row = 0; row < geometry->n_rows; row++)
    {
      double radius = geometry->row_radius[row];
      double margin = end_angle (radius, geometry->seat_radius);
      guint count = geometry->row_seats[row];

      for (guint i = 0; i < count; i++)
        {
          TallyHemicycleSeat *place = &geometry->seats[seat++];

          place->angle = count == 1 ? G_PI / 2 : margin + i * (G_PI - 2 * margin) / (count - 1);
          place->row = row;
          place->x = radius * cos (place->angle);
          place->y = radius * sin (place->angle);
        }
    }

  qsort (geometry->seats, n_seats, sizeof (TallyHemicycleSeat), compare_seats);

  return geometry;
}

void
tally_hemicycle_geometry_free (TallyHemicycleGeometry *geometry)
{
  if (geometry == NULL)
    return;

  g_free (geometry->row_seats);
  g_free (geometry->row_radius);
  g_free (geometry->seats);
  g_free (geometry);
}

/* Layout */

static guint
seats_in_data (const TallySeatChartData *data)
{
  guint sum = 0;

  for (guint i = 0; i < data->n_entries; i++)
    sum += data->entries[i].seats;

  return sum;
}

/**
 * tally_hemicycle_layout_new:
 *
 * Places the hemicycle of @data, its majority mark and legend on a canvas
 * of @width × @height.
 *
 * Returns: (transfer full): the layout
 */
TallyHemicycleLayout *
tally_hemicycle_layout_new (const TallySeatChartData *data,
                            const TallyChartStyle    *style,
                            double                    width,
                            double                    height)
{
  TallyHemicycleLayout *layout;
  TallyHemicycleGeometry *geometry;
  guint n_seats, seat = 0;
  double legend_height = 0, note_height = 0, label_height = 0;
  double available_height, extent, top_extra, block_height, top;
  double tick = _tally_chart_px (style, 7);
  double innermost;

  g_return_val_if_fail (data != NULL, NULL);
  g_return_val_if_fail (style != NULL, NULL);

  layout = g_new0 (TallyHemicycleLayout, 1);
  n_seats = MAX (data->total, seats_in_data (data));
  layout->geometry = geometry = tally_hemicycle_geometry_new (n_seats);
  layout->n_entries = data->n_entries;
  layout->majority = data->majority > 0 && data->majority <= n_seats ? data->majority : 0;
  layout->seat_party = g_new (int, MAX (n_seats, 1));
  layout->seat_up = g_new0 (gboolean, MAX (n_seats, 1));

  /* Parties take seats left to right; within a party, the seats just won
   * come first, so they form a wedge of their own. */
  for (guint i = 0; i < data->n_entries; i++)
    for (guint j = 0; j < data->entries[i].seats; j++)
      {
        layout->seat_up[seat] = data->has_seats_up && j < data->entries[i].seats_up;
        layout->seat_party[seat++] = (int) i;
      }
  while (seat < n_seats)
    layout->seat_party[seat++] = -1;

  _tally_chart_frame_layout (&layout->frame, style, &data->heading, width, height);

  if (layout->majority > 0)
    {
      g_autofree char *count = _tally_chart_format_count (layout->majority);
      g_autofree char *text = g_strdup_printf ("%s for a majority", count);

      layout->majority_label = _tally_chart_text_new (style, TALLY_CHART_FONT_SMALL, text);
      label_height = _tally_chart_text_height (layout->majority_label) + _tally_chart_px (style, 2);
    }

  /* The half ring spans 2 (1 + seat radius) by 1 + seat radius units;
   * above it stand the majority tick and its label. */
  extent = 1 + geometry->seat_radius;
  top_extra = layout->majority > 0 ? label_height + tick : 0;

  /* The legend.  On a page taller than the half ring's 2:1 (square,
   * portrait), the ring is as wide as the page, and what it leaves goes to
   * a party table whose rows spread out to fill it, in the legend's own
   * type: a tall page fills by layout, never by larger type.  Where the
   * ring leaves too little (landscape pages), the legend is flowed in
   * lines under it. */
  if (style->show_legend)
    {
      double spare = layout->frame.body.height - top_extra - layout->frame.body.width / 2;
      double table_gap = _tally_chart_px (style, 18);

      layout->note = _tally_chart_seats_up_note_new (style, data, layout->frame.body.width, &note_height);
      if (note_height > 0)
        note_height += _tally_chart_px (style, 6);
      if (style->fill &&
          _tally_chart_seat_table_shortest (style, data) + table_gap + note_height <= spare)
        layout->table = _tally_chart_seat_table_new (style, data, layout->frame.body.width);
      if (layout->table && layout->table->height + table_gap + note_height > spare)
        g_clear_pointer (&layout->table, _tally_chart_seat_table_free);

      /* The ring takes the page's width; the table the height it leaves. */
      if (layout->table)
        legend_height = _tally_chart_seat_table_fit (layout->table, style, layout->frame.body.width,
                                                     spare - table_gap - note_height) + table_gap;
      else
        {
          layout->legend = _tally_chart_seat_legend_new (style, data, layout->frame.body.width, &legend_height);
          if (legend_height > 0)
            legend_height += _tally_chart_px (style, 16);
        }
    }
  available_height = layout->frame.body.height - legend_height - note_height;
  layout->radius = MIN (layout->frame.body.width / (2 * extent),
                        (available_height - top_extra) / extent);
  layout->radius = MAX (layout->radius, 1);

  block_height = top_extra + extent * layout->radius + legend_height + note_height;
  top = layout->frame.body.y + MAX ((layout->frame.body.height - block_height) / 2, 0);
  /* On a whole pixel, so the majority mark is crisp on an image. */
  layout->centre_x = round (layout->frame.body.x + layout->frame.body.width / 2);
  layout->centre_y = top + top_extra + extent * layout->radius;

  innermost = geometry->n_rows > 0 ? geometry->row_radius[0] : 1;
  layout->majority_outer = extent + tick / layout->radius;
  layout->majority_inner = MAX (innermost - geometry->seat_radius - tick / layout->radius, 0);
  if (layout->majority_label)
    layout->majority_label_y = layout->centre_y - layout->majority_outer * layout->radius - label_height;

  /* The total in the hollow of the ring, where it fits. */
  if (n_seats > 0)
    {
      g_autofree char *total = _tally_chart_format_count (n_seats);
      double hollow = (innermost - geometry->seat_radius) * layout->radius;
      TallyChartFont fonts[] = { TALLY_CHART_FONT_FIGURE, TALLY_CHART_FONT_FIGURE_SMALL };

      for (guint i = 0; i < G_N_ELEMENTS (fonts) && layout->total_figure == NULL; i++)
        {
          g_autoptr(PangoLayout) figure = _tally_chart_text_new (style, fonts[i], total);
          g_autoptr(PangoLayout) caption = _tally_chart_text_new (style, TALLY_CHART_FONT_SMALL, "seats");
          double figure_width, figure_height, caption_width, caption_height;

          _tally_chart_text_size (figure, &figure_width, &figure_height);
          _tally_chart_text_size (caption, &caption_width, &caption_height);
          if (MAX (figure_width, caption_width) < 1.5 * hollow &&
              figure_height + caption_height < 0.9 * hollow)
            {
              layout->total_figure = g_steal_pointer (&figure);
              layout->total_caption = g_steal_pointer (&caption);
              layout->total_y = layout->centre_y - figure_height - caption_height + _tally_chart_px (style, 2);
            }
        }
    }

  layout->legend_x = layout->table ? layout->centre_x - layout->table->width / 2 : layout->frame.body.x;
  layout->legend_y = layout->centre_y + _tally_chart_px (style, 16);
  layout->note_x = layout->frame.body.x;
  layout->note_y = layout->legend_y + legend_height - _tally_chart_px (style, 16) + _tally_chart_px (style, 8);

  return layout;
}

void
tally_hemicycle_layout_free (TallyHemicycleLayout *layout)
{
  if (layout == NULL)
    return;

  tally_hemicycle_geometry_free (layout->geometry);
  _tally_chart_frame_clear (&layout->frame);
  g_free (layout->seat_party);
  g_free (layout->seat_up);
  g_clear_object (&layout->majority_label);
  g_clear_object (&layout->total_figure);
  g_clear_object (&layout->total_caption);
  _tally_chart_legend_clear (layout->legend);
  _tally_chart_seat_table_free (layout->table);
  _tally_chart_legend_clear (layout->note);
  g_free (layout);
}

const TallyHemicycleGeometry *
tally_hemicycle_layout_get_geometry (const TallyHemicycleLayout *layout)
{
  g_return_val_if_fail (layout != NULL, NULL);
  return layout->geometry;
}

/**
 * tally_hemicycle_layout_get_seat:
 * @seat: from 0, left to right
 * @x: (out) (optional): the centre on the canvas
 * @y: (out) (optional):
 * @radius: (out) (optional):
 * @up: (out) (optional): whether the seat was won at this election
 *
 * Returns: the entry whose seat it is, or -1 for a vacant seat
 */
int
tally_hemicycle_layout_get_seat (const TallyHemicycleLayout *layout,
                                 guint                       seat,
                                 double                     *x,
                                 double                     *y,
                                 double                     *radius,
                                 gboolean                   *up)
{
  const TallyHemicycleSeat *place;

  g_return_val_if_fail (layout != NULL, -1);
  g_return_val_if_fail (seat < layout->geometry->n_seats, -1);

  place = &layout->geometry->seats[seat];
  if (x)
    *x = layout->centre_x + place->x * layout->radius;
  if (y)
    *y = layout->centre_y - place->y * layout->radius;
  if (radius)
    *radius = layout->geometry->seat_radius * layout->radius;
  if (up)
    *up = layout->seat_up[seat];

  return layout->seat_party[seat];
}

/**
 * tally_hemicycle_layout_get_majority_seat:
 *
 * Returns: the seat, counted from 0 left to right, that gives a party
 *   filling the seats from the left a majority; the mark stands on it (or,
 *   for an even number of seats, just left of it)
 */
guint
tally_hemicycle_layout_get_majority_seat (const TallyHemicycleLayout *layout)
{
  g_return_val_if_fail (layout != NULL, 0);
  return layout->majority > 0 ? layout->majority - 1 : 0;
}

/**
 * tally_hemicycle_layout_get_majority_line:
 *
 * Returns: whether there is a majority mark; if so its ends on the canvas
 */
gboolean
tally_hemicycle_layout_get_majority_line (const TallyHemicycleLayout *layout,
                                          double                     *x0,
                                          double                     *y0,
                                          double                     *x1,
                                          double                     *y1)
{
  double angle;

  g_return_val_if_fail (layout != NULL, FALSE);

  if (layout->majority == 0)
    return FALSE;

  angle = layout->geometry->majority_angle;
  *x0 = layout->centre_x + layout->majority_inner * layout->radius * cos (angle);
  *y0 = layout->centre_y - layout->majority_inner * layout->radius * sin (angle);
  *x1 = layout->centre_x + layout->majority_outer * layout->radius * cos (angle);
  *y1 = layout->centre_y - layout->majority_outer * layout->radius * sin (angle);
  return TRUE;
}

/**
 * tally_hemicycle_layout_lookup_item:
 *
 * Returns: the entry whose seat or legend line is at @x, @y, or -1
 */
int
tally_hemicycle_layout_lookup_item (const TallyHemicycleLayout *layout,
                                    double                      x,
                                    double                      y)
{
  const TallyHemicycleGeometry *geometry;
  double reach;

  g_return_val_if_fail (layout != NULL, -1);

  geometry = layout->geometry;
  reach = geometry->seat_radius * layout->radius * 1.15;
  for (guint seat = 0; seat < geometry->n_seats; seat++)
    {
      double dx = layout->centre_x + geometry->seats[seat].x * layout->radius - x;
      double dy = layout->centre_y - geometry->seats[seat].y * layout->radius - y;

      if (dx * dx + dy * dy <= reach * reach)
        return layout->seat_party[seat];
    }

  if (layout->table)
    return _tally_chart_seat_table_lookup (layout->table, layout->legend_x, layout->legend_y, x, y);
  return _tally_chart_legend_lookup (layout->legend, layout->legend_x, layout->legend_y, x, y);
}

/**
 * tally_hemicycle_layout_get_item_bounds:
 *
 * Returns: whether @item has seats; if so, the box round them
 */
gboolean
tally_hemicycle_layout_get_item_bounds (const TallyHemicycleLayout *layout,
                                        guint                       item,
                                        double                     *x,
                                        double                     *y,
                                        double                     *width,
                                        double                     *height)
{
  double left = G_MAXDOUBLE, top = G_MAXDOUBLE, right = -G_MAXDOUBLE, bottom = -G_MAXDOUBLE;
  double radius;

  g_return_val_if_fail (layout != NULL, FALSE);

  radius = layout->geometry->seat_radius * layout->radius;
  for (guint seat = 0; seat < layout->geometry->n_seats; seat++)
    {
      double seat_x, seat_y;

      if (layout->seat_party[seat] != (int) item)
        continue;

      tally_hemicycle_layout_get_seat (layout, seat, &seat_x, &seat_y, NULL, NULL);
      left = MIN (left, seat_x - radius);
      right = MAX (right, seat_x + radius);
      top = MIN (top, seat_y - radius);
      bottom = MAX (bottom, seat_y + radius);
    }

  if (left > right)
    return FALSE;

  *x = left;
  *y = top;
  *width = right - left;
  *height = bottom - top;
  return TRUE;
}

/* Painting */

/**
 * tally_hemicycle_paint:
 * @highlight: an entry to bring forward (hovered or focused), or -1
 *
 * Paints a laid-out hemicycle.
 */
void
tally_hemicycle_paint (cairo_t                    *cr,
                       const TallyHemicycleLayout *layout,
                       const TallySeatChartData   *data,
                       const TallyChartStyle      *style,
                       int                         highlight)
{
  const TallyHemicycleGeometry *geometry;
  double seat_radius;
  double x0, y0, x1, y1;

  g_return_if_fail (cr != NULL);
  g_return_if_fail (layout != NULL);
  g_return_if_fail (data != NULL && data->n_entries == layout->n_entries);

  geometry = layout->geometry;
  seat_radius = geometry->seat_radius * layout->radius;

  cairo_save (cr);

  _tally_chart_frame_paint (cr, &layout->frame, style);

  /* The majority mark shows between the rows and stops short of the
   * seats it passes through, so pale seats on a transparent page do not
   * show it through them. */
  if (tally_hemicycle_layout_get_majority_line (layout, &x0, &y0, &x1, &y1))
    {
      double angle = geometry->majority_angle;
      double from = layout->majority_inner;
      double clearance = geometry->seat_radius * 1.08;

      _tally_chart_set_rgb (cr, style->rule, 1);
      cairo_set_line_width (cr, _tally_chart_px (style, 2));
      for (guint row = 0; row <= geometry->n_rows; row++)
        {
          double to = row < geometry->n_rows ? geometry->row_radius[row] - clearance : layout->majority_outer;

          /* Only rows with a seat on the mark interrupt it. */
          if (row < geometry->n_rows && geometry->row_seats[row] % 2 == 0)
            continue;
          if (to > from)
            {
              cairo_move_to (cr, layout->centre_x + from * layout->radius * cos (angle),
                             layout->centre_y - from * layout->radius * sin (angle));
              cairo_line_to (cr, layout->centre_x + to * layout->radius * cos (angle),
                             layout->centre_y - to * layout->radius * sin (angle));
            }
          if (row < geometry->n_rows)
            from = geometry->row_radius[row] + clearance;
        }
      cairo_stroke (cr);
      _tally_chart_text_paint_aligned (cr, layout->majority_label, layout->centre_x,
                                       layout->majority_label_y, TALLY_CHART_ALIGN_CENTER, style->ink_secondary, 1);
    }

  /* Seats are stamped: one small image per party and kind of seat,
   * painted at each place (on vector surfaces, a path each). */
  {
    guint n_stamps = 2 * (data->n_entries + 1);
    g_autofree TallyChartStamp *stamps = g_new0 (TallyChartStamp, n_stamps);
    g_autofree gboolean *ready = g_new0 (gboolean, n_stamps);

    for (guint seat = 0; seat < geometry->n_seats; seat++)
      {
        int entry = layout->seat_party[seat];
        guint key = 2 * (guint) (entry + 1) + (layout->seat_up[seat] ? 1 : 0);

        if (!ready[key])
          {
            gboolean not_up = data->has_seats_up && !layout->seat_up[seat];
            gboolean outline = not_up && style->not_up_outline;
            TallyChartRgb colour = entry < 0 ? style->ink_faint
                                             : tally_chart_party_rgb (&data->entries[entry].party, style);
            double alpha = not_up && !outline ? _tally_chart_not_up_alpha (style, colour) : 1.0;

            if (highlight >= 0 && entry != highlight)
              alpha *= 0.3;

            if (entry < 0)
              /* A vacant seat: an outline, not a colour. */
              _tally_chart_stamp_init (&stamps[key], cr, TALLY_CHART_STAMP_RING, 2 * seat_radius, 0,
                                       _tally_chart_px (style, 1.5), style->ink_faint, alpha);
            else
              {
                _tally_chart_on_page (style, colour, alpha, &colour, &alpha);
                if (outline)
                  /* The pattern for print: a ring in the party's own colour. */
                  _tally_chart_stamp_init (&stamps[key], cr, TALLY_CHART_STAMP_RING, 2 * seat_radius, 0,
                                           seat_radius * 0.5, colour, alpha);
                else
                  _tally_chart_stamp_init (&stamps[key], cr, TALLY_CHART_STAMP_DISC, 2 * seat_radius, 0, 0,
                                           colour, alpha);
              }
            ready[key] = TRUE;
          }

        _tally_chart_stamp_paint (cr, &stamps[key],
                                  layout->centre_x + geometry->seats[seat].x * layout->radius,
                                  layout->centre_y - geometry->seats[seat].y * layout->radius);
      }

    for (guint key = 0; key < n_stamps; key++)
      _tally_chart_stamp_clear (&stamps[key]);
  }

  if (layout->total_figure)
    {
      double figure_height = _tally_chart_text_height (layout->total_figure);

      _tally_chart_text_paint_aligned (cr, layout->total_figure, layout->centre_x,
                                       layout->total_y, TALLY_CHART_ALIGN_CENTER, style->ink, 1);
      _tally_chart_text_paint_aligned (cr, layout->total_caption, layout->centre_x,
                                       layout->total_y + figure_height - _tally_chart_px (style, 4),
                                       TALLY_CHART_ALIGN_CENTER, style->ink_secondary, 1);
    }

  if (layout->table)
    _tally_chart_seat_table_paint (cr, layout->table, layout->legend_x, layout->legend_y, data, style, TRUE, highlight);
  else if (layout->legend)
    _tally_chart_seat_legend_paint (cr, layout->legend, layout->legend_x, layout->legend_y, data, style, TRUE,
                                    highlight);
  _tally_chart_seats_up_note_paint (cr, layout->note, layout->note_x, layout->note_y, data, style, TRUE);

  cairo_restore (cr);
}

/**
 * tally_hemicycle_draw:
 *
 * Draws the hemicycle of @data on @cr, on a canvas of @width × @height
 * from the origin: in a widget, an image, SVG or PDF alike.
 */
void
tally_hemicycle_draw (cairo_t                  *cr,
                      double                    width,
                      double                    height,
                      const TallySeatChartData *data,
                      const TallyChartStyle    *style)
{
  g_autoptr(TallyHemicycleLayout) layout = NULL;

  g_return_if_fail (cr != NULL);
  g_return_if_fail (data != NULL);
  g_return_if_fail (style != NULL);

  layout = tally_hemicycle_layout_new (data, style, width, height);
  tally_hemicycle_paint (cr, layout, data, style, -1);
}
