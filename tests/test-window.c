/* test-window.c: the main window on the bundled data, and on bad files.
 *
 * Needs a display: .ci/test runs every test under one xvfb-run.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <sqlite3.h>
#include <string.h>

#include "tally-catalog.h"
#include "tally-council.h"
#include "tally-council-result.h"
#include "tally-council-row.h"
#include "tally-database.h"
#include "tally-test-util.h"
#include "tally-test-widgets.h"
#include "tally-chart-data.h"
#include "tally-window-private.h"

static const char *
row_name (GListModel *model,
          guint       position)
{
  g_autoptr(TallyCouncilRow) row = g_list_model_get_item (model, position);

  return tally_council_get_name (tally_council_row_get_council (row));
}

static void
test_bundled_councils (void)
{
  TallyWindow *window = tally_window_new (NULL);
  GtkColumnView *view = tally_council_list_get_column_view (tally_window_get_council_list (window));
  GListModel *model = G_LIST_MODEL (gtk_column_view_get_model (view));
  GListModel *columns = gtk_column_view_get_columns (view);
  g_autoptr(GtkColumnViewColumn) name_column = g_list_model_get_item (columns, 0);
  g_autoptr(GtkColumnViewColumn) control_column = g_list_model_get_item (columns, 3);

  g_assert_true (tally_window_open_database (window, NULL));
  g_assert_null (tally_window_get_error_message (window));
  gtk_window_present (GTK_WINDOW (window));
  tally_test_wait_for_frames (200);

  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (view)));
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 150);
  g_assert_cmpstr (gtk_column_view_column_get_title (name_column), ==, "Council");
  /* Council, type, region, control, seats for each of the 7 parties, swing. */
  g_assert_cmpuint (g_list_model_get_n_items (columns), ==, 12);

  /* Sorting by name, both ways. */
  gtk_column_view_sort_by_column (view, name_column, GTK_SORT_ASCENDING);
  g_assert_cmpstr (row_name (model, 0), ==, "Adur");
  g_assert_cmpstr (row_name (model, 149), ==, "Wyre Forest");
  gtk_column_view_sort_by_column (view, name_column, GTK_SORT_DESCENDING);
  g_assert_cmpstr (row_name (model, 0), ==, "Wyre Forest");

  /* Sorting by control after: the Greens sit leftmost but control nothing,
   * so Labour councils come first and councils under no overall control last. */
  gtk_column_view_sort_by_column (view, control_column, GTK_SORT_ASCENDING);
  {
    g_autoptr(TallyCouncilRow) first = g_list_model_get_item (model, 0);
    g_autoptr(TallyCouncilRow) last = g_list_model_get_item (model, 149);
    g_autofree char *first_control = tally_council_result_describe_control (tally_council_row_get_result (first),
                                                                            TALLY_STAGE_AFTER);

    g_assert_cmpstr (first_control, ==, "Labour");
    g_assert_null (tally_council_result_get_control (tally_council_row_get_result (last), TALLY_STAGE_AFTER));
  }

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_bad_file_message (void)
{
  g_autofree char *dir = tally_test_make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "newer.db", NULL);
  g_autoptr(GError) error = NULL;
  TallyWindow *window = tally_window_new (NULL);
  GtkColumnView *view = tally_council_list_get_column_view (tally_window_get_council_list (window));

  /* First the bundled data, then a file from a newer Tally: the message
   * replaces the content, and the window keeps running. */
  g_assert_true (tally_window_open_database (window, NULL));
  {
    g_autoptr(TallyDatabase) database = tally_database_open (path, TALLY_DATABASE_OPEN_CREATE, &error);
    g_assert_no_error (error);
  }
  {
    g_autofree char *command = g_strdup_printf ("PRAGMA user_version = %d;", TALLY_SCHEMA_VERSION + 3);
    sqlite3 *handle = NULL;

    g_assert_cmpint (sqlite3_open (path, &handle), ==, SQLITE_OK);
    g_assert_cmpint (sqlite3_exec (handle, command, NULL, NULL, NULL), ==, SQLITE_OK);
    sqlite3_close (handle);
  }

  gtk_window_present (GTK_WINDOW (window));
  g_assert_false (tally_window_open_database (window, path));
  tally_test_wait_for_frames (200);

  g_assert_nonnull (strstr (tally_window_get_error_message (window), "newer version of Tally"));
  g_assert_cmpstr (adw_status_page_get_icon_name (window->error_page), ==, "dialog-warning-symbolic");
  g_assert_false (gtk_widget_get_mapped (GTK_WIDGET (view)));

  /* And back to the bundled data. */
  g_assert_true (tally_window_open_database (window, NULL));
  tally_test_wait_for_frames (200);
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (view)));

  gtk_window_destroy (GTK_WINDOW (window));
  tally_test_remove_dir (dir);
}

