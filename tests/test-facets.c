/* test-facets.c: every count the filter panel shows, against a count made
 * the slow way.
 *
 * The panel's rule (written in the panel itself): a council must match
 * every section with a choice made, and within a section any one choice;
 * a row's number is how many councils the filter would match with that
 * row the only choice of its section.  Here that rule is written out
 * again, council by council, and compared with every row of the panel and
 * with the list, over a few hundred combinations of regions, council
 * types, parties and outcomes on the real 2018 compositions.  Needs a
 * display.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include "tally-catalog.h"
#include "tally-council.h"
#include "tally-council-result.h"
#include "tally-filter.h"
#include "tally-filter-panel.h"
#include "tally-party.h"
#include "tally-results.h"
#include "tally-test-util.h"
#include "tally-test-widgets.h"
#include "tally-window.h"

#define N_COMBINATIONS 300

typedef struct
{
  const char        *title;
  TallyOutcomeFlags  flags;
} Outcome;

static const Outcome outcomes[] = {
  { "Gained", TALLY_OUTCOME_FLAG_GAIN },
  { "Lost", TALLY_OUTCOME_FLAG_LOSS },
  { "Held", TALLY_OUTCOME_FLAG_HOLD },
  { "No overall control, before and after", TALLY_OUTCOME_FLAG_NOC_HOLD },
  { "Changed hands", TALLY_OUTCOME_FLAG_GAIN | TALLY_OUTCOME_FLAG_LOSS },
  { "Did not change hands", TALLY_OUTCOME_FLAG_HOLD | TALLY_OUTCOME_FLAG_NOC_HOLD },
};

/* What a filter holds, in the test's own terms. */
typedef struct
{
  GPtrArray         *regions;  /* const char *, borrowed */
  GPtrArray         *types;
  GPtrArray         *parties;
  TallyOutcomeFlags  outcomes;
} Choices;

static gboolean
holds (GPtrArray  *set,
       const char *value)
{
  for (guint i = 0; i < set->len; i++)
    if (g_str_equal (g_ptr_array_index (set, i), value))
      return TRUE;
  return FALSE;
}

/* The rule, council by council. */
static gboolean
slow_match (TallyCouncilResult *result,
            const Choices      *choices)
{
  TallyCouncil *council = tally_council_result_get_council (result);
  gboolean known_before = tally_council_result_get_total_seats (result, TALLY_STAGE_BEFORE) > 0;
  gboolean known_after = tally_council_result_get_total_seats (result, TALLY_STAGE_AFTER) > 0;
  TallyParty *before = known_before ? tally_council_result_get_control (result, TALLY_STAGE_BEFORE) : NULL;
  TallyParty *after = known_after ? tally_council_result_get_control (result, TALLY_STAGE_AFTER) : NULL;
  gboolean before_chosen = before != NULL && holds (choices->parties, tally_party_get_key (before));
  gboolean after_chosen = after != NULL && holds (choices->parties, tally_party_get_key (after));
  TallyOutcomeFlags flags = TALLY_OUTCOME_FLAG_NONE;

  if (choices->regions->len > 0 && !holds (choices->regions, tally_council_get_region (council)))
    return FALSE;
  if (choices->types->len > 0 &&
      !holds (choices->types, tally_council_type_to_string (tally_council_get_council_type (council))))
    return FALSE;

  /* A party section: one of them ran the council before or after. */
  if (choices->parties->len > 0 && !before_chosen && !after_chosen)
    return FALSE;

  if (choices->outcomes == TALLY_OUTCOME_FLAG_NONE)
    return TRUE;
  if (!known_before || !known_after)
    return FALSE;

  if (choices->parties->len == 0)
    {
      /* The council's own outcome; a gain from a party is its loss too. */
      if (before == NULL && after == NULL)
        flags = TALLY_OUTCOME_FLAG_NOC_HOLD;
      else if (before == after)
        flags = TALLY_OUTCOME_FLAG_HOLD;
      else if (after == NULL)
        flags = TALLY_OUTCOME_FLAG_LOSS;
      else
        flags = TALLY_OUTCOME_FLAG_GAIN | (before != NULL ? TALLY_OUTCOME_FLAG_LOSS : 0);
    }
  else
    {
      /* The chosen parties' outcomes. */
      TallyParty *chosen[2] = { before_chosen ? before : NULL, after_chosen ? after : NULL };

      for (guint i = 0; i < 2; i++)
        if (chosen[i] != NULL)
          flags |= before == chosen[i] && after == chosen[i] ? TALLY_OUTCOME_FLAG_HOLD
                   : after == chosen[i]                       ? TALLY_OUTCOME_FLAG_GAIN
                                                              : TALLY_OUTCOME_FLAG_LOSS;
    }

  return (flags & choices->outcomes) != 0;
}

