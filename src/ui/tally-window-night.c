/* tally-window-night.c: results night in the window, and its timeline.
 *
 * When the database records a night (the contests an election will
 * declare, or ward declaration times), the window keeps a TallyLiveNight
 * made from the same catalogue as its engine, on every open and every live
 * reload (both on the worker thread that reads the file).  From it:
 *  - the state of the parties counts the councils fully declared by the
 *    moment shown (tally_results_set_declared()): "after 40 of 150
 *    councils", the partly declared ones named beside it and not counted;
 *  - the council list, the council page and the map show how far each
 *    council has got (tally_*_set_night());
 *  - the header line says where the night stands.
 *
 * The timeline under the header line looks back through the night: a
 * scale from just before the first declaration to the latest, a minute a
 * step (Page Up and Down: a quarter of an hour; Home and End), and "Live"
 * to come back to now in one click.  Choosing a moment recounts the night
 * in memory (no file is read) and every view shows the night as it stood;
 * live reloads keep the moment until "Live" is pressed.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "tally-catalog.h"
#include "tally-council-result.h"
#include "tally-filter.h"
#include "tally-live-query.h"
#include "tally-results.h"
#include "tally-window-live.h"
#include "tally-window-private.h"

/* Moving the scale settles this long before the night is recounted. */
#define SCRUB_MS 60
/* "Live" means the end of the scale: the latest declaration. */
#define NOW G_MAXINT64

struct _TallyWindowNight
{
  TallyLiveNight *night;
  TallyFilter    *filter;     /* watched: is the night's election the one shown? */
  gboolean        shown;
  gint64          as_at;      /* Unix seconds, or NOW */
  guint           scrub_id;
  gboolean        syncing;
  gint64          first_mark;  /* the hours the scale marks */
  gint64          last_mark;

  GtkRevealer    *revealer;
  GtkScale       *scale;
  GtkLabel       *moment_label;
  GtkWidget      *live_button;
};

/*
 * _tally_window_make_night:
 *
 * Safe on any thread: it reads only through @catalog's database.
 *
 * Returns: (transfer full) (nullable): the night @catalog's database
 *   records, or %NULL when it records none
 */
TallyLiveNight *
_tally_window_make_night (TallyCatalog *catalog)
{
  g_autoptr(GError) error = NULL;
  TallyLiveNight *night;

  if (!tally_live_catalog_records_night (catalog))
    return NULL;

  if ((night = tally_live_night_new (catalog, NULL, &error)) == NULL)
    g_debug ("No results night: %s", error->message);

  return night;
}

static GDateTime *
as_at_time (gint64 as_at)
{
  return as_at == NOW ? NULL : g_date_time_new_from_unix_utc (as_at);
}

/* Partly declared councils in the filter: on their pages, not in the
 * totals until their last ward. */
static char *
describe_partial (TallyWindow *self)
{
  GListModel *matching = tally_results_get_matching (self->results);
  TallyLiveNight *night = self->night->night;
  guint n_partial = 0;

  for (guint i = 0; i < g_list_model_get_n_items (matching); i++)
    {
      g_autoptr(TallyCouncilResult) result = g_list_model_get_item (matching, i);
      TallyLiveCouncil *live = tally_live_night_lookup (night, tally_council_result_get_council (result));

      n_partial += live != NULL && tally_live_council_get_state (live) == TALLY_LIVE_PARTIAL;
    }

  if (n_partial == 0)
    return NULL;

  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "%u partly declared, counted once its last ward is in",
                                       "%u partly declared, counted once their last ward is in", n_partial),
                          n_partial);
}

