/* tally-map-view.c: the map: a hex cartogram or council boundaries,
 * coloured by the results, following the filter and the selection.
 *
 * This file is the widget: its type, properties and signal, the map's
 * data (what each council is coloured by), the frame it snapshots and its
 * public API.  Like libshumate's map, the rest is split by concern, sharing
 * the struct through tally-map-view-private.h:
 *
 * - tally-map-view-geography.c: the hexes and boundaries, read on a
 *   worker thread;
 * - tally-map-view-viewport.c: where the view is over them, and how far
 *   zoomed;
 * - tally-map-view-render.c: the texture of the councils the frames
 *   place, painted on a worker thread;
 * - tally-map-view-input.c: pointer, gestures and keys;
 * - tally-map-view-controls.c: the controls floating over the map.
 *
 * The painting is the cairo code of src/charts/tally-map-draw.c, the same
 * that export uses.  Hover and selection outlines, names and the key are
 * drawn over the texture every frame; they are cheap.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "tally-catalog.h"
#include "tally-council.h"
#include "tally-map-view-private.h"
#include "tally-party.h"
#include "tally-selection.h"

G_DEFINE_FINAL_TYPE (TallyMapView, tally_map_view, GTK_TYPE_WIDGET)

G_DEFINE_ENUM_TYPE (TallyMapMode, tally_map_mode,
                    G_DEFINE_ENUM_VALUE (TALLY_MAP_MODE_HEXES, "hexes"),
                    G_DEFINE_ENUM_VALUE (TALLY_MAP_MODE_GEOGRAPHIC, "geographic"))

G_DEFINE_ENUM_TYPE (TallyMapColourBy, tally_map_colour_by,
                    G_DEFINE_ENUM_VALUE (TALLY_MAP_COLOUR_CONTROL, "control"),
                    G_DEFINE_ENUM_VALUE (TALLY_MAP_COLOUR_CHANGE, "change"),
                    G_DEFINE_ENUM_VALUE (TALLY_MAP_COLOUR_WINNER, "winner"),
                    G_DEFINE_ENUM_VALUE (TALLY_MAP_COLOUR_SHARE, "share"),
                    G_DEFINE_ENUM_VALUE (TALLY_MAP_COLOUR_SHARE_CHANGE, "share-change"),
                    G_DEFINE_ENUM_VALUE (TALLY_MAP_COLOUR_SWING, "swing"))

GParamSpec *_tally_map_view_properties[N_PROPS];
guint _tally_map_view_signals[N_SIGNALS];

/* Data */

static void
invalidate_data (TallyMapView *self)
{
  self->data_dirty = TRUE;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
_tally_map_view_ensure_data (TallyMapView *self)
{
  GListModel *council_results = NULL;

  if (!self->data_dirty && self->data != NULL)
    return;

  g_clear_pointer (&self->data, tally_map_data_unref);
  g_clear_pointer (&self->key, tally_map_key_layout_free);
  self->data_dirty = FALSE;
  self->serial++;

  if (self->catalog == NULL)
    return;

  if (self->results != NULL)
    {
      TallyFilter *filter = tally_results_get_filter (self->results);
      TallyElection *election = filter ? tally_results_resolve_election (self->results, filter) : NULL;
      TallyElection *baseline = filter ? tally_results_resolve_baseline (self->results, filter) : NULL;

      if (election != NULL)
        council_results = tally_results_get_council_results (self->results, election, baseline);
    }

  self->data = tally_map_data_new_for_results (tally_catalog_get_councils (self->catalog), council_results,
                                               tally_catalog_get_parties (self->catalog), self->filter,
                                               self->colour_by, self->party, self->swing_from, &self->style);
  if (self->night != NULL)
    tally_map_data_mark_night (self->data, self->night);
  self->key = tally_map_key_layout_new (self->data, &self->style, 300);

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, self->data->key_title,
                                  -1);
}

static void
update_style (TallyMapView *self)
{
  AdwStyleManager *manager = adw_style_manager_get_default ();
  gboolean colour_blind_safe = self->style.colour_blind_safe;

  tally_chart_style_init (&self->style, TALLY_CHART_BACKGROUND_LIGHT);
  tally_chart_style_set_dark (&self->style, adw_style_manager_get_dark (manager));
  tally_chart_style_set_high_contrast (&self->style, adw_style_manager_get_high_contrast (manager));
  self->style.colour_blind_safe = colour_blind_safe;
  invalidate_data (self);
}

/* Filter */

