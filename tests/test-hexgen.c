/* test-hexgen.c: the hex cartogram Tally generates from council centroids.
 *
 * The measure of neighbour preservation is tally_hexgen_neighbour_score():
 * of every pair (council, one of its 6 nearest councils by centroid), the
 * share whose hexes are at most 2 apart.  The generated map must reach
 * NEIGHBOURS_WITHIN_2, and at least 55% of those neighbours must touch.
 * For comparison, Open Innovations' hand-made 2018 map scores 0.871 and
 * 0.532 (checked below when ../shared/data is there).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "tally-catalog.h"
#include "tally-council.h"
#include "tally-database.h"
#include "tally-geo.h"
#include "tally-hexgen.h"
#include "tally-hexjson.h"
#include "tally-test-util.h"

#define NEIGHBOURS_WITHIN_2 0.93
#define NEIGHBOURS_TOUCHING 0.55

static TallyCatalog *catalog;
static GArray *sites;  /* TallyHexgenSite, one per council with a centroid */

static const TallyHexgenSite *
site_sites (void)
{
  return (const TallyHexgenSite *) sites->data;
}

static TallyHexLayout *
generate (void)
{
  g_autoptr(GError) error = NULL;
  TallyHexLayout *layout = tally_hexgen_generate (site_sites (), sites->len, &error);

  g_assert_no_error (error);
  g_assert_nonnull (layout);
  return layout;
}

static const TallyHex *
hex_of (TallyHexLayout *layout,
        const char     *code)
{
  int index = tally_hex_layout_lookup (layout, code);

  g_assert_cmpint (index, >=, 0);
  return tally_hex_layout_get_hex (layout, index);
}

static void
test_every_council_on_its_own_hex (void)
{
  g_autoptr(TallyHexLayout) layout = generate ();
  g_autoptr(GHashTable) cells = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  g_assert_cmpuint (sites->len, ==, 326);
  g_assert_cmpuint (tally_hex_layout_get_n_hexes (layout), ==, 326);
  g_assert_cmpint (tally_hex_layout_get_offset (layout), ==, TALLY_HEX_OFFSET_ODD_R);

  for (guint i = 0; i < sites->len; i++)
    {
      const TallyHex *hex = hex_of (layout, site_sites ()[i].code);
      char *cell = g_strdup_printf ("%d,%d", hex->q, hex->r);

      g_assert_false (g_hash_table_contains (cells, cell));
      g_hash_table_add (cells, cell);
      g_assert_cmpint (hex->q, >=, 0);
      g_assert_cmpint (hex->r, >=, 0);
    }
  g_assert_cmpuint (g_hash_table_size (cells), ==, 326);
}

static void
test_neighbours_kept (void)
{
  g_autoptr(TallyHexLayout) layout = generate ();
  double within_2 = tally_hexgen_neighbour_score (layout, site_sites (), sites->len, 6, 2);
  double touching = tally_hexgen_neighbour_score (layout, site_sites (), sites->len, 6, 1);

  g_test_message ("6 nearest neighbours: %.3f within 2 hexes, %.3f touching", within_2, touching);
  g_assert_cmpfloat (within_2, >=, NEIGHBOURS_WITHIN_2);
  g_assert_cmpfloat (touching, >=, NEIGHBOURS_TOUCHING);
}

static void
test_against_hand_made_map (void)
{
  g_autofree char *path = tally_test_shared_data_path ("geo/hexmaps/uk-local-authority-districts-2018.hexjson");
  g_autoptr(TallyHexLayout) generated = NULL;
  g_autoptr(TallyHexLayout) hand_made = NULL;
  g_autoptr(GError) error = NULL;
  double ours, theirs;

  if (path == NULL)
    {
      g_test_skip ("../shared/data/geo/hexmaps is not there");
      return;
    }

  hand_made = tally_hexjson_load (path, NULL, &error);
  g_assert_no_error (error);
  generated = generate ();

  ours = tally_hexgen_neighbour_score (generated, site_sites (), sites->len, 6, 2);
  theirs = tally_hexgen_neighbour_score (hand_made, site_sites (), sites->len, 6, 2);
  g_test_message ("within 2 hexes: generated %.3f, Open Innovations %.3f", ours, theirs);
  g_assert_cmpfloat (theirs, >, 0.8);
  g_assert_cmpfloat (ours, >=, theirs);
}

static void
test_deterministic (void)
{
  g_autoptr(TallyHexLayout) first = generate ();
  g_autoptr(TallyHexLayout) second = generate ();
  g_autoptr(GArray) reversed = g_array_sized_new (FALSE, FALSE, sizeof (TallyHexgenSite), sites->len);
  g_autoptr(TallyHexLayout) from_reversed = NULL;

  g_assert_true (tally_hex_layout_equal (first, second));

  /* The order the councils come in makes no difference. */
  for (guint i = sites->len; i > 0; i--)
    g_array_append_val (reversed, g_array_index (sites, TallyHexgenSite, i - 1));
  from_reversed = tally_hexgen_generate ((const TallyHexgenSite *) reversed->data, reversed->len, NULL);
  g_assert_true (tally_hex_layout_equal (first, from_reversed));
}

