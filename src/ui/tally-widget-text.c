/* tally-widget-text.c: text set again only when it changed.
 *
 * A live reload gives every view its figures again, most of them the same.
 * A label given text has it laid out again by Pango, at every width GTK
 * tries, even when the text is what it showed; in GTK 4.8 setting a
 * tooltip asks the X server where the pointer is.  So views that follow
 * the count set both through these, which leave what has not changed.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "tally-widget-text.h"

/**
 * tally_label_set_text_kept:
 * @text: (nullable): the text, %NULL for none
 *
 * Sets @text on @label unless it shows it already, so that its layout is
 * kept.
 */
void
tally_label_set_text_kept (GtkLabel   *label,
                           const char *text)
{
  g_return_if_fail (GTK_IS_LABEL (label));

  if (g_strcmp0 (gtk_label_get_text (label), text ? text : "") != 0)
    gtk_label_set_text (label, text);
}

/**
 * tally_widget_set_tooltip_kept:
 * @text: (nullable): the tooltip, %NULL or "" for none
 *
 * Sets @text as @widget's tooltip unless it is that already.
 */
void
tally_widget_set_tooltip_kept (GtkWidget  *widget,
                               const char *text)
{
  g_return_if_fail (GTK_IS_WIDGET (widget));

  if (g_strcmp0 (gtk_widget_get_tooltip_text (widget), text && text[0] ? text : NULL) != 0)
    gtk_widget_set_tooltip_text (widget, text);
}
