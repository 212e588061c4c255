/* tally-import-store.c: matching what imported rows name, and writing them.
 *
 * Rows from elsewhere name councils, wards, parties and elections in their
 * own ways.  The store matches each to the database: councils by ONS code,
 * else by a normalised name ("Kingston upon Hull, City of", "Kingston upon
 * Hull" and the slug "kingston-upon-hull" agree); wards by code, else by
 * normalised name within their council, and are added when new; parties by
 * key, alias, full or short name, and are added to the "other" group when
 * unknown, never dropped; elections by date, and are added when new.  A
 * council that matches nothing is reported, with its rows, not guessed.
 *
 * Writing is idempotent: a contest (one poll in one ward) that a file names
 * again replaces the one already stored, so importing a file twice, or a
 * corrected copy of it, leaves one copy of each result.  Council totals
 * (council_elections, council_results) are then recomputed from the
 * candidates of each council the import touched.
 *
 * Speed (the budget is 300,000 candidate rows a second): what the database
 * holds is read into hash tables once; a row of the same contest as the one
 * before needs no lookup at all; candidates and contests are written 64 rows
 * to an INSERT; a council's totals are summed as its rows go in; and a large
 * import rebuilds the secondary indexes once at the end instead of row by
 * row.  Foreign keys are not checked per row (see tally-import.c): every id
 * written here was just read or made here.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "tally-database-private.h"
#include "tally-import-private.h"

typedef struct
{
  gint64    id;
  gint64    council_id;
  char     *code;
  guint     contested_in_file;  /* the last file that gave it a contest, 0 for none */
  gboolean  had_contests;       /* whether the database held contests for it before that file */
} Ward;

typedef struct
{
  gint64 party_id;
  guint  seats_won;
  gint64 votes;
} PartyTotal;

/* One council at one election, as this import changes it.  When none of the
 * council's contests that day were in the database before, its totals are
 * summed here as rows go in ("fresh"); otherwise they are recomputed from
 * the database at the end. */
typedef struct
{
  gint64    election_id;
  gint64    council_id;
  gboolean  fresh;
  gboolean  scheduled;      /* a contest that is not a by-election */
  guint     seats_up;
  GArray   *parties;        /* PartyTotal */
} CouncilElection;

typedef struct
{
  gint64            id;
  gint64            council_id;
  CouncilElection  *council_election;
  guint             seats;               /* as the file gave it; 0 when it did not */
  guint             stored_seats;        /* as written so far */
  guint             winners;
  gboolean          by_election;
  gboolean          stored_by_election;
} Contest;

typedef struct
{
  char  *name;
  guint  rows;
  guint  first_line;
} Unmatched;

/* Candidates are written BATCH_ROWS at a time by one multi-row INSERT:
 * SQLite sets up a statement's cursors once per step, and that setup cost as
 * much as the row itself. */
#define BATCH_ROWS 64

typedef struct
{
  gint64 contest_id;
  gint64 party_id;
  gint64 votes;
  int    elected;
  gsize  name;         /* offsets into the batch's text */
  gsize  party_name;
} PendingCandidate;

/* Contests too, with ids the store hands out itself: it holds the write
 * lock, and candidates need their contest's id before it is written. */
typedef struct
{
  gint64 id;
  gint64 election_id;
  gint64 ward_id;
  gint64 seats;
  int    by_election;
  gsize  ballot;
} PendingContest;

struct _TallyImportStore
{
  TallyDatabase      *database;
  TallyImportSummary *summary;
  TallyCsvReader     *reader;       /* the file being read, for messages */

  sqlite3_stmt       *insert_candidate;
  sqlite3_stmt       *insert_candidates;   /* BATCH_ROWS rows */
  PendingCandidate    pending[BATCH_ROWS];
  guint               n_pending;
  GString            *pending_text;
  sqlite3_stmt       *insert_contests;     /* BATCH_ROWS rows */
  PendingContest      pending_contests[BATCH_ROWS];
  guint               n_pending_contests;
  GString            *pending_contest_text;
  gint64              next_contest_id;
  GPtrArray          *deferred_indexes;    /* CREATE INDEX statements to run at the end */
  sqlite3_stmt       *find_contest;
  sqlite3_stmt       *insert_contest;
  sqlite3_stmt       *clear_contest;
  sqlite3_stmt       *update_contest;
  sqlite3_stmt       *insert_ward;
  sqlite3_stmt       *update_ward_code;
  sqlite3_stmt       *insert_party;
  sqlite3_stmt       *insert_election;

  GHashTable         *elections;        /* date → gint64* id */
  GHashTable         *council_codes;    /* ONS code → gint64* id */
  GHashTable         *council_keys;     /* name key → gint64* id, 0 when two councils share it */
  GHashTable         *council_names;    /* gint64 id → name */
  GHashTable         *council_cache;    /* "code\x1fname" as a row gave it → gint64* id, 0 when unmatched */
  GHashTable         *parties_exact;    /* key, or a spelling seen before → gint64* id */
  GHashTable         *parties_folded;   /* casefolded alias, full or short name → gint64* id */
  GHashTable         *party_keys;       /* gint64 id → key */
  char               *other_colour;
  char               *other_colour_safe;
  gint64              last_position;
  GHashTable         *wards_by_code;    /* code → Ward* */
  GHashTable         *wards_by_key;     /* "council:name key" → Ward* */
  GHashTable         *wards_by_row;     /* RowKey (council, name, code) as a row gave them → Ward* */
  GPtrArray          *wards;            /* owns the Ward structs */
  GHashTable         *touched;          /* "election:council" → CouncilElection* */
  GHashTable         *held;             /* "election:council" of council_elections rows → seats up + 1 */
  GHashTable         *contested;        /* gint64 ids of councils with contests in the database */
  GHashTable         *councils_touched; /* gint64 council id set */

  /* Per file */
  guint               file_serial;
  GHashTable         *contests;         /* RowKey (election, ward, ballot) → Contest* */
  GHashTable         *unmatched;        /* what a row called its council → Unmatched* */
  guint               contests_replaced;

  /* The previous row's contest: results files list a contest's candidates
   * together, so most rows need no lookup at all. */
  char               *last_date;
  char               *last_council_code;
  char               *last_council_name;
  char               *last_ward_code;
  char               *last_ward_name;
  char               *last_ballot;
  Contest            *last_contest;
  Unmatched          *last_unmatched;
};

/* Keys of the per-row lookups: two ids and two strings, hashed without
 * building a string for each lookup. */
typedef struct
{
  gint64      id;
  gint64      other_id;
  const char *first;
  const char *second;   /* may be NULL */
} RowKey;

static guint
row_key_hash (gconstpointer data)
{
  const RowKey *key = data;

  return (guint) key->id * 31u + (guint) key->other_id * 131u + g_str_hash (key->first) * 17u +
         (key->second != NULL ? g_str_hash (key->second) : 0);
}

static gboolean
row_key_equal (gconstpointer a,
               gconstpointer b)
{
  const RowKey *first = a;
  const RowKey *second = b;

  return first->id == second->id &&
         first->other_id == second->other_id &&
         g_str_equal (first->first, second->first) &&
         g_strcmp0 (first->second, second->second) == 0;
}

