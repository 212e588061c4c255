/* tally-results.c: the results engine.
 *
 * Everything a view shows (control, change against the baseline, vote
 * shares, swing, the state of the parties) comes from here.  The database is
 * read once, when the engine is made, into the flat arrays of
 * tally-results-private.h; a filter change then runs one loop over the
 * councils of the chosen election, in memory, with no SQL: tens of
 * microseconds for the 150 councils of 2018, well under a millisecond for
 * fifty synthetic election cycles (see tests/bench-engine.c).
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
 * Ward-level results are read on request (tally_results_list_wards()): only
 * the council page needs them.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "tally-catalog.h"
#include "tally-council.h"
#include "tally-council-result.h"
#include "tally-database-private.h"
#include "tally-election.h"
#include "tally-filter-private.h"
#include "tally-party.h"
#include "tally-results.h"
#include "tally-results-private.h"
#include "tally-scope-summary-private.h"
#include "tally-ward-result-private.h"

/* The council results of one election against one baseline, made on first
 * request and kept: views hold on to them. */
typedef struct
{
  GPtrArray  *by_council;   /* [council]: TallyCouncilResult, or NULL */
  GListStore *all;          /* the same, without the NULLs, by name */
} Pair;

struct _TallyResults
{
  GObject            parent_instance;

  TallyCatalog      *catalog;
  TallyResultsData  *data;
  GHashTable        *pairs;      /* key → Pair */

  TallyFilter       *filter;
  TallyScopeSummary *summary;
  GListStore        *matching;
};

G_DEFINE_FINAL_TYPE (TallyResults, tally_results, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_CATALOG,
  PROP_FILTER,
  PROP_SUMMARY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Data */

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

/* Loading */

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

static TallyResultsData *
load (TallyCatalog  *catalog,
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

/* Council results per election and baseline */

static void
pair_free (gpointer mem)
{
  Pair *pair = mem;

  g_clear_pointer (&pair->by_council, g_ptr_array_unref);
  g_clear_object (&pair->all);
  g_free (pair);
}

static Pair *
get_pair (TallyResults *self,
          guint         election,
          int           baseline,
          TallyBasis    basis)
{
  TallyResultsData *data = self->data;
  gpointer key = GSIZE_TO_POINTER (((gsize) election * (data->n_elections + 1) + (gsize) (baseline + 1)) * TALLY_N_BASES +
                                   basis + 1);
  Pair *pair;

  if ((pair = g_hash_table_lookup (self->pairs, key)) != NULL)
    return pair;

  pair = g_new0 (Pair, 1);
  pair->by_council = g_ptr_array_sized_new (data->n_councils);  /* borrowed from pair->all */
  pair->all = g_list_store_new (TALLY_TYPE_COUNCIL_RESULT);

  for (guint council = 0; council < data->n_councils; council++)
    {
      TallyCouncilResult *result = NULL;

      if (data->held[_tally_ec (data, election, council)])
        {
          result = _tally_council_result_new_for_data (data, election, baseline, council, basis);
          g_list_store_append (pair->all, result);
          g_object_unref (result);  /* the store holds it */
        }
      g_ptr_array_add (pair->by_council, result);
    }

  g_hash_table_insert (self->pairs, key, pair);
  return pair;
}

static gboolean
resolve (TallyResults *self,
         TallyFilter  *filter,
         guint        *election,
         int          *baseline)
{
  TallyResultsData *data = self->data;
  int index;

  if (data->n_elections == 0)
    return FALSE;

  if (filter == NULL || tally_filter_get_election (filter) == NULL)
    index = (int) data->n_elections - 1;
  else if ((index = _tally_results_data_election_index (data, tally_filter_get_election (filter))) < 0)
    return FALSE;

  *election = (guint) index;

  if (filter != NULL && tally_filter_get_baseline (filter) != NULL)
    *baseline = _tally_results_data_election_index (data, tally_filter_get_baseline (filter));
  else
    *baseline = data->baseline[index];

  return TRUE;
}

/* The one loop every filter change runs: which councils of @election match
 * @filter.  @summary, when given, adds each of them up. */
static guint
match_councils (TallyResults      *self,
                TallyFilter       *filter,
                guint              election,
                Pair              *pair,
                TallyScopeSummary *summary)
{
  TallyResultsData *data = self->data;
  g_autofree gboolean *selected = g_new0 (gboolean, data->n_parties + 1);
  TallyBasis basis = tally_filter_get_basis (filter);
  guint n_matching = 0;

  for (guint party = 0; party < data->n_parties; party++)
    selected[party] = tally_filter_get_party_selected (filter, tally_party_get_key (data->parties[party]));

  for (guint council = 0; council < data->n_councils; council++)
    {
      gsize ec = _tally_ec (data, election, council);
      int before = _tally_results_data_control_before (data, election, council, basis);
      int after = data->control[TALLY_STAGE_AFTER][ec];

      if (!data->held[ec] ||
          !_tally_filter_match_place (filter, data->councils[council], data->folded_names[council]) ||
          !_tally_filter_match_control (filter, before, after, before >= 0 && selected[before],
                                        after >= 0 && selected[after]))
        continue;

      n_matching++;
      if (summary != NULL)
        _tally_scope_summary_add (summary, council, g_ptr_array_index (pair->by_council, council));
    }

  return n_matching;
}

static void
update_summary (TallyResults *self)
{
  g_autoptr(TallyScopeSummary) summary = NULL;
  GListModel *councils;
  guint n_old;

  if (self->filter != NULL)
    summary = tally_results_summarize (self, self->filter);

  n_old = g_list_model_get_n_items (G_LIST_MODEL (self->matching));
  if (summary != NULL)
    {
      g_autofree gpointer *items = NULL;
      guint n_items;

      councils = tally_scope_summary_get_councils (summary);
      n_items = g_list_model_get_n_items (councils);
      items = g_new (gpointer, n_items + 1);
      for (guint i = 0; i < n_items; i++)
        items[i] = g_list_model_get_item (councils, i);

      g_list_store_splice (self->matching, 0, n_old, items, n_items);
      for (guint i = 0; i < n_items; i++)
        g_object_unref (items[i]);
    }
  else
    g_list_store_remove_all (self->matching);

  g_set_object (&self->summary, summary);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SUMMARY]);
}

