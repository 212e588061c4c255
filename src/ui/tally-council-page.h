/* tally-council-page.h: one council: control, seats, votes and wards.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "tally-chart-view.h"
#include "tally-live-night.h"
#include "tally-party-ranking.h"
#include "tally-types.h"

G_BEGIN_DECLS

typedef struct _TallyResults TallyResults;

#define TALLY_TYPE_COUNCIL_PAGE (tally_council_page_get_type ())

G_DECLARE_FINAL_TYPE (TallyCouncilPage, tally_council_page, TALLY, COUNCIL_PAGE, GtkWidget)

GtkWidget          *tally_council_page_new          (void);
void                tally_council_page_show_result  (TallyCouncilPage   *self,
                                                     TallyResults       *results,
                                                     TallyCouncilResult *result);
void                tally_council_page_set_night    (TallyCouncilPage   *self,
                                                     TallyLiveNight     *night,
                                                     TallyCatalog       *catalog);
TallyCouncilResult *tally_council_page_get_result   (TallyCouncilPage   *self);
char               *tally_council_page_get_text     (TallyCouncilPage   *self);
const char         *tally_council_page_get_table_tsv (TallyCouncilPage  *self);
TallyChartView     *tally_council_page_get_hemicycle (TallyCouncilPage  *self);
void                tally_council_page_set_ranking  (TallyCouncilPage   *self,
                                                     TallyPartyRanking  *ranking);
void                tally_council_page_set_colour_blind_safe (TallyCouncilPage *self,
                                                     gboolean          colour_blind_safe);

G_END_DECLS
