/* test-charts-render.c: charts drawn on cairo surfaces, checked by pixel.
 *
 * Charts of real councils from the bundled database are rendered on image
 * surfaces and sampled where the layout says a seat or bar is: Trafford
 * after 2018 has 30 Labour-red seats and 29 Conservative-blue ones, and the
 * majority mark at seat 32.  With TALLY_CHARTS_PNG_DIR set, every chart is
 * also written there as PNG, in light and dark, at 1× and 2×, to be looked
 * at.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <cairo.h>
#include <cairo-pdf.h>
#include <cairo-svg.h>
#include <math.h>
#include <string.h>

#include "tally-catalog.h"
#include "tally-chart.h"
#include "tally-chart-adapt.h"
#include "tally-council.h"
#include "tally-council-result.h"
#include "tally-database.h"
#include "tally-election.h"
#include "tally-filter.h"
#include "tally-hemicycle.h"
#include "tally-party.h"
#include "tally-results.h"
#include "tally-scope-summary.h"
#include "tally-seat-bars.h"
#include "tally-share-bars.h"
#include "tally-state-chart.h"
#include "tally-swing-scatter.h"
#include "tally-swingometer.h"
#include "tally-test-util.h"
#include "tally-waffle.h"

#define TRAFFORD "E08000009"
#define WIDTH 800
#define HEIGHT 520

static TallyDatabase *database;
static TallyCatalog *catalog;
static TallyResults *results;
static TallyElection *election;

static TallyCouncilResult *
lookup (const char *code)
{
  TallyCouncil *council = tally_catalog_lookup_council (catalog, code);
  TallyCouncilResult *result;

  g_assert_nonnull (council);
  result = tally_results_lookup (results, election, NULL, council);
  g_assert_nonnull (result);
  return result;
}

static TallyParty *
party (const char *key)
{
  TallyParty *found = tally_catalog_lookup_party (catalog, key);

  g_assert_nonnull (found);
  return found;
}

static cairo_surface_t *
render (TallyChartKind         kind,
        gconstpointer          data,
        const TallyChartStyle *style,
        int                    width,
        int                    height,
        TallyChartLayout     **layout_out)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
  cairo_t *cr = cairo_create (surface);
  TallyChartLayout *layout = tally_chart_layout_new (kind, data, style, width, height);

  tally_chart_paint (cr, layout, data, style, -1);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
  cairo_surface_flush (surface);

  if (layout_out)
    *layout_out = layout;
  else
    tally_chart_layout_free (layout);

  return surface;
}

/* The pixel's colour, unpremultiplied, as 0xRRGGBB; its alpha apart. */
static guint32
pixel_at (cairo_surface_t *surface,
          double           x,
          double           y,
          guint           *alpha)
{
  int stride = cairo_image_surface_get_stride (surface);
  const guchar *data = cairo_image_surface_get_data (surface);
  int px = (int) floor (x), py = (int) floor (y);
  guint32 value;
  guint a, r, g, b;

  g_assert_cmpint (px, >=, 0);
  g_assert_cmpint (py, >=, 0);
  g_assert_cmpint (px, <, cairo_image_surface_get_width (surface));
  g_assert_cmpint (py, <, cairo_image_surface_get_height (surface));

  value = *(const guint32 *) (gconstpointer) (data + py * stride + px * 4);
  a = value >> 24;
  r = (value >> 16) & 0xff;
  g = (value >> 8) & 0xff;
  b = value & 0xff;
  if (alpha)
    *alpha = a;
  if (a > 0 && a < 255)
    {
      r = r * 255 / a;
      g = g * 255 / a;
      b = b * 255 / a;
    }
  return (r << 16) | (g << 8) | b;
}

/* The darkest of the pixels either side of @x: a thin line need not
 * fall on one pixel. */
static guint32
darkest_near (cairo_surface_t *surface,
              double           x,
              double           y)
{
  guint32 darkest = 0xFFFFFF;
  guint darkest_sum = G_MAXUINT;

  for (int dx = -1; dx <= 1; dx++)
    {
      guint32 colour = pixel_at (surface, x + dx, y, NULL);
      guint sum = ((colour >> 16) & 0xff) + ((colour >> 8) & 0xff) + (colour & 0xff);

      if (sum < darkest_sum)
        {
          darkest = colour;
          darkest_sum = sum;
        }
    }
  return darkest;
}

static gboolean
colour_near (guint32 colour,
             guint32 expected,
             guint   tolerance)
{
  for (guint shift = 0; shift <= 16; shift += 8)
    {
      int a = (colour >> shift) & 0xff, b = (expected >> shift) & 0xff;

      if (ABS (a - b) > (int) tolerance)
        return FALSE;
    }
  return TRUE;
}

/* @colour at @alpha over @page, as cairo blends it. */
static guint32
blend (guint32 colour,
       double  alpha,
       guint32 page)
{
  guint32 out = 0;

  for (guint shift = 0; shift <= 16; shift += 8)
    {
      double a = (colour >> shift) & 0xff, b = (page >> shift) & 0xff;

      out |= (guint32) lround (a * alpha + b * (1 - alpha)) << shift;
    }
  return out;
}

static void
maybe_write_png (cairo_surface_t *surface,
                 const char      *name)
{
  const char *dir = g_getenv ("TALLY_CHARTS_PNG_DIR");
  g_autofree char *path = NULL;

  if (dir == NULL)
    return;

  path = g_build_filename (dir, name, NULL);
  g_assert_cmpint (cairo_surface_write_to_png (surface, path), ==, CAIRO_STATUS_SUCCESS);
}

static TallySeatChartData *
trafford_composition (gboolean seats_up)
{
  TallySeatChartData *data = tally_chart_adapt_composition (lookup (TRAFFORD), tally_catalog_get_parties (catalog));

  data->has_seats_up = seats_up;
  return data;
}

