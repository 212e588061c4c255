/* tally-test-widgets.h: what the widget tests share.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "tally-window.h"

G_BEGIN_DECLS

gboolean tally_test_widgets_init    (void);
void     tally_test_wait_for_frames (guint milliseconds);
gboolean tally_test_click           (GtkWidget     *widget,
                                     guint          n_clicks);
GtkWidget *tally_test_find_action_widget (GtkWidget  *root,
                                          const char *action_name);
void     tally_test_fill_screen     (GtkWindow     *window,
                                     int            width,
                                     int            height);
void     tally_test_assert_columns_whole (GtkColumnView *view);
void     tally_test_assert_cells_whole   (GtkColumnView *view,
                                          const char    *title,
                                          GPtrArray     *texts);
void     tally_test_assert_list_at_1920  (TallyWindow   *window);
void     tally_test_assert_list_cells_whole (TallyWindow *window);

G_END_DECLS
