/* test-share-estimate.c: the national share estimate on the real 2018 data.
 *
 * Without candidate rows (the bundled database) there is no estimate, and
 * it says why and which import gives one.  With the Democracy Club 2018
 * file imported (read where it is, TALLY_SHARED_DATA; skipped without it)
 * the engine's figures must equal the same estimate recomputed here by SQL
 * from the candidates table: each party's best candidate per ward poll,
 * over the polls where Conservative, Labour and Liberal Democrat candidates
 * all stood.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <math.h>
#include <string.h>

#include "tally-catalog.h"
#include "tally-filter.h"
#include "tally-import.h"
#include "tally-party.h"
#include "tally-results.h"
#include "tally-scope-summary.h"
#include "tally-share-estimate.h"
#include "tally-test-util.h"

typedef TallyTestImportFixture Fixture;

typedef struct
{
  TallyDatabase     *database;
  TallyCatalog      *catalog;
  TallyResults      *results;
  TallyFilter       *filter;
  TallyScopeSummary *summary;
} Engine;

static void
engine_open (Engine     *engine,
             const char *db_path)
{
  g_autoptr(GError) error = NULL;

  engine->database = tally_test_open_read_only (db_path);
  engine->catalog = tally_catalog_new (engine->database, &error);
  g_assert_no_error (error);
  engine->results = tally_results_new (engine->catalog, &error);
  g_assert_no_error (error);
  engine->filter = tally_filter_new ();
  tally_results_set_filter (engine->results, engine->filter);
  engine->summary = tally_results_summarize (engine->results, engine->filter);
}

static void
engine_clear (Engine *engine)
{
  g_clear_object (&engine->summary);
  g_clear_object (&engine->filter);
  g_clear_object (&engine->results);
  g_clear_object (&engine->catalog);
  g_clear_object (&engine->database);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Engine, engine_clear)

/* The bundled data has council totals only: no estimate, and why. */
static void
test_without_candidates (void)
{
  g_auto(Engine) engine = { 0 };
  g_autoptr(TallyShareEstimate) estimate = NULL;
  g_autofree char *line = NULL;

  engine_open (&engine, tally_test_bundled_database ());
  estimate = tally_scope_summary_get_share_estimate (engine.summary);
  g_assert_false (tally_share_estimate_is_known (estimate));
  g_assert_cmpuint (tally_share_estimate_get_n_wards (estimate), ==, 0);
  g_assert_true (isnan (tally_share_estimate_get_share (estimate, tally_catalog_lookup_party (engine.catalog, "LAB"))));
  g_assert_null (tally_share_estimate_describe_figures (estimate));

  line = tally_share_estimate_describe (estimate);
  g_assert_true (g_str_has_prefix (line, "National share estimate: not available: it needs candidate rows"));
  g_assert_nonnull (strstr (line, "import the Democracy Club results CSV"));
}

/* The same estimate by SQL, from the candidates themselves: one row per
 * party key (CON, LAB, LD, and * for all parties), then the ward polls. */
static const char estimate_sql[] =
  "WITH regular AS (SELECT DISTINCT ct.election_id, w.council_id FROM contests ct "
  "                 JOIN wards w ON w.id = ct.ward_id WHERE ct.by_election = 0), "
  "best AS (SELECT ct.id AS contest, cd.party_id, max (cd.votes) AS votes "
  "         FROM candidates cd JOIN contests ct ON ct.id = cd.contest_id "
  "         JOIN wards w ON w.id = ct.ward_id JOIN elections e ON e.id = ct.election_id "
  "         JOIN regular r ON r.election_id = ct.election_id AND r.council_id = w.council_id "
  "         WHERE e.date = '2018-05-03' GROUP BY ct.id, cd.party_id), "
  "three AS (SELECT b.contest FROM best b JOIN parties p ON p.id = b.party_id "
  "          WHERE p.key IN ('CON', 'LAB', 'LD') GROUP BY b.contest HAVING count(*) = 3) "
  "SELECT p.key, sum (b.votes) FROM best b JOIN three t ON t.contest = b.contest "
  "JOIN parties p ON p.id = b.party_id WHERE p.key IN ('CON', 'LAB', 'LD') GROUP BY p.key "
  "UNION ALL SELECT '*', sum (b.votes) FROM best b JOIN three t ON t.contest = b.contest "
  "UNION ALL SELECT '#', count(*) FROM three ORDER BY 1";