static int
entry_of (const TallySeatChartData *data,
          const char               *key)
{
  for (guint i = 0; i < data->n_entries; i++)
    if (g_str_equal (data->entries[i].party.key, key))
      return (int) i;

  g_error ("no entry for %s", key);
}

static void
count_hemicycle_seats (cairo_surface_t            *surface,
                       const TallyHemicycleLayout *layout,
                       const TallySeatChartData   *data,
                       guint                      *red,
                       guint                      *blue)
{
  const TallyHemicycleGeometry *geometry = tally_hemicycle_layout_get_geometry (layout);
  int lab = entry_of (data, "LAB"), con = entry_of (data, "CON");

  *red = *blue = 0;
  for (guint seat = 0; seat < geometry->n_seats; seat++)
    {
      double x, y;
      int entry = tally_hemicycle_layout_get_seat (layout, seat, &x, &y, NULL, NULL);
      guint32 colour = pixel_at (surface, x, y, NULL);

      if (colour_near (colour, 0xE4003B, 2))
        {
          g_assert_cmpint (entry, ==, lab);
          (*red)++;
        }
      else if (colour_near (colour, 0x0087DC, 2))
        {
          g_assert_cmpint (entry, ==, con);
          (*blue)++;
        }
    }
}

static void
test_trafford_hemicycle (void)
{
  g_autoptr(TallySeatChartData) data = trafford_composition (FALSE);
  g_autoptr(TallyChartLayout) layout = NULL;
  const TallyHemicycleLayout *hemicycle;
  const TallyHemicycleGeometry *geometry;
  cairo_surface_t *surface;
  TallyChartStyle style;
  double x, y, x0, y0, x1, y1, radius;
  guint red, blue, majority_seat;

  tally_chart_style_init (&style, TALLY_CHART_BACKGROUND_LIGHT);
  g_assert_cmpuint (data->total, ==, 63);
  g_assert_cmpuint (data->majority, ==, 32);
  g_assert_cmpuint (data->entries[entry_of (data, "LAB")].seats, ==, 30);
  g_assert_cmpuint (data->entries[entry_of (data, "CON")].seats, ==, 29);

  surface = render (TALLY_CHART_HEMICYCLE, data, &style, WIDTH, HEIGHT, &layout);
  maybe_write_png (surface, "hemicycle-trafford.png");
  hemicycle = tally_chart_layout_get_chart_layout (layout);
  geometry = tally_hemicycle_layout_get_geometry (hemicycle);
  g_assert_cmpuint (geometry->n_seats, ==, 63);

  /* Seat centres sampled where the layout puts them. */
  count_hemicycle_seats (surface, hemicycle, data, &red, &blue);
  g_assert_cmpuint (red, ==, 30);
  g_assert_cmpuint (blue, ==, 29);

  /* Seats are never the page colour: all 63 are painted. */
  for (guint seat = 0; seat < geometry->n_seats; seat++)
    {
      tally_hemicycle_layout_get_seat (hemicycle, seat, &x, &y, NULL, NULL);
      g_assert_false (colour_near (pixel_at (surface, x, y, NULL), 0xFFFFFF, 8));
    }

  /* The majority mark stands on seat 32, the middle one, and is drawn
   * beyond the outer row in the rule's colour. */
  majority_seat = tally_hemicycle_layout_get_majority_seat (hemicycle);
  g_assert_cmpuint (majority_seat, ==, 31);
  g_assert_cmpfloat_with_epsilon (geometry->seats[majority_seat].angle, G_PI / 2, 1e-9);
  g_assert_true (tally_hemicycle_layout_get_majority_line (hemicycle, &x0, &y0, &x1, &y1));
  tally_hemicycle_layout_get_seat (hemicycle, majority_seat, &x, &y, &radius, NULL);
  g_assert_cmpfloat_with_epsilon (x0, x, 0.01);
  g_assert_cmpfloat_with_epsilon (x1, x, 0.01);
  g_assert_cmpfloat (MIN (y0, y1), <, y - radius);
  g_assert_true (colour_near (darkest_near (surface, x1, MIN (y0, y1) + 2), 0x3D3846, 40));
  /* Up to 31 seats lie left of the mark, as many right of it; the 32nd
   * from the left is on it. */
  {
    guint left = 0, on = 0, right = 0;

    for (guint seat = 0; seat < geometry->n_seats; seat++)
      {
        if (geometry->seats[seat].angle > G_PI / 2 + 1e-9)
          left++;
        else if (geometry->seats[seat].angle < G_PI / 2 - 1e-9)
          right++;
        else
          on++;
      }
    g_assert_cmpuint (left, <=, 31);
    g_assert_cmpuint (left + on, >=, 32);
    g_assert_cmpuint (left, ==, right);
  }

  /* The one hit test: a Labour seat and a Conservative seat. */
  tally_hemicycle_layout_get_seat (hemicycle, 10, &x, &y, NULL, NULL);
  g_assert_cmpint (tally_chart_layout_lookup_item (layout, x, y), ==, entry_of (data, "LAB"));
  tally_hemicycle_layout_get_seat (hemicycle, 60, &x, &y, NULL, NULL);
  g_assert_cmpint (tally_chart_layout_lookup_item (layout, x, y), ==, entry_of (data, "CON"));
  g_assert_cmpint (tally_chart_layout_lookup_item (layout, 2, 2), ==, -1);

  cairo_surface_destroy (surface);
}

