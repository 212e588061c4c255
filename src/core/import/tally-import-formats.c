/* tally-import-formats.c: the results files Tally reads, row by row.
 *
 * Five formats, each told apart by the column names on its header line
 * (named in any order, in any case):
 *
 *  - Democracy Club results CSV (dc): one row per candidate, with
 *    ballot_paper_id, person_name, party_name, ballots_cast, is_winner.  The
 *    ballot id ("local.salford.kersal.2018-05-03", ".by." for a by-election)
 *    names the council, the ward and the date.  As published for 2018, the
 *    file starts with a stray line ("False") before its header: up to four
 *    lines before a header are skipped, with a warning.  Mayoral and
 *    parliamentary ballots are counted and skipped.
 *  - LEAP CSV (leap): Ward, Council, Candidate, Party (a LEAP code such as C,
 *    Lab, LD, Grn, UKIP, Ind), Votes, Elected.  It carries no date: the
 *    election is named by the caller, or taken from a year in the file name
 *    when the database holds exactly one election that year.
 *  - Open Council Data composition CSV (ocd): authority, year, total and the
 *    seats of con, lab, ld, green, ukip, other (ref, pc, snp if present).  A
 *    year's snapshot is the composition after that year's election and
 *    before the next year's, for whichever of those the database holds.
 *  - Tally's own candidate CSV (tally): documented in tests/data/README.md.
 *  - Tally's notional baseline CSV (notional): council × party seats (and
 *    votes) at the previous comparable election on new ward boundaries,
 *    documented in docs/NOTIONAL-CSV.md and read by tally-import-notional.c.
 *
 * Every value is checked before it is used; a bad one stops the import with
 * the file, line, column and reason.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "tally-import-reader-private.h"

enum { DC_BALLOT, DC_NAME, DC_PARTY, DC_VOTES, DC_WINNER, DC_DECLARED };
enum { LEAP_WARD, LEAP_COUNCIL, LEAP_CANDIDATE, LEAP_PARTY, LEAP_VOTES, LEAP_ELECTED };
enum { OCD_AUTHORITY, OCD_YEAR, OCD_TOTAL, OCD_CON, OCD_LAB, OCD_LD, OCD_GREEN, OCD_UKIP,
       OCD_OTHER, OCD_REF, OCD_PC, OCD_SNP };
enum { TALLY_DATE, TALLY_CANDIDATE, TALLY_WARD_NAME, TALLY_PARTY, TALLY_VOTES, TALLY_ELECTED,
       TALLY_COUNCIL_CODE, TALLY_COUNCIL_NAME, TALLY_WARD_CODE, TALLY_BALLOT, TALLY_BY_ELECTION,
       TALLY_SEATS, TALLY_DECLARED };

/* The OCD columns and the parties they count: bundled keys first, then
 * parties no English council had in 2018, found or added by name. */
static const char * const ocd_parties[] = {
  [OCD_CON] = "CON", [OCD_LAB] = "LAB", [OCD_LD] = "LD", [OCD_GREEN] = "GRN",
  [OCD_UKIP] = "UKIP", [OCD_OTHER] = "OTH", [OCD_REF] = "Reform UK",
  [OCD_PC] = "Plaid Cymru", [OCD_SNP] = "Scottish National Party",
};

const char *
_tally_reader_field (Reader *self,
                     guint   column)
{
  int index = self->index[column];

  return index >= 0 ? tally_csv_reader_get_field (self->csv, index) : "";
}

gboolean
_tally_reader_require_text (Reader      *self,
                            guint        column,
                            const char **value,
                            GError     **error)
{
  *value = _tally_reader_field (self, column);
  if ((*value)[0] != '\0')
    return TRUE;

  tally_csv_reader_set_error (self->csv, error, self->index[column], _("a value is needed here"));
  return FALSE;
}

