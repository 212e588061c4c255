/* test-map-view.c: the map widget on the bundled data, in a window.
 *
 * Needs a display: .ci/test runs every test under one xvfb-run.  With
 * TALLY_MAP_PNG_DIR set, the widget is also saved there as PNG, as it is
 * on screen, in light and dark style and in both modes.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <adwaita.h>
#include <math.h>

#include "tally-boundaries.h"
#include "tally-catalog.h"
#include "tally-council.h"
#include "tally-database.h"
#include "tally-export-dialog.h"
#include "tally-filter.h"
#include "tally-map-view.h"
#include "tally-results.h"
#include "tally-selection.h"
#include "tally-test-util.h"
#include "tally-test-widgets.h"

#define RICHMOND "E09000027"
#define TRAFFORD "E08000009"
#define BIRMINGHAM "E08000025"

typedef struct
{
  TallyDatabase  *database;
  TallyCatalog   *catalog;
  TallyResults   *results;
  TallySelection *selection;
  GtkWindow      *window;
  TallyMapView   *view;
  TallyCouncil   *activated;
  char           *dir;
} Fixture;

static void
wait_for_geography (TallyMapView *view)
{
  gint64 end = g_get_monotonic_time () + 20 * G_TIME_SPAN_SECOND;

  while (tally_map_view_get_loading (view) && g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, TRUE);
  g_assert_false (tally_map_view_get_loading (view));
  tally_test_wait_for_frames (250);
}

static void
activated_cb (TallyMapView *view,
              TallyCouncil *council,
              Fixture      *fixture)
{
  g_set_object (&fixture->activated, council);
}

static void
open_database (Fixture    *fixture,
               const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TallyFilter) filter = tally_filter_new ();

  g_clear_object (&fixture->results);
  g_clear_object (&fixture->catalog);
  g_clear_object (&fixture->database);

  fixture->database = tally_database_open (path, TALLY_DATABASE_OPEN_READ_ONLY, &error);
  g_assert_no_error (error);
  fixture->catalog = tally_catalog_new (fixture->database, &error);
  g_assert_no_error (error);
  fixture->results = tally_results_new (fixture->catalog, &error);
  g_assert_no_error (error);
  tally_results_set_filter (fixture->results, filter);

  tally_map_view_set_results (fixture->view, fixture->results);
  wait_for_geography (fixture->view);
}

static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  fixture->dir = tally_test_make_temp_dir ();
  fixture->selection = tally_selection_new ();
  fixture->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (fixture->window, 900, 760);
  fixture->view = TALLY_MAP_VIEW (tally_map_view_new ());
  gtk_window_set_child (fixture->window, GTK_WIDGET (fixture->view));
  tally_map_view_set_selection (fixture->view, fixture->selection);
  g_signal_connect (fixture->view, "council-activated", G_CALLBACK (activated_cb), fixture);
  gtk_window_present (fixture->window);

  open_database (fixture, tally_test_bundled_database ());
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  gtk_window_destroy (fixture->window);
  tally_test_wait_for_frames (250);
  g_clear_object (&fixture->activated);
  g_clear_object (&fixture->results);
  g_clear_object (&fixture->catalog);
  g_clear_object (&fixture->database);
  g_clear_object (&fixture->selection);
  tally_test_remove_dir (fixture->dir);
  g_free (fixture->dir);
}

/* Where a council is drawn in the widget: its hex's centre, or a point
 * inside its boundary. */
static void
canvas_point (TallyMapView *view,
              double        map_x,
              double        map_y,
              double       *x,
              double       *y)
{
  TallyMapTransform transform;

  tally_map_view_get_transform (view, &transform);
  tally_map_transform_to_canvas (&transform, map_x, map_y, x, y);
}

static void
hex_point (TallyMapView *view,
           const char   *code,
           double       *x,
           double       *y)
{
  TallyHexLayout *layout = tally_map_view_get_hex_layout (view);
  double map_x, map_y;

  tally_hex_layout_get_centre (layout, tally_hex_layout_lookup (layout, code), &map_x, &map_y);
  canvas_point (view, map_x, map_y, x, y);
}

