/* tally-map-data.h: what a map shows: each council's colour, and a key.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "tally-chart-data.h"
#include "tally-chart-style.h"
#include "tally-filter.h"
#include "tally-live-night.h"
#include "tally-rules.h"
#include "tally-types.h"

G_BEGIN_DECLS

/**
 * TallyMapColourBy:
 * @TALLY_MAP_COLOUR_CONTROL: the party in control after the election, or
 *   no overall control
 * @TALLY_MAP_COLOUR_CHANGE: gains in the gaining party's colour, losses to
 *   no overall control in its colour, holds pale
 * @TALLY_MAP_COLOUR_WINNER: the party that won most of the seats up
 * @TALLY_MAP_COLOUR_SHARE: a party's share of the vote, in classes
 * @TALLY_MAP_COLOUR_SHARE_CHANGE: the change in its share since the
 *   baseline, in points, diverging from no change
 * @TALLY_MAP_COLOUR_SWING: Butler swing from one party to another
 */
typedef enum
{
  TALLY_MAP_COLOUR_CONTROL,
  TALLY_MAP_COLOUR_CHANGE,
  TALLY_MAP_COLOUR_WINNER,
  TALLY_MAP_COLOUR_SHARE,
  TALLY_MAP_COLOUR_SHARE_CHANGE,
  TALLY_MAP_COLOUR_SWING,
} TallyMapColourBy;

#define TALLY_N_MAP_COLOURINGS (TALLY_MAP_COLOUR_SWING + 1)

/* No overall control, as the charts draw it. */
#define TALLY_MAP_NOC_COLOUR      TALLY_CHART_NOC_COLOUR
#define TALLY_MAP_NOC_COLOUR_SAFE TALLY_CHART_NOC_COLOUR_SAFE

/**
 * TallyMapProgress:
 * @TALLY_MAP_DECLARED: every ward in (or no results night recorded): the
 *   council is drawn in its colour
 * @TALLY_MAP_PARTLY_DECLARED: some wards in: cross-hatched
 * @TALLY_MAP_NOT_DECLARED: no ward in yet: hatched, never a party colour
 */
typedef enum
{
  TALLY_MAP_DECLARED,
  TALLY_MAP_PARTLY_DECLARED,
  TALLY_MAP_NOT_DECLARED,
} TallyMapProgress;

/* One council on the map. */
typedef struct
{
  char          *code;
  char          *name;
  char          *short_label;  /* three letters for a hex: "Bir", "RTh" */
  gboolean       has_value;    /* FALSE: no election, or no figure: drawn as blank */
  TallyChartRgb  fill;
  guint          key;          /* the key entry it falls in, when has_value */
  gboolean       in_scope;     /* FALSE: outside the filter, drawn faded */
  char          *status;       /* "Liberal Democrat gain from Conservative" */
  char          *detail;       /* "Lab 30 · Con 29 · LD 2 · Grn 2", or NULL */
  char          *figure;       /* "+12.3 pts", for colourings by number, or NULL */
  TallyMapProgress progress;   /* results night: hatched until declared */
} TallyMapArea;

/* One entry of the key: a swatch and what it means. */
typedef struct
{
  TallyChartRgb  colour;
  char          *label;
  guint          count;  /* councils in scope that have it */
} TallyMapKeyEntry;

/* Immutable once made, and shared by reference: a view hands it to the
 * thread that paints its texture. */
typedef struct
{
  gatomicrefcount    ref_count;
  TallyChartHeading  heading;
  TallyMapColourBy   colour_by;
  char              *key_title;      /* "Control after 3 May 2018" */
  TallyMapKeyEntry  *key;
  guint              n_key;
  gboolean           key_is_scale;   /* classes of a number, drawn as one bar */
  char              *blank_label;    /* "No election in 2018", for councils without a value */
  GPtrArray         *areas;          /* TallyMapArea*, by code */
  GHashTable        *by_code;        /* char* → TallyMapArea*, not owned */
} TallyMapData;

const char         *tally_map_colour_by_to_string   (TallyMapColourBy     colour_by);
gboolean            tally_map_colour_by_from_string (const char          *string,
                                                     TallyMapColourBy    *colour_by);
const char         *tally_map_colour_by_get_label   (TallyMapColourBy     colour_by);
gboolean            tally_map_colour_by_needs_party (TallyMapColourBy     colour_by);

TallyMapData       *tally_map_data_new_for_results  (GListModel          *councils,
                                                     GListModel          *results,
                                                     GListModel          *parties,
                                                     TallyFilter         *filter,
                                                     TallyMapColourBy     colour_by,
                                                     TallyParty          *party,
                                                     TallyParty          *swing_from,
                                                     const TallyChartStyle *style);
TallyMapData       *tally_map_data_ref              (TallyMapData        *data);
void                tally_map_data_unref            (TallyMapData        *data);
const TallyMapArea *tally_map_data_lookup           (const TallyMapData  *data,
                                                     const char          *code);
char               *tally_map_short_label           (const char          *name);
void                tally_map_data_mark_night       (TallyMapData        *data,
                                                     TallyLiveNight      *night);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TallyMapData, tally_map_data_unref)

G_END_DECLS
