/* tally-column-fit.c: a column view's columns as wide as what they show.
 *
 * A GtkColumnView column of fixed width cuts what does not fit: a cell's
 * label is ellipsized, and in GTK 4.8 a header wider than its column runs
 * past it into the next one, or off the window's edge.  Widths set by hand
 * fit the font they were chosen with and no other, so the list measures
 * instead: each header's title with its sort arrow, and the longest text a
 * column can show, in the cells' own font and padding.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>

#include "tally-column-fit.h"

static GQuark
numeric_quark (void)
{
  return g_quark_from_static_string ("tally-column-fit-numeric");
}

/**
 * tally_column_fit_set_numeric:
 *
 * Marks @column as one of figures: its cells are right-aligned, so
 * tally_column_fit_headers() right-aligns its title over them, the sort
 * arrow on the title's left, as a results table sets its figures' heads.
 */
void
tally_column_fit_set_numeric (GtkColumnViewColumn *column)
{
  g_return_if_fail (GTK_IS_COLUMN_VIEW_COLUMN (column));

  g_object_set_qdata (G_OBJECT (column), numeric_quark (), GINT_TO_POINTER (TRUE));
}

/**
 * tally_column_fit_is_numeric:
 *
 * Returns: whether @column was marked with tally_column_fit_set_numeric()
 */
gboolean
tally_column_fit_is_numeric (GtkColumnViewColumn *column)
{
  g_return_val_if_fail (GTK_IS_COLUMN_VIEW_COLUMN (column), FALSE);

  return g_object_get_qdata (G_OBJECT (column), numeric_quark ()) != NULL;
}

/* The label in a column's title, or NULL. */
static GtkWidget *
find_title_label (GtkWidget *widget)
{
  if (GTK_IS_LABEL (widget))
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *label = find_title_label (child);

      if (label != NULL)
        return label;
    }
  return NULL;
}

/* A figures column's title at its right edge, over the figures' ends; its
 * sort arrow, which follows the title in GTK's box, moves before it. */
static void
align_title_end (GtkWidget *title)
{
  GtkWidget *label = find_title_label (title);
  GtkWidget *box;

  if (label == NULL)
    return;

  gtk_label_set_xalign (GTK_LABEL (label), 1);
  gtk_widget_set_hexpand (label, TRUE);
  box = gtk_widget_get_parent (label);
  if (GTK_IS_BOX (box) && gtk_widget_get_next_sibling (label) != NULL)
    gtk_box_reorder_child_after (GTK_BOX (box), label, gtk_widget_get_last_child (box));
}

/**
 * tally_column_fit_headers:
 *
 * Widens each column of @view that is narrower than its header's title
 * and sort arrow, so that no title is cut.  Columns already wide enough
 * keep their width.  The titles of figures columns (see
 * tally_column_fit_set_numeric()) stand at their columns' right edge.
 */
void
tally_column_fit_headers (GtkColumnView *view)
{
  GListModel *columns;
  GtkWidget *header;
  GtkWidget *title;
  guint i = 0;

  g_return_if_fail (GTK_IS_COLUMN_VIEW (view));

  /* The header row is the view's first child; its children are the
   * visible columns' titles, in order. */
  columns = gtk_column_view_get_columns (view);
  header = gtk_widget_get_first_child (GTK_WIDGET (view));
  if (header == NULL || GTK_IS_LIST_VIEW (header))
    return;

  for (title = gtk_widget_get_first_child (header);
       title != NULL && i < g_list_model_get_n_items (columns);
       title = gtk_widget_get_next_sibling (title), i++)
    {
      g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (columns, i);
      int fixed = gtk_column_view_column_get_fixed_width (column);
      int natural;

      if (!gtk_widget_get_visible (title))
        continue;
      if (tally_column_fit_is_numeric (column))
        align_title_end (title);
      /* A title measures as its column's fixed width, whatever it shows:
       * ask it without one. */
      gtk_column_view_column_set_fixed_width (column, -1);
      gtk_widget_measure (title, GTK_ORIENTATION_HORIZONTAL, -1, NULL, &natural, NULL, NULL);
      gtk_column_view_column_set_fixed_width (column, MAX (fixed, natural));
    }
}

/* A label showing @column's text in a row on screen, or NULL before any
 * row is. */
static GtkWidget *
find_cell_label (GtkColumnView       *view,
                 GtkColumnViewColumn *column)
{
  GListModel *columns = gtk_column_view_get_columns (view);
  GtkWidget *list = gtk_widget_get_last_child (GTK_WIDGET (view));
  guint position = 0;

  while (list != NULL && !GTK_IS_LIST_VIEW (list))
    list = gtk_widget_get_prev_sibling (list);
  if (list == NULL)
    return NULL;

  for (; position < g_list_model_get_n_items (columns); position++)
    {
      g_autoptr(GtkColumnViewColumn) other = g_list_model_get_item (columns, position);

      if (other == column)
        break;
    }

  /* Rows hold one cell per column, in order; each cell holds the label. */
  for (GtkWidget *row = gtk_widget_get_first_child (list); row != NULL; row = gtk_widget_get_next_sibling (row))
    {
      GtkWidget *cell = gtk_widget_get_first_child (row);

      if (!gtk_widget_get_mapped (row) || gtk_widget_get_width (row) == 0)
        continue;
      for (guint i = 0; cell != NULL && i < position; i++)
        cell = gtk_widget_get_next_sibling (cell);
      if (cell != NULL && GTK_IS_LABEL (gtk_widget_get_first_child (cell)))
        return gtk_widget_get_first_child (cell);
    }
  return NULL;
}

/**
 * tally_column_fit_texts:
 * @column: a column of @view whose cells are labels
 * @texts: (element-type utf8): every text the column may show
 *
 * Makes @column as wide as the widest of @texts needs to show whole: the
 * text in the cells' font, and a cell's padding and border around it.
 *
 * Returns: %FALSE when no row is on screen yet to measure a cell by
 */
gboolean
tally_column_fit_texts (GtkColumnView       *view,
                        GtkColumnViewColumn *column,
                        GPtrArray           *texts)
{
  GtkWidget *label = find_cell_label (view, column);
  graphene_rect_t cell_box, label_box;
  GtkWidget *cell;
  int padding, widest = 0;

  if (label == NULL)
    return FALSE;

  for (guint i = 0; i < texts->len; i++)
    {
      g_autoptr(PangoLayout) layout = gtk_widget_create_pango_layout (label, g_ptr_array_index (texts, i));
      int width;

      pango_layout_get_pixel_size (layout, &width, NULL);
      widest = MAX (widest, width);
    }

  /* What a cell adds around its label, padding and border: its box less
   * the label's.  (Its measured minimum is no guide: with a fixed width,
   * GTK 4.8 leaves the padding out of it.) */
  cell = gtk_widget_get_parent (label);
  if (!gtk_widget_compute_bounds (cell, gtk_widget_get_parent (cell), &cell_box) ||
      !gtk_widget_compute_bounds (label, gtk_widget_get_parent (cell), &label_box))
    return FALSE;
  padding = (int) ceilf (cell_box.size.width - label_box.size.width);
  gtk_column_view_column_set_fixed_width (column, widest + MAX (padding, 0));

  return TRUE;
}
