/* tally-folder-watch.c: results files that land in a folder, imported as they arrive.
 *
 * On results night the declarations come as files, often one ward to a
 * file, dropped into a folder by a script or a colleague.  The watch
 * imports each new or changed results file into a database, one file to a
 * transaction, one after another on the importer's worker thread (the
 * main loop of a window or of `tally watch` keeps turning).  A file is only
 * read once it is complete: closed after writing (CHANGES_DONE_HINT,
 * inotify's IN_CLOSE_WRITE) or renamed into place (MOVED_IN, RENAMED);
 * files that are hidden or not named .csv (".part", ".tmp", "~") are left
 * until they are renamed.  Each file ends with a signal: "imported", with
 * what it added, or "failed", with the importer's message naming file, line
 * and field; nothing stored is touched by a bad file and the watch goes on.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "tally-database.h"
#include "tally-folder-watch.h"

struct _TallyFolderWatch
{
  GObject         parent_instance;

  GFile          *dir;
  char           *database_path;  /* NULL: the user's own, looked up for each file */
  GFileMonitor   *monitor;
  GQueue          queue;          /* GFile, waiting to be imported */
  TallyImporter  *importer;       /* the file being imported, or NULL */
  GFile          *current;
  GCancellable   *cancellable;
  guint           n_imported;
  guint           n_failed;
  char           *last_error;
};

enum { SIGNAL_IMPORTED, SIGNAL_FAILED, N_SIGNALS };
static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (TallyFolderWatch, tally_folder_watch, G_TYPE_OBJECT)

static void import_next (TallyFolderWatch *self);

/**
 * tally_folder_watch_is_results_file:
 *
 * Returns: whether @file is one the watch imports: a .csv that is not hidden
 *   (half-written files, by the usual conventions, wait for their rename)
 */
gboolean
tally_folder_watch_is_results_file (GFile *file)
{
  g_autofree char *name = g_file_get_basename (file);
  g_autofree char *lower = name ? g_ascii_strdown (name, -1) : NULL;

  return lower != NULL && lower[0] != '.' && g_str_has_suffix (lower, ".csv");
}

/**
 * tally_folder_watch_add_file:
 * @file: a file to import, as if it had just landed
 *
 * Returns: whether it was queued (a results file not queued already)
 */
gboolean
tally_folder_watch_add_file (TallyFolderWatch *self,
                             GFile            *file)
{
  g_return_val_if_fail (TALLY_IS_FOLDER_WATCH (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  if (self->cancellable == NULL || !tally_folder_watch_is_results_file (file))
    return FALSE;
  for (GList *l = self->queue.head; l != NULL; l = l->next)
    if (g_file_equal (l->data, file))
      return FALSE;

  g_queue_push_tail (&self->queue, g_object_ref (file));
  if (self->importer == NULL)
    import_next (self);
  return TRUE;
}

static void
imported_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(TallyFolderWatch) self = user_data;
  g_autoptr(TallyImportSummary) summary = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = NULL;
  g_autofree char *database_path = NULL;

  summary = tally_importer_run_finish (TALLY_IMPORTER (object), result, &error);
  /* Stopped, while the file was read. */
  if (self->importer != TALLY_IMPORTER (object))
    return;

  file = g_steal_pointer (&self->current);
  database_path = g_strdup (tally_importer_get_database_path (self->importer));
  g_clear_object (&self->importer);

  if (summary == NULL)
    {
      self->n_failed++;
      g_free (self->last_error);
      self->last_error = g_strdup (error->message);
      g_signal_emit (self, signals[SIGNAL_FAILED], 0, file, error);
    }
  else
    {
      self->n_imported++;
      g_signal_emit (self, signals[SIGNAL_IMPORTED], 0, file, summary, database_path);
    }

  import_next (self);
}

static void
import_next (TallyFolderWatch *self)
{
  g_autofree char *user_path = NULL;

  if (self->importer != NULL || g_queue_is_empty (&self->queue))
    return;

  self->current = g_queue_pop_head (&self->queue);
  if (self->database_path == NULL)
    user_path = tally_database_get_user_path ();
  self->importer = tally_importer_new (self->database_path ? self->database_path : user_path);
  tally_importer_add_file (self->importer, self->current);
  /* Every declaration keeps its time: the file's, or when it landed. */
  tally_importer_set_record_declarations (self->importer, TRUE);
  tally_importer_run_async (self->importer, self->cancellable, imported_cb, g_object_ref (self));
}

static void
folder_changed_cb (GFileMonitor      *monitor,
                   GFile             *file,
                   GFile             *other,
                   GFileMonitorEvent  event,
                   TallyFolderWatch  *self)
{
  switch (event)
    {
    case G_FILE_MONITOR_EVENT_CHANGES_DONE_HINT:
    case G_FILE_MONITOR_EVENT_MOVED_IN:
      tally_folder_watch_add_file (self, file);
      break;

    case G_FILE_MONITOR_EVENT_RENAMED:
      if (other != NULL)
        tally_folder_watch_add_file (self, other);
      break;

    default:
      break;
    }
}

/**
 * tally_folder_watch_stop:
 *
 * Stops watching; the file being imported is given up (its transaction
 * rolled back), and no signal is emitted after this.
 */
void
tally_folder_watch_stop (TallyFolderWatch *self)
{
  g_return_if_fail (TALLY_IS_FOLDER_WATCH (self));

  if (self->monitor != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->monitor, self);
      g_file_monitor_cancel (self->monitor);
    }
  g_clear_object (&self->monitor);
  g_queue_clear_full (&self->queue, g_object_unref);
  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->importer);
  g_clear_object (&self->current);
}

