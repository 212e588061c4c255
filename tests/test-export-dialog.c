/* test-export-dialog.c: the export dialog, copying a chart, the list as CSV.
 *
 * Under Xvfb.  The dialog opens on a chart view with the chart's own
 * heading and the house source line; its rows change the file it writes;
 * what it writes is what tally_export_write() writes for the same
 * options; its choices are remembered once it has written a file, not
 * before.  Copy puts a 2× image of the chart on the clipboard.  The
 * council list's CSV has its rows in the order given.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <adwaita.h>
#include <gtk/gtk.h>
#include <string.h>

#include "tally-catalog.h"
#include "tally-chart-view.h"
#include "tally-council.h"
#include "tally-council-result.h"
#include "tally-database.h"
#include "tally-export-dialog.h"
#include "tally-export-table.h"
#include "tally-filter.h"
#include "tally-results.h"
#include "tally-test-util.h"
#include "tally-test-widgets.h"

static TallySeatChartData *
make_seats (void)
{
  TallySeatChartData *data = tally_seat_chart_data_new (3);
  const char *keys[] = { "LAB", "LD", "CON" };
  const char *colours[] = { "#E4003B", "#FAA61A", "#0087DC" };
  guint seats[] = { 30, 4, 29 };

  for (guint i = 0; i < 3; i++)
    {
      tally_chart_party_init (&data->entries[i].party, keys[i], keys[i], keys[i], colours[i], colours[i]);
      data->entries[i].seats = seats[i];
    }
  data->total = 63;
  data->majority = 32;
  tally_chart_heading_set (&data->heading, "Trafford", "No overall control", "Own source");
  return data;
}

static void
wait_until_drawn (GtkWidget *widget)
{
  for (guint i = 0; i < 500 && (gtk_widget_get_width (widget) <= 0 || !gtk_widget_get_mapped (widget)); i++)
    g_main_context_iteration (NULL, TRUE);
  for (guint i = 0; i < 20; i++)
    g_main_context_iteration (NULL, FALSE);
}

static GtkWidget *
find_child (GtkWidget  *root,
            const char *name)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (g_strcmp0 (gtk_buildable_get_buildable_id (GTK_BUILDABLE (child)), name) == 0)
        return child;
      if ((found = find_child (child, name)) != NULL)
        return found;
    }
  return NULL;
}

static GtkWidget *
new_chart_window (TallyChartView **view)
{
  GtkWidget *window = gtk_window_new ();

  *view = TALLY_CHART_VIEW (tally_chart_view_new ());
  tally_chart_view_set_data (*view, TALLY_CHART_HEMICYCLE, make_seats ());
  gtk_window_set_default_size (GTK_WINDOW (window), 640, 400);
  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (*view));
  gtk_window_present (GTK_WINDOW (window));
  wait_until_drawn (GTK_WIDGET (*view));
  return window;
}

static void
exported_cb (TallyExportDialog *dialog,
             GFile             *file,
             gpointer           user_data)
{
  g_set_object ((GFile **) user_data, file);
}

static void
test_dialog (void)
{
  g_autofree char *dir = tally_test_make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "trafford.svg", NULL);
  g_autofree char *svg = NULL;
  g_autofree char *exported_path = NULL;
  g_autoptr(GFile) exported = NULL;
  g_autoptr(GError) error = NULL;
  TallyChartView *view;
  GtkWidget *window = new_chart_window (&view);
  TallyExportDialog *dialog;
  TallyExportOptions options;
  GtkWidget *title_row, *size_row, *format_row, *source_row, *preview;

  dialog = tally_export_dialog_present_chart (GTK_WINDOW (window), view);
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  g_signal_connect (dialog, "exported", G_CALLBACK (exported_cb), &exported);
  preview = find_child (GTK_WIDGET (dialog), "preview");
  g_assert_nonnull (preview);
  wait_until_drawn (preview);

  g_assert_true (gtk_window_get_modal (GTK_WINDOW (dialog)));
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (dialog)) == GTK_WINDOW (window));

  /* The chart's heading to edit, the house source line, the defaults. */
  title_row = find_child (GTK_WIDGET (dialog), "title_row");
  source_row = find_child (GTK_WIDGET (dialog), "source_row");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (title_row)), ==, "Trafford");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (source_row)), ==, "Source: Democracy Club, LEAP; chart: Tally");
  tally_export_dialog_get_options (dialog, &options);
  g_assert_cmpint (options.format, ==, TALLY_EXPORT_FORMAT_PNG);
  g_assert_cmpint (options.preset, ==, TALLY_EXPORT_PRESET_WEB);
  g_assert_true (gtk_widget_is_drawable (preview));

  /* The rows make the options. */
  format_row = find_child (GTK_WIDGET (dialog), "format_row");
  size_row = find_child (GTK_WIDGET (dialog), "size_row");
  adw_combo_row_set_selected (ADW_COMBO_ROW (format_row), TALLY_EXPORT_FORMAT_SVG);
  adw_combo_row_set_selected (ADW_COMBO_ROW (size_row), TALLY_EXPORT_PRESET_A4_LANDSCAPE);
  gtk_editable_set_text (GTK_EDITABLE (title_row), "Trafford: nobody in control");
  tally_export_dialog_get_options (dialog, &options);
  g_assert_cmpint (options.format, ==, TALLY_EXPORT_FORMAT_SVG);
  g_assert_cmpint (options.preset, ==, TALLY_EXPORT_PRESET_A4_LANDSCAPE);
  g_assert_cmpstr (options.title, ==, "Trafford: nobody in control");
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (size_row)), ==, "297 × 210 mm");
  g_main_context_iteration (NULL, FALSE);

  /* What the Export button writes, once a file is chosen. */
  g_assert_true (tally_export_dialog_write (dialog, path, TALLY_EXPORT_FLAGS_NONE, &error));
  g_assert_no_error (error);
  svg = NULL;
  g_assert_true (g_file_get_contents (path, &svg, NULL, NULL));
  g_assert_nonnull (strstr (svg, "width=\"297mm\" height=\"210mm\""));
  g_assert_nonnull (strstr (svg, "<title>Trafford: nobody in control</title>"));
  g_assert_nonnull (exported);
  exported_path = g_file_get_path (exported);
  g_assert_cmpstr (exported_path, ==, path);

  /* It closed itself. */
  for (guint i = 0; i < 50 && dialog != NULL; i++)
    g_main_context_iteration (NULL, FALSE);
  g_assert_null (dialog);

  /* The next one starts from those choices, and the title written for
   * this chart. */
  dialog = tally_export_dialog_present_chart (GTK_WINDOW (window), view);
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  tally_export_dialog_get_options (dialog, &options);
  g_assert_cmpint (options.format, ==, TALLY_EXPORT_FORMAT_SVG);
  g_assert_cmpint (options.preset, ==, TALLY_EXPORT_PRESET_A4_LANDSCAPE);
  g_assert_cmpstr (options.title, ==, "Trafford: nobody in control");

  /* Choices made and not exported with are forgotten. */
  format_row = find_child (GTK_WIDGET (dialog), "format_row");
  adw_combo_row_set_selected (ADW_COMBO_ROW (format_row), TALLY_EXPORT_FORMAT_PDF);
  gtk_window_close (GTK_WINDOW (dialog));
  for (guint i = 0; i < 50 && dialog != NULL; i++)
    g_main_context_iteration (NULL, FALSE);
  g_assert_null (dialog);

  dialog = tally_export_dialog_present_chart (GTK_WINDOW (window), view);
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  tally_export_dialog_get_options (dialog, &options);
  g_assert_cmpint (options.format, ==, TALLY_EXPORT_FORMAT_SVG);

  /* A file that exists is not replaced without the chooser's say-so. */
  g_assert_false (tally_export_dialog_write (dialog, path, TALLY_EXPORT_FLAGS_NONE, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS);
  g_assert_nonnull (dialog);

  gtk_window_destroy (GTK_WINDOW (dialog));
  gtk_window_destroy (GTK_WINDOW (window));
  tally_test_remove_dir (dir);
}

