/* tally-council-list-columns.c: the council list's column per party, and the swing.
 *
 * One column per party the ranking names shows the seats it won and the
 * change against the baseline (on results night, the seats so far), with
 * its vote share under them; Others adds up every party the ranking
 * groups; the last shows the Butler swing from Conservative to Labour.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "tally-column-fit.h"
#include "tally-council-list-private.h"
#include "tally-council-result.h"
#include "tally-council-row.h"
#include "tally-digest.h"
#include "tally-format.h"
#include "tally-live-council.h"
#include "tally-party.h"
#include "tally-party-ranking.h"
#include "tally-party-style.h"

/* Seat columns beyond these would push the swing out of sight. */
#define MAX_PARTY_COLUMNS 8

static GtkOrdering
ordering_of (double difference)
{
  return difference < 0 ? GTK_ORDERING_SMALLER : difference > 0 ? GTK_ORDERING_LARGER : GTK_ORDERING_EQUAL;
}

/* A party's column: a named party, or Others adding up every party the
 * ranking groups. */
typedef struct
{
  TallyPartyRanking *ranking;
  TallyParty        *party;
  TallyCouncilList  *list;    /* not a reference: the list owns its columns */
} PartyColumn;

static void
party_column_free (gpointer data)
{
  PartyColumn *column = data;

  tally_party_ranking_unref (column->ranking);
  g_object_unref (column->party);
  g_free (column);
}

static PartyColumn *
party_column_new (TallyPartyRanking *ranking,
                  TallyParty        *party)
{
  PartyColumn *column = g_new0 (PartyColumn, 1);

  column->ranking = tally_party_ranking_ref (ranking);
  column->party = g_object_ref (party);
  return column;
}

static void              live_seats (PartyColumn        *column,
                                     TallyLiveCouncil   *live,
                                     guint              *won,
                                     int                *change,
                                     gboolean           *known);

/* What the column shows: on results night, the seats so far. */
static guint
column_seats (PartyColumn     *column,
              TallyCouncilRow *row)
{
  TallyCouncilResult *result = tally_council_row_get_result (row);
  TallyLiveCouncil *live = tally_council_row_get_live (row);
  gboolean known;
  guint won;
  int change;

  if (live != NULL)
    {
      live_seats (column, live, &won, &change, &known);
      return won;
    }

  tally_party_ranking_council_seats (column->ranking, result, column->party, &won, &change);
  return won;
}

static int
compare_seats (gconstpointer a,
               gconstpointer b,
               gpointer      column)
{
  return ordering_of ((double) column_seats (column, (TallyCouncilRow *) a) -
                      (double) column_seats (column, (TallyCouncilRow *) b));
}

/* Not until the council is in (results night). */
static double
swing_of (TallyCouncilList   *self,
          TallyCouncilResult *result,
          TallyLiveCouncil   *live)
{
  if (self->swing_from == NULL || self->swing_to == NULL || live != NULL)
    return NAN;

  return tally_council_result_get_swing (result, self->swing_from, self->swing_to, TALLY_VOTE_METHOD_TOTAL);
}

static double
row_swing (TallyCouncilList *self,
           TallyCouncilRow  *row)
{
  return swing_of (self, tally_council_row_get_result (row), tally_council_row_get_live (row));
}

/* Unknown swings sort after every known one, whichever way. */
static int
compare_swing (gconstpointer a,
               gconstpointer b,
               gpointer      user_data)
{
  TallyCouncilList *self = user_data;
  double swing_a = row_swing (self, (TallyCouncilRow *) a);
  double swing_b = row_swing (self, (TallyCouncilRow *) b);

  if (isnan (swing_a) || isnan (swing_b))
    return ordering_of ((double) isnan (swing_a) - (double) isnan (swing_b));

  return ordering_of (swing_a - swing_b);
}

/* A shown party's seats so far (Others: its members'), with the change on
 * the same seats when every member's is known. */
static void
live_seats (PartyColumn      *column,
            TallyLiveCouncil *live,
            guint            *won,
            int              *change,
            gboolean         *known)
{
  g_autoptr(GPtrArray) members = tally_party_ranking_get_members (column->ranking, column->party);

  *won = 0;
  *change = 0;
  *known = TRUE;
  for (guint i = 0; members != NULL && i < members->len; i++)
    {
      int one = 0;

      *won += tally_live_council_get_seats_won (live, g_ptr_array_index (members, i));
      if (tally_live_council_get_seats_change (live, g_ptr_array_index (members, i), &one))
        *change += one;
      else
        *known = FALSE;
    }
}

/* One label per figure cell, two lines of markup: with 150 councils and a
 * dozen columns GTK 4.8 keeps every row alive, and each widget less in a
 * cell is 1,800 widgets less to build, style and measure at start. */
