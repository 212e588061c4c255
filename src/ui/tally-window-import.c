/* tally-window-import.c: importing results files from the window.
 *
 * Files come from the Import action's file chooser or are dropped on the
 * window.  They go into the user's own database (never the installed one),
 * on a worker thread, with a progress bar and a Cancel button under the
 * content.  A bad file changes nothing and its error, which names the file,
 * line and field, is shown in a dialog; a good one ends with a toast that
 * sums up what was read, and the window opens the user's database.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "tally-database.h"
#include "tally-import.h"
#include "tally-window-private.h"

void
_tally_window_toast (TallyWindow *self,
                     const char  *message)
{
  AdwToast *toast = adw_toast_new (message);

  adw_toast_set_timeout (toast, 8);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static void
set_import_actions (TallyWindow *self)
{
  gboolean running = self->importer != NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.import", !running);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.cancel-import", running);
  gtk_revealer_set_reveal_child (self->import_revealer, running);
}

static void
fraction_changed_cb (TallyWindow   *self,
                     GParamSpec    *pspec,
                     TallyImporter *importer)
{
  gtk_progress_bar_set_fraction (self->import_progress, tally_importer_get_fraction (importer));
}

static void
show_import_error (TallyWindow *self,
                   const char  *message)
{
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Nothing Was Imported"), message);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "close");
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
import_done_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(TallyWindow) self = user_data;
  TallyImporter *importer = TALLY_IMPORTER (object);
  g_autoptr(TallyImportSummary) summary = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *database_path = g_strdup (tally_importer_get_database_path (importer));

  summary = tally_importer_run_finish (importer, result, &error);

  g_signal_handlers_disconnect_by_data (importer, self);
  g_clear_object (&self->importer);
  g_clear_object (&self->import_cancellable);
  set_import_actions (self);

  if (summary == NULL)
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        _tally_window_toast (self, _("Import cancelled: nothing was changed"));
      else
        show_import_error (self, error->message);
      return;
    }

  if (tally_window_open_database (self, database_path))
    g_settings_set_string (self->settings, "last-database", database_path);

  {
    g_autofree char *candidates = g_strdup_printf ("%u", summary->candidates);
    g_autofree char *message = NULL;

    if (summary->warnings != NULL && summary->warnings->len > 0)
      message = g_strdup_printf (_("Imported %u rows into %u councils, with %u warnings"), summary->rows_read,
                                 summary->councils, summary->warnings->len);
    else
      message = g_strdup_printf (_("Imported %u rows into %u councils"), summary->rows_read, summary->councils);

    _tally_window_toast (self, message);
  }
}

void
_tally_window_import_files (TallyWindow  *self,
                            GFile       **files,
                            guint         n_files)
{
  g_autofree char *user_path = NULL;
  g_autofree char *first = NULL;
  g_autofree char *label = NULL;

  g_return_if_fail (TALLY_IS_WINDOW (self));

  if (self->importer != NULL || n_files == 0)
    return;

  user_path = tally_database_get_user_path ();
  self->importer = tally_importer_new (user_path);
  self->import_cancellable = g_cancellable_new ();

  for (guint i = 0; i < n_files; i++)
    tally_importer_add_file (self->importer, files[i]);

  first = g_file_get_basename (files[0]);
  if (n_files == 1)
    label = g_strdup_printf (_("Importing %s"), first);
  else
    label = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Importing %s and %u more file",
                                          "Importing %s and %u more files", n_files - 1),
                             first, n_files - 1);
  gtk_label_set_text (self->import_label, label);
  gtk_progress_bar_set_fraction (self->import_progress, 0);

  g_signal_connect_object (self->importer, "notify::fraction", G_CALLBACK (fraction_changed_cb), self,
                           G_CONNECT_SWAPPED);
  set_import_actions (self);

  tally_importer_run_async (self->importer, self->import_cancellable, import_done_cb, g_object_ref (self));
}

static void
import_chooser_response_cb (TallyWindow          *self,
                            int                   response,
                            GtkFileChooserNative *chooser)
{
  g_autoptr(GListModel) chosen = NULL;
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_object_unref);

  if (response == GTK_RESPONSE_ACCEPT)
    chosen = gtk_file_chooser_get_files (GTK_FILE_CHOOSER (chooser));

  for (guint i = 0; chosen != NULL && i < g_list_model_get_n_items (chosen); i++)
    g_ptr_array_add (files, g_list_model_get_item (chosen, i));

  g_clear_object (&self->import_chooser);

  _tally_window_import_files (self, (GFile **) files->pdata, files->len);
}

static void
import_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  TallyWindow *self = TALLY_WINDOW (widget);
  g_autoptr(GtkFileFilter) csv = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) all = gtk_file_filter_new ();

  if (self->import_chooser != NULL || self->importer != NULL)
    return;

  gtk_file_filter_set_name (csv, _("Results files (CSV)"));
  gtk_file_filter_add_pattern (csv, "*.csv");
  gtk_file_filter_add_mime_type (csv, "text/csv");
  gtk_file_filter_set_name (all, _("All files"));
  gtk_file_filter_add_pattern (all, "*");

  self->import_chooser = gtk_file_chooser_native_new (_("Import Results"), GTK_WINDOW (self),
                                                      GTK_FILE_CHOOSER_ACTION_OPEN, _("_Import"), _("_Cancel"));
  gtk_file_chooser_set_select_multiple (GTK_FILE_CHOOSER (self->import_chooser), TRUE);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->import_chooser), csv);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->import_chooser), all);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->import_chooser), TRUE);
  g_signal_connect_object (self->import_chooser, "response", G_CALLBACK (import_chooser_response_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->import_chooser));
}

static void
cancel_import_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  TallyWindow *self = TALLY_WINDOW (widget);

  if (self->import_cancellable != NULL)
    g_cancellable_cancel (self->import_cancellable);
}

static gboolean
drop_cb (GtkDropTarget *target,
         const GValue  *value,
         double         x,
         double         y,
         TallyWindow   *self)
{
  GSList *list = g_value_get_boxed (value);
  g_autoptr(GPtrArray) files = g_ptr_array_new ();

  for (GSList *l = list; l != NULL; l = l->next)
    g_ptr_array_add (files, l->data);

  if (files->len == 0 || self->importer != NULL)
    return FALSE;

  _tally_window_import_files (self, (GFile **) files->pdata, files->len);
  return TRUE;
}

static GdkDragAction
drop_enter_cb (GtkDropTarget *target,
               double         x,
               double         y,
               TallyWindow   *self)
{
  gtk_widget_add_css_class (GTK_WIDGET (self->main_stack), "drop-highlight");
  return GDK_ACTION_COPY;
}

static void
drop_leave_cb (GtkDropTarget *target,
               TallyWindow   *self)
{
  gtk_widget_remove_css_class (GTK_WIDGET (self->main_stack), "drop-highlight");
}

void
_tally_window_class_init_import (GtkWidgetClass *widget_class)
{
  gtk_widget_class_bind_template_child (widget_class, TallyWindow, import_label);
  gtk_widget_class_bind_template_child (widget_class, TallyWindow, import_progress);
  gtk_widget_class_bind_template_child (widget_class, TallyWindow, import_revealer);

  gtk_widget_class_install_action (widget_class, "win.import", NULL, import_action);
  gtk_widget_class_install_action (widget_class, "win.cancel-import", NULL, cancel_import_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_i, GDK_CONTROL_MASK, "win.import", NULL);
}

void
_tally_window_init_import (TallyWindow *self)
{
  GtkDropTarget *target = gtk_drop_target_new (GDK_TYPE_FILE_LIST, GDK_ACTION_COPY);

  g_signal_connect_object (target, "drop", G_CALLBACK (drop_cb), self, 0);
  g_signal_connect_object (target, "enter", G_CALLBACK (drop_enter_cb), self, 0);
  g_signal_connect_object (target, "leave", G_CALLBACK (drop_leave_cb), self, 0);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (target));

  set_import_actions (self);
}

void
_tally_window_dispose_import (TallyWindow *self)
{
  if (self->import_cancellable != NULL)
    g_cancellable_cancel (self->import_cancellable);

  if (self->import_chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->import_chooser));
  g_clear_object (&self->import_chooser);
}
