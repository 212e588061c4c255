/* tally-live-private.h: what the live night fills in on its councils.
 *
 * A TallyLiveCouncil is made once per council by TallyLiveNight and updated
 * in place on every refresh, so that views may hold on to it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "tally-live-council.h"

G_BEGIN_DECLS

/* A party's seats, or a figure, that cannot be told. */
#define TALLY_LIVE_UNKNOWN (-1)

struct _TallyLiveCouncil
{
  GObject         parent_instance;

  TallyCouncil   *council;
  TallyParty    **parties;          /* [party], shared with the night */
  guint           n_parties;
  gboolean       *aggregate;        /* [party], shared with the night */

  /* Known before the count: set once. */
  guint           seats_up;
  guint           total_seats;      /* 0 when not known */
  guint           wards_up;         /* expected contests; 0 when not known */
  int            *not_up;           /* [party], or NULL when not known */
  int             control_before;   /* party index, TALLY_NO_CONTROL or TALLY_CONTROL_UNKNOWN */

  /* As declared so far (or as at the chosen moment). */
  TallyLiveState  state;
  guint           wards_declared;
  guint           seats_declared;
  guint           seats_compared;   /* declared seats whose ward was fought at the baseline */
  guint          *won;              /* [party] */
  guint          *won_compared;     /* [party]: won now, in the compared wards */
  guint          *won_then;         /* [party]: won at the baseline, in the same wards */
  gint64          last_declared_at; /* Unix seconds, G_MININT64 when not known */
  GArray         *calls;            /* of TallyCall */
};

TallyLiveCouncil *_tally_live_council_new   (TallyCouncil  *council,
                                             TallyParty   **parties,
                                             gboolean      *aggregate,
                                             guint          n_parties);
void              _tally_live_council_reset (TallyLiveCouncil *self);
void              _tally_live_council_settle (TallyLiveCouncil *self);

G_END_DECLS
