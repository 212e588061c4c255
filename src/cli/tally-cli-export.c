/* tally-cli-export.c: `tally export`, charts, maps and tables without a window.
 *
 *   tally export --chart KIND [FILTER] [--all] -o FILE|DIR
 *                [--format png|svg|pdf] [--size SIZE] [--scale 1|2|3]
 *                [--background light|dark|transparent]
 *                [--title T] [--subtitle S] [--source S]
 *                [--no-title] [--no-subtitle] [--no-source] [--no-legend]
 *                [--colour-blind] [--method M] [--swing FROM,TO] [--force]
 *   tally export --map hexes|boundaries [--colour-by C] [--colour-party KEY] … -o FILE
 *   tally export --csv [--rows councils|candidates] [FILTER] [-o FILE]
 *
 * The filter options are those of `tally summary` (tally-cli-filter.c),
 * and mean what the window's filter panel means.  A chart of a single
 * --council is that council's chart, as its page shows it; otherwise the
 * chart is of every council the filter matches, as the Charts view shows
 * it; with --all, one file per matching council goes into the directory
 * -o names, called by council code and name
 * (E09000027-richmond-upon-thames.svg).  Every file is written through
 * tally-export.c: atomically, never over an existing file without
 * --force.  The paths written are printed, one a line.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <stdio.h>

#include "tally-boundaries.h"
#include "tally-catalog.h"
#include "tally-chart-adapt.h"
#include "tally-chart-group.h"
#include "tally-council.h"
#include "tally-council-result.h"
#include "tally-database.h"
#include "tally-export.h"
#include "tally-hex-layout.h"
#include "tally-hexgen.h"
#include "tally-live-query.h"
#include "tally-map-data.h"
#include "tally-map-draw.h"
#include "tally-party.h"
#include "tally-results.h"
#include "tally-cli-filter.h"
#include "tally-cli-private.h"

typedef struct
{
  TallyCliFilterOptions  filter;
  char                  *database_path;
  char                  *chart;
  char                  *map;
  char                  *colour_by;
  char                  *colour_party;
  gboolean               london_inset;
  gboolean               whole_map;
  gboolean               csv;
  char                  *rows;
  gboolean               all;
  char                  *format;
  char                  *size;
  double                 scale;
  char                  *background;
  char                  *title;
  char                  *subtitle;
  char                  *source;
  char                  *note;
  gboolean               no_title;
  gboolean               no_subtitle;
  gboolean               no_source;
  gboolean               no_legend;
  gboolean               not_up_outline;
  gboolean               colour_blind;
  char                  *method;
  char                  *swing;
  char                  *output;
  gboolean               force;
} Options;

/* What the command works on, once the options are read. */
typedef struct
{
  Options            *options;
  TallyDatabase      *database;
  TallyCatalog       *catalog;
  TallyResults       *results;
  TallyFilter        *filter;
  GListModel         *parties;
  TallyPartyRanking  *ranking;  /* the parties scope charts and the CSV name; made on first need */
  TallyVoteMethod     method;
  TallyParty         *swing_from;
  TallyParty         *swing_to;
  TallyExportOptions  export;
  TallyExportFlags    flags;

  /* What a council's swing is set against: the councils of the filter
   * without --council; made on first need. */
  TallyScopeSummary  *reference;
  char               *reference_label;
} Export;

