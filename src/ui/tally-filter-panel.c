/* tally-filter-panel.c: the sidebar where the user chooses what to look at.
 *
 * Each choice (an outcome, a party, a region, a council type) is a row with
 * a check box and the number of councils it would match, given every other
 * choice: the usual faceted search, where choices within a group widen the
 * set and groups narrow it.  The panel edits the engine's one TallyFilter and
 * redraws itself from it whenever it changes, whoever changed it, so it never
 * holds state of its own.
 *
 * At a window's start only the choices a screen shows are built: the
 * outcomes, under the election menus.  The parties, regions and council
 * types, below the fold, come on the frame after the first is painted
 * (tally_filter_panel_defer_choices()), as the council list's rows do.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "tally-catalog.h"
#include "tally-council.h"
#include "tally-council-result.h"
#include "tally-election.h"
#include "tally-filter.h"
#include "tally-filter-panel.h"
#include "tally-party.h"
#include "tally-party-ranking.h"
#include "tally-party-style.h"
#include "tally-results.h"
#include "tally-scope-summary.h"
#include "tally-widget-text.h"

typedef enum
{
  FACET_OUTCOME,
  FACET_PARTY,
  FACET_REGION,
  FACET_TYPE,
} Facet;

static const char *facet_names[] = { "outcome", "party", "region", "type" };

typedef struct
{
  Facet              facet;
  char              *value;      /* party key, region name or council type key */
  TallyOutcomeFlags  outcomes;   /* for FACET_OUTCOME */
  GtkCheckButton    *check;
  GtkLabel          *count;
  AdwActionRow      *row;
  char              *key;        /* facet, value, outcomes and title: the row's identity */
  char              *chip;       /* FACET_PARTY: the chip's text and tooltip, as drawn */
} Choice;

struct _TallyFilterPanel
{
  GtkWidget             parent_instance;

  TallyResults         *results;
  TallyFilter          *filter;
  GPtrArray            *choices;
  GHashTable           *kept;       /* while building: the choices before, by key */
  guint                 frozen;     /* tally_filter_panel_freeze() */
  guint                 stale : 1;  /* a refresh() held back while frozen */
  guint                 updating : 1;
  guint                 deferring : 1;  /* only the outcomes, until the first frame */
  guint                 build_tick;
  gint64                mapped_frame;   /* the frame being made when the panel was mapped */

  /* Template widgets */
  AdwComboRow          *baseline_row;
  AdwComboRow          *basis_row;
  AdwComboRow          *election_row;
  AdwPreferencesGroup  *outcome_group;
  AdwPreferencesGroup  *party_group;
  AdwPreferencesGroup  *region_group;
  GtkSearchEntry       *search_entry;
  AdwPreferencesGroup  *type_group;
};

G_DEFINE_FINAL_TYPE (TallyFilterPanel, tally_filter_panel, GTK_TYPE_WIDGET)

static void
choice_free (gpointer data)
{
  Choice *choice = data;

  g_free (choice->value);
  g_free (choice->key);
  g_free (choice->chip);
  g_free (choice);
}

static gboolean
choice_is_selected (TallyFilterPanel *self,
                    Choice           *choice)
{
  switch (choice->facet)
    {
    case FACET_OUTCOME:
      return (tally_filter_get_outcomes (self->filter) & choice->outcomes) == choice->outcomes;

    case FACET_PARTY:
      return tally_filter_get_party_selected (self->filter, choice->value);

    case FACET_REGION:
      return tally_filter_get_region_selected (self->filter, choice->value);

    case FACET_TYPE:
      {
        TallyCouncilType type;

        return tally_council_type_from_string (choice->value, &type) &&
               tally_filter_get_council_type_selected (self->filter, type);
      }

    default:
      g_assert_not_reached ();
    }
}

