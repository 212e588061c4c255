/* tally-import-totals.c: council totals and compositions from an import.
 *
 * Council totals (council_elections, council_results) are written for each
 * council and election an import gives, as soon as the import moves past
 * it (results files list a council's rows together): summed as its rows go
 * in when the import replaced every contest the database held of that
 * council that day (none, for a fresh import), otherwise from the database.
 * A council the file comes back to after another is summed again from the
 * database, so its totals count both parts.  An import holds one council's
 * totals at a time: its memory does not grow with its file.  Compositions
 * (seats per party before and after an election) replace what the database
 * said, with a warning when they differ; so do notional baselines (the
 * seats each party would have won at the previous comparable election on
 * new wards): tally-import-compositions.c.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "tally-import-figures-private.h"
#include "tally-import-store-private.h"

/* What the database held of this council at this election before the
 * import: how many contests, and their electorate and ballots. */
static gboolean
count_contests_before (TallyImportStore  *self,
                       CouncilElection   *pair,
                       GError           **error)
{
  sqlite3_stmt *stmt;

  pair->before = 0;
  pair->before_electorate = pair->before_ballots = -1;
  if (!g_hash_table_contains (self->contested, &pair->council_id))
    return TRUE;

  if (self->count_contests == NULL &&
      !(self->count_contests =
          _tally_database_prepare (self->database,
                                   "SELECT count (*), "
                                   "  CASE WHEN count (ct.electorate) = count (*) THEN sum (ct.electorate) END, "
                                   "  CASE WHEN count (ct.ballots) = count (*) THEN sum (ct.ballots) END "
                                   "FROM wards w CROSS JOIN contests ct "
                                   "ON ct.election_id = ?1 AND ct.ward_id = w.id "
                                   "WHERE w.council_id = ?2",
                                   error)))
    return FALSE;

  stmt = self->count_contests;
  sqlite3_bind_int64 (stmt, 1, pair->election_id);
  sqlite3_bind_int64 (stmt, 2, pair->council_id);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      sqlite3_reset (stmt);
      _tally_database_set_error (self->database, error, _("reading contests"));
      return FALSE;
    }

  pair->before = sqlite3_column_int (stmt, 0);
  if (sqlite3_column_type (stmt, 1) != SQLITE_NULL)
    pair->before_electorate = sqlite3_column_int64 (stmt, 1);
  if (sqlite3_column_type (stmt, 2) != SQLITE_NULL)
    pair->before_ballots = sqlite3_column_int64 (stmt, 2);
  sqlite3_reset (stmt);
  return TRUE;
}

/* Whether the sums of @pair's rows as they went in are its totals: every
 * contest it had before the import was replaced, once each, by rows summed
 * here. */
static gboolean
summed_as_read (const CouncilElection *pair)
{
  return !pair->again && !pair->stale && pair->replaced == pair->before;
}

void
_tally_import_store_touch_council (TallyImportStore *self,
                                   gint64            council_id)
{
  if (!g_hash_table_contains (self->councils_touched, &council_id))
    g_hash_table_add (self->councils_touched, id_new (council_id));
}

/* The ids of Conservative, Labour and Liberal Democrats, for the
 * three-party ward polls (tally-import-figures.c), once per import. */
static gboolean
find_three_parties (TallyImportStore  *self,
                    GError           **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  if (self->three_known)
    return TRUE;

  if (!(stmt = _tally_database_prepare (self->database,
                                        "SELECT (SELECT id FROM parties WHERE key = 'CON'), "
                                        "(SELECT id FROM parties WHERE key = 'LAB'), "
                                        "(SELECT id FROM parties WHERE key = 'LD')",
                                        error)))
    return FALSE;
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      _tally_database_set_error (self->database, error, _("reading parties"));
      return FALSE;
    }

  for (guint i = 0; i < G_N_ELEMENTS (self->three_parties); i++)
    self->three_parties[i] = sqlite3_column_int64 (stmt, (int) i);
  self->three_known = TRUE;
  return TRUE;
}

/* The contest just read: each party's best candidate in it is added to
 * its top-vote sums, and to the three-party sums when CON, LAB and LD all
 * had a candidate (as tally-import-figures.c sums them from the database). */