static void
options_clear (Options *options)
{
  tally_cli_filter_options_clear (&options->filter);
  g_clear_pointer (&options->database_path, g_free);
  g_clear_pointer (&options->chart, g_free);
  g_clear_pointer (&options->map, g_free);
  g_clear_pointer (&options->colour_by, g_free);
  g_clear_pointer (&options->colour_party, g_free);
  g_clear_pointer (&options->rows, g_free);
  g_clear_pointer (&options->format, g_free);
  g_clear_pointer (&options->size, g_free);
  g_clear_pointer (&options->background, g_free);
  g_clear_pointer (&options->title, g_free);
  g_clear_pointer (&options->subtitle, g_free);
  g_clear_pointer (&options->source, g_free);
  g_clear_pointer (&options->note, g_free);
  g_clear_pointer (&options->method, g_free);
  g_clear_pointer (&options->swing, g_free);
  g_clear_pointer (&options->output, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Options, options_clear)

static void
export_clear (Export *export)
{
  g_clear_pointer (&export->ranking, tally_party_ranking_unref);
  g_clear_object (&export->database);
  g_clear_object (&export->catalog);
  g_clear_object (&export->results);
  g_clear_object (&export->filter);
  g_clear_object (&export->reference);
  g_clear_pointer (&export->reference_label, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Export, export_clear)

static void
usage_error (GError     **error,
             const char  *format,
             ...) G_GNUC_PRINTF (2, 3);

static void
usage_error (GError     **error,
             const char  *format,
             ...)
{
  va_list args;

  va_start (args, format);
  *error = g_error_new_valist (G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE, format, args);
  va_end (args);
}

static gboolean
is_council_chart (TallyChartKind kind)
{
  return kind != TALLY_CHART_STATE && kind != TALLY_CHART_SWING_SCATTER;
}

static char *
list_chart_kinds (void)
{
  GString *kinds = g_string_new (NULL);

  for (guint i = 0; i < TALLY_N_CHART_KINDS; i++)
    g_string_append_printf (kinds, "%s%s", i > 0 ? ", " : "", tally_chart_kind_to_string (i));

  return g_string_free (kinds, FALSE);
}

/* Fills the export options from the command line. */
static gboolean
read_file_options (Export  *export,
                   GError **error)
{
  Options *options = export->options;
  TallyExportOptions *file = &export->export;

  tally_export_options_init (file);

  if (options->format != NULL)
    {
      if (!tally_export_format_from_string (options->format, &file->format))
        {
          usage_error (error, _("unknown format “%s” (formats: png, svg, pdf)"), options->format);
          return FALSE;
        }
    }
  else if (!options->all && options->output != NULL)
    {
      /* Without --format, the file's extension says; else PNG. */
      tally_export_format_from_path (options->output, &file->format);
    }

  if (options->size != NULL && !tally_export_options_set_size (file, options->size, error))
    return FALSE;

  if (options->scale != 0)
    {
      /* Written so that NaN, which every comparison fails, is refused too. */
      if (!(options->scale >= 1 && options->scale <= 4))
        {
          usage_error (error, _("--scale must be from 1 to 4 (1, 2 or 3 for 1×, 2×, 3×), not %g"), options->scale);
          return FALSE;
        }
      file->scale = options->scale;
    }

  if (options->background != NULL &&
      !tally_export_background_from_string (options->background, &file->background))
    {
      usage_error (error, _("unknown background “%s” (backgrounds: light, dark, transparent)"),
                   options->background);
      return FALSE;
    }

  {
    const char *names[] = { "--title", "--subtitle", "--source", "--note" };
    char **texts[] = { &options->title, &options->subtitle, &options->source, &options->note };

    /* Taken as bytes (GOption's own conversion fails naming no option):
     * UTF-8 as given, or text of the locale's encoding converted. */
    for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
      if (*texts[i] != NULL && !g_utf8_validate (*texts[i], -1, NULL))
        {
          char *converted = g_locale_to_utf8 (*texts[i], -1, NULL, NULL, NULL);

          if (converted == NULL)
            {
              usage_error (error, _("%s is not valid text (not UTF-8, nor the locale’s encoding)"), names[i]);
              return FALSE;
            }
          g_free (*texts[i]);
          *texts[i] = converted;
        }
  }

  file->title = options->title;
  file->subtitle = options->subtitle;
  if (options->source != NULL)
    file->source = options->source;
  file->note = options->note;
  file->show_title = !options->no_title;
  file->show_subtitle = !options->no_subtitle;
  file->show_source = !options->no_source;
  file->show_legend = !options->no_legend;
  file->colour_blind_safe = options->colour_blind;
  file->not_up_outline = options->not_up_outline;
  export->flags = options->force ? TALLY_EXPORT_OVERWRITE : TALLY_EXPORT_FLAGS_NONE;

  return TRUE;
}

static void
ensure_reference (Export *export)
{
  g_autoptr(TallyFilter) wider = NULL;
  TallyCliFilterOptions options;

  if (export->reference != NULL)
    return;

  wider = tally_filter_copy (export->filter);
  tally_filter_set_councils (wider, NULL);
  tally_filter_set_search_text (wider, NULL);
  export->reference = tally_results_summarize (export->results, wider);

  options = export->options->filter;
  options.councils = NULL;
  options.search = NULL;
  export->reference_label = tally_cli_filter_options_describe (&options, export->catalog);
}

/* The chart of one council, as its page in the window shows it. */
static gpointer
adapt_council_chart (Export             *export,
                     TallyChartKind      kind,
                     TallyCouncilResult *result)
{
  switch (kind)
    {
    case TALLY_CHART_HEMICYCLE:
    case TALLY_CHART_WAFFLE:
      if (tally_council_result_get_total_seats (result, TALLY_STAGE_AFTER) > 0)
        return tally_chart_adapt_composition (result, export->parties);
      return tally_chart_adapt_seats_won (result, export->parties);
    case TALLY_CHART_SEAT_BARS:
      return tally_chart_adapt_seats_won (result, export->parties);
    case TALLY_CHART_SHARE_BARS:
      return tally_chart_adapt_council_shares (result, export->parties, export->method, TALLY_SHARE_MODE_COMPARE);
    case TALLY_CHART_SWINGOMETER:
      {
        TallySwingometerData *data;

        if (export->swing_from == NULL || export->swing_to == NULL)
          return NULL;

        ensure_reference (export);
        data = tally_chart_adapt_council_swing (result, export->reference, export->swing_from, export->swing_to,
                                                export->method);
        if (data != NULL && data->has_reference)
          {
            g_free (data->reference_label);
            data->reference_label = g_strdup (export->reference_label);
          }
        return data;
      }
    case TALLY_CHART_SWING_SCATTER:
    case TALLY_CHART_STATE:
    default:
      g_return_val_if_reached (NULL);
    }
}

/* The named parties and Others, over every council of the election, as
 * the window ranks them. */
static TallyPartyRanking *
ensure_ranking (Export *export)
{
  TallyFilter *filter = tally_results_get_filter (export->results);

  if (export->ranking == NULL)
    export->ranking = tally_party_ranking_new (
      export->parties, tally_results_get_council_results (export->results,
                                                          tally_results_resolve_election (export->results, filter),
                                                          tally_results_resolve_baseline (export->results, filter)));
  return export->ranking;
}

/* The chart of every council the filter matches, as the Charts view shows it. */
static gpointer
adapt_scope_chart (Export         *export,
                   TallyChartKind  kind,
                   const char     *scope)
{
  TallyScopeSummary *summary = tally_results_get_summary (export->results);

  if (summary == NULL)
    return NULL;

  switch (kind)
    {
    case TALLY_CHART_HEMICYCLE:
    case TALLY_CHART_SEAT_BARS:
    case TALLY_CHART_WAFFLE:
      {
        TallySeatChartData *data = tally_chart_adapt_scope_seats (summary, export->parties, scope);

        tally_chart_group_seats (data, ensure_ranking (export));
        return data;
      }
    case TALLY_CHART_SHARE_BARS:
      {
        TallyShareChartData *data = tally_chart_adapt_scope_shares (summary, export->parties, export->method,
                                                                    TALLY_SHARE_MODE_CHANGE, scope);

        tally_chart_group_scope_shares (data, ensure_ranking (export), summary, export->method);
        return data;
      }
    case TALLY_CHART_SWINGOMETER:
      if (export->swing_from == NULL || export->swing_to == NULL)
        return NULL;
      return tally_chart_adapt_scope_swing (summary, export->swing_from, export->swing_to, export->method, scope);
    case TALLY_CHART_SWING_SCATTER:
      if (export->swing_from == NULL || export->swing_to == NULL)
        return NULL;
      return tally_chart_adapt_swing_scatter (tally_scope_summary_get_councils (summary), export->swing_from,
                                              export->swing_to, export->method, TRUE, NULL);
    case TALLY_CHART_STATE:
      {
        TallyStateChartData *data = tally_chart_adapt_state (summary, export->parties, scope);

        tally_chart_group_state (data, ensure_ranking (export));
        return data;
      }
    default:
      g_return_val_if_reached (NULL);
    }
}

/* How to free a council chart's data of @kind. */
static GDestroyNotify
chart_data_free_func (TallyChartKind kind)
{
  switch (kind)
    {
    case TALLY_CHART_HEMICYCLE:
    case TALLY_CHART_SEAT_BARS:
    case TALLY_CHART_WAFFLE:
      return (GDestroyNotify) tally_seat_chart_data_free;
    case TALLY_CHART_SHARE_BARS:
      return (GDestroyNotify) tally_share_chart_data_free;
    case TALLY_CHART_SWINGOMETER:
      return (GDestroyNotify) tally_swingometer_data_free;
    case TALLY_CHART_SWING_SCATTER:
      return (GDestroyNotify) tally_swing_scatter_data_free;
    case TALLY_CHART_STATE:
      return (GDestroyNotify) tally_state_chart_data_free;
    default:
      g_return_val_if_reached (NULL);
    }
}

/* `-o -` writes to standard output: the figure is drawn to a private
 * temporary file exactly as to any other, then copied out, so a pipe gets
 * the same bytes a file would. */
static gboolean
is_stdout (const char *path)
{
  return g_strcmp0 (path, "-") == 0;
}

static gboolean
copy_to_stdout (const char  *path,
                GError     **error)
{
  g_autofree char *contents = NULL;
  gsize length;

  if (!g_file_get_contents (path, &contents, &length, error))
    return FALSE;

  if (fwrite (contents, 1, length, stdout) != length || fflush (stdout) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   _("Cannot write to standard output: %s"), g_strerror (saved_errno));
      return FALSE;
    }

  return TRUE;
}

/* Where to draw: @output itself, or a temporary file for `-o -` (then
 * *temp_dir is set, to be removed by finish_output()). */
static char *
begin_output (const char  *output,
              char       **temp_dir,
              GError     **error)
{
  *temp_dir = NULL;
  if (!is_stdout (output))
    return g_strdup (output);

  if (!(*temp_dir = g_dir_make_tmp ("tally-export-XXXXXX", error)))
    return NULL;
  return g_build_filename (*temp_dir, "figure", NULL);
}

static gboolean
finish_output (const char  *path,
               char        *temp_dir,
               gboolean     written,
               GError     **error)
{
  if (temp_dir == NULL)
    {
      if (written)
        g_print ("%s\n", path);
      return written;
    }

  written = written && copy_to_stdout (path, error);
  g_unlink (path);
  g_rmdir (temp_dir);
  g_free (temp_dir);
  return written;
}

static gboolean
write_chart (Export          *export,
             TallyChartKind   kind,
             gpointer         data,
             const char      *path,
             GError         **error)
{
  char *temp_dir = NULL;
  g_autofree char *target = begin_output (path, &temp_dir, error);
  gboolean written = target != NULL &&
                     tally_export_write_chart (kind, data, &export->export, target, export->flags, NULL, error);

  tally_chart_data_free (kind, data);
  return finish_output (target, temp_dir, written, error);
}

/* `--chart KIND --all -o DIR`: one file per council. */
static int
export_all (Export         *export,
            TallyChartKind  kind)
{
  Options *options = export->options;
  GListModel *matching = tally_results_get_matching (export->results);
  guint n_matching = g_list_model_get_n_items (matching);
  g_autoptr(GPtrArray) paths = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) charts = g_ptr_array_new_with_free_func (chart_data_free_func (kind));
  g_autoptr(GError) error = NULL;
  guint n_taken = 0;

  if (!is_council_chart (kind))
    {
      g_printerr (_("tally export: a %s chart is of all the councils together: leave out --all\n"),
                  tally_chart_kind_to_string (kind));
      return 2;
    }

  if (n_matching == 0)
    {
      g_printerr (_("tally export: no council matches the filter\n"));
      return 1;
    }

  if (g_mkdir_with_parents (options->output, 0777) != 0)
    {
      int saved_errno = errno;
      g_autofree char *display = g_filename_display_name (options->output);

      g_printerr (_("tally export: Cannot make the folder “%s”: %s\n"), display, g_strerror (saved_errno));
      return 1;
    }

  /* Every name is checked before anything is written, so that a run
   * that would overwrite files writes none. */
  for (guint i = 0; i < n_matching; i++)
    {
      g_autoptr(TallyCouncilResult) result = g_list_model_get_item (matching, i);
      TallyCouncil *council = tally_council_result_get_council (result);
      g_autofree char *name = tally_export_make_file_name (tally_council_get_code (council),
                                                            tally_council_get_name (council),
                                                            export->export.format);
      char *path = g_build_filename (options->output, name, NULL);

      if (!options->force && g_file_test (path, G_FILE_TEST_EXISTS))
        {
          g_autofree char *display = g_filename_display_name (path);

          g_printerr (_("tally export: “%s” already exists\n"), display);
          n_taken++;
        }
      g_ptr_array_add (paths, path);
    }

  if (n_taken > 0)
    {
      g_printerr (g_dngettext (GETTEXT_PACKAGE, "tally export: %u file already exists; nothing written "
                               "(--force replaces it)\n",
                               "tally export: %u files already exist; nothing written "
                               "(--force replaces them)\n", n_taken), n_taken);
      return 1;
    }

  /* Data made here, files drawn and written on every core. */
  for (guint i = 0; i < n_matching; i++)
    {
      g_autoptr(TallyCouncilResult) result = g_list_model_get_item (matching, i);
      gpointer data = adapt_council_chart (export, kind, result);

      if (data == NULL)
        {
          g_printerr (_("tally export: no %s chart for %s\n"), tally_chart_kind_to_string (kind),
                      tally_council_get_name (tally_council_result_get_council (result)));
          return 1;
        }
      g_ptr_array_add (charts, data);
    }

  if (!tally_export_write_charts (kind, (gconstpointer const *) charts->pdata, (const char * const *) paths->pdata,
                                  n_matching, &export->export, export->flags, NULL, &error))
    {
      g_printerr ("tally export: %s\n", error->message);
      return 1;
    }

  for (guint i = 0; i < paths->len; i++)
    g_print ("%s\n", (const char *) g_ptr_array_index (paths, i));

  return 0;
}

