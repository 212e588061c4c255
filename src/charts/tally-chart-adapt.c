/* tally-chart-adapt.c: chart data from the results engine.
 *
 * Charts draw plain structs; these functions fill them from a council's
 * result or a filter's summary, and write the heading a newspaper would:
 * the council as title, what happened as subtitle, where the numbers come
 * from as the source line.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include "tally-chart-adapt.h"
#include "tally-council.h"
#include "tally-election.h"
#include "tally-party.h"

/* No overall control, in the scatter and the state of the parties. */

static char *
format_date (TallyElection *election)
{
  g_autoptr(GDateTime) date = NULL;
  g_autofree char *midnight = NULL;

  if (election == NULL)
    return NULL;

  midnight = g_strconcat (tally_election_get_date (election), "T00:00:00Z", NULL);
  date = g_date_time_new_from_iso8601 (midnight, NULL);
  if (date == NULL)
    return g_strdup (tally_election_get_date (election));

  return g_date_time_format (date, "%-d %B %Y");
}

static char *
source_line (TallyElection *election,
             TallyElection *baseline)
{
  g_autofree char *date = format_date (election);
  g_autofree char *baseline_date = format_date (baseline);

  if (date == NULL)
    return g_strdup ("Chart: Tally");
  if (baseline_date == NULL)
    return g_strdup_printf ("Local elections of %s. Chart: Tally", date);
  return g_strdup_printf ("Local elections of %s, compared with %s. Chart: Tally", date, baseline_date);
}

/* The source line of a figure whose changes depend on the basis: which one,
 * and for a scope, over which councils the seat change runs. */
static char *
source_line_on (TallyElection     *election,
                TallyElection     *baseline,
                TallyBasis         basis,
                TallyScopeSummary *summary)
{
  g_autofree char *source = source_line (election, baseline);
  g_autofree char *seats = summary ? tally_scope_summary_describe_seat_change (summary)
                                   : g_strdup (tally_basis_describe_seats (basis));
  char *dot = g_strrstr (source, ". Chart: Tally");

  if (dot == NULL)
    return g_steal_pointer (&source);

  *dot = '\0';
  /* Translators: "Local elections of 3 May 2018, compared with 22 May 2014;
   * councils against control on the eve of the poll; seat change …. Chart: Tally" */
  return g_strdup_printf ("%s; %s; %s. Chart: Tally", source, tally_basis_describe_control (basis), seats);
}

static char *
change_label (TallyElection *baseline)
{
  if (baseline == NULL)
    return g_strdup ("Change");
  return g_strdup_printf ("Change on %d", tally_election_get_year (baseline));
}

/* What a seat chart's numbers are, said the same way on every chart: the
 * number is the seats held (a council's composition) or won (this year's
 * seats), and the change is always seats won against the same seats at
 * the baseline, never the change in holding. */
static char *
figures_label (gboolean       held,
               TallyElection *baseline)
{
  if (baseline == NULL)
    return g_strdup (held ? "Seats held" : "Seats won");
  return g_strdup_printf (held ? "Seats held; change: seats won vs the same seats in %d"
                               : "Seats won; change vs the same seats in %d",
                          tally_election_get_year (baseline));
}

static gboolean
is_whole_election (const char *scope_name)
{
  return scope_name == NULL || g_str_equal (scope_name, "All councils");
}

/* Titles as a results page prints them: "Local elections 2018: control
 * of councils"; for a filter, "London, 2018: control of councils". */
static char *
scope_title (const char    *scope_name,
             TallyElection *election,
             const char    *what)
{
  int year = election ? tally_election_get_year (election) : 0;

  if (is_whole_election (scope_name))
    return year ? g_strdup_printf ("Local elections %d: %s", year, what)
                : g_strdup_printf ("Local elections: %s", what);
  return year ? g_strdup_printf ("%s, %d: %s", scope_name, year, what)
              : g_strdup_printf ("%s: %s", scope_name, what);
}

/* "150 councils; change on 2014", "40 of 150 councils declared; change
 * on 2014": how many councils and against what, in a reader's words. */
