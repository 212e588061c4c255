/* tally-replay.c: a past election written into a fresh database, ward by ward.
 *
 * Newsrooms rehearse results night by replaying a past one, and the tests
 * run a whole night in seconds.  The replay reads the election from the
 * source database once (every ward contest and its candidates, every
 * council's totals), then makes the target: a copy of the source taken
 * through SQLite's backup API, with that election's declarations taken out
 * and the contests it will declare listed in expected_contests (schema 3),
 * in WAL mode, renamed into place only once it is ready, so that a reader
 * never opens half a preparation.
 *
 * Each step then declares one ward in one transaction: its contests, their
 * candidates and its declaration time (ward_declarations).  The step that
 * declares a council's last ward also writes the council's totals, its
 * composition after and its row in declarations, copied from the source: a
 * council counts in the state of the parties once it has fully declared,
 * and a finished replay holds exactly the figures of the night it replays.
 * A writer killed between two steps leaves the last complete ward; a
 * replay given `resume` goes on from there.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "tally-election.h"
#include "tally-live-night.h"
#include "tally-replay-private.h"

G_DEFINE_FINAL_TYPE (TallyReplay, tally_replay, G_TYPE_OBJECT)

static gint64 *
copy_id (gint64 id)
{
  return g_memdup2 (&id, sizeof id);
}

static gint64
column_nullable (sqlite3_stmt *stmt,
                 int           column)
{
  return sqlite3_column_type (stmt, column) == SQLITE_NULL ? REPLAY_NULL : sqlite3_column_int64 (stmt, column);
}

static void
bind_nullable (sqlite3_stmt *stmt,
               int           index,
               gint64        value)
{
  if (value == REPLAY_NULL)
    sqlite3_bind_null (stmt, index);
  else
    sqlite3_bind_int64 (stmt, index, value);
}

static char *
column_text (sqlite3_stmt *stmt,
             int           column)
{
  return g_strdup ((const char *) sqlite3_column_text (stmt, column));
}

static gboolean
step_done (TallyDatabase  *database,
           int             rc,
           const char     *doing,
           GError        **error)
{
  if (rc == SQLITE_DONE)
    return TRUE;

  _tally_database_set_error (database, error, doing);
  return FALSE;
}

static int
council_index (TallyReplay *self,
               gint64       id)
{
  return GPOINTER_TO_INT (g_hash_table_lookup (self->council_by_id, &id)) - 1;
}

static gboolean
find_election (TallyReplay    *self,
               TallyDatabase  *source,
               const char     *date,
               GError        **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  stmt = _tally_database_prepare (source,
                                  date != NULL ? "SELECT id, date, name FROM elections WHERE date = ?1"
                                               : "SELECT id, date, name FROM elections WHERE baseline_id IS NOT NULL "
                                                 "ORDER BY date DESC LIMIT 1",
                                  error);
  if (stmt == NULL)
    return FALSE;
  if (date != NULL)
    sqlite3_bind_text (stmt, 1, date, -1, SQLITE_TRANSIENT);

  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      g_autofree char *name = g_filename_display_basename (self->source_path);

      if (date != NULL)
        g_set_error (error, TALLY_DATABASE_ERROR, TALLY_DATABASE_ERROR_INVALID,
                     _("%s holds no election on %s"), name, date);
      else
        g_set_error (error, TALLY_DATABASE_ERROR, TALLY_DATABASE_ERROR_INVALID,
                     _("%s holds no election compared with an earlier one"), name);
      return FALSE;
    }

  self->election_id = sqlite3_column_int64 (stmt, 0);
  self->election_date = column_text (stmt, 1);
  self->election = tally_election_new (self->election_id, self->election_date,
                                       (const char *) sqlite3_column_text (stmt, 2), NULL);
  return TRUE;
}

static gboolean
read_councils (TallyReplay    *self,
               TallyDatabase  *source,
               GError        **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  stmt = _tally_database_prepare (source,
                                  "SELECT c.id, c.code, c.name, coalesce (ce.seats_up, 0), ce.votes_total, "
                                  "ce.electorate, ce.ballots FROM councils c "
                                  "LEFT JOIN council_elections ce ON ce.council_id = c.id AND ce.election_id = ?1 "
                                  "ORDER BY c.id",
                                  error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, self->election_id);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      ReplayCouncil council = { 0 };

      council.id = sqlite3_column_int64 (stmt, 0);
      council.code = column_text (stmt, 1);
      council.name = column_text (stmt, 2);
      council.seats_up = (guint) MAX (sqlite3_column_int (stmt, 3), 0);
      council.votes_total = column_nullable (stmt, 4);
      council.electorate = column_nullable (stmt, 5);
      council.ballots = column_nullable (stmt, 6);
      g_array_append_val (self->councils, council);
      g_hash_table_insert (self->council_by_id, copy_id (council.id), GUINT_TO_POINTER (self->councils->len));
    }

  return step_done (source, rc, _("reading the councils"), error);
}

/* Every contest of the election, grouped by ward (councils in id order),
 * then the candidates of each. */
