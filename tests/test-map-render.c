/* test-map-render.c: the map drawn on image surfaces, checked by pixel.
 *
 * The generated hex cartogram of the bundled database, coloured by control
 * after 3 May 2018: Richmond upon Thames' hex is Liberal Democrat yellow,
 * Trafford's the no-overall-control grey, Birmingham's Labour red.  With
 * the real boundaries (../shared/data), the same on the geographic map,
 * holes included: Cambridge, in the hole of South Cambridgeshire, is
 * Labour red, South Cambridgeshire Liberal Democrat yellow.  With
 * TALLY_MAP_PNG_DIR set, the maps are also written there as PNG, in light
 * and dark, to be looked at.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <cairo.h>
#include <math.h>
#include <string.h>

#include "tally-boundaries.h"
#include "tally-catalog.h"
#include "tally-council.h"
#include "tally-map-short-labels.h"
#include "tally-chart-style.h"
#include "tally-council.h"
#include "tally-database.h"
#include "tally-election.h"
#include "tally-filter.h"
#include "tally-hexgen.h"
#include "tally-map-data.h"
#include "tally-map-draw.h"
#include "tally-results.h"
#include "tally-test-util.h"

#define RICHMOND "E09000027"
#define TRAFFORD "E08000009"
#define BIRMINGHAM "E08000025"
#define WESTMINSTER "E09000033"
#define CORNWALL "E06000052"
#define CAMBRIDGE "E07000008"
#define SOUTH_CAMBRIDGESHIRE "E07000012"

#define WIDTH 900
#define HEIGHT 1000

static TallyDatabase *database;
static TallyCatalog *catalog;
static TallyResults *results;
static TallyElection *election;
static TallyHexLayout *hexes;
static TallyBoundaries *boundaries;  /* NULL without ../shared/data */

static TallyParty *
party (const char *key)
{
  TallyParty *found = tally_catalog_lookup_party (catalog, key);

  g_assert_nonnull (found);
  return found;
}

static TallyMapData *
map_data_for_style (TallyMapColourBy  colour_by,
                    TallyFilter      *filter,
                    TallyParty       *chosen,
                    TallyParty       *swing_from,
                    gboolean          dark)
{
  TallyChartStyle style;

  tally_chart_style_init (&style, dark ? TALLY_CHART_BACKGROUND_DARK : TALLY_CHART_BACKGROUND_LIGHT);
  return tally_map_data_new_for_results (tally_catalog_get_councils (catalog),
                                         tally_results_get_council_results (results, election, NULL),
                                         tally_catalog_get_parties (catalog), filter, colour_by, chosen, swing_from,
                                         &style);
}

static TallyMapData *
map_data (TallyMapColourBy  colour_by,
          TallyFilter      *filter,
          TallyParty       *chosen,
          TallyParty       *swing_from)
{
  return map_data_for_style (colour_by, filter, chosen, swing_from, FALSE);
}

static void
write_png (cairo_surface_t *surface,
           const char      *name)
{
  const char *dir = g_getenv ("TALLY_MAP_PNG_DIR");
  g_autofree char *path = NULL;

  if (dir == NULL)
    return;

  g_mkdir_with_parents (dir, 0755);
  path = g_build_filename (dir, name, NULL);
  g_assert_cmpint (cairo_surface_write_to_png (surface, path), ==, CAIRO_STATUS_SUCCESS);
}

static cairo_surface_t *
render (const TallyMapData *data,
        gboolean            hex,
        gboolean            dark,
        TallyMapTransform  *transform)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, WIDTH, HEIGHT);
  cairo_t *cr = cairo_create (surface);
  TallyChartStyle style;
  double min_x, min_y, max_x, max_y;

  tally_chart_style_init (&style, dark ? TALLY_CHART_BACKGROUND_DARK : TALLY_CHART_BACKGROUND_LIGHT);
  cairo_set_source_rgb (cr, style.page.red, style.page.green, style.page.blue);
  cairo_paint (cr);

  if (hex)
    g_assert_true (tally_hex_layout_get_bounds (hexes, &min_x, &min_y, &max_x, &max_y));
  else
    g_assert_true (tally_boundaries_get_bounds (boundaries, &min_x, &min_y, &max_x, &max_y));
  tally_map_transform_fit (transform, min_x, min_y, max_x, max_y, 10, 10, WIDTH - 20, HEIGHT - 20);

  if (hex)
    tally_map_paint_hexes (cr, hexes, data, transform, &style, WIDTH, HEIGHT);
  else
    tally_map_paint_boundaries (cr, boundaries, data, transform, &style, WIDTH, HEIGHT);

  cairo_destroy (cr);
  cairo_surface_flush (surface);
  return surface;
}

