/* test-export-charts.c: charts written to PNG, SVG and PDF, and read back.
 *
 * No display.  Each format is written through tally-export.c and the file
 * is read back as a reader would: the PNG decoded and its pixels sampled
 * where the layout puts Trafford's seats; the SVG parsed as XML; the PDF's
 * page box read from the file, and by pdfinfo and pdffonts where
 * poppler-utils are installed (those assertions are skipped, with a
 * message, where they are not).  Last every chart kind in every format.
 * What export promises about files is in test-export.c.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <cairo.h>
#include <glib/gstdio.h>
#include <math.h>
#include <string.h>

#include "tally-catalog.h"
#include "tally-chart-adapt.h"
#include "tally-council.h"
#include "tally-council-result.h"
#include "tally-database.h"
#include "tally-election.h"
#include "tally-export.h"
#include "tally-filter.h"
#include "tally-hemicycle.h"
#include "tally-party.h"
#include "tally-results.h"
#include "tally-test-util.h"

#define TRAFFORD "E08000009"

static TallyTestBundled bundled;
static TallyCatalog *catalog;   /* bundled's, for short */
static TallyResults *results;

typedef TallyTestFolder Fixture;

/* Helpers */

static TallySeatChartData *
trafford_hemicycle (void)
{
  return tally_chart_adapt_composition (tally_test_bundled_lookup (&bundled, TRAFFORD),
                                        tally_catalog_get_parties (catalog));
}

static guint32
pixel_at (cairo_surface_t *surface,
          double           x,
          double           y)
{
  int stride = cairo_image_surface_get_stride (surface);
  const guchar *data = cairo_image_surface_get_data (surface);
  int column = (int) floor (x), row = (int) floor (y);

  g_assert_cmpint (column, >=, 0);
  g_assert_cmpint (row, >=, 0);
  g_assert_cmpint (column, <, cairo_image_surface_get_width (surface));
  g_assert_cmpint (row, <, cairo_image_surface_get_height (surface));

  return ((const guint32 *) (data + row * stride))[column];
}

/* ARGB32 as "#RRGGBB", or "transparent". */
static char *
describe_pixel (guint32 pixel)
{
  if ((pixel >> 24) == 0)
    return g_strdup ("transparent");
  g_assert_cmpuint (pixel >> 24, ==, 0xff);
  return g_strdup_printf ("#%06X", pixel & 0xffffff);
}

static gboolean
find_program (const char *name,
              char      **path)
{
  *path = g_find_program_in_path (name);
  if (*path == NULL)
    g_test_message ("%s is not installed (poppler-utils): its check is skipped", name);
  return *path != NULL;
}

static char *
run_program (const char *program,
             const char *argument)
{
  g_autoptr(GError) error = NULL;
  const char *argv[] = { program, argument, NULL };
  char *out = NULL;
  int status;

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL, &out, NULL, &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  return out;
}

/* strstr() for a file that holds NUL bytes (a PDF's binary streams). */
static const char *
find_bytes (const char *haystack,
            gsize       length,
            const char *needle)
{
  gsize needle_length = strlen (needle);

  for (gsize i = 0; i + needle_length <= length; i++)
    if (memcmp (haystack + i, needle, needle_length) == 0)
      return haystack + i;

  return NULL;
}

/* The first /MediaBox of a PDF, in points. */
static void
read_media_box (const char *pdf,
                gsize       length,
                double     *width,
                double     *height)
{
  const char *box = find_bytes (pdf, length, "/MediaBox");
  double numbers[4];
  char *end;

  g_assert_nonnull (box);
  box = strchr (box, '[');
  g_assert_nonnull (box);
  box++;
  for (guint i = 0; i < 4; i++)
    {
      numbers[i] = g_ascii_strtod (box, &end);
      g_assert_true (end != box);
      box = end;
    }
  *width = numbers[2] - numbers[0];
  *height = numbers[3] - numbers[1];
}

/* PNG */

/* Every seat elected this year is drawn in its party's colour at its
 * centre: Labour #E4003B, Conservative #0087DC (DESIGN.md's defaults). */
