/* tally-party-summary.h: the state of the parties, as newspapers print it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "tally-party-ranking.h"
#include "tally-types.h"

G_BEGIN_DECLS

typedef struct _TallyScopeSummary TallyScopeSummary;

#define TALLY_TYPE_PARTY_SUMMARY (tally_party_summary_get_type ())

G_DECLARE_FINAL_TYPE (TallyPartySummary, tally_party_summary, TALLY, PARTY_SUMMARY, GtkWidget)

GtkWidget  *tally_party_summary_new         (void);
void        tally_party_summary_set_summary (TallyPartySummary *self,
                                             TallyScopeSummary *summary,
                                             TallyPartyRanking *ranking);
void        tally_party_summary_set_night_note (TallyPartySummary *self,
                                                const char        *note);
void        tally_party_summary_set_record  (TallyPartySummary *self,
                                             GPtrArray         *differences);
const char *tally_party_summary_get_text    (TallyPartySummary *self);
guint       tally_party_summary_get_n_cards (TallyPartySummary *self);

G_END_DECLS
