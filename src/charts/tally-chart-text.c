/* tally-chart-text.c: type, frame and small helpers shared by the charts.
 *
 * Text is laid out with hinting of metrics off, so a chart measures the
 * same on an image surface, in SVG and in PDF: what is exported is what is
 * seen.  Figures are tabular, so columns of numbers line up.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include "tally-chart-private.h"
#include "tally-format.h"

static void
context_free (gpointer data)
{
  g_object_unref (data);
}

/* Pango contexts are not thread-safe: one per thread, as the font map is. */
static GPrivate context_key = G_PRIVATE_INIT (context_free);

static PangoContext *
get_context (void)
{
  PangoContext *context = g_private_get (&context_key);

  if (context == NULL)
    {
      PangoFontMap *font_map = pango_cairo_font_map_get_default ();
      cairo_font_options_t *options = cairo_font_options_create ();

      context = pango_font_map_create_context (font_map);
      cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
      cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
      cairo_font_options_set_antialias (options, CAIRO_ANTIALIAS_GRAY);
      pango_cairo_context_set_font_options (context, options);
      pango_cairo_context_set_resolution (context, 96.0);
      pango_context_set_round_glyph_positions (context, FALSE);
      cairo_font_options_destroy (options);

      g_private_set (&context_key, context);
    }

  return context;
}

double
_tally_chart_px (const TallyChartStyle *style,
                 double                 length)
{
  return length * (style->scale > 0 ? style->scale : 1.0);
}

/* The largest a row or cell may be: on screen, a comfortable size; in an
 * export (style->fill), whatever fills the page, within reason, so that a
 * council's four bars take an A4 page and not its top fifth. */
double
_tally_chart_fill_cap (const TallyChartStyle *style,
                       double                 length)
{
  return _tally_chart_px (style, style->fill ? 6 * length : length);
}

static PangoFontDescription *
font_description (const TallyChartStyle *style,
                  TallyChartFont         font)
{
  static const struct
  {
    double      size;
    PangoWeight weight;
  } fonts[] = {
    [TALLY_CHART_FONT_TITLE] = { 20, PANGO_WEIGHT_BOLD },
    [TALLY_CHART_FONT_SUBTITLE] = { 14, PANGO_WEIGHT_NORMAL },
    [TALLY_CHART_FONT_LABEL] = { 13, PANGO_WEIGHT_NORMAL },
    [TALLY_CHART_FONT_LABEL_BOLD] = { 13, PANGO_WEIGHT_BOLD },
    [TALLY_CHART_FONT_SMALL] = { 11.5, PANGO_WEIGHT_NORMAL },
    [TALLY_CHART_FONT_SMALL_BOLD] = { 11.5, PANGO_WEIGHT_BOLD },
    [TALLY_CHART_FONT_FIGURE] = { 30, PANGO_WEIGHT_BOLD },
    [TALLY_CHART_FONT_FIGURE_SMALL] = { 19, PANGO_WEIGHT_BOLD },
  };
  PangoFontDescription *description = pango_font_description_new ();

  pango_font_description_set_family (description,
                                     style->font_family ? style->font_family : TALLY_CHART_DEFAULT_FONT);
  pango_font_description_set_weight (description, fonts[font].weight);
  pango_font_description_set_absolute_size (description,
                                            _tally_chart_px (style, fonts[font].size) * PANGO_SCALE);
  return description;
}

static PangoLayout *
layout_new (const TallyChartStyle *style,
            TallyChartFont         font)
{
  PangoLayout *layout = pango_layout_new (get_context ());
  PangoFontDescription *description = font_description (style, font);
  PangoAttrList *attributes = pango_attr_list_new ();

  pango_attr_list_insert (attributes, pango_attr_font_features_new ("tnum 1"));
  pango_layout_set_attributes (layout, attributes);
  pango_layout_set_font_description (layout, description);

  pango_attr_list_unref (attributes);
  pango_font_description_free (description);

  return layout;
}

PangoLayout *
_tally_chart_text_new (const TallyChartStyle *style,
                       TallyChartFont         font,
                       const char            *text)
{
  PangoLayout *layout = layout_new (style, font);

  pango_layout_set_text (layout, text ? text : "", -1);
  return layout;
}

