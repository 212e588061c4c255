/* tally-chart-adapt.h: chart data from the results engine.
 *
 * The only place where the charts meet core's objects: each function reads
 * a council result or a scope summary and fills one plain data struct.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "tally-chart-data.h"
#include "tally-council-result.h"
#include "tally-rules.h"
#include "tally-scope-summary.h"
#include "tally-types.h"

G_BEGIN_DECLS

void                   tally_chart_party_init_from    (TallyChartParty    *chart_party,
                                                       TallyParty         *party);

TallySeatChartData    *tally_chart_adapt_composition  (TallyCouncilResult *result,
                                                       GListModel         *parties);
TallySeatChartData    *tally_chart_adapt_seats_won    (TallyCouncilResult *result,
                                                       GListModel         *parties);
TallySeatChartData    *tally_chart_adapt_scope_seats  (TallyScopeSummary  *summary,
                                                       GListModel         *parties,
                                                       const char         *scope_name);
TallyShareChartData   *tally_chart_adapt_council_shares (TallyCouncilResult *result,
                                                       GListModel         *parties,
                                                       TallyVoteMethod     method,
                                                       TallyShareMode      mode);
TallyShareChartData   *tally_chart_adapt_scope_shares (TallyScopeSummary  *summary,
                                                       GListModel         *parties,
                                                       TallyVoteMethod     method,
                                                       TallyShareMode      mode,
                                                       const char         *scope_name);
TallySwingometerData  *tally_chart_adapt_council_swing (TallyCouncilResult *result,
                                                       TallyScopeSummary  *reference,
                                                       TallyParty         *from,
                                                       TallyParty         *to,
                                                       TallyVoteMethod     method);
TallySwingometerData  *tally_chart_adapt_scope_swing  (TallyScopeSummary  *summary,
                                                       TallyParty         *from,
                                                       TallyParty         *to,
                                                       TallyVoteMethod     method,
                                                       const char         *scope_name);
TallySwingScatterData *tally_chart_adapt_swing_scatter (GListModel        *results,
                                                       TallyParty         *from,
                                                       TallyParty         *to,
                                                       TallyVoteMethod     method,
                                                       gboolean            with_share_change,
                                                       const char         *selected_code);
TallyStateChartData   *tally_chart_adapt_state        (TallyScopeSummary  *summary,
                                                       GListModel         *parties,
                                                       const char         *scope_name);

G_END_DECLS
