/* tally-live-query.c: what the window's views ask of results night beyond
 * the night itself.
 *
 * A database records a night when it lists the contests an election will
 * declare (expected_contests) or keeps ward declaration times: only then is
 * a TallyLiveNight worth making (it reads every contest, and an engine of
 * its own), so the bundled database, a morning-after file, costs one
 * indexed look.  The state of the parties counts the councils the night
 * says are fully declared (tally_results_set_declared() takes the set made
 * here), and a council page lists only the wards declared by the moment
 * shown, from their declaration times.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "tally-catalog.h"
#include "tally-council.h"
#include "tally-database.h"
#include "tally-database-private.h"
#include "tally-election.h"
#include "tally-live-query.h"

/**
 * tally_live_catalog_records_night:
 *
 * Returns: whether the catalogue's database records results night: the
 *   contests an election will declare, or ward declaration times
 */
gboolean
tally_live_catalog_records_night (TallyCatalog *catalog)
{
  TallyDatabase *database;
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (TALLY_IS_CATALOG (catalog), FALSE);

  database = tally_catalog_get_database (catalog);
  if (tally_database_get_schema_version (database) < 3)
    return FALSE;

  stmt = _tally_database_prepare (database,
                                  "SELECT EXISTS (SELECT 1 FROM expected_contests) "
                                  "OR EXISTS (SELECT 1 FROM ward_declarations)",
                                  NULL);
  return stmt != NULL && sqlite3_step (stmt) == SQLITE_ROW && sqlite3_column_int (stmt, 0) != 0;
}

/**
 * tally_live_night_get_declared_set:
 *
 * Returns: (transfer full) (element-type TallyCouncil): a set of the
 *   councils fully declared at the moment the night shows
 */
GHashTable *
tally_live_night_get_declared_set (TallyLiveNight *night)
{
  GListModel *councils;
  GHashTable *set = g_hash_table_new (NULL, NULL);

  g_return_val_if_fail (TALLY_IS_LIVE_NIGHT (night), set);

  councils = tally_live_night_get_councils (night);
  for (guint i = 0; i < g_list_model_get_n_items (councils); i++)
    {
      g_autoptr(TallyLiveCouncil) live = g_list_model_get_item (councils, i);

      if (tally_live_council_get_state (live) == TALLY_LIVE_DECLARED)
        g_hash_table_add (set, tally_live_council_get_council (live));
    }

  return set;
}

/**
 * tally_live_night_list_ward_times:
 * @catalog: the catalogue the night was made from
 * @council: a council of the night
 *
 * Reads when each of @council's contests declared that night.  This runs
 * SQL: call it when a council page opens.
 *
 * Returns: (transfer full) (nullable): ballot (char*) → declaration time
 *   (a #gint64 of Unix seconds, G_MININT64 when not known), or %NULL with
 *   @error set
 */
GHashTable *
tally_live_night_list_ward_times (TallyLiveNight  *night,
                                  TallyCatalog    *catalog,
                                  TallyCouncil    *council,
                                  GError         **error)
{
  TallyElection *election;
  TallyDatabase *database;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GHashTable) times = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
  int rc;

  g_return_val_if_fail (TALLY_IS_LIVE_NIGHT (night), NULL);
  g_return_val_if_fail (TALLY_IS_CATALOG (catalog), NULL);
  g_return_val_if_fail (TALLY_IS_COUNCIL (council), NULL);

  election = tally_live_night_get_election (night);
  database = tally_catalog_get_database (catalog);

  stmt = _tally_database_prepare (database,
                                  "SELECT ct.ballot, wd.declared_at FROM contests ct "
                                  "JOIN wards w ON w.id = ct.ward_id "
                                  "LEFT JOIN ward_declarations wd ON wd.contest_id = ct.id "
                                  "WHERE ct.election_id = ?1 AND w.council_id = ?2",
                                  error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, tally_election_get_id (election));
  sqlite3_bind_int64 (stmt, 2, tally_council_get_id (council));

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *ballot = (const char *) sqlite3_column_text (stmt, 0);
      const char *text = (const char *) sqlite3_column_text (stmt, 1);
      g_autoptr(GDateTime) at = text != NULL ? g_date_time_new_from_iso8601 (text, utc) : NULL;
      gint64 seconds = at != NULL ? g_date_time_to_unix (at) : G_MININT64;

      if (ballot != NULL)
        g_hash_table_insert (times, g_strdup (ballot), g_memdup2 (&seconds, sizeof seconds));
    }

  if (rc != SQLITE_DONE)
    {
      _tally_database_set_error (database, error, _("reading the declarations"));
      return NULL;
    }

  return g_steal_pointer (&times);
}

/**
 * tally_live_ward_time_is_shown:
 * @ward_times: from tally_live_night_list_ward_times()
 * @ballot: a contest's ballot
 *
 * Returns: whether the contest had declared by the moment the night
 *   shows (a contest with no recorded time always has)
 */
gboolean
tally_live_ward_time_is_shown (TallyLiveNight *night,
                               GHashTable     *ward_times,
                               const char     *ballot)
{
  g_autoptr(GDateTime) as_at = NULL;
  const gint64 *seconds;

  g_return_val_if_fail (TALLY_IS_LIVE_NIGHT (night), TRUE);

  if (ward_times == NULL || ballot == NULL || (seconds = g_hash_table_lookup (ward_times, ballot)) == NULL ||
      *seconds == G_MININT64 || (as_at = tally_live_night_get_as_at (night)) == NULL)
    return TRUE;

  return *seconds <= g_date_time_to_unix (as_at);
}
