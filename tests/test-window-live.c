/* test-window-live.c: the window follows its database while another process writes it.
 *
 * Needs a display: .ci/test runs every test under one xvfb-run.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <sqlite3.h>
#include <string.h>

#include "tally-catalog.h"
#include "tally-council.h"
#include "tally-council-page-private.h"
#include "tally-council-result.h"
#include "tally-council-row.h"
#include "tally-database.h"
#include "tally-election.h"
#include "tally-filter.h"
#include "tally-results.h"
#include "tally-scope-summary.h"
#include "tally-selection.h"
#include "tally-test-util.h"
#include "tally-test-widgets.h"
#include "tally-window-folder.h"
#include "tally-window-live.h"
#include "tally-window-private.h"

typedef struct
{
  char        *dir;
  char        *db_path;
  TallyWindow *window;
} Fixture;

static void
copy_file (const char *from,
           const char *to)
{
  g_autofree char *contents = NULL;
  gsize length;
  g_autoptr(GError) error = NULL;

  g_assert_true (g_file_get_contents (from, &contents, &length, &error));
  g_assert_true (g_file_set_contents (to, contents, length, &error));
}

static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  fixture->dir = tally_test_make_temp_dir ();
  fixture->db_path = g_build_filename (fixture->dir, "night.db", NULL);
  copy_file (tally_test_bundled_database (), fixture->db_path);

  fixture->window = tally_window_new (NULL);
  g_assert_true (tally_window_open_database (fixture->window, fixture->db_path));
  gtk_window_present (GTK_WINDOW (fixture->window));
  tally_test_wait_for_frames (100);
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  gtk_window_destroy (GTK_WINDOW (fixture->window));
  tally_test_wait_for_frames (50);
  tally_test_remove_dir (fixture->dir);
  g_free (fixture->db_path);
  g_free (fixture->dir);
}

static void
writer_done_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  gboolean *done = user_data;

  g_assert_true (g_subprocess_wait_finish (G_SUBPROCESS (object), result, NULL));
  *done = TRUE;
}

/* Runs `tally ARGS…` as another process while the window's main loop
 * keeps turning, as it would on results night. */
static void
run_writer (const char * const *args)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;
  gboolean done = FALSE;

  g_ptr_array_add (argv, (char *) g_getenv ("TALLY_BIN"));
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (char *) args[i]);
  g_ptr_array_add (argv, NULL);

  process = g_subprocess_newv ((const char * const *) argv->pdata, G_SUBPROCESS_FLAGS_STDOUT_SILENCE, &error);
  g_assert_no_error (error);

  g_subprocess_wait_async (process, NULL, writer_done_cb, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (g_subprocess_get_successful (process));
}

/* Turns the main loop until the window has read its file @n times, or a
 * generous deadline passes (then the assertion that follows fails). */
static void
wait_for_reloads (TallyWindow *window,
                  guint        n)
{
  gint64 end = g_get_monotonic_time () + 30 * G_TIME_SPAN_SECOND;

  while (tally_window_get_n_live_reloads (window) < n && g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, FALSE);
  tally_test_wait_for_frames (50);
}

static TallyCouncilRow *
selected_row (TallyWindow *window)
{
  GtkSelectionModel *model = gtk_column_view_get_model (tally_council_list_get_column_view (window->council_list));

  return gtk_single_selection_get_selected_item (GTK_SINGLE_SELECTION (model));
}

/* An import from another process: the council page that is open shows the
 * new wards, and the filter, the search and the selection stay. */