/* A whole number from 0 to @max; empty gives @empty_value, or an error when that is -1. */
gboolean
_tally_reader_parse_count (Reader   *self,
                           guint     column,
                           gint64    max,
                           gint64    empty_value,
                           gint64   *value,
                           GError  **error)
{
  const char *text = _tally_reader_field (self, column);
  guint64 parsed = 0;
  int index = self->index[column];
  const char *p;

  /* The common case, short and all digits, without a library call. */
  for (p = text; *p >= '0' && *p <= '9' && p - text < 12; p++)
    parsed = parsed * 10 + (*p - '0');
  if (*p == '\0' && p != text && parsed <= (guint64) max)
    {
      *value = (gint64) parsed;
      return TRUE;
    }

  if (text[0] == '\0')
    {
      if (empty_value >= 0)
        {
          *value = empty_value;
          return TRUE;
        }
      tally_csv_reader_set_error (self->csv, error, index, _("a number is needed here"));
      return FALSE;
    }

  if (text[0] == '-' && text[1] != '\0' && strspn (text + 1, "0123456789") == strlen (text + 1))
    {
      tally_csv_reader_set_error (self->csv, error, index, _("“%s” is negative: it must be 0 or more"), text);
      return FALSE;
    }

  if (strspn (text, "0123456789") != strlen (text))
    {
      tally_csv_reader_set_error (self->csv, error, index,
                                  _("“%s” is not a whole number (write digits only, "
                                    "without separators)"), text);
      return FALSE;
    }

  if (!g_ascii_string_to_unsigned (text, 10, 0, max, &parsed, NULL))
    {
      g_autofree char *shown = g_utf8_substring (text, 0, MIN (g_utf8_strlen (text, -1), 24));

      tally_csv_reader_set_error (self->csv, error, index,
                                  _("“%s” is too large: at most %" G_GINT64_FORMAT), shown, max);
      return FALSE;
    }

  *value = (gint64) parsed;
  return TRUE;
}

/* 1/0, true/false, yes/no, in any case; empty gives @empty_value, or an error when that is -1. */
static gboolean
parse_flag (Reader    *self,
            guint      column,
            int        empty_value,
            gboolean  *value,
            GError   **error)
{
  static const char * const yes[] = { "1", "true", "t", "yes", "y" };
  static const char * const no[] = { "0", "false", "f", "no", "n" };
  const char *text = _tally_reader_field (self, column);

  if ((text[0] == '0' || text[0] == '1') && text[1] == '\0')
    return (*value = (text[0] == '1'), TRUE);

  if (text[0] == '\0' && empty_value >= 0)
    {
      *value = empty_value;
      return TRUE;
    }

  for (guint i = 0; i < G_N_ELEMENTS (yes); i++)
    {
      if (g_ascii_strcasecmp (text, yes[i]) == 0)
        return (*value = TRUE);
      if (g_ascii_strcasecmp (text, no[i]) == 0)
        return (*value = FALSE, TRUE);
    }

  tally_csv_reader_set_error (self->csv, error, self->index[column],
                              _("“%s” is not 1 or 0 (true or false)"), text);
  return FALSE;
}

gboolean
_tally_reader_is_date (const char *text)
{
  guint64 year, month, day;

  if (strlen (text) != 10 || text[4] != '-' || text[7] != '-' ||
      strspn (text, "0123456789-") != 10)
    return FALSE;

  year = g_ascii_strtoull (text, NULL, 10);
  month = g_ascii_strtoull (text + 5, NULL, 10);
  day = g_ascii_strtoull (text + 8, NULL, 10);

  return year >= 1800 && year <= 2200 && g_date_valid_dmy (day, month, year);
}

static char *
name_from_slug (const char *slug)
{
  static const char * const small_words[] = {
    "and", "at", "by", "cum", "de", "en", "in", "le", "next", "of", "on", "the", "under",
    "upon", "with", NULL,
  };
  g_auto(GStrv) words = g_strsplit (slug, "-", -1);
  GString *name = g_string_new (NULL);

  for (guint i = 0; words[i] != NULL; i++)
    {
      if (words[i][0] == '\0')
        continue;
      if (name->len > 0)
        g_string_append_c (name, ' ');
      if (name->len > 0 && g_strv_contains (small_words, words[i]))
        g_string_append (name, words[i]);
      else
        {
          g_string_append_c (name, g_ascii_toupper (words[i][0]));
          g_string_append (name, words[i] + 1);
        }
    }

  return g_string_free (name, FALSE);
}

static void
count_skipped (Reader     *self,
               const char *kind)
{
  guint rows = GPOINTER_TO_UINT (g_hash_table_lookup (self->skipped, kind));

  g_hash_table_replace (self->skipped, g_strdup (kind), GUINT_TO_POINTER (rows + 1));
  _tally_import_store_skip_row (self->store);
}

