/* test-map-export.c: the map as exported: cropped to the councils asked
 * for, and on paper.
 *
 * Crop: a filter of councils (`tally export --map … --council Trafford`)
 * exports those councils with a margin, not all England.  The figure is
 * drawn through the export (PNG) without heading or key, so its map fills
 * the body of the frame; the pixels in the councils' own colours (those
 * outside the filter are faded, so never the same) must lie in the middle
 * of the body, as large as the crop's margin allows along the side that
 * binds, and clear of the body's edges by at least most of the margin.
 * On the whole map Trafford's hex is a twentieth of the width, off centre.
 *
 * Paper: councils not declared are hatched (one set of lines), partly
 * declared ones cross-hatched, councils with no election blank, the rest
 * filled in their party's colour.  A map with all four is exported as PDF
 * (through tally_export_write, at a known transform) and rendered in
 * greyscale by poppler's pdftoppm, as a greyscale printer would, and as a
 * PNG: in each hatched area the lines stand at least HATCH_CONTRAST_FLOOR
 * L* darker than the gaps between them (the pattern survives a grey
 * print), every filled area is flat and at least 12 L* under the blank,
 * and the hatched areas' mean lightness stands at least MEAN_FLOOR from
 * the blank of no election and from each other.  Measured, PDF through
 * pdftoppm: lines L* 69 (cross-hatch 52) on gaps of 95; means 84 and 71
 * against the blank's 95; Labour 32, Conservative 44, Liberal Democrats
 * 72, no overall control 77.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <cairo.h>
#include <math.h>
#include <string.h>

#include "tally-boundaries.h"
#include "tally-catalog.h"
#include "tally-council.h"
#include "tally-chart-style.h"
#include "tally-database.h"
#include "tally-election.h"
#include "tally-export.h"
#include "tally-filter.h"
#include "tally-hexgen.h"
#include "tally-map-data.h"
#include "tally-map-draw.h"
#include "tally-results.h"
#include "tally-test-util.h"

#define TRAFFORD "E08000009"
#define MANCHESTER "E08000003"
#define BIRMINGHAM "E08000025"
#define RICHMOND "E09000027"
#define WESTMINSTER "E09000033"
#define CORNWALL "E06000052"
#define PLYMOUTH "E06000026"
#define LEEDS "E08000035"
#define SHEFFIELD "E08000019"

/* The crop's margin, as tally-map-figure.c sets it: 6% of the councils'
 * span on each side, at least a hex (1 unit) or a kilometre. */
#define CROP_MARGIN 0.06

/* In CIE L*: hatching's lines against its gaps, in greyscale. */
#define HATCH_CONTRAST_FLOOR 15.0
/* A hatched area's mean lightness against the blank of no election. */
#define MEAN_FLOOR 8.0

static TallyTestBundled bundled;
static TallyHexLayout *hexes;
static TallyBoundaries *boundaries;  /* NULL without ../shared/data */

