/* tally-export-dialog.h: export the chart or the map in view, or copy it.
 *
 * What the window calls (its actions win.export and win.copy-chart):
 *
 *   dialog = tally_export_dialog_present_chart (GTK_WINDOW (self), view);
 *   dialog = tally_export_dialog_present_map (GTK_WINDOW (self), map_view);
 *   g_signal_connect_object (dialog, "exported", G_CALLBACK (exported_cb), self, 0);
 *
 *   if (!tally_export_copy_chart (view, &error)) …   // or tally_export_copy_map ()
 *   tally_export_print_chart (GTK_WINDOW (self), view, NULL, &error);  // win.print
 *
 * The dialog is modal and closes itself once the file is written; it
 * shows its own errors.  ::exported gives the file, for a toast.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "tally-chart-view.h"
#include "tally-council-page.h"
#include "tally-export.h"
#include "tally-map-view.h"

G_BEGIN_DECLS

#define TALLY_TYPE_EXPORT_DIALOG (tally_export_dialog_get_type ())

G_DECLARE_FINAL_TYPE (TallyExportDialog, tally_export_dialog, TALLY, EXPORT_DIALOG, AdwWindow)

TallyExportDialog *tally_export_dialog_present_chart (GtkWindow          *parent,
                                                      TallyChartView     *view);
TallyExportDialog *tally_export_dialog_present_map   (GtkWindow          *parent,
                                                      TallyMapView       *view);
void               tally_export_dialog_get_options   (TallyExportDialog  *self,
                                                      TallyExportOptions *options);
gboolean           tally_export_dialog_write         (TallyExportDialog  *self,
                                                      const char         *path,
                                                      TallyExportFlags    flags,
                                                      GError            **error);

gboolean           tally_export_copy_chart           (TallyChartView     *view,
                                                      GError            **error);
gboolean           tally_export_copy_map             (TallyMapView       *view,
                                                      GError            **error);

gboolean           tally_export_print_chart          (GtkWindow          *parent,
                                                      TallyChartView     *view,
                                                      const char         *pdf_path,
                                                      GError            **error);
gboolean           tally_export_print_map            (GtkWindow          *parent,
                                                      TallyMapView       *view,
                                                      const char         *pdf_path,
                                                      GError            **error);
gboolean           tally_export_print_council        (GtkWindow          *parent,
                                                      TallyCouncilPage   *page,
                                                      const char         *pdf_path,
                                                      GError            **error);

G_END_DECLS
