/* tally-hexgen.c: a hex cartogram generated from council centroids.
 *
 * One hex per council, on a pointy-topped odd-r grid (the layout of Open
 * Innovations' maps), from nothing but each council's centroid, so any set
 * of councils gets a map without a hand-made layout.  The steps:
 *
 * 1. Order.  Sites are sorted by code, so the result does not depend on
 *    the order they came in; with no randomness and a fixed order of
 *    floating-point operations, two runs give the same layout.
 * 2. Scale.  Each site's local spacing is the mean distance to its three
 *    nearest sites; the centroids are scaled so that the root mean square
 *    spacing is one hex.  The map then covers about as many hexes as there
 *    are councils: sparse shires keep their shape and dense places (London,
 *    the metropolitan boroughs) must grow.
 * 3. Spread.  A few hundred rounds of relaxation: sites closer than one hex
 *    push each other apart, half the overlap each, while a weak spring pulls
 *    every site towards its scaled centroid.  London swells into a blob of
 *    33 hexes and pushes the Home Counties outwards, keeping its shape and
 *    its neighbours' order around it.
 * 4. Snap.  Each site goes to a cell near its relaxed position, with no two
 *    on one cell, by an optimal assignment (the Hungarian method) that
 *    minimises the sum of squared distances from positions to cell centres.
 * 5. Improve.  Passes over the sites, in code order, that move a site to a
 *    free neighbouring cell or swap it with a neighbouring site whenever
 *    that lowers: the sum over each site's six nearest geographic
 *    neighbours of (hex distance − 1)², plus a small pull towards the
 *    relaxed position so the outline keeps England's shape.
 *
 * The measure of success, tally_hexgen_neighbour_score(), is the share of
 * (site, one of its k nearest geographic neighbours) pairs that end up at
 * most d hexes apart.  For England's 326 councils, k = 6 and d = 2, the
 * tests hold it at or above a threshold stated in tests/test-hexgen.c,
 * alongside the hand-made Open Innovations map's own score.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "tally-council.h"
#include "tally-geo.h"
#include "tally-hexgen.h"

#define SQRT3 1.7320508075688772

/* Hex units: corner to centre is 1, so neighbouring centres are √3 apart. */
#define SPACING SQRT3

#define RELAX_ROUNDS       600
#define RELAX_SPRING       0.02
#define RELAX_ATTRACTION   0.2
#define RELAX_MAX_STEP     (0.25 * SPACING)
#define IMPROVE_PASSES     40
#define IMPROVE_PULL       0.06
#define IMPROVE_COMPACTNESS 5   /* per pair of touching hexes */   /* weight of the squared distance, in spacings, to the relaxed position */
#define HOLE_ROUNDS        50
#define CANDIDATE_RADIUS   2      /* cells around each site's nearest cell that the assignment may use */

typedef struct
{
  guint                   n_sites;
  const TallyHexgenSite **sites;      /* by code */
  double                 *origin;     /* scaled centroids, x, y */
  double                 *position;   /* relaxed positions */
  guint                  *nearest;    /* n_sites × TALLY_HEXGEN_NEIGHBOURS, by distance */
  GPtrArray              *adjacency;  /* GArray of guint per site: geographic neighbours both ways */
  int                    *q;
  int                    *r;
  GHashTable             *occupied;   /* packed cell → site + 1 */
} Generator;

static int
compare_sites (gconstpointer a,
               gconstpointer b)
{
  const TallyHexgenSite *site_a = *(const TallyHexgenSite * const *) a;
  const TallyHexgenSite *site_b = *(const TallyHexgenSite * const *) b;

  return strcmp (site_a->code, site_b->code);
}

static gpointer
cell_key (int q,
          int r)
{
  return GUINT_TO_POINTER (((guint) (q & 0xffff) << 16) | (guint) (r & 0xffff));
}

static double
site_distance_squared (const TallyHexgenSite *a,
                       const TallyHexgenSite *b)
{
  return (a->x - b->x) * (a->x - b->x) + (a->y - b->y) * (a->y - b->y);
}

