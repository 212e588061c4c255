/* tally-hemicycle.h: a council's seats in rows on a half ring.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>

#include "tally-chart-data.h"
#include "tally-chart-style.h"

G_BEGIN_DECLS

/**
 * TallyHemicycleSeat:
 * @x: centre, in units of the outermost row's radius, from the hemicycle's
 *   centre (the middle of its base); x grows to the right
 * @y: centre, upwards from the base
 * @angle: radians from the right end of the base: π at the left, 0 at the right
 * @row: 0 for the innermost row
 *
 * One seat of a #TallyHemicycleGeometry.
 */
typedef struct
{
  double x;
  double y;
  double angle;
  guint  row;
} TallyHemicycleSeat;

/**
 * TallyHemicycleGeometry:
 * @n_seats: seats laid out
 * @n_rows: rows they sit in
 * @row_seats: (array length=n_rows): seats in each row, inner to outer
 * @row_radius: (array length=n_rows): each row's radius, the outermost 1
 * @seat_radius: the radius of every seat, leaving a gap to its neighbours
 * @seats: (array length=n_seats): the seats from left to right, so that
 *   parties given seats in order sit in contiguous wedges
 * @majority_angle: where the majority mark stands: a party that fills the
 *   seats up to it from either side holds a majority
 *
 * Where the seats of a body of @n_seats go; it depends on the count only.
 */
typedef struct
{
  guint               n_seats;
  guint               n_rows;
  guint              *row_seats;
  double             *row_radius;
  double              seat_radius;
  TallyHemicycleSeat *seats;
  double              majority_angle;
} TallyHemicycleGeometry;

typedef struct _TallyHemicycleLayout TallyHemicycleLayout;

guint                   tally_hemicycle_choose_rows          (guint                         n_seats);
TallyHemicycleGeometry *tally_hemicycle_geometry_new         (guint                         n_seats);
void                    tally_hemicycle_geometry_free        (TallyHemicycleGeometry       *geometry);

TallyHemicycleLayout   *tally_hemicycle_layout_new           (const TallySeatChartData     *data,
                                                              const TallyChartStyle        *style,
                                                              double                        width,
                                                              double                        height);
void                    tally_hemicycle_layout_free          (TallyHemicycleLayout         *layout);
const TallyHemicycleGeometry *
                        tally_hemicycle_layout_get_geometry  (const TallyHemicycleLayout   *layout);
int                     tally_hemicycle_layout_get_seat      (const TallyHemicycleLayout   *layout,
                                                              guint                         seat,
                                                              double                       *x,
                                                              double                       *y,
                                                              double                       *radius,
                                                              gboolean                     *up);
guint                   tally_hemicycle_layout_get_majority_seat (const TallyHemicycleLayout *layout);
gboolean                tally_hemicycle_layout_get_majority_line (const TallyHemicycleLayout *layout,
                                                              double                       *x0,
                                                              double                       *y0,
                                                              double                       *x1,
                                                              double                       *y1);
int                     tally_hemicycle_layout_lookup_item   (const TallyHemicycleLayout   *layout,
                                                              double                        x,
                                                              double                        y);
gboolean                tally_hemicycle_layout_get_item_bounds (const TallyHemicycleLayout *layout,
                                                              guint                         item,
                                                              double                       *x,
                                                              double                       *y,
                                                              double                       *width,
                                                              double                       *height);

void                    tally_hemicycle_paint                (cairo_t                      *cr,
                                                              const TallyHemicycleLayout   *layout,
                                                              const TallySeatChartData     *data,
                                                              const TallyChartStyle        *style,
                                                              int                           highlight);
void                    tally_hemicycle_draw                 (cairo_t                      *cr,
                                                              double                        width,
                                                              double                        height,
                                                              const TallySeatChartData     *data,
                                                              const TallyChartStyle        *style);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TallyHemicycleGeometry, tally_hemicycle_geometry_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TallyHemicycleLayout, tally_hemicycle_layout_free)

G_END_DECLS
