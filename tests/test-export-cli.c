/* test-export-cli.c: `tally export`, as a newsroom script would run it.
 *
 * Spawns the real binary (TALLY_BIN) with no display: one chart to SVG,
 * PNG and PDF; every London borough in one run; the council table as CSV,
 * which must list the same councils `tally summary` does for the same
 * filter; and the errors a script must be able to tell apart.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <cairo.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "tally-test-util.h"

static void
run_tally (TallyTestRun       *run,
           const char * const *args)
{
  tally_test_run_tally (run, NULL, args);
}

/* strstr() for a file that holds NUL bytes (a PDF's binary streams). */
static gboolean
has_bytes (const char *haystack,
           gsize       length,
           const char *needle)
{
  gsize needle_length = strlen (needle);

  for (gsize i = 0; i + needle_length <= length; i++)
    if (memcmp (haystack + i, needle, needle_length) == 0)
      return TRUE;

  return FALSE;
}

/* The first column of each row after the header, sorted. */
static char *
first_column (const char *csv)
{
  g_auto(GStrv) lines = g_strsplit (csv, "\n", -1);
  g_autoptr(GPtrArray) codes = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 1; lines[i] != NULL; i++)
    if (lines[i][0] != '\0')
      g_ptr_array_add (codes, g_strndup (lines[i], strcspn (lines[i], ",")));
  g_ptr_array_sort (codes, tally_test_compare_strings);
  g_ptr_array_add (codes, NULL);
  return g_strjoinv (" ", (char **) codes->pdata);
}

