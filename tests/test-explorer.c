/* test-explorer.c: the filter panel, the council list and a council's page,
 * driven as a user drives them, on the bundled 2018 data.
 *
 * Needs a display: .ci/test runs every test under one xvfb-run.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <math.h>
#include <string.h>

#include "tally-council.h"
#include "tally-council-result.h"
#include "tally-council-list.h"
#include "tally-council-row.h"
#include "tally-export-dialog.h"
#include "tally-filter.h"
#include "tally-catalog.h"
#include "tally-database.h"
#include "tally-window-private.h"
#include "tally-import.h"
#include "tally-party.h"
#include "tally-party-ranking.h"
#include "tally-results.h"
#include "tally-selection.h"
#include "tally-test-util.h"
#include "tally-test-widgets.h"
#include "tally-window.h"

static GListModel *
listed (TallyWindow *window)
{
  GtkColumnView *view = tally_council_list_get_column_view (tally_window_get_council_list (window));

  return G_LIST_MODEL (gtk_column_view_get_model (view));
}

static char *
listed_names (TallyWindow *window)
{
  GListModel *model = listed (window);
  GString *names = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(TallyCouncilRow) row = g_list_model_get_item (model, i);

      g_string_append_printf (names, "%s%s", i ? ", " : "", tally_council_get_name (tally_council_row_get_council (row)));
    }

  return g_string_free (names, FALSE);
}

static TallyWindow *
open_window (void)
{
  TallyWindow *window = tally_window_new (NULL);

  g_assert_true (tally_window_open_database (window, NULL));
  gtk_window_present (GTK_WINDOW (window));
  tally_test_wait_for_frames (100);

  return window;
}

static void
test_filter_and_clear (void)
{
  TallyWindow *window = open_window ();
  TallyFilterPanel *panel = tally_window_get_filter_panel (window);
  g_autofree char *names = NULL;

  g_assert_cmpuint (g_list_model_get_n_items (listed (window)), ==, 150);
  g_assert_cmpuint (tally_filter_panel_get_count (panel, "region", "London"), ==, 32);

  /* London alone: the 32 boroughs. */
  g_assert_true (tally_filter_panel_toggle (panel, "region", "London"));
  tally_test_wait_for_frames (100);
  g_assert_cmpuint (g_list_model_get_n_items (listed (window)), ==, 32);

  /* Gained by the Liberal Democrats, in London. */
  g_assert_true (tally_filter_panel_toggle (panel, "party", "LD"));
  g_assert_true (tally_filter_panel_toggle (panel, "outcome", "Gained"));
  tally_test_wait_for_frames (100);
  names = listed_names (window);
  g_assert_cmpstr (names, ==, "Kingston upon Thames, Richmond upon Thames");

  /* The choices are remembered for the next start. */
  {
    g_autoptr(GSettings) settings = g_settings_new ("io.github.tally.Tally");
    g_auto(GStrv) regions = g_settings_get_strv (settings, "filter-regions");
    g_auto(GStrv) parties = g_settings_get_strv (settings, "filter-parties");
    g_auto(GStrv) outcomes = g_settings_get_strv (settings, "filter-outcomes");

    g_assert_cmpstrv (regions, ((const char * const[]) { "London", NULL }));
    g_assert_cmpstrv (parties, ((const char * const[]) { "LD", NULL }));
    g_assert_cmpstrv (outcomes, ((const char * const[]) { "gain", NULL }));
  }

  /* Escape clears everything: 150 again. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.escape", NULL);
  tally_test_wait_for_frames (100);
  g_assert_cmpuint (g_list_model_get_n_items (listed (window)), ==, 150);
  g_assert_true (tally_filter_is_empty (tally_results_get_filter (tally_window_get_results (window))));

  /* The toast's Undo brings the two councils back. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.undo-clear-filter", NULL);
  tally_test_wait_for_frames (100);
  g_free (names);
  names = listed_names (window);
  g_assert_cmpstr (names, ==, "Kingston upon Thames, Richmond upon Thames");
  tally_filter_clear (tally_results_get_filter (tally_window_get_results (window)));

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_restored_filter (void)
{
  g_autoptr(GSettings) settings = g_settings_new ("io.github.tally.Tally");
  TallyWindow *window;

  g_settings_set_strv (settings, "filter-council-types", (const char * const[]) { "metropolitan_borough", NULL });
  window = open_window ();
  g_assert_cmpuint (g_list_model_get_n_items (listed (window)), ==, 34);

  gtk_widget_activate_action (GTK_WIDGET (window), "win.clear-filter", NULL);
  gtk_window_destroy (GTK_WINDOW (window));
  g_settings_reset (settings, "filter-council-types");
}

static gboolean shows_label (GtkWidget  *widget,
                             const char *text);

/* The labels under @widget whose text holds @text. */
static void
find_labels (GtkWidget  *widget,
             const char *text,
             GPtrArray  *found)
{
  if (GTK_IS_LABEL (widget) && strstr (gtk_label_get_text (GTK_LABEL (widget)), text) != NULL)
    g_ptr_array_add (found, widget);

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    find_labels (child, text, found);
}

