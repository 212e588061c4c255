/* tally-seat-bars.c: seats by party as horizontal bars, largest first.
 *
 * Each row names its party and prints its seats and change, so the chart
 * reads without its colours.  Where the data has a baseline, a notch marks
 * where the bar stood four years ago; where it has a majority, a line
 * crosses every row at it.  A key under the rows says what the pale bar
 * and the notch are, naming only those the chart draws.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include "tally-chart-private.h"
#include "tally-seat-bars.h"

typedef struct
{
  guint           item;
  PangoLayout    *name;
  PangoLayout    *value;
  PangoLayout    *change;
  TallyChartRect  row;
  TallyChartRect  bar;
  double          baseline_x;   /* where the bar stood, or NAN */
} Row;

struct _TallySeatBarsLayout
{
  TallyChartFrame  frame;
  Row             *rows;
  guint            n_rows;
  guint            n_entries;
  guint           *row_of_item;
  double           bar_left;
  double           bar_width;
  double           scale_max;
  PangoLayout     *change_head;
  double           change_right;
  double           head_y;
  PangoLayout     *majority_label;
  double           majority_x;
  double           rows_top;
  double           rows_bottom;
  PangoLayout     *key_lost;     /* "Lost since 2014" beside a pale swatch */
  PangoLayout     *key_stood;    /* "Where it stood in 2014" beside a notch */
  TallyChartRect   key;
};

static int
compare_items (gconstpointer a,
               gconstpointer b,
               gpointer      user_data)
{
  const TallySeatChartData *data = user_data;
  const TallySeatChartEntry *entry_a = &data->entries[*(const guint *) a];
  const TallySeatChartEntry *entry_b = &data->entries[*(const guint *) b];

  if (entry_a->party.aggregate != entry_b->party.aggregate)
    return entry_a->party.aggregate ? 1 : -1;
  if (entry_a->seats != entry_b->seats)
    return entry_a->seats > entry_b->seats ? -1 : 1;
  return (int) *(const guint *) a - (int) *(const guint *) b;
}

/* A results table's order: largest first, "Other parties" (many parties
 * counted as one) last whatever it holds; parties with no seats now and
 * none then are left out. */
static guint *
order_items (const TallySeatChartData *data,
             guint                    *n_items)
{
  guint *items = g_new (guint, MAX (data->n_entries, 1));
  guint n = 0;

  for (guint i = 0; i < data->n_entries; i++)
    if (data->entries[i].seats > 0 || (data->has_change && data->entries[i].change != 0))
      items[n++] = i;

  g_qsort_with_data (items, (int) n, sizeof (guint), compare_items, (gpointer) data);

  *n_items = n;
  return items;
}

