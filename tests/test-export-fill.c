/* test-export-fill.c: every chart fills its frame at every export size.
 *
 * Each chart of the bundled 2018 results is exported (as the PNG export
 * draws it) at every preset and a tall custom size, with the title,
 * subtitle and source line left out so that only the chart's own body
 * counts.  The share of the canvas inside the bounding box of its ink
 * (every pixel not the page colour) is held at a floor per chart: a chart
 * that sits in the middle third of an A4 page fails.  Margins alone take
 * 6-10% of a canvas, so 90% is the most any chart can reach.
 *
 * With TALLY_FILL_PNG_DIR set, every image is written there to be looked
 * at; with --verbose the test prints the whole table.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <cairo.h>
#include <math.h>
#include <string.h>

#include "tally-catalog.h"
#include "tally-chart-adapt.h"
#include "tally-council-result.h"
#include "tally-database.h"
#include "tally-election.h"
#include "tally-export.h"
#include "tally-filter.h"
#include "tally-results.h"
#include "tally-test-util.h"

#define TRAFFORD "E08000009"

static TallyDatabase *database;
static TallyCatalog *catalog;
static TallyResults *results;
static TallyElection *election;

static TallyParty *
party (const char *key)
{
  TallyParty *found = tally_catalog_lookup_party (catalog, key);

  g_assert_nonnull (found);
  return found;
}

static TallyCouncilResult *
trafford (void)
{
  TallyCouncilResult *result = tally_results_lookup (results, election, NULL,
                                                     tally_catalog_lookup_council (catalog, TRAFFORD));

  g_assert_nonnull (result);
  return result;
}

/* The charts as the command line makes them: a council's seats, the
 * whole election's shares, swing and state. */
static gpointer
chart_data (TallyChartKind     kind,
            TallyScopeSummary *summary)
{
  GListModel *parties = tally_catalog_get_parties (catalog);

  switch (kind)
    {
    case TALLY_CHART_HEMICYCLE:
    case TALLY_CHART_WAFFLE:
      return tally_chart_adapt_composition (trafford (), parties);
    case TALLY_CHART_SEAT_BARS:
      return tally_chart_adapt_seats_won (trafford (), parties);
    case TALLY_CHART_SHARE_BARS:
      return tally_chart_adapt_scope_shares (summary, parties, TALLY_VOTE_METHOD_TOTAL,
                                             TALLY_SHARE_MODE_CHANGE, "All councils");
    case TALLY_CHART_SWINGOMETER:
      return tally_chart_adapt_scope_swing (summary, party ("CON"), party ("LAB"), TALLY_VOTE_METHOD_TOTAL,
                                            "All councils");
    case TALLY_CHART_SWING_SCATTER:
      return tally_chart_adapt_swing_scatter (tally_results_get_council_results (results, election, NULL),
                                              party ("CON"), party ("LAB"), TALLY_VOTE_METHOD_TOTAL, TRUE,
                                              NULL);
    case TALLY_CHART_STATE:
      return tally_chart_adapt_state (summary, parties, "All councils");
    default:
      g_assert_not_reached ();
    }
}

/* The share of the canvas inside the bounding box of what is not page. */
static double
ink_coverage (cairo_surface_t *surface)
{
  int width = cairo_image_surface_get_width (surface);
  int height = cairo_image_surface_get_height (surface);
  int stride = cairo_image_surface_get_stride (surface);
  const guchar *data = cairo_image_surface_get_data (surface);
  guint32 page = *(const guint32 *) data;

  /* A canvas of a fraction of a pixel more (A4 is 793.7 px wide) ends in
   * a column the page only partly covers: not ink. */
  int left = width, right = -1, top = height, bottom = -1;

  for (int y = 0; y < height; y++)
    {
      const guint32 *row = (const guint32 *) (data + y * stride);

      for (int x = 0; x < width; x++)
        if (row[x] != page && (row[x] >> 24) == 0xff)
          {
            left = MIN (left, x);
            right = MAX (right, x);
            top = MIN (top, y);
            bottom = MAX (bottom, y);
          }
    }

  if (right < 0)
    return 0;
  return (double) (right - left + 1) * (bottom - top + 1) / ((double) width * height);
}

typedef struct
{
  const char *name;
  gboolean    custom;
  double      width;
  double      height;
} Size;

static const Size sizes[] = {
  { "1200x675", FALSE, 0, 0 },
  { "1080x1080", FALSE, 0, 0 },
  { "1600x900", FALSE, 0, 0 },
  { "A4", FALSE, 0, 0 },
  { "A4 landscape", FALSE, 0, 0 },
  { "A5", FALSE, 0, 0 },
  { "A5 landscape", FALSE, 0, 0 },
  { "600x1000", TRUE, 600, 1000 },
};

/* The floor each chart holds at every size: bars grow, and take type to
 * match; the waffle's grid takes the page's shape.  The hemicycle and the
 * swingometer are half discs twice as wide as they are tall: on a square
 * or tall page their width bounds them, and what goes under them grows
 * into the height the half disc leaves: the hemicycle's legend and note
 * (measured 73-88%), the swingometer's readout, moved under the dial, and
 * a key (measured 75-82%). */
