/* tally-ward-result.c: one ward's contest, read from the candidate rows an
 * import wrote, with the same ward at the baseline election where it matches.
 *
 * A ward matches when the baseline has a contest for the same ward row (the
 * importer keys wards by council and code or name): boundaries that changed
 * give new wards, which have no baseline, as docs/DESIGN.md asks.  Where the
 * baseline held several contests in the ward (a by-election on the same
 * day), the ordinary election is the one compared with.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>

#include "tally-council.h"
#include "tally-database-private.h"
#include "tally-election.h"
#include "tally-party.h"
#include "tally-ward-result-private.h"

enum { NOW, THEN, N_PERIODS };

typedef struct
{
  gint64 *votes;      /* [party] */
  gint64 *top_votes;  /* [party] */
  guint  *seats_won;  /* [party] */
  gint64  total;
  gint64  top_total;
} Figures;

struct _TallyWardResult
{
  GObject           parent_instance;

  TallyResultsData *data;
  char             *name;
  char             *code;
  char             *ballot;
  guint             seats;
  gboolean          by_election;
  gint64            electorate;  /* -1 when not known */
  gint64            ballots;
  GArray           *candidates;  /* of TallyCandidateResult, most votes first */
  Figures           figures[N_PERIODS];
  gboolean          has_baseline;
};

G_DEFINE_FINAL_TYPE (TallyWardResult, tally_ward_result, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_NAME,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
clear_candidate (gpointer mem)
{
  TallyCandidateResult *candidate = mem;

  g_clear_pointer (&candidate->name, g_free);
  g_clear_pointer (&candidate->party_name, g_free);
  g_clear_object (&candidate->party);
}

static void
figures_init (Figures *figures,
              guint    n_parties)
{
  figures->votes = g_new0 (gint64, n_parties);
  figures->top_votes = g_new0 (gint64, n_parties);
  figures->seats_won = g_new0 (guint, n_parties);
}

static void
figures_clear (Figures *figures)
{
  g_clear_pointer (&figures->votes, g_free);
  g_clear_pointer (&figures->top_votes, g_free);
  g_clear_pointer (&figures->seats_won, g_free);
}

static int
party_index (TallyWardResult *self,
             TallyParty      *party)
{
  return party != NULL ? _tally_results_data_party_index (self->data, party) : -1;
}

static TallyParty *
party_for_key (TallyResultsData *data,
               const char       *key)
{
  for (guint i = 0; i < data->n_parties; i++)
    if (g_strcmp0 (tally_party_get_key (data->parties[i]), key) == 0)
      return data->parties[i];

  return NULL;
}

static double
figures_share (const Figures   *figures,
               int              party,
               TallyVoteMethod  method)
{
  gint64 total = method == TALLY_VOTE_METHOD_TOP ? figures->top_total : figures->total;
  gint64 votes;

  if (party < 0 || total <= 0)
    return NAN;

  votes = method == TALLY_VOTE_METHOD_TOP ? figures->top_votes[party] : figures->votes[party];
  return 100.0 * (double) votes / (double) total;
}

static void
tally_ward_result_finalize (GObject *object)
{
  TallyWardResult *self = (TallyWardResult *) object;

  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->code, g_free);
  g_clear_pointer (&self->ballot, g_free);
  g_clear_pointer (&self->candidates, g_array_unref);
  for (guint period = 0; period < N_PERIODS; period++)
    figures_clear (&self->figures[period]);
  g_clear_pointer (&self->data, _tally_results_data_unref);

  G_OBJECT_CLASS (tally_ward_result_parent_class)->finalize (object);
}