static void
close_contest (CouncilElection *pair)
{
  gboolean all = TRUE;

  for (guint k = 0; k < 3; k++)
    {
      gboolean stood = FALSE;

      for (guint i = 0; i < pair->parties->len; i++)
        {
          PartyTotal *total = &g_array_index (pair->parties, PartyTotal, i);

          stood |= pair->three[k] != 0 && total->party_id == pair->three[k] && total->best >= 0;
        }
      all &= stood;
    }
  if (all)
    pair->three_polls++;

  for (guint i = 0; i < pair->parties->len; i++)
    {
      PartyTotal *total = &g_array_index (pair->parties, PartyTotal, i);

      if (total->best < 0)
        continue;
      total->top_votes += total->best;
      if (all)
        total->three_votes += total->best;
      total->best = -1;
    }
  pair->contest_id = 0;
}

void
_tally_import_store_add_to_totals (Contest  *contest,
                                   gint64    party_id,
                                   gboolean  elected,
                                   gint64    votes)
{
  CouncilElection *pair = contest->council_election;
  PartyTotal *total = NULL;

  /* A contest's rows come together; one that comes back after another
   * contest of the council is summed from the database instead. */
  if (contest->id != pair->contest_id)
    {
      gint64 previous = pair->contest_id;

      if (previous != 0)
        close_contest (pair);
      pair->revisited |= contest->id < previous;
      pair->contest_id = contest->id;
      pair->contests++;
    }

  for (guint i = 0; i < pair->parties->len; i++)
    {
      PartyTotal *candidate = &g_array_index (pair->parties, PartyTotal, i);

      if (candidate->party_id == party_id)
        {
          total = candidate;
          break;
        }
    }

  if (total == NULL)
    {
      PartyTotal empty = { party_id, 0, 0, -1, 0, 0 };

      g_array_append_val (pair->parties, empty);
      total = &g_array_index (pair->parties, PartyTotal, pair->parties->len - 1);
    }

  total->seats_won += elected ? 1 : 0;
  total->votes += votes;
  total->best = MAX (total->best, votes);
}

/* Whether what tally-import-figures.c keeps is summed here as the rows went
 * in: when the totals are (summed_as_read()) and each contest's rows came
 * in one run; otherwise it is summed from the database. */
static gboolean
figures_as_read (const CouncilElection *pair)
{
  return summed_as_read (pair) && !pair->revisited;
}

/* The council's figures, as the rows went in (figures_as_read()), into
 * ?5 to ?8 of its council_elections row; NULL otherwise, summed from the
 * database after (tally-import-figures.c).  A contest new to the database
 * has no electorate or ballots. */
static void
bind_council_figures (sqlite3_stmt          *stmt,
                      const CouncilElection *pair,
                      gboolean               as_read)
{
  gboolean added = pair->contests > pair->replaced;

  for (int i = 5; i <= 8; i++)
    sqlite3_bind_null (stmt, i);
  if (!as_read)
    return;

  sqlite3_bind_int64 (stmt, 5, pair->contests);
  if (!added && pair->before_electorate >= 0)
    sqlite3_bind_int64 (stmt, 6, pair->before_electorate);
  if (!added && pair->before_ballots >= 0)
    sqlite3_bind_int64 (stmt, 7, pair->before_ballots);
  sqlite3_bind_int64 (stmt, 8, pair->three_polls);
}

static gint
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

/* A council's results are written up to RESULT_BATCH parties to an INSERT:
 * one row per INSERT cost as much as the candidates' batches of 64. */
#define RESULT_BATCH 16

typedef struct
{
  sqlite3_stmt *held;
  sqlite3_stmt *seats_up;
  sqlite3_stmt *totals;
  sqlite3_stmt *clear;
  sqlite3_stmt *results;
  sqlite3_stmt *votes;
  sqlite3_stmt *write_totals;
  sqlite3_stmt *write_results[RESULT_BATCH + 1];  /* [n]: n parties' rows, prepared when first needed */
} TotalStatements;

