/* tally-test-util.c: helpers shared by the tests.
 *
 * Temporary folders, the bundled and real data, runs of the tally binary;
 * and for the import tests (test-import*.c), a fixture, imports of the files
 * in tests/data, and queries of the database an import made.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>
#include <glib/gstdio.h>

#include "tally-catalog.h"
#include "tally-election.h"
#include "tally-database-private.h"
#include "tally-results.h"
#include "tally-test-util.h"

char *
tally_test_make_temp_dir (void)
{
  g_autoptr(GError) error = NULL;
  char *path = g_dir_make_tmp ("tally-test-XXXXXX", &error);

  g_assert_no_error (error);
  return path;
}

void
tally_test_remove_dir (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  if (dir == NULL)
    return;

  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR))
        tally_test_remove_dir (child);
      else
        g_unlink (child);
    }

  g_rmdir (path);
}

const char *
tally_test_bundled_database (void)
{
  const char *path = g_getenv ("TALLY_BUNDLED_DATABASE");

  g_assert_nonnull (path);
  return path;
}

const char *
tally_test_bundled_dir (void)
{
  const char *path = g_getenv ("TALLY_BUNDLED_DIR");

  g_assert_nonnull (path);
  return path;
}

/**
 * tally_test_shared_data_path:
 * @relative: a path under ../shared/data
 *
 * Returns: (nullable): the file's path, or %NULL when the real data is not
 *   there (the caller then skips)
 */
char *
tally_test_shared_data_path (const char *relative)
{
  const char *root = g_getenv ("TALLY_SHARED_DATA");
  g_autofree char *path = NULL;

  if (root == NULL)
    return NULL;

  path = g_build_filename (root, relative, NULL);
  return g_file_test (path, G_FILE_TEST_EXISTS) ? g_steal_pointer (&path) : NULL;
}

void
tally_test_run_clear (TallyTestRun *run)
{
  g_clear_pointer (&run->out, g_free);
  g_clear_pointer (&run->err, g_free);
  g_clear_pointer (&run->lines, g_strfreev);
}

/**
 * tally_test_run_tally:
 * @data_home: (nullable): XDG_DATA_HOME for the run, where the user's own
 *   database lives
 * @args: the arguments after the program name
 *
 * Runs the tally binary (TALLY_BIN) with no display, as a script or CI job
 * would, and waits for it.
 */
void
tally_test_run_tally (TallyTestRun       *run,
                      const char         *data_home,
                      const char * const *args)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_auto(GStrv) envp = g_get_environ ();
  int wait_status;

  envp = g_environ_unsetenv (envp, "DISPLAY");
  envp = g_environ_unsetenv (envp, "WAYLAND_DISPLAY");
  if (data_home != NULL)
    envp = g_environ_setenv (envp, "XDG_DATA_HOME", data_home, TRUE);

  g_ptr_array_add (argv, (char *) g_getenv ("TALLY_BIN"));
  for (; *args != NULL; args++)
    g_ptr_array_add (argv, (char *) *args);
  g_ptr_array_add (argv, NULL);

  g_spawn_sync (NULL, (char **) argv->pdata, envp, G_SPAWN_STDIN_FROM_DEV_NULL, NULL, NULL,
                &run->out, &run->err, &wait_status, &error);
  g_assert_no_error (error);

  g_assert_true (WIFEXITED (wait_status));
  run->status = WEXITSTATUS (wait_status);
  run->lines = g_strsplit (run->out, "\n", -1);
}

/* A file's whole contents; the test fails when it cannot be read. */
char *
tally_test_read_file (const char *path,
                      gsize      *length)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;

  g_file_get_contents (path, &contents, length, &error);
  g_assert_no_error (error);
  return contents;
}

