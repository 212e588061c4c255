/* tally-council-page.c: one council: control, seats, votes and wards.
 *
 * Everything on the page comes from the engine: the council's result at the
 * filter's election against its baseline, and, when candidate data has been
 * imported, its wards.  The page reads the wards when it opens, not on every
 * filter change.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "tally-catalog.h"
#include "tally-chart-adapt.h"
#include "tally-chart-group.h"
#include "tally-chart-view.h"
#include "tally-council.h"
#include "tally-council-page.h"
#include "tally-council-page-private.h"
#include "tally-council-result.h"
#include "tally-council-row.h"
#include "tally-election.h"
#include "tally-format.h"
#include "tally-party.h"
#include "tally-party-ranking.h"
#include "tally-party-style.h"
#include "tally-results.h"
#include "tally-ward-result.h"
#include "tally-widget-text.h"


G_DEFINE_FINAL_TYPE (TallyCouncilPage, tally_council_page, GTK_TYPE_WIDGET)

/* One cell of the page's tables: a label in tabular figures. */
GtkWidget *
_tally_council_page_cell (const char *text,
                          float       xalign,
                          const char *css_class)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), xalign);
  gtk_widget_add_css_class (label, "numeric");
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);

  return label;
}

static const char *
change_class (int change)
{
  return change > 0 ? "change-up" : change < 0 ? "change-down" : "dim-label";
}

/* The table's cells are kept across live reloads, which show the same
 * table with new figures: a cell is a label given new text only when it
 * changed (a new label is laid out from scratch), made again only when
 * the table grew. */
static void
put_cell (GtkGrid    *grid,
          int         column,
          int         row,
          const char *text,
          float       xalign,
          const char *css_class)
{
  GtkWidget *label = gtk_grid_get_child_at (grid, column, row);

  if (label != NULL && GTK_IS_LABEL (label) &&
      g_strcmp0 (g_object_get_data (G_OBJECT (label), "tally-cell-class"), css_class) == 0)
    {
      tally_label_set_text_kept (GTK_LABEL (label), text);
      if (gtk_label_get_xalign (GTK_LABEL (label)) != xalign)
        gtk_label_set_xalign (GTK_LABEL (label), xalign);
      return;
    }

  if (label != NULL)
    gtk_grid_remove (grid, label);
  label = _tally_council_page_cell (text, xalign, css_class);
  g_object_set_data_full (G_OBJECT (label), "tally-cell-class", g_strdup (css_class), g_free);
  gtk_grid_attach (grid, label, column, row, 1, 1);
}

/* The party's cell: its chip and name, kept while the party looks the same. */
static void
put_party_cell (GtkGrid    *grid,
                int         row,
                TallyParty *party)
{
  GtkWidget *name_box = gtk_grid_get_child_at (grid, 0, row);
  g_autofree char *key = g_strdup_printf ("%s\x1f%s\x1f%s\x1f%s\x1f%s", tally_party_get_key (party),
                                          tally_party_get_short_name (party), tally_party_get_full_name (party),
                                          tally_party_get_colour (party, FALSE), tally_party_get_colour (party, TRUE));
  GtkWidget *chip;

  if (name_box != NULL && g_strcmp0 (g_object_get_data (G_OBJECT (name_box), "tally-party"), key) == 0)
    return;
  if (name_box != NULL)
    gtk_grid_remove (grid, name_box);

  name_box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  chip = gtk_label_new (NULL);
  tally_party_style_apply_chip (GTK_LABEL (chip), party, TRUE);
  gtk_box_append (GTK_BOX (name_box), chip);
  gtk_box_append (GTK_BOX (name_box), _tally_council_page_cell (tally_party_get_full_name (party), 0, NULL));
  g_object_set_data_full (G_OBJECT (name_box), "tally-party", g_steal_pointer (&key), g_free);
  gtk_grid_attach (grid, name_box, 0, row, 1, 1);
}

