/* tally-geo-reader-private.h: what the readers of boundary files share.
 *
 * The reader state and the helpers of tally-geo-file.c, used by the
 * GeoJSON (tally-geo-geojson.c) and TopoJSON (tally-geo-topojson.c) readers.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <json-glib/json-glib.h>

#include "tally-geo.h"

G_BEGIN_DECLS

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

/* tally-geo-file.c */
G_GNUC_PRINTF (4, 5)
gboolean    _tally_geo_reader_error  (Reader      *reader,
                                      GError     **error,
                                      int          code,
                                      const char  *format,
                                      ...);
const char *_tally_geo_member_string (JsonObject  *object,
                                      const char  *name);
JsonArray  *_tally_geo_member_array  (JsonObject  *object,
                                      const char  *name);
JsonObject *_tally_geo_member_object (JsonObject  *object,
                                      const char  *name);
gboolean    _tally_geo_node_number   (JsonNode    *node,
                                      double      *value);
gboolean    _tally_geo_read_position (JsonNode    *node,
                                      double      *x,
                                      double      *y);
gboolean    _tally_geo_count_points  (Reader      *reader,
                                      guint        feature,
                                      guint64      n,
                                      GError     **error);
gboolean    _tally_geo_add_feature   (Reader               *reader,
                                      JsonObject           *properties,
                                      JsonNode             *id,
                                      TallyGeometryBuilder *builder);

/* tally-geo-geojson.c */
gboolean    _tally_geo_read_geojson  (Reader      *reader,
                                      JsonObject  *root,
                                      const char  *type,
                                      GError     **error);

/* tally-geo-topojson.c */
gboolean    _tally_geo_read_topojson (Reader      *reader,
                                      JsonObject  *root,
                                      GError     **error);

G_END_DECLS
