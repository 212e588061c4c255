/* tally-party.h: a party, with its names and colours.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "tally-types.h"

G_BEGIN_DECLS

#define TALLY_TYPE_PARTY (tally_party_get_type ())

G_DECLARE_FINAL_TYPE (TallyParty, tally_party, TALLY, PARTY, GObject)

TallyParty *tally_party_new              (const char *key,
                                          const char *short_name,
                                          const char *full_name,
                                          const char *colour,
                                          const char *colour_safe,
                                          const char *group,
                                          int         position);
const char *tally_party_get_key          (TallyParty *self);
const char *tally_party_get_short_name   (TallyParty *self);
const char *tally_party_get_full_name    (TallyParty *self);
const char *tally_party_get_colour       (TallyParty *self,
                                          gboolean    colour_blind_safe);
const char *tally_party_get_group        (TallyParty *self);
int         tally_party_get_position     (TallyParty *self);
gboolean    tally_party_is_aggregate     (TallyParty *self);
void        tally_party_get_rgb          (TallyParty *self,
                                          gboolean    colour_blind_safe,
                                          double     *red,
                                          double     *green,
                                          double     *blue);

gboolean    tally_parse_hex_colour       (const char *colour,
                                          double     *red,
                                          double     *green,
                                          double     *blue);

G_END_DECLS
