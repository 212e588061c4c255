/* tally-window.c: Tally's main window.
 *
 * The window opens one database at a time and builds the engine on it: one
 * TallyResults with its one TallyFilter, and one TallySelection.  The views
 * (filter panel, state of the parties, council list, council page) never
 * talk to each other: each watches the filter or the selection, and the
 * window only wires them up and navigates between list and page.  A
 * database that cannot be read replaces everything with a page that says
 * why, never a crash.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "tally-catalog.h"
#include "tally-council.h"
#include "tally-council-result.h"
#include "tally-database.h"
#include "tally-election.h"
#include "tally-filter.h"
#include "tally-format.h"
#include "tally-party-style.h"
#include "tally-results.h"
#include "tally-scope-summary.h"
#include "tally-selection.h"
#include "tally-window-private.h"


G_DEFINE_FINAL_TYPE (TallyWindow, tally_window, ADW_TYPE_APPLICATION_WINDOW)

/* How outcomes are spelt in the settings. */
static const struct
{
  TallyOutcomeFlags  flag;
  const char        *key;
} outcome_keys[] = {
  { TALLY_OUTCOME_FLAG_GAIN, "gain" },
  { TALLY_OUTCOME_FLAG_LOSS, "loss" },
  { TALLY_OUTCOME_FLAG_HOLD, "hold" },
  { TALLY_OUTCOME_FLAG_NOC_HOLD, "noc-hold" },
};

static void
show_error (TallyWindow *self,
            const char  *message)
{
  g_free (self->error_message);
  self->error_message = g_strdup (message);

  adw_status_page_set_description (self->error_page, message);
  /* Only now: GTK loads an icon as soon as a page that is not shown is
   * measured, and this one is drawn from SVG, which brings in librsvg. */
  adw_status_page_set_icon_name (self->error_page, "dialog-warning-symbolic");
  gtk_stack_set_visible_child_name (self->main_stack, "error");
}

static void
save_filter (TallyWindow *self)
{
  TallyFilter *filter = tally_results_get_filter (self->results);
  TallyElection *election = tally_filter_get_election (filter);
  TallyElection *baseline = tally_filter_get_baseline (filter);
  g_autoptr(GStrvBuilder) outcomes = g_strv_builder_new ();
  g_auto(GStrv) outcome_strv = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (outcome_keys); i++)
    if (tally_filter_get_outcomes (filter) & outcome_keys[i].flag)
      g_strv_builder_add (outcomes, outcome_keys[i].key);
  outcome_strv = g_strv_builder_end (outcomes);

  g_settings_delay (self->settings);
  g_settings_set_string (self->settings, "filter-election", election ? tally_election_get_date (election) : "");
  g_settings_set_string (self->settings, "filter-baseline", baseline ? tally_election_get_date (baseline) : "");
  g_settings_set_string (self->settings, "filter-basis", tally_basis_to_string (tally_filter_get_basis (filter)));
  g_settings_set_strv (self->settings, "filter-parties", tally_filter_get_parties (filter));
  g_settings_set_strv (self->settings, "filter-regions", tally_filter_get_regions (filter));
  g_settings_set_strv (self->settings, "filter-council-types", tally_filter_get_council_types (filter));
  g_settings_set_strv (self->settings, "filter-outcomes", (const char * const *) outcome_strv);
  g_settings_apply (self->settings);
}

static void
restore_filter (TallyWindow *self,
                TallyFilter *filter)
{
  g_autofree char *election = g_settings_get_string (self->settings, "filter-election");
  g_autofree char *baseline = g_settings_get_string (self->settings, "filter-baseline");
  g_autofree char *basis_key = g_settings_get_string (self->settings, "filter-basis");
  TallyBasis basis = TALLY_BASIS_SERVICES;
  g_auto(GStrv) parties = g_settings_get_strv (self->settings, "filter-parties");
  g_auto(GStrv) regions = g_settings_get_strv (self->settings, "filter-regions");
  g_auto(GStrv) types = g_settings_get_strv (self->settings, "filter-council-types");
  g_auto(GStrv) outcomes = g_settings_get_strv (self->settings, "filter-outcomes");
  TallyOutcomeFlags flags = TALLY_OUTCOME_FLAG_NONE;

  for (guint i = 0; i < G_N_ELEMENTS (outcome_keys); i++)
    if (g_strv_contains ((const char * const *) outcomes, outcome_keys[i].key))
      flags |= outcome_keys[i].flag;

  /* Choices that name something this database lacks are dropped by the
   * lookups: a saved election from another file simply falls back to the
   * latest. */
  tally_filter_freeze (filter);
  tally_filter_set_election (filter, election[0] ? tally_catalog_lookup_election (self->catalog, election) : NULL);
  tally_filter_set_baseline (filter, baseline[0] ? tally_catalog_lookup_election (self->catalog, baseline) : NULL);
  tally_filter_set_basis (filter, tally_basis_from_string (basis_key, &basis) ? basis : TALLY_BASIS_SERVICES);
  tally_filter_set_parties (filter, (const char * const *) parties);
  tally_filter_set_regions (filter, (const char * const *) regions);
  tally_filter_set_council_types (filter, (const char * const *) types);
  tally_filter_set_outcomes (filter, flags);
  tally_filter_thaw (filter);
}