static char *
scope_subtitle (TallyScopeSummary *summary,
                const char        *what)
{
  TallyElection *baseline = tally_scope_summary_get_baseline (summary);
  guint n_declared = 0, n_councils = 0, n_left_out = 0;
  g_autofree char *councils = NULL;

  tally_scope_summary_get_declared (summary, &n_declared, &n_councils);
  if (n_declared < n_councils)
    councils = g_strdup_printf ("%u of %u councils declared", n_declared, n_councils);
  else
    councils = g_strdup_printf (n_councils == 1 ? "%u council" : "%u councils", n_councils);

  /* Against the eve of the poll, or leaving councils out, the change is
   * not simply on the last election: the subtitle says so, briefly. */
  tally_scope_summary_get_seat_change_councils (summary, NULL, NULL, NULL, &n_left_out);
  if (what == NULL && tally_scope_summary_get_basis (summary) == TALLY_BASIS_EVE)
    return g_strdup_printf ("%s; change against the eve of the poll", councils);
  if (what == NULL && baseline != NULL && n_left_out > 0)
    return g_strdup_printf ("%s; change on %d (seat change leaves out %u %s on new wards)", councils,
                            tally_election_get_year (baseline), n_left_out,
                            n_left_out == 1 ? "council" : "councils");
  if (what == NULL && baseline == NULL)
    return g_steal_pointer (&councils);
  if (what == NULL)
    return g_strdup_printf ("%s; change on %d", councils, tally_election_get_year (baseline));
  if (baseline == NULL)
    return g_strdup_printf ("%s; %s", councils, what);
  return g_strdup_printf ("%s; %s on %d", councils, what, tally_election_get_year (baseline));
}

void
tally_chart_party_init_from (TallyChartParty *chart_party,
                             TallyParty      *party)
{
  g_return_if_fail (chart_party != NULL);
  g_return_if_fail (TALLY_IS_PARTY (party));

  tally_chart_party_init (chart_party,
                          tally_party_get_key (party),
                          tally_party_get_short_name (party),
                          tally_party_get_full_name (party),
                          tally_party_get_colour (party, FALSE),
                          tally_party_get_colour (party, TRUE));
  chart_party->aggregate = tally_party_is_aggregate (party);
}

static void
init_noc (TallyChartParty *chart_party)
{
  tally_chart_party_init (chart_party, "NOC", "NOC", "No overall control", TALLY_CHART_NOC_COLOUR, TALLY_CHART_NOC_COLOUR_SAFE);
}

/* Parties of @result's composition after the poll, and any of @parties
 * that lost every seat, left to right. */
static GPtrArray *
seat_parties (TallyCouncilResult *result,
              GListModel         *parties)
{
  GPtrArray *list = g_ptr_array_new ();
  const TallySeats *seats;
  guint n_seats;

  seats = tally_council_result_get_composition (result, TALLY_STAGE_AFTER, &n_seats);
  if (parties != NULL)
    {
      guint n_parties = g_list_model_get_n_items (parties);

      for (guint i = 0; i < n_parties; i++)
        {
          g_autoptr(TallyParty) party = g_list_model_get_item (parties, i);
          gboolean held = FALSE;
          int change = 0;

          for (guint j = 0; j < n_seats && !held; j++)
            held = seats[j].party == party && seats[j].seats > 0;
          if (held || tally_council_result_get_seats_won (result, party) > 0 ||
              (tally_council_result_get_seats_change (result, party, &change) && change != 0))
            g_ptr_array_add (list, party);
        }
    }
  else
    {
      for (guint j = 0; j < n_seats; j++)
        g_ptr_array_add (list, seats[j].party);
    }

  return list;
}

static int
compare_position (gconstpointer a,
                  gconstpointer b)
{
  TallyParty *party_a = *(TallyParty * const *) a;
  TallyParty *party_b = *(TallyParty * const *) b;

  return tally_party_get_position (party_a) - tally_party_get_position (party_b);
}