static void
test_trafford_seats_up (void)
{
  g_autoptr(TallySeatChartData) data = trafford_composition (TRUE);
  g_autoptr(TallyChartLayout) layout = NULL;
  const TallyHemicycleLayout *hemicycle;
  const TallyHemicycleGeometry *geometry;
  cairo_surface_t *surface;
  TallyChartStyle style;
  guint solid_red = 0, pale_red = 0;
  guint32 pale = blend (0xE4003B, 0.38, 0xFFFFFF);

  /* Trafford elects by thirds: 22 seats were up, Labour won 13 of them. */
  g_assert_true (data->has_seats_up);
  g_assert_cmpuint (data->entries[entry_of (data, "LAB")].seats_up, ==, 13);

  tally_chart_style_init (&style, TALLY_CHART_BACKGROUND_LIGHT);
  surface = render (TALLY_CHART_HEMICYCLE, data, &style, WIDTH, HEIGHT, &layout);
  maybe_write_png (surface, "hemicycle-trafford-seats-up.png");
  hemicycle = tally_chart_layout_get_chart_layout (layout);
  geometry = tally_hemicycle_layout_get_geometry (hemicycle);

  for (guint seat = 0; seat < geometry->n_seats; seat++)
    {
      double x, y;
      gboolean up;
      guint32 colour;

      tally_hemicycle_layout_get_seat (hemicycle, seat, &x, &y, NULL, &up);
      colour = pixel_at (surface, x, y, NULL);
      if (colour_near (colour, 0xE4003B, 2))
        {
          g_assert_true (up);
          solid_red++;
        }
      else if (colour_near (colour, pale, 3))
        {
          g_assert_false (up);
          pale_red++;
        }
    }

  g_assert_cmpuint (solid_red, ==, 13);
  g_assert_cmpuint (pale_red, ==, 17);
  cairo_surface_destroy (surface);

  /* On a transparent page pale seats are translucent, and the majority
   * mark does not show through seat 32, which it stands on. */
  {
    g_autoptr(TallyChartLayout) clear_layout = NULL;
    double x, y;
    guint alpha;

    tally_chart_style_init (&style, TALLY_CHART_BACKGROUND_TRANSPARENT);
    surface = render (TALLY_CHART_HEMICYCLE, data, &style, WIDTH, HEIGHT, &clear_layout);
    hemicycle = tally_chart_layout_get_chart_layout (clear_layout);
    g_assert_cmpint (tally_hemicycle_layout_get_seat (hemicycle, 31, &x, &y, NULL, NULL), ==, entry_of (data, "LAB"));
    g_assert_true (colour_near (pixel_at (surface, x, y, &alpha), 0xE4003B, 3));
    g_assert_cmpuint (alpha, ==, (guint) lround (0.38 * 255));
    cairo_surface_destroy (surface);
  }
}

static void
test_dark_and_scale (void)
{
  g_autoptr(TallySeatChartData) data = trafford_composition (FALSE);
  g_autoptr(TallyChartLayout) layout = NULL;
  g_autoptr(TallyChartLayout) layout_2x = NULL;
  const TallyHemicycleLayout *hemicycle, *hemicycle_2x;
  cairo_surface_t *surface, *surface_2x;
  TallyChartStyle style;
  double x, y, radius, x_2x, y_2x, radius_2x;
  guint red, blue, alpha;
  guint32 corner;

  tally_chart_style_init (&style, TALLY_CHART_BACKGROUND_DARK);
  surface = render (TALLY_CHART_HEMICYCLE, data, &style, WIDTH, HEIGHT, &layout);
  maybe_write_png (surface, "hemicycle-trafford-dark.png");

  /* The page is dark; the seats keep their party colours. */
  corner = pixel_at (surface, 3, 3, &alpha);
  g_assert_cmpuint (alpha, ==, 255);
  g_assert_cmpuint ((corner >> 16) & 0xff, <, 0x40);
  g_assert_cmpuint ((corner >> 8) & 0xff, <, 0x40);
  g_assert_cmpuint (corner & 0xff, <, 0x40);
  hemicycle = tally_chart_layout_get_chart_layout (layout);
  count_hemicycle_seats (surface, hemicycle, data, &red, &blue);
  g_assert_cmpuint (red, ==, 30);
  g_assert_cmpuint (blue, ==, 29);

  /* At 2× on a canvas twice the size, everything is twice as far. */
  style.scale = 2;
  surface_2x = render (TALLY_CHART_HEMICYCLE, data, &style, 2 * WIDTH, 2 * HEIGHT, &layout_2x);
  maybe_write_png (surface_2x, "hemicycle-trafford-dark-2x.png");
  hemicycle_2x = tally_chart_layout_get_chart_layout (layout_2x);
  tally_hemicycle_layout_get_seat (hemicycle, 5, &x, &y, &radius, NULL);
  tally_hemicycle_layout_get_seat (hemicycle_2x, 5, &x_2x, &y_2x, &radius_2x, NULL);
  g_assert_cmpfloat_with_epsilon (radius_2x, 2 * radius, 0.01);
  g_assert_cmpfloat_with_epsilon (x_2x, 2 * x, 0.5);
  g_assert_cmpfloat_with_epsilon (y_2x, 2 * y, 0.5);
  count_hemicycle_seats (surface_2x, hemicycle_2x, data, &red, &blue);
  g_assert_cmpuint (red, ==, 30);
  g_assert_cmpuint (blue, ==, 29);

  /* Transparent: nothing painted in the corner. */
  tally_chart_style_init (&style, TALLY_CHART_BACKGROUND_TRANSPARENT);
  cairo_surface_destroy (surface);
  surface = render (TALLY_CHART_HEMICYCLE, data, &style, WIDTH, HEIGHT, NULL);
  pixel_at (surface, 3, 3, &alpha);
  g_assert_cmpuint (alpha, ==, 0);

  cairo_surface_destroy (surface);
  cairo_surface_destroy (surface_2x);
}

