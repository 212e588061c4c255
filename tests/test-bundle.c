/* test-bundle.c: the project's text data, and what a mistake in it does.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>
#include <glib/gstdio.h>

#include "tally-bundle.h"
#include "tally-database-private.h"
#include "tally-test-util.h"

typedef struct
{
  char *dir;        /* a copy of data/bundled that a test may spoil */
  char *db_path;
} Fixture;

static const char *tables[] = {
  "parties.tsv", "councils.tsv", "elections.tsv", "council-elections.tsv",
  "council-results.tsv", "compositions.tsv", "previous-control.tsv", "special-polls.tsv",
  "notional-baselines.tsv",
};

static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  fixture->dir = tally_test_make_temp_dir ();
  fixture->db_path = g_build_filename (fixture->dir, "bundle.db", NULL);

  for (guint i = 0; i < G_N_ELEMENTS (tables); i++)
    {
      g_autofree char *from = g_build_filename (tally_test_bundled_dir (), tables[i], NULL);
      g_autofree char *to = g_build_filename (fixture->dir, tables[i], NULL);
      g_autofree char *contents = NULL;
      gsize length;

      g_assert_true (g_file_get_contents (from, &contents, &length, NULL));
      g_assert_true (g_file_set_contents (to, contents, length, NULL));
    }
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  tally_test_remove_dir (fixture->dir);
  g_free (fixture->dir);
  g_free (fixture->db_path);
}

/* Replaces the first occurrence of @old in one of the fixture's tables. */
static void
spoil (Fixture    *fixture,
       const char *table,
       const char *old,
       const char *replacement)
{
  g_autofree char *path = g_build_filename (fixture->dir, table, NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GString) spoilt = NULL;
  char *at;

  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  at = strstr (contents, old);
  g_assert_nonnull (at);

  spoilt = g_string_new_len (contents, at - contents);
  g_string_append (spoilt, replacement);
  g_string_append (spoilt, at + strlen (old));
  g_assert_true (g_file_set_contents (path, spoilt->str, spoilt->len, NULL));
}

static gint64
count_rows (TallyDatabase *database,
            const char    *table)
{
  g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM %s", table);
  g_autoptr(sqlite3_stmt) stmt = _tally_database_prepare (database, sql, NULL);

  g_assert_nonnull (stmt);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  return sqlite3_column_int64 (stmt, 0);
}

static TallyDatabase *
load (Fixture  *fixture,
      GError  **error)
{
  g_autoptr(TallyDatabase) database = NULL;
  g_autoptr(GFile) dir = g_file_new_for_path (fixture->dir);
  g_autoptr(GError) open_error = NULL;

  database = tally_database_open (fixture->db_path, TALLY_DATABASE_OPEN_CREATE, &open_error);
  g_assert_no_error (open_error);

  tally_bundle_load (database, dir, error);
  return g_steal_pointer (&database);
}

