/* tally-folder-watch.h: results files imported as they land in a folder.
 *
 * One implementation for `tally watch DIR` and the window's "Follow a
 * Folder…":
 *
 *   watch = tally_folder_watch_new (dir, NULL, &error);   // into the user's own database
 *   g_signal_connect (watch, "imported", G_CALLBACK (imported_cb), self);
 *   g_signal_connect (watch, "failed", G_CALLBACK (failed_cb), self);
 *   …
 *   tally_folder_watch_stop (watch);
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "tally-import.h"

G_BEGIN_DECLS

#define TALLY_TYPE_FOLDER_WATCH (tally_folder_watch_get_type ())

G_DECLARE_FINAL_TYPE (TallyFolderWatch, tally_folder_watch, TALLY, FOLDER_WATCH, GObject)

TallyFolderWatch *tally_folder_watch_new               (GFile             *dir,
                                                        const char        *database_path,
                                                        GError           **error);
GFile            *tally_folder_watch_get_dir           (TallyFolderWatch  *self);
const char       *tally_folder_watch_get_database_path (TallyFolderWatch  *self);
gboolean          tally_folder_watch_add_file          (TallyFolderWatch  *self,
                                                        GFile             *file);
gboolean          tally_folder_watch_is_busy           (TallyFolderWatch  *self);
guint             tally_folder_watch_get_n_imported    (TallyFolderWatch  *self);
guint             tally_folder_watch_get_n_failed      (TallyFolderWatch  *self);
const char       *tally_folder_watch_get_last_error    (TallyFolderWatch  *self);
void              tally_folder_watch_stop              (TallyFolderWatch  *self);

gboolean          tally_folder_watch_is_results_file   (GFile             *file);

G_END_DECLS
