/* tally-waffle.c: one square per seat, parties in columns left to right.
 *
 * Seats fill the grid column by column, top to bottom, so each party is a
 * block and the blocks read left to right as in the hemicycle.  A stepped
 * line marks the majority: a party whose block passes it holds one.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>

#include "tally-chart-legend-private.h"
#include "tally-waffle.h"

struct _TallyWaffleLayout
{
  TallyChartFrame  frame;
  guint            n_seats;
  guint            n_rows;
  guint            n_columns;
  guint            n_entries;
  guint            majority;
  int             *seat_party;
  gboolean        *seat_up;
  double           left;
  double           top;
  double           cell;      /* pitch of the grid */
  double           square;    /* side of a square, leaving a gap */
  PangoLayout     *majority_label;
  double           label_x;   /* where label_align puts the label */
  TallyChartAlign  label_align;
  double           label_y;
  GArray          *legend;
  double           legend_y;
  GArray          *note;
  double           note_y;
};

/**
 * tally_waffle_choose_grid:
 *
 * Chooses a grid a little over twice as wide as it is tall, with no more
 * than a column's worth of empty cells.
 */
void
tally_waffle_choose_grid (guint  n_seats,
                          guint *n_rows,
                          guint *n_columns)
{
  guint rows = MAX (1, (guint) round (sqrt (n_seats / 2.2)));

  *n_rows = MIN (rows, MAX (n_seats, 1));
  *n_columns = MAX (1, (n_seats + *n_rows - 1) / *n_rows);
}

TallyWaffleLayout *
tally_waffle_layout_new (const TallySeatChartData *data,
                         const TallyChartStyle    *style,
                         double                    width,
                         double                    height)
{
  TallyWaffleLayout *layout;
  double legend_height = 0, note_height = 0, label_height = 0, block, available;
  guint sum = 0, seat = 0;

  g_return_val_if_fail (data != NULL, NULL);
  g_return_val_if_fail (style != NULL, NULL);

  layout = g_new0 (TallyWaffleLayout, 1);
  for (guint i = 0; i < data->n_entries; i++)
    sum += data->entries[i].seats;
  layout->n_seats = MAX (sum, data->total);
  layout->n_entries = data->n_entries;
  layout->majority = data->majority <= layout->n_seats ? data->majority : 0;
  layout->seat_party = g_new (int, MAX (layout->n_seats, 1));
  layout->seat_up = g_new0 (gboolean, MAX (layout->n_seats, 1));

  for (guint i = 0; i < data->n_entries; i++)
    for (guint j = 0; j < data->entries[i].seats; j++)
      {
        layout->seat_up[seat] = data->has_seats_up && j < data->entries[i].seats_up;
        layout->seat_party[seat++] = (int) i;
      }
  while (seat < layout->n_seats)
    layout->seat_party[seat++] = -1;

  tally_waffle_choose_grid (layout->n_seats, &layout->n_rows, &layout->n_columns);
  _tally_chart_frame_layout (&layout->frame, style, &data->heading, width, height);

  if (style->show_legend)
    {
      layout->legend = _tally_chart_seat_legend_new (style, data, layout->frame.body.width, &legend_height);
      layout->note = _tally_chart_seats_up_note_new (style, data, layout->frame.body.width, &note_height);
      if (legend_height > 0)
        legend_height += _tally_chart_px (style, 16);
      if (note_height > 0)
        note_height += _tally_chart_px (style, 6);
    }

  if (layout->majority > 0)
    {
      g_autofree char *count = _tally_chart_format_count (layout->majority);
      g_autofree char *text = g_strdup_printf ("%s for a majority", count);

      layout->majority_label = _tally_chart_text_new (style, TALLY_CHART_FONT_SMALL, text);
      label_height = _tally_chart_text_height (layout->majority_label) + _tally_chart_px (style, 8);
    }

  available = layout->frame.body.height - legend_height - note_height - label_height;
  if (style->fill && available > 0 && layout->n_seats > 0)
    {
      /* An export reflows the grid to the page's shape: taller on A4. */
      double rows = round (sqrt (layout->n_seats * available / layout->frame.body.width));

      layout->n_rows = (guint) CLAMP (rows, 1, layout->n_seats);
      layout->n_columns = (layout->n_seats + layout->n_rows - 1) / layout->n_rows;
    }
  layout->cell = MIN (layout->frame.body.width / layout->n_columns, available / layout->n_rows);
  layout->cell = MIN (MAX (layout->cell, 1), _tally_chart_fill_cap (style, 48));
  layout->square = layout->cell * 0.86;

  block = label_height + layout->cell * layout->n_rows + legend_height + note_height;
  layout->left = layout->frame.body.x + (layout->frame.body.width - layout->cell * layout->n_columns) / 2;
  layout->top = layout->frame.body.y + MAX ((layout->frame.body.height - block) / 2, 0) + label_height;

  if (layout->majority_label)
    {
      guint column = (layout->majority - 1) / layout->n_rows;
      double x = layout->left + (column + 1) * layout->cell;
      double label_width = _tally_chart_text_width (layout->majority_label);

      /* Centred on the mark, or against the edge of the body it would
       * cross: anchored so, in SVG too. */
      layout->label_x = x;
      layout->label_align = TALLY_CHART_ALIGN_CENTER;
      if (x - label_width / 2 > layout->frame.body.x + layout->frame.body.width - label_width)
        {
          layout->label_x = layout->frame.body.x + layout->frame.body.width;
          layout->label_align = TALLY_CHART_ALIGN_END;
        }
      else if (x - label_width / 2 < layout->frame.body.x)
        {
          layout->label_x = layout->frame.body.x;
          layout->label_align = TALLY_CHART_ALIGN_START;
        }
      layout->label_y = layout->top - label_height;
    }

  layout->legend_y = layout->top + layout->cell * layout->n_rows + _tally_chart_px (style, 16);
  layout->note_y = layout->legend_y + legend_height - _tally_chart_px (style, 16) + _tally_chart_px (style, 8);

  return layout;
}

