/* tally-export-dialog-subject.c: what an export or a copy draws (the
 * chart of a chart view or the map of a map view, as a figure for
 * tally_export_paint()) and the choices remembered from the last export.
 *
 * The map is drawn by tally_map_draw(), from data made for the export's
 * style: its pale colours are mixed into the page, so a dark export gets
 * its own data, not the window's.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "tally-catalog.h"
#include "tally-export-dialog-private.h"
#include "tally-map-data.h"
#include "tally-map-draw.h"
#include "tally-results.h"

/* Subjects */

void
_tally_export_subject_clear (TallyExportSubject *subject)
{
  g_clear_object (&subject->chart_view);
  g_clear_object (&subject->map_view);
  g_clear_pointer (&subject->map_data, tally_map_data_unref);
}

static gboolean
same_rgb (TallyChartRgb a,
          TallyChartRgb b)
{
  return a.red == b.red && a.green == b.green && a.blue == b.blue;
}

/* The map's data for @style, made again only when the page or the
 * palette changes. */
static const TallyMapData *
subject_get_map_data (TallyExportSubject    *subject,
                      const TallyChartStyle *style)
{
  TallyResults *results = tally_map_view_get_results (subject->map_view);
  TallyCatalog *catalog;
  TallyFilter *filter;
  TallyElection *election;
  GListModel *council_results = NULL;

  if (subject->map_data != NULL && same_rgb (subject->map_page, style->page) &&
      subject->map_safe == style->colour_blind_safe)
    return subject->map_data;

  g_clear_pointer (&subject->map_data, tally_map_data_unref);
  if (results == NULL)
    return NULL;

  catalog = tally_results_get_catalog (results);
  filter = tally_results_get_filter (results);
  election = filter ? tally_results_resolve_election (results, filter) : NULL;
  if (election != NULL)
    council_results = tally_results_get_council_results (results, election,
                                                         tally_results_resolve_baseline (results, filter));

  subject->map_data = tally_map_data_new_for_results (tally_catalog_get_councils (catalog), council_results,
                                                      tally_catalog_get_parties (catalog), filter,
                                                      tally_map_view_get_colour_by (subject->map_view),
                                                      tally_map_view_get_party (subject->map_view),
                                                      tally_map_view_get_swing_from (subject->map_view),
                                                      style);
  /* Results night: exported as seen, undeclared councils hatched. */
  if (tally_map_view_get_night (subject->map_view) != NULL)
    tally_map_data_mark_night (subject->map_data, tally_map_view_get_night (subject->map_view));
  subject->map_page = style->page;
  subject->map_safe = style->colour_blind_safe;
  return subject->map_data;
}

static void
draw_map_cb (cairo_t               *cr,
             double                 width,
             double                 height,
             const TallyChartStyle *style,
             gpointer               user_data)
{
  TallyExportSubject *subject = user_data;
  const TallyMapData *data = subject_get_map_data (subject, style);
  gboolean hexes = tally_map_view_get_mode (subject->map_view) == TALLY_MAP_MODE_HEXES;
  TallyMapFigureOptions shown = { .labels = TRUE, .london_inset = subject->london_inset };

  if (data == NULL)
    return;

  /* What the window shows: zoomed to London, the file shows London. */
  shown.has_extent = tally_map_view_get_visible_extent (subject->map_view, shown.extent);
  tally_map_draw_figure (cr, width, height,
                         hexes ? tally_map_view_get_hex_layout (subject->map_view) : NULL,
                         hexes ? NULL : tally_map_view_get_boundaries (subject->map_view),
                         data, style, NULL, &shown);
}

/* Fills @figure for @options; %FALSE when there is nothing to draw. */
gboolean
_tally_export_subject_get_figure (TallyExportSubject       *subject,
                                  const TallyExportOptions *options,
                                  TallyExportFigure        *figure)
{
  if (subject->chart_view != NULL)
    {
      gconstpointer data = tally_chart_view_get_data (subject->chart_view);

      if (data == NULL)
        return FALSE;
      tally_export_figure_init_chart (figure, tally_chart_view_get_kind (subject->chart_view), data);
      return TRUE;
    }

  if (subject->map_view != NULL)
    {
      TallyChartStyle style;
      const TallyMapData *data;
      gboolean hexes = tally_map_view_get_mode (subject->map_view) == TALLY_MAP_MODE_HEXES;

      if ((hexes ? (gpointer) tally_map_view_get_hex_layout (subject->map_view)
                 : (gpointer) tally_map_view_get_boundaries (subject->map_view)) == NULL)
        return FALSE;

      tally_export_options_get_style (options, &style);
      if ((data = subject_get_map_data (subject, &style)) == NULL)
        return FALSE;
      tally_export_figure_init_custom (figure, draw_map_cb, subject, &data->heading);
      return TRUE;
    }

  return FALSE;
}

