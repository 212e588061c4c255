/* tally-import-store.c: writing imported rows into the database.
 *
 * The store is made once per import, with every statement prepared, and is
 * given one candidate's row at a time (tally-import-match.c finds what the
 * row names; tally-import-totals.c keeps the council totals).
 *
 * Writing is idempotent: a contest (one poll in one ward) that a file names
 * again replaces the one already stored, so importing a file twice, or a
 * corrected copy of it, leaves one copy of each result.
 *
 * Speed (the budget is 300,000 candidate rows a second): a row of the same
 * contest as the one before needs no lookup at all; candidates and contests
 * are written 64 rows to an INSERT; and a large import rebuilds the
 * secondary indexes once at the end instead of row by row.  Foreign keys
 * are not checked per row (see tally-import.c): every id written here was
 * just read or made here.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "tally-import-store-private.h"

static void
ward_free (Ward *ward)
{
  g_free (ward->code);
  g_free (ward);
}

static void
contest_free (Contest *contest)
{
  g_free (contest->ballot);
  g_free (contest);
}

static void
unmatched_free (Unmatched *unmatched)
{
  g_free (unmatched->name);
  g_free (unmatched);
}

static void
council_election_free (CouncilElection *pair)
{
  g_array_unref (pair->parties);
  g_free (pair);
}


void
_tally_import_store_free (TallyImportStore *self)
{
  if (self == NULL)
    return;

  g_clear_pointer (&self->insert_candidate, sqlite3_finalize);
  g_clear_pointer (&self->insert_candidates, sqlite3_finalize);
  g_clear_pointer (&self->insert_contests, sqlite3_finalize);
  g_clear_pointer (&self->deferred_indexes, g_ptr_array_unref);
  if (self->pending_text != NULL)
    g_string_free (self->pending_text, TRUE);
  if (self->pending_contest_text != NULL)
    g_string_free (self->pending_contest_text, TRUE);
  g_clear_pointer (&self->find_contest, sqlite3_finalize);
  g_clear_pointer (&self->remember_contest, sqlite3_finalize);
  g_clear_pointer (&self->recall_contest, sqlite3_finalize);
  g_clear_pointer (&self->write_declaration, sqlite3_finalize);
  g_clear_pointer (&self->current, contest_free);
  g_clear_pointer (&self->insert_contest, sqlite3_finalize);
  g_clear_pointer (&self->clear_contest, sqlite3_finalize);
  g_clear_pointer (&self->update_contest, sqlite3_finalize);
  g_clear_pointer (&self->insert_ward, sqlite3_finalize);
  g_clear_pointer (&self->update_ward_code, sqlite3_finalize);
  g_clear_pointer (&self->insert_party, sqlite3_finalize);
  g_clear_pointer (&self->insert_election, sqlite3_finalize);

  g_clear_pointer (&self->elections, g_hash_table_unref);
  g_clear_pointer (&self->council_codes, g_hash_table_unref);
  g_clear_pointer (&self->council_keys, g_hash_table_unref);
  g_clear_pointer (&self->council_names, g_hash_table_unref);
  g_clear_pointer (&self->council_cache, g_hash_table_unref);
  g_clear_pointer (&self->parties_exact, g_hash_table_unref);
  g_clear_pointer (&self->parties_folded, g_hash_table_unref);
  g_clear_pointer (&self->party_keys, g_hash_table_unref);
  g_clear_pointer (&self->wards_by_code, g_hash_table_unref);
  g_clear_pointer (&self->wards_by_key, g_hash_table_unref);
  g_clear_pointer (&self->wards_by_row, g_hash_table_unref);
  g_clear_pointer (&self->wards, g_ptr_array_unref);
  g_clear_pointer (&self->touched, g_hash_table_unref);
  g_clear_pointer (&self->held, g_hash_table_unref);
  g_clear_pointer (&self->contested, g_hash_table_unref);
  g_clear_pointer (&self->councils_touched, g_hash_table_unref);
  g_clear_pointer (&self->unmatched, g_hash_table_unref);
  g_free (self->other_colour);
  g_free (self->other_colour_safe);
  g_free (self->last_date);
  g_free (self->last_council_code);
  g_free (self->last_council_name);
  g_free (self->last_ward_code);
  g_free (self->last_ward_name);
  g_free (self->last_ballot);
  g_clear_pointer (&self->summary, tally_import_summary_unref);
  g_clear_object (&self->database);
  g_free (self);
}

/* An INSERT of BATCH_ROWS rows of six values each. */
static sqlite3_stmt *
prepare_batch (TallyDatabase  *database,
               const char     *insert,
               GError        **error)
{
  g_autoptr(GString) sql = g_string_new (insert);

  for (guint i = 0; i < BATCH_ROWS; i++)
    g_string_append_printf (sql, "%s(?%u, ?%u, ?%u, ?%u, ?%u, ?%u)", i > 0 ? ", " : "",
                            6 * i + 1, 6 * i + 2, 6 * i + 3, 6 * i + 4, 6 * i + 5, 6 * i + 6);

  return _tally_database_prepare (database, sql->str, error);
}

