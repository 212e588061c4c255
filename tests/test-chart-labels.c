/* test-chart-labels.c: labels where readers need them, and never on top of
 * something else, checked on the boxes the layouts compute.
 *
 * The swingometer's reference label ("All councils +3.2 pts") never sits
 * on the needle, whatever the swing and the reference, at each preset's
 * shape: the shortest distance from the needle's blade to the label's box
 * is more than the blade's half-width.  The swing scatter names its
 * outliers and the selected council, and no two names meet.  The seat
 * and share bars' party names, values and changes never meet, however
 * long the bar, the loss or the name, and the seat bars' key for their pale
 * bars and notches meets none of them.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <math.h>
#include <string.h>

#include "tally-chart-data.h"
#include "tally-chart-style.h"
#include "tally-seat-bars.h"
#include "tally-share-bars.h"
#include "tally-swing-scatter.h"
#include "tally-swingometer.h"

static const int sizes[][2] = { { 1200, 675 }, { 1080, 1080 }, { 1600, 900 }, { 794, 1123 }, { 1123, 794 },
                                { 559, 794 }, { 420, 340 } };

/* From the segment (x0, y0)–(x1, y1) to the box, at its nearest. */
static double
segment_to_box (double x0, double y0, double x1, double y1,
                double x, double y, double width, double height)
{
  double nearest = G_MAXDOUBLE;

  for (guint i = 0; i <= 1000; i++)
    {
      double px = x0 + (x1 - x0) * i / 1000.0, py = y0 + (y1 - y0) * i / 1000.0;
      double dx = MAX (MAX (x - px, 0), px - (x + width));
      double dy = MAX (MAX (y - py, 0), py - (y + height));

      nearest = MIN (nearest, hypot (dx, dy));
    }
  return nearest;
}

static void
test_swingometer_reference (void)
{
  const double offsets[] = { -1.5, -0.6, -0.2, 0, 0.15, 0.4, 1.2 };
  TallyChartStyle style;
  guint checked = 0, moved = 0;

  tally_chart_style_init (&style, TALLY_CHART_BACKGROUND_LIGHT);
  for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
    for (double swing = -9; swing <= 9; swing += 0.75)
      for (guint o = 0; o < G_N_ELEMENTS (offsets); o++)
        {
          g_autoptr(TallySwingometerData) data = tally_swingometer_data_new ();
          g_autoptr(TallySwingometerLayout) layout = NULL;
          double cx, cy, radius, tip_x, tip_y, x, y, width, height, distance;

          tally_chart_party_init (&data->from, "CON", "Con", "Conservative", "#0087DC", "#0087DC");
          tally_chart_party_init (&data->to, "LAB", "Lab", "Labour", "#E4003B", "#E4003B");
          tally_chart_heading_set (&data->heading, "Trafford", "Swing", "Test");
          data->swing = swing;
          data->has_reference = TRUE;
          data->reference = swing + offsets[o];
          data->reference_label = g_strdup ("All councils");

          layout = tally_swingometer_layout_new (data, &style, sizes[s][0], sizes[s][1]);
          g_assert_true (tally_swingometer_layout_get_reference_box (layout, &x, &y, &width, &height));
          tally_swingometer_layout_get_dial (layout, &cx, &cy, &radius);
          tally_swingometer_layout_get_needle_tip (layout, &tip_x, &tip_y);
          distance = segment_to_box (cx, cy, tip_x, tip_y, x, y, width, height);
          if (distance <= 3.5)
            g_error ("%d×%d, swing %.2f, reference %.2f: the label (%.1f, %.1f, %.1f × %.1f) is %.1f px from the "
                     "needle", sizes[s][0], sizes[s][1], swing, data->reference, x, y, width, height, distance);
          g_assert_cmpfloat (x, >=, 0);
          g_assert_cmpfloat (x + width, <=, sizes[s][0]);
          moved += distance < 40;
          checked++;
        }
  g_test_message ("%u layouts checked, %u with the label close by the needle", checked, moved);
  g_assert_cmpuint (checked, >, 500);
}

