/* tally-geo-file.c: reading boundary files: GeoJSON and TopoJSON.
 *
 * A file is read in four steps:
 *
 * 1. Parse the JSON and build each feature's polygons in the file's own
 *    coordinates.  TopoJSON arcs are decoded once: with a `transform`, the
 *    positions are quantised and delta-encoded, so each is the running sum
 *    of the ones before it, scaled and translated.  A ring lists arc
 *    indices; ~i (that is, -i - 1) means arc i reversed, and each arc after
 *    the first starts where the previous one ended, so that point is kept
 *    once.  A file with several TopoJSON objects is read from the one whose
 *    features carry the most codes the database knows.
 * 2. Decide the coordinate system: a GeoJSON `crs` member when there is one
 *    (EPSG:4326, CRS84 or EPSG:27700); otherwise the coordinates' range,
 *    longitude and latitude in degrees or British National Grid metres.
 * 3. Project WGS84 to British National Grid with PROJ.
 * 4. Find the property holding the ONS codes (lad18cd, LAD18CD, areacd…):
 *    of the properties whose values look like GSS codes (E06000001), the
 *    one matching the most known councils.
 *
 * Every error names the file and, where it can, the feature and what is
 * wrong with it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>
#include <math.h>
#include <string.h>

#include "tally-geo-private.h"

typedef struct
{
  JsonObject    *properties;  /* borrowed from the parser's tree, nullable */
  char          *id;          /* the feature's `id`, as a string, nullable */
  TallyGeometry *geometry;    /* in the file's coordinates until projected */
} RawFeature;

typedef struct
{
  const char    *display_name;
  GHashTable    *known_codes;  /* nullable */
  GPtrArray     *raw;          /* RawFeature* */
  guint          n_skipped;
  TallyGeoCrs    declared_crs;
  char          *object_name;

  /* TopoJSON */
  GArray        *arc_points;   /* double x, y */
  GArray        *arc_first;    /* guint: first point of each arc, then the total */

  /* Points built so far, for the limits of tally-geo.h: a TopoJSON ring
   * can name one arc many times, so a small file can mean a huge shape. */
  guint64        n_points;
  guint64        n_feature_points;
  guint          counting_feature;
} Reader;

static void
raw_feature_free (RawFeature *raw)
{
  g_clear_pointer (&raw->geometry, tally_geometry_unref);
  g_free (raw->id);
  g_free (raw);
}

static void
geo_feature_free (TallyGeoFeature *feature)
{
  g_free (feature->code);
  g_free (feature->name);
  g_clear_pointer (&feature->geometry, tally_geometry_unref);
  g_free (feature);
}

G_GNUC_PRINTF (4, 5)
static gboolean
reader_error (Reader      *reader,
              GError     **error,
              int          code,
              const char  *format,
              ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  /* Translators: a boundary file's name, then what is wrong with it. */
  g_set_error (error, TALLY_GEO_ERROR, code, _("“%s”: %s"), reader->display_name, message);
  return FALSE;
}

static const char *
member_string (JsonObject *object,
               const char *name)
{
  JsonNode *node;

  if (object == NULL || !(node = json_object_get_member (object, name)) ||
      !JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;

  return json_node_get_string (node);
}

static JsonArray *
member_array (JsonObject *object,
              const char *name)
{
  JsonNode *node;

  if (object == NULL || !(node = json_object_get_member (object, name)) || !JSON_NODE_HOLDS_ARRAY (node))
    return NULL;

  return json_node_get_array (node);
}

static JsonObject *
member_object (JsonObject *object,
               const char *name)
{
  JsonNode *node;

  if (object == NULL || !(node = json_object_get_member (object, name)) || !JSON_NODE_HOLDS_OBJECT (node))
    return NULL;

  return json_node_get_object (node);
}

static gboolean
node_number (JsonNode *node,
             double   *value)
{
  GType type;

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node))
    return FALSE;

  type = json_node_get_value_type (node);
  if (type != G_TYPE_DOUBLE && type != G_TYPE_INT64)
    return FALSE;

  *value = json_node_get_double (node);
  return isfinite (*value);
}

static gboolean
read_position (JsonNode *node,
               double   *x,
               double   *y)
{
  JsonArray *position;

  if (!JSON_NODE_HOLDS_ARRAY (node))
    return FALSE;

  position = json_node_get_array (node);
  return json_array_get_length (position) >= 2 &&
         node_number (json_array_get_element (position, 0), x) &&
         node_number (json_array_get_element (position, 1), y);
}

static char *
node_to_id (JsonNode *node)
{
  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node))
    return NULL;

  switch (json_node_get_value_type (node))
    {
    case G_TYPE_STRING:
      return g_strdup (json_node_get_string (node));
    case G_TYPE_INT64:
      return g_strdup_printf ("%" G_GINT64_FORMAT, json_node_get_int (node));
    default:
      return NULL;
    }
}

