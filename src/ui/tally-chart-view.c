/* tally-chart-view.c: a widget that shows one chart and lets it be explored.
 *
 * The chart itself is a cairo function of src/charts/, the same one export
 * calls: the view lays it out once per data, size or style, keeps the
 * layout, and only paints in snapshot.  One lookup over the laid-out items
 * (tally_chart_layout_lookup_item()) serves hover, tooltip and click; the
 * keyboard walks the same items.  The view follows libadwaita's dark and
 * high-contrast styles, and redraws when something it watches (the filter,
 * the selection) changes, on the next frame, once however many changes
 * come in between.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "tally-chart-view.h"

struct _TallyChartView
{
  GtkWidget                 parent_instance;

  TallyChartKind            kind;
  gpointer                  data;
  TallyChartStyle           style;
  gboolean                  show_heading;
  char                     *placeholder;
  char                     *selected_key;

  TallyChartLayout         *layout;
  int                       layout_width;
  int                       layout_height;

  int                       hover_item;
  int                       focus_item;

  TallyChartViewUpdateFunc  update_func;
  gpointer                  update_data;
  GDestroyNotify            update_destroy;
  guint                     update_tick;
};

G_DEFINE_FINAL_TYPE (TallyChartView, tally_chart_view, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_KIND,
  PROP_COLOUR_BLIND_SAFE,
  PROP_SHOW_HEADING,
  PROP_PLACEHOLDER,
  PROP_SELECTED_KEY,
  PROP_FOCUS_ITEM,
  N_PROPS
};

enum {
  ITEM_ACTIVATED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static guint
n_items (TallyChartView *self)
{
  return tally_chart_data_get_n_items (self->kind, self->data);
}

static void
invalidate_layout (TallyChartView *self)
{
  g_clear_pointer (&self->layout, tally_chart_layout_free);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
ensure_layout (TallyChartView *self)
{
  int width = gtk_widget_get_width (GTK_WIDGET (self));
  int height = gtk_widget_get_height (GTK_WIDGET (self));

  if (self->data == NULL || width <= 0 || height <= 0)
    {
      g_clear_pointer (&self->layout, tally_chart_layout_free);
      return;
    }

  if (self->layout != NULL && width == self->layout_width && height == self->layout_height)
    return;

  g_clear_pointer (&self->layout, tally_chart_layout_free);
  self->layout = tally_chart_layout_new (self->kind, self->data, &self->style, width, height);
  self->layout_width = width;
  self->layout_height = height;
}

static void
update_style (TallyChartView *self)
{
  AdwStyleManager *manager = adw_style_manager_get_default ();
  gboolean colour_blind_safe = self->style.colour_blind_safe;

  tally_chart_style_init (&self->style, TALLY_CHART_BACKGROUND_TRANSPARENT);
  tally_chart_style_set_dark (&self->style, adw_style_manager_get_dark (manager));
  tally_chart_style_set_high_contrast (&self->style, adw_style_manager_get_high_contrast (manager));
  self->style.colour_blind_safe = colour_blind_safe;
  self->style.show_title = self->show_heading;
  self->style.show_subtitle = self->show_heading;
  self->style.show_source = self->show_heading;

  invalidate_layout (self);
}

static void
update_accessible (TallyChartView *self)
{
  const TallyChartHeading *heading = self->data ? tally_chart_data_get_heading (self->kind, self->data) : NULL;
  g_autofree char *description = NULL;

  if (self->data && self->focus_item >= 0 && (guint) self->focus_item < n_items (self))
    description = tally_chart_data_describe_item (self->kind, self->data, (guint) self->focus_item);

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  heading && heading->title ? heading->title : tally_chart_kind_get_label (self->kind),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  description ? description : (heading && heading->subtitle ? heading->subtitle : ""),
                                  -1);
}

/* The item to draw forward: hovered, else focused, else selected. */
static int
highlight_item (TallyChartView *self)
{
  guint count = n_items (self);

  if (self->hover_item >= 0)
    return self->hover_item;
  if (self->focus_item >= 0 && gtk_widget_has_visible_focus (GTK_WIDGET (self)))
    return self->focus_item;
  if (self->selected_key != NULL && self->kind != TALLY_CHART_SWING_SCATTER)
    for (guint i = 0; i < count; i++)
      if (g_strcmp0 (tally_chart_data_get_item_key (self->kind, self->data, i), self->selected_key) == 0)
        return (int) i;

  return -1;
}

