/* tally-live-night.c: the state of results night, reloading only what changed.
 *
 * What is known before the count is read once, when the night is made: the
 * councils holding an election, their seats up and size, the wards they
 * will declare (expected_contests), each party's seats not up (from the
 * composition before less the seats it defended at the baseline, as
 * tally_rules_seats_not_up() says), control before, and the winners of every
 * ward at the baseline.  A refresh then reads only the contests written
 * since the last one it saw (contest ids only grow), and counts every
 * declaration again in memory: a few thousand contests, well under a
 * millisecond (tests/bench-live.c).  When contests were replaced or taken
 * away (an import of the same ward again), the count of contests tells, and
 * the night reads them all again.
 *
 * A council counts as fully declared once every contest it was expected to
 * declare is in, or, when the database does not list them, once its
 * declared seats reach its seats up.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdio.h>
#include <string.h>

#include "tally-catalog.h"
#include "tally-council.h"
#include "tally-council-result.h"
#include "tally-database-private.h"
#include "tally-election.h"
#include "tally-live-night.h"
#include "tally-live-private.h"
#include "tally-party.h"
#include "tally-results.h"
#include "tally-rules.h"

typedef struct
{
  gint64 id;
  guint  council;       /* index into councils */
  gint64 ward_id;
  gint64 declared_at;   /* Unix seconds, G_MININT64 when not known */
  guint  seats;
  guint  first_winner;  /* into winners */
  guint  n_winners;
  guint  by_election : 1;
} Contest;

typedef struct
{
  guint seats;
  guint first_winner;   /* into baseline_winners */
  guint n_winners;
} BaselineWard;

struct _TallyLiveNight
{
  GObject         parent_instance;

  TallyCatalog   *catalog;
  TallyDatabase  *database;
  TallyElection  *election;
  TallyElection  *baseline;

  TallyParty    **parties;            /* catalogue order */
  gboolean       *aggregate;
  guint           n_parties;
  GHashTable     *party_by_id;        /* gint64 → index + 1 */

  GHashTable     *council_by_id;      /* gint64 → TallyLiveCouncil (the night's councils only) */
  GHashTable     *council_by_object;  /* TallyCouncil → TallyLiveCouncil */
  GListStore     *councils;           /* TallyLiveCouncil, catalogue order */
  GPtrArray      *council_array;      /* the same, for indexing */

  GHashTable     *baseline_wards;     /* gint64 ward id → BaselineWard* */
  GArray         *baseline_winners;   /* guint party indices */

  GArray         *contests;           /* Contest, by id */
  GArray         *winners;            /* guint party indices */
  gint64          last_id;

  gint64          as_at;              /* G_MAXINT64: now */
  guint           n_declared;
  guint           n_partial;
  guint           n_wards;
  TallyLiveCouncil *latest;
  gint64          latest_time;
  gint64          first_time;
};

G_DEFINE_FINAL_TYPE (TallyLiveNight, tally_live_night, G_TYPE_OBJECT)

static gint64 *
copy_id (gint64 id)
{
  return g_memdup2 (&id, sizeof id);
}

static int
party_for_column (TallyLiveNight *self,
                  sqlite3_stmt   *stmt,
                  int             column)
{
  gint64 id = sqlite3_column_int64 (stmt, column);

  return GPOINTER_TO_INT (g_hash_table_lookup (self->party_by_id, &id)) - 1;
}

static TallyLiveCouncil *
council_for_column (TallyLiveNight *self,
                    sqlite3_stmt   *stmt,
                    int             column)
{
  gint64 id = sqlite3_column_int64 (stmt, column);

  return g_hash_table_lookup (self->council_by_id, &id);
}

static gboolean
step_done (TallyLiveNight  *self,
           int              rc,
           GError         **error)
{
  if (rc == SQLITE_DONE)
    return TRUE;

  _tally_database_set_error (self->database, error, _("reading the declarations"));
  return FALSE;
}

static gint64
parse_column_time (sqlite3_stmt *stmt,
                   int           column)
{
  const char *text = (const char *) sqlite3_column_text (stmt, column);
  g_autoptr(GDateTime) time = NULL;
  g_autoptr(GTimeZone) utc = NULL;

  if (text == NULL || text[0] == '\0')
    return G_MININT64;

  utc = g_time_zone_new_utc ();
  time = g_date_time_new_from_iso8601 (text, utc);
  return time != NULL ? g_date_time_to_unix (time) : G_MININT64;
}