/* What the filter would match if @choice were the only one of its group. */
static guint
count_choice (TallyFilterPanel *self,
              Choice           *choice)
{
  g_autoptr(TallyFilter) what_if = tally_filter_copy (self->filter);
  const char *only[] = { choice->value, NULL };

  switch (choice->facet)
    {
    case FACET_OUTCOME:
      tally_filter_set_outcomes (what_if, choice->outcomes);
      break;

    case FACET_PARTY:
      tally_filter_set_parties (what_if, only);
      break;

    case FACET_REGION:
      tally_filter_set_regions (what_if, only);
      break;

    case FACET_TYPE:
      tally_filter_set_council_types (what_if, only);
      break;

    default:
      g_assert_not_reached ();
    }

  return tally_results_count_matching (self->results, what_if);
}

static void
select_combo_election (AdwComboRow   *row,
                       GListModel    *elections,
                       TallyElection *election)
{
  guint n_elections = g_list_model_get_n_items (elections);

  for (guint i = 0; i < n_elections; i++)
    {
      g_autoptr(TallyElection) item = g_list_model_get_item (elections, i);

      if (item == election)
        {
          adw_combo_row_set_selected (row, i);
          return;
        }
    }

  adw_combo_row_set_selected (row, GTK_INVALID_LIST_POSITION);
}

/* The basis row: which of TallyBasis (the items are in its order), and
 * what it means for councils and for seats. */
static void
refresh_basis (TallyFilterPanel *self)
{
  TallyBasis basis = tally_filter_get_basis (self->filter);
  g_autofree char *subtitle = g_strdup_printf ("%s; %s", tally_basis_describe_control (basis),
                                               tally_basis_describe_seats (basis));

  if (adw_combo_row_get_selected (self->basis_row) != (guint) basis)
    adw_combo_row_set_selected (self->basis_row, basis);
  /* The row's subtitle names the basis; what it means is one hover away
   * and spelt out under the state of the parties. */
  tally_widget_set_tooltip_kept (GTK_WIDGET (self->basis_row), subtitle);
}

static void
basis_selected_cb (TallyFilterPanel *self,
                   GParamSpec       *pspec,
                   AdwComboRow      *row)
{
  guint selected = adw_combo_row_get_selected (row);

  if (self->updating || self->filter == NULL || selected >= TALLY_N_BASES)
    return;

  tally_filter_set_basis (self->filter, (TallyBasis) selected);
}

/* Makes every row say what the filter now holds. */
static void
refresh (TallyFilterPanel *self)
{
  GListModel *elections;

  if (self->results == NULL)
    return;
  if (self->frozen > 0)
    {
      self->stale = TRUE;
      return;
    }
  self->stale = FALSE;

  self->updating = TRUE;

  for (guint i = 0; i < self->choices->len; i++)
    {
      Choice *choice = g_ptr_array_index (self->choices, i);
      guint count = count_choice (self, choice);
      g_autofree char *text = g_strdup_printf ("%u", count);

      gboolean selected = choice_is_selected (self, choice);

      /* Only what changed: a label given its own text keeps its layout. */
      if (gtk_check_button_get_active (choice->check) != selected)
        gtk_check_button_set_active (choice->check, selected);
      tally_label_set_text_kept (choice->count, text);

      if ((count == 0) != gtk_widget_has_css_class (GTK_WIDGET (choice->row), "dim-label"))
        {
          if (count == 0)
            gtk_widget_add_css_class (GTK_WIDGET (choice->row), "dim-label");
          else
            gtk_widget_remove_css_class (GTK_WIDGET (choice->row), "dim-label");
        }
    }

  elections = tally_catalog_get_elections (tally_results_get_catalog (self->results));
  select_combo_election (self->election_row, elections, tally_results_resolve_election (self->results, self->filter));
  select_combo_election (self->baseline_row, elections, tally_results_resolve_baseline (self->results, self->filter));
  refresh_basis (self);

  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (self->search_entry)),
                 tally_filter_get_search_text (self->filter) ? tally_filter_get_search_text (self->filter) : "") != 0)
    gtk_editable_set_text (GTK_EDITABLE (self->search_entry),
                           tally_filter_get_search_text (self->filter) ? tally_filter_get_search_text (self->filter) : "");

  self->updating = FALSE;
}

