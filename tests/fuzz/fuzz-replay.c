/* fuzz-replay.c: runs a fuzz target's inputs without libFuzzer.
 *
 * Linked with each target in the ordinary builds (gcc, and the ASan/UBSan
 * one), so the normal test suite replays the seed corpus and every crash
 * libFuzzer ever found: a fixed bug that comes back fails `meson test`, not
 * only the fuzzing run.  Arguments are files or folders of files.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdio.h>

#include "fuzz-common.h"

static guint n_inputs;

static void
replay_file (const char *path)
{
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  gsize length;

  if (!g_file_get_contents (path, &contents, &length, &error))
    g_error ("replay: %s", error->message);

  printf ("# %s (%" G_GSIZE_FORMAT " bytes)\n", path, length);
  fflush (stdout);
  LLVMFuzzerTestOneInput ((const uint8_t *) contents, length);
  n_inputs++;
}

static int
compare_paths (gconstpointer a,
               gconstpointer b)
{
  return g_strcmp0 (*(char * const *) a, *(char * const *) b);
}

static void
replay (const char *path)
{
  g_autoptr(GDir) dir = NULL;
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);

  if (!g_file_test (path, G_FILE_TEST_IS_DIR))
    {
      replay_file (path);
      return;
    }

  if (!(dir = g_dir_open (path, 0, NULL)))
    g_error ("replay: cannot read %s", path);

  for (const char *name; (name = g_dir_read_name (dir)) != NULL;)
    if (name[0] != '.' && !g_str_equal (name, "README.md"))
      g_ptr_array_add (names, g_build_filename (path, name, NULL));

  g_ptr_array_sort (names, compare_paths);
  for (guint i = 0; i < names->len; i++)
    replay_file (g_ptr_array_index (names, i));
}

int
main (int    argc,
      char **argv)
{
  LLVMFuzzerInitialize (&argc, &argv);

  for (int i = 1; i < argc; i++)
    replay (argv[i]);

  /* Not TAP: the exit status is the verdict, and the count says it ran. */
  printf ("replayed %u inputs, none crashed\n", n_inputs);
  return n_inputs > 0 ? 0 : 77;
}
