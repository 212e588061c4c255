/* test-geo.c: council boundaries from GeoJSON and TopoJSON, in WGS84 and
 * British National Grid; storing them; hit-testing and simplifying them.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <math.h>
#include <string.h>

#include "tally-boundaries.h"
#include "tally-database.h"
#include "tally-geo.h"
#include "tally-test-util.h"

#define BIRMINGHAM "E08000025"
#define CAMBRIDGE "E07000008"
#define SOUTH_CAMBRIDGESHIRE "E07000012"

/* A copy of the bundled database, to write into. */
static TallyDatabase *
open_scratch_database (const char *dir)
{
  g_autofree char *path = g_build_filename (dir, "scratch.db", NULL);
  g_autoptr(GFile) source = g_file_new_for_path (tally_test_bundled_database ());
  g_autoptr(GFile) target = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  TallyDatabase *database;

  g_file_copy (source, target, G_FILE_COPY_OVERWRITE, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  database = tally_database_open (path, 0, &error);
  g_assert_no_error (error);
  return database;
}

static char *
shared_file (const char *relative)
{
  char *path = tally_test_shared_data_path (relative);

  if (path == NULL)
    g_test_skip ("../shared/data/geo is not there");
  return path;
}

static TallyGeoFile *
load (const char *path)
{
  g_autoptr(GError) error = NULL;
  TallyGeoFile *file = tally_geo_file_load (path, NULL, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (file);
  return file;
}

static guint
count_english (TallyGeoFile *file)
{
  g_autoptr(GHashTable) codes = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < file->features->len; i++)
    {
      TallyGeoFeature *feature = g_ptr_array_index (file->features, i);

      if (feature->code != NULL && feature->code[0] == 'E')
        g_hash_table_add (codes, feature->code);
    }

  return g_hash_table_size (codes);
}

static void
test_geojson_bng (void)
{
  g_autofree char *path = shared_file ("geo/lad2018/lad2018_england_bgc_bng.geojson");
  g_autoptr(TallyGeoFile) file = NULL;

  if (path == NULL)
    return;

  file = load (path);
  g_assert_cmpint (file->format, ==, TALLY_GEO_FORMAT_GEOJSON);
  g_assert_cmpint (file->crs, ==, TALLY_GEO_CRS_BNG);
  g_assert_cmpstr (file->code_property, ==, "lad18cd");
  g_assert_cmpstr (file->name_property, ==, "lad18nm");
  g_assert_cmpuint (file->features->len, ==, 326);
  g_assert_cmpuint (count_english (file), ==, 326);
}

static void
test_topojson_uk (void)
{
  g_autofree char *path = shared_file ("geo/lad2018/LAD_December_2018_Boundaries_UK_BUC_2022.topojson");
  g_autoptr(TallyGeoFile) file = NULL;

  if (path == NULL)
    return;

  file = load (path);
  g_assert_cmpint (file->format, ==, TALLY_GEO_FORMAT_TOPOJSON);
  g_assert_cmpint (file->crs, ==, TALLY_GEO_CRS_WGS84);
  g_assert_cmpstr (file->object_name, ==, "data");
  g_assert_cmpstr (file->code_property, ==, "lad18cd");
  g_assert_cmpuint (file->features->len, ==, 391);
  g_assert_cmpuint (count_english (file), ==, 326);
}

/* The ONS multi-layer file: the district layer is chosen, by its codes. */
static void
test_topojson_layers (void)
{
  g_autofree char *path = shared_file ("geo/ons-uk-topojson/uk-topo-2014-2025.topojson");
  g_autoptr(TallyGeoFile) file = NULL;
  g_autoptr(GHashTable) known = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GError) error = NULL;

  if (path == NULL)
    return;

  /* Without knowing the councils, the layer with most codes wins. */
  file = load (path);
  g_assert_cmpstr (file->object_name, ==, "ltla");
  g_assert_cmpstr (file->code_property, ==, "areacd");
  g_clear_pointer (&file, tally_geo_file_free);

  /* Knowing only metropolitan counties, their layer does. */
  g_hash_table_add (known, (char *) "E11000001");
  g_hash_table_add (known, (char *) "E11000002");
  file = tally_geo_file_load (path, known, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (file->object_name, ==, "mcty");
}

static void
assert_close_to (TallyGeoFile *projected,
                 TallyGeoFile *native,
                 double        tolerance)
{
  g_autoptr(GHashTable) by_code = g_hash_table_new (g_str_hash, g_str_equal);
  double worst_centroid = 0, worst_vertex = 0;

  g_assert_cmpuint (projected->features->len, ==, native->features->len);
  for (guint i = 0; i < native->features->len; i++)
    {
      TallyGeoFeature *feature = g_ptr_array_index (native->features, i);

      g_hash_table_insert (by_code, feature->code, feature);
    }

  for (guint i = 0; i < projected->features->len; i++)
    {
      TallyGeoFeature *feature = g_ptr_array_index (projected->features, i);
      TallyGeoFeature *other = g_hash_table_lookup (by_code, feature->code);
      double x1, y1, x2, y2;

      g_assert_nonnull (other);
      g_assert_true (tally_geometry_get_centroid (feature->geometry, &x1, &y1));
      g_assert_true (tally_geometry_get_centroid (other->geometry, &x2, &y2));
      worst_centroid = MAX (worst_centroid, hypot (x1 - x2, y1 - y2));

      /* Every vertex has a vertex of the other file's shape close by. */
      for (guint ring = 0; ring < tally_geometry_get_n_rings (feature->geometry); ring++)
        {
          guint n_points;
          const double *points = tally_geometry_get_ring (feature->geometry, ring, &n_points);

          for (guint p = 0; p < n_points; p++)
            {
              double nearest = INFINITY;

              for (guint other_ring = 0; other_ring < tally_geometry_get_n_rings (other->geometry); other_ring++)
                {
                  guint n_other;
                  const double *other_points = tally_geometry_get_ring (other->geometry, other_ring, &n_other);

                  for (guint j = 0; j < n_other; j++)
                    nearest = MIN (nearest, hypot (points[2 * p] - other_points[2 * j],
                                                   points[2 * p + 1] - other_points[2 * j + 1]));
                }

              worst_vertex = MAX (worst_vertex, nearest);
            }
        }
    }

  g_test_message ("WGS84 projected vs BNG: centroids within %.1f m, vertices within %.1f m",
                  worst_centroid, worst_vertex);
  g_assert_cmpfloat (worst_centroid, <, tolerance);
  g_assert_cmpfloat (worst_vertex, <, tolerance);
}

static void
test_wgs84_lands_on_bng (void)
{
  g_autofree char *wgs84_path = shared_file ("geo/lad2018/lad2018_england_bgc_simpl10_wgs84.geojson");
  g_autofree char *bng_path = shared_file ("geo/lad2018/lad2018_england_bgc_simpl10_bng.geojson");
  g_autoptr(TallyGeoFile) wgs84 = NULL;
  g_autoptr(TallyGeoFile) bng = NULL;

  if (wgs84_path == NULL || bng_path == NULL)
    return;

  wgs84 = load (wgs84_path);
  bng = load (bng_path);
  g_assert_cmpint (wgs84->crs, ==, TALLY_GEO_CRS_WGS84);
  g_assert_cmpint (bng->crs, ==, TALLY_GEO_CRS_BNG);
  g_assert_cmpuint (count_english (wgs84), ==, 326);

  /* "Within a few hundred metres"; in fact a few metres. */
  assert_close_to (wgs84, bng, 300);
}

static void
test_import_and_hit_test (void)
{
  g_autofree char *path = shared_file ("geo/lad2018/lad2018_england_bgc_bng.geojson");
  g_autofree char *dir = NULL;
  g_autoptr(TallyDatabase) database = NULL;
  g_autoptr(TallyBoundaryImport) report = NULL;
  g_autoptr(TallyBoundaries) boundaries = NULL;
  g_autoptr(GError) error = NULL;
  int hit;

  if (path == NULL)
    return;

  dir = tally_test_make_temp_dir ();
  database = open_scratch_database (dir);
  report = tally_boundaries_import_file (database, path, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (report->n_features, ==, 326);
  g_assert_cmpuint (report->n_stored, ==, 326);
  g_assert_cmpuint (report->unmatched->len, ==, 0);
  g_assert_cmpuint (report->missing->len, ==, 0);
  g_assert_cmpstr (report->code_property, ==, "lad18cd");

  boundaries = tally_boundaries_load (database, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (tally_boundaries_get_n_items (boundaries), ==, 326);

  /* Victoria Square, in the middle of Birmingham. */
  hit = tally_boundaries_hit_test (boundaries, 406870, 286920);
  g_assert_cmpint (hit, >=, 0);
  g_assert_cmpstr (tally_boundaries_get_code (boundaries, hit), ==, BIRMINGHAM);
  g_assert_cmpstr (tally_boundaries_get_name (boundaries, hit), ==, "Birmingham");

  /* King's Parade, Cambridge: inside the hole of South Cambridgeshire. */
  hit = tally_boundaries_hit_test (boundaries, 544800, 258300);
  g_assert_cmpstr (tally_boundaries_get_code (boundaries, hit), ==, CAMBRIDGE);
  g_assert_false (tally_geometry_contains (tally_boundaries_get_geometry (boundaries,
                                                                          tally_boundaries_lookup (boundaries, SOUTH_CAMBRIDGESHIRE)),
                                           544800, 258300));
  /* Out at sea. */
  g_assert_cmpint (tally_boundaries_hit_test (boundaries, 700000, 100000), ==, -1);

  g_clear_object (&database);
  tally_test_remove_dir (dir);
}

static void
test_import_topojson_reports_unmatched (void)
{
  g_autofree char *path = shared_file ("geo/lad2018/LAD_December_2018_Boundaries_UK_BUC_2022.topojson");
  g_autofree char *dir = NULL;
  g_autoptr(TallyDatabase) database = NULL;
  g_autoptr(TallyBoundaryImport) report = NULL;
  g_autoptr(TallyBoundaries) boundaries = NULL;
  g_autoptr(GError) error = NULL;
  gboolean glasgow = FALSE;

  if (path == NULL)
    return;

  dir = tally_test_make_temp_dir ();
  database = open_scratch_database (dir);
  report = tally_boundaries_import_file (database, path, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (report->n_features, ==, 391);
  g_assert_cmpuint (report->n_stored, ==, 326);
  g_assert_cmpuint (report->unmatched->len, ==, 65);
  for (guint i = 0; i < report->unmatched->len; i++)
    glasgow |= g_str_has_suffix (g_ptr_array_index (report->unmatched, i), "Glasgow City");
  g_assert_true (glasgow);

  boundaries = tally_boundaries_load (database, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (tally_boundaries_get_n_items (boundaries), ==, 326);
  g_assert_cmpstr (tally_boundaries_get_code (boundaries, tally_boundaries_hit_test (boundaries, 406870, 286920)),
                   ==, BIRMINGHAM);

  g_clear_object (&database);
  tally_test_remove_dir (dir);
}

static void
test_failed_import_changes_nothing (void)
{
  g_autofree char *dir = tally_test_make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "nowhere.geojson", NULL);
  g_autoptr(TallyDatabase) database = open_scratch_database (dir);
  g_autoptr(TallyDatabase) read_only = NULL;
  g_autoptr(TallyBoundaries) boundaries = NULL;
  g_autoptr(GError) error = NULL;
  const char *text =
    "{\"type\": \"FeatureCollection\", \"features\": [{\"type\": \"Feature\", "
    "\"properties\": {\"code\": \"W06000001\"}, \"geometry\": {\"type\": \"Polygon\", "
    "\"coordinates\": [[[300000, 300000], [301000, 300000], [301000, 301000], [300000, 300000]]]}}]}";

  g_assert_true (g_file_set_contents (path, text, -1, NULL));
  g_assert_null (tally_boundaries_import_file (database, path, NULL, &error));
  g_assert_error (error, TALLY_GEO_ERROR, TALLY_GEO_ERROR_NO_MATCH);
  g_assert_nonnull (strstr (error->message, "nowhere.geojson"));
  g_assert_nonnull (strstr (error->message, "none of its 1 features"));
  g_clear_error (&error);

  boundaries = tally_boundaries_load (database, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (tally_boundaries_get_n_items (boundaries), ==, 0);

  /* Never into a read-only database. */
  read_only = tally_database_open (tally_test_bundled_database (), TALLY_DATABASE_OPEN_READ_ONLY, &error);
  g_assert_no_error (error);
  g_assert_null (tally_boundaries_import_file (read_only, path, NULL, &error));
  g_assert_nonnull (strstr (error->message, "read-only"));

  g_clear_object (&database);
  tally_test_remove_dir (dir);
}

static void
test_bad_files (void)
{
  const struct
  {
    const char *text;
    int         code;
    const char *says;
  } cases[] = {
    { "{\"type\": \"FeatureCollection\", \"features\": [", TALLY_GEO_ERROR_PARSE, "not JSON" },
    { "\"just a string\"", TALLY_GEO_ERROR_FORMAT, "not a JSON object" },
    { "{\"type\": \"Atlas\"}", TALLY_GEO_ERROR_FORMAT, "its “type” is “Atlas”" },
    { "{\"features\": []}", TALLY_GEO_ERROR_FORMAT, "no “type”" },
    { "{\"type\": \"FeatureCollection\"}", TALLY_GEO_ERROR_FORMAT, "no “features” array" },
    { "{\"type\": \"FeatureCollection\", \"features\": [{\"type\": \"Feature\", \"geometry\": "
      "{\"type\": \"Polygon\", \"coordinates\": [[[0, 0], [1, \"x\"], [1, 1], [0, 0]]]}}]}",
      TALLY_GEO_ERROR_FORMAT, "feature 1: position 2 of a ring is not a pair of numbers" },
    { "{\"type\": \"FeatureCollection\", \"features\": [{\"type\": \"Feature\", \"geometry\": "
      "{\"type\": \"Hexagon\", \"coordinates\": []}}]}",
      TALLY_GEO_ERROR_FORMAT, "feature 1: unknown geometry type “Hexagon”" },
    { "{\"type\": \"Polygon\", \"coordinates\": [[[52.5, -1.9], [52.6, -1.9], [52.6, -1.8], [52.5, -1.9]]]}",
      TALLY_GEO_ERROR_CRS, "latitude before longitude" },
    { "{\"type\": \"Polygon\", \"coordinates\": [[[5e6, 5e6], [5.1e6, 5e6], [5.1e6, 5.1e6], [5e6, 5e6]]]}",
      TALLY_GEO_ERROR_CRS, "neither WGS84 longitude and latitude nor British National Grid metres" },
    { "{\"type\": \"Polygon\", \"crs\": {\"type\": \"name\", \"properties\": {\"name\": \"urn:ogc:def:crs:EPSG::3857\"}}, "
      "\"coordinates\": [[[0, 0], [1, 0], [1, 1], [0, 0]]]}",
      TALLY_GEO_ERROR_CRS, "EPSG::3857" },
    { "{\"type\": \"Topology\", \"arcs\": [[[0, 0], [1, 1]]], \"objects\": {\"lad\": {\"type\": \"GeometryCollection\", "
      "\"geometries\": [{\"type\": \"Polygon\", \"arcs\": [[0, 5]]}]}}}",
      TALLY_GEO_ERROR_FORMAT, "object “lad”, feature 1 refers to arc 5, but there are only 1 arcs" },
    { "{\"type\": \"Topology\", \"objects\": {\"lad\": {\"type\": \"GeometryCollection\", \"geometries\": []}}}",
      TALLY_GEO_ERROR_FORMAT, "no “arcs” array" },
    { "{\"type\": \"Topology\", \"transform\": {\"scale\": [1]}, \"arcs\": [], \"objects\": {\"a\": {}}}",
      TALLY_GEO_ERROR_FORMAT, "“transform” needs a “scale” and a “translate”" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(TallyGeoFile) file = tally_geo_file_parse (cases[i].text, -1, "bad.json", NULL, &error);

      g_assert_null (file);
      g_assert_nonnull (error);
      g_assert_cmpint (error->code, ==, cases[i].code);
      if (strstr (error->message, cases[i].says) == NULL || !g_str_has_prefix (error->message, "“bad.json”: "))
        g_error ("case %u: “%s” does not say “%s”", i, error->message, cases[i].says);
    }
}

/* A square with a square hole, and an island in the hole, as two
 * polygons of one MultiPolygon; then the same shape as TopoJSON with
 * quantised, delta-encoded arcs. */
static void
test_holes_and_islands (void)
{
  const char *geojson =
    "{\"type\": \"Feature\", \"properties\": {\"lad18cd\": \"E99999999\"}, \"geometry\": {\"type\": \"MultiPolygon\", "
    "\"coordinates\": ["
    "[[[400000, 300000], [410000, 300000], [410000, 310000], [400000, 310000], [400000, 300000]],"
    " [[403000, 303000], [403000, 307000], [407000, 307000], [407000, 303000], [403000, 303000]]],"
    "[[[404000, 304000], [406000, 304000], [406000, 306000], [404000, 306000], [404000, 304000]]]]}}";
  /* scale 1000, translate (400000, 300000): the same three squares. */
  const char *topojson =
    "{\"type\": \"Topology\", \"transform\": {\"scale\": [1000, 1000], \"translate\": [400000, 300000]},"
    " \"arcs\": [[[0, 0], [10, 0], [0, 10], [-10, 0], [0, -10]],"
    "            [[3, 3], [0, 4], [4, 0], [0, -4], [-4, 0]],"
    "            [[4, 4], [2, 0], [0, 2], [-2, 0], [0, -2]]],"
    " \"objects\": {\"shapes\": {\"type\": \"GeometryCollection\", \"geometries\": ["
    "   {\"type\": \"MultiPolygon\", \"id\": \"E99999999\", \"arcs\": [[[0], [1]], [[2]]]}]}}}";
  const char *texts[] = { geojson, topojson };

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(TallyGeoFile) file = tally_geo_file_parse (texts[i], -1, "shape.json", NULL, &error);
      TallyGeometry *geometry;
      g_autoptr(GBytes) packed = NULL;
      g_autoptr(TallyGeometry) unpacked = NULL;
      double x, y;

      g_assert_no_error (error);
      g_assert_cmpint (file->crs, ==, TALLY_GEO_CRS_BNG);
      g_assert_cmpuint (file->features->len, ==, 1);
      g_assert_cmpstr (((TallyGeoFeature *) g_ptr_array_index (file->features, 0))->code, ==, "E99999999");

      geometry = ((TallyGeoFeature *) g_ptr_array_index (file->features, 0))->geometry;
      g_assert_cmpuint (tally_geometry_get_n_polygons (geometry), ==, 2);
      g_assert_cmpuint (tally_geometry_get_n_rings (geometry), ==, 3);
      g_assert_cmpuint (tally_geometry_get_n_points (geometry), ==, 12);

      g_assert_true (tally_geometry_contains (geometry, 401000, 301000));   /* the square */
      g_assert_false (tally_geometry_contains (geometry, 403500, 303500));  /* the hole */
      g_assert_true (tally_geometry_contains (geometry, 405000, 305000));   /* the island */
      g_assert_false (tally_geometry_contains (geometry, 411000, 305000));  /* outside */
      g_assert_cmpfloat_with_epsilon (tally_geometry_get_area (geometry), 100e6 - 16e6 + 4e6, 1);
      g_assert_true (tally_geometry_get_centroid (geometry, &x, &y));
      g_assert_cmpfloat_with_epsilon (x, 405000, 1e-6);
      g_assert_cmpfloat_with_epsilon (y, 305000, 1e-6);

      /* The stored form reads back the same. */
      packed = tally_geometry_pack (geometry);
      unpacked = tally_geometry_unpack (packed, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (tally_geometry_get_n_points (unpacked), ==, 12);
      g_assert_true (tally_geometry_contains (unpacked, 405000, 305000));
      g_assert_false (tally_geometry_contains (unpacked, 403500, 303500));
    }
}

static void
test_damaged_blob (void)
{
  g_autoptr(GBytes) garbage = g_bytes_new_static ("TGEO\001\0\0\0\377\377\377\377\0\0\0\0\0\0\0\0", 20);
  g_autoptr(GBytes) foreign = g_bytes_new_static ("PNG!", 4);
  g_autoptr(GError) error = NULL;

  g_assert_null (tally_geometry_unpack (garbage, &error));
  g_assert_error (error, TALLY_GEO_ERROR, TALLY_GEO_ERROR_FORMAT);
  g_clear_error (&error);
  g_assert_null (tally_geometry_unpack (foreign, &error));
  g_assert_error (error, TALLY_GEO_ERROR, TALLY_GEO_ERROR_FORMAT);
}

static void
test_projection (void)
{
  /* Birmingham's ONS label point, from the file's own properties. */
  double points[2] = { -1.88141, 52.48400116 };
  g_autoptr(GError) error = NULL;

  g_assert_true (tally_geo_project_wgs84 (points, 1, &error));
  g_assert_no_error (error);
  g_assert_cmpfloat (fabs (points[0] - 408150), <, 30);
  g_assert_cmpfloat (fabs (points[1] - 287352), <, 30);
}

static gboolean
proj_is_mapped (void)
{
  g_autofree char *maps = NULL;

  g_assert_true (g_file_get_contents ("/proc/self/maps", &maps, NULL, NULL));
  return strstr (maps, "/libproj.so") != NULL;
}

/* PROJ (and the libtiff, libcurl and libstdc++ it brings) is not mapped
 * until something is projected: a start, a summary, an export pay nothing
 * for it.  Registered first, so that no other test has projected yet. */
static void
test_projection_loaded_when_needed (void)
{
  double points[2] = { -1.88141, 52.48400116 };
  g_autoptr(GError) error = NULL;

  if (!g_file_test ("/proc/self/maps", G_FILE_TEST_EXISTS))
    {
      g_test_skip ("no /proc/self/maps on this system");
      return;
    }

  g_assert_false (proj_is_mapped ());
  g_assert_true (tally_geo_project_wgs84 (points, 1, &error));
  g_assert_no_error (error);
  g_assert_true (proj_is_mapped ());
}

/* Each level is made from borders simplified once, so neighbours keep
 * sharing every vertex: no slivers open between them. */
static void
test_levels_share_borders (void)
{
  g_autofree char *path = shared_file ("geo/lad2018/lad2018_england_bgc_bng.geojson");
  g_autoptr(TallyGeoFile) file = NULL;
  g_autoptr(TallyBoundaries) boundaries = NULL;
  guint previous = G_MAXUINT;

  if (path == NULL)
    return;

  file = load (path);
  boundaries = tally_boundaries_new_from_file (file);

  for (guint level = 0; level <= 9; level += 3)
    {
      g_autoptr(GHashTable) border_points = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
      guint n_points = 0, n_shared = 0;

      for (guint border = 0; border < tally_boundaries_get_n_borders (boundaries, level); border++)
        {
          guint count;
          gboolean shared;
          const double *points = tally_boundaries_get_border (boundaries, level, border, &count, &shared);

          n_shared += shared;
          for (guint i = 0; i < count; i++)
            g_hash_table_add (border_points, g_strdup_printf ("%.3f %.3f", points[2 * i], points[2 * i + 1]));
        }
      g_assert_cmpuint (n_shared, >, 1000);

      for (guint index = 0; index < tally_boundaries_get_n_items (boundaries); index++)
        {
          TallyGeometry *geometry = tally_boundaries_get_simplified (boundaries, index, level);

          n_points += tally_geometry_get_n_points (geometry);
          for (guint ring = 0; ring < tally_geometry_get_n_rings (geometry); ring++)
            {
              guint count;
              const double *points = tally_geometry_get_ring (geometry, ring, &count);

              for (guint i = 0; i < count; i++)
                {
                  g_autofree char *key = g_strdup_printf ("%.3f %.3f", points[2 * i], points[2 * i + 1]);

                  g_assert_true (g_hash_table_contains (border_points, key));
                }
            }
        }

      g_test_message ("level %u: %u points", level, n_points);
      g_assert_cmpuint (n_points, <, previous);
      previous = n_points;
    }

  /* At a scale showing all England in 900 pixels, a few percent of the points. */
  {
    guint level = tally_boundaries_level_for_scale (900.0 / 650000);
    guint n_points = 0;

    g_assert_cmpuint (level, >=, 5);
    for (guint index = 0; index < tally_boundaries_get_n_items (boundaries); index++)
      n_points += tally_geometry_get_n_points (tally_boundaries_get_simplified (boundaries, index, level));
    g_assert_cmpuint (n_points, <, 221049 / 4);
  }
}

/* Problems 1 and 2 of issue 17: 100,000 nested "[" overflowed json-glib's
 * stack; a TopoJSON ring naming one 669-point arc again and again took
 * minutes and gigabytes.  Both are refused, naming their limit. */
static void
test_limits (void)
{
  g_autoptr(GString) nested = g_string_new ("{\"type\":\"FeatureCollection\",\"features\":");
  g_autoptr(GString) reused = g_string_new ("{\"type\":\"Topology\",\"objects\":{\"lad\":{\"type\":"
                                            "\"GeometryCollection\",\"geometries\":[{\"type\":\"Polygon\","
                                            "\"id\":\"E08000006\",\"arcs\":[[");
  g_autoptr(TallyGeoFile) file = NULL;
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < 100000; i++)
    g_string_append_c (nested, '[');
  file = tally_geo_file_parse (nested->str, nested->len, "deep.json", NULL, &error);
  g_assert_null (file);
  g_assert_error (error, TALLY_GEO_ERROR, TALLY_GEO_ERROR_PARSE);
  g_assert_nonnull (strstr (error->message, "limit “nesting depth”"));
  g_clear_error (&error);

  /* A "[" in a string is not nesting: this file is fine. */
  file = tally_geo_file_parse ("{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\","
                               "\"properties\":{\"name\":\"[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[\\\"\"},"
                               "\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[[[400000,300000],"
                               "[401000,300000],[401000,301000],[400000,300000]]]}}]}", -1, "name.json", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (file->features->len, ==, 1);
  g_clear_pointer (&file, tally_geo_file_free);

  for (guint i = 0; i < 20000; i++)
    g_string_append (reused, i ? ",0" : "0");
  g_string_append (reused, "]]}]}},\"arcs\":[[");
  for (guint i = 0; i < 669; i++)
    g_string_append_printf (reused, "%s[%u,%u]", i ? "," : "", 400000 + i, 300000 + (i % 2));
  g_string_append (reused, "]]}");
  file = tally_geo_file_parse (reused->str, reused->len, "reused.json", NULL, &error);
  g_assert_null (file);
  g_assert_error (error, TALLY_GEO_ERROR, TALLY_GEO_ERROR_TOO_BIG);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, "more than 1000000 points (limit “points per boundary”)"));
  g_assert_nonnull (strstr (error->message, "simplify"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/geo/projection-loaded-when-needed", test_projection_loaded_when_needed);
  g_test_add_func ("/geo/geojson-bng", test_geojson_bng);
  g_test_add_func ("/geo/topojson-uk", test_topojson_uk);
  g_test_add_func ("/geo/topojson-layers", test_topojson_layers);
  g_test_add_func ("/geo/wgs84-lands-on-bng", test_wgs84_lands_on_bng);
  g_test_add_func ("/geo/import-and-hit-test", test_import_and_hit_test);
  g_test_add_func ("/geo/import-topojson-reports-unmatched", test_import_topojson_reports_unmatched);
  g_test_add_func ("/geo/failed-import-changes-nothing", test_failed_import_changes_nothing);
  g_test_add_func ("/geo/bad-files", test_bad_files);
  g_test_add_func ("/geo/holes-and-islands", test_holes_and_islands);
  g_test_add_func ("/geo/damaged-blob", test_damaged_blob);
  g_test_add_func ("/geo/projection", test_projection);
  g_test_add_func ("/geo/levels-share-borders", test_levels_share_borders);
  g_test_add_func ("/geo/limits", test_limits);

  return g_test_run ();
}