static void
total_statements_clear (TotalStatements *statements)
{
  g_clear_pointer (&statements->held, sqlite3_finalize);
  g_clear_pointer (&statements->seats_up, sqlite3_finalize);
  g_clear_pointer (&statements->totals, sqlite3_finalize);
  g_clear_pointer (&statements->clear, sqlite3_finalize);
  g_clear_pointer (&statements->results, sqlite3_finalize);
  g_clear_pointer (&statements->votes, sqlite3_finalize);
  g_clear_pointer (&statements->write_totals, sqlite3_finalize);
  for (guint i = 0; i < G_N_ELEMENTS (statements->write_results); i++)
    g_clear_pointer (&statements->write_results[i], sqlite3_finalize);
}

static gboolean
prepare_total_statements (TallyImportStore  *self,
                          TotalStatements   *statements,
                          GError           **error)
{
  /* Each query walks from the council's wards to their contests: CROSS JOIN
   * keeps SQLite from starting at the election's contests instead, which
   * costs a scan of every contest that day for each council. */
  return
    (statements->held =
       _tally_database_prepare (self->database,
                                "SELECT EXISTS (SELECT 1 FROM wards w CROSS JOIN contests ct "
                                "               ON ct.election_id = ?1 AND ct.ward_id = w.id "
                                "               WHERE w.council_id = ?2 AND ct.by_election = 0)",
                                error)) &&
    (statements->seats_up =
       _tally_database_prepare (self->database,
                                "SELECT coalesce (sum (ct.seats), 0) "
                                "FROM wards w CROSS JOIN contests ct "
                                "ON ct.election_id = ?1 AND ct.ward_id = w.id "
                                "WHERE w.council_id = ?2",
                                error)) &&
    (statements->totals =
       _tally_database_prepare (self->database,
                                "INSERT INTO council_elections (election_id, council_id, seats_up) "
                                "SELECT ?1, ?2, coalesce (sum (ct.seats), 0) "
                                "FROM wards w CROSS JOIN contests ct "
                                "ON ct.election_id = ?1 AND ct.ward_id = w.id "
                                "WHERE w.council_id = ?2 "
                                "ON CONFLICT (election_id, council_id) DO UPDATE "
                                "SET seats_up = excluded.seats_up",
                                error)) &&
    (statements->clear =
       _tally_database_prepare (self->database,
                                "DELETE FROM council_results WHERE election_id = ?1 AND council_id = ?2",
                                error)) &&
    (statements->results =
       _tally_database_prepare (self->database,
                                "INSERT INTO council_results (election_id, council_id, party_id, seats_won, votes) "
                                "SELECT ?1, ?2, cd.party_id, sum (cd.elected), sum (cd.votes) "
                                "FROM wards w CROSS JOIN contests ct "
                                "ON ct.election_id = ?1 AND ct.ward_id = w.id "
                                "CROSS JOIN candidates cd ON cd.contest_id = ct.id "
                                "WHERE w.council_id = ?2 "
                                "GROUP BY cd.party_id",
                                error)) &&
    (statements->votes =
       _tally_database_prepare (self->database,
                                "UPDATE council_elections SET votes_total = "
                                "(SELECT sum (votes) FROM council_results "
                                " WHERE election_id = ?1 AND council_id = ?2) "
                                "WHERE election_id = ?1 AND council_id = ?2",
                                error)) &&
    (statements->write_totals =
       _tally_database_prepare (self->database,
                                tally_database_get_schema_version (self->database) >= 5
                                ? "INSERT INTO council_elections (election_id, council_id, seats_up, votes_total, "
                                  "contests, electorate, ballots, three_party_polls) "
                                  "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8) "
                                  "ON CONFLICT (election_id, council_id) DO UPDATE "
                                  "SET seats_up = excluded.seats_up, votes_total = excluded.votes_total, "
                                  "contests = excluded.contests, electorate = excluded.electorate, "
                                  "ballots = excluded.ballots, three_party_polls = excluded.three_party_polls"
                                : "INSERT INTO council_elections (election_id, council_id, seats_up, votes_total) "
                                  "VALUES (?1, ?2, ?3, ?4) "
                                  "ON CONFLICT (election_id, council_id) DO UPDATE "
                                  "SET seats_up = excluded.seats_up, votes_total = excluded.votes_total",
                                error));
}

/* The INSERT of @n parties' council_results rows, 7 values each (5 before
 * schema 5). */