static void
filter_changed_cb (TallyMapView *self)
{
  invalidate_data (self);
}

static void
watch_filter (TallyMapView *self)
{
  TallyFilter *filter = self->results ? tally_results_get_filter (self->results) : NULL;

  if (self->filter == filter)
    return;

  if (self->filter != NULL)
    g_signal_handlers_disconnect_by_func (self->filter, filter_changed_cb, self);
  g_set_object (&self->filter, filter);
  if (self->filter != NULL)
    g_signal_connect_object (self->filter, "changed", G_CALLBACK (filter_changed_cb), self, G_CONNECT_SWAPPED);

  invalidate_data (self);
}

static void
tally_map_view_snapshot (GtkWidget   *widget,
                         GtkSnapshot *snapshot)
{
  TallyMapView *self = TALLY_MAP_VIEW (widget);
  int width = gtk_widget_get_width (widget), height = gtk_widget_get_height (widget);
  TallyMapTransform transform;
  GdkRGBA page = { self->style.page.red, self->style.page.green, self->style.page.blue, 1 };

  if (width <= 0 || height <= 0)
    return;

  gtk_snapshot_push_clip (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  gtk_snapshot_append_color (snapshot, &page, &GRAPHENE_RECT_INIT (0, 0, width, height));

  _tally_map_view_ensure_data (self);
  _tally_map_view_ensure_placed (self);

  if (self->data != NULL && _tally_map_view_has_geometry (self, self->mode))
    {
      TallyMapMarks marks = { self->hovered, _tally_map_view_selected_code (self),
                              gtk_widget_has_visible_focus (widget) };
      cairo_t *cr;

      _tally_map_view_get_transform (self, &transform);
      _tally_map_view_snapshot_areas (self, snapshot, &transform, width, height);

      cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
      tally_map_paint_marks (cr, self->mode == TALLY_MAP_MODE_HEXES ? self->hexes : NULL,
                             self->mode == TALLY_MAP_MODE_GEOGRAPHIC ? self->boundaries : NULL,
                             self->data, &transform, &self->style, &marks, width, height);
      cairo_destroy (cr);

      if (self->key != NULL)
        {
          double key_width, key_height;

          /* Top right, where England's map has the North Sea. */
          tally_map_key_get_size (self->key, &key_width, &key_height);
          if (key_height + 24 < height && key_width + 24 < width)
            {
              double key_x = width - key_width - 12;

              cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (key_x, 12, key_width, key_height));
              tally_map_key_paint (cr, self->key, &self->style, key_x, 12, TRUE);
              cairo_destroy (cr);
            }
        }
    }

  gtk_widget_snapshot_child (widget, self->empty_label, snapshot);
  gtk_widget_snapshot_child (widget, self->controls, snapshot);
  gtk_widget_snapshot_child (widget, self->zoom_box, snapshot);
  gtk_snapshot_pop (snapshot);
}

/* GObject */

static void
tally_map_view_dispose (GObject *object)
{
  TallyMapView *self = TALLY_MAP_VIEW (object);

  if (self->loading != NULL)
    g_cancellable_cancel (self->loading);
  g_clear_object (&self->loading);
  if (self->rendering != NULL)
    g_cancellable_cancel (self->rendering);
  g_clear_object (&self->rendering);
  g_clear_handle_id (&self->settle_source, g_source_remove);

  if (self->filter != NULL)
    g_signal_handlers_disconnect_by_func (self->filter, filter_changed_cb, self);
  g_clear_object (&self->filter);
  g_clear_object (&self->results);
  g_clear_object (&self->selection);
  g_clear_object (&self->catalog);
  g_clear_object (&self->night);
  g_clear_object (&self->party);
  g_clear_object (&self->swing_from);
  g_clear_object (&self->hexes);
  g_clear_object (&self->boundaries);
  g_clear_object (&self->cache);

  g_clear_pointer (&self->controls, gtk_widget_unparent);
  g_clear_pointer (&self->zoom_box, gtk_widget_unparent);
  g_clear_pointer (&self->empty_label, gtk_widget_unparent);

  G_OBJECT_CLASS (tally_map_view_parent_class)->dispose (object);
}

static void
tally_map_view_finalize (GObject *object)
{
  TallyMapView *self = TALLY_MAP_VIEW (object);

  g_clear_pointer (&self->data, tally_map_data_unref);
  g_clear_pointer (&self->key, tally_map_key_layout_free);
  g_free (self->hovered);

  G_OBJECT_CLASS (tally_map_view_parent_class)->finalize (object);
}

