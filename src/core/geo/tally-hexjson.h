/* tally-hexjson.h: hex cartograms in the HexJSON format of Open Innovations.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "tally-hex-layout.h"

G_BEGIN_DECLS

TallyHexLayout *tally_hexjson_load    (const char      *path,
                                       GCancellable    *cancellable,
                                       GError         **error);
TallyHexLayout *tally_hexjson_parse   (const char      *data,
                                       gssize           length,
                                       const char      *display_name,
                                       GError         **error);
char           *tally_hexjson_to_data (TallyHexLayout  *layout,
                                       gsize           *length);
gboolean        tally_hexjson_save    (TallyHexLayout  *layout,
                                       const char      *path,
                                       GError         **error);

G_END_DECLS
