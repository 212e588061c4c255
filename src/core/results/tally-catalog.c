/* tally-catalog.c: the reference data of one database, read once.
 *
 * Parties, elections and councils change only when something is imported,
 * so they are loaded into objects when the database opens and shared by
 * every view.  Results per election are loaded on request.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdio.h>
#include <string.h>

#include "tally-catalog.h"
#include "tally-council.h"
#include "tally-council-result.h"
#include "tally-database-private.h"
#include "tally-election.h"
#include "tally-party.h"
#include "tally-results-private.h"

struct _TallyCatalog
{
  GObject        parent_instance;

  TallyDatabase *database;
  GListStore    *parties;
  GListStore    *elections;
  GListStore    *councils;
  GHashTable    *party_by_id;      /* gint64* → TallyParty* */
  GHashTable    *party_by_key;     /* char* → TallyParty* */
  GHashTable    *council_by_id;
  GHashTable    *council_by_code;
  GHashTable    *election_by_id;
};

G_DEFINE_FINAL_TYPE (TallyCatalog, tally_catalog, G_TYPE_OBJECT)

static gint64 *
copy_id (gint64 id)
{
  return g_memdup2 (&id, sizeof id);
}

static const char *
column_text (sqlite3_stmt *stmt,
             int           column)
{
  return (const char *) sqlite3_column_text (stmt, column);
}

static gboolean
step_failed (TallyCatalog  *self,
             int            rc,
             GError       **error)
{
  if (rc == SQLITE_DONE)
    return FALSE;

  _tally_database_set_error (self->database, error, _("reading the catalogue"));
  return TRUE;
}

/* YYYY-MM-DD, and a day that exists. */
static gboolean
valid_date (const char *date)
{
  unsigned year, month, day;
  char end;

  if (date == NULL || strlen (date) != 10 ||
      sscanf (date, "%4u-%2u-%2u%c", &year, &month, &day, &end) != 3 ||
      date[4] != '-' || date[7] != '-' || !g_ascii_isdigit (date[0]) ||
      !g_ascii_isdigit (date[5]) || !g_ascii_isdigit (date[8]))
    return FALSE;

  return year >= 1 && g_date_valid_dmy ((GDateDay) day, (GDateMonth) month, (GDateYear) year);
}

static gboolean
count_rows (TallyCatalog  *self,
            const char    *sql,
            gint64        *count,
            GError       **error)
{
  g_autoptr(sqlite3_stmt) stmt = _tally_database_prepare (self->database, sql, error);

  if (stmt == NULL)
    return FALSE;
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      _tally_database_set_error (self->database, error, _("reading the catalogue"));
      return FALSE;
    }

  *count = sqlite3_column_int64 (stmt, 0);
  return TRUE;
}

/* The results engine keeps every election × council × party in memory
 * (about 20 bytes each), so a database is refused before loading when its
 * sizes would make that unreasonable.  The figures are in docs/LIMITS.md. */
