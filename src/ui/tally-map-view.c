/* tally-map-view.c: the map: a hex cartogram or council boundaries,
 * coloured by the results, following the filter and the selection.
 *
 * The painting is the cairo code of src/charts/tally-map-draw.c, the same
 * that export uses.  Like libshumate's map, the view keeps what it painted:
 * the councils and their borders are drawn once into a texture a little
 * larger than the widget, and a frame only places that texture, so a pan
 * is a translation and a pinch or scroll zoom a scaling of it.  The
 * councils are painted again, at full sharpness and the right level of
 * detail, when the view has moved beyond the texture, when a zoom has gone
 * past half or double, or once a zoom gesture has settled.  Hover and
 * selection outlines, names and the key are drawn over it every frame;
 * they are cheap.
 *
 * The geography loads on a worker thread, from its own connection to the
 * database: the imported hex layout or boundaries, else a hex layout
 * generated from the council centroids.
 *
 * Hover shows a tooltip; a click selects (and emits ::council-activated);
 * drag pans, scroll and pinch zoom about the pointer; the keyboard moves
 * the selection between neighbouring councils (arrows), zooms (+ and −),
 * fits England (Home) or London (L), and activates (Enter).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <math.h>

#include "tally-catalog.h"
#include "tally-council.h"
#include "tally-database.h"
#include "tally-filter.h"
#include "tally-hexgen.h"
#include "tally-map-view.h"
#include "tally-party.h"
#include "tally-selection.h"

/* Texture beyond the widget on each side, in pixels: pans within it cost
 * nothing. */
#define CACHE_MARGIN 256

/* A zoom gesture has settled when nothing has moved for this long. */
#define SETTLE_MS 160

#define ZOOM_STEP 1.5

typedef struct
{
  double   centre_x;
  double   centre_y;
  double   scale;
  gboolean placed;
} ViewState;

struct _TallyMapView
{
  GtkWidget          parent_instance;

  TallyResults      *results;
  TallyFilter       *filter;
  TallySelection    *selection;
  TallyCatalog      *catalog;

  TallyMapMode       mode;
  TallyMapColourBy   colour_by;
  TallyParty        *party;
  TallyParty        *swing_from;
  TallyChartStyle    style;

  TallyHexLayout    *hexes;
  TallyBoundaries   *boundaries;
  GCancellable      *loading;

  TallyMapData      *data;
  TallyMapKeyLayout *key;
  gboolean           data_dirty;
  guint              serial;

  ViewState          views[2];

  GdkTexture        *cache;
  double             cache_scale;
  double             cache_left;
  double             cache_top;
  int                cache_width;
  int                cache_height;
  guint              cache_serial;
  TallyMapMode       cache_mode;
  GCancellable      *rendering;      /* a texture being painted on a worker thread */
  guint              settle_source;
  gboolean           interacting;

  char              *hovered;
  double             pointer_x;
  double             pointer_y;
  gboolean           pointer_inside;
  double             drag_centre_x;
  double             drag_centre_y;
  double             pinch_scale;
  double             pinch_map_x;
  double             pinch_map_y;

  GtkWidget         *controls;
  GtkWidget         *zoom_box;
  GtkWidget         *empty_label;
  GtkToggleButton   *hex_button;
  GtkToggleButton   *geo_button;
  GtkDropDown       *colour_dropdown;
  GtkDropDown       *party_dropdown;
  GtkDropDown       *from_dropdown;
  GtkWidget         *to_label;
  gboolean           syncing_controls;
};

G_DEFINE_FINAL_TYPE (TallyMapView, tally_map_view, GTK_TYPE_WIDGET)

G_DEFINE_ENUM_TYPE (TallyMapMode, tally_map_mode,
                    G_DEFINE_ENUM_VALUE (TALLY_MAP_MODE_HEXES, "hexes"),
                    G_DEFINE_ENUM_VALUE (TALLY_MAP_MODE_GEOGRAPHIC, "geographic"))

G_DEFINE_ENUM_TYPE (TallyMapColourBy, tally_map_colour_by,
                    G_DEFINE_ENUM_VALUE (TALLY_MAP_COLOUR_CONTROL, "control"),
                    G_DEFINE_ENUM_VALUE (TALLY_MAP_COLOUR_CHANGE, "change"),
                    G_DEFINE_ENUM_VALUE (TALLY_MAP_COLOUR_WINNER, "winner"),
                    G_DEFINE_ENUM_VALUE (TALLY_MAP_COLOUR_SHARE, "share"),
                    G_DEFINE_ENUM_VALUE (TALLY_MAP_COLOUR_SHARE_CHANGE, "share-change"),
                    G_DEFINE_ENUM_VALUE (TALLY_MAP_COLOUR_SWING, "swing"))

enum {
  PROP_0,
  PROP_RESULTS,
  PROP_SELECTION,
  PROP_MODE,
  PROP_COLOUR_BY,
  PROP_PARTY,
  PROP_SWING_FROM,
  PROP_COLOUR_BLIND_SAFE,
  PROP_LOADING,
  N_PROPS
};