/* The icons of the status pages under @widget, each of its page's
 * visibility, as "icon-name:mapped" (or "-" for no icon), joined by spaces. */
static void
describe_status_icons (GtkWidget *widget,
                       GString   *out)
{
  if (ADW_IS_STATUS_PAGE (widget))
    {
      const char *icon = adw_status_page_get_icon_name (ADW_STATUS_PAGE (widget));

      g_string_append_printf (out, "%s%s:%s", out->len ? " " : "", icon ? icon : "-",
                              gtk_widget_get_mapped (widget) ? "mapped" : "hidden");
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    describe_status_icons (child, out);
}

/* What is not on screen at start is made when first shown, and then shows
 * the engine's figures like the rest. */
static void
test_made_when_shown (void)
{
  TallyWindow *window = tally_window_new (NULL);
  TallyChartView *state;
  GtkPopover *popover;
  GtkShortcutsWindow *overlay;
  g_autoptr(GMenuModel) section = NULL;
  g_autoptr(GString) icons = NULL;
  g_autofree char *label = NULL;

  g_assert_true (tally_window_open_database (window, NULL));
  gtk_window_present (GTK_WINDOW (window));
  tally_test_wait_for_frames (100);

  g_assert_null (window->charts_page);
  g_assert_null (window->map_view);
  g_assert_null (gtk_menu_button_get_popover (window->menu_button));
  g_assert_null (gtk_menu_button_get_popover (window->error_menu_button));
  g_assert_null (gtk_application_window_get_help_overlay (GTK_APPLICATION_WINDOW (window)));
  g_assert_true (gtk_widget_get_sensitive (GTK_WIDGET (window->menu_button)));
  /* Status pages not shown have no icon yet: theirs are drawn from SVG,
   * which would bring librsvg in.  A search that matches nothing shows one. */
  icons = g_string_new (NULL);
  describe_status_icons (GTK_WIDGET (window), icons);
  g_assert_cmpstr (icons->str, ==, "-:hidden -:hidden -:hidden");
  tally_filter_set_search_text (tally_results_get_filter (tally_window_get_results (window)), "zzzq");
  tally_test_wait_for_frames (100);
  g_string_truncate (icons, 0);
  describe_status_icons (GTK_WIDGET (window), icons);
  g_assert_cmpstr (icons->str, ==, "edit-find-symbolic:mapped -:hidden -:hidden");
  tally_filter_set_search_text (tally_results_get_filter (tally_window_get_results (window)), "");

  /* The Charts, on the engine of the open file: the state of the parties
   * counts the bundled 150 councils. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-view", "s", "charts");
  g_assert_nonnull (window->charts_page);
  g_assert_true (adw_bin_get_child (window->charts_bin) == GTK_WIDGET (window->charts_page));
  state = tally_charts_page_get_view (window->charts_page, TALLY_CHART_STATE);
  tally_test_wait_for_frames (100);
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (state)));
  g_assert_cmpuint (((const TallyStateChartData *) tally_chart_view_get_data (state))->n_councils, ==, 150);

  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-view", "s", "map");
  g_assert_nonnull (window->map_view);
  g_assert_true (adw_bin_get_child (window->map_bin) == GTK_WIDGET (window->map_view));
  g_assert_true (tally_map_view_get_results (window->map_view) == tally_window_get_results (window));

  /* The main menu, as the button opens it. */
  gtk_menu_button_popup (window->menu_button);
  popover = gtk_menu_button_get_popover (window->menu_button);
  g_assert_true (GTK_IS_POPOVER_MENU (popover));
  g_assert_true (gtk_popover_menu_get_menu_model (GTK_POPOVER_MENU (popover)) == window->primary_menu);
  section = g_menu_model_get_item_link (window->primary_menu, 0, G_MENU_LINK_SECTION);
  g_assert_true (g_menu_model_get_item_attribute (section, 0, G_MENU_ATTRIBUTE_LABEL, "s", &label));
  g_assert_cmpstr (label, ==, "_Export Chart…");
  gtk_menu_button_popdown (window->menu_button);

  /* The keyboard shortcuts, as Ctrl+? opens them. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-help-overlay", NULL));
  overlay = gtk_application_window_get_help_overlay (GTK_APPLICATION_WINDOW (window));
  g_assert_true (GTK_IS_SHORTCUTS_WINDOW (overlay));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (overlay)));
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (overlay)) == GTK_WINDOW (window));

  gtk_window_destroy (GTK_WINDOW (window));
}

/* At start the list builds the rows a screen shows, and the others after
 * its first frame: the same rows, in the same order, and a council below
 * the fold can be selected at once. */
static void
test_rows_after_first_frame (void)
{
  TallyWindow *window = tally_window_new (NULL);
  TallyCouncilList *list = tally_window_get_council_list (window);
  GListModel *model = G_LIST_MODEL (gtk_column_view_get_model (tally_council_list_get_column_view (list)));
  g_autoptr(GListModel) shown = NULL;
  g_autofree char *first = NULL;
  gint64 give_up;

  tally_council_list_defer_rows (list, 12);
  g_assert_true (tally_window_open_database (window, NULL));
  shown = tally_council_list_get_shown (list);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 12);
  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, 150);
  first = g_strdup (row_name (model, 0));

  gtk_window_present (GTK_WINDOW (window));
  give_up = g_get_monotonic_time () + 20 * G_TIME_SPAN_SECOND;
  while (g_list_model_get_n_items (model) < 150 && g_get_monotonic_time () < give_up)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 150);
  g_assert_cmpstr (row_name (model, 0), ==, first);
  gtk_window_destroy (GTK_WINDOW (window));

  /* Selecting the last council before the first frame builds every row. */
  window = tally_window_new (NULL);
  list = tally_window_get_council_list (window);
  model = G_LIST_MODEL (gtk_column_view_get_model (tally_council_list_get_column_view (list)));
  tally_council_list_defer_rows (list, 12);
  g_assert_true (tally_window_open_database (window, NULL));
  {
    g_autoptr(TallyCouncilResult) last = g_list_model_get_item (shown, 149);

    tally_council_list_select_council (list, tally_council_result_get_council (last));
  }
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 150);
  g_assert_cmpuint (gtk_single_selection_get_selected (GTK_SINGLE_SELECTION (model)), ==, 149);
  gtk_window_destroy (GTK_WINDOW (window));
}

