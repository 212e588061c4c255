/* tally-council-list-private.h: what the council list's files share.
 *
 * tally-council-list.c: the table, its rows and how they follow reloads;
 * tally-council-list-columns.c: a column per party and the swing;
 * tally-council-list-defer.c: the rows below the fold, after the first frame.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "tally-council-list.h"
#include "tally-live-night.h"
#include "tally-party-ranking.h"
#include "tally-results.h"

G_BEGIN_DECLS

struct _TallyCouncilList
{
  GtkWidget           parent_instance;

  GListModel         *results;
  GListStore         *rows;        /* of TallyCouncilRow, as @results orders them */
  GHashTable         *row_by_code; /* ONS code → TallyCouncilRow, every row made */
  guint               frozen;
  gboolean            stale;       /* a change came while frozen */
  GtkSortListModel   *sorted;
  GtkSliceListModel  *slice;     /* of @sorted: the rows built (tally-council-list-defer.c) */
  GdkFrameClock      *deferred_frame_clock;
  guint               grow_tick;
  GtkSingleSelection *selection;
  GPtrArray          *party_columns;
  GPtrArray          *party_bindings;   /* each party column's two PartyColumns, not owned */
  TallyParty         *swing_from;
  TallyParty         *swing_to;
  TallyLiveNight     *night;     /* results night: councils not declared show how far they are */
  TallyResults       *engine;  /* whose filter an empty list is explained by */
  guint               fit_source;
  gboolean            fitted;    /* the columns measured against what they show */
  char               *fit_texts; /* the Type and Region texts they were measured against */
  guint               fit_tries;

  /* Template widgets */
  GtkColumnView      *column_view;
  GtkColumnViewColumn *type_column;
  GtkColumnViewColumn *region_column;
  GtkColumnViewColumn *control_column;
  GtkStack           *stack;
  AdwStatusPage      *filtered_page;
};

/* A cell's bind: the factory is NULL when the cell is drawn again in place. */
typedef void (*TallyCellBindFunc) (GtkSignalListItemFactory *factory,
                                   GtkListItem              *item,
                                   gpointer                  user_data);

void _tally_council_list_sync_rows        (TallyCouncilList   *self);
void _tally_council_list_follow_row       (GtkListItem        *item,
                                           const char         *property,
                                           TallyCellBindFunc   bind,
                                           gpointer            user_data);
void _tally_council_list_unfollow_row     (GtkSignalListItemFactory *factory,
                                           GtkListItem        *item,
                                           gpointer            user_data);
guint64 _tally_council_list_columns_digest (TallyCouncilList  *self);
void _tally_council_list_build_every_row (TallyCouncilList  *self);
void _tally_council_list_stop_deferring (TallyCouncilList  *self);
void _tally_council_list_deferred_mapped (TallyCouncilList  *self);
void _tally_council_list_queue_fit        (TallyCouncilList   *self);
void _tally_council_list_describe_figures (TallyCouncilList   *self,
                                           GString            *shown,
                                           TallyCouncilResult *result,
                                           TallyLiveCouncil   *live);

G_END_DECLS
