/* tally-import-compositions.c: what an import writes of a council besides
 * its totals: compositions (seats per party before and after an election),
 * which replace what the database said, with a warning when they differ,
 * and notional baselines (the seats each party would have won at the
 * previous comparable election on new wards), which replace the one the
 * database held; and what the notional reader asks of the store.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "tally-import-store-private.h"

static gint
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

static char *
describe_composition (TallyImportStore *self,
                      GHashTable       *seats)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
  GHashTableIter iter;
  gpointer id, count;

  g_hash_table_iter_init (&iter, seats);
  while (g_hash_table_iter_next (&iter, &id, &count))
    g_ptr_array_add (parts, g_strdup_printf ("%s %u",
                                             (const char *) g_hash_table_lookup (self->party_keys, id),
                                             GPOINTER_TO_UINT (count)));

  g_ptr_array_sort (parts, compare_strings);
  g_ptr_array_add (parts, NULL);
  return parts->len > 1 ? g_strjoinv (", ", (char **) parts->pdata) : g_strdup (_("nothing"));
}

/**
 * _tally_import_store_set_composition:
 * @party_ids: parties, one entry each (repeats are added up)
 * @seats: their seats; parties with none are not stored
 *
 * Replaces one council's composition at one stage of an election, and warns
 * when that changes what the database said.
 */
gboolean
_tally_import_store_set_composition (TallyImportStore  *self,
                                     gint64             election_id,
                                     gint64             council_id,
                                     TallyImportStage   stage,
                                     const gint64      *party_ids,
                                     const guint       *seats,
                                     guint              n_parties,
                                     GError           **error)
{
  const char *stage_name = stage == TALLY_IMPORT_STAGE_BEFORE ? "before" : "after";
  g_autoptr(GHashTable) old_seats = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  g_autoptr(GHashTable) new_seats = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *old_text = NULL;
  g_autofree char *new_text = NULL;
  GHashTableIter iter;
  gpointer id, count;
  int rc;

  g_assert (self != NULL);

  for (guint i = 0; i < n_parties; i++)
    {
      guint sum = GPOINTER_TO_UINT (g_hash_table_lookup (new_seats, &party_ids[i])) + seats[i];

      if (sum > 0)
        g_hash_table_replace (new_seats, id_new (party_ids[i]), GUINT_TO_POINTER (sum));
    }

  if (!(stmt = _tally_database_prepare (self->database,
                                        "SELECT party_id, seats FROM compositions "
                                        "WHERE election_id = ?1 AND council_id = ?2 AND stage = ?3",
                                        error)))
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, election_id);
  sqlite3_bind_int64 (stmt, 2, council_id);
  sqlite3_bind_text (stmt, 3, stage_name, -1, SQLITE_STATIC);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_hash_table_insert (old_seats, id_new (sqlite3_column_int64 (stmt, 0)),
                         GUINT_TO_POINTER (sqlite3_column_int (stmt, 1)));
  if (rc != SQLITE_DONE)
    {
      _tally_database_set_error (self->database, error, _("reading compositions"));
      return FALSE;
    }

  old_text = describe_composition (self, old_seats);
  new_text = describe_composition (self, new_seats);
  if (g_hash_table_size (old_seats) > 0 && !g_str_equal (old_text, new_text))
    {
      g_autoptr(GArray) dates = NULL;
      const char *date = NULL;
      GHashTableIter elections;
      gpointer key, value;

      g_hash_table_iter_init (&elections, self->elections);
      while (g_hash_table_iter_next (&elections, &key, &value))
        if (id_get (value) == election_id)
          date = key;

      _tally_import_summary_warn (self->summary,
                                  stage == TALLY_IMPORT_STAGE_BEFORE
                                  ? _("%s: %s before the election of %s: %s replaces %s")
                                  : _("%s: %s after the election of %s: %s replaces %s"),
                                  tally_csv_reader_get_display_name (self->reader),
                                  (const char *) g_hash_table_lookup (self->council_names, &council_id),
                                  date, new_text, old_text);
    }

  g_clear_pointer (&stmt, sqlite3_finalize);
  if (!(stmt = _tally_database_prepare (self->database,
                                        "DELETE FROM compositions "
                                        "WHERE election_id = ?1 AND council_id = ?2 AND stage = ?3",
                                        error)))
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, election_id);
  sqlite3_bind_int64 (stmt, 2, council_id);
  sqlite3_bind_text (stmt, 3, stage_name, -1, SQLITE_STATIC);
  if (!step_done (self, stmt, N_("replacing a composition"), error))
    return FALSE;

  g_clear_pointer (&stmt, sqlite3_finalize);
  if (!(stmt = _tally_database_prepare (self->database,
                                        "INSERT INTO compositions (election_id, council_id, stage, party_id, seats) "
                                        "VALUES (?1, ?2, ?3, ?4, ?5)",
                                        error)))
    return FALSE;

  g_hash_table_iter_init (&iter, new_seats);
  while (g_hash_table_iter_next (&iter, &id, &count))
    {
      sqlite3_bind_int64 (stmt, 1, election_id);
      sqlite3_bind_int64 (stmt, 2, council_id);
      sqlite3_bind_text (stmt, 3, stage_name, -1, SQLITE_STATIC);
      sqlite3_bind_int64 (stmt, 4, id_get (id));
      sqlite3_bind_int (stmt, 5, GPOINTER_TO_UINT (count));
      if (!step_done (self, stmt, N_("writing a composition"), error))
        return FALSE;
      self->summary->compositions++;
    }

  _tally_import_store_touch_council (self, council_id);
  return TRUE;
}