static void
test_follows_an_import (Fixture       *fixture,
                        gconstpointer  data)
{
  TallyWindow *window = fixture->window;
  g_autofree char *good = tally_test_data_path ("import-good.csv");
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  TallyFilter *filter;
  TallyCouncil *council;
  g_autoptr(GPtrArray) columns = NULL;
  GListModel *now;

  /* The user's place: North West councils only, Salford's page open. */
  filter = tally_results_get_filter (tally_window_get_results (window));
  tally_filter_set_regions (filter, (const char *[]) { "North West", NULL });
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-council", "s", "Salford");
  tally_test_wait_for_frames (100);
  g_assert_cmpstr (tally_window_get_page (window), ==, "council");
  before = tally_council_page_get_text (tally_window_get_council_page (window));
  g_assert_null (strstr (before, "Test Ward North"));
  g_assert_null (tally_window_get_live_text (window));
  g_assert_true (tally_window_is_following (window));
  columns = g_ptr_array_new_with_free_func (g_object_unref);
  now = gtk_column_view_get_columns (tally_council_list_get_column_view (window->council_list));
  for (guint i = 0; i < g_list_model_get_n_items (now); i++)
    g_ptr_array_add (columns, g_list_model_get_item (now, i));
  /* The map coloured by the Liberal Democrats' share, swing from Labour
   * (the Map is made when first shown). */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-view", "s", "map");
  tally_map_view_set_party (window->map_view, tally_catalog_lookup_party (tally_window_get_catalog (window), "LD"));
  tally_map_view_set_swing_from (window->map_view,
                                 tally_catalog_lookup_party (tally_window_get_catalog (window), "LAB"));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-view", "s", "councils");

  run_writer ((const char *[]) { "import", "--database", fixture->db_path, good, NULL });
  wait_for_reloads (window, 1);
  g_assert_cmpuint (tally_window_get_n_live_reloads (window), >=, 1);

  /* The page shows what the other process wrote. */
  after = tally_council_page_get_text (tally_window_get_council_page (window));
  if (strstr (after, "Test Ward North: Ada Example (Conservative and Unionist Party) 1,200, elected\n") == NULL)
    g_error ("the imported ward is not on Salford's page:\n%s", after);

  /* And the user is where they were. */
  g_assert_cmpstr (tally_window_get_page (window), ==, "council");
  council = tally_selection_get_council (tally_window_get_selection (window));
  g_assert_nonnull (council);
  g_assert_cmpstr (tally_council_get_name (council), ==, "Salford");
  g_assert_true (tally_catalog_lookup_council (tally_window_get_catalog (window), "E08000006") == council);
  filter = tally_results_get_filter (tally_window_get_results (window));
  g_assert_cmpstrv (tally_filter_get_regions (filter), ((const char *[]) { "North West", NULL }));
  g_assert_cmpstr (tally_council_get_name (tally_council_row_get_council (selected_row (window))), ==, "Salford");
  g_assert_true (g_str_has_prefix (tally_window_get_live_text (window), "Live"));
  /* The map's parties too, found again in the new catalogue. */
  g_assert_true (tally_map_view_get_party (window->map_view) ==
                 tally_catalog_lookup_party (tally_window_get_catalog (window), "LD"));
  g_assert_true (tally_map_view_get_swing_from (window->map_view) ==
                 tally_catalog_lookup_party (tally_window_get_catalog (window), "LAB"));

  /* The same parties in the same order keep the list's columns: building
   * them again would rebuild every row's cells on every ward of the night. */
  now = gtk_column_view_get_columns (tally_council_list_get_column_view (window->council_list));
  g_assert_cmpuint (g_list_model_get_n_items (now), ==, columns->len);
  for (guint i = 0; i < columns->len; i++)
    {
      g_autoptr(GObject) column = g_list_model_get_item (now, i);

      g_assert_true (column == g_ptr_array_index (columns, i));
    }
}

/* The list's row object for @code, not a reference. */
static TallyCouncilRow *
find_row (GListModel *model,
          const char *code)
{
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(TallyCouncilRow) row = g_list_model_get_item (model, i);

      if (g_str_equal (tally_council_row_get_code (row), code))
        return row;
    }
  return NULL;
}

/* The row widget of the council named @name: its first cell's label reads
 * the name, then the code. */