static void
apply_choice (TallyFilterPanel *self,
              Choice           *choice,
              gboolean          selected)
{
  switch (choice->facet)
    {
    case FACET_OUTCOME:
      {
        TallyOutcomeFlags outcomes = tally_filter_get_outcomes (self->filter);

        tally_filter_set_outcomes (self->filter, selected ? (outcomes | choice->outcomes)
                                                          : (outcomes & ~choice->outcomes));
      }
      break;

    case FACET_PARTY:
      tally_filter_set_party_selected (self->filter, choice->value, selected);
      break;

    case FACET_REGION:
      tally_filter_set_region_selected (self->filter, choice->value, selected);
      break;

    case FACET_TYPE:
      {
        TallyCouncilType type;

        if (tally_council_type_from_string (choice->value, &type))
          tally_filter_set_council_type_selected (self->filter, type, selected);
      }
      break;

    default:
      g_assert_not_reached ();
    }
}

static void
check_toggled_cb (GtkCheckButton   *check,
                  TallyFilterPanel *self)
{
  Choice *choice = g_object_get_data (G_OBJECT (check), "tally-choice");

  if (self->updating || self->filter == NULL)
    return;

  apply_choice (self, choice, gtk_check_button_get_active (check));
}

static void
filter_changed_cb (TallyFilterPanel *self)
{
  refresh (self);
}

static void
search_changed_cb (TallyFilterPanel *self)
{
  if (self->updating || self->filter == NULL)
    return;

  tally_filter_set_search_text (self->filter, gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));
}

static void
stop_search_cb (TallyFilterPanel *self)
{
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
}

static void
election_selected_cb (TallyFilterPanel *self,
                      GParamSpec       *pspec,
                      AdwComboRow      *row)
{
  g_autoptr(TallyElection) election = NULL;

  if (self->updating || self->filter == NULL || adw_combo_row_get_selected_item (row) == NULL)
    return;

  /* The catalogue's own election at that place: after a live reload the
   * menu may still list the elections of the one before. */
  election = g_list_model_get_item (tally_catalog_get_elections (tally_results_get_catalog (self->results)),
                                    adw_combo_row_get_selected (row));
  if (election == NULL)
    return;

  if (row == self->election_row)
    {
      /* A new election brings its own baseline with it. */
      tally_filter_freeze (self->filter);
      tally_filter_set_election (self->filter, election);
      tally_filter_set_baseline (self->filter, NULL);
      tally_filter_thaw (self->filter);
    }
  else
    {
      tally_filter_set_baseline (self->filter, election);
    }
}

/* What a choice is and says: its row is kept while this stays the same. */
static char *
choice_key (Facet              facet,
            const char        *value,
            TallyOutcomeFlags  outcomes,
            const char        *title,
            TallyParty        *party)
{
  return g_strdup_printf ("%d\x1f%s\x1f%u\x1f%s\x1f%s\x1f%s\x1f%s", facet, value ? value : "", (guint) outcomes, title,
                          party ? tally_party_get_short_name (party) : "",
                          party ? tally_party_get_colour (party, FALSE) : "",
                          party ? tally_party_get_colour (party, TRUE) : "");
}

/*
 * add_choice:
 * @party: (nullable): the party whose chip the row shows
 *
 * A live reload brings the same choices, as a rule, and each is kept
 * with its row, found again by what it is and says (self->kept): a row
 * laid out once is not laid out again (a panel of new rows was thousands
 * of Pango layouts a ward declared), and a check box keeps its focus.
 */
