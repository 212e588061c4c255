/* fuzz-geo.c: the boundary readers (GeoJSON and TopoJSON).
 *
 * The same entry point `tally import-boundaries` and a dropped file reach:
 * tally_geo_file_parse(), then the shared-border topology the map builds from
 * the features.  Two targets are built from this file, one seeded with
 * GeoJSON and one with TopoJSON, so each format's corpus grows on its own.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "fuzz-common.h"
#include "tally-boundaries.h"
#include "tally-geo.h"

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  fuzz_init_glib ();
  return 0;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(TallyGeoFile) file = NULL;
  g_autoptr(GError) error = NULL;

  file = tally_geo_file_parse ((const char *) data, size, "fuzz.json", NULL, &error);
  fuzz_report (error);
  if (file != NULL)
    {
      g_autoptr(TallyBoundaries) boundaries = tally_boundaries_new_from_file (file);

      /* The coarsest level simplifies every shared border. */
      tally_boundaries_prepare_level (boundaries, 0);
    }

  return 0;
}
