/* tally-results-load.c: reading the numbers of an election into flat arrays.
 *
 * An election is read from the database the first time it is asked about,
 * with its baseline, into the arrays of tally-results-private.h
 * (tally-results.c then answers filters from them in memory, with no SQL).
 * Every query is bound to one election and runs on an index that starts
 * with it, so that asking about one election of fifty costs what asking
 * about the only one does.  Each number read is checked on the way (a
 * whole number in range, as the schema's CHECKs say), since a file written
 * without them could hold anything: what is never read needs no check.
 *
 * Where the figures come from, for each election and council:
 *  - candidate rows (contests and candidates, from an import), when there
 *    are any: seats won are the candidates elected, votes their votes (every
 *    party's votes are then known), and the top-vote method is possible;
 *    an import keeps their sums in the council-level tables (schema 5), and
 *    those are read instead (tally-results-summed.c) while the council has
 *    the contests they were summed from: a question about councils then
 *    costs one row per council and party, not one per candidate;
 *  - otherwise council_results and council_elections, as published: a
 *    party's votes are known when the election reports votes for that party
 *    anywhere (the bundled data has none for IND and OTH), and a missing row
 *    for a party that is reported means none;
 *  - compositions before and after, which give control (an aggregate party
 *    such as "Other" never controls);
 *  - declarations: when an election has any, or lists the contests it
 *    will declare (expected_contests, a night being followed), only the
 *    councils listed have declared.
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

/* One election being read. */
typedef struct
{
  TallyDatabase    *database;
  TallyResultsData *data;
  guint             election;
  gint64            election_id;
  /* Schema 5: the contests each council's totals were summed from (-1 for
   * a council whose were not), or NULL when such totals are not used. */
  gint32           *summed;
  gint64            n_summed;    /* their contests, all together */
  gboolean          stale;       /* a council's contests are not those summed */
} Loader;

/* Party ids are small: a table from id to index, -1 for none, spares the
 * hash lookup on each candidate row.  Larger ids go through the hash. */
#define DENSE_PARTY_IDS 4096

#define CHECK(loader, stmt, column, table, name, error) \
  _tally_results_data_check_value ((loader)->database, (stmt), (column), (table), (name), (error))

/* A statement of one election's rows: ?1 is the election's id. */
static sqlite3_stmt *
prepare (Loader      *loader,
         const char  *sql,
         GError     **error)
{
  sqlite3_stmt *stmt = _tally_database_prepare (loader->database, sql, error);

  if (stmt != NULL)
    sqlite3_bind_int64 (stmt, 1, loader->election_id);
  return stmt;
}

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

/* Arrays for every election, zeroed: calloc'd pages nobody touches cost
 * nothing, so only the elections read take memory. */
