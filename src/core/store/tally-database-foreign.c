/* tally-database-foreign.c: SQL of someone else's in the user's own file.
 *
 * A database from elsewhere with a view, trigger, index or table that Tally
 * does not make is refused (tally-database-schema.c).  The user's own
 * database, the one Tally writes, can come to hold one too: another tool
 * pointed at it, a script, an experiment in the sqlite3 shell.  Refusing it
 * would leave the user without their results, so for that file alone the
 * window and the command line offer to drop what is foreign: every object
 * Tally does not make is dropped, every index, view or trigger of Tally's
 * own that is defined otherwise is dropped and made again as Tally makes
 * it.  A table of Tally's that is defined otherwise, or one that is
 * missing, cannot be mended by dropping anything: the file stays refused.
 *
 * Nothing here runs the file's own SQL.  Finding reads sqlite_schema, as
 * the check does; dropping runs DROP statements and Tally's own CREATE
 * statements, with SQLite's defensive settings on and no trust in the
 * schema, in one transaction: a failure leaves the file as it was.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "tally-database-private.h"

static sqlite3 *
open_raw (const char  *path,
          gboolean     writable,
          GError     **error)
{
  g_autofree char *name = g_filename_display_basename (path);
  sqlite3 *handle = NULL;
  int flags = SQLITE_OPEN_NOMUTEX | (writable ? SQLITE_OPEN_READWRITE : SQLITE_OPEN_READONLY);

  if (sqlite3_open_v2 (path, &handle, flags, NULL) != SQLITE_OK ||
      sqlite3_db_config (handle, SQLITE_DBCONFIG_DEFENSIVE, 1, NULL) != SQLITE_OK ||
      sqlite3_db_config (handle, SQLITE_DBCONFIG_TRUSTED_SCHEMA, 0, NULL) != SQLITE_OK ||
      sqlite3_db_config (handle, SQLITE_DBCONFIG_ENABLE_TRIGGER, 0, NULL) != SQLITE_OK)
    {
      g_set_error (error, TALLY_DATABASE_ERROR, TALLY_DATABASE_ERROR_OPEN, _("Cannot open “%s”: %s"), name,
                   handle ? sqlite3_errmsg (handle) : g_strerror (ENOMEM));
      sqlite3_close (handle);
      return NULL;
    }

  sqlite3_busy_timeout (handle, TALLY_DATABASE_BUSY_TIMEOUT_MS);
  return handle;
}

static gint64
pragma_int (sqlite3    *handle,
            const char *sql)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  if (sqlite3_prepare_v2 (handle, sql, -1, &stmt, NULL) != SQLITE_OK || sqlite3_step (stmt) != SQLITE_ROW)
    return -1;
  return sqlite3_column_int64 (stmt, 0);
}

static int
compare_keys (gconstpointer a,
              gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

static gboolean
is_internal (const char *name)
{
  return g_str_has_prefix (name, "sqlite_");
}

/* SQLite's own index for a UNIQUE or PRIMARY KEY of @table: it goes with
 * the table and cannot be dropped alone. */
static gboolean
is_automatic_index_of (const char *name,
                       const char *table)
{
  g_autofree char *prefix = g_strdup_printf ("sqlite_autoindex_%s_", table);

  return g_str_has_prefix (name, prefix);
}

/* The objects to drop, each "TYPE NAME" as in sqlite_schema (tables last,
 * so that a trigger on an extra table is not dropped twice); an empty
 * list when nothing is foreign or when dropping would not mend the file;
 * NULL with @error when it is not a Tally file that can be read. */
