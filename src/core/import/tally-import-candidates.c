/* tally-import-candidates.c: one candidate's row at a time, into the store.
 *
 * Speed (the budget is sqlite3's own .import of the same file): a row of
 * the same contest as the one before needs no lookup at all; candidates are
 * written BATCH_ROWS rows to an INSERT, their text kept in one buffer until
 * then; and every figure the council totals need is summed as the row
 * passes (tally-import-totals.c).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "tally-import-store-private.h"
#include "tally-format.h"

/* Contests whose elected flags disagree with their votes are named one by
 * one up to this many in a file, and the rest counted. */
#define MAX_ELECTED_BELOW_NAMED 20

static gboolean
same_contest_as_last (TallyImportStore           *self,
                      const TallyImportCandidate *row)
{
  return (self->last_contest != NULL || self->last_unmatched != NULL) &&
         g_strcmp0 (row->ward_name, self->last_ward_name) == 0 &&
         g_strcmp0 (row->ballot, self->last_ballot) == 0 &&
         g_strcmp0 (row->council_name, self->last_council_name) == 0 &&
         g_strcmp0 (row->council_code, self->last_council_code) == 0 &&
         g_strcmp0 (row->ward_code, self->last_ward_code) == 0 &&
         g_strcmp0 (row->date, self->last_date) == 0;
}

static void
remember_row (TallyImportStore           *self,
              const TallyImportCandidate *row,
              Contest                    *contest)
{
  set_str (&self->last_date, row->date);
  set_str (&self->last_council_code, row->council_code);
  set_str (&self->last_council_name, row->council_name);
  set_str (&self->last_ward_code, row->ward_code);
  set_str (&self->last_ward_name, row->ward_name);
  set_str (&self->last_ballot, row->ballot);
  self->last_contest = contest;
  if (contest != NULL)
    self->last_unmatched = NULL;
}

/* Keeps the elected candidate with the fewest votes and the unelected one
 * with the most, for _tally_import_store_check_elected(). */
static void
note_elected (TallyImportStore           *self,
              Contest                    *contest,
              const TallyImportCandidate *row)
{
  if (row->votes < 0)
    return;

  if (row->elected && (contest->low_elected < 0 || row->votes < contest->low_elected))
    {
      contest->low_elected = row->votes;
      contest->low_elected_line = tally_csv_reader_get_line (self->reader);
      set_str (&contest->low_elected_name, row->candidate);
    }
  else if (!row->elected && row->votes > contest->high_unelected)
    {
      contest->high_unelected = row->votes;
      contest->high_unelected_line = tally_csv_reader_get_line (self->reader);
      set_str (&contest->high_unelected_name, row->candidate);
    }
}

/**
 * _tally_import_store_check_elected:
 *
 * Warns (the import goes on: the file's flags are what it stores) when
 * @contest has a candidate marked elected with fewer votes than one who is
 * not: the flags or the votes are wrong in the file.  A tie is no warning:
 * lots or a coin decide it.
 */
void
_tally_import_store_check_elected (TallyImportStore *self,
                                   Contest          *contest)
{
  const char *council;
  g_autofree char *low = NULL;
  g_autofree char *high = NULL;

  if (contest->low_elected < 0 || contest->high_unelected <= contest->low_elected)
    return;
  if (++self->elected_below > MAX_ELECTED_BELOW_NAMED)
    return;

  council = g_hash_table_lookup (self->council_names, &contest->council_id);
  low = tally_format_count (contest->low_elected);
  high = tally_format_count (contest->high_unelected);
  _tally_import_summary_warn (self->summary,
                              _("%s, line %u: %s (%s): %s is marked elected with %s votes, "
                                "below %s, not elected, with %s (line %u)"),
                              tally_csv_reader_get_display_name (self->reader),
                              contest->low_elected_line, contest->ward_name,
                              council != NULL ? council : "?", contest->low_elected_name, low,
                              contest->high_unelected_name, high, contest->high_unelected_line);
}

/* At the end of a file: the contests past those named. */
void
_tally_import_store_warn_elected_below (TallyImportStore *self)
{
  guint more;

  if (self->elected_below <= MAX_ELECTED_BELOW_NAMED)
    return;

  more = self->elected_below - MAX_ELECTED_BELOW_NAMED;
  _tally_import_summary_warn (self->summary,
                              g_dngettext (GETTEXT_PACKAGE,
                                           "%s: %u more contest has a candidate marked elected "
                                           "with fewer votes than one who is not",
                                           "%s: %u more contests have a candidate marked elected "
                                           "with fewer votes than one who is not",
                                           more),
                              tally_csv_reader_get_display_name (self->reader), more);
}

