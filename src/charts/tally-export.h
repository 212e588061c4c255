/* tally-export.h: charts and maps as PNG, SVG and PDF files, and tables as CSV.
 *
 * Export draws with the very functions the window draws with: a figure is
 * a chart (its kind and data, drawn by tally_chart_draw()) or any other
 * cairo drawing of the same shape (the map, by tally_map_draw()).  The
 * options say what file to make of it: format, size, scale, background,
 * heading, source line and legend.
 *
 * Sizes are laid out in CSS pixels (1/96 inch) whatever the format, so a
 * chart has the same proportions of type to marks at every size and in
 * every format, and the dialog's preview is the file, scaled:
 *
 *   PNG  pixels = canvas × scale (1×, 2×, 3×); millimetre sizes at 96 dpi × scale
 *   SVG  width and height in px, or in mm for a millimetre size
 *   PDF  one page in points (A4 portrait is 595.28 × 841.89 pt)
 *
 * Text: PDF keeps text as text and embeds a subset of each font (cairo's
 * PDF backend), so the file looks the same on a machine without the font
 * and its words can be selected and searched.  SVG cannot carry fonts in
 * a way every viewer reads, so cairo outlines the glyphs (each glyph once,
 * as a <symbol>, placed with <use>); the heading is also written as the
 * SVG's <title> and <desc>, so its words stay searchable and are read out
 * by screen readers.
 *
 * Files are written atomically: into a temporary file beside the target,
 * then renamed over it.  A failure or a cancellation leaves no file behind,
 * and an existing file is never replaced unless TALLY_EXPORT_OVERWRITE is
 * given.  Errors are in G_IO_ERROR and name the file.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "tally-party-ranking.h"

#include <cairo.h>
#include <gio/gio.h>

#include "tally-chart.h"
#include "tally-chart-data.h"
#include "tally-chart-style.h"
#include "tally-results.h"
#include "tally-rules.h"
#include "tally-types.h"

G_BEGIN_DECLS

/* The source line of an export unless the user writes another. */
#define TALLY_EXPORT_DEFAULT_SOURCE "Source: Democracy Club, LEAP; chart: Tally"

/* CSS pixels per millimetre: 96 dpi. */
#define TALLY_EXPORT_PX_PER_MM (96.0 / 25.4)

typedef enum
{
  TALLY_EXPORT_FORMAT_PNG,
  TALLY_EXPORT_FORMAT_SVG,
  TALLY_EXPORT_FORMAT_PDF,
} TallyExportFormat;

#define TALLY_EXPORT_N_FORMATS (TALLY_EXPORT_FORMAT_PDF + 1)

typedef enum
{
  TALLY_EXPORT_UNIT_PX,
  TALLY_EXPORT_UNIT_MM,
} TallyExportUnit;

/**
 * TallyExportPreset:
 * @TALLY_EXPORT_PRESET_WEB: 1200 × 675 px, 16:9 for the web and social media
 * @TALLY_EXPORT_PRESET_SQUARE: 1080 × 1080 px
 * @TALLY_EXPORT_PRESET_WIDE: 1600 × 900 px
 * @TALLY_EXPORT_PRESET_A4_PORTRAIT: 210 × 297 mm
 * @TALLY_EXPORT_PRESET_A4_LANDSCAPE: 297 × 210 mm
 * @TALLY_EXPORT_PRESET_A5_PORTRAIT: 148 × 210 mm
 * @TALLY_EXPORT_PRESET_A5_LANDSCAPE: 210 × 148 mm
 * @TALLY_EXPORT_PRESET_CUSTOM: whatever width, height and unit are set
 */
typedef enum
{
  TALLY_EXPORT_PRESET_WEB,
  TALLY_EXPORT_PRESET_SQUARE,
  TALLY_EXPORT_PRESET_WIDE,
  TALLY_EXPORT_PRESET_A4_PORTRAIT,
  TALLY_EXPORT_PRESET_A4_LANDSCAPE,
  TALLY_EXPORT_PRESET_A5_PORTRAIT,
  TALLY_EXPORT_PRESET_A5_LANDSCAPE,
  TALLY_EXPORT_PRESET_CUSTOM,
} TallyExportPreset;

