/* tally-window-folder.c: "Follow a Folder…": results files that land in a folder are imported as they arrive.
 *
 * The watching and importing is core's TallyFolderWatch (the same as
 * `tally watch DIR`): each new or changed results file, once complete, is
 * imported into the user's own database in a transaction of its own.  The
 * window adds the chooser and a toast for each file: what it added, or,
 * for a bad one, the importer's message naming file, line and field, which
 * stays until read.  The first file moves the window to the user's
 * database; after that the views follow it through tally-window-live.c.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "tally-catalog.h"
#include "tally-database.h"
#include "tally-folder-watch.h"
#include "tally-import.h"
#include "tally-window-folder.h"
#include "tally-window-private.h"

struct _TallyWindowFolder
{
  TallyFolderWatch     *watch;
  GtkFileChooserNative *chooser;
};

static void
toast (TallyWindow *self,
       const char  *message,
       guint        timeout)
{
  AdwToast *toast = adw_toast_new (message);

  adw_toast_set_timeout (toast, timeout);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static void
imported_cb (TallyFolderWatch   *watch,
             GFile              *file,
             TallyImportSummary *summary,
             const char         *database_path,
             TallyWindow        *self)
{
  g_autofree char *name = g_file_get_basename (file);
  g_autofree char *message = g_strdup_printf (_("%s: %u rows imported"), name, summary->rows_read);
  TallyCatalog *catalog = tally_window_get_catalog (self);
  const char *shown = catalog ? tally_database_get_path (tally_catalog_get_database (catalog)) : NULL;

  toast (self, message, 4);

  /* The first file moves the window to the user's database; after that
   * the window follows it live. */
  if (g_strcmp0 (shown, database_path) != 0 && tally_window_open_database (self, database_path))
    g_settings_set_string (self->settings, "last-database", database_path);
}

static void
failed_cb (TallyFolderWatch *watch,
           GFile            *file,
           GError           *error,
           TallyWindow      *self)
{
  /* The message names file, line and field; it stays until read. */
  toast (self, error->message, 0);
}

static void
stop_following (TallyWindow *self)
{
  TallyWindowFolder *folder = self->folder;

  /* Stopped, and kept until another folder is chosen: its counts stay
   * readable. */
  if (folder->watch != NULL)
    {
      g_signal_handlers_disconnect_by_data (folder->watch, self);
      tally_folder_watch_stop (folder->watch);
    }

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.stop-following-folder", FALSE);
}

/*
 * _tally_window_follow_folder:
 * @dir: the folder results files will land in
 *
 * Imports every results file that is written or moved into @dir from now
 * on, until the window follows another folder or is closed.
 *
 * Returns: whether the folder can be watched
 */
gboolean
_tally_window_follow_folder (TallyWindow  *self,
                             GFile        *dir,
                             GError      **error)
{
  TallyWindowFolder *folder = self->folder;
  g_autoptr(TallyFolderWatch) watch = NULL;
  g_autofree char *name = NULL;
  g_autofree char *message = NULL;

  if (!(watch = tally_folder_watch_new (dir, NULL, error)))
    return FALSE;

  stop_following (self);
  g_set_object (&folder->watch, watch);
  g_signal_connect (folder->watch, "imported", G_CALLBACK (imported_cb), self);
  g_signal_connect (folder->watch, "failed", G_CALLBACK (failed_cb), self);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.stop-following-folder", TRUE);

  name = g_file_get_parse_name (dir);
  message = g_strdup_printf (_("Following %s: results files are imported as they arrive"), name);
  toast (self, message, 6);

  return TRUE;
}

static void
chooser_response_cb (TallyWindow          *self,
                     int                   response,
                     GtkFileChooserNative *chooser)
{
  g_autoptr(GFile) dir = NULL;
  g_autoptr(GError) error = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    dir = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  g_clear_object (&self->folder->chooser);

  if (dir != NULL && !_tally_window_follow_folder (self, dir, &error))
    toast (self, error->message, 0);
}

static void
follow_folder_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  TallyWindow *self = TALLY_WINDOW (widget);
  TallyWindowFolder *folder = self->folder;

  if (folder->chooser != NULL)
    return;

  folder->chooser = gtk_file_chooser_native_new (_("Follow a Folder"), GTK_WINDOW (self),
                                                 GTK_FILE_CHOOSER_ACTION_SELECT_FOLDER, _("_Follow"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (folder->chooser), TRUE);
  g_signal_connect_object (folder->chooser, "response", G_CALLBACK (chooser_response_cb), self, G_CONNECT_SWAPPED);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (folder->chooser));
}

static void
stop_following_folder_action (GtkWidget  *widget,
                              const char *action_name,
                              GVariant   *parameter)
{
  stop_following (TALLY_WINDOW (widget));
}

void
_tally_window_class_init_folder (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.follow-folder", NULL, follow_folder_action);
  gtk_widget_class_install_action (widget_class, "win.stop-following-folder", NULL, stop_following_folder_action);
}

void
_tally_window_init_folder (TallyWindow *self)
{
  self->folder = g_new0 (TallyWindowFolder, 1);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.stop-following-folder", FALSE);
}

void
_tally_window_dispose_folder (TallyWindow *self)
{
  TallyWindowFolder *folder = self->folder;

  if (folder == NULL)
    return;

  stop_following (self);
  g_clear_object (&folder->watch);
  if (folder->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (folder->chooser));
  g_clear_object (&folder->chooser);
  g_clear_pointer (&self->folder, g_free);
}

/**
 * tally_window_get_folder_counts:
 * @n_imported: (out) (optional): files imported since the folder was chosen
 * @n_failed: (out) (optional): files refused
 *
 * Returns: (nullable): the message of the last file refused
 */
const char *
tally_window_get_folder_counts (TallyWindow *self,
                                guint       *n_imported,
                                guint       *n_failed)
{
  TallyFolderWatch *watch;

  g_return_val_if_fail (TALLY_IS_WINDOW (self), NULL);

  watch = self->folder ? self->folder->watch : NULL;
  if (n_imported)
    *n_imported = watch ? tally_folder_watch_get_n_imported (watch) : 0;
  if (n_failed)
    *n_failed = watch ? tally_folder_watch_get_n_failed (watch) : 0;
  return watch ? tally_folder_watch_get_last_error (watch) : NULL;
}
