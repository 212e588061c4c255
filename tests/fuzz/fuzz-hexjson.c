/* fuzz-hexjson.c: the HexJSON reader behind `tally hexmap --import`.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "fuzz-common.h"
#include "tally-hex-layout.h"
#include "tally-hexjson.h"

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
  g_autoptr(TallyHexLayout) layout = NULL;
  g_autoptr(GError) error = NULL;

  layout = tally_hexjson_parse ((const char *) data, size, "fuzz.hexjson", &error);
  fuzz_report (error);
  if (layout != NULL)
    {
      gsize length;
      g_autofree char *again = tally_hexjson_to_data (layout, &length);
      double x0, y0, x1, y1;

      tally_hex_layout_get_bounds (layout, &x0, &y0, &x1, &y1);
      g_assert (again != NULL);
    }

  return 0;
}