static int
export_chart (Export         *export,
              TallyChartKind  kind)
{
  Options *options = export->options;
  GListModel *matching = tally_results_get_matching (export->results);
  g_autoptr(GError) error = NULL;
  gpointer data;

  if (options->all)
    return export_all (export, kind);

  /* One council named: its own chart.  Anything else: the scope's. */
  if (is_council_chart (kind) && options->filter.councils != NULL &&
      g_strv_length (options->filter.councils) == 1)
    {
      g_autoptr(TallyCouncilResult) result = NULL;

      if (g_list_model_get_n_items (matching) == 0)
        {
          g_printerr (_("tally export: “%s” held no election that the filter matches\n"), options->filter.councils[0]);
          return 1;
        }
      result = g_list_model_get_item (matching, 0);
      data = adapt_council_chart (export, kind, result);
    }
  else
    {
      g_autofree char *scope = tally_cli_filter_options_describe (&options->filter, export->catalog);

      if (g_list_model_get_n_items (matching) == 0)
        {
          g_printerr (_("tally export: no council matches the filter\n"));
          return 1;
        }
      data = adapt_scope_chart (export, kind, scope);
    }

  if (data == NULL)
    {
      g_printerr (_("tally export: nothing to draw as a %s chart (a swing needs two parties: --swing FROM,TO)\n"),
                  tally_chart_kind_to_string (kind));
      return 1;
    }

  if (!write_chart (export, kind, data, options->output, &error))
    {
      g_printerr ("tally export: %s\n", error->message);
      return 1;
    }

  return 0;
}

