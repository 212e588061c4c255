/* tally-results.c: the results engine.
 *
 * Everything a view shows (control, change against the baseline, vote
 * shares, swing, the state of the parties) comes from here.  Each election
 * is read once, when it is first asked about (the latest when the engine
 * is made), with its baseline, into the flat arrays of
 * tally-results-private.h; a filter change then runs one loop over the
 * councils of the chosen election, in memory, with no SQL: tens of
 * microseconds for the 150 councils of 2018, well under a millisecond for
 * fifty synthetic election cycles (see tests/bench-engine.c).
 *
 * This file answers a filter: the council results of an election against
 * its baseline, the councils that match, and their aggregate.  The arrays
 * are filled by tally-results-load.c and read through tally-results-data.c.
 * Ward-level results are read on request (tally_results_list_wards()): only
 * the council page needs them.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "tally-catalog.h"
#include "tally-council.h"
#include "tally-council-result.h"
#include "tally-election.h"
#include "tally-filter-private.h"
#include "tally-party.h"
#include "tally-party-ranking.h"
#include "tally-results.h"
#include "tally-results-private.h"
#include "tally-scope-summary-private.h"
#include "tally-ward-result-private.h"

/* The council results of one election against one baseline, made on first
 * request and kept: views hold on to them. */
typedef struct
{
  GPtrArray         *by_council;   /* [council]: TallyCouncilResult, or NULL */
  GListStore        *all;          /* the same, without the NULLs, by name */
  TallyPartyRanking *ranking[2];   /* [group_minor], made when first asked for */
} Pair;

struct _TallyResults
{
  GObject            parent_instance;

  TallyCatalog      *catalog;
  TallyResultsData  *data;
  GHashTable        *pairs;      /* key → Pair */

  TallyFilter       *filter;
  TallyScopeSummary *summary;
  GListStore        *matching;

  GHashTable        *summaries;  /* summary_key() → TallyScopeSummary */
};

/* Summaries already made, kept for the same question: on results night
 * the window, the filter panel and the live bar each ask one per reload,
 * and the reload's thread asks them first (tally_results_summarize() on a
 * filter of its own).  A few are enough; the table starts again past it. */
#define N_SUMMARIES_KEPT 8

