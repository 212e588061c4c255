/* tally-chart.c: every chart behind one set of calls, by kind.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>

#include "tally-chart.h"
#include "tally-chart-private.h"
#include "tally-hemicycle.h"
#include "tally-seat-bars.h"
#include "tally-share-bars.h"
#include "tally-state-chart.h"
#include "tally-swing-scatter.h"
#include "tally-swingometer.h"
#include "tally-waffle.h"

struct _TallyChartLayout
{
  TallyChartKind kind;
  gpointer       layout;
};

static const struct
{
  const char *name;
  const char *label;
} kinds[] = {
  [TALLY_CHART_HEMICYCLE] = { "hemicycle", "Seats (hemicycle)" },
  [TALLY_CHART_SEAT_BARS] = { "seat-bars", "Seats (bars)" },
  [TALLY_CHART_WAFFLE] = { "waffle", "Seats (waffle)" },
  [TALLY_CHART_SHARE_BARS] = { "share-bars", "Vote share" },
  [TALLY_CHART_SWINGOMETER] = { "swingometer", "Swingometer" },
  [TALLY_CHART_SWING_SCATTER] = { "swing-scatter", "Swing by council" },
  [TALLY_CHART_STATE] = { "state", "State of the parties" },
};

const char *
tally_chart_kind_to_string (TallyChartKind kind)
{
  g_return_val_if_fail (kind < TALLY_N_CHART_KINDS, NULL);
  return kinds[kind].name;
}

gboolean
tally_chart_kind_from_string (const char     *string,
                              TallyChartKind *kind)
{
  g_return_val_if_fail (kind != NULL, FALSE);

  for (guint i = 0; string && i < G_N_ELEMENTS (kinds); i++)
    if (g_str_equal (string, kinds[i].name))
      {
        *kind = (TallyChartKind) i;
        return TRUE;
      }

  return FALSE;
}

const char *
tally_chart_kind_get_label (TallyChartKind kind)
{
  g_return_val_if_fail (kind < TALLY_N_CHART_KINDS, NULL);
  return kinds[kind].label;
}

void
tally_chart_data_free (TallyChartKind kind,
                       gpointer       data)
{
  if (data == NULL)
    return;

  switch (kind)
    {
    case TALLY_CHART_HEMICYCLE:
    case TALLY_CHART_SEAT_BARS:
    case TALLY_CHART_WAFFLE:
      tally_seat_chart_data_free (data);
      break;
    case TALLY_CHART_SHARE_BARS:
      tally_share_chart_data_free (data);
      break;
    case TALLY_CHART_SWINGOMETER:
      tally_swingometer_data_free (data);
      break;
    case TALLY_CHART_SWING_SCATTER:
      tally_swing_scatter_data_free (data);
      break;
    case TALLY_CHART_STATE:
      tally_state_chart_data_free (data);
      break;
    default:
      g_return_if_reached ();
    }
}

const TallyChartHeading *
tally_chart_data_get_heading (TallyChartKind kind,
                              gconstpointer  data)
{
  g_return_val_if_fail (data != NULL, NULL);

  switch (kind)
    {
    case TALLY_CHART_HEMICYCLE:
    case TALLY_CHART_SEAT_BARS:
    case TALLY_CHART_WAFFLE:
      return &((const TallySeatChartData *) data)->heading;
    case TALLY_CHART_SHARE_BARS:
      return &((const TallyShareChartData *) data)->heading;
    case TALLY_CHART_SWINGOMETER:
      return &((const TallySwingometerData *) data)->heading;
    case TALLY_CHART_SWING_SCATTER:
      return &((const TallySwingScatterData *) data)->heading;
    case TALLY_CHART_STATE:
      return &((const TallyStateChartData *) data)->heading;
    default:
      g_return_val_if_reached (NULL);
    }
}

/**
 * tally_chart_data_get_n_items:
 *
 * Returns: how many items @data has to hover, focus and select: parties,
 *   or councils for the scatter, or the two sides of the swingometer
 */
