/* tally-geo.c: council shapes in British National Grid metres.
 *
 * A TallyGeometry is immutable once built, so views, the hit-tester and the
 * level-of-detail cache share one copy by reference.  The database keeps it
 * as a packed blob (see tally_geometry_pack() for the layout), so loading a
 * map is a read of a few megabytes, not a parse of JSON.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "tally-geo-private.h"

struct _TallyGeometry
{
  gatomicrefcount  ref_count;
  guint            n_polygons;
  guint            n_rings;
  guint            n_points;
  guint           *polygon_first_ring;  /* n_polygons + 1 */
  guint           *ring_first_point;    /* n_rings + 1 */
  double          *points;              /* 2 × n_points */
  double           bounds[4];
};

struct _TallyGeometryBuilder
{
  GArray *polygon_first_ring;  /* guint */
  GArray *ring_first_point;    /* guint */
  GArray *points;              /* double */
  gboolean ring_open;
  gboolean skip_polygon;       /* its outline was too short: drop its holes too */
};

G_DEFINE_BOXED_TYPE (TallyGeometry, tally_geometry, tally_geometry_ref, tally_geometry_unref)

G_DEFINE_QUARK (tally-geo-error-quark, tally_geo_error)

/* The packed form: "TGEO", a version byte, three zero bytes, then
 * little-endian u32 n_polygons, n_rings, n_points, u32 rings per polygon
 * (n_polygons of them), u32 points per ring (n_rings), and f64 x, y per
 * point. */
#define PACK_MAGIC   "TGEO"
#define PACK_VERSION 1
#define PACK_HEADER  20

const char *
tally_geo_crs_to_string (TallyGeoCrs crs)
{
  switch (crs)
    {
    case TALLY_GEO_CRS_WGS84:
      return "WGS84";
    case TALLY_GEO_CRS_BNG:
      return "British National Grid";
    case TALLY_GEO_CRS_UNKNOWN:
    default:
      return "unknown";
    }
}

const char *
tally_geo_format_to_string (TallyGeoFormat format)
{
  return format == TALLY_GEO_FORMAT_TOPOJSON ? "TopoJSON" : "GeoJSON";
}

static double
ring_signed_area (const double *points,
                  guint         n_points,
                  double       *centroid_x,
                  double       *centroid_y)
{
  double area = 0, cx = 0, cy = 0;
  /* Relative to the first point, so BNG's large numbers keep their precision. */
  double ox = points[0], oy = points[1];

  for (guint i = 0, j = n_points - 1; i < n_points; j = i++)
    {
      double xj = points[2 * j] - ox, yj = points[2 * j + 1] - oy;
      double xi = points[2 * i] - ox, yi = points[2 * i + 1] - oy;
      double cross = xj * yi - xi * yj;

      area += cross;
      cx += (xj + xi) * cross;
      cy += (yj + yi) * cross;
    }

  area /= 2;
  if (centroid_x != NULL && area != 0)
    {
      *centroid_x = ox + cx / (6 * area);
      *centroid_y = oy + cy / (6 * area);
    }
  else if (centroid_x != NULL)
    {
      *centroid_x = ox;
      *centroid_y = oy;
    }

  return area;
}

TallyGeometry *
tally_geometry_ref (TallyGeometry *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

void
tally_geometry_unref (TallyGeometry *self)
{
  g_return_if_fail (self != NULL);

  if (!g_atomic_ref_count_dec (&self->ref_count))
    return;

  g_free (self->polygon_first_ring);
  g_free (self->ring_first_point);
  g_free (self->points);
  g_free (self);
}

guint
tally_geometry_get_n_polygons (TallyGeometry *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->n_polygons;
}

/**
 * tally_geometry_get_polygon_rings:
 * @first_ring: (out) (optional): the index of its outline
 *
 * Returns: how many rings @polygon has: its outline, then its holes
 */
guint
tally_geometry_get_polygon_rings (TallyGeometry *self,
                                  guint          polygon,
                                  guint         *first_ring)
{
  g_return_val_if_fail (self != NULL, 0);
  g_return_val_if_fail (polygon < self->n_polygons, 0);

  if (first_ring != NULL)
    *first_ring = self->polygon_first_ring[polygon];

  return self->polygon_first_ring[polygon + 1] - self->polygon_first_ring[polygon];
}

guint
tally_geometry_get_n_rings (TallyGeometry *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->n_rings;
}

/**
 * tally_geometry_get_ring:
 * @n_points: (out): how many points
 *
 * Returns: (array): the ring's points as x, y pairs, not closed
 */
const double *
tally_geometry_get_ring (TallyGeometry *self,
                         guint          ring,
                         guint         *n_points)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (ring < self->n_rings, NULL);
  g_return_val_if_fail (n_points != NULL, NULL);

  *n_points = self->ring_first_point[ring + 1] - self->ring_first_point[ring];
  return self->points + 2 * self->ring_first_point[ring];
}

