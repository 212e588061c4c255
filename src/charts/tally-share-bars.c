/* tally-share-bars.c: vote share by party as horizontal bars, in the
 * data's order.
 *
 * Compare mode draws this election's share as a full bar and the
 * baseline's as a thinner, paler one beneath it, each labelled, with the
 * change in points in a column of its own.  Change mode draws the change
 * alone, left of a zero line for a fall and right of it for a rise.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include "tally-chart-private.h"
#include "tally-share-bars.h"

typedef struct
{
  PangoLayout    *name;
  PangoLayout    *value;
  PangoLayout    *value_then;
  PangoLayout    *change;
  TallyChartRect  row;
  TallyChartRect  bar;
  TallyChartRect  bar_then;
} Row;

typedef struct
{
  PangoLayout *label;
  double       x;
} Tick;

struct _TallyShareBarsLayout
{
  TallyChartFrame  frame;
  TallyShareMode   mode;
  Row             *rows;
  guint            n_rows;
  Tick            *ticks;
  guint            n_ticks;
  double           low;
  double           high;
  double           plot_left;
  double           plot_width;
  double           rows_top;
  double           rows_bottom;
  double           change_right;
  PangoLayout     *change_head;
  PangoLayout     *key[2];
  double           key_x[2];
  double           key_y;
  PangoLayout     *method;
  double           method_y;
};

double
tally_share_bars_layout_value_to_x (const TallyShareBarsLayout *layout,
                                    double                      value)
{
  g_return_val_if_fail (layout != NULL, 0);
  return layout->plot_left + layout->plot_width * (value - layout->low) / (layout->high - layout->low);
}

TallyShareBarsLayout *
tally_share_bars_layout_new (const TallyShareChartData *data,
                             const TallyChartStyle     *style,
                             double                     width,
                             double                     height)
{
  TallyShareBarsLayout *layout;
  double name_width = 0, value_width = 0, change_width = 0, left_value_width = 0;
  double gap = _tally_chart_px (style, 10);
  double top, bottom, row_height, axis_height, first, step, low = 0, high = 0;
  gboolean compare;

  g_return_val_if_fail (data != NULL, NULL);
  g_return_val_if_fail (style != NULL, NULL);

  layout = g_new0 (TallyShareBarsLayout, 1);
  layout->mode = data->mode;
  layout->n_rows = data->n_entries;
  layout->rows = g_new0 (Row, MAX (data->n_entries, 1));
  compare = data->mode == TALLY_SHARE_MODE_COMPARE;

  _tally_chart_frame_layout (&layout->frame, style, &data->heading, width, height);
  top = layout->frame.body.y;
  bottom = layout->frame.body.y + layout->frame.body.height;

  for (guint i = 0; i < data->n_entries; i++)
    {
      const TallyShareChartEntry *entry = &data->entries[i];
      Row *row = &layout->rows[i];
      double change = entry->has_then ? entry->share - entry->share_then : 0;

      row->name = _tally_chart_text_new (style, TALLY_CHART_FONT_LABEL_BOLD, entry->party.short_name);
      name_width = MAX (name_width, _tally_chart_text_width (row->name));

      if (compare)
        {
          g_autofree char *value = _tally_chart_format_percent (entry->share);

          row->value = _tally_chart_text_new (style, TALLY_CHART_FONT_LABEL_BOLD, value);
          value_width = MAX (value_width, _tally_chart_text_width (row->value));
          high = MAX (high, entry->share);
          if (entry->has_then)
            {
              g_autofree char *then = _tally_chart_format_percent (entry->share_then);
              g_autofree char *points = _tally_chart_format_points (change);

              row->value_then = _tally_chart_text_new (style, TALLY_CHART_FONT_SMALL, then);
              row->change = _tally_chart_text_new (style, TALLY_CHART_FONT_LABEL, points);
              value_width = MAX (value_width, _tally_chart_text_width (row->value_then));
              change_width = MAX (change_width, _tally_chart_text_width (row->change));
              high = MAX (high, entry->share_then);
            }
        }
      else if (entry->has_then)
        {
          g_autofree char *points = _tally_chart_format_points (change);

          row->value = _tally_chart_text_new (style, TALLY_CHART_FONT_LABEL_BOLD, points);
          if (change < 0)
            left_value_width = MAX (left_value_width, _tally_chart_text_width (row->value));
          else
            value_width = MAX (value_width, _tally_chart_text_width (row->value));
          low = MIN (low, change);
          high = MAX (high, change);
        }
    }

  /* Ticks on a 1-2-5 scale; shares from 0, changes round zero. */
  if (!compare && low == 0 && high == 0)
    high = 1;
  layout->n_ticks = _tally_chart_nice_ticks (low, MAX (high, low + 1e-6), 6, &first, &step);
  layout->low = first;
  layout->high = first + step * (layout->n_ticks - 1);
  layout->ticks = g_new0 (Tick, MAX (layout->n_ticks, 1));

  if (compare)
    {
      const char *labels[2] = { data->now_label ? data->now_label : "Now",
                                data->then_label ? data->then_label : "Then" };
      double x = layout->frame.body.x;

      for (guint k = 0; k < 2; k++)
        {
          layout->key[k] = _tally_chart_text_new (style, TALLY_CHART_FONT_SMALL, labels[k]);
          layout->key_x[k] = x;
          x += _tally_chart_px (style, 16) + _tally_chart_text_width (layout->key[k]) + _tally_chart_px (style, 18);
        }
      layout->key_y = top;
      top += _tally_chart_text_height (layout->key[0]) + _tally_chart_px (style, 10);

      if (change_width > 0)
        {
          layout->change_head = _tally_chart_text_new (style, TALLY_CHART_FONT_SMALL, "Change");
          change_width = MAX (change_width, _tally_chart_text_width (layout->change_head));
        }
    }

  if (data->method_label)
    {
      layout->method = _tally_chart_text_new (style, TALLY_CHART_FONT_SMALL, data->method_label);
      pango_layout_set_width (layout->method, (int) (layout->frame.body.width * PANGO_SCALE));
      pango_layout_set_wrap (layout->method, PANGO_WRAP_WORD);
      bottom -= _tally_chart_text_height (layout->method);
      layout->method_y = bottom;
      bottom -= _tally_chart_px (style, 10);
    }

  for (guint t = 0; t < layout->n_ticks; t++)
    {
      double value = first + step * t;
      g_autofree char *text = NULL;

      if (compare)
        text = g_strdup_printf ("%g%%", value);
      else
        text = _tally_chart_format_points (value);
      if (!compare && fabs (step - round (step)) < 1e-9)
        {
          /* Whole points need no decimal. */
          g_free (text);
          text = value > 0 ? g_strdup_printf ("+%g", value)
                           : value < 0 ? g_strdup_printf ("−%g", -value) : g_strdup ("0");
        }
      layout->ticks[t].label = _tally_chart_text_new (style, TALLY_CHART_FONT_SMALL, text);
    }
  axis_height = layout->n_ticks > 0 ? _tally_chart_text_height (layout->ticks[0].label) + _tally_chart_px (style, 6) : 0;
  bottom -= axis_height;

  layout->change_right = layout->frame.body.x + layout->frame.body.width;
  layout->plot_left = layout->frame.body.x + name_width + gap + (left_value_width > 0 ? left_value_width + gap / 2 : 0);
  layout->plot_width = layout->change_right - (change_width > 0 ? change_width + 2 * gap : 0) -
                       value_width - gap / 2 - layout->plot_left;
  layout->plot_width = MAX (layout->plot_width, 1);

  row_height = layout->n_rows > 0 ? (bottom - top) / layout->n_rows : 0;
  row_height = MIN (row_height, _tally_chart_fill_cap (style, compare ? 48 : 36));
  layout->rows_top = top;
  layout->rows_bottom = top + row_height * layout->n_rows;

  for (guint i = 0; i < layout->n_rows; i++)
    {
      const TallyShareChartEntry *entry = &data->entries[i];
      Row *row = &layout->rows[i];
      double y = top + i * row_height;
      double zero = tally_share_bars_layout_value_to_x (layout, 0);

      row->row = (TallyChartRect) { layout->frame.body.x, y, layout->frame.body.width, row_height };
      if (compare)
        {
          double thick = row_height * 0.42, thin = row_height * 0.2, spacing = row_height * 0.06;
          double bar_top = y + (row_height - thick - spacing - thin) / 2;

          row->bar = (TallyChartRect) { zero, bar_top, tally_share_bars_layout_value_to_x (layout, entry->share) - zero, thick };
          if (entry->has_then)
            row->bar_then = (TallyChartRect) { zero, bar_top + thick + spacing,
                                               tally_share_bars_layout_value_to_x (layout, entry->share_then) - zero, thin };
        }
      else if (entry->has_then)
        {
          double change = entry->share - entry->share_then;
          double end = tally_share_bars_layout_value_to_x (layout, change);
          double thick = MIN (row_height * 0.6, _tally_chart_px (style, 96));

          row->bar = (TallyChartRect) { MIN (zero, end), y + (row_height - thick) / 2, fabs (end - zero), thick };
        }
    }

  for (guint t = 0; t < layout->n_ticks; t++)
    layout->ticks[t].x = tally_share_bars_layout_value_to_x (layout, first + step * t);

  return layout;
}

