/* tally-council-result.h: what one council's election did to it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

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

G_END_DECLS
