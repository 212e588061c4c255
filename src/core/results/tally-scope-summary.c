/* tally-scope-summary.c: the state of the parties over the councils in scope.
 *
 * A summary is what one filter change computes, once, for every view: which
 * councils match, how many each party controls before and after, the seats
 * won with change against the baseline cohort, vote shares by both methods
 * with change, and the same seats and shares for every election in the
 * database (the history of the councils in scope).  It is immutable once
 * made; the next filter change makes a new one.
 *
 * Scope rules:
 *  - when the database records declarations for the election, control and
 *    seats count only the councils that have declared ("after N of M");
 *    otherwise every council counts as declared, and
 *    tally_scope_summary_get_declared() says so;
 *  - change counts only councils known at both ends: seat change over the
 *    councils that also voted in the baseline (cohort against cohort, or
 *    council totals where the seats fought differ: see
 *    tally_council_result_get_seats_change()), council change over those
 *    whose composition is known before and after;
 *  - a scope's vote share is unknown when any council in it lacks a total
 *    for the method (the top-vote method needs candidate rows), and a
 *    party's share is unknown when its votes are not known somewhere in
 *    scope (the bundled data has none for independents and others).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "tally-council.h"
#include "tally-election.h"
#include "tally-format.h"
#include "tally-party.h"
#include "tally-scope-summary-private.h"

enum { NOW, THEN, N_PERIODS };
#define N_METHODS (TALLY_VOTE_METHOD_TOP + 1)

typedef struct
{
  gint64  *votes;          /* [party] */
  guint8  *votes_unknown;  /* [party] */
  gint64   total;
  gboolean total_unknown;
  guint    n_councils;     /* councils that added to it */
} Tally;

struct _TallyScopeSummary
{
  GObject           parent_instance;

  TallyResultsData *data;
  guint             election;
  int               baseline;
  TallyBasis        basis;

  GPtrArray        *results;       /* matching TallyCouncilResult, by name */
  GListStore       *councils;      /* the same, made on first request */
  guint8           *in_scope;      /* [council] */
  guint             n_councils;
  guint             n_declared;
  guint             seats_up;

  /* [party + 1], 0 standing for no overall control */
  guint            *controlled[2];
  int              *controlled_change;

  gint64           *seats_won;     /* [party] */
  gint64           *seats_change;  /* [party], over councils that voted in the baseline */
  guint             n_kind[TALLY_SEAT_CHANGE_EVE + 1];  /* declared councils by TallySeatChange */
  guint             postponed_seats;
  guint             by_election_seats;

  Tally             tallies[N_PERIODS][N_METHODS];

  /* [election * n_parties + party] and [election] */
  gint64           *history_seats;
  Tally            *history;       /* [election], total method */
  Tally            *history_top;   /* [election], top-vote method */
};

G_DEFINE_FINAL_TYPE (TallyScopeSummary, tally_scope_summary, G_TYPE_OBJECT)

static void
tally_init (Tally *tally,
            guint  n_parties)
{
  tally->votes = g_new0 (gint64, n_parties);
  tally->votes_unknown = g_new0 (guint8, n_parties);
}

static void
tally_clear (Tally *tally)
{
  g_clear_pointer (&tally->votes, g_free);
  g_clear_pointer (&tally->votes_unknown, g_free);
}

static void
tally_add (Tally            *tally,
           TallyResultsData *data,
           guint             election,
           guint             council,
           TallyVoteMethod   method)
{
  gsize ec = _tally_ec (data, election, council);
  const gint64 *votes = method == TALLY_VOTE_METHOD_TOP ? data->top_votes : data->votes;
  gint64 total = method == TALLY_VOTE_METHOD_TOP ? data->top_total[ec] : data->votes_total[ec];
  gsize base = ec * data->n_parties;

  tally->n_councils++;
  if (total < 0)
    {
      tally->total_unknown = TRUE;
      return;
    }

  tally->total += total;
  for (guint party = 0; party < data->n_parties; party++)
    {
      gint64 party_votes = votes[base + party];

      if (party_votes < 0)
        tally->votes_unknown[party] = TRUE;
      else
        tally->votes[party] += party_votes;
    }
}

static double
tally_share (const Tally *tally,
             int          party)
{
  if (party < 0 || tally->n_councils == 0 || tally->total_unknown || tally->total <= 0 ||
      tally->votes_unknown[party])
    return NAN;

  return 100.0 * (double) tally->votes[party] / (double) tally->total;
}

