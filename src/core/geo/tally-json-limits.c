/* tally-json-limits.c: JSON refused before json-glib sees it.
 *
 * json-glib's parser recurses once per nested array or object, without a
 * limit: 100,000 "[" in 200 KB overflowed the stack of every JSON importer.
 * A quick scan counts the depth first (aware of strings and their escapes,
 * so a "[" inside a name is not counted) and refuses a file nested deeper
 * than any GeoJSON, TopoJSON or HexJSON file is: a MultiPolygon in a
 * FeatureCollection is 7 levels deep.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "tally-geo-private.h"

gboolean
_tally_json_check_depth (const char  *data,
                         gssize       length,
                         const char  *display_name,
                         GError     **error)
{
  gsize n = length < 0 ? strlen (data) : (gsize) length;
  gboolean in_string = FALSE;
  guint depth = 0;

  for (gsize i = 0; i < n; i++)
    {
      char c = data[i];

      if (in_string)
        {
          if (c == '\\')
            i++;
          else if (c == '"')
            in_string = FALSE;
          continue;
        }

      if (c == '"')
        in_string = TRUE;
      else if (c == '[' || c == '{')
        {
          if (++depth > TALLY_JSON_MAX_DEPTH)
            {
              g_set_error (error, TALLY_GEO_ERROR, TALLY_GEO_ERROR_PARSE,
                           _("“%s”: arrays and objects nested more than %d deep, at byte %" G_GSIZE_FORMAT
                             " (limit “nesting depth”); no boundary or hex file needs more than 10, "
                             "so this is not one"),
                           display_name, TALLY_JSON_MAX_DEPTH, i + 1);
              return FALSE;
            }
        }
      else if ((c == ']' || c == '}') && depth > 0)
        depth--;
    }

  return TRUE;
}