/* GeoJSON */

/* Counts @n more points of @feature against the limits. */
static gboolean
count_points (Reader  *reader,
              guint    feature,
              guint64  n,
              GError **error)
{
  if (feature != reader->counting_feature)
    {
      reader->counting_feature = feature;
      reader->n_feature_points = 0;
    }

  reader->n_feature_points += n;
  reader->n_points += n;

  if (reader->n_feature_points > TALLY_GEO_MAX_BOUNDARY_POINTS)
    return reader_error (reader, error, TALLY_GEO_ERROR_TOO_BIG,
                         _("feature %u has more than %d points (limit “points per boundary”); "
                           "if the file is genuine, simplify it first (for example with mapshaper -simplify)"),
                         feature, TALLY_GEO_MAX_BOUNDARY_POINTS);
  if (reader->n_points > TALLY_GEO_MAX_FILE_POINTS)
    return reader_error (reader, error, TALLY_GEO_ERROR_TOO_BIG,
                         _("its boundaries have more than %d points in all (limit “points per file”); "
                           "if the file is genuine, simplify it first (for example with mapshaper -simplify)"),
                         TALLY_GEO_MAX_FILE_POINTS);
  return TRUE;
}

static gboolean
read_geojson_ring (Reader                *reader,
                   TallyGeometryBuilder  *builder,
                   JsonNode              *node,
                   guint                  feature,
                   GError               **error)
{
  JsonArray *ring;
  guint n_positions;

  if (!JSON_NODE_HOLDS_ARRAY (node))
    return reader_error (reader, error, TALLY_GEO_ERROR_FORMAT,
                         _("feature %u: a polygon ring is not an array of positions"), feature);

  ring = json_node_get_array (node);
  n_positions = json_array_get_length (ring);
  if (!count_points (reader, feature, n_positions, error))
    return FALSE;
  tally_geometry_builder_begin_ring (builder);
  for (guint i = 0; i < n_positions; i++)
    {
      double x, y;

      if (!read_position (json_array_get_element (ring, i), &x, &y))
        return reader_error (reader, error, TALLY_GEO_ERROR_FORMAT,
                             _("feature %u: position %u of a ring is not a pair of numbers"), feature, i + 1);
      tally_geometry_builder_add_point (builder, x, y);
    }

  return TRUE;
}

static gboolean
read_geojson_polygon (Reader                *reader,
                      TallyGeometryBuilder  *builder,
                      JsonNode              *node,
                      guint                  feature,
                      GError               **error)
{
  JsonArray *rings;

  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node))
    return reader_error (reader, error, TALLY_GEO_ERROR_FORMAT,
                         _("feature %u: a polygon's coordinates are not an array of rings"), feature);

  rings = json_node_get_array (node);
  tally_geometry_builder_begin_polygon (builder);
  for (guint i = 0; i < json_array_get_length (rings); i++)
    if (!read_geojson_ring (reader, builder, json_array_get_element (rings, i), feature, error))
      return FALSE;

  return TRUE;
}

/* Adds @geometry's polygons to @builder; points and lines add nothing. */
static gboolean
read_geojson_geometry (Reader                *reader,
                       TallyGeometryBuilder  *builder,
                       JsonObject            *geometry,
                       guint                  feature,
                       guint                  depth,
                       GError               **error)
{
  const char *type = member_string (geometry, "type");

  if (type == NULL)
    return reader_error (reader, error, TALLY_GEO_ERROR_FORMAT,
                         _("feature %u: its geometry has no “type”"), feature);

  if (g_str_equal (type, "Polygon"))
    return read_geojson_polygon (reader, builder, json_object_get_member (geometry, "coordinates"),
                                 feature, error);

  if (g_str_equal (type, "MultiPolygon"))
    {
      JsonArray *polygons = member_array (geometry, "coordinates");

      if (polygons == NULL)
        return reader_error (reader, error, TALLY_GEO_ERROR_FORMAT,
                             _("feature %u: a MultiPolygon's coordinates are not an array"), feature);

      for (guint i = 0; i < json_array_get_length (polygons); i++)
        if (!read_geojson_polygon (reader, builder, json_array_get_element (polygons, i), feature, error))
          return FALSE;

      return TRUE;
    }

  if (g_str_equal (type, "GeometryCollection"))
    {
      JsonArray *geometries = member_array (geometry, "geometries");

      if (geometries == NULL || depth > 8)
        return reader_error (reader, error, TALLY_GEO_ERROR_FORMAT,
                             _("feature %u: a GeometryCollection has no “geometries” array"), feature);

      for (guint i = 0; i < json_array_get_length (geometries); i++)
        {
          JsonNode *child = json_array_get_element (geometries, i);

          if (!JSON_NODE_HOLDS_OBJECT (child))
            return reader_error (reader, error, TALLY_GEO_ERROR_FORMAT,
                                 _("feature %u: a GeometryCollection holds something that is not a geometry"),
                                 feature);
          if (!read_geojson_geometry (reader, builder, json_node_get_object (child), feature, depth + 1, error))
            return FALSE;
        }

      return TRUE;
    }

  if (g_str_equal (type, "Point") || g_str_equal (type, "MultiPoint") ||
      g_str_equal (type, "LineString") || g_str_equal (type, "MultiLineString"))
    return TRUE;

  return reader_error (reader, error, TALLY_GEO_ERROR_FORMAT,
                       _("feature %u: unknown geometry type “%s”"), feature, type);
}

