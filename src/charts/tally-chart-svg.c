/* tally-chart-svg.c: editable text and plain shapes in exported SVG.
 *
 * cairo's SVG writer turns every glyph into an outline kept in a <symbol>:
 * an editor cannot change a word, and the file is mostly glyphs.  So an
 * SVG export attaches a recorder to its surface; while it is attached, the
 * one drawing path of the charts (_tally_chart_text_paint() and the seat
 * stamps) writes each text run as a <text> element, with its font, size,
 * weight and colour, and each seat as a <circle> or <rect>, instead of
 * handing glyphs and arcs to cairo.  A figure the chart right-aligns or
 * centres (_tally_chart_text_paint_aligned()) keeps that anchor in the
 * file: x is the column's right edge or the middle, with text-anchor
 * "end" or "middle", so an editor's "12" for "2" stays in its column.
 * Everything else (bars, axes, areas) is cairo's own output.  The
 * exporter puts the recorded elements above cairo's, in the order they
 * were drawn: text and seats are drawn last or over nothing else in every
 * chart, so the picture is unchanged.  Screen, PNG and PDF never have a
 * recorder and draw as before (PDF with embedded font subsets): an
 * aligned call there works out the left edge from the layout's width,
 * the same arithmetic the charts did themselves, so the pixels are too.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include "tally-chart-private.h"
#include "tally-chart.h"

static const cairo_user_data_key_t recorder_key;

/**
 * tally_chart_svg_record:
 * @surface: an SVG surface
 * @elements: where the elements go; must outlive the drawing
 *
 * From now on, charts drawn on @surface write their text and seats into
 * @elements as SVG elements instead of drawing them through cairo.
 */
void
tally_chart_svg_record (cairo_surface_t *surface,
                        GString         *elements)
{
  g_return_if_fail (surface != NULL);

  cairo_surface_set_user_data (surface, &recorder_key, elements, NULL);
}

GString *
_tally_chart_svg_recorder (cairo_t *cr)
{
  return cairo_surface_get_user_data (cairo_get_target (cr), &recorder_key);
}

/* Numbers the way SVG reads them: "12.5", not "12.500000" or "12,5".
 * Two decimals, from the value in hundredths rounded to the nearest (ties
 * to even, as printf's "%.2f" rounds them), written digit by digit: a
 * chart writes thousands of coordinates, and printf's floating-point
 * path was a sixth of the 150-council batch (callgrind). */
static void
append_number (GString *out,
               double   value)
{
  double hundredths = nearbyint (value * 100);
  char buffer[32];
  char *p = buffer + sizeof buffer;
  guint64 whole;
  guint fraction;

  if (!isfinite (hundredths) || fabs (hundredths) >= 1e15)
    {
      char text[G_ASCII_DTOSTR_BUF_SIZE];

      g_string_append (out, g_ascii_formatd (text, sizeof text, "%.2f", value));
      return;
    }

  if (hundredths < 0)
    g_string_append_c (out, '-');
  whole = (guint64) fabs (hundredths) / 100;
  fraction = (guint) ((guint64) fabs (hundredths) % 100);

  if (fraction != 0)
    {
      if (fraction % 10 != 0)
        *--p = '0' + fraction % 10;
      *--p = '0' + fraction / 10;
      *--p = '.';
    }
  do
    *--p = '0' + whole % 10;
  while ((whole /= 10) > 0);
  g_string_append_len (out, p, buffer + sizeof buffer - p);
}

static void
append_attribute (GString    *out,
                  const char *name,
                  double      value)
{
  g_string_append_c (out, ' ');
  g_string_append (out, name);
  g_string_append (out, "=\"");
  append_number (out, value);
  g_string_append_c (out, '"');
}