#define TALLY_EXPORT_N_PRESETS (TALLY_EXPORT_PRESET_CUSTOM + 1)

typedef enum
{
  TALLY_EXPORT_FLAGS_NONE = 0,
  TALLY_EXPORT_OVERWRITE  = 1 << 0,  /* replace an existing file */
} TallyExportFlags;

/**
 * TallyExportOptions:
 * @format: the file format
 * @preset: the size preset; tally_export_options_set_preset() also sets
 *   @width, @height and @unit
 * @width: in @unit
 * @height: in @unit
 * @unit: pixels or millimetres
 * @scale: PNG only: 1, 2 or 3 device pixels per pixel
 * @background: light, dark or transparent (dark ink on it)
 * @colour_blind_safe: parties in their colour-blind-safe colours
 * @show_title: draw the title
 * @show_subtitle: draw the subtitle
 * @show_source: draw the source line
 * @show_legend: draw the legend or key
 * @not_up_outline: seats not up this year as outlines in their party's
 *   colour, a pattern for print, rather than paler
 * @title: (nullable): replaces the figure's title; not owned
 * @subtitle: (nullable): replaces the figure's subtitle; not owned
 * @source: (nullable): replaces the figure's source line; not owned
 * @note: (nullable): a note over the source line; not owned
 *
 * What file to make of a figure: a plain struct, filled by the export
 * dialog from its rows or by `tally export` from its options.
 */
typedef struct
{
  TallyExportFormat    format;
  TallyExportPreset    preset;
  double               width;
  double               height;
  TallyExportUnit      unit;
  double               scale;
  TallyChartBackground background;
  gboolean             colour_blind_safe;
  gboolean             show_title;
  gboolean             show_subtitle;
  gboolean             show_source;
  gboolean             show_legend;
  gboolean             not_up_outline;
  const char          *title;
  const char          *subtitle;
  const char          *source;
  const char          *note;
} TallyExportOptions;

/**
 * TallyExportDrawFunc:
 * @cr: drawn on at the origin, in CSS pixels
 * @width: the canvas, in CSS pixels
 * @height: the canvas, in CSS pixels
 * @style: how to draw: background, heading, legend, palette
 *
 * Draws a figure that is not one of the charts of tally-chart.h (the map),
 * as tally_chart_draw() draws a chart.
 */
typedef void (*TallyExportDrawFunc) (cairo_t               *cr,
                                     double                 width,
                                     double                 height,
                                     const TallyChartStyle *style,
                                     gpointer               user_data);

/**
 * TallyExportFigure:
 * @kind: a chart's kind, when @draw is %NULL
 * @data: (nullable): a chart's data, of the struct @kind names
 * @draw: (nullable): draws anything else
 * @user_data: for @draw
 * @heading: (nullable): the figure's own title, subtitle and source, for
 *   the file's metadata and as the defaults a dialog offers; a chart's is
 *   found from its data
 * @name: (nullable): what to call the file: "trafford-hemicycle"
 *
 * A figure to export.  Nothing in it is owned: it borrows the chart data
 * or the drawing for the length of an export.
 */
typedef struct
{
  TallyChartKind           kind;
  gconstpointer            data;
  TallyExportDrawFunc      draw;
  gpointer                 user_data;
  const TallyChartHeading *heading;
  const char              *name;
} TallyExportFigure;

const char        *tally_export_format_to_string      (TallyExportFormat         format);
gboolean           tally_export_format_from_string    (const char               *string,
                                                       TallyExportFormat        *format);
const char        *tally_export_format_get_extension  (TallyExportFormat         format);
const char        *tally_export_format_get_mime_type  (TallyExportFormat         format);
gboolean           tally_export_format_from_path      (const char               *path,
                                                       TallyExportFormat        *format);

const char        *tally_export_preset_to_string      (TallyExportPreset         preset);
gboolean           tally_export_preset_from_string    (const char               *string,
                                                       TallyExportPreset        *preset);
const char        *tally_export_preset_get_label      (TallyExportPreset         preset);
void               tally_export_preset_get_size       (TallyExportPreset         preset,
                                                       double                   *width,
                                                       double                   *height,
                                                       TallyExportUnit          *unit);

