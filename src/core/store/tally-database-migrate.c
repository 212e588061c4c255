/* tally-database-migrate.c: new files, and older files brought up to this version.
 *
 * A new file runs the base script (tally-schema.sql) and then every step
 * (tally-schema-2.sql, …), so that new and migrated files cannot differ.
 * Each run is one transaction with foreign keys off, as SQLite's way of
 * making a table again asks (version 4 makes most tables again to add its
 * CHECKs): a failure leaves the file as it was.
 *
 * A version 3 file can hold a value that version 4's CHECKs refuse
 * (seats_won = -5, written by another tool).  The migration then stops,
 * and the message names the table, the row (by its primary key) and the
 * column, so that the value can be corrected; the file is not changed.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "tally-database-private.h"

static const char *
lookup_script (const char *name)
{
  g_autofree char *path = g_strconcat ("/io/github/tally/Tally/core/", name, NULL);
  g_autoptr(GBytes) script = NULL;

  script = g_resource_lookup_data (_tally_database_get_core_resource (), path, G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);
  g_assert (script != NULL);

  /* Resources are NUL-terminated and live as long as the program. */
  return g_bytes_get_data (script, NULL);
}

/* The steps from one schema version to the next, each a script of
 * tally-core.gresource.xml: steps[i] takes a file from version i + 1 to
 * i + 2. */
static const char *const migration_steps[] = {
  "tally-schema-2.sql",
  "tally-schema-3.sql",
  "tally-schema-4.sql",
  "tally-schema-5.sql",
  "tally-schema-6.sql",
};

G_STATIC_ASSERT (G_N_ELEMENTS (migration_steps) + 1 == TALLY_SCHEMA_VERSION);

/* A table being made again is tally_new_NAME while its rows are copied. */
#define NEW_TABLE_PREFIX "tally_new_"

/* The value as SQL would print it ('twenty', -5, NULL); never NULL. */
static char *
quote_value (sqlite3       *handle,
             sqlite3_value *value)
{
  g_autoptr(sqlite3_stmt) quote = NULL;
  const char *text = NULL;

  if (sqlite3_prepare_v2 (handle, "SELECT quote (?1)", -1, &quote, NULL) == SQLITE_OK &&
      sqlite3_bind_value (quote, 1, value) == SQLITE_OK && sqlite3_step (quote) == SQLITE_ROW)
    text = (const char *) sqlite3_column_text (quote, 0);

  return g_strdup (text != NULL ? text : "?");
}

/* The column a named CHECK guards: each of Tally's is named after its
 * column, and SQLite says "CHECK constraint failed: seats_won". */
static char *
failed_column (sqlite3 *handle)
{
  const char *message = sqlite3_errmsg (handle);
  const char *colon = strrchr (message, ':');

  return g_strdup (colon != NULL ? colon + 2 : "?");
}

/* The first row of @table (one of Tally's own, the schema check made sure) that its new definition refuses, copied one at a
 * time into the (empty) new table: "election_id = 1, council_id = 3, …" and
 * the refused value, or FALSE when every row goes in. */
static gboolean
find_refused_row (sqlite3     *handle,
                  const char  *table,
                  const char  *column,
                  char       **row,
                  char       **value)
{
  g_autofree char *select = g_strdup_printf ("SELECT * FROM \"%s\"", table);
  g_autoptr(sqlite3_stmt) rows = NULL;
  g_autoptr(sqlite3_stmt) insert = NULL;
  g_autoptr(GString) sql = NULL;
  g_autoptr(GString) key = g_string_new (NULL);
  g_autoptr(GHashTable) primary = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(sqlite3_stmt) info = NULL;
  g_autofree char *pragma = g_strdup_printf ("PRAGMA table_info (\"%s\")", table);
  int n_columns;

  if (sqlite3_prepare_v2 (handle, pragma, -1, &info, NULL) != SQLITE_OK)
    return FALSE;
  while (sqlite3_step (info) == SQLITE_ROW)
    if (sqlite3_column_int (info, 5) > 0)
      g_hash_table_add (primary, g_strdup ((const char *) sqlite3_column_text (info, 1)));

  if (sqlite3_prepare_v2 (handle, select, -1, &rows, NULL) != SQLITE_OK)
    return FALSE;
  n_columns = sqlite3_column_count (rows);
  sql = g_string_new (NULL);
  g_string_append_printf (sql, "INSERT INTO \"" NEW_TABLE_PREFIX "%s\" VALUES (", table);
  for (int i = 0; i < n_columns; i++)
    g_string_append_printf (sql, "%s?%d", i > 0 ? ", " : "", i + 1);
  g_string_append (sql, ")");
  if (sqlite3_prepare_v2 (handle, sql->str, -1, &insert, NULL) != SQLITE_OK)
    return FALSE;

  while (sqlite3_step (rows) == SQLITE_ROW)
    {
      for (int i = 0; i < n_columns; i++)
        sqlite3_bind_value (insert, i + 1, sqlite3_column_value (rows, i));
      if (sqlite3_step (insert) == SQLITE_DONE)
        {
          sqlite3_reset (insert);
          continue;
        }

      for (int i = 0; i < n_columns; i++)
        {
          const char *name = sqlite3_column_name (rows, i);
          g_autofree char *quoted = quote_value (handle, sqlite3_column_value (rows, i));

          if (g_hash_table_contains (primary, name))
            g_string_append_printf (key, "%s%s = %s", key->len > 0 ? ", " : "", name, quoted);
          if (g_str_equal (name, column))
            *value = g_steal_pointer (&quoted);
        }
      if (*value == NULL)
        *value = g_strdup ("?");
      *row = g_string_free (g_steal_pointer (&key), FALSE);
      return TRUE;
    }

  return FALSE;
}

