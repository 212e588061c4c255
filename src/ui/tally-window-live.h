/* tally-window-live.h: what a test can ask of a window that follows its database.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "tally-live-night.h"
#include "tally-window.h"

G_BEGIN_DECLS

const char *tally_window_get_live_text      (TallyWindow *self);
guint       tally_window_get_n_live_reloads (TallyWindow *self);
gboolean    tally_window_is_following       (TallyWindow *self);

TallyLiveNight *tally_window_get_night       (TallyWindow *self);
GtkRange   *tally_window_get_timeline       (TallyWindow *self);
GtkWidget  *tally_window_get_timeline_live_button (TallyWindow *self);

G_END_DECLS
