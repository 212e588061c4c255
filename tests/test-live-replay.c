/* test-live-replay.c: `tally replay` of the real 2018 night, ward by ward.
 *
 * The source is the Democracy Club 2018 and LEAP 2014 files imported as a
 * user would.  A replay as fast as possible must end at exactly the figures
 * of the night it replays; the calls of the 2018 live pages must appear
 * the moment an order of wards allows them, played one ward at a time; a
 * bad order file is refused with file, line and field; `tally summary` gives
 * the calls and the night at an earlier moment; a writer killed with
 * SIGKILL in the middle of a council leaves every ward whole and can be
 * resumed; and readers (`tally summary` processes and a plain SQLite
 * reader) never see half a ward while a replay writes.  Skips without
 * ../shared/data.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <signal.h>
#include <stdio.h>
#include <sqlite3.h>
#include <sys/wait.h>

#include "tally-catalog.h"
#include "tally-council.h"
#include "tally-database.h"
#include "tally-election.h"
#include "tally-live-night.h"
#include "tally-party.h"
#include "tally-replay.h"
#include "tally-results.h"
#include "tally-test-util.h"

static char *temp_dir;
static char *source_path;

static const char *
source (void)
{
  if (source_path == NULL && g_getenv ("TALLY_SHARED_DATA") != NULL)
    source_path = tally_test_import_2018_wards (temp_dir);
  return source_path;
}

static char *
fresh_path (const char *name)
{
  static guint counter;

  return g_strdup_printf ("%s/%s-%u.db", temp_dir, name, ++counter);
}

static char *
summary_of (const char *path,
            gboolean    councils)
{
  g_auto(TallyTestRun) run = { 0 };

  tally_test_run_tally (&run, temp_dir,
                        councils ? (const char *[]) { "summary", "--database", path, "--councils", "--csv", NULL }
                                 : (const char *[]) { "summary", "--database", path, "--csv", NULL });
  g_assert_cmpint (run.status, ==, 0);
  return g_steal_pointer (&run.out);
}

/* The whole night as fast as possible: the same figures as its source. */
static void
test_full_night (void)
{
  g_autofree char *target = fresh_path ("full");
  g_autofree char *want = NULL, *got = NULL, *want_councils = NULL, *got_councils = NULL;
  g_auto(TallyTestRun) run = { 0 };

  if (source () == NULL)
    {
      g_test_skip ("no ../shared/data");
      return;
    }

  tally_test_run_tally (&run, temp_dir,
                        (const char *[]) { "replay", "--from", source (), "--database", target, "--seed", "5",
                                           "--speed", "max", "--quiet", NULL });
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "Declared 2749 wards into"));
  g_assert_nonnull (strstr (run.out, "seed 5"));

  want = summary_of (source (), FALSE);
  got = summary_of (target, FALSE);
  g_assert_cmpstr (got, ==, want);
  want_councils = summary_of (source (), TRUE);
  got_councils = summary_of (target, TRUE);
  g_assert_cmpstr (got_councils, ==, want_councils);

  g_assert_cmpint (tally_test_query_int (target, "SELECT count(*) FROM declarations WHERE election_id = "
                                                 "(SELECT id FROM elections WHERE date = '2018-05-03')"), ==, 150);
  g_assert_cmpint (tally_test_query_int (target, "SELECT count(*) FROM ward_declarations"), ==, 2749);
}

/* The same seed, the same night; another seed, another. */
static void
test_seed (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TallyReplay) a = NULL, b = NULL;
  gboolean differs = FALSE;

  if (source () == NULL)
    {
      g_test_skip ("no ../shared/data");
      return;
    }

  a = tally_replay_new (source (), NULL, &error);
  g_assert_no_error (error);
  b = tally_replay_new (source (), "2018-05-03", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (tally_replay_get_n_wards (a), ==, 2749);

  tally_replay_set_default_order (a, 42);
  tally_replay_set_default_order (b, 42);
  g_assert_cmpuint (tally_replay_get_n_steps (a), ==, 2749);
  for (guint i = 0; i < tally_replay_get_n_steps (a); i++)
    {
      g_autofree char *x = tally_replay_describe_step (a, i);
      g_autofree char *y = tally_replay_describe_step (b, i);

      g_assert_cmpstr (x, ==, y);
      if (i > 0)
        g_assert_cmpint (tally_replay_get_step_time (a, i), >=, tally_replay_get_step_time (a, i - 1));
    }

  tally_replay_set_default_order (b, 43);
  for (guint i = 0; i < tally_replay_get_n_steps (a) && !differs; i++)
    {
      g_autofree char *x = tally_replay_describe_step (a, i);
      g_autofree char *y = tally_replay_describe_step (b, i);

      differs = !g_str_equal (x, y);
    }
  g_assert_true (differs);
}