enum {
  COUNCIL_ACTIVATED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

/* Geography */

static gboolean
has_geometry (TallyMapView *self,
              TallyMapMode  mode)
{
  if (mode == TALLY_MAP_MODE_HEXES)
    return self->hexes != NULL && tally_hex_layout_get_n_hexes (self->hexes) > 0;

  return self->boundaries != NULL && tally_boundaries_get_n_items (self->boundaries) > 0;
}

static gboolean
get_bounds (TallyMapView *self,
            gboolean      london,
            double       *bounds)
{
  gboolean found = FALSE;

  bounds[0] = bounds[1] = INFINITY;
  bounds[2] = bounds[3] = -INFINITY;

  if (!has_geometry (self, self->mode))
    return FALSE;

  if (!london)
    {
      if (self->mode == TALLY_MAP_MODE_HEXES)
        return tally_hex_layout_get_bounds (self->hexes, &bounds[0], &bounds[1], &bounds[2], &bounds[3]);
      return tally_boundaries_get_bounds (self->boundaries, &bounds[0], &bounds[1], &bounds[2], &bounds[3]);
    }

  if (self->catalog == NULL)
    return FALSE;

  if (self->mode == TALLY_MAP_MODE_HEXES)
    {
      for (guint i = 0; i < tally_hex_layout_get_n_hexes (self->hexes); i++)
        {
          TallyCouncil *council = tally_catalog_lookup_council (self->catalog, tally_hex_layout_get_hex (self->hexes, i)->code);
          double x, y;

          if (council == NULL || g_strcmp0 (tally_council_get_region (council), "London") != 0)
            continue;

          tally_hex_layout_get_centre (self->hexes, i, &x, &y);
          bounds[0] = MIN (bounds[0], x - 1);
          bounds[1] = MIN (bounds[1], y - 1);
          bounds[2] = MAX (bounds[2], x + 1);
          bounds[3] = MAX (bounds[3], y + 1);
          found = TRUE;
        }
    }
  else
    {
      for (guint i = 0; i < tally_boundaries_get_n_items (self->boundaries); i++)
        {
          TallyCouncil *council = tally_catalog_lookup_council (self->catalog, tally_boundaries_get_code (self->boundaries, i));
          double item[4];

          if (council == NULL || g_strcmp0 (tally_council_get_region (council), "London") != 0)
            continue;

          tally_boundaries_get_item_bounds (self->boundaries, i, item);
          bounds[0] = MIN (bounds[0], item[0]);
          bounds[1] = MIN (bounds[1], item[1]);
          bounds[2] = MAX (bounds[2], item[2]);
          bounds[3] = MAX (bounds[3], item[3]);
          found = TRUE;
        }
    }

  return found;
}

/* View */

static double
fit_scale (TallyMapView *self)
{
  double bounds[4];
  int width = gtk_widget_get_width (GTK_WIDGET (self)), height = gtk_widget_get_height (GTK_WIDGET (self));

  if (!get_bounds (self, FALSE, bounds) || width <= 0 || height <= 0)
    return 1;

  return MIN (width * 0.94 / MAX (bounds[2] - bounds[0], 1e-9), height * 0.94 / MAX (bounds[3] - bounds[1], 1e-9));
}

static void
clamp_view (TallyMapView *self)
{
  ViewState *view = &self->views[self->mode];
  double bounds[4], fit = fit_scale (self);

  /* From a little less than all England to street level (or a hex filling the view). */
  view->scale = CLAMP (view->scale, fit * 0.6, fit * (self->mode == TALLY_MAP_MODE_HEXES ? 14 : 80));

  /* Keep some of the map in sight. */
  if (get_bounds (self, FALSE, bounds))
    {
      view->centre_x = CLAMP (view->centre_x, bounds[0], bounds[2]);
      view->centre_y = CLAMP (view->centre_y, bounds[1], bounds[3]);
    }
}

static void
fit_bounds (TallyMapView *self,
            const double *bounds,
            double        padding)
{
  ViewState *view = &self->views[self->mode];
  int width = gtk_widget_get_width (GTK_WIDGET (self)), height = gtk_widget_get_height (GTK_WIDGET (self));
  double span_x = MAX (bounds[2] - bounds[0], 1e-9) * (1 + padding);
  double span_y = MAX (bounds[3] - bounds[1], 1e-9) * (1 + padding);

  if (width <= 0 || height <= 0)
    return;

  view->centre_x = (bounds[0] + bounds[2]) / 2;
  view->centre_y = (bounds[1] + bounds[3]) / 2;
  view->scale = MIN (width / span_x, height / span_y);
  view->placed = TRUE;
  clamp_view (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
get_transform (TallyMapView      *self,
               TallyMapTransform *transform)
{
  ViewState *view = &self->views[self->mode];
  int width = gtk_widget_get_width (GTK_WIDGET (self)), height = gtk_widget_get_height (GTK_WIDGET (self));

  transform->scale = view->scale > 0 ? view->scale : 1;
  transform->left = view->centre_x - width / 2.0 / transform->scale;
  transform->top = view->centre_y + height / 2.0 / transform->scale;
}

static void
ensure_placed (TallyMapView *self)
{
  double bounds[4];

  if (!self->views[self->mode].placed && get_bounds (self, FALSE, bounds) &&
      gtk_widget_get_width (GTK_WIDGET (self)) > 0)
    fit_bounds (self, bounds, 0.06);
}

/* Zooms by @factor, keeping the map point under (@x, @y) where it is. */
static void
zoom_about (TallyMapView *self,
            double        factor,
            double        x,
            double        y)
{
  ViewState *view = &self->views[self->mode];
  TallyMapTransform before;
  double map_x, map_y;
  int width = gtk_widget_get_width (GTK_WIDGET (self)), height = gtk_widget_get_height (GTK_WIDGET (self));

  get_transform (self, &before);
  tally_map_transform_to_map (&before, x, y, &map_x, &map_y);

  view->scale *= factor;
  clamp_view (self);
  view->centre_x = map_x - (x - width / 2.0) / view->scale;
  view->centre_y = map_y + (y - height / 2.0) / view->scale;
  clamp_view (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
settle_later (TallyMapView *self);

/* Data */

static void
invalidate_data (TallyMapView *self)
{
  self->data_dirty = TRUE;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
ensure_data (TallyMapView *self)
{
  GListModel *council_results = NULL;

  if (!self->data_dirty && self->data != NULL)
    return;

  g_clear_pointer (&self->data, tally_map_data_unref);
  g_clear_pointer (&self->key, tally_map_key_layout_free);
  self->data_dirty = FALSE;
  self->serial++;

  if (self->catalog == NULL)
    return;

  if (self->results != NULL)
    {
      TallyFilter *filter = tally_results_get_filter (self->results);
      TallyElection *election = filter ? tally_results_resolve_election (self->results, filter) : NULL;
      TallyElection *baseline = filter ? tally_results_resolve_baseline (self->results, filter) : NULL;

      if (election != NULL)
        council_results = tally_results_get_council_results (self->results, election, baseline);
    }

  self->data = tally_map_data_new_for_results (tally_catalog_get_councils (self->catalog), council_results,
                                               tally_catalog_get_parties (self->catalog), self->filter,
                                               self->colour_by, self->party, self->swing_from, &self->style);
  self->key = tally_map_key_layout_new (self->data, &self->style, 300);

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, self->data->key_title,
                                  -1);
}

static void
update_style (TallyMapView *self)
{
  AdwStyleManager *manager = adw_style_manager_get_default ();
  gboolean colour_blind_safe = self->style.colour_blind_safe;

  tally_chart_style_init (&self->style, TALLY_CHART_BACKGROUND_LIGHT);
  tally_chart_style_set_dark (&self->style, adw_style_manager_get_dark (manager));
  tally_chart_style_set_high_contrast (&self->style, adw_style_manager_get_high_contrast (manager));
  self->style.colour_blind_safe = colour_blind_safe;
  invalidate_data (self);
}

/* Controls */

static TallyParty *
party_at (TallyMapView *self,
          guint         position)
{
  g_autoptr(TallyParty) party = NULL;

  if (self->catalog == NULL)
    return NULL;

  party = g_list_model_get_item (tally_catalog_get_parties (self->catalog), position);
  return party;  /* the catalogue keeps it alive */
}

static guint
position_of (TallyMapView *self,
             TallyParty   *party)
{
  GListModel *parties;

  if (self->catalog == NULL || party == NULL)
    return GTK_INVALID_LIST_POSITION;

  parties = tally_catalog_get_parties (self->catalog);
  for (guint i = 0; i < g_list_model_get_n_items (parties); i++)
    {
      g_autoptr(TallyParty) item = g_list_model_get_item (parties, i);

      if (item == party)
        return i;
    }

  return GTK_INVALID_LIST_POSITION;
}

static void
sync_controls (TallyMapView *self)
{
  gboolean needs_party = tally_map_colour_by_needs_party (self->colour_by);
  gboolean swing = self->colour_by == TALLY_MAP_COLOUR_SWING;

  self->syncing_controls = TRUE;
  gtk_toggle_button_set_active (self->hex_button, self->mode == TALLY_MAP_MODE_HEXES);
  gtk_toggle_button_set_active (self->geo_button, self->mode == TALLY_MAP_MODE_GEOGRAPHIC);
  gtk_drop_down_set_selected (self->colour_dropdown, self->colour_by);
  gtk_drop_down_set_selected (self->party_dropdown, position_of (self, self->party));
  gtk_drop_down_set_selected (self->from_dropdown, position_of (self, self->swing_from));
  gtk_widget_set_visible (GTK_WIDGET (self->party_dropdown), needs_party);
  gtk_widget_set_visible (GTK_WIDGET (self->from_dropdown), swing);
  gtk_widget_set_visible (self->to_label, swing);
  gtk_widget_set_visible (self->empty_label,
                          self->mode == TALLY_MAP_MODE_GEOGRAPHIC && !has_geometry (self, TALLY_MAP_MODE_GEOGRAPHIC) &&
                          self->loading == NULL);
  gtk_widget_set_visible (self->zoom_box, has_geometry (self, self->mode));
  self->syncing_controls = FALSE;
}

static void
fill_party_lists (TallyMapView *self)
{
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) from_names = gtk_string_list_new (NULL);

  if (self->catalog != NULL)
    {
      GListModel *parties = tally_catalog_get_parties (self->catalog);

      for (guint i = 0; i < g_list_model_get_n_items (parties); i++)
        {
          g_autoptr(TallyParty) party = g_list_model_get_item (parties, i);

          gtk_string_list_append (names, tally_party_get_full_name (party));
          gtk_string_list_append (from_names, tally_party_get_short_name (party));
        }

      /* The parties a results night map is usually about. */
      g_set_object (&self->party, tally_catalog_lookup_party (self->catalog, "LAB"));
      g_set_object (&self->swing_from, tally_catalog_lookup_party (self->catalog, "CON"));
    }

  self->syncing_controls = TRUE;
  gtk_drop_down_set_model (self->party_dropdown, G_LIST_MODEL (names));
  gtk_drop_down_set_model (self->from_dropdown, G_LIST_MODEL (from_names));
  self->syncing_controls = FALSE;
  sync_controls (self);
}

static void
mode_toggled_cb (TallyMapView    *self,
                 GtkToggleButton *button)
{
  if (self->syncing_controls || !gtk_toggle_button_get_active (button))
    return;

  tally_map_view_set_mode (self, button == self->hex_button ? TALLY_MAP_MODE_HEXES : TALLY_MAP_MODE_GEOGRAPHIC);
}

static void
colour_selected_cb (TallyMapView *self)
{
  guint selected = gtk_drop_down_get_selected (self->colour_dropdown);

  if (!self->syncing_controls && selected < TALLY_N_MAP_COLOURINGS)
    tally_map_view_set_colour_by (self, selected);
}

static void
party_selected_cb (TallyMapView *self,
                   GParamSpec   *pspec,
                   GtkDropDown  *dropdown)
{
  TallyParty *party;

  if (self->syncing_controls || gtk_drop_down_get_selected (dropdown) == GTK_INVALID_LIST_POSITION)
    return;

  party = party_at (self, gtk_drop_down_get_selected (dropdown));
  if (dropdown == self->party_dropdown)
    tally_map_view_set_party (self, party);
  else
    tally_map_view_set_swing_from (self, party);
}

/* The cache */

static void
clear_cache (TallyMapView *self)
{
  g_clear_object (&self->cache);
}

/* What a texture is painted from: everything shared is immutable or
 * made safe for other threads (the levels of detail), so the painting can
 * run on a worker. */
typedef struct
{
  TallyMapMode       mode;
  TallyHexLayout    *hexes;
  TallyBoundaries   *boundaries;
  TallyMapData      *data;
  TallyChartStyle    style;
  TallyMapTransform  transform;  /* of the texture's top-left corner */
  int                width;
  int                height;
  int                scale_factor;
  guint              serial;
  cairo_surface_t   *surface;    /* the result */
} RenderJob;

static void
render_job_free (RenderJob *job)
{
  g_clear_object (&job->hexes);
  g_clear_object (&job->boundaries);
  g_clear_pointer (&job->data, tally_map_data_unref);
  g_clear_pointer (&job->surface, cairo_surface_destroy);
  g_free (job);
}

/* A texture of the view at @transform, with CACHE_MARGIN around it. */
static RenderJob *
render_job_new (TallyMapView            *self,
                const TallyMapTransform *transform,
                int                      width,
                int                      height)
{
  RenderJob *job = g_new0 (RenderJob, 1);

  job->mode = self->mode;
  job->hexes = self->hexes ? g_object_ref (self->hexes) : NULL;
  job->boundaries = self->boundaries ? g_object_ref (self->boundaries) : NULL;
  job->data = tally_map_data_ref (self->data);
  job->style = self->style;
  job->transform = *transform;
  job->transform.left -= CACHE_MARGIN / transform->scale;
  job->transform.top += CACHE_MARGIN / transform->scale;
  job->width = width + 2 * CACHE_MARGIN;
  job->height = height + 2 * CACHE_MARGIN;
  job->scale_factor = gtk_widget_get_scale_factor (GTK_WIDGET (self));
  job->serial = self->serial;

  return job;
}

static void
render_job_paint (RenderJob *job)
{
  cairo_t *cr;

  job->surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, job->width * job->scale_factor,
                                             job->height * job->scale_factor);
  cairo_surface_set_device_scale (job->surface, job->scale_factor, job->scale_factor);
  cr = cairo_create (job->surface);
  if (job->mode == TALLY_MAP_MODE_HEXES)
    tally_map_paint_hexes (cr, job->hexes, job->data, &job->transform, &job->style, job->width, job->height);
  else
    tally_map_paint_boundaries (cr, job->boundaries, job->data, &job->transform, &job->style, job->width, job->height);
  cairo_destroy (cr);
  cairo_surface_flush (job->surface);
}

static void
install_cache (TallyMapView *self,
               RenderJob    *job)
{
  cairo_surface_t *surface = g_steal_pointer (&job->surface);
  int stride = cairo_image_surface_get_stride (surface);
  g_autoptr(GBytes) bytes = NULL;

  /* Cairo's ARGB32 is GDK's default memory format; the bytes keep the
   * surface alive. */
  bytes = g_bytes_new_with_free_func (cairo_image_surface_get_data (surface),
                                      (gsize) stride * job->height * job->scale_factor,
                                      (GDestroyNotify) cairo_surface_destroy, surface);
  g_clear_object (&self->cache);
  self->cache = gdk_memory_texture_new (job->width * job->scale_factor, job->height * job->scale_factor,
                                        GDK_MEMORY_DEFAULT, bytes, stride);
  self->cache_scale = job->transform.scale;
  self->cache_left = job->transform.left;
  self->cache_top = job->transform.top;
  self->cache_width = job->width;
  self->cache_height = job->height;
  self->cache_serial = job->serial;
  self->cache_mode = job->mode;
}

static void
render_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  render_job_paint (task_data);
  g_task_return_boolean (task, TRUE);
}

static void
render_done_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  TallyMapView *self = TALLY_MAP_VIEW (source);
  RenderJob *job = g_task_get_task_data (G_TASK (result));

  if (!g_task_propagate_boolean (G_TASK (result), NULL))
    return;  /* cancelled with the view */

  g_clear_object (&self->rendering);
  /* Painted for data or a mode since replaced: of no use. */
  if (job->serial == self->serial && job->mode == self->mode)
    install_cache (self, job);

  /* The view may have moved on meanwhile: the next frame decides. */
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* Paints a fresh texture for the view as it is now, on a worker thread;
 * frames meanwhile place the old one. */
static void
render_later (TallyMapView            *self,
              const TallyMapTransform *transform,
              int                      width,
              int                      height)
{
  g_autoptr(GTask) task = NULL;

  if (self->rendering != NULL)
    return;

  self->rendering = g_cancellable_new ();
  task = g_task_new (self, self->rendering, render_done_cb, NULL);
  g_task_set_source_tag (task, render_later);
  g_task_set_task_data (task, render_job_new (self, transform, width, height), (GDestroyNotify) render_job_free);
  g_task_run_in_thread (task, render_thread);
}

static void
render_now (TallyMapView            *self,
            const TallyMapTransform *transform,
            int                      width,
            int                      height)
{
  RenderJob *job = render_job_new (self, transform, width, height);

  render_job_paint (job);
  install_cache (self, job);
  render_job_free (job);
}

static gboolean
settled_cb (gpointer user_data)
{
  TallyMapView *self = user_data;

  self->settle_source = 0;
  self->interacting = FALSE;
  gtk_widget_queue_draw (GTK_WIDGET (self));
  return G_SOURCE_REMOVE;
}

static void
settle_later (TallyMapView *self)
{
  g_clear_handle_id (&self->settle_source, g_source_remove);
  self->settle_source = g_timeout_add (SETTLE_MS, settled_cb, self);
}

/* Places the texture for @transform.  A frame never waits for painting
 * except when there is nothing to show (new data, a jump far in or out,
 * beyond a quarter or four times the texture's scale):
 * otherwise it places the old texture, scaled or moved, and a worker
 * paints the new one, once the view nears the texture's edge, a zoom has
 * gone a quarter in or out, or a zoom has settled. */
static void
snapshot_areas (TallyMapView      *self,
                GtkSnapshot       *snapshot,
                TallyMapTransform *transform,
                int                width,
                int                height)
{
  int scale_factor = gtk_widget_get_scale_factor (GTK_WIDGET (self));
  double ratio = 0, x = 0, y = 0, near = CACHE_MARGIN / 4.0;
  gboolean usable = self->cache != NULL && self->cache_serial == self->serial && self->cache_mode == self->mode;

  if (usable)
    {
      ratio = transform->scale / self->cache_scale;
      x = (self->cache_left - transform->left) * transform->scale;
      y = (transform->top - self->cache_top) * transform->scale;
      /* Blurred or with blank edges for a frame or two, rather than late. */
      usable = ratio >= 0.25 && ratio <= 4;
    }

  if (!usable)
    {
      render_now (self, transform, width, height);
      ratio = 1;
      x = -CACHE_MARGIN;
      y = -CACHE_MARGIN;
    }
  else if (x > -near || y > -near || x + self->cache_width * ratio < width + near ||
           y + self->cache_height * ratio < height + near ||
           (fabs (ratio - 1) > 1e-9 && !self->interacting) || ratio < 0.8 || ratio > 1.25)
    {
      /* Near the edge, zoomed well past it, or settled off its scale:
       * the worker paints the next one while this one still serves. */
      render_later (self, transform, width, height);
    }

  if (fabs (ratio - 1) <= 1e-9)
    {
      /* Whole device pixels, so the texture is copied, not resampled; the
       * marks move with it. */
      double snapped_x = round (x * scale_factor) / scale_factor;
      double snapped_y = round (y * scale_factor) / scale_factor;

      transform->left += (snapped_x - x) / transform->scale;
      transform->top -= (snapped_y - y) / transform->scale;
      x = snapped_x;
      y = snapped_y;
    }

  gtk_snapshot_append_texture (snapshot, self->cache,
                               &GRAPHENE_RECT_INIT (x, y, self->cache_width * ratio, self->cache_height * ratio));
}

/* Hit testing and tooltips */

static const char *
lookup_code (TallyMapView *self,
             double        x,
             double        y)
{
  TallyMapTransform transform;
  double map_x, map_y;
  int index;

  if (!has_geometry (self, self->mode))
    return NULL;

  get_transform (self, &transform);
  tally_map_transform_to_map (&transform, x, y, &map_x, &map_y);

  if (self->mode == TALLY_MAP_MODE_HEXES)
    {
      index = tally_hex_layout_hit_test (self->hexes, map_x, map_y);
      return index >= 0 ? tally_hex_layout_get_hex (self->hexes, index)->code : NULL;
    }

  index = tally_boundaries_hit_test (self->boundaries, map_x, map_y);
  return index >= 0 ? tally_boundaries_get_code (self->boundaries, index) : NULL;
}

static void
set_hovered (TallyMapView *self,
             const char   *code)
{
  if (g_strcmp0 (self->hovered, code) == 0)
    return;

  g_free (self->hovered);
  self->hovered = g_strdup (code);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static gboolean
tally_map_view_query_tooltip (GtkWidget  *widget,
                              int         x,
                              int         y,
                              gboolean    keyboard_tooltip,
                              GtkTooltip *tooltip)
{
  TallyMapView *self = TALLY_MAP_VIEW (widget);
  const TallyMapArea *area;
  const char *code;
  GString *markup;

  ensure_data (self);
  code = keyboard_tooltip && self->selection && tally_selection_get_council (self->selection)
         ? tally_council_get_code (tally_selection_get_council (self->selection))
         : lookup_code (self, x, y);
  if (code == NULL || self->data == NULL || !(area = tally_map_data_lookup (self->data, code)))
    return FALSE;

  markup = g_string_new (NULL);
  {
    /* Names and statuses are data: escape them, keep the tags. */
    g_autofree char *name = g_markup_escape_text (area->name, -1);
    g_autofree char *status = area->status ? g_markup_escape_text (area->status, -1) : NULL;
    g_autofree char *detail = area->detail ? g_markup_escape_text (area->detail, -1) : NULL;
    g_autofree char *figure = area->figure ? g_markup_escape_text (area->figure, -1) : NULL;

    g_string_append_printf (markup, "<b>%s</b>", name);
    if (status)
      g_string_append_printf (markup, "\n%s", status);
    if (detail)
      g_string_append_printf (markup, "\n<small>%s</small>", detail);
    if (figure)
      g_string_append_printf (markup, "\n%s", figure);
    if (!area->in_scope)
      g_string_append_printf (markup, "\n<i><small>%s</small></i>", _("Outside the filter"));
  }

  gtk_tooltip_set_markup (tooltip, markup->str);
  g_string_free (markup, TRUE);
  return TRUE;
}

/* Selection */

static const char *
selected_code (TallyMapView *self)
{
  TallyCouncil *council = self->selection ? tally_selection_get_council (self->selection) : NULL;

  return council ? tally_council_get_code (council) : NULL;
}

static gboolean
centre_of (TallyMapView *self,
           const char   *code,
           double       *x,
           double       *y)
{
  int index;

  if (code == NULL || !has_geometry (self, self->mode))
    return FALSE;

  if (self->mode == TALLY_MAP_MODE_HEXES)
    {
      if ((index = tally_hex_layout_lookup (self->hexes, code)) < 0)
        return FALSE;
      tally_hex_layout_get_centre (self->hexes, index, x, y);
      return TRUE;
    }

  if ((index = tally_boundaries_lookup (self->boundaries, code)) < 0)
    return FALSE;
  return tally_geometry_get_centroid (tally_boundaries_get_geometry (self->boundaries, index), x, y);
}

static void
select_code (TallyMapView *self,
             const char   *code,
             gboolean      activate)
{
  TallyCouncil *council;

  if (self->catalog == NULL || code == NULL || !(council = tally_catalog_lookup_council (self->catalog, code)))
    return;

  if (self->selection != NULL)
    tally_selection_set_council (self->selection, council);
  if (activate)
    g_signal_emit (self, signals[COUNCIL_ACTIVATED], 0, council);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* Brings the selected council into view when something else selected it. */
static void
selection_changed_cb (TallyMapView *self)
{
  TallyMapTransform transform;
  double x, y, canvas_x, canvas_y;
  int width = gtk_widget_get_width (GTK_WIDGET (self)), height = gtk_widget_get_height (GTK_WIDGET (self));

  if (centre_of (self, selected_code (self), &x, &y) && self->views[self->mode].placed)
    {
      get_transform (self, &transform);
      tally_map_transform_to_canvas (&transform, x, y, &canvas_x, &canvas_y);
      if (canvas_x < 20 || canvas_y < 20 || canvas_x > width - 20 || canvas_y > height - 20)
        {
          self->views[self->mode].centre_x = x;
          self->views[self->mode].centre_y = y;
        }
    }

  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* Gestures */

static void
motion_cb (TallyMapView             *self,
           double                    x,
           double                    y,
           GtkEventControllerMotion *controller)
{
  self->pointer_x = x;
  self->pointer_y = y;
  self->pointer_inside = TRUE;

  /* Not through the controls floating over the map. */
  if (gtk_widget_pick (GTK_WIDGET (self), x, y, GTK_PICK_DEFAULT) != GTK_WIDGET (self))
    set_hovered (self, NULL);
  else
    set_hovered (self, lookup_code (self, x, y));
}

static void
leave_cb (TallyMapView *self)
{
  self->pointer_inside = FALSE;
  set_hovered (self, NULL);
}

static void
click_released_cb (TallyMapView    *self,
                   int              n_press,
                   double           x,
                   double           y,
                   GtkGestureClick *gesture)
{
  const char *code;

  if (gtk_widget_pick (GTK_WIDGET (self), x, y, GTK_PICK_DEFAULT) != GTK_WIDGET (self))
    return;

  code = lookup_code (self, x, y);
  gtk_widget_grab_focus (GTK_WIDGET (self));
  if (code != NULL && n_press == 1)
    select_code (self, code, TRUE);
}

static void
drag_begin_cb (TallyMapView   *self,
               double          x,
               double          y,
               GtkGestureDrag *gesture)
{
  if (gtk_widget_pick (GTK_WIDGET (self), x, y, GTK_PICK_DEFAULT) != GTK_WIDGET (self))
    {
      gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_DENIED);
      return;
    }

  self->drag_centre_x = self->views[self->mode].centre_x;
  self->drag_centre_y = self->views[self->mode].centre_y;
}

static void
drag_update_cb (TallyMapView   *self,
                double          offset_x,
                double          offset_y,
                GtkGestureDrag *gesture)
{
  ViewState *view = &self->views[self->mode];

  if (fabs (offset_x) + fabs (offset_y) > 3)
    gtk_widget_set_cursor_from_name (GTK_WIDGET (self), "grabbing");

  view->centre_x = self->drag_centre_x - offset_x / view->scale;
  view->centre_y = self->drag_centre_y + offset_y / view->scale;
  clamp_view (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
drag_end_cb (TallyMapView   *self,
             double          offset_x,
             double          offset_y,
             GtkGestureDrag *gesture)
{
  gtk_widget_set_cursor (GTK_WIDGET (self), NULL);
}

static gboolean
scroll_cb (TallyMapView             *self,
           double                    dx,
           double                    dy,
           GtkEventControllerScroll *controller)
{
  double x = gtk_widget_get_width (GTK_WIDGET (self)) / 2.0, y = gtk_widget_get_height (GTK_WIDGET (self)) / 2.0;

  /* About the pointer: the place under it stays under it. */
  if (self->pointer_inside)
    {
      x = self->pointer_x;
      y = self->pointer_y;
    }

  self->interacting = TRUE;
  zoom_about (self, pow (1.25, -dy), x, y);
  settle_later (self);
  return GDK_EVENT_STOP;
}

static void
pinch_begin_cb (TallyMapView   *self,
                GdkEventSequence *sequence,
                GtkGestureZoom *gesture)
{
  TallyMapTransform transform;
  double x, y;

  self->pinch_scale = self->views[self->mode].scale;
  gtk_gesture_get_bounding_box_center (GTK_GESTURE (gesture), &x, &y);
  get_transform (self, &transform);
  tally_map_transform_to_map (&transform, x, y, &self->pinch_map_x, &self->pinch_map_y);
  self->interacting = TRUE;
}

static void
pinch_scale_changed_cb (TallyMapView   *self,
                        double          scale,
                        GtkGestureZoom *gesture)
{
  ViewState *view = &self->views[self->mode];
  int width = gtk_widget_get_width (GTK_WIDGET (self)), height = gtk_widget_get_height (GTK_WIDGET (self));
  double x, y;

  gtk_gesture_get_bounding_box_center (GTK_GESTURE (gesture), &x, &y);
  view->scale = self->pinch_scale * scale;
  clamp_view (self);
  /* The point between the fingers stays between them. */
  view->centre_x = self->pinch_map_x - (x - width / 2.0) / view->scale;
  view->centre_y = self->pinch_map_y + (y - height / 2.0) / view->scale;
  clamp_view (self);
  self->interacting = TRUE;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
pinch_end_cb (TallyMapView     *self,
              GdkEventSequence *sequence,
              GtkGestureZoom   *gesture)
{
  settle_later (self);
}

/* Actions */

static void
zoom_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  TallyMapView *self = TALLY_MAP_VIEW (widget);
  double factor = g_str_equal (action_name, "map.zoom-in") ? ZOOM_STEP : 1 / ZOOM_STEP;

  zoom_about (self, factor, gtk_widget_get_width (widget) / 2.0, gtk_widget_get_height (widget) / 2.0);
}

static void
fit_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  if (g_str_equal (action_name, "map.fit-london"))
    tally_map_view_fit_london (TALLY_MAP_VIEW (widget));
  else
    tally_map_view_fit_england (TALLY_MAP_VIEW (widget));
}

/* Moves the selection to the nearest council in a direction: within 60°
 * of it, preferring the straightest and then the closest. */
static void
move_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  TallyMapView *self = TALLY_MAP_VIEW (widget);
  const char *direction = g_variant_get_string (parameter, NULL);
  double dx = 0, dy = 0, from_x, from_y, best = INFINITY;
  const char *best_code = NULL;
  guint n_items;

  if (!has_geometry (self, self->mode))
    return;

  if (g_str_equal (direction, "left"))
    dx = -1;
  else if (g_str_equal (direction, "right"))
    dx = 1;
  else if (g_str_equal (direction, "up"))
    dy = 1;
  else
    dy = -1;

  if (!centre_of (self, selected_code (self), &from_x, &from_y))
    {
      /* Nothing selected yet: start from the council in the middle. */
      TallyMapTransform transform;
      const char *middle;

      get_transform (self, &transform);
      middle = lookup_code (self, gtk_widget_get_width (widget) / 2.0, gtk_widget_get_height (widget) / 2.0);
      if (middle == NULL && self->mode == TALLY_MAP_MODE_HEXES)
        middle = tally_hex_layout_get_hex (self->hexes, 0)->code;
      else if (middle == NULL)
        middle = tally_boundaries_get_code (self->boundaries, 0);
      select_code (self, middle, FALSE);
      return;
    }

  n_items = self->mode == TALLY_MAP_MODE_HEXES ? tally_hex_layout_get_n_hexes (self->hexes)
                                               : tally_boundaries_get_n_items (self->boundaries);
  for (guint i = 0; i < n_items; i++)
    {
      const char *code = self->mode == TALLY_MAP_MODE_HEXES ? tally_hex_layout_get_hex (self->hexes, i)->code
                                                            : tally_boundaries_get_code (self->boundaries, i);
      double x, y, along, across, score;

      if (g_strcmp0 (code, selected_code (self)) == 0 || !centre_of (self, code, &x, &y))
        continue;

      along = (x - from_x) * dx + (y - from_y) * dy;
      across = fabs ((x - from_x) * dy - (y - from_y) * dx);
      if (along <= 0 || across > along * 1.74)
        continue;

      score = along + 2 * across;
      if (score < best)
        {
          best = score;
          best_code = code;
        }
    }

  if (best_code != NULL)
    {
      select_code (self, best_code, FALSE);
      selection_changed_cb (self);
    }
}

static void
activate_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  TallyMapView *self = TALLY_MAP_VIEW (widget);

  select_code (self, selected_code (self), TRUE);
}

/* Loading */

typedef struct
{
  char       *path;
  GListModel *councils;
} LoadInput;

typedef struct
{
  TallyHexLayout  *hexes;
  TallyBoundaries *boundaries;
} LoadOutput;

static void
load_input_free (LoadInput *input)
{
  g_free (input->path);
  g_clear_object (&input->councils);
  g_free (input);
}

static void
load_output_free (LoadOutput *output)
{
  g_clear_object (&output->hexes);
  g_clear_object (&output->boundaries);
  g_free (output);
}

static void
load_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  LoadInput *input = task_data;
  LoadOutput *output = g_new0 (LoadOutput, 1);
  g_autoptr(TallyDatabase) database = NULL;
  g_autoptr(GError) error = NULL;

  /* A connection of our own: SQLite handles are not shared between threads here. */
  if (input->path != NULL &&
      (database = tally_database_open (input->path, TALLY_DATABASE_OPEN_READ_ONLY, &error)) != NULL)
    {
      output->hexes = tally_hex_layout_load (database, &error);
      if (error != NULL)
        {
          g_warning ("Cannot read the hex layout: %s", error->message);
          g_clear_error (&error);
        }

      output->boundaries = tally_boundaries_load (database, &error);
      if (error != NULL)
        {
          g_warning ("Cannot read the boundaries: %s", error->message);
          g_clear_error (&error);
        }
    }
  else if (error != NULL)
    {
      g_warning ("Cannot read the map's geography: %s", error->message);
      g_clear_error (&error);
    }

  if (output->hexes == NULL)
    output->hexes = tally_hexgen_generate_for_councils (input->councils, NULL);

  /* Every level of detail from street to country, ready before the first
   * frame, so that no zoom waits for one. */
  if (output->boundaries != NULL && tally_boundaries_get_n_items (output->boundaries) > 0)
    for (guint level = 1; level <= 11 && !g_cancellable_is_cancelled (cancellable); level++)
      tally_boundaries_prepare_level (output->boundaries, level);

  g_task_return_pointer (task, output, (GDestroyNotify) load_output_free);
}

static void
load_done_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  TallyMapView *self = TALLY_MAP_VIEW (source);
  LoadOutput *output = g_task_propagate_pointer (G_TASK (result), NULL);

  if (output == NULL)
    return;  /* cancelled: the view has moved on */

  g_clear_object (&self->loading);
  g_set_object (&self->hexes, output->hexes);
  g_set_object (&self->boundaries, output->boundaries);
  load_output_free (output);

  self->views[0].placed = self->views[1].placed = FALSE;
  clear_cache (self);
  sync_controls (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
start_loading (TallyMapView *self)
{
  g_autoptr(GTask) task = NULL;
  LoadInput *input;

  if (self->loading != NULL)
    {
      g_cancellable_cancel (self->loading);
      g_clear_object (&self->loading);
    }

  g_clear_object (&self->hexes);
  g_clear_object (&self->boundaries);
  clear_cache (self);

  if (self->catalog == NULL)
    {
      sync_controls (self);
      return;
    }

  self->loading = g_cancellable_new ();
  input = g_new0 (LoadInput, 1);
  input->path = g_strdup (tally_database_get_path (tally_catalog_get_database (self->catalog)));
  input->councils = g_object_ref (tally_catalog_get_councils (self->catalog));

  task = g_task_new (self, self->loading, load_done_cb, NULL);
  g_task_set_source_tag (task, start_loading);
  g_task_set_task_data (task, input, (GDestroyNotify) load_input_free);
  g_task_run_in_thread (task, load_thread);

  sync_controls (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);
}

/* Filter */

static void
filter_changed_cb (TallyMapView *self)
{
  invalidate_data (self);
}

static void
watch_filter (TallyMapView *self)
{
  TallyFilter *filter = self->results ? tally_results_get_filter (self->results) : NULL;

  if (self->filter == filter)
    return;

  if (self->filter != NULL)
    g_signal_handlers_disconnect_by_func (self->filter, filter_changed_cb, self);
  g_set_object (&self->filter, filter);
  if (self->filter != NULL)
    g_signal_connect_object (self->filter, "changed", G_CALLBACK (filter_changed_cb), self, G_CONNECT_SWAPPED);

  invalidate_data (self);
}

/* GtkWidget */

static void
tally_map_view_measure (GtkWidget      *widget,
                        GtkOrientation  orientation,
                        int             for_size,
                        int            *minimum,
                        int            *natural,
                        int            *minimum_baseline,
                        int            *natural_baseline)
{
  TallyMapView *self = TALLY_MAP_VIEW (widget);
  int controls_min, zoom_min;

  gtk_widget_measure (self->controls, orientation, -1, &controls_min, NULL, NULL, NULL);
  gtk_widget_measure (self->zoom_box, orientation, -1, &zoom_min, NULL, NULL, NULL);

  *minimum = MAX (200, MAX (controls_min, zoom_min) + 16);
  *natural = orientation == GTK_ORIENTATION_HORIZONTAL ? 720 : 640;
}

static void
tally_map_view_size_allocate (GtkWidget *widget,
                              int        width,
                              int        height,
                              int        baseline)
{
  TallyMapView *self = TALLY_MAP_VIEW (widget);
  int controls_width, controls_height, zoom_width, zoom_height, label_width, label_height;

  gtk_widget_measure (self->controls, GTK_ORIENTATION_HORIZONTAL, -1, NULL, &controls_width, NULL, NULL);
  controls_width = MIN (controls_width, width - 16);
  gtk_widget_measure (self->controls, GTK_ORIENTATION_VERTICAL, controls_width, NULL, &controls_height, NULL, NULL);
  gtk_widget_allocate (self->controls, controls_width, controls_height, -1,
                       gsk_transform_translate (NULL, &GRAPHENE_POINT_INIT (8, 8)));

  gtk_widget_measure (self->zoom_box, GTK_ORIENTATION_HORIZONTAL, -1, NULL, &zoom_width, NULL, NULL);
  gtk_widget_measure (self->zoom_box, GTK_ORIENTATION_VERTICAL, zoom_width, NULL, &zoom_height, NULL, NULL);
  gtk_widget_allocate (self->zoom_box, zoom_width, zoom_height, -1,
                       gsk_transform_translate (NULL, &GRAPHENE_POINT_INIT (width - zoom_width - 8,
                                                                             height - zoom_height - 8)));

  gtk_widget_measure (self->empty_label, GTK_ORIENTATION_HORIZONTAL, -1, NULL, &label_width, NULL, NULL);
  label_width = CLAMP (label_width, 1, MAX (width - 48, 1));
  gtk_widget_measure (self->empty_label, GTK_ORIENTATION_VERTICAL, label_width, NULL, &label_height, NULL, NULL);
  gtk_widget_allocate (self->empty_label, label_width, label_height, -1,
                       gsk_transform_translate (NULL, &GRAPHENE_POINT_INIT ((width - label_width) / 2.0,
                                                                             (height - label_height) / 2.0)));

  /* A new size keeps the centre and scale; the first one fits England. */
  ensure_placed (self);
}

static void
tally_map_view_snapshot (GtkWidget   *widget,
                         GtkSnapshot *snapshot)
{
  TallyMapView *self = TALLY_MAP_VIEW (widget);
  int width = gtk_widget_get_width (widget), height = gtk_widget_get_height (widget);
  TallyMapTransform transform;
  GdkRGBA page = { self->style.page.red, self->style.page.green, self->style.page.blue, 1 };

  if (width <= 0 || height <= 0)
    return;

  gtk_snapshot_push_clip (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  gtk_snapshot_append_color (snapshot, &page, &GRAPHENE_RECT_INIT (0, 0, width, height));

  ensure_data (self);
  ensure_placed (self);

  if (self->data != NULL && has_geometry (self, self->mode))
    {
      TallyMapMarks marks = { self->hovered, selected_code (self), gtk_widget_has_visible_focus (widget) };
      cairo_t *cr;

      get_transform (self, &transform);
      snapshot_areas (self, snapshot, &transform, width, height);

      cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
      tally_map_paint_marks (cr, self->mode == TALLY_MAP_MODE_HEXES ? self->hexes : NULL,
                             self->mode == TALLY_MAP_MODE_GEOGRAPHIC ? self->boundaries : NULL,
                             self->data, &transform, &self->style, &marks, width, height);
      cairo_destroy (cr);

      if (self->key != NULL)
        {
          double key_width, key_height;

          /* Top right, where England's map has the North Sea. */
          tally_map_key_get_size (self->key, &key_width, &key_height);
          if (key_height + 24 < height && key_width + 24 < width)
            {
              double key_x = width - key_width - 12;

              cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (key_x, 12, key_width, key_height));
              tally_map_key_paint (cr, self->key, &self->style, key_x, 12, TRUE);
              cairo_destroy (cr);
            }
        }
    }

  gtk_widget_snapshot_child (widget, self->empty_label, snapshot);
  gtk_widget_snapshot_child (widget, self->controls, snapshot);
  gtk_widget_snapshot_child (widget, self->zoom_box, snapshot);
  gtk_snapshot_pop (snapshot);
}

/* Tab goes to the map, then its controls, then on out; Shift+Tab back. */
static gboolean
tally_map_view_focus (GtkWidget        *widget,
                      GtkDirectionType  direction)
{
  TallyMapView *self = TALLY_MAP_VIEW (widget);
  GtkWidget *order[3] = { widget, self->controls, self->zoom_box };
  GtkWidget *focus_child = gtk_widget_get_focus_child (widget);
  gboolean backward = direction == GTK_DIR_TAB_BACKWARD || direction == GTK_DIR_UP || direction == GTK_DIR_LEFT;
  int position = gtk_widget_has_focus (widget) ? 0 : focus_child == self->controls ? 1 : focus_child == self->zoom_box ? 2 : -1;

  /* Within the controls first. */
  if (position > 0 && gtk_widget_child_focus (order[position], direction))
    return TRUE;

  if (position < 0)
    position = backward ? 3 : -1;

  for (int next = backward ? position - 1 : position + 1; next >= 0 && next < 3; next += backward ? -1 : 1)
    {
      if (next == 0)
        {
          gtk_widget_grab_focus (widget);
          return TRUE;
        }
      if (gtk_widget_get_visible (order[next]) && gtk_widget_child_focus (order[next], direction))
        return TRUE;
    }

  return FALSE;
}

/* GObject */

static void
tally_map_view_dispose (GObject *object)
{
  TallyMapView *self = TALLY_MAP_VIEW (object);

  if (self->loading != NULL)
    g_cancellable_cancel (self->loading);
  g_clear_object (&self->loading);
  if (self->rendering != NULL)
    g_cancellable_cancel (self->rendering);
  g_clear_object (&self->rendering);
  g_clear_handle_id (&self->settle_source, g_source_remove);

  if (self->filter != NULL)
    g_signal_handlers_disconnect_by_func (self->filter, filter_changed_cb, self);
  g_clear_object (&self->filter);
  g_clear_object (&self->results);
  g_clear_object (&self->selection);
  g_clear_object (&self->catalog);
  g_clear_object (&self->party);
  g_clear_object (&self->swing_from);
  g_clear_object (&self->hexes);
  g_clear_object (&self->boundaries);
  g_clear_object (&self->cache);

  g_clear_pointer (&self->controls, gtk_widget_unparent);
  g_clear_pointer (&self->zoom_box, gtk_widget_unparent);
  g_clear_pointer (&self->empty_label, gtk_widget_unparent);

  G_OBJECT_CLASS (tally_map_view_parent_class)->dispose (object);
}

static void
tally_map_view_finalize (GObject *object)
{
  TallyMapView *self = TALLY_MAP_VIEW (object);

  g_clear_pointer (&self->data, tally_map_data_unref);
  g_clear_pointer (&self->key, tally_map_key_layout_free);
  g_free (self->hovered);

  G_OBJECT_CLASS (tally_map_view_parent_class)->finalize (object);
}

static void
tally_map_view_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  TallyMapView *self = TALLY_MAP_VIEW (object);

  switch (prop_id)
    {
    case PROP_RESULTS:
      g_value_set_object (value, self->results);
      break;
    case PROP_SELECTION:
      g_value_set_object (value, self->selection);
      break;
    case PROP_MODE:
      g_value_set_enum (value, self->mode);
      break;
    case PROP_COLOUR_BY:
      g_value_set_enum (value, self->colour_by);
      break;
    case PROP_PARTY:
      g_value_set_object (value, self->party);
      break;
    case PROP_SWING_FROM:
      g_value_set_object (value, self->swing_from);
      break;
    case PROP_COLOUR_BLIND_SAFE:
      g_value_set_boolean (value, self->style.colour_blind_safe);
      break;
    case PROP_LOADING:
      g_value_set_boolean (value, self->loading != NULL);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tally_map_view_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  TallyMapView *self = TALLY_MAP_VIEW (object);

  switch (prop_id)
    {
    case PROP_RESULTS:
      tally_map_view_set_results (self, g_value_get_object (value));
      break;
    case PROP_SELECTION:
      tally_map_view_set_selection (self, g_value_get_object (value));
      break;
    case PROP_MODE:
      tally_map_view_set_mode (self, g_value_get_enum (value));
      break;
    case PROP_COLOUR_BY:
      tally_map_view_set_colour_by (self, g_value_get_enum (value));
      break;
    case PROP_PARTY:
      tally_map_view_set_party (self, g_value_get_object (value));
      break;
    case PROP_SWING_FROM:
      tally_map_view_set_swing_from (self, g_value_get_object (value));
      break;
    case PROP_COLOUR_BLIND_SAFE:
      tally_map_view_set_colour_blind_safe (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tally_map_view_class_init (TallyMapViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = tally_map_view_dispose;
  object_class->finalize = tally_map_view_finalize;
  object_class->get_property = tally_map_view_get_property;
  object_class->set_property = tally_map_view_set_property;

  widget_class->measure = tally_map_view_measure;
  widget_class->size_allocate = tally_map_view_size_allocate;
  widget_class->snapshot = tally_map_view_snapshot;
  widget_class->query_tooltip = tally_map_view_query_tooltip;
  widget_class->focus = tally_map_view_focus;

  properties[PROP_RESULTS] =
    g_param_spec_object ("results", NULL, NULL, TALLY_TYPE_RESULTS,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_SELECTION] =
    g_param_spec_object ("selection", NULL, NULL, TALLY_TYPE_SELECTION,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_MODE] =
    g_param_spec_enum ("mode", NULL, NULL, TALLY_TYPE_MAP_MODE, TALLY_MAP_MODE_HEXES,
                       (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_COLOUR_BY] =
    g_param_spec_enum ("colour-by", NULL, NULL, TALLY_TYPE_MAP_COLOUR_BY, TALLY_MAP_COLOUR_CONTROL,
                       (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_PARTY] =
    g_param_spec_object ("party", NULL, NULL, TALLY_TYPE_PARTY,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_SWING_FROM] =
    g_param_spec_object ("swing-from", NULL, NULL, TALLY_TYPE_PARTY,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_COLOUR_BLIND_SAFE] =
    g_param_spec_boolean ("colour-blind-safe", NULL, NULL, FALSE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_LOADING] =
    g_param_spec_boolean ("loading", NULL, NULL, FALSE,
                          (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * TallyMapView::council-activated:
   * @council: the council clicked, or the selected one on Enter
   */
  signals[COUNCIL_ACTIVATED] =
    g_signal_new ("council-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 1, TALLY_TYPE_COUNCIL);

  gtk_widget_class_install_action (widget_class, "map.zoom-in", NULL, zoom_action);
  gtk_widget_class_install_action (widget_class, "map.zoom-out", NULL, zoom_action);
  gtk_widget_class_install_action (widget_class, "map.fit-england", NULL, fit_action);
  gtk_widget_class_install_action (widget_class, "map.fit-london", NULL, fit_action);
  gtk_widget_class_install_action (widget_class, "map.move", "s", move_action);
  gtk_widget_class_install_action (widget_class, "map.activate", NULL, activate_action);

  gtk_widget_class_set_css_name (widget_class, "tallymap");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static GtkWidget *
icon_button (const char *icon_name,
             const char *tooltip,
             const char *action_name)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon_name);

  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action_name);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, tooltip, -1);
  return button;
}

static void
build_controls (TallyMapView *self)
{
  g_autoptr(GtkStringList) colourings = gtk_string_list_new (NULL);
  GtkWidget *mode_box, *london, *zoom_buttons;

  for (guint i = 0; i < TALLY_N_MAP_COLOURINGS; i++)
    gtk_string_list_append (colourings, tally_map_colour_by_get_label (i));

  /* Top left: what the map is, and what it is coloured by. */
  self->controls = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  gtk_widget_add_css_class (self->controls, "toolbar");
  gtk_widget_add_css_class (self->controls, "osd");
  gtk_widget_add_css_class (self->controls, "map-controls");

  mode_box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  gtk_widget_add_css_class (mode_box, "linked");
  self->hex_button = GTK_TOGGLE_BUTTON (gtk_toggle_button_new_with_label (_("Hexes")));
  self->geo_button = GTK_TOGGLE_BUTTON (gtk_toggle_button_new_with_label (_("Map")));
  gtk_toggle_button_set_group (self->geo_button, self->hex_button);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->hex_button), _("One hex per council"));
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->geo_button), _("Council boundaries"));
  gtk_box_append (GTK_BOX (mode_box), GTK_WIDGET (self->hex_button));
  gtk_box_append (GTK_BOX (mode_box), GTK_WIDGET (self->geo_button));
  gtk_box_append (GTK_BOX (self->controls), mode_box);
  g_signal_connect_object (self->hex_button, "toggled", G_CALLBACK (mode_toggled_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->geo_button, "toggled", G_CALLBACK (mode_toggled_cb), self, G_CONNECT_SWAPPED);

  self->colour_dropdown = GTK_DROP_DOWN (gtk_drop_down_new (G_LIST_MODEL (g_object_ref (colourings)), NULL));
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->colour_dropdown), _("Colour councils by"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->colour_dropdown), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Colour councils by"), -1);
  gtk_box_append (GTK_BOX (self->controls), GTK_WIDGET (self->colour_dropdown));
  g_signal_connect_object (self->colour_dropdown, "notify::selected", G_CALLBACK (colour_selected_cb), self,
                           G_CONNECT_SWAPPED);

  self->from_dropdown = GTK_DROP_DOWN (gtk_drop_down_new (NULL, NULL));
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->from_dropdown), _("Swing from"));
  gtk_box_append (GTK_BOX (self->controls), GTK_WIDGET (self->from_dropdown));
  g_signal_connect_object (self->from_dropdown, "notify::selected", G_CALLBACK (party_selected_cb), self,
                           G_CONNECT_SWAPPED);

  /* Translators: between the two parties of a swing, "Con → Lab". */
  self->to_label = gtk_label_new (_("→"));
  gtk_box_append (GTK_BOX (self->controls), self->to_label);

  self->party_dropdown = GTK_DROP_DOWN (gtk_drop_down_new (NULL, NULL));
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->party_dropdown), _("Party"));
  gtk_box_append (GTK_BOX (self->controls), GTK_WIDGET (self->party_dropdown));
  g_signal_connect_object (self->party_dropdown, "notify::selected", G_CALLBACK (party_selected_cb), self,
                           G_CONNECT_SWAPPED);

