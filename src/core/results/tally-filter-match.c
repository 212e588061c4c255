/* tally-filter-match.c: whether a council passes the filter.
 *
 * tally_filter_matches() for one council result, and the private questions
 * of tally-filter-private.h that the engine (tally-results.c) asks council
 * by council in its own loop: both go through the same two functions, the
 * place (region, type, council, search) and the control (parties and
 * outcomes), so that they give the same answer.  What the party and outcome
 * sets mean together is in tally-filter.c.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "tally-council.h"
#include "tally-council-result.h"
#include "tally-election.h"
#include "tally-filter-private.h"
#include "tally-filter-state-private.h"
#include "tally-party.h"

/**
 * tally_filter_matches:
 * @result: one council's result, from tally_catalog_load_results() or the
 *   results engine
 *
 * Gives the same answer as the engine's own loop, for a #GtkCustomFilter or
 * a test.
 *
 * Returns: whether @result passes the filter
 */
gboolean
tally_filter_matches (TallyFilter        *self,
                      TallyCouncilResult *result)
{
  TallyCouncil *council;
  TallyElection *election;
  TallyParty *before, *after;
  g_autofree char *folded_name = NULL;
  int control_before = TALLY_CONTROL_UNKNOWN, control_after = TALLY_CONTROL_UNKNOWN;
  gboolean before_selected, after_selected;

  g_return_val_if_fail (TALLY_IS_FILTER (self), FALSE);
  g_return_val_if_fail (TALLY_IS_COUNCIL_RESULT (result), FALSE);

  election = tally_council_result_get_election (result);
  if (self->election != NULL && tally_election_get_id (self->election) != tally_election_get_id (election))
    return FALSE;

  council = tally_council_result_get_council (result);
  if (self->folded_search != NULL)
    folded_name = _tally_filter_fold_name (tally_council_get_name (council));
  if (!_tally_filter_match_place (self, council, folded_name))
    return FALSE;

  /* Control is compared by identity only: 0 is the party before, 1 another. */
  before = tally_council_result_get_control (result, TALLY_STAGE_BEFORE);
  after = tally_council_result_get_control (result, TALLY_STAGE_AFTER);
  if (tally_council_result_get_total_seats (result, TALLY_STAGE_BEFORE) > 0)
    control_before = before != NULL ? 0 : TALLY_NO_CONTROL;
  /* Not declared yet (results night): no control after, no outcome. */
  if (tally_council_result_get_total_seats (result, TALLY_STAGE_AFTER) > 0 && tally_council_result_get_declared (result))
    control_after = after == NULL ? TALLY_NO_CONTROL : (after == before ? 0 : 1);

  before_selected = before != NULL && _tally_filter_set_contains (self->parties, tally_party_get_key (before));
  after_selected = after != NULL && control_after != TALLY_CONTROL_UNKNOWN && _tally_filter_set_contains (self->parties, tally_party_get_key (after));

  return _tally_filter_match_control (self, control_before, control_after, before_selected, after_selected);
}

/* Private API, for the engine. */

/* Case-insensitive, for searching: "Kingston upon Hull, City of" and
 * "kingston" meet. */
char *
_tally_filter_fold_name (const char *name)
{
  g_autofree char *normalized = g_utf8_normalize (name, -1, G_NORMALIZE_DEFAULT);

  return g_utf8_casefold (normalized ? normalized : name, -1);
}

gboolean
_tally_filter_has_parties (TallyFilter *self)
{
  g_assert (TALLY_IS_FILTER (self));

  return self->parties[0] != NULL;
}

/* Region, type, council and search: everything that does not depend on
 * the results.  @folded_name may be NULL when there is no search text. */
gboolean
_tally_filter_match_place (TallyFilter  *self,
                           TallyCouncil *council,
                           const char   *folded_name)
{
  g_assert (TALLY_IS_FILTER (self));

  if (self->regions[0] != NULL && !_tally_filter_set_contains (self->regions, tally_council_get_region (council)))
    return FALSE;

  if (self->council_types[0] != NULL &&
      !_tally_filter_set_contains (self->council_types,
                                   tally_council_type_to_string (tally_council_get_council_type (council))))
    return FALSE;

  if (self->councils[0] != NULL && !_tally_filter_set_contains (self->councils, tally_council_get_code (council)))
    return FALSE;

  if (self->folded_search != NULL)
    {
      const char *code = tally_council_get_code (council);

      if (folded_name == NULL || strstr (folded_name, self->folded_search) == NULL)
        if (g_ascii_strncasecmp (code, self->search_text, strlen (self->search_text)) != 0)
          return FALSE;
    }

  return TRUE;
}

/* Parties and outcomes.  @control_before and @control_after are compared
 * only with each other and with TALLY_NO_CONTROL / TALLY_CONTROL_UNKNOWN;
 * @before_selected says whether the party in control before is one of the
 * filter's parties, @after_selected the same after. */
gboolean
_tally_filter_match_control (TallyFilter *self,
                             int          control_before,
                             int          control_after,
                             gboolean     before_selected,
                             gboolean     after_selected)
{
  TallyOutcome outcome = tally_rules_outcome (control_before, control_after);
  TallyOutcomeFlags flags = TALLY_OUTCOME_FLAG_NONE;

  g_assert (TALLY_IS_FILTER (self));

  if (self->parties[0] == NULL)
    {
      if (self->outcomes == TALLY_OUTCOME_FLAG_NONE)
        return TRUE;

      switch (outcome)
        {
        case TALLY_OUTCOME_HOLD:
          flags = TALLY_OUTCOME_FLAG_HOLD;
          break;
        case TALLY_OUTCOME_GAIN:
          /* A gain from another party is that party's loss. */
          flags = TALLY_OUTCOME_FLAG_GAIN |
                  (control_before >= 0 ? TALLY_OUTCOME_FLAG_LOSS : TALLY_OUTCOME_FLAG_NONE);
          break;
        case TALLY_OUTCOME_LOSS:
          flags = TALLY_OUTCOME_FLAG_LOSS;
          break;
        case TALLY_OUTCOME_NOC_HOLD:
          flags = TALLY_OUTCOME_FLAG_NOC_HOLD;
          break;
        case TALLY_OUTCOME_UNKNOWN:
        default:
          break;
        }

      return (flags & self->outcomes) != 0;
    }

  if (before_selected)
    flags |= tally_rules_party_outcome (control_before, control_after, control_before);
  if (after_selected)
    flags |= tally_rules_party_outcome (control_before, control_after, control_after);

  /* One of the parties ran the council before or after, and (when
   * outcomes are chosen) what happened to it is one of them.  No overall
   * control both times is no party's outcome, so with parties chosen it
   * matches nothing: sections narrow, they never widen (Havering, NOC
   * throughout, is not a Liberal Democrat council). */
  if (self->outcomes == TALLY_OUTCOME_FLAG_NONE)
    return flags != TALLY_OUTCOME_FLAG_NONE;

  return (flags & self->outcomes) != 0;
}