static void
pixel_at (cairo_surface_t *surface,
          double           x,
          double           y,
          TallyChartRgb   *rgb)
{
  const guint8 *data = cairo_image_surface_get_data (surface);
  int stride = cairo_image_surface_get_stride (surface);
  int px = (int) floor (x), py = (int) floor (y);
  guint32 pixel;

  g_assert_cmpint (px, >=, 0);
  g_assert_cmpint (py, >=, 0);
  g_assert_cmpint (px, <, cairo_image_surface_get_width (surface));
  g_assert_cmpint (py, <, cairo_image_surface_get_height (surface));

  pixel = *(const guint32 *) (data + py * stride + px * 4);
  rgb->red = ((pixel >> 16) & 0xff) / 255.0;
  rgb->green = ((pixel >> 8) & 0xff) / 255.0;
  rgb->blue = (pixel & 0xff) / 255.0;
}

static void
assert_colour (cairo_surface_t *surface,
               double           x,
               double           y,
               TallyChartRgb    expected,
               const char      *what)
{
  TallyChartRgb seen;

  pixel_at (surface, x, y, &seen);
  if (fabs (seen.red - expected.red) > 2.5 / 255 || fabs (seen.green - expected.green) > 2.5 / 255 ||
      fabs (seen.blue - expected.blue) > 2.5 / 255)
    g_error ("%s at (%.0f, %.0f): expected #%02X%02X%02X, saw #%02X%02X%02X", what, x, y,
             (int) round (expected.red * 255), (int) round (expected.green * 255), (int) round (expected.blue * 255),
             (int) round (seen.red * 255), (int) round (seen.green * 255), (int) round (seen.blue * 255));
}

static TallyChartRgb
hex_colour (const char *hex)
{
  TallyChartRgb rgb;

  g_assert_true (tally_chart_rgb_parse (hex, &rgb));
  return rgb;
}

/* A point inside a council's hex, where its colour shows. */
static void
hex_centre (const TallyMapTransform *transform,
            const char              *code,
            double                  *x,
            double                  *y)
{
  int index = tally_hex_layout_lookup (hexes, code);
  double map_x, map_y;

  g_assert_cmpint (index, >=, 0);
  tally_hex_layout_get_centre (hexes, index, &map_x, &map_y);
  tally_map_transform_to_canvas (transform, map_x, map_y, x, y);
  /* Below the middle, clear of the three-letter label large hexes get. */
  *y += 0.6 * transform->scale;
}

static void
test_hexes_by_control (void)
{
  g_autoptr(TallyMapData) data = map_data (TALLY_MAP_COLOUR_CONTROL, NULL, NULL, NULL);
  TallyMapTransform transform;
  cairo_surface_t *surface = render (data, TRUE, FALSE, &transform);
  TallyChartStyle style;
  double x, y;
  guint counted = 0;

  tally_chart_style_init (&style, TALLY_CHART_BACKGROUND_LIGHT);

  hex_centre (&transform, RICHMOND, &x, &y);
  assert_colour (surface, x, y, hex_colour ("#FAA61A"), "Richmond upon Thames (Liberal Democrat)");
  hex_centre (&transform, TRAFFORD, &x, &y);
  assert_colour (surface, x, y, hex_colour (TALLY_MAP_NOC_COLOUR), "Trafford (no overall control)");
  hex_centre (&transform, BIRMINGHAM, &x, &y);
  assert_colour (surface, x, y, hex_colour ("#E4003B"), "Birmingham (Labour)");
  hex_centre (&transform, WESTMINSTER, &x, &y);
  assert_colour (surface, x, y, hex_colour ("#0087DC"), "Westminster (Conservative)");
  /* Cornwall had no election in 2018: the blank, not a party's colour. */
  hex_centre (&transform, CORNWALL, &x, &y);
  assert_colour (surface, x, y, tally_map_area_colour (tally_map_data_lookup (data, CORNWALL), &style),
                 "Cornwall (no election)");
  g_assert_false (tally_map_data_lookup (data, CORNWALL)->has_value);

  /* The key counts every council that voted once. */
  for (guint i = 0; i < data->n_key; i++)
    counted += data->key[i].count;
  g_assert_cmpuint (counted, ==, 150);
  g_assert_cmpstr (data->key[data->n_key - 1].label, ==, "No overall control");
  /* In results order, as the state of the parties: Labour's 74 councils,
   * the Conservatives' 46, the Liberal Democrats' 9 (by the parties' place
   * on the spectrum, the Liberal Democrats came second). */
  g_assert_cmpuint (data->n_key, ==, 4);
  g_assert_cmpstr (data->key[0].label, ==, "Labour");
  g_assert_cmpuint (data->key[0].count, ==, 74);
  g_assert_cmpstr (data->key[1].label, ==, "Conservative");
  g_assert_cmpuint (data->key[1].count, ==, 46);
  g_assert_cmpstr (data->key[2].label, ==, "Liberal Democrats");
  g_assert_cmpuint (data->key[2].count, ==, 9);

  write_png (surface, "map-hex-control.png");
  cairo_surface_destroy (surface);

  surface = render (data, TRUE, TRUE, &transform);
  hex_centre (&transform, RICHMOND, &x, &y);
  assert_colour (surface, x, y, hex_colour ("#FAA61A"), "Richmond upon Thames, dark");
  write_png (surface, "map-hex-control-dark.png");
  cairo_surface_destroy (surface);

  /* Closer in, hexes carry their whole names. */
  {
    cairo_surface_t *close = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 700, 500);
    cairo_t *cr = cairo_create (close);
    double map_x, map_y;

    cairo_set_source_rgb (cr, 1, 1, 1);
    cairo_paint (cr);
    tally_hex_layout_get_centre (hexes, tally_hex_layout_lookup (hexes, "E08000003"), &map_x, &map_y);
    tally_map_transform_fit (&transform, map_x - 7, map_y - 5, map_x + 7, map_y + 5, 0, 0, 700, 500);
    tally_map_paint_hexes (cr, hexes, data, &transform, &style, 700, 500);
    cairo_destroy (cr);
    write_png (close, "map-hex-manchester-names.png");
    cairo_surface_destroy (close);
  }
}