static void
figure_setup_cb (GtkSignalListItemFactory *factory,
                 GtkListItem              *item,
                 gpointer                  user_data)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 1);
  gtk_label_set_justify (GTK_LABEL (label), GTK_JUSTIFY_RIGHT);
  gtk_label_set_use_markup (GTK_LABEL (label), TRUE);
  gtk_widget_add_css_class (label, "numeric");
  gtk_list_item_set_child (item, label);
}

static char *
make_figure (const char *value,
             const char *change,
             int         direction,
             const char *share)
{
  const char *colour = tally_party_style_change_colour (direction);
  GString *markup = g_string_new (value);

  if (change != NULL && change[0] != '\0')
    {
      if (colour != NULL)
        g_string_append_printf (markup, " <span size=\"small\" foreground=\"%s\">%s</span>", colour, change);
      else
        g_string_append_printf (markup, " <span size=\"small\" alpha=\"55%%\">%s</span>", change);
    }

  if (share != NULL)
    g_string_append_printf (markup, "\n<span size=\"small\" alpha=\"60%%\">%s</span>", share);

  return g_string_free (markup, FALSE);
}

/* A party's cell, as markup. */
static char *
render_seats (PartyColumn        *column,
              TallyCouncilResult *result,
              TallyLiveCouncil   *live)
{
  g_autofree char *value = NULL;
  g_autofree char *change_text = NULL;
  g_autofree char *share_text = NULL;
  double share, share_change;
  int change = 0;
  guint won;

  if (live != NULL)
    {
      gboolean known;

      /* So far: no share until the council is in. */
      live_seats (column, live, &won, &change, &known);
      value = tally_live_council_get_state (live) == TALLY_LIVE_NOT_DECLARED ? g_strdup ("–") : tally_format_count (won);
      change_text = known && won + ABS (change) > 0 ? tally_format_change (change) : NULL;
      return make_figure (value, change_text ? change_text : "", change, NULL);
    }

  if (tally_party_ranking_council_seats (column->ranking, result, column->party, &won, &change))
    change_text = tally_format_change (change);
  value = tally_format_count (won);
  tally_party_ranking_council_share (column->ranking, result, column->party, TALLY_VOTE_METHOD_TOTAL, &share,
                                     &share_change);

  if (!isnan (share))
    {
      g_autofree char *share_now = tally_format_share (share);
      g_autofree char *points = tally_format_points (share_change);

      share_text = isnan (share_change) ? g_steal_pointer (&share_now) : g_strdup_printf ("%s %s", share_now, points);
    }

  return make_figure (value, change_text ? change_text : "", change, share_text);
}

static void
seats_bind_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               PartyColumn              *column)
{
  TallyCouncilRow *row = gtk_list_item_get_item (item);
  g_autofree char *markup = render_seats (column, tally_council_row_get_result (row), tally_council_row_get_live (row));

  _tally_council_list_follow_row (item, "result", (TallyCellBindFunc) seats_bind_cb, column);
  gtk_label_set_markup (GTK_LABEL (gtk_list_item_get_child (item)), markup);
}

static char *
render_swing (TallyCouncilList   *self,
              TallyCouncilResult *result,
              TallyLiveCouncil   *live)
{
  g_autofree char *text = tally_format_points (swing_of (self, result, live));

  return make_figure (text, "", 0, NULL);
}

static void
swing_bind_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               TallyCouncilList         *self)
{
  TallyCouncilRow *row = gtk_list_item_get_item (item);
  g_autofree char *markup = render_swing (self, tally_council_row_get_result (row), tally_council_row_get_live (row));

  _tally_council_list_follow_row (item, "result", (TallyCellBindFunc) swing_bind_cb, self);
  gtk_label_set_markup (GTK_LABEL (gtk_list_item_get_child (item)), markup);
}

/* The same parties, and the same Con→Lab swing column: points the columns
 * at @ranking and says TRUE; otherwise changes nothing.  The columns keep
 * their order though the ranking's has changed: on results night the
 * parties' order by seats changes ward by ward (Con ahead at 01:00, Lab at
 * 03:00), and a column that moves under the reader's eye is worse than one
 * that is not in the latest order; building the columns again also
 * rebuilt every row's cells (a fifth of the window's work following a
 * replay). */