static void
save_png (Fixture    *fixture,
          const char *name)
{
  const char *dir = g_getenv ("TALLY_MAP_PNG_DIR");
  GtkWidget *widget = GTK_WIDGET (fixture->view);
  g_autoptr(GdkPaintable) paintable = NULL;
  g_autoptr(GtkSnapshot) snapshot = NULL;
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *path = NULL;
  int width = gtk_widget_get_width (widget), height = gtk_widget_get_height (widget);

  if (dir == NULL)
    return;

  tally_test_wait_for_frames (250);
  paintable = gtk_widget_paintable_new (widget);
  snapshot = gtk_snapshot_new ();
  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (gtk_widget_get_native (widget)), node,
                                         &GRAPHENE_RECT_INIT (0, 0, width, height));
  g_mkdir_with_parents (dir, 0755);
  path = g_build_filename (dir, name, NULL);
  g_assert_true (gdk_texture_save_to_png (texture, path));
}

static void
test_hexes (Fixture       *fixture,
            gconstpointer  data)
{
  TallyMapView *view = fixture->view;
  double x, y;

  g_assert_nonnull (tally_map_view_get_hex_layout (view));
  g_assert_cmpuint (tally_hex_layout_get_n_hexes (tally_map_view_get_hex_layout (view)), ==, 326);
  g_assert_cmpint (tally_map_view_get_mode (view), ==, TALLY_MAP_MODE_HEXES);

  /* Fitted to England: every hex inside the widget. */
  for (guint i = 0; i < 326; i++)
    {
      hex_point (view, tally_hex_layout_get_hex (tally_map_view_get_hex_layout (view), i)->code, &x, &y);
      g_assert_cmpfloat (x, >, 0);
      g_assert_cmpfloat (y, >, 0);
      g_assert_cmpfloat (x, <, gtk_widget_get_width (GTK_WIDGET (view)));
      g_assert_cmpfloat (y, <, gtk_widget_get_height (GTK_WIDGET (view)));
    }

  hex_point (view, RICHMOND, &x, &y);
  g_assert_cmpstr (tally_map_view_lookup_council (view, x, y), ==, RICHMOND);
  g_assert_true (tally_map_data_lookup (tally_map_view_get_data (view), RICHMOND)->has_value);

  save_png (fixture, "view-hex-control.png");
}

static void
test_selection_and_keyboard (Fixture       *fixture,
                             gconstpointer  data)
{
  TallyMapView *view = fixture->view;
  TallyCouncil *richmond = tally_catalog_lookup_council (fixture->catalog, RICHMOND);
  TallyCouncil *after_move;
  double before_x, before_y, after_x, after_y;

  /* Another view selects Richmond; the map follows. */
  tally_selection_set_council (fixture->selection, richmond);
  tally_test_wait_for_frames (250);

  /* The keyboard moves to a neighbour to the east, and Enter activates it. */
  gtk_widget_grab_focus (GTK_WIDGET (view));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "map.move", "s", "right"));
  after_move = tally_selection_get_council (fixture->selection);
  g_assert_nonnull (after_move);
  g_assert_true (after_move != richmond);
  hex_point (view, RICHMOND, &before_x, &before_y);
  hex_point (view, tally_council_get_code (after_move), &after_x, &after_y);
  g_assert_cmpfloat (after_x, >, before_x);
  g_assert_cmpfloat (fabs (after_y - before_y), <, after_x - before_x + 1);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "map.activate", NULL));
  g_assert_true (fixture->activated == after_move);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "map.move", "s", "left"));
  g_assert_true (tally_selection_get_council (fixture->selection) == richmond);
  save_png (fixture, "view-hex-selected.png");
}