/* A step stopped on one of its CHECKs: name the table, row and column. */
static void
set_refused_row_error (TallyDatabase  *self,
                       int             version,
                       GError        **error)
{
  sqlite3 *handle = _tally_database_get_handle (self);
  g_autofree char *file = g_filename_display_basename (tally_database_get_path (self));
  g_autofree char *column = failed_column (handle);
  g_autofree char *table = NULL;
  g_autofree char *row = NULL;
  g_autofree char *value = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;

  if (sqlite3_prepare_v2 (handle,
                          "SELECT substr (name, length ('" NEW_TABLE_PREFIX "') + 1) FROM sqlite_schema "
                          "WHERE type = 'table' AND name GLOB '" NEW_TABLE_PREFIX "*'",
                          -1, &stmt, NULL) == SQLITE_OK &&
      sqlite3_step (stmt) == SQLITE_ROW)
    table = g_strdup ((const char *) sqlite3_column_text (stmt, 0));

  if (table != NULL && find_refused_row (handle, table, column, &row, &value))
    g_set_error (error, TALLY_DATABASE_ERROR, TALLY_DATABASE_ERROR_INVALID,
                 _("“%s” cannot be brought up to database version %d: %s.%s holds %s (in the row where %s): "
                   "a value Tally does not allow there (seats and votes are whole numbers from 0, dates "
                   "YYYY-MM-DD days that exist, colours #RRGGBB). Correct it with sqlite3, or open the "
                   "file read-only; it was left as it was"),
                 file, version, table, column, value, row);
  else
    g_set_error (error, TALLY_DATABASE_ERROR, TALLY_DATABASE_ERROR_INVALID,
                 _("“%s” cannot be brought up to database version %d: a value of %s.%s is not one Tally "
                   "allows there; it was left as it was"),
                 file, version, table != NULL ? table : "?", column);
}

static gboolean
run_step (TallyDatabase  *self,
          int             version,
          const char     *script,
          GError        **error)
{
  sqlite3 *handle = _tally_database_get_handle (self);

  if (sqlite3_exec (handle, script, NULL, NULL, NULL) == SQLITE_OK)
    return TRUE;

  if (sqlite3_extended_errcode (handle) == SQLITE_CONSTRAINT_CHECK)
    set_refused_row_error (self, version, error);
  else
    _tally_database_set_error (self, error, _("bringing it up to this version of Tally"));
  return FALSE;
}

static gboolean
run_migrations (TallyDatabase  *self,
                int             from_version,
                GError        **error)
{
  g_autofree char *pragmas = g_strdup_printf ("PRAGMA application_id = %d; PRAGMA user_version = %d;",
                                              TALLY_APPLICATION_ID, TALLY_SCHEMA_VERSION);

  for (int version = MAX (from_version, 1); version < TALLY_SCHEMA_VERSION; version++)
    if (!run_step (self, version + 1, lookup_script (migration_steps[version - 1]), error))
      return FALSE;

  return _tally_database_exec (self, pragmas, error);
}

/* One transaction with foreign keys off (they cannot change inside one):
 * dropping a table that is being made again must not cascade. */
static gboolean
run_in_transaction (TallyDatabase  *self,
                    int             from_version,
                    GError        **error)
{
  gboolean ok;

  if (!_tally_database_exec (self, "PRAGMA foreign_keys = OFF", error))
    return FALSE;

  ok = _tally_database_begin (self, error);
  if (ok)
    {
      ok = (from_version > 0 || run_step (self, 1, lookup_script ("tally-schema.sql"), error)) &&
           run_migrations (self, MAX (from_version, 1), error) &&
           _tally_database_commit (self, error);
      if (!ok)
        _tally_database_rollback (self);
    }

  return _tally_database_exec (self, "PRAGMA foreign_keys = ON", ok ? error : NULL) && ok;
}

gboolean
_tally_database_create_schema (TallyDatabase  *self,
                               GError        **error)
{
  return run_in_transaction (self, 0, error);
}

gboolean
_tally_database_migrate_schema (TallyDatabase  *self,
                                int             from_version,
                                GError        **error)
{
  return run_in_transaction (self, from_version, error);
}