static void
test_hexes_fade_outside_filter (void)
{
  g_autoptr(TallyFilter) filter = tally_filter_new ();
  const char *london[] = { "London", NULL };
  g_autoptr(TallyMapData) data = NULL;
  TallyMapTransform transform;
  TallyChartStyle style;
  cairo_surface_t *surface;
  double x, y;

  tally_chart_style_init (&style, TALLY_CHART_BACKGROUND_LIGHT);
  tally_filter_set_regions (filter, london);
  data = map_data (TALLY_MAP_COLOUR_CONTROL, filter, NULL, NULL);
  surface = render (data, TRUE, FALSE, &transform);

  g_assert_true (tally_map_data_lookup (data, RICHMOND)->in_scope);
  g_assert_false (tally_map_data_lookup (data, TRAFFORD)->in_scope);

  hex_centre (&transform, RICHMOND, &x, &y);
  assert_colour (surface, x, y, hex_colour ("#FAA61A"), "Richmond upon Thames, in London");
  hex_centre (&transform, TRAFFORD, &x, &y);
  assert_colour (surface, x, y, tally_chart_rgb_mix (hex_colour (TALLY_MAP_NOC_COLOUR), style.page, 0.74),
                 "Trafford, faded outside London");

  write_png (surface, "map-hex-london-filter.png");
  cairo_surface_destroy (surface);
}

static void
test_hexes_by_change (void)
{
  g_autoptr(TallyMapData) data = map_data (TALLY_MAP_COLOUR_CHANGE, NULL, NULL, NULL);
  TallyMapTransform transform;
  cairo_surface_t *surface = render (data, TRUE, FALSE, &transform);
  double x, y;

  /* Gains full, holds pale. */
  hex_centre (&transform, RICHMOND, &x, &y);
  assert_colour (surface, x, y, hex_colour ("#FAA61A"), "Richmond upon Thames, Liberal Democrat gain");
  hex_centre (&transform, TRAFFORD, &x, &y);
  assert_colour (surface, x, y, hex_colour (TALLY_MAP_NOC_COLOUR), "Trafford, lost to no overall control");
  hex_centre (&transform, WESTMINSTER, &x, &y);
  assert_colour (surface, x, y, tally_chart_rgb_mix (hex_colour ("#0087DC"), (TallyChartRgb) { 1, 1, 1 }, 0.62),
                 "Westminster, Conservative hold");
  g_assert_cmpstr (tally_map_data_lookup (data, RICHMOND)->status, ==,
                   "Liberal Democrats gain from Conservative");

  write_png (surface, "map-hex-change.png");
  cairo_surface_destroy (surface);
}