/* Sixty councils around a swing of 4 points, and four far out. */
static TallySwingScatterData *
make_field (gboolean has_y)
{
  TallySwingScatterData *data = tally_swing_scatter_data_new (64, 1);

  tally_chart_heading_set (&data->heading, "Swing", "Councils", "Test");
  tally_chart_party_init (&data->legend[0], "LAB", "Lab", "Labour", "#E4003B", "#E4003B");
  data->has_y = has_y;
  data->x_label = g_strdup ("Swing from Con to Lab (points)");
  data->y_label = has_y ? g_strdup ("Turnout (%)") : NULL;
  for (guint i = 0; i < 64; i++)
    {
      TallySwingScatterPoint *point = &data->points[i];

      point->key = g_strdup_printf ("E0%07u", i);
      point->name = g_strdup_printf ("Council %u", i);
      point->group = g_strdup ("Lab");
      /* A spread of ±3 points (deterministic), and the four far out. */
      point->x = 4 + 3 * sin (i * 2.399);
      point->y = 35 + 5 * cos (i * 1.7);
      g_assert_true (tally_chart_rgb_parse ("#E4003B", &point->colour));
      point->colour_safe = point->colour;
    }
  data->points[60].x = 19;
  data->points[61].x = -12;
  data->points[62].x = 16;
  data->points[63].x = -9;
  g_free (data->points[60].name);
  data->points[60].name = g_strdup ("Far Borough");
  data->selected_key = g_strdup (data->points[5].key);
  return data;
}

static void
test_scatter_names (gconstpointer has_y_data)
{
  gboolean has_y = GPOINTER_TO_INT (has_y_data);
  g_autoptr(TallySwingScatterData) data = make_field (has_y);
  TallyChartStyle style;

  tally_chart_style_init (&style, TALLY_CHART_BACKGROUND_LIGHT);
  for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
    {
      g_autoptr(TallySwingScatterLayout) layout = tally_swing_scatter_layout_new (data, &style, sizes[s][0],
                                                                                  sizes[s][1]);
      guint n = tally_swing_scatter_layout_get_n_labels (layout);
      gboolean far = FALSE;
      double x, y, width, height;

      /* The selected council first, then the outliers, the furthest named. */
      g_assert_cmpuint (n, >=, 3);
      g_assert_cmpint (tally_swing_scatter_layout_get_label (layout, 0, &x, &y, &width, &height), ==, 5);
      for (guint i = 1; i < n; i++)
        {
          int point = tally_swing_scatter_layout_get_label (layout, i, &x, &y, &width, &height);

          /* Only the far councils are outliers: the field's own are not named. */
          g_assert_cmpint (point, >=, 60);
          far |= point == 60;
        }
      g_assert_true (far);

      for (guint i = 0; i < n; i++)
        {
          double ax, ay, aw, ah;

          tally_swing_scatter_layout_get_label (layout, i, &ax, &ay, &aw, &ah);
          g_assert_cmpfloat (ax, >=, 0);
          g_assert_cmpfloat (ax + aw, <=, sizes[s][0]);
          for (guint j = i + 1; j < n; j++)
            {
              double bx, by, bw, bh;

              tally_swing_scatter_layout_get_label (layout, j, &bx, &by, &bw, &bh);
              if (ax < bx + bw && bx < ax + aw && ay < by + bh && by < ay + ah)
                g_error ("%d×%d: labels %u and %u overlap", sizes[s][0], sizes[s][1], i, j);
            }
        }
    }
}

static gboolean
boxes_meet (const double *a,
            const double *b)
{
  if (a[2] <= 0 || b[2] <= 0)
    return FALSE;
  return a[0] < b[0] + b[2] && b[0] < a[0] + a[2] && a[1] < b[1] + b[3] && b[1] < a[1] + a[3];
}

static void
assert_row_apart (const double *boxes,
                  int           width,
                  int           height,
                  const char   *what,
                  guint         row)
{
  static const char *names[] = { "name", "value", "change" };

  for (guint i = 0; i < 3; i++)
    {
      if (boxes[4 * i + 2] <= 0)
        continue;
      g_assert_cmpfloat (boxes[4 * i], >=, 0);
      g_assert_cmpfloat (boxes[4 * i] + boxes[4 * i + 2], <=, width + 0.5);
      for (guint j = i + 1; j < 3; j++)
        if (boxes_meet (&boxes[4 * i], &boxes[4 * j]))
          g_error ("%s at %d×%d, row %u: its %s (%.1f, %.1f × %.1f) meets its %s (%.1f, %.1f × %.1f)", what, width,
                   height, row, names[i], boxes[4 * i], boxes[4 * i + 2], boxes[4 * i + 3], names[j],
                   boxes[4 * j], boxes[4 * j + 2], boxes[4 * j + 3]);
    }
}

static const struct
{
  const char *key;
  const char *name;
  const char *colour;
  guint       seats;
  int         change;
  double      share;
  double      share_then;
} bars[] = {
  { "LAB", "Labour", "#E4003B", 1028, 77, 41.2, 35.0 },
  { "CON", "Conservative", "#0087DC", 17, -260, 12.5, 38.4 },
  { "LD", "Liberal Democrats", "#FAA61A", 0, -3, 0.8, 1.2 },
  { "IND", "Residents and Independents of the Borough", "#9A9996", 4, 4, 3.0, 0 },
  { "UKIP", "UK Independence Party", "#6D3177", 0, -126, 0.1, 17.9 },
};