gboolean
_tally_import_store_flush_candidates (TallyImportStore  *self,
                                      GError           **error)
{
  const char *text = self->pending_text->str;
  gboolean whole_batch = (self->n_pending == BATCH_ROWS);
  sqlite3_stmt *stmt = whole_batch ? _tally_import_store_batch (self, TALLY_IMPORT_BATCH_CANDIDATES, error)
                                   : self->insert_candidate;

  if (stmt == NULL)
    return FALSE;

  for (guint i = 0; i < self->n_pending; i++)
    {
      PendingCandidate *pending = &self->pending[i];
      int first = whole_batch ? 6 * i : 0;

      sqlite3_bind_int64 (stmt, first + 1, pending->contest_id);
      sqlite3_bind_text (stmt, first + 2, text + pending->name, pending->name_length, SQLITE_STATIC);
      sqlite3_bind_int64 (stmt, first + 3, pending->party_id);
      sqlite3_bind_text (stmt, first + 4, text + pending->party_name, pending->party_name_length, SQLITE_STATIC);
      sqlite3_bind_int64 (stmt, first + 5, pending->votes);
      sqlite3_bind_int (stmt, first + 6, pending->elected);

      if (!whole_batch && !step_done (self, stmt, N_("adding a candidate"), error))
        return FALSE;
    }

  if (whole_batch && !step_done (self, stmt, N_("adding candidates"), error))
    return FALSE;

  self->rows_inserted += self->n_pending;
  self->n_pending = 0;
  g_string_truncate (self->pending_text, 0);
  return _tally_import_store_defer_indexes (self, error);
}

/* @row as a new row, written with the next BATCH_ROWS - 1. */
static gboolean
add_pending (TallyImportStore            *self,
             Contest                     *contest,
             const TallyImportCandidate  *row,
             gint64                       party_id,
             GError                     **error)
{
  PendingCandidate *pending = &self->pending[self->n_pending++];

  pending->contest_id = contest->id;
  pending->party_id = party_id;
  pending->votes = row->votes;
  pending->elected = row->elected ? 1 : 0;
  pending->name = self->pending_text->len;
  pending->name_length = (int) strlen (row->candidate);
  g_string_append_len (self->pending_text, row->candidate, pending->name_length + 1);
  pending->party_name = self->pending_text->len;
  pending->party_name_length = (int) strlen (row->party);
  g_string_append_len (self->pending_text, row->party, pending->party_name_length + 1);

  return self->n_pending < BATCH_ROWS || _tally_import_store_flush_candidates (self, error);
}

/* @row takes the place of the next row of the contest it replaces: written
 * only if it differs. */
static gboolean
take_stored_place (TallyImportStore            *self,
                   Contest                     *contest,
                   const TallyImportCandidate  *row,
                   gint64                       party_id,
                   GError                     **error)
{
  StoredCandidate *stored = &g_array_index (contest->stored, StoredCandidate, contest->n_taken++);
  sqlite3_stmt *stmt = self->update_candidate;
  int elected = row->elected ? 1 : 0;

  if (stored->party_id == party_id && stored->votes == row->votes && stored->elected == elected &&
      g_strcmp0 (stored->name, row->candidate) == 0 && g_strcmp0 (stored->party_name, row->party) == 0)
    return TRUE;

  sqlite3_bind_int64 (stmt, 1, stored->id);
  sqlite3_bind_text (stmt, 2, row->candidate, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 3, party_id);
  sqlite3_bind_text (stmt, 4, row->party, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 5, row->votes);
  sqlite3_bind_int (stmt, 6, elected);
  return step_done (self, stmt, N_("replacing a candidate"), error);
}

/**
 * _tally_import_store_add_candidate:
 *
 * Stores one candidate's row, or counts it as skipped when its council
 * matches nothing.
 *
 * Returns: %FALSE with @error set on a database error
 */
gboolean
_tally_import_store_add_candidate (TallyImportStore            *self,
                                   const TallyImportCandidate  *row,
                                   GError                     **error)
{
  Contest *contest;
  gint64 party_id;

  g_assert (self != NULL);

  if (same_contest_as_last (self, row))
    {
      contest = self->last_contest;
      if (contest == NULL)
        {
          self->last_unmatched->rows++;
          self->summary->rows_skipped++;
          return TRUE;
        }
      contest->seats = MAX (contest->seats, row->seats);
    }
  else
    {
      gint64 council_id, election_id;
      Ward *ward;

      /* Consecutive contests are mostly in one council, on one day. */
      if (self->last_contest != NULL &&
          g_strcmp0 (row->council_name, self->last_council_name) == 0 &&
          g_strcmp0 (row->council_code, self->last_council_code) == 0)
        council_id = self->last_contest->council_id;
      else
        {
          self->last_unmatched = NULL;
          if ((council_id = _tally_import_store_find_council (self, row->council_code,
                                                              row->council_name)) == 0)
            {
              remember_row (self, row, NULL);
              self->summary->rows_skipped++;
              return TRUE;
            }
        }

      if (self->last_contest != NULL && g_strcmp0 (row->date, self->last_date) == 0)
        election_id = self->last_contest->council_election->election_id;
      else if ((election_id = _tally_import_store_find_election (self, row->date, error)) == 0)
        return FALSE;

      if (!(ward = _tally_import_store_find_ward (self, council_id, row->ward_code,
                                                  row->ward_name, error)) ||
          !(contest = _tally_import_store_find_contest (self, election_id, council_id, ward, row, error)))
        return FALSE;

      remember_row (self, row, contest);
    }

  if ((party_id = _tally_import_store_find_party (self, row->party, error)) == 0)
    return FALSE;

  if (!(contest->stored != NULL && contest->n_taken < contest->stored->len
        ? take_stored_place (self, contest, row, party_id, error)
        : add_pending (self, contest, row, party_id, error)))
    return FALSE;

  note_elected (self, contest, row);
  contest->winners += row->elected ? 1 : 0;
  _tally_import_store_add_to_totals (contest, party_id, row->elected, row->votes);
  self->summary->candidates++;
  return TRUE;
}