static guint
slow_count (GListModel    *all,
            const Choices *choices)
{
  guint count = 0;

  for (guint i = 0; i < g_list_model_get_n_items (all); i++)
    {
      g_autoptr(TallyCouncilResult) result = g_list_model_get_item (all, i);

      count += slow_match (result, choices);
    }

  return count;
}

static void
apply (TallyFilter   *filter,
       const Choices *choices)
{
  g_ptr_array_add (choices->regions, NULL);
  g_ptr_array_add (choices->types, NULL);
  g_ptr_array_add (choices->parties, NULL);

  tally_filter_freeze (filter);
  tally_filter_set_regions (filter, (const char * const *) choices->regions->pdata);
  tally_filter_set_council_types (filter, (const char * const *) choices->types->pdata);
  tally_filter_set_parties (filter, (const char * const *) choices->parties->pdata);
  tally_filter_set_outcomes (filter, choices->outcomes);
  tally_filter_thaw (filter);

  g_ptr_array_set_size (choices->regions, choices->regions->len - 1);
  g_ptr_array_set_size (choices->types, choices->types->len - 1);
  g_ptr_array_set_size (choices->parties, choices->parties->len - 1);
}

static char *
describe (const Choices *choices)
{
  GString *text = g_string_new ("regions {");

  for (guint i = 0; i < choices->regions->len; i++)
    g_string_append_printf (text, " %s", (char *) g_ptr_array_index (choices->regions, i));
  g_string_append (text, " } types {");
  for (guint i = 0; i < choices->types->len; i++)
    g_string_append_printf (text, " %s", (char *) g_ptr_array_index (choices->types, i));
  g_string_append (text, " } parties {");
  for (guint i = 0; i < choices->parties->len; i++)
    g_string_append_printf (text, " %s", (char *) g_ptr_array_index (choices->parties, i));
  g_string_append_printf (text, " } outcomes 0x%x", choices->outcomes);
  return g_string_free (text, FALSE);
}

/* Each row of one section against the slow count with it alone chosen. */
static void
check_section (TallyFilterPanel *panel,
               GListModel       *all,
               const Choices    *choices,
               const char       *facet,
               GPtrArray        *values,
               GPtrArray        *replaced)
{
  g_autoptr(GPtrArray) saved = g_ptr_array_copy (replaced, NULL, NULL);

  for (guint i = 0; i < values->len; i++)
    {
      const char *value = g_ptr_array_index (values, i);
      guint shown, expected;

      if (!tally_filter_panel_lookup_count (panel, facet, value, &shown))
        continue;

      g_ptr_array_set_size (replaced, 0);
      g_ptr_array_add (replaced, (gpointer) value);
      expected = slow_count (all, choices);
      g_ptr_array_set_size (replaced, 0);
      g_ptr_array_extend (replaced, saved, NULL, NULL);

      if (shown != expected)
        {
          g_autofree char *text = describe (choices);

          g_error ("with %s, the %s row “%s” says %u, the councils say %u", text, facet, value, shown, expected);
        }
    }
}

static void
check_panel (TallyWindow   *window,
             GListModel    *all,
             Choices       *choices,
             GPtrArray     *regions,
             GPtrArray     *types,
             GPtrArray     *parties)
{
  TallyFilterPanel *panel = tally_window_get_filter_panel (window);
  GListModel *matching = tally_results_get_matching (tally_window_get_results (window));
  TallyOutcomeFlags saved = choices->outcomes;
  guint listed = slow_count (all, choices);

  g_assert_cmpuint (g_list_model_get_n_items (matching), ==, listed);

  check_section (panel, all, choices, "region", regions, choices->regions);
  check_section (panel, all, choices, "type", types, choices->types);
  check_section (panel, all, choices, "party", parties, choices->parties);

  for (guint i = 0; i < G_N_ELEMENTS (outcomes); i++)
    {
      guint shown, expected;

      g_assert_true (tally_filter_panel_lookup_count (panel, "outcome", outcomes[i].title, &shown));
      choices->outcomes = outcomes[i].flags;
      expected = slow_count (all, choices);
      choices->outcomes = saved;
      if (shown != expected)
        {
          g_autofree char *text = describe (choices);

          g_error ("with %s, the outcome row “%s” says %u, the councils say %u", text, outcomes[i].title, shown,
                   expected);
        }
    }

  /* With no outcome chosen, every listed council whose control is known
   * either changed hands or did not: the two rows add up to the list. */
  if (saved == TALLY_OUTCOME_FLAG_NONE)
    {
      guint changed, unchanged, known = 0;

      for (guint i = 0; i < g_list_model_get_n_items (matching); i++)
        {
          g_autoptr(TallyCouncilResult) result = g_list_model_get_item (matching, i);

          known += tally_council_result_get_total_seats (result, TALLY_STAGE_BEFORE) > 0 &&
                   tally_council_result_get_total_seats (result, TALLY_STAGE_AFTER) > 0;
        }
      g_assert_true (tally_filter_panel_lookup_count (panel, "outcome", "Changed hands", &changed));
      g_assert_true (tally_filter_panel_lookup_count (panel, "outcome", "Did not change hands", &unchanged));
      g_assert_cmpuint (changed + unchanged, ==, known);
    }
}

