/* test-schema-checks.c: the schema's own CHECKs (database version 4).
 *
 * Tally checks every value it reads and writes in C; the schema checks
 * them again, so that a value written past Tally (the sqlite3 shell,
 * another tool) is refused by the file itself.  A new file has the CHECKs,
 * a version 3 file is made again with them and keeps every row, a version
 * 3 file holding a value they refuse is named and left as it was, and a
 * file whose CHECKs were taken away or changed is refused.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <sqlite3.h>
#include <string.h>

#include "tally-database-private.h"
#include "tally-test-util.h"

typedef TallyTestFolder Fixture;

/* One row in each table that version 4 checks, every value good. */
#define GOOD_ROWS                                                                                          \
  "INSERT INTO elections (id, date, name) VALUES (1, '2018-05-03', 'Local elections 2018');"              \
  "INSERT INTO parties (id, key, short_name, full_name, colour, colour_safe, grp, position) "             \
  "  VALUES (1, 'LAB', 'Lab', 'Labour', '#DC241F', '#DC241F', 'labour', 1);"                              \
  "INSERT INTO councils (id, code, name, type, region, total_seats, cycle) "                              \
  "  VALUES (1, 'E08000006', 'Salford', 'metropolitan_borough', 'North West', 60, 'thirds');"             \
  "INSERT INTO council_elections (election_id, council_id, seats_up, votes_total) VALUES (1, 1, 20, 50000);" \
  "INSERT INTO council_results (election_id, council_id, party_id, seats_won, votes) "                    \
  "  VALUES (1, 1, 1, 17, 30000);"                                                                        \
  "INSERT INTO compositions VALUES (1, 1, 'after', 1, 51);"                                               \
  "INSERT INTO declarations VALUES (1, 1, '2018-05-04T03:00:00Z');"                                       \
  "INSERT INTO wards (id, council_id, code, name) VALUES (1, 1, 'E05000770', 'Kersal');"                 \
  "INSERT INTO contests (id, election_id, ward_id, ballot, seats) VALUES (1, 1, 1, 'kersal', 1);"        \
  "INSERT INTO candidates (contest_id, name, party_id, votes, elected) VALUES (1, 'A Person', 1, 1200, 1);" \
  "INSERT INTO ward_declarations VALUES (1, '2018-05-04T01:14:00Z');"                                     \
  "INSERT INTO expected_contests VALUES (1, 1, 'kersal', 1, 0);"                                          \
  "INSERT INTO previous_control (election_id, council_id, control, election_date) "                       \
  "  VALUES (1, 1, 'LAB', '2016-05-05');"                                                                 \
  "INSERT INTO special_polls VALUES (1, 1, 'Kersal', 'by_election', '2018-05-03', 1, 'LAB 1', NULL);"    \
  "INSERT INTO notional_baselines VALUES (1, 1, 1, '2014', 18, NULL, NULL);"

/* A statement on @path through a plain sqlite3 connection, as the shell
 * would run it: SQLite's extended result code. */
static int
run_raw (const char  *path,
         const char  *sql,
         char       **message)
{
  sqlite3 *handle = NULL;
  int rc;

  g_assert_cmpint (sqlite3_open (path, &handle), ==, SQLITE_OK);
  sqlite3_extended_result_codes (handle, 1);
  rc = sqlite3_exec (handle, sql, NULL, NULL, NULL);
  if (message != NULL)
    *message = g_strdup (sqlite3_errmsg (handle));
  sqlite3_close (handle);
  return rc;
}

