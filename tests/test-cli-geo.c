/* test-cli-geo.c: `tally import-boundaries` and `tally hexmap`, as a
 * script would run them.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <sqlite3.h>
#include <string.h>

#include "tally-database.h"
#include "tally-hexjson.h"
#include "tally-test-util.h"

static void
run_tally (TallyTestRun       *run,
           const char * const *args)
{
  tally_test_run_tally (run, NULL, args);
}

static gint64
count_rows (const char *path,
            const char *table)
{
  g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM %s", table);
  sqlite3 *handle = NULL;
  sqlite3_stmt *stmt = NULL;
  gint64 count;

  g_assert_cmpint (sqlite3_open_v2 (path, &handle, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (handle, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  count = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (handle);
  return count;
}

static void
test_import_boundaries (void)
{
  g_autofree char *path = tally_test_shared_data_path ("geo/lad2018/LAD_December_2018_Boundaries_UK_BUC_2022.topojson");
  g_autofree char *dir = tally_test_make_temp_dir ();
  g_autofree char *database = g_build_filename (dir, "mine.db", NULL);
  g_auto(TallyTestRun) run = { 0 };

  if (path == NULL)
    {
      g_test_skip ("../shared/data/geo is not there");
      tally_test_remove_dir (dir);
      return;
    }

  /* A new database starts as the bundled one, then gets the boundaries. */
  run_tally (&run, (const char *[]) { "import-boundaries", "--database", database, path, NULL });
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "Imported 326 council boundaries into"));
  g_assert_nonnull (strstr (run.out, "TopoJSON, WGS84, 391 features, council codes from “lad18cd”"));
  g_assert_nonnull (strstr (run.out, "65 features are not councils in this database"));
  g_assert_nonnull (strstr (run.err, "not a council in this database: S12000046 Glasgow City"));
  g_assert_cmpint (count_rows (database, "boundaries"), ==, 326);

  tally_test_remove_dir (dir);
}

static void
test_import_boundaries_errors (void)
{
  g_autofree char *dir = tally_test_make_temp_dir ();
  g_autofree char *database = g_build_filename (dir, "mine.db", NULL);
  g_autofree char *bad = g_build_filename (dir, "bad.geojson", NULL);

  g_assert_true (g_file_set_contents (bad, "{\"type\": \"FeatureCollection\", \"features\": [{]}", -1, NULL));

  {
    g_auto(TallyTestRun) run = { 0 };

    run_tally (&run, (const char *[]) { "import-boundaries", "--database", database, bad, NULL });
    g_assert_cmpint (run.status, ==, 1);
    g_assert_nonnull (strstr (run.err, "bad.geojson”: not JSON"));
    g_assert_nonnull (strstr (run.err, "nothing was imported"));
    /* A database made for the import that failed is not left behind. */
    g_assert_false (g_file_test (database, G_FILE_TEST_EXISTS));
  }

  {
    g_auto(TallyTestRun) run = { 0 };

    run_tally (&run, (const char *[]) { "import-boundaries", NULL });
    g_assert_cmpint (run.status, ==, 2);
  }

  {
    g_auto(TallyTestRun) run = { 0 };

    run_tally (&run, (const char *[]) { "import-boundaries", "--database", tally_test_bundled_database (), bad, NULL });
    g_assert_cmpint (run.status, ==, 1);
    g_assert_nonnull (strstr (run.err, "The bundled database is never changed"));
  }

  tally_test_remove_dir (dir);
}

