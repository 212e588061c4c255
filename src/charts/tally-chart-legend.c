/* tally-chart-legend.c: the legend of the seat charts, "● Lab 30 +5",
 * flowed into centred lines, so that no fact depends on colour alone; on
 * a tall page, a party table instead.  Both list the parties in results
 * order (most seats first, Others last), as every other view does; the
 * ring itself keeps the left-to-right spectrum.
 *
 * A tall page is filled by layout, never by type: the table's rows spread
 * out to take the height the hemicycle leaves, in the legend's own type
 * (smaller than the subtitle), as a results page's table of parties is
 * set: names left, a bar a party, and figures right-aligned in columns of
 * tabular numerals under their heads.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include "tally-chart-legend-private.h"

/* The width of the key's two seats, in swatches (they overlap a little). */
#define SEAT_KIND_SWATCHES 1.95

static char *
rgb_to_hex (TallyChartRgb colour)
{
  return g_strdup_printf ("#%02x%02x%02x",
                          (guint) CLAMP (colour.red * 255 + 0.5, 0, 255),
                          (guint) CLAMP (colour.green * 255 + 0.5, 0, 255),
                          (guint) CLAMP (colour.blue * 255 + 0.5, 0, 255));
}

/**
 * _tally_chart_seat_legend_new:
 * @max_width: the width lines may take
 * @height: (out): the legend's height
 *
 * Returns: (transfer full): #TallyChartLegendItem, one per party with
 *   seats, placed relative to the legend's top-left corner
 */
/* Results order, as a results table lists a council's parties: most seats
 * first, Others (many parties counted as one) last whatever its size; at
 * the same size, in the ring's order. */
static int
compare_entries (const TallySeatChartData *data,
                 guint                     a,
                 guint                     b)
{
  const TallySeatChartEntry *x = &data->entries[a];
  const TallySeatChartEntry *y = &data->entries[b];

  if (x->party.aggregate != y->party.aggregate)
    return x->party.aggregate ? 1 : -1;
  if (x->seats != y->seats)
    return x->seats > y->seats ? -1 : 1;
  return a < b ? -1 : a > b;
}

static int
compare_indices (gconstpointer a,
                 gconstpointer b,
                 gpointer      data)
{
  return compare_entries (data, *(const guint *) a, *(const guint *) b);
}

GArray *
_tally_chart_seat_legend_new (const TallyChartStyle    *style,
                              const TallySeatChartData *data,
                              double                    max_width,
                              double                   *height)
{
  GArray *items = g_array_new (FALSE, TRUE, sizeof (TallyChartLegendItem));
  g_autofree char *secondary = rgb_to_hex (style->ink_secondary);
  double swatch = _tally_chart_px (style, 12);
  double swatch_gap = _tally_chart_px (style, 6);
  double item_gap = _tally_chart_px (style, 20);
  double line_gap = _tally_chart_px (style, 6);
  double x = 0, y = 0, line_height = 0;
  guint line_start = 0;
  g_autoptr(GArray) order = g_array_sized_new (FALSE, FALSE, sizeof (guint), data->n_entries);

  /* In results order, as the table is; the ring keeps the spectrum. */
  for (guint i = 0; i < data->n_entries; i++)
    g_array_append_val (order, i);
  g_array_sort_with_data (order, compare_indices, (gpointer) data);

  for (guint k = 0; k < order->len; k++)
    {
      guint i = g_array_index (order, guint, k);
      const TallySeatChartEntry *entry = &data->entries[i];
      g_autofree char *count = _tally_chart_format_count (entry->seats);
      g_autofree char *markup = NULL;
      TallyChartLegendItem item = { 0 };
      double text_width, text_height, item_width;

      if (entry->seats == 0 && !(data->has_change && entry->change != 0))
        continue;

      if (data->has_change)
        {
          g_autofree char *change = _tally_chart_format_change (entry->change);

          markup = g_markup_printf_escaped ("<b>%s</b> %s <span foreground='%s'>%s</span>",
                                            entry->party.short_name, count, secondary, change);
        }
      else
        {
          markup = g_markup_printf_escaped ("<b>%s</b> %s", entry->party.short_name, count);
        }

      item.label = _tally_chart_markup_new (style, TALLY_CHART_FONT_LABEL, markup);
      item.item = i;
      _tally_chart_text_size (item.label, &text_width, &text_height);
      item_width = swatch + swatch_gap + text_width;

      if (x > 0 && x + item_width > max_width)
        {
          /* Centre the finished line. */
          double shift = (max_width - (x - item_gap)) / 2;

          for (guint j = line_start; j < items->len; j++)
            g_array_index (items, TallyChartLegendItem, j).rect.x += shift;
          line_start = items->len;
          x = 0;
          y += line_height + line_gap;
          line_height = 0;
        }

      item.rect = (TallyChartRect) { x, y, item_width, text_height };
      line_height = MAX (line_height, text_height);
      x += item_width + item_gap;
      g_array_append_val (items, item);
    }

  if (items->len > line_start)
    {
      double shift = (max_width - (x - item_gap)) / 2;

      for (guint j = line_start; j < items->len; j++)
        g_array_index (items, TallyChartLegendItem, j).rect.x += MAX (shift, 0);
    }

  *height = items->len > 0 ? y + line_height : 0;
  return items;
}

