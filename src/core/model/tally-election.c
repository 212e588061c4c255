/* tally-election.c: one polling day, such as 3 May 2018, and its baseline:
 * the election when the same seats were last fought (22 May 2014).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "tally-election.h"

struct _TallyElection
{
  GObject        parent_instance;

  gint64         id;
  char          *date;
  char          *name;
  TallyElection *baseline;
};

G_DEFINE_FINAL_TYPE (TallyElection, tally_election, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_DATE,
  PROP_NAME,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
tally_election_dispose (GObject *object)
{
  TallyElection *self = (TallyElection *) object;

  g_clear_object (&self->baseline);

  G_OBJECT_CLASS (tally_election_parent_class)->dispose (object);
}

static void
tally_election_finalize (GObject *object)
{
  TallyElection *self = (TallyElection *) object;

  g_clear_pointer (&self->date, g_free);
  g_clear_pointer (&self->name, g_free);

  G_OBJECT_CLASS (tally_election_parent_class)->finalize (object);
}

static void
tally_election_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  TallyElection *self = TALLY_ELECTION (object);

  switch (prop_id)
    {
    case PROP_DATE:
      g_value_set_string (value, self->date);
      break;

    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tally_election_class_init (TallyElectionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = tally_election_dispose;
  object_class->finalize = tally_election_finalize;
  object_class->get_property = tally_election_get_property;

  properties[PROP_DATE] =
    g_param_spec_string ("date", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
tally_election_init (TallyElection *self)
{
}

TallyElection *
tally_election_new (gint64         id,
                    const char    *date,
                    const char    *name,
                    TallyElection *baseline)
{
  TallyElection *self;

  g_return_val_if_fail (date != NULL && strlen (date) == 10, NULL);
  g_return_val_if_fail (baseline == NULL || TALLY_IS_ELECTION (baseline), NULL);

  self = g_object_new (TALLY_TYPE_ELECTION, NULL);
  self->id = id;
  self->date = g_strdup (date);
  self->name = g_strdup (name ? name : date);
  g_set_object (&self->baseline, baseline);

  return self;
}

gint64
tally_election_get_id (TallyElection *self)
{
  g_return_val_if_fail (TALLY_IS_ELECTION (self), 0);
  return self->id;
}

/**
 * tally_election_get_date:
 *
 * Returns: the polling day, "2018-05-03"
 */
const char *
tally_election_get_date (TallyElection *self)
{
  g_return_val_if_fail (TALLY_IS_ELECTION (self), NULL);
  return self->date;
}

const char *
tally_election_get_name (TallyElection *self)
{
  g_return_val_if_fail (TALLY_IS_ELECTION (self), NULL);
  return self->name;
}

int
tally_election_get_year (TallyElection *self)
{
  g_return_val_if_fail (TALLY_IS_ELECTION (self), 0);
  return (int) g_ascii_strtoll (self->date, NULL, 10);
}

/**
 * tally_election_get_baseline:
 *
 * Returns: (transfer none) (nullable): the election when the same seats
 *   were last fought, which "change" compares with
 */
TallyElection *
tally_election_get_baseline (TallyElection *self)
{
  g_return_val_if_fail (TALLY_IS_ELECTION (self), NULL);
  return self->baseline;
}
