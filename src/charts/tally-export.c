/* tally-export.c: charts and maps as PNG, SVG and PDF, written atomically.
 *
 * The canvas is always laid out in CSS pixels and the surface's own unit
 * is reached by scaling the cairo context, never by laying the chart out
 * again: a 2× PNG, an A4 PDF and the dialog's small preview are one layout,
 * so what the preview shows is what the file holds.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <cairo-pdf.h>
#include <cairo-svg.h>
#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <math.h>
#include <string.h>
#include <unistd.h>

#include "tally-export.h"

/* Points per CSS pixel: 72 / 96. */
#define PT_PER_PX 0.75

/* Nothing smaller is a chart; nothing larger fits a cairo image. */
#define MIN_CANVAS_PX 64.0
#define MAX_CANVAS_PX 16000.0
#define MAX_IMAGE_PX 32767.0

struct _TallyExportFile
{
  char             *path;       /* the file asked for */
  char             *temp_path;  /* where it is written first */
  int               fd;
  TallyExportFlags  flags;
  gboolean          replacing;  /* the target existed when opened */
  gboolean          committed;
  GCancellable     *cancellable;
};

static const struct
{
  const char *name;
  const char *extension;
  const char *mime_type;
} formats[] = {
  [TALLY_EXPORT_FORMAT_PNG] = { "png", "png", "image/png" },
  [TALLY_EXPORT_FORMAT_SVG] = { "svg", "svg", "image/svg+xml" },
  [TALLY_EXPORT_FORMAT_PDF] = { "pdf", "pdf", "application/pdf" },
};

static const struct
{
  const char      *name;
  const char      *alias;
  const char      *label;
  double           width;
  double           height;
  TallyExportUnit  unit;
} presets[] = {
  [TALLY_EXPORT_PRESET_WEB] = { "web", "1200x675", N_("Web, 1200 × 675"), 1200, 675, TALLY_EXPORT_UNIT_PX },
  [TALLY_EXPORT_PRESET_SQUARE] = { "square", "1080x1080", N_("Square, 1080 × 1080"), 1080, 1080, TALLY_EXPORT_UNIT_PX },
  [TALLY_EXPORT_PRESET_WIDE] = { "wide", "1600x900", N_("Wide, 1600 × 900"), 1600, 900, TALLY_EXPORT_UNIT_PX },
  [TALLY_EXPORT_PRESET_A4_PORTRAIT] = { "a4", "a4-portrait", N_("A4 portrait"), 210, 297, TALLY_EXPORT_UNIT_MM },
  [TALLY_EXPORT_PRESET_A4_LANDSCAPE] = { "a4-landscape", NULL, N_("A4 landscape"), 297, 210, TALLY_EXPORT_UNIT_MM },
  [TALLY_EXPORT_PRESET_A5_PORTRAIT] = { "a5", "a5-portrait", N_("A5 portrait"), 148, 210, TALLY_EXPORT_UNIT_MM },
  [TALLY_EXPORT_PRESET_A5_LANDSCAPE] = { "a5-landscape", NULL, N_("A5 landscape"), 210, 148, TALLY_EXPORT_UNIT_MM },
  [TALLY_EXPORT_PRESET_CUSTOM] = { "custom", NULL, N_("Custom"), 1200, 675, TALLY_EXPORT_UNIT_PX },
};

static const char *backgrounds[] = {
  [TALLY_CHART_BACKGROUND_LIGHT] = "light",
  [TALLY_CHART_BACKGROUND_DARK] = "dark",
  [TALLY_CHART_BACKGROUND_TRANSPARENT] = "transparent",
};

/* Helpers */

static void
set_io_error (GError     **error,
              int          saved_errno,
              const char  *path)
{
  g_autofree char *display = g_filename_display_name (path);

  /* Translators: "Cannot write “/home/ada/chart.svg”: Permission denied". */
  g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
               _("Cannot write “%s”: %s"), display, g_strerror (saved_errno));
}

static const char *
heading_text (const char *override,
              const char *own)
{
  const char *text = override ? override : own;

  return text && *text ? text : NULL;
}

/* Atomic files */

/**
 * tally_export_file_open:
 * @path: the file to make
 *
 * Starts writing @path: the bytes go to a hidden temporary file in the
 * same directory, which tally_export_file_commit() renames to @path and
 * tally_export_file_abandon() removes.  Fails at once, with nothing
 * created, when @path exists and @flags do not say to overwrite it, when
 * it is a directory, or when its directory cannot be written.
 *
 * Returns: (transfer full) (nullable): the file being written
 */