  gtk_widget_set_parent (self->controls, GTK_WIDGET (self));

  /* Bottom right: zoom, and the two views a reader wants most. */
  self->zoom_box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  gtk_widget_add_css_class (self->zoom_box, "toolbar");
  gtk_widget_add_css_class (self->zoom_box, "osd");
  gtk_widget_add_css_class (self->zoom_box, "map-controls");

  london = gtk_button_new_with_label (_("London"));
  gtk_widget_set_tooltip_text (london, _("Show London (L)"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (london), "map.fit-london");
  gtk_box_append (GTK_BOX (self->zoom_box), london);
  gtk_box_append (GTK_BOX (self->zoom_box), icon_button ("zoom-fit-best-symbolic", _("Show all England (Home)"),
                                                         "map.fit-england"));

  zoom_buttons = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  gtk_widget_add_css_class (zoom_buttons, "linked");
  gtk_box_append (GTK_BOX (zoom_buttons), icon_button ("zoom-out-symbolic", _("Zoom out (−)"), "map.zoom-out"));
  gtk_box_append (GTK_BOX (zoom_buttons), icon_button ("zoom-in-symbolic", _("Zoom in (+)"), "map.zoom-in"));
  gtk_box_append (GTK_BOX (self->zoom_box), zoom_buttons);
  gtk_widget_set_parent (self->zoom_box, GTK_WIDGET (self));

  {
    g_autofree char *markup = g_strdup_printf ("<span size=\"x-large\" weight=\"bold\">%s</span>\n\n%s",
                                               _("No Council Boundaries"),
                                               _("Import council boundaries, such as the ONS files in GeoJSON or "
                                                 "TopoJSON, in longitude and latitude or British National Grid, "
                                                 "with “tally import-boundaries FILE”."));

    self->empty_label = gtk_label_new (NULL);
    gtk_label_set_markup (GTK_LABEL (self->empty_label), markup);
  }
  gtk_label_set_wrap (GTK_LABEL (self->empty_label), TRUE);
  gtk_label_set_max_width_chars (GTK_LABEL (self->empty_label), 44);
  gtk_label_set_justify (GTK_LABEL (self->empty_label), GTK_JUSTIFY_CENTER);
  gtk_widget_add_css_class (self->empty_label, "dim-label");
  gtk_widget_set_visible (self->empty_label, FALSE);
  gtk_widget_set_parent (self->empty_label, GTK_WIDGET (self));
}

static void
add_shortcut (GtkShortcutController *controller,
              guint                  keyval,
              const char            *action_name,
              const char            *direction)
{
  GtkShortcut *shortcut = gtk_shortcut_new (gtk_keyval_trigger_new (keyval, 0), gtk_named_action_new (action_name));

  if (direction != NULL)
    gtk_shortcut_set_arguments (shortcut, g_variant_new_string (direction));
  gtk_shortcut_controller_add_shortcut (controller, shortcut);
}

/* Keys for the map itself, not for the controls over it: arrows must
 * still move between buttons there. */
static void
add_shortcuts (TallyMapView *self)
{
  GtkEventController *controller = gtk_shortcut_controller_new ();
  GtkShortcutController *shortcuts = GTK_SHORTCUT_CONTROLLER (controller);

  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_TARGET);
  add_shortcut (shortcuts, GDK_KEY_plus, "map.zoom-in", NULL);
  add_shortcut (shortcuts, GDK_KEY_equal, "map.zoom-in", NULL);
  add_shortcut (shortcuts, GDK_KEY_KP_Add, "map.zoom-in", NULL);
  add_shortcut (shortcuts, GDK_KEY_minus, "map.zoom-out", NULL);
  add_shortcut (shortcuts, GDK_KEY_KP_Subtract, "map.zoom-out", NULL);
  add_shortcut (shortcuts, GDK_KEY_Home, "map.fit-england", NULL);
  add_shortcut (shortcuts, GDK_KEY_l, "map.fit-london", NULL);
  add_shortcut (shortcuts, GDK_KEY_Left, "map.move", "left");
  add_shortcut (shortcuts, GDK_KEY_Right, "map.move", "right");
  add_shortcut (shortcuts, GDK_KEY_Up, "map.move", "up");
  add_shortcut (shortcuts, GDK_KEY_Down, "map.move", "down");
  add_shortcut (shortcuts, GDK_KEY_Return, "map.activate", NULL);
  add_shortcut (shortcuts, GDK_KEY_KP_Enter, "map.activate", NULL);
  add_shortcut (shortcuts, GDK_KEY_space, "map.activate", NULL);
  gtk_widget_add_controller (GTK_WIDGET (self), controller);
}