/* The optional declaration time of a row's ward: ISO 8601
 * ("2018-05-04T02:14:00+01:00"; without a zone, local time; the seconds
 * and the "T" may be left out); empty means not given. */
static gboolean
parse_declared (Reader   *self,
                guint     column,
                gint64   *value,
                GError  **error)
{
  const char *text = _tally_reader_field (self, column);
  g_autoptr(GTimeZone) local = NULL;
  g_autoptr(GDateTime) time = NULL;
  g_autofree char *iso = NULL;

  *value = 0;
  if (text[0] == '\0')
    return TRUE;

  iso = g_strdelimit (g_strstrip (g_strdup (text)), " ", 'T');
  if (strlen (iso) == 16)
    {
      g_autofree char *full = g_strconcat (iso, ":00", NULL);

      g_free (iso);
      iso = g_steal_pointer (&full);
    }
  local = g_time_zone_new_local ();
  if ((time = g_date_time_new_from_iso8601 (iso, local)) == NULL || g_date_time_get_year (time) < 1900)
    {
      tally_csv_reader_set_error (self->csv, error, self->index[column],
                                  _("“%s” is not a time: give it as 2018-05-04T02:14:00+01:00"), text);
      return FALSE;
    }

  *value = g_date_time_to_unix (time);
  return TRUE;
}

/* Democracy Club */

static gboolean
dc_read_row (Reader  *self,
             GError **error)
{
  TallyImportCandidate row = { 0 };
  g_auto(GStrv) parts = NULL;
  const char *ballot;
  const char *ward_slug;
  char *ward_name;
  guint n_parts;

  if (!_tally_reader_require_text (self, DC_BALLOT, &ballot, error))
    return FALSE;

  parts = g_strsplit (ballot, ".", 6);
  n_parts = g_strv_length (parts);

  if (n_parts >= 2 && !g_str_equal (parts[0], "local"))
    {
      count_skipped (self, parts[0]);
      return TRUE;
    }

  if (!((n_parts == 4 || (n_parts == 5 && g_str_equal (parts[3], "by"))) &&
        parts[1][0] != '\0' && parts[2][0] != '\0' && _tally_reader_is_date (parts[n_parts - 1])))
    {
      tally_csv_reader_set_error (self->csv, error, self->index[DC_BALLOT],
                                  _("“%s” is not a Democracy Club ballot id "
                                    "(local.COUNCIL.WARD.YYYY-MM-DD, with .by before the date "
                                    "for a by-election)"),
                                  ballot);
      return FALSE;
    }

  ward_slug = parts[2];
  if (!(ward_name = g_hash_table_lookup (self->ward_names, ward_slug)))
    {
      ward_name = name_from_slug (ward_slug);
      g_hash_table_insert (self->ward_names, g_strdup (ward_slug), ward_name);
    }

  row.date = parts[n_parts - 1];
  row.council_name = parts[1];
  row.ward_name = ward_name;
  row.ballot = ballot;
  row.by_election = (n_parts == 5);

  return _tally_reader_require_text (self, DC_NAME, &row.candidate, error) &&
         _tally_reader_require_text (self, DC_PARTY, &row.party, error) &&
         _tally_reader_parse_count (self, DC_VOTES, MAX_VOTES, -1, &row.votes, error) &&
         parse_flag (self, DC_WINNER, -1, &row.elected, error) &&
         parse_declared (self, DC_DECLARED, &row.declared_at, error) &&
         _tally_import_store_add_candidate (self->store, &row, error);
}

/* LEAP */