TallyExportFile *
tally_export_file_open (const char        *path,
                        TallyExportFlags   flags,
                        GCancellable      *cancellable,
                        GError           **error)
{
  g_autoptr(TallyExportFile) file = NULL;
  g_autofree char *directory = NULL;
  g_autofree char *base = NULL;
  g_autofree char *display = NULL;
  GStatBuf status;
  gboolean exists;

  g_return_val_if_fail (path != NULL && *path != '\0', NULL);

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return NULL;

  display = g_filename_display_name (path);
  exists = g_lstat (path, &status) == 0;
  if (exists)
    {
      if (S_ISDIR (status.st_mode))
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY,
                       _("Cannot write “%s”: it is a folder"), display);
          return NULL;
        }
      if (!(flags & TALLY_EXPORT_OVERWRITE))
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS,
                       _("Cannot write “%s”: the file already exists"), display);
          return NULL;
        }
    }

  file = g_new0 (TallyExportFile, 1);
  file->fd = -1;
  file->flags = flags;
  file->path = g_strdup (path);
  file->replacing = exists;
  file->cancellable = cancellable ? g_object_ref (cancellable) : NULL;

  directory = g_path_get_dirname (path);
  base = g_path_get_basename (path);
  file->temp_path = g_strdup_printf ("%s%c.%s.XXXXXX", directory, G_DIR_SEPARATOR, base);
  file->fd = g_mkstemp_full (file->temp_path, O_RDWR | O_CLOEXEC, 0666);
  if (file->fd < 0)
    {
      set_io_error (error, errno, path);
      g_clear_pointer (&file->temp_path, g_free);
      return NULL;
    }

  return g_steal_pointer (&file);
}

gboolean
tally_export_file_write (TallyExportFile  *file,
                         const void       *data,
                         gsize             length,
                         GError          **error)
{
  const char *bytes = data;

  g_return_val_if_fail (file != NULL && file->fd >= 0, FALSE);

  if (g_cancellable_set_error_if_cancelled (file->cancellable, error))
    return FALSE;

  while (length > 0)
    {
      gssize written = write (file->fd, bytes, length);

      if (written < 0)
        {
          if (errno == EINTR)
            continue;
          set_io_error (error, errno, file->path);
          return FALSE;
        }
      bytes += written;
      length -= (gsize) written;
    }

  return TRUE;
}

/* Gives @path the temporary file's contents without ever replacing a
 * file that appeared meanwhile: link() fails where the name is taken. */
static gboolean
move_into_place (TallyExportFile  *file,
                 GError          **error)
{
  if (file->flags & TALLY_EXPORT_OVERWRITE)
    {
      if (g_rename (file->temp_path, file->path) != 0)
        {
          set_io_error (error, errno, file->path);
          return FALSE;
        }
      return TRUE;
    }

  if (link (file->temp_path, file->path) == 0)
    {
      g_unlink (file->temp_path);
      return TRUE;
    }

  if (errno == EEXIST)
    {
      g_autofree char *display = g_filename_display_name (file->path);

      g_set_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS,
                   _("Cannot write “%s”: the file already exists"), display);
      return FALSE;
    }

  /* A file system without hard links: check, then rename. */
  if (g_file_test (file->path, G_FILE_TEST_EXISTS))
    {
      g_autofree char *display = g_filename_display_name (file->path);

      g_set_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS,
                   _("Cannot write “%s”: the file already exists"), display);
      return FALSE;
    }
  if (g_rename (file->temp_path, file->path) != 0)
    {
      set_io_error (error, errno, file->path);
      return FALSE;
    }

  return TRUE;
}

/**
 * tally_export_file_commit:
 *
 * Finishes the file and puts it in place.  On failure, or when the
 * cancellable was cancelled, nothing is left behind; either way, @file is
 * still to be freed with tally_export_file_abandon().
 */
gboolean
tally_export_file_commit (TallyExportFile  *file,
                          GError          **error)
{
  int fd;

  g_return_val_if_fail (file != NULL, FALSE);
  g_return_val_if_fail (file->fd >= 0 && !file->committed, FALSE);

  if (g_cancellable_set_error_if_cancelled (file->cancellable, error))
    return FALSE;

  /* Replacing a file: make sure the new bytes are on disk before the
   * name moves, or a crash could leave an empty file where a good one
   * was (as g_file_set_contents() does). */
  if (file->replacing && fsync (file->fd) != 0 && errno != EINVAL)
    {
      set_io_error (error, errno, file->path);
      return FALSE;
    }

  fd = file->fd;
  file->fd = -1;
  if (close (fd) != 0)
    {
      set_io_error (error, errno, file->path);
      return FALSE;
    }

  if (!move_into_place (file, error))
    return FALSE;

  file->committed = TRUE;
  return TRUE;
}

/**
 * tally_export_file_abandon:
 *
 * Frees @file; unless it was committed, removes what was written.
 */
void
tally_export_file_abandon (TallyExportFile *file)
{
  if (file == NULL)
    return;

  if (file->fd >= 0)
    close (file->fd);
  if (!file->committed && file->temp_path != NULL)
    g_unlink (file->temp_path);

  g_clear_object (&file->cancellable);
  g_free (file->temp_path);
  g_free (file->path);
  g_free (file);
}

