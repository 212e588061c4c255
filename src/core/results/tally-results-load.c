/* tally-results-load.c: reading the numbers of every election into flat arrays.
 *
 * The database is read once, when the engine is made, into the arrays of
 * tally-results-private.h (tally-results.c then answers filters from them
 * in memory, with no SQL).
 *
 * Where the figures come from, for each election and council:
 *  - candidate rows (contests and candidates, from an import), when there
 *    are any: seats won are the candidates elected, votes their votes (every
 *    party's votes are then known), and the top-vote method is possible;
 *  - otherwise council_results and council_elections, as published: a
 *    party's votes are known when the election reports votes for that party
 *    anywhere (the bundled data has none for IND and OTH), and a missing row
 *    for a party that is reported means none;
 *  - compositions before and after, which give control (an aggregate party
 *    such as "Other" never controls);
 *  - declarations: when an election has any, only the councils listed have
 *    declared.
 * What change is measured against is read last, by tally-results-bases.c.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "tally-catalog.h"
#include "tally-council.h"
#include "tally-database-private.h"
#include "tally-election.h"
#include "tally-filter-private.h"
#include "tally-party.h"
#include "tally-results-private.h"

typedef struct
{
  TallyDatabase    *database;
  TallyResultsData *data;
  GHashTable       *election_by_id;   /* gint64 → index + 1 */
  GHashTable       *council_by_id;
  GHashTable       *party_by_id;
} Loader;

static void
loader_clear (Loader *loader)
{
  g_clear_pointer (&loader->election_by_id, g_hash_table_unref);
  g_clear_pointer (&loader->council_by_id, g_hash_table_unref);
  g_clear_pointer (&loader->party_by_id, g_hash_table_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Loader, loader_clear)

static void
map_id (GHashTable *map,
        gint64      id,
        guint       index)
{
  g_hash_table_insert (map, g_memdup2 (&id, sizeof id), GUINT_TO_POINTER (index + 1));
}

/* -1 for an id the catalogue does not know. */
static int
lookup_id (GHashTable   *map,
           sqlite3_stmt *stmt,
           int           column)
{
  gint64 id = sqlite3_column_int64 (stmt, column);

  return GPOINTER_TO_INT (g_hash_table_lookup (map, &id)) - 1;
}

static gint64
column_or_unknown (sqlite3_stmt *stmt,
                   int           column)
{
  return sqlite3_column_type (stmt, column) == SQLITE_NULL ? TALLY_UNKNOWN : sqlite3_column_int64 (stmt, column);
}

static gboolean
finish_query (Loader   *loader,
              int       rc,
              GError  **error)
{
  if (rc == SQLITE_DONE)
    return TRUE;

  _tally_database_set_error (loader->database, error, _("reading results"));
  return FALSE;
}

static TallyResultsData *
data_new (TallyCatalog *catalog,
          Loader       *loader)
{
  TallyResultsData *data = g_atomic_rc_box_new0 (TallyResultsData);
  GListModel *parties = tally_catalog_get_parties (catalog);
  GListModel *elections = tally_catalog_get_elections (catalog);
  GListModel *councils = tally_catalog_get_councils (catalog);
  gsize n_ec, n_ecp;

  data->n_parties = g_list_model_get_n_items (parties);
  data->n_elections = g_list_model_get_n_items (elections);
  data->n_councils = g_list_model_get_n_items (councils);

  data->parties = g_new0 (TallyParty *, data->n_parties);
  data->party_aggregate = g_new0 (gboolean, data->n_parties);
  data->party_index = g_hash_table_new (NULL, NULL);
  for (guint i = 0; i < data->n_parties; i++)
    {
      data->parties[i] = g_list_model_get_item (parties, i);
      data->party_aggregate[i] = tally_party_is_aggregate (data->parties[i]);
      g_hash_table_insert (data->party_index, data->parties[i], GUINT_TO_POINTER (i + 1));
    }

  data->elections = g_new0 (TallyElection *, data->n_elections);
  data->baseline = g_new0 (int, data->n_elections);
  data->declarations_known = g_new0 (guint8, data->n_elections);
  for (guint i = 0; i < data->n_elections; i++)
    {
      data->elections[i] = g_list_model_get_item (elections, i);
      map_id (loader->election_by_id, tally_election_get_id (data->elections[i]), i);
    }
  for (guint i = 0; i < data->n_elections; i++)
    data->baseline[i] = _tally_results_data_election_index (data, tally_election_get_baseline (data->elections[i]));

  data->councils = g_new0 (TallyCouncil *, data->n_councils);
  data->folded_names = g_new0 (char *, data->n_councils + 1);
  for (guint i = 0; i < data->n_councils; i++)
    {
      data->councils[i] = g_list_model_get_item (councils, i);
      data->folded_names[i] = _tally_filter_fold_name (tally_council_get_name (data->councils[i]));
      map_id (loader->council_by_id, tally_council_get_id (data->councils[i]), i);
    }

  n_ec = (gsize) data->n_elections * data->n_councils;
  n_ecp = n_ec * data->n_parties;

  data->held = g_new0 (guint8, n_ec);
  data->declared = g_new0 (guint8, n_ec);
  data->from_candidates = g_new0 (guint8, n_ec);
  data->seats_up = g_new0 (gint32, n_ec);
  data->votes_total = g_new (gint64, n_ec);
  data->top_total = g_new (gint64, n_ec);
  data->electorate = g_new (gint64, n_ec);
  data->ballots = g_new (gint64, n_ec);
  data->seats_won = g_new0 (gint32, n_ecp);
  data->votes = g_new (gint64, n_ecp);
  data->top_votes = g_new (gint64, n_ecp);

  for (gsize i = 0; i < n_ec; i++)
    data->votes_total[i] = data->top_total[i] = data->electorate[i] = data->ballots[i] = TALLY_UNKNOWN;
  for (gsize i = 0; i < n_ecp; i++)
    data->votes[i] = data->top_votes[i] = TALLY_UNKNOWN;

  for (guint stage = 0; stage < 2; stage++)
    {
      data->composition_total[stage] = g_new0 (guint, n_ec);
      data->control[stage] = g_new (gint32, n_ec);
      data->composition[stage] = g_new0 (guint, n_ecp);
      for (gsize i = 0; i < n_ec; i++)
        data->control[stage][i] = TALLY_CONTROL_UNKNOWN;
    }

  return data;
}

static gboolean
load_party_ids (Loader        *loader,
                TallyCatalog  *catalog,
                GError       **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  if (!(stmt = _tally_database_prepare (loader->database, "SELECT id, key FROM parties", error)))
    return FALSE;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      TallyParty *party = tally_catalog_lookup_party (catalog, (const char *) sqlite3_column_text (stmt, 1));
      int index = party ? _tally_results_data_party_index (loader->data, party) : -1;

      if (index >= 0)
        map_id (loader->party_by_id, sqlite3_column_int64 (stmt, 0), (guint) index);
    }

  return finish_query (loader, rc, error);
}

