/* test-engine.c: the results engine against the facts of 2018 and 2014, and
 * the arithmetic of outcomes, swing and seats needed worked by hand.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <math.h>
#include <sqlite3.h>
#include <stdio.h>
#include <string.h>

#include "tally-bundle.h"
#include "tally-catalog.h"
#include "tally-council.h"
#include "tally-council-result.h"
#include "tally-database.h"
#include "tally-election.h"
#include "tally-filter.h"
#include "tally-party.h"
#include "tally-results.h"
#include "tally-rules.h"
#include "tally-scope-summary.h"
#include "tally-ward-result.h"
#include "tally-test-util.h"

#define assert_share(value, expected) g_assert_cmpfloat_with_epsilon ((value), (expected), 0.005)

typedef TallyTestBundled Bundled;

static void
bundled_setup (Bundled       *fixture,
               gconstpointer  user_data)
{
  tally_test_bundled_open (fixture);
}

static void
bundled_teardown (Bundled       *fixture,
                  gconstpointer  user_data)
{
  tally_test_bundled_close (fixture);
}


/* Hand-worked arithmetic */

static void
test_rules_outcome (void)
{
  enum { CON, LAB };

  g_assert_cmpint (tally_rules_outcome (TALLY_NO_CONTROL, CON), ==, TALLY_OUTCOME_GAIN);
  g_assert_cmpint (tally_rules_outcome (CON, LAB), ==, TALLY_OUTCOME_GAIN);
  g_assert_cmpint (tally_rules_outcome (CON, TALLY_NO_CONTROL), ==, TALLY_OUTCOME_LOSS);
  g_assert_cmpint (tally_rules_outcome (LAB, LAB), ==, TALLY_OUTCOME_HOLD);
  g_assert_cmpint (tally_rules_outcome (TALLY_NO_CONTROL, TALLY_NO_CONTROL), ==, TALLY_OUTCOME_NOC_HOLD);
  g_assert_cmpint (tally_rules_outcome (TALLY_CONTROL_UNKNOWN, CON), ==, TALLY_OUTCOME_UNKNOWN);
  g_assert_cmpint (tally_rules_outcome (CON, TALLY_CONTROL_UNKNOWN), ==, TALLY_OUTCOME_UNKNOWN);

  /* Con → Lab is Lab's gain and Con's loss; a bystander is not involved. */
  g_assert_cmpint (tally_rules_party_outcome (CON, LAB, LAB), ==, TALLY_OUTCOME_FLAG_GAIN);
  g_assert_cmpint (tally_rules_party_outcome (CON, LAB, CON), ==, TALLY_OUTCOME_FLAG_LOSS);
  g_assert_cmpint (tally_rules_party_outcome (CON, LAB, 7), ==, TALLY_OUTCOME_FLAG_NONE);
  g_assert_cmpint (tally_rules_party_outcome (CON, CON, CON), ==, TALLY_OUTCOME_FLAG_HOLD);
  g_assert_cmpint (tally_rules_party_outcome (CON, TALLY_NO_CONTROL, CON), ==, TALLY_OUTCOME_FLAG_LOSS);
  g_assert_cmpint (tally_rules_party_outcome (TALLY_NO_CONTROL, TALLY_NO_CONTROL, CON), ==, TALLY_OUTCOME_FLAG_NONE);
}

static void
test_rules_butler_swing (void)
{
  /* Con 40 → 35, Lab 30 → 37: Lab up 7, Con down 5, a swing of 6 to Lab. */
  g_assert_cmpfloat_with_epsilon (tally_rules_butler_swing (40, 35, 30, 37), 6.0, 1e-9);
  /* The same election seen from Lab to Con: the sign turns. */
  g_assert_cmpfloat_with_epsilon (tally_rules_butler_swing (30, 37, 40, 35), -6.0, 1e-9);
  /* Both up by the same amount: no swing between them. */
  g_assert_cmpfloat_with_epsilon (tally_rules_butler_swing (30, 33, 20, 23), 0.0, 1e-9);
  /* A unknown share makes an unknown swing. */
  g_assert_true (isnan (tally_rules_butler_swing (NAN, 35, 30, 37)));
}

static void
test_rules_seats_needed (void)
{
  /* Dudley, 2018: 72 seats, a majority of 37; Labour held 35 before the
   * poll and was defending the 10 it won in 2014, so it kept 25 and needed
   * 12 of the 24 seats up (as reported on the night). */
  g_assert_cmpint (tally_rules_seats_needed (72, 35 - 10), ==, 12);
  /* Even and odd councils. */
  g_assert_cmpint (tally_rules_seats_needed (50, 0), ==, 26);
  g_assert_cmpint (tally_rules_seats_needed (51, 0), ==, 26);
  /* A party whose seats not up make a majority needs none. */
  g_assert_cmpint (tally_rules_seats_needed (90, 52), ==, -6);
}

static void
test_rules_can_control_change (void)
{
  const gboolean aggregate[] = { FALSE, FALSE, TRUE };

  /* A council of 60 elected by thirds: 20 up, majority 31. */
  {
    /* Lab holds 50, defends 15: keeps 35 ≥ 31 whatever happens. */
    const guint not_up[] = { 35, 5, 0 };
    g_assert_false (tally_rules_can_control_change (not_up, aggregate, 3, 60, 20, 0));
  }
  {
    /* Lab holds 45, defends 15: keeps 30, one short; control is at stake. */
    const guint not_up[] = { 30, 10, 0 };
    g_assert_true (tally_rules_can_control_change (not_up, aggregate, 3, 60, 20, 0));
  }
  {
    /* NOC, and Lab could reach 25 + 20 = 45. */
    const guint not_up[] = { 25, 15, 0 };
    g_assert_true (tally_rules_can_control_change (not_up, aggregate, 3, 60, 20, TALLY_NO_CONTROL));
  }
  {
    /* NOC with 10 up: nobody can reach 31; "Other" could, but never controls. */
    const guint not_up[] = { 20, 20, 25 };
    g_assert_false (tally_rules_can_control_change (not_up, aggregate, 3, 60, 10, TALLY_NO_CONTROL));
  }
  {
    /* All out: anything can happen. */
    const guint not_up[] = { 0, 0, 0 };
    g_assert_true (tally_rules_can_control_change (not_up, aggregate, 3, 60, 60, 0));
  }
}