/**
 * tally_export_write_bytes:
 *
 * Writes @bytes to @path atomically, as every export is written.
 */
gboolean
tally_export_write_bytes (const char        *path,
                          GBytes            *bytes,
                          TallyExportFlags   flags,
                          GCancellable      *cancellable,
                          GError           **error)
{
  g_autoptr(TallyExportFile) file = NULL;
  gsize length;
  const void *data;

  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (bytes != NULL, FALSE);

  data = g_bytes_get_data (bytes, &length);
  return (file = tally_export_file_open (path, flags, cancellable, error)) != NULL &&
         tally_export_file_write (file, data, length, error) &&
         tally_export_file_commit (file, error);
}

/* Names */

const char *
tally_export_format_to_string (TallyExportFormat format)
{
  g_return_val_if_fail (format < TALLY_EXPORT_N_FORMATS, NULL);
  return formats[format].name;
}

gboolean
tally_export_format_from_string (const char        *string,
                                 TallyExportFormat *format)
{
  g_return_val_if_fail (format != NULL, FALSE);

  for (guint i = 0; string != NULL && i < G_N_ELEMENTS (formats); i++)
    if (g_ascii_strcasecmp (string, formats[i].name) == 0)
      {
        *format = (TallyExportFormat) i;
        return TRUE;
      }

  return FALSE;
}

const char *
tally_export_format_get_extension (TallyExportFormat format)
{
  g_return_val_if_fail (format < TALLY_EXPORT_N_FORMATS, NULL);
  return formats[format].extension;
}

const char *
tally_export_format_get_mime_type (TallyExportFormat format)
{
  g_return_val_if_fail (format < TALLY_EXPORT_N_FORMATS, NULL);
  return formats[format].mime_type;
}

/**
 * tally_export_format_from_path:
 *
 * Returns: whether @path ends in .png, .svg or .pdf (in any case)
 */
gboolean
tally_export_format_from_path (const char        *path,
                               TallyExportFormat *format)
{
  const char *dot;

  g_return_val_if_fail (format != NULL, FALSE);

  if (path == NULL || (dot = strrchr (path, '.')) == NULL || strchr (dot, G_DIR_SEPARATOR) != NULL)
    return FALSE;

  return tally_export_format_from_string (dot + 1, format);
}

const char *
tally_export_preset_to_string (TallyExportPreset preset)
{
  g_return_val_if_fail (preset < TALLY_EXPORT_N_PRESETS, NULL);
  return presets[preset].name;
}

gboolean
tally_export_preset_from_string (const char        *string,
                                 TallyExportPreset *preset)
{
  g_return_val_if_fail (preset != NULL, FALSE);

  for (guint i = 0; string != NULL && i < G_N_ELEMENTS (presets); i++)
    if (g_ascii_strcasecmp (string, presets[i].name) == 0 ||
        (presets[i].alias != NULL && g_ascii_strcasecmp (string, presets[i].alias) == 0))
      {
        *preset = (TallyExportPreset) i;
        return TRUE;
      }

  return FALSE;
}

const char *
tally_export_preset_get_label (TallyExportPreset preset)
{
  g_return_val_if_fail (preset < TALLY_EXPORT_N_PRESETS, NULL);
  return _(presets[preset].label);
}

void
tally_export_preset_get_size (TallyExportPreset  preset,
                              double            *width,
                              double            *height,
                              TallyExportUnit   *unit)
{
  g_return_if_fail (preset < TALLY_EXPORT_N_PRESETS);

  if (width)
    *width = presets[preset].width;
  if (height)
    *height = presets[preset].height;
  if (unit)
    *unit = presets[preset].unit;
}

const char *
tally_export_background_to_string (TallyChartBackground background)
{
  g_return_val_if_fail (background < G_N_ELEMENTS (backgrounds), NULL);
  return backgrounds[background];
}

gboolean
tally_export_background_from_string (const char           *string,
                                     TallyChartBackground *background)
{
  g_return_val_if_fail (background != NULL, FALSE);

  for (guint i = 0; string != NULL && i < G_N_ELEMENTS (backgrounds); i++)
    if (g_ascii_strcasecmp (string, backgrounds[i]) == 0)
      {
        *background = (TallyChartBackground) i;
        return TRUE;
      }

  return FALSE;
}

/* Options */

/**
 * tally_export_options_init:
 *
 * The house defaults: a PNG for the web (1200 × 675) at 1×, on white,
 * with title, subtitle, the default source line and the legend.
 */
void
tally_export_options_init (TallyExportOptions *options)
{
  g_return_if_fail (options != NULL);

  *options = (TallyExportOptions) {
    .format = TALLY_EXPORT_FORMAT_PNG,
    .scale = 1,
    .background = TALLY_CHART_BACKGROUND_LIGHT,
    .show_title = TRUE,
    .show_subtitle = TRUE,
    .show_source = TRUE,
    .show_legend = TRUE,
    .source = TALLY_EXPORT_DEFAULT_SOURCE,
  };
  tally_export_options_set_preset (options, TALLY_EXPORT_PRESET_WEB);
}