/**
 * _tally_import_store_get_seats_won:
 * @seats_won: (out): the seats filled at @council_id's election, all parties
 *   together, or -1 when the database has no result for it there
 *
 * What a notional baseline is checked against: the seats of the same
 * election it measures change for.
 */
gboolean
_tally_import_store_get_seats_won (TallyImportStore  *self,
                                   gint64             election_id,
                                   gint64             council_id,
                                   gint64            *seats_won,
                                   GError           **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  g_assert (self != NULL);

  if (!(stmt = _tally_database_prepare (self->database,
                                        "SELECT (SELECT count(*) FROM council_elections "
                                        "        WHERE election_id = ?1 AND council_id = ?2), "
                                        "       (SELECT total (seats_won) FROM council_results "
                                        "        WHERE election_id = ?1 AND council_id = ?2)",
                                        error)))
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, election_id);
  sqlite3_bind_int64 (stmt, 2, council_id);
  if ((rc = sqlite3_step (stmt)) != SQLITE_ROW)
    {
      _tally_database_set_error (self->database, error, _("reading council results"));
      return FALSE;
    }

  *seats_won = sqlite3_column_int (stmt, 0) > 0 ? sqlite3_column_int64 (stmt, 1) : -1;
  return TRUE;
}

/**
 * _tally_import_store_set_notional:
 * @baseline: the previous comparable election, "2014"
 * @votes: each party's notional votes, -1 where not known
 * @source: (nullable): where the figures come from
 *
 * Replaces @council_id's notional baseline for @election_id (a bundled one,
 * or one imported before) with these figures.
 */
gboolean
_tally_import_store_set_notional (TallyImportStore  *self,
                                  gint64             election_id,
                                  gint64             council_id,
                                  const char        *baseline,
                                  const gint64      *party_ids,
                                  const guint       *seats,
                                  const gint64      *votes,
                                  guint              n_parties,
                                  const char        *source,
                                  GError           **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_assert (self != NULL);

  if (!(stmt = _tally_database_prepare (self->database,
                                        "DELETE FROM notional_baselines WHERE election_id = ?1 AND council_id = ?2",
                                        error)))
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, election_id);
  sqlite3_bind_int64 (stmt, 2, council_id);
  if (!step_done (self, stmt, N_("replacing a notional baseline"), error))
    return FALSE;

  if (sqlite3_changes (_tally_database_get_handle (self->database)) > 0)
    _tally_import_summary_warn (self->summary, _("%s: %s’s notional baseline replaces the one the database held"),
                                tally_csv_reader_get_display_name (self->reader),
                                (const char *) g_hash_table_lookup (self->council_names, &council_id));

  g_clear_pointer (&stmt, sqlite3_finalize);
  if (!(stmt = _tally_database_prepare (self->database,
                                        "INSERT INTO notional_baselines "
                                        "(election_id, council_id, party_id, baseline, seats, votes, source) "
                                        "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
                                        error)))
    return FALSE;

  for (guint i = 0; i < n_parties; i++)
    {
      sqlite3_bind_int64 (stmt, 1, election_id);
      sqlite3_bind_int64 (stmt, 2, council_id);
      sqlite3_bind_int64 (stmt, 3, party_ids[i]);
      sqlite3_bind_text (stmt, 4, baseline, -1, SQLITE_STATIC);
      sqlite3_bind_int (stmt, 5, seats[i]);
      if (votes[i] >= 0)
        sqlite3_bind_int64 (stmt, 6, votes[i]);
      else
        sqlite3_bind_null (stmt, 6);
      sqlite3_bind_text (stmt, 7, source, -1, SQLITE_STATIC);
      if (!step_done (self, stmt, N_("writing a notional baseline"), error))
        return FALSE;
    }

  self->summary->notional++;
  _tally_import_store_touch_council (self, council_id);
  return TRUE;
}

/* The id of the election on @date, or 0: unlike
 * _tally_import_store_find_election(), adds none. */
gint64
_tally_import_store_lookup_election (TallyImportStore *self,
                                     const char       *date)
{
  return id_get (g_hash_table_lookup (self->elections, date));
}

/* The council's name as the database spells it. */
const char *
_tally_import_store_get_council_name (TallyImportStore *self,
                                      gint64            council_id)
{
  return g_hash_table_lookup (self->council_names, &council_id);
}
