/* tally-database.c: opening a Tally SQLite file safely.
 *
 * Every file is treated as untrusted, the bundled one included: SQLite's
 * defensive mode is on, the schema is not trusted to run functions, the file
 * is checked for damage, and its application id and schema version are read
 * before anything else touches it.  Whatever is wrong ends in a GError whose
 * message a person can act on, never in a crash.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <errno.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <string.h>

#include "tally-core-resources.h"
#include "tally-database-private.h"

struct _TallyDatabase
{
  GObject  parent_instance;

  sqlite3 *handle;
  char    *path;
  int      schema_version;
  guint    read_only : 1;
  guint    checked : 1;   /* passed the whole-file check, now or before */
  guint    wrote : 1;     /* committed something: closing may checkpoint */

  /* The query-time limit (see bound_query_time()). */
  gint64   statement_started;
  gint64   query_limit_us;
  guint    query_interrupted : 1;
};

G_DEFINE_FINAL_TYPE (TallyDatabase, tally_database, G_TYPE_OBJECT)

G_DEFINE_QUARK (tally-database-error-quark, tally_database_error)

enum {
  PROP_0,
  PROP_PATH,
  PROP_READ_ONLY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static TallyDatabaseError
error_code_for_sqlite (int sqlite_code)
{
  switch (sqlite_code & 0xff)
    {
    case SQLITE_NOTADB:
      return TALLY_DATABASE_ERROR_NOT_SQLITE;
    case SQLITE_CORRUPT:
      return TALLY_DATABASE_ERROR_CORRUPT;
    case SQLITE_CANTOPEN:
    case SQLITE_PERM:
    case SQLITE_READONLY:
    case SQLITE_AUTH:
      return TALLY_DATABASE_ERROR_OPEN;
    case SQLITE_CONSTRAINT:
    case SQLITE_MISMATCH:
    case SQLITE_TOOBIG:
      return TALLY_DATABASE_ERROR_INVALID;
    default:
      return TALLY_DATABASE_ERROR_FAILED;
    }
}

static const char *
describe_error_code (TallyDatabaseError code)
{
  switch (code)
    {
    case TALLY_DATABASE_ERROR_NOT_SQLITE:
      return _("it is not a database file");
    case TALLY_DATABASE_ERROR_CORRUPT:
      return _("the file is damaged");
    default:
      return NULL;
    }
}

void
_tally_database_set_error (TallyDatabase  *self,
                           GError        **error,
                           const char     *doing)
{
  int sqlite_code = sqlite3_extended_errcode (self->handle);
  TallyDatabaseError code = error_code_for_sqlite (sqlite_code);
  const char *plain = describe_error_code (code);
  g_autofree char *name = g_filename_display_basename (self->path);

  if (self->query_interrupted)
    {
      self->query_interrupted = FALSE;
      g_set_error (error, TALLY_DATABASE_ERROR, TALLY_DATABASE_ERROR_TOO_SLOW,
                   _("“%s”: a query ran longer than %g s while %s (limit “query time”); "
                     "if the file is genuine, allow more with TALLY_QUERY_SECONDS=N"),
                   name, self->query_limit_us / (double) G_USEC_PER_SEC, doing);
    }
  else if (sqlite_code == SQLITE_CONSTRAINT_CHECK)
    {
      /* Tally checks every value before writing it; the schema's CHECKs are
       * the second line, and SQLite's own words would name no file or line. */
      const char *colon = strrchr (sqlite3_errmsg (self->handle), ':');

      g_set_error (error, TALLY_DATABASE_ERROR, code,
                   _("“%s”: while %s, a value for “%s” broke a rule of Tally’s schema and nothing "
                     "was written. Tally checks values before writing them, so this is a fault in "
                     "Tally: please report it"),
                   name, doing, colon != NULL ? colon + 2 : "?");
    }
  else if (plain != NULL)
    g_set_error (error, TALLY_DATABASE_ERROR, code,
                 _("Cannot read “%s”: %s (%s)"), name, plain, sqlite3_errmsg (self->handle));
  else
    g_set_error (error, TALLY_DATABASE_ERROR, code,
                 _("Database error in “%s” while %s: %s"), name, doing, sqlite3_errmsg (self->handle));
}

sqlite3 *
_tally_database_get_handle (TallyDatabase *self)
{
  g_assert (TALLY_IS_DATABASE (self));

  return self->handle;
}

sqlite3_stmt *
_tally_database_prepare (TallyDatabase  *self,
                         const char     *sql,
                         GError        **error)
{
  sqlite3_stmt *stmt = NULL;

  g_assert (TALLY_IS_DATABASE (self));

  if (sqlite3_prepare_v3 (self->handle, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt, NULL) != SQLITE_OK)
    {
      _tally_database_set_error (self, error, _("preparing a query"));
      return NULL;
    }

  return stmt;
}

gboolean
_tally_database_exec (TallyDatabase  *self,
                      const char     *sql,
                      GError        **error)
{
  g_assert (TALLY_IS_DATABASE (self));

  if (sqlite3_exec (self->handle, sql, NULL, NULL, NULL) != SQLITE_OK)
    {
      _tally_database_set_error (self, error, _("running a statement"));
      return FALSE;
    }

  return TRUE;
}

gboolean
_tally_database_begin (TallyDatabase  *self,
                       GError        **error)
{
  return _tally_database_exec (self, "BEGIN IMMEDIATE", error);
}

gboolean
_tally_database_commit (TallyDatabase  *self,
                        GError        **error)
{
  if (!_tally_database_exec (self, "COMMIT", error))
    return FALSE;
  /* What Tally wrote to a file it trusts stays trusted. */
  self->wrote = TRUE;
  if (self->checked)
    _tally_database_record_integrity (self->path);
  return TRUE;
}

/**
 * tally_database_begin_snapshot:
 *
 * Starts a read transaction: every query until
 * tally_database_end_snapshot() sees the file as one writer's commit left
 * it, never a mixture of two.  A window reading a file that a results
 * night is writing needs this: its catalogue and results are many
 * queries, and a ward committed between two of them would otherwise give
 * a council declared with another's figures.
 */
gboolean
tally_database_begin_snapshot (TallyDatabase  *self,
                               GError        **error)
{
  g_return_val_if_fail (TALLY_IS_DATABASE (self), FALSE);

  return _tally_database_exec (self, "BEGIN DEFERRED", error);
}

/**
 * tally_database_end_snapshot:
 *
 * Ends the read transaction tally_database_begin_snapshot() started.
 */
void
tally_database_end_snapshot (TallyDatabase *self)
{
  g_return_if_fail (TALLY_IS_DATABASE (self));

  if (!sqlite3_get_autocommit (self->handle))
    sqlite3_exec (self->handle, "COMMIT", NULL, NULL, NULL);
}

void
_tally_database_rollback (TallyDatabase *self)
{
  g_assert (TALLY_IS_DATABASE (self));

  if (!sqlite3_get_autocommit (self->handle))
    sqlite3_exec (self->handle, "ROLLBACK", NULL, NULL, NULL);
}

static gboolean
query_int (TallyDatabase  *self,
           const char     *sql,
           gint64         *value,
           GError        **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  if (!(stmt = _tally_database_prepare (self, sql, error)))
    return FALSE;

  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      _tally_database_set_error (self, error, _("reading the file header"));
      return FALSE;
    }