static void
pick (GRand     *rand,
      GPtrArray *from,
      GPtrArray *into,
      guint      most)
{
  guint n = g_rand_int_range (rand, 0, most + 1);

  g_ptr_array_set_size (into, 0);
  for (guint i = 0; i < n; i++)
    {
      gpointer value = g_ptr_array_index (from, g_rand_int_range (rand, 0, from->len));

      if (!holds (into, value))
        g_ptr_array_add (into, value);
    }
}

static void
test_counts_agree (void)
{
  TallyWindow *window = tally_window_new (NULL);
  TallyResults *results;
  TallyCatalog *catalog;
  TallyFilter *filter;
  GListModel *all, *councils, *parties;
  g_autoptr(GPtrArray) regions = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) types = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) party_keys = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GRand) rand = g_rand_new_with_seed (14);
  Choices choices = { g_ptr_array_new (), g_ptr_array_new (), g_ptr_array_new (), 0 };

  g_assert_true (tally_window_open_database (window, NULL));
  gtk_window_present (GTK_WINDOW (window));
  tally_test_wait_for_frames (100);

  results = tally_window_get_results (window);
  catalog = tally_window_get_catalog (window);
  filter = tally_results_get_filter (results);
  all = tally_results_get_council_results (results, tally_results_resolve_election (results, filter),
                                           tally_results_resolve_baseline (results, filter));
  g_assert_cmpuint (g_list_model_get_n_items (all), ==, 150);

  councils = tally_catalog_get_councils (catalog);
  for (guint i = 0; i < g_list_model_get_n_items (councils); i++)
    {
      g_autoptr(TallyCouncil) council = g_list_model_get_item (councils, i);
      const char *type = tally_council_type_to_string (tally_council_get_council_type (council));

      if (!holds (regions, tally_council_get_region (council)))
        g_ptr_array_add (regions, g_strdup (tally_council_get_region (council)));
      if (!holds (types, type))
        g_ptr_array_add (types, g_strdup (type));
    }
  parties = tally_catalog_get_parties (catalog);
  for (guint i = 0; i < g_list_model_get_n_items (parties); i++)
    {
      g_autoptr(TallyParty) party = g_list_model_get_item (parties, i);

      g_ptr_array_add (party_keys, g_strdup (tally_party_get_key (party)));
    }

  /* The two cases first: London and the Liberal Democrats... */
  g_ptr_array_add (choices.regions, "London");
  g_ptr_array_add (choices.parties, "LD");
  apply (filter, &choices);
  check_panel (window, all, &choices, regions, types, party_keys);
  /* ...and with "No overall control, before and after": Havering, under
   * no overall control both times, is nothing the Liberal Democrats ran. */
  choices.outcomes = TALLY_OUTCOME_FLAG_NOC_HOLD;
  apply (filter, &choices);
  g_assert_cmpuint (g_list_model_get_n_items (tally_results_get_matching (results)), ==, 0);
  check_panel (window, all, &choices, regions, types, party_keys);

  for (guint n = 0; n < N_COMBINATIONS; n++)
    {
      pick (rand, regions, choices.regions, 2);
      pick (rand, types, choices.types, 1);
      pick (rand, party_keys, choices.parties, 2);
      /* Mostly the parties that run councils, some of the rest. */
      if (choices.parties->len > 0 && g_rand_boolean (rand))
        {
          const char *major[] = { "LAB", "CON", "LD", "IND", "GRN", "UKIP" };

          g_ptr_array_index (choices.parties, 0) = (gpointer) major[g_rand_int_range (rand, 0, G_N_ELEMENTS (major))];
        }
      choices.outcomes = g_rand_boolean (rand) ? TALLY_OUTCOME_FLAG_NONE
                                               : (TallyOutcomeFlags) g_rand_int_range (rand, 1, 16);
      apply (filter, &choices);
      check_panel (window, all, &choices, regions, types, party_keys);
    }

  tally_filter_clear (filter);
  g_ptr_array_unref (choices.regions);
  g_ptr_array_unref (choices.types);
  g_ptr_array_unref (choices.parties);
  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *home = NULL;
  int status;

  g_test_init (&argc, &argv, NULL);

  /* Settings and caches of this test alone. */
  home = tally_test_make_temp_dir ();
  g_setenv ("XDG_CACHE_HOME", home, TRUE);
  g_setenv ("XDG_CONFIG_HOME", home, TRUE);

  if (!tally_test_widgets_init ())
    return 0;

  g_test_add_func ("/facets/counts-agree", test_counts_agree);

  status = g_test_run ();
  tally_test_remove_dir (home);
  return status;
}
