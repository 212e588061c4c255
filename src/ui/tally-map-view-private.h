/* tally-map-view-private.h: what the map view's files share: the
 * instance struct, its properties and signal, and the internal functions
 * of each file (see tally-map-view.c for which file does what).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "tally-map-view.h"

G_BEGIN_DECLS

typedef struct
{
  double   centre_x;
  double   centre_y;
  double   scale;
  gboolean placed;
} ViewState;

struct _TallyMapView
{
  GtkWidget          parent_instance;

  TallyResults      *results;
  TallyFilter       *filter;
  TallySelection    *selection;
  TallyCatalog      *catalog;
  TallyLiveNight    *night;        /* results night: councils not declared are hatched */

  TallyMapMode       mode;
  TallyMapColourBy   colour_by;
  TallyParty        *party;
  TallyParty        *swing_from;
  TallyChartStyle    style;

  TallyHexLayout    *hexes;
  TallyBoundaries   *boundaries;
  GCancellable      *loading;

  TallyMapData      *data;
  TallyMapKeyLayout *key;
  gboolean           data_dirty;
  guint              serial;

  ViewState          views[2];

  GdkTexture        *cache;
  double             cache_scale;
  double             cache_left;
  double             cache_top;
  int                cache_width;
  int                cache_height;
  guint              cache_serial;
  TallyMapMode       cache_mode;
  GCancellable      *rendering;      /* a texture being painted on a worker thread */
  guint              settle_source;
  gboolean           interacting;

  char              *hovered;
  double             pointer_x;
  double             pointer_y;
  gboolean           pointer_inside;
  double             drag_centre_x;
  double             drag_centre_y;
  double             pinch_scale;
  double             pinch_map_x;
  double             pinch_map_y;

  GtkWidget         *controls;
  GtkWidget         *zoom_box;
  GtkWidget         *empty_label;
  GtkToggleButton   *hex_button;
  GtkToggleButton   *geo_button;
  GtkDropDown       *colour_dropdown;
  GtkDropDown       *party_dropdown;
  GtkDropDown       *from_dropdown;
  GtkWidget         *to_label;
  gboolean           syncing_controls;
};

enum {
  PROP_0,
  PROP_RESULTS,
  PROP_SELECTION,
  PROP_MODE,
  PROP_COLOUR_BY,
  PROP_PARTY,
  PROP_SWING_FROM,
  PROP_COLOUR_BLIND_SAFE,
  PROP_LOADING,
  N_PROPS
};

enum {
  COUNCIL_ACTIVATED,
  N_SIGNALS
};

extern GParamSpec *_tally_map_view_properties[N_PROPS];
extern guint       _tally_map_view_signals[N_SIGNALS];

/* tally-map-view.c */
void        _tally_map_view_ensure_data           (TallyMapView      *self);

/* tally-map-view-geography.c */
gboolean    _tally_map_view_has_geometry          (TallyMapView      *self,
                                                   TallyMapMode       mode);
gboolean    _tally_map_view_get_bounds            (TallyMapView      *self,
                                                   gboolean           london,
                                                   double            *bounds);
void        _tally_map_view_start_loading         (TallyMapView      *self);

/* tally-map-view-viewport.c */
void        _tally_map_view_clamp_view            (TallyMapView      *self);
void        _tally_map_view_fit_bounds            (TallyMapView      *self,
                                                   const double      *bounds,
                                                   double             padding);
void        _tally_map_view_get_transform         (TallyMapView      *self,
                                                   TallyMapTransform *transform);
void        _tally_map_view_ensure_placed         (TallyMapView      *self);
void        _tally_map_view_zoom_about            (TallyMapView      *self,
                                                   double             factor,
                                                   double             x,
                                                   double             y);

/* tally-map-view-render.c */
void        _tally_map_view_clear_cache           (TallyMapView      *self);
void        _tally_map_view_settle_later          (TallyMapView      *self);
void        _tally_map_view_snapshot_areas        (TallyMapView      *self,
                                                   GtkSnapshot       *snapshot,
                                                   TallyMapTransform *transform,
                                                   int                width,
                                                   int                height);

/* tally-map-view-input.c */
void        _tally_map_view_class_init_input      (GtkWidgetClass    *widget_class);
void        _tally_map_view_init_input            (TallyMapView      *self);
const char *_tally_map_view_lookup_code           (TallyMapView      *self,
                                                   double             x,
                                                   double             y);
const char *_tally_map_view_selected_code         (TallyMapView      *self);
void        _tally_map_view_selection_changed_cb  (TallyMapView      *self);
gboolean    _tally_map_view_query_tooltip         (GtkWidget         *widget,
                                                   int                x,
                                                   int                y,
                                                   gboolean           keyboard_tooltip,
                                                   GtkTooltip        *tooltip);
gboolean    _tally_map_view_focus                 (GtkWidget         *widget,
                                                   GtkDirectionType   direction);

/* tally-map-view-controls.c */
void        _tally_map_view_build_controls        (TallyMapView      *self);
void        _tally_map_view_sync_controls         (TallyMapView      *self);
void        _tally_map_view_fill_party_lists      (TallyMapView      *self);
void        _tally_map_view_measure               (GtkWidget         *widget,
                                                   GtkOrientation     orientation,
                                                   int                for_size,
                                                   int               *minimum,
                                                   int               *natural,
                                                   int               *minimum_baseline,
                                                   int               *natural_baseline);
void        _tally_map_view_size_allocate         (GtkWidget         *widget,
                                                   int                width,
                                                   int                height,
                                                   int                baseline);

G_END_DECLS
