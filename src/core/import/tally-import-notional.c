/* tally-import-notional.c: Tally's notional baseline CSV.
 *
 * Where a council fought new ward boundaries, its seat change can only be
 * measured against a notional result: the previous comparable election
 * recalculated on the new wards (the BBC's, or one a newsroom works out).
 * This file reads them, one row per council and party (docs/NOTIONAL-CSV.md):
 *
 *   election_date,council_code,baseline,party,notional_seats,notional_votes,source
 *   2018-05-03,E08000003,2014,LAB,90,,BBC council page
 *
 * A council's rows are gathered as they come and checked together at the
 * end of the file: one baseline year, each party once, and seats that add
 * up to the seats filled at that election (a baseline for other seats would
 * mix two kinds of change in one number).  Then each council's baseline
 * replaces the one the database held.  Anything wrong stops the import
 * with the file, line and field, and the transaction leaves the database
 * as it was.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "tally-import-reader-private.h"

typedef struct
{
  gint64  election_id;
  gint64  council_id;
  char   *date;
  char   *baseline;
  char   *source;
  guint   first_line;
  GArray *party_ids;  /* gint64 */
  GArray *seats;      /* guint */
  GArray *votes;      /* gint64, -1 where not known */
} NotionalCouncil;

typedef struct
{
  GHashTable *by_key;    /* "election:council" → NotionalCouncil*, borrowed */
  GPtrArray  *councils;  /* NotionalCouncil*, in the order the file names them */
} Notional;

static void
notional_council_free (gpointer data)
{
  NotionalCouncil *council = data;

  g_free (council->date);
  g_free (council->baseline);
  g_free (council->source);
  g_array_unref (council->party_ids);
  g_array_unref (council->seats);
  g_array_unref (council->votes);
  g_free (council);
}

static void
notional_free (gpointer data)
{
  Notional *notional = data;

  g_hash_table_unref (notional->by_key);
  g_ptr_array_unref (notional->councils);
  g_free (notional);
}

gboolean
_tally_import_notional_begin (Reader  *self,
                              GError **error)
{
  Notional *notional;

  if (self->index[NOTIONAL_COUNCIL_CODE] < 0 && self->index[NOTIONAL_COUNCIL_NAME] < 0)
    {
      tally_csv_reader_set_line_error (self->csv, error, TALLY_IMPORT_ERROR_COLUMNS,
                                       _("the header needs a council_code or a council_name column"));
      return FALSE;
    }

  notional = g_new0 (Notional, 1);
  notional->by_key = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  notional->councils = g_ptr_array_new_with_free_func (notional_council_free);
  self->format_data = notional;
  self->format_data_free = notional_free;
  return TRUE;
}

/* The column a message about the council names. */
static int
council_index (Reader *self)
{
  return self->index[NOTIONAL_COUNCIL_CODE] >= 0 ? self->index[NOTIONAL_COUNCIL_CODE]
                                                 : self->index[NOTIONAL_COUNCIL_NAME];
}

static gboolean
read_council (Reader  *self,
              gint64  *council_id,
              GError **error)
{
  const char *code = _tally_reader_field (self, NOTIONAL_COUNCIL_CODE);
  const char *name = _tally_reader_field (self, NOTIONAL_COUNCIL_NAME);

  if (code[0] == '\0' && name[0] == '\0')
    {
      tally_csv_reader_set_error (self->csv, error, council_index (self), _("a council code or name is needed"));
      return FALSE;
    }

  /* A baseline is a handful of rows written by hand: a council that matches
   * nothing is a mistake to fix, not a row to skip. */
  if (!(*council_id = _tally_import_store_find_council (self->store, code, name)))
    {
      tally_csv_reader_set_error (self->csv, error, council_index (self), _("no council matches “%s”"),
                                  code[0] != '\0' ? code : name);
      return FALSE;
    }

  return TRUE;
}

/* "2014": a year, before the election whose change it measures. */
static gboolean
read_baseline (Reader      *self,
               const char  *date,
               const char **baseline,
               GError     **error)
{
  guint64 year;

  if (!_tally_reader_require_text (self, NOTIONAL_BASELINE, baseline, error))
    return FALSE;

  if (strlen (*baseline) != 4 || strspn (*baseline, "0123456789") != 4 ||
      (year = g_ascii_strtoull (*baseline, NULL, 10)) < 1800 ||
      year >= g_ascii_strtoull (date, NULL, 10))
    {
      tally_csv_reader_set_error (self->csv, error, self->index[NOTIONAL_BASELINE],
                                  _("“%s” is not the year of an election before %.4s (write the "
                                    "previous comparable election’s year, as 2014)"),
                                  *baseline, date);
      return FALSE;
    }

  return TRUE;
}

