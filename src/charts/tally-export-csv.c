/* tally-export-csv.c: the council table and the candidates, as CSV.
 *
 * Two tables leave Tally as CSV: the councils, one row each, in the order
 * the caller gives (the list as filtered and sorted in the window, or the
 * filter's councils on the command line); and the candidates, in Tally's
 * own candidate CSV (tests/data/README.md), which `tally import` reads
 * back to the same candidates.  RFC 4180 quoting, UTF-8, LF line ends;
 * numbers with a dot and no thousands separator, whatever the locale.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include "tally-council.h"
#include "tally-council-result.h"
#include "tally-election.h"
#include "tally-export.h"
#include "tally-party.h"
#include "tally-party-ranking.h"
#include "tally-ward-result.h"

/* The columns of Tally's candidate CSV, as `tally import` reads them. */
static const char *candidate_columns =
  "election_date,council_code,council_name,ward_code,ward_name,ballot,by_election,seats,"
  "candidate,party,votes,elected\n";

/* Every field goes in after a comma; end_line() drops the first. */
static void
append_field (GString    *line,
              const char *field)
{
  g_string_append_c (line, ',');

  if (field == NULL)
    return;

  /* Quoted when it must be, and when spaces at either end would be lost. */
  if (strpbrk (field, ",\"\n\r") == NULL && field[0] != ' ' &&
      (field[0] == '\0' || field[strlen (field) - 1] != ' '))
    {
      g_string_append (line, field);
      return;
    }

  g_string_append_c (line, '"');
  for (const char *c = field; *c; c++)
    {
      if (*c == '"')
        g_string_append_c (line, '"');
      g_string_append_c (line, *c);
    }
  g_string_append_c (line, '"');
}

static void
append_uint (GString *line,
             guint64  value)
{
  char text[32];

  g_snprintf (text, sizeof text, "%" G_GUINT64_FORMAT, value);
  append_field (line, text);
}

static void
append_int (GString *line,
            gint64   value)
{
  char text[32];

  g_snprintf (text, sizeof text, "%" G_GINT64_FORMAT, value);
  append_field (line, text);
}

/* Two decimals with a dot; unknown (NaN) is empty. */
static void
append_number (GString *line,
               double   value)
{
  char text[G_ASCII_DTOSTR_BUF_SIZE];

  if (isnan (value))
    {
      append_field (line, "");
      return;
    }

  g_ascii_formatd (text, sizeof text, "%.2f", fabs (value) < 0.005 ? 0.0 : value);
  append_field (line, text);
}

static void
end_line (GString *line)
{
  if (line->len > 0 && line->str[0] == ',')
    g_string_erase (line, 0, 1);
  g_string_append_c (line, '\n');
}

/* Councils */

/* A party's columns, or one "OTH" for every party of the "other" group:
 * an import keeps each minor party under its own name, a hundred and more
 * in 2018, as `tally summary --councils --csv` also groups them. */
typedef struct
{
  const char *key;
  GPtrArray  *members;  /* TallyParty, borrowed */
} Group;

static void
group_free (gpointer data)
{
  Group *group = data;

  g_ptr_array_unref (group->members);
  g_free (group);
}

static GPtrArray *
make_groups (GListModel        *parties,
             TallyPartyRanking *ranking)
{
  GPtrArray *groups = g_ptr_array_new_with_free_func (group_free);

  /* The named parties, in results order, then Others: the columns every
   * view shows, whatever an import brought. */
  if (ranking != NULL)
    {
      GListModel *shown = tally_party_ranking_get_shown (ranking);

      for (guint i = 0; i < g_list_model_get_n_items (shown); i++)
        {
          g_autoptr(TallyParty) party = g_list_model_get_item (shown, i);
          Group *group = g_new0 (Group, 1);

          group->key = tally_party_is_aggregate (party) ? "OTH" : tally_party_get_key (party);
          group->members = tally_party_ranking_get_members (ranking, party);
          g_ptr_array_add (groups, group);
        }
      return groups;
    }

  Group *others = NULL;
  guint n_parties = parties ? g_list_model_get_n_items (parties) : 0;

  for (guint i = 0; i < n_parties; i++)
    {
      g_autoptr(TallyParty) party = g_list_model_get_item (parties, i);
      Group *group;

      if (tally_party_is_aggregate (party) && others != NULL)
        {
          g_ptr_array_add (others->members, party);
          continue;
        }

      group = g_new0 (Group, 1);
      group->members = g_ptr_array_new ();
      group->key = tally_party_is_aggregate (party) ? "OTH" : tally_party_get_key (party);
      g_ptr_array_add (group->members, party);
      g_ptr_array_add (groups, group);
      if (tally_party_is_aggregate (party))
        others = group;
    }

  return groups;
}

