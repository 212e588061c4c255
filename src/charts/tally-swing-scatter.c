/* tally-swing-scatter.c: councils plotted by swing, one dot each.
 *
 * With a second measure the councils are a scatter; without one, a dot
 * plot along the swing axis, dots that would overlap stacked above and
 * below it.  Dots take the colour of the council's control, named in the
 * legend; the selected council is ringed and named, and the outliers
 * (the councils furthest from the middle of the field, more than
 * OUTLIER_Z robust deviations out) are named too, as many as fit without
 * their names meeting each other, the selected council's or the plot's
 * edge.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include "tally-chart-private.h"
#include "tally-swing-scatter.h"

typedef struct
{
  PangoLayout *label;
  double       position;
  double       value;
} Tick;

/* A council named beside its dot. */
typedef struct
{
  int          point;
  PangoLayout *text;
  double       x;
  double       y;
  double       width;
  double       height;
} Name;

/* How far out a council must lie to be named, in robust standard
 * deviations (1.4826 × the median absolute deviation), and how many. */
#define OUTLIER_Z      2.5
#define MAX_OUTLIERS   8

struct _TallySwingScatterLayout
{
  TallyChartFrame  frame;
  TallyChartRect   plot;
  guint            n_points;
  double          *point_x;
  double          *point_y;
  double           radius;
  int              selected;
  PangoLayout     *selected_label;
  double           selected_label_x;
  double           selected_label_y;
  GArray          *names;           /* Name: the outliers named */
  Tick            *x_ticks;
  guint            n_x_ticks;
  Tick            *y_ticks;
  guint            n_y_ticks;
  double           x_low;
  double           x_high;
  double           y_low;
  double           y_high;
  gboolean         has_y;
  PangoLayout     *x_label;
  PangoLayout     *y_label;
  PangoLayout     *x_low_label;
  PangoLayout     *x_high_label;
  double           axis_label_y;
  double           x_label_y;
  double           y_label_y;
  GArray          *legend;
  double           legend_y;
};

static Tick *
make_ticks (const TallyChartStyle *style,
            double                 low,
            double                 high,
            guint                  max_ticks,
            guint                 *n_ticks,
            double                *axis_low,
            double                *axis_high)
{
  double first, step;
  Tick *ticks;

  *n_ticks = _tally_chart_nice_ticks (low, high, max_ticks, &first, &step);
  ticks = g_new0 (Tick, *n_ticks);
  for (guint t = 0; t < *n_ticks; t++)
    {
      double value = first + step * t;
      g_autofree char *text = NULL;

      if (fabs (value) < step * 1e-6)
        text = g_strdup ("0");
      else
        text = g_strdup_printf ("%s%g", value < 0 ? "−" : "+", fabs (value));
      ticks[t].value = value;
      ticks[t].label = _tally_chart_text_new (style, TALLY_CHART_FONT_SMALL, text);
    }

  *axis_low = first;
  *axis_high = first + step * (*n_ticks - 1);
  return ticks;
}

static void
data_range (const TallySwingScatterData *data,
            gboolean                     use_y,
            double                      *low,
            double                      *high)
{
  *low = 0;
  *high = 0;
  for (guint i = 0; i < data->n_points; i++)
    {
      double value = use_y ? data->points[i].y : data->points[i].x;

      if (isnan (value))
        continue;
      *low = MIN (*low, value);
      *high = MAX (*high, value);
    }
  if (*high - *low < 1e-6)
    {
      *low -= 1;
      *high += 1;
    }
}