static GStrv
find_on_handle (sqlite3     *handle,
                const char  *path,
                GError     **error)
{
  g_autofree char *name = g_filename_display_basename (path);
  g_autoptr(GHashTable) actual = NULL;
  g_autoptr(GPtrArray) drops = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) tables = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  GHashTable *expected;
  GHashTableIter iter;
  gpointer key, value;
  gint64 version;
  gboolean ok;

  if (pragma_int (handle, "PRAGMA application_id") != TALLY_APPLICATION_ID ||
      (version = pragma_int (handle, "PRAGMA user_version")) < 1 || version > TALLY_SCHEMA_VERSION)
    {
      g_set_error (error, TALLY_DATABASE_ERROR, TALLY_DATABASE_ERROR_FOREIGN,
                   _("“%s” is not a database of this version of Tally"), name);
      return NULL;
    }

  actual = _tally_database_read_schema (handle, &ok);
  if (!ok)
    {
      g_set_error (error, TALLY_DATABASE_ERROR, TALLY_DATABASE_ERROR_CORRUPT,
                   _("Cannot read the schema of “%s”: %s"), name, sqlite3_errmsg (handle));
      return NULL;
    }
  expected = _tally_database_expected_schema ((int) version);

  /* Anything of Tally's missing, or one of its tables changed: no drop
   * mends that. */
  g_hash_table_iter_init (&iter, expected);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      const char *have = g_hash_table_lookup (actual, key);

      if (have == NULL || (g_str_has_prefix (key, "table ") && !g_str_equal (have, value)))
        return g_strv_builder_end (builder);
    }

  g_hash_table_iter_init (&iter, actual);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      const char *want = g_hash_table_lookup (expected, key);
      const char *object = strchr (key, ' ') + 1;

      if ((want != NULL && g_str_equal (want, value)) || _tally_database_is_sqlite_statistics (key))
        continue;
      if (g_str_has_prefix (key, "table "))
        g_ptr_array_add (tables, g_strdup (key));
      else if (!is_internal (object))
        g_ptr_array_add (drops, g_strdup (key));
      else if (!g_str_has_prefix (key, "index "))
        return g_strv_builder_end (builder);  /* an internal object that is not ours */
    }

  /* SQLite's automatic indexes go with their table; any other is one that
   * cannot be dropped. */
  g_hash_table_iter_init (&iter, actual);
  while (g_hash_table_iter_next (&iter, &key, &value))
    if (g_str_has_prefix (key, "index sqlite_autoindex_") && !g_hash_table_contains (expected, key))
      {
        gboolean owned = FALSE;

        for (guint i = 0; i < tables->len && !owned; i++)
          owned = is_automatic_index_of (strchr (key, ' ') + 1, strchr (tables->pdata[i], ' ') + 1);
        if (!owned)
          return g_strv_builder_end (builder);
      }

  for (guint i = 0; i < tables->len; i++)
    if (is_internal (strchr (tables->pdata[i], ' ') + 1))
      return g_strv_builder_end (builder);

  g_ptr_array_sort (drops, compare_keys);
  g_ptr_array_sort (tables, compare_keys);
  for (guint i = 0; i < drops->len; i++)
    g_strv_builder_add (builder, drops->pdata[i]);
  for (guint i = 0; i < tables->len; i++)
    g_strv_builder_add (builder, tables->pdata[i]);
  return g_strv_builder_end (builder);
}

/**
 * tally_database_find_foreign_objects:
 * @path: a Tally database
 *
 * Lists what would have to be dropped for @path to hold exactly the schema
 * Tally makes: each object as "TYPE NAME" (`view councils_by_control`).
 * The list is empty when nothing is foreign, and also when dropping would
 * not be enough (a table of Tally's defined otherwise, or missing).
 *
 * Returns: (transfer full) (nullable): the objects, or %NULL with @error
 *   set when @path is not a Tally database that can be read
 */
GStrv
tally_database_find_foreign_objects (const char  *path,
                                     GError     **error)
{
  sqlite3 *handle;
  GStrv objects;

  g_return_val_if_fail (path != NULL, NULL);

  if (!(handle = open_raw (path, FALSE, error)))
    return NULL;
  objects = find_on_handle (handle, path, error);
  sqlite3_close (handle);
  return objects;
}

static gboolean
exec_raw (sqlite3     *handle,
          const char  *path,
          const char  *sql,
          GError     **error)
{
  g_autofree char *name = NULL;

  if (sqlite3_exec (handle, sql, NULL, NULL, NULL) == SQLITE_OK)
    return TRUE;

  name = g_filename_display_basename (path);
  g_set_error (error, TALLY_DATABASE_ERROR, TALLY_DATABASE_ERROR_FAILED,
               _("Cannot change “%s”: %s"), name, sqlite3_errmsg (handle));
  return FALSE;
}

