/* tally-widget-text.h: text set again only when it changed.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

void tally_label_set_text_kept     (GtkLabel   *label,
                                    const char *text);
void tally_widget_set_tooltip_kept (GtkWidget  *widget,
                                    const char *text);

G_END_DECLS