guint
tally_geometry_get_n_points (TallyGeometry *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->n_points;
}

void
tally_geometry_get_bounds (TallyGeometry *self,
                           double        *min_x,
                           double        *min_y,
                           double        *max_x,
                           double        *max_y)
{
  g_return_if_fail (self != NULL);

  if (min_x) *min_x = self->bounds[0];
  if (min_y) *min_y = self->bounds[1];
  if (max_x) *max_x = self->bounds[2];
  if (max_y) *max_y = self->bounds[3];
}

/**
 * tally_geometry_contains:
 *
 * Whether (@x, @y) lies inside, by the even-odd rule over every ring: a
 * point in a hole is outside, a point on an island in a hole is inside.
 */
gboolean
tally_geometry_contains (TallyGeometry *self,
                         double         x,
                         double         y)
{
  gboolean inside = FALSE;

  g_return_val_if_fail (self != NULL, FALSE);

  if (x < self->bounds[0] || x > self->bounds[2] || y < self->bounds[1] || y > self->bounds[3])
    return FALSE;

  for (guint ring = 0; ring < self->n_rings; ring++)
    {
      const double *points = self->points + 2 * self->ring_first_point[ring];
      guint n_points = self->ring_first_point[ring + 1] - self->ring_first_point[ring];

      for (guint i = 0, j = n_points - 1; i < n_points; j = i++)
        {
          double xi = points[2 * i], yi = points[2 * i + 1];
          double xj = points[2 * j], yj = points[2 * j + 1];

          if ((yi > y) != (yj > y) && x < (xj - xi) * (y - yi) / (yj - yi) + xi)
            inside = !inside;
        }
    }

  return inside;
}

/**
 * tally_geometry_get_area:
 *
 * Returns: the area in square metres: outlines less holes
 */
double
tally_geometry_get_area (TallyGeometry *self)
{
  double area = 0;

  g_return_val_if_fail (self != NULL, 0);

  for (guint polygon = 0; polygon < self->n_polygons; polygon++)
    for (guint ring = self->polygon_first_ring[polygon]; ring < self->polygon_first_ring[polygon + 1]; ring++)
      {
        double ring_area = fabs (ring_signed_area (self->points + 2 * self->ring_first_point[ring],
                                                   self->ring_first_point[ring + 1] - self->ring_first_point[ring],
                                                   NULL, NULL));

        area += ring == self->polygon_first_ring[polygon] ? ring_area : -ring_area;
      }

  return area;
}

/**
 * tally_geometry_get_centroid:
 *
 * The centre of area: outlines count positively and holes negatively.
 *
 * Returns: %FALSE when the shape has no area
 */
gboolean
tally_geometry_get_centroid (TallyGeometry *self,
                             double        *x,
                             double        *y)
{
  double area = 0, sum_x = 0, sum_y = 0;

  g_return_val_if_fail (self != NULL, FALSE);

  for (guint polygon = 0; polygon < self->n_polygons; polygon++)
    for (guint ring = self->polygon_first_ring[polygon]; ring < self->polygon_first_ring[polygon + 1]; ring++)
      {
        double cx, cy;
        double ring_area = fabs (ring_signed_area (self->points + 2 * self->ring_first_point[ring],
                                                   self->ring_first_point[ring + 1] - self->ring_first_point[ring],
                                                   &cx, &cy));

        if (ring != self->polygon_first_ring[polygon])
          ring_area = -ring_area;

        area += ring_area;
        sum_x += ring_area * cx;
        sum_y += ring_area * cy;
      }

  if (area <= 0)
    return FALSE;

  *x = sum_x / area;
  *y = sum_y / area;
  return TRUE;
}

static void
put_u32 (guint8 *data,
         guint32 value)
{
  value = GUINT32_TO_LE (value);
  memcpy (data, &value, 4);
}

static guint32
get_u32 (const guint8 *data)
{
  guint32 value;

  memcpy (&value, data, 4);
  return GUINT32_FROM_LE (value);
}

static void
put_f64 (guint8 *data,
         double  value)
{
  guint64 bits;

  memcpy (&bits, &value, 8);
  bits = GUINT64_TO_LE (bits);
  memcpy (data, &bits, 8);
}

