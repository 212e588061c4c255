/* tally-record-check.c: where a database's figures part from the published record.
 *
 * Both files are read the same way: each council's seats by party group
 * (Conservative, Labour, Liberal Democrat, Green, UKIP, independents,
 * others) at the elections asked about, from each file's own
 * council_results.  Groups rather than parties, because an import brings
 * a party of its own for each residents' group that the bundled figures
 * count as "Other".  Only councils that held the election in both files
 * are compared: a council the record does not cover is not a difference.
 * On results night a council still declaring (a contest it will declare,
 * in expected_contests, not yet in contests) is not compared either: its
 * seats so far are not a figure the record has.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "tally-council.h"
#include "tally-council-result.h"
#include "tally-database-private.h"
#include "tally-election.h"
#include "tally-format.h"
#include "tally-record-check.h"

/* In the order results tables print them. */
static const struct
{
  const char *group;
  const char *label;
} groups[] = {
  { "labour", N_("Lab") },
  { "conservative", N_("Con") },
  { "libdem", N_("LD") },
  { "green", N_("Green") },
  { "ukip", N_("UKIP") },
  { "independent", N_("Ind") },
  { "other", N_("Other") },
};

typedef struct
{
  char   *name;
  gint64  seats[G_N_ELEMENTS (groups)];
} CouncilSeats;

static void
council_seats_free (gpointer data)
{
  CouncilSeats *seats = data;

  g_free (seats->name);
  g_free (seats);
}

static void
difference_free (gpointer data)
{
  TallyRecordDifference *difference = data;

  g_free (difference->date);
  g_free (difference->council_code);
  g_free (difference->council_name);
  g_free (difference->detail);
  g_free (difference);
}

static guint
group_index (const char *group)
{
  for (guint i = 0; i < G_N_ELEMENTS (groups); i++)
    if (g_strcmp0 (group, groups[i].group) == 0)
      return i;
  return G_N_ELEMENTS (groups) - 1;   /* a group Tally does not know counts as other */
}

/* The councils of the election at @date still declaring: a contest they
 * will declare (expected_contests, on results night) not yet in contests.
 * One pass over the night's expected contests, each looked up by the
 * contests' own unique index. */
static GHashTable *
read_declaring (TallyDatabase  *database,
                const char     *date,
                GError        **error)
{
  g_autoptr(GHashTable) declaring = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  stmt = _tally_database_prepare (database,
                                  "SELECT DISTINCT c.code FROM expected_contests x "
                                  "JOIN elections e ON e.id = x.election_id "
                                  "JOIN wards w ON w.id = x.ward_id "
                                  "JOIN councils c ON c.id = w.council_id "
                                  "WHERE e.date = ?1 AND NOT EXISTS ("
                                  "  SELECT 1 FROM contests ct WHERE ct.election_id = x.election_id "
                                  "    AND ct.ward_id = x.ward_id AND ct.ballot = x.ballot)",
                                  error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, date, -1, SQLITE_STATIC);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    if (sqlite3_column_text (stmt, 0) != NULL)
      g_hash_table_add (declaring, g_strdup ((const char *) sqlite3_column_text (stmt, 0)));
  if (rc != SQLITE_DONE)
    {
      _tally_database_set_error (database, error, _("reading the councils still declaring"));
      return NULL;
    }
  return g_steal_pointer (&declaring);
}

/* Runs @sql with @id bound to ?1 (when not 0), calling @row for each row. */
typedef void (*RowFunc) (sqlite3_stmt *stmt,
                         gpointer      user_data);

