/* tally-import-figures-private.h: the figures of a council's candidate rows
 * that its totals keep (database version 5).
 *
 * An import writes them for every council it totals
 * (tally-import-totals.c); the engine benchmark's generator, which writes
 * its history as an import would, writes them the same way.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "tally-database.h"

G_BEGIN_DECLS

typedef struct _TallyImportFigures TallyImportFigures;

TallyImportFigures *_tally_import_figures_new    (TallyDatabase       *database,
                                                  GError             **error);
gboolean            _tally_import_figures_write  (TallyImportFigures  *self,
                                                  gint64               election_id,
                                                  gint64               council_id,
                                                  GError             **error);
gboolean            _tally_import_figures_forget (TallyImportFigures  *self,
                                                  gint64               election_id,
                                                  gint64               council_id,
                                                  GError             **error);
void                _tally_import_figures_free   (TallyImportFigures  *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TallyImportFigures, _tally_import_figures_free)

G_END_DECLS
