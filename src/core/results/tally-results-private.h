/* tally-results-private.h: the numbers of every election, as flat arrays.
 *
 * The engine reads the database into TallyResultsData: per election,
 * council and party, the seats won, the votes (both methods) and the
 * composition before and after.  An election is read when it is first
 * asked about (_tally_results_data_ensure(): it and its baseline), so that
 * a question about one election costs the same whatever else the file
 * holds; the arrays are allocated zeroed for every election (untouched
 * pages cost nothing) and an election's slice is filled when it is read.
 * Arrays are indexed
 *
 *   ec  = election * n_councils + council
 *   ecp = ec * n_parties + party
 *
 * with elections, councils and parties in catalogue order.  An election's
 * figures never change once read, and the data is shared (reference
 * counted) by the engine, the council results and the scope summaries made
 * from it, all used from one thread at a time, as the engine is.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "tally-catalog.h"
#include "tally-council-result.h"
#include "tally-database-private.h"
#include "tally-rules.h"
#include "tally-types.h"

G_BEGIN_DECLS

/* A value the data does not hold. */
#define TALLY_UNKNOWN (-1)

typedef struct _TallyResultsData TallyResultsData;

struct _TallyResultsData
{
  guint           n_elections;
  guint           n_councils;
  guint           n_parties;

  TallyElection **elections;         /* catalogue order: oldest first */
  TallyCouncil  **councils;          /* by name */
  TallyParty    **parties;           /* left to right */
  gboolean       *party_aggregate;   /* [party]: "Other", never in control */
  int            *baseline;          /* [election]: its baseline's index, or -1 */
  GHashTable     *party_index;       /* TallyParty* → index + 1 */
  char          **folded_names;      /* [council], for searching */

  /* [election] */
  guint8         *declarations_known;   /* the declarations table has rows for it */
  guint8         *loaded;               /* its figures have been read */

  /* What reads an election when it is first asked about. */
  TallyDatabase  *database;
  GHashTable     *election_by_id;    /* gint64 → index + 1 */
  GHashTable     *council_by_id;
  GHashTable     *party_by_id;

  /* [ec] */
  guint8         *held;              /* the council had seats up */
  guint8         *declared;          /* declared (always, when not known) */
  guint8         *from_candidates;   /* figures summed from candidate rows */
  gint32         *seats_up;
  gint64         *votes_total;       /* TALLY_UNKNOWN when not known */
  gint64         *top_total;         /* sum of each party's best candidate per ward */
  gint64         *electorate;
  gint64         *ballots;
  guint          *composition_total[2];   /* 0 when not known */
  gint32         *control[2];        /* party index, TALLY_NO_CONTROL or TALLY_CONTROL_UNKNOWN */

  /* [ecp] */
  gint32         *seats_won;
  gint64         *votes;             /* TALLY_UNKNOWN when not known */
  gint64         *top_votes;         /* TALLY_UNKNOWN without candidate rows */
  guint          *composition[2];

  /* What change is measured against (tally-results-bases.c): [ec] */
  gint32         *election_control;  /* control the previous election produced, or TALLY_CONTROL_UNKNOWN */
  gint32         *postponed_seats;   /* seats up but not filled on the day */
  gint32         *by_election_seats; /* extra seats filled at same-day by-elections */
  char          **notional_label;    /* the notional baseline's election ("2016"), or NULL for none */
  /* [ecp] */
  gint32         *notional_seats;
  GArray         *special_polls;     /* TallySpecialPoll, by council and ward within each election */
  gboolean        has_previous_control;   /* tables a file at schema version 1 lacks */
  gboolean        has_special_polls;
  gboolean        has_notional_baselines;

  /* The national share estimate (tally-share-estimate.c): each party's best
   * candidate, summed over the wards where Conservative, Labour and Liberal
   * Democrat candidates all stood.  From candidate rows only. */
  int             three_parties[3];  /* CON, LAB, LD party indices, -1 when absent */
  gint64         *three_votes;       /* [ecp] */
  gint64         *three_total;       /* [ec]: every party's best candidate, those wards */
  gint32         *three_wards;       /* [ec]: contests counted */

  /* tally-results-digest.c */
  guint64         parties_digest;    /* 0 until made */
  guint64        *digests;           /* [ec], each for the baseline and basis of */
  guint64        *digest_keys;       /* [ec], or 0 */
};

/* A poll that was not part of the ordinary cycle on the day. */
typedef struct
{
  guint     election;
  guint     council;
  char     *ward;
  gboolean  postponed;   /* else a same-day by-election */
  char     *held_on;     /* ISO date */
  int       seats;
  char     *winners;     /* "LAB 3", or NULL */
} TallySpecialPoll;