guint
tally_chart_data_get_n_items (TallyChartKind kind,
                              gconstpointer  data)
{
  if (data == NULL)
    return 0;

  switch (kind)
    {
    case TALLY_CHART_HEMICYCLE:
    case TALLY_CHART_SEAT_BARS:
    case TALLY_CHART_WAFFLE:
      return ((const TallySeatChartData *) data)->n_entries;
    case TALLY_CHART_SHARE_BARS:
      return ((const TallyShareChartData *) data)->n_entries;
    case TALLY_CHART_SWINGOMETER:
      return 2;
    case TALLY_CHART_SWING_SCATTER:
      return ((const TallySwingScatterData *) data)->n_points;
    case TALLY_CHART_STATE:
      return ((const TallyStateChartData *) data)->n_entries;
    default:
      g_return_val_if_reached (0);
    }
}

/**
 * tally_chart_data_get_item_key:
 *
 * Returns: (nullable): the party key, or the council code for the scatter
 */
const char *
tally_chart_data_get_item_key (TallyChartKind kind,
                               gconstpointer  data,
                               guint          item)
{
  g_return_val_if_fail (item < tally_chart_data_get_n_items (kind, data), NULL);

  switch (kind)
    {
    case TALLY_CHART_HEMICYCLE:
    case TALLY_CHART_SEAT_BARS:
    case TALLY_CHART_WAFFLE:
      return ((const TallySeatChartData *) data)->entries[item].party.key;
    case TALLY_CHART_SHARE_BARS:
      return ((const TallyShareChartData *) data)->entries[item].party.key;
    case TALLY_CHART_SWINGOMETER:
      return item == 0 ? ((const TallySwingometerData *) data)->from.key
                       : ((const TallySwingometerData *) data)->to.key;
    case TALLY_CHART_SWING_SCATTER:
      return ((const TallySwingScatterData *) data)->points[item].key;
    case TALLY_CHART_STATE:
      return ((const TallyStateChartData *) data)->entries[item].party.key;
    default:
      g_return_val_if_reached (NULL);
    }
}

static char *
describe_seats (const TallySeatChartData *data,
                guint                     item)
{
  const TallySeatChartEntry *entry = &data->entries[item];
  g_autofree char *seats = _tally_chart_format_count (entry->seats);
  GString *text = g_string_new (NULL);

  g_string_append_printf (text, "%s: %s %s", entry->party.name, seats, entry->seats == 1 ? "seat" : "seats");
  if (data->has_change)
    {
      g_autofree char *change = _tally_chart_format_change (entry->change);

      g_string_append_printf (text, ", %s", change);
      if (data->change_label)
        g_string_append_printf (text, " (%s)", data->change_label);
    }
  if (data->has_seats_up)
    g_string_append_printf (text, "; %u won this time", entry->seats_up);

  return g_string_free (text, FALSE);
}

/**
 * tally_chart_data_describe_item:
 *
 * Returns: (transfer full): a sentence for a tooltip or a screen reader:
 *   "Labour: 30 seats, +5 (change on 2014)"
 */