/* Layouts that many charts of a batch show alike (the source line, the
 * note, "Elected 3 May 2018"), laid out once per thread: a layout keeps
 * its lines once shaped, and shaping is most of a chart's work.  Per
 * thread, as the Pango context is; a few dozen at most, forgotten all at
 * once when there are more. */
#define SHARED_LAYOUTS_MAX 64

static void
shared_free (gpointer data)
{
  g_hash_table_unref (data);
}

static GPrivate shared_key = G_PRIVATE_INIT (shared_free);

/**
 * _tally_chart_text_shared:
 * @width: the width to wrap at, in pixels, or a negative number for none
 * @alignment: how wrapped lines are aligned
 *
 * A layout of @text as _tally_chart_text_new() makes it, wrapped at words
 * to @width, shared with every other call asking for the same on this
 * thread: the caller must not change it.
 *
 * Returns: (transfer full): a reference to the layout
 */
PangoLayout *
_tally_chart_text_shared (const TallyChartStyle *style,
                          TallyChartFont         font,
                          const char            *text,
                          double                 width,
                          PangoAlignment         alignment)
{
  GHashTable *shared = g_private_get (&shared_key);
  int pango_width = width < 0 ? -1 : (int) (width * PANGO_SCALE);
  g_autofree char *key = g_strdup_printf ("%d %a %s %d %d %s", font, _tally_chart_px (style, 1),
                                          style->font_family ? style->font_family : "", pango_width, alignment,
                                          text ? text : "");
  PangoLayout *layout;

  if (shared == NULL)
    {
      shared = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
      g_private_set (&shared_key, shared);
    }
  if ((layout = g_hash_table_lookup (shared, key)) != NULL)
    return g_object_ref (layout);

  if (g_hash_table_size (shared) >= SHARED_LAYOUTS_MAX)
    g_hash_table_remove_all (shared);
  layout = _tally_chart_text_new (style, font, text);
  if (pango_width >= 0)
    {
      pango_layout_set_width (layout, pango_width);
      pango_layout_set_wrap (layout, PANGO_WRAP_WORD);
      pango_layout_set_alignment (layout, alignment);
    }
  g_hash_table_insert (shared, g_steal_pointer (&key), g_object_ref (layout));
  return layout;
}

/* Markup replaces the attribute list, so tabular figures go in again. */
PangoLayout *
_tally_chart_markup_new (const TallyChartStyle *style,
                         TallyChartFont         font,
                         const char            *markup)
{
  PangoLayout *layout = layout_new (style, font);
  PangoAttrList *attributes;

  pango_layout_set_markup (layout, markup ? markup : "", -1);
  attributes = pango_attr_list_copy (pango_layout_get_attributes (layout));
  if (attributes == NULL)
    attributes = pango_attr_list_new ();
  pango_attr_list_insert_before (attributes, pango_attr_font_features_new ("tnum 1"));
  pango_layout_set_attributes (layout, attributes);
  pango_attr_list_unref (attributes);

  return layout;
}

void
_tally_chart_text_size (PangoLayout *layout,
                        double      *width,
                        double      *height)
{
  PangoRectangle logical;

  pango_layout_get_extents (layout, NULL, &logical);
  if (width)
    *width = (double) logical.width / PANGO_SCALE;
  if (height)
    *height = (double) logical.height / PANGO_SCALE;
}

double
_tally_chart_text_width (PangoLayout *layout)
{
  double width;

  _tally_chart_text_size (layout, &width, NULL);
  return width;
}

double
_tally_chart_text_height (PangoLayout *layout)
{
  double height;

  _tally_chart_text_size (layout, NULL, &height);
  return height;
}

double
_tally_chart_text_baseline (PangoLayout *layout)
{
  return (double) pango_layout_get_baseline (layout) / PANGO_SCALE;
}

/* The left edge of @layout when @x is where @align puts it.  A layout
 * that is not given a width has its words from 0, so this is the same
 * arithmetic the charts did at each call before (x - width, x - width / 2),
 * and the pixels are too; one wrapped to a width and centred in it (a map
 * label) is centred by the middle of its lines. */
static double
aligned_left (PangoLayout     *layout,
              double           x,
              TallyChartAlign  align)
{
  PangoRectangle logical;

  if (align == TALLY_CHART_ALIGN_START)
    return x;

  pango_layout_get_extents (layout, NULL, &logical);
  if (align == TALLY_CHART_ALIGN_END)
    return x - ((double) logical.x / PANGO_SCALE + (double) logical.width / PANGO_SCALE);
  return x - ((double) logical.x / PANGO_SCALE + (double) logical.width / PANGO_SCALE / 2);
}

