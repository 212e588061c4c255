/* tally-council-list.c: the councils of an election, as a sortable table.
 *
 * Rows are TallyCouncilResult objects in a list model, so the table scrolls
 * through any number of councils without building a widget per row.  Each
 * column sorts: by name, type and region through property expressions, by
 * control, seats and swing through sorters of their own.  One column per
 * party shows the seats it won and the change against the baseline; the
 * last shows the Butler swing from Conservative to Labour.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <math.h>

#include "tally-catalog.h"
#include "tally-column-fit.h"
#include "tally-control-chips.h"
#include "tally-council.h"
#include "tally-council-list.h"
#include "tally-council-result.h"
#include "tally-filter.h"
#include "tally-filter-status.h"
#include "tally-format.h"
#include "tally-live-night.h"
#include "tally-party.h"
#include "tally-party-ranking.h"
#include "tally-party-style.h"
#include "tally-results.h"
#include "tally-scope-summary.h"

struct _TallyCouncilList
{
  GtkWidget           parent_instance;

  GListModel         *results;
  GtkSortListModel   *sorted;
  GtkSingleSelection *selection;
  GPtrArray          *party_columns;
  GPtrArray          *party_bindings;   /* each party column's two PartyColumns, not owned */
  TallyParty         *swing_from;
  TallyParty         *swing_to;
  TallyLiveNight     *night;     /* results night: councils not declared show how far they are */
  TallyResults       *engine;  /* whose filter an empty list is explained by */
  guint               fit_source;
  gboolean            fitted;    /* the columns measured against what they show */

  /* Template widgets */
  GtkColumnView      *column_view;
  GtkColumnViewColumn *type_column;
  GtkColumnViewColumn *region_column;
  GtkColumnViewColumn *control_column;
  GtkStack           *stack;
  AdwStatusPage      *filtered_page;
};

