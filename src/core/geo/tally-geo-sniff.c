/* tally-geo-sniff.c: results file, boundaries or hex layout, from content.
 *
 * Users name files however they like ("wards.json", "export.txt"), so the
 * command line and the window look at what a file starts with rather than
 * at its name.  A results CSV never starts with '{' or '['; a JSON file is
 * HexJSON when its opening holds the "hexes" member HexJSON requires (and
 * neither GeoJSON nor TopoJSON has), otherwise boundaries, whose own
 * reader says precisely what is wrong with it if it is neither.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <gio/gio.h>
#include <string.h>

#include "tally-geo-sniff.h"

/* HexJSON puts "layout" and "hexes" first in practice; boundary files are
 * megabytes, so only their opening is read. */
#define SNIFF_BYTES 65536

TallyFileKind
tally_geo_sniff_data (const char *data,
                      gsize       length)
{
  gsize i = 0;

  if (length >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0)
    i = 3;
  while (i < length && g_ascii_isspace (data[i]))
    i++;

  if (i == length || (data[i] != '{' && data[i] != '['))
    return TALLY_FILE_KIND_RESULTS;

  if (g_strstr_len (data + i, length - i, "\"hexes\"") != NULL)
    return TALLY_FILE_KIND_HEX_LAYOUT;

  return TALLY_FILE_KIND_BOUNDARIES;
}

/**
 * tally_geo_sniff_file:
 * @path: a file the user named
 *
 * Returns: what @path holds; a file that cannot be read is a results file,
 *   so that the importer names the error
 */
TallyFileKind
tally_geo_sniff_file (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFileInputStream) stream = g_file_read (file, NULL, NULL);
  g_autofree char *buffer = NULL;
  gsize length = 0;

  if (stream == NULL)
    return TALLY_FILE_KIND_RESULTS;

  buffer = g_malloc (SNIFF_BYTES);
  if (!g_input_stream_read_all (G_INPUT_STREAM (stream), buffer, SNIFF_BYTES, &length, NULL, NULL))
    return TALLY_FILE_KIND_RESULTS;

  return tally_geo_sniff_data (buffer, length);
}