/* More councils controlled first (@user_data: party → count), then by position. */
static int
compare_councils_controlled (gconstpointer a,
                             gconstpointer b,
                             gpointer      user_data)
{
  TallyParty *party_a = *(TallyParty * const *) a;
  TallyParty *party_b = *(TallyParty * const *) b;
  guint n_a = GPOINTER_TO_UINT (g_hash_table_lookup (user_data, party_a));
  guint n_b = GPOINTER_TO_UINT (g_hash_table_lookup (user_data, party_b));

  if (n_a != n_b)
    return n_a > n_b ? -1 : 1;
  return compare_position (a, b);
}

static void
set_council_heading (TallyChartHeading  *heading,
                     TallyCouncilResult *result,
                     const char         *suffix)
{
  TallyElection *election = tally_council_result_get_election (result);
  TallyElection *baseline = tally_council_result_get_baseline (result);
  TallyCouncil *council = tally_council_result_get_council (result);
  g_autofree char *subtitle = NULL;
  g_autofree char *source = source_line_on (election, baseline ? baseline : tally_election_get_baseline (election),
                                            tally_council_result_get_basis (result), NULL);
  g_autofree char *title = g_strconcat (tally_council_get_name (council), suffix, NULL);

  /* An export replaces the source line, so the basis goes with the outcome. */
  if (tally_council_result_get_outcome (result) != TALLY_OUTCOME_UNKNOWN)
    {
      g_autofree char *outcome = tally_council_result_describe_outcome (result, FALSE);

      /* Translators: "Labour gain from Conservative (against control on the eve of the poll)" */
      subtitle = g_strdup_printf ("%s (%s)", outcome,
                                  tally_basis_describe_outcome (tally_council_result_get_basis (result)));
    }
  else
    subtitle = tally_council_result_describe_control (result, TALLY_STAGE_AFTER);

  tally_chart_heading_set (heading, title, subtitle, source);
}

/**
 * tally_chart_adapt_composition:
 * @parties: (nullable): every party, to show those that lost all their
 *   seats; %NULL for only the parties holding seats
 *
 * The council after the poll, for a hemicycle or waffle: seats held, the
 * seats just won drawn apart where only some seats were up, the change in
 * seats and the majority.
 *
 * Returns: (transfer full):
 */
TallySeatChartData *
tally_chart_adapt_composition (TallyCouncilResult *result,
                               GListModel         *parties)
{
  g_autoptr(GPtrArray) list = NULL;
  TallySeatChartData *data;
  TallyElection *election, *baseline;
  const TallySeats *seats;
  guint n_seats, seats_won = 0;
  gboolean has_change = TRUE;
  g_autofree char *date = NULL;

  g_return_val_if_fail (TALLY_IS_COUNCIL_RESULT (result), NULL);

  list = seat_parties (result, parties);
  g_ptr_array_sort (list, compare_position);
  seats = tally_council_result_get_composition (result, TALLY_STAGE_AFTER, &n_seats);
  data = tally_seat_chart_data_new (list->len);

  for (guint i = 0; i < list->len; i++)
    {
      TallyParty *party = g_ptr_array_index (list, i);
      TallySeatChartEntry *entry = &data->entries[i];

      tally_chart_party_init_from (&entry->party, party);
      for (guint j = 0; j < n_seats; j++)
        if (seats[j].party == party)
          entry->seats = seats[j].seats;
      entry->seats_up = MIN (tally_council_result_get_seats_won (result, party), entry->seats);
      seats_won += entry->seats_up;
      if (!tally_council_result_get_seats_change (result, party, &entry->change))
        has_change = FALSE;
    }

  data->total = tally_council_result_get_total_seats (result, TALLY_STAGE_AFTER);
  data->majority = data->total > 0 ? tally_rules_majority (data->total) : 0;
  data->has_change = has_change && list->len > 0;
  /* Seats up are worth drawing apart only where some were not up. */
  data->has_seats_up = seats_won > 0 && seats_won < data->total;

  election = tally_council_result_get_election (result);
  baseline = tally_council_result_get_baseline (result);
  if (baseline == NULL)
    baseline = tally_election_get_baseline (election);
  date = format_date (election);
  data->change_label = change_label (baseline);
  data->seats_up_label = g_strdup_printf ("Elected %s", date);
  data->not_up_label = g_strdup_printf ("Not up in %d", tally_election_get_year (election));
  data->figures_label = figures_label (TRUE, data->has_change ? baseline : NULL);
  set_council_heading (&data->heading, result, NULL);

  return data;
}