static TallyMapData *
map_data (TallyFilter *filter)
{
  TallyChartStyle style;

  tally_chart_style_init (&style, TALLY_CHART_BACKGROUND_LIGHT);
  return tally_map_data_new_for_results (tally_catalog_get_councils (bundled.catalog),
                                         tally_results_get_council_results (bundled.results, bundled.election, NULL),
                                         tally_catalog_get_parties (bundled.catalog), filter, TALLY_MAP_COLOUR_CONTROL, NULL,
                                         NULL, &style);
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

static double
lightness_of_luminance (double y)
{
  return y > 216.0 / 24389 ? 116 * cbrt (y) - 16 : y * 24389.0 / 27;
}

static double
linear (double channel)
{
  return channel <= 0.04045 ? channel / 12.92 : pow ((channel + 0.055) / 1.055, 2.4);
}

/* Crop */

typedef struct
{
  gboolean                     hex;
  const TallyMapData          *data;
  const TallyMapFigureOptions *options;
} MapFigure;

static void
draw_map_figure (cairo_t               *cr,
                 double                 width,
                 double                 height,
                 const TallyChartStyle *style,
                 gpointer               user_data)
{
  const MapFigure *figure = user_data;

  tally_map_draw_figure (cr, width, height, figure->hex ? hexes : NULL, figure->hex ? NULL : boundaries,
                         figure->data, style, NULL, figure->options);
}

static void
check_crop (gboolean           hex,
            const char * const *codes,
            const char         *name)
{
  g_autoptr(TallyFilter) filter = tally_filter_new ();
  g_autoptr(TallyMapData) data = NULL;
  g_autoptr(GError) error = NULL;
  TallyMapFigureOptions figure_options = { .crop_to_scope = TRUE };
  MapFigure map_figure = { hex, NULL, &figure_options };
  TallyExportFigure figure;
  TallyExportOptions options;
  TallyChartStyle style;
  g_autoptr(GArray) colours = g_array_new (FALSE, FALSE, sizeof (TallyChartRgb));
  cairo_surface_t *surface;
  double bounds[4], span[2], crop[2], scale, body[4], ink_span[2], gaps[4], expected;
  int width, height, stride, left, right, top, bottom;
  const guint8 *pixels;

  tally_filter_set_election (filter, bundled.election);
  tally_filter_set_councils (filter, codes);
  data = map_data (filter);
  map_figure.data = data;

  tally_chart_style_init (&style, TALLY_CHART_BACKGROUND_LIGHT);
  for (guint i = 0; codes[i] != NULL; i++)
    {
      TallyChartRgb colour = tally_map_area_colour (tally_map_data_lookup (data, codes[i]), &style);

      g_array_append_val (colours, colour);
    }

  tally_export_options_init (&options);
  options.show_title = options.show_subtitle = options.show_source = options.show_legend = FALSE;
  tally_export_figure_init_custom (&figure, draw_map_figure, &map_figure, &data->heading);
  surface = tally_export_render_image (&figure, &options, 1, &error);
  g_assert_no_error (error);
  write_png (surface, name);

  /* The bounding box of the councils' own colours. */
  width = cairo_image_surface_get_width (surface);
  height = cairo_image_surface_get_height (surface);
  stride = cairo_image_surface_get_stride (surface);
  pixels = cairo_image_surface_get_data (surface);
  left = width, right = -1, top = height, bottom = -1;
  for (int y = 0; y < height; y++)
    for (int x = 0; x < width; x++)
      {
        guint32 pixel = *(const guint32 *) (pixels + y * stride + 4 * x);
        double r = ((pixel >> 16) & 0xff) / 255.0, g = ((pixel >> 8) & 0xff) / 255.0, b = (pixel & 0xff) / 255.0;

        for (guint c = 0; c < colours->len; c++)
          {
            const TallyChartRgb *colour = &g_array_index (colours, TallyChartRgb, c);

            if (fabs (r - colour->red) <= 2.5 / 255 && fabs (g - colour->green) <= 2.5 / 255 &&
                fabs (b - colour->blue) <= 2.5 / 255)
              {
                left = MIN (left, x);
                right = MAX (right, x);
                top = MIN (top, y);
                bottom = MAX (bottom, y);
              }
          }
      }
  cairo_surface_destroy (surface);
  g_assert_cmpint (right, >=, 0);

  /* The body: the canvas inside the frame's 20 px margins. */
  body[0] = 20;
  body[1] = 20;
  body[2] = width - 20;
  body[3] = height - 20;

  /* What the crop shows at least: the councils' bounds with the margin;
   * the side that binds the fit shows exactly that. */
  g_assert_true (tally_map_get_scope_bounds (hex ? hexes : NULL, hex ? NULL : boundaries, data, FALSE, bounds));
  span[0] = bounds[2] - bounds[0];
  span[1] = bounds[3] - bounds[1];
  for (guint axis = 0; axis < 2; axis++)
    crop[axis] = span[axis] + 2 * MAX (span[axis] * CROP_MARGIN, hex ? 1 : 1000);
  scale = MIN ((body[2] - body[0]) / crop[0], (body[3] - body[1]) / crop[1]);

  ink_span[0] = right - left + 1;
  ink_span[1] = bottom - top + 1;
  gaps[0] = left - body[0];
  gaps[1] = top - body[1];
  gaps[2] = body[2] - (right + 1);
  gaps[3] = body[3] - (bottom + 1);
  g_test_message ("%s: the councils' colours span %.0f × %.0f px at (%d, %d); their bounds, fitted with the margin, "
                  "%.0f × %.0f px; gaps to the body's edges %.0f, %.0f, %.0f, %.0f px", name, ink_span[0],
                  ink_span[1], left, top, span[0] * scale, span[1] * scale, gaps[0], gaps[1], gaps[2], gaps[3]);

  for (guint axis = 0; axis < 2; axis++)
    {
      double margin = MAX (span[axis] * CROP_MARGIN, hex ? 1 : 1000) * scale;

      /* As large as the fit allows: a hex's colour is inside its outline,
       * within its bounds (its centre ± 1 unit, a pointy hex narrower). */
      expected = span[axis] * scale;
      g_assert_cmpfloat (ink_span[axis], <=, expected + 2);
      g_assert_cmpfloat (ink_span[axis], >=, (hex && axis == 0 ? 0.75 : 0.9) * expected);
      /* In the middle of the body, clear of both edges by the margin. */
      g_assert_cmpfloat (fabs (gaps[axis] - gaps[axis + 2]), <=, 3 + (hex ? 0.2 * expected : 0.05 * expected));
      g_assert_cmpfloat (gaps[axis], >=, 0.9 * margin);
      g_assert_cmpfloat (gaps[axis + 2], >=, 0.9 * margin);
    }
}

static void
test_crop_hexes (void)
{
  check_crop (TRUE, (const char *[]) { TRAFFORD, NULL }, "crop-hex-trafford.png");
  check_crop (TRUE, (const char *[]) { TRAFFORD, MANCHESTER, NULL }, "crop-hex-trafford-manchester.png");
  check_crop (TRUE, (const char *[]) { PLYMOUTH, LEEDS, NULL }, "crop-hex-plymouth-leeds.png");
}

static void
test_crop_boundaries (void)
{
  if (boundaries == NULL)
    {
      g_test_skip ("../shared/data/geo is not there");
      return;
    }
  check_crop (FALSE, (const char *[]) { TRAFFORD, NULL }, "crop-geo-trafford.png");
  check_crop (FALSE, (const char *[]) { TRAFFORD, MANCHESTER, NULL }, "crop-geo-trafford-manchester.png");
  check_crop (FALSE, (const char *[]) { PLYMOUTH, LEEDS, NULL }, "crop-geo-plymouth-leeds.png");
}

/* Paper */

typedef struct
{
  const char *code;
  const char *what;
  gboolean    hatched;
  gboolean    blank;
} Area;

static const Area areas[] = {
  { MANCHESTER, "not declared (hatched)", TRUE, FALSE },
  { SHEFFIELD, "partly declared (cross-hatched)", TRUE, FALSE },
  { CORNWALL, "no election (blank)", FALSE, TRUE },
  { BIRMINGHAM, "Labour", FALSE, FALSE },
  { WESTMINSTER, "Conservative", FALSE, FALSE },
  { RICHMOND, "Liberal Democrats", FALSE, FALSE },
  { TRAFFORD, "no overall control", FALSE, FALSE },
};

#define PAPER_WIDTH 1800
#define PAPER_HEIGHT 2000

typedef struct
{
  const TallyMapData *data;
  TallyMapTransform   transform;
} Paper;

static void
draw_paper (cairo_t               *cr,
            double                 width,
            double                 height,
            const TallyChartStyle *style,
            gpointer               user_data)
{
  const Paper *paper = user_data;

  cairo_set_source_rgb (cr, style->page.red, style->page.green, style->page.blue);
  cairo_paint (cr);
  tally_map_paint_hexes (cr, hexes, paper->data, &paper->transform, style, width, height);
}

typedef struct
{
  double low;   /* 10th percentile of L* */
  double high;  /* 90th */
  double mean;
} Tone;

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

/* The lightness of the box round a council's hex, below the middle (clear
 * of its label), from @lightness_at. */
static Tone
tone_of (const Paper *paper,
         const char  *code,
         double     (*lightness_at) (gconstpointer image, int x, int y),
         gconstpointer image)
{
  int index = tally_hex_layout_lookup (hexes, code);
  double map_x, map_y, cx, cy, half = 0.22 * paper->transform.scale, sum = 0;
  g_autoptr(GArray) values = g_array_new (FALSE, FALSE, sizeof (double));
  Tone tone;

  g_assert_cmpint (index, >=, 0);
  tally_hex_layout_get_centre (hexes, index, &map_x, &map_y);
  tally_map_transform_to_canvas (&paper->transform, map_x, map_y, &cx, &cy);
  cy += 0.55 * paper->transform.scale;
  g_assert_cmpfloat (half, >=, 8);
  for (int y = (int) (cy - half); y <= (int) (cy + half); y++)
    for (int x = (int) (cx - half); x <= (int) (cx + half); x++)
      {
        double value = lightness_at (image, x, y);

        g_array_append_val (values, value);
        sum += value;
      }
  g_array_sort (values, compare_doubles);
  tone.low = g_array_index (values, double, values->len / 10);
  tone.high = g_array_index (values, double, values->len * 9 / 10);
  tone.mean = sum / values->len;
  return tone;
}

static double
png_lightness_at (gconstpointer image,
                  int           x,
                  int           y)
{
  cairo_surface_t *surface = (cairo_surface_t *) image;
  const guint8 *pixels = cairo_image_surface_get_data (surface);
  guint32 pixel;

  g_assert_true (x >= 0 && y >= 0 && x < cairo_image_surface_get_width (surface) &&
                 y < cairo_image_surface_get_height (surface));
  pixel = *(const guint32 *) (pixels + y * cairo_image_surface_get_stride (surface) + 4 * x);
  return lightness_of_luminance (0.2126 * linear (((pixel >> 16) & 0xff) / 255.0) +
                                 0.7152 * linear (((pixel >> 8) & 0xff) / 255.0) +
                                 0.0722 * linear ((pixel & 0xff) / 255.0));
}

/* A binary greyscale PGM (P5, 8 bits), as pdftoppm -gray writes it. */
typedef struct
{
  int          width;
  int          height;
  const guint8 *grey;
} Pgm;

static gboolean
pgm_parse (const char *bytes,
           gsize       length,
           Pgm        *pgm)
{
  int fields[3], n = 0;
  const char *at = bytes, *end = bytes + length;

  if (length < 2 || memcmp (bytes, "P5", 2) != 0)
    return FALSE;
  at += 2;
  while (n < 3 && at < end)
    {
      if (g_ascii_isspace (*at))
        at++;
      else if (*at == '#')
        while (at < end && *at != '\n')
          at++;
      else
        {
          char *stop;

          fields[n++] = (int) g_ascii_strtoll (at, &stop, 10);
          at = stop;
        }
    }
  if (n < 3 || fields[2] != 255 || at >= end)
    return FALSE;
  at++;  /* the one whitespace before the pixels */
  if (end - at < (gssize) fields[0] * fields[1])
    return FALSE;
  pgm->width = fields[0];
  pgm->height = fields[1];
  pgm->grey = (const guint8 *) at;
  return TRUE;
}

static double
pgm_lightness_at (gconstpointer image,
                  int           x,
                  int           y)
{
  const Pgm *pgm = image;

  g_assert_true (x >= 0 && y >= 0 && x < pgm->width && y < pgm->height);
  return lightness_of_luminance (linear (pgm->grey[y * pgm->width + x] / 255.0));
}

static void
check_tones (const char *where,
             const Paper *paper,
             double     (*lightness_at) (gconstpointer image, int x, int y),
             gconstpointer image)
{
  Tone tones[G_N_ELEMENTS (areas)], blank = { 0 };

  for (guint i = 0; i < G_N_ELEMENTS (areas); i++)
    {
      tones[i] = tone_of (paper, areas[i].code, lightness_at, image);
      g_test_message ("%s, %s: L* %.1f to %.1f, mean %.1f", where, areas[i].what, tones[i].low, tones[i].high,
                      tones[i].mean);
      if (areas[i].blank)
        blank = tones[i];
    }

  /* One set of lines and two tell apart. */
  g_assert_cmpfloat (tones[0].mean - tones[1].mean, >=, MEAN_FLOOR);

  for (guint i = 0; i < G_N_ELEMENTS (areas); i++)
    if (areas[i].hatched)
      {
        /* The lines show: darker than the gaps by the floor, and the area
         * as a whole apart from the blank of no election. */
        g_assert_cmpfloat (tones[i].high - tones[i].low, >=, HATCH_CONTRAST_FLOOR);
        g_assert_cmpfloat (blank.mean - tones[i].mean, >=, MEAN_FLOOR);
      }
    else
      {
        /* Flat: one tone, where the hatching has two. */
        g_assert_cmpfloat (tones[i].high - tones[i].low, <=, 2);
        /* A party's colour never prints as the blank of no election. */
        if (!areas[i].blank)
          g_assert_cmpfloat (blank.mean - tones[i].mean, >=, 12);
      }
}

static void
test_hatching_on_paper (void)
{
  g_autoptr(TallyMapData) data = map_data (NULL);
  g_autofree char *dir = tally_test_make_temp_dir ();
  g_autofree char *pdf_path = g_build_filename (dir, "paper.pdf", NULL);
  g_autofree char *prefix = g_build_filename (dir, "paper", NULL);
  g_autofree char *pgm_path = g_build_filename (dir, "paper-1.pgm", NULL);
  g_autofree char *pdftoppm = g_find_program_in_path ("pdftoppm");
  g_autoptr(GError) error = NULL;
  Paper paper = { data };
  TallyExportFigure figure;
  TallyExportOptions options;
  cairo_surface_t *surface;
  double min_x, min_y, max_x, max_y;

  /* As tally_map_data_mark_night() leaves them: no colour, hatched. */
  for (guint i = 0; i < 2; i++)
    {
      TallyMapArea *area = (TallyMapArea *) tally_map_data_lookup (data, areas[i].code);

      g_assert_true (area->has_value);
      area->has_value = FALSE;
      area->progress = i == 0 ? TALLY_MAP_NOT_DECLARED : TALLY_MAP_PARTLY_DECLARED;
    }
  g_assert_false (tally_map_data_lookup (data, CORNWALL)->has_value);

  g_assert_true (tally_hex_layout_get_bounds (hexes, &min_x, &min_y, &max_x, &max_y));
  tally_map_transform_fit (&paper.transform, min_x, min_y, max_x, max_y, 10, 10, PAPER_WIDTH - 20,
                           PAPER_HEIGHT - 20);

  tally_export_options_init (&options);
  options.preset = TALLY_EXPORT_PRESET_CUSTOM;
  options.unit = TALLY_EXPORT_UNIT_PX;
  options.width = PAPER_WIDTH;
  options.height = PAPER_HEIGHT;
  tally_export_figure_init_custom (&figure, draw_paper, &paper, &data->heading);

  surface = tally_export_render_image (&figure, &options, 1, &error);
  g_assert_no_error (error);
  write_png (surface, "paper.png");
  check_tones ("PNG", &paper, png_lightness_at, surface);
  cairo_surface_destroy (surface);

  options.format = TALLY_EXPORT_FORMAT_PDF;
  g_assert_true (tally_export_write (&figure, &options, pdf_path, TALLY_EXPORT_OVERWRITE, NULL, &error));
  g_assert_no_error (error);
  if (pdftoppm == NULL)
    g_test_message ("pdftoppm is not installed (poppler-utils): the PDF's greyscale check is skipped");
  else
    {
      /* 96 dpi: one pixel a CSS pixel, the PDF's 0.75 pt. */
      const char *argv[] = { pdftoppm, "-gray", "-r", "96", pdf_path, prefix, NULL };
      g_autofree char *bytes = NULL;
      int wait_status = 0;
      gsize length;
      Pgm pgm;

      g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDOUT_TO_DEV_NULL, NULL, NULL, NULL, NULL,
                                   &wait_status, &error));
      g_assert_no_error (error);
      g_assert_true (g_spawn_check_wait_status (wait_status, NULL));
      g_assert_true (g_file_get_contents (pgm_path, &bytes, &length, &error));
      g_assert_no_error (error);
      g_assert_true (pgm_parse (bytes, length, &pgm));
      g_assert_cmpint (pgm.width, ==, PAPER_WIDTH);
      g_assert_cmpint (pgm.height, ==, PAPER_HEIGHT);
      check_tones ("PDF in greyscale", &paper, pgm_lightness_at, &pgm);
    }

  /* Over the hatching, each label is ringed in the page colour (a stroke
   * under its fill in SVG), so the lines do not run through its letters;
   * a council in its colour needs no ring. */
  {
    g_autofree char *svg_path = g_build_filename (dir, "paper.svg", NULL);
    g_autofree char *svg = NULL;

    options.format = TALLY_EXPORT_FORMAT_SVG;
    g_assert_true (tally_export_write (&figure, &options, svg_path, TALLY_EXPORT_OVERWRITE, NULL, &error));
    g_assert_no_error (error);
    g_assert_true (g_file_get_contents (svg_path, &svg, NULL, &error));
    g_assert_no_error (error);

    for (guint i = 0; i < G_N_ELEMENTS (areas); i++)
      {
        const TallyMapArea *area = tally_map_data_lookup (data, areas[i].code);
        g_autofree char *content = g_strdup_printf (">%s</text>", area->short_label);
        const char *end = strstr (svg, content), *start;
        g_autofree char *element = NULL;

        g_assert_nonnull (end);
        for (start = end; start > svg && !g_str_has_prefix (start, "<text"); start--)
          ;
        element = g_strndup (start, end - start);
        g_test_message ("%s: %s", areas[i].what, element);
        g_assert_cmpint (strstr (element, " stroke=") != NULL, ==, area->progress != TALLY_MAP_DECLARED);
      }
  }

  tally_test_remove_dir (dir);
}

