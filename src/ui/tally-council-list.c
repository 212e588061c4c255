/* tally-council-list.c: the councils of an election, as a sortable table.
 *
 * Rows are TallyCouncilResult objects in a list model, so the table scrolls
 * through any number of councils without building a widget per row.  Each
 * column sorts: by name, type and region through property expressions, and
 * by control through a sorter of its own.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "tally-council.h"
#include "tally-council-list.h"
#include "tally-council-result.h"
#include "tally-party.h"
#include "tally-party-style.h"

struct _TallyCouncilList
{
  GtkWidget           parent_instance;

  GListModel         *results;
  GtkSortListModel   *sorted;

  /* Template widgets */
  GtkColumnView      *column_view;
  GtkColumnViewColumn *control_column;
  GtkStack           *stack;
};

G_DEFINE_FINAL_TYPE (TallyCouncilList, tally_council_list, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_RESULTS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Councils in a party's control sort by that party's place from left to
 * right; no overall control after them, unknown last. */
static int
control_rank (TallyCouncilResult *result,
              TallyStage          stage)
{
  TallyParty *party;

  if (tally_council_result_get_total_seats (result, stage) == 0)
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

static void
name_setup_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               TallyCouncilList         *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *name = gtk_label_new (NULL);
  GtkWidget *code = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (name), 0);
  gtk_label_set_ellipsize (GTK_LABEL (name), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (name, "heading");
  gtk_label_set_xalign (GTK_LABEL (code), 0);
  gtk_widget_add_css_class (code, "dim-label");
  gtk_widget_add_css_class (code, "council-code");

  gtk_box_append (GTK_BOX (box), name);
  gtk_box_append (GTK_BOX (box), code);
  gtk_list_item_set_child (item, box);
}

static void
name_bind_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              TallyCouncilList         *self)
{
  TallyCouncilResult *result = gtk_list_item_get_item (item);
  TallyCouncil *council = tally_council_result_get_council (result);
  GtkWidget *name = gtk_widget_get_first_child (gtk_list_item_get_child (item));
  GtkWidget *code = gtk_widget_get_next_sibling (name);

  gtk_label_set_text (GTK_LABEL (name), tally_council_get_name (council));
  gtk_label_set_text (GTK_LABEL (code), tally_council_get_code (council));
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
}

static void
control_setup_cb (GtkSignalListItemFactory *factory,
                  GtkListItem              *item,
                  TallyCouncilList         *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *arrow = gtk_image_new_from_icon_name ("go-next-symbolic");

  gtk_widget_add_css_class (arrow, "control-arrow");
  gtk_box_append (GTK_BOX (box), gtk_label_new (NULL));
  gtk_box_append (GTK_BOX (box), arrow);
  gtk_box_append (GTK_BOX (box), gtk_label_new (NULL));
  gtk_list_item_set_child (item, box);
}

static void
control_bind_cb (GtkSignalListItemFactory *factory,
                 GtkListItem              *item,
                 TallyCouncilList         *self)
{
  TallyCouncilResult *result = gtk_list_item_get_item (item);
  GtkWidget *box = gtk_list_item_get_child (item);
  GtkWidget *before = gtk_widget_get_first_child (box);
  GtkWidget *after = gtk_widget_get_last_child (box);
  TallyParty *control_before = tally_council_result_get_control (result, TALLY_STAGE_BEFORE);
  TallyParty *control_after = tally_council_result_get_control (result, TALLY_STAGE_AFTER);
  gboolean known_before = tally_council_result_get_total_seats (result, TALLY_STAGE_BEFORE) > 0;
  gboolean known_after = tally_council_result_get_total_seats (result, TALLY_STAGE_AFTER) > 0;
  g_autofree char *text_before = tally_council_result_describe_control (result, TALLY_STAGE_BEFORE);
  g_autofree char *text_after = tally_council_result_describe_control (result, TALLY_STAGE_AFTER);
  g_autofree char *description = g_strdup_printf (_("%s before, %s after"), text_before, text_after);

  tally_party_style_apply_chip (GTK_LABEL (before), control_before, known_before);
  tally_party_style_apply_chip (GTK_LABEL (after), control_after, known_after);

  if (known_before && known_after && control_before != control_after)
    gtk_widget_add_css_class (box, "control-changed");
  else
    gtk_widget_remove_css_class (box, "control-changed");

  /* Screen readers hear the whole change, not two abbreviations. */
  gtk_accessible_update_property (GTK_ACCESSIBLE (box), GTK_ACCESSIBLE_PROPERTY_LABEL, description, -1);
  gtk_widget_set_tooltip_text (box, description);
}

static void
update_page (TallyCouncilList *self)
{
  gboolean empty = self->results == NULL || g_list_model_get_n_items (self->results) == 0;

  gtk_stack_set_visible_child_name (self->stack, empty ? "empty" : "list");
}

static void
tally_council_list_dispose (GObject *object)
{
  TallyCouncilList *self = (TallyCouncilList *) object;

  gtk_widget_dispose_template (GTK_WIDGET (self), TALLY_TYPE_COUNCIL_LIST);
  g_clear_object (&self->results);
  g_clear_object (&self->sorted);

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

  g_type_ensure (TALLY_TYPE_COUNCIL);
  g_type_ensure (TALLY_TYPE_COUNCIL_RESULT);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/tally/Tally/tally-council-list.ui");
  gtk_widget_class_bind_template_child (widget_class, TallyCouncilList, column_view);
  gtk_widget_class_bind_template_child (widget_class, TallyCouncilList, control_column);
  gtk_widget_class_bind_template_child (widget_class, TallyCouncilList, stack);
  gtk_widget_class_bind_template_callback (widget_class, control_bind_cb);
  gtk_widget_class_bind_template_callback (widget_class, control_setup_cb);
  gtk_widget_class_bind_template_callback (widget_class, name_bind_cb);
  gtk_widget_class_bind_template_callback (widget_class, name_setup_cb);
  gtk_widget_class_bind_template_callback (widget_class, region_bind_cb);
  gtk_widget_class_bind_template_callback (widget_class, text_setup_cb);
  gtk_widget_class_bind_template_callback (widget_class, type_bind_cb);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
tally_council_list_init (TallyCouncilList *self)
{
  g_autoptr(GtkSorter) control_sorter = NULL;
  GtkSingleSelection *selection;

  gtk_widget_init_template (GTK_WIDGET (self));

  control_sorter = GTK_SORTER (gtk_custom_sorter_new (compare_control, NULL, NULL));
  gtk_column_view_column_set_sorter (self->control_column, control_sorter);

  self->sorted = gtk_sort_list_model_new (NULL, g_object_ref (gtk_column_view_get_sorter (self->column_view)));
  selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->sorted)));
  gtk_single_selection_set_autoselect (selection, FALSE);
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (selection));
  g_object_unref (selection);

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
