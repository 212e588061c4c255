/* tally-live-night-load.c: what results night reads from the database.
 *
 * What is known before the count is read once, when the night is made: the
 * councils holding an election, their seats up and size, the wards they
 * will declare (expected_contests), each party's seats not up (from the
 * composition before less the seats it defended at the baseline, as
 * tally_rules_seats_not_up() says), control before, and the winners of every
 * ward at the baseline.  After that only the contests written since the
 * last refresh are read (_tally_live_night_read_contests()); counting them
 * is tally-live-night.c's business.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "tally-catalog.h"
#include "tally-council.h"
#include "tally-council-result.h"
#include "tally-election.h"
#include "tally-live-night-private.h"
#include "tally-party.h"
#include "tally-results.h"
#include "tally-rules.h"

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

gboolean
_tally_live_night_step_done (TallyLiveNight  *self,
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

  return _tally_live_night_step_done (self, rc, error);
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
               TallyResults    *shared,
               GError         **error)
{
  GListModel *councils = tally_catalog_get_councils (self->catalog);
  g_autoptr(GHashTable) by_id = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  g_autoptr(TallyResults) results = shared ? g_object_ref (shared) : NULL;
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

  if (!_tally_live_night_step_done (self, rc, error))
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

      if (!_tally_live_night_step_done (self, rc, error))
        return FALSE;
    }

  if (results == NULL && !(results = tally_results_new (self->catalog, error)))
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

/* How many contests @election has and its newest id: contests only ever
 * gain ids, and an import that replaces some writes them again with new
 * ones. */
gboolean
_tally_live_night_count_contests (TallyLiveNight  *self,
                                  TallyElection   *election,
                                  gint64           counted[2],
                                  GError         **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  stmt = _tally_database_prepare (self->database,
                                  "SELECT count(*), coalesce(max(id), 0) FROM contests WHERE election_id = ?1",
                                  error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, tally_election_get_id (election));
  if ((rc = sqlite3_step (stmt)) != SQLITE_ROW)
    {
      _tally_live_night_step_done (self, rc, error);
      return FALSE;
    }
  counted[0] = sqlite3_column_int64 (stmt, 0);
  counted[1] = sqlite3_column_int64 (stmt, 1);

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
  if (!_tally_live_night_count_contests (self, self->baseline, self->baseline_stored, error))
    return FALSE;

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

  return _tally_live_night_step_done (self, rc, error);
}

/* Contests with ids above @after, and their winners. */
gboolean
_tally_live_night_read_contests (TallyLiveNight  *self,
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

  if (!_tally_live_night_step_done (self, rc, error))
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

  return _tally_live_night_step_done (self, rc, error);
}

static gboolean
same_council_order (TallyLiveNight *self,
                    TallyLiveNight *previous)
{
  if (self->council_array->len != previous->council_array->len)
    return FALSE;

  for (guint i = 0; i < self->council_array->len; i++)
    if (tally_council_get_id (tally_live_council_get_council (g_ptr_array_index (self->council_array, i))) !=
        tally_council_get_id (tally_live_council_get_council (g_ptr_array_index (previous->council_array, i))))
      return FALSE;

  return TRUE;
}

static gboolean
same_party_indices (TallyLiveNight *self,
                    TallyLiveNight *previous)
{
  GHashTableIter iter;
  gpointer id, index;

  if (g_hash_table_size (self->party_by_id) != g_hash_table_size (previous->party_by_id))
    return FALSE;

  g_hash_table_iter_init (&iter, self->party_by_id);
  while (g_hash_table_iter_next (&iter, &id, &index))
    if (g_hash_table_lookup (previous->party_by_id, id) != index)
      return FALSE;

  return TRUE;
}

/* What @previous, a night made a moment ago from the same file, read
 * already and still holds true: the baseline's ward winners (shared: they
 * never change once read) and the contests declared so far (copied: a
 * refresh adds to them; it reads only those written since, and all again
 * if any were replaced).  Taken only when what they rest on is the same:
 * the election and its baseline, the parties at the same indices, the
 * councils in the same order, and the baseline's contests the same in
 * number and newest id. */
static gboolean
take_from (TallyLiveNight  *self,
           TallyLiveNight  *previous,
           gboolean        *taken,
           GError         **error)
{
  gint64 stored[2] = { 0, 0 };

  *taken = FALSE;
  if (previous == NULL || tally_election_get_id (previous->election) != tally_election_get_id (self->election) ||
      (previous->baseline == NULL) != (self->baseline == NULL) ||
      (self->baseline != NULL &&
       tally_election_get_id (previous->baseline) != tally_election_get_id (self->baseline)) ||
      !same_party_indices (self, previous) || !same_council_order (self, previous))
    return TRUE;

  if (self->baseline != NULL)
    {
      if (!_tally_live_night_count_contests (self, self->baseline, stored, error))
        return FALSE;
      if (stored[0] != previous->baseline_stored[0] || stored[1] != previous->baseline_stored[1])
        return TRUE;
    }

  g_hash_table_unref (self->baseline_wards);
  self->baseline_wards = g_hash_table_ref (previous->baseline_wards);
  g_array_unref (self->baseline_winners);
  self->baseline_winners = g_array_ref (previous->baseline_winners);
  self->baseline_stored[0] = stored[0];
  self->baseline_stored[1] = stored[1];

  g_array_append_vals (self->contests, previous->contests->data, previous->contests->len);
  g_array_append_vals (self->winners, previous->winners->data, previous->winners->len);
  self->last_id = previous->last_id;

  *taken = TRUE;
  return TRUE;
}

/* Parties, councils and the baseline's wards: what does not change while
 * the night is declared.  @results: (nullable): an engine over the same
 * catalogue, for the figures before; otherwise one is made.  @previous:
 * (nullable): a night made from the same file a moment ago, whose
 * baseline wards and contests so far are taken when they still hold. */
gboolean
_tally_live_night_load_before_count (TallyLiveNight  *self,
                                     TallyResults    *results,
                                     TallyLiveNight  *previous,
                                     GError         **error)
{
  gboolean taken = FALSE;

  return load_parties (self, error) &&
         load_councils (self, results, error) &&
         take_from (self, previous, &taken, error) &&
         (taken || load_baseline_wards (self, error));
}
