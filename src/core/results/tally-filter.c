/* tally-filter.c: the one filter every view observes.
 *
 * The filter holds only what the user chose: an election and its baseline,
 * and sets of parties, regions, council types, councils and outcomes, plus a
 * search text.  An empty set means "no restriction".  It knows nothing of
 * results; the engine (tally-results.c) asks it, council by council, through
 * tally-filter-private.h, so that tally_filter_matches() and the engine's
 * own loop give the same answer.
 *
 * One user action is one `changed` signal: a setter that changes nothing
 * emits nothing, and tally_filter_freeze() / tally_filter_thaw() fold several
 * changes (a "clear all", a restored session) into one.
 *
 * What the party and outcome sets mean together:
 *  - with no parties chosen, the outcomes are the council's own: a gain from
 *    another party is both a gain and a loss;
 *  - with parties chosen, a council matches when one of them controlled it
 *    before or after, and the outcomes are theirs: parties {LD} with outcome
 *    GAIN is "gained by the Liberal Democrats"; {CON} with LOSS is "lost by
 *    the Conservatives", to no overall control or to anyone else.  Councils
 *    under no overall control both times involve no party: they match
 *    whenever NOC_HOLD is among the outcomes.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "tally-council.h"
#include "tally-council-result.h"
#include "tally-election.h"
#include "tally-filter-private.h"
#include "tally-party.h"

struct _TallyFilter
{
  GObject            parent_instance;

  TallyElection     *election;
  TallyElection     *baseline;
  char             **parties;        /* sorted, no duplicates, never NULL */
  char             **regions;
  char             **council_types;
  char             **councils;
  char              *search_text;
  char              *folded_search;  /* NULL when there is nothing to search */
  TallyOutcomeFlags  outcomes;
  TallyBasis         basis;

  guint64            serial;
  guint              freeze_count;
  guint              pending : 1;
  guint              was_empty : 1;
};

G_DEFINE_FINAL_TYPE (TallyFilter, tally_filter, G_TYPE_OBJECT)

G_DEFINE_FLAGS_TYPE (TallyOutcomeFlags, tally_outcome_flags,
                     G_DEFINE_ENUM_VALUE (TALLY_OUTCOME_FLAG_NONE, "none"),
                     G_DEFINE_ENUM_VALUE (TALLY_OUTCOME_FLAG_GAIN, "gain"),
                     G_DEFINE_ENUM_VALUE (TALLY_OUTCOME_FLAG_LOSS, "loss"),
                     G_DEFINE_ENUM_VALUE (TALLY_OUTCOME_FLAG_HOLD, "hold"),
                     G_DEFINE_ENUM_VALUE (TALLY_OUTCOME_FLAG_NOC_HOLD, "noc-hold"))

enum {
  PROP_0,
  PROP_ELECTION,
  PROP_BASELINE,
  PROP_PARTIES,
  PROP_REGIONS,
  PROP_COUNCIL_TYPES,
  PROP_COUNCILS,
  PROP_OUTCOMES,
  PROP_SEARCH_TEXT,
  PROP_BASIS,
  PROP_EMPTY,
  N_PROPS
};

enum {
  CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

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

static gboolean
set_contains (char       **set,
              const char  *item)
{
  return item != NULL && g_strv_contains ((const char * const *) set, item);
}

static gboolean
compute_empty (TallyFilter *self)
{
  return self->parties[0] == NULL && self->regions[0] == NULL &&
         self->council_types[0] == NULL && self->councils[0] == NULL &&
         self->outcomes == TALLY_OUTCOME_FLAG_NONE && self->folded_search == NULL;
}

static void
emit_changed (TallyFilter *self)
{
  gboolean empty = compute_empty (self);

  self->pending = FALSE;
  self->serial++;

  if (empty != self->was_empty)
    {
      self->was_empty = empty;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EMPTY]);
    }

  g_signal_emit (self, signals[CHANGED], 0);
}

/* Called by every setter once it has changed something. */
static void
field_changed (TallyFilter *self,
               guint        prop_id)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop_id]);
  self->pending = TRUE;

  if (self->freeze_count == 0)
    emit_changed (self);
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
  field_changed (self, prop_id);
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

  if (set_contains (*field, item) == !!selected)
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