/* The rows from @n_rows on go. */
static void
trim_grid (GtkGrid *grid,
           int      n_rows)
{
  GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (grid));

  while (child != NULL)
    {
      GtkWidget *next = gtk_widget_get_next_sibling (child);
      int row;

      gtk_grid_query_child (grid, child, NULL, &row, NULL, NULL);
      if (row >= n_rows)
        gtk_grid_remove (grid, child);
      child = next;
    }
}

/* One cell of a tab-separated line: tabs and line breaks in it become
 * spaces, so a spreadsheet keeps it in one cell. */
static void
append_tsv_cell (GString    *tsv,
                 const char *text,
                 guint       column)
{
  if (column > 0)
    g_string_append_c (tsv, '\t');
  for (const char *c = text ? text : ""; *c != '\0'; c++)
    g_string_append_c (tsv, *c == '\t' || *c == '\n' || *c == '\r' ? ' ' : *c);
}

static guint
seats_held (TallyCouncilResult *result,
            TallyStage          stage,
            TallyParty         *party)
{
  guint n;
  const TallySeats *seats = tally_council_result_get_composition (result, stage, &n);

  for (guint i = 0; i < n; i++)
    if (seats[i].party == party)
      return seats[i].seats;
  return 0;
}

/* Where the results give no vote figure for some parties (the bundled
 * results count only the five largest), what they polled together, so that
 * the "–" in their share column is explained and their votes not lost:
 * "Independents and other parties: no separate vote figure; together 0.7%
 * (556 votes)."  NULL where every party's votes are known. */
static char *
describe_unsplit_votes (TallyCouncilResult *result)
{
  gint64 votes;
  double share = tally_council_result_get_unsplit_share (result, &votes);
  g_autofree char *share_text = NULL;
  g_autofree char *votes_text = NULL;

  if (isnan (share) || votes == 0)
    return NULL;

  share_text = tally_format_share (share);
  votes_text = tally_format_count (votes);
  /* Translators: "Independents and other parties: no separate vote figure in these results; together 0.7% (556 votes)." */
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "Independents and other parties: no separate vote figure in these results; "
                                       "together %s (%s vote).",
                                       "Independents and other parties: no separate vote figure in these results; "
                                       "together %s (%s votes).", (gulong) votes),
                          share_text, votes_text);
}

/* A results table's order: most seats after the poll first, then most won
 * on the day, then most votes; "Other parties", many parties counted as one,
 * last whatever it holds. */
static int
compare_table_rows (gconstpointer a,
                    gconstpointer b,
                    gpointer      user_data)
{
  TallyCouncilPage *self = user_data;
  TallyParty *party_a = *(TallyParty * const *) a;
  TallyParty *party_b = *(TallyParty * const *) b;
  double share_a, share_b;
  guint held_a, held_b, won_a, won_b;

  if (tally_party_is_aggregate (party_a) != tally_party_is_aggregate (party_b))
    return tally_party_is_aggregate (party_a) ? 1 : -1;

  held_a = seats_held (self->result, TALLY_STAGE_AFTER, party_a);
  held_b = seats_held (self->result, TALLY_STAGE_AFTER, party_b);
  if (held_a != held_b)
    return held_a > held_b ? -1 : 1;

  won_a = tally_council_result_get_seats_won (self->result, party_a);
  won_b = tally_council_result_get_seats_won (self->result, party_b);
  if (won_a != won_b)
    return won_a > won_b ? -1 : 1;

  share_a = tally_council_result_get_vote_share (self->result, party_a, TALLY_VOTE_METHOD_TOTAL);
  share_b = tally_council_result_get_vote_share (self->result, party_b, TALLY_VOTE_METHOD_TOTAL);
  share_a = isnan (share_a) ? -1 : share_a;
  share_b = isnan (share_b) ? -1 : share_b;
  return share_a > share_b ? -1 : share_a < share_b ? 1 : 0;
}

/* The table: party, seats before and after, won now and last time with the
 * change, vote share now and its change. */
