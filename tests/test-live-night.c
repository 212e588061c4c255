/* test-live-night.c: results night on the real 2018 data, ward by ward.
 *
 * A database with the Democracy Club 2018 and LEAP 2014 files imported is
 * turned into a night in progress: every 2018 contest becomes an expected
 * one, and the contests not yet "declared" are taken out (or given a later
 * declaration time).  The night's calls must then be those of the 2018 live
 * pages.  Skips without ../shared/data.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <sqlite3.h>

#include "tally-catalog.h"
#include "tally-council.h"
#include "tally-database.h"
#include "tally-live-night.h"
#include "tally-party.h"
#include "tally-results.h"
#include "tally-test-util.h"

static char *temp_dir;
static char *night_path;

/* The 2018 night with every ward declared at 01:00 UTC, and the contests
 * the night expects: made once, copied per test. */
static const char *
prepare_source (void)
{
  static gboolean tried;
  sqlite3 *db = NULL;

  /* Once, whether or not ../shared/data is there: each try made a folder. */
  if (tried)
    return night_path;
  tried = TRUE;
  if (!g_getenv ("TALLY_SHARED_DATA"))
    return NULL;

  temp_dir = tally_test_make_temp_dir ();
  /* The refresh test keeps a ward aside in held.db, here, not in the night. */
  g_assert_cmpint (g_chdir (temp_dir), ==, 0);
  if (!(night_path = tally_test_import_2018_wards (temp_dir)))
    return NULL;

  g_assert_cmpint (sqlite3_open (night_path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db,
                                 "INSERT INTO expected_contests (election_id, ward_id, ballot, seats, by_election) "
                                 "  SELECT election_id, ward_id, ballot, seats, by_election FROM contests "
                                 "  WHERE election_id = (SELECT id FROM elections WHERE date = '2018-05-03');"
                                 "INSERT INTO ward_declarations (contest_id, declared_at) "
                                 "  SELECT id, '2018-05-04T01:00:00Z' FROM contests "
                                 "  WHERE election_id = (SELECT id FROM elections WHERE date = '2018-05-03');",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);

  return night_path;
}

/* Runs @sql on the 2018 contests of council @code: ?1 is its id. */
static void
edit_council (const char *path,
              const char *code,
              const char *sql)
{
  sqlite3 *db = NULL;
  g_autofree char *full = NULL;

  full = g_strdup_printf ("CREATE TEMP VIEW mine AS SELECT ct.id AS id FROM contests ct "
                          "JOIN wards w ON w.id = ct.ward_id JOIN councils c ON c.id = w.council_id "
                          "WHERE c.code = '%s' AND ct.election_id = (SELECT id FROM elections WHERE date = '2018-05-03');"
                          "%s",
                          code, sql);
  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  if (sqlite3_exec (db, full, NULL, NULL, NULL) != SQLITE_OK)
    g_error ("%s: %s", full, sqlite3_errmsg (db));
  sqlite3_close (db);
}

static void
exec_sql (const char *path,
          const char *sql)
{
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  if (sqlite3_exec (db, sql, NULL, NULL, NULL) != SQLITE_OK)
    g_error ("%s: %s", sql, sqlite3_errmsg (db));
  sqlite3_close (db);
}

static char *
copy_night (void)
{
  const char *source = prepare_source ();
  g_autofree char *contents = NULL;
  g_autofree char *copy = NULL;
  gsize length;
  static guint counter;

  if (source == NULL)
    return NULL;

  copy = g_strdup_printf ("%s/copy-%u.db", temp_dir, ++counter);
  g_assert_true (g_file_get_contents (source, &contents, &length, NULL));
  g_assert_true (g_file_set_contents (copy, contents, length, NULL));
  return g_steal_pointer (&copy);
}

static TallyLiveNight *
open_night (const char     *path,
            TallyCatalog  **catalog_out)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TallyDatabase) database = tally_database_open (path, TALLY_DATABASE_OPEN_READ_ONLY, &error);
  g_autoptr(TallyCatalog) catalog = NULL;
  TallyLiveNight *night;

  g_assert_no_error (error);
  catalog = tally_catalog_new (database, &error);
  g_assert_no_error (error);
  night = tally_live_night_new (catalog, NULL, &error);
  g_assert_no_error (error);
  *catalog_out = g_steal_pointer (&catalog);
  return night;
}