/* Facts of 2018 */

typedef struct
{
  const char   *code;
  const char   *name;
  TallyOutcome  outcome;
  const char   *before;  /* party key, or NULL for NOC */
  const char   *after;
  const char   *description;
} OutcomeFact;

static void
test_bundled_outcomes (Bundled       *fixture,
                       gconstpointer  user_data)
{
  const OutcomeFact facts[] = {
    { "E06000031", "Peterborough", TALLY_OUTCOME_GAIN, NULL, "CON", "Conservative gain from no overall control" },
    { "E07000066", "Basildon", TALLY_OUTCOME_GAIN, NULL, "CON", "Conservative gain from no overall control" },
    /* Conservative on the eve of the poll (UKIP's three defected, 2017). */
    { "E06000026", "Plymouth", TALLY_OUTCOME_GAIN, "CON", "LAB", "Labour gain from Conservative" },
    { "E08000009", "Trafford", TALLY_OUTCOME_LOSS, "CON", NULL, "Conservative loss to no overall control" },
    { "E08000027", "Dudley", TALLY_OUTCOME_NOC_HOLD, NULL, NULL, "No overall control, no change" },
    { "E09000027", "Richmond upon Thames", TALLY_OUTCOME_GAIN, "CON", "LD", "Liberal Democrats gain from Conservative" },
    { "E09000021", "Kingston upon Thames", TALLY_OUTCOME_GAIN, "CON", "LD", "Liberal Democrats gain from Conservative" },
    { "E09000020", "Kensington and Chelsea", TALLY_OUTCOME_HOLD, "CON", "CON", "Conservative hold" },
    { "E09000032", "Wandsworth", TALLY_OUTCOME_HOLD, "CON", "CON", "Conservative hold" },
    { "E09000033", "Westminster", TALLY_OUTCOME_HOLD, "CON", "CON", "Conservative hold" },
    /* Sourced (bbc18-hartlepool): Labour "continues to hold 19 seats" of 33. */
    { "E06000001", "Hartlepool", TALLY_OUTCOME_HOLD, "LAB", "LAB", "Labour hold" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (facts); i++)
    {
      TallyCouncilResult *result = tally_test_bundled_lookup (fixture, facts[i].code);
      TallyParty *before = tally_council_result_get_control (result, TALLY_STAGE_BEFORE);
      TallyParty *after = tally_council_result_get_control (result, TALLY_STAGE_AFTER);
      g_autofree char *description = tally_council_result_describe_outcome (result, FALSE);

      g_test_message ("%s: %s", facts[i].name, description);
      g_assert_cmpstr (tally_council_get_name (tally_council_result_get_council (result)), ==, facts[i].name);
      g_assert_cmpint (tally_council_result_get_outcome (result), ==, facts[i].outcome);
      g_assert_cmpstr (before ? tally_party_get_key (before) : NULL, ==, facts[i].before);
      g_assert_cmpstr (after ? tally_party_get_key (after) : NULL, ==, facts[i].after);
      g_assert_cmpstr (description, ==, facts[i].description);
    }

  {
    g_autofree char *abbreviated = tally_council_result_describe_outcome (tally_test_bundled_lookup (fixture, "E06000031"), TRUE);
    g_assert_cmpstr (abbreviated, ==, "Con gain from NOC");
  }
}

static void
test_bundled_control_counts (Bundled       *fixture,
                             gconstpointer  user_data)
{
  g_autoptr(TallyFilter) filter = tally_filter_new ();
  g_autoptr(TallyScopeSummary) summary = tally_results_summarize (fixture->results, filter);
  guint n_declared, n_councils;

  g_assert_true (tally_scope_summary_get_election (summary) == fixture->election);
  g_assert_true (tally_scope_summary_get_baseline (summary) == fixture->baseline);
  g_assert_cmpuint (tally_scope_summary_get_n_councils (summary), ==, 150);
  g_assert_cmpuint (g_list_model_get_n_items (tally_scope_summary_get_councils (summary)), ==, 150);

  /* No declarations in the bundled data: every council counts, and the
   * summary says so rather than pretending to know. */
  g_assert_false (tally_scope_summary_get_declared (summary, &n_declared, &n_councils));
  g_assert_cmpuint (n_declared, ==, 150);
  g_assert_cmpuint (n_councils, ==, 150);

  /* After the poll (data/bundled/SOURCES.md): Lab 74, Con 46, LD 9, NOC 21,
   * the published count.  Before, on the default basis (the eve of the
   * poll): Lab 74, Con 48, LD 5, NOC 23; so the BBC's scoreboard, Lab ±0,
   * Con −2, LD +4 (test-bases.c has the other bases). */
  g_assert_cmpuint (tally_scope_summary_get_councils_controlled (summary, tally_test_bundled_party (fixture, "LAB"), TALLY_STAGE_AFTER), ==, 74);
  g_assert_cmpuint (tally_scope_summary_get_councils_controlled (summary, tally_test_bundled_party (fixture, "CON"), TALLY_STAGE_AFTER), ==, 46);
  g_assert_cmpuint (tally_scope_summary_get_councils_controlled (summary, tally_test_bundled_party (fixture, "LD"), TALLY_STAGE_AFTER), ==, 9);
  g_assert_cmpuint (tally_scope_summary_get_councils_controlled (summary, NULL, TALLY_STAGE_AFTER), ==, 21);
  g_assert_cmpuint (tally_scope_summary_get_councils_controlled (summary, tally_test_bundled_party (fixture, "OTH"), TALLY_STAGE_AFTER), ==, 0);
  g_assert_cmpuint (tally_scope_summary_get_councils_controlled (summary, tally_test_bundled_party (fixture, "LAB"), TALLY_STAGE_BEFORE), ==, 74);
  g_assert_cmpuint (tally_scope_summary_get_councils_controlled (summary, tally_test_bundled_party (fixture, "CON"), TALLY_STAGE_BEFORE), ==, 48);
  g_assert_cmpuint (tally_scope_summary_get_councils_controlled (summary, tally_test_bundled_party (fixture, "LD"), TALLY_STAGE_BEFORE), ==, 5);
  g_assert_cmpuint (tally_scope_summary_get_councils_controlled (summary, NULL, TALLY_STAGE_BEFORE), ==, 23);
  g_assert_cmpint (tally_scope_summary_get_councils_change (summary, tally_test_bundled_party (fixture, "LAB")), ==, 0);
  g_assert_cmpint (tally_scope_summary_get_councils_change (summary, tally_test_bundled_party (fixture, "CON")), ==, -2);
  g_assert_cmpint (tally_scope_summary_get_councils_change (summary, tally_test_bundled_party (fixture, "LD")), ==, 4);
  g_assert_cmpint (tally_scope_summary_get_councils_change (summary, NULL), ==, -2);

  {
    g_autofree char *line = tally_scope_summary_describe_party (summary, tally_test_bundled_party (fixture, "LAB"));
    g_autofree char *declared = tally_scope_summary_describe_declared (summary);

    g_assert_true (g_str_has_prefix (line, "Labour: 74 councils (±0); 2,350 seats ("));
    g_assert_cmpstr (declared, ==, "150 councils (no declaration times recorded: all counted as declared)");
  }
}

static void
test_bundled_national_seats (Bundled       *fixture,
                             gconstpointer  user_data)
{
  static const struct
  {
    const char *key;
    guint       seats;
  } seats[] = {
    { "CON", 1332 }, { "LAB", 2350 }, { "LD", 536 }, { "GRN", 39 },
    { "UKIP", 3 }, { "IND", 60 }, { "OTH", 84 },
  };
  g_autoptr(TallyFilter) filter = tally_filter_new ();
  g_autoptr(TallyScopeSummary) summary = tally_results_summarize (fixture->results, filter);
  guint total = 0;

  /* The bundled data's own figures, which always run. */
  for (guint i = 0; i < G_N_ELEMENTS (seats); i++)
    {
      g_assert_cmpuint (tally_scope_summary_get_seats_won (summary, tally_test_bundled_party (fixture, seats[i].key)), ==, seats[i].seats);
      total += seats[i].seats;
    }
  g_assert_cmpuint (total, ==, 4404);
  g_assert_cmpuint (tally_scope_summary_get_seats_up (summary), ==, 4404);
}

/* Reads a small CSV of the shared data: rows of fields. */
static GPtrArray *
read_csv (const char *path)
{
  g_autofree char *contents = NULL;
  g_auto(GStrv) lines = NULL;
  GPtrArray *rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);

  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  lines = g_strsplit (contents, "\n", -1);
  for (guint i = 1; lines[i] != NULL; i++)
    {
      GPtrArray *fields;
      const char *c = lines[i];
      GString *field;
      gboolean quoted = FALSE;

      if (lines[i][0] == '\0')
        continue;

      field = g_string_new (NULL);
      fields = g_ptr_array_new ();
      for (; *c; c++)
        {
          if (*c == '"')
            quoted = !quoted;
          else if (*c == ',' && !quoted)
            {
              g_ptr_array_add (fields, g_string_free (field, FALSE));
              field = g_string_new (NULL);
            }
          else if (*c != '\r')
            g_string_append_c (field, *c);
        }
      g_ptr_array_add (fields, g_string_free (field, FALSE));
      g_ptr_array_add (fields, NULL);
      g_ptr_array_add (rows, g_ptr_array_free (fields, FALSE));
    }

  return rows;
}