/* The name a file chooser suggests: "trafford-hemicycle.png". */
char *
_tally_export_subject_suggest_name (TallyExportSubject       *subject,
                                    const TallyExportOptions *options)
{
  TallyExportFigure figure;
  const TallyChartHeading *heading;
  g_autofree char *name = NULL;
  const char *what;

  if (!_tally_export_subject_get_figure (subject, options, &figure))
    return tally_export_make_file_name (NULL, "chart", options->format);

  heading = tally_export_figure_get_heading (&figure);
  what = subject->chart_view ? tally_chart_kind_to_string (tally_chart_view_get_kind (subject->chart_view))
                             : tally_map_colour_by_to_string (tally_map_view_get_colour_by (subject->map_view));
  name = g_strdup_printf ("%s %s%s", heading && heading->title ? heading->title : "",
                          subject->map_view ? "map " : "", what);
  return tally_export_make_file_name (NULL, name, options->format);
}

gboolean
_tally_export_subject_get_colour_blind_safe (TallyExportSubject *subject)
{
  if (subject->chart_view != NULL)
    return tally_chart_view_get_colour_blind_safe (subject->chart_view);
  if (subject->map_view != NULL)
    return tally_map_view_get_colour_blind_safe (subject->map_view);
  return FALSE;
}

/* Settings */

/* The app's settings, or %NULL where its schema is not installed. */
GSettings *
_tally_export_settings_new (void)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;

  if (source == NULL || !(schema = g_settings_schema_source_lookup (source, APPLICATION_ID, TRUE)) ||
      !g_settings_schema_has_key (schema, "export-format"))
    return NULL;

  return g_settings_new (APPLICATION_ID);
}

/* The remembered choices, over the house defaults. */
void
_tally_export_options_load (TallyExportOptions  *options,
                            GSettings           *settings,
                            char               **source)
{
  g_autofree char *format = NULL;
  g_autofree char *size = NULL;
  g_autofree char *unit = NULL;
  g_autofree char *background = NULL;
  TallyExportPreset preset;

  tally_export_options_init (options);
  *source = g_strdup (options->source);
  if (settings == NULL)
    return;

  format = g_settings_get_string (settings, "export-format");
  tally_export_format_from_string (format, &options->format);

  size = g_settings_get_string (settings, "export-size");
  if (tally_export_preset_from_string (size, &preset))
    tally_export_options_set_preset (options, preset);
  if (options->preset == TALLY_EXPORT_PRESET_CUSTOM)
    {
      unit = g_settings_get_string (settings, "export-custom-unit");
      options->unit = g_strcmp0 (unit, "mm") == 0 ? TALLY_EXPORT_UNIT_MM : TALLY_EXPORT_UNIT_PX;
      options->width = g_settings_get_double (settings, "export-custom-width");
      options->height = g_settings_get_double (settings, "export-custom-height");
    }

  options->scale = CLAMP (g_settings_get_int (settings, "export-scale"), 1, 3);
  background = g_settings_get_string (settings, "export-background");
  tally_export_background_from_string (background, &options->background);
  options->show_legend = g_settings_get_boolean (settings, "export-legend");
  options->not_up_outline = g_settings_get_boolean (settings, "export-not-up-outline");

  g_free (*source);
  *source = g_settings_get_string (settings, "export-source");
}

void
_tally_export_options_save (const TallyExportOptions *options,
                            GSettings                *settings)
{
  if (settings == NULL)
    return;

  g_settings_set_string (settings, "export-format", tally_export_format_to_string (options->format));
  g_settings_set_string (settings, "export-size", tally_export_preset_to_string (options->preset));
  if (options->preset == TALLY_EXPORT_PRESET_CUSTOM)
    {
      g_settings_set_string (settings, "export-custom-unit", options->unit == TALLY_EXPORT_UNIT_MM ? "mm" : "px");
      g_settings_set_double (settings, "export-custom-width", options->width);
      g_settings_set_double (settings, "export-custom-height", options->height);
    }
  g_settings_set_int (settings, "export-scale", (int) options->scale);
  g_settings_set_string (settings, "export-background", tally_export_background_to_string (options->background));
  g_settings_set_boolean (settings, "export-legend", options->show_legend);
  g_settings_set_boolean (settings, "export-not-up-outline", options->not_up_outline);
  g_settings_set_string (settings, "export-source", options->source ? options->source : "");
}

/* Whether the last map exported had its London inset. */
gboolean
_tally_export_london_inset_load (void)
{
  g_autoptr(GSettings) settings = _tally_export_settings_new ();

  return settings != NULL && g_settings_get_boolean (settings, "export-london-inset");
}

/* Headings remembered per kind of chart.  The source line and the note
 * are a desk's own and go with every chart of a kind; a title or subtitle
 * belongs to its chart, so it comes back only where the chart's own
 * heading is the one it replaced (Trafford's hemicycle, not Bolton's). */