/* A RowKey that owns copies of its strings, in one allocation. */
static RowKey *
row_key_copy (const RowKey *key)
{
  gsize first_length = strlen (key->first) + 1;
  gsize second_length = key->second != NULL ? strlen (key->second) + 1 : 0;
  RowKey *copy = g_malloc (sizeof (RowKey) + first_length + second_length);
  char *strings = (char *) (copy + 1);

  copy->id = key->id;
  copy->other_id = key->other_id;
  copy->first = memcpy (strings, key->first, first_length);
  copy->second = key->second != NULL ? memcpy (strings + first_length, key->second, second_length) : NULL;
  return copy;
}

/* Names under which other files spell the bundled parties.  Only exact names
 * go here: "Liberal Party", "Independent Labour" or LEAP's "IndLab" are other
 * parties, and are kept as such. */
static const struct
{
  const char *key;
  const char *alias;
} builtin_aliases[] = {
  /* Democracy Club's register names */
  { "CON", "Conservative and Unionist Party" },
  { "LAB", "Labour Party" },
  { "LAB", "Labour and Co-operative Party" },
  { "LD", "Liberal Democrats" },
  { "GRN", "Green Party" },
  { "UKIP", "UK Independence Party (UKIP)" },
  { "IND", "Independent" },
  /* LEAP's codes */
  { "CON", "C" },
  { "LAB", "Lab" },
  { "LD", "LD" },
  { "GRN", "Grn" },
  { "UKIP", "UKIP" },
  { "IND", "Ind" },
  /* Common spellings in newsroom feeds */
  { "CON", "Conservative Party" },
  { "CON", "Conservatives" },
  { "LAB", "Labour Co-operative" },
  { "LAB", "Labour and Co-operative" },
  { "LD", "Liberal Democrat" },
  { "LD", "Lib Dem" },
  { "LD", "Lib Dems" },
  { "GRN", "Green" },
  { "GRN", "Greens" },
  { "GRN", "Green Party of England and Wales" },
  { "UKIP", "UK Independence Party" },
};

/* Words that decorate council names without telling councils apart. */
static const char * const council_prefixes[] = {
  "city-of-", "royal-borough-of-", "london-borough-of-", "borough-of-", "council-of-the-",
};
static const char * const council_suffixes[] = {
  "-city-of", "-county-of", "-metropolitan-borough-council", "-borough-council",
  "-district-council", "-city-council", "-county-council", "-council",
};

static gint64 *
id_new (gint64 id)
{
  return g_memdup2 (&id, sizeof id);
}

static gint64
id_get (gpointer boxed)
{
  return boxed != NULL ? *(gint64 *) boxed : 0;
}

/* g_set_str() is GLib 2.76; Tally builds against 2.74. */
static void
set_str (char       **target,
         const char  *value)
{
  if (g_strcmp0 (*target, value) == 0)
    return;

  g_free (*target);
  *target = g_strdup (value);
}

static void
ward_free (Ward *ward)
{
  g_free (ward->code);
  g_free (ward);
}

static void
unmatched_free (Unmatched *unmatched)
{
  g_free (unmatched->name);
  g_free (unmatched);
}

/**
 * _tally_import_name_key:
 *
 * Returns: (transfer full): @name in lower-case ASCII, "&" spelt "and", dots
 *   and apostrophes dropped, and every other run of non-alphanumerics one "-"
 */
char *
_tally_import_name_key (const char *name)
{
  g_autofree char *ascii = g_str_to_ascii (name, "C");
  GString *key = g_string_sized_new (strlen (ascii));
  gboolean gap = FALSE;

  for (const char *p = ascii; *p != '\0'; p++)
    {
      if (g_ascii_isalnum (*p))
        {
          if (gap && key->len > 0)
            g_string_append_c (key, '-');
          g_string_append_c (key, g_ascii_tolower (*p));
          gap = FALSE;
        }
      else if (*p == '&')
        {
          if (key->len > 0)
            g_string_append_c (key, '-');
          g_string_append (key, "and");
          gap = TRUE;
        }
      else if (*p != '.' && *p != '\'')
        {
          gap = TRUE;
        }
    }

  return g_string_free (key, FALSE);
}

static char *
council_key (const char *name)
{
  char *key = _tally_import_name_key (name);
  gsize length = strlen (key);

  for (guint i = 0; i < G_N_ELEMENTS (council_prefixes); i++)
    {
      gsize prefix_length = strlen (council_prefixes[i]);

      if (length > prefix_length && strncmp (key, council_prefixes[i], prefix_length) == 0)
        {
          memmove (key, key + prefix_length, length - prefix_length + 1);
          length -= prefix_length;
          break;
        }
    }

  for (guint i = 0; i < G_N_ELEMENTS (council_suffixes); i++)
    {
      if (length > strlen (council_suffixes[i]) && g_str_has_suffix (key, council_suffixes[i]))
        {
          length -= strlen (council_suffixes[i]);
          key[length] = '\0';
          break;
        }
    }

  return key;
}

/* @doing is untranslated (N_()): it is looked up only when there is an
 * error, not for each of a million rows. */
static gboolean
step_done (TallyImportStore  *self,
           sqlite3_stmt      *stmt,
           const char        *doing,
           GError           **error)
{
  int rc = sqlite3_step (stmt);

  sqlite3_reset (stmt);
  if (rc == SQLITE_DONE)
    return TRUE;

  _tally_database_set_error (self->database, error, _(doing));
  return FALSE;
}

static void
council_election_free (CouncilElection *pair)
{
  g_array_unref (pair->parties);
  g_free (pair);
}

static char *
council_election_key (gint64 election_id,
                      gint64 council_id)
{
  return g_strdup_printf ("%" G_GINT64_FORMAT ":%" G_GINT64_FORMAT, election_id, council_id);
}

/* Whether the database held contests of this council at this election
 * before the import: then its totals must be recomputed from the database. */
static gboolean
had_contests (TallyImportStore  *self,
              gint64             election_id,
              gint64             council_id,
              gboolean          *result,
              GError           **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  *result = FALSE;
  if (!g_hash_table_contains (self->contested, &council_id))
    return TRUE;

  if (!(stmt = _tally_database_prepare (self->database,
                                        "SELECT EXISTS (SELECT 1 FROM wards w CROSS JOIN contests ct "
                                        "ON ct.election_id = ?1 AND ct.ward_id = w.id "
                                        "WHERE w.council_id = ?2)",
                                        error)))
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, election_id);
  sqlite3_bind_int64 (stmt, 2, council_id);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      _tally_database_set_error (self->database, error, _("reading contests"));
      return FALSE;
    }

  *result = sqlite3_column_int (stmt, 0);
  return TRUE;
}

static void
touch_council (TallyImportStore *self,
               gint64            council_id)
{
  if (!g_hash_table_contains (self->councils_touched, &council_id))
    g_hash_table_add (self->councils_touched, id_new (council_id));
}

static CouncilElection *
touch (TallyImportStore  *self,
       gint64             election_id,
       gint64             council_id,
       GError           **error)
{
  g_autofree char *key = council_election_key (election_id, council_id);
  CouncilElection *pair;
  gboolean before;

  touch_council (self, council_id);

  if ((pair = g_hash_table_lookup (self->touched, key)) != NULL)
    return pair;

  if (!had_contests (self, election_id, council_id, &before, error))
    return NULL;

  pair = g_new0 (CouncilElection, 1);
  pair->election_id = election_id;
  pair->council_id = council_id;
  pair->fresh = !before;
  pair->parties = g_array_new (FALSE, FALSE, sizeof (PartyTotal));
  g_hash_table_insert (self->touched, g_steal_pointer (&key), pair);

  return pair;
}