static gboolean
read_contests (TallyReplay    *self,
               TallyDatabase  *source,
               GError        **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GHashTable) by_source_id = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  int rc;

  stmt = _tally_database_prepare (source,
                                  "SELECT ct.id, ct.ward_id, w.council_id, w.name, w.code, ct.ballot, ct.seats, "
                                  "ct.by_election, ct.electorate, ct.ballots "
                                  "FROM contests ct JOIN wards w ON w.id = ct.ward_id "
                                  "WHERE ct.election_id = ?1 ORDER BY w.council_id, ct.ward_id, ct.id",
                                  error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, self->election_id);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      ReplayContest contest = { 0 };
      ReplayUnit *unit = self->units->len > 0 ? &g_array_index (self->units, ReplayUnit, self->units->len - 1) : NULL;
      int council = council_index (self, sqlite3_column_int64 (stmt, 2));

      if (council < 0)
        continue;

      contest.source_id = sqlite3_column_int64 (stmt, 0);
      contest.ward_id = sqlite3_column_int64 (stmt, 1);
      contest.ballot = column_text (stmt, 5);
      contest.seats = sqlite3_column_int (stmt, 6);
      contest.by_election = sqlite3_column_int (stmt, 7);
      contest.electorate = column_nullable (stmt, 8);
      contest.ballots = column_nullable (stmt, 9);

      if (unit == NULL || unit->ward_id != contest.ward_id)
        {
          ReplayUnit fresh = { 0 };

          fresh.council = (guint) council;
          fresh.ward_id = contest.ward_id;
          fresh.ward_name = column_text (stmt, 3);
          fresh.ward_code = column_text (stmt, 4);
          fresh.first_contest = self->contests->len;
          g_array_append_val (self->units, fresh);
          unit = &g_array_index (self->units, ReplayUnit, self->units->len - 1);
        }

      unit->n_contests++;
      g_array_append_val (self->contests, contest);
      g_hash_table_insert (by_source_id, copy_id (contest.source_id), GUINT_TO_POINTER (self->contests->len));
    }

  if (!step_done (source, rc, _("reading the contests"), error))
    return FALSE;

  g_clear_pointer (&stmt, sqlite3_finalize);
  stmt = _tally_database_prepare (source,
                                  "SELECT ca.contest_id, ca.name, ca.party_id, ca.party_name, ca.votes, ca.elected "
                                  "FROM candidates ca JOIN contests ct ON ct.id = ca.contest_id "
                                  "WHERE ct.election_id = ?1 ORDER BY ca.contest_id, ca.id",
                                  error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, self->election_id);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 contest_id = sqlite3_column_int64 (stmt, 0);
      guint index = GPOINTER_TO_UINT (g_hash_table_lookup (by_source_id, &contest_id));
      ReplayCandidate candidate = { 0 };
      ReplayContest *contest;

      if (index == 0)
        continue;
      contest = &g_array_index (self->contests, ReplayContest, index - 1);
      if (contest->n_candidates == 0)
        contest->first_candidate = self->candidates->len;
      contest->n_candidates++;

      candidate.name = column_text (stmt, 1);
      candidate.party_id = sqlite3_column_int64 (stmt, 2);
      candidate.party_name = column_text (stmt, 3);
      candidate.votes = sqlite3_column_int64 (stmt, 4);
      candidate.elected = sqlite3_column_int (stmt, 5);
      g_array_append_val (self->candidates, candidate);
    }

  return step_done (source, rc, _("reading the candidates"), error);
}

