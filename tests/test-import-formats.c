/* test-import-formats.c: what each format's rows become.
 *
 * Tally's own CSV, Democracy Club, LEAP and Open Council Data, from the
 * project's own invented rows in tests/data (see tests/data/README.md):
 * councils, wards and parties matched, seats, totals and compositions
 * written, importing twice changes nothing, and an export of Tally's format
 * imports back to the same candidates.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>
#include <glib/gstdio.h>

#include "tally-database-private.h"
#include "tally-import.h"
#include "tally-test-util.h"

typedef TallyTestFolder Fixture;

static void
test_format_names (void)
{
  TallyImportFormat format;

  for (TallyImportFormat f = TALLY_IMPORT_FORMAT_AUTO; f <= TALLY_IMPORT_FORMAT_TALLY; f++)
    {
      g_assert_true (tally_import_format_from_string (tally_import_format_to_string (f), &format));
      g_assert_cmpint (format, ==, f);
      g_assert_nonnull (tally_import_format_get_label (f));
    }

  g_assert_true (tally_import_format_from_string ("dc", &format));
  g_assert_cmpint (format, ==, TALLY_IMPORT_FORMAT_DC);
  g_assert_false (tally_import_format_from_string ("xlsx", &format));
  g_assert_false (tally_import_format_from_string (NULL, &format));
}

/* Tally's own format: aliases, a new party, explicit seats, a by-election,
 * quoted fields, and the bundled data copied into the new database. */
static void
test_tally_good (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(TallyImportSummary) summary = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *rows = NULL;
  g_autofree char *text = NULL;

  g_assert_false (g_file_test (fixture->db_path, G_FILE_TEST_EXISTS));
  summary = tally_test_import_one (fixture->db_path, "import-good.csv", &error);
  g_assert_no_error (error);

  g_assert_cmpuint (summary->rows_read, ==, 8);
  g_assert_cmpuint (summary->rows_skipped, ==, 0);
  g_assert_cmpuint (summary->contests, ==, 3);
  g_assert_cmpuint (summary->candidates, ==, 8);
  g_assert_cmpuint (summary->councils, ==, 2);
  g_assert_cmpuint (summary->wards_added, ==, 3);
  g_assert_cmpuint (summary->parties_added, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (summary->new_parties, 0), ==, "Sea Level Party");

  /* The new database started as the bundled one. */
  g_assert_cmpint (tally_test_query_int (fixture->db_path, "SELECT count(*) FROM councils"),
                   ==, 326);
  g_assert_cmpint (tally_test_query_int (fixture->db_path, "SELECT count(*) FROM council_elections"),
                   ==, 300);

  rows = tally_test_query_rows (fixture->db_path,
                                "SELECT w.name, ct.seats, ct.by_election, cd.name, p.key, cd.party_name, cd.votes, cd.elected "
                                "FROM candidates cd JOIN contests ct ON ct.id = cd.contest_id "
                                "JOIN wards w ON w.id = ct.ward_id JOIN parties p ON p.id = cd.party_id "
                                "ORDER BY w.name, cd.votes DESC");
  g_assert_cmpstr (rows, ==,
                   "Imaginary Ward|1|1|Zoë Ångström|GRN|Green Party|800|1\n"
                   "Imaginary Ward|1|1|Gus Figment|IND|Independent|700|0\n"
                   "Test Ward North|1|0|Ada Example|CON|Conservative and Unionist Party|1200|1\n"
                   "Test Ward North|1|0|Ben Sample|LAB|Labour and Co-operative Party|900|0\n"
                   "Test Ward North|1|0|Cleo \"CJ\" Placeholder|sea-level-party|Sea Level Party|45|0\n"
                   "Test Ward South|2|0|Dev Dummy|LAB|LAB|1500|1\n"
                   "Test Ward South|2|0|Eve Instance|LAB|Labour Party|1400|1\n"
                   "Test Ward South|2|0|Finn, the Fictional|LD|Liberal Democrats|300|0\n");

  g_clear_pointer (&rows, g_free);
  rows = tally_test_query_rows (fixture->db_path,
                                "SELECT full_name, grp, position > 7 FROM parties WHERE key = 'sea-level-party'");
  g_assert_cmpstr (rows, ==, "Sea Level Party|other|1\n");

  /* Worcester matched by name; its ballot named the by-election. */
  g_clear_pointer (&rows, g_free);
  rows = tally_test_query_rows (fixture->db_path,
                                "SELECT c.code, ct.ballot FROM contests ct JOIN wards w ON w.id = ct.ward_id "
                                "JOIN councils c ON c.id = w.council_id WHERE ct.by_election = 1");
  g_assert_cmpstr (rows, ==, "E07000237|Imaginary Ward by-election\n");

  /* Two wards are not a whole council: the bundled totals stay. */
  g_assert_true (tally_test_has_warning (summary, "Salford (3 of 20), Worcester (1 of 13)"));
  g_assert_cmpint (tally_test_query_int (fixture->db_path,
                                         "SELECT seats_up FROM council_elections ce JOIN councils c ON c.id = ce.council_id "
                                         "JOIN elections e ON e.id = ce.election_id "
                                         "WHERE c.code = 'E07000237' AND e.date = '2018-05-03'"), ==, 13);

  text = tally_import_summary_to_string (summary);
  g_assert_nonnull (strstr (text, "Rows read: 8\n"));
  g_assert_nonnull (strstr (text, "Candidates: 8\n"));
  g_assert_nonnull (strstr (text, "Parties added: 1\n"));
}

