/* tally-hex-layout.h: a hex cartogram: one hex per council on an offset grid.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "tally-types.h"

G_BEGIN_DECLS

/* The source of a layout Tally generated itself rather than imported. */
#define TALLY_HEX_LAYOUT_SOURCE_GENERATED "generated"

/* The four offset layouts of HexJSON.  As Open Innovations draw them, r
 * grows northwards (up the page) and q eastwards:
 * - odd-r, even-r: pointy-topped hexes in rows; odd-r pushes odd rows half
 *   a hex east, even-r pushes them half a hex west;
 * - odd-q, even-q: flat-topped hexes in columns; odd-q pushes odd columns
 *   half a hex north, even-q half a hex south. */
typedef enum
{
  TALLY_HEX_OFFSET_ODD_R,
  TALLY_HEX_OFFSET_EVEN_R,
  TALLY_HEX_OFFSET_ODD_Q,
  TALLY_HEX_OFFSET_EVEN_Q,
} TallyHexOffset;

typedef struct
{
  char *code;
  char *name;   /* nullable */
  int   q;
  int   r;
} TallyHex;

const char *tally_hex_offset_to_string   (TallyHexOffset  offset);
gboolean    tally_hex_offset_from_string (const char     *string,
                                          TallyHexOffset *offset);
gboolean    tally_hex_offset_is_pointy   (TallyHexOffset  offset);
void        tally_hex_offset_get_centre  (TallyHexOffset  offset,
                                          int             q,
                                          int             r,
                                          double         *x,
                                          double         *y);
int         tally_hex_offset_distance    (TallyHexOffset  offset,
                                          int             q1,
                                          int             r1,
                                          int             q2,
                                          int             r2);
void        tally_hex_offset_get_neighbour (TallyHexOffset offset,
                                          int             q,
                                          int             r,
                                          guint           direction,
                                          int            *neighbour_q,
                                          int            *neighbour_r);

#define TALLY_TYPE_HEX_LAYOUT (tally_hex_layout_get_type ())

G_DECLARE_FINAL_TYPE (TallyHexLayout, tally_hex_layout, TALLY, HEX_LAYOUT, GObject)

TallyHexLayout *tally_hex_layout_new          (TallyHexOffset    offset);
TallyHexOffset  tally_hex_layout_get_offset   (TallyHexLayout   *self);
const char     *tally_hex_layout_get_source   (TallyHexLayout   *self);
gboolean        tally_hex_layout_is_generated (TallyHexLayout   *self);
void            tally_hex_layout_set_source   (TallyHexLayout   *self,
                                               const char       *source);
guint           tally_hex_layout_get_n_hexes  (TallyHexLayout   *self);
const TallyHex *tally_hex_layout_get_hex      (TallyHexLayout   *self,
                                               guint             index);
int             tally_hex_layout_lookup       (TallyHexLayout   *self,
                                               const char       *code);
int             tally_hex_layout_lookup_cell  (TallyHexLayout   *self,
                                               int               q,
                                               int               r);
gboolean        tally_hex_layout_add          (TallyHexLayout   *self,
                                               const char       *code,
                                               const char       *name,
                                               int               q,
                                               int               r,
                                               GError          **error);
void            tally_hex_layout_get_centre   (TallyHexLayout   *self,
                                               guint             index,
                                               double           *x,
                                               double           *y);
gboolean        tally_hex_layout_get_bounds   (TallyHexLayout   *self,
                                               double           *min_x,
                                               double           *min_y,
                                               double           *max_x,
                                               double           *max_y);
int             tally_hex_layout_hit_test     (TallyHexLayout   *self,
                                               double            x,
                                               double            y);
int             tally_hex_layout_distance     (TallyHexLayout   *self,
                                               guint             a,
                                               guint             b);
gboolean        tally_hex_layout_equal        (TallyHexLayout   *a,
                                               TallyHexLayout   *b);

TallyHexLayout *tally_hex_layout_load         (TallyDatabase    *database,
                                               GError          **error);
gboolean        tally_hex_layout_save         (TallyHexLayout   *self,
                                               TallyDatabase    *database,
                                               GPtrArray       **unmatched,
                                               GError          **error);
gboolean        tally_hex_layout_forget       (TallyDatabase    *database,
                                               GError          **error);

G_END_DECLS