static sqlite3_stmt *
get_write_results (TallyImportStore  *self,
                   TotalStatements   *statements,
                   guint              n,
                   GError           **error)
{
  gboolean figures = tally_database_get_schema_version (self->database) >= 5;
  guint columns = figures ? 7 : 5;
  g_autoptr(GString) sql = NULL;

  g_assert (n >= 1 && n <= RESULT_BATCH);
  if (statements->write_results[n] != NULL)
    return statements->write_results[n];

  sql = g_string_new (figures ? "INSERT INTO council_results "
                                "(election_id, council_id, party_id, seats_won, votes, top_votes, three_votes) VALUES "
                              : "INSERT INTO council_results (election_id, council_id, party_id, seats_won, votes) "
                                "VALUES ");
  for (guint i = 0; i < n; i++)
    {
      g_string_append (sql, i > 0 ? ", (" : "(");
      for (guint j = 1; j <= columns; j++)
        g_string_append_printf (sql, "%s?%u", j > 1 ? ", " : "", i * columns + j);
      g_string_append_c (sql, ')');
    }

  return statements->write_results[n] = _tally_database_prepare (self->database, sql->str, error);
}

static gboolean
run_for_council_election (TallyImportStore  *self,
                          sqlite3_stmt      *stmt,
                          CouncilElection   *pair,
                          GError           **error)
{
  sqlite3_bind_int64 (stmt, 1, pair->election_id);
  sqlite3_bind_int64 (stmt, 2, pair->council_id);
  return step_done (self, stmt, N_("totalling councils"), error);
}

/* Every contest of the council that day came in with this import: its
 * totals are the ones summed as the rows went in, and with @figures (schema
 * 5) so are each party's top-vote sums, when figures_as_read(). */
static gboolean
write_totals_from_import (TallyImportStore  *self,
                          TotalStatements   *statements,
                          CouncilElection   *pair,
                          gboolean           figures,
                          GError           **error)
{
  gboolean party_figures = figures && figures_as_read (pair);
  gint64 votes_total = 0;

  for (guint i = 0; i < pair->parties->len; i++)
    votes_total += g_array_index (pair->parties, PartyTotal, i).votes;

  sqlite3_bind_int64 (statements->write_totals, 1, pair->election_id);
  sqlite3_bind_int64 (statements->write_totals, 2, pair->council_id);
  sqlite3_bind_int64 (statements->write_totals, 3, pair->seats_up);
  sqlite3_bind_int64 (statements->write_totals, 4, votes_total);
  if (figures)
    bind_council_figures (statements->write_totals, pair, party_figures);
  if (!step_done (self, statements->write_totals, N_("totalling councils"), error))
    return FALSE;

  /* Results are only held where totals were: none to clear for a council
   * that had neither totals nor contests that day. */
  if ((pair->before > 0 || pair->held_seats > 0) &&
      !run_for_council_election (self, statements->clear, pair, error))
    return FALSE;

  for (guint first = 0; first < pair->parties->len; first += RESULT_BATCH)
    {
      guint n = MIN (RESULT_BATCH, pair->parties->len - first);
      int columns = figures ? 7 : 5;
      sqlite3_stmt *stmt;

      if (!(stmt = get_write_results (self, statements, n, error)))
        return FALSE;

      for (guint i = 0; i < n; i++)
        {
          PartyTotal *total = &g_array_index (pair->parties, PartyTotal, first + i);
          int at = (int) i * columns;

          sqlite3_bind_int64 (stmt, at + 1, pair->election_id);
          sqlite3_bind_int64 (stmt, at + 2, pair->council_id);
          sqlite3_bind_int64 (stmt, at + 3, total->party_id);
          sqlite3_bind_int64 (stmt, at + 4, total->seats_won);
          sqlite3_bind_int64 (stmt, at + 5, total->votes);
          if (party_figures)
            {
              sqlite3_bind_int64 (stmt, at + 6, total->top_votes);
              sqlite3_bind_int64 (stmt, at + 7, total->three_votes);
            }
          else if (figures)
            {
              sqlite3_bind_null (stmt, at + 6);
              sqlite3_bind_null (stmt, at + 7);
            }
        }
      if (!step_done (self, stmt, N_("totalling councils"), error))
        return FALSE;
    }

  return TRUE;
}