static TallyResultsData *
data_new (TallyCatalog *catalog)
{
  TallyResultsData *data = g_atomic_rc_box_new0 (TallyResultsData);
  GListModel *parties = tally_catalog_get_parties (catalog);
  GListModel *elections = tally_catalog_get_elections (catalog);
  GListModel *councils = tally_catalog_get_councils (catalog);
  gsize n_ec, n_ecp;

  data->database = g_object_ref (tally_catalog_get_database (catalog));
  data->election_by_id = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  data->council_by_id = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  data->party_by_id = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);

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

  /* The three parties the national share estimate asks to have stood. */
  for (guint k = 0; k < G_N_ELEMENTS (data->three_parties); k++)
    {
      static const char * const keys[] = { "CON", "LAB", "LD" };

      data->three_parties[k] = -1;
      for (guint i = 0; i < data->n_parties; i++)
        if (g_strcmp0 (tally_party_get_key (data->parties[i]), keys[k]) == 0)
          data->three_parties[k] = i;
    }

  data->elections = g_new0 (TallyElection *, data->n_elections);
  data->baseline = g_new0 (int, data->n_elections);
  data->declarations_known = g_new0 (guint8, data->n_elections);
  data->loaded = g_new0 (guint8, data->n_elections);
  for (guint i = 0; i < data->n_elections; i++)
    {
      data->elections[i] = g_list_model_get_item (elections, i);
      map_id (data->election_by_id, tally_election_get_id (data->elections[i]), i);
    }
  for (guint i = 0; i < data->n_elections; i++)
    data->baseline[i] = _tally_results_data_election_index (data, tally_election_get_baseline (data->elections[i]));

  data->councils = g_new0 (TallyCouncil *, data->n_councils);
  data->folded_names = g_new0 (char *, data->n_councils + 1);
  for (guint i = 0; i < data->n_councils; i++)
    {
      data->councils[i] = g_list_model_get_item (councils, i);
      data->folded_names[i] = _tally_filter_fold_name (tally_council_get_name (data->councils[i]));
      map_id (data->council_by_id, tally_council_get_id (data->councils[i]), i);
    }

  n_ec = (gsize) data->n_elections * data->n_councils;
  n_ecp = n_ec * data->n_parties;

  data->held = g_new0 (guint8, n_ec);
  data->declared = g_new0 (guint8, n_ec);
  data->from_candidates = g_new0 (guint8, n_ec);
  data->seats_up = g_new0 (gint32, n_ec);
  data->votes_total = g_new0 (gint64, n_ec);
  data->top_total = g_new0 (gint64, n_ec);
  data->electorate = g_new0 (gint64, n_ec);
  data->ballots = g_new0 (gint64, n_ec);
  data->seats_won = g_new0 (gint32, n_ecp);
  data->votes = g_new0 (gint64, n_ecp);
  data->top_votes = g_new0 (gint64, n_ecp);
  data->three_votes = g_new0 (gint64, n_ecp);
  data->three_total = g_new0 (gint64, n_ec);
  data->three_wards = g_new0 (gint32, n_ec);

  for (guint stage = 0; stage < 2; stage++)
    {
      data->composition_total[stage] = g_new0 (guint, n_ec);
      data->control[stage] = g_new0 (gint32, n_ec);
      data->composition[stage] = g_new0 (guint, n_ecp);
    }

  return data;
}

/* What an election holds before any row is read: nothing known. */
static void
start_election (TallyResultsData *data,
                guint             election)
{
  gsize n_c = data->n_councils, n_cp = (gsize) data->n_councils * data->n_parties;
  gsize ec0 = _tally_ec (data, election, 0), ecp0 = ec0 * data->n_parties;

  /* Zero first: a read that failed half-way may have left figures. */
  memset (&data->held[ec0], 0, n_c);
  memset (&data->declared[ec0], 0, n_c);
  memset (&data->from_candidates[ec0], 0, n_c);
  memset (&data->seats_up[ec0], 0, n_c * sizeof (gint32));
  memset (&data->seats_won[ecp0], 0, n_cp * sizeof (gint32));
  memset (&data->three_votes[ecp0], 0, n_cp * sizeof (gint64));
  memset (&data->three_total[ec0], 0, n_c * sizeof (gint64));
  memset (&data->three_wards[ec0], 0, n_c * sizeof (gint32));
  for (guint stage = 0; stage < 2; stage++)
    {
      memset (&data->composition_total[stage][ec0], 0, n_c * sizeof (guint));
      memset (&data->composition[stage][ecp0], 0, n_cp * sizeof (guint));
    }
  data->declarations_known[election] = FALSE;

  for (gsize ec = ec0; ec < ec0 + data->n_councils; ec++)
    {
      data->votes_total[ec] = data->top_total[ec] = data->electorate[ec] = data->ballots[ec] = TALLY_UNKNOWN;
      data->control[TALLY_STAGE_BEFORE][ec] = data->control[TALLY_STAGE_AFTER][ec] = TALLY_CONTROL_UNKNOWN;
    }
  for (gsize ecp = ecp0; ecp < ecp0 + (gsize) data->n_councils * data->n_parties; ecp++)
    data->votes[ecp] = data->top_votes[ecp] = TALLY_UNKNOWN;
}

