/* test-hexjson.c: HexJSON in and out, and hex layouts in the database.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include "tally-catalog.h"
#include "tally-database.h"
#include "tally-geo.h"
#include "tally-hexgen.h"
#include "tally-hexjson.h"
#include "tally-test-util.h"

static TallyHexLayout *
parse (const char  *text,
       GError     **error)
{
  return tally_hexjson_parse (text, -1, "test.hexjson", error);
}

/* A copy of the bundled database, to write into. */
static TallyDatabase *
open_scratch_database (const char *dir)
{
  g_autofree char *path = g_build_filename (dir, "scratch.db", NULL);
  g_autoptr(GFile) source = g_file_new_for_path (tally_test_bundled_database ());
  g_autoptr(GFile) target = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  TallyDatabase *database;

  g_file_copy (source, target, G_FILE_COPY_NONE, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  database = tally_database_open (path, 0, &error);
  g_assert_no_error (error);
  return database;
}

static void
test_round_trip (void)
{
  for (TallyHexOffset offset = TALLY_HEX_OFFSET_ODD_R; offset <= TALLY_HEX_OFFSET_EVEN_Q; offset++)
    {
      g_autoptr(TallyHexLayout) layout = tally_hex_layout_new (offset);
      g_autoptr(TallyHexLayout) again = NULL;
      g_autoptr(GError) error = NULL;
      g_autofree char *text = NULL;
      g_autofree char *text_again = NULL;

      g_assert_true (tally_hex_layout_add (layout, "E09000027", "Richmond upon Thames", 3, 4, NULL));
      g_assert_true (tally_hex_layout_add (layout, "E08000009", "Trafford", -2, 11, NULL));
      g_assert_true (tally_hex_layout_add (layout, "E07000112", "Folkestone and “Hythe”\n", 7, -1, NULL));
      g_assert_true (tally_hex_layout_add (layout, "X1", NULL, 0, 0, NULL));

      text = tally_hexjson_to_data (layout, NULL);
      again = parse (text, &error);
      g_assert_no_error (error);
      g_assert_true (tally_hex_layout_equal (layout, again));
      g_assert_cmpint (tally_hex_layout_get_offset (again), ==, offset);
      g_assert_cmpstr (tally_hex_layout_get_hex (again, tally_hex_layout_lookup (again, "E07000112"))->name, ==,
                       "Folkestone and “Hythe”\n");
      g_assert_null (tally_hex_layout_get_hex (again, tally_hex_layout_lookup (again, "X1"))->name);

      /* The same layout writes the same bytes. */
      text_again = tally_hexjson_to_data (again, NULL);
      g_assert_cmpstr (text, ==, text_again);
    }
}

static void
test_round_trip_generated_file (void)
{
  g_autofree char *dir = tally_test_make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "england.hexjson", NULL);
  g_autoptr(TallyDatabase) database = NULL;
  g_autoptr(TallyCatalog) catalog = NULL;
  g_autoptr(TallyHexLayout) generated = NULL;
  g_autoptr(TallyHexLayout) loaded = NULL;
  g_autoptr(GError) error = NULL;

  database = tally_database_open (tally_test_bundled_database (), TALLY_DATABASE_OPEN_READ_ONLY, &error);
  g_assert_no_error (error);
  catalog = tally_catalog_new (database, &error);
  g_assert_no_error (error);
  generated = tally_hexgen_generate_for_councils (tally_catalog_get_councils (catalog), &error);
  g_assert_no_error (error);

  g_assert_true (tally_hexjson_save (generated, path, &error));
  g_assert_no_error (error);
  loaded = tally_hexjson_load (path, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (tally_hex_layout_get_n_hexes (loaded), ==, 326);
  g_assert_true (tally_hex_layout_equal (generated, loaded));
  g_assert_cmpstr (tally_hex_layout_get_source (loaded), ==, "england.hexjson");

  tally_test_remove_dir (dir);
}

static void
test_real_2018_map (void)
{
  g_autofree char *path = tally_test_shared_data_path ("geo/hexmaps/uk-local-authority-districts-2018.hexjson");
  g_autofree char *dir = NULL;
  g_autoptr(TallyHexLayout) layout = NULL;
  g_autoptr(TallyHexLayout) stored = NULL;
  g_autoptr(TallyDatabase) database = NULL;
  g_autoptr(GPtrArray) unmatched = NULL;
  g_autoptr(GError) error = NULL;
  guint english = 0, others = 0;
  const TallyHex *hartlepool;

  if (path == NULL)
    {
      g_test_skip ("../shared/data/geo/hexmaps is not there");
      return;
    }

  layout = tally_hexjson_load (path, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (tally_hex_layout_get_offset (layout), ==, TALLY_HEX_OFFSET_ODD_R);
  g_assert_cmpuint (tally_hex_layout_get_n_hexes (layout), ==, 391);
  for (guint i = 0; i < tally_hex_layout_get_n_hexes (layout); i++)
    {
      if (tally_hex_layout_get_hex (layout, i)->code[0] == 'E')
        english++;
      else
        others++;
    }
  g_assert_cmpuint (english, ==, 326);
  g_assert_cmpuint (others, ==, 65);

  hartlepool = tally_hex_layout_get_hex (layout, tally_hex_layout_lookup (layout, "E06000001"));
  g_assert_cmpstr (hartlepool->name, ==, "Hartlepool");
  g_assert_cmpint (hartlepool->q, ==, 8);
  g_assert_cmpint (hartlepool->r, ==, 19);

  /* Into a database: the 326 English councils are kept, the others listed. */
  dir = tally_test_make_temp_dir ();
  database = open_scratch_database (dir);
  g_assert_true (tally_hex_layout_save (layout, database, &unmatched, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (unmatched->len, ==, 65);

  stored = tally_hex_layout_load (database, &error);
  g_assert_no_error (error);
  g_assert_nonnull (stored);
  g_assert_cmpuint (tally_hex_layout_get_n_hexes (stored), ==, 326);
  g_assert_cmpstr (tally_hex_layout_get_source (stored), ==, "uk-local-authority-districts-2018.hexjson");
  for (guint i = 0; i < tally_hex_layout_get_n_hexes (stored); i++)
    {
      const TallyHex *hex = tally_hex_layout_get_hex (stored, i);
      const TallyHex *original = tally_hex_layout_get_hex (layout, tally_hex_layout_lookup (layout, hex->code));

      g_assert_cmpint (hex->q, ==, original->q);
      g_assert_cmpint (hex->r, ==, original->r);
    }

  /* And out again: Tally generates its own. */
  g_assert_true (tally_hex_layout_forget (database, &error));
  g_clear_object (&stored);
  stored = tally_hex_layout_load (database, &error);
  g_assert_no_error (error);
  g_assert_null (stored);

  g_clear_object (&database);
  tally_test_remove_dir (dir);
}

static void
test_bad_files (void)
{
  const struct
  {
    const char *text;
    const char *says;
  } cases[] = {
    { "{\"layout\": \"odd-r\", \"hexes\": {", "not JSON" },
    { "[1, 2]", "not a JSON object" },
    { "{\"hexes\": {}}", "no “layout”" },
    { "{\"layout\": \"diagonal\", \"hexes\": {}}", "“diagonal” is none of" },
    { "{\"layout\": \"odd-q\"}", "no “hexes”" },
    { "{\"layout\": \"odd-q\", \"hexes\": {}}", "no hexes" },
    { "{\"layout\": \"odd-r\", \"hexes\": {\"A\": {\"q\": 1}}}", "“A” needs integer “q” and “r”" },
    { "{\"layout\": \"odd-r\", \"hexes\": {\"A\": {\"q\": 1.5, \"r\": 0}}}", "“A” needs integer" },
    { "{\"layout\": \"odd-r\", \"hexes\": {\"A\": 7}}", "“A” is not a JSON object" },
    { "{\"layout\": \"odd-r\", \"hexes\": {\"A\": {\"q\": 1, \"r\": 2}, \"B\": {\"q\": \"1\", \"r\": 2}}}",
      "A and B are both on the hex at q 1, r 2" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(TallyHexLayout) layout = parse (cases[i].text, &error);

      g_assert_null (layout);
      g_assert_nonnull (error);
      g_assert_true (error->domain == TALLY_GEO_ERROR);
      if (strstr (error->message, cases[i].says) == NULL || !g_str_has_prefix (error->message, "“test.hexjson”: "))
        g_error ("case %u: “%s” does not say “%s”", i, error->message, cases[i].says);
    }

  /* A file that is not there. */
  {
    g_autoptr(GError) error = NULL;

    g_assert_null (tally_hexjson_load ("/nonexistent/map.hexjson", NULL, &error));
    g_assert_error (error, TALLY_GEO_ERROR, TALLY_GEO_ERROR_READ);
  }
}

static void
test_string_coordinates_and_extras (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TallyHexLayout) layout =
    parse ("{\"layout\": \"even-q\", \"boundaries\": {}, \"hexes\": {"
           "\"B\": {\"q\": \"-2\", \"r\": \"3\", \"colour\": \"#fff\", \"name\": \"Bee\"},"
           "\"A\": {\"q\": 4, \"r\": 0, \"n\": \"Ay\", \"name\": \"Not this\"}}}", &error);

  g_assert_no_error (error);
  g_assert_cmpuint (tally_hex_layout_get_n_hexes (layout), ==, 2);
  /* Sorted by code. */
  g_assert_cmpstr (tally_hex_layout_get_hex (layout, 0)->code, ==, "A");
  g_assert_cmpstr (tally_hex_layout_get_hex (layout, 0)->name, ==, "Ay");
  g_assert_cmpstr (tally_hex_layout_get_hex (layout, 1)->name, ==, "Bee");
  g_assert_cmpint (tally_hex_layout_get_hex (layout, 1)->q, ==, -2);
  g_assert_cmpint (tally_hex_layout_get_hex (layout, 1)->r, ==, 3);
}

static void
test_centres_follow_open_innovations (void)
{
  double x0, y0, x1, y1;

  /* odd-r: row 1 is pushed half a hex east, and rows go north. */
  tally_hex_offset_get_centre (TALLY_HEX_OFFSET_ODD_R, 0, 0, &x0, &y0);
  tally_hex_offset_get_centre (TALLY_HEX_OFFSET_ODD_R, 0, 1, &x1, &y1);
  g_assert_cmpfloat (x1 - x0, >, 0.8);
  g_assert_cmpfloat (y1 - y0, ==, 1.5);

  tally_hex_offset_get_centre (TALLY_HEX_OFFSET_EVEN_R, 0, 1, &x1, &y1);
  g_assert_cmpfloat (x1 - x0, <, -0.8);

  /* odd-q: column 1 is pushed half a hex north. */
  tally_hex_offset_get_centre (TALLY_HEX_OFFSET_ODD_Q, 0, 0, &x0, &y0);
  tally_hex_offset_get_centre (TALLY_HEX_OFFSET_ODD_Q, 1, 0, &x1, &y1);
  g_assert_cmpfloat (x1 - x0, ==, 1.5);
  g_assert_cmpfloat (y1 - y0, >, 0.8);

  tally_hex_offset_get_centre (TALLY_HEX_OFFSET_EVEN_Q, 1, 0, &x1, &y1);
  g_assert_cmpfloat (y1 - y0, <, -0.8);
}

static void
test_hit_test (void)
{
  g_autoptr(TallyHexLayout) layout = tally_hex_layout_new (TALLY_HEX_OFFSET_ODD_R);
  double x, y;

  g_assert_true (tally_hex_layout_add (layout, "A", NULL, 2, 3, NULL));
  g_assert_true (tally_hex_layout_add (layout, "B", NULL, 3, 3, NULL));

  tally_hex_layout_get_centre (layout, 0, &x, &y);
  g_assert_cmpint (tally_hex_layout_hit_test (layout, x, y), ==, 0);
  g_assert_cmpint (tally_hex_layout_hit_test (layout, x + 0.8, y), ==, 0);
  g_assert_cmpint (tally_hex_layout_hit_test (layout, x + 0.9, y), ==, 1);
  g_assert_cmpint (tally_hex_layout_hit_test (layout, x - 0.9, y), ==, -1);
  g_assert_cmpint (tally_hex_layout_hit_test (layout, x, y + 0.95), ==, 0);
  g_assert_cmpint (tally_hex_layout_hit_test (layout, x, y + 1.05), ==, -1);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/hexjson/round-trip", test_round_trip);
  g_test_add_func ("/hexjson/round-trip-generated-file", test_round_trip_generated_file);
  g_test_add_func ("/hexjson/real-2018-map", test_real_2018_map);
  g_test_add_func ("/hexjson/bad-files", test_bad_files);
  g_test_add_func ("/hexjson/string-coordinates-and-extras", test_string_coordinates_and_extras);
  g_test_add_func ("/hexjson/centres-follow-open-innovations", test_centres_follow_open_innovations);
  g_test_add_func ("/hexjson/hit-test", test_hit_test);

  return g_test_run ();
}