static int
party_index (TallyScopeSummary *self,
             TallyParty        *party)
{
  return party != NULL ? _tally_results_data_party_index (self->data, party) : -1;
}

static void
tally_scope_summary_finalize (GObject *object)
{
  TallyScopeSummary *self = (TallyScopeSummary *) object;

  g_clear_pointer (&self->results, g_ptr_array_unref);
  g_clear_object (&self->councils);
  g_clear_pointer (&self->in_scope, g_free);
  g_clear_pointer (&self->controlled[0], g_free);
  g_clear_pointer (&self->controlled[1], g_free);
  g_clear_pointer (&self->controlled_change, g_free);
  g_clear_pointer (&self->seats_won, g_free);
  g_clear_pointer (&self->seats_change, g_free);
  g_clear_pointer (&self->history_seats, g_free);

  for (guint period = 0; period < N_PERIODS; period++)
    for (guint method = 0; method < N_METHODS; method++)
      tally_clear (&self->tallies[period][method]);

  if (self->data != NULL)
    for (guint election = 0; election < self->data->n_elections; election++)
      {
        tally_clear (&self->history[election]);
        tally_clear (&self->history_top[election]);
      }
  g_clear_pointer (&self->history, g_free);
  g_clear_pointer (&self->history_top, g_free);
  g_clear_pointer (&self->data, _tally_results_data_unref);

  G_OBJECT_CLASS (tally_scope_summary_parent_class)->finalize (object);
}

static void
tally_scope_summary_class_init (TallyScopeSummaryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = tally_scope_summary_finalize;
}

static void
tally_scope_summary_init (TallyScopeSummary *self)
{
  self->results = g_ptr_array_new_with_free_func (g_object_unref);
}

TallyScopeSummary *
_tally_scope_summary_new (TallyResultsData *data,
                          guint             election,
                          int               baseline,
                          TallyBasis        basis)
{
  TallyScopeSummary *self = g_object_new (TALLY_TYPE_SCOPE_SUMMARY, NULL);
  guint n_parties = data->n_parties;

  self->data = _tally_results_data_ref (data);
  self->election = election;
  self->baseline = baseline;
  self->basis = basis;
  self->in_scope = g_new0 (guint8, data->n_councils);
  self->controlled[0] = g_new0 (guint, n_parties + 1);
  self->controlled[1] = g_new0 (guint, n_parties + 1);
  self->controlled_change = g_new0 (int, n_parties + 1);
  self->seats_won = g_new0 (gint64, n_parties);
  self->seats_change = g_new0 (gint64, n_parties);
  self->history_seats = g_new0 (gint64, (gsize) data->n_elections * n_parties);
  self->history = g_new0 (Tally, data->n_elections);
  self->history_top = g_new0 (Tally, data->n_elections);

  for (guint period = 0; period < N_PERIODS; period++)
    for (guint method = 0; method < N_METHODS; method++)
      tally_init (&self->tallies[period][method], n_parties);

  for (guint e = 0; e < data->n_elections; e++)
    {
      tally_init (&self->history[e], n_parties);
      tally_init (&self->history_top[e], n_parties);
    }

  return self;
}

