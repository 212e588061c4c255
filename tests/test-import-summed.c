/* test-import-summed.c: councils' totals that keep their candidates' sums.
 *
 * An import keeps in each council's totals what the engine would otherwise
 * sum from the candidate rows (database version 5: tally-import-figures.c),
 * and the engine reads those instead (tally-results-summed.c).  Every
 * figure `tally summary` prints must be the same read either way: from the
 * totals, from the candidate rows (the totals marked as not summed, as in a
 * file migrated from version 4), and from the totals with every candidate
 * row gone (which shows that the candidates are not read).  Where a
 * council's contests change behind Tally's back, the candidates are read
 * after all.  Replacing an election sums its rows as they go in, as a fresh
 * import does: the totals must be the ones a fresh import writes, and the
 * ones summed from the database where the import replaced only some of a
 * council's contests.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>
#include <glib/gstdio.h>

#include "tally-test-util.h"

typedef TallyTestFolder Fixture;

static const char *dc_2018 = "results/dc_2018/democracyclub-results-2018-05-03_raw.csv";
static const char *leap_2014 = "results/leap_2014/leap_2014_results_raw.csv";
static const char *ocd = "results/ocd_composition/council_composition_2017_2018.csv";

/* What `tally summary` prints for @election, by both vote methods: the
 * state of the parties (with the national share estimate) and one row per
 * council. */
static char *
figures_of (Fixture    *fixture,
            const char *path,
            const char *election)
{
  static const char * const variants[][3] = {
    { "--method=total", NULL, NULL },
    { "--method=top", NULL, NULL },
    { "--method=total", "--councils", "--csv" },
    { "--method=top", "--councils", "--csv" },
  };
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (variants); i++)
    {
      g_auto(TallyTestRun) run = { 0 };

      tally_test_run_tally (&run, fixture->dir,
                            (const char *[]) { "summary", "--database", path, "--election", election,
                                               variants[i][0], variants[i][1], variants[i][2], NULL });
      g_assert_cmpint (run.status, ==, 0);
      g_string_append (text, run.out);
    }

  return g_string_free (text, FALSE);
}

/* Copies of the imported file: its totals marked as not summed, and its
 * candidate rows gone. */
static void
make_copies (Fixture *fixture,
             char   **rows_path,
             char   **totals_path)
{
  g_autofree char *contents = NULL;
  gsize length;

  *rows_path = tally_test_folder_path (fixture, "rows.db");
  *totals_path = tally_test_folder_path (fixture, "totals.db");
  g_assert_true (g_file_get_contents (fixture->db_path, &contents, &length, NULL));
  g_assert_true (g_file_set_contents (*rows_path, contents, length, NULL));
  g_assert_true (g_file_set_contents (*totals_path, contents, length, NULL));
  tally_test_run_sql (*rows_path, "UPDATE council_elections SET contests = NULL, three_party_polls = NULL");
  tally_test_run_sql (*totals_path, "DELETE FROM candidates");
  g_assert_cmpint (tally_test_query_int (*totals_path, "SELECT count (*) FROM candidates"), ==, 0);
}

