/* tally-council-list.c: the councils of an election, as a sortable table.
 *
 * Rows are TallyCouncilRow objects in a list model, so the table scrolls
 * through any number of councils without building a widget per row.  A
 * row lives as long as the database is shown: a live reload points each
 * at its council's new result, and only rows whose text changed are said
 * again (items-changed of that one row), so GTK 4.8's column view keeps
 * every other row's cells, the selection and the scroll position.  Each
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
#include "tally-council-list-private.h"
#include "tally-council-result.h"
#include "tally-council-row.h"
#include "tally-filter.h"
#include "tally-filter-status.h"
#include "tally-format.h"
#include "tally-live-council.h"
#include "tally-live-night.h"
#include "tally-party.h"
#include "tally-party-ranking.h"
#include "tally-party-style.h"
#include "tally-results.h"
#include "tally-scope-summary.h"


G_DEFINE_FINAL_TYPE (TallyCouncilList, tally_council_list, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_RESULTS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];


enum {
  COUNCIL_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];


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
  TallyCouncilResult *result_a = tally_council_row_get_result ((TallyCouncilRow *) a);
  TallyCouncilResult *result_b = tally_council_row_get_result ((TallyCouncilRow *) b);
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

/* Type's and Region's texts as one string: what their widths depend on. */
static char *
join_texts (GPtrArray *types,
            GPtrArray *regions)
{
  GString *joined = g_string_new (NULL);

  for (guint i = 0; i < types->len; i++)
    g_string_append_printf (joined, "%s\n", (const char *) g_ptr_array_index (types, i));
  g_string_append_c (joined, '\t');
  for (guint i = 0; i < regions->len; i++)
    g_string_append_printf (joined, "%s\n", (const char *) g_ptr_array_index (regions, i));

  return g_string_free (joined, FALSE);
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
  g_free (self->fit_texts);
  self->fit_texts = self->fitted ? join_texts (types, regions) : NULL;

  /* Shown, but its rows not laid out yet: again in a moment. */
  if (!self->fitted && gtk_widget_get_mapped (GTK_WIDGET (self->column_view)) && self->fit_tries++ < 20)
    self->fit_source = g_timeout_add (50, fit_columns_cb, self);

  return G_SOURCE_REMOVE;
}

/* Once rows are on screen (a folded window shows the list only when
 * asked), or again when the columns or the councils changed.  A list not
 * on screen (a council's page open over it) waits until it is: measuring
 * it would find no row, and set every column's width for nothing on each
 * ward of results night. */
void
_tally_council_list_queue_fit (TallyCouncilList *self)
{
  self->fit_tries = 0;
  if (!gtk_widget_get_mapped (GTK_WIDGET (self->column_view)))
    return;
  if (self->fit_source == 0)
    self->fit_source = g_idle_add (fit_columns_cb, self);
}

static void
column_view_mapped_cb (TallyCouncilList *self)
{
  _tally_council_list_deferred_mapped (self);
  if (!self->fitted)
    _tally_council_list_queue_fit (self);
}

/* The Control column's width (the template's), and on results night. */
#define CONTROL_WIDTH 200
#define CONTROL_WIDTH_LIVE 226

/* A cell follows its row: when the row says that what it shows changed (a
 * ward came in), the cell is drawn again in place, and the column view is
 * not told, since telling it an item changed binds the whole row again
 * (a row of a dozen cells, about a frame's time in GTK 4.8). */
typedef struct
{
  TallyCellBindFunc  bind;
  gpointer           user_data;
  GtkListItem       *item;
} Follow;

static void
follow_cb (TallyCouncilRow *row,
           GParamSpec      *pspec,
           Follow          *follow)
{
  follow->bind (NULL, follow->item, follow->user_data);
}

/* Called from @bind: the first time for this item, follows @property of its
 * row until the item is unbound. */
