/* tally-export-options.c: what an export is asked for: the names of
 * formats, size presets and backgrounds, the options and the canvas they
 * give, and the file names of exported charts.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "tally-export-private.h"

/* Nothing smaller is a chart; nothing larger fits a cairo image
 * (tally-export.c has that limit). */
#define MIN_CANVAS_PX 64.0
#define MAX_CANVAS_PX 16000.0

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

double
_tally_export_png_scale (const TallyExportOptions *options)
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
      return g_strdup_printf (_("%.0f × %.0f pixels"), ceil (width * _tally_export_png_scale (options) - 0.01),
                              ceil (height * _tally_export_png_scale (options) - 0.01));
    case TALLY_EXPORT_FORMAT_SVG:
      if (options->unit == TALLY_EXPORT_UNIT_MM)
        return g_strdup_printf (_("%g × %g mm"), options->width, options->height);
      return g_strdup_printf (_("%.0f × %.0f px"), width, height);
    case TALLY_EXPORT_FORMAT_PDF:
      if (options->unit == TALLY_EXPORT_UNIT_MM)
        return g_strdup_printf (_("%g × %g mm (%.2f × %.2f pt)"), options->width, options->height,
                                width * _TALLY_EXPORT_PT_PER_PX, height * _TALLY_EXPORT_PT_PER_PX);
      return g_strdup_printf (_("%.2f × %.2f pt"), width * _TALLY_EXPORT_PT_PER_PX, height * _TALLY_EXPORT_PT_PER_PX);
    default:
      g_return_val_if_reached (NULL);
    }
}

/**
 * tally_export_options_get_style:
 *
 * Fills @style as the figure is drawn for these options.  Type and marks
 * grow with the page, from 1× at 1200 × 675 to 1.5× on a page 1,012 px or
 * more each way, and rows and cells grow to fill it (style->fill), so no
 * size leaves a chart in the middle of an empty page.  A larger PNG of the
 * same size (options->scale) is the same layout drawn through a scaled
 * context.
 */
void
tally_export_options_get_style (const TallyExportOptions *options,
                                TallyChartStyle          *style)
{
  double width, height;

  g_return_if_fail (options != NULL);
  g_return_if_fail (style != NULL);

  tally_chart_style_init (style, options->background);
  style->colour_blind_safe = options->colour_blind_safe;
  style->show_title = options->show_title;
  style->show_subtitle = options->show_subtitle;
  style->show_source = options->show_source;
  style->show_legend = options->show_legend;
  style->not_up_outline = options->not_up_outline;
  style->title = options->title;
  style->subtitle = options->subtitle;
  style->source = options->source;
  style->note = options->note;

  tally_export_options_get_canvas (options, &width, &height);
  style->scale = CLAMP (MIN (width, height) / 675, 1, 1.5);
  style->fill = TRUE;
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