G_DEFINE_FINAL_TYPE (TallyCouncilList, tally_council_list, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_RESULTS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Seat columns beyond these would push the swing out of sight. */
#define MAX_PARTY_COLUMNS 8

enum {
  COUNCIL_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

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

static TallyLiveCouncil *undeclared (TallyCouncilList   *self,
                                     TallyCouncilResult *result);
static void              live_seats (PartyColumn        *column,
                                     TallyLiveCouncil   *live,
                                     guint              *won,
                                     int                *change,
                                     gboolean           *known);

/* What the column shows: on results night, the seats so far. */
static guint
column_seats (PartyColumn        *column,
              TallyCouncilResult *result)
{
  TallyLiveCouncil *live = undeclared (column->list, result);
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
  return ordering_of ((double) column_seats (column, (TallyCouncilResult *) a) -
                      (double) column_seats (column, (TallyCouncilResult *) b));
}

static double
swing_of (TallyCouncilList   *self,
          TallyCouncilResult *result)
{
  if (self->swing_from == NULL || self->swing_to == NULL)
    return NAN;

  return tally_council_result_get_swing (result, self->swing_from, self->swing_to, TALLY_VOTE_METHOD_TOTAL);
}

/* Unknown swings sort after every known one, whichever way. */
static int
compare_swing (gconstpointer a,
               gconstpointer b,
               gpointer      user_data)
{
  TallyCouncilList *self = user_data;
  double swing_a = swing_of (self, (TallyCouncilResult *) a);
  double swing_b = swing_of (self, (TallyCouncilResult *) b);

  if (isnan (swing_a) || isnan (swing_b))
    return ordering_of ((double) isnan (swing_a) - (double) isnan (swing_b));

  return ordering_of (swing_a - swing_b);
}

/* Results night: the council on the night, when it has not fully
 * declared (its figures are then the seats so far). */
static TallyLiveCouncil *
undeclared (TallyCouncilList   *self,
            TallyCouncilResult *result)
{
  TallyLiveCouncil *live;

  if (self == NULL || self->night == NULL)
    return NULL;

  live = tally_live_night_lookup (self->night, tally_council_result_get_council (result));
  return live != NULL && tally_live_council_get_state (live) != TALLY_LIVE_DECLARED ? live : NULL;
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

static void
set_figure (GtkListItem *item,
            const char  *value,
            const char  *change,
            int          direction,
            const char  *share)
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

  gtk_label_set_markup (GTK_LABEL (gtk_list_item_get_child (item)), markup->str);
  g_string_free (markup, TRUE);
}

static void
seats_bind_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               PartyColumn              *column)
{
  TallyCouncilResult *result = gtk_list_item_get_item (item);
  g_autofree char *value = NULL;
  g_autofree char *change_text = NULL;
  g_autofree char *share_text = NULL;
  double share, share_change;
  int change = 0;
  guint won;
  TallyLiveCouncil *live = undeclared (column->list, result);

  if (live != NULL)
    {
      gboolean known;

      /* So far: no share until the council is in. */
      live_seats (column, live, &won, &change, &known);
      value = tally_live_council_get_state (live) == TALLY_LIVE_NOT_DECLARED ? g_strdup ("–") : tally_format_count (won);
      change_text = known && won + ABS (change) > 0 ? tally_format_change (change) : NULL;
      set_figure (item, value, change_text ? change_text : "", change, NULL);
      return;
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

  set_figure (item, value, change_text ? change_text : "", change, share_text);
}

static void
swing_bind_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               TallyCouncilList         *self)
{
  double swing = undeclared (self, gtk_list_item_get_item (item)) ? NAN : swing_of (self, gtk_list_item_get_item (item));
  g_autofree char *text = NULL;

  text = tally_format_points (swing);

  set_figure (item, text, "", 0, NULL);
}

/* Councils in a party's control sort by that party's place from left to
 * right; no overall control after them, unknown last. */
static int
control_rank (TallyCouncilResult *result,
              TallyStage          stage)
{
  TallyParty *party;

  /* Control after is not known until the last ward (results night). */
  if (tally_council_result_get_total_seats (result, stage) == 0 ||
      (stage == TALLY_STAGE_AFTER && !tally_council_result_get_declared (result)))
    return G_MAXINT;

  party = tally_council_result_get_control (result, stage);
  return party != NULL ? tally_party_get_position (party) : G_MAXINT - 1;
}

static int
compare_control (gconstpointer a,
                 gconstpointer b,
                 gpointer      user_data)
{
  TallyCouncilResult *result_a = (TallyCouncilResult *) a;
  TallyCouncilResult *result_b = (TallyCouncilResult *) b;
  int order;

  order = control_rank (result_a, TALLY_STAGE_AFTER) - control_rank (result_b, TALLY_STAGE_AFTER);
  if (order == 0)
    order = control_rank (result_a, TALLY_STAGE_BEFORE) - control_rank (result_b, TALLY_STAGE_BEFORE);
  if (order == 0)
    order = g_utf8_collate (tally_council_get_name (tally_council_result_get_council (result_a)),
                            tally_council_get_name (tally_council_result_get_council (result_b)));

  return order < 0 ? GTK_ORDERING_SMALLER : order > 0 ? GTK_ORDERING_LARGER : GTK_ORDERING_EQUAL;
}

/* Every region, or every type, of the councils the database holds, not
 * only those listed: a filter does not change the columns' widths. */
static GPtrArray *
column_texts (TallyCouncilList *self,
              gboolean          regions)
{
  GListModel *councils = self->engine != NULL ? tally_catalog_get_councils (tally_results_get_catalog (self->engine))
                                              : self->results;
  GPtrArray *texts = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  guint n_items = councils != NULL ? g_list_model_get_n_items (councils) : 0;

  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (councils, i);
      TallyCouncil *council = TALLY_IS_COUNCIL (item) ? TALLY_COUNCIL (item)
                                                      : tally_council_result_get_council (TALLY_COUNCIL_RESULT (item));
      const char *text = regions ? tally_council_get_region (council)
                                 : tally_council_type_get_label (tally_council_get_council_type (council));

      if (text != NULL && g_hash_table_add (seen, (gpointer) text))
        g_ptr_array_add (texts, g_strdup (text));
    }
  return texts;
}

/* Type and Region as wide as their longest text, and every column as wide
 * as its header: nothing in the list is cut by a width chosen for another
 * font, and the Council column, which takes what is left, gets the rest. */
static gboolean
fit_columns_cb (gpointer user_data)
{
  TallyCouncilList *self = user_data;
  g_autoptr(GPtrArray) types = column_texts (self, FALSE);
  g_autoptr(GPtrArray) regions = column_texts (self, TRUE);

  self->fit_source = 0;
  self->fitted = tally_column_fit_texts (self->column_view, self->type_column, types) &&
                 tally_column_fit_texts (self->column_view, self->region_column, regions);
  tally_column_fit_headers (self->column_view);

  return G_SOURCE_REMOVE;
}

/* Once rows are on screen, or again when the columns or the councils
 * changed. */
static void
queue_fit (TallyCouncilList *self)
{
  if (self->fit_source == 0)
    self->fit_source = g_idle_add (fit_columns_cb, self);
}