static gboolean
load_parties (TallyLiveNight  *self,
              GError         **error)
{
  GListModel *parties = tally_catalog_get_parties (self->catalog);
  g_autoptr(GHashTable) by_key = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  self->n_parties = g_list_model_get_n_items (parties);
  self->parties = g_new0 (TallyParty *, self->n_parties);
  self->aggregate = g_new0 (gboolean, self->n_parties);
  for (guint i = 0; i < self->n_parties; i++)
    {
      self->parties[i] = g_list_model_get_item (parties, i);
      self->aggregate[i] = tally_party_is_aggregate (self->parties[i]);
      g_hash_table_insert (by_key, (char *) tally_party_get_key (self->parties[i]), GUINT_TO_POINTER (i + 1));
    }

  if (!(stmt = _tally_database_prepare (self->database, "SELECT id, key FROM parties", error)))
    return FALSE;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gpointer index = g_hash_table_lookup (by_key, sqlite3_column_text (stmt, 1));

      if (index != NULL)
        g_hash_table_insert (self->party_by_id, copy_id (sqlite3_column_int64 (stmt, 0)), index);
    }

  return step_done (self, rc, error);
}

static int
index_of_party (TallyLiveNight *self,
                TallyParty     *party)
{
  for (guint i = 0; i < self->n_parties; i++)
    if (self->parties[i] == party)
      return (int) i;

  return -1;
}

/* Seats not up and control before, from the engine's figures for the
 * composition before and the baseline: neither changes during the night. */
static void
load_reference (TallyLiveNight   *self,
                TallyResults     *results,
                TallyLiveCouncil *live)
{
  g_autoptr(TallyCouncilResult) now = NULL;
  g_autoptr(TallyCouncilResult) then = NULL;
  g_autofree guint *before = g_new0 (guint, self->n_parties);
  const TallySeats *composition;
  guint n_composition;
  gboolean same_cohort = FALSE;

  /* The engine's results are borrowed: it goes once the councils are read. */
  if (!(now = tally_results_lookup (results, self->election, self->baseline, live->council)))
    return;
  g_object_ref (now);

  composition = tally_council_result_get_composition (now, TALLY_STAGE_BEFORE, &n_composition);
  for (guint i = 0; i < n_composition; i++)
    {
      int party = index_of_party (self, composition[i].party);

      if (party >= 0)
        before[party] += composition[i].seats;
    }

  live->total_seats = tally_council_result_get_total_seats (now, TALLY_STAGE_BEFORE);
  if (live->total_seats == 0)
    return;

  live->control_before = tally_rules_control (before, self->aggregate, self->n_parties);

  if (self->baseline != NULL && (then = tally_results_lookup (results, self->baseline, NULL, live->council)))
    {
      g_object_ref (then);
      same_cohort = tally_rules_same_cohort (live->seats_up, tally_council_result_get_seats_up (then));
    }

  live->not_up = g_new0 (int, self->n_parties);
  for (guint i = 0; i < self->n_parties; i++)
    {
      guint defended = then != NULL ? tally_council_result_get_seats_won (then, self->parties[i]) : 0;

      live->not_up[i] = tally_rules_seats_not_up (before[i], defended, live->seats_up, live->total_seats, same_cohort);
      if (live->not_up[i] < 0)
        {
          g_clear_pointer (&live->not_up, g_free);
          break;
        }
    }
}

