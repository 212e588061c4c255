/* tally-geo-geojson.c: reading a GeoJSON file's features.
 *
 * A FeatureCollection, a single Feature, or a bare geometry: each
 * feature's Polygon, MultiPolygon or GeometryCollection becomes its
 * polygons, in the file's own coordinates (tally-geo-file.c then decides
 * the coordinate system and projects them).  Points and lines add nothing.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "tally-geo-private.h"
#include "tally-geo-reader-private.h"

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
    return _tally_geo_reader_error (reader, error, TALLY_GEO_ERROR_FORMAT,
                                    _("feature %u: a polygon ring is not an array of positions"), feature);

  ring = json_node_get_array (node);
  n_positions = json_array_get_length (ring);
  if (!_tally_geo_count_points (reader, feature, n_positions, error))
    return FALSE;
  tally_geometry_builder_begin_ring (builder);
  for (guint i = 0; i < n_positions; i++)
    {
      double x, y;

      if (!_tally_geo_read_position (json_array_get_element (ring, i), &x, &y))
        return _tally_geo_reader_error (reader, error, TALLY_GEO_ERROR_FORMAT,
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
    return _tally_geo_reader_error (reader, error, TALLY_GEO_ERROR_FORMAT,
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
  const char *type = _tally_geo_member_string (geometry, "type");

  if (type == NULL)
    return _tally_geo_reader_error (reader, error, TALLY_GEO_ERROR_FORMAT,
                                    _("feature %u: its geometry has no “type”"), feature);

  if (g_str_equal (type, "Polygon"))
    return read_geojson_polygon (reader, builder, json_object_get_member (geometry, "coordinates"),
                                 feature, error);

  if (g_str_equal (type, "MultiPolygon"))
    {
      JsonArray *polygons = _tally_geo_member_array (geometry, "coordinates");

      if (polygons == NULL)
        return _tally_geo_reader_error (reader, error, TALLY_GEO_ERROR_FORMAT,
                                        _("feature %u: a MultiPolygon's coordinates are not an array"), feature);

      for (guint i = 0; i < json_array_get_length (polygons); i++)
        if (!read_geojson_polygon (reader, builder, json_array_get_element (polygons, i), feature, error))
          return FALSE;

      return TRUE;
    }

  if (g_str_equal (type, "GeometryCollection"))
    {
      JsonArray *geometries = _tally_geo_member_array (geometry, "geometries");

      if (geometries == NULL || depth > 8)
        return _tally_geo_reader_error (reader, error, TALLY_GEO_ERROR_FORMAT,
                                        _("feature %u: a GeometryCollection has no “geometries” array"), feature);

      for (guint i = 0; i < json_array_get_length (geometries); i++)
        {
          JsonNode *child = json_array_get_element (geometries, i);

          if (!JSON_NODE_HOLDS_OBJECT (child))
            return _tally_geo_reader_error (reader, error, TALLY_GEO_ERROR_FORMAT,
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

  return _tally_geo_reader_error (reader, error, TALLY_GEO_ERROR_FORMAT,
                                  _("feature %u: unknown geometry type “%s”"), feature, type);
}

static gboolean
read_geojson_feature (Reader      *reader,
                      JsonObject  *feature,
                      guint        number,
                      GError     **error)
{
  g_autoptr(TallyGeometryBuilder) builder = NULL;
  JsonObject *geometry = _tally_geo_member_object (feature, "geometry");

  if (g_strcmp0 (_tally_geo_member_string (feature, "type"), "Feature") != 0)
    return _tally_geo_reader_error (reader, error, TALLY_GEO_ERROR_FORMAT,
                                    _("feature %u is not a GeoJSON Feature"), number);

  if (geometry == NULL)
    {
      reader->n_skipped++;
      return TRUE;
    }

  builder = tally_geometry_builder_new ();
  if (!read_geojson_geometry (reader, builder, geometry, number, 0, error))
    return FALSE;

  _tally_geo_add_feature (reader, _tally_geo_member_object (feature, "properties"), json_object_get_member (feature, "id"),
                          g_steal_pointer (&builder));
  return TRUE;
}

gboolean
_tally_geo_read_geojson (Reader      *reader,
                         JsonObject  *root,
                         const char  *type,
                         GError     **error)
{
  if (g_str_equal (type, "FeatureCollection"))
    {
      JsonArray *features = _tally_geo_member_array (root, "features");

      if (features == NULL)
        return _tally_geo_reader_error (reader, error, TALLY_GEO_ERROR_FORMAT,
                                        _("a FeatureCollection with no “features” array"));

      for (guint i = 0; i < json_array_get_length (features); i++)
        {
          JsonNode *node = json_array_get_element (features, i);

          if (!JSON_NODE_HOLDS_OBJECT (node))
            return _tally_geo_reader_error (reader, error, TALLY_GEO_ERROR_FORMAT,
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
    _tally_geo_add_feature (reader, NULL, NULL, g_steal_pointer (&builder));
  }

  return TRUE;
}