static GtkWidget *
find_row_widget (GtkWidget  *widget,
                 const char *name)
{
  if (GTK_IS_LABEL (widget))
    {
      g_autofree char *prefix = g_strconcat (name, "\n", NULL);

      if (g_str_has_prefix (gtk_label_get_text (GTK_LABEL (widget)), prefix))
        {
          for (GtkWidget *up = widget; up != NULL; up = gtk_widget_get_parent (up))
            if (g_str_equal (gtk_widget_get_css_name (up), "row"))
              return up;
        }
      return NULL;
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_row_widget (child, name);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* The text of a row widget's cell in column @column. */
static const char *
cell_text (GtkWidget *row,
           guint      column)
{
  GtkWidget *cell = gtk_widget_get_first_child (row);

  for (guint i = 0; i < column && cell != NULL; i++)
    cell = gtk_widget_get_next_sibling (cell);
  g_assert_nonnull (cell);
  g_assert_true (GTK_IS_LABEL (gtk_widget_get_first_child (cell)));
  return gtk_label_get_text (GTK_LABEL (gtk_widget_get_first_child (cell)));
}

static void
count_notify (GObject    *object,
              GParamSpec *pspec,
              guint      *count)
{
  (*count)++;
}

/* The AdwPreferencesRow titled @title under @widget. */
static GtkWidget *
find_titled_row (GtkWidget  *widget,
                 const char *title)
{
  if (ADW_IS_PREFERENCES_ROW (widget) &&
      g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), title) == 0)
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_titled_row (child, title);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* The first card of the state of the parties. */
static GtkWidget *
first_card (GtkWidget *widget)
{
  if (GTK_IS_FLOW_BOX_CHILD (widget))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = first_card (child);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* North West councils only: every row is in view. */
static void
show_north_west (TallyWindow *window)
{
  tally_filter_set_regions (tally_results_get_filter (tally_window_get_results (window)),
                            (const char *[]) { "North West", NULL });
  tally_test_wait_for_frames (100);
}

/* The place of the column titled @title, or G_MAXUINT. */
static guint
column_index (GListModel *columns,
              const char *title)
{
  for (guint i = 0; i < g_list_model_get_n_items (columns); i++)
    {
      g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (columns, i);

      if (g_strcmp0 (gtk_column_view_column_get_title (column), title) == 0)
        return i;
    }
  return G_MAXUINT;
}

/* A reload keeps the list's rows: the same row object for each council,
 * pointed at the new engine, the same row widgets, and only the council
 * that changed says so; its cells show the new figures.  The filter
 * panel keeps its rows too, the chosen one still ticked, and the state
 * of the parties its cards. */
static void
test_rows_outlive_a_reload (Fixture       *fixture,
                            gconstpointer  data)
{
  TallyWindow *window = fixture->window;
  GtkColumnView *view = tally_council_list_get_column_view (window->council_list);
  GListModel *model = G_LIST_MODEL (gtk_column_view_get_model (view));
  GListModel *columns = gtk_column_view_get_columns (view);
  g_autofree char *good = tally_test_data_path ("import-good.csv");
  g_autofree char *salford_before = NULL;
  g_autofree char *wigan_before = NULL;
  g_autofree char *expected = NULL;
  TallyCouncilRow *salford, *wigan;
  TallyCouncilResult *salford_result;
  GtkWidget *salford_widget, *wigan_widget, *north_west, *gained, *card, *results_row;
  GListModel *elections;
  guint salford_notified = 0, wigan_notified = 0;
  guint con = G_MAXUINT;
  TallyParty *party;

  show_north_west (window);
  con = column_index (columns, "Con");
  g_assert_cmpuint (con, !=, G_MAXUINT);

  salford = find_row (model, "E08000006");
  wigan = find_row (model, "E08000010");
  g_assert_nonnull (salford);
  g_assert_nonnull (wigan);
  salford_result = tally_council_row_get_result (salford);
  salford_widget = find_row_widget (GTK_WIDGET (view), "Salford");
  wigan_widget = find_row_widget (GTK_WIDGET (view), "Wigan");
  g_assert_nonnull (salford_widget);
  g_assert_nonnull (wigan_widget);
  salford_before = g_strdup (cell_text (salford_widget, con));
  wigan_before = g_strdup (cell_text (wigan_widget, con));
  g_signal_connect (salford, "notify::result", G_CALLBACK (count_notify), &salford_notified);
  g_signal_connect (wigan, "notify::result", G_CALLBACK (count_notify), &wigan_notified);
  north_west = find_titled_row (GTK_WIDGET (window->filter_panel), "North West");
  gained = find_titled_row (GTK_WIDGET (window->filter_panel), "Gained");
  g_assert_nonnull (north_west);
  g_assert_nonnull (gained);
  card = first_card (GTK_WIDGET (tally_window_get_party_summary (window)));
  g_assert_nonnull (card);
  results_row = find_titled_row (GTK_WIDGET (window->filter_panel), "Results");
  g_assert_true (ADW_IS_COMBO_ROW (results_row));
  elections = adw_combo_row_get_model (ADW_COMBO_ROW (results_row));
  g_assert_nonnull (elections);

  /* Salford gets a ward with a Conservative elected. */
  run_writer ((const char *[]) { "import", "--database", fixture->db_path, good, NULL });
  wait_for_reloads (window, 1);
  g_assert_cmpuint (tally_window_get_n_live_reloads (window), >=, 1);

  /* The same objects, now showing the new engine's results. */
  g_assert_true (find_row (model, "E08000006") == salford);
  g_assert_true (find_row (model, "E08000010") == wigan);
  g_assert_true (tally_council_row_get_result (salford) != salford_result);
  g_assert_true (tally_council_row_get_council (salford) ==
                 tally_catalog_lookup_council (tally_window_get_catalog (window), "E08000006"));
  g_assert_cmpuint (salford_notified, >=, 1);
  g_assert_cmpuint (wigan_notified, ==, 0);

  /* The same row widgets, their cells updated in place. */
  g_assert_true (find_row_widget (GTK_WIDGET (view), "Salford") == salford_widget);
  g_assert_true (find_row_widget (GTK_WIDGET (view), "Wigan") == wigan_widget);
  party = tally_catalog_lookup_party (tally_window_get_catalog (window), "CON");
  expected = g_strdup_printf ("%u", tally_council_result_get_seats_won (tally_council_row_get_result (salford), party));
  g_assert_cmpstr (cell_text (salford_widget, con), !=, salford_before);
  /* Seats won first, before the change and the share. */
  if (strcspn (cell_text (salford_widget, con), " \n") != strlen (expected) ||
      !g_str_has_prefix (cell_text (salford_widget, con), expected))
    g_error ("Salford's Conservative cell reads “%s” (before: “%s”), not %s seats", cell_text (salford_widget, con),
             salford_before, expected);
  g_assert_cmpstr (cell_text (wigan_widget, con), ==, wigan_before);

  /* The filter panel's rows are the same rows, the region still chosen. */
  g_assert_true (find_titled_row (GTK_WIDGET (window->filter_panel), "North West") == north_west);
  g_assert_true (find_titled_row (GTK_WIDGET (window->filter_panel), "Gained") == gained);
  g_assert_true (gtk_check_button_get_active (GTK_CHECK_BUTTON (
    adw_action_row_get_activatable_widget (ADW_ACTION_ROW (north_west)))));
  g_assert_cmpuint (tally_filter_panel_get_count (window->filter_panel, "region", "North West"), ==,
                    g_list_model_get_n_items (model));
  g_assert_true (first_card (GTK_WIDGET (tally_window_get_party_summary (window))) == card);

  /* The elections menu keeps its list (the same elections); choosing from
   * it gives the filter the reloaded catalogue's election. */
  g_assert_true (adw_combo_row_get_model (ADW_COMBO_ROW (results_row)) == elections);
  adw_combo_row_set_selected (ADW_COMBO_ROW (results_row), 0);
  {
    TallyFilter *filter = tally_results_get_filter (tally_window_get_results (window));
    g_autoptr(TallyElection) oldest = g_list_model_get_item (
      tally_catalog_get_elections (tally_window_get_catalog (window)), 0);

    g_assert_true (tally_filter_get_election (filter) == oldest);
    g_assert_cmpint (tally_election_get_year (oldest), ==, 2014);
    /* Back to 2018: the filter is kept in settings, for the next test too. */
    adw_combo_row_set_selected (ADW_COMBO_ROW (results_row), g_list_model_get_n_items (elections) - 1);
    g_assert_cmpint (tally_election_get_year (tally_filter_get_election (filter)), ==, 2018);
  }

  g_signal_handlers_disconnect_by_func (salford, count_notify, &salford_notified);
  g_signal_handlers_disconnect_by_func (wigan, count_notify, &wigan_notified);
}

/* The position of the council coded @code in @model, or G_MAXUINT. */
static guint
row_position (GListModel *model,
              const char *code)
{
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(TallyCouncilRow) row = g_list_model_get_item (model, i);

      if (g_str_equal (tally_council_row_get_code (row), code))
        return i;
    }
  return G_MAXUINT;
}

/* A row whose figures change in place still moves when the list is sorted
 * by them: sorted by Labour's seats, most first, Salford falls from the top
 * ten to below every council where Labour won more than its two seats
 * of the imported file, and the whole list stays in order. */
static void
test_sorted_row_moves (Fixture       *fixture,
                       gconstpointer  data)
{
  TallyWindow *window = fixture->window;
  GtkColumnView *view = tally_council_list_get_column_view (window->council_list);
  GListModel *model = G_LIST_MODEL (gtk_column_view_get_model (view));
  GListModel *columns = gtk_column_view_get_columns (view);
  g_autofree char *good = tally_test_data_path ("import-good.csv");
  TallyParty *labour;
  guint before, after, n;

  show_north_west (window);
  {
    g_autoptr(GtkColumnViewColumn) lab = g_list_model_get_item (columns, column_index (columns, "Lab"));

    g_assert_nonnull (lab);
    gtk_column_view_sort_by_column (view, lab, GTK_SORT_DESCENDING);
  }
  tally_test_wait_for_frames (20);
  before = row_position (model, "E08000006");
  g_assert_cmpuint (before, <, 10);

  run_writer ((const char *[]) { "import", "--database", fixture->db_path, good, NULL });
  wait_for_reloads (window, 1);
  tally_test_wait_for_frames (20);

  labour = tally_catalog_lookup_party (tally_window_get_catalog (window), "LAB");
  n = g_list_model_get_n_items (model);
  after = row_position (model, "E08000006");
  g_assert_cmpuint (after, >, before);
  for (guint i = 1; i < n; i++)
    {
      g_autoptr(TallyCouncilRow) a = g_list_model_get_item (model, i - 1);
      g_autoptr(TallyCouncilRow) b = g_list_model_get_item (model, i);

      g_assert_cmpuint (tally_council_result_get_seats_won (tally_council_row_get_result (a), labour), >=,
                        tally_council_result_get_seats_won (tally_council_row_get_result (b), labour));
    }
  {
    g_autoptr(TallyCouncilRow) salford = g_list_model_get_item (model, after);

    g_assert_cmpuint (tally_council_result_get_seats_won (tally_council_row_get_result (salford), labour), ==, 2);
  }
}

/* The first child of @widget's subtree that is a row of a list box. */
static GtkWidget *
first_list_row (GtkWidget *widget)
{
  if (GTK_IS_LIST_BOX_ROW (widget))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = first_list_row (child);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* A reload keeps the council page's ward rows: the ward that was there
 * is the same row, still expanded, with the same candidate rows, and a
 * ward new to the page takes its place in name order before it. */
static void
test_ward_rows_outlive_a_reload (Fixture       *fixture,
                                 gconstpointer  data)
{
  TallyWindow *window = fixture->window;
  TallyCouncilPage *page = tally_window_get_council_page (window);
  g_autofree char *good = tally_test_data_path ("import-good.csv");
  g_autofree char *south = g_build_filename (fixture->dir, "south.csv", NULL);
  g_autofree char *contents = NULL;
  g_autofree char *text = NULL;
  g_auto(GStrv) lines = NULL;
  g_autoptr(GString) south_only = g_string_new (NULL);
  GtkWidget *south_row, *first_candidate;

  /* Salford with one ward of the file, Test Ward South. */
  g_assert_true (g_file_get_contents (good, &contents, NULL, NULL));
  lines = g_strsplit (contents, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    if (i == 0 || strstr (lines[i], "Test Ward South") != NULL)
      g_string_append_printf (south_only, "%s\n", lines[i]);
  g_assert_true (g_file_set_contents (south, south_only->str, -1, NULL));
  run_writer ((const char *[]) { "import", "--database", fixture->db_path, south, NULL });
  wait_for_reloads (window, 1);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-council", "s", "Salford");
  tally_test_wait_for_frames (100);
  g_assert_cmpuint (page->ward_rows->len, ==, 1);
  south_row = g_ptr_array_index (page->ward_rows, 0);
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (south_row)), ==, "Test Ward South");
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (south_row), TRUE);
  first_candidate = first_list_row (gtk_widget_get_last_child (south_row));
  g_assert_nonnull (first_candidate);

  /* The whole file: Test Ward North comes in, South is read again. */
  run_writer ((const char *[]) { "import", "--database", fixture->db_path, good, NULL });
  wait_for_reloads (window, 2);
  g_assert_cmpstr (tally_window_get_page (window), ==, "council");
  g_assert_cmpuint (page->ward_rows->len, ==, 2);
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (g_ptr_array_index (page->ward_rows, 0))), ==,
                   "Test Ward North");
  g_assert_true (g_ptr_array_index (page->ward_rows, 1) == south_row);
  g_assert_true (adw_expander_row_get_expanded (ADW_EXPANDER_ROW (south_row)));
  g_assert_true (first_list_row (gtk_widget_get_last_child (south_row)) == first_candidate);
  /* On screen too, North first. */
  g_assert_true (gtk_widget_get_prev_sibling (south_row) == g_ptr_array_index (page->ward_rows, 0));
  text = tally_council_page_get_text (page);
  if (strstr (text, "Test Ward North: Ada Example (Conservative and Unionist Party) 1,200, elected\n") == NULL ||
      strstr (text, "Test Ward South: Dev Dummy") == NULL)
    g_error ("Salford's page does not list both wards:\n%s", text);
}

