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
                                     "votes,vote_share,vote_share_change,basis,share_estimate,share_estimate_method,"
                                     "share_estimate_wards");
  /* On the default basis, the BBC's scoreboard: Labour 74 → 74 councils,
   * Conservatives 48 → 46, Liberal Democrats 5 → 9 (control on the eve of
   * the poll); Labour 2,350 seats, +84 over the 142 councils with a seat
   * change against the previous comparable election (the BBC's +79 is over
   * all 150: docs/BASES.md, "Why the national seat change differs");
   * 5,636,138 votes.  No
   * candidate rows: no national share estimate, its columns empty. */
  /* Results order: councils, then seats, Others and NOC last. */
  g_assert_true (g_str_has_prefix (run.out + strlen (run.lines[0]) + 1, "LAB,74,74,0,2350,84,5636138,44.29,"));
  g_assert_nonnull (strstr (run.out, "\nLD,5,9,4,536,78,"));
  g_assert_nonnull (strstr (strstr (run.out, "\nLD,5,9,4,536,78,"), "\nIND,"));
  g_assert_nonnull (strstr (strstr (run.out, "\nIND,"), "\nGRN,0,0,0,39,"));
  g_assert_nonnull (strstr (strstr (run.out, "\nGRN,"), "\nUKIP,"));
  g_assert_nonnull (strstr (strstr (run.out, "\nUKIP,"), "\nOTH,"));
  g_assert_nonnull (strstr (strstr (run.out, "\nOTH,"), "\nNOC,"));
  g_assert_nonnull (strstr (run.out, "\nCON,48,46,-2,1332,-41,"));
  g_assert_nonnull (strstr (run.out, "\nLD,5,9,4,536,78,"));
  /* No votes for independents in the bundled data: empty, not zero. */
  g_assert_nonnull (strstr (run.out, "\nIND,0,0,0,60,5,,,,services,,,\n"));
  g_assert_true (has_line (&run, "NOC,23,21,-2,,,,,,services,,,"));
}

