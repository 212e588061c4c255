/* tally-filter-status.h: the list's page for a filter that leaves nothing.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "tally-results.h"

G_BEGIN_DECLS

void tally_filter_status_update (AdwStatusPage *page,
                                 TallyResults  *results);

G_END_DECLS
