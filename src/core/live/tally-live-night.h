/* tally-live-night.h: results night as far as it has gone, followed ward by ward.
 *
 * How a window uses it (noticing changes as src/ui/tally-window-live.c does):
 *
 *   night = tally_live_night_new (catalog, NULL, &error);  // newest election with a baseline
 *   the database changed → change = tally_live_night_refresh (night, &error);
 *     TALLY_LIVE_CHANGE_WARDS:    redraw partial councils, the header line
 *     TALLY_LIVE_CHANGE_COUNCILS: a council finished: rebuild TallyResults
 *                                 too (its state of the parties counts
 *                                 fully declared councils only)
 *   header:       tally_live_night_describe (night)
 *   council page: tally_live_night_lookup (night, council) → TallyLiveCouncil
 *   timeline:     tally_live_night_set_as_at (night, time)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "tally-live-council.h"
#include "tally-results.h"
#include "tally-types.h"

G_BEGIN_DECLS

/**
 * TallyLiveChange:
 * @TALLY_LIVE_CHANGE_NONE: nothing new
 * @TALLY_LIVE_CHANGE_WARDS: wards declared (or were replaced)
 * @TALLY_LIVE_CHANGE_COUNCILS: at least one council became fully declared
 *   (or stopped being so)
 */
typedef enum /*< flags >*/
{
  TALLY_LIVE_CHANGE_NONE     = 0,
  TALLY_LIVE_CHANGE_WARDS    = 1 << 0,
  TALLY_LIVE_CHANGE_COUNCILS = 1 << 1,
} TallyLiveChange;

#define TALLY_TYPE_LIVE_NIGHT (tally_live_night_get_type ())

G_DECLARE_FINAL_TYPE (TallyLiveNight, tally_live_night, TALLY, LIVE_NIGHT, GObject)

TallyLiveNight   *tally_live_night_new              (TallyCatalog    *catalog,
                                                     TallyElection   *election,
                                                     GError         **error);
TallyLiveNight   *tally_live_night_new_for_results  (TallyResults    *results,
                                                     TallyElection   *election,
                                                     GError         **error);
TallyLiveNight   *tally_live_night_new_following    (TallyResults    *results,
                                                     TallyLiveNight  *previous,
                                                     GError         **error);
TallyElection    *tally_live_night_get_election     (TallyLiveNight  *self);
TallyElection    *tally_live_night_get_baseline     (TallyLiveNight  *self);
TallyLiveChange   tally_live_night_refresh          (TallyLiveNight  *self,
                                                     GError         **error);
GListModel       *tally_live_night_get_councils     (TallyLiveNight  *self);
TallyLiveCouncil *tally_live_night_lookup           (TallyLiveNight  *self,
                                                     TallyCouncil    *council);
guint             tally_live_night_get_n_councils   (TallyLiveNight  *self);
guint             tally_live_night_get_n_declared   (TallyLiveNight  *self);
guint             tally_live_night_get_n_partial    (TallyLiveNight  *self);
guint             tally_live_night_get_n_wards      (TallyLiveNight  *self);
TallyLiveCouncil *tally_live_night_get_latest       (TallyLiveNight  *self);
GDateTime        *tally_live_night_get_latest_time  (TallyLiveNight  *self);
GDateTime        *tally_live_night_get_first_time   (TallyLiveNight  *self);
void              tally_live_night_set_as_at        (TallyLiveNight  *self,
                                                     GDateTime       *as_at);
GDateTime        *tally_live_night_get_as_at        (TallyLiveNight  *self);
char             *tally_live_night_describe         (TallyLiveNight  *self);

GDateTime        *tally_live_parse_time             (const char      *text,
                                                     TallyElection   *election,
                                                     GError         **error);
char             *tally_live_format_time            (gint64           unix_seconds);

G_END_DECLS
