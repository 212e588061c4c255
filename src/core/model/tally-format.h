/* tally-format.h: numbers written the way results are printed.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

char *tally_format_count  (gint64 count);
char *tally_format_change (gint64 change);
char *tally_format_share  (double share);
char *tally_format_points (double points);
char *tally_format_date   (const char *iso_date);

G_END_DECLS