static gboolean
read_council_rows (TallyReplay    *self,
                   TallyDatabase  *source,
                   const char     *sql,
                   GArray         *rows,
                   GError        **error)
{
  g_autoptr(sqlite3_stmt) stmt = _tally_database_prepare (source, sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, self->election_id);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      int council = council_index (self, sqlite3_column_int64 (stmt, 0));
      ReplayCouncilRow row = { 0 };

      if (council < 0)
        continue;
      row.council = (guint) council;
      row.party_id = sqlite3_column_int64 (stmt, 1);
      row.a = sqlite3_column_int64 (stmt, 2);
      row.b = column_nullable (stmt, 3);
      g_array_append_val (rows, row);
    }

  return step_done (source, rc, _("reading the council totals"), error);
}

static void
clear_council (gpointer data)
{
  ReplayCouncil *council = data;

  g_free (council->code);
  g_free (council->name);
}

static void
clear_unit (gpointer data)
{
  ReplayUnit *unit = data;

  g_free (unit->ward_name);
  g_free (unit->ward_code);
}

static void
clear_contest (gpointer data)
{
  g_free (((ReplayContest *) data)->ballot);
}

static void
clear_candidate (gpointer data)
{
  ReplayCandidate *candidate = data;

  g_free (candidate->name);
  g_free (candidate->party_name);
}

/* Councils whose source has no ward contests are declared whole, in one
 * step; units of a council are made consecutive. */
static void
number_units (TallyReplay *self)
{
  GArray *sorted = g_array_new (FALSE, TRUE, sizeof (ReplayUnit));
  guint next = 0;

  for (guint c = 0; c < self->councils->len; c++)
    {
      ReplayCouncil *council = &g_array_index (self->councils, ReplayCouncil, c);

      council->first_unit = sorted->len;
      while (next < self->units->len && g_array_index (self->units, ReplayUnit, next).council == c)
        {
          g_array_append_val (sorted, g_array_index (self->units, ReplayUnit, next));
          next++;
        }
      council->n_units = sorted->len - council->first_unit;

      if (council->n_units == 0 && council->seats_up > 0)
        for (guint i = 0; i < self->results->len; i++)
          if (g_array_index (self->results, ReplayCouncilRow, i).council == c)
            {
              ReplayUnit whole = { .council = c, .ward_id = 0 };

              g_array_append_val (sorted, whole);
              council->n_units = 1;
              break;
            }
    }

  /* The strings move with the units. */
  g_array_set_clear_func (self->units, NULL);
  g_array_unref (self->units);
  self->units = sorted;
  g_array_set_clear_func (self->units, clear_unit);
}

static void
tally_replay_finalize (GObject *object)
{
  TallyReplay *self = (TallyReplay *) object;

  g_free (self->source_path);
  g_free (self->election_date);
  g_clear_object (&self->election);
  g_clear_object (&self->target);
  g_array_unref (self->councils);
  g_hash_table_unref (self->council_by_id);
  g_array_unref (self->units);
  g_array_unref (self->contests);
  g_array_unref (self->candidates);
  g_array_unref (self->results);
  g_array_unref (self->compositions);
  g_array_unref (self->steps);
  g_free (self->done);
  g_free (self->to_come);

  G_OBJECT_CLASS (tally_replay_parent_class)->finalize (object);
}

static void
tally_replay_class_init (TallyReplayClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = tally_replay_finalize;
}

