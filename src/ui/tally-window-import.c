/* tally-window-import.c: importing files from the window.
 *
 * Files come from the Import action's file chooser or are dropped on the
 * window: results (CSV), council boundaries (GeoJSON, TopoJSON) or a hex
 * cartogram (HexJSON), told apart by their names.  They go into the user's
 * own database (never the installed one), on a worker thread, with a
 * progress bar and a Cancel button under the content.  A bad file changes
 * nothing and its error, which names the file and, for text, the line and
 * field, is shown in a dialog; a good one ends with a toast that sums up
 * what was read, and the window opens the user's database.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "tally-boundaries.h"
#include "tally-database.h"
#include "tally-hex-layout.h"
#include "tally-geo-sniff.h"
#include "tally-hexjson.h"
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
  gboolean running = self->importer != NULL || self->importing_geography;

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

    /* A notional baseline changes no seats won, only what change is measured against. */
    if (summary->notional > 0 && summary->candidates == 0 && summary->compositions == 0)
      {
        g_free (message);
        message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                "Notional baseline imported for %u council: its seat change is measured against it",
                                                "Notional baselines imported for %u councils: their seat change is measured against them",
                                                summary->notional),
                                   summary->notional);
      }

    _tally_window_toast (self, message);
  }
}

static void
start_progress (TallyWindow  *self,
                GFile       **files,
                guint         n_files)
{
  g_autofree char *first = g_file_get_basename (files[0]);
  g_autofree char *label = NULL;

  if (n_files == 1)
    label = g_strdup_printf (_("Importing %s"), first);
  else
    label = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Importing %s and %u more file",
                                          "Importing %s and %u more files", n_files - 1),
                             first, n_files - 1);
  gtk_label_set_text (self->import_label, label);
  gtk_progress_bar_set_fraction (self->import_progress, 0);
  self->import_cancellable = g_cancellable_new ();
}

static void
import_results (TallyWindow  *self,
                GFile       **files,
                guint         n_files)
{
  g_autofree char *user_path = tally_database_get_user_path ();

  self->importer = tally_importer_new (user_path);
  for (guint i = 0; i < n_files; i++)
    tally_importer_add_file (self->importer, files[i]);

  start_progress (self, files, n_files);
  g_signal_connect_object (self->importer, "notify::fraction", G_CALLBACK (fraction_changed_cb), self,
                           G_CONNECT_SWAPPED);
  set_import_actions (self);

  tally_importer_run_async (self->importer, self->import_cancellable, import_done_cb, g_object_ref (self));
}

/* Geography: boundaries or a hex layout, one file, in the user's database,
 * known by its content as `tally import` knows it. */
static TallyFileKind
sniff (GFile *file)
{
  g_autofree char *path = g_file_get_path (file);

  return path ? tally_geo_sniff_file (path) : TALLY_FILE_KIND_RESULTS;
}

static gboolean
is_hexjson (GFile *file)
{
  return sniff (file) == TALLY_FILE_KIND_HEX_LAYOUT;
}

static gboolean
is_geography (GFile *file)
{
  return sniff (file) != TALLY_FILE_KIND_RESULTS;
}

