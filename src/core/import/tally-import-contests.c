/* tally-import-contests.c: the contests an import writes.
 *
 * One poll in one ward is a contest.  Its candidates' rows come together, so
 * the store holds one contest at a time (self->current) and finishes it when
 * the next begins: its seats (the file's figure, else the number elected)
 * and declaration time are written, and it is noted in temp.import_contests
 * in case the file comes back to it.  A contest the database held already
 * is replaced: its candidates are deleted and the file's written in their
 * place.  New contests are written BATCH_ROWS to an INSERT, with ids the
 * store hands out itself.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "tally-import-store-private.h"

static void
stored_candidate_clear (StoredCandidate *stored)
{
  g_free (stored->name);
  g_free (stored->party_name);
}

void
_tally_import_contest_free (Contest *contest)
{
  g_clear_pointer (&contest->stored, g_array_unref);
  g_free (contest->ballot);
  g_free (contest->ward_name);
  g_free (contest->low_elected_name);
  g_free (contest->high_unelected_name);
  g_free (contest);
}

gboolean
_tally_import_store_flush_contests (TallyImportStore  *self,
                                    GError           **error)
{
  const char *text = self->pending_contest_text->str;
  gboolean whole_batch = (self->n_pending_contests == BATCH_ROWS);
  sqlite3_stmt *stmt = whole_batch ? _tally_import_store_batch (self, TALLY_IMPORT_BATCH_CONTESTS, error)
                                   : self->insert_contest;

  if (stmt == NULL)
    return FALSE;

  /* Their wards first: whatever reads contests from the database joins
   * them to their wards. */
  if (!_tally_import_store_flush_wards (self, error))
    return FALSE;

  for (guint i = 0; i < self->n_pending_contests; i++)
    {
      PendingContest *pending = &self->pending_contests[i];
      int first = whole_batch ? 6 * i : 0;

      sqlite3_bind_int64 (stmt, first + 1, pending->id);
      sqlite3_bind_int64 (stmt, first + 2, pending->election_id);
      sqlite3_bind_int64 (stmt, first + 3, pending->ward_id);
      sqlite3_bind_text (stmt, first + 4, text + pending->ballot, -1, SQLITE_STATIC);
      sqlite3_bind_int64 (stmt, first + 5, pending->seats);
      sqlite3_bind_int (stmt, first + 6, pending->by_election);

      if (!whole_batch && !step_done (self, stmt, N_("adding a contest"), error))
        return FALSE;
    }

  if (whole_batch && !step_done (self, stmt, N_("adding contests"), error))
    return FALSE;

  self->n_pending_contests = 0;
  g_string_truncate (self->pending_contest_text, 0);
  return TRUE;
}

/* The seats a contest counts for (the file's figure, else the number elected,
 * else one), counting its warnings by @sign: -1 when the file comes back to it. */
static guint
count_seats (TallyImportStore *self,
             guint             seats,
             guint             winners,
             int               sign)
{
  if ((seats = seats > 0 ? seats : winners) == 0)
    {
      self->no_winner += sign;  /* not declared yet, or a file without winners */
      return 1;
    }
  if (winners > seats)
    self->too_many_winners += sign;

  return seats;
}

static PendingContest *
find_pending (TallyImportStore *self,
              gint64            id)
{
  for (guint i = self->n_pending_contests; i > 0; i--)
    if (self->pending_contests[i - 1].id == id)
      return &self->pending_contests[i - 1];

  return NULL;
}

static gboolean
write_declaration (TallyImportStore  *self,
                   Contest           *contest,
                   GError           **error)
{
  gint64 when = contest->declared_at != 0 ? contest->declared_at
                                          : self->record_declarations ? self->import_time : 0;
  g_autoptr(GDateTime) time = NULL;
  g_autofree char *text = NULL;

  /* Schema 3's ward_declarations, in the same transaction as the contest. */
  if (when == 0 || tally_database_get_schema_version (self->database) < 3)
    return TRUE;

  if (self->write_declaration == NULL &&
      !(self->write_declaration =
          _tally_database_prepare (self->database,
                                   "INSERT OR REPLACE INTO ward_declarations (contest_id, declared_at) "
                                   "VALUES (?1, ?2)",
                                   error)))
    return FALSE;

  time = g_date_time_new_from_unix_utc (when);
  text = g_date_time_format (time, "%Y-%m-%dT%H:%M:%SZ");
  sqlite3_bind_int64 (self->write_declaration, 1, contest->id);
  sqlite3_bind_text (self->write_declaration, 2, text, -1, SQLITE_TRANSIENT);
  return step_done (self, self->write_declaration, N_("writing a declaration time"), error);
}