/* Adds one matching council; @result is the engine's object for it. */
void
_tally_scope_summary_add (TallyScopeSummary  *self,
                          guint               council,
                          TallyCouncilResult *result)
{
  TallyResultsData *data = self->data;
  gsize ec = _tally_ec (data, self->election, council);
  gsize base = ec * data->n_parties;
  int before = _tally_results_data_control_before (data, self->election, council, self->basis);
  int after = data->control[TALLY_STAGE_AFTER][ec];
  gboolean compared = self->baseline >= 0 && data->held[_tally_ec (data, self->baseline, council)];
  TallySeatChange kind = _tally_results_data_seat_change_kind (data, self->election, self->baseline, council,
                                                               self->basis);

  g_ptr_array_add (self->results, g_object_ref (result));
  self->in_scope[council] = TRUE;
  self->n_councils++;

  /* History of the two elections the summary compares: the others are
   * not read (tally-results-load.c). */
  for (guint i = 0; i < 2; i++)
    {
      int e = i == 0 ? (int) self->election : self->baseline;
      gsize past;

      if (e < 0 || (i == 1 && e == (int) self->election) || !data->held[_tally_ec (data, (guint) e, council)])
        continue;
      past = _tally_ec (data, (guint) e, council) * data->n_parties;

      for (guint party = 0; party < data->n_parties; party++)
        self->history_seats[e * data->n_parties + party] += data->seats_won[past + party];
      tally_add (&self->history[e], data, e, council, TALLY_VOTE_METHOD_TOTAL);
      tally_add (&self->history_top[e], data, e, council, TALLY_VOTE_METHOD_TOP);
    }

  /* An undeclared council is in scope, and in the list, but not yet in
   * the state of the parties. */
  if (!data->declared[ec])
    return;

  self->n_declared++;
  self->seats_up += (guint) MAX (data->seats_up[ec], 0);
  self->postponed_seats += (guint) data->postponed_seats[ec];
  self->by_election_seats += (guint) data->by_election_seats[ec];

  if (before != TALLY_CONTROL_UNKNOWN)
    self->controlled[TALLY_STAGE_BEFORE][before + 1]++;
  if (after != TALLY_CONTROL_UNKNOWN)
    self->controlled[TALLY_STAGE_AFTER][after + 1]++;
  if (before != TALLY_CONTROL_UNKNOWN && after != TALLY_CONTROL_UNKNOWN && before != after)
    {
      self->controlled_change[before + 1]--;
      self->controlled_change[after + 1]++;
    }
  for (guint party = 0; party < data->n_parties; party++)
    self->seats_won[party] += data->seats_won[base + party];

  for (guint method = 0; method < N_METHODS; method++)
    tally_add (&self->tallies[NOW][method], data, self->election, council, method);

  /* The kind follows from the basis (tally-results-bases.c): each basis
   * has its own kinds, so this adds only changes of one definition. */
  self->n_kind[kind]++;
  for (guint party = 0; party < data->n_parties; party++)
    self->seats_change[party] += _tally_results_data_seat_change (data, self->election, self->baseline,
                                                                  council, party, kind);

  if (compared)
    for (guint method = 0; method < N_METHODS; method++)
      tally_add (&self->tallies[THEN][method], data, self->baseline, council, method);
}

void
_tally_scope_summary_finish (TallyScopeSummary *self)
{
  /* Nothing to do yet: every figure is a sum, complete once the last
   * council is added.  The list model is made on first request. */
  g_assert (TALLY_IS_SCOPE_SUMMARY (self));
}

/**
 * tally_scope_summary_get_election:
 *
 * Returns: (transfer none): the election summarised
 */
TallyElection *
tally_scope_summary_get_election (TallyScopeSummary *self)
{
  g_return_val_if_fail (TALLY_IS_SCOPE_SUMMARY (self), NULL);
  return self->data->elections[self->election];
}

/**
 * tally_scope_summary_get_baseline:
 *
 * Returns: (transfer none) (nullable): the election changes are measured
 *   against
 */
TallyElection *
tally_scope_summary_get_baseline (TallyScopeSummary *self)
{
  g_return_val_if_fail (TALLY_IS_SCOPE_SUMMARY (self), NULL);
  return self->baseline >= 0 ? self->data->elections[self->baseline] : NULL;
}

/**
 * tally_scope_summary_get_councils:
 *
 * Returns: (transfer none): a #TallyCouncilResult for each council that
 *   matches the filter, by name
 */
GListModel *
tally_scope_summary_get_councils (TallyScopeSummary *self)
{
  g_return_val_if_fail (TALLY_IS_SCOPE_SUMMARY (self), NULL);

  if (self->councils == NULL)
    {
      self->councils = g_list_store_new (TALLY_TYPE_COUNCIL_RESULT);
      g_list_store_splice (self->councils, 0, 0, self->results->pdata, self->results->len);
    }

  return G_LIST_MODEL (self->councils);
}

/**
 * tally_scope_summary_get_n_councils:
 *
 * Returns: how many councils match the filter (declared or not)
 */
guint
tally_scope_summary_get_n_councils (TallyScopeSummary *self)
{
  g_return_val_if_fail (TALLY_IS_SCOPE_SUMMARY (self), 0);
  return self->n_councils;
}

/**
 * tally_scope_summary_contains:
 *
 * Returns: whether @council is in scope: what a map colours and what it greys
 */
gboolean
tally_scope_summary_contains (TallyScopeSummary *self,
                              TallyCouncil      *council)
{
  g_return_val_if_fail (TALLY_IS_SCOPE_SUMMARY (self), FALSE);
  g_return_val_if_fail (TALLY_IS_COUNCIL (council), FALSE);

  for (guint i = 0; i < self->data->n_councils; i++)
    if (self->data->councils[i] == council)
      return self->in_scope[i];

  return FALSE;
}

