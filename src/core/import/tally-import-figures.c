/* tally-import-figures.c: what a council's totals keep of its candidate rows.
 *
 * A council's totals (council_elections, council_results) answer most
 * questions about it; the top-vote method and the national share estimate
 * need more: each party's best candidate in each ward, and the wards where
 * Conservative, Labour and Liberal Democrat candidates all stood.  Written
 * here, after the totals, from the council's contests and candidates as the
 * database holds them, they let the engine read one row per council and
 * party instead of every candidate of the day (tally-results-load.c, which
 * sums candidate rows the same way when a council's totals have none of
 * this).  The number of contests summed is kept with them: the engine uses
 * them only while the council still has that many.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "tally-database-private.h"
#include "tally-import-figures-private.h"

struct _TallyImportFigures
{
  TallyDatabase *database;
  sqlite3_stmt  *contests;
  sqlite3_stmt  *candidates;
  sqlite3_stmt  *write_council;
  sqlite3_stmt  *write_party;
  sqlite3_stmt  *forget;
  gint64         three[3];   /* the ids of CON, LAB and LD; 0 for none */
};

typedef struct
{
  gint64 party_id;
  gint64 best;       /* in the contest being read; -1 for no candidate */
  gint64 top_votes;
  gint64 three_votes;
} PartyFigures;

/* Each query walks from the council's wards to their contests: CROSS JOIN
 * keeps SQLite on that order, as in tally-import-totals.c. */
TallyImportFigures *
_tally_import_figures_new (TallyDatabase  *database,
                           GError        **error)
{
  g_autoptr(TallyImportFigures) self = g_new0 (TallyImportFigures, 1);
  g_autoptr(sqlite3_stmt) keys = NULL;
  int rc;

  self->database = g_object_ref (database);
  if (!(self->contests = _tally_database_prepare (database,
                                                  "SELECT count (*), "
                                                  "  CASE WHEN count (ct.electorate) = count (*) THEN sum (ct.electorate) END, "
                                                  "  CASE WHEN count (ct.ballots) = count (*) THEN sum (ct.ballots) END "
                                                  "FROM wards w CROSS JOIN contests ct "
                                                  "ON ct.election_id = ?1 AND ct.ward_id = w.id WHERE w.council_id = ?2",
                                                  error)) ||
      !(self->candidates = _tally_database_prepare (database,
                                                    "SELECT ct.id, cd.party_id, cd.votes "
                                                    "FROM wards w CROSS JOIN contests ct "
                                                    "ON ct.election_id = ?1 AND ct.ward_id = w.id "
                                                    "CROSS JOIN candidates cd ON cd.contest_id = ct.id "
                                                    "WHERE w.council_id = ?2",
                                                    error)) ||
      !(self->write_council = _tally_database_prepare (database,
                                                       "UPDATE council_elections SET contests = ?3, electorate = ?4, "
                                                       "ballots = ?5, three_party_polls = ?6 "
                                                       "WHERE election_id = ?1 AND council_id = ?2",
                                                       error)) ||
      !(self->write_party = _tally_database_prepare (database,
                                                     "UPDATE council_results SET top_votes = ?4, three_votes = ?5 "
                                                     "WHERE election_id = ?1 AND council_id = ?2 AND party_id = ?3",
                                                     error)) ||
      !(self->forget = _tally_database_prepare (database,
                                                "UPDATE council_elections SET contests = NULL, three_party_polls = NULL "
                                                "WHERE election_id = ?1 AND council_id = ?2",
                                                error)) ||
      !(keys = _tally_database_prepare (database,
                                        "SELECT (SELECT id FROM parties WHERE key = 'CON'), "
                                        "(SELECT id FROM parties WHERE key = 'LAB'), "
                                        "(SELECT id FROM parties WHERE key = 'LD')",
                                        error)))
    return NULL;

  if ((rc = sqlite3_step (keys)) != SQLITE_ROW)
    {
      _tally_database_set_error (database, error, _("totalling councils"));
      return NULL;
    }
  for (guint i = 0; i < G_N_ELEMENTS (self->three); i++)
    self->three[i] = sqlite3_column_int64 (keys, (int) i);

  return g_steal_pointer (&self);
}

static gboolean
fail (TallyImportFigures  *self,
      sqlite3_stmt        *stmt,
      GError             **error)
{
  sqlite3_reset (stmt);
  _tally_database_set_error (self->database, error, _("totalling councils"));
  return FALSE;
}

static void
bind_pair (sqlite3_stmt *stmt,
           gint64        election_id,
           gint64        council_id)
{
  sqlite3_bind_int64 (stmt, 1, election_id);
  sqlite3_bind_int64 (stmt, 2, council_id);
}

static void
bind_or_null (sqlite3_stmt *stmt,
              int           column,
              sqlite3_stmt *from,
              int           from_column)
{
  if (sqlite3_column_type (from, from_column) == SQLITE_NULL)
    sqlite3_bind_null (stmt, column);
  else
    sqlite3_bind_int64 (stmt, column, sqlite3_column_int64 (from, from_column));
}

/* The contest just read: each party's best candidate goes into its sums,
 * and into the three-party sums when all three parties stood. */
