/* tally-chart-view.h: a widget that shows one chart and lets it be explored.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "tally-chart.h"

G_BEGIN_DECLS

#define TALLY_TYPE_CHART_VIEW (tally_chart_view_get_type ())

G_DECLARE_FINAL_TYPE (TallyChartView, tally_chart_view, TALLY, CHART_VIEW, GtkWidget)

/**
 * TallyChartViewUpdateFunc:
 *
 * Fills @view with fresh data, with tally_chart_view_set_data(), after
 * something it watches has changed.
 */
typedef void (*TallyChartViewUpdateFunc) (TallyChartView *view,
                                          gpointer        user_data);

GtkWidget      *tally_chart_view_new                   (void);
TallyChartKind  tally_chart_view_get_kind              (TallyChartView           *self);
gconstpointer   tally_chart_view_get_data              (TallyChartView           *self);
void            tally_chart_view_set_data              (TallyChartView           *self,
                                                        TallyChartKind            kind,
                                                        gpointer                  data);
void            tally_chart_view_set_update_func       (TallyChartView           *self,
                                                        TallyChartViewUpdateFunc  func,
                                                        gpointer                  user_data,
                                                        GDestroyNotify            destroy);
void            tally_chart_view_watch                 (TallyChartView           *self,
                                                        gpointer                  object,
                                                        const char               *signal_name);
void            tally_chart_view_queue_update          (TallyChartView           *self);

gboolean        tally_chart_view_get_colour_blind_safe (TallyChartView           *self);
void            tally_chart_view_set_colour_blind_safe (TallyChartView           *self,
                                                        gboolean                  colour_blind_safe);
gboolean        tally_chart_view_get_show_heading      (TallyChartView           *self);
void            tally_chart_view_set_show_heading      (TallyChartView           *self,
                                                        gboolean                  show_heading);
const char     *tally_chart_view_get_placeholder       (TallyChartView           *self);
void            tally_chart_view_set_placeholder       (TallyChartView           *self,
                                                        const char               *placeholder);
const char     *tally_chart_view_get_selected_key      (TallyChartView           *self);
void            tally_chart_view_set_selected_key      (TallyChartView           *self,
                                                        const char               *key);
int             tally_chart_view_get_focus_item        (TallyChartView           *self);
void            tally_chart_view_set_focus_item        (TallyChartView           *self,
                                                        int                       item);
int             tally_chart_view_lookup_item           (TallyChartView           *self,
                                                        double                    x,
                                                        double                    y);
const TallyChartStyle *
                tally_chart_view_get_style             (TallyChartView           *self);

G_END_DECLS
