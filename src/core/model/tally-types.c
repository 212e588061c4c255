/* tally-types.c: names of the shared enums, in the database and for people.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "tally-types.h"

static const struct
{
  const char *key;
  const char *label;
} council_types[TALLY_N_COUNCIL_TYPES] = {
  [TALLY_COUNCIL_TYPE_LONDON_BOROUGH] = { "london_borough", N_("London borough") },
  [TALLY_COUNCIL_TYPE_METROPOLITAN_BOROUGH] = { "metropolitan_borough", N_("Metropolitan borough") },
  [TALLY_COUNCIL_TYPE_UNITARY] = { "unitary", N_("Unitary authority") },
  [TALLY_COUNCIL_TYPE_DISTRICT] = { "district", N_("District") },
};

/**
 * tally_council_type_to_string:
 *
 * Returns: the key that stands for @type in the database, "london_borough"
 */
const char *
tally_council_type_to_string (TallyCouncilType type)
{
  g_return_val_if_fail (type < TALLY_N_COUNCIL_TYPES, NULL);

  return council_types[type].key;
}

gboolean
tally_council_type_from_string (const char       *string,
                                TallyCouncilType *type)
{
  g_return_val_if_fail (type != NULL, FALSE);

  if (string == NULL)
    return FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (council_types); i++)
    {
      if (g_str_equal (string, council_types[i].key))
        {
          *type = i;
          return TRUE;
        }
    }

  return FALSE;
}

/**
 * tally_council_type_get_label:
 *
 * Returns: the translated name of @type, for people: "London borough"
 */
const char *
tally_council_type_get_label (TallyCouncilType type)
{
  g_return_val_if_fail (type < TALLY_N_COUNCIL_TYPES, NULL);

  return _(council_types[type].label);
}