/**
 * _tally_chart_text_paint_aligned:
 * @x: where @align puts the text: its left edge, middle or right edge
 *
 * Paints @layout with its top at @y.  On screen, PNG and PDF, as
 * _tally_chart_text_paint() at the left edge that follows from the
 * layout's width; in SVG, each line's <text> stands at its anchor with
 * text-anchor="middle" or "end", so an editor who types a longer figure
 * sees it grow from the column's edge, not out of it.
 */
void
_tally_chart_text_paint_aligned (cairo_t         *cr,
                                 PangoLayout     *layout,
                                 double           x,
                                 double           y,
                                 TallyChartAlign  align,
                                 TallyChartRgb    colour,
                                 double           alpha)
{
  GString *svg;
  double left;

  if (layout == NULL)
    return;

  left = aligned_left (layout, x, align);
  if ((svg = _tally_chart_svg_recorder (cr)) != NULL)
    {
      _tally_chart_svg_text (cr, svg, layout, left, y, align, colour, alpha, NULL, 0);
      return;
    }

  cairo_save (cr);
  _tally_chart_set_rgb (cr, colour, alpha);
  cairo_move_to (cr, left, y);
  pango_cairo_show_layout (cr, layout);
  /* The path is not part of the saved state: without this the current
   * point survives, and the next arc starts with a line from it, which PDF
   * viewers draw as a hairline. */
  cairo_new_path (cr);
  cairo_restore (cr);
}

void
_tally_chart_text_paint (cairo_t       *cr,
                         PangoLayout   *layout,
                         double         x,
                         double         y,
                         TallyChartRgb  colour,
                         double         alpha)
{
  _tally_chart_text_paint_aligned (cr, layout, x, y, TALLY_CHART_ALIGN_START, colour, alpha);
}

/* Text over marks: ringed in the page colour so it reads over dots. */
void
_tally_chart_text_paint_halo_aligned (cairo_t               *cr,
                                      PangoLayout           *layout,
                                      double                 x,
                                      double                 y,
                                      TallyChartAlign        align,
                                      const TallyChartStyle *style,
                                      TallyChartRgb          colour)
{
  GString *svg;
  double left;

  if (layout == NULL)
    return;

  left = aligned_left (layout, x, align);
  if ((svg = _tally_chart_svg_recorder (cr)) != NULL)
    {
      gboolean ringed = style->background != TALLY_CHART_BACKGROUND_TRANSPARENT;

      _tally_chart_svg_text (cr, svg, layout, left, y, align, colour, 1, ringed ? &style->page : NULL,
                             _tally_chart_px (style, 3.5));
      return;
    }

  if (style->background != TALLY_CHART_BACKGROUND_TRANSPARENT)
    {
      cairo_save (cr);
      cairo_move_to (cr, left, y);
      pango_cairo_layout_path (cr, layout);
      _tally_chart_set_rgb (cr, style->page, 0.9);
      cairo_set_line_width (cr, _tally_chart_px (style, 3.5));
      cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
      cairo_stroke (cr);
      cairo_restore (cr);
    }

  _tally_chart_text_paint_aligned (cr, layout, left, y, TALLY_CHART_ALIGN_START, colour, 1);
}

void
_tally_chart_text_paint_halo (cairo_t               *cr,
                              PangoLayout           *layout,
                              double                 x,
                              double                 y,
                              const TallyChartStyle *style,
                              TallyChartRgb          colour)
{
  _tally_chart_text_paint_halo_aligned (cr, layout, x, y, TALLY_CHART_ALIGN_START, style, colour);
}

/* Frame */

static const char *
heading_text (const char *override,
              const char *text)
{
  const char *chosen = override ? override : text;

  return chosen && *chosen ? chosen : NULL;
}

/**
 * _tally_chart_frame_layout:
 *
 * Places the title, subtitle, note and source line that @style shows, and
 * leaves the rest of the canvas, inside generous margins, to the chart's
 * body.
 */