/**
 * tally_export_options_set_preset:
 *
 * Chooses @preset and its size; for %TALLY_EXPORT_PRESET_CUSTOM, keeps the
 * size already set.
 */
void
tally_export_options_set_preset (TallyExportOptions *options,
                                 TallyExportPreset   preset)
{
  g_return_if_fail (options != NULL);
  g_return_if_fail (preset < TALLY_EXPORT_N_PRESETS);

  options->preset = preset;
  if (preset != TALLY_EXPORT_PRESET_CUSTOM)
    tally_export_preset_get_size (preset, &options->width, &options->height, &options->unit);
}

/**
 * tally_export_options_set_size:
 * @size: a preset ("web", "square", "wide", "a4", "a4-landscape", "a5",
 *   "a5-landscape") or a custom size: "1200x675", "800×600px", "180x120mm"
 *
 * Returns: %FALSE with @error (in %G_OPTION_ERROR) when @size is none of these
 */
gboolean
tally_export_options_set_size (TallyExportOptions  *options,
                               const char          *size,
                               GError             **error)
{
  TallyExportPreset preset;
  g_autofree char *lower = NULL;
  TallyExportUnit unit = TALLY_EXPORT_UNIT_PX;
  double width, height, canvas_width, canvas_height;
  char *end = NULL;
  const char *rest;

  g_return_val_if_fail (options != NULL, FALSE);
  g_return_val_if_fail (size != NULL, FALSE);

  if (tally_export_preset_from_string (size, &preset) && preset != TALLY_EXPORT_PRESET_CUSTOM)
    {
      tally_export_options_set_preset (options, preset);
      return TRUE;
    }

  lower = g_ascii_strdown (size, -1);
  g_strstrip (lower);
  width = g_ascii_strtod (lower, &end);
  rest = end != lower ? end : NULL;
  if (rest != NULL && g_str_has_prefix (rest, "x"))
    rest += 1;
  else if (rest != NULL && g_str_has_prefix (rest, "×"))
    rest += strlen ("×");
  else
    rest = NULL;

  height = 0;
  if (rest != NULL)
    {
      height = g_ascii_strtod (rest, &end);
      if (end == rest)
        rest = NULL;
      else if (g_str_equal (end, "mm"))
        unit = TALLY_EXPORT_UNIT_MM;
      else if (*end != '\0' && !g_str_equal (end, "px"))
        rest = NULL;
    }

  if (rest == NULL || !(width > 0) || !(height > 0))
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   _("unknown size “%s” (sizes: web, square, wide, a4, a4-landscape, a5, a5-landscape, "
                     "or WIDTHxHEIGHT in px, or WIDTHxHEIGHTmm)"), size);
      return FALSE;
    }

  canvas_width = unit == TALLY_EXPORT_UNIT_MM ? width * TALLY_EXPORT_PX_PER_MM : width;
  canvas_height = unit == TALLY_EXPORT_UNIT_MM ? height * TALLY_EXPORT_PX_PER_MM : height;
  if (canvas_width < MIN_CANVAS_PX || canvas_height < MIN_CANVAS_PX ||
      canvas_width > MAX_CANVAS_PX || canvas_height > MAX_CANVAS_PX)
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   _("size “%s” is out of range (from %g to %g px, or from %.0f to %.0f mm, each way)"),
                   size, MIN_CANVAS_PX, MAX_CANVAS_PX,
                   ceil (MIN_CANVAS_PX / TALLY_EXPORT_PX_PER_MM), floor (MAX_CANVAS_PX / TALLY_EXPORT_PX_PER_MM));
      return FALSE;
    }

  options->preset = TALLY_EXPORT_PRESET_CUSTOM;
  options->width = width;
  options->height = height;
  options->unit = unit;
  return TRUE;
}

/**
 * tally_export_options_get_canvas:
 *
 * The canvas the figure is laid out on, in CSS pixels.
 */
void
tally_export_options_get_canvas (const TallyExportOptions *options,
                                 double                   *width,
                                 double                   *height)
{
  double factor;

  g_return_if_fail (options != NULL);

  factor = options->unit == TALLY_EXPORT_UNIT_MM ? TALLY_EXPORT_PX_PER_MM : 1.0;
  *width = CLAMP (options->width * factor, MIN_CANVAS_PX, MAX_CANVAS_PX);
  *height = CLAMP (options->height * factor, MIN_CANVAS_PX, MAX_CANVAS_PX);
}

static double
png_scale (const TallyExportOptions *options)
{
  return options->scale >= 1 ? options->scale : 1;
}