static void
test_shared_national_seats (Bundled       *fixture,
                            gconstpointer  user_data)
{
  g_autofree char *computed_path = tally_test_shared_data_path ("results/summary/national_seats_computed.csv");
  g_autofree char *wikipedia_path = tally_test_shared_data_path ("results/summary/national_summary_wikipedia.csv");
  g_autoptr(TallyFilter) filter = tally_filter_new ();
  g_autoptr(TallyScopeSummary) summary = NULL;
  g_autoptr(GPtrArray) computed = NULL;
  g_autoptr(GPtrArray) wikipedia = NULL;
  static const struct
  {
    const char *name;
    const char *key;
  } names[] = {
    { "Labour", "LAB" }, { "Conservative", "CON" }, { "Liberal Democrats", "LD" }, { "UKIP", "UKIP" },
  };
  guint checked = 0;

  if (computed_path == NULL || wikipedia_path == NULL)
    {
      g_test_skip ("../shared/data/results/summary is not there");
      return;
    }

  summary = tally_results_summarize (fixture->results, filter);

  /* Our totals are the candidate files' totals, seat for seat and vote for
   * vote (votes for the five parties the bundled data carries), but for
   * the three seats the bundled data corrects, where the file swaps two
   * candidates (data/bundled/SOURCES.md, "Seats won corrected"):
   * Wokingham's Hillside, a Conservative hold (1,233 to the Liberal
   * Democrat's 1,166), Broxbourne's Waltham Cross, a Labour hold (1,231
   * to the Conservative's 732), and North Tyneside's Preston, a Labour
   * hold (1,255 to the Green's 179). */
  computed = read_csv (computed_path);
  for (guint i = 0; i < computed->len; i++)
    {
      static const struct
      {
        const char *key;
        gint64      seats;
        gint64      votes;
      } fixes[] = {
        { "CON", 1, 1233 - 1166 }, { "LD", -1, 1166 - 1233 },
        { "LAB", 1, 1231 - 732 }, { "CON", -1, 732 - 1231 },
        { "LAB", 1, 1255 - 179 }, { "GRN", -1, 179 - 1255 },
      };
      char **row = g_ptr_array_index (computed, i);
      TallyParty *row_party;
      gint64 votes;
      gint64 seats_fix = 0;
      gint64 votes_fix = 0;

      if (!g_str_equal (row[0], "2018"))
        continue;

      for (guint j = 0; j < G_N_ELEMENTS (fixes); j++)
        if (g_str_equal (row[2], fixes[j].key))
          seats_fix += fixes[j].seats, votes_fix += fixes[j].votes;

      row_party = tally_test_bundled_party (fixture, row[2]);
      g_assert_cmpint ((gint64) tally_scope_summary_get_seats_won (summary, row_party), ==,
                       g_ascii_strtoll (row[3], NULL, 10) + seats_fix);
      /* Unknown (-1) exactly where the bundled data carries no votes, for
       * independents and others; a wrong "unknown" for a party whose votes
       * are known fails here instead of skipping the check. */
      votes = tally_scope_summary_get_votes (summary, row_party, TALLY_VOTE_METHOD_TOTAL);
      if (g_str_equal (tally_party_get_key (row_party), "IND") || g_str_equal (tally_party_get_key (row_party), "OTH"))
        g_assert_cmpint (votes, ==, -1);
      else
        g_assert_cmpint (votes, ==, g_ascii_strtoll (row[4], NULL, 10) + votes_fix);
      checked++;
    }
  g_assert_cmpuint (checked, ==, 7);

  /* Published totals (Wikipedia's infobox: Lab 2,353, Con 1,332, LD 542,
   * UKIP 3) are another count of nearly the same seats.  Ours sum Democracy
   * Club's candidate results, three swapped winners corrected: 4,404
   * winners, same-day by-elections in these councils included, where the
   * BBC counted 4,371 seats contested.  docs/BASES.md ("Seats won")
   * accounts for the differences as far as the sources go (Lab 3 and LD 3
   * at the postponed polls; LD 3 not placed), so they are bounded here,
   * not hidden: within 6 seats. */
  wikipedia = read_csv (wikipedia_path);
  checked = 0;
  for (guint i = 0; i < wikipedia->len; i++)
    {
      char **row = g_ptr_array_index (wikipedia, i);

      if (!g_str_equal (row[0], "2018") || row[7][0] == '\0')
        continue;

      for (guint j = 0; j < G_N_ELEMENTS (names); j++)
        {
          gint64 published, ours;

          if (!g_str_equal (row[2], names[j].name))
            continue;

          published = g_ascii_strtoll (row[7], NULL, 10);
          ours = tally_scope_summary_get_seats_won (summary, tally_test_bundled_party (fixture, names[j].key));
          g_test_message ("%s: %" G_GINT64_FORMAT " here, %" G_GINT64_FORMAT " published", names[j].name, ours, published);
          g_assert_cmpint (ABS (ours - published), <=, 6);

          /* Councils controlled: the published count exactly, since the
           * compositions were sourced (data/bundled/SOURCES.md). */
          published = g_ascii_strtoll (row[5], NULL, 10);
          ours = tally_scope_summary_get_councils_controlled (summary, tally_test_bundled_party (fixture, names[j].key), TALLY_STAGE_AFTER);
          g_assert_cmpint (ours, ==, published);
          checked++;
        }
    }
  g_assert_cmpuint (checked, ==, 4);
}