TallySeatBarsLayout *
tally_seat_bars_layout_new (const TallySeatChartData *data,
                            const TallyChartStyle    *style,
                            double                    width,
                            double                    height)
{
  TallySeatBarsLayout *layout;
  g_autofree guint *items = NULL;
  double name_width = 0, value_width = 0, change_width = 0;
  double row_height, bar_height, gap = _tally_chart_px (style, 10);
  double head_height = 0, top;
  TallyChartStyle body_style;
  guint max_value = 1;

  g_return_val_if_fail (data != NULL, NULL);
  g_return_val_if_fail (style != NULL, NULL);

  layout = g_new0 (TallySeatBarsLayout, 1);
  layout->n_entries = data->n_entries;
  layout->row_of_item = g_new (guint, MAX (data->n_entries, 1));
  for (guint i = 0; i < data->n_entries; i++)
    layout->row_of_item[i] = G_MAXUINT;

  _tally_chart_frame_layout (&layout->frame, style, &data->heading, width, height);

  items = order_items (data, &layout->n_rows);
  layout->rows = g_new0 (Row, MAX (layout->n_rows, 1));

  /* In an export, a few bars on a large page get type to match them. */
  body_style = *style;
  if (style->fill && layout->n_rows > 0)
    {
      double room = (layout->frame.body.height - _tally_chart_px (style, 24)) / layout->n_rows;

      body_style.scale = _tally_chart_px (style, 1) * CLAMP (room / _tally_chart_px (style, 60), 1, 2);
    }
  style = &body_style;

  for (guint r = 0; r < layout->n_rows; r++)
    {
      const TallySeatChartEntry *entry = &data->entries[items[r]];
      Row *row = &layout->rows[r];
      g_autofree char *value = _tally_chart_format_count (entry->seats);

      row->item = items[r];
      layout->row_of_item[items[r]] = r;
      row->name = _tally_chart_text_new (style, TALLY_CHART_FONT_LABEL_BOLD, entry->party.short_name);
      row->value = _tally_chart_text_new (style, TALLY_CHART_FONT_LABEL_BOLD, value);
      name_width = MAX (name_width, _tally_chart_text_width (row->name));
      value_width = MAX (value_width, _tally_chart_text_width (row->value));
      max_value = MAX (max_value, entry->seats);

      if (data->has_change)
        {
          g_autofree char *change = _tally_chart_format_change (entry->change);

          row->change = _tally_chart_text_new (style, TALLY_CHART_FONT_LABEL, change);
          change_width = MAX (change_width, _tally_chart_text_width (row->change));
          if (entry->change < 0)
            max_value = MAX (max_value, (guint) ((int) entry->seats - entry->change));
        }
    }

  if (data->majority > 0)
    max_value = MAX (max_value, data->majority);
  layout->scale_max = max_value;

  if (data->has_change)
    {
      layout->change_head = _tally_chart_text_new (style, TALLY_CHART_FONT_SMALL,
                                                   data->change_label ? data->change_label : "Change");
      change_width = MAX (change_width, _tally_chart_text_width (layout->change_head));
    }

  if (data->majority > 0)
    {
      g_autofree char *count = _tally_chart_format_count (data->majority);
      g_autofree char *text = g_strdup_printf ("%s for a majority", count);

      layout->majority_label = _tally_chart_text_new (style, TALLY_CHART_FONT_SMALL, text);
    }

  /* The key names the baseline's year as the change column does. */
  if (data->has_change)
    {
      const char *year = data->change_label && g_str_has_prefix (data->change_label, "Change on ")
                         ? data->change_label + strlen ("Change on ") : NULL;
      gboolean lost = FALSE, gained = FALSE;

      for (guint r = 0; r < layout->n_rows; r++)
        {
          const TallySeatChartEntry *entry = &data->entries[layout->rows[r].item];

          lost |= entry->change < 0;
          gained |= entry->change > 0 && (int) entry->seats > entry->change;
        }
      if (lost)
        {
          g_autofree char *text = year ? g_strdup_printf ("Lost since %s", year) : g_strdup ("Lost since last time");

          layout->key_lost = _tally_chart_text_new (style, TALLY_CHART_FONT_SMALL, text);
        }
      if (gained)
        {
          g_autofree char *text = year ? g_strdup_printf ("Where it stood in %s", year)
                                       : g_strdup ("Where it stood last time");

          layout->key_stood = _tally_chart_text_new (style, TALLY_CHART_FONT_SMALL, text);
        }
    }

  if (layout->change_head || layout->majority_label)
    head_height = MAX (layout->change_head ? _tally_chart_text_height (layout->change_head) : 0,
                       layout->majority_label ? _tally_chart_text_height (layout->majority_label) : 0) +
                  _tally_chart_px (style, 6);

  layout->change_right = layout->frame.body.x + layout->frame.body.width;
  layout->bar_left = layout->frame.body.x + name_width + gap;
  layout->bar_width = layout->change_right - (change_width > 0 ? change_width + 2 * gap : 0) -
                      value_width - gap / 2 - layout->bar_left;
  layout->bar_width = MAX (layout->bar_width, 1);

  if (layout->key_lost || layout->key_stood)
    {
      PangoLayout *text = layout->key_lost ? layout->key_lost : layout->key_stood;
      double swatch = _tally_chart_px (style, 24);
      double key_width = 0;

      if (layout->key_lost)
        key_width += swatch + gap / 2 + _tally_chart_text_width (layout->key_lost);
      if (layout->key_stood)
        key_width += (layout->key_lost ? 2 * gap : 0) + swatch + gap / 2 + _tally_chart_text_width (layout->key_stood);
      layout->key = (TallyChartRect) { layout->frame.body.x, 0, key_width,
                                       _tally_chart_text_height (text) + _tally_chart_px (style, 6) };
    }

  row_height = layout->n_rows > 0 ? (layout->frame.body.height - head_height - layout->key.height) / layout->n_rows : 0;
  row_height = MIN (row_height, _tally_chart_fill_cap (style, 40));
  bar_height = MAX (MIN (row_height * 0.64, _tally_chart_px (style, 96)), 1);

  top = layout->frame.body.y;
  layout->head_y = top;
  layout->rows_top = top + head_height;

  for (guint r = 0; r < layout->n_rows; r++)
    {
      const TallySeatChartEntry *entry = &data->entries[layout->rows[r].item];
      Row *row = &layout->rows[r];
      double y = layout->rows_top + r * row_height;

      row->row = (TallyChartRect) { layout->frame.body.x, y, layout->frame.body.width, row_height };
      row->bar = (TallyChartRect) {
        layout->bar_left, y + (row_height - bar_height) / 2,
        layout->bar_width * entry->seats / layout->scale_max, bar_height
      };
      row->baseline_x = NAN;
      if (data->has_change && (int) entry->seats - entry->change >= 0)
        row->baseline_x = layout->bar_left + layout->bar_width * ((int) entry->seats - entry->change) / layout->scale_max;
    }

  layout->rows_bottom = layout->rows_top + layout->n_rows * row_height;
  layout->key.y = layout->rows_bottom + _tally_chart_px (style, 6);
  layout->majority_x = data->majority > 0 ? layout->bar_left + layout->bar_width * data->majority / layout->scale_max : NAN;

  return layout;
}