char *
tally_chart_data_describe_item (TallyChartKind kind,
                                gconstpointer  data,
                                guint          item)
{
  g_return_val_if_fail (item < tally_chart_data_get_n_items (kind, data), NULL);

  switch (kind)
    {
    case TALLY_CHART_HEMICYCLE:
    case TALLY_CHART_SEAT_BARS:
    case TALLY_CHART_WAFFLE:
      return describe_seats (data, item);

    case TALLY_CHART_SHARE_BARS:
      {
        const TallyShareChartData *shares = data;
        const TallyShareChartEntry *entry = &shares->entries[item];
        g_autofree char *share = _tally_chart_format_percent (entry->share);

        if (entry->has_then)
          {
            g_autofree char *then = _tally_chart_format_percent (entry->share_then);
            g_autofree char *change = _tally_chart_format_points (entry->share - entry->share_then);

            return g_strdup_printf ("%s: %s of the vote, %s points on %s (%s)", entry->party.name, share, change,
                                    shares->then_label ? shares->then_label : "before", then);
          }
        return g_strdup_printf ("%s: %s of the vote", entry->party.name, share);
      }

    case TALLY_CHART_SWINGOMETER:
      {
        const TallySwingometerData *swing = data;
        g_autofree char *figure = NULL;

        if (isnan (swing->swing))
          return g_strdup_printf ("No swing between %s and %s", swing->from.name, swing->to.name);
        figure = _tally_chart_format_percent (fabs (swing->swing));
        return g_strdup_printf ("%s swing from %s to %s", figure,
                                swing->swing >= 0 ? swing->from.name : swing->to.name,
                                swing->swing >= 0 ? swing->to.name : swing->from.name);
      }

    case TALLY_CHART_SWING_SCATTER:
      {
        const TallySwingScatterData *scatter = data;
        const TallySwingScatterPoint *point = &scatter->points[item];
        g_autofree char *x = isnan (point->x) ? g_strdup ("no swing") : _tally_chart_format_points (point->x);
        GString *text = g_string_new (point->name);

        if (point->group)
          g_string_append_printf (text, " (%s)", point->group);
        g_string_append_printf (text, ": %s %s", scatter->x_label ? scatter->x_label : "swing", x);
        if (scatter->has_y && !isnan (point->y))
          {
            g_autofree char *y = _tally_chart_format_points (point->y);

            g_string_append_printf (text, "; %s %s", scatter->y_label ? scatter->y_label : "", y);
          }
        return g_string_free (text, FALSE);
      }

    case TALLY_CHART_STATE:
      {
        const TallyStateChartData *state = data;
        const TallyStateChartEntry *entry = &state->entries[item];
        g_autofree char *councils = _tally_chart_format_count (entry->councils);
        g_autofree char *councils_change = _tally_chart_format_change (entry->councils_change);
        GString *text = g_string_new (NULL);

        g_string_append_printf (text, "%s:", entry->party.name);
        if (entry->has_councils)
          {
            g_string_append_printf (text, " %s %s", councils, entry->councils == 1 ? "council" : "councils");
            if (state->has_change)
              g_string_append_printf (text, " (%s)", councils_change);
          }
        if (entry->has_seats)
          {
            g_autofree char *seats = _tally_chart_format_count (entry->seats);
            g_autofree char *seats_change = _tally_chart_format_change (entry->seats_change);

            g_string_append_printf (text, "%s %s %s", entry->has_councils ? "," : "", seats,
                                    entry->seats == 1 ? "seat" : "seats");
            if (state->has_change)
              g_string_append_printf (text, " (%s)", seats_change);
          }
        return g_string_free (text, FALSE);
      }

    default:
      g_return_val_if_reached (NULL);
    }
}

/* Layouts */

TallyChartLayout *
tally_chart_layout_new (TallyChartKind         kind,
                        gconstpointer          data,
                        const TallyChartStyle *style,
                        double                 width,
                        double                 height)
{
  TallyChartLayout *layout;

  g_return_val_if_fail (kind < TALLY_N_CHART_KINDS, NULL);
  g_return_val_if_fail (data != NULL, NULL);
  g_return_val_if_fail (style != NULL, NULL);

  layout = g_new0 (TallyChartLayout, 1);
  layout->kind = kind;

  switch (kind)
    {
    case TALLY_CHART_HEMICYCLE:
      layout->layout = tally_hemicycle_layout_new (data, style, width, height);
      break;
    case TALLY_CHART_SEAT_BARS:
      layout->layout = tally_seat_bars_layout_new (data, style, width, height);
      break;
    case TALLY_CHART_WAFFLE:
      layout->layout = tally_waffle_layout_new (data, style, width, height);
      break;
    case TALLY_CHART_SHARE_BARS:
      layout->layout = tally_share_bars_layout_new (data, style, width, height);
      break;
    case TALLY_CHART_SWINGOMETER:
      layout->layout = tally_swingometer_layout_new (data, style, width, height);
      break;
    case TALLY_CHART_SWING_SCATTER:
      layout->layout = tally_swing_scatter_layout_new (data, style, width, height);
      break;
    case TALLY_CHART_STATE:
      layout->layout = tally_state_chart_layout_new (data, style, width, height);
      break;
    default:
      g_assert_not_reached ();
    }

  return layout;
}