static Choice *
add_choice (TallyFilterPanel    *self,
            AdwPreferencesGroup *group,
            Facet                facet,
            const char          *value,
            TallyOutcomeFlags    outcomes,
            const char          *title,
            TallyParty          *party)
{
  g_autofree char *key = choice_key (facet, value, outcomes, title, party);
  Choice *choice = self->kept ? g_hash_table_lookup (self->kept, key) : NULL;
  GPtrArray *order = g_object_get_data (G_OBJECT (group), "tally-order");
  GtkWidget *row, *check, *count;

  if (order == NULL)
    {
      order = g_ptr_array_new ();
      g_object_set_data_full (G_OBJECT (group), "tally-order", order, (GDestroyNotify) g_ptr_array_unref);
    }

  if (choice != NULL)
    {
      g_hash_table_steal (self->kept, key);
      g_ptr_array_add (order, choice->row);
      g_ptr_array_add (self->choices, choice);
      return choice;
    }

  choice = g_new0 (Choice, 1);
  row = adw_action_row_new ();
  check = gtk_check_button_new ();
  count = gtk_label_new (NULL);

  choice->facet = facet;
  choice->value = g_strdup (value);
  choice->outcomes = outcomes;
  choice->check = GTK_CHECK_BUTTON (check);
  choice->count = GTK_LABEL (count);
  choice->row = ADW_ACTION_ROW (row);
  choice->key = g_steal_pointer (&key);

  /* Names from data are text, not markup: “Green & Independent”. */
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (row), FALSE);
  gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
  /* Each prefix goes before the ones already there. */
  if (party != NULL)
    {
      GtkWidget *chip = gtk_label_new (NULL);

      tally_party_style_apply_chip (GTK_LABEL (chip), party, TRUE);
      gtk_widget_set_valign (chip, GTK_ALIGN_CENTER);
      gtk_widget_set_tooltip_text (chip, NULL);
      gtk_accessible_update_state (GTK_ACCESSIBLE (chip), GTK_ACCESSIBLE_STATE_HIDDEN, TRUE, -1);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), chip);
    }
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
  gtk_widget_add_css_class (count, "dim-label");
  gtk_widget_add_css_class (count, "numeric");
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), count);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);

  g_object_set_data (G_OBJECT (check), "tally-choice", choice);
  g_signal_connect_object (check, "toggled", G_CALLBACK (check_toggled_cb), self, 0);

  g_ptr_array_add (order, row);
  g_ptr_array_add (self->choices, choice);

  return choice;
}

/* Shows @group's rows in the order add_choice() just gave them, when it
 * is not the order on screen already: rows of choices gone are removed,
 * new ones added, and kept ones moved only if the order changed. */
static void
show_group (AdwPreferencesGroup *group)
{
  GPtrArray *order = g_object_get_data (G_OBJECT (group), "tally-order");
  GPtrArray *shown = g_object_get_data (G_OBJECT (group), "tally-shown");
  guint n_order = order ? order->len : 0, n_shown = shown ? shown->len : 0;
  guint same = 0;

  while (same < n_order && same < n_shown && g_ptr_array_index (order, same) == g_ptr_array_index (shown, same))
    same++;

  if (same < n_order || same < n_shown)
    {
      GPtrArray *now = g_ptr_array_new_with_free_func (g_object_unref);

      /* The rows from the first that differs on are put in again. */
      for (guint i = same; i < n_shown; i++)
        adw_preferences_group_remove (group, g_ptr_array_index (shown, i));
      for (guint i = 0; i < n_order; i++)
        {
          if (i >= same)
            adw_preferences_group_add (group, g_ptr_array_index (order, i));
          g_ptr_array_add (now, g_object_ref (g_ptr_array_index (order, i)));
        }
      g_object_set_data_full (G_OBJECT (group), "tally-shown", now, (GDestroyNotify) g_ptr_array_unref);
    }

  if (order != NULL)
    g_ptr_array_set_size (order, 0);
}

static void
show_groups (TallyFilterPanel *self)
{
  AdwPreferencesGroup *groups[] = { self->outcome_group, self->party_group, self->region_group, self->type_group };

  for (guint i = 0; i < G_N_ELEMENTS (groups); i++)
    show_group (groups[i]);
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return g_utf8_collate (*(const char * const *) a, *(const char * const *) b);
}

