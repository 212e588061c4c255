/* test-window-night.c: results night in the window, on the real 2018 data.
 *
 * The Democracy Club 2018 and LEAP 2014 files are imported, every 2018
 * contest becomes one the night expects, and the night is played out in
 * declaration times: the councils one after the other, two minutes apart
 * from 23:00, and Dudley in an order where, with 21 of its 24 wards in,
 * the arithmetic rules Labour out.  The window then looks back through
 * the night with its timeline, as a user would, and every view must say
 * what the data said at that moment.  Skips without ../shared/data.
 *
 * Needs a display: .ci/test runs every test under one xvfb-run.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <math.h>
#include <sqlite3.h>
#include <string.h>

#include "tally-boundaries.h"
#include "tally-catalog.h"
#include "tally-council.h"
#include "tally-control-chips.h"
#include "tally-council-list.h"
#include "tally-council-page.h"
#include "tally-council-result.h"
#include "tally-election.h"
#include "tally-filter.h"
#include "tally-filter-panel.h"
#include "tally-map-view.h"
#include "tally-party.h"
#include "tally-party-summary.h"
#include "tally-results.h"
#include "tally-selection.h"
#include "tally-test-util.h"
#include "tally-test-widgets.h"
#include "tally-window-live.h"
#include "tally-window-private.h"

#define DUDLEY "E08000027"
#define BIRMINGHAM "E08000025"

static char *temp_dir;
static char *night_path;

/* The night, made once for every test. */
static const char *
prepare_night (void)
{
  g_autofree char *dc = tally_test_shared_data_path ("results/dc_2018/democracyclub-results-2018-05-03_raw.csv");
  g_autofree char *leap = tally_test_shared_data_path ("results/leap_2014/leap_2014_results_raw.csv");
  g_auto(TallyTestRun) run_dc = { 0 };
  g_autofree char *boundaries = tally_test_shared_data_path ("geo/lad2018/lad2018_england_bgc_simpl10_bng.geojson");
  g_auto(TallyTestRun) run_leap = { 0 };
  g_auto(TallyTestRun) run_geo = { 0 };
  sqlite3 *db = NULL;
  char *message = NULL;

  if (night_path != NULL)
    return night_path;
  if (dc == NULL || leap == NULL)
    return NULL;

  temp_dir = tally_test_make_temp_dir ();
  night_path = g_build_filename (temp_dir, "night.db", NULL);
  tally_test_run_tally (&run_dc, temp_dir, (const char *[]) { "import", "--database", night_path, dc, NULL });
  g_assert_cmpint (run_dc.status, ==, 0);
  tally_test_run_tally (&run_leap, temp_dir,
                        (const char *[]) { "import", "--database", night_path, "--date", "2014-05-22", leap, NULL });
  g_assert_cmpint (run_leap.status, ==, 0);

  if (boundaries != NULL)
    {
      tally_test_run_tally (&run_geo, temp_dir,
                            (const char *[]) { "import-boundaries", "--database", night_path, boundaries, NULL });
      g_assert_cmpint (run_geo.status, ==, 0);
    }

  g_assert_cmpint (sqlite3_open (night_path, &db), ==, SQLITE_OK);
  if (sqlite3_exec (db,
                    "CREATE TEMP VIEW night AS SELECT ct.id AS id, w.council_id AS council_id FROM contests ct "
                    "  JOIN wards w ON w.id = ct.ward_id "
                    "  WHERE ct.election_id = (SELECT id FROM elections WHERE date = '2018-05-03');"
                    "INSERT INTO expected_contests (election_id, ward_id, ballot, seats, by_election) "
                    "  SELECT election_id, ward_id, ballot, seats, by_election FROM contests WHERE id IN (SELECT id FROM night);"
                    /* Council after council, two minutes apart, from 23:00. */
                    "CREATE TEMP TABLE ranks AS SELECT council_id, row_number () OVER (ORDER BY council_id) AS r "
                    "  FROM (SELECT DISTINCT council_id FROM night);"
                    "INSERT INTO ward_declarations (contest_id, declared_at) "
                    "  SELECT n.id, strftime ('%Y-%m-%dT%H:%M:%SZ', '2018-05-03 23:00:00', '+' || (r.r * 2) || ' minutes') "
                    "  FROM night n JOIN ranks r USING (council_id);"
                    /* Dudley: 20 wards at 01:00, a Conservative ward at 02:00, and two Labour wards and a
                     * Conservative one at 03:00. */
                    "CREATE TEMP VIEW mine AS SELECT id FROM night WHERE council_id = "
                    "  (SELECT id FROM councils WHERE code = '" DUDLEY "');"
                    "CREATE TEMP TABLE last AS SELECT id FROM mine WHERE id IN ("
                    "  SELECT ca.contest_id FROM candidates ca JOIN parties p ON p.id = ca.party_id "
                    "  WHERE ca.elected AND p.key = 'LAB' AND ca.contest_id IN mine ORDER BY 1 LIMIT 2) "
                    "OR id IN (SELECT ca.contest_id FROM candidates ca JOIN parties p ON p.id = ca.party_id "
                    "  WHERE ca.elected AND p.key = 'CON' AND ca.contest_id IN mine ORDER BY 1 LIMIT 1);"
                    "UPDATE ward_declarations SET declared_at = '2018-05-04T01:00:00Z' WHERE contest_id IN mine;"
                    "UPDATE ward_declarations SET declared_at = '2018-05-04T03:00:00Z' WHERE contest_id IN last;"
                    "UPDATE ward_declarations SET declared_at = '2018-05-04T02:00:00Z' WHERE contest_id = ("
                    "  SELECT ca.contest_id FROM candidates ca JOIN parties p ON p.id = ca.party_id "
                    "  WHERE ca.elected AND p.key = 'CON' AND ca.contest_id IN mine "
                    "  AND ca.contest_id NOT IN last ORDER BY 1 LIMIT 1);"
                    /* Birmingham last of all, at 05:00: its shape is easy to find on the map. */
                    "UPDATE ward_declarations SET declared_at = '2018-05-04T05:00:00Z' WHERE contest_id IN ("
                    "  SELECT id FROM night WHERE council_id = (SELECT id FROM councils WHERE code = '" BIRMINGHAM "'));",
                    NULL, NULL, &message) != SQLITE_OK)
    g_error ("Making the night: %s", message);
  sqlite3_close (db);

  return night_path;
}

