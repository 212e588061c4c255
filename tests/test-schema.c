/* test-schema.c: creating, identifying and refusing database files.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gstdio.h>
#include <sqlite3.h>
#include <string.h>

#include "tally-database-private.h"
#include "tally-test-util.h"

typedef TallyTestFolder Fixture;

static gint64
query_int (const char *path,
           const char *sql)
{
  sqlite3 *handle = NULL;
  sqlite3_stmt *stmt = NULL;
  gint64 value;

  g_assert_cmpint (sqlite3_open_v2 (path, &handle, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (handle, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (handle);

  return value;
}

static void
test_create (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TallyDatabase) database = NULL;

  database = tally_database_open (fixture->db_path, TALLY_DATABASE_OPEN_CREATE, &error);
  g_assert_no_error (error);
  g_assert_nonnull (database);
  g_assert_false (tally_database_get_read_only (database));
  g_clear_object (&database);

  g_assert_cmpint (query_int (fixture->db_path, "PRAGMA user_version"), ==, TALLY_SCHEMA_VERSION);
  g_assert_cmpint (query_int (fixture->db_path, "PRAGMA application_id"), ==, TALLY_APPLICATION_ID);

  /* Every table the design names is there. */
  for (const char * const *table = (const char * const[]) {
         "elections", "councils", "wards", "parties", "party_aliases", "contests", "candidates",
         "council_elections", "council_results", "compositions", "declarations", "boundaries",
         "hex_layouts", "hexes", NULL };
       *table != NULL; table++)
    {
      g_autofree char *sql =
        g_strdup_printf ("SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND name = '%s'", *table);

      g_assert_cmpint (query_int (fixture->db_path, sql), ==, 1);
    }

  /* Opening it again, read-only, finds the same file sound. */
  database = tally_database_open (fixture->db_path, TALLY_DATABASE_OPEN_READ_ONLY, &error);
  g_assert_no_error (error);
  g_assert_true (tally_database_get_read_only (database));
}

static void
test_missing (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TallyDatabase) database = NULL;

  database = tally_database_open (fixture->db_path, TALLY_DATABASE_OPEN_READ_ONLY, &error);
  g_assert_null (database);
  g_assert_error (error, TALLY_DATABASE_ERROR, TALLY_DATABASE_ERROR_OPEN);
  g_assert_nonnull (strstr (error->message, "no such file"));
  g_assert_false (g_file_test (fixture->db_path, G_FILE_TEST_EXISTS));
}

static void
test_newer_refused (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TallyDatabase) database = NULL;
  g_autofree char *bump = g_strdup_printf ("PRAGMA user_version = %d", TALLY_SCHEMA_VERSION + 1);

  database = tally_database_open (fixture->db_path, TALLY_DATABASE_OPEN_CREATE, &error);
  g_assert_no_error (error);
  g_clear_object (&database);

  tally_test_run_sql (fixture->db_path, bump);

  database = tally_database_open (fixture->db_path, TALLY_DATABASE_OPEN_READ_ONLY, &error);
  g_assert_null (database);
  g_assert_error (error, TALLY_DATABASE_ERROR, TALLY_DATABASE_ERROR_TOO_NEW);
  g_assert_nonnull (strstr (error->message, "newer version of Tally"));
  g_assert_nonnull (strstr (error->message, "tally.db"));

  /* Writable or not, the file is left alone. */
  g_clear_error (&error);
  database = tally_database_open (fixture->db_path, TALLY_DATABASE_OPEN_CREATE, &error);
  g_assert_error (error, TALLY_DATABASE_ERROR, TALLY_DATABASE_ERROR_TOO_NEW);
  g_assert_cmpint (query_int (fixture->db_path, "PRAGMA user_version"), ==, TALLY_SCHEMA_VERSION + 1);
}

static void
test_foreign_refused (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TallyDatabase) database = NULL;

  tally_test_run_sql (fixture->db_path, "CREATE TABLE photos (id INTEGER PRIMARY KEY, path TEXT)");

  database = tally_database_open (fixture->db_path, TALLY_DATABASE_OPEN_CREATE, &error);
  g_assert_null (database);
  g_assert_error (error, TALLY_DATABASE_ERROR, TALLY_DATABASE_ERROR_FOREIGN);
  g_assert_nonnull (strstr (error->message, "not one of Tally"));

  /* Not even a schema was added to somebody else's file. */
  g_assert_cmpint (query_int (fixture->db_path, "SELECT count(*) FROM sqlite_schema"), ==, 1);
}

static void
test_not_sqlite (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TallyDatabase) database = NULL;
  const char text[] = "council,party,votes\nSalford,Labour,910\n"
                      "This is a CSV file that somebody renamed to .db, long enough to be a header.\n";

  g_assert_true (g_file_set_contents (fixture->db_path, text, -1, NULL));

  database = tally_database_open (fixture->db_path, TALLY_DATABASE_OPEN_READ_ONLY, &error);
  g_assert_null (database);
  g_assert_error (error, TALLY_DATABASE_ERROR, TALLY_DATABASE_ERROR_NOT_SQLITE);
  g_assert_nonnull (strstr (error->message, "not a database"));
}

