/* tally-window-views.c: the Charts and the Map, built when first shown.
 *
 * The window opens on the Councils.  The Charts (five chart views over the
 * engine's summary) and the Map (its controls, its hex layout and the
 * boundaries it reads on a thread) are not on screen then, so they are not
 * built then: each is made the first time its page of the view stack is
 * shown (a click on its tab, Alt+2 or Alt+3, `tally --view`), or the first
 * time a command needs it (Export Chart… from the council list exports the
 * state of the parties).  Once made, a view stays, and follows the engine,
 * the palette and the night like the views built at start.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "tally-window-private.h"

/**
 * _tally_window_get_charts_page:
 *
 * Returns: (transfer none): the Charts view, made now if it was not yet
 */
TallyChartsPage *
_tally_window_get_charts_page (TallyWindow *self)
{
  if (self->charts_page != NULL)
    return self->charts_page;

  self->charts_page = TALLY_CHARTS_PAGE (tally_charts_page_new ());
  tally_charts_page_set_colour_blind_safe (self->charts_page,
                                           g_settings_get_boolean (self->settings, "colour-blind-palette"));
  if (self->results != NULL)
    {
      tally_charts_page_set_engine (self->charts_page, self->results, self->selection);
      tally_charts_page_set_ranking (self->charts_page, self->ranking);
    }
  adw_bin_set_child (self->charts_bin, GTK_WIDGET (self->charts_page));
  return self->charts_page;
}

static void
map_council_activated_cb (TallyWindow  *self,
                          TallyCouncil *council)
{
  _tally_window_open_council_from_map (self, council);
}

/**
 * _tally_window_get_map_view:
 *
 * Returns: (transfer none): the Map, made now if it was not yet
 */
TallyMapView *
_tally_window_get_map_view (TallyWindow *self)
{
  if (self->map_view != NULL)
    return self->map_view;

  self->map_view = TALLY_MAP_VIEW (tally_map_view_new ());
  g_signal_connect_object (self->map_view, "council-activated", G_CALLBACK (map_council_activated_cb), self,
                           G_CONNECT_SWAPPED);
  tally_map_view_set_colour_blind_safe (self->map_view,
                                        g_settings_get_boolean (self->settings, "colour-blind-palette"));
  tally_map_view_set_selection (self->map_view, self->selection);
  if (self->results != NULL)
    {
      tally_map_view_set_results (self->map_view, self->results);
      tally_map_view_set_night (self->map_view, _tally_window_get_shown_night (self));
    }
  adw_bin_set_child (self->map_bin, GTK_WIDGET (self->map_view));
  return self->map_view;
}

static void
visible_view_changed_cb (TallyWindow *self)
{
  const char *name = adw_view_stack_get_visible_child_name (self->view_stack);

  if (g_strcmp0 (name, "charts") == 0)
    _tally_window_get_charts_page (self);
  else if (g_strcmp0 (name, "map") == 0)
    _tally_window_get_map_view (self);
}

void
_tally_window_init_views (TallyWindow *self)
{
  g_signal_connect_object (self->view_stack, "notify::visible-child-name", G_CALLBACK (visible_view_changed_cb),
                           self, G_CONNECT_SWAPPED);
}