static double
get_f64 (const guint8 *data)
{
  guint64 bits;
  double value;

  memcpy (&bits, data, 8);
  bits = GUINT64_FROM_LE (bits);
  memcpy (&value, &bits, 8);
  return value;
}

/**
 * tally_geometry_pack:
 *
 * The form the `boundaries` table stores.  All numbers little-endian:
 *
 * | bytes | what |
 * |---|---|
 * | 4 | "TGEO" |
 * | 1 + 3 | format version (1), then three zero bytes |
 * | 3 × u32 | number of polygons, rings and points |
 * | u32 per polygon | how many rings it has (its outline first, then holes) |
 * | u32 per ring | how many points it has (at least 3; not closed) |
 * | 2 × f64 per point | easting, northing in metres (EPSG:27700) |
 *
 * Returns: (transfer full): the packed geometry
 */
GBytes *
tally_geometry_pack (TallyGeometry *self)
{
  gsize size;
  guint8 *data, *cursor;

  g_return_val_if_fail (self != NULL, NULL);

  size = PACK_HEADER + 4 * (gsize) self->n_polygons + 4 * (gsize) self->n_rings + 16 * (gsize) self->n_points;
  data = g_malloc0 (size);
  memcpy (data, PACK_MAGIC, 4);
  data[4] = PACK_VERSION;
  put_u32 (data + 8, self->n_polygons);
  put_u32 (data + 12, self->n_rings);
  put_u32 (data + 16, self->n_points);

  cursor = data + PACK_HEADER;
  for (guint i = 0; i < self->n_polygons; i++, cursor += 4)
    put_u32 (cursor, self->polygon_first_ring[i + 1] - self->polygon_first_ring[i]);
  for (guint i = 0; i < self->n_rings; i++, cursor += 4)
    put_u32 (cursor, self->ring_first_point[i + 1] - self->ring_first_point[i]);
  for (guint i = 0; i < 2 * self->n_points; i++, cursor += 8)
    put_f64 (cursor, self->points[i]);

  g_assert (cursor == data + size);
  return g_bytes_new_take (data, size);
}

static gboolean
unpack_failed (GError     **error,
               const char  *why)
{
  g_set_error (error, TALLY_GEO_ERROR, TALLY_GEO_ERROR_FORMAT,
               _("A stored boundary is damaged: %s"), why);
  return FALSE;
}

static void
compute_bounds (TallyGeometry *self)
{
  self->bounds[0] = self->bounds[1] = INFINITY;
  self->bounds[2] = self->bounds[3] = -INFINITY;

  for (guint i = 0; i < self->n_points; i++)
    {
      self->bounds[0] = MIN (self->bounds[0], self->points[2 * i]);
      self->bounds[1] = MIN (self->bounds[1], self->points[2 * i + 1]);
      self->bounds[2] = MAX (self->bounds[2], self->points[2 * i]);
      self->bounds[3] = MAX (self->bounds[3], self->points[2 * i + 1]);
    }
}

/**
 * tally_geometry_unpack:
 * @bytes: what tally_geometry_pack() wrote
 *
 * Checks every count and number, so a damaged or foreign blob ends in an
 * error rather than a read out of bounds.
 *
 * Returns: (transfer full) (nullable): the geometry
 */