/* Every label of @grid, by row and column. */
static char *
grid_text (GtkGrid *grid)
{
  GString *text = g_string_new (NULL);

  for (int row = 0; gtk_grid_get_child_at (grid, 0, row) != NULL; row++)
    for (int column = 0; column < 8; column++)
      {
        GtkWidget *cell = gtk_grid_get_child_at (grid, column, row);

        while (cell != NULL && !GTK_IS_LABEL (cell))
          cell = gtk_widget_get_last_child (cell);
        g_string_append_printf (text, "%d,%d %s\n", row, column, cell ? gtk_label_get_text (GTK_LABEL (cell)) : "-");
      }
  return g_string_free (text, FALSE);
}

/* The council page brought up to date in place reads as a page made new
 * for the reloaded engine: its text, its table cell by cell, its wards;
 * for Salford, whose ward came in, and for Wigan, whose page the reload
 * left as it was, charts and all (its figures' digest unchanged). */
static void
test_page_updated_as_new (Fixture       *fixture,
                          gconstpointer  data)
{
  TallyWindow *window = fixture->window;
  TallyCouncilPage *page = tally_window_get_council_page (window);
  g_autofree char *good = tally_test_data_path ("import-good.csv");
  g_autofree char *live_text = NULL, *fresh_text = NULL, *live_grid = NULL, *fresh_grid = NULL;
  g_autofree char *before_grid = NULL;
  const char *shown = data;
  TallyCouncilPage *fresh;
  GtkWidget *heading;
  gconstpointer hemicycle;

  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-council", "s", shown);
  tally_test_wait_for_frames (100);
  before_grid = grid_text (page->seats_grid);
  heading = gtk_grid_get_child_at (page->seats_grid, 0, 0);
  hemicycle = tally_chart_view_get_data (tally_council_page_get_hemicycle (page));

  run_writer ((const char *[]) { "import", "--database", fixture->db_path, good, NULL });
  wait_for_reloads (window, 1);

  fresh = TALLY_COUNCIL_PAGE (g_object_ref_sink (tally_council_page_new ()));
  tally_council_page_set_ranking (fresh, window->ranking);
  tally_council_page_set_night (fresh, tally_window_get_night (window), tally_window_get_catalog (window));
  tally_council_page_show_result (fresh, tally_window_get_results (window), tally_council_page_get_result (page));

  live_text = tally_council_page_get_text (page);
  fresh_text = tally_council_page_get_text (fresh);
  g_assert_cmpstr (live_text, ==, fresh_text);
  g_assert_cmpstr (tally_council_page_get_table_tsv (page), ==, tally_council_page_get_table_tsv (fresh));
  live_grid = grid_text (page->seats_grid);
  fresh_grid = grid_text (fresh->seats_grid);
  g_assert_cmpstr (live_grid, ==, fresh_grid);
  /* The control chips too. */
  g_assert_cmpstr (gtk_label_get_text (page->before_chip), ==, gtk_label_get_text (fresh->before_chip));
  g_assert_cmpstr (gtk_widget_get_tooltip_text (GTK_WIDGET (page->after_chip)), ==,
                   gtk_widget_get_tooltip_text (GTK_WIDGET (fresh->after_chip)));
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (page->after_chip), "party-chip"));
  /* The page's result is the new engine's, whether or not it changed. */
  g_assert_true (tally_council_page_get_result (page) ==
                 tally_results_lookup (tally_window_get_results (window),
                                       tally_council_result_get_election (tally_council_page_get_result (page)),
                                       tally_council_result_get_baseline (tally_council_page_get_result (page)),
                                       tally_council_result_get_council (tally_council_page_get_result (page))));
  /* Salford's table did change, in the cells kept; Wigan's, whose figures
   * the ward left alone, did not. */
  if (g_str_equal (shown, "Salford"))
    g_assert_cmpstr (live_grid, !=, before_grid);
  else
    {
      g_assert_cmpstr (live_grid, ==, before_grid);
      /* Nor were its charts given new figures to draw. */
      g_assert_true (tally_chart_view_get_data (tally_council_page_get_hemicycle (page)) == hemicycle);
    }
  g_assert_true (gtk_grid_get_child_at (page->seats_grid, 0, 0) == heading);

  g_object_unref (fresh);
}

