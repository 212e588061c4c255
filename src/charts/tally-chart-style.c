/* tally-chart-style.c: the palettes of a chart's ink and page.
 *
 * Light and dark follow the GNOME palette, so a chart in the window sits
 * on libadwaita's colours; exports get the same look.  Party colours are
 * not here: they are data, carried by each chart's data with both the
 * usual and the colour-blind-safe colour.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include "tally-chart-style.h"

static TallyChartRgb
rgb (guint32 hex)
{
  return (TallyChartRgb) {
    ((hex >> 16) & 0xff) / 255.0,
    ((hex >> 8) & 0xff) / 255.0,
    (hex & 0xff) / 255.0,
  };
}

static void
apply_palette (TallyChartStyle *style)
{
  if (style->dark)
    {
      style->page = rgb (0x242424);
      style->ink = style->high_contrast ? rgb (0xffffff) : rgb (0xf6f5f4);
      style->ink_secondary = style->high_contrast ? rgb (0xf6f5f4) : rgb (0xc0bfbc);
      style->ink_faint = style->high_contrast ? rgb (0xdeddda) : rgb (0x9a9996);
      style->grid = style->high_contrast ? rgb (0x77767b) : rgb (0x3d3d3d);
      style->rule = style->high_contrast ? rgb (0xffffff) : rgb (0xdeddda);
      style->focus = rgb (0x78aeed);
    }
  else
    {
      style->page = rgb (0xffffff);
      style->ink = style->high_contrast ? rgb (0x000000) : rgb (0x1e1e1e);
      style->ink_secondary = style->high_contrast ? rgb (0x1e1e1e) : rgb (0x5e5c64);
      style->ink_faint = style->high_contrast ? rgb (0x3d3846) : rgb (0x77767b);
      style->grid = style->high_contrast ? rgb (0x9a9996) : rgb (0xe6e5e3);
      style->rule = style->high_contrast ? rgb (0x000000) : rgb (0x3d3846);
      style->focus = rgb (0x1c71d8);
    }
}

/**
 * tally_chart_style_init:
 *
 * Fills @style with the house style on @background: title, subtitle,
 * source line and legend shown, scale 1, the usual party colours.
 */
void
tally_chart_style_init (TallyChartStyle      *style,
                        TallyChartBackground  background)
{
  g_return_if_fail (style != NULL);

  *style = (TallyChartStyle) {
    .background = background,
    .dark = background == TALLY_CHART_BACKGROUND_DARK,
    .show_title = TRUE,
    .show_subtitle = TRUE,
    .show_source = TRUE,
    .show_legend = TRUE,
    .scale = 1.0,
  };
  apply_palette (style);
}

/**
 * tally_chart_style_set_dark:
 *
 * Switches @style's ink (and page, unless transparent) to dark or light.
 */
void
tally_chart_style_set_dark (TallyChartStyle *style,
                            gboolean         dark)
{
  g_return_if_fail (style != NULL);

  style->dark = !!dark;
  if (style->background != TALLY_CHART_BACKGROUND_TRANSPARENT)
    style->background = dark ? TALLY_CHART_BACKGROUND_DARK : TALLY_CHART_BACKGROUND_LIGHT;
  apply_palette (style);
}

void
tally_chart_style_set_high_contrast (TallyChartStyle *style,
                                     gboolean         high_contrast)
{
  g_return_if_fail (style != NULL);

  style->high_contrast = !!high_contrast;
  apply_palette (style);
}

/**
 * tally_chart_rgb_parse:
 * @hex: "#RRGGBB"
 *
 * Returns: whether @hex was a colour; @rgb is mid grey when it was not
 */
gboolean
tally_chart_rgb_parse (const char    *hex,
                       TallyChartRgb *out)
{
  guint value = 0;

  g_return_val_if_fail (out != NULL, FALSE);

  *out = rgb (0x8a8a8a);
  if (hex == NULL || hex[0] != '#' || strlen (hex) != 7)
    return FALSE;

  for (guint i = 1; i < 7; i++)
    {
      int digit = g_ascii_xdigit_value (hex[i]);

      if (digit < 0)
        return FALSE;
      value = value * 16 + (guint) digit;
    }

  *out = rgb (value);
  return TRUE;
}

TallyChartRgb
tally_chart_rgb_mix (TallyChartRgb a,
                     TallyChartRgb b,
                     double        amount_of_b)
{
  double t = CLAMP (amount_of_b, 0.0, 1.0);

  return (TallyChartRgb) {
    a.red + (b.red - a.red) * t,
    a.green + (b.green - a.green) * t,
    a.blue + (b.blue - a.blue) * t,
  };
}

static double
linear_channel (double value)
{
  return value <= 0.04045 ? value / 12.92 : pow ((value + 0.055) / 1.055, 2.4);
}

/* WCAG relative luminance. */
double
tally_chart_rgb_luminance (TallyChartRgb colour)
{
  return 0.2126 * linear_channel (colour.red) + 0.7152 * linear_channel (colour.green) +
         0.0722 * linear_channel (colour.blue);
}

/* Black or white, whichever contrasts more with @fill. */
TallyChartRgb
tally_chart_rgb_text_on (TallyChartRgb fill)
{
  double luminance = tally_chart_rgb_luminance (fill);

  if (1.05 / (luminance + 0.05) >= (luminance + 0.05) / 0.05)
    return rgb (0xffffff);
  return rgb (0x1e1e1e);
}