TallyGeometry *
tally_geometry_unpack (GBytes  *bytes,
                       GError **error)
{
  g_autoptr(TallyGeometry) self = NULL;
  const guint8 *data, *cursor;
  gsize size;
  guint64 needed;
  guint n_polygons, n_rings, n_points;

  g_return_val_if_fail (bytes != NULL, NULL);

  data = g_bytes_get_data (bytes, &size);
  if (size < PACK_HEADER || memcmp (data, PACK_MAGIC, 4) != 0)
    return unpack_failed (error, _("not a Tally geometry")), NULL;
  if (data[4] != PACK_VERSION)
    return unpack_failed (error, _("written by a newer Tally")), NULL;

  n_polygons = get_u32 (data + 8);
  n_rings = get_u32 (data + 12);
  n_points = get_u32 (data + 16);
  needed = PACK_HEADER + 4 * (guint64) n_polygons + 4 * (guint64) n_rings + 16 * (guint64) n_points;
  if (needed != size || n_polygons == 0 || n_rings < n_polygons || n_points < 3 * (guint64) n_rings)
    return unpack_failed (error, _("its counts do not match its size")), NULL;

  self = g_new0 (TallyGeometry, 1);
  g_atomic_ref_count_init (&self->ref_count);
  self->n_polygons = n_polygons;
  self->n_rings = n_rings;
  self->n_points = n_points;
  self->polygon_first_ring = g_new (guint, n_polygons + 1);
  self->ring_first_point = g_new (guint, n_rings + 1);
  self->points = g_new (double, 2 * (gsize) n_points);

  cursor = data + PACK_HEADER;
  self->polygon_first_ring[0] = 0;
  for (guint i = 0; i < n_polygons; i++, cursor += 4)
    {
      guint rings = get_u32 (cursor);

      if (rings == 0 || rings > n_rings - self->polygon_first_ring[i])
        return unpack_failed (error, _("a polygon has a wrong number of rings")), NULL;
      self->polygon_first_ring[i + 1] = self->polygon_first_ring[i] + rings;
    }
  if (self->polygon_first_ring[n_polygons] != n_rings)
    return unpack_failed (error, _("its rings do not add up")), NULL;

  self->ring_first_point[0] = 0;
  for (guint i = 0; i < n_rings; i++, cursor += 4)
    {
      guint points = get_u32 (cursor);

      if (points < 3 || points > n_points - self->ring_first_point[i])
        return unpack_failed (error, _("a ring has a wrong number of points")), NULL;
      self->ring_first_point[i + 1] = self->ring_first_point[i] + points;
    }
  if (self->ring_first_point[n_rings] != n_points)
    return unpack_failed (error, _("its points do not add up")), NULL;

  for (guint i = 0; i < 2 * n_points; i++, cursor += 8)
    {
      self->points[i] = get_f64 (cursor);
      if (!isfinite (self->points[i]))
        return unpack_failed (error, _("a coordinate is not a number")), NULL;
    }

  compute_bounds (self);
  return g_steal_pointer (&self);
}

TallyGeometryBuilder *
tally_geometry_builder_new (void)
{
  TallyGeometryBuilder *builder = g_new0 (TallyGeometryBuilder, 1);

  builder->polygon_first_ring = g_array_new (FALSE, FALSE, sizeof (guint));
  builder->ring_first_point = g_array_new (FALSE, FALSE, sizeof (guint));
  builder->points = g_array_new (FALSE, FALSE, sizeof (double));

  return builder;
}

void
tally_geometry_builder_free (TallyGeometryBuilder *builder)
{
  if (builder == NULL)
    return;

  g_clear_pointer (&builder->polygon_first_ring, g_array_unref);
  g_clear_pointer (&builder->ring_first_point, g_array_unref);
  g_clear_pointer (&builder->points, g_array_unref);
  g_free (builder);
}

static guint
last_uint (GArray *array)
{
  return g_array_index (array, guint, array->len - 1);
}

/* Closes the ring being built: drops its closing point if it repeats the
 * first, and the ring itself if it is too short to enclose anything.  An
 * outline that goes takes its polygon's holes with it. */
static void
finish_ring (TallyGeometryBuilder *builder)
{
  guint first, n_points;
  const double *points;

  if (!builder->ring_open)
    return;

  builder->ring_open = FALSE;
  first = last_uint (builder->ring_first_point);
  points = (const double *) builder->points->data;
  n_points = builder->points->len / 2 - first;

  if (n_points >= 2 &&
      points[2 * first] == points[2 * (first + n_points - 1)] &&
      points[2 * first + 1] == points[2 * (first + n_points - 1) + 1])
    {
      g_array_set_size (builder->points, builder->points->len - 2);
      n_points--;
    }

  if (n_points >= 3)
    return;

  g_array_set_size (builder->points, 2 * first);
  g_array_set_size (builder->ring_first_point, builder->ring_first_point->len - 1);
  if (last_uint (builder->polygon_first_ring) == builder->ring_first_point->len)
    builder->skip_polygon = TRUE;
}

/* A polygon that ended with no outline is not kept. */
static void
finish_polygon (TallyGeometryBuilder *builder)
{
  finish_ring (builder);

  if (builder->polygon_first_ring->len > 0 &&
      last_uint (builder->polygon_first_ring) == builder->ring_first_point->len)
    g_array_set_size (builder->polygon_first_ring, builder->polygon_first_ring->len - 1);
}

void
tally_geometry_builder_begin_polygon (TallyGeometryBuilder *builder)
{
  guint first_ring;

  g_return_if_fail (builder != NULL);

  finish_polygon (builder);
  first_ring = builder->ring_first_point->len;
  g_array_append_val (builder->polygon_first_ring, first_ring);
  builder->skip_polygon = FALSE;
}

