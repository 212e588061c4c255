/* tally-test-widgets.c: what the widget tests share.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <adwaita.h>
#include <gdk/x11/gdkx.h>
#include <X11/extensions/XTest.h>

#include "tally-catalog.h"
#include "tally-column-fit.h"
#include "tally-council.h"
#include "tally-council-list.h"
#include "tally-test-widgets.h"
#include "tally-window-private.h"

/**
 * tally_test_widgets_init:
 *
 * Starts GTK and libadwaita for a widget test, with animations off (a
 * transition would keep the old page mapped for a few frames).  Without a
 * display, says so the TAP way ("1..0 # SKIP") and returns %FALSE: the
 * caller then exits 0.
 */
gboolean
tally_test_widgets_init (void)
{
  if (!gtk_init_check ())
    {
      /* An X server resets when its last client leaves and refuses new
       * clients while it does (Xvfb without -noreset): a test that starts
       * in that moment would skip although a display is there.  GTK is
       * initialised by now; only the display is missing, so ask again. */
      for (guint tries = 0; tries < 50 && g_getenv ("DISPLAY") != NULL; tries++)
        {
          if (gdk_display_open (g_getenv ("DISPLAY")) != NULL)
            break;
          g_usleep (100 * 1000);
        }

      if (gdk_display_get_default () == NULL)
        {
          g_print ("1..0 # SKIP no display: run the tests under xvfb-run\n");
          return FALSE;
        }
    }

  adw_init ();
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);

  /* The application loads its style sheet from its resource base path;
   * a window made without the application would be measured without it
   * (a list that fits unstyled overflowed in the running app). */
  {
    g_autoptr(GtkCssProvider) provider = gtk_css_provider_new ();

    gtk_css_provider_load_from_resource (provider, "/io/github/tally/Tally/style.css");
    gtk_style_context_add_provider_for_display (gdk_display_get_default (), GTK_STYLE_PROVIDER (provider),
                                                GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
  }

  return TRUE;
}

/**
 * tally_test_wait_for_frames:
 * @milliseconds: how long to let the main loop run
 *
 * Long enough for a layout and a frame under Xvfb, and until nothing is
 * pending.
 */
void
tally_test_wait_for_frames (guint milliseconds)
{
  gint64 end = g_get_monotonic_time () + milliseconds * G_TIME_SPAN_MILLISECOND;

  while (g_get_monotonic_time () < end || g_main_context_pending (NULL))
    g_main_context_iteration (NULL, FALSE);
}

/**
 * tally_test_click:
 * @widget: a widget on screen
 * @n_clicks: 1 for a click, 2 for a double click
 *
 * Clicks the middle of @widget with the X server's own pointer (XTest): the
 * press and release go through the server, GDK and GTK's gestures as a
 * user's do, so a button that is covered, off screen or not listening is
 * not clicked.  A test that clicks must run alone on its display (see
 * clicking_tests in meson.build).  Returns %FALSE (and clicks nothing)
 * off X11.
 */
gboolean
tally_test_click (GtkWidget *widget,
                  guint      n_clicks)
{
  GtkNative *native = gtk_widget_get_native (widget);
  GdkDisplay *display = gtk_widget_get_display (widget);
  GdkSurface *surface;
  Display *xdisplay;
  graphene_point_t centre, in_surface;
  double offset_x, offset_y;
  int root_x, root_y;
  Window child;

  g_return_val_if_fail (GTK_IS_WIDGET (widget), FALSE);
  g_return_val_if_fail (native != NULL, FALSE);

  surface = gtk_native_get_surface (native);
  if (!GDK_IS_X11_DISPLAY (display) || surface == NULL)
    return FALSE;

  centre = GRAPHENE_POINT_INIT (gtk_widget_get_width (widget) / 2.0f, gtk_widget_get_height (widget) / 2.0f);
  g_assert_true (gtk_widget_compute_point (widget, GTK_WIDGET (native), &centre, &in_surface));
  /* The window's shadow and resize border lie between its surface's
   * corner and the widget's. */
  gtk_native_get_surface_transform (native, &offset_x, &offset_y);

  xdisplay = gdk_x11_display_get_xdisplay (display);
  /* Without a window manager, the window last mapped is on top. */
  XRaiseWindow (xdisplay, gdk_x11_surface_get_xid (surface));
  XTranslateCoordinates (xdisplay, gdk_x11_surface_get_xid (surface), DefaultRootWindow (xdisplay),
                         (int) (in_surface.x + offset_x), (int) (in_surface.y + offset_y), &root_x, &root_y, &child);
  XTestFakeMotionEvent (xdisplay, -1, root_x, root_y, CurrentTime);
  XSync (xdisplay, False);
  tally_test_wait_for_frames (50);
  for (guint i = 0; i < n_clicks; i++)
    {
      XTestFakeButtonEvent (xdisplay, 1, True, CurrentTime);
      XTestFakeButtonEvent (xdisplay, 1, False, CurrentTime);
      XSync (xdisplay, False);
      tally_test_wait_for_frames (30);
    }
  return TRUE;
}