static void
test_state_of_the_parties (void)
{
  TallyWindow *window = open_window ();
  const char *text = tally_party_summary_get_text (tally_window_get_party_summary (window));
  g_autoptr(GPtrArray) estimate = g_ptr_array_new ();

  /* On the bundled council totals, no share estimate: said once, in one
   * short line, why and what would give it in the tooltip. */
  find_labels (GTK_WIDGET (tally_window_get_party_summary (window)), "share estimate", estimate);
  g_assert_cmpuint (estimate->len, ==, 1);
  g_assert_cmpstr (gtk_label_get_text (g_ptr_array_index (estimate, 0)), ==,
                   "National share estimate: not available without candidate results");
  g_assert_cmpint (pango_layout_get_line_count (gtk_label_get_layout (g_ptr_array_index (estimate, 0))), ==, 1);
  g_assert_nonnull (strstr (gtk_widget_get_tooltip_text (g_ptr_array_index (estimate, 0)),
                            "import the Democracy Club results CSV"));
  /* Screen readers get the whole sentence. */
  g_assert_nonnull (strstr (text, "National share estimate: not available: it needs candidate rows"));
  /* The bundled figures are the published record. */
  g_assert_null (strstr (text, "published record"));

  /* No change as published scoreboards print it: "Lab 74 (±0)", on the
   * card too, and in the list's cells ("9 ±0"). */
  g_assert_nonnull (strstr (text, "Labour: 74 councils (±0)"));
  g_assert_null (strstr (text, "(0)"));
  g_assert_true (shows_label (GTK_WIDGET (tally_window_get_party_summary (window)), "74 councils (±0)"));
  g_assert_true (shows_label (GTK_WIDGET (tally_window_get_council_list (window)), "±0"));
  g_assert_nonnull (strstr (text, "2,350 seats"));
  g_assert_nonnull (strstr (text, "Conservative: 46 councils (−2)"));
  g_assert_nonnull (strstr (text, "1,332 seats"));
  /* Which basis, over which councils, and the seats apart. */
  g_assert_nonnull (strstr (text, "As the results services count it: councils against control on the eve of the "
                                  "poll; seat change against the previous comparable election, over 142 councils "
                                  "(114 on the same seats, 28 against a notional baseline); 8 on new boundaries "
                                  "have no notional baseline and are left out."));
  g_assert_nonnull (strstr (text, "4,368 seats of the ordinary cycle (8 of them at postponed polls, not filled on "
                                  "the day); 44 more at same-day by-elections."));
  /* The 8 left out, by name: in the note's tooltip and for screen
   * readers, so the total can be checked against the BBC's. */
  {
    g_autoptr(GPtrArray) note = g_ptr_array_new ();
    const char *left_out = "Left out of the seat change (no notional baseline): Blackburn with Darwen; Eastleigh; "
                           "Elmbridge; Epping Forest; Harrogate; Huntingdonshire; Kingston upon Hull, City of; "
                           "South Lakeland";

    find_labels (GTK_WIDGET (tally_window_get_party_summary (window)), "are left out", note);
    g_assert_cmpuint (note->len, ==, 1);
    g_assert_cmpstr (gtk_widget_get_tooltip_text (g_ptr_array_index (note, 0)), ==, left_out);
    g_assert_nonnull (strstr (text, left_out));
  }

  /* One switch away, and remembered. */
  tally_filter_set_basis (tally_results_get_filter (tally_window_get_results (window)), TALLY_BASIS_ELECTION);
  text = tally_party_summary_get_text (tally_window_get_party_summary (window));
  /* Rugby, short of a majority in 2016, is a Conservative gain; Carlisle,
   * a Labour council in 2016, a loss. */
  g_assert_nonnull (strstr (text, "Conservative: 46 councils (±0)"));
  g_assert_nonnull (strstr (text, "Labour: 74 councils (−1)"));
  g_assert_nonnull (strstr (text, "Against the council’s last election: councils against the control the "
                                  "council’s last election produced"));
  gtk_window_destroy (GTK_WINDOW (window));

  window = open_window ();
  text = tally_party_summary_get_text (tally_window_get_party_summary (window));
  g_assert_nonnull (strstr (text, "Conservative: 46 councils (±0)"));
  g_assert_nonnull (strstr (text, "Labour: 74 councils (−1)"));
  tally_filter_set_basis (tally_results_get_filter (tally_window_get_results (window)), TALLY_BASIS_SERVICES);
  gtk_window_destroy (GTK_WINDOW (window));
}

/* Opens @name's page by typing it and pressing Enter; returns its text. */
static char *
open_council_page (TallyWindow *window,
                   const char  *name)
{
  GtkEditable *search = tally_filter_panel_get_search_entry (tally_window_get_filter_panel (window));
  GtkColumnView *view = tally_council_list_get_column_view (tally_window_get_council_list (window));
  gint64 end;

  gtk_editable_set_text (search, name);
  end = g_get_monotonic_time () + 2 * G_TIME_SPAN_SECOND;
  while (g_list_model_get_n_items (listed (window)) != 1 && g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, FALSE);
  g_assert_cmpuint (g_list_model_get_n_items (listed (window)), ==, 1);

  g_signal_emit_by_name (view, "activate", 0);
  tally_test_wait_for_frames (100);
  g_assert_cmpstr (tally_window_get_page (window), ==, "council");

  return tally_council_page_get_text (tally_window_get_council_page (window));
}