static void
activate_item (TallyChartView *self,
               int             item)
{
  const char *key;

  if (item < 0 || (guint) item >= n_items (self))
    return;

  key = tally_chart_data_get_item_key (self->kind, self->data, (guint) item);
  tally_chart_view_set_focus_item (self, item);
  g_signal_emit (self, signals[ITEM_ACTIVATED], 0, (guint) item, key);
}

static void
set_hover_item (TallyChartView *self,
                int             item)
{
  if (self->hover_item == item)
    return;

  self->hover_item = item;
  gtk_widget_set_cursor_from_name (GTK_WIDGET (self), item >= 0 ? "pointer" : NULL);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static gboolean
update_tick_cb (GtkWidget     *widget,
                GdkFrameClock *frame_clock,
                gpointer       user_data)
{
  TallyChartView *self = TALLY_CHART_VIEW (widget);

  self->update_tick = 0;
  if (self->update_func)
    self->update_func (self, self->update_data);

  return G_SOURCE_REMOVE;
}

/* Callbacks */

static void
style_changed_cb (TallyChartView  *self,
                  GParamSpec      *pspec,
                  AdwStyleManager *manager)
{
  update_style (self);
}

static void
watched_changed_cb (TallyChartView *self)
{
  tally_chart_view_queue_update (self);
}

static void
motion_cb (TallyChartView           *self,
           double                    x,
           double                    y,
           GtkEventControllerMotion *motion)
{
  ensure_layout (self);
  set_hover_item (self, self->layout ? tally_chart_layout_lookup_item (self->layout, x, y) : -1);
}

static void
leave_cb (TallyChartView           *self,
          GtkEventControllerMotion *motion)
{
  set_hover_item (self, -1);
}

static void
released_cb (TallyChartView  *self,
             int              n_press,
             double           x,
             double           y,
             GtkGestureClick *click)
{
  int item;

  ensure_layout (self);
  if (self->layout == NULL)
    return;

  item = tally_chart_layout_lookup_item (self->layout, x, y);
  if (item >= 0)
    {
      gtk_widget_grab_focus (GTK_WIDGET (self));
      activate_item (self, item);
    }
}

static gboolean
key_pressed_cb (TallyChartView        *self,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                GtkEventControllerKey *key)
{
  guint count = n_items (self);
  int item = self->focus_item;

  if (count == 0)
    return GDK_EVENT_PROPAGATE;

  switch (keyval)
    {
    case GDK_KEY_Left:
    case GDK_KEY_Up:
    case GDK_KEY_KP_Left:
    case GDK_KEY_KP_Up:
      item = item <= 0 ? 0 : item - 1;
      break;
    case GDK_KEY_Right:
    case GDK_KEY_Down:
    case GDK_KEY_KP_Right:
    case GDK_KEY_KP_Down:
      item = item < 0 ? 0 : MIN (item + 1, (int) count - 1);
      break;
    case GDK_KEY_Home:
      item = 0;
      break;
    case GDK_KEY_End:
      item = (int) count - 1;
      break;
    case GDK_KEY_Return:
    case GDK_KEY_KP_Enter:
    case GDK_KEY_space:
      activate_item (self, item < 0 ? 0 : item);
      return GDK_EVENT_STOP;
    default:
      return GDK_EVENT_PROPAGATE;
    }

  tally_chart_view_set_focus_item (self, item);
  gtk_widget_trigger_tooltip_query (GTK_WIDGET (self));
  return GDK_EVENT_STOP;
}

static void
focus_changed_cb (TallyChartView *self)
{
  if (gtk_widget_has_focus (GTK_WIDGET (self)) && self->focus_item < 0 && n_items (self) > 0)
    tally_chart_view_set_focus_item (self, 0);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* Vfuncs */

static gboolean
tally_chart_view_query_tooltip (GtkWidget  *widget,
                                int         x,
                                int         y,
                                gboolean    keyboard_mode,
                                GtkTooltip *tooltip)
{
  TallyChartView *self = TALLY_CHART_VIEW (widget);
  g_autofree char *text = NULL;
  double item_x, item_y, item_width, item_height;
  int item;

  ensure_layout (self);
  if (self->layout == NULL)
    return FALSE;

  item = keyboard_mode ? self->focus_item : tally_chart_layout_lookup_item (self->layout, x, y);
  if (item < 0 || (guint) item >= n_items (self))
    return FALSE;

  text = tally_chart_data_describe_item (self->kind, self->data, (guint) item);
  gtk_tooltip_set_text (tooltip, text);
  if (tally_chart_layout_get_item_bounds (self->layout, (guint) item, &item_x, &item_y, &item_width, &item_height))
    gtk_tooltip_set_tip_area (tooltip, &(GdkRectangle) { (int) item_x, (int) item_y,
                                                         MAX ((int) item_width, 1), MAX ((int) item_height, 1) });
  return TRUE;
}

static void
tally_chart_view_measure (GtkWidget      *widget,
                          GtkOrientation  orientation,
                          int             for_size,
                          int            *minimum,
                          int            *natural,
                          int            *minimum_baseline,
                          int            *natural_baseline)
{
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = 240;
      *natural = 640;
    }
  else
    {
      *minimum = 180;
      *natural = 400;
    }
}

static void
tally_chart_view_size_allocate (GtkWidget *widget,
                                int        width,
                                int        height,
                                int        baseline)
{
  TallyChartView *self = TALLY_CHART_VIEW (widget);

  if (width != self->layout_width || height != self->layout_height)
    g_clear_pointer (&self->layout, tally_chart_layout_free);
}

static void
snapshot_placeholder (TallyChartView *self,
                      GtkSnapshot    *snapshot,
                      int             width,
                      int             height)
{
  g_autoptr(PangoLayout) layout = NULL;
  GdkRGBA colour = { self->style.ink_secondary.red, self->style.ink_secondary.green,
                     self->style.ink_secondary.blue, 1 };
  int text_width, text_height;

  if (self->placeholder == NULL)
    return;

  layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), self->placeholder);
  pango_layout_set_width (layout, MAX (width - 48, 1) * PANGO_SCALE);
  pango_layout_set_alignment (layout, PANGO_ALIGN_CENTER);
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD);
  pango_layout_get_pixel_size (layout, &text_width, &text_height);

  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (24, (height - text_height) / 2.0f));
  gtk_snapshot_append_layout (snapshot, layout, &colour);
  gtk_snapshot_restore (snapshot);
}

