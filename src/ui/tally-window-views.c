/* tally-window-views.c: what is not on screen at start, built when first
 * shown: the Charts, the Map, the main menu and the keyboard shortcuts.
 *
 * The window opens on the Councils.  The Charts (five chart views over the
 * engine's summary) and the Map (its controls, its hex layout and the
 * boundaries it reads on a thread) are not on screen then, so they are not
 * built then: each is made the first time its page of the view stack is
 * shown (a click on its tab, Alt+2 or Alt+3, `tally --view`), or the first
 * time a command needs it (Export Chart… from the council list exports the
 * state of the parties).  Once made, a view stays, and follows the engine,
 * the palette and the night like the views built at start.
 *
 * The same goes for the main menu (a popover of some ninety widgets for
 * each of its two buttons), made when a button first opens it, and for the
 * Keyboard Shortcuts window (five hundred widgets), which GtkApplication
 * builds for every window at start when it finds gtk/help-overlay.ui in the
 * resources: it lives elsewhere, and Ctrl+? or the menu builds it.
 *
 * The view switcher bar at the bottom, which a window too narrow for the
 * header bar's switcher shows instead, is made the first time it is
 * needed: its switcher was built and measured at every start, revealed or
 * not, though at Tally's narrowest window the header bar's switcher still
 * fits (it is for text larger than the default).
 *
 * What the Councils view itself holds below the fold waits for the first
 * frame too (tally_window_defer_unseen()): the council list's rows past
 * the window's height, and the filter panel's parties, regions and council
 * types.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "tally-window-private.h"

/**
 * _tally_window_get_charts_page:
 *
 * Returns: (transfer none): the Charts view, made now if it was not yet
 */
TallyChartsPage *
_tally_window_get_charts_page (TallyWindow *self)
{
  if (self->charts_page != NULL)
    return self->charts_page;

  self->charts_page = TALLY_CHARTS_PAGE (tally_charts_page_new ());
  tally_charts_page_set_colour_blind_safe (self->charts_page,
                                           g_settings_get_boolean (self->settings, "colour-blind-palette"));
  if (self->results != NULL)
    {
      tally_charts_page_set_engine (self->charts_page, self->results, self->selection);
      tally_charts_page_set_ranking (self->charts_page, self->ranking);
    }
  adw_bin_set_child (self->charts_bin, GTK_WIDGET (self->charts_page));
  return self->charts_page;
}

static void
map_council_activated_cb (TallyWindow  *self,
                          TallyCouncil *council)
{
  _tally_window_open_council_from_map (self, council);
}

/**
 * _tally_window_get_map_view:
 *
 * Returns: (transfer none): the Map, made now if it was not yet
 */
TallyMapView *
_tally_window_get_map_view (TallyWindow *self)
{
  if (self->map_view != NULL)
    return self->map_view;

  self->map_view = TALLY_MAP_VIEW (tally_map_view_new ());
  g_signal_connect_object (self->map_view, "council-activated", G_CALLBACK (map_council_activated_cb), self,
                           G_CONNECT_SWAPPED);
  tally_map_view_set_colour_blind_safe (self->map_view,
                                        g_settings_get_boolean (self->settings, "colour-blind-palette"));
  tally_map_view_set_selection (self->map_view, self->selection);
  if (self->results != NULL)
    {
      tally_map_view_set_results (self->map_view, self->results);
      tally_map_view_set_night (self->map_view, _tally_window_get_shown_night (self));
    }
  adw_bin_set_child (self->map_bin, GTK_WIDGET (self->map_view));
  return self->map_view;
}

static void
visible_view_changed_cb (TallyWindow *self)
{
  const char *name = adw_view_stack_get_visible_child_name (self->view_stack);

  if (g_strcmp0 (name, "charts") == 0)
    _tally_window_get_charts_page (self);
  else if (g_strcmp0 (name, "map") == 0)
    _tally_window_get_map_view (self);
}

/* The menu of a header bar's button, made as it first opens (a click,
 * F10). */
static void
create_menu_cb (GtkMenuButton *button,
                gpointer       user_data)
{
  TallyWindow *self = TALLY_WINDOW (gtk_widget_get_root (GTK_WIDGET (button)));

  gtk_menu_button_set_menu_model (button, self->primary_menu);
}