static gboolean
load_councils (TallyLiveNight  *self,
               GError         **error)
{
  GListModel *councils = tally_catalog_get_councils (self->catalog);
  g_autoptr(GHashTable) by_id = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  g_autoptr(TallyResults) results = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  for (guint i = 0; i < g_list_model_get_n_items (councils); i++)
    {
      g_autoptr(TallyCouncil) council = g_list_model_get_item (councils, i);

      g_hash_table_insert (by_id, copy_id (tally_council_get_id (council)), council);
    }

  /* Councils in catalogue order: the statement gives ids, the loop below
   * keeps the catalogue's order. */
  stmt = _tally_database_prepare (self->database,
                                  "SELECT council_id, seats_up FROM council_elections "
                                  "WHERE election_id = ?1 AND seats_up > 0",
                                  error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, tally_election_get_id (self->election));

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      TallyCouncil *council = g_hash_table_lookup (by_id, &id);
      TallyLiveCouncil *live;

      if (council == NULL)
        continue;

      live = _tally_live_council_new (council, self->parties, self->aggregate, self->n_parties);
      live->seats_up = (guint) sqlite3_column_int (stmt, 1);
      g_hash_table_insert (self->council_by_id, copy_id (id), live);
      g_hash_table_insert (self->council_by_object, council, live);
    }

  if (!step_done (self, rc, error))
    return FALSE;

  if (tally_database_get_schema_version (self->database) >= 3)
    {
      g_clear_pointer (&stmt, sqlite3_finalize);
      stmt = _tally_database_prepare (self->database,
                                      "SELECT w.council_id, count(*) FROM expected_contests ec "
                                      "JOIN wards w ON w.id = ec.ward_id WHERE ec.election_id = ?1 GROUP BY 1",
                                      error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, tally_election_get_id (self->election));

      while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
        {
          TallyLiveCouncil *live = council_for_column (self, stmt, 0);

          if (live != NULL)
            live->wards_up = (guint) sqlite3_column_int (stmt, 1);
        }

      if (!step_done (self, rc, error))
        return FALSE;
    }

  if (!(results = tally_results_new (self->catalog, error)))
    return FALSE;

  for (guint i = 0; i < g_list_model_get_n_items (councils); i++)
    {
      g_autoptr(TallyCouncil) council = g_list_model_get_item (councils, i);
      TallyLiveCouncil *live = g_hash_table_lookup (self->council_by_object, council);

      if (live == NULL)
        continue;

      load_reference (self, results, live);
      g_list_store_append (self->councils, live);
      g_ptr_array_add (self->council_array, live);
    }

  return TRUE;
}

static gboolean
load_baseline_wards (TallyLiveNight  *self,
                     GError         **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  BaselineWard *ward = NULL;
  gint64 ward_id = -1;
  int rc;

  if (self->baseline == NULL)
    return TRUE;

  stmt = _tally_database_prepare (self->database,
                                  "SELECT ct.ward_id, ct.seats, ca.party_id FROM contests ct "
                                  "JOIN candidates ca ON ca.contest_id = ct.id "
                                  "WHERE ct.election_id = ?1 AND ct.by_election = 0 AND ca.elected = 1 "
                                  "ORDER BY ct.ward_id, ct.id",
                                  error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, tally_election_get_id (self->baseline));

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      int party = party_for_column (self, stmt, 2);
      guint index = (guint) MAX (party, 0);

      if (sqlite3_column_int64 (stmt, 0) != ward_id)
        {
          ward_id = sqlite3_column_int64 (stmt, 0);
          ward = g_new0 (BaselineWard, 1);
          ward->seats = (guint) sqlite3_column_int (stmt, 1);
          ward->first_winner = self->baseline_winners->len;
          g_hash_table_insert (self->baseline_wards, copy_id (ward_id), ward);
        }

      if (party < 0)
        continue;
      g_array_append_val (self->baseline_winners, index);
      ward->n_winners++;
    }

  return step_done (self, rc, error);
}