static void
add_to_totals (CouncilElection *pair,
               gint64           party_id,
               gboolean         elected,
               gint64           votes)
{
  PartyTotal *total = NULL;

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
      PartyTotal empty = { party_id, 0, 0 };

      g_array_append_val (pair->parties, empty);
      total = &g_array_index (pair->parties, PartyTotal, pair->parties->len - 1);
    }

  total->seats_won += elected ? 1 : 0;
  total->votes += votes;
}

static gboolean
add_builtin_aliases (TallyImportStore  *self,
                     GError           **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  stmt = _tally_database_prepare (self->database,
                                  "INSERT OR IGNORE INTO party_aliases (alias, party_id) "
                                  "SELECT ?2, id FROM parties WHERE key = ?1",
                                  error);
  if (stmt == NULL)
    return FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (builtin_aliases); i++)
    {
      sqlite3_bind_text (stmt, 1, builtin_aliases[i].key, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 2, builtin_aliases[i].alias, -1, SQLITE_STATIC);
      if (!step_done (self, stmt, N_("adding party aliases"), error))
        return FALSE;
    }

  return TRUE;
}

static void
add_folded_party_name (TallyImportStore *self,
                       const char       *name,
                       gint64            id)
{
  if (name != NULL && name[0] != '\0')
    g_hash_table_replace (self->parties_folded, g_utf8_casefold (name, -1), id_new (id));
}

static gboolean
load_parties (TallyImportStore  *self,
              GError           **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  stmt = _tally_database_prepare (self->database,
                                  "SELECT id, key, short_name, full_name, colour, colour_safe, "
                                  "max(position) OVER () FROM parties ORDER BY position",
                                  error);
  if (stmt == NULL)
    return FALSE;

  /* Later entries win: a full name over another party's short name. */
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      const char *key = (const char *) sqlite3_column_text (stmt, 1);

      g_hash_table_replace (self->parties_exact, g_strdup (key), id_new (id));
      g_hash_table_replace (self->party_keys, id_new (id), g_strdup (key));
      add_folded_party_name (self, (const char *) sqlite3_column_text (stmt, 2), id);
      self->last_position = sqlite3_column_int64 (stmt, 6);

      if (g_strcmp0 (key, "OTH") == 0)
        {
          set_str (&self->other_colour, (const char *) sqlite3_column_text (stmt, 4));
          set_str (&self->other_colour_safe, (const char *) sqlite3_column_text (stmt, 5));
        }
    }
  if (rc != SQLITE_DONE)
    goto failed;

  sqlite3_reset (stmt);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    add_folded_party_name (self, (const char *) sqlite3_column_text (stmt, 3),
                           sqlite3_column_int64 (stmt, 0));
  if (rc != SQLITE_DONE)
    goto failed;

  g_clear_pointer (&stmt, sqlite3_finalize);
  if (!(stmt = _tally_database_prepare (self->database,
                                        "SELECT alias, party_id FROM party_aliases", error)))
    return FALSE;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    add_folded_party_name (self, (const char *) sqlite3_column_text (stmt, 0),
                           sqlite3_column_int64 (stmt, 1));
  if (rc != SQLITE_DONE)
    goto failed;

  if (self->other_colour == NULL)
    {
      /* A database without an Other party still gets a neutral grey. */
      self->other_colour = g_strdup ("#6E6E6E");
      self->other_colour_safe = g_strdup ("#4D4D4D");
    }

  return TRUE;

failed:
  _tally_database_set_error (self->database, error, _("reading parties"));
  return FALSE;
}

static gboolean
load_councils (TallyImportStore  *self,
               GError           **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  if (!(stmt = _tally_database_prepare (self->database, "SELECT id, code, name FROM councils", error)))
    return FALSE;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      const char *name = (const char *) sqlite3_column_text (stmt, 2);
      char *key = council_key (name);

      g_hash_table_insert (self->council_codes,
                           g_strdup ((const char *) sqlite3_column_text (stmt, 1)), id_new (id));
      g_hash_table_insert (self->council_names, id_new (id), g_strdup (name));

      /* Two councils with one key would be a guess: match neither. */
      if (g_hash_table_contains (self->council_keys, key))
        g_hash_table_replace (self->council_keys, key, id_new (0));
      else
        g_hash_table_insert (self->council_keys, key, id_new (id));
    }
  if (rc != SQLITE_DONE)
    {
      _tally_database_set_error (self->database, error, _("reading councils"));
      return FALSE;
    }

  return TRUE;
}

static char *
ward_key (gint64      council_id,
          const char *name)
{
  g_autofree char *key = _tally_import_name_key (name);

  return g_strdup_printf ("%" G_GINT64_FORMAT ":%s", council_id, key);
}

static void
remember_ward (TallyImportStore *self,
               gint64            id,
               gint64            council_id,
               const char       *code,
               const char       *name,
               gboolean          had_contests)
{
  Ward *ward = g_new0 (Ward, 1);

  ward->id = id;
  ward->council_id = council_id;
  ward->code = g_strdup (code);
  ward->had_contests = had_contests;
  g_ptr_array_add (self->wards, ward);

  if (code != NULL)
    g_hash_table_replace (self->wards_by_code, g_strdup (code), ward);
  g_hash_table_replace (self->wards_by_key, ward_key (council_id, name), ward);
}

static gboolean
load_other_tables (TallyImportStore  *self,
                   GError           **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  if (!(stmt = _tally_database_prepare (self->database, "SELECT id, date FROM elections", error)))
    return FALSE;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_hash_table_insert (self->elections, g_strdup ((const char *) sqlite3_column_text (stmt, 1)),
                         id_new (sqlite3_column_int64 (stmt, 0)));
  if (rc != SQLITE_DONE)
    goto failed;

  g_clear_pointer (&stmt, sqlite3_finalize);
  if (!(stmt = _tally_database_prepare (self->database,
                                        "SELECT election_id, council_id, seats_up FROM council_elections",
                                        error)))
    return FALSE;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_hash_table_insert (self->held,
                         council_election_key (sqlite3_column_int64 (stmt, 0),
                                               sqlite3_column_int64 (stmt, 1)),
                         GUINT_TO_POINTER (sqlite3_column_int (stmt, 2) + 1));
  if (rc != SQLITE_DONE)
    goto failed;

  g_clear_pointer (&stmt, sqlite3_finalize);
  if (!(stmt = _tally_database_prepare (self->database,
                                        "SELECT DISTINCT w.council_id FROM contests ct "
                                        "JOIN wards w ON w.id = ct.ward_id",
                                        error)))
    return FALSE;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_hash_table_add (self->contested, id_new (sqlite3_column_int64 (stmt, 0)));
  if (rc != SQLITE_DONE)
    goto failed;

  g_clear_pointer (&stmt, sqlite3_finalize);
  if (!(stmt = _tally_database_prepare (self->database,
                                        "SELECT id, council_id, code, name, "
                                        "EXISTS (SELECT 1 FROM contests WHERE ward_id = wards.id) "
                                        "FROM wards",
                                        error)))
    return FALSE;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    remember_ward (self, sqlite3_column_int64 (stmt, 0), sqlite3_column_int64 (stmt, 1),
                   (const char *) sqlite3_column_text (stmt, 2),
                   (const char *) sqlite3_column_text (stmt, 3),
                   sqlite3_column_int (stmt, 4));
  if (rc != SQLITE_DONE)
    goto failed;

  return TRUE;

failed:
  _tally_database_set_error (self->database, error, _("reading the database"));
  return FALSE;
}

