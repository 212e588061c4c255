/* tally-export-dialog.c: the export dialog.
 *
 * The dialog exports the chart of a TallyChartView or the map of a
 * TallyMapView.  Its preview is drawn by tally_export_paint(), the very
 * call that writes the file, on the file's own canvas scaled to fit: the
 * preview is the file.  The choices that are not about one chart (format,
 * size, scale, background, source line, legend, folder) are kept in
 * GSettings, under keys named export-*, once a file has been written.
 *
 * What is drawn, and the remembered choices, are in
 * tally-export-dialog-subject.c; copying to the clipboard, which shares
 * them, in tally-export-dialog-copy.c.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "tally-catalog.h"
#include "tally-export-dialog-private.h"
#include "tally-map-data.h"
#include "tally-map-draw.h"
#include "tally-results.h"

struct _TallyExportDialog
{
  AdwWindow             parent_instance;

  GSettings            *settings;
  TallyExportSubject    subject;
  TallyExportOptions    options;
  char                 *title;
  char                 *subtitle;
  char                 *source;
  char                 *note;
  char                 *own_title;      /* the chart's own heading, for what is remembered */
  char                 *own_subtitle;
  GtkFileChooserNative *chooser;
  gboolean              syncing;

  /* Template widgets */
  AdwComboRow          *background_row;
  AdwActionRow         *custom_row;
  AdwComboRow          *format_row;
  GtkSpinButton        *height_spin;
  GtkSwitch            *legend_switch;
  GtkWidget            *inset_row;
  GtkWidget            *outline_row;
  GtkSwitch            *outline_switch;
  GtkSwitch            *inset_switch;
  GtkDrawingArea       *preview;
  AdwComboRow          *scale_row;
  AdwComboRow          *size_row;
  AdwEntryRow          *source_row;
  AdwEntryRow          *note_row;
  AdwEntryRow          *subtitle_row;
  AdwEntryRow          *title_row;
  AdwToastOverlay      *toast_overlay;
  GtkDropDown          *unit_dropdown;
  GtkSpinButton        *width_spin;
};

G_DEFINE_FINAL_TYPE (TallyExportDialog, tally_export_dialog, ADW_TYPE_WINDOW)

enum {
  EXPORTED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* Rows */

static void
set_spin_range (TallyExportDialog *self)
{
  gboolean mm = self->options.unit == TALLY_EXPORT_UNIT_MM;
  double lower = mm ? ceil (64 / TALLY_EXPORT_PX_PER_MM) : 64;
  double upper = mm ? floor (16000 / TALLY_EXPORT_PX_PER_MM) : 16000;

  gtk_spin_button_set_range (self->width_spin, lower, upper);
  gtk_spin_button_set_range (self->height_spin, lower, upper);
  gtk_spin_button_set_increments (self->width_spin, mm ? 1 : 10, mm ? 10 : 100);
  gtk_spin_button_set_increments (self->height_spin, mm ? 1 : 10, mm ? 10 : 100);
}

/* Shows the options in the rows, without the rows answering back. */
static void
sync_rows (TallyExportDialog *self)
{
  self->syncing = TRUE;

  adw_combo_row_set_selected (self->format_row, self->options.format);
  adw_combo_row_set_selected (self->size_row, self->options.preset);
  adw_combo_row_set_selected (self->scale_row, (guint) CLAMP (self->options.scale, 1, 3) - 1);
  adw_combo_row_set_selected (self->background_row, self->options.background);
  gtk_switch_set_active (self->legend_switch, self->options.show_legend);
  gtk_switch_set_active (self->outline_switch, self->options.not_up_outline);
  gtk_switch_set_active (self->inset_switch, self->subject.london_inset);
  gtk_drop_down_set_selected (self->unit_dropdown, self->options.unit);
  set_spin_range (self);
  gtk_spin_button_set_value (self->width_spin, self->options.width);
  gtk_spin_button_set_value (self->height_spin, self->options.height);
  gtk_editable_set_text (GTK_EDITABLE (self->title_row), self->title ? self->title : "");
  gtk_editable_set_text (GTK_EDITABLE (self->subtitle_row), self->subtitle ? self->subtitle : "");
  gtk_editable_set_text (GTK_EDITABLE (self->source_row), self->source ? self->source : "");
  gtk_editable_set_text (GTK_EDITABLE (self->note_row), self->note ? self->note : "");

  self->syncing = FALSE;
}

/* After any change: what depends on the options. */
static void
refresh (TallyExportDialog *self)
{
  g_autofree char *size = tally_export_options_describe_size (&self->options);
  TallyExportFigure figure;

  self->options.title = self->title;
  self->options.subtitle = self->subtitle;
  self->options.source = self->source;
  self->options.note = self->note;

  adw_action_row_set_subtitle (ADW_ACTION_ROW (self->size_row), size);
  gtk_widget_set_visible (GTK_WIDGET (self->custom_row), self->options.preset == TALLY_EXPORT_PRESET_CUSTOM);
  gtk_widget_set_sensitive (GTK_WIDGET (self->scale_row), self->options.format == TALLY_EXPORT_FORMAT_PNG);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "export.save",
                                 _tally_export_subject_get_figure (&self->subject, &self->options, &figure));
  gtk_widget_queue_draw (GTK_WIDGET (self->preview));
}