static void
expect_order_error (const char *contents,
                    const char *message)
{
  g_autofree char *order = g_build_filename (temp_dir, "order.csv", NULL);
  g_autofree char *target = fresh_path ("bad");
  g_auto(TallyTestRun) run = { 0 };

  g_assert_true (g_file_set_contents (order, contents, -1, NULL));
  tally_test_run_tally (&run, temp_dir,
                        (const char *[]) { "replay", "--from", source (), "--database", target, "--order", order,
                                           NULL });
  g_assert_cmpint (run.status, ==, 1);
  if (strstr (run.err, message) == NULL)
    g_error ("expected “%s” in: %s", message, run.err);
  /* Nothing is made from a bad order. */
  g_assert_false (g_file_test (target, G_FILE_TEST_EXISTS));
}

static void
test_order_errors (void)
{
  if (source () == NULL)
    {
      g_test_skip ("no ../shared/data");
      return;
    }

  expect_order_error ("council,ward,time\nDudley,Amblecote,01:10\nAtlantis,Amblecote,01:12\n",
                      "order.csv, line 3, field “council”: no council “Atlantis” holds an election on 2018-05-03");
  expect_order_error ("council,ward,time\nE08000027,Nowhere,01:10\n",
                      "order.csv, line 2, field “ward”: Dudley declares no ward “Nowhere” on 2018-05-03");
  expect_order_error ("council,ward,time\nDudley,Amblecote,01:10\nDudley,amblecote,01:20\n",
                      "order.csv, line 3, field “ward”: “amblecote” is declared twice");
  expect_order_error ("council,ward,time\nDudley,Amblecote,25:61\n",
                      "order.csv, line 2, field “time”: “25:61” is not a time");
  expect_order_error ("council,ward,time\nDudley,Amblecote,02:10\nDudley,Belle Vale,01:10\n",
                      "order.csv, line 3, field “time”: 01:10 is earlier than the ward before it");
  expect_order_error ("council,time\nDudley,01:10\n", "order.csv, line 1: the header needs a “ward” column");
  expect_order_error ("council,ward,time\nDudley,Amblecote\n", "order.csv, line 2: 2 fields where the header has 3");
  expect_order_error ("council,ward,time\nDudley,\"Amble\"cote,01:10\n", "order.csv, line 2");
}

typedef struct
{
  const char *code;
  const char *first;      /* SQL condition on the winner's party key: these wards first */
  const char *last;       /* ... and these last (NULL: none) */
} OrderSpec;

/* An order file of one council's wards: those whose winners match
 * @spec->first, then the rest, then @spec->last, a minute apart; within each
 * group by ward name, so that the order is the same on every run. */