/* For g_ptr_array_sort() of strings. */
int
tally_test_compare_strings (gconstpointer a,
                            gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

/* The names in @dir, sorted, joined by spaces. */
char *
tally_test_list_dir (const char *dir)
{
  g_autoptr(GDir) handle = g_dir_open (dir, 0, NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  g_assert_nonnull (handle);
  while ((name = g_dir_read_name (handle)) != NULL)
    g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, tally_test_compare_strings);
  g_ptr_array_add (names, NULL);
  return g_strjoinv (" ", (char **) names->pdata);
}

/* Changes a file with plain SQLite, as another program (or the stranger
 * who made it) would. */
void
tally_test_run_sql (const char *path,
                    const char *sql)
{
  sqlite3 *handle = NULL;
  char *message = NULL;

  g_assert_cmpint (sqlite3_open (path, &handle), ==, SQLITE_OK);
  if (sqlite3_exec (handle, sql, NULL, NULL, &message) != SQLITE_OK)
    g_error ("%s: %s", sql, message);
  sqlite3_close (handle);
}

/* A Tally file of schema @version at @path, as that version made it: the
 * base script and the steps up to it, from Tally's own resources. */
void
tally_test_make_old_database (const char *path,
                              int         version)
{
  g_autofree char *pragmas = g_strdup_printf ("PRAGMA application_id = %d; PRAGMA user_version = %d;",
                                              TALLY_APPLICATION_ID, version);

  for (int step = 1; step <= version; step++)
    {
      g_autofree char *name = step == 1 ? g_strdup ("/io/github/tally/Tally/core/tally-schema.sql")
                                        : g_strdup_printf ("/io/github/tally/Tally/core/tally-schema-%d.sql", step);
      g_autoptr(GBytes) script = g_resource_lookup_data (_tally_database_get_core_resource (), name,
                                                         G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);

      g_assert_nonnull (script);
      tally_test_run_sql (path, g_bytes_get_data (script, NULL));
    }
  tally_test_run_sql (path, pragmas);
}

/* A byte-for-byte copy of the bundled database at @path. */
void
tally_test_copy_bundled (const char *path)
{
  g_autofree char *contents = NULL;
  gsize length;

  contents = tally_test_read_file (tally_test_bundled_database (), &length);
  g_assert_true (g_file_set_contents (path, contents, length, NULL));
}

/* A copy of the bundled database at @path in which Adur's 2018 seats
 * part from the published record by one: a Conservative seat given to
 * Labour (Lab 5, Con 8; published 4 and 9). */
void
tally_test_move_adur_seat (const char *path)
{
  tally_test_copy_bundled (path);
  tally_test_run_sql (path,
                      "UPDATE council_results SET seats_won = seats_won + "
                      "  CASE (SELECT key FROM parties WHERE id = party_id) WHEN 'CON' THEN -1 ELSE 1 END "
                      "WHERE election_id = (SELECT id FROM elections WHERE date = '2018-05-03') "
                      "  AND council_id = (SELECT id FROM councils WHERE code = 'E07000223') "
                      "  AND party_id IN (SELECT id FROM parties WHERE key IN ('CON', 'LAB'))");
}

/* Every object of a file's schema, one line each, sorted. */
char *
tally_test_schema_of (const char *path)
{
  sqlite3 *handle = NULL;
  sqlite3_stmt *stmt = NULL;
  GString *text = g_string_new (NULL);

  g_assert_cmpint (sqlite3_open_v2 (path, &handle, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (handle, "SELECT type, name, sql FROM sqlite_schema ORDER BY type, name",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_string_append_printf (text, "%s %s %s\n", sqlite3_column_text (stmt, 0), sqlite3_column_text (stmt, 1),
                            sqlite3_column_text (stmt, 2));
  sqlite3_finalize (stmt);
  sqlite3_close (handle);
  return g_string_free (text, FALSE);
}

/**
 * tally_test_bundled_open:
 *
 * Opens the bundled database read-only with its catalogue, an engine over
 * an empty filter, and its two elections (2018 and its 2014 baseline).
 */
void
tally_test_bundled_open (TallyTestBundled *bundled)
{
  g_autoptr(GError) error = NULL;

  bundled->database = tally_database_open (tally_test_bundled_database (), TALLY_DATABASE_OPEN_READ_ONLY, &error);
  g_assert_no_error (error);
  bundled->catalog = tally_catalog_new (bundled->database, &error);
  g_assert_no_error (error);
  bundled->results = tally_results_new (bundled->catalog, &error);
  g_assert_no_error (error);
  bundled->filter = tally_filter_new ();
  tally_results_set_filter (bundled->results, bundled->filter);
  bundled->election = tally_catalog_lookup_election (bundled->catalog, "2018-05-03");
  bundled->baseline = tally_catalog_lookup_election (bundled->catalog, "2014-05-22");
  g_assert_nonnull (bundled->election);
  g_assert_true (tally_catalog_get_latest_election (bundled->catalog) == bundled->election);
  g_assert_true (tally_election_get_baseline (bundled->election) == bundled->baseline);
}

void
tally_test_bundled_close (TallyTestBundled *bundled)
{
  g_clear_object (&bundled->filter);
  g_clear_object (&bundled->results);
  g_clear_object (&bundled->catalog);
  g_clear_object (&bundled->database);
}

/* A council's result in 2018, which must be there. */
TallyCouncilResult *
tally_test_bundled_lookup (TallyTestBundled *bundled,
                           const char       *code)
{
  TallyCouncil *council = tally_catalog_lookup_council (bundled->catalog, code);
  TallyCouncilResult *result;

  g_assert_nonnull (council);
  result = tally_results_lookup (bundled->results, bundled->election, NULL, council);
  g_assert_nonnull (result);
  return result;
}

TallyParty *
tally_test_bundled_party (TallyTestBundled *bundled,
                          const char       *key)
{
  TallyParty *found = tally_catalog_lookup_party (bundled->catalog, key);

  g_assert_nonnull (found);
  return found;
}

/* A fresh folder for each test, and the path of a database in it that is
 * not there until the test (or its first import) makes it. */
void
tally_test_folder_setup (TallyTestFolder *fixture,
                         gconstpointer    data)
{
  fixture->dir = tally_test_make_temp_dir ();
  fixture->db_path = g_build_filename (fixture->dir, "tally.db", NULL);
}

void
tally_test_folder_teardown (TallyTestFolder *fixture,
                            gconstpointer    data)
{
  tally_test_remove_dir (fixture->dir);
  g_free (fixture->dir);
  g_free (fixture->db_path);
}

/* A path in the test's folder. */
char *
tally_test_folder_path (TallyTestFolder *fixture,
                        const char      *name)
{
  return g_build_filename (fixture->dir, name, NULL);
}

char *
tally_test_data_path (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "data", name, NULL);
}

TallyImporter *
tally_test_new_importer (const char         *db_path,
                         TallyImportFormat   format,
                         const char * const *paths)
{
  TallyImporter *importer = tally_importer_new (db_path);

  tally_importer_set_format (importer, format);
  for (; *paths != NULL; paths++)
    {
      g_autoptr(GFile) file = NULL;

      if (g_path_is_absolute (*paths))
        file = g_file_new_for_path (*paths);
      else
        {
          g_autofree char *path = tally_test_data_path (*paths);

          file = g_file_new_for_path (path);
        }
      tally_importer_add_file (importer, file);
    }

  return importer;
}

/* Imports fixtures (names in tests/data, or absolute paths). */
TallyImportSummary *
tally_test_import_files (const char          *db_path,
                         const char * const  *paths,
                         GError             **error)
{
  g_autoptr(TallyImporter) importer =
    tally_test_new_importer (db_path, TALLY_IMPORT_FORMAT_AUTO, paths);

  return tally_importer_run (importer, NULL, error);
}

TallyImportSummary *
tally_test_import_one (const char  *db_path,
                       const char  *path,
                       GError     **error)
{
  return tally_test_import_files (db_path, (const char *[]) { path, NULL }, error);
}

TallyDatabase *
tally_test_open_read_only (const char *db_path)
{
  g_autoptr(GError) error = NULL;
  TallyDatabase *database = tally_database_open (db_path, TALLY_DATABASE_OPEN_READ_ONLY, &error);

  g_assert_no_error (error);
  return database;
}

gint64
tally_test_query_int (const char *db_path,
                      const char *sql)
{
  g_autoptr(TallyDatabase) database = tally_test_open_read_only (db_path);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GError) error = NULL;

  stmt = _tally_database_prepare (database, sql, &error);
  g_assert_no_error (error);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);

  return sqlite3_column_int64 (stmt, 0);
}

/* Every row of a query, columns joined by "|", rows by "\n". */
char *
tally_test_query_rows (const char *db_path,
                       const char *sql)
{
  g_autoptr(TallyDatabase) database = tally_test_open_read_only (db_path);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GError) error = NULL;
  GString *text = g_string_new (NULL);

  stmt = _tally_database_prepare (database, sql, &error);
  g_assert_no_error (error);

  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      for (int i = 0; i < sqlite3_column_count (stmt); i++)
        {
          const char *value = (const char *) sqlite3_column_text (stmt, i);

          g_string_append_printf (text, "%s%s", i > 0 ? "|" : "", value ? value : "NULL");
        }
      g_string_append_c (text, '\n');
    }

  return g_string_free (text, FALSE);
}