static gboolean
read_next_contest_id (TallyImportStore  *self,
                      GError           **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  if (!(stmt = _tally_database_prepare (self->database,
                                        "SELECT coalesce (max (id), 0) + 1 FROM contests", error)))
    return FALSE;

  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      _tally_database_set_error (self->database, error, _("reading contests"));
      return FALSE;
    }

  self->next_contest_id = sqlite3_column_int64 (stmt, 0);
  return TRUE;
}

/* An import that brings more than a quarter as many candidates as the
 * database holds builds the indexes on candidates and contests once, sorted,
 * at the end, instead
 * of row by row: an index on party gets one insertion point per party, all
 * but one in the middle of the tree, which costs a page split every few
 * rows.  Only the index that replacing a contest needs (candidates by
 * contest) and the unique keys stay.  Index definitions are read from the
 * schema, so this follows whatever indexes the schema has. */
static gboolean
defer_indexes (TallyImportStore  *self,
               guint64            expected_rows,
               GError           **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  gint64 existing_rows;
  int rc;

  if (!(stmt = _tally_database_prepare (self->database,
                                        "SELECT coalesce (max (id), 0) FROM candidates", error)))
    return FALSE;
  if (sqlite3_step (stmt) != SQLITE_ROW)
    goto failed;
  existing_rows = sqlite3_column_int64 (stmt, 0);

  /* Rebuilding costs a sort of every row; keeping an index up costs a
   * random write for each new or replaced row, several times dearer. */
  if ((gint64) expected_rows * 4 <= existing_rows)
    return TRUE;

  g_clear_pointer (&stmt, sqlite3_finalize);
  if (!(stmt = _tally_database_prepare (self->database,
                                        "SELECT name, sql FROM sqlite_schema "
                                        "WHERE type = 'index' AND sql IS NOT NULL "
                                        "AND tbl_name IN ('candidates', 'contests') "
                                        "AND name <> 'candidates_by_contest'",
                                        error)))
    return FALSE;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *name = (const char *) sqlite3_column_text (stmt, 0);

      /* A name that needs more than plain quoting is not one of Tally's. */
      if (strchr (name, '"') != NULL)
        continue;

      g_ptr_array_add (names, g_strdup_printf ("DROP INDEX \"%s\"", name));
      g_ptr_array_add (self->deferred_indexes, g_strdup ((const char *) sqlite3_column_text (stmt, 1)));
    }
  if (rc != SQLITE_DONE)
    goto failed;

  for (guint i = 0; i < names->len; i++)
    if (!_tally_database_exec (self->database, names->pdata[i], error))
      return FALSE;

  return TRUE;

failed:
  _tally_database_set_error (self->database, error, _("reading the schema"));
  return FALSE;
}

gboolean
_tally_import_store_restore_indexes (TallyImportStore  *self,
                                     GError           **error)
{
  for (guint i = 0; i < self->deferred_indexes->len; i++)
    if (!_tally_database_exec (self->database, self->deferred_indexes->pdata[i], error))
      return FALSE;

  g_ptr_array_set_size (self->deferred_indexes, 0);
  return TRUE;
}

/**
 * _tally_import_store_new:
 * @database: a writable database, inside the import's transaction
 * @summary: where counts and warnings go
 * @expected_rows: about how many candidate rows the files hold
 *
 * Reads what the database already holds and prepares every statement.
 *
 * Returns: (transfer full) (nullable): the store
 */