/* The k nearest sites of each site, nearest first; ties by code. */
static guint *
nearest_sites (const TallyHexgenSite **sites,
               guint                   n_sites,
               guint                   k,
               double                 *mean_spacing)
{
  guint *nearest = g_new (guint, (gsize) n_sites * k);
  g_autofree double *best = g_new (double, k);

  for (guint i = 0; i < n_sites; i++)
    {
      guint *row = nearest + (gsize) i * k;
      guint found = 0;

      for (guint j = 0; j < n_sites; j++)
        {
          double distance;
          guint slot;

          if (j == i)
            continue;

          distance = site_distance_squared (sites[i], sites[j]);
          if (found == k && distance >= best[k - 1])
            continue;

          slot = found < k ? found++ : k - 1;
          while (slot > 0 && best[slot - 1] > distance)
            {
              best[slot] = best[slot - 1];
              row[slot] = row[slot - 1];
              slot--;
            }
          best[slot] = distance;
          row[slot] = j;
        }

      for (guint j = found; j < k; j++)
        row[j] = G_MAXUINT;

      if (mean_spacing != NULL)
        {
          guint used = MIN (found, 3);
          double sum = 0;

          for (guint j = 0; j < used; j++)
            sum += sqrt (best[j]);
          mean_spacing[i] = used > 0 ? sum / used : 0;
        }
    }

  return nearest;
}

static void
scale_sites (Generator *gen,
             double    *spacing)
{
  double sum_x = 0, sum_y = 0, sum_squares = 0, scale;

  for (guint i = 0; i < gen->n_sites; i++)
    {
      sum_x += gen->sites[i]->x;
      sum_y += gen->sites[i]->y;
      sum_squares += spacing[i] * spacing[i];
    }

  scale = sum_squares > 0 ? SPACING / sqrt (sum_squares / gen->n_sites) : 1;
  for (guint i = 0; i < gen->n_sites; i++)
    {
      gen->origin[2 * i] = (gen->sites[i]->x - sum_x / gen->n_sites) * scale;
      gen->origin[2 * i + 1] = (gen->sites[i]->y - sum_y / gen->n_sites) * scale;
    }
  memcpy (gen->position, gen->origin, 2 * gen->n_sites * sizeof (double));
}

static void
relax (Generator *gen)
{
  guint n = gen->n_sites;
  g_autofree double *step = g_new (double, 2 * n);

  for (guint round = 0; round < RELAX_ROUNDS; round++)
    {
      memset (step, 0, 2 * n * sizeof (double));

      for (guint i = 0; i < n; i++)
        for (guint j = i + 1; j < n; j++)
          {
            double dx = gen->position[2 * j] - gen->position[2 * i];
            double dy = gen->position[2 * j + 1] - gen->position[2 * i + 1];
            double distance_squared = dx * dx + dy * dy, distance, push;

            if (distance_squared >= SPACING * SPACING)
              continue;

            distance = sqrt (distance_squared);
            if (distance < 1e-9)
              {
                /* Two sites on one spot: part them along a direction fixed by their indices. */
                double angle = (i * 7 + j * 13) % 360 * G_PI / 180;

                dx = cos (angle);
                dy = sin (angle);
                distance = 1;
              }

            push = (SPACING - sqrt (distance_squared)) / 2;
            step[2 * i] -= push * dx / distance;
            step[2 * i + 1] -= push * dy / distance;
            step[2 * j] += push * dx / distance;
            step[2 * j + 1] += push * dy / distance;
          }

      /* Geographic neighbours further apart than one hex draw together,
       * which closes the gaps sparse places would leave. */
      for (guint i = 0; i < n; i++)
        {
          GArray *neighbours = g_ptr_array_index (gen->adjacency, i);

          for (guint k = 0; k < neighbours->len; k++)
            {
              guint j = g_array_index (neighbours, guint, k);
              double dx = gen->position[2 * j] - gen->position[2 * i];
              double dy = gen->position[2 * j + 1] - gen->position[2 * i + 1];
              double distance = sqrt (dx * dx + dy * dy), pull;

              if (j < i || distance <= SPACING)
                continue;

              pull = RELAX_ATTRACTION * (distance - SPACING) / 2;
              step[2 * i] += pull * dx / distance;
              step[2 * i + 1] += pull * dy / distance;
              step[2 * j] -= pull * dx / distance;
              step[2 * j + 1] -= pull * dy / distance;
            }
        }

      for (guint i = 0; i < n; i++)
        {
          double sx = step[2 * i] * 0.5, sy = step[2 * i + 1] * 0.5;
          double length = sqrt (sx * sx + sy * sy);

          if (length > RELAX_MAX_STEP)
            {
              sx *= RELAX_MAX_STEP / length;
              sy *= RELAX_MAX_STEP / length;
            }

          gen->position[2 * i] += sx + RELAX_SPRING * (gen->origin[2 * i] - gen->position[2 * i]);
          gen->position[2 * i + 1] += sy + RELAX_SPRING * (gen->origin[2 * i + 1] - gen->position[2 * i + 1]);
        }
    }
}

