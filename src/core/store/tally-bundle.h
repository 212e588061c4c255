/* tally-bundle.h: the project's own text data, loaded into a database.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "tally-database.h"

G_BEGIN_DECLS

gboolean tally_bundle_load (TallyDatabase  *database,
                            GFile          *directory,
                            GError        **error);

G_END_DECLS