static void
show_error (TallyExportDialog *self,
            const GError      *error)
{
  AdwToast *toast = adw_toast_new (error->message);

  adw_toast_set_timeout (toast, 0);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

/* The preview */

static void
paint_checkerboard (cairo_t *cr,
                    double   width,
                    double   height)
{
  const double square = 8;

  cairo_save (cr);
  cairo_rectangle (cr, 0, 0, width, height);
  cairo_clip (cr);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  cairo_set_source_rgb (cr, 0.87, 0.87, 0.87);
  for (int row = 0; row * square < height; row++)
    for (int column = row % 2; column * square < width; column += 2)
      cairo_rectangle (cr, column * square, row * square, square, square);
  cairo_fill (cr);
  cairo_restore (cr);
}

/* The file's canvas, fitted to the area, on a shadow like a sheet. */
static void
draw_preview_cb (GtkDrawingArea *area,
                 cairo_t        *cr,
                 int             width,
                 int             height,
                 gpointer        user_data)
{
  TallyExportDialog *self = user_data;
  TallyExportFigure figure;
  double canvas_width, canvas_height, scale, x, y, margin = 24;

  if (!_tally_export_subject_get_figure (&self->subject, &self->options, &figure))
    return;

  tally_export_options_get_canvas (&self->options, &canvas_width, &canvas_height);
  scale = MIN ((width - 2 * margin) / canvas_width, (height - 2 * margin) / canvas_height);
  if (scale <= 0)
    return;

  x = floor ((width - canvas_width * scale) / 2);
  y = floor ((height - canvas_height * scale) / 2);

  cairo_save (cr);
  cairo_rectangle (cr, x + 1, y + 2, canvas_width * scale, canvas_height * scale);
  cairo_set_source_rgba (cr, 0, 0, 0, 0.2);
  cairo_fill (cr);
  cairo_translate (cr, x, y);
  if (self->options.background == TALLY_CHART_BACKGROUND_TRANSPARENT)
    paint_checkerboard (cr, canvas_width * scale, canvas_height * scale);
  cairo_scale (cr, scale, scale);
  tally_export_paint (&figure, &self->options, cr);
  cairo_restore (cr);
}

/* Callbacks */

static void
format_changed_cb (TallyExportDialog *self)
{
  guint selected = adw_combo_row_get_selected (self->format_row);

  if (self->syncing || selected >= TALLY_EXPORT_N_FORMATS)
    return;

  self->options.format = selected;
  refresh (self);
}

static void
size_changed_cb (TallyExportDialog *self)
{
  guint selected = adw_combo_row_get_selected (self->size_row);

  if (self->syncing || selected >= TALLY_EXPORT_N_PRESETS)
    return;

  /* Custom starts from the size last shown. */
  tally_export_options_set_preset (&self->options, selected);
  sync_rows (self);
  refresh (self);
}

static void
custom_size_changed_cb (TallyExportDialog *self)
{
  if (self->syncing)
    return;

  self->options.width = gtk_spin_button_get_value (self->width_spin);
  self->options.height = gtk_spin_button_get_value (self->height_spin);
  refresh (self);
}

/* A change of unit keeps the size on paper. */
static void
unit_changed_cb (TallyExportDialog *self)
{
  TallyExportUnit unit = gtk_drop_down_get_selected (self->unit_dropdown) == TALLY_EXPORT_UNIT_MM
                         ? TALLY_EXPORT_UNIT_MM : TALLY_EXPORT_UNIT_PX;
  double factor;

  if (self->syncing || unit == self->options.unit)
    return;

  factor = unit == TALLY_EXPORT_UNIT_MM ? 1 / TALLY_EXPORT_PX_PER_MM : TALLY_EXPORT_PX_PER_MM;
  self->options.unit = unit;
  self->options.width = round (self->options.width * factor);
  self->options.height = round (self->options.height * factor);
  sync_rows (self);
  refresh (self);
}

static void
scale_changed_cb (TallyExportDialog *self)
{
  if (self->syncing)
    return;

  self->options.scale = adw_combo_row_get_selected (self->scale_row) + 1;
  refresh (self);
}

static void
background_changed_cb (TallyExportDialog *self)
{
  guint selected = adw_combo_row_get_selected (self->background_row);

  if (self->syncing || selected > TALLY_CHART_BACKGROUND_TRANSPARENT)
    return;

  self->options.background = selected;
  refresh (self);
}

static void
legend_changed_cb (TallyExportDialog *self)
{
  if (self->syncing)
    return;

  self->options.show_legend = gtk_switch_get_active (self->legend_switch);
  refresh (self);
}

static void
outline_changed_cb (TallyExportDialog *self)
{
  if (self->syncing)
    return;

  self->options.not_up_outline = gtk_switch_get_active (self->outline_switch);
  refresh (self);
}

static void
inset_changed_cb (TallyExportDialog *self)
{
  if (self->syncing)
    return;

  self->subject.london_inset = gtk_switch_get_active (self->inset_switch);
  refresh (self);
}

static void
text_changed_cb (TallyExportDialog *self,
                 GtkEditable       *editable)
{
  char **text;

  if (self->syncing)
    return;

  if (editable == GTK_EDITABLE (self->title_row))
    text = &self->title;
  else if (editable == GTK_EDITABLE (self->subtitle_row))
    text = &self->subtitle;
  else if (editable == GTK_EDITABLE (self->note_row))
    text = &self->note;
  else
    text = &self->source;

  g_free (*text);
  *text = g_strdup (gtk_editable_get_text (editable));
  refresh (self);
}

static void
chooser_response_cb (TallyExportDialog    *self,
                     int                   response,
                     GtkFileChooserNative *chooser)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  TallyExportFlags flags = TALLY_EXPORT_OVERWRITE;
  TallyExportFormat format;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (chooser));
  g_clear_object (&self->chooser);

  if (file == NULL || (path = g_file_get_path (file)) == NULL)
    return;

  /* A name typed with another format's extension asks for that format;
   * one typed without gets the format's own, and was not confirmed by the
   * chooser, so it must not replace a file. */
  if (tally_export_format_from_path (path, &format))
    {
      if (format != self->options.format)
        {
          self->options.format = format;
          sync_rows (self);
          refresh (self);
        }
    }
  else
    {
      char *with_extension = g_strconcat (path, ".", tally_export_format_get_extension (self->options.format), NULL);

      g_free (path);
      path = with_extension;
      flags = TALLY_EXPORT_FLAGS_NONE;
    }

  if (!tally_export_dialog_write (self, path, flags, &error))
    show_error (self, error);
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  TallyExportDialog *self = TALLY_EXPORT_DIALOG (widget);
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  g_autofree char *name = _tally_export_subject_suggest_name (&self->subject, &self->options);
  g_autofree char *folder_path = self->settings ? g_settings_get_string (self->settings, "export-folder") : NULL;
  const char *pictures = g_get_user_special_dir (G_USER_DIRECTORY_PICTURES);

  if (self->chooser != NULL)
    return;

  self->chooser = gtk_file_chooser_native_new (_("Export"), GTK_WINDOW (self), GTK_FILE_CHOOSER_ACTION_SAVE,
                                               _("_Export"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);

  gtk_file_filter_set_name (filter, adw_combo_row_get_selected_item (self->format_row)
                                    ? gtk_string_object_get_string (adw_combo_row_get_selected_item (self->format_row))
                                    : tally_export_format_to_string (self->options.format));
  gtk_file_filter_add_mime_type (filter, tally_export_format_get_mime_type (self->options.format));
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), filter);

  if (folder_path == NULL || *folder_path == '\0' || !g_file_test (folder_path, G_FILE_TEST_IS_DIR))
    {
      g_free (folder_path);
      folder_path = g_strdup (pictures && g_file_test (pictures, G_FILE_TEST_IS_DIR) ? pictures : g_get_home_dir ());
    }
  {
    g_autoptr(GFile) folder = g_file_new_for_path (folder_path);

    gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (self->chooser), folder, NULL);
  }
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (self->chooser), name);

  g_signal_connect_object (self->chooser, "response", G_CALLBACK (chooser_response_cb), self, G_CONNECT_SWAPPED);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

