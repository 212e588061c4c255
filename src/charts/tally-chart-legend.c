/* tally-chart-legend.c: the legend of the seat charts, "● Lab 30 +5",
 * flowed into centred lines, so that no fact depends on colour alone.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>

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

  for (guint i = 0; i < data->n_entries; i++)
    {
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

      _tally_chart_set_rgb_on_page (cr, style, colour, alpha);
      if (round)
        cairo_arc (cr, left + swatch / 2, middle, swatch / 2, 0, 2 * G_PI);
      else
        _tally_chart_rounded_rect (cr, left, middle - swatch / 2, swatch, swatch, swatch * 0.15);
      cairo_fill (cr);

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
        item.label = _tally_chart_text_new (style, TALLY_CHART_FONT_SMALL, labels[i]);
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

      item.label = _tally_chart_text_new (style, TALLY_CHART_FONT_SMALL, labels[2]);
      pango_layout_set_width (item.label, (int) (max_width * PANGO_SCALE));
      pango_layout_set_wrap (item.label, PANGO_WRAP_WORD);
      pango_layout_set_alignment (item.label, PANGO_ALIGN_CENTER);
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

      _tally_chart_set_rgb_on_page (cr, style, colour, not_up && !outline ? _tally_chart_not_up_alpha (style, colour)
                                                                          : 1.0);
      if (outline)
        {
          double line = swatch * (round ? 0.25 : 0.24);

          if (round)
            cairo_arc (cr, x + swatch / 2, middle, swatch / 2 - line / 2, 0, 2 * G_PI);
          else
            cairo_rectangle (cr, x + line / 2, middle - swatch / 2 + line / 2, swatch - line, swatch - line);
          cairo_set_line_width (cr, line);
          cairo_stroke (cr);
        }
      else
        {
          if (round)
            cairo_arc (cr, x + swatch / 2, middle, swatch / 2, 0, 2 * G_PI);
          else
            cairo_rectangle (cr, x, middle - swatch / 2, swatch, swatch);
          cairo_fill (cr);
        }
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