static gboolean
load_party_ids (TallyResultsData  *data,
                TallyCatalog      *catalog,
                GError           **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  if (!(stmt = _tally_database_prepare (data->database, "SELECT id, key FROM parties", error)))
    return FALSE;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      TallyParty *party = tally_catalog_lookup_party (catalog, (const char *) sqlite3_column_text (stmt, 1));
      int index = party ? _tally_results_data_party_index (data, party) : -1;

      if (index >= 0)
        map_id (data->party_by_id, sqlite3_column_int64 (stmt, 0), (guint) index);
    }

  if (rc == SQLITE_DONE)
    return TRUE;

  _tally_database_set_error (data->database, error, _("reading results"));
  return FALSE;
}

static gboolean
load_council_elections (Loader  *loader,
                        GError **error)
{
  TallyResultsData *data = loader->data;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  stmt = prepare (loader,
                  loader->summed != NULL
                    ? "SELECT council_id, seats_up, votes_total, electorate, ballots, contests, three_party_polls "
                      "FROM council_elections WHERE election_id = ?1"
                    : "SELECT council_id, seats_up, votes_total, electorate, ballots "
                      "FROM council_elections WHERE election_id = ?1",
                  error);
  if (stmt == NULL)
    return FALSE;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      int council = lookup_id (data->council_by_id, stmt, 0);
      gsize ec;

      if (!CHECK (loader, stmt, 1, "council_elections", "seats_up", error) ||
          !CHECK (loader, stmt, 2, "council_elections", "votes_total", error) ||
          !CHECK (loader, stmt, 3, "council_elections", "electorate", error) ||
          !CHECK (loader, stmt, 4, "council_elections", "ballots", error))
        return FALSE;

      if (council < 0)
        continue;

      ec = _tally_ec (data, loader->election, council);
      data->held[ec] = TRUE;
      data->seats_up[ec] = sqlite3_column_int (stmt, 1);
      data->votes_total[ec] = column_or_unknown (stmt, 2);
      data->electorate[ec] = column_or_unknown (stmt, 3);
      data->ballots[ec] = column_or_unknown (stmt, 4);

      if (loader->summed != NULL &&
          !_tally_results_load_summed_council (data, loader->database, loader->election, stmt,
                                               loader->summed, &loader->n_summed, error))
        return FALSE;
    }

  return finish_query (loader, rc, error);
}