static void
test_council_page_bases (void)
{
  TallyWindow *window = open_window ();
  g_autofree char *brent = open_council_page (window, "E09000005");  /* "Brent" finds Brentwood too */
  g_autofree char *plymouth = NULL;
  g_autofree char *plymouth_election = NULL;

  g_test_message ("%s", brent);
  g_assert_nonnull (strstr (brent, "\nWillesden Green (3 seats): poll postponed to 21 June 2018.\n"));
  g_assert_nonnull (strstr (brent, "Gain or hold: councils against control on the eve of the poll. "
                                   "Change setting: As the results services count it."));

  gtk_widget_activate_action (GTK_WIDGET (window), "win.back", NULL);
  plymouth = open_council_page (window, "Plymouth");
  g_assert_nonnull (strstr (plymouth, "Labour gain from Conservative"));

  /* The page follows the basis. */
  tally_filter_set_basis (tally_results_get_filter (tally_window_get_results (window)), TALLY_BASIS_ELECTION);
  tally_test_wait_for_frames (10);
  plymouth_election = tally_council_page_get_text (tally_window_get_council_page (window));
  g_assert_nonnull (strstr (plymouth_election, "Labour gain from no overall control"));
  tally_filter_set_basis (tally_results_get_filter (tally_window_get_results (window)), TALLY_BASIS_SERVICES);

  gtk_widget_activate_action (GTK_WIDGET (window), "win.back", NULL);
  gtk_editable_set_text (tally_filter_panel_get_search_entry (tally_window_get_filter_panel (window)), "");
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_council_page (void)
{
  TallyWindow *window = open_window ();
  GtkEditable *search = tally_filter_panel_get_search_entry (tally_window_get_filter_panel (window));
  GtkColumnView *view = tally_council_list_get_column_view (tally_window_get_council_list (window));
  g_autofree char *page_text = NULL;
  gint64 end;

  /* Type the name, then Enter on the only row left. */
  gtk_editable_set_text (search, "Trafford");
  end = g_get_monotonic_time () + 2 * G_TIME_SPAN_SECOND;
  while (g_list_model_get_n_items (listed (window)) != 1 && g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, FALSE);
  g_assert_cmpuint (g_list_model_get_n_items (listed (window)), ==, 1);

  g_signal_emit_by_name (view, "activate", 0);
  tally_test_wait_for_frames (100);

  g_assert_cmpstr (tally_window_get_page (window), ==, "council");
  g_assert_cmpstr (tally_council_get_name (tally_selection_get_council (tally_window_get_selection (window))), ==,
                   "Trafford");

  page_text = tally_council_page_get_text (tally_window_get_council_page (window));
  g_test_message ("%s", page_text);
  g_assert_nonnull (strstr (page_text, "Trafford\n"));
  g_assert_nonnull (strstr (page_text, "Conservative loss to no overall control"));
  g_assert_nonnull (strstr (page_text, "63 seats; 32 for a majority"));
  g_assert_nonnull (strstr (page_text, "Labour: 25 before, 30 after, won 13 (+4)"));
  g_assert_nonnull (strstr (page_text, "Conservative: 34 before, 29 after"));
  /* No change reads as scoreboards print it. */
  g_assert_nonnull (strstr (page_text, "UK Independence Party: 0 before, 0 after, won 0 (±0)"));

  /* Back keeps the filter. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.back", NULL);
  tally_test_wait_for_frames (100);
  g_assert_cmpstr (tally_window_get_page (window), ==, "list");
  g_assert_cmpuint (g_list_model_get_n_items (listed (window)), ==, 1);

  gtk_editable_set_text (search, "");
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_colour_blind_palette (void)
{
  g_autoptr(GSettings) settings = g_settings_new ("io.github.tally.Tally");
  TallyWindow *window = open_window ();
  TallyChartView *hemicycle = tally_council_page_get_hemicycle (tally_window_get_council_page (window));

  g_assert_false (tally_chart_view_get_colour_blind_safe (hemicycle));

  /* One switch, every chart follows. */
  g_settings_set_boolean (settings, "colour-blind-palette", TRUE);
  tally_test_wait_for_frames (100);
  g_assert_true (tally_chart_view_get_colour_blind_safe (hemicycle));

  g_settings_reset (settings, "colour-blind-palette");
  tally_test_wait_for_frames (100);
  g_assert_false (tally_chart_view_get_colour_blind_safe (hemicycle));

  gtk_window_destroy (GTK_WINDOW (window));
}

/* With the 2018 Democracy Club and 2014 LEAP files imported, Salford's page
 * lists every ward and candidate: Kersal was won by the Conservative Ari
 * Leitner, a gain from Labour, who won it in 2014. */
static void
test_imported_wards (void)
{
  g_autofree char *results_file = tally_test_shared_data_path ("results/dc_2018/democracyclub-results-2018-05-03_raw.csv");
  g_autofree char *baseline_file = tally_test_shared_data_path ("results/leap_2014/leap_2014_results_raw.csv");
  g_autoptr(GFile) baseline = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *database = NULL;
  g_autofree char *page_text = NULL;
  g_autoptr(TallyImporter) importer = NULL;
  g_autoptr(TallyImportSummary) summary = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  TallyWindow *window;

  if (results_file == NULL || baseline_file == NULL)
    {
      g_test_skip ("the Democracy Club and LEAP results are not in ../shared/data");
      return;
    }

  dir = tally_test_make_temp_dir ();
  database = g_build_filename (dir, "imported.db", NULL);
  file = g_file_new_for_path (results_file);
  baseline = g_file_new_for_path (baseline_file);
  importer = tally_importer_new (database);
  tally_importer_add_file (importer, file);
  tally_importer_add_file (importer, baseline);
  summary = tally_importer_run (importer, NULL, &error);
  g_assert_no_error (error);

  window = tally_window_new (NULL);
  g_assert_true (tally_window_open_database (window, database));
  gtk_window_present (GTK_WINDOW (window));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-council", "s", "Salford");
  tally_test_wait_for_frames (100);

  g_assert_cmpstr (tally_window_get_page (window), ==, "council");
  page_text = tally_council_page_get_text (tally_window_get_council_page (window));
  g_assert_nonnull (strstr (page_text, "Salford\n"));
  if (strstr (page_text, "Kersal: Ari Leitner (Conservative and Unionist Party) 1,660, elected\n") == NULL)
    g_error ("Kersal's winner is not on Salford's page:\n%s", page_text);
  g_assert_nonnull (strstr (page_text, "Kersal: Ann-Marie Humphreys (Labour Party) 910\n"));
  /* Labour won Kersal when it was last fought, in 2014. */
  g_assert_nonnull (strstr (page_text, "Kersal: Conservative gain · majority 750\n"));

  gtk_window_destroy (GTK_WINDOW (window));
  tally_test_remove_dir (dir);
}

static GtkWidget *
find_export_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWidget) toplevel = g_list_model_get_item (toplevels, i);

      if (TALLY_IS_EXPORT_DIALOG (toplevel))
        return toplevel;
    }

  return NULL;
}