/**
 * tally_scope_summary_get_declared:
 * @n_declared: (out) (optional): councils in scope that have declared
 * @n_councils: (out) (optional): councils in scope
 *
 * Returns: %TRUE when the database records declarations for the election;
 *   %FALSE when it does not, and every council then counts as declared
 */
gboolean
tally_scope_summary_get_declared (TallyScopeSummary *self,
                                  guint             *n_declared,
                                  guint             *n_councils)
{
  g_return_val_if_fail (TALLY_IS_SCOPE_SUMMARY (self), FALSE);

  if (n_declared != NULL)
    *n_declared = self->n_declared;
  if (n_councils != NULL)
    *n_councils = self->n_councils;

  return self->data->declarations_known[self->election];
}

/**
 * tally_scope_summary_get_seats_up:
 *
 * Returns: the seats fought in the declared councils in scope
 */
guint
tally_scope_summary_get_seats_up (TallyScopeSummary *self)
{
  g_return_val_if_fail (TALLY_IS_SCOPE_SUMMARY (self), 0);
  return self->seats_up;
}

/**
 * tally_scope_summary_get_councils_controlled:
 * @party: (nullable): a party, or %NULL for no overall control
 *
 * Returns: how many declared councils in scope @party controlled at @stage
 */
guint
tally_scope_summary_get_councils_controlled (TallyScopeSummary *self,
                                             TallyParty        *party,
                                             TallyStage         stage)
{
  int index;

  g_return_val_if_fail (TALLY_IS_SCOPE_SUMMARY (self), 0);
  g_return_val_if_fail (stage <= TALLY_STAGE_AFTER, 0);

  index = party_index (self, party);
  if (party != NULL && index < 0)
    return 0;

  return self->controlled[stage][index + 1];
}

/**
 * tally_scope_summary_get_councils_change:
 * @party: (nullable): a party, or %NULL for no overall control
 *
 * Returns: councils controlled after less councils controlled before, over
 *   the councils whose composition is known at both stages
 */
int
tally_scope_summary_get_councils_change (TallyScopeSummary *self,
                                         TallyParty        *party)
{
  int index;

  g_return_val_if_fail (TALLY_IS_SCOPE_SUMMARY (self), 0);

  index = party_index (self, party);
  if (party != NULL && index < 0)
    return 0;

  return self->controlled_change[index + 1];
}

/**
 * tally_scope_summary_get_seats_won:
 *
 * Returns: the seats @party won in the declared councils in scope
 */
guint
tally_scope_summary_get_seats_won (TallyScopeSummary *self,
                                   TallyParty        *party)
{
  int index;

  g_return_val_if_fail (TALLY_IS_SCOPE_SUMMARY (self), 0);

  if ((index = party_index (self, party)) < 0)
    return 0;

  return (guint) self->seats_won[index];
}

static guint
n_compared (TallyScopeSummary *self)
{
  return self->n_kind[TALLY_SEAT_CHANGE_COHORT] + self->n_kind[TALLY_SEAT_CHANGE_NOTIONAL] +
         self->n_kind[TALLY_SEAT_CHANGE_EVE];
}

/**
 * tally_scope_summary_get_seats_change:
 * @change: (out): the sum over the declared councils in scope of
 *   tally_council_result_get_seats_change() on the summary's basis: against
 *   the previous comparable election (the same seats, or a notional
 *   baseline on new wards; councils on new wards without one are left out),
 *   or, on the eve basis, the composition after less the one before.  Never
 *   a mixture: see tally_scope_summary_describe_seat_change().
 *
 * Returns: %FALSE when no council in scope has a seat change on the basis
 */
gboolean
tally_scope_summary_get_seats_change (TallyScopeSummary *self,
                                      TallyParty        *party,
                                      int               *change)
{
  int index;

  g_return_val_if_fail (TALLY_IS_SCOPE_SUMMARY (self), FALSE);
  g_return_val_if_fail (change != NULL, FALSE);

  if ((index = party_index (self, party)) < 0 || n_compared (self) == 0)
    return FALSE;

  *change = (int) self->seats_change[index];
  return TRUE;
}