static void
test_hexmap_round_trip (void)
{
  g_autofree char *dir = tally_test_make_temp_dir ();
  g_autofree char *database = g_build_filename (dir, "mine.db", NULL);
  g_autofree char *generated = g_build_filename (dir, "generated.hexjson", NULL);
  g_autofree char *again = g_build_filename (dir, "again.hexjson", NULL);
  g_autofree char *contents = NULL;
  g_autofree char *contents_again = NULL;
  g_autoptr(TallyHexLayout) layout = NULL;
  g_autoptr(GError) error = NULL;

  /* Out of the bundled data: Tally's own layout of the 326 councils. */
  {
    g_auto(TallyTestRun) run = { 0 };

    run_tally (&run, (const char *[]) { "hexmap", "--database", tally_test_bundled_database (), "--export", generated,
                                        NULL });
    g_assert_cmpint (run.status, ==, 0);
    g_assert_nonnull (strstr (run.out, "Wrote the generated hex layout of 326 councils (odd-r)"));
    layout = tally_hexjson_load (generated, NULL, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (tally_hex_layout_get_n_hexes (layout), ==, 326);
  }

  /* In again, then out: the same bytes. */
  {
    g_auto(TallyTestRun) run = { 0 };

    run_tally (&run, (const char *[]) { "hexmap", "--database", database, "--import", generated, NULL });
    g_assert_cmpint (run.status, ==, 0);
    g_assert_nonnull (strstr (run.out, "326 councils placed"));
    g_assert_cmpint (count_rows (database, "hexes"), ==, 326);
  }
  {
    g_auto(TallyTestRun) run = { 0 };

    run_tally (&run, (const char *[]) { "hexmap", "--database", database, "--export", again, NULL });
    g_assert_cmpint (run.status, ==, 0);
    g_assert_nonnull (strstr (run.out, "imported from generated.hexjson"));
  }
  g_assert_true (g_file_get_contents (generated, &contents, NULL, NULL));
  g_assert_true (g_file_get_contents (again, &contents_again, NULL, NULL));
  g_assert_cmpstr (contents, ==, contents_again);

  {
    g_auto(TallyTestRun) run = { 0 };

    run_tally (&run, (const char *[]) { "hexmap", "--database", database, "--reset", NULL });
    g_assert_cmpint (run.status, ==, 0);
    g_assert_cmpint (count_rows (database, "hexes"), ==, 0);
  }
  {
    g_auto(TallyTestRun) run = { 0 };

    run_tally (&run, (const char *[]) { "hexmap", "--export", again, "--import", generated, NULL });
    g_assert_cmpint (run.status, ==, 2);
  }

  tally_test_remove_dir (dir);
}

/* `tally import` takes geography too, known by content whatever the name:
 * a real GeoJSON, a real TopoJSON and a real HexJSON, each named *.json or
 * *.txt, go in as the geography commands would take them, not through the
 * CSV reader. */
static void
test_import_geography_by_content (void)
{
  g_autofree char *geojson = tally_test_shared_data_path ("geo/lad2018/lad2018_england_buc_wgs84.geojson");
  g_autofree char *topojson = tally_test_shared_data_path ("geo/lad2018/LAD_December_2018_Boundaries_UK_BUC_2022.topojson");
  g_autofree char *hexjson = tally_test_shared_data_path ("geo/hexmaps/uk-local-authority-districts-2018.hexjson");
  g_autofree char *dir = tally_test_make_temp_dir ();
  g_autofree char *database = g_build_filename (dir, "mine.db", NULL);
  g_autofree char *as_json = g_build_filename (dir, "areas.json", NULL);
  g_autofree char *as_txt = g_build_filename (dir, "areas.txt", NULL);
  g_autofree char *hex_json = g_build_filename (dir, "hexes.json", NULL);
  g_autofree char *contents = NULL;
  gsize length = 0;

  if (geojson == NULL || topojson == NULL || hexjson == NULL)
    {
      g_test_skip ("../shared/data/geo is not there");
      tally_test_remove_dir (dir);
      return;
    }

  /* Copies under names that say nothing of what they hold. */
  g_assert_true (g_file_get_contents (geojson, &contents, &length, NULL));
  g_assert_true (g_file_set_contents (as_json, contents, length, NULL));
  g_clear_pointer (&contents, g_free);
  g_assert_true (g_file_get_contents (topojson, &contents, &length, NULL));
  g_assert_true (g_file_set_contents (as_txt, contents, length, NULL));
  g_clear_pointer (&contents, g_free);
  g_assert_true (g_file_get_contents (hexjson, &contents, &length, NULL));
  g_assert_true (g_file_set_contents (hex_json, contents, length, NULL));

  {
    g_auto(TallyTestRun) run = { 0 };

    run_tally (&run, (const char *[]) { "import", "--database", database, as_json, NULL });
    g_assert_cmpint (run.status, ==, 0);
    g_assert_null (strstr (run.err, "quote"));
    g_assert_nonnull (strstr (run.out, "GeoJSON, WGS84, 326 features"));
    g_assert_nonnull (strstr (run.out, "Imported 326 council boundaries into"));
    g_assert_cmpint (count_rows (database, "boundaries"), ==, 326);
  }

  {
    g_auto(TallyTestRun) run = { 0 };

    run_tally (&run, (const char *[]) { "import", "--database", database, as_txt, hex_json, NULL });
    g_assert_cmpint (run.status, ==, 0);
    g_assert_nonnull (strstr (run.out, "TopoJSON, WGS84, 391 features"));
    g_assert_nonnull (strstr (run.err, "tally import: not a council in this database: S12000046 Glasgow City"));
    g_assert_nonnull (strstr (run.out, "Imported the hex layout hexes.json"));
    g_assert_cmpint (count_rows (database, "boundaries"), ==, 326);
    g_assert_cmpint (count_rows (database, "hexes"), ==, 326);
  }

  tally_test_remove_dir (dir);
}

/* Results and geography in one command: the results go in (one
 * transaction), then the layout; a broken JSON file is named by the JSON
 * reader, not refused by the CSV reader, and leaves no new database. */
static void
test_import_mixed_and_bad (void)
{
  g_autofree char *dir = tally_test_make_temp_dir ();
  g_autofree char *database = g_build_filename (dir, "mine.db", NULL);
  g_autofree char *fresh = g_build_filename (dir, "fresh.db", NULL);
  g_autofree char *layout = g_build_filename (dir, "layout.dat", NULL);
  g_autofree char *bad = g_build_filename (dir, "bad.csv", NULL);
  g_autofree char *csv = tally_test_data_path ("import-good.csv");

  {
    g_auto(TallyTestRun) run = { 0 };

    run_tally (&run, (const char *[]) { "hexmap", "--database", tally_test_bundled_database (), "--export", layout, NULL });
    g_assert_cmpint (run.status, ==, 0);
  }

  {
    g_auto(TallyTestRun) run = { 0 };

    run_tally (&run, (const char *[]) { "import", "--database", database, csv, layout, NULL });
    g_assert_cmpint (run.status, ==, 0);
    g_assert_nonnull (strstr (run.out, "Imported into"));
    g_assert_nonnull (strstr (run.out, "326 councils placed"));
    g_assert_cmpint (count_rows (database, "hexes"), ==, 326);
  }

  g_assert_true (g_file_set_contents (bad, "  \n{\"type\": \"FeatureCollection\", \"features\": [{]}", -1, NULL));
  {
    g_auto(TallyTestRun) run = { 0 };

    run_tally (&run, (const char *[]) { "import", "--database", fresh, bad, NULL });
    g_assert_cmpint (run.status, ==, 1);
    g_assert_nonnull (strstr (run.err, "bad.csv”: not JSON"));
    g_assert_null (strstr (run.err, "quot"));
    g_assert_nonnull (strstr (run.err, "nothing was imported"));
    g_assert_false (g_file_test (fresh, G_FILE_TEST_EXISTS));
  }

  tally_test_remove_dir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/cli-geo/import-boundaries", test_import_boundaries);
  g_test_add_func ("/cli-geo/import-boundaries-errors", test_import_boundaries_errors);
  g_test_add_func ("/cli-geo/hexmap-round-trip", test_hexmap_round_trip);
  g_test_add_func ("/cli-geo/import/geography-by-content", test_import_geography_by_content);
  g_test_add_func ("/cli-geo/import/mixed-and-bad", test_import_mixed_and_bad);

  return g_test_run ();
}