  *value = sqlite3_column_int64 (stmt, 0);
  return TRUE;
}

/* ── Waiting for other processes, and bounding query time ─────────────────
 *
 * A reader that meets a writer's lock (an import committing, in this or
 * another process) waits for it rather than fail at once: SQLite's busy
 * handler retries until TALLY_DATABASE_BUSY_TIMEOUT_MS have passed.
 *
 * No statement runs longer than the query-time limit: a view or trigger
 * from elsewhere, or a damaged file, could otherwise hang Tally.  The clock
 * restarts as each statement starts (SQLITE_TRACE_STMT) and the progress
 * handler, every few thousand virtual-machine steps, interrupts a statement
 * past its time. */

static int
statement_started_cb (unsigned  type,
                      void     *data,
                      void     *statement,
                      void     *sql)
{
  TallyDatabase *self = data;

  self->statement_started = g_get_monotonic_time ();
  return 0;
}

static int
progress_cb (void *data)
{
  TallyDatabase *self = data;

  if (g_get_monotonic_time () - self->statement_started <= self->query_limit_us)
    return 0;

  self->query_interrupted = TRUE;
  return 1;
}

static void
bound_query_time (TallyDatabase *self)
{
  const char *seconds = g_getenv ("TALLY_QUERY_SECONDS");
  gint64 limit = TALLY_DATABASE_QUERY_SECONDS;

  if (seconds != NULL && g_ascii_string_to_signed (seconds, 10, 1, 24 * 3600, &limit, NULL))
    g_debug ("database: query-time limit %" G_GINT64_FORMAT " s from TALLY_QUERY_SECONDS", limit);

  sqlite3_busy_timeout (self->handle, TALLY_DATABASE_BUSY_TIMEOUT_MS);
  self->query_limit_us = limit * G_USEC_PER_SEC;
  self->statement_started = g_get_monotonic_time ();
  sqlite3_trace_v2 (self->handle, SQLITE_TRACE_STMT, statement_started_cb, self);
  sqlite3_progress_handler (self->handle, 10000, progress_cb, self);
}

