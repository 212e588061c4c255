/* tally-window-folder.h: what a test can ask of a window that follows a folder.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "tally-window.h"

G_BEGIN_DECLS

const char *tally_window_get_folder_counts (TallyWindow *self,
                                            guint       *n_imported,
                                            guint       *n_failed);

G_END_DECLS
