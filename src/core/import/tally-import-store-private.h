/* tally-import-store-private.h: the store's internals, shared by its files.
 *
 * The store (TallyImportStore) is one object in six files:
 * tally-import-store.c makes it and begins and ends each file;
 * tally-import-match.c finds what a row names (councils, wards, parties,
 * elections) in tables read from the database once;
 * tally-import-candidates.c takes each candidate's row and writes them in
 * batches; tally-import-contests.c finds, replaces and finishes the contests
 * they belong to; tally-import-totals.c keeps each council's totals, and
 * tally-import-compositions.c its compositions and notional baselines.  Nothing outside those files includes this header: the
 * rest of the importer sees the store through tally-import-private.h.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <string.h>
#include <glib/gi18n-lib.h>

#include "tally-database-private.h"
#include "tally-import-private.h"

G_BEGIN_DECLS

typedef struct
{
  gint64    id;
  gint64    council_id;
  char     *code;
  guint     contested_in_file;  /* the last file that gave it a contest, 0 for none */
  gint64    latest_election;    /* the highest election id that file gave it a contest at */
  gboolean  had_contests;       /* whether the database held contests for it before that file */
} Ward;

typedef struct
{
  gint64 party_id;
  guint  seats_won;
  gint64 votes;
  gint64 best;         /* its best candidate in the contest being read; -1 for none */
  gint64 top_votes;    /* the best candidate of each contest, summed */
  gint64 three_votes;  /* the same, over the contests where CON, LAB and LD all stood */
} PartyTotal;

/* One council at one election, as this import changes it: the one whose
 * rows are being read.  Its totals are summed here as rows go in, and
 * written once the import moves past it (to another council or election,
 * or the end of a file), so that an import holds one council's totals, not
 * every council's.  They are the council's totals when every contest the
 * database held of it that day before the import was replaced by this
 * import, each once (a fresh import replaces none of none; a second import
 * of the same file, all of them): see summed_as_read() in
 * tally-import-totals.c.  Otherwise, and when the file comes back to a
 * council it had moved past, they are summed again from the database. */
typedef struct
{
  gint64    election_id;
  gint64    council_id;
  gboolean  again;            /* the import had moved past it before: summed from the database */
  guint     held_seats;       /* the seats its council_elections row had before the import, + 1; 0 for none */
  guint     before;           /* its contests in the database before the import */
  gint64    before_electorate;  /* theirs summed; -1 when not every one has it */
  gint64    before_ballots;     /* likewise */
  guint     replaced;         /* of those, how many this import replaced */
  gboolean  stale;            /* a contest this import had written or replaced was replaced */
  gboolean  scheduled;      /* a contest that is not a by-election */
  guint     seats_up;
  GArray   *parties;        /* PartyTotal */
  /* What tally-import-figures.c keeps, summed as the rows go in: */
  const gint64 *three;      /* the ids of CON, LAB and LD (0 for none) */
  gint64    contest_id;     /* the contest being read, 0 before the first */
  guint     contests;
  guint     three_polls;
  gboolean  revisited;      /* a contest came back after another: summed from the database */
} CouncilElection;

/* A candidate's row the database held of a contest the import replaces:
 * the file's rows take the places of these in order, and a row the same as
 * the one it replaces is not written at all (tally-import-candidates.c). */
typedef struct
{
  gint64  id;
  gint64  party_id;
  gint64  votes;
  int     elected;
  char   *name;
  char   *party_name;  /* NULL when the database has none */
} StoredCandidate;

/* The contest being read.  Rows of one contest come together, so a contest
 * is written and freed when the next one starts; one the file comes back to
 * is found again through the contests table and temp.import_contests. */
typedef struct
{
  gint64            id;
  gint64            election_id;
  gint64            ward_id;
  char             *ballot;
  gint64            council_id;
  CouncilElection  *council_election;
  guint             seats;               /* as the file gave it; 0 when it did not */
  guint             stored_seats;        /* as written so far */
  guint             winners;
  gboolean          by_election;
  gboolean          stored_by_election;
  gint64            declared_at;         /* Unix seconds; 0 when the file gives no time */
  /* Its elected flags against its votes, over the rows read since it was
   * found (tally-import-candidates.c): the elected candidate with the
   * fewest votes and the unelected one with the most; votes -1 for none. */
  char             *ward_name;
  gint64            low_elected;
  guint             low_elected_line;
  char             *low_elected_name;
  gint64            high_unelected;
  guint             high_unelected_line;
  char             *high_unelected_name;
  /* Its rows in the database before this file, when it replaces a
   * contest stored earlier (NULL otherwise), and how many of them the
   * file's rows have taken the places of so far. */
  GArray           *stored;              /* StoredCandidate, by id */
  guint             n_taken;
} Contest;

