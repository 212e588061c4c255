/* tally-results.h: the results engine: every number a view shows, for any filter.
 *
 * How a window uses it:
 *
 *   results = tally_results_new (catalog, &error);   // reads the latest election
 *   tally_results_set_filter (results, filter);      // the one shared filter
 *   list model:  tally_results_get_matching (results)  (TallyCouncilResult)
 *   numbers:     notify::summary → tally_results_get_summary (results)
 *   council page: tally_results_list_wards (results, result, &error)
 *
 * Each TallyFilter::changed recomputes the summary once, from memory; views
 * never run SQL.  A filter panel's counts come from
 * tally_results_count_matching() on a tally_filter_copy().
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "tally-filter.h"
#include "tally-party-ranking.h"
#include "tally-scope-summary.h"
#include "tally-types.h"

G_BEGIN_DECLS

#define TALLY_TYPE_RESULTS (tally_results_get_type ())

G_DECLARE_FINAL_TYPE (TallyResults, tally_results, TALLY, RESULTS, GObject)

TallyResults       *tally_results_new                 (TallyCatalog        *catalog,
                                                       GError             **error);
TallyCatalog       *tally_results_get_catalog         (TallyResults        *self);

TallyElection      *tally_results_resolve_election    (TallyResults        *self,
                                                       TallyFilter         *filter);
TallyElection      *tally_results_resolve_baseline    (TallyResults        *self,
                                                       TallyFilter         *filter);
GListModel         *tally_results_get_council_results (TallyResults        *self,
                                                       TallyElection       *election,
                                                       TallyElection       *baseline);
TallyPartyRanking  *tally_results_get_ranking         (TallyResults        *self,
                                                       TallyElection       *election,
                                                       TallyElection       *baseline,
                                                       gboolean             group_minor);
TallyCouncilResult *tally_results_lookup              (TallyResults        *self,
                                                       TallyElection       *election,
                                                       TallyElection       *baseline,
                                                       TallyCouncil        *council);

TallyScopeSummary  *tally_results_summarize           (TallyResults        *self,
                                                       TallyFilter         *filter);
guint               tally_results_count_matching      (TallyResults        *self,
                                                       TallyFilter         *filter);
gboolean            tally_results_prepare             (TallyResults        *self,
                                                       TallyFilter         *filter,
                                                       GError             **error);

GListModel         *tally_results_list_wards          (TallyResults        *self,
                                                       TallyCouncilResult  *result,
                                                       GError             **error);

TallyBasis          tally_results_get_basis           (TallyResults        *self);
TallyFilter        *tally_results_get_filter          (TallyResults        *self);
void                tally_results_set_filter          (TallyResults        *self,
                                                       TallyFilter         *filter);
void                tally_results_set_declared        (TallyResults        *self,
                                                       TallyElection       *election,
                                                       GHashTable          *declared);
TallyScopeSummary  *tally_results_get_summary         (TallyResults        *self);
GListModel         *tally_results_get_matching        (TallyResults        *self);

G_END_DECLS
