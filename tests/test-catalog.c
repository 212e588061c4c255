/* test-catalog.c: facts of the 2018 and 2014 elections in the bundled data.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "tally-catalog.h"
#include "tally-council.h"
#include "tally-council-result.h"
#include "tally-database.h"
#include "tally-election.h"
#include "tally-party.h"
#include "tally-test-util.h"

static TallyCatalog *catalog;
static GListModel *results_2018;

static TallyCouncilResult *
find_result (const char *name)
{
  guint n_results = g_list_model_get_n_items (results_2018);

  for (guint i = 0; i < n_results; i++)
    {
      g_autoptr(TallyCouncilResult) result = g_list_model_get_item (results_2018, i);

      if (g_str_equal (tally_council_get_name (tally_council_result_get_council (result)), name))
        return result;
    }

  g_error ("no 2018 result for %s", name);
}

static guint
seats_of (TallyCouncilResult *result,
          TallyStage          stage,
          const char         *party_key)
{
  const TallySeats *seats;
  guint n_parties;

  seats = tally_council_result_get_composition (result, stage, &n_parties);
  for (guint i = 0; i < n_parties; i++)
    if (g_str_equal (tally_party_get_key (seats[i].party), party_key))
      return seats[i].seats;

  return 0;
}

static const char *
control_key (TallyCouncilResult *result,
             TallyStage          stage)
{
  TallyParty *party = tally_council_result_get_control (result, stage);

  return party ? tally_party_get_key (party) : "NOC";
}

static void
test_reference_councils (void)
{
  GListModel *councils = tally_catalog_get_councils (catalog);
  TallyCouncil *birmingham = tally_catalog_lookup_council (catalog, "E08000025");
  double easting, northing;

  g_assert_cmpuint (g_list_model_get_n_items (councils), ==, 326);
  g_assert_nonnull (birmingham);
  g_assert_cmpstr (tally_council_get_name (birmingham), ==, "Birmingham");
  g_assert_cmpint (tally_council_get_council_type (birmingham), ==, TALLY_COUNCIL_TYPE_METROPOLITAN_BOROUGH);
  g_assert_cmpstr (tally_council_get_region (birmingham), ==, "West Midlands");
  g_assert_cmpstr (tally_council_get_county (birmingham), ==, "West Midlands");

  /* Birmingham's centroid lies in the city: about 408 km east, 287 km north. */
  g_assert_true (tally_council_get_centroid (birmingham, &easting, &northing));
  g_assert_cmpfloat (easting, >, 400000);
  g_assert_cmpfloat (easting, <, 415000);
  g_assert_cmpfloat (northing, >, 280000);
  g_assert_cmpfloat (northing, <, 295000);

  g_assert_null (tally_council_get_county (tally_catalog_lookup_council (catalog, "E06000001")));
}

static void
test_elections (void)
{
  TallyElection *latest = tally_catalog_get_latest_election (catalog);

  g_assert_cmpstr (tally_election_get_date (latest), ==, "2018-05-03");
  g_assert_cmpint (tally_election_get_year (latest), ==, 2018);
  g_assert_nonnull (tally_election_get_baseline (latest));
  g_assert_cmpstr (tally_election_get_date (tally_election_get_baseline (latest)), ==, "2014-05-22");
  g_assert_true (tally_catalog_lookup_election (catalog, "2014-05-22") == tally_election_get_baseline (latest));
}

static void
test_parties (void)
{
  TallyParty *con = tally_catalog_lookup_party (catalog, "CON");
  TallyParty *lab = tally_catalog_lookup_party (catalog, "LAB");

  g_assert_cmpstr (tally_party_get_colour (con, FALSE), ==, "#0087DC");
  g_assert_cmpstr (tally_party_get_colour (lab, FALSE), ==, "#E4003B");
  g_assert_cmpstr (tally_party_get_colour (tally_catalog_lookup_party (catalog, "LD"), FALSE), ==, "#FAA61A");
  g_assert_cmpstr (tally_party_get_colour (tally_catalog_lookup_party (catalog, "GRN"), FALSE), ==, "#02A95B");
  g_assert_cmpstr (tally_party_get_colour (tally_catalog_lookup_party (catalog, "UKIP"), FALSE), ==, "#6D3177");
  g_assert_cmpstr (tally_party_get_colour (con, TRUE), !=, tally_party_get_colour (con, FALSE));

  /* Labour sits left of the Conservatives in seat charts. */
  g_assert_cmpint (tally_party_get_position (lab), <, tally_party_get_position (con));
  g_assert_true (tally_party_is_aggregate (tally_catalog_lookup_party (catalog, "OTH")));
  g_assert_false (tally_party_is_aggregate (tally_catalog_lookup_party (catalog, "IND")));
}

