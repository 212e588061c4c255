/* test-record-check.c: where a database's seats part from the published record.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "tally-database.h"
#include "tally-record-check.h"
#include "tally-test-util.h"

typedef TallyTestFolder Fixture;

static const char * const both_elections[] = { "2018-05-03", "2014-05-22", NULL };

static GPtrArray *
check_against_bundled (const char *db_path,
                       GHashTable *council_codes)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TallyDatabase) database = tally_database_open (db_path, TALLY_DATABASE_OPEN_READ_ONLY, &error);
  g_autoptr(TallyDatabase) record = NULL;
  GPtrArray *differences;

  g_assert_no_error (error);
  record = tally_database_open (tally_test_bundled_database (), TALLY_DATABASE_OPEN_READ_ONLY, &error);
  g_assert_no_error (error);
  differences = tally_record_check_against (database, record, both_elections, council_codes, &error);
  g_assert_no_error (error);
  g_assert_nonnull (differences);
  return differences;
}

/* "E07000095 2018-05-03 Broxbourne: Lab 0 seats (published 1), …\n…" */
static char *
list_differences (GPtrArray *differences)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < differences->len; i++)
    {
      TallyRecordDifference *difference = g_ptr_array_index (differences, i);

      g_string_append_printf (text, "%s %s %s: %s\n", difference->council_code, difference->date,
                              difference->council_name, difference->detail);
    }
  return g_string_free (text, FALSE);
}

/* The bundled database is the record; a copy of it agrees with it, and
 * tally_record_check() does not even compare the bundled file with itself. */
static void
test_record_bundled_agrees (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) copy = NULL;
  g_autoptr(GPtrArray) itself = NULL;
  g_autoptr(TallyDatabase) bundled = NULL;

  tally_test_copy_bundled (fixture->db_path);
  copy = check_against_bundled (fixture->db_path, NULL);
  g_assert_cmpuint (copy->len, ==, 0);
  g_assert_null (tally_record_check_describe (copy));
  g_assert_null (tally_record_check_describe_brief (copy));

  bundled = tally_database_open (tally_test_bundled_database (), TALLY_DATABASE_OPEN_READ_ONLY, &error);
  g_assert_no_error (error);
  itself = tally_record_check (bundled, both_elections, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (itself->len, ==, 0);
}

/* A seat moved from one party to another in one council is named, with
 * both figures; a council outside the set asked about is not. */
static void
test_record_one_council (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(GPtrArray) differences = NULL;
  g_autoptr(GPtrArray) in_scope = NULL;
  g_autoptr(GPtrArray) elsewhere = NULL;
  g_autoptr(GHashTable) adur = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) bolton = g_hash_table_new (g_str_hash, g_str_equal);
  g_autofree char *text = NULL;
  g_autofree char *brief = NULL;
  g_autofree char *described = NULL;

  /* Adur, 2018: Con 9, Lab 4 published; here Con 8, Lab 5. */
  tally_test_move_adur_seat (fixture->db_path);

  differences = check_against_bundled (fixture->db_path, NULL);
  text = list_differences (differences);
  g_assert_cmpstr (text, ==, "E07000223 2018-05-03 Adur: Lab 5 seats (published 4), Con 8 (published 9)\n");

  brief = tally_record_check_describe_brief (differences);
  g_assert_cmpstr (brief, ==, "Seats not as published in 1 council: Adur");
  described = tally_record_check_describe (differences);
  g_assert_true (g_str_has_suffix (described, "sourced in SOURCES.md: Adur (2018): Lab 5 seats (published 4), "
                                              "Con 8 (published 9)"));

  g_hash_table_add (adur, (gpointer) "E07000223");
  g_hash_table_add (bolton, (gpointer) "E08000001");
  in_scope = check_against_bundled (fixture->db_path, adur);
  g_assert_cmpuint (in_scope->len, ==, 1);
  elsewhere = check_against_bundled (fixture->db_path, bolton);
  g_assert_cmpuint (elsewhere->len, ==, 0);
}