static void
tally_chart_view_snapshot (GtkWidget   *widget,
                           GtkSnapshot *snapshot)
{
  TallyChartView *self = TALLY_CHART_VIEW (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  double x, y, item_width, item_height;
  cairo_t *cr;

  ensure_layout (self);
  if (self->layout == NULL)
    {
      snapshot_placeholder (self, snapshot, width, height);
      return;
    }

  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  tally_chart_paint (cr, self->layout, self->data, &self->style, highlight_item (self));

  /* The keyboard's place, ringed. */
  if (gtk_widget_has_visible_focus (widget) && self->focus_item >= 0 &&
      tally_chart_layout_get_item_bounds (self->layout, (guint) self->focus_item, &x, &y, &item_width, &item_height))
    {
      cairo_set_source_rgb (cr, self->style.focus.red, self->style.focus.green, self->style.focus.blue);
      cairo_set_line_width (cr, 2);
      cairo_rectangle (cr, x - 4, y - 4, item_width + 8, item_height + 8);
      cairo_stroke (cr);
    }

  cairo_destroy (cr);
}

static void
tally_chart_view_dispose (GObject *object)
{
  TallyChartView *self = (TallyChartView *) object;

  if (self->update_tick != 0)
    gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->update_tick);
  self->update_tick = 0;
  if (self->update_destroy)
    g_clear_pointer (&self->update_data, self->update_destroy);
  self->update_func = NULL;
  self->update_destroy = NULL;

  g_clear_pointer (&self->layout, tally_chart_layout_free);
  tally_chart_data_free (self->kind, g_steal_pointer (&self->data));

  G_OBJECT_CLASS (tally_chart_view_parent_class)->dispose (object);
}

static void
tally_chart_view_finalize (GObject *object)
{
  TallyChartView *self = (TallyChartView *) object;

  g_clear_pointer (&self->placeholder, g_free);
  g_clear_pointer (&self->selected_key, g_free);

  G_OBJECT_CLASS (tally_chart_view_parent_class)->finalize (object);
}