static char *
write_order (const OrderSpec *spec,
             guint           *n_wards)
{
  g_autofree char *sql = NULL;
  g_autofree char *rows = NULL;
  g_autofree char *path = g_build_filename (temp_dir, "calls.csv", NULL);
  g_auto(GStrv) lines = NULL;
  GString *text = g_string_new ("council,ward,time\n");

  sql = g_strdup_printf ("SELECT w.name, CASE WHEN %s THEN 0 WHEN %s THEN 2 ELSE 1 END AS grp FROM contests ct "
                         "JOIN wards w ON w.id = ct.ward_id JOIN councils c ON c.id = w.council_id "
                         "LEFT JOIN candidates ca ON ca.contest_id = ct.id AND ca.elected "
                         "LEFT JOIN parties p ON p.id = ca.party_id "
                         "WHERE c.code = '%s' AND ct.election_id = (SELECT id FROM elections WHERE date = '2018-05-03') "
                         "GROUP BY w.id ORDER BY grp, w.name",
                         spec->first, spec->last ? spec->last : "0", spec->code);
  rows = tally_test_query_rows (source (), sql);
  lines = g_strsplit (rows, "\n", -1);

  *n_wards = 0;
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_auto(GStrv) fields = g_strsplit (lines[i], "|", -1);

      if (lines[i][0] == '\0')
        continue;
      (*n_wards)++;
      g_string_append_printf (text, "%s,\"%s\",2018-05-04T%02u:%02u:00Z\n", spec->code, fields[0],
                              1 + *n_wards / 60, *n_wards % 60);
    }

  g_assert_true (g_file_set_contents (path, text->str, -1, NULL));
  g_string_free (text, TRUE);
  return g_steal_pointer (&path);
}

static gboolean
has_call_prefix (TallyLiveCouncil *live,
                 const char       *prefix)
{
  g_auto(GStrv) calls = tally_live_council_describe_calls (live);

  for (guint i = 0; calls[i] != NULL; i++)
    if (g_str_has_prefix (calls[i], prefix))
      return TRUE;
  return FALSE;
}

/* Plays @spec's order one ward at a time with a night following the
 * target, and returns the first step (1-based) after which a call starting
 * with @prefix is made, 0 for never; @sentence gets that call. */