static void
check_trafford_seats (cairo_surface_t          *surface,
                      const TallySeatChartData *data,
                      const TallyExportOptions *options,
                      double                    scale)
{
  g_autoptr(TallyChartLayout) layout = NULL;
  const TallyHemicycleLayout *hemicycle;
  TallyChartStyle style;
  double width, height;
  guint n_lab = 0, n_con = 0;

  tally_export_options_get_canvas (options, &width, &height);
  tally_export_options_get_style (options, &style);
  layout = tally_chart_layout_new (TALLY_CHART_HEMICYCLE, data, &style, width, height);
  hemicycle = tally_chart_layout_get_chart_layout (layout);

  for (guint seat = 0; seat < data->total; seat++)
    {
      double x, y, radius;
      gboolean up;
      int item = tally_hemicycle_layout_get_seat (hemicycle, seat, &x, &y, &radius, &up);
      const char *key = data->entries[item].party.key;
      g_autofree char *colour = NULL;

      g_assert_cmpint (item, >=, 0);
      if (!up)
        continue;

      colour = describe_pixel (pixel_at (surface, x * scale, y * scale));
      if (g_str_equal (key, "LAB"))
        {
          g_assert_cmpstr (colour, ==, "#E4003B");
          n_lab++;
        }
      else if (g_str_equal (key, "CON"))
        {
          g_assert_cmpstr (colour, ==, "#0087DC");
          n_con++;
        }
    }

  /* Trafford elected a third in 2018: 14 Labour, 5 Conservatives among them. */
  g_assert_cmpuint (n_lab, >, 5);
  g_assert_cmpuint (n_con, >, 2);
}