/**
 * tally_export_options_describe_size:
 *
 * Returns: (transfer full): the size of the file the options make:
 *   "2400 × 1350 pixels", "210 × 297 mm (595.28 × 841.89 pt)"
 */
char *
tally_export_options_describe_size (const TallyExportOptions *options)
{
  double width, height;

  g_return_val_if_fail (options != NULL, NULL);

  tally_export_options_get_canvas (options, &width, &height);

  switch (options->format)
    {
    case TALLY_EXPORT_FORMAT_PNG:
      return g_strdup_printf (_("%.0f × %.0f pixels"), ceil (width * png_scale (options) - 0.01),
                              ceil (height * png_scale (options) - 0.01));
    case TALLY_EXPORT_FORMAT_SVG:
      if (options->unit == TALLY_EXPORT_UNIT_MM)
        return g_strdup_printf (_("%g × %g mm"), options->width, options->height);
      return g_strdup_printf (_("%.0f × %.0f px"), width, height);
    case TALLY_EXPORT_FORMAT_PDF:
      if (options->unit == TALLY_EXPORT_UNIT_MM)
        return g_strdup_printf (_("%g × %g mm (%.2f × %.2f pt)"), options->width, options->height,
                                width * PT_PER_PX, height * PT_PER_PX);
      return g_strdup_printf (_("%.2f × %.2f pt"), width * PT_PER_PX, height * PT_PER_PX);
    default:
      g_return_val_if_reached (NULL);
    }
}

/**
 * tally_export_options_get_style:
 *
 * Fills @style as the figure is drawn for these options.  Type and marks
 * keep their 1× sizes (style->scale is 1): a larger PNG is the same
 * layout drawn through a scaled context.
 */
void
tally_export_options_get_style (const TallyExportOptions *options,
                                TallyChartStyle          *style)
{
  g_return_if_fail (options != NULL);
  g_return_if_fail (style != NULL);

  tally_chart_style_init (style, options->background);
  style->colour_blind_safe = options->colour_blind_safe;
  style->show_title = options->show_title;
  style->show_subtitle = options->show_subtitle;
  style->show_source = options->show_source;
  style->show_legend = options->show_legend;
  style->title = options->title;
  style->subtitle = options->subtitle;
  style->source = options->source;
}

/* Figures */

void
tally_export_figure_init_chart (TallyExportFigure *figure,
                                TallyChartKind     kind,
                                gconstpointer      data)
{
  g_return_if_fail (figure != NULL);
  g_return_if_fail (kind < TALLY_N_CHART_KINDS);

  *figure = (TallyExportFigure) {
    .kind = kind,
    .data = data,
    .heading = data ? tally_chart_data_get_heading (kind, data) : NULL,
  };
}

void
tally_export_figure_init_custom (TallyExportFigure       *figure,
                                 TallyExportDrawFunc      draw,
                                 gpointer                 user_data,
                                 const TallyChartHeading *heading)
{
  g_return_if_fail (figure != NULL);
  g_return_if_fail (draw != NULL);

  *figure = (TallyExportFigure) {
    .draw = draw,
    .user_data = user_data,
    .heading = heading,
  };
}

/**
 * tally_export_figure_get_heading:
 *
 * Returns: (transfer none) (nullable): the figure's own heading
 */
const TallyChartHeading *
tally_export_figure_get_heading (const TallyExportFigure *figure)
{
  g_return_val_if_fail (figure != NULL, NULL);

  if (figure->heading != NULL)
    return figure->heading;
  if (figure->draw == NULL && figure->data != NULL)
    return tally_chart_data_get_heading (figure->kind, figure->data);
  return NULL;
}

/**
 * tally_export_paint:
 * @cr: drawn on at its origin, in CSS pixels: scale it first for another unit
 *
 * Draws @figure as @options say, on a canvas of the options' size: the
 * one drawing behind every file and the dialog's preview.
 */
void
tally_export_paint (const TallyExportFigure  *figure,
                    const TallyExportOptions *options,
                    cairo_t                  *cr)
{
  TallyChartStyle style;
  double width, height;

  g_return_if_fail (figure != NULL);
  g_return_if_fail (options != NULL);
  g_return_if_fail (cr != NULL);

  tally_export_options_get_canvas (options, &width, &height);
  tally_export_options_get_style (options, &style);

  cairo_save (cr);
  cairo_rectangle (cr, 0, 0, width, height);
  cairo_clip (cr);
  if (figure->draw != NULL)
    figure->draw (cr, width, height, &style, figure->user_data);
  else if (figure->data != NULL)
    tally_chart_draw (figure->kind, cr, width, height, figure->data, &style);
  cairo_restore (cr);
}