static gboolean
check_sizes (TallyCatalog  *self,
             GError       **error)
{
  g_autofree char *name = g_filename_display_basename (tally_database_get_path (self->database));
  gint64 n_elections, n_parties, n_councils;

  if (!count_rows (self, "SELECT count(*) FROM elections", &n_elections, error) ||
      !count_rows (self, "SELECT count(*) FROM parties", &n_parties, error) ||
      !count_rows (self, "SELECT count(*) FROM councils", &n_councils, error))
    return FALSE;

  if (n_elections > TALLY_CATALOG_MAX_ELECTIONS)
    g_set_error (error, TALLY_DATABASE_ERROR, TALLY_DATABASE_ERROR_INVALID,
                 _("“%s” holds %" G_GINT64_FORMAT " elections; Tally reads at most %d in one "
                   "database (limit “elections per database”): keep the others in a second database"),
                 name, n_elections, TALLY_CATALOG_MAX_ELECTIONS);
  else if (n_parties > TALLY_CATALOG_MAX_PARTIES)
    g_set_error (error, TALLY_DATABASE_ERROR, TALLY_DATABASE_ERROR_INVALID,
                 _("“%s” holds %" G_GINT64_FORMAT " parties; Tally reads at most %d in one "
                   "database (limit “parties per database”): keep some elections in a second database"),
                 name, n_parties, TALLY_CATALOG_MAX_PARTIES);
  else if (n_councils > TALLY_CATALOG_MAX_COUNCILS)
    g_set_error (error, TALLY_DATABASE_ERROR, TALLY_DATABASE_ERROR_INVALID,
                 _("“%s” holds %" G_GINT64_FORMAT " councils; Tally reads at most %d in one "
                   "database (limit “councils per database”)"),
                 name, n_councils, TALLY_CATALOG_MAX_COUNCILS);
  else if (n_elections * n_parties * n_councils > TALLY_CATALOG_MAX_CELLS)
    g_set_error (error, TALLY_DATABASE_ERROR, TALLY_DATABASE_ERROR_INVALID,
                 _("“%s” holds %" G_GINT64_FORMAT " elections, %" G_GINT64_FORMAT " parties and %"
                   G_GINT64_FORMAT " councils: more than the %d results Tally keeps in memory at once "
                   "(limit “elections × parties × councils”): keep some elections in a second database"),
                 name, n_elections, n_parties, n_councils, TALLY_CATALOG_MAX_CELLS);
  else
    return TRUE;

  return FALSE;
}

/* Councils are all read, so their one number is checked here; results
 * are checked as each election is read (tally-results-load.c), so that
 * opening a file costs the same whatever the size of its history. */
static gboolean
check_values (TallyCatalog  *self,
              GError       **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  if (!(stmt = _tally_database_prepare (self->database, "SELECT total_seats FROM councils", error)))
    return FALSE;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    if (!_tally_results_data_check_value (self->database, stmt, 0, "councils", "total_seats", error))
      return FALSE;

  return !step_failed (self, rc, error);
}

static gboolean
load_parties (TallyCatalog  *self,
              GError       **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  stmt = _tally_database_prepare (self->database,
                                  "SELECT id, key, short_name, full_name, colour, colour_safe, grp, position "
                                  "FROM parties ORDER BY position, key",
                                  error);
  if (stmt == NULL)
    return FALSE;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr(TallyParty) party = NULL;

      const char *key = column_text (stmt, 1);

      /* Checked here, so that a bad row is a message, not a CRITICAL from
       * tally_party_new()'s preconditions. */
      if (key == NULL || key[0] == '\0')
        {
          g_set_error (error, TALLY_DATABASE_ERROR, TALLY_DATABASE_ERROR_INVALID,
                       _("A party (id %" G_GINT64_FORMAT ") has no key"), (gint64) sqlite3_column_int64 (stmt, 0));
          return FALSE;
        }
      if (!tally_parse_hex_colour (column_text (stmt, 4), NULL, NULL, NULL) ||
          !tally_parse_hex_colour (column_text (stmt, 5), NULL, NULL, NULL))
        {
          g_set_error (error, TALLY_DATABASE_ERROR, TALLY_DATABASE_ERROR_INVALID,
                       _("The party “%s” has no valid colour"), key);
          return FALSE;
        }
      if (g_hash_table_contains (self->party_by_key, key))
        {
          g_set_error (error, TALLY_DATABASE_ERROR, TALLY_DATABASE_ERROR_INVALID,
                       _("The party “%s” is in the database twice"), key);
          return FALSE;
        }

      party = tally_party_new (key, column_text (stmt, 2), column_text (stmt, 3),
                               column_text (stmt, 4), column_text (stmt, 5), column_text (stmt, 6),
                               sqlite3_column_int (stmt, 7));

      g_list_store_append (self->parties, party);
      g_hash_table_insert (self->party_by_id, copy_id (sqlite3_column_int64 (stmt, 0)), party);
      g_hash_table_insert (self->party_by_key, (char *) tally_party_get_key (party), party);
    }

  return !step_failed (self, rc, error);
}