static void
test_corrupt (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TallyDatabase) database = NULL;
  g_autofree char *contents = NULL;
  gsize length;

  /* A real database, with every page after the header overwritten. */
  g_assert_true (g_file_get_contents (tally_test_bundled_database (), &contents, &length, NULL));
  g_assert_cmpuint (length, >, 8192);
  memset (contents + 4096, 0xA5, length - 4096);
  g_assert_true (g_file_set_contents (fixture->db_path, contents, length, NULL));

  database = tally_database_open (fixture->db_path, TALLY_DATABASE_OPEN_READ_ONLY, &error);
  g_assert_null (database);
  g_assert_error (error, TALLY_DATABASE_ERROR, TALLY_DATABASE_ERROR_CORRUPT);
  g_assert_nonnull (strstr (error->message, "damaged"));
}

/* A file that passed the whole-file check once is not checked again while
 * it is unchanged, but damage done to it afterwards is still found. */
static void
test_corrupt_after_check (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TallyDatabase) database = NULL;
  g_autofree char *contents = NULL;
  gsize length;

  g_assert_true (g_file_get_contents (tally_test_bundled_database (), &contents, &length, NULL));
  g_assert_true (g_file_set_contents (fixture->db_path, contents, length, NULL));
  database = tally_database_open (fixture->db_path, TALLY_DATABASE_OPEN_READ_ONLY, &error);
  g_assert_no_error (error);
  g_clear_object (&database);

  /* The same length, so only its time and content tell it changed. */
  memset (contents + 4096, 0xA5, length - 4096);
  g_assert_true (g_file_set_contents (fixture->db_path, contents, length, NULL));

  database = tally_database_open (fixture->db_path, TALLY_DATABASE_OPEN_READ_ONLY, &error);
  g_assert_null (database);
  g_assert_error (error, TALLY_DATABASE_ERROR, TALLY_DATABASE_ERROR_CORRUPT);
}

static void
test_empty_file_read_only (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TallyDatabase) database = NULL;

  g_assert_true (g_file_set_contents (fixture->db_path, "", 0, NULL));

  database = tally_database_open (fixture->db_path, TALLY_DATABASE_OPEN_READ_ONLY, &error);
  g_assert_null (database);
  g_assert_error (error, TALLY_DATABASE_ERROR, TALLY_DATABASE_ERROR_FOREIGN);
}

/* A file of schema version 1 (before previous_control, special_polls and
 * notional_baselines): read as it is when opened read-only, brought up to
 * this version, with its data, when opened for writing. */
static void
test_migrate_from_1 (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TallyDatabase) database = NULL;

  tally_test_make_old_database (fixture->db_path, 1);
  tally_test_run_sql (fixture->db_path, "INSERT INTO elections (date, name) "
                                       "VALUES ('2018-05-03', 'Local elections 2018');");

  database = tally_database_open (fixture->db_path, TALLY_DATABASE_OPEN_READ_ONLY, &error);
  g_assert_no_error (error);
  g_assert_cmpint (tally_database_get_schema_version (database), ==, 1);
  g_clear_object (&database);
  g_assert_cmpint (query_int (fixture->db_path, "PRAGMA user_version"), ==, 1);

  database = tally_database_open (fixture->db_path, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpint (tally_database_get_schema_version (database), ==, TALLY_SCHEMA_VERSION);
  g_clear_object (&database);

  g_assert_cmpint (query_int (fixture->db_path, "PRAGMA user_version"), ==, TALLY_SCHEMA_VERSION);
  g_assert_cmpint (query_int (fixture->db_path, "SELECT count(*) FROM sqlite_schema WHERE name IN "
                                             "('previous_control', 'special_polls', 'notional_baselines')"), ==, 3);
  g_assert_cmpint (query_int (fixture->db_path, "SELECT count(*) FROM elections"), ==, 1);
}

/* A version 5 file with a candidate: brought up to version 6, it has lost
 * the index of candidates by party and kept its rows, and a query through
 * a contest still finds them by index. */
