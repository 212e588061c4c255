/* tally-boundaries.c: council boundaries, ready to draw and to hit-test.
 *
 * A map frame must not walk 220,000 vertices, so each zoom level draws a
 * simplified copy of the boundaries, made once and kept.  Simplifying each
 * council on its own would open slivers between neighbours, because two
 * councils would drop different points of the border they share.  So the
 * shapes are first cut into a topology, as TopoJSON and mapshaper do:
 *
 * - a vertex is a junction when its neighbours along the rings through it
 *   are not the same two points (where three councils meet, where a border
 *   meets the coast, where a ring touches itself);
 * - each ring is cut at its junctions into arcs, and an arc shared by two
 *   councils is stored once, in a canonical direction;
 * - each level simplifies every arc once with Douglas–Peucker, keeping its
 *   end points, and rebuilds the councils from the simplified arcs.
 *
 * Neighbours therefore stay gap-free at every level, and the borders can
 * be stroked once each rather than twice.  Hit-testing uses the shapes as
 * imported.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "tally-boundaries.h"
#include "tally-database-private.h"
#include "tally-geo-private.h"

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

G_DEFINE_FINAL_TYPE (TallyBoundaries, tally_boundaries, G_TYPE_OBJECT)

static void
item_free (Item *item)
{
  g_free (item->code);
  g_free (item->name);
  g_clear_pointer (&item->geometry, tally_geometry_unref);
  g_free (item);
}

static void
topology_free (Topology *topology)
{
  g_clear_pointer (&topology->points, g_array_unref);
  g_clear_pointer (&topology->ring_first, g_array_unref);
  g_clear_pointer (&topology->item_first_ring, g_free);
  g_clear_pointer (&topology->arc_points, g_array_unref);
  g_clear_pointer (&topology->arc_first, g_array_unref);
  g_clear_pointer (&topology->arc_uses, g_array_unref);
  g_clear_pointer (&topology->ring_arcs, g_array_unref);
  g_clear_pointer (&topology->ring_first_arc, g_array_unref);
  g_free (topology);
}

static void
level_free (Level *level,
            guint  n_items)
{
  g_clear_pointer (&level->arc_points, g_array_unref);
  g_clear_pointer (&level->arc_first, g_array_unref);
  g_free (level->arc_bounds);
  for (guint i = 0; i < n_items; i++)
    g_clear_pointer (&level->geometries[i], tally_geometry_unref);
  g_free (level->geometries);
  g_free (level);
}

static void
clear_levels (TallyBoundaries *self)
{
  for (guint i = 0; i < TALLY_BOUNDARIES_N_LEVELS; i++)
    if (self->levels[i] != NULL)
      {
        level_free (self->levels[i], self->items->len);
        self->levels[i] = NULL;
      }
  g_clear_pointer (&self->topology, topology_free);
}

/* Vertices, hashed by position */

typedef struct
{
  guint32 vertex;    /* index + 1 into the points; 0 when the slot is free */
  guint32 prev;      /* its neighbours on the first ring seen through it */
  guint32 next;
  guint32 junction;
} VertexSlot;

static inline guint64
mix64 (guint64 value)
{
  value ^= value >> 33;
  value *= G_GUINT64_CONSTANT (0xff51afd7ed558ccd);
  value ^= value >> 33;
  value *= G_GUINT64_CONSTANT (0xc4ceb9fe1a85ec53);
  value ^= value >> 33;
  return value;
}

static inline guint64
hash_point (double x,
            double y)
{
  guint64 bits_x, bits_y;

  /* -0.0 and 0.0 are the same place. */
  x += 0.0;
  y += 0.0;
  memcpy (&bits_x, &x, 8);
  memcpy (&bits_y, &y, 8);
  return mix64 (bits_x ^ mix64 (bits_y));
}

static inline gboolean
same_point (const double *points,
            guint         a,
            guint         b)
{
  return points[2 * a] == points[2 * b] && points[2 * a + 1] == points[2 * b + 1];
}

/* Lexicographic order of two points: x, then y. */
static inline int
compare_points (const double *a,
                const double *b)
{
  if (a[0] != b[0])
    return a[0] < b[0] ? -1 : 1;
  if (a[1] != b[1])
    return a[1] < b[1] ? -1 : 1;
  return 0;
}

static VertexSlot *
find_slot (VertexSlot   *slots,
           guint64       mask,
           const double *points,
           guint         vertex)
{
  guint64 slot = hash_point (points[2 * vertex], points[2 * vertex + 1]) & mask;

  while (slots[slot].vertex != 0 && !same_point (points, slots[slot].vertex - 1, vertex))
    slot = (slot + 1) & mask;

  return &slots[slot];
}

/* Arcs, deduplicated by their canonical first edge, end and length */

typedef struct
{
  double x0, y0, x1, y1, xn, yn;
  guint  n_points;
} ArcKey;

static guint
arc_key_hash (gconstpointer key)
{
  const ArcKey *arc = key;

  return (guint) (hash_point (arc->x0, arc->y0) ^ mix64 (hash_point (arc->x1, arc->y1) + arc->n_points));
}