void
_tally_import_store_free (TallyImportStore *self)
{
  if (self == NULL)
    return;

  g_clear_pointer (&self->insert_candidate, sqlite3_finalize);
  g_clear_pointer (&self->insert_candidates, sqlite3_finalize);
  g_clear_pointer (&self->insert_contests, sqlite3_finalize);
  g_clear_pointer (&self->deferred_indexes, g_ptr_array_unref);
  if (self->pending_text != NULL)
    g_string_free (self->pending_text, TRUE);
  if (self->pending_contest_text != NULL)
    g_string_free (self->pending_contest_text, TRUE);
  g_clear_pointer (&self->find_contest, sqlite3_finalize);
  g_clear_pointer (&self->insert_contest, sqlite3_finalize);
  g_clear_pointer (&self->clear_contest, sqlite3_finalize);
  g_clear_pointer (&self->update_contest, sqlite3_finalize);
  g_clear_pointer (&self->insert_ward, sqlite3_finalize);
  g_clear_pointer (&self->update_ward_code, sqlite3_finalize);
  g_clear_pointer (&self->insert_party, sqlite3_finalize);
  g_clear_pointer (&self->insert_election, sqlite3_finalize);

  g_clear_pointer (&self->elections, g_hash_table_unref);
  g_clear_pointer (&self->council_codes, g_hash_table_unref);
  g_clear_pointer (&self->council_keys, g_hash_table_unref);
  g_clear_pointer (&self->council_names, g_hash_table_unref);
  g_clear_pointer (&self->council_cache, g_hash_table_unref);
  g_clear_pointer (&self->parties_exact, g_hash_table_unref);
  g_clear_pointer (&self->parties_folded, g_hash_table_unref);
  g_clear_pointer (&self->party_keys, g_hash_table_unref);
  g_clear_pointer (&self->wards_by_code, g_hash_table_unref);
  g_clear_pointer (&self->wards_by_key, g_hash_table_unref);
  g_clear_pointer (&self->wards_by_row, g_hash_table_unref);
  g_clear_pointer (&self->wards, g_ptr_array_unref);
  g_clear_pointer (&self->touched, g_hash_table_unref);
  g_clear_pointer (&self->held, g_hash_table_unref);
  g_clear_pointer (&self->contested, g_hash_table_unref);
  g_clear_pointer (&self->councils_touched, g_hash_table_unref);
  g_clear_pointer (&self->contests, g_hash_table_unref);
  g_clear_pointer (&self->unmatched, g_hash_table_unref);
  g_free (self->other_colour);
  g_free (self->other_colour_safe);
  g_free (self->last_date);
  g_free (self->last_council_code);
  g_free (self->last_council_name);
  g_free (self->last_ward_code);
  g_free (self->last_ward_name);
  g_free (self->last_ballot);
  g_clear_pointer (&self->summary, tally_import_summary_unref);
  g_clear_object (&self->database);
  g_free (self);
}

/* An INSERT of BATCH_ROWS rows of six values each. */
static sqlite3_stmt *
prepare_batch (TallyDatabase  *database,
               const char     *insert,
               GError        **error)
{
  g_autoptr(GString) sql = g_string_new (insert);

  for (guint i = 0; i < BATCH_ROWS; i++)
    g_string_append_printf (sql, "%s(?%u, ?%u, ?%u, ?%u, ?%u, ?%u)", i > 0 ? ", " : "",
                            6 * i + 1, 6 * i + 2, 6 * i + 3, 6 * i + 4, 6 * i + 5, 6 * i + 6);

  return _tally_database_prepare (database, sql->str, error);
}

static gboolean
read_next_contest_id (TallyImportStore  *self,
                      GError           **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  if (!(stmt = _tally_database_prepare (self->database,
                                        "SELECT coalesce (max (id), 0) + 1 FROM contests", error)))
    return FALSE;

  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      _tally_database_set_error (self->database, error, _("reading contests"));
      return FALSE;
    }

  self->next_contest_id = sqlite3_column_int64 (stmt, 0);
  return TRUE;
}

/* An import that brings more than a quarter as many candidates as the
 * database holds builds the indexes on candidates and contests once, sorted,
 * at the end, instead
 * of row by row: an index on party gets one insertion point per party, all
 * but one in the middle of the tree, which costs a page split every few
 * rows.  Only the index that replacing a contest needs (candidates by
 * contest) and the unique keys stay.  Index definitions are read from the
 * schema, so this follows whatever indexes the schema has. */
static gboolean
defer_indexes (TallyImportStore  *self,
               guint64            expected_rows,
               GError           **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  gint64 existing_rows;
  int rc;

  if (!(stmt = _tally_database_prepare (self->database,
                                        "SELECT coalesce (max (id), 0) FROM candidates", error)))
    return FALSE;
  if (sqlite3_step (stmt) != SQLITE_ROW)
    goto failed;
  existing_rows = sqlite3_column_int64 (stmt, 0);

  /* Rebuilding costs a sort of every row; keeping an index up costs a
   * random write for each new or replaced row, several times dearer. */
  if ((gint64) expected_rows * 4 <= existing_rows)
    return TRUE;

  g_clear_pointer (&stmt, sqlite3_finalize);
  if (!(stmt = _tally_database_prepare (self->database,
                                        "SELECT name, sql FROM sqlite_schema "
                                        "WHERE type = 'index' AND sql IS NOT NULL "
                                        "AND tbl_name IN ('candidates', 'contests') "
                                        "AND name <> 'candidates_by_contest'",
                                        error)))
    return FALSE;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *name = (const char *) sqlite3_column_text (stmt, 0);

      /* A name that needs more than plain quoting is not one of Tally's. */
      if (strchr (name, '"') != NULL)
        continue;

      g_ptr_array_add (names, g_strdup_printf ("DROP INDEX \"%s\"", name));
      g_ptr_array_add (self->deferred_indexes, g_strdup ((const char *) sqlite3_column_text (stmt, 1)));
    }
  if (rc != SQLITE_DONE)
    goto failed;

  for (guint i = 0; i < names->len; i++)
    if (!_tally_database_exec (self->database, names->pdata[i], error))
      return FALSE;

  return TRUE;

failed:
  _tally_database_set_error (self->database, error, _("reading the schema"));
  return FALSE;
}

static gboolean
restore_indexes (TallyImportStore  *self,
                 GError           **error)
{
  for (guint i = 0; i < self->deferred_indexes->len; i++)
    if (!_tally_database_exec (self->database, self->deferred_indexes->pdata[i], error))
      return FALSE;

  g_ptr_array_set_size (self->deferred_indexes, 0);
  return TRUE;
}

/**
 * _tally_import_store_new:
 * @database: a writable database, inside the import's transaction
 * @summary: where counts and warnings go
 * @expected_rows: about how many candidate rows the files hold
 *
 * Reads what the database already holds and prepares every statement.
 *
 * Returns: (transfer full) (nullable): the store
 */