/**
 * _tally_chart_seat_legend_paint:
 * @round: circles for the hemicycle, squares for the waffle
 * @highlight: the item hovered or focused, or -1
 */
/* A legend's swatch, centred on (@centre_x, @centre_y).  In an SVG export
 * it is a <circle> or <rect> of the recorder's, as the ring's seats and the
 * party table's swatches are (an editor recolours them alike, and cairo's
 * SVG writer spends as long on one small path as on a whole chart's text);
 * elsewhere a path, drawn as it always was. */
static void
paint_swatch (cairo_t               *cr,
              const TallyChartStyle *style,
              TallyChartStampShape   shape,
              double                 size,
              double                 corner,
              double                 line_width,
              TallyChartRgb          colour,
              double                 alpha,
              double                 centre_x,
              double                 centre_y)
{
  gboolean outline = shape == TALLY_CHART_STAMP_RING || shape == TALLY_CHART_STAMP_SQUARE_OUTLINE;
  double inset = outline ? line_width / 2 : 0;
  TallyChartRgb on_page;
  double on_alpha;

  _tally_chart_on_page (style, colour, alpha, &on_page, &on_alpha);
  if (_tally_chart_svg_recorder (cr) != NULL)
    {
      TallyChartStamp stamp;

      _tally_chart_stamp_init (&stamp, cr, shape, size, corner, line_width, on_page, on_alpha);
      _tally_chart_stamp_paint (cr, &stamp, centre_x, centre_y);
      _tally_chart_stamp_clear (&stamp);
      return;
    }

  _tally_chart_set_rgb (cr, on_page, on_alpha);
  if (shape == TALLY_CHART_STAMP_DISC || shape == TALLY_CHART_STAMP_RING)
    cairo_arc (cr, centre_x, centre_y, size / 2 - inset, 0, 2 * G_PI);
  else if (corner > 0)
    _tally_chart_rounded_rect (cr, centre_x - size / 2 + inset, centre_y - size / 2 + inset, size - 2 * inset,
                               size - 2 * inset, corner);
  else
    cairo_rectangle (cr, centre_x - size / 2 + inset, centre_y - size / 2 + inset, size - 2 * inset,
                     size - 2 * inset);
  if (outline)
    {
      cairo_set_line_width (cr, line_width);
      cairo_stroke (cr);
    }
  else
    cairo_fill (cr);
}

