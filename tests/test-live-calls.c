/* test-live-calls.c: the calls of a partly declared council, worked by hand.
 *
 * Each case gives the figures a results desk would have (seats not up,
 * seats won so far, seats still to come) and the calls the arithmetic
 * allows; the real 2018 councils (Dudley, Worcester, Trafford) are here with
 * the figures of the bundled data, and played from the data in
 * test-live-night.c.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "tally-calls.h"
#include "tally-rules.h"

enum { CON, LAB, GRN, UKIP, OTH, N_PARTIES };

static const gboolean aggregate[N_PARTIES] = { [OTH] = TRUE };

static GArray *
compute (guint        total_seats,
         guint        seats_up,
         guint        seats_declared,
         const guint *not_up,
         const guint *won,
         int          control_before)
{
  TallyCallInput input = { total_seats, seats_up, seats_declared, N_PARTIES, not_up, won, aggregate,
                           control_before };

  return tally_calls_compute (&input);
}

static const TallyCall *
find (GArray        *calls,
      TallyCallKind  kind,
      int            party)
{
  for (guint i = 0; i < calls->len; i++)
    {
      const TallyCall *call = &g_array_index (calls, TallyCall, i);

      if (call->kind == kind && call->party == party)
        return call;
    }

  return NULL;
}

/* Dudley 2018: 72 seats (majority 37), 24 up; Labour 35 before, 10 defended,
 * so 25 not up and 12 needed; Conservatives 29 before, 7 defended. */
static void
test_dudley_labour_ruled_out (void)
{
  const guint not_up[N_PARTIES] = { [CON] = 22, [LAB] = 25, [UKIP] = 1 };
  const guint won_20[N_PARTIES] = { [CON] = 12, [LAB] = 8 };
  const guint won_21[N_PARTIES] = { [CON] = 13, [LAB] = 8 };
  g_autoptr(GArray) at_20 = compute (72, 24, 20, not_up, won_20, TALLY_NO_CONTROL);
  g_autoptr(GArray) at_21 = compute (72, 24, 21, not_up, won_21, TALLY_NO_CONTROL);
  const TallyCall *call;

  /* 8 won and 4 to come: 12 is still reachable. */
  g_assert_null (find (at_20, TALLY_CALL_CANNOT_WIN, LAB));
  g_assert_cmpuint (at_20->len, ==, 0);

  call = find (at_21, TALLY_CALL_CANNOT_WIN, LAB);
  g_assert_nonnull (call);
  g_assert_cmpuint (call->needed, ==, 12);
  g_assert_cmpuint (call->won, ==, 8);
  g_assert_cmpuint (call->to_come, ==, 3);
  g_assert_cmpuint (call->majority, ==, 37);
  /* The Conservatives can still reach 37 (22 + 13 + 3 = 38): no NOC call. */
  g_assert_null (find (at_21, TALLY_CALL_CANNOT_WIN, CON));
  g_assert_cmpuint (at_21->len, ==, 1);
}

/* Worcester 2018: 35 seats (majority 18, odd), 13 up.  Before, Con 17, Lab 16,
 * Green 2; defended 6 and 6. */
static void
test_worcester_odd_stays_noc (void)
{
  const guint not_up[N_PARTIES] = { [CON] = 11, [LAB] = 10, [GRN] = 2 };
  const guint won_12[N_PARTIES] = { [CON] = 6, [LAB] = 6 };
  const guint won_13[N_PARTIES] = { [CON] = 6, [LAB] = 6, [GRN] = 1 };
  g_autoptr(GArray) at_12 = compute (35, 13, 12, not_up, won_12, TALLY_NO_CONTROL);
  g_autoptr(GArray) at_13 = compute (35, 13, 13, not_up, won_13, TALLY_NO_CONTROL);

  /* With the Green ward last, the Conservatives could still make 18. */
  g_assert_null (find (at_12, TALLY_CALL_STAYS_NOC, TALLY_NO_CONTROL));
  g_assert_nonnull (find (at_12, TALLY_CALL_CANNOT_WIN, LAB));
  g_assert_null (find (at_12, TALLY_CALL_CANNOT_WIN, CON));

  g_assert_nonnull (find (at_13, TALLY_CALL_STAYS_NOC, TALLY_NO_CONTROL));
  g_assert_nonnull (find (at_13, TALLY_CALL_CANNOT_WIN, CON));
  g_assert_nonnull (find (at_13, TALLY_CALL_CANNOT_WIN, LAB));
  /* The Greens could never have won: nothing to say about them. */
  g_assert_null (find (at_13, TALLY_CALL_CANNOT_WIN, GRN));
  g_assert_cmpuint (at_13->len, ==, 3);
}