TallyImportStore *
_tally_import_store_new (TallyDatabase       *database,
                         TallyImportSummary  *summary,
                         guint64              expected_rows,
                         GError             **error)
{
  g_autoptr(TallyImportStore) self = g_new0 (TallyImportStore, 1);

  self->database = g_object_ref (database);
  self->summary = tally_import_summary_ref (summary);

  self->elections = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->council_codes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->council_keys = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->council_names = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  self->council_cache = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->parties_exact = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->parties_folded = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->party_keys = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  self->wards_by_code = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->wards_by_key = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->wards_by_row = g_hash_table_new_full (row_key_hash, row_key_equal, g_free, NULL);
  self->wards = g_ptr_array_new_with_free_func ((GDestroyNotify) ward_free);
  self->touched = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                         (GDestroyNotify) council_election_free);
  self->held = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->contested = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  self->councils_touched = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  self->contests = g_hash_table_new_full (row_key_hash, row_key_equal, g_free, g_free);
  self->unmatched = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                           (GDestroyNotify) unmatched_free);
  self->deferred_indexes = g_ptr_array_new_with_free_func (g_free);

  if (!(self->insert_candidates =
          prepare_batch (database,
                         "INSERT INTO candidates "
                         "(contest_id, name, party_id, party_name, votes, elected) VALUES ",
                         error)) ||
      !(self->insert_contests =
          prepare_batch (database,
                         "INSERT INTO contests "
                         "(id, election_id, ward_id, ballot, seats, by_election) VALUES ",
                         error)))
    return NULL;
  self->pending_text = g_string_sized_new (BATCH_ROWS * 64);
  self->pending_contest_text = g_string_sized_new (BATCH_ROWS * 64);

#define PREPARE(field, sql) \
  if (!(self->field = _tally_database_prepare (database, sql, error))) \
    return NULL;

  PREPARE (insert_candidate,
           "INSERT INTO candidates (contest_id, name, party_id, party_name, votes, elected) "
           "VALUES (?1, ?2, ?3, ?4, ?5, ?6)");
  PREPARE (find_contest,
           "SELECT id FROM contests WHERE election_id = ?1 AND ward_id = ?2 AND ballot = ?3");
  PREPARE (insert_contest,
           "INSERT INTO contests (id, election_id, ward_id, ballot, seats, by_election) "
           "VALUES (?1, ?2, ?3, ?4, ?5, ?6)");
  PREPARE (clear_contest, "DELETE FROM candidates WHERE contest_id = ?1");
  PREPARE (update_contest, "UPDATE contests SET seats = ?2, by_election = ?3 WHERE id = ?1");
  PREPARE (insert_ward, "INSERT INTO wards (council_id, code, name) VALUES (?1, ?2, ?3)");
  PREPARE (update_ward_code, "UPDATE wards SET code = ?2 WHERE id = ?1");
  PREPARE (insert_party,
           "INSERT INTO parties (key, short_name, full_name, colour, colour_safe, grp, position) "
           "VALUES (?1, ?2, ?2, ?3, ?4, 'other', ?5)");
  PREPARE (insert_election, "INSERT INTO elections (date, name) VALUES (?1, ?2)");

#undef PREPARE

  if (!defer_indexes (self, expected_rows, error) ||
      !read_next_contest_id (self, error) ||
      !add_builtin_aliases (self, error) ||
      !load_parties (self, error) ||
      !load_councils (self, error) ||
      !load_other_tables (self, error))
    return NULL;

  return g_steal_pointer (&self);
}

static void
clear_last_row (TallyImportStore *self)
{
  g_clear_pointer (&self->last_date, g_free);
  g_clear_pointer (&self->last_council_code, g_free);
  g_clear_pointer (&self->last_council_name, g_free);
  g_clear_pointer (&self->last_ward_code, g_free);
  g_clear_pointer (&self->last_ward_name, g_free);
  g_clear_pointer (&self->last_ballot, g_free);
  self->last_contest = NULL;
  self->last_unmatched = NULL;
}

/**
 * _tally_import_store_begin_file:
 * @reader: the file about to be read, named in warnings
 */
void
_tally_import_store_begin_file (TallyImportStore *self,
                                TallyCsvReader   *reader)
{
  g_assert (self != NULL);

  self->reader = reader;
  self->file_serial++;
  self->contests_replaced = 0;
  clear_last_row (self);
  g_hash_table_remove_all (self->contests);
  g_hash_table_remove_all (self->unmatched);
}

void
_tally_import_store_skip_row (TallyImportStore *self)
{
  g_assert (self != NULL);

  self->summary->rows_skipped++;
}

/**
 * _tally_import_store_find_council:
 * @code: (nullable): an ONS code
 * @name: (nullable): a name or slug, tried when the code matches nothing
 *
 * Returns: the council's id, or 0 when nothing matches (the row is then
 *   counted as unmatched and reported at the end of the file)
 */
gint64
_tally_import_store_find_council (TallyImportStore *self,
                                  const char       *code,
                                  const char       *name)
{
  g_autofree char *cache_key = NULL;
  Unmatched *unmatched;
  gpointer cached;
  gint64 id = 0;

  g_assert (self != NULL);

  if (code != NULL && code[0] == '\0')
    code = NULL;
  if (name != NULL && name[0] == '\0')
    name = NULL;

  cache_key = g_strconcat (code ? code : "", "\x1f", name ? name : "", NULL);
  if (g_hash_table_lookup_extended (self->council_cache, cache_key, NULL, &cached))
    id = id_get (cached);
  else
    {
      if (code != NULL)
        {
          g_autofree char *upper = g_ascii_strup (code, -1);

          id = id_get (g_hash_table_lookup (self->council_codes, upper));
        }

      if (id == 0 && name != NULL)
        {
          g_autofree char *key = council_key (name);

          id = id_get (g_hash_table_lookup (self->council_keys, key));
        }

      g_hash_table_insert (self->council_cache, g_strdup (cache_key), id_new (id));
    }

  if (id != 0)
    return id;

  if (!(unmatched = g_hash_table_lookup (self->unmatched, cache_key)))
    {
      unmatched = g_new0 (Unmatched, 1);
      if (name != NULL && code != NULL)
        unmatched->name = g_strdup_printf ("%s (%s)", name, code);
      else
        unmatched->name = g_strdup (name != NULL ? name : code != NULL ? code : "");
      unmatched->first_line = self->reader ? tally_csv_reader_get_line (self->reader) : 0;
      g_hash_table_insert (self->unmatched, g_steal_pointer (&cache_key), unmatched);
    }
  unmatched->rows++;
  self->last_unmatched = unmatched;

  return 0;
}

static char *
make_party_key (TallyImportStore *self,
                const char       *name)
{
  g_autofree char *base = _tally_import_name_key (name);
  g_autoptr(GHashTable) keys = g_hash_table_new (g_str_hash, g_str_equal);
  GHashTableIter iter;
  gpointer value;
  char *key;

  if (strlen (base) > 40)
    base[40] = '\0';
  if (base[0] == '\0')
    set_str (&base, "party");

  g_hash_table_iter_init (&iter, self->party_keys);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    g_hash_table_add (keys, value);

  key = g_strdup (base);
  for (guint n = 2; g_hash_table_contains (keys, key); n++)
    {
      g_free (key);
      key = g_strdup_printf ("%s-%u", base, n);
    }

  return key;
}

