/* tally-window.h: Tally's main window.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "tally-types.h"
#include "tally-council-list.h"

G_BEGIN_DECLS

#define TALLY_TYPE_WINDOW (tally_window_get_type ())

G_DECLARE_FINAL_TYPE (TallyWindow, tally_window, TALLY, WINDOW, AdwApplicationWindow)

TallyWindow      *tally_window_new              (GtkApplication *application);
gboolean          tally_window_open_database    (TallyWindow    *self,
                                                 const char     *path);
TallyCatalog     *tally_window_get_catalog      (TallyWindow    *self);
TallyCouncilList *tally_window_get_council_list (TallyWindow    *self);
const char       *tally_window_get_error_message (TallyWindow   *self);

G_END_DECLS