static void
test_png (Fixture       *fixture,
          gconstpointer  user_data)
{
  g_autoptr(TallySeatChartData) data = trafford_hemicycle ();
  TallyExportOptions options;
  const struct
  {
    double               scale;
    TallyChartBackground background;
    const char          *page;
  } cases[] = {
    { 1, TALLY_CHART_BACKGROUND_LIGHT, "#FFFFFF" },
    { 2, TALLY_CHART_BACKGROUND_DARK, "#242424" },
    { 3, TALLY_CHART_BACKGROUND_TRANSPARENT, "transparent" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *name = g_strdup_printf ("trafford-%g.png", cases[i].scale);
      g_autofree char *path = tally_test_folder_path (fixture, name);
      g_autofree char *corner = NULL;
      g_autoptr(GError) error = NULL;
      cairo_surface_t *surface;

      tally_export_options_init (&options);
      options.format = TALLY_EXPORT_FORMAT_PNG;
      options.scale = cases[i].scale;
      options.background = cases[i].background;
      g_assert_true (tally_export_write_chart (TALLY_CHART_HEMICYCLE, data, &options, path,
                                               TALLY_EXPORT_FLAGS_NONE, NULL, &error));
      g_assert_no_error (error);

      surface = cairo_image_surface_create_from_png (path);
      g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
      g_assert_cmpint (cairo_image_surface_get_width (surface), ==, 1200 * cases[i].scale);
      g_assert_cmpint (cairo_image_surface_get_height (surface), ==, 675 * cases[i].scale);

      corner = describe_pixel (pixel_at (surface, 2, 2));
      g_assert_cmpstr (corner, ==, cases[i].page);
      check_trafford_seats (surface, data, &options, cases[i].scale);
      cairo_surface_destroy (surface);
    }

  /* Millimetres in a PNG are at 96 dpi times the scale: A5 landscape. */
  {
    g_autofree char *path = tally_test_folder_path (fixture, "a5.png");
    g_autoptr(GError) error = NULL;
    cairo_surface_t *surface;

    tally_export_options_init (&options);
    tally_export_options_set_preset (&options, TALLY_EXPORT_PRESET_A5_LANDSCAPE);
    options.scale = 2;
    g_assert_true (tally_export_write_chart (TALLY_CHART_HEMICYCLE, data, &options, path,
                                             TALLY_EXPORT_FLAGS_NONE, NULL, &error));
    surface = cairo_image_surface_create_from_png (path);
    g_assert_cmpint (cairo_image_surface_get_width (surface), ==, 1588);  /* 210 mm = 793.7 px */
    g_assert_cmpint (cairo_image_surface_get_height (surface), ==, 1119); /* 148 mm = 559.4 px */
    check_trafford_seats (surface, data, &options, 2);
    cairo_surface_destroy (surface);
  }
}

/* What the clipboard gets: the same drawing at 2×. */
static void
test_render_image (void)
{
  g_autoptr(TallySeatChartData) data = trafford_hemicycle ();
  g_autoptr(GError) error = NULL;
  TallyExportOptions options;
  TallyExportFigure figure;
  cairo_surface_t *surface;

  tally_export_options_init (&options);
  tally_export_options_set_size (&options, "640x400", &error);
  tally_export_figure_init_chart (&figure, TALLY_CHART_HEMICYCLE, data);
  g_assert_cmpstr (tally_export_figure_get_heading (&figure)->title, ==, "Trafford");

  surface = tally_export_render_image (&figure, &options, 2, &error);
  g_assert_no_error (error);
  g_assert_cmpint (cairo_image_surface_get_format (surface), ==, CAIRO_FORMAT_ARGB32);
  g_assert_cmpint (cairo_image_surface_get_width (surface), ==, 1280);
  g_assert_cmpint (cairo_image_surface_get_height (surface), ==, 800);
  check_trafford_seats (surface, data, &options, 2);
  cairo_surface_destroy (surface);

  /* Too large for an image: an error, not a crash. */
  tally_export_options_set_size (&options, "16000x16000", &error);
  g_assert_no_error (error);
  g_assert_null (tally_export_render_image (&figure, &options, 3, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
}

/* SVG */

typedef struct
{
  GHashTable *root;       /* the <svg> element's attributes */
  guint       depth;
  guint       n_symbols;  /* glyphs, outlined once each */
  guint       n_uses;     /* glyphs placed */
  guint       n_paths;
  guint       n_circles;
  GPtrArray  *texts;      /* "font-size font-weight fill: words", one per <text> */
  GString    *attributes; /* of the <text> being read */
  GString    *text;       /* of the element being read */
  char       *title;
  char       *desc;
} SvgReader;

static void
svg_start_cb (GMarkupParseContext  *context,
              const char           *element,
              const char          **names,
              const char          **values,
              gpointer              user_data,
              GError              **error)
{
  SvgReader *reader = user_data;

  if (reader->depth++ == 0)
    {
      g_assert_cmpstr (element, ==, "svg");
      for (guint i = 0; names[i] != NULL; i++)
        g_hash_table_insert (reader->root, g_strdup (names[i]), g_strdup (values[i]));
    }
  else if (g_str_equal (element, "symbol"))
    reader->n_symbols++;
  else if (g_str_equal (element, "use"))
    reader->n_uses++;
  else if (g_str_equal (element, "path"))
    reader->n_paths++;
  else if (g_str_equal (element, "circle"))
    reader->n_circles++;
  else if (g_str_equal (element, "text"))
    {
      const char *keys[] = { "font-size", "font-weight", "fill" };

      g_string_truncate (reader->attributes, 0);
      for (guint k = 0; k < G_N_ELEMENTS (keys); k++)
        {
          const char *value = "-";

          for (guint i = 0; names[i] != NULL; i++)
            if (g_str_equal (names[i], keys[k]))
              value = values[i];
          g_string_append_printf (reader->attributes, "%s%s", k ? " " : "", value);
        }
    }

  g_string_truncate (reader->text, 0);
}

static void
svg_end_cb (GMarkupParseContext  *context,
            const char           *element,
            gpointer              user_data,
            GError              **error)
{
  SvgReader *reader = user_data;

  reader->depth--;
  if (reader->depth == 1 && g_str_equal (element, "title"))
    reader->title = g_strdup (reader->text->str);
  else if (reader->depth == 1 && g_str_equal (element, "desc"))
    reader->desc = g_strdup (reader->text->str);
  else if (g_str_equal (element, "text"))
    g_ptr_array_add (reader->texts, g_strdup_printf ("%s: %s", reader->attributes->str, reader->text->str));
}

static void
svg_text_cb (GMarkupParseContext  *context,
             const char           *text,
             gsize                 length,
             gpointer              user_data,
             GError              **error)
{
  SvgReader *reader = user_data;

  g_string_append_len (reader->text, text, length);
}

static void
read_svg (const char *path,
          SvgReader  *reader)
{
  static const GMarkupParser parser = { svg_start_cb, svg_end_cb, svg_text_cb, NULL, NULL };
  g_autoptr(GMarkupParseContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  gsize length;

  contents = tally_test_read_file (path, &length);
  g_assert_true (g_str_has_prefix (contents, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"));

  *reader = (SvgReader) { 0 };
  reader->root = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  reader->text = g_string_new (NULL);
  reader->attributes = g_string_new (NULL);
  reader->texts = g_ptr_array_new_with_free_func (g_free);
  context = g_markup_parse_context_new (&parser, G_MARKUP_DEFAULT_FLAGS, reader, NULL);
  g_markup_parse_context_parse (context, contents, (gssize) length, &error);
  g_assert_no_error (error);
  g_markup_parse_context_end_parse (context, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (reader->depth, ==, 0);
}

static void
svg_reader_clear (SvgReader *reader)
{
  g_clear_pointer (&reader->root, g_hash_table_unref);
  if (reader->text)
    g_string_free (g_steal_pointer (&reader->text), TRUE);
  if (reader->attributes)
    g_string_free (g_steal_pointer (&reader->attributes), TRUE);
  g_clear_pointer (&reader->texts, g_ptr_array_unref);
  g_clear_pointer (&reader->title, g_free);
  g_clear_pointer (&reader->desc, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (SvgReader, svg_reader_clear)

static gboolean
svg_has_text (const SvgReader *reader,
              const char      *text)
{
  for (guint i = 0; i < reader->texts->len; i++)
    if (g_str_equal (g_ptr_array_index (reader->texts, i), text))
      return TRUE;
  return FALSE;
}

static goffset
file_size (const char *path)
{
  GStatBuf buf;

  g_assert_cmpint (g_stat (path, &buf), ==, 0);
  return buf.st_size;
}

/* A renderer that is not cairo's own (librsvg, as browsers and editors
 * read SVG) draws the words: dark ink where the title is, none beside it. */
static void
svg_check_renders (Fixture    *fixture,
                   const char *path)
{
  g_autofree char *rsvg = NULL;
  g_autofree char *png = tally_test_folder_path (fixture, "rendered.png");
  g_autofree char *err = NULL;
  cairo_surface_t *image;
  guint title_ink = 0, blank_ink = 0;
  int status;

  if (!find_program ("rsvg-convert", &rsvg))
    {
      g_test_message ("rsvg-convert not installed: the SVG is not rendered");
      return;
    }

  g_assert_true (g_spawn_sync (NULL, (char *[]) { rsvg, "-o", png, (char *) path, NULL }, NULL,
                               G_SPAWN_DEFAULT, NULL, NULL, NULL, &err, &status, NULL));
  g_assert_cmpint (status, ==, 0);
  image = cairo_image_surface_create_from_png (png);
  g_assert_cmpint (cairo_surface_status (image), ==, CAIRO_STATUS_SUCCESS);
  g_assert_cmpint (cairo_image_surface_get_width (image), ==, 1200);

  for (int y = 20; y < 45; y++)
    for (int x = 20; x < 300; x++)
      {
        const guint32 *row = (const guint32 *) (cairo_image_surface_get_data (image) +
                                                y * cairo_image_surface_get_stride (image));
        gboolean dark = ((row[x] >> 8) & 0xff) < 0x80;

        if (x < 100)
          title_ink += dark;
        else if (x >= 200)
          blank_ink += dark;
      }
  cairo_surface_destroy (image);
  g_assert_cmpuint (title_ink, >, 100);
  g_assert_cmpuint (blank_ink, ==, 0);
}

static void
test_svg (Fixture       *fixture,
          gconstpointer  user_data)
{
  g_autoptr(TallySeatChartData) data = trafford_hemicycle ();
  g_autofree char *path = tally_test_folder_path (fixture, "trafford.svg");
  g_autofree char *a4_path = tally_test_folder_path (fixture, "trafford-a4.svg");
  g_autoptr(GError) error = NULL;
  g_auto(SvgReader) reader = { 0 };
  g_auto(SvgReader) a4 = { 0 };
  TallyExportOptions options;

  tally_export_options_init (&options);
  options.format = TALLY_EXPORT_FORMAT_SVG;
  options.subtitle = "Labour & Conservatives <tied>";
  g_assert_true (tally_export_write_chart (TALLY_CHART_HEMICYCLE, data, &options, path,
                                           TALLY_EXPORT_FLAGS_NONE, NULL, &error));
  g_assert_no_error (error);

  read_svg (path, &reader);
  g_assert_cmpstr (g_hash_table_lookup (reader.root, "width"), ==, "1200px");
  g_assert_cmpstr (g_hash_table_lookup (reader.root, "height"), ==, "675px");
  g_assert_cmpstr (g_hash_table_lookup (reader.root, "viewBox"), ==, "0 0 1200 675");

  /* Text is words an editor can change, with its font, size, weight and
   * colour, not glyph outlines; seats are circles, and so are the
   * swatches of the legend (four parties) and of its key (two seats elected
   * this year, two not up); the heading is also in <title> and <desc>,
   * escaped.  And it is small. */
  g_assert_cmpuint (reader.n_symbols, ==, 0);
  g_assert_cmpuint (reader.n_uses, ==, 0);
  g_assert_cmpuint (reader.n_circles, ==, 63 + 4 + 4);
  g_assert_true (svg_has_text (&reader, "20 700 #1e1e1e: Trafford"));
  g_assert_true (svg_has_text (&reader, "14 - #5e5c64: Labour & Conservatives <tied>"));
  g_assert_true (svg_has_text (&reader, "30 700 #1e1e1e: 63"));
  g_assert_true (svg_has_text (&reader, "11.5 - #5e5c64: 32 for a majority"));
  g_assert_cmpuint (file_size (path), <=, 10 * 1024);
  g_assert_cmpstr (reader.title, ==, "Trafford");
  g_assert_cmpstr (reader.desc, ==, "Labour & Conservatives <tied>. Source: Democracy Club, LEAP; chart: Tally");

  /* Print sizes keep their millimetres. */
  tally_export_options_set_preset (&options, TALLY_EXPORT_PRESET_A4_PORTRAIT);
  options.title = "";
  g_assert_true (tally_export_write_chart (TALLY_CHART_HEMICYCLE, data, &options, a4_path,
                                           TALLY_EXPORT_FLAGS_NONE, NULL, &error));
  read_svg (a4_path, &a4);
  g_assert_cmpstr (g_hash_table_lookup (a4.root, "width"), ==, "210mm");
  g_assert_cmpstr (g_hash_table_lookup (a4.root, "height"), ==, "297mm");
  g_assert_cmpstr (g_hash_table_lookup (a4.root, "viewBox"), ==, "0 0 210 297");
  /* An empty title is no title; type is sized in the document's
   * millimetres, and grows with the page (14 px × 793.7 / 675 = 16.5 px = 4.36 mm). */
  g_assert_null (a4.title);
  g_assert_true (svg_has_text (&a4, "4.36 - #5e5c64: Labour & Conservatives <tied>"));
  /* A tall page sets the legend as a party table: the 63 seats, a swatch
   * for each of the four parties, and the key's four. */
  g_assert_cmpuint (a4.n_circles, ==, 63 + 4 + 4);

  svg_check_renders (fixture, path);
}

/* True when some text of the SVG ends with @words, whatever its font. */
static gboolean
svg_has_words (const SvgReader *reader,
               const char      *words)
{
  for (guint i = 0; i < reader->texts->len; i++)
    {
      const char *text = g_ptr_array_index (reader->texts, i);
      const char *colon = strstr (text, ": ");

      if (colon != NULL && g_str_equal (colon + 2, words))
        return TRUE;
    }
  return FALSE;
}

/* Trafford's seats won: Labour gained on 2014 and the Conservatives lost,
 * so the key names both the pale bar and the notch, as words in the SVG. */
static void
test_svg_seat_bars_key (Fixture       *fixture,
                        gconstpointer  user_data)
{
  g_autoptr(TallySeatChartData) data = NULL;
  g_autofree char *path = tally_test_folder_path (fixture, "trafford-seats.svg");
  g_autoptr(GError) error = NULL;
  g_auto(SvgReader) reader = { 0 };
  TallyExportOptions options;
  gboolean lost = FALSE, gained = FALSE;

  data = tally_chart_adapt_seats_won (tally_test_bundled_lookup (&bundled, TRAFFORD),
                                      tally_catalog_get_parties (catalog));
  g_assert_true (data->has_change);
  for (guint i = 0; i < data->n_entries; i++)
    {
      lost |= data->entries[i].change < 0;
      gained |= data->entries[i].change > 0 && (int) data->entries[i].seats > data->entries[i].change;
    }
  g_assert_true (lost);
  g_assert_true (gained);

  tally_export_options_init (&options);
  options.format = TALLY_EXPORT_FORMAT_SVG;
  g_assert_true (tally_export_write_chart (TALLY_CHART_SEAT_BARS, data, &options, path,
                                           TALLY_EXPORT_FLAGS_NONE, NULL, &error));
  g_assert_no_error (error);
  read_svg (path, &reader);
  g_assert_true (svg_has_words (&reader, "Lost since 2014"));
  g_assert_true (svg_has_words (&reader, "Where it stood in 2014"));
}

/* PDF */

static void
test_pdf (Fixture       *fixture,
          gconstpointer  user_data)
{
  g_autoptr(TallySeatChartData) data = trafford_hemicycle ();
  g_autofree char *pdfinfo = NULL;
  g_autofree char *pdffonts = NULL;
  gboolean have_pdfinfo = find_program ("pdfinfo", &pdfinfo);
  gboolean have_pdffonts = find_program ("pdffonts", &pdffonts);
  const struct
  {
    TallyExportPreset  preset;
    double             width;
    double             height;
    const char        *pdfinfo_size;
  } cases[] = {
    { TALLY_EXPORT_PRESET_A4_PORTRAIT, 595.28, 841.89, "Page size:       595.276 x 841.89 pts (A4)" },
    { TALLY_EXPORT_PRESET_A4_LANDSCAPE, 841.89, 595.28, "Page size:       841.89 x 595.276 pts (A4)" },
    { TALLY_EXPORT_PRESET_A5_PORTRAIT, 419.53, 595.28, "Page size:       419.528 x 595.276 pts" },
    { TALLY_EXPORT_PRESET_A5_LANDSCAPE, 595.28, 419.53, "Page size:       595.276 x 419.528 pts" },
    { TALLY_EXPORT_PRESET_WEB, 900, 506.25, "Page size:       900 x 506.25 pts" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *name = g_strdup_printf ("trafford-%s.pdf", tally_export_preset_to_string (cases[i].preset));
      g_autofree char *path = tally_test_folder_path (fixture, name);
      g_autofree char *contents = NULL;
      g_autoptr(GError) error = NULL;
      TallyExportOptions options;
      double width, height;
      gsize length;

      tally_export_options_init (&options);
      options.format = TALLY_EXPORT_FORMAT_PDF;
      tally_export_options_set_preset (&options, cases[i].preset);
      g_assert_true (tally_export_write_chart (TALLY_CHART_HEMICYCLE, data, &options, path,
                                               TALLY_EXPORT_FLAGS_NONE, NULL, &error));
      g_assert_no_error (error);

      contents = tally_test_read_file (path, &length);
      g_assert_true (g_str_has_prefix (contents, "%PDF-1."));
      g_assert_nonnull (find_bytes (contents, length, "%%EOF"));
      read_media_box (contents, length, &width, &height);
      g_assert_cmpfloat_with_epsilon (width, cases[i].width, 0.01);
      g_assert_cmpfloat_with_epsilon (height, cases[i].height, 0.01);

      /* Fonts travel with the file: embedded subsets (FontFile2 or 3). */
      g_assert_nonnull (find_bytes (contents, length, "/FontFile"));

      if (have_pdfinfo)
        {
          g_autofree char *info = run_program (pdfinfo, path);

          g_assert_nonnull (strstr (info, cases[i].pdfinfo_size));
          g_assert_nonnull (strstr (info, "Title:           Trafford\n"));
          g_assert_nonnull (strstr (info, "Pages:           1\n"));
        }

      if (have_pdffonts)
        {
          g_autofree char *fonts = run_program (pdffonts, path);
          g_auto(GStrv) lines = g_strsplit (fonts, "\n", -1);
          guint n_fonts = 0;

          /* name type encoding emb sub uni object ID: every font embedded. */
          for (guint j = 2; lines[j] != NULL && lines[j][0] != '\0'; j++)
            {
              g_auto(GStrv) fields = g_strsplit_set (lines[j], " ", -1);
              g_autoptr(GPtrArray) words = g_ptr_array_new ();

              for (guint k = 0; fields[k] != NULL; k++)
                if (fields[k][0] != '\0')
                  g_ptr_array_add (words, fields[k]);
              g_assert_cmpuint (words->len, >=, 7);
              g_assert_cmpstr (g_ptr_array_index (words, words->len - 5), ==, "yes");
              n_fonts++;
            }
          g_assert_cmpuint (n_fonts, >, 0);
        }
    }
}

/* Every chart kind and the background of each format, as the command line
 * and the dialog write them: nothing fails, nothing is empty. */
static void
test_every_kind (Fixture       *fixture,
                 gconstpointer  user_data)
{
  g_autoptr(TallyFilter) filter = tally_filter_new ();
  TallyScopeSummary *summary;
  GListModel *parties = tally_catalog_get_parties (catalog);
  TallyParty *con = tally_catalog_lookup_party (catalog, "CON");
  TallyParty *lab = tally_catalog_lookup_party (catalog, "LAB");
  gpointer charts[TALLY_N_CHART_KINDS];

  tally_results_set_filter (results, filter);
  summary = tally_results_get_summary (results);
  charts[TALLY_CHART_HEMICYCLE] = tally_chart_adapt_composition (tally_test_bundled_lookup (&bundled, TRAFFORD), parties);
  charts[TALLY_CHART_SEAT_BARS] = tally_chart_adapt_seats_won (tally_test_bundled_lookup (&bundled, TRAFFORD), parties);
  charts[TALLY_CHART_WAFFLE] = tally_chart_adapt_scope_seats (summary, parties, "All councils");
  charts[TALLY_CHART_SHARE_BARS] = tally_chart_adapt_scope_shares (summary, parties, TALLY_VOTE_METHOD_TOTAL,
                                                                   TALLY_SHARE_MODE_CHANGE, "All councils");
  charts[TALLY_CHART_SWINGOMETER] = tally_chart_adapt_scope_swing (summary, con, lab, TALLY_VOTE_METHOD_TOTAL,
                                                                   "All councils");
  charts[TALLY_CHART_SWING_SCATTER] = tally_chart_adapt_swing_scatter (tally_scope_summary_get_councils (summary),
                                                                       con, lab, TALLY_VOTE_METHOD_TOTAL, TRUE,
                                                                       TRAFFORD);
  charts[TALLY_CHART_STATE] = tally_chart_adapt_state (summary, parties, "All councils");

  for (TallyChartKind kind = 0; kind < TALLY_N_CHART_KINDS; kind++)
    {
      for (TallyExportFormat format = 0; format < TALLY_EXPORT_N_FORMATS; format++)
        {
          g_autofree char *name = tally_export_make_file_name (NULL, tally_chart_kind_to_string (kind), format);
          g_autofree char *path = tally_test_folder_path (fixture, name);
          g_autoptr(GError) error = NULL;
          TallyExportOptions options;
          GStatBuf status;

          tally_export_options_init (&options);
          options.format = format;
          options.background = (TallyChartBackground) ((kind + format) % 3);
          tally_export_options_set_preset (&options, (TallyExportPreset) ((kind + format) % TALLY_EXPORT_PRESET_CUSTOM));
          g_assert_true (tally_export_write_chart (kind, charts[kind], &options, path, TALLY_EXPORT_FLAGS_NONE,
                                                   NULL, &error));
          g_assert_no_error (error);
          g_assert_cmpint (g_stat (path, &status), ==, 0);
          g_assert_cmpint (status.st_size, >, 2000);
        }
      tally_chart_data_free (kind, charts[kind]);
    }
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GError) error = NULL;
  int status;

  g_test_init (&argc, &argv, NULL);

  tally_test_bundled_open (&bundled);
  catalog = bundled.catalog;
  results = bundled.results;

  g_test_add_func ("/export/render-image", test_render_image);
#define ADD(path, func) g_test_add (path, Fixture, NULL, tally_test_folder_setup, func, tally_test_folder_teardown)
  ADD ("/export/png", test_png);
  ADD ("/export/svg", test_svg);
  ADD ("/export/svg-seat-bars-key", test_svg_seat_bars_key);
  ADD ("/export/pdf", test_pdf);
  ADD ("/export/every-kind", test_every_kind);
#undef ADD

  status = g_test_run ();

  tally_test_bundled_close (&bundled);
  return status;
}