/* The finished contest @id as noted and not yet written, if it is. */
static RememberedContest *
find_remembered (TallyImportStore *self,
                 gint64            id)
{
  for (guint i = self->n_remembered; i > 0; i--)
    if (self->remembered[i - 1].id == id)
      return &self->remembered[i - 1];

  return NULL;
}

/**
 * _tally_import_store_flush_remembered:
 *
 * Writes the finished contests noted since the last time into
 * temp.import_contests, BATCH_ROWS to an INSERT.
 */
gboolean
_tally_import_store_flush_remembered (TallyImportStore  *self,
                                      GError           **error)
{
  gboolean whole_batch = (self->n_remembered == BATCH_ROWS);
  sqlite3_stmt *stmt = whole_batch ? _tally_import_store_batch (self, TALLY_IMPORT_BATCH_REMEMBERED, error)
                                   : self->remember_contest;

  if (stmt == NULL)
    return FALSE;

  for (guint i = 0; i < self->n_remembered; i++)
    {
      RememberedContest *remembered = &self->remembered[i];
      int first = whole_batch ? 6 * i : 0;

      sqlite3_bind_int64 (stmt, first + 1, remembered->id);
      sqlite3_bind_int64 (stmt, first + 2, remembered->seats);
      sqlite3_bind_int64 (stmt, first + 3, remembered->winners);
      sqlite3_bind_int64 (stmt, first + 4, remembered->declared_at);
      sqlite3_bind_int (stmt, first + 5, remembered->by_election);
      sqlite3_bind_int64 (stmt, first + 6, remembered->stored_seats);

      if (!whole_batch && !step_done (self, stmt, N_("writing a contest"), error))
        return FALSE;
    }

  if (whole_batch && !step_done (self, stmt, N_("writing contests"), error))
    return FALSE;

  self->n_remembered = 0;
  return TRUE;
}

/* Writes the current contest's seats and declaration time, notes it for
 * temp.import_contests, and frees it. */
gboolean
_tally_import_store_finish_contest (TallyImportStore  *self,
                                    GError           **error)
{
  Contest *contest = self->current;
  RememberedContest *remembered;
  PendingContest *pending;
  guint seats;

  if (contest == NULL)
    return TRUE;
  _tally_import_store_check_elected (self, contest);

  /* The rows of the contest it replaced that the file has no row for. */
  for (guint i = contest->n_taken; contest->stored != NULL && i < contest->stored->len; i++)
    {
      sqlite3_bind_int64 (self->delete_candidate, 1, g_array_index (contest->stored, StoredCandidate, i).id);
      if (!step_done (self, self->delete_candidate, N_("replacing a contest"), error))
        return FALSE;
    }
  seats = count_seats (self, contest->seats, contest->winners, 1);
  contest->council_election->seats_up += seats;

  if (seats != contest->stored_seats || !contest->by_election != !contest->stored_by_election)
    {
      if ((pending = find_pending (self, contest->id)) != NULL)
        {
          pending->seats = seats;
          pending->by_election = contest->by_election;
        }
      else
        {
          sqlite3_bind_int64 (self->update_contest, 1, contest->id);
          sqlite3_bind_int64 (self->update_contest, 2, seats);
          sqlite3_bind_int (self->update_contest, 3, contest->by_election);
          if (!step_done (self, self->update_contest, N_("writing a contest"), error))
            return FALSE;
        }
    }

  if (!write_declaration (self, contest, error))
    return FALSE;

  remembered = find_remembered (self, contest->id);
  if (remembered == NULL)
    remembered = &self->remembered[self->n_remembered++];
  remembered->id = contest->id;
  remembered->seats = contest->seats;
  remembered->winners = contest->winners;
  remembered->declared_at = contest->declared_at;
  remembered->by_election = contest->by_election;
  remembered->stored_seats = seats;
  if (self->n_remembered == BATCH_ROWS && !_tally_import_store_flush_remembered (self, error))
    return FALSE;

  if (self->last_contest == contest)
    self->last_contest = NULL;
  g_clear_pointer (&self->current, _tally_import_contest_free);
  return TRUE;
}

/* Whether @contest is one this file gave earlier; if so it takes up what
 * that contest had, and that contest's seats are no longer counted. */