void
tally_chart_layout_free (TallyChartLayout *layout)
{
  if (layout == NULL)
    return;

  switch (layout->kind)
    {
    case TALLY_CHART_HEMICYCLE:
      tally_hemicycle_layout_free (layout->layout);
      break;
    case TALLY_CHART_SEAT_BARS:
      tally_seat_bars_layout_free (layout->layout);
      break;
    case TALLY_CHART_WAFFLE:
      tally_waffle_layout_free (layout->layout);
      break;
    case TALLY_CHART_SHARE_BARS:
      tally_share_bars_layout_free (layout->layout);
      break;
    case TALLY_CHART_SWINGOMETER:
      tally_swingometer_layout_free (layout->layout);
      break;
    case TALLY_CHART_SWING_SCATTER:
      tally_swing_scatter_layout_free (layout->layout);
      break;
    case TALLY_CHART_STATE:
      tally_state_chart_layout_free (layout->layout);
      break;
    default:
      g_assert_not_reached ();
    }

  g_free (layout);
}

TallyChartKind
tally_chart_layout_get_kind (const TallyChartLayout *layout)
{
  g_return_val_if_fail (layout != NULL, TALLY_CHART_HEMICYCLE);
  return layout->kind;
}

/**
 * tally_chart_layout_get_chart_layout:
 *
 * Returns: (transfer none): the chart's own layout, a #TallyHemicycleLayout
 *   for a hemicycle and so on, for its own accessors
 */
gconstpointer
tally_chart_layout_get_chart_layout (const TallyChartLayout *layout)
{
  g_return_val_if_fail (layout != NULL, NULL);
  return layout->layout;
}

/**
 * tally_chart_layout_lookup_item:
 *
 * The one hit test behind hover, tooltip and click.
 *
 * Returns: the item at @x, @y, or -1
 */
int
tally_chart_layout_lookup_item (const TallyChartLayout *layout,
                                double                  x,
                                double                  y)
{
  g_return_val_if_fail (layout != NULL, -1);

  switch (layout->kind)
    {
    case TALLY_CHART_HEMICYCLE:
      return tally_hemicycle_layout_lookup_item (layout->layout, x, y);
    case TALLY_CHART_SEAT_BARS:
      return tally_seat_bars_layout_lookup_item (layout->layout, x, y);
    case TALLY_CHART_WAFFLE:
      return tally_waffle_layout_lookup_item (layout->layout, x, y);
    case TALLY_CHART_SHARE_BARS:
      return tally_share_bars_layout_lookup_item (layout->layout, x, y);
    case TALLY_CHART_SWINGOMETER:
      return tally_swingometer_layout_lookup_item (layout->layout, x, y);
    case TALLY_CHART_SWING_SCATTER:
      return tally_swing_scatter_layout_lookup_item (layout->layout, x, y);
    case TALLY_CHART_STATE:
      return tally_state_chart_layout_lookup_item (layout->layout, x, y);
    default:
      g_return_val_if_reached (-1);
    }
}

/**
 * tally_chart_layout_get_item_bounds:
 *
 * Returns: whether @item is drawn; if so, a box round it (for a tooltip
 *   pointing at a focused item)
 */
