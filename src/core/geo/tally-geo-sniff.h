/* tally-geo-sniff.h: what kind of file a user hands Tally, from its content.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum
{
  TALLY_FILE_KIND_RESULTS,     /* anything not JSON: a results CSV, or a file the importer will refuse */
  TALLY_FILE_KIND_BOUNDARIES,  /* GeoJSON or TopoJSON */
  TALLY_FILE_KIND_HEX_LAYOUT,  /* HexJSON */
} TallyFileKind;

TallyFileKind tally_geo_sniff_data (const char *data,
                                    gsize       length);
TallyFileKind tally_geo_sniff_file (const char *path);

G_END_DECLS
