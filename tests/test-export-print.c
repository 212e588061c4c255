/* test-export-print.c: seat charts on paper: the colours an exported PDF
 * paints, as a greyscale printer keeps them.
 *
 * A council elected by thirds with the parties whose colours are hardest
 * to print (the Liberal Democrats' light yellow, the greys of Others and
 * no overall control next to Labour red and Conservative blue).  The
 * hemicycle and the waffle are written as PDF; the test inflates the PDF's
 * streams and reads every fill colour ("r g b rg") and stroke colour
 * ("r g b RG") cairo wrote.  For each party it finds its solid colour
 * (seats won this year) and its pale one (seats not up: a mix of the
 * solid colour and the page), and holds their lightness (CIE L*, the
 * greyscale a printer keeps) at least LIGHTNESS_FLOOR apart, and the pale
 * seat as far from the white paper.  With the print pattern (seats not up
 * as outlines), no pale colour is painted at all: the seats not up are
 * strokes in the party's own colour.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <cairo.h>
#include <gio/gio.h>
#include <math.h>
#include <string.h>

#include "tally-chart-data.h"
#include "tally-export.h"
#include "tally-test-util.h"

/* The smallest lightness difference, in CIE L*, between a party's solid
 * and pale seats, and between a pale seat and the paper.  Half the room
 * the lightest party colour leaves: the Liberal Democrats' #FAA61A is L*
 * 74.6, so 12.7 is the most either gap can be for them. */
#define LIGHTNESS_FLOOR 12.0

static const struct
{
  const char *key;
  const char *colour;
  guint       seats;
  guint       seats_up;
} parties[] = {
  { "LAB", "#E4003B", 20, 8 },
  { "CON", "#0087DC", 15, 5 },
  { "LD", "#FAA61A", 9, 3 },
  { "GRN", "#6AB023", 4, 1 },
  { "OTH", "#9A9996", 3, 1 },
};

static TallySeatChartData *
make_thirds (void)
{
  TallySeatChartData *data = tally_seat_chart_data_new (G_N_ELEMENTS (parties));

  for (guint i = 0; i < G_N_ELEMENTS (parties); i++)
    {
      tally_chart_party_init (&data->entries[i].party, parties[i].key, parties[i].key, parties[i].key,
                              parties[i].colour, parties[i].colour);
      data->entries[i].seats = parties[i].seats;
      data->entries[i].seats_up = parties[i].seats_up;
      data->total += parties[i].seats;
    }
  data->majority = data->total / 2 + 1;
  data->has_seats_up = TRUE;
  tally_chart_heading_set (&data->heading, "Anytown", "Elected by thirds", "Test");
  return data;
}

static double
lightness (const double *rgb)
{
  double linear[3], y;

  for (guint i = 0; i < 3; i++)
    linear[i] = rgb[i] <= 0.04045 ? rgb[i] / 12.92 : pow ((rgb[i] + 0.055) / 1.055, 2.4);
  y = 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2];
  return y > 216.0 / 24389 ? 116 * cbrt (y) - 16 : y * 24389.0 / 27;
}

/* @needle in the @length bytes at @haystack, which may hold NULs. */
static const char *
find_bytes (const char *haystack,
            gsize       length,
            const char *needle)
{
  gsize needle_length = strlen (needle);

  for (gsize i = 0; i + needle_length <= length; i++)
    if (haystack[i] == needle[0] && memcmp (haystack + i, needle, needle_length) == 0)
      return haystack + i;
  return NULL;
}