static void
append_colour (GString       *out,
               const char    *name,
               TallyChartRgb  colour,
               double         alpha)
{
  static const char hex[] = "0123456789abcdef";
  const double channels[3] = { colour.red, colour.green, colour.blue };
  char value[8] = "#";

  /* As printf's "#%02x%02x%02x", without printf: a seat is written in a
   * few instructions, not a few thousand. */
  for (guint i = 0; i < 3; i++)
    {
      int channel = (int) round (CLAMP (channels[i], 0, 1) * 255);

      value[1 + 2 * i] = hex[channel >> 4];
      value[2 + 2 * i] = hex[channel & 0xf];
    }
  g_string_append_c (out, ' ');
  g_string_append (out, name);
  g_string_append (out, "=\"");
  g_string_append_len (out, value, 7);
  g_string_append_c (out, '"');
  if (alpha < 0.995)
    {
      g_string_append_c (out, ' ');
      g_string_append (out, name);
      g_string_append (out, "-opacity=\"");
      append_number (out, alpha);
      g_string_append_c (out, '"');
    }
}

/* Where user space point (@x, @y) goes.  A plain scale (mm documents, 2×)
 * is folded into the numbers, returned in @scale; anything else (the
 * swingometer's rotated labels) is a transform attribute. */
static void
place (cairo_t *cr,
       GString *out,
       double  *x,
       double  *y,
       double  *scale)
{
  cairo_matrix_t matrix;

  cairo_get_matrix (cr, &matrix);
  if (matrix.xy == 0 && matrix.yx == 0 && matrix.xx == matrix.yy && matrix.xx > 0)
    {
      cairo_user_to_device (cr, x, y);
      *scale = matrix.xx;
      return;
    }

  g_string_append (out, " transform=\"matrix(");
  append_number (out, matrix.xx);
  g_string_append_c (out, ' ');
  append_number (out, matrix.yx);
  g_string_append_c (out, ' ');
  append_number (out, matrix.xy);
  g_string_append_c (out, ' ');
  append_number (out, matrix.yy);
  g_string_append_c (out, ' ');
  append_number (out, matrix.x0);
  g_string_append_c (out, ' ');
  append_number (out, matrix.y0);
  g_string_append (out, ")\"");
  *scale = 1;
}

static gboolean
run_colour (PangoLayoutRun *run,
            TallyChartRgb  *colour)
{
  for (GSList *l = run->item->analysis.extra_attrs; l != NULL; l = l->next)
    {
      PangoAttribute *attribute = l->data;

      if (attribute->klass->type == PANGO_ATTR_FOREGROUND)
        {
          PangoColor *c = &((PangoAttrColor *) attribute)->color;

          *colour = (TallyChartRgb) { c->red / 65535.0, c->green / 65535.0, c->blue / 65535.0 };
          return TRUE;
        }
    }
  return FALSE;
}

static void
append_font (GString        *out,
             PangoLayoutRun *run,
             double          scale)
{
  PangoFontDescription *description = pango_font_describe_with_absolute_size (run->item->analysis.font);
  const char *family = pango_font_description_get_family (description);
  PangoWeight weight = pango_font_description_get_weight (description);
  g_autofree char *escaped = g_markup_escape_text (family ? family : "sans-serif", -1);

  g_string_append_printf (out, " font-family=\"%s%s\"", escaped, family ? ", sans-serif" : "");
  append_attribute (out, "font-size", scale * pango_font_description_get_size (description) / PANGO_SCALE);
  if (weight != PANGO_WEIGHT_NORMAL)
    g_string_append_printf (out, " font-weight=\"%d\"", (int) weight);
  if (pango_font_description_get_style (description) != PANGO_STYLE_NORMAL)
    g_string_append (out, " font-style=\"italic\"");
  pango_font_description_free (description);
}

/* The words of @run, as SVG character data; a run over all the text an
 * ellipsis hides (Pango shapes it so) is the ellipsis. */
static char *
run_text (PangoLayout    *layout,
          PangoLayoutRun *run)
{
  const char *text = pango_layout_get_text (layout);

  if (pango_layout_is_ellipsized (layout) && run->glyphs->num_glyphs == 1 && run->item->num_chars > 1)
    return g_strdup ("…");
  return g_markup_escape_text (text + run->item->offset, run->item->length);
}

