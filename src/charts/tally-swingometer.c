/* tally-swingometer.c: Butler swing between two parties, as the needle of
 * a half dial.
 *
 * The dial runs from a swing of the full range towards the first party at
 * the left to the same towards the second at the right, each half tinted
 * in its party's colour and named at its end, so the dial reads in
 * grey too.  The figure under the hub says it in words: "4.5% swing from
 * Con to Lab".
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>

#include "tally-chart-private.h"
#include "tally-swingometer.h"

static void clear_of_needle (TallySwingometerLayout *layout,
                             const TallyChartStyle  *style,
                             double                  width,
                             double                  height,
                             double                  reference_angle);

typedef struct
{
  PangoLayout *label;
  double       value;
} Tick;

struct _TallySwingometerLayout
{
  TallyChartFrame  frame;
  double           range;
  double           swing;
  double           minor_step;
  Tick            *ticks;
  guint            n_ticks;
  double           centre_x;
  double           centre_y;
  double           radius;
  double           inner;
  PangoLayout     *figure;
  PangoLayout     *caption;
  PangoLayout     *scope;
  double           figure_y;
  PangoLayout     *end_labels[2];
  double           end_y;
  PangoLayout     *reference;
  double           reference_x;
  double           reference_y;
  /* On a tall page, a key under the readout: a swatch for each half of
   * the dial, and what Butler swing means. */
  PangoLayout     *key_labels[2];
  PangoLayout     *key_note;
  double           key_y;
  double           key_swatch;
  double           key_gap;       /* between swatch and label, and under the line */
  gboolean         key_stacked;   /* one swatch a line, on a narrow page */
};

/**
 * tally_swingometer_choose_range:
 *
 * Returns: the swing either end of the dial stands for: the data's, or the
 *   smallest multiple of 5 points that holds the swing (and the reference)
 *   with a point to spare
 */
double
tally_swingometer_choose_range (const TallySwingometerData *data)
{
  double reach;

  g_return_val_if_fail (data != NULL, 10);

  if (data->range > 0)
    return data->range;

  reach = isnan (data->swing) ? 0 : fabs (data->swing);
  if (data->has_reference && !isnan (data->reference))
    reach = MAX (reach, fabs (data->reference));
  return MAX (5, ceil ((reach + 1) / 5) * 5);
}

double
tally_swingometer_layout_swing_to_angle (const TallySwingometerLayout *layout,
                                         double                        swing)
{
  g_return_val_if_fail (layout != NULL, G_PI / 2);

  swing = CLAMP (swing, -layout->range, layout->range);
  return G_PI / 2 - swing / layout->range * G_PI / 2;
}

/* The width of the key's line of swatches, 0 without a key. */
static double
key_width (const TallySwingometerLayout *layout)
{
  double widths[2];

  if (layout->key_note == NULL)
    return 0;
  widths[0] = _tally_chart_text_width (layout->key_labels[0]);
  widths[1] = _tally_chart_text_width (layout->key_labels[1]);
  if (layout->key_stacked)
    return layout->key_swatch + layout->key_gap + MAX (widths[0], widths[1]);
  return 2 * (layout->key_swatch + layout->key_gap) + widths[0] + 3 * layout->key_gap + widths[1];
}

/* The key, in @sized's type: "■ Towards Con  ■ Towards Lab" on a line
 * (one swatch a line where that is wider than @max_width), and what the
 * swing measures under it.  Returns its height. */