static void
fill_seats_grid (TallyCouncilPage *self)
{
  TallyElection *election = tally_council_result_get_election (self->result);
  TallyElection *baseline = tally_council_result_get_baseline (self->result);
  g_autoptr(GPtrArray) parties = g_ptr_array_new ();
  g_autofree char *won_now = g_strdup_printf (_("Won %d"), tally_election_get_year (election));
  g_autofree char *won_then = baseline ? g_strdup_printf (_("Won %d"), tally_election_get_year (baseline)) : NULL;
  g_autofree char *share_now = g_strdup_printf (_("Share %d"), tally_election_get_year (election));
  const char *headings[] = { _("Party"), _("Before"), _("After"), won_now, won_then ? won_then : "", _("Change"),
                             share_now, _("± pts") };
  const TallySeats *before, *after;
  guint n_before, n_after;
  int row = 1;

  g_string_truncate (self->seats_text, 0);
  g_string_truncate (self->seats_tsv, 0);

  for (guint column = 0; column < G_N_ELEMENTS (headings); column++)
    {
      put_cell (self->seats_grid, column, 0, headings[column], column == 0 ? 0 : 1, "column-heading");
      /* The spreadsheet's column needs a name where the page leaves it blank. */
      append_tsv_cell (self->seats_tsv, column == 4 && !baseline ? _("Won before") : headings[column], column);
    }
  g_string_append_c (self->seats_tsv, '\n');

  /* Every party that held or won a seat, left to right. */
  before = tally_council_result_get_composition (self->result, TALLY_STAGE_BEFORE, &n_before);
  after = tally_council_result_get_composition (self->result, TALLY_STAGE_AFTER, &n_after);
  {
    guint n_parties = g_list_model_get_n_items (self->parties);

    for (guint i = 0; i < n_parties; i++)
      {
        TallyParty *party = g_list_model_get_item (self->parties, i);
        gboolean present = tally_council_result_get_seats_won (self->result, party) > 0;
        int change = 0;

        for (guint j = 0; j < n_before && !present; j++)
          present = before[j].party == party;
        for (guint j = 0; j < n_after && !present; j++)
          present = after[j].party == party;
        if (!present && tally_council_result_get_seats_change (self->result, party, &change))
          present = change != 0;
        /* Every party with votes, though it won no seat: Salford's Liberal
         * Democrats (5.8%) and Greens (5.3%) are part of its result. */
        if (!present)
          {
            double share = tally_council_result_get_vote_share (self->result, party, TALLY_VOTE_METHOD_TOTAL);

            present = !isnan (share) && share > 0;
          }

        if (present)
          g_ptr_array_add (parties, party);
        g_object_unref (party);
      }
    g_ptr_array_sort_with_data (parties, compare_table_rows, self);
  }

  for (guint i = 0; i < parties->len; i++, row++)
    {
      TallyParty *party = g_ptr_array_index (parties, i);
      guint seats_before = 0, seats_after = 0;
      guint won = tally_council_result_get_seats_won (self->result, party);
      int change;
      gboolean known_change = tally_council_result_get_seats_change (self->result, party, &change);
      g_autofree char *before_text = NULL;
      g_autofree char *after_text = NULL;
      g_autofree char *won_text = tally_format_count (won);
      g_autofree char *then_text = known_change ? tally_format_count ((gint64) won - change) : g_strdup ("–");
      g_autofree char *change_text = known_change ? tally_format_change (change) : g_strdup ("–");
      g_autofree char *share_text =
        tally_format_share (tally_council_result_get_vote_share (self->result, party, TALLY_VOTE_METHOD_TOTAL));
      double share_change = tally_council_result_get_vote_share_change (self->result, party, TALLY_VOTE_METHOD_TOTAL);
      g_autofree char *share_change_text = tally_format_points (share_change);

      for (guint j = 0; j < n_before; j++)
        if (before[j].party == party)
          seats_before = before[j].seats;
      for (guint j = 0; j < n_after; j++)
        if (after[j].party == party)
          seats_after = after[j].seats;

      before_text = n_before > 0 ? tally_format_count (seats_before) : g_strdup ("–");
      after_text = n_after > 0 ? tally_format_count (seats_after) : g_strdup ("–");

      g_string_append_printf (self->seats_text, "%s: %s before, %s after, won %s (%s), share %s (%s)\n",
                              tally_party_get_full_name (party), before_text, after_text, won_text, change_text,
                              share_text, share_change_text);

      {
        const char *cells[] = { tally_party_get_full_name (party), before_text, after_text, won_text,
                                baseline ? then_text : "", change_text, share_text, share_change_text };

        for (guint column = 0; column < G_N_ELEMENTS (cells); column++)
          append_tsv_cell (self->seats_tsv, cells[column], column);
        g_string_append_c (self->seats_tsv, '\n');
      }

      put_party_cell (self->seats_grid, row, party);
      put_cell (self->seats_grid, 1, row, before_text, 1, NULL);
      put_cell (self->seats_grid, 2, row, after_text, 1, "heading");
      put_cell (self->seats_grid, 3, row, won_text, 1, NULL);
      put_cell (self->seats_grid, 4, row, baseline ? then_text : "", 1, "dim-label");
      put_cell (self->seats_grid, 5, row, change_text, 1, known_change ? change_class (change) : "dim-label");
      put_cell (self->seats_grid, 6, row, share_text, 1, NULL);
      put_cell (self->seats_grid, 7, row, share_change_text, 1,
                isnan (share_change) ? "dim-label" : change_class (share_change >= 0.05 ? 1 : share_change <= -0.05 ? -1 : 0));
    }
  trim_grid (self->seats_grid, row);

  {
    g_autofree char *unsplit = describe_unsplit_votes (self->result);

    if (unsplit != NULL)
      g_string_append_printf (self->seats_text, "%s\n", unsplit);
  }
}