static void
update_title (TallyWindow *self)
{
  TallyScopeSummary *summary = tally_results_get_summary (self->results);
  TallyFilter *filter = tally_results_get_filter (self->results);
  TallyElection *election = tally_scope_summary_get_election (summary);
  g_autofree char *date = election ? tally_format_date (tally_election_get_date (election)) : g_strdup ("");
  g_autofree char *subtitle = NULL;
  guint n_matching = tally_scope_summary_get_n_councils (summary);
  g_autoptr(TallyFilter) everything = tally_filter_copy (filter);
  guint n_all;

  tally_filter_clear (everything);
  tally_filter_set_election (everything, tally_filter_get_election (filter));
  n_all = tally_results_count_matching (self->results, everything);

  if (n_matching == n_all)
    subtitle = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u council · %s", "%u councils · %s", n_all),
                                n_all, date);
  else
    subtitle = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u of %u council · %s", "%u of %u councils · %s", n_all),
                                n_matching, n_all, date);

  adw_view_switcher_title_set_subtitle (self->content_title, subtitle);
}

static void show_page (TallyWindow *self,
                       const char  *page);

/* Returns: whether the page now shows the selected council */
gboolean
_tally_window_show_council_result (TallyWindow *self)
{
  TallyCouncil *council = tally_selection_get_council (self->selection);
  TallyFilter *filter = tally_results_get_filter (self->results);
  TallyCouncilResult *result;

  if (council == NULL)
    return FALSE;

  result = tally_results_lookup (self->results, tally_results_resolve_election (self->results, filter),
                                 tally_results_resolve_baseline (self->results, filter), council);
  /* A live reload changes the selection, the filter and the night, each
   * of which would build the page again: it is built once, at the end. */
  if (result != NULL && !self->page_held)
    tally_council_page_show_result (self->council_page, self->results, result);
  return result != NULL;
}

static void
filter_changed_cb (TallyWindow *self)
{
  TallyScopeSummary *summary = tally_results_get_summary (self->results);

  tally_party_summary_set_summary (self->party_summary, summary, self->ranking);
  update_title (self);
  save_filter (self);

  /* A council page follows a change of election or baseline, to the list
   * when the council held none in the new one. */
  if (g_str_equal (gtk_stack_get_visible_child_name (self->content_stack), "council") &&
      !_tally_window_show_council_result (self))
    show_page (self, "list");

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.clear-filter",
                                 !tally_filter_is_empty (tally_results_get_filter (self->results)));
}

/* Party colours everywhere: the CSS chips and every chart. */
static void
apply_palette (TallyWindow *self)
{
  gboolean colour_blind_safe = g_settings_get_boolean (self->settings, "colour-blind-palette");

  if (self->catalog != NULL)
    tally_party_style_install (gtk_widget_get_display (GTK_WIDGET (self)), tally_catalog_get_parties (self->catalog),
                               colour_blind_safe);
  if (self->charts_page != NULL)
    tally_charts_page_set_colour_blind_safe (self->charts_page, colour_blind_safe);
  tally_council_page_set_colour_blind_safe (self->council_page, colour_blind_safe);
  if (self->map_view != NULL)
    tally_map_view_set_colour_blind_safe (self->map_view, colour_blind_safe);
}

/* "Back to the Councils" belongs to a council page, not to the Charts or
 * the Map beside it. */
static void
update_back_button (TallyWindow *self)
{
  const char *view = adw_view_stack_get_visible_child_name (self->view_stack);

  gtk_widget_set_visible (self->back_button,
                          g_str_equal (gtk_stack_get_visible_child_name (self->content_stack), "council") &&
                          g_strcmp0 (view, "councils") == 0);
}