static gboolean
leap_begin (Reader  *self,
            GError **error)
{
  g_autofree char *basename = g_file_get_basename (self->file);
  g_autoptr(GArray) dates = NULL;
  int year = 0;

  if (self->election_date != NULL)
    {
      if (!_tally_reader_is_date (self->election_date))
        {
          g_set_error (error, TALLY_IMPORT_ERROR, TALLY_IMPORT_ERROR_ELECTION,
                       _("“%s” is not a date (YYYY-MM-DD)"), self->election_date);
          return FALSE;
        }
      return TRUE;
    }

  /* "2014_results.csv", "leap_2014_results_raw.csv": a year, alone. */
  for (const char *p = basename; *p != '\0'; p++)
    {
      if ((p == basename || !g_ascii_isdigit (p[-1])) &&
          (g_str_has_prefix (p, "19") || g_str_has_prefix (p, "20")) &&
          g_ascii_isdigit (p[2]) && g_ascii_isdigit (p[3]) && !g_ascii_isdigit (p[4]))
        {
          year = (int) g_ascii_strtoll (p, NULL, 10);
          break;
        }
    }

  if (year != 0)
    dates = _tally_import_store_find_elections_in_year (self->store, year);

  if (dates == NULL || dates->len != 1)
    {
      g_set_error (error, TALLY_IMPORT_ERROR, TALLY_IMPORT_ERROR_ELECTION,
                   _("%s: a LEAP file does not say which election it holds; "
                     "name its date with --date YYYY-MM-DD"),
                   tally_csv_reader_get_display_name (self->csv));
      return FALSE;
    }

  self->election_date = self->election_date_owned = g_strdup (g_array_index (dates, const char *, 0));
  _tally_import_summary_warn (self->summary,
                              _("%s: a LEAP file gives no date; read as the election of %s, "
                                "from the year in its name (--date names another)"),
                              tally_csv_reader_get_display_name (self->csv), self->election_date);
  return TRUE;
}

static gboolean
leap_read_row (Reader  *self,
               GError **error)
{
  TallyImportCandidate row = { 0 };

  row.date = self->election_date;

  return _tally_reader_require_text (self, LEAP_COUNCIL, &row.council_name, error) &&
         _tally_reader_require_text (self, LEAP_WARD, &row.ward_name, error) &&
         _tally_reader_require_text (self, LEAP_CANDIDATE, &row.candidate, error) &&
         _tally_reader_require_text (self, LEAP_PARTY, &row.party, error) &&
         _tally_reader_parse_count (self, LEAP_VOTES, MAX_VOTES, -1, &row.votes, error) &&
         parse_flag (self, LEAP_ELECTED, -1, &row.elected, error) &&
         _tally_import_store_add_candidate (self->store, &row, error);
}

/* Open Council Data */

static gboolean
ocd_read_row (Reader  *self,
              GError **error)
{
  gint64 party_ids[G_N_ELEMENTS (ocd_parties)];
  guint seats[G_N_ELEMENTS (ocd_parties)];
  const char *authority;
  gint64 year, total, council_id, sum = 0;
  guint n_parties = 0;
  gboolean stored = FALSE;

  if (!_tally_reader_require_text (self, OCD_AUTHORITY, &authority, error) ||
      !_tally_reader_parse_count (self, OCD_YEAR, 2200, -1, &year, error) ||
      !_tally_reader_parse_count (self, OCD_TOTAL, MAX_SEATS, -1, &total, error))
    return FALSE;

  for (guint column = OCD_CON; column < G_N_ELEMENTS (ocd_parties); column++)
    {
      gint64 count;

      if (!_tally_reader_parse_count (self, column, MAX_SEATS, 0, &count, error))
        return FALSE;
      if (count == 0)
        continue;

      if (!(party_ids[n_parties] = _tally_import_store_find_party (self->store, ocd_parties[column], error)))
        return FALSE;
      seats[n_parties++] = count;
      sum += count;
    }

  if (sum != total)
    {
      tally_csv_reader_set_error (self->csv, error, self->index[OCD_TOTAL],
                                  _("the parties’ seats add up to %" G_GINT64_FORMAT
                                    ", not %" G_GINT64_FORMAT),
                                  sum, total);
      return FALSE;
    }

  if (!(council_id = _tally_import_store_find_council (self->store, NULL, authority)))
    {
      _tally_import_store_skip_row (self->store);
      return TRUE;
    }

  /* After this year's election, before next year's. */
  for (guint stage = TALLY_IMPORT_STAGE_BEFORE; stage <= TALLY_IMPORT_STAGE_AFTER; stage++)
    {
      g_autoptr(GArray) dates = NULL;
      const char *date;
      gint64 election_id;

      dates = _tally_import_store_find_elections_in_year (self->store,
                                                          stage == TALLY_IMPORT_STAGE_AFTER ? year : year + 1);
      if (dates->len == 0)
        continue;

      date = g_array_index (dates, const char *,
                            stage == TALLY_IMPORT_STAGE_AFTER ? dates->len - 1 : 0);
      if (!(election_id = _tally_import_store_find_election (self->store, date, error)) ||
          !_tally_import_store_set_composition (self->store, election_id, council_id, stage,
                                                party_ids, seats, n_parties, error))
        return FALSE;
      stored = TRUE;
    }

  if (!stored)
    {
      g_autofree char *reason = g_strdup_printf ("%d", (int) year);

      count_skipped (self, reason);
    }

  return TRUE;
}