/**
 * _tally_import_store_find_party:
 * @name: a party key, alias, full or short name, as a file spells it
 *
 * Matches @name case-insensitively; a party nobody has heard of is added to
 * the "other" group under its own name.
 *
 * Returns: the party's id, or 0 with @error set
 */
gint64
_tally_import_store_find_party (TallyImportStore  *self,
                                const char        *name,
                                GError           **error)
{
  g_autofree char *folded = NULL;
  g_autofree char *key = NULL;
  gint64 id;

  g_assert (self != NULL);
  g_assert (name != NULL && name[0] != '\0');

  if ((id = id_get (g_hash_table_lookup (self->parties_exact, name))) != 0)
    return id;

  folded = g_utf8_casefold (name, -1);
  if ((id = id_get (g_hash_table_lookup (self->parties_folded, folded))) == 0)
    {
      key = make_party_key (self, name);
      sqlite3_bind_text (self->insert_party, 1, key, -1, SQLITE_STATIC);
      sqlite3_bind_text (self->insert_party, 2, name, -1, SQLITE_STATIC);
      sqlite3_bind_text (self->insert_party, 3, self->other_colour, -1, SQLITE_STATIC);
      sqlite3_bind_text (self->insert_party, 4, self->other_colour_safe, -1, SQLITE_STATIC);
      sqlite3_bind_int64 (self->insert_party, 5, ++self->last_position);
      if (!step_done (self, self->insert_party, N_("adding a party"), error))
        return 0;

      id = sqlite3_last_insert_rowid (_tally_database_get_handle (self->database));
      g_hash_table_insert (self->party_keys, id_new (id), g_steal_pointer (&key));
      g_hash_table_insert (self->parties_folded, g_strdup (folded), id_new (id));
      g_ptr_array_add (self->summary->new_parties, g_strdup (name));
      self->summary->parties_added++;
    }

  g_hash_table_insert (self->parties_exact, g_strdup (name), id_new (id));
  return id;
}

/**
 * _tally_import_store_find_election:
 * @date: a polling day, YYYY-MM-DD, already checked
 *
 * Returns: the election's id; one is added, with a warning, when the
 *   database has no election that day.  0 with @error set on a database error.
 */
gint64
_tally_import_store_find_election (TallyImportStore  *self,
                                   const char        *date,
                                   GError           **error)
{
  g_autofree char *name = NULL;
  gint64 id;

  g_assert (self != NULL);

  if ((id = id_get (g_hash_table_lookup (self->elections, date))) != 0)
    return id;

  name = g_strdup_printf (_("Local elections %s"), date);
  sqlite3_bind_text (self->insert_election, 1, date, -1, SQLITE_STATIC);
  sqlite3_bind_text (self->insert_election, 2, name, -1, SQLITE_STATIC);
  if (!step_done (self, self->insert_election, N_("adding an election"), error))
    return 0;

  id = sqlite3_last_insert_rowid (_tally_database_get_handle (self->database));
  g_hash_table_insert (self->elections, g_strdup (date), id_new (id));
  _tally_import_summary_warn (self->summary, _("%s: the database had no election on %s; added “%s”"),
                              self->reader ? tally_csv_reader_get_display_name (self->reader) : "",
                              date, name);
  return id;
}

/**
 * _tally_import_store_find_elections_in_year:
 *
 * Returns: (transfer full) (element-type utf8): the dates of the elections
 *   held in @year, in order
 */
GArray *
_tally_import_store_find_elections_in_year (TallyImportStore *self,
                                            int               year)
{
  GArray *dates = g_array_new (FALSE, FALSE, sizeof (const char *));
  g_autofree char *prefix = g_strdup_printf ("%04d-", year);
  GHashTableIter iter;
  gpointer date;

  g_hash_table_iter_init (&iter, self->elections);
  while (g_hash_table_iter_next (&iter, &date, NULL))
    if (g_str_has_prefix (date, prefix))
      g_array_append_val (dates, date);

  g_array_sort (dates, (GCompareFunc) g_strcmp0);
  return dates;
}

static Ward *
match_ward (TallyImportStore  *self,
            gint64             council_id,
            const char        *code,
            const char        *name,
            GError           **error)
{
  g_autofree char *key = ward_key (council_id, name);
  Ward *ward = NULL;

  if (code != NULL && code[0] == '\0')
    code = NULL;

  if (code != NULL)
    {
      ward = g_hash_table_lookup (self->wards_by_code, code);
      if (ward != NULL && ward->council_id != council_id)
        ward = NULL;
    }

  if (ward == NULL && (ward = g_hash_table_lookup (self->wards_by_key, key)) != NULL)
    {
      if (code != NULL && ward->code == NULL)
        {
          sqlite3_bind_int64 (self->update_ward_code, 1, ward->id);
          sqlite3_bind_text (self->update_ward_code, 2, code, -1, SQLITE_STATIC);
          if (!step_done (self, self->update_ward_code, N_("writing a ward"), error))
            return NULL;
          ward->code = g_strdup (code);
          g_hash_table_replace (self->wards_by_code, g_strdup (code), ward);
        }
      return ward;
    }

  if (ward != NULL)
    return ward;

  sqlite3_bind_int64 (self->insert_ward, 1, council_id);
  if (code != NULL)
    sqlite3_bind_text (self->insert_ward, 2, code, -1, SQLITE_STATIC);
  else
    sqlite3_bind_null (self->insert_ward, 2);
  sqlite3_bind_text (self->insert_ward, 3, name, -1, SQLITE_STATIC);
  if (!step_done (self, self->insert_ward, N_("adding a ward"), error))
    return NULL;

  remember_ward (self, sqlite3_last_insert_rowid (_tally_database_get_handle (self->database)),
                 council_id, code, name, FALSE);
  self->summary->wards_added++;

  return g_ptr_array_index (self->wards, self->wards->len - 1);
}

/* Rows spell a ward the same way many times: match each spelling once. */
static Ward *
find_ward (TallyImportStore  *self,
           gint64             council_id,
           const char        *code,
           const char        *name,
           GError           **error)
{
  RowKey key = { council_id, 0, name, code };
  Ward *ward;

  if ((ward = g_hash_table_lookup (self->wards_by_row, &key)) != NULL)
    return ward;

  if ((ward = match_ward (self, council_id, code, name, error)) != NULL)
    g_hash_table_insert (self->wards_by_row, row_key_copy (&key), ward);

  return ward;
}