static gboolean
load_council_results (Loader  *loader,
                      GError **error)
{
  TallyResultsData *data = loader->data;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree guint8 *reported = g_new0 (guint8, data->n_parties);
  int rc;

  stmt = prepare (loader,
                  loader->summed != NULL
                    ? "SELECT council_id, party_id, seats_won, votes, top_votes, three_votes "
                      "FROM council_results WHERE election_id = ?1"
                    : "SELECT council_id, party_id, seats_won, votes FROM council_results WHERE election_id = ?1",
                  error);
  if (stmt == NULL)
    return FALSE;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      int council = lookup_id (data->council_by_id, stmt, 0);
      int party = lookup_id (data->party_by_id, stmt, 1);
      gsize ecp;

      if (!CHECK (loader, stmt, 2, "council_results", "seats_won", error) ||
          !CHECK (loader, stmt, 3, "council_results", "votes", error))
        return FALSE;

      if (council < 0 || party < 0)
        continue;

      ecp = _tally_ecp (data, loader->election, council, party);
      data->held[_tally_ec (data, loader->election, council)] = TRUE;
      data->seats_won[ecp] = sqlite3_column_int (stmt, 2);
      data->votes[ecp] = column_or_unknown (stmt, 3);
      if (data->votes[ecp] >= 0)
        reported[party] = TRUE;

      if (loader->summed != NULL && loader->summed[council] >= 0 &&
          !_tally_results_load_summed_party (data, loader->database, loader->election, stmt, (guint) council,
                                             (guint) party, error))
        return FALSE;
    }

  if (!finish_query (loader, rc, error))
    return FALSE;

  /* A party whose votes the election reports had none where it has no
   * figure: no candidates, or seats filled unopposed. */
  for (guint party = 0; party < data->n_parties; party++)
    {
      if (!reported[party])
        continue;

      for (guint council = 0; council < data->n_councils; council++)
        {
          gsize ecp = _tally_ecp (data, loader->election, council, party);

          if (data->held[_tally_ec (data, loader->election, council)] && data->votes[ecp] < 0)
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
  gsize ec0 = _tally_ec (data, loader->election, 0);
  int rc;

  stmt = prepare (loader,
                  "SELECT council_id, stage, party_id, seats FROM compositions WHERE election_id = ?1",
                  error);
  if (stmt == NULL)
    return FALSE;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      int council = lookup_id (data->council_by_id, stmt, 0);
      int party = lookup_id (data->party_by_id, stmt, 2);
      TallyStage stage;
      guint seats;

      if (!CHECK (loader, stmt, 3, "compositions", "seats", error))
        return FALSE;

      if (council < 0 || party < 0)
        continue;

      seats = (guint) sqlite3_column_int (stmt, 3);
      stage = g_strcmp0 ((const char *) sqlite3_column_text (stmt, 1), "before") == 0 ? TALLY_STAGE_BEFORE
                                                                                      : TALLY_STAGE_AFTER;
      data->composition[stage][_tally_ecp (data, loader->election, council, party)] += seats;
      data->composition_total[stage][_tally_ec (data, loader->election, council)] += seats;
    }

  if (!finish_query (loader, rc, error))
    return FALSE;

  for (guint stage = 0; stage < 2; stage++)
    for (gsize ec = ec0; ec < ec0 + data->n_councils; ec++)
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

  stmt = prepare (loader, "SELECT council_id FROM declarations WHERE election_id = ?1", error);
  if (stmt == NULL)
    return FALSE;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      int council = lookup_id (data->council_by_id, stmt, 0);

      if (council < 0)
        continue;

      data->declarations_known[loader->election] = TRUE;
      data->declared[_tally_ec (data, loader->election, council)] = TRUE;
    }

  if (!finish_query (loader, rc, error))
    return FALSE;

  /* A night being followed lists the contests it will declare: before its
   * first council is in, none has declared (rather than all). */
  if (!data->declarations_known[loader->election] && tally_database_get_schema_version (loader->database) >= 3)
    {
      g_clear_pointer (&stmt, sqlite3_finalize);
      stmt = prepare (loader, "SELECT EXISTS (SELECT 1 FROM expected_contests WHERE election_id = ?1)", error);
      if (stmt == NULL)
        return FALSE;
      if ((rc = sqlite3_step (stmt)) == SQLITE_ROW && sqlite3_column_int (stmt, 0))
        data->declarations_known[loader->election] = TRUE;
    }

  if (!data->declarations_known[loader->election])
    memset (&data->declared[_tally_ec (data, loader->election, 0)], TRUE, data->n_councils);

  return TRUE;
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

/* Whether Conservative, Labour and Liberal Democrat candidates all stood
 * in the contest whose best candidates @best holds. */
static gboolean
three_parties_stood (TallyResultsData *data,
                     const gint64     *best)
{
  for (guint i = 0; i < G_N_ELEMENTS (data->three_parties); i++)
    if (data->three_parties[i] < 0 || best[data->three_parties[i]] < 0)
      return FALSE;

  return TRUE;
}

/* Each party's best candidate of one contest, for the top-vote method and
 * the national share estimate. */
