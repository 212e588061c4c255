/* test-import.c: importing results files, good and bad, small and real.
 *
 * The fixtures in tests/data are the project's own invented rows (see
 * tests/data/README.md); the tests that read the real 2018 and 2014 files
 * from ../shared/data skip when they are not there.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>
#include <glib/gstdio.h>

#include "tally-database-private.h"
#include "tally-import.h"
#include "tally-test-util.h"

typedef struct
{
  char *dir;
  char *db_path;    /* not there until the first import makes it */
} Fixture;

static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  fixture->dir = tally_test_make_temp_dir ();
  fixture->db_path = g_build_filename (fixture->dir, "tally.db", NULL);
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  tally_test_remove_dir (fixture->dir);
  g_free (fixture->dir);
  g_free (fixture->db_path);
}

static gint
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

static char *
data_path (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "data", name, NULL);
}

static TallyImporter *
new_importer (const char        *db_path,
              TallyImportFormat  format,
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
          g_autofree char *path = data_path (*paths);

          file = g_file_new_for_path (path);
        }
      tally_importer_add_file (importer, file);
    }

  return importer;
}

/* Imports fixtures (names in tests/data, or absolute paths). */
static TallyImportSummary *
import_files (const char         *db_path,
              const char * const *paths,
              GError            **error)
{
  g_autoptr(TallyImporter) importer = new_importer (db_path, TALLY_IMPORT_FORMAT_AUTO, paths);

  return tally_importer_run (importer, NULL, error);
}

static TallyImportSummary *
import_one (const char  *db_path,
            const char  *path,
            GError     **error)
{
  return import_files (db_path, (const char *[]) { path, NULL }, error);
}

static TallyDatabase *
open_read_only (const char *db_path)
{
  g_autoptr(GError) error = NULL;
  TallyDatabase *database = tally_database_open (db_path, TALLY_DATABASE_OPEN_READ_ONLY, &error);

  g_assert_no_error (error);
  return database;
}

static gint64
query_int (const char *db_path,
           const char *sql)
{
  g_autoptr(TallyDatabase) database = open_read_only (db_path);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GError) error = NULL;

  stmt = _tally_database_prepare (database, sql, &error);
  g_assert_no_error (error);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);

  return sqlite3_column_int64 (stmt, 0);
}

