/* tally-boundaries-private.h: what the files of TallyBoundaries share.
 *
 * The councils' shapes (tally-boundaries.c), the topology they are cut
 * into and the simplified levels made from it (tally-boundaries-topology.c).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "tally-boundaries.h"

G_BEGIN_DECLS

typedef struct
{
  char          *code;
  char          *name;
  TallyGeometry *geometry;
  double         bounds[4];
} Item;

typedef struct
{
  GArray   *points;         /* double x, y of every ring of every item */
  GArray   *ring_first;     /* guint, into points; one per ring, then the total */
  guint    *item_first_ring; /* n_items + 1 */

  GArray   *arc_points;     /* double x, y; arcs in canonical direction */
  GArray   *arc_first;      /* guint, one per arc, then the total */
  GArray   *arc_uses;       /* guint8: how many ring passes use the arc */
  GArray   *ring_arcs;      /* gint32: arc i forward, or ~i reversed */
  GArray   *ring_first_arc; /* guint, one per ring, then the total */
} Topology;

typedef struct
{
  GArray        *arc_points;  /* simplified arcs */
  GArray        *arc_first;
  double        *arc_bounds;  /* min x, min y, max x, max y of each arc */
  TallyGeometry **geometries; /* one per item */
} Level;

struct _TallyBoundaries
{
  GObject     parent_instance;

  GPtrArray  *items;    /* Item* */
  GHashTable *by_code;  /* char* → index + 1 */
  double      bounds[4];
  Topology   *topology;
  Level      *levels[TALLY_BOUNDARIES_N_LEVELS];
  GMutex      lock;      /* levels are made on first use, from any thread */
};

/* tally-boundaries-topology.c */
Topology *_tally_boundaries_build_topology (TallyBoundaries *self);
Level    *_tally_boundaries_build_level    (TallyBoundaries *self,
                                            guint            level_index);
void      _tally_boundaries_topology_free  (Topology        *topology);
void      _tally_boundaries_level_free     (Level           *level,
                                            guint            n_items);

G_END_DECLS
