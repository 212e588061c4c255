/* tally-chart.h: every chart behind one set of calls, by kind.
 *
 * A widget or an exporter that holds "a chart" holds its kind and its data
 * (one of the structs of tally-chart-data.h, as the kind says) and goes
 * through these calls; each forwards to the chart's own functions.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>

#include "tally-chart-data.h"
#include "tally-chart-style.h"

G_BEGIN_DECLS

/**
 * TallyChartKind:
 * @TALLY_CHART_HEMICYCLE: #TallySeatChartData as a half ring of seats
 * @TALLY_CHART_SEAT_BARS: #TallySeatChartData as bars with change
 * @TALLY_CHART_WAFFLE: #TallySeatChartData as one square per seat
 * @TALLY_CHART_SHARE_BARS: #TallyShareChartData
 * @TALLY_CHART_SWINGOMETER: #TallySwingometerData
 * @TALLY_CHART_SWING_SCATTER: #TallySwingScatterData
 * @TALLY_CHART_STATE: #TallyStateChartData
 */
typedef enum
{
  TALLY_CHART_HEMICYCLE,
  TALLY_CHART_SEAT_BARS,
  TALLY_CHART_WAFFLE,
  TALLY_CHART_SHARE_BARS,
  TALLY_CHART_SWINGOMETER,
  TALLY_CHART_SWING_SCATTER,
  TALLY_CHART_STATE,
} TallyChartKind;

#define TALLY_N_CHART_KINDS (TALLY_CHART_STATE + 1)

typedef struct _TallyChartLayout TallyChartLayout;

const char       *tally_chart_kind_to_string        (TallyChartKind          kind);
gboolean          tally_chart_kind_from_string      (const char             *string,
                                                     TallyChartKind         *kind);
const char       *tally_chart_kind_get_label        (TallyChartKind          kind);

void              tally_chart_data_free             (TallyChartKind          kind,
                                                     gpointer                data);
guint             tally_chart_data_get_n_items      (TallyChartKind          kind,
                                                     gconstpointer           data);
const char       *tally_chart_data_get_item_key     (TallyChartKind          kind,
                                                     gconstpointer           data,
                                                     guint                   item);
char             *tally_chart_data_describe_item    (TallyChartKind          kind,
                                                     gconstpointer           data,
                                                     guint                   item);
const TallyChartHeading *
                  tally_chart_data_get_heading      (TallyChartKind          kind,
                                                     gconstpointer           data);

TallyChartLayout *tally_chart_layout_new            (TallyChartKind          kind,
                                                     gconstpointer           data,
                                                     const TallyChartStyle  *style,
                                                     double                  width,
                                                     double                  height);
void              tally_chart_layout_free           (TallyChartLayout       *layout);
TallyChartKind    tally_chart_layout_get_kind       (const TallyChartLayout *layout);
gconstpointer     tally_chart_layout_get_chart_layout (const TallyChartLayout *layout);
int               tally_chart_layout_lookup_item    (const TallyChartLayout *layout,
                                                     double                  x,
                                                     double                  y);
gboolean          tally_chart_layout_get_item_bounds (const TallyChartLayout *layout,
                                                     guint                   item,
                                                     double                 *x,
                                                     double                 *y,
                                                     double                 *width,
                                                     double                 *height);
void              tally_chart_paint                 (cairo_t                *cr,
                                                     const TallyChartLayout *layout,
                                                     gconstpointer           data,
                                                     const TallyChartStyle  *style,
                                                     int                     highlight);
void              tally_chart_draw                  (TallyChartKind          kind,
                                                     cairo_t                *cr,
                                                     double                  width,
                                                     double                  height,
                                                     gconstpointer           data,
                                                     const TallyChartStyle  *style);

void              tally_chart_svg_record            (cairo_surface_t        *surface,
                                                     GString                *elements);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TallyChartLayout, tally_chart_layout_free)

G_END_DECLS
