/* tally-party-summary.c: the state of the parties, as newspapers print it.
 *
 * One card per named party that controls a council or won a seat in scope
 * (minor parties together as Others, No overall control last):
 * "Labour: 73 councils (−1); 2,348 seats (+221)", with "after N of M
 * councils" above when only some have declared.  The same sentences, one a
 * line, are the widget's text for screen readers and for tests.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "tally-council-result.h"
#include "tally-format.h"
#include "tally-party.h"
#include "tally-party-ranking.h"
#include "tally-party-style.h"
#include "tally-party-summary.h"
#include "tally-record-check.h"
#include "tally-scope-summary.h"
#include "tally-share-estimate.h"
#include "tally-widget-text.h"

struct _TallyPartySummary
{
  GtkWidget   parent_instance;

  GtkWidget  *box;
  GtkWidget  *heading_row; /* the heading, and the record's line beside it */
  GtkLabel   *heading;
  GtkFlowBox *cards;
  GtkLabel   *note;       /* the basis of the changes, and the seats up */
  GtkLabel   *estimate;   /* the national share estimate, briefly; its method in the tooltip */
  GtkLabel   *record;     /* where the seats part from the published record, beside the heading
                           * (one line, so an import does not make the window taller); made when
                           * they do */
  GPtrArray  *differences; /* TallyRecordDifference, every council and election */
  char       *text;
  char       *night_note; /* results night: how partly declared councils are shown */
  TallyScopeSummary *summary;
  TallyPartyRanking *ranking;
  GPtrArray         *shown;   /* the cards shown, in order (Card) */
};

G_DEFINE_FINAL_TYPE (TallyPartySummary, tally_party_summary, GTK_TYPE_WIDGET)

/* One card: a chip and two lines, "73 councils (+1)" over "2,348 seats
 * (+53)".  A party that controls no council before or after the poll gets
 * no "0 councils (0)" line: only its seats, which are its news.
 *
 * A live reload shows the same parties with new figures: each card is
 * kept for as long as its party is shown and looks the same (its key),
 * and a line is set again only when its text changed, so the cards are
 * not laid out from scratch on every ward declared. */
typedef struct
{
  char      *key;        /* the party as its chip shows it, or "" for No overall control */
  GtkWidget *child;      /* the flow box's child, a reference */
  GtkWidget *councils;
  GtkWidget *seats;
} Card;

static void
card_free (gpointer data)
{
  Card *card = data;

  g_free (card->key);
  g_object_unref (card->child);
  g_free (card);
}

static char *
card_key (TallyParty *party)
{
  if (party == NULL)
    return g_strdup ("");
  return g_strdup_printf ("%s\x1f%s\x1f%s\x1f%s\x1f%s", tally_party_get_key (party), tally_party_get_short_name (party),
                          tally_party_get_full_name (party), tally_party_get_colour (party, FALSE),
                          tally_party_get_colour (party, TRUE));
}

static GtkWidget *
figure_label (void)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "numeric");
  return label;
}

static Card *
make_card (TallyParty *party,
           const char *chip_text,
           const char *full_name)
{
  Card *card = g_new0 (Card, 1);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 10);
  GtkWidget *figures = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *chip = gtk_label_new (NULL);

  card->key = card_key (party);
  card->child = g_object_ref_sink (gtk_flow_box_child_new ());
  card->councils = figure_label ();
  card->seats = figure_label ();
  gtk_widget_add_css_class (card->councils, "heading");

  if (party != NULL)
    tally_party_style_apply_chip (GTK_LABEL (chip), party, TRUE);
  else
    {
      gtk_label_set_text (GTK_LABEL (chip), chip_text);
      gtk_widget_add_css_class (chip, "party-chip");
      gtk_widget_add_css_class (chip, "noc");
    }
  gtk_widget_set_valign (chip, GTK_ALIGN_CENTER);

  gtk_box_append (GTK_BOX (figures), card->councils);
  gtk_box_append (GTK_BOX (figures), card->seats);
  gtk_widget_set_valign (figures, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (box), chip);
  gtk_box_append (GTK_BOX (box), figures);
  gtk_widget_add_css_class (box, "party-card");
  gtk_widget_set_tooltip_text (box, full_name);
  gtk_flow_box_child_set_child (GTK_FLOW_BOX_CHILD (card->child), box);

  return card;
}

