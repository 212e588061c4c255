/* tally-cli-watch.c: `tally watch DIR`, results files imported as they land in a folder.
 *
 *   tally watch DIR [--database FILE] [--existing]
 *
 * The same watch as the window's "Follow a Folder…" (TallyFolderWatch):
 * each new or changed results file (Democracy Club or Tally CSV, one ward
 * a file is normal) is imported once it is complete, closed or renamed into
 * place, in a transaction of its own.  A bad file gets its message, naming
 * file, line and field, on stderr, and the watch goes on.  It runs until
 * interrupted (Ctrl+C, SIGTERM), after the file being read, if any, is
 * given up whole.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <glib-unix.h>
#include <stdio.h>

#include "tally-database.h"
#include "tally-folder-watch.h"
#include "tally-cli-private.h"

static void
imported_cb (TallyFolderWatch   *watch,
             GFile              *file,
             TallyImportSummary *summary,
             const char         *database_path,
             gpointer            user_data)
{
  g_autofree char *name = g_file_get_basename (file);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *when = g_date_time_format (now, "%H:%M:%S");

  g_print (g_dngettext (GETTEXT_PACKAGE, "%s %s: %u row imported, %u contest\n",
                        "%s %s: %u rows imported, %u contests\n", summary->rows_read),
           when, name, summary->rows_read, summary->contests);
  for (guint i = 0; i < summary->warnings->len; i++)
    g_printerr (_("tally watch: warning: %s\n"), (const char *) g_ptr_array_index (summary->warnings, i));
  /* A script reading the pipe sees each file as it goes in. */
  fflush (stdout);
}

static void
failed_cb (TallyFolderWatch *watch,
           GFile            *file,
           GError           *error,
           gpointer          user_data)
{
  g_printerr ("tally watch: %s\n", error->message);
  g_printerr (_("tally watch: nothing of it was imported; still watching\n"));
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

static gboolean
quit_cb (gpointer user_data)
{
  g_main_loop_quit (user_data);
  return G_SOURCE_REMOVE;
}

int
tally_cli_run_watch (int    argc,
                     char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(TallyFolderWatch) watch = NULL;
  g_autoptr(GMainLoop) loop = NULL;
  g_autoptr(GFile) dir = NULL;
  g_autofree char *database_path = NULL;
  g_autofree char *dir_name = NULL;
  g_autofree char *target = NULL;
  gboolean existing = FALSE;
  const GOptionEntry entries[] = {
    { "database", 'd', 0, G_OPTION_ARG_FILENAME, &database_path,
      N_("Import into FILE instead of your own database"), N_("FILE") },
    { "existing", 0, 0, G_OPTION_ARG_NONE, &existing,
      N_("Import the results files already in the folder first"), NULL },
    { NULL }
  };

  context = g_option_context_new (_("DIR"));
  g_option_context_set_summary (context, _("Import each results file that lands in DIR, one transaction each, "
                                           "until interrupted"));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!g_option_context_parse (context, &argc, &argv, &error) || argc != 2)
    {
      g_printerr ("tally watch: %s\n", error ? error->message : _("name the folder to watch"));
      return 2;
    }

  dir = g_file_new_for_commandline_arg (argv[1]);
  dir_name = g_file_get_parse_name (dir);
  if (g_file_query_file_type (dir, G_FILE_QUERY_INFO_NONE, NULL) != G_FILE_TYPE_DIRECTORY)
    {
      g_printerr (_("tally watch: %s is not a folder\n"), dir_name);
      return 1;
    }

  if (!(watch = tally_folder_watch_new (dir, database_path, &error)))
    {
      g_printerr ("tally watch: %s\n", error->message);
      return 1;
    }
  g_signal_connect (watch, "imported", G_CALLBACK (imported_cb), NULL);
  g_signal_connect (watch, "failed", G_CALLBACK (failed_cb), NULL);

  target = database_path ? g_strdup (database_path) : tally_database_get_user_path ();
  g_print (_("Watching %s: results files are imported into %s as they arrive\n"), dir_name, target);
  fflush (stdout);

  if (existing)
    {
      g_autoptr(GFileEnumerator) children = NULL;
      g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);

      children = g_file_enumerate_children (dir, G_FILE_ATTRIBUTE_STANDARD_NAME, G_FILE_QUERY_INFO_NONE, NULL,
                                            &error);
      while (children != NULL)
        {
          GFileInfo *info = g_file_enumerator_next_file (children, NULL, NULL);

          if (info == NULL)
            break;
          g_ptr_array_add (names, g_strdup (g_file_info_get_name (info)));
          g_object_unref (info);
        }

      /* In name order: files named by time or number go in as they came. */
      g_ptr_array_sort (names, compare_names);
      for (guint i = 0; i < names->len; i++)
        {
          g_autoptr(GFile) child = g_file_get_child (dir, g_ptr_array_index (names, i));

          tally_folder_watch_add_file (watch, child);
        }
    }

  loop = g_main_loop_new (NULL, FALSE);
  g_unix_signal_add (SIGINT, quit_cb, loop);
  g_unix_signal_add (SIGTERM, quit_cb, loop);
  g_main_loop_run (loop);

  tally_folder_watch_stop (watch);
  g_print (g_dngettext (GETTEXT_PACKAGE, "Stopped watching %s: %u file imported, %u refused\n",
                        "Stopped watching %s: %u files imported, %u refused\n",
                        tally_folder_watch_get_n_imported (watch)),
           dir_name, tally_folder_watch_get_n_imported (watch), tally_folder_watch_get_n_failed (watch));
  return 0;
}
