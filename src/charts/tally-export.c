/* tally-export.c: charts and maps as PNG, SVG and PDF: the figure, the
 * one drawing behind every file and the preview, the surfaces of each
 * format and writing them, one file or a batch on every processor.  The
 * files are written atomically by tally-export-file.c; what is asked for
 * (formats, sizes, options) is in tally-export-options.c.
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
#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "tally-export-private.h"

/* Nothing larger fits a cairo image. */
#define MAX_IMAGE_PX 32767.0

static const char *
heading_text (const char *override,
              const char *own)
{
  const char *text = override ? override : own;

  return text && *text ? text : NULL;
}

/* The source line: the one asked for, except that a map keeps its own
 * attribution (the Open Government Licence requires the ONS and OS
 * credit) unless it is replaced by something other than the default. */
static const char *
source_override (const TallyExportFigure  *figure,
                 const TallyExportOptions *options)
{
  const TallyChartHeading *heading = figure->heading;

  if (figure->draw != NULL && heading != NULL && heading->source != NULL &&
      g_strcmp0 (options->source, TALLY_EXPORT_DEFAULT_SOURCE) == 0)
    return NULL;
  return options->source;
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
  style.source = source_override (figure, options);

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

  /* SVG only: cairo's whole document, held until it is finished, so that
   * <title> and <desc> can follow the <svg> tag and the recorded text and
   * seats can go in before its end (see tally-chart-svg.c). */
  GString         *svg;
} Writer;

static cairo_status_t
write_cb (void                *closure,
          const unsigned char *data,
          unsigned int         length)
{
  Writer *writer = closure;

  if (writer->error != NULL)
    return CAIRO_STATUS_WRITE_ERROR;

  if (writer->svg != NULL)
    {
      g_string_append_len (writer->svg, (const char *) data, length);
      return CAIRO_STATUS_SUCCESS;
    }

  if (!tally_export_file_write (writer->file, data, length, &writer->error))
    return CAIRO_STATUS_WRITE_ERROR;

  return CAIRO_STATUS_SUCCESS;
}

/* cairo's document with the metadata after its <svg> tag and the recorded
 * elements, in a group of their own, before its end. */
static gboolean
write_svg (Writer      *writer,
           const char  *metadata,
           const char  *elements)
{
  const char *document = writer->svg->str;
  const char *open = strstr (document, "<svg");
  const char *head_end = open ? strchr (open, '>') : NULL;
  const char *close = g_strrstr (document, "</svg>");
  g_autoptr(GString) out = NULL;

  /* A document not as cairo writes them goes out as it is. */
  if (head_end == NULL || close == NULL || close < head_end)
    return tally_export_file_write (writer->file, document, writer->svg->len, &writer->error);

  out = g_string_sized_new (writer->svg->len + strlen (metadata) + strlen (elements) + 64);
  g_string_append_len (out, document, head_end + 1 - document);
  g_string_append (out, metadata);
  g_string_append_len (out, head_end + 1, close - (head_end + 1));
  if (*elements != '\0')
    {
      g_string_append (out, "<g id=\"text-and-marks\">\n");
      g_string_append (out, elements);
      g_string_append (out, "</g>\n");
    }
  g_string_append (out, close);
  return tally_export_file_write (writer->file, out->str, out->len, &writer->error);
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

  *units_per_px = _TALLY_EXPORT_PT_PER_PX;
  surface = cairo_pdf_surface_create_for_stream (write_cb, writer, width * _TALLY_EXPORT_PT_PER_PX, height * _TALLY_EXPORT_PT_PER_PX);
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
  g_autoptr(GString) elements = NULL;
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
      surface = tally_export_render_image (figure, options, _tally_export_png_scale (options), error);
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
      source = heading_text (source_override (figure, options), heading ? heading->source : NULL);
      description = join_description (subtitle, source);

      if (options->format == TALLY_EXPORT_FORMAT_SVG)
        {
          writer.svg = g_string_new (NULL);
          elements = g_string_new (NULL);
        }

      surface = create_vector_surface (options, &writer, title, subtitle, &units_per_px);
      if (elements != NULL)
        tally_chart_svg_record (surface, elements);
      cr = cairo_create (surface);
      cairo_scale (cr, units_per_px, units_per_px);
      tally_export_paint (figure, options, cr);
      status = cairo_status (cr);
      cairo_destroy (cr);
      cairo_surface_finish (surface);
      if (status == CAIRO_STATUS_SUCCESS)
        status = cairo_surface_status (surface);
      cairo_surface_destroy (surface);

      if (writer.svg != NULL)
        {
          g_autofree char *metadata = svg_metadata (title, description);

          if (writer.error == NULL && status == CAIRO_STATUS_SUCCESS)
            write_svg (&writer, metadata, elements->str);
          g_string_free (g_steal_pointer (&writer.svg), TRUE);
        }
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