/* The control chips, styled again only for another party (a tooltip set
 * asks the X server where the pointer is). */
static void
set_chip (GtkLabel   *chip,
          TallyParty *party,
          gboolean    known)
{
  g_autofree char *key = g_strdup_printf ("%d\x1f%s\x1f%s\x1f%s", known, party ? tally_party_get_key (party) : "",
                                          party ? tally_party_get_short_name (party) : "",
                                          party ? tally_party_get_full_name (party) : "");

  if (g_strcmp0 (g_object_get_data (G_OBJECT (chip), "tally-chip"), key) == 0)
    return;
  tally_party_style_apply_chip (chip, party, known);
  g_object_set_data_full (G_OBJECT (chip), "tally-chip", g_steal_pointer (&key), g_free);
}

static void
tally_council_page_dispose (GObject *object)
{
  TallyCouncilPage *self = (TallyCouncilPage *) object;

  _tally_council_page_dispose_live (self);
  gtk_widget_dispose_template (GTK_WIDGET (self), TALLY_TYPE_COUNCIL_PAGE);

  g_clear_object (&self->result);
  g_clear_object (&self->parties);
  g_clear_pointer (&self->ranking, tally_party_ranking_unref);
  g_clear_object (&self->wards);
  g_clear_pointer (&self->ward_rows, g_ptr_array_unref);
  g_clear_pointer (&self->wards_note, g_free);
  if (self->seats_text != NULL)
    g_string_free (g_steal_pointer (&self->seats_text), TRUE);
  if (self->seats_tsv != NULL)
    g_string_free (g_steal_pointer (&self->seats_tsv), TRUE);

  G_OBJECT_CLASS (tally_council_page_parent_class)->dispose (object);
}

