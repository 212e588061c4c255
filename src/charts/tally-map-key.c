/* tally-map-key.c: the map's key, laid out once per data
 * (TallyMapKeyLayout) and painted beside the map or floating over it: a
 * swatch per class with its label and count, the blank of councils without
 * a value and the fade of those outside the filter.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "tally-map-draw-private.h"

typedef struct
{
  PangoLayout   *label;
  PangoLayout   *count;
  TallyChartRgb  colour;
  gboolean       split;     /* the left half full, the right half faded */
  TallyChartRgb  faded;
  TallyMapProgress progress;  /* hatched, for results night */
} KeyRow;

struct _TallyMapKeyLayout
{
  PangoLayout *title;
  GArray      *rows;     /* KeyRow */
  gboolean     scale;    /* classes of a number: swatches touch */
  double       width;
  double       height;
  double       padding;
  double       swatch;
  double       row_height;
  double       label_x;
  double       count_right;
};

/* Key */

static void
key_row_clear (KeyRow *row)
{
  g_clear_object (&row->label);
  g_clear_object (&row->count);
}

static void
add_key_row (TallyMapKeyLayout     *key,
             const TallyChartStyle *style,
             TallyChartRgb          colour,
             const char            *label,
             int                    count)
{
  KeyRow row = { 0 };

  row.colour = colour;
  row.label = _tally_chart_text_new (style, TALLY_CHART_FONT_SMALL, label);
  if (count >= 0)
    {
      g_autofree char *text = g_strdup_printf ("%d", count);

      row.count = _tally_chart_text_new (style, TALLY_CHART_FONT_SMALL, text);
    }
  g_array_append_val (key->rows, row);
}

/**
 * tally_map_key_layout_new:
 * @max_width: the widest the key may be, in pixels
 *
 * Lays out the key of @data: a title, a swatch per entry with its label
 * and the number of councils in the filter that have it, then the blank
 * of councils without a value and the fade of councils outside the filter
 * when there are any.
 *
 * Returns: (transfer full): the key's layout
 */
TallyMapKeyLayout *
tally_map_key_layout_new (const TallyMapData    *data,
                          const TallyChartStyle *style,
                          double                 max_width)
{
  TallyMapKeyLayout *key = g_new0 (TallyMapKeyLayout, 1);
  gboolean any_blank = FALSE, any_faded = FALSE;
  int n_partly = 0, n_not = 0;
  double label_width = 0, count_width = 0, title_width;

  g_return_val_if_fail (data != NULL, key);

  key->rows = g_array_new (FALSE, FALSE, sizeof (KeyRow));
  g_array_set_clear_func (key->rows, (GDestroyNotify) key_row_clear);
  key->scale = data->key_is_scale;
  key->padding = _tally_chart_px (style, 10);
  key->swatch = _tally_chart_px (style, 13);
  key->row_height = _tally_chart_px (style, key->scale ? 17 : 19);

  for (guint i = 0; i < data->areas->len; i++)
    {
      const TallyMapArea *area = g_ptr_array_index (data->areas, i);

      any_blank |= !area->has_value && area->progress == TALLY_MAP_DECLARED;
      any_faded |= !area->in_scope;
      if (area->in_scope)
        {
          n_partly += area->progress == TALLY_MAP_PARTLY_DECLARED;
          n_not += area->progress == TALLY_MAP_NOT_DECLARED;
        }
    }

  for (guint i = 0; i < data->n_key; i++)
    add_key_row (key, style, data->key[i].colour, data->key[i].label, (int) data->key[i].count);
  /* Results night: hatched, with how many; the scale's rows stay apart. */
  if (n_partly > 0)
    {
      add_key_row (key, style, _tally_map_blank_colour (style), _("Partly declared"), key->scale ? -1 : n_partly);
      g_array_index (key->rows, KeyRow, key->rows->len - 1).progress = TALLY_MAP_PARTLY_DECLARED;
    }
  if (n_not > 0)
    {
      add_key_row (key, style, _tally_map_blank_colour (style), _("Not yet declared"), key->scale ? -1 : n_not);
      g_array_index (key->rows, KeyRow, key->rows->len - 1).progress = TALLY_MAP_NOT_DECLARED;
    }
  if (any_blank)
    add_key_row (key, style, _tally_map_blank_colour (style), data->blank_label, -1);
  if (any_faded)
    {
      /* A swatch half in a colour, half faded: what fading does to any. */
      TallyChartRgb sample = data->n_key ? data->key[0].colour : _tally_map_blank_colour (style);
      KeyRow *row;

      add_key_row (key, style, sample, _("Outside the filter: paler"), -1);
      row = &g_array_index (key->rows, KeyRow, key->rows->len - 1);
      row->split = TRUE;
      row->faded = tally_chart_rgb_mix (sample, style->page, _TALLY_MAP_FADE);
    }

  for (guint i = 0; i < key->rows->len; i++)
    {
      KeyRow *row = &g_array_index (key->rows, KeyRow, i);

      label_width = MAX (label_width, _tally_chart_text_width (row->label));
      if (row->count)
        count_width = MAX (count_width, _tally_chart_text_width (row->count));
    }

  key->label_x = key->padding + key->swatch + _tally_chart_px (style, 7);
  key->count_right = key->label_x + label_width + (count_width > 0 ? _tally_chart_px (style, 12) + count_width : 0);
  key->width = key->count_right + key->padding;

  key->title = _tally_chart_text_new (style, TALLY_CHART_FONT_SMALL_BOLD, data->key_title);
  title_width = _tally_chart_text_width (key->title);
  key->width = MIN (MAX (key->width, title_width + 2 * key->padding), MAX (max_width, key->width));
  if (title_width + 2 * key->padding > key->width)
    {
      pango_layout_set_width (key->title, (int) ((key->width - 2 * key->padding) * PANGO_SCALE));
      pango_layout_set_wrap (key->title, PANGO_WRAP_WORD);
    }

  key->height = 2 * key->padding + _tally_chart_text_height (key->title) + _tally_chart_px (style, 6) +
                key->rows->len * key->row_height;
  /* The blank and faded rows stand apart from a scale. */
  if (key->scale && key->rows->len > data->n_key)
    key->height += _tally_chart_px (style, 6);

  return key;
}