static gboolean
add_feature (Reader     *reader,
             JsonObject *properties,
             JsonNode   *id,
             TallyGeometryBuilder *builder)
{
  TallyGeometry *geometry = tally_geometry_builder_end (builder);
  RawFeature *raw;

  if (geometry == NULL)
    {
      reader->n_skipped++;
      return FALSE;
    }

  raw = g_new0 (RawFeature, 1);
  raw->properties = properties;
  raw->id = node_to_id (id);
  raw->geometry = geometry;
  g_ptr_array_add (reader->raw, raw);
  return TRUE;
}

static gboolean
read_geojson_feature (Reader      *reader,
                      JsonObject  *feature,
                      guint        number,
                      GError     **error)
{
  g_autoptr(TallyGeometryBuilder) builder = NULL;
  JsonObject *geometry = member_object (feature, "geometry");

  if (g_strcmp0 (member_string (feature, "type"), "Feature") != 0)
    return reader_error (reader, error, TALLY_GEO_ERROR_FORMAT,
                         _("feature %u is not a GeoJSON Feature"), number);

  if (geometry == NULL)
    {
      reader->n_skipped++;
      return TRUE;
    }

  builder = tally_geometry_builder_new ();
  if (!read_geojson_geometry (reader, builder, geometry, number, 0, error))
    return FALSE;

  add_feature (reader, member_object (feature, "properties"), json_object_get_member (feature, "id"),
               g_steal_pointer (&builder));
  return TRUE;
}

static gboolean
read_geojson (Reader      *reader,
              JsonObject  *root,
              const char  *type,
              GError     **error)
{
  if (g_str_equal (type, "FeatureCollection"))
    {
      JsonArray *features = member_array (root, "features");

      if (features == NULL)
        return reader_error (reader, error, TALLY_GEO_ERROR_FORMAT,
                             _("a FeatureCollection with no “features” array"));

      for (guint i = 0; i < json_array_get_length (features); i++)
        {
          JsonNode *node = json_array_get_element (features, i);

          if (!JSON_NODE_HOLDS_OBJECT (node))
            return reader_error (reader, error, TALLY_GEO_ERROR_FORMAT,
                                 _("feature %u is not a JSON object"), i + 1);
          if (!read_geojson_feature (reader, json_node_get_object (node), i + 1, error))
            return FALSE;
        }

      return TRUE;
    }

  if (g_str_equal (type, "Feature"))
    return read_geojson_feature (reader, root, 1, error);

  /* A bare geometry: one feature with no properties. */
  {
    g_autoptr(TallyGeometryBuilder) builder = tally_geometry_builder_new ();

    if (!read_geojson_geometry (reader, builder, root, 1, 0, error))
      return FALSE;
    add_feature (reader, NULL, NULL, g_steal_pointer (&builder));
  }

  return TRUE;
}

/* TopoJSON */