static void
tally_council_page_class_init (TallyCouncilPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = tally_council_page_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/tally/Tally/tally-council-page.ui");
  gtk_widget_class_bind_template_child (widget_class, TallyCouncilPage, after_chip);
  gtk_widget_class_bind_template_child (widget_class, TallyCouncilPage, before_chip);
  gtk_widget_class_bind_template_child (widget_class, TallyCouncilPage, chart_box);
  gtk_widget_class_bind_template_child (widget_class, TallyCouncilPage, control_card);
  gtk_widget_class_bind_template_child (widget_class, TallyCouncilPage, details_label);
  gtk_widget_class_bind_template_child (widget_class, TallyCouncilPage, majority_label);
  gtk_widget_class_bind_template_child (widget_class, TallyCouncilPage, name_label);
  gtk_widget_class_bind_template_child (widget_class, TallyCouncilPage, outcome_label);
  gtk_widget_class_bind_template_child (widget_class, TallyCouncilPage, scroller);
  gtk_widget_class_bind_template_child (widget_class, TallyCouncilPage, seats_grid);
  gtk_widget_class_bind_template_child (widget_class, TallyCouncilPage, seats_section);
  gtk_widget_class_bind_template_child (widget_class, TallyCouncilPage, votes_note);
  gtk_widget_class_bind_template_child (widget_class, TallyCouncilPage, wards_group);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
tally_council_page_init (TallyCouncilPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->ward_rows = g_ptr_array_new ();
  self->seats_text = g_string_new (NULL);
  self->seats_tsv = g_string_new (NULL);

  /* The council after the poll, and what this year's seats did. */
  self->hemicycle = TALLY_CHART_VIEW (tally_chart_view_new ());
  self->seat_bars = TALLY_CHART_VIEW (tally_chart_view_new ());
  gtk_widget_set_size_request (GTK_WIDGET (self->hemicycle), 420, 340);
  gtk_widget_set_size_request (GTK_WIDGET (self->seat_bars), 360, 340);
  gtk_widget_set_hexpand (GTK_WIDGET (self->hemicycle), TRUE);
  gtk_widget_set_hexpand (GTK_WIDGET (self->seat_bars), TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (self->hemicycle), "card");
  gtk_widget_add_css_class (GTK_WIDGET (self->seat_bars), "card");
  gtk_orientable_set_orientation (GTK_ORIENTABLE (self->chart_box), GTK_ORIENTATION_HORIZONTAL);
  gtk_box_set_spacing (self->chart_box, 18);
  gtk_box_append (self->chart_box, GTK_WIDGET (self->hemicycle));
  gtk_box_append (self->chart_box, GTK_WIDGET (self->seat_bars));
  gtk_widget_set_visible (GTK_WIDGET (self->chart_box), TRUE);

  _tally_council_page_init_live (self);
}

GtkWidget *
tally_council_page_new (void)
{
  return g_object_new (TALLY_TYPE_COUNCIL_PAGE, NULL);
}

static gboolean
chart_party_equal (const TallyChartParty *a,
                   const TallyChartParty *b)
{
  return g_strcmp0 (a->key, b->key) == 0 && g_strcmp0 (a->short_name, b->short_name) == 0 &&
         g_strcmp0 (a->name, b->name) == 0 && memcmp (&a->colour, &b->colour, sizeof a->colour) == 0 &&
         memcmp (&a->colour_safe, &b->colour_safe, sizeof a->colour_safe) == 0;
}

static gboolean
seat_data_equal (const TallySeatChartData *a,
                 const TallySeatChartData *b)
{
  if (a == NULL || b == NULL)
    return a == b;
  if (g_strcmp0 (a->heading.title, b->heading.title) != 0 || g_strcmp0 (a->heading.subtitle, b->heading.subtitle) != 0 ||
      g_strcmp0 (a->heading.source, b->heading.source) != 0 || a->n_entries != b->n_entries || a->total != b->total ||
      a->majority != b->majority || a->has_change != b->has_change || a->has_seats_up != b->has_seats_up ||
      g_strcmp0 (a->change_label, b->change_label) != 0 || g_strcmp0 (a->seats_up_label, b->seats_up_label) != 0 ||
      g_strcmp0 (a->not_up_label, b->not_up_label) != 0 || g_strcmp0 (a->figures_label, b->figures_label) != 0)
    return FALSE;
  for (guint i = 0; i < a->n_entries; i++)
    if (!chart_party_equal (&a->entries[i].party, &b->entries[i].party) || a->entries[i].seats != b->entries[i].seats ||
        a->entries[i].seats_up != b->entries[i].seats_up || a->entries[i].change != b->entries[i].change)
      return FALSE;
  return TRUE;
}

/* A live reload draws the same council again, mostly: a chart given data
 * equal to its own would be laid out and drawn again for nothing. */
static void
set_chart_data (TallyChartView     *view,
                TallyChartKind      kind,
                TallySeatChartData *data)
{
  if (tally_chart_view_get_kind (view) == kind && tally_chart_view_get_data (view) != NULL &&
      seat_data_equal (tally_chart_view_get_data (view), data))
    {
      tally_seat_chart_data_free (data);
      return;
    }
  tally_chart_view_set_data (view, kind, data);
}

/* The hemicycle and the seat bars name the parties the Charts view names
 * and fold the rest into Others, as the window's ranking says; the table
 * below them still lists every party with votes. */
static void
fill_charts (TallyCouncilPage *self)
{
  TallySeatChartData *composition = NULL, *won;

  if (tally_council_result_get_total_seats (self->result, TALLY_STAGE_AFTER) > 0)
    {
      composition = tally_chart_adapt_composition (self->result, self->parties);
      tally_chart_group_seats (composition, self->ranking);
    }
  won = tally_chart_adapt_seats_won (self->result, self->parties);
  tally_chart_group_seats (won, self->ranking);

  set_chart_data (self->hemicycle, TALLY_CHART_HEMICYCLE, composition);
  set_chart_data (self->seat_bars, TALLY_CHART_SEAT_BARS, won);
}

/* A digest of everything the page is filled from: the council's figures,
 * its night, and the parties' order; 0 when not known.  The wards are not
 * in it: a ward's figures change only with the council's (its totals, or
 * on the night its latest declaration). */
static guint64
page_digest (TallyCouncilPage   *self,
             TallyCouncilResult *result)
{
  TallyLiveCouncil *live = self->night != NULL ? tally_live_night_lookup (self->night,
                                                                          tally_council_result_get_council (result))
                                               : NULL;

  return tally_council_row_digest (result, live, self->ranking ? tally_party_ranking_get_digest (self->ranking) : 0);
}

/**
 * tally_council_page_show_result:
 * @results: the engine, for the party table and the wards
 * @result: the council's result at the filter's election and baseline
 */
void
tally_council_page_show_result (TallyCouncilPage   *self,
                                TallyResults       *results,
                                TallyCouncilResult *result)
{
  TallyCouncil *council;
  TallyElection *election;
  g_autofree char *details = NULL;
  g_autofree char *outcome = NULL;
  g_autoptr(GString) majority = g_string_new (NULL);
  guint total_after;
  guint64 digest;
  gboolean same_council;

  g_return_if_fail (TALLY_IS_COUNCIL_PAGE (self));
  g_return_if_fail (TALLY_IS_RESULTS (results));
  g_return_if_fail (TALLY_IS_COUNCIL_RESULT (result));

  same_council = self->result != NULL &&
                 tally_council_result_get_council (self->result) == tally_council_result_get_council (result);
  if (!same_council && self->result != NULL && tally_council_result_get_council (self->result) != NULL)
    same_council = g_strcmp0 (tally_council_get_code (tally_council_result_get_council (self->result)),
                              tally_council_get_code (tally_council_result_get_council (result))) == 0;
  digest = page_digest (self, result);
  g_set_object (&self->result, result);
  g_set_object (&self->parties, tally_catalog_get_parties (tally_results_get_catalog (results)));

  /* The same council with the same figures (a live reload for a ward of
   * another council): the page already shows them. */
  if (same_council && digest != 0 && digest == self->shown_digest)
    return;
  self->shown_digest = digest;

  council = tally_council_result_get_council (result);
  election = tally_council_result_get_election (result);

  tally_label_set_text_kept (self->name_label, tally_council_get_name (council));
  if (tally_council_get_county (council) != NULL &&
      g_strcmp0 (tally_council_get_county (council), tally_council_get_region (council)) != 0)
    details = g_strdup_printf ("%s · %s · %s · %s", tally_council_type_get_label (tally_council_get_council_type (council)),
                               tally_council_get_county (council), tally_council_get_region (council),
                               tally_council_get_code (council));
  else
    details = g_strdup_printf ("%s · %s · %s", tally_council_type_get_label (tally_council_get_council_type (council)),
                               tally_council_get_region (council), tally_council_get_code (council));
  tally_label_set_text_kept (self->details_label, details);

  set_chip (self->before_chip, tally_council_result_get_control (result, TALLY_STAGE_BEFORE),
            tally_council_result_get_total_seats (result, TALLY_STAGE_BEFORE) > 0);
  set_chip (self->after_chip, tally_council_result_get_control (result, TALLY_STAGE_AFTER),
            tally_council_result_get_total_seats (result, TALLY_STAGE_AFTER) > 0);
  outcome = tally_council_result_describe_outcome (result, FALSE);
  tally_label_set_text_kept (self->outcome_label, outcome);

  total_after = tally_council_result_get_total_seats (result, TALLY_STAGE_AFTER);
  if (total_after > 0)
    {
      g_autofree char *total = tally_format_count (total_after);
      g_autofree char *needed = tally_format_count (tally_council_result_get_majority (result));
      g_autofree char *up = tally_format_count (tally_council_result_get_seats_up (result));
      g_autofree char *date = tally_format_date (tally_election_get_date (election));

      g_string_append_printf (majority, _("%s seats; %s for a majority. %s were fought on %s."),
                              total, needed, up, date);
    }
  else
    {
      g_autofree char *up = tally_format_count (tally_council_result_get_seats_up (result));

      g_string_append_printf (majority, _("%s seats were fought. The council’s composition is not known."), up);
    }

  /* Postponed polls and same-day by-elections, each on a line. */
  {
    g_auto(GStrv) polls = tally_council_result_describe_special_polls (result);

    for (guint i = 0; polls[i] != NULL; i++)
      g_string_append_printf (majority, "\n%s.", polls[i]);
  }
  /* Translators: "Gain or hold: councils against control on the eve of the poll. Change setting: As the results
   * services count it." The second is the name of the filter panel's Change choice. */
  g_string_append_printf (majority, _("\nGain or hold: %s. Change setting: %s."),
                          tally_basis_describe_control (tally_council_result_get_basis (result)),
                          tally_basis_get_label (tally_council_result_get_basis (result)));
  tally_label_set_text_kept (self->majority_label, majority->str);

  {
    g_autofree char *against = tally_council_result_describe_seat_basis (result);
    /* Translators: "Seat change: against 2014, the same seats. Vote shares …" */
    g_autofree char *note = g_strdup_printf (_("Seat change: %s. Vote shares count every vote cast (total-vote "
                                               "method: a voter in a ward of three seats counts up to three "
                                               "times)."),
                                             against);
    g_autofree char *unsplit = describe_unsplit_votes (result);
    g_autofree char *text = unsplit ? g_strconcat (note, " ", unsplit, NULL) : g_strdup (note);

    tally_label_set_text_kept (self->votes_note, text);
  }

  fill_charts (self);
  fill_seats_grid (self);
  _tally_council_page_fill_wards (self, results);
  _tally_council_page_show_live (self);
  if (g_strcmp0 (adw_preferences_group_get_description (self->wards_group), self->wards_note) != 0)
    adw_preferences_group_set_description (self->wards_group, self->wards_note);

  /* A new council starts at the top of the page; the same one, read again
   * (a live refresh, another moment of the night), stays where it was. */
  if (!same_council)
    gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (self->scroller)), 0);
}

