/* test-export.c: what export promises about files, and its tables.
 *
 * No display.  The sizes and file names export is asked for; then the
 * promises about files: nothing half-written after a failure or a
 * cancellation, nothing replaced without TALLY_EXPORT_OVERWRITE, an error
 * naming the file it could not write.  Last the CSV tables, and the
 * candidates written and imported back.  What the exported charts hold,
 * read back from each format, is in test-export-charts.c.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gstdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "tally-catalog.h"
#include "tally-chart-adapt.h"
#include "tally-council.h"
#include "tally-council-result.h"
#include "tally-database.h"
#include "tally-database-private.h"
#include "tally-election.h"
#include "tally-export.h"
#include "tally-filter.h"
#include "tally-import.h"
#include "tally-party.h"
#include "tally-results.h"
#include "tally-test-util.h"

#define TRAFFORD "E08000009"

static TallyTestBundled bundled;
static TallyCatalog *catalog;   /* bundled's, for short */
static TallyResults *results;

typedef TallyTestFolder Fixture;

/* Helpers */

static TallySeatChartData *
trafford_hemicycle (void)
{
  return tally_chart_adapt_composition (tally_test_bundled_lookup (&bundled, TRAFFORD),
                                        tally_catalog_get_parties (catalog));
}

/* Sizes and names */

static void
test_sizes (void)
{
  TallyExportOptions options;
  g_autoptr(GError) error = NULL;
  double width, height;
  const char *bad[] = { "huge", "0x10", "1200x", "x675", "1200x675cm", "100000x10", "20x20", "1200 675", "" };

  tally_export_options_init (&options);
  g_assert_cmpint (options.preset, ==, TALLY_EXPORT_PRESET_WEB);
  g_assert_cmpstr (options.source, ==, "Source: Democracy Club, LEAP; chart: Tally");
  tally_export_options_get_canvas (&options, &width, &height);
  g_assert_cmpfloat (width, ==, 1200);
  g_assert_cmpfloat (height, ==, 675);

  g_assert_true (tally_export_options_set_size (&options, "square", &error));
  g_assert_cmpint (options.preset, ==, TALLY_EXPORT_PRESET_SQUARE);
  tally_export_options_get_canvas (&options, &width, &height);
  g_assert_cmpfloat (width, ==, 1080);
  g_assert_cmpfloat (height, ==, 1080);

  g_assert_true (tally_export_options_set_size (&options, "wide", &error));
  tally_export_options_get_canvas (&options, &width, &height);
  g_assert_cmpfloat (width, ==, 1600);
  g_assert_cmpfloat (height, ==, 900);

  /* A4 at 96 px to the inch: 793.7 × 1122.5 px. */
  g_assert_true (tally_export_options_set_size (&options, "a4", &error));
  g_assert_cmpint (options.unit, ==, TALLY_EXPORT_UNIT_MM);
  tally_export_options_get_canvas (&options, &width, &height);
  g_assert_cmpfloat_with_epsilon (width, 793.70, 0.01);
  g_assert_cmpfloat_with_epsilon (height, 1122.52, 0.01);

  g_assert_true (tally_export_options_set_size (&options, "A5-landscape", &error));
  g_assert_cmpint (options.preset, ==, TALLY_EXPORT_PRESET_A5_LANDSCAPE);
  g_assert_cmpfloat (options.width, ==, 210);
  g_assert_cmpfloat (options.height, ==, 148);

  g_assert_true (tally_export_options_set_size (&options, "800x600", &error));
  g_assert_cmpint (options.preset, ==, TALLY_EXPORT_PRESET_CUSTOM);
  g_assert_cmpint (options.unit, ==, TALLY_EXPORT_UNIT_PX);
  g_assert_cmpfloat (options.width, ==, 800);
  g_assert_cmpfloat (options.height, ==, 600);

  g_assert_true (tally_export_options_set_size (&options, "1200×675px", &error));
  g_assert_cmpfloat (options.width, ==, 1200);

  g_assert_true (tally_export_options_set_size (&options, "180x120.5mm", &error));
  g_assert_cmpint (options.unit, ==, TALLY_EXPORT_UNIT_MM);
  g_assert_cmpfloat (options.height, ==, 120.5);
  g_assert_no_error (error);

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_assert_false (tally_export_options_set_size (&options, bad[i], &error));
      g_assert_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE);
      g_assert_nonnull (strstr (error->message, bad[i]));
      g_clear_error (&error);
    }
  /* A bad size leaves the last good one. */
  g_assert_cmpfloat (options.height, ==, 120.5);
}

