/* tally-map-view-controls.c: the controls floating over the map view:
 * hexes or map and what the councils are coloured by (top left), London,
 * all England and zoom (bottom right), and the note shown when there are
 * no boundaries; how they are laid out over the map, and kept in step
 * with the view's properties.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "tally-catalog.h"
#include "tally-map-view-private.h"
#include "tally-party.h"

/* Controls */

static TallyParty *
party_at (TallyMapView *self,
          guint         position)
{
  g_autoptr(TallyParty) party = NULL;

  if (self->catalog == NULL)
    return NULL;

  party = g_list_model_get_item (tally_catalog_get_parties (self->catalog), position);
  return party;  /* the catalogue keeps it alive */
}

static guint
position_of (TallyMapView *self,
             TallyParty   *party)
{
  GListModel *parties;

  if (self->catalog == NULL || party == NULL)
    return GTK_INVALID_LIST_POSITION;

  parties = tally_catalog_get_parties (self->catalog);
  for (guint i = 0; i < g_list_model_get_n_items (parties); i++)
    {
      g_autoptr(TallyParty) item = g_list_model_get_item (parties, i);

      if (item == party)
        return i;
    }

  return GTK_INVALID_LIST_POSITION;
}

void
_tally_map_view_sync_controls (TallyMapView *self)
{
  gboolean needs_party = tally_map_colour_by_needs_party (self->colour_by);
  gboolean swing = self->colour_by == TALLY_MAP_COLOUR_SWING;

  self->syncing_controls = TRUE;
  gtk_toggle_button_set_active (self->hex_button, self->mode == TALLY_MAP_MODE_HEXES);
  gtk_toggle_button_set_active (self->geo_button, self->mode == TALLY_MAP_MODE_GEOGRAPHIC);
  gtk_drop_down_set_selected (self->colour_dropdown, self->colour_by);
  gtk_drop_down_set_selected (self->party_dropdown, position_of (self, self->party));
  gtk_drop_down_set_selected (self->from_dropdown, position_of (self, self->swing_from));
  gtk_widget_set_visible (GTK_WIDGET (self->party_dropdown), needs_party);
  gtk_widget_set_visible (GTK_WIDGET (self->from_dropdown), swing);
  gtk_widget_set_visible (self->to_label, swing);
  gtk_widget_set_visible (self->empty_label,
                          self->mode == TALLY_MAP_MODE_GEOGRAPHIC &&
                          !_tally_map_view_has_geometry (self, TALLY_MAP_MODE_GEOGRAPHIC) &&
                          self->loading == NULL);
  gtk_widget_set_visible (self->zoom_box, _tally_map_view_has_geometry (self, self->mode));
  self->syncing_controls = FALSE;
}

/* Whether @model already reads @names: a live reload brings a new
 * catalogue with the same parties, and a drop-down given a new model of a
 * few hundred parties builds its list again (most of what the map cost a
 * reload). */
static gboolean
reads (GListModel *model,
       GPtrArray  *names)
{
  if (!GTK_IS_STRING_LIST (model) || g_list_model_get_n_items (model) != names->len)
    return FALSE;

  for (guint i = 0; i < names->len; i++)
    if (g_strcmp0 (gtk_string_list_get_string (GTK_STRING_LIST (model), i), g_ptr_array_index (names, i)) != 0)
      return FALSE;

  return TRUE;
}

/* The party of the same key in the new catalogue, or @fallback's. */
static TallyParty *
same_party (TallyCatalog *catalog,
            TallyParty   *party,
            const char   *fallback)
{
  TallyParty *found = party != NULL ? tally_catalog_lookup_party (catalog, tally_party_get_key (party)) : NULL;

  return found != NULL ? found : tally_catalog_lookup_party (catalog, fallback);
}

void
_tally_map_view_fill_party_lists (TallyMapView *self)
{
  g_autoptr(GPtrArray) names = g_ptr_array_new_null_terminated (1, NULL, TRUE);
  g_autoptr(GPtrArray) from_names = g_ptr_array_new_null_terminated (1, NULL, TRUE);

  if (self->catalog != NULL)
    {
      GListModel *parties = tally_catalog_get_parties (self->catalog);

      for (guint i = 0; i < g_list_model_get_n_items (parties); i++)
        {
          g_autoptr(TallyParty) party = g_list_model_get_item (parties, i);

          /* The catalogue keeps the names alive. */
          g_ptr_array_add (names, (gpointer) tally_party_get_full_name (party));
          g_ptr_array_add (from_names, (gpointer) tally_party_get_short_name (party));
        }

      /* The parties the user chose, found again after a reload; at first,
       * the ones a results night map is usually about. */
      g_set_object (&self->party, same_party (self->catalog, self->party, "LAB"));
      g_set_object (&self->swing_from, same_party (self->catalog, self->swing_from, "CON"));
    }

  self->syncing_controls = TRUE;
  if (!reads (gtk_drop_down_get_model (self->party_dropdown), names))
    {
      g_autoptr(GtkStringList) list = gtk_string_list_new ((const char * const *) names->pdata);

      gtk_drop_down_set_model (self->party_dropdown, G_LIST_MODEL (list));
    }
  if (!reads (gtk_drop_down_get_model (self->from_dropdown), from_names))
    {
      g_autoptr(GtkStringList) list = gtk_string_list_new ((const char * const *) from_names->pdata);

      gtk_drop_down_set_model (self->from_dropdown, G_LIST_MODEL (list));
    }
  self->syncing_controls = FALSE;
  _tally_map_view_sync_controls (self);
}