/**
 * tally_council_page_get_result:
 *
 * Returns: (transfer none) (nullable): the council result shown
 */
TallyCouncilResult *
tally_council_page_get_result (TallyCouncilPage *self)
{
  g_return_val_if_fail (TALLY_IS_COUNCIL_PAGE (self), NULL);

  return self->result;
}

/**
 * tally_council_page_get_hemicycle:
 *
 * Returns: (transfer none): the seat chart of the council after the poll
 */
TallyChartView *
tally_council_page_get_hemicycle (TallyCouncilPage *self)
{
  g_return_val_if_fail (TALLY_IS_COUNCIL_PAGE (self), NULL);

  return self->hemicycle;
}

/**
 * tally_council_page_get_text:
 *
 * Returns: (transfer full): what the page says, as text: its headline and
 *   every ward's candidates, one a line (for screen readers and tests)
 */
char *
tally_council_page_get_text (TallyCouncilPage *self)
{
  GString *text = g_string_new (NULL);
  guint n_wards;

  g_return_val_if_fail (TALLY_IS_COUNCIL_PAGE (self), NULL);

  g_string_append_printf (text, "%s\n", gtk_label_get_text (self->name_label));
  /* Results night: how far it has got, and only what is known by then. */
  g_string_append (text, self->live_text->str);
  if (gtk_widget_get_visible (self->control_card))
    g_string_append_printf (text, "%s\n%s\n", gtk_label_get_text (self->outcome_label),
                            gtk_label_get_text (self->majority_label));
  if (gtk_widget_get_visible (self->seats_section))
    g_string_append (text, self->seats_text->str);

  n_wards = self->wards ? g_list_model_get_n_items (self->wards) : 0;
  for (guint i = 0; i < n_wards; i++)
    {
      g_autoptr(TallyWardResult) ward = g_list_model_get_item (self->wards, i);
      const TallyCandidateResult *candidates;
      guint n_candidates;

      if (!gtk_widget_get_visible (g_ptr_array_index (self->ward_rows, i)))
        continue;

      g_string_append_printf (text, "%s: %s\n", tally_ward_result_get_name (ward),
                              adw_expander_row_get_subtitle (g_ptr_array_index (self->ward_rows, i)));

      candidates = tally_ward_result_get_candidates (ward, &n_candidates);
      for (guint j = 0; j < n_candidates; j++)
        {
          g_autofree char *votes = tally_format_count (candidates[j].votes);

          g_string_append_printf (text, "%s: %s (%s) %s%s\n", tally_ward_result_get_name (ward), candidates[j].name,
                                  candidates[j].party_name ? candidates[j].party_name : "", votes,
                                  candidates[j].elected ? _(", elected") : "");
        }
    }

  return g_string_free (text, FALSE);
}