void
tally_share_bars_layout_free (TallyShareBarsLayout *layout)
{
  if (layout == NULL)
    return;

  _tally_chart_frame_clear (&layout->frame);
  for (guint i = 0; i < layout->n_rows; i++)
    {
      g_clear_object (&layout->rows[i].name);
      g_clear_object (&layout->rows[i].value);
      g_clear_object (&layout->rows[i].value_then);
      g_clear_object (&layout->rows[i].change);
    }
  for (guint t = 0; t < layout->n_ticks; t++)
    g_clear_object (&layout->ticks[t].label);
  g_free (layout->rows);
  g_free (layout->ticks);
  g_clear_object (&layout->change_head);
  g_clear_object (&layout->key[0]);
  g_clear_object (&layout->key[1]);
  g_clear_object (&layout->method);
  g_free (layout);
}

gboolean
tally_share_bars_layout_get_bar (const TallyShareBarsLayout *layout,
                                 guint                       item,
                                 gboolean                    then,
                                 double                     *x,
                                 double                     *y,
                                 double                     *width,
                                 double                     *height)
{
  const TallyChartRect *bar;

  g_return_val_if_fail (layout != NULL, FALSE);

  if (item >= layout->n_rows)
    return FALSE;

  bar = then ? &layout->rows[item].bar_then : &layout->rows[item].bar;
  *x = bar->x;
  *y = bar->y;
  *width = bar->width;
  *height = bar->height;
  return bar->height > 0;
}

