/* tally-results-check.c: the range of each number the engine reads.
 *
 * A file written without Tally's CHECKs (an older version, another tool)
 * could hold anything: each number is checked as it is read
 * (tally-results-load.c, tally-catalog.c), against the ranges the schema's
 * CHECKs give it, and a value out of range refuses the file, naming table,
 * column and value.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "tally-catalog.h"
#include "tally-database-private.h"
#include "tally-results-private.h"

/* The ranges the schema's CHECKs give each number Tally reads: a sum of
 * them cannot overflow (8,000,000 results × 10^12 votes < 2^63). */
static const struct
{
  const char *table;
  const char *column;
  gint64      max;
  const char *what;
} value_rules[] = {
  { "council_elections", "seats_up", TALLY_CATALOG_MAX_SEATS, N_("seats up") },
  { "council_elections", "votes_total", TALLY_CATALOG_MAX_VOTES, N_("total votes") },
  { "council_elections", "electorate", TALLY_CATALOG_MAX_VOTES, N_("electorate") },
  { "council_elections", "ballots", TALLY_CATALOG_MAX_VOTES, N_("ballots") },
  { "council_results", "seats_won", TALLY_CATALOG_MAX_SEATS, N_("seats won") },
  { "council_elections", "contests", TALLY_CATALOG_MAX_SEATS, N_("contests") },
  { "council_elections", "three_party_polls", TALLY_CATALOG_MAX_SEATS, N_("three-party polls") },
  { "council_results", "votes", TALLY_CATALOG_MAX_VOTES, N_("votes") },
  { "council_results", "top_votes", TALLY_CATALOG_MAX_VOTES, N_("votes") },
  { "council_results", "three_votes", TALLY_CATALOG_MAX_VOTES, N_("votes") },
  { "compositions", "seats", TALLY_CATALOG_MAX_SEATS, N_("seats") },
  { "contests", "seats", TALLY_CATALOG_MAX_SEATS, N_("seats") },
  { "contests", "electorate", TALLY_CATALOG_MAX_VOTES, N_("electorate") },
  { "contests", "ballots", TALLY_CATALOG_MAX_VOTES, N_("ballots") },
  { "candidates", "votes", TALLY_CATALOG_MAX_VOTES, N_("votes") },
  { "councils", "total_seats", TALLY_CATALOG_MAX_SEATS, N_("total seats") },
};

/* Seats and votes are summed over every council: a value the schema would
 * refuse (-5 seats showed as "4,294,966,611", text in seats_up read as 0,
 * votes near 2^63 overflowed a sum) refuses the file, naming table, column
 * and value.  NULL is "not known" and passes. */
gboolean
_tally_results_data_check_value (TallyDatabase  *database,
                                 sqlite3_stmt   *stmt,
                                 int             column,
                                 const char     *table,
                                 const char     *name,
                                 GError        **error)
{
  g_autoptr(sqlite3_stmt) quote = NULL;
  g_autofree char *file = NULL;
  gint64 value;
  guint rule;

  /* The common case first: a whole number (no rule looked up). */
  switch (sqlite3_column_type (stmt, column))
    {
    case SQLITE_NULL:
      return TRUE;
    case SQLITE_INTEGER:
      value = sqlite3_column_int64 (stmt, column);
      if (value >= 0 && value <= TALLY_CATALOG_MAX_SEATS)
        return TRUE;
      break;
    default:
      break;
    }

  for (rule = 0; rule < G_N_ELEMENTS (value_rules); rule++)
    if (g_str_equal (value_rules[rule].table, table) && g_str_equal (value_rules[rule].column, name))
      break;
  g_assert (rule < G_N_ELEMENTS (value_rules));

  value = sqlite3_column_int64 (stmt, column);
  if (sqlite3_column_type (stmt, column) == SQLITE_INTEGER && value >= 0 && value <= value_rules[rule].max)
    return TRUE;

  /* The value as SQL would print it ('twenty', 4294967296, 1.5). */
  quote = _tally_database_prepare (database, "SELECT quote (?1)", NULL);
  if (quote != NULL)
    {
      sqlite3_bind_value (quote, 1, sqlite3_column_value (stmt, column));
      sqlite3_step (quote);
    }
  file = g_filename_display_basename (tally_database_get_path (database));
  g_set_error (error, TALLY_DATABASE_ERROR, TALLY_DATABASE_ERROR_INVALID,
               _("“%s”: %s.%s holds %s, where %s must be a whole number from 0 to %" G_GINT64_FORMAT),
               file, table, name,
               quote != NULL && sqlite3_column_text (quote, 0) ? (const char *) sqlite3_column_text (quote, 0) : "?",
               _(value_rules[rule].what), value_rules[rule].max);
  return FALSE;
}
