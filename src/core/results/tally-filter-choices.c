/* tally-filter-choices.c: what the user chose, one setter and getter each.
 *
 * The election, its baseline and basis, the sets (parties, regions,
 * council types, councils: each kept sorted and without duplicates, so
 * that setting the same choice twice changes nothing), the outcomes and
 * the search text.
 * Every setter that changes something tells tally-filter.c, which notifies
 * and emits `changed` (or holds it back while frozen).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "tally-council.h"
#include "tally-election.h"
#include "tally-filter-private.h"
#include "tally-filter-state-private.h"

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

/* A set of strings as a sorted strv without duplicates or empty strings. */
static char **
normalize_set (const char * const *items)
{
  g_autoptr(GPtrArray) sorted = g_ptr_array_new ();
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  const char *previous = NULL;

  for (guint i = 0; items != NULL && items[i] != NULL; i++)
    if (items[i][0] != '\0')
      g_ptr_array_add (sorted, (gpointer) items[i]);

  g_ptr_array_sort (sorted, compare_strings);
  for (guint i = 0; i < sorted->len; i++)
    {
      const char *item = g_ptr_array_index (sorted, i);

      if (previous == NULL || !g_str_equal (previous, item))
        g_strv_builder_add (builder, item);
      previous = item;
    }

  return g_strv_builder_end (builder);
}

gboolean
_tally_filter_set_contains (char       **set,
                            const char  *item)
{
  return item != NULL && g_strv_contains ((const char * const *) set, item);
}

static gboolean
replace_set (TallyFilter        *self,
             char             ***field,
             const char * const *items,
             guint               prop_id)
{
  g_auto(GStrv) normalized = normalize_set (items);

  if (g_strv_equal ((const char * const *) normalized, (const char * const *) *field))
    return FALSE;

  g_strfreev (*field);
  *field = g_steal_pointer (&normalized);
  _tally_filter_field_changed (self, prop_id);
  return TRUE;
}

static void
toggle_in_set (TallyFilter   *self,
               char        ***field,
               const char    *item,
               gboolean       selected,
               guint          prop_id)
{
  g_autoptr(GStrvBuilder) builder = NULL;
  g_auto(GStrv) items = NULL;

  if (_tally_filter_set_contains (*field, item) == !!selected)
    return;

  builder = g_strv_builder_new ();
  for (guint i = 0; (*field)[i] != NULL; i++)
    if (selected || !g_str_equal ((*field)[i], item))
      g_strv_builder_add (builder, (*field)[i]);
  if (selected)
    g_strv_builder_add (builder, item);

  items = g_strv_builder_end (builder);
  replace_set (self, field, (const char * const *) items, prop_id);
}

static gboolean
valid_council_types (const char * const *types)
{
  for (guint i = 0; types != NULL && types[i] != NULL; i++)
    {
      TallyCouncilType type;

      if (!tally_council_type_from_string (types[i], &type))
        return FALSE;
    }

  return TRUE;
}

/**
 * tally_filter_get_election:
 *
 * Returns: (transfer none) (nullable): the election chosen, or %NULL for
 *   the latest
 */
TallyElection *
tally_filter_get_election (TallyFilter *self)
{
  g_return_val_if_fail (TALLY_IS_FILTER (self), NULL);
  return self->election;
}

void
tally_filter_set_election (TallyFilter   *self,
                           TallyElection *election)
{
  g_return_if_fail (TALLY_IS_FILTER (self));
  g_return_if_fail (election == NULL || TALLY_IS_ELECTION (election));

  if (g_set_object (&self->election, election))
    _tally_filter_field_changed (self, PROP_ELECTION);
}

/**
 * tally_filter_get_baseline:
 *
 * Returns: (transfer none) (nullable): the baseline chosen, or %NULL for
 *   the election's own
 */
TallyElection *
tally_filter_get_baseline (TallyFilter *self)
{
  g_return_val_if_fail (TALLY_IS_FILTER (self), NULL);
  return self->baseline;
}