G_DEFINE_FINAL_TYPE (TallyResults, tally_results, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_CATALOG,
  PROP_FILTER,
  PROP_SUMMARY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Council results per election and baseline */

static void
pair_free (gpointer mem)
{
  Pair *pair = mem;

  g_clear_pointer (&pair->by_council, g_ptr_array_unref);
  g_clear_object (&pair->all);
  for (guint i = 0; i < G_N_ELEMENTS (pair->ranking); i++)
    g_clear_pointer (&pair->ranking[i], tally_party_ranking_unref);
  g_free (pair);
}

/* Reads @election and @baseline, if not yet read.
 * A file that turns out bad here, after tally_results_new() read its
 * latest election, is reported once and the election shows as empty;
 * tally_results_prepare() gives the error instead. */
static void
ensure (TallyResults *self,
        guint         election,
        int           baseline)
{
  g_autoptr(GError) error = NULL;

  if (!_tally_results_data_ensure (self->data, (int) election, baseline, &error))
    g_warning ("%s", error->message);
}

static Pair *
get_pair (TallyResults *self,
          guint         election,
          int           baseline,
          TallyBasis    basis)
{
  TallyResultsData *data = self->data;
  gpointer key = GSIZE_TO_POINTER (((gsize) election * (data->n_elections + 1) + (gsize) (baseline + 1)) * TALLY_N_BASES +
                                   basis + 1);
  Pair *pair;

  if ((pair = g_hash_table_lookup (self->pairs, key)) != NULL)
    return pair;

  ensure (self, election, baseline);

  pair = g_new0 (Pair, 1);
  pair->by_council = g_ptr_array_sized_new (data->n_councils);  /* borrowed from pair->all */
  pair->all = g_list_store_new (TALLY_TYPE_COUNCIL_RESULT);

  for (guint council = 0; council < data->n_councils; council++)
    {
      TallyCouncilResult *result = NULL;

      if (data->held[_tally_ec (data, election, council)])
        {
          result = _tally_council_result_new_for_data (data, election, baseline, council, basis);
          g_list_store_append (pair->all, result);
          g_object_unref (result);  /* the store holds it */
        }
      g_ptr_array_add (pair->by_council, result);
    }

  g_hash_table_insert (self->pairs, key, pair);
  return pair;
}

static gboolean
resolve (TallyResults *self,
         TallyFilter  *filter,
         guint        *election,
         int          *baseline)
{
  TallyResultsData *data = self->data;
  int index;

  if (data->n_elections == 0)
    return FALSE;

  if (filter == NULL || tally_filter_get_election (filter) == NULL)
    index = (int) data->n_elections - 1;
  else if ((index = _tally_results_data_election_index (data, tally_filter_get_election (filter))) < 0)
    return FALSE;

  *election = (guint) index;

  if (filter != NULL && tally_filter_get_baseline (filter) != NULL)
    *baseline = _tally_results_data_election_index (data, tally_filter_get_baseline (filter));
  else
    *baseline = data->baseline[index];

  ensure (self, *election, *baseline);

  return TRUE;
}

/* The one loop every filter change runs: which councils of @election match
 * @filter.  @summary, when given, adds each of them up. */
static guint
match_councils (TallyResults      *self,
                TallyFilter       *filter,
                guint              election,
                Pair              *pair,
                TallyScopeSummary *summary)
{
  TallyResultsData *data = self->data;
  g_autofree gboolean *selected = g_new0 (gboolean, data->n_parties + 1);
  TallyBasis basis = tally_filter_get_basis (filter);
  guint n_matching = 0;

  for (guint party = 0; party < data->n_parties; party++)
    selected[party] = tally_filter_get_party_selected (filter, tally_party_get_key (data->parties[party]));

  for (guint council = 0; council < data->n_councils; council++)
    {
      gsize ec = _tally_ec (data, election, council);
      int before = _tally_results_data_control_before (data, election, council, basis);
      /* Results night: a council still declaring has no control after yet,
       * so it matches no outcome ("gained" waits for its last ward). */
      int after = data->declared[ec] ? data->control[TALLY_STAGE_AFTER][ec] : TALLY_CONTROL_UNKNOWN;

      if (!data->held[ec] ||
          !_tally_filter_match_place (filter, data->councils[council], data->folded_names[council]) ||
          !_tally_filter_match_control (filter, before, after, before >= 0 && selected[before],
                                        after >= 0 && selected[after]))
        continue;

      n_matching++;
      if (summary != NULL)
        _tally_scope_summary_add (summary, council, g_ptr_array_index (pair->by_council, council));
    }

  return n_matching;
}

/* The question @filter asks of @election against @baseline. */
static char *
summary_key (TallyFilter *filter,
             guint        election,
             int          baseline)
{
  g_autofree char *asked = _tally_filter_get_key (filter);

  return g_strdup_printf ("%u\x1e%d\x1e%s", election, baseline, asked);
}

static void
update_summary (TallyResults *self)
{
  g_autoptr(TallyScopeSummary) summary = NULL;
  GListModel *councils;
  guint n_old;

  if (self->filter != NULL)
    summary = tally_results_summarize (self, self->filter);

  n_old = g_list_model_get_n_items (G_LIST_MODEL (self->matching));
  if (summary != NULL)
    {
      g_autofree gpointer *items = NULL;
      guint n_items;

      councils = tally_scope_summary_get_councils (summary);
      n_items = g_list_model_get_n_items (councils);
      items = g_new (gpointer, n_items + 1);
      for (guint i = 0; i < n_items; i++)
        items[i] = g_list_model_get_item (councils, i);

      g_list_store_splice (self->matching, 0, n_old, items, n_items);
      for (guint i = 0; i < n_items; i++)
        g_object_unref (items[i]);
    }
  else
    g_list_store_remove_all (self->matching);

  g_set_object (&self->summary, summary);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SUMMARY]);
}

static void
filter_changed_cb (TallyResults *self,
                   TallyFilter  *filter)
{
  g_assert (TALLY_IS_RESULTS (self));

  update_summary (self);
}

static void
tally_results_dispose (GObject *object)
{
  TallyResults *self = (TallyResults *) object;

  g_clear_object (&self->filter);
  g_clear_object (&self->summary);
  g_clear_object (&self->matching);
  g_clear_pointer (&self->pairs, g_hash_table_unref);
  g_clear_pointer (&self->summaries, g_hash_table_unref);
  g_clear_object (&self->catalog);

  G_OBJECT_CLASS (tally_results_parent_class)->dispose (object);
}