/* The odd-r cell whose centre is nearest (x, y). */
static void
nearest_cell (double  x,
              double  y,
              int    *cell_q,
              int    *cell_r)
{
  int around_r = (int) lround (y / 1.5), around_q = (int) lround (x / SQRT3);
  double best = INFINITY;

  *cell_q = around_q;
  *cell_r = around_r;

  for (int r = around_r - 1; r <= around_r + 1; r++)
    for (int q = around_q - 1; q <= around_q + 1; q++)
      {
        double cx, cy, distance;

        tally_hex_offset_get_centre (TALLY_HEX_OFFSET_ODD_R, q, r, &cx, &cy);
        distance = (cx - x) * (cx - x) + (cy - y) * (cy - y);
        if (distance < best)
          {
            best = distance;
            *cell_q = q;
            *cell_r = r;
          }
      }
}

/* Minimum-cost assignment of n rows to m ≥ n columns (the Hungarian
 * method with potentials, O(n² m)).  Returns the column of each row. */
static guint *
assign (const double *cost,
        guint         n,
        guint         m)
{
  g_autofree double *u = g_new0 (double, n + 1);
  g_autofree double *v = g_new0 (double, m + 1);
  g_autofree double *min_value = g_new (double, m + 1);
  g_autofree guint *row_of = g_new0 (guint, m + 1);   /* 1-based row on each column, 0 when free */
  g_autofree guint *way = g_new0 (guint, m + 1);
  g_autofree gboolean *used = g_new (gboolean, m + 1);
  guint *column_of = g_new (guint, n);

  for (guint i = 1; i <= n; i++)
    {
      guint j0 = 0;

      row_of[0] = i;
      for (guint j = 0; j <= m; j++)
        {
          min_value[j] = INFINITY;
          used[j] = FALSE;
        }

      do
        {
          guint i0 = row_of[j0], j1 = 0;
          double delta = INFINITY;

          used[j0] = TRUE;
          for (guint j = 1; j <= m; j++)
            if (!used[j])
              {
                double current = cost[(gsize) (i0 - 1) * m + (j - 1)] - u[i0] - v[j];

                if (current < min_value[j])
                  {
                    min_value[j] = current;
                    way[j] = j0;
                  }
                if (min_value[j] < delta)
                  {
                    delta = min_value[j];
                    j1 = j;
                  }
              }

          for (guint j = 0; j <= m; j++)
            if (used[j])
              {
                u[row_of[j]] += delta;
                v[j] -= delta;
              }
            else
              {
                min_value[j] -= delta;
              }

          j0 = j1;
        }
      while (row_of[j0] != 0);

      do
        {
          guint j1 = way[j0];

          row_of[j0] = row_of[j1];
          j0 = j1;
        }
      while (j0 != 0);
    }

  for (guint j = 1; j <= m; j++)
    if (row_of[j] != 0)
      column_of[row_of[j] - 1] = j - 1;

  return column_of;
}