static void
test_bundled_vote_shares (Bundled       *fixture,
                          gconstpointer  user_data)
{
  g_autoptr(TallyFilter) filter = tally_filter_new ();
  g_autoptr(TallyScopeSummary) summary = tally_results_summarize (fixture->results, filter);
  TallyCouncilResult *trafford = tally_test_bundled_lookup (fixture, "E08000009");
  double con_then, con_now, lab_then, lab_now, total = 0;
  TallyParty *con = tally_test_bundled_party (fixture, "CON");
  TallyParty *lab = tally_test_bundled_party (fixture, "LAB");

  /* National: votes as summed in the summary file, with Wokingham's
   * Hillside (the Conservative's 1,233, not the Liberal Democrat's 1,166),
   * Broxbourne's Waltham Cross (Labour's 1,231, not the Conservative's
   * 732) and North Tyneside's Preston (Labour's 1,255, not the Green's
   * 179) corrected: data/bundled/SOURCES.md, "Seats won corrected". */
  g_assert_cmpint (tally_scope_summary_get_votes (summary, lab, TALLY_VOTE_METHOD_TOTAL), ==,
                   5634563 + 1231 - 732 + 1255 - 179);
  g_assert_cmpint (tally_scope_summary_get_votes (summary, con, TALLY_VOTE_METHOD_TOTAL), ==,
                   4004361 + 1233 - 1166 + 732 - 1231);
  /* The bundled data has no votes for independents and others... */
  g_assert_cmpint (tally_scope_summary_get_votes (summary, tally_test_bundled_party (fixture, "IND"), TALLY_VOTE_METHOD_TOTAL), ==, -1);
  g_assert_true (isnan (tally_scope_summary_get_vote_share (summary, tally_test_bundled_party (fixture, "OTH"), TALLY_VOTE_METHOD_TOTAL)));
  /* ...nor candidate rows, so no top-vote shares. */
  g_assert_true (isnan (tally_scope_summary_get_vote_share (summary, lab, TALLY_VOTE_METHOD_TOP)));

  /* Known shares and the rest add up to 100. */
  total = tally_scope_summary_get_other_share (summary, TALLY_VOTE_METHOD_TOTAL);
  g_assert_cmpfloat (total, >, 0);
  for (const char * const *key = (const char *[]) { "CON", "LAB", "LD", "GRN", "UKIP", NULL }; *key; key++)
    total += tally_scope_summary_get_vote_share (summary, tally_test_bundled_party (fixture, *key), TALLY_VOTE_METHOD_TOTAL);
  g_assert_cmpfloat_with_epsilon (total, 100.0, 1e-9);

  /* Trafford: Lab up, Con down, swing to Labour; the engine's swing is the
   * rule applied to its own shares, and turns sign the other way round. */
  con_now = tally_council_result_get_vote_share (trafford, con, TALLY_VOTE_METHOD_TOTAL);
  lab_now = tally_council_result_get_vote_share (trafford, lab, TALLY_VOTE_METHOD_TOTAL);
  con_then = con_now - tally_council_result_get_vote_share_change (trafford, con, TALLY_VOTE_METHOD_TOTAL);
  lab_then = lab_now - tally_council_result_get_vote_share_change (trafford, lab, TALLY_VOTE_METHOD_TOTAL);
  g_assert_cmpfloat (lab_now, >, lab_then);
  g_assert_cmpfloat (con_now, <, con_then);
  g_assert_cmpfloat_with_epsilon (tally_council_result_get_swing (trafford, con, lab, TALLY_VOTE_METHOD_TOTAL),
                                  ((lab_now - lab_then) + (con_then - con_now)) / 2, 1e-9);
  g_assert_cmpfloat (tally_council_result_get_swing (trafford, con, lab, TALLY_VOTE_METHOD_TOTAL), >, 5);
  g_assert_cmpfloat_with_epsilon (tally_council_result_get_swing (trafford, lab, con, TALLY_VOTE_METHOD_TOTAL),
                                  -tally_council_result_get_swing (trafford, con, lab, TALLY_VOTE_METHOD_TOTAL), 1e-9);

  /* Dudley 2018: Lab 28,676 of 72,987 votes (council-elections.tsv). */
  assert_share (tally_council_result_get_vote_share (tally_test_bundled_lookup (fixture, "E08000027"), lab, TALLY_VOTE_METHOD_TOTAL),
                100.0 * 28676 / 72987);

  /* Turnout is not in the bundled data. */
  g_assert_true (isnan (tally_council_result_get_turnout (trafford)));
}

