/* tally-database-schema.c: a file's schema checked against Tally's own.
 *
 * A database from elsewhere can carry SQL of its own: a view named like a
 * table Tally reads (over an endless recursive query), a trigger that runs
 * on every import, an index on an expression.  Before any query of Tally's
 * runs on a file, every object in its sqlite_schema (tables, columns through
 * their CREATE text, indexes, views, triggers) is compared with what Tally's
 * own schema script creates in an empty in-memory database; anything extra,
 * missing or different refuses the file, naming the object.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "tally-database-private.h"

/* "type name" → sql ("" for SQLite's automatic indexes). */
GHashTable *
_tally_database_read_schema (sqlite3  *handle,
                             gboolean *ok)
{
  g_autoptr(GHashTable) objects = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  sqlite3_stmt *stmt = NULL;
  int rc;

  *ok = FALSE;
  if (sqlite3_prepare_v2 (handle, "SELECT type, name, sql FROM sqlite_schema", -1, &stmt, NULL) != SQLITE_OK)
    return NULL;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *type = (const char *) sqlite3_column_text (stmt, 0);
      const char *name = (const char *) sqlite3_column_text (stmt, 1);
      const char *sql = (const char *) sqlite3_column_text (stmt, 2);

      g_hash_table_insert (objects, g_strdup_printf ("%s %s", type ? type : "?", name ? name : "?"),
                           g_strdup (sql ? sql : ""));
    }

  sqlite3_finalize (stmt);
  *ok = rc == SQLITE_DONE;
  return g_steal_pointer (&objects);
}

/**
 * _tally_database_compute_schema:
 *
 * The schema of @version worked out now: the base script and then each
 * step up to it (tally-schema-2.sql, …) run in an empty in-memory
 * database, as a new file of that version has it.  About 20 ms.
 *
 * Returns: (transfer full): "type name" → sql
 */
GHashTable *
_tally_database_compute_schema (int version)
{
  GResource *core_resource = _tally_database_get_core_resource ();
  sqlite3 *memory = NULL;
  GHashTable *objects;
  gboolean ok;

  g_assert (version >= 1 && version <= TALLY_SCHEMA_VERSION);

  if (sqlite3_open_v2 (":memory:", &memory, SQLITE_OPEN_READWRITE | SQLITE_OPEN_MEMORY, NULL) != SQLITE_OK)
    g_error ("no memory for Tally's own schema");

  for (int step = 1; step <= version; step++)
    {
      g_autofree char *path = step == 1 ? g_strdup ("/io/github/tally/Tally/core/tally-schema.sql")
                                        : g_strdup_printf ("/io/github/tally/Tally/core/tally-schema-%d.sql", step);
      g_autoptr(GBytes) script = g_resource_lookup_data (core_resource, path, G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);

      g_assert (script != NULL);
      if (sqlite3_exec (memory, g_bytes_get_data (script, NULL), NULL, NULL, NULL) != SQLITE_OK)
        g_error ("Tally's own schema does not load: %s", sqlite3_errmsg (memory));
    }

  objects = _tally_database_read_schema (memory, &ok);
  g_assert (ok);
  sqlite3_close (memory);
  return objects;
}

/**
 * _tally_database_built_schema:
 *
 * The current version's schema as the build worked it out
 * (tally-schema-dump.c), when this SQLite is the one it was worked out
 * with: a later SQLite may write a renamed table's text otherwise.
 *
 * Returns: (transfer full) (nullable): "type name" → sql, or %NULL
 */
GHashTable *
_tally_database_built_schema (void)
{
  g_autoptr(GBytes) bytes = g_resource_lookup_data (_tally_database_get_core_resource (),
                                                    "/io/github/tally/Tally/core/tally-schema-expected.bin",
                                                    G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);
  g_autoptr(GHashTable) objects = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  const char *at, *end;
  gsize length;

  if (bytes == NULL)
    return NULL;
  at = g_bytes_get_data (bytes, &length);
  end = at + length;
  /* Every field ends in a NUL; the last byte of all is one. */
  if (length == 0 || end[-1] != '\0' || g_ascii_strtoll (at, NULL, 10) != sqlite3_libversion_number ())
    return NULL;

  for (at += strlen (at) + 1; at < end;)
    {
      const char *key = at, *sql;

      sql = key + strlen (key) + 1;
      if (sql >= end)
        return NULL;
      g_hash_table_insert (objects, g_strdup (key), g_strdup (sql));
      at = sql + strlen (sql) + 1;
    }

  return g_steal_pointer (&objects);
}