static void
tally_map_view_init (TallyMapView *self)
{
  AdwStyleManager *manager = adw_style_manager_get_default ();
  GtkEventController *motion, *scroll;
  GtkGesture *click, *drag, *pinch;

  self->mode = TALLY_MAP_MODE_HEXES;
  self->colour_by = TALLY_MAP_COLOUR_CONTROL;
  self->data_dirty = TRUE;

  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);
  gtk_widget_set_overflow (GTK_WIDGET (self), GTK_OVERFLOW_HIDDEN);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Map of councils"), -1);

  build_controls (self);
  add_shortcuts (self);

  motion = gtk_event_controller_motion_new ();
  g_signal_connect_object (motion, "motion", G_CALLBACK (motion_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (motion, "leave", G_CALLBACK (leave_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self), motion);

  click = gtk_gesture_click_new ();
  g_signal_connect_object (click, "released", G_CALLBACK (click_released_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));

  drag = gtk_gesture_drag_new ();
  g_signal_connect_object (drag, "drag-begin", G_CALLBACK (drag_begin_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (drag, "drag-update", G_CALLBACK (drag_update_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (drag, "drag-end", G_CALLBACK (drag_end_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drag));

  scroll = gtk_event_controller_scroll_new (GTK_EVENT_CONTROLLER_SCROLL_VERTICAL);
  g_signal_connect_object (scroll, "scroll", G_CALLBACK (scroll_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self), scroll);

  pinch = gtk_gesture_zoom_new ();
  g_signal_connect_object (pinch, "begin", G_CALLBACK (pinch_begin_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (pinch, "scale-changed", G_CALLBACK (pinch_scale_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (pinch, "end", G_CALLBACK (pinch_end_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (pinch));

  g_signal_connect_object (manager, "notify::dark", G_CALLBACK (update_style), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (manager, "notify::high-contrast", G_CALLBACK (update_style), self, G_CONNECT_SWAPPED);
  update_style (self);
  sync_controls (self);
}

/* Public API */

GtkWidget *
tally_map_view_new (void)
{
  return g_object_new (TALLY_TYPE_MAP_VIEW, NULL);
}

/**
 * tally_map_view_get_results:
 *
 * Returns: (transfer none) (nullable): the results engine the map shows
 */
TallyResults *
tally_map_view_get_results (TallyMapView *self)
{
  g_return_val_if_fail (TALLY_IS_MAP_VIEW (self), NULL);

  return self->results;
}

/**
 * tally_map_view_set_results:
 * @results: (nullable): the results engine of the open database
 *
 * Shows @results' councils: their geography is loaded (or a hex layout
 * generated) off the main thread; the map follows @results' filter,
 * fading the councils it does not match.
 */
void
tally_map_view_set_results (TallyMapView *self,
                            TallyResults *results)
{
  g_return_if_fail (TALLY_IS_MAP_VIEW (self));
  g_return_if_fail (results == NULL || TALLY_IS_RESULTS (results));

  if (self->results == results)
    return;

  if (self->results != NULL)
    g_signal_handlers_disconnect_by_func (self->results, watch_filter, self);
  g_set_object (&self->results, results);
  if (results != NULL)
    g_signal_connect_object (results, "notify::filter", G_CALLBACK (watch_filter), self, G_CONNECT_SWAPPED);

  g_set_object (&self->catalog, (results ? tally_results_get_catalog (results) : NULL));
  g_free (self->hovered);
  self->hovered = NULL;

  fill_party_lists (self);
  watch_filter (self);
  invalidate_data (self);
  start_loading (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RESULTS]);
}

/**
 * tally_map_view_get_selection:
 *
 * Returns: (transfer none) (nullable): the shared selection
 */
TallySelection *
tally_map_view_get_selection (TallyMapView *self)
{
  g_return_val_if_fail (TALLY_IS_MAP_VIEW (self), NULL);

  return self->selection;
}

/**
 * tally_map_view_set_selection:
 * @selection: (nullable): the one selection every view shares
 *
 * The map outlines and labels the selected council, brings it into view
 * when another view selects it, and selects what is clicked.
 */
void
tally_map_view_set_selection (TallyMapView   *self,
                              TallySelection *selection)
{
  g_return_if_fail (TALLY_IS_MAP_VIEW (self));
  g_return_if_fail (selection == NULL || TALLY_IS_SELECTION (selection));

  if (self->selection == selection)
    return;

  if (self->selection != NULL)
    g_signal_handlers_disconnect_by_func (self->selection, selection_changed_cb, self);
  g_set_object (&self->selection, selection);
  if (selection != NULL)
    g_signal_connect_object (selection, "notify::council", G_CALLBACK (selection_changed_cb), self,
                             G_CONNECT_SWAPPED);

  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTION]);
}

TallyMapMode
tally_map_view_get_mode (TallyMapView *self)
{
  g_return_val_if_fail (TALLY_IS_MAP_VIEW (self), TALLY_MAP_MODE_HEXES);

  return self->mode;
}

/**
 * tally_map_view_set_mode:
 *
 * Switches between the hex cartogram and the geographic map; each keeps
 * its own place and zoom.
 */
void
tally_map_view_set_mode (TallyMapView *self,
                         TallyMapMode  mode)
{
  g_return_if_fail (TALLY_IS_MAP_VIEW (self));
  g_return_if_fail (mode <= TALLY_MAP_MODE_GEOGRAPHIC);

  if (self->mode == mode)
    return;

  self->mode = mode;
  g_free (self->hovered);
  self->hovered = NULL;
  sync_controls (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODE]);
}

TallyMapColourBy
tally_map_view_get_colour_by (TallyMapView *self)
{
  g_return_val_if_fail (TALLY_IS_MAP_VIEW (self), TALLY_MAP_COLOUR_CONTROL);

  return self->colour_by;
}

void
tally_map_view_set_colour_by (TallyMapView     *self,
                              TallyMapColourBy  colour_by)
{
  g_return_if_fail (TALLY_IS_MAP_VIEW (self));
  g_return_if_fail (colour_by < TALLY_N_MAP_COLOURINGS);

  if (self->colour_by == colour_by)
    return;

  self->colour_by = colour_by;
  sync_controls (self);
  invalidate_data (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COLOUR_BY]);
}

/**
 * tally_map_view_get_party:
 *
 * Returns: (transfer none) (nullable): the party of a share colouring, or
 *   the party a swing is towards
 */
TallyParty *
tally_map_view_get_party (TallyMapView *self)
{
  g_return_val_if_fail (TALLY_IS_MAP_VIEW (self), NULL);

  return self->party;
}

void
tally_map_view_set_party (TallyMapView *self,
                          TallyParty   *party)
{
  g_return_if_fail (TALLY_IS_MAP_VIEW (self));
  g_return_if_fail (party == NULL || TALLY_IS_PARTY (party));

  if (!g_set_object (&self->party, party))
    return;

  sync_controls (self);
  if (tally_map_colour_by_needs_party (self->colour_by))
    invalidate_data (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PARTY]);
}

/**
 * tally_map_view_get_swing_from:
 *
 * Returns: (transfer none) (nullable): the party a swing is from
 */
TallyParty *
tally_map_view_get_swing_from (TallyMapView *self)
{
  g_return_val_if_fail (TALLY_IS_MAP_VIEW (self), NULL);

  return self->swing_from;
}

void
tally_map_view_set_swing_from (TallyMapView *self,
                               TallyParty   *party)
{
  g_return_if_fail (TALLY_IS_MAP_VIEW (self));
  g_return_if_fail (party == NULL || TALLY_IS_PARTY (party));

  if (!g_set_object (&self->swing_from, party))
    return;

  sync_controls (self);
  if (self->colour_by == TALLY_MAP_COLOUR_SWING)
    invalidate_data (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SWING_FROM]);
}

gboolean
tally_map_view_get_colour_blind_safe (TallyMapView *self)
{
  g_return_val_if_fail (TALLY_IS_MAP_VIEW (self), FALSE);

  return self->style.colour_blind_safe;
}

void
tally_map_view_set_colour_blind_safe (TallyMapView *self,
                                      gboolean      colour_blind_safe)
{
  g_return_if_fail (TALLY_IS_MAP_VIEW (self));

  colour_blind_safe = !!colour_blind_safe;
  if (self->style.colour_blind_safe == colour_blind_safe)
    return;

  self->style.colour_blind_safe = colour_blind_safe;
  invalidate_data (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COLOUR_BLIND_SAFE]);
}

void
tally_map_view_fit_england (TallyMapView *self)
{
  double bounds[4];

  g_return_if_fail (TALLY_IS_MAP_VIEW (self));

  if (get_bounds (self, FALSE, bounds))
    fit_bounds (self, bounds, 0.06);
}

void
tally_map_view_fit_london (TallyMapView *self)
{
  double bounds[4];

  g_return_if_fail (TALLY_IS_MAP_VIEW (self));

  if (get_bounds (self, TRUE, bounds))
    fit_bounds (self, bounds, 0.12);
}

/**
 * tally_map_view_reload_geography:
 *
 * Reads the boundaries and hex layout again, after an import into the
 * database the map shows.
 */
void
tally_map_view_reload_geography (TallyMapView *self)
{
  g_return_if_fail (TALLY_IS_MAP_VIEW (self));

  start_loading (self);
}

/**
 * tally_map_view_get_loading:
 *
 * Returns: whether the geography is still being read
 */
gboolean
tally_map_view_get_loading (TallyMapView *self)
{
  g_return_val_if_fail (TALLY_IS_MAP_VIEW (self), FALSE);

  return self->loading != NULL;
}

/**
 * tally_map_view_get_hex_layout:
 *
 * Returns: (transfer none) (nullable): the hexes drawn, once loaded
 */
TallyHexLayout *
tally_map_view_get_hex_layout (TallyMapView *self)
{
  g_return_val_if_fail (TALLY_IS_MAP_VIEW (self), NULL);

  return self->hexes;
}

/**
 * tally_map_view_get_boundaries:
 *
 * Returns: (transfer none) (nullable): the boundaries drawn, once loaded
 */
TallyBoundaries *
tally_map_view_get_boundaries (TallyMapView *self)
{
  g_return_val_if_fail (TALLY_IS_MAP_VIEW (self), NULL);

  return self->boundaries;
}

/**
 * tally_map_view_get_data:
 *
 * What the map shows now, for an export to draw with tally_map_draw().
 *
 * Returns: (transfer none) (nullable): the map's data
 */
const TallyMapData *
tally_map_view_get_data (TallyMapView *self)
{
  g_return_val_if_fail (TALLY_IS_MAP_VIEW (self), NULL);

  ensure_data (self);
  return self->data;
}

const TallyChartStyle *
tally_map_view_get_style (TallyMapView *self)
{
  g_return_val_if_fail (TALLY_IS_MAP_VIEW (self), NULL);

  return &self->style;
}

/**
 * tally_map_view_get_transform:
 * @transform: (out): where the map lies in the widget now
 */
void
tally_map_view_get_transform (TallyMapView      *self,
                              TallyMapTransform *transform)
{
  g_return_if_fail (TALLY_IS_MAP_VIEW (self));
  g_return_if_fail (transform != NULL);

  get_transform (self, transform);
}

/**
 * tally_map_view_lookup_council:
 *
 * Returns: (nullable): the code of the council at (@x, @y) in the widget
 */
const char *
tally_map_view_lookup_council (TallyMapView *self,
                               double        x,
                               double        y)
{
  g_return_val_if_fail (TALLY_IS_MAP_VIEW (self), NULL);

  return lookup_code (self, x, y);
}