static gboolean
arc_key_equal (gconstpointer a,
               gconstpointer b)
{
  return memcmp (a, b, sizeof (ArcKey)) == 0;
}

/* Adds the arc @ring_points[start..start+count) (indices taken modulo
 * @ring_length, so an arc may wrap) to the topology and returns its
 * reference: its index, or ~index when the ring runs against the arc's
 * canonical direction. */
static gint32
add_arc (Topology     *topology,
         GHashTable   *arcs,
         const double *ring_points,
         guint         ring_length,
         guint         start,
         guint         count)
{
  g_autofree double *sequence = g_new (double, 2 * count);
  gboolean reversed = FALSE;
  const double *first, *last;
  ArcKey key = { 0 };
  gpointer found;
  guint index;

  for (guint i = 0; i < count; i++)
    {
      guint p = (start + i) % ring_length;

      sequence[2 * i] = ring_points[2 * p];
      sequence[2 * i + 1] = ring_points[2 * p + 1];
    }

  first = sequence;
  last = sequence + 2 * (count - 1);
  if (compare_points (last, first) < 0 ||
      (compare_points (last, first) == 0 && count > 2 && compare_points (last - 2, first + 2) < 0))
    reversed = TRUE;

  if (reversed)
    for (guint i = 0, j = count - 1; i < j; i++, j--)
      {
        double x = sequence[2 * i], y = sequence[2 * i + 1];

        sequence[2 * i] = sequence[2 * j];
        sequence[2 * i + 1] = sequence[2 * j + 1];
        sequence[2 * j] = x;
        sequence[2 * j + 1] = y;
      }

  key.x0 = sequence[0] + 0.0;
  key.y0 = sequence[1] + 0.0;
  key.x1 = sequence[2] + 0.0;
  key.y1 = sequence[3] + 0.0;
  key.xn = sequence[2 * count - 2] + 0.0;
  key.yn = sequence[2 * count - 1] + 0.0;
  key.n_points = count;

  if (g_hash_table_lookup_extended (arcs, &key, NULL, &found))
    {
      index = GPOINTER_TO_UINT (found);
      g_array_index (topology->arc_uses, guint8, index) =
        MIN (g_array_index (topology->arc_uses, guint8, index) + 1, 2);
    }
  else
    {
      guint first_point = topology->arc_points->len / 2;
      guint8 uses = 1;

      index = topology->arc_first->len;
      g_array_append_val (topology->arc_first, first_point);
      g_array_append_vals (topology->arc_points, sequence, 2 * count);
      g_array_append_val (topology->arc_uses, uses);
      g_hash_table_insert (arcs, g_memdup2 (&key, sizeof key), GUINT_TO_POINTER (index));
    }

  return reversed ? ~(gint32) index : (gint32) index;
}

