/* main.c: `tally`, which runs a command or shows the window.
 *
 * `tally COMMAND …` runs a command that needs no display (tally-cli, see
 * cli/, no GTK; `export`, which draws with cairo and Pango, is
 * tally-export's); anything else shows the window (tally-window).  This
 * program links GLib alone and replaces itself with one of them: the
 * same process, the same arguments, argv[0] included.  A command no longer
 * pays for loading GTK and libadwaita, which was 8 ms of a 18 ms `tally
 * summary` (the libraries' relocations and constructors); the window pays
 * about a millisecond for the choice.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <unistd.h>

#include "tally-cli-names.h"

/* @name beside this program in the build tree, else where `meson
 * install` put it. */
static char *
find_program (const char *name)
{
  g_autofree char *self = g_file_read_link ("/proc/self/exe", NULL);
  g_autofree char *dir = self != NULL ? g_path_get_dirname (self) : NULL;
  g_autofree char *beside = dir != NULL ? g_build_filename (dir, name, NULL) : NULL;

  if (beside != NULL && g_file_test (beside, G_FILE_TEST_IS_EXECUTABLE))
    return g_steal_pointer (&beside);
  return g_build_filename (PKGLIBEXECDIR, name, NULL);
}

int
main (int   argc,
      char *argv[])
{
  int command = tally_cli_find_command (argc, argv);
  const char *name = command > 0 ? tally_cli_program_for (argv[command]) : "tally-window";
  g_autofree char *program = find_program (name);

  execv (program, argv);
  fprintf (stderr, "tally: cannot run %s: %s\n", program, g_strerror (errno));
  return 127;
}