/* Stacks dots that would overlap, alternately above and below the axis. */
static void
stack_dots (TallySwingScatterLayout *layout,
            double                   axis_y)
{
  double pitch = layout->radius * 2.1;

  for (guint i = 0; i < layout->n_points; i++)
    {
      if (isnan (layout->point_x[i]))
        continue;

      for (guint attempt = 0; ; attempt++)
        {
          double offset = ((attempt + 1) / 2) * pitch * (attempt % 2 ? -1 : 1);
          gboolean clear = TRUE;

          for (guint j = 0; j < i && clear; j++)
            {
              double dx = layout->point_x[j] - layout->point_x[i];
              double dy = layout->point_y[j] - (axis_y + offset);

              if (!isnan (layout->point_x[j]) && dx * dx + dy * dy < pitch * pitch * 0.95)
                clear = FALSE;
            }

          if (clear || attempt > 200)
            {
              layout->point_y[i] = axis_y + offset;
              break;
            }
        }
    }
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double first = *(const double *) a, second = *(const double *) b;

  return first < second ? -1 : first > second;
}

/* The median of the numbers of @values that are not NaN, and their robust
 * spread: 1.4826 × the median absolute deviation (σ for a normal field). */
static gboolean
robust_centre (const double *values,
               guint         n,
               double       *median,
               double       *spread)
{
  g_autofree double *sorted = g_new (double, MAX (n, 1));
  guint m = 0;

  for (guint i = 0; i < n; i++)
    if (!isnan (values[i]))
      sorted[m++] = values[i];
  if (m < 5)
    return FALSE;
  qsort (sorted, m, sizeof (double), compare_doubles);
  *median = m % 2 ? sorted[m / 2] : (sorted[m / 2 - 1] + sorted[m / 2]) / 2;
  for (guint i = 0; i < m; i++)
    sorted[i] = fabs (sorted[i] - *median);
  qsort (sorted, m, sizeof (double), compare_doubles);
  *spread = 1.4826 * (m % 2 ? sorted[m / 2] : (sorted[m / 2 - 1] + sorted[m / 2]) / 2);
  return *spread > 0;
}

static gboolean
boxes_meet (double ax, double ay, double aw, double ah,
            double bx, double by, double bw, double bh,
            double gap)
{
  return ax < bx + bw + gap && bx < ax + aw + gap && ay < by + bh + gap && by < ay + ah + gap;
}

typedef struct
{
  guint  point;
  double z;
} Outlier;

static int
compare_outliers (gconstpointer a,
                  gconstpointer b)
{
  const Outlier *first = a, *second = b;

  return first->z > second->z ? -1 : first->z < second->z;
}

/* Names the councils furthest out, each right of its dot or else left of
 * it, leaving out any whose name would meet another name, the selected
 * council's or the plot's edge. */
static void
name_outliers (TallySwingScatterLayout     *layout,
               const TallySwingScatterData *data,
               const TallyChartStyle       *style,
               double                       left,
               double                       top,
               double                       right,
               double                       bottom)
{
  g_autofree double *xs = g_new (double, MAX (data->n_points, 1));
  g_autofree double *ys = g_new (double, MAX (data->n_points, 1));
  g_autoptr(GArray) outliers = g_array_new (FALSE, FALSE, sizeof (Outlier));
  double x_median, x_spread, y_median = 0, y_spread = 1, gap = _tally_chart_px (style, 2);
  gboolean use_y;

  layout->names = g_array_new (FALSE, TRUE, sizeof (Name));
  for (guint i = 0; i < data->n_points; i++)
    {
      xs[i] = isnan (layout->point_x[i]) ? NAN : data->points[i].x;
      ys[i] = isnan (layout->point_x[i]) || !data->has_y ? NAN : data->points[i].y;
    }
  if (!robust_centre (xs, data->n_points, &x_median, &x_spread))
    return;
  use_y = data->has_y && robust_centre (ys, data->n_points, &y_median, &y_spread);

  for (guint i = 0; i < data->n_points; i++)
    {
      Outlier outlier = { i, 0 };
      double zx, zy;

      if (isnan (xs[i]) || (int) i == layout->selected || data->points[i].name == NULL)
        continue;
      zx = (xs[i] - x_median) / x_spread;
      zy = use_y && !isnan (ys[i]) ? (ys[i] - y_median) / y_spread : 0;
      outlier.z = hypot (zx, zy);
      if (outlier.z >= OUTLIER_Z)
        g_array_append_val (outliers, outlier);
    }
  g_array_sort (outliers, compare_outliers);

  for (guint o = 0; o < outliers->len && layout->names->len < MAX_OUTLIERS; o++)
    {
      guint i = g_array_index (outliers, Outlier, o).point;
      Name name = { (int) i, NULL, 0, 0, 0, 0 };
      gboolean placed = FALSE;

      name.text = _tally_chart_text_new (style, TALLY_CHART_FONT_SMALL, data->points[i].name);
      _tally_chart_text_size (name.text, &name.width, &name.height);
      for (guint side = 0; side < 2 && !placed; side++)
        {
          name.x = side == 0 ? layout->point_x[i] + layout->radius + gap
                             : layout->point_x[i] - layout->radius - gap - name.width;
          name.y = layout->point_y[i] - name.height / 2;
          placed = name.x >= left && name.x + name.width <= right && name.y >= top && name.y + name.height <= bottom;
          if (placed && layout->selected_label != NULL)
            {
              double width, height;

              _tally_chart_text_size (layout->selected_label, &width, &height);
              placed = !boxes_meet (name.x, name.y, name.width, name.height, layout->selected_label_x,
                                    layout->selected_label_y, width, height, gap);
            }
          for (guint j = 0; placed && j < layout->names->len; j++)
            {
              const Name *other = &g_array_index (layout->names, Name, j);

              placed = !boxes_meet (name.x, name.y, name.width, name.height, other->x, other->y, other->width,
                                    other->height, gap);
            }
        }
      if (placed)
        g_array_append_val (layout->names, name);
      else
        g_object_unref (name.text);
    }
}

