/* tally-hex-layout.c: a hex cartogram: one hex per council on an offset grid.
 *
 * Offset coordinates are what HexJSON stores; the maths is easier in
 * "doubled" coordinates, where the shift of alternate rows (or columns) is
 * written out: for pointy layouts the doubled column is 2q plus the row's
 * shift of -1, 0 or +1, and the six neighbours sit at (±2, 0) and (±1, ±1).
 * Distances and neighbours follow from that without any case per layout.
 * Centres are in hex units: a hex's corners are 1 from its centre, x grows
 * east and y north.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "tally-database-private.h"
#include "tally-geo.h"
#include "tally-hex-layout.h"

#define SQRT3 1.7320508075688772

struct _TallyHexLayout
{
  GObject         parent_instance;

  TallyHexOffset  offset;
  char           *source;
  GArray         *hexes;    /* TallyHex */
  GHashTable     *by_code;  /* char* → index + 1 */
  GHashTable     *by_cell;  /* packed (q, r) → index + 1 */
};

G_DEFINE_FINAL_TYPE (TallyHexLayout, tally_hex_layout, G_TYPE_OBJECT)

static const char * const offset_names[] = { "odd-r", "even-r", "odd-q", "even-q" };

const char *
tally_hex_offset_to_string (TallyHexOffset offset)
{
  g_return_val_if_fail (offset <= TALLY_HEX_OFFSET_EVEN_Q, NULL);

  return offset_names[offset];
}

gboolean
tally_hex_offset_from_string (const char     *string,
                              TallyHexOffset *offset)
{
  for (guint i = 0; i < G_N_ELEMENTS (offset_names); i++)
    if (g_strcmp0 (string, offset_names[i]) == 0)
      {
        *offset = i;
        return TRUE;
      }

  return FALSE;
}

gboolean
tally_hex_offset_is_pointy (TallyHexOffset offset)
{
  return offset == TALLY_HEX_OFFSET_ODD_R || offset == TALLY_HEX_OFFSET_EVEN_R;
}

/* -1, 0 or +1: how far (in half hexes) a row or column is pushed. */
static int
shift_of (TallyHexOffset offset,
          int            line)
{
  int odd = line & 1;  /* two's complement: odd for negative lines too */

  return (offset == TALLY_HEX_OFFSET_ODD_R || offset == TALLY_HEX_OFFSET_ODD_Q) ? odd : -odd;
}

/* (column, row) in doubled coordinates: the doubled axis is the shifted one. */
static void
to_doubled (TallyHexOffset offset,
            int            q,
            int            r,
            int           *a,
            int           *b)
{
  if (tally_hex_offset_is_pointy (offset))
    {
      *a = 2 * q + shift_of (offset, r);
      *b = r;
    }
  else
    {
      *a = q;
      *b = 2 * r + shift_of (offset, q);
    }
}

/**
 * tally_hex_offset_get_centre:
 * @x: (out): east, in hex units (corner to centre is 1)
 * @y: (out): north
 */
void
tally_hex_offset_get_centre (TallyHexOffset  offset,
                             int             q,
                             int             r,
                             double         *x,
                             double         *y)
{
  if (tally_hex_offset_is_pointy (offset))
    {
      *x = SQRT3 * (q + 0.5 * shift_of (offset, r));
      *y = 1.5 * r;
    }
  else
    {
      *x = 1.5 * q;
      *y = SQRT3 * (r + 0.5 * shift_of (offset, q));
    }
}

/**
 * tally_hex_offset_distance:
 *
 * Returns: how many steps from hex to neighbouring hex lead from one cell
 *   to the other
 */
int
tally_hex_offset_distance (TallyHexOffset offset,
                           int            q1,
                           int            r1,
                           int            q2,
                           int            r2)
{
  int a1, b1, a2, b2, da, db;

  to_doubled (offset, q1, r1, &a1, &b1);
  to_doubled (offset, q2, r2, &a2, &b2);
  da = ABS (a1 - a2);
  db = ABS (b1 - b2);

  if (tally_hex_offset_is_pointy (offset))
    return db + MAX (0, (da - db) / 2);
  else
    return da + MAX (0, (db - da) / 2);
}