/* Tally's own */

static gboolean
tally_begin (Reader  *self,
             GError **error)
{
  if (self->index[TALLY_COUNCIL_CODE] < 0 && self->index[TALLY_COUNCIL_NAME] < 0)
    {
      tally_csv_reader_set_line_error (self->csv, error, TALLY_IMPORT_ERROR_COLUMNS,
                                       _("the header needs a council_code or a council_name column"));
      return FALSE;
    }

  return TRUE;
}

static gboolean
tally_read_row (Reader  *self,
                GError **error)
{
  TallyImportCandidate row = { 0 };
  gint64 seats;

  if (!_tally_reader_require_text (self, TALLY_DATE, &row.date, error))
    return FALSE;

  if (g_strcmp0 (row.date, self->last_date) != 0)
    {
      if (!_tally_reader_is_date (row.date))
        {
          tally_csv_reader_set_error (self->csv, error, self->index[TALLY_DATE],
                                      _("“%s” is not a date (YYYY-MM-DD)"), row.date);
          return FALSE;
        }
      g_free (self->last_date);
      self->last_date = g_strdup (row.date);
    }

  row.council_code = _tally_reader_field (self, TALLY_COUNCIL_CODE);
  row.council_name = _tally_reader_field (self, TALLY_COUNCIL_NAME);
  if (row.council_code[0] == '\0' && row.council_name[0] == '\0')
    {
      int index = self->index[TALLY_COUNCIL_CODE] >= 0 ? self->index[TALLY_COUNCIL_CODE]
                                                       : self->index[TALLY_COUNCIL_NAME];

      tally_csv_reader_set_error (self->csv, error, index, _("a council code or name is needed"));
      return FALSE;
    }
  if (row.council_code[0] == '\0')
    row.council_code = NULL;
  if (row.council_name[0] == '\0')
    row.council_name = NULL;

  row.ward_code = _tally_reader_field (self, TALLY_WARD_CODE);
  if (row.ward_code[0] == '\0')
    row.ward_code = NULL;
  row.ballot = _tally_reader_field (self, TALLY_BALLOT);
  if (row.ballot[0] == '\0')
    row.ballot = NULL;

  if (!_tally_reader_require_text (self, TALLY_WARD_NAME, &row.ward_name, error) ||
      !parse_flag (self, TALLY_BY_ELECTION, FALSE, &row.by_election, error) ||
      !_tally_reader_parse_count (self, TALLY_SEATS, MAX_SEATS, 0, &seats, error) ||
      !_tally_reader_require_text (self, TALLY_CANDIDATE, &row.candidate, error) ||
      !_tally_reader_require_text (self, TALLY_PARTY, &row.party, error) ||
      !_tally_reader_parse_count (self, TALLY_VOTES, MAX_VOTES, -1, &row.votes, error) ||
      !parse_flag (self, TALLY_ELECTED, -1, &row.elected, error) ||
      !parse_declared (self, TALLY_DECLARED, &row.declared_at, error))
    return FALSE;

  row.seats = seats;
  return _tally_import_store_add_candidate (self->store, &row, error);
}

static const Format formats[] = {
  {
    TALLY_IMPORT_FORMAT_DC,
    { "ballot_paper_id", "person_name", "party_name", "ballots_cast", "is_winner", "declared_at", NULL },
    5, 2, NULL, dc_read_row, NULL,
  },
  {
    TALLY_IMPORT_FORMAT_LEAP,
    { "ward", "council", "candidate", "party", "votes", "elected", NULL },
    6, 2, leap_begin, leap_read_row, NULL,
  },
  {
    TALLY_IMPORT_FORMAT_OCD,
    { "authority", "year", "total", "con", "lab", "ld", "green", "ukip", "other",
      "ref", "pc", "snp", NULL },
    9, 3, NULL, ocd_read_row, NULL,
  },
  /* Before Tally's candidate CSV, which also starts with election_date. */
  {
    TALLY_IMPORT_FORMAT_NOTIONAL,
    { [NOTIONAL_SEATS] = "notional_seats", [NOTIONAL_DATE] = "election_date",
      [NOTIONAL_PARTY] = "party", [NOTIONAL_BASELINE] = "baseline",
      [NOTIONAL_COUNCIL_CODE] = "council_code", [NOTIONAL_COUNCIL_NAME] = "council_name",
      [NOTIONAL_VOTES] = "notional_votes", [NOTIONAL_SOURCE] = "source", NULL },
    4, 1, _tally_import_notional_begin, _tally_import_notional_read_row, _tally_import_notional_end,
  },
  {
    TALLY_IMPORT_FORMAT_TALLY,
    { "election_date", "candidate", "ward_name", "party", "votes", "elected", "council_code",
      "council_name", "ward_code", "ballot", "by_election", "seats", "declared_at", NULL },
    6, 1, tally_begin, tally_read_row, NULL,
  },
};

