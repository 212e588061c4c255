/* tally-test-util.c: helpers shared by the tests.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gstdio.h>

#include "tally-test-util.h"

char *
tally_test_make_temp_dir (void)
{
  g_autoptr(GError) error = NULL;
  char *path = g_dir_make_tmp ("tally-test-XXXXXX", &error);

  g_assert_no_error (error);
  return path;
}

void
tally_test_remove_dir (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  if (dir == NULL)
    return;

  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR))
        tally_test_remove_dir (child);
      else
        g_unlink (child);
    }

  g_rmdir (path);
}

const char *
tally_test_bundled_database (void)
{
  const char *path = g_getenv ("TALLY_BUNDLED_DATABASE");

  g_assert_nonnull (path);
  return path;
}

const char *
tally_test_bundled_dir (void)
{
  const char *path = g_getenv ("TALLY_BUNDLED_DIR");

  g_assert_nonnull (path);
  return path;
}

/**
 * tally_test_shared_data_path:
 * @relative: a path under ../shared/data
 *
 * Returns: (nullable): the file's path, or %NULL when the real data is not
 *   there (the caller then skips)
 */
char *
tally_test_shared_data_path (const char *relative)
{
  const char *root = g_getenv ("TALLY_SHARED_DATA");
  g_autofree char *path = NULL;

  if (root == NULL)
    return NULL;

  path = g_build_filename (root, relative, NULL);
  return g_file_test (path, G_FILE_TEST_EXISTS) ? g_steal_pointer (&path) : NULL;
}

void
tally_test_run_clear (TallyTestRun *run)
{
  g_clear_pointer (&run->out, g_free);
  g_clear_pointer (&run->err, g_free);
  g_clear_pointer (&run->lines, g_strfreev);
}

/**
 * tally_test_run_tally:
 * @data_home: (nullable): XDG_DATA_HOME for the run, where the user's own
 *   database lives
 * @args: the arguments after the program name
 *
 * Runs the tally binary (TALLY_BIN) with no display, as a script or CI job
 * would, and waits for it.
 */
void
tally_test_run_tally (TallyTestRun       *run,
                      const char         *data_home,
                      const char * const *args)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_auto(GStrv) envp = g_get_environ ();
  int wait_status;

  envp = g_environ_unsetenv (envp, "DISPLAY");
  envp = g_environ_unsetenv (envp, "WAYLAND_DISPLAY");
  if (data_home != NULL)
    envp = g_environ_setenv (envp, "XDG_DATA_HOME", data_home, TRUE);

  g_ptr_array_add (argv, (char *) g_getenv ("TALLY_BIN"));
  for (; *args != NULL; args++)
    g_ptr_array_add (argv, (char *) *args);
  g_ptr_array_add (argv, NULL);

  g_spawn_sync (NULL, (char **) argv->pdata, envp, G_SPAWN_DEFAULT, NULL, NULL,
                &run->out, &run->err, &wait_status, &error);
  g_assert_no_error (error);

  g_assert_true (WIFEXITED (wait_status));
  run->status = WEXITSTATUS (wait_status);
  run->lines = g_strsplit (run->out, "\n", -1);
}