static gboolean
check_cairo (cairo_status_t   status,
             const char      *path,
             GError         **error)
{
  g_autofree char *display = NULL;

  if (status == CAIRO_STATUS_SUCCESS)
    return TRUE;

  display = g_filename_display_name (path ? path : "");
  if (status == CAIRO_STATUS_NO_MEMORY || status == CAIRO_STATUS_INVALID_SIZE)
    g_set_error (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE,
                 _("Cannot draw “%s”: %s"), display, cairo_status_to_string (status));
  else
    g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                 _("Cannot draw “%s”: %s"), display, cairo_status_to_string (status));
  return FALSE;
}

/**
 * tally_export_render_image:
 * @scale: device pixels per CSS pixel: 2 for the clipboard's 2×
 *
 * Returns: (transfer full) (nullable): the figure on an ARGB32 image
 *   surface (premultiplied), or %NULL with @error when it would be too large
 */
cairo_surface_t *
tally_export_render_image (const TallyExportFigure  *figure,
                           const TallyExportOptions *options,
                           double                    scale,
                           GError                  **error)
{
  cairo_surface_t *surface;
  double width, height;
  int pixel_width, pixel_height;
  cairo_t *cr;

  g_return_val_if_fail (figure != NULL, NULL);
  g_return_val_if_fail (options != NULL, NULL);

  scale = scale >= 0.1 ? scale : 1;
  tally_export_options_get_canvas (options, &width, &height);
  if (width * scale > MAX_IMAGE_PX || height * scale > MAX_IMAGE_PX)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   _("An image of %.0f × %.0f pixels is too large (at most %.0f each way)"),
                   width * scale, height * scale, MAX_IMAGE_PX);
      return NULL;
    }

  /* A hair under a whole pixel is not worth a column of blank. */
  pixel_width = (int) ceil (width * scale - 0.01);
  pixel_height = (int) ceil (height * scale - 0.01);
  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, pixel_width, pixel_height);
  cr = cairo_create (surface);
  cairo_scale (cr, scale, scale);
  tally_export_paint (figure, options, cr);
  cairo_destroy (cr);
  cairo_surface_flush (surface);

  if (!check_cairo (cairo_surface_status (surface), figure->name, error))
    {
      cairo_surface_destroy (surface);
      return NULL;
    }

  return surface;
}

/* Writing */

typedef struct
{
  TallyExportFile *file;
  GError          *error;

  /* SVG only: the start of the file, held until the <svg> tag is
   * complete, so that <title> and <desc> can follow it. */
  gboolean         is_svg;
  GString         *svg_head;
  char            *svg_metadata;
} Writer;

static cairo_status_t
write_cb (void                *closure,
          const unsigned char *data,
          unsigned int         length)
{
  Writer *writer = closure;

  if (writer->error != NULL)
    return CAIRO_STATUS_WRITE_ERROR;

  if (writer->is_svg && writer->svg_head != NULL)
    {
      const char *svg, *end;
      gsize split;

      g_string_append_len (writer->svg_head, (const char *) data, length);
      if ((svg = strstr (writer->svg_head->str, "<svg")) == NULL || (end = strchr (svg, '>')) == NULL)
        return CAIRO_STATUS_SUCCESS;

      split = (gsize) (end + 1 - writer->svg_head->str);
      if (!tally_export_file_write (writer->file, writer->svg_head->str, split, &writer->error) ||
          !tally_export_file_write (writer->file, writer->svg_metadata, strlen (writer->svg_metadata),
                                    &writer->error) ||
          !tally_export_file_write (writer->file, writer->svg_head->str + split,
                                    writer->svg_head->len - split, &writer->error))
        return CAIRO_STATUS_WRITE_ERROR;

      g_string_free (g_steal_pointer (&writer->svg_head), TRUE);
      return CAIRO_STATUS_SUCCESS;
    }

  if (!tally_export_file_write (writer->file, data, length, &writer->error))
    return CAIRO_STATUS_WRITE_ERROR;

  return CAIRO_STATUS_SUCCESS;
}

static char *
svg_metadata (const char *title,
              const char *description)
{
  GString *metadata = g_string_new (NULL);

  if (title != NULL)
    {
      g_autofree char *escaped = g_markup_escape_text (title, -1);

      g_string_append_printf (metadata, "\n<title>%s</title>", escaped);
    }
  if (description != NULL)
    {
      g_autofree char *escaped = g_markup_escape_text (description, -1);

      g_string_append_printf (metadata, "\n<desc>%s</desc>", escaped);
    }

  return g_string_free (metadata, FALSE);
}

static char *
join_description (const char *subtitle,
                  const char *source)
{
  if (subtitle && source)
    return g_strdup_printf ("%s. %s", subtitle, source);
  return g_strdup (subtitle ? subtitle : source);
}