static void
test_zoom_and_fit (Fixture       *fixture,
                   gconstpointer  data)
{
  TallyMapView *view = fixture->view;
  TallyMapTransform before, after;
  double x, y;

  tally_map_view_get_transform (view, &before);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "map.zoom-in", NULL));
  tally_map_view_get_transform (view, &after);
  g_assert_cmpfloat_with_epsilon (after.scale / before.scale, 1.5, 1e-9);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "map.zoom-out", NULL));
  tally_map_view_get_transform (view, &after);
  g_assert_cmpfloat_with_epsilon (after.scale, before.scale, 1e-9);

  /* London fills the view: its hexes are several times larger. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "map.fit-london", NULL));
  tally_test_wait_for_frames (250);
  tally_map_view_get_transform (view, &after);
  g_assert_cmpfloat (after.scale, >, before.scale * 3);
  hex_point (view, RICHMOND, &x, &y);
  g_assert_cmpstr (tally_map_view_lookup_council (view, x, y), ==, RICHMOND);
  save_png (fixture, "view-hex-london.png");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "map.fit-england", NULL));
  tally_map_view_get_transform (view, &after);
  g_assert_cmpfloat_with_epsilon (after.scale, before.scale, 1e-9);
}

/* The share of a PNG's pixels in the Liberal Democrats' yellow, #FAA61A. */
static double
yellow_share (const char *path)
{
  cairo_surface_t *surface = cairo_image_surface_create_from_png (path);
  int width = cairo_image_surface_get_width (surface), height = cairo_image_surface_get_height (surface);
  int stride = cairo_image_surface_get_stride (surface);
  const guint8 *pixels = cairo_image_surface_get_data (surface);
  guint n = 0;

  g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
  for (int y = 0; y < height; y++)
    for (int x = 0; x < width; x++)
      {
        guint32 pixel = *(const guint32 *) (pixels + y * stride + x * 4);

        n += abs ((int) ((pixel >> 16) & 0xff) - 0xFA) <= 3 && abs ((int) ((pixel >> 8) & 0xff) - 0xA6) <= 3 &&
             abs ((int) (pixel & 0xff) - 0x1A) <= 3;
      }
  cairo_surface_destroy (surface);
  return (double) n / (width * height);
}

static double
export_map (Fixture    *fixture,
            const char *name)
{
  g_autofree char *path = g_build_filename (fixture->dir, name, NULL);
  g_autoptr(GError) error = NULL;
  TallyExportDialog *dialog = tally_export_dialog_present_map (fixture->window, fixture->view);

  tally_test_wait_for_frames (100);
  g_assert_true (tally_export_dialog_write (dialog, path, TALLY_EXPORT_OVERWRITE, &error));
  g_assert_no_error (error);
  tally_test_wait_for_frames (100);
  return yellow_share (path);
}

/* Zoomed to London in the window, the export shows London: the Liberal
 * Democrats' three London councils (Richmond upon Thames, Kingston upon
 * Thames, Sutton) fill a few per cent of the file, against a fraction of
 * that when the window shows all England. */
static void
test_export_as_shown (Fixture       *fixture,
                      gconstpointer  data)
{
  double england, london;

  tally_map_view_fit_england (fixture->view);
  tally_test_wait_for_frames (100);
  england = export_map (fixture, "england.png");
  tally_map_view_fit_london (fixture->view);
  tally_test_wait_for_frames (100);
  london = export_map (fixture, "london.png");

  g_test_message ("Liberal Democrat yellow: %.2f%% of the England export, %.2f%% of the London one",
                  100 * england, 100 * london);
  g_assert_cmpfloat (london, >, 0.01);
  g_assert_cmpfloat (london, >, 4 * england);
}

