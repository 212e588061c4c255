/* test-summary.c: `tally summary`, as a script would run it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include "tally-test-util.h"

/* `tally summary ARGS…` */
static void
run_tally (TallyTestRun       *run,
           const char * const *args)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();

  g_ptr_array_add (argv, (char *) "summary");
  for (; *args != NULL; args++)
    g_ptr_array_add (argv, (char *) *args);
  g_ptr_array_add (argv, NULL);

  tally_test_run_tally (run, NULL, (const char * const *) argv->pdata);
}

static gboolean
has_line (TallyTestRun *run,
          const char   *line)
{
  return g_strv_contains ((const char * const *) run->lines, line);
}

static void
test_summary_csv (void)
{
  g_auto(TallyTestRun) run = { 0 };

  run_tally (&run, (const char *[]) { "--csv", NULL });

  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.err, ==, "");
  g_assert_cmpstr (run.lines[0], ==, "party,councils_before,councils_after,councils_change,seats,seats_change,"
                                     "votes,vote_share,vote_share_change");
  /* Labour: 72 → 73 councils, 2,348 seats, 5,634,563 votes. */
  g_assert_true (g_str_has_prefix (run.out + strlen (run.lines[0]) + 1, "GRN,0,0,0,40,"));
  g_assert_nonnull (strstr (run.out, "\nLAB,72,73,1,2348,"));
  g_assert_nonnull (strstr (run.out, ",5634563,44.28,"));
  g_assert_nonnull (strstr (run.out, "\nCON,45,46,1,1332,"));
  g_assert_nonnull (strstr (run.out, "\nLD,5,8,3,537,"));
  /* No votes for independents in the bundled data: empty, not zero. */
  g_assert_nonnull (strstr (run.out, "\nIND,0,0,0,60,8,,,\n"));
  g_assert_true (has_line (&run, "NOC,28,23,-5,,,,,"));
}

static void
test_summary_table (void)
{
  g_auto(TallyTestRun) run = { 0 };

  run_tally (&run, (const char *[]) { "--region", "london", NULL });

  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.lines[0], ==, "Local elections 2018 (2018-05-03) compared with Local elections 2014 (2014-05-22)");
  g_assert_true (g_str_has_prefix (run.lines[1], "Scope: 32 councils (no declaration times recorded: "
                                                 "all counted as declared); 1,"));
  g_assert_nonnull (strstr (run.out, "Butler swing Con → Lab: "));
}

static void
test_summary_councils (void)
{
  g_auto(TallyTestRun) run = { 0 };

  /* "Gained by the Liberal Democrats", as the window's filter has it. */
  run_tally (&run, (const char *[]) { "--councils", "--csv", "--party", "ld", "--outcome", "gain", NULL });

  g_assert_cmpint (run.status, ==, 0);
  g_assert_true (g_str_has_prefix (run.lines[0], "code,name,control_before,control_after,outcome,outcome_description,"
                                                 "GRN_seats,GRN_seats_change,"));
  g_assert_true (g_str_has_suffix (run.lines[0], ",swing_con_lab"));
  g_assert_cmpuint (g_strv_length (run.lines), ==, 5);  /* header, 3 councils, "" */
  g_assert_true (g_str_has_prefix (run.lines[1], "E09000021,Kingston upon Thames,CON,LD,gain,"
                                                 "Liberal Democrats gain from Conservative,"));
  g_assert_true (g_str_has_prefix (run.lines[2], "E09000027,Richmond upon Thames,CON,LD,gain,"));
  g_assert_true (g_str_has_prefix (run.lines[3], "E07000012,South Cambridgeshire,CON,LD,gain,"));
  /* Richmond: LD 39 seats, 24 more than the same seats in 2014. */
  g_assert_nonnull (strstr (run.lines[2], ",39,24,"));
}

static void
test_summary_council_names (void)
{
  g_auto(TallyTestRun) run = { 0 };

  /* A name with a comma in it, and a code, in any case. */
  run_tally (&run, (const char *[]) { "--councils", "--csv", "--council", "kingston upon hull, city of",
                                      "--council", "e08000027", NULL });

  g_assert_cmpint (run.status, ==, 0);
  g_assert_true (g_str_has_prefix (run.lines[1], "E08000027,Dudley,NOC,NOC,noc-hold,"));
  g_assert_true (g_str_has_prefix (run.lines[2], "E06000010,\"Kingston upon Hull, City of\",LAB,LAB,hold,"));
  g_assert_cmpstr (run.lines[3], ==, "");
}

static void
test_summary_bad_usage (void)
{
  static const struct
  {
    const char *args[4];
    const char *message;
  } cases[] = {
    { { "--region", "Narnia", NULL }, "tally summary: unknown region “Narnia” (regions: East Midlands," },
    { { "--type", "county", NULL }, "tally summary: unknown council type “county”" },
    { { "--party", "XYZ", NULL }, "tally summary: unknown party “XYZ” (parties: GRN, LAB," },
    { { "--outcome", "sideways", NULL }, "tally summary: unknown outcome “sideways”" },
    { { "--council", "Atlantis", NULL }, "tally summary: unknown council “Atlantis”" },
    { { "--election", "1999-05-06", NULL }, "tally summary: no election on “1999-05-06”" },
    { { "--method", "median", NULL }, "tally summary: unknown method “median”" },
    { { "--swing", "CON", NULL }, "tally summary: --swing takes two party keys" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_auto(TallyTestRun) run = { 0 };

      run_tally (&run, cases[i].args);
      g_assert_cmpint (run.status, ==, 2);
      g_assert_cmpstr (run.out, ==, "");
      g_assert_true (g_str_has_prefix (run.err, cases[i].message));
    }
}

static void
test_summary_missing_database (void)
{
  g_auto(TallyTestRun) run = { 0 };

  run_tally (&run, (const char *[]) { "--database", "/nonexistent/tally.db", NULL });
  g_assert_cmpint (run.status, ==, 1);
  g_assert_true (g_str_has_prefix (run.err, "tally summary: Cannot open"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/summary/csv", test_summary_csv);
  g_test_add_func ("/summary/table", test_summary_table);
  g_test_add_func ("/summary/councils", test_summary_councils);
  g_test_add_func ("/summary/council-names", test_summary_council_names);
  g_test_add_func ("/summary/bad-usage", test_summary_bad_usage);
  g_test_add_func ("/summary/missing-database", test_summary_missing_database);

  return g_test_run ();
}
