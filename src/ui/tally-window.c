/* tally-window.c: Tally's main window.
 *
 * The window opens one database at a time.  A sidebar says what is loaded
 * (and will hold the filter panel); the content area shows the councils of
 * the latest election.  A database that cannot be read replaces the content
 * with a page that says why and offers a way out, never a crash.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "tally-catalog.h"
#include "tally-council-result.h"
#include "tally-database.h"
#include "tally-election.h"
#include "tally-format.h"
#include "tally-party-style.h"
#include "tally-window.h"

struct _TallyWindow
{
  AdwApplicationWindow  parent_instance;

  GSettings            *settings;
  TallyCatalog         *catalog;
  GListModel           *results;
  char                 *error_message;
  GtkFileChooserNative *chooser;

  /* Template widgets */
  AdwWindowTitle       *content_title;
  TallyCouncilList     *council_list;
  GtkLabel             *councils_count_label;
  AdwActionRow         *database_row;
  AdwActionRow         *election_row;
  AdwStatusPage        *error_page;
  AdwLeaflet           *leaflet;
  GtkStack             *main_stack;
  GtkLabel             *seats_count_label;
  GtkWidget            *sidebar;
  AdwToastOverlay      *toast_overlay;
};

G_DEFINE_FINAL_TYPE (TallyWindow, tally_window, ADW_TYPE_APPLICATION_WINDOW)

static char *
format_date (const char *iso_date)
{
  g_autoptr(GDateTime) date = NULL;
  g_autofree char *midnight = g_strconcat (iso_date, "T00:00:00Z", NULL);

  date = g_date_time_new_from_iso8601 (midnight, NULL);
  if (date == NULL)
    return g_strdup (iso_date);

  /* Translators: a polling day, "3 May 2018". */
  return g_date_time_format (date, _("%-d %B %Y"));
}

static void
show_error (TallyWindow *self,
            const char  *message)
{
  g_free (self->error_message);
  self->error_message = g_strdup (message);

  adw_status_page_set_description (self->error_page, message);
  gtk_stack_set_visible_child_name (self->main_stack, "error");
}

static void
update_sidebar (TallyWindow   *self,
                TallyElection *election,
                const char    *path,
                gboolean       bundled)
{
  TallyElection *baseline = tally_election_get_baseline (election);
  g_autofree char *date = format_date (tally_election_get_date (election));
  g_autofree char *subtitle = NULL;
  g_autofree char *councils = NULL;
  g_autofree char *seats = NULL;
  guint n_results = g_list_model_get_n_items (self->results);
  guint seats_up = 0;

  for (guint i = 0; i < n_results; i++)
    {
      g_autoptr(TallyCouncilResult) result = g_list_model_get_item (self->results, i);

      seats_up += tally_council_result_get_seats_up (result);
    }

  if (baseline != NULL)
    {
      g_autofree char *baseline_date = format_date (tally_election_get_date (baseline));

      /* Translators: "3 May 2018, compared with 22 May 2014". */
      subtitle = g_strdup_printf (_("%s, compared with %s"), date, baseline_date);
    }
  else
    {
      subtitle = g_strdup (date);
    }

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->election_row), tally_election_get_name (election));
  adw_action_row_set_subtitle (self->election_row, subtitle);

  councils = tally_format_count (n_results);
  seats = tally_format_count (seats_up);
  gtk_label_set_text (self->councils_count_label, councils);
  gtk_label_set_text (self->seats_count_label, seats);

  if (bundled)
    adw_action_row_set_subtitle (self->database_row, _("Bundled with Tally (read-only)"));
  else
    {
      g_autofree char *name = g_filename_display_name (path);

      adw_action_row_set_subtitle (self->database_row, name);
    }

  {
    g_autofree char *title_subtitle =
      g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u council · %s", "%u councils · %s", n_results),
                       n_results, date);

    adw_window_title_set_subtitle (self->content_title, title_subtitle);
  }
}