static void
test_single_svg (void)
{
  g_auto(TallyTestRun) run = { 0 };
  g_auto(TallyTestRun) again = { 0 };
  g_autofree char *dir = tally_test_make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "trafford.svg", NULL);
  g_autofree char *expected_out = g_strconcat (path, "\n", NULL);
  g_autofree char *svg = NULL;
  g_autofree char *svg_again = NULL;

  run_tally (&run, (const char *[]) { "export", "--chart", "hemicycle", "--council", "Trafford", "--format", "svg",
                                      "--size", "1200x675", "-o", path, NULL });
  g_assert_cmpstr (run.err, ==, "");
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.out, ==, expected_out);

  svg = tally_test_read_file (path, NULL);
  g_assert_true (g_str_has_prefix (svg, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<svg "));
  g_assert_nonnull (strstr (svg, "width=\"1200px\" height=\"675px\" viewBox=\"0 0 1200 675\""));
  g_assert_nonnull (strstr (svg, "<title>Trafford</title>"));
  g_assert_nonnull (strstr (svg, "<desc>Conservative loss to no overall control (against control on the eve of "
                                 "the poll). Source: Democracy Club, LEAP; chart: Tally</desc>"));
  /* Labour's red and the Conservatives' blue, among the seats. */
  g_assert_nonnull (strstr (svg, "<circle cx=\""));
  g_assert_nonnull (strstr (svg, "fill=\"#e4003b\"/>"));
  g_assert_nonnull (strstr (svg, "fill=\"#0087dc\"/>"));
  g_assert_nonnull (strstr (svg, "font-weight=\"700\" fill=\"#1e1e1e\">Trafford</text>"));

  /* Again: the file is there, and stays as it was. */
  run_tally (&again, (const char *[]) { "export", "--chart", "hemicycle", "--council", "Trafford",
                                        "--title", "Something else", "-o", path, NULL });
  g_assert_cmpint (again.status, ==, 1);
  g_assert_cmpstr (again.out, ==, "");
  g_assert_nonnull (strstr (again.err, "the file already exists"));
  g_assert_nonnull (strstr (again.err, path));
  svg_again = tally_test_read_file (path, NULL);
  g_assert_cmpstr (svg_again, ==, svg);

  tally_test_remove_dir (dir);
}

/* A figure says which basis it is on: Plymouth, a Labour gain from the
 * Conservatives on the eve of the poll, from no overall control against
 * its 2016 election. */
static void
test_svg_basis (void)
{
  g_auto(TallyTestRun) services = { 0 };
  g_auto(TallyTestRun) election = { 0 };
  g_autofree char *dir = tally_test_make_temp_dir ();
  g_autofree char *services_path = g_build_filename (dir, "plymouth.svg", NULL);
  g_autofree char *election_path = g_build_filename (dir, "plymouth-election.svg", NULL);
  g_autofree char *services_svg = NULL;
  g_autofree char *election_svg = NULL;

  run_tally (&services, (const char *[]) { "export", "--chart", "hemicycle", "--council", "Plymouth",
                                           "--format", "svg", "-o", services_path, NULL });
  g_assert_cmpint (services.status, ==, 0);
  run_tally (&election, (const char *[]) { "export", "--chart", "hemicycle", "--council", "Plymouth",
                                           "--basis", "election", "--format", "svg", "-o", election_path, NULL });
  g_assert_cmpint (election.status, ==, 0);

  services_svg = tally_test_read_file (services_path, NULL);
  election_svg = tally_test_read_file (election_path, NULL);
  g_assert_nonnull (strstr (services_svg, "<desc>Labour gain from Conservative (against control on the eve of "
                                          "the poll)."));
  g_assert_nonnull (strstr (election_svg, "<desc>Labour gain from no overall control (against the council’s "
                                          "last election)."));

  tally_test_remove_dir (dir);
}

static void
test_png_and_pdf (void)
{
  g_auto(TallyTestRun) png = { 0 };
  g_auto(TallyTestRun) pdf = { 0 };
  g_autofree char *dir = tally_test_make_temp_dir ();
  g_autofree char *png_path = g_build_filename (dir, "wigan.png", NULL);
  g_autofree char *pdf_path = g_build_filename (dir, "state.pdf", NULL);
  g_autofree char *contents = NULL;
  cairo_surface_t *surface;
  gsize length;

  /* The format follows the extension. */
  run_tally (&png, (const char *[]) { "export", "--chart", "seat-bars", "--council", "E08000010", "--scale", "2",
                                      "--background", "dark", "-o", png_path, NULL });
  g_assert_cmpstr (png.err, ==, "");
  g_assert_cmpint (png.status, ==, 0);
  surface = cairo_image_surface_create_from_png (png_path);
  g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
  g_assert_cmpint (cairo_image_surface_get_width (surface), ==, 2400);
  g_assert_cmpint (cairo_image_surface_get_height (surface), ==, 1350);
  /* The dark page, #242424. */
  g_assert_cmphex (((guint32 *) cairo_image_surface_get_data (surface))[0], ==, 0xff242424);
  cairo_surface_destroy (surface);

  run_tally (&pdf, (const char *[]) { "export", "--chart", "state", "--region", "London", "--size", "a4-landscape",
                                      "--no-legend", "-o", pdf_path, NULL });
  g_assert_cmpstr (pdf.err, ==, "");
  g_assert_cmpint (pdf.status, ==, 0);
  contents = tally_test_read_file (pdf_path, &length);
  g_assert_true (g_str_has_prefix (contents, "%PDF-"));
  g_assert_true (has_bytes (contents, length, "/MediaBox [ 0 0 841.889764 595.275591 ]"));

  tally_test_remove_dir (dir);
}

static void
test_batch_london (void)
{
  static const char *expected =
    "E09000002-barking-and-dagenham.svg E09000003-barnet.svg E09000004-bexley.svg E09000005-brent.svg "
    "E09000006-bromley.svg E09000007-camden.svg E09000008-croydon.svg E09000009-ealing.svg "
    "E09000010-enfield.svg E09000011-greenwich.svg E09000012-hackney.svg E09000013-hammersmith-and-fulham.svg "
    "E09000014-haringey.svg E09000015-harrow.svg E09000016-havering.svg E09000017-hillingdon.svg "
    "E09000018-hounslow.svg E09000019-islington.svg E09000020-kensington-and-chelsea.svg "
    "E09000021-kingston-upon-thames.svg E09000022-lambeth.svg E09000023-lewisham.svg E09000024-merton.svg "
    "E09000025-newham.svg E09000026-redbridge.svg E09000027-richmond-upon-thames.svg E09000028-southwark.svg "
    "E09000029-sutton.svg E09000030-tower-hamlets.svg E09000031-waltham-forest.svg E09000032-wandsworth.svg "
    "E09000033-westminster.svg";
  g_auto(TallyTestRun) run = { 0 };
  g_auto(TallyTestRun) again = { 0 };
  g_auto(TallyTestRun) forced = { 0 };
  g_autofree char *dir = tally_test_make_temp_dir ();
  g_autofree char *out = g_build_filename (dir, "london", NULL);
  g_autofree char *listing = NULL;
  g_autofree char *richmond = g_build_filename (out, "E09000027-richmond-upon-thames.svg", NULL);
  g_autofree char *svg = NULL;
  g_auto(GStrv) printed = NULL;

  run_tally (&run, (const char *[]) { "export", "--chart", "hemicycle", "--region", "London", "--all",
                                      "--format", "svg", "-o", out, NULL });
  g_assert_cmpstr (run.err, ==, "");
  g_assert_cmpint (run.status, ==, 0);

  listing = tally_test_list_dir (out);
  g_assert_cmpstr (listing, ==, expected);
  printed = g_strsplit (run.out, "\n", -1);
  g_assert_cmpuint (g_strv_length (printed), ==, 33);

  svg = tally_test_read_file (richmond, NULL);
  g_assert_nonnull (strstr (svg, "<title>Richmond upon Thames</title>"));

  /* A second run would overwrite: it writes nothing and says which. */
  run_tally (&again, (const char *[]) { "export", "--chart", "hemicycle", "--region", "London", "--all",
                                        "--format", "svg", "-o", out, NULL });
  g_assert_cmpint (again.status, ==, 1);
  g_assert_cmpstr (again.out, ==, "");
  g_assert_nonnull (strstr (again.err, "32 files already exist; nothing written"));

  run_tally (&forced, (const char *[]) { "export", "--chart", "hemicycle", "--region", "London", "--all",
                                         "--format", "svg", "--force", "-o", out, NULL });
  g_assert_cmpint (forced.status, ==, 0);
  g_clear_pointer (&listing, g_free);
  listing = tally_test_list_dir (out);
  g_assert_cmpstr (listing, ==, expected);

  tally_test_remove_dir (dir);
}

/* The same filter gives the same councils as `tally summary`. */
static void
test_csv (void)
{
  g_auto(TallyTestRun) export = { 0 };
  g_auto(TallyTestRun) summary = { 0 };
  g_auto(TallyTestRun) to_file = { 0 };
  g_autofree char *dir = tally_test_make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "gains.csv", NULL);
  g_autofree char *exported = NULL;
  g_autofree char *summarised = NULL;
  g_autofree char *written = NULL;

  run_tally (&export, (const char *[]) { "export", "--csv", "--party", "LD", "--outcome", "gain", NULL });
  g_assert_cmpint (export.status, ==, 0);
  run_tally (&summary, (const char *[]) { "summary", "--councils", "--csv", "--party", "LD", "--outcome", "gain", NULL });
  g_assert_cmpint (summary.status, ==, 0);

  g_assert_true (g_str_has_prefix (export.out, "code,name,type,region,election_date,seats,seats_up,majority,"
                                               "control_before,control_after,outcome,outcome_description,turnout,"));
  exported = first_column (export.out);
  summarised = first_column (summary.out);
  g_assert_cmpstr (exported, ==, summarised);
  /* 2018: the Liberal Democrats gained Richmond upon Thames, Kingston upon
   * Thames, South Cambridgeshire and Three Rivers. */
  g_assert_nonnull (strstr (exported, "E09000027"));
  g_assert_nonnull (strstr (exported, "E09000021"));
  g_assert_nonnull (strstr (export.out, "\nE09000027,Richmond upon Thames,london_borough,London,2018-05-03,54,54,28,"
                                        "CON,LD,gain,Liberal Democrats gain from Conservative,"));

  run_tally (&to_file, (const char *[]) { "export", "--csv", "--party", "LD", "--outcome", "gain", "-o", path, NULL });
  g_assert_cmpint (to_file.status, ==, 0);
  written = tally_test_read_file (path, NULL);
  g_assert_cmpstr (written, ==, export.out);

  tally_test_remove_dir (dir);
}