static void
import_geography_thread (GTask        *task,
                         gpointer      source_object,
                         gpointer      task_data,
                         GCancellable *cancellable)
{
  GFile *file = task_data;
  g_autofree char *path = g_file_get_path (file);
  g_autofree char *name = g_file_get_basename (file);
  g_autofree char *created = NULL;
  g_autoptr(TallyDatabase) database = NULL;
  g_autoptr(GError) error = NULL;
  char *message = NULL;

  if (!(database = tally_database_open_for_import (NULL, &created, &error)))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  if (is_hexjson (file))
    {
      g_autoptr(TallyHexLayout) layout = tally_hexjson_load (path, cancellable, &error);
      g_autoptr(GPtrArray) unmatched = NULL;

      if (layout != NULL && tally_hex_layout_save (layout, database, &unmatched, &error))
        message = g_strdup_printf (_("Hex map imported from %s (%u hexes matched no council)"), name,
                                   unmatched ? unmatched->len : 0);
    }
  else
    {
      g_autoptr(TallyBoundaryImport) report = tally_boundaries_import_file (database, path, cancellable, &error);

      if (report != NULL)
        message = g_strdup_printf (_("Boundaries of %u councils imported from %s (%u features matched no council)"),
                                   report->n_stored, name, report->unmatched ? report->unmatched->len : 0);
    }

  g_clear_object (&database);

  if (message == NULL)
    {
      /* A database made for this import holds nothing of the user's. */
      if (created != NULL)
        tally_database_remove_created (created);
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  g_task_return_pointer (task, message, g_free);
}

static void
import_geography_done_cb (GObject      *object,
                          GAsyncResult *result,
                          gpointer      user_data)
{
  TallyWindow *self = TALLY_WINDOW (object);
  g_autoptr(GError) error = NULL;
  g_autofree char *message = g_task_propagate_pointer (G_TASK (result), &error);
  g_autofree char *user_path = tally_database_get_user_path ();

  g_clear_object (&self->import_cancellable);
  self->importing_geography = FALSE;
  set_import_actions (self);

  if (message == NULL)
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        _tally_window_toast (self, _("Import cancelled: nothing was changed"));
      else
        show_import_error (self, error->message);
      return;
    }

  if (tally_window_open_database (self, user_path))
    g_settings_set_string (self->settings, "last-database", user_path);
  /* A map not made yet reads the new boundaries when it is. */
  if (self->map_view != NULL)
    tally_map_view_reload_geography (self->map_view);
  _tally_window_toast (self, message);
}

/* A geography import does not know how far it has got: the bar pulses. */
static gboolean
pulse_cb (gpointer data)
{
  TallyWindow *self = data;

  if (!self->importing_geography)
    {
      self->pulse_id = 0;
      return G_SOURCE_REMOVE;
    }

  gtk_progress_bar_pulse (self->import_progress);
  return G_SOURCE_CONTINUE;
}

static void
import_geography (TallyWindow *self,
                  GFile       *file)
{
  g_autoptr(GTask) task = NULL;

  start_progress (self, &file, 1);
  if (self->pulse_id == 0)
    self->pulse_id = g_timeout_add (120, pulse_cb, self);
  self->importing_geography = TRUE;
  set_import_actions (self);

  task = g_task_new (self, self->import_cancellable, import_geography_done_cb, NULL);
  g_task_set_source_tag (task, import_geography);
  g_task_set_task_data (task, g_object_ref (file), g_object_unref);
  g_task_run_in_thread (task, import_geography_thread);
}

void
_tally_window_import_files (TallyWindow  *self,
                            GFile       **files,
                            guint         n_files)
{
  g_return_if_fail (TALLY_IS_WINDOW (self));

  if (self->importer != NULL || self->importing_geography || n_files == 0)
    return;

  /* One geography file at a time; results files all in one transaction. */
  if (n_files == 1 && is_geography (files[0]))
    import_geography (self, files[0]);
  else
    import_results (self, files, n_files);
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

  if (self->import_chooser != NULL || self->importer != NULL || self->importing_geography)
    return;

  gtk_file_filter_set_name (csv, _("Results, boundaries and hex maps"));
  gtk_file_filter_add_pattern (csv, "*.csv");
  gtk_file_filter_add_mime_type (csv, "text/csv");
  gtk_file_filter_add_pattern (csv, "*.geojson");
  gtk_file_filter_add_pattern (csv, "*.topojson");
  gtk_file_filter_add_pattern (csv, "*.json");
  gtk_file_filter_add_pattern (csv, "*.hexjson");
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

  if (files->len == 0 || self->importer != NULL || self->importing_geography)
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
  g_clear_handle_id (&self->pulse_id, g_source_remove);

  if (self->import_cancellable != NULL)
    g_cancellable_cancel (self->import_cancellable);

  if (self->import_chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->import_chooser));
  g_clear_object (&self->import_chooser);
}