static void
tally_replay_init (TallyReplay *self)
{
  self->councils = g_array_new (FALSE, TRUE, sizeof (ReplayCouncil));
  g_array_set_clear_func (self->councils, clear_council);
  self->council_by_id = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  self->units = g_array_new (FALSE, TRUE, sizeof (ReplayUnit));
  g_array_set_clear_func (self->units, clear_unit);
  self->contests = g_array_new (FALSE, TRUE, sizeof (ReplayContest));
  g_array_set_clear_func (self->contests, clear_contest);
  self->candidates = g_array_new (FALSE, TRUE, sizeof (ReplayCandidate));
  g_array_set_clear_func (self->candidates, clear_candidate);
  self->results = g_array_new (FALSE, TRUE, sizeof (ReplayCouncilRow));
  self->compositions = g_array_new (FALSE, TRUE, sizeof (ReplayCouncilRow));
  self->steps = g_array_new (FALSE, TRUE, sizeof (ReplayStep));
}

/**
 * tally_replay_new:
 * @source_path: the database holding the night to replay
 * @election_date: (nullable): its polling day; %NULL for the newest election
 *   compared with an earlier one
 *
 * Reads the election from @source_path (which is not changed).  Its order
 * is the default one of seed 1 until another is set.
 *
 * Returns: (transfer full) (nullable): the replay, or %NULL with @error set
 */
TallyReplay *
tally_replay_new (const char  *source_path,
                  const char  *election_date,
                  GError     **error)
{
  g_autoptr(TallyReplay) self = g_object_new (TALLY_TYPE_REPLAY, NULL);
  g_autoptr(TallyDatabase) source = NULL;

  g_return_val_if_fail (source_path != NULL, NULL);

  self->source_path = g_strdup (source_path);
  if (!(source = tally_database_open (source_path, TALLY_DATABASE_OPEN_READ_ONLY, error)) ||
      !find_election (self, source, election_date, error) ||
      !read_councils (self, source, error) ||
      !read_contests (self, source, error) ||
      !read_council_rows (self, source,
                          "SELECT council_id, party_id, seats_won, votes FROM council_results "
                          "WHERE election_id = ?1 ORDER BY council_id, party_id",
                          self->results, error) ||
      !read_council_rows (self, source,
                          "SELECT council_id, party_id, seats, NULL FROM compositions "
                          "WHERE election_id = ?1 AND stage = 'after' ORDER BY council_id, party_id",
                          self->compositions, error))
    return NULL;

  number_units (self);
  if (self->units->len == 0)
    {
      g_autofree char *name = g_filename_display_basename (source_path);

      g_set_error (error, TALLY_DATABASE_ERROR, TALLY_DATABASE_ERROR_INVALID,
                   _("%s holds no results of %s to replay"), name, self->election_date);
      return NULL;
    }

  tally_replay_set_default_order (self, 1);
  return g_steal_pointer (&self);
}

/**
 * tally_replay_get_election_date:
 *
 * Returns: the polling day of the night replayed
 */
const char *
tally_replay_get_election_date (TallyReplay *self)
{
  g_return_val_if_fail (TALLY_IS_REPLAY (self), NULL);
  return self->election_date;
}

/**
 * tally_replay_get_n_wards:
 *
 * Returns: the wards (or councils declared whole) the night declares
 */
guint
tally_replay_get_n_wards (TallyReplay *self)
{
  g_return_val_if_fail (TALLY_IS_REPLAY (self), 0);
  return self->units->len;
}

void
_tally_replay_clear_steps (TallyReplay *self)
{
  g_array_set_size (self->steps, 0);
  self->n_left_out = 0;
  g_clear_pointer (&self->done, g_free);
}

/* Copies the source into a file next to @target_path, then renames it into
 * place once it is a night ready to declare. */
