/* tally-live-snapshot.c: the night as it stood at an earlier moment, as a database of its own.
 *
 * Every declaration keeps its time (a ward's in ward_declarations, a
 * council's in declarations), so the night at 02:00 is the database less
 * what was declared after 02:00.  The snapshot is a copy taken through
 * SQLite's backup API (a consistent moment even while a writer goes on),
 * in a private temporary file, with the later wards and councils taken out:
 * the contests declared later (their candidates go with them), the
 * councils declared later (their totals and composition after too).  The
 * night's contests are listed as expected, so that a moment before the
 * first council reads "after 0 of 150", not "all declared".  Because the
 * snapshot is an ordinary Tally file, the state of the parties, the council
 * list and every command read it with no code of their own for the past.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "tally-database-private.h"
#include "tally-live-snapshot.h"

/* What is taken out, with ?1 the moment as stored (ISO 8601, UTC).
 * Declaration times are written as "YYYY-MM-DDTHH:MM:SSZ", so that text
 * order is time order. */
static const char take_out[] =
  "INSERT OR IGNORE INTO expected_contests (election_id, ward_id, ballot, seats, by_election) "
  "  SELECT ct.election_id, ct.ward_id, ct.ballot, ct.seats, ct.by_election FROM contests ct "
  "  JOIN ward_declarations wd ON wd.contest_id = ct.id;"
  "CREATE TEMP TABLE later AS SELECT election_id, council_id FROM declarations "
  "  WHERE declared_at IS NOT NULL AND julianday (declared_at) > julianday (?1);"
  "DELETE FROM contests WHERE id IN (SELECT contest_id FROM ward_declarations "
  "  WHERE julianday (declared_at) > julianday (?1));"
  "DELETE FROM council_results WHERE (election_id, council_id) IN (SELECT * FROM later);"
  "DELETE FROM compositions WHERE stage = 'after' AND (election_id, council_id) IN (SELECT * FROM later);"
  "DELETE FROM declarations WHERE (election_id, council_id) IN (SELECT * FROM later);"
  "DROP TABLE later;";

static gboolean
exec_bound (sqlite3     *handle,
            const char  *sql,
            const char  *as_at,
            GError     **error)
{
  const char *tail = sql;

  while (tail != NULL && *tail != '\0')
    {
      sqlite3_stmt *stmt = NULL;
      int rc = sqlite3_prepare_v2 (handle, tail, -1, &stmt, &tail);

      if (rc == SQLITE_OK && stmt != NULL)
        {
          if (sqlite3_bind_parameter_count (stmt) > 0)
            sqlite3_bind_text (stmt, 1, as_at, -1, SQLITE_TRANSIENT);
          rc = sqlite3_step (stmt);
          sqlite3_finalize (stmt);
          if (rc == SQLITE_DONE || rc == SQLITE_ROW)
            continue;
        }

      g_set_error (error, TALLY_DATABASE_ERROR, TALLY_DATABASE_ERROR_FAILED,
                   _("Cannot look back through the night: %s"), sqlite3_errmsg (handle));
      return FALSE;
    }

  return TRUE;
}

/**
 * tally_live_snapshot_new:
 * @database_path: a Tally database
 * @as_at: the moment to show
 *
 * Returns: (transfer full) (nullable): the path of a temporary database
 *   holding the night as it stood at @as_at (remove it with
 *   tally_live_snapshot_remove()), or %NULL with @error set
 */
char *
tally_live_snapshot_new (const char  *database_path,
                         GDateTime   *as_at,
                         GError     **error)
{
  g_autoptr(TallyDatabase) source = NULL;
  g_autoptr(GDateTime) utc = NULL;
  g_autofree char *moment = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  sqlite3 *handle = NULL;
  sqlite3_backup *backup;
  int rc;

  g_return_val_if_fail (database_path != NULL, NULL);
  g_return_val_if_fail (as_at != NULL, NULL);

  /* Opened by Tally first: a file that is not a sound Tally database is
   * refused here, with the usual message, before anything is copied. */
  if (!(source = tally_database_open (database_path, TALLY_DATABASE_OPEN_READ_ONLY, error)))
    return NULL;
  if (tally_database_get_schema_version (source) < 3)
    {
      g_autofree char *name = g_filename_display_basename (database_path);

      g_set_error (error, TALLY_DATABASE_ERROR, TALLY_DATABASE_ERROR_TOO_OLD,
                   _("%s keeps no declaration times (schema %d): open it once for writing, with `tally import` "
                     "or the window, to bring it up to date"),
                   name, tally_database_get_schema_version (source));
      return NULL;
    }

  if (!(dir = g_dir_make_tmp ("tally-as-at-XXXXXX", error)))
    return NULL;
  path = g_build_filename (dir, "night.db", NULL);

  rc = sqlite3_open_v2 (path, &handle, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL);
  if (rc == SQLITE_OK)
    {
      backup = sqlite3_backup_init (handle, "main", _tally_database_get_handle (source), "main");
      rc = backup != NULL ? sqlite3_backup_step (backup, -1) : sqlite3_errcode (handle);
      if (backup != NULL)
        sqlite3_backup_finish (backup);
    }

  utc = g_date_time_to_utc (as_at);
  moment = g_date_time_format (utc, "%Y-%m-%dT%H:%M:%SZ");
  if (rc != SQLITE_DONE)
    g_set_error (error, TALLY_DATABASE_ERROR, TALLY_DATABASE_ERROR_FAILED,
                 _("Cannot look back through the night: %s"), handle ? sqlite3_errmsg (handle) : sqlite3_errstr (rc));
  else if (exec_bound (handle, "PRAGMA foreign_keys = ON; BEGIN;", NULL, error) &&
           exec_bound (handle, take_out, moment, error) &&
           /* A plain file: read-only readers need no -shm of their own. */
           exec_bound (handle, "COMMIT; PRAGMA journal_mode = DELETE;", NULL, error))
    {
      sqlite3_close (handle);
      return g_steal_pointer (&path);
    }

  sqlite3_close (handle);
  tally_live_snapshot_remove (path);
  return NULL;
}

/**
 * tally_live_snapshot_remove:
 * @snapshot_path: (nullable): what tally_live_snapshot_new() gave
 *
 * Removes the snapshot and its folder.
 */
void
tally_live_snapshot_remove (const char *snapshot_path)
{
  g_autofree char *dir = NULL;
  g_autofree char *journal = NULL;

  if (snapshot_path == NULL)
    return;

  dir = g_path_get_dirname (snapshot_path);
  journal = g_strconcat (snapshot_path, "-journal", NULL);
  g_unlink (snapshot_path);
  g_unlink (journal);
  g_rmdir (dir);
}