typedef struct _TallyImportTotals TallyImportTotals;

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

/* The multi-row INSERTs, each prepared when its first whole batch is
 * written (_tally_import_store_batch()). */
typedef enum
{
  TALLY_IMPORT_BATCH_CANDIDATES,
  TALLY_IMPORT_BATCH_CONTESTS,
  TALLY_IMPORT_BATCH_WARDS,
  TALLY_IMPORT_BATCH_REMEMBERED,   /* temp.import_contests */
  TALLY_IMPORT_N_BATCHES
} TallyImportBatch;

typedef struct
{
  gint64 contest_id;
  gint64 party_id;
  gint64 votes;
  int    elected;
  gsize  name;         /* offsets into the batch's text */
  gsize  party_name;
  int    name_length;  /* their lengths, so that SQLite need not count them */
  int    party_name_length;
} PendingCandidate;

/* What temp.import_contests keeps of a finished contest, in case the file
 * comes back to it: written BATCH_ROWS to an INSERT too. */
typedef struct
{
  gint64 id;
  gint64 seats;
  gint64 winners;
  gint64 declared_at;
  gint64 stored_seats;
  int    by_election;
} RememberedContest;

/* Wards too, the same way: an import into a new database adds one for
 * every contest of its first election. */
typedef struct
{
  gint64 id;
  gint64 council_id;
  gsize  code;         /* offsets into the batch's text; G_MAXSIZE for no code */
  gsize  name;
} PendingWard;

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
  gboolean            record_declarations;  /* every contest gets a time: the file's, else now */
  gint64              import_time;
  TallyImportSummary *summary;
  TallyCsvReader     *reader;       /* the file being read, for messages */

  sqlite3_stmt       *insert_candidate;
  PendingCandidate    pending[BATCH_ROWS];
  guint               n_pending;
  GString            *pending_text;
  PendingContest      pending_contests[BATCH_ROWS];
  guint               n_pending_contests;
  GString            *pending_contest_text;
  PendingWard         pending_wards[BATCH_ROWS];
  guint               n_pending_wards;
  GString            *pending_ward_text;
  gint64              next_ward_id;
  gint64              next_contest_id;
  gint64              first_contest_id;    /* the first this import made */
  GPtrArray          *deferred_indexes;    /* CREATE INDEX statements to run at the end */
  gint64              rows_inserted;       /* new candidates' rows written */
  gint64              defer_after_rows;    /* the indexes are dropped once this many are */
  gboolean            indexes_deferred;
  sqlite3_stmt       *find_contest;
  sqlite3_stmt       *insert_contest;
  sqlite3_stmt       *read_stored;        /* a replaced contest's rows, by id */
  sqlite3_stmt       *update_candidate;
  sqlite3_stmt       *delete_candidate;
  sqlite3_stmt       *update_contest;
  sqlite3_stmt       *insert_ward;
  sqlite3_stmt       *update_ward_code;
  sqlite3_stmt       *insert_party;
  sqlite3_stmt       *insert_election;
  sqlite3_stmt       *count_contests;    /* a council's contests at an election (tally-import-totals.c) */

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
  CouncilElection    *pair;             /* the council and election being read, NULL before the first */
  TallyImportTotals  *totals;           /* what writes them (tally-import-totals.c) */
  GHashTable         *contested;        /* gint64 ids of councils with contests in the database */
  GHashTable         *councils_touched; /* gint64 council id set */

  /* Per file */
  guint               file_serial;
  Contest            *current;          /* the contest being read */
  sqlite3_stmt       *remember_contest; /* temp.import_contests: this file's finished contests */
  sqlite3_stmt       *recall_contest;
  sqlite3_stmt       *batches[TALLY_IMPORT_N_BATCHES];  /* BATCH_ROWS rows each, or not yet prepared */
  RememberedContest   remembered[BATCH_ROWS];
  guint               n_remembered;      /* not yet written */
  sqlite3_stmt       *write_declaration;
  guint               no_winner;
  guint               too_many_winners;
  guint               elected_below;    /* contests whose flags disagree with their votes */
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

  gint64              three_parties[3];  /* the ids of CON, LAB, LD: 0 for none */
  gboolean            three_known;       /* whether they were looked up */
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

