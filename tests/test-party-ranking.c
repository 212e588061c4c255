/* test-party-ranking.c: which parties every view names, and their order.
 *
 * On the bundled data and, when ../shared/data is there, on a database with
 * the Democracy Club 2018 and LEAP 2014 files imported (about 200 parties):
 * the named parties are the same few, in results order, Others last.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include "tally-catalog.h"
#include "tally-database.h"
#include "tally-election.h"
#include "tally-filter.h"
#include "tally-party.h"
#include "tally-party-ranking.h"
#include "tally-results.h"
#include "tally-scope-summary.h"
#include "tally-test-util.h"

static TallyPartyRanking *
rank (const char    *path,
      TallyResults **results_out)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TallyDatabase) database = tally_database_open (path, TALLY_DATABASE_OPEN_READ_ONLY, &error);
  g_autoptr(TallyCatalog) catalog = NULL;
  TallyResults *results;
  TallyElection *latest;

  g_assert_no_error (error);
  catalog = tally_catalog_new (database, &error);
  g_assert_no_error (error);
  results = tally_results_new (catalog, &error);
  g_assert_no_error (error);

  latest = tally_catalog_get_latest_election (catalog);
  *results_out = results;
  return tally_party_ranking_new (tally_catalog_get_parties (catalog),
                                  tally_results_get_council_results (results, latest,
                                                                     tally_election_get_baseline (latest)));
}

static char *
shown_keys (TallyPartyRanking *ranking)
{
  GListModel *shown = tally_party_ranking_get_shown (ranking);
  GString *keys = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (shown); i++)
    {
      g_autoptr(TallyParty) party = g_list_model_get_item (shown, i);

      g_string_append_printf (keys, "%s%s", i ? " " : "", tally_party_get_key (party));
    }

  return g_string_free (keys, FALSE);
}

/* Labour 74 councils, Conservatives 46, Liberal Democrats 9: by councils;
 * then Independents 60 seats, Greens 40 and UKIP 3 (named: it won seats in
 * many councils in 2014) by seats; Others last. */
static void
test_bundled_order (void)
{
  g_autoptr(TallyResults) results = NULL;
  g_autoptr(TallyPartyRanking) ranking = rank (tally_test_bundled_database (), &results);
  g_autofree char *keys = shown_keys (ranking);
  TallyParty *others = tally_party_ranking_get_others (ranking);

  g_assert_cmpstr (keys, ==, "LAB CON LD IND GRN UKIP OTH");
  g_assert_nonnull (others);
  g_assert_cmpstr (tally_party_get_key (others), ==, "OTH");
  g_assert_true (tally_party_ranking_is_grouped (ranking, others));
  g_assert_cmpint (tally_party_ranking_compare (ranking, others, others), ==, 0);
}

/* The engine ranks once: the same ranking each time it is asked, in the
 * order a ranking made afresh gives, with the same digest; named in full
 * (Others expanded) it names more and reads differently. */
static void
test_engine_keeps_ranking (void)
{
  g_autoptr(TallyResults) results = NULL;
  g_autoptr(TallyPartyRanking) fresh = rank (tally_test_bundled_database (), &results);
  TallyElection *latest = tally_catalog_get_latest_election (tally_results_get_catalog (results));
  TallyElection *baseline = tally_election_get_baseline (latest);
  TallyPartyRanking *kept = tally_results_get_ranking (results, latest, baseline, TRUE);
  TallyPartyRanking *full = tally_results_get_ranking (results, latest, baseline, FALSE);
  g_autofree char *fresh_keys = shown_keys (fresh);
  g_autofree char *kept_keys = shown_keys (kept);

  g_assert_true (tally_results_get_ranking (results, latest, NULL, TRUE) == kept);
  g_assert_true (kept != fresh);
  g_assert_cmpstr (kept_keys, ==, fresh_keys);
  g_assert_cmpstr (kept_keys, ==, "LAB CON LD IND GRN UKIP OTH");
  g_assert_cmpuint (tally_party_ranking_get_digest (kept), ==, tally_party_ranking_get_digest (fresh));
  g_assert_true (full != kept);
  g_assert_cmpuint (g_list_model_get_n_items (tally_party_ranking_get_shown (full)), >=,
                    g_list_model_get_n_items (tally_party_ranking_get_shown (kept)));
  if (g_list_model_get_n_items (tally_party_ranking_get_shown (full)) >
      g_list_model_get_n_items (tally_party_ranking_get_shown (kept)))
    g_assert_cmpuint (tally_party_ranking_get_digest (full), !=, tally_party_ranking_get_digest (kept));
}

/* The sum of Others over a scope is every grouped party's seats: with the
 * named parties it makes every seat up. */
static void
test_others_add_up (void)
{
  g_autoptr(TallyResults) results = NULL;
  g_autoptr(TallyPartyRanking) ranking = rank (tally_test_bundled_database (), &results);
  g_autoptr(TallyFilter) filter = tally_filter_new ();
  g_autoptr(TallyScopeSummary) summary = tally_results_summarize (results, filter);
  GListModel *shown = tally_party_ranking_get_shown (ranking);
  guint total = 0;

  for (guint i = 0; i < g_list_model_get_n_items (shown); i++)
    {
      g_autoptr(TallyParty) party = g_list_model_get_item (shown, i);
      guint won;
      int change;

      tally_party_ranking_scope_seats (ranking, summary, party, &won, &change);
      total += won;
    }

  g_assert_cmpuint (total, ==, tally_scope_summary_get_seats_up (summary));
}

static void
test_imported_real_files (void)
{
  g_autofree char *dc = tally_test_shared_data_path ("results/dc_2018/democracyclub-results-2018-05-03_raw.csv");
  g_autofree char *leap = tally_test_shared_data_path ("results/leap_2014/leap_2014_results_raw.csv");
  g_autofree char *data_home = NULL;
  g_autofree char *path = NULL;
  g_autofree char *keys = NULL;
  g_autoptr(TallyResults) results = NULL;
  g_autoptr(TallyPartyRanking) ranking = NULL;
  g_auto(TallyTestRun) run = { 0 };

  if (dc == NULL || leap == NULL)
    {
      g_test_skip ("the Democracy Club and LEAP files are not in ../shared/data");
      return;
    }

  data_home = tally_test_make_temp_dir ();
  tally_test_run_tally (&run, data_home, (const char *[]) { "import", dc, leap, NULL });
  g_assert_cmpint (run.status, ==, 0);
  path = g_build_filename (data_home, "tally", "tally.db", NULL);

  ranking = rank (path, &results);
  keys = shown_keys (ranking);

  /* Over 200 parties in the database; the same seven named, Others last. */
  g_assert_cmpuint (g_list_model_get_n_items (tally_catalog_get_parties (tally_results_get_catalog (results))), >,
                    200);
  g_assert_cmpstr (keys, ==, "LAB CON LD IND GRN UKIP OTH");

  g_clear_pointer (&ranking, tally_party_ranking_unref);
  g_clear_object (&results);
  tally_test_remove_dir (data_home);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/party-ranking/bundled-order", test_bundled_order);
  g_test_add_func ("/party-ranking/others-add-up", test_others_add_up);
  g_test_add_func ("/party-ranking/engine-keeps-ranking", test_engine_keeps_ranking);
  g_test_add_func ("/party-ranking/imported-real-files", test_imported_real_files);

  return g_test_run ();
}