/* A reader (`tally summary`) and a touch of the file change nothing: the
 * window looks at PRAGMA data_version and does not read the file again. */
static void
test_readers_cost_no_reload (Fixture       *fixture,
                             gconstpointer  data)
{
  TallyWindow *window = fixture->window;
  g_autoptr(GFile) file = g_file_new_for_path (fixture->db_path);
  g_autoptr(GError) error = NULL;
  g_autofree char *good = tally_test_data_path ("import-good.csv");

  run_writer ((const char *[]) { "summary", "--database", fixture->db_path, NULL });
  g_assert_true (g_file_set_attribute_uint64 (file, G_FILE_ATTRIBUTE_TIME_MODIFIED,
                                              (guint64) g_get_real_time () / G_USEC_PER_SEC, G_FILE_QUERY_INFO_NONE,
                                              NULL, &error));
  g_assert_no_error (error);

  /* Longer than the window waits for a burst of writes to settle. */
  tally_test_wait_for_frames (400);
  g_assert_cmpuint (tally_window_get_n_live_reloads (window), ==, 0);
  g_assert_null (tally_window_get_live_text (window));

  /* A write after them is noticed. */
  run_writer ((const char *[]) { "import", "--database", fixture->db_path, good, NULL });
  wait_for_reloads (window, 1);
  g_assert_cmpuint (tally_window_get_n_live_reloads (window), >=, 1);
}