static void
flush_contest (TallyResultsData *data,
               gsize             ec,
               gint64           *best,
               GArray           *touched)
{
  if (three_parties_stood (data, best))
    {
      data->three_wards[ec]++;
      for (guint i = 0; i < touched->len; i++)
        {
          guint party = g_array_index (touched, guint, i);

          data->three_votes[ec * data->n_parties + party] += best[party];
          data->three_total[ec] += best[party];
        }
    }

  for (guint i = 0; i < touched->len; i++)
    {
      guint party = g_array_index (touched, guint, i);

      data->top_votes[ec * data->n_parties + party] += best[party];
      data->top_total[ec] += best[party];
      best[party] = -1;
    }

  g_array_set_size (touched, 0);
}

/* Undoes what merge_candidates() added, before a second reading. */
static void
reset_candidate_figures (TallyResultsData *data,
                         GArray           *contests)
{
  for (guint i = 0; i < contests->len; i++)
    {
      gsize ec = g_array_index (contests, Contest, i).ec;

      if (ec == NO_CONTEST)
        continue;

      data->votes_total[ec] = data->top_total[ec] = 0;
      for (guint party = 0; party < data->n_parties; party++)
        {
          data->seats_won[ec * data->n_parties + party] = 0;
          data->votes[ec * data->n_parties + party] = data->top_votes[ec * data->n_parties + party] = 0;
        }
    }
}

/* Adds the candidate rows of @stmt (contest_id, party_id, votes, elected)
 * to the contests they belong to, which both run in contest order: a
 * merge, no lookups.  Rows of contests outside the election's first to
 * last are passed over.  With @in_order, a row out of contest order stops
 * the reading and sets it FALSE.  @n_read counts the rows from the first
 * contest to the last. */
