/* bench-export.c: how long export takes: the hemicycles of all 150 councils.
 *
 * Two figures, against DESIGN.md's budgets:
 *
 *   - batch: every council of 2018 as a hemicycle SVG file, through
 *     tally_export_write_charts() (adapt, lay out, draw, write each file
 *     atomically, on every core), as `tally export --chart hemicycle
 *     --all` does, and on one thread; the best and median of several
 *     runs.  Budget: under 1 s for all 150.
 *   - one SVG: drawing one hemicycle on an SVG surface (layout and
 *     paint), and the same with the surface finished (the SVG text made,
 *     in memory): median and 90th percentile over every council, many
 *     times.  Budget: under 1 ms.
 *
 *   meson test -C _build --benchmark --suite export -v
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <cairo.h>
#include <cairo-svg.h>
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

/* One run of the batch, as `tally export --all` runs it: every council
 * adapted, then drawn and written on every core, or on one. */
static double
batch_once (GListModel               *matching,
            GListModel               *parties,
            const TallyExportOptions *options,
            const char               *dir,
            gboolean                  one_thread)
{
  guint n = g_list_model_get_n_items (matching);
  g_autoptr(GPtrArray) charts = g_ptr_array_new_with_free_func ((GDestroyNotify) tally_seat_chart_data_free);
  g_autoptr(GPtrArray) paths = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  gint64 start = g_get_monotonic_time ();

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(TallyCouncilResult) result = g_list_model_get_item (matching, i);
      TallyCouncil *council = tally_council_result_get_council (result);
      g_autofree char *name = tally_export_make_file_name (tally_council_get_code (council),
                                                            tally_council_get_name (council),
                                                            TALLY_EXPORT_FORMAT_SVG);

      g_ptr_array_add (charts, tally_chart_adapt_composition (result, parties));
      g_ptr_array_add (paths, g_build_filename (dir, name, NULL));
    }

  if (one_thread)
    {
      for (guint i = 0; i < n; i++)
        if (!tally_export_write_chart (TALLY_CHART_HEMICYCLE, g_ptr_array_index (charts, i), options,
                                       g_ptr_array_index (paths, i), TALLY_EXPORT_OVERWRITE, NULL, &error))
          g_error ("%s", error->message);
    }
  else if (!tally_export_write_charts (TALLY_CHART_HEMICYCLE, (gconstpointer const *) charts->pdata,
                                       (const char * const *) paths->pdata, n, options, TALLY_EXPORT_OVERWRITE,
                                       NULL, &error))
    g_error ("%s", error->message);

  return (g_get_monotonic_time () - start) / 1e6;
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
  double batches[BATCH_RUNS], sequential[BATCH_RUNS];
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

  /* The batch, as `tally export --all` runs it; the first run warms the
   * font caches, as the first file of a real batch does. */
  for (guint run = 0; run < BATCH_RUNS; run++)
    {
      batches[run] = batch_once (matching, parties, &options, dir, FALSE);
      sequential[run] = batch_once (matching, parties, &options, dir, TRUE);
    }
  qsort (batches, BATCH_RUNS, sizeof (double), compare_doubles);
  qsort (sequential, BATCH_RUNS, sizeof (double), compare_doubles);

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
  printf ("all %u councils to SVG files, %u threads   best %6.3f s   median %6.3f s   (budget 1 s)   %s\n",
          n_councils, g_get_num_processors (), batches[0], batches[BATCH_RUNS / 2],
          batches[BATCH_RUNS / 2] < 1.0 ? "OK" : "OVER");
  printf ("all %u councils to SVG files, 1 thread    best %6.3f s   median %6.3f s\n",
          n_councils, sequential[0], sequential[BATCH_RUNS / 2]);
  printf ("one hemicycle SVG, drawn       median %6.3f ms   p90 %6.3f ms   (budget 1 ms)   %s\n",
          draws[n_draws / 2], draws[n_draws * 9 / 10], draws[n_draws / 2] < 1.0 ? "OK" : "OVER");
  printf ("one hemicycle SVG, drawn and finished  median %6.3f ms   p90 %6.3f ms\n",
          finished[n_draws / 2], finished[n_draws * 9 / 10]);
  printf ("(%u draws; %.1f KiB of SVG each on average)\n", n_draws, bytes / 1024.0 / n_draws);

  tally_test_remove_dir (dir);
  return 0;
}
