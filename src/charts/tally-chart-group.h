/* tally-chart-group.h: minor parties as one Others entry in chart data.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "tally-chart-data.h"
#include "tally-council-result.h"
#include "tally-party-ranking.h"
#include "tally-scope-summary.h"

G_BEGIN_DECLS

void tally_chart_group_seats          (TallySeatChartData  *data,
                                       TallyPartyRanking   *ranking);
void tally_chart_group_state          (TallyStateChartData *data,
                                       TallyPartyRanking   *ranking);
void tally_chart_group_council_shares (TallyShareChartData *data,
                                       TallyPartyRanking   *ranking,
                                       TallyCouncilResult  *result,
                                       TallyVoteMethod      method);
void tally_chart_group_scope_shares   (TallyShareChartData *data,
                                       TallyPartyRanking   *ranking,
                                       TallyScopeSummary   *summary,
                                       TallyVoteMethod      method);

G_END_DECLS