/* No change reads "±0" where people read it, as scoreboards print it
 * (Labour 74 councils ±0), and 0 where programs do. */
static void
test_no_change (void)
{
  g_auto(TallyTestRun) chart = { 0 };
  g_auto(TallyTestRun) text = { 0 };
  g_auto(TallyTestRun) csv = { 0 };
  g_autofree char *dir = tally_test_make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "state.svg", NULL);
  g_autofree char *svg = NULL;

  run_tally (&chart, (const char *[]) { "export", "--chart", "state", "--format", "svg", "-o", path, NULL });
  g_assert_cmpint (chart.status, ==, 0);
  svg = tally_test_read_file (path, NULL);
  g_assert_nonnull (strstr (svg, ">Lab</text>"));
  g_assert_nonnull (strstr (svg, ">74</text>"));
  g_assert_nonnull (strstr (strstr (svg, ">74</text>"), ">±0</text>"));

  run_tally (&text, (const char *[]) { "summary", NULL });
  g_assert_cmpint (text.status, ==, 0);
  g_assert_true (g_regex_match_simple ("^Labour +74 +74 +±0 +2,350 ", text.out, G_REGEX_MULTILINE, 0));

  run_tally (&csv, (const char *[]) { "summary", "--csv", NULL });
  g_assert_cmpint (csv.status, ==, 0);
  g_assert_nonnull (strstr (csv.out, "\nLAB,74,74,0,2350,"));
  g_assert_null (strstr (csv.out, "±"));

  tally_test_remove_dir (dir);
}