int
tally_share_bars_layout_lookup_item (const TallyShareBarsLayout *layout,
                                     double                      x,
                                     double                      y)
{
  g_return_val_if_fail (layout != NULL, -1);

  for (guint i = 0; i < layout->n_rows; i++)
    if (_tally_chart_rect_contains (&layout->rows[i].row, x, y))
      return (int) i;

  return -1;
}

/* Where row @i's name and its value are painted: the one code for paint
 * and for tally_share_bars_layout_get_label_boxes().  A fall's value ends
 * left of its bar: @value_x is then its right edge (@value_align END). */
static void
label_positions (const TallyShareBarsLayout *layout,
                 const TallyShareChartData  *data,
                 const TallyChartStyle      *style,
                 guint                       i,
                 double                     *name_y,
                 double                     *value_x,
                 double                     *value_y,
                 TallyChartAlign            *value_align)
{
  const Row *row = &layout->rows[i];
  const TallyShareChartEntry *entry = &data->entries[i];
  double gap = _tally_chart_px (style, 10);

  *name_y = row->row.y + (row->row.height - _tally_chart_text_height (row->name)) / 2;
  *value_align = TALLY_CHART_ALIGN_START;
  if (layout->mode == TALLY_SHARE_MODE_COMPARE)
    {
      *value_x = row->bar.x + row->bar.width + gap / 2;
      *value_y = row->value ? row->bar.y + (row->bar.height - _tally_chart_text_height (row->value)) / 2 : *name_y;
    }
  else
    {
      gboolean fall = entry->share < entry->share_then;
      double zero = tally_share_bars_layout_value_to_x (layout, 0);

      *value_x = fall ? MIN (row->bar.x, zero) - gap / 2 : MAX (row->bar.x + row->bar.width, zero) + gap / 2;
      *value_align = fall ? TALLY_CHART_ALIGN_END : TALLY_CHART_ALIGN_START;
      *value_y = *name_y;
    }
}