/* Every row of a query, columns joined by "|", rows by "\n". */
static char *
query_rows (const char *db_path,
            const char *sql)
{
  g_autoptr(TallyDatabase) database = open_read_only (db_path);
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
static char *
fingerprint (const char *db_path)
{
  return query_rows (db_path,
                     "SELECT (SELECT count(*) FROM parties), (SELECT count(*) FROM party_aliases), "
                     "(SELECT count(*) FROM elections), (SELECT count(*) FROM wards), "
                     "(SELECT count(*) || '/' || total (seats) FROM contests), "
                     "(SELECT count(*) || '/' || total (votes) || '/' || total (elected) FROM candidates), "
                     "(SELECT count(*) || '/' || total (seats_up) || '/' || total (votes_total) FROM council_elections), "
                     "(SELECT count(*) || '/' || total (seats_won) || '/' || total (votes) FROM council_results), "
                     "(SELECT count(*) || '/' || total (seats) FROM compositions), "
                     "(SELECT count(*) FROM imports), "
                     "(SELECT count(*) FROM sqlite_schema)");
}

static char *
import_good (Fixture *fixture)
{
  g_autoptr(TallyImportSummary) summary = NULL;
  g_autoptr(GError) error = NULL;

  summary = import_one (fixture->db_path, "import-good.csv", &error);
  g_assert_no_error (error);
  g_assert_nonnull (summary);

  return fingerprint (fixture->db_path);
}

static gboolean
has_warning (TallyImportSummary *summary,
             const char         *text)
{
  for (guint i = 0; i < summary->warnings->len; i++)
    if (strstr (g_ptr_array_index (summary->warnings, i), text) != NULL)
      return TRUE;

  return FALSE;
}

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
  summary = import_one (fixture->db_path, "import-good.csv", &error);
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
  g_assert_cmpint (query_int (fixture->db_path, "SELECT count(*) FROM councils"), ==, 326);
  g_assert_cmpint (query_int (fixture->db_path, "SELECT count(*) FROM council_elections"), ==, 300);

  rows = query_rows (fixture->db_path,
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
  rows = query_rows (fixture->db_path,
                     "SELECT full_name, grp, position > 7 FROM parties WHERE key = 'sea-level-party'");
  g_assert_cmpstr (rows, ==, "Sea Level Party|other|1\n");

  /* Worcester matched by name; its ballot named the by-election. */
  g_clear_pointer (&rows, g_free);
  rows = query_rows (fixture->db_path,
                     "SELECT c.code, ct.ballot FROM contests ct JOIN wards w ON w.id = ct.ward_id "
                     "JOIN councils c ON c.id = w.council_id WHERE ct.by_election = 1");
  g_assert_cmpstr (rows, ==, "E07000237|Imaginary Ward by-election\n");

  /* Two wards are not a whole council: the bundled totals stay. */
  g_assert_true (has_warning (summary, "Salford (3 of 20), Worcester (1 of 13)"));
  g_assert_cmpint (query_int (fixture->db_path,
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
  g_autofree char *before = import_good (fixture);
  g_autoptr(TallyImportSummary) again = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *after = NULL;

  again = import_one (fixture->db_path, "import-good.csv", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (again->candidates, ==, 8);
  g_assert_cmpuint (again->wards_added, ==, 0);
  g_assert_cmpuint (again->parties_added, ==, 0);
  g_assert_true (has_warning (again, "this file was imported before"));

  after = fingerprint (fixture->db_path);
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
  summary = import_one (fixture->db_path, path, &error);
  g_assert_no_error (error);
  g_assert_true (has_warning (summary, "the database had no election on 2022-05-05"));

  /* Adur had only a by-election that day: no council totals for it. */
  rows = query_rows (fixture->db_path,
                     "SELECT c.code, ce.seats_up, ce.votes_total FROM council_elections ce "
                     "JOIN councils c ON c.id = ce.council_id JOIN elections e ON e.id = ce.election_id "
                     "WHERE e.date = '2022-05-05'");
  g_assert_cmpstr (rows, ==, "E07000237|2|1700\n");

  g_clear_pointer (&rows, g_free);
  rows = query_rows (fixture->db_path,
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

  summary = import_one (fixture->db_path, "import-header-only.csv", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (summary->rows_read, ==, 0);
  g_assert_cmpuint (summary->candidates, ==, 0);
  g_assert_true (has_warning (summary, "import-header-only.csv: no rows after the header"));
}

static void
test_dc_sample (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(TallyImportSummary) summary = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *rows = NULL;

  summary = import_one (fixture->db_path, "import-dc.csv", &error);
  g_assert_no_error (error);

  g_assert_cmpuint (summary->rows_read, ==, 8);
  g_assert_cmpuint (summary->rows_skipped, ==, 2);
  g_assert_cmpuint (summary->contests, ==, 3);
  g_assert_cmpuint (summary->candidates, ==, 6);
  g_assert_true (has_warning (summary, "import-dc.csv: line 1 (“False”) comes before the header"));
  g_assert_true (has_warning (summary, "1 row of “mayor” ballots skipped"));
  g_assert_true (has_warning (summary, "import-dc.csv, line 10: no council matches “hertfordshire” (1 row skipped)"));

  /* Slugs that are not ONS names still find their council; ward names come
   * from the slug. */
  rows = query_rows (fixture->db_path,
                     "SELECT c.code, w.name, ct.ballot, ct.by_election, ct.seats, count(*) "
                     "FROM candidates cd JOIN contests ct ON ct.id = cd.contest_id "
                     "JOIN wards w ON w.id = ct.ward_id JOIN councils c ON c.id = w.council_id "
                     "GROUP BY ct.id ORDER BY c.code");
  g_assert_cmpstr (rows, ==,
                   "E06000010|Test Quay|local.kingston-upon-hull.test-quay.2018-05-03|0|1|1\n"
                   "E07000138|Upper Test|local.city-of-lincoln.upper-test.by.2018-05-03|1|1|2\n"
                   "E08000006|St Marys and Fairfield|local.salford.st-marys-and-fairfield.2018-05-03|0|1|3\n");

  g_clear_pointer (&rows, g_free);
  rows = query_rows (fixture->db_path,
                     "SELECT cd.name, p.key FROM candidates cd JOIN parties p ON p.id = cd.party_id "
                     "ORDER BY cd.name");
  g_assert_cmpstr (rows, ==,
                   "Hana Invented|CON\nIvo Madeup|LAB\nJo Notreal|GRN\nKit Fabricated|LAB\n"
                   "Lou Pretend|IND\nOz Untrue|UKIP\n");
}

static void
test_leap_sample (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(TallyImportSummary) summary = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *rows = NULL;

  summary = import_one (fixture->db_path, "import-leap-2014.csv", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (summary->candidates, ==, 7);
  g_assert_cmpuint (summary->parties_added, ==, 1);
  g_assert_true (has_warning (summary, "read as the election of 2014-05-22"));

  rows = query_rows (fixture->db_path,
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
  rows = query_rows (fixture->db_path,
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

  summary = import_one (fixture->db_path, "import-leap-nodate.csv", &error);
  g_assert_error (error, TALLY_IMPORT_ERROR, TALLY_IMPORT_ERROR_ELECTION);
  g_assert_nonnull (strstr (error->message, "import-leap-nodate.csv"));
  g_assert_nonnull (strstr (error->message, "--date"));
  g_assert_null (summary);
  g_assert_false (g_file_test (fixture->db_path, G_FILE_TEST_EXISTS));
  g_clear_error (&error);

  importer = new_importer (fixture->db_path, TALLY_IMPORT_FORMAT_LEAP,
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

  summary = import_one (fixture->db_path, "import-ocd.csv", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (summary->rows_read, ==, 3);
  g_assert_cmpuint (summary->rows_skipped, ==, 1);
  g_assert_cmpuint (summary->compositions, ==, 6);
  g_assert_true (has_warning (summary, "Worcester after the election of 2018-05-03: "
                                       "CON 16, GRN 3, LAB 16 replaces CON 17, GRN 3, LAB 15"));
  g_assert_true (has_warning (summary, "line 4: no council matches “Nowhere District”"));

  rows = query_rows (fixture->db_path,
                     "SELECT stage, p.key, seats FROM compositions co JOIN parties p ON p.id = co.party_id "
                     "JOIN councils c ON c.id = co.council_id WHERE c.code = 'E07000237' "
                     "ORDER BY stage DESC, p.key");
  g_assert_cmpstr (rows, ==,
                   "before|CON|20\nbefore|GRN|2\nbefore|LAB|13\n"
                   "after|CON|16\nafter|GRN|3\nafter|LAB|16\n");
}

typedef struct
{
  const char       *file;
  TallyImportError  code;
  const char       *message;
} BadFile;

/* Each bad file stops the import, says where and why, and changes nothing. */
static void
test_bad_files (Fixture       *fixture,
                gconstpointer  data)
{
  static const BadFile bad_files[] = {
    { "import-bad-votes.csv", TALLY_IMPORT_ERROR_VALUE,
      "import-bad-votes.csv, line 4, field “votes”: “-3” is negative" },
    { "import-bad-number.csv", TALLY_IMPORT_ERROR_VALUE,
      "import-bad-number.csv, line 3, field “votes”: “12a” is not a whole number" },
    { "import-bad-date.csv", TALLY_IMPORT_ERROR_VALUE,
      "import-bad-date.csv, line 2, field “election_date”: “2018-02-30” is not a date" },
    { "import-bad-elected.csv", TALLY_IMPORT_ERROR_VALUE,
      "import-bad-elected.csv, line 2, field “elected”: “maybe” is not 1 or 0" },
    { "import-bad-party.csv", TALLY_IMPORT_ERROR_VALUE,
      "import-bad-party.csv, line 2, field “party”: a value is needed" },
    { "import-bad-utf8.csv", TALLY_IMPORT_ERROR_ENCODING,
      "import-bad-utf8.csv, line 3, field “candidate”: not UTF-8 text (byte 0xE9" },
    { "import-bad-fields.csv", TALLY_IMPORT_ERROR_FIELDS,
      "import-bad-fields.csv, line 3: 6 fields, but the header names 7" },
    { "import-bad-quote.csv", TALLY_IMPORT_ERROR_SYNTAX,
      "import-bad-quote.csv, line 3: a quoted field is never closed" },
    { "import-binary.png", TALLY_IMPORT_ERROR_BINARY,
      "import-binary.png, line 3: a NUL byte: this is a binary file" },
    { "import-empty.csv", TALLY_IMPORT_ERROR_EMPTY, "import-empty.csv: the file is empty" },
    { "import-missing-columns.csv", TALLY_IMPORT_ERROR_COLUMNS,
      "import-missing-columns.csv, line 1: the header of a Tally candidate CSV lacks these columns: votes" },
    { "import-unknown.csv", TALLY_IMPORT_ERROR_FORMAT,
      "import-unknown.csv: not a results file Tally reads" },
    { "import-ocd-bad-total.csv", TALLY_IMPORT_ERROR_VALUE,
      "import-ocd-bad-total.csv, line 2, field “total”: the parties’ seats add up to 34, not 35" },
  };
  g_autofree char *before = import_good (fixture);

  for (guint i = 0; i < G_N_ELEMENTS (bad_files); i++)
    {
      g_autoptr(TallyImportSummary) summary = NULL;
      g_autoptr(GError) error = NULL;
      g_autofree char *after = NULL;

      g_test_message ("%s", bad_files[i].file);
      summary = import_one (fixture->db_path, bad_files[i].file, &error);
      g_assert_null (summary);
      g_assert_error (error, TALLY_IMPORT_ERROR, (int) bad_files[i].code);
      g_assert_nonnull (strstr (error->message, bad_files[i].message));

      after = fingerprint (fixture->db_path);
      g_assert_cmpstr (before, ==, after);
    }
}

/* Input no fixture should hold: made on the spot. */
static void
test_hostile_input (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autofree char *before = import_good (fixture);
  g_autofree char *path = g_build_filename (fixture->dir, "hostile.csv", NULL);
  const char *header = "election_date,council_code,ward_name,candidate,party,votes,elected\n";
  const char *row = "2018-05-03,E08000006,Test Ward North,Ada Example,Labour Party,12,0\n";
  struct
  {
    const char       *what;
    GString          *text;
    TallyImportError  code;
    const char       *message;
  } cases[4];

  /* A field of a megabyte. */
  cases[0].what = "long field";
  cases[0].text = g_string_new (header);
  g_string_append (cases[0].text, row);
  g_string_append (cases[0].text, "2018-05-03,E08000006,Test Ward North,");
  for (guint i = 0; i < 1024 * 1024; i++)
    g_string_append_c (cases[0].text, 'x');
  g_string_append (cases[0].text, ",Labour Party,12,0\n");
  cases[0].code = TALLY_IMPORT_ERROR_TOO_LONG;
  cases[0].message = "hostile.csv, line 3: field “candidate” is longer than 16384 bytes";

  /* A NUL in the middle of a name, on a line after a quoted field that
   * spans three lines. */
  cases[1].what = "NUL byte";
  cases[1].text = g_string_new (header);
  g_string_append (cases[1].text, "2018-05-03,E08000006,Test Ward North,\"Ada\nof\nThree Lines\",Labour Party,12,0\n");
  g_string_append_len (cases[1].text, "2018-05-03,E08000006,Test Ward North,Ada\0Nul,Labour Party,12,0\n", 65);
  cases[1].code = TALLY_IMPORT_ERROR_BINARY;
  cases[1].message = "hostile.csv, line 5: a NUL byte";

  /* Too many fields. */
  cases[2].what = "many fields";
  cases[2].text = g_string_new (header);
  for (guint i = 0; i < 1000; i++)
    g_string_append (cases[2].text, "x,");
  g_string_append (cases[2].text, "x\n");
  cases[2].code = TALLY_IMPORT_ERROR_TOO_LONG;
  cases[2].message = "hostile.csv, line 2: more than 256 fields in one row";

  /* Votes beyond any electorate. */
  cases[3].what = "huge number";
  cases[3].text = g_string_new (header);
  g_string_append (cases[3].text, "2018-05-03,E08000006,Test Ward North,Ada,Labour Party,99999999999999999999999,0\n");
  cases[3].code = TALLY_IMPORT_ERROR_VALUE;
  cases[3].message = "hostile.csv, line 2, field “votes”: “999999999999999999999”… is too large";

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(TallyImportSummary) summary = NULL;
      g_autoptr(GError) error = NULL;
      g_autofree char *after = NULL;

      g_test_message ("%s", cases[i].what);
      g_assert_true (g_file_set_contents (path, cases[i].text->str, cases[i].text->len, NULL));
      g_string_free (cases[i].text, TRUE);

      summary = import_one (fixture->db_path, path, &error);
      g_assert_null (summary);
      g_assert_error (error, TALLY_IMPORT_ERROR, (int) cases[i].code);
      if (i == 3)
        g_assert_nonnull (strstr (error->message, "is too large"));
      else
        g_assert_nonnull (strstr (error->message, cases[i].message));

      after = fingerprint (fixture->db_path);
      g_assert_cmpstr (before, ==, after);
    }
}

/* Several files are one transaction: a bad one undoes the good ones. */
static void
test_atomic_files (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autofree char *before = import_good (fixture);
  g_autoptr(TallyImportSummary) summary = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *after = NULL;

  summary = import_files (fixture->db_path,
                          (const char *[]) { "import-dc.csv", "import-leap-2014.csv",
                                             "import-bad-votes.csv", NULL },
                          &error);
  g_assert_error (error, TALLY_IMPORT_ERROR, TALLY_IMPORT_ERROR_VALUE);
  g_assert_null (summary);

  after = fingerprint (fixture->db_path);
  g_assert_cmpstr (before, ==, after);
}

/* A failed first import leaves no database behind. */
static void
test_new_database_failed (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(TallyImportSummary) summary = NULL;
  g_autoptr(GError) error = NULL;

  summary = import_one (fixture->db_path, "import-bad-votes.csv", &error);
  g_assert_error (error, TALLY_IMPORT_ERROR, TALLY_IMPORT_ERROR_VALUE);
  g_assert_false (g_file_test (fixture->db_path, G_FILE_TEST_EXISTS));
}

static void
test_bundled_refused (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(TallyImportSummary) summary = NULL;
  g_autoptr(GError) error = NULL;
  GStatBuf before, after;

  g_assert_cmpint (g_stat (tally_test_bundled_database (), &before), ==, 0);
  summary = import_one (tally_test_bundled_database (), "import-good.csv", &error);
  g_assert_error (error, TALLY_DATABASE_ERROR, TALLY_DATABASE_ERROR_OPEN);
  g_assert_nonnull (strstr (error->message, "bundled database"));
  g_assert_cmpint (g_stat (tally_test_bundled_database (), &after), ==, 0);
  g_assert_cmpint (before.st_mtime, ==, after.st_mtime);
  g_assert_cmpint (before.st_size, ==, after.st_size);
}

static void
test_format_forced (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(TallyImporter) importer = NULL;
  g_autoptr(TallyImportSummary) summary = NULL;
  g_autoptr(GError) error = NULL;

  importer = new_importer (fixture->db_path, TALLY_IMPORT_FORMAT_OCD,
                           (const char *[]) { "import-good.csv", NULL });
  summary = tally_importer_run (importer, NULL, &error);
  g_assert_error (error, TALLY_IMPORT_ERROR, TALLY_IMPORT_ERROR_COLUMNS);
  g_assert_nonnull (strstr (error->message, "Open Council Data composition CSV lacks these columns: authority"));
  g_clear_object (&importer);
  g_clear_error (&error);

  importer = new_importer (fixture->db_path, TALLY_IMPORT_FORMAT_DC,
                           (const char *[]) { "import-dc.csv", NULL });
  summary = tally_importer_run (importer, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (summary->candidates, ==, 6);
}

/* Line numbers count physical lines, through quoted line breaks. */
static void
test_line_numbers (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "lines.csv", NULL);
  g_autoptr(TallyImportSummary) summary = NULL;
  g_autoptr(GError) error = NULL;
  const char *text =
    "\xEF\xBB\xBF" "election_date,council_code,ward_name,candidate,party,votes,elected\r\n"
    "\r\n"
    "2018-05-03,E08000006,Test Ward North,\"Ada\r\nof Two Lines\",Labour Party,12,1\r\n"
    "\r\n"
    "2018-05-03,E08000006,Test Ward North,Bo,Labour Party,twelve,0\r\n";

  g_assert_true (g_file_set_contents (path, text, -1, NULL));
  summary = import_one (fixture->db_path, path, &error);
  g_assert_error (error, TALLY_IMPORT_ERROR, TALLY_IMPORT_ERROR_VALUE);
  g_assert_nonnull (strstr (error->message, "lines.csv, line 6, field “votes”: “twelve”"));
}

static void
write_generated_csv (const char *path,
                     guint       n_rows)
{
  g_autoptr(GString) text = g_string_new ("election_date,council_code,ward_name,candidate,party,votes,elected\n");
  static const char * const codes[] = { "E08000006", "E07000237", "E09000032", "E06000001" };

  for (guint i = 0; i < n_rows; i++)
    g_string_append_printf (text, "2018-05-03,%s,Ward %u,Person %u,%s,%u,%d\n",
                            codes[(i / 5000) % G_N_ELEMENTS (codes)], i / 5, i,
                            i % 2 ? "Labour Party" : "Conservative and Unionist Party",
                            i % 997, i % 5 == 0);

  g_assert_true (g_file_set_contents (path, text->str, text->len, NULL));
}

static void
test_cancel_before (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autofree char *before = import_good (fixture);
  g_autoptr(TallyImporter) importer = NULL;
  g_autoptr(TallyImportSummary) summary = NULL;
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *after = NULL;

  importer = new_importer (fixture->db_path, TALLY_IMPORT_FORMAT_AUTO,
                           (const char *[]) { "import-dc.csv", NULL });
  g_cancellable_cancel (cancellable);
  summary = tally_importer_run (importer, cancellable, &error);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_null (summary);

  after = fingerprint (fixture->db_path);
  g_assert_cmpstr (before, ==, after);
}

typedef struct
{
  GMainLoop          *loop;
  GCancellable       *cancellable;
  TallyImportSummary *summary;
  GError             *error;
  GArray             *fractions;
  gboolean            cancel_on_progress;
  gboolean            off_thread;
} AsyncRun;

static void
fraction_changed_cb (TallyImporter *importer,
                     GParamSpec    *pspec,
                     AsyncRun      *run)
{
  double fraction = tally_importer_get_fraction (importer);

  /* Notified on the thread that started the import. */
  if (!g_main_context_is_owner (g_main_context_default ()))
    run->off_thread = TRUE;

  g_array_append_val (run->fractions, fraction);
  if (run->cancel_on_progress && fraction > 0.0)
    g_cancellable_cancel (run->cancellable);
}

static void
import_done_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      data)
{
  AsyncRun *run = data;

  run->summary = tally_importer_run_finish (TALLY_IMPORTER (object), result, &run->error);
  g_main_loop_quit (run->loop);
}

static void
run_async (TallyImporter *importer,
           AsyncRun      *run)
{
  run->loop = g_main_loop_new (NULL, FALSE);
  run->fractions = g_array_new (FALSE, FALSE, sizeof (double));
  g_signal_connect (importer, "notify::fraction", G_CALLBACK (fraction_changed_cb), run);

  tally_importer_run_async (importer, run->cancellable, import_done_cb, run);
  g_main_loop_run (run->loop);

  g_signal_handlers_disconnect_by_data (importer, run);
  g_main_loop_unref (run->loop);
}

static void
test_async_progress (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "generated.csv", NULL);
  g_autoptr(TallyImporter) importer = NULL;
  AsyncRun run = { 0 };

  write_generated_csv (path, 100000);
  importer = new_importer (fixture->db_path, TALLY_IMPORT_FORMAT_AUTO, (const char *[]) { path, NULL });
  run_async (importer, &run);

  g_assert_no_error (run.error);
  g_assert_nonnull (run.summary);
  g_assert_cmpuint (run.summary->candidates, ==, 100000);
  g_assert_cmpuint (run.summary->contests, ==, 20000);
  g_assert_false (run.off_thread);

  /* Never backwards, up to 1 at the end. */
  g_assert_cmpuint (run.fractions->len, >=, 3);
  g_assert_cmpfloat (g_array_index (run.fractions, double, 0), >, 0.0);
  for (guint i = 1; i < run.fractions->len; i++)
    g_assert_cmpfloat (g_array_index (run.fractions, double, i), >=,
                       g_array_index (run.fractions, double, i - 1));
  g_assert_cmpfloat (g_array_index (run.fractions, double, run.fractions->len - 1), ==, 1.0);
  g_assert_cmpfloat (tally_importer_get_fraction (importer), ==, 1.0);

  g_assert_cmpint (query_int (fixture->db_path, "SELECT count(*) FROM candidates"), ==, 100000);

  tally_import_summary_unref (run.summary);
  g_array_unref (run.fractions);
}

static void
test_async_cancel (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autofree char *before = import_good (fixture);
  g_autofree char *path = g_build_filename (fixture->dir, "generated.csv", NULL);
  g_autoptr(TallyImporter) importer = NULL;
  g_autofree char *after = NULL;
  AsyncRun run = { 0 };

  write_generated_csv (path, 300000);
  importer = new_importer (fixture->db_path, TALLY_IMPORT_FORMAT_AUTO, (const char *[]) { path, NULL });
  run.cancellable = g_cancellable_new ();
  run.cancel_on_progress = TRUE;
  run_async (importer, &run);

  g_assert_error (run.error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_null (run.summary);
  g_assert_true (g_cancellable_is_cancelled (run.cancellable));

  after = fingerprint (fixture->db_path);
  g_assert_cmpstr (before, ==, after);

  g_clear_error (&run.error);
  g_object_unref (run.cancellable);
  g_array_unref (run.fractions);
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

  summary = import_files (fixture->db_path,
                          (const char *[]) { "import-good.csv", "import-dc.csv", "import-leap-2014.csv", NULL },
                          &error);
  g_assert_no_error (error);
  g_clear_pointer (&summary, tally_import_summary_unref);

  csv = g_string_new ("election_date,council_code,council_name,ward_code,ward_name,ballot,"
                      "by_election,seats,candidate,party,votes,elected\n");
  database = open_read_only (fixture->db_path);
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

  summary = import_one (copy_path, csv_path, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (summary->candidates, ==, 21);

  original = query_rows (fixture->db_path, listing);
  copied = query_rows (copy_path, listing);
  g_assert_cmpstr (original, ==, copied);
}

static char *
run_tally (const char * const *args,
           const char         *data_home,
           int                *status,
           char              **err)
{
  g_auto(TallyTestRun) run = { 0 };

  tally_test_run_tally (&run, data_home, args);
  *status = run.status;
  *err = g_steal_pointer (&run.err);

  return g_steal_pointer (&run.out);
}

static void
test_cli (Fixture       *fixture,
          gconstpointer  data)
{
  g_autofree char *good = data_path ("import-good.csv");
  g_autofree char *bad = data_path ("import-bad-votes.csv");
  g_autofree char *leap = data_path ("import-leap-nodate.csv");
  g_autofree char *user_db = g_build_filename (fixture->dir, "tally", "tally.db", NULL);
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  int status;

  /* Into the user's own database, made from the bundled one. */
  out = run_tally ((const char *[]) { "import", good, NULL }, fixture->dir, &status, &err);
  g_assert_cmpint (status, ==, 0);
  g_assert_nonnull (strstr (out, user_db));
  g_assert_nonnull (strstr (out, "Rows read: 8\nRows skipped: 0\nContests: 3\nCandidates: 8\n"
                                 "Councils: 2\nWards added: 3\nParties added: 1\n"));
  g_assert_nonnull (strstr (err, "warning: Council totals kept"));
  g_assert_true (g_file_test (user_db, G_FILE_TEST_EXISTS));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  /* A bad file: exit 1, the reason on stderr, nothing on stdout. */
  out = run_tally ((const char *[]) { "import", "--database", fixture->db_path, bad, NULL },
                   NULL, &status, &err);
  g_assert_cmpint (status, ==, 1);
  g_assert_cmpstr (out, ==, "");
  g_assert_nonnull (strstr (err, "import-bad-votes.csv, line 4, field “votes”"));
  g_assert_false (g_file_test (fixture->db_path, G_FILE_TEST_EXISTS));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  /* --format and --date */
  out = run_tally ((const char *[]) { "import", "-d", fixture->db_path, "--format", "leap",
                                      "--date", "2014-05-22", leap, NULL },
                   NULL, &status, &err);
  g_assert_cmpint (status, ==, 0);
  g_assert_nonnull (strstr (out, "Candidates: 1\n"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  /* Usage errors: exit 2. */
  out = run_tally ((const char *[]) { "import", NULL }, fixture->dir, &status, &err);
  g_assert_cmpint (status, ==, 2);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  out = run_tally ((const char *[]) { "import", "--format", "xlsx", good, NULL }, fixture->dir, &status, &err);
  g_assert_cmpint (status, ==, 2);
  g_assert_nonnull (strstr (err, "“xlsx” is not a format"));
}

/* The real files, where they are. */

static const char *dc_2018 = "results/dc_2018/democracyclub-results-2018-05-03_raw.csv";
static const char *leap_2014 = "results/leap_2014/leap_2014_results_raw.csv";
static const char *ocd = "results/ocd_composition/council_composition_2017_2018.csv";
static const char *national_seats = "results/summary/national_seats_computed.csv";

static char *
real_path (const char *relative)
{
  char *path = tally_test_shared_data_path (relative);

  if (path == NULL)
    {
      g_autofree char *message = g_strdup_printf ("../shared/data/%s is not there", relative);

      g_test_skip (message);
    }

  return path;
}

/* Seats and votes by party group, over councils that held their own
 * election that day (not only by-elections): "CON|1332|4004361\n…". */
static char *
seats_by_group (const char *db_path,
                const char *date)
{
  g_autofree char *sql = g_strdup_printf (
    "SELECT CASE p.grp WHEN 'conservative' THEN 'CON' WHEN 'labour' THEN 'LAB' "
    "WHEN 'libdem' THEN 'LD' WHEN 'green' THEN 'GRN' WHEN 'ukip' THEN 'UKIP' "
    "WHEN 'independent' THEN 'IND' ELSE 'OTH' END AS grp_key, sum (cd.elected), sum (cd.votes) "
    "FROM candidates cd JOIN contests ct ON ct.id = cd.contest_id "
    "JOIN elections e ON e.id = ct.election_id JOIN wards w ON w.id = ct.ward_id "
    "JOIN parties p ON p.id = cd.party_id "
    "WHERE e.date = '%s' AND w.council_id IN "
    "  (SELECT w2.council_id FROM contests c2 JOIN wards w2 ON w2.id = c2.ward_id "
    "   WHERE c2.election_id = e.id AND c2.by_election = 0) "
    "GROUP BY grp_key ORDER BY grp_key", date);

  return query_rows (db_path, sql);
}

/* The same, from national_seats_computed.csv. */
static char *
published_seats_by_group (const char *path,
                          const char *year)
{
  g_autofree char *contents = NULL;
  g_auto(GStrv) lines = NULL;
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func (g_free);

  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  lines = g_strsplit (contents, "\n", -1);
  for (guint i = 1; lines[i] != NULL; i++)
    {
      g_auto(GStrv) fields = g_strsplit (g_strchomp (lines[i]), ",", -1);

      if (g_strv_length (fields) == 5 && g_str_equal (fields[0], year))
        g_ptr_array_add (rows, g_strdup_printf ("%s|%s|%s\n", fields[2], fields[3], fields[4]));
    }

  g_ptr_array_sort (rows, compare_strings);
  g_ptr_array_add (rows, NULL);
  return g_strjoinv ("", (char **) rows->pdata);
}

/* Council-level seats by party group, and votes for the five parties the
 * bundled data counts apart: the same query reads the bundled database and
 * an imported one. */
static char *
council_results_by_group (const char *db_path,
                          const char *date)
{
  g_autofree char *sql = g_strdup_printf (
    "SELECT c.code, CASE p.grp WHEN 'conservative' THEN 'CON' WHEN 'labour' THEN 'LAB' "
    "WHEN 'libdem' THEN 'LD' WHEN 'green' THEN 'GRN' WHEN 'ukip' THEN 'UKIP' "
    "WHEN 'independent' THEN 'IND' ELSE 'OTH' END AS grp_key, sum (r.seats_won), "
    "CASE WHEN p.grp IN ('independent', 'other') THEN NULL ELSE sum (r.votes) END "
    "FROM council_results r JOIN councils c ON c.id = r.council_id "
    "JOIN parties p ON p.id = r.party_id JOIN elections e ON e.id = r.election_id "
    "WHERE e.date = '%s' GROUP BY c.code, grp_key "
    "HAVING sum (r.seats_won) > 0 OR grp_key NOT IN ('IND', 'OTH') ORDER BY c.code, grp_key", date);

  return query_rows (db_path, sql);
}

static void
test_real_dc_2018 (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autofree char *path = real_path (dc_2018);
  g_autofree char *seats_path = NULL;
  g_autoptr(TallyImportSummary) summary = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *rows = NULL;
  g_autofree char *published = NULL;

  if (path == NULL || !(seats_path = real_path (national_seats)))
    return;

  summary = import_one (fixture->db_path, path, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (summary->rows_read, ==, 16090);
  g_assert_true (has_warning (summary, "line 1 (“False”) comes before the header"));
  g_assert_true (has_warning (summary, "35 rows of “mayor” ballots skipped"));
  g_assert_true (has_warning (summary, "no council matches “hertfordshire”"));

  /* Kersal, Salford: Ari Leitner (Conservative) elected with 1,660 votes,
   * Ann-Marie Humphreys (Labour) 910. */
  rows = query_rows (fixture->db_path,
                     "SELECT cd.name, p.key, cd.votes, cd.elected FROM candidates cd "
                     "JOIN contests ct ON ct.id = cd.contest_id JOIN wards w ON w.id = ct.ward_id "
                     "JOIN councils c ON c.id = w.council_id JOIN parties p ON p.id = cd.party_id "
                     "JOIN elections e ON e.id = ct.election_id "
                     "WHERE c.name = 'Salford' AND w.name = 'Kersal' AND e.date = '2018-05-03' "
                     "ORDER BY cd.votes DESC LIMIT 2");
  g_assert_cmpstr (rows, ==, "Ari Leitner|CON|1660|1\nAnn-Marie Humphreys|LAB|910|0\n");

  /* 150 councils held scheduled elections. */
  g_assert_cmpint (query_int (fixture->db_path,
                              "SELECT count (DISTINCT w.council_id) FROM contests ct "
                              "JOIN wards w ON w.id = ct.ward_id JOIN elections e ON e.id = ct.election_id "
                              "WHERE e.date = '2018-05-03' AND ct.by_election = 0"), ==, 150);
  g_assert_cmpint (query_int (fixture->db_path,
                              "SELECT count(*) FROM council_elections ce JOIN elections e ON e.id = ce.election_id "
                              "WHERE e.date = '2018-05-03'"), ==, 150);

  /* Seats per party agree with national_seats_computed.csv. */
  g_clear_pointer (&rows, g_free);
  rows = seats_by_group (fixture->db_path, "2018-05-03");
  published = published_seats_by_group (seats_path, "2018");
  g_assert_cmpstr (rows, ==, published);

  /* Council totals recomputed from the candidates agree with the bundled
   * figures, council by council. */
  g_clear_pointer (&rows, g_free);
  g_clear_pointer (&published, g_free);
  rows = council_results_by_group (fixture->db_path, "2018-05-03");
  published = council_results_by_group (tally_test_bundled_database (), "2018-05-03");
  g_assert_cmpstr (rows, ==, published);
}

static void
test_real_leap_2014 (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autofree char *path = real_path (leap_2014);
  g_autofree char *seats_path = NULL;
  g_autoptr(TallyImportSummary) summary = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *rows = NULL;
  g_autofree char *published = NULL;

  if (path == NULL || !(seats_path = real_path (national_seats)))
    return;

  summary = import_one (fixture->db_path, path, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (summary->rows_read, ==, 17119);
  g_assert_cmpuint (summary->rows_skipped, ==, 0);
  g_assert_cmpuint (summary->councils, ==, 161);
  g_assert_true (has_warning (summary, "read as the election of 2014-05-22"));

  rows = seats_by_group (fixture->db_path, "2014-05-22");
  published = published_seats_by_group (seats_path, "2014");
  g_assert_cmpstr (rows, ==, published);

  /* The 150 councils of the bundled data agree; 11 more voted in 2014. */
  g_assert_cmpint (query_int (fixture->db_path,
                              "SELECT count(*) FROM council_elections ce JOIN elections e ON e.id = ce.election_id "
                              "WHERE e.date = '2014-05-22'"), ==, 161);
  g_clear_pointer (&rows, g_free);
  g_clear_pointer (&published, g_free);
  rows = query_rows (fixture->db_path,
                     "SELECT count(*), sum (seats_up), sum (votes_total) FROM council_elections ce "
                     "JOIN elections e ON e.id = ce.election_id JOIN councils c ON c.id = ce.council_id "
                     "WHERE e.date = '2014-05-22' AND c.cycle IS NOT NULL");
  published = query_rows (tally_test_bundled_database (),
                          "SELECT count(*), sum (seats_up), sum (votes_total) FROM council_elections ce "
                          "JOIN elections e ON e.id = ce.election_id WHERE e.date = '2014-05-22'");
  g_assert_cmpstr (rows, ==, published);
}

static void
test_real_all (Fixture       *fixture,
               gconstpointer  data)
{
  g_autofree char *dc_path = real_path (dc_2018);
  g_autofree char *leap_path = NULL;
  g_autofree char *ocd_path = NULL;
  g_autoptr(TallyImportSummary) summary = NULL;
  g_autoptr(TallyImportSummary) again = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *rows = NULL;

  if (dc_path == NULL || !(leap_path = real_path (leap_2014)) || !(ocd_path = real_path (ocd)))
    return;

  summary = import_files (fixture->db_path, (const char *[]) { dc_path, leap_path, ocd_path, NULL }, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (summary->rows_read, ==, 16090 + 17119 + 300);
  g_assert_cmpuint (summary->compositions, >, 900);

  /* Open Council Data's raw snapshot of Worcester replaces the bundled
   * correction, and says so. */
  g_assert_true (has_warning (summary, "Worcester after the election of 2018-05-03: "
                                       "CON 18, GRN 2, LAB 15 replaces CON 17, GRN 3, LAB 15"));
  rows = query_rows (fixture->db_path,
                     "SELECT p.key, seats FROM compositions co JOIN parties p ON p.id = co.party_id "
                     "JOIN councils c ON c.id = co.council_id "
                     "WHERE c.name = 'Trafford' AND stage = 'after' ORDER BY seats DESC, p.key");
  g_assert_cmpstr (rows, ==, "LAB|30\nCON|29\nGRN|2\nLD|2\n");

  /* All three again: nothing doubles. */
  before = fingerprint (fixture->db_path);
  again = import_files (fixture->db_path, (const char *[]) { dc_path, leap_path, ocd_path, NULL }, &error);
  g_assert_no_error (error);
  after = fingerprint (fixture->db_path);
  g_assert_cmpstr (before, ==, after);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/import/format-names", test_format_names);

#define ADD(name, func) \
  g_test_add (name, Fixture, NULL, fixture_setup, func, fixture_teardown)

  ADD ("/import/tally/good", test_tally_good);
  ADD ("/import/tally/idempotent", test_tally_idempotent);
  ADD ("/import/tally/council-totals", test_tally_council_totals);
  ADD ("/import/tally/header-only", test_tally_header_only);
  ADD ("/import/dc/sample", test_dc_sample);
  ADD ("/import/leap/sample", test_leap_sample);
  ADD ("/import/leap/date", test_leap_date);
  ADD ("/import/ocd/sample", test_ocd_sample);
  ADD ("/import/errors/bad-files", test_bad_files);
  ADD ("/import/errors/hostile-input", test_hostile_input);
  ADD ("/import/errors/line-numbers", test_line_numbers);
  ADD ("/import/atomic/several-files", test_atomic_files);
  ADD ("/import/atomic/new-database", test_new_database_failed);
  ADD ("/import/atomic/bundled-refused", test_bundled_refused);
  ADD ("/import/format-forced", test_format_forced);
  ADD ("/import/cancel/before", test_cancel_before);
  ADD ("/import/async/progress", test_async_progress);
  ADD ("/import/async/cancel", test_async_cancel);
  ADD ("/import/round-trip", test_round_trip);
  ADD ("/import/cli", test_cli);
  ADD ("/import/real/dc-2018", test_real_dc_2018);
  ADD ("/import/real/leap-2014", test_real_leap_2014);
  ADD ("/import/real/all", test_real_all);

#undef ADD

  return g_test_run ();
}
