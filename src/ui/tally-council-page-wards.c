/* tally-council-page-wards.c: the council page's wards, each with its candidates.
 *
 * A live reload brings a new engine, and with it new ward results for
 * the same wards.  Each ward's row is kept for as long as the page shows
 * the same ward (by its ballot, code and name), and only what changed in
 * it is set again: a label given the text it already has keeps its Pango
 * layout, where a new row is laid out from scratch, at every width GTK
 * tries (a council's 20 wards were over ten thousand re-layouts a ward
 * declared).  The user's expanded wards stay expanded.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "tally-council-page-private.h"
#include "tally-format.h"
#include "tally-party.h"
#include "tally-party-style.h"
#include "tally-results.h"
#include "tally-ward-result.h"
#include "tally-widget-text.h"

typedef struct
{
  char      *key;          /* the ward: ballot, code, by-election, name */
  char      *winner;       /* the chip's party key, "" for none */
  GtkWidget *chip;
  char      *subtitle;     /* the ward's line, without the live part */
  char      *declared;     /* results night: "declared 01:14", or NULL */
  GPtrArray *candidates;   /* the candidates' AdwActionRows */
} WardRow;

typedef struct
{
  GtkWidget *figures;
  GtkWidget *mark;         /* the elected tick, or NULL */
} CandidateRow;

static void
ward_row_free (gpointer data)
{
  WardRow *state = data;

  g_free (state->key);
  g_free (state->winner);
  g_free (state->subtitle);
  g_free (state->declared);
  g_ptr_array_unref (state->candidates);
  g_free (state);
}

static char *
ward_key (TallyWardResult *ward)
{
  return g_strdup_printf ("%s\x1f%s\x1f%d\x1f%s", tally_ward_result_get_ballot (ward) ?: "",
                          tally_ward_result_get_code (ward) ?: "", tally_ward_result_get_by_election (ward),
                          tally_ward_result_get_name (ward));
}

static WardRow *
ward_row_get (GtkWidget *row)
{
  return g_object_get_data (G_OBJECT (row), "tally-ward-row");
}

static void
set_css_class (GtkWidget  *widget,
               const char *css_class,
               gboolean    set)
{
  if (set != gtk_widget_has_css_class (widget, css_class))
    {
      if (set)
        gtk_widget_add_css_class (widget, css_class);
      else
        gtk_widget_remove_css_class (widget, css_class);
    }
}

/* The row's line: what make_ward_subtitle() said, and on results night
 * when the ward declared. */
static void
show_ward_subtitle (GtkWidget *row)
{
  WardRow *state = ward_row_get (row);
  g_autofree char *full = NULL;
  const char *text = state->subtitle;

  if (state->declared != NULL)
    text = full = state->subtitle[0] != '\0' ? g_strdup_printf ("%s · %s", state->subtitle, state->declared)
                                             : g_strdup (state->declared);
  if (g_strcmp0 (adw_expander_row_get_subtitle (ADW_EXPANDER_ROW (row)), text) != 0)
    adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (row), text);
}

/*
 * _tally_council_page_set_ward_declared:
 * @declared: (nullable): "declared 01:14", or %NULL
 *
 * Results night: the time ward @index declared, after its line.
 */
void
_tally_council_page_set_ward_declared (TallyCouncilPage *self,
                                       guint             index,
                                       const char       *declared)
{
  GtkWidget *row = g_ptr_array_index (self->ward_rows, index);
  WardRow *state = ward_row_get (row);

  if (g_strcmp0 (state->declared, declared) != 0)
    {
      g_free (state->declared);
      state->declared = g_strdup (declared);
    }
  show_ward_subtitle (row);
}

static char *
make_ward_subtitle (TallyWardResult *ward)
{
  TallyParty *winner = tally_ward_result_get_winner (ward);
  GString *subtitle = g_string_new (NULL);
  guint majority;

  if (winner != NULL && tally_ward_result_get_has_baseline (ward))
    {
      int change;

      if (tally_ward_result_get_seats_change (ward, winner, &change) && change > 0)
        /* Translators: a ward won from another party: "Conservative gain". */
        g_string_append_printf (subtitle, _("%s gain"), tally_party_get_full_name (winner));
      else
        g_string_append_printf (subtitle, _("%s hold"), tally_party_get_full_name (winner));
    }
  if (tally_ward_result_get_seats (ward) > 1)
    {
      if (subtitle->len > 0)
        g_string_append (subtitle, " · ");
      g_string_append_printf (subtitle, _("%u seats"), tally_ward_result_get_seats (ward));
    }
  if (tally_ward_result_get_majority (ward, &majority))
    {
      g_autofree char *count = tally_format_count (majority);

      if (subtitle->len > 0)
        g_string_append (subtitle, " · ");
      g_string_append_printf (subtitle, _("majority %s"), count);
    }

  return g_string_free (subtitle, FALSE);
}