static void
test_numbers_in_classes (void)
{
  const TallyMapColourBy colourings[] = { TALLY_MAP_COLOUR_SHARE, TALLY_MAP_COLOUR_SHARE_CHANGE, TALLY_MAP_COLOUR_SWING,
                                          TALLY_MAP_COLOUR_WINNER };
  const char *names[] = { "map-hex-share.png", "map-hex-share-change.png", "map-hex-swing.png", "map-hex-winner.png" };

  for (guint i = 0; i < G_N_ELEMENTS (colourings); i++)
    {
      g_autoptr(TallyMapData) data = map_data (colourings[i], NULL, party ("LAB"), party ("CON"));
      const TallyMapArea *birmingham = tally_map_data_lookup (data, BIRMINGHAM);
      TallyMapTransform transform;
      cairo_surface_t *surface;
      double x, y;
      guint counted = 0;

      g_assert_true (birmingham->has_value);
      g_assert_cmpuint (data->n_key, >=, 2);
      g_assert_cmpint (data->key_is_scale, ==, colourings[i] != TALLY_MAP_COLOUR_WINNER);
      for (guint k = 0; k < data->n_key; k++)
        counted += data->key[k].count;
      g_assert_cmpuint (counted, >, 100);

      surface = render (data, TRUE, FALSE, &transform);
      hex_centre (&transform, BIRMINGHAM, &x, &y);
      assert_colour (surface, x, y, birmingham->fill, "Birmingham, in its class");
      write_png (surface, names[i]);
      cairo_surface_destroy (surface);
    }
}

static void
test_boundaries_by_control (void)
{
  g_autoptr(TallyMapData) data = map_data (TALLY_MAP_COLOUR_CONTROL, NULL, NULL, NULL);
  TallyMapTransform transform;
  cairo_surface_t *surface;
  double x, y;

  if (boundaries == NULL)
    {
      g_test_skip ("../shared/data/geo is not there");
      return;
    }

  surface = render (data, FALSE, FALSE, &transform);

  /* Victoria Square, Birmingham; Richmond Park; central Trafford. */
  tally_map_transform_to_canvas (&transform, 406870, 286920, &x, &y);
  assert_colour (surface, x, y, hex_colour ("#E4003B"), "Birmingham");
  tally_map_transform_to_canvas (&transform, 516000, 172000, &x, &y);
  assert_colour (surface, x, y, hex_colour ("#FAA61A"), "Richmond upon Thames");
  tally_map_transform_to_canvas (&transform, 376000, 391000, &x, &y);
  assert_colour (surface, x, y, hex_colour (TALLY_MAP_NOC_COLOUR), "Trafford");
  /* Cambridge fills the hole in South Cambridgeshire. */
  tally_map_transform_to_canvas (&transform, 545500, 258300, &x, &y);
  assert_colour (surface, x, y, hex_colour ("#E4003B"), "Cambridge, in South Cambridgeshire's hole");
  tally_map_transform_to_canvas (&transform, 540000, 246000, &x, &y);
  assert_colour (surface, x, y, hex_colour ("#FAA61A"), "South Cambridgeshire");

  write_png (surface, "map-geo-control.png");
  cairo_surface_destroy (surface);

  surface = render (data, FALSE, TRUE, &transform);
  write_png (surface, "map-geo-control-dark.png");
  cairo_surface_destroy (surface);
}

/* Zoomed into London, the level of detail is finer and labels show. */
static void
test_zoomed_in_boundaries (void)
{
  g_autoptr(TallyMapData) data = map_data (TALLY_MAP_COLOUR_CONTROL, NULL, NULL, NULL);
  cairo_surface_t *surface;
  cairo_t *cr;
  TallyMapMarks marks = { .hovered = TRAFFORD, .selected = RICHMOND };
  TallyMapTransform transform;
  TallyChartStyle style;
  double x, y;

  if (boundaries == NULL)
    {
      g_test_skip ("../shared/data/geo is not there");
      return;
    }

  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, WIDTH, HEIGHT);
  cr = cairo_create (surface);
  tally_chart_style_init (&style, TALLY_CHART_BACKGROUND_LIGHT);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  tally_map_transform_fit (&transform, 503000, 155000, 562000, 201000, 0, 0, WIDTH, HEIGHT);
  tally_map_paint_boundaries (cr, boundaries, data, &transform, &style, WIDTH, HEIGHT);
  tally_map_paint_marks (cr, NULL, boundaries, data, &transform, &style, &marks, WIDTH, HEIGHT);
  cairo_surface_flush (surface);
  /* Westminster's Parliament Square. */
  tally_map_transform_to_canvas (&transform, 530000, 179600, &x, &y);
  assert_colour (surface, x, y, hex_colour ("#0087DC"), "Westminster, zoomed in");
  write_png (surface, "map-geo-london.png");

  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

