/* tally-map-view-geography.c: what the map view draws on: the hex layout
 * and the council boundaries, and the bounds of all England or London in
 * them.
 *
 * The geography loads on a worker thread, from its own connection to the
 * database: the imported hex layout or boundaries, else a hex layout
 * generated from the council centroids.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>

#include "tally-catalog.h"
#include "tally-council.h"
#include "tally-database.h"
#include "tally-hexgen.h"
#include "tally-map-view-private.h"

/* Geography */

gboolean
_tally_map_view_has_geometry (TallyMapView *self,
                              TallyMapMode  mode)
{
  if (mode == TALLY_MAP_MODE_HEXES)
    return self->hexes != NULL && tally_hex_layout_get_n_hexes (self->hexes) > 0;

  return self->boundaries != NULL && tally_boundaries_get_n_items (self->boundaries) > 0;
}

gboolean
_tally_map_view_get_bounds (TallyMapView *self,
                            gboolean      london,
                            double       *bounds)
{
  gboolean found = FALSE;

  bounds[0] = bounds[1] = INFINITY;
  bounds[2] = bounds[3] = -INFINITY;

  if (!_tally_map_view_has_geometry (self, self->mode))
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
  _tally_map_view_clear_cache (self);
  _tally_map_view_sync_controls (self);
  g_object_notify_by_pspec (G_OBJECT (self), _tally_map_view_properties[PROP_LOADING]);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
_tally_map_view_start_loading (TallyMapView *self)
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
  _tally_map_view_clear_cache (self);

  if (self->catalog == NULL)
    {
      _tally_map_view_sync_controls (self);
      return;
    }

  self->loading = g_cancellable_new ();
  input = g_new0 (LoadInput, 1);
  input->path = g_strdup (tally_database_get_path (tally_catalog_get_database (self->catalog)));
  input->councils = g_object_ref (tally_catalog_get_councils (self->catalog));

  task = g_task_new (self, self->loading, load_done_cb, NULL);
  g_task_set_source_tag (task, _tally_map_view_start_loading);
  g_task_set_task_data (task, input, (GDestroyNotify) load_input_free);
  g_task_run_in_thread (task, load_thread);

  _tally_map_view_sync_controls (self);
  g_object_notify_by_pspec (G_OBJECT (self), _tally_map_view_properties[PROP_LOADING]);
}
