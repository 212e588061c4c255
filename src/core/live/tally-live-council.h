/* tally-live-council.h: one council on results night, as far as it has declared.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "tally-calls.h"
#include "tally-types.h"

G_BEGIN_DECLS

/**
 * TallyLiveState:
 * @TALLY_LIVE_NOT_DECLARED: no ward of the council has declared
 * @TALLY_LIVE_PARTIAL: some wards have declared, not all
 * @TALLY_LIVE_DECLARED: every ward up has declared
 */
typedef enum
{
  TALLY_LIVE_NOT_DECLARED,
  TALLY_LIVE_PARTIAL,
  TALLY_LIVE_DECLARED,
} TallyLiveState;

#define TALLY_TYPE_LIVE_COUNCIL (tally_live_council_get_type ())

G_DECLARE_FINAL_TYPE (TallyLiveCouncil, tally_live_council, TALLY, LIVE_COUNCIL, GObject)

TallyCouncil    *tally_live_council_get_council         (TallyLiveCouncil *self);
TallyLiveState   tally_live_council_get_state           (TallyLiveCouncil *self);
guint64          tally_live_council_get_digest          (TallyLiveCouncil *self);
guint            tally_live_council_get_wards_declared  (TallyLiveCouncil *self);
guint            tally_live_council_get_wards_up        (TallyLiveCouncil *self);
guint            tally_live_council_get_seats_declared  (TallyLiveCouncil *self);
guint            tally_live_council_get_seats_up        (TallyLiveCouncil *self);
guint            tally_live_council_get_seats_to_come   (TallyLiveCouncil *self);
guint            tally_live_council_get_total_seats     (TallyLiveCouncil *self);
guint            tally_live_council_get_majority        (TallyLiveCouncil *self);
guint            tally_live_council_get_seats_won       (TallyLiveCouncil *self,
                                                         TallyParty       *party);
gboolean         tally_live_council_get_seats_change    (TallyLiveCouncil *self,
                                                         TallyParty       *party,
                                                         int              *change);
guint            tally_live_council_get_seats_compared  (TallyLiveCouncil *self);
TallyParty      *tally_live_council_get_control_before  (TallyLiveCouncil *self);
gboolean         tally_live_council_get_control_after   (TallyLiveCouncil *self,
                                                         TallyParty      **party);
GDateTime       *tally_live_council_get_last_declared_at (TallyLiveCouncil *self);
const TallyCall *tally_live_council_get_calls           (TallyLiveCouncil *self,
                                                         guint            *n_calls);
TallyParty      *tally_live_council_get_call_party      (TallyLiveCouncil *self,
                                                         const TallyCall  *call);

char            *tally_live_council_describe_progress   (TallyLiveCouncil *self);
char            *tally_live_council_describe_call       (TallyLiveCouncil *self,
                                                         const TallyCall  *call);
GStrv            tally_live_council_describe_calls      (TallyLiveCouncil *self);

G_END_DECLS