static const char *
control_key (TallyCouncilResult *result,
             TallyStage          stage)
{
  TallyParty *party;

  if (tally_council_result_get_total_seats (result, stage) == 0)
    return "";

  party = tally_council_result_get_control (result, stage);
  return party ? tally_party_get_key (party) : "NOC";
}

static const char *
outcome_key (TallyOutcome outcome)
{
  switch (outcome)
    {
    case TALLY_OUTCOME_GAIN:
      return "gain";
    case TALLY_OUTCOME_LOSS:
      return "loss";
    case TALLY_OUTCOME_HOLD:
      return "hold";
    case TALLY_OUTCOME_NOC_HOLD:
      return "noc-hold";
    case TALLY_OUTCOME_UNKNOWN:
    default:
      return "";
    }
}

static guint
held_after (TallyCouncilResult *result,
            TallyParty         *party)
{
  const TallySeats *seats;
  guint n_seats;

  seats = tally_council_result_get_composition (result, TALLY_STAGE_AFTER, &n_seats);
  for (guint i = 0; i < n_seats; i++)
    if (seats[i].party == party)
      return seats[i].seats;

  return 0;
}

static void
append_group (GString            *line,
              TallyCouncilResult *result,
              Group              *group,
              TallyVoteMethod     method)
{
  guint held = 0, won = 0;
  int change = 0;
  gboolean change_known = TRUE;
  double share = 0, share_change = 0;

  for (guint i = 0; i < group->members->len; i++)
    {
      TallyParty *party = g_ptr_array_index (group->members, i);
      int party_change = 0;

      held += held_after (result, party);
      won += tally_council_result_get_seats_won (result, party);
      change_known = tally_council_result_get_seats_change (result, party, &party_change) && change_known;
      change += party_change;
      share += tally_council_result_get_vote_share (result, party, method);
      share_change += tally_council_result_get_vote_share_change (result, party, method);
    }

  append_uint (line, held);
  append_uint (line, won);
  if (change_known)
    append_int (line, change);
  else
    append_field (line, "");
  append_number (line, share);
  append_number (line, share_change);
}

/**
 * tally_export_councils_csv:
 * @results: (element-type TallyCouncilResult): the councils, in the order
 *   to write them (the list as the user sorted it)
 * @parties: (element-type TallyParty): the party table, for the columns
 * @ranking: (nullable): the parties to name, in their order, the rest in
 *   one OTH group; %NULL for a column group per party of @parties
 * @swing_from: (nullable): the swing column's "from" party
 * @swing_to: (nullable): its "to" party
 * @method: the vote-share method of the share columns and the swing
 *
 * One row per council: code, name, type, region, election date, seats,
 * seats up, majority, control before and after, outcome, turnout; then for
 * each party its seats held after the poll, seats won, change in seats
 * won, vote share and change in share (PARTY_held, PARTY_seats,
 * PARTY_seats_change, PARTY_share, PARTY_share_change, the names `tally
 * summary --councils --csv` uses); then the swing; then the basis
 * (services, election or eve) and what the seat change compares with
 * (same_seats, notional, no_notional_baseline, eve, none).  Every party gets its
 * columns, so that a script's columns do not move with the filter.
 *
 * Returns: (transfer full): the CSV
 */
GBytes *
tally_export_councils_csv (GListModel        *results,
                           GListModel        *parties,
                           TallyPartyRanking *ranking,
                           TallyParty      *swing_from,
                           TallyParty      *swing_to,
                           TallyVoteMethod  method)
{
  g_autoptr(GPtrArray) groups = NULL;
  g_autofree char *swing_column = NULL;
  GString *csv = g_string_new (NULL);
  guint n_results;

  g_return_val_if_fail (G_IS_LIST_MODEL (results), NULL);
  g_return_val_if_fail (parties == NULL || G_IS_LIST_MODEL (parties), NULL);

  groups = make_groups (parties, ranking);

  g_string_append (csv, ",code,name,type,region,election_date,seats,seats_up,majority,"
                        "control_before,control_after,outcome,outcome_description,turnout");
  for (guint i = 0; i < groups->len; i++)
    {
      Group *group = g_ptr_array_index (groups, i);

      g_string_append_printf (csv, ",%s_held,%s_seats,%s_seats_change,%s_share,%s_share_change",
                              group->key, group->key, group->key, group->key, group->key);
    }
  if (swing_from != NULL && swing_to != NULL)
    {
      g_autofree char *from = g_ascii_strdown (tally_party_get_key (swing_from), -1);
      g_autofree char *to = g_ascii_strdown (tally_party_get_key (swing_to), -1);

      swing_column = g_strdup_printf ("swing_%s_%s", from, to);
      g_string_append_printf (csv, ",%s", swing_column);
    }
  /* What control before and the seat changes are measured against. */
  g_string_append (csv, ",basis,seat_change_against");
  end_line (csv);

  n_results = g_list_model_get_n_items (results);
  for (guint i = 0; i < n_results; i++)
    {
      g_autoptr(TallyCouncilResult) result = g_list_model_get_item (results, i);
      TallyCouncil *council = tally_council_result_get_council (result);
      TallyElection *election = tally_council_result_get_election (result);
      g_autofree char *outcome = tally_council_result_describe_outcome (result, FALSE);
      g_autoptr(GString) line = g_string_new (NULL);
      double turnout = tally_council_result_get_turnout (result);

      append_field (line, tally_council_get_code (council));
      append_field (line, tally_council_get_name (council));
      append_field (line, tally_council_type_to_string (tally_council_get_council_type (council)));
      append_field (line, tally_council_get_region (council));
      append_field (line, election ? tally_election_get_date (election) : "");
      append_uint (line, tally_council_result_get_total_seats (result, TALLY_STAGE_AFTER));
      append_uint (line, tally_council_result_get_seats_up (result));
      append_uint (line, tally_council_result_get_majority (result));
      append_field (line, control_key (result, TALLY_STAGE_BEFORE));
      append_field (line, control_key (result, TALLY_STAGE_AFTER));
      append_field (line, outcome_key (tally_council_result_get_outcome (result)));
      append_field (line, outcome);
      append_number (line, turnout);

      for (guint j = 0; j < groups->len; j++)
        append_group (line, result, g_ptr_array_index (groups, j), method);

      if (swing_column != NULL)
        append_number (line, tally_council_result_get_swing (result, swing_from, swing_to, method));
      append_field (line, tally_basis_to_string (tally_council_result_get_basis (result)));
      append_field (line, tally_council_result_get_seat_change_against (result));

      end_line (line);
      g_string_append_len (csv, line->str, line->len);
    }

  return g_string_free_to_bytes (csv);
}

