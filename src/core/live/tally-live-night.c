/* tally-live-night.c: the state of results night, reloading only what changed.
 *
 * The night is made from what is known before the count
 * (tally-live-night-load.c).  A refresh then reads only the contests
 * written since the last one it saw (contest ids only grow), and counts
 * every declaration again in memory: a few thousand contests, well under a
 * millisecond (tests/bench-live.c).  When contests were replaced or taken
 * away (an import of the same ward again), the count of contests tells, and
 * the night reads them all again.
 *
 * A council counts as fully declared once every contest it was expected to
 * declare is in, or, when the database does not list them, once its
 * declared seats reach its seats up.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "tally-catalog.h"
#include "tally-council.h"
#include "tally-election.h"
#include "tally-live-night-private.h"
#include "tally-results.h"
#include "tally-party.h"

G_DEFINE_FINAL_TYPE (TallyLiveNight, tally_live_night, G_TYPE_OBJECT)

static void
count_contest (TallyLiveNight *self,
               const Contest  *contest)
{
  TallyLiveCouncil *live = g_ptr_array_index (self->council_array, contest->council);
  const guint *winners = &g_array_index (self->winners, guint, contest->first_winner);
  BaselineWard *then = NULL;

  live->wards_declared++;
  live->seats_declared += contest->seats;
  for (guint i = 0; i < contest->n_winners; i++)
    live->won[winners[i]]++;

  if (contest->declared_at != G_MININT64 &&
      (live->last_declared_at == G_MININT64 || contest->declared_at > live->last_declared_at))
    live->last_declared_at = contest->declared_at;

  if (!contest->by_election)
    then = g_hash_table_lookup (self->baseline_wards, &contest->ward_id);

  if (then == NULL || then->seats != contest->seats)
    return;

  live->seats_compared += contest->seats;
  for (guint i = 0; i < contest->n_winners; i++)
    live->won_compared[winners[i]]++;
  for (guint i = 0; i < then->n_winners; i++)
    live->won_then[g_array_index (self->baseline_winners, guint, then->first_winner + i)]++;
}

/* Every declaration up to the chosen moment, counted again. */
static TallyLiveChange
recount (TallyLiveNight *self)
{
  TallyLiveChange change = TALLY_LIVE_CHANGE_NONE;
  g_autofree guint8 *was_declared = g_new0 (guint8, self->council_array->len);

  for (guint i = 0; i < self->council_array->len; i++)
    {
      TallyLiveCouncil *live = g_ptr_array_index (self->council_array, i);

      was_declared[i] = live->state == TALLY_LIVE_DECLARED;
      _tally_live_council_reset (live);
    }

  self->n_wards = 0;
  self->first_time = G_MAXINT64;
  self->latest_time = G_MININT64;
  self->latest = NULL;

  for (guint i = 0; i < self->contests->len; i++)
    {
      const Contest *contest = &g_array_index (self->contests, Contest, i);

      if (contest->council == G_MAXUINT)
        continue;
      /* A ward with no time (imported after the night) has always declared. */
      if (contest->declared_at != G_MININT64 && contest->declared_at > self->as_at)
        continue;

      count_contest (self, contest);
      self->n_wards++;

      if (contest->declared_at != G_MININT64)
        {
          self->first_time = MIN (self->first_time, contest->declared_at);
          if (contest->declared_at >= self->latest_time)
            {
              self->latest_time = contest->declared_at;
              self->latest = g_ptr_array_index (self->council_array, contest->council);
            }
        }
    }

  self->n_declared = self->n_partial = 0;
  for (guint i = 0; i < self->council_array->len; i++)
    {
      TallyLiveCouncil *live = g_ptr_array_index (self->council_array, i);

      _tally_live_council_settle (live);
      if (live->state == TALLY_LIVE_DECLARED)
        self->n_declared++;
      else if (live->state == TALLY_LIVE_PARTIAL)
        self->n_partial++;

      if (was_declared[i] != (live->state == TALLY_LIVE_DECLARED))
        change |= TALLY_LIVE_CHANGE_COUNCILS;
    }

  return change;
}