static double
key_new (TallySwingometerLayout     *layout,
         const TallySwingometerData *data,
         const TallyChartStyle      *sized,
         double                      max_width)
{
  const char *from_name = data->from.short_name ? data->from.short_name : "";
  const char *to_name = data->to.short_name ? data->to.short_name : "";
  g_autofree char *from_text = g_strdup_printf ("Towards %s", from_name);
  g_autofree char *to_text = g_strdup_printf ("Towards %s", to_name);
  g_autofree char *note = g_strdup_printf ("Butler swing: the mean of %s’s rise in vote share and %s’s fall, in points",
                                           to_name, from_name);

  layout->key_labels[0] = _tally_chart_text_new (sized, TALLY_CHART_FONT_SMALL, from_text);
  layout->key_labels[1] = _tally_chart_text_new (sized, TALLY_CHART_FONT_SMALL, to_text);
  layout->key_note = _tally_chart_text_new (sized, TALLY_CHART_FONT_SMALL, note);
  pango_layout_set_width (layout->key_note, (int) (max_width * PANGO_SCALE));
  pango_layout_set_wrap (layout->key_note, PANGO_WRAP_WORD);
  pango_layout_set_alignment (layout->key_note, PANGO_ALIGN_CENTER);
  layout->key_swatch = _tally_chart_text_height (layout->key_labels[0]) * 0.7;
  layout->key_gap = _tally_chart_px (sized, 6);
  layout->key_y = _tally_chart_px (sized, 14);  /* above the key; placed in full below */
  layout->key_stacked = FALSE;
  layout->key_stacked = key_width (layout) > max_width;

  return _tally_chart_px (sized, 14) + (layout->key_stacked ? 2 : 1) * _tally_chart_text_height (layout->key_labels[0]) +
         layout->key_gap + _tally_chart_text_height (layout->key_note);
}