/* The map as the window draws it, with its heading and key. */
static void
test_map (void)
{
  g_auto(TallyTestRun) run = { 0 };
  g_autofree char *dir = tally_test_make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "control.svg", NULL);
  g_autofree char *svg = NULL;

  run_tally (&run, (const char *[]) { "export", "--map", "hexes", "--colour-by", "control", "--size", "square",
                                      "-o", path, NULL });
  g_assert_cmpstr (run.err, ==, "");
  g_assert_cmpint (run.status, ==, 0);
  svg = tally_test_read_file (path, NULL);
  g_assert_nonnull (strstr (svg, "width=\"1080px\" height=\"1080px\""));
  g_assert_nonnull (strstr (svg, "<title>Local elections 2018</title>"));
  /* The map's default source line carries the credits the Open Government
   * Licence asks for; one given on the command line replaces them. */
  g_assert_nonnull (strstr (svg, "<desc>Control after 3 May 2018. Source: Democracy Club, LEAP, Open Council "
                                 "Data UK; Office for National Statistics licensed under the Open Government "
                                 "Licence v.3.0. Contains OS data © Crown copyright and database right 2018</desc>"));
  g_assert_nonnull (strstr (svg, "Crown copyright"));
  g_assert_nonnull (strstr (strstr (svg, "<g id=\"text-and-marks\">"), "Office for National"));
  /* Labour councils in Labour red. */
  g_assert_nonnull (strstr (svg, "rgb(89.411765%,0%,23.137255%)"));

  tally_test_remove_dir (dir);
}

/* --note adds a line over the source: real text in the SVG, under the
 * chart, over the source line. */
static void
test_note (void)
{
  g_auto(TallyTestRun) run = { 0 };
  g_autofree char *dir = tally_test_make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "note.svg", NULL);
  g_autofree char *svg = NULL;
  const char *note, *source;

  run_tally (&run, (const char *[]) { "export", "--chart", "hemicycle", "--council", "Trafford", "--note",
                                      "Seats as declared; one ward recounted", "-o", path, NULL });
  g_assert_cmpstr (run.err, ==, "");
  g_assert_cmpint (run.status, ==, 0);
  svg = tally_test_read_file (path, NULL);
  note = strstr (svg, ">Seats as declared; one ward recounted</text>");
  source = strstr (svg, ">Source: Democracy Club, LEAP; chart: Tally</text>");
  g_assert_nonnull (note);
  g_assert_nonnull (source);
  /* The legend says what its numbers are: Labour's 30 is seats held, its
   * +4 seats won against the same seats in 2014. */
  g_assert_nonnull (strstr (svg, ">Seats held; change: seats won vs the same seats in 2014</text>"));

  tally_test_remove_dir (dir);
}

/* --region London shows London, cropped with a margin, not all England
 * with the rest faded: its hexes carry their labels (Hackney's "Hac"),
 * and Plymouth's hex, on the whole map, is not in the file; --whole-map
 * asks for all England again. */