static guint
play (const OrderSpec  *spec,
      const char       *prefix,
      guint            *n_wards,
      char            **sentence)
{
  g_autofree char *order = write_order (spec, n_wards);
  g_autofree char *target = fresh_path ("calls");
  g_autoptr(GFile) file = g_file_new_for_path (order);
  g_autoptr(GError) error = NULL;
  g_autoptr(TallyReplay) replay = tally_replay_new (source (), NULL, &error);
  g_autoptr(TallyDatabase) database = NULL;
  g_autoptr(TallyCatalog) catalog = NULL;
  g_autoptr(TallyLiveNight) night = NULL;
  TallyLiveCouncil *live;
  guint first = 0;

  g_assert_no_error (error);
  g_assert_true (tally_replay_set_order_file (replay, file, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (tally_replay_get_n_steps (replay), ==, *n_wards);
  g_assert_true (tally_replay_prepare (replay, target, FALSE, &error));
  g_assert_no_error (error);

  database = tally_database_open (target, TALLY_DATABASE_OPEN_READ_ONLY, &error);
  g_assert_no_error (error);
  catalog = tally_catalog_new (database, &error);
  g_assert_no_error (error);
  night = tally_live_night_new (catalog, NULL, &error);
  g_assert_no_error (error);
  live = tally_live_night_lookup (night, tally_catalog_lookup_council (catalog, spec->code));
  g_assert_nonnull (live);
  g_assert_cmpuint (tally_live_council_get_state (live), ==, TALLY_LIVE_NOT_DECLARED);

  for (guint i = 0; i < tally_replay_get_n_steps (replay); i++)
    {
      g_assert_true (tally_replay_declare (replay, i, &error));
      g_assert_no_error (error);
      g_assert_cmpuint (tally_live_night_refresh (night, &error) & TALLY_LIVE_CHANGE_WARDS, !=, 0);
      g_assert_no_error (error);
      g_assert_cmpuint (tally_live_council_get_wards_declared (live), ==, i + 1);

      if (first == 0 && has_call_prefix (live, prefix))
        {
          g_auto(GStrv) calls = tally_live_council_describe_calls (live);

          first = i + 1;
          for (guint j = 0; calls[j] != NULL; j++)
            if (g_str_has_prefix (calls[j], prefix))
              *sentence = g_strdup (calls[j]);
        }
    }

  g_assert_cmpuint (tally_live_council_get_state (live), ==, TALLY_LIVE_DECLARED);
  g_assert_cmpuint (tally_live_night_get_n_declared (night), ==, 1);
  return first;
}

/* Dudley: Labour's wards last, the arithmetic rules Labour out with 21 of
 * the 24 declared (8 won, 3 to come, 12 needed). */
static void
test_dudley (void)
{
  /* Two of Labour's ten wards and a Conservative one last; the 21st, by
   * name, is Conservative; the first 20 hold Labour's other 8. */
  const OrderSpec spec = {
    "E08000027",
    "0",
    "w.name IN ('St Jamess', 'St Thomass', 'Wordsley')",
  };
  g_autofree char *sentence = NULL;
  guint n_wards, at;

  if (source () == NULL)
    {
      g_test_skip ("no ../shared/data");
      return;
    }

  at = play (&spec, "Labour cannot take control of Dudley", &n_wards, &sentence);
  g_assert_cmpuint (n_wards, ==, 24);
  g_assert_cmpuint (at, ==, 21);
  g_assert_cmpstr (sentence, ==, "Labour cannot take control of Dudley: 21 of 24 wards declared; "
                                 "it needed 12 of the 24 seats up and has won 8, with 3 to come");
}

/* Worcester: no overall control, and said only once every ward is in. */
static void
test_worcester (void)
{
  /* Two-seat Warndon last: with 6 won and 2 to come the Conservatives can
   * still reach the 7 of the 13 seats up they need, until it declares. */
  const OrderSpec spec = { "E07000237", "0", "w.name = 'Warndon'" };
  g_autofree char *sentence = NULL;
  guint n_wards, at;

  if (source () == NULL)
    {
      g_test_skip ("no ../shared/data");
      return;
    }

  at = play (&spec, "Worcester will remain under no overall control", &n_wards, &sentence);
  g_assert_cmpuint (n_wards, ==, 12);
  g_assert_cmpuint (at, ==, n_wards);
  g_assert_cmpstr (sentence, ==, "Worcester will remain under no overall control after all 12 wards have been declared");
}

/* Trafford: the Conservative wards last; control is lost before them. */
static void
test_trafford (void)
{
  const OrderSpec spec = { "E08000009", "0", "p.key = 'CON'" };
  g_autofree char *sentence = NULL;
  guint n_wards, at;

  if (source () == NULL)
    {
      g_test_skip ("no ../shared/data");
      return;
    }

  at = play (&spec, "Conservatives have lost control of Trafford", &n_wards, &sentence);
  g_assert_cmpuint (n_wards, ==, 21);
  g_assert_cmpuint (at, >, 0);
  g_assert_cmpuint (at, <, n_wards);
  g_assert_cmpuint (at, ==, 12);
  g_assert_cmpstr (sentence, ==, "Conservatives have lost control of Trafford as other parties have won 13 of the 13 "
                                 "seats declared so far: 12 of 21 wards declared; it needed 10 of the 22 seats up and "
                                 "has won 0, with 9 to come");
}

/* Richmond upon Thames: the Liberal Democrats' wards first; the gain is
 * certain before the last ward. */
static void
test_gain (void)
{
  const OrderSpec spec = { "E09000027", "p.key = 'LD'", NULL };
  g_autofree char *sentence = NULL;
  guint n_wards, at;

  if (source () == NULL)
    {
      g_test_skip ("no ../shared/data");
      return;
    }

  at = play (&spec, "Liberal Democrats have gained control of Richmond upon Thames", &n_wards, &sentence);
  g_assert_cmpuint (at, >, 0);
  g_assert_cmpuint (n_wards, ==, 18);
  g_assert_cmpuint (at, ==, 12);
  g_assert_cmpstr (sentence, ==, "Liberal Democrats have gained control of Richmond upon Thames: 12 of 18 wards "
                                 "declared; it needed 28 of the 54 seats up and has won 29, with 18 to come");
}

static char *
run_summary (const char * const *args)
{
  g_auto(TallyTestRun) run = { 0 };

  tally_test_run_tally (&run, temp_dir, args);
  if (run.status != 0)
    g_error ("tally summary: %s", run.err);
  return g_steal_pointer (&run.out);
}

static void
assert_has (const char *text,
            const char *line)
{
  if (strstr (text, line) == NULL)
    g_error ("expected “%s” in:\n%s", line, text);
}

/* `tally summary` of Dudley's night, a ward a minute from 01:01: the calls
 * with --councils, and the night at an earlier moment with --as-at. */
static void
test_summary (void)
{
  const OrderSpec spec = { "E08000027", "0", "w.name IN ('St Jamess', 'St Thomass', 'Wordsley')" };
  g_autofree char *order = NULL;
  g_autofree char *target = fresh_path ("summary");
  g_autofree char *at_21 = NULL, *at_20 = NULL, *state_21 = NULL, *end = NULL;
  g_auto(TallyTestRun) run = { 0 };
  guint n_wards;

  if (source () == NULL)
    {
      g_test_skip ("no ../shared/data");
      return;
    }

  order = write_order (&spec, &n_wards);
  tally_test_run_tally (&run, temp_dir,
                        (const char *[]) { "replay", "--from", source (), "--database", target, "--order", order,
                                           "--speed", "max", NULL });
  g_assert_cmpint (run.status, ==, 0);
  assert_has (run.out, "01:21 Dudley, Wollaston and Stourbridge Town\n");
  assert_has (run.out, "2725 wards are not in the order and stay undeclared\n");
  tally_test_run_clear (&run);

  at_21 = run_summary ((const char *[]) { "summary", "--database", target, "--councils",
                                          "--as-at", "2018-05-04T01:21:00Z", NULL });
  assert_has (at_21, "\nCalls\n  Labour cannot take control of Dudley: 21 of 24 wards declared; it needed 12 of "
                     "the 24 seats up and has won 8, with 3 to come\n");
  assert_has (at_21, "\n149 councils not yet declared\n");

  at_20 = run_summary ((const char *[]) { "summary", "--database", target, "--councils",
                                          "--as-at", "2018-05-04T01:20:00Z", NULL });
  g_assert_null (strstr (at_20, "cannot take control"));
  assert_has (at_20, "\nCounting, no call yet\n  Dudley: 20 of 24 wards declared\n");

  state_21 = run_summary ((const char *[]) { "summary", "--database", target, "--as-at", "01:21", NULL });
  assert_has (state_21, "As at 01:21 · 0 of 150 councils declared, 1 in progress · latest 01:21 Dudley\n");
  assert_has (state_21, "Scope: after 0 of 150 councils;");
  /* No council has declared, so none is "left out" of the seat change:
   * the eight on new boundaries are named once they are in it. */
  g_assert_null (strstr (state_21, "Left out of the seat change"));

  end = run_summary ((const char *[]) { "summary", "--database", target, "--councils", NULL });
  assert_has (end, "  Dudley will remain under no overall control after all 24 wards have been declared\n");
  assert_has (end, "\n149 councils not yet declared\n");

  tally_test_run_tally (&run, temp_dir, (const char *[]) { "summary", "--database", target, "--as-at", "25:00", NULL });
  g_assert_cmpint (run.status, ==, 1);
  assert_has (run.err, "tally summary: “25:00” is not a time");
}

static GPid
spawn_tally (const char * const *args)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  GPid pid;

  g_ptr_array_add (argv, (char *) g_getenv ("TALLY_BIN"));
  for (; *args != NULL; args++)
    g_ptr_array_add (argv, (char *) *args);
  g_ptr_array_add (argv, NULL);

  g_spawn_async (NULL, (char **) argv->pdata, NULL,
                 G_SPAWN_DO_NOT_REAP_CHILD | G_SPAWN_STDOUT_TO_DEV_NULL, NULL, NULL, &pid, &error);
  g_assert_no_error (error);
  return pid;
}

static gint64
query_int (sqlite3    *db,
           const char *sql)
{
  sqlite3_stmt *stmt = NULL;
  gint64 value;

  if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) != SQLITE_OK)
    g_error ("%s: %s", sql, sqlite3_errmsg (db));
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  return value;
}