static void
tally_filter_dispose (GObject *object)
{
  TallyFilter *self = (TallyFilter *) object;

  g_clear_object (&self->election);
  g_clear_object (&self->baseline);

  G_OBJECT_CLASS (tally_filter_parent_class)->dispose (object);
}

static void
tally_filter_finalize (GObject *object)
{
  TallyFilter *self = (TallyFilter *) object;

  g_clear_pointer (&self->parties, g_strfreev);
  g_clear_pointer (&self->regions, g_strfreev);
  g_clear_pointer (&self->council_types, g_strfreev);
  g_clear_pointer (&self->councils, g_strfreev);
  g_clear_pointer (&self->search_text, g_free);
  g_clear_pointer (&self->folded_search, g_free);

  G_OBJECT_CLASS (tally_filter_parent_class)->finalize (object);
}

static void
tally_filter_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  TallyFilter *self = TALLY_FILTER (object);

  switch (prop_id)
    {
    case PROP_ELECTION:
      g_value_set_object (value, self->election);
      break;

    case PROP_BASELINE:
      g_value_set_object (value, self->baseline);
      break;

    case PROP_PARTIES:
      g_value_set_boxed (value, self->parties);
      break;

    case PROP_REGIONS:
      g_value_set_boxed (value, self->regions);
      break;

    case PROP_COUNCIL_TYPES:
      g_value_set_boxed (value, self->council_types);
      break;

    case PROP_COUNCILS:
      g_value_set_boxed (value, self->councils);
      break;

    case PROP_OUTCOMES:
      g_value_set_flags (value, self->outcomes);
      break;

    case PROP_SEARCH_TEXT:
      g_value_set_string (value, self->search_text);
      break;

    case PROP_BASIS:
      g_value_set_enum (value, self->basis);
      break;

    case PROP_EMPTY:
      g_value_set_boolean (value, compute_empty (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tally_filter_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  TallyFilter *self = TALLY_FILTER (object);

  switch (prop_id)
    {
    case PROP_ELECTION:
      tally_filter_set_election (self, g_value_get_object (value));
      break;

    case PROP_BASELINE:
      tally_filter_set_baseline (self, g_value_get_object (value));
      break;

    case PROP_BASIS:
      tally_filter_set_basis (self, g_value_get_enum (value));
      break;

    case PROP_PARTIES:
      tally_filter_set_parties (self, g_value_get_boxed (value));
      break;

    case PROP_REGIONS:
      tally_filter_set_regions (self, g_value_get_boxed (value));
      break;

    case PROP_COUNCIL_TYPES:
      tally_filter_set_council_types (self, g_value_get_boxed (value));
      break;

    case PROP_COUNCILS:
      tally_filter_set_councils (self, g_value_get_boxed (value));
      break;

    case PROP_OUTCOMES:
      tally_filter_set_outcomes (self, g_value_get_flags (value));
      break;

    case PROP_SEARCH_TEXT:
      tally_filter_set_search_text (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tally_filter_class_init (TallyFilterClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = tally_filter_dispose;
  object_class->finalize = tally_filter_finalize;
  object_class->get_property = tally_filter_get_property;
  object_class->set_property = tally_filter_set_property;

  /**
   * TallyFilter:election:
   *
   * The election looked at; %NULL for the latest one.
   */
  properties[PROP_ELECTION] =
    g_param_spec_object ("election", NULL, NULL, TALLY_TYPE_ELECTION,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * TallyFilter:baseline:
   *
   * The election changes are measured against; %NULL for the election's
   * own baseline (the last time the same seats were fought).
   */
  properties[PROP_BASELINE] =
    g_param_spec_object ("baseline", NULL, NULL, TALLY_TYPE_ELECTION,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * TallyFilter:parties:
   *
   * Party keys ("CON", "LD"); empty for every party.
   */
  properties[PROP_PARTIES] =
    g_param_spec_boxed ("parties", NULL, NULL, G_TYPE_STRV,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * TallyFilter:regions:
   *
   * Region names as the councils table spells them ("London"); empty for
   * every region.
   */
  properties[PROP_REGIONS] =
    g_param_spec_boxed ("regions", NULL, NULL, G_TYPE_STRV,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * TallyFilter:council-types:
   *
   * Council type keys ("london_borough", "district"); empty for every type.
   */
  properties[PROP_COUNCIL_TYPES] =
    g_param_spec_boxed ("council-types", NULL, NULL, G_TYPE_STRV,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * TallyFilter:councils:
   *
   * ONS council codes; empty for every council.
   */
  properties[PROP_COUNCILS] =
    g_param_spec_boxed ("councils", NULL, NULL, G_TYPE_STRV,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * TallyFilter:outcomes:
   *
   * The outcomes wanted; none for any outcome.  See the top of
   * tally-filter.c for how they combine with #TallyFilter:parties.
   */
  properties[PROP_OUTCOMES] =
    g_param_spec_flags ("outcomes", NULL, NULL, TALLY_TYPE_OUTCOME_FLAGS, TALLY_OUTCOME_FLAG_NONE,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * TallyFilter:search-text:
   *
   * Part of a council's name or code, in any case; %NULL or "" for none.
   */
  properties[PROP_SEARCH_TEXT] =
    g_param_spec_string ("search-text", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * TallyFilter:basis:
   *
   * What change is measured against (#TallyBasis); results services by
   * default.  Like the election it changes the figures, not the councils
   * matched, so it is not part of #TallyFilter:empty.
   */
  properties[PROP_BASIS] =
    g_param_spec_enum ("basis", NULL, NULL, TALLY_TYPE_BASIS, TALLY_BASIS_SERVICES,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * TallyFilter:empty:
   *
   * Whether nothing restricts the councils (election and baseline aside):
   * what a "Clear" button's sensitivity follows.
   */
  properties[PROP_EMPTY] =
    g_param_spec_boolean ("empty", NULL, NULL, TRUE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * TallyFilter::changed:
   *
   * Emitted once per user action that changed the filter, after the
   * property notifications of that action.
   */
  signals[CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
tally_filter_init (TallyFilter *self)
{
  self->parties = g_new0 (char *, 1);
  self->regions = g_new0 (char *, 1);
  self->council_types = g_new0 (char *, 1);
  self->councils = g_new0 (char *, 1);
  self->was_empty = TRUE;
}

/**
 * tally_filter_new:
 *
 * Returns: (transfer full): a filter that lets every council of the latest
 *   election through
 */
TallyFilter *
tally_filter_new (void)
{
  return g_object_new (TALLY_TYPE_FILTER, NULL);
}

/**
 * tally_filter_copy:
 *
 * Useful to count what a choice would match without changing the filter
 * everyone observes.
 *
 * Returns: (transfer full): a new filter with the same choices
 */
TallyFilter *
tally_filter_copy (TallyFilter *self)
{
  TallyFilter *copy;

  g_return_val_if_fail (TALLY_IS_FILTER (self), NULL);

  copy = tally_filter_new ();
  g_set_object (&copy->election, self->election);
  g_set_object (&copy->baseline, self->baseline);
  g_strfreev (copy->parties);
  copy->parties = g_strdupv (self->parties);
  g_strfreev (copy->regions);
  copy->regions = g_strdupv (self->regions);
  g_strfreev (copy->council_types);
  copy->council_types = g_strdupv (self->council_types);
  g_strfreev (copy->councils);
  copy->councils = g_strdupv (self->councils);
  copy->search_text = g_strdup (self->search_text);
  copy->folded_search = g_strdup (self->folded_search);
  copy->outcomes = self->outcomes;
  copy->basis = self->basis;
  copy->was_empty = compute_empty (copy);

  return copy;
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
    field_changed (self, PROP_ELECTION);
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
    field_changed (self, PROP_BASELINE);
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
  field_changed (self, PROP_BASIS);
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
  field_changed (self, PROP_OUTCOMES);
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
  field_changed (self, PROP_SEARCH_TEXT);
}

gboolean
tally_filter_get_party_selected (TallyFilter *self,
                                 const char  *key)
{
  g_return_val_if_fail (TALLY_IS_FILTER (self), FALSE);
  return set_contains (self->parties, key);
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
  return set_contains (self->regions, region);
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

  return set_contains (self->council_types, tally_council_type_to_string (type));
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
  return set_contains (self->councils, code);
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

/**
 * tally_filter_is_empty:
 *
 * Returns: whether every council of the election passes (the election and
 *   baseline are not restrictions)
 */
gboolean
tally_filter_is_empty (TallyFilter *self)
{
  g_return_val_if_fail (TALLY_IS_FILTER (self), TRUE);
  return compute_empty (self);
}

/**
 * tally_filter_clear:
 *
 * Takes every restriction away in one change ("Clear all"), keeping the
 * election and baseline.
 */
void
tally_filter_clear (TallyFilter *self)
{
  g_return_if_fail (TALLY_IS_FILTER (self));

  tally_filter_freeze (self);
  tally_filter_set_parties (self, NULL);
  tally_filter_set_regions (self, NULL);
  tally_filter_set_council_types (self, NULL);
  tally_filter_set_councils (self, NULL);
  tally_filter_set_outcomes (self, TALLY_OUTCOME_FLAG_NONE);
  tally_filter_set_search_text (self, NULL);
  tally_filter_thaw (self);
}

/**
 * tally_filter_freeze:
 *
 * Holds back #TallyFilter::changed (and property notifications) until the
 * matching tally_filter_thaw(), so that several changes made for one user
 * action are seen as one.  Calls nest.
 */
void
tally_filter_freeze (TallyFilter *self)
{
  g_return_if_fail (TALLY_IS_FILTER (self));

  if (self->freeze_count++ == 0)
    g_object_freeze_notify (G_OBJECT (self));
}

/**
 * tally_filter_thaw:
 *
 * Emits #TallyFilter::changed once if anything changed since the outermost
 * tally_filter_freeze(), and nothing otherwise.
 */
void
tally_filter_thaw (TallyFilter *self)
{
  g_return_if_fail (TALLY_IS_FILTER (self));
  g_return_if_fail (self->freeze_count > 0);

  if (--self->freeze_count > 0)
    return;

  g_object_thaw_notify (G_OBJECT (self));
  if (self->pending)
    emit_changed (self);
}

/**
 * tally_filter_get_serial:
 *
 * Returns: a number that grows by one at each #TallyFilter::changed, for
 *   caches keyed on the filter's state
 */
guint64
tally_filter_get_serial (TallyFilter *self)
{
  g_return_val_if_fail (TALLY_IS_FILTER (self), 0);
  return self->serial;
}

/**
 * tally_filter_matches:
 * @result: one council's result, from tally_catalog_load_results() or the
 *   results engine
 *
 * Gives the same answer as the engine's own loop, for a #GtkCustomFilter or
 * a test.
 *
 * Returns: whether @result passes the filter
 */
gboolean
tally_filter_matches (TallyFilter        *self,
                      TallyCouncilResult *result)
{
  TallyCouncil *council;
  TallyElection *election;
  TallyParty *before, *after;
  g_autofree char *folded_name = NULL;
  int control_before = TALLY_CONTROL_UNKNOWN, control_after = TALLY_CONTROL_UNKNOWN;
  gboolean before_selected, after_selected;

  g_return_val_if_fail (TALLY_IS_FILTER (self), FALSE);
  g_return_val_if_fail (TALLY_IS_COUNCIL_RESULT (result), FALSE);

  election = tally_council_result_get_election (result);
  if (self->election != NULL && tally_election_get_id (self->election) != tally_election_get_id (election))
    return FALSE;

  council = tally_council_result_get_council (result);
  if (self->folded_search != NULL)
    folded_name = _tally_filter_fold_name (tally_council_get_name (council));
  if (!_tally_filter_match_place (self, council, folded_name))
    return FALSE;

  /* Control is compared by identity only: 0 is the party before, 1 another. */
  before = tally_council_result_get_control (result, TALLY_STAGE_BEFORE);
  after = tally_council_result_get_control (result, TALLY_STAGE_AFTER);
  if (tally_council_result_get_total_seats (result, TALLY_STAGE_BEFORE) > 0)
    control_before = before != NULL ? 0 : TALLY_NO_CONTROL;
  if (tally_council_result_get_total_seats (result, TALLY_STAGE_AFTER) > 0)
    control_after = after == NULL ? TALLY_NO_CONTROL : (after == before ? 0 : 1);

  before_selected = before != NULL && set_contains (self->parties, tally_party_get_key (before));
  after_selected = after != NULL && set_contains (self->parties, tally_party_get_key (after));

  return _tally_filter_match_control (self, control_before, control_after, before_selected, after_selected);
}

/* Private API, for the engine. */

/* Case-insensitive, for searching: "Kingston upon Hull, City of" and
 * "kingston" meet. */
char *
_tally_filter_fold_name (const char *name)
{
  g_autofree char *normalized = g_utf8_normalize (name, -1, G_NORMALIZE_DEFAULT);

  return g_utf8_casefold (normalized ? normalized : name, -1);
}

gboolean
_tally_filter_has_parties (TallyFilter *self)
{
  g_assert (TALLY_IS_FILTER (self));

  return self->parties[0] != NULL;
}

/* Region, type, council and search: everything that does not depend on
 * the results.  @folded_name may be NULL when there is no search text. */
gboolean
_tally_filter_match_place (TallyFilter  *self,
                           TallyCouncil *council,
                           const char   *folded_name)
{
  g_assert (TALLY_IS_FILTER (self));

  if (self->regions[0] != NULL && !set_contains (self->regions, tally_council_get_region (council)))
    return FALSE;

  if (self->council_types[0] != NULL &&
      !set_contains (self->council_types,
                     tally_council_type_to_string (tally_council_get_council_type (council))))
    return FALSE;

  if (self->councils[0] != NULL && !set_contains (self->councils, tally_council_get_code (council)))
    return FALSE;

  if (self->folded_search != NULL)
    {
      const char *code = tally_council_get_code (council);

      if (folded_name == NULL || strstr (folded_name, self->folded_search) == NULL)
        if (g_ascii_strncasecmp (code, self->search_text, strlen (self->search_text)) != 0)
          return FALSE;
    }

  return TRUE;
}

/* Parties and outcomes.  @control_before and @control_after are compared
 * only with each other and with TALLY_NO_CONTROL / TALLY_CONTROL_UNKNOWN;
 * @before_selected says whether the party in control before is one of the
 * filter's parties, @after_selected the same after. */
gboolean
_tally_filter_match_control (TallyFilter *self,
                             int          control_before,
                             int          control_after,
                             gboolean     before_selected,
                             gboolean     after_selected)
{
  TallyOutcome outcome = tally_rules_outcome (control_before, control_after);
  TallyOutcomeFlags flags = TALLY_OUTCOME_FLAG_NONE;

  g_assert (TALLY_IS_FILTER (self));

  if (self->parties[0] == NULL)
    {
      if (self->outcomes == TALLY_OUTCOME_FLAG_NONE)
        return TRUE;

      switch (outcome)
        {
        case TALLY_OUTCOME_HOLD:
          flags = TALLY_OUTCOME_FLAG_HOLD;
          break;
        case TALLY_OUTCOME_GAIN:
          /* A gain from another party is that party's loss. */
          flags = TALLY_OUTCOME_FLAG_GAIN |
                  (control_before >= 0 ? TALLY_OUTCOME_FLAG_LOSS : TALLY_OUTCOME_FLAG_NONE);
          break;
        case TALLY_OUTCOME_LOSS:
          flags = TALLY_OUTCOME_FLAG_LOSS;
          break;
        case TALLY_OUTCOME_NOC_HOLD:
          flags = TALLY_OUTCOME_FLAG_NOC_HOLD;
          break;
        case TALLY_OUTCOME_UNKNOWN:
        default:
          break;
        }

      return (flags & self->outcomes) != 0;
    }

  if (before_selected)
    flags |= tally_rules_party_outcome (control_before, control_after, control_before);
  if (after_selected)
    flags |= tally_rules_party_outcome (control_before, control_after, control_after);

  if (self->outcomes == TALLY_OUTCOME_FLAG_NONE)
    return flags != TALLY_OUTCOME_FLAG_NONE;

  if (outcome == TALLY_OUTCOME_NOC_HOLD && (self->outcomes & TALLY_OUTCOME_FLAG_NOC_HOLD))
    return TRUE;

  return (flags & self->outcomes) != 0;
}
