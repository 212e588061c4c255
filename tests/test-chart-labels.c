/* test-chart-labels.c: labels where readers need them, and never on top of
 * something else, checked on the boxes the layouts compute.
 *
 * The swingometer's reference label ("All councils +3.2 pts") never sits
 * on the needle, whatever the swing and the reference, at each preset's
 * shape: the shortest distance from the needle's blade to the label's box
 * is more than the blade's half-width.  The swing scatter names its
 * outliers and the selected council, and no two names meet.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <math.h>
#include <string.h>

#include "tally-chart-data.h"
#include "tally-chart-style.h"
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

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/chart-labels/swingometer-reference", test_swingometer_reference);
  g_test_add_data_func ("/chart-labels/scatter-names", GINT_TO_POINTER (TRUE), test_scatter_names);
  g_test_add_data_func ("/chart-labels/dot-plot-names", GINT_TO_POINTER (FALSE), test_scatter_names);

  return g_test_run ();
}
