/* tally-map-progress.c: results night on the map: councils not yet
 * declared are hatched, partly declared ones cross-hatched.
 *
 * A council that has not finished declaring must not wear a party's colour
 * (its final colour would be a guess, and at an earlier moment of the night
 * a spoiler), so it is drawn in the blank of the page with hatching over
 * it: one set of lines until its first ward, two crossing sets once some
 * wards are in.  Lines, not a colour, so the mark survives a grey print and
 * a colour-blind reader; the key names both, with their counts.  The same
 * painter draws the hexes, the boundaries and the key's swatches, on screen
 * and in every export.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "tally-council.h"
#include "tally-live-council.h"
#include "tally-map-draw-private.h"

/**
 * tally_map_data_mark_night:
 * @night: results night, at the moment the map shows
 *
 * Marks every council of @night that has not fully declared: it loses its
 * colour and its key entry, and says how far it has got ("21 of 24 wards
 * declared", with its first call).  Call it on data
 * just made, before it is shared.
 */
void
tally_map_data_mark_night (TallyMapData   *data,
                           TallyLiveNight *night)
{
  GListModel *councils;

  g_return_if_fail (data != NULL);
  g_return_if_fail (TALLY_IS_LIVE_NIGHT (night));

  councils = tally_live_night_get_councils (night);
  for (guint i = 0; i < g_list_model_get_n_items (councils); i++)
    {
      g_autoptr(TallyLiveCouncil) live = g_list_model_get_item (councils, i);
      TallyLiveState state = tally_live_council_get_state (live);
      TallyCouncil *council = tally_live_council_get_council (live);
      TallyMapArea *area = (TallyMapArea *) tally_map_data_lookup (data, tally_council_get_code (council));

      if (area == NULL || state == TALLY_LIVE_DECLARED)
        continue;

      if (area->has_value && area->in_scope && area->key < data->n_key && data->key[area->key].count > 0)
        data->key[area->key].count--;
      area->has_value = FALSE;
      area->progress = state == TALLY_LIVE_PARTIAL ? TALLY_MAP_PARTLY_DECLARED : TALLY_MAP_NOT_DECLARED;
      g_clear_pointer (&area->figure, g_free);
      g_clear_pointer (&area->detail, g_free);
      g_free (area->status);
      area->status = tally_live_council_describe_progress (live);

      if (state == TALLY_LIVE_PARTIAL)
        {
          g_auto(GStrv) calls = tally_live_council_describe_calls (live);

          /* The first call, else what is still to come. */
          if (calls != NULL && calls[0] != NULL)
            area->detail = g_strdup (calls[0]);
          else
            area->detail = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u seat to come", "%u seats to come",
                                                         tally_live_council_get_seats_to_come (live)),
                                            tally_live_council_get_seats_to_come (live));
        }
    }
}

/**
 * _tally_map_progress_label_ink:
 * @area: a council not fully declared
 *
 * The ink of @area's label over its hatching, where it is ringed in the
 * page colour so the lines do not run through the letters ("Wig" and "Old"
 * could not be read at 03:40): a council partly in is the night's news, in
 * full ink; one not yet in, or outside the filter, quieter.
 */
TallyChartRgb
_tally_map_progress_label_ink (const TallyMapArea    *area,
                               const TallyChartStyle *style)
{
  return area->progress == TALLY_MAP_PARTLY_DECLARED && area->in_scope ? style->ink : style->ink_secondary;
}

/**
 * _tally_map_paint_progress:
 * @progress: how far the council has declared
 *
 * Hatches the current path (and clears it): one set of lines for a
 * council not yet declared, two crossing sets for one partly declared.
 */
void
_tally_map_paint_progress (cairo_t               *cr,
                           TallyMapProgress       progress,
                           const TallyChartStyle *style)
{
  double x0, y0, x1, y1, spacing, start;

  if (progress == TALLY_MAP_DECLARED)
    {
      cairo_new_path (cr);
      return;
    }

  spacing = _tally_chart_px (style, progress == TALLY_MAP_PARTLY_DECLARED ? 5 : 4.5);
  cairo_save (cr);
  cairo_clip (cr);
  cairo_clip_extents (cr, &x0, &y0, &x1, &y1);
  _tally_chart_set_rgb (cr, style->ink, progress == TALLY_MAP_PARTLY_DECLARED ? 0.55 : (style->dark ? 0.42 : 0.34));
  cairo_set_line_width (cr, _tally_chart_px (style, progress == TALLY_MAP_PARTLY_DECLARED ? 1.1 : 1.3));
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_BUTT);

  /* Lines x + y = d, one every @spacing, anchored to the canvas so that
   * neighbouring councils' lines run on. */
  start = floor ((x0 + y0) / spacing) * spacing;
  for (double d = start; d <= x1 + y1 + spacing; d += spacing)
    {
      cairo_move_to (cr, d - y0, y0);
      cairo_line_to (cr, d - y1, y1);
    }

  if (progress == TALLY_MAP_PARTLY_DECLARED)
    {
      /* And x − y = d: a cross-hatch. */
      start = floor ((x0 - y1) / spacing) * spacing;
      for (double d = start; d <= x1 - y0 + spacing; d += spacing)
        {
          cairo_move_to (cr, d + y0, y0);
          cairo_line_to (cr, d + y1, y1);
        }
    }

  cairo_stroke (cr);
  cairo_restore (cr);
}