/* Every row of every table, each value as quote() prints it, sorted. */
static char *
rows_of (const char *path)
{
  g_autoptr(GPtrArray) lines = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) tables = g_ptr_array_new_with_free_func (g_free);
  GString *text = g_string_new (NULL);
  sqlite3 *handle = NULL;
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (sqlite3_open_v2 (path, &handle, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (handle, "SELECT name FROM sqlite_schema WHERE type = 'table'", -1, &stmt, NULL),
                   ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_ptr_array_add (tables, g_strdup ((const char *) sqlite3_column_text (stmt, 0)));
  sqlite3_finalize (stmt);

  for (guint t = 0; t < tables->len; t++)
    {
      g_autofree char *sql = g_strdup_printf ("SELECT * FROM \"%s\"", (char *) tables->pdata[t]);

      g_assert_cmpint (sqlite3_prepare_v2 (handle, sql, -1, &stmt, NULL), ==, SQLITE_OK);
      while (sqlite3_step (stmt) == SQLITE_ROW)
        {
          GString *line = g_string_new (tables->pdata[t]);

          for (int i = 0; i < sqlite3_column_count (stmt); i++)
            g_string_append_printf (line, " %s=%s|%s", sqlite3_column_name (stmt, i),
                                    sqlite3_column_text (stmt, i) ? (const char *) sqlite3_column_text (stmt, i) : "NULL",
                                    sqlite3_column_type (stmt, i) == SQLITE_INTEGER ? "i" : "x");
          g_ptr_array_add (lines, g_string_free (line, FALSE));
        }
      sqlite3_finalize (stmt);
    }
  sqlite3_close (handle);

  g_ptr_array_sort (lines, tally_test_compare_strings);
  for (guint i = 0; i < lines->len; i++)
    g_string_append_printf (text, "%s\n", (char *) lines->pdata[i]);
  return g_string_free (text, FALSE);
}

/* @text without each @piece (@text is freed). */
static char *
without (char       *text,
         const char *piece)
{
  g_auto(GStrv) parts = g_strsplit (text, piece, -1);

  g_free (text);
  return g_strjoinv ("", parts);
}

static void
create_new (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TallyDatabase) database = tally_database_open (path, TALLY_DATABASE_OPEN_CREATE, &error);

  g_assert_no_error (error);
}

/* A value written past Tally, with the sqlite3 shell, is refused by the
 * file itself, naming the column; the limits are where the loaders put them. */
static void
test_new_file (Fixture       *fixture,
               gconstpointer  data)
{
  static const struct
  {
    const char *sql;
    const char *column;
  } bad[] = {
    { "UPDATE council_results SET seats_won = -5", "seats_won" },
    { "UPDATE council_results SET seats_won = 1000001", "seats_won" },
    { "UPDATE council_results SET seats_won = 2.5", "seats_won" },
    { "UPDATE council_results SET votes = 9223372036854775000", "votes" },
    { "UPDATE council_results SET votes = 1000000000001", "votes" },
    { "UPDATE council_elections SET seats_up = 'twenty'", "seats_up" },
    { "UPDATE council_elections SET votes_total = -1", "votes_total" },
    { "UPDATE council_elections SET electorate = 'many'", "electorate" },
    { "UPDATE council_elections SET ballots = -2", "ballots" },
    { "UPDATE council_elections SET contests = -1", "contests" },
    { "UPDATE council_elections SET three_party_polls = 'all'", "three_party_polls" },
    { "UPDATE council_results SET top_votes = -1", "top_votes" },
    { "UPDATE council_results SET three_votes = 2.5", "three_votes" },
    { "UPDATE councils SET total_seats = 0", "total_seats" },
    { "UPDATE compositions SET seats = 0", "seats" },
    { "UPDATE contests SET seats = 1000001", "seats" },
    { "UPDATE contests SET electorate = -1", "electorate" },
    { "UPDATE contests SET ballots = 1000000000001", "ballots" },
    { "UPDATE candidates SET votes = -1", "votes" },
    { "UPDATE expected_contests SET seats = 'one'", "seats" },
    { "UPDATE special_polls SET seats = 11", "seats" },
    { "UPDATE notional_baselines SET seats = 1001", "seats" },
    { "UPDATE notional_baselines SET votes = -3", "votes" },
    { "UPDATE elections SET date = '2018-02-30'", "date" },
    { "UPDATE elections SET date = '2018-5-3'", "date" },
    { "UPDATE elections SET date = '0000-01-01'", "date" },
    { "UPDATE previous_control SET election_date = '2016-02-30'", "election_date" },
    { "UPDATE special_polls SET held_on = '2018-13-01'", "held_on" },
    { "UPDATE declarations SET declared_at = 'soon'", "declared_at" },
    { "UPDATE ward_declarations SET declared_at = 'after midnight'", "declared_at" },
    { "UPDATE parties SET colour = 'red'", "colour" },
    { "UPDATE parties SET colour_safe = '#12345'", "colour_safe" },
    { "UPDATE parties SET key = ''", "key" },
    { "UPDATE parties SET position = 'left'", "position" },
  };
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  create_new (fixture->db_path);
  g_assert_cmpint (run_raw (fixture->db_path, GOOD_ROWS, NULL), ==, SQLITE_OK);
  before = rows_of (fixture->db_path);

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autofree char *message = NULL;
      g_autofree char *expected = g_strdup_printf ("CHECK constraint failed: %s", bad[i].column);

      g_test_message ("%s", bad[i].sql);
      g_assert_cmpint (run_raw (fixture->db_path, bad[i].sql, &message), ==, SQLITE_CONSTRAINT_CHECK);
      g_assert_cmpstr (message, ==, expected);
    }

  after = rows_of (fixture->db_path);
  g_assert_cmpstr (after, ==, before);

  /* The ends of each range are allowed: 1,000,000 seats, 10^12 votes, a leap day. */
  g_assert_cmpint (run_raw (fixture->db_path,
                            "UPDATE council_results SET seats_won = 1000000, votes = 1000000000000;"
                            "UPDATE council_elections SET seats_up = 0, votes_total = NULL;"
                            "UPDATE elections SET date = '2016-02-29';"
                            "UPDATE parties SET colour = '#abcdef';",
                            NULL),
                   ==, SQLITE_OK);
}