void
tally_seat_bars_layout_free (TallySeatBarsLayout *layout)
{
  if (layout == NULL)
    return;

  _tally_chart_frame_clear (&layout->frame);
  for (guint r = 0; r < layout->n_rows; r++)
    {
      g_clear_object (&layout->rows[r].name);
      g_clear_object (&layout->rows[r].value);
      g_clear_object (&layout->rows[r].change);
    }
  g_free (layout->rows);
  g_free (layout->row_of_item);
  g_clear_object (&layout->change_head);
  g_clear_object (&layout->majority_label);
  g_clear_object (&layout->key_lost);
  g_clear_object (&layout->key_stood);
  g_free (layout);
}

/**
 * tally_seat_bars_layout_get_bar:
 *
 * Returns: whether @item has a row; if so, its bar
 */
gboolean
tally_seat_bars_layout_get_bar (const TallySeatBarsLayout *layout,
                                guint                      item,
                                double                    *x,
                                double                    *y,
                                double                    *width,
                                double                    *height)
{
  const Row *row;

  g_return_val_if_fail (layout != NULL, FALSE);

  if (item >= layout->n_entries || layout->row_of_item[item] == G_MAXUINT)
    return FALSE;

  row = &layout->rows[layout->row_of_item[item]];
  *x = row->bar.x;
  *y = row->bar.y;
  *width = row->bar.width;
  *height = row->bar.height;
  return TRUE;
}

/**
 * tally_seat_bars_layout_get_row:
 *
 * Returns: the row @item is drawn in, from the top, or %G_MAXUINT
 */
guint
tally_seat_bars_layout_get_row (const TallySeatBarsLayout *layout,
                                guint                      item)
{
  g_return_val_if_fail (layout != NULL, G_MAXUINT);
  return item < layout->n_entries ? layout->row_of_item[item] : G_MAXUINT;
}

gboolean
tally_seat_bars_layout_get_majority_x (const TallySeatBarsLayout *layout,
                                       double                    *x)
{
  g_return_val_if_fail (layout != NULL, FALSE);

  *x = layout->majority_x;
  return !isnan (layout->majority_x);
}

int
tally_seat_bars_layout_lookup_item (const TallySeatBarsLayout *layout,
                                    double                     x,
                                    double                     y)
{
  g_return_val_if_fail (layout != NULL, -1);

  for (guint r = 0; r < layout->n_rows; r++)
    if (_tally_chart_rect_contains (&layout->rows[r].row, x, y))
      return (int) layout->rows[r].item;

  return -1;
}

guint
tally_seat_bars_layout_get_n_rows (const TallySeatBarsLayout *layout)
{
  g_return_val_if_fail (layout != NULL, 0);

  return layout->n_rows;
}

/**
 * tally_seat_bars_layout_get_key_box:
 * @box: (out caller-allocates) (array fixed-size=4): x, y, width, height
 *
 * Returns: whether the chart has a key for its pale bars and notches
 */
gboolean
tally_seat_bars_layout_get_key_box (const TallySeatBarsLayout *layout,
                                    double                    *box)
{
  g_return_val_if_fail (layout != NULL, FALSE);

  box[0] = layout->key.x;
  box[1] = layout->key.y;
  box[2] = layout->key.width;
  box[3] = layout->key.height;
  return layout->key_lost != NULL || layout->key_stood != NULL;
}

/* The key: swatches in ink, not a party's colour, so it speaks for every
 * row; the notch is drawn as the rows draw theirs. */