static gboolean
read_topojson_arcs (Reader      *reader,
                    JsonObject  *root,
                    GError     **error)
{
  JsonObject *transform = member_object (root, "transform");
  JsonArray *arcs = member_array (root, "arcs");
  double scale[2] = { 1, 1 }, translate[2] = { 0, 0 };
  guint n_arcs;

  if (arcs == NULL)
    return reader_error (reader, error, TALLY_GEO_ERROR_FORMAT, _("a TopoJSON topology with no “arcs” array"));

  if (transform != NULL)
    {
      JsonArray *scale_array = member_array (transform, "scale");
      JsonArray *translate_array = member_array (transform, "translate");

      if (scale_array == NULL || translate_array == NULL ||
          json_array_get_length (scale_array) != 2 || json_array_get_length (translate_array) != 2 ||
          !node_number (json_array_get_element (scale_array, 0), &scale[0]) ||
          !node_number (json_array_get_element (scale_array, 1), &scale[1]) ||
          !node_number (json_array_get_element (translate_array, 0), &translate[0]) ||
          !node_number (json_array_get_element (translate_array, 1), &translate[1]))
        return reader_error (reader, error, TALLY_GEO_ERROR_FORMAT,
                             _("the TopoJSON “transform” needs a “scale” and a “translate” of two numbers each"));
    }

  n_arcs = json_array_get_length (arcs);
  if (n_arcs > TALLY_GEO_MAX_ARCS)
    return reader_error (reader, error, TALLY_GEO_ERROR_TOO_BIG,
                         _("it has %u arcs, more than %d (limit “arcs per file”); "
                           "if the file is genuine, simplify it first (for example with mapshaper -simplify)"),
                         n_arcs, TALLY_GEO_MAX_ARCS);
  reader->arc_points = g_array_new (FALSE, FALSE, sizeof (double));
  reader->arc_first = g_array_sized_new (FALSE, FALSE, sizeof (guint), n_arcs + 1);

  for (guint i = 0; i < n_arcs; i++)
    {
      JsonNode *node = json_array_get_element (arcs, i);
      JsonArray *positions;
      guint first = reader->arc_points->len / 2;
      double x = 0, y = 0;

      if (!JSON_NODE_HOLDS_ARRAY (node) || json_array_get_length (positions = json_node_get_array (node)) < 2)
        return reader_error (reader, error, TALLY_GEO_ERROR_FORMAT,
                             _("TopoJSON arc %u is not an array of at least two positions"), i);

      g_array_append_val (reader->arc_first, first);
      for (guint j = 0; j < json_array_get_length (positions); j++)
        {
          double px, py, out_x, out_y;

          if (!read_position (json_array_get_element (positions, j), &px, &py))
            return reader_error (reader, error, TALLY_GEO_ERROR_FORMAT,
                                 _("TopoJSON arc %u: position %u is not a pair of numbers"), i, j + 1);

          if (transform != NULL)
            {
              /* Quantised and delta-encoded. */
              x += px;
              y += py;
              out_x = x * scale[0] + translate[0];
              out_y = y * scale[1] + translate[1];
            }
          else
            {
              out_x = px;
              out_y = py;
            }

          g_array_append_val (reader->arc_points, out_x);
          g_array_append_val (reader->arc_points, out_y);
        }
    }

  {
    guint total = reader->arc_points->len / 2;

    g_array_append_val (reader->arc_first, total);
  }

  return TRUE;
}

static gboolean
read_topojson_ring (Reader                *reader,
                    TallyGeometryBuilder  *builder,
                    JsonNode              *node,
                    guint                  feature,
                    GError               **error)
{
  guint n_arcs = reader->arc_first->len - 1;
  const double *points = (const double *) reader->arc_points->data;
  const guint *first = (const guint *) reader->arc_first->data;
  JsonArray *indices;

  if (!JSON_NODE_HOLDS_ARRAY (node))
    return reader_error (reader, error, TALLY_GEO_ERROR_FORMAT,
                         _("object “%s”, feature %u: a ring is not an array of arc indices"),
                         reader->object_name, feature);

  indices = json_node_get_array (node);
  tally_geometry_builder_begin_ring (builder);
  for (guint i = 0; i < json_array_get_length (indices); i++)
    {
      JsonNode *index_node = json_array_get_element (indices, i);
      gint64 index;
      guint arc, start, end;

      if (!JSON_NODE_HOLDS_VALUE (index_node) || json_node_get_value_type (index_node) != G_TYPE_INT64)
        return reader_error (reader, error, TALLY_GEO_ERROR_FORMAT,
                             _("object “%s”, feature %u: an arc index is not an integer"),
                             reader->object_name, feature);

      index = json_node_get_int (index_node);
      if ((index >= 0 ? index : -index - 1) >= (gint64) n_arcs)
        return reader_error (reader, error, TALLY_GEO_ERROR_FORMAT,
                             _("object “%s”, feature %u refers to arc %" G_GINT64_FORMAT ", but there are only %u arcs"),
                             reader->object_name, feature, index, n_arcs);

      arc = index >= 0 ? (guint) index : (guint) (-index - 1);
      start = first[arc];
      end = first[arc + 1];
      if (!count_points (reader, feature, end - start, error))
        return FALSE;
      /* The builder drops the point each arc shares with the one before. */
      if (index >= 0)
        for (guint p = start; p < end; p++)
          tally_geometry_builder_add_point (builder, points[2 * p], points[2 * p + 1]);
      else
        for (guint p = end; p > start; p--)
          tally_geometry_builder_add_point (builder, points[2 * (p - 1)], points[2 * (p - 1) + 1]);
    }

  return TRUE;
}