/**
 * tally_test_fill_screen:
 *
 * Presents @window as an unmaximised window filling a @width × @height
 * screen: its surface, resize borders and all, is that size, and so the
 * window itself is a few pixels smaller.  Any screen the test runs on will
 * do: a size request, unlike a default size, is not cut to the monitor.
 */
void
tally_test_fill_screen (GtkWindow *window,
                        int        width,
                        int        height)
{
  GdkSurface *surface;

  gtk_widget_set_size_request (GTK_WIDGET (window), width, height);
  gtk_window_present (window);
  tally_test_wait_for_frames (300);

  surface = gtk_native_get_surface (GTK_NATIVE (window));
  gtk_widget_set_size_request (GTK_WIDGET (window),
                               2 * width - gdk_surface_get_width (surface),
                               2 * height - gdk_surface_get_height (surface));
  tally_test_wait_for_frames (300);
  g_test_message ("the window is %d×%d in a surface of %d×%d", gtk_widget_get_width (GTK_WIDGET (window)),
                  gtk_widget_get_height (GTK_WIDGET (window)), gdk_surface_get_width (surface),
                  gdk_surface_get_height (surface));
  g_assert_cmpint (gdk_surface_get_width (surface), ==, width);
  g_assert_cmpint (gdk_surface_get_height (surface), ==, height);
}

/* The first widget under @root, depth first, whose action is @action_name. */
GtkWidget *
tally_test_find_action_widget (GtkWidget  *root,
                               const char *action_name)
{
  if (GTK_IS_ACTIONABLE (root) &&
      g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (root)), action_name) == 0)
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = tally_test_find_action_widget (child, action_name);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static GtkWidget *
find_label (GtkWidget *widget)
{
  if (GTK_IS_LABEL (widget))
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *label = find_label (child);

      if (label != NULL)
        return label;
    }
  return NULL;
}

/* The label drawn whole: not ellipsized, as wide as it asks, and inside
 * @within, which clips nothing in GTK 4.8 but is where it belongs. */
static void
assert_label_whole (GtkWidget  *label,
                    GtkWidget  *within,
                    const char *what)
{
  graphene_rect_t bounds;
  int natural;

  gtk_widget_measure (label, GTK_ORIENTATION_HORIZONTAL, -1, NULL, &natural, NULL, NULL);
  g_assert_true (gtk_widget_compute_bounds (label, within, &bounds));
  if (pango_layout_is_ellipsized (gtk_label_get_layout (GTK_LABEL (label))) ||
      gtk_widget_get_width (label) < natural)
    g_error ("%s “%s” is cut: %d px of %d", what, gtk_label_get_text (GTK_LABEL (label)),
             gtk_widget_get_width (label), natural);
  if (bounds.origin.x < -0.5 || bounds.origin.x + bounds.size.width > gtk_widget_get_width (within) + 0.5)
    g_error ("%s “%s” runs out of its %d px: from %.0f to %.0f", what, gtk_label_get_text (GTK_LABEL (label)),
             gtk_widget_get_width (within), bounds.origin.x, bounds.origin.x + bounds.size.width);
}

