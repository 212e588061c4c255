/* tally-selection.c: the one council every view shows as selected.
 *
 * The list, the council page, the map and the charts never talk to each
 * other: each sets and watches this object's "council" property, which
 * notifies only when the council really changes.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "tally-council.h"
#include "tally-selection.h"

struct _TallySelection
{
  GObject       parent_instance;

  TallyCouncil *council;
};

G_DEFINE_FINAL_TYPE (TallySelection, tally_selection, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_COUNCIL,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
tally_selection_dispose (GObject *object)
{
  TallySelection *self = (TallySelection *) object;

  g_clear_object (&self->council);

  G_OBJECT_CLASS (tally_selection_parent_class)->dispose (object);
}

static void
tally_selection_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  TallySelection *self = TALLY_SELECTION (object);

  switch (prop_id)
    {
    case PROP_COUNCIL:
      g_value_set_object (value, self->council);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tally_selection_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  TallySelection *self = TALLY_SELECTION (object);

  switch (prop_id)
    {
    case PROP_COUNCIL:
      tally_selection_set_council (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tally_selection_class_init (TallySelectionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = tally_selection_dispose;
  object_class->get_property = tally_selection_get_property;
  object_class->set_property = tally_selection_set_property;

  properties[PROP_COUNCIL] =
    g_param_spec_object ("council", NULL, NULL,
                         TALLY_TYPE_COUNCIL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
tally_selection_init (TallySelection *self)
{
}

TallySelection *
tally_selection_new (void)
{
  return g_object_new (TALLY_TYPE_SELECTION, NULL);
}

/**
 * tally_selection_get_council:
 *
 * Returns: (transfer none) (nullable): the selected council
 */
TallyCouncil *
tally_selection_get_council (TallySelection *self)
{
  g_return_val_if_fail (TALLY_IS_SELECTION (self), NULL);

  return self->council;
}

void
tally_selection_set_council (TallySelection *self,
                             TallyCouncil   *council)
{
  g_return_if_fail (TALLY_IS_SELECTION (self));
  g_return_if_fail (council == NULL || TALLY_IS_COUNCIL (council));

  if (g_set_object (&self->council, council))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COUNCIL]);
}