static gboolean
read_topojson_polygon (Reader                *reader,
                       TallyGeometryBuilder  *builder,
                       JsonNode              *node,
                       guint                  feature,
                       GError               **error)
{
  JsonArray *rings;

  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node))
    return reader_error (reader, error, TALLY_GEO_ERROR_FORMAT,
                         _("object “%s”, feature %u: a polygon's arcs are not an array of rings"),
                         reader->object_name, feature);

  rings = json_node_get_array (node);
  tally_geometry_builder_begin_polygon (builder);
  for (guint i = 0; i < json_array_get_length (rings); i++)
    if (!read_topojson_ring (reader, builder, json_array_get_element (rings, i), feature, error))
      return FALSE;

  return TRUE;
}

static gboolean
read_topojson_geometry (Reader                *reader,
                        TallyGeometryBuilder  *builder,
                        JsonObject            *geometry,
                        guint                  feature,
                        GError               **error)
{
  const char *type = member_string (geometry, "type");

  if (type == NULL)
    return TRUE;  /* TopoJSON's null geometry */

  if (g_str_equal (type, "Polygon"))
    return read_topojson_polygon (reader, builder, json_object_get_member (geometry, "arcs"), feature, error);

  if (g_str_equal (type, "MultiPolygon"))
    {
      JsonArray *polygons = member_array (geometry, "arcs");

      if (polygons == NULL)
        return reader_error (reader, error, TALLY_GEO_ERROR_FORMAT,
                             _("object “%s”, feature %u: a MultiPolygon's arcs are not an array"),
                             reader->object_name, feature);

      for (guint i = 0; i < json_array_get_length (polygons); i++)
        if (!read_topojson_polygon (reader, builder, json_array_get_element (polygons, i), feature, error))
          return FALSE;
    }

  /* Points and lines: no area. */
  return TRUE;
}

/* The geometries an object stands for: its own list when it is a
 * GeometryCollection, else itself. */
static GPtrArray *
object_geometries (JsonObject *object)
{
  GPtrArray *geometries = g_ptr_array_new ();
  JsonArray *list;

  if (g_strcmp0 (member_string (object, "type"), "GeometryCollection") == 0 &&
      (list = member_array (object, "geometries")) != NULL)
    {
      for (guint i = 0; i < json_array_get_length (list); i++)
        {
          JsonNode *node = json_array_get_element (list, i);

          if (JSON_NODE_HOLDS_OBJECT (node))
            g_ptr_array_add (geometries, json_node_get_object (node));
        }
    }
  else
    {
      g_ptr_array_add (geometries, object);
    }

  return geometries;
}

static guint
count_known_codes (Reader    *reader,
                   GPtrArray *geometries)
{
  guint known = 0;

  for (guint i = 0; i < geometries->len; i++)
    {
      JsonObject *properties = member_object (g_ptr_array_index (geometries, i), "properties");
      g_autoptr(GList) members = properties ? json_object_get_members (properties) : NULL;

      for (GList *l = members; l != NULL; l = l->next)
        {
          const char *value = member_string (properties, l->data);

          if (_tally_geo_is_gss_code (value) &&
              (reader->known_codes == NULL || g_hash_table_contains (reader->known_codes, value)))
            {
              known++;
              break;
            }
        }
    }

  return known;
}

static gboolean
read_topojson (Reader      *reader,
               JsonObject  *root,
               GError     **error)
{
  JsonObject *objects = member_object (root, "objects");
  g_autoptr(GList) names = NULL;
  g_autoptr(GPtrArray) chosen = NULL;
  guint best_known = 0;

  if (objects == NULL || json_object_get_size (objects) == 0)
    return reader_error (reader, error, TALLY_GEO_ERROR_FORMAT, _("a TopoJSON topology with no “objects”"));

  /* Of several objects (countries, regions, districts…), the one naming
   * the most councils we know; in name order, so the choice is stable. */
  names = g_list_sort (json_object_get_members (objects), (GCompareFunc) g_strcmp0);
  for (GList *l = names; l != NULL; l = l->next)
    {
      JsonObject *object = member_object (objects, l->data);
      g_autoptr(GPtrArray) geometries = NULL;
      guint known;

      if (object == NULL)
        continue;

      geometries = object_geometries (object);
      known = count_known_codes (reader, geometries);
      if (chosen == NULL || known > best_known ||
          (known == best_known && geometries->len > chosen->len))
        {
          g_clear_pointer (&chosen, g_ptr_array_unref);
          chosen = g_steal_pointer (&geometries);
          best_known = known;
          g_free (reader->object_name);
          reader->object_name = g_strdup (l->data);
        }
    }

  if (chosen == NULL)
    return reader_error (reader, error, TALLY_GEO_ERROR_FORMAT, _("none of the TopoJSON “objects” is an object"));

  if (!read_topojson_arcs (reader, root, error))
    return FALSE;

  for (guint i = 0; i < chosen->len; i++)
    {
      JsonObject *geometry = g_ptr_array_index (chosen, i);
      g_autoptr(TallyGeometryBuilder) builder = tally_geometry_builder_new ();

      if (!read_topojson_geometry (reader, builder, geometry, i + 1, error))
        return FALSE;

      add_feature (reader, member_object (geometry, "properties"), json_object_get_member (geometry, "id"),
                   g_steal_pointer (&builder));
    }

  return TRUE;
}

