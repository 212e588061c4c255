/* tally-results-data.c: the flat arrays of tally-results-private.h, once loaded.
 *
 * Their lifetime (reference counted, shared by the engine, the council
 * results and the scope summaries) and the questions every reader asks of
 * them: a party's or an election's index, a party's vote share in one
 * council, the seats it held that were not up.  tally-results-load.c fills
 * them, tally-results-bases.c measures change on each basis, and
 * tally-results.c answers filters with them.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>

#include "tally-election.h"
#include "tally-results-private.h"

static void
data_clear (gpointer mem)
{
  TallyResultsData *data = mem;

  for (guint i = 0; i < data->n_elections; i++)
    g_clear_object (&data->elections[i]);
  for (guint i = 0; i < data->n_councils; i++)
    g_clear_object (&data->councils[i]);
  for (guint i = 0; i < data->n_parties; i++)
    g_clear_object (&data->parties[i]);

  g_clear_pointer (&data->elections, g_free);
  g_clear_pointer (&data->councils, g_free);
  g_clear_pointer (&data->parties, g_free);
  g_clear_pointer (&data->party_aggregate, g_free);
  g_clear_pointer (&data->baseline, g_free);
  g_clear_pointer (&data->party_index, g_hash_table_unref);
  g_clear_pointer (&data->folded_names, g_strfreev);
  g_clear_pointer (&data->declarations_known, g_free);
  g_clear_pointer (&data->loaded, g_free);
  g_clear_pointer (&data->election_by_id, g_hash_table_unref);
  g_clear_pointer (&data->council_by_id, g_hash_table_unref);
  g_clear_pointer (&data->party_by_id, g_hash_table_unref);
  g_clear_object (&data->database);
  g_clear_pointer (&data->held, g_free);
  g_clear_pointer (&data->declared, g_free);
  g_clear_pointer (&data->from_candidates, g_free);
  g_clear_pointer (&data->seats_up, g_free);
  g_clear_pointer (&data->votes_total, g_free);
  g_clear_pointer (&data->top_total, g_free);
  g_clear_pointer (&data->electorate, g_free);
  g_clear_pointer (&data->ballots, g_free);
  g_clear_pointer (&data->seats_won, g_free);
  g_clear_pointer (&data->votes, g_free);
  g_clear_pointer (&data->top_votes, g_free);
  g_clear_pointer (&data->three_votes, g_free);
  g_clear_pointer (&data->three_total, g_free);
  g_clear_pointer (&data->three_wards, g_free);
  g_clear_pointer (&data->digests, g_free);
  g_clear_pointer (&data->digest_keys, g_free);
  _tally_results_data_clear_bases (data);

  for (guint stage = 0; stage < 2; stage++)
    {
      g_clear_pointer (&data->composition_total[stage], g_free);
      g_clear_pointer (&data->control[stage], g_free);
      g_clear_pointer (&data->composition[stage], g_free);
    }
}

TallyResultsData *
_tally_results_data_ref (TallyResultsData *data)
{
  return g_atomic_rc_box_acquire (data);
}

void
_tally_results_data_unref (TallyResultsData *data)
{
  g_atomic_rc_box_release_full (data, data_clear);
}

int
_tally_results_data_party_index (TallyResultsData *data,
                                 TallyParty       *party)
{
  return GPOINTER_TO_INT (g_hash_table_lookup (data->party_index, party)) - 1;
}

int
_tally_results_data_election_index (TallyResultsData *data,
                                    TallyElection    *election)
{
  if (election == NULL)
    return -1;

  for (guint i = 0; i < data->n_elections; i++)
    if (data->elections[i] == election ||
        tally_election_get_id (data->elections[i]) == tally_election_get_id (election))
      return (int) i;

  return -1;
}

/* A party's share of one council's votes, in per cent, or NaN. */
double
_tally_results_data_share (TallyResultsData *data,
                           guint             election,
                           guint             council,
                           int               party,
                           TallyVoteMethod   method)
{
  gsize ec = _tally_ec (data, election, council);
  gint64 total, votes;

  if (party < 0)
    return NAN;

  if (method == TALLY_VOTE_METHOD_TOP)
    {
      total = data->top_total[ec];
      votes = data->top_votes[_tally_ecp (data, election, council, party)];
    }
  else
    {
      total = data->votes_total[ec];
      votes = data->votes[_tally_ecp (data, election, council, party)];
    }

  if (total <= 0 || votes < 0)
    return NAN;

  return 100.0 * (double) votes / (double) total;
}

/* The seats @party held before the poll that were not being fought: none
 * on a council elected all out; otherwise its seats before less the seats it
 * won in the baseline cohort, which are the ones it was defending.  This
 * misses defections and by-elections since the baseline, and where the
 * composition lumps groups together (OTH holds independents in the bundled
 * data) it is an estimate.  TALLY_UNKNOWN when it cannot be told, as when
 * the baseline fought other seats. */
int
_tally_results_data_seats_not_up (TallyResultsData *data,
                                  guint             election,
                                  int               baseline,
                                  guint             council,
                                  guint             party)
{
  gsize ec = _tally_ec (data, election, council);
  guint total_before = data->composition_total[TALLY_STAGE_BEFORE][ec];
  guint total_after = data->composition_total[TALLY_STAGE_AFTER][ec];
  int defended;

  if (total_before == 0)
    return TALLY_UNKNOWN;

  if (data->seats_up[ec] >= (gint32) (total_after > 0 ? total_after : total_before))
    return 0;

  if (_tally_results_data_seat_change_kind (data, election, baseline, council, TALLY_BASIS_SERVICES) !=
      TALLY_SEAT_CHANGE_COHORT)
    return TALLY_UNKNOWN;

  defended = data->seats_won[_tally_ecp (data, baseline, council, party)];
  return MAX (0, (int) data->composition[TALLY_STAGE_BEFORE][_tally_ecp (data, election, council, party)] - defended);
}
