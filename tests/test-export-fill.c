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
#include "tally-hemicycle.h"
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
 * into the height the half disc leaves: the hemicycle's party table, its
 * rows spread out in type no larger than the subtitle (measured 78-90%),
 * the swingometer's readout, moved under the dial, and a key (measured
 * 75-82%). */
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

/* The type of the hemicycle's SVG, text by text. */
typedef struct
{
  GArray    *sizes;   /* double, one per <text> */
  GPtrArray *words;   /* its words */
  GPtrArray *weights; /* its font-weight, or "" */
  GString   *text;
  gboolean   in_text;
  gboolean   millimetres;
} SvgType;

static void
type_start_cb (GMarkupParseContext  *context,
               const char           *element,
               const char          **names,
               const char          **values,
               gpointer              user_data,
               GError              **error)
{
  SvgType *type = user_data;

  if (g_str_equal (element, "svg"))
    for (guint i = 0; names[i] != NULL; i++)
      if (g_str_equal (names[i], "width"))
        type->millimetres = g_str_has_suffix (values[i], "mm");
  if (!g_str_equal (element, "text"))
    return;

  {
    double size = -1;
    const char *weight = "";

    for (guint i = 0; names[i] != NULL; i++)
      if (g_str_equal (names[i], "font-size"))
        size = g_ascii_strtod (values[i], NULL);
      else if (g_str_equal (names[i], "font-weight"))
        weight = values[i];
    g_assert_cmpfloat (size, >, 0);
    g_array_append_val (type->sizes, size);
    g_ptr_array_add (type->weights, g_strdup (weight));
    g_string_truncate (type->text, 0);
    type->in_text = TRUE;
  }
}

static void
type_end_cb (GMarkupParseContext  *context,
             const char           *element,
             gpointer              user_data,
             GError              **error)
{
  SvgType *type = user_data;

  if (g_str_equal (element, "text"))
    {
      g_ptr_array_add (type->words, g_strdup (g_strstrip (type->text->str)));
      type->in_text = FALSE;
    }
}

static void
type_text_cb (GMarkupParseContext  *context,
              const char           *text,
              gsize                 length,
              gpointer              user_data,
              GError              **error)
{
  SvgType *type = user_data;

  if (type->in_text)
    g_string_append_len (type->text, text, length);
}

/* Millimetres of a font size in the SVG's own unit. */
static double
type_mm (const SvgType *type,
         double         size)
{
  return type->millimetres ? size : size * 25.4 / 96;
}

/* The hemicycle's type at every size, read from the SVG it exports: a tall
 * page fills by layout, never by type, so the legend (a party table on a
 * tall page) and its note are never larger than the subtitle, and the
 * title is the largest text but for the total of seats in the ring's
 * hollow, a display figure as results pages print it.  Measured on main
 * before the table: A4's legend 14.16 mm against a 6.22 mm title. */