static cairo_surface_t *
create_vector_surface (const TallyExportOptions *options,
                       Writer                   *writer,
                       const char               *title,
                       const char               *subtitle,
                       double                   *units_per_px)
{
  cairo_surface_t *surface;
  double width, height;

  tally_export_options_get_canvas (options, &width, &height);

  if (options->format == TALLY_EXPORT_FORMAT_SVG)
    {
      gboolean mm = options->unit == TALLY_EXPORT_UNIT_MM;

      /* The SVG's user unit is its document unit, so the viewBox reads
       * "0 0 210 297" for A4 and "0 0 1200 675" for the web. */
      *units_per_px = mm ? 1.0 / TALLY_EXPORT_PX_PER_MM : 1.0;
      surface = cairo_svg_surface_create_for_stream (write_cb, writer, width * *units_per_px,
                                                     height * *units_per_px);
      cairo_svg_surface_set_document_unit (surface, mm ? CAIRO_SVG_UNIT_MM : CAIRO_SVG_UNIT_PX);
      return surface;
    }

  *units_per_px = PT_PER_PX;
  surface = cairo_pdf_surface_create_for_stream (write_cb, writer, width * PT_PER_PX, height * PT_PER_PX);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Tally " PACKAGE_VERSION);
  if (title != NULL)
    cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, title);
  if (subtitle != NULL)
    cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_SUBJECT, subtitle);
  return surface;
}

/**
 * tally_export_write:
 * @path: the file to write, whose extension need not match the format
 *
 * Draws @figure into a file as @options say, atomically: on failure or
 * cancellation nothing is left at @path or beside it, and an existing
 * file stays unless @flags has %TALLY_EXPORT_OVERWRITE.
 */
