/* tally-chart-style.h: how a chart looks, apart from what it says.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* No overall control, in every chart and map: a neutral grey, in the usual
 * palette and the colour-blind-safe one. */
#define TALLY_CHART_NOC_COLOUR      "#C0BFBC"
#define TALLY_CHART_NOC_COLOUR_SAFE "#BBBBBB"

/* An sRGB colour, each channel from 0 to 1. */
typedef struct
{
  double red;
  double green;
  double blue;
} TallyChartRgb;

typedef enum
{
  TALLY_CHART_BACKGROUND_LIGHT,
  TALLY_CHART_BACKGROUND_DARK,
  TALLY_CHART_BACKGROUND_TRANSPARENT,
} TallyChartBackground;

/**
 * TallyChartStyle:
 * @background: what the chart is drawn on
 * @dark: ink for a dark page: set by tally_chart_style_init(), and for a
 *   transparent background chosen by the caller (a window in dark style)
 * @high_contrast: stronger ink and rules
 * @colour_blind_safe: draw parties in their colour-blind-safe colours
 * @show_title: draw the heading's title
 * @show_subtitle: draw the heading's subtitle
 * @show_source: draw the source line at the foot
 * @show_legend: draw the legend (where the chart has one)
 * @not_up_outline: seats not up this year drawn as outlines in their
 *   party's colour rather than paler: a pattern that survives any printer
 * @scale: multiplies every type size, stroke and margin: 2 for a 2× export
 *   drawn on a canvas twice the size.  A HiDPI widget leaves it at 1, since
 *   GTK scales the cairo context itself.
 * @font_family: a Pango family list, or %NULL for the house font
 * @title: (nullable): replaces the data's title; not owned
 * @subtitle: (nullable): replaces the data's subtitle; not owned
 * @source: (nullable): replaces the data's source line; not owned
 * @note: (nullable): a note printed over the source line (a caveat, a
 *   definition); not owned
 * @page: the background colour (unused when transparent)
 * @ink: text and marks
 * @ink_secondary: subtitles, axis labels, changes
 * @ink_faint: source line, notes
 * @grid: gridlines
 * @rule: axes and the majority line
 * @focus: the ring drawn round a hovered, focused or selected item
 *
 * The style is a plain struct: an export dialog or the command line fills
 * it, a widget fills it from the window's state, and every chart reads it.
 */
typedef struct
{
  TallyChartBackground background;
  gboolean             dark;
  gboolean             high_contrast;
  gboolean             colour_blind_safe;
  gboolean             show_title;
  gboolean             show_subtitle;
  gboolean             show_source;
  gboolean             show_legend;
  double               scale;
  gboolean             fill;      /* export: bars and cells grow to fill the frame */
  gboolean             not_up_outline;  /* seats not up as outlines in the party's colour, for print */
  const char          *font_family;
  const char          *title;
  const char          *subtitle;
  const char          *source;
  const char          *note;

  TallyChartRgb        page;
  TallyChartRgb        ink;
  TallyChartRgb        ink_secondary;
  TallyChartRgb        ink_faint;
  TallyChartRgb        grid;
  TallyChartRgb        rule;
  TallyChartRgb        focus;
} TallyChartStyle;

#define TALLY_CHART_DEFAULT_FONT "Inter, Cantarell, sans-serif"

void     tally_chart_style_init          (TallyChartStyle      *style,
                                          TallyChartBackground  background);
void     tally_chart_style_set_dark      (TallyChartStyle      *style,
                                          gboolean              dark);
void     tally_chart_style_set_high_contrast (TallyChartStyle  *style,
                                          gboolean              high_contrast);
gboolean tally_chart_rgb_parse           (const char           *hex,
                                          TallyChartRgb        *rgb);
TallyChartRgb tally_chart_rgb_mix        (TallyChartRgb         a,
                                          TallyChartRgb         b,
                                          double                amount_of_b);
double   tally_chart_rgb_luminance       (TallyChartRgb         rgb);
TallyChartRgb tally_chart_rgb_text_on    (TallyChartRgb         fill);

G_END_DECLS
