/* tally-bundle.c: turning the .tsv files of data/bundled/ into the bundled database.
 *
 * Runs at build time (see tally-build-db.c) and in tests.  Each file is read
 * strictly, rows that name an unknown council, party or election are errors,
 * and everything happens in one transaction: a bad file leaves the database
 * as it was.  The columns are described in data/bundled/SOURCES.md.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "tally-bundle.h"
#include "tally-database-private.h"
#include "tally-tsv.h"

typedef gboolean (*RowLoader) (TallyDatabase   *database,
                               TallyTsvReader  *reader,
                               sqlite3_stmt    *stmt,
                               GError         **error);

typedef struct
{
  const char        *file_name;
  const char * const columns[10];
  const char        *sql;
  RowLoader          load_row;
} Table;

/* Binds a text field, or NULL when it is empty. */
static void
bind_text (sqlite3_stmt   *stmt,
           int             index,
           TallyTsvReader *reader,
           guint           column)
{
  const char *text = tally_tsv_reader_get (reader, column);

  if (text != NULL)
    sqlite3_bind_text (stmt, index, text, -1, SQLITE_TRANSIENT);
  else
    sqlite3_bind_null (stmt, index);
}

static gboolean
bind_int (sqlite3_stmt    *stmt,
          int              index,
          TallyTsvReader  *reader,
          guint            column,
          gint64           min,
          gint64           max,
          gboolean         required,
          GError         **error)
{
  gint64 value = 0;

  if (tally_tsv_reader_get (reader, column) == NULL)
    {
      if (required)
        {
          tally_tsv_reader_set_error (reader, error, column, _("a value is required"));
          return FALSE;
        }
      sqlite3_bind_null (stmt, index);
      return TRUE;
    }

  if (!tally_tsv_reader_get_int (reader, column, min, max, &value, error))
    return FALSE;

  sqlite3_bind_int64 (stmt, index, value);
  return TRUE;
}

static gboolean
require_text (TallyTsvReader  *reader,
              guint            column,
              GError         **error)
{
  if (tally_tsv_reader_get (reader, column) != NULL)
    return TRUE;

  tally_tsv_reader_set_error (reader, error, column, _("a value is required"));
  return FALSE;
}

static gboolean
load_party (TallyDatabase   *database,
            TallyTsvReader  *reader,
            sqlite3_stmt    *stmt,
            GError         **error)
{
  for (guint column = 0; column < 6; column++)
    {
      if (!require_text (reader, column, error))
        return FALSE;
      bind_text (stmt, column + 1, reader, column);
    }

  return bind_int (stmt, 7, reader, 6, 0, G_MAXINT, TRUE, error);
}

static gboolean
load_council (TallyDatabase   *database,
              TallyTsvReader  *reader,
              sqlite3_stmt    *stmt,
              GError         **error)
{
  TallyCouncilType type;
  const char *cycle = tally_tsv_reader_get (reader, 8);

  for (guint column = 0; column < 4; column++)
    if (!require_text (reader, column, error))
      return FALSE;

  if (!tally_council_type_from_string (tally_tsv_reader_get (reader, 2), &type))
    {
      tally_tsv_reader_set_error (reader, error, 2,
                                  _("“%s” is not a council type (london_borough, "
                                    "metropolitan_borough, unitary or district)"),
                                  tally_tsv_reader_get (reader, 2));
      return FALSE;
    }

  if (cycle != NULL && !g_strv_contains ((const char * const[]) { "all_out", "halves", "thirds", NULL }, cycle))
    {
      tally_tsv_reader_set_error (reader, error, 8,
                                  _("“%s” is not an electoral cycle (all_out, halves or thirds)"), cycle);
      return FALSE;
    }

  for (guint column = 0; column < 5; column++)
    bind_text (stmt, column + 1, reader, column);

  /* Centroids are in British National Grid metres: England lies well inside
   * 0–700 km east and 0–1,300 km north. */
  return bind_int (stmt, 6, reader, 5, 0, 700000, FALSE, error) &&
         bind_int (stmt, 7, reader, 6, 0, 1300000, FALSE, error) &&
         bind_int (stmt, 8, reader, 7, 1, 1000, FALSE, error) &&
         (bind_text (stmt, 9, reader, 8), TRUE);
}

static gboolean
load_election (TallyDatabase   *database,
               TallyTsvReader  *reader,
               sqlite3_stmt    *stmt,
               GError         **error)
{
  if (!require_text (reader, 0, error) || !require_text (reader, 1, error))
    return FALSE;

  for (guint column = 0; column < 3; column++)
    bind_text (stmt, column + 1, reader, column);

  return TRUE;
}

