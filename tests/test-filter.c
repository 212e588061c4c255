/* test-filter.c: the shared filter: one `changed` per user action, and the
 * councils it matches in the bundled 2018 data.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "tally-catalog.h"
#include "tally-council.h"
#include "tally-council-result.h"
#include "tally-database.h"
#include "tally-election.h"
#include "tally-filter.h"
#include "tally-party.h"
#include "tally-results.h"
#include "tally-scope-summary.h"
#include "tally-test-util.h"

typedef struct
{
  guint changed;
  guint notified;
} Counts;

static void
changed_cb (TallyFilter *filter,
            Counts      *counts)
{
  counts->changed++;
}

static void
notify_cb (GObject    *object,
           GParamSpec *pspec,
           Counts     *counts)
{
  counts->notified++;
}

static void
test_filter_one_signal_per_action (void)
{
  g_autoptr(TallyFilter) filter = tally_filter_new ();
  Counts counts = { 0 };
  guint64 serial = tally_filter_get_serial (filter);

  g_signal_connect (filter, "changed", G_CALLBACK (changed_cb), &counts);
  g_signal_connect (filter, "notify::parties", G_CALLBACK (notify_cb), &counts);

  g_assert_true (tally_filter_is_empty (filter));

  tally_filter_set_parties (filter, (const char *[]) { "LD", "CON", NULL });
  g_assert_cmpuint (counts.changed, ==, 1);
  g_assert_cmpuint (counts.notified, ==, 1);
  g_assert_cmpuint (tally_filter_get_serial (filter), ==, serial + 1);
  g_assert_false (tally_filter_is_empty (filter));

  /* The same set in another order, with a duplicate, is no change. */
  tally_filter_set_parties (filter, (const char *[]) { "CON", "LD", "CON", NULL });
  g_assert_cmpuint (counts.changed, ==, 1);
  g_assert_cmpuint (counts.notified, ==, 1);
  g_assert_cmpstrv (tally_filter_get_parties (filter), ((const char *[]) { "CON", "LD", NULL }));

  /* Ticking a box that is already ticked changes nothing either. */
  tally_filter_set_party_selected (filter, "LD", TRUE);
  g_assert_cmpuint (counts.changed, ==, 1);
  tally_filter_set_party_selected (filter, "LD", FALSE);
  g_assert_cmpuint (counts.changed, ==, 2);
  g_assert_false (tally_filter_get_party_selected (filter, "LD"));
  g_assert_true (tally_filter_get_party_selected (filter, "CON"));

  tally_filter_set_outcomes (filter, TALLY_OUTCOME_FLAG_GAIN);
  tally_filter_set_outcomes (filter, TALLY_OUTCOME_FLAG_GAIN);
  g_assert_cmpuint (counts.changed, ==, 3);

  /* Spaces around a search are not a change. */
  tally_filter_set_search_text (filter, "kingston");
  tally_filter_set_search_text (filter, "  kingston ");
  g_assert_cmpuint (counts.changed, ==, 4);
  tally_filter_set_search_text (filter, "   ");
  g_assert_null (tally_filter_get_search_text (filter));
  g_assert_cmpuint (counts.changed, ==, 5);

  /* Properties go through the same setters. */
  g_object_set (filter, "regions", (const char *[]) { "London", NULL }, NULL);
  g_object_set (filter, "regions", (const char *[]) { "London", NULL }, NULL);
  g_assert_cmpuint (counts.changed, ==, 6);
  g_assert_cmpuint (tally_filter_get_serial (filter), ==, serial + 6);
}