/**
 * tally_scope_summary_get_seat_comparisons:
 * @n_same_seats: (out) (optional): councils whose seat change compares the
 *   same seats (the baseline cohort)
 * @n_council_totals: (out) (optional): councils whose baseline fought other
 *   seats (new boundaries, a change of cycle), compared by council totals
 *   (composition after less before) instead
 *
 * Says how the seat changes of tally_scope_summary_get_seats_change() were
 * measured; declared councils in scope not counted in either had nothing
 * to compare with.
 */
void
tally_scope_summary_get_seat_comparisons (TallyScopeSummary *self,
                                          guint             *n_same_seats,
                                          guint             *n_council_totals)
{
  g_return_if_fail (TALLY_IS_SCOPE_SUMMARY (self));

  if (n_same_seats != NULL)
    *n_same_seats = self->n_kind[TALLY_SEAT_CHANGE_COHORT];
  if (n_council_totals != NULL)
    *n_council_totals = self->n_kind[TALLY_SEAT_CHANGE_EVE];
}

/**
 * tally_scope_summary_get_seat_change_councils:
 * @n_same_seats: (out) (optional): councils compared with the same seats
 * @n_notional: (out) (optional): councils compared with a notional baseline
 * @n_eve: (out) (optional): councils compared with the eve of the poll
 * @n_left_out: (out) (optional): councils on new ward boundaries with no
 *   notional baseline, left out of the seat change
 *
 * How tally_scope_summary_get_seats_change() was measured, council by
 * council: on the eve basis only @n_eve is counted, on the others only the
 * rest.
 */
void
tally_scope_summary_get_seat_change_councils (TallyScopeSummary *self,
                                              guint             *n_same_seats,
                                              guint             *n_notional,
                                              guint             *n_eve,
                                              guint             *n_left_out)
{
  g_return_if_fail (TALLY_IS_SCOPE_SUMMARY (self));

  if (n_same_seats != NULL)
    *n_same_seats = self->n_kind[TALLY_SEAT_CHANGE_COHORT];
  if (n_notional != NULL)
    *n_notional = self->n_kind[TALLY_SEAT_CHANGE_NOTIONAL];
  if (n_eve != NULL)
    *n_eve = self->n_kind[TALLY_SEAT_CHANGE_EVE];
  if (n_left_out != NULL)
    *n_left_out = self->n_kind[TALLY_SEAT_CHANGE_NO_NOTIONAL];
}

/**
 * tally_scope_summary_describe_seat_change:
 *
 * Returns: (transfer full): what the seat changes are measured against and
 *   over which councils: "seat change against the previous comparable
 *   election, over 129 councils (124 on the same seats, 5 against a
 *   notional baseline); 21 on new boundaries have no notional baseline and
 *   are left out", or "seat change against the eve of the poll, over 150
 *   councils"
 */
char *
tally_scope_summary_describe_seat_change (TallyScopeSummary *self)
{
  GString *text;
  guint n_left_out;

  g_return_val_if_fail (TALLY_IS_SCOPE_SUMMARY (self), NULL);

  if (self->basis == TALLY_BASIS_EVE)
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                         "seat change against the eve of the poll, over %u council",
                                         "seat change against the eve of the poll, over %u councils",
                                         n_compared (self)),
                            n_compared (self));

  text = g_string_new (NULL);
  g_string_append_printf (text,
                          g_dngettext (GETTEXT_PACKAGE,
                                       "seat change against the previous comparable election, over %u council "
                                       "(%u on the same seats, %u against a notional baseline)",
                                       "seat change against the previous comparable election, over %u councils "
                                       "(%u on the same seats, %u against a notional baseline)",
                                       n_compared (self)),
                          n_compared (self), self->n_kind[TALLY_SEAT_CHANGE_COHORT],
                          self->n_kind[TALLY_SEAT_CHANGE_NOTIONAL]);

  if ((n_left_out = self->n_kind[TALLY_SEAT_CHANGE_NO_NOTIONAL]) > 0)
    g_string_append_printf (text,
                            g_dngettext (GETTEXT_PACKAGE,
                                         "; %u on new boundaries has no notional baseline and is left out",
                                         "; %u on new boundaries have no notional baseline and are left out",
                                         n_left_out),
                            n_left_out);

  return g_string_free (text, FALSE);
}

/**
 * tally_scope_summary_describe_left_out:
 *
 * The councils the seat change leaves out, by name, so that a reader
 * comparing the total with a published one knows which councils are not in
 * it (docs/BASES.md says why each is, and what each would add).
 *
 * Returns: (transfer full) (nullable): "Left out of the seat change (no
 *   notional baseline): Blackburn with Darwen; Colchester; …", the councils
 *   in their order, or %NULL when none is left out
 */
