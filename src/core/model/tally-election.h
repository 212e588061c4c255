/* tally-election.h: one polling day, and the one it is compared with.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "tally-types.h"

G_BEGIN_DECLS

#define TALLY_TYPE_ELECTION (tally_election_get_type ())

G_DECLARE_FINAL_TYPE (TallyElection, tally_election, TALLY, ELECTION, GObject)

TallyElection *tally_election_new          (gint64         id,
                                            const char    *date,
                                            const char    *name,
                                            TallyElection *baseline);
gint64         tally_election_get_id       (TallyElection *self);
const char    *tally_election_get_date     (TallyElection *self);
const char    *tally_election_get_name     (TallyElection *self);
int            tally_election_get_year     (TallyElection *self);
TallyElection *tally_election_get_baseline (TallyElection *self);

G_END_DECLS
