/* tally-live-query.h: what the window's views ask of results night beyond
 * the night itself: whether a database records one, which councils have
 * fully declared, and when each ward of a council declared.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "tally-live-night.h"
#include "tally-types.h"

G_BEGIN_DECLS

gboolean    tally_live_catalog_records_night (TallyCatalog    *catalog);
GHashTable *tally_live_night_get_declared_set (TallyLiveNight *night);
GHashTable *tally_live_night_list_ward_times (TallyLiveNight  *night,
                                              TallyCatalog    *catalog,
                                              TallyCouncil    *council,
                                              GError         **error);
gboolean    tally_live_ward_time_is_shown    (TallyLiveNight  *night,
                                              GHashTable      *ward_times,
                                              const char      *ballot);

G_END_DECLS