static gboolean
make_target (TallyReplay  *self,
             const char   *target_path,
             GError      **error)
{
  g_autoptr(TallyDatabase) source = NULL;
  g_autoptr(TallyDatabase) target = NULL;
  g_autofree char *temp_path = g_strdup_printf ("%s.replay-%d", target_path, (int) getpid ());
  g_autofree char *name = g_filename_display_basename (target_path);
  g_autofree char *sql = NULL;
  sqlite3 *handle = NULL;
  sqlite3_backup *backup;
  int rc;

  if (g_file_test (target_path, G_FILE_TEST_EXISTS))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS,
                   _("%s already exists: a replay writes a fresh database (give another file, or resume)"), name);
      return FALSE;
    }

  if (!(source = tally_database_open (self->source_path, TALLY_DATABASE_OPEN_READ_ONLY, error)))
    return FALSE;

  g_unlink (temp_path);
  rc = sqlite3_open_v2 (temp_path, &handle, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL);
  if (rc == SQLITE_OK)
    {
      backup = sqlite3_backup_init (handle, "main", _tally_database_get_handle (source), "main");
      rc = backup != NULL ? sqlite3_backup_step (backup, -1) : sqlite3_errcode (handle);
      if (backup != NULL)
        sqlite3_backup_finish (backup);
    }
  if (rc != SQLITE_DONE)
    {
      g_set_error (error, TALLY_DATABASE_ERROR, TALLY_DATABASE_ERROR_OPEN, _("Cannot write %s: %s"), name,
                   handle != NULL ? sqlite3_errmsg (handle) : sqlite3_errstr (rc));
      sqlite3_close (handle);
      g_unlink (temp_path);
      return FALSE;
    }
  sqlite3_close (handle);
  g_clear_object (&source);

  /* Opened by Tally: checked, and brought to schema 3. */
  if (!(target = tally_database_open (temp_path, 0, error)))
    {
      g_unlink (temp_path);
      return FALSE;
    }

  sql = g_strdup_printf ("DELETE FROM expected_contests WHERE election_id = %1$" G_GINT64_FORMAT ";"
                         "INSERT INTO expected_contests (election_id, ward_id, ballot, seats, by_election) "
                         "  SELECT election_id, ward_id, ballot, seats, by_election FROM contests "
                         "  WHERE election_id = %1$" G_GINT64_FORMAT ";"
                         "DELETE FROM contests WHERE election_id = %1$" G_GINT64_FORMAT ";"
                         "DELETE FROM council_results WHERE election_id = %1$" G_GINT64_FORMAT ";"
                         "DELETE FROM compositions WHERE election_id = %1$" G_GINT64_FORMAT " AND stage = 'after';"
                         "DELETE FROM declarations WHERE election_id = %1$" G_GINT64_FORMAT ";"
                         /* The night's contests come in ward by ward: the sums
                          * of candidates an import kept are not theirs. */
                         "UPDATE council_elections SET votes_total = NULL, ballots = NULL, "
                         "  contests = NULL, three_party_polls = NULL "
                         "  WHERE election_id = %1$" G_GINT64_FORMAT ";",
                         self->election_id);
  if (!_tally_database_begin (target, error))
    goto fail;
  if (!_tally_database_exec (target, sql, error))
    {
      _tally_database_rollback (target);
      goto fail;
    }
  if (!_tally_database_commit (target, error) ||
      !tally_database_set_live (target, error))
    goto fail;

  /* Closed first, so that its -wal is folded in and goes with it. */
  g_clear_object (&target);
  if (g_rename (temp_path, target_path) != 0)
    {
      int saved = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved), _("Cannot write %s: %s"), name,
                   g_strerror (saved));
      g_unlink (temp_path);
      return FALSE;
    }

  return TRUE;

fail:
  g_clear_object (&target);
  g_unlink (temp_path);
  return FALSE;
}