static Topology *
build_topology (TallyBoundaries *self)
{
  Topology *topology = g_new0 (Topology, 1);
  g_autoptr(GHashTable) arcs = g_hash_table_new_full (arc_key_hash, arc_key_equal, g_free, NULL);
  g_autofree VertexSlot *slots = NULL;
  g_autoptr(GArray) junctions = g_array_new (FALSE, FALSE, sizeof (guint));
  const double *points;
  const guint *ring_first;
  guint n_rings, n_points;
  guint64 capacity = 1024;

  topology->points = g_array_new (FALSE, FALSE, sizeof (double));
  topology->ring_first = g_array_new (FALSE, FALSE, sizeof (guint));
  topology->item_first_ring = g_new (guint, self->items->len + 1);
  topology->arc_points = g_array_new (FALSE, FALSE, sizeof (double));
  topology->arc_first = g_array_new (FALSE, FALSE, sizeof (guint));
  topology->arc_uses = g_array_new (FALSE, FALSE, sizeof (guint8));
  topology->ring_arcs = g_array_new (FALSE, FALSE, sizeof (gint32));
  topology->ring_first_arc = g_array_new (FALSE, FALSE, sizeof (guint));

  /* Every ring's points in one array. */
  for (guint i = 0; i < self->items->len; i++)
    {
      Item *item = g_ptr_array_index (self->items, i);

      topology->item_first_ring[i] = topology->ring_first->len;
      for (guint ring = 0; ring < tally_geometry_get_n_rings (item->geometry); ring++)
        {
          guint ring_points, first = topology->points->len / 2;
          const double *data = tally_geometry_get_ring (item->geometry, ring, &ring_points);

          g_array_append_val (topology->ring_first, first);
          g_array_append_vals (topology->points, data, 2 * ring_points);
        }
    }
  topology->item_first_ring[self->items->len] = topology->ring_first->len;
  n_rings = topology->ring_first->len;
  n_points = topology->points->len / 2;
  g_array_append_val (topology->ring_first, n_points);

  points = (const double *) topology->points->data;
  ring_first = (const guint *) topology->ring_first->data;

  /* Junctions: a vertex whose neighbours differ between passes. */
  while (capacity < 2 * (guint64) n_points)
    capacity *= 2;
  slots = g_new0 (VertexSlot, capacity);

  for (guint ring = 0; ring < n_rings; ring++)
    {
      guint first = ring_first[ring], length = ring_first[ring + 1] - first;

      for (guint i = 0; i < length; i++)
        {
          guint vertex = first + i;
          guint prev = first + (i + length - 1) % length;
          guint next = first + (i + 1) % length;
          VertexSlot *slot = find_slot (slots, capacity - 1, points, vertex);

          if (slot->vertex == 0)
            {
              slot->vertex = vertex + 1;
              slot->prev = prev;
              slot->next = next;
            }
          else if (!((same_point (points, prev, slot->prev) && same_point (points, next, slot->next)) ||
                     (same_point (points, prev, slot->next) && same_point (points, next, slot->prev))))
            {
              slot->junction = TRUE;
            }
        }
    }

  /* Rings into arcs. */
  for (guint ring = 0; ring < n_rings; ring++)
    {
      guint first = ring_first[ring], length = ring_first[ring + 1] - first;
      const double *ring_points = points + 2 * first;
      guint arc_start = topology->ring_arcs->len;

      g_array_append_val (topology->ring_first_arc, arc_start);
      g_array_set_size (junctions, 0);
      for (guint i = 0; i < length; i++)
        if (find_slot (slots, capacity - 1, points, first + i)->junction)
          g_array_append_val (junctions, i);

      if (junctions->len == 0)
        {
          /* A ring no one else touches (an island), or shared whole with
           * one other ring (an enclave and its hole): one closed arc from
           * its lowest point, which add_arc() turns towards the lower of
           * that point's neighbours, so both rings agree on it. */
          guint lowest = 0;
          gint32 reference;

          for (guint i = 1; i < length; i++)
            if (compare_points (ring_points + 2 * i, ring_points + 2 * lowest) < 0)
              lowest = i;

          reference = add_arc (topology, arcs, ring_points, length, lowest, length + 1);
          g_array_append_val (topology->ring_arcs, reference);
          continue;
        }

      for (guint j = 0; j < junctions->len; j++)
        {
          guint from = g_array_index (junctions, guint, j);
          guint to = g_array_index (junctions, guint, (j + 1) % junctions->len);
          guint count = (to + length - from) % length + 1;
          gint32 reference;

          if (junctions->len == 1)
            count = length + 1;

          reference = add_arc (topology, arcs, ring_points, length, from, count);
          g_array_append_val (topology->ring_arcs, reference);
        }
    }

  {
    guint total = topology->ring_arcs->len;
    guint total_points = topology->arc_points->len / 2;

    g_array_append_val (topology->ring_first_arc, total);
    g_array_append_val (topology->arc_first, total_points);
  }

  return topology;
}

/* Douglas–Peucker */

