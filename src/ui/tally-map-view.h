/* tally-map-view.h: the map: a hex cartogram or council boundaries,
 * coloured by the results, following the filter and the selection.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "tally-boundaries.h"
#include "tally-hex-layout.h"
#include "tally-map-data.h"
#include "tally-map-draw.h"
#include "tally-results.h"
#include "tally-types.h"

G_BEGIN_DECLS

typedef enum
{
  TALLY_MAP_MODE_HEXES,
  TALLY_MAP_MODE_GEOGRAPHIC,
} TallyMapMode;

#define TALLY_TYPE_MAP_MODE (tally_map_mode_get_type ())
#define TALLY_TYPE_MAP_COLOUR_BY (tally_map_colour_by_get_type ())
#define TALLY_TYPE_MAP_VIEW (tally_map_view_get_type ())

GType tally_map_mode_get_type      (void) G_GNUC_CONST;
GType tally_map_colour_by_get_type (void) G_GNUC_CONST;

G_DECLARE_FINAL_TYPE (TallyMapView, tally_map_view, TALLY, MAP_VIEW, GtkWidget)

GtkWidget          *tally_map_view_new                   (void);

TallyResults       *tally_map_view_get_results           (TallyMapView     *self);
void                tally_map_view_set_results           (TallyMapView     *self,
                                                          TallyResults     *results);
TallySelection     *tally_map_view_get_selection         (TallyMapView     *self);
void                tally_map_view_set_selection         (TallyMapView     *self,
                                                          TallySelection   *selection);

TallyLiveNight     *tally_map_view_get_night             (TallyMapView     *self);
void                tally_map_view_set_night             (TallyMapView     *self,
                                                          TallyLiveNight   *night);

TallyMapMode        tally_map_view_get_mode              (TallyMapView     *self);
void                tally_map_view_set_mode              (TallyMapView     *self,
                                                          TallyMapMode      mode);
TallyMapColourBy    tally_map_view_get_colour_by         (TallyMapView     *self);
void                tally_map_view_set_colour_by         (TallyMapView     *self,
                                                          TallyMapColourBy  colour_by);
TallyParty         *tally_map_view_get_party             (TallyMapView     *self);
void                tally_map_view_set_party             (TallyMapView     *self,
                                                          TallyParty       *party);
TallyParty         *tally_map_view_get_swing_from        (TallyMapView     *self);
void                tally_map_view_set_swing_from        (TallyMapView     *self,
                                                          TallyParty       *party);
gboolean            tally_map_view_get_colour_blind_safe (TallyMapView     *self);
void                tally_map_view_set_colour_blind_safe (TallyMapView     *self,
                                                          gboolean          colour_blind_safe);

void                tally_map_view_fit_england           (TallyMapView     *self);
void                tally_map_view_fit_london            (TallyMapView     *self);
void                tally_map_view_reload_geography      (TallyMapView     *self);
gboolean            tally_map_view_get_loading           (TallyMapView     *self);

TallyHexLayout     *tally_map_view_get_hex_layout        (TallyMapView     *self);
TallyBoundaries    *tally_map_view_get_boundaries        (TallyMapView     *self);
const TallyMapData *tally_map_view_get_data              (TallyMapView     *self);
const TallyChartStyle *
                    tally_map_view_get_style             (TallyMapView     *self);
void                tally_map_view_get_transform         (TallyMapView     *self,
                                                          TallyMapTransform *transform);
gboolean              tally_map_view_get_visible_extent (TallyMapView      *self,
                                                         double            *extent);
const char         *tally_map_view_lookup_council        (TallyMapView     *self,
                                                          double            x,
                                                          double            y);

G_END_DECLS
