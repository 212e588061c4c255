/* tally-council-row.h: one council's row in the council list, for as long as the database is shown.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "tally-council-result.h"
#include "tally-live-council.h"

G_BEGIN_DECLS

#define TALLY_TYPE_COUNCIL_ROW (tally_council_row_get_type ())

G_DECLARE_FINAL_TYPE (TallyCouncilRow, tally_council_row, TALLY, COUNCIL_ROW, GObject)

TallyCouncilRow    *tally_council_row_new         (TallyCouncilResult *result);
const char         *tally_council_row_get_code    (TallyCouncilRow    *self);
TallyCouncil       *tally_council_row_get_council (TallyCouncilRow    *self);
TallyCouncilResult *tally_council_row_get_result  (TallyCouncilRow    *self);
TallyLiveCouncil   *tally_council_row_get_live    (TallyCouncilRow    *self);
guint64             tally_council_row_get_digest  (TallyCouncilRow    *self);
guint64             tally_council_row_digest      (TallyCouncilResult *result,
                                                   TallyLiveCouncil   *live,
                                                   guint64             shown_with);
gboolean            tally_council_row_update      (TallyCouncilRow    *self,
                                                   TallyCouncilResult *result,
                                                   TallyLiveCouncil   *live,
                                                   guint64             digest,
                                                   char               *shown);

G_END_DECLS