static void
test_summed_fixture (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autofree char *csv = tally_test_data_path ("import-summed.csv");
  g_autoptr(TallyImportSummary) summary = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *rows_path = NULL;
  g_autofree char *totals_path = NULL;
  g_autofree char *stored = NULL;
  g_autofree char *from_totals = NULL;
  g_autofree char *from_rows = NULL;
  g_autofree char *without_rows = NULL;
  g_autofree char *changed_totals = NULL;
  g_autofree char *changed_rows = NULL;

  summary = tally_test_import_files (fixture->db_path, (const char *[]) { csv, NULL }, &error);
  g_assert_no_error (error);

  /* Salford: four contests (a by-election among them), three where Con,
   * Lab and LD all stood (not East); Labour's best per ward are 900, 1,500
   * (of its two in South), 1,000 and 450.  Worcester had a by-election
   * only: it held no election, and has no totals. */
  stored = tally_test_query_rows (fixture->db_path,
                                  "SELECT c.name, ce.seats_up, ce.contests, ce.three_party_polls "
                                  "FROM council_elections ce JOIN councils c ON c.id = ce.council_id "
                                  "JOIN elections e ON e.id = ce.election_id WHERE e.date = '2022-05-05' "
                                  "ORDER BY c.name");
  g_assert_cmpstr (stored, ==, "Richmond upon Thames|3|1|1\nSalford|5|4|3\n");
  g_clear_pointer (&stored, g_free);
  stored = tally_test_query_rows (fixture->db_path,
                                  "SELECT p.key, cr.seats_won, cr.votes, cr.top_votes, cr.three_votes "
                                  "FROM council_results cr JOIN councils c ON c.id = cr.council_id "
                                  "JOIN parties p ON p.id = cr.party_id JOIN elections e ON e.id = cr.election_id "
                                  "WHERE e.date = '2022-05-05' AND c.name = 'Salford' ORDER BY p.key");
  g_assert_cmpstr (stored, ==, "CON|2|2400|2400|2400\nGRN|0|645|645|45\nLAB|3|5250|3850|2850\nLD|0|650|650|650\n");

  make_copies (fixture, &rows_path, &totals_path);
  from_totals = figures_of (fixture, fixture->db_path, "2022-05-05");
  from_rows = figures_of (fixture, rows_path, "2022-05-05");
  without_rows = figures_of (fixture, totals_path, "2022-05-05");
  g_assert_nonnull (strstr (from_totals, "National share estimate: Con 42.3%, Lab 31.6%, LD 25.7%, others 0.4% "
                                         "(top-vote share over 4 ward polls in 2 of 2 councils"));
  g_assert_cmpstr (from_totals, ==, from_rows);
  g_assert_cmpstr (without_rows, ==, from_totals);

  /* Another tool adds a contest to Richmond: its totals no longer say
   * what its candidates do, and the candidates are read. */
  for (guint i = 0; i < 2; i++)
    tally_test_run_sql (i == 0 ? fixture->db_path : rows_path,
                        "INSERT INTO contests (id, election_id, ward_id, ballot, seats) "
                        "  SELECT 1000, e.id, w.id, 'Kew', 1 FROM elections e, wards w JOIN councils c "
                        "  ON c.id = w.council_id WHERE e.date = '2022-05-05' AND c.name = 'Richmond upon Thames';"
                        "INSERT INTO candidates (contest_id, name, party_id, votes, elected) "
                        "  SELECT 1000, 'Tom T', id, 5000, 1 FROM parties WHERE key = 'GRN'");
  changed_totals = figures_of (fixture, fixture->db_path, "2022-05-05");
  changed_rows = figures_of (fixture, rows_path, "2022-05-05");
  g_assert_cmpstr (changed_totals, ==, changed_rows);
  g_assert_cmpstr (changed_totals, !=, from_totals);
}

/* Every column of every council's totals on @date, by name. */
static char *
totals_of (const char *path,
           const char *date)
{
  g_autofree char *councils = NULL;
  g_autofree char *parties = NULL;
  g_autofree char *where = g_strdup_printf ("WHERE e.date = '%s'", date);
  g_autofree char *sql = NULL;

  sql = g_strdup_printf ("SELECT c.name, ce.seats_up, ce.votes_total, ce.electorate, ce.ballots, ce.contests, "
                         "ce.three_party_polls FROM council_elections ce JOIN councils c ON c.id = ce.council_id "
                         "JOIN elections e ON e.id = ce.election_id %s ORDER BY c.name", where);
  councils = tally_test_query_rows (path, sql);
  g_free (sql);
  sql = g_strdup_printf ("SELECT c.name, p.key, cr.seats_won, cr.votes, cr.top_votes, cr.three_votes "
                         "FROM council_results cr JOIN councils c ON c.id = cr.council_id "
                         "JOIN parties p ON p.id = cr.party_id JOIN elections e ON e.id = cr.election_id "
                         "%s ORDER BY c.name, p.key", where);
  parties = tally_test_query_rows (path, sql);
  return g_strconcat (councils, "--\n", parties, NULL);
}

/* Every candidate's row on @date, by ward: a contest replaced must hold
 * the file's rows and no others. */
static char *
candidates_of (const char *path,
               const char *date)
{
  g_autofree char *sql = g_strdup_printf ("SELECT w.name, ct.ballot, cd.name, cd.votes, cd.elected "
                                          "FROM candidates cd JOIN contests ct ON ct.id = cd.contest_id "
                                          "JOIN wards w ON w.id = ct.ward_id "
                                          "JOIN elections e ON e.id = ct.election_id "
                                          "WHERE e.date = '%s' ORDER BY 1, 2, 3, 4, 5", date);

  return tally_test_query_rows (path, sql);
}

