/* tally-window-export.c: getting a chart, the map or the list out of the
 * window: the export dialog, a copy on the clipboard (an image, or a row
 * or table as tab-separated text), print, and CSV of the list.
 *
 * What is exported is what is in view: the map on the Map view, the chart
 * with the keyboard focus on the Charts view (the state of the parties when
 * none has it), a council's seat chart on its page, and the state of the
 * parties from the council list.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "tally-export-dialog.h"
#include "tally-export-table.h"
#include "tally-window-private.h"

static gboolean
map_in_view (TallyWindow *self)
{
  return g_strcmp0 (adw_view_stack_get_visible_child_name (self->view_stack), "map") == 0;
}

static TallyChartView *
chart_in_view (TallyWindow *self)
{
  const char *view = adw_view_stack_get_visible_child_name (self->view_stack);

  if (g_strcmp0 (view, "charts") == 0)
    {
      GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (self));
      GtkWidget *chart = focus ? gtk_widget_get_ancestor (focus, TALLY_TYPE_CHART_VIEW) : NULL;

      if (chart != NULL)
        return TALLY_CHART_VIEW (chart);
    }
  else if (g_strcmp0 (view, "councils") == 0 && g_str_equal (tally_window_get_page (self), "council"))
    {
      return tally_council_page_get_hemicycle (self->council_page);
    }

  return tally_charts_page_get_view (_tally_window_get_charts_page (self), TALLY_CHART_STATE);
}

static void
exported_cb (TallyWindow *self,
             GFile       *file)
{
  g_autofree char *name = g_file_get_basename (file);
  g_autofree char *message = g_strdup_printf (_("Exported “%s”"), name);

  _tally_window_toast (self, message);
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  TallyWindow *self = TALLY_WINDOW (widget);
  TallyExportDialog *dialog;

  if (self->results == NULL)
    return;

  if (map_in_view (self))
    dialog = tally_export_dialog_present_map (GTK_WINDOW (self), self->map_view);
  else
    dialog = tally_export_dialog_present_chart (GTK_WINDOW (self), chart_in_view (self));

  if (dialog != NULL)
    g_signal_connect_object (dialog, "exported", G_CALLBACK (exported_cb), self, G_CONNECT_SWAPPED);
}

static void
copy_chart_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  TallyWindow *self = TALLY_WINDOW (widget);
  g_autoptr(GError) error = NULL;
  gboolean copied;

  if (self->results == NULL)
    return;

  if (map_in_view (self))
    copied = tally_export_copy_map (self->map_view, &error);
  else
    copied = tally_export_copy_chart (chart_in_view (self), &error);

  _tally_window_toast (self, copied ? _("Copied as an image") : error->message);
}

/**
 * tally_window_print:
 * @pdf_path: (nullable): export the page to this PDF with no dialog
 *
 * Prints what is in view: the map, the council page, or the chart in view.
 */
gboolean
tally_window_print (TallyWindow  *self,
                    const char   *pdf_path,
                    GError      **error)
{
  g_return_val_if_fail (TALLY_IS_WINDOW (self), FALSE);

  if (self->results == NULL)
    return FALSE;
  if (map_in_view (self))
    return tally_export_print_map (GTK_WINDOW (self), self->map_view, pdf_path, error);
  if (g_strcmp0 (adw_view_stack_get_visible_child_name (self->view_stack), "councils") == 0 &&
      g_str_equal (tally_window_get_page (self), "council"))
    return tally_export_print_council (GTK_WINDOW (self), self->council_page, pdf_path, error);
  return tally_export_print_chart (GTK_WINDOW (self), chart_in_view (self), pdf_path, error);
}

static void
print_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  g_autoptr(GError) error = NULL;

  if (!tally_window_print (TALLY_WINDOW (widget), NULL, &error) && error != NULL)
    _tally_window_toast (TALLY_WINDOW (widget), error->message);
}

