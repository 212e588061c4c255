/* tally-council.c: an English council: its code, name, type and place.
 *
 * What happened at an election lives in TallyCouncilResult; this object holds
 * only what stays the same from one election to the next.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>

#include "tally-council.h"

struct _TallyCouncil
{
  GObject           parent_instance;

  gint64            id;
  char             *code;
  char             *name;
  char             *region;
  char             *county;
  double            easting;
  double            northing;
  TallyCouncilType  type;
};

G_DEFINE_FINAL_TYPE (TallyCouncil, tally_council, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_CODE,
  PROP_NAME,
  PROP_TYPE_LABEL,
  PROP_REGION,
  PROP_COUNTY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
tally_council_finalize (GObject *object)
{
  TallyCouncil *self = (TallyCouncil *) object;

  g_clear_pointer (&self->code, g_free);
  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->region, g_free);
  g_clear_pointer (&self->county, g_free);

  G_OBJECT_CLASS (tally_council_parent_class)->finalize (object);
}

static void
tally_council_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  TallyCouncil *self = TALLY_COUNCIL (object);

  switch (prop_id)
    {
    case PROP_CODE:
      g_value_set_string (value, self->code);
      break;

    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;

    case PROP_TYPE_LABEL:
      g_value_set_string (value, tally_council_type_get_label (self->type));
      break;

    case PROP_REGION:
      g_value_set_string (value, self->region);
      break;

    case PROP_COUNTY:
      g_value_set_string (value, self->county);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tally_council_class_init (TallyCouncilClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = tally_council_finalize;
  object_class->get_property = tally_council_get_property;

  properties[PROP_CODE] =
    g_param_spec_string ("code", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_TYPE_LABEL] =
    g_param_spec_string ("type-label", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_REGION] =
    g_param_spec_string ("region", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_COUNTY] =
    g_param_spec_string ("county", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
tally_council_init (TallyCouncil *self)
{
  self->easting = NAN;
  self->northing = NAN;
}

TallyCouncil *
tally_council_new (gint64            id,
                   const char       *code,
                   const char       *name,
                   TallyCouncilType  type,
                   const char       *region,
                   const char       *county)
{
  TallyCouncil *self;

  g_return_val_if_fail (code != NULL, NULL);
  g_return_val_if_fail (name != NULL, NULL);
  g_return_val_if_fail (type < TALLY_N_COUNCIL_TYPES, NULL);

  self = g_object_new (TALLY_TYPE_COUNCIL, NULL);
  self->id = id;
  self->code = g_strdup (code);
  self->name = g_strdup (name);
  self->type = type;
  self->region = g_strdup (region);
  self->county = g_strdup (county);

  return self;
}

gint64
tally_council_get_id (TallyCouncil *self)
{
  g_return_val_if_fail (TALLY_IS_COUNCIL (self), 0);
  return self->id;
}

const char *
tally_council_get_code (TallyCouncil *self)
{
  g_return_val_if_fail (TALLY_IS_COUNCIL (self), NULL);
  return self->code;
}

const char *
tally_council_get_name (TallyCouncil *self)
{
  g_return_val_if_fail (TALLY_IS_COUNCIL (self), NULL);
  return self->name;
}

TallyCouncilType
tally_council_get_council_type (TallyCouncil *self)
{
  g_return_val_if_fail (TALLY_IS_COUNCIL (self), 0);
  return self->type;
}

const char *
tally_council_get_region (TallyCouncil *self)
{
  g_return_val_if_fail (TALLY_IS_COUNCIL (self), NULL);
  return self->region;
}

/**
 * tally_council_get_county:
 *
 * Returns: (nullable): the county, "Inner London" or metropolitan county;
 *   %NULL for a unitary authority
 */
const char *
tally_council_get_county (TallyCouncil *self)
{
  g_return_val_if_fail (TALLY_IS_COUNCIL (self), NULL);
  return self->county;
}

/**
 * tally_council_get_centroid:
 *
 * Returns: whether the centroid, in British National Grid metres, is known
 */
gboolean
tally_council_get_centroid (TallyCouncil *self,
                            double       *easting,
                            double       *northing)
{
  g_return_val_if_fail (TALLY_IS_COUNCIL (self), FALSE);

  if (easting)
    *easting = self->easting;
  if (northing)
    *northing = self->northing;

  return !isnan (self->easting) && !isnan (self->northing);
}

void
tally_council_set_centroid (TallyCouncil *self,
                            double        easting,
                            double        northing)
{
  g_return_if_fail (TALLY_IS_COUNCIL (self));

  self->easting = easting;
  self->northing = northing;
}
