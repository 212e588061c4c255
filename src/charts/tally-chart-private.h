/* tally-chart-private.h: what the charts share: type, the frame of title,
 * subtitle and source line, axis ticks and small painting helpers.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>
#include <pango/pangocairo.h>

#include "tally-chart-data.h"
#include "tally-chart-style.h"

G_BEGIN_DECLS

typedef struct
{
  double x;
  double y;
  double width;
  double height;
} TallyChartRect;

typedef enum
{
  TALLY_CHART_FONT_TITLE,
  TALLY_CHART_FONT_SUBTITLE,
  TALLY_CHART_FONT_LABEL,
  TALLY_CHART_FONT_LABEL_BOLD,
  TALLY_CHART_FONT_SMALL,
  TALLY_CHART_FONT_SMALL_BOLD,
  TALLY_CHART_FONT_FIGURE,
  TALLY_CHART_FONT_FIGURE_SMALL,
} TallyChartFont;

/* Where a text's x is: its left edge, its middle, or its right edge.  In
 * SVG, a centred or right-aligned text keeps its anchor (text-anchor), so
 * an editor's longer figure grows out of the same point. */
typedef enum
{
  TALLY_CHART_ALIGN_START,
  TALLY_CHART_ALIGN_CENTER,
  TALLY_CHART_ALIGN_END,
} TallyChartAlign;

/* Title and subtitle above the body, source line below it. */
typedef struct
{
  PangoLayout    *title;
  PangoLayout    *subtitle;
  PangoLayout    *source;
  PangoLayout    *note;
  double          width;      /* the canvas */
  double          height;
  double          margin;
  double          title_y;
  double          subtitle_y;
  double          source_y;
  double          note_y;
  TallyChartRect  body;
} TallyChartFrame;

/* One entry of a legend laid out in lines. */
typedef struct
{
  PangoLayout    *label;
  TallyChartRect  rect;      /* swatch and label together */
  guint           item;      /* the chart item it names */
} TallyChartLegendItem;

double       _tally_chart_px               (const TallyChartStyle *style,
                                            double                 length);
double       _tally_chart_fill_cap         (const TallyChartStyle *style,
                                            double                 length);
PangoLayout *_tally_chart_text_new         (const TallyChartStyle *style,
                                            TallyChartFont         font,
                                            const char            *text);
PangoLayout *_tally_chart_text_shared      (const TallyChartStyle *style,
                                            TallyChartFont         font,
                                            const char            *text,
                                            double                 width,
                                            PangoAlignment         alignment);
PangoLayout *_tally_chart_markup_new       (const TallyChartStyle *style,
                                            TallyChartFont         font,
                                            const char            *markup);
void         _tally_chart_text_size        (PangoLayout           *layout,
                                            double                *width,
                                            double                *height);
double       _tally_chart_text_width       (PangoLayout           *layout);
double       _tally_chart_text_height      (PangoLayout           *layout);
double       _tally_chart_text_baseline    (PangoLayout           *layout);
void         _tally_chart_text_paint       (cairo_t               *cr,
                                            PangoLayout           *layout,
                                            double                 x,
                                            double                 y,
                                            TallyChartRgb          colour,
                                            double                 alpha);
void         _tally_chart_text_paint_halo  (cairo_t               *cr,
                                            PangoLayout           *layout,
                                            double                 x,
                                            double                 y,
                                            const TallyChartStyle *style,
                                            TallyChartRgb          colour);
void         _tally_chart_text_paint_aligned (cairo_t             *cr,
                                            PangoLayout           *layout,
                                            double                 x,
                                            double                 y,
                                            TallyChartAlign        align,
                                            TallyChartRgb          colour,
                                            double                 alpha);
void         _tally_chart_text_paint_halo_aligned (cairo_t        *cr,
                                            PangoLayout           *layout,
                                            double                 x,
                                            double                 y,
                                            TallyChartAlign        align,
                                            const TallyChartStyle *style,
                                            TallyChartRgb          colour);