/**
 * tally_test_assert_columns_whole:
 *
 * Every column of @view is on screen, the view does not scroll sideways,
 * and each header shows its whole title inside its column, a figures
 * column's title at its right edge.
 */
void
tally_test_assert_columns_whole (GtkColumnView *view)
{
  GListModel *columns = gtk_column_view_get_columns (view);
  GtkAdjustment *hadjustment = gtk_scrollable_get_hadjustment (GTK_SCROLLABLE (view));
  GtkWidget *header = gtk_widget_get_first_child (GTK_WIDGET (view));
  GtkWidget *title = gtk_widget_get_first_child (header);
  guint n_figures = 0;
  double x = 0;

  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (view)));
  if (gtk_adjustment_get_upper (hadjustment) - gtk_adjustment_get_page_size (hadjustment) > 0.5)
    g_error ("the list is %.0f px wide in %.0f: it scrolls sideways, its last columns off the edge",
             gtk_adjustment_get_upper (hadjustment), gtk_adjustment_get_page_size (hadjustment));

  for (guint i = 0; i < g_list_model_get_n_items (columns); i++, title = gtk_widget_get_next_sibling (title))
    {
      g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (columns, i);
      GtkWidget *label;
      graphene_rect_t bounds;

      g_assert_nonnull (title);
      label = find_label (title);
      g_assert_nonnull (label);
      g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (label)), ==, gtk_column_view_column_get_title (column));
      assert_label_whole (label, title, "column header");

      /* Titles side by side, the last one's end inside the view. */
      g_assert_true (gtk_widget_compute_bounds (title, GTK_WIDGET (view), &bounds));

      /* The figures (party seats and shares, the swing) are right-aligned,
       * and so are their titles: the text ends at the title's right edge,
       * within its padding. */
      if (tally_column_fit_is_numeric (column))
        {
          graphene_rect_t label_bounds;
          int text_width;
          double text_end;

          pango_layout_get_pixel_size (gtk_label_get_layout (GTK_LABEL (label)), &text_width, NULL);
          g_assert_true (gtk_widget_compute_bounds (label, GTK_WIDGET (view), &label_bounds));
          text_end = label_bounds.origin.x + (label_bounds.size.width - text_width) * gtk_label_get_xalign (GTK_LABEL (label)) +
                     text_width;
          if (bounds.origin.x + bounds.size.width - text_end > 12)
            g_error ("the title “%s” ends %.0f px short of its figures' right edge",
                     gtk_column_view_column_get_title (column), bounds.origin.x + bounds.size.width - text_end);
        }
      /* The result first: Council and Control, the figures, and only then
       * what describes the council. */
      if (i < 2)
        g_assert_false (tally_column_fit_is_numeric (column));
      n_figures += tally_column_fit_is_numeric (column);
      if (g_strcmp0 (gtk_column_view_column_get_title (column), "Type") == 0 ||
          g_strcmp0 (gtk_column_view_column_get_title (column), "Region") == 0)
        g_assert_cmpuint (n_figures, >=, 4);
      g_assert_cmpfloat (bounds.origin.x, >=, x - 0.5);
      x = bounds.origin.x + bounds.size.width;
      if (x > gtk_widget_get_width (GTK_WIDGET (view)) + 0.5)
        g_error ("column header “%s” ends at %.0f, past the list's %d px", gtk_column_view_column_get_title (column),
                 x, gtk_widget_get_width (GTK_WIDGET (view)));
    }
}

/**
 * tally_test_assert_cells_whole:
 * @title: the column's title
 * @texts: (element-type utf8): every text the column may show
 *
 * The cells of the column called @title show their text whole in every
 * row on screen, and any of @texts would fit there too.
 */