static gboolean
has_call (TallyLiveCouncil *live,
          const char       *sentence)
{
  g_auto(GStrv) calls = tally_live_council_describe_calls (live);

  for (guint i = 0; calls[i] != NULL; i++)
    if (g_str_equal (calls[i], sentence))
      return TRUE;

  for (guint i = 0; calls[i] != NULL; i++)
    g_test_message ("call: %s", calls[i]);
  return FALSE;
}

/* Dudley: Labour's 8 wins in the first 21 wards (of its 10), so 8 + 3 < 12. */
static void
test_dudley (void)
{
  g_autofree char *path = copy_night ();
  g_autoptr(TallyCatalog) catalog = NULL;
  g_autoptr(TallyLiveNight) night = NULL;
  g_autofree char *progress = NULL;
  TallyLiveCouncil *dudley;
  TallyParty *labour;

  if (path == NULL)
    {
      g_test_skip ("no ../shared/data");
      return;
    }

  /* Two Labour wards and one Conservative ward come last, at 03:00; one
   * more Conservative ward, the 21st, at 02:00. */
  edit_council (path, "E08000027",
                "CREATE TEMP TABLE last AS SELECT id FROM mine WHERE id IN ("
                "  SELECT ca.contest_id FROM candidates ca JOIN parties p ON p.id = ca.party_id "
                "  WHERE ca.elected AND p.key = 'LAB' AND ca.contest_id IN mine ORDER BY 1 LIMIT 2) "
                "OR id IN (SELECT ca.contest_id FROM candidates ca JOIN parties p ON p.id = ca.party_id "
                "  WHERE ca.elected AND p.key = 'CON' AND ca.contest_id IN mine ORDER BY 1 LIMIT 1);"
                "UPDATE ward_declarations SET declared_at = '2018-05-04T03:00:00Z' WHERE contest_id IN last;"
                "UPDATE ward_declarations SET declared_at = '2018-05-04T02:00:00Z' WHERE contest_id = ("
                "  SELECT ca.contest_id FROM candidates ca JOIN parties p ON p.id = ca.party_id "
                "  WHERE ca.elected AND p.key = 'CON' AND ca.contest_id IN mine "
                "  AND ca.contest_id NOT IN last ORDER BY 1 LIMIT 1);");

  night = open_night (path, &catalog);
  dudley = tally_live_night_lookup (night, tally_catalog_lookup_council (catalog, "E08000027"));
  labour = tally_catalog_lookup_party (catalog, "LAB");
  g_assert_nonnull (dudley);
  g_assert_cmpuint (tally_live_council_get_wards_up (dudley), ==, 24);
  g_assert_cmpuint (tally_live_council_get_total_seats (dudley), ==, 72);

  /* 20 wards in (as at 01:30), 8 Labour: 8 + 4 = 12 is still in reach. */
  {
    g_autoptr(GDateTime) at = g_date_time_new_from_iso8601 ("2018-05-04T01:30:00Z", NULL);

    tally_live_night_set_as_at (night, at);
  }
  progress = tally_live_council_describe_progress (dudley);
  g_assert_cmpstr (progress, ==, "20 of 24 wards declared");
  g_assert_cmpuint (tally_live_council_get_seats_won (dudley, labour), ==, 8);
  g_assert_false (has_call (dudley, "Labour cannot take control of Dudley: 20 of 24 wards declared; "
                                    "it needed 12 of the 24 seats up and has won 8, with 4 to come"));

  {
    g_autoptr(GDateTime) at = g_date_time_new_from_iso8601 ("2018-05-04T02:30:00Z", NULL);

    tally_live_night_set_as_at (night, at);
  }
  g_assert_cmpuint (tally_live_council_get_state (dudley), ==, TALLY_LIVE_PARTIAL);
  g_assert_cmpuint (tally_live_council_get_seats_to_come (dudley), ==, 3);
  g_assert_true (has_call (dudley, "Labour cannot take control of Dudley: 21 of 24 wards declared; "
                                   "it needed 12 of the 24 seats up and has won 8, with 3 to come"));

  /* The whole night: Conservatives 14, Labour 10, no overall control
   * (Con 36 of 72, one short of 37). */
  tally_live_night_set_as_at (night, NULL);
  g_assert_cmpuint (tally_live_council_get_state (dudley), ==, TALLY_LIVE_DECLARED);
  g_assert_cmpuint (tally_live_council_get_seats_won (dudley, tally_catalog_lookup_party (catalog, "CON")), ==, 14);
  g_assert_true (has_call (dudley, "Dudley will remain under no overall control after all 24 wards have been declared"));
}

