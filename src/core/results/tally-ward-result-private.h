/* tally-ward-result-private.h: how the engine reads ward results.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "tally-results-private.h"
#include "tally-ward-result.h"

G_BEGIN_DECLS

GListModel *_tally_ward_results_load (TallyResultsData  *data,
                                      TallyDatabase     *database,
                                      TallyCouncil      *council,
                                      TallyElection     *election,
                                      TallyElection     *baseline,
                                      GError           **error);

G_END_DECLS