/**
 * tally_swing_scatter_layout_get_n_labels:
 *
 * Returns: how many councils are named: the selected one first, if any,
 *   then the outliers
 */
guint
tally_swing_scatter_layout_get_n_labels (const TallySwingScatterLayout *layout)
{
  g_return_val_if_fail (layout != NULL, 0);

  return (layout->selected_label ? 1 : 0) + layout->names->len;
}

/**
 * tally_swing_scatter_layout_get_label:
 * @index: from 0 to tally_swing_scatter_layout_get_n_labels()
 *
 * Returns: the point the label names, with the box it takes
 */
int
tally_swing_scatter_layout_get_label (const TallySwingScatterLayout *layout,
                                      guint                          index,
                                      double                        *x,
                                      double                        *y,
                                      double                        *width,
                                      double                        *height)
{
  const Name *name;

  g_return_val_if_fail (layout != NULL, -1);
  g_return_val_if_fail (index < tally_swing_scatter_layout_get_n_labels (layout), -1);

  if (layout->selected_label != NULL && index == 0)
    {
      *x = layout->selected_label_x;
      *y = layout->selected_label_y;
      _tally_chart_text_size (layout->selected_label, width, height);
      return layout->selected;
    }

  name = &g_array_index (layout->names, Name, index - (layout->selected_label ? 1 : 0));
  *x = name->x;
  *y = name->y;
  *width = name->width;
  *height = name->height;
  return name->point;
}