void
_tally_chart_seat_legend_paint (cairo_t                  *cr,
                                GArray                   *items,
                                double                    x,
                                double                    y,
                                const TallySeatChartData *data,
                                const TallyChartStyle    *style,
                                gboolean                  round,
                                int                       highlight)
{
  double swatch = _tally_chart_px (style, 12);
  double swatch_gap = _tally_chart_px (style, 6);

  for (guint i = 0; i < items->len; i++)
    {
      const TallyChartLegendItem *item = &g_array_index (items, TallyChartLegendItem, i);
      TallyChartRgb colour = tally_chart_party_rgb (&data->entries[item->item].party, style);
      double alpha = highlight < 0 || (guint) highlight == item->item ? 1.0 : 0.35;
      double left = x + item->rect.x;
      double top = y + item->rect.y;
      double middle = top + _tally_chart_text_baseline (item->label) - swatch * 0.42;

      paint_swatch (cr, style, round ? TALLY_CHART_STAMP_DISC : TALLY_CHART_STAMP_SQUARE, swatch,
                    round ? 0 : swatch * 0.15, 0, colour, alpha, left + swatch / 2, middle);

      _tally_chart_text_paint (cr, item->label, left + swatch + swatch_gap, top, style->ink, alpha);
    }
}

/**
 * _tally_chart_seats_up_note_new:
 *
 * Returns: (transfer full) (nullable): "●● Elected 3 May 2018  ●● Not up in
 *   2018  Seats held; change: seats won vs the same seats in 2014": the
 *   kinds of seat, for charts that draw the seats up distinct, and what the
 *   legend's numbers are, or %NULL
 */
GArray *
_tally_chart_seats_up_note_new (const TallyChartStyle    *style,
                                const TallySeatChartData *data,
                                double                    max_width,
                                double                   *height)
{
  GArray *items;
  const char *labels[3] = { NULL, NULL, data->figures_label };
  double swatch = _tally_chart_px (style, 10);
  double gap = _tally_chart_px (style, 5);
  double item_gap = _tally_chart_px (style, 18);
  double x = 0, line_height = 0;

  *height = 0;
  if (!data->has_seats_up && data->figures_label == NULL)
    return NULL;

  if (data->has_seats_up)
    {
      labels[0] = data->seats_up_label ? data->seats_up_label : "Elected this year";
      labels[1] = data->not_up_label ? data->not_up_label : "Not up this year";
    }
  items = g_array_new (FALSE, TRUE, sizeof (TallyChartLegendItem));

  /* The kinds of seat on one line, or one a line where that is too narrow. */
  {
    double y = 0, height_of_line = 0;
    guint line_start = 0;

    for (guint i = 0; i < 2; i++)
      {
        TallyChartLegendItem item = { 0 };
        double text_width, text_height;

        if (labels[i] == NULL)
          continue;
        item.label = _tally_chart_text_shared (style, TALLY_CHART_FONT_SMALL, labels[i], -1, PANGO_ALIGN_LEFT);
        item.item = i;
        _tally_chart_text_size (item.label, &text_width, &text_height);
        item.rect = (TallyChartRect) { x, y, SEAT_KIND_SWATCHES * swatch + gap + text_width, text_height };
        if (x > 0 && x + item.rect.width > max_width)
          {
            for (guint j = line_start; j < items->len; j++)
              g_array_index (items, TallyChartLegendItem, j).rect.x += MAX ((max_width - (x - item_gap)) / 2, 0);
            line_start = items->len;
            y += height_of_line;
            x = 0;
            height_of_line = 0;
            item.rect.x = 0;
            item.rect.y = y;
          }
        x += item.rect.width + item_gap;
        height_of_line = MAX (height_of_line, text_height);
        g_array_append_val (items, item);
      }
    for (guint j = line_start; j < items->len; j++)
      g_array_index (items, TallyChartLegendItem, j).rect.x += MAX ((max_width - (x - item_gap)) / 2, 0);
    line_height = y + height_of_line;
  }

  /* What the numbers are, on a line of its own, with no swatch. */
  if (labels[2] != NULL)
    {
      TallyChartLegendItem item = { 0 };
      double text_width, text_height, y = line_height > 0 ? line_height + _tally_chart_px (style, 3) : 0;

      item.label = _tally_chart_text_shared (style, TALLY_CHART_FONT_SMALL, labels[2], max_width, PANGO_ALIGN_CENTER);
      item.item = 2;
      _tally_chart_text_size (item.label, &text_width, &text_height);
      item.rect = (TallyChartRect) { 0, y, max_width, text_height };
      line_height = y + text_height;
      g_array_append_val (items, item);
    }

  *height = line_height;
  return items;
}

