/* tally-council-page-live.c: a council's page on results night.
 *
 * While a council is still declaring, its page says how far it has got
 * ("21 of 24 wards declared"), the seats each party has won so far with
 * the change on the same seats four years before, the seats still to come,
 * and every call the arithmetic allows, in words ("Labour cannot take
 * control of Dudley: …").  What is not known yet is not shown: the control
 * after the poll, the charts and the table of the whole result wait for
 * the last ward, and the ward list holds only the wards declared by the
 * moment shown (now, or an earlier moment of the timeline).  Once every
 * ward is in, the page is the ordinary one, with the time of the last ward
 * and any call above it ("Worcester will remain under no overall
 * control …").
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "tally-catalog.h"
#include "tally-council.h"
#include "tally-council-page-private.h"
#include "tally-council-result.h"
#include "tally-election.h"
#include "tally-format.h"
#include "tally-live-council.h"
#include "tally-live-query.h"
#include "tally-party.h"
#include "tally-party-style.h"
#include "tally-ward-result.h"
#include "tally-widget-text.h"

static GtkWidget *
live_label (const char *css_class)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);
  return label;
}

void
_tally_council_page_init_live (TallyCouncilPage *self)
{
  GtkWidget *parent = gtk_widget_get_parent (self->control_card);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 8);

  self->live_text = g_string_new (NULL);

  self->live_card = box;
  gtk_widget_add_css_class (box, "card");
  gtk_widget_add_css_class (box, "live-card");
  self->live_progress = GTK_LABEL (live_label ("title-3"));
  self->live_figures = GTK_LABEL (live_label ("dim-label"));
  self->live_calls = GTK_BOX (gtk_box_new (GTK_ORIENTATION_VERTICAL, 6));
  self->live_grid = GTK_GRID (gtk_grid_new ());
  gtk_grid_set_column_spacing (self->live_grid, 18);
  gtk_grid_set_row_spacing (self->live_grid, 6);
  gtk_widget_set_margin_top (GTK_WIDGET (self->live_grid), 4);

  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->live_progress));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->live_figures));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->live_calls));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->live_grid));
  gtk_widget_set_visible (box, FALSE);

  /* Above the control card: on the night it is the news. */
  gtk_box_insert_child_after (GTK_BOX (parent), box, gtk_widget_get_prev_sibling (self->control_card));
}

void
_tally_council_page_dispose_live (TallyCouncilPage *self)
{
  g_clear_object (&self->night);
  g_clear_object (&self->catalog);
  if (self->live_text != NULL)
    g_string_free (g_steal_pointer (&self->live_text), TRUE);
}

/* "21 of 24 wards declared", as a headline. */
static char *
capitalise (const char *text)
{
  g_autofree char *first = g_utf8_strup (text, g_utf8_next_char (text) - text);

  return g_strconcat (first, g_utf8_next_char (text), NULL);
}

static void
clear_children (GtkWidget *widget)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (widget)) != NULL)
    gtk_widget_unparent (child);
}

static int
compare_won (gconstpointer a,
             gconstpointer b,
             gpointer      live)
{
  TallyParty *party_a = *(TallyParty **) a;
  TallyParty *party_b = *(TallyParty **) b;
  guint won_a = tally_live_council_get_seats_won (live, party_a);
  guint won_b = tally_live_council_get_seats_won (live, party_b);

  if (won_a != won_b)
    return won_a > won_b ? -1 : 1;
  return tally_party_get_position (party_a) - tally_party_get_position (party_b);
}

