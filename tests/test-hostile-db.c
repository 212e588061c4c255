/* test-hostile-db.c: databases from elsewhere, and more than one process.
 *
 * A database mailed in is somebody else's code: its views, triggers and
 * odd definitions are refused before any query of Tally's runs; no query
 * runs past the query-time limit; bad values end in a message, not a GLib
 * CRITICAL; sizes that would exhaust memory are refused.  And readers that
 * meet an import's lock wait for it, seeing the data before or after the
 * import, never half of it, with real processes of the tally binary.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gstdio.h>
#include <sqlite3.h>
#include <string.h>

#include "tally-catalog.h"
#include "tally-database-private.h"
#include "tally-filter.h"
#include "tally-results.h"
#include "tally-test-util.h"

/* A copy of the bundled database, as if mailed in. */
typedef TallyTestFolder Fixture;

static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  tally_test_folder_setup (fixture, data);
  tally_test_copy_bundled (fixture->db_path);
}

#define ENDLESS "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c) "

static void
assert_refused (const char *path,
                const char *expected)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TallyDatabase) database = tally_database_open (path, TALLY_DATABASE_OPEN_READ_ONLY, &error);

  g_assert_null (database);
  g_assert_error (error, TALLY_DATABASE_ERROR, TALLY_DATABASE_ERROR_SCHEMA);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, expected));
}

/* Problem 3: a view that replaces a table Tally reads, over an endless
 * recursive query, used to hang `info` and `summary`. */
static void
test_view_replacing_table (Fixture       *fixture,
                           gconstpointer  data)
{
  g_auto(TallyTestRun) info = { 0 };
  g_auto(TallyTestRun) summary = { 0 };

  tally_test_run_sql (fixture->db_path,
           "PRAGMA foreign_keys = OFF; DROP TABLE declarations;"
           "CREATE VIEW declarations AS " ENDLESS
           "SELECT 1 AS election_id, 1 AS council_id, x AS declared_at FROM c;");

  assert_refused (fixture->db_path, "it has a view “declarations” that Tally does not make");

  tally_test_run_tally (&info, fixture->dir, (const char *[]) { "info", "--database", fixture->db_path, NULL });
  g_assert_cmpint (info.status, ==, 1);
  g_assert_nonnull (strstr (info.err, "view “declarations”"));

  tally_test_run_tally (&summary, fixture->dir, (const char *[]) { "summary", "--database", fixture->db_path, NULL });
  g_assert_cmpint (summary.status, ==, 1);
  g_assert_nonnull (strstr (summary.err, "view “declarations”"));
}

/* A trigger running a heavy query hung `import`. */
static void
test_trigger_refused (Fixture       *fixture,
                      gconstpointer  data)
{
  g_auto(TallyTestRun) import = { 0 };
  g_autofree char *csv = tally_test_data_path ("import-good.csv");
  gint64 before;

  before = tally_test_query_int (fixture->db_path, "SELECT count(*) FROM candidates");
  tally_test_run_sql (fixture->db_path,
           "CREATE TRIGGER slow AFTER INSERT ON candidates BEGIN "
           "  SELECT count(*) FROM (" ENDLESS "SELECT x FROM c); END;");

  assert_refused (fixture->db_path, "it has a trigger “slow”");

  tally_test_run_tally (&import, fixture->dir,
                        (const char *[]) { "import", "--database", fixture->db_path, csv, NULL });
  g_assert_cmpint (import.status, ==, 1);
  g_assert_nonnull (strstr (import.err, "trigger “slow”"));
  tally_test_run_sql (fixture->db_path, "DROP TRIGGER slow");
  g_assert_cmpint (tally_test_query_int (fixture->db_path, "SELECT count(*) FROM candidates"), ==, before);
}

/* A table Tally knows, defined otherwise (here without its CHECKs), and an
 * index of Tally's taken away. */