/* Coordinate systems */

static gboolean
read_declared_crs (Reader      *reader,
                   JsonObject  *root,
                   GError     **error)
{
  JsonObject *crs = member_object (root, "crs");
  const char *name = member_string (member_object (crs, "properties"), "name");

  if (crs == NULL)
    return TRUE;

  if (name == NULL)
    return reader_error (reader, error, TALLY_GEO_ERROR_CRS,
                         _("its “crs” member does not name a coordinate system"));

  if (strstr (name, "27700") != NULL)
    reader->declared_crs = TALLY_GEO_CRS_BNG;
  else if (g_str_has_suffix (name, "4326") || g_str_has_suffix (name, "CRS84"))
    reader->declared_crs = TALLY_GEO_CRS_WGS84;
  else
    return reader_error (reader, error, TALLY_GEO_ERROR_CRS,
                         _("its coordinates are in “%s”; Tally reads WGS84 (EPSG:4326) and British National Grid (EPSG:27700)"),
                         name);

  return TRUE;
}

static gboolean
detect_crs (Reader       *reader,
            TallyGeoCrs  *crs,
            GError      **error)
{
  double min_x = INFINITY, min_y = INFINITY, max_x = -INFINITY, max_y = -INFINITY;

  for (guint i = 0; i < reader->raw->len; i++)
    {
      RawFeature *raw = g_ptr_array_index (reader->raw, i);
      double x0, y0, x1, y1;

      tally_geometry_get_bounds (raw->geometry, &x0, &y0, &x1, &y1);
      min_x = MIN (min_x, x0);
      min_y = MIN (min_y, y0);
      max_x = MAX (max_x, x1);
      max_y = MAX (max_y, y1);
    }

  if (reader->declared_crs != TALLY_GEO_CRS_UNKNOWN)
    {
      *crs = reader->declared_crs;
      if (*crs == TALLY_GEO_CRS_WGS84 && (min_x < -180 || max_x > 180 || min_y < -90 || max_y > 90))
        return reader_error (reader, error, TALLY_GEO_ERROR_CRS,
                             _("it says its coordinates are WGS84 degrees, but they run from (%g, %g) to (%g, %g)"),
                             min_x, min_y, max_x, max_y);
      return TRUE;
    }

  if (reader->raw->len == 0)
    {
      *crs = TALLY_GEO_CRS_UNKNOWN;
      return TRUE;
    }

  /* Great Britain lies within longitudes -9 to 2 and latitudes 49 to 61. */
  if (min_x >= 49 && max_x <= 61 && min_y >= -9 && max_y <= 2.5)
    return reader_error (reader, error, TALLY_GEO_ERROR_CRS,
                         _("its coordinates look like latitude before longitude; GeoJSON puts longitude first"));

  if (min_x >= -180 && max_x <= 180 && min_y >= -90 && max_y <= 90)
    *crs = TALLY_GEO_CRS_WGS84;
  else if (min_x >= -100000 && max_x <= 900000 && min_y >= -100000 && max_y <= 1400000)
    *crs = TALLY_GEO_CRS_BNG;
  else
    return reader_error (reader, error, TALLY_GEO_ERROR_CRS,
                         _("its coordinates, from (%g, %g) to (%g, %g), are neither WGS84 longitude and latitude nor British National Grid metres"),
                         min_x, min_y, max_x, max_y);

  return TRUE;
}

static gboolean
project_features (Reader      *reader,
                  GError     **error)
{
  g_autoptr(TallyProjection) projection = NULL;
  g_autoptr(GError) local_error = NULL;

  if (!(projection = _tally_projection_new (error)))
    return FALSE;

  for (guint i = 0; i < reader->raw->len; i++)
    {
      RawFeature *raw = g_ptr_array_index (reader->raw, i);
      guint n_points;
      double *points = _tally_geometry_get_points_for_update (raw->geometry, &n_points);

      if (!_tally_projection_apply (projection, points, n_points, &local_error))
        return reader_error (reader, error, TALLY_GEO_ERROR_PROJECTION,
                             _("feature %u: %s"), i + 1, local_error->message);
      _tally_geometry_update_bounds (raw->geometry);
    }

  return TRUE;
}