/* Maps */

typedef struct
{
  Export          *export;
  TallyHexLayout  *layout;
  TallyBoundaries *boundaries;
  TallyMapData    *data;
  TallyMapFigureOptions shown;
} MapFigure;

static void
draw_map_cb (cairo_t               *cr,
             double                 width,
             double                 height,
             const TallyChartStyle *style,
             gpointer               user_data)
{
  MapFigure *figure = user_data;

  tally_map_draw_figure (cr, width, height, figure->layout, figure->boundaries, figure->data, style, NULL,
                         &figure->shown);
}

static int
export_map (Export *export)
{
  Options *options = export->options;
  g_autoptr(TallyHexLayout) layout = NULL;
  g_autoptr(TallyBoundaries) boundaries = NULL;
  g_autoptr(TallyMapData) data = NULL;
  g_autoptr(GError) error = NULL;
  TallyMapColourBy colour_by = TALLY_MAP_COLOUR_CONTROL;
  TallyParty *party = export->swing_to;
  TallyElection *election, *baseline;
  TallyChartStyle style;
  TallyExportFigure figure;
  MapFigure map = { export, NULL, NULL, NULL, { .labels = TRUE } };

  if (options->all)
    {
      g_printerr (_("tally export: a map shows every council at once: leave out --all\n"));
      return 2;
    }

  if (options->colour_by != NULL && !tally_map_colour_by_from_string (options->colour_by, &colour_by))
    {
      GString *known = g_string_new (NULL);

      for (guint i = 0; i < TALLY_N_MAP_COLOURINGS; i++)
        g_string_append_printf (known, "%s%s", i > 0 ? ", " : "", tally_map_colour_by_to_string (i));
      g_printerr (_("tally export: unknown colouring “%s” (colourings: %s)\n"), options->colour_by, known->str);
      g_string_free (known, TRUE);
      return 2;
    }

  if (options->colour_party != NULL && !(party = tally_cli_lookup_party (export->catalog, options->colour_party)))
    {
      g_printerr (_("tally export: unknown party “%s” in --colour-party\n"), options->colour_party);
      return 2;
    }

  if (g_str_equal (options->map, "hexes"))
    {
      if (!(layout = tally_hex_layout_load (export->database, &error)) && error == NULL)
        layout = tally_hexgen_generate_for_councils (tally_catalog_get_councils (export->catalog), &error);
      if (layout == NULL)
        {
          g_printerr ("tally export: %s\n", error->message);
          return 1;
        }
    }
  else if (g_str_equal (options->map, "boundaries"))
    {
      if (!(boundaries = tally_boundaries_load (export->database, &error)))
        {
          g_printerr ("tally export: %s\n", error->message);
          return 1;
        }
      if (tally_boundaries_get_n_items (boundaries) == 0)
        {
          g_printerr (_("tally export: this database holds no council boundaries "
                        "(import a GeoJSON or TopoJSON file of them first)\n"));
          return 1;
        }
    }
  else
    {
      g_printerr (_("tally export: unknown map “%s” (maps: hexes, boundaries)\n"), options->map);
      return 2;
    }

  /* The map's colours mix into its page, so its data is made for the
   * style it is drawn in. */
  tally_export_options_get_style (&export->export, &style);
  election = tally_results_resolve_election (export->results, export->filter);
  baseline = tally_results_resolve_baseline (export->results, export->filter);
  data = tally_map_data_new_for_results (tally_catalog_get_councils (export->catalog),
                                         election ? tally_results_get_council_results (export->results, election,
                                                                                       baseline)
                                                  : NULL,
                                         export->parties, export->filter, colour_by, party,
                                         export->swing_from, &style);
  /* Results night: councils still declaring are hatched, as the window
   * draws them. */
  if (election != NULL && tally_live_catalog_records_night (export->catalog))
    {
      g_autoptr(TallyLiveNight) night = tally_live_night_new (export->catalog, election, NULL);

      if (night != NULL)
        tally_map_data_mark_night (data, night);
    }

  map.layout = layout;
  map.boundaries = boundaries;
  map.data = data;
  /* A map of some councils shows them, not all England with the rest faded. */
  map.shown.crop_to_scope = !options->whole_map && (options->filter.regions != NULL || options->filter.councils != NULL);
  map.shown.london_inset = options->london_inset;
  tally_export_figure_init_custom (&figure, draw_map_cb, &map, &data->heading);
  {
    char *temp_dir = NULL;
    g_autofree char *target = begin_output (options->output, &temp_dir, &error);
    gboolean written = target != NULL &&
                       tally_export_write (&figure, &export->export, target, export->flags, NULL, &error);

    if (!finish_output (target, temp_dir, written, &error))
      {
        g_printerr ("tally export: %s\n", error->message);
        return 1;
      }
  }

  return 0;
}