void
tally_waffle_layout_free (TallyWaffleLayout *layout)
{
  if (layout == NULL)
    return;

  _tally_chart_frame_clear (&layout->frame);
  g_free (layout->seat_party);
  g_free (layout->seat_up);
  g_clear_object (&layout->majority_label);
  _tally_chart_legend_clear (layout->legend);
  _tally_chart_legend_clear (layout->note);
  g_free (layout);
}

guint
tally_waffle_layout_get_n_seats (const TallyWaffleLayout *layout)
{
  g_return_val_if_fail (layout != NULL, 0);
  return layout->n_seats;
}

/**
 * tally_waffle_layout_get_seat:
 * @x: (out): the square's left edge
 * @y: (out): its top edge
 * @size: (out): its side
 *
 * Returns: the entry whose seat it is, or -1 for a vacant seat
 */
int
tally_waffle_layout_get_seat (const TallyWaffleLayout *layout,
                              guint                    seat,
                              double                  *x,
                              double                  *y,
                              double                  *size)
{
  g_return_val_if_fail (layout != NULL, -1);
  g_return_val_if_fail (seat < layout->n_seats, -1);

  *x = layout->left + (seat / layout->n_rows) * layout->cell + (layout->cell - layout->square) / 2;
  *y = layout->top + (seat % layout->n_rows) * layout->cell + (layout->cell - layout->square) / 2;
  *size = layout->square;
  return layout->seat_party[seat];
}

int
tally_waffle_layout_lookup_item (const TallyWaffleLayout *layout,
                                 double                   x,
                                 double                   y)
{
  double column, row;
  guint seat;

  g_return_val_if_fail (layout != NULL, -1);

  column = floor ((x - layout->left) / layout->cell);
  row = floor ((y - layout->top) / layout->cell);
  if (column >= 0 && row >= 0 && column < layout->n_columns && row < layout->n_rows)
    {
      seat = (guint) column * layout->n_rows + (guint) row;
      if (seat < layout->n_seats)
        return layout->seat_party[seat];
    }

  return _tally_chart_legend_lookup (layout->legend, layout->frame.body.x, layout->legend_y, x, y);
}

gboolean
tally_waffle_layout_get_item_bounds (const TallyWaffleLayout *layout,
                                     guint                    item,
                                     double                  *x,
                                     double                  *y,
                                     double                  *width,
                                     double                  *height)
{
  double left = G_MAXDOUBLE, top = G_MAXDOUBLE, right = -G_MAXDOUBLE, bottom = -G_MAXDOUBLE;

  g_return_val_if_fail (layout != NULL, FALSE);

  for (guint seat = 0; seat < layout->n_seats; seat++)
    {
      double seat_x, seat_y, size;

      if (tally_waffle_layout_get_seat (layout, seat, &seat_x, &seat_y, &size) != (int) item)
        continue;
      left = MIN (left, seat_x);
      top = MIN (top, seat_y);
      right = MAX (right, seat_x + size);
      bottom = MAX (bottom, seat_y + size);
    }

  if (left > right)
    return FALSE;

  *x = left;
  *y = top;
  *width = right - left;
  *height = bottom - top;
  return TRUE;
}