static void
test_zoomed_in_hexes (void)
{
  g_autoptr(TallyMapData) data = map_data (TALLY_MAP_COLOUR_CONTROL, NULL, NULL, NULL);
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, WIDTH, HEIGHT);
  cairo_t *cr = cairo_create (surface);
  TallyMapMarks marks = { .hovered = TRAFFORD, .selected = RICHMOND };
  TallyMapTransform transform;
  TallyChartStyle style;
  double x, y;

  tally_chart_style_init (&style, TALLY_CHART_BACKGROUND_LIGHT);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  tally_hex_layout_get_centre (hexes, tally_hex_layout_lookup (hexes, RICHMOND), &x, &y);
  tally_map_transform_fit (&transform, x - 9, y - 8, x + 9, y + 8, 0, 0, WIDTH, HEIGHT);
  tally_map_paint_hexes (cr, hexes, data, &transform, &style, WIDTH, HEIGHT);
  tally_map_paint_marks (cr, hexes, NULL, data, &transform, &style, &marks, WIDTH, HEIGHT);
  cairo_surface_flush (surface);

  /* What it drew: Richmond, selected, still Liberal Democrat yellow inside
   * its outline, and Westminster beside it Conservative blue. */
  hex_centre (&transform, RICHMOND, &x, &y);
  assert_colour (surface, x, y, hex_colour ("#FAA61A"), "Richmond upon Thames, zoomed in");
  hex_centre (&transform, WESTMINSTER, &x, &y);
  assert_colour (surface, x, y, hex_colour ("#0087DC"), "Westminster, zoomed in");
  write_png (surface, "map-hex-london.png");

  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

static void
test_figure (gconstpointer data_hex)
{
  gboolean hex_figures = GPOINTER_TO_INT (data_hex);
  const struct
  {
    int         width;
    int         height;
    gboolean    hex;
    gboolean    dark;
    const char *name;
  } figures[] = {
    { 1200, 675, TRUE, FALSE, "map-figure-hex-1200x675.png" },
    { 1080, 1080, TRUE, TRUE, "map-figure-hex-1080-dark.png" },
    { 1080, 1080, FALSE, FALSE, "map-figure-geo-1080.png" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (figures); i++)
    {
      g_autoptr(TallyMapData) data = map_data_for_style (TALLY_MAP_COLOUR_CHANGE, NULL, NULL, NULL, figures[i].dark);
      cairo_surface_t *surface;
      cairo_t *cr;
      TallyChartStyle style;

      if (figures[i].hex != hex_figures)
        continue;
      if (boundaries == NULL && !figures[i].hex)
        {
          g_test_skip ("../shared/data/geo is not there");
          return;
        }

      surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, figures[i].width, figures[i].height);
      cr = cairo_create (surface);
      tally_chart_style_init (&style, figures[i].dark ? TALLY_CHART_BACKGROUND_DARK : TALLY_CHART_BACKGROUND_LIGHT);
      tally_map_draw (cr, figures[i].width, figures[i].height, figures[i].hex ? hexes : NULL,
                      figures[i].hex ? NULL : boundaries, data, &style, NULL);
      g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
      cairo_destroy (cr);
      cairo_surface_flush (surface);

      /* The page colour in the corner: the figure paints its background. */
      assert_colour (surface, 2, 2, style.page, "the page");
      write_png (surface, figures[i].name);
      cairo_surface_destroy (surface);
    }
}

/* The share of @surface's pixels within 3/255 of @colour. */
static double
share_of_colour (cairo_surface_t *surface,
                 TallyChartRgb    colour)
{
  int width = cairo_image_surface_get_width (surface), height = cairo_image_surface_get_height (surface);
  guint n = 0;

  for (int y = 0; y < height; y++)
    for (int x = 0; x < width; x++)
      {
        TallyChartRgb seen;

        pixel_at (surface, x, y, &seen);
        if (fabs (seen.red - colour.red) <= 3.0 / 255 && fabs (seen.green - colour.green) <= 3.0 / 255 &&
            fabs (seen.blue - colour.blue) <= 3.0 / 255)
          n++;
      }
  return (double) n / (width * height);
}

static cairo_surface_t *
render_figure (const TallyMapData          *data,
               gboolean                     hex,
               int                          width,
               int                          height,
               const TallyMapFigureOptions *options)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
  cairo_t *cr = cairo_create (surface);
  TallyChartStyle style;

  tally_chart_style_init (&style, TALLY_CHART_BACKGROUND_LIGHT);
  tally_map_draw_figure (cr, width, height, hex ? hexes : NULL, hex ? NULL : boundaries, data, &style, NULL, options);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  return surface;
}

/* The window's view of London, exported: London fills the figure.  The
 * Liberal Democrats' yellow (Richmond upon Thames, Kingston upon Thames,
 * Sutton, all large at London's scale) covers a few per cent of the page;
 * on the whole map, where the same councils are a few pixels each, far
 * less.  A filter of London councils, cropped, shows the same. */