/* Which steps a target being resumed has declared already. */
static gboolean
read_progress (TallyReplay  *self,
               GError      **error)
{
  g_autoptr(sqlite3_stmt) expected = NULL;
  g_autoptr(sqlite3_stmt) ward = NULL;
  g_autoptr(sqlite3_stmt) council = NULL;
  g_autofree char *name = g_filename_display_basename (tally_database_get_path (self->target));

  expected = _tally_database_prepare (self->target,
                                      "SELECT count(*) FROM expected_contests WHERE election_id = "
                                      "(SELECT id FROM elections WHERE date = ?1)",
                                      error);
  ward = _tally_database_prepare (self->target,
                                  "SELECT EXISTS (SELECT 1 FROM contests WHERE election_id = ?1 AND ward_id = ?2)",
                                  error);
  council = _tally_database_prepare (self->target,
                                     "SELECT EXISTS (SELECT 1 FROM declarations WHERE election_id = ?1 "
                                     "AND council_id = ?2)",
                                     error);
  if (expected == NULL || ward == NULL || council == NULL)
    return FALSE;

  sqlite3_bind_text (expected, 1, self->election_date, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (expected) != SQLITE_ROW || sqlite3_column_int64 (expected, 0) == 0)
    {
      g_set_error (error, TALLY_DATABASE_ERROR, TALLY_DATABASE_ERROR_INVALID,
                   _("%s is not a replay of %s: it expects no declarations"), name, self->election_date);
      return FALSE;
    }

  for (guint i = 0; i < self->units->len; i++)
    {
      ReplayUnit *unit = &g_array_index (self->units, ReplayUnit, i);
      ReplayCouncil *c = &g_array_index (self->councils, ReplayCouncil, unit->council);
      sqlite3_stmt *stmt = unit->ward_id != 0 ? ward : council;

      sqlite3_reset (stmt);
      sqlite3_bind_int64 (stmt, 1, self->election_id);
      sqlite3_bind_int64 (stmt, 2, unit->ward_id != 0 ? unit->ward_id : c->id);
      if (sqlite3_step (stmt) != SQLITE_ROW)
        {
          _tally_database_set_error (self->target, error, _("reading the declarations"));
          return FALSE;
        }

      if (sqlite3_column_int (stmt, 0))
        {
          self->to_come[unit->council]--;
          for (guint s = 0; s < self->steps->len; s++)
            if (g_array_index (self->steps, ReplayStep, s).unit == i)
              self->done[s] = TRUE;
        }
    }

  return TRUE;
}

/**
 * tally_replay_prepare:
 * @target_path: the database to write
 * @resume: %FALSE to make @target_path afresh (it must not exist); %TRUE to
 *   go on with a replay already begun there (a killed writer's)
 *
 * Returns: whether the target is ready for tally_replay_declare()
 */
gboolean
tally_replay_prepare (TallyReplay  *self,
                      const char   *target_path,
                      gboolean      resume,
                      GError      **error)
{
  g_return_val_if_fail (TALLY_IS_REPLAY (self), FALSE);
  g_return_val_if_fail (target_path != NULL, FALSE);

  g_clear_object (&self->target);
  g_free (self->done);
  self->done = g_new0 (guint8, MAX (self->steps->len, 1));
  g_free (self->to_come);
  self->to_come = g_new0 (guint, self->councils->len);
  for (guint c = 0; c < self->councils->len; c++)
    self->to_come[c] = g_array_index (self->councils, ReplayCouncil, c).n_units;

  if (!resume && !make_target (self, target_path, error))
    return FALSE;

  if (!(self->target = tally_database_open (target_path, 0, error)) ||
      !tally_database_set_live (self->target, error))
    {
      g_clear_object (&self->target);
      return FALSE;
    }

  if (resume && !read_progress (self, error))
    {
      g_clear_object (&self->target);
      return FALSE;
    }

  return TRUE;
}

/**
 * tally_replay_get_step_done:
 *
 * Returns: whether @step is declared in the target (by this replay, or by
 *   the one it resumes)
 */
gboolean
tally_replay_get_step_done (TallyReplay *self,
                            guint        step)
{
  g_return_val_if_fail (TALLY_IS_REPLAY (self), FALSE);
  g_return_val_if_fail (step < self->steps->len, FALSE);

  return self->done != NULL && self->done[step];
}

static char *
format_iso (gint64 unix_seconds)
{
  g_autoptr(GDateTime) time = g_date_time_new_from_unix_utc (unix_seconds);

  return g_date_time_format (time, "%Y-%m-%dT%H:%M:%SZ");
}

