/* tally-window.h: Tally's main window.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "tally-types.h"
#include "tally-council-list.h"
#include "tally-council-page.h"
#include "tally-filter-panel.h"
#include "tally-party-summary.h"

G_BEGIN_DECLS

#define TALLY_TYPE_WINDOW (tally_window_get_type ())

G_DECLARE_FINAL_TYPE (TallyWindow, tally_window, TALLY, WINDOW, AdwApplicationWindow)

TallyWindow       *tally_window_new               (GtkApplication *application);
void               tally_window_defer_unseen      (TallyWindow    *self);
gboolean           tally_window_open_database     (TallyWindow    *self,
                                                   const char     *path);
TallyCatalog      *tally_window_get_catalog       (TallyWindow    *self);
TallyResults      *tally_window_get_results       (TallyWindow    *self);
TallySelection    *tally_window_get_selection     (TallyWindow    *self);
TallyCouncilList  *tally_window_get_council_list  (TallyWindow    *self);
TallyCouncilPage  *tally_window_get_council_page  (TallyWindow    *self);
TallyFilterPanel  *tally_window_get_filter_panel  (TallyWindow    *self);
TallyPartySummary *tally_window_get_party_summary (TallyWindow    *self);
const char        *tally_window_get_page          (TallyWindow    *self);
const char        *tally_window_get_error_message (TallyWindow    *self);
gboolean           tally_window_print             (TallyWindow    *self,
                                                   const char     *pdf_path,
                                                   GError        **error);
char              *tally_window_copy_text         (TallyWindow    *self);

G_END_DECLS