static void
test_changed_definitions (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autofree char *second = g_build_filename (fixture->dir, "second.db", NULL);
  g_autofree char *contents = NULL;
  gsize length;

  g_assert_true (g_file_get_contents (fixture->db_path, &contents, &length, NULL));
  g_assert_true (g_file_set_contents (second, contents, length, NULL));

  tally_test_run_sql (fixture->db_path,
           "PRAGMA foreign_keys = OFF; DROP TABLE declarations;"
           "CREATE TABLE declarations (election_id INTEGER, council_id INTEGER, declared_at TEXT);");
  assert_refused (fixture->db_path, "its table “declarations” is not defined as Tally defines it");

  tally_test_run_sql (second, "DROP INDEX wards_by_code;");
  assert_refused (second, "it has no index “wards_by_code”");
}

/* Every statement's time is bounded, through the progress handler. */
static void
test_query_time_limit (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TallyDatabase) database = NULL;

  database = tally_database_open (fixture->db_path, TALLY_DATABASE_OPEN_READ_ONLY, &error);
  g_assert_no_error (error);

  _tally_database_set_query_limit (database, 200);
  g_assert_false (_tally_database_exec (database, ENDLESS "SELECT count(*) FROM c", &error));
  g_assert_error (error, TALLY_DATABASE_ERROR, TALLY_DATABASE_ERROR_TOO_SLOW);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, "limit “query time”"));
  g_assert_nonnull (strstr (error->message, "TALLY_QUERY_SECONDS"));
  g_clear_error (&error);

  /* The next statement has its own time again. */
  g_assert_true (_tally_database_exec (database, "SELECT count(*) FROM councils", &error));
  g_assert_no_error (error);
}

static void
assert_catalog_refused (const char *path,
                        const char *expected)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TallyDatabase) database = tally_database_open (path, TALLY_DATABASE_OPEN_READ_ONLY, &error);
  g_autoptr(TallyCatalog) catalog = NULL;

  g_assert_no_error (error);
  catalog = tally_catalog_new (database, &error);
  g_assert_null (catalog);
  g_assert_error (error, TALLY_DATABASE_ERROR, TALLY_DATABASE_ERROR_INVALID);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, expected));
}

/* Refused by the catalogue, or at the latest by the engine when it reads
 * the election holding the value. */
static void
assert_file_refused (const char *path,
                     const char *expected)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TallyDatabase) database = tally_database_open (path, TALLY_DATABASE_OPEN_READ_ONLY, &error);
  g_autoptr(TallyCatalog) catalog = NULL;
  g_autoptr(TallyResults) results = NULL;

  g_assert_no_error (error);
  if ((catalog = tally_catalog_new (database, &error)) != NULL)
    results = tally_results_new (catalog, &error);
  g_assert_null (results);
  g_assert_error (error, TALLY_DATABASE_ERROR, TALLY_DATABASE_ERROR_INVALID);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, expected));
}

/* Problem 6: a bad colour or date gave GLib CRITICALs before the message
 * (g_test_init() makes them fatal, so reaching the message is the test). */
static void
test_bad_values (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autofree char *second = g_build_filename (fixture->dir, "second.db", NULL);
  g_autofree char *contents = NULL;
  gsize length;

  g_assert_true (g_file_get_contents (fixture->db_path, &contents, &length, NULL));
  g_assert_true (g_file_set_contents (second, contents, length, NULL));

  /* The schema's CHECKs stop these (test-schema-checks.c); a file written
   * without them would not. */
  tally_test_run_sql (fixture->db_path, "PRAGMA ignore_check_constraints = ON; UPDATE parties SET colour_safe = 'red' WHERE key = 'LAB';");
  assert_catalog_refused (fixture->db_path, "The party “LAB” has no valid colour");

  tally_test_run_sql (second, "PRAGMA ignore_check_constraints = ON; "
                              "UPDATE elections SET date = '2018-02-30' WHERE date = '2018-05-03';");
  assert_catalog_refused (second, "has no valid date");
}

/* Problem 5: seats_won = -5 showed as "4,294,966,611" seats, 10^9 wrapped,
 * text in seats_up read as 0 and votes near 2^63 overflowed a sum.  Each is
 * refused on load, naming the column and its range. */
