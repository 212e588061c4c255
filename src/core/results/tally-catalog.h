/* tally-catalog.h: the parties, elections and councils a database holds.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "tally-types.h"

G_BEGIN_DECLS

/* What one database may hold (docs/LIMITS.md says why and what to do). */
#define TALLY_CATALOG_MAX_ELECTIONS 200
#define TALLY_CATALOG_MAX_PARTIES   2000
#define TALLY_CATALOG_MAX_COUNCILS  1000
#define TALLY_CATALOG_MAX_CELLS     8000000  /* elections × parties × councils */
#define TALLY_CATALOG_MAX_SEATS     1000000     /* in any one seat count */
#define TALLY_CATALOG_MAX_VOTES     G_GINT64_CONSTANT (1000000000000)  /* in any one vote count */

#define TALLY_TYPE_CATALOG (tally_catalog_get_type ())

G_DECLARE_FINAL_TYPE (TallyCatalog, tally_catalog, TALLY, CATALOG, GObject)

TallyCatalog  *tally_catalog_new                 (TallyDatabase  *database,
                                                  GError        **error);
TallyDatabase *tally_catalog_get_database        (TallyCatalog   *self);
GListModel    *tally_catalog_get_parties         (TallyCatalog   *self);
GListModel    *tally_catalog_get_elections       (TallyCatalog   *self);
GListModel    *tally_catalog_get_councils        (TallyCatalog   *self);
TallyParty    *tally_catalog_lookup_party        (TallyCatalog   *self,
                                                  const char     *key);
TallyCouncil  *tally_catalog_lookup_council      (TallyCatalog   *self,
                                                  const char     *code);
TallyCouncil  *tally_catalog_find_council        (TallyCatalog   *self,
                                                  const char     *text,
                                                  GError        **error);
TallyElection *tally_catalog_lookup_election     (TallyCatalog   *self,
                                                  const char     *date);
TallyElection *tally_catalog_get_latest_election (TallyCatalog   *self);
GListModel    *tally_catalog_load_results        (TallyCatalog   *self,
                                                  TallyElection  *election,
                                                  GError        **error);

G_END_DECLS