/* CIE L*, 0 to 100: the lightness a greyscale print keeps of a colour. */
double
_tally_chart_lightness (TallyChartRgb colour)
{
  double y = tally_chart_rgb_luminance (colour);

  return y > 216.0 / 24389 ? 116 * cbrt (y) - 16 : y * 24389.0 / 27;
}

double
_tally_chart_not_up_alpha (const TallyChartStyle *style,
                           TallyChartRgb          colour)
{
  double target, low = 0.15, high = 0.7;

  if (style->background == TALLY_CHART_BACKGROUND_TRANSPARENT)
    return _TALLY_CHART_NOT_UP_ALPHA;

  /* Lightness falls (or rises) steadily from the page to the colour, so
   * a bisection finds the mix that lands midway. */
  target = (_tally_chart_lightness (colour) + _tally_chart_lightness (style->page)) / 2;
  for (guint i = 0; i < 24; i++)
    {
      double middle = (low + high) / 2;
      double lightness = _tally_chart_lightness (tally_chart_rgb_mix (style->page, colour, middle));
      gboolean too_near_page = style->dark ? lightness < target : lightness > target;

      if (too_near_page)
        low = middle;
      else
        high = middle;
    }
  return (low + high) / 2;
}

/* The key's swatch: the two largest parties' seats side by side, solid or
 * as seats not up are drawn, so it reads as a kind of seat, never as a
 * grey party (Others, no overall control). */
static void
paint_seat_kind_swatch (cairo_t                  *cr,
                        const TallySeatChartData *data,
                        const TallyChartStyle    *style,
                        gboolean                  not_up,
                        gboolean                  round,
                        double                    left,
                        double                    middle,
                        double                    swatch)
{
  guint n = 0;

  for (guint i = 0; i < data->n_entries && n < 2; i++)
    {
      TallyChartRgb colour = tally_chart_party_rgb (&data->entries[i].party, style);
      double x = left + n * swatch * 0.95;
      gboolean outline = not_up && style->not_up_outline;

      if (data->entries[i].seats == 0)
        continue;

      if (outline)
        paint_swatch (cr, style, round ? TALLY_CHART_STAMP_RING : TALLY_CHART_STAMP_SQUARE_OUTLINE, swatch, 0,
                      swatch * (round ? 0.25 : 0.24), colour, 1.0, x + swatch / 2, middle);
      else
        paint_swatch (cr, style, round ? TALLY_CHART_STAMP_DISC : TALLY_CHART_STAMP_SQUARE, swatch, 0, 0, colour,
                      not_up ? _tally_chart_not_up_alpha (style, colour) : 1.0, x + swatch / 2, middle);
      n++;
    }
}

void
_tally_chart_seats_up_note_paint (cairo_t                  *cr,
                                  GArray                   *items,
                                  double                    x,
                                  double                    y,
                                  const TallySeatChartData *data,
                                  const TallyChartStyle    *style,
                                  gboolean                  round)
{
  double swatch = _tally_chart_px (style, 10);
  double gap = _tally_chart_px (style, 5);

  if (items == NULL)
    return;

  for (guint i = 0; i < items->len; i++)
    {
      const TallyChartLegendItem *item = &g_array_index (items, TallyChartLegendItem, i);
      double left = x + item->rect.x;
      double top = y + item->rect.y;
      double middle = top + _tally_chart_text_baseline (item->label) - swatch * 0.4;

      if (item->item == 2)
        {
          _tally_chart_text_paint (cr, item->label, left, top, style->ink_secondary, 1);
          continue;
        }
      paint_seat_kind_swatch (cr, data, style, item->item != 0, round, left, middle, swatch);
      _tally_chart_text_paint (cr, item->label, left + SEAT_KIND_SWATCHES * swatch + gap, top, style->ink_secondary, 1);
    }
}

/* The party table */