/* Lines of @csv (its header always), with @from replaced by @to. */
static char *
write_variant (Fixture    *fixture,
               const char *csv,
               const char *name,
               const char *keep,
               const char *from,
               const char *to)
{
  g_autofree char *contents = NULL;
  g_auto(GStrv) lines = NULL;
  g_autoptr(GString) out = g_string_new (NULL);
  char *path = tally_test_folder_path (fixture, name);

  g_assert_true (g_file_get_contents (csv, &contents, NULL, NULL));
  lines = g_strsplit (contents, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_autofree char *line = NULL;
      g_auto(GStrv) parts = NULL;

      if (lines[i][0] == '\0' || (i > 0 && keep != NULL && strstr (lines[i], keep) == NULL))
        continue;
      parts = g_strsplit (lines[i], from, -1);
      line = g_strjoinv (to, parts);
      g_string_append_printf (out, "%s\n", line);
    }
  g_assert_true (g_file_set_contents (path, out->str, -1, NULL));
  return path;
}

static void
test_summed_replaced (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autofree char *csv = tally_test_data_path ("import-summed.csv");
  g_autofree char *partial = write_variant (fixture, csv, "north.csv", ",North,", ",900,", ",950,");
  g_autofree char *changed = write_variant (fixture, csv, "changed.csv", NULL, ",900,", ",950,");
  g_autofree char *twice_path = tally_test_folder_path (fixture, "twice.db");
  g_autofree char *changed_path = tally_test_folder_path (fixture, "changed.db");
  g_autofree char *fresh = NULL;
  g_autofree char *again = NULL;
  g_autofree char *twice = NULL;
  g_autofree char *mixed = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *fresh_rows = NULL;
  g_autofree char *again_rows = NULL;
  g_autofree char *mixed_rows = NULL;
  g_autofree char *expected_rows = NULL;
  g_autoptr(GError) error = NULL;
  TallyImportSummary *summary;

  summary = tally_test_import_files (fixture->db_path, (const char *[]) { csv, NULL }, &error);
  g_assert_no_error (error);
  tally_import_summary_unref (summary);
  fresh = totals_of (fixture->db_path, "2022-05-05");
  g_assert_nonnull (strstr (fresh, "Salford|5|"));
  fresh_rows = candidates_of (fixture->db_path, "2022-05-05");
  g_assert_nonnull (strstr (fresh_rows, "North|North|"));

  /* The same file again: every contest replaced, the totals as they were. */
  summary = tally_test_import_files (fixture->db_path, (const char *[]) { csv, NULL }, &error);
  g_assert_no_error (error);
  tally_import_summary_unref (summary);
  again = totals_of (fixture->db_path, "2022-05-05");
  g_assert_cmpstr (again, ==, fresh);
  again_rows = candidates_of (fixture->db_path, "2022-05-05");
  g_assert_cmpstr (again_rows, ==, fresh_rows);

  /* Twice in one import: the second copy replaces what the first wrote. */
  summary = tally_test_import_files (twice_path, (const char *[]) { csv, csv, NULL }, &error);
  g_assert_no_error (error);
  tally_import_summary_unref (summary);
  twice = totals_of (twice_path, "2022-05-05");
  g_assert_cmpstr (twice, ==, fresh);
  g_free (again_rows);
  again_rows = candidates_of (twice_path, "2022-05-05");
  g_assert_cmpstr (again_rows, ==, fresh_rows);

  /* One of Salford's four contests replaced (Labour's 900 in North now
   * 950): its totals are those of all four, as a fresh import of the whole
   * corrected file gives them. */
  summary = tally_test_import_files (fixture->db_path, (const char *[]) { partial, NULL }, &error);
  g_assert_no_error (error);
  tally_import_summary_unref (summary);
  mixed = totals_of (fixture->db_path, "2022-05-05");
  summary = tally_test_import_files (changed_path, (const char *[]) { changed, NULL }, &error);
  g_assert_no_error (error);
  tally_import_summary_unref (summary);
  expected = totals_of (changed_path, "2022-05-05");
  g_assert_nonnull (strstr (expected, "Salford|LAB|3|5300|3900|2900\n"));
  g_assert_cmpstr (mixed, ==, expected);
  g_assert_cmpstr (mixed, !=, fresh);
  mixed_rows = candidates_of (fixture->db_path, "2022-05-05");
  expected_rows = candidates_of (changed_path, "2022-05-05");
  g_assert_cmpstr (mixed_rows, ==, expected_rows);
  g_assert_cmpstr (mixed_rows, !=, fresh_rows);
}