typedef struct
{
  GtkWidget *rows;
  guint      n_built;
  int        height;
  int        row_height;
} FirstPaint;

static void
first_paint_cb (GdkFrameClock *clock,
                FirstPaint    *seen)
{
  g_signal_handlers_disconnect_by_data (clock, seen);
  seen->n_built = 0;
  for (GtkWidget *row = gtk_widget_get_first_child (seen->rows); row; row = gtk_widget_get_next_sibling (row))
    seen->n_built++;
  seen->height = gtk_widget_get_height (seen->rows);
  seen->row_height = gtk_widget_get_height (gtk_widget_get_first_child (seen->rows));
}

/* Told to build too few rows at start, the list builds as many as it has
 * room for before its first frame is painted: no blank under the rows. */
static void
test_rows_fill_first_frame (void)
{
  TallyWindow *window = tally_window_new (NULL);
  TallyCouncilList *list = tally_window_get_council_list (window);
  FirstPaint seen = { gtk_widget_get_last_child (GTK_WIDGET (tally_council_list_get_column_view (list))) };
  gint64 give_up;

  gtk_window_set_default_size (GTK_WINDOW (window), 1360, 820);
  tally_council_list_defer_rows (list, 2);
  g_assert_true (tally_window_open_database (window, NULL));
  gtk_widget_realize (GTK_WIDGET (window));
  g_signal_connect (gtk_widget_get_frame_clock (GTK_WIDGET (window)), "after-paint", G_CALLBACK (first_paint_cb), &seen);
  gtk_window_present (GTK_WINDOW (window));
  give_up = g_get_monotonic_time () + 20 * G_TIME_SPAN_SECOND;
  while (seen.height == 0 && g_get_monotonic_time () < give_up)
    g_main_context_iteration (NULL, TRUE);

  g_assert_cmpint (seen.row_height, >, 20);
  g_assert_cmpint (seen.height, >, 5 * seen.row_height);
  /* The rows painted reach the bottom of the list, and no more were built
   * than a row past it. */
  g_assert_cmpint ((int) seen.n_built * seen.row_height, >=, seen.height);
  g_assert_cmpint ((int) seen.n_built, <=, seen.height / seen.row_height + 1);
  gtk_window_destroy (GTK_WINDOW (window));
}

/* The view switcher bar is made only when a window is too narrow for the
 * header bar's switcher.  Tally's narrowest window (about 820 px, its
 * list's columns) still has room for the switcher, at the default text
 * size: neither a wide window nor the narrowest makes a bar. */