/* A folded window shows the panel or the content: from the panel, the
 * header bar's Results button, or a search with one match, goes across. */
static void
show_content (TallyWindow *self)
{
  /* Also before the window first folds (tally --view, --council): the
   * visible child is what a folded window shows. */
  if (adw_leaflet_get_visible_child (self->leaflet) == self->sidebar)
    {
      GtkWidget *content = adw_leaflet_get_adjacent_child (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);

      if (content != NULL)
        adw_leaflet_set_visible_child (self->leaflet, content);
    }
}

static void
show_content_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  show_content (TALLY_WINDOW (widget));
}

static void
show_page (TallyWindow *self,
           const char  *page)
{
  gboolean council = g_str_equal (page, "council");

  gtk_stack_set_visible_child_name (self->content_stack, page);
  update_back_button (self);

  if (council)
    {
      TallyCouncil *selected = tally_selection_get_council (self->selection);

      adw_view_switcher_title_set_title (self->content_title, tally_council_get_name (selected));
      show_content (self);
    }
  else
    {
      adw_view_switcher_title_set_title (self->content_title, _("Councils"));
      gtk_widget_grab_focus (GTK_WIDGET (tally_council_list_get_column_view (self->council_list)));
    }
}

/* Opens @council's page, or says it held no election in what the window
 * shows (a map click on Staffordshire Moorlands in 2018): never leaves the
 * last council's page up under another council's name. */
static gboolean
open_council (TallyWindow  *self,
              TallyCouncil *council)
{
  TallyFilter *filter = tally_results_get_filter (self->results);
  TallyElection *election = tally_results_resolve_election (self->results, filter);

  if (tally_results_lookup (self->results, election, tally_results_resolve_baseline (self->results, filter),
                            council) == NULL)
    {
      g_autofree char *date = election ? tally_format_date (tally_election_get_date (election)) : NULL;
      g_autofree char *message = date ? g_strdup_printf (_("%s held no election on %s"), tally_council_get_name (council), date)
                                      : g_strdup_printf (_("%s held no election"), tally_council_get_name (council));

      _tally_window_toast (self, message);
      return FALSE;
    }

  tally_selection_set_council (self->selection, council);
  _tally_window_show_council_result (self);
  show_page (self, "council");
  return TRUE;
}

/* The named parties, in results order, over the whole latest election;
 * with Others expanded, every party that won a seat is named too. */
static void
make_ranking (TallyWindow  *self,
              TallyCatalog *catalog,
              TallyResults *results)
{
  TallyElection *latest = tally_catalog_get_latest_election (catalog);
  GAction *expand = g_action_map_lookup_action (G_ACTION_MAP (self), "expand-others");
  g_autoptr(GVariant) state = expand ? g_action_get_state (expand) : NULL;
  gboolean expanded = state != NULL && g_variant_get_boolean (state);

  g_clear_pointer (&self->ranking, tally_party_ranking_unref);
  self->ranking = tally_party_ranking_ref (tally_results_get_ranking (results, latest,
                                                                      tally_election_get_baseline (latest), !expanded));
}

/* Show Every Party: Others opened out in the cards, the list's columns and
 * the charts, or folded again; one click in the menu. */
static void
expand_others_cb (GSimpleAction *action,
                  GVariant      *value,
                  TallyWindow   *self)
{
  g_simple_action_set_state (action, value);

  if (self->catalog == NULL || self->results == NULL)
    return;

  make_ranking (self, self->catalog, self->results);
  tally_council_list_set_parties (self->council_list, self->ranking);
  if (self->charts_page != NULL)
    tally_charts_page_set_ranking (self->charts_page, self->ranking);
  tally_council_page_set_ranking (self->council_page, self->ranking);
  tally_party_summary_set_summary (self->party_summary, tally_results_get_summary (self->results), self->ranking);
}

static void
council_activated_cb (TallyWindow        *self,
                      TallyCouncilResult *result)
{
  tally_selection_set_council (self->selection, tally_council_result_get_council (result));
  _tally_window_show_council_result (self);
  show_page (self, "council");
}

/* Enter in the search: one match opens its page; more go to the list. */
static void
search_activated_cb (TallyWindow *self)
{
  GListModel *matching;

  if (self->results == NULL)
    return;

  matching = tally_results_get_matching (self->results);
  if (g_list_model_get_n_items (matching) == 1)
    {
      g_autoptr(TallyCouncilResult) result = g_list_model_get_item (matching, 0);

      adw_view_stack_set_visible_child_name (self->view_stack, "councils");
      council_activated_cb (self, result);
    }
  show_content (self);
}

