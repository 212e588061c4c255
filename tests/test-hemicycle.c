/* test-hemicycle.c: the hemicycle's layout, as numbers.
 *
 * For the sizes of English councils, from 9 seats to 120: every seat has a
 * place, no two overlap, the rows hold what they should, each party gets
 * its seats in one wedge, and the majority mark stands at the right seat.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <math.h>

#include "tally-chart-legend-private.h"
#include "tally-chart-private.h"
#include "tally-hemicycle.h"
#include "tally-waffle.h"

static const guint sizes[] = { 9, 13, 35, 54, 63, 101, 120 };

/* Rows chosen for the look of each size: small bodies in one or two rows,
 * not spread thin (ParliamentDiagram issue 39), larger ones not a thin arc
 * (issue 101). */
static const guint expected_rows[] = { 1, 2, 3, 4, 4, 6, 6 };

static void
test_rows (void)
{
  guint previous = 1;

  for (guint i = 0; i < G_N_ELEMENTS (sizes); i++)
    g_assert_cmpuint (tally_hemicycle_choose_rows (sizes[i]), ==, expected_rows[i]);

  /* More seats never means fewer rows. */
  for (guint seats = 1; seats <= 200; seats++)
    {
      guint rows = tally_hemicycle_choose_rows (seats);

      g_assert_cmpuint (rows, >=, previous);
      previous = rows;
    }
}

static void
check_geometry (guint n_seats)
{
  g_autoptr(TallyHemicycleGeometry) geometry = tally_hemicycle_geometry_new (n_seats);
  g_autofree guint *per_row = g_new0 (guint, geometry->n_rows);
  double seat_radius = geometry->seat_radius;
  guint sum = 0;

  g_test_message ("%u seats: %u rows, seat radius %.3f", n_seats, geometry->n_rows, seat_radius);
  g_assert_cmpuint (geometry->n_seats, ==, n_seats);
  g_assert_cmpfloat (seat_radius, >, 0.02);

  /* Rows hold every seat, more outwards, and the outermost is at 1. */
  for (guint row = 0; row < geometry->n_rows; row++)
    {
      sum += geometry->row_seats[row];
      g_assert_cmpuint (geometry->row_seats[row], >=, 1);
      if (row > 0)
        {
          g_assert_cmpuint (geometry->row_seats[row], >=, geometry->row_seats[row - 1]);
          g_assert_cmpfloat (geometry->row_radius[row], >, geometry->row_radius[row - 1] + 2 * seat_radius);
        }
    }
  g_assert_cmpuint (sum, ==, n_seats);
  g_assert_cmpfloat_with_epsilon (geometry->row_radius[geometry->n_rows - 1], 1.0, 1e-12);
  /* A hollow is left in the middle, for the total. */
  g_assert_cmpfloat (geometry->row_radius[0] - seat_radius, >, 0.25);

  for (guint seat = 0; seat < n_seats; seat++)
    {
      const TallyHemicycleSeat *place = &geometry->seats[seat];
      double distance = hypot (place->x, place->y);

      /* A place on its row, within the half ring and above the base. */
      g_assert_true (isfinite (place->x) && isfinite (place->y));
      g_assert_cmpuint (place->row, <, geometry->n_rows);
      per_row[place->row]++;
      g_assert_cmpfloat_with_epsilon (distance, geometry->row_radius[place->row], 1e-9);
      g_assert_cmpfloat (place->y, >=, seat_radius - 1e-9);
      g_assert_cmpfloat (distance + seat_radius, <=, 1 + seat_radius + 1e-9);
      g_assert_cmpfloat_with_epsilon (atan2 (place->y, place->x), place->angle, 1e-9);

      /* Left to right. */
      if (seat > 0)
        g_assert_cmpfloat (place->angle, <=, geometry->seats[seat - 1].angle + 1e-12);

      /* No two seats overlap, with a visible gap between neighbours. */
      for (guint other = seat + 1; other < n_seats; other++)
        g_assert_cmpfloat (hypot (place->x - geometry->seats[other].x, place->y - geometry->seats[other].y),
                           >=, 2 * seat_radius * 1.1);
    }

  for (guint row = 0; row < geometry->n_rows; row++)
    g_assert_cmpuint (per_row[row], ==, geometry->row_seats[row]);

  /* Rows are evenly dense: the spacing along each row is within a third
   * of the spacing between rows. */
  if (geometry->n_rows > 1)
    {
      double across = geometry->row_radius[1] - geometry->row_radius[0];

      for (guint row = 0; row < geometry->n_rows; row++)
        {
          double margin = asin (seat_radius / geometry->row_radius[row]);
          double along = geometry->row_radius[row] * (G_PI - 2 * margin) / (geometry->row_seats[row] - 1);

          g_assert_cmpfloat (fabs (along - across) / across, <, 0.34);
        }
    }

  /* The layout is symmetric about the vertical. */
  for (guint seat = 0; seat < n_seats; seat++)
    {
      gboolean mirrored = FALSE;

      for (guint other = 0; other < n_seats && !mirrored; other++)
        mirrored = fabs (geometry->seats[other].x + geometry->seats[seat].x) < 1e-9 &&
                   fabs (geometry->seats[other].y - geometry->seats[seat].y) < 1e-9;
      g_assert_true (mirrored);
    }
}