static void
update_card (Card       *card,
             guint       councils,
             guint       councils_before,
             int         councils_change,
             const char *seats_text)
{
  gboolean has_councils = councils > 0 || councils_before > 0;

  if (has_councils)
    {
      g_autofree char *councils_count = tally_format_count (councils);
      g_autofree char *councils_delta = tally_format_change (councils_change);
      g_autofree char *councils_text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s council (%s)",
                                                                     "%s councils (%s)", councils),
                                                        councils_count, councils_delta);

      tally_label_set_text_kept (GTK_LABEL (card->councils), councils_text);
    }
  gtk_widget_set_visible (card->councils, has_councils);

  if (seats_text != NULL)
    tally_label_set_text_kept (GTK_LABEL (card->seats), seats_text);
  gtk_widget_set_visible (card->seats, seats_text != NULL);
  if (has_councils == gtk_widget_has_css_class (card->seats, "heading"))
    {
      if (has_councils)
        gtk_widget_remove_css_class (card->seats, "heading");
      else
        gtk_widget_add_css_class (card->seats, "heading");
    }
}

/* The card of @party from those shown before (taken out of @old), or a
 * new one; appended to @next. */
static Card *
take_card (GPtrArray  *old,
           GPtrArray  *next,
           TallyParty *party,
           const char *chip_text,
           const char *full_name)
{
  g_autofree char *key = card_key (party);
  Card *card = NULL;

  for (guint i = 0; i < old->len && card == NULL; i++)
    if (g_ptr_array_index (old, i) != NULL && g_str_equal (((Card *) g_ptr_array_index (old, i))->key, key))
      {
        card = g_ptr_array_index (old, i);
        g_ptr_array_index (old, i) = NULL;
      }
  if (card == NULL)
    card = make_card (party, chip_text, full_name);
  g_ptr_array_add (next, card);
  return card;
}

/* Shows @next in its order, moving only the cards from the first one
 * whose place changed; the cards left in @old go. */
static void
show_cards (TallyPartySummary *self,
            GPtrArray         *old,
            GPtrArray         *next)
{
  guint same = 0;

  while (same < next->len && same < self->shown->len &&
         g_ptr_array_index (next, same) == g_ptr_array_index (self->shown, same))
    same++;

  for (guint i = same; i < self->shown->len; i++)
    gtk_flow_box_remove (self->cards, ((Card *) g_ptr_array_index (self->shown, i))->child);
  for (guint i = same; i < next->len; i++)
    gtk_flow_box_append (self->cards, ((Card *) g_ptr_array_index (next, i))->child);

  for (guint i = 0; i < old->len; i++)
    if (g_ptr_array_index (old, i) != NULL)
      card_free (g_ptr_array_index (old, i));
  g_ptr_array_set_size (old, 0);

  /* self->shown now lists @next's cards, which it owns. */
  g_ptr_array_set_size (self->shown, 0);
  for (guint i = 0; i < next->len; i++)
    g_ptr_array_add (self->shown, g_ptr_array_index (next, i));
}

static char *
describe_seats (guint    seats,
                gboolean change_known,
                int      change)
{
  g_autofree char *seats_count = tally_format_count (seats);
  g_autofree char *seats_delta = NULL;

  if (!change_known)
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s seat", "%s seats", seats), seats_count);

  seats_delta = tally_format_change (change);
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s seat (%s)", "%s seats (%s)", seats), seats_count,
                          seats_delta);
}

static void
tally_party_summary_dispose (GObject *object)
{
  TallyPartySummary *self = (TallyPartySummary *) object;

  g_clear_pointer (&self->box, gtk_widget_unparent);
  g_clear_pointer (&self->text, g_free);
  g_clear_pointer (&self->night_note, g_free);
  g_clear_pointer (&self->differences, g_ptr_array_unref);
  g_clear_object (&self->summary);
  g_clear_pointer (&self->ranking, tally_party_ranking_unref);
  if (self->shown != NULL)
    {
      for (guint i = 0; i < self->shown->len; i++)
        card_free (g_ptr_array_index (self->shown, i));
      g_clear_pointer (&self->shown, g_ptr_array_unref);
    }

  G_OBJECT_CLASS (tally_party_summary_parent_class)->dispose (object);
}