/**
 * tally_chart_adapt_seats_won:
 *
 * The seats fought at this election, for the seat bars: seats won by each
 * party and the change on the same seats last time.
 *
 * Returns: (transfer full):
 */
TallySeatChartData *
tally_chart_adapt_seats_won (TallyCouncilResult *result,
                             GListModel         *parties)
{
  g_autoptr(GPtrArray) list = NULL;
  TallySeatChartData *data;
  TallyElection *baseline;
  gboolean has_change = TRUE;
  g_autofree char *date = NULL;
  g_autofree char *suffix = NULL;

  g_return_val_if_fail (TALLY_IS_COUNCIL_RESULT (result), NULL);

  list = seat_parties (result, parties);
  g_ptr_array_sort (list, compare_position);
  data = tally_seat_chart_data_new (list->len);

  for (guint i = 0; i < list->len; i++)
    {
      TallyParty *party = g_ptr_array_index (list, i);
      TallySeatChartEntry *entry = &data->entries[i];

      tally_chart_party_init_from (&entry->party, party);
      entry->seats = tally_council_result_get_seats_won (result, party);
      entry->seats_up = entry->seats;
      if (!tally_council_result_get_seats_change (result, party, &entry->change))
        has_change = FALSE;
    }

  data->total = tally_council_result_get_seats_up (result);
  data->has_change = has_change && list->len > 0;
  baseline = tally_council_result_get_baseline (result);
  if (baseline == NULL)
    baseline = tally_election_get_baseline (tally_council_result_get_election (result));
  data->change_label = change_label (baseline);
  data->figures_label = figures_label (FALSE, data->has_change ? baseline : NULL);
  date = format_date (tally_council_result_get_election (result));
  suffix = g_strdup_printf (": seats won on %s", date);
  set_council_heading (&data->heading, result, suffix);

  return data;
}

/**
 * tally_chart_adapt_scope_seats:
 * @parties: the parties to show, left to right
 * @scope_name: (nullable): what the filter covers: "All councils"
 *
 * Seats won over a filter's councils, with the change.
 *
 * Returns: (transfer full):
 */
TallySeatChartData *
tally_chart_adapt_scope_seats (TallyScopeSummary *summary,
                               GListModel        *parties,
                               const char        *scope_name)
{
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func (g_object_unref);
  TallySeatChartData *data;
  TallyElection *baseline;
  gboolean has_change = TRUE;
  guint n_parties;
  g_autofree char *title = NULL;
  g_autofree char *source = NULL;
  g_autofree char *subtitle = NULL;

  g_return_val_if_fail (TALLY_IS_SCOPE_SUMMARY (summary), NULL);
  g_return_val_if_fail (G_IS_LIST_MODEL (parties), NULL);

  n_parties = g_list_model_get_n_items (parties);
  for (guint i = 0; i < n_parties; i++)
    {
      TallyParty *party = g_list_model_get_item (parties, i);
      int change = 0;

      if (tally_scope_summary_get_seats_won (summary, party) > 0 ||
          (tally_scope_summary_get_seats_change (summary, party, &change) && change != 0))
        g_ptr_array_add (list, party);
      else
        g_object_unref (party);
    }
  g_ptr_array_sort (list, compare_position);

  data = tally_seat_chart_data_new (list->len);
  for (guint i = 0; i < list->len; i++)
    {
      TallyParty *party = g_ptr_array_index (list, i);
      TallySeatChartEntry *entry = &data->entries[i];

      tally_chart_party_init_from (&entry->party, party);
      entry->seats = tally_scope_summary_get_seats_won (summary, party);
      entry->seats_up = entry->seats;
      data->total += entry->seats;
      if (!tally_scope_summary_get_seats_change (summary, party, &entry->change))
        has_change = FALSE;
    }

  data->has_change = has_change && list->len > 0;
  baseline = tally_scope_summary_get_baseline (summary);
  data->change_label = change_label (baseline);
  title = scope_title (scope_name, tally_scope_summary_get_election (summary), "seats won");
  subtitle = scope_subtitle (summary, NULL);
  source = source_line_on (tally_scope_summary_get_election (summary), baseline,
                           tally_scope_summary_get_basis (summary), summary);
  tally_chart_heading_set (&data->heading, title, subtitle, source);

  return data;
}

