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