/* Councils holding an election in 2018 every one of whose contests had
 * declared by @when,
 * counted by SQL on the file: what the window must agree with. */
static guint
count_declared_by (const char *when)
{
  g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM (SELECT w.council_id FROM contests ct "
                                          "JOIN wards w ON w.id = ct.ward_id "
                                          "JOIN ward_declarations wd ON wd.contest_id = ct.id "
                                          "WHERE ct.election_id = (SELECT id FROM elections WHERE date = '2018-05-03') "
                                          /* Councils holding an election, not only a by-election. */
                                          "AND w.council_id IN (SELECT council_id FROM council_elections "
                                          "  WHERE seats_up > 0 AND election_id = ct.election_id) "
                                          "GROUP BY 1 HAVING max(wd.declared_at) <= '%s')",
                                          when);

  return (guint) tally_test_query_int (night_path, sql);
}

static TallyWindow *
open_window (int width,
             int height)
{
  TallyWindow *window = tally_window_new (NULL);

  gtk_window_set_default_size (GTK_WINDOW (window), width, height);
  g_assert_true (tally_window_open_database (window, night_path));
  gtk_window_present (GTK_WINDOW (window));
  tally_test_wait_for_frames (300);
  g_assert_nonnull (tally_window_get_night (window));
  return window;
}

static void
close_window (TallyWindow *window)
{
  gtk_window_destroy (GTK_WINDOW (window));
  tally_test_wait_for_frames (100);
}

/* Enter on the Live button: GTK shows it pressed for a moment, then
 * clicks. */