static void
test_no_switcher_bar_while_switcher_fits (void)
{
  const int widths[] = { 1360, 420 };

  for (guint i = 0; i < G_N_ELEMENTS (widths); i++)
    {
      TallyWindow *window = tally_window_new (NULL);

      gtk_window_set_default_size (GTK_WINDOW (window), widths[i], 700);
      g_assert_true (tally_window_open_database (window, NULL));
      gtk_window_present (GTK_WINDOW (window));
      tally_test_wait_for_frames (300);
      g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (window->content_title)));
      g_assert_false (adw_view_switcher_title_get_title_visible (window->content_title));
      g_assert_null (window->switcher_bar);
      gtk_window_destroy (GTK_WINDOW (window));
    }
}

/* The titles of the filter panel's rows of choices, in order. */
static void
collect_choice_titles (GtkWidget *widget,
                       GString   *titles)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      if (ADW_IS_ACTION_ROW (child))
        g_string_append_printf (titles, "%s;", adw_preferences_row_get_title (ADW_PREFERENCES_ROW (child)));
      else
        collect_choice_titles (child, titles);
    }
}

static char *
choice_titles (TallyWindow *window)
{
  GString *titles = g_string_new (NULL);

  collect_choice_titles (GTK_WIDGET (tally_window_get_filter_panel (window)), titles);
  return g_string_free (titles, FALSE);
}

/* At start the filter panel builds the outcomes only, under the election
 * menus; the parties, regions and council types come once the first frame
 * is painted: the same rows, in the same order, with the same counts as a
 * panel built at once.  Asking for a choice by name builds them all. */
static void
test_choices_after_first_frame (void)
{
  TallyWindow *at_once = tally_window_new (NULL), *window = tally_window_new (NULL);
  g_autofree char *all = NULL, *first = NULL, *after = NULL;
  gint64 give_up;

  g_assert_true (tally_window_open_database (at_once, NULL));
  all = choice_titles (at_once);
  g_assert_nonnull (strstr (all, "Change;Gained;Lost;Held;"));
  g_assert_nonnull (strstr (all, ";Labour;"));
  g_assert_nonnull (strstr (all, ";London;"));

  tally_window_defer_unseen (window);
  g_assert_true (tally_window_open_database (window, NULL));
  first = choice_titles (window);
  g_assert_cmpstr (first, ==, "Results;Against;Change;Gained;Lost;Held;No overall control, before and after;Changed hands;Did not change hands;");

  gtk_window_present (GTK_WINDOW (window));
  give_up = g_get_monotonic_time () + 20 * G_TIME_SPAN_SECOND;
  while (g_get_monotonic_time () < give_up)
    {
      g_free (after);
      after = choice_titles (window);
      if (g_str_equal (after, all))
        break;
      g_main_context_iteration (NULL, TRUE);
    }
  g_assert_cmpstr (after, ==, all);
  g_assert_cmpuint (tally_filter_panel_get_count (tally_window_get_filter_panel (window), "region", "London"), ==,
                    tally_filter_panel_get_count (tally_window_get_filter_panel (at_once), "region", "London"));
  g_assert_cmpuint (tally_filter_panel_get_count (tally_window_get_filter_panel (window), "region", "London"), ==, 32);
  gtk_window_destroy (GTK_WINDOW (window));

  /* A choice asked for by name before the first frame: every row at once. */
  window = tally_window_new (NULL);
  tally_window_defer_unseen (window);
  g_assert_true (tally_window_open_database (window, NULL));
  g_assert_true (tally_filter_panel_toggle (tally_window_get_filter_panel (window), "party", "LAB"));
  g_free (after);
  after = choice_titles (window);
  g_assert_cmpstr (after, ==, all);
  gtk_window_destroy (GTK_WINDOW (window));
  gtk_window_destroy (GTK_WINDOW (at_once));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  if (!tally_test_widgets_init ())
    return 0;

  g_test_add_func ("/window/bundled-councils", test_bundled_councils);
  g_test_add_func ("/window/bad-file-message", test_bad_file_message);
  g_test_add_func ("/window/made-when-shown", test_made_when_shown);
  g_test_add_func ("/window/rows-after-first-frame", test_rows_after_first_frame);
  g_test_add_func ("/window/choices-after-first-frame", test_choices_after_first_frame);
  g_test_add_func ("/window/rows-fill-first-frame", test_rows_fill_first_frame);
  g_test_add_func ("/window/no-switcher-bar-while-switcher-fits", test_no_switcher_bar_while_switcher_fits);

  return g_test_run ();
}
