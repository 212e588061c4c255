/* tally-live-night-private.h: what TallyLiveNight holds, shared by its files.
 *
 * tally-live-night.c counts the night and answers for it;
 * tally-live-night-load.c reads the database: what is known before the
 * count, once, and the contests written since the last refresh.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "tally-database-private.h"
#include "tally-live-night.h"
#include "tally-live-private.h"

G_BEGIN_DECLS

typedef struct
{
  gint64 id;
  guint  council;       /* index into councils */
  gint64 ward_id;
  gint64 declared_at;   /* Unix seconds, G_MININT64 when not known */
  guint  seats;
  guint  first_winner;  /* into winners */
  guint  n_winners;
  guint  by_election : 1;
} Contest;

typedef struct
{
  guint seats;
  guint first_winner;   /* into baseline_winners */
  guint n_winners;
} BaselineWard;

struct _TallyLiveNight
{
  GObject         parent_instance;

  TallyCatalog   *catalog;
  TallyDatabase  *database;
  TallyElection  *election;
  TallyElection  *baseline;

  TallyParty    **parties;            /* catalogue order */
  gboolean       *aggregate;
  guint           n_parties;
  GHashTable     *party_by_id;        /* gint64 → index + 1 */

  GHashTable     *council_by_id;      /* gint64 → TallyLiveCouncil (the night's councils only) */
  GHashTable     *council_by_object;  /* TallyCouncil → TallyLiveCouncil */
  GListStore     *councils;           /* TallyLiveCouncil, catalogue order */
  GPtrArray      *council_array;      /* the same, for indexing */

  GHashTable     *baseline_wards;     /* gint64 ward id → BaselineWard*; never changed once read */
  GArray         *baseline_winners;   /* guint party indices; the same */
  gint64          baseline_stored[2]; /* the baseline's contests read: how many, the newest id */

  GArray         *contests;           /* Contest, by id */
  GArray         *winners;            /* guint party indices */
  gint64          last_id;

  gint64          as_at;              /* G_MAXINT64: now */
  guint           n_declared;
  guint           n_partial;
  guint           n_wards;
  TallyLiveCouncil *latest;
  gint64          latest_time;
  gint64          first_time;
};

gboolean _tally_live_night_load_before_count (TallyLiveNight  *self,
                                              TallyResults    *results,
                                              TallyLiveNight  *previous,
                                              GError         **error);
gboolean _tally_live_night_read_contests     (TallyLiveNight  *self,
                                              gint64           after,
                                              GArray          *contests,
                                              GArray          *winners,
                                              GError         **error);
gboolean _tally_live_night_count_contests   (TallyLiveNight  *self,
                                              TallyElection   *election,
                                              gint64           counted[2],
                                              GError         **error);
gboolean _tally_live_night_step_done         (TallyLiveNight  *self,
                                              int              rc,
                                              GError         **error);

G_END_DECLS