static void
name_setup_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               TallyCouncilList         *self)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_list_item_set_child (item, label);
}

/* The council's name, and under it its ONS code, in one label. */
static void
name_bind_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              TallyCouncilList         *self)
{
  TallyCouncilResult *result = gtk_list_item_get_item (item);
  TallyCouncil *council = tally_council_result_get_council (result);
  g_autofree char *markup = g_markup_printf_escaped ("<b>%s</b>\n<span size=\"small\" alpha=\"60%%\">%s</span>",
                                                     tally_council_get_name (council),
                                                     tally_council_get_code (council));

  gtk_label_set_markup (GTK_LABEL (gtk_list_item_get_child (item)), markup);
}

static void
text_setup_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               TallyCouncilList         *self)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_list_item_set_child (item, label);
}

static void
type_bind_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              TallyCouncilList         *self)
{
  TallyCouncilResult *result = gtk_list_item_get_item (item);
  TallyCouncil *council = tally_council_result_get_council (result);

  gtk_label_set_text (GTK_LABEL (gtk_list_item_get_child (item)),
                      tally_council_type_get_label (tally_council_get_council_type (council)));
}

static void
region_bind_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *item,
                TallyCouncilList         *self)
{
  TallyCouncilResult *result = gtk_list_item_get_item (item);

  gtk_label_set_text (GTK_LABEL (gtk_list_item_get_child (item)),
                      tally_council_get_region (tally_council_result_get_council (result)));
  if (!self->fitted)
    queue_fit (self);
}

static void
control_setup_cb (GtkSignalListItemFactory *factory,
                  GtkListItem              *item,
                  TallyCouncilList         *self)
{
  gtk_list_item_set_child (item, tally_control_chips_new ());
}

static void
control_bind_cb (GtkSignalListItemFactory *factory,
                 GtkListItem              *item,
                 TallyCouncilList         *self)
{
  TallyCouncilResult *result = gtk_list_item_get_item (item);
  TallyLiveCouncil *live = undeclared (self, result);

  if (live != NULL)
    tally_control_chips_set_live (TALLY_CONTROL_CHIPS (gtk_list_item_get_child (item)), result, live);
  else
    tally_control_chips_set_result (TALLY_CONTROL_CHIPS (gtk_list_item_get_child (item)), result);
}

static void
row_activated_cb (GtkColumnView    *view,
                  guint             position,
                  TallyCouncilList *self)
{
  g_autoptr(TallyCouncilResult) result = g_list_model_get_item (G_LIST_MODEL (self->sorted), position);

  if (result != NULL)
    g_signal_emit (self, signals[COUNCIL_ACTIVATED], 0, result);
}

static void
style_changed_cb (TallyCouncilList *self)
{
  gtk_sort_list_model_set_model (self->sorted, NULL);
  gtk_sort_list_model_set_model (self->sorted, self->results);
}

/* The table; or, when the filter leaves nothing, why and how to undo it;
 * or, for an election with no councils at all, that. */
static void
update_page (TallyCouncilList *self)
{
  gboolean empty = self->results == NULL || g_list_model_get_n_items (self->results) == 0;
  TallyFilter *filter = self->engine ? tally_results_get_filter (self->engine) : NULL;

  /* Models let go of while the widget is disposed. */
  if (self->stack == NULL)
    return;

  if (empty && filter != NULL && !tally_filter_is_empty (filter))
    {
      tally_filter_status_update (self->filtered_page, self->engine);
      gtk_stack_set_visible_child_name (self->stack, "filtered");
      return;
    }

  gtk_stack_set_visible_child_name (self->stack, empty ? "empty" : "list");
}

static void
tally_council_list_dispose (GObject *object)
{
  TallyCouncilList *self = (TallyCouncilList *) object;

  g_clear_handle_id (&self->fit_source, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), TALLY_TYPE_COUNCIL_LIST);
  g_clear_object (&self->results);
  g_clear_object (&self->sorted);
  g_clear_object (&self->selection);
  g_clear_object (&self->swing_from);
  g_clear_object (&self->swing_to);
  g_clear_object (&self->engine);
  g_clear_pointer (&self->party_columns, g_ptr_array_unref);
  g_clear_pointer (&self->party_bindings, g_ptr_array_unref);
  g_clear_object (&self->night);

  G_OBJECT_CLASS (tally_council_list_parent_class)->dispose (object);
}