static void
mode_toggled_cb (TallyMapView    *self,
                 GtkToggleButton *button)
{
  if (self->syncing_controls || !gtk_toggle_button_get_active (button))
    return;

  tally_map_view_set_mode (self, button == self->hex_button ? TALLY_MAP_MODE_HEXES : TALLY_MAP_MODE_GEOGRAPHIC);
}

static void
colour_selected_cb (TallyMapView *self)
{
  guint selected = gtk_drop_down_get_selected (self->colour_dropdown);

  if (!self->syncing_controls && selected < TALLY_N_MAP_COLOURINGS)
    tally_map_view_set_colour_by (self, selected);
}

static void
party_selected_cb (TallyMapView *self,
                   GParamSpec   *pspec,
                   GtkDropDown  *dropdown)
{
  TallyParty *party;

  if (self->syncing_controls || gtk_drop_down_get_selected (dropdown) == GTK_INVALID_LIST_POSITION)
    return;

  party = party_at (self, gtk_drop_down_get_selected (dropdown));
  if (dropdown == self->party_dropdown)
    tally_map_view_set_party (self, party);
  else
    tally_map_view_set_swing_from (self, party);
}

void
_tally_map_view_measure (GtkWidget      *widget,
                         GtkOrientation  orientation,
                         int             for_size,
                         int            *minimum,
                         int            *natural,
                         int            *minimum_baseline,
                         int            *natural_baseline)
{
  TallyMapView *self = TALLY_MAP_VIEW (widget);
  int controls_min, zoom_min;

  gtk_widget_measure (self->controls, orientation, -1, &controls_min, NULL, NULL, NULL);
  gtk_widget_measure (self->zoom_box, orientation, -1, &zoom_min, NULL, NULL, NULL);

  *minimum = MAX (200, MAX (controls_min, zoom_min) + 16);
  *natural = orientation == GTK_ORIENTATION_HORIZONTAL ? 720 : 640;
}

void
_tally_map_view_size_allocate (GtkWidget *widget,
                               int        width,
                               int        height,
                               int        baseline)
{
  TallyMapView *self = TALLY_MAP_VIEW (widget);
  int controls_width, controls_height, zoom_width, zoom_height, label_width, label_height;

  gtk_widget_measure (self->controls, GTK_ORIENTATION_HORIZONTAL, -1, NULL, &controls_width, NULL, NULL);
  controls_width = MIN (controls_width, width - 16);
  gtk_widget_measure (self->controls, GTK_ORIENTATION_VERTICAL, controls_width, NULL, &controls_height, NULL, NULL);
  gtk_widget_allocate (self->controls, controls_width, controls_height, -1,
                       gsk_transform_translate (NULL, &GRAPHENE_POINT_INIT (8, 8)));

  gtk_widget_measure (self->zoom_box, GTK_ORIENTATION_HORIZONTAL, -1, NULL, &zoom_width, NULL, NULL);
  gtk_widget_measure (self->zoom_box, GTK_ORIENTATION_VERTICAL, zoom_width, NULL, &zoom_height, NULL, NULL);
  gtk_widget_allocate (self->zoom_box, zoom_width, zoom_height, -1,
                       gsk_transform_translate (NULL, &GRAPHENE_POINT_INIT (width - zoom_width - 8,
                                                                             height - zoom_height - 8)));

  gtk_widget_measure (self->empty_label, GTK_ORIENTATION_HORIZONTAL, -1, NULL, &label_width, NULL, NULL);
  label_width = CLAMP (label_width, 1, MAX (width - 48, 1));
  gtk_widget_measure (self->empty_label, GTK_ORIENTATION_VERTICAL, label_width, NULL, &label_height, NULL, NULL);
  gtk_widget_allocate (self->empty_label, label_width, label_height, -1,
                       gsk_transform_translate (NULL, &GRAPHENE_POINT_INIT ((width - label_width) / 2.0,
                                                                             (height - label_height) / 2.0)));

  /* A new size keeps the centre and scale; the first one fits England. */
  _tally_map_view_ensure_placed (self);
}

static GtkWidget *
icon_button (const char *icon_name,
             const char *tooltip,
             const char *action_name)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon_name);

  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action_name);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, tooltip, -1);
  return button;
}