static void
test_colour_blind_palette (void)
{
  g_autoptr(TallySeatChartData) data = trafford_composition (FALSE);
  g_autoptr(TallyChartLayout) layout = NULL;
  const TallyHemicycleLayout *hemicycle;
  cairo_surface_t *surface;
  TallyChartStyle style;
  TallyChartRgb safe;
  guint32 expected;
  double x, y;

  tally_chart_style_init (&style, TALLY_CHART_BACKGROUND_LIGHT);
  style.colour_blind_safe = TRUE;
  surface = render (TALLY_CHART_HEMICYCLE, data, &style, WIDTH, HEIGHT, &layout);
  maybe_write_png (surface, "hemicycle-trafford-colour-blind.png");
  hemicycle = tally_chart_layout_get_chart_layout (layout);

  g_assert_true (tally_chart_rgb_parse (tally_party_get_colour (party ("LAB"), TRUE), &safe));
  expected = ((guint32) lround (safe.red * 255) << 16) | ((guint32) lround (safe.green * 255) << 8) |
             (guint32) lround (safe.blue * 255);
  tally_hemicycle_layout_get_seat (hemicycle, 10, &x, &y, NULL, NULL);
  g_assert_true (colour_near (pixel_at (surface, x, y, NULL), expected, 2));
  g_assert_false (colour_near (pixel_at (surface, x, y, NULL), 0xE4003B, 8));

  cairo_surface_destroy (surface);
}

static void
test_waffle (void)
{
  g_autoptr(TallySeatChartData) data = trafford_composition (FALSE);
  g_autoptr(TallyChartLayout) layout = NULL;
  const TallyWaffleLayout *waffle;
  cairo_surface_t *surface;
  TallyChartStyle style;
  guint red = 0, blue = 0;

  tally_chart_style_init (&style, TALLY_CHART_BACKGROUND_LIGHT);
  surface = render (TALLY_CHART_WAFFLE, data, &style, WIDTH, HEIGHT, &layout);
  maybe_write_png (surface, "waffle-trafford.png");
  waffle = tally_chart_layout_get_chart_layout (layout);
  g_assert_cmpuint (tally_waffle_layout_get_n_seats (waffle), ==, 63);

  for (guint seat = 0; seat < 63; seat++)
    {
      double x, y, size;
      guint32 colour;

      tally_waffle_layout_get_seat (waffle, seat, &x, &y, &size);
      colour = pixel_at (surface, x + size / 2, y + size / 2, NULL);
      red += colour_near (colour, 0xE4003B, 2);
      blue += colour_near (colour, 0x0087DC, 2);
    }

  g_assert_cmpuint (red, ==, 30);
  g_assert_cmpuint (blue, ==, 29);
  cairo_surface_destroy (surface);
}

static void
test_seat_bars (void)
{
  g_autoptr(TallySeatChartData) data = tally_chart_adapt_seats_won (lookup (TRAFFORD), tally_catalog_get_parties (catalog));
  g_autoptr(TallyChartLayout) layout = NULL;
  const TallySeatBarsLayout *bars;
  cairo_surface_t *surface;
  TallyChartStyle style;
  double lab_x, lab_y, lab_width, lab_height, con_x, con_y, con_width, con_height;
  int lab = entry_of (data, "LAB"), con = entry_of (data, "CON");

  /* 2018 in Trafford: Labour won 13 of the 22 seats (+4), the
   * Conservatives 7 (−5). */
  g_assert_cmpuint (data->entries[lab].seats, ==, 13);
  g_assert_cmpint (data->entries[lab].change, ==, 4);
  g_assert_cmpuint (data->entries[con].seats, ==, 7);
  g_assert_cmpint (data->entries[con].change, ==, -5);

  tally_chart_style_init (&style, TALLY_CHART_BACKGROUND_LIGHT);
  surface = render (TALLY_CHART_SEAT_BARS, data, &style, WIDTH, HEIGHT, &layout);
  maybe_write_png (surface, "seat-bars-trafford.png");
  bars = tally_chart_layout_get_chart_layout (layout);

  /* Largest first; bars in party colours, in proportion. */
  g_assert_cmpuint (tally_seat_bars_layout_get_row (bars, (guint) lab), ==, 0);
  g_assert_cmpuint (tally_seat_bars_layout_get_row (bars, (guint) con), ==, 1);
  g_assert_true (tally_seat_bars_layout_get_bar (bars, (guint) lab, &lab_x, &lab_y, &lab_width, &lab_height));
  g_assert_true (tally_seat_bars_layout_get_bar (bars, (guint) con, &con_x, &con_y, &con_width, &con_height));
  g_assert_cmpfloat_with_epsilon (con_width / lab_width, 7.0 / 13.0, 1e-6);
  g_assert_true (colour_near (pixel_at (surface, lab_x + lab_width * 0.25, lab_y + lab_height / 2, NULL), 0xE4003B, 2));
  g_assert_true (colour_near (pixel_at (surface, con_x + con_width * 0.25, con_y + con_height / 2, NULL), 0x0087DC, 2));
  /* The Conservatives held 12 of these seats: a pale bar shows the loss. */
  g_assert_true (colour_near (pixel_at (surface, con_x + lab_width * 10.5 / 13, con_y + con_height / 2, NULL),
                              blend (0x0087DC, 0.28, 0xFFFFFF), 3));
  g_assert_cmpint (tally_chart_layout_lookup_item (layout, lab_x + 2, lab_y + 2), ==, lab);

  cairo_surface_destroy (surface);
}

static TallyScopeSummary *
summary_of_all (void)
{
  g_autoptr(TallyFilter) filter = tally_filter_new ();

  tally_filter_set_election (filter, election);
  return tally_results_summarize (results, filter);
}

/* The national seat bars read as a results table: largest first, and
 * "Other parties", many parties counted as one, last even where it won more
 * seats than the named parties above it (84 against the Independents' 60,
 * the Greens' 40 and UKIP's 3 in 2018). */