/* Export offers what is in view: the council's seat chart on its page, the
 * map on the Map view. */
static void
test_export_what_is_in_view (void)
{
  TallyWindow *window = open_window ();
  GtkWidget *dialog;

  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-council", "s", "Trafford");
  gtk_widget_activate_action (GTK_WIDGET (window), "win.export", NULL);
  tally_test_wait_for_frames (100);
  dialog = find_export_dialog ();
  g_assert_nonnull (dialog);
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (dialog)), ==, "Export Chart");
  gtk_window_destroy (GTK_WINDOW (dialog));
  tally_test_wait_for_frames (100);
  g_assert_null (find_export_dialog ());

  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-view", "s", "map");
  gtk_widget_activate_action (GTK_WIDGET (window), "win.export", NULL);
  tally_test_wait_for_frames (100);
  dialog = find_export_dialog ();
  g_assert_nonnull (dialog);
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (dialog)), ==, "Export Map");
  gtk_window_destroy (GTK_WINDOW (dialog));

  gtk_window_destroy (GTK_WINDOW (window));
}

/* Import from the window: the file goes into the user's own database on a
 * worker thread, and the window then shows it, with the new ward. */
static void
test_import_from_window (void)
{
  g_autofree char *fixture = g_test_build_filename (G_TEST_DIST, "data", "import-good.csv", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (fixture);
  g_autofree char *user_database = tally_database_get_user_path ();
  g_autofree char *page_text = NULL;
  TallyWindow *window = open_window ();
  gint64 end;

  g_assert_false (g_file_test (user_database, G_FILE_TEST_EXISTS));

  _tally_window_import_files (window, &file, 1);
  g_assert_true (gtk_revealer_get_reveal_child (window->import_revealer));

  /* The database the window shows becomes the user's, once the worker is done. */
  end = g_get_monotonic_time () + 20 * G_TIME_SPAN_SECOND;
  while (g_get_monotonic_time () < end && g_strcmp0 (tally_database_get_path (tally_catalog_get_database (tally_window_get_catalog (window))), user_database) != 0)
    g_main_context_iteration (NULL, TRUE);

  g_assert_cmpstr (tally_database_get_path (tally_catalog_get_database (tally_window_get_catalog (window))), ==, user_database);
  g_assert_true (g_file_test (user_database, G_FILE_TEST_EXISTS));

  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-council", "s", "Salford");
  tally_test_wait_for_frames (100);
  page_text = tally_council_page_get_text (tally_window_get_council_page (window));
  if (strstr (page_text, "Test Ward North: Ada Example (Conservative and Unionist Party) 1,200, elected\n") == NULL)
    g_error ("the imported ward is not on Salford's page:\n%s", page_text);

  gtk_window_destroy (GTK_WINDOW (window));

  /* A fresh start, with no flag, opens the database the import made, and
   * its footer names that file. */
  window = open_window ();
  g_assert_cmpstr (tally_database_get_path (tally_catalog_get_database (tally_window_get_catalog (window))), ==,
                   user_database);
  g_assert_nonnull (strstr (gtk_label_get_text (window->database_label), user_database));
  g_assert_null (strstr (gtk_label_get_text (window->database_label), "Bundled"));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-council", "s", "Salford");
  tally_test_wait_for_frames (100);
  g_free (page_text);
  page_text = tally_council_page_get_text (tally_window_get_council_page (window));
  g_assert_nonnull (strstr (page_text, "Test Ward North: Ada Example"));
  gtk_window_destroy (GTK_WINDOW (window));
}

/* Council boundaries dropped on the window go into the user's database,
 * and the map can then draw them. */
static void
test_import_boundaries_from_window (void)
{
  g_autofree char *boundaries = tally_test_shared_data_path ("geo/lad2018/lad2018_england_buc_bng.geojson");
  g_autoptr(GFile) file = NULL;
  g_autofree char *user_database = tally_database_get_user_path ();
  TallyWindow *window;
  gint64 end;

  if (boundaries == NULL)
    {
      g_test_skip ("the ONS boundaries are not in ../shared/data");
      return;
    }

  window = open_window ();
  file = g_file_new_for_path (boundaries);
  _tally_window_import_files (window, &file, 1);
  g_assert_true (gtk_revealer_get_reveal_child (window->import_revealer));

  end = g_get_monotonic_time () + 60 * G_TIME_SPAN_SECOND;
  while (g_get_monotonic_time () < end && window->importing_geography)
    g_main_context_iteration (NULL, TRUE);
  g_assert_false (window->importing_geography);
  g_assert_cmpstr (tally_database_get_path (tally_catalog_get_database (tally_window_get_catalog (window))), ==,
                   user_database);

  /* The map, made when first shown, loads the boundaries on its own thread. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-view", "s", "map");
  end = g_get_monotonic_time () + 30 * G_TIME_SPAN_SECOND;
  while (g_get_monotonic_time () < end &&
         (tally_map_view_get_loading (window->map_view) || tally_map_view_get_boundaries (window->map_view) == NULL))
    g_main_context_iteration (NULL, TRUE);
  g_assert_nonnull (tally_map_view_get_boundaries (window->map_view));

  gtk_window_destroy (GTK_WINDOW (window));
}

/* Whether some label under @widget shows @text: a toast is a label. */
static gboolean
shows_label (GtkWidget  *widget,
             const char *text)
{
  if (GTK_IS_LABEL (widget) && gtk_widget_get_mapped (widget) &&
      strstr (gtk_label_get_label (GTK_LABEL (widget)), text) != NULL)
    return TRUE;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (shows_label (child, text))
      return TRUE;

  return FALSE;
}

/* A map click on a council with no 2018 election (Staffordshire Moorlands,
 * whole-council in 2015 and 2019) says so, and never leaves the last
 * council's page up under its name; one with an election opens its page. */
static void
test_map_click_no_election (void)
{
  TallyWindow *window = open_window ();
  TallyCatalog *catalog = tally_window_get_catalog (window);
  TallySelection *selection = tally_window_get_selection (window);
  TallyCouncil *moorlands = tally_catalog_lookup_council (catalog, "E07000198");
  TallyCouncil *wigan = tally_catalog_lookup_council (catalog, "E08000010");
  g_autofree char *trafford = NULL;
  g_autofree char *text = NULL;

  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-council", "s", "Trafford");
  tally_test_wait_for_frames (100);
  g_assert_cmpstr (tally_window_get_page (window), ==, "council");
  trafford = tally_council_page_get_text (tally_window_get_council_page (window));
  g_assert_nonnull (strstr (trafford, "Trafford"));

  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-view", "s", "map");
  tally_test_wait_for_frames (100);

  /* The map selects what was clicked, then activates it. */
  tally_selection_set_council (selection, moorlands);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window->map_view), "map.activate", NULL));
  tally_test_wait_for_frames (100);
  g_assert_cmpstr (adw_view_stack_get_visible_child_name (window->view_stack), ==, "map");
  g_assert_cmpstr (tally_window_get_page (window), ==, "list");
  g_assert_true (shows_label (GTK_WIDGET (window), "Staffordshire Moorlands held no election on 3 May 2018"));

  /* Back on the Councils view: the list, not Trafford's page. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-view", "s", "councils");
  tally_test_wait_for_frames (100);
  g_assert_cmpstr (tally_window_get_page (window), ==, "list");

  /* A council that voted opens its own page from the map. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-view", "s", "map");
  tally_selection_set_council (selection, wigan);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window->map_view), "map.activate", NULL));
  tally_test_wait_for_frames (100);
  g_assert_cmpstr (tally_window_get_page (window), ==, "council");
  text = tally_council_page_get_text (tally_window_get_council_page (window));
  g_assert_nonnull (strstr (text, "Wigan"));
  g_assert_null (strstr (text, "Trafford"));

  gtk_window_destroy (GTK_WINDOW (window));
}

/* Trafford's table in a results table's order (most seats after first,
 * Other parties last), and the votes the bundled results do not split by
 * party said once: 76,806 votes less the five named parties' 76,250. */