const char *
_tally_export_subject_get_kind (TallyExportSubject *subject)
{
  if (subject->chart_view != NULL)
    return tally_chart_kind_to_string (tally_chart_view_get_kind (subject->chart_view));
  return "map";
}

static GVariant *
lookup_headings (GSettings  *settings,
                 const char *kind)
{
  g_autoptr(GVariant) all = g_settings_get_value (settings, "export-headings");

  return g_variant_lookup_value (all, kind, G_VARIANT_TYPE ("a{ss}"));
}

static void
take_remembered (GVariant    *headings,
                 const char  *field,
                 const char  *own,
                 char       **text)
{
  g_autofree char *default_field = g_strdup_printf ("%s-default", field);
  const char *remembered = NULL, *replaced = NULL;

  if (headings == NULL || !g_variant_lookup (headings, field, "&s", &remembered))
    return;
  /* A title or subtitle: only over the heading it replaced. */
  if (own != NULL)
    {
      g_variant_lookup (headings, default_field, "&s", &replaced);
      if (g_strcmp0 (own, replaced ? replaced : "") != 0)
        return;
    }

  g_free (*text);
  *text = g_strdup (remembered);
}

void
_tally_export_headings_load (GSettings    *settings,
                             const char   *kind,
                             const char   *own_title,
                             const char   *own_subtitle,
                             char        **title,
                             char        **subtitle,
                             char        **source,
                             char        **note)
{
  g_autoptr(GVariant) headings = NULL;

  if (settings == NULL || !(headings = lookup_headings (settings, kind)))
    return;

  take_remembered (headings, "title", own_title ? own_title : "", title);
  take_remembered (headings, "subtitle", own_subtitle ? own_subtitle : "", subtitle);
  take_remembered (headings, "source", NULL, source);
  take_remembered (headings, "note", NULL, note);
}

void
_tally_export_headings_save (GSettings  *settings,
                             const char *kind,
                             const char *own_title,
                             const char *own_subtitle,
                             const char *title,
                             const char *subtitle,
                             const char *source,
                             const char *note)
{
  g_autoptr(GVariant) all = NULL;
  GVariantBuilder builder, fields;
  GVariantIter iter;
  const char *key;
  GVariant *value;

  if (settings == NULL)
    return;

  g_variant_builder_init (&fields, G_VARIANT_TYPE ("a{ss}"));
  /* What differs from the chart's own: kept, with what it replaced. */
  if (g_strcmp0 (title ? title : "", own_title ? own_title : "") != 0)
    {
      g_variant_builder_add (&fields, "{ss}", "title", title ? title : "");
      g_variant_builder_add (&fields, "{ss}", "title-default", own_title ? own_title : "");
    }
  if (g_strcmp0 (subtitle ? subtitle : "", own_subtitle ? own_subtitle : "") != 0)
    {
      g_variant_builder_add (&fields, "{ss}", "subtitle", subtitle ? subtitle : "");
      g_variant_builder_add (&fields, "{ss}", "subtitle-default", own_subtitle ? own_subtitle : "");
    }
  g_variant_builder_add (&fields, "{ss}", "source", source ? source : "");
  if (note != NULL && *note != '\0')
    g_variant_builder_add (&fields, "{ss}", "note", note);

  g_variant_builder_init (&builder, G_VARIANT_TYPE ("a{sa{ss}}"));
  all = g_settings_get_value (settings, "export-headings");
  g_variant_iter_init (&iter, all);
  while (g_variant_iter_next (&iter, "{&s@a{ss}}", &key, &value))
    {
      if (!g_str_equal (key, kind))
        g_variant_builder_add (&builder, "{s@a{ss}}", key, value);
      g_variant_unref (value);
    }
  g_variant_builder_add (&builder, "{sa{ss}}", kind, &fields);
  g_settings_set_value (settings, "export-headings", g_variant_builder_end (&builder));
}

/* What a print or a copy says: the headings remembered for @subject's
 * kind of chart over its own, into @options; the strings go in @texts
 * (title, subtitle, note; the source is in @source already), freed by the
 * caller. */
void
_tally_export_subject_apply_headings (TallyExportSubject *subject,
                                      GSettings          *settings,
                                      TallyExportOptions *options,
                                      char              **source,
                                      char              **texts)
{
  TallyExportFigure figure;
  const TallyChartHeading *heading = NULL;

  if (_tally_export_subject_get_figure (subject, options, &figure))
    heading = tally_export_figure_get_heading (&figure);
  texts[0] = g_strdup (heading ? heading->title : NULL);
  texts[1] = g_strdup (heading ? heading->subtitle : NULL);
  texts[2] = NULL;
  _tally_export_headings_load (settings, _tally_export_subject_get_kind (subject), heading ? heading->title : NULL,
                               heading ? heading->subtitle : NULL, &texts[0], &texts[1], source, &texts[2]);
  options->title = texts[0];
  options->subtitle = texts[1];
  options->source = *source;
  options->note = texts[2];
}