static void
test_seat_bars_others_last (void)
{
  g_autoptr(TallyScopeSummary) summary = summary_of_all ();
  g_autoptr(TallySeatChartData) data = tally_chart_adapt_scope_seats (summary, tally_catalog_get_parties (catalog), NULL);
  g_autoptr(TallyChartLayout) layout = NULL;
  const TallySeatBarsLayout *bars;
  TallyChartStyle style;
  cairo_surface_t *surface;
  int others = entry_of (data, "OTH"), independents = entry_of (data, "IND");
  guint n_rows;

  g_assert_cmpint (others, >=, 0);
  g_assert_cmpint (independents, >=, 0);
  g_assert_true (data->entries[others].party.aggregate);
  g_assert_false (data->entries[independents].party.aggregate);
  g_assert_cmpuint (data->entries[others].seats, >, data->entries[independents].seats);

  tally_chart_style_init (&style, TALLY_CHART_BACKGROUND_LIGHT);
  surface = render (TALLY_CHART_SEAT_BARS, data, &style, WIDTH, HEIGHT, &layout);
  bars = tally_chart_layout_get_chart_layout (layout);
  n_rows = tally_seat_bars_layout_get_n_rows (bars);

  g_assert_cmpuint (tally_seat_bars_layout_get_row (bars, (guint) entry_of (data, "LAB")), ==, 0);
  g_assert_cmpuint (tally_seat_bars_layout_get_row (bars, (guint) others), ==, n_rows - 1);
  g_assert_cmpuint (tally_seat_bars_layout_get_row (bars, (guint) independents), <, n_rows - 1);

  cairo_surface_destroy (surface);
}

static void
test_share_bars (void)
{
  g_autoptr(TallyShareChartData) data = tally_chart_adapt_council_shares (lookup (TRAFFORD), tally_catalog_get_parties (catalog),
                                                                          TALLY_VOTE_METHOD_TOTAL, TALLY_SHARE_MODE_COMPARE);
  g_autoptr(TallyChartLayout) layout = NULL;
  const TallyShareBarsLayout *bars;
  cairo_surface_t *surface;
  TallyChartStyle style;
  double x, y, width, height;

  /* Labour polled 35,178 of 76,806 votes in Trafford: 45.8%. */
  g_assert_cmpstr (data->entries[0].party.key, ==, "LAB");
  g_assert_cmpfloat_with_epsilon (data->entries[0].share, 100.0 * 35178 / 76806, 0.01);
  g_assert_true (data->entries[0].has_then);
  g_assert_cmpfloat_with_epsilon (data->entries[0].share_then, 100.0 * 25281 / 67184, 0.01);

  tally_chart_style_init (&style, TALLY_CHART_BACKGROUND_LIGHT);
  surface = render (TALLY_CHART_SHARE_BARS, data, &style, WIDTH, HEIGHT, &layout);
  maybe_write_png (surface, "share-bars-trafford.png");
  bars = tally_chart_layout_get_chart_layout (layout);

  g_assert_true (tally_share_bars_layout_get_bar (bars, 0, FALSE, &x, &y, &width, &height));
  g_assert_cmpfloat_with_epsilon (x + width, tally_share_bars_layout_value_to_x (bars, data->entries[0].share), 1e-6);
  g_assert_true (colour_near (pixel_at (surface, x + width / 2, y + height / 2, NULL), 0xE4003B, 2));
  g_assert_true (tally_share_bars_layout_get_bar (bars, 0, TRUE, &x, &y, &width, &height));
  g_assert_true (colour_near (pixel_at (surface, x + width / 2, y + height / 2, NULL), blend (0xE4003B, 0.4, 0xFFFFFF), 3));
  cairo_surface_destroy (surface);

  /* In change mode, Labour's rise goes right of zero. */
  data->mode = TALLY_SHARE_MODE_CHANGE;
  g_clear_pointer (&layout, tally_chart_layout_free);
  surface = render (TALLY_CHART_SHARE_BARS, data, &style, WIDTH, HEIGHT, &layout);
  maybe_write_png (surface, "share-change-trafford.png");
  bars = tally_chart_layout_get_chart_layout (layout);
  g_assert_true (tally_share_bars_layout_get_bar (bars, 0, FALSE, &x, &y, &width, &height));
  g_assert_cmpfloat_with_epsilon (x, tally_share_bars_layout_value_to_x (bars, 0), 1e-6);
  g_assert_true (colour_near (pixel_at (surface, x + width / 2, y + height / 2, NULL), 0xE4003B, 2));
  cairo_surface_destroy (surface);
}

static void
test_swingometer (void)
{
  g_autoptr(TallyScopeSummary) summary = summary_of_all ();
  g_autoptr(TallySwingometerData) data = tally_chart_adapt_council_swing (lookup (TRAFFORD), summary, party ("CON"),
                                                                          party ("LAB"), TALLY_VOTE_METHOD_TOTAL);
  g_autoptr(TallyChartLayout) layout = NULL;
  const TallySwingometerLayout *dial;
  cairo_surface_t *surface;
  TallyChartStyle style;
  double expected, cx, cy, radius, tip_x, tip_y;

  /* Con 39.3 → 36.8, Lab 37.6 → 45.8: a swing to Labour of 5.3 points. */
  expected = ((100.0 * 35178 / 76806 - 100.0 * 25281 / 67184) + (100.0 * 26431 / 67184 - 100.0 * 28227 / 76806)) / 2;
  g_assert_cmpfloat_with_epsilon (data->swing, expected, 0.01);
  g_assert_true (data->has_reference);

  tally_chart_style_init (&style, TALLY_CHART_BACKGROUND_LIGHT);
  surface = render (TALLY_CHART_SWINGOMETER, data, &style, WIDTH, HEIGHT, &layout);
  maybe_write_png (surface, "swingometer-trafford.png");
  dial = tally_chart_layout_get_chart_layout (layout);

  /* The needle leans right, towards Labour, by swing / range of 90°. */
  tally_swingometer_layout_get_dial (dial, &cx, &cy, &radius);
  tally_swingometer_layout_get_needle_tip (dial, &tip_x, &tip_y);
  g_assert_cmpfloat (tip_x, >, cx);
  g_assert_cmpfloat_with_epsilon (atan2 (cy - tip_y, tip_x - cx),
                                  G_PI / 2 - expected / tally_swingometer_choose_range (data) * G_PI / 2, 1e-6);
  /* Inked along the needle, tinted Labour on the right half. */
  g_assert_true (colour_near (pixel_at (surface, cx + (tip_x - cx) * 0.5, cy + (tip_y - cy) * 0.5, NULL), 0x1E1E1E, 30));
  g_assert_true (colour_near (pixel_at (surface, cx + radius * 0.7, cy - radius * 0.05, NULL), blend (0xE4003B, 0.3, 0xFFFFFF), 3));
  g_assert_true (colour_near (pixel_at (surface, cx - radius * 0.7, cy - radius * 0.05, NULL), blend (0x0087DC, 0.3, 0xFFFFFF), 3));

  cairo_surface_destroy (surface);
}

