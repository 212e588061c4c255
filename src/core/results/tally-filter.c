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
 *    under no overall control both times were run by none of the parties,
 *    so they never match a party choice, whatever the outcomes: a section
 *    only ever narrows what the others match, and each count in the panel
 *    is at most the list's.
 *
 * This file is the object: its properties, the `changed` signal, freezing,
 * copying and clearing.  The setters and getters of each choice are in
 * tally-filter-choices.c, matching in tally-filter-match.c.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "tally-election.h"
#include "tally-filter-private.h"
#include "tally-filter-state-private.h"

G_DEFINE_FINAL_TYPE (TallyFilter, tally_filter, G_TYPE_OBJECT)

G_DEFINE_FLAGS_TYPE (TallyOutcomeFlags, tally_outcome_flags,
                     G_DEFINE_ENUM_VALUE (TALLY_OUTCOME_FLAG_NONE, "none"),
                     G_DEFINE_ENUM_VALUE (TALLY_OUTCOME_FLAG_GAIN, "gain"),
                     G_DEFINE_ENUM_VALUE (TALLY_OUTCOME_FLAG_LOSS, "loss"),
                     G_DEFINE_ENUM_VALUE (TALLY_OUTCOME_FLAG_HOLD, "hold"),
                     G_DEFINE_ENUM_VALUE (TALLY_OUTCOME_FLAG_NOC_HOLD, "noc-hold"))

enum {
  CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

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
void
_tally_filter_field_changed (TallyFilter *self,
                             guint        prop_id)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop_id]);
  self->pending = TRUE;

  if (self->freeze_count == 0)
    emit_changed (self);
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

static void
append_strv (GString     *key,
             const char **strv)
{
  for (guint i = 0; strv[i] != NULL; i++)
    {
      g_string_append (key, strv[i]);
      g_string_append_c (key, '\x1f');
    }
  g_string_append_c (key, '\x1e');
}

/*
 * _tally_filter_get_key:
 *
 * What @self asks the engine, as a string: two filters have the same key
 * exactly when they match the same councils the same way, their election
 * and baseline aside (the engine adds those, resolved, itself).  The lists
 * are kept sorted and without duplicates, so the order of choosing does
 * not matter.
 *
 * Returns: (transfer full): the key
 */
char *
_tally_filter_get_key (TallyFilter *self)
{
  GString *key = g_string_new (NULL);

  g_return_val_if_fail (TALLY_IS_FILTER (self), NULL);

  g_string_append_printf (key, "%d\x1e%u\x1e", (int) self->basis, (guint) self->outcomes);
  append_strv (key, (const char **) self->parties);
  append_strv (key, (const char **) self->regions);
  append_strv (key, (const char **) self->council_types);
  append_strv (key, (const char **) self->councils);
  if (self->folded_search != NULL)
    g_string_append (key, self->folded_search);

  return g_string_free (key, FALSE);
}