static gboolean
each_row (TallyDatabase  *database,
          const char     *sql,
          gint64          id,
          RowFunc         row,
          gpointer        user_data,
          GError        **error)
{
  g_autoptr(sqlite3_stmt) stmt = _tally_database_prepare (database, sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  if (id != 0)
    sqlite3_bind_int64 (stmt, 1, id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    row (stmt, user_data);
  if (rc != SQLITE_DONE)
    {
      _tally_database_set_error (database, error, _("reading council seats"));
      return FALSE;
    }
  return TRUE;
}

typedef struct
{
  GHashTable *councils;   /* council id → CouncilSeats, of the councils that held the election */
  GHashTable *groups;     /* party id → group index + 1 */
  GHashTable *by_code;    /* code → CouncilSeats, the result */
} Reading;

static void
council_row (sqlite3_stmt *stmt,
             gpointer      user_data)
{
  Reading *reading = user_data;
  const char *code = (const char *) sqlite3_column_text (stmt, 1);
  const char *name = (const char *) sqlite3_column_text (stmt, 2);
  CouncilSeats *seats;

  if (code == NULL || g_hash_table_contains (reading->by_code, code))
    return;
  seats = g_new0 (CouncilSeats, 1);
  seats->name = g_strdup (name != NULL ? name : code);
  g_hash_table_insert (reading->by_code, g_strdup (code), seats);
  g_hash_table_insert (reading->councils, GSIZE_TO_POINTER ((gsize) sqlite3_column_int64 (stmt, 0)), seats);
}

static void
party_row (sqlite3_stmt *stmt,
           gpointer      user_data)
{
  Reading *reading = user_data;

  g_hash_table_insert (reading->groups, GSIZE_TO_POINTER ((gsize) sqlite3_column_int64 (stmt, 0)),
                       GUINT_TO_POINTER (group_index ((const char *) sqlite3_column_text (stmt, 1)) + 1));
}

static void
result_row (sqlite3_stmt *stmt,
            gpointer      user_data)
{
  Reading *reading = user_data;
  CouncilSeats *seats = g_hash_table_lookup (reading->councils,
                                             GSIZE_TO_POINTER ((gsize) sqlite3_column_int64 (stmt, 0)));
  guint group = GPOINTER_TO_UINT (g_hash_table_lookup (reading->groups,
                                                       GSIZE_TO_POINTER ((gsize) sqlite3_column_int64 (stmt, 1))));

  /* A party the file does not list counts as other. */
  if (seats != NULL)
    seats->seats[group > 0 ? group - 1 : G_N_ELEMENTS (groups) - 1] += sqlite3_column_int64 (stmt, 2);
}

/* Council code → CouncilSeats, for the councils that held the election
 * of @date in @database (those with no result row have no seats).  Each
 * table read by its own key: the election's council_results rows are one
 * range of their primary key, not a join grouped by text. */
static GHashTable *
read_seats (TallyDatabase  *database,
            const char     *date,
            GError        **error)
{
  g_autoptr(GHashTable) by_code = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, council_seats_free);
  g_autoptr(GHashTable) councils = g_hash_table_new (g_direct_hash, g_direct_equal);
  g_autoptr(GHashTable) party_groups = g_hash_table_new (g_direct_hash, g_direct_equal);
  g_autoptr(sqlite3_stmt) stmt = _tally_database_prepare (database, "SELECT id FROM elections WHERE date = ?1", error);
  Reading reading = { councils, party_groups, by_code };
  gint64 election = 0;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, date, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    election = sqlite3_column_int64 (stmt, 0);
  if (election == 0)
    return g_steal_pointer (&by_code);

  if (!each_row (database, "SELECT c.id, c.code, c.name FROM council_elections ce "
                           "JOIN councils c ON c.id = ce.council_id WHERE ce.election_id = ?1",
                 election, council_row, &reading, error) ||
      !each_row (database, "SELECT id, grp FROM parties", 0, party_row, &reading, error) ||
      !each_row (database, "SELECT council_id, party_id, seats_won FROM council_results WHERE election_id = ?1",
                 election, result_row, &reading, error))
    return NULL;
  return g_steal_pointer (&by_code);
}

/* "Con 10 seats (published 9), Lab 0 (published 1)", or NULL when the
 * two agree. */
static char *
describe_seats (const CouncilSeats *here,
                const CouncilSeats *published)
{
  g_autoptr(GString) detail = g_string_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (groups); i++)
    {
      g_autofree char *seats = NULL;
      g_autofree char *record = NULL;

      if (here->seats[i] == published->seats[i])
        continue;
      seats = tally_format_count (here->seats[i]);
      record = tally_format_count (published->seats[i]);
      if (detail->len == 0)
        /* Translators: "Con 10 seats (published 9)" */
        g_string_append_printf (detail, _("%s %s seats (published %s)"), _(groups[i].label), seats, record);
      else
        /* Translators: "Lab 0 (published 1)", after "Con 10 seats (published 9)" */
        g_string_append_printf (detail, _(", %s %s (published %s)"), _(groups[i].label), seats, record);
    }
  return detail->len > 0 ? g_string_free (g_steal_pointer (&detail), FALSE) : NULL;
}