TallySwingScatterLayout *
tally_swing_scatter_layout_new (const TallySwingScatterData *data,
                                const TallyChartStyle       *style,
                                double                       width,
                                double                       height)
{
  TallySwingScatterLayout *layout;
  double low, high, top, bottom, left, right, y_tick_width = 0, legend_height = 0;
  double gap = _tally_chart_px (style, 8);

  g_return_val_if_fail (data != NULL, NULL);
  g_return_val_if_fail (style != NULL, NULL);

  layout = g_new0 (TallySwingScatterLayout, 1);
  layout->n_points = data->n_points;
  layout->point_x = g_new (double, MAX (data->n_points, 1));
  layout->point_y = g_new (double, MAX (data->n_points, 1));
  layout->has_y = data->has_y;
  layout->selected = -1;
  layout->radius = _tally_chart_px (style, data->n_points > 200 ? 3.5 : 5);

  _tally_chart_frame_layout (&layout->frame, style, &data->heading, width, height);
  top = layout->frame.body.y;
  bottom = layout->frame.body.y + layout->frame.body.height;
  left = layout->frame.body.x;
  right = left + layout->frame.body.width;

  /* The legend of colours across the top. */
  if (style->show_legend && data->n_legend > 0)
    {
      double x = 0, swatch = _tally_chart_px (style, 10);

      layout->legend = g_array_new (FALSE, TRUE, sizeof (TallyChartLegendItem));
      for (guint i = 0; i < data->n_legend; i++)
        {
          TallyChartLegendItem item = { 0 };
          double text_width, text_height;

          item.label = _tally_chart_text_new (style, TALLY_CHART_FONT_SMALL, data->legend[i].short_name);
          item.item = i;
          _tally_chart_text_size (item.label, &text_width, &text_height);
          if (x > 0 && x + swatch + gap / 2 + text_width > layout->frame.body.width)
            {
              x = 0;
              legend_height += text_height + _tally_chart_px (style, 4);
            }
          item.rect = (TallyChartRect) { x, legend_height, swatch + gap / 2 + text_width, text_height };
          x += item.rect.width + _tally_chart_px (style, 16);
          g_array_append_val (layout->legend, item);
        }
      legend_height += g_array_index (layout->legend, TallyChartLegendItem, 0).rect.height;
      layout->legend_y = top;
      top += legend_height + _tally_chart_px (style, 12);
    }

  if (data->has_y && data->y_label)
    {
      layout->y_label = _tally_chart_text_new (style, TALLY_CHART_FONT_SMALL, data->y_label);
      layout->y_label_y = top;
      top += _tally_chart_text_height (layout->y_label) + _tally_chart_px (style, 8);
    }

  if (data->x_label)
    {
      layout->x_label = _tally_chart_text_new (style, TALLY_CHART_FONT_SMALL, data->x_label);
      bottom -= _tally_chart_text_height (layout->x_label);
      layout->x_label_y = bottom;
      bottom -= _tally_chart_px (style, 2);
    }
  if (data->x_low_label || data->x_high_label)
    {
      g_autofree char *low_text = g_strdup_printf ("← %s", data->x_low_label ? data->x_low_label : "");
      g_autofree char *high_text = g_strdup_printf ("%s →", data->x_high_label ? data->x_high_label : "");

      layout->x_low_label = _tally_chart_text_new (style, TALLY_CHART_FONT_SMALL_BOLD, low_text);
      layout->x_high_label = _tally_chart_text_new (style, TALLY_CHART_FONT_SMALL_BOLD, high_text);
      if (!layout->x_label)
        {
          bottom -= _tally_chart_text_height (layout->x_low_label);
          layout->x_label_y = bottom;
        }
    }

  /* x ticks under the plot. */
  data_range (data, FALSE, &low, &high);
  layout->x_ticks = make_ticks (style, low, high, MAX (3, (guint) (layout->frame.body.width / _tally_chart_px (style, 70))),
                                &layout->n_x_ticks, &layout->x_low, &layout->x_high);
  bottom -= _tally_chart_text_height (layout->x_ticks[0].label) + _tally_chart_px (style, 6);
  layout->axis_label_y = bottom + _tally_chart_px (style, 5);

  if (data->has_y)
    {
      data_range (data, TRUE, &low, &high);
      layout->y_ticks = make_ticks (style, low, high, MAX (3, (guint) ((bottom - top) / _tally_chart_px (style, 50))),
                                    &layout->n_y_ticks, &layout->y_low, &layout->y_high);
      for (guint t = 0; t < layout->n_y_ticks; t++)
        y_tick_width = MAX (y_tick_width, _tally_chart_text_width (layout->y_ticks[t].label));
      left += y_tick_width + gap;
    }

  layout->plot = (TallyChartRect) { left, top, MAX (right - left, 1), MAX (bottom - top, 1) };

  for (guint t = 0; t < layout->n_x_ticks; t++)
    layout->x_ticks[t].position = left + layout->plot.width * (layout->x_ticks[t].value - layout->x_low) /
                                         (layout->x_high - layout->x_low);
  for (guint t = 0; t < layout->n_y_ticks; t++)
    layout->y_ticks[t].position = bottom - layout->plot.height * (layout->y_ticks[t].value - layout->y_low) /
                                           (layout->y_high - layout->y_low);

  for (guint i = 0; i < data->n_points; i++)
    {
      const TallySwingScatterPoint *point = &data->points[i];

      layout->point_x[i] = isnan (point->x) ? NAN
                         : left + layout->plot.width * (point->x - layout->x_low) / (layout->x_high - layout->x_low);
      layout->point_y[i] = !data->has_y ? NAN
                         : isnan (point->y) ? NAN
                         : bottom - layout->plot.height * (point->y - layout->y_low) / (layout->y_high - layout->y_low);
      if (data->has_y && isnan (point->y))
        layout->point_x[i] = NAN;
      if (data->selected_key && point->key && g_str_equal (data->selected_key, point->key))
        layout->selected = (int) i;
    }

  if (!data->has_y)
    stack_dots (layout, top + layout->plot.height / 2);

  if (layout->selected >= 0 && !isnan (layout->point_x[layout->selected]))
    {
      const TallySwingScatterPoint *point = &data->points[layout->selected];
      double text_width, text_height, x = layout->point_x[layout->selected], y = layout->point_y[layout->selected];

      layout->selected_label = _tally_chart_text_new (style, TALLY_CHART_FONT_LABEL_BOLD, point->name);
      _tally_chart_text_size (layout->selected_label, &text_width, &text_height);
      layout->selected_label_x = x + layout->radius * 2 + _tally_chart_px (style, 2);
      if (layout->selected_label_x + text_width > right)
        layout->selected_label_x = x - layout->radius * 2 - _tally_chart_px (style, 2) - text_width;
      layout->selected_label_y = CLAMP (y - text_height - layout->radius, top, bottom - text_height);
    }

  name_outliers (layout, data, style, left, top, right, bottom);

  return layout;
}