static void
snap (Generator *gen)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (NULL, NULL);
  g_autoptr(GArray) cells = g_array_new (FALSE, FALSE, sizeof (int));
  g_autofree double *cost = NULL;
  g_autofree guint *column_of = NULL;
  guint n_cells;

  /* Candidate cells: those around each site's nearest cell. */
  for (guint i = 0; i < gen->n_sites; i++)
    {
      int q0 = 0, r0 = 0;

      nearest_cell (gen->position[2 * i], gen->position[2 * i + 1], &q0, &r0);
      for (int r = r0 - CANDIDATE_RADIUS; r <= r0 + CANDIDATE_RADIUS; r++)
        for (int q = q0 - CANDIDATE_RADIUS - 1; q <= q0 + CANDIDATE_RADIUS + 1; q++)
          {
            int pair[2] = { q, r };

            if (tally_hex_offset_distance (TALLY_HEX_OFFSET_ODD_R, q0, r0, q, r) > CANDIDATE_RADIUS ||
                g_hash_table_contains (seen, cell_key (q, r)))
              continue;

            g_hash_table_add (seen, cell_key (q, r));
            g_array_append_vals (cells, pair, 2);
          }
    }

  n_cells = cells->len / 2;
  cost = g_new (double, (gsize) gen->n_sites * n_cells);
  for (guint i = 0; i < gen->n_sites; i++)
    for (guint c = 0; c < n_cells; c++)
      {
        double cx, cy, dx, dy;

        tally_hex_offset_get_centre (TALLY_HEX_OFFSET_ODD_R, g_array_index (cells, int, 2 * c),
                                     g_array_index (cells, int, 2 * c + 1), &cx, &cy);
        dx = cx - gen->position[2 * i];
        dy = cy - gen->position[2 * i + 1];
        cost[(gsize) i * n_cells + c] = dx * dx + dy * dy;
      }

  column_of = assign (cost, gen->n_sites, n_cells);
  for (guint i = 0; i < gen->n_sites; i++)
    {
      gen->q[i] = g_array_index (cells, int, 2 * column_of[i]);
      gen->r[i] = g_array_index (cells, int, 2 * column_of[i] + 1);
      g_hash_table_insert (gen->occupied, cell_key (gen->q[i], gen->r[i]), GUINT_TO_POINTER (i + 1));
    }
}

/* The cost of the pairs touching sites @a and @b (each pair once) and of
 * their pull towards their relaxed positions. */
static double
local_cost (Generator *gen,
            guint      a,
            guint      b)
{
  double total = 0;
  guint members[2] = { a, b };
  guint n_members = (b == G_MAXUINT || b == a) ? 1 : 2;

  for (guint m = 0; m < n_members; m++)
    {
      guint site = members[m];
      GArray *neighbours = g_ptr_array_index (gen->adjacency, site);
      double cx, cy, dx, dy;

      for (guint k = 0; k < neighbours->len; k++)
        {
          guint other = g_array_index (neighbours, guint, k);
          int distance;

          /* The pair a–b is counted from a only. */
          if (m == 1 && other == a)
            continue;

          distance = tally_hex_offset_distance (TALLY_HEX_OFFSET_ODD_R, gen->q[site], gen->r[site],
                                                gen->q[other], gen->r[other]);
          total += (distance - 1) * (distance - 1);
        }

      tally_hex_offset_get_centre (TALLY_HEX_OFFSET_ODD_R, gen->q[site], gen->r[site], &cx, &cy);
      dx = (cx - gen->position[2 * site]) / SPACING;
      dy = (cy - gen->position[2 * site + 1]) / SPACING;
      total += IMPROVE_PULL * (dx * dx + dy * dy);
    }

  return total;
}

