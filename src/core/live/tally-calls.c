/* tally-calls.c: the calls of docs/DESIGN.md's "Partial councils and calls".
 *
 * With some wards declared, a party has won control once its seats (those
 * not up plus those won tonight) reach the majority, whatever the rest do;
 * it cannot win once those seats plus every seat still to declare fall
 * short; the council stays (or becomes) NOC once no party can reach the
 * majority.  Each call holds from the moment the arithmetic allows it: the
 * seats still to come can only add to a party's seats, never take them.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "tally-calls.h"
#include "tally-rules.h"

/**
 * tally_calls_input_is_valid:
 *
 * Returns: whether the figures add up: seats declared within the seats up,
 *   the seats won within the seats declared, the seats up within the
 *   council.  Calls are only made from figures that do.
 */
gboolean
tally_calls_input_is_valid (const TallyCallInput *input)
{
  guint won = 0;

  g_return_val_if_fail (input != NULL, FALSE);

  if (input->total_seats == 0 || input->seats_up == 0 || input->seats_declared > input->seats_up ||
      input->seats_up > input->total_seats)
    return FALSE;

  for (guint i = 0; i < input->n_parties; i++)
    won += input->won[i];

  return won <= input->seats_declared;
}

static void
add_call (GArray        *calls,
          TallyCallKind  kind,
          int            party,
          guint          won,
          guint          needed,
          guint          majority,
          guint          to_come)
{
  TallyCall call = { kind, party, won, needed, majority, to_come };

  g_array_append_val (calls, call);
}

/**
 * tally_calls_compute:
 * @input: the council's figures so far
 *
 * Dudley in 2018 (72 seats, majority 37, 24 up): Labour held 25 seats that
 * were not up and needed 12 of the 24; once 21 wards had declared with 8
 * Labour wins, 8 + 3 to come < 12 and Labour could not take control.
 *
 * Returns: (transfer full) (element-type TallyCall): the calls certain now,
 *   parties in index order, a NOC call last; empty when nothing is certain
 *   or when the figures do not add up (tally_calls_input_is_valid())
 */
GArray *
tally_calls_compute (const TallyCallInput *input)
{
  GArray *calls = g_array_new (FALSE, FALSE, sizeof (TallyCall));
  guint majority, to_come, held_total = 0, excess;
  gboolean any_can_win = FALSE;

  g_return_val_if_fail (input != NULL, calls);

  if (!tally_calls_input_is_valid (input))
    return calls;

  majority = tally_rules_majority (input->total_seats);
  to_come = input->seats_up - input->seats_declared;

  /* Seats not up are an estimate (seats before less seats defended); where
   * they and the seats up come to more than the council (Worcester in 2018
   * fought 13 seats where 12 had been won in 2014), a party's seats may be
   * overstated by the difference.  That only makes "cannot win" harder to
   * reach, which is safe; a win must hold with the difference taken off. */
  for (guint i = 0; i < input->n_parties; i++)
    held_total += input->not_up[i];
  excess = held_total + input->seats_up > input->total_seats ? held_total + input->seats_up - input->total_seats : 0;

  for (guint i = 0; i < input->n_parties; i++)
    {
      guint held = input->not_up[i] + input->won[i];
      guint needed = majority > input->not_up[i] ? majority - input->not_up[i] : 0;
      gboolean was_in_control = input->control_before == (int) i;

      if (input->aggregate != NULL && input->aggregate[i])
        continue;

      if (held + to_come >= majority)
        any_can_win = TRUE;

      if (held >= majority + excess)
        add_call (calls, TALLY_CALL_WON, (int) i, input->won[i], needed, majority, to_come);
      else if (held + to_come < majority && was_in_control)
        add_call (calls, TALLY_CALL_LOST, (int) i, input->won[i], needed, majority, to_come);
      else if (held + to_come < majority && held > 0 && input->not_up[i] + input->seats_up >= majority)
        add_call (calls, TALLY_CALL_CANNOT_WIN, (int) i, input->won[i], needed, majority, to_come);
    }

  if (!any_can_win)
    add_call (calls, input->control_before >= 0 ? TALLY_CALL_NOC : TALLY_CALL_STAYS_NOC,
              TALLY_NO_CONTROL, 0, 0, majority, to_come);

  return calls;
}
