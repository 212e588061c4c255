/* tally-results-summed.c: a council's candidate rows, read as their sums.
 *
 * An import keeps in a council's totals what the engine would otherwise sum
 * from its candidate rows (schema 5, tally-import-figures.c): seats won and
 * votes per party, each party's best candidate per ward summed (the
 * top-vote method), the same over the ward polls where Conservative, Labour
 * and Liberal Democrat candidates all stood and the number of those polls
 * (the national share estimate), electorate and ballots, and the contests
 * summed.  Read here, they give the figures merge_candidates() in
 * tally-results-load.c would give, from one row per council and party; the
 * loader reads the candidates after all where a council's contests are no
 * longer the ones summed (another tool wrote the file), and for every
 * council whose totals were not summed (the bundled figures, a results
 * night, a version 4 file).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "tally-database-private.h"
#include "tally-results-private.h"

/* The first contest of a council at an election replaces whatever the
 * council-level tables said: candidate rows are the finer source. */
void
_tally_results_data_start_from_candidates (TallyResultsData *data,
                                           gsize             ec)
{
  gsize base = ec * data->n_parties;

  data->from_candidates[ec] = TRUE;
  data->held[ec] = TRUE;
  data->seats_up[ec] = 0;
  data->votes_total[ec] = data->top_total[ec] = 0;
  data->electorate[ec] = data->ballots[ec] = 0;

  for (guint party = 0; party < data->n_parties; party++)
    {
      data->seats_won[base + party] = 0;
      data->votes[base + party] = data->top_votes[base + party] = 0;
    }
}

static gint64
column_or_unknown (sqlite3_stmt *stmt,
                   int           column)
{
  return sqlite3_column_type (stmt, column) == SQLITE_NULL ? TALLY_UNKNOWN : sqlite3_column_int64 (stmt, column);
}

/**
 * _tally_results_load_summed_council:
 * @stmt: a row of council_elections: council_id, seats_up, votes_total,
 *   electorate, ballots, contests, three_party_polls
 * @summed: (inout): the contests summed, by council
 * @n_summed: (inout): their sum
 *
 * When @stmt's totals were summed from candidate rows, takes the council's
 * figures from them as the candidates would give them (its votes and seats
 * then come from its council_results rows, through
 * _tally_results_load_summed_party()).
 */
gboolean
_tally_results_load_summed_council (TallyResultsData  *data,
                                    TallyDatabase     *database,
                                    guint              election,
                                    sqlite3_stmt      *stmt,
                                    gint32            *summed,
                                    gint64            *n_summed,
                                    GError           **error)
{
  GHashTable *councils = data->council_by_id;
  gint64 council_id = sqlite3_column_int64 (stmt, 0);
  int council = GPOINTER_TO_INT (g_hash_table_lookup (councils, &council_id)) - 1;
  gsize ec;

  if (!_tally_results_data_check_value (database, stmt, 5, "council_elections", "contests", error) ||
      !_tally_results_data_check_value (database, stmt, 6, "council_elections", "three_party_polls", error))
    return FALSE;

  if (council < 0 || sqlite3_column_type (stmt, 5) == SQLITE_NULL || sqlite3_column_type (stmt, 6) == SQLITE_NULL ||
      sqlite3_column_int64 (stmt, 5) == 0)
    return TRUE;

  ec = _tally_ec (data, election, (guint) council);
  summed[council] = sqlite3_column_int (stmt, 5);
  *n_summed += summed[council];

  /* Every party's votes are known (none where it had no candidate); the
   * sums of votes come from the parties' rows. */
  _tally_results_data_start_from_candidates (data, ec);
  data->seats_up[ec] = sqlite3_column_int (stmt, 1);
  data->electorate[ec] = column_or_unknown (stmt, 3);
  data->ballots[ec] = column_or_unknown (stmt, 4);
  data->three_wards[ec] = sqlite3_column_int (stmt, 6);
  return TRUE;
}

/**
 * _tally_results_load_summed_party:
 * @stmt: a row of council_results: council_id, party_id, seats_won, votes,
 *   top_votes, three_votes
 *
 * One party's sums in a council whose totals were summed from candidate
 * rows (seats won are already read).
 */
gboolean
_tally_results_load_summed_party (TallyResultsData  *data,
                                  TallyDatabase     *database,
                                  guint              election,
                                  sqlite3_stmt      *stmt,
                                  guint              council,
                                  guint              party,
                                  GError           **error)
{
  gsize ec = _tally_ec (data, election, council);
  gsize ecp = ec * data->n_parties + party;
  gint64 votes, top, three;

  if (!_tally_results_data_check_value (database, stmt, 4, "council_results", "top_votes", error) ||
      !_tally_results_data_check_value (database, stmt, 5, "council_results", "three_votes", error))
    return FALSE;

  /* NULL in a summed council's row is none: Tally writes every one. */
  votes = sqlite3_column_int64 (stmt, 3);
  top = sqlite3_column_int64 (stmt, 4);
  three = sqlite3_column_int64 (stmt, 5);

  data->votes[ecp] = votes;
  data->votes_total[ec] += votes;
  data->top_votes[ecp] = top;
  data->top_total[ec] += top;
  data->three_votes[ecp] = three;
  data->three_total[ec] += three;
  return TRUE;
}