/* The helpers below are static inline, not shared functions: most run once
 * or more per row, and the store's files are separate objects in a static
 * library, so only the header lets the compiler inline them. */

static inline guint
row_key_hash (gconstpointer data)
{
  const RowKey *key = data;

  return (guint) key->id * 31u + (guint) key->other_id * 131u + g_str_hash (key->first) * 17u +
         (key->second != NULL ? g_str_hash (key->second) : 0);
}

static inline gboolean
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
static inline RowKey *
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
static inline gint64 *
id_new (gint64 id)
{
  return g_memdup2 (&id, sizeof id);
}

static inline gint64
id_get (gpointer boxed)
{
  return boxed != NULL ? *(gint64 *) boxed : 0;
}

/* g_set_str() is GLib 2.76; Tally builds against 2.74. */
static inline void
set_str (char       **target,
         const char  *value)
{
  if (g_strcmp0 (*target, value) == 0)
    return;

  g_free (*target);
  *target = g_strdup (value);
}
/* @doing is untranslated (N_()): it is looked up only when there is an
 * error, not for each of a million rows. */
static inline gboolean
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

static inline char *
council_election_key (gint64 election_id,
                      gint64 council_id)
{
  return g_strdup_printf ("%" G_GINT64_FORMAT ":%" G_GINT64_FORMAT, election_id, council_id);
}

/* tally-import-match.c: what the database holds, read once */
gboolean  _tally_import_store_add_builtin_aliases (TallyImportStore  *self,
                                                   GError           **error);
gboolean  _tally_import_store_load_parties        (TallyImportStore  *self,
                                                   GError           **error);
gboolean  _tally_import_store_load_councils       (TallyImportStore  *self,
                                                   GError           **error);
gboolean  _tally_import_store_load_other_tables   (TallyImportStore  *self,
                                                   GError           **error);
gboolean  _tally_import_store_flush_wards         (TallyImportStore  *self,
                                                   GError           **error);
Ward     *_tally_import_store_find_ward           (TallyImportStore  *self,
                                                   gint64             council_id,
                                                   const char        *code,
                                                   const char        *name,
                                                   GError           **error);

/* tally-import-store.c */
gboolean  _tally_import_store_defer_indexes       (TallyImportStore  *self,
                                                   GError           **error);
sqlite3_stmt *_tally_import_store_batch (TallyImportStore  *self,
                                         TallyImportBatch   batch,
                                         GError           **error);
gboolean  _tally_import_store_restore_indexes     (TallyImportStore  *self,
                                                   GError           **error);

/* tally-import-contests.c */
Contest  *_tally_import_store_find_contest        (TallyImportStore            *self,
                                                   gint64                       election_id,
                                                   gint64                       council_id,
                                                   Ward                        *ward,
                                                   const TallyImportCandidate  *row,
                                                   GError                     **error);
gboolean  _tally_import_store_finish_contest      (TallyImportStore  *self,
                                                   GError           **error);
gboolean  _tally_import_store_flush_contests      (TallyImportStore  *self,
                                                   GError           **error);
gboolean  _tally_import_store_flush_remembered    (TallyImportStore  *self,
                                                   GError           **error);
void      _tally_import_contest_free              (Contest           *contest);

/* tally-import-candidates.c */
gboolean  _tally_import_store_flush_candidates    (TallyImportStore  *self,
                                                   GError           **error);
void      _tally_import_store_check_elected       (TallyImportStore  *self,
                                                   Contest           *contest);
void      _tally_import_store_warn_elected_below  (TallyImportStore  *self);

/* tally-import-totals.c */
CouncilElection *_tally_import_store_touch         (TallyImportStore  *self,
                                                    gint64             election_id,
                                                    gint64             council_id,
                                                    GError           **error);
void             _tally_import_store_touch_council (TallyImportStore  *self,
                                                    gint64             council_id);
gboolean         _tally_import_store_leave_pair    (TallyImportStore  *self,
                                                    GError           **error);
void             _tally_import_totals_free         (TallyImportTotals *totals);
void             _tally_import_council_election_free (CouncilElection *pair);
void             _tally_import_store_add_to_totals (Contest           *contest,
                                                    gint64             party_id,
                                                    gboolean           elected,
                                                    gint64             votes);

G_END_DECLS