static double
segment_distance_squared (const double *p,
                          const double *a,
                          const double *b)
{
  double dx = b[0] - a[0], dy = b[1] - a[1];
  double length_squared = dx * dx + dy * dy;
  double t = 0, px, py;

  if (length_squared > 0)
    t = CLAMP (((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / length_squared, 0, 1);

  px = a[0] + t * dx - p[0];
  py = a[1] + t * dy - p[1];
  return px * px + py * py;
}

static void
simplify_arc (const double *points,
              guint         n_points,
              double        tolerance,
              GArray       *out,
              GArray       *stack,
              guint8       *keep)
{
  double tolerance_squared = tolerance * tolerance;

  memset (keep, 0, n_points);
  keep[0] = keep[n_points - 1] = 1;
  g_array_set_size (stack, 0);

  if (n_points > 2)
    {
      guint range[2] = { 0, n_points - 1 };

      g_array_append_vals (stack, range, 2);
    }

  while (stack->len > 0)
    {
      guint last = g_array_index (stack, guint, stack->len - 1);
      guint first = g_array_index (stack, guint, stack->len - 2);
      double worst = -1;
      guint worst_index = first;

      g_array_set_size (stack, stack->len - 2);
      for (guint i = first + 1; i < last; i++)
        {
          double distance = segment_distance_squared (points + 2 * i, points + 2 * first, points + 2 * last);

          if (distance > worst)
            {
              worst = distance;
              worst_index = i;
            }
        }

      if (worst > tolerance_squared)
        {
          keep[worst_index] = 1;
          if (worst_index - first > 1)
            {
              guint range[2] = { first, worst_index };

              g_array_append_vals (stack, range, 2);
            }
          if (last - worst_index > 1)
            {
              guint range[2] = { worst_index, last };

              g_array_append_vals (stack, range, 2);
            }
        }
    }

  for (guint i = 0; i < n_points; i++)
    if (keep[i])
      g_array_append_vals (out, points + 2 * i, 2);
}

static Level *
build_level (TallyBoundaries *self,
             guint            level_index)
{
  Topology *topology = self->topology;
  Level *level = g_new0 (Level, 1);
  double tolerance = tally_boundaries_level_get_tolerance (level_index);
  guint n_arcs = topology->arc_first->len - 1;
  const guint *arc_first = (const guint *) topology->arc_first->data;
  const double *arc_points = (const double *) topology->arc_points->data;
  g_autoptr(GArray) stack = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autofree guint8 *keep = NULL;
  guint longest = 0;

  level->arc_points = g_array_new (FALSE, FALSE, sizeof (double));
  level->arc_first = g_array_sized_new (FALSE, FALSE, sizeof (guint), n_arcs + 1);
  level->geometries = g_new0 (TallyGeometry *, self->items->len);

  for (guint arc = 0; arc < n_arcs; arc++)
    longest = MAX (longest, arc_first[arc + 1] - arc_first[arc]);
  keep = g_malloc (MAX (longest, 1));

  for (guint arc = 0; arc < n_arcs; arc++)
    {
      guint first = level->arc_points->len / 2;

      g_array_append_val (level->arc_first, first);
      if (tolerance <= 0)
        g_array_append_vals (level->arc_points, arc_points + 2 * arc_first[arc],
                             2 * (arc_first[arc + 1] - arc_first[arc]));
      else
        simplify_arc (arc_points + 2 * arc_first[arc], arc_first[arc + 1] - arc_first[arc],
                      tolerance, level->arc_points, stack, keep);
    }
  {
    guint total = level->arc_points->len / 2;

    g_array_append_val (level->arc_first, total);
  }

  /* Bounds, so a frame can skip the borders it does not show. */
  level->arc_bounds = g_new (double, 4 * (gsize) n_arcs);
  for (guint arc = 0; arc < n_arcs; arc++)
    {
      guint from = g_array_index (level->arc_first, guint, arc), to = g_array_index (level->arc_first, guint, arc + 1);
      const double *points = (const double *) level->arc_points->data;
      double *bounds = level->arc_bounds + 4 * arc;

      bounds[0] = bounds[1] = INFINITY;
      bounds[2] = bounds[3] = -INFINITY;
      for (guint p = from; p < to; p++)
        {
          bounds[0] = MIN (bounds[0], points[2 * p]);
          bounds[1] = MIN (bounds[1], points[2 * p + 1]);
          bounds[2] = MAX (bounds[2], points[2 * p]);
          bounds[3] = MAX (bounds[3], points[2 * p + 1]);
        }
    }

  /* The councils again, from the simplified arcs. */
  for (guint i = 0; i < self->items->len; i++)
    {
      Item *item = g_ptr_array_index (self->items, i);
      TallyGeometryBuilder *builder = tally_geometry_builder_new ();
      const guint *simple_first = (const guint *) level->arc_first->data;
      const double *simple_points = (const double *) level->arc_points->data;
      guint item_ring = topology->item_first_ring[i];

      for (guint polygon = 0; polygon < tally_geometry_get_n_polygons (item->geometry); polygon++)
        {
          guint first_ring, n_rings = tally_geometry_get_polygon_rings (item->geometry, polygon, &first_ring);

          tally_geometry_builder_begin_polygon (builder);
          for (guint ring = first_ring; ring < first_ring + n_rings; ring++)
            {
              guint global_ring = item_ring + ring;
              guint from = g_array_index (topology->ring_first_arc, guint, global_ring);
              guint to = g_array_index (topology->ring_first_arc, guint, global_ring + 1);

              tally_geometry_builder_begin_ring (builder);
              for (guint a = from; a < to; a++)
                {
                  gint32 reference = g_array_index (topology->ring_arcs, gint32, a);
                  guint arc = reference >= 0 ? (guint) reference : (guint) ~reference;
                  guint start = simple_first[arc], end = simple_first[arc + 1];

                  /* The builder drops the point an arc shares with the last. */
                  if (reference >= 0)
                    for (guint p = start; p < end; p++)
                      tally_geometry_builder_add_point (builder, simple_points[2 * p], simple_points[2 * p + 1]);
                  else
                    for (guint p = end; p > start; p--)
                      tally_geometry_builder_add_point (builder, simple_points[2 * (p - 1)],
                                                        simple_points[2 * (p - 1) + 1]);
                }
            }
        }

      level->geometries[i] = tally_geometry_builder_end (builder);
      /* Too small to survive the tolerance: draw it as it is. */
      if (level->geometries[i] == NULL)
        level->geometries[i] = tally_geometry_ref (item->geometry);
    }

  return level;
}

/* Once made, a level never changes: what it hands out stays valid for the
 * life of the boundaries, whichever thread asks. */
static Level *
ensure_level (TallyBoundaries *self,
              guint            level)
{
  Level *found;

  g_mutex_lock (&self->lock);
  if (self->levels[level] == NULL)
    {
      if (self->topology == NULL)
        self->topology = build_topology (self);
      self->levels[level] = build_level (self, level);
    }
  found = self->levels[level];
  g_mutex_unlock (&self->lock);

  return found;
}

static void
tally_boundaries_finalize (GObject *object)
{
  TallyBoundaries *self = TALLY_BOUNDARIES (object);

  clear_levels (self);
  g_clear_pointer (&self->by_code, g_hash_table_unref);
  g_clear_pointer (&self->items, g_ptr_array_unref);
  g_mutex_clear (&self->lock);

  G_OBJECT_CLASS (tally_boundaries_parent_class)->finalize (object);
}

static void
tally_boundaries_class_init (TallyBoundariesClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = tally_boundaries_finalize;
}

static void
tally_boundaries_init (TallyBoundaries *self)
{
  g_mutex_init (&self->lock);
  self->items = g_ptr_array_new_with_free_func ((GDestroyNotify) item_free);
  self->by_code = g_hash_table_new (g_str_hash, g_str_equal);
  self->bounds[0] = self->bounds[1] = INFINITY;
  self->bounds[2] = self->bounds[3] = -INFINITY;
}

TallyBoundaries *
tally_boundaries_new (void)
{
  return g_object_new (TALLY_TYPE_BOUNDARIES, NULL);
}

/**
 * tally_boundaries_add:
 * @code: the council's code
 * @name: (nullable): its name
 *
 * Adds a council's shape; a second shape for the same code joins the first.
 * Shapes are added before the boundaries are drawn or shared with
 * another thread.
 */
void
tally_boundaries_add (TallyBoundaries *self,
                      const char      *code,
                      const char      *name,
                      TallyGeometry   *geometry)
{
  gpointer existing;
  Item *item;

  g_return_if_fail (TALLY_IS_BOUNDARIES (self));
  g_return_if_fail (code != NULL);
  g_return_if_fail (geometry != NULL);

  clear_levels (self);

  if ((existing = g_hash_table_lookup (self->by_code, code)) != NULL)
    {
      TallyGeometry *merged;

      item = g_ptr_array_index (self->items, GPOINTER_TO_UINT (existing) - 1);
      merged = _tally_geometry_merge (item->geometry, geometry);
      tally_geometry_unref (item->geometry);
      item->geometry = merged;
    }
  else
    {
      item = g_new0 (Item, 1);
      item->code = g_strdup (code);
      item->name = g_strdup (name);
      item->geometry = tally_geometry_ref (geometry);
      g_ptr_array_add (self->items, item);
      g_hash_table_insert (self->by_code, item->code, GUINT_TO_POINTER (self->items->len));
    }

  tally_geometry_get_bounds (item->geometry, &item->bounds[0], &item->bounds[1], &item->bounds[2], &item->bounds[3]);
  self->bounds[0] = MIN (self->bounds[0], item->bounds[0]);
  self->bounds[1] = MIN (self->bounds[1], item->bounds[1]);
  self->bounds[2] = MAX (self->bounds[2], item->bounds[2]);
  self->bounds[3] = MAX (self->bounds[3], item->bounds[3]);
}

/**
 * tally_boundaries_new_from_file:
 *
 * The features of @file that have a code, without a database: for tests,
 * benchmarks and previews.
 *
 * Returns: (transfer full): the boundaries
 */
TallyBoundaries *
tally_boundaries_new_from_file (TallyGeoFile *file)
{
  TallyBoundaries *self = tally_boundaries_new ();

  g_return_val_if_fail (file != NULL, self);

  for (guint i = 0; i < file->features->len; i++)
    {
      TallyGeoFeature *feature = g_ptr_array_index (file->features, i);

      if (feature->code != NULL)
        tally_boundaries_add (self, feature->code, feature->name, feature->geometry);
    }

  return self;
}

guint
tally_boundaries_get_n_items (TallyBoundaries *self)
{
  g_return_val_if_fail (TALLY_IS_BOUNDARIES (self), 0);

  return self->items->len;
}

const char *
tally_boundaries_get_code (TallyBoundaries *self,
                           guint            index)
{
  g_return_val_if_fail (TALLY_IS_BOUNDARIES (self), NULL);
  g_return_val_if_fail (index < self->items->len, NULL);

  return ((Item *) g_ptr_array_index (self->items, index))->code;
}

const char *
tally_boundaries_get_name (TallyBoundaries *self,
                           guint            index)
{
  g_return_val_if_fail (TALLY_IS_BOUNDARIES (self), NULL);
  g_return_val_if_fail (index < self->items->len, NULL);

  return ((Item *) g_ptr_array_index (self->items, index))->name;
}

/**
 * tally_boundaries_get_geometry:
 *
 * Returns: (transfer none): the council's shape as imported
 */
TallyGeometry *
tally_boundaries_get_geometry (TallyBoundaries *self,
                               guint            index)
{
  g_return_val_if_fail (TALLY_IS_BOUNDARIES (self), NULL);
  g_return_val_if_fail (index < self->items->len, NULL);

  return ((Item *) g_ptr_array_index (self->items, index))->geometry;
}

/**
 * tally_boundaries_lookup:
 *
 * Returns: the index of the council with @code, or -1
 */
int
tally_boundaries_lookup (TallyBoundaries *self,
                         const char      *code)
{
  g_return_val_if_fail (TALLY_IS_BOUNDARIES (self), -1);

  if (code == NULL)
    return -1;

  return (int) GPOINTER_TO_UINT (g_hash_table_lookup (self->by_code, code)) - 1;
}

/**
 * tally_boundaries_hit_test:
 * @x: easting in metres
 * @y: northing in metres
 *
 * Returns: the index of the council whose shape holds the point (even-odd
 *   rule), or -1
 */
int
tally_boundaries_hit_test (TallyBoundaries *self,
                           double           x,
                           double           y)
{
  g_return_val_if_fail (TALLY_IS_BOUNDARIES (self), -1);

  for (guint i = 0; i < self->items->len; i++)
    {
      Item *item = g_ptr_array_index (self->items, i);

      if (x >= item->bounds[0] && x <= item->bounds[2] && y >= item->bounds[1] && y <= item->bounds[3] &&
          tally_geometry_contains (item->geometry, x, y))
        return (int) i;
    }

  return -1;
}

/**
 * tally_boundaries_get_bounds:
 *
 * Returns: %FALSE when there are no boundaries
 */
gboolean
tally_boundaries_get_bounds (TallyBoundaries *self,
                             double          *min_x,
                             double          *min_y,
                             double          *max_x,
                             double          *max_y)
{
  g_return_val_if_fail (TALLY_IS_BOUNDARIES (self), FALSE);

  if (self->items->len == 0)
    return FALSE;

  if (min_x) *min_x = self->bounds[0];
  if (min_y) *min_y = self->bounds[1];
  if (max_x) *max_x = self->bounds[2];
  if (max_y) *max_y = self->bounds[3];
  return TRUE;
}

/**
 * tally_boundaries_level_get_tolerance:
 *
 * Returns: how far, in metres, a simplified border may stray at @level
 */
double
tally_boundaries_level_get_tolerance (guint level)
{
  g_return_val_if_fail (level < TALLY_BOUNDARIES_N_LEVELS, 0);

  return level == 0 ? 0 : 5.0 * (1u << (level - 1));
}

/**
 * tally_boundaries_level_for_scale:
 * @pixels_per_metre: the drawing scale
 *
 * Returns: the coarsest level whose borders stray at most half a pixel,
 *   which no eye can tell from the full detail
 */
guint
tally_boundaries_level_for_scale (double pixels_per_metre)
{
  double allowed;
  guint level = 0;

  g_return_val_if_fail (pixels_per_metre > 0, 0);

  allowed = 0.5 / pixels_per_metre;
  while (level + 1 < TALLY_BOUNDARIES_N_LEVELS && tally_boundaries_level_get_tolerance (level + 1) <= allowed)
    level++;

  return level;
}

/**
 * tally_boundaries_prepare_level:
 *
 * Simplifies the boundaries for @level now rather than at first use: a
 * loader thread can call it before handing the boundaries to a view.
 */
void
tally_boundaries_prepare_level (TallyBoundaries *self,
                                guint            level)
{
  g_return_if_fail (TALLY_IS_BOUNDARIES (self));
  g_return_if_fail (level < TALLY_BOUNDARIES_N_LEVELS);

  ensure_level (self, level);
}

/**
 * tally_boundaries_get_simplified:
 *
 * The council's shape at @level, made at the first call and kept.
 *
 * Returns: (transfer none): its shape
 */
TallyGeometry *
tally_boundaries_get_simplified (TallyBoundaries *self,
                                 guint            index,
                                 guint            level)
{
  g_return_val_if_fail (TALLY_IS_BOUNDARIES (self), NULL);
  g_return_val_if_fail (index < self->items->len, NULL);
  g_return_val_if_fail (level < TALLY_BOUNDARIES_N_LEVELS, NULL);

  if (level == 0)
    return tally_boundaries_get_geometry (self, index);

  return ensure_level (self, level)->geometries[index];
}

/**
 * tally_boundaries_get_n_borders:
 *
 * Returns: how many borders (arcs of the topology) there are; each line
 *   between two councils, and each stretch of coast, is one border
 */
guint
tally_boundaries_get_n_borders (TallyBoundaries *self,
                                guint            level)
{
  g_return_val_if_fail (TALLY_IS_BOUNDARIES (self), 0);
  g_return_val_if_fail (level < TALLY_BOUNDARIES_N_LEVELS, 0);

  if (self->items->len == 0)
    return 0;

  return ensure_level (self, level)->arc_first->len - 1;
}

/**
 * tally_boundaries_get_border:
 * @n_points: (out): how many points
 * @shared: (out) (optional): whether two councils share it (else it is coast)
 *
 * Returns: (array): the border's points, x, y pairs
 */
const double *
tally_boundaries_get_border (TallyBoundaries *self,
                             guint            level,
                             guint            border,
                             guint           *n_points,
                             gboolean        *shared)
{
  Level *data;
  guint first;

  g_return_val_if_fail (TALLY_IS_BOUNDARIES (self), NULL);
  g_return_val_if_fail (n_points != NULL, NULL);

  data = ensure_level (self, level);
  g_return_val_if_fail (border + 1 < data->arc_first->len, NULL);

  first = g_array_index (data->arc_first, guint, border);
  *n_points = g_array_index (data->arc_first, guint, border + 1) - first;
  if (shared != NULL)
    *shared = g_array_index (self->topology->arc_uses, guint8, border) > 1;

  return (const double *) data->arc_points->data + 2 * first;
}

/**
 * tally_boundaries_get_border_bounds:
 * @bounds: (out) (array fixed-size=4): min x, min y, max x, max y
 */
void
tally_boundaries_get_border_bounds (TallyBoundaries *self,
                                    guint            level,
                                    guint            border,
                                    double          *bounds)
{
  Level *data;

  g_return_if_fail (TALLY_IS_BOUNDARIES (self));
  g_return_if_fail (bounds != NULL);

  data = ensure_level (self, level);
  g_return_if_fail (border + 1 < data->arc_first->len);

  memcpy (bounds, data->arc_bounds + 4 * border, 4 * sizeof (double));
}

/**
 * tally_boundaries_get_item_bounds:
 * @bounds: (out) (array fixed-size=4): min x, min y, max x, max y
 */
void
tally_boundaries_get_item_bounds (TallyBoundaries *self,
                                  guint            index,
                                  double          *bounds)
{
  Item *item;

  g_return_if_fail (TALLY_IS_BOUNDARIES (self));
  g_return_if_fail (index < self->items->len);
  g_return_if_fail (bounds != NULL);

  item = g_ptr_array_index (self->items, index);
  memcpy (bounds, item->bounds, 4 * sizeof (double));
}

/**
 * tally_boundaries_load:
 *
 * The boundaries stored in @database, by council code.  A database with
 * none gives an empty set.
 *
 * Returns: (transfer full) (nullable): the boundaries
 */
TallyBoundaries *
tally_boundaries_load (TallyDatabase  *database,
                       GError        **error)
{
  g_autoptr(TallyBoundaries) self = tally_boundaries_new ();
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (TALLY_IS_DATABASE (database), NULL);

  stmt = _tally_database_prepare (database,
                                  "SELECT c.code, c.name, b.geometry FROM boundaries b "
                                  "JOIN councils c ON c.id = b.council_id ORDER BY c.code",
                                  error);
  if (stmt == NULL)
    return NULL;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr(GBytes) bytes = NULL;
      g_autoptr(TallyGeometry) geometry = NULL;
      g_autoptr(GError) local_error = NULL;
      const char *code = (const char *) sqlite3_column_text (stmt, 0);

      bytes = g_bytes_new (sqlite3_column_blob (stmt, 2), sqlite3_column_bytes (stmt, 2));
      if (!(geometry = tally_geometry_unpack (bytes, &local_error)))
        {
          g_set_error (error, TALLY_GEO_ERROR, TALLY_GEO_ERROR_FORMAT,
                       _("The boundary of %s: %s"), code, local_error->message);
          return NULL;
        }

      tally_boundaries_add (self, code, (const char *) sqlite3_column_text (stmt, 1), geometry);
    }

  if (rc != SQLITE_DONE)
    {
      _tally_database_set_error (database, error, _("reading boundaries"));
      return NULL;
    }

  return g_steal_pointer (&self);
}

void
tally_boundary_import_free (TallyBoundaryImport *report)
{
  if (report == NULL)
    return;

  g_free (report->path);
  g_free (report->object_name);
  g_free (report->code_property);
  g_clear_pointer (&report->unmatched, g_ptr_array_unref);
  g_clear_pointer (&report->missing, g_ptr_array_unref);
  g_free (report);
}

typedef struct
{
  gint64  id;
  char   *name;
} KnownCouncil;

static void
known_council_free (KnownCouncil *council)
{
  g_free (council->name);
  g_free (council);
}

/**
 * tally_boundaries_import_file:
 * @database: a writable database
 * @path: a GeoJSON or TopoJSON file, in WGS84 or British National Grid
 *
 * Reads @path, matches its features to the database's councils by ONS code
 * and stores their shapes, replacing any the councils had, in one
 * transaction: a file that fails changes nothing.
 *
 * Returns: (transfer full) (nullable): what was stored and what was not
 */
TallyBoundaryImport *
tally_boundaries_import_file (TallyDatabase  *database,
                              const char     *path,
                              GCancellable   *cancellable,
                              GError        **error)
{
  g_autoptr(TallyBoundaryImport) report = NULL;
  g_autoptr(GHashTable) known = NULL;
  g_autoptr(GHashTable) merged = NULL;
  g_autoptr(TallyGeoFile) file = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GPtrArray) codes = NULL;
  g_autofree char *display_name = NULL;
  g_autofree char *source = NULL;
  int rc;

  g_return_val_if_fail (TALLY_IS_DATABASE (database), NULL);
  g_return_val_if_fail (path != NULL, NULL);

  display_name = g_filename_display_name (path);
  if (tally_database_get_read_only (database))
    {
      g_autofree char *database_name = g_filename_display_name (tally_database_get_path (database));

      g_set_error (error, TALLY_DATABASE_ERROR, TALLY_DATABASE_ERROR_OPEN,
                   _("Cannot import “%s”: the database “%s” is read-only"), display_name, database_name);
      return NULL;
    }

  known = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) known_council_free);
  stmt = _tally_database_prepare (database, "SELECT id, code, name FROM councils", error);
  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      KnownCouncil *council = g_new0 (KnownCouncil, 1);

      council->id = sqlite3_column_int64 (stmt, 0);
      council->name = g_strdup ((const char *) sqlite3_column_text (stmt, 2));
      g_hash_table_insert (known, g_strdup ((const char *) sqlite3_column_text (stmt, 1)), council);
    }
  if (rc != SQLITE_DONE)
    {
      _tally_database_set_error (database, error, _("reading councils"));
      return NULL;
    }
  g_clear_pointer (&stmt, sqlite3_finalize);

  if (!(file = tally_geo_file_load (path, known, cancellable, error)))
    return NULL;

  report = g_new0 (TallyBoundaryImport, 1);
  report->path = g_strdup (display_name);
  report->format = file->format;
  report->crs = file->crs;
  report->object_name = g_strdup (file->object_name);
  report->code_property = g_strdup (file->code_property);
  report->n_features = file->features->len;
  report->unmatched = g_ptr_array_new_with_free_func (g_free);
  report->missing = g_ptr_array_new_with_free_func (g_free);

  if (file->code_property == NULL)
    {
      g_set_error (error, TALLY_GEO_ERROR, TALLY_GEO_ERROR_NO_MATCH,
                   _("“%s”: no property of its %u features holds ONS council codes such as E06000001"),
                   display_name, file->features->len);
      return NULL;
    }

  /* A council in several features (islands listed apart) is one shape. */
  merged = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, (GDestroyNotify) tally_geometry_unref);
  codes = g_ptr_array_new ();
  for (guint i = 0; i < file->features->len; i++)
    {
      TallyGeoFeature *feature = g_ptr_array_index (file->features, i);
      TallyGeometry *existing;

      if (feature->code == NULL || !g_hash_table_contains (known, feature->code))
        {
          g_ptr_array_add (report->unmatched,
                           g_strdup_printf ("%s %s", feature->code ? feature->code : _("(no code)"),
                                            feature->name ? feature->name : ""));
          continue;
        }

      if ((existing = g_hash_table_lookup (merged, feature->code)) != NULL)
        g_hash_table_insert (merged, feature->code, _tally_geometry_merge (existing, feature->geometry));
      else
        {
          g_hash_table_insert (merged, feature->code, tally_geometry_ref (feature->geometry));
          g_ptr_array_add (codes, feature->code);
        }
    }

  if (codes->len == 0)
    {
      g_set_error (error, TALLY_GEO_ERROR, TALLY_GEO_ERROR_NO_MATCH,
                   _("“%s”: none of its %u features is a council this database knows (codes read from “%s”)"),
                   display_name, file->features->len, file->code_property);
      return NULL;
    }

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return NULL;

  source = g_path_get_basename (path);
  if (!_tally_database_begin (database, error))
    return NULL;

  stmt = _tally_database_prepare (database,
                                  "INSERT OR REPLACE INTO boundaries (council_id, source, geometry) VALUES (?, ?, ?)",
                                  error);
  if (stmt == NULL)
    {
      _tally_database_rollback (database);
      return NULL;
    }

  for (guint i = 0; i < codes->len; i++)
    {
      const char *code = g_ptr_array_index (codes, i);
      KnownCouncil *council = g_hash_table_lookup (known, code);
      g_autoptr(GBytes) packed = tally_geometry_pack (g_hash_table_lookup (merged, code));
      gsize size;
      gconstpointer data = g_bytes_get_data (packed, &size);

      sqlite3_reset (stmt);
      sqlite3_bind_int64 (stmt, 1, council->id);
      sqlite3_bind_text (stmt, 2, source, -1, SQLITE_STATIC);
      sqlite3_bind_blob64 (stmt, 3, data, size, SQLITE_STATIC);
      if (sqlite3_step (stmt) != SQLITE_DONE)
        {
          _tally_database_set_error (database, error, _("storing a boundary"));
          g_clear_pointer (&stmt, sqlite3_finalize);
          _tally_database_rollback (database);
          return NULL;
        }
    }
  g_clear_pointer (&stmt, sqlite3_finalize);

  if (g_cancellable_set_error_if_cancelled (cancellable, error) ||
      !_tally_database_commit (database, error))
    {
      _tally_database_rollback (database);
      return NULL;
    }

  report->n_stored = codes->len;

  /* Councils left without a shape, in code order. */
  {
    g_autoptr(GList) known_codes = g_list_sort (g_hash_table_get_keys (known), (GCompareFunc) g_strcmp0);

    for (GList *l = known_codes; l != NULL; l = l->next)
      if (!g_hash_table_contains (merged, l->data))
        {
          KnownCouncil *council = g_hash_table_lookup (known, l->data);

          g_ptr_array_add (report->missing, g_strdup_printf ("%s %s", (char *) l->data, council->name));
        }
  }

  return g_steal_pointer (&report);
}