/* A council clicked on the map opens its page. */
void
_tally_window_open_council_from_map (TallyWindow  *self,
                                     TallyCouncil *council)
{
  if (open_council (self, council))
    adw_view_stack_set_visible_child_name (self->view_stack, "councils");
}

static void
list_selection_changed_cb (TallyWindow *self)
{
  GtkSelectionModel *model = gtk_column_view_get_model (tally_council_list_get_column_view (self->council_list));
  TallyCouncilRow *row = gtk_single_selection_get_selected_item (GTK_SINGLE_SELECTION (model));
  TallyCouncil *selected = tally_selection_get_council (self->selection);

  /* The same council (a reload's new object for it is selected already). */
  if (row != NULL &&
      (selected == NULL || !g_str_equal (tally_council_get_code (selected), tally_council_row_get_code (row))))
    tally_selection_set_council (self->selection, tally_council_row_get_council (row));
}

static void
selection_changed_cb (TallyWindow *self)
{
  tally_council_list_select_council (self->council_list, tally_selection_get_council (self->selection));

  /* A council with no election here (selected on the map) has no page:
   * the list, rather than the last council's page under its name. */
  if (g_str_equal (gtk_stack_get_visible_child_name (self->content_stack), "council"))
    show_page (self, _tally_window_show_council_result (self) ? "council" : "list");
}

static void
open_bundled_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  TallyWindow *self = TALLY_WINDOW (widget);

  g_autofree char *bundled = tally_database_get_bundled_path ();

  if (tally_window_open_database (self, bundled))
    g_settings_set_string (self->settings, "last-database", "");
}

static void
chooser_response_cb (TallyWindow          *self,
                     int                   response,
                     GtkFileChooserNative *chooser)
{
  g_autoptr(GFile) file = NULL;
  g_autofree char *path = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    {
      file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      path = file ? g_file_get_path (file) : NULL;
    }

  g_clear_object (&self->chooser);

  if (path != NULL && tally_window_open_database (self, path))
    g_settings_set_string (self->settings, "last-database", path);
}

static void
open_database_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  TallyWindow *self = TALLY_WINDOW (widget);
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  if (self->chooser != NULL)
    return;

  gtk_file_filter_set_name (filter, _("Tally databases"));
  gtk_file_filter_add_pattern (filter, "*.db");
  gtk_file_filter_add_pattern (filter, "*.sqlite");
  gtk_file_filter_add_pattern (filter, "*.sqlite3");
  gtk_file_filter_add_mime_type (filter, "application/vnd.sqlite3");

  self->chooser = gtk_file_chooser_native_new (_("Open Database"), GTK_WINDOW (self),
                                               GTK_FILE_CHOOSER_ACTION_OPEN, _("_Open"), _("_Cancel"));
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), filter);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);
  g_signal_connect_object (self->chooser, "response", G_CALLBACK (chooser_response_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

static void
toggle_sidebar_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  TallyWindow *self = TALLY_WINDOW (widget);

  if (adw_leaflet_get_visible_child (self->leaflet) == self->sidebar)
    adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
  else
    adw_leaflet_set_visible_child (self->leaflet, self->sidebar);
}

static void
search_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  TallyWindow *self = TALLY_WINDOW (widget);

  if (adw_leaflet_get_folded (self->leaflet))
    adw_leaflet_set_visible_child (self->leaflet, self->sidebar);

  tally_filter_panel_focus_search (self->filter_panel);
}

static void
clear_filter_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  TallyWindow *self = TALLY_WINDOW (widget);
  TallyFilter *filter;
  AdwToast *toast;

  if (self->results == NULL)
    return;

  filter = tally_results_get_filter (self->results);
  if (tally_filter_is_empty (filter))
    return;

  /* Escape is easy to press by mistake: the filter cleared is one click
   * from coming back. */
  g_clear_object (&self->undo_filter);
  self->undo_filter = tally_filter_copy (filter);
  tally_filter_clear (filter);

  toast = adw_toast_new (_("Filter cleared"));
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_action_name (toast, "win.undo-clear-filter");
  adw_toast_set_timeout (toast, 8);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static void