gboolean
tally_chart_layout_get_item_bounds (const TallyChartLayout *layout,
                                    guint                   item,
                                    double                 *x,
                                    double                 *y,
                                    double                 *width,
                                    double                 *height)
{
  g_return_val_if_fail (layout != NULL, FALSE);

  switch (layout->kind)
    {
    case TALLY_CHART_HEMICYCLE:
      return tally_hemicycle_layout_get_item_bounds (layout->layout, item, x, y, width, height);
    case TALLY_CHART_SEAT_BARS:
      return tally_seat_bars_layout_get_bar (layout->layout, item, x, y, width, height);
    case TALLY_CHART_WAFFLE:
      return tally_waffle_layout_get_item_bounds (layout->layout, item, x, y, width, height);
    case TALLY_CHART_SHARE_BARS:
      return tally_share_bars_layout_get_bar (layout->layout, item, FALSE, x, y, width, height);
    case TALLY_CHART_SWINGOMETER:
      {
        double cx, cy, radius;

        tally_swingometer_layout_get_dial (layout->layout, &cx, &cy, &radius);
        *x = item == 0 ? cx - radius : cx;
        *y = cy - radius;
        *width = radius;
        *height = radius;
        return item < 2;
      }
    case TALLY_CHART_SWING_SCATTER:
      {
        double cx, cy, radius;

        if (!tally_swing_scatter_layout_get_point (layout->layout, item, &cx, &cy, &radius))
          return FALSE;
        *x = cx - radius;
        *y = cy - radius;
        *width = *height = 2 * radius;
        return TRUE;
      }
    case TALLY_CHART_STATE:
      return tally_state_chart_layout_get_bar (layout->layout, item, FALSE, x, y, width, height);
    default:
      g_return_val_if_reached (FALSE);
    }
}

/**
 * tally_chart_paint:
 * @highlight: the item hovered or focused, or -1
 *
 * Paints a laid-out chart of @data, which must be the data it was laid
 * out for.
 */
void
tally_chart_paint (cairo_t                *cr,
                   const TallyChartLayout *layout,
                   gconstpointer           data,
                   const TallyChartStyle  *style,
                   int                     highlight)
{
  g_return_if_fail (layout != NULL);

  switch (layout->kind)
    {
    case TALLY_CHART_HEMICYCLE:
      tally_hemicycle_paint (cr, layout->layout, data, style, highlight);
      break;
    case TALLY_CHART_SEAT_BARS:
      tally_seat_bars_paint (cr, layout->layout, data, style, highlight);
      break;
    case TALLY_CHART_WAFFLE:
      tally_waffle_paint (cr, layout->layout, data, style, highlight);
      break;
    case TALLY_CHART_SHARE_BARS:
      tally_share_bars_paint (cr, layout->layout, data, style, highlight);
      break;
    case TALLY_CHART_SWINGOMETER:
      tally_swingometer_paint (cr, layout->layout, data, style, highlight);
      break;
    case TALLY_CHART_SWING_SCATTER:
      tally_swing_scatter_paint (cr, layout->layout, data, style, highlight);
      break;
    case TALLY_CHART_STATE:
      tally_state_chart_paint (cr, layout->layout, data, style, highlight);
      break;
    default:
      g_return_if_reached ();
    }
}

/**
 * tally_chart_draw:
 *
 * Lays out and paints @data as a chart of @kind on a @width × @height
 * canvas at the origin of @cr: an image, SVG or PDF surface, or a widget.
 */
void
tally_chart_draw (TallyChartKind         kind,
                  cairo_t               *cr,
                  double                 width,
                  double                 height,
                  gconstpointer          data,
                  const TallyChartStyle *style)
{
  g_autoptr(TallyChartLayout) layout = NULL;

  g_return_if_fail (cr != NULL);
  g_return_if_fail (data != NULL);
  g_return_if_fail (style != NULL);

  layout = tally_chart_layout_new (kind, data, style, width, height);
  tally_chart_paint (cr, layout, data, style, -1);
}