/* A contest replaced keeps its row, written again only when the file
 * changes its seats or whether it is a by-election: both changes must
 * reach the database, and changing them back too. */
static void
test_summed_reseated (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autofree char *csv = tally_test_data_path ("import-summed.csv");
  g_autofree char *changed = write_variant (fixture, csv, "south.csv", NULL, ",South,,0,2,", ",South,,1,3,");
  const char *sql = "SELECT ballot, seats, by_election FROM contests WHERE ballot IN ('North', 'South') "
                    "ORDER BY ballot";
  const char * const files[] = { csv, changed, csv };
  const char * const expected[] = { "North|1|0\nSouth|2|0\n", "North|1|0\nSouth|3|1\n", "North|1|0\nSouth|2|0\n" };
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    {
      g_autofree char *rows = NULL;
      TallyImportSummary *summary;

      summary = tally_test_import_files (fixture->db_path, (const char *[]) { files[i], NULL }, &error);
      g_assert_no_error (error);
      tally_import_summary_unref (summary);
      rows = tally_test_query_rows (fixture->db_path, sql);
      g_assert_cmpstr (rows, ==, expected[i]);
      g_assert_cmpint (tally_test_query_int (fixture->db_path, "SELECT count (*) FROM contests"), ==, 6);
    }
}

/* Every candidate's row on @date, in the order of its contest's rows
 * (their ids), with its party as stored and as the file spelt it. */
static char *
candidates_in_order (const char *path,
                     const char *date)
{
  g_autofree char *sql = g_strdup_printf ("SELECT w.name, ct.ballot, cd.name, p.key, cd.party_name, cd.votes, "
                                          "cd.elected FROM candidates cd JOIN contests ct ON ct.id = cd.contest_id "
                                          "JOIN wards w ON w.id = ct.ward_id JOIN parties p ON p.id = cd.party_id "
                                          "JOIN elections e ON e.id = ct.election_id "
                                          "WHERE e.date = '%s' ORDER BY 1, 2, cd.id", date);

  return tally_test_query_rows (path, sql);
}

/* A contest replaced by one with fewer rows, one with more, one whose
 * candidate changed party and votes and one with its rows in another
 * order: the file's rows take the places of the stored ones, and what
 * the database holds after must be what a fresh import of the file
 * writes, row for row and in the file's order, with its indexes whole;
 * the first file again gives back the first file's rows. */