void
tally_map_key_layout_free (TallyMapKeyLayout *key)
{
  if (key == NULL)
    return;

  g_clear_object (&key->title);
  g_clear_pointer (&key->rows, g_array_unref);
  g_free (key);
}

void
tally_map_key_get_size (const TallyMapKeyLayout *key,
                        double                  *width,
                        double                  *height)
{
  g_return_if_fail (key != NULL);

  if (width)
    *width = key->width;
  if (height)
    *height = key->height;
}

/**
 * tally_map_key_paint:
 * @card: draw the key on a card of the page colour, to float over a map
 */
void
tally_map_key_paint (cairo_t                 *cr,
                     const TallyMapKeyLayout *key,
                     const TallyChartStyle   *style,
                     double                   x,
                     double                   y,
                     gboolean                 card)
{
  guint n_scale_rows = 0;
  double row_y;

  g_return_if_fail (cr != NULL);
  g_return_if_fail (key != NULL);

  cairo_save (cr);

  if (card)
    {
      _tally_chart_rounded_rect (cr, x, y, key->width, key->height, _tally_chart_px (style, 8));
      _tally_chart_set_rgb (cr, style->page, 0.94);
      cairo_fill_preserve (cr);
      _tally_chart_set_rgb (cr, style->ink, style->dark ? 0.18 : 0.12);
      cairo_set_line_width (cr, 1);
      cairo_stroke (cr);
    }

  _tally_chart_text_paint (cr, key->title, x + key->padding, y + key->padding, style->ink, 1);
  row_y = y + key->padding + _tally_chart_text_height (key->title) + _tally_chart_px (style, 6);

  for (guint i = 0; i < key->rows->len; i++)
    {
      const KeyRow *row = &g_array_index (key->rows, KeyRow, i);
      double text_height = _tally_chart_text_height (row->label);
      double swatch_y;

      if (key->scale && row->count == NULL && n_scale_rows > 0 && i == n_scale_rows)
        row_y += _tally_chart_px (style, 6);

      if (key->scale && row->count != NULL)
        {
          /* Classes touch, like the steps of one bar. */
          cairo_rectangle (cr, x + key->padding, row_y, key->swatch, key->row_height);
          n_scale_rows++;
          swatch_y = row_y;
        }
      else
        {
          swatch_y = row_y + (key->row_height - key->swatch) / 2;
          _tally_chart_rounded_rect (cr, x + key->padding, swatch_y, key->swatch, key->swatch,
                                     _tally_chart_px (style, 3));
        }
      _tally_chart_set_rgb (cr, row->colour, 1);
      if (row->split)
        {
          cairo_save (cr);
          cairo_clip_preserve (cr);
          cairo_fill (cr);
          cairo_rectangle (cr, x + key->padding + key->swatch / 2, swatch_y, key->swatch / 2, key->swatch);
          _tally_chart_set_rgb (cr, row->faded, 1);
          cairo_fill (cr);
          cairo_restore (cr);
        }
      else if (row->progress != TALLY_MAP_DECLARED)
        {
          cairo_fill_preserve (cr);
          _tally_map_paint_progress (cr, row->progress, style);
        }
      else
        {
          cairo_fill (cr);
        }

      _tally_chart_text_paint (cr, row->label, x + key->label_x, row_y + (key->row_height - text_height) / 2,
                               style->ink, 1);
      if (row->count != NULL)
        _tally_chart_text_paint_aligned (cr, row->count, x + key->count_right,
                                         row_y + (key->row_height - text_height) / 2, TALLY_CHART_ALIGN_END,
                                         style->ink_secondary, 1);

      row_y += key->row_height;
    }

  cairo_restore (cr);
}