static void
tally_folder_watch_dispose (GObject *object)
{
  TallyFolderWatch *self = TALLY_FOLDER_WATCH (object);

  tally_folder_watch_stop (self);

  G_OBJECT_CLASS (tally_folder_watch_parent_class)->dispose (object);
}

static void
tally_folder_watch_finalize (GObject *object)
{
  TallyFolderWatch *self = TALLY_FOLDER_WATCH (object);

  g_clear_object (&self->dir);
  g_free (self->database_path);
  g_free (self->last_error);

  G_OBJECT_CLASS (tally_folder_watch_parent_class)->finalize (object);
}

static void
tally_folder_watch_class_init (TallyFolderWatchClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = tally_folder_watch_dispose;
  object_class->finalize = tally_folder_watch_finalize;

  /**
   * TallyFolderWatch::imported:
   * @file: the file
   * @summary: what it added
   * @database_path: the database it went into
   */
  signals[SIGNAL_IMPORTED] = g_signal_new ("imported", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL,
                                           NULL, NULL, G_TYPE_NONE, 3, G_TYPE_FILE, TALLY_TYPE_IMPORT_SUMMARY,
                                           G_TYPE_STRING);
  /**
   * TallyFolderWatch::failed:
   * @file: the file
   * @error: why, naming file, line and field
   */
  signals[SIGNAL_FAILED] = g_signal_new ("failed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                                         NULL, G_TYPE_NONE, 2, G_TYPE_FILE, G_TYPE_ERROR);
}

static void
tally_folder_watch_init (TallyFolderWatch *self)
{
  g_queue_init (&self->queue);
}

/**
 * tally_folder_watch_new:
 * @dir: the folder results files will land in
 * @database_path: (nullable): the database to import into; %NULL for the
 *   user's own
 *
 * Imports every results file that is written or moved into @dir from now
 * on, until stopped.
 *
 * Returns: (transfer full) (nullable): the watch, or %NULL with @error set
 *   when the folder cannot be watched
 */
TallyFolderWatch *
tally_folder_watch_new (GFile       *dir,
                        const char  *database_path,
                        GError     **error)
{
  g_autoptr(TallyFolderWatch) self = NULL;
  g_autoptr(GFileMonitor) monitor = NULL;

  g_return_val_if_fail (G_IS_FILE (dir), NULL);

  if (!(monitor = g_file_monitor_directory (dir, G_FILE_MONITOR_WATCH_MOVES, NULL, error)))
    return NULL;

  self = g_object_new (TALLY_TYPE_FOLDER_WATCH, NULL);
  self->dir = g_object_ref (dir);
  self->database_path = g_strdup (database_path);
  self->monitor = g_steal_pointer (&monitor);
  self->cancellable = g_cancellable_new ();
  g_signal_connect (self->monitor, "changed", G_CALLBACK (folder_changed_cb), self);

  return g_steal_pointer (&self);
}

/**
 * tally_folder_watch_get_dir:
 *
 * Returns: (transfer none): the folder watched
 */
GFile *
tally_folder_watch_get_dir (TallyFolderWatch *self)
{
  g_return_val_if_fail (TALLY_IS_FOLDER_WATCH (self), NULL);
  return self->dir;
}

/**
 * tally_folder_watch_get_database_path:
 *
 * Returns: (nullable): the database files go into; %NULL for the user's own
 */
const char *
tally_folder_watch_get_database_path (TallyFolderWatch *self)
{
  g_return_val_if_fail (TALLY_IS_FOLDER_WATCH (self), NULL);
  return self->database_path;
}

/**
 * tally_folder_watch_is_busy:
 *
 * Returns: whether a file is being imported or waits to be
 */
gboolean
tally_folder_watch_is_busy (TallyFolderWatch *self)
{
  g_return_val_if_fail (TALLY_IS_FOLDER_WATCH (self), FALSE);
  return self->importer != NULL || !g_queue_is_empty (&self->queue);
}

/**
 * tally_folder_watch_get_n_imported:
 *
 * Returns: files imported since the watch began
 */
guint
tally_folder_watch_get_n_imported (TallyFolderWatch *self)
{
  g_return_val_if_fail (TALLY_IS_FOLDER_WATCH (self), 0);
  return self->n_imported;
}

/**
 * tally_folder_watch_get_n_failed:
 *
 * Returns: files refused since the watch began
 */
guint
tally_folder_watch_get_n_failed (TallyFolderWatch *self)
{
  g_return_val_if_fail (TALLY_IS_FOLDER_WATCH (self), 0);
  return self->n_failed;
}

/**
 * tally_folder_watch_get_last_error:
 *
 * Returns: (nullable): the message of the last file refused
 */
const char *
tally_folder_watch_get_last_error (TallyFolderWatch *self)
{
  g_return_val_if_fail (TALLY_IS_FOLDER_WATCH (self), NULL);
  return self->last_error;
}