static const Format *
format_for (TallyImportFormat format)
{
  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    if (formats[i].format == format)
      return &formats[i];

  g_return_val_if_reached (NULL);
}

/* Lower-cased, trimmed header names, to compare with a format's columns. */
static GStrv
read_header (TallyCsvReader *csv)
{
  guint n_fields = tally_csv_reader_get_n_fields (csv);
  GStrv names = g_new0 (char *, n_fields + 1);

  for (guint i = 0; i < n_fields; i++)
    names[i] = g_strstrip (g_ascii_strdown (tally_csv_reader_get_field (csv, i), -1));

  return names;
}

static guint
count_present (const Format *format,
               GStrv         header,
               guint         n_columns)
{
  guint present = 0;

  for (guint i = 0; i < n_columns; i++)
    if (g_strv_contains ((const char * const *) header, format->columns[i]))
      present++;

  return present;
}

static char *
list_missing (const Format *format,
              GStrv         header)
{
  g_autoptr(GPtrArray) missing = g_ptr_array_new ();

  for (guint i = 0; i < format->n_required; i++)
    if (!g_strv_contains ((const char * const *) header, format->columns[i]))
      g_ptr_array_add (missing, (char *) format->columns[i]);
  g_ptr_array_add (missing, NULL);

  return g_strjoinv (", ", (char **) missing->pdata);
}

static char *
describe_start (TallyCsvReader *csv)
{
  g_autoptr(GPtrArray) fields = g_ptr_array_new ();
  g_autofree char *joined = NULL;

  for (guint i = 0; i < MIN (tally_csv_reader_get_n_fields (csv), 4); i++)
    g_ptr_array_add (fields, (char *) tally_csv_reader_get_field (csv, i));
  g_ptr_array_add (fields, NULL);

  joined = g_strjoinv (",", (char **) fields->pdata);
  if (g_utf8_strlen (joined, -1) > 60)
    {
      char *shortened = g_utf8_substring (joined, 0, 60);

      g_free (joined);
      joined = g_strconcat (shortened, "…", NULL);
      g_free (shortened);
    }

  return g_steal_pointer (&joined);
}

