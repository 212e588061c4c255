/* tally-control-chips.h: control before and after, as two party chips.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "tally-live-council.h"
#include "tally-types.h"

G_BEGIN_DECLS

#define TALLY_TYPE_CONTROL_CHIPS (tally_control_chips_get_type ())

G_DECLARE_FINAL_TYPE (TallyControlChips, tally_control_chips, TALLY, CONTROL_CHIPS, GtkWidget)

GtkWidget *tally_control_chips_new        (void);
void       tally_control_chips_set_result (TallyControlChips  *self,
                                           TallyCouncilResult *result);
void       tally_control_chips_set_live   (TallyControlChips  *self,
                                           TallyCouncilResult *result,
                                           TallyLiveCouncil   *live);

G_END_DECLS