/**
 * tally_share_bars_layout_get_label_boxes:
 * @boxes: (out caller-allocates) (array fixed-size=12): x, y, width and
 *   height of the party's name, its value and its change (zero where none)
 *
 * The boxes of row @item's words, for a test that none meets another.
 */
void
tally_share_bars_layout_get_label_boxes (const TallyShareBarsLayout *layout,
                                         const TallyShareChartData  *data,
                                         const TallyChartStyle      *style,
                                         guint                       item,
                                         double                     *boxes)
{
  const Row *row;
  double name_y, value_x, value_y;
  TallyChartAlign value_align;

  g_return_if_fail (layout != NULL && item < layout->n_rows);

  row = &layout->rows[item];
  memset (boxes, 0, 12 * sizeof (double));
  label_positions (layout, data, style, item, &name_y, &value_x, &value_y, &value_align);
  boxes[0] = row->row.x;
  boxes[1] = name_y;
  _tally_chart_text_size (row->name, &boxes[2], &boxes[3]);
  if (row->value)
    {
      _tally_chart_text_size (row->value, &boxes[6], &boxes[7]);
      boxes[4] = value_align == TALLY_CHART_ALIGN_END ? value_x - boxes[6] : value_x;
      boxes[5] = value_y;
    }
  if (row->change && layout->mode == TALLY_SHARE_MODE_COMPARE)
    {
      _tally_chart_text_size (row->change, &boxes[10], &boxes[11]);
      boxes[8] = layout->change_right - boxes[10];
      boxes[9] = name_y;
    }
}