static void
test_summed_reshaped (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autofree char *csv = tally_test_data_path ("import-summed.csv");
  g_autofree char *contents = NULL;
  g_autofree char *variant = tally_test_folder_path (fixture, "reshaped.csv");
  g_autofree char *fresh_path = tally_test_folder_path (fixture, "fresh.db");
  g_autofree char *first_rows = NULL;
  g_auto(GStrv) lines = NULL;
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  const char * const files[] = { csv, variant, csv };

  g_assert_true (g_file_get_contents (csv, &contents, NULL, NULL));
  lines = g_strsplit (contents, "\n", -1);
  g_assert_nonnull (strstr (lines[4], "Di D"));
  g_assert_nonnull (strstr (lines[8], "Hal H"));
  g_assert_nonnull (strstr (lines[10], "Jo J,Green Party,600,"));
  g_assert_nonnull (strstr (lines[17], "Quin Q"));
  for (guint i = 0; lines[i] != NULL; i++)
    {
      if (i == 4 || lines[i][0] == '\0')
        continue;
      if (i == 10)
        g_string_append (out, "2022-05-05,E08000006,Salford,,East,,,,Jo J,Independent,610,0\n");
      else if (i == 17 || i == 18)
        g_string_append_printf (out, "%s\n", lines[i == 17 ? 18 : 17]);
      else
        g_string_append_printf (out, "%s\n", lines[i]);
      if (i == 8)
        g_string_append (out, "2022-05-05,E08000006,Salford,,South,,0,2,Zed Z,Green Party,200,0\n");
    }
  g_assert_true (g_file_set_contents (variant, out->str, -1, NULL));

  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    {
      g_autofree char *rows = NULL;
      g_autofree char *totals = NULL;
      g_autofree char *expected_rows = NULL;
      g_autofree char *expected_totals = NULL;
      TallyImportSummary *summary;

      summary = tally_test_import_files (fixture->db_path, (const char *[]) { files[i], NULL }, &error);
      g_assert_no_error (error);
      tally_import_summary_unref (summary);
      g_unlink (fresh_path);
      summary = tally_test_import_files (fresh_path, (const char *[]) { files[i], NULL }, &error);
      g_assert_no_error (error);
      tally_import_summary_unref (summary);

      rows = candidates_in_order (fixture->db_path, "2022-05-05");
      expected_rows = candidates_in_order (fresh_path, "2022-05-05");
      g_assert_cmpstr (rows, ==, expected_rows);
      totals = totals_of (fixture->db_path, "2022-05-05");
      expected_totals = totals_of (fresh_path, "2022-05-05");
      g_assert_cmpstr (totals, ==, expected_totals);
      g_assert_cmpint (tally_test_query_int (fixture->db_path, "SELECT count (*) FROM candidates"), ==,
                       tally_test_query_int (fresh_path, "SELECT count (*) FROM candidates"));
      g_assert_cmpint (tally_test_query_int (fixture->db_path,
                                             "SELECT count (*) FROM pragma_integrity_check WHERE integrity_check <> 'ok'"),
                       ==, 0);
      if (i == 0)
        first_rows = g_steal_pointer (&rows);
      else if (i == 1)
        {
          g_assert_cmpstr (rows, !=, first_rows);
          g_assert_nonnull (strstr (rows, "South|South|Zed Z|GRN|Green Party|200|0\n"));
          g_assert_nonnull (strstr (rows, "East|East|Jo J|IND|Independent|610|0\n"));
          g_assert_nonnull (strstr (rows, "Ham|Ham|Ray R|CON|Conservative and Unionist Party|1950|1\n"
                                          "Ham|Ham|Quin Q|"));
          g_assert_null (strstr (rows, "Di D"));
        }
      else
        g_assert_cmpstr (rows, ==, first_rows);
    }
}

/* @csv with its data lines in the order @order gives (line 1 is the first
 * after the header; 0 ends the list). */
static char *
write_reordered (Fixture     *fixture,
                 const char  *csv,
                 const char  *name,
                 const guint *order)
{
  g_autofree char *contents = NULL;
  g_auto(GStrv) lines = NULL;
  g_autoptr(GString) out = g_string_new (NULL);
  char *path = tally_test_folder_path (fixture, name);

  g_assert_true (g_file_get_contents (csv, &contents, NULL, NULL));
  lines = g_strsplit (contents, "\n", -1);
  g_string_append_printf (out, "%s\n", lines[0]);
  for (guint i = 0; order[i] != 0; i++)
    {
      g_assert_cmpuint (order[i], <, g_strv_length (lines));
      g_string_append_printf (out, "%s\n", lines[order[i]]);
    }
  g_assert_true (g_file_set_contents (path, out->str, -1, NULL));
  return path;
}

/* The import writes a council's totals once it has moved past it, and
 * holds no more: a council the file comes back to later (Salford's rows in
 * two places, even one contest's rows in two places) must still get the
 * totals of all its rows, as when they come together. */