static void
test_council_types_2018 (void)
{
  guint counts[TALLY_N_COUNCIL_TYPES] = { 0 };
  guint n_results = g_list_model_get_n_items (results_2018);

  g_assert_cmpuint (n_results, ==, 150);

  for (guint i = 0; i < n_results; i++)
    {
      g_autoptr(TallyCouncilResult) result = g_list_model_get_item (results_2018, i);

      counts[tally_council_get_council_type (tally_council_result_get_council (result))]++;
    }

  g_assert_cmpuint (counts[TALLY_COUNCIL_TYPE_LONDON_BOROUGH], ==, 32);
  g_assert_cmpuint (counts[TALLY_COUNCIL_TYPE_METROPOLITAN_BOROUGH], ==, 34);
  g_assert_cmpuint (counts[TALLY_COUNCIL_TYPE_UNITARY], ==, 17);
  g_assert_cmpuint (counts[TALLY_COUNCIL_TYPE_DISTRICT], ==, 67);
}

static void
test_richmond (void)
{
  TallyCouncilResult *richmond = find_result ("Richmond upon Thames");

  g_assert_cmpuint (tally_council_result_get_total_seats (richmond, TALLY_STAGE_AFTER), ==, 54);
  g_assert_cmpuint (seats_of (richmond, TALLY_STAGE_AFTER, "LD"), ==, 39);
  g_assert_cmpstr (control_key (richmond, TALLY_STAGE_AFTER), ==, "LD");
  g_assert_cmpstr (control_key (richmond, TALLY_STAGE_BEFORE), ==, "CON");
  g_assert_cmpuint (tally_council_result_get_seats_up (richmond), ==, 54);
}

static void
test_trafford (void)
{
  TallyCouncilResult *trafford = find_result ("Trafford");
  g_autofree char *described = tally_council_result_describe_control (trafford, TALLY_STAGE_AFTER);

  g_assert_cmpuint (tally_council_result_get_total_seats (trafford, TALLY_STAGE_AFTER), ==, 63);
  g_assert_cmpuint (seats_of (trafford, TALLY_STAGE_AFTER, "LAB"), ==, 30);
  g_assert_cmpuint (seats_of (trafford, TALLY_STAGE_AFTER, "CON"), ==, 29);
  g_assert_cmpstr (control_key (trafford, TALLY_STAGE_AFTER), ==, "NOC");
  g_assert_cmpstr (control_key (trafford, TALLY_STAGE_BEFORE), ==, "CON");
  g_assert_cmpstr (described, ==, "No overall control");
}

static void
test_barnet (void)
{
  TallyCouncilResult *barnet = find_result ("Barnet");

  g_assert_cmpuint (seats_of (barnet, TALLY_STAGE_AFTER, "CON"), ==, 38);
  g_assert_cmpuint (seats_of (barnet, TALLY_STAGE_AFTER, "LAB"), ==, 25);
  g_assert_cmpstr (control_key (barnet, TALLY_STAGE_AFTER), ==, "CON");
  /* Sourced (SOURCES.md, news-barnet): the Conservatives lost their majority
   * of one weeks before the poll, when a deselected councillor sat as an
   * Independent: Con 31, Lab 30, LD 1, Other 1 on the eve. */
  g_assert_cmpuint (seats_of (barnet, TALLY_STAGE_BEFORE, "CON"), ==, 31);
  g_assert_cmpuint (seats_of (barnet, TALLY_STAGE_BEFORE, "OTH"), ==, 1);
  g_assert_cmpstr (control_key (barnet, TALLY_STAGE_BEFORE), ==, "NOC");
}