static void
test_migrate_from_5 (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TallyDatabase) database = NULL;
  g_autoptr(sqlite3_stmt) plan = NULL;
  g_autoptr(GString) steps = g_string_new (NULL);

  tally_test_make_old_database (fixture->db_path, 5);
  tally_test_run_sql (fixture->db_path,
                      "INSERT INTO elections (id, date, name) VALUES (1, '2018-05-03', 'Local elections 2018');"
                      "INSERT INTO councils (id, code, name, type, region) "
                      "  VALUES (1, 'E07000223', 'Adur', 'district', 'South East');"
                      "INSERT INTO wards (id, council_id, name) VALUES (1, 1, 'Buckingham');"
                      "INSERT INTO parties (id, key, short_name, full_name, colour, colour_safe, grp, position) "
                      "  VALUES (1, 'CON', 'Con', 'Conservative', '#0087DC', '#0087DC', 'CON', 1);"
                      "INSERT INTO contests (id, election_id, ward_id, ballot, seats) VALUES (1, 1, 1, 'Buckingham', 1);"
                      "INSERT INTO candidates (contest_id, name, party_id, votes, elected) "
                      "  VALUES (1, 'A. Candidate', 1, 1012, 1);");
  g_assert_cmpint (query_int (fixture->db_path, "SELECT count(*) FROM sqlite_schema "
                                             "WHERE name = 'candidates_by_party'"), ==, 1);

  database = tally_database_open (fixture->db_path, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpint (tally_database_get_schema_version (database), ==, 6);

  plan = _tally_database_prepare (database, "EXPLAIN QUERY PLAN SELECT votes FROM candidates WHERE contest_id = 1",
                                  &error);
  g_assert_no_error (error);
  while (sqlite3_step (plan) == SQLITE_ROW)
    g_string_append (steps, (const char *) sqlite3_column_text (plan, 3));
  g_assert_nonnull (strstr (steps->str, "candidates_by_contest"));
  g_clear_pointer (&plan, sqlite3_finalize);
  g_clear_object (&database);

  g_assert_cmpint (query_int (fixture->db_path, "SELECT count(*) FROM sqlite_schema "
                                             "WHERE name = 'candidates_by_party'"), ==, 0);
  g_assert_cmpint (query_int (fixture->db_path, "SELECT votes FROM candidates WHERE name = 'A. Candidate'"), ==, 1012);
}

static void
test_foreign_keys_on (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TallyDatabase) database = NULL;

  database = tally_database_open (fixture->db_path, TALLY_DATABASE_OPEN_CREATE, &error);
  g_assert_no_error (error);

  /* Through Tally's own connection, a ward of a council that does not exist
   * is refused by the schema itself. */
  g_assert_false (_tally_database_exec (database,
                                        "INSERT INTO wards (council_id, name) VALUES (999, 'Kersal')",
                                        &error));
  g_assert_error (error, TALLY_DATABASE_ERROR, TALLY_DATABASE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "FOREIGN KEY"));
}

/* The schema the build worked out (tally-schema-dump.c) is the one the
 * scripts make now, object for object: a step added to the scripts but not
 * to the build's list (src/core/meson.build) would make it stale. */
static void
test_built_schema (void)
{
  g_autoptr(GHashTable) built = _tally_database_built_schema ();
  g_autoptr(GHashTable) computed = _tally_database_compute_schema (TALLY_SCHEMA_VERSION);
  GHashTableIter iter;
  gpointer key, sql;

  g_assert_nonnull (built);
  g_assert_cmpuint (g_hash_table_size (computed), >, 20);
  g_assert_cmpuint (g_hash_table_size (built), ==, g_hash_table_size (computed));
  g_hash_table_iter_init (&iter, computed);
  while (g_hash_table_iter_next (&iter, &key, &sql))
    g_assert_cmpstr (g_hash_table_lookup (built, key), ==, sql);
  /* And it is what every open compares with. */
  g_assert_true (_tally_database_expected_schema (TALLY_SCHEMA_VERSION) != NULL);
  g_assert_cmpuint (g_hash_table_size (_tally_database_expected_schema (TALLY_SCHEMA_VERSION)), ==,
                    g_hash_table_size (computed));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/schema/built", test_built_schema);
  g_test_add ("/schema/migrate-from-1", Fixture, NULL, tally_test_folder_setup, test_migrate_from_1, tally_test_folder_teardown);
  g_test_add ("/schema/migrate-from-5", Fixture, NULL, tally_test_folder_setup, test_migrate_from_5, tally_test_folder_teardown);
  g_test_add ("/schema/create", Fixture, NULL, tally_test_folder_setup, test_create, tally_test_folder_teardown);
  g_test_add ("/schema/missing", Fixture, NULL, tally_test_folder_setup, test_missing, tally_test_folder_teardown);
  g_test_add ("/schema/newer-refused", Fixture, NULL, tally_test_folder_setup, test_newer_refused, tally_test_folder_teardown);
  g_test_add ("/schema/foreign-refused", Fixture, NULL, tally_test_folder_setup, test_foreign_refused, tally_test_folder_teardown);
  g_test_add ("/schema/not-sqlite", Fixture, NULL, tally_test_folder_setup, test_not_sqlite, tally_test_folder_teardown);
  g_test_add ("/schema/corrupt", Fixture, NULL, tally_test_folder_setup, test_corrupt, tally_test_folder_teardown);
  g_test_add ("/schema/corrupt-after-check", Fixture, NULL, tally_test_folder_setup, test_corrupt_after_check, tally_test_folder_teardown);
  g_test_add ("/schema/empty-read-only", Fixture, NULL, tally_test_folder_setup, test_empty_file_read_only, tally_test_folder_teardown);
  g_test_add ("/schema/foreign-keys", Fixture, NULL, tally_test_folder_setup, test_foreign_keys_on, tally_test_folder_teardown);

  return g_test_run ();
}
