/* tally-party-ranking.c: the parties every view names, in results order.
 *
 * Results tables name the parties that matter nationally and group the rest
 * as "Others"; they list them by councils controlled, then seats, with
 * Others last (and No overall control after them, which views add).  The
 * set and the order are computed once, over every council of the election
 * rather than over a filter, so that the cards, the list's columns, the
 * party filter, the charts, the map legend and the CSV name the same
 * parties in the same order whatever is chosen, and no layout grows with
 * the number of parties an import brings.
 *
 * The rule for a named ("major") party is the data's own, not a list: it
 * controls a council before or after the poll, or it won seats in at least
 * TALLY_MAJOR_PARTY_MIN_COUNCILS councils at this election or the one
 * compared with (so UKIP, which lost almost all its seats in 2018, is still
 * named).  Every other party, and the bundled "Other parties" aggregate,
 * is counted in Others.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>

#include "tally-digest.h"
#include "tally-party.h"
#include "tally-party-ranking.h"
#include "tally-scope-summary.h"

typedef struct
{
  TallyParty *party;
  guint       councils_after;
  guint       councils_before;
  guint       seats;
  guint       councils_with_seats_now;
  guint       councils_with_seats_then;
  guint       seats_then;  /* won at the baseline, where the change is known */
  guint       rank;      /* place in results order; G_MAXUINT for grouped */
} PartyStats;

struct _TallyPartyRanking
{
  gatomicrefcount ref_count;
  GListStore *shown;     /* named parties, results order, then Others */
  TallyParty *others;    /* the aggregate party, or NULL */
  GHashTable *stats;     /* TallyParty* → PartyStats* */
  GPtrArray  *grouped;   /* parties counted in Others, the aggregate first */
};

static int
compare_stats (gconstpointer a,
               gconstpointer b)
{
  const PartyStats *x = *(const PartyStats **) a;
  const PartyStats *y = *(const PartyStats **) b;

  if (x->councils_after != y->councils_after)
    return x->councils_after > y->councils_after ? -1 : 1;
  if (x->seats != y->seats)
    return x->seats > y->seats ? -1 : 1;
  /* Level on both (before the first declaration of a night, all are): as
   * the parties stood, by councils held before and seats won last time. */
  if (x->councils_before != y->councils_before)
    return x->councils_before > y->councils_before ? -1 : 1;
  if (x->seats_then != y->seats_then)
    return x->seats_then > y->seats_then ? -1 : 1;
  return tally_party_get_position (x->party) - tally_party_get_position (y->party);
}

/**
 * tally_party_ranking_new:
 * @parties: every party of the catalogue
 * @results: a #TallyCouncilResult for every council of the election
 *
 * Returns: (transfer full): the ranking
 */
TallyPartyRanking *
tally_party_ranking_new (GListModel *parties,
                         GListModel *results)
{
  return tally_party_ranking_new_full (parties, results, TRUE);
}

/**
 * tally_party_ranking_new_full:
 * @group_minor: %FALSE to name every party that won a seat at either
 *   election too (Others expanded): only parties with none stay in Others
 *
 * Returns: (transfer full): the ranking
 */
