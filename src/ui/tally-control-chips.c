/* tally-control-chips.c: control before and after, as two party chips.
 *
 *   [Con] › [NOC]  LOSS
 *
 * One widget that paints its chips itself, for the council list: GTK 4.8
 * keeps every row of a 150-council list alive, and a label per chip, an
 * arrow and a mark were five widgets a row to build, style and measure.
 * The chips look like the CSS ones of tally-party-style.c: the party's
 * colour, text black or white for contrast, and for no overall control a
 * faint pill in the text colour.  The mark says in a word what the colours
 * show, so no fact depends on colour alone.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "tally-control-chips.h"
#include "tally-council-result.h"
#include "tally-live-council.h"
#include "tally-party.h"
#include "tally-party-style.h"

#define CHIP_HEIGHT   24
#define CHIP_PADDING  9
#define CHIP_MIN      38
#define GAP           6
#define ARROW_WIDTH   12

typedef struct
{
  PangoLayout *layout;
  TallyParty  *party;      /* NULL: no overall control, or not known */
  gboolean     known;
} Chip;

struct _TallyControlChips
{
  GtkWidget    parent_instance;

  Chip         chips[2];
  PangoLayout *arrow;
  PangoLayout *mark;
  TallyOutcome outcome;
  char        *description;   /* the tooltip and accessible label */
  gboolean     changed;       /* since the last set_result() or set_live() */
};

G_DEFINE_FINAL_TYPE (TallyControlChips, tally_control_chips, GTK_TYPE_WIDGET)

static int
chip_width (Chip *chip)
{
  int width;

  pango_layout_get_pixel_size (chip->layout, &width, NULL);
  return MAX (CHIP_MIN, width + 2 * CHIP_PADDING);
}

static void
set_chip_text (TallyControlChips *self,
               Chip              *chip,
               TallyParty        *party,
               gboolean           known,
               const char        *override);

static void
set_chip (TallyControlChips *self,
          Chip              *chip,
          TallyParty        *party,
          gboolean           known)
{
  set_chip_text (self, chip, party, known, NULL);
}

/* @override: the chip's text instead of the party's ("21/24" on results
 * night), drawn as an unknown chip is, an outline. */
static void
set_chip_text (TallyControlChips *self,
               Chip              *chip,
               TallyParty        *party,
               gboolean           known,
               const char        *override)
{
  g_autoptr(PangoAttrList) attributes = pango_attr_list_new ();
  const char *text;

  if (override != NULL)
    party = NULL;
  /* The colours come from the party (another engine's object for the
   * same party is the same chip). */
  if ((chip->party == NULL) != (party == NULL) || chip->known != (known && override == NULL) ||
      (party != NULL && !g_str_equal (tally_party_get_key (chip->party), tally_party_get_key (party))))
    self->changed = TRUE;
  g_set_object (&chip->party, party);
  chip->known = known && override == NULL;

  if (override != NULL)
    text = override;
  else if (!known)
    text = "?";
  else if (party == NULL)
    /* Translators: short for "no overall control", as printed in results tables. */
    text = C_("control", "NOC");
  else
    text = tally_party_get_short_name (party);

  /* A live reload sets every row's chips again, mostly to what they
   * were: a layout given the same text would be shaped again. */
  if (chip->layout == NULL)
    {
      chip->layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), NULL);
      pango_attr_list_insert (attributes, pango_attr_weight_new (PANGO_WEIGHT_BOLD));
      pango_attr_list_insert (attributes, pango_attr_scale_new (0.9));
      pango_layout_set_attributes (chip->layout, attributes);
    }
  else if (g_str_equal (pango_layout_get_text (chip->layout), text))
    return;
  pango_layout_set_text (chip->layout, text, -1);
  self->changed = TRUE;
}