void
_tally_council_list_follow_row (GtkListItem       *item,
                                const char        *property,
                                TallyCellBindFunc  bind,
                                gpointer           user_data)
{
  g_autofree char *signal = NULL;
  Follow *follow;
  gulong handler;

  if (g_object_get_data (G_OBJECT (item), "tally-follow") != NULL)
    return;

  follow = g_new (Follow, 1);
  *follow = (Follow) { bind, user_data, item };
  signal = g_strconcat ("notify::", property, NULL);
  handler = g_signal_connect_data (gtk_list_item_get_item (item), signal, G_CALLBACK (follow_cb), follow,
                                   (GClosureNotify) (void (*) (void)) g_free, 0);
  g_object_set_data (G_OBJECT (item), "tally-follow", GSIZE_TO_POINTER (handler));
}

/* Every cell factory's unbind. */
void
_tally_council_list_unfollow_row (GtkSignalListItemFactory *factory,
                                  GtkListItem              *item,
                                  gpointer                  user_data)
{
  gulong handler = GPOINTER_TO_SIZE (g_object_steal_data (G_OBJECT (item), "tally-follow"));

  if (handler != 0)
    g_signal_handler_disconnect (gtk_list_item_get_item (item), handler);
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
  TallyCouncil *council = tally_council_row_get_council (gtk_list_item_get_item (item));
  g_autofree char *markup = NULL;

  _tally_council_list_follow_row (item, "council-name", (TallyCellBindFunc) name_bind_cb, self);
  markup = g_markup_printf_escaped ("<b>%s</b>\n<span size=\"small\" alpha=\"60%%\">%s</span>",
                                    tally_council_get_name (council), tally_council_get_code (council));

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
  TallyCouncil *council = tally_council_row_get_council (gtk_list_item_get_item (item));

  _tally_council_list_follow_row (item, "type-label", (TallyCellBindFunc) type_bind_cb, self);
  gtk_label_set_text (GTK_LABEL (gtk_list_item_get_child (item)),
                      tally_council_type_get_label (tally_council_get_council_type (council)));
}

static void
region_bind_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *item,
                TallyCouncilList         *self)
{
  TallyCouncil *council = tally_council_row_get_council (gtk_list_item_get_item (item));

  _tally_council_list_follow_row (item, "region", (TallyCellBindFunc) region_bind_cb, self);
  gtk_label_set_text (GTK_LABEL (gtk_list_item_get_child (item)), tally_council_get_region (council));
  if (!self->fitted)
    _tally_council_list_queue_fit (self);
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
  TallyCouncilResult *result = tally_council_row_get_result (gtk_list_item_get_item (item));
  TallyLiveCouncil *live = tally_council_row_get_live (gtk_list_item_get_item (item));

  _tally_council_list_follow_row (item, "result", (TallyCellBindFunc) control_bind_cb, self);
  if (live != NULL)
    tally_control_chips_set_live (TALLY_CONTROL_CHIPS (gtk_list_item_get_child (item)), result, live);
  else
    tally_control_chips_set_result (TALLY_CONTROL_CHIPS (gtk_list_item_get_child (item)), result);
}

/* What the control column shows: its chips' text and their sentence. */
static void
describe_control (GString            *shown,
                  TallyCouncilResult *result,
                  TallyLiveCouncil   *live)
{
  g_autofree char *before = tally_council_result_describe_control (result, TALLY_STAGE_BEFORE);

  g_string_append_printf (shown, "%s\x1f", before);
  if (live != NULL)
    {
      g_autofree char *progress = tally_live_council_describe_progress (live);
      g_auto(GStrv) calls = tally_live_council_describe_calls (live);

      g_string_append_printf (shown, "%d %u/%u %u/%u\x1f%s", tally_live_council_get_state (live),
                              tally_live_council_get_wards_declared (live), tally_live_council_get_wards_up (live),
                              tally_live_council_get_seats_declared (live), tally_live_council_get_seats_up (live),
                              progress);
      for (guint i = 0; calls != NULL && calls[i] != NULL; i++)
        g_string_append_printf (shown, "\x1f%s", calls[i]);
    }
  else
    {
      g_autofree char *after = tally_council_result_describe_control (result, TALLY_STAGE_AFTER);
      g_autofree char *outcome = tally_council_result_describe_outcome (result, FALSE);

      g_string_append_printf (shown, "%s\x1f%s\x1f%d", after, outcome, tally_council_result_get_outcome (result));
    }
}