/* Every stream of @pdf, inflated where it is compressed, one after another. */
static GString *
inflate_streams (const char *pdf,
                 gsize       length)
{
  GString *out = g_string_new (NULL);
  const char *at = pdf, *end = pdf + length;

  while ((at = find_bytes (at, end - at, "stream")) != NULL)
    {
      const char *start = at + strlen ("stream"), *stop;
      g_autoptr(GConverter) inflater = G_CONVERTER (g_zlib_decompressor_new (G_ZLIB_COMPRESSOR_FORMAT_ZLIB));
      g_autofree char *buffer = NULL;
      gsize read = 0, written = 0, size = 1 << 20;

      if (at > pdf && at[-1] == 'd')  /* "endstream" */
        {
          at = start;
          continue;
        }
      while (start < end && (*start == '\r' || *start == '\n'))
        start++;
      stop = find_bytes (start, end - start, "endstream");
      if (stop == NULL)
        break;

      buffer = g_malloc (size);
      if (g_converter_convert (inflater, start, stop - start, buffer, size, G_CONVERTER_INPUT_AT_END, &read,
                               &written, NULL) != G_CONVERTER_ERROR)
        g_string_append_len (out, buffer, written);
      else
        g_string_append_len (out, start, stop - start);
      g_string_append_c (out, '\n');
      at = stop + strlen ("endstream");
    }
  return out;
}

/* The colours set by @operator ("rg" or "RG") in @content, as r, g, b. */
static GArray *
read_colours (GString    *content,
              const char *operator)
{
  g_autofree char *pattern = g_strdup_printf ("(?<![0-9.])([0-9.]+) ([0-9.]+) ([0-9.]+) %s(?![A-Za-z])", operator);
  g_autoptr(GRegex) regex = g_regex_new (pattern, G_REGEX_RAW, 0, NULL);
  g_autoptr(GMatchInfo) match = NULL;
  GArray *colours = g_array_new (FALSE, FALSE, sizeof (double) * 3);

  /* Font streams hold NULs: the whole length, not up to the first. */
  g_regex_match_full (regex, content->str, content->len, 0, 0, &match, NULL);
  while (g_match_info_matches (match))
    {
      double rgb[3];

      for (guint i = 0; i < 3; i++)
        {
          g_autofree char *number = g_match_info_fetch (match, i + 1);

          rgb[i] = g_ascii_strtod (number, NULL);
        }
      g_array_append_vals (colours, rgb, 1);
      g_match_info_next (match, NULL);
    }
  return colours;
}

static void
party_rgb (const char *hex,
           double     *rgb)
{
  TallyChartRgb colour;

  g_assert_true (tally_chart_rgb_parse (hex, &colour));
  rgb[0] = colour.red;
  rgb[1] = colour.green;
  rgb[2] = colour.blue;
}

static gboolean
same_colour (const double *a,
             const double *b)
{
  return fabs (a[0] - b[0]) < 0.004 && fabs (a[1] - b[1]) < 0.004 && fabs (a[2] - b[2]) < 0.004;
}

/* Whether @colour is a mix of white and @solid, neither of them: a pale seat. */
static gboolean
is_pale_of (const double *colour,
            const double *solid)
{
  double amount = -1;

  for (guint i = 0; i < 3; i++)
    if (1 - solid[i] > 0.2)
      {
        amount = (1 - colour[i]) / (1 - solid[i]);
        break;
      }
  if (amount < 0.1 || amount > 0.9)
    return FALSE;
  for (guint i = 0; i < 3; i++)
    if (fabs (1 - amount * (1 - solid[i]) - colour[i]) > 0.006)
      return FALSE;
  return TRUE;
}

static GString *
export_pdf (TallyChartKind kind,
            gboolean       outline,
            const char    *dir)
{
  g_autoptr(TallySeatChartData) data = make_thirds ();
  g_autofree char *path = g_build_filename (dir, outline ? "outline.pdf" : "pale.pdf", NULL);
  g_autofree char *pdf = NULL;
  g_autoptr(GError) error = NULL;
  TallyExportOptions options;
  gsize length;

  tally_export_options_init (&options);
  options.format = TALLY_EXPORT_FORMAT_PDF;
  tally_export_options_set_preset (&options, TALLY_EXPORT_PRESET_A5_LANDSCAPE);
  options.not_up_outline = outline;
  g_assert_true (tally_export_write_chart (kind, data, &options, path, TALLY_EXPORT_OVERWRITE, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &pdf, &length, &error));
  return inflate_streams (pdf, length);
}