static void
press_live (TallyWindow *window)
{
  g_assert_true (gtk_widget_get_sensitive (tally_window_get_timeline_live_button (window)));
  g_assert_true (gtk_widget_activate (tally_window_get_timeline_live_button (window)));
  tally_test_wait_for_frames (600);
  g_assert_false (gtk_widget_get_sensitive (tally_window_get_timeline_live_button (window)));
}

/* What the user does: drag the timeline to @iso, and let it settle. */
static void
look_back_to (TallyWindow *window,
              const char  *iso)
{
  g_autoptr(GDateTime) at = g_date_time_new_from_iso8601 (iso, NULL);

  g_assert_nonnull (at);
  gtk_range_set_value (tally_window_get_timeline (window), (double) g_date_time_to_unix (at));
  tally_test_wait_for_frames (250);
}

static void
assert_contains (const char *text,
                 const char *part)
{
  if (strstr (text, part) == NULL)
    g_error ("“%s” not in:\n%s", part, text);
}

static void
assert_lacks (const char *text,
              const char *part)
{
  if (strstr (text, part) != NULL)
    g_error ("“%s” should not be in:\n%s", part, text);
}

static guint
count_of (const char *text,
          const char *part)
{
  guint n = 0;

  for (const char *at = strstr (text, part); at != NULL; at = strstr (at + 1, part))
    n++;
  return n;
}

/* The tooltip of the first control chips under @widget: the list's one
 * row, when the search leaves one. */