/* Whole names in hexes break between words (or after a hyphen), never
 * inside one ("Hammersmi / th and Fulham"): at every radius that shows
 * whole names, each word the SVG writes is a word of some council's name,
 * or ends in an ellipsis. */
static void
test_whole_names (void)
{
  g_autoptr(TallyMapData) data = map_data (NULL);
  g_autoptr(GHashTable) words = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autofree char *dir = tally_test_make_temp_dir ();
  g_autofree char *svg_path = g_build_filename (dir, "names.svg", NULL);
  GListModel *councils = tally_catalog_get_councils (bundled.catalog);
  double min_x, min_y, max_x, max_y;

  for (guint i = 0; i < g_list_model_get_n_items (councils); i++)
    {
      g_autoptr(TallyCouncil) council = g_list_model_get_item (councils, i);
      const TallyMapArea *area = tally_map_data_lookup (data, tally_council_get_code (council));
      /* As the map names it, and as the SVG writes it: "&" and "'" escaped. */
      g_autofree char *escaped = g_markup_escape_text (area ? area->name : tally_council_get_name (council), -1);
      g_auto(GStrv) parts = g_strsplit_set (escaped, " -", -1);

      for (guint j = 0; parts[j] != NULL; j++)
        g_hash_table_add (words, g_strdup (parts[j]));
    }

  g_assert_true (tally_hex_layout_get_bounds (hexes, &min_x, &min_y, &max_x, &max_y));
  for (double radius = 45; radius <= 65; radius += 4)
    {
      int width = (int) ((max_x - min_x) * radius) + 40, height = (int) ((max_y - min_y) * radius) + 40;
      Paper paper = { data };
      TallyExportFigure figure;
      TallyExportOptions options;
      g_autoptr(GError) error = NULL;
      g_autofree char *svg = NULL;
      guint n_names = 0;

      tally_map_transform_fit (&paper.transform, min_x, min_y, max_x, max_y, 20, 20, width - 40, height - 40);
      g_assert_cmpfloat (fabs (paper.transform.scale - radius), <, 1);
      tally_export_options_init (&options);
      options.preset = TALLY_EXPORT_PRESET_CUSTOM;
      options.unit = TALLY_EXPORT_UNIT_PX;
      options.width = width;
      options.height = height;
      options.format = TALLY_EXPORT_FORMAT_SVG;
      tally_export_figure_init_custom (&figure, draw_paper, &paper, &data->heading);
      g_assert_true (tally_export_write (&figure, &options, svg_path, TALLY_EXPORT_OVERWRITE, NULL, &error));
      g_assert_no_error (error);
      g_assert_true (g_file_get_contents (svg_path, &svg, NULL, &error));
      g_assert_no_error (error);

      /* Every line of text (a <text>, its <tspan>s' runs joined), word by
       * word. */
      for (const char *at = strstr (svg, "<text"); at != NULL; at = strstr (at + 1, "<text"))
        {
          const char *start = strchr (at, '>'), *end = strstr (at, "</text>");
          GString *content = g_string_new (NULL);
          g_auto(GStrv) parts = NULL;
          gboolean in_tag = FALSE;

          g_assert_nonnull (start);
          g_assert_nonnull (end);
          for (const char *c = start + 1; c < end; c++)
            {
              if (*c == '<' || *c == '>')
                in_tag = *c == '<';
              else if (!in_tag)
                g_string_append_c (content, *c);
            }
          /* A break after a hyphen is a break between words. */
          parts = g_strsplit_set (content->str, " -", -1);
          for (guint j = 0; parts[j] != NULL; j++)
            {
              if (*parts[j] == '\0' || g_str_has_suffix (parts[j], "…") ||
                  g_hash_table_contains (words, parts[j]))
                continue;
              g_error ("at a radius of %.0f px a name is broken inside a word: “%s” in “%s”", radius, parts[j],
                       content->str);
            }
          g_string_free (content, TRUE);
          n_names++;
        }
      g_assert_cmpuint (n_names, >=, 150);
    }

  tally_test_remove_dir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  int status;

  g_test_init (&argc, &argv, NULL);

  tally_test_bundled_open (&bundled);
  hexes = tally_hexgen_generate_for_councils (tally_catalog_get_councils (bundled.catalog), &error);
  g_assert_no_error (error);

  path = tally_test_shared_data_path ("geo/lad2018/lad2018_england_bgc_bng.geojson");
  if (path != NULL)
    {
      g_autoptr(TallyGeoFile) file = tally_geo_file_load (path, NULL, NULL, &error);

      g_assert_no_error (error);
      boundaries = tally_boundaries_new_from_file (file);
    }

  g_test_add_func ("/map-export/crop-hexes", test_crop_hexes);
  g_test_add_func ("/map-export/crop-boundaries", test_crop_boundaries);
  g_test_add_func ("/map-export/hatching-on-paper", test_hatching_on_paper);
  g_test_add_func ("/map-export/whole-names", test_whole_names);

  status = g_test_run ();

  g_clear_object (&boundaries);
  g_clear_object (&hexes);
  tally_test_bundled_close (&bundled);
  return status;
}