static void
test_geometry (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (sizes); i++)
    check_geometry (sizes[i]);
  for (guint seats = 1; seats <= 150; seats++)
    {
      g_autoptr(TallyHemicycleGeometry) geometry = tally_hemicycle_geometry_new (seats);

      g_assert_cmpuint (geometry->n_seats, ==, seats);
    }
}

/* Four parties, left to right, sharing @n_seats; a vacancy when @vacant. */
static TallySeatChartData *
make_data (guint    n_seats,
           gboolean vacant)
{
  TallySeatChartData *data = tally_seat_chart_data_new (4);
  const char *keys[] = { "GRN", "LAB", "LD", "CON" };
  const char *colours[] = { "#02A95B", "#E4003B", "#FAA61A", "#0087DC" };
  guint filled = vacant ? n_seats - 1 : n_seats;

  data->entries[0].seats = MAX (1, filled / 20);
  data->entries[1].seats = filled * 45 / 100;
  data->entries[2].seats = MAX (1, filled / 12);
  data->entries[3].seats = filled - data->entries[0].seats - data->entries[1].seats - data->entries[2].seats;
  for (guint i = 0; i < 4; i++)
    tally_chart_party_init (&data->entries[i].party, keys[i], keys[i], keys[i], colours[i], colours[i]);
  data->total = n_seats;
  data->majority = n_seats / 2 + 1;
  tally_chart_heading_set (&data->heading, "Council", "Subtitle", "Source");

  return data;
}

static void
check_layout (guint    n_seats,
              gboolean vacant)
{
  g_autoptr(TallySeatChartData) data = make_data (n_seats, vacant);
  g_autoptr(TallyHemicycleLayout) layout = NULL;
  const TallyHemicycleGeometry *geometry;
  TallyChartStyle style;
  guint counts[4] = { 0 }, vacancies = 0, majority_seat, left_of_mark = 0, on_or_left = 0;
  int last_entry = 0;
  double x0, y0, x1, y1, seat_x, seat_y, radius;

  tally_chart_style_init (&style, TALLY_CHART_BACKGROUND_LIGHT);
  layout = tally_hemicycle_layout_new (data, &style, 800, 500);
  geometry = tally_hemicycle_layout_get_geometry (layout);
  g_assert_cmpuint (geometry->n_seats, ==, n_seats);

  for (guint seat = 0; seat < n_seats; seat++)
    {
      int entry = tally_hemicycle_layout_get_seat (layout, seat, &seat_x, &seat_y, &radius, NULL);

      /* On the canvas, inside it. */
      g_assert_cmpfloat (seat_x - radius, >=, 0);
      g_assert_cmpfloat (seat_x + radius, <=, 800);
      g_assert_cmpfloat (seat_y - radius, >=, 0);
      g_assert_cmpfloat (seat_y + radius, <=, 500);

      if (entry < 0)
        {
          vacancies++;
          continue;
        }

      /* Contiguous wedges in left-to-right order. */
      g_assert_cmpint (entry, >=, last_entry);
      last_entry = entry;
      counts[entry]++;
    }

  for (guint i = 0; i < 4; i++)
    g_assert_cmpuint (counts[i], ==, data->entries[i].seats);
  g_assert_cmpuint (vacancies, ==, vacant ? 1 : 0);

  /* The mark: a party filling seats from the left reaches it with its
   * majority-th seat, and not before. */
  majority_seat = tally_hemicycle_layout_get_majority_seat (layout);
  g_assert_cmpuint (majority_seat, ==, data->majority - 1);
  for (guint seat = 0; seat < n_seats; seat++)
    {
      if (geometry->seats[seat].angle > geometry->majority_angle + 1e-9)
        left_of_mark++;
      if (geometry->seats[seat].angle >= geometry->majority_angle - 1e-9)
        on_or_left++;
    }
  g_assert_cmpuint (left_of_mark, <=, data->majority - 1);
  g_assert_cmpuint (on_or_left, >=, data->majority);
  g_assert_cmpfloat (geometry->seats[majority_seat - 1].angle, >=, geometry->majority_angle - 1e-9);
  g_assert_cmpfloat (geometry->seats[majority_seat].angle, <=, geometry->majority_angle + 1e-9);
  if (n_seats % 2 == 1)
    g_assert_cmpfloat_with_epsilon (geometry->seats[majority_seat].angle, G_PI / 2, 1e-9);

  /* Drawn as a vertical line through the middle, past the outer row. */
  g_assert_true (tally_hemicycle_layout_get_majority_line (layout, &x0, &y0, &x1, &y1));
  g_assert_cmpfloat_with_epsilon (x0, x1, 1e-9);
  tally_hemicycle_layout_get_seat (layout, majority_seat, &seat_x, &seat_y, &radius, NULL);
  if (n_seats % 2 == 1)
    g_assert_cmpfloat_with_epsilon (x0, seat_x, 1e-6);
  g_assert_cmpfloat (MIN (y0, y1), <, seat_y - radius);
}

