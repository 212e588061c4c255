/* tally-party-ranking.h: which parties a view names, and in what order.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "tally-council-result.h"
#include "tally-scope-summary.h"
#include "tally-types.h"

G_BEGIN_DECLS

/* A party is named when, over all the councils of the election, it controls
 * one before or after the poll, or it won seats in at least this many
 * councils, at this election or at the one it is compared with. */
#define TALLY_MAJOR_PARTY_MIN_COUNCILS 5

typedef struct _TallyPartyRanking TallyPartyRanking;

TallyPartyRanking *tally_party_ranking_new          (GListModel         *parties,
                                                     GListModel         *results);
TallyPartyRanking *tally_party_ranking_new_full     (GListModel         *parties,
                                                     GListModel         *results,
                                                     gboolean            group_minor);
TallyPartyRanking *tally_party_ranking_ref          (TallyPartyRanking  *self);
void               tally_party_ranking_unref        (TallyPartyRanking  *self);
GListModel        *tally_party_ranking_get_shown    (TallyPartyRanking  *self);
TallyParty        *tally_party_ranking_get_others   (TallyPartyRanking  *self);
gboolean           tally_party_ranking_is_grouped   (TallyPartyRanking  *self,
                                                     TallyParty         *party);
GPtrArray         *tally_party_ranking_get_members  (TallyPartyRanking  *self,
                                                     TallyParty         *shown);
int                tally_party_ranking_compare      (TallyPartyRanking  *self,
                                                     TallyParty         *a,
                                                     TallyParty         *b);

gboolean           tally_party_ranking_council_seats (TallyPartyRanking  *self,
                                                      TallyCouncilResult *result,
                                                      TallyParty         *shown,
                                                      guint              *won,
                                                      int                *change);
void               tally_party_ranking_council_share (TallyPartyRanking  *self,
                                                      TallyCouncilResult *result,
                                                      TallyParty         *shown,
                                                      TallyVoteMethod     method,
                                                      double             *share,
                                                      double             *share_change);
gboolean           tally_party_ranking_scope_seats   (TallyPartyRanking  *self,
                                                      TallyScopeSummary  *summary,
                                                      TallyParty         *shown,
                                                      guint              *won,
                                                      int                *change);

guint64            tally_party_ranking_get_digest   (TallyPartyRanking  *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TallyPartyRanking, tally_party_ranking_unref)

G_END_DECLS
