/* tally-state-chart.c: the state of the parties as a results-night
 * board: one row per party, councils controlled and seats won side by
 * side, each a bar with its figure and change, in the data's order.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>

#include "tally-chart-private.h"
#include "tally-state-chart.h"

typedef struct
{
  PangoLayout    *name;
  PangoLayout    *value[2];
  PangoLayout    *change[2];
  TallyChartRect  row;
  TallyChartRect  bar[2];
} Row;

struct _TallyStateChartLayout
{
  TallyChartFrame  frame;
  Row             *rows;
  guint            n_rows;
  PangoLayout     *heads[2];
  PangoLayout     *change_heads[2];
  PangoLayout     *declared;
  double           head_y;
  double           panel_left[2];
  double           panel_right[2];
  double           rows_top;
  double           rows_bottom;
};

TallyStateChartLayout *
tally_state_chart_layout_new (const TallyStateChartData *data,
                              const TallyChartStyle     *style,
                              double                     width,
                              double                     height)
{
  TallyStateChartLayout *layout;
  double name_width = 0, value_width[2] = { 0, 0 }, change_width[2] = { 0, 0 };
  double gap = _tally_chart_px (style, 10), panel_gap = _tally_chart_px (style, 28);
  double maximum[2] = { 1, 1 }, top, panel_width, row_height, head_height;
  const char *heads[2] = { "Councils", "Seats" };

  g_return_val_if_fail (data != NULL, NULL);
  g_return_val_if_fail (style != NULL, NULL);

  layout = g_new0 (TallyStateChartLayout, 1);
  layout->n_rows = data->n_entries;
  layout->rows = g_new0 (Row, MAX (data->n_entries, 1));

  _tally_chart_frame_layout (&layout->frame, style, &data->heading, width, height);
  top = layout->frame.body.y;

  if (data->n_councils > 0)
    {
      g_autofree char *declared = _tally_chart_format_count (data->n_declared);
      g_autofree char *councils = _tally_chart_format_count (data->n_councils);
      g_autofree char *text = data->n_declared < data->n_councils
                            ? g_strdup_printf ("After %s of %s councils", declared, councils)
                            : g_strdup_printf ("All %s councils declared", councils);

      layout->declared = _tally_chart_text_new (style, TALLY_CHART_FONT_SMALL, text);
    }

  for (guint i = 0; i < data->n_entries; i++)
    {
      const TallyStateChartEntry *entry = &data->entries[i];
      Row *row = &layout->rows[i];
      int values[2] = { entry->councils, entry->seats };
      int changes[2] = { entry->councils_change, entry->seats_change };

      row->name = _tally_chart_text_new (style, TALLY_CHART_FONT_LABEL_BOLD, entry->party.short_name);
      name_width = MAX (name_width, _tally_chart_text_width (row->name));

      for (guint p = 0; p < 2; p++)
        {
          g_autofree char *value = NULL;

          if ((p == 0 && !entry->has_councils) || (p == 1 && !entry->has_seats))
            continue;

          value = _tally_chart_format_count (values[p]);
          row->value[p] = _tally_chart_text_new (style, TALLY_CHART_FONT_LABEL_BOLD, value);
          value_width[p] = MAX (value_width[p], _tally_chart_text_width (row->value[p]));
          maximum[p] = MAX (maximum[p], values[p]);
          if (data->has_change)
            {
              g_autofree char *change = _tally_chart_format_change (changes[p]);

              row->change[p] = _tally_chart_text_new (style, TALLY_CHART_FONT_LABEL, change);
              change_width[p] = MAX (change_width[p], _tally_chart_text_width (row->change[p]));
            }
        }
    }

  for (guint p = 0; p < 2; p++)
    {
      layout->heads[p] = _tally_chart_text_new (style, TALLY_CHART_FONT_SMALL_BOLD, heads[p]);
      if (data->has_change)
        {
          layout->change_heads[p] = _tally_chart_text_new (style, TALLY_CHART_FONT_SMALL, "+/−");
          change_width[p] = MAX (change_width[p], _tally_chart_text_width (layout->change_heads[p]));
        }
    }

  head_height = _tally_chart_text_height (layout->heads[0]) + _tally_chart_px (style, 8);
  layout->head_y = top;
  layout->rows_top = top + head_height;

  panel_width = (layout->frame.body.width - name_width - gap - panel_gap) / 2;
  layout->panel_left[0] = layout->frame.body.x + name_width + gap;
  layout->panel_right[0] = layout->panel_left[0] + panel_width;
  layout->panel_left[1] = layout->panel_right[0] + panel_gap;
  layout->panel_right[1] = layout->panel_left[1] + panel_width;

  row_height = layout->n_rows > 0
             ? (layout->frame.body.y + layout->frame.body.height - layout->rows_top -
                (layout->declared ? _tally_chart_text_height (layout->declared) + gap : 0)) / layout->n_rows
             : 0;
  row_height = MIN (row_height, _tally_chart_fill_cap (style, 40));

  for (guint i = 0; i < layout->n_rows; i++)
    {
      const TallyStateChartEntry *entry = &data->entries[i];
      Row *row = &layout->rows[i];
      double y = layout->rows_top + i * row_height;
      double thick = MIN (row_height * 0.62, _tally_chart_px (style, 96));
      int values[2] = { entry->councils, entry->seats };

      row->row = (TallyChartRect) { layout->frame.body.x, y, layout->frame.body.width, row_height };
      for (guint p = 0; p < 2; p++)
        {
          double room = layout->panel_right[p] - layout->panel_left[p] - value_width[p] - gap / 2 -
                        (change_width[p] > 0 ? change_width[p] + gap : 0);

          if ((p == 0 && !entry->has_councils) || (p == 1 && !entry->has_seats))
            continue;
          row->bar[p] = (TallyChartRect) { layout->panel_left[p], y + (row_height - thick) / 2,
                                           MAX (room, 1) * MAX (values[p], 0) / maximum[p], thick };
          /* A party with a seat or two still shows a sliver. */
          if (values[p] > 0)
            row->bar[p].width = MAX (row->bar[p].width, _tally_chart_px (style, 2));
        }
    }

  layout->rows_bottom = layout->rows_top + layout->n_rows * row_height;
  return layout;
}