static gboolean
recall_contest (TallyImportStore  *self,
                Contest           *contest,
                gboolean          *found,
                GError           **error)
{
  sqlite3_stmt *stmt = self->recall_contest;
  const char *text = self->pending_contest_text->str;
  RememberedContest recalled = { 0 }, *remembered;
  gint64 id = 0;
  int rc;

  *found = FALSE;
  for (guint i = 0; i < self->n_pending_contests && id == 0; i++)
    {
      PendingContest *pending = &self->pending_contests[i];

      if (pending->election_id == contest->election_id && pending->ward_id == contest->ward_id &&
          strcmp (text + pending->ballot, contest->ballot) == 0)
        id = pending->id;
    }

  if (id == 0)
    {
      sqlite3_bind_int64 (self->find_contest, 1, contest->election_id);
      sqlite3_bind_int64 (self->find_contest, 2, contest->ward_id);
      sqlite3_bind_text (self->find_contest, 3, contest->ballot, -1, SQLITE_STATIC);
      rc = sqlite3_step (self->find_contest);
      if (rc == SQLITE_ROW)
        id = sqlite3_column_int64 (self->find_contest, 0);
      sqlite3_reset (self->find_contest);
      if (rc != SQLITE_ROW && rc != SQLITE_DONE)
        goto failed;
      if (id == 0)
        return TRUE;
    }

  /* Noted and not yet written, or in temp.import_contests. */
  if ((remembered = find_remembered (self, id)) != NULL)
    {
      recalled = *remembered;
      rc = SQLITE_ROW;
    }
  else
    {
      sqlite3_bind_int64 (stmt, 1, id);
      if ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
        {
          recalled.seats = sqlite3_column_int64 (stmt, 0);
          recalled.winners = sqlite3_column_int64 (stmt, 1);
          recalled.declared_at = sqlite3_column_int64 (stmt, 2);
          recalled.by_election = sqlite3_column_int (stmt, 3);
          recalled.stored_seats = sqlite3_column_int64 (stmt, 4);
        }
      sqlite3_reset (stmt);
    }

  if (rc == SQLITE_ROW)
    {
      guint seats = recalled.seats;
      guint winners = recalled.winners;

      contest->id = id;
      contest->seats = MAX (contest->seats, seats);
      contest->winners = winners;
      contest->declared_at = MAX (contest->declared_at, recalled.declared_at);
      contest->by_election = recalled.by_election;
      contest->stored_by_election = contest->by_election;
      contest->stored_seats = recalled.stored_seats;
      contest->council_election->seats_up -= count_seats (self, seats, winners, -1);
      *found = TRUE;
    }
  if (rc == SQLITE_ROW || rc == SQLITE_DONE)
    return TRUE;

failed:
  _tally_database_set_error (self->database, error, _("reading contests"));
  return FALSE;
}

/* The rows a contest the file replaces holds, which the file's rows will
 * take the places of (tally-import-candidates.c): a row that has not
 * changed is not written again, one that has is updated where it is, and
 * the B-trees of candidates, and their indexes, are left as they were. */
static gboolean
read_stored (TallyImportStore  *self,
             Contest           *contest,
             GError           **error)
{
  sqlite3_stmt *stmt = self->read_stored;
  int rc;

  contest->stored = g_array_new (FALSE, FALSE, sizeof (StoredCandidate));
  g_array_set_clear_func (contest->stored, (GDestroyNotify) stored_candidate_clear);
  contest->n_taken = 0;

  sqlite3_bind_int64 (stmt, 1, contest->id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      StoredCandidate stored = {
        .id = sqlite3_column_int64 (stmt, 0),
        .name = g_strdup ((const char *) sqlite3_column_text (stmt, 1)),
        .party_id = sqlite3_column_int64 (stmt, 2),
        .party_name = g_strdup ((const char *) sqlite3_column_text (stmt, 3)),
        .votes = sqlite3_column_int64 (stmt, 4),
        .elected = sqlite3_column_int (stmt, 5),
      };

      g_array_append_val (contest->stored, stored);
    }
  sqlite3_reset (stmt);
  if (rc == SQLITE_DONE)
    return TRUE;

  _tally_database_set_error (self->database, error, _("reading contests"));
  return FALSE;
}

/* The contest @row belongs to: the one being read, one this file gave
 * before, one the database holds (its candidates cleared: they are
 * replaced), or a new one. */