static int
compare_differences (gconstpointer a,
                     gconstpointer b)
{
  const TallyRecordDifference *x = *(TallyRecordDifference * const *) a;
  const TallyRecordDifference *y = *(TallyRecordDifference * const *) b;
  int by_name = g_utf8_collate (x->council_name, y->council_name);

  return by_name != 0 ? by_name : g_strcmp0 (y->date, x->date);
}

/**
 * tally_record_check_against:
 * @database: the database whose figures are shown
 * @record: a database holding the published record
 * @dates: (array zero-terminated=1): the elections to compare, by date
 * @council_codes: (nullable): only these councils (a set of codes)
 * @error: where a database that cannot be read says so
 *
 * Returns: (transfer full) (element-type TallyRecordDifference): one
 * difference per council and election where @database's seats by party
 * group differ from @record's, by council name, then latest election first
 */
GPtrArray *
tally_record_check_against (TallyDatabase       *database,
                            TallyDatabase       *record,
                            const char * const  *dates,
                            GHashTable          *council_codes,
                            GError             **error)
{
  g_autoptr(GPtrArray) differences = g_ptr_array_new_with_free_func (difference_free);

  for (guint d = 0; dates != NULL && dates[d] != NULL; d++)
    {
      g_autoptr(GHashTable) published = read_seats (record, dates[d], error);
      g_autoptr(GHashTable) here = NULL;
      g_autoptr(GHashTable) declaring = NULL;
      GHashTableIter iter;
      const char *code;
      CouncilSeats *seats;

      if (published == NULL)
        return NULL;
      /* An election the record does not hold (a database of fifty has
       * forty-eight) costs one look-up, not its council totals. */
      if (g_hash_table_size (published) == 0)
        continue;
      if (!(here = read_seats (database, dates[d], error)) || !(declaring = read_declaring (database, dates[d], error)))
        return NULL;

      g_hash_table_iter_init (&iter, here);
      while (g_hash_table_iter_next (&iter, (gpointer *) &code, (gpointer *) &seats))
        {
          CouncilSeats *record_seats = g_hash_table_lookup (published, code);
          g_autofree char *detail = NULL;
          TallyRecordDifference *difference;

          if (record_seats == NULL || g_hash_table_contains (declaring, code) ||
              (council_codes != NULL && !g_hash_table_contains (council_codes, code)))
            continue;
          if (!(detail = describe_seats (seats, record_seats)))
            continue;

          difference = g_new0 (TallyRecordDifference, 1);
          difference->date = g_strdup (dates[d]);
          difference->council_code = g_strdup (code);
          difference->council_name = g_strdup (seats->name);
          difference->detail = g_steal_pointer (&detail);
          g_ptr_array_add (differences, difference);
        }
    }

  g_ptr_array_sort (differences, compare_differences);
  return g_steal_pointer (&differences);
}

/**
 * tally_record_check:
 * @database: the database whose figures are shown
 * @dates: (array zero-terminated=1): the elections to compare, by date
 * @council_codes: (nullable): only these councils (a set of codes)
 * @error: where a database that cannot be read says so
 *
 * tally_record_check_against() the bundled database.  The bundled
 * database itself is the record: it has no difference.
 *
 * Returns: (transfer full) (element-type TallyRecordDifference): the differences
 */
GPtrArray *
tally_record_check (TallyDatabase       *database,
                    const char * const  *dates,
                    GHashTable          *council_codes,
                    GError             **error)
{
  g_autofree char *bundled = tally_database_get_bundled_path ();
  g_autoptr(TallyDatabase) record = NULL;

  if (tally_database_is_bundled_path (tally_database_get_path (database)))
    return g_ptr_array_new_with_free_func (difference_free);
  if (!(record = tally_database_open (bundled, TALLY_DATABASE_OPEN_READ_ONLY, error)))
    return NULL;
  return tally_record_check_against (database, record, dates, council_codes, error);
}

/**
 * tally_record_check_in_scope:
 * @differences: (element-type TallyRecordDifference): from tally_record_check()
 * @summary: what a view or a command shows
 *
 * Returns: (transfer container) (element-type TallyRecordDifference): the
 *   differences of @summary's councils at its election and its baseline,
 *   still owned by @differences
 */