static void
test_type (void)
{
  g_autoptr(TallySeatChartData) data = tally_chart_adapt_composition (trafford (), tally_catalog_get_parties (catalog));
  g_autofree char *dir = tally_test_make_temp_dir ();
  g_autoptr(GString) table = g_string_new ("size | title mm | subtitle mm | legend (largest) mm | note mm | SVG bytes\n");
  g_autofree char *total = g_strdup_printf ("%u", data->total);
  guint failures = 0;

  for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
    {
      static const GMarkupParser parser = { type_start_cb, type_end_cb, type_text_cb, NULL, NULL };
      g_autofree char *path = g_strdup_printf ("%s/hemicycle-%u.svg", dir, s);
      g_autofree char *contents = NULL;
      g_autoptr(GMarkupParseContext) context = NULL;
      g_autoptr(GError) error = NULL;
      SvgType type = { 0 };
      TallyExportOptions options;
      double title = -1, subtitle = -1, legend = 0, note = 0, largest_other = 0;
      gsize length;

      tally_export_options_init (&options);
      options.format = TALLY_EXPORT_FORMAT_SVG;
      if (sizes[s].custom)
        {
          options.preset = TALLY_EXPORT_PRESET_CUSTOM;
          options.width = sizes[s].width;
          options.height = sizes[s].height;
          options.unit = TALLY_EXPORT_UNIT_PX;
        }
      else
        tally_export_options_set_preset (&options, (TallyExportPreset) s);
      g_assert_true (tally_export_write_chart (TALLY_CHART_HEMICYCLE, data, &options, path,
                                               TALLY_EXPORT_FLAGS_NONE, NULL, &error));
      g_assert_no_error (error);

      contents = tally_test_read_file (path, &length);
      type.sizes = g_array_new (FALSE, FALSE, sizeof (double));
      type.words = g_ptr_array_new_with_free_func (g_free);
      type.weights = g_ptr_array_new_with_free_func (g_free);
      type.text = g_string_new (NULL);
      context = g_markup_parse_context_new (&parser, G_MARKUP_DEFAULT_FLAGS, &type, NULL);
      g_markup_parse_context_parse (context, contents, (gssize) length, &error);
      g_assert_no_error (error);

      for (guint i = 0; i < type.sizes->len; i++)
        {
          const char *words = g_ptr_array_index (type.words, i);
          double size = g_array_index (type.sizes, double, i);

          if (g_str_equal (words, data->heading.title))
            title = size;
          else if (g_str_equal (words, data->heading.subtitle))
            subtitle = size;
        }
      g_assert_cmpfloat (title, >, 0);
      g_assert_cmpfloat (subtitle, >, 0);

      for (guint i = 0; i < type.sizes->len; i++)
        {
          const char *words = g_ptr_array_index (type.words, i);
          const char *weight = g_ptr_array_index (type.weights, i);
          double size = g_array_index (type.sizes, double, i);
          gboolean figure = g_str_equal (words, total) && g_str_equal (weight, "700");
          gboolean in_note = (data->figures_label && strchr (words, ' ') && strstr (data->figures_label, words)) ||
                             g_strcmp0 (words, data->seats_up_label) == 0 || g_strcmp0 (words, data->not_up_label) == 0;

          if (g_str_equal (words, data->heading.title) || g_str_equal (words, data->heading.subtitle))
            continue;
          /* The total in the ring's hollow. */
          if (figure)
            continue;
          largest_other = MAX (largest_other, size);
          /* The ring's own labels ("32 for a majority", "seats") and the
           * source line are small type; the rest is the legend and note. */
          if (g_str_has_prefix (words, "Source:") || g_str_has_suffix (words, "for a majority") ||
              g_str_equal (words, "seats"))
            continue;
          if (in_note)
            note = MAX (note, size);
          else
            legend = MAX (legend, size);
          if (size > subtitle + 0.005)
            {
              g_test_message ("at %s, \"%s\" is %.2f mm, larger than the subtitle's %.2f mm", sizes[s].name, words,
                              type_mm (&type, size), type_mm (&type, subtitle));
              failures++;
            }
        }
      if (largest_other > title + 0.005)
        {
          g_test_message ("at %s, the title (%.2f mm) is not the largest text (%.2f mm)", sizes[s].name,
                          type_mm (&type, title), type_mm (&type, largest_other));
          failures++;
        }
      g_assert_cmpfloat (legend, >, 0);
      g_assert_cmpfloat (note, >, 0);

      /* A page as tall as it is wide, or taller, has the party table, which
       * names parties in full under its column heads; landscape pages keep
       * the legend in lines ("Lab 30 +4").  And every size stays small. */
      {
        double width, height;
        gboolean has_table = FALSE, has_head = FALSE;

        tally_export_options_get_canvas (&options, &width, &height);
        for (guint i = 0; i < type.words->len; i++)
          {
            has_table |= g_str_equal (g_ptr_array_index (type.words, i), "Labour");
            has_head |= g_str_equal (g_ptr_array_index (type.words, i), "Change on 2014");
          }
        if (has_table != (height >= width) || has_head != (height >= width))
          {
            g_test_message ("at %s, the legend is %s", sizes[s].name, has_table ? "a table" : "in lines");
            failures++;
          }
        g_assert_cmpuint (length, <=, 10.5 * 1024);
      }
      g_string_append_printf (table, "%s | %.2f | %.2f | %.2f | %.2f | %" G_GSIZE_FORMAT "\n", sizes[s].name,
                              type_mm (&type, title), type_mm (&type, subtitle), type_mm (&type, legend),
                              type_mm (&type, note), length);

      g_array_unref (type.sizes);
      g_ptr_array_unref (type.words);
      g_ptr_array_unref (type.weights);
      g_string_free (type.text, TRUE);
    }

  g_test_message ("the hemicycle's type in mm, and its SVG's size:\n%s", table->str);
  tally_test_remove_dir (dir);
  g_assert_cmpuint (failures, ==, 0);
}