gboolean
_tally_import_notional_read_row (Reader  *self,
                                 GError **error)
{
  Notional *notional = self->format_data;
  NotionalCouncil *council;
  g_autofree char *key = NULL;
  const char *date, *baseline, *party, *source;
  gint64 seats, votes = -1, election_id, council_id, party_id;

  if (!_tally_reader_parse_count (self, NOTIONAL_SEATS, MAX_SEATS, -1, &seats, error) ||
      !_tally_reader_require_text (self, NOTIONAL_DATE, &date, error))
    return FALSE;

  if (!_tally_reader_is_date (date))
    {
      tally_csv_reader_set_error (self->csv, error, self->index[NOTIONAL_DATE],
                                  _("“%s” is not a date (YYYY-MM-DD)"), date);
      return FALSE;
    }
  if (!(election_id = _tally_import_store_lookup_election (self->store, date)))
    {
      tally_csv_reader_set_error (self->csv, error, self->index[NOTIONAL_DATE],
                                  _("the database has no election on %s: import its results first"), date);
      return FALSE;
    }

  if (!read_council (self, &council_id, error) ||
      !read_baseline (self, date, &baseline, error) ||
      !_tally_reader_require_text (self, NOTIONAL_PARTY, &party, error) ||
      !(party_id = _tally_import_store_find_party (self->store, party, error)))
    return FALSE;

  if (_tally_reader_field (self, NOTIONAL_VOTES)[0] != '\0' &&
      !_tally_reader_parse_count (self, NOTIONAL_VOTES, MAX_VOTES, -1, &votes, error))
    return FALSE;
  source = _tally_reader_field (self, NOTIONAL_SOURCE);

  key = g_strdup_printf ("%" G_GINT64_FORMAT ":%" G_GINT64_FORMAT, election_id, council_id);
  if (!(council = g_hash_table_lookup (notional->by_key, key)))
    {
      council = g_new0 (NotionalCouncil, 1);
      council->election_id = election_id;
      council->council_id = council_id;
      council->date = g_strdup (date);
      council->baseline = g_strdup (baseline);
      council->first_line = tally_csv_reader_get_line (self->csv);
      council->party_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
      council->seats = g_array_new (FALSE, FALSE, sizeof (guint));
      council->votes = g_array_new (FALSE, FALSE, sizeof (gint64));
      g_ptr_array_add (notional->councils, council);
      g_hash_table_insert (notional->by_key, g_steal_pointer (&key), council);
    }
  else if (!g_str_equal (council->baseline, baseline))
    {
      tally_csv_reader_set_error (self->csv, error, self->index[NOTIONAL_BASELINE],
                                  _("%s’s baseline is %s on line %u: one council has one baseline"),
                                  _tally_import_store_get_council_name (self->store, council_id),
                                  council->baseline, council->first_line);
      return FALSE;
    }

  for (guint i = 0; i < council->party_ids->len; i++)
    if (g_array_index (council->party_ids, gint64, i) == party_id)
      {
        tally_csv_reader_set_error (self->csv, error, self->index[NOTIONAL_PARTY],
                                    _("“%s” is given twice for %s"), party,
                                    _tally_import_store_get_council_name (self->store, council_id));
        return FALSE;
      }

  g_array_append_val (council->party_ids, party_id);
  g_array_append_val (council->seats, seats);
  g_array_append_val (council->votes, votes);
  if (council->source == NULL && source[0] != '\0')
    council->source = g_strdup (source);
  return TRUE;
}

gboolean
_tally_import_notional_end (Reader  *self,
                            GError **error)
{
  Notional *notional = self->format_data;
  const char *file = tally_csv_reader_get_display_name (self->csv);

  for (guint i = 0; i < notional->councils->len; i++)
    {
      NotionalCouncil *council = g_ptr_array_index (notional->councils, i);
      const char *name = _tally_import_store_get_council_name (self->store, council->council_id);
      g_autofree char *problem = NULL;
      gint64 total = 0, won;

      for (guint p = 0; p < council->seats->len; p++)
        total += g_array_index (council->seats, guint, p);

      if (!_tally_import_store_get_seats_won (self->store, council->election_id, council->council_id, &won, error))
        return FALSE;

      if (won < 0)
        problem = g_strdup_printf (_("the database has no result for %s on %s to measure against this "
                                     "baseline: import its results first"),
                                   name, council->date);
      else if (won != total)
        problem = g_strdup_printf (_("%s’s notional seats add up to %" G_GINT64_FORMAT ", but %"
                                     G_GINT64_FORMAT " seats were filled there on %s: a baseline for "
                                     "other seats would mix two kinds of change"),
                                   name, total, won, council->date);

      if (problem != NULL)
        {
          g_set_error (error, TALLY_IMPORT_ERROR, TALLY_IMPORT_ERROR_VALUE, _("%s, line %u, field “%s”: %s"),
                       file, council->first_line, "notional_seats", problem);
          return FALSE;
        }

      if (!_tally_import_store_set_notional (self->store, council->election_id, council->council_id,
                                             council->baseline, (const gint64 *) council->party_ids->data,
                                             (const guint *) council->seats->data,
                                             (const gint64 *) council->votes->data, council->party_ids->len,
                                             council->source != NULL ? council->source : file, error))
        return FALSE;
    }

  return TRUE;
}