/* Contests with ids above @after, and their winners. */
static gboolean
read_contests (TallyLiveNight  *self,
               gint64           after,
               GArray          *contests,
               GArray          *winners,
               GError         **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gboolean timed = tally_database_get_schema_version (self->database) >= 3;
  guint current = 0;
  int rc;

  stmt = _tally_database_prepare (self->database,
                                  timed ? "SELECT ct.id, w.council_id, ct.ward_id, ct.seats, ct.by_election, wd.declared_at "
                                          "FROM contests ct JOIN wards w ON w.id = ct.ward_id "
                                          "LEFT JOIN ward_declarations wd ON wd.contest_id = ct.id "
                                          "WHERE ct.election_id = ?1 AND ct.id > ?2 ORDER BY ct.id"
                                        : "SELECT ct.id, w.council_id, ct.ward_id, ct.seats, ct.by_election, NULL "
                                          "FROM contests ct JOIN wards w ON w.id = ct.ward_id "
                                          "WHERE ct.election_id = ?1 AND ct.id > ?2 ORDER BY ct.id",
                                  error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, tally_election_get_id (self->election));
  sqlite3_bind_int64 (stmt, 2, after);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      TallyLiveCouncil *live = council_for_column (self, stmt, 1);
      Contest contest = { 0 };

      contest.id = sqlite3_column_int64 (stmt, 0);
      contest.council = G_MAXUINT;
      if (live != NULL)
        g_ptr_array_find (self->council_array, live, &contest.council);
      contest.ward_id = sqlite3_column_int64 (stmt, 2);
      contest.seats = (guint) MAX (sqlite3_column_int (stmt, 3), 0);
      contest.by_election = sqlite3_column_int (stmt, 4) != 0;
      contest.declared_at = parse_column_time (stmt, 5);
      g_array_append_val (contests, contest);
    }

  if (!step_done (self, rc, error))
    return FALSE;

  g_clear_pointer (&stmt, sqlite3_finalize);
  stmt = _tally_database_prepare (self->database,
                                  "SELECT ca.contest_id, ca.party_id FROM candidates ca "
                                  "JOIN contests ct ON ct.id = ca.contest_id "
                                  "WHERE ct.election_id = ?1 AND ct.id > ?2 AND ca.elected = 1 "
                                  "ORDER BY ca.contest_id",
                                  error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, tally_election_get_id (self->election));
  sqlite3_bind_int64 (stmt, 2, after);

  /* Both in contest order: a merge. */
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 contest_id = sqlite3_column_int64 (stmt, 0);
      int party = party_for_column (self, stmt, 1);
      guint index = (guint) MAX (party, 0);
      Contest *contest;

      while (current < contests->len && g_array_index (contests, Contest, current).id < contest_id)
        current++;
      if (current >= contests->len || party < 0)
        continue;
      contest = &g_array_index (contests, Contest, current);
      if (contest->id != contest_id)
        continue;

      if (contest->n_winners == 0)
        contest->first_winner = winners->len;
      g_array_append_val (winners, index);
      contest->n_winners++;
    }

  return step_done (self, rc, error);
}

static void
count_contest (TallyLiveNight *self,
               const Contest  *contest)
{
  TallyLiveCouncil *live = g_ptr_array_index (self->council_array, contest->council);
  const guint *winners = &g_array_index (self->winners, guint, contest->first_winner);
  BaselineWard *then = NULL;

  live->wards_declared++;
  live->seats_declared += contest->seats;
  for (guint i = 0; i < contest->n_winners; i++)
    live->won[winners[i]]++;

  if (contest->declared_at != G_MININT64 &&
      (live->last_declared_at == G_MININT64 || contest->declared_at > live->last_declared_at))
    live->last_declared_at = contest->declared_at;

  if (!contest->by_election)
    then = g_hash_table_lookup (self->baseline_wards, &contest->ward_id);

  if (then == NULL || then->seats != contest->seats)
    return;

  live->seats_compared += contest->seats;
  for (guint i = 0; i < contest->n_winners; i++)
    live->won_compared[winners[i]]++;
  for (guint i = 0; i < then->n_winners; i++)
    live->won_then[g_array_index (self->baseline_winners, guint, then->first_winner + i)]++;
}

/* Every declaration up to the chosen moment, counted again. */
static TallyLiveChange
recount (TallyLiveNight *self)
{
  TallyLiveChange change = TALLY_LIVE_CHANGE_NONE;
  g_autofree guint8 *was_declared = g_new0 (guint8, self->council_array->len);

  for (guint i = 0; i < self->council_array->len; i++)
    {
      TallyLiveCouncil *live = g_ptr_array_index (self->council_array, i);

      was_declared[i] = live->state == TALLY_LIVE_DECLARED;
      _tally_live_council_reset (live);
    }

  self->n_wards = 0;
  self->first_time = G_MAXINT64;
  self->latest_time = G_MININT64;
  self->latest = NULL;

  for (guint i = 0; i < self->contests->len; i++)
    {
      const Contest *contest = &g_array_index (self->contests, Contest, i);

      if (contest->council == G_MAXUINT)
        continue;
      /* A ward with no time (imported after the night) has always declared. */
      if (contest->declared_at != G_MININT64 && contest->declared_at > self->as_at)
        continue;

      count_contest (self, contest);
      self->n_wards++;

      if (contest->declared_at != G_MININT64)
        {
          self->first_time = MIN (self->first_time, contest->declared_at);
          if (contest->declared_at >= self->latest_time)
            {
              self->latest_time = contest->declared_at;
              self->latest = g_ptr_array_index (self->council_array, contest->council);
            }
        }
    }

  self->n_declared = self->n_partial = 0;
  for (guint i = 0; i < self->council_array->len; i++)
    {
      TallyLiveCouncil *live = g_ptr_array_index (self->council_array, i);

      _tally_live_council_settle (live);
      if (live->state == TALLY_LIVE_DECLARED)
        self->n_declared++;
      else if (live->state == TALLY_LIVE_PARTIAL)
        self->n_partial++;

      if (was_declared[i] != (live->state == TALLY_LIVE_DECLARED))
        change |= TALLY_LIVE_CHANGE_COUNCILS;
    }

  return change;
}