void
_tally_chart_frame_layout (TallyChartFrame         *frame,
                           const TallyChartStyle   *style,
                           const TallyChartHeading *heading,
                           double                   width,
                           double                   height)
{
  const char *title = heading_text (style->title, heading ? heading->title : NULL);
  const char *subtitle = heading_text (style->subtitle, heading ? heading->subtitle : NULL);
  const char *source = heading_text (style->source, heading ? heading->source : NULL);
  double margin = _tally_chart_px (style, MIN (width, height) < 360 ? 12 : 20);
  double text_width = MAX (width - 2 * margin, 1);
  double y = margin;
  double bottom = height - margin;

  memset (frame, 0, sizeof *frame);
  frame->width = width;
  frame->height = height;
  frame->margin = margin;

  if (style->show_title && title)
    {
      frame->title = _tally_chart_text_shared (style, TALLY_CHART_FONT_TITLE, title, text_width, PANGO_ALIGN_LEFT);
      frame->title_y = y;
      y += _tally_chart_text_height (frame->title) + _tally_chart_px (style, 2);
    }

  if (style->show_subtitle && subtitle)
    {
      frame->subtitle = _tally_chart_text_shared (style, TALLY_CHART_FONT_SUBTITLE, subtitle, text_width, PANGO_ALIGN_LEFT);
      frame->subtitle_y = y;
      y += _tally_chart_text_height (frame->subtitle);
    }

  if (frame->title || frame->subtitle)
    y += _tally_chart_px (style, 14);

  if (style->show_source && source)
    {
      frame->source = _tally_chart_text_shared (style, TALLY_CHART_FONT_SMALL, source, text_width, PANGO_ALIGN_LEFT);
      frame->source_y = bottom - _tally_chart_text_height (frame->source);
      bottom = frame->source_y - _tally_chart_px (style, 12);
    }

  if (style->note != NULL && *style->note != '\0')
    {
      frame->note = _tally_chart_text_shared (style, TALLY_CHART_FONT_SMALL, style->note, text_width, PANGO_ALIGN_LEFT);
      /* Just over the source line, as a footnote. */
      frame->note_y = bottom - _tally_chart_text_height (frame->note) + (frame->source ? _tally_chart_px (style, 8) : 0);
      bottom = frame->note_y - _tally_chart_px (style, 12);
    }

  frame->body = (TallyChartRect) { margin, y, text_width, MAX (bottom - y, 1) };
}

void
_tally_chart_frame_paint (cairo_t               *cr,
                          const TallyChartFrame *frame,
                          const TallyChartStyle *style)
{
  if (style->background != TALLY_CHART_BACKGROUND_TRANSPARENT)
    {
      cairo_save (cr);
      _tally_chart_set_rgb (cr, style->page, 1);
      cairo_rectangle (cr, 0, 0, frame->width, frame->height);
      cairo_fill (cr);
      cairo_restore (cr);
    }

  _tally_chart_text_paint (cr, frame->title, frame->margin, frame->title_y, style->ink, 1);
  _tally_chart_text_paint (cr, frame->subtitle, frame->margin, frame->subtitle_y, style->ink_secondary, 1);
  _tally_chart_text_paint (cr, frame->source, frame->margin, frame->source_y, style->ink_faint, 1);
  _tally_chart_text_paint (cr, frame->note, frame->margin, frame->note_y, style->ink_secondary, 1);
}

void
_tally_chart_frame_clear (TallyChartFrame *frame)
{
  g_clear_object (&frame->title);
  g_clear_object (&frame->subtitle);
  g_clear_object (&frame->note);
  g_clear_object (&frame->source);
}

void
_tally_chart_legend_clear (GArray *items)
{
  if (items == NULL)
    return;

  for (guint i = 0; i < items->len; i++)
    g_clear_object (&g_array_index (items, TallyChartLegendItem, i).label);
  g_array_unref (items);
}

/* Painting */

void
_tally_chart_set_rgb (cairo_t       *cr,
                      TallyChartRgb  colour,
                      double         alpha)
{
  if (alpha >= 1)
    cairo_set_source_rgb (cr, colour.red, colour.green, colour.blue);
  else
    cairo_set_source_rgba (cr, colour.red, colour.green, colour.blue, alpha);
}

/* A paler @colour: blended into the page where there is one, so that
 * nothing under it shows through; translucent on a transparent page. */