static int
compare_share (gconstpointer a,
               gconstpointer b)
{
  const TallyShareChartEntry *entry_a = a;
  const TallyShareChartEntry *entry_b = b;

  if (entry_a->share != entry_b->share)
    return entry_a->share > entry_b->share ? -1 : 1;
  return 0;
}

typedef double (*ShareFunc) (gpointer source, TallyParty *party, TallyVoteMethod method);

static double
council_share (gpointer source, TallyParty *party, TallyVoteMethod method)
{
  return tally_council_result_get_vote_share (source, party, method);
}

static double
council_share_change (gpointer source, TallyParty *party, TallyVoteMethod method)
{
  return tally_council_result_get_vote_share_change (source, party, method);
}

static double
scope_share (gpointer source, TallyParty *party, TallyVoteMethod method)
{
  return tally_scope_summary_get_vote_share (source, party, method);
}

static double
scope_share_change (gpointer source, TallyParty *party, TallyVoteMethod method)
{
  return tally_scope_summary_get_vote_share_change (source, party, method);
}

static TallyShareChartData *
adapt_shares (gpointer         source,
              ShareFunc        share_func,
              ShareFunc        change_func,
              GListModel      *parties,
              TallyVoteMethod  method,
              TallyShareMode   mode,
              TallyElection   *election,
              TallyElection   *baseline,
              const char      *title)
{
  g_autoptr(GArray) entries = g_array_new (FALSE, TRUE, sizeof (TallyShareChartEntry));
  TallyShareChartData *data;
  guint n_parties = g_list_model_get_n_items (parties);
  g_autofree char *source_text = source_line (election, baseline);

  for (guint i = 0; i < n_parties; i++)
    {
      g_autoptr(TallyParty) party = g_list_model_get_item (parties, i);
      TallyShareChartEntry entry = { 0 };
      double share = share_func (source, party, method);
      double change = change_func (source, party, method);

      if (isnan (share) || share < 0.05)
        continue;

      tally_chart_party_init_from (&entry.party, party);
      entry.share = share;
      entry.has_then = !isnan (change);
      entry.share_then = entry.has_then ? share - change : 0;
      g_array_append_val (entries, entry);
    }

  g_array_sort (entries, compare_share);

  data = tally_share_chart_data_new (entries->len);
  memcpy (data->entries, entries->data, entries->len * sizeof (TallyShareChartEntry));
  data->mode = mode;
  data->now_label = election ? g_strdup_printf ("%d", tally_election_get_year (election)) : NULL;
  data->then_label = baseline ? g_strdup_printf ("%d", tally_election_get_year (baseline)) : NULL;
  data->method_label = g_strdup (method == TALLY_VOTE_METHOD_TOP
                                 ? "Share of the vote, counting each party's best candidate in each ward"
                                 : "Share of all votes cast, every candidate's votes counted");
  tally_chart_heading_set (&data->heading, title,
                           mode == TALLY_SHARE_MODE_CHANGE ? "Change in vote share, in points" : "Vote share",
                           source_text);
  return data;
}

/**
 * tally_chart_adapt_council_shares:
 *
 * Returns: (transfer full): vote shares in one council, largest first
 */
TallyShareChartData *
tally_chart_adapt_council_shares (TallyCouncilResult *result,
                                  GListModel         *parties,
                                  TallyVoteMethod     method,
                                  TallyShareMode      mode)
{
  TallyElection *election, *baseline;

  g_return_val_if_fail (TALLY_IS_COUNCIL_RESULT (result), NULL);
  g_return_val_if_fail (G_IS_LIST_MODEL (parties), NULL);

  election = tally_council_result_get_election (result);
  baseline = tally_council_result_get_baseline (result);
  if (baseline == NULL)
    baseline = tally_election_get_baseline (election);

  return adapt_shares (result, council_share, council_share_change, parties, method, mode, election, baseline,
                       tally_council_get_name (tally_council_result_get_council (result)));
}

