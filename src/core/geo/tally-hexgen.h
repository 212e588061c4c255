/* tally-hexgen.h: a hex cartogram generated from council centroids.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "tally-hex-layout.h"

G_BEGIN_DECLS

/* One place to put on the grid: a council and its centroid. */
typedef struct
{
  const char *code;
  const char *name;  /* nullable */
  double      x;     /* easting, metres */
  double      y;     /* northing, metres */
} TallyHexgenSite;

/* The neighbours the generator tries to keep, and the measure of how well
 * it did (see tally_hexgen_neighbour_score()). */
#define TALLY_HEXGEN_NEIGHBOURS 6

TallyHexLayout *tally_hexgen_generate              (const TallyHexgenSite *sites,
                                                    guint                  n_sites,
                                                    GError               **error);
TallyHexLayout *tally_hexgen_generate_for_councils (GListModel            *councils,
                                                    GError               **error);
double          tally_hexgen_neighbour_score       (TallyHexLayout        *layout,
                                                    const TallyHexgenSite *sites,
                                                    guint                  n_sites,
                                                    guint                  k,
                                                    int                    max_distance);

G_END_DECLS
