/* tally-results-bases.c: what change is measured against.
 *
 * Results services do not all compare with the same thing (see
 * data/bundled/SOURCES.md, "Bases used by the results services"), and
 * TallyBasis names the three definitions Tally offers.  This file holds
 * the figures that only some bases use (control produced by a council's
 * last election, notional baselines on new ward boundaries, postponed polls
 * and same-day by-elections) and the two questions every view asks through
 * the engine: who controlled a council before the poll, and how a council's
 * seat change is measured.  It is the one place that decides which councils
 * a seat-change total may add, so that no total mixes two kinds of change.
 *
 * The tables are those of schema version 2; a file read at version 1
 * (opened read-only) has none of them, and every figure here is unknown.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdio.h>
#include <string.h>

#include "tally-database-private.h"
#include "tally-election.h"
#include "tally-party.h"
#include "tally-results-private.h"

static void
clear_special_poll (gpointer mem)
{
  TallySpecialPoll *poll = mem;

  g_clear_pointer (&poll->ward, g_free);
  g_clear_pointer (&poll->held_on, g_free);
  g_clear_pointer (&poll->winners, g_free);
}

void
_tally_results_data_clear_bases (TallyResultsData *data)
{
  gsize n_ec = (gsize) data->n_elections * data->n_councils;

  if (data->notional_label != NULL)
    for (gsize ec = 0; ec < n_ec; ec++)
      g_free (data->notional_label[ec]);

  g_clear_pointer (&data->notional_label, g_free);
  g_clear_pointer (&data->election_control, g_free);
  g_clear_pointer (&data->postponed_seats, g_free);
  g_clear_pointer (&data->by_election_seats, g_free);
  g_clear_pointer (&data->notional_seats, g_free);
  g_clear_pointer (&data->special_polls, g_array_unref);
}

static int
lookup (GHashTable   *map,
        sqlite3_stmt *stmt,
        int           column)
{
  gint64 id = sqlite3_column_int64 (stmt, column);

  return GPOINTER_TO_INT (g_hash_table_lookup (map, &id)) - 1;
}

/* A control key of previous_control: a party key, NOC, or NULL. */
static int
control_from_key (TallyResultsData *data,
                  const char       *key)
{
  if (key == NULL)
    return TALLY_CONTROL_UNKNOWN;

  if (g_str_equal (key, "NOC"))
    return TALLY_NO_CONTROL;

  for (guint party = 0; party < data->n_parties; party++)
    if (g_str_equal (tally_party_get_key (data->parties[party]), key))
      return data->party_aggregate[party] ? TALLY_NO_CONTROL : (int) party;

  return TALLY_CONTROL_UNKNOWN;
}

static gboolean
has_table (TallyDatabase *database,
           const char    *name)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  stmt = _tally_database_prepare (database, "SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = ?", NULL);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_text (stmt, 1, name, -1, SQLITE_STATIC);
  return sqlite3_step (stmt) == SQLITE_ROW;
}

static gboolean
finish (TallyDatabase  *database,
        int             rc,
        GError        **error)
{
  if (rc == SQLITE_DONE)
    return TRUE;

  _tally_database_set_error (database, error, _("reading results"));
  return FALSE;
}

/* A statement of one election's rows: ?1 is its id. */
static sqlite3_stmt *
prepare (TallyResultsData  *data,
         guint              election,
         const char        *sql,
         GError           **error)
{
  sqlite3_stmt *stmt = _tally_database_prepare (data->database, sql, error);

  if (stmt != NULL)
    sqlite3_bind_int64 (stmt, 1, tally_election_get_id (data->elections[election]));
  return stmt;
}

static gboolean
load_previous_control (TallyResultsData  *data,
                       guint              election,
                       GError           **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  stmt = prepare (data, election,
                  "SELECT council_id, control, election_control FROM previous_control WHERE election_id = ?1",
                  error);
  if (stmt == NULL)
    return FALSE;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      int council = lookup (data->council_by_id, stmt, 0);
      gsize ec;
      int eve;

      if (council < 0)
        continue;

      ec = _tally_ec (data, election, council);
      data->election_control[ec] = control_from_key (data, (const char *) sqlite3_column_text (stmt, 2));

      /* The composition is the finer source for the eve of the poll; the
       * recorded control stands in where no composition is known. */
      eve = control_from_key (data, (const char *) sqlite3_column_text (stmt, 1));
      if (data->composition_total[TALLY_STAGE_BEFORE][ec] == 0)
        data->control[TALLY_STAGE_BEFORE][ec] = eve;
    }

  return finish (data->database, rc, error);
}