/**
 * tally_chart_adapt_scope_shares:
 *
 * Returns: (transfer full): vote shares over a filter, largest first
 */
TallyShareChartData *
tally_chart_adapt_scope_shares (TallyScopeSummary *summary,
                                GListModel        *parties,
                                TallyVoteMethod    method,
                                TallyShareMode     mode,
                                const char        *scope_name)
{
  g_autofree char *title = NULL;

  g_return_val_if_fail (TALLY_IS_SCOPE_SUMMARY (summary), NULL);
  g_return_val_if_fail (G_IS_LIST_MODEL (parties), NULL);

  title = scope_title (scope_name, tally_scope_summary_get_election (summary), "vote share");
  return adapt_shares (summary, scope_share, scope_share_change, parties, method, mode,
                       tally_scope_summary_get_election (summary), tally_scope_summary_get_baseline (summary),
                       title);
}

static TallySwingometerData *
swing_data (TallyParty      *from,
            TallyParty      *to,
            double           swing,
            const char      *title,
            TallyElection   *election,
            TallyElection   *baseline)
{
  TallySwingometerData *data = tally_swingometer_data_new ();
  g_autofree char *subtitle = NULL;
  g_autofree char *source = source_line (election, baseline);

  tally_chart_party_init_from (&data->from, from);
  tally_chart_party_init_from (&data->to, to);
  data->swing = swing;
  subtitle = g_strdup_printf ("Butler swing between %s and %s since %d", tally_party_get_full_name (from),
                              tally_party_get_full_name (to), baseline ? tally_election_get_year (baseline) : 0);
  tally_chart_heading_set (&data->heading, title, baseline ? subtitle : NULL, source);
  return data;
}

/**
 * tally_chart_adapt_council_swing:
 * @reference: (nullable): a wider scope whose swing is marked on the dial
 *
 * Returns: (transfer full): the swing from @from to @to in one council
 */
TallySwingometerData *
tally_chart_adapt_council_swing (TallyCouncilResult *result,
                                 TallyScopeSummary  *reference,
                                 TallyParty         *from,
                                 TallyParty         *to,
                                 TallyVoteMethod     method)
{
  TallySwingometerData *data;
  TallyElection *election, *baseline;

  g_return_val_if_fail (TALLY_IS_COUNCIL_RESULT (result), NULL);
  g_return_val_if_fail (TALLY_IS_PARTY (from) && TALLY_IS_PARTY (to), NULL);

  election = tally_council_result_get_election (result);
  baseline = tally_council_result_get_baseline (result);
  if (baseline == NULL)
    baseline = tally_election_get_baseline (election);

  data = swing_data (from, to, tally_council_result_get_swing (result, from, to, method),
                     tally_council_get_name (tally_council_result_get_council (result)), election, baseline);
  if (reference != NULL)
    {
      data->reference = tally_scope_summary_get_swing (reference, from, to, method);
      data->has_reference = !isnan (data->reference);
      data->reference_label = g_strdup ("All in view");
    }

  return data;
}

/**
 * tally_chart_adapt_scope_swing:
 *
 * Returns: (transfer full): the swing from @from to @to over a filter
 */
TallySwingometerData *
tally_chart_adapt_scope_swing (TallyScopeSummary *summary,
                               TallyParty        *from,
                               TallyParty        *to,
                               TallyVoteMethod    method,
                               const char        *scope_name)
{
  g_autofree char *title = NULL;

  g_return_val_if_fail (TALLY_IS_SCOPE_SUMMARY (summary), NULL);
  g_return_val_if_fail (TALLY_IS_PARTY (from) && TALLY_IS_PARTY (to), NULL);

  title = scope_title (scope_name, tally_scope_summary_get_election (summary), "swing");
  return swing_data (from, to, tally_scope_summary_get_swing (summary, from, to, method),
                     title,
                     tally_scope_summary_get_election (summary), tally_scope_summary_get_baseline (summary));
}