static void
tally_party_summary_class_init (TallyPartySummaryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = tally_party_summary_dispose;

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "partysummary");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
tally_party_summary_init (TallyPartySummary *self)
{
  self->shown = g_ptr_array_new ();
  self->box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  self->heading = GTK_LABEL (gtk_label_new (NULL));
  self->cards = GTK_FLOW_BOX (gtk_flow_box_new ());
  self->note = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (self->note, 0);
  gtk_label_set_wrap (self->note, TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (self->note), "caption");
  gtk_widget_add_css_class (GTK_WIDGET (self->note), "dim-label");
  self->estimate = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (self->estimate, 0);
  gtk_label_set_wrap (self->estimate, TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (self->estimate), "caption");
  gtk_widget_add_css_class (GTK_WIDGET (self->estimate), "dim-label");

  gtk_label_set_xalign (self->heading, 0);
  gtk_widget_add_css_class (GTK_WIDGET (self->heading), "caption-heading");
  gtk_widget_add_css_class (GTK_WIDGET (self->heading), "dim-label");
  gtk_flow_box_set_selection_mode (self->cards, GTK_SELECTION_NONE);
  gtk_flow_box_set_homogeneous (self->cards, TRUE);
  gtk_flow_box_set_max_children_per_line (self->cards, 7);
  gtk_flow_box_set_min_children_per_line (self->cards, 2);
  gtk_flow_box_set_column_spacing (self->cards, 6);
  gtk_flow_box_set_row_spacing (self->cards, 6);

  self->heading_row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  gtk_box_append (GTK_BOX (self->heading_row), GTK_WIDGET (self->heading));
  gtk_box_append (GTK_BOX (self->box), self->heading_row);
  gtk_box_append (GTK_BOX (self->box), GTK_WIDGET (self->cards));
  gtk_box_append (GTK_BOX (self->box), GTK_WIDGET (self->note));
  gtk_box_append (GTK_BOX (self->box), GTK_WIDGET (self->estimate));
  gtk_widget_set_parent (self->box, GTK_WIDGET (self));
}

GtkWidget *
tally_party_summary_new (void)
{
  return g_object_new (TALLY_TYPE_PARTY_SUMMARY, NULL);
}

/* Says, beside the heading, in which councils the seats shown are not the
 * published record's; the label is made the first time there are any. */
static void
show_record (TallyPartySummary *self,
             TallyScopeSummary *summary,
             GString           *text)
{
  g_autoptr(GPtrArray) in_scope = summary != NULL ? tally_record_check_in_scope (self->differences, summary) : NULL;
  g_autofree char *brief = in_scope != NULL ? tally_record_check_describe_brief (in_scope) : NULL;
  g_autofree char *whole = in_scope != NULL ? tally_record_check_describe (in_scope) : NULL;

  if (brief == NULL && self->record == NULL)
    return;
  if (self->record == NULL)
    {
      self->record = GTK_LABEL (gtk_label_new (NULL));
      gtk_label_set_xalign (self->record, 0);
      gtk_label_set_ellipsize (self->record, PANGO_ELLIPSIZE_END);
      gtk_widget_set_hexpand (GTK_WIDGET (self->record), TRUE);
      gtk_widget_add_css_class (GTK_WIDGET (self->record), "caption");
      gtk_widget_add_css_class (GTK_WIDGET (self->record), "warning");
      gtk_box_append (GTK_BOX (self->heading_row), GTK_WIDGET (self->record));
    }
  gtk_widget_set_visible (GTK_WIDGET (self->record), brief != NULL);
  tally_label_set_text_kept (self->record, brief != NULL ? brief : "");
  tally_widget_set_tooltip_kept (GTK_WIDGET (self->record), whole);
  if (whole != NULL)
    g_string_append_printf (text, "%s.\n", whole);
}

/**
 * tally_party_summary_set_record:
 * @differences: (nullable) (element-type TallyRecordDifference): where the
 *   database's seats part from the published record, from
 *   tally_record_check(), at any election and council
 *
 * The state of the parties names the councils in scope among them, and
 * every figure in its tooltip.
 */