static void
declare (const char *db_path,
         const char *council,
         const char *declared_at)
{
  sqlite3 *db = NULL;
  g_autofree char *sql = g_strdup_printf ("INSERT INTO declarations (election_id, council_id, declared_at) "
                                          "SELECT e.id, c.id, '%s' FROM elections e, councils c "
                                          "WHERE e.date = '2018-05-03' AND c.name = '%s'",
                                          declared_at, council);
  char *message = NULL;

  g_assert_cmpint (sqlite3_open (db_path, &db), ==, SQLITE_OK);
  sqlite3_busy_timeout (db, 5000);
  if (sqlite3_exec (db, sql, NULL, NULL, &message) != SQLITE_OK)
    g_error ("%s: %s", sql, message);
  g_assert_cmpint (sqlite3_changes (db), ==, 1);
  sqlite3_close (db);
}

/* A night part declared: the header line says how far it has gone and who
 * declared last (in UK time), and moves when another council declares; the
 * state of the parties counts declared councils only. */
static void
test_header_line (void)
{
  g_autofree char *dir = tally_test_make_temp_dir ();
  g_autofree char *db_path = g_build_filename (dir, "night.db", NULL);
  TallyWindow *window = tally_window_new (NULL);
  TallyScopeSummary *summary;
  guint n_declared, n_councils;

  copy_file (tally_test_bundled_database (), db_path);
  declare (db_path, "Salford", "2018-05-03T23:40:00Z");
  declare (db_path, "Worcester", "2018-05-04T01:14:00Z");

  g_assert_true (tally_window_open_database (window, db_path));
  /* The header line is over the whole election, whatever the filter. */
  tally_filter_clear (tally_results_get_filter (tally_window_get_results (window)));
  gtk_window_present (GTK_WINDOW (window));
  tally_test_wait_for_frames (100);
  g_assert_cmpstr (tally_window_get_live_text (window), ==, "Live · 2 of 150 councils declared · latest 02:14 Worcester");
  summary = tally_results_get_summary (tally_window_get_results (window));
  g_assert_true (tally_scope_summary_get_declared (summary, &n_declared, &n_councils));
  g_assert_cmpuint (n_declared, ==, 2);

  declare (db_path, "Trafford", "2018-05-04T02:40:00Z");
  wait_for_reloads (window, 1);
  g_assert_cmpstr (tally_window_get_live_text (window), ==, "Live · 3 of 150 councils declared · latest 03:40 Trafford");
  summary = tally_results_get_summary (tally_window_get_results (window));
  g_assert_true (tally_scope_summary_get_declared (summary, &n_declared, &n_councils));
  g_assert_cmpuint (n_declared, ==, 3);
  g_assert_cmpuint (n_councils, ==, 150);

  gtk_window_destroy (GTK_WINDOW (window));
  tally_test_wait_for_frames (50);
  tally_test_remove_dir (dir);
}

