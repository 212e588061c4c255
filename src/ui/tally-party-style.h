/* tally-party-style.h: party colours as CSS classes.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "tally-types.h"

G_BEGIN_DECLS

void  tally_party_style_install    (GdkDisplay *display,
                                    GListModel *parties,
                                    gboolean    colour_blind_safe);
char *tally_party_style_class_name (TallyParty *party);
gboolean    tally_party_style_get_colour_blind_safe (void);
const char *tally_party_style_change_colour (int direction);
const char *tally_party_style_text_colour (TallyParty *party,
                                           gboolean    colour_blind_safe);
void  tally_party_style_apply_chip (GtkLabel   *chip,
                                    TallyParty *party,
                                    gboolean    known);

char       *tally_party_style_chip_text         (const char  *short_name);

G_END_DECLS