/* Worcester: no overall control once all its wards are in. */
static void
test_worcester (void)
{
  g_autofree char *path = copy_night ();
  g_autoptr(TallyCatalog) catalog = NULL;
  g_autoptr(TallyLiveNight) night = NULL;
  TallyLiveCouncil *worcester;
  TallyParty *party = NULL;

  if (path == NULL)
    {
      g_test_skip ("no ../shared/data");
      return;
    }

  night = open_night (path, &catalog);
  worcester = tally_live_night_lookup (night, tally_catalog_lookup_council (catalog, "E07000237"));
  g_assert_cmpuint (tally_live_council_get_state (worcester), ==, TALLY_LIVE_DECLARED);
  g_assert_cmpuint (tally_live_council_get_seats_declared (worcester), ==, 13);
  g_assert_true (has_call (worcester,
                           "Worcester will remain under no overall control after all 12 wards have been declared"));
  g_assert_true (tally_live_council_get_control_after (worcester, &party));
  g_assert_null (party);
}

/* Trafford: with its Conservative wards still to come, the others' wins
 * already put the majority out of the Conservatives' reach. */
static void
test_trafford (void)
{
  g_autofree char *path = copy_night ();
  g_autoptr(TallyCatalog) catalog = NULL;
  g_autoptr(TallyLiveNight) night = NULL;
  TallyLiveCouncil *trafford;
  TallyParty *conservative;
  guint n_calls;
  const TallyCall *calls;
  gboolean lost = FALSE;

  if (path == NULL)
    {
      g_test_skip ("no ../shared/data");
      return;
    }

  edit_council (path, "E08000009",
                "DELETE FROM contests WHERE id IN (SELECT ca.contest_id FROM candidates ca "
                "JOIN parties p ON p.id = ca.party_id WHERE ca.elected AND p.key = 'CON' AND ca.contest_id IN mine);");

  night = open_night (path, &catalog);
  trafford = tally_live_night_lookup (night, tally_catalog_lookup_council (catalog, "E08000009"));
  conservative = tally_catalog_lookup_party (catalog, "CON");
  g_assert_cmpuint (tally_live_council_get_state (trafford), ==, TALLY_LIVE_PARTIAL);
  g_assert_cmpuint (tally_live_council_get_seats_won (trafford, conservative), ==, 0);
  g_assert_true (tally_live_council_get_control_before (trafford) == conservative);

  calls = tally_live_council_get_calls (trafford, &n_calls);
  for (guint i = 0; i < n_calls; i++)
    if (calls[i].kind == TALLY_CALL_LOST && tally_live_council_get_call_party (trafford, &calls[i]) == conservative)
      {
        g_autofree char *text = tally_live_council_describe_call (trafford, &calls[i]);

        lost = TRUE;
        g_assert_true (g_str_has_prefix (text, "Conservatives have lost control of Trafford as other parties have won 15 of the 15 seats"));
        g_assert_cmpuint (calls[i].needed, ==, 10);
        g_assert_cmpuint (calls[i].to_come, ==, 7);
      }
  g_assert_true (lost);

  /* Change on the same seats: the declared wards against 2014's. */
  {
    int change;

    g_assert_true (tally_live_council_get_seats_change (trafford, conservative, &change));
    g_assert_cmpint (change, <, 0);
  }
}