static void
show_help_overlay_action (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  GtkApplicationWindow *window = GTK_APPLICATION_WINDOW (widget);
  GtkShortcutsWindow *overlay = gtk_application_window_get_help_overlay (window);

  if (overlay == NULL)
    {
      g_autoptr(GtkBuilder) builder = gtk_builder_new_from_resource ("/io/github/tally/Tally/help-overlay.ui");

      overlay = GTK_SHORTCUTS_WINDOW (gtk_builder_get_object (builder, "help_overlay"));
      gtk_application_window_set_help_overlay (window, overlay);
    }
  gtk_window_present (GTK_WINDOW (overlay));
}

void
_tally_window_class_init_views (GtkWidgetClass *widget_class)
{
  gtk_widget_class_bind_template_child (widget_class, TallyWindow, menu_button);
  gtk_widget_class_bind_template_child (widget_class, TallyWindow, error_menu_button);
  gtk_widget_class_bind_template_child (widget_class, TallyWindow, primary_menu);
  gtk_widget_class_install_action (widget_class, "win.show-help-overlay", NULL, show_help_overlay_action);
}

/* The header bar's switcher gave way to the title, or came back: the bar
 * at the bottom shows the views while the title is shown. */
static void
title_visible_cb (TallyWindow *self)
{
  GtkWidget *bar;

  if (self->switcher_bar != NULL || !adw_view_switcher_title_get_title_visible (self->content_title))
    return;

  bar = adw_view_switcher_bar_new ();
  self->switcher_bar = ADW_VIEW_SWITCHER_BAR (bar);
  adw_view_switcher_bar_set_stack (self->switcher_bar, self->view_stack);
  g_object_bind_property (self->content_title, "title-visible", bar, "reveal", G_BINDING_SYNC_CREATE);
  gtk_box_insert_child_after (GTK_BOX (gtk_widget_get_parent (GTK_WIDGET (self->view_stack))), bar,
                              GTK_WIDGET (self->view_stack));
}

void
_tally_window_init_views (TallyWindow *self)
{
  g_signal_connect_object (self->content_title, "notify::title-visible", G_CALLBACK (title_visible_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_menu_button_set_create_popup_func (self->menu_button, create_menu_cb, NULL, NULL);
  gtk_menu_button_set_create_popup_func (self->error_menu_button, create_menu_cb, NULL, NULL);
  g_signal_connect_object (self->view_stack, "notify::visible-child-name", G_CALLBACK (visible_view_changed_cb),
                           self, G_CONNECT_SWAPPED);
}

/* A council's row, two lines of text, and what is above the list at the
 * least: the header bar, the state of the parties and the column titles.
 * The list builds more rows before its first frame is painted if these
 * leave it room for them (tally-council-list-defer.c). */
#define ROW_HEIGHT 42
#define ABOVE_THE_LIST 250

/* About as many rows of the council list as the window shows when it
 * opens: from its height, or the tallest monitor's when it opens
 * maximized. */
static guint
rows_the_window_shows (TallyWindow *self)
{
  GdkDisplay *display = gtk_widget_get_display (GTK_WIDGET (self));
  GListModel *monitors = gdk_display_get_monitors (display);
  int width, height = 0;

  /* GTK 4.8 asks for both: a NULL width crashes it. */
  if (!g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_get_default_size (GTK_WINDOW (self), &width, &height);

  for (guint i = 0; height <= 0 && i < g_list_model_get_n_items (monitors); i++)
    {
      g_autoptr(GdkMonitor) monitor = g_list_model_get_item (monitors, i);
      GdkRectangle geometry;

      gdk_monitor_get_geometry (monitor, &geometry);
      height = MAX (height, geometry.height);
    }
  return height > ABOVE_THE_LIST ? (guint) (height - ABOVE_THE_LIST) / ROW_HEIGHT + 1 : 8;
}

/**
 * tally_window_defer_unseen:
 *
 * Until the window's first frame is painted, builds only what it shows:
 * the council list's first rows (tally_council_list_defer_rows()) and the
 * filter panel's outcomes (tally_filter_panel_defer_choices()); the rest
 * follows in the frames after.  For a window's start, before its database
 * is opened.
 */
void
tally_window_defer_unseen (TallyWindow *self)
{
  g_return_if_fail (TALLY_IS_WINDOW (self));

  tally_council_list_defer_rows (self->council_list, rows_the_window_shows (self));
  tally_filter_panel_defer_choices (self->filter_panel);
}