char *
tally_scope_summary_describe_left_out (TallyScopeSummary *self)
{
  g_autoptr(GString) names = g_string_new (NULL);
  GListModel *councils;

  g_return_val_if_fail (TALLY_IS_SCOPE_SUMMARY (self), NULL);

  councils = tally_scope_summary_get_councils (self);
  for (guint i = 0; i < g_list_model_get_n_items (councils); i++)
    {
      g_autoptr(TallyCouncilResult) result = g_list_model_get_item (councils, i);

      /* Declared councils only: one still declaring is not yet in the change. */
      if (!tally_council_result_get_declared (result) ||
          g_strcmp0 (tally_council_result_get_seat_change_against (result), "no_notional_baseline") != 0)
        continue;
      if (names->len > 0)
        g_string_append (names, "; ");
      g_string_append (names, tally_council_get_name (tally_council_result_get_council (result)));
    }

  if (names->len == 0)
    return NULL;
  /* Translators: "Left out of the seat change (no notional baseline): Blackburn with Darwen; …" */
  return g_strdup_printf (_("Left out of the seat change (no notional baseline): %s"), names->str);
}

/**
 * tally_scope_summary_describe_basis:
 *
 * Returns: (transfer full): a note for the foot of a state of the parties:
 *   "As the results services count it: councils against control on the eve
 *   of the poll; seat change against the previous comparable election, over
 *   128 councils (…)"
 */
char *
tally_scope_summary_describe_basis (TallyScopeSummary *self)
{
  g_autofree char *seats = NULL;

  g_return_val_if_fail (TALLY_IS_SCOPE_SUMMARY (self), NULL);

  seats = tally_scope_summary_describe_seat_change (self);
  /* Translators: "As the results services count it: councils against …; seat change …" */
  return g_strdup_printf (_("%s: %s; %s"), tally_basis_get_label (self->basis),
                          tally_basis_describe_control (self->basis), seats);
}

/**
 * tally_scope_summary_describe_seats_up:
 *
 * Returns: (transfer full): the seats of the ordinary cycle apart from the
 *   by-elections: "4,368 seats of the ordinary cycle (8 of them at postponed
 *   polls, not filled on the day); 44 more at same-day by-elections", or
 *   "4,404 seats up" when there were neither
 */
char *
tally_scope_summary_describe_seats_up (TallyScopeSummary *self)
{
  g_autofree char *ordinary = NULL;

  g_return_val_if_fail (TALLY_IS_SCOPE_SUMMARY (self), NULL);

  ordinary = tally_format_count (self->seats_up - self->by_election_seats + self->postponed_seats);
  if (self->postponed_seats == 0 && self->by_election_seats == 0)
    return g_strdup_printf (_("%s seats up"), ordinary);

  return g_strdup_printf (_("%s seats of the ordinary cycle (%u of them at postponed polls, not filled on the "
                            "day); %u more at same-day by-elections"),
                          ordinary, self->postponed_seats, self->by_election_seats);
}

/**
 * tally_scope_summary_get_method_known:
 *
 * Returns: whether vote shares by @method can be computed for every council
 *   in scope: the top-vote method needs candidate rows (each party's best
 *   candidate per ward), which council totals such as the bundled data do
 *   not have
 */
gboolean
tally_scope_summary_get_method_known (TallyScopeSummary *self,
                                      TallyVoteMethod    method)
{
  g_return_val_if_fail (TALLY_IS_SCOPE_SUMMARY (self), FALSE);
  g_return_val_if_fail (method < N_METHODS, FALSE);

  return self->tallies[NOW][method].n_councils > 0 && !self->tallies[NOW][method].total_unknown;
}

/**
 * tally_scope_summary_get_basis:
 *
 * Returns: what the summary's changes are measured against
 */
TallyBasis
tally_scope_summary_get_basis (TallyScopeSummary *self)
{
  g_return_val_if_fail (TALLY_IS_SCOPE_SUMMARY (self), TALLY_BASIS_SERVICES);

  return self->basis;
}