static void
test_wrong_numbers (Fixture       *fixture,
                    gconstpointer  data)
{
  static const struct
  {
    const char *sql;
    const char *expected;
  } cases[] = {
    { "UPDATE council_results SET seats_won = -5 WHERE council_id = (SELECT min (council_id) FROM council_results)",
      "council_results.seats_won holds -5, where seats won must be a whole number from 0 to 1000000" },
    { "UPDATE council_results SET seats_won = 4294967296 WHERE council_id = (SELECT min (council_id) FROM council_results)",
      "council_results.seats_won holds 4294967296" },
    { "UPDATE council_elections SET seats_up = 'twenty' WHERE council_id = (SELECT min (council_id) FROM council_elections)",
      "council_elections.seats_up holds 'twenty'" },
    { "UPDATE council_results SET votes = 9223372036854775000 WHERE council_id = (SELECT min (council_id) FROM council_results)",
      "council_results.votes holds 9223372036854775000, where votes must be a whole number from 0 to 1000000000000" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("%s/numbers-%u.db", fixture->dir, i);
      g_autofree char *contents = NULL;
      g_autofree char *sql = g_strdup_printf ("PRAGMA ignore_check_constraints = ON; %s;", cases[i].sql);
      gsize length;

      g_assert_true (g_file_get_contents (fixture->db_path, &contents, &length, NULL));
      g_assert_true (g_file_set_contents (path, contents, length, NULL));
      tally_test_run_sql (path, sql);
      assert_file_refused (path, cases[i].expected);
    }
}

/* Cost follows the question: numbers are checked as their election is
 * read, and an election nobody asks about is not read.  A bad value in an
 * older election leaves the latest readable, and refuses the question
 * about its own election, naming the value. */
static void
test_unread_election (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TallyDatabase) database = NULL;
  g_autoptr(TallyCatalog) catalog = NULL;
  g_autoptr(TallyResults) results = NULL;
  g_autoptr(TallyFilter) filter = tally_filter_new ();
  g_autoptr(TallyScopeSummary) summary = NULL;
  g_auto(TallyTestRun) latest = { 0 };
  g_auto(TallyTestRun) older = { 0 };

  tally_test_run_sql (fixture->db_path,
           "PRAGMA ignore_check_constraints = ON; "
           "INSERT INTO elections (id, date, name) VALUES (90, '2010-05-06', 'Local elections 2010'); "
           "INSERT INTO council_elections (election_id, council_id, seats_up) "
           "  SELECT 90, min (id), 20 FROM councils; "
           "INSERT INTO council_results (election_id, council_id, party_id, seats_won) "
           "  SELECT 90, min (c.id), (SELECT min (id) FROM parties), -7 FROM councils c;");

  database = tally_database_open (fixture->db_path, TALLY_DATABASE_OPEN_READ_ONLY, &error);
  g_assert_no_error (error);
  catalog = tally_catalog_new (database, &error);
  g_assert_no_error (error);
  results = tally_results_new (catalog, &error);
  g_assert_no_error (error);

  /* 2018 against 2014 as before: 150 councils. */
  summary = tally_results_summarize (results, filter);
  g_assert_nonnull (summary);
  g_assert_cmpuint (tally_scope_summary_get_n_councils (summary), ==, 150);
  g_assert_true (tally_results_prepare (results, filter, &error));
  g_assert_no_error (error);

  tally_filter_set_election (filter, tally_catalog_lookup_election (catalog, "2010-05-06"));
  g_assert_false (tally_results_prepare (results, filter, &error));
  g_assert_error (error, TALLY_DATABASE_ERROR, TALLY_DATABASE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "council_results.seats_won holds -7"));

  tally_test_run_tally (&latest, fixture->dir, (const char *[]) { "summary", "--database", fixture->db_path, NULL });
  g_assert_cmpint (latest.status, ==, 0);
  g_assert_nonnull (strstr (latest.out, "150 councils"));
  tally_test_run_tally (&older, fixture->dir,
                        (const char *[]) { "summary", "--database", fixture->db_path, "--election", "2010-05-06", NULL });
  g_assert_cmpint (older.status, ==, 1);
  g_assert_nonnull (strstr (older.err, "council_results.seats_won holds -7"));
}

/* Problem 4: 3,000 elections and 3,000 parties made the engine allocate
 * 11 GB; sizes are checked before anything is loaded. */