/* Every cell's text in @row, as one string: two rows that show the same
 * have the same. */
static char *
describe_row (TallyCouncilList   *self,
              TallyCouncilResult *result,
              TallyLiveCouncil   *live)
{
  TallyCouncil *council = tally_council_result_get_council (result);
  GString *shown = g_string_new (NULL);

  g_string_append_printf (shown, "%s\x1f%s\x1f%s\x1f%s\x1f", tally_council_get_name (council),
                          tally_council_get_code (council),
                          tally_council_type_get_label (tally_council_get_council_type (council)),
                          tally_council_get_region (council));
  describe_control (shown, result, live);
  _tally_council_list_describe_figures (self, shown, result, live);
  return g_string_free (shown, FALSE);
}

/* The store holds its rows: the pointer outlives the reference. */
static gpointer
row_at (GListModel *model,
        guint       position)
{
  g_autoptr(TallyCouncilRow) row = g_list_model_get_item (model, position);

  return row;
}

/* Whether every row the sorter orders stands where it sorts, after rows'
 * figures changed in place. */
static gboolean
still_sorted (TallyCouncilList *self)
{
  GtkSorter *sorter = gtk_column_view_get_sorter (self->column_view);
  GListModel *sorted = G_LIST_MODEL (self->sorted);
  guint n = g_list_model_get_n_items (sorted);

  if (sorter == NULL || gtk_sorter_get_order (sorter) == GTK_SORTER_ORDER_NONE)
    return TRUE;

  for (guint i = 1; i < n; i++)
    if (gtk_sorter_compare (sorter, row_at (sorted, i - 1), row_at (sorted, i)) == GTK_ORDERING_LARGER)
      return FALSE;
  return TRUE;
}

/* The rows for @results as they are now: each council's row found again
 * (or made) and pointed at its new result and night.  A row is described
 * again only when the digest of its figures changed, and says it changed
 * only when what it shows did: its cells are drawn again in place.  The
 * models above hear of a row only when it came, went or must move. */
void
_tally_council_list_sync_rows (TallyCouncilList *self)
{
  guint n_items = self->results != NULL ? g_list_model_get_n_items (self->results) : 0;
  guint n_old = g_list_model_get_n_items (G_LIST_MODEL (self->rows));
  g_autoptr(GPtrArray) wanted = g_ptr_array_new_full (n_items, g_object_unref);
  guint64 columns;
  guint prefix = 0, suffix = 0, n_changed = 0;

  if (self->frozen > 0)
    {
      self->stale = TRUE;
      return;
    }
  self->stale = FALSE;

  columns = _tally_council_list_columns_digest (self);
  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(TallyCouncilResult) result = g_list_model_get_item (self->results, i);
      TallyCouncil *council = tally_council_result_get_council (result);
      TallyCouncilRow *row = g_hash_table_lookup (self->row_by_code, tally_council_get_code (council));
      TallyLiveCouncil *live = undeclared (self, result);
      guint64 digest = tally_council_row_digest (result, live, columns);
      gboolean made = row == NULL;
      gboolean same;

      if (made)
        {
          row = tally_council_row_new (result);
          g_hash_table_insert (self->row_by_code, (gpointer) tally_council_row_get_code (row), row);
        }
      same = digest != 0 && digest == tally_council_row_get_digest (row);
      if (tally_council_row_update (row, result, live, digest, same ? NULL : describe_row (self, result, live)) &&
          !made)
        n_changed++;
      g_ptr_array_add (wanted, g_object_ref (row));
    }

  while (prefix < n_old && prefix < n_items &&
         row_at (G_LIST_MODEL (self->rows), prefix) == g_ptr_array_index (wanted, prefix))
    prefix++;
  while (suffix < n_old - prefix && suffix < n_items - prefix &&
         row_at (G_LIST_MODEL (self->rows), n_old - 1 - suffix) == g_ptr_array_index (wanted, n_items - 1 - suffix))
    suffix++;

  if (n_old - prefix - suffix > 0 || n_items - prefix - suffix > 0)
    g_list_store_splice (self->rows, prefix, n_old - prefix - suffix, wanted->pdata + prefix,
                         n_items - prefix - suffix);

  /* A changed row sorted by what changed may stand out of its place: then
   * every row is said again, and sorted anew (rare: on results night the
   * list is sorted by name or control more often than by a party's seats). */
  if (n_changed > 0 && !still_sorted (self))
    g_list_store_splice (self->rows, 0, n_items, wanted->pdata, n_items);
}