static void
update_timeline (TallyWindow *self)
{
  TallyWindowNight *state = self->night;
  g_autoptr(GDateTime) first = state->night ? tally_live_night_get_first_time (state->night) : NULL;
  g_autoptr(GDateTime) latest = NULL;
  GtkAdjustment *adjustment = gtk_range_get_adjustment (GTK_RANGE (state->scale));
  double lower, upper;
  gint64 first_hour, last_hour;
  gboolean live = state->as_at == NOW;

  /* A timeline needs declaration times. */
  gtk_revealer_set_reveal_child (state->revealer, first != NULL);
  if (first == NULL)
    return;

  /* The latest moment of the night, whatever the moment shown (counting
   * the night again only when an earlier one is shown). */
  {
    g_autoptr(GDateTime) shown = tally_live_night_get_as_at (state->night);

    if (shown != NULL)
      tally_live_night_set_as_at (state->night, NULL);
    latest = tally_live_night_get_latest_time (state->night);
    if (shown != NULL)
      tally_live_night_set_as_at (state->night, shown);
  }

  /* From the minute before the first ward, when nothing had declared. */
  lower = (double) (g_date_time_to_unix (first) / 60 * 60 - 60);
  upper = (double) (latest ? g_date_time_to_unix (latest) : g_date_time_to_unix (first));
  upper = MAX (upper, lower + 60);

  state->syncing = TRUE;
  /* The hours marked, made again only when the night reaches another hour
   * (each mark is a widget: made on every ward, they were a tenth of it). */
  first_hour = ((gint64) lower / 3600 + 1) * 3600;
  last_hour = (gint64) upper / 3600 * 3600;
  if (first_hour != state->first_mark || last_hour != state->last_mark)
    {
      gtk_scale_clear_marks (state->scale);
      for (gint64 hour = first_hour; hour <= last_hour; hour += 3600)
        {
          g_autofree char *label = tally_live_format_time (hour);

          gtk_scale_add_mark (state->scale, (double) hour, GTK_POS_BOTTOM, label);
        }
      state->first_mark = first_hour;
      state->last_mark = last_hour;
    }
  gtk_adjustment_configure (adjustment, live ? upper : CLAMP ((double) state->as_at, lower, upper), lower, upper,
                            60, 900, 0);
  state->syncing = FALSE;

  if (live)
    gtk_label_set_text (state->moment_label, _("Now"));
  else
    {
      g_autofree char *time = tally_live_format_time (state->as_at);

      gtk_label_set_text (state->moment_label, time);
    }
  gtk_widget_set_sensitive (state->live_button, !live);
  if (live)
    gtk_widget_remove_css_class (state->live_button, "suggested-action");
  else
    gtk_widget_add_css_class (state->live_button, "suggested-action");

  {
    g_autofree char *value = live ? g_strdup (_("Now, following the count")) : tally_live_format_time (state->as_at);

    gtk_accessible_update_property (GTK_ACCESSIBLE (state->scale), GTK_ACCESSIBLE_PROPERTY_VALUE_TEXT, value, -1);
  }
}

static void apply (TallyWindow *self);

/* The night is about one election: another one chosen in the filter (2014,
 * say) is the ordinary morning-after view. */
static gboolean
night_is_shown (TallyWindow *self)
{
  TallyWindowNight *state = self->night;
  TallyFilter *filter = tally_results_get_filter (self->results);

  return state->night != NULL && filter != NULL &&
         tally_results_resolve_election (self->results, filter) == tally_live_night_get_election (state->night);
}

static void
filter_changed_cb (TallyWindow *self)
{
  if (night_is_shown (self) != self->night->shown)
    apply (self);
}

/* The night the views show, or NULL: for a view made after it was applied. */
TallyLiveNight *
_tally_window_get_shown_night (TallyWindow *self)
{
  return self->night->shown ? self->night->night : NULL;
}

