/* tally-council.h: an English council, as the reference table describes it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "tally-types.h"

G_BEGIN_DECLS

#define TALLY_TYPE_COUNCIL (tally_council_get_type ())

G_DECLARE_FINAL_TYPE (TallyCouncil, tally_council, TALLY, COUNCIL, GObject)

TallyCouncil     *tally_council_new             (gint64            id,
                                                 const char       *code,
                                                 const char       *name,
                                                 TallyCouncilType  type,
                                                 const char       *region,
                                                 const char       *county);
gint64            tally_council_get_id          (TallyCouncil     *self);
const char       *tally_council_get_code        (TallyCouncil     *self);
const char       *tally_council_get_name        (TallyCouncil     *self);
TallyCouncilType  tally_council_get_council_type (TallyCouncil    *self);
const char       *tally_council_get_region      (TallyCouncil     *self);
const char       *tally_council_get_county      (TallyCouncil     *self);
gboolean          tally_council_get_centroid    (TallyCouncil     *self,
                                                 double           *easting,
                                                 double           *northing);
void              tally_council_set_centroid    (TallyCouncil     *self,
                                                 double            easting,
                                                 double            northing);

G_END_DECLS