static void
test_figure_extent (gconstpointer data_hex)
{
  gboolean hex = GPOINTER_TO_INT (data_hex);
  g_autoptr(TallyMapData) data = map_data (TALLY_MAP_COLOUR_CONTROL, NULL, NULL, NULL);
  g_autoptr(TallyFilter) filter = tally_filter_new ();
  g_autoptr(TallyMapData) london_only = NULL;
  TallyMapFigureOptions whole = { .labels = TRUE }, zoomed = { .labels = TRUE, .has_extent = TRUE };
  TallyMapFigureOptions cropped = { .labels = TRUE, .crop_to_scope = TRUE };
  cairo_surface_t *surface;
  double whole_share, zoomed_share, cropped_share;
  const char *regions[] = { "London", NULL };

  if (!hex && boundaries == NULL)
    {
      g_test_skip ("../shared/data/geo is not there");
      return;
    }

  g_assert_true (tally_map_get_scope_bounds (hex ? hexes : NULL, hex ? NULL : boundaries, data, TRUE, zoomed.extent));

  surface = render_figure (data, hex, 1200, 675, &whole);
  whole_share = share_of_colour (surface, hex_colour ("#FAA61A"));
  write_png (surface, hex ? "map-figure-hex-whole.png" : "map-figure-geo-whole.png");
  cairo_surface_destroy (surface);

  surface = render_figure (data, hex, 1200, 675, &zoomed);
  zoomed_share = share_of_colour (surface, hex_colour ("#FAA61A"));
  write_png (surface, hex ? "map-figure-hex-london-view.png" : "map-figure-geo-london-view.png");
  cairo_surface_destroy (surface);

  tally_filter_set_regions (filter, regions);
  london_only = map_data (TALLY_MAP_COLOUR_CONTROL, filter, NULL, NULL);
  surface = render_figure (london_only, hex, 1200, 675, &cropped);
  cropped_share = share_of_colour (surface, hex_colour ("#FAA61A"));
  write_png (surface, hex ? "map-figure-hex-london-crop.png" : "map-figure-geo-london-crop.png");
  cairo_surface_destroy (surface);

  g_test_message ("Liberal Democrat yellow: whole map %.2f%%, London view %.2f%%, London cropped %.2f%%",
                  100 * whole_share, 100 * zoomed_share, 100 * cropped_share);
  g_assert_cmpfloat (zoomed_share, >, 0.01);
  g_assert_cmpfloat (cropped_share, >, 0.01);
  g_assert_cmpfloat (zoomed_share, >, 4 * whole_share);
  g_assert_cmpfloat (cropped_share, >, 4 * whole_share);
}

/* The London inset on the England boundary map: London again, larger, in
 * its own box, so the page holds more of the Liberal Democrats' London
 * gains than without it, and names a dozen London boroughs, which the
 * plain map has no room to name. */
static void
test_figure_inset (void)
{
  g_autoptr(TallyMapData) data = map_data (TALLY_MAP_COLOUR_CONTROL, NULL, NULL, NULL);
  TallyMapFigureOptions plain = { .labels = TRUE }, inset = { .labels = TRUE, .london_inset = TRUE };
  TallyChartStyle style;
  g_autoptr(GArray) labels = NULL;
  g_autoptr(GArray) plain_labels = NULL;
  cairo_surface_t *surface;
  double plain_share, inset_share;
  guint london = 0, plain_london = 0;

  if (boundaries == NULL)
    {
      g_test_skip ("../shared/data/geo is not there");
      return;
    }

  surface = render_figure (data, FALSE, 1200, 675, &plain);
  plain_share = share_of_colour (surface, hex_colour ("#FAA61A"));
  cairo_surface_destroy (surface);
  surface = render_figure (data, FALSE, 1200, 675, &inset);
  inset_share = share_of_colour (surface, hex_colour ("#FAA61A"));
  write_png (surface, "map-figure-geo-inset.png");
  cairo_surface_destroy (surface);
  g_test_message ("Liberal Democrat yellow: %.2f%% without the inset, %.2f%% with it", 100 * plain_share,
                  100 * inset_share);
  g_assert_cmpfloat (inset_share, >, 2 * plain_share);

  tally_chart_style_init (&style, TALLY_CHART_BACKGROUND_LIGHT);
  labels = tally_map_figure_get_labels (1200, 675, NULL, boundaries, data, &style, &inset);
  for (guint i = 0; i < labels->len; i++)
    london += g_str_has_prefix (g_array_index (labels, TallyMapLabel, i).code, "E09");
  plain_labels = tally_map_figure_get_labels (1200, 675, NULL, boundaries, data, &style, &plain);
  for (guint i = 0; i < plain_labels->len; i++)
    plain_london += g_str_has_prefix (g_array_index (plain_labels, TallyMapLabel, i).code, "E09");
  g_test_message ("London boroughs named: %u with the inset, %u without", london, plain_london);
  g_assert_cmpuint (london, >=, 12);
  g_assert_cmpuint (plain_london, <=, 2);
}