TallyPartyRanking *
tally_party_ranking_new_full (GListModel *parties,
                              GListModel *results,
                              gboolean    group_minor)
{
  TallyPartyRanking *self = g_new0 (TallyPartyRanking, 1);
  g_autoptr(GPtrArray) named = g_ptr_array_new ();
  guint n_parties = g_list_model_get_n_items (parties);
  guint n_results = g_list_model_get_n_items (results);

  g_return_val_if_fail (G_IS_LIST_MODEL (parties), NULL);
  g_return_val_if_fail (G_IS_LIST_MODEL (results), NULL);

  g_atomic_ref_count_init (&self->ref_count);
  self->shown = g_list_store_new (TALLY_TYPE_PARTY);
  self->stats = g_hash_table_new_full (NULL, NULL, g_object_unref, g_free);
  self->grouped = g_ptr_array_new ();

  for (guint i = 0; i < n_parties; i++)
    {
      PartyStats *stats = g_new0 (PartyStats, 1);

      stats->party = g_list_model_get_item (parties, i);
      stats->rank = G_MAXUINT;
      g_hash_table_insert (self->stats, stats->party, stats);
      if (tally_party_is_aggregate (stats->party))
        self->others = stats->party;
    }

  for (guint c = 0; c < n_results; c++)
    {
      g_autoptr(TallyCouncilResult) result = g_list_model_get_item (results, c);
      TallyParty *after = tally_council_result_get_control (result, TALLY_STAGE_AFTER);
      TallyParty *before = tally_council_result_get_control (result, TALLY_STAGE_BEFORE);
      GHashTableIter iter;
      PartyStats *stats;

      g_hash_table_iter_init (&iter, self->stats);
      while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &stats))
        {
          guint won = tally_council_result_get_seats_won (result, stats->party);
          int change;

          stats->seats += won;
          stats->councils_with_seats_now += won > 0;
          if (tally_council_result_get_seats_change (result, stats->party, &change) && (int) won - change > 0)
            {
              stats->councils_with_seats_then++;
              stats->seats_then += (guint) ((int) won - change);
            }
          stats->councils_after += after == stats->party;
          stats->councils_before += before == stats->party;
        }
    }

  for (guint i = 0; i < n_parties; i++)
    {
      g_autoptr(TallyParty) party = g_list_model_get_item (parties, i);
      PartyStats *stats = g_hash_table_lookup (self->stats, party);

      if (party == self->others)
        continue;
      if (stats->councils_after > 0 || stats->councils_before > 0 ||
          stats->councils_with_seats_now >= TALLY_MAJOR_PARTY_MIN_COUNCILS ||
          stats->councils_with_seats_then >= TALLY_MAJOR_PARTY_MIN_COUNCILS ||
          (!group_minor && (stats->councils_with_seats_now > 0 || stats->councils_with_seats_then > 0)))
        g_ptr_array_add (named, stats);
      else
        g_ptr_array_add (self->grouped, party);
    }

  g_ptr_array_sort (named, compare_stats);
  for (guint i = 0; i < named->len; i++)
    {
      PartyStats *stats = g_ptr_array_index (named, i);

      stats->rank = i;
      g_list_store_append (self->shown, stats->party);
    }

  if (self->others != NULL)
    {
      PartyStats *stats = g_hash_table_lookup (self->stats, self->others);

      stats->rank = named->len;
      g_ptr_array_insert (self->grouped, 0, self->others);
      g_list_store_append (self->shown, self->others);
    }

  return self;
}