GPtrArray *
tally_record_check_in_scope (GPtrArray         *differences,
                             TallyScopeSummary *summary)
{
  g_autoptr(GHashTable) codes = g_hash_table_new (g_str_hash, g_str_equal);
  GPtrArray *in_scope = g_ptr_array_new ();
  GListModel *councils = tally_scope_summary_get_councils (summary);
  TallyElection *baseline = tally_scope_summary_get_baseline (summary);
  const char *date = tally_election_get_date (tally_scope_summary_get_election (summary));
  const char *baseline_date = baseline != NULL ? tally_election_get_date (baseline) : NULL;

  if (differences == NULL || differences->len == 0)
    return in_scope;

  for (guint i = 0; i < g_list_model_get_n_items (councils); i++)
    {
      g_autoptr(TallyCouncilResult) result = g_list_model_get_item (councils, i);

      g_hash_table_add (codes, (gpointer) tally_council_get_code (tally_council_result_get_council (result)));
    }
  for (guint i = 0; i < differences->len; i++)
    {
      TallyRecordDifference *difference = g_ptr_array_index (differences, i);

      if (g_hash_table_contains (codes, difference->council_code) &&
          (g_strcmp0 (difference->date, date) == 0 || g_strcmp0 (difference->date, baseline_date) == 0))
        g_ptr_array_add (in_scope, difference);
    }
  return in_scope;
}

/* Councils, each named once though it differs at both elections (the
 * differences are sorted by council). */
static guint
count_councils (GPtrArray *differences)
{
  guint n = 0;

  for (guint i = 0; i < differences->len; i++)
    if (i == 0 || !g_str_equal (((TallyRecordDifference *) g_ptr_array_index (differences, i))->council_code,
                                ((TallyRecordDifference *) g_ptr_array_index (differences, i - 1))->council_code))
      n++;
  return n;
}

/**
 * tally_record_check_describe:
 * @differences: (element-type TallyRecordDifference): from tally_record_check()
 *
 * Returns: (transfer full) (nullable): every difference, for a reader
 * comparing Tally's figures with a published scoreboard: "Seats differ from
 * the published record in 3 councils …: Broxbourne (2018): Con 10 seats
 * (published 9), Lab 0 (published 1); …", or NULL when there is none
 */
char *
tally_record_check_describe (GPtrArray *differences)
{
  g_autoptr(GString) text = NULL;

  if (differences == NULL || differences->len == 0)
    return NULL;

  text = g_string_new (NULL);
  g_string_append_printf (text,
                          g_dngettext (GETTEXT_PACKAGE,
                                       "Seats differ from the published record in %u council: the figures here "
                                       "are the imported file’s, the record is Tally’s bundled results, each "
                                       "sourced in SOURCES.md: ",
                                       "Seats differ from the published record in %u councils: the figures here "
                                       "are the imported file’s, the record is Tally’s bundled results, each "
                                       "sourced in SOURCES.md: ",
                                       count_councils (differences)),
                          count_councils (differences));
  for (guint i = 0; i < differences->len; i++)
    {
      TallyRecordDifference *difference = g_ptr_array_index (differences, i);

      /* Translators: "Broxbourne (2018): Con 10 seats (published 9), Lab 0 (published 1)" */
      g_string_append_printf (text, _("%s%s (%.4s): %s"), i > 0 ? "; " : "", difference->council_name,
                              difference->date, difference->detail);
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

/**
 * tally_record_check_describe_brief:
 * @differences: (element-type TallyRecordDifference): from tally_record_check()
 *
 * Returns: (transfer full) (nullable): one short line naming the councils,
 * "Seats not as published in 3 councils: Broxbourne, North Tyneside,
 * Wokingham", or NULL when there is no difference
 */
char *
tally_record_check_describe_brief (GPtrArray *differences)
{
  g_autoptr(GString) names = NULL;
  guint n_councils;

  if (differences == NULL || differences->len == 0)
    return NULL;

  names = g_string_new (NULL);
  for (guint i = 0; i < differences->len; i++)
    {
      TallyRecordDifference *difference = g_ptr_array_index (differences, i);

      /* The same council at both elections is named once. */
      if (i > 0 && g_str_equal (difference->council_code,
                                ((TallyRecordDifference *) g_ptr_array_index (differences, i - 1))->council_code))
        continue;
      if (names->len > 0)
        g_string_append (names, ", ");
      g_string_append (names, difference->council_name);
    }
  n_councils = count_councils (differences);
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "Seats not as published in %u council: %s",
                                       "Seats not as published in %u councils: %s",
                                       n_councils),
                          n_councils, names->str);
}