/* Trafford 2018: 63 seats (majority 32), 22 up, Conservative before with 34,
 * 12 defended: 22 not up, 10 needed. */
static void
test_trafford_thirds_lost (void)
{
  const guint not_up[N_PARTIES] = { [CON] = 22, [LAB] = 16, [OTH] = 3 };
  const guint won_12[N_PARTIES] = { [LAB] = 10, [GRN] = 2 };
  const guint won_13[N_PARTIES] = { [LAB] = 11, [GRN] = 2 };
  g_autoptr(GArray) at_12 = compute (63, 22, 12, not_up, won_12, CON);
  g_autoptr(GArray) at_13 = compute (63, 22, 13, not_up, won_13, CON);
  const TallyCall *call;

  /* 22 + 10 to come = 32: still possible. */
  g_assert_null (find (at_12, TALLY_CALL_LOST, CON));

  call = find (at_13, TALLY_CALL_LOST, CON);
  g_assert_nonnull (call);
  g_assert_cmpuint (call->needed, ==, 10);
  g_assert_cmpuint (call->to_come, ==, 9);
  /* A lost party is not also "cannot win". */
  g_assert_null (find (at_13, TALLY_CALL_CANNOT_WIN, CON));
  /* Labour: 16 + 11 + 9 = 36 ≥ 32, so no NOC call yet. */
  g_assert_null (find (at_13, TALLY_CALL_NOC, TALLY_NO_CONTROL));
}

/* An even council of 50, all out (majority 26): a gain from no overall
 * control is certain at 26, before the last ward. */
static void
test_even_gain_before_last (void)
{
  const guint not_up[N_PARTIES] = { 0 };
  const guint won_25[N_PARTIES] = { [LAB] = 25, [CON] = 5 };
  const guint won_26[N_PARTIES] = { [LAB] = 26, [CON] = 5 };
  g_autoptr(GArray) at_30 = compute (50, 50, 30, not_up, won_25, TALLY_NO_CONTROL);
  g_autoptr(GArray) at_31 = compute (50, 50, 31, not_up, won_26, TALLY_NO_CONTROL);
  const TallyCall *call;

  g_assert_null (find (at_30, TALLY_CALL_WON, LAB));
  call = find (at_31, TALLY_CALL_WON, LAB);
  g_assert_nonnull (call);
  g_assert_cmpuint (call->needed, ==, 26);
  g_assert_cmpuint (call->to_come, ==, 19);
  /* The Conservatives cannot reach 26 either: 5 + 19. */
  g_assert_nonnull (find (at_31, TALLY_CALL_CANNOT_WIN, CON));
}

/* A tie in an even council: 30 each of 60 is not a majority (31). */
static void
test_even_tie_is_noc (void)
{
  const guint not_up[N_PARTIES] = { 0 };
  const guint won[N_PARTIES] = { [CON] = 30, [LAB] = 30 };
  g_autoptr(GArray) calls = compute (60, 60, 60, not_up, won, CON);

  g_assert_null (find (calls, TALLY_CALL_WON, CON));
  g_assert_null (find (calls, TALLY_CALL_WON, LAB));
  g_assert_nonnull (find (calls, TALLY_CALL_LOST, CON));
  g_assert_nonnull (find (calls, TALLY_CALL_NOC, TALLY_NO_CONTROL));
}

/* Nine seats, all out (majority 5): after 4 each and one seat to come, both
 * could still make 5; nothing is certain until the last ward. */