static void
tally_live_night_dispose (GObject *object)
{
  TallyLiveNight *self = (TallyLiveNight *) object;

  g_clear_object (&self->catalog);
  g_clear_object (&self->database);
  g_clear_object (&self->election);
  g_clear_object (&self->baseline);
  g_clear_object (&self->councils);
  g_clear_pointer (&self->council_array, g_ptr_array_unref);
  g_clear_pointer (&self->council_by_id, g_hash_table_unref);
  g_clear_pointer (&self->council_by_object, g_hash_table_unref);

  G_OBJECT_CLASS (tally_live_night_parent_class)->dispose (object);
}

static void
tally_live_night_finalize (GObject *object)
{
  TallyLiveNight *self = (TallyLiveNight *) object;

  for (guint i = 0; i < self->n_parties; i++)
    g_clear_object (&self->parties[i]);
  g_clear_pointer (&self->parties, g_free);
  g_clear_pointer (&self->aggregate, g_free);
  g_clear_pointer (&self->party_by_id, g_hash_table_unref);
  g_clear_pointer (&self->baseline_wards, g_hash_table_unref);
  g_clear_pointer (&self->baseline_winners, g_array_unref);
  g_clear_pointer (&self->contests, g_array_unref);
  g_clear_pointer (&self->winners, g_array_unref);

  G_OBJECT_CLASS (tally_live_night_parent_class)->finalize (object);
}

static void
tally_live_night_class_init (TallyLiveNightClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = tally_live_night_dispose;
  object_class->finalize = tally_live_night_finalize;
}

static void
tally_live_night_init (TallyLiveNight *self)
{
  self->party_by_id = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  self->council_by_id = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_object_unref);
  self->council_by_object = g_hash_table_new (NULL, NULL);
  self->councils = g_list_store_new (TALLY_TYPE_LIVE_COUNCIL);
  self->council_array = g_ptr_array_new ();
  self->baseline_wards = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  self->baseline_winners = g_array_new (FALSE, FALSE, sizeof (guint));
  self->contests = g_array_new (FALSE, FALSE, sizeof (Contest));
  self->winners = g_array_new (FALSE, FALSE, sizeof (guint));
  self->as_at = G_MAXINT64;
}

/**
 * tally_live_night_new:
 * @catalog: the database's catalogue
 * @election: (nullable): the night to follow; %NULL for the newest
 *   election that has a baseline
 *
 * Reads what is known before the count, then every declaration so far.
 *
 * Returns: (transfer full) (nullable): the night, or %NULL with @error set
 */