void
tally_test_assert_cells_whole (GtkColumnView *view,
                               const char    *title,
                               GPtrArray     *texts)
{
  GListModel *columns = gtk_column_view_get_columns (view);
  GtkWidget *list = gtk_widget_get_last_child (GTK_WIDGET (view));
  guint position, n_cells = 0;

  for (position = 0; position < g_list_model_get_n_items (columns); position++)
    {
      g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (columns, position);

      if (g_strcmp0 (gtk_column_view_column_get_title (column), title) == 0)
        break;
    }
  g_assert_cmpuint (position, <, g_list_model_get_n_items (columns));
  g_assert_true (GTK_IS_LIST_VIEW (list));

  for (GtkWidget *row = gtk_widget_get_first_child (list); row != NULL; row = gtk_widget_get_next_sibling (row))
    {
      GtkWidget *cell = gtk_widget_get_first_child (row);
      GtkWidget *label;

      if (!gtk_widget_get_mapped (row) || gtk_widget_get_height (row) == 0)
        continue;
      for (guint i = 0; cell != NULL && i < position; i++)
        cell = gtk_widget_get_next_sibling (cell);
      g_assert_nonnull (cell);
      label = gtk_widget_get_first_child (cell);
      g_assert_true (GTK_IS_LABEL (label));
      assert_label_whole (label, cell, title);

      /* Whatever council the row showed, its text would fit. */
      for (guint i = 0; n_cells == 0 && i < texts->len; i++)
        {
          g_autoptr(PangoLayout) layout = gtk_widget_create_pango_layout (label, g_ptr_array_index (texts, i));
          int width;

          pango_layout_get_pixel_size (layout, &width, NULL);
          if (width > gtk_widget_get_width (label))
            g_error ("%s “%s” needs %d px: its cells give %d", title, (const char *) g_ptr_array_index (texts, i),
                     width, gtk_widget_get_width (label));
        }
      n_cells++;
    }
  g_test_message ("%u cells of %s whole", n_cells, title);
  g_assert_cmpuint (n_cells, >, 0);
}

/* Each council's region, or its type's label, once. */
static GPtrArray *
council_texts (TallyCatalog *catalog,
               gboolean      regions)
{
  GListModel *councils = tally_catalog_get_councils (catalog);
  GPtrArray *texts = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < g_list_model_get_n_items (councils); i++)
    {
      g_autoptr(TallyCouncil) council = g_list_model_get_item (councils, i);
      const char *text = regions ? tally_council_get_region (council)
                                 : tally_council_type_get_label (tally_council_get_council_type (council));

      if (text != NULL && g_hash_table_add (seen, (gpointer) text))
        g_ptr_array_add (texts, g_strdup (text));
    }
  g_assert_cmpuint (texts->len, >, 0);
  return texts;
}

/**
 * tally_test_assert_list_at_1920:
 * @window: a window with its database open, not yet shown
 *
 * Shows @window filling a 1920 × 1080 screen and asserts that its council
 * list is whole there: no sideways scrolling, every header's title whole
 * inside its column, and no Type or Region cut, for any council the
 * database holds.
 */
void
tally_test_assert_list_at_1920 (TallyWindow *window)
{
  GtkColumnView *view = tally_council_list_get_column_view (window->council_list);

  tally_test_fill_screen (GTK_WINDOW (window), 1920, 1080);
  g_test_message ("the list is %d px wide beside a panel of %d; footer “%s”", gtk_widget_get_width (GTK_WIDGET (view)),
                  gtk_widget_get_width (window->sidebar), gtk_label_get_text (window->database_label));

  tally_test_assert_columns_whole (view);
  tally_test_assert_list_cells_whole (window);
}

/**
 * tally_test_assert_list_cells_whole:
 * @window: a window showing its council list
 *
 * No council's Type or Region is cut in the list's rows on screen, nor
 * would be, whichever council a row showed.
 */
void
tally_test_assert_list_cells_whole (TallyWindow *window)
{
  GtkColumnView *view = tally_council_list_get_column_view (window->council_list);
  g_autoptr(GPtrArray) types = council_texts (window->catalog, FALSE);
  g_autoptr(GPtrArray) regions = council_texts (window->catalog, TRUE);

  tally_test_assert_cells_whole (view, "Type", types);
  tally_test_assert_cells_whole (view, "Region", regions);
}
