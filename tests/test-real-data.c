/* test-real-data.c: the window with the real public files imported.
 *
 * Democracy Club 2018 and LEAP 2014 bring about 200 parties.  No layout may
 * grow with them: the window's minimum size is the same before and after
 * the import, and the state of the parties and the list's columns name at
 * most the major parties and Others, and so do a council page's hemicycle
 * and seat bars.  At 1920×1080 the list is whole: no header, type or
 * region cut, nothing off the edge.  Skips without ../shared/data.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include "tally-catalog.h"
#include "tally-chart-adapt.h"
#include "tally-chart-data.h"
#include "tally-council.h"
#include "tally-council-page-private.h"
#include "tally-election.h"
#include "tally-results.h"
#include "tally-charts-page.h"
#include "tally-council-list.h"
#include "tally-window-private.h"
#include "tally-party-summary.h"
#include "tally-test-util.h"
#include "tally-test-widgets.h"
#include "tally-window.h"

/* Named parties and Others: Lab, Con, LD, Ind, Green, UKIP, Others. */
#define MAX_SHOWN 7

typedef struct
{
  int   min_width;
  int   min_height;
  guint party_lines;    /* state of the parties, NOC apart */
  guint columns;
} Measured;

static gboolean ensure_imported (void);

static void
measure_window (Measured *measured)
{
  TallyWindow *window = tally_window_new (NULL);
  const char *text;

  g_assert_true (tally_window_open_database (window, NULL));
  gtk_window_present (GTK_WINDOW (window));
  tally_test_wait_for_frames (100);

  gtk_widget_measure (GTK_WIDGET (window), GTK_ORIENTATION_HORIZONTAL, -1, &measured->min_width, NULL, NULL, NULL);
  gtk_widget_measure (GTK_WIDGET (window), GTK_ORIENTATION_VERTICAL, -1, &measured->min_height, NULL, NULL, NULL);

  /* The cards, No overall control apart. */
  text = tally_party_summary_get_text (tally_window_get_party_summary (window));
  measured->party_lines = tally_party_summary_get_n_cards (tally_window_get_party_summary (window)) -
                          (strstr (text, "\nNo overall control:") != NULL);

  measured->columns = g_list_model_get_n_items (
    gtk_column_view_get_columns (tally_council_list_get_column_view (tally_window_get_council_list (window))));

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_import_keeps_layout (void)
{
  g_autofree char *dc = tally_test_shared_data_path ("results/dc_2018/democracyclub-results-2018-05-03_raw.csv");
  g_autofree char *leap = tally_test_shared_data_path ("results/leap_2014/leap_2014_results_raw.csv");
  Measured before = { 0 };
  Measured after = { 0 };

  if (dc == NULL || leap == NULL)
    {
      g_test_skip ("the Democracy Club and LEAP files are not in ../shared/data");
      return;
    }

  measure_window (&before);
  g_assert_true (ensure_imported ());

  measure_window (&after);

  g_assert_cmpint (after.min_width, ==, before.min_width);
  g_assert_cmpint (after.min_height, ==, before.min_height);
  g_assert_cmpuint (before.party_lines, <=, MAX_SHOWN);
  g_assert_cmpuint (after.party_lines, <=, MAX_SHOWN);
  g_assert_cmpuint (after.party_lines, >=, 3);
  g_assert_cmpuint (after.columns, ==, before.columns);
}

/* The Democracy Club and LEAP files, imported once for the tests below. */
static gboolean
ensure_imported (void)
{
  static gboolean imported;
  g_autofree char *dc = tally_test_shared_data_path ("results/dc_2018/democracyclub-results-2018-05-03_raw.csv");
  g_autofree char *leap = tally_test_shared_data_path ("results/leap_2014/leap_2014_results_raw.csv");
  g_auto(TallyTestRun) run = { 0 };

  if (dc == NULL || leap == NULL)
    return FALSE;
  if (imported)
    return TRUE;

  tally_test_run_tally (&run, g_getenv ("XDG_DATA_HOME"), (const char *[]) { "import", dc, leap, NULL });
  g_assert_cmpint (run.status, ==, 0);
  imported = TRUE;
  return TRUE;
}

/* How many parties the Charts view's state of the parties, seat bars and
 * vote shares name (no overall control apart), each checked for Others. */
static guint
chart_parties (TallyWindow *window,
               gboolean    *has_others)
{
  TallyChartsPage *page = window->charts_page;
  const TallyStateChartData *state = tally_chart_view_get_data (tally_charts_page_get_view (page, TALLY_CHART_STATE));
  const TallySeatChartData *seats = tally_chart_view_get_data (tally_charts_page_get_view (page, TALLY_CHART_SEAT_BARS));
  const TallyShareChartData *shares = tally_chart_view_get_data (tally_charts_page_get_view (page, TALLY_CHART_SHARE_BARS));
  guint most = 0;

  g_assert_nonnull (state);
  g_assert_nonnull (seats);
  g_assert_nonnull (shares);

  *has_others = FALSE;
  for (guint i = 0; i < state->n_entries; i++)
    *has_others |= g_str_equal (state->entries[i].party.key, "OTH");
  most = MAX (most, state->n_entries - 1);  /* No overall control */
  most = MAX (most, seats->n_entries);
  most = MAX (most, shares->n_entries);
  return most;
}

/* The charts redraw on the next frame: on a busy machine that can be
 * later than a fixed wait.  Waits (at most 10 s) until they name between
 * @least and @most parties. */
static void
wait_for_charts (TallyWindow *window,
                 guint        least,
                 guint        most)
{
  gint64 end = g_get_monotonic_time () + 10 * G_TIME_SPAN_SECOND;
  gboolean has_others;
  guint n;

  while (((n = chart_parties (window, &has_others)) < least || n > most) && g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, FALSE);
}

static guint
csv_party_columns (const char *csv)
{
  g_auto(GStrv) lines = g_strsplit (csv, "\n", 2);
  g_auto(GStrv) columns = g_strsplit (lines[0], ",", -1);
  guint n = 0;

  for (guint i = 0; columns[i] != NULL; i++)
    n += g_str_has_suffix (columns[i], "_seats_change");
  return n;
}

/* With the real files in: the charts and the CSV name at most the major
 * parties and Others; Show Every Party opens Others out, one click. */
static void
test_others_everywhere (void)
{
  TallyWindow *window;
  g_autofree char *dir = NULL;
  g_autofree char *csv_path = NULL;
  g_autofree char *csv = NULL;
  gboolean has_others = FALSE;
  guint grouped, expanded, cards_grouped;

  if (!ensure_imported ())
    {
      g_test_skip ("the Democracy Club and LEAP files are not in ../shared/data");
      return;
    }

  window = tally_window_new (NULL);
  g_assert_true (tally_window_open_database (window, NULL));
  gtk_window_present (GTK_WINDOW (window));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-view", "s", "charts");
  tally_test_wait_for_frames (300);

  grouped = chart_parties (window, &has_others);
  g_test_message ("grouped: %u parties in the charts", grouped);
  g_assert_cmpuint (grouped, <=, MAX_SHOWN);
  g_assert_true (has_others);
  cards_grouped = tally_party_summary_get_n_cards (tally_window_get_party_summary (window));

  g_action_group_activate_action (G_ACTION_GROUP (window), "expand-others", NULL);
  tally_test_wait_for_frames (300);
  wait_for_charts (window, MAX_SHOWN + 11, G_MAXUINT);
  expanded = chart_parties (window, &has_others);
  g_test_message ("expanded: %u parties in the charts", expanded);
  g_assert_cmpuint (expanded, >, MAX_SHOWN + 10);
  g_assert_cmpuint (tally_party_summary_get_n_cards (tally_window_get_party_summary (window)), >, cards_grouped);

  /* Folded again: as before. */
  g_action_group_activate_action (G_ACTION_GROUP (window), "expand-others", NULL);
  tally_test_wait_for_frames (300);
  wait_for_charts (window, 0, grouped);
  g_assert_cmpuint (chart_parties (window, &has_others), ==, grouped);
  gtk_window_destroy (GTK_WINDOW (window));

  /* The council table as CSV: the same few parties' columns and OTH. */
  dir = tally_test_make_temp_dir ();
  csv_path = g_build_filename (dir, "councils.csv", NULL);
  {
    g_auto(TallyTestRun) run = { 0 };

    tally_test_run_tally (&run, g_getenv ("XDG_DATA_HOME"), (const char *[]) { "export", "--csv", "--rows", "councils", "-o", csv_path, NULL });
    g_assert_cmpint (run.status, ==, 0);
  }
  g_assert_true (g_file_get_contents (csv_path, &csv, NULL, NULL));
  g_assert_cmpuint (csv_party_columns (csv), <=, MAX_SHOWN);
  g_assert_nonnull (strstr (csv, ",OTH_seats,"));
  g_assert_nonnull (strstr (csv, ",LAB_seats,"));
  tally_test_remove_dir (dir);
}

static gboolean
has_key (const TallySeatChartData *data,
         const char               *key)
{
  for (guint i = 0; i < data->n_entries; i++)
    if (g_str_equal (data->entries[i].party.key, key))
      return TRUE;
  return FALSE;
}

static guint
total_seats (const TallySeatChartData *data,
             gboolean                 *has_others)
{
  guint total = 0;

  *has_others = FALSE;
  for (guint i = 0; i < data->n_entries; i++)
    {
      total += data->entries[i].seats;
      *has_others |= g_str_equal (data->entries[i].party.key, "OTH");
    }
  return total;
}

/* A council where a grouped party won seats: its page's seat bars and
 * hemicycle name at most the major parties and Others, with every seat
 * still counted; Show Every Party names them all there too. */
static void
test_council_page_others (void)
{
  TallyWindow *window;
  TallyElection *latest;
  GListModel *results, *parties;
  TallyCouncilResult *chosen = NULL;
  g_autoptr(TallySeatChartData) every = NULL;
  const TallySeatChartData *shown;
  gboolean has_others;
  g_autofree char *grouped_key = NULL;

  if (!ensure_imported ())
    {
      g_test_skip ("the Democracy Club and LEAP files are not in ../shared/data");
      return;
    }

  window = tally_window_new (NULL);
  g_assert_true (tally_window_open_database (window, NULL));
  gtk_window_present (GTK_WINDOW (window));
  g_assert_nonnull (window->ranking);
  latest = tally_catalog_get_latest_election (window->catalog);
  results = tally_results_get_council_results (window->results, latest, tally_election_get_baseline (latest));
  parties = tally_catalog_get_parties (window->catalog);

  /* The first council where a party the ranking groups won seats. */
  for (guint i = 0; chosen == NULL && i < g_list_model_get_n_items (results); i++)
    {
      g_autoptr(TallyCouncilResult) result = g_list_model_get_item (results, i);
      g_autoptr(TallySeatChartData) data = tally_chart_adapt_seats_won (result, parties);

      for (guint j = 0; grouped_key == NULL && j < data->n_entries; j++)
        {
          TallyParty *party = tally_catalog_lookup_party (window->catalog, data->entries[j].party.key);

          if (data->entries[j].seats > 0 && party != NULL && party != tally_party_ranking_get_others (window->ranking) &&
              tally_party_ranking_is_grouped (window->ranking, party))
            grouped_key = g_strdup (data->entries[j].party.key);
        }
      if (grouped_key != NULL)
        {
          chosen = g_object_ref (result);
          every = g_steal_pointer (&data);
        }
    }
  g_assert_nonnull (chosen);
  g_test_message ("%s: %u parties won seats, %s among them grouped",
                  tally_council_get_name (tally_council_result_get_council (chosen)), every->n_entries, grouped_key);

  tally_council_page_show_result (window->council_page, window->results, chosen);
  shown = tally_chart_view_get_data (window->council_page->seat_bars);
  g_assert_nonnull (shown);
  g_assert_cmpuint (shown->n_entries, <=, MAX_SHOWN);
  g_assert_false (has_key (shown, grouped_key));
  {
    gboolean every_has_others;
    guint every_total = total_seats (every, &every_has_others);

    g_assert_cmpuint (total_seats (shown, &has_others), ==, every_total);
    g_assert_true (has_others);
  }
  if (tally_council_result_get_total_seats (chosen, TALLY_STAGE_AFTER) > 0)
    {
      const TallySeatChartData *hemicycle = tally_chart_view_get_data (window->council_page->hemicycle);

      g_assert_nonnull (hemicycle);
      g_assert_cmpuint (hemicycle->n_entries, <=, MAX_SHOWN);
      g_assert_false (has_key (hemicycle, grouped_key));
    }

  /* Others opened out: the page names every party, as the adapter does. */
  g_action_group_activate_action (G_ACTION_GROUP (window), "expand-others", NULL);
  shown = tally_chart_view_get_data (window->council_page->seat_bars);
  g_assert_cmpuint (shown->n_entries, ==, every->n_entries);
  g_assert_true (has_key (shown, grouped_key));

  g_object_unref (chosen);
  gtk_window_destroy (GTK_WINDOW (window));
}

static GtkWidget *
find_label (GtkWidget  *widget,
            const char *text)
{
  if (GTK_IS_LABEL (widget) && strstr (gtk_label_get_text (GTK_LABEL (widget)), text) != NULL)
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_label (child, text);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* At 1920×1080 with the real files in, and the database at a long path
 * (its footer once widened the panel): the list does not scroll sideways,
 * no header is cut, and no council's Type or Region. */
static void
test_wide_list_whole (void)
{
  TallyWindow *window;

  if (!ensure_imported ())
    {
      g_test_skip ("the Democracy Club and LEAP files are not in ../shared/data");
      return;
    }

  window = tally_window_new (NULL);
  g_assert_true (tally_window_open_database (window, NULL));
  g_assert_nonnull (strstr (gtk_label_get_text (window->database_label), "results night working copy"));
  /* With candidate rows, the share estimate in one short line, its
   * method in the tooltip. */
  {
    GtkWidget *estimate = find_label (GTK_WIDGET (tally_window_get_party_summary (window)), "National share estimate");

    g_assert_nonnull (estimate);
    g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (estimate)), ==,
                     "National share estimate: Lab 39.6%, Con 31.2%, LD 16.8%, others 12.4% (Tally’s, over 2,108 ward polls)");
    g_assert_nonnull (strstr (gtk_widget_get_tooltip_text (estimate), "not the BBC’s projected national share"));
  }
  g_assert_cmpuint (g_list_model_get_n_items (tally_catalog_get_parties (window->catalog)), >, 100);
  tally_test_assert_list_at_1920 (window);
  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *temp = NULL;
  g_autofree char *data_home = NULL;
  int status;

  g_test_init (&argc, &argv, NULL);

  /* A fresh user database for this test alone, at a path as long as a
   * results desk's. */
  temp = tally_test_make_temp_dir ();
  data_home = g_build_filename (temp, "a-results-desk", "Elections", "2018", "Local elections, England",
                                "results night working copy", NULL);
  g_assert_cmpint (g_mkdir_with_parents (data_home, 0700), ==, 0);
  g_setenv ("XDG_DATA_HOME", data_home, TRUE);

  if (!tally_test_widgets_init ())
    return 0;

  g_test_add_func ("/real-data/import-keeps-layout", test_import_keeps_layout);
  g_test_add_func ("/real-data/others-everywhere", test_others_everywhere);
  g_test_add_func ("/real-data/council-page-others", test_council_page_others);
  g_test_add_func ("/real-data/wide-list-whole", test_wide_list_whole);

  status = g_test_run ();
  tally_test_remove_dir (temp);
  return status;
}