static void
close_contest (TallyImportFigures *self,
               GArray             *parties,
               gint64             *three_polls)
{
  gboolean stood[G_N_ELEMENTS (self->three)] = { FALSE };
  gboolean all = TRUE;

  for (guint i = 0; i < parties->len; i++)
    {
      PartyFigures *party = &g_array_index (parties, PartyFigures, i);

      for (guint k = 0; k < G_N_ELEMENTS (self->three); k++)
        stood[k] |= party->best >= 0 && self->three[k] != 0 && party->party_id == self->three[k];
    }
  for (guint k = 0; k < G_N_ELEMENTS (self->three); k++)
    all &= stood[k];
  if (all)
    (*three_polls)++;

  for (guint i = 0; i < parties->len; i++)
    {
      PartyFigures *party = &g_array_index (parties, PartyFigures, i);

      if (party->best < 0)
        continue;
      party->top_votes += party->best;
      if (all)
        party->three_votes += party->best;
      party->best = -1;
    }
}

/**
 * _tally_import_figures_write:
 *
 * Sums @council_id's candidate rows at @election_id into the figures its
 * totals keep: the totals (its council_elections row, its council_results
 * rows) must be written first.
 */
gboolean
_tally_import_figures_write (TallyImportFigures  *self,
                             gint64               election_id,
                             gint64               council_id,
                             GError             **error)
{
  g_autoptr(GArray) parties = g_array_new (FALSE, FALSE, sizeof (PartyFigures));
  gint64 contest = 0, three_polls = 0;
  int rc;

  bind_pair (self->candidates, election_id, council_id);
  while ((rc = sqlite3_step (self->candidates)) == SQLITE_ROW)
    {
      gint64 contest_id = sqlite3_column_int64 (self->candidates, 0);
      gint64 party_id = sqlite3_column_int64 (self->candidates, 1);
      gint64 votes = sqlite3_column_int64 (self->candidates, 2);
      PartyFigures *party = NULL;

      /* A contest's candidates come together: the join walks contest by contest. */
      if (contest_id != contest && contest != 0)
        close_contest (self, parties, &three_polls);
      contest = contest_id;

      for (guint i = 0; i < parties->len && party == NULL; i++)
        if (g_array_index (parties, PartyFigures, i).party_id == party_id)
          party = &g_array_index (parties, PartyFigures, i);
      if (party == NULL)
        {
          PartyFigures empty = { party_id, -1, 0, 0 };

          g_array_append_val (parties, empty);
          party = &g_array_index (parties, PartyFigures, parties->len - 1);
        }
      party->best = MAX (party->best, votes);
    }
  sqlite3_reset (self->candidates);
  if (rc != SQLITE_DONE)
    return fail (self, self->candidates, error);
  if (contest != 0)
    close_contest (self, parties, &three_polls);

  for (guint i = 0; i < parties->len; i++)
    {
      PartyFigures *party = &g_array_index (parties, PartyFigures, i);

      bind_pair (self->write_party, election_id, council_id);
      sqlite3_bind_int64 (self->write_party, 3, party->party_id);
      sqlite3_bind_int64 (self->write_party, 4, party->top_votes);
      sqlite3_bind_int64 (self->write_party, 5, party->three_votes);
      rc = sqlite3_step (self->write_party);
      sqlite3_reset (self->write_party);
      if (rc != SQLITE_DONE)
        return fail (self, self->write_party, error);
    }

  bind_pair (self->contests, election_id, council_id);
  if (sqlite3_step (self->contests) != SQLITE_ROW)
    return fail (self, self->contests, error);
  bind_pair (self->write_council, election_id, council_id);
  sqlite3_bind_int64 (self->write_council, 3, sqlite3_column_int64 (self->contests, 0));
  bind_or_null (self->write_council, 4, self->contests, 1);
  bind_or_null (self->write_council, 5, self->contests, 2);
  sqlite3_bind_int64 (self->write_council, 6, three_polls);
  sqlite3_reset (self->contests);
  rc = sqlite3_step (self->write_council);
  sqlite3_reset (self->write_council);
  if (rc != SQLITE_DONE)
    return fail (self, self->write_council, error);

  return TRUE;
}

/**
 * _tally_import_figures_forget:
 *
 * Marks @council_id's totals at @election_id as not summed from its
 * candidate rows (totals kept from elsewhere): the engine then reads the
 * rows themselves.
 */
gboolean
_tally_import_figures_forget (TallyImportFigures  *self,
                              gint64               election_id,
                              gint64               council_id,
                              GError             **error)
{
  int rc;

  bind_pair (self->forget, election_id, council_id);
  rc = sqlite3_step (self->forget);
  sqlite3_reset (self->forget);
  return rc == SQLITE_DONE || fail (self, self->forget, error);
}

void
_tally_import_figures_free (TallyImportFigures *self)
{
  if (self == NULL)
    return;

  g_clear_pointer (&self->contests, sqlite3_finalize);
  g_clear_pointer (&self->candidates, sqlite3_finalize);
  g_clear_pointer (&self->write_council, sqlite3_finalize);
  g_clear_pointer (&self->write_party, sqlite3_finalize);
  g_clear_pointer (&self->forget, sqlite3_finalize);
  g_clear_object (&self->database);
  g_free (self);
}