static void
test_map_region (void)
{
  g_auto(TallyTestRun) whole = { 0 };
  g_auto(TallyTestRun) london = { 0 };
  g_auto(TallyTestRun) faded = { 0 };
  g_autofree char *dir = tally_test_make_temp_dir ();
  g_autofree char *whole_path = g_build_filename (dir, "whole.svg", NULL);
  g_autofree char *london_path = g_build_filename (dir, "london.svg", NULL);
  g_autofree char *faded_path = g_build_filename (dir, "faded.svg", NULL);
  g_autofree char *whole_svg = NULL;
  g_autofree char *london_svg = NULL;
  g_autofree char *faded_svg = NULL;

  run_tally (&whole, (const char *[]) { "export", "--map", "hexes", "-o", whole_path, NULL });
  g_assert_cmpint (whole.status, ==, 0);
  run_tally (&london, (const char *[]) { "export", "--map", "hexes", "--region", "London", "-o", london_path, NULL });
  g_assert_cmpstr (london.err, ==, "");
  g_assert_cmpint (london.status, ==, 0);
  run_tally (&faded, (const char *[]) { "export", "--map", "hexes", "--region", "London", "--whole-map",
                                        "-o", faded_path, NULL });
  g_assert_cmpint (faded.status, ==, 0);
  whole_svg = tally_test_read_file (whole_path, NULL);
  london_svg = tally_test_read_file (london_path, NULL);
  faded_svg = tally_test_read_file (faded_path, NULL);

  g_assert_nonnull (strstr (whole_svg, ">Ply</text>"));
  g_assert_nonnull (strstr (whole_svg, ">Hac</text>"));
  g_assert_nonnull (strstr (faded_svg, ">Ply</text>"));
  g_assert_nonnull (strstr (london_svg, ">Hac</text>"));
  g_assert_null (strstr (london_svg, ">Ply</text>"));
  /* Larger: Hackney's label is set bigger than on the whole map. */
  g_assert_nonnull (strstr (whole_svg, "font-size=\"8\" font-weight=\"700\" fill=\"#ffffff\" fill-opacity=\"0.92\">Hac<"));
  g_assert_null (strstr (london_svg, "font-size=\"8\" font-weight=\"700\" fill=\"#ffffff\" fill-opacity=\"0.92\">Hac<"));

  tally_test_remove_dir (dir);
}

/* --council crops as --region does: Trafford and Manchester, large enough
 * for their whole names, with their neighbours in the margin; Plymouth and
 * Cornwall, far away, are not in the file.  (test-map-export measures the
 * crop's pixels.) */
static void
test_map_council (void)
{
  g_auto(TallyTestRun) run = { 0 };
  g_autofree char *dir = tally_test_make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "manchester.svg", NULL);
  g_autofree char *svg = NULL;

  run_tally (&run, (const char *[]) { "export", "--map", "hexes", "--council", "Trafford", "--council", "Manchester",
                                      "-o", path, NULL });
  g_assert_cmpstr (run.err, ==, "");
  g_assert_cmpint (run.status, ==, 0);
  svg = tally_test_read_file (path, NULL);
  g_assert_nonnull (strstr (svg, ">Trafford</text>"));
  g_assert_nonnull (strstr (svg, ">Manchester</text>"));
  g_assert_nonnull (strstr (svg, ">Salford</text>"));
  g_assert_null (strstr (svg, ">Ply</text>"));
  g_assert_null (strstr (svg, ">Plymouth</text>"));
  g_assert_null (strstr (svg, ">Cornwall</text>"));
  g_assert_null (strstr (svg, ">Cor</text>"));

  tally_test_remove_dir (dir);
}

/* Where the database has candidates, --csv writes them in Tally's own
 * CSV, which imports back. */
static void
test_csv_candidates (void)
{
  g_auto(TallyTestRun) imported = { 0 };
  g_auto(TallyTestRun) exported = { 0 };
  g_auto(TallyTestRun) councils = { 0 };
  g_autofree char *dir = tally_test_make_temp_dir ();
  g_autofree char *db_path = g_build_filename (dir, "tally.db", NULL);
  g_autofree char *good = g_test_build_filename (G_TEST_DIST, "data", "import-good.csv", NULL);

  run_tally (&imported, (const char *[]) { "import", "--database", db_path, good, NULL });
  g_assert_cmpint (imported.status, ==, 0);

  run_tally (&exported, (const char *[]) { "export", "--csv", "--database", db_path, "--council", "Salford", NULL });
  g_assert_cmpstr (exported.err, ==, "");
  g_assert_cmpint (exported.status, ==, 0);
  g_assert_true (g_str_has_prefix (exported.out, "election_date,council_code,council_name,ward_code,ward_name,ballot,"
                                                 "by_election,seats,candidate,party,votes,elected\n"));
  g_assert_nonnull (strstr (exported.out, "\n2018-05-03,E08000006,Salford,,Test Ward North,Test Ward North,0,1,"
                                          "Ada Example,Conservative and Unionist Party,1200,1\n"));
  g_assert_nonnull (strstr (exported.out, ",\"Cleo \"\"CJ\"\" Placeholder\",Sea Level Party,45,0\n"));

  /* Told to, it writes the council table instead. */
  run_tally (&councils, (const char *[]) { "export", "--csv", "--rows", "councils", "--database", db_path,
                                           "--council", "Salford", NULL });
  g_assert_cmpint (councils.status, ==, 0);
  g_assert_true (g_str_has_prefix (councils.out, "code,name,"));
  g_assert_nonnull (strstr (councils.out, "\nE08000006,Salford,metropolitan_borough,North West,2018-05-03,"));

  tally_test_remove_dir (dir);
}