void
tally_geometry_builder_begin_ring (TallyGeometryBuilder *builder)
{
  guint first_point;

  g_return_if_fail (builder != NULL);

  finish_ring (builder);
  if (builder->polygon_first_ring->len == 0)
    tally_geometry_builder_begin_polygon (builder);
  if (builder->skip_polygon)
    return;

  first_point = builder->points->len / 2;
  g_array_append_val (builder->ring_first_point, first_point);
  builder->ring_open = TRUE;
}

void
tally_geometry_builder_add_point (TallyGeometryBuilder *builder,
                                  double                x,
                                  double                y)
{
  guint n_points;
  const double *points;

  g_return_if_fail (builder != NULL);

  if (!builder->ring_open)
    return;

  /* Repeated points add nothing but work. */
  n_points = builder->points->len / 2;
  points = (const double *) builder->points->data;
  if (n_points > last_uint (builder->ring_first_point) &&
      points[2 * n_points - 2] == x && points[2 * n_points - 1] == y)
    return;

  g_array_append_val (builder->points, x);
  g_array_append_val (builder->points, y);
}

/**
 * tally_geometry_builder_get_n_polygons:
 *
 * Returns: how many polygons have been begun
 */
guint
tally_geometry_builder_get_n_polygons (TallyGeometryBuilder *builder)
{
  g_return_val_if_fail (builder != NULL, 0);

  return builder->polygon_first_ring->len;
}

/**
 * tally_geometry_builder_end:
 *
 * Frees @builder.
 *
 * Returns: (transfer full) (nullable): the geometry, or %NULL when no ring
 *   enclosed anything
 */
TallyGeometry *
tally_geometry_builder_end (TallyGeometryBuilder *builder)
{
  TallyGeometry *self;
  guint n_rings, n_points;

  g_return_val_if_fail (builder != NULL, NULL);

  finish_polygon (builder);
  n_rings = builder->ring_first_point->len;
  n_points = builder->points->len / 2;

  if (n_rings == 0)
    {
      tally_geometry_builder_free (builder);
      return NULL;
    }

  self = g_new0 (TallyGeometry, 1);
  g_atomic_ref_count_init (&self->ref_count);
  self->n_polygons = builder->polygon_first_ring->len;
  self->n_rings = n_rings;
  self->n_points = n_points;

  g_array_append_val (builder->polygon_first_ring, n_rings);
  g_array_append_val (builder->ring_first_point, n_points);
  self->polygon_first_ring = (guint *) g_array_free (g_steal_pointer (&builder->polygon_first_ring), FALSE);
  self->ring_first_point = (guint *) g_array_free (g_steal_pointer (&builder->ring_first_point), FALSE);
  self->points = (double *) g_array_free (g_steal_pointer (&builder->points), FALSE);
  g_free (builder);

  compute_bounds (self);
  return self;
}

double *
_tally_geometry_get_points_for_update (TallyGeometry *self,
                                       guint         *n_points)
{
  *n_points = self->n_points;
  return self->points;
}

void
_tally_geometry_update_bounds (TallyGeometry *self)
{
  compute_bounds (self);
}

gboolean
_tally_geo_is_gss_code (const char *string)
{
  if (string == NULL || !g_ascii_isupper (string[0]))
    return FALSE;

  for (guint i = 1; i < 9; i++)
    if (!g_ascii_isdigit (string[i]))
      return FALSE;

  return string[9] == '\0';
}

static void
add_geometry (TallyGeometryBuilder *builder,
              TallyGeometry        *geometry)
{
  for (guint polygon = 0; polygon < geometry->n_polygons; polygon++)
    {
      tally_geometry_builder_begin_polygon (builder);
      for (guint ring = geometry->polygon_first_ring[polygon]; ring < geometry->polygon_first_ring[polygon + 1]; ring++)
        {
          tally_geometry_builder_begin_ring (builder);
          for (guint i = geometry->ring_first_point[ring]; i < geometry->ring_first_point[ring + 1]; i++)
            tally_geometry_builder_add_point (builder, geometry->points[2 * i], geometry->points[2 * i + 1]);
        }
    }
}

/* One council split over several features of a file becomes one shape. */
TallyGeometry *
_tally_geometry_merge (TallyGeometry *first,
                       TallyGeometry *second)
{
  TallyGeometryBuilder *builder = tally_geometry_builder_new ();

  add_geometry (builder, first);
  add_geometry (builder, second);

  return tally_geometry_builder_end (builder);
}