static GtkWidget *
make_candidate_row (void)
{
  GtkWidget *row = adw_action_row_new ();
  CandidateRow *state = g_new0 (CandidateRow, 1);

  /* Names from data are text, not markup: “Green & Independent”. */
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (row), FALSE);
  state->figures = _tally_council_page_cell (NULL, 1, NULL);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), state->figures);
  g_object_set_data_full (G_OBJECT (row), "tally-candidate-row", state, g_free);
  return row;
}

static void
update_candidate_row (GtkWidget                  *row,
                      TallyWardResult            *ward,
                      const TallyCandidateResult *candidate)
{
  CandidateRow *state = g_object_get_data (G_OBJECT (row), "tally-candidate-row");
  g_autofree char *votes = tally_format_count (candidate->votes);
  g_autofree char *share = tally_format_share (candidate->share);
  g_autofree char *suffix = NULL;
  const char *party_name = candidate->party ? tally_party_get_full_name (candidate->party) : NULL;
  const char *subtitle = candidate->party_name ? candidate->party_name : party_name;

  /* Where the same ward was fought four years ago: the party's share change. */
  if (candidate->party != NULL && tally_ward_result_get_has_baseline (ward))
    {
      g_autofree char *change = tally_format_points (tally_ward_result_get_vote_share_change (ward, candidate->party,
                                                                                        TALLY_VOTE_METHOD_TOTAL));

      suffix = g_strdup_printf ("%s  ·  %s  (%s)", votes, share, change);
    }
  else
    {
      suffix = g_strdup_printf ("%s  ·  %s", votes, share);
    }

  if (g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), candidate->name) != 0)
    adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), candidate->name);
  if (g_strcmp0 (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), subtitle ? subtitle : "") != 0)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  tally_label_set_text_kept (GTK_LABEL (state->figures), suffix);
  set_css_class (state->figures, "candidate-elected", candidate->elected);
  set_css_class (row, "candidate-elected", candidate->elected);

  if (candidate->elected && state->mark == NULL)
    {
      state->mark = gtk_image_new_from_icon_name ("object-select-symbolic");
      gtk_widget_set_tooltip_text (state->mark, _("Elected"));
      gtk_accessible_update_property (GTK_ACCESSIBLE (state->mark), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Elected"), -1);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), state->mark);
    }
  else if (!candidate->elected && state->mark != NULL)
    {
      adw_action_row_remove (ADW_ACTION_ROW (row), state->mark);
      state->mark = NULL;
    }
}

static GtkWidget *
make_ward_row (TallyWardResult *ward)
{
  GtkWidget *row = adw_expander_row_new ();
  WardRow *state = g_new0 (WardRow, 1);

  state->key = ward_key (ward);
  state->winner = g_strdup ("");
  state->subtitle = g_strdup ("");
  state->candidates = g_ptr_array_new ();
  g_object_set_data_full (G_OBJECT (row), "tally-ward-row", state, ward_row_free);

  /* Names from data are text, not markup: “Green & Independent”. */
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), tally_ward_result_get_name (ward));
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (row), FALSE);

  return row;
}

/* Says what @ward holds now, changing only what changed. */
static void
update_ward_row (GtkWidget       *row,
                 TallyWardResult *ward)
{
  WardRow *state = ward_row_get (row);
  TallyParty *winner = tally_ward_result_get_winner (ward);
  const char *winner_key = winner != NULL ? tally_party_get_key (winner) : "";
  const TallyCandidateResult *candidates;
  guint n_candidates;

  if (!g_str_equal (state->winner, winner_key))
    {
      if (state->chip != NULL)
        adw_expander_row_remove (ADW_EXPANDER_ROW (row), state->chip);
      state->chip = NULL;
      if (winner != NULL)
        {
          state->chip = gtk_label_new (NULL);
          tally_party_style_apply_chip (GTK_LABEL (state->chip), winner, TRUE);
          gtk_widget_set_valign (state->chip, GTK_ALIGN_CENTER);
          adw_expander_row_add_prefix (ADW_EXPANDER_ROW (row), state->chip);
        }
      g_free (state->winner);
      state->winner = g_strdup (winner_key);
    }

  g_free (state->subtitle);
  state->subtitle = make_ward_subtitle (ward);
  show_ward_subtitle (row);

  candidates = tally_ward_result_get_candidates (ward, &n_candidates);
  while (state->candidates->len > n_candidates)
    {
      adw_expander_row_remove (ADW_EXPANDER_ROW (row), g_ptr_array_index (state->candidates, state->candidates->len - 1));
      g_ptr_array_set_size (state->candidates, state->candidates->len - 1);
    }
  while (state->candidates->len < n_candidates)
    {
      GtkWidget *candidate_row = make_candidate_row ();

      adw_expander_row_add_row (ADW_EXPANDER_ROW (row), candidate_row);
      g_ptr_array_add (state->candidates, candidate_row);
    }
  for (guint i = 0; i < n_candidates; i++)
    update_candidate_row (g_ptr_array_index (state->candidates, i), ward, &candidates[i]);
}