/* Codes and names */

typedef struct
{
  guint known;
  guint code_like;
} PropertyScore;

static gboolean
ends_with_code_suffix (const char *key)
{
  gsize length = strlen (key);

  return length >= 2 && g_ascii_strcasecmp (key + length - 2, "cd") == 0;
}

static char *
choose_code_property (Reader *reader)
{
  g_autoptr(GHashTable) scores = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(GList) keys = NULL;
  const char *best = NULL;
  PropertyScore best_score = { 0, 0 };

  for (guint i = 0; i < reader->raw->len; i++)
    {
      RawFeature *raw = g_ptr_array_index (reader->raw, i);
      g_autoptr(GList) members = raw->properties ? json_object_get_members (raw->properties) : NULL;

      /* The feature's own `id` competes as the property "id". */
      if (raw->id != NULL)
        members = g_list_prepend (members, NULL);

      for (GList *l = members; l != NULL; l = l->next)
        {
          const char *key = l->data ? l->data : "id";
          const char *value = l->data ? member_string (raw->properties, key) : raw->id;
          PropertyScore *score;

          if (!_tally_geo_is_gss_code (value))
            continue;

          if (!(score = g_hash_table_lookup (scores, key)))
            g_hash_table_insert (scores, g_strdup (key), (score = g_new0 (PropertyScore, 1)));

          score->code_like++;
          if (reader->known_codes != NULL && g_hash_table_contains (reader->known_codes, value))
            score->known++;
        }
    }

  keys = g_list_sort (g_hash_table_get_keys (scores), (GCompareFunc) g_strcmp0);
  for (GList *l = keys; l != NULL; l = l->next)
    {
      PropertyScore *score = g_hash_table_lookup (scores, l->data);

      if (best == NULL || score->known > best_score.known ||
          (score->known == best_score.known && score->code_like > best_score.code_like) ||
          (score->known == best_score.known && score->code_like == best_score.code_like &&
           ends_with_code_suffix (l->data) && !ends_with_code_suffix (best)))
        {
          best = l->data;
          best_score = *score;
        }
    }

  return g_strdup (best);
}

static char *
choose_name_property (Reader     *reader,
                      const char *code_property)
{
  g_autofree char *paired = NULL;
  const char * const fallbacks[] = { "name", "Name", "NAME", "areanm", "n", NULL };
  JsonObject *properties = NULL;

  for (guint i = 0; i < reader->raw->len && properties == NULL; i++)
    properties = ((RawFeature *) g_ptr_array_index (reader->raw, i))->properties;

  if (properties == NULL)
    return NULL;

  /* lad18cd goes with lad18nm, LAD18CD with LAD18NM. */
  if (code_property != NULL && ends_with_code_suffix (code_property))
    {
      gsize length = strlen (code_property);

      paired = g_strdup (code_property);
      paired[length - 2] = code_property[length - 2] == 'c' ? 'n' : 'N';
      paired[length - 1] = code_property[length - 1] == 'd' ? 'm' : 'M';
      if (member_string (properties, paired) != NULL)
        return g_steal_pointer (&paired);
    }

  for (guint i = 0; fallbacks[i] != NULL; i++)
    if (member_string (properties, fallbacks[i]) != NULL)
      return g_strdup (fallbacks[i]);

  return NULL;
}

static void
reader_clear (Reader *reader)
{
  g_clear_pointer (&reader->raw, g_ptr_array_unref);
  g_clear_pointer (&reader->arc_points, g_array_unref);
  g_clear_pointer (&reader->arc_first, g_array_unref);
  g_clear_pointer (&reader->object_name, g_free);
}

void
tally_geo_file_free (TallyGeoFile *file)
{
  if (file == NULL)
    return;

  g_free (file->path);
  g_free (file->object_name);
  g_free (file->code_property);
  g_free (file->name_property);
  g_clear_pointer (&file->features, g_ptr_array_unref);
  g_free (file);
}

/**
 * tally_geo_file_parse:
 * @data: the file's contents
 * @length: their length, or -1 when nul-terminated
 * @display_name: what errors call the file
 * @known_codes: (nullable) (element-type utf8 utf8): council codes, to
 *   choose the property (and TopoJSON object) that names councils
 *
 * Returns: (transfer full) (nullable): the features, in British National
 *   Grid metres
 */