static gboolean
merge_candidates (Loader        *loader,
                  sqlite3_stmt  *stmt,
                  GArray        *contests,
                  gboolean      *in_order,
                  gint64        *n_read,
                  GError       **error)
{
  TallyResultsData *data = loader->data;
  g_autoptr(GArray) touched = g_array_sized_new (FALSE, FALSE, sizeof (guint), data->n_parties);
  g_autofree gint64 *best = g_new (gint64, data->n_parties);
  g_autofree int *party_of_id = g_new (int, DENSE_PARTY_IDS);
  gint64 first = g_array_index (contests, Contest, 0).id;
  gint64 last = g_array_index (contests, Contest, contests->len - 1).id;
  gint64 previous = G_MININT64;
  gsize current = 0;
  gboolean open = FALSE;
  int rc;

  for (guint party = 0; party < data->n_parties; party++)
    best[party] = -1;
  for (guint id = 0; id < DENSE_PARTY_IDS; id++)
    {
      gint64 key = id;

      party_of_id[id] = GPOINTER_TO_INT (g_hash_table_lookup (data->party_by_id, &key)) - 1;
    }

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 contest_id = sqlite3_column_int64 (stmt, 0);
      const Contest *contest;
      gint64 votes, party_id;
      int party;
      gsize ecp;

      if (contest_id < first || contest_id > last)
        continue;
      if (contest_id < previous && in_order != NULL)
        {
          *in_order = FALSE;
          return TRUE;
        }
      previous = contest_id;
      (*n_read)++;

      while (current < contests->len && g_array_index (contests, Contest, current).id < contest_id)
        {
          if (open && g_array_index (contests, Contest, current).ec != NO_CONTEST)
            flush_contest (data, g_array_index (contests, Contest, current).ec, best, touched);
          open = FALSE;
          current++;
        }

      if (current >= contests->len)
        continue;
      contest = &g_array_index (contests, Contest, current);
      if (contest->id != contest_id)
        continue;  /* another election's contest */

      /* A whole number of votes in range needs no more than the value. */
      votes = sqlite3_column_int64 (stmt, 2);
      if ((sqlite3_column_type (stmt, 2) != SQLITE_INTEGER || votes < 0 || votes > TALLY_CATALOG_MAX_SEATS) &&
          !CHECK (loader, stmt, 2, "candidates", "votes", error))
        return FALSE;
      party_id = sqlite3_column_int64 (stmt, 1);
      party = party_id >= 0 && party_id < DENSE_PARTY_IDS
                ? party_of_id[party_id]
                : GPOINTER_TO_INT (g_hash_table_lookup (data->party_by_id, &party_id)) - 1;
      if (contest->ec == NO_CONTEST || party < 0)
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

/* Tally writes candidates contest by contest, so an election's candidates
 * are usually one run of row ids: read straight from the table, that run
 * takes a third of the time of going through the index.  It is used only
 * when it holds every candidate of the election's first to last contest
 * (counted on the index) in contest order; otherwise @done stays FALSE,
 * with nothing added, and the caller reads through the index. */
static gboolean
read_candidate_run (Loader    *loader,
                    GArray    *contests,
                    gboolean  *done,
                    GError   **error)
{
  g_autoptr(sqlite3_stmt) bounds = NULL;
  g_autoptr(sqlite3_stmt) run = NULL;
  gint64 first = g_array_index (contests, Contest, 0).id;
  gint64 last = g_array_index (contests, Contest, contests->len - 1).id;
  gint64 expected, n_read = 0;
  gboolean in_order = TRUE;

  *done = FALSE;
  bounds = _tally_database_prepare (loader->database,
                                    "SELECT (SELECT min (id) FROM candidates WHERE contest_id = ?1), "
                                    "       (SELECT max (id) FROM candidates WHERE contest_id = ?2), "
                                    "       (SELECT count (*) FROM candidates WHERE contest_id BETWEEN ?1 AND ?2)",
                                    error);
  if (bounds == NULL)
    return FALSE;
  sqlite3_bind_int64 (bounds, 1, first);
  sqlite3_bind_int64 (bounds, 2, last);
  if (sqlite3_step (bounds) != SQLITE_ROW)
    return finish_query (loader, SQLITE_ERROR, error);
  if (sqlite3_column_type (bounds, 0) == SQLITE_NULL || sqlite3_column_type (bounds, 1) == SQLITE_NULL)
    return TRUE;
  expected = sqlite3_column_int64 (bounds, 2);

  run = _tally_database_prepare (loader->database,
                                 "SELECT contest_id, party_id, votes, elected FROM candidates "
                                 "WHERE id BETWEEN ?1 AND ?2 ORDER BY id",
                                 error);
  if (run == NULL)
    return FALSE;
  sqlite3_bind_int64 (run, 1, sqlite3_column_int64 (bounds, 0));
  sqlite3_bind_int64 (run, 2, sqlite3_column_int64 (bounds, 1));
  if (!merge_candidates (loader, run, contests, &in_order, &n_read, error))
    return FALSE;

  if (in_order && n_read == expected)
    *done = TRUE;
  else
    reset_candidate_figures (loader->data, contests);
  return TRUE;
}

/* The election's contests in id order.  Tally writes an election's
 * contests one after another, so they are usually one run of ids: read as
 * that run of the table, they need no sort and no lookup from the index to
 * the table, which took most of the time of reading an election.  Rows of
 * another election inside the run are passed over by the query itself, so
 * the run only has to be dense enough to be worth it. */
static sqlite3_stmt *
prepare_contests (Loader  *loader,
                  GError **error)
{
  g_autoptr(sqlite3_stmt) bounds = NULL;
  sqlite3_stmt *stmt;
  gint64 first, last, count;

  bounds = prepare (loader, "SELECT min (id), max (id), count (*) FROM contests WHERE election_id = ?1", error);
  if (bounds == NULL)
    return NULL;
  if (sqlite3_step (bounds) != SQLITE_ROW)
    {
      finish_query (loader, SQLITE_ERROR, error);
      return NULL;
    }
  first = sqlite3_column_int64 (bounds, 0);
  last = sqlite3_column_int64 (bounds, 1);
  count = sqlite3_column_int64 (bounds, 2);

  if (count == 0 || last - first >= 2 * count)
    return prepare (loader,
                    "SELECT ct.id, w.council_id, ct.seats, ct.electorate, ct.ballots, ct.by_election "
                    "FROM contests ct JOIN wards w ON w.id = ct.ward_id WHERE ct.election_id = ?1 ORDER BY ct.id",
                    error);

  /* The unary plus keeps the planner on the run of ids. */
  stmt = prepare (loader,
                  "SELECT ct.id, w.council_id, ct.seats, ct.electorate, ct.ballots, ct.by_election "
                  "FROM contests ct JOIN wards w ON w.id = ct.ward_id "
                  "WHERE ct.id BETWEEN ?2 AND ?3 AND +ct.election_id = ?1 ORDER BY ct.id",
                  error);
  if (stmt != NULL)
    {
      sqlite3_bind_int64 (stmt, 2, first);
      sqlite3_bind_int64 (stmt, 3, last);
    }
  return stmt;
}

static gboolean
load_candidates (Loader  *loader,
                 GError **error)
{
  TallyResultsData *data = loader->data;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GArray) contests = g_array_new (FALSE, FALSE, sizeof (Contest));
  g_autofree guint8 *regular = g_new0 (guint8, data->n_councils);
  g_autofree gint32 *seen = NULL;
  gboolean done = FALSE, any = FALSE;
  gint64 n_read = 0;
  int rc;

  /* Every contest of the day summed into its council's totals: no
   * candidate needs reading (a count on the index of contests). */
  if (loader->summed != NULL)
    {
      if (!(stmt = prepare (loader, "SELECT count (*) FROM contests WHERE election_id = ?1", error)))
        return FALSE;
      if ((rc = sqlite3_step (stmt)) != SQLITE_ROW)
        return finish_query (loader, rc, error);
      if (sqlite3_column_int64 (stmt, 0) == loader->n_summed)
        return TRUE;
      g_clear_pointer (&stmt, sqlite3_finalize);
      seen = g_new0 (gint32, data->n_councils);
    }

  if (!(stmt = prepare_contests (loader, error)))
    return FALSE;

  /* A council whose only contests that day were by-elections did not hold
   * its own election (11 councils in 2018): its contests are left out.
   * Where it did, its by-elections count, as in the bundled figures. */
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      int council = lookup_id (data->council_by_id, stmt, 1);
      Contest contest = { sqlite3_column_int64 (stmt, 0), NO_CONTEST, column_or_unknown (stmt, 3),
                          column_or_unknown (stmt, 4), sqlite3_column_int (stmt, 2) };

      if (!CHECK (loader, stmt, 2, "contests", "seats", error) ||
          !CHECK (loader, stmt, 3, "contests", "electorate", error) ||
          !CHECK (loader, stmt, 4, "contests", "ballots", error))
        return FALSE;

      if (council >= 0 && seen != NULL)
        seen[council]++;
      if (council >= 0)
        {
          contest.ec = _tally_ec (data, loader->election, council);
          if (data->held[contest.ec] || !sqlite3_column_int (stmt, 5))
            regular[council] = TRUE;
        }
      g_array_append_val (contests, contest);
    }

  if (!finish_query (loader, rc, error))
    return FALSE;

  /* A council whose contests are not the ones its totals were summed from
   * (another tool changed them): the election is read again, from every
   * candidate (load_one()). */
  for (guint council = 0; seen != NULL && council < data->n_councils; council++)
    if (loader->summed[council] >= 0 && seen[council] != loader->summed[council])
      {
        loader->stale = TRUE;
        return TRUE;
      }

  for (guint i = 0; i < contests->len; i++)
    {
      Contest *contest = &g_array_index (contests, Contest, i);

      if (contest->ec == NO_CONTEST || !regular[contest->ec % data->n_councils] ||
          (loader->summed != NULL && loader->summed[contest->ec % data->n_councils] >= 0))
        {
          contest->ec = NO_CONTEST;
          continue;
        }
      any = TRUE;

      if (!data->from_candidates[contest->ec])
        _tally_results_data_start_from_candidates (data, contest->ec);

      data->seats_up[contest->ec] += contest->seats;
      add_contest_figure (&data->electorate[contest->ec], contest->electorate);
      add_contest_figure (&data->ballots[contest->ec], contest->ballots);
    }

  if (!any)
    return TRUE;

  if (!read_candidate_run (loader, contests, &done, error))
    return FALSE;
  if (done)
    return TRUE;

  /* Through the index on contest_id: in contest order, with no sort and
   * no other election's rows read. */
  reset_candidate_figures (data, contests);
  /* The contests' statement first: an unfinalized statement keeps the
   * connection open after the database is closed. */
  g_clear_pointer (&stmt, sqlite3_finalize);
  stmt = prepare (loader,
                  "SELECT contest_id, party_id, votes, elected FROM candidates "
                  "WHERE contest_id IN (SELECT id FROM contests WHERE election_id = ?1) ORDER BY contest_id",
                  error);
  if (stmt == NULL)
    return FALSE;

  return merge_candidates (loader, stmt, contests, NULL, &n_read, error);
}

