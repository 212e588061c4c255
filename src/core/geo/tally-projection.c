/* tally-projection.c: WGS84 longitude/latitude to British National Grid.
 *
 * PROJ picks the transformation from its database: with the Ordnance
 * Survey's OSTN15 grid installed it uses that (centimetres); without it, the
 * published seven-parameter Helmert transformation (a few metres), which is
 * far below what a council map can show.  Each projection has its own PROJ
 * context, so imports on worker threads do not share state.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <proj.h>

#include "tally-geo-private.h"

struct _TallyProjection
{
  PJ_CONTEXT *context;
  PJ         *transform;
};

void
_tally_projection_free (TallyProjection *projection)
{
  if (projection == NULL)
    return;

  g_clear_pointer (&projection->transform, proj_destroy);
  g_clear_pointer (&projection->context, proj_context_destroy);
  g_free (projection);
}

TallyProjection *
_tally_projection_new (GError **error)
{
  g_autoptr(TallyProjection) projection = g_new0 (TallyProjection, 1);
  PJ *transform;

  projection->context = proj_context_create ();
  proj_log_level (projection->context, PJ_LOG_NONE);

  transform = proj_create_crs_to_crs (projection->context, "EPSG:4326", "EPSG:27700", NULL);
  if (transform == NULL)
    {
      int code = proj_context_errno (projection->context);

      g_set_error (error, TALLY_GEO_ERROR, TALLY_GEO_ERROR_PROJECTION,
                   _("Cannot project from WGS84 to British National Grid: %s (is proj-data installed?)"),
                   proj_context_errno_string (projection->context, code));
      return NULL;
    }

  /* EPSG:4326 is latitude first; files are longitude first. */
  projection->transform = proj_normalize_for_visualization (projection->context, transform);
  proj_destroy (transform);
  if (projection->transform == NULL)
    {
      g_set_error (error, TALLY_GEO_ERROR, TALLY_GEO_ERROR_PROJECTION,
                   _("Cannot project from WGS84 to British National Grid"));
      return NULL;
    }

  return g_steal_pointer (&projection);
}

/**
 * _tally_projection_apply:
 * @points: (inout): longitude, latitude pairs, replaced by easting, northing
 */
gboolean
_tally_projection_apply (TallyProjection  *projection,
                         double           *points,
                         gsize             n_points,
                         GError          **error)
{
  if (n_points == 0)
    return TRUE;

  proj_trans_generic (projection->transform, PJ_FWD,
                      points, 2 * sizeof (double), n_points,
                      points + 1, 2 * sizeof (double), n_points,
                      NULL, 0, 0, NULL, 0, 0);

  for (gsize i = 0; i < n_points; i++)
    if (!isfinite (points[2 * i]) || !isfinite (points[2 * i + 1]))
      {
        g_set_error (error, TALLY_GEO_ERROR, TALLY_GEO_ERROR_PROJECTION,
                     _("A point could not be projected to British National Grid (point %" G_GSIZE_FORMAT ")"),
                     i + 1);
        return FALSE;
      }

  return TRUE;
}

/**
 * tally_geo_project_wgs84:
 * @points: (inout): longitude, latitude pairs in degrees, replaced by
 *   British National Grid easting, northing pairs in metres
 */
gboolean
tally_geo_project_wgs84 (double  *points,
                         gsize    n_points,
                         GError **error)
{
  g_autoptr(TallyProjection) projection = NULL;

  g_return_val_if_fail (points != NULL || n_points == 0, FALSE);

  if (!(projection = _tally_projection_new (error)))
    return FALSE;

  return _tally_projection_apply (projection, points, n_points, error);
}
