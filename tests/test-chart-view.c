/* test-chart-view.c: the chart widget: layout kept per size, the one
 * lookup behind hover and click, keyboard focus over the items, updates
 * coalesced to one per frame, and the selection reaching the scatter.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <adwaita.h>
#include <gtk/gtk.h>
#include <math.h>

#include "tally-chart-view.h"
#include "tally-council.h"
#include "tally-hemicycle.h"
#include "tally-selection.h"
#include "tally-test-util.h"
#include "tally-party-style.h"
#include "tally-test-widgets.h"

static TallySeatChartData *
make_seats (void)
{
  TallySeatChartData *data = tally_seat_chart_data_new (3);
  const char *keys[] = { "LAB", "LD", "CON" };
  const char *colours[] = { "#E4003B", "#FAA61A", "#0087DC" };
  guint seats[] = { 30, 4, 29 };

  for (guint i = 0; i < 3; i++)
    {
      tally_chart_party_init (&data->entries[i].party, keys[i], keys[i], keys[i], colours[i], colours[i]);
      data->entries[i].seats = seats[i];
      data->entries[i].change = (int) i - 1;
    }
  data->total = 63;
  data->majority = 32;
  data->has_change = TRUE;
  tally_chart_heading_set (&data->heading, "Trafford", "No overall control", "Source");
  return data;
}

static void
wait_until_drawn (GtkWidget *widget)
{
  for (guint i = 0; i < 500 && (gtk_widget_get_width (widget) <= 0 || !gtk_widget_get_mapped (widget)); i++)
    g_main_context_iteration (NULL, TRUE);
  /* A few more frames for the tick callbacks. */
  for (guint i = 0; i < 20; i++)
    g_main_context_iteration (NULL, FALSE);
}

static gboolean
timeout_cb (gpointer user_data)
{
  *(gboolean *) user_data = TRUE;
  return G_SOURCE_REMOVE;
}

/* Runs the main loop until *@count reaches @expected, or a second passes. */
static void
wait_for_count (guint *count,
                guint  expected)
{
  gboolean timed_out = FALSE;
  guint timeout = g_timeout_add (1000, timeout_cb, &timed_out);

  while (*count < expected && !timed_out)
    g_main_context_iteration (NULL, TRUE);
  if (!timed_out)
    g_source_remove (timeout);
}

static GtkWidget *
show_in_window (GtkWidget *child)
{
  GtkWidget *window = gtk_window_new ();

  gtk_window_set_default_size (GTK_WINDOW (window), 640, 400);
  gtk_window_set_child (GTK_WINDOW (window), child);
  gtk_window_present (GTK_WINDOW (window));
  wait_until_drawn (child);
  return window;
}