static void
test_corrections (void)
{
  TallyCouncilResult *worcester = find_result ("Worcester");

  /* BBC, 4 May 2018: Con 17, Lab 15, Green 3 of 35. */
  g_assert_cmpuint (seats_of (worcester, TALLY_STAGE_AFTER, "CON"), ==, 17);
  g_assert_cmpuint (seats_of (worcester, TALLY_STAGE_AFTER, "LAB"), ==, 15);
  g_assert_cmpuint (seats_of (worcester, TALLY_STAGE_AFTER, "GRN"), ==, 3);
  g_assert_cmpstr (control_key (worcester, TALLY_STAGE_AFTER), ==, "NOC");

  /* Southend-on-Sea on the eve of the poll, as published (wp18-southend):
   * Con 28, Lab 9, LD 2, independents 12 of 51, a Conservative majority
   * after defections (no longer the old hand-made NOC adjustment). */
  g_assert_cmpuint (seats_of (find_result ("Southend-on-Sea"), TALLY_STAGE_BEFORE, "CON"), ==, 28);
  g_assert_cmpuint (seats_of (find_result ("Southend-on-Sea"), TALLY_STAGE_BEFORE, "OTH"), ==, 12);
  g_assert_cmpstr (control_key (find_result ("Southend-on-Sea"), TALLY_STAGE_BEFORE), ==, "CON");
  g_assert_cmpstr (control_key (find_result ("Southend-on-Sea"), TALLY_STAGE_AFTER), ==, "CON");
}

static void
test_boundary_change_totals (void)
{
  TallyCouncilResult *birmingham = find_result ("Birmingham");

  /* New wards in 2018: 120 seats before, 101 after, all of them fought. */
  g_assert_cmpuint (tally_council_result_get_total_seats (birmingham, TALLY_STAGE_BEFORE), ==, 120);
  g_assert_cmpuint (tally_council_result_get_total_seats (birmingham, TALLY_STAGE_AFTER), ==, 101);
  g_assert_cmpuint (tally_council_result_get_seats_up (birmingham), ==, 101);
}

static void
test_control_counts (void)
{
  guint labour = 0, conservative = 0, libdem = 0, no_control = 0;
  guint n_results = g_list_model_get_n_items (results_2018);

  for (guint i = 0; i < n_results; i++)
    {
      g_autoptr(TallyCouncilResult) result = g_list_model_get_item (results_2018, i);
      const char *key = control_key (result, TALLY_STAGE_AFTER);

      if (g_str_equal (key, "LAB"))
        labour++;
      else if (g_str_equal (key, "CON"))
        conservative++;
      else if (g_str_equal (key, "LD"))
        libdem++;
      else if (g_str_equal (key, "NOC"))
        no_control++;
      else
        g_error ("unexpected control %s", key);
    }

  /* The published count (Wikipedia's infobox; BBC): Lab 74, Con 46, LD 9,
   * NOC 21, once the compositions were sourced (data/bundled/SOURCES.md). */
  g_assert_cmpuint (labour, ==, 74);
  g_assert_cmpuint (conservative, ==, 46);
  g_assert_cmpuint (libdem, ==, 9);
  g_assert_cmpuint (no_control, ==, 21);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TallyDatabase) database = NULL;
  int status;

  g_test_init (&argc, &argv, NULL);

  database = tally_database_open (tally_test_bundled_database (), TALLY_DATABASE_OPEN_READ_ONLY, &error);
  g_assert_no_error (error);
  catalog = tally_catalog_new (database, &error);
  g_assert_no_error (error);
  results_2018 = tally_catalog_load_results (catalog, tally_catalog_get_latest_election (catalog), &error);
  g_assert_no_error (error);

  g_test_add_func ("/catalog/reference-councils", test_reference_councils);
  g_test_add_func ("/catalog/elections", test_elections);
  g_test_add_func ("/catalog/parties", test_parties);
  g_test_add_func ("/catalog/council-types-2018", test_council_types_2018);
  g_test_add_func ("/catalog/richmond", test_richmond);
  g_test_add_func ("/catalog/trafford", test_trafford);
  g_test_add_func ("/catalog/barnet", test_barnet);
  g_test_add_func ("/catalog/corrections", test_corrections);
  g_test_add_func ("/catalog/boundary-change-totals", test_boundary_change_totals);
  g_test_add_func ("/catalog/control-counts", test_control_counts);

  status = g_test_run ();

  g_clear_object (&results_2018);
  g_clear_object (&catalog);
  return status;
}