static void
tally_council_list_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  TallyCouncilList *self = TALLY_COUNCIL_LIST (object);

  switch (prop_id)
    {
    case PROP_RESULTS:
      g_value_set_object (value, self->results);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tally_council_list_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  TallyCouncilList *self = TALLY_COUNCIL_LIST (object);

  switch (prop_id)
    {
    case PROP_RESULTS:
      tally_council_list_set_results (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tally_council_list_class_init (TallyCouncilListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = tally_council_list_dispose;
  object_class->get_property = tally_council_list_get_property;
  object_class->set_property = tally_council_list_set_property;

  properties[PROP_RESULTS] =
    g_param_spec_object ("results", NULL, NULL,
                         G_TYPE_LIST_MODEL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * TallyCouncilList::council-activated:
   * @result: the #TallyCouncilResult of the row
   *
   * A row was activated: Enter, or a double click.
   */
  signals[COUNCIL_ACTIVATED] =
    g_signal_new ("council-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, TALLY_TYPE_COUNCIL_RESULT);

  g_type_ensure (TALLY_TYPE_COUNCIL);
  g_type_ensure (TALLY_TYPE_COUNCIL_RESULT);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/tally/Tally/tally-council-list.ui");
  gtk_widget_class_bind_template_child (widget_class, TallyCouncilList, column_view);
  gtk_widget_class_bind_template_child (widget_class, TallyCouncilList, type_column);
  gtk_widget_class_bind_template_child (widget_class, TallyCouncilList, region_column);
  gtk_widget_class_bind_template_child (widget_class, TallyCouncilList, control_column);
  gtk_widget_class_bind_template_child (widget_class, TallyCouncilList, stack);
  gtk_widget_class_bind_template_child (widget_class, TallyCouncilList, filtered_page);
  gtk_widget_class_bind_template_callback (widget_class, control_bind_cb);
  gtk_widget_class_bind_template_callback (widget_class, control_setup_cb);
  gtk_widget_class_bind_template_callback (widget_class, name_bind_cb);
  gtk_widget_class_bind_template_callback (widget_class, name_setup_cb);
  gtk_widget_class_bind_template_callback (widget_class, region_bind_cb);
  gtk_widget_class_bind_template_callback (widget_class, text_setup_cb);
  gtk_widget_class_bind_template_callback (widget_class, type_bind_cb);
  gtk_widget_class_bind_template_callback (widget_class, row_activated_cb);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
tally_council_list_init (TallyCouncilList *self)
{
  g_autoptr(GtkSorter) control_sorter = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));

  control_sorter = GTK_SORTER (gtk_custom_sorter_new (compare_control, NULL, NULL));
  gtk_column_view_column_set_sorter (self->control_column, control_sorter);

  self->sorted = gtk_sort_list_model_new (NULL, g_object_ref (gtk_column_view_get_sorter (self->column_view)));
  self->selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->sorted)));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (self->selection));
  self->party_columns = g_ptr_array_new ();
  self->party_bindings = g_ptr_array_new ();

  /* The changes' colours are in the cells' markup: bind the rows again. */
  g_signal_connect_object (adw_style_manager_get_default (), "notify::dark",
                           G_CALLBACK (style_changed_cb), self, G_CONNECT_SWAPPED);

  g_signal_connect_object (self->sorted, "items-changed", G_CALLBACK (update_page), self, G_CONNECT_SWAPPED);
  update_page (self);
}

GtkWidget *
tally_council_list_new (void)
{
  return g_object_new (TALLY_TYPE_COUNCIL_LIST, NULL);
}

/**
 * tally_council_list_get_results:
 *
 * Returns: (transfer none) (nullable): the #TallyCouncilResult rows shown
 */
GListModel *
tally_council_list_get_results (TallyCouncilList *self)
{
  g_return_val_if_fail (TALLY_IS_COUNCIL_LIST (self), NULL);
  return self->results;
}

void
tally_council_list_set_results (TallyCouncilList *self,
                                GListModel       *results)
{
  g_return_if_fail (TALLY_IS_COUNCIL_LIST (self));
  g_return_if_fail (results == NULL || G_IS_LIST_MODEL (results));

  if (!g_set_object (&self->results, results))
    return;

  gtk_sort_list_model_set_model (self->sorted, results);
  update_page (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RESULTS]);
}

/**
 * tally_council_list_set_engine:
 * @engine: (nullable): the results engine whose matching councils the list
 *   shows, so that an empty list can say which choices hide everything
 */
void
tally_council_list_set_engine (TallyCouncilList *self,
                               TallyResults     *engine)
{
  g_return_if_fail (TALLY_IS_COUNCIL_LIST (self));

  if (g_set_object (&self->engine, engine))
    {
      self->fitted = FALSE;
      queue_fit (self);
    }
  update_page (self);
}