static gboolean
load_special_polls (TallyResultsData  *data,
                    guint              election,
                    GError           **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  stmt = prepare (data, election,
                  "SELECT council_id, ward, kind, held_on, seats, winners "
                  "FROM special_polls WHERE election_id = ?1 ORDER BY council_id, ward",
                  error);
  if (stmt == NULL)
    return FALSE;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      int council = lookup (data->council_by_id, stmt, 0);
      TallySpecialPoll poll = { 0 };
      gsize ec;

      if (council < 0)
        continue;

      poll.election = (guint) election;
      poll.council = (guint) council;
      poll.ward = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
      poll.postponed = g_strcmp0 ((const char *) sqlite3_column_text (stmt, 2), "postponed") == 0;
      poll.held_on = g_strdup ((const char *) sqlite3_column_text (stmt, 3));
      poll.seats = sqlite3_column_int (stmt, 4);
      poll.winners = g_strdup ((const char *) sqlite3_column_text (stmt, 5));

      ec = _tally_ec (data, election, council);
      if (poll.postponed)
        data->postponed_seats[ec] += poll.seats;
      else
        data->by_election_seats[ec] += poll.seats;
      g_array_append_val (data->special_polls, poll);
    }

  return finish (data->database, rc, error);
}

static gboolean
load_notional_baselines (TallyResultsData  *data,
                         guint              election,
                         GError           **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  stmt = prepare (data, election,
                  "SELECT council_id, party_id, baseline, seats FROM notional_baselines WHERE election_id = ?1",
                  error);
  if (stmt == NULL)
    return FALSE;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      int council = lookup (data->council_by_id, stmt, 0);
      int party = lookup (data->party_by_id, stmt, 1);
      gsize ec;

      if (council < 0 || party < 0)
        continue;

      ec = _tally_ec (data, election, council);
      if (data->notional_label[ec] == NULL)
        data->notional_label[ec] = g_strdup ((const char *) sqlite3_column_text (stmt, 2));
      data->notional_seats[_tally_ecp (data, election, council, party)] += sqlite3_column_int (stmt, 3);
    }

  return finish (data->database, rc, error);
}

/* What a read that failed half-way may have left of @election. */
static void
start_election (TallyResultsData *data,
                guint             election)
{
  gsize ec0 = _tally_ec (data, election, 0);

  for (gsize ec = ec0; ec < ec0 + data->n_councils; ec++)
    {
      data->election_control[ec] = TALLY_CONTROL_UNKNOWN;
      data->postponed_seats[ec] = data->by_election_seats[ec] = 0;
      g_clear_pointer (&data->notional_label[ec], g_free);
    }
  memset (&data->notional_seats[ec0 * data->n_parties], 0,
          (gsize) data->n_councils * data->n_parties * sizeof (gint32));

  for (guint i = data->special_polls->len; i > 0; i--)
    if (g_array_index (data->special_polls, TallySpecialPoll, i - 1).election == election)
      g_array_remove_index (data->special_polls, i - 1);
}

/* @election's figures for the bases, once its compositions are in.  The
 * arrays are made (zeroed) for every election on the first call. */
gboolean
_tally_results_data_load_bases (TallyResultsData  *data,
                                guint              election,
                                GError           **error)
{
  gsize n_ec = (gsize) data->n_elections * data->n_councils;

  if (data->special_polls == NULL)
    {
      data->election_control = g_new0 (gint32, n_ec);
      data->postponed_seats = g_new0 (gint32, n_ec);
      data->by_election_seats = g_new0 (gint32, n_ec);
      data->notional_label = g_new0 (char *, n_ec);
      data->notional_seats = g_new0 (gint32, n_ec * data->n_parties);
      data->special_polls = g_array_new (FALSE, TRUE, sizeof (TallySpecialPoll));
      g_array_set_clear_func (data->special_polls, clear_special_poll);
      data->has_previous_control = has_table (data->database, "previous_control");
      data->has_special_polls = has_table (data->database, "special_polls");
      data->has_notional_baselines = has_table (data->database, "notional_baselines");
    }
  start_election (data, election);

  return (!data->has_previous_control || load_previous_control (data, election, error)) &&
         (!data->has_special_polls || load_special_polls (data, election, error)) &&
         (!data->has_notional_baselines || load_notional_baselines (data, election, error));
}

/* "21 June 2018" for "2018-06-21". */
static char *
format_day (const char *iso)
{
  g_autoptr(GDateTime) day = NULL;
  int year, month, date;

  if (iso == NULL || sscanf (iso, "%4d-%2d-%2d", &year, &month, &date) != 3 ||
      !(day = g_date_time_new_utc (year, month, date, 0, 0, 0)))
    return g_strdup (iso ? iso : "?");

  return g_date_time_format (day, "%-d %B %Y");
}

