/* tally-import-store.c: the store's life: made, given files, finished.
 *
 * The store is made once per import, with every statement prepared and what
 * the database holds read once (tally-import-match.c), and is given one
 * candidate's row at a time (tally-import-candidates.c; the contests they
 * belong to in tally-import-contests.c, the council totals in
 * tally-import-totals.c).  Each file ends with its warnings and its line in
 * the imports table.
 *
 * Writing is idempotent: a contest (one poll in one ward) that a file names
 * again replaces the one already stored, so importing a file twice, or a
 * corrected copy of it, leaves one copy of each result.
 *
 * A large import rebuilds the secondary indexes once at the end instead of
 * row by row.  Foreign keys are not checked per row (see tally-import.c):
 * every id written here was just read or made here.
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
unmatched_free (Unmatched *unmatched)
{
  g_free (unmatched->name);
  g_free (unmatched);
}


void
_tally_import_store_free (TallyImportStore *self)
{
  if (self == NULL)
    return;

  g_clear_pointer (&self->insert_candidate, sqlite3_finalize);
  for (guint i = 0; i < TALLY_IMPORT_N_BATCHES; i++)
    g_clear_pointer (&self->batches[i], sqlite3_finalize);
  if (self->pending_ward_text != NULL)
    g_string_free (self->pending_ward_text, TRUE);
  g_clear_pointer (&self->deferred_indexes, g_ptr_array_unref);
  if (self->pending_text != NULL)
    g_string_free (self->pending_text, TRUE);
  if (self->pending_contest_text != NULL)
    g_string_free (self->pending_contest_text, TRUE);
  g_clear_pointer (&self->find_contest, sqlite3_finalize);
  g_clear_pointer (&self->remember_contest, sqlite3_finalize);
  g_clear_pointer (&self->recall_contest, sqlite3_finalize);
  g_clear_pointer (&self->write_declaration, sqlite3_finalize);
  g_clear_pointer (&self->current, _tally_import_contest_free);
  g_clear_pointer (&self->insert_contest, sqlite3_finalize);
  g_clear_pointer (&self->read_stored, sqlite3_finalize);
  g_clear_pointer (&self->update_candidate, sqlite3_finalize);
  g_clear_pointer (&self->delete_candidate, sqlite3_finalize);
  g_clear_pointer (&self->update_contest, sqlite3_finalize);
  g_clear_pointer (&self->insert_ward, sqlite3_finalize);
  g_clear_pointer (&self->update_ward_code, sqlite3_finalize);
  g_clear_pointer (&self->insert_party, sqlite3_finalize);
  g_clear_pointer (&self->insert_election, sqlite3_finalize);
  g_clear_pointer (&self->count_contests, sqlite3_finalize);

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
  g_clear_pointer (&self->pair, _tally_import_council_election_free);
  g_clear_pointer (&self->totals, _tally_import_totals_free);
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

static const struct
{
  const char *insert;
  guint       n_values;
} batch_inserts[TALLY_IMPORT_N_BATCHES] = {
  [TALLY_IMPORT_BATCH_CANDIDATES] = {
    "INSERT INTO candidates (contest_id, name, party_id, party_name, votes, elected) VALUES ", 6 },
  [TALLY_IMPORT_BATCH_CONTESTS] = {
    "INSERT INTO contests (id, election_id, ward_id, ballot, seats, by_election) VALUES ", 6 },
  [TALLY_IMPORT_BATCH_WARDS] = { "INSERT INTO wards (id, council_id, code, name) VALUES ", 4 },
  [TALLY_IMPORT_BATCH_REMEMBERED] = {
    "INSERT OR REPLACE INTO temp.import_contests "
    "(id, seats, winners, declared_at, by_election, stored_seats) VALUES ", 6 },
};

/**
 * _tally_import_store_batch:
 *
 * The INSERT of BATCH_ROWS rows for @batch, prepared the first time it is
 * asked for: a file of a ward or two, as results night brings, never fills
 * a batch, and preparing the four (2,000 placeholders between them) was
 * 2 ms of its import.
 *
 * Returns: (transfer none) (nullable): the statement
 */
sqlite3_stmt *
_tally_import_store_batch (TallyImportStore  *self,
                           TallyImportBatch   batch,
                           GError           **error)
{
  const char *insert = batch_inserts[batch].insert;
  guint n_values = batch_inserts[batch].n_values;
  g_autoptr(GString) sql = NULL;

  if (self->batches[batch] != NULL)
    return self->batches[batch];

  sql = g_string_new (insert);

  for (guint i = 0; i < BATCH_ROWS; i++)
    {
      g_string_append (sql, i > 0 ? ", (" : "(");
      for (guint j = 1; j <= n_values; j++)
        g_string_append_printf (sql, "%s?%u", j > 1 ? ", " : "", n_values * i + j);
      g_string_append_c (sql, ')');
    }

  return self->batches[batch] = _tally_database_prepare (self->database, sql->str, error);
}

static gboolean
read_next_ids (TallyImportStore  *self,
               GError           **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  if (!(stmt = _tally_database_prepare (self->database,
                                        "SELECT coalesce (max (id), 0) + 1, "
                                        "(SELECT coalesce (max (id), 0) + 1 FROM wards) FROM contests",
                                        error)))
    return FALSE;

  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      _tally_database_set_error (self->database, error, _("reading contests"));
      return FALSE;
    }

  self->next_contest_id = sqlite3_column_int64 (stmt, 0);
  self->next_ward_id = sqlite3_column_int64 (stmt, 1);
  self->first_contest_id = self->next_contest_id;
  return TRUE;
}