TallySwingometerLayout *
tally_swingometer_layout_new (const TallySwingometerData *data,
                              const TallyChartStyle      *style,
                              double                      width,
                              double                      height)
{
  TallySwingometerLayout *layout;
  double label_height, readout_height = 0, major_step, available, end_height, type, base, key_height = 0, below;
  gboolean tall;
  TallyChartStyle typed;
  const char *from_name, *to_name;
  g_autofree char *figure = NULL;
  g_autofree char *caption = NULL;

  g_return_val_if_fail (data != NULL, NULL);
  g_return_val_if_fail (style != NULL, NULL);

  layout = g_new0 (TallySwingometerLayout, 1);
  layout->range = tally_swingometer_choose_range (data);
  layout->swing = isnan (data->swing) ? 0 : data->swing;
  layout->minor_step = layout->range <= 5 ? 0.5 : layout->range <= 10 ? 1 : layout->range <= 25 ? 2.5 : 5;
  major_step = layout->range <= 5 ? 1 : layout->range <= 10 ? 2 : layout->range <= 25 ? 5 : 10;

  _tally_chart_frame_layout (&layout->frame, style, &data->heading, width, height);

  /* In an export, the dial's type grows with the dial (up to 1.75 times
   * at a radius of 350 px); a page taller than 4:3 (square, portrait)
   * takes a key under the readout, and both grow into the height that the
   * width-bound dial leaves. */
  base = style->scale > 0 ? style->scale : 1;
  type = style->fill ? CLAMP (MIN (layout->frame.body.width / 2, layout->frame.body.height) / _tally_chart_px (style, 200),
                              1, 1.75)
                     : 1;
  typed = *style;
  typed.scale = base * type;
  tall = style->fill && layout->frame.body.height > layout->frame.body.width * 0.75;

  /* Labelled ticks: 0 at the top, then each major step out to the ends,
   * unsigned, since the halves are named. */
  layout->n_ticks = 2 * (guint) floor (layout->range / major_step + 1e-9) + 1;
  layout->ticks = g_new0 (Tick, layout->n_ticks);
  for (guint t = 0; t < layout->n_ticks; t++)
    {
      double value = -layout->range + major_step * t;
      g_autofree char *text = g_strdup_printf ("%g", fabs (value));

      layout->ticks[t].value = value;
      layout->ticks[t].label = _tally_chart_text_new (&typed, TALLY_CHART_FONT_SMALL, text);
    }
  label_height = _tally_chart_text_height (layout->ticks[0].label) + _tally_chart_px (style, 6);

  from_name = data->from.short_name ? data->from.short_name : "";
  to_name = data->to.short_name ? data->to.short_name : "";
  if (isnan (data->swing))
    {
      figure = g_strdup ("–");
      caption = g_strdup ("no swing can be worked out");
    }
  else if (fabs (layout->swing) < 0.05)
    {
      figure = g_strdup ("0.0%");
      caption = g_strdup_printf ("no swing between %s and %s", from_name, to_name);
    }
  else
    {
      figure = _tally_chart_format_percent (fabs (layout->swing));
      caption = g_strdup_printf ("swing from %s to %s",
                                 layout->swing > 0 ? from_name : to_name,
                                 layout->swing > 0 ? to_name : from_name);
    }

  {
    g_autofree char *from_text = g_strdup_printf ("← %s", from_name);
    g_autofree char *to_text = g_strdup_printf ("%s →", to_name);

    layout->end_labels[0] = _tally_chart_text_new (&typed, TALLY_CHART_FONT_LABEL_BOLD, from_text);
    layout->end_labels[1] = _tally_chart_text_new (&typed, TALLY_CHART_FONT_LABEL_BOLD, to_text);
    end_height = _tally_chart_text_height (layout->end_labels[0]);
  }

  /* The readout under the hub, between the party names at the ends of
   * the base.  On a tall page the dial is as wide as the page, and the
   * readout moves under the names, with the key under it: both grow, up
   * to three times the dial's type, into the height the dial leaves, as
   * long as they stay within the page's width. */
  below = tall ? end_height + _tally_chart_px (&typed, 8) : 0;
  for (double scale = 3 * type;; scale = MAX (scale - 0.25, type))
    {
      TallyChartStyle sized = *style;
      double radius = layout->frame.body.width / 2 - _tally_chart_px (&typed, 24);
      double spare = layout->frame.body.height - label_height - radius - below;
      double between = tall ? layout->frame.body.width
                            : 2 * (radius - MAX (_tally_chart_text_width (layout->end_labels[0]),
                                                 _tally_chart_text_width (layout->end_labels[1])) -
                                   _tally_chart_px (style, 12));

      sized.scale = base * (style->fill ? scale : 1);
      g_clear_object (&layout->figure);
      g_clear_object (&layout->caption);
      g_clear_object (&layout->scope);
      g_clear_object (&layout->key_labels[0]);
      g_clear_object (&layout->key_labels[1]);
      g_clear_object (&layout->key_note);
      {
        TallyChartStyle large = sized;

        large.scale *= tall ? 1.4 : 1;
        layout->figure = _tally_chart_text_new (&large, TALLY_CHART_FONT_FIGURE, figure);
      }
      layout->caption = _tally_chart_text_new (&sized, TALLY_CHART_FONT_LABEL, caption);
      readout_height = _tally_chart_text_height (layout->figure) + _tally_chart_text_height (layout->caption) +
                       _tally_chart_px (style, 14);
      if (data->scope_label)
        {
          layout->scope = _tally_chart_text_new (&sized, TALLY_CHART_FONT_SMALL, data->scope_label);
          readout_height += _tally_chart_text_height (layout->scope);
        }
      if (tall)
        {
          /* The key is a footnote to the readout: smaller, never under the dial's type. */
          TallyChartStyle small = sized;

          small.scale = MAX (base * type, sized.scale * 0.8);
          key_height = key_new (layout, data, &small, layout->frame.body.width);
        }
      if (!style->fill || scale <= type ||
          (readout_height + key_height <= spare * (tall ? 0.95 : 0.8) &&
           MAX (MAX (_tally_chart_text_width (layout->figure), _tally_chart_text_width (layout->caption)),
                key_width (layout)) <= between))
        break;
    }


  available = layout->frame.body.height - label_height -
              MAX (below + readout_height + key_height, end_height + _tally_chart_px (style, 6));
  layout->radius = MIN (layout->frame.body.width / 2 - _tally_chart_px (&typed, 24), available);
  layout->radius = MAX (layout->radius, _tally_chart_px (style, 10));
  layout->inner = layout->radius * 0.58;
  layout->centre_x = layout->frame.body.x + layout->frame.body.width / 2;
  layout->centre_y = layout->frame.body.y + label_height + layout->radius +
                     MAX ((available - layout->radius) / 2, 0);
  layout->figure_y = layout->centre_y + _tally_chart_px (style, 12) + below;
  layout->end_y = layout->centre_y + _tally_chart_px (style, 6);
  if (layout->key_note)
    layout->key_y += layout->figure_y + _tally_chart_text_height (layout->figure) - _tally_chart_px (style, 4) +
                     _tally_chart_text_height (layout->caption) +
                     (layout->scope ? _tally_chart_text_height (layout->scope) : 0);

  if (data->has_reference && !isnan (data->reference))
    {
      g_autofree char *points = _tally_chart_format_points (data->reference);
      g_autofree char *text = g_strdup_printf ("%s %s", data->reference_label ? data->reference_label : "Reference", points);
      double angle = tally_swingometer_layout_swing_to_angle (layout, data->reference);
      double reach = layout->inner - _tally_chart_px (style, 10);
      double text_width, text_height;

      layout->reference = _tally_chart_text_new (&typed, TALLY_CHART_FONT_SMALL, text);
      _tally_chart_text_size (layout->reference, &text_width, &text_height);
      layout->reference_x = layout->centre_x + reach * cos (angle) - text_width * (1 - cos (angle)) / 2;
      layout->reference_y = layout->centre_y - reach * sin (angle) + (sin (angle) > 0.5 ? 0 : -text_height);
      clear_of_needle (layout, style, text_width, text_height, angle);
    }

  return layout;
}

