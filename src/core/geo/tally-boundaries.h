/* tally-boundaries.h: the council boundaries of a database, ready to draw
 * and to hit-test.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "tally-geo.h"
#include "tally-types.h"

G_BEGIN_DECLS

/* Level 0 is the geometry as imported; level k > 0 is simplified to a
 * tolerance of 5 × 2^(k-1) metres (5 m, 10 m, … 82 km). */
#define TALLY_BOUNDARIES_N_LEVELS 16

#define TALLY_TYPE_BOUNDARIES (tally_boundaries_get_type ())

G_DECLARE_FINAL_TYPE (TallyBoundaries, tally_boundaries, TALLY, BOUNDARIES, GObject)

TallyBoundaries *tally_boundaries_new                (void);
TallyBoundaries *tally_boundaries_new_from_file      (TallyGeoFile     *file);
TallyBoundaries *tally_boundaries_load               (TallyDatabase    *database,
                                                      GError          **error);
void             tally_boundaries_add                (TallyBoundaries  *self,
                                                      const char       *code,
                                                      const char       *name,
                                                      TallyGeometry    *geometry);

guint            tally_boundaries_get_n_items        (TallyBoundaries  *self);
const char      *tally_boundaries_get_code           (TallyBoundaries  *self,
                                                      guint             index);
const char      *tally_boundaries_get_name           (TallyBoundaries  *self,
                                                      guint             index);
TallyGeometry   *tally_boundaries_get_geometry       (TallyBoundaries  *self,
                                                      guint             index);
int              tally_boundaries_lookup             (TallyBoundaries  *self,
                                                      const char       *code);
int              tally_boundaries_hit_test           (TallyBoundaries  *self,
                                                      double            x,
                                                      double            y);
gboolean         tally_boundaries_get_bounds         (TallyBoundaries  *self,
                                                      double           *min_x,
                                                      double           *min_y,
                                                      double           *max_x,
                                                      double           *max_y);

double           tally_boundaries_level_get_tolerance (guint            level);
guint            tally_boundaries_level_for_scale    (double            pixels_per_metre);
void             tally_boundaries_prepare_level      (TallyBoundaries  *self,
                                                      guint             level);
TallyGeometry   *tally_boundaries_get_simplified     (TallyBoundaries  *self,
                                                      guint             index,
                                                      guint             level);
guint            tally_boundaries_get_n_borders      (TallyBoundaries  *self,
                                                      guint             level);
const double    *tally_boundaries_get_border         (TallyBoundaries  *self,
                                                      guint             level,
                                                      guint             border,
                                                      guint            *n_points,
                                                      gboolean         *shared);
void             tally_boundaries_get_border_bounds  (TallyBoundaries  *self,
                                                      guint             level,
                                                      guint             border,
                                                      double           *bounds);
void             tally_boundaries_get_item_bounds    (TallyBoundaries  *self,
                                                      guint             index,
                                                      double           *bounds);

/* What an import did. */
typedef struct
{
  char           *path;
  TallyGeoFormat  format;
  TallyGeoCrs     crs;
  char           *object_name;    /* TopoJSON object, or NULL */
  char           *code_property;
  guint           n_features;
  guint           n_stored;       /* councils given a boundary */
  GPtrArray      *unmatched;      /* char*: "CODE Name" of features that are no council here */
  GPtrArray      *missing;        /* char*: "CODE Name" of councils the file has no boundary for */
} TallyBoundaryImport;

TallyBoundaryImport *tally_boundaries_import_file    (TallyDatabase    *database,
                                                      const char       *path,
                                                      GCancellable     *cancellable,
                                                      GError          **error);
void                 tally_boundary_import_free      (TallyBoundaryImport *report);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TallyBoundaryImport, tally_boundary_import_free)

G_END_DECLS