static int
compare_ranked (gconstpointer a,
                gconstpointer b,
                gpointer      ranking)
{
  return tally_party_ranking_compare (ranking, *(TallyParty **) a, *(TallyParty **) b);
}

static void
build_choices (TallyFilterPanel *self)
{
  TallyCatalog *catalog = tally_results_get_catalog (self->results);
  GListModel *parties = tally_catalog_get_parties (catalog);
  GListModel *councils = tally_catalog_get_councils (catalog);
  g_autoptr(GPtrArray) regions = g_ptr_array_new ();
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(TallyFilter) everything = NULL;
  g_autoptr(TallyScopeSummary) whole = NULL;
  g_autoptr(TallyPartyRanking) ranking = NULL;
  g_autoptr(GPtrArray) ordered = g_ptr_array_new_with_free_func (g_object_unref);
  static const struct
  {
    TallyOutcomeFlags  outcomes;
    const char        *title;
  } outcomes[] = {
    { TALLY_OUTCOME_FLAG_GAIN, N_("Gained") },
    { TALLY_OUTCOME_FLAG_LOSS, N_("Lost") },
    { TALLY_OUTCOME_FLAG_HOLD, N_("Held") },
    { TALLY_OUTCOME_FLAG_NOC_HOLD, N_("No overall control, before and after") },
    { TALLY_OUTCOME_FLAGS_CHANGED, N_("Changed hands") },
    { TALLY_OUTCOME_FLAGS_UNCHANGED, N_("Did not change hands") },
  };

  for (guint i = 0; i < G_N_ELEMENTS (outcomes); i++)
    add_choice (self, self->outcome_group, FACET_OUTCOME, NULL, outcomes[i].outcomes,
                _(outcomes[i].title), NULL);
  if (self->deferring)
    return;

  /* Imported files bring hundreds of small parties, kept in the "other"
   * group: those that won no seat at this election stay out of the list. */
  everything = tally_filter_new ();
  tally_filter_set_election (everything, tally_filter_get_election (self->filter));
  whole = tally_results_summarize (self->results, everything);

  /* In results order, as every view lists them: named parties by councils
   * then seats, Others, then the parties Others groups. */
  ranking = tally_party_ranking_ref (tally_results_get_ranking (
    self->results, tally_results_resolve_election (self->results, everything),
    tally_results_resolve_baseline (self->results, everything), TRUE));
  for (guint i = 0; i < g_list_model_get_n_items (parties); i++)
    g_ptr_array_add (ordered, g_list_model_get_item (parties, i));
  g_ptr_array_sort_with_data (ordered, compare_ranked, ranking);

  for (guint i = 0; i < ordered->len; i++)
    {
      TallyParty *party = g_ptr_array_index (ordered, i);

      if (g_str_equal (tally_party_get_group (party), "other") && !tally_party_is_aggregate (party) &&
          tally_scope_summary_get_seats_won (whole, party) == 0)
        continue;

      add_choice (self, self->party_group, FACET_PARTY, tally_party_get_key (party), 0,
                  tally_party_get_full_name (party), party);
    }

  for (guint i = 0; i < g_list_model_get_n_items (councils); i++)
    {
      g_autoptr(TallyCouncil) council = g_list_model_get_item (councils, i);
      const char *region = tally_council_get_region (council);

      if (g_hash_table_add (seen, (char *) region))
        g_ptr_array_add (regions, (char *) region);
    }
  g_ptr_array_sort (regions, compare_strings);
  for (guint i = 0; i < regions->len; i++)
    add_choice (self, self->region_group, FACET_REGION, g_ptr_array_index (regions, i), 0,
                g_ptr_array_index (regions, i), NULL);

  for (TallyCouncilType type = 0; type < TALLY_N_COUNCIL_TYPES; type++)
    add_choice (self, self->type_group, FACET_TYPE, tally_council_type_to_string (type), 0,
                tally_council_type_get_label (type), NULL);
}