/**
 * tally_chart_adapt_swing_scatter:
 * @results: #TallyCouncilResult from the engine
 * @with_share_change: plot @to's change in share upwards; otherwise a dot
 *   plot of swing alone
 * @selected_code: (nullable): the selected council
 *
 * Returns: (transfer full): one point per council, coloured by control
 */
TallySwingScatterData *
tally_chart_adapt_swing_scatter (GListModel      *results,
                                 TallyParty      *from,
                                 TallyParty      *to,
                                 TallyVoteMethod  method,
                                 gboolean         with_share_change,
                                 const char      *selected_code)
{
  g_autoptr(GPtrArray) controls = g_ptr_array_new ();
  g_autoptr(GHashTable) n_controlled = g_hash_table_new (NULL, NULL);
  TallySwingScatterData *data;
  TallyElection *election = NULL, *baseline = NULL;
  gboolean any_noc = FALSE;
  guint n_results;
  g_autofree char *source = NULL;
  g_autofree char *title = NULL;

  g_return_val_if_fail (G_IS_LIST_MODEL (results), NULL);
  g_return_val_if_fail (TALLY_IS_PARTY (from) && TALLY_IS_PARTY (to), NULL);

  n_results = g_list_model_get_n_items (results);
  for (guint i = 0; i < n_results; i++)
    {
      g_autoptr(TallyCouncilResult) result = g_list_model_get_item (results, i);
      TallyParty *control = tally_council_result_get_control (result, TALLY_STAGE_AFTER);

      if (control == NULL)
        any_noc = TRUE;
      else
        {
          if (!g_ptr_array_find (controls, control, NULL))
            g_ptr_array_add (controls, control);
          g_hash_table_insert (n_controlled, control,
                               GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (n_controlled, control)) + 1));
        }
    }
  /* The legend in results order: most councils first, No overall control last. */
  g_ptr_array_sort_with_data (controls, compare_councils_controlled, n_controlled);

  data = tally_swing_scatter_data_new (n_results, controls->len + (any_noc ? 1 : 0));
  for (guint i = 0; i < controls->len; i++)
    tally_chart_party_init_from (&data->legend[i], g_ptr_array_index (controls, i));
  if (any_noc)
    init_noc (&data->legend[controls->len]);

  for (guint i = 0; i < n_results; i++)
    {
      g_autoptr(TallyCouncilResult) result = g_list_model_get_item (results, i);
      TallyCouncil *council = tally_council_result_get_council (result);
      TallyParty *control = tally_council_result_get_control (result, TALLY_STAGE_AFTER);
      TallySwingScatterPoint *point = &data->points[i];

      point->key = g_strdup (tally_council_get_code (council));
      point->name = g_strdup (tally_council_get_name (council));
      /* A council not yet declared (results night) has no swing to plot yet. */
      point->x = tally_council_result_get_declared (result) ? tally_council_result_get_swing (result, from, to, method)
                                                            : NAN;
      point->y = with_share_change && !isnan (point->x)
                 ? tally_council_result_get_vote_share_change (result, to, method) : NAN;
      point->group = g_strdup (control ? tally_party_get_short_name (control) : "NOC");
      tally_chart_rgb_parse (control ? tally_party_get_colour (control, FALSE) : TALLY_CHART_NOC_COLOUR, &point->colour);
      tally_chart_rgb_parse (control ? tally_party_get_colour (control, TRUE) : TALLY_CHART_NOC_COLOUR_SAFE, &point->colour_safe);

      if (election == NULL)
        {
          election = tally_council_result_get_election (result);
          baseline = tally_council_result_get_baseline (result);
          if (baseline == NULL)
            baseline = tally_election_get_baseline (election);
        }
    }

  data->has_y = with_share_change;
  data->x_label = g_strdup_printf ("Butler swing, %s to %s (points)", tally_party_get_short_name (from),
                                   tally_party_get_short_name (to));
  if (with_share_change)
    data->y_label = g_strdup_printf ("Change in %s share (points)", tally_party_get_short_name (to));
  data->x_low_label = g_strdup_printf ("Towards %s", tally_party_get_short_name (from));
  data->x_high_label = g_strdup_printf ("Towards %s", tally_party_get_short_name (to));
  data->selected_key = g_strdup (selected_code);

  title = g_strdup_printf ("Swing by council, %s to %s", tally_party_get_short_name (from),
                           tally_party_get_short_name (to));
  source = source_line (election, baseline);
  tally_chart_heading_set (&data->heading, title, "Each dot is a council, coloured by who controls it now", source);

  return data;
}