/**
 * tally_hex_offset_get_neighbour:
 * @direction: 0 to 5, anticlockwise from east (pointy) or north-east (flat)
 */
void
tally_hex_offset_get_neighbour (TallyHexOffset  offset,
                                int             q,
                                int             r,
                                guint           direction,
                                int            *neighbour_q,
                                int            *neighbour_r)
{
  /* In doubled coordinates, along the doubled axis first. */
  static const int steps[6][2] = { { 2, 0 }, { 1, 1 }, { -1, 1 }, { -2, 0 }, { -1, -1 }, { 1, -1 } };
  int a, b;

  g_return_if_fail (direction < 6);

  to_doubled (offset, q, r, &a, &b);
  if (tally_hex_offset_is_pointy (offset))
    {
      a += steps[direction][0];
      b += steps[direction][1];
      *neighbour_r = b;
      *neighbour_q = (a - shift_of (offset, b)) / 2;
    }
  else
    {
      /* Flat: the doubled axis is the row. */
      a += steps[direction][1];
      b += steps[direction][0];
      *neighbour_q = a;
      *neighbour_r = (b - shift_of (offset, a)) / 2;
    }
}

static gpointer
cell_key (int q,
          int r)
{
  /* Two 16-bit halves are plenty: HexJSON grids are a few hundred wide. */
  return GUINT_TO_POINTER (((guint) (q & 0xffff) << 16) | (guint) (r & 0xffff));
}

static void
clear_hex (TallyHex *hex)
{
  g_free (hex->code);
  g_free (hex->name);
}

static void
tally_hex_layout_finalize (GObject *object)
{
  TallyHexLayout *self = TALLY_HEX_LAYOUT (object);

  g_clear_pointer (&self->by_code, g_hash_table_unref);
  g_clear_pointer (&self->by_cell, g_hash_table_unref);
  g_clear_pointer (&self->hexes, g_array_unref);
  g_free (self->source);

  G_OBJECT_CLASS (tally_hex_layout_parent_class)->finalize (object);
}

static void
tally_hex_layout_class_init (TallyHexLayoutClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = tally_hex_layout_finalize;
}

static void
tally_hex_layout_init (TallyHexLayout *self)
{
  self->hexes = g_array_new (FALSE, FALSE, sizeof (TallyHex));
  g_array_set_clear_func (self->hexes, (GDestroyNotify) clear_hex);
  self->by_code = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->by_cell = g_hash_table_new (NULL, NULL);
}

TallyHexLayout *
tally_hex_layout_new (TallyHexOffset offset)
{
  TallyHexLayout *self;

  g_return_val_if_fail (offset <= TALLY_HEX_OFFSET_EVEN_Q, NULL);

  self = g_object_new (TALLY_TYPE_HEX_LAYOUT, NULL);
  self->offset = offset;
  return self;
}

TallyHexOffset
tally_hex_layout_get_offset (TallyHexLayout *self)
{
  g_return_val_if_fail (TALLY_IS_HEX_LAYOUT (self), TALLY_HEX_OFFSET_ODD_R);

  return self->offset;
}

/**
 * tally_hex_layout_get_source:
 *
 * Returns: (nullable): where the layout came from: a file's name, or
 *   %NULL when Tally generated it
 */
const char *
tally_hex_layout_get_source (TallyHexLayout *self)
{
  g_return_val_if_fail (TALLY_IS_HEX_LAYOUT (self), NULL);

  return self->source;
}

void
tally_hex_layout_set_source (TallyHexLayout *self,
                             const char     *source)
{
  g_return_if_fail (TALLY_IS_HEX_LAYOUT (self));

  g_free (self->source);
  self->source = g_strdup (source);
}

