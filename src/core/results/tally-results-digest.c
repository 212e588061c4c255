/* tally-results-digest.c: one number for everything a council's figures are.
 *
 * On results night the window reads the whole file again for every ward,
 * and gets a new engine whose 150 councils are new objects; most of them
 * show what they showed before.  A digest of every number the engine holds
 * for a council in one election and its baseline tells the views which
 * councils to describe again: two results with the same digest show the
 * same (the converse need not hold, and a view still compares what it
 * shows before it says a row changed).
 *
 * The digest is a 64-bit mix of the council's slices of the arrays of
 * tally-results-private.h, word by word, with the catalogue's parties
 * (their keys and names, which the figures are indexed and named by).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"


#include "tally-digest.h"
#include "tally-election.h"
#include "tally-party.h"
#include "tally-results-private.h"

/* One council's slice of a per-council array, and of a per-party one. */
#define MIX_EC(digest, array, ec) \
  ((array) != NULL ? tally_digest_bytes (digest, &(array)[ec], sizeof (array)[0]) : tally_digest_word (digest, 0))
#define MIX_ECP(digest, array, ec) \
  ((array) != NULL ? tally_digest_bytes (digest, &(array)[(ec) * data->n_parties], data->n_parties * sizeof (array)[0]) \
                   : tally_digest_word (digest, 0))

static guint64
mix_election (guint64           digest,
              TallyResultsData *data,
              guint             election,
              guint             council)
{
  gsize ec = _tally_ec (data, election, council);

  digest = tally_digest_word (digest, election);
  digest = tally_digest_string (digest, tally_election_get_date (data->elections[election]));
  digest = tally_digest_word (digest, data->loaded[election] | data->declarations_known[election] << 8);

  digest = MIX_EC (digest, data->held, ec);
  digest = MIX_EC (digest, data->declared, ec);
  digest = MIX_EC (digest, data->from_candidates, ec);
  digest = MIX_EC (digest, data->seats_up, ec);
  digest = MIX_EC (digest, data->votes_total, ec);
  digest = MIX_EC (digest, data->top_total, ec);
  digest = MIX_EC (digest, data->electorate, ec);
  digest = MIX_EC (digest, data->ballots, ec);
  digest = MIX_EC (digest, data->three_total, ec);
  digest = MIX_EC (digest, data->three_wards, ec);
  digest = MIX_EC (digest, data->election_control, ec);
  digest = MIX_EC (digest, data->postponed_seats, ec);
  digest = MIX_EC (digest, data->by_election_seats, ec);
  digest = tally_digest_string (digest, data->notional_label != NULL ? data->notional_label[ec] : NULL);

  digest = MIX_ECP (digest, data->seats_won, ec);
  digest = MIX_ECP (digest, data->votes, ec);
  digest = MIX_ECP (digest, data->top_votes, ec);
  digest = MIX_ECP (digest, data->three_votes, ec);
  digest = MIX_ECP (digest, data->notional_seats, ec);

  for (guint stage = 0; stage < 2; stage++)
    {
      digest = MIX_EC (digest, data->composition_total[stage], ec);
      digest = MIX_EC (digest, data->control[stage], ec);
      digest = MIX_ECP (digest, data->composition[stage], ec);
    }

  for (guint i = 0; data->special_polls != NULL && i < data->special_polls->len; i++)
    {
      const TallySpecialPoll *poll = &g_array_index (data->special_polls, TallySpecialPoll, i);

      if (poll->election != election || poll->council != council)
        continue;
      digest = tally_digest_word (digest, (guint64) poll->seats << 1 | (poll->postponed != FALSE));
      digest = tally_digest_string (digest, poll->ward);
      digest = tally_digest_string (digest, poll->held_on);
      digest = tally_digest_string (digest, poll->winners);
    }

  return digest;
}

/* The parties the figures are indexed by, in order, and what they are
 * called: the same for every council of the data, so made once. */
static guint64
parties_digest (TallyResultsData *data)
{
  guint64 digest = tally_digest_word (0, data->n_parties);

  for (guint i = 0; i < data->n_parties; i++)
    {
      digest = tally_digest_string (digest, tally_party_get_key (data->parties[i]));
      digest = tally_digest_string (digest, tally_party_get_short_name (data->parties[i]));
      digest = tally_digest_string (digest, tally_party_get_full_name (data->parties[i]));
      digest = tally_digest_word (digest, data->party_aggregate[i]);
    }
  return digest;
}

/**
 * _tally_results_data_council_digest:
 * @baseline: the baseline's index, or -1
 * @basis: what change is measured against
 *
 * Returns: a digest of every figure @data holds for @council in @election
 *   and @baseline, never 0
 */
guint64
_tally_results_data_council_digest (TallyResultsData *data,
                                    guint             election,
                                    int               baseline,
                                    guint             council,
                                    TallyBasis        basis)
{
  gsize ec = _tally_ec (data, election, council);
  guint64 key = ((guint64) (baseline + 1) << 8 | basis) + 1;
  guint64 digest;

  /* Kept: a live reload makes every council's on its own thread. */
  if (data->digests == NULL)
    {
      data->digests = g_new0 (guint64, (gsize) data->n_elections * data->n_councils);
      data->digest_keys = g_new0 (guint64, (gsize) data->n_elections * data->n_councils);
    }
  if (data->digest_keys[ec] == key)
    return data->digests[ec];

  if (data->parties_digest == 0)
    data->parties_digest = parties_digest (data) | 1;

  digest = tally_digest_word (data->parties_digest, (guint64) basis << 32 | data->n_councils);
  digest = mix_election (digest, data, election, council);
  if (baseline >= 0)
    digest = mix_election (digest, data, (guint) baseline, council);
  else
    digest = tally_digest_word (digest, G_MAXUINT64);

  data->digest_keys[ec] = key;
  data->digests[ec] = digest != 0 ? digest : 1;
  return data->digests[ec];
}

/* @council's figures changed (what has declared, on results night): its
 * digests, at every election, are made again when next asked for. */
void
_tally_results_data_forget_digest (TallyResultsData *data,
                                   guint             council)
{
  for (guint election = 0; data->digest_keys != NULL && election < data->n_elections; election++)
    data->digest_keys[_tally_ec (data, election, council)] = 0;
}