void
_tally_map_view_build_controls (TallyMapView *self)
{
  g_autoptr(GtkStringList) colourings = gtk_string_list_new (NULL);
  GtkWidget *mode_box, *london, *zoom_buttons;

  for (guint i = 0; i < TALLY_N_MAP_COLOURINGS; i++)
    gtk_string_list_append (colourings, tally_map_colour_by_get_label (i));

  /* Top left: what the map is, and what it is coloured by. */
  self->controls = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  gtk_widget_add_css_class (self->controls, "toolbar");
  gtk_widget_add_css_class (self->controls, "osd");
  gtk_widget_add_css_class (self->controls, "map-controls");

  mode_box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  gtk_widget_add_css_class (mode_box, "linked");
  self->hex_button = GTK_TOGGLE_BUTTON (gtk_toggle_button_new_with_label (_("Hexes")));
  self->geo_button = GTK_TOGGLE_BUTTON (gtk_toggle_button_new_with_label (_("Map")));
  gtk_toggle_button_set_group (self->geo_button, self->hex_button);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->hex_button), _("One hex per council"));
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->geo_button), _("Council boundaries"));
  gtk_box_append (GTK_BOX (mode_box), GTK_WIDGET (self->hex_button));
  gtk_box_append (GTK_BOX (mode_box), GTK_WIDGET (self->geo_button));
  gtk_box_append (GTK_BOX (self->controls), mode_box);
  g_signal_connect_object (self->hex_button, "toggled", G_CALLBACK (mode_toggled_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->geo_button, "toggled", G_CALLBACK (mode_toggled_cb), self, G_CONNECT_SWAPPED);

  self->colour_dropdown = GTK_DROP_DOWN (gtk_drop_down_new (G_LIST_MODEL (g_object_ref (colourings)), NULL));
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->colour_dropdown), _("Colour councils by"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->colour_dropdown), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Colour councils by"), -1);
  gtk_box_append (GTK_BOX (self->controls), GTK_WIDGET (self->colour_dropdown));
  g_signal_connect_object (self->colour_dropdown, "notify::selected", G_CALLBACK (colour_selected_cb), self,
                           G_CONNECT_SWAPPED);

  self->from_dropdown = GTK_DROP_DOWN (gtk_drop_down_new (NULL, NULL));
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->from_dropdown), _("Swing from"));
  gtk_box_append (GTK_BOX (self->controls), GTK_WIDGET (self->from_dropdown));
  g_signal_connect_object (self->from_dropdown, "notify::selected", G_CALLBACK (party_selected_cb), self,
                           G_CONNECT_SWAPPED);

  /* Translators: between the two parties of a swing, "Con → Lab". */
  self->to_label = gtk_label_new (_("→"));
  gtk_box_append (GTK_BOX (self->controls), self->to_label);

  self->party_dropdown = GTK_DROP_DOWN (gtk_drop_down_new (NULL, NULL));
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->party_dropdown), _("Party"));
  gtk_box_append (GTK_BOX (self->controls), GTK_WIDGET (self->party_dropdown));
  g_signal_connect_object (self->party_dropdown, "notify::selected", G_CALLBACK (party_selected_cb), self,
                           G_CONNECT_SWAPPED);

  gtk_widget_set_parent (self->controls, GTK_WIDGET (self));

  /* Bottom right: zoom, and the two views a reader wants most. */
  self->zoom_box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  gtk_widget_add_css_class (self->zoom_box, "toolbar");
  gtk_widget_add_css_class (self->zoom_box, "osd");
  gtk_widget_add_css_class (self->zoom_box, "map-controls");

  london = gtk_button_new_with_label (_("London"));
  gtk_widget_set_tooltip_text (london, _("Show London (L)"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (london), "map.fit-london");
  gtk_box_append (GTK_BOX (self->zoom_box), london);
  gtk_box_append (GTK_BOX (self->zoom_box), icon_button ("zoom-fit-best-symbolic", _("Show all England (Home)"),
                                                         "map.fit-england"));

  zoom_buttons = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  gtk_widget_add_css_class (zoom_buttons, "linked");
  gtk_box_append (GTK_BOX (zoom_buttons), icon_button ("zoom-out-symbolic", _("Zoom out (−)"), "map.zoom-out"));
  gtk_box_append (GTK_BOX (zoom_buttons), icon_button ("zoom-in-symbolic", _("Zoom in (+)"), "map.zoom-in"));
  gtk_box_append (GTK_BOX (self->zoom_box), zoom_buttons);
  gtk_widget_set_parent (self->zoom_box, GTK_WIDGET (self));

  {
    g_autofree char *markup = g_strdup_printf ("<span size=\"x-large\" weight=\"bold\">%s</span>\n\n%s",
                                               _("No Council Boundaries"),
                                               _("Import council boundaries, such as the ONS files in GeoJSON or "
                                                 "TopoJSON, in longitude and latitude or British National Grid, "
                                                 "with “tally import-boundaries FILE”."));

    self->empty_label = gtk_label_new (NULL);
    gtk_label_set_markup (GTK_LABEL (self->empty_label), markup);
  }
  gtk_label_set_wrap (GTK_LABEL (self->empty_label), TRUE);
  gtk_label_set_max_width_chars (GTK_LABEL (self->empty_label), 44);
  gtk_label_set_justify (GTK_LABEL (self->empty_label), GTK_JUSTIFY_CENTER);
  gtk_widget_add_css_class (self->empty_label, "dim-label");
  gtk_widget_set_visible (self->empty_label, FALSE);
  gtk_widget_set_parent (self->empty_label, GTK_WIDGET (self));
}