/**
 * tally_scope_summary_get_special_seats:
 * @postponed: (out) (optional): seats up in scope whose poll was postponed
 *   (not filled on the day, and not in tally_scope_summary_get_seats_up())
 * @by_election: (out) (optional): seats filled in scope at same-day
 *   by-elections (in tally_scope_summary_get_seats_up())
 *
 * The seats of the ordinary cycle are the seats up less @by_election, plus
 * @postponed.
 */
void
tally_scope_summary_get_special_seats (TallyScopeSummary *self,
                                       guint             *postponed,
                                       guint             *by_election)
{
  g_return_if_fail (TALLY_IS_SCOPE_SUMMARY (self));

  if (postponed != NULL)
    *postponed = self->postponed_seats;
  if (by_election != NULL)
    *by_election = self->by_election_seats;
}

/**
 * tally_scope_summary_get_votes:
 *
 * Returns: @party's votes in scope by @method, or -1 when not known
 */
gint64
tally_scope_summary_get_votes (TallyScopeSummary *self,
                               TallyParty        *party,
                               TallyVoteMethod    method)
{
  const Tally *tally;
  int index;

  g_return_val_if_fail (TALLY_IS_SCOPE_SUMMARY (self), -1);
  g_return_val_if_fail (method < N_METHODS, -1);

  tally = &self->tallies[NOW][method];
  if ((index = party_index (self, party)) < 0 || tally->total_unknown || tally->votes_unknown[index])
    return -1;

  return tally->votes[index];
}

/**
 * tally_scope_summary_get_vote_share:
 *
 * Returns: @party's share of all votes in scope, in per cent, or NaN
 */
double
tally_scope_summary_get_vote_share (TallyScopeSummary *self,
                                    TallyParty        *party,
                                    TallyVoteMethod    method)
{
  g_return_val_if_fail (TALLY_IS_SCOPE_SUMMARY (self), NAN);
  g_return_val_if_fail (method < N_METHODS, NAN);

  return tally_share (&self->tallies[NOW][method], party_index (self, party));
}

/**
 * tally_scope_summary_get_vote_share_change:
 *
 * Returns: the change in @party's share since the baseline, in points,
 *   over the councils in scope that voted in both, or NaN
 */
double
tally_scope_summary_get_vote_share_change (TallyScopeSummary *self,
                                           TallyParty        *party,
                                           TallyVoteMethod    method)
{
  int index;

  g_return_val_if_fail (TALLY_IS_SCOPE_SUMMARY (self), NAN);
  g_return_val_if_fail (method < N_METHODS, NAN);

  index = party_index (self, party);
  return tally_share (&self->tallies[NOW][method], index) - tally_share (&self->tallies[THEN][method], index);
}

/**
 * tally_scope_summary_get_other_share:
 *
 * Returns: the share of the votes not attributed to a party whose votes are
 *   known: in the bundled data, independents and others together
 */
double
tally_scope_summary_get_other_share (TallyScopeSummary *self,
                                     TallyVoteMethod    method)
{
  const Tally *tally;
  gint64 known = 0;

  g_return_val_if_fail (TALLY_IS_SCOPE_SUMMARY (self), NAN);
  g_return_val_if_fail (method < N_METHODS, NAN);

  tally = &self->tallies[NOW][method];
  if (tally->n_councils == 0 || tally->total_unknown || tally->total <= 0)
    return NAN;

  for (guint party = 0; party < self->data->n_parties; party++)
    if (!tally->votes_unknown[party])
      known += tally->votes[party];

  return 100.0 * (double) (tally->total - known) / (double) tally->total;
}

/**
 * tally_scope_summary_get_swing:
 * @from: party A
 * @to: party B
 *
 * Returns: the Butler swing from @from to @to over the scope, in points
 *   (positive towards @to), or NaN when a share is not known
 */
double
tally_scope_summary_get_swing (TallyScopeSummary *self,
                               TallyParty        *from,
                               TallyParty        *to,
                               TallyVoteMethod    method)
{
  int a, b;

  g_return_val_if_fail (TALLY_IS_SCOPE_SUMMARY (self), NAN);
  g_return_val_if_fail (method < N_METHODS, NAN);

  a = party_index (self, from);
  b = party_index (self, to);
  return tally_rules_butler_swing (tally_share (&self->tallies[THEN][method], a),
                                   tally_share (&self->tallies[NOW][method], a),
                                   tally_share (&self->tallies[THEN][method], b),
                                   tally_share (&self->tallies[NOW][method], b));
}

