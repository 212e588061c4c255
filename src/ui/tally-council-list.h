/* tally-council-list.h: the councils of an election, as a sortable table.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "tally-live-night.h"
#include "tally-party-ranking.h"
#include "tally-results.h"

G_BEGIN_DECLS

#define TALLY_TYPE_COUNCIL_LIST (tally_council_list_get_type ())

G_DECLARE_FINAL_TYPE (TallyCouncilList, tally_council_list, TALLY, COUNCIL_LIST, GtkWidget)

GtkWidget     *tally_council_list_new          (void);
GListModel    *tally_council_list_get_results  (TallyCouncilList *self);
void           tally_council_list_set_engine   (TallyCouncilList *self,
                                                TallyResults     *engine);
void           tally_council_list_set_results  (TallyCouncilList *self,
                                                GListModel       *results);
GtkColumnView *tally_council_list_get_column_view (TallyCouncilList *self);
GListModel    *tally_council_list_get_shown    (TallyCouncilList *self);
void           tally_council_list_freeze       (TallyCouncilList *self);
void           tally_council_list_thaw         (TallyCouncilList *self);
void           tally_council_list_set_parties  (TallyCouncilList  *self,
                                                TallyPartyRanking *ranking);
void           tally_council_list_set_night    (TallyCouncilList *self,
                                                TallyLiveNight   *night);
void           tally_council_list_defer_rows   (TallyCouncilList *self,
                                                guint             n_first);
void           tally_council_list_select_council (TallyCouncilList *self,
                                                gpointer          council);

G_END_DECLS