static gboolean
flush_contests (TallyImportStore  *self,
                GError           **error)
{
  const char *text = self->pending_contest_text->str;
  gboolean whole_batch = (self->n_pending_contests == BATCH_ROWS);
  sqlite3_stmt *stmt = whole_batch ? self->insert_contests : self->insert_contest;

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

static Contest *
find_contest (TallyImportStore            *self,
              gint64                       election_id,
              gint64                       council_id,
              Ward                        *ward,
              const TallyImportCandidate  *row,
              GError                     **error)
{
  const char *ballot = row->ballot ? row->ballot : row->ward_name;
  RowKey key = { election_id, ward->id, ballot, NULL };
  Contest *contest;
  gboolean may_exist;
  int rc;

  if ((contest = g_hash_table_lookup (self->contests, &key)) != NULL)
    {
      contest->seats = MAX (contest->seats, row->seats);
      return contest;
    }

  contest = g_new0 (Contest, 1);
  contest->council_id = council_id;
  contest->seats = row->seats;
  contest->by_election = row->by_election;
  g_hash_table_insert (self->contests, row_key_copy (&key), contest);

  if (!(contest->council_election = touch (self, election_id, council_id, error)))
    return NULL;
  contest->council_election->scheduled |= !row->by_election;

  /* Only a ward with contests from before this file can hold this one
   * already: a ward new to the database, or contested only in this file,
   * needs no look. */
  may_exist = ward->had_contests ||
              (ward->contested_in_file != 0 && ward->contested_in_file != self->file_serial);
  if (ward->contested_in_file != self->file_serial)
    {
      ward->had_contests = may_exist;
      ward->contested_in_file = self->file_serial;
    }

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
      contest->id = sqlite3_column_int64 (self->find_contest, 0);
      contest->stored_seats = 0;  /* unknown: always written at the end */
      sqlite3_reset (self->find_contest);

      sqlite3_bind_int64 (self->clear_contest, 1, contest->id);
      if (!step_done (self, self->clear_contest, N_("replacing a contest"), error))
        return NULL;
      self->contests_replaced++;

      /* What the replaced contest added up to is no longer known here. */
      contest->council_election->fresh = FALSE;
    }
  else if (rc == SQLITE_DONE)
    {
      sqlite3_reset (self->find_contest);

      /* Seats are known at the end of the file; most contests have the
       * number first written here, and are not written again. */
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

      if (self->n_pending_contests == BATCH_ROWS && !flush_contests (self, error))
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

static gboolean
flush_candidates (TallyImportStore  *self,
                  GError           **error)
{
  const char *text = self->pending_text->str;
  gboolean whole_batch = (self->n_pending == BATCH_ROWS);
  sqlite3_stmt *stmt = whole_batch ? self->insert_candidates : self->insert_candidate;

  for (guint i = 0; i < self->n_pending; i++)
    {
      PendingCandidate *pending = &self->pending[i];
      int first = whole_batch ? 6 * i : 0;

      sqlite3_bind_int64 (stmt, first + 1, pending->contest_id);
      sqlite3_bind_text (stmt, first + 2, text + pending->name, -1, SQLITE_STATIC);
      sqlite3_bind_int64 (stmt, first + 3, pending->party_id);
      sqlite3_bind_text (stmt, first + 4, text + pending->party_name, -1, SQLITE_STATIC);
      sqlite3_bind_int64 (stmt, first + 5, pending->votes);
      sqlite3_bind_int (stmt, first + 6, pending->elected);

      if (!whole_batch && !step_done (self, stmt, N_("adding a candidate"), error))
        return FALSE;
    }

  if (whole_batch && !step_done (self, stmt, N_("adding candidates"), error))
    return FALSE;

  self->n_pending = 0;
  g_string_truncate (self->pending_text, 0);
  return TRUE;
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
  PendingCandidate *pending;
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

      if (!(ward = find_ward (self, council_id, row->ward_code, row->ward_name, error)) ||
          !(contest = find_contest (self, election_id, council_id, ward, row, error)))
        return FALSE;

      remember_row (self, row, contest);
    }

  if ((party_id = _tally_import_store_find_party (self, row->party, error)) == 0)
    return FALSE;

  pending = &self->pending[self->n_pending++];
  pending->contest_id = contest->id;
  pending->party_id = party_id;
  pending->votes = row->votes;
  pending->elected = row->elected ? 1 : 0;
  pending->name = self->pending_text->len;
  g_string_append_len (self->pending_text, row->candidate, strlen (row->candidate) + 1);
  pending->party_name = self->pending_text->len;
  g_string_append_len (self->pending_text, row->party, strlen (row->party) + 1);

  if (self->n_pending == BATCH_ROWS && !flush_candidates (self, error))
    return FALSE;

  contest->winners += row->elected ? 1 : 0;
  add_to_totals (contest->council_election, party_id, row->elected, row->votes);
  self->summary->candidates++;
  return TRUE;
}

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

  touch_council (self, council_id);
  return TRUE;
}

static gint
compare_unmatched (gconstpointer a,
                   gconstpointer b)
{
  const Unmatched *first = *(Unmatched **) a;
  const Unmatched *second = *(Unmatched **) b;

  return (first->first_line > second->first_line) - (first->first_line < second->first_line);
}

static gboolean
record_import (TallyImportStore   *self,
               TallyImportFormat   format,
               guint               rows,
               gboolean           *seen_before,
               GError            **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *timestamp = g_date_time_format (now, "%Y-%m-%dT%H:%M:%SZ");
  const char *checksum = tally_csv_reader_get_checksum (self->reader);
  const char *name = tally_csv_reader_get_display_name (self->reader);
  int rc;

  if (!(stmt = _tally_database_prepare (self->database,
                                        "SELECT imported_at FROM imports WHERE checksum = ?1", error)))
    return FALSE;

  sqlite3_bind_text (stmt, 1, checksum, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  *seen_before = (rc == SQLITE_ROW);
  if (rc == SQLITE_ROW)
    _tally_import_summary_warn (self->summary,
                                _("%s: this file was imported before (%s): its rows replaced "
                                  "the earlier ones, nothing was added twice"),
                                name, (const char *) sqlite3_column_text (stmt, 0));
  else if (rc != SQLITE_DONE)
    {
      _tally_database_set_error (self->database, error, _("reading imports"));
      return FALSE;
    }

  g_clear_pointer (&stmt, sqlite3_finalize);
  if (!(stmt = _tally_database_prepare (self->database,
                                        "INSERT INTO imports (checksum, file_name, format, rows, imported_at) "
                                        "VALUES (?1, ?2, ?3, ?4, ?5) "
                                        "ON CONFLICT (checksum) DO UPDATE SET file_name = excluded.file_name, "
                                        "format = excluded.format, rows = excluded.rows, "
                                        "imported_at = excluded.imported_at",
                                        error)))
    return FALSE;

  sqlite3_bind_text (stmt, 1, checksum, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, name, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, tally_import_format_to_string (format), -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 4, rows);
  sqlite3_bind_text (stmt, 5, timestamp, -1, SQLITE_STATIC);
  return step_done (self, stmt, N_("recording the import"), error);
}

/**
 * _tally_import_store_end_file:
 * @format: the format the file was read as
 * @rows: its data rows
 *
 * Sets each contest's seats (the file's figure, else the number elected),
 * reports unmatched councils, and records the file in the imports table.
 */
gboolean
_tally_import_store_end_file (TallyImportStore   *self,
                              TallyImportFormat   format,
                              guint               rows,
                              GError            **error)
{
  const char *name = tally_csv_reader_get_display_name (self->reader);
  g_autoptr(GPtrArray) unmatched = NULL;
  guint no_winner = 0, too_many_winners = 0;
  gboolean seen_before;
  GHashTableIter iter;
  gpointer value;

  g_assert (self != NULL);

  if (!flush_contests (self, error) ||
      !flush_candidates (self, error))
    return FALSE;

  g_hash_table_iter_init (&iter, self->contests);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      Contest *contest = value;
      guint seats = contest->seats > 0 ? contest->seats : contest->winners;

      if (seats == 0)
        {
          /* Not declared yet, or a file that leaves winners out. */
          no_winner++;
          seats = 1;
        }
      else if (contest->winners > seats)
        too_many_winners++;

      contest->council_election->seats_up += seats;

      if (seats == contest->stored_seats && contest->by_election == contest->stored_by_election)
        continue;

      sqlite3_bind_int64 (self->update_contest, 1, contest->id);
      sqlite3_bind_int64 (self->update_contest, 2, seats);
      sqlite3_bind_int (self->update_contest, 3, contest->by_election);
      if (!step_done (self, self->update_contest, N_("writing a contest"), error))
        return FALSE;
    }

  if (no_winner > 0)
    _tally_import_summary_warn (self->summary,
                                g_dngettext (GETTEXT_PACKAGE,
                                             "%s: %u contest has nobody elected and no seat count; "
                                             "it is counted as one seat",
                                             "%s: %u contests have nobody elected and no seat count; "
                                             "each is counted as one seat",
                                             no_winner),
                                name, no_winner);
  if (too_many_winners > 0)
    _tally_import_summary_warn (self->summary,
                                g_dngettext (GETTEXT_PACKAGE,
                                             "%s: %u contest has more candidates elected than seats",
                                             "%s: %u contests have more candidates elected than seats",
                                             too_many_winners),
                                name, too_many_winners);

  unmatched = g_ptr_array_new ();
  g_hash_table_iter_init (&iter, self->unmatched);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    g_ptr_array_add (unmatched, value);
  g_ptr_array_sort (unmatched, compare_unmatched);
  for (guint i = 0; i < unmatched->len; i++)
    {
      Unmatched *entry = g_ptr_array_index (unmatched, i);

      _tally_import_summary_warn (self->summary,
                                  g_dngettext (GETTEXT_PACKAGE,
                                               "%s, line %u: no council matches “%s” (%u row skipped)",
                                               "%s, line %u: no council matches “%s” (%u rows skipped)",
                                               entry->rows),
                                  name, entry->first_line, entry->name, entry->rows);
    }

  if (!record_import (self, format, rows, &seen_before, error))
    return FALSE;

  /* A corrected copy of a file, or another file with the same polls. */
  if (self->contests_replaced > 0 && !seen_before)
    _tally_import_summary_warn (self->summary,
                                g_dngettext (GETTEXT_PACKAGE,
                                             "%s: %u contest was in the database already, and was replaced",
                                             "%s: %u contests were in the database already, and were replaced",
                                             self->contests_replaced),
                                name, self->contests_replaced);

  clear_last_row (self);
  g_hash_table_remove_all (self->contests);
  g_hash_table_remove_all (self->unmatched);
  self->reader = NULL;
  return TRUE;
}