static void
test_errors (void)
{
  g_autofree char *dir = tally_test_make_temp_dir ();
  g_autofree char *missing = g_build_filename (dir, "no-such-folder", "x.svg", NULL);
  g_autofree char *expected = g_strdup_printf ("tally export: Cannot write “%s”: No such file or directory\n", missing);
  g_autofree char *listing = NULL;

  {
    g_auto(TallyTestRun) run = { 0 };

    run_tally (&run, (const char *[]) { "export", "--chart", "pie", "-o", "x.svg", NULL });
    g_assert_cmpint (run.status, ==, 2);
    g_assert_cmpstr (run.err, ==, "tally export: unknown chart “pie” (charts: hemicycle, seat-bars, waffle, "
                                  "share-bars, swingometer, swing-scatter, state)\n");
  }
  {
    g_auto(TallyTestRun) run = { 0 };

    run_tally (&run, (const char *[]) { "export", "--chart", "hemicycle", "--region", "Atlantis", "-o", "x.svg", NULL });
    g_assert_cmpint (run.status, ==, 2);
    g_assert_nonnull (strstr (run.err, "unknown region “Atlantis”"));
  }
  {
    g_auto(TallyTestRun) run = { 0 };

    run_tally (&run, (const char *[]) { "export", "--chart", "state", "--all", "-o", dir, NULL });
    g_assert_cmpint (run.status, ==, 2);
    g_assert_nonnull (strstr (run.err, "leave out --all"));
  }
  {
    g_auto(TallyTestRun) run = { 0 };

    run_tally (&run, (const char *[]) { "export", "--chart", "hemicycle", "--size", "huge", "-o", "x.svg", NULL });
    g_assert_cmpint (run.status, ==, 2);
    g_assert_nonnull (strstr (run.err, "unknown size “huge”"));
  }
  {
    g_auto(TallyTestRun) run = { 0 };

    run_tally (&run, (const char *[]) { "export", "--chart", "hemicycle", NULL });
    g_assert_cmpint (run.status, ==, 2);
    g_assert_nonnull (strstr (run.err, "-o FILE"));
  }
  {
    g_auto(TallyTestRun) run = { 0 };

    run_tally (&run, (const char *[]) { "export", "--chart", "hemicycle", "--council", "Trafford", "-o", missing, NULL });
    g_assert_cmpint (run.status, ==, 1);
    g_assert_cmpstr (run.err, ==, expected);
  }

  /* Nothing was left behind by any of them. */
  listing = tally_test_list_dir (dir);
  g_assert_cmpstr (listing, ==, "");
  tally_test_remove_dir (dir);
}

/* Issue 17, problems 7 and 10: --force replaced a symbolic link with a
 * regular file and a FIFO with a PNG; `-o -` wrote a file called "-";
 * `--scale nan` was taken; an invalid --title named no option. */
