/* tally-map-view-render.c: the texture of the councils the map view's
 * frames place, and the worker thread that paints it.
 *
 * Like libshumate's map, the view keeps what it painted: the councils and
 * their borders are drawn once into a texture a little larger than the
 * widget, and a frame only places that texture, so a pan is a translation
 * and a pinch or scroll zoom a scaling of it.  The councils are painted
 * again, at full sharpness and the right level of detail, when the view
 * has moved beyond the texture, when a zoom has gone past half or double,
 * or once a zoom gesture has settled.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>

#include "tally-map-view-private.h"

/* Texture beyond the widget on each side, in pixels: pans within it cost
 * nothing. */
#define CACHE_MARGIN 256

/* A zoom gesture has settled when nothing has moved for this long. */
#define SETTLE_MS 160

/* The cache */

void
_tally_map_view_clear_cache (TallyMapView *self)
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

void
_tally_map_view_settle_later (TallyMapView *self)
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
void
_tally_map_view_snapshot_areas (TallyMapView      *self,
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