/* Numbers as SVG reads them: "12.5", not "12.500000" or "12,5". */
static void
append_number (GString    *out,
               const char *name,
               double      value)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];
  char *end;

  g_ascii_formatd (buffer, sizeof buffer, "%.2f", fabs (value) < 0.005 ? 0 : value);
  end = buffer + strlen (buffer) - 1;
  while (*end == '0')
    *end-- = '\0';
  if (*end == '.')
    *end = '\0';
  g_string_append_printf (out, " %s=\"%s\"", name, buffer);
}

/* A bar, filled, or outlined with @line_width.  In an SVG export it is a
 * <rect> of its own, with the seats' circles and the text, a fifth of the
 * bytes of cairo's path for it and a shape an editor can resize. */
static void
paint_bar (cairo_t               *cr,
           const TallyChartStyle *style,
           double                 x,
           double                 y,
           double                 width,
           double                 height,
           TallyChartRgb          colour,
           double                 alpha,
           double                 line_width)
{
  GString *svg = _tally_chart_svg_recorder (cr);
  cairo_matrix_t matrix;

  x += line_width / 2;
  y += line_width / 2;
  width -= line_width;
  height -= line_width;
  cairo_get_matrix (cr, &matrix);
  if (svg != NULL && matrix.xy == 0 && matrix.yx == 0 && matrix.xx == matrix.yy && matrix.xx > 0)
    {
      TallyChartRgb on_page;
      double on_alpha;

      _tally_chart_on_page (style, colour, alpha, &on_page, &on_alpha);
      cairo_user_to_device (cr, &x, &y);
      g_string_append (svg, "<rect");
      append_number (svg, "x", x);
      append_number (svg, "y", y);
      append_number (svg, "width", width * matrix.xx);
      append_number (svg, "height", height * matrix.xx);
      g_string_append_printf (svg, " %s=\"#%02x%02x%02x\"", line_width > 0 ? "fill=\"none\" stroke" : "fill",
                              (guint) round (CLAMP (on_page.red, 0, 1) * 255),
                              (guint) round (CLAMP (on_page.green, 0, 1) * 255),
                              (guint) round (CLAMP (on_page.blue, 0, 1) * 255));
      if (on_alpha < 0.995)
        append_number (svg, line_width > 0 ? "stroke-opacity" : "fill-opacity", on_alpha);
      if (line_width > 0)
        append_number (svg, "stroke-width", line_width * matrix.xx);
      g_string_append (svg, "/>\n");
      return;
    }

  _tally_chart_set_rgb_on_page (cr, style, colour, alpha);
  cairo_rectangle (cr, x, y, width, height);
  if (line_width > 0)
    {
      cairo_set_line_width (cr, line_width);
      cairo_stroke (cr);
    }
  else
    cairo_fill (cr);
}

static int
compare_rows (gconstpointer a,
              gconstpointer b,
              gpointer      user_data)
{
  return compare_entries (user_data, ((const TallyChartTableRow *) a)->item, ((const TallyChartTableRow *) b)->item);
}

static gboolean
in_legend (const TallySeatChartData  *data,
           const TallySeatChartEntry *entry)
{
  return entry->seats > 0 || (data->has_change && entry->change != 0);
}

/* The widths of the table's fixed parts, beside the bar. */
static double
table_left_width (const TallyChartSeatTable *table,
                  const TallyChartStyle     *style)
{
  return _tally_chart_px (style, 12) + _tally_chart_px (style, 8) + table->name_width + _tally_chart_px (style, 14);
}

static double
table_right_width (const TallyChartSeatTable *table,
                   const TallyChartStyle     *style)
{
  double gap = _tally_chart_px (style, 14);

  return gap + table->seats_width + (table->change_head ? 1.5 * gap + table->change_width : 0);
}

/* The rows' type: the legend's, at the subtitle's size, never larger. */
static TallyChartStyle
row_style_of (const TallyChartStyle *style)
{
  TallyChartStyle row_style = *style;

  row_style.scale = _tally_chart_px (style, 1) * 14.0 / 13.0;
  return row_style;
}