TallyLiveNight *
tally_live_night_new (TallyCatalog   *catalog,
                      TallyElection  *election,
                      GError        **error)
{
  g_autoptr(TallyLiveNight) self = NULL;
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (TALLY_IS_CATALOG (catalog), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (election == NULL)
    {
      GListModel *elections = tally_catalog_get_elections (catalog);

      for (guint i = g_list_model_get_n_items (elections); i > 0 && election == NULL; i--)
        {
          g_autoptr(TallyElection) candidate = g_list_model_get_item (elections, i - 1);

          if (tally_election_get_baseline (candidate) != NULL)
            election = candidate;
        }
    }

  if (election == NULL)
    {
      g_set_error (error, TALLY_DATABASE_ERROR, TALLY_DATABASE_ERROR_INVALID,
                   _("The database holds no election compared with an earlier one"));
      return NULL;
    }

  self = g_object_new (TALLY_TYPE_LIVE_NIGHT, NULL);
  self->catalog = g_object_ref (catalog);
  self->database = g_object_ref (tally_catalog_get_database (catalog));
  self->election = g_object_ref (election);
  g_set_object (&self->baseline, tally_election_get_baseline (election));

  if (!load_parties (self, error) ||
      !load_councils (self, error) ||
      !load_baseline_wards (self, error))
    return NULL;

  tally_live_night_refresh (self, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }

  return g_steal_pointer (&self);
}

/**
 * tally_live_night_get_election:
 *
 * Returns: (transfer none): the election being declared
 */
TallyElection *
tally_live_night_get_election (TallyLiveNight *self)
{
  g_return_val_if_fail (TALLY_IS_LIVE_NIGHT (self), NULL);
  return self->election;
}

/**
 * tally_live_night_get_baseline:
 *
 * Returns: (transfer none) (nullable): the election it is compared with
 */
TallyElection *
tally_live_night_get_baseline (TallyLiveNight *self)
{
  g_return_val_if_fail (TALLY_IS_LIVE_NIGHT (self), NULL);
  return self->baseline;
}

/**
 * tally_live_night_refresh:
 * @error: where a reason goes when the database cannot be read; the night
 *   then keeps what it had
 *
 * Reads the contests written since the last refresh (all of them again
 * when some were replaced) and counts the night again.  Cheap when nothing
 * changed: one indexed count.
 *
 * Returns: what changed; %TALLY_LIVE_CHANGE_NONE also on error
 */
TallyLiveChange
tally_live_night_refresh (TallyLiveNight  *self,
                          GError         **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GArray) contests = g_array_new (FALSE, FALSE, sizeof (Contest));
  g_autoptr(GArray) winners = g_array_new (FALSE, FALSE, sizeof (guint));
  gint64 stored, after = self->last_id;
  gboolean again = FALSE;
  int rc;

  g_return_val_if_fail (TALLY_IS_LIVE_NIGHT (self), TALLY_LIVE_CHANGE_NONE);

  stmt = _tally_database_prepare (self->database,
                                  "SELECT count(*), coalesce(max(id), 0) FROM contests WHERE election_id = ?1",
                                  error);
  if (stmt == NULL)
    return TALLY_LIVE_CHANGE_NONE;
  sqlite3_bind_int64 (stmt, 1, tally_election_get_id (self->election));
  if ((rc = sqlite3_step (stmt)) != SQLITE_ROW)
    {
      step_done (self, rc, error);
      return TALLY_LIVE_CHANGE_NONE;
    }

  stored = sqlite3_column_int64 (stmt, 0);
  if (stored == (gint64) self->contests->len && sqlite3_column_int64 (stmt, 1) == self->last_id)
    return TALLY_LIVE_CHANGE_NONE;

  /* Contests only ever gain ids; fewer than we know of plus the new ones
   * means some were replaced or taken away: read them all. */
  if (stored < (gint64) self->contests->len || sqlite3_column_int64 (stmt, 1) < self->last_id)
    again = TRUE, after = 0;

  if (!read_contests (self, after, contests, winners, error))
    return TALLY_LIVE_CHANGE_NONE;

  if (!again && (gint64) (self->contests->len + contests->len) != stored)
    {
      again = TRUE;
      g_array_set_size (contests, 0);
      g_array_set_size (winners, 0);
      if (!read_contests (self, 0, contests, winners, error))
        return TALLY_LIVE_CHANGE_NONE;
    }

  if (again)
    {
      g_array_set_size (self->contests, 0);
      g_array_set_size (self->winners, 0);
    }

  for (guint i = 0; i < contests->len; i++)
    {
      Contest *contest = &g_array_index (contests, Contest, i);

      contest->first_winner += self->winners->len;
      self->last_id = MAX (self->last_id, contest->id);
    }
  g_array_append_vals (self->contests, contests->data, contests->len);
  g_array_append_vals (self->winners, winners->data, winners->len);
  if (again && self->contests->len > 0)
    self->last_id = g_array_index (self->contests, Contest, self->contests->len - 1).id;
  else if (again)
    self->last_id = 0;

  return recount (self) | TALLY_LIVE_CHANGE_WARDS;
}