static void
test_lookup_and_focus (void)
{
  TallyChartView *view = TALLY_CHART_VIEW (tally_chart_view_new ());
  g_autoptr(TallyChartLayout) layout = NULL;
  const TallyHemicycleLayout *hemicycle;
  GtkWidget *window;
  g_autofree char *key = NULL;
  int width, height;

  tally_chart_view_set_data (view, TALLY_CHART_HEMICYCLE, make_seats ());
  g_assert_cmpint (tally_chart_view_get_kind (view), ==, TALLY_CHART_HEMICYCLE);
  window = show_in_window (GTK_WIDGET (view));
  width = gtk_widget_get_width (GTK_WIDGET (view));
  height = gtk_widget_get_height (GTK_WIDGET (view));
  g_assert_cmpint (width, >, 0);

  /* The view finds what the chart draws where the chart draws it. */
  layout = tally_chart_layout_new (TALLY_CHART_HEMICYCLE, tally_chart_view_get_data (view),
                                   tally_chart_view_get_style (view), width, height);
  hemicycle = tally_chart_layout_get_chart_layout (layout);
  for (guint seat = 0; seat < 63; seat += 7)
    {
      double x, y;
      int entry = tally_hemicycle_layout_get_seat (hemicycle, seat, &x, &y, NULL, NULL);

      g_assert_cmpint (tally_chart_view_lookup_item (view, x, y), ==, entry);
    }
  g_assert_cmpint (tally_chart_view_lookup_item (view, 1, 1), ==, -1);

  /* Keyboard focus walks the items and stays within them. */
  tally_chart_view_set_focus_item (view, 1);
  g_assert_cmpint (tally_chart_view_get_focus_item (view), ==, 1);
  tally_chart_view_set_focus_item (view, 99);
  g_assert_cmpint (tally_chart_view_get_focus_item (view), ==, 2);

  /* Fewer items: the focus follows. */
  {
    TallySeatChartData *fewer = tally_seat_chart_data_new (1);

    tally_chart_party_init (&fewer->entries[0].party, "LAB", "Lab", "Labour", "#E4003B", NULL);
    fewer->entries[0].seats = 9;
    fewer->total = 9;
    tally_chart_view_set_data (view, TALLY_CHART_WAFFLE, fewer);
    g_assert_cmpint (tally_chart_view_get_focus_item (view), ==, 0);
  }

  /* No data: nothing to find. */
  tally_chart_view_set_data (view, TALLY_CHART_HEMICYCLE, NULL);
  g_assert_cmpint (tally_chart_view_lookup_item (view, width / 2.0, height / 2.0), ==, -1);

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
count_update_cb (TallyChartView *view,
                 gpointer        user_data)
{
  guint *count = user_data;

  (*count)++;
  tally_chart_view_set_data (view, TALLY_CHART_SEAT_BARS, make_seats ());
}

static void
test_updates_coalesce (void)
{
  TallyChartView *view = TALLY_CHART_VIEW (tally_chart_view_new ());
  g_autoptr(TallySelection) selection = tally_selection_new ();
  g_autoptr(TallyCouncil) trafford = NULL;
  g_autoptr(TallyCouncil) salford = NULL;
  GtkWidget *window;
  guint count = 0;

  trafford = g_object_new (TALLY_TYPE_COUNCIL, NULL);
  salford = g_object_new (TALLY_TYPE_COUNCIL, NULL);
  window = show_in_window (GTK_WIDGET (view));

  tally_chart_view_set_update_func (view, count_update_cb, &count, NULL);
  tally_chart_view_watch (view, selection, "notify::council");
  wait_for_count (&count, 1);
  g_assert_cmpuint (count, ==, 1);
  g_assert_cmpint (tally_chart_view_get_kind (view), ==, TALLY_CHART_SEAT_BARS);

  /* Three changes before a frame: one update. */
  tally_selection_set_council (selection, trafford);
  tally_selection_set_council (selection, salford);
  tally_selection_set_council (selection, NULL);
  g_assert_cmpuint (count, ==, 1);
  wait_for_count (&count, 2);
  g_assert_cmpuint (count, ==, 2);
  /* …and no more after it. */
  wait_for_count (&count, 3);
  g_assert_cmpuint (count, ==, 2);

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_scatter_selection (void)
{
  TallyChartView *view = TALLY_CHART_VIEW (tally_chart_view_new ());
  TallySwingScatterData *data = tally_swing_scatter_data_new (3, 0);
  const TallySwingScatterData *shown;
  GtkWidget *window;
  const char *codes[] = { "E08000009", "E08000006", "E08000025" };

  for (guint i = 0; i < 3; i++)
    {
      data->points[i].key = g_strdup (codes[i]);
      data->points[i].name = g_strdup (codes[i]);
      data->points[i].x = i * 2.0 - 1;
      data->points[i].y = i;
      tally_chart_rgb_parse ("#C0BFBC", &data->points[i].colour);
      data->points[i].colour_safe = data->points[i].colour;
    }
  data->has_y = TRUE;

  tally_chart_view_set_selected_key (view, "E08000006");
  tally_chart_view_set_data (view, TALLY_CHART_SWING_SCATTER, data);
  shown = tally_chart_view_get_data (view);
  g_assert_cmpstr (shown->selected_key, ==, "E08000006");

  window = show_in_window (GTK_WIDGET (view));
  tally_chart_view_set_selected_key (view, "E08000025");
  g_assert_cmpstr (shown->selected_key, ==, "E08000025");
  g_assert_cmpstr (tally_chart_view_get_selected_key (view), ==, "E08000025");

  gtk_window_destroy (GTK_WINDOW (window));
}

/* A party chip abbreviates a long imported name as results tables do,
 * rather than cutting it ("Trade Uni…"). */
static void
test_party_chip_text (void)
{
  const struct { const char *name; const char *chip; } cases[] = {
    { "Lab", "Lab" },
    { "Green", "Green" },
    { "Trade Unionist and Socialist Coalition", "TUSC" },
    { "English Democrats", "ED" },
    { "Social Democratic Party", "SDP" },
    { "UK Independence Party (UKIP)", "UKIP" },
    { "UK Independence Party", "UKIP" },
    { "Farnworth and Kearsley First", "FKF" },
    { "independents of somewhere", "independents of somewhere" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *chip = tally_party_style_chip_text (cases[i].name);

      g_assert_cmpstr (chip, ==, cases[i].chip);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  if (!tally_test_widgets_init ())
    return 0;

  g_test_add_func ("/chart-view/lookup-and-focus", test_lookup_and_focus);
  g_test_add_func ("/chart-view/party-chip-text", test_party_chip_text);
  g_test_add_func ("/chart-view/updates-coalesce", test_updates_coalesce);
  g_test_add_func ("/chart-view/scatter-selection", test_scatter_selection);

  return g_test_run ();
}