/**
 * tally_window_copy_text:
 *
 * Returns: (transfer full) (nullable): what Ctrl+C copies as text where
 *   the focus is not in a text field: on a council's page its table of
 *   parties, in the list the selected council's row, with a heading line,
 *   both tab-separated for a spreadsheet; %NULL elsewhere (on the Charts
 *   and Map views Ctrl+C copies the figure as an image)
 */
char *
tally_window_copy_text (TallyWindow *self)
{
  GtkColumnView *view;
  GtkSelectionModel *model;
  g_autoptr(GtkBitset) selected = NULL;
  g_autoptr(GListStore) rows = NULL;

  g_return_val_if_fail (TALLY_IS_WINDOW (self), NULL);

  if (self->results == NULL ||
      g_strcmp0 (adw_view_stack_get_visible_child_name (self->view_stack), "councils") != 0)
    return NULL;

  if (g_str_equal (tally_window_get_page (self), "council"))
    {
      const char *tsv = tally_council_page_get_table_tsv (self->council_page);

      return tsv && *tsv ? g_strdup (tsv) : NULL;
    }

  view = tally_council_list_get_column_view (self->council_list);
  model = gtk_column_view_get_model (view);
  selected = gtk_selection_model_get_selection (model);
  if (gtk_bitset_is_empty (selected))
    return NULL;

  rows = g_list_store_new (G_TYPE_OBJECT);
  for (guint64 i = 0; i < gtk_bitset_get_size (selected); i++)
    {
      g_autoptr(TallyCouncilRow) row = g_list_model_get_item (G_LIST_MODEL (model), gtk_bitset_get_nth (selected, i));

      g_list_store_append (rows, tally_council_row_get_result (row));
    }
  return tally_export_table_to_tsv (G_LIST_MODEL (rows), self->results);
}

static void
copy_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  TallyWindow *self = TALLY_WINDOW (widget);
  g_autofree char *text = tally_window_copy_text (self);

  /* On the Charts and Map views, the figure in view, as Ctrl+Shift+C. */
  if (text == NULL && self->results != NULL &&
      g_strcmp0 (adw_view_stack_get_visible_child_name (self->view_stack), "councils") != 0)
    {
      copy_chart_action (widget, "win.copy-chart", NULL);
      return;
    }
  if (text == NULL)
    return;
  gdk_clipboard_set_text (gtk_widget_get_clipboard (widget), text);
  _tally_window_toast (self, g_str_equal (tally_window_get_page (self), "council")
                               ? _("Copied the table: paste it into a spreadsheet")
                               : _("Copied the row: paste it into a spreadsheet"));
}

static void
csv_saved_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(TallyWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = tally_export_table_save_finish (result, &error);

  if (file != NULL)
    exported_cb (self, file);
  else if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    _tally_window_toast (self, error->message);
}

static void
export_csv_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  TallyWindow *self = TALLY_WINDOW (widget);
  g_autoptr(GListModel) shown = NULL;

  if (self->results == NULL)
    return;

  /* The rows as the list shows them: filtered and sorted. */
  shown = tally_council_list_get_shown (self->council_list);
  tally_export_table_save (GTK_WINDOW (self), shown, self->results, NULL, csv_saved_cb, g_object_ref (self));
}

void
_tally_window_class_init_export (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.export", NULL, export_action);
  gtk_widget_class_install_action (widget_class, "win.copy-chart", NULL, copy_chart_action);
  gtk_widget_class_install_action (widget_class, "win.export-csv", NULL, export_csv_action);
  gtk_widget_class_install_action (widget_class, "win.print", NULL, print_action);
  gtk_widget_class_install_action (widget_class, "win.copy", NULL, copy_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_e, GDK_CONTROL_MASK, "win.export", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_p, GDK_CONTROL_MASK, "win.print", NULL);
  /* A text field with the focus copies its own selection first. */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_c, GDK_CONTROL_MASK, "win.copy", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_c, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "win.copy-chart", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_e, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "win.export-csv", NULL);
}
