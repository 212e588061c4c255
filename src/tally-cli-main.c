/* tally-cli-main.c: `tally COMMAND …`, the commands that need no display.
 *
 * Started by `tally` (main.c) with its own command line; links no GTK,
 * and no cairo or Pango either: `export` is tally-export's.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "tally-cli.h"

int
main (int   argc,
      char *argv[])
{
  return tally_cli_main (argc, argv);
}
