/* main.c: Tally's entry point.
 *
 * `tally COMMAND …` runs a command that needs no display (see cli/);
 * anything else starts the application.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "tally-application.h"
#include "tally-cli.h"

/* `tally --database FILE info` means `tally info --database FILE`: every
 * command takes --database, and without this the command word was taken as
 * the window's argument and a window opened.  Returns the index of the
 * command when only --database comes before it, else 0. */
static int
find_command (int    argc,
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

  return i > 1 && i < argc && tally_cli_handles (argv[i]) ? i : 0;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(TallyApplication) application = NULL;
  g_autofree char *commands_help = NULL;

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  if (argc > 1 && tally_cli_handles (argv[1]))
    return tally_cli_run (argc, argv);

  {
    int command = find_command (argc, argv);

    if (command > 0)
      {
        g_autofree char **reordered = g_new0 (char *, argc + 1);
        int n = 0;

        reordered[n++] = argv[0];
        reordered[n++] = argv[command];
        for (int i = 1; i < argc; i++)
          if (i != command)
            reordered[n++] = argv[i];
        return tally_cli_run (argc, reordered);
      }
  }

  commands_help = tally_cli_describe_commands ();
  application = tally_application_new (commands_help);
  return g_application_run (G_APPLICATION (application), argc, argv);
}