static void
paint_chip (TallyControlChips *self,
            GtkSnapshot       *snapshot,
            Chip              *chip,
            int                x,
            int                y,
            const GdkRGBA     *foreground)
{
  gboolean colour_blind_safe = tally_party_style_get_colour_blind_safe ();
  int width = chip_width (chip);
  int text_width, text_height;
  GskRoundedRect pill;
  GdkRGBA fill, text_colour;
  graphene_rect_t bounds = GRAPHENE_RECT_INIT (x, y, width, CHIP_HEIGHT);

  gsk_rounded_rect_init_from_rect (&pill, &bounds, CHIP_HEIGHT / 2.0);

  if (chip->known && chip->party != NULL)
    {
      gdk_rgba_parse (&fill, tally_party_get_colour (chip->party, colour_blind_safe));
      gdk_rgba_parse (&text_colour, tally_party_style_text_colour (chip->party, colour_blind_safe));
    }
  else
    {
      fill = *foreground;
      fill.alpha = chip->known ? 0.1 : 0.0;
      text_colour = *foreground;
    }

  gtk_snapshot_push_rounded_clip (snapshot, &pill);
  gtk_snapshot_append_color (snapshot, &fill, &bounds);
  gtk_snapshot_pop (snapshot);

  if (chip->party == NULL)
    {
      GdkRGBA edge = *foreground;
      const float widths[4] = { 1, 1, 1, 1 };

      edge.alpha = 0.25;
      gtk_snapshot_append_border (snapshot, &pill, widths, (const GdkRGBA[4]) { edge, edge, edge, edge });
    }

  pango_layout_get_pixel_size (chip->layout, &text_width, &text_height);
  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (x + (width - text_width) / 2.0,
                                                          y + (CHIP_HEIGHT - text_height) / 2.0));
  gtk_snapshot_append_layout (snapshot, chip->layout, &text_colour);
  gtk_snapshot_restore (snapshot);
}

static void
tally_control_chips_snapshot (GtkWidget   *widget,
                              GtkSnapshot *snapshot)
{
  TallyControlChips *self = TALLY_CONTROL_CHIPS (widget);
  GdkRGBA foreground, arrow, mark_colour;
  int height = gtk_widget_get_height (widget);
  int y = (height - CHIP_HEIGHT) / 2;
  int x = 0;
  int mark_height;
  gboolean changed = self->outcome == TALLY_OUTCOME_GAIN || self->outcome == TALLY_OUTCOME_LOSS;

  if (self->chips[0].layout == NULL)
    return;

  gtk_style_context_get_color (gtk_widget_get_style_context (widget), &foreground);

  paint_chip (self, snapshot, &self->chips[0], x, y, &foreground);
  x += chip_width (&self->chips[0]) + GAP;

  /* The arrow, full strength when control changed. */
  arrow = foreground;
  arrow.alpha = changed ? 1.0 : 0.45;
  {
    int arrow_width, arrow_height;

    pango_layout_get_pixel_size (self->arrow, &arrow_width, &arrow_height);
    gtk_snapshot_save (snapshot);
    gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (x + (ARROW_WIDTH - arrow_width) / 2.0,
                                                            (height - arrow_height) / 2.0));
    gtk_snapshot_append_layout (snapshot, self->arrow, &arrow);
    gtk_snapshot_restore (snapshot);
  }
  x += ARROW_WIDTH + GAP;

  paint_chip (self, snapshot, &self->chips[1], x, y, &foreground);
  x += chip_width (&self->chips[1]) + GAP + 2;

  if (self->mark != NULL && pango_layout_get_character_count (self->mark) > 0)
    {
      int direction = self->outcome == TALLY_OUTCOME_GAIN ? 1 : self->outcome == TALLY_OUTCOME_LOSS ? -1 : 0;

      if (direction != 0)
        gdk_rgba_parse (&mark_colour, tally_party_style_change_colour (direction));
      else
        {
          mark_colour = foreground;
          mark_colour.alpha = 0.55;
        }

      pango_layout_get_pixel_size (self->mark, NULL, &mark_height);
      gtk_snapshot_save (snapshot);
      gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (x, (height - mark_height) / 2.0));
      gtk_snapshot_append_layout (snapshot, self->mark, &mark_colour);
      gtk_snapshot_restore (snapshot);
    }
}

static void
tally_control_chips_measure (GtkWidget      *widget,
                             GtkOrientation  orientation,
                             int             for_size,
                             int            *minimum,
                             int            *natural,
                             int            *minimum_baseline,
                             int            *natural_baseline)
{
  TallyControlChips *self = TALLY_CONTROL_CHIPS (widget);

  if (orientation == GTK_ORIENTATION_VERTICAL)
    {
      *minimum = *natural = CHIP_HEIGHT;
      return;
    }

  *minimum = *natural = 0;
  if (self->chips[0].layout != NULL)
    {
      int mark_width = 0;

      if (self->mark != NULL)
        pango_layout_get_pixel_size (self->mark, &mark_width, NULL);
      *minimum = *natural = chip_width (&self->chips[0]) + GAP + ARROW_WIDTH + GAP +
                            chip_width (&self->chips[1]) + GAP + 2 + mark_width;
    }
}

static void
tally_control_chips_dispose (GObject *object)
{
  TallyControlChips *self = (TallyControlChips *) object;

  for (guint i = 0; i < G_N_ELEMENTS (self->chips); i++)
    {
      g_clear_object (&self->chips[i].layout);
      g_clear_object (&self->chips[i].party);
    }
  g_clear_object (&self->arrow);
  g_clear_object (&self->mark);
  g_clear_pointer (&self->description, g_free);

  G_OBJECT_CLASS (tally_control_chips_parent_class)->dispose (object);
}