guint
tally_hex_layout_get_n_hexes (TallyHexLayout *self)
{
  g_return_val_if_fail (TALLY_IS_HEX_LAYOUT (self), 0);

  return self->hexes->len;
}

const TallyHex *
tally_hex_layout_get_hex (TallyHexLayout *self,
                          guint           index)
{
  g_return_val_if_fail (TALLY_IS_HEX_LAYOUT (self), NULL);
  g_return_val_if_fail (index < self->hexes->len, NULL);

  return &g_array_index (self->hexes, TallyHex, index);
}

/**
 * tally_hex_layout_lookup:
 *
 * Returns: the index of @code's hex, or -1
 */
int
tally_hex_layout_lookup (TallyHexLayout *self,
                         const char     *code)
{
  g_return_val_if_fail (TALLY_IS_HEX_LAYOUT (self), -1);

  if (code == NULL)
    return -1;

  return (int) GPOINTER_TO_UINT (g_hash_table_lookup (self->by_code, code)) - 1;
}

/**
 * tally_hex_layout_lookup_cell:
 *
 * Returns: the index of the hex at (@q, @r), or -1 when the cell is free
 */
int
tally_hex_layout_lookup_cell (TallyHexLayout *self,
                              int             q,
                              int             r)
{
  g_return_val_if_fail (TALLY_IS_HEX_LAYOUT (self), -1);

  return (int) GPOINTER_TO_UINT (g_hash_table_lookup (self->by_cell, cell_key (q, r))) - 1;
}

/**
 * tally_hex_layout_add:
 * @name: (nullable): the council's name, kept for export
 *
 * Returns: %FALSE, with @error set, when @code already has a hex or the
 *   cell is taken
 */
gboolean
tally_hex_layout_add (TallyHexLayout  *self,
                      const char      *code,
                      const char      *name,
                      int              q,
                      int              r,
                      GError         **error)
{
  TallyHex hex;
  int taken;

  g_return_val_if_fail (TALLY_IS_HEX_LAYOUT (self), FALSE);
  g_return_val_if_fail (code != NULL, FALSE);

  if (q < -32768 || q > 32767 || r < -32768 || r > 32767)
    {
      g_set_error (error, TALLY_GEO_ERROR, TALLY_GEO_ERROR_FORMAT,
                   _("The hex of %s is too far out (q %d, r %d)"), code, q, r);
      return FALSE;
    }

  if (g_hash_table_contains (self->by_code, code))
    {
      g_set_error (error, TALLY_GEO_ERROR, TALLY_GEO_ERROR_FORMAT,
                   _("%s has more than one hex"), code);
      return FALSE;
    }

  if ((taken = tally_hex_layout_lookup_cell (self, q, r)) >= 0)
    {
      g_set_error (error, TALLY_GEO_ERROR, TALLY_GEO_ERROR_FORMAT,
                   _("%s and %s are both on the hex at q %d, r %d"),
                   g_array_index (self->hexes, TallyHex, taken).code, code, q, r);
      return FALSE;
    }

  hex.code = g_strdup (code);
  hex.name = g_strdup (name);
  hex.q = q;
  hex.r = r;
  g_array_append_val (self->hexes, hex);
  g_hash_table_insert (self->by_code, g_strdup (code), GUINT_TO_POINTER (self->hexes->len));
  g_hash_table_insert (self->by_cell, cell_key (q, r), GUINT_TO_POINTER (self->hexes->len));

  return TRUE;
}

/**
 * tally_hex_layout_get_centre:
 * @x: (out): east, in hex units
 * @y: (out): north
 */
void
tally_hex_layout_get_centre (TallyHexLayout *self,
                             guint           index,
                             double         *x,
                             double         *y)
{
  const TallyHex *hex;

  g_return_if_fail (TALLY_IS_HEX_LAYOUT (self));
  g_return_if_fail (index < self->hexes->len);

  hex = &g_array_index (self->hexes, TallyHex, index);
  tally_hex_offset_get_centre (self->offset, hex->q, hex->r, x, y);
}

