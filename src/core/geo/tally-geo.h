/* tally-geo.h: council shapes: polygons in British National Grid metres,
 * read from GeoJSON and TopoJSON files.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "tally-types.h"

G_BEGIN_DECLS

/* What one boundary file may hold (docs/LIMITS.md).  A full-resolution
 * file of every UK council has about 5 million points; a TopoJSON ring that
 * names one arc 200,000 times would otherwise mean 134 million. */
#define TALLY_GEO_MAX_BOUNDARY_POINTS 1000000
#define TALLY_GEO_MAX_FILE_POINTS     10000000
#define TALLY_GEO_MAX_ARCS            2000000

#define TALLY_GEO_ERROR (tally_geo_error_quark ())

typedef enum
{
  TALLY_GEO_ERROR_READ,        /* the file could not be read */
  TALLY_GEO_ERROR_PARSE,       /* not JSON at all */
  TALLY_GEO_ERROR_FORMAT,      /* JSON, but not the GeoJSON, TopoJSON or HexJSON it should be */
  TALLY_GEO_ERROR_CRS,         /* coordinates in a system Tally cannot place */
  TALLY_GEO_ERROR_PROJECTION,  /* PROJ could not transform them */
  TALLY_GEO_ERROR_NO_MATCH,    /* nothing in the file is a council the database knows */
  TALLY_GEO_ERROR_TOO_BIG,     /* past a limit below (docs/LIMITS.md) */
} TallyGeoError;

/* Coordinate reference systems a file may use. */
typedef enum
{
  TALLY_GEO_CRS_UNKNOWN,
  TALLY_GEO_CRS_WGS84,  /* EPSG:4326, longitude and latitude in degrees */
  TALLY_GEO_CRS_BNG,    /* EPSG:27700, British National Grid easting and northing in metres */
} TallyGeoCrs;

typedef enum
{
  TALLY_GEO_FORMAT_GEOJSON,
  TALLY_GEO_FORMAT_TOPOJSON,
} TallyGeoFormat;

GQuark         tally_geo_error_quark        (void);
const char    *tally_geo_crs_to_string      (TallyGeoCrs      crs);
const char    *tally_geo_format_to_string   (TallyGeoFormat   format);

/* TallyGeometry: one council's (multi)polygon, immutable and shared.
 *
 * Points are (x, y) pairs: easting and northing in metres.  A geometry
 * holds polygons; a polygon holds rings, the first its outline and the
 * others its holes.  Rings are stored open (the closing point is not
 * repeated) and have at least three points.  Whatever the winding, the
 * even-odd rule decides what is inside, as cairo's
 * CAIRO_FILL_RULE_EVEN_ODD paints it. */
typedef struct _TallyGeometry TallyGeometry;

#define TALLY_TYPE_GEOMETRY (tally_geometry_get_type ())

GType          tally_geometry_get_type           (void) G_GNUC_CONST;
TallyGeometry *tally_geometry_ref                (TallyGeometry  *self);
void           tally_geometry_unref              (TallyGeometry  *self);
guint          tally_geometry_get_n_polygons     (TallyGeometry  *self);
guint          tally_geometry_get_polygon_rings  (TallyGeometry  *self,
                                                  guint           polygon,
                                                  guint          *first_ring);
guint          tally_geometry_get_n_rings        (TallyGeometry  *self);
const double  *tally_geometry_get_ring           (TallyGeometry  *self,
                                                  guint           ring,
                                                  guint          *n_points);
guint          tally_geometry_get_n_points       (TallyGeometry  *self);
void           tally_geometry_get_bounds         (TallyGeometry  *self,
                                                  double         *min_x,
                                                  double         *min_y,
                                                  double         *max_x,
                                                  double         *max_y);
gboolean       tally_geometry_contains           (TallyGeometry  *self,
                                                  double          x,
                                                  double          y);
double         tally_geometry_get_area           (TallyGeometry  *self);
gboolean       tally_geometry_get_centroid       (TallyGeometry  *self,
                                                  double         *x,
                                                  double         *y);
GBytes        *tally_geometry_pack               (TallyGeometry  *self);
TallyGeometry *tally_geometry_unpack             (GBytes         *bytes,
                                                  GError        **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TallyGeometry, tally_geometry_unref)

/* Builds a geometry ring by ring. */
typedef struct _TallyGeometryBuilder TallyGeometryBuilder;

TallyGeometryBuilder *tally_geometry_builder_new           (void);
void                  tally_geometry_builder_free          (TallyGeometryBuilder *builder);
void                  tally_geometry_builder_begin_polygon (TallyGeometryBuilder *builder);
void                  tally_geometry_builder_begin_ring    (TallyGeometryBuilder *builder);
void                  tally_geometry_builder_add_point     (TallyGeometryBuilder *builder,
                                                            double                x,
                                                            double                y);
guint                 tally_geometry_builder_get_n_polygons (TallyGeometryBuilder *builder);
TallyGeometry        *tally_geometry_builder_end           (TallyGeometryBuilder *builder);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TallyGeometryBuilder, tally_geometry_builder_free)

/* One feature of a boundary file: a code and name, when the file has them,
 * and its shape in British National Grid metres. */
typedef struct
{
  char          *code;      /* nullable */
  char          *name;      /* nullable */
  TallyGeometry *geometry;
} TallyGeoFeature;

/* A boundary file, read and projected. */
typedef struct
{
  char           *path;
  TallyGeoFormat  format;
  TallyGeoCrs     crs;            /* of the file; features are always in BNG */
  char           *object_name;    /* the TopoJSON object read, or NULL */
  char           *code_property;  /* the property the codes came from, or NULL */
  char           *name_property;  /* likewise for names */
  GPtrArray      *features;       /* TallyGeoFeature*, in file order */
  guint           n_skipped;      /* features with no polygon (points, lines, null) */
} TallyGeoFile;

TallyGeoFile  *tally_geo_file_load  (const char          *path,
                                     GHashTable          *known_codes,
                                     GCancellable        *cancellable,
                                     GError             **error);
TallyGeoFile  *tally_geo_file_parse (const char          *data,
                                     gssize               length,
                                     const char          *display_name,
                                     GHashTable          *known_codes,
                                     GError             **error);
void           tally_geo_file_free  (TallyGeoFile        *file);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TallyGeoFile, tally_geo_file_free)

gboolean       tally_geo_project_wgs84 (double   *points,
                                        gsize     n_points,
                                        GError  **error);

G_END_DECLS