gboolean
tally_export_write (const TallyExportFigure  *figure,
                    const TallyExportOptions *options,
                    const char               *path,
                    TallyExportFlags          flags,
                    GCancellable             *cancellable,
                    GError                  **error)
{
  g_autoptr(TallyExportFile) file = NULL;
  const TallyChartHeading *heading;
  const char *title, *subtitle, *source;
  g_autofree char *description = NULL;
  Writer writer = { 0 };
  cairo_surface_t *surface;
  cairo_status_t status;

  g_return_val_if_fail (figure != NULL, FALSE);
  g_return_val_if_fail (figure->draw != NULL || figure->data != NULL, FALSE);
  g_return_val_if_fail (options != NULL, FALSE);
  g_return_val_if_fail (options->format < TALLY_EXPORT_N_FORMATS, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if (!(file = tally_export_file_open (path, flags, cancellable, error)))
    return FALSE;

  writer.file = file;

  if (options->format == TALLY_EXPORT_FORMAT_PNG)
    {
      surface = tally_export_render_image (figure, options, png_scale (options), error);
      if (surface == NULL)
        return FALSE;
      status = cairo_surface_write_to_png_stream (surface, write_cb, &writer);
      cairo_surface_destroy (surface);
    }
  else
    {
      double units_per_px;
      cairo_t *cr;

      heading = tally_export_figure_get_heading (figure);
      title = heading_text (options->title, heading ? heading->title : NULL);
      subtitle = heading_text (options->subtitle, heading ? heading->subtitle : NULL);
      source = heading_text (options->source, heading ? heading->source : NULL);
      description = join_description (subtitle, source);

      writer.is_svg = options->format == TALLY_EXPORT_FORMAT_SVG;
      if (writer.is_svg)
        {
          writer.svg_head = g_string_new (NULL);
          writer.svg_metadata = svg_metadata (title, description);
        }

      surface = create_vector_surface (options, &writer, title, subtitle, &units_per_px);
      cr = cairo_create (surface);
      cairo_scale (cr, units_per_px, units_per_px);
      tally_export_paint (figure, options, cr);
      status = cairo_status (cr);
      cairo_destroy (cr);
      cairo_surface_finish (surface);
      if (status == CAIRO_STATUS_SUCCESS)
        status = cairo_surface_status (surface);
      cairo_surface_destroy (surface);

      /* A head never completed (it cannot be, from cairo) goes out as it is. */
      if (writer.svg_head != NULL && writer.error == NULL)
        tally_export_file_write (file, writer.svg_head->str, writer.svg_head->len, &writer.error);
      if (writer.svg_head != NULL)
        g_string_free (g_steal_pointer (&writer.svg_head), TRUE);
      g_free (writer.svg_metadata);
    }

  if (writer.error != NULL)
    {
      g_propagate_error (error, writer.error);
      return FALSE;
    }
  if (!check_cairo (status, path, error))
    return FALSE;

  return tally_export_file_commit (file, error);
}

/**
 * tally_export_write_chart:
 *
 * tally_export_write() for a chart of @kind drawing @data.
 */
gboolean
tally_export_write_chart (TallyChartKind             kind,
                          gconstpointer              data,
                          const TallyExportOptions  *options,
                          const char                *path,
                          TallyExportFlags           flags,
                          GCancellable              *cancellable,
                          GError                   **error)
{
  TallyExportFigure figure;

  g_return_val_if_fail (data != NULL, FALSE);

  tally_export_figure_init_chart (&figure, kind, data);
  return tally_export_write (&figure, options, path, flags, cancellable, error);
}

/* A batch, shared by its workers. */
typedef struct
{
  TallyChartKind            kind;
  gconstpointer const      *data;
  const char * const       *paths;
  const TallyExportOptions *options;
  TallyExportFlags          flags;
  GCancellable             *cancellable;
  GError                  **errors;   /* [n_charts] */
  int                       failed;   /* atomic */
} Batch;

static void
batch_job_cb (gpointer job,
              gpointer user_data)
{
  Batch *batch = user_data;
  guint index = GPOINTER_TO_UINT (job) - 1;

  /* After a failure, the rest are not started. */
  if (g_atomic_int_get (&batch->failed))
    return;

  if (!tally_export_write_chart (batch->kind, batch->data[index], batch->options, batch->paths[index],
                                 batch->flags, batch->cancellable, &batch->errors[index]))
    g_atomic_int_set (&batch->failed, TRUE);
}

/**
 * tally_export_write_charts:
 * @data: (array length=n_charts): one chart's data per file
 * @paths: (array length=n_charts): the files
 *
 * Writes @n_charts charts of @kind, each as tally_export_write_chart()
 * would, on as many threads as there are processors: a batch of 150
 * councils is bound by cairo's SVG and PDF writers, not by the disk.
 * Drawing is thread-safe (each thread has its own Pango context) and
 * @data is only read.  After the first failure no more files are
 * started; those finished are whole files and stay.
 *
 * Returns: %FALSE with the error of the first file, in order, that failed
 */
gboolean
tally_export_write_charts (TallyChartKind             kind,
                           gconstpointer const       *data,
                           const char * const        *paths,
                           guint                      n_charts,
                           const TallyExportOptions  *options,
                           TallyExportFlags           flags,
                           GCancellable              *cancellable,
                           GError                   **error)
{
  g_autofree GError **errors = g_new0 (GError *, MAX (n_charts, 1));
  Batch batch = { kind, data, paths, options, flags, cancellable, errors, FALSE };
  guint n_threads = MIN ((guint) g_get_num_processors (), n_charts);
  gboolean written = TRUE;

  g_return_val_if_fail (n_charts == 0 || (data != NULL && paths != NULL), FALSE);
  g_return_val_if_fail (options != NULL, FALSE);

  if (n_threads <= 1)
    {
      for (guint i = 0; i < n_charts && !batch.failed; i++)
        batch_job_cb (GUINT_TO_POINTER (i + 1), &batch);
    }
  else
    {
      GThreadPool *pool = g_thread_pool_new (batch_job_cb, &batch, (int) n_threads, FALSE, NULL);

      for (guint i = 0; i < n_charts; i++)
        g_thread_pool_push (pool, GUINT_TO_POINTER (i + 1), NULL);
      g_thread_pool_free (pool, FALSE, TRUE);
    }

  for (guint i = 0; i < n_charts; i++)
    {
      if (errors[i] != NULL && written)
        {
          g_propagate_error (error, errors[i]);
          written = FALSE;
        }
      else
        g_clear_error (&errors[i]);
    }

  return written;
}

/**
 * tally_export_make_file_name:
 * @code: (nullable): a council's ONS code
 * @name: a council's or a chart's name
 *
 * Returns: (transfer full): a file name that any file system and any URL
 *   takes: "E09000027-richmond-upon-thames.svg"
 */
char *
tally_export_make_file_name (const char        *code,
                             const char        *name,
                             TallyExportFormat  format)
{
  g_autofree char *ascii = NULL;
  GString *file_name = g_string_new (NULL);
  gboolean dash = FALSE;

  g_return_val_if_fail (name != NULL, NULL);
  g_return_val_if_fail (format < TALLY_EXPORT_N_FORMATS, NULL);

  if (code != NULL && *code != '\0')
    {
      for (const char *c = code; *c; c++)
        if (g_ascii_isalnum (*c))
          g_string_append_c (file_name, *c);
      g_string_append_c (file_name, '-');
    }

  /* "St. Helens" → "st-helens"; "Kingston upon Hull, City of" →
   * "kingston-upon-hull-city-of"; accents lose their marks. */
  ascii = g_str_to_ascii (name, "C");
  for (const char *c = ascii; *c; c++)
    {
      if (g_ascii_isalnum (*c))
        {
          if (dash && file_name->len > 0 && file_name->str[file_name->len - 1] != '-')
            g_string_append_c (file_name, '-');
          g_string_append_c (file_name, g_ascii_tolower (*c));
          dash = FALSE;
        }
      else if (*c != '\'')
        dash = TRUE;
    }

  if (file_name->len == 0 || file_name->str[file_name->len - 1] == '-')
    g_string_append (file_name, "chart");
  g_string_append_printf (file_name, ".%s", formats[format].extension);

  return g_string_free (file_name, FALSE);
}
