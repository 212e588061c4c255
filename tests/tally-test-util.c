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