TallyImportStore *
_tally_import_store_new (TallyDatabase       *database,
                         TallyImportSummary  *summary,
                         guint64              expected_rows,
                         GError             **error)
{
  g_autoptr(TallyImportStore) self = g_new0 (TallyImportStore, 1);

  self->database = g_object_ref (database);
  self->summary = tally_import_summary_ref (summary);

  self->elections = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->council_codes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->council_keys = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->council_names = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  self->council_cache = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->parties_exact = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->parties_folded = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->party_keys = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  self->wards_by_code = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->wards_by_key = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->wards_by_row = g_hash_table_new_full (row_key_hash, row_key_equal, g_free, NULL);
  self->wards = g_ptr_array_new_with_free_func ((GDestroyNotify) ward_free);
  self->touched = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                         (GDestroyNotify) council_election_free);
  self->held = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->contested = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  self->councils_touched = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  self->unmatched = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                           (GDestroyNotify) unmatched_free);
  self->deferred_indexes = g_ptr_array_new_with_free_func (g_free);

  if (!(self->insert_candidates =
          prepare_batch (database,
                         "INSERT INTO candidates "
                         "(contest_id, name, party_id, party_name, votes, elected) VALUES ",
                         error)) ||
      !(self->insert_contests =
          prepare_batch (database,
                         "INSERT INTO contests "
                         "(id, election_id, ward_id, ballot, seats, by_election) VALUES ",
                         error)))
    return NULL;
  self->pending_text = g_string_sized_new (BATCH_ROWS * 64);
  self->pending_contest_text = g_string_sized_new (BATCH_ROWS * 64);

  /* This file's finished contests, in SQLite rather than in memory, so
   * that an import's memory does not grow with its file. */
  if (!_tally_database_exec (database,
                             "CREATE TEMP TABLE IF NOT EXISTS import_contests "
                             "(id INTEGER PRIMARY KEY, seats INTEGER NOT NULL, "
                             "winners INTEGER NOT NULL, declared_at INTEGER NOT NULL, "
                             "by_election INTEGER NOT NULL, stored_seats INTEGER NOT NULL)",
                             error) ||
      !_tally_database_exec (database, "DELETE FROM temp.import_contests", error))
    return NULL;

#define PREPARE(field, sql) \
  if (!(self->field = _tally_database_prepare (database, sql, error))) \
    return NULL;

  PREPARE (insert_candidate,
           "INSERT INTO candidates (contest_id, name, party_id, party_name, votes, elected) "
           "VALUES (?1, ?2, ?3, ?4, ?5, ?6)");
  PREPARE (find_contest,
           "SELECT id FROM contests WHERE election_id = ?1 AND ward_id = ?2 AND ballot = ?3");
  PREPARE (insert_contest,
           "INSERT INTO contests (id, election_id, ward_id, ballot, seats, by_election) "
           "VALUES (?1, ?2, ?3, ?4, ?5, ?6)");
  PREPARE (remember_contest,
           "INSERT OR REPLACE INTO temp.import_contests "
           "(id, seats, winners, declared_at, by_election, stored_seats) "
           "VALUES (?1, ?2, ?3, ?4, ?5, ?6)");
  PREPARE (recall_contest,
           "SELECT seats, winners, declared_at, by_election, stored_seats "
           "FROM temp.import_contests WHERE id = ?1");
  PREPARE (clear_contest, "DELETE FROM candidates WHERE contest_id = ?1");
  PREPARE (update_contest, "UPDATE contests SET seats = ?2, by_election = ?3 WHERE id = ?1");
  PREPARE (insert_ward, "INSERT INTO wards (council_id, code, name) VALUES (?1, ?2, ?3)");
  PREPARE (update_ward_code, "UPDATE wards SET code = ?2 WHERE id = ?1");
  PREPARE (insert_party,
           "INSERT INTO parties (key, short_name, full_name, colour, colour_safe, grp, position) "
           "VALUES (?1, ?2, ?2, ?3, ?4, 'other', ?5)");
  PREPARE (insert_election, "INSERT INTO elections (date, name) VALUES (?1, ?2)");

#undef PREPARE

  if (!defer_indexes (self, expected_rows, error) ||
      !read_next_contest_id (self, error) ||
      !_tally_import_store_add_builtin_aliases (self, error) ||
      !_tally_import_store_load_parties (self, error) ||
      !_tally_import_store_load_councils (self, error) ||
      !_tally_import_store_load_other_tables (self, error))
    return NULL;

  return g_steal_pointer (&self);
}

static void
clear_last_row (TallyImportStore *self)
{
  g_clear_pointer (&self->last_date, g_free);
  g_clear_pointer (&self->last_council_code, g_free);
  g_clear_pointer (&self->last_council_name, g_free);
  g_clear_pointer (&self->last_ward_code, g_free);
  g_clear_pointer (&self->last_ward_name, g_free);
  g_clear_pointer (&self->last_ballot, g_free);
  self->last_contest = NULL;
  self->last_unmatched = NULL;
}

/**
 * _tally_import_store_begin_file:
 * @reader: the file about to be read, named in warnings
 */