/* For tests: a shorter limit than any genuine file needs. */
void
_tally_database_set_query_limit (TallyDatabase *self,
                                 gint64         milliseconds)
{
  g_assert (TALLY_IS_DATABASE (self));

  self->query_limit_us = milliseconds * 1000;
}

static gboolean
apply_defensive_settings (TallyDatabase  *self,
                          GError        **error)
{
  /* Refuse writes that could corrupt the file even from SQL, and do not let
   * a file's own schema (views, triggers, defaults) call functions that could
   * have side effects: a database from elsewhere is somebody else's code. */
  sqlite3_db_config (self->handle, SQLITE_DBCONFIG_DEFENSIVE, 1, NULL);
  sqlite3_db_config (self->handle, SQLITE_DBCONFIG_TRUSTED_SCHEMA, 0, NULL);
  sqlite3_db_config (self->handle, SQLITE_DBCONFIG_ENABLE_LOAD_EXTENSION, 0, NULL);
  sqlite3_limit (self->handle, SQLITE_LIMIT_LENGTH, 64 * 1024 * 1024);
  sqlite3_limit (self->handle, SQLITE_LIMIT_ATTACHED, 0);

  return _tally_database_exec (self,
                               "PRAGMA cell_size_check = ON;"
                               "PRAGMA mmap_size = 0;"
                               "PRAGMA foreign_keys = ON;",
                               error);
}

static gboolean
check_integrity (TallyDatabase  *self,
                 GError        **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *name = NULL;
  const char *verdict;

  if (!(stmt = _tally_database_prepare (self, "PRAGMA quick_check(1)", error)))
    return FALSE;

  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      _tally_database_set_error (self, error, _("checking the file"));
      return FALSE;
    }

  verdict = (const char *) sqlite3_column_text (stmt, 0);
  if (g_strcmp0 (verdict, "ok") == 0)
    return TRUE;

  name = g_filename_display_basename (self->path);
  g_set_error (error, TALLY_DATABASE_ERROR, TALLY_DATABASE_ERROR_CORRUPT,
               _("Cannot read “%s”: the file is damaged (%s)"), name, verdict ? verdict : "?");
  return FALSE;
}

/* The whole-file check once per version of a file (tally-database-check.c). */
static gboolean
check_integrity_once (TallyDatabase  *self,
                      GError        **error)
{
  if (!_tally_database_integrity_recorded (self->path))
    {
      if (!check_integrity (self, error))
        return FALSE;
      _tally_database_record_integrity (self->path);
    }
  self->checked = TRUE;
  return TRUE;
}

/* Core's resources are registered by hand, on first use: a constructor in a
 * static library would be dropped by the linker. */
GResource *
_tally_database_get_core_resource (void)
{
  static gsize registered;

  if (g_once_init_enter (&registered))
    {
      tally_core_register_resource ();
      g_once_init_leave (&registered, 1);
    }

  return tally_core_get_resource ();
}

/* Decides whether the file is ours, and at which version, before any query
 * that depends on the schema runs. */
