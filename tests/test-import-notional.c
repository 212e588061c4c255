/* test-import-notional.c: notional baselines imported from Tally's own CSV.
 *
 * A council fought on new ward boundaries has no seat change until it has a
 * notional baseline; importing one (docs/NOTIONAL-CSV.md) brings the council
 * into the national seat change, by exactly its own change, and the total's
 * "over N councils" wording counts it.  A bad file is refused with its file,
 * line and field, and changes nothing.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include "tally-catalog.h"
#include "tally-council-result.h"
#include "tally-filter.h"
#include "tally-import.h"
#include "tally-party.h"
#include "tally-results.h"
#include "tally-scope-summary.h"
#include "tally-test-util.h"

typedef TallyTestImportFixture Fixture;

static const char * const keys[] = { "CON", "LAB", "LD", "GRN", "UKIP", "IND", "OTH" };

/* The national seat change on the default basis, and how it is made up. */
typedef struct
{
  int    change[G_N_ELEMENTS (keys)];
  guint  n_same, n_notional, n_eve, n_left_out;
  char  *wording;
} National;

static void
national_clear (National *national)
{
  g_clear_pointer (&national->wording, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (National, national_clear)

static void
read_national (const char *db_path,
               National   *national)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TallyDatabase) database = tally_test_open_read_only (db_path);
  g_autoptr(TallyCatalog) catalog = tally_catalog_new (database, &error);
  g_autoptr(TallyResults) results = NULL;
  g_autoptr(TallyFilter) filter = tally_filter_new ();
  g_autoptr(TallyScopeSummary) summary = NULL;

  g_assert_no_error (error);
  results = tally_results_new (catalog, &error);
  g_assert_no_error (error);
  tally_results_set_filter (results, filter);
  summary = tally_results_summarize (results, filter);
  g_assert_cmpint (tally_scope_summary_get_basis (summary), ==, TALLY_BASIS_SERVICES);

  for (guint k = 0; k < G_N_ELEMENTS (keys); k++)
    g_assert_true (tally_scope_summary_get_seats_change (summary, tally_catalog_lookup_party (catalog, keys[k]),
                                                         &national->change[k]));
  tally_scope_summary_get_seat_change_councils (summary, &national->n_same, &national->n_notional,
                                                &national->n_eve, &national->n_left_out);
  national->wording = tally_scope_summary_describe_seat_change (summary);
}

/* A database of the test's own: the bundled one, as the first import copies it. */
static void
make_database (Fixture *fixture)
{
  g_autoptr(TallyImportSummary) summary = NULL;
  g_autoptr(GError) error = NULL;

  summary = tally_test_import_one (fixture->db_path, "import-notional-leeds.csv", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (summary->notional, ==, 1);
}

static char *
write_file (Fixture    *fixture,
            const char *name,
            const char *text)
{
  g_autoptr(GError) error = NULL;
  char *path = g_build_filename (fixture->dir, name, NULL);

  g_file_set_contents (path, text, -1, &error);
  g_assert_no_error (error);
  return path;
}

static gint64
seats_won (const char *db_path,
           const char *code,
           const char *key)
{
  g_autofree char *sql = g_strdup_printf ("SELECT total (seats_won) FROM council_results r "
                                          "JOIN elections e ON e.id = r.election_id "
                                          "JOIN councils c ON c.id = r.council_id "
                                          "JOIN parties p ON p.id = r.party_id "
                                          "WHERE e.date = '2018-05-03' AND c.code = '%s' AND p.key = '%s'",
                                          code, key);

  return tally_test_query_int (db_path, sql);
}

static gint64
notional_seats (const char *db_path,
                const char *code,
                const char *key)
{
  g_autofree char *sql = g_strdup_printf ("SELECT total (n.seats) FROM notional_baselines n "
                                          "JOIN councils c ON c.id = n.council_id "
                                          "JOIN parties p ON p.id = n.party_id "
                                          "WHERE c.code = '%s' AND p.key = '%s'",
                                          code, key);

  return tally_test_query_int (db_path, sql);
}

static gint64
notional_rows (const char *db_path,
               const char *code)
{
  g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM notional_baselines n "
                                          "JOIN councils c ON c.id = n.council_id WHERE c.code = '%s'",
                                          code);

  return tally_test_query_int (db_path, sql);
}

