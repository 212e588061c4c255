/* tally-charts-page.c: the charts of everything the filter matches.
 *
 * The state of the parties, seats won with their change, vote share change,
 * the Conservative-to-Labour swingometer and every council plotted by swing,
 * each a TallyChartView over the engine's summary.  They redraw when the
 * summary changes (one filter action, one redraw each) and the scatter
 * follows and sets the one selection.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "tally-catalog.h"
#include "tally-chart-adapt.h"
#include "tally-charts-page.h"
#include "tally-council.h"
#include "tally-chart-group.h"
#include "tally-filter.h"
#include "tally-results.h"
#include "tally-selection.h"

struct _TallyChartsPage
{
  GtkWidget       parent_instance;

  TallyResults   *results;
  TallySelection *selection;
  TallyPartyRanking *ranking;  /* NULL: every party by name (Others expanded) */
  GtkWidget      *scroller;
  GtkWidget      *grid;
  TallyChartView *views[TALLY_N_CHART_KINDS];
};

G_DEFINE_FINAL_TYPE (TallyChartsPage, tally_charts_page, GTK_TYPE_WIDGET)

/* The charts this page shows, in reading order. */
static const struct
{
  TallyChartKind  kind;
  int             height;
} shown[] = {
  { TALLY_CHART_STATE, 380 },
  { TALLY_CHART_SEAT_BARS, 380 },
  { TALLY_CHART_SHARE_BARS, 380 },
  { TALLY_CHART_SWINGOMETER, 380 },
  { TALLY_CHART_SWING_SCATTER, 460 },
};

static TallyParty *
party (TallyChartsPage *self,
       const char      *key)
{
  return tally_catalog_lookup_party (tally_results_get_catalog (self->results), key);
}

/* What a chart's title calls the councils it covers: "All 150 councils",
 * "London", or "Councils in the filter". */
static char *
describe_scope (TallyChartsPage   *self,
                TallyScopeSummary *summary)
{
  TallyFilter *filter = tally_results_get_filter (self->results);
  const char * const *regions = tally_filter_get_regions (filter);
  TallyFilter *only_regions;

  if (tally_filter_is_empty (filter))
    return g_strdup_printf (_("All %u councils"), tally_scope_summary_get_n_councils (summary));

  /* Just one region chosen: name it. */
  only_regions = tally_filter_copy (filter);
  tally_filter_set_regions (only_regions, NULL);
  if (regions[0] != NULL && regions[1] == NULL && tally_filter_is_empty (only_regions))
    {
      g_object_unref (only_regions);
      return g_strdup (regions[0]);
    }
  g_object_unref (only_regions);

  return g_strdup (_("Councils in the filter"));
}

static void
update_chart_cb (TallyChartView *view,
                 gpointer        user_data)
{
  TallyChartsPage *self = user_data;
  TallyScopeSummary *summary;
  GListModel *parties;
  TallyChartKind kind = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (view), "tally-kind"));
  g_autofree char *scope = NULL;
  gpointer data = NULL;

  if (self->results == NULL || (summary = tally_results_get_summary (self->results)) == NULL)
    {
      tally_chart_view_set_data (view, kind, NULL);
      return;
    }

  scope = describe_scope (self, summary);

  parties = tally_catalog_get_parties (tally_results_get_catalog (self->results));

  switch (kind)
    {
    case TALLY_CHART_STATE:
      data = tally_chart_adapt_state (summary, parties, scope);
      tally_chart_group_state (data, self->ranking);
      break;

    case TALLY_CHART_SEAT_BARS:
      data = tally_chart_adapt_scope_seats (summary, parties, scope);
      tally_chart_group_seats (data, self->ranking);
      break;

    case TALLY_CHART_SHARE_BARS:
      data = tally_chart_adapt_scope_shares (summary, parties, TALLY_VOTE_METHOD_TOTAL, TALLY_SHARE_MODE_CHANGE, scope);
      tally_chart_group_scope_shares (data, self->ranking, summary, TALLY_VOTE_METHOD_TOTAL);
      break;

    case TALLY_CHART_SWINGOMETER:
      if (party (self, "CON") != NULL && party (self, "LAB") != NULL)
        data = tally_chart_adapt_scope_swing (summary, party (self, "CON"), party (self, "LAB"),
                                              TALLY_VOTE_METHOD_TOTAL, scope);
      break;

    case TALLY_CHART_SWING_SCATTER:
      if (party (self, "CON") != NULL && party (self, "LAB") != NULL)
        {
          TallyCouncil *selected = self->selection ? tally_selection_get_council (self->selection) : NULL;

          data = tally_chart_adapt_swing_scatter (tally_scope_summary_get_councils (summary), party (self, "CON"),
                                                  party (self, "LAB"), TALLY_VOTE_METHOD_TOTAL, TRUE,
                                                  selected ? tally_council_get_code (selected) : NULL);
        }
      break;

    default:
      g_assert_not_reached ();
    }

  tally_chart_view_set_data (view, kind, data);
}

/* A council clicked in the scatter becomes the selection. */
static void
item_activated_cb (TallyChartsPage *self,
                   int              item,
                   const char      *key,
                   TallyChartView  *view)
{
  TallyCouncil *council;

  if (self->results == NULL || self->selection == NULL || key == NULL ||
      tally_chart_view_get_kind (view) != TALLY_CHART_SWING_SCATTER)
    return;

  council = tally_catalog_lookup_council (tally_results_get_catalog (self->results), key);
  if (council != NULL)
    tally_selection_set_council (self->selection, council);
}