typedef struct
{
  sqlite3_stmt *held;
  sqlite3_stmt *seats_up;
  sqlite3_stmt *totals;
  sqlite3_stmt *clear;
  sqlite3_stmt *results;
  sqlite3_stmt *votes;
  sqlite3_stmt *write_totals;
  sqlite3_stmt *write_result;
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
  g_clear_pointer (&statements->write_result, sqlite3_finalize);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (TotalStatements, total_statements_clear)

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
                                "INSERT INTO council_elections (election_id, council_id, seats_up, votes_total) "
                                "VALUES (?1, ?2, ?3, ?4) "
                                "ON CONFLICT (election_id, council_id) DO UPDATE "
                                "SET seats_up = excluded.seats_up, votes_total = excluded.votes_total",
                                error)) &&
    (statements->write_result =
       _tally_database_prepare (self->database,
                                "INSERT INTO council_results (election_id, council_id, party_id, seats_won, votes) "
                                "VALUES (?1, ?2, ?3, ?4, ?5)",
                                error));
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
 * totals are the ones summed as the rows went in. */
static gboolean
write_totals_from_import (TallyImportStore  *self,
                          TotalStatements   *statements,
                          CouncilElection   *pair,
                          GError           **error)
{
  gint64 votes_total = 0;

  for (guint i = 0; i < pair->parties->len; i++)
    votes_total += g_array_index (pair->parties, PartyTotal, i).votes;

  sqlite3_bind_int64 (statements->write_totals, 1, pair->election_id);
  sqlite3_bind_int64 (statements->write_totals, 2, pair->council_id);
  sqlite3_bind_int64 (statements->write_totals, 3, pair->seats_up);
  sqlite3_bind_int64 (statements->write_totals, 4, votes_total);
  if (!step_done (self, statements->write_totals, N_("totalling councils"), error) ||
      !run_for_council_election (self, statements->clear, pair, error))
    return FALSE;

  for (guint i = 0; i < pair->parties->len; i++)
    {
      PartyTotal *total = &g_array_index (pair->parties, PartyTotal, i);

      sqlite3_bind_int64 (statements->write_result, 1, pair->election_id);
      sqlite3_bind_int64 (statements->write_result, 2, pair->council_id);
      sqlite3_bind_int64 (statements->write_result, 3, total->party_id);
      sqlite3_bind_int64 (statements->write_result, 4, total->seats_won);
      sqlite3_bind_int64 (statements->write_result, 5, total->votes);
      if (!step_done (self, statements->write_result, N_("totalling councils"), error))
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

/**
 * _tally_import_store_finish:
 *
 * Recomputes council totals (council_elections, council_results) from the
 * candidates of every council and election the import touched.
 *
 * A council whose only contests that day were by-elections did not hold its
 * own election, and gets no totals unless it had them already.  Totals the
 * database has for more seats than its contests now fill (the bundled
 * figures, before one ward is imported) are kept, with a warning: partial
 * candidate data never overwrites complete council figures.
 */
gboolean
_tally_import_store_finish (TallyImportStore  *self,
                            GError           **error)
{
  g_auto(TotalStatements) statements = { NULL };
  g_autoptr(GPtrArray) kept = g_ptr_array_new_with_free_func (g_free);
  GHashTableIter iter;
  gpointer key, value;

  g_assert (self != NULL);

  if (!restore_indexes (self, error) ||
      !prepare_total_statements (self, &statements, error))
    return FALSE;

  g_hash_table_iter_init (&iter, self->touched);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      CouncilElection *pair = value;
      guint held_seats = GPOINTER_TO_UINT (g_hash_table_lookup (self->held, key));
      gint64 holds = pair->scheduled || held_seats > 0;
      gint64 seats_up = pair->seats_up;

      /* An earlier import may have brought its scheduled contests. */
      if (!holds && !pair->fresh &&
          !query_for_council_election (self, statements.held, pair, &holds, error))
        return FALSE;

      if (!holds)
        continue;

      if (!pair->fresh &&
          !query_for_council_election (self, statements.seats_up, pair, &seats_up, error))
        return FALSE;

      if (held_seats > 0 && seats_up < held_seats - 1)
        {
          g_ptr_array_add (kept, g_strdup_printf ("%s (%" G_GINT64_FORMAT " of %u)",
                                                  (const char *) g_hash_table_lookup (self->council_names,
                                                                                      &pair->council_id),
                                                  seats_up, held_seats - 1));
          continue;
        }

      if (!(pair->fresh ? write_totals_from_import (self, &statements, pair, error)
                        : write_totals_from_database (self, &statements, pair, error)))
        return FALSE;
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