/* What a failed import must leave exactly as it was. */
char *
tally_test_fingerprint (const char *db_path)
{
  return tally_test_query_rows (db_path,
                     "SELECT (SELECT count(*) FROM parties), (SELECT count(*) FROM party_aliases), "
                     "(SELECT count(*) FROM elections), (SELECT count(*) FROM wards), "
                     "(SELECT count(*) || '/' || total (seats) FROM contests), "
                     "(SELECT count(*) || '/' || total (votes) || '/' || total (elected) FROM candidates), "
                     "(SELECT count(*) || '/' || total (seats_up) || '/' || total (votes_total) FROM council_elections), "
                     "(SELECT count(*) || '/' || total (seats_won) || '/' || total (votes) FROM council_results), "
                     "(SELECT count(*) || '/' || total (seats) FROM compositions), "
                     "(SELECT count(*) || '/' || total (seats) || '/' || total (votes) FROM notional_baselines), "
                     "(SELECT count(*) FROM imports), "
                     "(SELECT count(*) FROM sqlite_schema)");
}

char *
tally_test_import_good (TallyTestFolder *fixture)
{
  g_autoptr(TallyImportSummary) summary = NULL;
  g_autoptr(GError) error = NULL;

  summary = tally_test_import_one (fixture->db_path, "import-good.csv", &error);
  g_assert_no_error (error);
  g_assert_nonnull (summary);

  return tally_test_fingerprint (fixture->db_path);
}