/**
 * tally_live_night_get_councils:
 *
 * Returns: (transfer none): a #GListModel of #TallyLiveCouncil, one per
 *   council holding an election that night, in catalogue order; the same
 *   objects for the night's whole life, updated in place by every refresh
 */
GListModel *
tally_live_night_get_councils (TallyLiveNight *self)
{
  g_return_val_if_fail (TALLY_IS_LIVE_NIGHT (self), NULL);
  return G_LIST_MODEL (self->councils);
}

/**
 * tally_live_night_lookup:
 *
 * Returns: (transfer none) (nullable): @council on the night, or %NULL when
 *   it holds no election
 */
TallyLiveCouncil *
tally_live_night_lookup (TallyLiveNight *self,
                         TallyCouncil   *council)
{
  g_return_val_if_fail (TALLY_IS_LIVE_NIGHT (self), NULL);
  return g_hash_table_lookup (self->council_by_object, council);
}

/**
 * tally_live_night_get_n_councils:
 *
 * Returns: the councils holding an election that night (the M of "N of M")
 */
guint
tally_live_night_get_n_councils (TallyLiveNight *self)
{
  g_return_val_if_fail (TALLY_IS_LIVE_NIGHT (self), 0);
  return self->council_array->len;
}

/**
 * tally_live_night_get_n_declared:
 *
 * Returns: the councils fully declared (the N of "after N of M councils")
 */
guint
tally_live_night_get_n_declared (TallyLiveNight *self)
{
  g_return_val_if_fail (TALLY_IS_LIVE_NIGHT (self), 0);
  return self->n_declared;
}

/**
 * tally_live_night_get_n_partial:
 *
 * Returns: the councils with some wards declared, not all
 */
guint
tally_live_night_get_n_partial (TallyLiveNight *self)
{
  g_return_val_if_fail (TALLY_IS_LIVE_NIGHT (self), 0);
  return self->n_partial;
}

/**
 * tally_live_night_get_n_wards:
 *
 * Returns: the ward contests declared so far, over every council
 */
guint
tally_live_night_get_n_wards (TallyLiveNight *self)
{
  g_return_val_if_fail (TALLY_IS_LIVE_NIGHT (self), 0);
  return self->n_wards;
}

/**
 * tally_live_night_get_latest:
 *
 * Returns: (transfer none) (nullable): the council of the latest timed
 *   declaration
 */
TallyLiveCouncil *
tally_live_night_get_latest (TallyLiveNight *self)
{
  g_return_val_if_fail (TALLY_IS_LIVE_NIGHT (self), NULL);
  return self->latest;
}

/**
 * tally_live_night_get_latest_time:
 *
 * Returns: (transfer full) (nullable): when the latest ward declared
 */
GDateTime *
tally_live_night_get_latest_time (TallyLiveNight *self)
{
  g_return_val_if_fail (TALLY_IS_LIVE_NIGHT (self), NULL);
  return self->latest_time != G_MININT64 ? g_date_time_new_from_unix_utc (self->latest_time) : NULL;
}

/**
 * tally_live_night_get_first_time:
 *
 * Returns: (transfer full) (nullable): when the first ward declared: with
 *   the latest time, the span of a timeline
 */
GDateTime *
tally_live_night_get_first_time (TallyLiveNight *self)
{
  g_return_val_if_fail (TALLY_IS_LIVE_NIGHT (self), NULL);
  return self->first_time != G_MAXINT64 ? g_date_time_new_from_unix_utc (self->first_time) : NULL;
}

/**
 * tally_live_night_set_as_at:
 * @as_at: (nullable): a moment of the night, or %NULL for now
 *
 * Shows the night as it stood at @as_at: only wards declared by then count
 * (wards with no recorded time always do).  Refreshes keep the moment.
 */
void
tally_live_night_set_as_at (TallyLiveNight *self,
                            GDateTime      *as_at)
{
  g_return_if_fail (TALLY_IS_LIVE_NIGHT (self));

  self->as_at = as_at != NULL ? g_date_time_to_unix (as_at) : G_MAXINT64;
  recount (self);
}