static void
test_too_many (Fixture       *fixture,
               gconstpointer  data)
{
  g_autofree char *second = g_build_filename (fixture->dir, "second.db", NULL);
  g_autofree char *contents = NULL;
  gsize length;

  g_assert_true (g_file_get_contents (fixture->db_path, &contents, &length, NULL));
  g_assert_true (g_file_set_contents (second, contents, length, NULL));

  tally_test_run_sql (fixture->db_path,
           "INSERT INTO elections (date, name) "
           "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 3000) "
           "SELECT printf('%04d-01-01', 1000 + i), 'Election ' || i FROM n;");
  assert_catalog_refused (fixture->db_path, "3002 elections; Tally reads at most 200");
  assert_catalog_refused (fixture->db_path, "limit “elections per database”");

  tally_test_run_sql (second,
           "INSERT INTO elections (date, name) "
           "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 100) "
           "SELECT printf('%04d-01-01', 1000 + i), 'Election ' || i FROM n;"
           "INSERT INTO parties (key, short_name, full_name, colour, colour_safe, grp, position) "
           "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 1000) "
           "SELECT 'P' || i, 'P' || i, 'Party ' || i, '#123456', '#123456', 'other', 100 + i FROM n;");
  assert_catalog_refused (second, "limit “elections × parties × councils”");
}

/* Problems 1 and 10: a crash into a new database path left a copy of the
 * bundled database behind, and a failed import into a new nested path left
 * the folders it made.  Now neither leaves anything. */
static void
test_failed_import_leaves_nothing (Fixture       *fixture,
                                   gconstpointer  data)
{
  g_autofree char *bad_csv = tally_test_data_path ("import-bad-votes.csv");
  g_autofree char *deep = g_build_filename (fixture->dir, "deep.json", NULL);
  g_autofree char *top = g_build_filename (fixture->dir, "new", NULL);
  g_autofree char *nested = g_build_filename (top, "folders", "tally.db", NULL);
  g_autoptr(GString) json = g_string_new ("{\"type\":\"FeatureCollection\",\"features\":");
  g_auto(TallyTestRun) import = { 0 };
  g_auto(TallyTestRun) boundaries = { 0 };

  for (guint i = 0; i < 100000; i++)
    g_string_append_c (json, '[');
  g_assert_true (g_file_set_contents (deep, json->str, json->len, NULL));

  tally_test_run_tally (&import, fixture->dir, (const char *[]) { "import", "--database", nested, bad_csv, NULL });
  g_assert_cmpint (import.status, ==, 1);
  g_assert_false (g_file_test (top, G_FILE_TEST_EXISTS));

  tally_test_run_tally (&boundaries, fixture->dir,
                        (const char *[]) { "import-boundaries", "--database", nested, deep, NULL });
  g_assert_cmpint (boundaries.status, ==, 1);
  g_assert_nonnull (strstr (boundaries.err, "limit “nesting depth”"));
  g_assert_false (g_file_test (top, G_FILE_TEST_EXISTS));
}

/* Problem 8: a `tally summary` that met an import's commit failed at once
 * with "database is locked".  One writer and many readers, real processes:
 * every reader succeeds and prints the state before an import or after it. */
static char *
summary_of (const char *dir,
            const char *path)
{
  g_auto(TallyTestRun) run = { 0 };

  tally_test_run_tally (&run, dir, (const char *[]) { "summary", "--database", path, NULL });
  g_assert_cmpint (run.status, ==, 0);
  return g_steal_pointer (&run.out);
}

static void
import_into (const char *dir,
             const char *path,
             const char *csv)
{
  g_auto(TallyTestRun) run = { 0 };

  tally_test_run_tally (&run, dir, (const char *[]) { "import", "--database", path, csv, NULL });
  g_assert_cmpint (run.status, ==, 0);
}

