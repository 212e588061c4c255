/* tally-rules.c: the domain rules of docs/DESIGN.md that are pure arithmetic.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "tally-rules.h"

/**
 * tally_rules_majority:
 * @total_seats: every seat on the council, vacancies included
 *
 * A majority is more than half of all seats: 32 of 63, 28 of 54, 26 of 50.
 *
 * Returns: the seats a party needs to control the council
 */
guint
tally_rules_majority (guint total_seats)
{
  return total_seats / 2 + 1;
}

/**
 * tally_rules_control:
 * @seats: (array length=n_parties): seats held by each party
 * @aggregate: (array length=n_parties) (nullable): which entries of @seats
 *   are not one party but several counted together ("Other")
 * @n_parties: the length of @seats
 *
 * An aggregate can never control a council, however many seats it holds:
 * Hartlepool's 17 "other" councillors of 33 after 2018 came from several
 * groups, and the council was under no overall control.
 *
 * Returns: the index of the party holding a majority of the seats in
 *   @seats, or %TALLY_NO_CONTROL when none does (no overall control)
 */
int
tally_rules_control (const guint    *seats,
                     const gboolean *aggregate,
                     guint           n_parties)
{
  guint total = 0;

  g_return_val_if_fail (seats != NULL || n_parties == 0, TALLY_NO_CONTROL);

  for (guint i = 0; i < n_parties; i++)
    total += seats[i];

  if (total == 0)
    return TALLY_NO_CONTROL;

  for (guint i = 0; i < n_parties; i++)
    if (seats[i] >= tally_rules_majority (total) && !(aggregate != NULL && aggregate[i]))
      return (int) i;

  return TALLY_NO_CONTROL;
}

/**
 * tally_rules_outcome:
 * @control_before: the index of the party in control on the eve of the
 *   poll, %TALLY_NO_CONTROL or %TALLY_CONTROL_UNKNOWN
 * @control_after: the same straight after the poll
 *
 * Indices only need to be comparable: the same party has the same index
 * before and after.
 *
 * Returns: what the election did to control: Peterborough in 2018 (no
 *   overall control, then Conservative) is a gain, Trafford (Conservative,
 *   then no overall control) a loss, Dudley a NOC hold
 */
TallyOutcome
tally_rules_outcome (int control_before,
                     int control_after)
{
  if (control_before == TALLY_CONTROL_UNKNOWN || control_after == TALLY_CONTROL_UNKNOWN)
    return TALLY_OUTCOME_UNKNOWN;

  if (control_before == control_after)
    return control_after == TALLY_NO_CONTROL ? TALLY_OUTCOME_NOC_HOLD : TALLY_OUTCOME_HOLD;

  if (control_after == TALLY_NO_CONTROL)
    return TALLY_OUTCOME_LOSS;

  return TALLY_OUTCOME_GAIN;
}

/**
 * tally_rules_party_outcome:
 * @control_before: as for tally_rules_outcome()
 * @control_after: as for tally_rules_outcome()
 * @party: the index of one party
 *
 * Returns: what the election did for @party: %TALLY_OUTCOME_FLAG_GAIN,
 *   %TALLY_OUTCOME_FLAG_LOSS (to anyone, no overall control included),
 *   %TALLY_OUTCOME_FLAG_HOLD, or %TALLY_OUTCOME_FLAG_NONE when @party
 *   controlled the council neither before nor after
 */
TallyOutcomeFlags
tally_rules_party_outcome (int control_before,
                           int control_after,
                           int party)
{
  if (party < 0 || control_before == TALLY_CONTROL_UNKNOWN || control_after == TALLY_CONTROL_UNKNOWN)
    return TALLY_OUTCOME_FLAG_NONE;

  if (control_before == party && control_after == party)
    return TALLY_OUTCOME_FLAG_HOLD;
  if (control_after == party)
    return TALLY_OUTCOME_FLAG_GAIN;
  if (control_before == party)
    return TALLY_OUTCOME_FLAG_LOSS;

  return TALLY_OUTCOME_FLAG_NONE;
}

/**
 * tally_rules_butler_swing:
 * @a_then: party A's share in the baseline, in per cent
 * @a_now: party A's share now
 * @b_then: party B's share in the baseline
 * @b_now: party B's share now
 *
 * The Butler swing from A to B is the mean of B's rise and A's fall:
 * Con 40 → 35 and Lab 30 → 37 is a swing of 6 points from Con to Lab.
 *
 * Returns: the swing in share points; positive means towards B.  Any NaN
 *   argument (an unknown share) gives NaN.
 */