static TallyExportDialog *
present_on (GtkWidget      *window,
            TallyChartView *view)
{
  TallyExportDialog *dialog = tally_export_dialog_present_chart (GTK_WINDOW (window), view);

  g_main_context_iteration (NULL, FALSE);
  return dialog;
}

static const char *
row_text (TallyExportDialog *dialog,
          const char        *row)
{
  return gtk_editable_get_text (GTK_EDITABLE (find_child (GTK_WIDGET (dialog), row)));
}

/* A title, subtitle, source and note written for a chart come back for
 * charts of its kind (in the settings, the memory backend here): the
 * source and note for every hemicycle, the title and subtitle for the
 * chart they were written for; another kind of chart keeps its own. */
static void
test_headings_remembered (void)
{
  g_autofree char *dir = tally_test_make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "trafford.svg", NULL);
  g_autofree char *svg = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GSettings) settings = g_settings_new ("io.github.tally.Tally");
  g_autoptr(GVariant) headings = NULL;
  g_autoptr(TallySeatChartData) bolton = make_seats ();
  TallyChartView *view, *other, *bars;
  GtkWidget *window = new_chart_window (&view);
  TallyExportDialog *dialog;

  g_settings_reset (settings, "export-headings");
  tally_chart_heading_set (&bolton->heading, "Bolton", "Conservative gain", "Own source");
  other = TALLY_CHART_VIEW (tally_chart_view_new ());
  tally_chart_view_set_data (other, TALLY_CHART_HEMICYCLE, g_steal_pointer (&bolton));
  bars = TALLY_CHART_VIEW (tally_chart_view_new ());
  tally_chart_view_set_data (bars, TALLY_CHART_SEAT_BARS, make_seats ());
  g_object_ref_sink (other);
  g_object_ref_sink (bars);

  dialog = present_on (window, view);
  g_assert_cmpstr (row_text (dialog, "note_row"), ==, "");
  gtk_editable_set_text (GTK_EDITABLE (find_child (GTK_WIDGET (dialog), "title_row")), "Trafford hung again");
  gtk_editable_set_text (GTK_EDITABLE (find_child (GTK_WIDGET (dialog), "subtitle_row")), "Labour one short");
  gtk_editable_set_text (GTK_EDITABLE (find_child (GTK_WIDGET (dialog), "source_row")), "Source: the desk");
  gtk_editable_set_text (GTK_EDITABLE (find_child (GTK_WIDGET (dialog), "note_row")), "Provisional figures");
  g_assert_true (tally_export_dialog_write (dialog, path, TALLY_EXPORT_OVERWRITE, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &svg, NULL, NULL));
  g_assert_nonnull (strstr (svg, ">Provisional figures</text>"));
  g_assert_nonnull (strstr (svg, ">Source: the desk</text>"));
  /* It closed itself. */
  tally_test_wait_for_frames (50);

  headings = g_settings_get_value (settings, "export-headings");
  g_assert_nonnull (g_variant_lookup_value (headings, "hemicycle", G_VARIANT_TYPE ("a{ss}")));

  /* The same chart: everything back. */
  dialog = present_on (window, view);
  g_assert_cmpstr (row_text (dialog, "title_row"), ==, "Trafford hung again");
  g_assert_cmpstr (row_text (dialog, "subtitle_row"), ==, "Labour one short");
  g_assert_cmpstr (row_text (dialog, "source_row"), ==, "Source: the desk");
  g_assert_cmpstr (row_text (dialog, "note_row"), ==, "Provisional figures");
  gtk_window_destroy (GTK_WINDOW (dialog));

  /* Another council's hemicycle: its own title, the desk's source and note. */
  dialog = present_on (window, other);
  g_assert_cmpstr (row_text (dialog, "title_row"), ==, "Bolton");
  g_assert_cmpstr (row_text (dialog, "subtitle_row"), ==, "Conservative gain");
  g_assert_cmpstr (row_text (dialog, "source_row"), ==, "Source: the desk");
  g_assert_cmpstr (row_text (dialog, "note_row"), ==, "Provisional figures");
  gtk_window_destroy (GTK_WINDOW (dialog));

  /* Another kind of chart: its own title and no note (the source line is
   * the last one used, whatever the chart). */
  dialog = present_on (window, bars);
  g_assert_cmpstr (row_text (dialog, "title_row"), ==, "Trafford");
  g_assert_cmpstr (row_text (dialog, "note_row"), ==, "");
  gtk_window_destroy (GTK_WINDOW (dialog));

  g_settings_reset (settings, "export-headings");
  g_settings_reset (settings, "export-source");
  g_object_unref (other);
  g_object_unref (bars);
  gtk_window_destroy (GTK_WINDOW (window));
  tally_test_remove_dir (dir);
}

