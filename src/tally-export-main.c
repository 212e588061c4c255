/* tally-export-main.c: `tally export …`, charts and the map drawn with
 * cairo and Pango, which no other command loads.
 *
 * Started by `tally` (main.c) with its own command line; links no GTK.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "tally-cli.h"
#include "tally-cli-private.h"

int
main (int   argc,
      char *argv[])
{
  tally_cli_set_drawing_command (tally_cli_run_export);
  return tally_cli_main (argc, argv);
}
