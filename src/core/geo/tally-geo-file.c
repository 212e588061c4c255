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
 * This file holds what both formats share (the reader, its errors and
 * limits, the JSON helpers, the features read so far), steps 2 to 4, and
 * the entry points.  Step 1 is in tally-geo-geojson.c and
 * tally-geo-topojson.c.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>
#include <math.h>
#include <string.h>

#include "tally-geo-private.h"
#include "tally-geo-reader-private.h"

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
gboolean
_tally_geo_reader_error (Reader      *reader,
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

const char *
_tally_geo_member_string (JsonObject *object,
                          const char *name)
{
  JsonNode *node;

  if (object == NULL || !(node = json_object_get_member (object, name)) ||
      !JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;

  return json_node_get_string (node);
}

JsonArray *
_tally_geo_member_array (JsonObject *object,
                         const char *name)
{
  JsonNode *node;

  if (object == NULL || !(node = json_object_get_member (object, name)) || !JSON_NODE_HOLDS_ARRAY (node))
    return NULL;

  return json_node_get_array (node);
}

JsonObject *
_tally_geo_member_object (JsonObject *object,
                          const char *name)
{
  JsonNode *node;

  if (object == NULL || !(node = json_object_get_member (object, name)) || !JSON_NODE_HOLDS_OBJECT (node))
    return NULL;

  return json_node_get_object (node);
}

gboolean
_tally_geo_node_number (JsonNode *node,
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

gboolean
_tally_geo_read_position (JsonNode *node,
                          double   *x,
                          double   *y)
{
  JsonArray *position;

  if (!JSON_NODE_HOLDS_ARRAY (node))
    return FALSE;

  position = json_node_get_array (node);
  return json_array_get_length (position) >= 2 &&
         _tally_geo_node_number (json_array_get_element (position, 0), x) &&
         _tally_geo_node_number (json_array_get_element (position, 1), y);
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

/* Counts @n more points of @feature against the limits. */
gboolean
_tally_geo_count_points (Reader  *reader,
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
    return _tally_geo_reader_error (reader, error, TALLY_GEO_ERROR_TOO_BIG,
                                    _("feature %u has more than %d points (limit “points per boundary”); "
                                      "if the file is genuine, simplify it first (for example with mapshaper -simplify)"),
                                    feature, TALLY_GEO_MAX_BOUNDARY_POINTS);
  if (reader->n_points > TALLY_GEO_MAX_FILE_POINTS)
    return _tally_geo_reader_error (reader, error, TALLY_GEO_ERROR_TOO_BIG,
                                    _("its boundaries have more than %d points in all (limit “points per file”); "
                                      "if the file is genuine, simplify it first (for example with mapshaper -simplify)"),
                                    TALLY_GEO_MAX_FILE_POINTS);
  return TRUE;
}

gboolean
_tally_geo_add_feature (Reader     *reader,
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

/* Coordinate systems */

static gboolean
read_declared_crs (Reader      *reader,
                   JsonObject  *root,
                   GError     **error)
{
  JsonObject *crs = _tally_geo_member_object (root, "crs");
  const char *name = _tally_geo_member_string (_tally_geo_member_object (crs, "properties"), "name");

  if (crs == NULL)
    return TRUE;

  if (name == NULL)
    return _tally_geo_reader_error (reader, error, TALLY_GEO_ERROR_CRS,
                                    _("its “crs” member does not name a coordinate system"));

  if (strstr (name, "27700") != NULL)
    reader->declared_crs = TALLY_GEO_CRS_BNG;
  else if (g_str_has_suffix (name, "4326") || g_str_has_suffix (name, "CRS84"))
    reader->declared_crs = TALLY_GEO_CRS_WGS84;
  else
    return _tally_geo_reader_error (reader, error, TALLY_GEO_ERROR_CRS,
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
        return _tally_geo_reader_error (reader, error, TALLY_GEO_ERROR_CRS,
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
    return _tally_geo_reader_error (reader, error, TALLY_GEO_ERROR_CRS,
                                    _("its coordinates look like latitude before longitude; GeoJSON puts longitude first"));

  if (min_x >= -180 && max_x <= 180 && min_y >= -90 && max_y <= 90)
    *crs = TALLY_GEO_CRS_WGS84;
  else if (min_x >= -100000 && max_x <= 900000 && min_y >= -100000 && max_y <= 1400000)
    *crs = TALLY_GEO_CRS_BNG;
  else
    return _tally_geo_reader_error (reader, error, TALLY_GEO_ERROR_CRS,
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
        return _tally_geo_reader_error (reader, error, TALLY_GEO_ERROR_PROJECTION,
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
          const char *value = l->data ? _tally_geo_member_string (raw->properties, key) : raw->id;
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
      if (_tally_geo_member_string (properties, paired) != NULL)
        return g_steal_pointer (&paired);
    }

  for (guint i = 0; fallbacks[i] != NULL; i++)
    if (_tally_geo_member_string (properties, fallbacks[i]) != NULL)
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
      _tally_geo_reader_error (&reader, error, TALLY_GEO_ERROR_PARSE, _("not JSON: %s"), parse_error->message);
      reader_clear (&reader);
      return NULL;
    }

  root = json_parser_get_root (parser);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    {
      _tally_geo_reader_error (&reader, error, TALLY_GEO_ERROR_FORMAT, _("neither GeoJSON nor TopoJSON: it is not a JSON object"));
      reader_clear (&reader);
      return NULL;
    }

  root_object = json_node_get_object (root);
  type = _tally_geo_member_string (root_object, "type");
  file = g_new0 (TallyGeoFile, 1);
  file->path = g_strdup (display_name);

  if (type == NULL)
    {
      _tally_geo_reader_error (&reader, error, TALLY_GEO_ERROR_FORMAT, _("neither GeoJSON nor TopoJSON: it has no “type”"));
      ok = FALSE;
    }
  else if (g_str_equal (type, "Topology"))
    {
      file->format = TALLY_GEO_FORMAT_TOPOJSON;
      ok = read_declared_crs (&reader, root_object, error) && _tally_geo_read_topojson (&reader, root_object, error);
    }
  else if (g_str_equal (type, "FeatureCollection") || g_str_equal (type, "Feature") ||
           g_str_equal (type, "Polygon") || g_str_equal (type, "MultiPolygon") ||
           g_str_equal (type, "GeometryCollection"))
    {
      file->format = TALLY_GEO_FORMAT_GEOJSON;
      ok = read_declared_crs (&reader, root_object, error) && _tally_geo_read_geojson (&reader, root_object, type, error);
    }
  else
    {
      _tally_geo_reader_error (&reader, error, TALLY_GEO_ERROR_FORMAT,
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
          const char *code = _tally_geo_member_string (raw->properties, file->code_property);

          if (code == NULL && g_str_equal (file->code_property, "id"))
            code = raw->id;
          feature->code = g_strdup (code);
        }
      if (file->name_property != NULL)
        feature->name = g_strdup (_tally_geo_member_string (raw->properties, file->name_property));
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