static void
test_layout (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (sizes); i++)
    {
      check_layout (sizes[i], FALSE);
      check_layout (sizes[i], TRUE);
    }
}

static void
test_lookup (void)
{
  g_autoptr(TallySeatChartData) data = make_data (63, FALSE);
  g_autoptr(TallyHemicycleLayout) layout = NULL;
  TallyChartStyle style;

  tally_chart_style_init (&style, TALLY_CHART_BACKGROUND_LIGHT);
  layout = tally_hemicycle_layout_new (data, &style, 640, 400);

  for (guint seat = 0; seat < 63; seat++)
    {
      double x, y, radius;
      int entry = tally_hemicycle_layout_get_seat (layout, seat, &x, &y, &radius, NULL);

      g_assert_cmpint (tally_hemicycle_layout_lookup_item (layout, x, y), ==, entry);
      g_assert_cmpint (tally_hemicycle_layout_lookup_item (layout, x + radius * 0.9, y), ==, entry);
    }
  g_assert_cmpint (tally_hemicycle_layout_lookup_item (layout, 1, 1), ==, -1);
}

static void
test_waffle_grid (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (sizes); i++)
    {
      guint rows, columns;

      tally_waffle_choose_grid (sizes[i], &rows, &columns);
      g_assert_cmpuint (rows * columns, >=, sizes[i]);
      g_assert_cmpuint (rows * columns - sizes[i], <, rows);
      g_assert_cmpuint (columns, >=, rows);
    }
}

static void
test_ticks (void)
{
  double first, step;
  guint n;

  n = _tally_chart_nice_ticks (0, 47.3, 6, &first, &step);
  g_assert_cmpfloat (first, ==, 0);
  g_assert_cmpfloat (step, ==, 10);
  g_assert_cmpuint (n, ==, 6);

  n = _tally_chart_nice_ticks (-7.2, 12.5, 6, &first, &step);
  g_assert_cmpfloat (step, ==, 5);
  g_assert_cmpfloat (first, ==, -10);
  g_assert_cmpuint (n, ==, 6);
  g_assert_cmpfloat (first + step * (n - 1), >=, 12.5);
}

/* The legend and the party table list parties in results order, as every
 * view does (most seats first, Others last), whatever the ring's spectrum:
 * ring Green 3, Labour 10, Others 12, Conservative 20 reads Con, Lab,
 * Green, Others. */
static void
test_legend_order (void)
{
  g_autoptr(TallySeatChartData) data = tally_seat_chart_data_new (4);
  const char *keys[] = { "GRN", "LAB", "OTH", "CON" };
  const guint seats[] = { 3, 10, 12, 20 };
  const guint expected[] = { 3, 1, 0, 2 };
  TallyChartStyle style;
  TallyChartSeatTable *table;
  GArray *items;
  double height;

  for (guint i = 0; i < 4; i++)
    {
      tally_chart_party_init (&data->entries[i].party, keys[i], keys[i], keys[i], "#808080", "#808080");
      data->entries[i].seats = seats[i];
    }
  data->entries[2].party.aggregate = TRUE;
  data->total = 45;
  data->majority = 23;
  tally_chart_style_init (&style, TALLY_CHART_BACKGROUND_LIGHT);

  items = _tally_chart_seat_legend_new (&style, data, 2000, &height);
  g_assert_cmpuint (items->len, ==, 4);
  for (guint i = 0; i < 4; i++)
    g_assert_cmpuint (g_array_index (items, TallyChartLegendItem, i).item, ==, expected[i]);
  /* On one line, left to right in that order. */
  for (guint i = 1; i < 4; i++)
    g_assert_cmpfloat (g_array_index (items, TallyChartLegendItem, i).rect.x, >,
                       g_array_index (items, TallyChartLegendItem, i - 1).rect.x);
  _tally_chart_legend_clear (items);

  table = _tally_chart_seat_table_new (&style, data, 600);
  g_assert_cmpuint (table->rows->len, ==, 4);
  for (guint i = 0; i < 4; i++)
    g_assert_cmpuint (g_array_index (table->rows, TallyChartTableRow, i).item, ==, expected[i]);
  _tally_chart_seat_table_free (table);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/hemicycle/rows", test_rows);
  g_test_add_func ("/hemicycle/geometry", test_geometry);
  g_test_add_func ("/hemicycle/layout", test_layout);
  g_test_add_func ("/hemicycle/lookup", test_lookup);
  g_test_add_func ("/hemicycle/legend-order", test_legend_order);
  g_test_add_func ("/layout/waffle-grid", test_waffle_grid);
  g_test_add_func ("/layout/ticks", test_ticks);

  return g_test_run ();
}