/**
 * tally_scope_summary_get_history_seats:
 * @election: the summary's election or its baseline
 *
 * Returns: the seats @party won at @election in the councils now in scope
 *   (those of them that voted then); 0 for any other election, which the
 *   engine has not read for this question
 */
guint
tally_scope_summary_get_history_seats (TallyScopeSummary *self,
                                       TallyElection     *election,
                                       TallyParty        *party)
{
  int e, index;

  g_return_val_if_fail (TALLY_IS_SCOPE_SUMMARY (self), 0);

  if ((e = _tally_results_data_election_index (self->data, election)) < 0 ||
      (index = party_index (self, party)) < 0)
    return 0;

  return (guint) self->history_seats[(gsize) e * self->data->n_parties + index];
}

/**
 * tally_scope_summary_get_history_share:
 * @election: the summary's election or its baseline
 *
 * Returns: @party's vote share at @election in the councils now in scope,
 *   in per cent, or NaN (always for any other election)
 */
double
tally_scope_summary_get_history_share (TallyScopeSummary *self,
                                       TallyElection     *election,
                                       TallyParty        *party,
                                       TallyVoteMethod    method)
{
  int e;

  g_return_val_if_fail (TALLY_IS_SCOPE_SUMMARY (self), NAN);
  g_return_val_if_fail (method < N_METHODS, NAN);

  if ((e = _tally_results_data_election_index (self->data, election)) < 0)
    return NAN;

  return tally_share (method == TALLY_VOTE_METHOD_TOP ? &self->history_top[e] : &self->history[e],
                      party_index (self, party));
}

/**
 * tally_scope_summary_describe_party:
 *
 * Returns: (transfer full): the line newspapers print: "Labour: 73 councils
 *   (+1); 2,348 seats (+221)", changes signed as tally_format_change()
 *   writes them; a change that is not known is left out.
 */
char *
tally_scope_summary_describe_party (TallyScopeSummary *self,
                                    TallyParty        *party)
{
  g_autofree char *seats = NULL;
  g_autofree char *seats_change = NULL;
  g_autofree char *councils_change = NULL;
  int change;

  g_return_val_if_fail (TALLY_IS_SCOPE_SUMMARY (self), NULL);
  g_return_val_if_fail (TALLY_IS_PARTY (party), NULL);

  seats = tally_format_count (tally_scope_summary_get_seats_won (self, party));
  councils_change = tally_format_change (tally_scope_summary_get_councils_change (self, party));

  if (!tally_scope_summary_get_seats_change (self, party, &change))
    /* Translators: "Labour: 73 councils (+1); 2,348 seats" */
    return g_strdup_printf (_("%s: %u councils (%s); %s seats"), tally_party_get_full_name (party),
                            tally_scope_summary_get_councils_controlled (self, party, TALLY_STAGE_AFTER),
                            councils_change, seats);

  seats_change = tally_format_change (change);
  /* Translators: "Labour: 73 councils (+1); 2,348 seats (+221)" */
  return g_strdup_printf (_("%s: %u councils (%s); %s seats (%s)"), tally_party_get_full_name (party),
                          tally_scope_summary_get_councils_controlled (self, party, TALLY_STAGE_AFTER),
                          councils_change, seats, seats_change);
}

/**
 * tally_scope_summary_describe_declared:
 *
 * Returns: (transfer full): "after 40 of 150 councils", "all 150 councils
 *   declared", or, when the database records no declarations, "150 councils
 *   (no declaration times recorded: all counted as declared)"
 */
char *
tally_scope_summary_describe_declared (TallyScopeSummary *self)
{
  g_return_val_if_fail (TALLY_IS_SCOPE_SUMMARY (self), NULL);

  if (!self->data->declarations_known[self->election])
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                         "%u council (no declaration times recorded: counted as declared)",
                                         "%u councils (no declaration times recorded: all counted as declared)",
                                         self->n_councils),
                            self->n_councils);

  if (self->n_declared == self->n_councils)
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "all %u council declared",
                                         "all %u councils declared", self->n_councils),
                            self->n_councils);

  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "after %u of %u council", "after %u of %u councils",
                                       self->n_councils),
                          self->n_declared, self->n_councils);
}

TallyResultsData *
_tally_scope_summary_get_scope (TallyScopeSummary *self,
                                guint             *election,
                                const guint8     **in_scope)
{
  g_return_val_if_fail (TALLY_IS_SCOPE_SUMMARY (self), NULL);

  *election = self->election;
  *in_scope = self->in_scope;
  return self->data;
}
