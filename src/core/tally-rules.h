/* tally-rules.h: the arithmetic of control, with no database and no GTK.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* No party controls the council. */
#define TALLY_NO_CONTROL (-1)

guint tally_rules_majority (guint        total_seats);
int   tally_rules_control  (const guint    *seats,
                            const gboolean *aggregate,
                            guint           n_parties);

G_END_DECLS
