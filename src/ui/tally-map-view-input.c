/* tally-map-view-input.c: what the map view does with the pointer, touch
 * and the keyboard.
 *
 * Hover shows a tooltip; a click selects (and emits ::council-activated);
 * drag pans, scroll and pinch zoom about the pointer; the keyboard moves
 * the selection between neighbouring councils (arrows), zooms (+ and −),
 * fits England (Home) or London (L), and activates (Enter).  Tab goes
 * from the map to its controls.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "tally-catalog.h"
#include "tally-council.h"
#include "tally-map-view-private.h"
#include "tally-selection.h"

#define ZOOM_STEP 1.5

/* Hit testing and tooltips */

const char *
_tally_map_view_lookup_code (TallyMapView *self,
                             double        x,
                             double        y)
{
  TallyMapTransform transform;
  double map_x, map_y;
  int index;

  if (!_tally_map_view_has_geometry (self, self->mode))
    return NULL;

  _tally_map_view_get_transform (self, &transform);
  tally_map_transform_to_map (&transform, x, y, &map_x, &map_y);

  if (self->mode == TALLY_MAP_MODE_HEXES)
    {
      index = tally_hex_layout_hit_test (self->hexes, map_x, map_y);
      return index >= 0 ? tally_hex_layout_get_hex (self->hexes, index)->code : NULL;
    }

  index = tally_boundaries_hit_test (self->boundaries, map_x, map_y);
  return index >= 0 ? tally_boundaries_get_code (self->boundaries, index) : NULL;
}