static void
tally_live_night_dispose (GObject *object)
{
  TallyLiveNight *self = (TallyLiveNight *) object;

  g_clear_object (&self->catalog);
  g_clear_object (&self->database);
  g_clear_object (&self->election);
  g_clear_object (&self->baseline);
  g_clear_object (&self->councils);
  g_clear_pointer (&self->council_array, g_ptr_array_unref);
  g_clear_pointer (&self->council_by_id, g_hash_table_unref);
  g_clear_pointer (&self->council_by_object, g_hash_table_unref);

  G_OBJECT_CLASS (tally_live_night_parent_class)->dispose (object);
}

static void
tally_live_night_finalize (GObject *object)
{
  TallyLiveNight *self = (TallyLiveNight *) object;

  for (guint i = 0; i < self->n_parties; i++)
    g_clear_object (&self->parties[i]);
  g_clear_pointer (&self->parties, g_free);
  g_clear_pointer (&self->aggregate, g_free);
  g_clear_pointer (&self->party_by_id, g_hash_table_unref);
  g_clear_pointer (&self->baseline_wards, g_hash_table_unref);
  g_clear_pointer (&self->baseline_winners, g_array_unref);
  g_clear_pointer (&self->contests, g_array_unref);
  g_clear_pointer (&self->winners, g_array_unref);

  G_OBJECT_CLASS (tally_live_night_parent_class)->finalize (object);
}

static void
tally_live_night_class_init (TallyLiveNightClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = tally_live_night_dispose;
  object_class->finalize = tally_live_night_finalize;
}

static void
tally_live_night_init (TallyLiveNight *self)
{
  self->party_by_id = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  self->council_by_id = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_object_unref);
  self->council_by_object = g_hash_table_new (NULL, NULL);
  self->councils = g_list_store_new (TALLY_TYPE_LIVE_COUNCIL);
  self->council_array = g_ptr_array_new ();
  self->baseline_wards = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  self->baseline_winners = g_array_new (FALSE, FALSE, sizeof (guint));
  self->contests = g_array_new (FALSE, FALSE, sizeof (Contest));
  self->winners = g_array_new (FALSE, FALSE, sizeof (guint));
  self->as_at = G_MAXINT64;
}

static TallyLiveNight *
night_new (TallyCatalog   *catalog,
           TallyResults   *results,
           TallyLiveNight *previous,
           TallyElection  *election,
           GError        **error)
{
  g_autoptr(TallyLiveNight) self = NULL;
  g_autoptr(GError) local_error = NULL;

  if (election == NULL)
    {
      GListModel *elections = tally_catalog_get_elections (catalog);

      for (guint i = g_list_model_get_n_items (elections); i > 0 && election == NULL; i--)
        {
          g_autoptr(TallyElection) candidate = g_list_model_get_item (elections, i - 1);

          if (tally_election_get_baseline (candidate) != NULL)
            election = candidate;
        }
    }

  if (election == NULL)
    {
      g_set_error (error, TALLY_DATABASE_ERROR, TALLY_DATABASE_ERROR_INVALID,
                   _("The database holds no election compared with an earlier one"));
      return NULL;
    }

  self = g_object_new (TALLY_TYPE_LIVE_NIGHT, NULL);
  self->catalog = g_object_ref (catalog);
  self->database = g_object_ref (tally_catalog_get_database (catalog));
  self->election = g_object_ref (election);
  g_set_object (&self->baseline, tally_election_get_baseline (election));

  if (!_tally_live_night_load_before_count (self, results, previous, error))
    return NULL;

  /* Counted even when nothing was read: contests taken from the night
   * before are not counted yet. */
  if (tally_live_night_refresh (self, &local_error) == TALLY_LIVE_CHANGE_NONE && local_error == NULL)
    recount (self);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }

  return g_steal_pointer (&self);
}