static void
move_site (Generator *gen,
           guint      site,
           int        q,
           int        r)
{
  g_hash_table_remove (gen->occupied, cell_key (gen->q[site], gen->r[site]));
  gen->q[site] = q;
  gen->r[site] = r;
  g_hash_table_insert (gen->occupied, cell_key (q, r), GUINT_TO_POINTER (site + 1));
}

/* How many of the cell's six neighbours hold a site. */
static int
occupied_around (Generator *gen,
                 int        q,
                 int        r)
{
  int count = 0;

  for (guint direction = 0; direction < 6; direction++)
    {
      int nq, nr;

      tally_hex_offset_get_neighbour (TALLY_HEX_OFFSET_ODD_R, q, r, direction, &nq, &nr);
      count += g_hash_table_contains (gen->occupied, cell_key (nq, nr));
    }

  return count;
}

static void
improve (Generator *gen)
{
  for (guint pass = 0; pass < IMPROVE_PASSES; pass++)
    {
      gboolean changed = FALSE;

      for (guint i = 0; i < gen->n_sites; i++)
        for (guint direction = 0; direction < 6; direction++)
          {
            int q = gen->q[i], r = gen->r[i], nq, nr;
            guint other;
            double before, after;

            tally_hex_offset_get_neighbour (TALLY_HEX_OFFSET_ODD_R, q, r, direction, &nq, &nr);
            other = GPOINTER_TO_UINT (g_hash_table_lookup (gen->occupied, cell_key (nq, nr)));

            if (other == 0)
              {
                /* Each touching pair lost or gained counts too: fewer
                 * holes and a tighter coast. */
                before = local_cost (gen, i, G_MAXUINT) - IMPROVE_COMPACTNESS * occupied_around (gen, q, r);
                move_site (gen, i, nq, nr);
                after = local_cost (gen, i, G_MAXUINT) - IMPROVE_COMPACTNESS * occupied_around (gen, nq, nr);
                if (after < before - 1e-9)
                  changed = TRUE;
                else
                  move_site (gen, i, q, r);
              }
            else
              {
                other--;
                before = local_cost (gen, i, other);
                gen->q[i] = nq;
                gen->r[i] = nr;
                gen->q[other] = q;
                gen->r[other] = r;
                after = local_cost (gen, i, other);
                if (after < before - 1e-9)
                  {
                    g_hash_table_insert (gen->occupied, cell_key (q, r), GUINT_TO_POINTER (other + 1));
                    g_hash_table_insert (gen->occupied, cell_key (nq, nr), GUINT_TO_POINTER (i + 1));
                    changed = TRUE;
                  }
                else
                  {
                    gen->q[i] = q;
                    gen->r[i] = r;
                    gen->q[other] = nq;
                    gen->r[other] = nr;
                  }
              }
          }

      if (!changed)
        break;
    }
}

static gboolean
cell_in_box (const int *box,
             int        q,
             int        r)
{
  return q >= box[0] && q <= box[2] && r >= box[1] && r <= box[3];
}

/* Fills each hole (a free cell the outside cannot reach through free
 * cells) by moving the sites on the shortest path from it to the outside
 * one cell along: the hole ends up on the coast.  Fills one hole at a
 * time; returns whether it found one. */
