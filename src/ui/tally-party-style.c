/* tally-party-style.c: one CSS class per party, made from the party table.
 *
 * Party colours are data, not style: they come from the database, and the
 * user can swap them for a colour-blind-safe palette.  So the classes are
 * written at run time into one provider on the display, and a chip only has
 * to carry "party-chip party-CON".  Text on a chip is black or white,
 * whichever contrasts more with the party colour, so it reads in light and
 * dark style alike.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "tally-party.h"
#include "tally-party-style.h"

static GtkCssProvider *provider;
static char           *installed;   /* the CSS it holds */
static gboolean palette_is_colour_blind_safe;

/* WCAG relative luminance of an sRGB channel. */
static double
linear_channel (double value)
{
  return value <= 0.04045 ? value / 12.92 : pow ((value + 0.055) / 1.055, 2.4);
}

static const char *
text_colour_for (double red,
                 double green,
                 double blue)
{
  double luminance = 0.2126 * linear_channel (red) + 0.7152 * linear_channel (green) +
                     0.0722 * linear_channel (blue);

  /* Contrast against white is 1.05 / (L + 0.05), against black (L + 0.05) / 0.05. */
  return 1.05 / (luminance + 0.05) >= (luminance + 0.05) / 0.05 ? "#ffffff" : "#1e1e1e";
}

/**
 * tally_party_style_class_name:
 *
 * Returns: (transfer full): the CSS class carrying @party's colours
 */
char *
tally_party_style_class_name (TallyParty *party)
{
  GString *name = g_string_new ("party-");

  g_return_val_if_fail (TALLY_IS_PARTY (party), NULL);

  /* Keys of imported parties can hold anything: keep CSS identifiers plain. */
  for (const char *c = tally_party_get_key (party); *c; c++)
    {
      if (g_ascii_isalnum (*c))
        g_string_append_c (name, *c);
      else
        g_string_append_printf (name, "_%02x", (guchar) *c);
    }

  return g_string_free (name, FALSE);
}

/**
 * tally_party_style_install:
 * @parties: a list of #TallyParty
 *
 * Writes (or rewrites) the party classes for @display.
 */