void
_tally_chart_on_page (const TallyChartStyle *style,
                      TallyChartRgb          colour,
                      double                 alpha,
                      TallyChartRgb         *out_colour,
                      double                *out_alpha)
{
  if (style->background == TALLY_CHART_BACKGROUND_TRANSPARENT || alpha >= 1)
    {
      *out_colour = colour;
      *out_alpha = alpha;
    }
  else
    {
      *out_colour = tally_chart_rgb_mix (style->page, colour, alpha);
      *out_alpha = 1;
    }
}

void
_tally_chart_set_rgb_on_page (cairo_t               *cr,
                              const TallyChartStyle *style,
                              TallyChartRgb          colour,
                              double                 alpha)
{
  TallyChartRgb blended;
  double blended_alpha;

  _tally_chart_on_page (style, colour, alpha, &blended, &blended_alpha);
  _tally_chart_set_rgb (cr, blended, blended_alpha);
}

void
_tally_chart_rounded_rect (cairo_t *cr,
                           double   x,
                           double   y,
                           double   width,
                           double   height,
                           double   radius)
{
  radius = MIN (radius, MIN (width, height) / 2);
  if (radius <= 0.01)
    {
      cairo_rectangle (cr, x, y, width, height);
      return;
    }

  cairo_new_sub_path (cr);
  cairo_arc (cr, x + width - radius, y + radius, radius, -G_PI / 2, 0);
  cairo_arc (cr, x + width - radius, y + height - radius, radius, 0, G_PI / 2);
  cairo_arc (cr, x + radius, y + height - radius, radius, G_PI / 2, G_PI);
  cairo_arc (cr, x + radius, y + radius, radius, G_PI, 3 * G_PI / 2);
  cairo_close_path (cr);
}

gboolean
_tally_chart_rect_contains (const TallyChartRect *rect,
                            double                x,
                            double                y)
{
  return x >= rect->x && x < rect->x + rect->width &&
         y >= rect->y && y < rect->y + rect->height;
}

/* Stamps */

/* Stamping rounds positions to whole device pixels, which only an image
 * drawn without rotation or skew can take; vector surfaces get paths. */
gboolean
_tally_chart_can_stamp (cairo_t *cr)
{
  cairo_matrix_t matrix;

  if (cairo_surface_get_type (cairo_get_target (cr)) != CAIRO_SURFACE_TYPE_IMAGE)
    return FALSE;

  cairo_get_matrix (cr, &matrix);
  return matrix.xy == 0 && matrix.yx == 0 && matrix.xx > 0 && matrix.xx == matrix.yy;
}

static void
stamp_path (cairo_t                *cr,
            TallyChartStampShape    shape,
            double                  x,
            double                  y,
            double                  size,
            double                  corner,
            double                  line_width)
{
  double inset = shape == TALLY_CHART_STAMP_RING || shape == TALLY_CHART_STAMP_SQUARE_OUTLINE ? line_width / 2 : 0;

  if (shape == TALLY_CHART_STAMP_DISC || shape == TALLY_CHART_STAMP_RING)
    cairo_arc (cr, x, y, size / 2 - inset, 0, 2 * G_PI);
  else
    _tally_chart_rounded_rect (cr, x - size / 2 + inset, y - size / 2 + inset, size - 2 * inset, size - 2 * inset, corner);
}

/**
 * _tally_chart_stamp_init:
 *
 * Prepares a shape to paint at many places with
 * _tally_chart_stamp_paint(): rendered once into an image where @cr can
 * take one, else drawn as a path each time.
 */
void
_tally_chart_stamp_init (TallyChartStamp      *stamp,
                         cairo_t              *cr,
                         TallyChartStampShape  shape,
                         double                size,
                         double                corner,
                         double                line_width,
                         TallyChartRgb         colour,
                         double                alpha)
{
  cairo_matrix_t matrix;
  cairo_t *stamp_cr;
  double scale;

  *stamp = (TallyChartStamp) { shape, size, corner, line_width, colour, alpha, NULL, 0 };
  if (!_tally_chart_can_stamp (cr))
    return;

  cairo_get_matrix (cr, &matrix);
  scale = matrix.xx;
  /* Even, so the centre falls on a pixel corner, as a path's would. */
  stamp->device_size = 2 * (int) ceil (size * scale / 2 + 1);
  stamp->surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, stamp->device_size, stamp->device_size);
  stamp_cr = cairo_create (stamp->surface);
  cairo_scale (stamp_cr, scale, scale);
  stamp_path (stamp_cr, shape, stamp->device_size / 2.0 / scale, stamp->device_size / 2.0 / scale,
              size, corner, line_width);
  _tally_chart_set_rgb (stamp_cr, colour, alpha);
  if (shape == TALLY_CHART_STAMP_RING || shape == TALLY_CHART_STAMP_SQUARE_OUTLINE)
    {
      cairo_set_line_width (stamp_cr, line_width);
      cairo_stroke (stamp_cr);
    }
  else
    cairo_fill (stamp_cr);
  cairo_destroy (stamp_cr);
}

