/* tally-export-dialog-copy.c: copying the chart or the map in view to
 * the clipboard as an image, with the choices of the last export.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "tally-export-dialog-private.h"

/* Copy */

static void
free_surface (gpointer data)
{
  cairo_surface_destroy (data);
}

/* cairo's ARGB32 is premultiplied, native-endian: GDK_MEMORY_DEFAULT. */
static GdkTexture *
texture_for_surface (cairo_surface_t *surface)
{
  g_autoptr(GBytes) bytes = NULL;
  int height = cairo_image_surface_get_height (surface);
  int stride = cairo_image_surface_get_stride (surface);

  bytes = g_bytes_new_with_free_func (cairo_image_surface_get_data (surface), (gsize) height * (gsize) stride,
                                      free_surface, cairo_surface_reference (surface));
  return gdk_memory_texture_new (cairo_image_surface_get_width (surface), height, GDK_MEMORY_DEFAULT, bytes,
                                 (gsize) stride);
}

/* The view as it is on screen, at 2×, in the remembered background,
 * source line, legend and the headings written for its kind of chart. */
static gboolean
copy_subject (GtkWidget           *widget,
              TallyExportSubject  *subject,
              GError             **error)
{
  g_autoptr(GSettings) settings = _tally_export_settings_new ();
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *source = NULL;
  g_autofree char *title = NULL;
  g_autofree char *subtitle = NULL;
  g_autofree char *note = NULL;
  char *texts[3];
  TallyExportOptions options;
  TallyExportFigure figure;
  cairo_surface_t *surface;
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);

  _tally_export_options_load (&options, settings, &source);
  options.source = source;
  options.colour_blind_safe = _tally_export_subject_get_colour_blind_safe (subject);
  options.preset = TALLY_EXPORT_PRESET_CUSTOM;
  options.unit = TALLY_EXPORT_UNIT_PX;
  if (width >= 240 && height >= 180)
    {
      options.width = width;
      options.height = height;
    }
  else
    tally_export_preset_get_size (TALLY_EXPORT_PRESET_WEB, &options.width, &options.height, NULL);

  if (!_tally_export_subject_get_figure (subject, &options, &figure))
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_INITIALIZED, _("There is nothing to copy yet"));
      return FALSE;
    }
  _tally_export_subject_apply_headings (subject, settings, &options, &source, texts);
  title = texts[0];
  subtitle = texts[1];
  note = texts[2];

  if (!(surface = tally_export_render_image (&figure, &options, 2, error)))
    return FALSE;

  texture = texture_for_surface (surface);
  cairo_surface_destroy (surface);
  gdk_clipboard_set_texture (gtk_widget_get_clipboard (widget), texture);
  return TRUE;
}

/**
 * tally_export_copy_chart:
 *
 * Puts @view's chart on the clipboard as an image, drawn at twice its
 * size on screen.
 */
gboolean
tally_export_copy_chart (TallyChartView  *view,
                         GError         **error)
{
  TallyExportSubject subject = { 0 };
  gboolean copied;

  g_return_val_if_fail (TALLY_IS_CHART_VIEW (view), FALSE);

  subject.chart_view = g_object_ref (view);
  copied = copy_subject (GTK_WIDGET (view), &subject, error);
  _tally_export_subject_clear (&subject);
  return copied;
}

/**
 * tally_export_copy_map:
 *
 * Puts @view's map, with its heading and key, on the clipboard as an
 * image, drawn at twice its size on screen.
 */
gboolean
tally_export_copy_map (TallyMapView  *view,
                       GError       **error)
{
  TallyExportSubject subject = { 0 };
  gboolean copied;

  g_return_val_if_fail (TALLY_IS_MAP_VIEW (view), FALSE);

  subject.map_view = g_object_ref (view);
  copied = copy_subject (GTK_WIDGET (view), &subject, error);
  _tally_export_subject_clear (&subject);
  return copied;
}