static void
tally_control_chips_class_init (TallyControlChipsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = tally_control_chips_dispose;
  widget_class->snapshot = tally_control_chips_snapshot;
  widget_class->measure = tally_control_chips_measure;

  gtk_widget_class_set_css_name (widget_class, "controlchips");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
tally_control_chips_init (TallyControlChips *self)
{
  g_autoptr(PangoAttrList) attributes = pango_attr_list_new ();

  self->arrow = gtk_widget_create_pango_layout (GTK_WIDGET (self), "›");
  pango_attr_list_insert (attributes, pango_attr_weight_new (PANGO_WEIGHT_BOLD));
  pango_attr_list_insert (attributes, pango_attr_scale_new (1.3));
  pango_layout_set_attributes (self->arrow, attributes);
}

GtkWidget *
tally_control_chips_new (void)
{
  return g_object_new (TALLY_TYPE_CONTROL_CHIPS, NULL);
}

static void
set_mark (TallyControlChips *self,
          const char        *mark)
{
  g_autoptr(PangoAttrList) attributes = pango_attr_list_new ();

  if (self->mark == NULL)
    {
      self->mark = gtk_widget_create_pango_layout (GTK_WIDGET (self), NULL);
      pango_attr_list_insert (attributes, pango_attr_weight_new (PANGO_WEIGHT_BOLD));
      pango_attr_list_insert (attributes, pango_attr_scale_new (0.8));
      pango_attr_list_insert (attributes, pango_attr_letter_spacing_new (PANGO_SCALE / 2));
      pango_layout_set_attributes (self->mark, attributes);
    }
  else if (g_str_equal (pango_layout_get_text (self->mark), mark))
    return;
  pango_layout_set_text (self->mark, mark, -1);
  self->changed = TRUE;
}

/* The whole sentence, for screen readers and the tooltip; then a redraw
 * (and a new size) only if something changed.  Setting a tooltip asks
 * the X server where the pointer is: not for the same words. */
static void
set_description (TallyControlChips *self,
                 char              *description)
{
  if (g_strcmp0 (self->description, description) != 0)
    {
      gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, description, -1);
      gtk_widget_set_tooltip_text (GTK_WIDGET (self), description);
      g_free (self->description);
      self->description = description;
    }
  else
    g_free (description);

  if (self->changed)
    gtk_widget_queue_resize (GTK_WIDGET (self));
  self->changed = FALSE;
}

/**
 * tally_control_chips_set_result:
 *
 * Shows @result's control before and after, and what changed.
 */
void
tally_control_chips_set_result (TallyControlChips  *self,
                                TallyCouncilResult *result)
{
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *outcome = NULL;
  const char *mark;

  g_return_if_fail (TALLY_IS_CONTROL_CHIPS (self));
  g_return_if_fail (TALLY_IS_COUNCIL_RESULT (result));

  set_chip (self, &self->chips[0], tally_council_result_get_control (result, TALLY_STAGE_BEFORE),
            tally_council_result_get_total_seats (result, TALLY_STAGE_BEFORE) > 0);
  set_chip (self, &self->chips[1], tally_council_result_get_control (result, TALLY_STAGE_AFTER),
            tally_council_result_get_total_seats (result, TALLY_STAGE_AFTER) > 0);

  if (self->outcome != tally_council_result_get_outcome (result))
    self->changed = TRUE;
  self->outcome = tally_council_result_get_outcome (result);
  switch (self->outcome)
    {
    case TALLY_OUTCOME_GAIN:
      mark = C_("outcome", "GAIN");
      break;
    case TALLY_OUTCOME_LOSS:
      mark = C_("outcome", "LOSS");
      break;
    case TALLY_OUTCOME_HOLD:
    case TALLY_OUTCOME_NOC_HOLD:
      mark = C_("outcome", "HOLD");
      break;
    case TALLY_OUTCOME_UNKNOWN:
    default:
      mark = "";
      break;
    }

  set_mark (self, mark);

  /* Screen readers and tooltips get the whole sentence. */
  before = tally_council_result_describe_control (result, TALLY_STAGE_BEFORE);
  after = tally_council_result_describe_control (result, TALLY_STAGE_AFTER);
  outcome = tally_council_result_describe_outcome (result, FALSE);
  set_description (self, g_strdup_printf (_("%s before, %s after: %s"), before, after, outcome));
}