static void
test_bundled_seat_change (Bundled       *fixture,
                          gconstpointer  user_data)
{
  TallyCouncilResult *dudley = tally_test_bundled_lookup (fixture, "E08000027");
  TallyCouncilResult *richmond = tally_test_bundled_lookup (fixture, "E09000027");
  TallyCouncilResult *birmingham = tally_test_bundled_lookup (fixture, "E08000025");
  int change = 0;

  /* Dudley elects by thirds: 2018's 24 seats are 2014's cohort.  Con won 14
   * (7 in 2014), UKIP none (7 in 2014). */
  g_assert_true (tally_council_result_get_same_seats (dudley));
  g_assert_cmpuint (tally_council_result_get_seats_won (dudley, tally_test_bundled_party (fixture, "CON")), ==, 14);
  g_assert_true (tally_council_result_get_seats_change (dudley, tally_test_bundled_party (fixture, "CON"), &change));
  g_assert_cmpint (change, ==, 7);
  g_assert_true (tally_council_result_get_seats_change (dudley, tally_test_bundled_party (fixture, "UKIP"), &change));
  g_assert_cmpint (change, ==, -7);

  /* Richmond upon Thames, all out both times: LD 15 → 39. */
  g_assert_true (tally_council_result_get_seats_change (richmond, tally_test_bundled_party (fixture, "LD"), &change));
  g_assert_cmpint (change, ==, 24);

  /* Birmingham fought 41 seats in 2014 and all 101 new ones in 2018: not
   * the same seats, so the change is against the BBC's notional 2016 result
   * on the new wards (Lab 66 of 101 → 67: "+1"), not council totals. */
  g_assert_false (tally_council_result_get_same_seats (birmingham));
  g_assert_true (tally_council_result_get_seats_change (birmingham, tally_test_bundled_party (fixture, "LAB"), &change));
  g_assert_cmpint (change, ==, 67 - 66);
  {
    g_autofree char *against = tally_council_result_describe_seat_basis (birmingham);

    g_assert_cmpstr (against, ==, "against a notional 2016 result on the new wards");
  }
}

static void
test_bundled_seats_needed (Bundled       *fixture,
                           gconstpointer  user_data)
{
  TallyCouncilResult *dudley = tally_test_bundled_lookup (fixture, "E08000027");
  TallyCouncilResult *liverpool = tally_test_bundled_lookup (fixture, "E08000012");
  int needed = 0;

  /* "Labour cannot take overall control of Dudley with 21 of the 24 wards
   * declared: it needed at least 12." */
  g_assert_cmpuint (tally_council_result_get_majority (dudley), ==, 37);
  g_assert_true (tally_council_result_get_seats_needed (dudley, tally_test_bundled_party (fixture, "LAB"), &needed));
  g_assert_cmpint (needed, ==, 12);
  g_assert_true (tally_council_result_get_can_change_control (dudley));

  /* Liverpool, by thirds: Labour held 79 of 90 and defended 27, so it kept
   * 52, more than the 46 of a majority: control could not change. */
  g_assert_true (tally_council_result_get_seats_needed (liverpool, tally_test_bundled_party (fixture, "LAB"), &needed));
  g_assert_cmpint (needed, ==, 46 - 52);
  g_assert_false (tally_council_result_get_can_change_control (liverpool));

  /* All out: Kingston upon Thames could change hands, and did. */
  g_assert_true (tally_council_result_get_can_change_control (tally_test_bundled_lookup (fixture, "E09000021")));
}

static void
test_bundled_results_are_shared (Bundled       *fixture,
                                 gconstpointer  user_data)
{
  GListModel *all = tally_results_get_council_results (fixture->results, fixture->election, NULL);
  GListModel *again = tally_results_get_council_results (fixture->results, fixture->election, fixture->baseline);
  GListModel *earlier = tally_results_get_council_results (fixture->results, fixture->baseline, NULL);
  g_autoptr(TallyCouncilResult) first = g_list_model_get_item (all, 0);

  g_assert_true (all == again);
  g_assert_cmpuint (g_list_model_get_n_items (all), ==, 150);
  g_assert_cmpstr (tally_council_get_name (tally_council_result_get_council (first)), ==, "Adur");

  /* 2014 has no baseline and no compositions: outcomes unknown. */
  g_assert_cmpuint (g_list_model_get_n_items (earlier), ==, 150);
  {
    g_autoptr(TallyCouncilResult) result = g_list_model_get_item (earlier, 0);
    int change;

    g_assert_cmpint (tally_council_result_get_outcome (result), ==, TALLY_OUTCOME_UNKNOWN);
    g_assert_null (tally_council_result_get_baseline (result));
    g_assert_false (tally_council_result_get_seats_change (result, tally_test_bundled_party (fixture, "CON"), &change));
  }
}

static void
test_bundled_history (Bundled       *fixture,
                      gconstpointer  user_data)
{
  g_autoptr(TallyFilter) filter = tally_filter_new ();
  g_autoptr(TallyScopeSummary) summary = NULL;
  TallyParty *ukip = tally_test_bundled_party (fixture, "UKIP");

  tally_filter_set_council_selected (filter, "E08000027", TRUE);
  summary = tally_results_summarize (fixture->results, filter);

  /* Dudley's UKIP: 7 seats in 2014, none in 2018. */
  g_assert_cmpuint (tally_scope_summary_get_history_seats (summary, fixture->baseline, ukip), ==, 7);
  g_assert_cmpuint (tally_scope_summary_get_history_seats (summary, fixture->election, ukip), ==, 0);
  assert_share (tally_scope_summary_get_history_share (summary, fixture->election, ukip, TALLY_VOTE_METHOD_TOTAL),
                100.0 * 5699 / 72987);
}

/* Candidate rows and declarations, in a database of the test's own */