gboolean
tally_test_has_warning (TallyImportSummary *summary,
                        const char         *text)
{
  for (guint i = 0; i < summary->warnings->len; i++)
    if (strstr (g_ptr_array_index (summary->warnings, i), text) != NULL)
      return TRUE;

  return FALSE;
}

/**
 * tally_test_import_2018_wards:
 * @dir: where the database goes (and the imports' XDG_DATA_HOME)
 *
 * The 2018 night ward by ward: the Democracy Club 2018 results and the LEAP
 * 2014 results (its baseline) imported into @dir/wards-2018.db, as a user
 * would with `tally import`.
 *
 * Returns: (transfer full) (nullable): its path, or %NULL without
 *   ../shared/data (the caller skips)
 */
char *
tally_test_import_2018_wards (const char *dir)
{
  g_autofree char *dc = tally_test_shared_data_path ("results/dc_2018/democracyclub-results-2018-05-03_raw.csv");
  g_autofree char *leap = tally_test_shared_data_path ("results/leap_2014/leap_2014_results_raw.csv");
  g_autofree char *path = NULL;
  g_auto(TallyTestRun) run_dc = { 0 };
  g_auto(TallyTestRun) run_leap = { 0 };

  if (dc == NULL || leap == NULL)
    return NULL;

  path = g_build_filename (dir, "wards-2018.db", NULL);
  tally_test_run_tally (&run_dc, dir, (const char *[]) { "import", "--database", path, dc, NULL });
  g_assert_cmpint (run_dc.status, ==, 0);
  tally_test_run_tally (&run_leap, dir,
                        (const char *[]) { "import", "--database", path, "--date", "2014-05-22", leap, NULL });
  g_assert_cmpint (run_leap.status, ==, 0);

  return g_steal_pointer (&path);
}