const char        *tally_export_background_to_string  (TallyChartBackground      background);
gboolean           tally_export_background_from_string (const char              *string,
                                                       TallyChartBackground     *background);

void               tally_export_options_init          (TallyExportOptions       *options);
void               tally_export_options_set_preset    (TallyExportOptions       *options,
                                                       TallyExportPreset         preset);
gboolean           tally_export_options_set_size      (TallyExportOptions       *options,
                                                       const char               *size,
                                                       GError                  **error);
void               tally_export_options_get_canvas    (const TallyExportOptions *options,
                                                       double                   *width,
                                                       double                   *height);
char              *tally_export_options_describe_size (const TallyExportOptions *options);
void               tally_export_options_get_style     (const TallyExportOptions *options,
                                                       TallyChartStyle          *style);

void               tally_export_figure_init_chart     (TallyExportFigure        *figure,
                                                       TallyChartKind            kind,
                                                       gconstpointer             data);
void               tally_export_figure_init_custom    (TallyExportFigure        *figure,
                                                       TallyExportDrawFunc       draw,
                                                       gpointer                  user_data,
                                                       const TallyChartHeading  *heading);
const TallyChartHeading *
                   tally_export_figure_get_heading    (const TallyExportFigure  *figure);

void               tally_export_paint                 (const TallyExportFigure  *figure,
                                                       const TallyExportOptions *options,
                                                       cairo_t                  *cr);
cairo_surface_t   *tally_export_render_image          (const TallyExportFigure  *figure,
                                                       const TallyExportOptions *options,
                                                       double                    scale,
                                                       GError                  **error);
gboolean           tally_export_write                 (const TallyExportFigure  *figure,
                                                       const TallyExportOptions *options,
                                                       const char               *path,
                                                       TallyExportFlags          flags,
                                                       GCancellable             *cancellable,
                                                       GError                  **error);
gboolean           tally_export_write_chart           (TallyChartKind            kind,
                                                       gconstpointer             data,
                                                       const TallyExportOptions *options,
                                                       const char               *path,
                                                       TallyExportFlags          flags,
                                                       GCancellable             *cancellable,
                                                       GError                  **error);

gboolean           tally_export_write_charts          (TallyChartKind            kind,
                                                       gconstpointer const      *data,
                                                       const char * const       *paths,
                                                       guint                     n_charts,
                                                       const TallyExportOptions *options,
                                                       TallyExportFlags          flags,
                                                       GCancellable             *cancellable,
                                                       GError                  **error);

char              *tally_export_make_file_name        (const char               *code,
                                                       const char               *name,
                                                       TallyExportFormat         format);

/* Atomic writes, for anything */

typedef struct _TallyExportFile TallyExportFile;

TallyExportFile   *tally_export_file_open             (const char               *path,
                                                       TallyExportFlags          flags,
                                                       GCancellable             *cancellable,
                                                       GError                  **error);
gboolean           tally_export_file_write            (TallyExportFile          *file,
                                                       const void               *data,
                                                       gsize                     length,
                                                       GError                  **error);
gboolean           tally_export_file_commit           (TallyExportFile          *file,
                                                       GError                  **error);
void               tally_export_file_abandon          (TallyExportFile          *file);
gboolean           tally_export_write_bytes           (const char               *path,
                                                       GBytes                   *bytes,
                                                       TallyExportFlags          flags,
                                                       GCancellable             *cancellable,
                                                       GError                  **error);

/* Tables as CSV (tally-export-csv.c) */

GBytes            *tally_export_councils_csv          (GListModel               *results,
                                                       GListModel               *parties,
                                                       TallyPartyRanking        *ranking,
                                                       TallyParty               *swing_from,
                                                       TallyParty               *swing_to,
                                                       TallyVoteMethod           method);
GBytes            *tally_export_candidates_csv        (TallyResults             *engine,
                                                       GListModel               *results,
                                                       guint                    *n_candidates,
                                                       GCancellable             *cancellable,
                                                       GError                  **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TallyExportFile, tally_export_file_abandon)

G_END_DECLS