void
tally_filter_set_baseline (TallyFilter   *self,
                           TallyElection *baseline)
{
  g_return_if_fail (TALLY_IS_FILTER (self));
  g_return_if_fail (baseline == NULL || TALLY_IS_ELECTION (baseline));

  if (g_set_object (&self->baseline, baseline))
    _tally_filter_field_changed (self, PROP_BASELINE);
}

/**
 * tally_filter_get_basis:
 *
 * Returns: what change is measured against
 */
TallyBasis
tally_filter_get_basis (TallyFilter *self)
{
  g_return_val_if_fail (TALLY_IS_FILTER (self), TALLY_BASIS_SERVICES);
  return self->basis;
}

void
tally_filter_set_basis (TallyFilter *self,
                        TallyBasis   basis)
{
  g_return_if_fail (TALLY_IS_FILTER (self));
  g_return_if_fail (basis < TALLY_N_BASES);

  if (self->basis == basis)
    return;

  self->basis = basis;
  _tally_filter_field_changed (self, PROP_BASIS);
}

/**
 * tally_filter_get_parties:
 *
 * Returns: (transfer none): the party keys chosen, sorted; empty for all
 */
const char * const *
tally_filter_get_parties (TallyFilter *self)
{
  g_return_val_if_fail (TALLY_IS_FILTER (self), NULL);
  return (const char * const *) self->parties;
}

/**
 * tally_filter_set_parties:
 * @keys: (nullable): party keys; %NULL or empty for every party
 */
void
tally_filter_set_parties (TallyFilter        *self,
                          const char * const *keys)
{
  g_return_if_fail (TALLY_IS_FILTER (self));
  replace_set (self, &self->parties, keys, PROP_PARTIES);
}

/**
 * tally_filter_get_regions:
 *
 * Returns: (transfer none): the regions chosen, sorted; empty for all
 */
const char * const *
tally_filter_get_regions (TallyFilter *self)
{
  g_return_val_if_fail (TALLY_IS_FILTER (self), NULL);
  return (const char * const *) self->regions;
}

void
tally_filter_set_regions (TallyFilter        *self,
                          const char * const *regions)
{
  g_return_if_fail (TALLY_IS_FILTER (self));
  replace_set (self, &self->regions, regions, PROP_REGIONS);
}

/**
 * tally_filter_get_council_types:
 *
 * Returns: (transfer none): the council type keys chosen; empty for all
 */
const char * const *
tally_filter_get_council_types (TallyFilter *self)
{
  g_return_val_if_fail (TALLY_IS_FILTER (self), NULL);
  return (const char * const *) self->council_types;
}

/**
 * tally_filter_set_council_types:
 * @types: (nullable): keys as tally_council_type_to_string() gives them
 */
void
tally_filter_set_council_types (TallyFilter        *self,
                                const char * const *types)
{
  g_return_if_fail (TALLY_IS_FILTER (self));
  g_return_if_fail (valid_council_types (types));

  replace_set (self, &self->council_types, types, PROP_COUNCIL_TYPES);
}

/**
 * tally_filter_get_councils:
 *
 * Returns: (transfer none): the council codes chosen; empty for all
 */
const char * const *
tally_filter_get_councils (TallyFilter *self)
{
  g_return_val_if_fail (TALLY_IS_FILTER (self), NULL);
  return (const char * const *) self->councils;
}

void
tally_filter_set_councils (TallyFilter        *self,
                           const char * const *codes)
{
  g_return_if_fail (TALLY_IS_FILTER (self));
  replace_set (self, &self->councils, codes, PROP_COUNCILS);
}

TallyOutcomeFlags
tally_filter_get_outcomes (TallyFilter *self)
{
  g_return_val_if_fail (TALLY_IS_FILTER (self), TALLY_OUTCOME_FLAG_NONE);
  return self->outcomes;
}

/**
 * tally_filter_set_outcomes:
 * @outcomes: the outcomes wanted, or %TALLY_OUTCOME_FLAG_NONE for any
 */