void
_tally_import_store_begin_file (TallyImportStore *self,
                                TallyCsvReader   *reader)
{
  g_assert (self != NULL);

  self->reader = reader;
  self->file_serial++;
  self->contests_replaced = 0;
  self->no_winner = 0;
  self->too_many_winners = 0;
  clear_last_row (self);
  g_hash_table_remove_all (self->unmatched);
}

void
_tally_import_store_skip_row (TallyImportStore *self)
{
  g_assert (self != NULL);

  self->summary->rows_skipped++;
}

static gboolean
flush_contests (TallyImportStore  *self,
                GError           **error)
{
  const char *text = self->pending_contest_text->str;
  gboolean whole_batch = (self->n_pending_contests == BATCH_ROWS);
  sqlite3_stmt *stmt = whole_batch ? self->insert_contests : self->insert_contest;

  for (guint i = 0; i < self->n_pending_contests; i++)
    {
      PendingContest *pending = &self->pending_contests[i];
      int first = whole_batch ? 6 * i : 0;

      sqlite3_bind_int64 (stmt, first + 1, pending->id);
      sqlite3_bind_int64 (stmt, first + 2, pending->election_id);
      sqlite3_bind_int64 (stmt, first + 3, pending->ward_id);
      sqlite3_bind_text (stmt, first + 4, text + pending->ballot, -1, SQLITE_STATIC);
      sqlite3_bind_int64 (stmt, first + 5, pending->seats);
      sqlite3_bind_int (stmt, first + 6, pending->by_election);

      if (!whole_batch && !step_done (self, stmt, N_("adding a contest"), error))
        return FALSE;
    }

  if (whole_batch && !step_done (self, stmt, N_("adding contests"), error))
    return FALSE;

  self->n_pending_contests = 0;
  g_string_truncate (self->pending_contest_text, 0);
  return TRUE;
}

/* The seats a contest counts for (the file's figure, else the number elected,
 * else one), counting its warnings by @sign: -1 when the file comes back to it. */
static guint
count_seats (TallyImportStore *self,
             guint             seats,
             guint             winners,
             int               sign)
{
  if ((seats = seats > 0 ? seats : winners) == 0)
    {
      self->no_winner += sign;  /* not declared yet, or a file without winners */
      return 1;
    }
  if (winners > seats)
    self->too_many_winners += sign;

  return seats;
}

static PendingContest *
find_pending (TallyImportStore *self,
              gint64            id)
{
  for (guint i = self->n_pending_contests; i > 0; i--)
    if (self->pending_contests[i - 1].id == id)
      return &self->pending_contests[i - 1];

  return NULL;
}

static gboolean
write_declaration (TallyImportStore  *self,
                   Contest           *contest,
                   GError           **error)
{
  gint64 when = contest->declared_at != 0 ? contest->declared_at
                                          : self->record_declarations ? self->import_time : 0;
  g_autoptr(GDateTime) time = NULL;
  g_autofree char *text = NULL;

  /* Schema 3's ward_declarations, in the same transaction as the contest. */
  if (when == 0 || tally_database_get_schema_version (self->database) < 3)
    return TRUE;

  if (self->write_declaration == NULL &&
      !(self->write_declaration =
          _tally_database_prepare (self->database,
                                   "INSERT OR REPLACE INTO ward_declarations (contest_id, declared_at) "
                                   "VALUES (?1, ?2)",
                                   error)))
    return FALSE;

  time = g_date_time_new_from_unix_utc (when);
  text = g_date_time_format (time, "%Y-%m-%dT%H:%M:%SZ");
  sqlite3_bind_int64 (self->write_declaration, 1, contest->id);
  sqlite3_bind_text (self->write_declaration, 2, text, -1, SQLITE_TRANSIENT);
  return step_done (self, self->write_declaration, N_("writing a declaration time"), error);
}

/* Writes the current contest's seats and declaration time, notes it in
 * temp.import_contests, and frees it. */
static gboolean
finish_contest (TallyImportStore  *self,
                GError           **error)
{
  Contest *contest = self->current;
  sqlite3_stmt *stmt = self->remember_contest;
  PendingContest *pending;
  guint seats;

  if (contest == NULL)
    return TRUE;
  seats = count_seats (self, contest->seats, contest->winners, 1);
  contest->council_election->seats_up += seats;

  if (seats != contest->stored_seats || contest->by_election != contest->stored_by_election)
    {
      if ((pending = find_pending (self, contest->id)) != NULL)
        {
          pending->seats = seats;
          pending->by_election = contest->by_election;
        }
      else
        {
          sqlite3_bind_int64 (self->update_contest, 1, contest->id);
          sqlite3_bind_int64 (self->update_contest, 2, seats);
          sqlite3_bind_int (self->update_contest, 3, contest->by_election);
          if (!step_done (self, self->update_contest, N_("writing a contest"), error))
            return FALSE;
        }
    }

  if (!write_declaration (self, contest, error))
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, contest->id);
  sqlite3_bind_int64 (stmt, 2, contest->seats);
  sqlite3_bind_int64 (stmt, 3, contest->winners);
  sqlite3_bind_int64 (stmt, 4, contest->declared_at);
  sqlite3_bind_int (stmt, 5, contest->by_election);
  sqlite3_bind_int64 (stmt, 6, seats);
  if (!step_done (self, stmt, N_("writing a contest"), error))
    return FALSE;

  if (self->last_contest == contest)
    self->last_contest = NULL;
  g_clear_pointer (&self->current, contest_free);
  return TRUE;
}