static gpointer
row_result (gpointer item,
            gpointer user_data)
{
  g_autoptr(TallyCouncilRow) row = item;

  return g_object_ref (tally_council_row_get_result (row));
}

/**
 * tally_council_list_freeze:
 *
 * Holds the rows as they are until tally_council_list_thaw(): a reload
 * that sets the results, the parties and the night brings its rows up to
 * date once, at the end.
 */
void
tally_council_list_freeze (TallyCouncilList *self)
{
  g_return_if_fail (TALLY_IS_COUNCIL_LIST (self));
  self->frozen++;
}

void
tally_council_list_thaw (TallyCouncilList *self)
{
  g_return_if_fail (TALLY_IS_COUNCIL_LIST (self));
  g_return_if_fail (self->frozen > 0);

  if (--self->frozen == 0 && self->stale)
    _tally_council_list_sync_rows (self);
}

static void
row_activated_cb (GtkColumnView    *view,
                  guint             position,
                  TallyCouncilList *self)
{
  g_autoptr(TallyCouncilRow) row = g_list_model_get_item (G_LIST_MODEL (self->sorted), position);

  if (row != NULL)
    g_signal_emit (self, signals[COUNCIL_ACTIVATED], 0, tally_council_row_get_result (row));
}

/* The changes' colours are in the cells' markup: every row changed. */
static void
style_changed_cb (TallyCouncilList *self)
{
  _tally_council_list_sync_rows (self);
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
  g_clear_pointer (&self->fit_texts, g_free);
  _tally_council_list_stop_deferring (self);
  gtk_widget_dispose_template (GTK_WIDGET (self), TALLY_TYPE_COUNCIL_LIST);
  if (self->results != NULL)
    g_signal_handlers_disconnect_by_func (self->results, _tally_council_list_sync_rows, self);
  g_clear_object (&self->results);
  g_clear_object (&self->slice);
  g_clear_object (&self->sorted);
  g_clear_object (&self->rows);
  g_clear_pointer (&self->row_by_code, g_hash_table_unref);
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
  g_type_ensure (TALLY_TYPE_COUNCIL_ROW);

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
  gtk_widget_class_bind_template_callback_full (widget_class, "cell_unbind_cb",
                                                G_CALLBACK (_tally_council_list_unfollow_row));
  gtk_widget_class_bind_template_callback (widget_class, row_activated_cb);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

/* GTK loads an icon as soon as its page is measured, shown or not, and
 * these are drawn from SVG, which brings librsvg (6 MiB) into every start:
 * each page takes its icon when it is first on screen. */
static void
status_page_map_cb (AdwStatusPage *page,
                    const char    *icon_name)
{
  adw_status_page_set_icon_name (page, icon_name);
}

static void
tally_council_list_init (TallyCouncilList *self)
{
  g_autoptr(GtkSorter) control_sorter = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));
  g_signal_connect (gtk_stack_get_child_by_name (self->stack, "filtered"), "map",
                    G_CALLBACK (status_page_map_cb), (gpointer) "edit-find-symbolic");
  g_signal_connect (gtk_stack_get_child_by_name (self->stack, "empty"), "map",
                    G_CALLBACK (status_page_map_cb), (gpointer) "view-list-symbolic");

  control_sorter = GTK_SORTER (gtk_custom_sorter_new (compare_control, NULL, NULL));
  gtk_column_view_column_set_sorter (self->control_column, control_sorter);

  self->rows = g_list_store_new (TALLY_TYPE_COUNCIL_ROW);
  self->row_by_code = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_object_unref);
  self->sorted = gtk_sort_list_model_new (g_object_ref (G_LIST_MODEL (self->rows)),
                                          g_object_ref (gtk_column_view_get_sorter (self->column_view)));
  /* Every row, unless told to defer some (tally-council-list-defer.c). */
  self->slice = gtk_slice_list_model_new (g_object_ref (G_LIST_MODEL (self->sorted)), 0, G_MAXUINT);
  self->selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->slice)));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (self->selection));
  self->party_columns = g_ptr_array_new ();
  self->party_bindings = g_ptr_array_new ();

  /* The changes' colours are in the cells' markup: bind the rows again. */
  g_signal_connect_object (adw_style_manager_get_default (), "notify::dark",
                           G_CALLBACK (style_changed_cb), self, G_CONNECT_SWAPPED);

  g_signal_connect_object (self->sorted, "items-changed", G_CALLBACK (update_page), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->column_view, "map", G_CALLBACK (column_view_mapped_cb), self, G_CONNECT_SWAPPED);
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

  if (self->results == results)
    return;

  if (self->results != NULL)
    g_signal_handlers_disconnect_by_func (self->results, _tally_council_list_sync_rows, self);
  g_set_object (&self->results, results);
  /* Another database: its councils get rows of their own. */
  if (results == NULL)
    {
      g_list_store_remove_all (self->rows);
      g_hash_table_remove_all (self->row_by_code);
    }
  else
    g_signal_connect_object (results, "items-changed", G_CALLBACK (_tally_council_list_sync_rows), self, G_CONNECT_SWAPPED);
  _tally_council_list_sync_rows (self);
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

  /* Every live reload brings a new engine, nearly always with the same
   * types and regions: measure again only when they changed. */
  if (g_set_object (&self->engine, engine))
    {
      g_autoptr(GPtrArray) types = column_texts (self, FALSE);
      g_autoptr(GPtrArray) regions = column_texts (self, TRUE);
      g_autofree char *texts = join_texts (types, regions);

      if (g_strcmp0 (texts, self->fit_texts) != 0)
        {
          self->fitted = FALSE;
          _tally_council_list_queue_fit (self);
        }
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

/**
 * tally_council_list_get_shown:
 *
 * Returns: (transfer full): the councils' results as the list shows them,
 *   filtered and sorted (#TallyCouncilResult)
 */
GListModel *
tally_council_list_get_shown (TallyCouncilList *self)
{
  g_return_val_if_fail (TALLY_IS_COUNCIL_LIST (self), NULL);

  return G_LIST_MODEL (gtk_map_list_model_new (g_object_ref (G_LIST_MODEL (self->sorted)), row_result, NULL, NULL));
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

  /* A row is selected and scrolled to by its place: every row first. */
  if (council != NULL)
    _tally_council_list_build_every_row (self);
  n_items = g_list_model_get_n_items (G_LIST_MODEL (self->sorted));
  for (guint i = 0; i < n_items && council != NULL; i++)
    {
      g_autoptr(TallyCouncilRow) row = g_list_model_get_item (G_LIST_MODEL (self->sorted), i);

      /* By code: a reload brings the same council as a new object. */
      if (g_str_equal (tally_council_row_get_code (row), tally_council_get_code (council)))
        {
          if (gtk_single_selection_get_selected (self->selection) == i)
            return;
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
 * the night changed: the rows whose text changed are bound again.
 */
void
tally_council_list_set_night (TallyCouncilList *self,
                              TallyLiveNight   *night)
{
  g_return_if_fail (TALLY_IS_COUNCIL_LIST (self));
  g_return_if_fail (night == NULL || TALLY_IS_LIVE_NIGHT (night));

  if (self->night == NULL && night == NULL)
    return;

  g_set_object (&self->night, night);

  /* A council part declared shows its progress and a call ("13/15 CON
   * HOLD"), wider than two parties' chips ("Con › Con HOLD"). */
  gtk_column_view_column_set_fixed_width (self->control_column,
                                          night != NULL && tally_live_night_get_n_declared (night) <
                                                             tally_live_night_get_n_councils (night)
                                            ? CONTROL_WIDTH_LIVE
                                            : CONTROL_WIDTH);

  /* Only the rows whose councils moved on are bound again. */
  _tally_council_list_sync_rows (self);
}
