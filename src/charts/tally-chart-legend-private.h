/* tally-chart-legend-private.h: the seat charts' legend.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "tally-chart-private.h"

G_BEGIN_DECLS

/* Seats that were not up this year are drawn in their party's colour at
 * this opacity on a transparent page, where the page is not known. */
#define _TALLY_CHART_NOT_UP_ALPHA 0.38

/* On a known page, paler by whatever puts the seat's lightness (CIE L*)
 * midway between the solid colour and the page, so that in greyscale and
 * on paper a pale seat stays apart from both: for the Liberal Democrats'
 * light yellow, 12.7 L* from each; for Labour red, 26. */
double  _tally_chart_not_up_alpha        (const TallyChartStyle    *style,
                                          TallyChartRgb             colour);
double  _tally_chart_lightness           (TallyChartRgb             colour);

GArray *_tally_chart_seat_legend_new     (const TallyChartStyle    *style,
                                          const TallySeatChartData *data,
                                          double                    max_width,
                                          double                   *height);
void    _tally_chart_seat_legend_paint   (cairo_t                  *cr,
                                          GArray                   *items,
                                          double                    x,
                                          double                    y,
                                          const TallySeatChartData *data,
                                          const TallyChartStyle    *style,
                                          gboolean                  round,
                                          int                       highlight);
GArray *_tally_chart_seats_up_note_new   (const TallyChartStyle    *style,
                                          const TallySeatChartData *data,
                                          double                    max_width,
                                          double                   *height);
void    _tally_chart_seats_up_note_paint (cairo_t                  *cr,
                                          GArray                   *items,
                                          double                    x,
                                          double                    y,
                                          const TallySeatChartData *data,
                                          const TallyChartStyle    *style,
                                          gboolean                  round);
/* The legend as a party table, for a tall page: a row a party, largest
 * first, with its swatch, name, a bar of its seats (solid for those
 * elected this year, pale or outlined for those not up), its seats and
 * its change, in columns. */
typedef struct
{
  guint        item;
  PangoLayout *name;
  PangoLayout *seats;
  PangoLayout *change;
} TallyChartTableRow;

typedef struct
{
  GArray      *rows;          /* TallyChartTableRow */
  PangoLayout *seats_head;
  PangoLayout *change_head;
  double       name_width;
  double       seats_width;
  double       change_width;
  double       head_height;
  double       line_height;   /* a row's text */
  double       min_pitch;
  double       max_pitch;
  guint        bar_max;       /* the seats a whole bar stands for */

  /* Placed by _tally_chart_seat_table_fit(), from the table's top left. */
  double       width;
  double       height;
  double       pitch;
  double       bar_x;
  double       bar_width;
  double       bar_height;
} TallyChartSeatTable;

double  _tally_chart_seat_table_shortest (const TallyChartStyle    *style,
                                          const TallySeatChartData *data);
TallyChartSeatTable *
        _tally_chart_seat_table_new      (const TallyChartStyle    *style,
                                          const TallySeatChartData *data,
                                          double                    max_width);
double  _tally_chart_seat_table_fit      (TallyChartSeatTable      *table,
                                          const TallyChartStyle    *style,
                                          double                    width,
                                          double                    height);
void    _tally_chart_seat_table_paint    (cairo_t                  *cr,
                                          const TallyChartSeatTable *table,
                                          double                    x,
                                          double                    y,
                                          const TallySeatChartData *data,
                                          const TallyChartStyle    *style,
                                          gboolean                  round,
                                          int                       highlight);
int     _tally_chart_seat_table_lookup   (const TallyChartSeatTable *table,
                                          double                    left,
                                          double                    top,
                                          double                    x,
                                          double                    y);
void    _tally_chart_seat_table_free     (TallyChartSeatTable      *table);

int     _tally_chart_legend_lookup       (GArray                   *items,
                                          double                    left,
                                          double                    top,
                                          double                    x,
                                          double                    y);

G_END_DECLS