static void
paint_key (cairo_t                   *cr,
           const TallySeatBarsLayout *layout,
           const TallyChartStyle     *style)
{
  double gap = _tally_chart_px (style, 10), swatch = _tally_chart_px (style, 24);
  double radius = _tally_chart_px (style, 2.5);
  double x = layout->key.x, y = layout->key.y;
  PangoLayout *text = layout->key_lost ? layout->key_lost : layout->key_stood;
  double text_height = _tally_chart_text_height (text);
  double swatch_height = MAX (text_height * 0.7, 1);
  double swatch_y = y + (text_height - swatch_height) / 2;

  if (layout->key_lost)
    {
      _tally_chart_set_rgb (cr, style->ink, 0.28);
      _tally_chart_rounded_rect (cr, x, swatch_y, swatch, swatch_height, radius);
      cairo_fill (cr);
      _tally_chart_text_paint (cr, layout->key_lost, x + swatch + gap / 2, y, style->ink_secondary, 1);
      x += swatch + gap / 2 + _tally_chart_text_width (layout->key_lost) + 2 * gap;
    }
  if (layout->key_stood)
    {
      _tally_chart_set_rgb (cr, style->ink, 1);
      _tally_chart_rounded_rect (cr, x, swatch_y, swatch, swatch_height, radius);
      cairo_fill (cr);
      _tally_chart_set_rgb (cr, style->background == TALLY_CHART_BACKGROUND_TRANSPARENT ? tally_chart_rgb_text_on (style->ink) : style->page, 1);
      cairo_set_line_width (cr, _tally_chart_px (style, 1.5));
      cairo_move_to (cr, round (x + swatch / 2), swatch_y);
      cairo_line_to (cr, round (x + swatch / 2), swatch_y + swatch_height);
      cairo_stroke (cr);
      _tally_chart_text_paint (cr, layout->key_stood, x + swatch + gap / 2, y, style->ink_secondary, 1);
    }
}

/**
 * tally_seat_bars_layout_get_label_boxes:
 * @row_index: a row, top to bottom
 * @boxes: (out caller-allocates) (array fixed-size=12): x, y, width and
 *   height of the party's name, its seats and its change (zero where none)
 *
 * The boxes of a row's words, placed as tally_seat_bars_paint() places
 * them, for a test that none meets another.
 */
void
tally_seat_bars_layout_get_label_boxes (const TallySeatBarsLayout *layout,
                                        const TallyChartStyle     *style,
                                        guint                      row_index,
                                        double                    *boxes)
{
  const Row *row;
  double gap = _tally_chart_px (style, 10), text_y;

  g_return_if_fail (layout != NULL && row_index < layout->n_rows);

  row = &layout->rows[row_index];
  memset (boxes, 0, 12 * sizeof (double));
  text_y = row->row.y + (row->row.height - _tally_chart_text_height (row->name)) / 2;
  boxes[0] = row->row.x;
  boxes[1] = text_y;
  _tally_chart_text_size (row->name, &boxes[2], &boxes[3]);
  boxes[4] = MAX (row->bar.x + row->bar.width, isnan (row->baseline_x) ? 0 : row->baseline_x) + gap / 2;
  boxes[5] = text_y;
  _tally_chart_text_size (row->value, &boxes[6], &boxes[7]);
  if (row->change)
    {
      _tally_chart_text_size (row->change, &boxes[10], &boxes[11]);
      boxes[8] = layout->change_right - boxes[10];
      boxes[9] = text_y;
    }
}