static void
test_special_outputs (void)
{
  g_autofree char *dir = tally_test_make_temp_dir ();
  g_autofree char *target = g_build_filename (dir, "target.png", NULL);
  g_autofree char *link = g_build_filename (dir, "link.png", NULL);
  g_autofree char *fifo = g_build_filename (dir, "fifo.png", NULL);
  g_autofree char *plain = g_build_filename (dir, "plain.png", NULL);
  const char *chart[] = { "export", "--chart", "hemicycle", "--council", "Trafford", NULL };
  GStatBuf status;

  g_assert_true (g_file_set_contents (target, "kept", -1, NULL));
  g_assert_cmpint (symlink ("target.png", link), ==, 0);
  g_assert_cmpint (mkfifo (fifo, 0600), ==, 0);

  {
    g_auto(TallyTestRun) run = { 0 };

    run_tally (&run, (const char *[]) { chart[0], chart[1], chart[2], chart[3], chart[4], "-o", link, "--force", NULL });
    g_assert_cmpint (run.status, ==, 1);
    g_assert_nonnull (strstr (run.err, "it is a symbolic link"));
    g_assert_cmpint (g_lstat (link, &status), ==, 0);
    g_autofree char *kept = NULL;

    g_assert_true (S_ISLNK (status.st_mode));
    kept = tally_test_read_file (target, NULL);
    g_assert_cmpstr (kept, ==, "kept");
  }
  {
    g_auto(TallyTestRun) run = { 0 };

    run_tally (&run, (const char *[]) { chart[0], chart[1], chart[2], chart[3], chart[4], "-o", fifo, "--force", NULL });
    g_assert_cmpint (run.status, ==, 1);
    g_assert_nonnull (strstr (run.err, "it is not a regular file"));
    g_assert_cmpint (g_lstat (fifo, &status), ==, 0);
    g_assert_true (S_ISFIFO (status.st_mode));
  }
  {
    g_auto(TallyTestRun) run = { 0 };

    /* A regular file is still replaced with --force. */
    g_assert_true (g_file_set_contents (plain, "old", -1, NULL));
    run_tally (&run, (const char *[]) { chart[0], chart[1], chart[2], chart[3], chart[4], "-o", plain, "--force", NULL });
    g_autofree char *png = NULL;

    g_assert_cmpint (run.status, ==, 0);
    png = tally_test_read_file (plain, NULL);
    g_assert_true (g_str_has_prefix (png, "\x89PNG\r\n"));
  }
  {
    g_auto(TallyTestRun) run = { 0 };

    run_tally (&run, (const char *[]) { chart[0], chart[1], chart[2], chart[3], chart[4], "--format", "svg", "-o", "-", NULL });
    g_assert_cmpint (run.status, ==, 0);
    g_assert_true (g_str_has_prefix (run.out, "<?xml"));
    g_assert_nonnull (strstr (run.out, "Trafford"));
    g_assert_false (g_file_test ("-", G_FILE_TEST_EXISTS));
  }
  {
    g_auto(TallyTestRun) run = { 0 };

    run_tally (&run, (const char *[]) { "export", "--map", "hexes", "-o", "-", NULL });
    g_assert_cmpint (run.status, ==, 0);
    g_assert_true (g_str_has_prefix (run.out, "\x89PNG\r\n"));
  }
  {
    g_auto(TallyTestRun) run = { 0 };

    run_tally (&run, (const char *[]) { chart[0], chart[1], chart[2], chart[3], chart[4], "-o", plain, "--force",
                                        "--scale", "nan", NULL });
    g_assert_cmpint (run.status, ==, 2);
    g_assert_nonnull (strstr (run.err, "--scale must be from 1 to 4"));
  }
  {
    g_auto(TallyTestRun) run = { 0 };

    run_tally (&run, (const char *[]) { chart[0], chart[1], chart[2], chart[3], chart[4], "-o", plain, "--force",
                                        "--title", "Trafford \xff 2018", NULL });
    g_assert_cmpint (run.status, ==, 2);
    g_assert_nonnull (strstr (run.err, "--title is not valid text"));
  }

  tally_test_remove_dir (dir);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/export-cli/single-svg", test_single_svg);
  g_test_add_func ("/export-cli/svg-basis", test_svg_basis);
  g_test_add_func ("/export-cli/png-and-pdf", test_png_and_pdf);
  g_test_add_func ("/export-cli/batch-london", test_batch_london);
  g_test_add_func ("/export-cli/csv", test_csv);
  g_test_add_func ("/export-cli/no-change", test_no_change);
  g_test_add_func ("/export-cli/csv-candidates", test_csv_candidates);
  g_test_add_func ("/export-cli/map", test_map);
  g_test_add_func ("/export-cli/map-region", test_map_region);
  g_test_add_func ("/export-cli/map-council", test_map_council);
  g_test_add_func ("/export-cli/note", test_note);
  g_test_add_func ("/export-cli/errors", test_errors);
  g_test_add_func ("/export-cli/special-outputs", test_special_outputs);

  return g_test_run ();
}
