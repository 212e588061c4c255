/* tally-ward-result.h: one ward's poll, with every candidate.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "tally-rules.h"
#include "tally-types.h"

G_BEGIN_DECLS

/**
 * TallyCandidateResult:
 * @name: the candidate's name
 * @party: the party the candidate stood for ("Other" for the unknown)
 * @party_name: (nullable): the party as the source spelt it
 * @votes: votes won
 * @elected: whether the candidate won a seat
 * @share: @votes as a share of all candidates' votes in the ward, in per
 *   cent (total-vote method)
 */
typedef struct
{
  char       *name;
  TallyParty *party;
  char       *party_name;
  guint       votes;
  gboolean    elected;
  double      share;
} TallyCandidateResult;

#define TALLY_TYPE_WARD_RESULT (tally_ward_result_get_type ())

G_DECLARE_FINAL_TYPE (TallyWardResult, tally_ward_result, TALLY, WARD_RESULT, GObject)

const char                 *tally_ward_result_get_name         (TallyWardResult *self);
const char                 *tally_ward_result_get_code         (TallyWardResult *self);
const char                 *tally_ward_result_get_ballot       (TallyWardResult *self);
guint                       tally_ward_result_get_seats        (TallyWardResult *self);
gboolean                    tally_ward_result_get_by_election  (TallyWardResult *self);
const TallyCandidateResult *tally_ward_result_get_candidates   (TallyWardResult *self,
                                                                guint           *n_candidates);
TallyParty                 *tally_ward_result_get_winner       (TallyWardResult *self);
gboolean                    tally_ward_result_get_majority     (TallyWardResult *self,
                                                                guint           *majority);
double                      tally_ward_result_get_turnout      (TallyWardResult *self);
guint                       tally_ward_result_get_seats_won    (TallyWardResult *self,
                                                                TallyParty      *party);
double                      tally_ward_result_get_vote_share   (TallyWardResult *self,
                                                                TallyParty      *party,
                                                                TallyVoteMethod  method);
gboolean                    tally_ward_result_get_has_baseline (TallyWardResult *self);
gboolean                    tally_ward_result_get_seats_change (TallyWardResult *self,
                                                                TallyParty      *party,
                                                                int             *change);
double                      tally_ward_result_get_vote_share_change (TallyWardResult *self,
                                                                TallyParty      *party,
                                                                TallyVoteMethod  method);

G_END_DECLS
