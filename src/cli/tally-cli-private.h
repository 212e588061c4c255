/* tally-cli-private.h: the commands of tally-cli.c that live in files of their own.
 *
 * Each takes the command line from the command's name on (argv[0] is
 * "summary") and returns the exit status: 0 done, 1 bad input, 2 bad usage.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "tally-live-night.h"
#include "tally-types.h"

G_BEGIN_DECLS

int tally_cli_run_summary (int    argc,
                           char **argv);
int tally_cli_run_import  (int    argc,
                           char **argv);
int tally_cli_run_export  (int    argc,
                           char **argv);
int tally_cli_run_replay  (int    argc,
                           char **argv);
int tally_cli_run_watch   (int    argc,
                           char **argv);
int tally_cli_run_import_boundaries (int    argc,
                                     char **argv);
int tally_cli_run_hexmap            (int    argc,
                                     char **argv);

/* tally-cli-summary-live.c: `tally summary` on results night. */
char           *tally_cli_summary_snapshot    (const char     *path,
                                               const char     *as_at_text,
                                               GDateTime     **as_at,
                                               GError        **error);
TallyLiveNight *tally_cli_summary_open_night  (TallyCatalog   *catalog,
                                               TallyElection  *election,
                                               GDateTime      *as_at);
void            tally_cli_summary_print_calls (TallyLiveNight *night,
                                               GListModel     *councils);

/* One geography file into a database, reported as @command. */
int tally_cli_import_boundaries_file (const char *command,
                                      const char *database_path,
                                      const char *path);
int tally_cli_import_hex_layout_file (const char *command,
                                      const char *database_path,
                                      const char *path);

/* tally-cli-foreign.c: run before every command; takes its
 * --drop-foreign-objects out of the command line. */
int tally_cli_mend_own_database     (int   *argc,
                                     char **argv);

G_END_DECLS
