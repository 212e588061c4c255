/* tally-selection.h: the one council every view shows as selected.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "tally-types.h"

G_BEGIN_DECLS

#define TALLY_TYPE_SELECTION (tally_selection_get_type ())

G_DECLARE_FINAL_TYPE (TallySelection, tally_selection, TALLY, SELECTION, GObject)

TallySelection *tally_selection_new         (void);
TallyCouncil   *tally_selection_get_council (TallySelection *self);
void            tally_selection_set_council (TallySelection *self,
                                             TallyCouncil   *council);

G_END_DECLS
