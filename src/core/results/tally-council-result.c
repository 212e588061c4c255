/* tally-council-result.c: one council at one election: the seats fought and
 * the council's composition on the eve of the poll and after it, from which
 * control follows by the majority rule of tally-rules.c.
 *
 * A result made by the results engine also reaches the engine's arrays
 * (tally-results-private.h) for seats won, votes and change against a
 * baseline; one made by tally_catalog_load_results() has compositions only.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "tally-council.h"
#include "tally-council-result.h"
#include "tally-election.h"
#include "tally-party.h"
#include "tally-results-private.h"
#include "tally-rules.h"

struct _TallyCouncilResult
{
  GObject        parent_instance;

  TallyCouncil  *council;
  TallyElection *election;
  GArray        *composition[2];   /* of TallySeats, left to right */
  guint          seats_up;

  /* Only for results made by the engine. */
  TallyResultsData *data;
  guint             election_index;
  int               baseline_index;  /* -1 without a baseline */
  guint             council_index;
  TallyBasis        basis;
};

G_DEFINE_FINAL_TYPE (TallyCouncilResult, tally_council_result, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_COUNCIL,
  PROP_COUNCIL_NAME,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
clear_seats (gpointer data)
{
  TallySeats *seats = data;

  g_clear_object (&seats->party);
}

static int
compare_seats_by_position (gconstpointer a,
                           gconstpointer b)
{
  const TallySeats *seats_a = a;
  const TallySeats *seats_b = b;

  return tally_party_get_position (seats_a->party) - tally_party_get_position (seats_b->party);
}

static void
tally_council_result_dispose (GObject *object)
{
  TallyCouncilResult *self = (TallyCouncilResult *) object;

  g_clear_object (&self->council);
  g_clear_object (&self->election);
  g_clear_pointer (&self->composition[TALLY_STAGE_BEFORE], g_array_unref);
  g_clear_pointer (&self->composition[TALLY_STAGE_AFTER], g_array_unref);
  g_clear_pointer (&self->data, _tally_results_data_unref);

  G_OBJECT_CLASS (tally_council_result_parent_class)->dispose (object);
}

static void
tally_council_result_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  TallyCouncilResult *self = TALLY_COUNCIL_RESULT (object);

  switch (prop_id)
    {
    case PROP_COUNCIL:
      g_value_set_object (value, self->council);
      break;

    case PROP_COUNCIL_NAME:
      g_value_set_string (value, tally_council_get_name (self->council));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tally_council_result_class_init (TallyCouncilResultClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = tally_council_result_dispose;
  object_class->get_property = tally_council_result_get_property;

  properties[PROP_COUNCIL] =
    g_param_spec_object ("council", NULL, NULL, TALLY_TYPE_COUNCIL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_COUNCIL_NAME] =
    g_param_spec_string ("council-name", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
tally_council_result_init (TallyCouncilResult *self)
{
  for (guint stage = 0; stage < G_N_ELEMENTS (self->composition); stage++)
    {
      self->composition[stage] = g_array_new (FALSE, TRUE, sizeof (TallySeats));
      g_array_set_clear_func (self->composition[stage], clear_seats);
    }
}

TallyCouncilResult *
tally_council_result_new (TallyCouncil  *council,
                          TallyElection *election,
                          guint          seats_up)
{
  TallyCouncilResult *self;

  g_return_val_if_fail (TALLY_IS_COUNCIL (council), NULL);
  g_return_val_if_fail (TALLY_IS_ELECTION (election), NULL);

  self = g_object_new (TALLY_TYPE_COUNCIL_RESULT, NULL);
  self->council = g_object_ref (council);
  self->election = g_object_ref (election);
  self->seats_up = seats_up;

  return self;
}

/**
 * tally_council_result_get_council:
 *
 * Returns: (transfer none): the council
 */
TallyCouncil *
tally_council_result_get_council (TallyCouncilResult *self)
{
  g_return_val_if_fail (TALLY_IS_COUNCIL_RESULT (self), NULL);
  return self->council;
}

/**
 * tally_council_result_get_election:
 *
 * Returns: (transfer none): the election
 */
TallyElection *
tally_council_result_get_election (TallyCouncilResult *self)
{
  g_return_val_if_fail (TALLY_IS_COUNCIL_RESULT (self), NULL);
  return self->election;
}

guint
tally_council_result_get_seats_up (TallyCouncilResult *self)
{
  g_return_val_if_fail (TALLY_IS_COUNCIL_RESULT (self), 0);
  return self->seats_up;
}

/**
 * tally_council_result_add_composition:
 *
 * Records that @party held @seats at @stage.  Parties stay in left-to-right
 * order whatever order they are added in.
 */
void
tally_council_result_add_composition (TallyCouncilResult *self,
                                      TallyStage          stage,
                                      TallyParty         *party,
                                      guint               seats)
{
  TallySeats entry = { NULL, seats };
  GArray *composition;

  g_return_if_fail (TALLY_IS_COUNCIL_RESULT (self));
  g_return_if_fail (stage <= TALLY_STAGE_AFTER);
  g_return_if_fail (TALLY_IS_PARTY (party));

  entry.party = g_object_ref (party);
  g_array_append_val (self->composition[stage], entry);

  /* The engine adds parties already in order: sort only when needed. */
  composition = self->composition[stage];
  if (composition->len > 1 &&
      compare_seats_by_position (&g_array_index (composition, TallySeats, composition->len - 2), &entry) > 0)
    g_array_sort (composition, compare_seats_by_position);
}

/**
 * tally_council_result_get_composition:
 * @n_parties: (out): how many parties held seats
 *
 * Returns: (array length=n_parties) (transfer none): the seats each party
 *   held at @stage, from left to right; empty when not known
 */
const TallySeats *
tally_council_result_get_composition (TallyCouncilResult *self,
                                      TallyStage          stage,
                                      guint              *n_parties)
{
  g_return_val_if_fail (TALLY_IS_COUNCIL_RESULT (self), NULL);
  g_return_val_if_fail (stage <= TALLY_STAGE_AFTER, NULL);
  g_return_val_if_fail (n_parties != NULL, NULL);

  *n_parties = self->composition[stage]->len;
  return (const TallySeats *) (gpointer) self->composition[stage]->data;
}

/**
 * tally_council_result_get_total_seats:
 *
 * Returns: all the council's seats at @stage, or 0 when its composition is
 *   not known.  New ward boundaries can change it: Birmingham had 120 seats
 *   before 2018 and 101 after.
 */
guint
tally_council_result_get_total_seats (TallyCouncilResult *self,
                                      TallyStage          stage)
{
  GArray *composition;
  guint total = 0;

  g_return_val_if_fail (TALLY_IS_COUNCIL_RESULT (self), 0);
  g_return_val_if_fail (stage <= TALLY_STAGE_AFTER, 0);

  composition = self->composition[stage];
  for (guint i = 0; i < composition->len; i++)
    total += g_array_index (composition, TallySeats, i).seats;

  return total;
}

/**
 * tally_council_result_get_control:
 *
 * Returns: (transfer none) (nullable): the party in control at @stage, or
 *   %NULL for no overall control or an unknown composition
 */
TallyParty *
tally_council_result_get_control (TallyCouncilResult *self,
                                  TallyStage          stage)
{
  GArray *composition;
  g_autofree guint *seats = NULL;
  g_autofree gboolean *aggregate = NULL;
  int winner;

  g_return_val_if_fail (TALLY_IS_COUNCIL_RESULT (self), NULL);
  g_return_val_if_fail (stage <= TALLY_STAGE_AFTER, NULL);

  /* Against the council's last election, control before is what that
   * election produced, not what the composition on the eve says. */
  if (stage == TALLY_STAGE_BEFORE && self->data != NULL && self->basis == TALLY_BASIS_ELECTION)
    {
      int index = _tally_results_data_control_before (self->data, self->election_index, self->council_index,
                                                      self->basis);

      return index >= 0 ? self->data->parties[index] : NULL;
    }

  /* Where only the recorded control is known (no composition). */
  if (stage == TALLY_STAGE_BEFORE && self->data != NULL && self->composition[stage]->len == 0)
    {
      int index = _tally_results_data_control_before (self->data, self->election_index, self->council_index,
                                                      self->basis);

      return index >= 0 ? self->data->parties[index] : NULL;
    }

  composition = self->composition[stage];
  seats = g_new (guint, composition->len + 1);
  aggregate = g_new (gboolean, composition->len + 1);

  for (guint i = 0; i < composition->len; i++)
    {
      const TallySeats *entry = &g_array_index (composition, TallySeats, i);

      seats[i] = entry->seats;
      aggregate[i] = tally_party_is_aggregate (entry->party);
    }

  winner = tally_rules_control (seats, aggregate, composition->len);
  if (winner == TALLY_NO_CONTROL)
    return NULL;

  return g_array_index (composition, TallySeats, winner).party;
}

/* Whether control at @stage is unknown on the result's basis. */
static gboolean
control_unknown (TallyCouncilResult *self,
                 TallyStage          stage)
{
  if (stage == TALLY_STAGE_BEFORE && self->data != NULL)
    return _tally_results_data_control_before (self->data, self->election_index, self->council_index,
                                               self->basis) == TALLY_CONTROL_UNKNOWN;

  return tally_council_result_get_total_seats (self, stage) == 0;
}

/**
 * tally_council_result_describe_control:
 *
 * Returns: (transfer full): "Labour", "No overall control", or "Unknown"
 *   when the composition at @stage is not known
 */
char *
tally_council_result_describe_control (TallyCouncilResult *self,
                                       TallyStage          stage)
{
  TallyParty *party;

  g_return_val_if_fail (TALLY_IS_COUNCIL_RESULT (self), NULL);

  if (control_unknown (self, stage))
    return g_strdup (_("Unknown"));

  party = tally_council_result_get_control (self, stage);
  if (party == NULL)
    return g_strdup (_("No overall control"));

  return g_strdup (tally_party_get_full_name (party));
}

/* Engine-made results. */

TallyCouncilResult *
_tally_council_result_new_for_data (TallyResultsData *data,
                                    guint             election,
                                    int               baseline,
                                    guint             council,
                                    TallyBasis        basis)
{
  TallyCouncilResult *self;
  gsize ec = _tally_ec (data, election, council);

  self = tally_council_result_new (data->councils[council], data->elections[election],
                                   (guint) MAX (data->seats_up[ec], 0));
  self->data = _tally_results_data_ref (data);
  self->election_index = election;
  self->baseline_index = baseline;
  self->council_index = council;
  self->basis = basis;

  for (guint stage = TALLY_STAGE_BEFORE; stage <= TALLY_STAGE_AFTER; stage++)
    for (guint party = 0; party < data->n_parties; party++)
      {
        gint32 seats = data->composition[stage][_tally_ecp (data, election, council, party)];

        if (seats > 0)
          tally_council_result_add_composition (self, stage, data->parties[party], (guint) seats);
      }

  return self;
}

/* The party's index in the engine's data, or -1. */
static int
party_index (TallyCouncilResult *self,
             TallyParty         *party)
{
  if (self->data == NULL || party == NULL)
    return -1;

  return _tally_results_data_party_index (self->data, party);
}

static gboolean
baseline_held (TallyCouncilResult *self)
{
  return self->data != NULL && self->baseline_index >= 0 &&
         self->data->held[_tally_ec (self->data, self->baseline_index, self->council_index)];
}

/**
 * tally_council_result_get_baseline:
 *
 * Returns: (transfer none) (nullable): the election changes are measured
 *   against, or %NULL when there is none
 */
TallyElection *
tally_council_result_get_baseline (TallyCouncilResult *self)
{
  g_return_val_if_fail (TALLY_IS_COUNCIL_RESULT (self), NULL);

  if (self->data == NULL || self->baseline_index < 0)
    return NULL;

  return self->data->elections[self->baseline_index];
}

/**
 * tally_council_result_get_majority:
 *
 * Returns: the seats needed to control the council after the election
 *   (before it, when the composition after is not known), or 0 when
 *   neither is known
 */
guint
tally_council_result_get_majority (TallyCouncilResult *self)
{
  guint total;

  g_return_val_if_fail (TALLY_IS_COUNCIL_RESULT (self), 0);

  total = tally_council_result_get_total_seats (self, TALLY_STAGE_AFTER);
  if (total == 0)
    total = tally_council_result_get_total_seats (self, TALLY_STAGE_BEFORE);

  return total > 0 ? tally_rules_majority (total) : 0;
}

static int
control_index (TallyCouncilResult *self,
               TallyStage          stage,
               TallyParty         *other)
{
  TallyParty *party;

  if (control_unknown (self, stage))
    return TALLY_CONTROL_UNKNOWN;

  party = tally_council_result_get_control (self, stage);
  if (party == NULL)
    return TALLY_NO_CONTROL;

  return party == other ? 0 : 1;
}

/**
 * tally_council_result_get_outcome:
 *
 * Returns: gain, loss (to no overall control), hold or NOC hold, from the
 *   compositions before and after
 */
TallyOutcome
tally_council_result_get_outcome (TallyCouncilResult *self)
{
  TallyParty *before;

  g_return_val_if_fail (TALLY_IS_COUNCIL_RESULT (self), TALLY_OUTCOME_UNKNOWN);

  before = tally_council_result_get_control (self, TALLY_STAGE_BEFORE);
  return tally_rules_outcome (control_index (self, TALLY_STAGE_BEFORE, before),
                              control_index (self, TALLY_STAGE_AFTER, before));
}

static const char *
party_name (TallyParty *party,
            gboolean    abbreviated)
{
  if (party == NULL)
    return abbreviated ? _("NOC") : _("no overall control");

  return abbreviated ? tally_party_get_short_name (party) : tally_party_get_full_name (party);
}

/**
 * tally_council_result_describe_outcome:
 * @abbreviated: short party names, for tables: "Con gain from NOC"
 *
 * Returns: (transfer full): "Conservative gain from no overall control",
 *   "Liberal Democrats gain from Conservative", "Conservative hold",
 *   "Conservative loss to no overall control", "No overall control, no
 *   change" or "Unknown"
 */
char *
tally_council_result_describe_outcome (TallyCouncilResult *self,
                                       gboolean            abbreviated)
{
  TallyParty *before, *after;

  g_return_val_if_fail (TALLY_IS_COUNCIL_RESULT (self), NULL);

  before = tally_council_result_get_control (self, TALLY_STAGE_BEFORE);
  after = tally_council_result_get_control (self, TALLY_STAGE_AFTER);

  switch (tally_council_result_get_outcome (self))
    {
    case TALLY_OUTCOME_GAIN:
      /* Translators: "Labour gain from Conservative" */
      return g_strdup_printf (_("%s gain from %s"), party_name (after, abbreviated),
                              party_name (before, abbreviated));
    case TALLY_OUTCOME_HOLD:
      /* Translators: "Conservative hold" */
      return g_strdup_printf (_("%s hold"), party_name (after, abbreviated));
    case TALLY_OUTCOME_LOSS:
      /* Translators: "Conservative loss to no overall control", as results
       * services print a council that no party controls any more. */
      return abbreviated ? g_strdup_printf (_("%s loss to NOC"), party_name (before, TRUE))
                         : g_strdup_printf (_("%s loss to no overall control"), party_name (before, FALSE));
    case TALLY_OUTCOME_NOC_HOLD:
      return g_strdup (abbreviated ? _("NOC hold") : _("No overall control, no change"));
    case TALLY_OUTCOME_UNKNOWN:
    default:
      return g_strdup (_("Unknown"));
    }
}

/**
 * tally_council_result_get_declared:
 *
 * Returns: whether the council has declared.  When the database records no
 *   declarations for the election, every council counts as declared.
 */
gboolean
tally_council_result_get_declared (TallyCouncilResult *self)
{
  g_return_val_if_fail (TALLY_IS_COUNCIL_RESULT (self), FALSE);

  if (self->data == NULL)
    return TRUE;

  return self->data->declared[_tally_ec (self->data, self->election_index, self->council_index)];
}

/**
 * tally_council_result_get_seats_won:
 *
 * Returns: the seats @party won at this election (of the seats up)
 */
guint
tally_council_result_get_seats_won (TallyCouncilResult *self,
                                    TallyParty         *party)
{
  int index;

  g_return_val_if_fail (TALLY_IS_COUNCIL_RESULT (self), 0);

  if ((index = party_index (self, party)) < 0)
    return 0;

  return (guint) self->data->seats_won[_tally_ecp (self->data, self->election_index,
                                                   self->council_index, index)];
}

/**
 * tally_council_result_get_seats_change:
 * @change: (out): the change in @party's seats against the baseline
 *
 * On the result's basis (tally_council_result_get_basis()).  Against the
 * previous comparable election (the default): where the baseline fought the
 * same seats (the same cohort, for councils elected by thirds or halves),
 * seats won now less seats won then; on new ward boundaries, seats won now
 * less the notional baseline where one is known, and no change otherwise.
 * Against the eve of the poll: seats held after the poll less seats held
 * before it.  tally_council_result_describe_seat_basis() says which.
 *
 * Returns: %FALSE when there is nothing to compare with on the basis
 */
gboolean
tally_council_result_get_seats_change (TallyCouncilResult *self,
                                       TallyParty         *party,
                                       int                *change)
{
  TallySeatChange kind;
  int index;

  g_return_val_if_fail (TALLY_IS_COUNCIL_RESULT (self), FALSE);
  g_return_val_if_fail (change != NULL, FALSE);

  if ((index = party_index (self, party)) < 0)
    return FALSE;

  kind = _tally_results_data_seat_change_kind (self->data, self->election_index, self->baseline_index,
                                               self->council_index, self->basis);
  if (kind == TALLY_SEAT_CHANGE_UNKNOWN || kind == TALLY_SEAT_CHANGE_NO_NOTIONAL)
    return FALSE;

  *change = _tally_results_data_seat_change (self->data, self->election_index, self->baseline_index,
                                             self->council_index, index, kind);
  return TRUE;
}

/**
 * tally_council_result_get_basis:
 *
 * Returns: what this result's control before and seat changes are
 *   measured against
 */
TallyBasis
tally_council_result_get_basis (TallyCouncilResult *self)
{
  g_return_val_if_fail (TALLY_IS_COUNCIL_RESULT (self), TALLY_BASIS_SERVICES);

  return self->basis;
}

/**
 * tally_council_result_get_digest:
 *
 * Returns: a digest of every figure behind the result: two results with the
 *   same digest show the same; 0 for a result not made by an engine
 */
guint64
tally_council_result_get_digest (TallyCouncilResult *self)
{
  g_return_val_if_fail (TALLY_IS_COUNCIL_RESULT (self), 0);

  return self->data != NULL ? _tally_results_data_council_digest (self->data, self->election_index,
                                                                  self->baseline_index, self->council_index,
                                                                  self->basis)
                            : 0;
}

/**
 * tally_council_result_describe_seat_basis:
 *
 * Returns: (transfer full): what the seat changes compare with, for a
 *   council page: "against 2014, the same seats", "against a notional 2016
 *   result on the new wards", "new ward boundaries and no notional baseline:
 *   no seat change", "against the seats held on the eve of the poll"
 */
char *
tally_council_result_describe_seat_basis (TallyCouncilResult *self)
{
  TallyResultsData *data;
  gsize ec;

  g_return_val_if_fail (TALLY_IS_COUNCIL_RESULT (self), NULL);

  if ((data = self->data) == NULL)
    return g_strdup (_("no seat change known"));

  ec = _tally_ec (data, self->election_index, self->council_index);
  switch (_tally_results_data_seat_change_kind (data, self->election_index, self->baseline_index,
                                                self->council_index, self->basis))
    {
    case TALLY_SEAT_CHANGE_COHORT:
      /* Translators: "against 2014, the same seats" */
      return g_strdup_printf (_("against %.4s, the same seats"),
                              tally_election_get_date (data->elections[self->baseline_index]));
    case TALLY_SEAT_CHANGE_NOTIONAL:
      /* Translators: "against a notional 2016 result on the new wards" */
      return g_strdup_printf (_("against a notional %s result on the new wards"), data->notional_label[ec]);
    case TALLY_SEAT_CHANGE_NO_NOTIONAL:
      return g_strdup (_("new ward boundaries and no notional baseline: no seat change"));
    case TALLY_SEAT_CHANGE_EVE:
      return g_strdup (_("against the seats held on the eve of the poll"));
    case TALLY_SEAT_CHANGE_UNKNOWN:
    default:
      return g_strdup (_("no seat change known"));
    }
}

/**
 * tally_council_result_get_seat_change_against:
 *
 * Returns: what the seat changes compare with, as a key for CSV files:
 *   "same_seats", "notional", "no_notional_baseline" (new wards, no
 *   change), "eve" or "none"
 */
const char *
tally_council_result_get_seat_change_against (TallyCouncilResult *self)
{
  g_return_val_if_fail (TALLY_IS_COUNCIL_RESULT (self), "none");

  if (self->data == NULL)
    return "none";

  switch (_tally_results_data_seat_change_kind (self->data, self->election_index, self->baseline_index,
                                                self->council_index, self->basis))
    {
    case TALLY_SEAT_CHANGE_COHORT:
      return "same_seats";
    case TALLY_SEAT_CHANGE_NOTIONAL:
      return "notional";
    case TALLY_SEAT_CHANGE_NO_NOTIONAL:
      return "no_notional_baseline";
    case TALLY_SEAT_CHANGE_EVE:
      return "eve";
    case TALLY_SEAT_CHANGE_UNKNOWN:
    default:
      return "none";
    }
}

/**
 * tally_council_result_get_special_seats:
 * @postponed: (out) (optional): seats up whose poll was postponed, so not
 *   filled on the day
 * @by_election: (out) (optional): extra seats filled at same-day by-elections
 */
void
tally_council_result_get_special_seats (TallyCouncilResult *self,
                                        guint              *postponed,
                                        guint              *by_election)
{
  gsize ec;

  g_return_if_fail (TALLY_IS_COUNCIL_RESULT (self));

  if (postponed != NULL)
    *postponed = 0;
  if (by_election != NULL)
    *by_election = 0;
  if (self->data == NULL)
    return;

  ec = _tally_ec (self->data, self->election_index, self->council_index);
  if (postponed != NULL)
    *postponed = (guint) self->data->postponed_seats[ec];
  if (by_election != NULL)
    *by_election = (guint) self->data->by_election_seats[ec];
}

/**
 * tally_council_result_describe_special_polls:
 *
 * Returns: (transfer full): one line per poll of the council that was not
 *   ordinary on the day, postponed ones first: "Willesden Green (3 seats):
 *   poll postponed to 21 June 2018", "Graiseley: a same-day by-election
 *   (1 seat)"; empty when there were none
 */
GStrv
tally_council_result_describe_special_polls (TallyCouncilResult *self)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  g_return_val_if_fail (TALLY_IS_COUNCIL_RESULT (self), NULL);

  for (int postponed = 1; self->data != NULL && postponed >= 0; postponed--)
    for (guint i = 0; i < self->data->special_polls->len; i++)
      {
        const TallySpecialPoll *poll = &g_array_index (self->data->special_polls, TallySpecialPoll, i);
        g_autofree char *line = NULL;

        if (poll->election != self->election_index || poll->council != self->council_index ||
            poll->postponed != postponed)
          continue;

        line = _tally_special_poll_describe (poll);
        g_strv_builder_add (builder, line);
      }

  return g_strv_builder_end (builder);
}

/**
 * tally_council_result_get_same_seats:
 *
 * Returns: whether the baseline election fought the same seats as this
 *   one (give or take a same-day by-election), so that seat changes compare
 *   like with like; %FALSE when the seats differ or there is no baseline
 */
gboolean
tally_council_result_get_same_seats (TallyCouncilResult *self)
{
  g_return_val_if_fail (TALLY_IS_COUNCIL_RESULT (self), FALSE);

  return self->data != NULL &&
         _tally_results_data_seat_change_kind (self->data, self->election_index, self->baseline_index,
                                               self->council_index, TALLY_BASIS_SERVICES) == TALLY_SEAT_CHANGE_COHORT;
}

/**
 * tally_council_result_get_vote_share:
 *
 * Returns: @party's share of the votes, in per cent, or NaN when its votes
 *   or the total are not known (or @method needs candidate data)
 */
double
tally_council_result_get_vote_share (TallyCouncilResult *self,
                                     TallyParty         *party,
                                     TallyVoteMethod     method)
{
  int index;

  g_return_val_if_fail (TALLY_IS_COUNCIL_RESULT (self), NAN);

  if ((index = party_index (self, party)) < 0)
    return NAN;

  return _tally_results_data_share (self->data, self->election_index, self->council_index, index, method);
}

/**
 * tally_council_result_get_unsplit_share:
 * @votes: (out) (optional): the votes themselves
 *
 * The votes of the parties whose own figure is not known, together: the
 * council's total less every party's known votes.  The bundled results give
 * votes for the five largest parties only, so Trafford's independents and
 * other parties (556 votes in 2018) have no share of their own, but their
 * share together is a fact.  Total-vote method.
 *
 * Returns: that share, in per cent, or NaN when every party's votes are
 *   known, or the total is not
 */
double
tally_council_result_get_unsplit_share (TallyCouncilResult *self,
                                        gint64             *votes)
{
  TallyResultsData *data;
  gint64 total, rest;
  gboolean unsplit = FALSE;

  g_return_val_if_fail (TALLY_IS_COUNCIL_RESULT (self), NAN);

  if (votes)
    *votes = 0;
  if ((data = self->data) == NULL)
    return NAN;

  total = data->votes_total[_tally_ec (data, self->election_index, self->council_index)];
  if (total <= 0)
    return NAN;

  rest = total;
  for (guint party = 0; party < data->n_parties; party++)
    {
      gint64 known = data->votes[_tally_ecp (data, self->election_index, self->council_index, party)];

      if (known < 0)
        unsplit = TRUE;
      else
        rest -= known;
    }

  if (!unsplit || rest < 0)
    return NAN;
  if (votes)
    *votes = rest;
  return 100.0 * (double) rest / (double) total;
}

/**
 * tally_council_result_get_vote_share_change:
 *
 * Returns: the change in @party's share since the baseline, in points, or
 *   NaN when either share is not known
 */
double
tally_council_result_get_vote_share_change (TallyCouncilResult *self,
                                            TallyParty         *party,
                                            TallyVoteMethod     method)
{
  int index;

  g_return_val_if_fail (TALLY_IS_COUNCIL_RESULT (self), NAN);

  if ((index = party_index (self, party)) < 0 || !baseline_held (self))
    return NAN;

  return _tally_results_data_share (self->data, self->election_index, self->council_index, index, method) -
         _tally_results_data_share (self->data, self->baseline_index, self->council_index, index, method);
}

/**
 * tally_council_result_get_swing:
 * @from: party A
 * @to: party B
 *
 * Returns: the Butler swing from @from to @to since the baseline, in
 *   points (positive towards @to), or NaN when a share is not known
 */
double
tally_council_result_get_swing (TallyCouncilResult *self,
                                TallyParty         *from,
                                TallyParty         *to,
                                TallyVoteMethod     method)
{
  int a, b;
  TallyResultsData *data;
  guint now, then, council;

  g_return_val_if_fail (TALLY_IS_COUNCIL_RESULT (self), NAN);

  if ((a = party_index (self, from)) < 0 || (b = party_index (self, to)) < 0 || !baseline_held (self))
    return NAN;

  data = self->data;
  now = self->election_index;
  then = (guint) self->baseline_index;
  council = self->council_index;
  return tally_rules_butler_swing (_tally_results_data_share (data, then, council, a, method),
                                   _tally_results_data_share (data, now, council, a, method),
                                   _tally_results_data_share (data, then, council, b, method),
                                   _tally_results_data_share (data, now, council, b, method));
}

/**
 * tally_council_result_get_turnout:
 *
 * Returns: ballot papers issued as a share of the electorate, in per cent,
 *   or NaN when either is not known (as in the bundled data)
 */
double
tally_council_result_get_turnout (TallyCouncilResult *self)
{
  gsize ec;

  g_return_val_if_fail (TALLY_IS_COUNCIL_RESULT (self), NAN);

  if (self->data == NULL)
    return NAN;

  ec = _tally_ec (self->data, self->election_index, self->council_index);
  if (self->data->electorate[ec] <= 0 || self->data->ballots[ec] < 0)
    return NAN;

  return 100.0 * (double) self->data->ballots[ec] / (double) self->data->electorate[ec];
}

/**
 * tally_council_result_get_seats_needed:
 * @seats_needed: (out): how many of the seats up @party had to win for a
 *   majority: 0 or less when the seats it was not defending already made
 *   one, more than the seats up when it could not win control this year
 *
 * A party's seats not up are its seats before the poll less those it won
 * in the baseline (the seats it was defending); on a council elected all
 * out there are none.
 *
 * Returns: %FALSE when the composition before or the baseline is not known
 */
gboolean
tally_council_result_get_seats_needed (TallyCouncilResult *self,
                                       TallyParty         *party,
                                       int                *seats_needed)
{
  int index, not_up;

  g_return_val_if_fail (TALLY_IS_COUNCIL_RESULT (self), FALSE);
  g_return_val_if_fail (seats_needed != NULL, FALSE);

  if ((index = party_index (self, party)) < 0 || tally_council_result_get_majority (self) == 0)
    return FALSE;

  not_up = _tally_results_data_seats_not_up (self->data, self->election_index, self->baseline_index,
                                             self->council_index, index);
  if (not_up == TALLY_UNKNOWN)
    return FALSE;

  *seats_needed = (int) tally_council_result_get_majority (self) - not_up;
  return TRUE;
}

/**
 * tally_council_result_get_can_change_control:
 *
 * Whether this election could have changed who controls the council,
 * whatever the result: not when the party in control keeps a majority with
 * the seats it was not defending, as on some councils elected by thirds.
 *
 * Returns: %TRUE when control was at stake, %FALSE when it was not or the
 *   figures needed are not known
 */
gboolean
tally_council_result_get_can_change_control (TallyCouncilResult *self)
{
  TallyResultsData *data;
  g_autofree guint *not_up = NULL;
  gsize ec;
  guint total;

  g_return_val_if_fail (TALLY_IS_COUNCIL_RESULT (self), FALSE);

  if ((data = self->data) == NULL || (total = tally_council_result_get_total_seats (self, TALLY_STAGE_AFTER)) == 0)
    return FALSE;

  not_up = g_new0 (guint, data->n_parties);
  for (guint party = 0; party < data->n_parties; party++)
    {
      int seats = _tally_results_data_seats_not_up (data, self->election_index, self->baseline_index,
                                                    self->council_index, party);

      if (seats == TALLY_UNKNOWN)
        return FALSE;
      not_up[party] = (guint) seats;
    }

  ec = _tally_ec (data, self->election_index, self->council_index);
  return tally_rules_can_control_change (not_up, data->party_aggregate, data->n_parties, total,
                                         (guint) MAX (data->seats_up[ec], 0), data->control[TALLY_STAGE_BEFORE][ec]);
}
