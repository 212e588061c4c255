/* tally-boundaries.c: council boundaries, ready to draw and to hit-test.
 *
 * The object: the councils' shapes as imported, by code, their bounds,
 * hit-testing (on the shapes as imported), and the simplified copy each
 * zoom level draws, made on first use from any thread and kept.  How those
 * copies are made is in tally-boundaries-topology.c; reading and storing
 * boundaries in a database in tally-boundaries-store.c.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include "tally-boundaries-private.h"
#include "tally-geo-private.h"

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
clear_levels (TallyBoundaries *self)
{
  for (guint i = 0; i < TALLY_BOUNDARIES_N_LEVELS; i++)
    if (self->levels[i] != NULL)
      {
        _tally_boundaries_level_free (self->levels[i], self->items->len);
        self->levels[i] = NULL;
      }
  g_clear_pointer (&self->topology, _tally_boundaries_topology_free);
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
        self->topology = _tally_boundaries_build_topology (self);
      self->levels[level] = _tally_boundaries_build_level (self, level);
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
