/* tally-window-folder.c: "Follow a Folder…": results files that land in a folder are imported as they arrive.
 *
 * On results night the declarations come as files, often one ward to a
 * file, dropped into a folder by a script or a colleague.  The window
 * watches the folder and imports each new or changed results file into the
 * user's own database, one file to a transaction, one after another on the
 * importer's worker thread.  A file is only read once it is complete:
 * closed after writing (CHANGES_DONE_HINT, inotify's IN_CLOSE_WRITE) or
 * renamed into place (MOVED_IN, RENAMED); files that are hidden or named as
 * temporary (".part", ".tmp", "~") are left until they are renamed.  Each
 * file ends with a toast: what it added, or, for a bad one, the importer's
 * message naming file, line and field; nothing stored is touched by a bad
 * file and the watch goes on.  The views follow the database through
 * tally-window-live.c.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "tally-catalog.h"
#include "tally-database.h"
#include "tally-import.h"
#include "tally-window-folder.h"
#include "tally-window-private.h"

struct _TallyWindowFolder
{
  GFile                *dir;
  GFileMonitor         *monitor;
  GQueue                queue;          /* GFile, waiting to be imported */
  TallyImporter        *importer;       /* the file being imported, or NULL */
  GFile                *current;
  GCancellable         *cancellable;
  GtkFileChooserNative *chooser;
  guint                 n_imported;
  guint                 n_failed;
  char                 *last_error;
};

static void import_next (TallyWindow *self);

static gboolean
is_results_file (GFile *file)
{
  g_autofree char *name = g_file_get_basename (file);
  g_autofree char *lower = name ? g_ascii_strdown (name, -1) : NULL;

  /* Half-written files by the usual conventions wait for their rename. */
  return lower != NULL && lower[0] != '.' && g_str_has_suffix (lower, ".csv");
}

static void
enqueue (TallyWindow *self,
         GFile       *file)
{
  TallyWindowFolder *folder = self->folder;

  if (!is_results_file (file))
    return;
  for (GList *l = folder->queue.head; l != NULL; l = l->next)
    if (g_file_equal (l->data, file))
      return;

  g_queue_push_tail (&folder->queue, g_object_ref (file));
  if (folder->importer == NULL)
    import_next (self);
}

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
imported_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(TallyWindow) self = user_data;
  TallyWindowFolder *folder = self->folder;
  g_autoptr(TallyImportSummary) summary = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  g_autofree char *database_path = NULL;

  summary = tally_importer_run_finish (TALLY_IMPORTER (object), result, &error);
  /* A folder given up, or another chosen, while the file was read. */
  if (folder == NULL || folder->importer != TALLY_IMPORTER (object))
    return;

  name = g_file_get_basename (folder->current);
  database_path = g_strdup (tally_importer_get_database_path (folder->importer));
  g_clear_object (&folder->importer);
  g_clear_object (&folder->current);

  if (summary == NULL)
    {
      /* The message names file, line and field; it stays until read. */
      folder->n_failed++;
      g_free (folder->last_error);
      folder->last_error = g_strdup (error->message);
      toast (self, error->message, 0);
    }
  else
    {
      g_autofree char *message = g_strdup_printf (_("%s: %u rows imported"), name, summary->rows_read);
      TallyCatalog *catalog = tally_window_get_catalog (self);
      const char *shown = catalog ? tally_database_get_path (tally_catalog_get_database (catalog)) : NULL;

      folder->n_imported++;
      toast (self, message, 4);

      /* The first file moves the window to the user's database; after
       * that the window follows it live. */
      if (g_strcmp0 (shown, database_path) != 0 && tally_window_open_database (self, database_path))
        g_settings_set_string (self->settings, "last-database", database_path);
    }

  import_next (self);
}

static void
import_next (TallyWindow *self)
{
  TallyWindowFolder *folder = self->folder;
  g_autofree char *user_path = NULL;

  if (folder->importer != NULL || g_queue_is_empty (&folder->queue))
    return;

  folder->current = g_queue_pop_head (&folder->queue);
  user_path = tally_database_get_user_path ();
  folder->importer = tally_importer_new (user_path);
  tally_importer_add_file (folder->importer, folder->current);
  tally_importer_run_async (folder->importer, folder->cancellable, imported_cb, g_object_ref (self));
}

static void
folder_changed_cb (GFileMonitor      *monitor,
                   GFile             *file,
                   GFile             *other,
                   GFileMonitorEvent  event,
                   TallyWindow       *self)
{
  switch (event)
    {
    case G_FILE_MONITOR_EVENT_CHANGES_DONE_HINT:
    case G_FILE_MONITOR_EVENT_MOVED_IN:
      enqueue (self, file);
      break;

    case G_FILE_MONITOR_EVENT_RENAMED:
      if (other != NULL)
        enqueue (self, other);
      break;

    default:
      break;
    }
}

static void
stop_following (TallyWindow *self)
{
  TallyWindowFolder *folder = self->folder;

  if (folder->monitor != NULL)
    {
      g_signal_handlers_disconnect_by_data (folder->monitor, self);
      g_file_monitor_cancel (folder->monitor);
    }
  g_clear_object (&folder->monitor);
  g_clear_object (&folder->dir);
  g_queue_clear_full (&folder->queue, g_object_unref);
  if (folder->cancellable != NULL)
    g_cancellable_cancel (folder->cancellable);
  g_clear_object (&folder->cancellable);
  g_clear_object (&folder->importer);
  g_clear_object (&folder->current);

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
  g_autoptr(GFileMonitor) monitor = NULL;
  g_autofree char *name = NULL;
  g_autofree char *message = NULL;

  if (!(monitor = g_file_monitor_directory (dir, G_FILE_MONITOR_WATCH_MOVES, NULL, error)))
    return FALSE;

  stop_following (self);
  folder->dir = g_object_ref (dir);
  folder->monitor = g_steal_pointer (&monitor);
  folder->cancellable = g_cancellable_new ();
  folder->n_imported = folder->n_failed = 0;
  g_clear_pointer (&folder->last_error, g_free);
  g_signal_connect (folder->monitor, "changed", G_CALLBACK (folder_changed_cb), self);
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
  g_queue_init (&self->folder->queue);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.stop-following-folder", FALSE);
}

void
_tally_window_dispose_folder (TallyWindow *self)
{
  TallyWindowFolder *folder = self->folder;

  if (folder == NULL)
    return;

  stop_following (self);
  if (folder->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (folder->chooser));
  g_clear_object (&folder->chooser);
  g_clear_pointer (&folder->last_error, g_free);
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
  g_return_val_if_fail (TALLY_IS_WINDOW (self), NULL);

  if (n_imported)
    *n_imported = self->folder ? self->folder->n_imported : 0;
  if (n_failed)
    *n_failed = self->folder ? self->folder->n_failed : 0;
  return self->folder ? self->folder->last_error : NULL;
}