static void
texture_read_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  GdkTexture **texture = user_data;
  g_autoptr(GError) error = NULL;

  *texture = gdk_clipboard_read_texture_finish (GDK_CLIPBOARD (source), result, &error);
  g_assert_no_error (error);
}

static void
test_copy (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree guchar *pixels = NULL;
  TallyChartView *view;
  GtkWidget *window = new_chart_window (&view);
  int width = gtk_widget_get_width (GTK_WIDGET (view));
  int height = gtk_widget_get_height (GTK_WIDGET (view));
  gsize stride;

  g_assert_true (tally_export_copy_chart (view, &error));
  g_assert_no_error (error);

  gdk_clipboard_read_texture_async (gtk_widget_get_clipboard (GTK_WIDGET (view)), NULL, texture_read_cb, &texture);
  for (guint i = 0; i < 500 && texture == NULL; i++)
    g_main_context_iteration (NULL, TRUE);
  g_assert_nonnull (texture);

  g_assert_cmpint (gdk_texture_get_width (texture), ==, 2 * width);
  g_assert_cmpint (gdk_texture_get_height (texture), ==, 2 * height);

  /* An opaque white page, as exported with the default background. */
  stride = (gsize) gdk_texture_get_width (texture) * 4;
  pixels = g_malloc (stride * (gsize) gdk_texture_get_height (texture));
  gdk_texture_download (texture, pixels, stride);
  g_assert_cmphex (((guint32 *) pixels)[0], ==, 0xffffffff);

  gtk_window_destroy (GTK_WINDOW (window));
}