/* Whether @contest is one this file gave earlier; if so it takes up what
 * that contest had, and that contest's seats are no longer counted. */
static gboolean
recall_contest (TallyImportStore  *self,
                Contest           *contest,
                gboolean          *found,
                GError           **error)
{
  sqlite3_stmt *stmt = self->recall_contest;
  const char *text = self->pending_contest_text->str;
  gint64 id = 0;
  int rc;

  *found = FALSE;
  for (guint i = 0; i < self->n_pending_contests && id == 0; i++)
    {
      PendingContest *pending = &self->pending_contests[i];

      if (pending->election_id == contest->election_id && pending->ward_id == contest->ward_id &&
          strcmp (text + pending->ballot, contest->ballot) == 0)
        id = pending->id;
    }

  if (id == 0)
    {
      sqlite3_bind_int64 (self->find_contest, 1, contest->election_id);
      sqlite3_bind_int64 (self->find_contest, 2, contest->ward_id);
      sqlite3_bind_text (self->find_contest, 3, contest->ballot, -1, SQLITE_STATIC);
      rc = sqlite3_step (self->find_contest);
      if (rc == SQLITE_ROW)
        id = sqlite3_column_int64 (self->find_contest, 0);
      sqlite3_reset (self->find_contest);
      if (rc != SQLITE_ROW && rc != SQLITE_DONE)
        goto failed;
      if (id == 0)
        return TRUE;
    }

  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      guint seats = sqlite3_column_int64 (stmt, 0);
      guint winners = sqlite3_column_int64 (stmt, 1);

      contest->id = id;
      contest->seats = MAX (contest->seats, seats);
      contest->winners = winners;
      contest->declared_at = MAX (contest->declared_at, sqlite3_column_int64 (stmt, 2));
      contest->by_election = sqlite3_column_int (stmt, 3);
      contest->stored_by_election = contest->by_election;
      contest->stored_seats = sqlite3_column_int64 (stmt, 4);
      contest->council_election->seats_up -= count_seats (self, seats, winners, -1);
      *found = TRUE;
    }
  sqlite3_reset (stmt);
  if (rc == SQLITE_ROW || rc == SQLITE_DONE)
    return TRUE;

failed:
  _tally_database_set_error (self->database, error, _("reading contests"));
  return FALSE;
}