/* Finds the header among the first lines and decides the format. */
static gboolean
find_header (Reader             *self,
             TallyImportFormat   requested,
             GError            **error)
{
  g_autoptr(GPtrArray) preamble = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) local_error = NULL;
  const Format *found = NULL;
  const Format *closest = NULL;
  g_auto(GStrv) closest_header = NULL;
  g_auto(GStrv) header = NULL;
  g_autofree char *first_line = NULL;
  guint closest_line = 0;
  double closest_score = 0.0;

  for (guint attempt = 0; attempt <= MAX_PREAMBLE && found == NULL; attempt++)
    {
      if (!tally_csv_reader_next (self->csv, &local_error))
        {
          if (local_error != NULL)
            {
              g_propagate_error (error, g_steal_pointer (&local_error));
              return FALSE;
            }
          if (attempt == 0)
            {
              g_set_error (error, TALLY_IMPORT_ERROR, TALLY_IMPORT_ERROR_EMPTY,
                           _("%s: the file is empty"), tally_csv_reader_get_display_name (self->csv));
              return FALSE;
            }
          break;
        }

      g_clear_pointer (&header, g_strfreev);
      header = read_header (self->csv);
      if (first_line == NULL)
        first_line = describe_start (self->csv);

      for (guint i = 0; i < G_N_ELEMENTS (formats) && found == NULL; i++)
        {
          const Format *format = &formats[i];
          double score;

          if (requested != TALLY_IMPORT_FORMAT_AUTO && format->format != requested)
            continue;

          if (count_present (format, header, format->n_signature) == format->n_signature &&
              count_present (format, header, format->n_required) == format->n_required)
            {
              found = format;
              break;
            }

          score = (double) count_present (format, header, format->n_required) / format->n_required;
          if (score > closest_score)
            {
              closest = format;
              closest_score = score;
              closest_line = tally_csv_reader_get_line (self->csv);
              g_clear_pointer (&closest_header, g_strfreev);
              closest_header = g_strdupv (header);
            }
        }

      if (found == NULL)
        {
          g_autofree char *start = describe_start (self->csv);

          g_ptr_array_add (preamble, g_strdup_printf ("%u (“%s”)", tally_csv_reader_get_line (self->csv),
                                                      start));
        }
    }

  if (found == NULL)
    {
      const char *name = tally_csv_reader_get_display_name (self->csv);

      if (closest != NULL && (closest_score >= 0.5 || requested != TALLY_IMPORT_FORMAT_AUTO))
        {
          g_autofree char *missing = list_missing (closest, closest_header);

          g_set_error (error, TALLY_IMPORT_ERROR, TALLY_IMPORT_ERROR_COLUMNS,
                       _("%s, line %u: the header of a %s lacks these columns: %s"),
                       name, closest_line, tally_import_format_get_label (closest->format), missing);
        }
      else if (requested != TALLY_IMPORT_FORMAT_AUTO)
        {
          g_autofree char *missing = list_missing (format_for (requested), header);

          g_set_error (error, TALLY_IMPORT_ERROR, TALLY_IMPORT_ERROR_COLUMNS,
                       _("%s, line 1: the header of a %s lacks these columns: %s"),
                       name, tally_import_format_get_label (requested), missing);
        }
      else
        {
          g_set_error (error, TALLY_IMPORT_ERROR, TALLY_IMPORT_ERROR_FORMAT,
                       _("%s: not a results file Tally reads: its first line should name the "
                         "columns of a Democracy Club, LEAP, Open Council Data, Tally or notional "
                         "baseline CSV "
                         "(it reads “%s”)"),
                       name, first_line);
        }
      return FALSE;
    }

  self->format = found;

  /* Where each column is; a name given twice would make a row ambiguous. */
  for (guint i = 0; i < MAX_COLUMNS; i++)
    self->index[i] = -1;
  for (guint field = 0; header[field] != NULL; field++)
    {
      gboolean known = FALSE;

      for (guint i = 0; found->columns[i] != NULL; i++)
        {
          if (!g_str_equal (header[field], found->columns[i]))
            continue;

          known = TRUE;
          if (self->index[i] >= 0)
            {
              g_set_error (error, TALLY_IMPORT_ERROR, TALLY_IMPORT_ERROR_COLUMNS,
                           _("%s, line %u: the column %s is named twice"),
                           tally_csv_reader_get_display_name (self->csv),
                           tally_csv_reader_get_line (self->csv), found->columns[i]);
              return FALSE;
            }
          self->index[i] = field;
        }

      /* Other formats carry columns Tally has no use for; in its own, a
       * column it does not know is probably a misspelling. */
      if (!known && (found->format == TALLY_IMPORT_FORMAT_TALLY || found->format == TALLY_IMPORT_FORMAT_NOTIONAL))
        _tally_import_summary_warn (self->summary, _("%s, line %u: Tally reads no column “%s”: ignored"),
                                    tally_csv_reader_get_display_name (self->csv),
                                    tally_csv_reader_get_line (self->csv), header[field]);
    }

  for (guint i = 0; i < preamble->len; i++)
    _tally_import_summary_warn (self->summary, _("%s: line %s comes before the header: skipped"),
                                tally_csv_reader_get_display_name (self->csv),
                                (const char *) g_ptr_array_index (preamble, i));

  /* Messages about fields name them as the file does. */
  {
    guint n_fields = tally_csv_reader_get_n_fields (self->csv);
    g_auto(GStrv) names = g_new0 (char *, n_fields + 1);

    for (guint i = 0; i < n_fields; i++)
      names[i] = g_strdup (tally_csv_reader_get_field (self->csv, i));
    tally_csv_reader_set_column_names (self->csv, names);
  }

  return TRUE;
}