static void
test_swing_scatter (void)
{
  GListModel *all = tally_results_get_council_results (results, election, NULL);
  g_autoptr(TallySwingScatterData) data = tally_chart_adapt_swing_scatter (all, party ("CON"), party ("LAB"),
                                                                           TALLY_VOTE_METHOD_TOTAL, TRUE, TRAFFORD);
  g_autoptr(TallyChartLayout) layout = NULL;
  const TallySwingScatterLayout *scatter;
  cairo_surface_t *surface;
  TallyChartStyle style;
  int trafford = -1;
  double x, y, radius;

  g_assert_cmpuint (data->n_points, ==, 150);
  /* The legend in results order, as the state of the parties: Labour 74
   * councils, Conservatives 46, Liberal Democrats 9, then no overall control. */
  g_assert_cmpuint (data->n_legend, ==, 4);
  g_assert_cmpstr (data->legend[0].key, ==, "LAB");
  g_assert_cmpstr (data->legend[1].key, ==, "CON");
  g_assert_cmpstr (data->legend[2].key, ==, "LD");
  g_assert_cmpstr (data->legend[3].key, ==, "NOC");
  for (guint i = 0; i < data->n_points; i++)
    if (g_str_equal (data->points[i].key, TRAFFORD))
      trafford = (int) i;
  g_assert_cmpint (trafford, >=, 0);

  tally_chart_style_init (&style, TALLY_CHART_BACKGROUND_LIGHT);
  surface = render (TALLY_CHART_SWING_SCATTER, data, &style, WIDTH, HEIGHT, &layout);
  maybe_write_png (surface, "swing-scatter.png");
  scatter = tally_chart_layout_get_chart_layout (layout);

  /* Trafford is selected, drawn in NOC grey, and found where it is drawn. */
  g_assert_cmpint (tally_swing_scatter_layout_get_selected (scatter), ==, trafford);
  g_assert_true (tally_swing_scatter_layout_get_point (scatter, (guint) trafford, &x, &y, &radius));
  g_assert_true (colour_near (pixel_at (surface, x, y, NULL), 0xC0BFBC, 2));
  g_assert_cmpint (tally_chart_layout_lookup_item (layout, x + radius * 0.5, y), ==, trafford);
  g_assert_cmpint (tally_chart_layout_lookup_item (layout, 1, 1), ==, -1);

  /* Councils swinging further to Labour sit further right. */
  for (guint i = 0; i < data->n_points; i++)
    {
      double other_x, other_y, other_radius;

      if (isnan (data->points[i].x) || !tally_swing_scatter_layout_get_point (scatter, i, &other_x, &other_y, &other_radius))
        continue;
      if (data->points[i].x > data->points[trafford].x + 1e-9)
        g_assert_cmpfloat (other_x, >, x);
    }

  cairo_surface_destroy (surface);

  /* Without a second measure, a dot plot whose dots do not overlap. */
  data->has_y = FALSE;
  g_clear_pointer (&layout, tally_chart_layout_free);
  surface = render (TALLY_CHART_SWING_SCATTER, data, &style, WIDTH, HEIGHT, &layout);
  maybe_write_png (surface, "swing-dots.png");
  scatter = tally_chart_layout_get_chart_layout (layout);
  for (guint i = 0; i < data->n_points; i++)
    for (guint j = i + 1; j < data->n_points; j++)
      {
        double xi, yi, ri, xj, yj, rj;

        if (tally_swing_scatter_layout_get_point (scatter, i, &xi, &yi, &ri) &&
            tally_swing_scatter_layout_get_point (scatter, j, &xj, &yj, &rj))
          g_assert_cmpfloat (hypot (xi - xj, yi - yj), >=, ri + rj);
      }
  cairo_surface_destroy (surface);
}