/* The collision rule: at every preset's shape, whole map, London and
 * inset, no two labels' boxes meet, each lies on the canvas, and the
 * figure still names plenty of councils. */
static void
test_labels_do_not_collide (gconstpointer data_hex)
{
  gboolean hex = GPOINTER_TO_INT (data_hex);
  g_autoptr(TallyMapData) data = map_data (TALLY_MAP_COLOUR_CONTROL, NULL, NULL, NULL);
  const int sizes[][2] = { { 1200, 675 }, { 1080, 1080 }, { 1600, 900 }, { 794, 1123 }, { 1123, 794 }, { 559, 794 } };
  TallyMapFigureOptions shown[3] = { { .labels = TRUE }, { .labels = TRUE, .has_extent = TRUE },
                                     { .labels = TRUE, .london_inset = TRUE } };
  TallyChartStyle style;

  if (!hex && boundaries == NULL)
    {
      g_test_skip ("../shared/data/geo is not there");
      return;
    }

  tally_chart_style_init (&style, TALLY_CHART_BACKGROUND_LIGHT);
  g_assert_true (tally_map_get_scope_bounds (hex ? hexes : NULL, hex ? NULL : boundaries, data, TRUE, shown[1].extent));

  for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
    for (guint o = 0; o < G_N_ELEMENTS (shown); o++)
      {
        g_autoptr(GArray) labels = tally_map_figure_get_labels (sizes[s][0], sizes[s][1], hex ? hexes : NULL,
                                                                hex ? NULL : boundaries, data, &style, &shown[o]);
        guint floor = hex ? (o == 1 ? 33 : 150) : 20, london = 0;

        g_test_message ("%d×%d, %s: %u labels", sizes[s][0], sizes[s][1],
                        o == 0 ? "whole map" : o == 1 ? "London" : "inset", labels->len);
        /* Hexes: most of them named (London: the hexes in view); boundaries:
         * the larger councils. */
        g_assert_cmpuint (labels->len, >=, floor);
        for (guint i = 0; i < labels->len; i++)
          {
            const TallyMapLabel *a = &g_array_index (labels, TallyMapLabel, i);

            g_assert_cmpfloat (a->x, >=, 0);
            g_assert_cmpfloat (a->y, >=, 0);
            g_assert_cmpfloat (a->x + a->width, <=, sizes[s][0]);
            g_assert_cmpfloat (a->y + a->height, <=, sizes[s][1]);
            g_assert_cmpfloat (a->width, >, 0);
            london += g_str_has_prefix (a->code, "E09");
            for (guint j = i + 1; j < labels->len; j++)
              {
                const TallyMapLabel *b = &g_array_index (labels, TallyMapLabel, j);

                if (tally_map_labels_intersect (a, b, 0))
                  g_error ("%d×%d: the labels “%s” (%.1f, %.1f, %.1f × %.1f) and “%s” (%.1f, %.1f, %.1f × %.1f) "
                           "overlap", sizes[s][0], sizes[s][1], a->text, a->x, a->y, a->width, a->height, b->text,
                           b->x, b->y, b->width, b->height);
              }
          }
        /* London's view of the hexes names every one of its 33 councils. */
        if (hex && o == 1)
          g_assert_cmpuint (london, ==, 33);
      }
}

