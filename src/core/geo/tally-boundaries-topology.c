/* tally-boundaries-topology.c: the simplified boundaries of each zoom level.
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

#include <math.h>
#include <string.h>

#include "tally-boundaries-private.h"
#include "tally-geo-private.h"

void
_tally_boundaries_topology_free (Topology *topology)
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

void
_tally_boundaries_level_free (Level *level,
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

Topology *
_tally_boundaries_build_topology (TallyBoundaries *self)
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

Level *
_tally_boundaries_build_level (TallyBoundaries *self,
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
