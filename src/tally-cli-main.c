/* tally-cli-main.c: `tally COMMAND …`, the commands that need no display.
 *
 * Started by `tally` (main.c) with its own command line; links no GTK.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "tally-cli.h"
#include "tally-cli-names.h"

int
main (int   argc,
      char *argv[])
{
  g_autofree char **reordered = NULL;
  int command;
  int n = 0;

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  if ((command = tally_cli_find_command (argc, argv)) == 0)
    {
      g_autofree char *commands = tally_cli_describe_commands ();

      /* Translators: the commands' list follows */
      g_printerr ("%s\n%s\n", _("Usage: tally COMMAND [OPTION…]"), commands);
      return 2;
    }
  if (command == 1)
    return tally_cli_run (argc, argv);

  /* `tally --database FILE info` is `tally info --database FILE`. */
  reordered = g_new0 (char *, argc + 1);
  reordered[n++] = argv[0];
  reordered[n++] = argv[command];
  for (int i = 1; i < argc; i++)
    if (i != command)
      reordered[n++] = argv[i];
  return tally_cli_run (argc, reordered);
}