static gboolean
fill_holes (Generator *gen)
{
  g_autoptr(GHashTable) outside = g_hash_table_new (NULL, NULL);
  g_autoptr(GArray) queue = g_array_new (FALSE, FALSE, sizeof (int));
  int box[4] = { G_MAXINT, G_MAXINT, G_MININT, G_MININT };

  for (guint i = 0; i < gen->n_sites; i++)
    {
      box[0] = MIN (box[0], gen->q[i] - 1);
      box[1] = MIN (box[1], gen->r[i] - 1);
      box[2] = MAX (box[2], gen->q[i] + 1);
      box[3] = MAX (box[3], gen->r[i] + 1);
    }

  /* The outside: free cells reached from the box's corner. */
  {
    int start[2] = { box[0], box[1] };

    g_array_append_vals (queue, start, 2);
    g_hash_table_add (outside, cell_key (box[0], box[1]));
  }
  for (guint head = 0; head < queue->len; head += 2)
    for (guint direction = 0; direction < 6; direction++)
      {
        int nq, nr;

        tally_hex_offset_get_neighbour (TALLY_HEX_OFFSET_ODD_R, g_array_index (queue, int, head),
                                        g_array_index (queue, int, head + 1), direction, &nq, &nr);
        if (cell_in_box (box, nq, nr) && !g_hash_table_contains (gen->occupied, cell_key (nq, nr)) &&
            !g_hash_table_contains (outside, cell_key (nq, nr)))
          {
            int cell[2] = { nq, nr };

            g_hash_table_add (outside, cell_key (nq, nr));
            g_array_append_vals (queue, cell, 2);
          }
      }

  for (int r = box[1]; r <= box[3]; r++)
    for (int q = box[0]; q <= box[2]; q++)
      {
        g_autoptr(GHashTable) parent = NULL;
        int end_q = 0, end_r = 0;
        gboolean found = FALSE;

        if (g_hash_table_contains (gen->occupied, cell_key (q, r)) ||
            g_hash_table_contains (outside, cell_key (q, r)))
          continue;

        /* Breadth first through sites, to one that touches the outside. */
        parent = g_hash_table_new (NULL, NULL);
        g_array_set_size (queue, 0);
        {
          int start[2] = { q, r };

          g_array_append_vals (queue, start, 2);
          g_hash_table_insert (parent, cell_key (q, r), cell_key (q, r));
        }
        for (guint head = 0; head < queue->len && !found; head += 2)
          {
            int cq = g_array_index (queue, int, head), cr = g_array_index (queue, int, head + 1);

            for (guint direction = 0; direction < 6 && !found; direction++)
              {
                int nq, nr;

                tally_hex_offset_get_neighbour (TALLY_HEX_OFFSET_ODD_R, cq, cr, direction, &nq, &nr);
                if (head > 0 && g_hash_table_contains (outside, cell_key (nq, nr)))
                  {
                    found = TRUE;
                    end_q = cq;
                    end_r = cr;
                  }
                else if (g_hash_table_contains (gen->occupied, cell_key (nq, nr)) &&
                         !g_hash_table_contains (parent, cell_key (nq, nr)))
                  {
                    int cell[2] = { nq, nr };

                    g_hash_table_insert (parent, cell_key (nq, nr), cell_key (cq, cr));
                    g_array_append_vals (queue, cell, 2);
                  }
              }
          }

        if (!found)
          continue;

        /* The path from the hole to the coast; then each site on it moves
         * one cell towards the hole, and the last cell, on the coast, is
         * left free. */
        g_array_set_size (queue, 0);
        while (end_q != q || end_r != r)
          {
            guint packed = GPOINTER_TO_UINT (g_hash_table_lookup (parent, cell_key (end_q, end_r)));
            int cell[2] = { end_q, end_r };

            g_array_prepend_vals (queue, cell, 2);
            end_q = (gint16) (packed >> 16);
            end_r = (gint16) (packed & 0xffff);
          }

        for (guint k = 0; k < queue->len; k += 2)
          {
            int cq = g_array_index (queue, int, k), cr = g_array_index (queue, int, k + 1);
            guint site = GPOINTER_TO_UINT (g_hash_table_lookup (gen->occupied, cell_key (cq, cr))) - 1;

            move_site (gen, site, end_q, end_r);
            end_q = cq;
            end_r = cr;
          }

        /* One hole at a time: the caller improves, then looks again. */
        return TRUE;
      }

  return FALSE;
}