static gboolean
load_council_election (TallyDatabase   *database,
                       TallyTsvReader  *reader,
                       sqlite3_stmt    *stmt,
                       GError         **error)
{
  bind_text (stmt, 1, reader, 0);
  bind_text (stmt, 2, reader, 1);

  return bind_int (stmt, 3, reader, 2, 0, 1000, TRUE, error) &&
         bind_int (stmt, 4, reader, 3, 0, G_MAXINT64, FALSE, error);
}

static gboolean
load_council_result (TallyDatabase   *database,
                     TallyTsvReader  *reader,
                     sqlite3_stmt    *stmt,
                     GError         **error)
{
  for (guint column = 0; column < 3; column++)
    bind_text (stmt, column + 1, reader, column);

  return bind_int (stmt, 4, reader, 3, 0, 1000, TRUE, error) &&
         bind_int (stmt, 5, reader, 4, 0, G_MAXINT64, FALSE, error);
}

static gboolean
load_composition (TallyDatabase   *database,
                  TallyTsvReader  *reader,
                  sqlite3_stmt    *stmt,
                  GError         **error)
{
  const char *stage = tally_tsv_reader_get (reader, 2);

  if (g_strcmp0 (stage, "before") != 0 && g_strcmp0 (stage, "after") != 0)
    {
      tally_tsv_reader_set_error (reader, error, 2, _("must be “before” or “after”"));
      return FALSE;
    }

  for (guint column = 0; column < 4; column++)
    bind_text (stmt, column + 1, reader, column);

  return bind_int (stmt, 5, reader, 4, 1, 1000, TRUE, error);
}