/* The night as a whole, and a refresh that reads only what is new. */
static void
test_refresh (void)
{
  g_autofree char *path = copy_night ();
  g_autoptr(TallyCatalog) catalog = NULL;
  g_autoptr(TallyLiveNight) night = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *header = NULL;
  TallyLiveCouncil *dudley, *worcester;
  guint64 dudley_digest, worcester_digest;
  sqlite3 *db = NULL;

  if (path == NULL)
    {
      g_test_skip ("no ../shared/data");
      return;
    }

  /* Dudley's last ward is taken out, and put back after the night opens. */
  edit_council (path, "E08000027",
                "ATTACH 'held.db' AS h;"
                "CREATE TABLE h.held_back AS SELECT * FROM contests WHERE id = (SELECT max(id) FROM mine);"
                "CREATE TABLE h.held_back_candidates AS SELECT * FROM candidates WHERE contest_id IN (SELECT id FROM h.held_back);"
                "DELETE FROM contests WHERE id IN (SELECT id FROM h.held_back);");

  night = open_night (path, &catalog);
  dudley = tally_live_night_lookup (night, tally_catalog_lookup_council (catalog, "E08000027"));
  worcester = tally_live_night_lookup (night, tally_catalog_lookup_council (catalog, "E07000237"));
  dudley_digest = tally_live_council_get_digest (dudley);
  worcester_digest = tally_live_council_get_digest (worcester);
  worcester = tally_live_night_lookup (night, tally_catalog_lookup_council (catalog, "E07000237"));
  dudley_digest = tally_live_council_get_digest (dudley);
  worcester_digest = tally_live_council_get_digest (worcester);
  g_assert_cmpuint (tally_live_night_get_n_councils (night), ==, 150);
  g_assert_cmpuint (tally_live_night_get_n_declared (night), ==, 149);
  g_assert_cmpuint (tally_live_night_get_n_partial (night), ==, 1);
  g_assert_cmpuint (tally_live_council_get_wards_declared (dudley), ==, 23);
  g_assert_cmpuint (tally_live_night_refresh (night, &error), ==, TALLY_LIVE_CHANGE_NONE);
  g_assert_no_error (error);

  header = tally_live_night_describe (night);
  g_assert_true (g_str_has_prefix (header, "Live · 149 of 150 councils declared, 1 in progress · latest "));

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db,
                                 "ATTACH 'held.db' AS h;"
                                 "INSERT INTO contests (election_id, ward_id, ballot, seats, by_election, electorate, "
                                 "  ballots) SELECT election_id, ward_id, ballot, seats, by_election, "
                                 "  electorate, ballots FROM h.held_back;"
                                 "INSERT INTO ward_declarations VALUES (last_insert_rowid (), '2018-05-04T04:00:00Z');"
                                 "INSERT INTO candidates (contest_id, name, party_id, party_name, votes, elected) "
                                 "  SELECT (SELECT max(id) FROM contests), name, party_id, party_name, votes, elected "
                                 "  FROM h.held_back_candidates;"
                                 "DETACH h;",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);

  g_assert_cmpuint (tally_live_night_refresh (night, &error), ==,
                    TALLY_LIVE_CHANGE_WARDS | TALLY_LIVE_CHANGE_COUNCILS);
  g_assert_no_error (error);
  g_assert_cmpuint (tally_live_night_get_n_declared (night), ==, 150);
  g_assert_cmpuint (tally_live_council_get_wards_declared (dudley), ==, 24);
  g_assert_true (tally_live_night_get_latest (night) == dudley);
  /* Only the council whose ward came in reads differently. */
  g_assert_cmpuint (tally_live_council_get_digest (dudley), !=, dudley_digest);
  g_assert_cmpuint (tally_live_council_get_digest (worcester), ==, worcester_digest);
}

