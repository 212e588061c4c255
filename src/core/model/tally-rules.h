/* tally-rules.h: the arithmetic of control, with no database and no GTK.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* No party controls the council. */
#define TALLY_NO_CONTROL (-1)

/* The composition, and so control, is not known. */
#define TALLY_CONTROL_UNKNOWN (-2)

/**
 * TallyOutcome:
 * @TALLY_OUTCOME_UNKNOWN: control before or after is not known
 * @TALLY_OUTCOME_HOLD: the same party controls the council before and after
 * @TALLY_OUTCOME_GAIN: a party controls it after and did not before: a gain
 *   from no overall control, or from another party
 * @TALLY_OUTCOME_LOSS: the party in control before lost it to no overall
 *   control ("Con loss to NOC")
 * @TALLY_OUTCOME_NOC_HOLD: under no overall control before and after
 *
 * What an election did to control of one council.  Every council has exactly
 * one outcome; a gain from another party is also a loss for that party, which
 * tally_rules_party_outcome() tells.
 */
typedef enum
{
  TALLY_OUTCOME_UNKNOWN,
  TALLY_OUTCOME_HOLD,
  TALLY_OUTCOME_GAIN,
  TALLY_OUTCOME_LOSS,
  TALLY_OUTCOME_NOC_HOLD,
} TallyOutcome;

/**
 * TallyOutcomeFlags:
 * @TALLY_OUTCOME_FLAG_GAIN: gained (by a party, or by the parties of a filter)
 * @TALLY_OUTCOME_FLAG_LOSS: lost (to no overall control or to another party)
 * @TALLY_OUTCOME_FLAG_HOLD: held by the party in control
 * @TALLY_OUTCOME_FLAG_NOC_HOLD: no overall control before and after
 *
 * Sets of outcomes, as a filter chooses them.  Unlike #TallyOutcome they
 * overlap: Richmond upon Thames in 2018 is both a Liberal Democrat gain and a
 * Conservative loss.
 */
typedef enum /*< flags >*/
{
  TALLY_OUTCOME_FLAG_NONE     = 0,
  TALLY_OUTCOME_FLAG_GAIN     = 1 << 0,
  TALLY_OUTCOME_FLAG_LOSS     = 1 << 1,
  TALLY_OUTCOME_FLAG_HOLD     = 1 << 2,
  TALLY_OUTCOME_FLAG_NOC_HOLD = 1 << 3,
} TallyOutcomeFlags;

/* Control changed hands / did not. */
#define TALLY_OUTCOME_FLAGS_CHANGED   (TALLY_OUTCOME_FLAG_GAIN | TALLY_OUTCOME_FLAG_LOSS)
#define TALLY_OUTCOME_FLAGS_UNCHANGED (TALLY_OUTCOME_FLAG_HOLD | TALLY_OUTCOME_FLAG_NOC_HOLD)
#define TALLY_OUTCOME_FLAGS_ALL       (TALLY_OUTCOME_FLAGS_CHANGED | TALLY_OUTCOME_FLAGS_UNCHANGED)

/**
 * TallyVoteMethod:
 * @TALLY_VOTE_METHOD_TOTAL: every candidate's votes count: in a ward
 *   electing three, a voter's three votes all count
 * @TALLY_VOTE_METHOD_TOP: only each party's best candidate in each ward
 *   counts, which approximates one vote per voter (needs candidate data)
 *
 * How votes in multi-member wards add up to a party's share.
 */
typedef enum
{
  TALLY_VOTE_METHOD_TOTAL,
  TALLY_VOTE_METHOD_TOP,
} TallyVoteMethod;

guint             tally_rules_majority             (guint           total_seats);
int               tally_rules_control              (const guint    *seats,
                                                    const gboolean *aggregate,
                                                    guint           n_parties);
TallyOutcome      tally_rules_outcome              (int             control_before,
                                                    int             control_after);
TallyOutcomeFlags tally_rules_party_outcome        (int             control_before,
                                                    int             control_after,
                                                    int             party);
double            tally_rules_butler_swing         (double          a_then,
                                                    double          a_now,
                                                    double          b_then,
                                                    double          b_now);
int               tally_rules_seats_needed         (guint           total_seats,
                                                    guint           seats_held_not_up);
gboolean          tally_rules_can_control_change   (const guint    *seats_not_up,
                                                    const gboolean *aggregate,
                                                    guint           n_parties,
                                                    guint           total_seats,
                                                    guint           seats_up,
                                                    int             control_before);
gboolean          tally_rules_same_cohort          (guint           seats_up_now,
                                                    guint           seats_up_then);
int               tally_rules_seats_not_up         (guint           seats_before,
                                                    guint           seats_defended,
                                                    guint           seats_up,
                                                    guint           total_seats,
                                                    gboolean        same_cohort);

G_END_DECLS
