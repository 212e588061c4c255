/* tally-export-print.c: printing the chart, the map or the council page
 * in view, through GtkPrintOperation (its dialog has a preview).
 *
 * The page is drawn by the export's own code: tally_export_paint() lays
 * the figure out in CSS pixels on a canvas the size of the printable
 * area, so a printed chart fills its page exactly as an A4 PDF export
 * does, with the choices of the last export (source line, legend, the
 * outline pattern for seats not up) and the headings written for its kind
 * of chart.  A council page prints as its seat
 * chart over the table of parties.
 *
 * With @pdf_path the operation exports to that PDF without a dialog: what
 * a test reads, and the same drawing the printer gets.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "tally-export-dialog-private.h"

/* CSS pixels per point. */
#define PX_PER_PT (96.0 / 72.0)

typedef struct
{
  TallyExportSubject  subject;
  TallyExportOptions  options;
  char               *source;
  char               *texts[3];  /* title, subtitle, note: remembered for the kind of chart */
  char               *table;     /* a council page's table, tab-separated */
} PrintJob;

static void
print_job_free (gpointer data)
{
  PrintJob *job = data;

  _tally_export_subject_clear (&job->subject);
  g_free (job->source);
  for (guint i = 0; i < G_N_ELEMENTS (job->texts); i++)
    g_free (job->texts[i]);
  g_free (job->table);
  g_free (job);
}

/* The council page's table: one line per party, the name at the left,
 * the figures right-aligned in equal columns. */
static double
paint_table (cairo_t    *cr,
             const char *table,
             double      x,
             double      y,
             double      width)
{
  g_auto(GStrv) lines = g_strsplit (table, "\n", -1);
  g_autoptr(PangoLayout) layout = pango_cairo_create_layout (cr);
  g_autoptr(PangoFontDescription) font = pango_font_description_from_string ("Cantarell, sans-serif 13px");
  double name_width = width * 0.34, line_height = 0;

  pango_layout_set_font_description (layout, font);
  for (guint row = 0; lines[row] != NULL && *lines[row] != '\0'; row++)
    {
      g_auto(GStrv) cells = g_strsplit (lines[row], "\t", -1);
      guint n_cells = g_strv_length (cells);
      double column_width = n_cells > 1 ? (width - name_width) / (n_cells - 1) : 0;
      int text_width, text_height;

      pango_font_description_set_weight (font, row == 0 ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
      pango_layout_set_font_description (layout, font);
      for (guint column = 0; column < n_cells; column++)
        {
          double cell_x;

          pango_layout_set_text (layout, cells[column], -1);
          pango_layout_get_pixel_size (layout, &text_width, &text_height);
          cell_x = column == 0 ? x : x + name_width + column * column_width - text_width;
          cairo_move_to (cr, cell_x, y);
          cairo_set_source_rgb (cr, 0.12, 0.12, 0.12);
          pango_cairo_show_layout (cr, layout);
          line_height = MAX (line_height, text_height * 1.45);
        }

      y += line_height;
      if (row == 0)
        {
          cairo_set_source_rgb (cr, 0.6, 0.6, 0.6);
          cairo_set_line_width (cr, 0.75);
          cairo_move_to (cr, x, y - line_height * 0.2);
          cairo_line_to (cr, x + width, y - line_height * 0.2);
          cairo_stroke (cr);
        }
    }
  return y;
}

static void
draw_page_cb (GtkPrintOperation *operation,
              GtkPrintContext   *context,
              int                page_number,
              gpointer           user_data)
{
  PrintJob *job = user_data;
  cairo_t *cr = gtk_print_context_get_cairo_context (context);
  double width = gtk_print_context_get_width (context) * PX_PER_PT;
  double height = gtk_print_context_get_height (context) * PX_PER_PT;
  TallyExportFigure figure;
  TallyExportOptions options = job->options;

  if (!_tally_export_subject_get_figure (&job->subject, &job->options, &figure))
    return;

  cairo_save (cr);
  cairo_scale (cr, 1 / PX_PER_PT, 1 / PX_PER_PT);
  options.preset = TALLY_EXPORT_PRESET_CUSTOM;
  options.unit = TALLY_EXPORT_UNIT_PX;
  options.width = width;

  if (job->table == NULL)
    {
      options.height = height;
      tally_export_paint (&figure, &options, cr);
    }
  else
    {
      /* A council: its seat chart in the top half, the table below. */
      options.height = height * 0.55;
      options.show_source = FALSE;
      tally_export_paint (&figure, &options, cr);
      paint_table (cr, job->table, 20, height * 0.58, width - 40);
    }
  cairo_restore (cr);
}

static void
done_cb (GtkPrintOperation       *operation,
         GtkPrintOperationResult  result,
         gpointer                 user_data)
{
  g_autoptr(GError) error = NULL;

  if (result == GTK_PRINT_OPERATION_RESULT_ERROR)
    {
      gtk_print_operation_get_error (operation, &error);
      g_warning ("Printing failed: %s", error ? error->message : "unknown error");
    }
  /* An operation that ran on has finished: its reference goes, once. */
  if (g_object_get_data (G_OBJECT (operation), "tally-print-async"))
    {
      g_object_set_data (G_OBJECT (operation), "tally-print-async", NULL);
      g_object_unref (operation);
    }
}

static gboolean
run (GtkWindow   *parent,
     PrintJob    *job,
     gboolean     landscape,
     const char  *pdf_path,
     GError     **error)
{
  g_autoptr(GSettings) settings = _tally_export_settings_new ();
  g_autoptr(GtkPrintOperation) operation = gtk_print_operation_new ();
  g_autoptr(GtkPageSetup) setup = gtk_page_setup_new ();
  g_autoptr(GtkPaperSize) a4 = gtk_paper_size_new (GTK_PAPER_NAME_A4);
  GtkPrintOperationResult result;

  _tally_export_options_load (&job->options, settings, &job->source);
  job->options.source = job->source;
  job->options.format = TALLY_EXPORT_FORMAT_PDF;
  job->options.background = TALLY_CHART_BACKGROUND_LIGHT;
  job->options.colour_blind_safe = _tally_export_subject_get_colour_blind_safe (&job->subject);
  _tally_export_subject_apply_headings (&job->subject, settings, &job->options, &job->source, job->texts);

  gtk_page_setup_set_paper_size (setup, a4);
  gtk_page_setup_set_orientation (setup, landscape ? GTK_PAGE_ORIENTATION_LANDSCAPE : GTK_PAGE_ORIENTATION_PORTRAIT);
  gtk_print_operation_set_default_page_setup (operation, setup);
  gtk_print_operation_set_n_pages (operation, 1);
  gtk_print_operation_set_unit (operation, GTK_UNIT_POINTS);
  gtk_print_operation_set_embed_page_setup (operation, TRUE);
  gtk_print_operation_set_job_name (operation, _("Tally"));
  g_object_set_data_full (G_OBJECT (operation), "tally-print-job", job, print_job_free);
  g_signal_connect (operation, "draw-page", G_CALLBACK (draw_page_cb), job);
  g_signal_connect (operation, "done", G_CALLBACK (done_cb), NULL);

  if (pdf_path != NULL)
    {
      gtk_print_operation_set_export_filename (operation, pdf_path);
      result = gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_EXPORT, parent, error);
    }
  else
    {
      /* The dialog's Preview shows the page as it will print.  Running
       * on, the operation keeps a reference until ::done. */
      gtk_print_operation_set_allow_async (operation, TRUE);
      g_object_ref (operation);
      g_object_set_data (G_OBJECT (operation), "tally-print-async", GINT_TO_POINTER (TRUE));
      result = gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG, parent, error);
      if (result != GTK_PRINT_OPERATION_RESULT_IN_PROGRESS &&
          g_object_get_data (G_OBJECT (operation), "tally-print-async"))
        {
          g_object_set_data (G_OBJECT (operation), "tally-print-async", NULL);
          g_object_unref (operation);
        }
    }

  return result != GTK_PRINT_OPERATION_RESULT_ERROR;
}