static void
test_tally_idempotent (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autofree char *before = tally_test_import_good (fixture);
  g_autoptr(TallyImportSummary) again = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *after = NULL;

  again = tally_test_import_one (fixture->db_path, "import-good.csv", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (again->candidates, ==, 8);
  g_assert_cmpuint (again->wards_added, ==, 0);
  g_assert_cmpuint (again->parties_added, ==, 0);
  g_assert_true (tally_test_has_warning (again, "this file was imported before"));

  after = tally_test_fingerprint (fixture->db_path);
  g_assert_cmpstr (before, ==, after);
}

/* A council whose whole 2018 election comes in replaces its bundled
 * figures; the totals come from the candidates. */
static void
test_tally_council_totals (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "new-election.csv", NULL);
  g_autoptr(TallyImportSummary) summary = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *rows = NULL;
  const char *text =
    "election_date,council_code,ward_name,candidate,party,votes,elected,by_election\n"
    "2022-05-05,E07000237,Ward A,A One,Conservative and Unionist Party,500,1,0\n"
    "2022-05-05,E07000237,Ward A,A Two,Labour Party,400,0,0\n"
    "2022-05-05,E07000237,Ward B,B One,Labour Party,700,1,0\n"
    "2022-05-05,E07000237,Ward B,B Two,Green Party,100,0,0\n"
    "2022-05-05,E07000223,Ward C,C One,Green Party,300,1,1\n";

  g_assert_true (g_file_set_contents (path, text, -1, NULL));
  summary = tally_test_import_one (fixture->db_path, path, &error);
  g_assert_no_error (error);
  g_assert_true (tally_test_has_warning (summary, "the database had no election on 2022-05-05"));

  /* Adur had only a by-election that day: no council totals for it. */
  rows = tally_test_query_rows (fixture->db_path,
                                "SELECT c.code, ce.seats_up, ce.votes_total FROM council_elections ce "
                                "JOIN councils c ON c.id = ce.council_id JOIN elections e ON e.id = ce.election_id "
                                "WHERE e.date = '2022-05-05'");
  g_assert_cmpstr (rows, ==, "E07000237|2|1700\n");

  g_clear_pointer (&rows, g_free);
  rows = tally_test_query_rows (fixture->db_path,
                                "SELECT p.key, r.seats_won, r.votes FROM council_results r "
                                "JOIN parties p ON p.id = r.party_id JOIN elections e ON e.id = r.election_id "
                                "WHERE e.date = '2022-05-05' ORDER BY p.key");
  g_assert_cmpstr (rows, ==, "CON|1|500\nGRN|0|100\nLAB|1|1100\n");
}