/* An import that writes more than a quarter as many new candidates' rows
 * as the database held builds the indexes on candidates and contests once,
 * sorted, at the end, instead of row by row: an index on party gets one
 * insertion point per party, all but one in the middle of the tree, which
 * costs a page split every few rows.  Only the index that replacing a
 * contest needs (candidates by contest) and the unique keys stay.  The
 * indexes are dropped once the import has written that many rows, not
 * before: a file that replaces an election the database held already
 * writes few rows or none (its unchanged rows are not written again,
 * tally-import-candidates.c), and keeps them.  Into an empty database
 * they go before the first row: 5,000 rows written first with the
 * indexes kept up cost 7 ms more at 20,000 rows and 30 ms at 100,000.  Index
 * definitions are read from the schema, so this follows whatever indexes
 * the schema has. */
static gboolean
plan_deferred_indexes (TallyImportStore  *self,
                       GError           **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gint64 existing_rows;

  if (!(stmt = _tally_database_prepare (self->database,
                                        "SELECT coalesce (max (id), 0) FROM candidates", error)))
    return FALSE;
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      _tally_database_set_error (self->database, error, _("reading the schema"));
      return FALSE;
    }
  existing_rows = sqlite3_column_int64 (stmt, 0);

  /* Rebuilding costs a sort of every row; keeping an index up costs a
   * random write for each new or replaced row, several times dearer. */
  self->defer_after_rows = existing_rows / 4;
  return TRUE;
}

/* Called as rows are written: drops the indexes to be built at the end
 * once the import has written enough rows (plan_deferred_indexes()). */
gboolean
_tally_import_store_defer_indexes (TallyImportStore  *self,
                                   GError           **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  int rc;

  if (self->indexes_deferred || self->rows_inserted < self->defer_after_rows)
    return TRUE;
  self->indexes_deferred = TRUE;

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
    {
      _tally_database_set_error (self->database, error, _("reading the schema"));
      return FALSE;
    }
  g_clear_pointer (&stmt, sqlite3_finalize);

  for (guint i = 0; i < names->len; i++)
    if (!_tally_database_exec (self->database, names->pdata[i], error))
      return FALSE;

  return TRUE;
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
 *
 * Reads what the database already holds and prepares every statement.
 *
 * Returns: (transfer full) (nullable): the store
 */
TallyImportStore *
_tally_import_store_new (TallyDatabase       *database,
                         TallyImportSummary  *summary,
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
  self->contested = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  self->councils_touched = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  self->unmatched = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                           (GDestroyNotify) unmatched_free);
  self->deferred_indexes = g_ptr_array_new_with_free_func (g_free);

  /* Into an empty database the indexes left until the end go now, before
   * any statement is prepared: a statement prepared before a DROP INDEX is
   * prepared again at its next step. */
  if (!plan_deferred_indexes (self, error) ||
      !_tally_import_store_defer_indexes (self, error))
    return NULL;

  self->pending_text = g_string_sized_new (BATCH_ROWS * 64);
  self->pending_contest_text = g_string_sized_new (BATCH_ROWS * 64);
  self->pending_ward_text = g_string_sized_new (BATCH_ROWS * 32);

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
           "SELECT id, seats, by_election FROM contests WHERE election_id = ?1 AND ward_id = ?2 AND ballot = ?3");
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
  PREPARE (read_stored,
           "SELECT id, name, party_id, party_name, votes, elected FROM candidates "
           "WHERE contest_id = ?1 ORDER BY id");
  PREPARE (update_candidate,
           "UPDATE candidates SET name = ?2, party_id = ?3, party_name = ?4, votes = ?5, elected = ?6 "
           "WHERE id = ?1");
  PREPARE (delete_candidate, "DELETE FROM candidates WHERE id = ?1");
  PREPARE (update_contest, "UPDATE contests SET seats = ?2, by_election = ?3 WHERE id = ?1");
  PREPARE (insert_ward, "INSERT INTO wards (id, council_id, code, name) VALUES (?1, ?2, ?3, ?4)");
  PREPARE (update_ward_code, "UPDATE wards SET code = ?2 WHERE id = ?1");
  PREPARE (insert_party,
           "INSERT INTO parties (key, short_name, full_name, colour, colour_safe, grp, position) "
           "VALUES (?1, ?2, ?2, ?3, ?4, 'other', ?5)");
  PREPARE (insert_election, "INSERT INTO elections (date, name) VALUES (?1, ?2)");

#undef PREPARE

  if (!read_next_ids (self, error) ||
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
  self->elected_below = 0;
  clear_last_row (self);
  g_hash_table_remove_all (self->unmatched);
}

void
_tally_import_store_skip_row (TallyImportStore *self)
{
  g_assert (self != NULL);

  self->summary->rows_skipped++;
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
 * Finishes the last contest (each one’s seats are the file’s figure, else
 * the number elected) and the last council's totals, reports unmatched
 * councils, and records the file in the imports table.
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

  if (!_tally_import_store_finish_contest (self, error) ||
      !_tally_import_store_flush_contests (self, error) ||
      !_tally_import_store_flush_candidates (self, error) ||
      !_tally_import_store_leave_pair (self, error) ||
      !_tally_database_exec (self->database, "DELETE FROM temp.import_contests", error))
    return FALSE;
  /* What the file's contests noted is for this file alone. */
  self->n_remembered = 0;

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

  _tally_import_store_warn_elected_below (self);

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