static void
open_bundled_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  TallyWindow *self = TALLY_WINDOW (widget);

  if (tally_window_open_database (self, NULL))
    g_settings_set_string (self->settings, "last-database", "");
}

static void
chooser_response_cb (TallyWindow          *self,
                     int                   response,
                     GtkFileChooserNative *chooser)
{
  g_autoptr(GFile) file = NULL;
  g_autofree char *path = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    {
      file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      path = file ? g_file_get_path (file) : NULL;
    }

  g_clear_object (&self->chooser);

  if (path != NULL && tally_window_open_database (self, path))
    g_settings_set_string (self->settings, "last-database", path);
}

static void
open_database_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  TallyWindow *self = TALLY_WINDOW (widget);
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  if (self->chooser != NULL)
    return;

  gtk_file_filter_set_name (filter, _("Tally databases"));
  gtk_file_filter_add_pattern (filter, "*.db");
  gtk_file_filter_add_pattern (filter, "*.sqlite");
  gtk_file_filter_add_pattern (filter, "*.sqlite3");
  gtk_file_filter_add_mime_type (filter, "application/vnd.sqlite3");

  self->chooser = gtk_file_chooser_native_new (_("Open Database"), GTK_WINDOW (self),
                                               GTK_FILE_CHOOSER_ACTION_OPEN, _("_Open"), _("_Cancel"));
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), filter);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);
  g_signal_connect_object (self->chooser, "response", G_CALLBACK (chooser_response_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

static void
toggle_sidebar_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  TallyWindow *self = TALLY_WINDOW (widget);

  if (adw_leaflet_get_visible_child (self->leaflet) == self->sidebar)
    adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
  else
    adw_leaflet_set_visible_child (self->leaflet, self->sidebar);
}

static gboolean
tally_window_close_request (GtkWindow *window)
{
  TallyWindow *self = TALLY_WINDOW (window);
  int width, height;

  gtk_window_get_default_size (window, &width, &height);
  g_settings_set_int (self->settings, "window-width", width);
  g_settings_set_int (self->settings, "window-height", height);
  g_settings_set_boolean (self->settings, "window-maximized", gtk_window_is_maximized (window));

  return GTK_WINDOW_CLASS (tally_window_parent_class)->close_request (window);
}

static void
tally_window_dispose (GObject *object)
{
  TallyWindow *self = (TallyWindow *) object;

  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);

  gtk_widget_dispose_template (GTK_WIDGET (self), TALLY_TYPE_WINDOW);

  g_clear_object (&self->results);
  g_clear_object (&self->catalog);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (tally_window_parent_class)->dispose (object);
}

static void
tally_window_finalize (GObject *object)
{
  TallyWindow *self = (TallyWindow *) object;

  g_clear_pointer (&self->error_message, g_free);

  G_OBJECT_CLASS (tally_window_parent_class)->finalize (object);
}

static void
tally_window_class_init (TallyWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = tally_window_dispose;
  object_class->finalize = tally_window_finalize;
  window_class->close_request = tally_window_close_request;

  g_type_ensure (TALLY_TYPE_COUNCIL_LIST);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/tally/Tally/tally-window.ui");
  gtk_widget_class_bind_template_child (widget_class, TallyWindow, content_title);
  gtk_widget_class_bind_template_child (widget_class, TallyWindow, council_list);
  gtk_widget_class_bind_template_child (widget_class, TallyWindow, councils_count_label);
  gtk_widget_class_bind_template_child (widget_class, TallyWindow, database_row);
  gtk_widget_class_bind_template_child (widget_class, TallyWindow, election_row);
  gtk_widget_class_bind_template_child (widget_class, TallyWindow, error_page);
  gtk_widget_class_bind_template_child (widget_class, TallyWindow, leaflet);
  gtk_widget_class_bind_template_child (widget_class, TallyWindow, main_stack);
  gtk_widget_class_bind_template_child (widget_class, TallyWindow, seats_count_label);
  gtk_widget_class_bind_template_child (widget_class, TallyWindow, sidebar);
  gtk_widget_class_bind_template_child (widget_class, TallyWindow, toast_overlay);

  gtk_widget_class_install_action (widget_class, "win.open-database", NULL, open_database_action);
  gtk_widget_class_install_action (widget_class, "win.open-bundled", NULL, open_bundled_action);
  gtk_widget_class_install_action (widget_class, "win.toggle-sidebar", NULL, toggle_sidebar_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_o, GDK_CONTROL_MASK, "win.open-database", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F9, 0, "win.toggle-sidebar", NULL);
}