undo_clear_filter_action (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  TallyWindow *self = TALLY_WINDOW (widget);
  g_autoptr(TallyFilter) saved = g_steal_pointer (&self->undo_filter);
  TallyFilter *filter;

  if (saved == NULL || self->results == NULL)
    return;

  filter = tally_results_get_filter (self->results);
  tally_filter_set_parties (filter, tally_filter_get_parties (saved));
  tally_filter_set_regions (filter, tally_filter_get_regions (saved));
  tally_filter_set_council_types (filter, tally_filter_get_council_types (saved));
  tally_filter_set_councils (filter, tally_filter_get_councils (saved));
  tally_filter_set_outcomes (filter, tally_filter_get_outcomes (saved));
  tally_filter_set_search_text (filter, tally_filter_get_search_text (saved));
}

static void
back_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  TallyWindow *self = TALLY_WINDOW (widget);

  show_page (self, "list");
}

/* Opens the page of a council named by ONS code or by name, any case. */
/* `tally --council Richmond`: the same matching as the command line's. */
static void
show_council_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  TallyWindow *self = TALLY_WINDOW (widget);
  const char *wanted = g_variant_get_string (parameter, NULL);
  g_autoptr(GError) error = NULL;
  TallyCouncil *council;

  if (self->catalog == NULL)
    return;

  if (!(council = tally_catalog_find_council (self->catalog, wanted, &error)))
    {
      g_autofree char *message = g_strdup (error->message);

      message[0] = g_ascii_toupper (message[0]);
      _tally_window_toast (self, message);
      return;
    }

  open_council (self, council);
}

/* Shows one of the views: "councils", "charts" or "map". */
static void
show_view_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  TallyWindow *self = TALLY_WINDOW (widget);
  const char *name = g_variant_get_string (parameter, NULL);

  if (adw_view_stack_get_child_by_name (self->view_stack, name) != NULL)
    {
      adw_view_stack_set_visible_child_name (self->view_stack, name);
      show_content (self);
    }
}

/* Escape goes back from a council page, and otherwise clears the filter. */
static void
escape_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  TallyWindow *self = TALLY_WINDOW (widget);

  if (g_str_equal (gtk_stack_get_visible_child_name (self->content_stack), "council"))
    show_page (self, "list");
  else
    clear_filter_action (widget, action_name, parameter);
}

static gboolean
tally_window_close_request (GtkWindow *window)
{
  TallyWindow *self = TALLY_WINDOW (window);
  int width, height;

  gtk_window_get_default_size (window, &width, &height);
  g_settings_set_int (self->settings, "window-width", width);
  g_settings_set_int (self->settings, "window-height", height);
  g_settings_set_boolean (self->settings, "window-maximized", gtk_window_is_maximized (window));

  return GTK_WINDOW_CLASS (tally_window_parent_class)->close_request (window);
}

static void
tally_window_dispose (GObject *object)
{
  TallyWindow *self = (TallyWindow *) object;

  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);
  _tally_window_dispose_import (self);
  _tally_window_dispose_night (self);
  _tally_window_dispose_record (self);
  _tally_window_dispose_live (self);
  _tally_window_dispose_folder (self);

  if (self->results != NULL)
    g_signal_handlers_disconnect_by_data (tally_results_get_filter (self->results), self);

  gtk_widget_dispose_template (GTK_WIDGET (self), TALLY_TYPE_WINDOW);

  g_clear_object (&self->results);
  g_clear_pointer (&self->ranking, tally_party_ranking_unref);
  g_clear_object (&self->undo_filter);
  g_clear_object (&self->catalog);
  g_clear_object (&self->selection);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (tally_window_parent_class)->dispose (object);
}

static void
tally_window_finalize (GObject *object)
{
  TallyWindow *self = (TallyWindow *) object;

  g_clear_pointer (&self->error_message, g_free);

  G_OBJECT_CLASS (tally_window_parent_class)->finalize (object);
}

