/* tally-test-widgets.h: what the widget tests share.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

gboolean tally_test_widgets_init    (void);
void     tally_test_wait_for_frames (guint milliseconds);

G_END_DECLS