typedef struct
{
  char          *dir;
  TallyDatabase *database;
  TallyCatalog  *catalog;
  TallyResults  *results;
} Imported;

/* A two-seat ward of Salford worked by hand, at both elections:
 *
 *   2018: A (Con) 1,200 elected, B (Lab) 1,000 elected, C (Con) 900,
 *         D (Lab) 800, E (Green) 100; 4,000 votes, 1,000 people.
 *   2014: F (Lab) 1,100 elected, G (Lab) 1,000 elected, H (Con) 700,
 *         I (UKIP) 600, J (Con) 600; 4,000 votes.
 *
 * and a one-seat ward fought only in 2018, with a same-day by-election;
 * and a by-election in Middlesbrough, which held no election of its own. */
static const char imported_sql[] =
  "INSERT INTO wards (id, council_id, code, name) "
  "  SELECT 1, id, 'E05000001', 'Test Ward' FROM councils WHERE code = 'E08000006';"
  "INSERT INTO wards (id, council_id, code, name) "
  "  SELECT 2, id, NULL, 'New Ward' FROM councils WHERE code = 'E08000006';"
  "INSERT INTO wards (id, council_id, code, name) "
  "  SELECT 3, id, NULL, 'Quiet Ward' FROM councils WHERE code = 'E06000002';"
  "INSERT INTO contests (id, election_id, ward_id, ballot, seats, by_election, electorate, ballots) VALUES "
  "  (1, (SELECT id FROM elections WHERE date = '2018-05-03'), 1, 'local.salford.test-ward.2018-05-03', 2, 0, 4000, 1000),"
  "  (2, (SELECT id FROM elections WHERE date = '2014-05-22'), 1, 'Test Ward', 2, 0, NULL, NULL),"
  "  (3, (SELECT id FROM elections WHERE date = '2018-05-03'), 2, 'local.salford.new-ward.2018-05-03', 1, 0, NULL, NULL),"
  "  (4, (SELECT id FROM elections WHERE date = '2018-05-03'), 2, 'local.salford.new-ward.by.2018-05-03', 1, 1, NULL, NULL),"
  "  (5, (SELECT id FROM elections WHERE date = '2018-05-03'), 3, 'local.middlesbrough.quiet-ward.by.2018-05-03', 1, 1, NULL, NULL);"
  "INSERT INTO candidates (contest_id, name, party_id, party_name, votes, elected) VALUES "
  "  (1, 'A', (SELECT id FROM parties WHERE key = 'CON'), 'Conservative and Unionist Party', 1200, 1),"
  "  (1, 'B', (SELECT id FROM parties WHERE key = 'LAB'), 'Labour Party', 1000, 1),"
  "  (1, 'C', (SELECT id FROM parties WHERE key = 'CON'), 'Conservative and Unionist Party', 900, 0),"
  "  (1, 'D', (SELECT id FROM parties WHERE key = 'LAB'), 'Labour and Co-operative Party', 800, 0),"
  "  (1, 'E', (SELECT id FROM parties WHERE key = 'GRN'), 'Green Party', 100, 0),"
  "  (2, 'F', (SELECT id FROM parties WHERE key = 'LAB'), 'Labour', 1100, 1),"
  "  (2, 'G', (SELECT id FROM parties WHERE key = 'LAB'), 'Labour', 1000, 1),"
  "  (2, 'H', (SELECT id FROM parties WHERE key = 'CON'), 'Conservative', 700, 0),"
  "  (2, 'I', (SELECT id FROM parties WHERE key = 'UKIP'), 'UKIP', 600, 0),"
  "  (2, 'J', (SELECT id FROM parties WHERE key = 'CON'), 'Conservative', 600, 0),"
  "  (3, 'K', (SELECT id FROM parties WHERE key = 'LD'), 'Liberal Democrats', 500, 1),"
  "  (3, 'L', (SELECT id FROM parties WHERE key = 'LAB'), 'Labour Party', 500, 0),"
  "  (4, 'M', (SELECT id FROM parties WHERE key = 'LAB'), 'Labour Party', 300, 1),"
  "  (5, 'N', (SELECT id FROM parties WHERE key = 'CON'), 'Conservative', 700, 1),"
  "  (5, 'O', (SELECT id FROM parties WHERE key = 'LAB'), 'Labour Party', 600, 0);";

/* The engine reads an election's candidates as one run of row ids when
 * they are stored contest by contest (as above: 2014's contest 2 sits
 * inside 2018's run and is passed over), and through the index otherwise:
 * a contest stored apart from the run, and rows out of contest order,
 * give the same figures. */
static const char candidates_apart_sql[] = "UPDATE candidates SET id = id + 100 WHERE contest_id = 3;";
static const char candidates_out_of_order_sql[] =
  "UPDATE candidates SET id = 100 WHERE name = 'M';"
  "UPDATE candidates SET id = 13 WHERE name = 'K';"
  "UPDATE candidates SET id = 11 WHERE name = 'M';";

static void
imported_setup (Imported      *fixture,
                gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) bundled = g_file_new_for_path (tally_test_bundled_dir ());
  g_autofree char *path = NULL;

  fixture->dir = tally_test_make_temp_dir ();
  path = g_build_filename (fixture->dir, "imported.db", NULL);
  fixture->database = tally_database_open (path, TALLY_DATABASE_OPEN_CREATE, &error);
  g_assert_no_error (error);
  tally_bundle_load (fixture->database, bundled, &error);
  g_assert_no_error (error);

  tally_test_run_sql (tally_database_get_path (fixture->database), imported_sql);
  if (user_data != NULL)
    tally_test_run_sql (tally_database_get_path (fixture->database), user_data);

  fixture->catalog = tally_catalog_new (fixture->database, &error);
  g_assert_no_error (error);
  fixture->results = tally_results_new (fixture->catalog, &error);
  g_assert_no_error (error);
}

static void
imported_teardown (Imported      *fixture,
                   gconstpointer  user_data)
{
  g_clear_object (&fixture->results);
  g_clear_object (&fixture->catalog);
  g_clear_object (&fixture->database);
  tally_test_remove_dir (fixture->dir);
  g_clear_pointer (&fixture->dir, g_free);
}