static void
tally_ward_result_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  TallyWardResult *self = TALLY_WARD_RESULT (object);

  switch (prop_id)
    {
    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tally_ward_result_class_init (TallyWardResultClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = tally_ward_result_finalize;
  object_class->get_property = tally_ward_result_get_property;

  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
tally_ward_result_init (TallyWardResult *self)
{
  self->candidates = g_array_new (FALSE, TRUE, sizeof (TallyCandidateResult));
  g_array_set_clear_func (self->candidates, clear_candidate);
  self->electorate = self->ballots = -1;
}

/* Reads one contest's candidates into @figures (and, for the ward's own
 * election, into its list of candidates). */
static gboolean
read_candidates (TallyWardResult  *self,
                 sqlite3_stmt     *stmt,
                 TallyDatabase    *database,
                 gint64            contest_id,
                 Figures          *figures,
                 gboolean          keep,
                 GError          **error)
{
  TallyResultsData *data = self->data;
  g_autofree gint64 *best = g_new0 (gint64, data->n_parties);
  int rc;

  sqlite3_reset (stmt);
  sqlite3_bind_int64 (stmt, 1, contest_id);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      TallyParty *party = party_for_key (data, (const char *) sqlite3_column_text (stmt, 1));
      gint64 votes = sqlite3_column_int64 (stmt, 3);
      gboolean elected = sqlite3_column_int (stmt, 4) != 0;
      int index = party ? _tally_results_data_party_index (data, party) : -1;

      figures->total += votes;
      if (index >= 0)
        {
          figures->votes[index] += votes;
          figures->seats_won[index] += elected ? 1 : 0;
          best[index] = MAX (best[index], votes);
        }

      if (keep)
        {
          TallyCandidateResult candidate = { 0 };
          const char *party_name = (const char *) sqlite3_column_text (stmt, 2);

          candidate.name = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
          candidate.party = party ? g_object_ref (party) : NULL;
          candidate.party_name = g_strdup (party_name);
          candidate.votes = (guint) CLAMP (votes, 0, G_MAXUINT);
          candidate.elected = elected;
          g_array_append_val (self->candidates, candidate);
        }
    }

  if (rc != SQLITE_DONE)
    {
      _tally_database_set_error (database, error, "reading candidates");
      return FALSE;
    }

  for (guint party = 0; party < data->n_parties; party++)
    {
      figures->top_votes[party] = best[party];
      figures->top_total += best[party];
    }

  if (keep)
    for (guint i = 0; i < self->candidates->len; i++)
      {
        TallyCandidateResult *candidate = &g_array_index (self->candidates, TallyCandidateResult, i);

        candidate->share = figures->total > 0 ? 100.0 * candidate->votes / (double) figures->total : NAN;
      }

  return TRUE;
}

static const char contests_sql[] =
  "SELECT ct.id, w.id, w.name, w.code, ct.ballot, ct.seats, ct.electorate, ct.ballots, ct.by_election "
  "FROM contests ct JOIN wards w ON w.id = ct.ward_id "
  "WHERE ct.election_id = ?1 AND w.council_id = ?2 "
  "ORDER BY w.name COLLATE NOCASE, ct.by_election, ct.id";

static const char candidates_sql[] =
  "SELECT ca.name, p.key, ca.party_name, ca.votes, ca.elected "
  "FROM candidates ca JOIN parties p ON p.id = ca.party_id "
  "WHERE ca.contest_id = ?1 ORDER BY ca.votes DESC, ca.name";

/* The ward's ordinary election at the baseline, rather than a by-election. */
static const char baseline_contest_sql[] =
  "SELECT id FROM contests WHERE election_id = ?1 AND ward_id = ?2 "
  "ORDER BY by_election, seats DESC, id LIMIT 1";

GListModel *
_tally_ward_results_load (TallyResultsData  *data,
                          TallyDatabase     *database,
                          TallyCouncil      *council,
                          TallyElection     *election,
                          TallyElection     *baseline,
                          GError           **error)
{
  g_autoptr(GListStore) wards = g_list_store_new (TALLY_TYPE_WARD_RESULT);
  g_autoptr(sqlite3_stmt) contests = NULL;
  g_autoptr(sqlite3_stmt) candidates = NULL;
  g_autoptr(sqlite3_stmt) baseline_contest = NULL;
  int rc;

  if (!(contests = _tally_database_prepare (database, contests_sql, error)) ||
      !(candidates = _tally_database_prepare (database, candidates_sql, error)) ||
      !(baseline_contest = _tally_database_prepare (database, baseline_contest_sql, error)))
    return NULL;

  sqlite3_bind_int64 (contests, 1, tally_election_get_id (election));
  sqlite3_bind_int64 (contests, 2, tally_council_get_id (council));

  while ((rc = sqlite3_step (contests)) == SQLITE_ROW)
    {
      g_autoptr(TallyWardResult) ward = g_object_new (TALLY_TYPE_WARD_RESULT, NULL);

      ward->data = _tally_results_data_ref (data);
      ward->name = g_strdup ((const char *) sqlite3_column_text (contests, 2));
      ward->code = g_strdup ((const char *) sqlite3_column_text (contests, 3));
      ward->ballot = g_strdup ((const char *) sqlite3_column_text (contests, 4));
      ward->seats = (guint) MAX (sqlite3_column_int (contests, 5), 0);
      ward->by_election = sqlite3_column_int (contests, 8) != 0;
      if (sqlite3_column_type (contests, 6) != SQLITE_NULL)
        ward->electorate = sqlite3_column_int64 (contests, 6);
      if (sqlite3_column_type (contests, 7) != SQLITE_NULL)
        ward->ballots = sqlite3_column_int64 (contests, 7);

      for (guint period = 0; period < N_PERIODS; period++)
        figures_init (&ward->figures[period], data->n_parties);

      if (!read_candidates (ward, candidates, database, sqlite3_column_int64 (contests, 0),
                            &ward->figures[NOW], TRUE, error))
        return NULL;

      if (baseline != NULL)
        {
          sqlite3_reset (baseline_contest);
          sqlite3_bind_int64 (baseline_contest, 1, tally_election_get_id (baseline));
          sqlite3_bind_int64 (baseline_contest, 2, sqlite3_column_int64 (contests, 1));
          if (sqlite3_step (baseline_contest) == SQLITE_ROW)
            {
              ward->has_baseline = TRUE;
              if (!read_candidates (ward, candidates, database, sqlite3_column_int64 (baseline_contest, 0),
                                    &ward->figures[THEN], FALSE, error))
                return NULL;
            }
        }

      g_list_store_append (wards, ward);
    }

  if (rc != SQLITE_DONE)
    {
      _tally_database_set_error (database, error, "reading wards");
      return NULL;
    }

  return G_LIST_MODEL (g_steal_pointer (&wards));
}

const char *
tally_ward_result_get_name (TallyWardResult *self)
{
  g_return_val_if_fail (TALLY_IS_WARD_RESULT (self), NULL);
  return self->name;
}

/**
 * tally_ward_result_get_code:
 *
 * Returns: (nullable): the ONS ward code, when known
 */
const char *
tally_ward_result_get_code (TallyWardResult *self)
{
  g_return_val_if_fail (TALLY_IS_WARD_RESULT (self), NULL);
  return self->code;
}

/**
 * tally_ward_result_get_ballot:
 *
 * Returns: the source's ballot id, which tells a same-day by-election
 *   from the ward's ordinary election
 */
const char *
tally_ward_result_get_ballot (TallyWardResult *self)
{
  g_return_val_if_fail (TALLY_IS_WARD_RESULT (self), NULL);
  return self->ballot;
}

/**
 * tally_ward_result_get_seats:
 *
 * Returns: the seats this contest filled
 */
guint
tally_ward_result_get_seats (TallyWardResult *self)
{
  g_return_val_if_fail (TALLY_IS_WARD_RESULT (self), 0);
  return self->seats;
}

/**
 * tally_ward_result_get_by_election:
 *
 * Returns: whether this contest filled a casual vacancy on the day, beside
 *   (or instead of) the ward's ordinary election
 */
gboolean
tally_ward_result_get_by_election (TallyWardResult *self)
{
  g_return_val_if_fail (TALLY_IS_WARD_RESULT (self), FALSE);
  return self->by_election;
}

/**
 * tally_ward_result_get_candidates:
 * @n_candidates: (out): how many stood
 *
 * Returns: (array length=n_candidates) (transfer none): the candidates,
 *   most votes first
 */
const TallyCandidateResult *
tally_ward_result_get_candidates (TallyWardResult *self,
                                  guint           *n_candidates)
{
  g_return_val_if_fail (TALLY_IS_WARD_RESULT (self), NULL);
  g_return_val_if_fail (n_candidates != NULL, NULL);

  *n_candidates = self->candidates->len;
  return (const TallyCandidateResult *) (gpointer) self->candidates->data;
}

/**
 * tally_ward_result_get_winner:
 *
 * Returns: (transfer none) (nullable): the party of the candidate with the
 *   most votes
 */
TallyParty *
tally_ward_result_get_winner (TallyWardResult *self)
{
  g_return_val_if_fail (TALLY_IS_WARD_RESULT (self), NULL);

  if (self->candidates->len == 0)
    return NULL;

  return g_array_index (self->candidates, TallyCandidateResult, 0).party;
}

/**
 * tally_ward_result_get_majority:
 * @majority: (out): the votes of the last candidate elected less those of
 *   the best candidate not elected: in Kersal, Salford, in 2018, 1,660 − 910
 *
 * Returns: %FALSE when nobody lost (a seat filled unopposed)
 */
gboolean
tally_ward_result_get_majority (TallyWardResult *self,
                                guint           *majority)
{
  gint64 last_elected = -1, best_loser = -1;

  g_return_val_if_fail (TALLY_IS_WARD_RESULT (self), FALSE);
  g_return_val_if_fail (majority != NULL, FALSE);

  for (guint i = 0; i < self->candidates->len; i++)
    {
      const TallyCandidateResult *candidate = &g_array_index (self->candidates, TallyCandidateResult, i);

      if (candidate->elected)
        last_elected = last_elected < 0 ? candidate->votes : MIN (last_elected, (gint64) candidate->votes);
      else
        best_loser = MAX (best_loser, (gint64) candidate->votes);
    }

  if (last_elected < 0 || best_loser < 0)
    return FALSE;

  *majority = (guint) MAX (last_elected - best_loser, 0);
  return TRUE;
}

/**
 * tally_ward_result_get_turnout:
 *
 * Returns: ballot papers as a share of the electorate, in per cent, or NaN
 */
double
tally_ward_result_get_turnout (TallyWardResult *self)
{
  g_return_val_if_fail (TALLY_IS_WARD_RESULT (self), NAN);

  if (self->electorate <= 0 || self->ballots < 0)
    return NAN;

  return 100.0 * (double) self->ballots / (double) self->electorate;
}

guint
tally_ward_result_get_seats_won (TallyWardResult *self,
                                 TallyParty      *party)
{
  int index;

  g_return_val_if_fail (TALLY_IS_WARD_RESULT (self), 0);

  if ((index = party_index (self, party)) < 0)
    return 0;

  return self->figures[NOW].seats_won[index];
}

/**
 * tally_ward_result_get_vote_share:
 *
 * Returns: @party's share of the ward's votes, in per cent: with
 *   %TALLY_VOTE_METHOD_TOP only its best candidate counts
 */
double
tally_ward_result_get_vote_share (TallyWardResult *self,
                                  TallyParty      *party,
                                  TallyVoteMethod  method)
{
  g_return_val_if_fail (TALLY_IS_WARD_RESULT (self), NAN);
  return figures_share (&self->figures[NOW], party_index (self, party), method);
}

/**
 * tally_ward_result_get_has_baseline:
 *
 * Returns: whether the same ward was fought at the baseline election
 */
gboolean
tally_ward_result_get_has_baseline (TallyWardResult *self)
{
  g_return_val_if_fail (TALLY_IS_WARD_RESULT (self), FALSE);
  return self->has_baseline;
}

/**
 * tally_ward_result_get_seats_change:
 *
 * Returns: %FALSE when the ward has no baseline
 */
gboolean
tally_ward_result_get_seats_change (TallyWardResult *self,
                                    TallyParty      *party,
                                    int             *change)
{
  int index;

  g_return_val_if_fail (TALLY_IS_WARD_RESULT (self), FALSE);
  g_return_val_if_fail (change != NULL, FALSE);

  if (!self->has_baseline || (index = party_index (self, party)) < 0)
    return FALSE;

  *change = (int) self->figures[NOW].seats_won[index] - (int) self->figures[THEN].seats_won[index];
  return TRUE;
}

/**
 * tally_ward_result_get_vote_share_change:
 *
 * Returns: the change in @party's share since the baseline, in points, or
 *   NaN when the ward has no baseline
 */
double
tally_ward_result_get_vote_share_change (TallyWardResult *self,
                                         TallyParty      *party,
                                         TallyVoteMethod  method)
{
  int index;

  g_return_val_if_fail (TALLY_IS_WARD_RESULT (self), NAN);

  if (!self->has_baseline)
    return NAN;

  index = party_index (self, party);
  return figures_share (&self->figures[NOW], index, method) - figures_share (&self->figures[THEN], index, method);
}