static void
test_filter_freeze_and_clear (void)
{
  g_autoptr(TallyFilter) filter = tally_filter_new ();
  Counts counts = { 0 };
  Counts empty_counts = { 0 };

  g_signal_connect (filter, "changed", G_CALLBACK (changed_cb), &counts);
  g_signal_connect (filter, "notify::empty", G_CALLBACK (notify_cb), &empty_counts);

  /* Several changes for one action, nested: one signal at the last thaw. */
  tally_filter_freeze (filter);
  tally_filter_set_region_selected (filter, "London", TRUE);
  tally_filter_freeze (filter);
  tally_filter_set_council_type_selected (filter, TALLY_COUNCIL_TYPE_LONDON_BOROUGH, TRUE);
  tally_filter_set_outcomes (filter, TALLY_OUTCOME_FLAGS_CHANGED);
  tally_filter_thaw (filter);
  g_assert_cmpuint (counts.changed, ==, 0);
  tally_filter_thaw (filter);
  g_assert_cmpuint (counts.changed, ==, 1);
  g_assert_cmpuint (empty_counts.notified, ==, 1);
  g_assert_true (tally_filter_get_council_type_selected (filter, TALLY_COUNCIL_TYPE_LONDON_BOROUGH));
  g_assert_cmpstrv (tally_filter_get_council_types (filter), ((const char *[]) { "london_borough", NULL }));

  /* A frozen action that ends where it began emits nothing. */
  tally_filter_freeze (filter);
  tally_filter_thaw (filter);
  g_assert_cmpuint (counts.changed, ==, 1);

  /* "Clear all" is one action; clearing a clear filter is none. */
  tally_filter_clear (filter);
  g_assert_cmpuint (counts.changed, ==, 2);
  g_assert_cmpuint (empty_counts.notified, ==, 2);
  g_assert_true (tally_filter_is_empty (filter));
  tally_filter_clear (filter);
  g_assert_cmpuint (counts.changed, ==, 2);

  /* A copy has the same choices and its own signals. */
  tally_filter_set_council_selected (filter, "E08000009", TRUE);
  {
    g_autoptr(TallyFilter) copy = tally_filter_copy (filter);

    g_assert_true (tally_filter_get_council_selected (copy, "E08000009"));
    tally_filter_set_council_selected (copy, "E08000027", TRUE);
    g_assert_false (tally_filter_get_council_selected (filter, "E08000027"));
    g_assert_cmpuint (counts.changed, ==, 3);
  }
}

/* Matching councils, against the bundled data */

typedef struct
{
  TallyDatabase *database;
  TallyCatalog  *catalog;
  TallyResults  *results;
  TallyFilter   *filter;
} Fixture;

static void
fixture_setup (Fixture       *fixture,
               gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;

  fixture->database = tally_database_open (tally_test_bundled_database (), TALLY_DATABASE_OPEN_READ_ONLY, &error);
  g_assert_no_error (error);
  fixture->catalog = tally_catalog_new (fixture->database, &error);
  g_assert_no_error (error);
  fixture->results = tally_results_new (fixture->catalog, &error);
  g_assert_no_error (error);
  fixture->filter = tally_filter_new ();
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  user_data)
{
  g_clear_object (&fixture->filter);
  g_clear_object (&fixture->results);
  g_clear_object (&fixture->catalog);
  g_clear_object (&fixture->database);
}

/* The names of the councils the filter matches, by name, checking on the
 * way that the engine, its count and tally_filter_matches() agree. */
static char **
matching_names (Fixture *fixture)
{
  g_autoptr(TallyScopeSummary) summary = tally_results_summarize (fixture->results, fixture->filter);
  GListModel *councils = tally_scope_summary_get_councils (summary);
  GListModel *all = tally_results_get_council_results (fixture->results,
                                                       tally_results_resolve_election (fixture->results, fixture->filter),
                                                       NULL);
  g_autoptr(GStrvBuilder) names = g_strv_builder_new ();
  guint n_matching = 0;

  for (guint i = 0; i < g_list_model_get_n_items (councils); i++)
    {
      g_autoptr(TallyCouncilResult) result = g_list_model_get_item (councils, i);

      g_strv_builder_add (names, tally_council_get_name (tally_council_result_get_council (result)));
    }

  for (guint i = 0; i < g_list_model_get_n_items (all); i++)
    {
      g_autoptr(TallyCouncilResult) result = g_list_model_get_item (all, i);
      gboolean matches = tally_filter_matches (fixture->filter, result);

      g_assert_cmpint (matches, ==, tally_scope_summary_contains (summary, tally_council_result_get_council (result)));
      n_matching += matches;
    }

  g_assert_cmpuint (n_matching, ==, g_list_model_get_n_items (councils));
  g_assert_cmpuint (tally_results_count_matching (fixture->results, fixture->filter), ==, n_matching);
  g_assert_cmpuint (tally_scope_summary_get_n_councils (summary), ==, n_matching);

  return g_strv_builder_end (names);
}

static guint
count_matching (Fixture *fixture)
{
  g_auto(GStrv) names = matching_names (fixture);

  return g_strv_length (names);
}