static void
test_summed_split (Fixture       *fixture,
                   gconstpointer  data)
{
  /* Salford is lines 1-13 (North 1-4, South 5-8, East 9-10, West 11-13),
   * Worcester 14-15, Richmond 16-19. */
  static const guint council_split[] = { 1, 2, 3, 4, 5, 6, 7, 8, 14, 15, 16, 17, 18, 19, 9, 10, 11, 12, 13, 0 };
  static const guint contest_split[] = { 1, 2, 16, 17, 18, 19, 3, 4, 5, 6, 7, 8, 9, 10, 14, 15, 11, 12, 13, 0 };
  /* Salford back three times, Richmond twice. */
  static const guint alternating[] = { 1, 2, 3, 4, 16, 17, 5, 6, 7, 8, 18, 19, 9, 10, 14, 15, 11, 12, 13, 0 };
  static const guint * const orders[] = { council_split, contest_split, alternating };
  g_autofree char *csv = tally_test_data_path ("import-summed.csv");
  g_autofree char *whole = NULL;
  g_autoptr(GError) error = NULL;
  TallyImportSummary *summary;

  summary = tally_test_import_files (fixture->db_path, (const char *[]) { csv, NULL }, &error);
  g_assert_no_error (error);
  tally_import_summary_unref (summary);
  whole = totals_of (fixture->db_path, "2022-05-05");
  g_assert_nonnull (strstr (whole, "Salford|5|8945|NULL|NULL|4|3\n"));
  g_assert_nonnull (strstr (whole, "Salford|LAB|3|5250|3850|2850\n"));

  for (guint i = 0; i < G_N_ELEMENTS (orders); i++)
    {
      g_autofree char *name = g_strdup_printf ("split-%u", i);
      g_autofree char *csv_name = g_strconcat (name, ".csv", NULL);
      g_autofree char *db_name = g_strconcat (name, ".db", NULL);
      g_autofree char *split = write_reordered (fixture, csv, csv_name, orders[i]);
      g_autofree char *db_path = tally_test_folder_path (fixture, db_name);
      g_autofree char *totals = NULL;

      summary = tally_test_import_files (db_path, (const char *[]) { split, NULL }, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (summary->candidates, ==, 19);
      g_assert_cmpuint (summary->contests, ==, 6);
      g_assert_cmpuint (summary->councils, ==, 3);
      tally_import_summary_unref (summary);
      totals = totals_of (db_path, "2022-05-05");
      g_assert_cmpstr (totals, ==, whole);
      g_assert_cmpint (tally_test_query_int (db_path, "SELECT count (*) FROM candidates"), ==, 19);
    }
}

/* The records of a CSV file, each with its line ending: a quoted field
 * may hold line breaks. */
static GPtrArray *
split_records (const char *contents)
{
  GPtrArray *records = g_ptr_array_new_with_free_func (g_free);
  gboolean quoted = FALSE;
  const char *start = contents;

  for (const char *p = contents; *p != '\0'; p++)
    if (*p == '"')
      quoted = !quoted;
    else if (*p == '\n' && !quoted)
      {
        g_ptr_array_add (records, g_strndup (start, p + 1 - start));
        start = p + 1;
      }
  if (*start != '\0')
    g_ptr_array_add (records, g_strconcat (start, "\n", NULL));

  return records;
}

/* Democracy Club's 2018 file with the first half of every council's rows
 * at the top and the second halves after them all (contests cut in two
 * among them): every council's totals as the file in its own order gives
 * them. */
static void
test_summed_split_real (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autofree char *dc_path = tally_test_shared_data_path (dc_2018);
  g_autofree char *split_path = NULL;
  g_autofree char *split_db = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *whole = NULL;
  g_autofree char *split = NULL;
  g_autoptr(GString) first = g_string_new (NULL);
  g_autoptr(GString) second = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) records = NULL;
  TallyImportSummary *summary;
  guint start = 2;

  if (dc_path == NULL)
    {
      g_test_skip ("../shared/data/results is not there");
      return;
    }

  g_assert_true (g_file_get_contents (dc_path, &contents, NULL, NULL));
  records = split_records (contents);
  /* A line before the header ("False"), then the header. */
  g_string_append_printf (first, "%s%s", (char *) records->pdata[0], (char *) records->pdata[1]);
  /* Each council's block: the records with the same first field. */
  for (guint i = 2; i < records->len; i++)
    {
      const char *record = records->pdata[i];
      gsize key = strcspn (record, ",");

      if (i + 1 == records->len || strncmp (records->pdata[i + 1], record, key + 1) != 0)
        {
          for (guint j = start; j <= i; j++)
            g_string_append (j < start + (i + 1 - start) / 2 ? first : second, records->pdata[j]);
          start = i + 1;
        }
    }
  g_string_append (first, second->str);
  split_path = tally_test_folder_path (fixture, "split-2018.csv");
  split_db = tally_test_folder_path (fixture, "split-2018.db");
  g_assert_true (g_file_set_contents (split_path, first->str, -1, NULL));

  summary = tally_test_import_files (fixture->db_path, (const char *[]) { dc_path, NULL }, &error);
  g_assert_no_error (error);
  tally_import_summary_unref (summary);
  summary = tally_test_import_files (split_db, (const char *[]) { split_path, NULL }, &error);
  g_assert_no_error (error);
  tally_import_summary_unref (summary);

  whole = totals_of (fixture->db_path, "2018-05-03");
  split = totals_of (split_db, "2018-05-03");
  g_assert_cmpuint (strlen (whole), >, 10000);
  g_assert_cmpstr (split, ==, whole);
  g_assert_cmpint (tally_test_query_int (split_db, "SELECT count (*) FROM candidates"), ==,
                   tally_test_query_int (fixture->db_path, "SELECT count (*) FROM candidates"));
}