static gboolean
run (TallyReplay   *self,
     sqlite3_stmt  *stmt,
     const char    *doing,
     GError       **error)
{
  int rc = sqlite3_step (stmt);

  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
  return step_done (self->target, rc, doing, error);
}

static gboolean
write_unit (TallyReplay       *self,
            const ReplayUnit  *unit,
            const char        *when,
            GError           **error)
{
  g_autoptr(sqlite3_stmt) contest = NULL;
  g_autoptr(sqlite3_stmt) candidate = NULL;
  g_autoptr(sqlite3_stmt) declared = NULL;
  sqlite3 *handle = _tally_database_get_handle (self->target);

  if (unit->n_contests == 0)
    return TRUE;

  contest = _tally_database_prepare (self->target,
                                     "INSERT INTO contests (election_id, ward_id, ballot, seats, by_election, "
                                     "electorate, ballots) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
                                     error);
  candidate = _tally_database_prepare (self->target,
                                       "INSERT INTO candidates (contest_id, name, party_id, party_name, votes, elected) "
                                       "VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                                       error);
  declared = _tally_database_prepare (self->target,
                                      "INSERT INTO ward_declarations (contest_id, declared_at) VALUES (?1, ?2)",
                                      error);
  if (contest == NULL || candidate == NULL || declared == NULL)
    return FALSE;

  for (guint i = 0; i < unit->n_contests; i++)
    {
      const ReplayContest *c = &g_array_index (self->contests, ReplayContest, unit->first_contest + i);
      gint64 id;

      sqlite3_bind_int64 (contest, 1, self->election_id);
      sqlite3_bind_int64 (contest, 2, c->ward_id);
      sqlite3_bind_text (contest, 3, c->ballot, -1, SQLITE_STATIC);
      sqlite3_bind_int (contest, 4, c->seats);
      sqlite3_bind_int (contest, 5, c->by_election);
      bind_nullable (contest, 6, c->electorate);
      bind_nullable (contest, 7, c->ballots);
      if (!run (self, contest, _("writing a contest"), error))
        return FALSE;
      id = sqlite3_last_insert_rowid (handle);

      for (guint j = 0; j < c->n_candidates; j++)
        {
          const ReplayCandidate *person = &g_array_index (self->candidates, ReplayCandidate, c->first_candidate + j);

          sqlite3_bind_int64 (candidate, 1, id);
          sqlite3_bind_text (candidate, 2, person->name, -1, SQLITE_STATIC);
          sqlite3_bind_int64 (candidate, 3, person->party_id);
          sqlite3_bind_text (candidate, 4, person->party_name, -1, SQLITE_STATIC);
          sqlite3_bind_int64 (candidate, 5, person->votes);
          sqlite3_bind_int (candidate, 6, person->elected);
          if (!run (self, candidate, _("writing a candidate"), error))
            return FALSE;
        }

      sqlite3_bind_int64 (declared, 1, id);
      sqlite3_bind_text (declared, 2, when, -1, SQLITE_STATIC);
      if (!run (self, declared, _("writing a declaration time"), error))
        return FALSE;
    }

  return TRUE;
}

/* The council's last ward is in: its totals, its composition after and its
 * declaration, as the source has them. */
static gboolean
write_council (TallyReplay  *self,
               guint         index,
               const char   *when,
               GError      **error)
{
  const ReplayCouncil *council = &g_array_index (self->councils, ReplayCouncil, index);
  g_autoptr(sqlite3_stmt) totals = NULL;
  g_autoptr(sqlite3_stmt) result = NULL;
  g_autoptr(sqlite3_stmt) composition = NULL;
  g_autoptr(sqlite3_stmt) declared = NULL;

  totals = _tally_database_prepare (self->target,
                                    "UPDATE council_elections SET votes_total = ?3, electorate = ?4, ballots = ?5 "
                                    "WHERE election_id = ?1 AND council_id = ?2",
                                    error);
  result = _tally_database_prepare (self->target,
                                    "INSERT INTO council_results (election_id, council_id, party_id, seats_won, votes) "
                                    "VALUES (?1, ?2, ?3, ?4, ?5)",
                                    error);
  composition = _tally_database_prepare (self->target,
                                         "INSERT INTO compositions (election_id, council_id, stage, party_id, seats) "
                                         "VALUES (?1, ?2, 'after', ?3, ?4)",
                                         error);
  declared = _tally_database_prepare (self->target,
                                      "INSERT OR REPLACE INTO declarations (election_id, council_id, declared_at) "
                                      "VALUES (?1, ?2, ?3)",
                                      error);
  if (totals == NULL || result == NULL || composition == NULL || declared == NULL)
    return FALSE;

  sqlite3_bind_int64 (totals, 1, self->election_id);
  sqlite3_bind_int64 (totals, 2, council->id);
  bind_nullable (totals, 3, council->votes_total);
  bind_nullable (totals, 4, council->electorate);
  bind_nullable (totals, 5, council->ballots);
  if (!run (self, totals, _("writing a council’s totals"), error))
    return FALSE;

  for (guint i = 0; i < self->results->len; i++)
    {
      const ReplayCouncilRow *row = &g_array_index (self->results, ReplayCouncilRow, i);

      if (row->council != index)
        continue;
      sqlite3_bind_int64 (result, 1, self->election_id);
      sqlite3_bind_int64 (result, 2, council->id);
      sqlite3_bind_int64 (result, 3, row->party_id);
      sqlite3_bind_int64 (result, 4, row->a);
      bind_nullable (result, 5, row->b);
      if (!run (self, result, _("writing a council’s totals"), error))
        return FALSE;
    }

  for (guint i = 0; i < self->compositions->len; i++)
    {
      const ReplayCouncilRow *row = &g_array_index (self->compositions, ReplayCouncilRow, i);

      if (row->council != index)
        continue;
      sqlite3_bind_int64 (composition, 1, self->election_id);
      sqlite3_bind_int64 (composition, 2, council->id);
      sqlite3_bind_int64 (composition, 3, row->party_id);
      sqlite3_bind_int64 (composition, 4, row->a);
      if (!run (self, composition, _("writing a composition"), error))
        return FALSE;
    }

  /* A council with only by-elections is not one of the night's councils. */
  if (council->seats_up == 0)
    return TRUE;

  sqlite3_bind_int64 (declared, 1, self->election_id);
  sqlite3_bind_int64 (declared, 2, council->id);
  sqlite3_bind_text (declared, 3, when, -1, SQLITE_STATIC);
  return run (self, declared, _("writing a declaration"), error);
}

/**
 * tally_replay_declare:
 * @step: which declaration, in the replay's order
 *
 * Declares one ward in one transaction (and, with the council's last ward,
 * the council): readers see all of it or none of it.  A step already
 * declared is left as it is.
 *
 * Returns: whether it is declared; on error nothing was written
 */
gboolean
tally_replay_declare (TallyReplay  *self,
                      guint         step,
                      GError      **error)
{
  const ReplayStep *s;
  const ReplayUnit *unit;
  g_autofree char *when = NULL;

  g_return_val_if_fail (TALLY_IS_REPLAY (self), FALSE);
  g_return_val_if_fail (self->target != NULL, FALSE);
  g_return_val_if_fail (step < self->steps->len, FALSE);

  if (self->done[step])
    return TRUE;

  s = &g_array_index (self->steps, ReplayStep, step);
  unit = &g_array_index (self->units, ReplayUnit, s->unit);
  when = format_iso (s->declared_at);

  if (!_tally_database_begin (self->target, error))
    return FALSE;

  if (!write_unit (self, unit, when, error) ||
      (self->to_come[unit->council] == 1 && !write_council (self, unit->council, when, error)) ||
      !_tally_database_commit (self->target, error))
    {
      _tally_database_rollback (self->target);
      return FALSE;
    }

  self->to_come[unit->council]--;
  self->done[step] = TRUE;
  return TRUE;
}