static gboolean
check_identity (TallyDatabase           *self,
                TallyDatabaseOpenFlags   flags,
                GError                 **error)
{
  g_autofree char *name = g_filename_display_basename (self->path);
  gint64 application_id, user_version, n_objects;

  if (!query_int (self, "PRAGMA application_id", &application_id, error) ||
      !query_int (self, "PRAGMA user_version", &user_version, error) ||
      !query_int (self, "SELECT count(*) FROM sqlite_schema", &n_objects, error))
    return FALSE;

  if (application_id == 0 && user_version == 0 && n_objects == 0)
    {
      if (!self->read_only && (flags & TALLY_DATABASE_OPEN_CREATE))
        {
          if (!_tally_database_create_schema (self, error))
            return FALSE;
          self->schema_version = TALLY_SCHEMA_VERSION;
          return TRUE;
        }

      g_set_error (error, TALLY_DATABASE_ERROR, TALLY_DATABASE_ERROR_FOREIGN,
                   _("“%s” is an empty database, not a Tally database"), name);
      return FALSE;
    }

  if (application_id != TALLY_APPLICATION_ID)
    {
      g_set_error (error, TALLY_DATABASE_ERROR, TALLY_DATABASE_ERROR_FOREIGN,
                   _("“%s” is an SQLite database, but not one of Tally’s"), name);
      return FALSE;
    }

  if (user_version > TALLY_SCHEMA_VERSION)
    {
      g_set_error (error, TALLY_DATABASE_ERROR, TALLY_DATABASE_ERROR_TOO_NEW,
                   _("“%s” was written by a newer version of Tally (database version %d; "
                     "this version reads up to %d). Update Tally to open it."),
                   name, (int) user_version, TALLY_SCHEMA_VERSION);
      return FALSE;
    }

  if (user_version < 1)
    {
      /* Version 1 is the first schema: there is nothing older to migrate from. */
      g_set_error (error, TALLY_DATABASE_ERROR, TALLY_DATABASE_ERROR_TOO_OLD,
                   _("“%s” has an unknown database version %d"), name, (int) user_version);
      return FALSE;
    }

  self->schema_version = (int) user_version;
  return TRUE;
}

/* Once its schema has been checked at its own version, an older file
 * opened for writing is brought up to this one.  A file opened read-only
 * is read at its own version (readers of the newer tables ask
 * tally_database_get_schema_version() first, or look for the table). */
static gboolean
migrate_if_older (TallyDatabase  *self,
                  GError        **error)
{
  if (self->schema_version < TALLY_SCHEMA_VERSION && !self->read_only)
    {
      if (!_tally_database_migrate_schema (self, self->schema_version, error))
        return FALSE;
      self->schema_version = TALLY_SCHEMA_VERSION;
    }

  return TRUE;
}

static void
tally_database_finalize (GObject *object)
{
  TallyDatabase *self = (TallyDatabase *) object;

  g_clear_pointer (&self->handle, sqlite3_close_v2);
  /* The last checkpoint wrote the main file: Tally's own writing. */
  if (self->checked && self->wrote && self->path != NULL)
    _tally_database_record_integrity (self->path);
  g_clear_pointer (&self->path, g_free);

  G_OBJECT_CLASS (tally_database_parent_class)->finalize (object);
}

