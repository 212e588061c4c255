/* bench-charts.c: how long the charts take to draw.
 *
 * Draws Trafford's hemicycle (63 seats) and Birmingham's (101), and the
 * seat bars of Trafford and of all 150 councils, on an image surface and
 * on an SVG surface, many times each, and prints the median and 90th
 * percentile: the whole draw (layout and paint, as an export does) and
 * the paint alone (as a widget does from its cached layout).  The budget
 * is well under 1 ms for a hemicycle or a bar chart.
 *
 *   meson test -C _build --benchmark --suite charts -v
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <cairo.h>
#include <cairo-svg.h>
#include <stdio.h>
#include <stdlib.h>

#include "tally-catalog.h"
#include "tally-chart.h"
#include "tally-chart-adapt.h"
#include "tally-database.h"
#include "tally-filter.h"
#include "tally-results.h"
#include "tally-test-util.h"

#define RUNS 400
#define WIDTH 800
#define HEIGHT 520

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

typedef enum
{
  SURFACE_IMAGE,
  SURFACE_SVG,
} SurfaceKind;

/* Median and 90th percentile of RUNS draws, in milliseconds. */
static void
measure (TallyChartKind  kind,
         gconstpointer   data,
         SurfaceKind     surface_kind,
         gboolean        paint_only,
         double         *median,
         double         *p90)
{
  double samples[RUNS];
  TallyChartStyle style;
  g_autoptr(TallyChartLayout) layout = NULL;
  cairo_surface_t *image = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, WIDTH, HEIGHT);

  tally_chart_style_init (&style, TALLY_CHART_BACKGROUND_LIGHT);
  layout = tally_chart_layout_new (kind, data, &style, WIDTH, HEIGHT);

  /* Warm the font caches, as a running app has them. */
  for (guint i = 0; i < 20; i++)
    {
      cairo_t *cr = cairo_create (image);

      tally_chart_draw (kind, cr, WIDTH, HEIGHT, data, &style);
      cairo_destroy (cr);
    }

  for (guint i = 0; i < RUNS; i++)
    {
      gsize written = 0;
      cairo_surface_t *surface = surface_kind == SURFACE_SVG
                               ? cairo_svg_surface_create_for_stream (discard_cb, &written, WIDTH, HEIGHT)
                               : cairo_surface_reference (image);
      cairo_t *cr = cairo_create (surface);
      gint64 start = g_get_monotonic_time ();

      if (paint_only)
        tally_chart_paint (cr, layout, data, &style, -1);
      else
        tally_chart_draw (kind, cr, WIDTH, HEIGHT, data, &style);
      g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
      cairo_destroy (cr);
      if (surface_kind == SURFACE_IMAGE)
        cairo_surface_flush (surface);
      samples[i] = (g_get_monotonic_time () - start) / 1000.0;

      g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
      /* Writing the file is the exporter's cost, not drawing's. */
      if (surface_kind == SURFACE_SVG)
        cairo_surface_finish (surface);
      cairo_surface_destroy (surface);
    }

  cairo_surface_destroy (image);
  qsort (samples, RUNS, sizeof (double), compare_doubles);
  *median = samples[RUNS / 2];
  *p90 = samples[RUNS * 9 / 10];
}

static void
report (const char     *name,
        TallyChartKind  kind,
        gconstpointer   data)
{
  static const char *surfaces[] = { "image", "SVG" };

  for (guint surface = SURFACE_IMAGE; surface <= SURFACE_SVG; surface++)
    for (guint paint_only = 0; paint_only <= 1; paint_only++)
      {
        double median, p90;

        if (surface == SURFACE_SVG && paint_only)
          continue;

        measure (kind, data, surface, paint_only, &median, &p90);
        printf ("%-34s %-6s %-13s median %6.3f ms   p90 %6.3f ms\n", name, surfaces[surface],
                paint_only ? "paint" : "layout+paint", median, p90);
      }
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TallyDatabase) database = NULL;
  g_autoptr(TallyCatalog) catalog = NULL;
  g_autoptr(TallyResults) results = NULL;
  g_autoptr(TallyFilter) filter = tally_filter_new ();
  g_autoptr(TallyScopeSummary) summary = NULL;
  TallyElection *election;
  GListModel *parties;
  TallySeatChartData *trafford, *birmingham, *trafford_won, *england;

  database = tally_database_open (tally_test_bundled_database (), TALLY_DATABASE_OPEN_READ_ONLY, &error);
  g_assert_no_error (error);
  catalog = tally_catalog_new (database, &error);
  g_assert_no_error (error);
  results = tally_results_new (catalog, &error);
  g_assert_no_error (error);
  election = tally_catalog_lookup_election (catalog, "2018-05-03");
  parties = tally_catalog_get_parties (catalog);

  trafford = tally_chart_adapt_composition (
    tally_results_lookup (results, election, NULL, tally_catalog_lookup_council (catalog, "E08000009")), parties);
  birmingham = tally_chart_adapt_composition (
    tally_results_lookup (results, election, NULL, tally_catalog_lookup_council (catalog, "E08000025")), parties);
  trafford_won = tally_chart_adapt_seats_won (
    tally_results_lookup (results, election, NULL, tally_catalog_lookup_council (catalog, "E08000009")), parties);
  tally_filter_set_election (filter, election);
  summary = tally_results_summarize (results, filter);
  england = tally_chart_adapt_scope_seats (summary, parties, "England");

  printf ("%d runs each, %d × %d, medians after warm-up\n", RUNS, WIDTH, HEIGHT);
  report ("hemicycle, Trafford (63 seats)", TALLY_CHART_HEMICYCLE, trafford);
  report ("hemicycle, Birmingham (101 seats)", TALLY_CHART_HEMICYCLE, birmingham);
  report ("seat bars, Trafford", TALLY_CHART_SEAT_BARS, trafford_won);
  report ("seat bars, all 150 councils", TALLY_CHART_SEAT_BARS, england);
  report ("waffle, Birmingham", TALLY_CHART_WAFFLE, birmingham);

  tally_seat_chart_data_free (trafford);
  tally_seat_chart_data_free (birmingham);
  tally_seat_chart_data_free (trafford_won);
  tally_seat_chart_data_free (england);

  return 0;
}