static gboolean
write_totals_from_database (TallyImportStore  *self,
                            TotalStatements   *statements,
                            CouncilElection   *pair,
                            GError           **error)
{
  return run_for_council_election (self, statements->totals, pair, error) &&
         run_for_council_election (self, statements->clear, pair, error) &&
         run_for_council_election (self, statements->results, pair, error) &&
         run_for_council_election (self, statements->votes, pair, error);
}

static gboolean
query_for_council_election (TallyImportStore  *self,
                            sqlite3_stmt      *stmt,
                            CouncilElection   *pair,
                            gint64            *value,
                            GError           **error)
{
  sqlite3_bind_int64 (stmt, 1, pair->election_id);
  sqlite3_bind_int64 (stmt, 2, pair->council_id);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      sqlite3_reset (stmt);
      _tally_database_set_error (self->database, error, _("totalling councils"));
      return FALSE;
    }

  *value = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  return TRUE;
}

struct _TallyImportTotals
{
  TotalStatements     statements;
  TallyImportFigures *figures;       /* schema 5 */
  sqlite3_stmt       *before;        /* what the database and temp.import_totalled say of a council */
  sqlite3_stmt       *mark_written;
  sqlite3_stmt       *mark_recount;
  GHashTable         *kept;          /* "election:council" → "Name (seats of seats)": totals kept */
};

void
_tally_import_totals_free (TallyImportTotals *totals)
{
  if (totals == NULL)
    return;

  total_statements_clear (&totals->statements);
  g_clear_pointer (&totals->figures, _tally_import_figures_free);
  g_clear_pointer (&totals->before, sqlite3_finalize);
  g_clear_pointer (&totals->mark_written, sqlite3_finalize);
  g_clear_pointer (&totals->mark_recount, sqlite3_finalize);
  g_clear_pointer (&totals->kept, g_hash_table_unref);
  g_free (totals);
}

void
_tally_import_council_election_free (CouncilElection *pair)
{
  if (pair == NULL)
    return;

  g_array_unref (pair->parties);
  g_free (pair);
}

/* Made with the first council an import totals.  The councils it has
 * moved past are noted in temp.import_totalled, in SQLite rather than in
 * memory: with what the database held of each before the import (its
 * seats up, + 1; 0 for no totals), whether any of its contests was not a
 * by-election, and whether the file came back to it, so that it is summed
 * again from the database once, at the end. */
static TallyImportTotals *
get_totals (TallyImportStore  *self,
            GError           **error)
{
  TallyImportTotals *totals;

  if (self->totals != NULL)
    return self->totals;

  totals = self->totals = g_new0 (TallyImportTotals, 1);
  totals->kept = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  if (!prepare_total_statements (self, &totals->statements, error) ||
      !_tally_database_exec (self->database,
                             "CREATE TEMP TABLE IF NOT EXISTS import_totalled "
                             "(election_id INTEGER NOT NULL, council_id INTEGER NOT NULL, "
                             "held_seats INTEGER NOT NULL, scheduled INTEGER NOT NULL, "
                             "recount INTEGER NOT NULL DEFAULT 0, "
                             "PRIMARY KEY (election_id, council_id)) WITHOUT ROWID; "
                             "DELETE FROM temp.import_totalled",
                             error) ||
      !(totals->before =
          _tally_database_prepare (self->database,
                                   "SELECT (SELECT seats_up FROM main.council_elections "
                                   "        WHERE election_id = ?1 AND council_id = ?2), "
                                   "       (SELECT held_seats FROM temp.import_totalled "
                                   "        WHERE election_id = ?1 AND council_id = ?2)",
                                   error)) ||
      !(totals->mark_written =
          _tally_database_prepare (self->database,
                                   "INSERT INTO temp.import_totalled (election_id, council_id, held_seats, scheduled) "
                                   "VALUES (?1, ?2, ?3, ?4)",
                                   error)) ||
      !(totals->mark_recount =
          _tally_database_prepare (self->database,
                                   "UPDATE temp.import_totalled SET recount = 1, scheduled = scheduled OR ?3 "
                                   "WHERE election_id = ?1 AND council_id = ?2",
                                   error)))
    return NULL;

  /* Schema 5 keeps what the engine would otherwise read candidates for. */
  if (tally_database_get_schema_version (self->database) >= 5 &&
      !(totals->figures = _tally_import_figures_new (self->database, error)))
    return NULL;

  return totals;
}