static void
tally_database_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  TallyDatabase *self = TALLY_DATABASE (object);

  switch (prop_id)
    {
    case PROP_PATH:
      g_value_set_string (value, self->path);
      break;

    case PROP_READ_ONLY:
      g_value_set_boolean (value, self->read_only);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tally_database_class_init (TallyDatabaseClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = tally_database_finalize;
  object_class->get_property = tally_database_get_property;

  properties[PROP_PATH] =
    g_param_spec_string ("path", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  properties[PROP_READ_ONLY] =
    g_param_spec_boolean ("read-only", NULL, NULL,
                          FALSE,
                          (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
tally_database_init (TallyDatabase *self)
{
}

/**
 * tally_database_open:
 * @path: the file to open
 * @flags: read-only, or create the file when it is missing
 * @error: where a reason goes when the file cannot be used
 *
 * Opens @path with SQLite's defensive settings, checks it for damage and
 * makes sure it is a Tally database this version can read.
 *
 * Returns: (transfer full) (nullable): the database, or %NULL with @error set
 */
TallyDatabase *
tally_database_open (const char              *path,
                     TallyDatabaseOpenFlags   flags,
                     GError                 **error)
{
  g_autoptr(TallyDatabase) self = NULL;
  int open_flags = SQLITE_OPEN_NOMUTEX;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!(flags & TALLY_DATABASE_OPEN_CREATE) && !g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_autofree char *name = g_filename_display_name (path);

      g_set_error (error, TALLY_DATABASE_ERROR, TALLY_DATABASE_ERROR_OPEN,
                   _("Cannot open “%s”: no such file"), name);
      return NULL;
    }

  self = g_object_new (TALLY_TYPE_DATABASE, NULL);
  self->path = g_strdup (path);
  self->read_only = !!(flags & TALLY_DATABASE_OPEN_READ_ONLY);

  if (self->read_only)
    open_flags |= SQLITE_OPEN_READONLY;
  else
    open_flags |= SQLITE_OPEN_READWRITE | ((flags & TALLY_DATABASE_OPEN_CREATE) ? SQLITE_OPEN_CREATE : 0);

  if (sqlite3_open_v2 (path, &self->handle, open_flags, NULL) != SQLITE_OK)
    {
      g_autofree char *name = g_filename_display_name (path);

      g_set_error (error, TALLY_DATABASE_ERROR, TALLY_DATABASE_ERROR_OPEN,
                   _("Cannot open “%s”: %s"), name,
                   self->handle ? sqlite3_errmsg (self->handle) : g_strerror (ENOMEM));
      return NULL;
    }

  sqlite3_extended_result_codes (self->handle, 1);
  bound_query_time (self);

  if (!apply_defensive_settings (self, error) ||
      !check_identity (self, flags, error) ||
      !_tally_database_check_schema (self, error) ||
      !migrate_if_older (self, error) ||
      !check_integrity_once (self, error))
    return NULL;

  return g_steal_pointer (&self);
}

const char *
tally_database_get_path (TallyDatabase *self)
{
  g_return_val_if_fail (TALLY_IS_DATABASE (self), NULL);

  return self->path;
}

gboolean
tally_database_get_read_only (TallyDatabase *self)
{
  g_return_val_if_fail (TALLY_IS_DATABASE (self), FALSE);

  return self->read_only;
}

/**
 * tally_database_set_live:
 * @error: where a reason goes when the journal cannot be changed
 *
 * Puts a writable database in SQLite's write-ahead-log mode, for results
 * night: one writer and any number of readers at the same time, readers
 * never blocked by a write and never seeing half of one.  The mode is kept
 * in the file.  Only files Tally writes are changed (the bundled database,
 * which may sit in a read-only folder, never is).
 *
 * Returns: %TRUE when the file is in WAL mode
 */
gboolean
tally_database_set_live (TallyDatabase  *self,
                         GError        **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *name = NULL;

  g_return_val_if_fail (TALLY_IS_DATABASE (self), FALSE);
  g_return_val_if_fail (!self->read_only, FALSE);

  /* NORMAL is durable against a writer killed mid-transaction in WAL mode
   * (only a power cut can lose the last commits, never the file). */
  if (!(stmt = _tally_database_prepare (self, "PRAGMA journal_mode = WAL", error)))
    return FALSE;

  if (sqlite3_step (stmt) == SQLITE_ROW &&
      g_ascii_strcasecmp ((const char *) sqlite3_column_text (stmt, 0), "wal") == 0)
    return _tally_database_exec (self, "PRAGMA synchronous = NORMAL", error);

  name = g_filename_display_basename (self->path);
  g_set_error (error, TALLY_DATABASE_ERROR, TALLY_DATABASE_ERROR_FAILED,
               _("Cannot follow “%s” live: SQLite would not use a write-ahead log (%s)"), name,
               sqlite3_errmsg (self->handle));
  return FALSE;
}

/**
 * tally_database_get_schema_version:
 *
 * A file opened for writing is migrated to %TALLY_SCHEMA_VERSION when it
 * is opened; one opened read-only keeps its own version.
 *
 * Returns: the schema version of the open file
 */
int
tally_database_get_schema_version (TallyDatabase *self)
{
  g_return_val_if_fail (TALLY_IS_DATABASE (self), 0);

  return self->schema_version;
}

/**
 * tally_database_get_bundled_path:
 *
 * The database built from the project's own data and installed with Tally.
 * `meson devenv` points TALLY_BUNDLED_DATABASE at the one in the build tree.
 *
 * Returns: (transfer full): its path
 */
char *
tally_database_get_bundled_path (void)
{
  const char *override = g_getenv ("TALLY_BUNDLED_DATABASE");

  if (override != NULL && override[0] != '\0')
    return g_strdup (override);

  return g_build_filename (PKGDATADIR, "tally.db", NULL);
}

/**
 * tally_database_get_user_path:
 *
 * The user's own database, where imports go: never the installed one.
 *
 * Returns: (transfer full): its path
 */
char *
tally_database_get_user_path (void)
{
  return g_build_filename (g_get_user_data_dir (), "tally", "tally.db", NULL);
}

/**
 * tally_database_get_current_path:
 *
 * The one database a user works with: their own once it exists (an import
 * made it), else the bundled one.  The window and every command open this
 * unless told otherwise (`--database`, "Open…"), so what an import wrote is
 * what the next command and the next window show.
 *
 * Returns: (transfer full): its path
 */
char *
tally_database_get_current_path (void)
{
  g_autofree char *user_path = tally_database_get_user_path ();

  if (g_file_test (user_path, G_FILE_TEST_IS_REGULAR))
    return g_steal_pointer (&user_path);

  return tally_database_get_bundled_path ();
}

/**
 * tally_database_is_bundled_path:
 * @path: a database file
 *
 * Returns: whether @path is the bundled database
 */
gboolean
tally_database_is_bundled_path (const char *path)
{
  g_autofree char *bundled = tally_database_get_bundled_path ();
  g_autofree char *canonical_a = g_canonicalize_filename (path, NULL);
  g_autofree char *canonical_b = g_canonicalize_filename (bundled, NULL);

  g_return_val_if_fail (path != NULL, FALSE);

  return g_str_equal (canonical_a, canonical_b);
}

static gboolean
same_file (const char *a,
           const char *b)
{
  g_autofree char *canonical_a = g_canonicalize_filename (a, NULL);
  g_autofree char *canonical_b = g_canonicalize_filename (b, NULL);

  return g_str_equal (canonical_a, canonical_b);
}

/**
 * tally_database_is_own_path:
 * @path: a database file
 *
 * Whether @path is the user's own database, the one Tally writes
 * (tally_database_get_user_path()), by name or as the same file: the only
 * one Tally offers to mend (tally_database_drop_foreign_objects()).
 *
 * Returns: whether @path is the user's own database
 */
gboolean
tally_database_is_own_path (const char *path)
{
  g_autofree char *own = tally_database_get_user_path ();
  GStatBuf a, b;

  g_return_val_if_fail (path != NULL, FALSE);

  if (same_file (path, own))
    return TRUE;
  return g_stat (path, &a) == 0 && g_stat (own, &b) == 0 && a.st_dev == b.st_dev && a.st_ino == b.st_ino;
}

/* ── Folders made for a new database ──────────────────────────────────────
 *
 * A failed import into a new database takes the file away again
 * (tally_database_remove_created()), and with it the folders made for it:
 * a failed `tally import --database a/b/c.db` leaves no a/b behind. */

G_LOCK_DEFINE_STATIC (made_folders);
static GHashTable *made_folders;  /* database path → outermost folder made for it */

static char *
outermost_missing_folder (const char *directory)
{
  g_autofree char *current = g_strdup (directory);
  char *outermost = NULL;

  while (!g_file_test (current, G_FILE_TEST_EXISTS))
    {
      char *parent = g_path_get_dirname (current);

      g_free (outermost);
      outermost = g_steal_pointer (&current);
      if (g_str_equal (parent, outermost))
        {
          g_free (parent);
          break;
        }
      current = parent;
    }

  return outermost;
}

/* Removes @directory and its parents up to @outermost, while they are empty. */
static void
remove_made_folders (const char *directory,
                     const char *outermost)
{
  g_autofree char *current = g_strdup (directory);

  if (outermost == NULL)
    return;

  while (g_rmdir (current) == 0 && !g_str_equal (current, outermost))
    {
      char *parent = g_path_get_dirname (current);

      g_free (current);
      current = parent;
    }
}

static void
remember_made_folder (const char *path,
                      const char *outermost)
{
  G_LOCK (made_folders);
  if (made_folders == NULL)
    made_folders = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_hash_table_replace (made_folders, g_strdup (path), g_strdup (outermost));
  G_UNLOCK (made_folders);
}

/**
 * tally_database_remove_created:
 * @created: a path tally_database_open_for_import() returned in @created
 *
 * Takes away a database made by a failed import: the file, its journal,
 * and the folders made for it.
 */
void
tally_database_remove_created (const char *created)
{
  const char *suffixes[] = { "", "-journal", "-wal", "-shm" };
  g_autofree char *outermost = NULL;
  g_autofree char *directory = NULL;

  g_return_if_fail (created != NULL);

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *file = g_strconcat (created, suffixes[i], NULL);

      g_unlink (file);
    }

  G_LOCK (made_folders);
  if (made_folders != NULL)
    g_hash_table_steal_extended (made_folders, created, NULL, (gpointer *) &outermost);
  G_UNLOCK (made_folders);

  directory = g_path_get_dirname (created);
  remove_made_folders (directory, outermost);
}

/**
 * tally_database_open_for_import:
 * @path: (nullable): the database to write into, or %NULL for the user's own
 * @created: (out) (optional) (transfer full): the path of the file made now,
 *   so that a failed import can take it away again; %NULL when it existed
 *
 * Opens a database to import into.  That is never the bundled one: a
 * missing file starts as a copy of it, whose councils imports match against.
 *
 * Returns: (transfer full) (nullable): the writable database
 */
static TallyDatabase *
open_for_import (const char  *path,
                 char       **created,
                 gboolean     bulk,
                 GError     **error)
{
  TallyDatabase *database;
  gboolean made = FALSE;
  g_autofree char *user_path = NULL;
  g_autofree char *bundled = tally_database_get_bundled_path ();

  if (created != NULL)
    *created = NULL;

  if (path == NULL)
    path = user_path = tally_database_get_user_path ();

  if (same_file (path, bundled))
    {
      g_set_error (error, TALLY_DATABASE_ERROR, TALLY_DATABASE_ERROR_OPEN,
                   _("The bundled database is never changed: import into your own database"));
      return NULL;
    }

  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_autofree char *directory = g_path_get_dirname (path);
      g_autofree char *contents = NULL;
      gboolean bundled_checked = _tally_database_integrity_recorded (bundled);
      gsize length;

      if (!g_file_get_contents (bundled, &contents, &length, error))
        return NULL;
      /* Unchanged while it was read: the copy holds the bytes that passed. */
      bundled_checked = bundled_checked && _tally_database_integrity_recorded (bundled);

      g_autofree char *outermost = outermost_missing_folder (directory);

      if (g_mkdir_with_parents (directory, 0700) != 0)
        {
          g_autofree char *name = g_filename_display_name (directory);

          g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (errno), _("Cannot create “%s”: %s"), name,
                       g_strerror (errno));
          remove_made_folders (directory, outermost);
          return NULL;
        }

      /* For a bulk import, synced with it, at its end (see below). */
      if (!(bulk ? _tally_database_write_unsynced (path, contents, length, 0644, error)
                 : g_file_set_contents_full (path, contents, length, G_FILE_SET_CONTENTS_CONSISTENT, 0644, error)))
        {
          remove_made_folders (directory, outermost);
          return NULL;
        }

      if (outermost != NULL)
        remember_made_folder (path, outermost);

      /* A byte-for-byte copy of a file that passed the whole-file check
       * passes it too: it is not read again. */
      if (bundled_checked)
        _tally_database_record_integrity (path);

      if (created != NULL)
        *created = g_strdup (path);
      made = TRUE;
    }

  /* Imports go into the user's own file, which the window may be reading
   * at the same time: in WAL mode neither waits for the other.  A file
   * made now for a bulk import is read by nobody yet: with a rollback
   * journal its new pages are written once, where a write-ahead log writes
   * each twice (the log, then the checkpoint), and a writer killed
   * mid-import still leaves the copy of the bundled database it started
   * from (its journal is on disk, only not flushed).  Nor is it flushed
   * to the disk at each commit (synchronous = OFF): a power cut during its
   * first import can lose a file that held only what that import was
   * writing, never a file that existed before.  tally_database_set_live()
   * puts it back to NORMAL. */
  database = tally_database_open (path, 0, error);
  if (database != NULL &&
      !(made && bulk ? _tally_database_exec (database, "PRAGMA journal_mode = DELETE; "
                                             "PRAGMA synchronous = OFF", error)
                     : tally_database_set_live (database, error)))
    g_clear_object (&database);

  return database;
}

TallyDatabase *
tally_database_open_for_import (const char  *path,
                                char       **created,
                                GError     **error)
{
  return open_for_import (path, created, FALSE, error);
}

/**
 * tally_database_open_for_bulk_import:
 *
 * Like tally_database_open_for_import(), but a file made now keeps SQLite's
 * rollback journal (faster for writing it all at once) until the caller
 * puts it in WAL mode with tally_database_set_live() after its import.
 *
 * Returns: (transfer full) (nullable): the writable database
 */
TallyDatabase *
tally_database_open_for_bulk_import (const char  *path,
                                     char       **created,
                                     GError     **error)
{
  return open_for_import (path, created, TRUE, error);
}