static gboolean
load_council_elections (Loader  *loader,
                        GError **error)
{
  TallyResultsData *data = loader->data;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  stmt = _tally_database_prepare (loader->database,
                                  "SELECT election_id, council_id, seats_up, votes_total, electorate, ballots "
                                  "FROM council_elections",
                                  error);
  if (stmt == NULL)
    return FALSE;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      int election = lookup_id (loader->election_by_id, stmt, 0);
      int council = lookup_id (loader->council_by_id, stmt, 1);
      gsize ec;

      if (election < 0 || council < 0)
        continue;

      ec = _tally_ec (data, election, council);
      data->held[ec] = TRUE;
      data->seats_up[ec] = sqlite3_column_int (stmt, 2);
      data->votes_total[ec] = column_or_unknown (stmt, 3);
      data->electorate[ec] = column_or_unknown (stmt, 4);
      data->ballots[ec] = column_or_unknown (stmt, 5);
    }

  return finish_query (loader, rc, error);
}

static gboolean
load_council_results (Loader  *loader,
                      GError **error)
{
  TallyResultsData *data = loader->data;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree guint8 *reported = g_new0 (guint8, (gsize) data->n_elections * data->n_parties);
  int rc;

  stmt = _tally_database_prepare (loader->database,
                                  "SELECT election_id, council_id, party_id, seats_won, votes FROM council_results",
                                  error);
  if (stmt == NULL)
    return FALSE;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      int election = lookup_id (loader->election_by_id, stmt, 0);
      int council = lookup_id (loader->council_by_id, stmt, 1);
      int party = lookup_id (loader->party_by_id, stmt, 2);
      gsize ecp;

      if (election < 0 || council < 0 || party < 0)
        continue;

      ecp = _tally_ecp (data, election, council, party);
      data->held[_tally_ec (data, election, council)] = TRUE;
      data->seats_won[ecp] = sqlite3_column_int (stmt, 3);
      data->votes[ecp] = column_or_unknown (stmt, 4);
      if (data->votes[ecp] >= 0)
        reported[(gsize) election * data->n_parties + party] = TRUE;
    }

  if (!finish_query (loader, rc, error))
    return FALSE;

  /* A party whose votes the election reports had none where it has no
   * figure: no candidates, or seats filled unopposed. */
  for (guint election = 0; election < data->n_elections; election++)
    for (guint party = 0; party < data->n_parties; party++)
      {
        if (!reported[(gsize) election * data->n_parties + party])
          continue;

        for (guint council = 0; council < data->n_councils; council++)
          {
            gsize ecp = _tally_ecp (data, election, council, party);

            if (data->held[_tally_ec (data, election, council)] && data->votes[ecp] < 0)
              data->votes[ecp] = 0;
          }
      }

  return TRUE;
}