void
tally_state_chart_layout_free (TallyStateChartLayout *layout)
{
  if (layout == NULL)
    return;

  _tally_chart_frame_clear (&layout->frame);
  for (guint i = 0; i < layout->n_rows; i++)
    {
      g_clear_object (&layout->rows[i].name);
      for (guint p = 0; p < 2; p++)
        {
          g_clear_object (&layout->rows[i].value[p]);
          g_clear_object (&layout->rows[i].change[p]);
        }
    }
  for (guint p = 0; p < 2; p++)
    {
      g_clear_object (&layout->heads[p]);
      g_clear_object (&layout->change_heads[p]);
    }
  g_clear_object (&layout->declared);
  g_free (layout->rows);
  g_free (layout);
}

gboolean
tally_state_chart_layout_get_bar (const TallyStateChartLayout *layout,
                                  guint                        item,
                                  gboolean                     seats,
                                  double                      *x,
                                  double                      *y,
                                  double                      *width,
                                  double                      *height)
{
  const TallyChartRect *bar;

  g_return_val_if_fail (layout != NULL, FALSE);

  if (item >= layout->n_rows)
    return FALSE;

  bar = &layout->rows[item].bar[seats ? 1 : 0];
  *x = bar->x;
  *y = bar->y;
  *width = bar->width;
  *height = bar->height;
  return bar->height > 0;
}

int
tally_state_chart_layout_lookup_item (const TallyStateChartLayout *layout,
                                      double                       x,
                                      double                       y)
{
  g_return_val_if_fail (layout != NULL, -1);

  for (guint i = 0; i < layout->n_rows; i++)
    if (_tally_chart_rect_contains (&layout->rows[i].row, x, y))
      return (int) i;

  return -1;
}