Contest *
_tally_import_store_find_contest (TallyImportStore            *self,
                                  gint64                       election_id,
                                  gint64                       council_id,
                                  Ward                        *ward,
                                  const TallyImportCandidate  *row,
                                  GError                     **error)
{
  const char *ballot = row->ballot ? row->ballot : row->ward_name;
  Contest *contest = self->current;
  gboolean may_exist, again, found, earlier_file;
  int rc;

  if (contest != NULL && contest->election_id == election_id && contest->ward_id == ward->id &&
      strcmp (contest->ballot, ballot) == 0)
    {
      contest->seats = MAX (contest->seats, row->seats);
      contest->declared_at = MAX (contest->declared_at, row->declared_at);
      return contest;
    }

  if (!_tally_import_store_finish_contest (self, error))
    return NULL;

  contest = g_new0 (Contest, 1);
  contest->election_id = election_id;
  contest->ward_id = ward->id;
  contest->ballot = g_strdup (ballot);
  contest->ward_name = g_strdup (row->ward_name);
  contest->low_elected = -1;
  contest->high_unelected = -1;
  contest->declared_at = row->declared_at;
  contest->council_id = council_id;
  contest->seats = row->seats;
  contest->by_election = row->by_election;
  self->current = contest;

  if (!(contest->council_election = _tally_import_store_touch (self, election_id, council_id,
                                                              error)))
    return NULL;

  /* Only a ward this file gave a contest already, at this election or a
   * later one, can hold one of its own: a file of several elections in
   * order needs no look for each ward at each. */
  again = ward->contested_in_file == self->file_serial && election_id <= ward->latest_election;
  if (again && !recall_contest (self, contest, &found, error))
    return NULL;
  if (again && found)
    return contest;

  contest->council_election->scheduled |= !row->by_election;

  /* Only a ward with contests from before this file can hold this one
   * already: a ward new to the database, or contested only in this file,
   * needs no look. */
  earlier_file = ward->contested_in_file != 0 && ward->contested_in_file != self->file_serial;
  may_exist = ward->had_contests || earlier_file;
  if (ward->contested_in_file != self->file_serial)
    {
      ward->had_contests = may_exist;
      ward->contested_in_file = self->file_serial;
      ward->latest_election = election_id;
    }
  else
    ward->latest_election = MAX (ward->latest_election, election_id);

  /* A contest already stored is replaced: its candidates go, this file's come. */
  if (may_exist)
    {
      sqlite3_bind_int64 (self->find_contest, 1, election_id);
      sqlite3_bind_int64 (self->find_contest, 2, ward->id);
      sqlite3_bind_text (self->find_contest, 3, ballot, -1, SQLITE_STATIC);
      rc = sqlite3_step (self->find_contest);
    }
  else
    rc = SQLITE_DONE;
  if (rc == SQLITE_ROW)
    {
      /* Written again when finished only if the file changes them. */
      contest->id = sqlite3_column_int64 (self->find_contest, 0);
      contest->stored_seats = (guint) sqlite3_column_int64 (self->find_contest, 1);
      contest->stored_by_election = sqlite3_column_int (self->find_contest, 2) != 0;
      sqlite3_reset (self->find_contest);

      if (!read_stored (self, contest, error))
        return NULL;
      self->contests_replaced++;

      /* A contest from before the import: its old rows were never summed
       * here, and its new ones are.  One an earlier file of this import
       * wrote or replaced was summed already. */
      if (contest->id >= self->first_contest_id || earlier_file)
        contest->council_election->stale = TRUE;
      else
        contest->council_election->replaced++;
    }
  else if (rc == SQLITE_DONE)
    {
      sqlite3_reset (self->find_contest);

      /* Seats are known when the contest is finished; most contests have
       * the number first written here, and are not written again. */
      PendingContest *pending = &self->pending_contests[self->n_pending_contests++];

      contest->id = self->next_contest_id++;
      contest->stored_seats = MAX (row->seats, 1);
      contest->stored_by_election = row->by_election;

      pending->id = contest->id;
      pending->election_id = election_id;
      pending->ward_id = ward->id;
      pending->seats = contest->stored_seats;
      pending->by_election = row->by_election;
      pending->ballot = self->pending_contest_text->len;
      g_string_append_len (self->pending_contest_text, ballot, strlen (ballot) + 1);

      if (self->n_pending_contests == BATCH_ROWS && !_tally_import_store_flush_contests (self, error))
        return NULL;
    }
  else
    {
      sqlite3_reset (self->find_contest);
      _tally_database_set_error (self->database, error, _("reading contests"));
      return NULL;
    }

  self->summary->contests++;
  return contest;
}

