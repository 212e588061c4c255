/* tally-cli-names.h: the names of the commands that need no display.
 *
 * Read by the commands themselves (tally-cli.c) and by `tally` (main.c),
 * which must tell a command from the window without linking either.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

static const char * const tally_cli_command_names[] = {
  "info", "summary", "import", "watch", "replay", "export", "import-boundaries", "hexmap", NULL,
};

/* The program that runs @command: tally-export for the one that draws
 * (cairo and Pango), tally-cli for every other. */
static inline const char *
tally_cli_program_for (const char *command)
{
  return g_strcmp0 (command, "export") == 0 ? "tally-export" : "tally-cli";
}

/* Whether @word is the name of a command. */
static inline gboolean
tally_cli_is_command_name (const char *word)
{
  return word != NULL && g_strv_contains (tally_cli_command_names, word);
}

/* The index in @argv of the command word: argv[1], or the first argument
 * after leading --database FILE options (`tally --database FILE info`
 * means `tally info --database FILE`); 0 when there is none, and the
 * command line is the window's. */
static inline int
tally_cli_find_command (int    argc,
                        char **argv)
{
  int i = 1;

  while (i < argc)
    {
      if (g_str_equal (argv[i], "--database") || g_str_equal (argv[i], "-d"))
        i += 2;
      else if (g_str_has_prefix (argv[i], "--database="))
        i++;
      else
        break;
    }

  return i < argc && tally_cli_is_command_name (argv[i]) ? i : 0;
}
