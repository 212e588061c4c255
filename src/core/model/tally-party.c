/* tally-party.c: a party as the party table describes it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "tally-party.h"

struct _TallyParty
{
  GObject  parent_instance;

  char    *key;
  char    *short_name;
  char    *full_name;
  char    *colour;
  char    *colour_safe;
  char    *group;
  int      position;
};

G_DEFINE_FINAL_TYPE (TallyParty, tally_party, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_KEY,
  PROP_SHORT_NAME,
  PROP_FULL_NAME,
  PROP_COLOUR,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
tally_party_finalize (GObject *object)
{
  TallyParty *self = (TallyParty *) object;

  g_clear_pointer (&self->key, g_free);
  g_clear_pointer (&self->short_name, g_free);
  g_clear_pointer (&self->full_name, g_free);
  g_clear_pointer (&self->colour, g_free);
  g_clear_pointer (&self->colour_safe, g_free);
  g_clear_pointer (&self->group, g_free);

  G_OBJECT_CLASS (tally_party_parent_class)->finalize (object);
}

static void
tally_party_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  TallyParty *self = TALLY_PARTY (object);

  switch (prop_id)
    {
    case PROP_KEY:
      g_value_set_string (value, self->key);
      break;

    case PROP_SHORT_NAME:
      g_value_set_string (value, self->short_name);
      break;

    case PROP_FULL_NAME:
      g_value_set_string (value, self->full_name);
      break;

    case PROP_COLOUR:
      g_value_set_string (value, self->colour);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tally_party_class_init (TallyPartyClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = tally_party_finalize;
  object_class->get_property = tally_party_get_property;

  properties[PROP_KEY] =
    g_param_spec_string ("key", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_SHORT_NAME] =
    g_param_spec_string ("short-name", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_FULL_NAME] =
    g_param_spec_string ("full-name", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_COLOUR] =
    g_param_spec_string ("colour", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
tally_party_init (TallyParty *self)
{
}

TallyParty *
tally_party_new (const char *key,
                 const char *short_name,
                 const char *full_name,
                 const char *colour,
                 const char *colour_safe,
                 const char *group,
                 int         position)
{
  TallyParty *self;

  g_return_val_if_fail (key != NULL, NULL);
  g_return_val_if_fail (tally_parse_hex_colour (colour, NULL, NULL, NULL), NULL);
  g_return_val_if_fail (tally_parse_hex_colour (colour_safe, NULL, NULL, NULL), NULL);

  self = g_object_new (TALLY_TYPE_PARTY, NULL);
  self->key = g_strdup (key);
  self->short_name = g_strdup (short_name ? short_name : key);
  self->full_name = g_strdup (full_name ? full_name : self->short_name);
  self->colour = g_strdup (colour);
  self->colour_safe = g_strdup (colour_safe);
  self->group = g_strdup (group ? group : "other");
  self->position = position;

  return self;
}

const char *
tally_party_get_key (TallyParty *self)
{
  g_return_val_if_fail (TALLY_IS_PARTY (self), NULL);
  return self->key;
}

const char *
tally_party_get_short_name (TallyParty *self)
{
  g_return_val_if_fail (TALLY_IS_PARTY (self), NULL);
  return self->short_name;
}

const char *
tally_party_get_full_name (TallyParty *self)
{
  g_return_val_if_fail (TALLY_IS_PARTY (self), NULL);
  return self->full_name;
}

/**
 * tally_party_get_colour:
 * @colour_blind_safe: whether to give the colour of the colour-blind-safe palette
 *
 * Returns: the colour as "#RRGGBB"
 */
const char *
tally_party_get_colour (TallyParty *self,
                        gboolean    colour_blind_safe)
{
  g_return_val_if_fail (TALLY_IS_PARTY (self), NULL);
  return colour_blind_safe ? self->colour_safe : self->colour;
}

const char *
tally_party_get_group (TallyParty *self)
{
  g_return_val_if_fail (TALLY_IS_PARTY (self), NULL);
  return self->group;
}

/**
 * tally_party_get_position:
 *
 * Returns: the party's place from left to right in seat charts
 */
int
tally_party_get_position (TallyParty *self)
{
  g_return_val_if_fail (TALLY_IS_PARTY (self), 0);
  return self->position;
}

/**
 * tally_party_is_aggregate:
 *
 * The party keyed "OTH" ("Other parties") stands for many small parties and
 * groups counted together, as the council-level sources count them: it can
 * win seats but never control a council.  A small party imported under its
 * own name is a party like any other.
 *
 * Returns: whether @self is an aggregate of several parties
 */
gboolean
tally_party_is_aggregate (TallyParty *self)
{
  g_return_val_if_fail (TALLY_IS_PARTY (self), FALSE);
  return g_str_equal (self->key, "OTH");
}

void
tally_party_get_rgb (TallyParty *self,
                     gboolean    colour_blind_safe,
                     double     *red,
                     double     *green,
                     double     *blue)
{
  g_return_if_fail (TALLY_IS_PARTY (self));

  tally_parse_hex_colour (tally_party_get_colour (self, colour_blind_safe), red, green, blue);
}

/**
 * tally_parse_hex_colour:
 * @colour: (nullable): a colour written "#RRGGBB"
 *
 * Returns: whether @colour was well formed; the channels, from 0 to 1, are
 *   set only then
 */
gboolean
tally_parse_hex_colour (const char *colour,
                        double     *red,
                        double     *green,
                        double     *blue)
{
  int channels[3];

  if (colour == NULL || colour[0] != '#' || strlen (colour) != 7)
    return FALSE;

  for (guint i = 0; i < 3; i++)
    {
      int high = g_ascii_xdigit_value (colour[1 + 2 * i]);
      int low = g_ascii_xdigit_value (colour[2 + 2 * i]);

      if (high < 0 || low < 0)
        return FALSE;
      channels[i] = high * 16 + low;
    }

  if (red)
    *red = channels[0] / 255.0;
  if (green)
    *green = channels[1] / 255.0;
  if (blue)
    *blue = channels[2] / 255.0;

  return TRUE;
}