void
tally_seat_bars_paint (cairo_t                   *cr,
                       const TallySeatBarsLayout *layout,
                       const TallySeatChartData  *data,
                       const TallyChartStyle     *style,
                       int                        highlight)
{
  double radius = _tally_chart_px (style, 2.5);
  double gap = _tally_chart_px (style, 10);

  g_return_if_fail (cr != NULL);
  g_return_if_fail (layout != NULL);
  g_return_if_fail (data != NULL && data->n_entries == layout->n_entries);

  cairo_save (cr);
  _tally_chart_frame_paint (cr, &layout->frame, style);

  if (layout->change_head)
    _tally_chart_text_paint_aligned (cr, layout->change_head, layout->change_right,
                                     layout->head_y, TALLY_CHART_ALIGN_END, style->ink_secondary, 1);

  for (guint r = 0; r < layout->n_rows; r++)
    {
      const Row *row = &layout->rows[r];
      const TallySeatChartEntry *entry = &data->entries[row->item];
      TallyChartRgb colour = tally_chart_party_rgb (&entry->party, style);
      double alpha = highlight < 0 || (guint) highlight == row->item ? 1.0 : 0.35;
      double text_y = row->row.y + (row->row.height - _tally_chart_text_height (row->name)) / 2;

      if ((guint) highlight == row->item)
        {
          _tally_chart_set_rgb (cr, style->ink, 0.06);
          _tally_chart_rounded_rect (cr, row->row.x - gap / 2, row->row.y, row->row.width + gap, row->row.height, radius * 2);
          cairo_fill (cr);
        }

      _tally_chart_text_paint (cr, row->name, row->row.x, text_y, style->ink, alpha);

      /* Where the party stood: a pale bar when it has lost seats. */
      if (!isnan (row->baseline_x) && row->baseline_x > row->bar.x + row->bar.width)
        {
          _tally_chart_set_rgb (cr, colour, 0.28 * alpha);
          _tally_chart_rounded_rect (cr, row->bar.x, row->bar.y, row->baseline_x - row->bar.x, row->bar.height, radius);
          cairo_fill (cr);
        }

      if (row->bar.width > 0)
        {
          _tally_chart_set_rgb (cr, colour, alpha);
          _tally_chart_rounded_rect (cr, row->bar.x, row->bar.y, row->bar.width, row->bar.height, radius);
          cairo_fill (cr);
        }

      /* ...and a notch where a gain began. */
      if (!isnan (row->baseline_x) && row->baseline_x < row->bar.x + row->bar.width - 1 &&
          row->baseline_x > row->bar.x + 1)
        {
          _tally_chart_set_rgb (cr, style->background == TALLY_CHART_BACKGROUND_TRANSPARENT ? tally_chart_rgb_text_on (colour) : style->page, alpha);
          cairo_set_line_width (cr, _tally_chart_px (style, 1.5));
          cairo_move_to (cr, round (row->baseline_x), row->bar.y);
          cairo_line_to (cr, round (row->baseline_x), row->bar.y + row->bar.height);
          cairo_stroke (cr);
        }

      _tally_chart_text_paint (cr, row->value,
                               MAX (row->bar.x + row->bar.width, isnan (row->baseline_x) ? 0 : row->baseline_x) + gap / 2,
                               text_y, style->ink, alpha);
      if (row->change)
        _tally_chart_text_paint_aligned (cr, row->change, layout->change_right,
                                         text_y, TALLY_CHART_ALIGN_END, style->ink_secondary, alpha);
    }

  if (!isnan (layout->majority_x))
    {
      double x = round (layout->majority_x) + 0.5;
      double dash = _tally_chart_px (style, 3);

      _tally_chart_set_rgb (cr, style->rule, 1);
      cairo_set_line_width (cr, _tally_chart_px (style, 1));
      cairo_set_dash (cr, &dash, 1, 0);
      cairo_move_to (cr, x, layout->rows_top - _tally_chart_px (style, 2));
      cairo_line_to (cr, x, layout->rows_bottom);
      cairo_stroke (cr);
      cairo_set_dash (cr, NULL, 0, 0);
      /* Centred on the line, or right-aligned clear of the change head. */
      if (x - _tally_chart_text_width (layout->majority_label) / 2 <=
          layout->change_right - _tally_chart_text_width (layout->majority_label) -
          (layout->change_head ? _tally_chart_text_width (layout->change_head) + gap : 0))
        _tally_chart_text_paint_aligned (cr, layout->majority_label, x, layout->head_y, TALLY_CHART_ALIGN_CENTER,
                                         style->ink_secondary, 1);
      else
        _tally_chart_text_paint_aligned (cr, layout->majority_label,
                                         layout->change_right -
                                         (layout->change_head ? _tally_chart_text_width (layout->change_head) + gap : 0),
                                         layout->head_y, TALLY_CHART_ALIGN_END, style->ink_secondary, 1);
    }

  if (layout->key_lost || layout->key_stood)
    paint_key (cr, layout, style);

  cairo_restore (cr);
}

void
tally_seat_bars_draw (cairo_t                  *cr,
                      double                    width,
                      double                    height,
                      const TallySeatChartData *data,
                      const TallyChartStyle    *style)
{
  g_autoptr(TallySeatBarsLayout) layout = NULL;

  g_return_if_fail (cr != NULL);
  g_return_if_fail (data != NULL);
  g_return_if_fail (style != NULL);

  layout = tally_seat_bars_layout_new (data, style, width, height);
  tally_seat_bars_paint (cr, layout, data, style, -1);
}