static Contest *
find_contest (TallyImportStore            *self,
              gint64                       election_id,
              gint64                       council_id,
              Ward                        *ward,
              const TallyImportCandidate  *row,
              GError                     **error)
{
  const char *ballot = row->ballot ? row->ballot : row->ward_name;
  Contest *contest = self->current;
  gboolean may_exist, again, found;
  int rc;

  if (contest != NULL && contest->election_id == election_id && contest->ward_id == ward->id &&
      strcmp (contest->ballot, ballot) == 0)
    {
      contest->seats = MAX (contest->seats, row->seats);
      contest->declared_at = MAX (contest->declared_at, row->declared_at);
      return contest;
    }

  if (!finish_contest (self, error))
    return NULL;

  contest = g_new0 (Contest, 1);
  contest->election_id = election_id;
  contest->ward_id = ward->id;
  contest->ballot = g_strdup (ballot);
  contest->declared_at = row->declared_at;
  contest->council_id = council_id;
  contest->seats = row->seats;
  contest->by_election = row->by_election;
  self->current = contest;

  if (!(contest->council_election = _tally_import_store_touch (self, election_id, council_id,
                                                              error)))
    return NULL;

  /* Only a ward this file gave a contest already can hold one of its own. */
  again = (ward->contested_in_file == self->file_serial);
  if (again && !recall_contest (self, contest, &found, error))
    return NULL;
  if (again && found)
    return contest;

  contest->council_election->scheduled |= !row->by_election;

  /* Only a ward with contests from before this file can hold this one
   * already: a ward new to the database, or contested only in this file,
   * needs no look. */
  may_exist = ward->had_contests ||
              (ward->contested_in_file != 0 && ward->contested_in_file != self->file_serial);
  if (ward->contested_in_file != self->file_serial)
    {
      ward->had_contests = may_exist;
      ward->contested_in_file = self->file_serial;
    }

  /* A contest already stored is replaced: its candidates go, this file's come. */
  if (may_exist)
    {
      sqlite3_bind_int64 (self->find_contest, 1, election_id);
      sqlite3_bind_int64 (self->find_contest, 2, ward->id);
      sqlite3_bind_text (self->find_contest, 3, ballot, -1, SQLITE_STATIC);
      rc = sqlite3_step (self->find_contest);
    }
  else
    rc = SQLITE_DONE;
  if (rc == SQLITE_ROW)
    {
      contest->id = sqlite3_column_int64 (self->find_contest, 0);
      contest->stored_seats = 0;  /* unknown: always written when finished */
      sqlite3_reset (self->find_contest);

      sqlite3_bind_int64 (self->clear_contest, 1, contest->id);
      if (!step_done (self, self->clear_contest, N_("replacing a contest"), error))
        return NULL;
      self->contests_replaced++;

      /* What the replaced contest added up to is no longer known here. */
      contest->council_election->fresh = FALSE;
    }
  else if (rc == SQLITE_DONE)
    {
      sqlite3_reset (self->find_contest);

      /* Seats are known when the contest is finished; most contests have
       * the number first written here, and are not written again. */
      PendingContest *pending = &self->pending_contests[self->n_pending_contests++];

      contest->id = self->next_contest_id++;
      contest->stored_seats = MAX (row->seats, 1);
      contest->stored_by_election = row->by_election;

      pending->id = contest->id;
      pending->election_id = election_id;
      pending->ward_id = ward->id;
      pending->seats = contest->stored_seats;
      pending->by_election = row->by_election;
      pending->ballot = self->pending_contest_text->len;
      g_string_append_len (self->pending_contest_text, ballot, strlen (ballot) + 1);

      if (self->n_pending_contests == BATCH_ROWS && !flush_contests (self, error))
        return NULL;
    }
  else
    {
      sqlite3_reset (self->find_contest);
      _tally_database_set_error (self->database, error, _("reading contests"));
      return NULL;
    }

  self->summary->contests++;
  return contest;
}

static gboolean
same_contest_as_last (TallyImportStore           *self,
                      const TallyImportCandidate *row)
{
  return (self->last_contest != NULL || self->last_unmatched != NULL) &&
         g_strcmp0 (row->ward_name, self->last_ward_name) == 0 &&
         g_strcmp0 (row->ballot, self->last_ballot) == 0 &&
         g_strcmp0 (row->council_name, self->last_council_name) == 0 &&
         g_strcmp0 (row->council_code, self->last_council_code) == 0 &&
         g_strcmp0 (row->ward_code, self->last_ward_code) == 0 &&
         g_strcmp0 (row->date, self->last_date) == 0;
}

static void
remember_row (TallyImportStore           *self,
              const TallyImportCandidate *row,
              Contest                    *contest)
{
  set_str (&self->last_date, row->date);
  set_str (&self->last_council_code, row->council_code);
  set_str (&self->last_council_name, row->council_name);
  set_str (&self->last_ward_code, row->ward_code);
  set_str (&self->last_ward_name, row->ward_name);
  set_str (&self->last_ballot, row->ballot);
  self->last_contest = contest;
  if (contest != NULL)
    self->last_unmatched = NULL;
}

static gboolean
flush_candidates (TallyImportStore  *self,
                  GError           **error)
{
  const char *text = self->pending_text->str;
  gboolean whole_batch = (self->n_pending == BATCH_ROWS);
  sqlite3_stmt *stmt = whole_batch ? self->insert_candidates : self->insert_candidate;

  for (guint i = 0; i < self->n_pending; i++)
    {
      PendingCandidate *pending = &self->pending[i];
      int first = whole_batch ? 6 * i : 0;

      sqlite3_bind_int64 (stmt, first + 1, pending->contest_id);
      sqlite3_bind_text (stmt, first + 2, text + pending->name, -1, SQLITE_STATIC);
      sqlite3_bind_int64 (stmt, first + 3, pending->party_id);
      sqlite3_bind_text (stmt, first + 4, text + pending->party_name, -1, SQLITE_STATIC);
      sqlite3_bind_int64 (stmt, first + 5, pending->votes);
      sqlite3_bind_int (stmt, first + 6, pending->elected);

      if (!whole_batch && !step_done (self, stmt, N_("adding a candidate"), error))
        return FALSE;
    }

  if (whole_batch && !step_done (self, stmt, N_("adding candidates"), error))
    return FALSE;

  self->n_pending = 0;
  g_string_truncate (self->pending_text, 0);
  return TRUE;
}