/* tally-results-load.c */
TallyResultsData *_tally_results_data_new          (TallyCatalog     *catalog,
                                                    GError          **error);
gboolean          _tally_results_data_ensure       (TallyResultsData *data,
                                                    int               election,
                                                    int               baseline,
                                                    GError          **error);
gboolean          _tally_results_data_check_value  (TallyDatabase    *database,
                                                    sqlite3_stmt     *stmt,
                                                    int               column,
                                                    const char       *table,
                                                    const char       *name,
                                                    GError          **error);

/* tally-results-summed.c */
void              _tally_results_data_start_from_candidates (TallyResultsData *data,
                                                    gsize             ec);
gboolean          _tally_results_load_summed_council (TallyResultsData *data,
                                                    TallyDatabase    *database,
                                                    guint             election,
                                                    sqlite3_stmt     *stmt,
                                                    gint32           *summed,
                                                    gint64           *n_summed,
                                                    GError          **error);
gboolean          _tally_results_load_summed_party (TallyResultsData *data,
                                                    TallyDatabase    *database,
                                                    guint             election,
                                                    sqlite3_stmt     *stmt,
                                                    guint             council,
                                                    guint             party,
                                                    GError          **error);

/* tally-results-data.c */
TallyResultsData *_tally_results_data_ref          (TallyResultsData *data);
void              _tally_results_data_unref        (TallyResultsData *data);
int               _tally_results_data_party_index  (TallyResultsData *data,
                                                    TallyParty       *party);
int               _tally_results_data_election_index (TallyResultsData *data,
                                                    TallyElection    *election);
double            _tally_results_data_share        (TallyResultsData *data,
                                                    guint             election,
                                                    guint             council,
                                                    int               party,
                                                    TallyVoteMethod   method);
/* tally-results-digest.c */
guint64           _tally_results_data_council_digest (TallyResultsData *data,
                                                    guint             election,
                                                    int               baseline,
                                                    guint             council,
                                                    TallyBasis        basis);
void              _tally_results_data_forget_digest (TallyResultsData *data,
                                                    guint             council);

/* How a council's seat change is measured (tally-results-bases.c).  Each
 * basis allows some kinds and not others: a total adds only councils of
 * the kinds of its own basis. */
typedef enum
{
  TALLY_SEAT_CHANGE_UNKNOWN,      /* no baseline, or nothing to compare */
  TALLY_SEAT_CHANGE_COHORT,       /* the same seats: won now less won then */
  TALLY_SEAT_CHANGE_NOTIONAL,     /* new boundaries: won now less a notional baseline */
  TALLY_SEAT_CHANGE_NO_NOTIONAL,  /* new boundaries and no notional baseline: left out */
  TALLY_SEAT_CHANGE_EVE,          /* the composition after the poll less the one before */
} TallySeatChange;

char             *_tally_special_poll_describe     (const TallySpecialPoll *poll);
gboolean          _tally_results_data_load_bases   (TallyResultsData *data,
                                                    guint             election,
                                                    GError          **error);
void              _tally_results_data_clear_bases  (TallyResultsData *data);
int               _tally_results_data_control_before (TallyResultsData *data,
                                                    guint             election,
                                                    guint             council,
                                                    TallyBasis        basis);
TallySeatChange   _tally_results_data_seat_change_kind (TallyResultsData *data,
                                                    guint             election,
                                                    int               baseline,
                                                    guint             council,
                                                    TallyBasis        basis);
int               _tally_results_data_seat_change  (TallyResultsData *data,
                                                    guint             election,
                                                    int               baseline,
                                                    guint             council,
                                                    guint             party,
                                                    TallySeatChange   kind);
int               _tally_results_data_seats_not_up (TallyResultsData *data,
                                                    guint             election,
                                                    int               baseline,
                                                    guint             council,
                                                    guint             party);

static inline gsize
_tally_ec (const TallyResultsData *data,
           guint                   election,
           guint                   council)
{
  return (gsize) election * data->n_councils + council;
}

static inline gsize
_tally_ecp (const TallyResultsData *data,
            guint                   election,
            guint                   council,
            guint                   party)
{
  return _tally_ec (data, election, council) * data->n_parties + party;
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TallyResultsData, _tally_results_data_unref)

/* tally-council-result.c */
TallyCouncilResult *_tally_council_result_new_for_data (TallyResultsData *data,
                                                        guint             election,
                                                        int               baseline,
                                                        guint             council,
                                                        TallyBasis        basis);

G_END_DECLS
