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

TallySwingometerLayout *
tally_swingometer_layout_new (const TallySwingometerData *data,
                              const TallyChartStyle      *style,
                              double                      width,
                              double                      height)
{
  TallySwingometerLayout *layout;
  double label_height, readout_height, major_step, available, end_height;
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

  /* Labelled ticks: 0 at the top, then each major step out to the ends,
   * unsigned, since the halves are named. */
  layout->n_ticks = 2 * (guint) floor (layout->range / major_step + 1e-9) + 1;
  layout->ticks = g_new0 (Tick, layout->n_ticks);
  for (guint t = 0; t < layout->n_ticks; t++)
    {
      double value = -layout->range + major_step * t;
      g_autofree char *text = g_strdup_printf ("%g", fabs (value));

      layout->ticks[t].value = value;
      layout->ticks[t].label = _tally_chart_text_new (style, TALLY_CHART_FONT_SMALL, text);
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

  /* The readout under the hub.  On a page taller than the dial's 2:1
   * (square, portrait), the dial is as wide as the page and the readout
   * grows, up to three times, into the height the dial leaves. */
  for (double scale = style->fill ? 3 : 1; scale >= 1; scale -= 0.25)
    {
      TallyChartStyle sized = *style;
      double spare = layout->frame.body.height - label_height - (layout->frame.body.width / 2 - _tally_chart_px (style, 24));

      sized.scale = (style->scale > 0 ? style->scale : 1) * scale;
      g_clear_object (&layout->figure);
      g_clear_object (&layout->caption);
      g_clear_object (&layout->scope);
      layout->figure = _tally_chart_text_new (&sized, TALLY_CHART_FONT_FIGURE, figure);
      layout->caption = _tally_chart_text_new (&sized, TALLY_CHART_FONT_LABEL, caption);
      readout_height = _tally_chart_text_height (layout->figure) + _tally_chart_text_height (layout->caption) +
                       _tally_chart_px (style, 14);
      if (data->scope_label)
        {
          layout->scope = _tally_chart_text_new (&sized, TALLY_CHART_FONT_SMALL, data->scope_label);
          readout_height += _tally_chart_text_height (layout->scope);
        }
      if (scale == 1 || readout_height <= spare * 0.8)
        break;
    }

  {
    g_autofree char *from_text = g_strdup_printf ("← %s", from_name);
    g_autofree char *to_text = g_strdup_printf ("%s →", to_name);

    layout->end_labels[0] = _tally_chart_text_new (style, TALLY_CHART_FONT_LABEL_BOLD, from_text);
    layout->end_labels[1] = _tally_chart_text_new (style, TALLY_CHART_FONT_LABEL_BOLD, to_text);
    end_height = _tally_chart_text_height (layout->end_labels[0]);
  }

  available = layout->frame.body.height - label_height - MAX (readout_height, end_height + _tally_chart_px (style, 6));
  layout->radius = MIN (layout->frame.body.width / 2 - _tally_chart_px (style, 24), available);
  layout->radius = MAX (layout->radius, _tally_chart_px (style, 10));
  layout->inner = layout->radius * 0.58;
  layout->centre_x = layout->frame.body.x + layout->frame.body.width / 2;
  layout->centre_y = layout->frame.body.y + label_height + layout->radius +
                     MAX ((available - layout->radius) / 2, 0);
  layout->figure_y = layout->centre_y + _tally_chart_px (style, 12);
  layout->end_y = layout->centre_y + _tally_chart_px (style, 6);

  if (data->has_reference && !isnan (data->reference))
    {
      g_autofree char *points = _tally_chart_format_points (data->reference);
      g_autofree char *text = g_strdup_printf ("%s %s", data->reference_label ? data->reference_label : "Reference", points);
      double angle = tally_swingometer_layout_swing_to_angle (layout, data->reference);
      double reach = layout->inner - _tally_chart_px (style, 10);
      double text_width, text_height;

      layout->reference = _tally_chart_text_new (style, TALLY_CHART_FONT_SMALL, text);
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
  _tally_chart_text_paint (cr, layout->end_labels[1], cx + radius - _tally_chart_text_width (layout->end_labels[1]),
                           layout->end_y, style->ink, 1);

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
    double figure_width = _tally_chart_text_width (layout->figure);
    double caption_width = _tally_chart_text_width (layout->caption);
    double y = layout->figure_y + _tally_chart_text_height (layout->figure) - _tally_chart_px (style, 4);

    _tally_chart_text_paint (cr, layout->figure, cx - figure_width / 2, layout->figure_y, style->ink, 1);
    _tally_chart_text_paint (cr, layout->caption, cx - caption_width / 2, y, style->ink_secondary, 1);
    if (layout->scope)
      _tally_chart_text_paint (cr, layout->scope, cx - _tally_chart_text_width (layout->scope) / 2,
                               y + _tally_chart_text_height (layout->caption), style->ink_faint, 1);
  }

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