static void
tally_window_class_init (TallyWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = tally_window_dispose;
  object_class->finalize = tally_window_finalize;
  window_class->close_request = tally_window_close_request;

  g_type_ensure (TALLY_TYPE_COUNCIL_LIST);
  g_type_ensure (TALLY_TYPE_COUNCIL_PAGE);
  g_type_ensure (TALLY_TYPE_FILTER_PANEL);
  g_type_ensure (TALLY_TYPE_PARTY_SUMMARY);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/tally/Tally/tally-window.ui");
  gtk_widget_class_bind_template_child (widget_class, TallyWindow, back_button);
  gtk_widget_class_bind_template_child (widget_class, TallyWindow, charts_bin);
  gtk_widget_class_bind_template_child (widget_class, TallyWindow, content_stack);
  gtk_widget_class_bind_template_child (widget_class, TallyWindow, content_title);
  gtk_widget_class_bind_template_child (widget_class, TallyWindow, council_list);
  gtk_widget_class_bind_template_child (widget_class, TallyWindow, content_button);
  gtk_widget_class_bind_template_child (widget_class, TallyWindow, council_page);
  gtk_widget_class_bind_template_child (widget_class, TallyWindow, database_label);
  gtk_widget_class_bind_template_child (widget_class, TallyWindow, error_page);
  gtk_widget_class_bind_template_child (widget_class, TallyWindow, filter_panel);
  gtk_widget_class_bind_template_child (widget_class, TallyWindow, leaflet);
  gtk_widget_class_bind_template_child (widget_class, TallyWindow, map_bin);
  gtk_widget_class_bind_template_child (widget_class, TallyWindow, main_stack);
  gtk_widget_class_bind_template_child (widget_class, TallyWindow, party_summary);
  gtk_widget_class_bind_template_child (widget_class, TallyWindow, sidebar);
  gtk_widget_class_bind_template_child (widget_class, TallyWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, TallyWindow, view_stack);
  gtk_widget_class_bind_template_callback (widget_class, council_activated_cb);
  _tally_window_class_init_import (widget_class);
  _tally_window_class_init_export (widget_class);
  _tally_window_class_init_live (widget_class);
  _tally_window_class_init_folder (widget_class);
  _tally_window_class_init_views (widget_class);

  gtk_widget_class_install_action (widget_class, "win.open-database", NULL, open_database_action);
  gtk_widget_class_install_action (widget_class, "win.open-bundled", NULL, open_bundled_action);
  gtk_widget_class_install_action (widget_class, "win.toggle-sidebar", NULL, toggle_sidebar_action);
  gtk_widget_class_install_action (widget_class, "win.show-content", NULL, show_content_action);
  gtk_widget_class_install_action (widget_class, "win.search", NULL, search_action);
  gtk_widget_class_install_action (widget_class, "win.clear-filter", NULL, clear_filter_action);
  gtk_widget_class_install_action (widget_class, "win.undo-clear-filter", NULL, undo_clear_filter_action);
  gtk_widget_class_install_action (widget_class, "win.back", NULL, back_action);
  gtk_widget_class_install_action (widget_class, "win.escape", NULL, escape_action);
  gtk_widget_class_install_action (widget_class, "win.show-council", "s", show_council_action);
  gtk_widget_class_install_action (widget_class, "win.show-view", "s", show_view_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_o, GDK_CONTROL_MASK, "win.open-database", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F9, 0, "win.toggle-sidebar", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, "win.search", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "win.escape", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, GDK_ALT_MASK, "win.back", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_1, GDK_ALT_MASK, "win.show-view", "s", "councils");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_2, GDK_ALT_MASK, "win.show-view", "s", "charts");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_3, GDK_ALT_MASK, "win.show-view", "s", "map");
}

