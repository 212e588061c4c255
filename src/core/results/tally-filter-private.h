/* tally-filter-private.h: how the results engine asks a filter about a council.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "tally-filter.h"

G_BEGIN_DECLS

char     *_tally_filter_fold_name     (const char   *name);
char     *_tally_filter_get_key       (TallyFilter  *self);
gboolean  _tally_filter_has_parties   (TallyFilter  *self);
gboolean  _tally_filter_match_place   (TallyFilter  *self,
                                       TallyCouncil *council,
                                       const char   *folded_name);
gboolean  _tally_filter_match_control (TallyFilter  *self,
                                       int           control_before,
                                       int           control_after,
                                       gboolean      before_selected,
                                       gboolean      after_selected);

G_END_DECLS