/* The other two bases, one switch away, each named on every row. */
static void
test_summary_bases (void)
{
  g_auto(TallyTestRun) election = { 0 };
  g_auto(TallyTestRun) eve = { 0 };
  g_auto(TallyTestRun) table = { 0 };

  /* Against the council's last election: Barnet, Peterborough and Three
   * Rivers were held, Plymouth gained from NOC, Carlisle lost by Labour,
   * Rugby gained by the Conservatives: Con 46 → 46, LD 6 → 9, Lab 75 → 74,
   * NOC 23 → 21.  Results order: Labour first. */
  run_tally (&election, (const char *[]) { "--csv", "--basis", "election", NULL });
  g_assert_cmpint (election.status, ==, 0);
  g_assert_nonnull (strstr (election.out, "\nCON,46,46,0,1332,-41,"));
  g_assert_nonnull (strstr (election.out, "\nLD,6,9,3,536,78,"));
  g_assert_true (has_line (&election, "NOC,23,21,-2,,,,,,election,,,"));
  g_assert_true (g_str_has_prefix (election.out + strlen (election.lines[0]) + 1, "LAB,75,74,-1,"));

  /* Against the eve of the poll, seats too: after less before, for all 150
   * (Labour +72 with Liverpool after, Sunderland before, West
   * Oxfordshire's Labour six after, and Exeter before and after, Oldham
   * and Oxford after sourced, Leeds before at 58, its five Labour
   * defectors counted Other, and Richmond upon Thames before at two, both
   * Lib Dem defectors; Conservatives −99 with Westminster's Labour
   * defector counted Conservative before). */
  run_tally (&eve, (const char *[]) { "--csv", "--basis", "eve", NULL });
  g_assert_cmpint (eve.status, ==, 0);
  g_assert_nonnull (strstr (eve.out, "\nLAB,74,74,0,2350,72,"));
  g_assert_nonnull (strstr (eve.out, "\nCON,48,46,-2,1332,-99,"));
  /* UKIP −88: Oldham had one UKIP councillor on the eve of the poll (the
   * Oldham Times, May 2018: "the borough's only UKIP councillor, Peter
   * Klonowski"; Warren Bates, elected for UKIP, sat as an Independent), not
   * the two of Open Council Data's snapshot; Others −60 with him. */
  g_assert_nonnull (strstr (eve.out, "\nUKIP,0,0,0,3,-88,"));
  g_assert_nonnull (strstr (eve.out, "\nOTH,0,0,0,84,-60,"));

  run_tally (&table, (const char *[]) { NULL });
  g_assert_cmpint (table.status, ==, 0);
  g_assert_nonnull (strstr (table.out, "Basis: As the results services count it (councils against control on the "
                                       "eve of the poll; seats against the previous comparable election)\n"));
  g_assert_nonnull (strstr (table.out, "Seats of the ordinary cycle: 4,368 (4,360 filled on the day, 8 at postponed "
                                       "polls); same-day by-elections: 44 more\n"));
  g_assert_nonnull (strstr (table.out, "Seat change against the previous comparable election, over 142 councils "
                                       "(114 on the same seats, 28 against a notional baseline); 8 on new "
                                       "boundaries have no notional baseline and are left out\n"));
  /* By name, so that the difference from the BBC's +79 can be checked. */
  g_assert_nonnull (strstr (table.out, "Left out of the seat change (no notional baseline): Blackburn with Darwen; "
                                       "Eastleigh; Elmbridge; Epping Forest; Harrogate; Huntingdonshire; "
                                       "Kingston upon Hull, City of; South Lakeland. A published national change "
                                       "counts them too"));
  g_assert_null (strstr (table.out, "Slough;"));
  g_assert_null (strstr (table.out, "Reading;"));
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
                                                 "LAB_seats,LAB_seats_change,CON_seats,CON_seats_change,"
                                                 "LD_seats,LD_seats_change,IND_seats,"));
  g_assert_true (g_str_has_suffix (run.lines[0], ",swing_con_lab,basis,seat_change_against"));
  g_assert_cmpuint (g_strv_length (run.lines), ==, 6);  /* header, 4 councils, "" */
  g_assert_true (g_str_has_prefix (run.lines[1], "E09000021,Kingston upon Thames,CON,LD,gain,"
                                                 "Liberal Democrats gain from Conservative,"));
  g_assert_true (g_str_has_prefix (run.lines[2], "E09000027,Richmond upon Thames,CON,LD,gain,"));
  g_assert_true (g_str_has_prefix (run.lines[3], "E07000012,South Cambridgeshire,CON,LD,gain,"));
  /* Three Rivers: NOC on the eve (a Lib Dem councillor went independent in
   * March 2018), LD 20 of 39 after (bbc18-threerivers). */
  g_assert_true (g_str_has_prefix (run.lines[4], "E07000102,Three Rivers,NOC,LD,gain,"
                                                 "Liberal Democrats gain from no overall control,"));
  /* Richmond: LD 39 seats, 24 more than the same seats in 2014. */
  g_assert_nonnull (strstr (run.lines[2], ",39,24,"));
  g_assert_true (g_str_has_suffix (run.lines[2], ",services,same_seats"));
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

/* --council takes what people type: a unique whole word or prefix is the
 * council; an ambiguous or unknown name is refused naming the candidates. */