/* Candidates */

/**
 * tally_export_candidates_csv:
 * @engine: the results engine @results came from
 * @results: (element-type TallyCouncilResult): the councils whose
 *   candidates to write, in order
 * @n_candidates: (out) (optional): how many candidate rows were written;
 *   0 when the database holds council totals only
 *
 * Every candidate of every ward poll of @results, in Tally's own candidate
 * CSV: election_date, council_code, council_name, ward_code, ward_name,
 * ballot, by_election, seats, candidate, party (as the source spelt it,
 * else the party key), votes, elected.  Importing the file gives the same
 * candidates.  This reads the database (tally_results_list_wards()).
 *
 * Returns: (transfer full) (nullable): the CSV, or %NULL with @error
 */
GBytes *
tally_export_candidates_csv (TallyResults  *engine,
                             GListModel    *results,
                             guint         *n_candidates,
                             GCancellable  *cancellable,
                             GError       **error)
{
  g_autoptr(GString) csv = g_string_new (candidate_columns);
  guint n_results, count = 0;

  g_return_val_if_fail (TALLY_IS_RESULTS (engine), NULL);
  g_return_val_if_fail (G_IS_LIST_MODEL (results), NULL);

  n_results = g_list_model_get_n_items (results);
  for (guint i = 0; i < n_results; i++)
    {
      g_autoptr(TallyCouncilResult) result = g_list_model_get_item (results, i);
      TallyCouncil *council = tally_council_result_get_council (result);
      TallyElection *election = tally_council_result_get_election (result);
      g_autoptr(GListModel) wards = NULL;
      guint n_wards;

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return NULL;

      if (!(wards = tally_results_list_wards (engine, result, error)))
        return NULL;

      n_wards = g_list_model_get_n_items (wards);
      for (guint j = 0; j < n_wards; j++)
        {
          g_autoptr(TallyWardResult) ward = g_list_model_get_item (wards, j);
          const TallyCandidateResult *candidates;
          guint n;

          candidates = tally_ward_result_get_candidates (ward, &n);
          for (guint k = 0; k < n; k++)
            {
              const TallyCandidateResult *candidate = &candidates[k];
              g_autoptr(GString) line = g_string_new (NULL);
              const char *party = candidate->party_name;

              if (party == NULL || *party == '\0')
                party = candidate->party ? tally_party_get_key (candidate->party) : "OTH";

              append_field (line, tally_election_get_date (election));
              append_field (line, tally_council_get_code (council));
              append_field (line, tally_council_get_name (council));
              append_field (line, tally_ward_result_get_code (ward));
              append_field (line, tally_ward_result_get_name (ward));
              append_field (line, tally_ward_result_get_ballot (ward));
              append_field (line, tally_ward_result_get_by_election (ward) ? "1" : "0");
              append_uint (line, tally_ward_result_get_seats (ward));
              append_field (line, candidate->name);
              append_field (line, party);
              append_uint (line, candidate->votes);
              append_field (line, candidate->elected ? "1" : "0");
              end_line (line);

              g_string_append_len (csv, line->str, line->len);
              count++;
            }
        }
    }

  if (n_candidates != NULL)
    *n_candidates = count;

  return g_string_free_to_bytes (g_steal_pointer (&csv));
}
