/* tally-council-page-private.h: what the council page's files share.
 *
 * tally-council-page.c fills the page from the engine;
 * tally-council-page-wards.c its wards, rows kept across live reloads;
 * tally-council-page-live.c adds results night: how far the council has
 * declared, its seats so far, its calls, and only the wards in so far.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "tally-chart-view.h"
#include "tally-council-page.h"
#include "tally-live-night.h"
#include "tally-party-ranking.h"
#include "tally-results.h"

G_BEGIN_DECLS

struct _TallyCouncilPage
{
  GtkWidget            parent_instance;

  TallyCouncilResult  *result;
  guint64              shown_digest; /* of what the page was filled from; 0: not known */
  GString             *seats_text;   /* the table as lines, for get_text() */
  GString             *seats_tsv;    /* the table, tab-separated, for the clipboard and print */
  GListModel          *parties;
  TallyPartyRanking   *ranking;      /* NULL: every party by name (Others expanded) */
  GListModel          *wards;
  GPtrArray           *ward_rows;
  char                *wards_note;   /* the wards group's description, to be set */
  TallyChartView      *hemicycle;
  TallyChartView      *seat_bars;

  /* Template widgets */
  GtkLabel            *after_chip;
  GtkLabel            *before_chip;
  GtkBox              *chart_box;
  GtkLabel            *details_label;
  GtkLabel            *majority_label;
  GtkLabel            *name_label;
  GtkLabel            *outcome_label;
  GtkWidget           *scroller;
  GtkGrid             *seats_grid;
  GtkLabel            *votes_note;
  AdwPreferencesGroup *wards_group;
  GtkWidget           *control_card;
  GtkWidget           *seats_section;

  /* Results night: see tally-council-page-live.c */
  TallyLiveNight      *night;
  TallyCatalog        *catalog;
  GtkWidget           *live_card;
  GtkLabel            *live_progress;
  GtkLabel            *live_figures;
  GtkBox              *live_calls;
  GtkGrid             *live_grid;
  GString             *live_text;    /* the card as lines, for get_text() */
};

GtkWidget *_tally_council_page_cell     (const char       *text,
                                         float             xalign,
                                         const char       *css_class);

void     _tally_council_page_init_live    (TallyCouncilPage *self);
void     _tally_council_page_dispose_live (TallyCouncilPage *self);
gboolean _tally_council_page_show_live    (TallyCouncilPage *self);
void     _tally_council_page_fill_wards (TallyCouncilPage *self,
                                         TallyResults     *results);
void     _tally_council_page_set_ward_declared (TallyCouncilPage *self,
                                                guint             index,
                                                const char       *declared);

G_END_DECLS