void
tally_swing_scatter_layout_free (TallySwingScatterLayout *layout)
{
  if (layout == NULL)
    return;

  _tally_chart_frame_clear (&layout->frame);
  g_free (layout->point_x);
  g_free (layout->point_y);
  for (guint t = 0; t < layout->n_x_ticks; t++)
    g_clear_object (&layout->x_ticks[t].label);
  for (guint t = 0; t < layout->n_y_ticks; t++)
    g_clear_object (&layout->y_ticks[t].label);
  g_free (layout->x_ticks);
  g_free (layout->y_ticks);
  g_clear_object (&layout->selected_label);
  for (guint i = 0; layout->names != NULL && i < layout->names->len; i++)
    g_clear_object (&g_array_index (layout->names, Name, i).text);
  g_clear_pointer (&layout->names, g_array_unref);
  g_clear_object (&layout->x_label);
  g_clear_object (&layout->y_label);
  g_clear_object (&layout->x_low_label);
  g_clear_object (&layout->x_high_label);
  _tally_chart_legend_clear (layout->legend);
  g_free (layout);
}

/**
 * tally_swing_scatter_layout_get_point:
 *
 * Returns: whether @item is plotted (it has a swing); if so, its dot
 */
gboolean
tally_swing_scatter_layout_get_point (const TallySwingScatterLayout *layout,
                                      guint                          item,
                                      double                        *x,
                                      double                        *y,
                                      double                        *radius)
{
  g_return_val_if_fail (layout != NULL, FALSE);

  if (item >= layout->n_points || isnan (layout->point_x[item]))
    return FALSE;

  *x = layout->point_x[item];
  *y = layout->point_y[item];
  *radius = layout->radius;
  return TRUE;
}

int
tally_swing_scatter_layout_get_selected (const TallySwingScatterLayout *layout)
{
  g_return_val_if_fail (layout != NULL, -1);
  return layout->selected;
}

/**
 * tally_swing_scatter_layout_lookup_item:
 *
 * Returns: the point nearest @x, @y within reach of a finger, or -1
 */