/**
 * tally_live_night_new:
 * @catalog: the database's catalogue
 * @election: (nullable): the night to follow; %NULL for the newest
 *   election that has a baseline
 *
 * Reads what is known before the count, then every declaration so far.
 *
 * Returns: (transfer full) (nullable): the night, or %NULL with @error set
 */
TallyLiveNight *
tally_live_night_new (TallyCatalog   *catalog,
                      TallyElection  *election,
                      GError        **error)
{
  g_return_val_if_fail (TALLY_IS_CATALOG (catalog), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return night_new (catalog, NULL, NULL, election, error);
}

/**
 * tally_live_night_new_for_results:
 * @results: an engine over the catalogue of the night, not yet shown (the
 *   night reads its figures for the composition before, on this thread)
 * @election: (nullable): as for tally_live_night_new()
 *
 * tally_live_night_new() for @results' catalogue, with @results' figures
 * instead of an engine of its own: a window that reads its database again
 * after every ward has just made one, and a second was a third of the
 * reload.
 *
 * Returns: (transfer full) (nullable): the night, or %NULL with @error set
 */
TallyLiveNight *
tally_live_night_new_for_results (TallyResults   *results,
                                  TallyElection  *election,
                                  GError        **error)
{
  g_return_val_if_fail (TALLY_IS_RESULTS (results), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return night_new (tally_results_get_catalog (results), results, NULL, election, error);
}

/**
 * tally_live_night_new_following:
 * @results: as for tally_live_night_new_for_results()
 * @previous: (nullable): the night made from the same file at the
 *   reload before
 *
 * tally_live_night_new_for_results() for the newest election with a
 * baseline, reading only what changed since @previous was made: the
 * baseline's wards are taken from it when the baseline's contests are the
 * ones it read, and only the contests written since it are read (all again
 * when some were replaced).  The night is the same as one made afresh.
 * @previous is only read, so it may be shown meanwhile on another thread.
 *
 * Returns: (transfer full) (nullable): the night, or %NULL with @error set
 */
TallyLiveNight *
tally_live_night_new_following (TallyResults    *results,
                                TallyLiveNight  *previous,
                                GError         **error)
{
  g_return_val_if_fail (TALLY_IS_RESULTS (results), NULL);
  g_return_val_if_fail (previous == NULL || TALLY_IS_LIVE_NIGHT (previous), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return night_new (tally_results_get_catalog (results), results, previous, NULL, error);
}

/**
 * tally_live_night_get_election:
 *
 * Returns: (transfer none): the election being declared
 */
TallyElection *
tally_live_night_get_election (TallyLiveNight *self)
{
  g_return_val_if_fail (TALLY_IS_LIVE_NIGHT (self), NULL);
  return self->election;
}

/**
 * tally_live_night_get_baseline:
 *
 * Returns: (transfer none) (nullable): the election it is compared with
 */
TallyElection *
tally_live_night_get_baseline (TallyLiveNight *self)
{
  g_return_val_if_fail (TALLY_IS_LIVE_NIGHT (self), NULL);
  return self->baseline;
}

/**
 * tally_live_night_refresh:
 * @error: where a reason goes when the database cannot be read; the night
 *   then keeps what it had
 *
 * Reads the contests written since the last refresh (all of them again
 * when some were replaced) and counts the night again.  Cheap when nothing
 * changed: one indexed count.
 *
 * Returns: what changed; %TALLY_LIVE_CHANGE_NONE also on error
 */
TallyLiveChange
tally_live_night_refresh (TallyLiveNight  *self,
                          GError         **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GArray) contests = g_array_new (FALSE, FALSE, sizeof (Contest));
  g_autoptr(GArray) winners = g_array_new (FALSE, FALSE, sizeof (guint));
  gint64 counted[2], stored, after = self->last_id;
  gboolean again = FALSE;

  g_return_val_if_fail (TALLY_IS_LIVE_NIGHT (self), TALLY_LIVE_CHANGE_NONE);

  if (!_tally_live_night_count_contests (self, self->election, counted, error))
    return TALLY_LIVE_CHANGE_NONE;

  stored = counted[0];
  if (stored == (gint64) self->contests->len && counted[1] == self->last_id)
    return TALLY_LIVE_CHANGE_NONE;

  /* Contests only ever gain ids; fewer than we know of plus the new ones
   * means some were replaced or taken away: read them all. */
  if (stored < (gint64) self->contests->len || counted[1] < self->last_id)
    again = TRUE, after = 0;

  if (!_tally_live_night_read_contests (self, after, contests, winners, error))
    return TALLY_LIVE_CHANGE_NONE;

  if (!again && (gint64) (self->contests->len + contests->len) != stored)
    {
      again = TRUE;
      g_array_set_size (contests, 0);
      g_array_set_size (winners, 0);
      if (!_tally_live_night_read_contests (self, 0, contests, winners, error))
        return TALLY_LIVE_CHANGE_NONE;
    }

  if (again)
    {
      g_array_set_size (self->contests, 0);
      g_array_set_size (self->winners, 0);
    }

  for (guint i = 0; i < contests->len; i++)
    {
      Contest *contest = &g_array_index (contests, Contest, i);

      contest->first_winner += self->winners->len;
      self->last_id = MAX (self->last_id, contest->id);
    }
  g_array_append_vals (self->contests, contests->data, contests->len);
  g_array_append_vals (self->winners, winners->data, winners->len);
  if (again && self->contests->len > 0)
    self->last_id = g_array_index (self->contests, Contest, self->contests->len - 1).id;
  else if (again)
    self->last_id = 0;

  return recount (self) | TALLY_LIVE_CHANGE_WARDS;
}

/**
 * tally_live_night_get_councils:
 *
 * Returns: (transfer none): a #GListModel of #TallyLiveCouncil, one per
 *   council holding an election that night, in catalogue order; the same
 *   objects for the night's whole life, updated in place by every refresh
 */
GListModel *
tally_live_night_get_councils (TallyLiveNight *self)
{
  g_return_val_if_fail (TALLY_IS_LIVE_NIGHT (self), NULL);
  return G_LIST_MODEL (self->councils);
}

/**
 * tally_live_night_lookup:
 *
 * Returns: (transfer none) (nullable): @council on the night, or %NULL when
 *   it holds no election
 */
TallyLiveCouncil *
tally_live_night_lookup (TallyLiveNight *self,
                         TallyCouncil   *council)
{
  g_return_val_if_fail (TALLY_IS_LIVE_NIGHT (self), NULL);
  return g_hash_table_lookup (self->council_by_object, council);
}

/**
 * tally_live_night_get_n_councils:
 *
 * Returns: the councils holding an election that night (the M of "N of M")
 */
guint
tally_live_night_get_n_councils (TallyLiveNight *self)
{
  g_return_val_if_fail (TALLY_IS_LIVE_NIGHT (self), 0);
  return self->council_array->len;
}

/**
 * tally_live_night_get_n_declared:
 *
 * Returns: the councils fully declared (the N of "after N of M councils")
 */
guint
tally_live_night_get_n_declared (TallyLiveNight *self)
{
  g_return_val_if_fail (TALLY_IS_LIVE_NIGHT (self), 0);
  return self->n_declared;
}

/**
 * tally_live_night_get_n_partial:
 *
 * Returns: the councils with some wards declared, not all
 */
guint
tally_live_night_get_n_partial (TallyLiveNight *self)
{
  g_return_val_if_fail (TALLY_IS_LIVE_NIGHT (self), 0);
  return self->n_partial;
}

/**
 * tally_live_night_get_n_wards:
 *
 * Returns: the ward contests declared so far, over every council
 */
guint
tally_live_night_get_n_wards (TallyLiveNight *self)
{
  g_return_val_if_fail (TALLY_IS_LIVE_NIGHT (self), 0);
  return self->n_wards;
}

/**
 * tally_live_night_get_latest:
 *
 * Returns: (transfer none) (nullable): the council of the latest timed
 *   declaration
 */
TallyLiveCouncil *
tally_live_night_get_latest (TallyLiveNight *self)
{
  g_return_val_if_fail (TALLY_IS_LIVE_NIGHT (self), NULL);
  return self->latest;
}

/**
 * tally_live_night_get_latest_time:
 *
 * Returns: (transfer full) (nullable): when the latest ward declared
 */
GDateTime *
tally_live_night_get_latest_time (TallyLiveNight *self)
{
  g_return_val_if_fail (TALLY_IS_LIVE_NIGHT (self), NULL);
  return self->latest_time != G_MININT64 ? g_date_time_new_from_unix_utc (self->latest_time) : NULL;
}

/**
 * tally_live_night_get_first_time:
 *
 * Returns: (transfer full) (nullable): when the first ward declared: with
 *   the latest time, the span of a timeline
 */
GDateTime *
tally_live_night_get_first_time (TallyLiveNight *self)
{
  g_return_val_if_fail (TALLY_IS_LIVE_NIGHT (self), NULL);
  return self->first_time != G_MAXINT64 ? g_date_time_new_from_unix_utc (self->first_time) : NULL;
}

/**
 * tally_live_night_set_as_at:
 * @as_at: (nullable): a moment of the night, or %NULL for now
 *
 * Shows the night as it stood at @as_at: only wards declared by then count
 * (wards with no recorded time always do).  Refreshes keep the moment.
 */
void
tally_live_night_set_as_at (TallyLiveNight *self,
                            GDateTime      *as_at)
{
  g_return_if_fail (TALLY_IS_LIVE_NIGHT (self));

  self->as_at = as_at != NULL ? g_date_time_to_unix (as_at) : G_MAXINT64;
  recount (self);
}

/**
 * tally_live_night_get_as_at:
 *
 * Returns: (transfer full) (nullable): the moment shown, %NULL for now
 */
GDateTime *
tally_live_night_get_as_at (TallyLiveNight *self)
{
  g_return_val_if_fail (TALLY_IS_LIVE_NIGHT (self), NULL);
  return self->as_at != G_MAXINT64 ? g_date_time_new_from_unix_utc (self->as_at) : NULL;
}


/**
 * tally_live_night_describe:
 *
 * Returns: (transfer full): where the night stands, for a header line:
 *   "Live · 40 of 150 councils declared · latest 02:14 Worcester", or
 *   "As at 02:00 · …" when showing an earlier moment
 */
char *
tally_live_night_describe (TallyLiveNight *self)
{
  GString *text = g_string_new (NULL);

  g_return_val_if_fail (TALLY_IS_LIVE_NIGHT (self), NULL);

  if (self->as_at != G_MAXINT64)
    {
      g_autofree char *when = tally_live_format_time (self->as_at);

      g_string_append_printf (text, _("As at %s"), when);
    }
  else
    g_string_append (text, _("Live"));

  g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE, " · %u of %u council declared",
                                             " · %u of %u councils declared", self->council_array->len),
                          self->n_declared, self->council_array->len);
  if (self->n_partial > 0)
    g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE, ", %u in progress", ", %u in progress",
                                               self->n_partial),
                            self->n_partial);

  if (self->latest != NULL)
    {
      g_autofree char *when = tally_live_format_time (self->latest_time);

      g_string_append_printf (text, _(" · latest %s %s"), when, tally_council_get_name (self->latest->council));
    }
  else if (self->n_wards == 0)
    g_string_append (text, _(" · no wards declared yet"));

  return g_string_free (text, FALSE);
}