/* London's 33 boroughs form one blob: each is reachable from every other
 * through touching London hexes. */
static void
test_london_in_one_piece (void)
{
  g_autoptr(TallyHexLayout) layout = generate ();
  g_autoptr(GHashTable) london = g_hash_table_new (NULL, NULL);
  g_autoptr(GHashTable) reached = g_hash_table_new (NULL, NULL);
  g_autoptr(GArray) queue = g_array_new (FALSE, FALSE, sizeof (int));
  GListModel *councils = tally_catalog_get_councils (catalog);
  int first = -1;

  for (guint i = 0; i < g_list_model_get_n_items (councils); i++)
    {
      g_autoptr(TallyCouncil) council = g_list_model_get_item (councils, i);

      if (g_str_equal (tally_council_get_region (council), "London"))
        {
          int index = tally_hex_layout_lookup (layout, tally_council_get_code (council));

          g_hash_table_add (london, GINT_TO_POINTER (index + 1));
          first = index;
        }
    }
  g_assert_cmpuint (g_hash_table_size (london), ==, 33);

  g_array_append_val (queue, first);
  g_hash_table_add (reached, GINT_TO_POINTER (first + 1));
  for (guint head = 0; head < queue->len; head++)
    {
      const TallyHex *hex = tally_hex_layout_get_hex (layout, g_array_index (queue, int, head));

      for (guint direction = 0; direction < 6; direction++)
        {
          int q, r, neighbour;

          tally_hex_offset_get_neighbour (TALLY_HEX_OFFSET_ODD_R, hex->q, hex->r, direction, &q, &r);
          neighbour = tally_hex_layout_lookup_cell (layout, q, r);
          if (neighbour >= 0 && g_hash_table_contains (london, GINT_TO_POINTER (neighbour + 1)) &&
              !g_hash_table_contains (reached, GINT_TO_POINTER (neighbour + 1)))
            {
              g_hash_table_add (reached, GINT_TO_POINTER (neighbour + 1));
              g_array_append_val (queue, neighbour);
            }
        }
    }

  g_assert_cmpuint (g_hash_table_size (reached), ==, 33);

  /* The City of London is inside the blob, not on its edge. */
  {
    const TallyHex *city = hex_of (layout, "E09000001");
    guint london_neighbours = 0;

    for (guint direction = 0; direction < 6; direction++)
      {
        int q, r, neighbour;

        tally_hex_offset_get_neighbour (TALLY_HEX_OFFSET_ODD_R, city->q, city->r, direction, &q, &r);
        neighbour = tally_hex_layout_lookup_cell (layout, q, r);
        london_neighbours += neighbour >= 0 && g_hash_table_contains (london, GINT_TO_POINTER (neighbour + 1));
      }
    g_assert_cmpuint (london_neighbours, ==, 6);
  }
}

/* England's shape: Northumberland at the top, Cornwall and the Isles of
 * Scilly at the south-west tip, Norfolk east of the Midlands, Kent in
 * the south-east. */
static void
test_england_recognisable (void)
{
  g_autoptr(TallyHexLayout) layout = generate ();
  int top_r = G_MININT, west_q = G_MAXINT;
  const TallyHex *northumberland = hex_of (layout, "E06000057");
  const TallyHex *scilly = hex_of (layout, "E06000053");
  const TallyHex *cornwall = hex_of (layout, "E06000052");
  const TallyHex *birmingham = hex_of (layout, "E08000025");
  const TallyHex *norwich = hex_of (layout, "E07000148");
  const TallyHex *dover = hex_of (layout, "E07000108");
  const TallyHex *westminster = hex_of (layout, "E09000033");

  for (guint i = 0; i < tally_hex_layout_get_n_hexes (layout); i++)
    {
      const TallyHex *hex = tally_hex_layout_get_hex (layout, i);

      top_r = MAX (top_r, hex->r);
      west_q = MIN (west_q, hex->q);
    }

  g_assert_cmpint (northumberland->r, >=, top_r - 1);
  g_assert_cmpint (MIN (scilly->q, cornwall->q), <=, west_q + 1);
  g_assert_cmpint (scilly->r, <, birmingham->r - 8);
  g_assert_cmpint (norwich->q, >, birmingham->q + 5);
  g_assert_cmpint (dover->q, >, westminster->q);
  g_assert_cmpint (dover->r, <, birmingham->r);
}

