/* tally-council-result.h: what one council's election did to it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "tally-rules.h"
#include "tally-types.h"

G_BEGIN_DECLS

/* Seats held by one party, in a composition or a result. */
typedef struct
{
  TallyParty *party;
  guint       seats;
} TallySeats;

typedef enum
{
  TALLY_STAGE_BEFORE,  /* on the eve of the poll */
  TALLY_STAGE_AFTER,   /* once every seat up has been declared */
} TallyStage;

#define TALLY_TYPE_COUNCIL_RESULT (tally_council_result_get_type ())

G_DECLARE_FINAL_TYPE (TallyCouncilResult, tally_council_result, TALLY, COUNCIL_RESULT, GObject)

TallyCouncilResult *tally_council_result_new               (TallyCouncil       *council,
                                                            TallyElection      *election,
                                                            guint               seats_up);
TallyCouncil       *tally_council_result_get_council       (TallyCouncilResult *self);
TallyElection      *tally_council_result_get_election      (TallyCouncilResult *self);
guint               tally_council_result_get_seats_up      (TallyCouncilResult *self);
void                tally_council_result_add_composition   (TallyCouncilResult *self,
                                                            TallyStage          stage,
                                                            TallyParty         *party,
                                                            guint               seats);
const TallySeats   *tally_council_result_get_composition   (TallyCouncilResult *self,
                                                            TallyStage          stage,
                                                            guint              *n_parties);
guint               tally_council_result_get_total_seats   (TallyCouncilResult *self,
                                                            TallyStage          stage);
TallyParty         *tally_council_result_get_control       (TallyCouncilResult *self,
                                                            TallyStage          stage);
char               *tally_council_result_describe_control  (TallyCouncilResult *self,
                                                            TallyStage          stage);

/* What follows needs a result from the engine (tally_results_*); a result
 * made by tally_catalog_load_results() answers 0, %FALSE or NaN, except for
 * the outcome, which follows from the compositions. */
TallyElection      *tally_council_result_get_baseline      (TallyCouncilResult *self);
guint               tally_council_result_get_majority      (TallyCouncilResult *self);
TallyOutcome        tally_council_result_get_outcome       (TallyCouncilResult *self);
char               *tally_council_result_describe_outcome  (TallyCouncilResult *self,
                                                            gboolean            abbreviated);
gboolean            tally_council_result_get_declared      (TallyCouncilResult *self);
guint               tally_council_result_get_seats_won     (TallyCouncilResult *self,
                                                            TallyParty         *party);
gboolean            tally_council_result_get_seats_change  (TallyCouncilResult *self,
                                                            TallyParty         *party,
                                                            int                *change);
gboolean            tally_council_result_get_same_seats    (TallyCouncilResult *self);
TallyBasis          tally_council_result_get_basis         (TallyCouncilResult *self);
guint64             tally_council_result_get_digest        (TallyCouncilResult *self);
char               *tally_council_result_describe_seat_basis (TallyCouncilResult *self);
const char         *tally_council_result_get_seat_change_against (TallyCouncilResult *self);
void                tally_council_result_get_special_seats (TallyCouncilResult *self,
                                                            guint              *postponed,
                                                            guint              *by_election);
GStrv               tally_council_result_describe_special_polls (TallyCouncilResult *self);
double              tally_council_result_get_vote_share    (TallyCouncilResult *self,
                                                            TallyParty         *party,
                                                            TallyVoteMethod     method);
double              tally_council_result_get_unsplit_share (TallyCouncilResult *self,
                                                            gint64             *votes);
double              tally_council_result_get_vote_share_change (TallyCouncilResult *self,
                                                            TallyParty         *party,
                                                            TallyVoteMethod     method);
double              tally_council_result_get_swing         (TallyCouncilResult *self,
                                                            TallyParty         *from,
                                                            TallyParty         *to,
                                                            TallyVoteMethod     method);
double              tally_council_result_get_turnout       (TallyCouncilResult *self);
gboolean            tally_council_result_get_seats_needed  (TallyCouncilResult *self,
                                                            TallyParty         *party,
                                                            int                *seats_needed);
gboolean            tally_council_result_get_can_change_control (TallyCouncilResult *self);

G_END_DECLS
