/* tally-council-list-defer.c: the council list's rows below the fold,
 * built after the window's first frame.
 *
 * GTK 4.8's list views build a widget for up to 200 items, seen or not:
 * 150 councils of a dozen cells each were about two thirds of Tally's
 * start (building the cells, binding them, measuring every label with
 * Pango before the first frame).  A list told to defer its rows shows the
 * sorted rows through a slice as long as a screen can show, and after the
 * first frame is painted grows it a chunk a frame until every row is
 * there.  If the first rows do not fill the list when the first frame is
 * laid out, as many as it has room for are built before it is painted.
 * The rows, their order, the selection and what a screen reader
 * reads of each are the same: the rows that come later were below the
 * fold.  Whatever needs a row by its place (selecting a council, scrolling
 * to it) has every row built first.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "tally-council-list-private.h"

/* Rows added a frame once the first frame is painted. */
#define ROWS_A_FRAME 25

/* No more rows on a frame, and no waiting for the first (disposing). */
void
_tally_council_list_stop_deferring (TallyCouncilList *self)
{
  if (self->deferred_frame_clock != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->deferred_frame_clock, self);
      g_clear_object (&self->deferred_frame_clock);
    }
  if (self->grow_tick != 0)
    {
      gtk_widget_remove_tick_callback (GTK_WIDGET (self->column_view), self->grow_tick);
      self->grow_tick = 0;
    }
}

/* Every row, at once. */
void
_tally_council_list_build_every_row (TallyCouncilList *self)
{
  _tally_council_list_stop_deferring (self);
  if (self->slice != NULL && gtk_slice_list_model_get_size (self->slice) != G_MAXUINT)
    gtk_slice_list_model_set_size (self->slice, G_MAXUINT);
}

static gboolean
grow_tick_cb (GtkWidget     *widget,
              GdkFrameClock *clock,
              gpointer       user_data)
{
  TallyCouncilList *self = user_data;
  guint size = gtk_slice_list_model_get_size (self->slice);

  if (size + ROWS_A_FRAME >= g_list_model_get_n_items (G_LIST_MODEL (self->sorted)))
    {
      self->grow_tick = 0;
      gtk_slice_list_model_set_size (self->slice, G_MAXUINT);
      return G_SOURCE_REMOVE;
    }

  gtk_slice_list_model_set_size (self->slice, size + ROWS_A_FRAME);
  return G_SOURCE_CONTINUE;
}

/* Each time the frame is laid out before the first is painted: as many
 * rows as the list has room for, when it has fewer.  GDK lays a frame out
 * again before painting it when a layout asks for another. */
static void
laid_out_cb (GdkFrameClock    *clock,
             TallyCouncilList *self)
{
  GtkWidget *rows = gtk_widget_get_last_child (GTK_WIDGET (self->column_view));
  GtkWidget *row = rows != NULL ? gtk_widget_get_first_child (rows) : NULL;
  guint size = gtk_slice_list_model_get_size (self->slice);
  int row_height = row != NULL ? gtk_widget_get_height (row) : 0;
  guint room;

  if (row_height <= 0 || size == G_MAXUINT || size >= g_list_model_get_n_items (G_LIST_MODEL (self->sorted)))
    return;
  room = (guint) (gtk_widget_get_height (rows) / row_height) + 1;
  if (room > size)
    gtk_slice_list_model_set_size (self->slice, room);
}

static void
first_frame_painted_cb (GdkFrameClock    *clock,
                        TallyCouncilList *self)
{
  g_signal_handlers_disconnect_by_data (clock, self);
  g_clear_object (&self->deferred_frame_clock);
  if (self->grow_tick == 0)
    self->grow_tick = gtk_widget_add_tick_callback (GTK_WIDGET (self->column_view), grow_tick_cb, self, NULL);
}

/* The list was put on screen: the rest of its rows after this frame. */
void
_tally_council_list_deferred_mapped (TallyCouncilList *self)
{
  GdkFrameClock *clock;

  if (gtk_slice_list_model_get_size (self->slice) == G_MAXUINT || self->deferred_frame_clock != NULL ||
      self->grow_tick != 0)
    return;

  clock = gtk_widget_get_frame_clock (GTK_WIDGET (self->column_view));
  if (clock == NULL)
    {
      _tally_council_list_build_every_row (self);
      return;
    }
  self->deferred_frame_clock = g_object_ref (clock);
  g_signal_connect_after (clock, "layout", G_CALLBACK (laid_out_cb), self);
  g_signal_connect (clock, "after-paint", G_CALLBACK (first_frame_painted_cb), self);
}

/**
 * tally_council_list_defer_rows:
 * @n_first: how many rows to build before the list's first frame: about
 *   as many as it shows (more are built before the frame is painted if
 *   the list has room for them)
 *
 * Until the list's first frame is painted, only its first @n_first rows
 * are built; the others follow, a few a frame, as soon as it is painted.
 * For a window's start, before its database is opened.
 */
void
tally_council_list_defer_rows (TallyCouncilList *self,
                               guint             n_first)
{
  g_return_if_fail (TALLY_IS_COUNCIL_LIST (self));

  gtk_slice_list_model_set_size (self->slice, MAX (n_first, 1));
  if (gtk_widget_get_mapped (GTK_WIDGET (self->column_view)))
    _tally_council_list_deferred_mapped (self);
}
