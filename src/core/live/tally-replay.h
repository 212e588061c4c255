/* tally-replay.h: a past election written again, ward by ward, as if it were being declared.
 *
 * How `tally replay` uses it:
 *
 *   replay = tally_replay_new (source_path, NULL, &error);   // newest election with a baseline
 *   tally_replay_set_order_file (replay, file, &error);     // or tally_replay_set_default_order (replay, seed)
 *   tally_replay_prepare (replay, target_path, FALSE, &error);
 *   for (i = 0; i < tally_replay_get_n_steps (replay); i++)
 *     tally_replay_declare (replay, i, &error);            // one transaction each
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "tally-types.h"

G_BEGIN_DECLS

#define TALLY_TYPE_REPLAY (tally_replay_get_type ())

G_DECLARE_FINAL_TYPE (TallyReplay, tally_replay, TALLY, REPLAY, GObject)

TallyReplay *tally_replay_new                 (const char   *source_path,
                                               const char   *election_date,
                                               GError      **error);
const char  *tally_replay_get_election_date   (TallyReplay  *self);
guint        tally_replay_get_n_wards         (TallyReplay  *self);

void         tally_replay_set_default_order   (TallyReplay  *self,
                                               guint32       seed);
gboolean     tally_replay_set_order_file      (TallyReplay  *self,
                                               GFile        *file,
                                               GError      **error);
guint        tally_replay_get_n_steps         (TallyReplay  *self);
guint        tally_replay_get_n_left_out      (TallyReplay  *self);
gint64       tally_replay_get_step_time       (TallyReplay  *self,
                                               guint         step);
char        *tally_replay_describe_step       (TallyReplay  *self,
                                               guint         step);

gboolean     tally_replay_prepare             (TallyReplay  *self,
                                               const char   *target_path,
                                               gboolean      resume,
                                               GError      **error);
gboolean     tally_replay_get_step_done       (TallyReplay  *self,
                                               guint         step);
gboolean     tally_replay_declare             (TallyReplay  *self,
                                               guint         step,
                                               GError      **error);

G_END_DECLS