static void
test_file_names (void)
{
  struct
  {
    const char        *code;
    const char        *name;
    TallyExportFormat  format;
    const char        *expected;
  } cases[] = {
    { "E09000027", "Richmond upon Thames", TALLY_EXPORT_FORMAT_SVG, "E09000027-richmond-upon-thames.svg" },
    { "E06000010", "Kingston upon Hull, City of", TALLY_EXPORT_FORMAT_PNG, "E06000010-kingston-upon-hull-city-of.png" },
    { "E08000013", "St. Helens", TALLY_EXPORT_FORMAT_PDF, "E08000013-st-helens.pdf" },
    { "E07000146", "King's Lynn and West Norfolk", TALLY_EXPORT_FORMAT_SVG,
      "E07000146-kings-lynn-and-west-norfolk.svg" },
    { NULL, "Councils in the filter — seats", TALLY_EXPORT_FORMAT_PNG, "councils-in-the-filter-seats.png" },
    { "E0/../x", "Ynys Môn", TALLY_EXPORT_FORMAT_SVG, "E0x-ynys-mon.svg" },
    { NULL, "???", TALLY_EXPORT_FORMAT_SVG, "chart.svg" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *name = tally_export_make_file_name (cases[i].code, cases[i].name, cases[i].format);

      g_assert_cmpstr (name, ==, cases[i].expected);
    }
}

/* Files */

static void
test_no_clobber (Fixture       *fixture,
                 gconstpointer  user_data)
{
  g_autoptr(TallySeatChartData) data = trafford_hemicycle ();
  g_autofree char *path = tally_test_folder_path (fixture, "kept.svg");
  g_autofree char *contents = NULL;
  g_autofree char *listing = NULL;
  g_autoptr(GError) error = NULL;
  TallyExportOptions options;

  tally_export_options_init (&options);
  options.format = TALLY_EXPORT_FORMAT_SVG;
  g_assert_true (g_file_set_contents (path, "keep me", -1, NULL));

  g_assert_false (tally_export_write_chart (TALLY_CHART_HEMICYCLE, data, &options, path,
                                            TALLY_EXPORT_FLAGS_NONE, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS);
  g_assert_nonnull (strstr (error->message, path));
  g_clear_error (&error);

  contents = tally_test_read_file (path, NULL);
  g_assert_cmpstr (contents, ==, "keep me");
  listing = tally_test_list_dir (fixture->dir);
  g_assert_cmpstr (listing, ==, "kept.svg");

  /* Told to, it replaces the file, and leaves nothing else. */
  g_assert_true (tally_export_write_chart (TALLY_CHART_HEMICYCLE, data, &options, path,
                                           TALLY_EXPORT_OVERWRITE, NULL, &error));
  g_assert_no_error (error);
  g_clear_pointer (&contents, g_free);
  contents = tally_test_read_file (path, NULL);
  g_assert_true (g_str_has_prefix (contents, "<?xml"));
  g_clear_pointer (&listing, g_free);
  listing = tally_test_list_dir (fixture->dir);
  g_assert_cmpstr (listing, ==, "kept.svg");
}

typedef struct
{
  GCancellable *cancellable;
  guint         draws;
} Canceller;

/* Draws something, then cancels the export halfway, as closing the
 * dialog during a long export would. */
static void
draw_and_cancel_cb (cairo_t               *cr,
                    double                 width,
                    double                 height,
                    const TallyChartStyle *style,
                    gpointer               user_data)
{
  Canceller *canceller = user_data;

  cairo_set_source_rgb (cr, 0.9, 0, 0.23);
  cairo_rectangle (cr, 10, 10, width / 2, height / 2);
  cairo_fill (cr);
  canceller->draws++;
  g_cancellable_cancel (canceller->cancellable);
}

static void
test_cancel_leaves_nothing (Fixture       *fixture,
                            gconstpointer  user_data)
{
  g_autofree char *kept = tally_test_folder_path (fixture, "kept.pdf");
  g_autoptr(GError) error = NULL;
  TallyExportOptions options;
  TallyExportFigure figure;

  for (TallyExportFormat format = 0; format < TALLY_EXPORT_N_FORMATS; format++)
    {
      g_autofree char *name = g_strdup_printf ("cancelled.%s", tally_export_format_get_extension (format));
      g_autofree char *path = tally_test_folder_path (fixture, name);
      g_autofree char *listing = NULL;
      Canceller canceller = { g_cancellable_new (), 0 };

      tally_export_options_init (&options);
      options.format = format;
      tally_export_figure_init_custom (&figure, draw_and_cancel_cb, &canceller, NULL);

      g_assert_false (tally_export_write (&figure, &options, path, TALLY_EXPORT_FLAGS_NONE,
                                          canceller.cancellable, &error));
      g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
      g_clear_error (&error);
      g_assert_cmpuint (canceller.draws, ==, 1);

      g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
      listing = tally_test_list_dir (fixture->dir);
      g_assert_cmpstr (listing, ==, "");
      g_object_unref (canceller.cancellable);
    }

  /* Cancelling the replacement of a file leaves the old one. */
  {
    Canceller canceller = { g_cancellable_new (), 0 };
    g_autofree char *contents = NULL;
    g_autofree char *listing = NULL;

    g_assert_true (g_file_set_contents (kept, "%PDF-1.5 the old one", -1, NULL));
    options.format = TALLY_EXPORT_FORMAT_PDF;
    tally_export_figure_init_custom (&figure, draw_and_cancel_cb, &canceller, NULL);
    g_assert_false (tally_export_write (&figure, &options, kept, TALLY_EXPORT_OVERWRITE,
                                        canceller.cancellable, &error));
    g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
    contents = tally_test_read_file (kept, NULL);
    g_assert_cmpstr (contents, ==, "%PDF-1.5 the old one");
    listing = tally_test_list_dir (fixture->dir);
    g_assert_cmpstr (listing, ==, "kept.pdf");
    g_object_unref (canceller.cancellable);
  }
}

/* A figure too large to draw fails before a byte is written. */
static void
test_failure_leaves_nothing (Fixture       *fixture,
                             gconstpointer  user_data)
{
  g_autoptr(TallySeatChartData) data = trafford_hemicycle ();
  g_autofree char *path = tally_test_folder_path (fixture, "huge.png");
  g_autofree char *listing = NULL;
  g_autoptr(GError) error = NULL;
  TallyExportOptions options;

  tally_export_options_init (&options);
  g_assert_true (tally_export_options_set_size (&options, "12000x12000", &error));
  options.scale = 3;
  g_assert_false (tally_export_write_chart (TALLY_CHART_HEMICYCLE, data, &options, path,
                                            TALLY_EXPORT_FLAGS_NONE, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
  listing = tally_test_list_dir (fixture->dir);
  g_assert_cmpstr (listing, ==, "");
}

static void
test_unwritable (Fixture       *fixture,
                 gconstpointer  user_data)
{
  g_autoptr(TallySeatChartData) data = trafford_hemicycle ();
  g_autofree char *missing = g_build_filename (fixture->dir, "no-such-folder", "chart.svg", NULL);
  g_autofree char *plain = tally_test_folder_path (fixture, "plain.txt");
  g_autofree char *under_file = g_build_filename (plain, "chart.svg", NULL);
  g_autofree char *expected = NULL;
  g_autoptr(GError) error = NULL;
  TallyExportOptions options;

  tally_export_options_init (&options);
  options.format = TALLY_EXPORT_FORMAT_SVG;

  g_assert_false (tally_export_write_chart (TALLY_CHART_HEMICYCLE, data, &options, missing,
                                            TALLY_EXPORT_FLAGS_NONE, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  expected = g_strdup_printf ("Cannot write “%s”: No such file or directory", missing);
  g_assert_cmpstr (error->message, ==, expected);
  g_clear_error (&error);

  g_assert_true (g_file_set_contents (plain, "", -1, NULL));
  g_assert_false (tally_export_write_chart (TALLY_CHART_HEMICYCLE, data, &options, under_file,
                                            TALLY_EXPORT_FLAGS_NONE, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_DIRECTORY);
  g_assert_nonnull (strstr (error->message, under_file));
  g_clear_error (&error);

  /* A folder is not a file to replace. */
  g_assert_false (tally_export_write_chart (TALLY_CHART_HEMICYCLE, data, &options, fixture->dir,
                                            TALLY_EXPORT_OVERWRITE, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY);
  g_clear_error (&error);

  /* A folder that may not be written (root may write anywhere). */
  if (geteuid () != 0)
    {
      g_autofree char *locked = tally_test_folder_path (fixture, "locked");
      g_autofree char *inside = g_build_filename (locked, "chart.svg", NULL);
      g_autofree char *listing = NULL;

      g_assert_cmpint (g_mkdir (locked, 0555), ==, 0);
      g_assert_false (tally_export_write_chart (TALLY_CHART_HEMICYCLE, data, &options, inside,
                                                TALLY_EXPORT_FLAGS_NONE, NULL, &error));
      g_assert_error (error, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED);
      g_clear_pointer (&expected, g_free);
      expected = g_strdup_printf ("Cannot write “%s”: Permission denied", inside);
      g_assert_cmpstr (error->message, ==, expected);
      g_chmod (locked, 0755);
      listing = tally_test_list_dir (locked);
      g_assert_cmpstr (listing, ==, "");
    }
  else
    {
      g_test_message ("running as root: the read-only folder case is skipped");
    }
}

/* CSV */

static GListModel *
matching_in (const char *region)
{
  g_autoptr(TallyFilter) filter = tally_filter_new ();

  tally_filter_set_regions (filter, (const char *[]) { region, NULL });
  tally_results_set_filter (results, filter);
  return g_object_ref (tally_results_get_matching (results));
}

static void
test_councils_csv (Fixture       *fixture,
                   gconstpointer  user_data)
{
  g_autoptr(GListModel) london = matching_in ("London");
  g_autoptr(GListStore) reversed = g_list_store_new (TALLY_TYPE_COUNCIL_RESULT);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GBytes) reversed_bytes = NULL;
  g_autofree char *path = tally_test_folder_path (fixture, "london.csv");
  g_autofree char *written = NULL;
  g_auto(GStrv) lines = NULL;
  g_auto(GStrv) reversed_lines = NULL;
  g_auto(GStrv) header = NULL;
  g_autoptr(GError) error = NULL;
  TallyParty *con = tally_catalog_lookup_party (catalog, "CON");
  TallyParty *lab = tally_catalog_lookup_party (catalog, "LAB");
  guint n = g_list_model_get_n_items (london);
  const char *barnet = NULL;
  int con_held = -1;

  g_assert_cmpuint (n, ==, 32);
  bytes = tally_export_councils_csv (london, tally_catalog_get_parties (catalog), NULL, con, lab, TALLY_VOTE_METHOD_TOTAL);
  lines = g_strsplit (g_bytes_get_data (bytes, NULL), "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 32 + 2);  /* header, 32 rows, and the empty end */
  g_assert_cmpstr (lines[33], ==, "");

  header = g_strsplit (lines[0], ",", -1);
  g_assert_cmpstr (header[0], ==, "code");
  g_assert_cmpstr (header[1], ==, "name");
  g_assert_cmpstr (header[8], ==, "control_before");
  g_assert_cmpstr (header[9], ==, "control_after");
  g_assert_cmpstr (header[g_strv_length (header) - 3], ==, "swing_con_lab");
  g_assert_cmpstr (header[g_strv_length (header) - 2], ==, "basis");
  g_assert_cmpstr (header[g_strv_length (header) - 1], ==, "seat_change_against");
  g_assert_true (g_strv_contains ((const char * const *) header, "CON_held"));
  g_assert_true (g_strv_contains ((const char * const *) header, "LAB_seats_change"));

  /* Barnet, 2018: no overall control to a Conservative majority, 38 of 63. */
  for (guint i = 1; lines[i] != NULL; i++)
    if (g_str_has_prefix (lines[i], "E09000003,"))
      barnet = lines[i];
  g_assert_nonnull (barnet);
  g_assert_true (g_str_has_prefix (barnet, "E09000003,Barnet,london_borough,London,2018-05-03,63,63,32,NOC,CON,gain,"
                                           "Conservative gain from no overall control,"));
  {
    g_auto(GStrv) fields = g_strsplit (barnet, ",", -1);

    for (guint i = 0; header[i] != NULL; i++)
      if (g_str_equal (header[i], "CON_held"))
        con_held = atoi (fields[i]);
    g_assert_cmpuint (g_strv_length (fields), ==, g_strv_length (header));
    /* Gained from NOC on the eve-of-poll basis; its seats against the same
     * seats in 2014 (all out both times). */
    g_assert_cmpstr (fields[g_strv_length (fields) - 2], ==, "services");
    g_assert_cmpstr (fields[g_strv_length (fields) - 1], ==, "same_seats");
  }
  g_assert_cmpint (con_held, ==, 38);

  /* Rows come in the order given: the list as the user sorted it. */
  for (guint i = n; i > 0; i--)
    {
      g_autoptr(TallyCouncilResult) result = g_list_model_get_item (london, i - 1);

      g_list_store_append (reversed, result);
    }
  reversed_bytes = tally_export_councils_csv (G_LIST_MODEL (reversed), tally_catalog_get_parties (catalog), NULL,
                                              con, lab, TALLY_VOTE_METHOD_TOTAL);
  reversed_lines = g_strsplit (g_bytes_get_data (reversed_bytes, NULL), "\n", -1);
  g_assert_cmpstr (reversed_lines[0], ==, lines[0]);
  for (guint i = 1; i <= n; i++)
    g_assert_cmpstr (reversed_lines[i], ==, lines[n + 1 - i]);

  /* Written atomically, like everything else. */
  g_assert_true (tally_export_write_bytes (path, bytes, TALLY_EXPORT_FLAGS_NONE, NULL, &error));
  g_assert_no_error (error);
  written = tally_test_read_file (path, NULL);
  g_assert_cmpstr (written, ==, g_bytes_get_data (bytes, NULL));
}

/* Candidates */

static TallyImportSummary *
import_paths (const char         *db_path,
              const char * const *paths,
              GError            **error)
{
  g_autoptr(TallyImporter) importer = tally_importer_new (db_path);

  for (; *paths != NULL; paths++)
    {
      g_autofree char *path = g_path_is_absolute (*paths) ? g_strdup (*paths)
                                                           : g_test_build_filename (G_TEST_DIST, "data", *paths, NULL);
      g_autoptr(GFile) file = g_file_new_for_path (path);

      tally_importer_add_file (importer, file);
    }

  return tally_importer_run (importer, NULL, error);
}

static char *
list_candidates (const char *db_path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TallyDatabase) db = tally_database_open (db_path, TALLY_DATABASE_OPEN_READ_ONLY, &error);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  GString *text = g_string_new (NULL);

  g_assert_no_error (error);
  stmt = _tally_database_prepare (db,
                                  "SELECT e.date, c.code, w.name, coalesce (w.code, ''), ct.ballot, ct.by_election, "
                                  "ct.seats, cd.name, p.key, cd.party_name, cd.votes, cd.elected "
                                  "FROM candidates cd JOIN contests ct ON ct.id = cd.contest_id "
                                  "JOIN elections e ON e.id = ct.election_id JOIN wards w ON w.id = ct.ward_id "
                                  "JOIN councils c ON c.id = w.council_id JOIN parties p ON p.id = cd.party_id "
                                  "ORDER BY 1, 2, 3, 5, 8", &error);
  g_assert_no_error (error);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      for (int i = 0; i < 12; i++)
        g_string_append_printf (text, "%s%s", i > 0 ? "|" : "", (const char *) sqlite3_column_text (stmt, i));
      g_string_append_c (text, '\n');
    }

  return g_string_free (text, FALSE);
}

/* Tally's own candidate CSV, written from a database that holds
 * candidates and imported into a new one, gives the same candidates. */
static void
test_candidates_round_trip (Fixture       *fixture,
                            gconstpointer  user_data)
{
  g_autofree char *original_path = tally_test_folder_path (fixture, "original.db");
  g_autofree char *copy_path = tally_test_folder_path (fixture, "copy.db");
  g_autofree char *csv_path = tally_test_folder_path (fixture, "candidates.csv");
  g_autoptr(TallyImportSummary) summary = NULL;
  g_autoptr(TallyDatabase) original = NULL;
  g_autoptr(TallyCatalog) original_catalog = NULL;
  g_autoptr(TallyResults) engine = NULL;
  g_autoptr(GListStore) councils = g_list_store_new (TALLY_TYPE_COUNCIL_RESULT);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *csv = NULL;
  GListModel *elections;
  guint n_candidates = 0, n_bundled = 0;

  summary = import_paths (original_path, (const char *[]) { "import-good.csv", "import-leap-2014.csv", NULL },
                          &error);
  g_assert_no_error (error);
  g_clear_pointer (&summary, tally_import_summary_unref);

  original = tally_database_open (original_path, TALLY_DATABASE_OPEN_READ_ONLY, &error);
  g_assert_no_error (error);
  original_catalog = tally_catalog_new (original, &error);
  g_assert_no_error (error);
  engine = tally_results_new (original_catalog, &error);
  g_assert_no_error (error);

  /* Every council of every election: the bundled councils have no
   * candidates and write none. */
  elections = tally_catalog_get_elections (original_catalog);
  for (guint i = 0; i < g_list_model_get_n_items (elections); i++)
    {
      g_autoptr(TallyElection) election = g_list_model_get_item (elections, i);
      GListModel *list = tally_results_get_council_results (engine, election, NULL);

      for (guint j = 0; j < g_list_model_get_n_items (list); j++)
        {
          g_autoptr(TallyCouncilResult) result = g_list_model_get_item (list, j);

          g_list_store_append (councils, result);
        }
    }

  bytes = tally_export_candidates_csv (engine, G_LIST_MODEL (councils), &n_candidates, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (n_candidates, >, 10);
  csv = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
  g_assert_true (g_str_has_prefix (csv, "election_date,council_code,council_name,ward_code,ward_name,ballot,"
                                        "by_election,seats,candidate,party,votes,elected\n"));
  /* Quotes inside a name are doubled. */
  g_assert_nonnull (strstr (csv, ",\"Cleo \"\"CJ\"\" Placeholder\","));
  g_assert_true (tally_export_write_bytes (csv_path, bytes, TALLY_EXPORT_FLAGS_NONE, NULL, &error));

  summary = import_paths (copy_path, (const char *[]) { csv_path, NULL }, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (summary->candidates, ==, n_candidates);

  before = list_candidates (original_path);
  after = list_candidates (copy_path);
  g_assert_cmpstr (before, ==, after);
  for (const char *c = before; *c; c++)
    n_bundled += *c == '\n';
  g_assert_cmpuint (n_bundled, ==, n_candidates);
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GError) error = NULL;
  int status;

  g_test_init (&argc, &argv, NULL);

  tally_test_bundled_open (&bundled);
  catalog = bundled.catalog;
  results = bundled.results;

  g_test_add_func ("/export/sizes", test_sizes);
  g_test_add_func ("/export/file-names", test_file_names);
#define ADD(path, func) g_test_add (path, Fixture, NULL, tally_test_folder_setup, func, tally_test_folder_teardown)
  ADD ("/export/atomic/no-clobber", test_no_clobber);
  ADD ("/export/atomic/cancel", test_cancel_leaves_nothing);
  ADD ("/export/atomic/failure", test_failure_leaves_nothing);
  ADD ("/export/unwritable", test_unwritable);
  ADD ("/export/csv/councils", test_councils_csv);
  ADD ("/export/csv/candidates-round-trip", test_candidates_round_trip);
#undef ADD

  status = g_test_run ();

  tally_test_bundled_close (&bundled);
  return status;
}