static void
filter_changed_cb (TallyResults *self,
                   TallyFilter  *filter)
{
  g_assert (TALLY_IS_RESULTS (self));

  update_summary (self);
}

static void
tally_results_dispose (GObject *object)
{
  TallyResults *self = (TallyResults *) object;

  g_clear_object (&self->filter);
  g_clear_object (&self->summary);
  g_clear_object (&self->matching);
  g_clear_pointer (&self->pairs, g_hash_table_unref);
  g_clear_object (&self->catalog);

  G_OBJECT_CLASS (tally_results_parent_class)->dispose (object);
}

static void
tally_results_finalize (GObject *object)
{
  TallyResults *self = (TallyResults *) object;

  g_clear_pointer (&self->data, _tally_results_data_unref);

  G_OBJECT_CLASS (tally_results_parent_class)->finalize (object);
}

static void
tally_results_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  TallyResults *self = TALLY_RESULTS (object);

  switch (prop_id)
    {
    case PROP_CATALOG:
      g_value_set_object (value, self->catalog);
      break;

    case PROP_FILTER:
      g_value_set_object (value, self->filter);
      break;

    case PROP_SUMMARY:
      g_value_set_object (value, self->summary);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tally_results_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  TallyResults *self = TALLY_RESULTS (object);

  switch (prop_id)
    {
    case PROP_FILTER:
      tally_results_set_filter (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tally_results_class_init (TallyResultsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = tally_results_dispose;
  object_class->finalize = tally_results_finalize;
  object_class->get_property = tally_results_get_property;
  object_class->set_property = tally_results_set_property;

  properties[PROP_CATALOG] =
    g_param_spec_object ("catalog", NULL, NULL, TALLY_TYPE_CATALOG,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  /**
   * TallyResults:filter:
   *
   * The filter the engine follows: on each of its changes the engine
   * recomputes #TallyResults:summary and updates the matching councils.
   */
  properties[PROP_FILTER] =
    g_param_spec_object ("filter", NULL, NULL, TALLY_TYPE_FILTER,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * TallyResults:summary:
   *
   * The summary of #TallyResults:filter's scope, remade (and notified) once
   * per filter change.  Views that need the numbers watch this rather
   * than the filter, so that they never read a stale summary.
   */
  properties[PROP_SUMMARY] =
    g_param_spec_object ("summary", NULL, NULL, TALLY_TYPE_SCOPE_SUMMARY,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
tally_results_init (TallyResults *self)
{
  self->pairs = g_hash_table_new_full (NULL, NULL, NULL, pair_free);
  self->matching = g_list_store_new (TALLY_TYPE_COUNCIL_RESULT);
}

/**
 * tally_results_new:
 * @catalog: the catalogue of an open database
 *
 * Reads every result of the database into memory.  Later imports need a
 * new engine.
 *
 * Returns: (transfer full) (nullable): the engine, or %NULL with @error set
 */
TallyResults *
tally_results_new (TallyCatalog  *catalog,
                   GError       **error)
{
  g_autoptr(TallyResults) self = NULL;

  g_return_val_if_fail (TALLY_IS_CATALOG (catalog), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  self = g_object_new (TALLY_TYPE_RESULTS, NULL);
  self->catalog = g_object_ref (catalog);
  if (!(self->data = load (catalog, error)))
    return NULL;

  return g_steal_pointer (&self);
}

/**
 * tally_results_get_catalog:
 *
 * Returns: (transfer none): the catalogue the results belong to
 */
TallyCatalog *
tally_results_get_catalog (TallyResults *self)
{
  g_return_val_if_fail (TALLY_IS_RESULTS (self), NULL);
  return self->catalog;
}

/**
 * tally_results_resolve_election:
 * @filter: (nullable): a filter, or %NULL for the defaults
 *
 * Returns: (transfer none) (nullable): the election @filter looks at: its
 *   own, or the latest; %NULL when the database has none
 */
TallyElection *
tally_results_resolve_election (TallyResults *self,
                                TallyFilter  *filter)
{
  guint election;
  int baseline;

  g_return_val_if_fail (TALLY_IS_RESULTS (self), NULL);

  if (!resolve (self, filter, &election, &baseline))
    return NULL;

  return self->data->elections[election];
}

/**
 * tally_results_resolve_baseline:
 * @filter: (nullable): a filter, or %NULL for the defaults
 *
 * Returns: (transfer none) (nullable): the baseline @filter measures change
 *   against: its own, or its election's; %NULL when there is none
 */
TallyElection *
tally_results_resolve_baseline (TallyResults *self,
                                TallyFilter  *filter)
{
  guint election;
  int baseline;

  g_return_val_if_fail (TALLY_IS_RESULTS (self), NULL);

  if (!resolve (self, filter, &election, &baseline) || baseline < 0)
    return NULL;

  return self->data->elections[baseline];
}

/**
 * tally_results_get_council_results:
 * @election: an election of the catalogue
 * @baseline: (nullable): the election to compare with, or %NULL for
 *   @election's own baseline
 *
 * The same objects are returned each time for the same two elections.
 * Their control before the poll and seat changes are on the basis of the
 * followed filter (tally_results_get_basis()).
 *
 * Returns: (transfer none): a #TallyCouncilResult for every council that
 *   voted at @election, by name
 */
GListModel *
tally_results_get_council_results (TallyResults  *self,
                                   TallyElection *election,
                                   TallyElection *baseline)
{
  int e, b;

  g_return_val_if_fail (TALLY_IS_RESULTS (self), NULL);
  g_return_val_if_fail (TALLY_IS_ELECTION (election), NULL);
  g_return_val_if_fail (baseline == NULL || TALLY_IS_ELECTION (baseline), NULL);

  e = _tally_results_data_election_index (self->data, election);
  g_return_val_if_fail (e >= 0, NULL);
  b = baseline ? _tally_results_data_election_index (self->data, baseline) : self->data->baseline[e];

  return G_LIST_MODEL (get_pair (self, (guint) e, b, tally_results_get_basis (self))->all);
}

/**
 * tally_results_lookup:
 * @baseline: (nullable): as for tally_results_get_council_results()
 *
 * Returns: (transfer none) (nullable): @council's result at @election, or
 *   %NULL when it did not vote then
 */
TallyCouncilResult *
tally_results_lookup (TallyResults  *self,
                      TallyElection *election,
                      TallyElection *baseline,
                      TallyCouncil  *council)
{
  int e, b;

  g_return_val_if_fail (TALLY_IS_RESULTS (self), NULL);
  g_return_val_if_fail (TALLY_IS_ELECTION (election), NULL);
  g_return_val_if_fail (TALLY_IS_COUNCIL (council), NULL);

  if ((e = _tally_results_data_election_index (self->data, election)) < 0)
    return NULL;
  b = baseline ? _tally_results_data_election_index (self->data, baseline) : self->data->baseline[e];

  for (guint i = 0; i < self->data->n_councils; i++)
    if (self->data->councils[i] == council ||
        tally_council_get_id (self->data->councils[i]) == tally_council_get_id (council))
      return g_ptr_array_index (get_pair (self, (guint) e, b, tally_results_get_basis (self))->by_council, i);

  return NULL;
}

/**
 * tally_results_summarize:
 * @filter: what to look at
 *
 * Computes, from memory, everything about the councils @filter matches:
 * the councils themselves, the state of the parties, vote shares and swing.
 *
 * Returns: (transfer full) (nullable): the summary, or %NULL when the
 *   filter's election is not in the database
 */
TallyScopeSummary *
tally_results_summarize (TallyResults *self,
                         TallyFilter  *filter)
{
  g_autoptr(TallyScopeSummary) summary = NULL;
  guint election;
  int baseline;
  Pair *pair;

  g_return_val_if_fail (TALLY_IS_RESULTS (self), NULL);
  g_return_val_if_fail (TALLY_IS_FILTER (filter), NULL);

  if (!resolve (self, filter, &election, &baseline))
    return NULL;

  pair = get_pair (self, election, baseline, tally_filter_get_basis (filter));
  summary = _tally_scope_summary_new (self->data, election, baseline, tally_filter_get_basis (filter));
  match_councils (self, filter, election, pair, summary);
  _tally_scope_summary_finish (summary);

  return g_steal_pointer (&summary);
}

/**
 * tally_results_count_matching:
 *
 * Cheaper than a summary: what a filter panel shows beside each choice,
 * with a copy of the filter (tally_filter_copy()) that makes it.
 *
 * Returns: how many councils @filter matches
 */
guint
tally_results_count_matching (TallyResults *self,
                              TallyFilter  *filter)
{
  guint election;
  int baseline;

  g_return_val_if_fail (TALLY_IS_RESULTS (self), 0);
  g_return_val_if_fail (TALLY_IS_FILTER (filter), 0);

  if (!resolve (self, filter, &election, &baseline))
    return 0;

  return match_councils (self, filter, election, NULL, NULL);
}

/**
 * tally_results_get_basis:
 *
 * Returns: the basis of the followed filter, or %TALLY_BASIS_SERVICES
 *   without one: what the council results of
 *   tally_results_get_council_results() and tally_results_lookup() measure
 *   change against
 */
TallyBasis
tally_results_get_basis (TallyResults *self)
{
  g_return_val_if_fail (TALLY_IS_RESULTS (self), TALLY_BASIS_SERVICES);

  return self->filter != NULL ? tally_filter_get_basis (self->filter) : TALLY_BASIS_SERVICES;
}

/**
 * tally_results_get_filter:
 *
 * Returns: (transfer none) (nullable): the filter the engine follows
 */
TallyFilter *
tally_results_get_filter (TallyResults *self)
{
  g_return_val_if_fail (TALLY_IS_RESULTS (self), NULL);
  return self->filter;
}

/**
 * tally_results_set_filter:
 * @filter: (nullable): the filter to follow
 *
 * From now on each #TallyFilter::changed of @filter recomputes
 * #TallyResults:summary and the list of matching councils, once, for
 * every view.
 */
void
tally_results_set_filter (TallyResults *self,
                          TallyFilter  *filter)
{
  g_return_if_fail (TALLY_IS_RESULTS (self));
  g_return_if_fail (filter == NULL || TALLY_IS_FILTER (filter));

  if (self->filter == filter)
    return;

  if (self->filter != NULL)
    g_signal_handlers_disconnect_by_func (self->filter, filter_changed_cb, self);

  g_set_object (&self->filter, filter);

  if (filter != NULL)
    g_signal_connect_object (filter, "changed", G_CALLBACK (filter_changed_cb), self, G_CONNECT_SWAPPED);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FILTER]);
  update_summary (self);
}

/**
 * tally_results_get_summary:
 *
 * Returns: (transfer none) (nullable): the summary of the followed filter
 */
TallyScopeSummary *
tally_results_get_summary (TallyResults *self)
{
  g_return_val_if_fail (TALLY_IS_RESULTS (self), NULL);
  return self->summary;
}

/**
 * tally_results_get_matching:
 *
 * One model for the life of the engine, for a council list to show: its
 * items are replaced (one items-changed) on each change of the followed
 * filter.
 *
 * Returns: (transfer none): the #TallyCouncilResult of each council the
 *   followed filter matches, by name
 */
GListModel *
tally_results_get_matching (TallyResults *self)
{
  g_return_val_if_fail (TALLY_IS_RESULTS (self), NULL);
  return G_LIST_MODEL (self->matching);
}

/**
 * tally_results_list_wards:
 * @result: a council result from this engine
 *
 * Reads the council's ward contests at the result's election, with every
 * candidate, and the same wards at its baseline where they match.  This
 * runs SQL: call it when a council page opens, not on every filter change.
 *
 * Returns: (transfer full) (nullable): a #TallyWardResult per contest, by
 *   ward name (empty without candidate data), or %NULL with @error set
 */
GListModel *
tally_results_list_wards (TallyResults        *self,
                          TallyCouncilResult  *result,
                          GError             **error)
{
  TallyElection *baseline;

  g_return_val_if_fail (TALLY_IS_RESULTS (self), NULL);
  g_return_val_if_fail (TALLY_IS_COUNCIL_RESULT (result), NULL);

  baseline = tally_council_result_get_baseline (result);
  return _tally_ward_results_load (self->data, tally_catalog_get_database (self->catalog),
                                   tally_council_result_get_council (result),
                                   tally_council_result_get_election (result), baseline, error);
}
