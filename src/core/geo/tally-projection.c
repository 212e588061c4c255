/* tally-projection.c: WGS84 longitude/latitude to British National Grid.
 *
 * PROJ picks the transformation from its database: with the Ordnance
 * Survey's OSTN15 grid installed it uses that (centimetres); without it, the
 * published seven-parameter Helmert transformation (a few metres), which is
 * far below what a council map can show.  Each projection has its own PROJ
 * context, so imports on worker threads do not share state.
 *
 * PROJ is loaded (GModule) the first time a projection is made: it brings
 * libtiff, libcurl and libstdc++, a third of the libraries a start would
 * otherwise map and relocate, and only a boundary import needs it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <gmodule.h>
#include <math.h>
#include <proj.h>

#include "tally-geo-private.h"

/* The few PROJ functions Tally calls, found in the library once. */
static struct
{
  PJ_CONTEXT *(*context_create) (void);
  PJ_CONTEXT *(*context_destroy) (PJ_CONTEXT *ctx);
  PJ_LOG_LEVEL (*log_level) (PJ_CONTEXT *ctx, PJ_LOG_LEVEL level);
  PJ         *(*create_crs_to_crs) (PJ_CONTEXT *ctx, const char *source_crs, const char *target_crs, PJ_AREA *area);
  int         (*context_errno) (PJ_CONTEXT *ctx);
  const char *(*context_errno_string) (PJ_CONTEXT *ctx, int err);
  PJ         *(*normalize_for_visualization) (PJ_CONTEXT *ctx, const PJ *obj);
  PJ         *(*destroy) (PJ *P);
  size_t      (*trans_generic) (PJ *P, PJ_DIRECTION direction,
                                double *x, size_t sx, size_t nx, double *y, size_t sy, size_t ny,
                                double *z, size_t sz, size_t nz, double *t, size_t st, size_t nt);
  char       *failure;   /* why PROJ could not be loaded, or NULL */
} proj;

static gpointer
load_proj (gpointer unused)
{
  static const char * const names[] = {
    "proj_context_create", "proj_context_destroy", "proj_log_level", "proj_create_crs_to_crs",
    "proj_context_errno", "proj_context_errno_string", "proj_normalize_for_visualization",
    "proj_destroy", "proj_trans_generic",
  };
  gpointer *slots[] = {
    (gpointer *) &proj.context_create, (gpointer *) &proj.context_destroy, (gpointer *) &proj.log_level,
    (gpointer *) &proj.create_crs_to_crs, (gpointer *) &proj.context_errno,
    (gpointer *) &proj.context_errno_string, (gpointer *) &proj.normalize_for_visualization,
    (gpointer *) &proj.destroy, (gpointer *) &proj.trans_generic,
  };
  GModule *module = g_module_open (TALLY_PROJ_SONAME, G_MODULE_BIND_LAZY | G_MODULE_BIND_LOCAL);

  G_STATIC_ASSERT (G_N_ELEMENTS (names) == G_N_ELEMENTS (slots));

  if (module == NULL)
    {
      proj.failure = g_strdup (g_module_error ());
      return NULL;
    }

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    if (!g_module_symbol (module, names[i], slots[i]) || *slots[i] == NULL)
      {
        proj.failure = g_strdup_printf ("%s: %s", TALLY_PROJ_SONAME, g_module_error ());
        g_module_close (module);
        return NULL;
      }

  /* Kept for the life of the process: its functions are in use. */
  g_module_make_resident (module);
  return NULL;
}

static gboolean
ensure_proj (GError **error)
{
  static GOnce once = G_ONCE_INIT;

  g_once (&once, load_proj, NULL);
  if (proj.failure == NULL)
    return TRUE;

  g_set_error (error, TALLY_GEO_ERROR, TALLY_GEO_ERROR_PROJECTION,
               _("Cannot project from WGS84 to British National Grid: %s (is libproj installed?)"), proj.failure);
  return FALSE;
}

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

  g_clear_pointer (&projection->transform, proj.destroy);
  g_clear_pointer (&projection->context, proj.context_destroy);
  g_free (projection);
}

TallyProjection *
_tally_projection_new (GError **error)
{
  g_autoptr(TallyProjection) projection = NULL;
  PJ *transform;

  if (!ensure_proj (error))
    return NULL;

  projection = g_new0 (TallyProjection, 1);
  projection->context = proj.context_create ();
  proj.log_level (projection->context, PJ_LOG_NONE);

  transform = proj.create_crs_to_crs (projection->context, "EPSG:4326", "EPSG:27700", NULL);
  if (transform == NULL)
    {
      int code = proj.context_errno (projection->context);

      g_set_error (error, TALLY_GEO_ERROR, TALLY_GEO_ERROR_PROJECTION,
                   _("Cannot project from WGS84 to British National Grid: %s (is proj-data installed?)"),
                   proj.context_errno_string (projection->context, code));
      return NULL;
    }

  /* EPSG:4326 is latitude first; files are longitude first. */
  projection->transform = proj.normalize_for_visualization (projection->context, transform);
  proj.destroy (transform);
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

  proj.trans_generic (projection->transform, PJ_FWD,
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