static void
test_council_table_order (void)
{
  TallyWindow *window = open_window ();
  const char *order[] = { "Labour", "Conservative", "Green Party", "Liberal Democrats", "UK Independence Party",
                          "Other parties" };
  g_auto(GStrv) lines = NULL;
  g_autofree char *text = NULL;

  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-council", "s", "Trafford");
  tally_test_wait_for_frames (100);
  g_assert_cmpstr (tally_window_get_page (window), ==, "council");

  lines = g_strsplit (tally_council_page_get_table_tsv (tally_window_get_council_page (window)), "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 1 + G_N_ELEMENTS (order) + 1);
  for (guint i = 0; i < G_N_ELEMENTS (order); i++)
    {
      g_auto(GStrv) cells = g_strsplit (lines[1 + i], "\t", -1);

      g_assert_cmpstr (cells[0], ==, order[i]);
    }
  /* Other parties: one seat before, none after, no vote figure of its own. */
  g_assert_cmpstr (lines[6], ==, "Other parties\t1\t0\t0\t0\t±0\t–\t–");

  text = tally_council_page_get_text (tally_window_get_council_page (window));
  g_assert_nonnull (strstr (text, "Independents and other parties: no separate vote figure in these results; "
                                  "together 0.7% (556 votes)."));
  g_assert_true (shows_label (GTK_WIDGET (window), "together 0.7% (556 votes)"));

  gtk_window_destroy (GTK_WINDOW (window));
}

/* The list's party columns keep their order while the same parties are
 * shown: on results night the ranking by seats changes ward by ward, and
 * a column must not move under the reader's eye (nor the columns be built
 * again, which rebuilt every row's cells). */
static void
test_columns_keep_their_order (void)
{
  TallyWindow *window = open_window ();
  GtkColumnView *view = tally_council_list_get_column_view (window->council_list);
  GListModel *columns = gtk_column_view_get_columns (view);
  GListModel *matching = tally_results_get_matching (window->results);
  g_autoptr(GListStore) conservative = g_list_store_new (TALLY_TYPE_COUNCIL_RESULT);
  g_autoptr(GPtrArray) before = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(TallyPartyRanking) ranking = NULL;
  g_autoptr(GString) order_before = g_string_new (NULL);
  g_autoptr(GString) order_now = g_string_new (NULL);
  GListModel *shown_before = tally_party_ranking_get_shown (window->ranking);

  for (guint i = 0; i < g_list_model_get_n_items (columns); i++)
    g_ptr_array_add (before, g_list_model_get_item (columns, i));

  /* The same parties ranked over the councils the Conservatives won: the
   * Conservatives first now, not Labour. */
  for (guint i = 0; i < g_list_model_get_n_items (matching); i++)
    {
      g_autoptr(TallyCouncilResult) result = g_list_model_get_item (matching, i);
      TallyParty *control = tally_council_result_get_control (result, TALLY_STAGE_AFTER);

      if (control != NULL && g_str_equal (tally_party_get_key (control), "CON"))
        g_list_store_append (conservative, result);
    }
  ranking = tally_party_ranking_new_full (tally_catalog_get_parties (tally_window_get_catalog (window)),
                                          G_LIST_MODEL (conservative), TRUE);
  for (guint i = 0; i < g_list_model_get_n_items (shown_before); i++)
    {
      g_autoptr(TallyParty) party = g_list_model_get_item (shown_before, i);

      g_string_append_printf (order_before, "%s ", tally_party_get_key (party));
    }
  for (guint i = 0; i < g_list_model_get_n_items (tally_party_ranking_get_shown (ranking)); i++)
    {
      g_autoptr(TallyParty) party = g_list_model_get_item (tally_party_ranking_get_shown (ranking), i);

      g_string_append_printf (order_now, "%s ", tally_party_get_key (party));
    }
  g_test_message ("shown before: %s; now: %s", order_before->str, order_now->str);
  g_assert_true (g_str_has_prefix (order_before->str, "LAB "));
  g_assert_true (g_str_has_prefix (order_now->str, "CON "));
  g_assert_cmpuint (g_list_model_get_n_items (tally_party_ranking_get_shown (ranking)), ==,
                    g_list_model_get_n_items (shown_before));

  tally_council_list_set_parties (window->council_list, ranking);
  tally_test_wait_for_frames (100);
  g_assert_cmpuint (g_list_model_get_n_items (columns), ==, before->len);
  for (guint i = 0; i < before->len; i++)
    {
      g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (columns, i);

      g_assert_true (column == g_ptr_array_index (before, i));
    }

  gtk_window_destroy (GTK_WINDOW (window));
}

/* tally --council takes what people type: a unique word opens the council,
 * an ambiguous one names the candidates. */
static void
test_show_council_by_part_of_name (void)
{
  TallyWindow *window = open_window ();
  g_autofree char *text = NULL;

  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-council", "s", "richmond");
  tally_test_wait_for_frames (100);
  g_assert_cmpstr (tally_window_get_page (window), ==, "council");
  text = tally_council_page_get_text (tally_window_get_council_page (window));
  g_assert_nonnull (strstr (text, "Richmond upon Thames"));

  gtk_widget_activate_action (GTK_WIDGET (window), "win.back", NULL);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-council", "s", "Kingston");
  tally_test_wait_for_frames (100);
  g_assert_cmpstr (tally_window_get_page (window), ==, "list");
  g_assert_true (shows_label (GTK_WIDGET (window), "“Kingston” could be Kingston upon Hull, City of or Kingston upon Thames"));

  gtk_window_destroy (GTK_WINDOW (window));
}

/* The button under @widget whose label starts with @prefix. */
static GtkWidget *
find_button (GtkWidget  *widget,
             const char *prefix)
{
  if (GTK_IS_BUTTON (widget) && gtk_button_get_label (GTK_BUTTON (widget)) != NULL &&
      g_str_has_prefix (gtk_button_get_label (GTK_BUTTON (widget)), prefix) && gtk_widget_get_mapped (widget))
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_button (child, prefix);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/* A filter that leaves nothing says which choices it holds, and each has a
 * button that clears it, saying how many councils that brings back. */
static void
test_empty_result_says_why (void)
{
  TallyWindow *window = open_window ();
  TallyFilterPanel *panel = tally_window_get_filter_panel (window);
  TallyFilter *filter = tally_results_get_filter (tally_window_get_results (window));
  GtkWidget *list = GTK_WIDGET (tally_window_get_council_list (window));
  GtkWidget *clear;

  g_assert_true (tally_filter_panel_toggle (panel, "region", "London"));
  g_assert_true (tally_filter_panel_toggle (panel, "party", "LD"));
  g_assert_true (tally_filter_panel_toggle (panel, "outcome", "No overall control, before and after"));
  tally_test_wait_for_frames (100);
  g_assert_cmpuint (g_list_model_get_n_items (listed (window)), ==, 0);

  g_assert_true (shows_label (list, "No council matches all of these together:"));
  g_assert_true (shows_label (list, "Region: London"));
  g_assert_true (shows_label (list, "Party: Liberal Democrats"));
  g_assert_true (shows_label (list, "Outcome: No overall control, before and after"));
  /* Without the region, still nothing; without the party, London's NOC
   * councils; without the outcome, the three the Liberal Democrats ran. */
  g_assert_nonnull (find_button (list, "Clear Region (0 councils)"));
  g_assert_nonnull (find_button (list, "Clear Outcome (3 councils)"));
  clear = find_button (list, "Clear Party (");
  g_assert_nonnull (clear);

  g_signal_emit_by_name (find_button (list, "Clear Outcome"), "clicked");
  tally_test_wait_for_frames (100);
  g_assert_cmpuint (g_list_model_get_n_items (listed (window)), ==, 3);
  g_assert_false (shows_label (list, "No council matches"));

  /* One section alone: its choice, or its choices between them. */
  tally_filter_clear (filter);
  tally_filter_set_search_text (filter, "Zzyzx");
  tally_test_wait_for_frames (100);
  g_assert_cmpuint (g_list_model_get_n_items (listed (window)), ==, 0);
  g_assert_true (shows_label (list, "No council matches this choice:\nSearch: “Zzyzx”"));
  g_assert_false (shows_label (list, "together"));

  tally_filter_clear (filter);
  tally_filter_set_parties (filter, (const char *[]) { "GRN", "UKIP", NULL });
  tally_test_wait_for_frames (100);
  g_assert_cmpuint (g_list_model_get_n_items (listed (window)), ==, 0);
  g_assert_true (shows_label (list, "No council matches any of these choices:\nParty: Green Party or UK Independence Party"));

  tally_filter_clear (filter);
  gtk_window_destroy (GTK_WINDOW (window));
}

static GtkLabel *
find_title (GtkWidget *widget)
{
  if (GTK_IS_LABEL (widget) && gtk_widget_has_css_class (widget, "title-1"))
    return GTK_LABEL (widget);

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkLabel *found = find_title (child);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/* A council's page opens with its name shown, not selected as if to be
 * typed over (the title can still be selected and copied by hand). */
static void
test_council_title_not_selected (void)
{
  TallyWindow *window = open_window ();
  g_autofree char *text = open_council_page (window, "Trafford");
  GtkLabel *title = find_title (GTK_WIDGET (tally_window_get_council_page (window)));
  int start = 0, end = 0;

  g_assert_nonnull (title);
  g_assert_cmpstr (gtk_label_get_text (title), ==, "Trafford");
  g_assert_true (gtk_label_get_selectable (title));
  /* Focus moving onto the page's first widget, as it does when the list
   * it came from goes: no selection either. */
  gtk_widget_grab_focus (GTK_WIDGET (title));
  tally_test_wait_for_frames (50);
  if (gtk_label_get_selection_bounds (title, &start, &end))
    g_error ("the title opens with characters %d to %d selected", start, end);

  gtk_window_destroy (GTK_WINDOW (window));
}

/* Sorting the list by a column keeps where the user had scrolled to. */
static void
test_sort_keeps_scroll (void)
{
  TallyWindow *window = open_window ();
  GtkColumnView *view = tally_council_list_get_column_view (tally_window_get_council_list (window));
  GtkWidget *scroller = gtk_widget_get_ancestor (GTK_WIDGET (view), GTK_TYPE_SCROLLED_WINDOW);
  GtkAdjustment *adjustment;
  GListModel *columns = gtk_column_view_get_columns (view);
  g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (columns, 0);
  double before;

  g_assert_nonnull (scroller);
  /* A council about half way down is selected, as after a click. */
  tally_selection_set_council (tally_window_get_selection (window),
                               tally_catalog_lookup_council (tally_window_get_catalog (window), "E07000240"));
  tally_test_wait_for_frames (200);
  adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scroller));
  gtk_adjustment_set_value (adjustment, gtk_adjustment_get_upper (adjustment) / 2);
  tally_test_wait_for_frames (200);
  before = gtk_adjustment_get_value (adjustment);
  g_assert_cmpfloat (before, >, 100);

  gtk_column_view_sort_by_column (view, column, GTK_SORT_DESCENDING);
  tally_test_wait_for_frames (300);
  g_test_message ("scrolled to %.0f, after sorting %.0f", before, gtk_adjustment_get_value (adjustment));
  /* Still the selected council, and not back at the top. */
  g_assert_cmpstr (tally_council_get_code (tally_selection_get_council (tally_window_get_selection (window))), ==,
                   "E07000240");
  g_assert_cmpfloat (gtk_adjustment_get_value (adjustment), >, 100);

  gtk_window_destroy (GTK_WINDOW (window));
}

/* Seats that part from the published record say so under the state of the
 * parties, for the councils in scope: the councils named on the line, every
 * figure in its tooltip and for screen readers. */
static void
test_record_differences (void)
{
  g_autofree char *dir = tally_test_make_temp_dir ();
  g_autofree char *database = g_build_filename (dir, "changed.db", NULL);
  const char *whole = "Adur (2018): Lab 5 seats (published 4), Con 8 (published 9)";
  g_autoptr(GPtrArray) line = g_ptr_array_new ();
  TallyWindow *window;
  const char *text;

  tally_test_move_adur_seat (database);

  window = tally_window_new (NULL);
  g_assert_true (tally_window_open_database (window, database));
  gtk_window_present (GTK_WINDOW (window));
  /* Checked half a second after the database is shown. */
  tally_test_wait_for_frames (800);

  text = tally_party_summary_get_text (tally_window_get_party_summary (window));
  g_assert_nonnull (strstr (text, whole));
  find_labels (GTK_WIDGET (tally_window_get_party_summary (window)), "not as published", line);
  g_assert_cmpuint (line->len, ==, 1);
  g_assert_cmpstr (gtk_label_get_text (g_ptr_array_index (line, 0)), ==,
                   "Seats not as published in 1 council: Adur");
  g_assert_nonnull (strstr (gtk_widget_get_tooltip_text (g_ptr_array_index (line, 0)), whole));
  g_assert_true (gtk_widget_get_visible (g_ptr_array_index (line, 0)));

  /* Bolton alone: Adur is out of scope, and the line goes. */
  tally_filter_set_search_text (tally_results_get_filter (tally_window_get_results (window)), "Bolton");
  tally_test_wait_for_frames (100);
  text = tally_party_summary_get_text (tally_window_get_party_summary (window));
  g_assert_null (strstr (text, "published record"));
  g_assert_false (gtk_widget_get_visible (g_ptr_array_index (line, 0)));
  tally_filter_set_search_text (tally_results_get_filter (tally_window_get_results (window)), "");

  gtk_window_destroy (GTK_WINDOW (window));
  tally_test_remove_dir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *data_home = NULL;
  int status;

  g_test_init (&argc, &argv, NULL);

  /* Imports go to the user's own database: a fresh one for these tests. */
  data_home = tally_test_make_temp_dir ();
  g_setenv ("XDG_DATA_HOME", data_home, TRUE);

  if (!tally_test_widgets_init ())
    return 0;

  g_test_add_func ("/explorer/filter-and-clear", test_filter_and_clear);
  g_test_add_func ("/explorer/restored-filter", test_restored_filter);
  g_test_add_func ("/explorer/state-of-the-parties", test_state_of_the_parties);
  g_test_add_func ("/explorer/record-differences", test_record_differences);
  g_test_add_func ("/explorer/council-page", test_council_page);
  g_test_add_func ("/explorer/map-click-no-election", test_map_click_no_election);
  g_test_add_func ("/explorer/council-table-order", test_council_table_order);
  g_test_add_func ("/explorer/columns-keep-their-order", test_columns_keep_their_order);
  g_test_add_func ("/explorer/sort-keeps-scroll", test_sort_keeps_scroll);
  g_test_add_func ("/explorer/council-title-not-selected", test_council_title_not_selected);
  g_test_add_func ("/explorer/empty-result-says-why", test_empty_result_says_why);
  g_test_add_func ("/explorer/show-council-by-part-of-name", test_show_council_by_part_of_name);
  g_test_add_func ("/explorer/council-page-bases", test_council_page_bases);
  g_test_add_func ("/explorer/colour-blind-palette", test_colour_blind_palette);
  g_test_add_func ("/explorer/imported-wards", test_imported_wards);
  g_test_add_func ("/explorer/export-what-is-in-view", test_export_what_is_in_view);
  g_test_add_func ("/explorer/import-from-window", test_import_from_window);
  g_test_add_func ("/explorer/import-boundaries-from-window", test_import_boundaries_from_window);

  status = g_test_run ();
  tally_test_remove_dir (data_home);
  return status;
}