static void
test_pale_seats_in_greyscale (gconstpointer data)
{
  TallyChartKind kind = GPOINTER_TO_INT (data);
  g_autofree char *dir = tally_test_make_temp_dir ();
  g_autoptr(GString) content = export_pdf (kind, FALSE, dir);
  g_autoptr(GArray) fills = read_colours (content, "rg");

  g_assert_cmpuint (fills->len, >, 0);

  /* The key of kinds of seat is drawn in party colours, not the pale grey
   * it used to be (the secondary ink at 38%), which read as Others. */
  {
    TallyChartStyle style;
    double old_key[3];

    tally_chart_style_init (&style, TALLY_CHART_BACKGROUND_LIGHT);
    old_key[0] = 1 - 0.38 * (1 - style.ink_secondary.red);
    old_key[1] = 1 - 0.38 * (1 - style.ink_secondary.green);
    old_key[2] = 1 - 0.38 * (1 - style.ink_secondary.blue);
    for (guint i = 0; i < fills->len; i++)
      g_assert_false (same_colour (&g_array_index (fills, double, 3 * i), old_key));
  }

  for (guint p = 0; p < G_N_ELEMENTS (parties); p++)
    {
      double solid[3], pale[3];
      gboolean have_solid = FALSE, have_pale = FALSE;

      party_rgb (parties[p].colour, solid);
      for (guint i = 0; i < fills->len; i++)
        {
          const double *colour = &g_array_index (fills, double, 3 * i);

          if (same_colour (colour, solid))
            have_solid = TRUE;
          else if (!have_pale && is_pale_of (colour, solid))
            {
              memcpy (pale, colour, sizeof pale);
              have_pale = TRUE;
            }
        }
      g_assert_true (have_solid);
      g_assert_true (have_pale);

      g_test_message ("%s: solid L* %.1f, pale L* %.1f: %.1f apart, %.1f from the paper", parties[p].key,
                      lightness (solid), lightness (pale), lightness (pale) - lightness (solid),
                      100 - lightness (pale));
      g_assert_cmpfloat (lightness (pale) - lightness (solid), >=, LIGHTNESS_FLOOR);
      g_assert_cmpfloat (100 - lightness (pale), >=, LIGHTNESS_FLOOR);
    }

  tally_test_remove_dir (dir);
}

static void
test_outline_pattern (gconstpointer data)
{
  TallyChartKind kind = GPOINTER_TO_INT (data);
  g_autofree char *dir = tally_test_make_temp_dir ();
  g_autoptr(GString) content = export_pdf (kind, TRUE, dir);
  g_autoptr(GArray) fills = read_colours (content, "rg");
  g_autoptr(GArray) strokes = read_colours (content, "RG");

  for (guint p = 0; p < G_N_ELEMENTS (parties); p++)
    {
      double solid[3];
      gboolean filled = FALSE, stroked = FALSE;

      party_rgb (parties[p].colour, solid);
      for (guint i = 0; i < fills->len; i++)
        {
          const double *colour = &g_array_index (fills, double, 3 * i);

          filled |= same_colour (colour, solid);
          /* No pale seat anywhere, the key included. */
          g_assert_false (is_pale_of (colour, solid));
        }
      for (guint i = 0; i < strokes->len; i++)
        stroked |= same_colour (&g_array_index (strokes, double, 3 * i), solid);
      g_assert_true (filled);
      g_assert_true (stroked);
    }

  tally_test_remove_dir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_data_func ("/export-print/hemicycle/pale-in-greyscale", GINT_TO_POINTER (TALLY_CHART_HEMICYCLE),
                        test_pale_seats_in_greyscale);
  g_test_add_data_func ("/export-print/waffle/pale-in-greyscale", GINT_TO_POINTER (TALLY_CHART_WAFFLE),
                        test_pale_seats_in_greyscale);
  g_test_add_data_func ("/export-print/hemicycle/outline", GINT_TO_POINTER (TALLY_CHART_HEMICYCLE),
                        test_outline_pattern);
  g_test_add_data_func ("/export-print/waffle/outline", GINT_TO_POINTER (TALLY_CHART_WAFFLE), test_outline_pattern);

  return g_test_run ();
}