void
tally_party_summary_set_record (TallyPartySummary *self,
                                GPtrArray         *differences)
{
  g_autoptr(TallyScopeSummary) summary = NULL;
  TallyPartyRanking *ranking;

  g_return_if_fail (TALLY_IS_PARTY_SUMMARY (self));

  if (differences == self->differences)
    return;
  g_clear_pointer (&self->differences, g_ptr_array_unref);
  self->differences = differences != NULL ? g_ptr_array_ref (differences) : NULL;

  summary = self->summary ? g_object_ref (self->summary) : NULL;
  ranking = self->ranking ? tally_party_ranking_ref (self->ranking) : NULL;
  tally_party_summary_set_summary (self, summary, ranking);
  if (ranking != NULL)
    tally_party_ranking_unref (ranking);
}

/**
 * tally_party_summary_set_summary:
 * @summary: (nullable): the state of the parties to show
 * @ranking: (nullable): the parties to name, in results order; the rest
 *   are counted in Others
 *
 * One card per named party that controls a council or won a seat in
 * scope, in results order, then Others, then No overall control: as
 * results pages print the state of the parties.
 */
void
tally_party_summary_set_summary (TallyPartySummary *self,
                                 TallyScopeSummary *summary,
                                 TallyPartyRanking *ranking)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(GPtrArray) old = g_ptr_array_new ();
  g_autoptr(GPtrArray) next = g_ptr_array_new ();

  g_return_if_fail (TALLY_IS_PARTY_SUMMARY (self));

  /* Kept, so that the night's note can be said again over the same. */
  if (summary != self->summary)
    g_set_object (&self->summary, summary);
  if (ranking != self->ranking)
    {
      g_clear_pointer (&self->ranking, tally_party_ranking_unref);
      self->ranking = ranking ? tally_party_ranking_ref (ranking) : NULL;
    }

  for (guint i = 0; i < self->shown->len; i++)
    g_ptr_array_add (old, g_ptr_array_index (self->shown, i));

  if (summary != NULL && ranking != NULL)
    {
      g_autofree char *declared = tally_scope_summary_describe_declared (summary);
      GListModel *shown = tally_party_ranking_get_shown (ranking);
      guint noc = tally_scope_summary_get_councils_controlled (summary, NULL, TALLY_STAGE_AFTER);
      guint noc_before = tally_scope_summary_get_councils_controlled (summary, NULL, TALLY_STAGE_BEFORE);

      if (self->night_note != NULL)
        {
          /* "after 40 of 150 councils · 3 partly declared, not counted yet" */
          g_autofree char *heading = g_strdup_printf ("%s · %s", declared, self->night_note);

          g_free (declared);
          declared = g_steal_pointer (&heading);
        }
      tally_label_set_text_kept (self->heading, declared);
      g_string_append_printf (text, "%s\n", declared);

      for (guint i = 0; i < g_list_model_get_n_items (shown); i++)
        {
          g_autoptr(TallyParty) party = g_list_model_get_item (shown, i);
          guint councils = tally_scope_summary_get_councils_controlled (summary, party, TALLY_STAGE_AFTER);
          guint councils_before = tally_scope_summary_get_councils_controlled (summary, party, TALLY_STAGE_BEFORE);
          int councils_change = tally_scope_summary_get_councils_change (summary, party);
          g_autofree char *seats_text = NULL;
          g_autofree char *line = NULL;
          gboolean change_known;
          guint seats;
          int change;

          change_known = tally_party_ranking_scope_seats (ranking, summary, party, &seats, &change);
          if (seats == 0 && councils == 0 && councils_before == 0)
            continue;

          seats_text = describe_seats (seats, change_known, change);
          if (councils > 0 || councils_before > 0)
            {
              g_autofree char *councils_delta = tally_format_change (councils_change);

              line = g_strdup_printf (_("%s: %u councils (%s); %s"), tally_party_get_full_name (party), councils,
                                      councils_delta, seats_text);
            }
          else
            line = g_strdup_printf ("%s: %s", tally_party_get_full_name (party), seats_text);

          update_card (take_card (old, next, party, NULL, tally_party_get_full_name (party)), councils,
                       councils_before, councils_change, seats_text);
          g_string_append_printf (text, "%s\n", line);
        }

      if (noc > 0 || noc_before > 0)
        {
          int noc_change = tally_scope_summary_get_councils_change (summary, NULL);
          g_autofree char *noc_delta = tally_format_change (noc_change);

          update_card (take_card (old, next, NULL, _("NOC"), _("No overall control")), noc, noc_before, noc_change,
                       NULL);
          g_string_append_printf (text, _("No overall control: %u councils (%s)\n"), noc, noc_delta);
        }

      /* Which basis every change above is on, and what the seats are. */
      {
        g_autofree char *basis = tally_scope_summary_describe_basis (summary);
        g_autofree char *seats = tally_scope_summary_describe_seats_up (summary);
        g_autoptr(TallyShareEstimate) estimate = tally_scope_summary_get_share_estimate (summary);
        g_autofree char *share = tally_share_estimate_describe (estimate);
        g_autofree char *brief = tally_share_estimate_describe_brief (estimate);
        g_autofree char *method = tally_share_estimate_describe_method (estimate);
        g_autofree char *note = g_strdup_printf ("%s. %s.", basis, seats);

        /* The councils left out of the seat change, by name, for a reader
         * checking the total against a published one. */
        g_autofree char *left_out_note = tally_scope_summary_describe_left_out (summary);

        tally_label_set_text_kept (self->note, note);
        tally_widget_set_tooltip_kept (GTK_WIDGET (self->note), left_out_note);
        /* The estimate said once, in a short line, or that there is none;
         * its method and ward count, or why there is none, in its tooltip
         * and for screen readers. */
        tally_label_set_text_kept (self->estimate, brief);
        tally_widget_set_tooltip_kept (GTK_WIDGET (self->estimate), method);
        g_string_append_printf (text, "%s\n%s.\n", note, share);
        if (left_out_note != NULL)
          g_string_append_printf (text, "%s.\n", left_out_note);
      }
      show_record (self, summary, text);
    }
  else
    {
      tally_label_set_text_kept (self->heading, "");
      tally_label_set_text_kept (self->note, "");
      tally_widget_set_tooltip_kept (GTK_WIDGET (self->note), NULL);
      tally_label_set_text_kept (self->estimate, "");
      tally_widget_set_tooltip_kept (GTK_WIDGET (self->estimate), NULL);
      show_record (self, NULL, text);
    }
  show_cards (self, old, next);

  g_free (self->text);
  self->text = g_string_free (g_steal_pointer (&text), FALSE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, self->text, -1);
}