static void
test_follows_filter (Fixture       *fixture,
                     gconstpointer  data)
{
  TallyMapView *view = fixture->view;
  const char *london[] = { "London", NULL };

  g_assert_true (tally_map_data_lookup (tally_map_view_get_data (view), TRAFFORD)->in_scope);
  tally_filter_set_regions (tally_results_get_filter (fixture->results), london);
  tally_test_wait_for_frames (250);
  g_assert_false (tally_map_data_lookup (tally_map_view_get_data (view), TRAFFORD)->in_scope);
  g_assert_true (tally_map_data_lookup (tally_map_view_get_data (view), RICHMOND)->in_scope);
  save_png (fixture, "view-hex-filtered.png");

  tally_map_view_set_colour_by (view, TALLY_MAP_COLOUR_CHANGE);
  g_assert_cmpint (tally_map_view_get_data (view)->colour_by, ==, TALLY_MAP_COLOUR_CHANGE);
  tally_filter_clear (tally_results_get_filter (fixture->results));
  save_png (fixture, "view-hex-change.png");

  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_FORCE_DARK);
  tally_test_wait_for_frames (250);
  g_assert_true (tally_map_view_get_style (view)->dark);
  save_png (fixture, "view-hex-change-dark.png");
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_FORCE_LIGHT);
}

static void
test_geographic (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autofree char *path = tally_test_shared_data_path ("geo/lad2018/lad2018_england_bgc_simpl10_bng.geojson");
  g_autofree char *copy = NULL;
  TallyMapView *view = fixture->view;
  double x, y;

  /* The bundled data has no boundaries: the map says how to import some. */
  tally_map_view_set_mode (view, TALLY_MAP_MODE_GEOGRAPHIC);
  tally_test_wait_for_frames (250);
  g_assert_cmpuint (tally_boundaries_get_n_items (tally_map_view_get_boundaries (view)), ==, 0);
  save_png (fixture, "view-geo-empty.png");

  if (path == NULL)
    {
      g_test_skip ("../shared/data/geo is not there");
      return;
    }

  /* A copy of the bundled database with boundaries imported. */
  copy = g_build_filename (fixture->dir, "with-boundaries.db", NULL);
  {
    g_autoptr(GFile) source = g_file_new_for_path (tally_test_bundled_database ());
    g_autoptr(GFile) target = g_file_new_for_path (copy);
    g_autoptr(GError) error = NULL;
    g_autoptr(TallyDatabase) database = NULL;
    g_autoptr(TallyBoundaryImport) report = NULL;

    g_file_copy (source, target, G_FILE_COPY_NONE, NULL, NULL, NULL, &error);
    g_assert_no_error (error);
    database = tally_database_open (copy, 0, &error);
    g_assert_no_error (error);
    report = tally_boundaries_import_file (database, path, NULL, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (report->n_stored, ==, 326);
  }

  open_database (fixture, copy);
  g_assert_cmpint (tally_map_view_get_mode (view), ==, TALLY_MAP_MODE_GEOGRAPHIC);
  g_assert_cmpuint (tally_boundaries_get_n_items (tally_map_view_get_boundaries (view)), ==, 326);

  /* Victoria Square is in Birmingham. */
  canvas_point (view, 406870, 286920, &x, &y);
  g_assert_cmpstr (tally_map_view_lookup_council (view, x, y), ==, BIRMINGHAM);
  save_png (fixture, "view-geo-control.png");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "map.fit-london", NULL));
  tally_selection_set_council (fixture->selection, tally_catalog_lookup_council (fixture->catalog, RICHMOND));
  save_png (fixture, "view-geo-london.png");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  if (!tally_test_widgets_init ())
    return 0;

  g_test_add ("/map-view/hexes", Fixture, NULL, fixture_setup, test_hexes, fixture_teardown);
  g_test_add ("/map-view/selection-and-keyboard", Fixture, NULL, fixture_setup, test_selection_and_keyboard,
              fixture_teardown);
  g_test_add ("/map-view/zoom-and-fit", Fixture, NULL, fixture_setup, test_zoom_and_fit, fixture_teardown);
  g_test_add ("/map-view/export-as-shown", Fixture, NULL, fixture_setup, test_export_as_shown, fixture_teardown);
  g_test_add ("/map-view/follows-filter", Fixture, NULL, fixture_setup, test_follows_filter, fixture_teardown);
  g_test_add ("/map-view/geographic", Fixture, NULL, fixture_setup, test_geographic, fixture_teardown);

  return g_test_run ();
}