double
tally_rules_butler_swing (double a_then,
                          double a_now,
                          double b_then,
                          double b_now)
{
  return ((b_now - b_then) + (a_then - a_now)) / 2.0;
}

/**
 * tally_rules_seats_needed:
 * @total_seats: all the council's seats after the election
 * @seats_held_not_up: the seats a party holds that are not being fought
 *
 * Returns: how many of the seats up the party must win for a majority:
 *   0 or less when the seats it keeps already make one
 */
int
tally_rules_seats_needed (guint total_seats,
                          guint seats_held_not_up)
{
  return (int) tally_rules_majority (total_seats) - (int) seats_held_not_up;
}

/**
 * tally_rules_can_control_change:
 * @seats_not_up: (array length=n_parties): each party's seats that are not
 *   being fought this year
 * @aggregate: (array length=n_parties) (nullable): which entries are
 *   several groups counted together, and so can never take control
 * @n_parties: the length of @seats_not_up
 * @total_seats: all the council's seats after the election
 * @seats_up: the seats being fought
 * @control_before: the index of the party in control before, or
 *   %TALLY_NO_CONTROL / %TALLY_CONTROL_UNKNOWN
 *
 * Whether control can change this year, whatever the voters do: on a
 * council elected by thirds, a party holding a majority with the seats it
 * is not defending keeps control, and a party too far behind cannot reach
 * a majority with every seat up.
 *
 * Returns: %TRUE when the result of this election can change who controls
 *   the council
 */
gboolean
tally_rules_can_control_change (const guint    *seats_not_up,
                                const gboolean *aggregate,
                                guint           n_parties,
                                guint           total_seats,
                                guint           seats_up,
                                int             control_before)
{
  guint majority = tally_rules_majority (total_seats);

  g_return_val_if_fail (seats_not_up != NULL || n_parties == 0, FALSE);

  if (total_seats == 0)
    return FALSE;

  /* All out: every party starts from nothing. */
  if (seats_up >= total_seats)
    return TRUE;

  /* The party in control loses it unless its seats not up are a majority,
   * and while it keeps one nobody else can have one. */
  if (control_before >= 0 && (guint) control_before < n_parties)
    return seats_not_up[control_before] < majority;

  for (guint i = 0; i < n_parties; i++)
    {
      if (aggregate != NULL && aggregate[i])
        continue;

      if (seats_not_up[i] + seats_up >= majority)
        return TRUE;
    }

  return FALSE;
}

/**
 * tally_rules_same_cohort:
 * @seats_up_now: the seats fought at this election
 * @seats_up_then: the seats fought at its baseline
 *
 * For a council elected by thirds, 2014's cohort is 2018's; same-day
 * by-elections add a seat or two on either side.  A larger difference
 * means the seats are not the same ones: new ward boundaries (Birmingham
 * fought 41 seats in 2014 and all 101 new ones in 2018) or a change of cycle.
 *
 * Returns: whether the baseline fought the same seats
 */
gboolean
tally_rules_same_cohort (guint seats_up_now,
                         guint seats_up_then)
{
  guint difference = seats_up_now > seats_up_then ? seats_up_now - seats_up_then : seats_up_then - seats_up_now;

  return seats_up_then > 0 && difference <= MAX (2, seats_up_then / 10);
}

/**
 * tally_rules_seats_not_up:
 * @seats_before: the party's seats on the eve of the poll
 * @seats_defended: the seats it won in the baseline cohort, which are the
 *   ones it was defending
 * @seats_up: the seats fought now
 * @total_seats: every seat on the council
 * @same_cohort: whether the baseline fought the same seats
 *   (tally_rules_same_cohort())
 *
 * None on a council elected all out; otherwise the party's seats before
 * less those it defended.  This misses defections and by-elections since
 * the baseline, so it is an estimate where those happened.
 *
 * Returns: the party's seats that were not being fought, or -1 when that
 *   cannot be told (the baseline fought other seats)
 */
int
tally_rules_seats_not_up (guint    seats_before,
                          guint    seats_defended,
                          guint    seats_up,
                          guint    total_seats,
                          gboolean same_cohort)
{
  if (total_seats > 0 && seats_up >= total_seats)
    return 0;

  if (!same_cohort)
    return -1;

  return seats_before > seats_defended ? (int) (seats_before - seats_defended) : 0;
}
