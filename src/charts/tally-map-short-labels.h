/* tally-map-short-labels.h: every council's hex label, no two alike.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

GHashTable *tally_map_short_labels (GListModel *councils);

G_END_DECLS
