/* tally-window-live.h: what a test can ask of a window that follows its database.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "tally-window.h"

G_BEGIN_DECLS

const char *tally_window_get_live_text      (TallyWindow *self);
guint       tally_window_get_n_live_reloads (TallyWindow *self);
gboolean    tally_window_is_following       (TallyWindow *self);

G_END_DECLS