static void
tally_charts_page_dispose (GObject *object)
{
  TallyChartsPage *self = (TallyChartsPage *) object;

  g_clear_pointer (&self->scroller, gtk_widget_unparent);
  g_clear_object (&self->results);
  g_clear_object (&self->selection);
  g_clear_pointer (&self->ranking, tally_party_ranking_unref);

  G_OBJECT_CLASS (tally_charts_page_parent_class)->dispose (object);
}

static void
tally_charts_page_class_init (TallyChartsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = tally_charts_page_dispose;

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
tally_charts_page_init (TallyChartsPage *self)
{
  GtkWidget *clamp = adw_clamp_new ();

  self->scroller = gtk_scrolled_window_new ();
  self->grid = gtk_flow_box_new ();

  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (self->scroller), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  adw_clamp_set_maximum_size (ADW_CLAMP (clamp), 1400);
  gtk_flow_box_set_selection_mode (GTK_FLOW_BOX (self->grid), GTK_SELECTION_NONE);
  gtk_flow_box_set_homogeneous (GTK_FLOW_BOX (self->grid), TRUE);
  gtk_flow_box_set_min_children_per_line (GTK_FLOW_BOX (self->grid), 1);
  gtk_flow_box_set_max_children_per_line (GTK_FLOW_BOX (self->grid), 2);
  gtk_flow_box_set_column_spacing (GTK_FLOW_BOX (self->grid), 18);
  gtk_flow_box_set_row_spacing (GTK_FLOW_BOX (self->grid), 18);
  gtk_widget_set_margin_top (self->grid, 18);
  gtk_widget_set_margin_bottom (self->grid, 18);
  gtk_widget_set_margin_start (self->grid, 18);
  gtk_widget_set_margin_end (self->grid, 18);

  for (guint i = 0; i < G_N_ELEMENTS (shown); i++)
    {
      GtkWidget *view = tally_chart_view_new ();

      g_object_set_data (G_OBJECT (view), "tally-kind", GINT_TO_POINTER (shown[i].kind));
      gtk_widget_set_size_request (view, 460, shown[i].height);
      gtk_widget_add_css_class (view, "card");
      tally_chart_view_set_update_func (TALLY_CHART_VIEW (view), update_chart_cb, self, NULL);
      g_signal_connect_object (view, "item-activated", G_CALLBACK (item_activated_cb), self, G_CONNECT_SWAPPED);
      gtk_flow_box_append (GTK_FLOW_BOX (self->grid), view);
      self->views[shown[i].kind] = TALLY_CHART_VIEW (view);
    }

  adw_clamp_set_child (ADW_CLAMP (clamp), self->grid);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (self->scroller), clamp);
  gtk_widget_set_parent (self->scroller, GTK_WIDGET (self));
}

GtkWidget *
tally_charts_page_new (void)
{
  return g_object_new (TALLY_TYPE_CHARTS_PAGE, NULL);
}

/**
 * tally_charts_page_set_engine:
 * @results: the engine whose summary the charts show
 * @selection: the shared selection, highlighted in the scatter
 */
void
tally_charts_page_set_engine (TallyChartsPage *self,
                              TallyResults    *results,
                              TallySelection  *selection)
{
  g_return_if_fail (TALLY_IS_CHARTS_PAGE (self));

  gboolean new_selection = selection != self->selection;

  g_set_object (&self->results, results);
  g_set_object (&self->selection, selection);

  for (guint i = 0; i < G_N_ELEMENTS (shown); i++)
    {
      TallyChartView *view = self->views[shown[i].kind];

      tally_chart_view_watch (view, results, "notify::summary");
      if (shown[i].kind == TALLY_CHART_SWING_SCATTER && new_selection)
        tally_chart_view_watch (view, selection, "notify::council");
      tally_chart_view_queue_update (view);
    }
}

/**
 * tally_charts_page_set_ranking:
 * @ranking: (nullable): the parties the charts name, the rest as Others;
 *   %NULL names every party
 */
void
tally_charts_page_set_ranking (TallyChartsPage   *self,
                               TallyPartyRanking *ranking)
{
  g_return_if_fail (TALLY_IS_CHARTS_PAGE (self));

  if (ranking != NULL)
    tally_party_ranking_ref (ranking);
  g_clear_pointer (&self->ranking, tally_party_ranking_unref);
  self->ranking = ranking;

  for (guint i = 0; i < G_N_ELEMENTS (shown); i++)
    tally_chart_view_queue_update (self->views[shown[i].kind]);
}

/**
 * tally_charts_page_get_view:
 *
 * Returns: (transfer none) (nullable): the view showing @kind, if shown
 */
TallyChartView *
tally_charts_page_get_view (TallyChartsPage *self,
                            TallyChartKind   kind)
{
  g_return_val_if_fail (TALLY_IS_CHARTS_PAGE (self), NULL);
  g_return_val_if_fail (kind < TALLY_N_CHART_KINDS, NULL);

  return self->views[kind];
}

/**
 * tally_charts_page_set_colour_blind_safe:
 *
 * Draws every chart with the colour-blind-safe palette, or not.
 */
void
tally_charts_page_set_colour_blind_safe (TallyChartsPage *self,
                                         gboolean         colour_blind_safe)
{
  g_return_if_fail (TALLY_IS_CHARTS_PAGE (self));

  for (guint i = 0; i < G_N_ELEMENTS (shown); i++)
    tally_chart_view_set_colour_blind_safe (self->views[shown[i].kind], colour_blind_safe);
}