/* The shortest distance from the needle (hub to tip) to the box at @x, @y. */
static double
needle_distance (const TallySwingometerLayout *layout,
                 double                        x,
                 double                        y,
                 double                        width,
                 double                        height)
{
  double tip_x, tip_y, nearest = G_MAXDOUBLE;

  tally_swingometer_layout_get_needle_tip (layout, &tip_x, &tip_y);
  for (guint i = 0; i <= 64; i++)
    {
      double px = layout->centre_x + (tip_x - layout->centre_x) * i / 64.0;
      double py = layout->centre_y + (tip_y - layout->centre_y) * i / 64.0;
      double dx = MAX (MAX (x - px, 0), px - (x + width));
      double dy = MAX (MAX (y - py, 0), py - (y + height));

      nearest = MIN (nearest, hypot (dx, dy));
    }
  return nearest;
}

/* The reference's label never sits on the needle: where the two meet
 * (a council that swung as the country did), the label moves sideways,
 * away from the needle on the reference's side of it, until the needle's
 * blade and a gap clear it. */
static void
clear_of_needle (TallySwingometerLayout *layout,
                 const TallyChartStyle  *style,
                 double                  width,
                 double                  height,
                 double                  reference_angle)
{
  double clearance = _tally_chart_px (style, 3.5 + 4);
  double needle_angle = tally_swingometer_layout_swing_to_angle (layout, layout->swing);
  double preferred = reference_angle >= needle_angle ? -1 : 1;  /* larger angles are to the left */
  double step = _tally_chart_px (style, 2), x0 = layout->reference_x, y0 = layout->reference_y;
  double low = layout->frame.body.x, high = layout->frame.body.x + layout->frame.body.width - width;

  if (needle_distance (layout, x0, y0, width, height) >= clearance)
    return;

  /* Sideways, the reference's side first, then the other, within the frame;
   * last, below the dial's base, clear of the blade. */
  for (guint pass = 0; pass < 2; pass++)
    {
      double direction = pass == 0 ? preferred : -preferred;

      for (guint i = 1; i < 600; i++)
        {
          double x = x0 + direction * step * i;

          if (x < low || x > high)
            break;
          if (needle_distance (layout, x, y0, width, height) >= clearance)
            {
              layout->reference_x = x;
              return;
            }
        }
    }
  layout->reference_x = CLAMP (layout->centre_x - width / 2, low, MAX (low, high));
  layout->reference_y = layout->centre_y + _tally_chart_px (style, 8);
}

