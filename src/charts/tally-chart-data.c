/* tally-chart-data.c: constructors and destructors of the chart data.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "tally-chart-data.h"

void
tally_chart_party_init (TallyChartParty *party,
                        const char      *key,
                        const char      *short_name,
                        const char      *name,
                        const char      *colour,
                        const char      *colour_safe)
{
  g_return_if_fail (party != NULL);

  tally_chart_party_clear (party);
  party->key = g_strdup (key);
  party->short_name = g_strdup (short_name ? short_name : key);
  party->name = g_strdup (name ? name : party->short_name);
  tally_chart_rgb_parse (colour, &party->colour);
  if (!tally_chart_rgb_parse (colour_safe, &party->colour_safe))
    party->colour_safe = party->colour;
}

void
tally_chart_party_copy (TallyChartParty       *dest,
                        const TallyChartParty *src)
{
  g_return_if_fail (dest != NULL);
  g_return_if_fail (src != NULL);

  tally_chart_party_clear (dest);
  dest->key = g_strdup (src->key);
  dest->short_name = g_strdup (src->short_name);
  dest->name = g_strdup (src->name);
  dest->colour = src->colour;
  dest->colour_safe = src->colour_safe;
  dest->aggregate = src->aggregate;
}

void
tally_chart_party_clear (TallyChartParty *party)
{
  g_return_if_fail (party != NULL);

  g_clear_pointer (&party->key, g_free);
  g_clear_pointer (&party->short_name, g_free);
  g_clear_pointer (&party->name, g_free);
  party->aggregate = FALSE;
}

/* The colour @style draws @party in. */
TallyChartRgb
tally_chart_party_rgb (const TallyChartParty *party,
                       const TallyChartStyle *style)
{
  return style != NULL && style->colour_blind_safe ? party->colour_safe : party->colour;
}

void
tally_chart_heading_set (TallyChartHeading *heading,
                         const char        *title,
                         const char        *subtitle,
                         const char        *source)
{
  g_return_if_fail (heading != NULL);

  tally_chart_heading_clear (heading);
  heading->title = g_strdup (title);
  heading->subtitle = g_strdup (subtitle);
  heading->source = g_strdup (source);
}

void
tally_chart_heading_clear (TallyChartHeading *heading)
{
  g_return_if_fail (heading != NULL);

  g_clear_pointer (&heading->title, g_free);
  g_clear_pointer (&heading->subtitle, g_free);
  g_clear_pointer (&heading->source, g_free);
}

/* Seats */

TallySeatChartData *
tally_seat_chart_data_new (guint n_entries)
{
  TallySeatChartData *data = g_new0 (TallySeatChartData, 1);

  data->n_entries = n_entries;
  data->entries = g_new0 (TallySeatChartEntry, MAX (n_entries, 1));
  return data;
}

TallySeatChartData *
tally_seat_chart_data_copy (const TallySeatChartData *data)
{
  TallySeatChartData *copy;

  g_return_val_if_fail (data != NULL, NULL);

  copy = tally_seat_chart_data_new (data->n_entries);
  tally_chart_heading_set (&copy->heading, data->heading.title, data->heading.subtitle,
                           data->heading.source);
  for (guint i = 0; i < data->n_entries; i++)
    {
      copy->entries[i] = data->entries[i];
      copy->entries[i].party = (TallyChartParty) { 0 };
      tally_chart_party_copy (&copy->entries[i].party, &data->entries[i].party);
    }
  copy->total = data->total;
  copy->majority = data->majority;
  copy->has_change = data->has_change;
  copy->has_seats_up = data->has_seats_up;
  copy->change_label = g_strdup (data->change_label);
  copy->seats_up_label = g_strdup (data->seats_up_label);
  copy->not_up_label = g_strdup (data->not_up_label);
  copy->figures_label = g_strdup (data->figures_label);

  return copy;
}

void
tally_seat_chart_data_free (TallySeatChartData *data)
{
  if (data == NULL)
    return;

  tally_chart_heading_clear (&data->heading);
  for (guint i = 0; i < data->n_entries; i++)
    tally_chart_party_clear (&data->entries[i].party);
  g_free (data->entries);
  g_free (data->change_label);
  g_free (data->seats_up_label);
  g_free (data->not_up_label);
  g_free (data->figures_label);
  g_free (data);
}

/* Shares */

TallyShareChartData *
tally_share_chart_data_new (guint n_entries)
{
  TallyShareChartData *data = g_new0 (TallyShareChartData, 1);

  data->n_entries = n_entries;
  data->entries = g_new0 (TallyShareChartEntry, MAX (n_entries, 1));
  return data;
}

void
tally_share_chart_data_free (TallyShareChartData *data)
{
  if (data == NULL)
    return;

  tally_chart_heading_clear (&data->heading);
  for (guint i = 0; i < data->n_entries; i++)
    tally_chart_party_clear (&data->entries[i].party);
  g_free (data->entries);
  g_free (data->now_label);
  g_free (data->then_label);
  g_free (data->method_label);
  g_free (data);
}

/* Swingometer */

TallySwingometerData *
tally_swingometer_data_new (void)
{
  return g_new0 (TallySwingometerData, 1);
}

void
tally_swingometer_data_free (TallySwingometerData *data)
{
  if (data == NULL)
    return;

  tally_chart_heading_clear (&data->heading);
  tally_chart_party_clear (&data->from);
  tally_chart_party_clear (&data->to);
  g_free (data->scope_label);
  g_free (data->reference_label);
  g_free (data);
}

/* Scatter */

TallySwingScatterData *
tally_swing_scatter_data_new (guint n_points,
                              guint n_legend)
{
  TallySwingScatterData *data = g_new0 (TallySwingScatterData, 1);

  data->n_points = n_points;
  data->points = g_new0 (TallySwingScatterPoint, MAX (n_points, 1));
  data->n_legend = n_legend;
  data->legend = g_new0 (TallyChartParty, MAX (n_legend, 1));
  return data;
}

void
tally_swing_scatter_data_free (TallySwingScatterData *data)
{
  if (data == NULL)
    return;

  tally_chart_heading_clear (&data->heading);
  for (guint i = 0; i < data->n_points; i++)
    {
      g_free (data->points[i].key);
      g_free (data->points[i].name);
      g_free (data->points[i].group);
    }
  g_free (data->points);
  for (guint i = 0; i < data->n_legend; i++)
    tally_chart_party_clear (&data->legend[i]);
  g_free (data->legend);
  g_free (data->x_label);
  g_free (data->y_label);
  g_free (data->x_low_label);
  g_free (data->x_high_label);
  g_free (data->selected_key);
  g_free (data);
}

/* State of the parties */

TallyStateChartData *
tally_state_chart_data_new (guint n_entries)
{
  TallyStateChartData *data = g_new0 (TallyStateChartData, 1);

  data->n_entries = n_entries;
  data->entries = g_new0 (TallyStateChartEntry, MAX (n_entries, 1));
  return data;
}

void
tally_state_chart_data_free (TallyStateChartData *data)
{
  if (data == NULL)
    return;

  tally_chart_heading_clear (&data->heading);
  for (guint i = 0; i < data->n_entries; i++)
    tally_chart_party_clear (&data->entries[i].party);
  g_free (data->entries);
  g_free (data);
}