void
tally_filter_set_outcomes (TallyFilter       *self,
                           TallyOutcomeFlags  outcomes)
{
  g_return_if_fail (TALLY_IS_FILTER (self));
  g_return_if_fail ((outcomes & ~TALLY_OUTCOME_FLAGS_ALL) == 0);

  if (self->outcomes == outcomes)
    return;

  self->outcomes = outcomes;
  _tally_filter_field_changed (self, PROP_OUTCOMES);
}

/**
 * tally_filter_get_search_text:
 *
 * Returns: (nullable): the search text, or %NULL
 */
const char *
tally_filter_get_search_text (TallyFilter *self)
{
  g_return_val_if_fail (TALLY_IS_FILTER (self), NULL);
  return self->search_text;
}

/**
 * tally_filter_set_search_text:
 * @text: (nullable): part of a council's name or code; leading and
 *   trailing spaces are ignored
 */
void
tally_filter_set_search_text (TallyFilter *self,
                              const char  *text)
{
  g_autofree char *stripped = NULL;

  g_return_if_fail (TALLY_IS_FILTER (self));

  if (text != NULL)
    {
      stripped = g_strstrip (g_strdup (text));
      if (stripped[0] == '\0')
        g_clear_pointer (&stripped, g_free);
    }

  if (g_strcmp0 (stripped, self->search_text) == 0)
    return;

  g_free (self->folded_search);
  self->folded_search = stripped ? _tally_filter_fold_name (stripped) : NULL;
  g_free (self->search_text);
  self->search_text = g_steal_pointer (&stripped);
  _tally_filter_field_changed (self, PROP_SEARCH_TEXT);
}

gboolean
tally_filter_get_party_selected (TallyFilter *self,
                                 const char  *key)
{
  g_return_val_if_fail (TALLY_IS_FILTER (self), FALSE);
  return _tally_filter_set_contains (self->parties, key);
}

/**
 * tally_filter_set_party_selected:
 *
 * Adds @key to the parties chosen, or takes it out: what one checkbox of a
 * filter panel does.
 */
void
tally_filter_set_party_selected (TallyFilter *self,
                                 const char  *key,
                                 gboolean     selected)
{
  g_return_if_fail (TALLY_IS_FILTER (self));
  g_return_if_fail (key != NULL);

  toggle_in_set (self, &self->parties, key, selected, PROP_PARTIES);
}

gboolean
tally_filter_get_region_selected (TallyFilter *self,
                                  const char  *region)
{
  g_return_val_if_fail (TALLY_IS_FILTER (self), FALSE);
  return _tally_filter_set_contains (self->regions, region);
}

void
tally_filter_set_region_selected (TallyFilter *self,
                                  const char  *region,
                                  gboolean     selected)
{
  g_return_if_fail (TALLY_IS_FILTER (self));
  g_return_if_fail (region != NULL);

  toggle_in_set (self, &self->regions, region, selected, PROP_REGIONS);
}

gboolean
tally_filter_get_council_type_selected (TallyFilter      *self,
                                        TallyCouncilType  type)
{
  g_return_val_if_fail (TALLY_IS_FILTER (self), FALSE);
  g_return_val_if_fail (type < TALLY_N_COUNCIL_TYPES, FALSE);

  return _tally_filter_set_contains (self->council_types, tally_council_type_to_string (type));
}

void
tally_filter_set_council_type_selected (TallyFilter      *self,
                                        TallyCouncilType  type,
                                        gboolean          selected)
{
  g_return_if_fail (TALLY_IS_FILTER (self));
  g_return_if_fail (type < TALLY_N_COUNCIL_TYPES);

  toggle_in_set (self, &self->council_types, tally_council_type_to_string (type),
                 selected, PROP_COUNCIL_TYPES);
}

gboolean
tally_filter_get_council_selected (TallyFilter *self,
                                   const char  *code)
{
  g_return_val_if_fail (TALLY_IS_FILTER (self), FALSE);
  return _tally_filter_set_contains (self->councils, code);
}

void
tally_filter_set_council_selected (TallyFilter *self,
                                   const char  *code,
                                   gboolean     selected)
{
  g_return_if_fail (TALLY_IS_FILTER (self));
  g_return_if_fail (code != NULL);

  toggle_in_set (self, &self->councils, code, selected, PROP_COUNCILS);
}