/* Vfuncs */

static void
tally_export_dialog_dispose (GObject *object)
{
  TallyExportDialog *self = (TallyExportDialog *) object;

  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);
  _tally_export_subject_clear (&self->subject);
  /* Choices not exported with are not remembered. */
  if (self->settings != NULL)
    g_settings_revert (self->settings);
  g_clear_object (&self->settings);

  gtk_widget_dispose_template (GTK_WIDGET (self), TALLY_TYPE_EXPORT_DIALOG);

  G_OBJECT_CLASS (tally_export_dialog_parent_class)->dispose (object);
}

static void
tally_export_dialog_finalize (GObject *object)
{
  TallyExportDialog *self = (TallyExportDialog *) object;

  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->subtitle, g_free);
  g_clear_pointer (&self->source, g_free);
  g_clear_pointer (&self->note, g_free);
  g_clear_pointer (&self->own_title, g_free);
  g_clear_pointer (&self->own_subtitle, g_free);

  G_OBJECT_CLASS (tally_export_dialog_parent_class)->finalize (object);
}

static void
tally_export_dialog_class_init (TallyExportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = tally_export_dialog_dispose;
  object_class->finalize = tally_export_dialog_finalize;

  /**
   * TallyExportDialog::exported:
   * @file: the file written
   *
   * A file was written; the dialog closes.
   */
  signals[EXPORTED] =
    g_signal_new ("exported", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_FILE);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/tally/Tally/tally-export-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, TallyExportDialog, background_row);
  gtk_widget_class_bind_template_child (widget_class, TallyExportDialog, custom_row);
  gtk_widget_class_bind_template_child (widget_class, TallyExportDialog, format_row);
  gtk_widget_class_bind_template_child (widget_class, TallyExportDialog, height_spin);
  gtk_widget_class_bind_template_child (widget_class, TallyExportDialog, legend_switch);
  gtk_widget_class_bind_template_child (widget_class, TallyExportDialog, inset_row);
  gtk_widget_class_bind_template_child (widget_class, TallyExportDialog, outline_row);
  gtk_widget_class_bind_template_child (widget_class, TallyExportDialog, outline_switch);
  gtk_widget_class_bind_template_child (widget_class, TallyExportDialog, inset_switch);
  gtk_widget_class_bind_template_child (widget_class, TallyExportDialog, preview);
  gtk_widget_class_bind_template_child (widget_class, TallyExportDialog, scale_row);
  gtk_widget_class_bind_template_child (widget_class, TallyExportDialog, size_row);
  gtk_widget_class_bind_template_child (widget_class, TallyExportDialog, source_row);
  gtk_widget_class_bind_template_child (widget_class, TallyExportDialog, note_row);
  gtk_widget_class_bind_template_child (widget_class, TallyExportDialog, subtitle_row);
  gtk_widget_class_bind_template_child (widget_class, TallyExportDialog, title_row);
  gtk_widget_class_bind_template_child (widget_class, TallyExportDialog, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, TallyExportDialog, unit_dropdown);
  gtk_widget_class_bind_template_child (widget_class, TallyExportDialog, width_spin);

  gtk_widget_class_install_action (widget_class, "export.save", NULL, save_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "export.save", NULL);
}