static gboolean
rebind_party_columns (TallyCouncilList  *self,
                      TallyPartyRanking *ranking,
                      GListModel        *parties,
                      GPtrArray         *ordered)
{
  g_autoptr(GHashTable) by_key = g_hash_table_new (g_str_hash, g_str_equal);
  gboolean swing, has_con = FALSE, has_lab = FALSE;

  if (self->party_bindings->len != 2 * ordered->len)
    return FALSE;
  for (guint i = 0; i < ordered->len; i++)
    g_hash_table_insert (by_key, (gpointer) tally_party_get_key (g_ptr_array_index (ordered, i)),
                         g_ptr_array_index (ordered, i));
  for (guint i = 0; i < ordered->len; i++)
    {
      PartyColumn *bound = g_ptr_array_index (self->party_bindings, 2 * i);

      if (!g_hash_table_contains (by_key, tally_party_get_key (bound->party)))
        return FALSE;
    }
  for (guint i = 0; i < g_list_model_get_n_items (parties); i++)
    {
      g_autoptr(TallyParty) party = g_list_model_get_item (parties, i);

      has_con |= g_str_equal (tally_party_get_key (party), "CON");
      has_lab |= g_str_equal (tally_party_get_key (party), "LAB");
    }
  swing = self->party_columns->len > ordered->len;
  if (swing != (has_con && has_lab))
    return FALSE;

  for (guint i = 0; i < self->party_bindings->len; i++)
    {
      PartyColumn *column = g_ptr_array_index (self->party_bindings, i);

      tally_party_ranking_unref (column->ranking);
      column->ranking = tally_party_ranking_ref (ranking);
      g_set_object (&column->party, g_hash_table_lookup (by_key, tally_party_get_key (column->party)));
    }
  for (guint i = 0; i < g_list_model_get_n_items (parties); i++)
    {
      g_autoptr(TallyParty) party = g_list_model_get_item (parties, i);

      if (g_str_equal (tally_party_get_key (party), "CON"))
        g_set_object (&self->swing_from, party);
      else if (g_str_equal (tally_party_get_key (party), "LAB"))
        g_set_object (&self->swing_to, party);
    }
  return TRUE;
}

/**
 * tally_council_list_set_parties:
 * @ranking: the parties to name, in results order, Others last
 *
 * Adds a column of seats won per named party and one for Others, and the
 * swing from the party keyed "CON" to the one keyed "LAB" when both are
 * there.  However many parties an import brings, the columns are the
 * ranking's: a fixed few.
 */