/* Tables */

static int
export_csv (Export *export)
{
  Options *options = export->options;
  GListModel *matching = tally_results_get_matching (export->results);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  gboolean candidates, to_stdout;

  if (options->rows != NULL && !g_str_equal (options->rows, "councils") && !g_str_equal (options->rows, "candidates"))
    {
      g_printerr (_("tally export: unknown rows “%s” (rows: councils, candidates)\n"), options->rows);
      return 2;
    }

  /* Candidates where the database has them, unless told. */
  candidates = options->rows == NULL || g_str_equal (options->rows, "candidates");
  if (candidates)
    {
      guint n_candidates = 0;

      if (!(bytes = tally_export_candidates_csv (export->results, matching, &n_candidates, NULL, &error)))
        {
          g_printerr ("tally export: %s\n", error->message);
          return 1;
        }

      if (n_candidates == 0 && options->rows != NULL)
        {
          g_printerr (_("tally export: the database holds no candidates for these councils, only council "
                        "totals (leave out --rows for the council table)\n"));
          return 1;
        }
      if (n_candidates == 0)
        g_clear_pointer (&bytes, g_bytes_unref);
    }

  if (bytes == NULL)
    bytes = tally_export_councils_csv (matching, export->parties, ensure_ranking (export), export->swing_from,
                                       export->swing_to,
                                       export->method);

  to_stdout = options->output == NULL || g_str_equal (options->output, "-");
  if (to_stdout)
    {
      gsize length;
      const char *text = g_bytes_get_data (bytes, &length);

      fwrite (text, 1, length, stdout);
      fflush (stdout);
      return ferror (stdout) ? 1 : 0;
    }

  if (!tally_export_write_bytes (options->output, bytes, export->flags, NULL, &error))
    {
      g_printerr ("tally export: %s\n", error->message);
      return 1;
    }

  g_print ("%s\n", options->output);
  return 0;
}