/**
 * tally_hex_layout_get_bounds:
 *
 * The box around every hex, corners included, in hex units.
 *
 * Returns: %FALSE when the layout is empty
 */
gboolean
tally_hex_layout_get_bounds (TallyHexLayout *self,
                             double         *min_x,
                             double         *min_y,
                             double         *max_x,
                             double         *max_y)
{
  double x0 = INFINITY, y0 = INFINITY, x1 = -INFINITY, y1 = -INFINITY;
  double half_width, half_height;

  g_return_val_if_fail (TALLY_IS_HEX_LAYOUT (self), FALSE);

  if (self->hexes->len == 0)
    return FALSE;

  for (guint i = 0; i < self->hexes->len; i++)
    {
      double x, y;

      tally_hex_layout_get_centre (self, i, &x, &y);
      x0 = MIN (x0, x);
      y0 = MIN (y0, y);
      x1 = MAX (x1, x);
      y1 = MAX (y1, y);
    }

  half_width = tally_hex_offset_is_pointy (self->offset) ? SQRT3 / 2 : 1;
  half_height = tally_hex_offset_is_pointy (self->offset) ? 1 : SQRT3 / 2;
  if (min_x) *min_x = x0 - half_width;
  if (min_y) *min_y = y0 - half_height;
  if (max_x) *max_x = x1 + half_width;
  if (max_y) *max_y = y1 + half_height;

  return TRUE;
}

/**
 * tally_hex_layout_hit_test:
 * @x: east, in hex units
 * @y: north
 *
 * Returns: the index of the hex under (@x, @y), or -1
 */
int
tally_hex_layout_hit_test (TallyHexLayout *self,
                           double          x,
                           double          y)
{
  int best_q = 0, best_r = 0;
  double best = INFINITY;
  gboolean pointy;
  int around_q, around_r;

  g_return_val_if_fail (TALLY_IS_HEX_LAYOUT (self), -1);

  /* A hex is the set of points nearer its centre than any other's: try
   * the cells around the rounded position. */
  pointy = tally_hex_offset_is_pointy (self->offset);
  around_r = pointy ? (int) lround (y / 1.5) : (int) lround (y / SQRT3);
  around_q = pointy ? (int) lround (x / SQRT3) : (int) lround (x / 1.5);

  for (int r = around_r - 1; r <= around_r + 1; r++)
    for (int q = around_q - 1; q <= around_q + 1; q++)
      {
        double cx, cy, distance;

        tally_hex_offset_get_centre (self->offset, q, r, &cx, &cy);
        distance = (cx - x) * (cx - x) + (cy - y) * (cy - y);
        if (distance < best)
          {
            best = distance;
            best_q = q;
            best_r = r;
          }
      }

  /* Outside the hex's corners there is nothing. */
  if (best > 1.0)
    return -1;

  return tally_hex_layout_lookup_cell (self, best_q, best_r);
}

/**
 * tally_hex_layout_distance:
 *
 * Returns: the distance in hex steps between hexes @a and @b
 */
int
tally_hex_layout_distance (TallyHexLayout *self,
                           guint           a,
                           guint           b)
{
  const TallyHex *hex_a, *hex_b;

  g_return_val_if_fail (TALLY_IS_HEX_LAYOUT (self), 0);
  g_return_val_if_fail (a < self->hexes->len && b < self->hexes->len, 0);

  hex_a = &g_array_index (self->hexes, TallyHex, a);
  hex_b = &g_array_index (self->hexes, TallyHex, b);
  return tally_hex_offset_distance (self->offset, hex_a->q, hex_a->r, hex_b->q, hex_b->r);
}

/**
 * tally_hex_layout_equal:
 *
 * Returns: whether both layouts put the same codes on the same cells, with
 *   the same offset
 */