static void
tally_chart_view_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  TallyChartView *self = TALLY_CHART_VIEW (object);

  switch (prop_id)
    {
    case PROP_KIND:
      g_value_set_int (value, self->kind);
      break;
    case PROP_COLOUR_BLIND_SAFE:
      g_value_set_boolean (value, self->style.colour_blind_safe);
      break;
    case PROP_SHOW_HEADING:
      g_value_set_boolean (value, self->show_heading);
      break;
    case PROP_PLACEHOLDER:
      g_value_set_string (value, self->placeholder);
      break;
    case PROP_SELECTED_KEY:
      g_value_set_string (value, self->selected_key);
      break;
    case PROP_FOCUS_ITEM:
      g_value_set_int (value, self->focus_item);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tally_chart_view_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  TallyChartView *self = TALLY_CHART_VIEW (object);

  switch (prop_id)
    {
    case PROP_COLOUR_BLIND_SAFE:
      tally_chart_view_set_colour_blind_safe (self, g_value_get_boolean (value));
      break;
    case PROP_SHOW_HEADING:
      tally_chart_view_set_show_heading (self, g_value_get_boolean (value));
      break;
    case PROP_PLACEHOLDER:
      tally_chart_view_set_placeholder (self, g_value_get_string (value));
      break;
    case PROP_SELECTED_KEY:
      tally_chart_view_set_selected_key (self, g_value_get_string (value));
      break;
    case PROP_FOCUS_ITEM:
      tally_chart_view_set_focus_item (self, g_value_get_int (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tally_chart_view_class_init (TallyChartViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = tally_chart_view_dispose;
  object_class->finalize = tally_chart_view_finalize;
  object_class->get_property = tally_chart_view_get_property;
  object_class->set_property = tally_chart_view_set_property;

  widget_class->measure = tally_chart_view_measure;
  widget_class->size_allocate = tally_chart_view_size_allocate;
  widget_class->snapshot = tally_chart_view_snapshot;
  widget_class->query_tooltip = tally_chart_view_query_tooltip;

  properties[PROP_KIND] =
    g_param_spec_int ("kind", NULL, NULL, 0, TALLY_N_CHART_KINDS - 1, TALLY_CHART_HEMICYCLE,
                      G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_COLOUR_BLIND_SAFE] =
    g_param_spec_boolean ("colour-blind-safe", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SHOW_HEADING] =
    g_param_spec_boolean ("show-heading", NULL, NULL, TRUE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_PLACEHOLDER] =
    g_param_spec_string ("placeholder", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SELECTED_KEY] =
    g_param_spec_string ("selected-key", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_FOCUS_ITEM] =
    g_param_spec_int ("focus-item", NULL, NULL, -1, G_MAXINT, -1,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * TallyChartView::item-activated:
   * @item: the item clicked or activated from the keyboard
   * @key: (nullable): its key: a party key, or a council code in the scatter
   */
  signals[ITEM_ACTIVATED] =
    g_signal_new ("item-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_UINT, G_TYPE_STRING);

  gtk_widget_class_set_css_name (widget_class, "chart");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
tally_chart_view_init (TallyChartView *self)
{
  GtkEventController *controller;
  AdwStyleManager *manager = adw_style_manager_get_default ();

  self->show_heading = TRUE;
  self->hover_item = -1;
  self->focus_item = -1;

  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);
  gtk_widget_set_hexpand (GTK_WIDGET (self), TRUE);
  gtk_widget_set_vexpand (GTK_WIDGET (self), TRUE);

  controller = gtk_event_controller_motion_new ();
  g_signal_connect_object (controller, "enter", G_CALLBACK (motion_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (controller, "motion", G_CALLBACK (motion_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (controller, "leave", G_CALLBACK (leave_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self), controller);

  controller = GTK_EVENT_CONTROLLER (gtk_gesture_click_new ());
  g_signal_connect_object (controller, "released", G_CALLBACK (released_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self), controller);

  controller = gtk_event_controller_key_new ();
  g_signal_connect_object (controller, "key-pressed", G_CALLBACK (key_pressed_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self), controller);

  controller = gtk_event_controller_focus_new ();
  g_signal_connect_object (controller, "enter", G_CALLBACK (focus_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (controller, "leave", G_CALLBACK (focus_changed_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self), controller);

  g_signal_connect_object (manager, "notify::dark", G_CALLBACK (style_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (manager, "notify::high-contrast", G_CALLBACK (style_changed_cb), self, G_CONNECT_SWAPPED);
  update_style (self);
  update_accessible (self);
}

/* Public API */

GtkWidget *
tally_chart_view_new (void)
{
  return g_object_new (TALLY_TYPE_CHART_VIEW, NULL);
}

TallyChartKind
tally_chart_view_get_kind (TallyChartView *self)
{
  g_return_val_if_fail (TALLY_IS_CHART_VIEW (self), TALLY_CHART_HEMICYCLE);
  return self->kind;
}

/**
 * tally_chart_view_get_data:
 *
 * Returns: (transfer none) (nullable): the data shown, of the struct the
 *   kind names
 */
gconstpointer
tally_chart_view_get_data (TallyChartView *self)
{
  g_return_val_if_fail (TALLY_IS_CHART_VIEW (self), NULL);
  return self->data;
}

/**
 * tally_chart_view_set_data:
 * @data: (transfer full) (nullable): the struct @kind draws, made by an
 *   adapter of tally-chart-adapt.h; %NULL shows the placeholder
 *
 * Shows @data as a chart of @kind.
 */
void
tally_chart_view_set_data (TallyChartView *self,
                           TallyChartKind  kind,
                           gpointer        data)
{
  gboolean kind_changed;

  g_return_if_fail (TALLY_IS_CHART_VIEW (self));
  g_return_if_fail (kind < TALLY_N_CHART_KINDS);

  g_clear_pointer (&self->layout, tally_chart_layout_free);
  tally_chart_data_free (self->kind, g_steal_pointer (&self->data));

  kind_changed = self->kind != kind;
  self->kind = kind;
  self->data = data;
  self->hover_item = -1;
  if (self->focus_item >= 0 && (guint) self->focus_item >= n_items (self))
    tally_chart_view_set_focus_item (self, n_items (self) > 0 ? 0 : -1);

  /* The scatter draws its selection into the layout. */
  if (kind == TALLY_CHART_SWING_SCATTER && data != NULL)
    {
      TallySwingScatterData *scatter = data;

      if (g_strcmp0 (scatter->selected_key, self->selected_key) != 0)
        {
          g_free (scatter->selected_key);
          scatter->selected_key = g_strdup (self->selected_key);
        }
    }

  if (kind_changed)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_KIND]);

  update_accessible (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/**
 * tally_chart_view_set_update_func:
 *
 * Sets what refreshes the data when a watched object changes.
 */
void
tally_chart_view_set_update_func (TallyChartView           *self,
                                  TallyChartViewUpdateFunc  func,
                                  gpointer                  user_data,
                                  GDestroyNotify            destroy)
{
  g_return_if_fail (TALLY_IS_CHART_VIEW (self));

  if (self->update_destroy)
    self->update_destroy (self->update_data);

  self->update_func = func;
  self->update_data = user_data;
  self->update_destroy = destroy;
  tally_chart_view_queue_update (self);
}

/**
 * tally_chart_view_watch:
 * @object: (type GObject): a filter, the engine, the selection…
 * @signal_name: "changed", "notify::summary", "notify::council"…
 *
 * Refreshes the chart, through the update function, on the frame after
 * @object emits @signal_name, for as long as both live.
 */
void
tally_chart_view_watch (TallyChartView *self,
                        gpointer        object,
                        const char     *signal_name)
{
  g_return_if_fail (TALLY_IS_CHART_VIEW (self));
  g_return_if_fail (G_IS_OBJECT (object));
  g_return_if_fail (signal_name != NULL);

  g_signal_connect_object (object, signal_name, G_CALLBACK (watched_changed_cb), self, G_CONNECT_SWAPPED);
}

/**
 * tally_chart_view_queue_update:
 *
 * Calls the update function before the next frame: once, however many
 * changes come before it, and not at all while the view is not shown.
 */
void
tally_chart_view_queue_update (TallyChartView *self)
{
  g_return_if_fail (TALLY_IS_CHART_VIEW (self));

  if (self->update_func == NULL || self->update_tick != 0)
    return;

  self->update_tick = gtk_widget_add_tick_callback (GTK_WIDGET (self), update_tick_cb, NULL, NULL);
}

gboolean
tally_chart_view_get_colour_blind_safe (TallyChartView *self)
{
  g_return_val_if_fail (TALLY_IS_CHART_VIEW (self), FALSE);
  return self->style.colour_blind_safe;
}

void
tally_chart_view_set_colour_blind_safe (TallyChartView *self,
                                        gboolean        colour_blind_safe)
{
  g_return_if_fail (TALLY_IS_CHART_VIEW (self));

  colour_blind_safe = !!colour_blind_safe;
  if (self->style.colour_blind_safe == colour_blind_safe)
    return;

  self->style.colour_blind_safe = colour_blind_safe;
  invalidate_layout (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COLOUR_BLIND_SAFE]);
}

gboolean
tally_chart_view_get_show_heading (TallyChartView *self)
{
  g_return_val_if_fail (TALLY_IS_CHART_VIEW (self), TRUE);
  return self->show_heading;
}

/**
 * tally_chart_view_set_show_heading:
 *
 * Whether the chart draws its title, subtitle and source line, as an
 * export would; off where the window says them already.
 */
void
tally_chart_view_set_show_heading (TallyChartView *self,
                                   gboolean        show_heading)
{
  g_return_if_fail (TALLY_IS_CHART_VIEW (self));

  show_heading = !!show_heading;
  if (self->show_heading == show_heading)
    return;

  self->show_heading = show_heading;
  update_style (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SHOW_HEADING]);
}

const char *
tally_chart_view_get_placeholder (TallyChartView *self)
{
  g_return_val_if_fail (TALLY_IS_CHART_VIEW (self), NULL);
  return self->placeholder;
}

/**
 * tally_chart_view_set_placeholder:
 *
 * What the view says when it has no data: "Select a council".
 */
void
tally_chart_view_set_placeholder (TallyChartView *self,
                                  const char     *placeholder)
{
  g_return_if_fail (TALLY_IS_CHART_VIEW (self));

  if (g_strcmp0 (self->placeholder, placeholder) == 0)
    return;

  g_free (self->placeholder);
  self->placeholder = g_strdup (placeholder);
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PLACEHOLDER]);
}

const char *
tally_chart_view_get_selected_key (TallyChartView *self)
{
  g_return_val_if_fail (TALLY_IS_CHART_VIEW (self), NULL);
  return self->selected_key;
}

/**
 * tally_chart_view_set_selected_key:
 * @key: (nullable): a council code (the scatter rings and names it) or a
 *   party key (party charts bring it forward)
 */
void
tally_chart_view_set_selected_key (TallyChartView *self,
                                   const char     *key)
{
  g_return_if_fail (TALLY_IS_CHART_VIEW (self));

  if (g_strcmp0 (self->selected_key, key) == 0)
    return;

  g_free (self->selected_key);
  self->selected_key = g_strdup (key);

  if (self->kind == TALLY_CHART_SWING_SCATTER && self->data != NULL)
    {
      TallySwingScatterData *scatter = self->data;

      g_free (scatter->selected_key);
      scatter->selected_key = g_strdup (key);
      invalidate_layout (self);
    }
  else
    gtk_widget_queue_draw (GTK_WIDGET (self));

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED_KEY]);
}

int
tally_chart_view_get_focus_item (TallyChartView *self)
{
  g_return_val_if_fail (TALLY_IS_CHART_VIEW (self), -1);
  return self->focus_item;
}

/**
 * tally_chart_view_set_focus_item:
 *
 * Moves the keyboard's place to @item (-1 for none).
 */
void
tally_chart_view_set_focus_item (TallyChartView *self,
                                 int             item)
{
  g_return_if_fail (TALLY_IS_CHART_VIEW (self));

  if (item >= (int) n_items (self))
    item = (int) n_items (self) - 1;
  item = MAX (item, -1);
  if (self->focus_item == item)
    return;

  self->focus_item = item;
  update_accessible (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FOCUS_ITEM]);
}

/**
 * tally_chart_view_lookup_item:
 *
 * Returns: the item at @x, @y in the view's coordinates, or -1
 */
int
tally_chart_view_lookup_item (TallyChartView *self,
                              double          x,
                              double          y)
{
  g_return_val_if_fail (TALLY_IS_CHART_VIEW (self), -1);

  ensure_layout (self);
  return self->layout ? tally_chart_layout_lookup_item (self->layout, x, y) : -1;
}

/**
 * tally_chart_view_get_style:
 *
 * Returns: (transfer none): the style the view draws with, for an export
 *   of what is seen
 */
const TallyChartStyle *
tally_chart_view_get_style (TallyChartView *self)
{
  g_return_val_if_fail (TALLY_IS_CHART_VIEW (self), NULL);
  return &self->style;
}