/* Seats so far, most first, with the change on the same seats. */
static void
fill_live_grid (TallyCouncilPage *self,
                TallyLiveCouncil *live)
{
  g_autoptr(GPtrArray) parties = g_ptr_array_new_with_free_func (g_object_unref);
  TallyElection *baseline = tally_council_result_get_baseline (self->result);
  g_autofree char *then = baseline ? g_strdup_printf (_("Change on %d"), tally_election_get_year (baseline))
                                   : g_strdup (_("Change"));
  guint compared = tally_live_council_get_seats_compared (live);
  int row = 1;

  clear_children (GTK_WIDGET (self->live_grid));

  for (guint i = 0; i < g_list_model_get_n_items (self->parties); i++)
    {
      g_autoptr(TallyParty) party = g_list_model_get_item (self->parties, i);
      int change = 0;

      if (tally_live_council_get_seats_won (live, party) > 0 ||
          (tally_live_council_get_seats_change (live, party, &change) && change != 0))
        g_ptr_array_add (parties, g_steal_pointer (&party));
    }
  g_ptr_array_sort_with_data (parties, compare_won, live);

  gtk_widget_set_visible (GTK_WIDGET (self->live_grid), parties->len > 0);
  if (parties->len == 0)
    return;

  gtk_grid_attach (self->live_grid, _tally_council_page_cell (_("Seats so far"), 0, "column-heading"), 0, 0, 1, 1);
  gtk_grid_attach (self->live_grid, _tally_council_page_cell (_("Won"), 1, "column-heading"), 1, 0, 1, 1);
  gtk_grid_attach (self->live_grid, _tally_council_page_cell (then, 1, "column-heading"), 2, 0, 1, 1);
  g_string_append (self->live_text, _("Seats so far:"));

  for (guint i = 0; i < parties->len; i++, row++)
    {
      TallyParty *party = g_ptr_array_index (parties, i);
      GtkWidget *name_box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
      GtkWidget *chip = gtk_label_new (NULL);
      guint won = tally_live_council_get_seats_won (live, party);
      int change = 0;
      gboolean known = tally_live_council_get_seats_change (live, party, &change);
      g_autofree char *won_text = tally_format_count (won);
      g_autofree char *change_text = known ? tally_format_change (change) : g_strdup ("–");

      tally_party_style_apply_chip (GTK_LABEL (chip), party, TRUE);
      gtk_box_append (GTK_BOX (name_box), chip);
      gtk_box_append (GTK_BOX (name_box), _tally_council_page_cell (tally_party_get_full_name (party), 0, NULL));
      gtk_grid_attach (self->live_grid, name_box, 0, row, 1, 1);
      gtk_grid_attach (self->live_grid, _tally_council_page_cell (won_text, 1, "heading"), 1, row, 1, 1);
      gtk_grid_attach (self->live_grid,
                       _tally_council_page_cell (change_text, 1, !known || change == 0 ? "dim-label"
                                                                 : change > 0 ? "change-up" : "change-down"),
                       2, row, 1, 1);
      g_string_append_printf (self->live_text, "%s %s %s (%s)", i > 0 ? "," : "", tally_party_get_full_name (party),
                              won_text, change_text);
    }
  g_string_append_c (self->live_text, '\n');

  /* Change counts only wards fought four years before on the same lines. */
  if (baseline != NULL)
    {
      g_autofree char *note = NULL;
      GtkWidget *label;

      note = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                           "Change on the same seat in %2$d (%1$u seat of the wards declared).",
                                           "Change on the same seats in %2$d (%1$u seats of the wards declared).",
                                           compared),
                              compared, tally_election_get_year (baseline));
      label = _tally_council_page_cell (note, 0, "dim-label");
      gtk_widget_add_css_class (label, "caption");
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_grid_attach (self->live_grid, label, 0, row, 3, 1);
    }
}

/* Only the wards declared by the moment shown, each with its time. */
static guint
filter_wards (TallyCouncilPage *self,
              TallyLiveCouncil *live)
{
  g_autoptr(GHashTable) times = NULL;
  g_autoptr(GError) error = NULL;
  guint n_shown = 0;

  if (self->wards == NULL)
    return 0;

  times = tally_live_night_list_ward_times (self->night, self->catalog, tally_live_council_get_council (live), &error);
  if (times == NULL)
    g_debug ("Ward declaration times: %s", error->message);

  for (guint i = 0; i < self->ward_rows->len; i++)
    {
      g_autoptr(TallyWardResult) ward = g_list_model_get_item (self->wards, i);
      GtkWidget *row = g_ptr_array_index (self->ward_rows, i);
      const char *ballot = tally_ward_result_get_ballot (ward);
      const gint64 *at = times != NULL && ballot != NULL ? g_hash_table_lookup (times, ballot) : NULL;
      gboolean shown = tally_live_ward_time_is_shown (self->night, times, ballot);

      gtk_widget_set_visible (row, shown);
      n_shown += shown;

      if (shown && at != NULL && *at != G_MININT64)
        {
          g_autofree char *time = tally_live_format_time (*at);
          /* Translators: a ward's line on results night: "Labour hold · declared 01:14". */
          g_autofree char *declared = g_strdup_printf (_("declared %s"), time);

          _tally_council_page_set_ward_declared (self, i, declared);
        }
      else
        _tally_council_page_set_ward_declared (self, i, NULL);
    }

  return n_shown;
}

/*
 * _tally_council_page_show_live:
 *
 * Shows how far the page's council has declared, when the page follows a
 * night.
 *
 * Returns: whether the council is on the night
 */