/**
 * tally_swingometer_layout_get_reference_box:
 *
 * Returns: whether the dial marks a reference, with the box its label takes
 */
gboolean
tally_swingometer_layout_get_reference_box (const TallySwingometerLayout *layout,
                                            double                       *x,
                                            double                       *y,
                                            double                       *width,
                                            double                       *height)
{
  g_return_val_if_fail (layout != NULL, FALSE);

  if (layout->reference == NULL)
    return FALSE;
  *x = layout->reference_x;
  *y = layout->reference_y;
  _tally_chart_text_size (layout->reference, width, height);
  return TRUE;
}

void
tally_swingometer_layout_free (TallySwingometerLayout *layout)
{
  if (layout == NULL)
    return;

  _tally_chart_frame_clear (&layout->frame);
  for (guint t = 0; t < layout->n_ticks; t++)
    g_clear_object (&layout->ticks[t].label);
  g_free (layout->ticks);
  g_clear_object (&layout->figure);
  g_clear_object (&layout->caption);
  g_clear_object (&layout->scope);
  g_clear_object (&layout->end_labels[0]);
  g_clear_object (&layout->end_labels[1]);
  g_clear_object (&layout->reference);
  g_clear_object (&layout->key_labels[0]);
  g_clear_object (&layout->key_labels[1]);
  g_clear_object (&layout->key_note);
  g_free (layout);
}

void
tally_swingometer_layout_get_dial (const TallySwingometerLayout *layout,
                                   double                       *centre_x,
                                   double                       *centre_y,
                                   double                       *radius)
{
  g_return_if_fail (layout != NULL);

  *centre_x = layout->centre_x;
  *centre_y = layout->centre_y;
  *radius = layout->radius;
}

void
tally_swingometer_layout_get_needle_tip (const TallySwingometerLayout *layout,
                                         double                       *x,
                                         double                       *y)
{
  double angle;

  g_return_if_fail (layout != NULL);

  angle = tally_swingometer_layout_swing_to_angle (layout, layout->swing);
  *x = layout->centre_x + layout->radius * 0.97 * cos (angle);
  *y = layout->centre_y - layout->radius * 0.97 * sin (angle);
}

/**
 * tally_swingometer_layout_lookup_item:
 *
 * Returns: 0 on the dial's half towards the first party, 1 on the half
 *   towards the second, -1 elsewhere
 */
int
tally_swingometer_layout_lookup_item (const TallySwingometerLayout *layout,
                                      double                        x,
                                      double                        y)
{
  double dx, dy;

  g_return_val_if_fail (layout != NULL, -1);

  dx = x - layout->centre_x;
  dy = layout->centre_y - y;
  if (dy < -layout->radius * 0.05 || dx * dx + dy * dy > layout->radius * layout->radius)
    return -1;

  return dx < 0 ? 0 : 1;
}

static void
key_paint (cairo_t                      *cr,
           const TallySwingometerLayout *layout,
           const TallyChartStyle        *style,
           TallyChartRgb                 from_colour,
           TallyChartRgb                 to_colour,
           double                        tint)
{
  double swatch = layout->key_swatch, gap = layout->key_gap;
  double label_height = _tally_chart_text_height (layout->key_labels[0]);
  double x = layout->centre_x - key_width (layout) / 2;

  double y = layout->key_y;

  for (guint half = 0; half < 2; half++)
    {
      double left = x;

      cairo_rectangle (cr, x, y + (label_height - swatch) / 2, swatch, swatch);
      _tally_chart_set_rgb (cr, half == 0 ? from_colour : to_colour, tint);
      cairo_fill (cr);
      x += swatch + gap;
      _tally_chart_text_paint (cr, layout->key_labels[half], x, y, style->ink_secondary, 1);
      x += _tally_chart_text_width (layout->key_labels[half]) + 3 * gap;
      if (layout->key_stacked)
        {
          x = left;
          y += label_height;
        }
    }
  if (!layout->key_stacked)
    y += label_height;
  _tally_chart_text_paint (cr, layout->key_note, layout->frame.body.x, y + gap, style->ink_faint, 1);
}