static void
tally_results_finalize (GObject *object)
{
  TallyResults *self = (TallyResults *) object;

  g_clear_pointer (&self->data, _tally_results_data_unref);

  G_OBJECT_CLASS (tally_results_parent_class)->finalize (object);
}

static void
tally_results_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  TallyResults *self = TALLY_RESULTS (object);

  switch (prop_id)
    {
    case PROP_CATALOG:
      g_value_set_object (value, self->catalog);
      break;

    case PROP_FILTER:
      g_value_set_object (value, self->filter);
      break;

    case PROP_SUMMARY:
      g_value_set_object (value, self->summary);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tally_results_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  TallyResults *self = TALLY_RESULTS (object);

  switch (prop_id)
    {
    case PROP_FILTER:
      tally_results_set_filter (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tally_results_class_init (TallyResultsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = tally_results_dispose;
  object_class->finalize = tally_results_finalize;
  object_class->get_property = tally_results_get_property;
  object_class->set_property = tally_results_set_property;

  properties[PROP_CATALOG] =
    g_param_spec_object ("catalog", NULL, NULL, TALLY_TYPE_CATALOG,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  /**
   * TallyResults:filter:
   *
   * The filter the engine follows: on each of its changes the engine
   * recomputes #TallyResults:summary and updates the matching councils.
   */
  properties[PROP_FILTER] =
    g_param_spec_object ("filter", NULL, NULL, TALLY_TYPE_FILTER,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * TallyResults:summary:
   *
   * The summary of #TallyResults:filter's scope, remade (and notified) once
   * per filter change.  Views that need the numbers watch this rather
   * than the filter, so that they never read a stale summary.
   */
  properties[PROP_SUMMARY] =
    g_param_spec_object ("summary", NULL, NULL, TALLY_TYPE_SCOPE_SUMMARY,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
tally_results_init (TallyResults *self)
{
  self->pairs = g_hash_table_new_full (NULL, NULL, NULL, pair_free);
  self->summaries = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  self->matching = g_list_store_new (TALLY_TYPE_COUNCIL_RESULT);
}

/**
 * tally_results_new:
 * @catalog: the catalogue of an open database
 *
 * Reads every result of the database into memory.  Later imports need a
 * new engine.
 *
 * Returns: (transfer full) (nullable): the engine, or %NULL with @error set
 */
TallyResults *
tally_results_new (TallyCatalog  *catalog,
                   GError       **error)
{
  g_autoptr(TallyResults) self = NULL;

  g_return_val_if_fail (TALLY_IS_CATALOG (catalog), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  self = g_object_new (TALLY_TYPE_RESULTS, NULL);
  self->catalog = g_object_ref (catalog);
  if (!(self->data = _tally_results_data_new (catalog, error)))
    return NULL;

  return g_steal_pointer (&self);
}

/**
 * tally_results_get_catalog:
 *
 * Returns: (transfer none): the catalogue the results belong to
 */
TallyCatalog *
tally_results_get_catalog (TallyResults *self)
{
  g_return_val_if_fail (TALLY_IS_RESULTS (self), NULL);
  return self->catalog;
}

/**
 * tally_results_resolve_election:
 * @filter: (nullable): a filter, or %NULL for the defaults
 *
 * Returns: (transfer none) (nullable): the election @filter looks at: its
 *   own, or the latest; %NULL when the database has none
 */
TallyElection *
tally_results_resolve_election (TallyResults *self,
                                TallyFilter  *filter)
{
  guint election;
  int baseline;

  g_return_val_if_fail (TALLY_IS_RESULTS (self), NULL);

  if (!resolve (self, filter, &election, &baseline))
    return NULL;

  return self->data->elections[election];
}

/**
 * tally_results_resolve_baseline:
 * @filter: (nullable): a filter, or %NULL for the defaults
 *
 * Returns: (transfer none) (nullable): the baseline @filter measures change
 *   against: its own, or its election's; %NULL when there is none
 */
TallyElection *
tally_results_resolve_baseline (TallyResults *self,
                                TallyFilter  *filter)
{
  guint election;
  int baseline;

  g_return_val_if_fail (TALLY_IS_RESULTS (self), NULL);

  if (!resolve (self, filter, &election, &baseline) || baseline < 0)
    return NULL;

  return self->data->elections[baseline];
}

/* The council results of @election against @baseline (%NULL: its own), on
 * the followed filter's basis. */
static Pair *
pair_for (TallyResults  *self,
          TallyElection *election,
          TallyElection *baseline)
{
  int e, b;

  g_return_val_if_fail (TALLY_IS_ELECTION (election), NULL);
  g_return_val_if_fail (baseline == NULL || TALLY_IS_ELECTION (baseline), NULL);

  e = _tally_results_data_election_index (self->data, election);
  g_return_val_if_fail (e >= 0, NULL);
  b = baseline ? _tally_results_data_election_index (self->data, baseline) : self->data->baseline[e];

  return get_pair (self, (guint) e, b, tally_results_get_basis (self));
}

/**
 * tally_results_get_council_results:
 * @election: an election of the catalogue
 * @baseline: (nullable): the election to compare with, or %NULL for
 *   @election's own baseline
 *
 * The same objects are returned each time for the same two elections.
 * Their control before the poll and seat changes are on the basis of the
 * followed filter (tally_results_get_basis()).
 *
 * Returns: (transfer none): a #TallyCouncilResult for every council that
 *   voted at @election, by name
 */
GListModel *
tally_results_get_council_results (TallyResults  *self,
                                   TallyElection *election,
                                   TallyElection *baseline)
{
  Pair *pair;

  g_return_val_if_fail (TALLY_IS_RESULTS (self), NULL);

  pair = pair_for (self, election, baseline);
  return pair != NULL ? G_LIST_MODEL (pair->all) : NULL;
}

/**
 * tally_results_get_ranking:
 * @election: an election of the catalogue
 * @baseline: (nullable): as for tally_results_get_council_results()
 * @group_minor: as for tally_party_ranking_new_full()
 *
 * The parties in results order over every council of @election, made once
 * per engine and kept: the window, its filter panel and a reload on
 * results night (which makes it on its own thread, with the engine) ask
 * for the same ranking, and ranking every party over every council is a
 * few milliseconds.
 *
 * Returns: (transfer none): the ranking
 */
TallyPartyRanking *
tally_results_get_ranking (TallyResults  *self,
                           TallyElection *election,
                           TallyElection *baseline,
                           gboolean       group_minor)
{
  Pair *pair;

  g_return_val_if_fail (TALLY_IS_RESULTS (self), NULL);

  if ((pair = pair_for (self, election, baseline)) == NULL)
    return NULL;
  if (pair->ranking[group_minor != FALSE] == NULL)
    pair->ranking[group_minor != FALSE] = tally_party_ranking_new_full (tally_catalog_get_parties (self->catalog),
                                                                        G_LIST_MODEL (pair->all), group_minor);
  return pair->ranking[group_minor != FALSE];
}

/**
 * tally_results_lookup:
 * @baseline: (nullable): as for tally_results_get_council_results()
 *
 * Returns: (transfer none) (nullable): @council's result at @election, or
 *   %NULL when it did not vote then
 */
TallyCouncilResult *
tally_results_lookup (TallyResults  *self,
                      TallyElection *election,
                      TallyElection *baseline,
                      TallyCouncil  *council)
{
  int e, b;

  g_return_val_if_fail (TALLY_IS_RESULTS (self), NULL);
  g_return_val_if_fail (TALLY_IS_ELECTION (election), NULL);
  g_return_val_if_fail (TALLY_IS_COUNCIL (council), NULL);

  if ((e = _tally_results_data_election_index (self->data, election)) < 0)
    return NULL;
  b = baseline ? _tally_results_data_election_index (self->data, baseline) : self->data->baseline[e];

  for (guint i = 0; i < self->data->n_councils; i++)
    if (self->data->councils[i] == council ||
        tally_council_get_id (self->data->councils[i]) == tally_council_get_id (council))
      return g_ptr_array_index (get_pair (self, (guint) e, b, tally_results_get_basis (self))->by_council, i);

  return NULL;
}

/**
 * tally_results_summarize:
 * @filter: what to look at
 *
 * Computes, from memory, everything about the councils @filter matches:
 * the councils themselves, the state of the parties, vote shares and swing.
 *
 * Returns: (transfer full) (nullable): the summary, or %NULL when the
 *   filter's election is not in the database
 */
TallyScopeSummary *
tally_results_summarize (TallyResults *self,
                         TallyFilter  *filter)
{
  g_autoptr(TallyScopeSummary) summary = NULL;
  g_autofree char *key = NULL;
  TallyScopeSummary *kept;
  guint election;
  int baseline;
  Pair *pair;

  g_return_val_if_fail (TALLY_IS_RESULTS (self), NULL);
  g_return_val_if_fail (TALLY_IS_FILTER (filter), NULL);

  if (!resolve (self, filter, &election, &baseline))
    return NULL;

  key = summary_key (filter, election, baseline);
  if ((kept = g_hash_table_lookup (self->summaries, key)) != NULL)
    return g_object_ref (kept);

  pair = get_pair (self, election, baseline, tally_filter_get_basis (filter));
  summary = _tally_scope_summary_new (self->data, election, baseline, tally_filter_get_basis (filter));
  match_councils (self, filter, election, pair, summary);
  _tally_scope_summary_finish (summary);

  if (g_hash_table_size (self->summaries) >= N_SUMMARIES_KEPT)
    g_hash_table_remove_all (self->summaries);
  g_hash_table_insert (self->summaries, g_steal_pointer (&key), g_object_ref (summary));

  return g_steal_pointer (&summary);
}

/**
 * tally_results_count_matching:
 *
 * Cheaper than a summary: what a filter panel shows beside each choice,
 * with a copy of the filter (tally_filter_copy()) that makes it.
 *
 * Returns: how many councils @filter matches
 */
guint
tally_results_count_matching (TallyResults *self,
                              TallyFilter  *filter)
{
  g_autofree char *key = NULL;
  TallyScopeSummary *summary;
  guint election;
  int baseline;

  g_return_val_if_fail (TALLY_IS_RESULTS (self), 0);
  g_return_val_if_fail (TALLY_IS_FILTER (filter), 0);

  if (!resolve (self, filter, &election, &baseline))
    return 0;

  key = summary_key (filter, election, baseline);
  if ((summary = g_hash_table_lookup (self->summaries, key)) != NULL)
    return tally_scope_summary_get_n_councils (summary);

  return match_councils (self, filter, election, NULL, NULL);
}

/**
 * tally_results_prepare:
 * @filter: what will be asked
 *
 * Reads from the database what @filter's election and baseline need, if
 * that is not read yet.  The engine reads each election when it is first
 * asked about; this gives the error, for a command that must stop with it
 * (a bad value in an older election of a file from elsewhere).
 *
 * Returns: %FALSE with @error set if the file could not be read
 */
gboolean
tally_results_prepare (TallyResults  *self,
                       TallyFilter   *filter,
                       GError       **error)
{
  TallyResultsData *data;
  int election, baseline;

  g_return_val_if_fail (TALLY_IS_RESULTS (self), FALSE);
  g_return_val_if_fail (TALLY_IS_FILTER (filter), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  data = self->data;
  if (data->n_elections == 0)
    return TRUE;

  election = tally_filter_get_election (filter) ? _tally_results_data_election_index (data, tally_filter_get_election (filter))
                                                : (int) data->n_elections - 1;
  if (election < 0)
    return TRUE;  /* an election of another file: nothing to read */
  baseline = tally_filter_get_baseline (filter) ? _tally_results_data_election_index (data, tally_filter_get_baseline (filter))
                                                : data->baseline[election];

  return _tally_results_data_ensure (data, election, baseline, error);
}

/**
 * tally_results_get_basis:
 *
 * Returns: the basis of the followed filter, or %TALLY_BASIS_SERVICES
 *   without one: what the council results of
 *   tally_results_get_council_results() and tally_results_lookup() measure
 *   change against
 */
TallyBasis
tally_results_get_basis (TallyResults *self)
{
  g_return_val_if_fail (TALLY_IS_RESULTS (self), TALLY_BASIS_SERVICES);

  return self->filter != NULL ? tally_filter_get_basis (self->filter) : TALLY_BASIS_SERVICES;
}

/**
 * tally_results_get_filter:
 *
 * Returns: (transfer none) (nullable): the filter the engine follows
 */
TallyFilter *
tally_results_get_filter (TallyResults *self)
{
  g_return_val_if_fail (TALLY_IS_RESULTS (self), NULL);
  return self->filter;
}

/**
 * tally_results_set_filter:
 * @filter: (nullable): the filter to follow
 *
 * From now on each #TallyFilter::changed of @filter recomputes
 * #TallyResults:summary and the list of matching councils, once, for
 * every view.
 */
void
tally_results_set_filter (TallyResults *self,
                          TallyFilter  *filter)
{
  g_return_if_fail (TALLY_IS_RESULTS (self));
  g_return_if_fail (filter == NULL || TALLY_IS_FILTER (filter));

  if (self->filter == filter)
    return;

  if (self->filter != NULL)
    g_signal_handlers_disconnect_by_func (self->filter, filter_changed_cb, self);

  g_set_object (&self->filter, filter);

  if (filter != NULL)
    g_signal_connect_object (filter, "changed", G_CALLBACK (filter_changed_cb), self, G_CONNECT_SWAPPED);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FILTER]);
  update_summary (self);
}

/**
 * tally_results_set_declared:
 * @election: the election being declared
 * @declared: (element-type TallyCouncil): a set of the councils that have
 *   fully declared at @election
 *
 * Results night: from now on only the councils in @declared count as
 * declared at @election, whatever the declarations table says, so that the
 * state of the parties reads "after N of M councils" as the night stands
 * (or stood, at an earlier moment of a timeline).  A partly declared
 * council stays in the list and out of the totals until its last ward.
 * Recomputes #TallyResults:summary when anything changed.
 */
void
tally_results_set_declared (TallyResults  *self,
                            TallyElection *election,
                            GHashTable    *declared)
{
  TallyResultsData *data;
  gboolean changed = FALSE;
  int e;

  g_return_if_fail (TALLY_IS_RESULTS (self));
  g_return_if_fail (TALLY_IS_ELECTION (election));
  g_return_if_fail (declared != NULL);

  data = self->data;
  if ((e = _tally_results_data_election_index (data, election)) < 0)
    return;

  changed = !data->declarations_known[e];
  data->declarations_known[e] = TRUE;
  for (guint council = 0; changed && council < data->n_councils; council++)
    _tally_results_data_forget_digest (data, council);
  for (guint council = 0; council < data->n_councils; council++)
    {
      guint8 now = g_hash_table_contains (declared, data->councils[council]);
      gsize ec = _tally_ec (data, (guint) e, council);

      if (data->declared[ec] != now)
        {
          changed = TRUE;
          _tally_results_data_forget_digest (data, council);
        }
      data->declared[ec] = now;
    }

  if (changed)
    {
      g_hash_table_remove_all (self->summaries);
      update_summary (self);
    }
}

/**
 * tally_results_get_summary:
 *
 * Returns: (transfer none) (nullable): the summary of the followed filter
 */
TallyScopeSummary *
tally_results_get_summary (TallyResults *self)
{
  g_return_val_if_fail (TALLY_IS_RESULTS (self), NULL);
  return self->summary;
}

/**
 * tally_results_get_matching:
 *
 * One model for the life of the engine, for a council list to show: its
 * items are replaced (one items-changed) on each change of the followed
 * filter.
 *
 * Returns: (transfer none): the #TallyCouncilResult of each council the
 *   followed filter matches, by name
 */
GListModel *
tally_results_get_matching (TallyResults *self)
{
  g_return_val_if_fail (TALLY_IS_RESULTS (self), NULL);
  return G_LIST_MODEL (self->matching);
}

/**
 * tally_results_list_wards:
 * @result: a council result from this engine
 *
 * Reads the council's ward contests at the result's election, with every
 * candidate, and the same wards at its baseline where they match.  This
 * runs SQL: call it when a council page opens, not on every filter change.
 *
 * Returns: (transfer full) (nullable): a #TallyWardResult per contest, by
 *   ward name (empty without candidate data), or %NULL with @error set
 */
GListModel *
tally_results_list_wards (TallyResults        *self,
                          TallyCouncilResult  *result,
                          GError             **error)
{
  TallyElection *baseline;

  g_return_val_if_fail (TALLY_IS_RESULTS (self), NULL);
  g_return_val_if_fail (TALLY_IS_COUNCIL_RESULT (result), NULL);

  baseline = tally_council_result_get_baseline (result);
  return _tally_ward_results_load (self->data, tally_catalog_get_database (self->catalog),
                                   tally_council_result_get_council (result),
                                   tally_council_result_get_election (result), baseline, error);
}
