/* tally-export-dialog-private.h: what the export dialog and copying
 * share: the subject of an export, and the remembered choices.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "tally-export-dialog.h"

G_BEGIN_DECLS

/* What is exported: a chart view's chart, or a map view's map. */
typedef struct
{
  TallyChartView  *chart_view;
  TallyMapView    *map_view;
  TallyMapData    *map_data;       /* made for the style below */
  TallyChartRgb    map_page;
  gboolean         map_safe;
  gboolean         london_inset;   /* the map's London inset */
} TallyExportSubject;

/* tally-export-dialog-subject.c */
void       _tally_export_subject_clear                 (TallyExportSubject       *subject);
gboolean   _tally_export_subject_get_figure            (TallyExportSubject       *subject,
                                                        const TallyExportOptions *options,
                                                        TallyExportFigure        *figure);
char      *_tally_export_subject_suggest_name          (TallyExportSubject       *subject,
                                                        const TallyExportOptions *options);
gboolean   _tally_export_subject_get_colour_blind_safe (TallyExportSubject       *subject);
GSettings *_tally_export_settings_new                  (void);
gboolean   _tally_export_london_inset_load             (void);
const char *_tally_export_subject_get_kind             (TallyExportSubject       *subject);
void       _tally_export_subject_apply_headings        (TallyExportSubject       *subject,
                                                        GSettings                *settings,
                                                        TallyExportOptions       *options,
                                                        char                    **source,
                                                        char                    **texts);
void       _tally_export_headings_load                 (GSettings                *settings,
                                                        const char               *kind,
                                                        const char               *own_title,
                                                        const char               *own_subtitle,
                                                        char                    **title,
                                                        char                    **subtitle,
                                                        char                    **source,
                                                        char                    **note);
void       _tally_export_headings_save                 (GSettings                *settings,
                                                        const char               *kind,
                                                        const char               *own_title,
                                                        const char               *own_subtitle,
                                                        const char               *title,
                                                        const char               *subtitle,
                                                        const char               *source,
                                                        const char               *note);
void       _tally_export_options_load                  (TallyExportOptions       *options,
                                                        GSettings                *settings,
                                                        char                    **source);
void       _tally_export_options_save                  (const TallyExportOptions *options,
                                                        GSettings                *settings);

G_END_DECLS