static void
test_state_chart (void)
{
  g_autoptr(TallyScopeSummary) summary = summary_of_all ();
  g_autoptr(TallyStateChartData) data = tally_chart_adapt_state (summary, tally_catalog_get_parties (catalog), NULL);
  g_autoptr(TallyChartLayout) layout = NULL;
  cairo_surface_t *surface;
  TallyChartStyle style;
  int councils = 0;

  g_assert_cmpuint (data->n_councils, ==, 150);
  for (guint i = 0; i < data->n_entries; i++)
    councils += data->entries[i].councils;
  g_assert_cmpint (councils, ==, 150);
  g_assert_cmpstr (data->entries[data->n_entries - 1].party.key, ==, "NOC");

  tally_chart_style_init (&style, TALLY_CHART_BACKGROUND_LIGHT);
  surface = render (TALLY_CHART_STATE, data, &style, WIDTH, HEIGHT, &layout);
  maybe_write_png (surface, "state-of-the-parties.png");

  for (guint i = 0; i < data->n_entries; i++)
    {
      const TallyStateChartLayout *state = tally_chart_layout_get_chart_layout (layout);
      double x, y, width, height;
      TallyChartRgb rgb = data->entries[i].party.colour;
      guint32 expected = ((guint32) lround (rgb.red * 255) << 16) | ((guint32) lround (rgb.green * 255) << 8) |
                         (guint32) lround (rgb.blue * 255);

      if (!data->entries[i].has_seats || data->entries[i].seats == 0)
        continue;
      g_assert_true (tally_state_chart_layout_get_bar (state, i, TRUE, &x, &y, &width, &height));
      g_assert_cmpfloat (width, >=, 2);
      if (width < 6)
        continue;
      g_assert_true (colour_near (pixel_at (surface, x + width / 2, y + height / 2, NULL), expected, 2));
    }

  /* A party that controls no council and lost none (Greens, UKIP,
   * independents) shows its seats only: no "0 ±0" in the councils panel,
   * as on the window's cards. */
  {
    const TallyStateChartLayout *state = tally_chart_layout_get_chart_layout (layout);
    guint32 paper = pixel_at (surface, 2, 2, NULL);
    double panel_x, panel_y, panel_width, panel_height;
    guint blank_rows = 0;

    g_assert_true (tally_state_chart_layout_get_bar (state, 0, FALSE, &panel_x, &panel_y, &panel_width, &panel_height));
    for (guint i = 0; i < data->n_entries; i++)
      {
        const TallyStateChartEntry *entry = &data->entries[i];
        g_autofree char *description = tally_chart_data_describe_item (TALLY_CHART_STATE, data, i);
        double x, y, width, height;

        g_assert_cmpint (entry->has_councils, ==, entry->councils != 0 || entry->councils_change != 0);
        g_assert_cmpint (strstr (description, "council") != NULL, ==, entry->has_councils);
        if (entry->has_councils)
          continue;

        blank_rows++;
        g_assert_true (entry->has_seats);
        g_assert_cmpint (entry->seats, >, 0);
        g_assert_false (tally_state_chart_layout_get_bar (state, i, FALSE, &x, &y, &width, &height));
        g_assert_true (tally_state_chart_layout_get_bar (state, i, TRUE, &x, &y, &width, &height));
        /* Where the "0" and its "±0" would stand: nothing but paper. */
        for (double py = y; py < y + height; py += 2)
          for (double px = panel_x; px < x - 40; px += 2)
            g_assert_cmphex (pixel_at (surface, px, py, NULL), ==, paper);
      }
    /* Ind, Green, UKIP and Other on the bundled data. */
    g_assert_cmpuint (blank_rows, >=, 3);
  }

  cairo_surface_destroy (surface);
}

