/* tally-chart-group.c: minor parties as one "Others" entry in chart data.
 *
 * An import of the Democracy Club file brings some forty local parties
 * with seats; a chart that gave each its own bar, row or slice of seats
 * would print their labels over each other.  The adapters
 * (tally-chart-adapt.c) give every party; these functions then fold the
 * parties a TallyPartyRanking groups into one entry, named and coloured as
 * its Others party, so that every chart shows the same named parties as
 * the cards, the list, the map key and the CSV.  The grouping is of the
 * data a chart is given, not of its drawing: a view that shows every party
 * (Others expanded) just does not call them.
 *
 * Seats and councils add up exactly.  Shares are worked out again from the
 * result or summary, because the adapters leave out parties under 0.05%,
 * which together can be a point or more.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include "tally-chart-adapt.h"
#include "tally-chart-group.h"
#include "tally-party.h"

/* The keys of the parties counted in Others; NULL when nothing groups. */
static GHashTable *
grouped_keys (TallyPartyRanking *ranking)
{
  TallyParty *others;
  g_autoptr(GPtrArray) members = NULL;
  GHashTable *keys;

  if (ranking == NULL || (others = tally_party_ranking_get_others (ranking)) == NULL)
    return NULL;

  keys = g_hash_table_new (g_str_hash, g_str_equal);
  members = tally_party_ranking_get_members (ranking, others);
  for (guint i = 0; i < members->len; i++)
    g_hash_table_add (keys, (gpointer) tally_party_get_key (g_ptr_array_index (members, i)));

  return keys;
}

/**
 * tally_chart_group_seats:
 * @ranking: (nullable): the parties to name; %NULL leaves @data alone
 *
 * Folds the grouped parties of a hemicycle, waffle or seat bars into one
 * Others entry where the first of them stood.
 */
void
tally_chart_group_seats (TallySeatChartData *data,
                         TallyPartyRanking  *ranking)
{
  g_autoptr(GHashTable) keys = grouped_keys (ranking);
  TallySeatChartEntry others = { 0 };
  gboolean found = FALSE;
  guint at = 0, n = 0;

  g_return_if_fail (data != NULL);

  if (keys == NULL)
    return;

  for (guint i = 0; i < data->n_entries; i++)
    {
      TallySeatChartEntry *entry = &data->entries[i];

      if (!g_hash_table_contains (keys, entry->party.key))
        {
          if (n != i)
            data->entries[n] = *entry;
          n++;
          continue;
        }

      if (!found)
        {
          tally_chart_party_init_from (&others.party, tally_party_ranking_get_others (ranking));
          at = n;
          found = TRUE;
        }
      others.seats += entry->seats;
      others.seats_up += entry->seats_up;
      others.change += entry->change;
      tally_chart_party_clear (&entry->party);
    }

  if (found)
    {
      memmove (&data->entries[at + 1], &data->entries[at], (n - at) * sizeof (TallySeatChartEntry));
      data->entries[at] = others;
      n++;
    }
  data->n_entries = n;
}

/**
 * tally_chart_group_state:
 * @ranking: (nullable): the parties to name; %NULL leaves @data alone
 *
 * Folds the grouped parties of the state of the parties into one Others
 * row, after the named parties and before no overall control.
 */
void
tally_chart_group_state (TallyStateChartData *data,
                         TallyPartyRanking   *ranking)
{
  g_autoptr(GHashTable) keys = grouped_keys (ranking);
  TallyStateChartEntry others = { 0 };
  gboolean found = FALSE;
  guint at, n = 0;

  g_return_if_fail (data != NULL);

  if (keys == NULL)
    return;

  for (guint i = 0; i < data->n_entries; i++)
    {
      TallyStateChartEntry *entry = &data->entries[i];

      if (!entry->has_seats || !g_hash_table_contains (keys, entry->party.key))
        {
          if (n != i)
            data->entries[n] = *entry;
          n++;
          continue;
        }

      if (!found)
        {
          tally_chart_party_init_from (&others.party, tally_party_ranking_get_others (ranking));
          others.has_seats = TRUE;
          found = TRUE;
        }
      others.has_councils |= entry->has_councils;
      others.councils += entry->councils;
      others.councils_change += entry->councils_change;
      others.seats += entry->seats;
      others.seats_change += entry->seats_change;
      tally_chart_party_clear (&entry->party);
    }

  if (!found)
    return;

  /* Before the rows without seats: no overall control. */
  for (at = 0; at < n && data->entries[at].has_seats; at++)
    ;
  memmove (&data->entries[at + 1], &data->entries[at], (n - at) * sizeof (TallyStateChartEntry));
  data->entries[at] = others;
  data->n_entries = n + 1;
}