/* A control key: a party key of parties.tsv, or NOC. */
static gboolean
check_control_key (TallyDatabase   *database,
                   TallyTsvReader  *reader,
                   guint            column,
                   gboolean         required,
                   GError         **error)
{
  const char *key = tally_tsv_reader_get (reader, column);
  g_autoptr(sqlite3_stmt) stmt = NULL;

  if (key == NULL)
    return !required || require_text (reader, column, error);

  if (g_str_equal (key, "NOC"))
    return TRUE;

  if (!(stmt = _tally_database_prepare (database, "SELECT 1 FROM parties WHERE key = ?", error)))
    return FALSE;
  sqlite3_bind_text (stmt, 1, key, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    return TRUE;

  tally_tsv_reader_set_error (reader, error, column, _("“%s” is neither a party key nor NOC"), key);
  return FALSE;
}

static gboolean
load_previous_control (TallyDatabase   *database,
                       TallyTsvReader  *reader,
                       sqlite3_stmt    *stmt,
                       GError         **error)
{
  if (!check_control_key (database, reader, 2, TRUE, error) ||
      !check_control_key (database, reader, 4, FALSE, error))
    return FALSE;

  for (guint column = 0; column < 7; column++)
    bind_text (stmt, column + 1, reader, column);

  return TRUE;
}

/* "LAB 2" or "CON 1 LAB 1": party keys, each with a count of winners. */
static gboolean
check_winners (TallyDatabase   *database,
               TallyTsvReader  *reader,
               guint            column,
               GError         **error)
{
  const char *text = tally_tsv_reader_get (reader, column);
  g_auto(GStrv) words = NULL;
  guint n = 0;

  if (text == NULL)
    return TRUE;

  words = g_strsplit (text, " ", -1);
  n = g_strv_length (words);
  for (guint i = 0; i < n; i += 2)
    {
      g_autoptr(sqlite3_stmt) stmt = NULL;
      guint64 count = 0;

      if (i + 1 >= n || !g_ascii_string_to_unsigned (words[i + 1], 10, 1, 100, &count, NULL))
        {
          tally_tsv_reader_set_error (reader, error, column,
                                      _("“%s” is not a list of party keys with counts (“CON 1 LAB 1”)"), text);
          return FALSE;
        }

      if (!(stmt = _tally_database_prepare (database, "SELECT 1 FROM parties WHERE key = ?", error)))
        return FALSE;
      sqlite3_bind_text (stmt, 1, words[i], -1, SQLITE_STATIC);
      if (sqlite3_step (stmt) != SQLITE_ROW)
        {
          tally_tsv_reader_set_error (reader, error, column, _("no party has the key %s"), words[i]);
          return FALSE;
        }
    }

  return TRUE;
}

static gboolean
load_special_poll (TallyDatabase   *database,
                   TallyTsvReader  *reader,
                   sqlite3_stmt    *stmt,
                   GError         **error)
{
  const char *kind = tally_tsv_reader_get (reader, 3);

  for (guint column = 0; column < 3; column++)
    if (!require_text (reader, column, error))
      return FALSE;

  if (g_strcmp0 (kind, "postponed") != 0 && g_strcmp0 (kind, "by_election") != 0)
    {
      tally_tsv_reader_set_error (reader, error, 3, _("must be “postponed” or “by_election”"));
      return FALSE;
    }

  if (!check_winners (database, reader, 5, error))
    return FALSE;

  for (guint column = 0; column < 4; column++)
    bind_text (stmt, column + 1, reader, column);
  bind_text (stmt, 6, reader, 5);
  bind_text (stmt, 7, reader, 6);

  return bind_int (stmt, 5, reader, 4, 1, 10, TRUE, error);
}

static gboolean
load_notional_baseline (TallyDatabase   *database,
                        TallyTsvReader  *reader,
                        sqlite3_stmt    *stmt,
                        GError         **error)
{
  if (!require_text (reader, 2, error))
    return FALSE;

  for (guint column = 0; column < 4; column++)
    bind_text (stmt, column + 1, reader, column);
  bind_text (stmt, 7, reader, 6);

  return bind_int (stmt, 5, reader, 4, 0, 1000, TRUE, error) &&
         bind_int (stmt, 6, reader, 5, 0, G_MAXINT64, FALSE, error);
}

/* Rows that name a council, party or election do so by code, key or date;
 * an INSERT … SELECT that matches nothing means the name is unknown. */
static const Table tables[] = {
  {
    "parties.tsv",
    { "key", "short_name", "full_name", "colour", "colour_safe", "group", "position" },
    "INSERT INTO parties (key, short_name, full_name, colour, colour_safe, grp, position) "
    "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
    load_party,
  },
  {
    "councils.tsv",
    { "code", "name", "type", "region", "county", "easting", "northing", "total_seats", "cycle" },
    "INSERT INTO councils (code, name, type, region, county, easting, northing, total_seats, cycle) "
    "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
    load_council,
  },
  {
    "elections.tsv",
    { "date", "name", "baseline" },
    "INSERT INTO elections (date, name, baseline_id) "
    "VALUES (?1, ?2, (SELECT id FROM elections WHERE date = ?3))",
    load_election,
  },
  {
    "council-elections.tsv",
    { "date", "council", "seats_up", "votes_total" },
    "INSERT INTO council_elections (election_id, council_id, seats_up, votes_total) "
    "SELECT e.id, c.id, ?3, ?4 FROM elections e, councils c WHERE e.date = ?1 AND c.code = ?2",
    load_council_election,
  },
  {
    "council-results.tsv",
    { "date", "council", "party", "seats_won", "votes" },
    "INSERT INTO council_results (election_id, council_id, party_id, seats_won, votes) "
    "SELECT e.id, c.id, p.id, ?4, ?5 FROM elections e, councils c, parties p "
    "WHERE e.date = ?1 AND c.code = ?2 AND p.key = ?3",
    load_council_result,
  },
  {
    "compositions.tsv",
    { "date", "council", "stage", "party", "seats" },
    "INSERT INTO compositions (election_id, council_id, stage, party_id, seats) "
    "SELECT e.id, c.id, ?3, p.id, ?5 FROM elections e, councils c, parties p "
    "WHERE e.date = ?1 AND c.code = ?2 AND p.key = ?4",
    load_composition,
  },
  {
    "previous-control.tsv",
    { "date", "council", "control", "election_date", "election_control", "election_source", "source" },
    "INSERT INTO previous_control (election_id, council_id, control, election_date, election_control, "
    "                              election_source, source) "
    "SELECT e.id, c.id, ?3, ?4, ?5, ?6, ?7 FROM elections e, councils c WHERE e.date = ?1 AND c.code = ?2",
    load_previous_control,
  },
  {
    /* A postponed poll's date is the day it was held: it belongs to the
     * latest election on or before that day. */
    "special-polls.tsv",
    { "date", "council", "ward", "kind", "seats", "winners", "note" },
    "INSERT INTO special_polls (election_id, council_id, ward, kind, held_on, seats, winners, note) "
    "SELECT e.id, c.id, ?3, ?4, ?1, ?5, ?6, ?7 FROM elections e, councils c "
    "WHERE e.id = (SELECT id FROM elections WHERE date <= ?1 ORDER BY date DESC LIMIT 1) AND c.code = ?2",
    load_special_poll,
  },
  {
    "notional-baselines.tsv",
    { "date", "council", "baseline", "party", "seats", "votes", "source" },
    "INSERT INTO notional_baselines (election_id, council_id, baseline, party_id, seats, votes, source) "
    "SELECT e.id, c.id, ?3, p.id, ?5, ?6, ?7 FROM elections e, councils c, parties p "
    "WHERE e.date = ?1 AND c.code = ?2 AND p.key = ?4",
    load_notional_baseline,
  },
};

/* Says which named thing a row referred to that does not exist. */
static void
set_unmatched_error (TallyDatabase   *database,
                     TallyTsvReader  *reader,
                     const Table     *table,
                     GError         **error)
{
  static const struct
  {
    const char *column;
    const char *sql;
    const char *what;
  } lookups[] = {
    { "date", "SELECT 1 FROM elections WHERE date = ?", N_("no election on") },
    { "council", "SELECT 1 FROM councils WHERE code = ?", N_("no council has the code") },
    { "party", "SELECT 1 FROM parties WHERE key = ?", N_("no party has the key") },
  };

  for (guint column = 0; table->columns[column] != NULL; column++)
    {
      const char *value = tally_tsv_reader_get (reader, column);

      for (guint i = 0; i < G_N_ELEMENTS (lookups); i++)
        {
          g_autoptr(sqlite3_stmt) stmt = NULL;

          if (!g_str_equal (table->columns[column], lookups[i].column))
            continue;

          if (!(stmt = _tally_database_prepare (database, lookups[i].sql, error)))
            return;

          sqlite3_bind_text (stmt, 1, value ? value : "", -1, SQLITE_STATIC);
          if (sqlite3_step (stmt) != SQLITE_ROW)
            {
              tally_tsv_reader_set_error (reader, error, column, "%s %s", _(lookups[i].what), value ? value : "");
              return;
            }
        }
    }

  g_set_error (error, TALLY_DATABASE_ERROR, TALLY_DATABASE_ERROR_INVALID,
               _("%s, line %u: the row was not stored"), table->file_name,
               tally_tsv_reader_get_line (reader));
}

static gboolean
load_table (TallyDatabase  *database,
            GFile          *directory,
            const Table    *table,
            GError        **error)
{
  g_autoptr(GFile) file = g_file_get_child (directory, table->file_name);
  g_autoptr(TallyTsvReader) reader = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  sqlite3 *handle = _tally_database_get_handle (database);
  g_autoptr(GError) local_error = NULL;

  if (!(reader = tally_tsv_reader_new (file, table->columns, error)))
    return FALSE;

  if (!(stmt = _tally_database_prepare (database, table->sql, error)))
    return FALSE;

  while (tally_tsv_reader_next (reader, &local_error))
    {
      int rc;

      sqlite3_reset (stmt);
      sqlite3_clear_bindings (stmt);

      if (!table->load_row (database, reader, stmt, error))
        return FALSE;

      rc = sqlite3_step (stmt);
      if (rc == SQLITE_DONE && sqlite3_changes (handle) == 1)
        continue;

      if (rc == SQLITE_DONE || (rc & 0xff) == SQLITE_CONSTRAINT)
        {
          if (rc == SQLITE_DONE)
            set_unmatched_error (database, reader, table, error);
          else
            g_set_error (error, TALLY_DATABASE_ERROR, TALLY_DATABASE_ERROR_INVALID,
                         _("%s, line %u: %s"), table->file_name,
                         tally_tsv_reader_get_line (reader), sqlite3_errmsg (handle));
          return FALSE;
        }

      _tally_database_set_error (database, error, table->file_name);
      return FALSE;
    }

  /* next() returns FALSE both at the end and on a bad row. */
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  return TRUE;
}

/**
 * tally_bundle_load:
 * @database: a writable database with the current schema and no data
 * @directory: the folder holding parties.tsv, councils.tsv and the rest
 *
 * Loads the project's own data in one transaction: on error, nothing is kept.
 */
gboolean
tally_bundle_load (TallyDatabase  *database,
                   GFile          *directory,
                   GError        **error)
{
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (TALLY_IS_DATABASE (database), FALSE);
  g_return_val_if_fail (G_IS_FILE (directory), FALSE);
  g_return_val_if_fail (!tally_database_get_read_only (database), FALSE);

  if (!_tally_database_begin (database, error))
    return FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (tables); i++)
    {
      if (!load_table (database, directory, &tables[i], &local_error))
        {
          _tally_database_rollback (database);
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
    }

  if (!_tally_database_commit (database, error))
    {
      _tally_database_rollback (database);
      return FALSE;
    }

  return TRUE;
}