static void
test_loads_everything (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TallyDatabase) database = load (fixture, &error);

  g_assert_no_error (error);
  g_assert_cmpint (count_rows (database, "councils"), ==, 326);
  g_assert_cmpint (count_rows (database, "parties"), ==, 7);
  g_assert_cmpint (count_rows (database, "elections"), ==, 2);
  g_assert_cmpint (count_rows (database, "council_elections WHERE election_id = "
                               "(SELECT id FROM elections WHERE date = '2018-05-03')"), ==, 150);
  g_assert_cmpint (count_rows (database, "previous_control"), ==, 150);
  /* Four postponed polls (8 seats: Tamworth's Glascote among them, held on
   * 25 May) and 44 same-day by-election seats, all of the 2018 election, the
   * postponed ones held later. */
  g_assert_cmpint (count_rows (database, "special_polls WHERE kind = 'postponed'"), ==, 4);
  g_assert_cmpint (count_rows (database, "special_polls WHERE kind = 'postponed' AND held_on = '2018-05-25' "
                               "AND ward = 'Glascote' AND winners = 'LAB 1' AND council_id = "
                               "(SELECT id FROM councils WHERE code = 'E07000199')"), ==, 1);
  g_assert_cmpint (count_rows (database, "special_polls WHERE kind = 'by_election'"), ==, 44);
  g_assert_cmpint (count_rows (database, "special_polls WHERE held_on = '2018-06-21' AND election_id = "
                               "(SELECT id FROM elections WHERE date = '2018-05-03')"), ==, 1);
  /* 28 councils with a notional baseline, 85 party rows: 18 the BBC's
   * (Slough against 2014: Lab 11, Con 3; Lincoln against 2016: Lab 10,
   * Con 1; Wyre Forest against 2015), ten the previous holders from
   * Wikipedia's 2018 pages or the local press (Rochford against its 2016
   * whole-council election on new wards: Con 8 of 14; Exeter, Lab 10 of 13). */
  g_assert_cmpint (count_rows (database, "notional_baselines"), ==, 85);
  g_assert_cmpint (count_rows (database, "(SELECT DISTINCT council_id FROM notional_baselines)"), ==, 28);
  g_assert_cmpint (count_rows (database, "notional_baselines WHERE baseline = '2016' AND seats = 8 AND party_id = "
                               "(SELECT id FROM parties WHERE key = 'CON') AND council_id = "
                               "(SELECT id FROM councils WHERE code = 'E07000075')"), ==, 1);
  g_assert_cmpint (count_rows (database, "notional_baselines WHERE baseline = '2015' AND seats = 10 AND party_id = "
                               "(SELECT id FROM parties WHERE key = 'CON') AND council_id = "
                               "(SELECT id FROM councils WHERE code = 'E07000239')"), ==, 1);
  g_assert_cmpint (count_rows (database, "notional_baselines WHERE baseline = '2016' AND seats = 10 AND party_id = "
                               "(SELECT id FROM parties WHERE key = 'LAB') AND council_id = "
                               "(SELECT id FROM councils WHERE code = 'E07000138')"), ==, 1);
}

/* Each mistake is named by file, line and field, and nothing is kept. */
static void
assert_refused (Fixture    *fixture,
                const char *expected_message)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TallyDatabase) database = load (fixture, &error);

  g_assert_nonnull (error);
  if (strstr (error->message, expected_message) == NULL)
    g_error ("expected “%s” in “%s”", expected_message, error->message);

  g_assert_cmpint (count_rows (database, "parties"), ==, 0);
  g_assert_cmpint (count_rows (database, "councils"), ==, 0);
}

static void
test_bad_number (Fixture       *fixture,
                 gconstpointer  data)
{
  /* Hartlepool's Labour seats after 2018, on line 7. */
  spoil (fixture, "compositions.tsv", "E06000001\tafter\tLAB\t19", "E06000001\tafter\tLAB\tfourteen");
  assert_refused (fixture, "compositions.tsv, line 7, field “seats”: “fourteen” is not a whole number");
}

static void
test_unknown_council (Fixture       *fixture,
                      gconstpointer  data)
{
  spoil (fixture, "council-results.tsv", "2014-05-22\tE06000001", "2014-05-22\tE06999999");
  assert_refused (fixture, "council-results.tsv, line 2, field “council”: no council has the code E06999999");
}

static void
test_unknown_type (Fixture       *fixture,
                   gconstpointer  data)
{
  spoil (fixture, "councils.tsv", "Hartlepool\tunitary", "Hartlepool\tcity");
  assert_refused (fixture, "councils.tsv, line 2, field “type”: “city” is not a council type");
}

static void
test_missing_field (Fixture       *fixture,
                    gconstpointer  data)
{
  spoil (fixture, "parties.tsv", "\t#0087DC", "");
  assert_refused (fixture, "parties.tsv, line 7: 6 fields where the header names 7");
}