static gboolean
load_compositions (Loader  *loader,
                   GError **error)
{
  TallyResultsData *data = loader->data;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gsize n_ec = (gsize) data->n_elections * data->n_councils;
  int rc;

  stmt = _tally_database_prepare (loader->database,
                                  "SELECT election_id, council_id, stage, party_id, seats FROM compositions",
                                  error);
  if (stmt == NULL)
    return FALSE;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      int election = lookup_id (loader->election_by_id, stmt, 0);
      int council = lookup_id (loader->council_by_id, stmt, 1);
      int party = lookup_id (loader->party_by_id, stmt, 3);
      TallyStage stage;
      guint seats = (guint) MAX (sqlite3_column_int (stmt, 4), 0);

      if (election < 0 || council < 0 || party < 0)
        continue;

      stage = g_strcmp0 ((const char *) sqlite3_column_text (stmt, 2), "before") == 0 ? TALLY_STAGE_BEFORE
                                                                                      : TALLY_STAGE_AFTER;
      data->composition[stage][_tally_ecp (data, election, council, party)] += seats;
      data->composition_total[stage][_tally_ec (data, election, council)] += seats;
    }

  if (!finish_query (loader, rc, error))
    return FALSE;

  for (guint stage = 0; stage < 2; stage++)
    for (gsize ec = 0; ec < n_ec; ec++)
      if (data->composition_total[stage][ec] > 0)
        data->control[stage][ec] = tally_rules_control (&data->composition[stage][ec * data->n_parties],
                                                        data->party_aggregate, data->n_parties);

  return TRUE;
}

static gboolean
load_declarations (Loader  *loader,
                   GError **error)
{
  TallyResultsData *data = loader->data;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  stmt = _tally_database_prepare (loader->database, "SELECT election_id, council_id FROM declarations", error);
  if (stmt == NULL)
    return FALSE;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      int election = lookup_id (loader->election_by_id, stmt, 0);
      int council = lookup_id (loader->council_by_id, stmt, 1);

      if (election < 0 || council < 0)
        continue;

      data->declarations_known[election] = TRUE;
      data->declared[_tally_ec (data, election, council)] = TRUE;
    }

  if (!finish_query (loader, rc, error))
    return FALSE;

  for (guint election = 0; election < data->n_elections; election++)
    if (!data->declarations_known[election])
      memset (&data->declared[_tally_ec (data, election, 0)], TRUE, data->n_councils);

  return TRUE;
}

/* The first contest of a council at an election replaces whatever the
 * council-level tables said: candidate rows are the finer source. */