/* On A4 the table's rows are the parties, largest first (Labour 30,
 * Conservatives 29, then the Greens and the Liberal Democrats on 2 each,
 * in the ring's order), and pointing at a row finds its party, as
 * pointing at a line of the flowed legend does. */
static void
test_table_rows (void)
{
  g_autoptr(TallySeatChartData) data = tally_chart_adapt_composition (trafford (), tally_catalog_get_parties (catalog));
  g_autoptr(TallyHemicycleLayout) layout = NULL;
  g_autoptr(GArray) found = g_array_new (FALSE, FALSE, sizeof (int));
  const char *expected[] = { "LAB", "CON", "GRN", "LD" };
  TallyExportOptions options;
  TallyChartStyle style;
  double width, height, ring_bottom = 0;

  tally_export_options_init (&options);
  tally_export_options_set_preset (&options, TALLY_EXPORT_PRESET_A4_PORTRAIT);
  tally_export_options_get_style (&options, &style);
  tally_export_options_get_canvas (&options, &width, &height);
  layout = tally_hemicycle_layout_new (data, &style, width, height);

  for (guint seat = 0; seat < tally_hemicycle_layout_get_geometry (layout)->n_seats; seat++)
    {
      double y, radius;

      tally_hemicycle_layout_get_seat (layout, seat, NULL, &y, &radius, NULL);
      ring_bottom = MAX (ring_bottom, y + radius);
    }

  /* Down the page at the swatches' left edge, under the ring. */
  for (double y = ring_bottom + 1; y < height; y += 1)
    {
      int item = tally_hemicycle_layout_lookup_item (layout, width * 0.04, y);

      if (item >= 0 && (found->len == 0 || g_array_index (found, int, found->len - 1) != item))
        g_array_append_val (found, item);
    }

  g_assert_cmpuint (found->len, ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    g_assert_cmpstr (data->entries[g_array_index (found, int, i)].party.key, ==, expected[i]);
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
        g_assert_cmpstr (heading->subtitle, ==, "150 councils; change on 2014 (seat change leaves out 8 councils on new wards)");
      g_assert_null (strstr (heading->subtitle ? heading->subtitle : "", "declaration"));
      g_assert_null (strstr (heading->subtitle ? heading->subtitle : "", "counted as"));
      tally_chart_data_free (kind, data);
    }

  {
    g_autoptr(TallySeatChartData) seats = tally_chart_adapt_scope_seats (summary, tally_catalog_get_parties (catalog),
                                                                        NULL);

    g_assert_cmpstr (seats->heading.title, ==, "Local elections 2018: seats won");
    g_assert_cmpstr (seats->heading.subtitle, ==, "150 councils; change on 2014 (seat change leaves out 8 councils on new wards)");
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
  g_test_add_func ("/export/type", test_type);
  g_test_add_func ("/export/table-rows", test_table_rows);

  status = g_test_run ();

  g_clear_object (&results);
  g_clear_object (&catalog);
  g_clear_object (&database);
  return status;
}