static void
build_adjacency (Generator *gen)
{
  gen->adjacency = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);
  for (guint i = 0; i < gen->n_sites; i++)
    g_ptr_array_add (gen->adjacency, g_array_new (FALSE, FALSE, sizeof (guint)));

  for (guint i = 0; i < gen->n_sites; i++)
    for (guint k = 0; k < TALLY_HEXGEN_NEIGHBOURS; k++)
      {
        guint j = gen->nearest[i * TALLY_HEXGEN_NEIGHBOURS + k];
        GArray *of_i, *of_j;
        gboolean known = FALSE;

        if (j == G_MAXUINT)
          continue;

        of_i = g_ptr_array_index (gen->adjacency, i);
        of_j = g_ptr_array_index (gen->adjacency, j);
        for (guint m = 0; m < of_i->len && !known; m++)
          known = g_array_index (of_i, guint, m) == j;

        if (!known)
          {
            g_array_append_val (of_i, j);
            g_array_append_val (of_j, i);
          }
      }
}

static void
generator_clear (Generator *gen)
{
  g_free (gen->sites);
  g_free (gen->origin);
  g_free (gen->position);
  g_free (gen->nearest);
  g_free (gen->q);
  g_free (gen->r);
  g_clear_pointer (&gen->adjacency, g_ptr_array_unref);
  g_clear_pointer (&gen->occupied, g_hash_table_unref);
}

/**
 * tally_hexgen_generate:
 * @sites: (array length=n_sites): the places to lay out
 *
 * Lays out one hex per site, as the file's header describes.
 *
 * Returns: (transfer full) (nullable): an odd-r layout, with q and r from 0
 *   up, or %NULL when two sites share a code or a centroid is not a number
 */
TallyHexLayout *
tally_hexgen_generate (const TallyHexgenSite  *sites,
                       guint                   n_sites,
                       GError                **error)
{
  g_autoptr(TallyHexLayout) layout = tally_hex_layout_new (TALLY_HEX_OFFSET_ODD_R);
  g_autofree double *spacing = NULL;
  Generator gen = { 0 };
  int min_q = G_MAXINT, min_r = G_MAXINT;

  g_return_val_if_fail (sites != NULL || n_sites == 0, NULL);

  if (n_sites == 0)
    return g_steal_pointer (&layout);

  gen.n_sites = n_sites;
  gen.sites = g_new (const TallyHexgenSite *, n_sites);
  for (guint i = 0; i < n_sites; i++)
    {
      if (sites[i].code == NULL || !isfinite (sites[i].x) || !isfinite (sites[i].y))
        {
          g_set_error (error, TALLY_GEO_ERROR, TALLY_GEO_ERROR_FORMAT,
                       _("Cannot lay out %s: it has no centroid"), sites[i].code ? sites[i].code : "?");
          generator_clear (&gen);
          return NULL;
        }
      gen.sites[i] = &sites[i];
    }
  qsort (gen.sites, n_sites, sizeof (gen.sites[0]), compare_sites);
  for (guint i = 1; i < n_sites; i++)
    if (strcmp (gen.sites[i - 1]->code, gen.sites[i]->code) == 0)
      {
        g_set_error (error, TALLY_GEO_ERROR, TALLY_GEO_ERROR_FORMAT,
                     _("Cannot lay out %s twice"), gen.sites[i]->code);
        generator_clear (&gen);
        return NULL;
      }

  gen.origin = g_new (double, 2 * n_sites);
  gen.position = g_new (double, 2 * n_sites);
  gen.q = g_new (int, n_sites);
  gen.r = g_new (int, n_sites);
  gen.occupied = g_hash_table_new (NULL, NULL);
  spacing = g_new0 (double, n_sites);

  gen.nearest = nearest_sites (gen.sites, n_sites, TALLY_HEXGEN_NEIGHBOURS, spacing);
  build_adjacency (&gen);
  scale_sites (&gen, spacing);
  relax (&gen);
  snap (&gen);
  improve (&gen);
  for (guint round = 0; round < HOLE_ROUNDS && fill_holes (&gen); round++)
    improve (&gen);

  /* From 0 up; rows move by an even number so odd rows stay odd. */
  for (guint i = 0; i < n_sites; i++)
    {
      min_q = MIN (min_q, gen.q[i]);
      min_r = MIN (min_r, gen.r[i]);
    }
  if (min_r & 1)
    min_r--;

  for (guint i = 0; i < n_sites; i++)
    {
      gboolean added = tally_hex_layout_add (layout, gen.sites[i]->code, gen.sites[i]->name,
                                             gen.q[i] - min_q, gen.r[i] - min_r, NULL);

      g_assert (added);
    }

  generator_clear (&gen);
  return g_steal_pointer (&layout);
}