int
tally_swing_scatter_layout_lookup_item (const TallySwingScatterLayout *layout,
                                        double                         x,
                                        double                         y)
{
  double best = G_MAXDOUBLE, reach;
  int found = -1;

  g_return_val_if_fail (layout != NULL, -1);

  /* The selected dot is drawn on top, larger: it wins where it shows. */
  if (layout->selected >= 0 && !isnan (layout->point_x[layout->selected]) &&
      hypot (layout->point_x[layout->selected] - x, layout->point_y[layout->selected] - y) <= layout->radius * 1.5)
    return layout->selected;

  reach = MAX (layout->radius * 2, 6);
  for (guint i = 0; i < layout->n_points; i++)
    {
      double dx = layout->point_x[i] - x;
      double dy = layout->point_y[i] - y;
      double distance = dx * dx + dy * dy;

      if (!isnan (layout->point_x[i]) && distance <= reach * reach && distance < best)
        {
          best = distance;
          found = (int) i;
        }
    }

  return found;
}

void
tally_swing_scatter_paint (cairo_t                       *cr,
                           const TallySwingScatterLayout *layout,
                           const TallySwingScatterData   *data,
                           const TallyChartStyle         *style,
                           int                            highlight)
{
  const TallyChartRect *plot;
  double line = _tally_chart_px (style, 1);

  g_return_if_fail (cr != NULL);
  g_return_if_fail (layout != NULL);
  g_return_if_fail (data != NULL && data->n_points == layout->n_points);

  plot = &layout->plot;
  cairo_save (cr);
  _tally_chart_frame_paint (cr, &layout->frame, style);

  if (layout->legend)
    {
      double swatch = _tally_chart_px (style, 10);

      for (guint i = 0; i < layout->legend->len; i++)
        {
          const TallyChartLegendItem *item = &g_array_index (layout->legend, TallyChartLegendItem, i);
          double x = layout->frame.body.x + item->rect.x;
          double y = layout->legend_y + item->rect.y;
          double middle = y + _tally_chart_text_baseline (item->label) - swatch * 0.4;

          _tally_chart_set_rgb (cr, tally_chart_party_rgb (&data->legend[item->item], style), 1);
          cairo_arc (cr, x + swatch / 2, middle, swatch / 2, 0, 2 * G_PI);
          cairo_fill (cr);
          _tally_chart_text_paint (cr, item->label, x + swatch + _tally_chart_px (style, 4), y, style->ink_secondary, 1);
        }
    }

  /* Gridlines, with zero in the rule's colour. */
  cairo_set_line_width (cr, line);
  for (guint t = 0; t < layout->n_x_ticks; t++)
    {
      double x = round (layout->x_ticks[t].position) + 0.5;
      gboolean zero = fabs (layout->x_ticks[t].value) < 1e-9;

      _tally_chart_set_rgb (cr, zero ? style->rule : style->grid, 1);
      cairo_move_to (cr, x, plot->y);
      cairo_line_to (cr, x, plot->y + plot->height + _tally_chart_px (style, 3));
      cairo_stroke (cr);
      _tally_chart_text_paint_aligned (cr, layout->x_ticks[t].label, x,
                                       layout->axis_label_y, TALLY_CHART_ALIGN_CENTER, style->ink_faint, 1);
    }
  for (guint t = 0; t < layout->n_y_ticks; t++)
    {
      double y = round (layout->y_ticks[t].position) + 0.5;
      gboolean zero = fabs (layout->y_ticks[t].value) < 1e-9;
      double text_width, text_height;

      _tally_chart_set_rgb (cr, zero ? style->rule : style->grid, 1);
      cairo_move_to (cr, plot->x, y);
      cairo_line_to (cr, plot->x + plot->width, y);
      cairo_stroke (cr);
      _tally_chart_text_size (layout->y_ticks[t].label, &text_width, &text_height);
      _tally_chart_text_paint_aligned (cr, layout->y_ticks[t].label, plot->x - _tally_chart_px (style, 8),
                                       y - text_height / 2, TALLY_CHART_ALIGN_END, style->ink_faint, 1);
    }
  if (!layout->has_y)
    {
      _tally_chart_set_rgb (cr, style->grid, 1);
      cairo_move_to (cr, plot->x, round (plot->y + plot->height / 2) + 0.5);
      cairo_line_to (cr, plot->x + plot->width, round (plot->y + plot->height / 2) + 0.5);
      cairo_stroke (cr);
    }

  _tally_chart_text_paint (cr, layout->y_label, layout->frame.body.x, layout->y_label_y, style->ink_secondary, 1);
  if (layout->x_label)
    _tally_chart_text_paint_aligned (cr, layout->x_label, plot->x + plot->width / 2,
                                     layout->x_label_y, TALLY_CHART_ALIGN_CENTER, style->ink_secondary, 1);
  if (layout->x_low_label)
    {
      _tally_chart_text_paint (cr, layout->x_low_label, plot->x, layout->x_label_y, style->ink_secondary, 1);
      _tally_chart_text_paint_aligned (cr, layout->x_high_label, plot->x + plot->width,
                                       layout->x_label_y, TALLY_CHART_ALIGN_END, style->ink_secondary, 1);
    }

  /* Dots, each ringed in the page colour so clusters stay countable. */
  for (guint i = 0; i < layout->n_points; i++)
    {
      double alpha = highlight >= 0 && (guint) highlight != i ? 0.55 : 0.9;

      if (isnan (layout->point_x[i]) || (int) i == layout->selected)
        continue;

      cairo_arc (cr, layout->point_x[i], layout->point_y[i], layout->radius, 0, 2 * G_PI);
      _tally_chart_set_rgb (cr, style->colour_blind_safe ? data->points[i].colour_safe : data->points[i].colour, alpha);
      cairo_fill_preserve (cr);
      if (style->background != TALLY_CHART_BACKGROUND_TRANSPARENT)
        {
          _tally_chart_set_rgb (cr, style->page, 1);
          cairo_set_line_width (cr, _tally_chart_px (style, 0.75));
          cairo_stroke (cr);
        }
      else
        cairo_new_path (cr);
    }

  /* Hovered or focused, then selected, on top. */
  for (guint pass = 0; pass < 2; pass++)
    {
      int item = pass == 0 ? highlight : layout->selected;
      double radius = layout->radius * (pass == 0 ? 1.3 : 1.5);

      if (item < 0 || (guint) item >= layout->n_points || isnan (layout->point_x[item]))
        continue;
      if (pass == 0 && item == layout->selected)
        continue;

      cairo_arc (cr, layout->point_x[item], layout->point_y[item], radius, 0, 2 * G_PI);
      _tally_chart_set_rgb (cr, style->colour_blind_safe ? data->points[item].colour_safe : data->points[item].colour, 1);
      cairo_fill_preserve (cr);
      _tally_chart_set_rgb (cr, pass == 0 ? style->ink : style->focus, 1);
      cairo_set_line_width (cr, _tally_chart_px (style, 2));
      cairo_stroke (cr);
    }

  for (guint i = 0; i < layout->names->len; i++)
    {
      const Name *name = &g_array_index (layout->names, Name, i);

      _tally_chart_text_paint_halo (cr, name->text, name->x, name->y, style, style->ink_secondary);
    }
  if (layout->selected_label)
    _tally_chart_text_paint_halo (cr, layout->selected_label, layout->selected_label_x, layout->selected_label_y,
                                  style, style->ink);

  cairo_restore (cr);
}

void
tally_swing_scatter_draw (cairo_t                     *cr,
                          double                       width,
                          double                       height,
                          const TallySwingScatterData *data,
                          const TallyChartStyle       *style)
{
  g_autoptr(TallySwingScatterLayout) layout = NULL;

  g_return_if_fail (cr != NULL);
  g_return_if_fail (data != NULL);
  g_return_if_fail (style != NULL);

  layout = tally_swing_scatter_layout_new (data, style, width, height);
  tally_swing_scatter_paint (cr, layout, data, style, -1);
}