static void
test_wrong_header (Fixture       *fixture,
                   gconstpointer  data)
{
  spoil (fixture, "elections.tsv", "# date\tname\tbaseline", "# day\tname\tbaseline");
  assert_refused (fixture, "elections.tsv, line 1: the first line must name the columns: date, name, baseline");
}

static void
test_not_utf8 (Fixture       *fixture,
               gconstpointer  data)
{
  spoil (fixture, "councils.tsv", "Hartlepool", "Hartlepool\xff");
  assert_refused (fixture, "councils.tsv: not UTF-8 text");
}

static void
test_duplicate_row (Fixture       *fixture,
                    gconstpointer  data)
{
  spoil (fixture, "elections.tsv", "2014-05-22\tLocal elections 2014\t\n",
         "2014-05-22\tLocal elections 2014\t\n2014-05-22\tLocal elections 2014 again\t\n");
  assert_refused (fixture, "elections.tsv, line 3: UNIQUE constraint failed");
}

static void
test_bad_control_key (Fixture       *fixture,
                      gconstpointer  data)
{
  /* Plymouth, line 8: Conservative on the eve, NOC after its 2016 election. */
  spoil (fixture, "previous-control.tsv", "E06000026\tCON\t2016-05-05\tNOC", "E06000026\tTORY\t2016-05-05\tNOC");
  assert_refused (fixture, "previous-control.tsv, line 8, field “control”: “TORY” is neither a party key nor NOC");
}

static void
test_bad_poll_kind (Fixture       *fixture,
                    gconstpointer  data)
{
  spoil (fixture, "special-polls.tsv", "Willesden Green\tpostponed", "Willesden Green\tcancelled");
  assert_refused (fixture, "special-polls.tsv, line 49, field “kind”: must be “postponed” or “by_election”");
}

static void
test_bad_winners (Fixture       *fixture,
                  gconstpointer  data)
{
  spoil (fixture, "special-polls.tsv", "postponed\t3\tLAB 3", "postponed\t3\tLAB three");
  assert_refused (fixture, "special-polls.tsv, line 49, field “winners”: “LAB three” is not a list of party keys");
}

static void
test_bad_notional (Fixture       *fixture,
                   gconstpointer  data)
{
  spoil (fixture, "notional-baselines.tsv", "E08000021\t2016\tLAB\t55", "E08000021\t2016\tLAB\t-55");
  assert_refused (fixture, "notional-baselines.tsv, line 8, field “seats”");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/bundle/loads-everything", Fixture, NULL, fixture_setup, test_loads_everything, fixture_teardown);
  g_test_add ("/bundle/bad-number", Fixture, NULL, fixture_setup, test_bad_number, fixture_teardown);
  g_test_add ("/bundle/unknown-council", Fixture, NULL, fixture_setup, test_unknown_council, fixture_teardown);
  g_test_add ("/bundle/unknown-type", Fixture, NULL, fixture_setup, test_unknown_type, fixture_teardown);
  g_test_add ("/bundle/missing-field", Fixture, NULL, fixture_setup, test_missing_field, fixture_teardown);
  g_test_add ("/bundle/wrong-header", Fixture, NULL, fixture_setup, test_wrong_header, fixture_teardown);
  g_test_add ("/bundle/not-utf8", Fixture, NULL, fixture_setup, test_not_utf8, fixture_teardown);
  g_test_add ("/bundle/duplicate-row", Fixture, NULL, fixture_setup, test_duplicate_row, fixture_teardown);
  g_test_add ("/bundle/bad-control-key", Fixture, NULL, fixture_setup, test_bad_control_key, fixture_teardown);
  g_test_add ("/bundle/bad-poll-kind", Fixture, NULL, fixture_setup, test_bad_poll_kind, fixture_teardown);
  g_test_add ("/bundle/bad-winners", Fixture, NULL, fixture_setup, test_bad_winners, fixture_teardown);
  g_test_add ("/bundle/bad-notional", Fixture, NULL, fixture_setup, test_bad_notional, fixture_teardown);

  return g_test_run ();
}
