/* tally-live-snapshot.h: a database as it stood at an earlier moment of the night.
 *
 *   path = tally_live_snapshot_new (database_path, as_at, &error);
 *   database = tally_database_open (path, TALLY_DATABASE_OPEN_READ_ONLY, &error);
 *   …every view, engine and command reads it as it would the live file…
 *   tally_live_snapshot_remove (path);
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

char *tally_live_snapshot_new    (const char  *database_path,
                                  GDateTime   *as_at,
                                  GError     **error);
void  tally_live_snapshot_remove (const char  *snapshot_path);

G_END_DECLS
