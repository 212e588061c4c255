/* tally-geo-private.h: what core's geography files share among themselves.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "tally-geo.h"

G_BEGIN_DECLS

/* Only for a geometry nobody else holds yet: the reader projects its
 * points in place, then recomputes the bounds. */
double  *_tally_geometry_get_points_for_update (TallyGeometry *self,
                                                guint         *n_points);
void     _tally_geometry_update_bounds         (TallyGeometry *self);
TallyGeometry *_tally_geometry_merge           (TallyGeometry *first,
                                                TallyGeometry *second);

/* WGS84 longitude/latitude to British National Grid, through PROJ. */
typedef struct _TallyProjection TallyProjection;

TallyProjection *_tally_projection_new   (GError          **error);
gboolean         _tally_projection_apply (TallyProjection  *projection,
                                          double           *points,
                                          gsize             n_points,
                                          GError          **error);
void             _tally_projection_free  (TallyProjection  *projection);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TallyProjection, _tally_projection_free)

/* How deep a JSON file may nest arrays and objects (docs/LIMITS.md);
 * checked before json-glib, which recurses without a limit. */
#define TALLY_JSON_MAX_DEPTH 64

gboolean _tally_json_check_depth (const char  *data,
                                  gssize       length,
                                  const char  *display_name,
                                  GError     **error);

/* A GSS code as the ONS writes them: a letter and eight digits, E06000001. */
gboolean _tally_geo_is_gss_code (const char *string);

G_END_DECLS