static void
warn_skipped (Reader *self)
{
  const char *name = tally_csv_reader_get_display_name (self->csv);
  GHashTableIter iter;
  gpointer kind, rows;

  g_hash_table_iter_init (&iter, self->skipped);
  while (g_hash_table_iter_next (&iter, &kind, &rows))
    {
      guint n_rows = GPOINTER_TO_UINT (rows);

      if (self->format->format == TALLY_IMPORT_FORMAT_OCD)
        _tally_import_summary_warn (self->summary,
                                    g_dngettext (GETTEXT_PACKAGE,
                                                 "%s: %u row of %s skipped: the database has no "
                                                 "election that year or the next",
                                                 "%s: %u rows of %s skipped: the database has no "
                                                 "election that year or the next",
                                                 n_rows),
                                    name, n_rows, (const char *) kind);
      else
        _tally_import_summary_warn (self->summary,
                                    g_dngettext (GETTEXT_PACKAGE,
                                                 "%s: %u row of “%s” ballots skipped: Tally holds "
                                                 "council elections",
                                                 "%s: %u rows of “%s” ballots skipped: Tally holds "
                                                 "council elections",
                                                 n_rows),
                                    name, n_rows, (const char *) kind);
    }
}

static void
reader_clear (Reader *self)
{
  g_clear_pointer (&self->csv, tally_csv_reader_free);
  g_clear_pointer (&self->ward_names, g_hash_table_unref);
  g_clear_pointer (&self->skipped, g_hash_table_unref);
  g_clear_pointer (&self->election_date_owned, g_free);
  g_clear_pointer (&self->last_date, g_free);
  if (self->format_data_free != NULL)
    g_clear_pointer (&self->format_data, self->format_data_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Reader, reader_clear)

/**
 * _tally_import_read_file:
 * @format: the file's format, or %TALLY_IMPORT_FORMAT_AUTO to read it from the header
 * @election_date: (nullable): the election a LEAP file holds
 *
 * Reads every row of @file into @store.  The caller owns the transaction:
 * on error, it rolls back.
 */
gboolean
_tally_import_read_file (TallyImportStore         *store,
                         TallyImportSummary       *summary,
                         GFile                    *file,
                         TallyImportFormat         format,
                         const char               *election_date,
                         GCancellable             *cancellable,
                         TallyImportProgressFunc   progress_func,
                         gpointer                  progress_data,
                         GError                  **error)
{
  g_auto(Reader) self = { 0 };
  g_autoptr(GError) local_error = NULL;
  guint n_header_fields;
  guint rows = 0;

  g_return_val_if_fail (store != NULL, FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  self.store = store;
  self.summary = summary;
  self.file = file;
  self.election_date = election_date;
  self.ward_names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self.skipped = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  if (!(self.csv = tally_csv_reader_new (file, cancellable, error)))
    return FALSE;

  _tally_import_store_begin_file (store, self.csv);

  if (!find_header (&self, format, error))
    return FALSE;

  if (self.format->begin != NULL && !self.format->begin (&self, error))
    return FALSE;

  n_header_fields = tally_csv_reader_get_n_fields (self.csv);

  while (tally_csv_reader_next (self.csv, &local_error))
    {
      guint n_fields = tally_csv_reader_get_n_fields (self.csv);

      rows++;
      summary->rows_read++;

      if (n_fields != n_header_fields)
        {
          tally_csv_reader_set_line_error (self.csv, error, TALLY_IMPORT_ERROR_FIELDS,
                                           g_dngettext (GETTEXT_PACKAGE,
                                                        "%u field, but the header names %u",
                                                        "%u fields, but the header names %u",
                                                        n_fields),
                                           n_fields, n_header_fields);
          return FALSE;
        }

      if (!self.format->read_row (&self, error))
        return FALSE;

      if (progress_func != NULL && rows % 4096 == 0)
        progress_func (tally_csv_reader_get_position (self.csv), progress_data);
    }

  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  if (rows == 0)
    _tally_import_summary_warn (summary, _("%s: no rows after the header"),
                                tally_csv_reader_get_display_name (self.csv));

  warn_skipped (&self);

  if (self.format->end != NULL && !self.format->end (&self, error))
    return FALSE;

  if (progress_func != NULL)
    progress_func (tally_csv_reader_get_position (self.csv), progress_data);

  return _tally_import_store_end_file (store, self.format->format, rows, error);
}