void
tally_council_list_set_parties (TallyCouncilList  *self,
                                TallyPartyRanking *ranking)
{
  g_autoptr(GPtrArray) ordered = g_ptr_array_new_with_free_func (g_object_unref);
  GListModel *parties;

  g_return_if_fail (TALLY_IS_COUNCIL_LIST (self));
  g_return_if_fail (ranking != NULL);

  parties = tally_party_ranking_get_shown (ranking);

  for (guint i = 0; i < g_list_model_get_n_items (parties); i++)
    g_ptr_array_add (ordered, g_list_model_get_item (parties, i));
  if (ordered->len > MAX_PARTY_COLUMNS)
    {
      /* Keep Others, last, whatever is cut. */
      TallyParty *others = tally_party_ranking_get_others (ranking);

      g_ptr_array_set_size (ordered, MAX_PARTY_COLUMNS - (others != NULL));
      if (others != NULL)
        g_ptr_array_add (ordered, g_object_ref (others));
    }

  /* On results night every ward brings a new ranking with the same
   * parties: keep the columns and point them at it, since building a
   * column view's columns again rebuilds every row's cells. */
  if (rebind_party_columns (self, ranking, parties, ordered))
    {
      _tally_council_list_sync_rows (self);
      return;
    }

  for (guint i = 0; i < self->party_columns->len; i++)
    gtk_column_view_remove_column (self->column_view, g_ptr_array_index (self->party_columns, i));
  g_ptr_array_set_size (self->party_columns, 0);
  g_ptr_array_set_size (self->party_bindings, 0);
  g_clear_object (&self->swing_from);
  g_clear_object (&self->swing_to);

  for (guint i = 0; i < ordered->len; i++)
    {
      TallyParty *party = g_ptr_array_index (ordered, i);
      g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();
      g_autoptr(GtkSorter) sorter = NULL;
      GtkColumnViewColumn *column;

      g_signal_connect (factory, "setup", G_CALLBACK (figure_setup_cb), NULL);
      PartyColumn *bound = party_column_new (ranking, party);
      PartyColumn *sorted_by;

      bound->list = self;
      g_signal_connect_data (factory, "bind", G_CALLBACK (seats_bind_cb), bound,
                             (GClosureNotify) (void (*) (void)) party_column_free, 0);
      g_signal_connect (factory, "unbind", G_CALLBACK (_tally_council_list_unfollow_row), NULL);

      column = gtk_column_view_column_new (tally_party_get_short_name (party), g_steal_pointer (&factory));
      sorted_by = party_column_new (ranking, party);
      sorted_by->list = self;
      sorter = GTK_SORTER (gtk_custom_sorter_new (compare_seats, sorted_by, party_column_free));
      g_ptr_array_add (self->party_bindings, bound);
      g_ptr_array_add (self->party_bindings, sorted_by);
      gtk_column_view_column_set_sorter (column, sorter);
      gtk_column_view_column_set_fixed_width (column, 80);
      tally_column_fit_set_numeric (column);
      gtk_column_view_append_column (self->column_view, column);
      g_ptr_array_add (self->party_columns, column);
    }

  for (guint i = 0; i < g_list_model_get_n_items (parties); i++)
    {
      g_autoptr(TallyParty) party = g_list_model_get_item (parties, i);

      if (g_str_equal (tally_party_get_key (party), "CON"))
        g_set_object (&self->swing_from, party);
      else if (g_str_equal (tally_party_get_key (party), "LAB"))
        g_set_object (&self->swing_to, party);
    }

  if (self->swing_from != NULL && self->swing_to != NULL)
    {
      g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();
      g_autoptr(GtkSorter) sorter = GTK_SORTER (gtk_custom_sorter_new (compare_swing, self, NULL));
      g_autofree char *title = g_strdup_printf (_("Swing %s→%s"), tally_party_get_short_name (self->swing_from),
                                                tally_party_get_short_name (self->swing_to));
      GtkColumnViewColumn *column;

      g_signal_connect (factory, "setup", G_CALLBACK (figure_setup_cb), NULL);
      g_signal_connect (factory, "bind", G_CALLBACK (swing_bind_cb), self);
      g_signal_connect (factory, "unbind", G_CALLBACK (_tally_council_list_unfollow_row), NULL);
      column = gtk_column_view_column_new (title, g_steal_pointer (&factory));
      gtk_column_view_column_set_sorter (column, sorter);
      gtk_column_view_column_set_fixed_width (column, 110);
      tally_column_fit_set_numeric (column);
      gtk_column_view_append_column (self->column_view, column);
      g_ptr_array_add (self->party_columns, column);
    }

  /* The columns hold the only references now. */
  for (guint i = 0; i < self->party_columns->len; i++)
    g_object_unref (g_ptr_array_index (self->party_columns, i));

  /* The result first, what describes the council last: Council, Control
   * and the parties' figures, then Type and Region.  A window narrower
   * than the whole table (1366 px and below) scrolls the descriptions off
   * at the right, not the figures away from their council's name. */
  {
    GtkColumnViewColumn *descriptions[] = { self->type_column, self->region_column };

    for (guint i = 0; i < G_N_ELEMENTS (descriptions); i++)
      {
        g_autoptr(GtkColumnViewColumn) column = g_object_ref (descriptions[i]);

        gtk_column_view_remove_column (self->column_view, column);
        gtk_column_view_append_column (self->column_view, column);
      }
  }

  _tally_council_list_queue_fit (self);

  /* Parties placed anew: sorted again by control, whatever changed. */
  _tally_council_list_sync_rows (self);
  gtk_sorter_changed (gtk_column_view_get_sorter (self->column_view), GTK_SORTER_CHANGE_DIFFERENT);
}

/* Every figure cell's text for @result, after @shown (see describe_row()). */
void
_tally_council_list_describe_figures (TallyCouncilList   *self,
                                      GString            *shown,
                                      TallyCouncilResult *result,
                                      TallyLiveCouncil   *live)
{
  for (guint i = 0; i < self->party_bindings->len; i += 2)
    {
      g_autofree char *cell = render_seats (g_ptr_array_index (self->party_bindings, i), result, live);

      g_string_append_printf (shown, "\x1e%s", cell);
    }
  if (self->swing_from != NULL && self->swing_to != NULL)
    {
      g_autofree char *cell = render_swing (self, result, live);

      g_string_append_printf (shown, "\x1e%s", cell);
    }
}

/* What the figure cells are made with besides a council's figures: the
 * party of each column, the ranking that says who Others are, the swing's
 * two parties, and the colours of change, which are the style's. */
guint64
_tally_council_list_columns_digest (TallyCouncilList *self)
{
  guint64 digest = tally_digest_word (0, adw_style_manager_get_dark (adw_style_manager_get_default ()));

  for (guint i = 0; i < self->party_bindings->len; i += 2)
    {
      PartyColumn *column = g_ptr_array_index (self->party_bindings, i);

      /* Every column is pointed at the same ranking: once is enough. */
      if (i == 0)
        digest = tally_digest_word (digest, tally_party_ranking_get_digest (column->ranking));
      digest = tally_digest_string (digest, tally_party_get_key (column->party));
    }
  digest = tally_digest_string (digest, self->swing_from ? tally_party_get_key (self->swing_from) : NULL);
  return tally_digest_string (digest, self->swing_to ? tally_party_get_key (self->swing_to) : NULL);
}