static void
tally_export_dialog_init (TallyExportDialog *self)
{
  g_autoptr(GtkStringList) sizes = gtk_string_list_new (NULL);

  gtk_widget_init_template (GTK_WIDGET (self));

  for (guint i = 0; i < TALLY_EXPORT_N_PRESETS; i++)
    gtk_string_list_append (sizes, tally_export_preset_get_label (i));
  adw_combo_row_set_model (self->size_row, G_LIST_MODEL (sizes));

  self->settings = _tally_export_settings_new ();
  if (self->settings != NULL)
    g_settings_delay (self->settings);
  _tally_export_options_load (&self->options, self->settings, &self->source);

  gtk_drawing_area_set_draw_func (self->preview, draw_preview_cb, self, NULL);

  g_signal_connect_object (self->format_row, "notify::selected", G_CALLBACK (format_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->size_row, "notify::selected", G_CALLBACK (size_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->scale_row, "notify::selected", G_CALLBACK (scale_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->background_row, "notify::selected", G_CALLBACK (background_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->unit_dropdown, "notify::selected", G_CALLBACK (unit_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->width_spin, "value-changed", G_CALLBACK (custom_size_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->height_spin, "value-changed", G_CALLBACK (custom_size_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->legend_switch, "notify::active", G_CALLBACK (legend_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->outline_switch, "notify::active", G_CALLBACK (outline_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->inset_switch, "notify::active", G_CALLBACK (inset_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->title_row, "changed", G_CALLBACK (text_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->subtitle_row, "changed", G_CALLBACK (text_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->source_row, "changed", G_CALLBACK (text_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->note_row, "changed", G_CALLBACK (text_changed_cb), self, G_CONNECT_SWAPPED);
}

/* Public API */

static TallyExportDialog *
present (GtkWindow          *parent,
         TallyExportSubject *subject,
         const char         *title)
{
  TallyExportDialog *self = g_object_new (TALLY_TYPE_EXPORT_DIALOG,
                                          "transient-for", parent,
                                          "title", title,
                                          NULL);
  TallyExportFigure figure;

  self->subject = *subject;
  self->options.colour_blind_safe = _tally_export_subject_get_colour_blind_safe (&self->subject);

  /* The chart's own heading, to edit. */
  if (_tally_export_subject_get_figure (&self->subject, &self->options, &figure))
    {
      const TallyChartHeading *heading = tally_export_figure_get_heading (&figure);

      self->title = g_strdup (heading ? heading->title : NULL);
      self->subtitle = g_strdup (heading ? heading->subtitle : NULL);
      self->own_title = g_strdup (self->title);
      self->own_subtitle = g_strdup (self->subtitle);
    }

  /* What was written for this kind of chart before. */
  _tally_export_headings_load (self->settings, _tally_export_subject_get_kind (&self->subject), self->own_title,
                               self->own_subtitle, &self->title, &self->subtitle, &self->source, &self->note);

  sync_rows (self);
  refresh (self);
  gtk_window_present (GTK_WINDOW (self));

  return self;
}

/**
 * tally_export_dialog_present_chart:
 * @parent: (nullable): the window
 * @view: the chart to export, as it is when each file is drawn
 *
 * Returns: (transfer none): the dialog, shown, for its ::exported
 */
TallyExportDialog *
tally_export_dialog_present_chart (GtkWindow      *parent,
                                   TallyChartView *view)
{
  TallyExportSubject subject = { 0 };

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (TALLY_IS_CHART_VIEW (view), NULL);

  subject.chart_view = g_object_ref (view);
  return present (parent, &subject, _("Export Chart"));
}

/**
 * tally_export_dialog_present_map:
 * @parent: (nullable): the window
 * @view: the map to export: its mode, colouring and parties
 *
 * Returns: (transfer none): the dialog, shown, for its ::exported
 */
TallyExportDialog *
tally_export_dialog_present_map (GtkWindow    *parent,
                                 TallyMapView *view)
{
  TallyExportSubject subject = { 0 };
  TallyExportDialog *self;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (TALLY_IS_MAP_VIEW (view), NULL);

  subject.map_view = g_object_ref (view);
  subject.london_inset = _tally_export_london_inset_load ();
  self = present (parent, &subject, _("Export Map"));
  gtk_widget_set_visible (self->inset_row, TRUE);
  gtk_widget_set_visible (self->outline_row, FALSE);
  return self;
}

/**
 * tally_export_dialog_get_options:
 *
 * The options as the dialog shows them; the strings are the dialog's.
 */
void
tally_export_dialog_get_options (TallyExportDialog  *self,
                                 TallyExportOptions *options)
{
  g_return_if_fail (TALLY_IS_EXPORT_DIALOG (self));
  g_return_if_fail (options != NULL);

  *options = self->options;
}

/**
 * tally_export_dialog_write:
 * @path: the file to write
 *
 * Does what the Export button does once a file is chosen: writes the
 * file the preview shows, remembers the choices and the folder, emits
 * ::exported and closes the dialog.
 *
 * Returns: %FALSE with @error, the dialog left open, when the file could
 *   not be written
 */
gboolean
tally_export_dialog_write (TallyExportDialog  *self,
                           const char         *path,
                           TallyExportFlags    flags,
                           GError            **error)
{
  g_autoptr(GFile) file = NULL;
  g_autofree char *folder = NULL;
  TallyExportFigure figure;

  g_return_val_if_fail (TALLY_IS_EXPORT_DIALOG (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if (!_tally_export_subject_get_figure (&self->subject, &self->options, &figure))
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_INITIALIZED, _("There is nothing to export yet"));
      return FALSE;
    }

  if (!tally_export_write (&figure, &self->options, path, flags, NULL, error))
    return FALSE;

  if (self->settings != NULL)
    {
      folder = g_path_get_dirname (path);
      _tally_export_options_save (&self->options, self->settings);
      _tally_export_headings_save (self->settings, _tally_export_subject_get_kind (&self->subject), self->own_title,
                                   self->own_subtitle, self->title, self->subtitle, self->source, self->note);
      if (self->subject.map_view != NULL)
        g_settings_set_boolean (self->settings, "export-london-inset", self->subject.london_inset);
      g_settings_set_string (self->settings, "export-folder", folder);
      g_settings_apply (self->settings);
    }

  file = g_file_new_for_path (path);
  g_signal_emit (self, signals[EXPORTED], 0, file);
  gtk_window_close (GTK_WINDOW (self));
  return TRUE;
}