static void
tally_window_init (TallyWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  g_signal_connect_object (tally_filter_panel_get_search_entry (self->filter_panel), "activate",
                           G_CALLBACK (search_activated_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->view_stack, "notify::visible-child-name", G_CALLBACK (update_back_button), self,
                           G_CONNECT_SWAPPED);

  {
    g_autoptr(GSimpleAction) expand = g_simple_action_new_stateful ("expand-others", NULL,
                                                                    g_variant_new_boolean (FALSE));

    g_signal_connect_object (expand, "change-state", G_CALLBACK (expand_others_cb), self, 0);
    g_action_map_add_action (G_ACTION_MAP (self), G_ACTION (expand));
  }
  self->settings = g_settings_new (APPLICATION_ID);
  self->selection = tally_selection_new ();
  _tally_window_init_import (self);
  _tally_window_init_live (self);
  _tally_window_init_night (self);
  _tally_window_init_folder (self);
  _tally_window_init_views (self);

  g_signal_connect_object (self->selection, "notify::council", G_CALLBACK (selection_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->settings, "changed::colour-blind-palette", G_CALLBACK (apply_palette), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (gtk_column_view_get_model (tally_council_list_get_column_view (self->council_list)),
                           "selection-changed", G_CALLBACK (list_selection_changed_cb), self, G_CONNECT_SWAPPED);

  gtk_window_set_default_size (GTK_WINDOW (self),
                               g_settings_get_int (self->settings, "window-width"),
                               g_settings_get_int (self->settings, "window-height"));
  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));

  /* Typing anywhere in the window searches councils. */
  gtk_search_entry_set_key_capture_widget (GTK_SEARCH_ENTRY (tally_filter_panel_get_search_entry (self->filter_panel)),
                                           GTK_WIDGET (self));
}

TallyWindow *
tally_window_new (GtkApplication *application)
{
  return g_object_new (TALLY_TYPE_WINDOW, "application", application, NULL);
}

/*
 * _tally_window_install_engine:
 * @path: (nullable): the database the engine reads, or %NULL for the
 *   bundled one
 * @keep: whether the user's place is kept (a live reload of the same file):
 *   then the page, the selected council and the search stay, and focus is
 *   left alone
 *
 * Shows @results in every view.
 */
void
_tally_window_install_engine (TallyWindow  *self,
                              const char   *path,
                              TallyCatalog *catalog,
                              TallyResults *results,
                              gboolean      keep)
{
  g_autoptr(TallyFilter) filter = tally_filter_new ();
  g_autofree char *search = NULL;
  g_autofree char *selected_code = NULL;

  if (keep && self->results != NULL)
    search = g_strdup (tally_filter_get_search_text (tally_results_get_filter (self->results)));
  if (keep && tally_selection_get_council (self->selection) != NULL)
    selected_code = g_strdup (tally_council_get_code (tally_selection_get_council (self->selection)));

  if (self->results != NULL)
    g_signal_handlers_disconnect_by_data (tally_results_get_filter (self->results), self);

  /* Which parties are named, and their order, over the whole latest
   * election: the same in every view whatever the filter. */
  make_ranking (self, catalog, results);

  /* The filter complete before the engine follows it: one summary. */
  g_set_object (&self->catalog, catalog);
  restore_filter (self, filter);
  if (search != NULL)
    tally_filter_set_search_text (filter, search);
  tally_results_set_filter (results, filter);
  g_set_object (&self->results, results);
  g_clear_pointer (&self->error_message, g_free);
  if (!keep)
    {
      tally_selection_set_council (self->selection, NULL);
      /* Another database: rows of its own. */
      tally_council_list_set_results (self->council_list, NULL);
    }

  apply_palette (self);

  tally_filter_panel_set_results (self->filter_panel, results);
  tally_council_list_set_parties (self->council_list, self->ranking);
  tally_council_list_set_engine (self->council_list, results);
  tally_council_list_set_results (self->council_list, tally_results_get_matching (results));
  if (self->charts_page != NULL)
    {
      tally_charts_page_set_engine (self->charts_page, results, self->selection);
      tally_charts_page_set_ranking (self->charts_page, self->ranking);
    }
  tally_council_page_set_ranking (self->council_page, self->ranking);
  if (self->map_view != NULL)
    tally_map_view_set_results (self->map_view, results);
  g_signal_connect_object (tally_results_get_filter (results), "changed", G_CALLBACK (filter_changed_cb), self,
                           G_CONNECT_SWAPPED);
  filter_changed_cb (self);
  _tally_window_queue_record_check (self);

  /* The footer names the file, so what the window shows can be matched
   * with what `tally summary` or an import says. */
  {
    g_autofree char *bundled = tally_database_get_bundled_path ();
    g_autofree char *name = g_filename_display_name (path != NULL ? path : bundled);
    g_autofree char *text = NULL;

    if (path == NULL)
      text = g_strdup_printf (_("Bundled data (read-only): %s"), name);
    else
      text = g_strdup (name);
    gtk_label_set_text (self->database_label, text);
    gtk_widget_set_tooltip_text (GTK_WIDGET (self->database_label), name);
  }

  if (keep)
    {
      /* The same council in the new catalogue: its page follows. */
      TallyCouncil *council = selected_code ? tally_catalog_lookup_council (catalog, selected_code) : NULL;

      tally_selection_set_council (self->selection, council);
      if (council == NULL && g_str_equal (gtk_stack_get_visible_child_name (self->content_stack), "council"))
        show_page (self, "list");
      return;
    }

  show_page (self, "list");
  gtk_stack_set_visible_child_name (self->main_stack, "explorer");
  gtk_window_set_focus (GTK_WINDOW (self), GTK_WIDGET (tally_council_list_get_column_view (self->council_list)));
}

/**
 * tally_window_open_database:
 * @path: (nullable): the file to open, or %NULL for the current database
 *   (the user's own once it exists, else the bundled one)
 *
 * Shows the councils of @path, with the filter the user last chose, or a
 * page that says why the file cannot be used.  Every file is opened
 * read-only: nothing the window does writes to it.
 *
 * Returns: whether the database was opened
 */
gboolean
tally_window_open_database (TallyWindow *self,
                            const char  *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TallyDatabase) database = NULL;
  g_autoptr(TallyCatalog) catalog = NULL;
  g_autoptr(TallyResults) results = NULL;
  g_autofree char *current_path = NULL;

  g_return_val_if_fail (TALLY_IS_WINDOW (self), FALSE);

  if (path == NULL)
    path = current_path = tally_database_get_current_path ();

  if (!(database = tally_database_open (path, TALLY_DATABASE_OPEN_READ_ONLY, &error)) ||
      !(catalog = tally_catalog_new (database, &error)) ||
      !(results = tally_results_new (catalog, &error)))
    {
      show_error (self, error->message);
      /* The user's own file, with SQL of someone else's: ask to drop it. */
      if (g_error_matches (error, TALLY_DATABASE_ERROR, TALLY_DATABASE_ERROR_SCHEMA))
        _tally_window_offer_drop (self, path);
      return FALSE;
    }

  if (tally_catalog_get_latest_election (catalog) == NULL)
    {
      g_autofree char *name = g_filename_display_basename (path);
      g_autofree char *message = g_strdup_printf (_("“%s” holds no elections"), name);

      show_error (self, message);
      return FALSE;
    }

  {
    /* NULL for the bundled file: it is never written while Tally runs. */
    const char *own = tally_database_is_bundled_path (path) ? NULL : path;

    g_autoptr(TallyLiveNight) night = _tally_window_make_night (catalog);

    /* The list's rows made once, with the night. */
    tally_council_list_freeze (self->council_list);
    _tally_window_install_engine (self, own, catalog, results, FALSE);
    _tally_window_live_watch (self, own);
    _tally_window_set_night (self, night);
    tally_council_list_thaw (self->council_list);
  }

  return TRUE;
}