static int
compare_state (gconstpointer a,
               gconstpointer b)
{
  const TallyStateChartEntry *entry_a = a;
  const TallyStateChartEntry *entry_b = b;

  if (entry_a->has_seats != entry_b->has_seats)
    return entry_a->has_seats ? -1 : 1;
  if (entry_a->councils != entry_b->councils)
    return entry_a->councils > entry_b->councils ? -1 : 1;
  if (entry_a->seats != entry_b->seats)
    return entry_a->seats > entry_b->seats ? -1 : 1;
  return 0;
}

/**
 * tally_chart_adapt_state:
 *
 * Councils controlled and seats won per party over a filter, with their
 * change, largest first and no overall control last.
 *
 * Returns: (transfer full):
 */
TallyStateChartData *
tally_chart_adapt_state (TallyScopeSummary *summary,
                         GListModel        *parties,
                         const char        *scope_name)
{
  g_autoptr(GArray) entries = g_array_new (FALSE, TRUE, sizeof (TallyStateChartEntry));
  TallyStateChartData *data;
  TallyStateChartEntry noc = { 0 };
  guint n_parties, n_declared = 0, n_councils = 0;
  int controlled_after = 0, controlled_before = 0;
  gboolean has_change = TRUE;
  g_autofree char *source = NULL;
  g_autofree char *title = NULL;
  g_autofree char *subtitle = NULL;

  g_return_val_if_fail (TALLY_IS_SCOPE_SUMMARY (summary), NULL);
  g_return_val_if_fail (G_IS_LIST_MODEL (parties), NULL);

  n_parties = g_list_model_get_n_items (parties);
  for (guint i = 0; i < n_parties; i++)
    {
      g_autoptr(TallyParty) party = g_list_model_get_item (parties, i);
      TallyStateChartEntry entry = { 0 };

      entry.councils = (int) tally_scope_summary_get_councils_controlled (summary, party, TALLY_STAGE_AFTER);
      entry.councils_change = tally_scope_summary_get_councils_change (summary, party);
      entry.seats = (int) tally_scope_summary_get_seats_won (summary, party);
      entry.has_seats = TRUE;
      entry.has_councils = entry.councils != 0 || entry.councils_change != 0;
      if (!tally_scope_summary_get_seats_change (summary, party, &entry.seats_change))
        has_change = FALSE;

      controlled_after += entry.councils;
      controlled_before += (int) tally_scope_summary_get_councils_controlled (summary, party, TALLY_STAGE_BEFORE);

      if (entry.councils == 0 && entry.seats == 0 && entry.councils_change == 0 && entry.seats_change == 0)
        continue;

      tally_chart_party_init_from (&entry.party, party);
      g_array_append_val (entries, entry);
    }

  tally_scope_summary_get_declared (summary, &n_declared, &n_councils);
  init_noc (&noc.party);
  noc.councils = (int) n_declared - controlled_after;
  noc.councils_change = controlled_before - controlled_after;
  noc.has_seats = FALSE;
  noc.has_councils = TRUE;
  g_array_append_val (entries, noc);

  g_array_sort (entries, compare_state);

  data = tally_state_chart_data_new (entries->len);
  memcpy (data->entries, entries->data, entries->len * sizeof (TallyStateChartEntry));
  data->n_declared = n_declared;
  data->n_councils = n_councils;
  data->has_change = has_change;

  title = scope_title (scope_name, tally_scope_summary_get_election (summary), "control of councils");
  subtitle = scope_subtitle (summary, NULL);
  source = source_line_on (tally_scope_summary_get_election (summary), tally_scope_summary_get_baseline (summary),
                           tally_scope_summary_get_basis (summary), summary);
  tally_chart_heading_set (&data->heading, title, subtitle, source);

  return data;
}