/* The bundled database is never watched: a window that is not live has no
 * header line and no reload. */
static void
test_bundled_is_not_live (void)
{
  TallyWindow *window = tally_window_new (NULL);

  g_assert_true (tally_window_open_database (window, NULL));
  g_assert_null (tally_window_get_live_text (window));
  g_assert_false (tally_window_is_following (window));
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
wait_for_files (TallyWindow *window,
                guint        n)
{
  gint64 end = g_get_monotonic_time () + 30 * G_TIME_SPAN_SECOND;
  guint imported = 0, failed = 0;

  while (imported + failed < n && g_get_monotonic_time () < end)
    {
      g_main_context_iteration (NULL, FALSE);
      tally_window_get_folder_counts (window, &imported, &failed);
    }
  tally_test_wait_for_frames (50);
}

/* Writes @name into @dir the way a careful script does: a temporary name,
 * then a rename into place. */
static void
drop_file (const char *dir,
           const char *fixture,
           const char *name)
{
  g_autofree char *from = tally_test_data_path (fixture);
  g_autofree char *to = g_build_filename (dir, name, NULL);

  copy_file (from, to);
}

/* Follow a Folder: a good file lands and its wards are on the council's
 * page; a bad one is refused with its file, line and field, nothing is
 * lost, and the next good file still goes in. */
static void
test_follow_a_folder (void)
{
  g_autofree char *dir = tally_test_make_temp_dir ();
  g_autoptr(GFile) folder = g_file_new_for_path (dir);
  g_autoptr(GError) error = NULL;
  g_autofree char *user_database = tally_database_get_user_path ();
  g_autofree char *page = NULL;
  TallyWindow *window = tally_window_new (NULL);
  const char *message;
  guint imported, failed;

  g_assert_true (tally_window_open_database (window, NULL));
  gtk_window_present (GTK_WINDOW (window));
  tally_test_wait_for_frames (100);

  g_assert_true (_tally_window_follow_folder (window, folder, &error));
  g_assert_no_error (error);

  drop_file (dir, "import-good.csv", "salford-north.csv");
  wait_for_files (window, 1);
  tally_window_get_folder_counts (window, &imported, &failed);
  g_assert_cmpuint (imported, ==, 1);
  g_assert_cmpuint (failed, ==, 0);
  g_assert_cmpstr (tally_database_get_path (tally_catalog_get_database (tally_window_get_catalog (window))), ==,
                   user_database);

  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-council", "s", "Salford");
  tally_test_wait_for_frames (100);
  page = tally_council_page_get_text (tally_window_get_council_page (window));
  g_assert_nonnull (strstr (page, "Test Ward North: Ada Example (Conservative and Unionist Party) 1,200, elected\n"));

  /* A file that is not results, and a hidden one being written, are left alone. */
  drop_file (dir, "import-good.csv", ".salford.csv.part");
  drop_file (dir, "import-bad-number.csv", "broken.csv");
  wait_for_files (window, 2);
  message = tally_window_get_folder_counts (window, &imported, &failed);
  g_assert_cmpuint (imported, ==, 1);
  g_assert_cmpuint (failed, ==, 1);
  g_assert_nonnull (message);
  if (strstr (message, "broken.csv") == NULL || strstr (message, "line 3") == NULL || strstr (message, "votes") == NULL)
    g_error ("the message does not name file, line and field: %s", message);

  /* The window kept running, on the same database, with the ward still in. */
  g_assert_cmpstr (tally_window_get_page (window), ==, "council");
  g_free (page);
  page = tally_council_page_get_text (tally_window_get_council_page (window));
  g_assert_nonnull (strstr (page, "Test Ward North: Ada Example"));

  gtk_window_destroy (GTK_WINDOW (window));
  tally_test_wait_for_frames (50);
  tally_test_remove_dir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *data_home = NULL;
  int status;

  g_test_init (&argc, &argv, NULL);

  /* Follow a Folder imports into the user's own database: a fresh one. */
  data_home = tally_test_make_temp_dir ();
  g_setenv ("XDG_DATA_HOME", data_home, TRUE);

  if (!tally_test_widgets_init ())
    return 0;

  g_test_add ("/window-live/rows-outlive-a-reload", Fixture, NULL, fixture_setup, test_rows_outlive_a_reload,
              fixture_teardown);
  g_test_add ("/window-live/sorted-row-moves", Fixture, NULL, fixture_setup, test_sorted_row_moves,
              fixture_teardown);
  g_test_add ("/window-live/ward-rows-outlive-a-reload", Fixture, NULL, fixture_setup,
              test_ward_rows_outlive_a_reload, fixture_teardown);
  g_test_add ("/window-live/page-updated-as-new", Fixture, "Salford", fixture_setup, test_page_updated_as_new,
              fixture_teardown);
  g_test_add ("/window-live/page-kept-for-another-council", Fixture, "Wigan", fixture_setup,
              test_page_updated_as_new, fixture_teardown);
  g_test_add ("/window-live/follows-an-import", Fixture, NULL, fixture_setup, test_follows_an_import,
              fixture_teardown);
  g_test_add ("/window-live/readers-cost-no-reload", Fixture, NULL, fixture_setup, test_readers_cost_no_reload,
              fixture_teardown);
  g_test_add_func ("/window-live/bundled-is-not-live", test_bundled_is_not_live);
  g_test_add_func ("/window-live/follow-a-folder", test_follow_a_folder);
  g_test_add_func ("/window-live/header-line", test_header_line);

  status = g_test_run ();
  tally_test_remove_dir (data_home);
  return status;
}