/* The schema of @version, as a new file of that version has it: for the
 * current version, the build's; for an older one, or another SQLite than
 * the build's, worked out once. */
GHashTable *
_tally_database_expected_schema (int version)
{
  static GHashTable *expected[TALLY_SCHEMA_VERSION + 1];

  g_assert (version >= 1 && version <= TALLY_SCHEMA_VERSION);

  if (g_once_init_enter (&expected[version]))
    {
      GHashTable *objects = version == TALLY_SCHEMA_VERSION ? _tally_database_built_schema () : NULL;

      g_once_init_leave (&expected[version], objects ? objects : _tally_database_compute_schema (version));
    }

  return expected[version];
}

/* SQLite's own statistics tables, written by ANALYZE: data for the query
 * planner, not code, so a file may have them. */
gboolean
_tally_database_is_sqlite_statistics (const char *key)
{
  return g_str_has_prefix (key, "table sqlite_stat");
}

static void
describe (const char  *key,
          char       **type,
          char       **name)
{
  const char *space = strchr (key, ' ');

  *type = g_strndup (key, space - key);
  *name = g_strdup (space + 1);
}

gboolean
_tally_database_check_schema (TallyDatabase  *self,
                              GError        **error)
{
  /* Checked at the file's own version, before any migration runs on it. */
  GHashTable *expected = _tally_database_expected_schema (CLAMP (tally_database_get_schema_version (self), 1,
                                                              TALLY_SCHEMA_VERSION));
  g_autoptr(GHashTable) actual = NULL;
  g_autofree char *file = g_filename_display_basename (tally_database_get_path (self));
  g_autofree char *type = NULL;
  g_autofree char *name = NULL;
  g_autofree char *upper = NULL;
  GHashTableIter iter;
  gpointer key, value;
  gboolean ok;

  actual = _tally_database_read_schema (_tally_database_get_handle (self), &ok);
  if (!ok)
    {
      _tally_database_set_error (self, error, _("reading its schema"));
      return FALSE;
    }

  /* An empty file about to receive the schema has nothing to compare. */
  if (g_hash_table_size (actual) == 0)
    return TRUE;

  g_hash_table_iter_init (&iter, actual);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      const char *want = g_hash_table_lookup (expected, key);

      if (want != NULL && g_str_equal (want, value))
        continue;
      if (want == NULL && _tally_database_is_sqlite_statistics (key))
        continue;

      describe (key, &type, &name);
      upper = g_ascii_strup (type, -1);
      g_set_error (error, TALLY_DATABASE_ERROR, TALLY_DATABASE_ERROR_SCHEMA,
                   want == NULL
                   ? _("“%s” is not a database as Tally writes them: it has a %s “%s” that Tally does "
                       "not make, and Tally runs no SQL from elsewhere. If you trust the file, drop it "
                       "(sqlite3 FILE 'DROP %s \"%s\"') and open the file again")
                   : _("“%s” is not a database as Tally writes them: its %s “%s” is not defined as "
                       "Tally defines it, and Tally runs no SQL from elsewhere. Import its results "
                       "into a database of Tally’s own instead"),
                   file, type, name, upper, name);
      return FALSE;
    }

  g_hash_table_iter_init (&iter, expected);
  while (g_hash_table_iter_next (&iter, &key, &value))
    if (!g_hash_table_contains (actual, key))
      {
        describe (key, &type, &name);
        g_set_error (error, TALLY_DATABASE_ERROR, TALLY_DATABASE_ERROR_SCHEMA,
                     _("“%s” is not a database as Tally writes them: it has no %s “%s”"),
                     file, type, name);
        return FALSE;
      }

  return TRUE;
}