static void
test_no_call_until_the_end (void)
{
  const guint not_up[N_PARTIES] = { 0 };
  const guint won_8[N_PARTIES] = { [CON] = 4, [LAB] = 4 };
  const guint won_9[N_PARTIES] = { [CON] = 4, [LAB] = 4, [GRN] = 1 };
  const guint won_9_con[N_PARTIES] = { [CON] = 5, [LAB] = 4 };
  g_autoptr(GArray) at_8 = compute (9, 9, 8, not_up, won_8, TALLY_NO_CONTROL);
  g_autoptr(GArray) at_9 = compute (9, 9, 9, not_up, won_9, TALLY_NO_CONTROL);
  g_autoptr(GArray) at_9_con = compute (9, 9, 9, not_up, won_9_con, TALLY_NO_CONTROL);

  g_assert_cmpuint (at_8->len, ==, 0);
  g_assert_nonnull (find (at_9, TALLY_CALL_STAYS_NOC, TALLY_NO_CONTROL));
  g_assert_nonnull (find (at_9_con, TALLY_CALL_WON, CON));
  g_assert_nonnull (find (at_9_con, TALLY_CALL_CANNOT_WIN, LAB));
}

/* "Other" is several groups: it never wins control, however many seats. */
static void
test_aggregate_never_wins (void)
{
  const guint not_up[N_PARTIES] = { 0 };
  const guint won[N_PARTIES] = { [OTH] = 20, [LAB] = 10 };
  g_autoptr(GArray) calls = compute (30, 30, 30, not_up, won, TALLY_NO_CONTROL);

  g_assert_null (find (calls, TALLY_CALL_WON, OTH));
  g_assert_nonnull (find (calls, TALLY_CALL_STAYS_NOC, TALLY_NO_CONTROL));
}

/* Figures that do not add up make no call. */
static void
test_invalid_figures (void)
{
  const guint not_up[N_PARTIES] = { [CON] = 40 };
  const guint won[N_PARTIES] = { [CON] = 5 };
  g_autoptr(GArray) too_many_won = compute (60, 20, 3, not_up, won, TALLY_NO_CONTROL);
  const guint not_up_over[N_PARTIES] = { [CON] = 16, [LAB] = 10 };
  const guint won_over[N_PARTIES] = { [CON] = 2 };
  g_autoptr(GArray) overstated = compute (35, 13, 3, not_up_over, won_over, TALLY_NO_CONTROL);

  g_assert_cmpuint (too_many_won->len, ==, 0);
  /* 26 not up and 13 up make 39 of 35: 4 too many, so 18 held is no sure win. */
  g_assert_null (find (overstated, TALLY_CALL_WON, CON));
}

/* The seats not up, and when the baseline fought the same seats. */
static void
test_seats_not_up (void)
{
  g_assert_true (tally_rules_same_cohort (24, 24));
  g_assert_true (tally_rules_same_cohort (13, 12));
  g_assert_false (tally_rules_same_cohort (101, 41));
  g_assert_cmpint (tally_rules_seats_not_up (35, 10, 24, 72, TRUE), ==, 25);
  g_assert_cmpint (tally_rules_seats_not_up (35, 10, 72, 72, FALSE), ==, 0);
  g_assert_cmpint (tally_rules_seats_not_up (35, 10, 24, 72, FALSE), ==, -1);
  g_assert_cmpint (tally_rules_seats_not_up (3, 5, 24, 72, TRUE), ==, 0);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/live/calls/dudley-labour-ruled-out", test_dudley_labour_ruled_out);
  g_test_add_func ("/live/calls/worcester-odd-stays-noc", test_worcester_odd_stays_noc);
  g_test_add_func ("/live/calls/trafford-thirds-lost", test_trafford_thirds_lost);
  g_test_add_func ("/live/calls/even-gain-before-last", test_even_gain_before_last);
  g_test_add_func ("/live/calls/even-tie-is-noc", test_even_tie_is_noc);
  g_test_add_func ("/live/calls/no-call-until-the-end", test_no_call_until_the_end);
  g_test_add_func ("/live/calls/aggregate-never-wins", test_aggregate_never_wins);
  g_test_add_func ("/live/calls/invalid-figures", test_invalid_figures);
  g_test_add_func ("/live/calls/seats-not-up", test_seats_not_up);

  return g_test_run ();
}
