/* tally-calls.h: what a partly declared council's arithmetic makes certain.
 *
 * Pure arithmetic, no database: the seats each party holds that were not
 * up, the seats it has won so far tonight, the seats still to declare.  The
 * sentences come from TallyLiveCouncil (tally-live-council.h).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/**
 * TallyCallKind:
 * @TALLY_CALL_WON: the party's seats reach the majority whatever the
 *   remaining wards do: a hold when it controlled the council before, a
 *   gain otherwise
 * @TALLY_CALL_CANNOT_WIN: the party's seats plus every seat still to
 *   declare fall short of the majority (only said of a party in the running:
 *   one that could have won when the count began and holds seats, not up or
 *   won tonight; that it is ruled out is news)
 * @TALLY_CALL_LOST: the party that controlled the council before cannot
 *   reach the majority any more
 * @TALLY_CALL_STAYS_NOC: under no overall control before, and no party can
 *   reach the majority whatever the remaining wards do
 * @TALLY_CALL_NOC: controlled before, and now no party can reach the
 *   majority: it will be under no overall control
 */
typedef enum
{
  TALLY_CALL_WON,
  TALLY_CALL_CANNOT_WIN,
  TALLY_CALL_LOST,
  TALLY_CALL_STAYS_NOC,
  TALLY_CALL_NOC,
} TallyCallKind;

/**
 * TallyCallInput:
 * @total_seats: every seat on the council after the poll
 * @seats_up: the seats fought tonight
 * @seats_declared: the seats of the wards declared so far
 * @n_parties: the length of the arrays
 * @not_up: (array length=n_parties): each party's seats that were not up
 * @won: (array length=n_parties): each party's seats won so far tonight
 * @aggregate: (array length=n_parties) (nullable): entries that are several
 *   groups counted together ("Other"), which never control a council
 * @control_before: the index of the party in control before the poll, or
 *   %TALLY_NO_CONTROL
 */
typedef struct
{
  guint           total_seats;
  guint           seats_up;
  guint           seats_declared;
  guint           n_parties;
  const guint    *not_up;
  const guint    *won;
  const gboolean *aggregate;
  int             control_before;
} TallyCallInput;

/**
 * TallyCall:
 * @kind: what is certain
 * @party: the party it is about, or %TALLY_NO_CONTROL for the NOC calls
 * @won: the party's seats won so far tonight (0 for the NOC calls)
 * @needed: the seats it needed to win tonight for a majority: the majority
 *   less its seats not up (0 for the NOC calls)
 * @majority: the council's majority
 * @to_come: the seats still to declare
 */
typedef struct
{
  TallyCallKind kind;
  int           party;
  guint         won;
  guint         needed;
  guint         majority;
  guint         to_come;
} TallyCall;

GArray  *tally_calls_compute         (const TallyCallInput *input);
gboolean tally_calls_input_is_valid  (const TallyCallInput *input);

G_END_DECLS