/* On results night a council still declaring is not compared: its seats so
 * far are not a figure the record has.  Once its last contest is in, it is. */
static void
test_record_declaring (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(GPtrArray) declaring = NULL;
  g_autoptr(GPtrArray) declared = NULL;
  g_autofree char *text = NULL;

  tally_test_copy_bundled (fixture->db_path);
  tally_test_run_sql (fixture->db_path,
                      "UPDATE council_results SET seats_won = seats_won + 1 "
                      "WHERE election_id = (SELECT id FROM elections WHERE date = '2018-05-03') "
                      "  AND council_id = (SELECT id FROM councils WHERE code = 'E07000223') "
                      "  AND party_id = (SELECT id FROM parties WHERE key = 'LAB');"
                      "INSERT INTO wards (council_id, name) "
                      "  VALUES ((SELECT id FROM councils WHERE code = 'E07000223'), 'Eastbrook');"
                      "INSERT INTO expected_contests (election_id, ward_id, ballot, seats) "
                      "  VALUES ((SELECT id FROM elections WHERE date = '2018-05-03'), "
                      "          (SELECT id FROM wards WHERE name = 'Eastbrook'), 'local.adur.eastbrook', 1)");
  declaring = check_against_bundled (fixture->db_path, NULL);
  g_assert_cmpuint (declaring->len, ==, 0);

  tally_test_run_sql (fixture->db_path,
                      "INSERT INTO contests (election_id, ward_id, ballot, seats) "
                      "  VALUES ((SELECT id FROM elections WHERE date = '2018-05-03'), "
                      "          (SELECT id FROM wards WHERE name = 'Eastbrook'), 'local.adur.eastbrook', 1)");
  declared = check_against_bundled (fixture->db_path, NULL);
  text = list_differences (declared);
  g_assert_cmpstr (text, ==, "E07000223 2018-05-03 Adur: Lab 5 seats (published 4)\n");
}

/* Democracy Club's 2018 file swaps a winner and a runner-up in three wards
 * (SOURCES.md, "Seats won corrected"): imported, its seats differ from the
 * published record in exactly those three councils, and by one seat each. */
static void
test_record_democracy_club (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autofree char *path = tally_test_shared_data_path ("results/dc_2018/democracyclub-results-2018-05-03_raw.csv");
  g_autoptr(GError) error = NULL;
  g_autoptr(TallyImportSummary) summary = NULL;
  g_autoptr(GPtrArray) differences = NULL;
  g_autofree char *text = NULL;
  g_autofree char *brief = NULL;

  if (path == NULL)
    {
      g_test_skip ("../shared/data/results/dc_2018 is not there");
      return;
    }

  summary = tally_test_import_one (fixture->db_path, path, &error);
  g_assert_no_error (error);

  differences = check_against_bundled (fixture->db_path, NULL);
  text = list_differences (differences);
  g_assert_cmpstr (text, ==,
                   "E07000095 2018-05-03 Broxbourne: Lab 0 seats (published 1), Con 10 (published 9)\n"
                   "E08000022 2018-05-03 North Tyneside: Lab 17 seats (published 18), Green 1 (published 0)\n"
                   "E06000041 2018-05-03 Wokingham: Con 10 seats (published 11), LD 5 (published 4)\n");
  brief = tally_record_check_describe_brief (differences);
  g_assert_cmpstr (brief, ==,
                   "Seats not as published in 3 councils: Broxbourne, North Tyneside, Wokingham");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(name, func) \
  g_test_add (name, Fixture, NULL, tally_test_folder_setup, func, tally_test_folder_teardown)

  ADD ("/record/bundled-agrees", test_record_bundled_agrees);
  ADD ("/record/one-council", test_record_one_council);
  ADD ("/record/declaring", test_record_declaring);
  ADD ("/record/democracy-club-2018", test_record_democracy_club);

#undef ADD

  return g_test_run ();
}