/* One line of a council page about @poll. */
char *
_tally_special_poll_describe (const TallySpecialPoll *poll)
{
  g_autofree char *day = format_day (poll->held_on);

  if (poll->postponed)
    /* Translators: "Willesden Green (3 seats): poll postponed to 21 June 2018" */
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s (%d seat): poll postponed to %s",
                                         "%s (%d seats): poll postponed to %s", poll->seats),
                            poll->ward, poll->seats, day);

  /* Translators: "Graiseley: a same-day by-election for 1 more seat (elected on the ballot: LAB 2)" */
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "%s: a same-day by-election for %d more seat (elected on the ballot: %s)",
                                       "%s: a same-day by-election for %d more seats (elected on the ballot: %s)",
                                       poll->seats),
                          poll->ward, poll->seats, poll->winners ? poll->winners : "?");
}

/* Who controlled the council before the poll, on @basis: a party index,
 * TALLY_NO_CONTROL or TALLY_CONTROL_UNKNOWN. */
int
_tally_results_data_control_before (TallyResultsData *data,
                                    guint             election,
                                    guint             council,
                                    TallyBasis        basis)
{
  gsize ec = _tally_ec (data, election, council);

  if (basis == TALLY_BASIS_ELECTION)
    return data->election_control[ec];

  return data->control[TALLY_STAGE_BEFORE][ec];
}

/* Whether the baseline fought the same seats.  For a council elected by
 * thirds, 2014's cohort is 2018's; same-day by-elections add a seat or two
 * on either side.  A larger difference means the seats are not the same:
 * new ward boundaries (Birmingham fought 41 seats in 2014 and all 101 new
 * ones in 2018) or a change of cycle (Slough, all out in 2014, a third in
 * 2018).  A notional baseline, where there is one, says the same: the
 * seats are new (Southwark fought 63 seats in 2014 and 60 on new wards in
 * 2018, close enough to pass for the same seats by count alone). */
static gboolean
same_seats (TallyResultsData *data,
            guint             election,
            int               baseline,
            guint             council)
{
  gsize ec = _tally_ec (data, election, council);
  gint32 up_now = data->seats_up[ec];
  gint32 up_then = data->seats_up[_tally_ec (data, baseline, council)];

  return data->notional_label[ec] == NULL && ABS (up_now - up_then) <= MAX (2, up_then / 10);
}

/* How @council's seat change is measured on @basis.  On the services and
 * election bases that is against the previous comparable election: the
 * same seats, or a notional baseline; a council on new boundaries without
 * one is TALLY_SEAT_CHANGE_NO_NOTIONAL and adds to no total.  On the eve
 * basis it is the composition after less the one before, for every
 * council whose compositions are known, with no baseline needed. */
TallySeatChange
_tally_results_data_seat_change_kind (TallyResultsData *data,
                                      guint             election,
                                      int               baseline,
                                      guint             council,
                                      TallyBasis        basis)
{
  gsize ec = _tally_ec (data, election, council);

  if (!data->held[ec])
    return TALLY_SEAT_CHANGE_UNKNOWN;

  if (basis == TALLY_BASIS_EVE)
    return data->composition_total[TALLY_STAGE_BEFORE][ec] > 0 && data->composition_total[TALLY_STAGE_AFTER][ec] > 0
             ? TALLY_SEAT_CHANGE_EVE
             : TALLY_SEAT_CHANGE_UNKNOWN;

  if (baseline < 0)
    return TALLY_SEAT_CHANGE_UNKNOWN;

  /* A notional baseline stands for the election's own baseline on the new
   * wards, not for any other election a user compares with. */
  if (data->notional_label[ec] != NULL && baseline == data->baseline[election])
    return TALLY_SEAT_CHANGE_NOTIONAL;

  if (!data->held[_tally_ec (data, baseline, council)])
    return TALLY_SEAT_CHANGE_UNKNOWN;

  return same_seats (data, election, baseline, council) ? TALLY_SEAT_CHANGE_COHORT : TALLY_SEAT_CHANGE_NO_NOTIONAL;
}

/* @kind as _tally_results_data_seat_change_kind() gives it; 0 for a kind
 * that measures nothing. */
int
_tally_results_data_seat_change (TallyResultsData *data,
                                 guint             election,
                                 int               baseline,
                                 guint             council,
                                 guint             party,
                                 TallySeatChange   kind)
{
  gsize ecp = _tally_ecp (data, election, council, party);

  switch (kind)
    {
    case TALLY_SEAT_CHANGE_COHORT:
      return data->seats_won[ecp] - data->seats_won[_tally_ecp (data, baseline, council, party)];
    case TALLY_SEAT_CHANGE_NOTIONAL:
      return data->seats_won[ecp] - data->notional_seats[ecp];
    case TALLY_SEAT_CHANGE_EVE:
      return (int) data->composition[TALLY_STAGE_AFTER][ecp] - (int) data->composition[TALLY_STAGE_BEFORE][ecp];
    case TALLY_SEAT_CHANGE_NO_NOTIONAL:
    case TALLY_SEAT_CHANGE_UNKNOWN:
    default:
      return 0;
    }
}