static void
test_imported_council_from_candidates (Imported      *fixture,
                                       gconstpointer  user_data)
{
  TallyElection *election = tally_catalog_lookup_election (fixture->catalog, "2018-05-03");
  TallyCouncil *salford = tally_catalog_lookup_council (fixture->catalog, "E08000006");
  TallyCouncilResult *result = tally_results_lookup (fixture->results, election, NULL, salford);
  TallyParty *con = tally_catalog_lookup_party (fixture->catalog, "CON");
  TallyParty *lab = tally_catalog_lookup_party (fixture->catalog, "LAB");
  TallyParty *grn = tally_catalog_lookup_party (fixture->catalog, "GRN");
  int change = 0;

  /* Candidate rows replace Salford's council-level figures: 4 seats in 3
   * contests, 5,300 votes in all. */
  g_assert_cmpuint (tally_council_result_get_seats_up (result), ==, 4);
  g_assert_cmpuint (tally_council_result_get_seats_won (result, con), ==, 1);
  g_assert_cmpuint (tally_council_result_get_seats_won (result, lab), ==, 2);
  assert_share (tally_council_result_get_vote_share (result, con, TALLY_VOTE_METHOD_TOTAL), 100.0 * 2100 / 5300);
  /* Top-vote: each party's best per contest: Con 1,200; Lab 1,000 + 500 +
   * 300; LD 500; Green 100: 3,600 in all. */
  assert_share (tally_council_result_get_vote_share (result, lab, TALLY_VOTE_METHOD_TOP), 100.0 * 1800 / 3600);
  assert_share (tally_council_result_get_vote_share (result, grn, TALLY_VOTE_METHOD_TOP), 100.0 * 100 / 3600);
  /* 2014 for Salford also comes from the candidates: Lab 2, Con 0. */
  g_assert_true (tally_council_result_get_seats_change (result, lab, &change));
  g_assert_cmpint (change, ==, 0);

  /* A by-election alone does not make Middlesbrough one of 2018's councils. */
  g_assert_null (tally_results_lookup (fixture->results, election, NULL,
                                       tally_catalog_lookup_council (fixture->catalog, "E06000002")));
  g_assert_cmpuint (g_list_model_get_n_items (tally_results_get_council_results (fixture->results, election, NULL)), ==, 150);
}

static void
test_imported_wards (Imported      *fixture,
                     gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) wards = NULL;
  g_autoptr(TallyWardResult) test_ward = NULL;
  g_autoptr(TallyWardResult) new_ward = NULL;
  TallyElection *election = tally_catalog_lookup_election (fixture->catalog, "2018-05-03");
  TallyCouncil *salford = tally_catalog_lookup_council (fixture->catalog, "E08000006");
  TallyCouncilResult *result = tally_results_lookup (fixture->results, election, NULL, salford);
  TallyParty *con = tally_catalog_lookup_party (fixture->catalog, "CON");
  TallyParty *lab = tally_catalog_lookup_party (fixture->catalog, "LAB");
  const TallyCandidateResult *candidates;
  guint n_candidates, majority = 0;
  int change = 0;

  wards = tally_results_list_wards (fixture->results, result, &error);
  g_assert_no_error (error);
  /* By name: New Ward (its election and its by-election), Test Ward. */
  g_assert_cmpuint (g_list_model_get_n_items (wards), ==, 3);
  new_ward = g_list_model_get_item (wards, 0);
  test_ward = g_list_model_get_item (wards, 2);
  g_assert_cmpstr (tally_ward_result_get_name (test_ward), ==, "Test Ward");
  g_assert_cmpstr (tally_ward_result_get_code (test_ward), ==, "E05000001");
  g_assert_cmpuint (tally_ward_result_get_seats (test_ward), ==, 2);

  candidates = tally_ward_result_get_candidates (test_ward, &n_candidates);
  g_assert_cmpuint (n_candidates, ==, 5);
  g_assert_cmpstr (candidates[0].name, ==, "A");
  g_assert_true (candidates[0].party == con);
  g_assert_cmpstr (candidates[0].party_name, ==, "Conservative and Unionist Party");
  g_assert_cmpuint (candidates[0].votes, ==, 1200);
  g_assert_true (candidates[0].elected);
  assert_share (candidates[0].share, 30.0);
  g_assert_cmpstr (candidates[4].name, ==, "E");
  g_assert_true (tally_ward_result_get_winner (test_ward) == con);

  /* Last elected (B, 1,000) less best loser (C, 900). */
  g_assert_true (tally_ward_result_get_majority (test_ward, &majority));
  g_assert_cmpuint (majority, ==, 100);
  assert_share (tally_ward_result_get_turnout (test_ward), 25.0);

  /* Total-vote: Con 2,100 of 4,000; top-vote: 1,200 of 2,300. */
  assert_share (tally_ward_result_get_vote_share (test_ward, con, TALLY_VOTE_METHOD_TOTAL), 52.5);
  assert_share (tally_ward_result_get_vote_share (test_ward, con, TALLY_VOTE_METHOD_TOP), 100.0 * 1200 / 2300);

  /* Against 2014 (Lab 2,100, Con 1,300 of 4,000; Lab won both seats). */
  g_assert_true (tally_ward_result_get_has_baseline (test_ward));
  assert_share (tally_ward_result_get_vote_share_change (test_ward, con, TALLY_VOTE_METHOD_TOTAL), 52.5 - 32.5);
  assert_share (tally_ward_result_get_vote_share_change (test_ward, lab, TALLY_VOTE_METHOD_TOTAL), 45.0 - 52.5);
  g_assert_true (tally_ward_result_get_seats_change (test_ward, con, &change));
  g_assert_cmpint (change, ==, 1);
  g_assert_true (tally_ward_result_get_seats_change (test_ward, lab, &change));
  g_assert_cmpint (change, ==, -1);

  /* A ward not fought in 2014 has nothing to compare with; a tie for the
   * last seat leaves a majority of 0. */
  g_assert_false (tally_ward_result_get_has_baseline (new_ward));
  g_assert_true (isnan (tally_ward_result_get_vote_share_change (new_ward, lab, TALLY_VOTE_METHOD_TOTAL)));
  g_assert_true (tally_ward_result_get_majority (new_ward, &majority));
  g_assert_cmpuint (majority, ==, 0);
  g_assert_true (isnan (tally_ward_result_get_turnout (new_ward)));

  /* The by-election: unopposed in effect, no loser, no majority. */
  {
    g_autoptr(TallyWardResult) by_election = g_list_model_get_item (wards, 1);

    g_assert_cmpstr (tally_ward_result_get_ballot (by_election), ==, "local.salford.new-ward.by.2018-05-03");
    g_assert_true (tally_ward_result_get_by_election (by_election));
    g_assert_false (tally_ward_result_get_by_election (new_ward));
    g_assert_false (tally_ward_result_get_majority (by_election, &majority));
  }
}