gboolean
_tally_council_page_show_live (TallyCouncilPage *self)
{
  TallyLiveCouncil *live = NULL;
  TallyLiveState state;
  g_autofree char *progress = NULL;
  g_autofree char *headline = NULL;
  g_autoptr(GString) figures = g_string_new (NULL);
  g_auto(GStrv) calls = NULL;
  g_autoptr(GDateTime) last = NULL;
  gboolean declared;

  g_string_truncate (self->live_text, 0);
  if (self->night != NULL && self->result != NULL)
    live = tally_live_night_lookup (self->night, tally_council_result_get_council (self->result));

  gtk_widget_set_visible (self->live_card, live != NULL);
  if (live == NULL)
    {
      for (guint i = 0; i < self->ward_rows->len; i++)
        _tally_council_page_set_ward_declared (self, i, NULL);
      gtk_widget_set_visible (self->control_card, TRUE);
      gtk_widget_set_visible (GTK_WIDGET (self->chart_box), TRUE);
      gtk_widget_set_visible (self->seats_section, TRUE);
      return FALSE;
    }

  state = tally_live_council_get_state (live);
  declared = state == TALLY_LIVE_DECLARED;
  progress = tally_live_council_describe_progress (live);
  headline = capitalise (progress);

  if (declared && (last = tally_live_council_get_last_declared_at (live)) != NULL)
    {
      g_autofree char *time = tally_live_format_time (g_date_time_to_unix (last));
      g_autofree char *with_time = NULL;

      /* Translators: "All 13 wards declared · the last at 02:14". */
      with_time = g_strdup_printf (_("%s · the last at %s"), headline, time);
      g_free (headline);
      headline = g_steal_pointer (&with_time);
    }
  tally_label_set_text_kept (self->live_progress, headline);
  g_string_append_printf (self->live_text, "%s\n", headline);

  /* What the night still holds, and what a majority takes. */
  if (!declared)
    {
      guint total = tally_live_council_get_total_seats (live);
      g_autofree char *to_come = tally_format_count (tally_live_council_get_seats_to_come (live));
      g_autofree char *up = tally_format_count (tally_live_council_get_seats_up (live));

      if (state == TALLY_LIVE_PARTIAL)
        g_string_append_printf (figures, g_dngettext (GETTEXT_PACKAGE, "%s seat of %s up still to come",
                                                      "%s seats of %s up still to come",
                                                      tally_live_council_get_seats_to_come (live)),
                                to_come, up);
      else
        g_string_append_printf (figures, _("%s seats up"), up);

      if (total > 0)
        {
          g_autofree char *size = tally_format_count (total);
          g_autofree char *majority = tally_format_count (tally_live_council_get_majority (live));

          g_string_append_printf (figures, _(" · %s seats on the council; %s for a majority"), size, majority);
        }
      g_string_append_c (figures, '.');
    }
  tally_label_set_text_kept (self->live_figures, figures->str);
  gtk_widget_set_visible (GTK_WIDGET (self->live_figures), figures->len > 0);
  if (figures->len > 0)
    g_string_append_printf (self->live_text, "%s\n", figures->str);

  /* Every call, the moment it is certain. */
  calls = tally_live_council_describe_calls (live);
  {
    /* The labels of the calls shown before are kept: a reload that
     * brings the same calls lays nothing out again. */
    GtkWidget *label = gtk_widget_get_first_child (GTK_WIDGET (self->live_calls));

    for (guint i = 0; calls != NULL && calls[i] != NULL; i++)
      {
        if (label == NULL)
          {
            label = live_label ("live-call");
            gtk_box_append (self->live_calls, label);
          }
        tally_label_set_text_kept (GTK_LABEL (label), calls[i]);
        g_string_append_printf (self->live_text, "%s\n", calls[i]);
        label = gtk_widget_get_next_sibling (label);
      }
    while (label != NULL)
      {
        GtkWidget *next = gtk_widget_get_next_sibling (label);

        gtk_box_remove (self->live_calls, label);
        label = next;
      }
  }
  gtk_widget_set_visible (GTK_WIDGET (self->live_calls), calls != NULL && calls[0] != NULL);

  if (state == TALLY_LIVE_PARTIAL)
    fill_live_grid (self, live);
  else
    gtk_widget_set_visible (GTK_WIDGET (self->live_grid), FALSE);

  /* The whole result, and the control it gives, wait for the last ward. */
  gtk_widget_set_visible (self->control_card, declared);
  gtk_widget_set_visible (GTK_WIDGET (self->chart_box), declared);
  gtk_widget_set_visible (self->seats_section, declared);

  if (filter_wards (self, live) == 0 && !declared)
    {
      g_free (self->wards_note);
      self->wards_note = g_strdup (_("No ward has declared yet."));
    }
  else if (!declared)
    {
      g_autofree char *description =
        g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "The wards declared so far; %u still to come.",
                                      "The wards declared so far; %u still to come.",
                                      tally_live_council_get_wards_up (live) - tally_live_council_get_wards_declared (live)),
                         tally_live_council_get_wards_up (live) - tally_live_council_get_wards_declared (live));

      g_free (self->wards_note);
      self->wards_note = g_steal_pointer (&description);
    }

  return TRUE;
}

/**
 * tally_council_page_set_night:
 * @night: (nullable): results night, or %NULL when the database records
 *   none
 * @catalog: (nullable): the catalogue @night was made from
 *
 * From the next tally_council_page_show_result(), the page says how far
 * its council has declared at the moment @night shows.
 */
void
tally_council_page_set_night (TallyCouncilPage *self,
                              TallyLiveNight   *night,
                              TallyCatalog     *catalog)
{
  g_return_if_fail (TALLY_IS_COUNCIL_PAGE (self));
  g_return_if_fail (night == NULL || TALLY_IS_LIVE_NIGHT (night));

  g_set_object (&self->night, night);
  if (night != NULL)
    g_set_object (&self->catalog, catalog);
  else
    g_clear_object (&self->catalog);
}