/* Every view, as the night stands at the moment shown. */
static void
apply (TallyWindow *self)
{
  TallyWindowNight *state = self->night;
  TallyLiveNight *night;
  GtkScrollable *scrollable = GTK_SCROLLABLE (tally_council_list_get_column_view (self->council_list));
  GtkAdjustment *adjustment = gtk_scrollable_get_vadjustment (scrollable);
  double scrolled = adjustment ? gtk_adjustment_get_value (adjustment) : 0;
  g_autofree char *note = NULL;

  if (self->results == NULL)
    return;

  if (state->filter != tally_results_get_filter (self->results))
    {
      if (state->filter != NULL)
        g_signal_handlers_disconnect_by_func (state->filter, filter_changed_cb, self);
      g_set_object (&state->filter, tally_results_get_filter (self->results));
      if (state->filter != NULL)
        g_signal_connect_object (state->filter, "changed", G_CALLBACK (filter_changed_cb), self, G_CONNECT_SWAPPED);
    }
  state->shown = night_is_shown (self);
  night = state->shown ? state->night : NULL;

  /* The state of the parties counts the night's councils as it stands,
   * whichever election is shown: the totals of that election are kept. */
  if (state->night != NULL)
    {
      g_autoptr(GHashTable) declared = tally_live_night_get_declared_set (state->night);

      tally_results_set_declared (self->results, tally_live_night_get_election (state->night), declared);
    }
  if (night != NULL)
    note = describe_partial (self);

  tally_council_list_set_night (self->council_list, night);
  if (self->map_view != NULL)
    tally_map_view_set_night (self->map_view, night);
  tally_council_page_set_night (self->council_page, night, self->catalog);
  tally_party_summary_set_summary (self->party_summary, tally_results_get_summary (self->results), self->ranking);
  tally_party_summary_set_night_note (self->party_summary, note);
  /* Its counts (gained, Labour, …) are of the councils declared by now. */
  tally_filter_panel_refresh (self->filter_panel);

  /* The rows were bound again: the list stays where the user had it. */
  if (adjustment != NULL)
    gtk_adjustment_set_value (adjustment, MIN (scrolled, gtk_adjustment_get_upper (adjustment) -
                                                         gtk_adjustment_get_page_size (adjustment)));

  if (g_str_equal (gtk_stack_get_visible_child_name (self->content_stack), "council"))
    _tally_window_show_council_result (self);

  update_timeline (self);
  _tally_window_live_update_bar (self);
}

/*
 * _tally_window_set_night:
 * @night: (nullable): the night of the engine just installed, or %NULL
 *
 * Shows @night in every view, at the moment the timeline shows.
 */
void
_tally_window_set_night (TallyWindow    *self,
                         TallyLiveNight *night)
{
  TallyWindowNight *state = self->night;

  if (state->night == NULL && night == NULL)
    {
      gtk_revealer_set_reveal_child (state->revealer, FALSE);
      return;
    }

  g_set_object (&state->night, night);
  if (night == NULL)
    state->as_at = NOW;
  else if (state->as_at != NOW)
    {
      g_autoptr(GDateTime) at = as_at_time (state->as_at);

      tally_live_night_set_as_at (night, at);
    }

  apply (self);
}

static void
show_moment (TallyWindow *self,
             gint64       as_at)
{
  TallyWindowNight *state = self->night;
  g_autoptr(GDateTime) at = NULL;

  if (state->night == NULL)
    return;

  state->as_at = as_at;
  at = as_at_time (as_at);
  tally_live_night_set_as_at (state->night, at);
  apply (self);
}

static gboolean
scrub_cb (gpointer data)
{
  TallyWindow *self = data;
  TallyWindowNight *state = self->night;
  GtkAdjustment *adjustment = gtk_range_get_adjustment (GTK_RANGE (state->scale));
  double value = gtk_adjustment_get_value (adjustment);

  state->scrub_id = 0;
  /* The end of the scale is now, following the count. */
  if (value >= gtk_adjustment_get_upper (adjustment))
    show_moment (self, NOW);
  else
    show_moment (self, (gint64) value);

  return G_SOURCE_REMOVE;
}

static void
scale_changed_cb (GtkRange    *range,
                  TallyWindow *self)
{
  TallyWindowNight *state = self->night;

  if (state->syncing)
    return;

  g_clear_handle_id (&state->scrub_id, g_source_remove);
  state->scrub_id = g_timeout_add (SCRUB_MS, scrub_cb, self);
}

static void
live_clicked_cb (TallyWindow *self)
{
  g_clear_handle_id (&self->night->scrub_id, g_source_remove);
  show_moment (self, NOW);
}

static char *
format_value_cb (GtkScale *scale,
                 double    value,
                 gpointer  user_data)
{
  return tally_live_format_time ((gint64) value);
}

