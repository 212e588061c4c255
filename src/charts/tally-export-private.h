/* tally-export-private.h: what the export files share: the page unit of
 * PDF and the scale a PNG is drawn at.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "tally-export.h"

G_BEGIN_DECLS

/* Points per CSS pixel: 72 / 96. */
#define _TALLY_EXPORT_PT_PER_PX 0.75

double _tally_export_png_scale (const TallyExportOptions *options);

G_END_DECLS