/**
 * _tally_import_store_add_candidate:
 *
 * Stores one candidate's row, or counts it as skipped when its council
 * matches nothing.
 *
 * Returns: %FALSE with @error set on a database error
 */
gboolean
_tally_import_store_add_candidate (TallyImportStore            *self,
                                   const TallyImportCandidate  *row,
                                   GError                     **error)
{
  PendingCandidate *pending;
  Contest *contest;
  gint64 party_id;

  g_assert (self != NULL);

  if (same_contest_as_last (self, row))
    {
      contest = self->last_contest;
      if (contest == NULL)
        {
          self->last_unmatched->rows++;
          self->summary->rows_skipped++;
          return TRUE;
        }
      contest->seats = MAX (contest->seats, row->seats);
    }
  else
    {
      gint64 council_id, election_id;
      Ward *ward;

      /* Consecutive contests are mostly in one council, on one day. */
      if (self->last_contest != NULL &&
          g_strcmp0 (row->council_name, self->last_council_name) == 0 &&
          g_strcmp0 (row->council_code, self->last_council_code) == 0)
        council_id = self->last_contest->council_id;
      else
        {
          self->last_unmatched = NULL;
          if ((council_id = _tally_import_store_find_council (self, row->council_code,
                                                              row->council_name)) == 0)
            {
              remember_row (self, row, NULL);
              self->summary->rows_skipped++;
              return TRUE;
            }
        }

      if (self->last_contest != NULL && g_strcmp0 (row->date, self->last_date) == 0)
        election_id = self->last_contest->council_election->election_id;
      else if ((election_id = _tally_import_store_find_election (self, row->date, error)) == 0)
        return FALSE;

      if (!(ward = _tally_import_store_find_ward (self, council_id, row->ward_code,
                                                  row->ward_name, error)) ||
          !(contest = find_contest (self, election_id, council_id, ward, row, error)))
        return FALSE;

      remember_row (self, row, contest);
    }

  if ((party_id = _tally_import_store_find_party (self, row->party, error)) == 0)
    return FALSE;

  pending = &self->pending[self->n_pending++];
  pending->contest_id = contest->id;
  pending->party_id = party_id;
  pending->votes = row->votes;
  pending->elected = row->elected ? 1 : 0;
  pending->name = self->pending_text->len;
  g_string_append_len (self->pending_text, row->candidate, strlen (row->candidate) + 1);
  pending->party_name = self->pending_text->len;
  g_string_append_len (self->pending_text, row->party, strlen (row->party) + 1);

  if (self->n_pending == BATCH_ROWS && !flush_candidates (self, error))
    return FALSE;

  contest->winners += row->elected ? 1 : 0;
  _tally_import_store_add_to_totals (contest, party_id, row->elected, row->votes);
  self->summary->candidates++;
  return TRUE;
}

static gint
compare_unmatched (gconstpointer a,
                   gconstpointer b)
{
  const Unmatched *first = *(Unmatched **) a;
  const Unmatched *second = *(Unmatched **) b;

  return (first->first_line > second->first_line) - (first->first_line < second->first_line);
}