static void
tally_window_init (TallyWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->settings = g_settings_new (APPLICATION_ID);

  gtk_window_set_default_size (GTK_WINDOW (self),
                               g_settings_get_int (self->settings, "window-width"),
                               g_settings_get_int (self->settings, "window-height"));
  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));
}

TallyWindow *
tally_window_new (GtkApplication *application)
{
  return g_object_new (TALLY_TYPE_WINDOW, "application", application, NULL);
}

/**
 * tally_window_open_database:
 * @path: (nullable): the file to open, or %NULL for the bundled database
 *
 * Shows the councils of @path's latest election, or a page that says why
 * the file cannot be used.  Every file is opened read-only: nothing the
 * window does writes to it.
 *
 * Returns: whether the database was opened
 */
gboolean
tally_window_open_database (TallyWindow *self,
                            const char  *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TallyDatabase) database = NULL;
  g_autoptr(TallyCatalog) catalog = NULL;
  g_autoptr(GListModel) results = NULL;
  g_autofree char *bundled_path = NULL;
  TallyElection *election;

  g_return_val_if_fail (TALLY_IS_WINDOW (self), FALSE);

  if (path == NULL)
    path = bundled_path = tally_database_get_bundled_path ();

  if (!(database = tally_database_open (path, TALLY_DATABASE_OPEN_READ_ONLY, &error)) ||
      !(catalog = tally_catalog_new (database, &error)))
    {
      show_error (self, error->message);
      return FALSE;
    }

  if (!(election = tally_catalog_get_latest_election (catalog)))
    {
      g_autofree char *name = g_filename_display_basename (path);
      g_autofree char *message = g_strdup_printf (_("“%s” holds no elections"), name);

      show_error (self, message);
      return FALSE;
    }

  if (!(results = tally_catalog_load_results (catalog, election, &error)))
    {
      show_error (self, error->message);
      return FALSE;
    }

  g_set_object (&self->catalog, catalog);
  g_set_object (&self->results, results);
  g_clear_pointer (&self->error_message, g_free);

  tally_party_style_install (gtk_widget_get_display (GTK_WIDGET (self)),
                             tally_catalog_get_parties (catalog),
                             g_settings_get_boolean (self->settings, "colour-blind-palette"));
  tally_council_list_set_results (self->council_list, results);
  update_sidebar (self, election, path, bundled_path != NULL);
  gtk_stack_set_visible_child_name (self->main_stack, "explorer");

  return TRUE;
}

/**
 * tally_window_get_catalog:
 *
 * Returns: (transfer none) (nullable): the catalogue of the open database
 */
TallyCatalog *
tally_window_get_catalog (TallyWindow *self)
{
  g_return_val_if_fail (TALLY_IS_WINDOW (self), NULL);
  return self->catalog;
}

/**
 * tally_window_get_council_list:
 *
 * Returns: (transfer none): the council table
 */
TallyCouncilList *
tally_window_get_council_list (TallyWindow *self)
{
  g_return_val_if_fail (TALLY_IS_WINDOW (self), NULL);
  return self->council_list;
}

/**
 * tally_window_get_error_message:
 *
 * Returns: (nullable): why the last database could not be opened, or %NULL
 *   when the window shows one
 */
const char *
tally_window_get_error_message (TallyWindow *self)
{
  g_return_val_if_fail (TALLY_IS_WINDOW (self), NULL);
  return self->error_message;
}
