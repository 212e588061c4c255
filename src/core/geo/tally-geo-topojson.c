/* tally-geo-topojson.c: reading a TopoJSON file's features.
 *
 * The arcs are decoded once: with a `transform`, the positions are
 * quantised and delta-encoded, so each is the running sum of the ones
 * before it, scaled and translated.  A ring lists arc indices; ~i (that
 * is, -i - 1) means arc i reversed, and each arc after the first starts
 * where the previous one ended, so that point is kept once.  A file with
 * several objects is read from the one whose features carry the most
 * codes the database knows.
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
read_topojson_arcs (Reader      *reader,
                    JsonObject  *root,
                    GError     **error)
{
  JsonObject *transform = _tally_geo_member_object (root, "transform");
  JsonArray *arcs = _tally_geo_member_array (root, "arcs");
  double scale[2] = { 1, 1 }, translate[2] = { 0, 0 };
  guint n_arcs;

  if (arcs == NULL)
    return _tally_geo_reader_error (reader, error, TALLY_GEO_ERROR_FORMAT, _("a TopoJSON topology with no “arcs” array"));

  if (transform != NULL)
    {
      JsonArray *scale_array = _tally_geo_member_array (transform, "scale");
      JsonArray *translate_array = _tally_geo_member_array (transform, "translate");

      if (scale_array == NULL || translate_array == NULL ||
          json_array_get_length (scale_array) != 2 || json_array_get_length (translate_array) != 2 ||
          !_tally_geo_node_number (json_array_get_element (scale_array, 0), &scale[0]) ||
          !_tally_geo_node_number (json_array_get_element (scale_array, 1), &scale[1]) ||
          !_tally_geo_node_number (json_array_get_element (translate_array, 0), &translate[0]) ||
          !_tally_geo_node_number (json_array_get_element (translate_array, 1), &translate[1]))
        return _tally_geo_reader_error (reader, error, TALLY_GEO_ERROR_FORMAT,
                                        _("the TopoJSON “transform” needs a “scale” and a “translate” of two numbers each"));
    }

  n_arcs = json_array_get_length (arcs);
  if (n_arcs > TALLY_GEO_MAX_ARCS)
    return _tally_geo_reader_error (reader, error, TALLY_GEO_ERROR_TOO_BIG,
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
        return _tally_geo_reader_error (reader, error, TALLY_GEO_ERROR_FORMAT,
                                        _("TopoJSON arc %u is not an array of at least two positions"), i);

      g_array_append_val (reader->arc_first, first);
      for (guint j = 0; j < json_array_get_length (positions); j++)
        {
          double px, py, out_x, out_y;

          if (!_tally_geo_read_position (json_array_get_element (positions, j), &px, &py))
            return _tally_geo_reader_error (reader, error, TALLY_GEO_ERROR_FORMAT,
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
    return _tally_geo_reader_error (reader, error, TALLY_GEO_ERROR_FORMAT,
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
        return _tally_geo_reader_error (reader, error, TALLY_GEO_ERROR_FORMAT,
                                        _("object “%s”, feature %u: an arc index is not an integer"),
                                        reader->object_name, feature);

      index = json_node_get_int (index_node);
      if ((index >= 0 ? index : -index - 1) >= (gint64) n_arcs)
        return _tally_geo_reader_error (reader, error, TALLY_GEO_ERROR_FORMAT,
                                        _("object “%s”, feature %u refers to arc %" G_GINT64_FORMAT ", but there are only %u arcs"),
                                        reader->object_name, feature, index, n_arcs);

      arc = index >= 0 ? (guint) index : (guint) (-index - 1);
      start = first[arc];
      end = first[arc + 1];
      if (!_tally_geo_count_points (reader, feature, end - start, error))
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
    return _tally_geo_reader_error (reader, error, TALLY_GEO_ERROR_FORMAT,
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
  const char *type = _tally_geo_member_string (geometry, "type");

  if (type == NULL)
    return TRUE;  /* TopoJSON's null geometry */

  if (g_str_equal (type, "Polygon"))
    return read_topojson_polygon (reader, builder, json_object_get_member (geometry, "arcs"), feature, error);

  if (g_str_equal (type, "MultiPolygon"))
    {
      JsonArray *polygons = _tally_geo_member_array (geometry, "arcs");

      if (polygons == NULL)
        return _tally_geo_reader_error (reader, error, TALLY_GEO_ERROR_FORMAT,
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

  if (g_strcmp0 (_tally_geo_member_string (object, "type"), "GeometryCollection") == 0 &&
      (list = _tally_geo_member_array (object, "geometries")) != NULL)
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
      JsonObject *properties = _tally_geo_member_object (g_ptr_array_index (geometries, i), "properties");
      g_autoptr(GList) members = properties ? json_object_get_members (properties) : NULL;

      for (GList *l = members; l != NULL; l = l->next)
        {
          const char *value = _tally_geo_member_string (properties, l->data);

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

gboolean
_tally_geo_read_topojson (Reader      *reader,
                          JsonObject  *root,
                          GError     **error)
{
  JsonObject *objects = _tally_geo_member_object (root, "objects");
  g_autoptr(GList) names = NULL;
  g_autoptr(GPtrArray) chosen = NULL;
  guint best_known = 0;

  if (objects == NULL || json_object_get_size (objects) == 0)
    return _tally_geo_reader_error (reader, error, TALLY_GEO_ERROR_FORMAT, _("a TopoJSON topology with no “objects”"));

  /* Of several objects (countries, regions, districts…), the one naming
   * the most councils we know; in name order, so the choice is stable. */
  names = g_list_sort (json_object_get_members (objects), (GCompareFunc) g_strcmp0);
  for (GList *l = names; l != NULL; l = l->next)
    {
      JsonObject *object = _tally_geo_member_object (objects, l->data);
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
    return _tally_geo_reader_error (reader, error, TALLY_GEO_ERROR_FORMAT, _("none of the TopoJSON “objects” is an object"));

  if (!read_topojson_arcs (reader, root, error))
    return FALSE;

  for (guint i = 0; i < chosen->len; i++)
    {
      JsonObject *geometry = g_ptr_array_index (chosen, i);
      g_autoptr(TallyGeometryBuilder) builder = tally_geometry_builder_new ();

      if (!read_topojson_geometry (reader, builder, geometry, i + 1, error))
        return FALSE;

      _tally_geo_add_feature (reader, _tally_geo_member_object (geometry, "properties"), json_object_get_member (geometry, "id"),
                              g_steal_pointer (&builder));
    }

  return TRUE;
}