typedef void (*ShareOf) (gpointer         source,
                         TallyParty      *party,
                         TallyVoteMethod  method,
                         double          *share,
                         double          *change);

static void
group_shares (TallyShareChartData *data,
              TallyPartyRanking   *ranking,
              gpointer             source,
              ShareOf              share_of,
              TallyVoteMethod      method)
{
  g_autoptr(GHashTable) keys = grouped_keys (ranking);
  TallyParty *party;
  g_autoptr(GPtrArray) members = NULL;
  TallyShareChartEntry others = { 0 };
  double share = NAN, change = NAN;
  guint n = 0;

  g_return_if_fail (data != NULL);

  if (keys == NULL)
    return;

  for (guint i = 0; i < data->n_entries; i++)
    {
      TallyShareChartEntry *entry = &data->entries[i];

      if (!g_hash_table_contains (keys, entry->party.key))
        {
          if (n != i)
            data->entries[n] = *entry;
          n++;
        }
      else
        tally_chart_party_clear (&entry->party);
    }
  data->n_entries = n;

  party = tally_party_ranking_get_others (ranking);
  members = tally_party_ranking_get_members (ranking, party);
  for (guint i = 0; i < members->len; i++)
    {
      double member_share, member_change;

      share_of (source, g_ptr_array_index (members, i), method, &member_share, &member_change);
      if (!isnan (member_share))
        share = (isnan (share) ? 0 : share) + member_share;
      if (!isnan (member_change))
        change = (isnan (change) ? 0 : change) + member_change;
    }

  if (isnan (share) || share < 0.05)
    return;

  /* Last, as results tables put them, whatever their size. */
  tally_chart_party_init_from (&others.party, party);
  others.share = share;
  others.has_then = !isnan (change);
  others.share_then = others.has_then ? share - change : 0;
  data->entries = g_renew (TallyShareChartEntry, data->entries, n + 1);
  data->entries[n] = others;
  data->n_entries = n + 1;
}

static void
council_share_of (gpointer         source,
                  TallyParty      *party,
                  TallyVoteMethod  method,
                  double          *share,
                  double          *change)
{
  *share = tally_council_result_get_vote_share (source, party, method);
  *change = tally_council_result_get_vote_share_change (source, party, method);
}

static void
scope_share_of (gpointer         source,
                TallyParty      *party,
                TallyVoteMethod  method,
                double          *share,
                double          *change)
{
  *share = tally_scope_summary_get_vote_share (source, party, method);
  *change = tally_scope_summary_get_vote_share_change (source, party, method);
}

/**
 * tally_chart_group_council_shares:
 * @ranking: (nullable): the parties to name; %NULL leaves @data alone
 *
 * One council's vote shares with the grouped parties as one Others bar, last.
 */
void
tally_chart_group_council_shares (TallyShareChartData *data,
                                  TallyPartyRanking   *ranking,
                                  TallyCouncilResult  *result,
                                  TallyVoteMethod      method)
{
  group_shares (data, ranking, result, council_share_of, method);
}

/**
 * tally_chart_group_scope_shares:
 * @ranking: (nullable): the parties to name; %NULL leaves @data alone
 *
 * A filter's vote shares with the grouped parties as one Others bar, last.
 */
void
tally_chart_group_scope_shares (TallyShareChartData *data,
                                TallyPartyRanking   *ranking,
                                TallyScopeSummary   *summary,
                                TallyVoteMethod      method)
{
  group_shares (data, ranking, summary, scope_share_of, method);
}