/* What the database held of @pair's council's totals that day before the
 * import, and whether the import has been past it already (the file has
 * come back to it). */
static gboolean
read_before (TallyImportStore   *self,
             TallyImportTotals  *totals,
             CouncilElection    *pair,
             GError            **error)
{
  sqlite3_stmt *stmt = totals->before;

  sqlite3_bind_int64 (stmt, 1, pair->election_id);
  sqlite3_bind_int64 (stmt, 2, pair->council_id);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      sqlite3_reset (stmt);
      _tally_database_set_error (self->database, error, _("reading council totals"));
      return FALSE;
    }

  pair->again = sqlite3_column_type (stmt, 1) != SQLITE_NULL;
  if (pair->again)
    pair->held_seats = (guint) sqlite3_column_int (stmt, 1);
  else if (sqlite3_column_type (stmt, 0) != SQLITE_NULL)
    pair->held_seats = (guint) sqlite3_column_int (stmt, 0) + 1;
  sqlite3_reset (stmt);
  return TRUE;
}

CouncilElection *
_tally_import_store_touch (TallyImportStore  *self,
                           gint64             election_id,
                           gint64             council_id,
                           GError           **error)
{
  CouncilElection *pair = self->pair;
  TallyImportTotals *totals;

  if (pair != NULL && pair->election_id == election_id && pair->council_id == council_id)
    return pair;

  _tally_import_store_touch_council (self, council_id);
  if (!_tally_import_store_leave_pair (self, error) ||
      !find_three_parties (self, error) ||
      !(totals = get_totals (self, error)))
    return NULL;

  pair = self->pair = g_new0 (CouncilElection, 1);
  pair->three = self->three_parties;
  pair->election_id = election_id;
  pair->council_id = council_id;
  pair->parties = g_array_new (FALSE, FALSE, sizeof (PartyTotal));
  if (!count_contests_before (self, pair, error) ||
      !read_before (self, totals, pair, error))
    return NULL;

  return pair;
}

/* Writes the totals of @pair.  A council whose only contests that day were
 * by-elections did not hold its own election, and gets no totals unless it
 * had them already.  Totals the database has for more seats than its
 * contests now fill (the bundled figures, before one ward is imported) are
 * kept, with a warning: partial candidate data never overwrites complete
 * council figures. */
static gboolean
write_totals (TallyImportStore   *self,
              TallyImportTotals  *totals,
              CouncilElection    *pair,
              GError            **error)
{
  TotalStatements *statements = &totals->statements;
  g_autofree char *key = council_election_key (pair->election_id, pair->council_id);
  guint held_seats = pair->held_seats;
  gint64 holds = pair->scheduled || held_seats > 0;
  gint64 seats_up = pair->seats_up;
  gboolean summed = summed_as_read (pair);

  /* What is summed from the database must be in it first. */
  if (!summed &&
      (!_tally_import_store_flush_contests (self, error) ||
       !_tally_import_store_flush_candidates (self, error)))
    return FALSE;

  /* An earlier import may have brought its scheduled contests. */
  if (!holds && !summed &&
      !query_for_council_election (self, statements->held, pair, &holds, error))
    return FALSE;

  if (!holds)
    return TRUE;

  if (!summed &&
      !query_for_council_election (self, statements->seats_up, pair, &seats_up, error))
    return FALSE;

  if (held_seats > 0 && seats_up < held_seats - 1)
    {
      g_hash_table_replace (totals->kept, g_steal_pointer (&key),
                            g_strdup_printf ("%s (%" G_GINT64_FORMAT " of %u)",
                                             (const char *) g_hash_table_lookup (self->council_names,
                                                                                 &pair->council_id),
                                             seats_up, held_seats - 1));
      return totals->figures == NULL ||
             _tally_import_figures_forget (totals->figures, pair->election_id, pair->council_id, error);
    }

  /* The part of a council the file came back to may complete it. */
  g_hash_table_remove (totals->kept, key);
  /* Figures summed as the rows went in were written with the totals. */
  return (summed ? write_totals_from_import (self, statements, pair, totals->figures != NULL, error)
                 : write_totals_from_database (self, statements, pair, error)) &&
         (totals->figures == NULL || (summed && figures_as_read (pair)) ||
          _tally_import_figures_write (totals->figures, pair->election_id, pair->council_id, error));
}