void
tally_party_style_install (GdkDisplay *display,
                           GListModel *parties,
                           gboolean    colour_blind_safe)
{
  g_autoptr(GString) css = g_string_new (NULL);
  guint n_parties;

  g_return_if_fail (GDK_IS_DISPLAY (display));
  g_return_if_fail (G_IS_LIST_MODEL (parties));

  n_parties = g_list_model_get_n_items (parties);
  for (guint i = 0; i < n_parties; i++)
    {
      g_autoptr(TallyParty) party = g_list_model_get_item (parties, i);
      g_autofree char *class_name = tally_party_style_class_name (party);
      double red, green, blue;

      tally_party_get_rgb (party, colour_blind_safe, &red, &green, &blue);
      g_string_append_printf (css, ".party-chip.%s { background-color: %s; color: %s; }\n",
                              class_name, tally_party_get_colour (party, colour_blind_safe),
                              text_colour_for (red, green, blue));
    }

  if (provider == NULL)
    {
      provider = gtk_css_provider_new ();
      gtk_style_context_add_provider_for_display (display, GTK_STYLE_PROVIDER (provider),
                                                  GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
    }

  /* A live reload installs the same parties again: loading the same CSS
   * would have GTK work out the style of every widget of the window again. */
  if (g_strcmp0 (installed, css->str) != 0)
    {
      gtk_css_provider_load_from_data (provider, css->str, css->len);
      g_free (installed);
      installed = g_strdup (css->str);
    }
  palette_is_colour_blind_safe = colour_blind_safe;
}

/**
 * tally_party_style_get_colour_blind_safe:
 *
 * Returns: whether the palette installed last is the colour-blind-safe one,
 *   for widgets that paint party colours themselves
 */
gboolean
tally_party_style_get_colour_blind_safe (void)
{
  return palette_is_colour_blind_safe;
}

/**
 * tally_party_style_text_colour:
 *
 * Returns: "#ffffff" or "#1e1e1e", whichever reads better on @party's colour
 */
const char *
tally_party_style_text_colour (TallyParty *party,
                               gboolean    colour_blind_safe)
{
  double red, green, blue;

  tally_party_get_rgb (party, colour_blind_safe, &red, &green, &blue);
  return text_colour_for (red, green, blue);
}

/* A chip names a party in a few letters.  An imported party's short name
 * is often its whole name ("Trade Unionist and Socialist Coalition"): cut
 * at ten characters it reads "Trade Uni…", so a long name is abbreviated
 * as results tables do instead: the letters in its brackets ("UK
 * Independence Party (UKIP)"), or its capitalised words' initials, an
 * all-capital word kept whole ("TUSC", "SDP", "UKIP").  The tooltip
 * gives the whole name. */
#define CHIP_MAX_CHARS 10

char *
tally_party_style_chip_text (const char *short_name)
{
  g_auto(GStrv) words = NULL;
  const char *open, *close;
  GString *initials;

  if (g_utf8_strlen (short_name, -1) <= CHIP_MAX_CHARS)
    return g_strdup (short_name);

  open = strrchr (short_name, '(');
  close = open != NULL ? strchr (open, ')') : NULL;
  if (close != NULL && close - open > 1 && g_utf8_strlen (open + 1, close - open - 1) <= CHIP_MAX_CHARS)
    return g_strndup (open + 1, close - open - 1);

  words = g_strsplit_set (short_name, " -", -1);
  initials = g_string_new (NULL);
  for (guint i = 0; words[i] != NULL; i++)
    {
      gunichar first = g_utf8_get_char_validated (words[i], -1);
      gboolean all_capitals = words[i][0] != '\0';

      if (first == (gunichar) -1 || first == (gunichar) -2 || !g_unichar_isupper (first))
        continue;
      for (const char *c = words[i]; *c != '\0'; c = g_utf8_next_char (c))
        all_capitals &= !g_unichar_islower (g_utf8_get_char (c));
      if (all_capitals)
        g_string_append (initials, words[i]);
      else
        g_string_append_unichar (initials, first);
    }

  if (initials->len < 2 || g_utf8_strlen (initials->str, -1) > CHIP_MAX_CHARS)
    {
      g_string_free (initials, TRUE);
      return g_strdup (short_name);
    }
  return g_string_free (initials, FALSE);
}

/**
 * tally_party_style_apply_chip:
 * @chip: a label with the "party-chip" class
 * @party: (nullable): the party, or %NULL for no overall control
 * @known: whether control is known at all
 *
 * Shows @party's short name on @chip in its colours: "Lab", or "NOC".
 */
void
tally_party_style_apply_chip (GtkLabel   *chip,
                              TallyParty *party,
                              gboolean    known)
{
  g_autofree char *party_class = NULL;
  const char *classes[4] = { "party-chip", NULL, NULL, NULL };

  g_return_if_fail (GTK_IS_LABEL (chip));

  if (!known)
    {
      classes[1] = "unknown";
      gtk_label_set_text (chip, "?");
      gtk_widget_set_tooltip_text (GTK_WIDGET (chip), _("Not known"));
    }
  else if (party == NULL)
    {
      classes[1] = "noc";
      /* Translators: short for "no overall control", as printed in results tables. */
      gtk_label_set_text (chip, C_("control", "NOC"));
      gtk_widget_set_tooltip_text (GTK_WIDGET (chip), _("No overall control"));
    }
  else
    {
      g_autofree char *text = tally_party_style_chip_text (tally_party_get_short_name (party));

      classes[1] = party_class = tally_party_style_class_name (party);
      gtk_label_set_text (chip, text);
      gtk_widget_set_tooltip_text (GTK_WIDGET (chip), tally_party_get_full_name (party));
    }

  gtk_widget_set_css_classes (GTK_WIDGET (chip), classes);

  /* Whatever a name abbreviates to, a chip stays a chip, and its tooltip
   * gives the whole name. */
  gtk_label_set_ellipsize (chip, PANGO_ELLIPSIZE_END);
  gtk_label_set_max_width_chars (chip, CHIP_MAX_CHARS);
}

/**
 * tally_party_style_change_colour:
 * @direction: above zero for a rise or a gain, below for a fall or a loss
 *
 * Returns: (nullable): libadwaita's success or error colour for the current
 *   style, light or dark, as "#RRGGBB"; %NULL for no change.  For text that
 *   is painted or marked up rather than styled with CSS.
 */
const char *
tally_party_style_change_colour (int direction)
{
  gboolean dark = adw_style_manager_get_dark (adw_style_manager_get_default ());

  if (direction > 0)
    return dark ? "#8ff0a4" : "#1b8553";
  if (direction < 0)
    return dark ? "#ff7b63" : "#c01c28";
  return NULL;
}