void
tally_swingometer_paint (cairo_t                      *cr,
                         const TallySwingometerLayout *layout,
                         const TallySwingometerData   *data,
                         const TallyChartStyle        *style,
                         int                           highlight)
{
  TallyChartRgb from_colour, to_colour;
  double cx, cy, radius, inner, angle, tint;

  g_return_if_fail (cr != NULL);
  g_return_if_fail (layout != NULL);
  g_return_if_fail (data != NULL);

  cx = layout->centre_x;
  cy = layout->centre_y;
  radius = layout->radius;
  inner = layout->inner;
  from_colour = tally_chart_party_rgb (&data->from, style);
  to_colour = tally_chart_party_rgb (&data->to, style);
  tint = style->dark ? 0.42 : 0.3;

  cairo_save (cr);
  _tally_chart_frame_paint (cr, &layout->frame, style);

  /* The two halves of the band. */
  for (guint half = 0; half < 2; half++)
    {
      double start = half == 0 ? G_PI : 1.5 * G_PI;
      double alpha = tint * (highlight < 0 || (guint) highlight == half ? 1.0 : 0.5);

      cairo_new_path (cr);
      cairo_arc (cr, cx, cy, radius, start, start + G_PI / 2);
      cairo_arc_negative (cr, cx, cy, inner, start + G_PI / 2, start);
      cairo_close_path (cr);
      _tally_chart_set_rgb (cr, half == 0 ? from_colour : to_colour, alpha);
      cairo_fill (cr);
    }

  /* The swing so far, in the colour of the party it favours. */
  if (fabs (layout->swing) >= 0.05)
    {
      double end = tally_swingometer_layout_swing_to_angle (layout, layout->swing);
      double band = (radius - inner) * 0.28;

      cairo_new_path (cr);
      if (layout->swing > 0)
        cairo_arc (cr, cx, cy, radius - band / 2, -G_PI / 2, -end);
      else
        cairo_arc_negative (cr, cx, cy, radius - band / 2, -G_PI / 2, -end);
      cairo_set_line_width (cr, band);
      _tally_chart_set_rgb (cr, layout->swing > 0 ? to_colour : from_colour, 1);
      cairo_stroke (cr);
    }

  /* Minor ticks on the outer edge, labelled majors beyond it. */
  cairo_set_line_width (cr, _tally_chart_px (style, 1));
  _tally_chart_set_rgb (cr, style->ink_faint, 1);
  for (double value = -layout->range; value <= layout->range + 1e-9; value += layout->minor_step)
    {
      double tick_angle = tally_swingometer_layout_swing_to_angle (layout, value);
      double length = _tally_chart_px (style, 5);

      cairo_move_to (cr, cx + radius * cos (tick_angle), cy - radius * sin (tick_angle));
      cairo_line_to (cr, cx + (radius + length) * cos (tick_angle), cy - (radius + length) * sin (tick_angle));
    }
  cairo_stroke (cr);

  for (guint t = 0; t < layout->n_ticks; t++)
    {
      double tick_angle = tally_swingometer_layout_swing_to_angle (layout, layout->ticks[t].value);
      double text_width, text_height, reach = radius + _tally_chart_px (style, 8);
      double x, y;

      _tally_chart_text_size (layout->ticks[t].label, &text_width, &text_height);
      x = cx + reach * cos (tick_angle) - text_width / 2 + cos (tick_angle) * text_width / 2;
      y = cy - reach * sin (tick_angle) - text_height / 2 - sin (tick_angle) * text_height / 2;
      _tally_chart_text_paint (cr, layout->ticks[t].label, x, y, style->ink_faint, 1);
    }

  /* The zero line. */
  _tally_chart_set_rgb (cr, style->rule, 1);
  cairo_set_line_width (cr, _tally_chart_px (style, 1.5));
  cairo_move_to (cr, cx, cy - inner);
  cairo_line_to (cr, cx, cy - radius);
  cairo_stroke (cr);

  /* Party names at the ends of the base. */
  _tally_chart_text_paint (cr, layout->end_labels[0], cx - radius, layout->end_y, style->ink, 1);
  _tally_chart_text_paint_aligned (cr, layout->end_labels[1], cx + radius,
                                   layout->end_y, TALLY_CHART_ALIGN_END, style->ink, 1);

  if (layout->reference)
    {
      double reference_angle = tally_swingometer_layout_swing_to_angle (layout, data->reference);
      double size = _tally_chart_px (style, 6);
      double x = cx + (inner - size * 0.2) * cos (reference_angle);
      double y = cy - (inner - size * 0.2) * sin (reference_angle);

      cairo_save (cr);
      cairo_translate (cr, x, y);
      cairo_rotate (cr, -reference_angle);
      cairo_move_to (cr, 0, 0);
      cairo_line_to (cr, -size * 1.4, -size * 0.8);
      cairo_line_to (cr, -size * 1.4, size * 0.8);
      cairo_close_path (cr);
      cairo_restore (cr);
      _tally_chart_set_rgb (cr, style->ink_secondary, 1);
      cairo_fill (cr);
      _tally_chart_text_paint (cr, layout->reference, layout->reference_x, layout->reference_y, style->ink_secondary, 1);
    }

  /* The needle: a slim blade from the hub. */
  angle = tally_swingometer_layout_swing_to_angle (layout, layout->swing);
  cairo_save (cr);
  cairo_translate (cr, cx, cy);
  cairo_rotate (cr, -angle);
  cairo_move_to (cr, radius * 0.97, 0);
  cairo_line_to (cr, 0, _tally_chart_px (style, 3.5));
  cairo_line_to (cr, -_tally_chart_px (style, 8), 0);
  cairo_line_to (cr, 0, -_tally_chart_px (style, 3.5));
  cairo_close_path (cr);
  cairo_restore (cr);
  _tally_chart_set_rgb (cr, style->ink, 1);
  cairo_fill (cr);
  cairo_arc (cr, cx, cy, _tally_chart_px (style, 6), 0, 2 * G_PI);
  cairo_fill (cr);

  /* The figure and what it means, under the hub. */
  {
    double y = layout->figure_y + _tally_chart_text_height (layout->figure) - _tally_chart_px (style, 4);

    _tally_chart_text_paint_aligned (cr, layout->figure, cx, layout->figure_y, TALLY_CHART_ALIGN_CENTER, style->ink, 1);
    _tally_chart_text_paint_aligned (cr, layout->caption, cx, y, TALLY_CHART_ALIGN_CENTER, style->ink_secondary, 1);
    if (layout->scope)
      _tally_chart_text_paint_aligned (cr, layout->scope, cx,
                                       y + _tally_chart_text_height (layout->caption), TALLY_CHART_ALIGN_CENTER,
                                       style->ink_faint, 1);
  }

  if (layout->key_note)
    key_paint (cr, layout, style, from_colour, to_colour, tint);

  cairo_restore (cr);
}

void
tally_swingometer_draw (cairo_t                    *cr,
                        double                      width,
                        double                      height,
                        const TallySwingometerData *data,
                        const TallyChartStyle      *style)
{
  g_autoptr(TallySwingometerLayout) layout = NULL;

  g_return_if_fail (cr != NULL);
  g_return_if_fail (data != NULL);
  g_return_if_fail (style != NULL);

  layout = tally_swingometer_layout_new (data, style, width, height);
  tally_swingometer_paint (cr, layout, data, style, -1);
}
