/* tally-scope-summary.h: the state of the parties over the councils of a filter.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "tally-council-result.h"
#include "tally-rules.h"
#include "tally-types.h"

G_BEGIN_DECLS

#define TALLY_TYPE_SCOPE_SUMMARY (tally_scope_summary_get_type ())

G_DECLARE_FINAL_TYPE (TallyScopeSummary, tally_scope_summary, TALLY, SCOPE_SUMMARY, GObject)

TallyElection *tally_scope_summary_get_election            (TallyScopeSummary *self);
TallyElection *tally_scope_summary_get_baseline            (TallyScopeSummary *self);
GListModel    *tally_scope_summary_get_councils            (TallyScopeSummary *self);
guint          tally_scope_summary_get_n_councils          (TallyScopeSummary *self);
gboolean       tally_scope_summary_contains                (TallyScopeSummary *self,
                                                            TallyCouncil      *council);
gboolean       tally_scope_summary_get_declared            (TallyScopeSummary *self,
                                                            guint             *n_declared,
                                                            guint             *n_councils);
guint          tally_scope_summary_get_seats_up            (TallyScopeSummary *self);

guint          tally_scope_summary_get_councils_controlled (TallyScopeSummary *self,
                                                            TallyParty        *party,
                                                            TallyStage         stage);
int            tally_scope_summary_get_councils_change     (TallyScopeSummary *self,
                                                            TallyParty        *party);
guint          tally_scope_summary_get_seats_won           (TallyScopeSummary *self,
                                                            TallyParty        *party);
gboolean       tally_scope_summary_get_seats_change        (TallyScopeSummary *self,
                                                            TallyParty        *party,
                                                            int               *change);
void           tally_scope_summary_get_seat_comparisons    (TallyScopeSummary *self,
                                                            guint             *n_same_seats,
                                                            guint             *n_council_totals);
void           tally_scope_summary_get_seat_change_councils (TallyScopeSummary *self,
                                                            guint             *n_same_seats,
                                                            guint             *n_notional,
                                                            guint             *n_eve,
                                                            guint             *n_left_out);
char          *tally_scope_summary_describe_seat_change    (TallyScopeSummary *self);
char          *tally_scope_summary_describe_left_out       (TallyScopeSummary *self);
char          *tally_scope_summary_describe_basis          (TallyScopeSummary *self);
char          *tally_scope_summary_describe_seats_up       (TallyScopeSummary *self);
gboolean       tally_scope_summary_get_method_known        (TallyScopeSummary *self,
                                                            TallyVoteMethod    method);
TallyBasis     tally_scope_summary_get_basis               (TallyScopeSummary *self);
void           tally_scope_summary_get_special_seats       (TallyScopeSummary *self,
                                                            guint             *postponed,
                                                            guint             *by_election);
gint64         tally_scope_summary_get_votes               (TallyScopeSummary *self,
                                                            TallyParty        *party,
                                                            TallyVoteMethod    method);
double         tally_scope_summary_get_vote_share          (TallyScopeSummary *self,
                                                            TallyParty        *party,
                                                            TallyVoteMethod    method);
double         tally_scope_summary_get_vote_share_change   (TallyScopeSummary *self,
                                                            TallyParty        *party,
                                                            TallyVoteMethod    method);
double         tally_scope_summary_get_other_share         (TallyScopeSummary *self,
                                                            TallyVoteMethod    method);
double         tally_scope_summary_get_swing               (TallyScopeSummary *self,
                                                            TallyParty        *from,
                                                            TallyParty        *to,
                                                            TallyVoteMethod    method);

guint          tally_scope_summary_get_history_seats       (TallyScopeSummary *self,
                                                            TallyElection     *election,
                                                            TallyParty        *party);
double         tally_scope_summary_get_history_share       (TallyScopeSummary *self,
                                                            TallyElection     *election,
                                                            TallyParty        *party,
                                                            TallyVoteMethod    method);

char          *tally_scope_summary_describe_party          (TallyScopeSummary *self,
                                                            TallyParty        *party);
char          *tally_scope_summary_describe_declared       (TallyScopeSummary *self);

G_END_DECLS
