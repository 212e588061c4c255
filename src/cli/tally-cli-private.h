/* tally-cli-private.h: the commands of tally-cli.c that live in files of their own.
 *
 * Each takes the command line from the command's name on (argv[0] is
 * "summary") and returns the exit status: 0 done, 1 bad input, 2 bad usage.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

int tally_cli_run_summary (int    argc,
                           char **argv);
int tally_cli_run_import  (int    argc,
                           char **argv);
int tally_cli_run_export  (int    argc,
                           char **argv);
int tally_cli_run_replay  (int    argc,
                           char **argv);
int tally_cli_run_import_boundaries (int    argc,
                                     char **argv);
int tally_cli_run_hexmap            (int    argc,
                                     char **argv);

G_END_DECLS