static int
compare_names_descending (gconstpointer a,
                          gconstpointer b,
                          gpointer      user_data)
{
  TallyCouncil *council_a = tally_council_result_get_council ((TallyCouncilResult *) a);
  TallyCouncil *council_b = tally_council_result_get_council ((TallyCouncilResult *) b);

  return -g_utf8_collate (tally_council_get_name (council_a), tally_council_get_name (council_b));
}

static void
test_table (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TallyDatabase) database = NULL;
  g_autoptr(TallyCatalog) catalog = NULL;
  g_autoptr(TallyResults) results = NULL;
  g_autoptr(TallyFilter) filter = tally_filter_new ();
  g_autoptr(GtkSortListModel) sorted = NULL;
  g_autoptr(GtkSorter) sorter = NULL;
  g_autofree char *dir = tally_test_make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "london.csv", NULL);
  g_autofree char *candidates_path = g_build_filename (dir, "candidates.csv", NULL);
  g_autofree char *csv = NULL;
  g_auto(GStrv) lines = NULL;

  database = tally_database_open (tally_test_bundled_database (), TALLY_DATABASE_OPEN_READ_ONLY, &error);
  g_assert_no_error (error);
  catalog = tally_catalog_new (database, &error);
  g_assert_no_error (error);
  results = tally_results_new (catalog, &error);
  g_assert_no_error (error);
  tally_filter_set_regions (filter, (const char *[]) { "London", NULL });
  tally_results_set_filter (results, filter);

  /* The list sorted by name, Z to A, as a user might sort it. */
  sorter = GTK_SORTER (gtk_custom_sorter_new (compare_names_descending, NULL, NULL));
  sorted = gtk_sort_list_model_new (g_object_ref (tally_results_get_matching (results)), g_object_ref (sorter));

  g_assert_true (tally_export_table_write (G_LIST_MODEL (sorted), results, TALLY_EXPORT_ROWS_COUNCILS, path,
                                           TALLY_EXPORT_FLAGS_NONE, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &csv, NULL, NULL));
  lines = g_strsplit (csv, "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 34);
  g_assert_true (g_str_has_prefix (lines[0], "code,name,"));
  g_assert_true (g_str_has_prefix (lines[1], "E09000033,Westminster,"));
  g_assert_true (g_str_has_prefix (lines[2], "E09000032,Wandsworth,"));
  g_assert_true (g_str_has_prefix (lines[32], "E09000002,Barking and Dagenham,"));

  /* The bundled database has council totals, no candidates. */
  g_assert_false (tally_export_table_write (G_LIST_MODEL (sorted), results, TALLY_EXPORT_ROWS_CANDIDATES,
                                            candidates_path, TALLY_EXPORT_FLAGS_NONE, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_assert_false (g_file_test (candidates_path, G_FILE_TEST_EXISTS));

  tally_test_remove_dir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  if (!tally_test_widgets_init ())
    return 0;

  g_test_add_func ("/export-dialog/dialog", test_dialog);
  g_test_add_func ("/export-dialog/copy", test_copy);
  g_test_add_func ("/export-dialog/headings-remembered", test_headings_remembered);
  g_test_add_func ("/export-dialog/table", test_table);

  return g_test_run ();
}
