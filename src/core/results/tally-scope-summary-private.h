/* tally-scope-summary-private.h: how the engine fills a scope summary.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "tally-results-private.h"
#include "tally-scope-summary.h"

G_BEGIN_DECLS

TallyScopeSummary *_tally_scope_summary_new    (TallyResultsData   *data,
                                                guint               election,
                                                int                 baseline,
                                                TallyBasis          basis);
void               _tally_scope_summary_add    (TallyScopeSummary  *self,
                                                guint               council,
                                                TallyCouncilResult *result);
void               _tally_scope_summary_finish (TallyScopeSummary  *self);

/* What the figures of other files (tally-share-estimate.c) are summed over:
 * the data, the election, and [council] whether it is in scope. */
TallyResultsData  *_tally_scope_summary_get_scope (TallyScopeSummary *self,
                                                   guint             *election,
                                                   const guint8     **in_scope);

G_END_DECLS