/* Every ward in the file is whole: each contest has its declaration time
 * and as many candidates as the source gives that ward, and a council is in
 * declarations exactly when all its expected contests are in.  Read in one
 * transaction, as any reader reads.  Returns the contests seen. */
static gint64
check_whole (sqlite3    *db,
             GHashTable *candidates_by_ward)
{
  sqlite3_stmt *stmt = NULL;
  gint64 n = 0;

  g_assert_cmpint (sqlite3_exec (db, "BEGIN", NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db,
                                       "SELECT ct.ward_id, (SELECT count(*) FROM candidates ca WHERE ca.contest_id = ct.id), "
                                       "EXISTS (SELECT 1 FROM ward_declarations wd WHERE wd.contest_id = ct.id) "
                                       "FROM contests ct WHERE ct.election_id = (SELECT id FROM elections WHERE date = '2018-05-03')",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      gint64 ward = sqlite3_column_int64 (stmt, 0);

      g_assert_cmpint (sqlite3_column_int64 (stmt, 1), ==,
                       GPOINTER_TO_INT (g_hash_table_lookup (candidates_by_ward, &ward)));
      g_assert_cmpint (sqlite3_column_int (stmt, 2), ==, 1);
      n++;
    }
  sqlite3_finalize (stmt);

  /* Councils declared, and councils with every expected contest in: the
   * same (those with only by-elections are not the night's councils). */
  g_assert_cmpint (query_int (db, "WITH e AS (SELECT w.council_id AS c, count(*) AS n FROM expected_contests ec "
                                  "  JOIN wards w ON w.id = ec.ward_id JOIN council_elections ce "
                                  "  ON ce.council_id = w.council_id AND ce.election_id = ec.election_id "
                                  "  AND ce.seats_up > 0 GROUP BY 1), "
                                  "d AS (SELECT w.council_id AS c, count(*) AS n FROM contests ct JOIN wards w "
                                  "  ON w.id = ct.ward_id WHERE ct.election_id = (SELECT id FROM elections "
                                  "  WHERE date = '2018-05-03') GROUP BY 1) "
                                  "SELECT count(*) FROM e LEFT JOIN d ON d.c = e.c "
                                  "WHERE (coalesce (d.n, 0) = e.n) != EXISTS (SELECT 1 FROM declarations x "
                                  "  WHERE x.council_id = e.c AND x.election_id = (SELECT id FROM elections "
                                  "  WHERE date = '2018-05-03'))"), ==, 0);
  g_assert_cmpint (sqlite3_exec (db, "COMMIT", NULL, NULL, NULL), ==, SQLITE_OK);
  return n;
}

static GHashTable *
candidates_by_ward (void)
{
  GHashTable *table = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  g_autofree char *rows = tally_test_query_rows (source (),
                                                 "SELECT ct.ward_id, count(ca.id) FROM contests ct "
                                                 "JOIN candidates ca ON ca.contest_id = ct.id "
                                                 "WHERE ct.election_id = (SELECT id FROM elections WHERE date = '2018-05-03') "
                                                 "GROUP BY ct.id");
  g_auto(GStrv) lines = g_strsplit (rows, "\n", -1);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      gint64 ward, count;

      if (sscanf (lines[i], "%" G_GINT64_FORMAT "|%" G_GINT64_FORMAT, &ward, &count) == 2)
        g_hash_table_insert (table, g_memdup2 (&ward, sizeof ward), GINT_TO_POINTER ((int) count));
    }
  return table;
}