static void
test_summary_council_matching (void)
{
  static const struct
  {
    const char *typed;
    const char *row;
  } found[] = {
    { "Richmond", "E09000027,Richmond upon Thames," },  /* a whole word: not Richmondshire */
    { "hull", "E06000010,\"Kingston upon Hull, City of\"," },
    { "Tower Ham", "E09000030,Tower Hamlets," },
    { "  TRAFFORD ", "E08000009,Trafford," },
    { "Newcastle upon", "E08000021,Newcastle upon Tyne," },
  };
  static const struct
  {
    const char *typed;
    const char *message;
  } refused[] = {
    { "Kingston", "tally summary: “Kingston” could be Kingston upon Hull, City of or Kingston upon Thames: "
                  "give more of the name, or the ONS code" },
    { "Newcastle", "tally summary: “Newcastle” could be Newcastle upon Tyne or Newcastle-under-Lyme" },
    { "Richmnd", "tally summary: unknown council “Richmnd”: did you mean Richmond upon Thames" },
    { "Wigna", "tally summary: unknown council “Wigna”: did you mean Wigan" },  /* nearest first */
    { "Atlantis", "tally summary: unknown council “Atlantis” (give an ONS code such as E08000009, or a name)" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (found); i++)
    {
      g_auto(TallyTestRun) run = { 0 };

      run_tally (&run, (const char *[]) { "--councils", "--csv", "--council", found[i].typed, NULL });
      g_assert_cmpint (run.status, ==, 0);
      if (!g_str_has_prefix (run.lines[1], found[i].row))
        g_error ("--council “%s” gave %s", found[i].typed, run.lines[1]);
      g_assert_cmpstr (run.lines[2], ==, "");
    }

  for (guint i = 0; i < G_N_ELEMENTS (refused); i++)
    {
      g_auto(TallyTestRun) run = { 0 };

      run_tally (&run, (const char *[]) { "--council", refused[i].typed, NULL });
      g_assert_cmpint (run.status, ==, 2);
      if (!g_str_has_prefix (run.err, refused[i].message))
        g_error ("--council “%s” said %s", refused[i].typed, run.err);
    }
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
    { { "--basis", "yesterday", NULL }, "tally summary: unknown basis “yesterday” (bases: services, election, eve)" },
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

/* The bundled data has no candidate rows: the top-vote method is refused
 * with the reason and what would enable it, not printed as empty columns. */
static void
test_summary_top_vote_refused (void)
{
  g_auto(TallyTestRun) run = { 0 };

  run_tally (&run, (const char *[]) { "--method", "top", NULL });
  g_assert_cmpint (run.status, ==, 1);
  g_assert_cmpstr (run.out, ==, "");
  g_assert_nonnull (strstr (run.err, "tally summary: the top-vote method needs candidate rows"));
  g_assert_nonnull (strstr (run.err, "tally import FILE"));
}

static void
test_summary_missing_database (void)
{
  g_auto(TallyTestRun) run = { 0 };

  run_tally (&run, (const char *[]) { "--database", "/nonexistent/tally.db", NULL });
  g_assert_cmpint (run.status, ==, 1);
  g_assert_true (g_str_has_prefix (run.err, "tally summary: Cannot open"));
}

/* Figures that part from the published record say so, council by council;
 * the bundled figures, which are the record, say nothing of it. */
static void
test_summary_record (void)
{
  g_autofree char *dir = g_dir_make_tmp ("tally-summary-XXXXXX", NULL);
  g_autofree char *db_path = g_build_filename (dir, "changed.db", NULL);
  const char *line = "Seats differ from the published record in 1 council: the figures here are the imported "
                     "file’s, the record is Tally’s bundled results, each sourced in SOURCES.md: "
                     "Adur (2018): Lab 5 seats (published 4), Con 8 (published 9)";

  tally_test_move_adur_seat (db_path);

  {
    g_auto(TallyTestRun) run = { 0 };

    run_tally (&run, (const char *[]) { "--database", db_path, NULL });
    g_assert_cmpint (run.status, ==, 0);
    g_assert_true (has_line (&run, line));
  }
  {
    g_auto(TallyTestRun) run = { 0 };

    run_tally (&run, (const char *[]) { "--database", db_path, "--councils", "--search", "Adur", NULL });
    g_assert_cmpint (run.status, ==, 0);
    g_assert_true (has_line (&run, line));
  }
  {
    /* Bolton alone: Adur is not in scope, so nothing is said. */
    g_auto(TallyTestRun) run = { 0 };

    run_tally (&run, (const char *[]) { "--database", db_path, "--council", "Bolton", NULL });
    g_assert_cmpint (run.status, ==, 0);
    g_assert_null (strstr (run.out, "published record"));
  }
  {
    g_auto(TallyTestRun) run = { 0 };

    run_tally (&run, (const char *[]) { NULL });
    g_assert_cmpint (run.status, ==, 0);
    g_assert_null (strstr (run.out, "published record"));
  }

  tally_test_remove_dir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/summary/csv", test_summary_csv);
  g_test_add_func ("/summary/bases", test_summary_bases);
  g_test_add_func ("/summary/table", test_summary_table);
  g_test_add_func ("/summary/councils", test_summary_councils);
  g_test_add_func ("/summary/council-names", test_summary_council_names);
  g_test_add_func ("/summary/council-matching", test_summary_council_matching);
  g_test_add_func ("/summary/bad-usage", test_summary_bad_usage);
  g_test_add_func ("/summary/missing-database", test_summary_missing_database);
  g_test_add_func ("/summary/top-vote-refused", test_summary_top_vote_refused);
  g_test_add_func ("/summary/record", test_summary_record);

  return g_test_run ();
}