void
_tally_window_init_night (TallyWindow *self)
{
  TallyWindowNight *state = g_new0 (TallyWindowNight, 1);
  GtkWidget *content = gtk_widget_get_parent (GTK_WIDGET (self->view_stack));
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 10);
  GtkWidget *title = gtk_label_new (_("Look back"));
  GtkWidget *anchor;

  self->night = state;
  state->as_at = NOW;

  state->scale = GTK_SCALE (gtk_scale_new (GTK_ORIENTATION_HORIZONTAL, NULL));
  gtk_scale_set_draw_value (state->scale, FALSE);
  gtk_scale_set_format_value_func (state->scale, format_value_cb, NULL, NULL);
  gtk_widget_set_hexpand (GTK_WIDGET (state->scale), TRUE);
  gtk_range_set_round_digits (GTK_RANGE (state->scale), 0);
  gtk_widget_set_tooltip_text (GTK_WIDGET (state->scale),
                               _("Choose a moment of the night: every view shows the count as it stood then"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (state->scale), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Moment of the night"), -1);
  g_signal_connect (state->scale, "value-changed", G_CALLBACK (scale_changed_cb), self);

  state->moment_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_width_chars (state->moment_label, 5);
  gtk_widget_add_css_class (GTK_WIDGET (state->moment_label), "numeric");
  gtk_widget_add_css_class (GTK_WIDGET (state->moment_label), "heading");

  state->live_button = gtk_button_new_with_mnemonic (_("_Live"));
  gtk_widget_set_valign (state->live_button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (state->live_button, _("Back to now, following the count"));
  g_signal_connect_swapped (state->live_button, "clicked", G_CALLBACK (live_clicked_cb), self);

  gtk_widget_add_css_class (title, "dim-label");
  gtk_widget_add_css_class (box, "timeline-bar");
  gtk_box_append (GTK_BOX (box), title);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (state->scale));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (state->moment_label));
  gtk_box_append (GTK_BOX (box), state->live_button);

  state->revealer = GTK_REVEALER (gtk_revealer_new ());
  gtk_revealer_set_child (state->revealer, box);
  gtk_revealer_set_transition_type (state->revealer, GTK_REVEALER_TRANSITION_TYPE_SLIDE_DOWN);

  /* Under the header line of tally-window-live.c, which is made first. */
  anchor = gtk_widget_get_prev_sibling (GTK_WIDGET (self->view_stack));
  gtk_box_insert_child_after (GTK_BOX (content), GTK_WIDGET (state->revealer), anchor);
}

void
_tally_window_dispose_night (TallyWindow *self)
{
  if (self->night == NULL)
    return;

  g_clear_handle_id (&self->night->scrub_id, g_source_remove);
  if (self->night->filter != NULL)
    g_signal_handlers_disconnect_by_func (self->night->filter, filter_changed_cb, self);
  g_clear_object (&self->night->filter);
  g_clear_object (&self->night->night);
  g_clear_pointer (&self->night, g_free);
}

/**
 * tally_window_get_night:
 *
 * Returns: (transfer none) (nullable): results night as the window shows
 *   it, or %NULL when its database records none
 */
TallyLiveNight *
tally_window_get_night (TallyWindow *self)
{
  g_return_val_if_fail (TALLY_IS_WINDOW (self), NULL);
  return self->night ? self->night->night : NULL;
}

/**
 * tally_window_get_timeline:
 *
 * Returns: (transfer none): the scale that chooses the moment of the night
 *   every view shows; its end is now
 */
GtkRange *
tally_window_get_timeline (TallyWindow *self)
{
  g_return_val_if_fail (TALLY_IS_WINDOW (self), NULL);
  return GTK_RANGE (self->night->scale);
}

/**
 * tally_window_get_timeline_live_button:
 *
 * Returns: (transfer none): the button that goes back to now
 */
GtkWidget *
tally_window_get_timeline_live_button (TallyWindow *self)
{
  g_return_val_if_fail (TALLY_IS_WINDOW (self), NULL);
  return self->night->live_button;
}
