/* tally-council-result.c: one council at one election: the seats fought and
 * the council's composition on the eve of the poll and after it, from which
 * control follows by the majority rule of tally-rules.c.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "tally-council.h"
#include "tally-council-result.h"
#include "tally-election.h"
#include "tally-party.h"
#include "tally-rules.h"

struct _TallyCouncilResult
{
  GObject        parent_instance;

  TallyCouncil  *council;
  TallyElection *election;
  GArray        *composition[2];   /* of TallySeats, left to right */
  guint          seats_up;
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

  g_return_if_fail (TALLY_IS_COUNCIL_RESULT (self));
  g_return_if_fail (stage <= TALLY_STAGE_AFTER);
  g_return_if_fail (TALLY_IS_PARTY (party));

  entry.party = g_object_ref (party);
  g_array_append_val (self->composition[stage], entry);
  g_array_sort (self->composition[stage], compare_seats_by_position);
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

  if (tally_council_result_get_total_seats (self, stage) == 0)
    return g_strdup (_("Unknown"));

  party = tally_council_result_get_control (self, stage);
  if (party == NULL)
    return g_strdup (_("No overall control"));

  return g_strdup (tally_party_get_full_name (party));
}