static TallyResults *
open_results (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TallyDatabase) database = tally_database_open (path, TALLY_DATABASE_OPEN_READ_ONLY, &error);
  g_autoptr(TallyCatalog) catalog = NULL;
  TallyResults *results;

  g_assert_no_error (error);
  catalog = tally_catalog_new (database, &error);
  g_assert_no_error (error);
  results = tally_results_new (catalog, &error);
  g_assert_no_error (error);
  return results;
}

static GListModel *
latest_results (TallyResults *results)
{
  TallyCatalog *catalog = tally_results_get_catalog (results);

  return tally_results_get_council_results (results, tally_catalog_get_latest_election (catalog), NULL);
}

/* Two engines read from the file before and after one of Dudley's wards is
 * taken out: every council's result has the digest it had, but Dudley's. */
static void
test_digests (void)
{
  g_autofree char *path = copy_night ();
  g_autoptr(TallyResults) before = NULL, again = NULL, after = NULL;
  GListModel *councils_before, *councils_again, *councils_after;
  guint n_changed = 0;

  if (path == NULL)
    {
      g_test_skip ("no ../shared/data");
      return;
    }

  before = open_results (path);
  again = open_results (path);
  edit_council (path, "E08000027", "DELETE FROM contests WHERE id = (SELECT max (id) FROM mine);");
  after = open_results (path);

  councils_before = latest_results (before);
  councils_again = latest_results (again);
  councils_after = latest_results (after);
  g_assert_cmpuint (g_list_model_get_n_items (councils_before), ==, 150);
  g_assert_cmpuint (g_list_model_get_n_items (councils_after), ==, 150);
  for (guint i = 0; i < 150; i++)
    {
      g_autoptr(TallyCouncilResult) a = g_list_model_get_item (councils_before, i);
      g_autoptr(TallyCouncilResult) b = g_list_model_get_item (councils_again, i);
      g_autoptr(TallyCouncilResult) c = g_list_model_get_item (councils_after, i);
      const char *code = tally_council_get_code (tally_council_result_get_council (a));

      g_assert_cmpstr (code, ==, tally_council_get_code (tally_council_result_get_council (c)));
      g_assert_cmpuint (tally_council_result_get_digest (a), !=, 0);
      g_assert_cmpuint (tally_council_result_get_digest (a), ==, tally_council_result_get_digest (b));
      if (g_str_equal (code, "E08000027"))
        g_assert_cmpuint (tally_council_result_get_digest (a), !=, tally_council_result_get_digest (c));
      n_changed += tally_council_result_get_digest (a) != tally_council_result_get_digest (c);
    }
  g_assert_cmpuint (n_changed, ==, 1);

  /* The engine alone counts no council declared on this night (the night
   * says which are): once the night says Adur is, its digest changes, and
   * only its. */
  {
    g_autoptr(GHashTable) declared = g_hash_table_new (NULL, NULL);
    TallyCatalog *catalog = tally_results_get_catalog (again);
    g_autoptr(GArray) digests = g_array_new (FALSE, FALSE, sizeof (guint64));
    g_autoptr(TallyCouncilResult) first = g_list_model_get_item (councils_again, 0);

    for (guint i = 0; i < 150; i++)
      {
        g_autoptr(TallyCouncilResult) result = g_list_model_get_item (councils_again, i);
        guint64 digest = tally_council_result_get_digest (result);

        g_assert_false (tally_council_result_get_declared (result));
        g_array_append_val (digests, digest);
      }
    g_autoptr(TallyFilter) everything = tally_filter_new ();
    g_autoptr(TallyScopeSummary) summary_before = tally_results_summarize (again, everything);
    g_autoptr(TallyScopeSummary) summary_after = NULL;
    guint n_declared = 99, n_councils = 0;

    g_assert_true (tally_scope_summary_get_declared (summary_before, &n_declared, &n_councils));
    g_assert_cmpuint (n_declared, ==, 0);
    g_assert_cmpuint (n_councils, ==, 150);
    g_assert_cmpstr (tally_council_get_name (tally_council_result_get_council (first)), ==, "Adur");
    g_hash_table_add (declared, tally_council_result_get_council (first));
    tally_results_set_declared (again, tally_catalog_get_latest_election (catalog), declared);
    g_assert_true (tally_council_result_get_declared (first));
    /* The summary kept for the same question is not given again once
     * the night has moved: Adur now counts. */
    summary_after = tally_results_summarize (again, everything);
    g_assert_true (summary_after != summary_before);
    g_assert_true (tally_scope_summary_get_declared (summary_after, &n_declared, &n_councils));
    g_assert_cmpuint (n_declared, ==, 1);
    n_changed = 0;
    for (guint i = 0; i < 150; i++)
      {
        g_autoptr(TallyCouncilResult) result = g_list_model_get_item (councils_again, i);
        gboolean changed = tally_council_result_get_digest (result) != g_array_index (digests, guint64, i);

        if (result == first)
          g_assert_true (changed);
        n_changed += changed;
      }
    g_assert_cmpuint (n_changed, ==, 1);
  }
}