/* Builds the rows of the engine's choices, keeping those it had. */
static void
rebuild_choices (TallyFilterPanel *self)
{
  /* The choices shown so far, to be found again by build_choices(). */
  self->kept = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, choice_free);
  for (guint i = 0; i < self->choices->len; i++)
    {
      Choice *choice = g_ptr_array_index (self->choices, i);

      g_hash_table_insert (self->kept, choice->key, choice);
    }
  g_ptr_array_set_free_func (self->choices, NULL);
  g_ptr_array_set_size (self->choices, 0);
  g_ptr_array_set_free_func (self->choices, choice_free);

  if (self->results != NULL)
    build_choices (self);
  /* The rows of choices not found again go, then their choices. */
  show_groups (self);
  g_clear_pointer (&self->kept, g_hash_table_unref);
}

/* Every choice, now: no longer only those above the fold. */
static void
build_every_choice (TallyFilterPanel *self)
{
  if (self->build_tick != 0)
    {
      gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->build_tick);
      self->build_tick = 0;
    }
  if (!self->deferring)
    return;

  self->deferring = FALSE;
  rebuild_choices (self);
  refresh (self);
}

static gboolean
build_tick_cb (GtkWidget     *widget,
               GdkFrameClock *clock,
               gpointer       user_data)
{
  TallyFilterPanel *self = TALLY_FILTER_PANEL (widget);

  /* The frame after the one being made when the panel was mapped: that
   * one is painted first. */
  if (gdk_frame_clock_get_frame_counter (clock) <= self->mapped_frame + 1)
    return G_SOURCE_CONTINUE;

  self->build_tick = 0;
  build_every_choice (self);
  return G_SOURCE_REMOVE;
}

static void
tally_filter_panel_map (GtkWidget *widget)
{
  TallyFilterPanel *self = TALLY_FILTER_PANEL (widget);

  GTK_WIDGET_CLASS (tally_filter_panel_parent_class)->map (widget);

  if (self->deferring && self->build_tick == 0)
    {
      self->mapped_frame = gdk_frame_clock_get_frame_counter (gtk_widget_get_frame_clock (widget));
      self->build_tick = gtk_widget_add_tick_callback (widget, build_tick_cb, NULL, NULL);
    }
}

static void
tally_filter_panel_dispose (GObject *object)
{
  TallyFilterPanel *self = (TallyFilterPanel *) object;
  GtkWidget *child;

  if (self->build_tick != 0)
    {
      gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->build_tick);
      self->build_tick = 0;
    }
  if (self->filter != NULL)
    g_signal_handlers_disconnect_by_data (self->filter, self);

  gtk_widget_dispose_template (GTK_WIDGET (self), TALLY_TYPE_FILTER_PANEL);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  g_clear_pointer (&self->choices, g_ptr_array_unref);
  g_clear_object (&self->filter);
  g_clear_object (&self->results);

  G_OBJECT_CLASS (tally_filter_panel_parent_class)->dispose (object);
}

static void
tally_filter_panel_class_init (TallyFilterPanelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = tally_filter_panel_dispose;
  widget_class->map = tally_filter_panel_map;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/tally/Tally/tally-filter-panel.ui");
  gtk_widget_class_bind_template_child (widget_class, TallyFilterPanel, baseline_row);
  gtk_widget_class_bind_template_child (widget_class, TallyFilterPanel, basis_row);
  gtk_widget_class_bind_template_child (widget_class, TallyFilterPanel, election_row);
  gtk_widget_class_bind_template_child (widget_class, TallyFilterPanel, outcome_group);
  gtk_widget_class_bind_template_child (widget_class, TallyFilterPanel, party_group);
  gtk_widget_class_bind_template_child (widget_class, TallyFilterPanel, region_group);
  gtk_widget_class_bind_template_child (widget_class, TallyFilterPanel, search_entry);
  gtk_widget_class_bind_template_child (widget_class, TallyFilterPanel, type_group);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, stop_search_cb);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
