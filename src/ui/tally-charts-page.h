/* tally-charts-page.h: the charts of everything the filter matches.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "tally-party-ranking.h"

#include "tally-chart-view.h"
#include "tally-types.h"

G_BEGIN_DECLS

typedef struct _TallyResults TallyResults;

#define TALLY_TYPE_CHARTS_PAGE (tally_charts_page_get_type ())

G_DECLARE_FINAL_TYPE (TallyChartsPage, tally_charts_page, TALLY, CHARTS_PAGE, GtkWidget)

GtkWidget      *tally_charts_page_new        (void);
void            tally_charts_page_set_engine (TallyChartsPage *self,
                                              TallyResults    *results,
                                              TallySelection  *selection);
void            tally_charts_page_set_ranking (TallyChartsPage   *self,
                                               TallyPartyRanking *ranking);
TallyChartView *tally_charts_page_get_view   (TallyChartsPage *self,
                                              TallyChartKind   kind);
void            tally_charts_page_set_colour_blind_safe (TallyChartsPage *self,
                                              gboolean         colour_blind_safe);

G_END_DECLS