/* A writer killed with SIGKILL in the middle of Dudley: every ward it wrote
 * is whole, the council is not declared, and a resumed replay finishes it
 * with the source's figures. */
static void
test_killed_writer (void)
{
  const OrderSpec spec = { "E08000027", "0", NULL };
  g_autofree char *order = NULL;
  g_autofree char *target = fresh_path ("killed");
  g_autoptr(GHashTable) wards = NULL;
  g_autofree char *want = NULL, *got = NULL, *integrity = NULL;
  g_auto(TallyTestRun) run = { 0 };
  sqlite3 *db = NULL;
  gint64 seen = 0;
  guint n_wards;
  GPid pid;
  int status;

  if (source () == NULL)
    {
      g_test_skip ("no ../shared/data");
      return;
    }

  order = write_order (&spec, &n_wards);
  wards = candidates_by_ward ();
  /* A minute apart at x600: a ward every tenth of a second. */
  pid = spawn_tally ((const char *[]) { "replay", "--from", source (), "--database", target, "--order", order,
                                        "--speed", "x600", NULL });

  /* Until five wards are in (the file appears once it is ready). */
  for (guint tries = 0; seen < 5; tries++)
    {
      g_assert_cmpuint (tries, <, 3000);
      g_usleep (10 * 1000);
      if (db == NULL && g_file_test (target, G_FILE_TEST_EXISTS))
        g_assert_cmpint (sqlite3_open_v2 (target, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
      if (db != NULL)
        seen = query_int (db, "SELECT count(*) FROM ward_declarations");
    }
  kill (pid, SIGKILL);
  g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
  g_spawn_close_pid (pid);
  g_assert_true (WIFSIGNALED (status) && WTERMSIG (status) == SIGKILL);
  sqlite3_close (db);

  g_assert_cmpint (sqlite3_open_v2 (target, &db, SQLITE_OPEN_READWRITE, NULL), ==, SQLITE_OK);
  integrity = tally_test_query_rows (target, "PRAGMA integrity_check");
  g_assert_cmpstr (integrity, ==, "ok\n");
  seen = check_whole (db, wards);
  g_assert_cmpint (seen, >=, 5);
  g_assert_cmpint (seen, <, n_wards);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM declarations"), ==, 0);
  sqlite3_close (db);

  tally_test_run_tally (&run, temp_dir, (const char *[]) { "summary", "--database", target, NULL });
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "Scope: after 0 of 150 councils"));
  tally_test_run_clear (&run);

  tally_test_run_tally (&run, temp_dir,
                        (const char *[]) { "replay", "--from", source (), "--database", target, "--order", order,
                                           "--speed", "max", "--resume", "--quiet", NULL });
  g_assert_cmpint (run.status, ==, 0);
  want = g_strdup_printf ("Declared %" G_GINT64_FORMAT " wards into", n_wards - seen);
  g_assert_nonnull (strstr (run.out, want));

  g_assert_cmpint (sqlite3_open_v2 (target, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (check_whole (db, wards), ==, n_wards);
  sqlite3_close (db);
  g_free (want);
  want = tally_test_query_rows (source (), "SELECT party_id, seats_won, votes FROM council_results WHERE council_id = "
                                           "(SELECT id FROM councils WHERE code = 'E08000027') AND election_id = 2 ORDER BY 1");
  got = tally_test_query_rows (target, "SELECT party_id, seats_won, votes FROM council_results WHERE council_id = "
                                       "(SELECT id FROM councils WHERE code = 'E08000027') AND election_id = 2 ORDER BY 1");
  g_assert_cmpstr (got, ==, want);
}

/* While a whole night is replayed as fast as possible, `tally summary`
 * processes and a plain SQLite reader never see half a ward: every ward
 * whole, "after N of 150" never going back, no reader refused. */
static void
test_readers (void)
{
  g_autofree char *target = fresh_path ("readers");
  g_autoptr(GHashTable) wards = NULL;
  sqlite3 *db = NULL;
  guint last_n = 0, n_midnight = 0, n_looks = 0;
  gboolean finished = FALSE;
  GPid pid;
  int status;

  if (source () == NULL)
    {
      g_test_skip ("no ../shared/data");
      return;
    }

  wards = candidates_by_ward ();
  pid = spawn_tally ((const char *[]) { "replay", "--from", source (), "--database", target, "--seed", "11",
                                        "--speed", "max", "--quiet", NULL });

  while (!finished)
    {
      g_auto(TallyTestRun) run = { 0 };
      const char *scope;
      guint n = 0;

      finished = waitpid (pid, &status, WNOHANG) == pid;
      if (!g_file_test (target, G_FILE_TEST_EXISTS))
        {
          g_assert_false (finished);
          g_usleep (10 * 1000);
          continue;
        }

      if (db == NULL)
        g_assert_cmpint (sqlite3_open_v2 (target, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
      check_whole (db, wards);

      tally_test_run_tally (&run, temp_dir, (const char *[]) { "summary", "--database", target, NULL });
      g_assert_cmpint (run.status, ==, 0);
      scope = strstr (run.out, "Scope: ");
      g_assert_nonnull (scope);
      if (g_str_has_prefix (scope, "Scope: all 150 councils declared"))
        n = 150;
      else
        g_assert_cmpint (sscanf (scope, "Scope: after %u of 150 councils", &n), ==, 1);
      g_assert_cmpuint (n, >=, last_n);
      last_n = n;
      n_looks++;
      if (n > 0 && n < 150)
        n_midnight++;
    }

  g_spawn_close_pid (pid);
  g_assert_true (WIFEXITED (status) && WEXITSTATUS (status) == 0);
  g_assert_cmpint (check_whole (db, wards), ==, 2749);
  sqlite3_close (db);
  g_test_message ("%u looks, %u in the middle of the night", n_looks, n_midnight);
  if (n_midnight == 0)
    g_test_skip ("the replay ended before a reader looked in the middle of the night");
}

/* Before the first ward of a night every party has won nothing: the
 * parties are named as they stood (councils held before the poll, then
 * seats won last time), so the list's columns, set then for the night,
 * read Lab, Con, LD first, and not in the order of the spectrum. */
static void
test_ranking_before_the_first_ward (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TallyReplay) replay = NULL;
  g_autofree char *target = fresh_path ("unranked");
  g_autoptr(TallyDatabase) database = NULL;
  g_autoptr(TallyCatalog) catalog = NULL;
  g_autoptr(TallyResults) results = NULL;
  g_autoptr(GString) keys = g_string_new (NULL);
  TallyElection *latest;
  GListModel *shown;

  if (source () == NULL)
    {
      g_test_skip ("no ../shared/data");
      return;
    }

  replay = tally_replay_new (source (), NULL, &error);
  g_assert_no_error (error);
  tally_replay_set_default_order (replay, 1);
  g_assert_true (tally_replay_prepare (replay, target, FALSE, &error));
  g_assert_no_error (error);

  database = tally_database_open (target, TALLY_DATABASE_OPEN_READ_ONLY, &error);
  g_assert_no_error (error);
  catalog = tally_catalog_new (database, &error);
  g_assert_no_error (error);
  results = tally_results_new (catalog, &error);
  g_assert_no_error (error);
  latest = tally_catalog_get_latest_election (catalog);
  shown = tally_party_ranking_get_shown (tally_results_get_ranking (results, latest, NULL, TRUE));
  for (guint i = 0; i < g_list_model_get_n_items (shown); i++)
    {
      g_autoptr(TallyParty) party = g_list_model_get_item (shown, i);

      g_string_append_printf (keys, "%s%s", i > 0 ? " " : "", tally_party_get_key (party));
    }
  g_test_message ("before the first ward: %s", keys->str);
  g_assert_true (g_str_has_prefix (keys->str, "LAB CON LD "));
}

int
main (int    argc,
      char **argv)
{
  int status;

  g_test_init (&argc, &argv, NULL);
  g_setenv ("TZ", "UTC", TRUE);
  temp_dir = tally_test_make_temp_dir ();
  /* Nothing of the user's: data, cache (the quick-check record), settings. */
  g_setenv ("XDG_DATA_HOME", temp_dir, TRUE);
  g_setenv ("XDG_CACHE_HOME", temp_dir, TRUE);
  g_setenv ("XDG_CONFIG_HOME", temp_dir, TRUE);

  g_test_add_func ("/live/replay/full-night", test_full_night);
  g_test_add_func ("/live/replay/seed", test_seed);
  g_test_add_func ("/live/replay/order-errors", test_order_errors);
  g_test_add_func ("/live/replay/dudley", test_dudley);
  g_test_add_func ("/live/replay/worcester", test_worcester);
  g_test_add_func ("/live/replay/trafford", test_trafford);
  g_test_add_func ("/live/replay/gain", test_gain);
  g_test_add_func ("/live/replay/ranking-before-the-first-ward", test_ranking_before_the_first_ward);
  g_test_add_func ("/live/replay/summary", test_summary);
  g_test_add_func ("/live/replay/killed-writer", test_killed_writer);
  g_test_add_func ("/live/replay/readers", test_readers);

  status = g_test_run ();
  tally_test_remove_dir (temp_dir);
  return status;
}
