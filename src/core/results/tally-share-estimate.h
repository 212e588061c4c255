/* tally-share-estimate.h: one national vote share, estimated and said so.
 *
 * A desk wants one national figure; the BBC's projected national share
 * (PNS) is a model of its own that Tally cannot reproduce.  What Tally can
 * compute honestly from candidate rows is a top-vote share (each party's
 * best candidate per ward, so a voter with three votes counts once) over
 * the wards where Conservative, Labour and Liberal Democrat candidates all
 * stood, which removes most of the distortion of uncontested parties.  It
 * is always shown with its method and ward count, and never named PNS.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "tally-scope-summary.h"

G_BEGIN_DECLS

typedef struct _TallyShareEstimate TallyShareEstimate;

TallyShareEstimate *tally_scope_summary_get_share_estimate (TallyScopeSummary  *summary);
void                tally_share_estimate_free              (TallyShareEstimate *self);

gboolean            tally_share_estimate_is_known          (TallyShareEstimate *self);
double              tally_share_estimate_get_share         (TallyShareEstimate *self,
                                                            TallyParty         *party);
guint               tally_share_estimate_get_n_wards       (TallyShareEstimate *self);
guint               tally_share_estimate_get_n_councils    (TallyShareEstimate *self);
char               *tally_share_estimate_describe_method   (TallyShareEstimate *self);
char               *tally_share_estimate_describe_figures  (TallyShareEstimate *self);
char               *tally_share_estimate_describe          (TallyShareEstimate *self);
char               *tally_share_estimate_describe_brief    (TallyShareEstimate *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TallyShareEstimate, tally_share_estimate_free)

G_END_DECLS