static const double floors[TALLY_N_CHART_KINDS] = {
  [TALLY_CHART_HEMICYCLE] = 0.70,
  [TALLY_CHART_SEAT_BARS] = 0.80,
  [TALLY_CHART_WAFFLE] = 0.75,
  [TALLY_CHART_SHARE_BARS] = 0.80,
  [TALLY_CHART_SWINGOMETER] = 0.70,
  [TALLY_CHART_SWING_SCATTER] = 0.85,
  [TALLY_CHART_STATE] = 0.85,
};

static void
test_fill (void)
{
  g_autoptr(TallyFilter) filter = tally_filter_new ();
  g_autoptr(TallyScopeSummary) summary = NULL;
  g_autoptr(GString) table = g_string_new ("chart");
  const char *png_dir = g_getenv ("TALLY_FILL_PNG_DIR");
  guint failures = 0;

  tally_filter_set_election (filter, election);
  summary = tally_results_summarize (results, filter);

  for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
    g_string_append_printf (table, " | %s", sizes[s].name);
  g_string_append (table, "\n");

  for (guint kind = 0; kind < TALLY_N_CHART_KINDS; kind++)
    {
      gpointer data = chart_data (kind, summary);
      TallyExportFigure figure;

      tally_export_figure_init_chart (&figure, kind, data);
      g_string_append (table, tally_chart_kind_to_string (kind));

      for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
        {
          TallyExportOptions options;
          g_autoptr(GError) error = NULL;
          cairo_surface_t *surface;
          double coverage, floor;

          tally_export_options_init (&options);
          if (sizes[s].custom)
            {
              options.preset = TALLY_EXPORT_PRESET_CUSTOM;
              options.width = sizes[s].width;
              options.height = sizes[s].height;
              options.unit = TALLY_EXPORT_UNIT_PX;
            }
          else
            tally_export_options_set_preset (&options, (TallyExportPreset) s);
          options.show_title = options.show_subtitle = options.show_source = FALSE;

          surface = tally_export_render_image (&figure, &options, 1, &error);
          g_assert_no_error (error);
          coverage = ink_coverage (surface);
          g_string_append_printf (table, " | %.0f%%", 100 * coverage);
          floor = floors[kind];
          if (coverage < floor)
            {
              g_test_message ("%s at %s covers %.0f%% of its canvas, under its floor of %.0f%%",
                              tally_chart_kind_to_string (kind), sizes[s].name, 100 * coverage,
                              100 * floor);
              failures++;
            }

          if (png_dir != NULL)
            {
              g_autofree char *name = g_strdup_printf ("%s-%u.png", tally_chart_kind_to_string (kind), s);
              g_autofree char *path = g_build_filename (png_dir, name, NULL);

              cairo_surface_write_to_png (surface, path);
            }
          cairo_surface_destroy (surface);
        }
      g_string_append (table, "\n");
      tally_chart_data_free (kind, data);
    }

  g_test_message ("ink coverage, title and source left out:\n%s", table->str);
  g_assert_cmpuint (failures, ==, 0);
}

/* Headings in a results page's words, never the engine's. */
static void
test_headings (void)
{
  g_autoptr(TallyFilter) filter = tally_filter_new ();
  g_autoptr(TallyScopeSummary) summary = NULL;
  static const char *titles[TALLY_N_CHART_KINDS] = {
    [TALLY_CHART_SHARE_BARS] = "Local elections 2018: vote share",
    [TALLY_CHART_SWINGOMETER] = "Local elections 2018: swing",
    [TALLY_CHART_STATE] = "Local elections 2018: control of councils",
  };

  tally_filter_set_election (filter, election);
  summary = tally_results_summarize (results, filter);

  for (guint kind = 0; kind < TALLY_N_CHART_KINDS; kind++)
    {
      gpointer data = chart_data (kind, summary);
      const TallyChartHeading *heading = tally_chart_data_get_heading (kind, data);

      if (titles[kind] != NULL)
        g_assert_cmpstr (heading->title, ==, titles[kind]);
      if (kind == TALLY_CHART_STATE)
        g_assert_cmpstr (heading->subtitle, ==, "150 councils; change on 2014 (seat change leaves out 17 councils on new wards)");
      g_assert_null (strstr (heading->subtitle ? heading->subtitle : "", "declaration"));
      g_assert_null (strstr (heading->subtitle ? heading->subtitle : "", "counted as"));
      tally_chart_data_free (kind, data);
    }

  {
    g_autoptr(TallySeatChartData) seats = tally_chart_adapt_scope_seats (summary, tally_catalog_get_parties (catalog),
                                                                        NULL);

    g_assert_cmpstr (seats->heading.title, ==, "Local elections 2018: seats won");
    g_assert_cmpstr (seats->heading.subtitle, ==, "150 councils; change on 2014 (seat change leaves out 17 councils on new wards)");
  }
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  int status;

  g_test_init (&argc, &argv, NULL);

  database = tally_database_open (tally_test_bundled_database (), TALLY_DATABASE_OPEN_READ_ONLY, &error);
  g_assert_no_error (error);
  catalog = tally_catalog_new (database, &error);
  g_assert_no_error (error);
  results = tally_results_new (catalog, &error);
  g_assert_no_error (error);
  election = tally_catalog_lookup_election (catalog, "2018-05-03");
  g_assert_nonnull (election);

  g_test_add_func ("/export/fill", test_fill);
  g_test_add_func ("/export/headings", test_headings);

  status = g_test_run ();

  g_clear_object (&results);
  g_clear_object (&catalog);
  g_clear_object (&database);
  return status;
}