static void
test_bar_labels (void)
{
  TallyChartStyle style;

  tally_chart_style_init (&style, TALLY_CHART_BACKGROUND_LIGHT);
  for (guint fill = 0; fill < 2; fill++)
    for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
      {
        g_autoptr(TallySeatChartData) seats = tally_seat_chart_data_new (G_N_ELEMENTS (bars));
        g_autoptr(TallyShareChartData) shares = tally_share_chart_data_new (G_N_ELEMENTS (bars));
        g_autoptr(TallySeatBarsLayout) seat_layout = NULL;

        style.fill = fill;
        tally_chart_heading_set (&seats->heading, "Seats", "Won", "Test");
        tally_chart_heading_set (&shares->heading, "Shares", "Vote", "Test");
        seats->has_change = TRUE;
        seats->change_label = g_strdup ("Change on 2014");
        shares->now_label = g_strdup ("2018");
        shares->then_label = g_strdup ("2014");
        for (guint i = 0; i < G_N_ELEMENTS (bars); i++)
          {
            tally_chart_party_init (&seats->entries[i].party, bars[i].key, bars[i].key, bars[i].name, bars[i].colour,
                                    bars[i].colour);
            seats->entries[i].seats = bars[i].seats;
            seats->entries[i].seats_up = bars[i].seats;
            seats->entries[i].change = bars[i].change;
            seats->total += bars[i].seats;
            tally_chart_party_init (&shares->entries[i].party, bars[i].key, bars[i].key, bars[i].name, bars[i].colour,
                                    bars[i].colour);
            shares->entries[i].share = bars[i].share;
            shares->entries[i].share_then = bars[i].share_then;
            shares->entries[i].has_then = TRUE;
          }

        seat_layout = tally_seat_bars_layout_new (seats, &style, sizes[s][0], sizes[s][1]);
        g_assert_cmpuint (tally_seat_bars_layout_get_n_rows (seat_layout), >, 0);
        for (guint r = 0; r < tally_seat_bars_layout_get_n_rows (seat_layout); r++)
          {
            double boxes[12];

            tally_seat_bars_layout_get_label_boxes (seat_layout, &style, r, boxes);
            g_assert_cmpfloat (boxes[6], >, 0);
            assert_row_apart (boxes, sizes[s][0], sizes[s][1], "seat bars", r);
          }

        /* The key for the pale bars and notches (the data has both) sits
         * inside the chart and meets no row's words. */
        {
          double key[4];

          g_assert_true (tally_seat_bars_layout_get_key_box (seat_layout, key));
          g_assert_cmpfloat (key[2], >, 0);
          g_assert_cmpfloat (key[0], >=, 0);
          g_assert_cmpfloat (key[0] + key[2], <=, sizes[s][0]);
          g_assert_cmpfloat (key[1] + key[3], <=, sizes[s][1]);
          for (guint r = 0; r < tally_seat_bars_layout_get_n_rows (seat_layout); r++)
            {
              double boxes[12];

              tally_seat_bars_layout_get_label_boxes (seat_layout, &style, r, boxes);
              for (guint i = 0; i < 3; i++)
                if (boxes_meet (key, &boxes[4 * i]))
                  g_error ("seat bars at %d×%d: the key (%.1f, %.1f × %.1f) meets row %u's label %u", sizes[s][0],
                           sizes[s][1], key[0], key[1], key[2], r, i);
            }
        }

        for (guint mode = 0; mode < 2; mode++)
          {
            g_autoptr(TallyShareBarsLayout) share_layout = NULL;

            shares->mode = mode == 0 ? TALLY_SHARE_MODE_COMPARE : TALLY_SHARE_MODE_CHANGE;
            share_layout = tally_share_bars_layout_new (shares, &style, sizes[s][0], sizes[s][1]);
            for (guint r = 0; r < shares->n_entries; r++)
              {
                double boxes[12];

                tally_share_bars_layout_get_label_boxes (share_layout, shares, &style, r, boxes);
                assert_row_apart (boxes, sizes[s][0], sizes[s][1], mode == 0 ? "share bars" : "share change", r);
              }
          }
      }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/chart-labels/swingometer-reference", test_swingometer_reference);
  g_test_add_data_func ("/chart-labels/scatter-names", GINT_TO_POINTER (TRUE), test_scatter_names);
  g_test_add_data_func ("/chart-labels/dot-plot-names", GINT_TO_POINTER (FALSE), test_scatter_names);
  g_test_add_func ("/chart-labels/bar-labels", test_bar_labels);

  return g_test_run ();
}