int
tally_cli_run_export (int    argc,
                      char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autofree char *kinds = list_chart_kinds ();
  g_autofree char *chart_help = g_strdup_printf (_("Draw this chart (%s)"), kinds);
  g_auto(Options) options = { 0 };
  g_auto(Export) export = { 0 };
  TallyChartKind kind = TALLY_CHART_HEMICYCLE;
  guint n_what;
  const GOptionEntry entries[] = {
    { "database", 'd', 0, G_OPTION_ARG_FILENAME, &options.database_path,
      N_("Read FILE instead of your database (or the bundled one before any import)"), N_("FILE") },
    { "chart", 0, 0, G_OPTION_ARG_STRING, &options.chart, chart_help, N_("KIND") },
    { "map", 0, 0, G_OPTION_ARG_STRING, &options.map,
      N_("Draw the map (hexes, boundaries)"), N_("MAP") },
    { "colour-by", 0, 0, G_OPTION_ARG_STRING, &options.colour_by,
      N_("Colour the map by control, change, winner, share, share-change or swing"), N_("COLOURING") },
    { "colour-party", 0, 0, G_OPTION_ARG_STRING, &options.colour_party,
      N_("The party of a share colouring (default: the “to” party of --swing)"), N_("KEY") },
    { "london-inset", 0, 0, G_OPTION_ARG_NONE, &options.london_inset,
      N_("With --map: draw London again, larger, in a box at the top right"), NULL },
    { "whole-map", 0, 0, G_OPTION_ARG_NONE, &options.whole_map,
      N_("With --map and --region or --council: show all England, the rest faded, not just those councils"), NULL },
    { "csv", 0, 0, G_OPTION_ARG_NONE, &options.csv,
      N_("Write the filter’s councils as CSV: its candidates in Tally’s CSV where the database has them"), NULL },
    { "rows", 0, 0, G_OPTION_ARG_STRING, &options.rows,
      N_("With --csv: one row per council, or per candidate (councils, candidates)"), N_("ROWS") },
    { "all", 'a', 0, G_OPTION_ARG_NONE, &options.all,
      N_("One file per matching council, in the folder -o names"), NULL },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &options.output,
      N_("Write FILE (with --all, into the folder DIR)"), N_("FILE") },
    { "format", 'f', 0, G_OPTION_ARG_STRING, &options.format,
      N_("png, svg or pdf (default: from the file’s extension, else png)"), N_("FORMAT") },
    { "size", 0, 0, G_OPTION_ARG_STRING, &options.size,
      N_("web (1200x675, the default), square, wide, a4, a4-landscape, a5, a5-landscape, WxH or WxHmm"),
      N_("SIZE") },
    { "scale", 0, 0, G_OPTION_ARG_DOUBLE, &options.scale,
      N_("Pixels per pixel in a PNG: 1, 2 or 3"), N_("SCALE") },
    { "background", 0, 0, G_OPTION_ARG_STRING, &options.background,
      N_("light (the default), dark or transparent"), N_("BACKGROUND") },
    { "title", 0, 0, G_OPTION_ARG_FILENAME, &options.title,
      N_("Replace the chart’s title"), N_("TEXT") },
    { "subtitle", 0, 0, G_OPTION_ARG_FILENAME, &options.subtitle,
      N_("Replace the chart’s subtitle"), N_("TEXT") },
    { "source", 0, 0, G_OPTION_ARG_FILENAME, &options.source,
      N_("Replace the source line (default: “" TALLY_EXPORT_DEFAULT_SOURCE "”)"), N_("TEXT") },
    { "note", 0, 0, G_OPTION_ARG_FILENAME, &options.note,
      N_("Add a note over the source line"), N_("TEXT") },
    { "no-title", 0, 0, G_OPTION_ARG_NONE, &options.no_title, N_("Leave out the title"), NULL },
    { "no-subtitle", 0, 0, G_OPTION_ARG_NONE, &options.no_subtitle, N_("Leave out the subtitle"), NULL },
    { "no-source", 0, 0, G_OPTION_ARG_NONE, &options.no_source, N_("Leave out the source line"), NULL },
    { "no-legend", 0, 0, G_OPTION_ARG_NONE, &options.no_legend, N_("Leave out the legend"), NULL },
    { "not-up-outline", 0, 0, G_OPTION_ARG_NONE, &options.not_up_outline,
      N_("Draw seats not up this year as outlines in their party’s colour, a pattern for print, not paler"), NULL },
    { "colour-blind", 0, 0, G_OPTION_ARG_NONE, &options.colour_blind,
      N_("Draw parties in the colour-blind-safe palette"), NULL },
    { "method", 'm', 0, G_OPTION_ARG_STRING, &options.method,
      N_("Vote shares by the total-vote or top-vote method (total, top)"), N_("METHOD") },
    { "swing", 0, 0, G_OPTION_ARG_STRING, &options.swing,
      N_("Butler swing between these two parties (default: CON,LAB)"), N_("FROM,TO") },
    { "force", 0, 0, G_OPTION_ARG_NONE, &options.force,
      N_("Replace files that already exist"), NULL },
    { NULL }
  };

  context = g_option_context_new (NULL);
  g_option_context_set_summary (context, _("Write a chart or the map as PNG, SVG or PDF, or the councils as CSV, "
                                           "for the councils a filter matches"));
  g_option_context_set_main_group (context, tally_cli_filter_options_get_group (&options.filter, "o"));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!g_option_context_parse (context, &argc, &argv, &error) || argc > 1)
    {
      g_printerr ("tally export: %s\n", error ? error->message : _("unexpected argument"));
      return 2;
    }

  n_what = (options.chart != NULL) + (options.map != NULL) + (options.csv != FALSE);
  if (n_what != 1)
    {
      g_printerr (_("tally export: say what to export: --chart KIND, --map MAP or --csv (one of them)\n"));
      return 2;
    }
  if (options.chart != NULL && !tally_chart_kind_from_string (options.chart, &kind))
    {
      g_printerr (_("tally export: unknown chart “%s” (charts: %s)\n"), options.chart, kinds);
      return 2;
    }
  if (!options.csv && options.output == NULL)
    {
      g_printerr (_("tally export: say where to write it: -o FILE (with --all, -o FOLDER)\n"));
      return 2;
    }

  export.options = &options;
  if (!read_file_options (&export, &error))
    {
      g_printerr ("tally export: %s\n", error->message);
      return 2;
    }

  path = options.database_path ? g_strdup (options.database_path) : tally_database_get_current_path ();
  if (!(export.database = tally_database_open (path, TALLY_DATABASE_OPEN_READ_ONLY, &error)) ||
      !(export.catalog = tally_catalog_new (export.database, &error)) ||
      !(export.results = tally_results_new (export.catalog, &error)))
    {
      g_printerr ("tally export: %s\n", error->message);
      return 1;
    }

  export.parties = tally_catalog_get_parties (export.catalog);
  export.filter = tally_filter_new ();
  if (!tally_cli_filter_options_apply (&options.filter, export.catalog, export.filter, &error) ||
      !tally_cli_parse_method_and_swing (export.catalog, options.method, options.swing, &export.method,
                                         &export.swing_from, &export.swing_to, &error))
    {
      g_printerr ("tally export: %s\n", error->message);
      return 2;
    }
  if (!tally_results_prepare (export.results, export.filter, &error))
    {
      g_printerr ("tally export: %s\n", error->message);
      return 1;
    }
  tally_results_set_filter (export.results, export.filter);

  if (options.csv)
    return export_csv (&export);
  if (options.map != NULL)
    return export_map (&export);
  return export_chart (&export, kind);
}
