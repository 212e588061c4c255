/* test-export-svg-anchors.c: right-aligned and centred text keeps its
 * anchor in exported SVG.
 *
 * A figure in a column (a change "+4", a seat count) is written at the
 * column's right edge with text-anchor="end", and a centred one (a tick
 * label, the hemicycle's total) at its middle with text-anchor="middle",
 * so an editor who changes "2" to "12" sees it grow out of the same point.
 * First the x of those <text> elements is checked against where the
 * chart's layout puts the column or the middle; then the SVG is drawn by
 * rsvg-convert (librsvg, as browsers and editors read SVG) and each such
 * text's ink is found where the PNG export of the same chart has it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <cairo.h>
#include <cairo-svg.h>
#include <math.h>
#include <string.h>

#include "tally-catalog.h"
#include "tally-chart-adapt.h"
#include "tally-chart-private.h"
#include "tally-chart.h"
#include "tally-export.h"
#include "tally-filter.h"
#include "tally-hemicycle.h"
#include "tally-results.h"
#include "tally-seat-bars.h"
#include "tally-share-bars.h"
#include "tally-state-chart.h"
#include "tally-swingometer.h"
#include "tally-test-util.h"

#define TRAFFORD "E08000009"

static TallyTestBundled bundled;
static TallyCatalog *catalog;

typedef TallyTestFolder Fixture;

/* The SVG's <text> elements, in canvas pixels */

typedef struct
{
  double  x;
  double  y;           /* the baseline */
  double  size;        /* font size */
  char   *anchor;      /* "start", "middle" or "end" */
  char   *words;
  gboolean transformed;
} SvgText;

typedef struct
{
  GArray  *texts;
  double   to_px;       /* canvas pixels per SVG user unit */
  double   canvas_width;
  gboolean in_text;
} SvgTexts;

static void
svg_text_clear (gpointer data)
{
  SvgText *text = data;

  g_free (text->anchor);
  g_free (text->words);
}

static void
start_cb (GMarkupParseContext  *context,
          const char           *element,
          const char          **names,
          const char          **values,
          gpointer              user_data,
          GError              **error)
{
  SvgTexts *svg = user_data;

  if (g_str_equal (element, "svg"))
    {
      for (guint i = 0; names[i] != NULL; i++)
        if (g_str_equal (names[i], "viewBox"))
          {
            g_auto(GStrv) box = g_strsplit (values[i], " ", -1);

            g_assert_cmpuint (g_strv_length (box), ==, 4);
            svg->to_px = svg->canvas_width / g_ascii_strtod (box[2], NULL);
          }
    }
  else if (g_str_equal (element, "text"))
    {
      SvgText text = { .anchor = g_strdup ("start"), .words = g_strdup ("") };

      for (guint i = 0; names[i] != NULL; i++)
        {
          if (g_str_equal (names[i], "x"))
            text.x = g_ascii_strtod (values[i], NULL) * svg->to_px;
          else if (g_str_equal (names[i], "y"))
            text.y = g_ascii_strtod (values[i], NULL) * svg->to_px;
          else if (g_str_equal (names[i], "font-size"))
            text.size = g_ascii_strtod (values[i], NULL) * svg->to_px;
          else if (g_str_equal (names[i], "text-anchor"))
            {
              g_free (text.anchor);
              text.anchor = g_strdup (values[i]);
            }
          else if (g_str_equal (names[i], "transform"))
            text.transformed = TRUE;
        }
      g_array_append_val (svg->texts, text);
      svg->in_text = TRUE;
    }
}

static void
end_cb (GMarkupParseContext  *context,
        const char           *element,
        gpointer              user_data,
        GError              **error)
{
  SvgTexts *svg = user_data;

  if (g_str_equal (element, "text"))
    svg->in_text = FALSE;
}

/* Words in a <tspan> are the same <text>'s. */
static void
text_cb (GMarkupParseContext  *context,
         const char           *chars,
         gsize                 length,
         gpointer              user_data,
         GError              **error)
{
  SvgTexts *svg = user_data;
  SvgText *text;
  char *words;

  if (!svg->in_text)
    return;
  text = &g_array_index (svg->texts, SvgText, svg->texts->len - 1);
  words = g_strdup_printf ("%s%.*s", text->words, (int) length, chars);
  g_free (text->words);
  text->words = words;
}

