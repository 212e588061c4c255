/* tally-window-main.c: `tally` with no command, the window.
 *
 * Started by `tally` (main.c) with its own command line.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "tally-application.h"
#include "tally-cli.h"

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

  /* --help lists the commands too. */
  commands_help = tally_cli_describe_commands ();
  application = tally_application_new (commands_help);
  return g_application_run (G_APPLICATION (application), argc, argv);
}
