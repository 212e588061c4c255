/* tally-filter.h: what the user has chosen to look at, shared by every view.
 *
 * An empty set means no restriction.  One user action emits one
 * TallyFilter::changed: a setter that changes nothing emits nothing, and
 * tally_filter_freeze() / tally_filter_thaw() make several changes one.
 * Parties and outcomes combine: {LD} with TALLY_OUTCOME_FLAG_GAIN is
 * "gained by the Liberal Democrats" (see tally-filter.c).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "tally-rules.h"
#include "tally-types.h"

G_BEGIN_DECLS

#define TALLY_TYPE_OUTCOME_FLAGS (tally_outcome_flags_get_type ())

GType tally_outcome_flags_get_type (void);

#define TALLY_TYPE_FILTER (tally_filter_get_type ())

G_DECLARE_FINAL_TYPE (TallyFilter, tally_filter, TALLY, FILTER, GObject)

TallyFilter        *tally_filter_new                      (void);
TallyFilter        *tally_filter_copy                     (TallyFilter         *self);

TallyElection      *tally_filter_get_election             (TallyFilter         *self);
void                tally_filter_set_election             (TallyFilter         *self,
                                                           TallyElection       *election);
TallyElection      *tally_filter_get_baseline             (TallyFilter         *self);
void                tally_filter_set_baseline             (TallyFilter         *self,
                                                           TallyElection       *baseline);

TallyBasis          tally_filter_get_basis                (TallyFilter         *self);
void                tally_filter_set_basis                (TallyFilter         *self,
                                                           TallyBasis           basis);

const char * const *tally_filter_get_parties              (TallyFilter         *self);
void                tally_filter_set_parties              (TallyFilter         *self,
                                                           const char * const  *keys);
const char * const *tally_filter_get_regions              (TallyFilter         *self);
void                tally_filter_set_regions              (TallyFilter         *self,
                                                           const char * const  *regions);
const char * const *tally_filter_get_council_types        (TallyFilter         *self);
void                tally_filter_set_council_types        (TallyFilter         *self,
                                                           const char * const  *types);
const char * const *tally_filter_get_councils             (TallyFilter         *self);
void                tally_filter_set_councils             (TallyFilter         *self,
                                                           const char * const  *codes);
TallyOutcomeFlags   tally_filter_get_outcomes             (TallyFilter         *self);
void                tally_filter_set_outcomes             (TallyFilter         *self,
                                                           TallyOutcomeFlags    outcomes);
const char         *tally_filter_get_search_text          (TallyFilter         *self);
void                tally_filter_set_search_text          (TallyFilter         *self,
                                                           const char          *text);

gboolean            tally_filter_get_party_selected       (TallyFilter         *self,
                                                           const char          *key);
void                tally_filter_set_party_selected       (TallyFilter         *self,
                                                           const char          *key,
                                                           gboolean             selected);
gboolean            tally_filter_get_region_selected      (TallyFilter         *self,
                                                           const char          *region);
void                tally_filter_set_region_selected      (TallyFilter         *self,
                                                           const char          *region,
                                                           gboolean             selected);
gboolean            tally_filter_get_council_type_selected (TallyFilter        *self,
                                                           TallyCouncilType     type);
void                tally_filter_set_council_type_selected (TallyFilter        *self,
                                                           TallyCouncilType     type,
                                                           gboolean             selected);
gboolean            tally_filter_get_council_selected     (TallyFilter         *self,
                                                           const char          *code);
void                tally_filter_set_council_selected     (TallyFilter         *self,
                                                           const char          *code,
                                                           gboolean             selected);

gboolean            tally_filter_is_empty                 (TallyFilter         *self);
void                tally_filter_clear                    (TallyFilter         *self);
void                tally_filter_freeze                   (TallyFilter         *self);
void                tally_filter_thaw                     (TallyFilter         *self);
guint64             tally_filter_get_serial               (TallyFilter         *self);

gboolean            tally_filter_matches                  (TallyFilter         *self,
                                                           TallyCouncilResult  *result);

G_END_DECLS