static cairo_status_t
append_cb (void                *closure,
           const unsigned char *data,
           unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

/* The same drawing function writes vector files. */
static void
test_vector_surfaces (void)
{
  g_autoptr(TallySeatChartData) data = trafford_composition (TRUE);
  g_autoptr(GByteArray) svg = g_byte_array_new ();
  g_autoptr(GByteArray) pdf = g_byte_array_new ();
  g_autofree char *text = NULL;
  cairo_surface_t *surface;
  TallyChartStyle style;
  cairo_t *cr;

  tally_chart_style_init (&style, TALLY_CHART_BACKGROUND_LIGHT);
  for (guint kind = 0; kind < TALLY_N_CHART_KINDS; kind++)
    if (kind <= TALLY_CHART_WAFFLE)
      {
        g_byte_array_set_size (svg, 0);
        surface = cairo_svg_surface_create_for_stream (append_cb, svg, WIDTH, HEIGHT);
        cr = cairo_create (surface);
        tally_chart_draw (kind, cr, WIDTH, HEIGHT, data, &style);
        g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
        cairo_destroy (cr);
        cairo_surface_finish (surface);
        cairo_surface_destroy (surface);
        g_assert_cmpuint (svg->len, >, 1000);
      }

  surface = cairo_svg_surface_create_for_stream (append_cb, svg, WIDTH, HEIGHT);
  g_byte_array_set_size (svg, 0);
  cr = cairo_create (surface);
  tally_chart_draw (TALLY_CHART_HEMICYCLE, cr, WIDTH, HEIGHT, data, &style);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  cairo_surface_destroy (surface);
  text = g_strndup ((const char *) svg->data, svg->len);
  g_assert_nonnull (strstr (text, "<svg"));
  g_assert_nonnull (strstr (text, "rgb(89.411765%,0%,23.137255%)"));  /* #E4003B */

  surface = cairo_pdf_surface_create_for_stream (append_cb, pdf, WIDTH * 0.75, HEIGHT * 0.75);
  cr = cairo_create (surface);
  cairo_scale (cr, 0.75, 0.75);
  tally_chart_draw (TALLY_CHART_HEMICYCLE, cr, WIDTH, HEIGHT, data, &style);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  cairo_surface_destroy (surface);
  g_assert_cmpuint (pdf->len, >, 1000);
  g_assert_cmpint (memcmp (pdf->data, "%PDF", 4), ==, 0);
}

/* Empty data and tiny canvases draw without a fuss. */
static void
test_degenerate (void)
{
  gpointer empty[TALLY_N_CHART_KINDS];
  const int sizes[][2] = { { 1, 1 }, { 40, 30 }, { 200, 120 }, { 2000, 200 }, { 200, 2000 } };
  TallyChartStyle style;

  empty[TALLY_CHART_HEMICYCLE] = tally_seat_chart_data_new (0);
  empty[TALLY_CHART_SEAT_BARS] = tally_seat_chart_data_new (0);
  empty[TALLY_CHART_WAFFLE] = tally_seat_chart_data_new (0);
  empty[TALLY_CHART_SHARE_BARS] = tally_share_chart_data_new (0);
  empty[TALLY_CHART_SWINGOMETER] = tally_swingometer_data_new ();
  ((TallySwingometerData *) empty[TALLY_CHART_SWINGOMETER])->swing = NAN;
  empty[TALLY_CHART_SWING_SCATTER] = tally_swing_scatter_data_new (0, 0);
  empty[TALLY_CHART_STATE] = tally_state_chart_data_new (0);

  tally_chart_style_init (&style, TALLY_CHART_BACKGROUND_DARK);
  for (guint kind = 0; kind < TALLY_N_CHART_KINDS; kind++)
    {
      for (guint i = 0; i < G_N_ELEMENTS (sizes); i++)
        {
          cairo_surface_t *surface;

          g_test_message ("kind %u size %d×%d", kind, sizes[i][0], sizes[i][1]);
          surface = render (kind, empty[kind], &style, sizes[i][0], sizes[i][1], NULL);

          cairo_surface_destroy (surface);
        }
      g_assert_cmpuint (tally_chart_data_get_n_items (kind, empty[kind]), ==, kind == TALLY_CHART_SWINGOMETER ? 2 : 0);
      tally_chart_data_free (kind, empty[kind]);
    }

  /* Real data on a small canvas, and Trafford's 63 seats on a strip. */
  {
    g_autoptr(TallySeatChartData) data = trafford_composition (TRUE);

    for (guint kind = 0; kind <= TALLY_CHART_WAFFLE; kind++)
      for (guint i = 0; i < G_N_ELEMENTS (sizes); i++)
        cairo_surface_destroy (render (kind, data, &style, sizes[i][0], sizes[i][1], NULL));
  }
}

/* For looking at: every chart in light and dark, 1× and 2×. */
static void
test_gallery (void)
{
  g_autoptr(TallyScopeSummary) summary = summary_of_all ();
  GListModel *parties = tally_catalog_get_parties (catalog);
  gpointer datas[TALLY_N_CHART_KINDS];

  if (g_getenv ("TALLY_CHARTS_PNG_DIR") == NULL)
    {
      g_test_skip ("TALLY_CHARTS_PNG_DIR not set");
      return;
    }

  datas[TALLY_CHART_HEMICYCLE] = tally_chart_adapt_composition (lookup (TRAFFORD), parties);
  datas[TALLY_CHART_SEAT_BARS] = tally_chart_adapt_scope_seats (summary, parties, "England");
  datas[TALLY_CHART_WAFFLE] = tally_chart_adapt_composition (lookup ("E08000025"), parties);
  datas[TALLY_CHART_SHARE_BARS] = tally_chart_adapt_scope_shares (summary, parties, TALLY_VOTE_METHOD_TOTAL,
                                                                  TALLY_SHARE_MODE_COMPARE, "England");
  datas[TALLY_CHART_SWINGOMETER] = tally_chart_adapt_scope_swing (summary, party ("CON"), party ("LAB"),
                                                                  TALLY_VOTE_METHOD_TOTAL, "England");
  datas[TALLY_CHART_SWING_SCATTER] = tally_chart_adapt_swing_scatter (tally_results_get_council_results (results, election, NULL),
                                                                      party ("CON"), party ("LAB"), TALLY_VOTE_METHOD_TOTAL,
                                                                      TRUE, TRAFFORD);
  datas[TALLY_CHART_STATE] = tally_chart_adapt_state (summary, parties, "England");

  for (guint kind = 0; kind < TALLY_N_CHART_KINDS; kind++)
    {
      for (guint variant = 0; variant < 4; variant++)
        {
          TallyChartStyle style;
          gboolean dark = variant & 1;
          double scale = variant & 2 ? 2 : 1;
          g_autofree char *name = g_strdup_printf ("gallery-%s%s%s.png", tally_chart_kind_to_string (kind),
                                                   dark ? "-dark" : "", scale > 1 ? "-2x" : "");
          cairo_surface_t *surface;

          tally_chart_style_init (&style, dark ? TALLY_CHART_BACKGROUND_DARK : TALLY_CHART_BACKGROUND_LIGHT);
          style.scale = scale;
          surface = render (kind, datas[kind], &style, (int) (scale * 720), (int) (scale * 460), NULL);
          maybe_write_png (surface, name);
          cairo_surface_destroy (surface);
        }
      tally_chart_data_free (kind, datas[kind]);
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

  g_test_add_func ("/charts/hemicycle/trafford", test_trafford_hemicycle);
  g_test_add_func ("/charts/hemicycle/seats-up", test_trafford_seats_up);
  g_test_add_func ("/charts/hemicycle/dark-and-scale", test_dark_and_scale);
  g_test_add_func ("/charts/hemicycle/colour-blind", test_colour_blind_palette);
  g_test_add_func ("/charts/waffle", test_waffle);
  g_test_add_func ("/charts/seat-bars", test_seat_bars);
  g_test_add_func ("/charts/seat-bars/others-last", test_seat_bars_others_last);
  g_test_add_func ("/charts/share-bars", test_share_bars);
  g_test_add_func ("/charts/swingometer", test_swingometer);
  g_test_add_func ("/charts/swing-scatter", test_swing_scatter);
  g_test_add_func ("/charts/state", test_state_chart);
  g_test_add_func ("/charts/vector-surfaces", test_vector_surfaces);
  g_test_add_func ("/charts/degenerate", test_degenerate);
  g_test_add_func ("/charts/gallery", test_gallery);

  status = g_test_run ();

  g_clear_object (&results);
  g_clear_object (&catalog);
  g_clear_object (&database);
  return status;
}