/**
 * tally_export_print_chart:
 * @pdf_path: (nullable): export the page to this PDF, with no dialog
 *
 * Prints @view's chart on one page (A4 landscape unless the user chooses
 * another), through the print dialog and its preview.
 */
gboolean
tally_export_print_chart (GtkWindow       *parent,
                          TallyChartView  *view,
                          const char      *pdf_path,
                          GError         **error)
{
  PrintJob *job = g_new0 (PrintJob, 1);

  g_return_val_if_fail (TALLY_IS_CHART_VIEW (view), FALSE);

  job->subject.chart_view = g_object_ref (view);
  return run (parent, job, TRUE, pdf_path, error);
}

/**
 * tally_export_print_map:
 * @pdf_path: (nullable): export the page to this PDF, with no dialog
 *
 * Prints @view's map as the window shows it (its zoom and centre), on an
 * A4 portrait page, with labels, key and source.
 */
gboolean
tally_export_print_map (GtkWindow     *parent,
                        TallyMapView  *view,
                        const char    *pdf_path,
                        GError       **error)
{
  PrintJob *job = g_new0 (PrintJob, 1);

  g_return_val_if_fail (TALLY_IS_MAP_VIEW (view), FALSE);

  job->subject.map_view = g_object_ref (view);
  job->subject.london_inset = _tally_export_london_inset_load ();
  return run (parent, job, FALSE, pdf_path, error);
}

/**
 * tally_export_print_council:
 * @pdf_path: (nullable): export the page to this PDF, with no dialog
 *
 * Prints a council's page: its seat chart over its table of parties, on
 * an A4 portrait page.
 */
gboolean
tally_export_print_council (GtkWindow         *parent,
                            TallyCouncilPage  *page,
                            const char        *pdf_path,
                            GError           **error)
{
  PrintJob *job = g_new0 (PrintJob, 1);

  g_return_val_if_fail (TALLY_IS_COUNCIL_PAGE (page), FALSE);

  job->subject.chart_view = g_object_ref (tally_council_page_get_hemicycle (page));
  job->table = g_strdup (tally_council_page_get_table_tsv (page));
  return run (parent, job, FALSE, pdf_path, error);
}
