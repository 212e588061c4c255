/* bench-export.c: how long export takes: the hemicycles of all 150 councils.
 *
 *   - the batch, as a whole process: `tally export --chart hemicycle --all
 *     --format svg` against parliament-svg on Node (tests/bench-node/
 *     parliament.mjs) drawing the same compositions, run alternately,
 *     medians of several runs.  Budget (DESIGN.md): Tally at least 3×
 *     faster, i.e. a time ratio at most 0.33×, with files of comparable
 *     size (here: on average at most twice parliament-svg's, which draws
 *     no title, legend or source line).  Node is a benchmark dependency
 *     only: without node, or without `npm install --prefix
 *     _build/tests/bench-node`, the comparison says NOT MEASURED.
 *   - one SVG: drawing one hemicycle on an SVG surface (layout and
 *     paint), and the same with the surface finished (the SVG text made,
 *     in memory): median and 90th percentile over every council, many
 *     times; no budget, it says where the batch's time goes.
 *
 *   meson test -C _build --benchmark --suite export -v
 *
 * The exit status is non-zero when a budget is missed.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <cairo.h>
#include <cairo-svg.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <stdio.h>
#include <stdlib.h>

#include "tally-catalog.h"
#include "tally-chart-adapt.h"
#include "tally-council.h"
#include "tally-council-result.h"
#include "tally-database.h"
#include "tally-export.h"
#include "tally-filter.h"
#include "tally-results.h"
#include "tally-bench.h"
#include "tally-test-util.h"

#define BATCH_RUNS 7
#define DRAW_ROUNDS 10

static int
compare_doubles (const void *a,
                 const void *b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

static cairo_status_t
discard_cb (void                *closure,
            const unsigned char *data,
            unsigned int         length)
{
  *(gsize *) closure += length;
  return CAIRO_STATUS_SUCCESS;
}

/* Hex colour of an entry, as parliament-svg wants it. */
static char *
colour_text (const TallyChartRgb *colour)
{
  return g_strdup_printf ("#%02x%02x%02x", (guint) (colour->red * 255 + 0.5), (guint) (colour->green * 255 + 0.5),
                          (guint) (colour->blue * 255 + 0.5));
}

/* The same compositions Tally draws, for parliament.mjs. */
static void
write_councils_json (GListModel *matching,
                     GListModel *parties,
                     const char *path)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GError) error = NULL;

  json_builder_begin_array (builder);
  for (guint i = 0; i < g_list_model_get_n_items (matching); i++)
    {
      g_autoptr(TallyCouncilResult) result = g_list_model_get_item (matching, i);
      TallyCouncil *council = tally_council_result_get_council (result);
      g_autofree char *name = tally_export_make_file_name (tally_council_get_code (council),
                                                            tally_council_get_name (council),
                                                            TALLY_EXPORT_FORMAT_SVG);
      TallySeatChartData *chart = tally_chart_adapt_composition (result, parties);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "file");
      json_builder_add_string_value (builder, name);
      json_builder_set_member_name (builder, "parties");
      json_builder_begin_object (builder);
      for (guint e = 0; e < chart->n_entries; e++)
        {
          g_autofree char *colour = colour_text (&chart->entries[e].party.colour);

          json_builder_set_member_name (builder, chart->entries[e].party.key);
          json_builder_begin_object (builder);
          json_builder_set_member_name (builder, "seats");
          json_builder_add_int_value (builder, chart->entries[e].seats);
          json_builder_set_member_name (builder, "colour");
          json_builder_add_string_value (builder, colour);
          json_builder_end_object (builder);
        }
      json_builder_end_object (builder);
      json_builder_end_object (builder);
      tally_seat_chart_data_free (chart);
    }
  json_builder_end_array (builder);

  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  if (!json_generator_to_file (generator, path, &error))
    g_error ("bench-export: %s", error->message);
}

/* Bytes in the files of a directory, and how many files. */
static double
mean_file_size (const char *dir)
{
  g_autoptr(GDir) listing = g_dir_open (dir, 0, NULL);
  const char *name;
  double total = 0;
  guint n = 0;

  while (listing != NULL && (name = g_dir_read_name (listing)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);
      GStatBuf status;

      if (g_stat (path, &status) == 0)
        total += status.st_size, n++;
    }
  return n > 0 ? total / n : 0;
}

static double
run_seconds (const char * const *argv)
{
  g_autoptr(GError) error = NULL;
  TallyBenchProcess process;
  double seconds;

  if (!tally_bench_run (argv, NULL, &process, &error))
    g_error ("bench-export: %s", error->message);
  seconds = process.seconds;
  tally_bench_process_clear (&process);
  return seconds;
}

/* The batch as a whole process, `tally export --chart hemicycle --all`,
 * against parliament-svg on Node drawing the same compositions,
 * alternately.  FALSE when a budget is missed. */