/**
 * tally_database_drop_foreign_objects:
 * @path: the user's own database (tally_database_is_own_path())
 * @objects: what tally_database_find_foreign_objects() listed, which the
 *   user agreed to drop
 *
 * Drops @objects, and makes Tally's own definition again of any of them
 * that Tally defines otherwise, in one transaction.  Only what is still
 * foreign when the transaction starts is dropped, and only when it is all
 * of it: the file is then Tally's schema exactly, or is left as it was.
 *
 * Returns: whether the file now holds Tally's schema and nothing else
 */
gboolean
tally_database_drop_foreign_objects (const char          *path,
                                     const char * const  *objects,
                                     GError             **error)
{
  g_autofree char *name = NULL;
  g_auto(GStrv) found = NULL;
  GHashTable *expected;
  sqlite3 *handle;
  gboolean ok = FALSE;

  g_return_val_if_fail (path != NULL && objects != NULL, FALSE);

  name = g_filename_display_basename (path);
  if (!tally_database_is_own_path (path))
    {
      g_set_error (error, TALLY_DATABASE_ERROR, TALLY_DATABASE_ERROR_SCHEMA,
                   _("“%s” is not your own database: Tally changes no file from elsewhere"), name);
      return FALSE;
    }

  if (!(handle = open_raw (path, TRUE, error)))
    return FALSE;

  if (!exec_raw (handle, path, "BEGIN IMMEDIATE", error))
    goto out;

  if (!(found = find_on_handle (handle, path, error)))
    goto rollback;

  /* What the user was shown must be what is there now. */
  if (g_strv_length (found) == 0 || !g_strv_equal ((const char * const *) found, objects))
    {
      g_set_error (error, TALLY_DATABASE_ERROR, TALLY_DATABASE_ERROR_SCHEMA,
                   g_strv_length (found) == 0
                   ? _("“%s” cannot be mended by dropping what Tally did not make")
                   : _("“%s” changed while Tally asked: open it again to see what it holds now"),
                   name);
      goto rollback;
    }

  expected = _tally_database_expected_schema ((int) pragma_int (handle, "PRAGMA user_version"));
  for (guint i = 0; found[i] != NULL; i++)
    {
      const char *object = strchr (found[i], ' ') + 1;
      g_autofree char *type = g_ascii_strup (found[i], object - 1 - found[i]);
      g_autoptr(GString) quoted = g_string_new (object);
      g_autofree char *drop = NULL;
      const char *own = g_hash_table_lookup (expected, found[i]);

      g_string_replace (quoted, "\"", "\"\"", 0);
      drop = g_strdup_printf ("DROP %s IF EXISTS \"%s\"", type, quoted->str);
      if (!exec_raw (handle, path, drop, error) ||
          (own != NULL && !exec_raw (handle, path, own, error)))
        goto rollback;
    }

  if (!exec_raw (handle, path, "COMMIT", error))
    goto rollback;
  ok = TRUE;
  goto out;

rollback:
  sqlite3_exec (handle, "ROLLBACK", NULL, NULL, NULL);
out:
  sqlite3_close (handle);
  return ok;
}

/**
 * tally_database_describe_object:
 * @object: "TYPE NAME", as tally_database_find_foreign_objects() lists it
 *
 * Returns: (transfer full): the object for a person: “the view “x””
 */
char *
tally_database_describe_object (const char *object)
{
  const char *space = strchr (object, ' ');

  g_return_val_if_fail (space != NULL, g_strdup (object));

  if (g_str_has_prefix (object, "table "))
    return g_strdup_printf (_("the table “%s”"), space + 1);
  if (g_str_has_prefix (object, "view "))
    return g_strdup_printf (_("the view “%s”"), space + 1);
  if (g_str_has_prefix (object, "trigger "))
    return g_strdup_printf (_("the trigger “%s”"), space + 1);
  if (g_str_has_prefix (object, "index "))
    return g_strdup_printf (_("the index “%s”"), space + 1);
  return g_strdup (object);
}