/**
 * tally_council_page_get_table_tsv:
 *
 * Returns: the page's table of parties (seats before and after, won now
 *   and last time, change, share and its change) as tab-separated lines, a
 *   heading line first, so that it pastes into a spreadsheet
 */
const char *
tally_council_page_get_table_tsv (TallyCouncilPage *self)
{
  g_return_val_if_fail (TALLY_IS_COUNCIL_PAGE (self), NULL);

  return self->seats_tsv->str;
}

/**
 * tally_council_page_set_ranking:
 * @ranking: (nullable): the parties the charts name, the rest as Others;
 *   %NULL names every party
 */
void
tally_council_page_set_ranking (TallyCouncilPage  *self,
                                TallyPartyRanking *ranking)
{
  gboolean same;

  g_return_if_fail (TALLY_IS_COUNCIL_PAGE (self));

  /* Every live reload brings a new ranking, nearly always in the same
   * order: the charts are drawn again only when the order changed. */
  same = ranking != NULL && self->ranking != NULL &&
         tally_party_ranking_get_digest (ranking) == tally_party_ranking_get_digest (self->ranking);
  if (ranking != NULL)
    tally_party_ranking_ref (ranking);
  g_clear_pointer (&self->ranking, tally_party_ranking_unref);
  self->ranking = ranking;
  if (!same && self->result != NULL && self->parties != NULL)
    fill_charts (self);
}

/**
 * tally_council_page_set_colour_blind_safe:
 *
 * Draws the page's charts with the colour-blind-safe palette, or not.
 */
void
tally_council_page_set_colour_blind_safe (TallyCouncilPage *self,
                                          gboolean          colour_blind_safe)
{
  g_return_if_fail (TALLY_IS_COUNCIL_PAGE (self));

  tally_chart_view_set_colour_blind_safe (self->hemicycle, colour_blind_safe);
  tally_chart_view_set_colour_blind_safe (self->seat_bars, colour_blind_safe);
}