void         _tally_chart_frame_layout     (TallyChartFrame         *frame,
                                            const TallyChartStyle   *style,
                                            const TallyChartHeading *heading,
                                            double                   width,
                                            double                   height);
void         _tally_chart_frame_paint      (cairo_t                 *cr,
                                            const TallyChartFrame   *frame,
                                            const TallyChartStyle   *style);
void         _tally_chart_frame_clear      (TallyChartFrame         *frame);

void         _tally_chart_legend_clear     (GArray                  *items);

void         _tally_chart_set_rgb          (cairo_t                 *cr,
                                            TallyChartRgb            colour,
                                            double                   alpha);
void         _tally_chart_set_rgb_on_page  (cairo_t                 *cr,
                                            const TallyChartStyle   *style,
                                            TallyChartRgb            colour,
                                            double                   alpha);
void         _tally_chart_on_page          (const TallyChartStyle   *style,
                                            TallyChartRgb            colour,
                                            double                   alpha,
                                            TallyChartRgb           *out_colour,
                                            double                  *out_alpha);
void         _tally_chart_rounded_rect     (cairo_t                 *cr,
                                            double                   x,
                                            double                   y,
                                            double                   width,
                                            double                   height,
                                            double                   radius);
gboolean     _tally_chart_rect_contains    (const TallyChartRect    *rect,
                                            double                   x,
                                            double                   y);

char        *_tally_chart_format_count     (gint64                  count);
char        *_tally_chart_format_change    (gint64                  change);
char        *_tally_chart_format_percent   (double                  percent);
char        *_tally_chart_format_points    (double                  points);

/* A shape drawn once into a small image and stamped many times: on
 * image surfaces, far cheaper than filling one path per shape. */
typedef enum
{
  TALLY_CHART_STAMP_DISC,
  TALLY_CHART_STAMP_RING,
  TALLY_CHART_STAMP_SQUARE,
  TALLY_CHART_STAMP_SQUARE_OUTLINE,
} TallyChartStampShape;

typedef struct
{
  TallyChartStampShape  shape;
  double                size;      /* diameter or side, in user units */
  double                corner;
  double                line_width;
  TallyChartRgb         colour;
  double                alpha;
  cairo_surface_t      *surface;
  int                   device_size;
} TallyChartStamp;

gboolean     _tally_chart_can_stamp        (cairo_t                 *cr);
void         _tally_chart_stamp_init       (TallyChartStamp         *stamp,
                                            cairo_t                 *cr,
                                            TallyChartStampShape     shape,
                                            double                   size,
                                            double                   corner,
                                            double                   line_width,
                                            TallyChartRgb            colour,
                                            double                   alpha);
void         _tally_chart_stamp_paint      (cairo_t                 *cr,
                                            const TallyChartStamp   *stamp,
                                            double                   centre_x,
                                            double                   centre_y);
void         _tally_chart_stamp_clear      (TallyChartStamp         *stamp);

/* SVG export: text and seats as elements (tally-chart-svg.c). */
GString     *_tally_chart_svg_recorder     (cairo_t                 *cr);
void         _tally_chart_svg_text         (cairo_t                 *cr,
                                            GString                 *out,
                                            PangoLayout             *layout,
                                            double                   x,
                                            double                   y,
                                            TallyChartAlign          align,
                                            TallyChartRgb            colour,
                                            double                   alpha,
                                            const TallyChartRgb     *halo,
                                            double                   halo_width);
void         _tally_chart_svg_stamp        (cairo_t                 *cr,
                                            GString                 *out,
                                            const TallyChartStamp   *stamp,
                                            double                   centre_x,
                                            double                   centre_y);

guint        _tally_chart_nice_ticks       (double                  low,
                                            double                  high,
                                            guint                   max_ticks,
                                            double                 *first,
                                            double                 *step);

G_END_DECLS
