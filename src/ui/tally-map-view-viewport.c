/* tally-map-view-viewport.c: where the map view is: for each mode, the
 * map point at the centre of the widget and the scale, kept within the
 * map and between a little less than all England and street level.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "tally-map-view-private.h"

/* View */

static double
fit_scale (TallyMapView *self)
{
  double bounds[4];
  int width = gtk_widget_get_width (GTK_WIDGET (self)), height = gtk_widget_get_height (GTK_WIDGET (self));

  if (!_tally_map_view_get_bounds (self, FALSE, bounds) || width <= 0 || height <= 0)
    return 1;

  return MIN (width * 0.94 / MAX (bounds[2] - bounds[0], 1e-9), height * 0.94 / MAX (bounds[3] - bounds[1], 1e-9));
}

void
_tally_map_view_clamp_view (TallyMapView *self)
{
  ViewState *view = &self->views[self->mode];
  double bounds[4], fit = fit_scale (self);

  /* From a little less than all England to street level (or a hex filling the view). */
  view->scale = CLAMP (view->scale, fit * 0.6, fit * (self->mode == TALLY_MAP_MODE_HEXES ? 14 : 80));

  /* Keep some of the map in sight. */
  if (_tally_map_view_get_bounds (self, FALSE, bounds))
    {
      view->centre_x = CLAMP (view->centre_x, bounds[0], bounds[2]);
      view->centre_y = CLAMP (view->centre_y, bounds[1], bounds[3]);
    }
}

void
_tally_map_view_fit_bounds (TallyMapView *self,
                            const double *bounds,
                            double        padding)
{
  ViewState *view = &self->views[self->mode];
  int width = gtk_widget_get_width (GTK_WIDGET (self)), height = gtk_widget_get_height (GTK_WIDGET (self));
  double span_x = MAX (bounds[2] - bounds[0], 1e-9) * (1 + padding);
  double span_y = MAX (bounds[3] - bounds[1], 1e-9) * (1 + padding);

  if (width <= 0 || height <= 0)
    return;

  view->centre_x = (bounds[0] + bounds[2]) / 2;
  view->centre_y = (bounds[1] + bounds[3]) / 2;
  view->scale = MIN (width / span_x, height / span_y);
  view->placed = TRUE;
  _tally_map_view_clamp_view (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
_tally_map_view_get_transform (TallyMapView      *self,
                               TallyMapTransform *transform)
{
  ViewState *view = &self->views[self->mode];
  int width = gtk_widget_get_width (GTK_WIDGET (self)), height = gtk_widget_get_height (GTK_WIDGET (self));

  transform->scale = view->scale > 0 ? view->scale : 1;
  transform->left = view->centre_x - width / 2.0 / transform->scale;
  transform->top = view->centre_y + height / 2.0 / transform->scale;
}

void
_tally_map_view_ensure_placed (TallyMapView *self)
{
  double bounds[4];

  if (!self->views[self->mode].placed && _tally_map_view_get_bounds (self, FALSE, bounds) &&
      gtk_widget_get_width (GTK_WIDGET (self)) > 0)
    _tally_map_view_fit_bounds (self, bounds, 0.06);
}

/* Zooms by @factor, keeping the map point under (@x, @y) where it is. */
void
_tally_map_view_zoom_about (TallyMapView *self,
                            double        factor,
                            double        x,
                            double        y)
{
  ViewState *view = &self->views[self->mode];
  TallyMapTransform before;
  double map_x, map_y;
  int width = gtk_widget_get_width (GTK_WIDGET (self)), height = gtk_widget_get_height (GTK_WIDGET (self));

  _tally_map_view_get_transform (self, &before);
  tally_map_transform_to_map (&before, x, y, &map_x, &map_y);

  view->scale *= factor;
  _tally_map_view_clamp_view (self);
  view->centre_x = map_x - (x - width / 2.0) / view->scale;
  view->centre_y = map_y + (y - height / 2.0) / view->scale;
  _tally_map_view_clamp_view (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}