static void
test_small_and_awkward_sets (void)
{
  const TallyHexgenSite same_place[] = {
    { "E1", NULL, 100, 100 }, { "E2", NULL, 100, 100 }, { "E3", NULL, 100, 100 },
    { "E4", NULL, 100, 100 }, { "E5", NULL, 100, 100 },
  };
  const TallyHexgenSite twice[] = { { "E1", NULL, 0, 0 }, { "E1", NULL, 5, 5 } };
  const TallyHexgenSite one[] = { { "E1", "Only", 400000, 300000 } };
  g_autoptr(TallyHexLayout) empty = tally_hexgen_generate (NULL, 0, NULL);
  g_autoptr(TallyHexLayout) single = tally_hexgen_generate (one, 1, NULL);
  g_autoptr(TallyHexLayout) crowd = tally_hexgen_generate (same_place, G_N_ELEMENTS (same_place), NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(TallyHexLayout) duplicate = tally_hexgen_generate (twice, 2, &error);

  g_assert_cmpuint (tally_hex_layout_get_n_hexes (empty), ==, 0);
  g_assert_cmpuint (tally_hex_layout_get_n_hexes (single), ==, 1);
  g_assert_cmpuint (tally_hex_layout_get_n_hexes (crowd), ==, 5);
  /* Five councils on one spot end up in a tight cluster. */
  for (guint i = 0; i < 5; i++)
    for (guint j = 0; j < 5; j++)
      g_assert_cmpint (tally_hex_layout_distance (crowd, i, j), <=, 2);
  g_assert_null (duplicate);
  g_assert_error (error, TALLY_GEO_ERROR, TALLY_GEO_ERROR_FORMAT);
}

static void
test_offset_maths (void)
{
  /* odd-r: (0,0) and (0,1) touch; (0,1)'s east neighbour is (1,1). */
  for (TallyHexOffset offset = TALLY_HEX_OFFSET_ODD_R; offset <= TALLY_HEX_OFFSET_EVEN_Q; offset++)
    for (int q = -3; q <= 3; q++)
      for (int r = -3; r <= 3; r++)
        {
          double x, y;

          tally_hex_offset_get_centre (offset, q, r, &x, &y);
          for (guint direction = 0; direction < 6; direction++)
            {
              int nq, nr;
              double nx, ny;

              tally_hex_offset_get_neighbour (offset, q, r, direction, &nq, &nr);
              tally_hex_offset_get_centre (offset, nq, nr, &nx, &ny);
              /* Neighbours are √3 apart in hex units, and one step away. */
              g_assert_cmpfloat_with_epsilon ((nx - x) * (nx - x) + (ny - y) * (ny - y), 3.0, 1e-9);
              g_assert_cmpint (tally_hex_offset_distance (offset, q, r, nq, nr), ==, 1);
            }
        }

  g_assert_cmpint (tally_hex_offset_distance (TALLY_HEX_OFFSET_ODD_R, 0, 0, 3, 0), ==, 3);
  g_assert_cmpint (tally_hex_offset_distance (TALLY_HEX_OFFSET_ODD_R, 0, 0, 0, 2), ==, 2);
  g_assert_cmpint (tally_hex_offset_distance (TALLY_HEX_OFFSET_ODD_R, 0, 0, 1, 2), ==, 2);
  g_assert_cmpint (tally_hex_offset_distance (TALLY_HEX_OFFSET_ODD_R, 0, 0, 2, 2), ==, 3);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TallyDatabase) database = NULL;
  GListModel *councils;
  int status;

  g_test_init (&argc, &argv, NULL);

  database = tally_database_open (tally_test_bundled_database (), TALLY_DATABASE_OPEN_READ_ONLY, &error);
  g_assert_no_error (error);
  catalog = tally_catalog_new (database, &error);
  g_assert_no_error (error);

  sites = g_array_new (FALSE, FALSE, sizeof (TallyHexgenSite));
  councils = tally_catalog_get_councils (catalog);
  for (guint i = 0; i < g_list_model_get_n_items (councils); i++)
    {
      g_autoptr(TallyCouncil) council = g_list_model_get_item (councils, i);
      TallyHexgenSite site = { tally_council_get_code (council), tally_council_get_name (council), 0, 0 };

      if (tally_council_get_centroid (council, &site.x, &site.y))
        g_array_append_val (sites, site);
    }

  g_test_add_func ("/hexgen/offset-maths", test_offset_maths);
  g_test_add_func ("/hexgen/every-council-on-its-own-hex", test_every_council_on_its_own_hex);
  g_test_add_func ("/hexgen/neighbours-kept", test_neighbours_kept);
  g_test_add_func ("/hexgen/against-hand-made-map", test_against_hand_made_map);
  g_test_add_func ("/hexgen/deterministic", test_deterministic);
  g_test_add_func ("/hexgen/london-in-one-piece", test_london_in_one_piece);
  g_test_add_func ("/hexgen/england-recognisable", test_england_recognisable);
  g_test_add_func ("/hexgen/small-and-awkward-sets", test_small_and_awkward_sets);

  status = g_test_run ();

  g_array_unref (sites);
  g_clear_object (&catalog);
  return status;
}