/* The real files of 2018 and 2014: every figure of both elections the same
 * from the totals as from the candidates, the national share estimate as
 * the candidates give it. */
static void
test_summed_real (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autofree char *dc_path = tally_test_shared_data_path (dc_2018);
  g_autofree char *leap_path = tally_test_shared_data_path (leap_2014);
  g_autofree char *ocd_path = tally_test_shared_data_path (ocd);
  g_autoptr(TallyImportSummary) summary = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *rows_path = NULL;
  g_autofree char *totals_path = NULL;
  static const char * const elections[] = { "2018-05-03", "2014-05-22" };

  if (dc_path == NULL || leap_path == NULL || ocd_path == NULL)
    {
      g_test_skip ("../shared/data/results is not there");
      return;
    }

  summary = tally_test_import_files (fixture->db_path, (const char *[]) { dc_path, leap_path, ocd_path, NULL }, &error);
  g_assert_no_error (error);
  /* Every council that held its election is summed (2018's ten other
   * contests are by-elections in councils that did not). */
  g_assert_cmpint (tally_test_query_int (fixture->db_path,
                                         "SELECT count (*) FROM council_elections ce JOIN elections e "
                                         "ON e.id = ce.election_id WHERE e.date = '2018-05-03' "
                                         "AND ce.contests IS NULL"), ==, 0);
  g_assert_cmpint (tally_test_query_int (fixture->db_path,
                                         "SELECT sum (contests) FROM council_elections ce JOIN elections e "
                                         "ON e.id = ce.election_id WHERE e.date = '2018-05-03'"), ==, 2739);
  make_copies (fixture, &rows_path, &totals_path);

  for (guint i = 0; i < G_N_ELEMENTS (elections); i++)
    {
      g_autofree char *from_totals = figures_of (fixture, fixture->db_path, elections[i]);
      g_autofree char *from_rows = figures_of (fixture, rows_path, elections[i]);
      g_autofree char *without_rows = figures_of (fixture, totals_path, elections[i]);

      g_assert_cmpstr (from_totals, ==, from_rows);
      g_assert_cmpstr (without_rows, ==, from_totals);
      if (i == 0)
        g_assert_nonnull (strstr (from_totals, "National share estimate: Lab 39.6%, Con 31.2%, LD 16.8%, "
                                               "others 12.4% (top-vote share over 2,108 ward polls in 141 of "
                                               "150 councils"));
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/import/summed/fixture", Fixture, NULL, tally_test_folder_setup, test_summed_fixture,
              tally_test_folder_teardown);
  g_test_add ("/import/summed/replaced", Fixture, NULL, tally_test_folder_setup, test_summed_replaced,
              tally_test_folder_teardown);
  g_test_add ("/import/summed/reseated", Fixture, NULL, tally_test_folder_setup, test_summed_reseated,
              tally_test_folder_teardown);
  g_test_add ("/import/summed/reshaped", Fixture, NULL, tally_test_folder_setup, test_summed_reshaped,
              tally_test_folder_teardown);
  g_test_add ("/import/summed/split", Fixture, NULL, tally_test_folder_setup, test_summed_split,
              tally_test_folder_teardown);
  g_test_add ("/import/summed/split-real", Fixture, NULL, tally_test_folder_setup, test_summed_split_real,
              tally_test_folder_teardown);
  g_test_add ("/import/summed/real", Fixture, NULL, tally_test_folder_setup, test_summed_real,
              tally_test_folder_teardown);

  return g_test_run ();
}