static gboolean
load_elections (TallyCatalog  *self,
                GError       **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  /* Ordered by date, a baseline is always loaded before what it is the baseline of. */
  stmt = _tally_database_prepare (self->database,
                                  "SELECT id, date, name, baseline_id FROM elections ORDER BY date",
                                  error);
  if (stmt == NULL)
    return FALSE;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr(TallyElection) election = NULL;
      gint64 baseline_id = sqlite3_column_int64 (stmt, 3);
      TallyElection *baseline = g_hash_table_lookup (self->election_by_id, &baseline_id);

      if (!valid_date (column_text (stmt, 1)))
        {
          g_set_error (error, TALLY_DATABASE_ERROR, TALLY_DATABASE_ERROR_INVALID,
                       _("The election “%s” has no valid date"),
                       column_text (stmt, 2) ? column_text (stmt, 2) : "?");
          return FALSE;
        }

      election = tally_election_new (sqlite3_column_int64 (stmt, 0), column_text (stmt, 1),
                                     column_text (stmt, 2), baseline);

      g_list_store_append (self->elections, election);
      g_hash_table_insert (self->election_by_id, copy_id (tally_election_get_id (election)), election);
    }

  return !step_failed (self, rc, error);
}

static gboolean
load_councils (TallyCatalog  *self,
               GError       **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  stmt = _tally_database_prepare (self->database,
                                  "SELECT id, code, name, type, region, county, easting, northing "
                                  "FROM councils ORDER BY name COLLATE NOCASE",
                                  error);
  if (stmt == NULL)
    return FALSE;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr(TallyCouncil) council = NULL;
      TallyCouncilType type;

      if (!tally_council_type_from_string (column_text (stmt, 3), &type))
        {
          g_set_error (error, TALLY_DATABASE_ERROR, TALLY_DATABASE_ERROR_INVALID,
                       _("The council “%s” has an unknown type"), column_text (stmt, 1));
          return FALSE;
        }

      if (column_text (stmt, 1) == NULL || column_text (stmt, 2) == NULL)
        {
          g_set_error (error, TALLY_DATABASE_ERROR, TALLY_DATABASE_ERROR_INVALID,
                       _("A council (id %" G_GINT64_FORMAT ") has no code or no name"),
                       (gint64) sqlite3_column_int64 (stmt, 0));
          return FALSE;
        }

      council = tally_council_new (sqlite3_column_int64 (stmt, 0), column_text (stmt, 1),
                                   column_text (stmt, 2), type, column_text (stmt, 4),
                                   column_text (stmt, 5));
      if (sqlite3_column_type (stmt, 6) != SQLITE_NULL && sqlite3_column_type (stmt, 7) != SQLITE_NULL)
        tally_council_set_centroid (council, sqlite3_column_double (stmt, 6),
                                    sqlite3_column_double (stmt, 7));

      g_list_store_append (self->councils, council);
      g_hash_table_insert (self->council_by_id, copy_id (tally_council_get_id (council)), council);
      g_hash_table_insert (self->council_by_code, (char *) tally_council_get_code (council), council);
    }

  return !step_failed (self, rc, error);
}

static void
tally_catalog_finalize (GObject *object)
{
  TallyCatalog *self = (TallyCatalog *) object;

  g_clear_pointer (&self->party_by_id, g_hash_table_unref);
  g_clear_pointer (&self->party_by_key, g_hash_table_unref);
  g_clear_pointer (&self->council_by_id, g_hash_table_unref);
  g_clear_pointer (&self->council_by_code, g_hash_table_unref);
  g_clear_pointer (&self->election_by_id, g_hash_table_unref);
  g_clear_object (&self->parties);
  g_clear_object (&self->elections);
  g_clear_object (&self->councils);
  g_clear_object (&self->database);

  G_OBJECT_CLASS (tally_catalog_parent_class)->finalize (object);
}

static void
tally_catalog_class_init (TallyCatalogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = tally_catalog_finalize;
}