/* The call that says most, in a word or two: "LAB HOLD", "CON LOST". */
static char *
short_call (TallyLiveCouncil *live,
            TallyOutcome     *outcome)
{
  static const TallyCallKind order[] = { TALLY_CALL_WON, TALLY_CALL_LOST, TALLY_CALL_NOC, TALLY_CALL_STAYS_NOC,
                                         TALLY_CALL_CANNOT_WIN };
  const TallyCall *calls;
  guint n_calls;

  calls = tally_live_council_get_calls (live, &n_calls);
  for (guint k = 0; k < G_N_ELEMENTS (order); k++)
    for (guint i = 0; i < n_calls; i++)
      {
        TallyParty *party = calls[i].kind == order[k] ? tally_live_council_get_call_party (live, &calls[i]) : NULL;
        g_autofree char *name = party != NULL ? g_utf8_strup (tally_party_get_short_name (party), -1) : NULL;

        if (calls[i].kind != order[k])
          continue;

        switch (calls[i].kind)
          {
          case TALLY_CALL_WON:
            *outcome = party == tally_live_council_get_control_before (live) ? TALLY_OUTCOME_HOLD : TALLY_OUTCOME_GAIN;
            /* Translators: a call in the council list, "LAB HOLD": the party's majority is certain. */
            if (*outcome == TALLY_OUTCOME_HOLD)
              return g_strdup_printf (C_("call", "%s HOLD"), name ? name : "");
            return g_strdup_printf (C_("call", "%s GAIN"), name ? name : "");
          case TALLY_CALL_LOST:
            *outcome = TALLY_OUTCOME_LOSS;
            /* Translators: a call in the council list: the party in control can no longer keep it. */
            return g_strdup_printf (C_("call", "%s LOST"), name ? name : "");
          case TALLY_CALL_NOC:
          case TALLY_CALL_STAYS_NOC:
            *outcome = calls[i].kind == TALLY_CALL_NOC ? TALLY_OUTCOME_LOSS : TALLY_OUTCOME_NOC_HOLD;
            /* Translators: a call in the council list: no party can win a majority. */
            return g_strdup (C_("call", "NOC"));
          case TALLY_CALL_CANNOT_WIN:
          default:
            *outcome = TALLY_OUTCOME_UNKNOWN;
            /* Translators: a call in the council list: the party cannot win control. */
            return g_strdup_printf (C_("call", "%s OUT"), name ? name : "");
          }
      }

  *outcome = TALLY_OUTCOME_UNKNOWN;
  return g_strdup ("");
}

/**
 * tally_control_chips_set_live:
 * @result: the council's result
 * @live: the council on results night, not fully declared
 *
 * Shows control before, how far the council has declared ("21/24", or
 * "–" before its first ward) and its strongest call so far ("LAB OUT").
 */
void
tally_control_chips_set_live (TallyControlChips  *self,
                              TallyCouncilResult *result,
                              TallyLiveCouncil   *live)
{
  g_autofree char *progress = NULL;
  g_autofree char *count = NULL;
  g_autofree char *mark = NULL;
  g_autofree char *before = NULL;
  g_auto(GStrv) calls = NULL;

  g_return_if_fail (TALLY_IS_CONTROL_CHIPS (self));
  g_return_if_fail (TALLY_IS_COUNCIL_RESULT (result));
  g_return_if_fail (TALLY_IS_LIVE_COUNCIL (live));

  set_chip (self, &self->chips[0], tally_council_result_get_control (result, TALLY_STAGE_BEFORE),
            tally_council_result_get_total_seats (result, TALLY_STAGE_BEFORE) > 0);
  if (tally_live_council_get_state (live) == TALLY_LIVE_NOT_DECLARED)
    count = g_strdup ("–");
  else if (tally_live_council_get_wards_up (live) > 0)
    count = g_strdup_printf ("%u/%u", tally_live_council_get_wards_declared (live),
                             tally_live_council_get_wards_up (live));
  else
    count = g_strdup_printf ("%u/%u", tally_live_council_get_seats_declared (live),
                             tally_live_council_get_seats_up (live));
  set_chip_text (self, &self->chips[1], NULL, FALSE, count);

  {
    TallyOutcome was = self->outcome;

    mark = short_call (live, &self->outcome);
    if (self->outcome != was)
      self->changed = TRUE;
  }
  set_mark (self, mark);

  before = tally_council_result_describe_control (result, TALLY_STAGE_BEFORE);
  progress = tally_live_council_describe_progress (live);
  calls = tally_live_council_describe_calls (live);
  set_description (self, calls != NULL && calls[0] != NULL
                          ? g_strdup_printf (_("%s before; %s. %s"), before, progress, calls[0])
                          : g_strdup_printf (_("%s before; %s"), before, progress));
}
