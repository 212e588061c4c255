/* fuzz-common.h: what every fuzz target shares.
 *
 * Each target feeds libFuzzer's bytes to the same parser the app uses.  A
 * GLib CRITICAL or WARNING is a bug the input found, so both abort; an input
 * the parser refuses with a GError is the expected, good outcome.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>
#include <glib/gstdio.h>
#include <stdint.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>

int LLVMFuzzerInitialize (int *argc, char ***argv);
int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

/* Criticals and warnings abort (SIGABRT, which libFuzzer catches and keeps
 * the input of; g_error()'s SIGTRAP it would not). */
static inline GLogWriterOutput
fuzz_log_writer (GLogLevelFlags   level,
                 const GLogField *fields,
                 gsize            n_fields,
                 gpointer         user_data)
{
  g_log_writer_standard_streams (level, fields, n_fields, user_data);
  if (level & (G_LOG_LEVEL_ERROR | G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING))
    abort ();
  return G_LOG_WRITER_HANDLED;
}

static inline void
fuzz_init_glib (void)
{
  g_log_set_writer_func (fuzz_log_writer, NULL, NULL);
}

/* A private folder for the files a target writes, on tmpfs when there is one. */
static inline char *
fuzz_make_dir (void)
{
  const char *base = g_file_test ("/dev/shm", G_FILE_TEST_IS_DIR) ? "/dev/shm" : g_get_tmp_dir ();
  g_autofree char *template = g_build_filename (base, "tally-fuzz-XXXXXX", NULL);
  char *dir = g_mkdtemp (g_steal_pointer (&template));

  g_assert (dir != NULL);
  return dir;
}

/* Copies the bundled database (built by the same build) to @dir. */
static inline char *
fuzz_copy_bundled (const char *dir)
{
  g_autofree char *contents = NULL;
  gsize length;
  char *path = g_build_filename (dir, "tally.db", NULL);
  const char *bundled = g_getenv ("TALLY_BUNDLED_DATABASE");

  if (bundled == NULL)
    bundled = FUZZ_BUNDLED_DATABASE;
  if (!g_file_get_contents (bundled, &contents, &length, NULL) ||
      !g_file_set_contents (path, contents, length, NULL))
    g_error ("fuzz: cannot copy the bundled database %s", bundled);

  return path;
}

/* FUZZ_VERBOSE=1 prints what each input came to, to check that the seeds
 * reach deep (an input refused at once exercises little). */
static inline void
fuzz_report (const GError *error)
{
  if (g_getenv ("FUZZ_VERBOSE") != NULL)
    fprintf (stderr, "# %s\n", error != NULL ? error->message : "accepted");
}