tally_filter_panel_init (TallyFilterPanel *self)
{
  g_autoptr(GtkExpression) name = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->choices = g_ptr_array_new_with_free_func (choice_free);

  name = gtk_property_expression_new (TALLY_TYPE_ELECTION, NULL, "name");
  adw_combo_row_set_expression (self->election_row, name);
  adw_combo_row_set_expression (self->baseline_row, name);
  g_signal_connect_object (self->election_row, "notify::selected",
                           G_CALLBACK (election_selected_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->baseline_row, "notify::selected",
                           G_CALLBACK (election_selected_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->basis_row, "notify::selected",
                           G_CALLBACK (basis_selected_cb), self, G_CONNECT_SWAPPED);
}

GtkWidget *
tally_filter_panel_new (void)
{
  return g_object_new (TALLY_TYPE_FILTER_PANEL, NULL);
}

/* Whether @a and @b list the same elections, in the same order. */
static gboolean
same_elections (GListModel *a,
                GListModel *b)
{
  guint n = a != NULL ? g_list_model_get_n_items (a) : 0;

  if (a == NULL || b == NULL || n != g_list_model_get_n_items (b))
    return a == b;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(TallyElection) x = g_list_model_get_item (a, i);
      g_autoptr(TallyElection) y = g_list_model_get_item (b, i);

      if (tally_election_get_id (x) != tally_election_get_id (y) ||
          g_strcmp0 (tally_election_get_date (x), tally_election_get_date (y)) != 0 ||
          g_strcmp0 (tally_election_get_name (x), tally_election_get_name (y)) != 0)
        return FALSE;
    }
  return TRUE;
}

/**
 * tally_filter_panel_defer_choices:
 *
 * Until the panel's first frame is painted, builds only the choices above
 * the fold (the outcomes); the parties, regions and council types follow
 * on the next frame.  For a window's start, before its database is
 * opened.  Whatever asks for a choice by name has them all built first.
 */
void
tally_filter_panel_defer_choices (TallyFilterPanel *self)
{
  g_return_if_fail (TALLY_IS_FILTER_PANEL (self));

  self->deferring = TRUE;
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    tally_filter_panel_map (GTK_WIDGET (self));
}

/**
 * tally_filter_panel_set_results:
 * @results: (nullable): the engine whose filter the panel edits
 */
void
tally_filter_panel_set_results (TallyFilterPanel *self,
                                TallyResults     *results)
{
  GListModel *elections = NULL;

  g_return_if_fail (TALLY_IS_FILTER_PANEL (self));

  if (self->filter != NULL)
    g_signal_handlers_disconnect_by_data (self->filter, self);

  g_set_object (&self->results, results);
  g_clear_object (&self->filter);
  if (results != NULL)
    self->filter = g_object_ref (tally_results_get_filter (results));

  self->updating = TRUE;
  if (results != NULL)
    elections = tally_catalog_get_elections (tally_results_get_catalog (results));
  /* A live reload brings the same elections, as new objects: the menus keep
   * theirs (setting a model builds a menu's list again). */
  if (!same_elections (adw_combo_row_get_model (self->election_row), elections))
    {
      adw_combo_row_set_model (self->election_row, elections);
      adw_combo_row_set_model (self->baseline_row, elections);
    }
  self->updating = FALSE;

  rebuild_choices (self);
  if (results == NULL)
    return;

  g_signal_connect_object (self->filter, "changed", G_CALLBACK (filter_changed_cb), self, G_CONNECT_SWAPPED);
  refresh (self);
}

/**
 * tally_filter_panel_refresh:
 *
 * Counts every choice again: the engine's figures changed under the same
 * filter (results night: a council declared, another moment of the night).
 */
void
tally_filter_panel_refresh (TallyFilterPanel *self)
{
  g_return_if_fail (TALLY_IS_FILTER_PANEL (self));

  refresh (self);
}

/**
 * tally_filter_panel_freeze:
 *
 * Holds back counting the choices until tally_filter_panel_thaw(): a live
 * reload brings a new engine, its filter and the night one after the
 * other, and each would count every choice again (about 180 filters over
 * 150 councils).
 */
void
tally_filter_panel_freeze (TallyFilterPanel *self)
{
  g_return_if_fail (TALLY_IS_FILTER_PANEL (self));

  self->frozen++;
}

/**
 * tally_filter_panel_thaw:
 *
 * Counts the choices once, if anything asked for it while frozen.
 */
void
tally_filter_panel_thaw (TallyFilterPanel *self)
{
  g_return_if_fail (TALLY_IS_FILTER_PANEL (self));
  g_return_if_fail (self->frozen > 0);

  if (--self->frozen == 0 && self->stale)
    refresh (self);
}

void
tally_filter_panel_focus_search (TallyFilterPanel *self)
{
  g_return_if_fail (TALLY_IS_FILTER_PANEL (self));

  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

/**
 * tally_filter_panel_get_search_entry:
 *
 * Returns: (transfer none): the search entry, for type-to-search
 */
GtkEditable *
tally_filter_panel_get_search_entry (TallyFilterPanel *self)
{
  g_return_val_if_fail (TALLY_IS_FILTER_PANEL (self), NULL);

  return GTK_EDITABLE (self->search_entry);
}

static Choice *
find_choice (TallyFilterPanel *self,
             const char       *facet,
             const char       *value)
{
  build_every_choice (self);
  for (guint i = 0; i < self->choices->len; i++)
    {
      Choice *choice = g_ptr_array_index (self->choices, i);

      if (!g_str_equal (facet_names[choice->facet], facet))
        continue;

      if (choice->facet == FACET_OUTCOME)
        {
          if (g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (choice->row)), value) == 0)
            return choice;
        }
      else if (g_strcmp0 (choice->value, value) == 0)
        {
          return choice;
        }
    }

  return NULL;
}