static void
test_democracy_club (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autofree char *path = tally_test_shared_data_path ("results/dc_2018/democracyclub-results-2018-05-03_raw.csv");
  g_autoptr(TallyImportSummary) summary = NULL;
  g_autoptr(TallyShareEstimate) estimate = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(Engine) engine = { 0 };
  g_auto(TallyTestRun) run = { 0 };
  g_autofree char *rows = NULL;
  g_autofree char *method = NULL;
  g_autofree char *figures = NULL;
  g_auto(GStrv) lines = NULL;
  gint64 total, wards;

  if (path == NULL)
    {
      g_test_skip ("../shared/data/results/dc_2018 is not there");
      return;
    }

  summary = tally_test_import_one (fixture->db_path, path, &error);
  g_assert_no_error (error);

  rows = tally_test_query_rows (fixture->db_path, estimate_sql);
  lines = g_strsplit (rows, "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 6);
  g_assert_true (g_str_has_prefix (lines[0], "#|"));
  g_assert_true (g_str_has_prefix (lines[1], "*|"));
  wards = g_ascii_strtoll (lines[0] + 2, NULL, 10);
  total = g_ascii_strtoll (lines[1] + 2, NULL, 10);

  engine_open (&engine, fixture->db_path);
  estimate = tally_scope_summary_get_share_estimate (engine.summary);
  g_assert_true (tally_share_estimate_is_known (estimate));
  g_assert_cmpint (tally_share_estimate_get_n_wards (estimate), ==, wards);

  for (guint i = 2; i < 5; i++)
    {
      g_auto(GStrv) fields = g_strsplit (lines[i], "|", 2);
      TallyParty *party = tally_catalog_lookup_party (engine.catalog, fields[0]);
      double expected = 100.0 * (double) g_ascii_strtoll (fields[1], NULL, 10) / (double) total;

      g_assert_cmpfloat_with_epsilon (tally_share_estimate_get_share (estimate, party), expected, 1e-9);
    }

  /* The figures as computed on 2018's Democracy Club file: 2,108 ward polls
   * in 141 of the 150 councils had all three standing. */
  g_assert_cmpint (wards, ==, 2108);
  g_assert_cmpuint (tally_share_estimate_get_n_councils (estimate), ==, 141);
  figures = tally_share_estimate_describe_figures (estimate);
  g_assert_cmpstr (figures, ==, "Lab 39.6%, Con 31.2%, LD 16.8%, others 12.4%");
  method = tally_share_estimate_describe_method (estimate);
  g_assert_cmpstr (method, ==,
                   "top-vote share over 2,108 ward polls in 141 of 150 councils where Conservative, Labour and "
                   "Liberal Democrat candidates all stood (each party’s best candidate per ward); Tally’s "
                   "estimate, not the BBC’s projected national share");

  /* tally summary prints it with its method; its CSV gives it per party. */
  tally_test_run_tally (&run, fixture->dir,
                        (const char *[]) { "summary", "--database", fixture->db_path, NULL });
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "National share estimate: Lab 39.6%, Con 31.2%, LD 16.8%, others 12.4% "
                                     "(top-vote share over 2,108 ward polls"));
  tally_test_run_clear (&run);
  tally_test_run_tally (&run, fixture->dir,
                        (const char *[]) { "summary", "--database", fixture->db_path, "--csv", NULL });
  g_assert_cmpint (run.status, ==, 0);
  g_assert_true (g_str_has_suffix (run.lines[0], ",share_estimate,share_estimate_method,share_estimate_wards"));
  g_assert_true (g_str_has_prefix (run.lines[1], "LAB,"));
  g_assert_true (g_str_has_suffix (run.lines[1], ",39.58,top_vote_where_con_lab_ld_stood,2108"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/share-estimate/without-candidates", test_without_candidates);
  g_test_add ("/share-estimate/democracy-club", Fixture, NULL, tally_test_import_fixture_setup,
              test_democracy_club, tally_test_import_fixture_teardown);

  return g_test_run ();
}