static gboolean
record_import (TallyImportStore   *self,
               TallyImportFormat   format,
               guint               rows,
               gboolean           *seen_before,
               GError            **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *timestamp = g_date_time_format (now, "%Y-%m-%dT%H:%M:%SZ");
  const char *checksum = tally_csv_reader_get_checksum (self->reader);
  const char *name = tally_csv_reader_get_display_name (self->reader);
  int rc;

  if (!(stmt = _tally_database_prepare (self->database,
                                        "SELECT imported_at FROM imports WHERE checksum = ?1", error)))
    return FALSE;

  sqlite3_bind_text (stmt, 1, checksum, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  *seen_before = (rc == SQLITE_ROW);
  if (rc == SQLITE_ROW)
    _tally_import_summary_warn (self->summary,
                                _("%s: this file was imported before (%s): its rows replaced "
                                  "the earlier ones, nothing was added twice"),
                                name, (const char *) sqlite3_column_text (stmt, 0));
  else if (rc != SQLITE_DONE)
    {
      _tally_database_set_error (self->database, error, _("reading imports"));
      return FALSE;
    }

  g_clear_pointer (&stmt, sqlite3_finalize);
  if (!(stmt = _tally_database_prepare (self->database,
                                        "INSERT INTO imports (checksum, file_name, format, rows, imported_at) "
                                        "VALUES (?1, ?2, ?3, ?4, ?5) "
                                        "ON CONFLICT (checksum) DO UPDATE SET file_name = excluded.file_name, "
                                        "format = excluded.format, rows = excluded.rows, "
                                        "imported_at = excluded.imported_at",
                                        error)))
    return FALSE;

  sqlite3_bind_text (stmt, 1, checksum, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, name, -1, SQLITE_STATIC);
  /* The imports table's formats are the families of file (schema 1's CHECK);
   * a notional baseline CSV is one of Tally's own CSVs. */
  sqlite3_bind_text (stmt, 3, tally_import_format_to_string (format == TALLY_IMPORT_FORMAT_NOTIONAL
                                                             ? TALLY_IMPORT_FORMAT_TALLY : format),
                     -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 4, rows);
  sqlite3_bind_text (stmt, 5, timestamp, -1, SQLITE_STATIC);
  return step_done (self, stmt, N_("recording the import"), error);
}

/**
 * _tally_import_store_set_record_declarations:
 * @record: whether every contest gets a declaration time (results night:
 *   a folder watch), the file's or else the moment of the import; without
 *   it only contests whose file gives a time (a declared_at column) get one
 */
void
_tally_import_store_set_record_declarations (TallyImportStore *self,
                                             gboolean          record)
{
  self->record_declarations = record;
  self->import_time = g_get_real_time () / G_USEC_PER_SEC;
}

/**
 * _tally_import_store_end_file:
 * @format: the format the file was read as
 * @rows: its data rows
 *
 * Finishes the last contest (each one's seats are the file's figure, else
 * the number elected), reports unmatched councils, and records the file in
 * the imports table.
 */
gboolean
_tally_import_store_end_file (TallyImportStore   *self,
                              TallyImportFormat   format,
                              guint               rows,
                              GError            **error)
{
  const char *name = tally_csv_reader_get_display_name (self->reader);
  g_autoptr(GPtrArray) unmatched = NULL;
  guint no_winner, too_many_winners;
  gboolean seen_before;
  GHashTableIter iter;
  gpointer value;

  g_assert (self != NULL);

  if (!finish_contest (self, error) ||
      !flush_contests (self, error) ||
      !flush_candidates (self, error) ||
      !_tally_database_exec (self->database, "DELETE FROM temp.import_contests", error))
    return FALSE;

  no_winner = self->no_winner;
  too_many_winners = self->too_many_winners;

  if (no_winner > 0)
    _tally_import_summary_warn (self->summary,
                                g_dngettext (GETTEXT_PACKAGE,
                                             "%s: %u contest has nobody elected and no seat count; "
                                             "it is counted as one seat",
                                             "%s: %u contests have nobody elected and no seat count; "
                                             "each is counted as one seat",
                                             no_winner),
                                name, no_winner);
  if (too_many_winners > 0)
    _tally_import_summary_warn (self->summary,
                                g_dngettext (GETTEXT_PACKAGE,
                                             "%s: %u contest has more candidates elected than seats",
                                             "%s: %u contests have more candidates elected than seats",
                                             too_many_winners),
                                name, too_many_winners);

  unmatched = g_ptr_array_new ();
  g_hash_table_iter_init (&iter, self->unmatched);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    g_ptr_array_add (unmatched, value);
  g_ptr_array_sort (unmatched, compare_unmatched);
  for (guint i = 0; i < unmatched->len; i++)
    {
      Unmatched *entry = g_ptr_array_index (unmatched, i);

      _tally_import_summary_warn (self->summary,
                                  g_dngettext (GETTEXT_PACKAGE,
                                               "%s, line %u: no council matches “%s” (%u row skipped)",
                                               "%s, line %u: no council matches “%s” (%u rows skipped)",
                                               entry->rows),
                                  name, entry->first_line, entry->name, entry->rows);
    }

  if (!record_import (self, format, rows, &seen_before, error))
    return FALSE;

  /* A corrected copy of a file, or another file with the same polls. */
  if (self->contests_replaced > 0 && !seen_before)
    _tally_import_summary_warn (self->summary,
                                g_dngettext (GETTEXT_PACKAGE,
                                             "%s: %u contest was in the database already, and was replaced",
                                             "%s: %u contests were in the database already, and were replaced",
                                             self->contests_replaced),
                                name, self->contests_replaced);

  clear_last_row (self);
  g_hash_table_remove_all (self->unmatched);
  self->reader = NULL;
  return TRUE;
}