void
tally_state_chart_paint (cairo_t                     *cr,
                         const TallyStateChartLayout *layout,
                         const TallyStateChartData   *data,
                         const TallyChartStyle       *style,
                         int                          highlight)
{
  double gap = _tally_chart_px (style, 10);
  double radius = _tally_chart_px (style, 2.5);

  g_return_if_fail (cr != NULL);
  g_return_if_fail (layout != NULL);
  g_return_if_fail (data != NULL && data->n_entries == layout->n_rows);

  cairo_save (cr);
  _tally_chart_frame_paint (cr, &layout->frame, style);

  for (guint p = 0; p < 2; p++)
    {
      _tally_chart_text_paint (cr, layout->heads[p], layout->panel_left[p], layout->head_y, style->ink, 1);
      if (layout->change_heads[p])
        _tally_chart_text_paint_aligned (cr, layout->change_heads[p], layout->panel_right[p],
                                         layout->head_y, TALLY_CHART_ALIGN_END, style->ink_secondary, 1);
    }

  _tally_chart_set_rgb (cr, style->grid, 1);
  cairo_set_line_width (cr, _tally_chart_px (style, 1));
  cairo_move_to (cr, layout->frame.body.x, round (layout->rows_top - _tally_chart_px (style, 3)) + 0.5);
  cairo_line_to (cr, layout->frame.body.x + layout->frame.body.width, round (layout->rows_top - _tally_chart_px (style, 3)) + 0.5);
  cairo_stroke (cr);

  for (guint i = 0; i < layout->n_rows; i++)
    {
      const Row *row = &layout->rows[i];
      TallyChartRgb colour = tally_chart_party_rgb (&data->entries[i].party, style);
      double alpha = highlight < 0 || (guint) highlight == i ? 1.0 : 0.35;
      double text_y = row->row.y + (row->row.height - _tally_chart_text_height (row->name)) / 2;

      if ((guint) highlight == i)
        {
          _tally_chart_set_rgb (cr, style->ink, 0.06);
          _tally_chart_rounded_rect (cr, row->row.x - gap / 2, row->row.y, row->row.width + gap, row->row.height, radius * 2);
          cairo_fill (cr);
        }

      _tally_chart_text_paint (cr, row->name, row->row.x, text_y, style->ink, alpha);

      for (guint p = 0; p < 2; p++)
        {
          if (row->value[p] == NULL)
            continue;

          if (row->bar[p].width > 0.5)
            {
              _tally_chart_set_rgb (cr, colour, alpha);
              _tally_chart_rounded_rect (cr, row->bar[p].x, row->bar[p].y, row->bar[p].width, row->bar[p].height, radius);
              cairo_fill (cr);
            }
          _tally_chart_text_paint (cr, row->value[p], row->bar[p].x + row->bar[p].width + gap / 2, text_y, style->ink, alpha);
          if (row->change[p])
            _tally_chart_text_paint_aligned (cr, row->change[p], layout->panel_right[p],
                                             text_y, TALLY_CHART_ALIGN_END, style->ink_secondary, alpha);
        }
    }

  _tally_chart_text_paint (cr, layout->declared, layout->frame.body.x, layout->rows_bottom + gap, style->ink_faint, 1);
  cairo_restore (cr);
}

void
tally_state_chart_draw (cairo_t                   *cr,
                        double                     width,
                        double                     height,
                        const TallyStateChartData *data,
                        const TallyChartStyle     *style)
{
  g_autoptr(TallyStateChartLayout) layout = NULL;

  g_return_if_fail (cr != NULL);
  g_return_if_fail (data != NULL);
  g_return_if_fail (style != NULL);

  layout = tally_state_chart_layout_new (data, style, width, height);
  tally_state_chart_paint (cr, layout, data, style, -1);
}
