/* tally-column-fit.h: a column view's columns as wide as what they show.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

void     tally_column_fit_set_numeric (GtkColumnViewColumn *column);
gboolean tally_column_fit_is_numeric  (GtkColumnViewColumn *column);
void     tally_column_fit_headers (GtkColumnView       *view);
gboolean tally_column_fit_texts   (GtkColumnView       *view,
                                   GtkColumnViewColumn *column,
                                   GPtrArray           *texts);

G_END_DECLS