/*
 * _tally_council_page_fill_wards:
 *
 * Reads @self->result's wards from @results, and shows them in their
 * order: the rows of wards shown before are kept, those of wards gone
 * removed, new ones put in their place.
 */
void
_tally_council_page_fill_wards (TallyCouncilPage *self,
                                TallyResults     *results)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GHashTable) old = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_object_unref);
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();
  GtkWidget *list = NULL;
  guint n_wards, kept = 0;

  for (guint i = 0; i < self->ward_rows->len; i++)
    {
      GtkWidget *row = g_ptr_array_index (self->ward_rows, i);

      g_hash_table_insert (old, ward_row_get (row)->key, g_object_ref (row));
    }
  g_clear_object (&self->wards);

  self->wards = tally_results_list_wards (results, self->result, &error);
  n_wards = self->wards ? g_list_model_get_n_items (self->wards) : 0;

  /* Set at the end of tally_council_page_show_result(), once the live
   * part has had its say: set twice, it would be laid out again. */
  g_clear_pointer (&self->wards_note, g_free);
  if (error != NULL)
    self->wards_note = g_strdup (error->message);
  else if (n_wards == 0)
    self->wards_note = g_strdup (_("No ward results in this database. Import the Democracy Club or "
                                   "LEAP files to see every ward and candidate."));

  /* The rows kept, in their new order, which must be their old order. */
  for (guint i = 0; i < n_wards; i++)
    {
      g_autoptr(TallyWardResult) ward = g_list_model_get_item (self->wards, i);
      g_autofree char *key = ward_key (ward);
      GtkWidget *row = g_hash_table_lookup (old, key);

      if (row != NULL)
        {
          g_hash_table_steal (old, key);
          g_object_unref (row);     /* the group holds it */
          kept++;
        }
      g_ptr_array_add (rows, row);
    }
  for (guint i = 0, k = 0; i < self->ward_rows->len && kept > 0; i++)
    {
      GtkWidget *row = g_ptr_array_index (self->ward_rows, i);

      if (g_hash_table_contains (old, ward_row_get (row)->key))
        continue;
      while (g_ptr_array_index (rows, k) == NULL)
        k++;
      if (g_ptr_array_index (rows, k) != row)
        {
          /* Another order (not by name?): make every row again. */
          for (guint j = 0; j < rows->len; j++)
            if (g_ptr_array_index (rows, j) != NULL)
              g_hash_table_insert (old, ward_row_get (g_ptr_array_index (rows, j))->key,
                                   g_object_ref (g_ptr_array_index (rows, j)));
          for (guint j = 0; j < rows->len; j++)
            g_ptr_array_index (rows, j) = NULL;
          break;
        }
      k++;
    }

  /* Wards no longer shown (another council). */
  {
    GHashTableIter iter;
    GtkWidget *row;

    g_hash_table_iter_init (&iter, old);
    while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &row))
      adw_preferences_group_remove (self->wards_group, row);
  }

  for (guint i = 0; i < rows->len; i++)
    if (g_ptr_array_index (rows, i) != NULL)
      list = gtk_widget_get_parent (g_ptr_array_index (rows, i));

  for (guint i = 0; i < n_wards; i++)
    {
      g_autoptr(TallyWardResult) ward = g_list_model_get_item (self->wards, i);
      GtkWidget *row = g_ptr_array_index (rows, i);

      if (row == NULL)
        {
          row = make_ward_row (ward);
          g_ptr_array_index (rows, i) = row;
          /* In its place among the rows kept: the group's list. */
          if (GTK_IS_LIST_BOX (list))
            gtk_list_box_insert (GTK_LIST_BOX (list), row, i);
          else
            adw_preferences_group_add (self->wards_group, row);
        }
      update_ward_row (row, ward);
    }

  g_ptr_array_set_size (self->ward_rows, 0);
  for (guint i = 0; i < rows->len; i++)
    g_ptr_array_add (self->ward_rows, g_ptr_array_index (rows, i));
}