/**
 * _tally_chart_seat_table_shortest:
 *
 * Returns: how tall _tally_chart_seat_table_new()'s table is at its
 *   shortest, from two lines of type and the number of rows, without
 *   laying out every row: a landscape page has no room for the table, and
 *   the hemicycle asks this before it builds one (a fifth of the
 *   150-council batch's work was tables built to be thrown away).  Never
 *   more than the table's own height: its lines are at least as tall as
 *   the one measured here.
 */
double
_tally_chart_seat_table_shortest (const TallyChartStyle    *style,
                                  const TallySeatChartData *data)
{
  TallyChartStyle row_style = row_style_of (style);
  g_autoptr(PangoLayout) line = NULL;
  g_autoptr(PangoLayout) head = NULL;
  guint rows = 0;

  for (guint i = 0; i < data->n_entries; i++)
    if (in_legend (data, &data->entries[i]))
      rows++;
  if (rows == 0)
    return 0;

  line = _tally_chart_text_new (&row_style, TALLY_CHART_FONT_LABEL_BOLD, "0");
  head = _tally_chart_text_new (style, TALLY_CHART_FONT_SMALL, "Seats");
  return _tally_chart_text_height (head) + _tally_chart_px (style, 6) +
         rows * (_tally_chart_text_height (line) + _tally_chart_px (style, 12));
}

/**
 * _tally_chart_seat_table_new:
 * @max_width: the widest the table may be
 *
 * Returns: (transfer full) (nullable): the table, at its shortest (rows
 *   as close as they read well), or %NULL where there is no party to show
 *   or no room beside the names and figures for bars worth reading
 */
TallyChartSeatTable *
_tally_chart_seat_table_new (const TallyChartStyle    *style,
                             const TallySeatChartData *data,
                             double                    max_width)
{
  TallyChartSeatTable *table = g_new0 (TallyChartSeatTable, 1);
  TallyChartStyle row_style = row_style_of (style);
  double full_names = 0;
  gboolean short_names;

  table->rows = g_array_new (FALSE, TRUE, sizeof (TallyChartTableRow));

  /* Parties by their names ("Liberal Democrats") where the longest takes
   * no more than a third of the table, else as the legend names them. */
  for (guint i = 0; i < data->n_entries; i++)
    {
      const TallyChartParty *party = &data->entries[i].party;
      g_autoptr(PangoLayout) name = NULL;

      if (!in_legend (data, &data->entries[i]))
        continue;
      name = _tally_chart_text_new (&row_style, TALLY_CHART_FONT_LABEL_BOLD,
                                    party->name ? party->name : party->short_name);
      full_names = MAX (full_names, _tally_chart_text_width (name));
    }
  short_names = full_names > max_width / 3;

  for (guint i = 0; i < data->n_entries; i++)
    {
      const TallySeatChartEntry *entry = &data->entries[i];
      g_autofree char *count = _tally_chart_format_count (entry->seats);
      TallyChartTableRow row = { 0 };

      if (!in_legend (data, entry))
        continue;

      row.item = i;
      row.name = _tally_chart_text_new (&row_style, TALLY_CHART_FONT_LABEL_BOLD,
                                        short_names || entry->party.name == NULL ? entry->party.short_name
                                                                                  : entry->party.name);
      row.seats = _tally_chart_text_new (&row_style, TALLY_CHART_FONT_LABEL, count);
      table->name_width = MAX (table->name_width, _tally_chart_text_width (row.name));
      table->seats_width = MAX (table->seats_width, _tally_chart_text_width (row.seats));
      table->line_height = MAX (table->line_height, _tally_chart_text_height (row.name));
      if (data->has_change)
        {
          g_autofree char *change = _tally_chart_format_change (entry->change);

          row.change = _tally_chart_text_new (&row_style, TALLY_CHART_FONT_LABEL, change);
          table->change_width = MAX (table->change_width, _tally_chart_text_width (row.change));
        }
      table->bar_max = MAX (table->bar_max, entry->seats);
      g_array_append_val (table->rows, row);
    }
  g_array_sort_with_data (table->rows, compare_rows, (gpointer) data);
  table->bar_max = MAX (table->bar_max, 1);

  /* The heads say what the columns are, as the seat bars' does. */
  table->seats_head = _tally_chart_text_new (style, TALLY_CHART_FONT_SMALL, "Seats");
  table->seats_width = MAX (table->seats_width, _tally_chart_text_width (table->seats_head));
  if (data->has_change)
    {
      table->change_head = _tally_chart_text_new (style, TALLY_CHART_FONT_SMALL,
                                                  data->change_label ? data->change_label : "Change");
      table->change_width = MAX (table->change_width, _tally_chart_text_width (table->change_head));
    }
  table->head_height = _tally_chart_text_height (table->seats_head) + _tally_chart_px (style, 6);
  table->min_pitch = table->line_height + _tally_chart_px (style, 12);
  table->max_pitch = table->line_height * 8;

  if (table->rows->len == 0 ||
      table_left_width (table, style) + table_right_width (table, style) + _tally_chart_px (style, 80) > max_width)
    {
      _tally_chart_seat_table_free (table);
      return NULL;
    }

  _tally_chart_seat_table_fit (table, style, max_width, 0);
  return table;
}