static void
tally_catalog_init (TallyCatalog *self)
{
  self->parties = g_list_store_new (TALLY_TYPE_PARTY);
  self->elections = g_list_store_new (TALLY_TYPE_ELECTION);
  self->councils = g_list_store_new (TALLY_TYPE_COUNCIL);
  self->party_by_id = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  self->party_by_key = g_hash_table_new (g_str_hash, g_str_equal);
  self->council_by_id = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  self->council_by_code = g_hash_table_new (g_str_hash, g_str_equal);
  self->election_by_id = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
}

/**
 * tally_catalog_new:
 * @database: an open database
 *
 * Returns: (transfer full) (nullable): the catalogue of @database
 */
TallyCatalog *
tally_catalog_new (TallyDatabase  *database,
                   GError        **error)
{
  g_autoptr(TallyCatalog) self = NULL;

  g_return_val_if_fail (TALLY_IS_DATABASE (database), NULL);

  self = g_object_new (TALLY_TYPE_CATALOG, NULL);
  self->database = g_object_ref (database);

  if (!check_sizes (self, error) || !check_values (self, error) || !load_parties (self, error) || !load_elections (self, error) || !load_councils (self, error))
    return NULL;

  return g_steal_pointer (&self);
}

/**
 * tally_catalog_get_database:
 *
 * Returns: (transfer none): the database the catalogue was read from
 */
TallyDatabase *
tally_catalog_get_database (TallyCatalog *self)
{
  g_return_val_if_fail (TALLY_IS_CATALOG (self), NULL);
  return self->database;
}

/**
 * tally_catalog_get_parties:
 *
 * Returns: (transfer none): every #TallyParty, from left to right
 */
GListModel *
tally_catalog_get_parties (TallyCatalog *self)
{
  g_return_val_if_fail (TALLY_IS_CATALOG (self), NULL);
  return G_LIST_MODEL (self->parties);
}

/**
 * tally_catalog_get_elections:
 *
 * Returns: (transfer none): every #TallyElection, oldest first
 */
GListModel *
tally_catalog_get_elections (TallyCatalog *self)
{
  g_return_val_if_fail (TALLY_IS_CATALOG (self), NULL);
  return G_LIST_MODEL (self->elections);
}

/**
 * tally_catalog_get_councils:
 *
 * Returns: (transfer none): every #TallyCouncil, by name
 */
GListModel *
tally_catalog_get_councils (TallyCatalog *self)
{
  g_return_val_if_fail (TALLY_IS_CATALOG (self), NULL);
  return G_LIST_MODEL (self->councils);
}

/**
 * tally_catalog_lookup_party:
 *
 * Returns: (transfer none) (nullable): the party with @key
 */
TallyParty *
tally_catalog_lookup_party (TallyCatalog *self,
                            const char   *key)
{
  g_return_val_if_fail (TALLY_IS_CATALOG (self), NULL);
  g_return_val_if_fail (key != NULL, NULL);

  return g_hash_table_lookup (self->party_by_key, key);
}

/**
 * tally_catalog_lookup_council:
 *
 * Returns: (transfer none) (nullable): the council with the ONS @code
 */
TallyCouncil *
tally_catalog_lookup_council (TallyCatalog *self,
                              const char   *code)
{
  g_return_val_if_fail (TALLY_IS_CATALOG (self), NULL);
  g_return_val_if_fail (code != NULL, NULL);

  return g_hash_table_lookup (self->council_by_code, code);
}

/**
 * tally_catalog_lookup_election:
 * @date: the polling day, "2018-05-03"
 *
 * Returns: (transfer none) (nullable): the election on @date
 */
TallyElection *
tally_catalog_lookup_election (TallyCatalog *self,
                               const char   *date)
{
  guint n_elections;

  g_return_val_if_fail (TALLY_IS_CATALOG (self), NULL);
  g_return_val_if_fail (date != NULL, NULL);

  n_elections = g_list_model_get_n_items (G_LIST_MODEL (self->elections));
  for (guint i = 0; i < n_elections; i++)
    {
      g_autoptr(TallyElection) election = g_list_model_get_item (G_LIST_MODEL (self->elections), i);

      if (g_str_equal (tally_election_get_date (election), date))
        return election;
    }

  return NULL;
}