static void
test_readers_wait (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autofree char *good = tally_test_data_path ("import-good.csv");
  g_autofree char *dc = tally_test_data_path ("import-dc.csv");
  g_autofree char *contents = NULL;
  g_autoptr(GPtrArray) states = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) readers = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GSubprocessLauncher) launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE |
                                                                       G_SUBPROCESS_FLAGS_STDERR_PIPE);
  const char *tally = g_getenv ("TALLY_BIN");
  guint n_before = 0, n_after = 0;
  gsize length;

  g_assert_true (g_file_get_contents (fixture->db_path, &contents, &length, NULL));

  /* The three states, one after the other. */
  g_ptr_array_add (states, summary_of (fixture->dir, fixture->db_path));
  import_into (fixture->dir, fixture->db_path, good);
  g_ptr_array_add (states, summary_of (fixture->dir, fixture->db_path));
  import_into (fixture->dir, fixture->db_path, dc);
  g_ptr_array_add (states, summary_of (fixture->dir, fixture->db_path));
  g_assert_cmpstr (states->pdata[0], !=, states->pdata[1]);
  g_assert_cmpstr (states->pdata[1], !=, states->pdata[2]);

  g_subprocess_launcher_unsetenv (launcher, "DISPLAY");
  g_subprocess_launcher_setenv (launcher, "XDG_DATA_HOME", fixture->dir, TRUE);

  /* The writer imports both files again and again, into a fresh copy each
   * round, while readers start one after another and overlap it.  Each
   * round's copy has a name of its own: the last round's readers may still
   * be reading, and a file put in place under the name of one they hold
   * would be read with their write-ahead log ("live.db-wal"), the earlier
   * file's pages over the new one's ("index contests_by_ward already
   * exists", seen twice under load). */
  for (guint round = 0; round < 3; round++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GSubprocess) writer = NULL;
      g_autofree char *name = g_strdup_printf ("live-%u.db", round);
      g_autofree char *live = g_build_filename (fixture->dir, name, NULL);

      g_assert_true (g_file_set_contents (live, contents, length, NULL));
      writer = g_subprocess_launcher_spawn (launcher, &error, "sh", "-c",
                                            "\"$0\" import --database \"$1\" \"$2\" && "
                                            "\"$0\" import --database \"$1\" \"$3\"",
                                            tally, live, good, dc, NULL);
      g_assert_no_error (error);

      for (guint i = 0; i < 6; i++)
        {
          GSubprocess *reader = g_subprocess_launcher_spawn (launcher, &error, tally, "summary",
                                                             "--database", live, NULL);
          g_assert_no_error (error);
          g_ptr_array_add (readers, reader);
        }

      {
        g_autofree char *out = NULL;
        g_autofree char *err = NULL;

        /* Its own words when it fails: a writer that gave up waiting for
         * the readers says so ("database is locked"), and that is the bug. */
        g_assert_true (g_subprocess_communicate_utf8 (writer, NULL, NULL, &out, &err, &error));
        g_assert_no_error (error);
        if (!g_subprocess_get_successful (writer))
          g_error ("the writer's import failed in round %u while readers read:\n%s%s", round, out, err);
      }
    }

  for (guint i = 0; i < readers->len; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *out = NULL;
      g_autofree char *err = NULL;
      gboolean known = FALSE;

      g_assert_true (g_subprocess_communicate_utf8 (readers->pdata[i], NULL, NULL, &out, &err, &error));
      g_assert_no_error (error);
      if (g_subprocess_get_exit_status (readers->pdata[i]) != 0)
        g_error ("reader %u failed: %s", i, err);

      for (guint s = 0; s < states->len; s++)
        if (g_str_equal (out, states->pdata[s]))
          {
            known = TRUE;
            if (s == 0)
              n_before++;
            else
              n_after++;
          }
      if (!known)
        g_error ("reader %u saw a state no import leaves:\n%s", i, out);
    }

  g_test_message ("%u readers: %u saw the data before an import, %u after one", readers->len, n_before, n_after);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_setup, func, tally_test_folder_teardown)
  ADD ("/hostile/view-replacing-table", test_view_replacing_table);
  ADD ("/hostile/trigger", test_trigger_refused);
  ADD ("/hostile/changed-definitions", test_changed_definitions);
  ADD ("/hostile/query-time-limit", test_query_time_limit);
  ADD ("/hostile/bad-values", test_bad_values);
  ADD ("/hostile/wrong-numbers", test_wrong_numbers);
  ADD ("/hostile/unread-election", test_unread_election);
  ADD ("/hostile/too-many", test_too_many);
  ADD ("/hostile/failed-import-leaves-nothing", test_failed_import_leaves_nothing);
  ADD ("/hostile/readers-wait", test_readers_wait);
#undef ADD

  return g_test_run ();
}