static void
append_halo (GString             *out,
             const TallyChartRgb *halo,
             double               halo_width,
             double               scale)
{
  if (halo == NULL)
    return;
  append_colour (out, "stroke", *halo, 0.9);
  append_attribute (out, "stroke-width", halo_width * scale);
  g_string_append (out, " stroke-linejoin=\"round\" paint-order=\"stroke\"");
}

/* One line of a centred or right-aligned text: one <text> at the line's
 * anchor, the first run's words in it and any further run (another font,
 * or a fallback font's glyph) in a <tspan> that follows on. */
static void
append_aligned_line (cairo_t             *cr,
                     GString             *out,
                     PangoLayout         *layout,
                     PangoLayoutIter     *iter,
                     double               x,
                     double               y,
                     TallyChartAlign      align,
                     TallyChartRgb        colour,
                     double               alpha,
                     const TallyChartRgb *halo,
                     double               halo_width)
{
  PangoLayoutLine *line = pango_layout_iter_get_line_readonly (iter);
  PangoRectangle logical;
  g_autoptr(GPtrArray) words = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) runs = g_ptr_array_new ();
  gboolean preserve = FALSE;
  double anchor_x, baseline_y, scale;

  for (GSList *l = line->runs; l != NULL; l = l->next)
    {
      PangoLayoutRun *run = l->data;

      if (run->item->length == 0)
        continue;
      g_ptr_array_add (words, run_text (layout, run));
      g_ptr_array_add (runs, run);
    }
  /* The line ends where its last word does. */
  while (words->len > 0)
    {
      char *last = g_ptr_array_index (words, words->len - 1);

      g_strchomp (last);
      if (*last != '\0')
        break;
      g_ptr_array_remove_index (words, words->len - 1);
      g_ptr_array_remove_index (runs, runs->len - 1);
    }
  if (words->len == 0)
    return;
  for (guint i = 0; i < words->len; i++)
    {
      const char *word = g_ptr_array_index (words, i);

      preserve |= g_ascii_isspace (word[0]) || g_ascii_isspace (word[strlen (word) - 1]);
    }

  pango_layout_iter_get_line_extents (iter, NULL, &logical);
  anchor_x = x + (double) logical.x / PANGO_SCALE;
  if (align == TALLY_CHART_ALIGN_END)
    anchor_x += (double) logical.width / PANGO_SCALE;
  else
    anchor_x += (double) logical.width / PANGO_SCALE / 2;
  baseline_y = y + (double) pango_layout_iter_get_baseline (iter) / PANGO_SCALE;

  g_string_append (out, "<text");
  place (cr, out, &anchor_x, &baseline_y, &scale);
  append_attribute (out, "x", anchor_x);
  append_attribute (out, "y", baseline_y);
  g_string_append_printf (out, " text-anchor=\"%s\"", align == TALLY_CHART_ALIGN_END ? "end" : "middle");
  for (guint i = 0; i < words->len; i++)
    {
      PangoLayoutRun *run = g_ptr_array_index (runs, i);
      TallyChartRgb fill = colour;

      if (i > 0)
        g_string_append (out, "<tspan");
      append_font (out, run, scale);
      run_colour (run, &fill);
      append_colour (out, "fill", fill, alpha);
      if (i == 0)
        {
          append_halo (out, halo, halo_width, scale);
          if (preserve)
            g_string_append (out, " xml:space=\"preserve\"");
        }
      g_string_append_printf (out, ">%s%s", (char *) g_ptr_array_index (words, i), i > 0 ? "</tspan>" : "");
    }
  g_string_append (out, "</text>\n");
}

/**
 * _tally_chart_svg_text:
 * @x: the left edge of @layout, in user space
 * @align: where the chart anchored it
 * @halo: the page colour ringing the text, or %NULL
 *
 * Writes @layout, drawn at @x, @y in user space, as SVG <text>: a word can
 * be changed in any editor, and the font is named, not drawn.  Text the
 * chart placed from its left edge is one <text> per run of one font, at
 * the run's left edge; centred or right-aligned text is one <text> per
 * line, at the line's middle or right edge with text-anchor, so that it
 * stays centred or in its column when an editor changes it.
 */