gboolean
tally_hex_layout_equal (TallyHexLayout *a,
                        TallyHexLayout *b)
{
  g_return_val_if_fail (TALLY_IS_HEX_LAYOUT (a), FALSE);
  g_return_val_if_fail (TALLY_IS_HEX_LAYOUT (b), FALSE);

  if (a->offset != b->offset || a->hexes->len != b->hexes->len)
    return FALSE;

  for (guint i = 0; i < a->hexes->len; i++)
    {
      const TallyHex *hex = &g_array_index (a->hexes, TallyHex, i);
      int other = tally_hex_layout_lookup (b, hex->code);

      if (other < 0 || g_array_index (b->hexes, TallyHex, other).q != hex->q ||
          g_array_index (b->hexes, TallyHex, other).r != hex->r)
        return FALSE;
    }

  return TRUE;
}

/**
 * tally_hex_layout_load:
 *
 * The layout imported into @database, if any.
 *
 * Returns: (transfer full) (nullable): the layout, or %NULL (with @error
 *   unset) when the database has none, so Tally generates one
 */
TallyHexLayout *
tally_hex_layout_load (TallyDatabase  *database,
                       GError        **error)
{
  g_autoptr(TallyHexLayout) self = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  TallyHexOffset offset;
  gint64 layout_id;
  int rc;

  g_return_val_if_fail (TALLY_IS_DATABASE (database), NULL);

  stmt = _tally_database_prepare (database,
                                  "SELECT id, layout, source FROM hex_layouts ORDER BY id DESC LIMIT 1",
                                  error);
  if (stmt == NULL)
    return NULL;

  rc = sqlite3_step (stmt);
  if (rc == SQLITE_DONE)
    return NULL;
  if (rc != SQLITE_ROW)
    {
      _tally_database_set_error (database, error, _("reading the hex layout"));
      return NULL;
    }

  layout_id = sqlite3_column_int64 (stmt, 0);
  if (!tally_hex_offset_from_string ((const char *) sqlite3_column_text (stmt, 1), &offset))
    offset = TALLY_HEX_OFFSET_ODD_R;  /* the schema's CHECK allows no other */
  self = tally_hex_layout_new (offset);
  tally_hex_layout_set_source (self, (const char *) sqlite3_column_text (stmt, 2));
  g_clear_pointer (&stmt, sqlite3_finalize);

  stmt = _tally_database_prepare (database,
                                  "SELECT c.code, c.name, h.q, h.r FROM hexes h JOIN councils c ON c.id = h.council_id "
                                  "WHERE h.layout_id = ? ORDER BY c.code",
                                  error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, layout_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    if (!tally_hex_layout_add (self, (const char *) sqlite3_column_text (stmt, 0),
                               (const char *) sqlite3_column_text (stmt, 1),
                               sqlite3_column_int (stmt, 2), sqlite3_column_int (stmt, 3), error))
      return NULL;

  if (rc != SQLITE_DONE)
    {
      _tally_database_set_error (database, error, _("reading the hex layout"));
      return NULL;
    }

  return g_steal_pointer (&self);
}

/**
 * tally_hex_layout_save:
 * @database: a writable database
 * @unmatched: (out) (optional) (transfer full) (element-type utf8): "CODE
 *   Name" of the hexes that are no council of @database
 *
 * Makes @self the layout of @database, in place of any it had, in one
 * transaction.  Hexes whose code is no council of the database are left
 * out and listed.
 *
 * Returns: %FALSE when not one hex matched a council, or on a database error
 */
gboolean
tally_hex_layout_save (TallyHexLayout  *self,
                       TallyDatabase   *database,
                       GPtrArray      **unmatched,
                       GError         **error)
{
  g_autoptr(GPtrArray) missing = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(sqlite3_stmt) layout = NULL;
  g_autoptr(sqlite3_stmt) hex = NULL;
  const char *source;
  gint64 layout_id;
  guint n_stored = 0;

  g_return_val_if_fail (TALLY_IS_HEX_LAYOUT (self), FALSE);
  g_return_val_if_fail (TALLY_IS_DATABASE (database), FALSE);

  source = self->source ? self->source : "generated";

  if (!_tally_database_begin (database, error))
    return FALSE;

  if (!_tally_database_exec (database, "DELETE FROM hexes; DELETE FROM hex_layouts;", error) ||
      !(layout = _tally_database_prepare (database,
                                          "INSERT INTO hex_layouts (name, layout, source) VALUES (?, ?, ?)",
                                          error)))
    goto failed;

  sqlite3_bind_text (layout, 1, source, -1, SQLITE_STATIC);
  sqlite3_bind_text (layout, 2, tally_hex_offset_to_string (self->offset), -1, SQLITE_STATIC);
  sqlite3_bind_text (layout, 3, source, -1, SQLITE_STATIC);
  if (sqlite3_step (layout) != SQLITE_DONE)
    {
      _tally_database_set_error (database, error, _("storing the hex layout"));
      goto failed;
    }
  layout_id = sqlite3_last_insert_rowid (_tally_database_get_handle (database));

  hex = _tally_database_prepare (database,
                                 "INSERT INTO hexes (layout_id, council_id, q, r) "
                                 "SELECT ?, id, ?, ? FROM councils WHERE code = ?",
                                 error);
  if (hex == NULL)
    goto failed;

  for (guint i = 0; i < self->hexes->len; i++)
    {
      const TallyHex *entry = &g_array_index (self->hexes, TallyHex, i);

      sqlite3_reset (hex);
      sqlite3_bind_int64 (hex, 1, layout_id);
      sqlite3_bind_int (hex, 2, entry->q);
      sqlite3_bind_int (hex, 3, entry->r);
      sqlite3_bind_text (hex, 4, entry->code, -1, SQLITE_STATIC);
      if (sqlite3_step (hex) != SQLITE_DONE)
        {
          _tally_database_set_error (database, error, _("storing the hex layout"));
          goto failed;
        }

      if (sqlite3_changes (_tally_database_get_handle (database)) == 0)
        g_ptr_array_add (missing, entry->name ? g_strdup_printf ("%s %s", entry->code, entry->name)
                                              : g_strdup (entry->code));
      else
        n_stored++;
    }

  if (n_stored == 0)
    {
      g_set_error (error, TALLY_GEO_ERROR, TALLY_GEO_ERROR_NO_MATCH,
                   _("None of the %u hexes of “%s” is a council this database knows"),
                   self->hexes->len, source);
      goto failed;
    }

  g_clear_pointer (&layout, sqlite3_finalize);
  g_clear_pointer (&hex, sqlite3_finalize);
  if (!_tally_database_commit (database, error))
    goto failed;

  if (unmatched != NULL)
    *unmatched = g_steal_pointer (&missing);

  return TRUE;

failed:
  g_clear_pointer (&layout, sqlite3_finalize);
  g_clear_pointer (&hex, sqlite3_finalize);
  _tally_database_rollback (database);
  return FALSE;
}

/**
 * tally_hex_layout_forget:
 *
 * Removes the imported layout from @database: Tally generates one again.
 */
gboolean
tally_hex_layout_forget (TallyDatabase  *database,
                         GError        **error)
{
  g_return_val_if_fail (TALLY_IS_DATABASE (database), FALSE);

  return _tally_database_exec (database, "DELETE FROM hexes; DELETE FROM hex_layouts;", error);
}

/**
 * tally_hex_layout_is_generated:
 *
 * Returns: whether Tally made @self from council centroids (stored in the
 *   bundled database so that no start makes it again), not imported it
 */
gboolean
tally_hex_layout_is_generated (TallyHexLayout *self)
{
  g_return_val_if_fail (TALLY_IS_HEX_LAYOUT (self), FALSE);

  return g_strcmp0 (tally_hex_layout_get_source (self), TALLY_HEX_LAYOUT_SOURCE_GENERATED) == 0;
}