static const char declarations_sql[] =
  "INSERT INTO declarations (election_id, council_id, declared_at) "
  "  SELECT e.id, c.id, '2018-05-04T02:00:00+01:00' FROM elections e, councils c "
  "  WHERE e.date = '2018-05-03' AND c.code IN ('E08000009', 'E08000027', 'E09000027');";

static void
test_imported_declarations (Imported      *fixture,
                            gconstpointer  user_data)
{
  g_autoptr(TallyFilter) filter = tally_filter_new ();
  g_autoptr(TallyScopeSummary) summary = tally_results_summarize (fixture->results, filter);
  g_autofree char *declared = tally_scope_summary_describe_declared (summary);
  guint n_declared, n_councils;

  /* Trafford, Dudley and Richmond have declared. */
  g_assert_true (tally_scope_summary_get_declared (summary, &n_declared, &n_councils));
  g_assert_cmpuint (n_declared, ==, 3);
  g_assert_cmpuint (n_councils, ==, 150);
  g_assert_cmpstr (declared, ==, "after 3 of 150 councils");

  /* Control counts only what has declared: NOC (Trafford, Dudley) 2, was
   * 1 (Dudley); LD 1 (Richmond), was 0; Con 0, was 2. */
  g_assert_cmpuint (tally_scope_summary_get_councils_controlled (summary, NULL, TALLY_STAGE_AFTER), ==, 2);
  g_assert_cmpuint (tally_scope_summary_get_councils_controlled (summary, tally_catalog_lookup_party (fixture->catalog, "LD"),
                                                                 TALLY_STAGE_AFTER), ==, 1);
  g_assert_cmpint (tally_scope_summary_get_councils_change (summary, tally_catalog_lookup_party (fixture->catalog, "CON")), ==, -2);
  /* Every council stays in the list. */
  g_assert_cmpuint (g_list_model_get_n_items (tally_scope_summary_get_councils (summary)), ==, 150);
}

/* The same question asked twice is answered once: by the summary already
 * made, whatever order its choices were made in; a different question
 * (a region more, a search) gets its own, with its own figures. */
static void
test_bundled_summaries_kept (Bundled       *fixture,
                             gconstpointer  user_data)
{
  g_autoptr(TallyFilter) one = tally_filter_new ();
  g_autoptr(TallyFilter) other = tally_filter_new ();
  g_autoptr(TallyScopeSummary) first = NULL, again = NULL, wider = NULL, searched = NULL;

  tally_filter_set_regions (one, (const char *[]) { "London", "North West", NULL });
  tally_filter_set_regions (other, (const char *[]) { "North West", "London", NULL });
  first = tally_results_summarize (fixture->results, one);
  again = tally_results_summarize (fixture->results, other);
  g_assert_true (first == again);
  g_assert_cmpuint (tally_results_count_matching (fixture->results, other), ==,
                    tally_scope_summary_get_n_councils (first));

  tally_filter_set_regions (other, (const char *[]) { "North West", "London", "North East", NULL });
  wider = tally_results_summarize (fixture->results, other);
  g_assert_true (wider != first);
  g_assert_cmpuint (tally_scope_summary_get_n_councils (wider), >, tally_scope_summary_get_n_councils (first));

  tally_filter_set_search_text (one, "Manchester");
  searched = tally_results_summarize (fixture->results, one);
  g_assert_true (searched != first);
  g_assert_cmpuint (tally_scope_summary_get_n_councils (searched), ==, 1);
  g_assert_cmpuint (tally_results_count_matching (fixture->results, one), ==, 1);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/engine/rules/outcome", test_rules_outcome);
  g_test_add_func ("/engine/rules/butler-swing", test_rules_butler_swing);
  g_test_add_func ("/engine/rules/seats-needed", test_rules_seats_needed);
  g_test_add_func ("/engine/rules/can-control-change", test_rules_can_control_change);

#define ADD_BUNDLED(path, func) \
  g_test_add (path, Bundled, NULL, bundled_setup, func, bundled_teardown)
  ADD_BUNDLED ("/engine/bundled/outcomes", test_bundled_outcomes);
  ADD_BUNDLED ("/engine/bundled/control-counts", test_bundled_control_counts);
  ADD_BUNDLED ("/engine/bundled/national-seats", test_bundled_national_seats);
  ADD_BUNDLED ("/engine/bundled/vote-shares", test_bundled_vote_shares);
  ADD_BUNDLED ("/engine/bundled/seat-change", test_bundled_seat_change);
  ADD_BUNDLED ("/engine/bundled/seats-needed", test_bundled_seats_needed);
  ADD_BUNDLED ("/engine/bundled/results-are-shared", test_bundled_results_are_shared);
  ADD_BUNDLED ("/engine/bundled/history", test_bundled_history);
  ADD_BUNDLED ("/engine/bundled/summaries-kept", test_bundled_summaries_kept);
  ADD_BUNDLED ("/engine/shared/national-seats", test_shared_national_seats);
#undef ADD_BUNDLED

  g_test_add ("/engine/imported/council-from-candidates", Imported, NULL, imported_setup,
              test_imported_council_from_candidates, imported_teardown);
  g_test_add ("/engine/imported/candidates-stored-apart", Imported, candidates_apart_sql, imported_setup,
              test_imported_council_from_candidates, imported_teardown);
  g_test_add ("/engine/imported/candidates-out-of-order", Imported, candidates_out_of_order_sql, imported_setup,
              test_imported_council_from_candidates, imported_teardown);
  g_test_add ("/engine/imported/wards", Imported, NULL, imported_setup, test_imported_wards, imported_teardown);
  g_test_add ("/engine/imported/declarations", Imported, declarations_sql, imported_setup,
              test_imported_declarations, imported_teardown);

  return g_test_run ();
}