TallyGeoFile *
tally_geo_file_parse (const char  *data,
                      gssize       length,
                      const char  *display_name,
                      GHashTable  *known_codes,
                      GError     **error)
{
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  g_autoptr(GError) parse_error = NULL;
  g_autoptr(TallyGeoFile) file = NULL;
  Reader reader = { 0 };
  JsonNode *root;
  JsonObject *root_object;
  const char *type;
  gboolean ok;

  g_return_val_if_fail (data != NULL, NULL);
  g_return_val_if_fail (display_name != NULL, NULL);

  reader.display_name = display_name;
  reader.known_codes = known_codes;
  reader.raw = g_ptr_array_new_with_free_func ((GDestroyNotify) raw_feature_free);

  if (!_tally_json_check_depth (data, length, display_name, error))
    {
      reader_clear (&reader);
      return NULL;
    }

  if (!json_parser_load_from_data (parser, data, length, &parse_error))
    {
      reader_error (&reader, error, TALLY_GEO_ERROR_PARSE, _("not JSON: %s"), parse_error->message);
      reader_clear (&reader);
      return NULL;
    }

  root = json_parser_get_root (parser);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    {
      reader_error (&reader, error, TALLY_GEO_ERROR_FORMAT, _("neither GeoJSON nor TopoJSON: it is not a JSON object"));
      reader_clear (&reader);
      return NULL;
    }

  root_object = json_node_get_object (root);
  type = member_string (root_object, "type");
  file = g_new0 (TallyGeoFile, 1);
  file->path = g_strdup (display_name);

  if (type == NULL)
    {
      reader_error (&reader, error, TALLY_GEO_ERROR_FORMAT, _("neither GeoJSON nor TopoJSON: it has no “type”"));
      ok = FALSE;
    }
  else if (g_str_equal (type, "Topology"))
    {
      file->format = TALLY_GEO_FORMAT_TOPOJSON;
      ok = read_declared_crs (&reader, root_object, error) && read_topojson (&reader, root_object, error);
    }
  else if (g_str_equal (type, "FeatureCollection") || g_str_equal (type, "Feature") ||
           g_str_equal (type, "Polygon") || g_str_equal (type, "MultiPolygon") ||
           g_str_equal (type, "GeometryCollection"))
    {
      file->format = TALLY_GEO_FORMAT_GEOJSON;
      ok = read_declared_crs (&reader, root_object, error) && read_geojson (&reader, root_object, type, error);
    }
  else
    {
      reader_error (&reader, error, TALLY_GEO_ERROR_FORMAT,
                    _("neither GeoJSON nor TopoJSON: its “type” is “%s”"), type);
      ok = FALSE;
    }

  ok = ok && detect_crs (&reader, &file->crs, error);
  if (ok && file->crs == TALLY_GEO_CRS_WGS84)
    ok = project_features (&reader, error);

  if (!ok)
    {
      reader_clear (&reader);
      return NULL;
    }

  file->code_property = choose_code_property (&reader);
  file->name_property = choose_name_property (&reader, file->code_property);
  file->object_name = g_steal_pointer (&reader.object_name);
  file->n_skipped = reader.n_skipped;
  file->features = g_ptr_array_new_with_free_func ((GDestroyNotify) geo_feature_free);

  for (guint i = 0; i < reader.raw->len; i++)
    {
      RawFeature *raw = g_ptr_array_index (reader.raw, i);
      TallyGeoFeature *feature = g_new0 (TallyGeoFeature, 1);

      if (file->code_property != NULL)
        {
          const char *code = member_string (raw->properties, file->code_property);

          if (code == NULL && g_str_equal (file->code_property, "id"))
            code = raw->id;
          feature->code = g_strdup (code);
        }
      if (file->name_property != NULL)
        feature->name = g_strdup (member_string (raw->properties, file->name_property));
      feature->geometry = g_steal_pointer (&raw->geometry);
      g_ptr_array_add (file->features, feature);
    }

  reader_clear (&reader);
  return g_steal_pointer (&file);
}

/**
 * tally_geo_file_load:
 * @known_codes: (nullable): as for tally_geo_file_parse()
 *
 * Returns: (transfer full) (nullable): the file's features
 */
TallyGeoFile *
tally_geo_file_load (const char    *path,
                     GHashTable    *known_codes,
                     GCancellable  *cancellable,
                     GError       **error)
{
  g_autoptr(GFile) gfile = NULL;
  g_autoptr(GError) read_error = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *display_name = NULL;
  gsize length;

  g_return_val_if_fail (path != NULL, NULL);

  gfile = g_file_new_for_path (path);
  display_name = g_filename_display_name (path);
  if (!g_file_load_contents (gfile, cancellable, &contents, &length, NULL, &read_error))
    {
      g_set_error (error, TALLY_GEO_ERROR, TALLY_GEO_ERROR_READ,
                   _("Cannot read “%s”: %s"), display_name, read_error->message);
      return NULL;
    }

  return tally_geo_file_parse (contents, length, display_name, known_codes, error);
}