/**
 * tally_filter_panel_toggle:
 * @facet: "outcome", "party", "region" or "type"
 * @value: a party key, region name, council type key, or an outcome's title
 *
 * Clicks a choice's check box, as a user would.
 *
 * Returns: whether there was such a choice
 */
gboolean
tally_filter_panel_toggle (TallyFilterPanel *self,
                           const char       *facet,
                           const char       *value)
{
  Choice *choice;

  g_return_val_if_fail (TALLY_IS_FILTER_PANEL (self), FALSE);

  if (!(choice = find_choice (self, facet, value)))
    return FALSE;

  gtk_widget_activate (GTK_WIDGET (choice->check));
  return TRUE;
}

/**
 * tally_filter_panel_lookup_count:
 * @count: (out): the number of councils the choice's row shows
 *
 * Returns: whether the panel has a row for the choice
 */
gboolean
tally_filter_panel_lookup_count (TallyFilterPanel *self,
                                 const char       *facet,
                                 const char       *value,
                                 guint            *count)
{
  Choice *choice;

  g_return_val_if_fail (TALLY_IS_FILTER_PANEL (self), FALSE);

  if (!(choice = find_choice (self, facet, value)))
    return FALSE;

  *count = (guint) g_ascii_strtoull (gtk_label_get_text (choice->count), NULL, 10);
  return TRUE;
}

/**
 * tally_filter_panel_get_count:
 *
 * Returns: the number of councils a choice's row shows
 */
guint
tally_filter_panel_get_count (TallyFilterPanel *self,
                              const char       *facet,
                              const char       *value)
{
  Choice *choice;

  g_return_val_if_fail (TALLY_IS_FILTER_PANEL (self), 0);

  if (!(choice = find_choice (self, facet, value)))
    return 0;

  return (guint) g_ascii_strtoull (gtk_label_get_text (choice->count), NULL, 10);
}