/**
 * tally_window_get_catalog:
 *
 * Returns: (transfer none) (nullable): the catalogue of the open database
 */
TallyCatalog *
tally_window_get_catalog (TallyWindow *self)
{
  g_return_val_if_fail (TALLY_IS_WINDOW (self), NULL);
  return self->catalog;
}

/**
 * tally_window_get_results:
 *
 * Returns: (transfer none) (nullable): the engine of the open database
 */
TallyResults *
tally_window_get_results (TallyWindow *self)
{
  g_return_val_if_fail (TALLY_IS_WINDOW (self), NULL);
  return self->results;
}

/**
 * tally_window_get_selection:
 *
 * Returns: (transfer none): the selected council, shared by every view
 */
TallySelection *
tally_window_get_selection (TallyWindow *self)
{
  g_return_val_if_fail (TALLY_IS_WINDOW (self), NULL);
  return self->selection;
}

TallyCouncilList *
tally_window_get_council_list (TallyWindow *self)
{
  g_return_val_if_fail (TALLY_IS_WINDOW (self), NULL);
  return self->council_list;
}

TallyCouncilPage *
tally_window_get_council_page (TallyWindow *self)
{
  g_return_val_if_fail (TALLY_IS_WINDOW (self), NULL);
  return self->council_page;
}

TallyFilterPanel *
tally_window_get_filter_panel (TallyWindow *self)
{
  g_return_val_if_fail (TALLY_IS_WINDOW (self), NULL);
  return self->filter_panel;
}

TallyPartySummary *
tally_window_get_party_summary (TallyWindow *self)
{
  g_return_val_if_fail (TALLY_IS_WINDOW (self), NULL);
  return self->party_summary;
}

/**
 * tally_window_get_page:
 *
 * Returns: "list" or "council": what the content area shows
 */
const char *
tally_window_get_page (TallyWindow *self)
{
  g_return_val_if_fail (TALLY_IS_WINDOW (self), NULL);
  return gtk_stack_get_visible_child_name (self->content_stack);
}

/**
 * tally_window_get_error_message:
 *
 * Returns: (nullable): why the last database could not be opened, or %NULL
 *   when the window shows one
 */
const char *
tally_window_get_error_message (TallyWindow *self)
{
  g_return_val_if_fail (TALLY_IS_WINDOW (self), NULL);
  return self->error_message;
}