static void
test_match_places (Fixture       *fixture,
                   gconstpointer  user_data)
{
  g_assert_cmpuint (count_matching (fixture), ==, 150);

  /* Every London borough but the City of London votes in 2018. */
  tally_filter_set_region_selected (fixture->filter, "London", TRUE);
  g_assert_cmpuint (count_matching (fixture), ==, 32);

  tally_filter_set_region_selected (fixture->filter, "North West", TRUE);
  tally_filter_set_council_type_selected (fixture->filter, TALLY_COUNCIL_TYPE_METROPOLITAN_BOROUGH, TRUE);
  {
    g_auto(GStrv) names = matching_names (fixture);

    /* Only the North West's metropolitan boroughs: London's are not. */
    g_assert_true (g_strv_contains ((const char * const *) names, "Trafford"));
    g_assert_false (g_strv_contains ((const char * const *) names, "Barnet"));
  }

  tally_filter_clear (fixture->filter);
  tally_filter_set_council_type_selected (fixture->filter, TALLY_COUNCIL_TYPE_METROPOLITAN_BOROUGH, TRUE);
  g_assert_cmpuint (count_matching (fixture), ==, 34);

  tally_filter_clear (fixture->filter);
  tally_filter_set_search_text (fixture->filter, "KINGSTON");
  {
    g_auto(GStrv) names = matching_names (fixture);

    g_assert_cmpstrv (names, ((const char *[]) { "Kingston upon Hull, City of", "Kingston upon Thames", NULL }));
  }

  /* Codes are searched too. */
  tally_filter_set_search_text (fixture->filter, "e08000009");
  {
    g_auto(GStrv) names = matching_names (fixture);

    g_assert_cmpstrv (names, ((const char *[]) { "Trafford", NULL }));
  }
}

static void
test_match_outcomes (Fixture       *fixture,
                     gconstpointer  user_data)
{
  /* 2018, eve of poll → after, the sourced compositions (data/bundled,
   * RESEARCH-13.md): 15 councils changed hands. */
  tally_filter_set_outcomes (fixture->filter, TALLY_OUTCOME_FLAGS_CHANGED);
  g_assert_cmpuint (count_matching (fixture), ==, 15);
  /* 11 gains: Con from NOC (Barnet, Basildon, Peterborough), Lab from NOC
   * (Kirklees, Tower Hamlets), LD from NOC (Three Rivers), LD from Con
   * (Kingston, Richmond, South Cambridgeshire), Lab from Con (Plymouth),
   * Con from Lab (Redditch). */
  tally_filter_set_outcomes (fixture->filter, TALLY_OUTCOME_FLAG_GAIN);
  g_assert_cmpuint (count_matching (fixture), ==, 11);
  /* Losses: 4 to NOC (Mole Valley, Trafford, Derby, Nuneaton and
   * Bedworth), and the 5 gains from another party. */
  tally_filter_set_outcomes (fixture->filter, TALLY_OUTCOME_FLAG_LOSS);
  g_assert_cmpuint (count_matching (fixture), ==, 9);
  tally_filter_set_outcomes (fixture->filter, TALLY_OUTCOME_FLAG_NOC_HOLD);
  g_assert_cmpuint (count_matching (fixture), ==, 17);
  tally_filter_set_outcomes (fixture->filter, TALLY_OUTCOME_FLAGS_UNCHANGED);
  g_assert_cmpuint (count_matching (fixture), ==, 135);
}

static void
test_match_parties (Fixture       *fixture,
                    gconstpointer  user_data)
{
  /* London, then "gained by the Liberal Democrats". */
  tally_filter_set_region_selected (fixture->filter, "London", TRUE);
  tally_filter_freeze (fixture->filter);
  tally_filter_set_party_selected (fixture->filter, "LD", TRUE);
  tally_filter_set_outcomes (fixture->filter, TALLY_OUTCOME_FLAG_GAIN);
  tally_filter_thaw (fixture->filter);
  {
    g_auto(GStrv) names = matching_names (fixture);

    g_assert_cmpstrv (names, ((const char *[]) { "Kingston upon Thames", "Richmond upon Thames", NULL }));
  }

  /* Everywhere, LD gains add South Cambridgeshire and Three Rivers. */
  tally_filter_set_regions (fixture->filter, NULL);
  g_assert_cmpuint (count_matching (fixture), ==, 4);

  /* Lost by the Conservatives: to NOC (Trafford, Mole Valley), to the
   * Liberal Democrats (the three above) and to Labour (Plymouth).  Woking,
   * with sourced figures, is a Conservative hold. */
  tally_filter_freeze (fixture->filter);
  tally_filter_set_parties (fixture->filter, (const char *[]) { "CON", NULL });
  tally_filter_set_outcomes (fixture->filter, TALLY_OUTCOME_FLAG_LOSS);
  tally_filter_thaw (fixture->filter);
  {
    g_auto(GStrv) names = matching_names (fixture);

    g_assert_cmpstrv (names, ((const char *[]) { "Kingston upon Thames", "Mole Valley", "Plymouth",
                                                 "Richmond upon Thames", "South Cambridgeshire", "Trafford", NULL }));
  }

  /* Held by the Conservatives: 42 (Great Yarmouth and Southend-on-Sea
   * among them, Conservative on the eve after defections).  With no
   * outcome, every council they held, lost or gained: 42 + 6 + 4 (Barnet,
   * Basildon, Peterborough, and Redditch from Labour). */
  tally_filter_set_outcomes (fixture->filter, TALLY_OUTCOME_FLAG_HOLD);
  g_assert_cmpuint (count_matching (fixture), ==, 42);
  tally_filter_set_outcomes (fixture->filter, TALLY_OUTCOME_FLAG_NONE);
  g_assert_cmpuint (count_matching (fixture), ==, 52);

  /* Councils under no overall control both times were run by no party:
   * with a party chosen they never match, so "held or NOC throughout" is
   * the holds alone, and NOC throughout alone is nothing. */
  tally_filter_set_outcomes (fixture->filter, TALLY_OUTCOME_FLAG_HOLD | TALLY_OUTCOME_FLAG_NOC_HOLD);
  g_assert_cmpuint (count_matching (fixture), ==, 42);
  tally_filter_set_outcomes (fixture->filter, TALLY_OUTCOME_FLAG_NOC_HOLD);
  g_assert_cmpuint (count_matching (fixture), ==, 0);
}