/* Whether @other reads as @own, council by council: progress, seats,
 * control before, calls and digest.  Returns how many councils have calls. */
static guint
assert_same_night (TallyLiveNight *own,
                   TallyLiveNight *other)
{
  g_autofree char *own_header = tally_live_night_describe (own);
  g_autofree char *other_header = tally_live_night_describe (other);
  GListModel *councils;
  guint n_called = 0;

  g_assert_cmpstr (own_header, ==, other_header);
  g_assert_cmpuint (tally_live_night_get_n_declared (own), ==, tally_live_night_get_n_declared (other));
  g_assert_cmpuint (tally_live_night_get_n_partial (own), ==, tally_live_night_get_n_partial (other));
  councils = tally_live_night_get_councils (own);
  g_assert_cmpuint (g_list_model_get_n_items (councils), ==, 150);
  for (guint i = 0; i < g_list_model_get_n_items (councils); i++)
    {
      g_autoptr(TallyLiveCouncil) a = g_list_model_get_item (councils, i);
      TallyLiveCouncil *b = tally_live_night_lookup (other, tally_live_council_get_council (a));
      g_autofree char *progress_a = tally_live_council_describe_progress (a);
      g_autofree char *progress_b = NULL;
      g_auto(GStrv) calls_a = tally_live_council_describe_calls (a);
      g_auto(GStrv) calls_b = NULL;

      g_assert_nonnull (b);
      progress_b = tally_live_council_describe_progress (b);
      calls_b = tally_live_council_describe_calls (b);
      g_assert_cmpstr (progress_a, ==, progress_b);
      g_assert_cmpuint (tally_live_council_get_total_seats (a), ==, tally_live_council_get_total_seats (b));
      g_assert_cmpuint (tally_live_council_get_majority (a), ==, tally_live_council_get_majority (b));
      g_assert_cmpuint (tally_live_council_get_seats_to_come (a), ==, tally_live_council_get_seats_to_come (b));
      g_assert_true (tally_live_council_get_control_before (a) == tally_live_council_get_control_before (b));
      g_assert_cmpstrv (calls_a, calls_b);
      /* The same night read twice: the same digest, which the council list
       * trusts to skip describing a row again. */
      g_assert_cmpuint (tally_live_council_get_digest (a), ==, tally_live_council_get_digest (b));
      n_called += calls_a[0] != NULL;
    }

  return n_called;
}

/* A night made with an engine of the caller's (as the window's reload
 * does) reads as one made with its own: every council's progress, seats,
 * control before and calls, with Dudley part declared. */