static void
start_from_candidates (TallyResultsData *data,
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

/* A sum that stays unknown once one of its terms is. */
static void
add_contest_figure (gint64 *sum,
                    gint64  figure)
{
  if (*sum < 0)
    return;

  *sum = figure < 0 ? TALLY_UNKNOWN : *sum + figure;
}

typedef struct
{
  gint64 id;
  gsize  ec;          /* NO_CONTEST for one left out */
  gint64 electorate;  /* TALLY_UNKNOWN when not known */
  gint64 ballots;
  gint32 seats;
} Contest;

#define NO_CONTEST G_MAXSIZE

/* Each party's best candidate of one contest, for the top-vote method. */
static void
flush_contest (TallyResultsData *data,
               gsize             ec,
               gint64           *best,
               GArray           *touched)
{
  for (guint i = 0; i < touched->len; i++)
    {
      guint party = g_array_index (touched, guint, i);

      data->top_votes[ec * data->n_parties + party] += best[party];
      data->top_total[ec] += best[party];
      best[party] = -1;
    }

  g_array_set_size (touched, 0);
}

static gboolean
load_candidates (Loader  *loader,
                 GError **error)
{
  TallyResultsData *data = loader->data;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GArray) contests = g_array_new (FALSE, FALSE, sizeof (Contest));
  g_autoptr(GArray) touched = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autofree gint64 *best = g_new (gint64, data->n_parties);
  g_autofree guint8 *regular = g_new0 (guint8, (gsize) data->n_elections * data->n_councils);
  gsize current = 0;
  gboolean open = FALSE;
  int rc;

  stmt = _tally_database_prepare (loader->database,
                                  "SELECT ct.id, ct.election_id, w.council_id, ct.seats, ct.electorate, ct.ballots, "
                                  "       ct.by_election "
                                  "FROM contests ct JOIN wards w ON w.id = ct.ward_id ORDER BY ct.id",
                                  error);
  if (stmt == NULL)
    return FALSE;

  /* A council whose only contests that day were by-elections did not hold
   * its own election (11 councils in 2018): its contests are left out.
   * Where it did, its by-elections count, as in the bundled figures. */
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      int election = lookup_id (loader->election_by_id, stmt, 1);
      int council = lookup_id (loader->council_by_id, stmt, 2);
      Contest contest = { sqlite3_column_int64 (stmt, 0), NO_CONTEST, column_or_unknown (stmt, 4),
                          column_or_unknown (stmt, 5), sqlite3_column_int (stmt, 3) };

      if (election >= 0 && council >= 0)
        {
          contest.ec = _tally_ec (data, election, council);
          if (data->held[contest.ec] || !sqlite3_column_int (stmt, 6))
            regular[contest.ec] = TRUE;
        }
      g_array_append_val (contests, contest);
    }

  if (!finish_query (loader, rc, error))
    return FALSE;

  for (guint i = 0; i < contests->len; i++)
    {
      Contest *contest = &g_array_index (contests, Contest, i);

      if (contest->ec == NO_CONTEST || !regular[contest->ec])
        {
          contest->ec = NO_CONTEST;
          continue;
        }

      if (!data->from_candidates[contest->ec])
        start_from_candidates (data, contest->ec);

      data->seats_up[contest->ec] += contest->seats;
      add_contest_figure (&data->electorate[contest->ec], contest->electorate);
      add_contest_figure (&data->ballots[contest->ec], contest->ballots);
    }

  if (contests->len == 0)
    return TRUE;

  g_clear_pointer (&stmt, sqlite3_finalize);
  stmt = _tally_database_prepare (loader->database,
                                  "SELECT contest_id, party_id, votes, elected FROM candidates ORDER BY contest_id",
                                  error);
  if (stmt == NULL)
    return FALSE;

  for (guint party = 0; party < data->n_parties; party++)
    best[party] = -1;

  /* Both queries run in contest order: a merge, no lookups. */
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 contest_id = sqlite3_column_int64 (stmt, 0);
      int party = lookup_id (loader->party_by_id, stmt, 1);
      gint64 votes = sqlite3_column_int64 (stmt, 2);
      const Contest *contest;
      gsize ecp;

      while (current < contests->len && g_array_index (contests, Contest, current).id < contest_id)
        {
          if (open && g_array_index (contests, Contest, current).ec != NO_CONTEST)
            flush_contest (data, g_array_index (contests, Contest, current).ec, best, touched);
          open = FALSE;
          current++;
        }

      if (current >= contests->len || party < 0)
        continue;
      contest = &g_array_index (contests, Contest, current);
      if (contest->id != contest_id || contest->ec == NO_CONTEST)
        continue;

      open = TRUE;
      ecp = contest->ec * data->n_parties + (guint) party;
      data->votes[ecp] += votes;
      data->votes_total[contest->ec] += votes;
      if (sqlite3_column_int (stmt, 3))
        data->seats_won[ecp]++;

      if (best[party] < 0)
        g_array_append_val (touched, party);
      if (votes > best[party])
        best[party] = votes;
    }

  if (open && current < contests->len && g_array_index (contests, Contest, current).ec != NO_CONTEST)
    flush_contest (data, g_array_index (contests, Contest, current).ec, best, touched);

  return finish_query (loader, rc, error);
}

TallyResultsData *
_tally_results_data_load (TallyCatalog  *catalog,
                          GError       **error)
{
  g_auto(Loader) loader = { 0 };
  g_autoptr(TallyResultsData) data = NULL;

  loader.database = tally_catalog_get_database (catalog);
  loader.election_by_id = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  loader.council_by_id = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  loader.party_by_id = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  loader.data = data = data_new (catalog, &loader);

  if (!load_party_ids (&loader, catalog, error) ||
      !load_council_elections (&loader, error) ||
      !load_council_results (&loader, error) ||
      !load_compositions (&loader, error) ||
      !load_declarations (&loader, error) ||
      !load_candidates (&loader, error) ||
      !_tally_results_data_load_bases (data, loader.database, loader.election_by_id,
                                       loader.council_by_id, loader.party_by_id, error))
    return NULL;

  return g_steal_pointer (&data);
}
