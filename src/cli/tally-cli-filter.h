/* tally-cli-filter.h: the filter options every command that reads results takes.
 *
 *   --region R  --type T  --party P  --council C  --outcome O
 *   --search TEXT  --election DATE  --baseline DATE  --basis B
 *
 * They build the same TallyFilter the window's filter panel builds, so
 * the same choices give the same councils in `tally summary`, `tally
 * export` and the window.  Options that take a list may be repeated or
 * given comma-separated (council names excepted: "Kingston upon Hull,
 * City of" holds a comma).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "tally-filter.h"
#include "tally-rules.h"
#include "tally-types.h"

G_BEGIN_DECLS

typedef struct
{
  char  **regions;
  char  **types;
  char  **parties;
  char  **councils;
  char  **outcomes;
  char   *search;
  char   *election;
  char   *baseline;
  char   *basis;
} TallyCliFilterOptions;

void          tally_cli_filter_options_clear        (TallyCliFilterOptions  *options);
GOptionGroup *tally_cli_filter_options_get_group    (TallyCliFilterOptions  *options,
                                                     const char             *taken_short_names);
gboolean      tally_cli_filter_options_apply        (TallyCliFilterOptions  *options,
                                                     TallyCatalog           *catalog,
                                                     TallyFilter            *filter,
                                                     GError                **error);
char         *tally_cli_filter_options_describe     (TallyCliFilterOptions  *options,
                                                     TallyCatalog           *catalog);

TallyParty   *tally_cli_lookup_party                (TallyCatalog           *catalog,
                                                     const char             *key);
gboolean      tally_cli_parse_method_and_swing      (TallyCatalog           *catalog,
                                                     const char             *method,
                                                     const char             *swing,
                                                     TallyVoteMethod        *vote_method,
                                                     TallyParty            **swing_from,
                                                     TallyParty            **swing_to,
                                                     GError                **error);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (TallyCliFilterOptions, tally_cli_filter_options_clear)

G_END_DECLS