/* Tally checks before it writes, so a CHECK that fires through Tally's own
 * connection is a fault of Tally's: the message says so and names the
 * column, not SQLite's words. */
static void
test_message (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TallyDatabase) database = NULL;

  create_new (fixture->db_path);
  g_assert_cmpint (run_raw (fixture->db_path, GOOD_ROWS, NULL), ==, SQLITE_OK);
  database = tally_database_open (fixture->db_path, 0, &error);
  g_assert_no_error (error);

  g_assert_false (_tally_database_exec (database, "UPDATE council_results SET seats_won = -5", &error));
  g_assert_error (error, TALLY_DATABASE_ERROR, TALLY_DATABASE_ERROR_INVALID);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, "“tally.db”"));
  g_assert_nonnull (strstr (error->message, "a value for “seats_won” broke a rule of Tally’s schema"));
  g_assert_null (strstr (error->message, "CHECK constraint failed"));
  g_assert_cmpint (tally_test_query_int (fixture->db_path, "SELECT seats_won FROM council_results"), ==, 17);
}

/* A version 3 file is made again with the CHECKs: its schema is the new
 * file's, byte for byte, and every row is as it was. */
static void
test_migrate_from_3 (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autofree char *fresh = g_build_filename (fixture->dir, "fresh.db", NULL);
  g_autofree char *bundled = g_build_filename (fixture->dir, "bundled.db", NULL);
  g_autofree char *old_schema = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *migrated_schema = NULL;
  g_autofree char *fresh_schema = NULL;
  g_autofree char *bundled_schema = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(TallyDatabase) database = NULL;

  tally_test_make_old_database (fixture->db_path, 3);
  g_assert_cmpint (run_raw (fixture->db_path, GOOD_ROWS, NULL), ==, SQLITE_OK);
  old_schema = tally_test_schema_of (fixture->db_path);
  before = rows_of (fixture->db_path);
  /* Version 3 let text into a seat count: the reason for version 4. */
  g_assert_cmpint (run_raw (fixture->db_path, "SAVEPOINT s; UPDATE council_elections SET seats_up = 'twenty'; "
                                              "ROLLBACK TO s; RELEASE s", NULL), ==, SQLITE_OK);
  g_assert_null (strstr (old_schema, "CONSTRAINT seats_won"));

  /* Read-only, it is read at its own version and left alone. */
  database = tally_database_open (fixture->db_path, TALLY_DATABASE_OPEN_READ_ONLY, &error);
  g_assert_no_error (error);
  g_assert_cmpint (tally_database_get_schema_version (database), ==, 3);
  g_clear_object (&database);
  g_assert_cmpint (tally_test_query_int (fixture->db_path, "PRAGMA user_version"), ==, 3);

  database = tally_database_open (fixture->db_path, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpint (tally_database_get_schema_version (database), ==, TALLY_SCHEMA_VERSION);
  g_clear_object (&database);

  create_new (fresh);
  tally_test_copy_bundled (bundled);
  migrated_schema = tally_test_schema_of (fixture->db_path);
  fresh_schema = tally_test_schema_of (fresh);
  bundled_schema = tally_test_schema_of (bundled);
  g_assert_cmpstr (migrated_schema, ==, fresh_schema);
  g_assert_cmpstr (bundled_schema, ==, fresh_schema);
  g_assert_nonnull (strstr (fresh_schema, "CONSTRAINT seats_won CHECK (typeof (seats_won) = 'integer' AND "
                                          "seats_won BETWEEN 0 AND 1000000)"));
  g_assert_null (strstr (fresh_schema, "tally_new_"));

  /* Every value as it was; version 5's columns are there, empty ("not
   * summed from candidates": the engine reads the candidates). */
  after = rows_of (fixture->db_path);
  g_assert_nonnull (strstr (after, " contests=NULL|x three_party_polls=NULL|x\n"));
  g_assert_nonnull (strstr (after, " top_votes=NULL|x three_votes=NULL|x\n"));
  after = without (without (after, " contests=NULL|x three_party_polls=NULL|x"), " top_votes=NULL|x three_votes=NULL|x");
  g_assert_cmpstr (after, ==, before);
  g_assert_cmpint (tally_test_query_int (fixture->db_path, "PRAGMA user_version"), ==, TALLY_SCHEMA_VERSION);
  g_assert_cmpint (tally_test_query_int (fixture->db_path, "SELECT count(*) FROM pragma_foreign_key_check"), ==, 0);
  g_assert_cmpint (tally_test_query_int (fixture->db_path, "SELECT count(*) FROM pragma_index_list ('councils')"), ==, 3);

  /* And the migrated file refuses what version 3 let in. */
  g_assert_cmpint (run_raw (fixture->db_path, "UPDATE council_elections SET seats_up = 'twenty'", NULL),
                   ==, SQLITE_CONSTRAINT_CHECK);
}

/* A version 3 file with a value version 4 refuses: the migration names the
 * table, row and column, and the file is left byte for byte as it was
 * (still readable read-only, at version 3). */
static void
test_migrate_refuses_bad_value (Fixture       *fixture,
                                gconstpointer  data)
{
  static const struct
  {
    const char *sql;
    const char *expected;
  } cases[] = {
    /* Version 3's CHECK (seats_won >= 0) stops -5; another tool need not have it on. */
    { "PRAGMA ignore_check_constraints = ON; UPDATE council_results SET seats_won = -5",
      "“old-0.db” cannot be brought up to database version 4: council_results.seats_won holds -5 (in the row "
      "where election_id = 1, council_id = 1, party_id = 1): a value Tally does not allow there" },
    /* Version 3 took this as it is. */
    { "UPDATE council_elections SET seats_up = 'twenty'",
      "council_elections.seats_up holds 'twenty' (in the row where election_id = 1, council_id = 1)" },
    { "UPDATE elections SET date = '2018-02-30'", "elections.date holds '2018-02-30' (in the row where id = 1)" },
    { "UPDATE candidates SET votes = 2000000000000", "candidates.votes holds 2000000000000 (in the row where id = 1)" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("%s/old-%u.db", fixture->dir, i);
      g_autofree char *sql = g_strdup_printf ("%s;", cases[i].sql);
      g_autofree char *bytes = NULL;
      g_autofree char *bytes_after = NULL;
      gsize length, length_after;
      g_autoptr(GError) error = NULL;
      g_autoptr(TallyDatabase) database = NULL;

      tally_test_make_old_database (path, 3);
      g_assert_cmpint (run_raw (path, GOOD_ROWS, NULL), ==, SQLITE_OK);
      g_assert_cmpint (run_raw (path, sql, NULL), ==, SQLITE_OK);
      bytes = tally_test_read_file (path, &length);

      database = tally_database_open (path, 0, &error);
      g_assert_null (database);
      g_assert_error (error, TALLY_DATABASE_ERROR, TALLY_DATABASE_ERROR_INVALID);
      g_test_message ("%s", error->message);
      g_assert_nonnull (strstr (error->message, cases[i].expected));
      g_assert_nonnull (strstr (error->message, "it was left as it was"));

      bytes_after = tally_test_read_file (path, &length_after);
      g_assert_cmpmem (bytes_after, length_after, bytes, length);

      g_clear_error (&error);
      database = tally_database_open (path, TALLY_DATABASE_OPEN_READ_ONLY, &error);
      g_assert_no_error (error);
      g_assert_cmpint (tally_database_get_schema_version (database), ==, 3);
    }

  /* `tally info` says which version it read the file at. */
  {
    g_auto(TallyTestRun) info = { 0 };
    g_autofree char *path = g_strdup_printf ("%s/old-0.db", fixture->dir);

    tally_test_run_tally (&info, fixture->dir, (const char *[]) { "info", "--database", path, NULL });
    g_assert_cmpint (info.status, ==, 0);
    g_assert_nonnull (strstr (info.out, "(schema 3, read-only)"));
  }
}

/* The schema check accepts exactly version 4: a version 3 schema labelled
 * 4, a CHECK taken away or one with another limit are refused. */
static void
test_altered_refused (Fixture       *fixture,
                      gconstpointer  data)
{
  static const struct
  {
    const char *sql;
    const char *table;
  } cases[] = {
    { NULL, "council_results" },
    { "PRAGMA foreign_keys = OFF; DROP TABLE council_results; "
      "CREATE TABLE council_results (election_id INTEGER NOT NULL, council_id INTEGER NOT NULL, "
      "party_id INTEGER NOT NULL REFERENCES parties (id), seats_won INTEGER NOT NULL, votes INTEGER, "
      "PRIMARY KEY (election_id, council_id, party_id)) WITHOUT ROWID;",
      "council_results" },
    { "PRAGMA foreign_keys = OFF; DROP TABLE parties; "
      "CREATE TABLE parties (id INTEGER PRIMARY KEY, key TEXT NOT NULL UNIQUE, short_name TEXT NOT NULL, "
      "full_name TEXT NOT NULL, colour TEXT NOT NULL, colour_safe TEXT NOT NULL, grp TEXT NOT NULL, "
      "position INTEGER NOT NULL);",
      "parties" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("%s/altered-%u.db", fixture->dir, i);
      g_autoptr(GError) error = NULL;
      g_autoptr(TallyDatabase) database = NULL;
      g_autofree char *expected = g_strdup_printf ("its table “%s” is not defined as Tally defines it", cases[i].table);

      if (cases[i].sql == NULL)
        {
          tally_test_make_old_database (path, 3);
          tally_test_run_sql (path, "PRAGMA user_version = 4");
        }
      else
        {
          create_new (path);
          tally_test_run_sql (path, cases[i].sql);
        }

      database = tally_database_open (path, TALLY_DATABASE_OPEN_READ_ONLY, &error);
      g_assert_null (database);
      g_assert_error (error, TALLY_DATABASE_ERROR, TALLY_DATABASE_ERROR_SCHEMA);
      g_test_message ("%s", error->message);
      g_assert_nonnull (strstr (error->message, expected));
    }
}

/* The same CHECK with another limit: the file says 2,000,000 seats. */
static void
test_changed_limit_refused (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TallyDatabase) database = NULL;
  g_autofree char *schema = NULL;
  g_autofree char *table = NULL;
  g_autofree char *sql = NULL;
  g_auto(GStrv) parts = NULL;
  const char *start;
  const char *end;

  create_new (fixture->db_path);
  schema = tally_test_schema_of (fixture->db_path);
  start = strstr (schema, "table council_results CREATE TABLE");
  g_assert_nonnull (start);
  start += strlen ("table council_results ");
  end = strstr (start, "WITHOUT ROWID");
  table = g_strndup (start, end + strlen ("WITHOUT ROWID") - start);
  parts = g_strsplit (table, "seats_won BETWEEN 0 AND 1000000", -1);
  g_assert_cmpuint (g_strv_length (parts), ==, 2);
  sql = g_strdup_printf ("PRAGMA foreign_keys = OFF; DROP TABLE council_results; %s%s%s;",
                         parts[0], "seats_won BETWEEN 0 AND 2000000", parts[1]);
  tally_test_run_sql (fixture->db_path, sql);

  database = tally_database_open (fixture->db_path, TALLY_DATABASE_OPEN_READ_ONLY, &error);
  g_assert_null (database);
  g_assert_error (error, TALLY_DATABASE_ERROR, TALLY_DATABASE_ERROR_SCHEMA);
  g_assert_nonnull (strstr (error->message, "its table “council_results” is not defined as Tally defines it"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, tally_test_folder_setup, func, tally_test_folder_teardown)
  ADD ("/schema-checks/new-file", test_new_file);
  ADD ("/schema-checks/message", test_message);
  ADD ("/schema-checks/migrate-from-3", test_migrate_from_3);
  ADD ("/schema-checks/migrate-refuses-bad-value", test_migrate_refuses_bad_value);
  ADD ("/schema-checks/altered-refused", test_altered_refused);
  ADD ("/schema-checks/changed-limit-refused", test_changed_limit_refused);
#undef ADD

  return g_test_run ();
}