/* The import has moved past @pair: its totals are written now, unless the
 * file has come back to a council it had moved past, which is summed again
 * from the database at the end (once, however often the file comes back:
 * summing it each time would cost the council's rows so far each time). */
static gboolean
write_pair (TallyImportStore   *self,
            TallyImportTotals  *totals,
            CouncilElection    *pair,
            GError            **error)
{
  sqlite3_stmt *stmt = pair->again ? totals->mark_recount : totals->mark_written;

  if (pair->contest_id != 0)
    close_contest (pair);

  sqlite3_bind_int64 (stmt, 1, pair->election_id);
  sqlite3_bind_int64 (stmt, 2, pair->council_id);
  if (pair->again)
    sqlite3_bind_int (stmt, 3, pair->scheduled);
  else
    {
      sqlite3_bind_int64 (stmt, 3, pair->held_seats);
      sqlite3_bind_int (stmt, 4, pair->scheduled);
    }
  if (!step_done (self, stmt, N_("totalling councils"), error))
    return FALSE;

  return pair->again || write_totals (self, totals, pair, error);
}

/**
 * _tally_import_store_leave_pair:
 *
 * Writes the totals of the council and election being read, if any, and
 * forgets them: the import has moved past them.
 */
gboolean
_tally_import_store_leave_pair (TallyImportStore  *self,
                                GError           **error)
{
  CouncilElection *pair = g_steal_pointer (&self->pair);
  gboolean ok;

  if (pair == NULL)
    return TRUE;

  ok = write_pair (self, self->totals, pair, error);
  _tally_import_council_election_free (pair);
  return ok;
}

/* The councils the file came back to, summed from the database. */
static gboolean
recount (TallyImportStore  *self,
         GError           **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  if (self->totals == NULL)
    return TRUE;

  if (!(stmt = _tally_database_prepare (self->database,
                                        "SELECT election_id, council_id, held_seats, scheduled "
                                        "FROM temp.import_totalled WHERE recount",
                                        error)))
    return FALSE;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      CouncilElection pair = { 0 };

      pair.election_id = sqlite3_column_int64 (stmt, 0);
      pair.council_id = sqlite3_column_int64 (stmt, 1);
      pair.held_seats = (guint) sqlite3_column_int (stmt, 2);
      pair.scheduled = sqlite3_column_int (stmt, 3) != 0;
      pair.again = TRUE;
      if (!write_totals (self, self->totals, &pair, error))
        return FALSE;
    }
  if (rc != SQLITE_DONE)
    {
      _tally_database_set_error (self->database, error, _("totalling councils"));
      return FALSE;
    }

  return TRUE;
}

/**
 * _tally_import_store_finish:
 *
 * Writes the totals of the last council, rebuilds the indexes a large
 * import left until the end, sums again the councils the files came back
 * to, and warns of council totals kept.
 */
gboolean
_tally_import_store_finish (TallyImportStore  *self,
                            GError           **error)
{
  g_autoptr(GPtrArray) kept = g_ptr_array_new ();

  g_assert (self != NULL);

  if (!_tally_import_store_leave_pair (self, error) ||
      !_tally_import_store_restore_indexes (self, error) ||
      !recount (self, error))
    return FALSE;

  if (self->totals != NULL)
    {
      GHashTableIter iter;
      gpointer value;

      g_hash_table_iter_init (&iter, self->totals->kept);
      while (g_hash_table_iter_next (&iter, NULL, &value))
        g_ptr_array_add (kept, value);
    }

  if (kept->len > 0)
    {
      g_autofree char *list = NULL;

      g_ptr_array_sort (kept, compare_strings);
      g_ptr_array_add (kept, NULL);
      list = g_strjoinv (", ", (char **) kept->pdata);
      _tally_import_summary_warn (self->summary,
                                  g_dngettext (GETTEXT_PACKAGE,
                                               "Council totals kept for %u council whose imported "
                                               "contests fill fewer seats than its totals count: %s",
                                               "Council totals kept for %u councils whose imported "
                                               "contests fill fewer seats than their totals count: %s",
                                               kept->len - 1),
                                  kept->len - 1, list);
    }

  self->summary->councils = g_hash_table_size (self->councils_touched);
  return TRUE;
}