static void
set_hovered (TallyMapView *self,
             const char   *code)
{
  if (g_strcmp0 (self->hovered, code) == 0)
    return;

  g_free (self->hovered);
  self->hovered = g_strdup (code);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

gboolean
_tally_map_view_query_tooltip (GtkWidget  *widget,
                               int         x,
                               int         y,
                               gboolean    keyboard_tooltip,
                               GtkTooltip *tooltip)
{
  TallyMapView *self = TALLY_MAP_VIEW (widget);
  const TallyMapArea *area;
  const char *code;
  GString *markup;

  _tally_map_view_ensure_data (self);
  code = keyboard_tooltip && self->selection && tally_selection_get_council (self->selection)
         ? tally_council_get_code (tally_selection_get_council (self->selection))
         : _tally_map_view_lookup_code (self, x, y);
  if (code == NULL || self->data == NULL || !(area = tally_map_data_lookup (self->data, code)))
    return FALSE;

  markup = g_string_new (NULL);
  {
    /* Names and statuses are data: escape them, keep the tags. */
    g_autofree char *name = g_markup_escape_text (area->name, -1);
    g_autofree char *status = area->status ? g_markup_escape_text (area->status, -1) : NULL;
    g_autofree char *detail = area->detail ? g_markup_escape_text (area->detail, -1) : NULL;
    g_autofree char *figure = area->figure ? g_markup_escape_text (area->figure, -1) : NULL;

    g_string_append_printf (markup, "<b>%s</b>", name);
    if (status)
      g_string_append_printf (markup, "\n%s", status);
    if (detail)
      g_string_append_printf (markup, "\n<small>%s</small>", detail);
    if (figure)
      g_string_append_printf (markup, "\n%s", figure);
    if (!area->in_scope)
      g_string_append_printf (markup, "\n<i><small>%s</small></i>", _("Outside the filter"));
  }

  gtk_tooltip_set_markup (tooltip, markup->str);
  g_string_free (markup, TRUE);
  return TRUE;
}

/* Selection */

const char *
_tally_map_view_selected_code (TallyMapView *self)
{
  TallyCouncil *council = self->selection ? tally_selection_get_council (self->selection) : NULL;

  return council ? tally_council_get_code (council) : NULL;
}

static gboolean
centre_of (TallyMapView *self,
           const char   *code,
           double       *x,
           double       *y)
{
  int index;

  if (code == NULL || !_tally_map_view_has_geometry (self, self->mode))
    return FALSE;

  if (self->mode == TALLY_MAP_MODE_HEXES)
    {
      if ((index = tally_hex_layout_lookup (self->hexes, code)) < 0)
        return FALSE;
      tally_hex_layout_get_centre (self->hexes, index, x, y);
      return TRUE;
    }

  if ((index = tally_boundaries_lookup (self->boundaries, code)) < 0)
    return FALSE;
  return tally_geometry_get_centroid (tally_boundaries_get_geometry (self->boundaries, index), x, y);
}

static void
select_code (TallyMapView *self,
             const char   *code,
             gboolean      activate)
{
  TallyCouncil *council;

  if (self->catalog == NULL || code == NULL || !(council = tally_catalog_lookup_council (self->catalog, code)))
    return;

  if (self->selection != NULL)
    tally_selection_set_council (self->selection, council);
  if (activate)
    g_signal_emit (self, _tally_map_view_signals[COUNCIL_ACTIVATED], 0, council);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* Brings the selected council into view when something else selected it. */
void
_tally_map_view_selection_changed_cb (TallyMapView *self)
{
  TallyMapTransform transform;
  double x, y, canvas_x, canvas_y;
  int width = gtk_widget_get_width (GTK_WIDGET (self)), height = gtk_widget_get_height (GTK_WIDGET (self));

  if (centre_of (self, _tally_map_view_selected_code (self), &x, &y) && self->views[self->mode].placed)
    {
      _tally_map_view_get_transform (self, &transform);
      tally_map_transform_to_canvas (&transform, x, y, &canvas_x, &canvas_y);
      if (canvas_x < 20 || canvas_y < 20 || canvas_x > width - 20 || canvas_y > height - 20)
        {
          self->views[self->mode].centre_x = x;
          self->views[self->mode].centre_y = y;
        }
    }

  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* Gestures */

static void
motion_cb (TallyMapView             *self,
           double                    x,
           double                    y,
           GtkEventControllerMotion *controller)
{
  self->pointer_x = x;
  self->pointer_y = y;
  self->pointer_inside = TRUE;

  /* Not through the controls floating over the map. */
  if (gtk_widget_pick (GTK_WIDGET (self), x, y, GTK_PICK_DEFAULT) != GTK_WIDGET (self))
    set_hovered (self, NULL);
  else
    set_hovered (self, _tally_map_view_lookup_code (self, x, y));
}

static void
leave_cb (TallyMapView *self)
{
  self->pointer_inside = FALSE;
  set_hovered (self, NULL);
}

static void
click_released_cb (TallyMapView    *self,
                   int              n_press,
                   double           x,
                   double           y,
                   GtkGestureClick *gesture)
{
  const char *code;

  if (gtk_widget_pick (GTK_WIDGET (self), x, y, GTK_PICK_DEFAULT) != GTK_WIDGET (self))
    return;

  code = _tally_map_view_lookup_code (self, x, y);
  gtk_widget_grab_focus (GTK_WIDGET (self));
  if (code != NULL && n_press == 1)
    select_code (self, code, TRUE);
}

static void
drag_begin_cb (TallyMapView   *self,
               double          x,
               double          y,
               GtkGestureDrag *gesture)
{
  if (gtk_widget_pick (GTK_WIDGET (self), x, y, GTK_PICK_DEFAULT) != GTK_WIDGET (self))
    {
      gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_DENIED);
      return;
    }

  self->drag_centre_x = self->views[self->mode].centre_x;
  self->drag_centre_y = self->views[self->mode].centre_y;
}

static void
drag_update_cb (TallyMapView   *self,
                double          offset_x,
                double          offset_y,
                GtkGestureDrag *gesture)
{
  ViewState *view = &self->views[self->mode];

  if (fabs (offset_x) + fabs (offset_y) > 3)
    gtk_widget_set_cursor_from_name (GTK_WIDGET (self), "grabbing");

  view->centre_x = self->drag_centre_x - offset_x / view->scale;
  view->centre_y = self->drag_centre_y + offset_y / view->scale;
  _tally_map_view_clamp_view (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
drag_end_cb (TallyMapView   *self,
             double          offset_x,
             double          offset_y,
             GtkGestureDrag *gesture)
{
  gtk_widget_set_cursor (GTK_WIDGET (self), NULL);
}

static gboolean
scroll_cb (TallyMapView             *self,
           double                    dx,
           double                    dy,
           GtkEventControllerScroll *controller)
{
  double x = gtk_widget_get_width (GTK_WIDGET (self)) / 2.0, y = gtk_widget_get_height (GTK_WIDGET (self)) / 2.0;

  /* About the pointer: the place under it stays under it. */
  if (self->pointer_inside)
    {
      x = self->pointer_x;
      y = self->pointer_y;
    }

  self->interacting = TRUE;
  _tally_map_view_zoom_about (self, pow (1.25, -dy), x, y);
  _tally_map_view_settle_later (self);
  return GDK_EVENT_STOP;
}

static void
pinch_begin_cb (TallyMapView   *self,
                GdkEventSequence *sequence,
                GtkGestureZoom *gesture)
{
  TallyMapTransform transform;
  double x, y;

  self->pinch_scale = self->views[self->mode].scale;
  gtk_gesture_get_bounding_box_center (GTK_GESTURE (gesture), &x, &y);
  _tally_map_view_get_transform (self, &transform);
  tally_map_transform_to_map (&transform, x, y, &self->pinch_map_x, &self->pinch_map_y);
  self->interacting = TRUE;
}

static void
pinch_scale_changed_cb (TallyMapView   *self,
                        double          scale,
                        GtkGestureZoom *gesture)
{
  ViewState *view = &self->views[self->mode];
  int width = gtk_widget_get_width (GTK_WIDGET (self)), height = gtk_widget_get_height (GTK_WIDGET (self));
  double x, y;

  gtk_gesture_get_bounding_box_center (GTK_GESTURE (gesture), &x, &y);
  view->scale = self->pinch_scale * scale;
  _tally_map_view_clamp_view (self);
  /* The point between the fingers stays between them. */
  view->centre_x = self->pinch_map_x - (x - width / 2.0) / view->scale;
  view->centre_y = self->pinch_map_y + (y - height / 2.0) / view->scale;
  _tally_map_view_clamp_view (self);
  self->interacting = TRUE;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
pinch_end_cb (TallyMapView     *self,
              GdkEventSequence *sequence,
              GtkGestureZoom   *gesture)
{
  _tally_map_view_settle_later (self);
}

/* Actions */

static void
zoom_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  TallyMapView *self = TALLY_MAP_VIEW (widget);
  double factor = g_str_equal (action_name, "map.zoom-in") ? ZOOM_STEP : 1 / ZOOM_STEP;

  _tally_map_view_zoom_about (self, factor, gtk_widget_get_width (widget) / 2.0, gtk_widget_get_height (widget) / 2.0);
}

static void
fit_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  if (g_str_equal (action_name, "map.fit-london"))
    tally_map_view_fit_london (TALLY_MAP_VIEW (widget));
  else
    tally_map_view_fit_england (TALLY_MAP_VIEW (widget));
}

/* Moves the selection to the nearest council in a direction: within 60°
 * of it, preferring the straightest and then the closest. */
static void
move_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  TallyMapView *self = TALLY_MAP_VIEW (widget);
  const char *direction = g_variant_get_string (parameter, NULL);
  double dx = 0, dy = 0, from_x, from_y, best = INFINITY;
  const char *best_code = NULL;
  guint n_items;

  if (!_tally_map_view_has_geometry (self, self->mode))
    return;

  if (g_str_equal (direction, "left"))
    dx = -1;
  else if (g_str_equal (direction, "right"))
    dx = 1;
  else if (g_str_equal (direction, "up"))
    dy = 1;
  else
    dy = -1;

  if (!centre_of (self, _tally_map_view_selected_code (self), &from_x, &from_y))
    {
      /* Nothing selected yet: start from the council in the middle. */
      TallyMapTransform transform;
      const char *middle;

      _tally_map_view_get_transform (self, &transform);
      middle = _tally_map_view_lookup_code (self, gtk_widget_get_width (widget) / 2.0,
                                            gtk_widget_get_height (widget) / 2.0);
      if (middle == NULL && self->mode == TALLY_MAP_MODE_HEXES)
        middle = tally_hex_layout_get_hex (self->hexes, 0)->code;
      else if (middle == NULL)
        middle = tally_boundaries_get_code (self->boundaries, 0);
      select_code (self, middle, FALSE);
      return;
    }

  n_items = self->mode == TALLY_MAP_MODE_HEXES ? tally_hex_layout_get_n_hexes (self->hexes)
                                               : tally_boundaries_get_n_items (self->boundaries);
  for (guint i = 0; i < n_items; i++)
    {
      const char *code = self->mode == TALLY_MAP_MODE_HEXES ? tally_hex_layout_get_hex (self->hexes, i)->code
                                                            : tally_boundaries_get_code (self->boundaries, i);
      double x, y, along, across, score;

      if (g_strcmp0 (code, _tally_map_view_selected_code (self)) == 0 || !centre_of (self, code, &x, &y))
        continue;

      along = (x - from_x) * dx + (y - from_y) * dy;
      across = fabs ((x - from_x) * dy - (y - from_y) * dx);
      if (along <= 0 || across > along * 1.74)
        continue;

      score = along + 2 * across;
      if (score < best)
        {
          best = score;
          best_code = code;
        }
    }

  if (best_code != NULL)
    {
      select_code (self, best_code, FALSE);
      _tally_map_view_selection_changed_cb (self);
    }
}

static void
activate_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  TallyMapView *self = TALLY_MAP_VIEW (widget);

  select_code (self, _tally_map_view_selected_code (self), TRUE);
}

/* Tab goes to the map, then its controls, then on out; Shift+Tab back. */
gboolean
_tally_map_view_focus (GtkWidget        *widget,
                       GtkDirectionType  direction)
{
  TallyMapView *self = TALLY_MAP_VIEW (widget);
  GtkWidget *order[3] = { widget, self->controls, self->zoom_box };
  GtkWidget *focus_child = gtk_widget_get_focus_child (widget);
  gboolean backward = direction == GTK_DIR_TAB_BACKWARD || direction == GTK_DIR_UP || direction == GTK_DIR_LEFT;
  int position = gtk_widget_has_focus (widget) ? 0 : focus_child == self->controls ? 1 : focus_child == self->zoom_box ? 2 : -1;

  /* Within the controls first. */
  if (position > 0 && gtk_widget_child_focus (order[position], direction))
    return TRUE;

  if (position < 0)
    position = backward ? 3 : -1;

  for (int next = backward ? position - 1 : position + 1; next >= 0 && next < 3; next += backward ? -1 : 1)
    {
      if (next == 0)
        {
          gtk_widget_grab_focus (widget);
          return TRUE;
        }
      if (gtk_widget_get_visible (order[next]) && gtk_widget_child_focus (order[next], direction))
        return TRUE;
    }

  return FALSE;
}

static void
add_shortcut (GtkShortcutController *controller,
              guint                  keyval,
              const char            *action_name,
              const char            *direction)
{
  GtkShortcut *shortcut = gtk_shortcut_new (gtk_keyval_trigger_new (keyval, 0), gtk_named_action_new (action_name));

  if (direction != NULL)
    gtk_shortcut_set_arguments (shortcut, g_variant_new_string (direction));
  gtk_shortcut_controller_add_shortcut (controller, shortcut);
}

/* Keys for the map itself, not for the controls over it: arrows must
 * still move between buttons there. */
static void
add_shortcuts (TallyMapView *self)
{
  GtkEventController *controller = gtk_shortcut_controller_new ();
  GtkShortcutController *shortcuts = GTK_SHORTCUT_CONTROLLER (controller);

  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_TARGET);
  add_shortcut (shortcuts, GDK_KEY_plus, "map.zoom-in", NULL);
  add_shortcut (shortcuts, GDK_KEY_equal, "map.zoom-in", NULL);
  add_shortcut (shortcuts, GDK_KEY_KP_Add, "map.zoom-in", NULL);
  add_shortcut (shortcuts, GDK_KEY_minus, "map.zoom-out", NULL);
  add_shortcut (shortcuts, GDK_KEY_KP_Subtract, "map.zoom-out", NULL);
  add_shortcut (shortcuts, GDK_KEY_Home, "map.fit-england", NULL);
  add_shortcut (shortcuts, GDK_KEY_l, "map.fit-london", NULL);
  add_shortcut (shortcuts, GDK_KEY_Left, "map.move", "left");
  add_shortcut (shortcuts, GDK_KEY_Right, "map.move", "right");
  add_shortcut (shortcuts, GDK_KEY_Up, "map.move", "up");
  add_shortcut (shortcuts, GDK_KEY_Down, "map.move", "down");
  add_shortcut (shortcuts, GDK_KEY_Return, "map.activate", NULL);
  add_shortcut (shortcuts, GDK_KEY_KP_Enter, "map.activate", NULL);
  add_shortcut (shortcuts, GDK_KEY_space, "map.activate", NULL);
  gtk_widget_add_controller (GTK_WIDGET (self), controller);
}