static void
test_short_labels (void)
{
  const char *cases[][2] = {
    { "Birmingham", "Bir" },
    { "North Tyneside", "NTy" },
    { "Richmond upon Thames", "RTh" },
    { "Kingston upon Hull, City of", "KHu" },
    { "Bristol, City of", "Bri" },
    { "Stoke-on-Trent", "STr" },
    { "Bath and North East Somerset", "BSo" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *label = tally_map_short_label (cases[i][0]);

      g_assert_cmpstr (label, ==, cases[i][1]);
    }
}

/* Every one of the 326 councils gets a label of its own on the map, as a
 * reader tells them apart (without case); one no other council would share
 * keeps its natural three letters, and the six "Har" councils and the
 * "Bro" ones each get letters of their own name. */
static void
test_unique_labels (void)
{
  GListModel *councils = tally_catalog_get_councils (catalog);
  g_autoptr(GHashTable) labels = tally_map_short_labels (councils);
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(TallyMapData) data = map_data (TALLY_MAP_COLOUR_CONTROL, NULL, NULL, NULL);
  guint n_councils = g_list_model_get_n_items (councils);
  guint har = 0, kept = 0;

  g_assert_cmpuint (n_councils, ==, 326);
  for (guint i = 0; i < n_councils; i++)
    {
      g_autoptr(TallyCouncil) council = g_list_model_get_item (councils, i);
      const char *name = tally_council_get_name (council);
      const char *label = g_hash_table_lookup (labels, tally_council_get_code (council));
      g_autofree char *natural = tally_map_short_label (name);
      g_autofree char *folded = NULL;

      g_assert_nonnull (label);
      folded = g_utf8_casefold (label, -1);
      if (!g_hash_table_add (seen, g_steal_pointer (&folded)))
        g_error ("“%s” labels %s and another council", label, name);

      /* Short enough for a hex, and led by the name's first letter. */
      g_assert_cmpuint (g_utf8_strlen (label, -1), <=, 3);
      g_assert_true (g_unichar_toupper (g_utf8_get_char (label)) == g_unichar_toupper (g_utf8_get_char (name)));
      har += g_ascii_strcasecmp (label, "Har") == 0;
      kept += g_str_equal (label, natural);
      if (!g_str_equal (label, natural))
        g_test_message ("%s: %s (not %s)", name, label, natural);

      /* What the map draws is this label. */
      g_assert_cmpstr (tally_map_data_lookup (data, tally_council_get_code (council))->short_label, ==, label);
    }
  g_assert_cmpuint (g_hash_table_size (seen), ==, 326);
  g_assert_cmpuint (har, ==, 0);
  /* Most councils keep their natural label. */
  g_assert_cmpuint (kept, >, 200);

  g_assert_cmpstr (g_hash_table_lookup (labels, "E08000025"), ==, "Bir");  /* Birmingham */
  g_assert_cmpstr (g_hash_table_lookup (labels, "E09000027"), ==, "RTh");  /* Richmond upon Thames */
  g_assert_cmpstr (g_hash_table_lookup (labels, "E09000015"), !=, g_hash_table_lookup (labels, "E07000073"));  /* Harrow, Harlow */
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
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
  hexes = tally_hexgen_generate_for_councils (tally_catalog_get_councils (catalog), &error);
  g_assert_no_error (error);

  path = tally_test_shared_data_path ("geo/lad2018/lad2018_england_bgc_bng.geojson");
  if (path != NULL)
    {
      g_autoptr(TallyGeoFile) file = tally_geo_file_load (path, NULL, NULL, &error);

      g_assert_no_error (error);
      boundaries = tally_boundaries_new_from_file (file);
    }

  g_test_add_func ("/map-render/short-labels", test_short_labels);
  g_test_add_func ("/map-render/unique-labels", test_unique_labels);
  g_test_add_func ("/map-render/hexes-by-control", test_hexes_by_control);
  g_test_add_func ("/map-render/hexes-fade-outside-filter", test_hexes_fade_outside_filter);
  g_test_add_func ("/map-render/hexes-by-change", test_hexes_by_change);
  g_test_add_func ("/map-render/numbers-in-classes", test_numbers_in_classes);
  g_test_add_func ("/map-render/boundaries-by-control", test_boundaries_by_control);
  g_test_add_func ("/map-render/zoomed-in-boundaries", test_zoomed_in_boundaries);
  g_test_add_func ("/map-render/zoomed-in-hexes", test_zoomed_in_hexes);
  g_test_add_data_func ("/map-render/figure-hexes", GINT_TO_POINTER (TRUE), test_figure);
  g_test_add_data_func ("/map-render/figure-boundaries", GINT_TO_POINTER (FALSE), test_figure);
  g_test_add_data_func ("/map-render/figure-extent-hexes", GINT_TO_POINTER (TRUE), test_figure_extent);
  g_test_add_data_func ("/map-render/figure-extent-boundaries", GINT_TO_POINTER (FALSE), test_figure_extent);
  g_test_add_func ("/map-render/figure-inset", test_figure_inset);
  g_test_add_data_func ("/map-render/labels-hexes", GINT_TO_POINTER (TRUE), test_labels_do_not_collide);
  g_test_add_data_func ("/map-render/labels-boundaries", GINT_TO_POINTER (FALSE), test_labels_do_not_collide);

  status = g_test_run ();

  g_clear_object (&boundaries);
  g_clear_object (&hexes);
  g_clear_object (&results);
  g_clear_object (&catalog);
  g_clear_object (&database);
  return status;
}