/* Reads @election's figures, once.  A failure leaves it unread (and
 * empty: start_election() runs again on the next try). */
static gboolean
load_one (TallyResultsData  *data,
          guint              election,
          GError           **error)
{
  Loader loader = { data->database, data, election, tally_election_get_id (data->elections[election]) };
  g_autofree gint32 *summed = NULL;

  if (data->loaded[election])
    return TRUE;

  if (tally_database_get_schema_version (data->database) >= 5)
    summed = g_new (gint32, data->n_councils);

  for (;;)
    {
      loader.summed = summed;
      loader.n_summed = 0;
      loader.stale = FALSE;
      if (summed != NULL)
        memset (summed, 0xff, data->n_councils * sizeof (gint32));  /* -1: none summed */

      start_election (data, election);
      if (!load_council_elections (&loader, error) ||
          !load_council_results (&loader, error) ||
          !load_compositions (&loader, error) ||
          !load_declarations (&loader, error) ||
          !load_candidates (&loader, error))
        return FALSE;
      if (!loader.stale)
        break;

      /* Once more, every council from its candidate rows. */
      g_clear_pointer (&summed, g_free);
    }

  if (!_tally_results_data_load_bases (data, election, error))
    return FALSE;

  data->loaded[election] = TRUE;
  return TRUE;
}

/**
 * _tally_results_data_ensure:
 * @election: an election's index, or -1
 * @baseline: the election it is compared with, or -1
 *
 * Reads @election and @baseline if they are not read yet: what a question
 * about @election against @baseline needs, and nothing else.
 */
gboolean
_tally_results_data_ensure (TallyResultsData  *data,
                            int                election,
                            int                baseline,
                            GError           **error)
{
  g_return_val_if_fail (election < (int) data->n_elections && baseline < (int) data->n_elections, FALSE);

  return (election < 0 || load_one (data, (guint) election, error)) &&
         (baseline < 0 || load_one (data, (guint) baseline, error));
}

/* The arrays, and the latest election with its baseline: what a window or
 * a command asks first (and where a bad file is refused, with its name). */
TallyResultsData *
_tally_results_data_new (TallyCatalog  *catalog,
                         GError       **error)
{
  g_autoptr(TallyResultsData) data = data_new (catalog);

  if (!load_party_ids (data, catalog, error) ||
      (data->n_elections > 0 &&
       !_tally_results_data_ensure (data, (int) data->n_elections - 1, data->baseline[data->n_elections - 1], error)))
    return NULL;

  return g_steal_pointer (&data);
}