/**
 * tally_council_list_get_column_view:
 *
 * Returns: (transfer none): the table, for sorting and selection
 */
GtkColumnView *
tally_council_list_get_column_view (TallyCouncilList *self)
{
  g_return_val_if_fail (TALLY_IS_COUNCIL_LIST (self), NULL);
  return self->column_view;
}

/* The same parties in the same order, and the same Con→Lab swing column:
 * points the columns at @ranking and says TRUE; otherwise changes nothing. */
static gboolean
rebind_party_columns (TallyCouncilList  *self,
                      TallyPartyRanking *ranking,
                      GListModel        *parties,
                      GPtrArray         *ordered)
{
  gboolean swing, has_con = FALSE, has_lab = FALSE;

  if (self->party_bindings->len != 2 * ordered->len)
    return FALSE;
  for (guint i = 0; i < ordered->len; i++)
    {
      PartyColumn *bound = g_ptr_array_index (self->party_bindings, 2 * i);

      if (!g_str_equal (tally_party_get_key (bound->party),
                        tally_party_get_key (g_ptr_array_index (ordered, i))))
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
      g_set_object (&column->party, g_ptr_array_index (ordered, i / 2));
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
    return;

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

      column = gtk_column_view_column_new (tally_party_get_short_name (party), g_steal_pointer (&factory));
      sorted_by = party_column_new (ranking, party);
      sorted_by->list = self;
      sorter = GTK_SORTER (gtk_custom_sorter_new (compare_seats, sorted_by, party_column_free));
      g_ptr_array_add (self->party_bindings, bound);
      g_ptr_array_add (self->party_bindings, sorted_by);
      gtk_column_view_column_set_sorter (column, sorter);
      gtk_column_view_column_set_fixed_width (column, 80);
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
      column = gtk_column_view_column_new (title, g_steal_pointer (&factory));
      gtk_column_view_column_set_sorter (column, sorter);
      gtk_column_view_column_set_fixed_width (column, 110);
      gtk_column_view_append_column (self->column_view, column);
      g_ptr_array_add (self->party_columns, column);
    }

  /* The columns hold the only references now. */
  for (guint i = 0; i < self->party_columns->len; i++)
    g_object_unref (g_ptr_array_index (self->party_columns, i));

  queue_fit (self);
}

/* GTK 4.8 has no gtk_column_view_scroll_to(): the column view's own list
 * view has a "list.scroll-to-item" action that does it. */
static void
scroll_to_row (TallyCouncilList *self,
               guint             position)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->column_view));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (GTK_IS_LIST_VIEW (child))
        {
          gtk_widget_activate_action (child, "list.scroll-to-item", "u", position);
          return;
        }
    }
}

/**
 * tally_council_list_select_council:
 * @council: (nullable): the #TallyCouncil to select, or %NULL for none
 *
 * Selects @council's row and scrolls it into view, if it is listed.
 */
void
tally_council_list_select_council (TallyCouncilList *self,
                                   gpointer          council)
{
  guint n_items;

  g_return_if_fail (TALLY_IS_COUNCIL_LIST (self));

  n_items = g_list_model_get_n_items (G_LIST_MODEL (self->sorted));
  for (guint i = 0; i < n_items && council != NULL; i++)
    {
      g_autoptr(TallyCouncilResult) result = g_list_model_get_item (G_LIST_MODEL (self->sorted), i);

      if ((gpointer) tally_council_result_get_council (result) == council)
        {
          gtk_single_selection_set_selected (self->selection, i);
          scroll_to_row (self, i);
          return;
        }
    }

  gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
}

/**
 * tally_council_list_set_night:
 * @night: (nullable): results night, or %NULL when the database records
 *   none
 *
 * Councils @night has not fully declared show how far they are ("21/24",
 * the strongest call so far) and their seats so far.  Call it again after
 * the night changed: every row is bound again, the selection kept.
 */
void
tally_council_list_set_night (TallyCouncilList *self,
                              TallyLiveNight   *night)
{
  guint n_items;

  g_return_if_fail (TALLY_IS_COUNCIL_LIST (self));
  g_return_if_fail (night == NULL || TALLY_IS_LIVE_NIGHT (night));

  if (self->night == NULL && night == NULL)
    return;

  g_set_object (&self->night, night);

  /* The same items, said again: each row is bound anew and the selection
   * model finds its item among them. */
  n_items = self->results != NULL ? g_list_model_get_n_items (self->results) : 0;
  if (n_items > 0)
    g_list_model_items_changed (self->results, 0, n_items, n_items);
}