static void
test_match_election (Fixture       *fixture,
                     gconstpointer  user_data)
{
  TallyElection *earlier = tally_catalog_lookup_election (fixture->catalog, "2014-05-22");
  g_autoptr(TallyScopeSummary) summary = NULL;

  /* 2014: 150 councils too, no compositions, so no outcome matches. */
  tally_filter_set_election (fixture->filter, earlier);
  g_assert_cmpuint (count_matching (fixture), ==, 150);
  tally_filter_set_outcomes (fixture->filter, TALLY_OUTCOME_FLAG_GAIN);
  g_assert_cmpuint (count_matching (fixture), ==, 0);

  summary = tally_results_summarize (fixture->results, fixture->filter);
  g_assert_true (tally_scope_summary_get_election (summary) == earlier);
  g_assert_null (tally_scope_summary_get_baseline (summary));
}

typedef struct
{
  guint summaries;
  guint items_changed;
} Follow;

static void
summary_notify_cb (GObject    *object,
                   GParamSpec *pspec,
                   Follow     *follow)
{
  follow->summaries++;
}

static void
items_changed_cb (GListModel *model,
                  guint       position,
                  guint       removed,
                  guint       added,
                  Follow     *follow)
{
  follow->items_changed++;
}

static void
test_results_follow_filter (Fixture       *fixture,
                            gconstpointer  user_data)
{
  GListModel *matching = tally_results_get_matching (fixture->results);
  Follow follow = { 0 };

  g_signal_connect (fixture->results, "notify::summary", G_CALLBACK (summary_notify_cb), &follow);
  g_signal_connect (matching, "items-changed", G_CALLBACK (items_changed_cb), &follow);

  tally_results_set_filter (fixture->results, fixture->filter);
  g_assert_cmpuint (follow.summaries, ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (matching), ==, 150);

  /* One user action, one summary, one update of the list. */
  tally_filter_freeze (fixture->filter);
  tally_filter_set_region_selected (fixture->filter, "London", TRUE);
  tally_filter_set_party_selected (fixture->filter, "LD", TRUE);
  tally_filter_set_outcomes (fixture->filter, TALLY_OUTCOME_FLAG_GAIN);
  tally_filter_thaw (fixture->filter);
  g_assert_cmpuint (follow.summaries, ==, 2);
  g_assert_cmpuint (follow.items_changed, ==, 2);
  g_assert_cmpuint (g_list_model_get_n_items (matching), ==, 2);
  g_assert_cmpuint (tally_scope_summary_get_n_councils (tally_results_get_summary (fixture->results)), ==, 2);

  tally_filter_clear (fixture->filter);
  g_assert_cmpuint (follow.summaries, ==, 3);
  g_assert_cmpuint (g_list_model_get_n_items (matching), ==, 150);

  tally_results_set_filter (fixture->results, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (matching), ==, 0);
  g_assert_null (tally_results_get_summary (fixture->results));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/filter/one-signal-per-action", test_filter_one_signal_per_action);
  g_test_add_func ("/filter/freeze-and-clear", test_filter_freeze_and_clear);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)
  ADD ("/filter/match/places", test_match_places);
  ADD ("/filter/match/outcomes", test_match_outcomes);
  ADD ("/filter/match/parties", test_match_parties);
  ADD ("/filter/match/election", test_match_election);
  ADD ("/filter/results-follow-filter", test_results_follow_filter);
#undef ADD

  return g_test_run ();
}
