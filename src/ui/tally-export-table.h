/* tally-export-table.h: the council list as CSV, saved where the user says.
 *
 * What the window calls (its action win.export-csv), with the list's own
 * model so the rows come as filtered and sorted on screen:
 *
 *   tally_export_table_save (GTK_WINDOW (self),
 *                            G_LIST_MODEL (gtk_column_view_get_model (
 *                              tally_council_list_get_column_view (self->council_list))),
 *                            self->results, NULL, export_csv_done_cb, self);
 *   …
 *   file = tally_export_table_save_finish (result, &error);   // NULL and
 *                                         // G_IO_ERROR_CANCELLED if dismissed
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "tally-export.h"
#include "tally-results.h"

G_BEGIN_DECLS

typedef enum
{
  TALLY_EXPORT_ROWS_COUNCILS,    /* one row per council, as the list shows them */
  TALLY_EXPORT_ROWS_CANDIDATES,  /* Tally's candidate CSV, for the same councils */
} TallyExportRows;

gboolean tally_export_table_write       (GListModel           *rows,
                                         TallyResults         *results,
                                         TallyExportRows       what,
                                         const char           *path,
                                         TallyExportFlags      flags,
                                         GError              **error);
void     tally_export_table_save        (GtkWindow            *parent,
                                         GListModel           *rows,
                                         TallyResults         *results,
                                         GCancellable         *cancellable,
                                         GAsyncReadyCallback   callback,
                                         gpointer              user_data);
char    *tally_export_table_to_tsv      (GListModel           *rows,
                                         TallyResults         *results);
GFile   *tally_export_table_save_finish (GAsyncResult         *result,
                                         GError              **error);

G_END_DECLS