/**
 * tally_catalog_get_latest_election:
 *
 * Returns: (transfer none) (nullable): the most recent election
 */
TallyElection *
tally_catalog_get_latest_election (TallyCatalog *self)
{
  g_autoptr(TallyElection) latest = NULL;
  guint n_elections;

  g_return_val_if_fail (TALLY_IS_CATALOG (self), NULL);

  n_elections = g_list_model_get_n_items (G_LIST_MODEL (self->elections));
  if (n_elections == 0)
    return NULL;

  latest = g_list_model_get_item (G_LIST_MODEL (self->elections), n_elections - 1);
  return latest;
}

/**
 * tally_catalog_load_results:
 * @election: an election of this catalogue
 *
 * Returns: (transfer full) (nullable): a #TallyCouncilResult for each
 *   council that held an election on that day, by council name
 */
GListModel *
tally_catalog_load_results (TallyCatalog   *self,
                            TallyElection  *election,
                            GError        **error)
{
  g_autoptr(GListStore) results = NULL;
  g_autoptr(GHashTable) by_council = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (TALLY_IS_CATALOG (self), NULL);
  g_return_val_if_fail (TALLY_IS_ELECTION (election), NULL);

  results = g_list_store_new (TALLY_TYPE_COUNCIL_RESULT);
  by_council = g_hash_table_new (NULL, NULL);  /* TallyCouncil* → TallyCouncilResult* */

  stmt = _tally_database_prepare (self->database,
                                  "SELECT ce.council_id, ce.seats_up FROM council_elections ce "
                                  "JOIN councils c ON c.id = ce.council_id "
                                  "WHERE ce.election_id = ? ORDER BY c.name COLLATE NOCASE",
                                  error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, tally_election_get_id (election));
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 council_id = sqlite3_column_int64 (stmt, 0);
      TallyCouncil *council = g_hash_table_lookup (self->council_by_id, &council_id);
      g_autoptr(TallyCouncilResult) result = NULL;

      g_assert (council != NULL);
      if (!_tally_results_data_check_value (self->database, stmt, 1, "council_elections", "seats_up", error))
        return NULL;
      result = tally_council_result_new (council, election, sqlite3_column_int (stmt, 1));
      g_list_store_append (results, result);
      g_hash_table_insert (by_council, council, result);
    }
  if (step_failed (self, rc, error))
    return NULL;

  g_clear_pointer (&stmt, sqlite3_finalize);
  stmt = _tally_database_prepare (self->database,
                                  "SELECT council_id, stage, party_id, seats FROM compositions "
                                  "WHERE election_id = ?",
                                  error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, tally_election_get_id (election));
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 council_id = sqlite3_column_int64 (stmt, 0);
      gint64 party_id = sqlite3_column_int64 (stmt, 2);
      TallyParty *party = g_hash_table_lookup (self->party_by_id, &party_id);
      TallyCouncil *council = g_hash_table_lookup (self->council_by_id, &council_id);
      TallyCouncilResult *result;
      TallyStage stage;

      if (!_tally_results_data_check_value (self->database, stmt, 3, "compositions", "seats", error))
        return NULL;

      /* A composition for a council that held no election that day has no
       * row to belong to; the schema's foreign keys keep party ids sound. */
      if (council == NULL || party == NULL ||
          !(result = g_hash_table_lookup (by_council, council)))
        continue;

      stage = g_str_equal (column_text (stmt, 1), "before") ? TALLY_STAGE_BEFORE : TALLY_STAGE_AFTER;
      tally_council_result_add_composition (result, stage, party, sqlite3_column_int (stmt, 3));
    }
  if (step_failed (self, rc, error))
    return NULL;

  return G_LIST_MODEL (g_steal_pointer (&results));
}