/**
 * tally_hexgen_generate_for_councils:
 * @councils: (element-type TallyCouncil): councils; those with no
 *   centroid are left out
 *
 * Returns: (transfer full) (nullable): their layout
 */
TallyHexLayout *
tally_hexgen_generate_for_councils (GListModel  *councils,
                                    GError     **error)
{
  g_autoptr(GArray) sites = g_array_new (FALSE, FALSE, sizeof (TallyHexgenSite));
  g_autoptr(GPtrArray) held = g_ptr_array_new_with_free_func (g_object_unref);
  guint n_items;

  g_return_val_if_fail (G_IS_LIST_MODEL (councils), NULL);

  n_items = g_list_model_get_n_items (councils);
  for (guint i = 0; i < n_items; i++)
    {
      TallyCouncil *council = g_list_model_get_item (councils, i);
      TallyHexgenSite site;

      g_ptr_array_add (held, council);
      if (!tally_council_get_centroid (council, &site.x, &site.y))
        continue;

      site.code = tally_council_get_code (council);
      site.name = tally_council_get_name (council);
      g_array_append_val (sites, site);
    }

  return tally_hexgen_generate ((const TallyHexgenSite *) sites->data, sites->len, error);
}

/**
 * tally_hexgen_neighbour_score:
 * @layout: a layout of (some of) @sites
 * @sites: (array length=n_sites): where the sites really are
 * @k: how many nearest neighbours of each site to look at
 * @max_distance: how far apart, in hexes, still counts as kept
 *
 * How well @layout keeps geographic neighbours together: of every pair of a
 * site and one of its @k nearest sites (by centroid), both in @layout, the
 * share that lie at most @max_distance hexes apart.  1 is perfect; with
 * @max_distance 1 it is the share of neighbours whose hexes touch.
 *
 * Returns: the share, from 0 to 1
 */
double
tally_hexgen_neighbour_score (TallyHexLayout        *layout,
                              const TallyHexgenSite *sites,
                              guint                  n_sites,
                              guint                  k,
                              int                    max_distance)
{
  g_autofree const TallyHexgenSite **placed = NULL;
  g_autofree int *index = NULL;
  g_autofree guint *nearest = NULL;
  guint n_placed = 0, kept = 0, pairs = 0;

  g_return_val_if_fail (TALLY_IS_HEX_LAYOUT (layout), 0);
  g_return_val_if_fail (k > 0, 0);

  placed = g_new (const TallyHexgenSite *, n_sites);
  index = g_new (int, n_sites);
  for (guint i = 0; i < n_sites; i++)
    {
      int hex = tally_hex_layout_lookup (layout, sites[i].code);

      if (hex < 0)
        continue;
      placed[n_placed] = &sites[i];
      index[n_placed] = hex;
      n_placed++;
    }

  if (n_placed < 2)
    return 0;

  nearest = nearest_sites (placed, n_placed, MIN (k, n_placed - 1), NULL);
  k = MIN (k, n_placed - 1);
  for (guint i = 0; i < n_placed; i++)
    for (guint j = 0; j < k; j++)
      {
        guint other = nearest[i * k + j];

        pairs++;
        if (tally_hex_layout_distance (layout, index[i], index[other]) <= max_distance)
          kept++;
      }

  return (double) kept / pairs;
}
