/* tally-cli.h: the commands Tally answers without opening a window.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

gboolean tally_cli_handles (const char *command);
gboolean tally_cli_check_names (void);
int      tally_cli_run     (int         argc,
                            char      **argv);
char    *tally_cli_describe_commands (void);
int      tally_cli_main    (int         argc,
                            char      **argv);
void     tally_cli_set_drawing_command (int (*run) (int argc, char **argv));

G_END_DECLS