/**
 * _tally_chart_seat_table_fit:
 * @height: the height to fill
 *
 * Spreads the rows out to fill @height, as far as rows read as a table
 * (at most eight lines of type apart), and thickens the bars with
 * them; the type stays as it is.
 *
 * Returns: the table's height
 */
double
_tally_chart_seat_table_fit (TallyChartSeatTable   *table,
                             const TallyChartStyle *style,
                             double                 width,
                             double                 height)
{
  double rows = table->rows->len;

  table->width = width;
  table->pitch = CLAMP ((height - table->head_height) / rows, table->min_pitch, table->max_pitch);
  table->height = table->head_height + rows * table->pitch;
  table->bar_x = table_left_width (table, style);
  table->bar_width = MAX (width - table_right_width (table, style) - table->bar_x, 1);
  table->bar_height = CLAMP (table->pitch * 0.4, table->line_height * 0.75, table->line_height * 2);
  return table->height;
}

static double
table_seats_right (const TallyChartSeatTable *table,
                   const TallyChartStyle     *style)
{
  return table->width - (table->change_head ? 1.5 * _tally_chart_px (style, 14) + table->change_width : 0);
}

void
_tally_chart_seat_table_paint (cairo_t                   *cr,
                               const TallyChartSeatTable *table,
                               double                     x,
                               double                     y,
                               const TallySeatChartData  *data,
                               const TallyChartStyle     *style,
                               gboolean                   round,
                               int                        highlight)
{
  double swatch = _tally_chart_px (style, 12);
  double seats_right = x + table_seats_right (table, style);
  double change_right = x + table->width;
  double rule = _tally_chart_px (style, 1);

  /* The heads, and a hairline under them and under each row, one path. */
  _tally_chart_text_paint_aligned (cr, table->seats_head, seats_right, y, TALLY_CHART_ALIGN_END,
                                   style->ink_secondary, 1);
  if (table->change_head)
    _tally_chart_text_paint_aligned (cr, table->change_head, change_right, y, TALLY_CHART_ALIGN_END,
                                     style->ink_secondary, 1);
  _tally_chart_set_rgb (cr, style->grid, 1);
  cairo_set_line_width (cr, rule);
  for (guint r = 0; r <= table->rows->len; r++)
    {
      double line_y = y + table->head_height + r * table->pitch - rule / 2;

      cairo_move_to (cr, x, line_y);
      cairo_line_to (cr, x + table->width, line_y);
    }
  cairo_stroke (cr);

  for (guint r = 0; r < table->rows->len; r++)
    {
      const TallyChartTableRow *row = &g_array_index (table->rows, TallyChartTableRow, r);
      const TallySeatChartEntry *entry = &data->entries[row->item];
      TallyChartRgb colour = tally_chart_party_rgb (&entry->party, style);
      double alpha = highlight < 0 || (guint) highlight == row->item ? 1.0 : 0.35;
      double top = y + table->head_height + r * table->pitch;
      double text_y = top + (table->pitch - table->line_height) / 2;
      double middle = text_y + _tally_chart_text_baseline (row->name) - swatch * 0.42;
      guint solid = data->has_seats_up ? MIN (entry->seats_up, entry->seats) : entry->seats;
      double solid_width = table->bar_width * solid / table->bar_max;
      double pale_width = table->bar_width * (entry->seats - solid) / table->bar_max;
      double bar_y = middle - table->bar_height / 2;

      /* The swatch a seat of the ring's (a <circle> in SVG). */
      {
        TallyChartStamp stamp;
        TallyChartRgb on_page;
        double on_alpha;

        _tally_chart_on_page (style, colour, alpha, &on_page, &on_alpha);
        _tally_chart_stamp_init (&stamp, cr, round ? TALLY_CHART_STAMP_DISC : TALLY_CHART_STAMP_SQUARE, swatch,
                                 round ? 0 : swatch * 0.15, 0, on_page, on_alpha);
        _tally_chart_stamp_paint (cr, &stamp, x + swatch / 2, middle);
        _tally_chart_stamp_clear (&stamp);
      }
      _tally_chart_text_paint (cr, row->name, x + swatch + _tally_chart_px (style, 8), text_y, style->ink, alpha);

      /* The seats elected this year solid, those not up after them as the
       * ring draws them: paler, or for print an outline in the colour. */
      if (solid_width > 0)
        paint_bar (cr, style, x + table->bar_x, bar_y, solid_width, table->bar_height, colour, alpha, 0);
      if (pale_width > 0 && style->not_up_outline)
        paint_bar (cr, style, x + table->bar_x + solid_width, bar_y, pale_width, table->bar_height, colour, alpha,
                   MIN (table->bar_height * 0.2, MIN (pale_width / 3, _tally_chart_px (style, 3))));
      else if (pale_width > 0)
        paint_bar (cr, style, x + table->bar_x + solid_width, bar_y, pale_width, table->bar_height, colour,
                   alpha * _tally_chart_not_up_alpha (style, colour), 0);

      _tally_chart_text_paint_aligned (cr, row->seats, seats_right, text_y, TALLY_CHART_ALIGN_END,
                                       style->ink, alpha);
      if (row->change)
        _tally_chart_text_paint_aligned (cr, row->change, change_right, text_y, TALLY_CHART_ALIGN_END,
                                         style->ink_secondary, alpha);
    }
}