static void
read_texts (const char *path,
            double      canvas_width,
            SvgTexts   *svg)
{
  static const GMarkupParser parser = { start_cb, end_cb, text_cb, NULL, NULL };
  g_autoptr(GMarkupParseContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  gsize length;

  *svg = (SvgTexts) { 0 };
  svg->texts = g_array_new (FALSE, TRUE, sizeof (SvgText));
  g_array_set_clear_func (svg->texts, svg_text_clear);
  svg->to_px = 1;
  svg->canvas_width = canvas_width;
  contents = tally_test_read_file (path, &length);
  context = g_markup_parse_context_new (&parser, G_MARKUP_DEFAULT_FLAGS, svg, NULL);
  g_markup_parse_context_parse (context, contents, (gssize) length, &error);
  g_assert_no_error (error);
  g_markup_parse_context_end_parse (context, &error);
  g_assert_no_error (error);
}

static void
svg_texts_clear (SvgTexts *svg)
{
  g_clear_pointer (&svg->texts, g_array_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (SvgTexts, svg_texts_clear)

/* How many <text>s anchored at @anchor stand at @x (within the SVG's
 * rounding to 0.01 of its unit), with their baseline in @top..@bottom. */
static guint
count_at (const SvgTexts *svg,
          const char     *anchor,
          double          x,
          double          top,
          double          bottom)
{
  guint count = 0;

  for (guint i = 0; i < svg->texts->len; i++)
    {
      const SvgText *text = &g_array_index (svg->texts, SvgText, i);

      count += g_str_equal (text->anchor, anchor) && fabs (text->x - x) < 0.01 * svg->to_px + 1e-6 &&
               text->y >= top && text->y <= bottom;
    }
  return count;
}

/* Export */

typedef struct
{
  TallyExportOptions options;
  TallyChartStyle    style;
  double             width;
  double             height;
} Export;

static void
export_chart (Fixture           *fixture,
              TallyChartKind     kind,
              gconstpointer      data,
              TallyExportPreset  preset,
              TallyExportFormat  format,
              const char        *name,
              Export            *export)
{
  g_autofree char *path = tally_test_folder_path (fixture, name);
  g_autoptr(GError) error = NULL;

  tally_export_options_init (&export->options);
  tally_export_options_set_preset (&export->options, preset);
  export->options.format = format;
  g_assert_true (tally_export_write_chart (kind, data, &export->options, path, TALLY_EXPORT_OVERWRITE, NULL,
                                           &error));
  g_assert_no_error (error);
  tally_export_options_get_style (&export->options, &export->style);
  tally_export_options_get_canvas (&export->options, &export->width, &export->height);
}

static void
export_svg (Fixture           *fixture,
            TallyChartKind     kind,
            gconstpointer      data,
            TallyExportPreset  preset,
            Export            *export,
            SvgTexts          *svg)
{
  g_autofree char *path = tally_test_folder_path (fixture, "chart.svg");

  export_chart (fixture, kind, data, preset, TALLY_EXPORT_FORMAT_SVG, "chart.svg", export);
  read_texts (path, export->width, svg);
}

/* Where the layouts put the columns */

/* Trafford's seat bars: each change at the change column's right edge,
 * the head over them too; at 1200 × 675 and on A4 (millimetres). */
static void
test_seat_bars (Fixture       *fixture,
                gconstpointer  user_data)
{
  g_autoptr(TallySeatChartData) data = tally_chart_adapt_seats_won (tally_test_bundled_lookup (&bundled, TRAFFORD),
                                                                     tally_catalog_get_parties (catalog));
  TallyExportPreset presets[] = { TALLY_EXPORT_PRESET_WEB, TALLY_EXPORT_PRESET_A4_PORTRAIT };

  g_assert_true (data->has_change);
  for (guint p = 0; p < G_N_ELEMENTS (presets); p++)
    {
      g_auto(SvgTexts) svg = { 0 };
      g_autoptr(TallySeatBarsLayout) layout = NULL;
      Export export;
      guint n_rows, n_changes = 0;
      double change_right = NAN;

      export_svg (fixture, TALLY_CHART_SEAT_BARS, data, presets[p], &export, &svg);
      layout = tally_seat_bars_layout_new (data, &export.style, export.width, export.height);
      n_rows = tally_seat_bars_layout_get_n_rows (layout);
      g_assert_cmpuint (n_rows, >=, 3);
      for (guint r = 0; r < n_rows; r++)
        {
          double boxes[12];

          tally_seat_bars_layout_get_label_boxes (layout, &export.style, r, boxes);
          if (boxes[10] <= 0)
            continue;
          n_changes++;
          change_right = boxes[8] + boxes[10];
          g_assert_cmpuint (count_at (&svg, "end", change_right, boxes[9], boxes[9] + boxes[11]), ==, 1);
        }
      g_assert_cmpuint (n_changes, >=, 2);
      /* The rows' changes and the head over them, nothing else there. */
      g_assert_cmpuint (count_at (&svg, "end", change_right, 0, export.height), ==, n_changes + 1);
    }
}

/* The vote share bars compared with 2014: changes at the column's right
 * edge; as the change in points: tick labels centred on their ticks, and
 * a fall's value right-aligned against its bar. */
static void
test_share_bars (Fixture       *fixture,
                 gconstpointer  user_data)
{
  g_autoptr(TallyFilter) filter = tally_filter_new ();
  TallyScopeSummary *summary;
  GListModel *parties = tally_catalog_get_parties (catalog);
  g_autoptr(TallyShareChartData) compare = NULL;
  g_autoptr(TallyShareChartData) change = NULL;

  tally_results_set_filter (bundled.results, filter);
  summary = tally_results_get_summary (bundled.results);
  compare = tally_chart_adapt_scope_shares (summary, parties, TALLY_VOTE_METHOD_TOTAL, TALLY_SHARE_MODE_COMPARE,
                                            "All councils");
  change = tally_chart_adapt_scope_shares (summary, parties, TALLY_VOTE_METHOD_TOTAL, TALLY_SHARE_MODE_CHANGE,
                                           "All councils");

  {
    g_auto(SvgTexts) svg = { 0 };
    g_autoptr(TallyShareBarsLayout) layout = NULL;
    Export export;
    guint n_changes = 0;

    export_svg (fixture, TALLY_CHART_SHARE_BARS, compare, TALLY_EXPORT_PRESET_WEB, &export, &svg);
    layout = tally_share_bars_layout_new (compare, &export.style, export.width, export.height);
    for (guint i = 0; i < compare->n_entries; i++)
      {
        double boxes[12];

        tally_share_bars_layout_get_label_boxes (layout, compare, &export.style, i, boxes);
        if (boxes[10] <= 0)
          continue;
        n_changes++;
        g_assert_cmpuint (count_at (&svg, "end", boxes[8] + boxes[10], boxes[9], boxes[9] + boxes[11]), ==, 1);
      }
    g_assert_cmpuint (n_changes, >=, 3);
  }

  {
    g_auto(SvgTexts) svg = { 0 };
    g_autoptr(TallyShareBarsLayout) layout = NULL;
    Export export;
    guint n_ticks = 0, n_falls = 0;

    export_svg (fixture, TALLY_CHART_SHARE_BARS, change, TALLY_EXPORT_PRESET_WEB, &export, &svg);
    layout = tally_share_bars_layout_new (change, &export.style, export.width, export.height);
    /* A tick's label reads its value ("−5", "+10"): it stands centred
     * where the tick's gridline is drawn, on the pixel's middle. */
    for (guint i = 0; i < svg.texts->len; i++)
      {
        const SvgText *text = &g_array_index (svg.texts, SvgText, i);
        g_auto(GStrv) parts = NULL;
        g_autofree char *number = NULL;
        char *end;
        double value;

        if (!g_str_equal (text->anchor, "middle"))
          continue;
        parts = g_strsplit (text->words, "−", -1);
        number = g_strjoinv ("-", parts);
        value = g_ascii_strtod (number, &end);
        g_assert_true (end != number && *end == '\0');
        g_assert_cmpfloat_with_epsilon (text->x, round (tally_share_bars_layout_value_to_x (layout, value)) + 0.5, 0.01);
        n_ticks++;
      }
    g_assert_cmpuint (n_ticks, >=, 3);

    /* A fall's value ends just left of its bar (UKIP's "−10.1"). */
    for (guint i = 0; i < change->n_entries; i++)
      {
        double boxes[12];

        if (!(change->entries[i].share < change->entries[i].share_then))
          continue;
        tally_share_bars_layout_get_label_boxes (layout, change, &export.style, i, boxes);
        g_assert_cmpfloat (boxes[6], >, 0);
        g_assert_cmpuint (count_at (&svg, "end", boxes[4] + boxes[6], boxes[5], boxes[5] + boxes[7]), ==, 1);
        n_falls++;
      }
    g_assert_cmpuint (n_falls, >=, 1);
  }
}

/* The state chart: each panel's changes in one column, the seats' at the
 * body's right edge (the canvas less the frame's margin), the councils'
 * right of every councils bar and left of the seats panel. */
static void
test_state_chart (Fixture       *fixture,
                  gconstpointer  user_data)
{
  g_autoptr(TallyFilter) filter = tally_filter_new ();
  TallyScopeSummary *summary;
  g_autoptr(TallyStateChartData) data = NULL;
  g_autoptr(TallyStateChartLayout) layout = NULL;
  g_auto(SvgTexts) svg = { 0 };
  Export export;
  double right, councils_right = NAN, bars_right = 0, seats_left = G_MAXDOUBLE;
  guint n_seats = 0, n_councils = 0;

  tally_results_set_filter (bundled.results, filter);
  summary = tally_results_get_summary (bundled.results);
  data = tally_chart_adapt_state (summary, tally_catalog_get_parties (catalog), "All councils");
  g_assert_true (data->has_change);

  export_svg (fixture, TALLY_CHART_STATE, data, TALLY_EXPORT_PRESET_WEB, &export, &svg);
  layout = tally_state_chart_layout_new (data, &export.style, export.width, export.height);
  right = export.width - 20 * export.style.scale;
  for (guint i = 0; i < data->n_entries; i++)
    {
      double x, y, width, height;

      n_seats += data->entries[i].has_seats;
      if (tally_state_chart_layout_get_bar (layout, i, FALSE, &x, &y, &width, &height) && data->entries[i].has_councils)
        bars_right = MAX (bars_right, x + width);
      if (tally_state_chart_layout_get_bar (layout, i, TRUE, &x, &y, &width, &height) && data->entries[i].has_seats)
        seats_left = MIN (seats_left, x);
    }
  /* Each row with seats, and the "+/−" head. */
  g_assert_cmpuint (count_at (&svg, "end", right, 0, export.height), ==, n_seats + 1);

  for (guint i = 0; i < svg.texts->len; i++)
    {
      const SvgText *text = &g_array_index (svg.texts, SvgText, i);

      if (!g_str_equal (text->anchor, "end") || fabs (text->x - right) < 0.01)
        continue;
      if (isnan (councils_right))
        councils_right = text->x;
      g_assert_cmpfloat_with_epsilon (text->x, councils_right, 0.01);
      n_councils++;
    }
  g_assert_cmpuint (n_councils, >=, 3);
  g_assert_cmpfloat (councils_right, >, bars_right);
  g_assert_cmpfloat (councils_right, <, seats_left);
}

/* The hemicycle's total centred on the ring (seat 0 and the last mirror
 * each other about it); on A4 its party table's seats and changes each in
 * one right-aligned column. */
static void
test_hemicycle (Fixture       *fixture,
                gconstpointer  user_data)
{
  g_autoptr(TallySeatChartData) data = tally_chart_adapt_composition (tally_test_bundled_lookup (&bundled, TRAFFORD),
                                                                       tally_catalog_get_parties (catalog));
  TallyExportPreset presets[] = { TALLY_EXPORT_PRESET_WEB, TALLY_EXPORT_PRESET_A4_PORTRAIT };

  for (guint p = 0; p < G_N_ELEMENTS (presets); p++)
    {
      g_auto(SvgTexts) svg = { 0 };
      g_autoptr(TallyHemicycleLayout) layout = NULL;
      g_autoptr(GHashTable) columns = g_hash_table_new (g_double_hash, g_double_equal);
      g_autoptr(GArray) xs = g_array_new (FALSE, FALSE, sizeof (double));
      Export export;
      double x0, y0, x1, y1, radius, centre;
      gboolean up;
      guint centred = 0;

      export_svg (fixture, TALLY_CHART_HEMICYCLE, data, presets[p], &export, &svg);
      layout = tally_hemicycle_layout_new (data, &export.style, export.width, export.height);
      tally_hemicycle_layout_get_seat (layout, 0, &x0, &y0, &radius, &up);
      tally_hemicycle_layout_get_seat (layout, data->total - 1, &x1, &y1, &radius, &up);
      g_assert_cmpfloat_with_epsilon (y0, y1, 1e-6);
      centre = (x0 + x1) / 2;

      /* "63", "seats" and "32 for a majority". */
      for (guint i = 0; i < svg.texts->len; i++)
        {
          const SvgText *text = &g_array_index (svg.texts, SvgText, i);

          if (g_str_equal (text->anchor, "middle"))
            {
              g_assert_cmpfloat_with_epsilon (text->x, centre, 0.01 * svg.to_px + 1e-6);
              centred++;
            }
          else if (g_str_equal (text->anchor, "end"))
            {
              guint k;

              for (k = 0; k < xs->len; k++)
                if (fabs (g_array_index (xs, double, k) - text->x) < 0.01 * svg.to_px + 1e-6)
                  break;
              if (k == xs->len)
                g_array_append_val (xs, text->x);
            }
        }
      g_assert_cmpuint (centred, ==, 3);
      if (presets[p] == TALLY_EXPORT_PRESET_A4_PORTRAIT)
        {
          /* Seats and change: a column each, a head and four parties. */
          g_assert_cmpuint (xs->len, ==, 2);
          for (guint k = 0; k < 2; k++)
            g_assert_cmpuint (count_at (&svg, "end", g_array_index (xs, double, k), 0, export.height), ==, 1 + 4);
        }
    }
}

/* The swingometer's figure and caption centred under the hub, the right
 * hand party's name ending at the dial's right edge. */
static void
test_swingometer (Fixture       *fixture,
                  gconstpointer  user_data)
{
  g_autoptr(TallyFilter) filter = tally_filter_new ();
  TallyScopeSummary *summary;
  g_autoptr(TallySwingometerData) data = NULL;
  g_autoptr(TallySwingometerLayout) layout = NULL;
  g_auto(SvgTexts) svg = { 0 };
  Export export;
  double cx, cy, radius;

  tally_results_set_filter (bundled.results, filter);
  summary = tally_results_get_summary (bundled.results);
  data = tally_chart_adapt_scope_swing (summary, tally_catalog_lookup_party (catalog, "CON"),
                                        tally_catalog_lookup_party (catalog, "LAB"), TALLY_VOTE_METHOD_TOTAL,
                                        "All councils");
  export_svg (fixture, TALLY_CHART_SWINGOMETER, data, TALLY_EXPORT_PRESET_WEB, &export, &svg);
  layout = tally_swingometer_layout_new (data, &export.style, export.width, export.height);
  tally_swingometer_layout_get_dial (layout, &cx, &cy, &radius);
  g_assert_cmpuint (count_at (&svg, "middle", cx, cy, export.height), >=, 2);
  g_assert_cmpuint (count_at (&svg, "end", cx + radius, 0, export.height), ==, 1);
}

/* The writer itself: what one aligned paint call records */

static char *
record (PangoLayout     *layout,
        double           x,
        TallyChartAlign  align,
        double           scale)
{
  cairo_surface_t *surface = cairo_svg_surface_create_for_stream (NULL, NULL, 400, 100);
  GString *elements = g_string_new (NULL);
  cairo_t *cr = cairo_create (surface);
  TallyChartRgb ink = { 0, 0, 0 };

  tally_chart_svg_record (surface, elements);
  cairo_scale (cr, scale, scale);
  _tally_chart_text_paint_aligned (cr, layout, x, 10, align, ink, 1);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  cairo_surface_destroy (surface);
  return g_string_free (elements, FALSE);
}

/* A right-aligned figure is one <text> at the right edge, however many
 * fonts it is in (the second in a <tspan>); a centred text of two lines is
 * a <text> centred per line; on a scaled page x is in the page's units;
 * text placed by its left edge is as before, with no anchor. */
static void
test_writer (void)
{
  TallyChartStyle style;
  g_autoptr(PangoLayout) figure = NULL;
  g_autoptr(PangoLayout) mixed = NULL;
  g_autoptr(PangoLayout) lines = NULL;
  g_autofree char *end = NULL, *scaled = NULL, *spans = NULL, *middle = NULL, *start = NULL;
  double width;
  char **parts;

  tally_chart_style_init (&style, TALLY_CHART_BACKGROUND_LIGHT);
  figure = _tally_chart_text_new (&style, TALLY_CHART_FONT_LABEL, "+12");
  end = record (figure, 200, TALLY_CHART_ALIGN_END, 1);
  g_assert_true (g_str_has_prefix (end, "<text x=\"200\" y=\""));
  g_assert_nonnull (strstr (end, " text-anchor=\"end\""));
  g_assert_true (g_str_has_suffix (end, ">+12</text>\n"));
  g_assert_cmpuint (g_strv_length (parts = g_strsplit (end, "<text", -1)), ==, 2);
  g_strfreev (parts);

  scaled = record (figure, 200, TALLY_CHART_ALIGN_END, 0.5);
  g_assert_true (g_str_has_prefix (scaled, "<text x=\"100\" y=\""));

  mixed = _tally_chart_markup_new (&style, TALLY_CHART_FONT_LABEL, "<b>12</b> seats");
  spans = record (mixed, 200, TALLY_CHART_ALIGN_END, 1);
  g_assert_true (g_str_has_prefix (spans, "<text x=\"200\" y=\""));
  g_assert_nonnull (strstr (spans, " font-weight=\"700\""));
  g_assert_nonnull (strstr (spans, ">12<tspan "));
  g_assert_true (g_str_has_suffix (spans, "> seats</tspan></text>\n"));
  g_assert_nonnull (strstr (spans, "xml:space=\"preserve\""));

  lines = _tally_chart_text_new (&style, TALLY_CHART_FONT_LABEL, "Barking and Dagenham");
  width = _tally_chart_text_width (lines) * 0.7;
  pango_layout_set_width (lines, (int) (width * PANGO_SCALE));
  pango_layout_set_wrap (lines, PANGO_WRAP_WORD);
  pango_layout_set_alignment (lines, PANGO_ALIGN_CENTER);
  g_assert_cmpint (pango_layout_get_line_count (lines), ==, 2);
  middle = record (lines, 150, TALLY_CHART_ALIGN_CENTER, 1);
  parts = g_strsplit (middle, "\n", -1);
  g_assert_cmpuint (g_strv_length (parts), ==, 3);
  for (guint i = 0; i < 2; i++)
    {
      g_assert_true (g_str_has_prefix (parts[i], "<text x=\"150\" y=\""));
      g_assert_nonnull (strstr (parts[i], " text-anchor=\"middle\""));
    }
  g_assert_true (g_str_has_suffix (parts[0], ">Barking and</text>"));
  g_assert_true (g_str_has_suffix (parts[1], ">Dagenham</text>"));
  g_strfreev (parts);

  start = record (figure, 200, TALLY_CHART_ALIGN_START, 1);
  g_assert_true (g_str_has_prefix (start, "<text x=\"200\" y=\""));
  g_assert_null (strstr (start, "text-anchor"));

  /* Numbers as SVG reads them: two decimals at most, no trailing zeros,
   * no "-0". */
  {
    static const struct { double x; const char *text; } numbers[] = {
      { 200.5, "<text x=\"200.5\" " }, { 1234.567, "<text x=\"1234.57\" " }, { -3.25, "<text x=\"-3.25\" " },
      { 0.004, "<text x=\"0\" " }, { -0.004, "<text x=\"0\" " }, { 7.1, "<text x=\"7.1\" " },
      { 99.999, "<text x=\"100\" " }, { -40, "<text x=\"-40\" " },
    };

    for (guint i = 0; i < G_N_ELEMENTS (numbers); i++)
      {
        g_autofree char *placed = record (figure, numbers[i].x, TALLY_CHART_ALIGN_END, 1);

        if (!g_str_has_prefix (placed, numbers[i].text))
          g_error ("x = %g written as %s, not %s…", numbers[i].x, placed, numbers[i].text);
      }
  }
}

/* A shared layout is the same object for the same text, font, size and
 * width on a thread, another for any of them changed, and measures as a
 * layout made afresh does. */
static void
test_shared_layouts (void)
{
  TallyChartStyle style;
  TallyChartStyle larger;
  g_autoptr(PangoLayout) source = NULL;
  g_autoptr(PangoLayout) again = NULL;
  g_autoptr(PangoLayout) narrower = NULL;
  g_autoptr(PangoLayout) bigger = NULL;
  g_autoptr(PangoLayout) fresh = NULL;
  const char *text = "Source: Democracy Club, LEAP; chart: Tally";

  tally_chart_style_init (&style, TALLY_CHART_BACKGROUND_LIGHT);
  larger = style;
  larger.scale = 2;

  source = _tally_chart_text_shared (&style, TALLY_CHART_FONT_SMALL, text, 1000, PANGO_ALIGN_LEFT);
  again = _tally_chart_text_shared (&style, TALLY_CHART_FONT_SMALL, text, 1000, PANGO_ALIGN_LEFT);
  narrower = _tally_chart_text_shared (&style, TALLY_CHART_FONT_SMALL, text, 100, PANGO_ALIGN_LEFT);
  bigger = _tally_chart_text_shared (&larger, TALLY_CHART_FONT_SMALL, text, 1000, PANGO_ALIGN_LEFT);
  g_assert_true (source == again);
  g_assert_true (narrower != source);
  g_assert_true (bigger != source);
  g_assert_cmpint (pango_layout_get_line_count (source), ==, 1);
  g_assert_cmpint (pango_layout_get_line_count (narrower), >, 1);
  g_assert_cmpfloat (_tally_chart_text_height (bigger), >, 1.5 * _tally_chart_text_height (source));

  fresh = _tally_chart_text_new (&style, TALLY_CHART_FONT_SMALL, text);
  pango_layout_set_width (fresh, 1000 * PANGO_SCALE);
  pango_layout_set_wrap (fresh, PANGO_WRAP_WORD);
  g_assert_cmpfloat (_tally_chart_text_width (fresh), ==, _tally_chart_text_width (source));
  g_assert_cmpfloat (_tally_chart_text_height (fresh), ==, _tally_chart_text_height (source));
}

/* Drawn by librsvg as by cairo */

typedef struct
{
  cairo_surface_t *image;
  int              width;
  int              height;
} Image;

static gboolean
ink (const Image *image,
     int          x,
     int          top,
     int          bottom)
{
  const guchar *data = cairo_image_surface_get_data (image->image);
  int stride = cairo_image_surface_get_stride (image->image);

  if (x < 0 || x >= image->width)
    return FALSE;
  for (int y = MAX (top, 0); y <= MIN (bottom, image->height - 1); y++)
    {
      guint32 pixel = ((const guint32 *) (data + y * stride))[x];
      double luminance = 0.299 * ((pixel >> 16) & 0xff) + 0.587 * ((pixel >> 8) & 0xff) + 0.114 * (pixel & 0xff);

      /* Type, even the faintest (#77767b) in a thin stroke's half-covered
       * pixels; not the gridlines (#e6e5e3). */
      if (luminance < 215)
        return TRUE;
    }
  return FALSE;
}

/* The ink of the text anchored at @text: its left and right edges, the
 * run of inked columns around the anchor with no gap wider than half an
 * em (a space and the letters' bearings). */
static gboolean
text_ink (const Image   *image,
          const SvgText *text,
          double        *left,
          double        *right)
{
  int top = (int) floor (text->y - 0.6 * text->size), bottom = (int) floor (text->y - 0.1 * text->size);
  int gap = (int) ceil (0.5 * text->size), from, to, l, r;
  gboolean found = FALSE;

  if (g_str_equal (text->anchor, "end"))
    from = (int) floor (text->x) - gap, to = (int) floor (text->x) + 2;
  else
    from = (int) floor (text->x) - gap, to = (int) floor (text->x) + gap;
  l = to, r = from;
  for (int x = from; x <= to; x++)
    if (ink (image, x, top, bottom))
      {
        l = MIN (l, x);
        r = MAX (r, x);
        found = TRUE;
      }
  if (!found)
    return FALSE;
  for (gboolean grown = TRUE; grown;)
    {
      grown = FALSE;
      for (int x = l - 1; x >= l - gap; x--)
        if (ink (image, x, top, bottom))
          {
            l = x;
            grown = TRUE;
            break;
          }
      if (g_str_equal (text->anchor, "end"))
        continue;
      for (int x = r + 1; x <= r + gap; x++)
        if (ink (image, x, top, bottom))
          {
            r = x;
            grown = TRUE;
            break;
          }
    }
  *left = l;
  *right = r + 1;
  return TRUE;
}

static void
load_png (const char *path,
          Image      *image)
{
  image->image = cairo_image_surface_create_from_png (path);
  g_assert_cmpint (cairo_surface_status (image->image), ==, CAIRO_STATUS_SUCCESS);
  image->width = cairo_image_surface_get_width (image->image);
  image->height = cairo_image_surface_get_height (image->image);
}

static void
compare_renders (Fixture           *fixture,
                 const char        *rsvg,
                 TallyChartKind     kind,
                 gconstpointer      data,
                 TallyExportPreset  preset,
                 guint              n_anchored)
{
  g_autofree char *svg_path = tally_test_folder_path (fixture, "chart.svg");
  g_autofree char *png_path = tally_test_folder_path (fixture, "chart.png");
  g_autofree char *rendered_path = tally_test_folder_path (fixture, "rendered.png");
  g_auto(SvgTexts) svg = { 0 };
  Export export;
  Image png, rendered;
  int status;
  guint compared = 0;
  double worst = 0;

  export_chart (fixture, kind, data, preset, TALLY_EXPORT_FORMAT_PNG, "chart.png", &export);
  export_svg (fixture, kind, data, preset, &export, &svg);
  g_assert_true (g_spawn_sync (NULL, (char *[]) { (char *) rsvg, "-o", rendered_path, svg_path, NULL }, NULL,
                               G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL, NULL, NULL, &status, NULL));
  g_assert_cmpint (status, ==, 0);
  load_png (png_path, &png);
  load_png (rendered_path, &rendered);
  g_assert_cmpint (png.width, ==, rendered.width);
  g_assert_cmpint (png.height, ==, rendered.height);

  for (guint i = 0; i < svg.texts->len; i++)
    {
      const SvgText *text = &g_array_index (svg.texts, SvgText, i);
      double png_left, png_right, rendered_left, rendered_right, deviation;

      if (g_str_equal (text->anchor, "start") || text->transformed)
        continue;
      g_assert_true (text_ink (&png, text, &png_left, &png_right));
      g_assert_true (text_ink (&rendered, text, &rendered_left, &rendered_right));
      /* The anchored edge, or the middle: librsvg sets proportional
       * figures where the PNG has tabular ones ("1" is narrower), so the
       * far edge may differ by a figure's difference. */
      if (g_str_equal (text->anchor, "end"))
        deviation = fabs (png_right - rendered_right);
      else
        deviation = fabs ((png_left + png_right) / 2 - (rendered_left + rendered_right) / 2);
      if (deviation > 2)
        g_error ("%s at %.1f, %.1f (%s): ink %.0f..%.0f in the PNG, %.0f..%.0f drawn from the SVG",
                 text->words, text->x, text->y, text->anchor, png_left, png_right, rendered_left, rendered_right);
      worst = MAX (worst, deviation);
      compared++;
    }
  g_test_message ("%s, %s: %u anchored texts, their ink at most %.1f px from the PNG's",
                  tally_chart_kind_to_string (kind), tally_export_preset_to_string (preset), compared, worst);
  g_assert_cmpuint (compared, >=, n_anchored);

  cairo_surface_destroy (png.image);
  cairo_surface_destroy (rendered.image);
}

static void
test_rendered (Fixture       *fixture,
               gconstpointer  user_data)
{
  g_autofree char *rsvg = g_find_program_in_path ("rsvg-convert");
  g_autoptr(TallyFilter) filter = tally_filter_new ();
  GListModel *parties = tally_catalog_get_parties (catalog);
  TallyParty *con = tally_catalog_lookup_party (catalog, "CON");
  TallyParty *lab = tally_catalog_lookup_party (catalog, "LAB");
  TallyScopeSummary *summary;
  g_autoptr(TallySeatChartData) hemicycle = NULL;
  g_autoptr(TallySeatChartData) seats = NULL;
  g_autoptr(TallySeatChartData) waffle = NULL;
  g_autoptr(TallyShareChartData) compare = NULL;
  g_autoptr(TallyShareChartData) change = NULL;
  g_autoptr(TallySwingometerData) swing = NULL;
  g_autoptr(TallySwingScatterData) scatter = NULL;
  g_autoptr(TallyStateChartData) state = NULL;

  if (rsvg == NULL)
    {
      g_test_skip ("rsvg-convert is not installed (librsvg2-bin): the SVG is not drawn to compare");
      return;
    }

  tally_results_set_filter (bundled.results, filter);
  summary = tally_results_get_summary (bundled.results);
  hemicycle = tally_chart_adapt_composition (tally_test_bundled_lookup (&bundled, TRAFFORD), parties);
  seats = tally_chart_adapt_seats_won (tally_test_bundled_lookup (&bundled, TRAFFORD), parties);
  waffle = tally_chart_adapt_composition (tally_test_bundled_lookup (&bundled, TRAFFORD), parties);
  compare = tally_chart_adapt_scope_shares (summary, parties, TALLY_VOTE_METHOD_TOTAL, TALLY_SHARE_MODE_COMPARE,
                                            "All councils");
  change = tally_chart_adapt_scope_shares (summary, parties, TALLY_VOTE_METHOD_TOTAL, TALLY_SHARE_MODE_CHANGE,
                                           "All councils");
  swing = tally_chart_adapt_scope_swing (summary, con, lab, TALLY_VOTE_METHOD_TOTAL, "All councils");
  scatter = tally_chart_adapt_swing_scatter (tally_scope_summary_get_councils (summary), con, lab,
                                             TALLY_VOTE_METHOD_TOTAL, TRUE, TRAFFORD);
  state = tally_chart_adapt_state (summary, parties, "All councils");

  compare_renders (fixture, rsvg, TALLY_CHART_HEMICYCLE, hemicycle, TALLY_EXPORT_PRESET_A4_PORTRAIT, 13);
  compare_renders (fixture, rsvg, TALLY_CHART_SEAT_BARS, seats, TALLY_EXPORT_PRESET_WEB, 5);
  compare_renders (fixture, rsvg, TALLY_CHART_WAFFLE, waffle, TALLY_EXPORT_PRESET_SQUARE, 1);
  compare_renders (fixture, rsvg, TALLY_CHART_SHARE_BARS, compare, TALLY_EXPORT_PRESET_WEB, 10);
  compare_renders (fixture, rsvg, TALLY_CHART_SHARE_BARS, change, TALLY_EXPORT_PRESET_A4_LANDSCAPE, 5);
  compare_renders (fixture, rsvg, TALLY_CHART_SWINGOMETER, swing, TALLY_EXPORT_PRESET_WEB, 3);
  compare_renders (fixture, rsvg, TALLY_CHART_SWING_SCATTER, scatter, TALLY_EXPORT_PRESET_WEB, 20);
  compare_renders (fixture, rsvg, TALLY_CHART_STATE, state, TALLY_EXPORT_PRESET_WEB, 13);
  compare_renders (fixture, rsvg, TALLY_CHART_STATE, state, TALLY_EXPORT_PRESET_A4_PORTRAIT, 13);
}

int
main (int    argc,
      char **argv)
{
  int status;

  g_test_init (&argc, &argv, NULL);

  tally_test_bundled_open (&bundled);
  catalog = bundled.catalog;

  g_test_add_func ("/svg-anchors/writer", test_writer);
  g_test_add_func ("/svg-anchors/shared-layouts", test_shared_layouts);
#define ADD(path, func) g_test_add (path, Fixture, NULL, tally_test_folder_setup, func, tally_test_folder_teardown)
  ADD ("/svg-anchors/seat-bars", test_seat_bars);
  ADD ("/svg-anchors/share-bars", test_share_bars);
  ADD ("/svg-anchors/state-chart", test_state_chart);
  ADD ("/svg-anchors/hemicycle", test_hemicycle);
  ADD ("/svg-anchors/swingometer", test_swingometer);
  ADD ("/svg-anchors/rendered", test_rendered);
#undef ADD

  status = g_test_run ();

  tally_test_bundled_close (&bundled);
  return status;
}