TallyPartyRanking *
tally_party_ranking_ref (TallyPartyRanking *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

void
tally_party_ranking_unref (TallyPartyRanking *self)
{
  if (self == NULL || !g_atomic_ref_count_dec (&self->ref_count))
    return;

  g_clear_object (&self->shown);
  g_clear_pointer (&self->grouped, g_ptr_array_unref);
  g_clear_pointer (&self->stats, g_hash_table_unref);
  g_free (self);
}

/**
 * tally_party_ranking_get_shown:
 *
 * Returns: (transfer none): the parties views name, in results order, with
 *   Others (the aggregate party) last
 */
GListModel *
tally_party_ranking_get_shown (TallyPartyRanking *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return G_LIST_MODEL (self->shown);
}

/**
 * tally_party_ranking_get_others:
 *
 * Returns: (transfer none) (nullable): the party that stands for Others
 */
TallyParty *
tally_party_ranking_get_others (TallyPartyRanking *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->others;
}

/**
 * tally_party_ranking_is_grouped:
 *
 * Returns: whether @party is counted in Others rather than named
 */
gboolean
tally_party_ranking_is_grouped (TallyPartyRanking *self,
                                TallyParty        *party)
{
  PartyStats *stats;

  g_return_val_if_fail (self != NULL, FALSE);

  stats = g_hash_table_lookup (self->stats, party);
  return stats == NULL || stats->rank == G_MAXUINT || party == self->others;
}

/**
 * tally_party_ranking_get_members:
 * @shown: a party of tally_party_ranking_get_shown()
 *
 * Returns: (transfer container) (element-type TallyParty): the parties whose
 *   figures @shown adds up: itself, or for Others every grouped party
 */
GPtrArray *
tally_party_ranking_get_members (TallyPartyRanking *self,
                                 TallyParty        *shown)
{
  GPtrArray *members;

  g_return_val_if_fail (self != NULL, NULL);

  if (shown != NULL && shown == self->others)
    return g_ptr_array_ref (self->grouped);

  members = g_ptr_array_new ();
  g_ptr_array_add (members, shown);
  return members;
}

/**
 * tally_party_ranking_compare:
 *
 * Results order: named parties by councils, then seats, then Others, then
 * anything the ranking does not know.
 *
 * Returns: negative when @a comes before @b
 */
int
tally_party_ranking_compare (TallyPartyRanking *self,
                             TallyParty        *a,
                             TallyParty        *b)
{
  PartyStats *x = g_hash_table_lookup (self->stats, a);
  PartyStats *y = g_hash_table_lookup (self->stats, b);
  guint rank_a = x ? x->rank : G_MAXUINT;
  guint rank_b = y ? y->rank : G_MAXUINT;

  if (rank_a != rank_b)
    return rank_a < rank_b ? -1 : 1;
  return (a ? tally_party_get_position (a) : 0) - (b ? tally_party_get_position (b) : 0);
}

/**
 * tally_party_ranking_council_seats:
 * @shown: a party of tally_party_ranking_get_shown()
 * @won: (out): seats won at @result by @shown (Others: all grouped parties)
 * @change: (out): the change on the result's basis
 *
 * Returns: whether @change is known
 */
gboolean
tally_party_ranking_council_seats (TallyPartyRanking  *self,
                                   TallyCouncilResult *result,
                                   TallyParty         *shown,
                                   guint              *won,
                                   int                *change)
{
  g_autoptr(GPtrArray) members = tally_party_ranking_get_members (self, shown);
  gboolean known = FALSE;

  *won = 0;
  *change = 0;
  for (guint i = 0; i < members->len; i++)
    {
      TallyParty *party = g_ptr_array_index (members, i);
      int party_change;

      *won += tally_council_result_get_seats_won (result, party);
      if (tally_council_result_get_seats_change (result, party, &party_change))
        {
          *change += party_change;
          known = TRUE;
        }
    }

  return known;
}

/**
 * tally_party_ranking_council_share:
 * @share: (out): @shown's share of the votes at @result, or NaN
 * @share_change: (out): its change in points, or NaN
 */
void
tally_party_ranking_council_share (TallyPartyRanking  *self,
                                   TallyCouncilResult *result,
                                   TallyParty         *shown,
                                   TallyVoteMethod     method,
                                   double             *share,
                                   double             *share_change)
{
  g_autoptr(GPtrArray) members = tally_party_ranking_get_members (self, shown);

  *share = NAN;
  *share_change = NAN;
  for (guint i = 0; i < members->len; i++)
    {
      TallyParty *party = g_ptr_array_index (members, i);
      double party_share = tally_council_result_get_vote_share (result, party, method);
      double party_change = tally_council_result_get_vote_share_change (result, party, method);

      if (!isnan (party_share))
        *share = (isnan (*share) ? 0 : *share) + party_share;
      if (!isnan (party_change))
        *share_change = (isnan (*share_change) ? 0 : *share_change) + party_change;
    }
}

/**
 * tally_party_ranking_scope_seats:
 * @summary: the state of the parties over a filter
 * @won: (out): seats won in scope by @shown (Others: all grouped parties)
 * @change: (out): their change
 *
 * Returns: whether @change is known
 */
gboolean
tally_party_ranking_scope_seats (TallyPartyRanking *self,
                                 TallyScopeSummary *summary,
                                 TallyParty        *shown,
                                 guint             *won,
                                 int               *change)
{
  g_autoptr(GPtrArray) members = tally_party_ranking_get_members (self, shown);
  gboolean known = FALSE;

  *won = 0;
  *change = 0;
  for (guint i = 0; i < members->len; i++)
    {
      TallyParty *party = g_ptr_array_index (members, i);
      int party_change;

      *won += tally_scope_summary_get_seats_won (summary, party);
      if (tally_scope_summary_get_seats_change (summary, party, &party_change))
        {
          *change += party_change;
          known = TRUE;
        }
    }

  return known;
}

/**
 * tally_party_ranking_get_digest:
 *
 * Returns: a digest of the parties named, in order, and of those Others
 *   groups: two rankings with the same digest order and group alike
 */
guint64
tally_party_ranking_get_digest (TallyPartyRanking *self)
{
  guint64 digest = 0;

  g_return_val_if_fail (self != NULL, 0);

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (self->shown)); i++)
    {
      g_autoptr(TallyParty) party = g_list_model_get_item (G_LIST_MODEL (self->shown), i);

      digest = tally_digest_string (digest, tally_party_get_key (party));
    }
  digest = tally_digest_word (digest, G_MAXUINT64);
  for (guint i = 0; i < self->grouped->len; i++)
    digest = tally_digest_string (digest, tally_party_get_key (g_ptr_array_index (self->grouped, i)));
  return digest != 0 ? digest : 1;
}