void
_tally_chart_svg_text (cairo_t             *cr,
                       GString             *out,
                       PangoLayout         *layout,
                       double               x,
                       double               y,
                       TallyChartAlign      align,
                       TallyChartRgb        colour,
                       double               alpha,
                       const TallyChartRgb *halo,
                       double               halo_width)
{
  PangoLayoutIter *iter = pango_layout_get_iter (layout);

  if (align != TALLY_CHART_ALIGN_START)
    {
      do
        append_aligned_line (cr, out, layout, iter, x, y, align, colour, alpha, halo, halo_width);
      while (pango_layout_iter_next_line (iter));
      pango_layout_iter_free (iter);
      return;
    }

  do
    {
      PangoLayoutRun *run = pango_layout_iter_get_run_readonly (iter);
      PangoRectangle logical;
      TallyChartRgb fill = colour;
      double run_x, run_y, scale;
      g_autofree char *escaped = NULL;

      if (run == NULL || run->item->length == 0)
        continue;

      pango_layout_iter_get_run_extents (iter, NULL, &logical);
      run_x = x + (double) logical.x / PANGO_SCALE;
      run_y = y + (double) pango_layout_iter_get_baseline (iter) / PANGO_SCALE;

      escaped = run_text (layout, run);
      g_strchomp (escaped);
      if (*escaped == '\0')
        continue;

      g_string_append (out, "<text");
      place (cr, out, &run_x, &run_y, &scale);
      append_attribute (out, "x", run_x);
      append_attribute (out, "y", run_y);
      append_font (out, run, scale);
      run_colour (run, &fill);
      append_colour (out, "fill", fill, alpha);
      append_halo (out, halo, halo_width, scale);
      if (g_ascii_isspace (escaped[0]))
        g_string_append (out, " xml:space=\"preserve\"");
      g_string_append_printf (out, ">%s</text>\n", escaped);
    }
  while (pango_layout_iter_next_run (iter));

  pango_layout_iter_free (iter);
}

/**
 * _tally_chart_svg_stamp:
 *
 * Writes one seat as a <circle> (or a <rect>, for the waffle's squares).
 */
void
_tally_chart_svg_stamp (cairo_t               *cr,
                        GString               *out,
                        const TallyChartStamp *stamp,
                        double                 centre_x,
                        double                 centre_y)
{
  gboolean outline = stamp->shape == TALLY_CHART_STAMP_RING || stamp->shape == TALLY_CHART_STAMP_SQUARE_OUTLINE;
  double inset = outline ? stamp->line_width / 2 : 0;
  double scale;

  if (stamp->shape == TALLY_CHART_STAMP_DISC || stamp->shape == TALLY_CHART_STAMP_RING)
    {
      g_string_append (out, "<circle");
      place (cr, out, &centre_x, &centre_y, &scale);
      append_attribute (out, "cx", centre_x);
      append_attribute (out, "cy", centre_y);
      append_attribute (out, "r", scale * (stamp->size / 2 - inset));
    }
  else
    {
      double side = stamp->size - 2 * inset;
      double corner = MIN (stamp->corner, side / 2);

      g_string_append (out, "<rect");
      place (cr, out, &centre_x, &centre_y, &scale);
      append_attribute (out, "x", centre_x - scale * side / 2);
      append_attribute (out, "y", centre_y - scale * side / 2);
      append_attribute (out, "width", scale * side);
      append_attribute (out, "height", scale * side);
      if (corner > 0.01)
        append_attribute (out, "rx", scale * corner);
    }

  if (outline)
    {
      g_string_append (out, " fill=\"none\"");
      append_colour (out, "stroke", stamp->colour, stamp->alpha);
      append_attribute (out, "stroke-width", scale * stamp->line_width);
    }
  else
    append_colour (out, "fill", stamp->colour, stamp->alpha);
  g_string_append (out, "/>\n");
}