static gboolean
compare_with_node (GListModel *matching,
                   GListModel *parties,
                   const char *dir)
{
  g_autofree char *node = g_find_program_in_path ("node");
  g_autofree char *script = g_build_filename (g_getenv ("G_TEST_BUILDDIR") ? g_getenv ("G_TEST_BUILDDIR") : ".",
                                              "bench-node", "parliament.mjs", NULL);
  g_autofree char *modules = g_build_filename (g_getenv ("G_TEST_BUILDDIR") ? g_getenv ("G_TEST_BUILDDIR") : ".",
                                               "bench-node", "node_modules", "parliament-svg", NULL);
  g_autofree char *json = g_build_filename (dir, "councils.json", NULL);
  g_autofree char *tally_dir = g_build_filename (dir, "tally", NULL);
  g_autofree char *node_dir = g_build_filename (dir, "node", NULL);
  const char *tally = g_getenv ("TALLY_BIN");
  double tally_times[BATCH_RUNS], node_times[BATCH_RUNS];
  TallyBenchStat tally_stat, node_stat, tally_size, node_size;
  gboolean met;

  if (tally == NULL || node == NULL || !g_file_test (modules, G_FILE_TEST_IS_DIR))
    {
      g_print ("batch against parliament-svg on Node: NOT MEASURED: %s\n",
               tally == NULL ? "TALLY_BIN is not set (run it through meson)"
               : node == NULL ? "no node program (apt-get install nodejs npm)"
               : "parliament-svg is not installed (npm install --prefix _build/tests/bench-node)");
      return TRUE;
    }

  write_councils_json (matching, parties, json);
  g_mkdir_with_parents (tally_dir, 0700);
  g_mkdir_with_parents (node_dir, 0700);

  /* One of each first: the page cache holds both programs after it. */
  for (int run = -1; run < BATCH_RUNS; run++)
    {
      double t = run_seconds ((const char *[]) { tally, "export", "--chart", "hemicycle", "--all", "--format", "svg",
                                                 "--force", "-o", tally_dir, NULL });
      double n = run_seconds ((const char *[]) { node, script, json, node_dir, NULL });

      if (run >= 0)
        tally_times[run] = t, node_times[run] = n;
    }

  tally_bench_stat (tally_times, BATCH_RUNS, &tally_stat);
  tally_bench_stat (node_times, BATCH_RUNS, &node_stat);
  met = tally_bench_verdict ("150 hemicycle SVGs, whole process", "s", &tally_stat, "parliament-svg on Node",
                             &node_stat, TALLY_BENCH_LOWER_IS_BETTER, 1 / 3.0);

  tally_size.n = node_size.n = 1;
  tally_size.median = tally_size.min = tally_size.max = mean_file_size (tally_dir) / 1024;
  node_size.median = node_size.min = node_size.max = mean_file_size (node_dir) / 1024;
  met &= tally_bench_verdict ("mean SVG file size", "KiB", &tally_size, "parliament-svg", &node_size,
                              TALLY_BENCH_LOWER_IS_BETTER, 2.0);
  return met;
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TallyDatabase) database = NULL;
  g_autoptr(TallyCatalog) catalog = NULL;
  g_autoptr(TallyResults) results = NULL;
  g_autoptr(TallyFilter) filter = tally_filter_new ();
  g_autoptr(GPtrArray) charts = g_ptr_array_new_with_free_func ((GDestroyNotify) tally_seat_chart_data_free);
  g_autofree char *dir = tally_test_make_temp_dir ();
  g_autofree double *draws = NULL;
  g_autofree double *finished = NULL;
  gboolean met;
  TallyExportOptions options;
  TallyChartStyle style;
  GListModel *matching, *parties;
  double width, height;
  guint n_councils, n_draws = 0;
  gsize bytes = 0;

  database = tally_database_open (tally_test_bundled_database (), TALLY_DATABASE_OPEN_READ_ONLY, &error);
  g_assert_no_error (error);
  catalog = tally_catalog_new (database, &error);
  g_assert_no_error (error);
  results = tally_results_new (catalog, &error);
  g_assert_no_error (error);
  tally_results_set_filter (results, filter);
  matching = tally_results_get_matching (results);
  parties = tally_catalog_get_parties (catalog);
  n_councils = g_list_model_get_n_items (matching);
  g_assert_cmpuint (n_councils, ==, 150);

  tally_export_options_init (&options);
  options.format = TALLY_EXPORT_FORMAT_SVG;
  tally_export_options_get_canvas (&options, &width, &height);
  tally_export_options_get_style (&options, &style);

  met = compare_with_node (matching, parties, dir);

  /* Drawing alone, one hemicycle at a time, every council. */
  for (guint i = 0; i < n_councils; i++)
    {
      g_autoptr(TallyCouncilResult) result = g_list_model_get_item (matching, i);

      g_ptr_array_add (charts, tally_chart_adapt_composition (result, parties));
    }

  draws = g_new (double, DRAW_ROUNDS * n_councils);
  finished = g_new (double, DRAW_ROUNDS * n_councils);
  for (guint round = 0; round < DRAW_ROUNDS; round++)
    for (guint i = 0; i < n_councils; i++)
      {
        cairo_surface_t *surface = cairo_svg_surface_create_for_stream (discard_cb, &bytes, width, height);
        cairo_t *cr = cairo_create (surface);
        gint64 start = g_get_monotonic_time ();

        tally_chart_draw (TALLY_CHART_HEMICYCLE, cr, width, height, g_ptr_array_index (charts, i), &style);
        cairo_destroy (cr);
        draws[n_draws] = (g_get_monotonic_time () - start) / 1000.0;
        cairo_surface_finish (surface);
        finished[n_draws++] = (g_get_monotonic_time () - start) / 1000.0;
        g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
        cairo_surface_destroy (surface);
      }
  qsort (draws, n_draws, sizeof (double), compare_doubles);
  qsort (finished, n_draws, sizeof (double), compare_doubles);

  printf ("Export of hemicycles to SVG, %.0f × %.0f px, bundled 2018 data\n", width, height);
  printf ("one hemicycle SVG, drawn       median %6.3f ms   p90 %6.3f ms   (no budget: where the batch's time goes)\n",
          draws[n_draws / 2], draws[n_draws * 9 / 10]);
  printf ("one hemicycle SVG, drawn and finished  median %6.3f ms   p90 %6.3f ms\n",
          finished[n_draws / 2], finished[n_draws * 9 / 10]);
  printf ("(%u draws; %.1f KiB of SVG each on average)\n", n_draws, bytes / 1024.0 / n_draws);

  tally_test_remove_dir (dir);
  return met ? EXIT_SUCCESS : EXIT_FAILURE;
}