/* The party whose row is at @x, @y of a table placed at @left, @top, or -1. */
int
_tally_chart_seat_table_lookup (const TallyChartSeatTable *table,
                                double                     left,
                                double                     top,
                                double                     x,
                                double                     y)
{
  double row;

  if (table == NULL || x < left || x > left + table->width)
    return -1;

  row = floor ((y - top - table->head_height) / table->pitch);
  if (row < 0 || row >= table->rows->len)
    return -1;
  return (int) g_array_index (table->rows, TallyChartTableRow, (guint) row).item;
}

void
_tally_chart_seat_table_free (TallyChartSeatTable *table)
{
  if (table == NULL)
    return;

  for (guint i = 0; i < table->rows->len; i++)
    {
      TallyChartTableRow *row = &g_array_index (table->rows, TallyChartTableRow, i);

      g_clear_object (&row->name);
      g_clear_object (&row->seats);
      g_clear_object (&row->change);
    }
  g_array_unref (table->rows);
  g_clear_object (&table->seats_head);
  g_clear_object (&table->change_head);
  g_free (table);
}

/* Where @x, @y falls among @items placed at @left, @top, or -1. */
int
_tally_chart_legend_lookup (GArray *items,
                            double  left,
                            double  top,
                            double  x,
                            double  y)
{
  if (items == NULL)
    return -1;

  for (guint i = 0; i < items->len; i++)
    {
      const TallyChartLegendItem *item = &g_array_index (items, TallyChartLegendItem, i);
      TallyChartRect rect = item->rect;

      rect.x += left;
      rect.y += top;
      if (_tally_chart_rect_contains (&rect, x, y))
        return (int) item->item;
    }

  return -1;
}