static void
tally_map_view_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  TallyMapView *self = TALLY_MAP_VIEW (object);

  switch (prop_id)
    {
    case PROP_RESULTS:
      g_value_set_object (value, self->results);
      break;
    case PROP_SELECTION:
      g_value_set_object (value, self->selection);
      break;
    case PROP_MODE:
      g_value_set_enum (value, self->mode);
      break;
    case PROP_COLOUR_BY:
      g_value_set_enum (value, self->colour_by);
      break;
    case PROP_PARTY:
      g_value_set_object (value, self->party);
      break;
    case PROP_SWING_FROM:
      g_value_set_object (value, self->swing_from);
      break;
    case PROP_COLOUR_BLIND_SAFE:
      g_value_set_boolean (value, self->style.colour_blind_safe);
      break;
    case PROP_LOADING:
      g_value_set_boolean (value, self->loading != NULL);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tally_map_view_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  TallyMapView *self = TALLY_MAP_VIEW (object);

  switch (prop_id)
    {
    case PROP_RESULTS:
      tally_map_view_set_results (self, g_value_get_object (value));
      break;
    case PROP_SELECTION:
      tally_map_view_set_selection (self, g_value_get_object (value));
      break;
    case PROP_MODE:
      tally_map_view_set_mode (self, g_value_get_enum (value));
      break;
    case PROP_COLOUR_BY:
      tally_map_view_set_colour_by (self, g_value_get_enum (value));
      break;
    case PROP_PARTY:
      tally_map_view_set_party (self, g_value_get_object (value));
      break;
    case PROP_SWING_FROM:
      tally_map_view_set_swing_from (self, g_value_get_object (value));
      break;
    case PROP_COLOUR_BLIND_SAFE:
      tally_map_view_set_colour_blind_safe (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tally_map_view_class_init (TallyMapViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = tally_map_view_dispose;
  object_class->finalize = tally_map_view_finalize;
  object_class->get_property = tally_map_view_get_property;
  object_class->set_property = tally_map_view_set_property;

  widget_class->measure = _tally_map_view_measure;
  widget_class->size_allocate = _tally_map_view_size_allocate;
  widget_class->snapshot = tally_map_view_snapshot;
  widget_class->query_tooltip = _tally_map_view_query_tooltip;
  widget_class->focus = _tally_map_view_focus;

  _tally_map_view_properties[PROP_RESULTS] =
    g_param_spec_object ("results", NULL, NULL, TALLY_TYPE_RESULTS,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  _tally_map_view_properties[PROP_SELECTION] =
    g_param_spec_object ("selection", NULL, NULL, TALLY_TYPE_SELECTION,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  _tally_map_view_properties[PROP_MODE] =
    g_param_spec_enum ("mode", NULL, NULL, TALLY_TYPE_MAP_MODE, TALLY_MAP_MODE_HEXES,
                       (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  _tally_map_view_properties[PROP_COLOUR_BY] =
    g_param_spec_enum ("colour-by", NULL, NULL, TALLY_TYPE_MAP_COLOUR_BY, TALLY_MAP_COLOUR_CONTROL,
                       (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  _tally_map_view_properties[PROP_PARTY] =
    g_param_spec_object ("party", NULL, NULL, TALLY_TYPE_PARTY,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  _tally_map_view_properties[PROP_SWING_FROM] =
    g_param_spec_object ("swing-from", NULL, NULL, TALLY_TYPE_PARTY,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  _tally_map_view_properties[PROP_COLOUR_BLIND_SAFE] =
    g_param_spec_boolean ("colour-blind-safe", NULL, NULL, FALSE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  _tally_map_view_properties[PROP_LOADING] =
    g_param_spec_boolean ("loading", NULL, NULL, FALSE,
                          (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, _tally_map_view_properties);

  /**
   * TallyMapView::council-activated:
   * @council: the council clicked, or the selected one on Enter
   */
  _tally_map_view_signals[COUNCIL_ACTIVATED] =
    g_signal_new ("council-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 1, TALLY_TYPE_COUNCIL);

  _tally_map_view_class_init_input (widget_class);

  gtk_widget_class_set_css_name (widget_class, "tallymap");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
tally_map_view_init (TallyMapView *self)
{
  AdwStyleManager *manager = adw_style_manager_get_default ();

  self->mode = TALLY_MAP_MODE_HEXES;
  self->colour_by = TALLY_MAP_COLOUR_CONTROL;
  self->data_dirty = TRUE;

  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);
  gtk_widget_set_overflow (GTK_WIDGET (self), GTK_OVERFLOW_HIDDEN);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Map of councils"), -1);

  _tally_map_view_build_controls (self);
  _tally_map_view_init_input (self);

  g_signal_connect_object (manager, "notify::dark", G_CALLBACK (update_style), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (manager, "notify::high-contrast", G_CALLBACK (update_style), self, G_CONNECT_SWAPPED);
  update_style (self);
  _tally_map_view_sync_controls (self);
}

/* Public API */

GtkWidget *
tally_map_view_new (void)
{
  return g_object_new (TALLY_TYPE_MAP_VIEW, NULL);
}

/**
 * tally_map_view_get_results:
 *
 * Returns: (transfer none) (nullable): the results engine the map shows
 */
TallyResults *
tally_map_view_get_results (TallyMapView *self)
{
  g_return_val_if_fail (TALLY_IS_MAP_VIEW (self), NULL);

  return self->results;
}

/**
 * tally_map_view_set_results:
 * @results: (nullable): the results engine of the open database
 *
 * Shows @results' councils: their geography is loaded (or a hex layout
 * generated) off the main thread; the map follows @results' filter,
 * fading the councils it does not match.
 */
void
tally_map_view_set_results (TallyMapView *self,
                            TallyResults *results)
{
  g_return_if_fail (TALLY_IS_MAP_VIEW (self));
  g_return_if_fail (results == NULL || TALLY_IS_RESULTS (results));

  if (self->results == results)
    return;

  if (self->results != NULL)
    g_signal_handlers_disconnect_by_func (self->results, watch_filter, self);
  g_set_object (&self->results, results);
  if (results != NULL)
    g_signal_connect_object (results, "notify::filter", G_CALLBACK (watch_filter), self, G_CONNECT_SWAPPED);

  g_set_object (&self->catalog, (results ? tally_results_get_catalog (results) : NULL));
  g_free (self->hovered);
  self->hovered = NULL;

  _tally_map_view_fill_party_lists (self);
  watch_filter (self);
  invalidate_data (self);
  _tally_map_view_start_loading (self);

  g_object_notify_by_pspec (G_OBJECT (self), _tally_map_view_properties[PROP_RESULTS]);
}

/**
 * tally_map_view_get_selection:
 *
 * Returns: (transfer none) (nullable): the shared selection
 */
TallySelection *
tally_map_view_get_selection (TallyMapView *self)
{
  g_return_val_if_fail (TALLY_IS_MAP_VIEW (self), NULL);

  return self->selection;
}

/**
 * tally_map_view_set_selection:
 * @selection: (nullable): the one selection every view shares
 *
 * The map outlines and labels the selected council, brings it into view
 * when another view selects it, and selects what is clicked.
 */
void
tally_map_view_set_selection (TallyMapView   *self,
                              TallySelection *selection)
{
  g_return_if_fail (TALLY_IS_MAP_VIEW (self));
  g_return_if_fail (selection == NULL || TALLY_IS_SELECTION (selection));

  if (self->selection == selection)
    return;

  if (self->selection != NULL)
    g_signal_handlers_disconnect_by_func (self->selection, _tally_map_view_selection_changed_cb, self);
  g_set_object (&self->selection, selection);
  if (selection != NULL)
    g_signal_connect_object (selection, "notify::council", G_CALLBACK (_tally_map_view_selection_changed_cb), self,
                             G_CONNECT_SWAPPED);

  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), _tally_map_view_properties[PROP_SELECTION]);
}

TallyMapMode
tally_map_view_get_mode (TallyMapView *self)
{
  g_return_val_if_fail (TALLY_IS_MAP_VIEW (self), TALLY_MAP_MODE_HEXES);

  return self->mode;
}

/**
 * tally_map_view_set_mode:
 *
 * Switches between the hex cartogram and the geographic map; each keeps
 * its own place and zoom.
 */
void
tally_map_view_set_mode (TallyMapView *self,
                         TallyMapMode  mode)
{
  g_return_if_fail (TALLY_IS_MAP_VIEW (self));
  g_return_if_fail (mode <= TALLY_MAP_MODE_GEOGRAPHIC);

  if (self->mode == mode)
    return;

  self->mode = mode;
  g_free (self->hovered);
  self->hovered = NULL;
  _tally_map_view_sync_controls (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), _tally_map_view_properties[PROP_MODE]);
}

TallyMapColourBy
tally_map_view_get_colour_by (TallyMapView *self)
{
  g_return_val_if_fail (TALLY_IS_MAP_VIEW (self), TALLY_MAP_COLOUR_CONTROL);

  return self->colour_by;
}

void
tally_map_view_set_colour_by (TallyMapView     *self,
                              TallyMapColourBy  colour_by)
{
  g_return_if_fail (TALLY_IS_MAP_VIEW (self));
  g_return_if_fail (colour_by < TALLY_N_MAP_COLOURINGS);

  if (self->colour_by == colour_by)
    return;

  self->colour_by = colour_by;
  _tally_map_view_sync_controls (self);
  invalidate_data (self);
  g_object_notify_by_pspec (G_OBJECT (self), _tally_map_view_properties[PROP_COLOUR_BY]);
}

/**
 * tally_map_view_get_party:
 *
 * Returns: (transfer none) (nullable): the party of a share colouring, or
 *   the party a swing is towards
 */
TallyParty *
tally_map_view_get_party (TallyMapView *self)
{
  g_return_val_if_fail (TALLY_IS_MAP_VIEW (self), NULL);

  return self->party;
}

void
tally_map_view_set_party (TallyMapView *self,
                          TallyParty   *party)
{
  g_return_if_fail (TALLY_IS_MAP_VIEW (self));
  g_return_if_fail (party == NULL || TALLY_IS_PARTY (party));

  if (!g_set_object (&self->party, party))
    return;

  _tally_map_view_sync_controls (self);
  if (tally_map_colour_by_needs_party (self->colour_by))
    invalidate_data (self);
  g_object_notify_by_pspec (G_OBJECT (self), _tally_map_view_properties[PROP_PARTY]);
}

/**
 * tally_map_view_get_swing_from:
 *
 * Returns: (transfer none) (nullable): the party a swing is from
 */
TallyParty *
tally_map_view_get_swing_from (TallyMapView *self)
{
  g_return_val_if_fail (TALLY_IS_MAP_VIEW (self), NULL);

  return self->swing_from;
}

void
tally_map_view_set_swing_from (TallyMapView *self,
                               TallyParty   *party)
{
  g_return_if_fail (TALLY_IS_MAP_VIEW (self));
  g_return_if_fail (party == NULL || TALLY_IS_PARTY (party));

  if (!g_set_object (&self->swing_from, party))
    return;

  _tally_map_view_sync_controls (self);
  if (self->colour_by == TALLY_MAP_COLOUR_SWING)
    invalidate_data (self);
  g_object_notify_by_pspec (G_OBJECT (self), _tally_map_view_properties[PROP_SWING_FROM]);
}

gboolean
tally_map_view_get_colour_blind_safe (TallyMapView *self)
{
  g_return_val_if_fail (TALLY_IS_MAP_VIEW (self), FALSE);

  return self->style.colour_blind_safe;
}

void
tally_map_view_set_colour_blind_safe (TallyMapView *self,
                                      gboolean      colour_blind_safe)
{
  g_return_if_fail (TALLY_IS_MAP_VIEW (self));

  colour_blind_safe = !!colour_blind_safe;
  if (self->style.colour_blind_safe == colour_blind_safe)
    return;

  self->style.colour_blind_safe = colour_blind_safe;
  invalidate_data (self);
  g_object_notify_by_pspec (G_OBJECT (self), _tally_map_view_properties[PROP_COLOUR_BLIND_SAFE]);
}

void
tally_map_view_fit_england (TallyMapView *self)
{
  double bounds[4];

  g_return_if_fail (TALLY_IS_MAP_VIEW (self));

  if (_tally_map_view_get_bounds (self, FALSE, bounds))
    _tally_map_view_fit_bounds (self, bounds, 0.06);
}

void
tally_map_view_fit_london (TallyMapView *self)
{
  double bounds[4];

  g_return_if_fail (TALLY_IS_MAP_VIEW (self));

  if (_tally_map_view_get_bounds (self, TRUE, bounds))
    _tally_map_view_fit_bounds (self, bounds, 0.12);
}

/**
 * tally_map_view_reload_geography:
 *
 * Reads the boundaries and hex layout again, after an import into the
 * database the map shows.
 */
void
tally_map_view_reload_geography (TallyMapView *self)
{
  g_return_if_fail (TALLY_IS_MAP_VIEW (self));

  _tally_map_view_start_loading (self);
}

/**
 * tally_map_view_get_loading:
 *
 * Returns: whether the geography is still being read
 */
gboolean
tally_map_view_get_loading (TallyMapView *self)
{
  g_return_val_if_fail (TALLY_IS_MAP_VIEW (self), FALSE);

  return self->loading != NULL;
}

/**
 * tally_map_view_get_hex_layout:
 *
 * Returns: (transfer none) (nullable): the hexes drawn, once loaded
 */
TallyHexLayout *
tally_map_view_get_hex_layout (TallyMapView *self)
{
  g_return_val_if_fail (TALLY_IS_MAP_VIEW (self), NULL);

  return self->hexes;
}

/**
 * tally_map_view_get_boundaries:
 *
 * Returns: (transfer none) (nullable): the boundaries drawn, once loaded
 */
TallyBoundaries *
tally_map_view_get_boundaries (TallyMapView *self)
{
  g_return_val_if_fail (TALLY_IS_MAP_VIEW (self), NULL);

  return self->boundaries;
}

/**
 * tally_map_view_get_night:
 *
 * Returns: (transfer none) (nullable): the night whose undeclared councils
 *   the map hatches
 */
TallyLiveNight *
tally_map_view_get_night (TallyMapView *self)
{
  g_return_val_if_fail (TALLY_IS_MAP_VIEW (self), NULL);
  return self->night;
}

/**
 * tally_map_view_set_night:
 * @night: (nullable): results night, or %NULL when the database records
 *   none
 *
 * Hatches the councils @night has not fully declared.  Call it again after
 * the night changed (a refresh, another moment of the timeline): the map
 * is drawn again.
 */
void
tally_map_view_set_night (TallyMapView   *self,
                          TallyLiveNight *night)
{
  g_return_if_fail (TALLY_IS_MAP_VIEW (self));
  g_return_if_fail (night == NULL || TALLY_IS_LIVE_NIGHT (night));

  g_set_object (&self->night, night);
  invalidate_data (self);
}

/**
 * tally_map_view_get_data:
 *
 * What the map shows now, for an export to draw with tally_map_draw().
 *
 * Returns: (transfer none) (nullable): the map's data
 */
const TallyMapData *
tally_map_view_get_data (TallyMapView *self)
{
  g_return_val_if_fail (TALLY_IS_MAP_VIEW (self), NULL);

  _tally_map_view_ensure_data (self);
  return self->data;
}

const TallyChartStyle *
tally_map_view_get_style (TallyMapView *self)
{
  g_return_val_if_fail (TALLY_IS_MAP_VIEW (self), NULL);

  return &self->style;
}

/**
 * tally_map_view_get_transform:
 * @transform: (out): where the map lies in the widget now
 */
void
tally_map_view_get_transform (TallyMapView      *self,
                              TallyMapTransform *transform)
{
  g_return_if_fail (TALLY_IS_MAP_VIEW (self));
  g_return_if_fail (transform != NULL);

  _tally_map_view_get_transform (self, transform);
}

/**
 * tally_map_view_get_visible_extent:
 * @extent: (out) (array fixed-size=4): min x, min y, max x, max y, in map
 *   units: what the view shows now
 *
 * For an export or a print to show what the window shows.
 *
 * Returns: %FALSE before the map is laid out in the window
 */
gboolean
tally_map_view_get_visible_extent (TallyMapView *self,
                                   double       *extent)
{
  TallyMapTransform transform;
  int width, height;

  g_return_val_if_fail (TALLY_IS_MAP_VIEW (self), FALSE);
  g_return_val_if_fail (extent != NULL, FALSE);

  width = gtk_widget_get_width (GTK_WIDGET (self));
  height = gtk_widget_get_height (GTK_WIDGET (self));
  if (width <= 0 || height <= 0 || !self->views[self->mode].placed)
    return FALSE;

  _tally_map_view_get_transform (self, &transform);
  tally_map_transform_to_map (&transform, 0, height, &extent[0], &extent[1]);
  tally_map_transform_to_map (&transform, width, 0, &extent[2], &extent[3]);
  return TRUE;
}

/**
 * tally_map_view_lookup_council:
 *
 * Returns: (nullable): the code of the council at (@x, @y) in the widget
 */
const char *
tally_map_view_lookup_council (TallyMapView *self,
                               double        x,
                               double        y)
{
  g_return_val_if_fail (TALLY_IS_MAP_VIEW (self), NULL);

  return _tally_map_view_lookup_code (self, x, y);
}