/* Keys first, then pointer and gestures: the order the map always added them in. */
void
_tally_map_view_init_input (TallyMapView *self)
{
  GtkEventController *motion, *scroll;
  GtkGesture *click, *drag, *pinch;

  add_shortcuts (self);

  motion = gtk_event_controller_motion_new ();
  g_signal_connect_object (motion, "motion", G_CALLBACK (motion_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (motion, "leave", G_CALLBACK (leave_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self), motion);

  click = gtk_gesture_click_new ();
  g_signal_connect_object (click, "released", G_CALLBACK (click_released_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));

  drag = gtk_gesture_drag_new ();
  g_signal_connect_object (drag, "drag-begin", G_CALLBACK (drag_begin_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (drag, "drag-update", G_CALLBACK (drag_update_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (drag, "drag-end", G_CALLBACK (drag_end_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drag));

  scroll = gtk_event_controller_scroll_new (GTK_EVENT_CONTROLLER_SCROLL_VERTICAL);
  g_signal_connect_object (scroll, "scroll", G_CALLBACK (scroll_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self), scroll);

  pinch = gtk_gesture_zoom_new ();
  g_signal_connect_object (pinch, "begin", G_CALLBACK (pinch_begin_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (pinch, "scale-changed", G_CALLBACK (pinch_scale_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (pinch, "end", G_CALLBACK (pinch_end_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (pinch));
}

void
_tally_map_view_class_init_input (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "map.zoom-in", NULL, zoom_action);
  gtk_widget_class_install_action (widget_class, "map.zoom-out", NULL, zoom_action);
  gtk_widget_class_install_action (widget_class, "map.fit-england", NULL, fit_action);
  gtk_widget_class_install_action (widget_class, "map.fit-london", NULL, fit_action);
  gtk_widget_class_install_action (widget_class, "map.move", "s", move_action);
  gtk_widget_class_install_action (widget_class, "map.activate", NULL, activate_action);
}