static const char *
chips_tooltip (GtkWidget *widget)
{
  if (TALLY_IS_CONTROL_CHIPS (widget))
    return gtk_widget_get_tooltip_text (widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      const char *found = chips_tooltip (child);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* The first control chips under @widget. */
static GtkWidget *
find_chips (GtkWidget *widget)
{
  if (TALLY_IS_CONTROL_CHIPS (widget))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_chips (child);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* Whether the chips of the list's first row (Dudley, part declared) fit
 * its Control column, with room for a longer call. */
static void
assert_chips_fit (TallyWindow *window)
{
  GtkColumnView *view = tally_council_list_get_column_view (tally_window_get_council_list (window));
  GListModel *columns = gtk_column_view_get_columns (view);
  GtkWidget *chips = find_chips (GTK_WIDGET (view));
  int natural = 0, width = 0;

  for (guint i = 0; i < g_list_model_get_n_items (columns); i++)
    {
      g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (columns, i);

      if (g_strcmp0 (gtk_column_view_column_get_title (column), "Control") == 0)
        width = gtk_column_view_column_get_fixed_width (column);
    }
  g_assert_nonnull (chips);
  gtk_widget_measure (chips, GTK_ORIENTATION_HORIZONTAL, -1, NULL, &natural, NULL, NULL);
  g_test_message ("control chips %d px wide, given %d px, column %d px", natural, gtk_widget_get_width (chips),
                  width);
  g_assert_cmpint (natural, >, 0);
  /* With room for a longer call than "LAB OUT" ("CON HOLD", "UKIP LOST":
   * two or three letters more, about 16 px at this size). */
  g_assert_cmpint (natural + 16, <=, gtk_widget_get_width (chips));
  g_assert_cmpint (natural, <=, width);
}

/* Dudley's page at 01:30 (20 wards), 02:30 (21: Labour ruled out) and now. */
static void
test_dudley_page (void)
{
  TallyWindow *window;
  g_autofree char *at_20 = NULL;
  g_autofree char *at_21 = NULL;
  g_autofree char *now = NULL;

  if (prepare_night () == NULL)
    {
      g_test_skip ("no ../shared/data");
      return;
    }

  window = open_window (1280, 900);
  /* The user's search, kept through every moment of the night. */
  tally_filter_set_search_text (tally_results_get_filter (tally_window_get_results (window)), "Dud");
  tally_test_wait_for_frames (100);
  g_assert_cmpuint (g_list_model_get_n_items (tally_council_list_get_results (tally_window_get_council_list (window))),
                    ==, 1);
  /* In the list at 02:30, "Lab › 21/24 LAB OUT" is wider than two parties'
   * chips: the Control column is widened for the night. */
  look_back_to (window, "2018-05-04T02:30:00Z");
  tally_test_wait_for_frames (50);
  assert_chips_fit (window);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-council", "s", "Dudley");
  tally_test_wait_for_frames (100);
  g_assert_cmpstr (tally_window_get_page (window), ==, "council");

  look_back_to (window, "2018-05-04T01:30:00Z");
  at_20 = tally_council_page_get_text (tally_window_get_council_page (window));
  assert_contains (at_20, "Dudley\n20 of 24 wards declared\n");
  assert_contains (at_20, "4 seats of 24 up still to come · 72 seats on the council; 37 for a majority.");
  assert_contains (at_20, "Seats so far:");
  assert_contains (at_20, "Labour 8");
  assert_lacks (at_20, "cannot take control");
  /* The list's row says so too, in its chips' tooltip. */
  assert_contains (chips_tooltip (GTK_WIDGET (tally_window_get_council_list (window))), "20 of 24 wards declared");

  look_back_to (window, "2018-05-04T02:30:00Z");
  at_21 = tally_council_page_get_text (tally_window_get_council_page (window));
  assert_contains (at_21, "Dudley\n21 of 24 wards declared\n");
  assert_contains (at_21, "3 seats of 24 up still to come");
  assert_contains (at_21, "Labour cannot take control of Dudley: 21 of 24 wards declared; "
                          "it needed 12 of the 24 seats up and has won 8, with 3 to come\n");
  assert_contains (at_21, "Labour 8");
  assert_contains (chips_tooltip (GTK_WIDGET (tally_window_get_council_list (window))),
                   "21 of 24 wards declared. Labour cannot take control");
  /* The result of the whole council waits for its last ward. */
  assert_lacks (at_21, "for a majority. 24 were fought");
  /* Only the 21 wards in by then are listed, each with its time. */
  g_assert_cmpuint (count_of (at_21, "declared 01:00"), ==, 20);
  g_assert_cmpuint (count_of (at_21, "declared 02:00"), ==, 1);
  assert_lacks (at_21, "declared 03:00");
  /* The page is still open on Dudley, the selection and the search too. */
  g_assert_cmpstr (tally_filter_get_search_text (tally_results_get_filter (tally_window_get_results (window))), ==,
                   "Dud");
  g_assert_cmpuint (g_list_model_get_n_items (tally_council_list_get_results (tally_window_get_council_list (window))),
                    ==, 1);
  g_assert_cmpstr (tally_window_get_page (window), ==, "council");
  g_assert_cmpstr (tally_council_get_code (tally_selection_get_council (tally_window_get_selection (window))), ==,
                   DUDLEY);

  /* Another election chosen: 2014 has no night, its page is the ordinary
   * one; back on 2018, the moment is still 02:30. */
  {
    TallyFilter *filter = tally_results_get_filter (tally_window_get_results (window));
    TallyElection *night_election = tally_live_night_get_election (tally_window_get_night (window));
    g_autofree char *in_2014 = NULL;
    g_autofree char *back = NULL;

    g_assert_nonnull (night_election);
    tally_filter_set_election (filter, tally_election_get_baseline (night_election));
    tally_test_wait_for_frames (150);
    in_2014 = tally_council_page_get_text (tally_window_get_council_page (window));
    assert_lacks (in_2014, "wards declared");
    assert_lacks (tally_party_summary_get_text (tally_window_get_party_summary (window)), "partly declared");
    tally_filter_set_election (filter, night_election);
    tally_test_wait_for_frames (150);
    back = tally_council_page_get_text (tally_window_get_council_page (window));
    assert_contains (back, "Dudley\n21 of 24 wards declared\n");
  }

  /* One click back to now: all in, the ordinary page. */
  press_live (window);
  now = tally_council_page_get_text (tally_window_get_council_page (window));
  assert_contains (now, "Dudley\nAll 24 wards declared · the last at 03:00\n");
  assert_lacks (now, "still to come");
  assert_contains (now, "24 were fought");
  assert_contains (chips_tooltip (GTK_WIDGET (tally_window_get_council_list (window))), " after: ");

  close_window (window);
}

/* The panel's count for a party is that of the engine as the night
 * stands, not of an earlier moment, and not nothing. */
static void
assert_panel_counts_party (TallyWindow *window,
                           const char  *key)
{
  g_autoptr(TallyFilter) only = tally_filter_copy (tally_results_get_filter (tally_window_get_results (window)));
  const char *keys[] = { key, NULL };
  guint expected;

  tally_filter_set_parties (only, keys);
  expected = tally_results_count_matching (tally_window_get_results (window), only);
  g_assert_cmpuint (expected, >, 0);
  g_assert_cmpuint (tally_filter_panel_get_count (tally_window_get_filter_panel (window), "party", key), ==, expected);
}

/* The timeline at a moment: the header line and the state of the parties
 * count the councils declared by then, as the file says. */
static void
test_timeline_counts (void)
{
  TallyWindow *window;
  g_autofree char *expected_header = NULL;
  g_autofree char *expected_summary = NULL;
  g_autofree char *earlier = NULL;
  guint n_at_0230, n_at_0215, n_all, n_gains_then;

  if (prepare_night () == NULL)
    {
      g_test_skip ("no ../shared/data");
      return;
    }

  n_at_0230 = count_declared_by ("2018-05-04T02:30:00Z");
  n_at_0215 = count_declared_by ("2018-05-04T02:15:00Z");
  n_all = count_declared_by ("9999");
  /* The night is spread out enough to say something. */
  g_assert_cmpuint (n_at_0215, <, n_at_0230);
  g_assert_cmpuint (n_at_0230, <, n_all);
  g_assert_cmpuint (n_all, ==, 150);

  window = open_window (1280, 900);
  g_assert_true (g_str_has_prefix (tally_window_get_live_text (window), "Live · 150 of 150 councils declared · latest "));
  g_assert_true (g_str_has_prefix (tally_party_summary_get_text (tally_window_get_party_summary (window)),
                                   "all 150 councils declared\n"));

  /* The filter panel counts as the night stands: London's 32 councils
   * (every one has some wards in the list), and gains. */
  g_assert_cmpuint (tally_filter_panel_get_count (tally_window_get_filter_panel (window), "region", "London"), ==, 32);
  assert_panel_counts_party (window, "LAB");

  look_back_to (window, "2018-05-04T02:30:00Z");
  g_assert_cmpuint (tally_filter_panel_get_count (tally_window_get_filter_panel (window), "region", "London"), ==, 32);
  assert_panel_counts_party (window, "LAB");
  /* Dudley is the one council part declared then. */
  expected_header = g_strdup_printf ("As at 02:30 · %u of 150 councils declared, 1 in progress · latest ", n_at_0230);
  expected_summary = g_strdup_printf ("after %u of 150 councils · 1 partly declared, counted once its last ward is in\n",
                                      n_at_0230);
  g_assert_true (g_str_has_prefix (tally_window_get_live_text (window), expected_header));
  g_assert_true (g_str_has_prefix (tally_party_summary_get_text (tally_window_get_party_summary (window)),
                                   expected_summary));

  /* Filtering for gains then lists councils gained by then, every one
   * fully declared: a gain waits for the last ward. */
  tally_filter_set_outcomes (tally_results_get_filter (tally_window_get_results (window)), TALLY_OUTCOME_FLAG_GAIN);
  tally_test_wait_for_frames (100);
  {
    GListModel *listed = tally_council_list_get_results (tally_window_get_council_list (window));

    n_gains_then = g_list_model_get_n_items (listed);
    g_assert_cmpuint (n_gains_then, >, 0);
    for (guint i = 0; i < n_gains_then; i++)
      {
        g_autoptr(TallyCouncilResult) result = g_list_model_get_item (listed, i);
        TallyLiveCouncil *live = tally_live_night_lookup (tally_window_get_night (window),
                                                          tally_council_result_get_council (result));

        g_assert_cmpint (tally_live_council_get_state (live), ==, TALLY_LIVE_DECLARED);
      }
  }
  tally_filter_set_outcomes (tally_results_get_filter (tally_window_get_results (window)), TALLY_OUTCOME_FLAG_NONE);
  tally_test_wait_for_frames (100);

  /* The keyboard: Page Up on the scale is a quarter of an hour earlier. */
  gtk_widget_grab_focus (GTK_WIDGET (tally_window_get_timeline (window)));
  g_signal_emit_by_name (tally_window_get_timeline (window), "move-slider", GTK_SCROLL_PAGE_BACKWARD);
  tally_test_wait_for_frames (250);
  earlier = g_strdup_printf ("As at 02:15 · %u of 150 councils declared", n_at_0215);
  g_assert_true (g_str_has_prefix (tally_window_get_live_text (window), earlier));

  /* And back to now in one click. */
  press_live (window);
  g_assert_true (g_str_has_prefix (tally_window_get_live_text (window), "Live · 150 of 150 councils declared"));
  g_assert_true (g_str_has_prefix (tally_party_summary_get_text (tally_window_get_party_summary (window)),
                                   "all 150 councils declared\n"));
  /* Now that all are in, more gains than at 02:30. */
  tally_filter_set_outcomes (tally_results_get_filter (tally_window_get_results (window)), TALLY_OUTCOME_FLAG_GAIN);
  tally_test_wait_for_frames (100);
  g_assert_cmpuint (g_list_model_get_n_items (tally_council_list_get_results (tally_window_get_council_list (window))),
                    >, n_gains_then);
  /* The filter is kept in the settings: the next test starts clear. */
  tally_filter_set_outcomes (tally_results_get_filter (tally_window_get_results (window)), TALLY_OUTCOME_FLAG_NONE);

  close_window (window);
}

/* The map's pixels around a council's hex centre, as drawn. */
typedef struct
{
  double red, green, blue;
} Pixel;

/* The square of 2 × @half + 1 pixels around a point of the map. */
static GArray *
sample_at (TallyMapView *view,
           GdkTexture   *texture,
           double        map_x,
           double        map_y,
           int           half)
{
  TallyMapTransform transform;
  int width = gdk_texture_get_width (texture), height = gdk_texture_get_height (texture);
  g_autofree guchar *data = g_malloc ((gsize) width * height * 4);
  GArray *pixels = g_array_new (FALSE, FALSE, sizeof (Pixel));
  double x, y;

  tally_map_view_get_transform (view, &transform);
  tally_map_transform_to_canvas (&transform, map_x, map_y, &x, &y);

  gdk_texture_download (texture, data, (gsize) width * 4);
  for (int dy = -half; dy <= half; dy++)
    for (int dx = -half; dx <= half; dx++)
      {
        int px = (int) x + dx, py = (int) y + dy;
        /* GDK_MEMORY_DEFAULT: B, G, R, A, opaque here. */
        const guchar *p = data + (gsize) py * width * 4 + (gsize) px * 4;
        Pixel pixel = { p[2] / 255.0, p[1] / 255.0, p[0] / 255.0 };

        g_assert_true (px >= 0 && py >= 0 && px < width && py < height);
        g_array_append_val (pixels, pixel);
      }

  return pixels;
}

static GArray *
sample_hex (TallyMapView *view,
            GdkTexture   *texture,
            const char   *code,
            int           half)
{
  TallyHexLayout *layout = tally_map_view_get_hex_layout (view);
  TallyMapTransform transform;
  double map_x, map_y;

  tally_hex_layout_get_centre (layout, tally_hex_layout_lookup (layout, code), &map_x, &map_y);
  /* Big enough a hex to hold a square of 2 × half around its centre. */
  tally_map_view_get_transform (view, &transform);
  g_assert_cmpfloat (transform.scale, >, half * 2);
  return sample_at (view, texture, map_x, map_y, half);
}

static double
distance (Pixel          pixel,
          const GdkRGBA *colour)
{
  return sqrt (pow (pixel.red - colour->red, 2) + pow (pixel.green - colour->green, 2) +
               pow (pixel.blue - colour->blue, 2));
}

/* No pixel near any party's colour, in either palette. */
static void
assert_no_party_colour (GArray       *pixels,
                        TallyCatalog *catalog)
{
  GListModel *parties = tally_catalog_get_parties (catalog);

  for (guint i = 0; i < g_list_model_get_n_items (parties); i++)
    {
      g_autoptr(TallyParty) party = g_list_model_get_item (parties, i);

      for (guint safe = 0; safe < 2; safe++)
        {
          GdkRGBA colour;

          g_assert_true (gdk_rgba_parse (&colour, tally_party_get_colour (party, safe)));
          /* Greys are parties' colours too (independents): only the
           * saturated ones can be told from a hatch. */
          if (fabs (colour.red - colour.green) + fabs (colour.green - colour.blue) < 0.15)
            continue;
          for (guint j = 0; j < pixels->len; j++)
            g_assert_cmpfloat (distance (g_array_index (pixels, Pixel, j), &colour), >, 0.2);
        }
    }
}

/* Lines on a ground: the lightest and darkest pixels are far apart, and
 * every pixel is a grey (no hue). */
static void
assert_hatched (GArray *pixels)
{
  double lightest = 0, darkest = 3;

  for (guint i = 0; i < pixels->len; i++)
    {
      Pixel p = g_array_index (pixels, Pixel, i);
      double sum = p.red + p.green + p.blue;

      g_assert_cmpfloat (fabs (p.red - p.green) + fabs (p.green - p.blue), <, 0.06);
      lightest = MAX (lightest, sum);
      darkest = MIN (darkest, sum);
    }
  g_assert_cmpfloat (lightest - darkest, >, 0.3);
}

static GdkTexture *
render (GtkWidget *widget)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (widget);
  g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  int width = gtk_widget_get_width (widget), height = gtk_widget_get_height (widget);

  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  return gsk_renderer_render_texture (gtk_native_get_renderer (gtk_widget_get_native (widget)), node,
                                      &GRAPHENE_RECT_INIT (0, 0, width, height));
}

/* At 02:30 the council that declares last is hatched, not in a party's
 * colour; one declared at 23:02 is in its colour; Dudley, part declared,
 * is cross-hatched; the key names both. */
static void
test_map_hatch (void)
{
  TallyWindow *window;
  TallyMapView *view;
  g_autoptr(GdkTexture) texture = NULL;
  g_autoptr(GArray) last = NULL;
  g_autoptr(GArray) first = NULL;
  g_autoptr(GArray) dudley = NULL;
  g_autofree char *last_code = NULL;
  g_autofree char *first_code = NULL;
  const TallyMapArea *area;
  GdkRGBA fill;

  if (prepare_night () == NULL)
    {
      g_test_skip ("no ../shared/data");
      return;
    }

  last_code = tally_test_query_rows (night_path,
                                     "SELECT c.code FROM councils c JOIN wards w ON w.council_id = c.id "
                                     "JOIN contests ct ON ct.ward_id = w.id JOIN ward_declarations wd ON wd.contest_id = ct.id "
                                     "GROUP BY c.id ORDER BY max(wd.declared_at) DESC LIMIT 1");
  first_code = tally_test_query_rows (night_path,
                                      "SELECT c.code FROM councils c JOIN wards w ON w.council_id = c.id "
                                      "JOIN contests ct ON ct.ward_id = w.id JOIN ward_declarations wd ON wd.contest_id = ct.id "
                                      "GROUP BY c.id ORDER BY max(wd.declared_at) LIMIT 1");
  g_strstrip (last_code);
  g_strstrip (first_code);

  window = open_window (1400, 1000);
  adw_view_stack_set_visible_child_name (window->view_stack, "map");
  view = window->map_view;
  for (guint i = 0; i < 100 && (tally_map_view_get_loading (view) || tally_map_view_get_hex_layout (view) == NULL); i++)
    tally_test_wait_for_frames (50);
  g_assert_nonnull (tally_map_view_get_hex_layout (view));
  tally_map_view_set_mode (view, TALLY_MAP_MODE_HEXES);
  tally_map_view_fit_england (view);

  look_back_to (window, "2018-05-04T02:30:00Z");
  tally_test_wait_for_frames (400);

  area = tally_map_data_lookup (tally_map_view_get_data (view), last_code);
  g_assert_cmpint (area->progress, ==, TALLY_MAP_NOT_DECLARED);
  g_assert_false (area->has_value);
  g_assert_cmpstr (area->status, ==, "not yet declared");
  area = tally_map_data_lookup (tally_map_view_get_data (view), DUDLEY);
  g_assert_cmpint (area->progress, ==, TALLY_MAP_PARTLY_DECLARED);
  g_assert_cmpstr (area->status, ==, "21 of 24 wards declared");

  texture = render (GTK_WIDGET (view));
  last = sample_hex (view, texture, last_code, 4);
  assert_no_party_colour (last, tally_window_get_catalog (window));
  assert_hatched (last);
  dudley = sample_hex (view, texture, DUDLEY, 4);
  assert_no_party_colour (dudley, tally_window_get_catalog (window));
  assert_hatched (dudley);

  /* A council declared by then wears its colour, all over. */
  area = tally_map_data_lookup (tally_map_view_get_data (view), first_code);
  g_assert_cmpint (area->progress, ==, TALLY_MAP_DECLARED);
  g_assert_true (area->has_value);
  first = sample_hex (view, texture, first_code, 4);
  fill = (GdkRGBA) { area->fill.red, area->fill.green, area->fill.blue, 1 };
  for (guint i = 0; i < first->len; i++)
    g_assert_cmpfloat (distance (g_array_index (first, Pixel, i), &fill), <, 0.05);

  /* The same on the boundaries: around Victoria Square (BNG 406870,
   * 286920), Birmingham, which declares last, is hatched. */
  g_assert_cmpstr (last_code, ==, BIRMINGHAM);
  if (tally_boundaries_get_n_items (tally_map_view_get_boundaries (view)) > 0)
    {
      g_autoptr(GdkTexture) geographic = NULL;
      g_autoptr(GArray) birmingham = NULL;
      double x, y;
      TallyMapTransform transform;

      tally_map_view_set_mode (view, TALLY_MAP_MODE_GEOGRAPHIC);
      tally_map_view_fit_england (view);
      tally_test_wait_for_frames (400);
      tally_map_view_get_transform (view, &transform);
      tally_map_transform_to_canvas (&transform, 406870, 286920, &x, &y);
      g_assert_cmpstr (tally_map_view_lookup_council (view, x, y), ==, BIRMINGHAM);

      geographic = render (GTK_WIDGET (view));
      birmingham = sample_at (view, geographic, 406870, 286920, 3);
      assert_no_party_colour (birmingham, tally_window_get_catalog (window));
      assert_hatched (birmingham);
    }
  else
    g_test_message ("no boundaries imported: the hex map only");

  close_window (window);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *data_home = NULL;
  int status;

  /* The night's times read in UTC, whatever the machine's zone. */
  g_setenv ("TZ", "UTC", TRUE);
  g_test_init (&argc, &argv, NULL);

  data_home = tally_test_make_temp_dir ();
  g_setenv ("XDG_DATA_HOME", data_home, TRUE);
  g_setenv ("XDG_CACHE_HOME", data_home, TRUE);
  g_setenv ("XDG_CONFIG_HOME", data_home, TRUE);

  if (!tally_test_widgets_init ())
    return 0;

  g_test_add_func ("/window-night/dudley-page", test_dudley_page);
  g_test_add_func ("/window-night/timeline-counts", test_timeline_counts);
  g_test_add_func ("/window-night/map-hatch", test_map_hatch);

  status = g_test_run ();
  tally_test_remove_dir (data_home);
  if (temp_dir != NULL)
    tally_test_remove_dir (temp_dir);
  return status;
}