/**
 * tally_party_summary_set_night_note:
 * @note: (nullable): on results night, how councils still declaring are
 *   shown ("3 partly declared, counted once their last ward is in"), or
 *   %NULL
 *
 * Puts @note after "after N of M councils" and shows the summary again.
 */
void
tally_party_summary_set_night_note (TallyPartySummary *self,
                                    const char        *note)
{
  g_autoptr(TallyScopeSummary) summary = NULL;
  TallyPartyRanking *ranking;

  g_return_if_fail (TALLY_IS_PARTY_SUMMARY (self));

  if (g_strcmp0 (note, self->night_note) == 0)
    return;
  g_free (self->night_note);
  self->night_note = g_strdup (note);

  summary = self->summary ? g_object_ref (self->summary) : NULL;
  ranking = self->ranking ? tally_party_ranking_ref (self->ranking) : NULL;
  tally_party_summary_set_summary (self, summary, ranking);
  if (ranking != NULL)
    tally_party_ranking_unref (ranking);
}

/**
 * tally_party_summary_get_text:
 *
 * Returns: the summary as lines of text: "Labour: 73 councils (−1); …"
 */
const char *
tally_party_summary_get_text (TallyPartySummary *self)
{
  g_return_val_if_fail (TALLY_IS_PARTY_SUMMARY (self), NULL);

  return self->text ? self->text : "";
}

/**
 * tally_party_summary_get_n_cards:
 *
 * Returns: how many cards the state of the parties shows, No overall
 *   control among them
 */
guint
tally_party_summary_get_n_cards (TallyPartySummary *self)
{
  guint n = 0;

  g_return_val_if_fail (TALLY_IS_PARTY_SUMMARY (self), 0);

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->cards)); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    n++;

  return n;
}