static void
test_for_results (void)
{
  g_autofree char *path = copy_night ();
  g_autoptr(GError) error = NULL;
  g_autoptr(TallyDatabase) database = NULL;
  g_autoptr(TallyCatalog) catalog = NULL;
  g_autoptr(TallyResults) results = NULL;
  g_autoptr(TallyLiveNight) own = NULL;
  g_autoptr(TallyLiveNight) shared = NULL;

  if (path == NULL)
    {
      g_test_skip ("no ../shared/data");
      return;
    }
  edit_council (path, "E08000027", "DELETE FROM contests WHERE id IN (SELECT id FROM mine ORDER BY id DESC LIMIT 3);");

  database = tally_database_open (path, TALLY_DATABASE_OPEN_READ_ONLY, &error);
  g_assert_no_error (error);
  catalog = tally_catalog_new (database, &error);
  g_assert_no_error (error);
  own = tally_live_night_new (catalog, NULL, &error);
  g_assert_no_error (error);
  results = tally_results_new (catalog, &error);
  g_assert_no_error (error);
  shared = tally_live_night_new_for_results (results, NULL, &error);
  g_assert_no_error (error);

  g_assert_cmpuint (tally_live_night_get_n_partial (shared), ==, 1);
  /* The comparison covers councils with calls: Dudley among them. */
  g_assert_cmpuint (assert_same_night (own, shared), >, 1);
}

/* The window's reload makes each night from the one shown: the contests
 * written since are read (here the 40 newest, which bring wards and whole
 * councils in), and the baseline's wards are taken; the night reads as one
 * made afresh.  When the baseline's contests changed (one of 2014's taken
 * away), nothing is taken and the night still reads as one made afresh. */
static void
test_following (void)
{
  g_autofree char *before_path = copy_night ();
  g_autofree char *now_path = copy_night ();
  g_autofree char *changed_path = copy_night ();
  g_autoptr(TallyCatalog) before_catalog = NULL;
  g_autoptr(TallyLiveNight) before = NULL;
  const char *paths[2];

  if (before_path == NULL)
    {
      g_test_skip ("no ../shared/data");
      return;
    }
  exec_sql (before_path, "DELETE FROM contests WHERE id IN (SELECT id FROM contests WHERE election_id = "
                         "(SELECT id FROM elections WHERE date = '2018-05-03') ORDER BY id DESC LIMIT 40);");
  exec_sql (changed_path, "DELETE FROM contests WHERE id = (SELECT min(id) FROM contests WHERE election_id = "
                          "(SELECT id FROM elections WHERE date = '2014-05-22'));");
  before = open_night (before_path, &before_catalog);
  paths[0] = now_path;
  paths[1] = changed_path;

  for (guint i = 0; i < G_N_ELEMENTS (paths); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(TallyCatalog) catalog = NULL;
      g_autoptr(TallyLiveNight) own = open_night (paths[i], &catalog);
      g_autoptr(TallyResults) results = tally_results_new (catalog, &error);
      g_autoptr(TallyLiveNight) following = NULL;

      g_assert_no_error (error);
      following = tally_live_night_new_following (results, before, &error);
      g_assert_no_error (error);
      /* Not the night before: the newest contests are in. */
      g_assert_cmpuint (tally_live_night_get_n_wards (following), >, tally_live_night_get_n_wards (before));
      g_assert_cmpuint (assert_same_night (own, following), >, 1);
    }

  /* Nothing written since: every contest taken, none read, and counted. */
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(TallyResults) results = tally_results_new (before_catalog, &error);
    g_autoptr(TallyLiveNight) again = NULL;

    g_assert_no_error (error);
    again = tally_live_night_new_following (results, before, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (tally_live_night_get_n_wards (again), ==, tally_live_night_get_n_wards (before));
    g_assert_cmpuint (assert_same_night (before, again), >, 1);
  }
}

int
main (int    argc,
      char **argv)
{
  int status;

  g_test_init (&argc, &argv, NULL);
  g_setenv ("TZ", "UTC", TRUE);

  g_test_add_func ("/live/night/dudley", test_dudley);
  g_test_add_func ("/live/night/worcester", test_worcester);
  g_test_add_func ("/live/night/trafford", test_trafford);
  g_test_add_func ("/live/night/refresh", test_refresh);
  g_test_add_func ("/live/night/for-results", test_for_results);
  g_test_add_func ("/live/night/following", test_following);
  g_test_add_func ("/live/night/digests", test_digests);

  status = g_test_run ();
  if (temp_dir != NULL)
    tally_test_remove_dir (temp_dir);
  return status;
}