/**
 * tally_live_night_get_as_at:
 *
 * Returns: (transfer full) (nullable): the moment shown, %NULL for now
 */
GDateTime *
tally_live_night_get_as_at (TallyLiveNight *self)
{
  g_return_val_if_fail (TALLY_IS_LIVE_NIGHT (self), NULL);
  return self->as_at != G_MAXINT64 ? g_date_time_new_from_unix_utc (self->as_at) : NULL;
}

/**
 * tally_live_format_time:
 * @unix_seconds: a moment
 *
 * Returns: (transfer full): "02:14", in local time
 */
char *
tally_live_format_time (gint64 unix_seconds)
{
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (unix_seconds);
  g_autoptr(GDateTime) local = g_date_time_to_local (utc);

  return g_date_time_format (local, "%H:%M");
}

/**
 * tally_live_night_describe:
 *
 * Returns: (transfer full): where the night stands, for a header line:
 *   "Live · 40 of 150 councils declared · latest 02:14 Worcester", or
 *   "As at 02:00 · …" when showing an earlier moment
 */
char *
tally_live_night_describe (TallyLiveNight *self)
{
  GString *text = g_string_new (NULL);

  g_return_val_if_fail (TALLY_IS_LIVE_NIGHT (self), NULL);

  if (self->as_at != G_MAXINT64)
    {
      g_autofree char *when = tally_live_format_time (self->as_at);

      g_string_append_printf (text, _("As at %s"), when);
    }
  else
    g_string_append (text, _("Live"));

  g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE, " · %u of %u council declared",
                                             " · %u of %u councils declared", self->council_array->len),
                          self->n_declared, self->council_array->len);
  if (self->n_partial > 0)
    g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE, ", %u in progress", ", %u in progress",
                                               self->n_partial),
                            self->n_partial);

  if (self->latest != NULL)
    {
      g_autofree char *when = tally_live_format_time (self->latest_time);

      g_string_append_printf (text, _(" · latest %s %s"), when, tally_council_get_name (self->latest->council));
    }
  else if (self->n_wards == 0)
    g_string_append (text, _(" · no wards declared yet"));

  return g_string_free (text, FALSE);
}

/**
 * tally_live_parse_time:
 * @text: "2018-05-04T02:00:00+01:00", "2018-05-04 02:00" (local time), or
 *   "02:00": on the night of @election, local time, hours before noon being
 *   the morning after polling day
 * @election: (nullable): the night a bare time belongs to
 *
 * Returns: (transfer full) (nullable): the moment, or %NULL with @error set
 */
GDateTime *
tally_live_parse_time (const char     *text,
                       TallyElection  *election,
                       GError        **error)
{
  g_autoptr(GTimeZone) local = g_time_zone_new_local ();
  g_autofree char *iso = NULL;
  GDateTime *time;
  int hours, minutes, consumed = 0;

  g_return_val_if_fail (text != NULL, NULL);

  if (sscanf (text, "%2d:%2d%n", &hours, &minutes, &consumed) == 2 && text[consumed] == '\0' && election != NULL &&
      hours >= 0 && hours < 24 && minutes >= 0 && minutes < 60)
    {
      g_autofree char *day = g_strdup_printf ("%sT12:00:00", tally_election_get_date (election));
      g_autoptr(GDateTime) noon = g_date_time_new_from_iso8601 (day, local);
      g_autoptr(GDateTime) date = noon != NULL && hours < 12 ? g_date_time_add_days (noon, 1) : NULL;
      GDateTime *base = date != NULL ? date : noon;

      if (base != NULL)
        return g_date_time_new (local, g_date_time_get_year (base), g_date_time_get_month (base),
                                g_date_time_get_day_of_month (base), hours, minutes, 0);
    }

  iso = g_strdelimit (g_strdup (text), " ", 'T');
  if (strlen (iso) == 16)
    {
      /* "2018-05-04T02:00": the seconds may be left out. */
      g_autofree char *full = g_strconcat (iso, ":00", NULL);

      g_free (iso);
      iso = g_steal_pointer (&full);
    }

  if ((time = g_date_time_new_from_iso8601 (iso, local)) != NULL)
    return time;

  g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
               _("“%s” is not a time: give “02:00” or “2018-05-04T02:00:00+01:00”"), text);
  return NULL;
}