void
tally_share_bars_paint (cairo_t                    *cr,
                        const TallyShareBarsLayout *layout,
                        const TallyShareChartData  *data,
                        const TallyChartStyle      *style,
                        int                         highlight)
{
  double gap = _tally_chart_px (style, 10);
  double radius = _tally_chart_px (style, 2);
  gboolean compare;

  g_return_if_fail (cr != NULL);
  g_return_if_fail (layout != NULL);
  g_return_if_fail (data != NULL && data->n_entries == layout->n_rows);

  compare = layout->mode == TALLY_SHARE_MODE_COMPARE;
  cairo_save (cr);
  _tally_chart_frame_paint (cr, &layout->frame, style);

  /* Gridlines, and the zero line stronger. */
  cairo_set_line_width (cr, _tally_chart_px (style, 1));
  for (guint t = 0; t < layout->n_ticks; t++)
    {
      double x = round (layout->ticks[t].x) + 0.5;
      gboolean zero = fabs (layout->low + (layout->high - layout->low) * t / MAX (layout->n_ticks - 1, 1)) < 1e-9;

      _tally_chart_set_rgb (cr, zero ? style->rule : style->grid, 1);
      cairo_move_to (cr, x, layout->rows_top);
      cairo_line_to (cr, x, layout->rows_bottom + _tally_chart_px (style, 3));
      cairo_stroke (cr);
      _tally_chart_text_paint_aligned (cr, layout->ticks[t].label, x,
                                       layout->rows_bottom + _tally_chart_px (style, 5), TALLY_CHART_ALIGN_CENTER,
                                       style->ink_faint, 1);
    }

  if (compare)
    {
      double swatch = _tally_chart_px (style, 10);

      for (guint k = 0; k < 2; k++)
        {
          double middle = layout->key_y + _tally_chart_text_baseline (layout->key[k]) - swatch * 0.4;

          _tally_chart_set_rgb (cr, style->ink_secondary, k == 0 ? 1.0 : 0.35);
          cairo_rectangle (cr, layout->key_x[k], middle - (k == 0 ? swatch / 2 : swatch / 4),
                           swatch, k == 0 ? swatch : swatch / 2);
          cairo_fill (cr);
          _tally_chart_text_paint (cr, layout->key[k], layout->key_x[k] + swatch + _tally_chart_px (style, 5),
                                   layout->key_y, style->ink_secondary, 1);
        }
      if (layout->change_head)
        _tally_chart_text_paint_aligned (cr, layout->change_head, layout->change_right,
                                         layout->key_y, TALLY_CHART_ALIGN_END, style->ink_secondary, 1);
    }

  for (guint i = 0; i < layout->n_rows; i++)
    {
      const Row *row = &layout->rows[i];
      const TallyShareChartEntry *entry = &data->entries[i];
      TallyChartRgb colour = tally_chart_party_rgb (&entry->party, style);
      double alpha = highlight < 0 || (guint) highlight == i ? 1.0 : 0.35;
      double name_y, value_x, value_y;
      TallyChartAlign value_align;

      label_positions (layout, data, style, i, &name_y, &value_x, &value_y, &value_align);

      if ((guint) highlight == i)
        {
          _tally_chart_set_rgb (cr, style->ink, 0.06);
          _tally_chart_rounded_rect (cr, row->row.x - gap / 2, row->row.y, row->row.width + gap, row->row.height, radius * 2);
          cairo_fill (cr);
        }

      _tally_chart_text_paint (cr, row->name, row->row.x, name_y, style->ink, alpha);

      if (row->bar.height > 0 && row->bar.width > 0)
        {
          _tally_chart_set_rgb (cr, colour, alpha);
          _tally_chart_rounded_rect (cr, row->bar.x, row->bar.y, row->bar.width, row->bar.height, radius);
          cairo_fill (cr);
        }

      if (compare)
        {
          _tally_chart_text_paint (cr, row->value, value_x, value_y, style->ink, alpha);
          if (row->bar_then.height > 0)
            {
              double then_y = row->bar_then.y + (row->bar_then.height - _tally_chart_text_height (row->value_then)) / 2;

              _tally_chart_set_rgb (cr, colour, 0.4 * alpha);
              if (row->bar_then.width > 0)
                {
                  _tally_chart_rounded_rect (cr, row->bar_then.x, row->bar_then.y, row->bar_then.width,
                                             row->bar_then.height, radius / 2);
                  cairo_fill (cr);
                }
              _tally_chart_text_paint (cr, row->value_then, row->bar_then.x + row->bar_then.width + gap / 2,
                                       then_y, style->ink_secondary, alpha);
            }
          if (row->change)
            _tally_chart_text_paint_aligned (cr, row->change, layout->change_right,
                                             name_y, TALLY_CHART_ALIGN_END, style->ink_secondary, alpha);
        }
      else if (row->value)
        _tally_chart_text_paint_aligned (cr, row->value, value_x, value_y, value_align, style->ink, alpha);
    }

  _tally_chart_text_paint (cr, layout->method, layout->frame.body.x, layout->method_y, style->ink_faint, 1);
  cairo_restore (cr);
}

void
tally_share_bars_draw (cairo_t                   *cr,
                       double                     width,
                       double                     height,
                       const TallyShareChartData *data,
                       const TallyChartStyle     *style)
{
  g_autoptr(TallyShareBarsLayout) layout = NULL;

  g_return_if_fail (cr != NULL);
  g_return_if_fail (data != NULL);
  g_return_if_fail (style != NULL);

  layout = tally_share_bars_layout_new (data, style, width, height);
  tally_share_bars_paint (cr, layout, data, style, -1);
}
