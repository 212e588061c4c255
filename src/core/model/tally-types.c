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

G_DEFINE_ENUM_TYPE (TallyBasis, tally_basis,
                    G_DEFINE_ENUM_VALUE (TALLY_BASIS_SERVICES, "services"),
                    G_DEFINE_ENUM_VALUE (TALLY_BASIS_ELECTION, "election"),
                    G_DEFINE_ENUM_VALUE (TALLY_BASIS_EVE, "eve"))

static const struct
{
  const char *key;
  const char *label;
  const char *control;
  const char *seats;
  const char *against;
} bases[TALLY_N_BASES] = {
  [TALLY_BASIS_SERVICES] = {
    "services",
    N_("As the results services count it"),
    N_("councils against control on the eve of the poll"),
    N_("seats against the previous comparable election"),
    N_("against control on the eve of the poll"),
  },
  [TALLY_BASIS_ELECTION] = {
    "election",
    N_("Against the council’s last election"),
    N_("councils against the control the council’s last election produced"),
    N_("seats against the previous comparable election"),
    N_("against the council’s last election"),
  },
  [TALLY_BASIS_EVE] = {
    "eve",
    N_("Against the eve of the poll"),
    N_("councils against control on the eve of the poll"),
    N_("seats against those held on the eve of the poll"),
    N_("against control on the eve of the poll"),
  },
};

/**
 * tally_basis_to_string:
 *
 * Returns: the key of @basis, for settings and the command line: "services",
 *   "election" or "eve"
 */
const char *
tally_basis_to_string (TallyBasis basis)
{
  g_return_val_if_fail (basis < TALLY_N_BASES, NULL);

  return bases[basis].key;
}

gboolean
tally_basis_from_string (const char *string,
                         TallyBasis *basis)
{
  g_return_val_if_fail (basis != NULL, FALSE);

  for (guint i = 0; string != NULL && i < G_N_ELEMENTS (bases); i++)
    {
      if (g_str_equal (string, bases[i].key))
        {
          *basis = i;
          return TRUE;
        }
    }

  return FALSE;
}

/**
 * tally_basis_get_label:
 *
 * Returns: the translated name of @basis, "As the results services count it"
 */
const char *
tally_basis_get_label (TallyBasis basis)
{
  g_return_val_if_fail (basis < TALLY_N_BASES, NULL);

  return _(bases[basis].label);
}

/**
 * tally_basis_describe_control:
 *
 * Returns: what council gains and losses are measured against on @basis,
 *   "councils against control on the eve of the poll"
 */
const char *
tally_basis_describe_control (TallyBasis basis)
{
  g_return_val_if_fail (basis < TALLY_N_BASES, NULL);

  return _(bases[basis].control);
}

/**
 * tally_basis_describe_seats:
 *
 * Returns: what seat changes are measured against on @basis,
 *   "seats against the previous comparable election"
 */
const char *
tally_basis_describe_seats (TallyBasis basis)
{
  g_return_val_if_fail (basis < TALLY_N_BASES, NULL);

  return _(bases[basis].seats);
}

/**
 * tally_basis_describe_outcome:
 *
 * Returns: what one council's gain or hold is measured against on @basis,
 *   to follow it: "against control on the eve of the poll"
 */
const char *
tally_basis_describe_outcome (TallyBasis basis)
{
  g_return_val_if_fail (basis < TALLY_N_BASES, NULL);

  return _(bases[basis].against);
}