/* Kingston upon Hull (all 57 seats on new wards in 2018; Labour 31, Liberal
 * Democrats 24, Conservatives 2) has no bundled baseline: it is left out of
 * the seat change.  With one imported it counts, and moves each party's
 * national change by exactly Hull's own change against it. */
static void
test_brings_council_in (Fixture       *fixture,
                        gconstpointer  data)
{
  static const char csv[] =
    "election_date,council_name,baseline,party,notional_seats,notional_votes,source\n"
    "2018-05-03,Kingston upon Hull,2016,Labour,38,52000,a test's own figures\n"
    "2018-05-03,Kingston upon Hull,2016,LD,17,,a test's own figures\n"
    "2018-05-03,Kingston upon Hull,2016,CON,2,,a test's own figures\n";
  static const int notional[G_N_ELEMENTS (keys)] = { 2, 38, 17, 0, 0, 0, 0 };
  g_autoptr(TallyImportSummary) summary = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = write_file (fixture, "hull-notional.csv", csv);
  g_autofree char *expected_wording = NULL;
  g_auto(National) before = { 0 };
  g_auto(National) after = { 0 };

  make_database (fixture);
  g_assert_cmpint (notional_rows (fixture->db_path, "E06000010"), ==, 0);
  g_assert_cmpint (seats_won (fixture->db_path, "E06000010", "LAB"), ==, 31);
  g_assert_cmpint (seats_won (fixture->db_path, "E06000010", "LD"), ==, 24);
  g_assert_cmpint (seats_won (fixture->db_path, "E06000010", "CON"), ==, 2);
  read_national (fixture->db_path, &before);

  summary = tally_test_import_one (fixture->db_path, path, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (summary->notional, ==, 1);
  g_assert_cmpuint (summary->rows_read, ==, 3);
  g_assert_cmpuint (summary->parties_added, ==, 0);
  read_national (fixture->db_path, &after);

  /* Stored as given: votes where known, NULL where not; the source kept. */
  g_assert_cmpint (notional_rows (fixture->db_path, "E06000010"), ==, 3);
  g_assert_cmpint (tally_test_query_int (fixture->db_path,
                                         "SELECT votes FROM notional_baselines n JOIN parties p ON p.id = n.party_id "
                                         "JOIN councils c ON c.id = n.council_id "
                                         "WHERE c.code = 'E06000010' AND p.key = 'LAB'"), ==, 52000);
  g_assert_cmpint (tally_test_query_int (fixture->db_path,
                                         "SELECT count(*) FROM notional_baselines n "
                                         "JOIN councils c ON c.id = n.council_id WHERE c.code = 'E06000010' "
                                         "AND votes IS NULL AND source = 'a test''s own figures'"), ==, 2);

  /* Left out before, in now: one more against a notional baseline, one
   * fewer left out, and Hull's change added whole. */
  g_assert_cmpuint (after.n_notional, ==, before.n_notional + 1);
  g_assert_cmpuint (after.n_left_out, ==, before.n_left_out - 1);
  g_assert_cmpuint (after.n_same, ==, before.n_same);
  for (guint k = 0; k < G_N_ELEMENTS (keys); k++)
    g_assert_cmpint (after.change[k], ==,
                     before.change[k] + seats_won (fixture->db_path, "E06000010", keys[k]) - notional[k]);
  /* Labour 31 − 38 = −7, Liberal Democrats 24 − 17 = +7, Conservatives 2 − 2 = 0. */
  g_assert_cmpint (after.change[1] - before.change[1], ==, -7);
  g_assert_cmpint (after.change[2] - before.change[2], ==, 7);
  g_assert_cmpint (after.change[0] - before.change[0], ==, 0);

  expected_wording = g_strdup_printf ("over %u councils (%u on the same seats, %u against a notional baseline)",
                                      after.n_same + after.n_notional, after.n_same, after.n_notional);
  g_assert_nonnull (strstr (after.wording, expected_wording));
  g_assert_null (strstr (before.wording, expected_wording));
  if (after.n_left_out > 0)
    {
      g_autofree char *left_out = g_strdup_printf ("; %u on new boundaries %s no notional baseline", after.n_left_out,
                                                   after.n_left_out == 1 ? "has" : "have");

      g_assert_nonnull (strstr (after.wording, left_out));
    }
}

/* Importing a council's baseline again replaces it: nothing is added twice. */
static void
test_replaces (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *first = write_file (fixture, "first.csv",
                                       "notional_seats,party,council_code,election_date,baseline\n"
                                       "96,LAB,E08000003,2018-05-03,2016\n");
  g_autofree char *second = write_file (fixture, "second.csv",
                                        "notional_seats,party,council_code,election_date,baseline\n"
                                        "93,LAB,E08000003,2018-05-03,2016\n"
                                        "3,LD,E08000003,2018-05-03,2016\n");
  g_auto(National) once = { 0 };
  g_auto(National) twice = { 0 };
  g_autoptr(TallyImportSummary) summary = NULL;

  make_database (fixture);
  summary = tally_test_import_one (fixture->db_path, first, &error);
  g_assert_no_error (error);
  read_national (fixture->db_path, &once);
  g_clear_pointer (&summary, tally_import_summary_unref);

  summary = tally_test_import_one (fixture->db_path, second, &error);
  g_assert_no_error (error);
  g_assert_true (tally_test_has_warning (summary, "Manchester’s notional baseline replaces the one the database held"));
  read_national (fixture->db_path, &twice);

  g_assert_cmpint (notional_rows (fixture->db_path, "E08000003"), ==, 2);
  g_assert_cmpint (notional_seats (fixture->db_path, "E08000003", "LAB"), ==, 93);
  g_assert_cmpuint (twice.n_notional, ==, once.n_notional);
  /* Labour 94 − 96 = −2 became 94 − 93 = +1; LD 2 − 0 became 2 − 3. */
  g_assert_cmpint (twice.change[1] - once.change[1], ==, 3);
  g_assert_cmpint (twice.change[2] - once.change[2], ==, -3);
}

typedef struct
{
  const char *name;
  const char *text;
  const char *message;
} BadFile;

/* Each bad file is refused, naming file, line and field, and the database
 * is as it was: notional baselines included. */
static void
test_bad_files (Fixture       *fixture,
                gconstpointer  data)
{
  static const char header[] = "election_date,council_code,baseline,party,notional_seats\n";
  static const BadFile bad_files[] = {
    { "sum.csv", "2018-05-03,E08000003,2016,LAB,95\n2018-05-03,E08000003,2016,LD,2\n",
      "sum.csv, line 2, field “notional_seats”: Manchester’s notional seats add up to 97, but 96 seats "
      "were filled there on 2018-05-03" },
    { "twice.csv", "2018-05-03,E08000003,2016,LAB,94\n2018-05-03,E08000003,2016,Labour,2\n",
      "twice.csv, line 3, field “party”: “Labour” is given twice for Manchester" },
    { "council.csv", "2018-05-03,E08999999,2016,LAB,94\n",
      "council.csv, line 2, field “council_code”: no council matches “E08999999”" },
    { "year.csv", "2018-05-03,E08000003,2018,LAB,96\n",
      "year.csv, line 2, field “baseline”: “2018” is not the year of an election before 2018" },
    { "two-years.csv", "2018-05-03,E08000003,2016,LAB,94\n2018-05-03,E08000003,2014,LD,2\n",
      "two-years.csv, line 3, field “baseline”: Manchester’s baseline is 2016 on line 2" },
    { "negative.csv", "2018-05-03,E08000003,2016,LAB,-96\n",
      "negative.csv, line 2, field “notional_seats”: “-96” is negative" },
    { "election.csv", "2019-05-02,E08000003,2016,LAB,96\n",
      "election.csv, line 2, field “election_date”: the database has no election on 2019-05-02" },
    /* Brighton and Hove did not vote in 2018: nothing to measure against. */
    { "no-result.csv", "2018-05-03,E06000043,2014,LAB,20\n",
      "no-result.csv, line 2, field “notional_seats”: the database has no result for Brighton and Hove "
      "on 2018-05-03" },
    /* A good council first: its baseline must not survive the bad one. */
    { "half.csv", "2018-05-03,E08000003,2016,LAB,96\n2018-05-03,E08000025,2016,LAB,x\n",
      "half.csv, line 3, field “notional_seats”: “x” is not a whole number" },
  };
  g_autofree char *before = NULL;
  gint64 manchester_rows;

  make_database (fixture);
  before = tally_test_fingerprint (fixture->db_path);
  manchester_rows = notional_rows (fixture->db_path, "E08000003");

  for (guint i = 0; i < G_N_ELEMENTS (bad_files); i++)
    {
      g_autofree char *text = g_strconcat (header, bad_files[i].text, NULL);
      g_autofree char *path = write_file (fixture, bad_files[i].name, text);
      g_autoptr(TallyImportSummary) summary = NULL;
      g_autoptr(GError) error = NULL;
      g_autofree char *after = NULL;

      summary = tally_test_import_one (fixture->db_path, path, &error);
      g_assert_null (summary);
      g_assert_error (error, TALLY_IMPORT_ERROR, TALLY_IMPORT_ERROR_VALUE);
      if (!g_str_has_prefix (error->message, bad_files[i].message))
        g_error ("%s: expected “%s…”, got “%s”", bad_files[i].name, bad_files[i].message, error->message);

      after = tally_test_fingerprint (fixture->db_path);
      g_assert_cmpstr (after, ==, before);
      g_assert_cmpint (notional_rows (fixture->db_path, "E08000003"), ==, manchester_rows);
    }
}

/* The header decides the format; without a council column it says which. */
static void
test_header (Fixture       *fixture,
             gconstpointer  data)
{
  g_autofree char *path = write_file (fixture, "no-council.csv",
                                      "election_date,baseline,party,notional_seats\n2018-05-03,2016,LAB,96\n");
  g_autoptr(TallyImportSummary) summary = NULL;
  g_autoptr(GError) error = NULL;

  make_database (fixture);
  g_assert_cmpstr (tally_import_format_to_string (TALLY_IMPORT_FORMAT_NOTIONAL), ==, "notional");
  summary = tally_test_import_one (fixture->db_path, path, &error);
  g_assert_error (error, TALLY_IMPORT_ERROR, TALLY_IMPORT_ERROR_COLUMNS);
  g_assert_cmpstr (error->message, ==, "no-council.csv, line 1: the header needs a council_code or a council_name column");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/import/notional/brings-council-in", Fixture, NULL, tally_test_import_fixture_setup,
              test_brings_council_in, tally_test_import_fixture_teardown);
  g_test_add ("/import/notional/replaces", Fixture, NULL, tally_test_import_fixture_setup,
              test_replaces, tally_test_import_fixture_teardown);
  g_test_add ("/import/notional/bad-files", Fixture, NULL, tally_test_import_fixture_setup,
              test_bad_files, tally_test_import_fixture_teardown);
  g_test_add ("/import/notional/header", Fixture, NULL, tally_test_import_fixture_setup,
              test_header, tally_test_import_fixture_teardown);

  return g_test_run ();
}