static void
test_tally_header_only (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(TallyImportSummary) summary = NULL;
  g_autoptr(GError) error = NULL;

  summary = tally_test_import_one (fixture->db_path, "import-header-only.csv", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (summary->rows_read, ==, 0);
  g_assert_cmpuint (summary->candidates, ==, 0);
  g_assert_true (tally_test_has_warning (summary,
                                                    "import-header-only.csv: no rows after the header"));
}

static void
test_dc_sample (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(TallyImportSummary) summary = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *rows = NULL;

  summary = tally_test_import_one (fixture->db_path, "import-dc.csv", &error);
  g_assert_no_error (error);

  g_assert_cmpuint (summary->rows_read, ==, 8);
  g_assert_cmpuint (summary->rows_skipped, ==, 2);
  g_assert_cmpuint (summary->contests, ==, 3);
  g_assert_cmpuint (summary->candidates, ==, 6);
  g_assert_true (tally_test_has_warning (summary, "import-dc.csv: line 1 (“False”) comes before the header"));
  g_assert_true (tally_test_has_warning (summary, "1 row of “mayor” ballots skipped"));
  g_assert_true (tally_test_has_warning (summary, "import-dc.csv, line 10: no council matches “hertfordshire” (1 row skipped)"));

  /* Slugs that are not ONS names still find their council; ward names come
   * from the slug. */
  rows = tally_test_query_rows (fixture->db_path,
                                "SELECT c.code, w.name, ct.ballot, ct.by_election, ct.seats, count(*) "
                                "FROM candidates cd JOIN contests ct ON ct.id = cd.contest_id "
                                "JOIN wards w ON w.id = ct.ward_id JOIN councils c ON c.id = w.council_id "
                                "GROUP BY ct.id ORDER BY c.code");
  g_assert_cmpstr (rows, ==,
                   "E06000010|Test Quay|local.kingston-upon-hull.test-quay.2018-05-03|0|1|1\n"
                   "E07000138|Upper Test|local.city-of-lincoln.upper-test.by.2018-05-03|1|1|2\n"
                   "E08000006|St Marys and Fairfield|local.salford.st-marys-and-fairfield.2018-05-03|0|1|3\n");

  g_clear_pointer (&rows, g_free);
  rows = tally_test_query_rows (fixture->db_path,
                                "SELECT cd.name, p.key FROM candidates cd JOIN parties p ON p.id = cd.party_id "
                                "ORDER BY cd.name");
  g_assert_cmpstr (rows, ==,
                   "Hana Invented|CON\nIvo Madeup|LAB\nJo Notreal|GRN\nKit Fabricated|LAB\n"
                   "Lou Pretend|IND\nOz Untrue|UKIP\n");
}

/* A ballot whose elected flags disagree with its votes is imported as the
 * file has it, with a warning naming the file, line, ward and council; a tie
 * at the last seat (decided by lot) is no warning. */
static void
test_dc_elected_below (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(TallyImportSummary) summary = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *rows = NULL;
  guint below = 0;

  summary = tally_test_import_one (fixture->db_path, "import-elected-below.csv", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (summary->contests, ==, 4);
  g_assert_true (tally_test_has_warning (summary,
                                         "import-elected-below.csv, line 4: Hillside (Wokingham): "
                                         "Cy Notreal is marked elected with 1,166 votes, below Bo Madeup, "
                                         "not elected, with 1,233 (line 3)"));
  g_assert_true (tally_test_has_warning (summary,
                                         "import-elected-below.csv, line 10: Test Pair (Salford): "
                                         "Ivy Notreal is marked elected with 1,400 votes, below Hal Madeup, "
                                         "not elected, with 1,500 (line 9)"));
  for (guint i = 0; i < summary->warnings->len; i++)
    below += strstr (g_ptr_array_index (summary->warnings, i), "is marked elected with") != NULL;
  g_assert_cmpuint (below, ==, 2);

  /* The file's flags are what is stored. */
  rows = tally_test_query_rows (fixture->db_path,
                                "SELECT cd.name, cd.votes, cd.elected FROM candidates cd "
                                "WHERE cd.name IN ('Bo Madeup', 'Cy Notreal') ORDER BY cd.name");
  g_assert_cmpstr (rows, ==, "Bo Madeup|1233|0\nCy Notreal|1166|1\n");
}

/* Past twenty such contests in a file the rest are counted, not listed. */
static void
test_dc_elected_below_many (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autoptr(TallyImportSummary) summary = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) text = g_string_new ("election_id,ballot_paper_id,person_id,party_id,party_name,"
                                          "person_name,ballots_cast,is_winner,spoilt_ballots,turnout,source\n");
  g_autofree char *path = tally_test_folder_path (fixture, "elected-below-many.csv");
  guint below = 0;

  for (guint i = 1; i <= 23; i++)
    {
      g_string_append_printf (text, "local.salford.2018-05-03,local.salford.test-%u.2018-05-03,%u,PP53,"
                              "Labour Party,Nia Invented %u,100,True,,,\n", i, 2 * i, i);
      g_string_append_printf (text, "local.salford.2018-05-03,local.salford.test-%u.2018-05-03,%u,PP52,"
                              "Conservative and Unionist Party,Ola Madeup %u,200,False,,,\n", i, 2 * i + 1, i);
    }
  g_assert_true (g_file_set_contents (path, text->str, -1, NULL));

  summary = tally_test_import_one (fixture->db_path, path, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (summary->contests, ==, 23);
  for (guint i = 0; i < summary->warnings->len; i++)
    below += strstr (g_ptr_array_index (summary->warnings, i), "is marked elected with") != NULL;
  g_assert_cmpuint (below, ==, 20);
  g_assert_true (tally_test_has_warning (summary, "line 40: Test 20 (Salford): Nia Invented 20 is marked elected"));
  g_assert_false (tally_test_has_warning (summary, "Nia Invented 21"));
  g_assert_true (tally_test_has_warning (summary, "elected-below-many.csv: 3 more contests have a candidate "
                                                  "marked elected with fewer votes than one who is not"));
}

static void
test_leap_sample (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(TallyImportSummary) summary = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *rows = NULL;

  summary = tally_test_import_one (fixture->db_path, "import-leap-2014.csv", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (summary->candidates, ==, 7);
  g_assert_cmpuint (summary->parties_added, ==, 1);
  g_assert_true (tally_test_has_warning (summary, "read as the election of 2014-05-22"));

  rows = tally_test_query_rows (fixture->db_path,
                                "SELECT c.code, w.name, cd.name, p.key, cd.votes, cd.elected "
                                "FROM candidates cd JOIN contests ct ON ct.id = cd.contest_id "
                                "JOIN elections e ON e.id = ct.election_id "
                                "JOIN wards w ON w.id = ct.ward_id JOIN councils c ON c.id = w.council_id "
                                "JOIN parties p ON p.id = cd.party_id WHERE e.date = '2014-05-22' "
                                "ORDER BY c.code, cd.votes DESC");
  g_assert_cmpstr (rows, ==,
                   "E06000023|Harbour Test|Sol Dreamt|GRN|900|1\n"
                   "E06000023|Harbour Test|Tam Conjured|LD|850|0\n"
                   "E08000006|Test Ward North|Pia Imagined|CON|1100|1\n"
                   "E08000006|Test Ward North|Quin Fictive|LAB|1050|0\n"
                   "E08000006|Test Ward North|Ray Phantom|tusc|40|0\n"
                   "E08000013|Glass Test|Uma Invented|IND|400|1\n"
                   "E08000013|Glass Test|Vic Fancy|UKIP|390|0\n");

  /* Bristol did not vote in 2018, so the bundled data has no 2014 row for
   * it: the import makes one from its candidates. */
  g_clear_pointer (&rows, g_free);
  rows = tally_test_query_rows (fixture->db_path,
                                "SELECT ce.seats_up, ce.votes_total FROM council_elections ce "
                                "JOIN councils c ON c.id = ce.council_id WHERE c.code = 'E06000023'");
  g_assert_cmpstr (rows, ==, "1|1750\n");
}

static void
test_leap_date (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(TallyImporter) importer = NULL;
  g_autoptr(TallyImportSummary) summary = NULL;
  g_autoptr(GError) error = NULL;

  summary = tally_test_import_one (fixture->db_path, "import-leap-nodate.csv", &error);
  g_assert_error (error, TALLY_IMPORT_ERROR, TALLY_IMPORT_ERROR_ELECTION);
  g_assert_nonnull (strstr (error->message, "import-leap-nodate.csv"));
  g_assert_nonnull (strstr (error->message, "--date"));
  g_assert_null (summary);
  g_assert_false (g_file_test (fixture->db_path, G_FILE_TEST_EXISTS));
  g_clear_error (&error);

  importer = tally_test_new_importer (fixture->db_path, TALLY_IMPORT_FORMAT_LEAP,
                                      (const char *[]) { "import-leap-nodate.csv", NULL });
  tally_importer_set_election_date (importer, "2014-05-22");
  summary = tally_importer_run (importer, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (summary->candidates, ==, 1);
}

static void
test_ocd_sample (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(TallyImportSummary) summary = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *rows = NULL;

  summary = tally_test_import_one (fixture->db_path, "import-ocd.csv", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (summary->rows_read, ==, 3);
  g_assert_cmpuint (summary->rows_skipped, ==, 1);
  g_assert_cmpuint (summary->compositions, ==, 6);
  g_assert_true (tally_test_has_warning (summary, "Worcester after the election of 2018-05-03: "
                                                  "CON 16, GRN 3, LAB 16 replaces CON 17, GRN 3, LAB 15"));
  g_assert_true (tally_test_has_warning (summary,
                                                    "line 4: no council matches “Nowhere District”"));

  rows = tally_test_query_rows (fixture->db_path,
                                "SELECT stage, p.key, seats FROM compositions co JOIN parties p ON p.id = co.party_id "
                                "JOIN councils c ON c.id = co.council_id WHERE c.code = 'E07000237' "
                                "ORDER BY stage DESC, p.key");
  g_assert_cmpstr (rows, ==,
                   "before|CON|20\nbefore|GRN|2\nbefore|LAB|13\n"
                   "after|CON|16\nafter|GRN|3\nafter|LAB|16\n");
}

static void
test_format_forced (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(TallyImporter) importer = NULL;
  g_autoptr(TallyImportSummary) summary = NULL;
  g_autoptr(GError) error = NULL;

  importer = tally_test_new_importer (fixture->db_path, TALLY_IMPORT_FORMAT_OCD,
                                      (const char *[]) { "import-good.csv", NULL });
  summary = tally_importer_run (importer, NULL, &error);
  g_assert_error (error, TALLY_IMPORT_ERROR, TALLY_IMPORT_ERROR_COLUMNS);
  g_assert_nonnull (strstr (error->message, "Open Council Data composition CSV lacks these columns: authority"));
  g_clear_object (&importer);
  g_clear_error (&error);

  importer = tally_test_new_importer (fixture->db_path, TALLY_IMPORT_FORMAT_DC,
                                      (const char *[]) { "import-dc.csv", NULL });
  summary = tally_importer_run (importer, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (summary->candidates, ==, 6);
}

/* What `tally export --csv` will write: every column of Tally's format,
 * the party as the source spelt it.  Importing that into a new database
 * gives the same candidates. */
static void
test_round_trip (Fixture       *fixture,
                 gconstpointer  data)
{
  static const char *listing =
    "SELECT e.date, c.code, w.name, ct.ballot, ct.by_election, ct.seats, cd.name, p.key, "
    "cd.party_name, cd.votes, cd.elected "
    "FROM candidates cd JOIN contests ct ON ct.id = cd.contest_id "
    "JOIN elections e ON e.id = ct.election_id JOIN wards w ON w.id = ct.ward_id "
    "JOIN councils c ON c.id = w.council_id JOIN parties p ON p.id = cd.party_id "
    "ORDER BY 1, 2, 3, 4, 7";
  g_autofree char *copy_path = g_build_filename (fixture->dir, "copy.db", NULL);
  g_autofree char *csv_path = g_build_filename (fixture->dir, "export.csv", NULL);
  g_autoptr(TallyImportSummary) summary = NULL;
  g_autoptr(TallyDatabase) database = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) csv = NULL;
  g_autofree char *original = NULL;
  g_autofree char *copied = NULL;

  summary = tally_test_import_files (fixture->db_path,
                                     (const char *[]) { "import-good.csv", "import-dc.csv", "import-leap-2014.csv", NULL },
                                     &error);
  g_assert_no_error (error);
  g_clear_pointer (&summary, tally_import_summary_unref);

  csv = g_string_new ("election_date,council_code,council_name,ward_code,ward_name,ballot,"
                      "by_election,seats,candidate,party,votes,elected\n");
  database = tally_test_open_read_only (fixture->db_path);
  stmt = _tally_database_prepare (database,
                                  "SELECT e.date, c.code, c.name, w.code, w.name, ct.ballot, "
                                  "ct.by_election, ct.seats, cd.name, coalesce (cd.party_name, p.key), "
                                  "cd.votes, cd.elected "
                                  "FROM candidates cd JOIN contests ct ON ct.id = cd.contest_id "
                                  "JOIN elections e ON e.id = ct.election_id JOIN wards w ON w.id = ct.ward_id "
                                  "JOIN councils c ON c.id = w.council_id JOIN parties p ON p.id = cd.party_id",
                                  &error);
  g_assert_no_error (error);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      for (int i = 0; i < 12; i++)
        {
          const char *value = (const char *) sqlite3_column_text (stmt, i);
          g_autofree char *escaped = NULL;
          g_auto(GStrv) parts = NULL;

          parts = g_strsplit (value ? value : "", "\"", -1);
          escaped = g_strjoinv ("\"\"", parts);
          g_string_append_printf (csv, "%s\"%s\"", i > 0 ? "," : "", escaped);
        }
      g_string_append_c (csv, '\n');
    }
  g_clear_pointer (&stmt, sqlite3_finalize);
  g_clear_object (&database);
  g_assert_true (g_file_set_contents (csv_path, csv->str, csv->len, NULL));

  summary = tally_test_import_one (copy_path, csv_path, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (summary->candidates, ==, 21);

  original = tally_test_query_rows (fixture->db_path, listing);
  copied = tally_test_query_rows (copy_path, listing);
  g_assert_cmpstr (original, ==, copied);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/import/format-names", test_format_names);

#define ADD(name, func) \
  g_test_add (name, Fixture, NULL, tally_test_folder_setup, func, \
              tally_test_folder_teardown)

  ADD ("/import/tally/good", test_tally_good);
  ADD ("/import/tally/idempotent", test_tally_idempotent);
  ADD ("/import/tally/council-totals", test_tally_council_totals);
  ADD ("/import/tally/header-only", test_tally_header_only);
  ADD ("/import/dc/sample", test_dc_sample);
  ADD ("/import/dc/elected-below", test_dc_elected_below);
  ADD ("/import/dc/elected-below-many", test_dc_elected_below_many);
  ADD ("/import/leap/sample", test_leap_sample);
  ADD ("/import/leap/date", test_leap_date);
  ADD ("/import/ocd/sample", test_ocd_sample);
  ADD ("/import/format-forced", test_format_forced);
  ADD ("/import/round-trip", test_round_trip);

#undef ADD

  return g_test_run ();
}