void
tally_waffle_paint (cairo_t                  *cr,
                    const TallyWaffleLayout  *layout,
                    const TallySeatChartData *data,
                    const TallyChartStyle    *style,
                    int                       highlight)
{
  double corner;

  g_return_if_fail (cr != NULL);
  g_return_if_fail (layout != NULL);
  g_return_if_fail (data != NULL && data->n_entries == layout->n_entries);

  corner = layout->square * 0.12;
  cairo_save (cr);
  _tally_chart_frame_paint (cr, &layout->frame, style);

  /* Squares are stamped, one small image per party and kind of seat. */
  {
    guint n_stamps = 2 * (data->n_entries + 1);
    g_autofree TallyChartStamp *stamps = g_new0 (TallyChartStamp, n_stamps);
    g_autofree gboolean *ready = g_new0 (gboolean, n_stamps);

    for (guint seat = 0; seat < layout->n_seats; seat++)
      {
        int entry = layout->seat_party[seat];
        guint key = 2 * (guint) (entry + 1) + (layout->seat_up[seat] ? 1 : 0);
        double x, y, size;

        tally_waffle_layout_get_seat (layout, seat, &x, &y, &size);
        if (!ready[key])
          {
            gboolean not_up = data->has_seats_up && !layout->seat_up[seat];
            gboolean outline = not_up && style->not_up_outline;
            TallyChartRgb colour = entry < 0 ? style->ink_faint
                                             : tally_chart_party_rgb (&data->entries[entry].party, style);
            double alpha = not_up && !outline ? _tally_chart_not_up_alpha (style, colour) : 1.0;

            if (highlight >= 0 && entry != highlight)
              alpha *= 0.3;

            if (entry < 0)
              _tally_chart_stamp_init (&stamps[key], cr, TALLY_CHART_STAMP_SQUARE_OUTLINE, size, corner,
                                       _tally_chart_px (style, 1.5), style->ink_faint, alpha);
            else
              {
                _tally_chart_on_page (style, colour, alpha, &colour, &alpha);
                if (outline)
                  /* The pattern for print: a square outline in the party's own colour. */
                  _tally_chart_stamp_init (&stamps[key], cr, TALLY_CHART_STAMP_SQUARE_OUTLINE, size, corner,
                                           size * 0.24, colour, alpha);
                else
                  _tally_chart_stamp_init (&stamps[key], cr, TALLY_CHART_STAMP_SQUARE, size, corner, 0, colour,
                                           alpha);
              }
            ready[key] = TRUE;
          }

        _tally_chart_stamp_paint (cr, &stamps[key], x + size / 2, y + size / 2);
      }

    for (guint key = 0; key < n_stamps; key++)
      _tally_chart_stamp_clear (&stamps[key]);
  }

  /* The majority line steps round the seat that makes a majority. */
  if (layout->majority > 0)
    {
      guint last = layout->majority - 1;
      guint column = last / layout->n_rows;
      guint row = last % layout->n_rows;
      double x = layout->left + (column + 1) * layout->cell;
      double step = layout->top + (row + 1) * layout->cell;
      double bottom = layout->top + layout->n_rows * layout->cell;

      _tally_chart_set_rgb (cr, style->rule, 1);
      cairo_set_line_width (cr, _tally_chart_px (style, 2));
      cairo_set_line_join (cr, CAIRO_LINE_JOIN_MITER);
      cairo_move_to (cr, x, layout->top - _tally_chart_px (style, 5));
      if (row + 1 < layout->n_rows)
        {
          cairo_line_to (cr, x, step);
          x -= layout->cell;
          cairo_line_to (cr, x, step);
        }
      cairo_line_to (cr, x, bottom + _tally_chart_px (style, 5));
      cairo_stroke (cr);

      _tally_chart_text_paint_aligned (cr, layout->majority_label, layout->label_x, layout->label_y,
                                       layout->label_align, style->ink_secondary, 1);
    }

  if (layout->legend)
    _tally_chart_seat_legend_paint (cr, layout->legend, layout->frame.body.x, layout->legend_y,
                                    data, style, FALSE, highlight);
  _tally_chart_seats_up_note_paint (cr, layout->note, layout->frame.body.x, layout->note_y, data, style, FALSE);

  cairo_restore (cr);
}

void
tally_waffle_draw (cairo_t                  *cr,
                   double                    width,
                   double                    height,
                   const TallySeatChartData *data,
                   const TallyChartStyle    *style)
{
  g_autoptr(TallyWaffleLayout) layout = NULL;

  g_return_if_fail (cr != NULL);
  g_return_if_fail (data != NULL);
  g_return_if_fail (style != NULL);

  layout = tally_waffle_layout_new (data, style, width, height);
  tally_waffle_paint (cr, layout, data, style, -1);
}
