/* tally-replay-private.h: what a replay holds, shared by its files.
 *
 * tally-replay.c reads the election from the source database and writes it
 * into the target ward by ward; tally-replay-order.c decides the order, from
 * the user's file or from a seed.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "tally-database-private.h"
#include "tally-replay.h"

G_BEGIN_DECLS

/* An integer column that may be NULL. */
#define REPLAY_NULL G_MININT64

typedef struct
{
  gint64  id;
  char   *code;
  char   *name;
  guint   seats_up;
  gint64  votes_total;
  gint64  electorate;
  gint64  ballots;
  guint   n_units;        /* the wards it declares, or 1 for a council declared whole */
  guint   first_unit;     /* units of a council are consecutive */
} ReplayCouncil;

/* What is declared in one transaction: a ward's contests, or a council
 * whose source holds council totals only. */
typedef struct
{
  guint   council;        /* into councils */
  gint64  ward_id;        /* 0: the council as a whole */
  char   *ward_name;
  char   *ward_code;
  guint   first_contest;  /* into contests */
  guint   n_contests;
} ReplayUnit;

typedef struct
{
  gint64  source_id;
  gint64  ward_id;
  char   *ballot;
  int     seats;
  int     by_election;
  gint64  electorate;
  gint64  ballots;
  guint   first_candidate;
  guint   n_candidates;
} ReplayContest;

typedef struct
{
  char   *name;
  gint64  party_id;
  char   *party_name;
  gint64  votes;
  int     elected;
} ReplayCandidate;

/* A row of council_results (@b: votes) or of compositions after (@b unused). */
typedef struct
{
  guint   council;
  gint64  party_id;
  gint64  a;
  gint64  b;
} ReplayCouncilRow;

typedef struct
{
  guint   unit;
  gint64  declared_at;    /* Unix seconds */
} ReplayStep;

struct _TallyReplay
{
  GObject         parent_instance;

  char           *source_path;
  gint64          election_id;
  char           *election_date;
  TallyElection  *election;          /* for reading bare times in an order file */

  GArray         *councils;          /* ReplayCouncil */
  GHashTable     *council_by_id;     /* gint64 → index + 1 */
  GArray         *units;             /* ReplayUnit */
  GArray         *contests;          /* ReplayContest */
  GArray         *candidates;        /* ReplayCandidate */
  GArray         *results;           /* ReplayCouncilRow: council_results */
  GArray         *compositions;      /* ReplayCouncilRow: compositions after */

  GArray         *steps;             /* ReplayStep, in the order of declaration */
  guint           n_left_out;        /* units the order does not declare */

  TallyDatabase  *target;
  guint8         *done;              /* [step] */
  guint          *to_come;           /* [council]: units not yet declared */
};

void _tally_replay_clear_steps (TallyReplay *self);

G_END_DECLS