void
_tally_chart_stamp_paint (cairo_t               *cr,
                          const TallyChartStamp *stamp,
                          double                 centre_x,
                          double                 centre_y)
{
  GString *svg;

  if (stamp->surface != NULL)
    {
      double x = centre_x, y = centre_y;
      int left, top;

      cairo_user_to_device (cr, &x, &y);
      left = (int) round (x) - stamp->device_size / 2;
      top = (int) round (y) - stamp->device_size / 2;

      cairo_save (cr);
      cairo_identity_matrix (cr);
      cairo_set_source_surface (cr, stamp->surface, left, top);
      cairo_rectangle (cr, left, top, stamp->device_size, stamp->device_size);
      cairo_fill (cr);
      cairo_restore (cr);
      return;
    }

  if ((svg = _tally_chart_svg_recorder (cr)) != NULL)
    {
      _tally_chart_svg_stamp (cr, svg, stamp, centre_x, centre_y);
      return;
    }

  cairo_new_path (cr);
  stamp_path (cr, stamp->shape, centre_x, centre_y, stamp->size, stamp->corner, stamp->line_width);
  _tally_chart_set_rgb (cr, stamp->colour, stamp->alpha);
  if (stamp->shape == TALLY_CHART_STAMP_RING || stamp->shape == TALLY_CHART_STAMP_SQUARE_OUTLINE)
    {
      cairo_set_line_width (cr, stamp->line_width);
      cairo_stroke (cr);
    }
  else
    cairo_fill (cr);
}

void
_tally_chart_stamp_clear (TallyChartStamp *stamp)
{
  g_clear_pointer (&stamp->surface, cairo_surface_destroy);
}

/* Numbers */

char *
_tally_chart_format_count (gint64 count)
{
  return tally_format_count (count);
}

char *
_tally_chart_format_change (gint64 change)
{
  return tally_format_change (change);
}

/* "34.2%" */
char *
_tally_chart_format_percent (double percent)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  return g_strconcat (g_ascii_formatd (buffer, sizeof buffer, "%.1f", percent), "%", NULL);
}

/* "+1.3", "−0.4", "0.0": points of share or swing, with a true minus. */
char *
_tally_chart_format_points (double points)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];
  double rounded = round (points * 10) / 10;

  g_ascii_formatd (buffer, sizeof buffer, "%.1f", fabs (rounded));
  if (rounded > 0)
    return g_strconcat ("+", buffer, NULL);
  if (rounded < 0)
    return g_strconcat ("−", buffer, NULL);
  return g_strdup (buffer);
}

/**
 * _tally_chart_nice_ticks:
 * @first: (out): the first tick, a multiple of @step at or below @low
 * @step: (out): 1, 2 or 5 times a power of ten
 *
 * Chooses ticks that cover @low..@high in at most @max_ticks steps.
 *
 * Returns: the number of ticks, from @first up to the first at or
 *   above @high
 */
guint
_tally_chart_nice_ticks (double  low,
                         double  high,
                         guint   max_ticks,
                         double *first,
                         double *step)
{
  double span, magnitude, candidates[] = { 1, 2, 2.5, 5, 10 };
  double chosen = 1;

  if (max_ticks < 2)
    max_ticks = 2;
  if (!(high > low))
    high = low + 1;

  span = high - low;
  magnitude = pow (10, floor (log10 (span / (max_ticks - 1))));
  for (guint i = 0; i < G_N_ELEMENTS (candidates); i++)
    {
      chosen = candidates[i] * magnitude;
      if (ceil (high / chosen - 1e-9) - floor (low / chosen + 1e-9) + 1 <= max_ticks)
        break;
    }

  *step = chosen;
  *first = floor (low / chosen + 1e-9) * chosen;
  return (guint) (ceil (high / chosen - 1e-9) - floor (low / chosen + 1e-9)) + 1;
}
