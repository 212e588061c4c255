/* tally-map-data.c: what a map shows, from the results engine.
 *
 * The only place where the map meets core's results: each council gets a
 * colour, a line saying what happened, and the key entry it belongs to.
 * Categories (control, change, winner) get one key entry per party, in
 * the parties' left-to-right order, then no overall control.  Numbers
 * (share, change, swing) fall into classes of a round width chosen from
 * the range seen, as newspapers print them: a reader can match a hex to a
 * swatch, which a continuous ramp does not allow.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "tally-council.h"
#include "tally-council-result.h"
#include "tally-election.h"
#include "tally-map-data.h"
#include "tally-map-short-labels.h"
#include "tally-party-ranking.h"
#include "tally-party.h"

/* Holds and unchanged councils, paler than gains; no overall control is
 * pale already, and must stay apart from the blank of councils that did
 * not vote. */
#define PALE 0.62
#define PALE_NOC 0.35

/* Share-change losses run towards this slate, gains towards the party. */
#define LOSS_COLOUR "#5E7089"

static const struct
{
  const char *name;
  const char *label;
} colourings[] = {
  [TALLY_MAP_COLOUR_CONTROL] = { "control", N_("Control") },
  [TALLY_MAP_COLOUR_CHANGE] = { "change", N_("Change of control") },
  [TALLY_MAP_COLOUR_WINNER] = { "winner", N_("Most seats won") },
  [TALLY_MAP_COLOUR_SHARE] = { "share", N_("Vote share") },
  [TALLY_MAP_COLOUR_SHARE_CHANGE] = { "share-change", N_("Vote share change") },
  [TALLY_MAP_COLOUR_SWING] = { "swing", N_("Swing") },
};

const char *
tally_map_colour_by_to_string (TallyMapColourBy colour_by)
{
  g_return_val_if_fail (colour_by < TALLY_N_MAP_COLOURINGS, NULL);

  return colourings[colour_by].name;
}

gboolean
tally_map_colour_by_from_string (const char       *string,
                                 TallyMapColourBy *colour_by)
{
  for (guint i = 0; i < TALLY_N_MAP_COLOURINGS; i++)
    if (g_strcmp0 (string, colourings[i].name) == 0)
      {
        *colour_by = i;
        return TRUE;
      }

  return FALSE;
}

const char *
tally_map_colour_by_get_label (TallyMapColourBy colour_by)
{
  g_return_val_if_fail (colour_by < TALLY_N_MAP_COLOURINGS, NULL);

  return _(colourings[colour_by].label);
}

/**
 * tally_map_colour_by_needs_party:
 *
 * Returns: whether the colouring is about one party (or two, for swing)
 */
gboolean
tally_map_colour_by_needs_party (TallyMapColourBy colour_by)
{
  return colour_by == TALLY_MAP_COLOUR_SHARE || colour_by == TALLY_MAP_COLOUR_SHARE_CHANGE ||
         colour_by == TALLY_MAP_COLOUR_SWING;
}

static gboolean
is_minor_word (const char *word)
{
  const char * const minor[] = { "and", "of", "upon", "on", "the", "with", "in", "le", "under", NULL };

  return g_strv_contains (minor, word);
}

/**
 * tally_map_short_label:
 *
 * Three letters for a hex too small for a name: the first three of a
 * one-word name ("Bir"), else the first word's initial and the last main
 * word's first two ("North Tyneside" → "NTy", "Richmond upon Thames" →
 * "RTh").
 *
 * Returns: (transfer full): the label
 */
char *
tally_map_short_label (const char *name)
{
  g_auto(GStrv) words = NULL;
  GString *label = g_string_new (NULL);
  const char *last = NULL;
  guint n_main = 0;

  g_autofree char *main_part = NULL;

  g_return_val_if_fail (name != NULL, g_string_free (label, FALSE));

  /* "Kingston upon Hull, City of": what comes before the comma. */
  main_part = g_strndup (name, strcspn (name, ","));
  words = g_strsplit_set (main_part, " -", -1);
  for (guint i = 0; words[i] != NULL; i++)
    if (words[i][0] != '\0' && !is_minor_word (words[i]))
      {
        last = words[i];
        n_main++;
      }

  if (n_main <= 1)
    {
      const char *word = last ? last : main_part;
      const char *end = word;

      for (guint i = 0; i < 3 && *end != '\0'; i++)
        end = g_utf8_next_char (end);
      g_string_append_len (label, word, end - word);
    }
  else
    {
      const char *first = NULL, *second;

      for (guint i = 0; words[i] != NULL && first == NULL; i++)
        if (words[i][0] != '\0' && !is_minor_word (words[i]))
          first = words[i];

      g_string_append_unichar (label, g_unichar_toupper (g_utf8_get_char (first)));
      second = last;
      g_string_append_unichar (label, g_unichar_toupper (g_utf8_get_char (second)));
      second = g_utf8_next_char (second);
      if (*second != '\0')
        g_string_append_unichar (label, g_utf8_get_char (second));
    }

  return g_string_free (label, FALSE);
}

static void
area_free (TallyMapArea *area)
{
  g_free (area->code);
  g_free (area->name);
  g_free (area->short_label);
  g_free (area->status);
  g_free (area->detail);
  g_free (area->figure);
  g_free (area);
}

TallyMapData *
tally_map_data_ref (TallyMapData *data)
{
  g_return_val_if_fail (data != NULL, NULL);

  g_atomic_ref_count_inc (&data->ref_count);
  return data;
}

void
tally_map_data_unref (TallyMapData *data)
{
  if (data == NULL || !g_atomic_ref_count_dec (&data->ref_count))
    return;

  g_free (data->heading.title);
  g_free (data->heading.subtitle);
  g_free (data->heading.source);
  g_free (data->key_title);
  g_free (data->blank_label);
  for (guint i = 0; i < data->n_key; i++)
    g_free (data->key[i].label);
  g_free (data->key);
  g_clear_pointer (&data->by_code, g_hash_table_unref);
  g_clear_pointer (&data->areas, g_ptr_array_unref);
  g_free (data);
}

/**
 * tally_map_data_lookup:
 *
 * Returns: (nullable): the council with @code
 */
const TallyMapArea *
tally_map_data_lookup (const TallyMapData *data,
                       const char         *code)
{
  g_return_val_if_fail (data != NULL, NULL);

  return code ? g_hash_table_lookup (data->by_code, code) : NULL;
}

/* Building */

typedef struct
{
  char          *id;
  int            rank;
  TallyChartRgb  colour;
  char          *label;
} Category;

static void
category_free (Category *category)
{
  g_free (category->id);
  g_free (category->label);
  g_free (category);
}

typedef struct
{
  TallyMapData *data;
  GHashTable   *categories;  /* id → Category */
  GHashTable   *area_category; /* TallyMapArea* → Category* */
  gboolean      safe;
  TallyChartRgb page;  /* pale colours fade into it */
  TallyPartyRanking *ranking; /* (nullable): the key's parties in results order */
} Builder;

static TallyChartRgb
party_rgb (Builder    *builder,
           TallyParty *party)
{
  TallyChartRgb rgb;

  tally_chart_rgb_parse (tally_party_get_colour (party, builder->safe), &rgb);
  return rgb;
}

static TallyChartRgb
noc_rgb (Builder *builder)
{
  TallyChartRgb rgb;

  tally_chart_rgb_parse (builder->safe ? TALLY_MAP_NOC_COLOUR_SAFE : TALLY_MAP_NOC_COLOUR, &rgb);
  return rgb;
}

static void
put_in_category (Builder       *builder,
                 TallyMapArea  *area,
                 const char    *id,
                 int            rank,
                 TallyChartRgb  colour,
                 const char    *label)
{
  Category *category = g_hash_table_lookup (builder->categories, id);

  if (category == NULL)
    {
      category = g_new0 (Category, 1);
      category->id = g_strdup (id);
      category->rank = rank;
      category->colour = colour;
      category->label = g_strdup (label);
      g_hash_table_insert (builder->categories, category->id, category);
    }

  area->has_value = TRUE;
  area->fill = colour;
  g_hash_table_insert (builder->area_category, area, category);
}

static int
compare_categories (gconstpointer a,
                    gconstpointer b)
{
  const Category *first = *(const Category * const *) a;
  const Category *second = *(const Category * const *) b;

  if (first->rank != second->rank)
    return first->rank < second->rank ? -1 : 1;
  return strcmp (first->id, second->id);
}

/* The key, in rank order, and each area's entry in it. */
static void
finish_categories (Builder *builder)
{
  g_autoptr(GPtrArray) sorted = g_ptr_array_new ();
  g_autoptr(GList) values = g_hash_table_get_values (builder->categories);
  TallyMapData *data = builder->data;

  for (GList *l = values; l != NULL; l = l->next)
    g_ptr_array_add (sorted, l->data);
  g_ptr_array_sort (sorted, compare_categories);
  data->n_key = sorted->len;
  data->key = g_new0 (TallyMapKeyEntry, sorted->len);
  for (guint i = 0; i < sorted->len; i++)
    {
      Category *category = g_ptr_array_index (sorted, i);

      data->key[i].colour = category->colour;
      data->key[i].label = g_strdup (category->label);
      category->rank = (int) i;  /* now its index */
    }

  for (guint i = 0; i < data->areas->len; i++)
    {
      TallyMapArea *area = g_ptr_array_index (data->areas, i);
      Category *category = g_hash_table_lookup (builder->area_category, area);

      if (category == NULL)
        continue;

      area->key = (guint) category->rank;
      if (area->in_scope)
        data->key[area->key].count++;
    }
}

/* Ranks of the key's parts: parties below PARTY_RANK_NONE, then No overall
 * control and ties, then holds (PARTY_RANK_HOLD + a party's rank). */
#define PARTY_RANK_NONE 100000
#define PARTY_RANK_HOLD 200000

/* A party's place in the key: in results order where the key names parties
 * (the state of the parties' order: Lab, Con, LD, …), parties counted in
 * Others after the named ones; else by place on the spectrum. */
static int
party_rank (Builder    *builder,
            TallyParty *party)
{
  GListModel *shown;
  guint n_shown;

  if (party == NULL)
    return PARTY_RANK_NONE;
  if (builder->ranking == NULL)
    return tally_party_get_position (party) * 10;

  shown = tally_party_ranking_get_shown (builder->ranking);
  n_shown = g_list_model_get_n_items (shown);
  for (guint i = 0; i < n_shown; i++)
    {
      g_autoptr(TallyParty) named = g_list_model_get_item (shown, i);

      if (named == party)
        return (int) i * 10;
    }
  return (int) (n_shown + (guint) MAX (tally_party_get_position (party), 0)) * 10;
}

static char *
describe_composition (TallyCouncilResult *result)
{
  const TallySeats *seats;
  g_autofree guint *order = NULL;
  guint n_parties;
  GString *text;

  seats = tally_council_result_get_composition (result, TALLY_STAGE_AFTER, &n_parties);
  if (n_parties == 0)
    return NULL;

  /* Largest first. */
  order = g_new (guint, n_parties);
  for (guint i = 0; i < n_parties; i++)
    order[i] = i;
  for (guint i = 1; i < n_parties; i++)
    for (guint j = i; j > 0 && seats[order[j]].seats > seats[order[j - 1]].seats; j--)
      {
        guint swap = order[j];

        order[j] = order[j - 1];
        order[j - 1] = swap;
      }

  text = g_string_new (NULL);
  for (guint i = 0; i < n_parties; i++)
    g_string_append_printf (text, "%s%s %u", i ? " · " : "", tally_party_get_short_name (seats[order[i]].party),
                            seats[order[i]].seats);

  return g_string_free (text, FALSE);
}

static void
colour_by_control (Builder            *builder,
                   TallyMapArea       *area,
                   TallyCouncilResult *result)
{
  TallyParty *after = tally_council_result_get_control (result, TALLY_STAGE_AFTER);

  if (tally_council_result_get_total_seats (result, TALLY_STAGE_AFTER) == 0)
    return;

  if (after != NULL)
    put_in_category (builder, area, tally_party_get_key (after), party_rank (builder, after), party_rgb (builder, after),
                     tally_party_get_full_name (after));
  else
    put_in_category (builder, area, "NOC", party_rank (builder, NULL), noc_rgb (builder), _("No overall control"));
}

static void
colour_by_change (Builder            *builder,
                  TallyMapArea       *area,
                  TallyCouncilResult *result)
{
  TallyParty *after = tally_council_result_get_control (result, TALLY_STAGE_AFTER);
  g_autofree char *id = NULL;
  g_autofree char *label = NULL;

  switch (tally_council_result_get_outcome (result))
    {
    case TALLY_OUTCOME_GAIN:
      id = g_strconcat ("gain:", tally_party_get_key (after), NULL);
      /* Translators: a key entry: "Labour gain" */
      label = g_strdup_printf (_("%s gain"), tally_party_get_short_name (after));
      put_in_category (builder, area, id, party_rank (builder, after), party_rgb (builder, after), label);
      break;

    case TALLY_OUTCOME_LOSS:
      put_in_category (builder, area, "gain:NOC", party_rank (builder, NULL), noc_rgb (builder),
                       _("Lost to no overall control"));
      break;

    case TALLY_OUTCOME_HOLD:
      id = g_strconcat ("hold:", tally_party_get_key (after), NULL);
      label = g_strdup_printf (_("%s hold"), tally_party_get_short_name (after));
      put_in_category (builder, area, id, PARTY_RANK_HOLD + party_rank (builder, after),
                       tally_chart_rgb_mix (party_rgb (builder, after), builder->page, PALE), label);
      break;

    case TALLY_OUTCOME_NOC_HOLD:
      put_in_category (builder, area, "hold:NOC", PARTY_RANK_HOLD + party_rank (builder, NULL),
                       tally_chart_rgb_mix (noc_rgb (builder), builder->page, PALE_NOC),
                       _("No overall control, no change"));
      break;

    case TALLY_OUTCOME_UNKNOWN:
    default:
      break;
    }
}

static void
colour_by_winner (Builder            *builder,
                  TallyMapArea       *area,
                  TallyCouncilResult *result,
                  GListModel         *parties,
                  TallyPartyRanking  *ranking)
{
  TallyParty *shown;
  TallyParty *winner = NULL;
  guint best = 0, n_parties = g_list_model_get_n_items (parties);
  gboolean tie = FALSE;

  for (guint i = 0; i < n_parties; i++)
    {
      g_autoptr(TallyParty) party = g_list_model_get_item (parties, i);
      guint won = tally_council_result_get_seats_won (result, party);

      if (won > best)
        {
          best = won;
          winner = party;
          tie = FALSE;
        }
      else if (won == best && won > 0)
        {
          tie = TRUE;
        }
    }

  if (best == 0)
    return;

  if (tie)
    put_in_category (builder, area, "tie", party_rank (builder, NULL), noc_rgb (builder), _("Tie for most seats"));
  else
    {
      /* A minor party's win is keyed as Others, as every view groups it;
       * the tooltip still names the party. */
      shown = ranking != NULL && tally_party_ranking_is_grouped (ranking, winner) &&
              tally_party_ranking_get_others (ranking) != NULL
              ? tally_party_ranking_get_others (ranking) : winner;
      put_in_category (builder, area, tally_party_get_key (shown), party_rank (builder, shown), party_rgb (builder, shown),
                       tally_party_get_full_name (shown));
    }

  g_free (area->figure);
  area->figure = tie ? g_strdup_printf (_("Tie: %u seats each"), best)
                     : g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s won %u seat of %u up",
                                                     "%s won %u seats of %u up", best),
                                        tally_party_get_short_name (winner), best,
                                        tally_council_result_get_seats_up (result));
}

/* Numbers */

typedef struct
{
  TallyMapArea *area;
  double        value;
} Measured;

/* The smallest round class width that covers @span in at most @classes. */
static double
class_width (double span,
             guint  classes)
{
  const double widths[] = { 1, 2, 2.5, 5, 10, 20, 25 };

  for (guint i = 0; i < G_N_ELEMENTS (widths); i++)
    if (span <= widths[i] * classes)
      return widths[i];

  return 50;
}

static char *
format_number (double value)
{
  /* Whole numbers plainly, 2.5 with its half. */
  if (fabs (value - round (value)) < 1e-9)
    return g_strdup_printf ("%.0f", value);
  return g_strdup_printf ("%.1f", value);
}

/* A signed number with a true minus sign. */
static char *
format_signed (double value)
{
  g_autofree char *magnitude = format_number (fabs (value));

  if (value > 0)
    return g_strconcat ("+", magnitude, NULL);
  if (value < 0)
    return g_strconcat ("−", magnitude, NULL);
  return g_strdup (magnitude);
}

static void
classify_shares (Builder    *builder,
                 GArray     *measured,
                 TallyParty *party)
{
  TallyChartRgb colour = party_rgb (builder, party);
  TallyChartRgb black = { 0, 0, 0 };
  double top = 0, width;
  guint n_classes;

  for (guint i = 0; i < measured->len; i++)
    top = MAX (top, g_array_index (measured, Measured, i).value);

  width = class_width (MAX (top, 1), 6);
  n_classes = MAX (1, (guint) ceil (top / width + 1e-9));
  if (top >= n_classes * width)
    n_classes++;

  for (guint i = 0; i < measured->len; i++)
    {
      Measured *m = &g_array_index (measured, Measured, i);
      guint class = MIN ((guint) floor (m->value / width), n_classes - 1);
      double t = n_classes > 1 ? (double) class / (n_classes - 1) : 1;
      g_autofree char *id = g_strdup_printf ("%03u", class);
      g_autofree char *low = format_number (class * width);
      g_autofree char *high = format_number ((class + 1) * width);
      g_autofree char *label = g_strdup_printf ("%s–%s%%", low, high);
      /* Light tint to full colour, then darker for the top classes. */
      TallyChartRgb fill = t <= 0.75 ? tally_chart_rgb_mix (builder->page, colour, 0.15 + 0.85 * t / 0.75)
                                     : tally_chart_rgb_mix (colour, black, (t - 0.75) / 0.25 * 0.35);

      put_in_category (builder, m->area, id, (int) class, fill, label);
    }
}

static void
classify_diverging (Builder       *builder,
                    GArray        *measured,
                    TallyChartRgb  negative,
                    TallyChartRgb  positive,
                    const char    *negative_name,
                    const char    *positive_name)
{
  double extreme = 0, width;
  const guint per_side = 4;

  for (guint i = 0; i < measured->len; i++)
    extreme = MAX (extreme, fabs (g_array_index (measured, Measured, i).value));

  width = class_width (MAX (extreme, 0.5), per_side);

  for (guint i = 0; i < measured->len; i++)
    {
      Measured *m = &g_array_index (measured, Measured, i);
      int class = (int) floor (m->value / width);
      int clamped = CLAMP (class, -(int) per_side, (int) per_side - 1);
      gboolean up = clamped >= 0;
      guint step = up ? (guint) clamped : (guint) (-clamped - 1);  /* 0 nearest no change */
      double t = 0.25 + 0.75 * step / (per_side - 1);
      g_autofree char *id = g_strdup_printf ("%+04d", clamped);
      g_autofree char *label = NULL;
      g_autofree char *near = format_number (step * width);
      g_autofree char *far = format_number ((step + 1) * width);
      TallyChartRgb fill = tally_chart_rgb_mix (builder->page, up ? positive : negative, t);

      if (step == per_side - 1)
        /* Translators: a class of a key, "10 or more to Lab" */
        label = g_strdup_printf (_("%s+ %s"), near, up ? positive_name : negative_name);
      else
        /* Translators: a class of a key, "0–5 to Lab" */
        label = g_strdup_printf (_("%s–%s %s"), near, far, up ? positive_name : negative_name);

      put_in_category (builder, m->area, id, clamped, fill, label);
    }
}

static void
heading_for (TallyMapData       *data,
             TallyMapColourBy    colour_by,
             TallyBasis          basis,
             TallyElection      *election,
             TallyParty         *party,
             TallyParty         *swing_from)
{
  TallyElection *baseline = election ? tally_election_get_baseline (election) : NULL;
  g_autofree char *date = NULL;
  int year = election ? tally_election_get_year (election) : 0;
  int baseline_year = baseline ? tally_election_get_year (baseline) : 0;

  if (election != NULL)
    {
      g_autoptr(GDateTime) when = NULL;
      g_autofree char *midnight = g_strconcat (tally_election_get_date (election), "T00:00:00Z", NULL);

      when = g_date_time_new_from_iso8601 (midnight, NULL);
      /* Translators: a polling day, "3 May 2018". */
      date = when ? g_date_time_format (when, _("%-d %B %Y")) : g_strdup (tally_election_get_date (election));
    }

  switch (colour_by)
    {
    case TALLY_MAP_COLOUR_CONTROL:
      data->key_title = date ? g_strdup_printf (_("Control after %s"), date) : g_strdup (_("Control"));
      break;
    case TALLY_MAP_COLOUR_CHANGE:
      /* Translators: "Change of control, 2018: councils against control on the eve of the poll" */
      data->key_title = baseline_year ? g_strdup_printf (_("Change of control, %d: %s"), year,
                                                         tally_basis_describe_control (basis))
                                      : g_strdup (_("Change of control"));
      break;
    case TALLY_MAP_COLOUR_WINNER:
      data->key_title = g_strdup (_("Most seats won of the seats up"));
      break;
    case TALLY_MAP_COLOUR_SHARE:
      data->key_title = party ? g_strdup_printf (_("%s share of the vote, %d"), tally_party_get_full_name (party), year)
                              : g_strdup (_("Vote share: choose a party"));
      break;
    case TALLY_MAP_COLOUR_SHARE_CHANGE:
      data->key_title = party ? g_strdup_printf (_("Change in %s share since %d, points"),
                                                 tally_party_get_short_name (party), baseline_year)
                              : g_strdup (_("Vote share change: choose a party"));
      break;
    case TALLY_MAP_COLOUR_SWING:
      data->key_title = party && swing_from
                        ? g_strdup_printf (_("Swing from %s to %s since %d, points"),
                                           tally_party_get_short_name (swing_from),
                                           tally_party_get_short_name (party), baseline_year)
                        : g_strdup (_("Swing: choose two parties"));
      break;
    default:
      g_assert_not_reached ();
    }

  data->heading.title = g_strdup (election ? tally_election_get_name (election) : _("Councils"));
  data->heading.subtitle = g_strdup (data->key_title);
  /* The Open Government Licence asks for both credits, as written. */
  data->heading.source = g_strdup (_("Source: Democracy Club, LEAP, Open Council Data UK; Office for National "
                                     "Statistics licensed under the Open Government Licence v.3.0. Contains OS "
                                     "data © Crown copyright and database right 2018"));
  data->blank_label = year ? g_strdup_printf (_("No election in %d"), year) : g_strdup (_("No data"));
}

/**
 * tally_map_data_new_for_results:
 * @councils: (element-type TallyCouncil): every council on the map
 * @results: (element-type TallyCouncilResult) (nullable): the results of
 *   one election, from the results engine
 * @parties: (element-type TallyParty): the party table
 * @filter: (nullable): councils it does not match are drawn faded
 * @party: (nullable): the party of a share, or the "to" party of a swing
 * @swing_from: (nullable): the "from" party of a swing
 * @style: the style the map is drawn in: pale colours (holds, low classes)
 *   are mixed into its page, and it says whether to use the
 *   colour-blind-safe palette
 *
 * Returns: (transfer full): what the map shows
 */
TallyMapData *
tally_map_data_new_for_results (GListModel       *councils,
                                GListModel       *results,
                                GListModel       *parties,
                                TallyFilter      *filter,
                                TallyMapColourBy  colour_by,
                                TallyParty       *party,
                                TallyParty       *swing_from,
                                const TallyChartStyle *style)
{
  TallyMapData *data = g_new0 (TallyMapData, 1);
  g_autoptr(GHashTable) result_of = g_hash_table_new_full (NULL, NULL, NULL, g_object_unref);
  g_autoptr(GHashTable) categories = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                                            (GDestroyNotify) category_free);
  g_autoptr(GHashTable) area_category = g_hash_table_new (NULL, NULL);
  g_autoptr(GArray) measured = g_array_new (FALSE, FALSE, sizeof (Measured));
  TallyElection *election = NULL;
  TallyBasis basis = TALLY_BASIS_SERVICES;
  gboolean filtered;
  Builder builder = { 0 };
  g_autoptr(GHashTable) labels = NULL;
  g_autoptr(TallyPartyRanking) ranking = NULL;
  guint n_councils, n_results;

  g_atomic_ref_count_init (&data->ref_count);
  data->areas = g_ptr_array_new_with_free_func ((GDestroyNotify) area_free);
  data->by_code = g_hash_table_new (g_str_hash, g_str_equal);

  g_return_val_if_fail (G_IS_LIST_MODEL (councils), data);
  g_return_val_if_fail (G_IS_LIST_MODEL (parties), data);
  g_return_val_if_fail (style != NULL, data);

  data->colour_by = colour_by;

  builder.data = data;
  builder.categories = categories;
  builder.area_category = area_category;
  builder.safe = style->colour_blind_safe;
  builder.page = style->page;

  n_results = results ? g_list_model_get_n_items (results) : 0;
  for (guint i = 0; i < n_results; i++)
    {
      TallyCouncilResult *result = g_list_model_get_item (results, i);

      election = tally_council_result_get_election (result);
      basis = tally_council_result_get_basis (result);
      g_hash_table_insert (result_of, tally_council_result_get_council (result), result);
    }

  filtered = filter != NULL && !tally_filter_is_empty (filter);
  heading_for (data, colour_by, basis, election, party, swing_from);

  /* The key names the parties every view names, the rest as Others: over
   * every council of the election, as the window ranks them. */
  if (results != NULL && (colour_by == TALLY_MAP_COLOUR_WINNER || colour_by == TALLY_MAP_COLOUR_CONTROL ||
                          colour_by == TALLY_MAP_COLOUR_CHANGE))
    ranking = tally_party_ranking_new (parties, results);
  builder.ranking = ranking;

  /* Every hex its own label: not "Har" for six councils. */
  labels = tally_map_short_labels (councils);
  n_councils = g_list_model_get_n_items (councils);
  for (guint i = 0; i < n_councils; i++)
    {
      g_autoptr(TallyCouncil) council = g_list_model_get_item (councils, i);
      TallyCouncilResult *result = g_hash_table_lookup (result_of, council);
      TallyMapArea *area = g_new0 (TallyMapArea, 1);
      double value = NAN;

      area->code = g_strdup (tally_council_get_code (council));
      area->name = g_strdup (tally_council_get_name (council));
      area->short_label = g_strdup (g_hash_table_lookup (labels, area->code));
      area->in_scope = result != NULL ? (!filtered || tally_filter_matches (filter, result)) : !filtered;
      g_ptr_array_add (data->areas, area);
      g_hash_table_insert (data->by_code, area->code, area);

      if (result == NULL)
        {
          area->status = g_strdup (data->blank_label);
          continue;
        }

      /* "Labour gain from Conservative", or at least who is in control. */
      if (tally_council_result_get_outcome (result) != TALLY_OUTCOME_UNKNOWN)
        area->status = tally_council_result_describe_outcome (result, FALSE);
      else if (tally_council_result_get_total_seats (result, TALLY_STAGE_AFTER) > 0)
        area->status = tally_council_result_describe_control (result, TALLY_STAGE_AFTER);
      else
        area->status = g_strdup (_("Control not known"));
      area->detail = describe_composition (result);

      switch (colour_by)
        {
        case TALLY_MAP_COLOUR_CONTROL:
          colour_by_control (&builder, area, result);
          break;
        case TALLY_MAP_COLOUR_CHANGE:
          colour_by_change (&builder, area, result);
          break;
        case TALLY_MAP_COLOUR_WINNER:
          colour_by_winner (&builder, area, result, parties, ranking);
          break;
        case TALLY_MAP_COLOUR_SHARE:
          if (party != NULL && isfinite (value = tally_council_result_get_vote_share (result, party, TALLY_VOTE_METHOD_TOTAL)))
            area->figure = g_strdup_printf (_("%s %.1f%%"), tally_party_get_short_name (party), value);
          break;
        case TALLY_MAP_COLOUR_SHARE_CHANGE:
          if (party != NULL &&
              isfinite (value = tally_council_result_get_vote_share_change (result, party, TALLY_VOTE_METHOD_TOTAL)))
            {
              g_autofree char *points = format_signed (round (value * 10) / 10);

              area->figure = g_strdup_printf (_("%s %s pts"), tally_party_get_short_name (party), points);
            }
          break;
        case TALLY_MAP_COLOUR_SWING:
          if (party != NULL && swing_from != NULL && party != swing_from &&
              isfinite (value = tally_council_result_get_swing (result, swing_from, party, TALLY_VOTE_METHOD_TOTAL)))
            area->figure = g_strdup_printf (_("Swing %.1f pts to %s"), fabs (value),
                                            tally_party_get_short_name (value >= 0 ? party : swing_from));
          break;
        default:
          g_assert_not_reached ();
        }

      if (isfinite (value))
        {
          Measured m = { area, value };

          g_array_append_val (measured, m);
        }
    }

  if (measured->len > 0)
    {
      data->key_is_scale = TRUE;
      switch (colour_by)
        {
        case TALLY_MAP_COLOUR_SHARE:
          classify_shares (&builder, measured, party);
          break;
        case TALLY_MAP_COLOUR_SHARE_CHANGE:
          {
            TallyChartRgb loss;
            g_autofree char *up = g_strdup_printf (_("up"));
            g_autofree char *down = g_strdup_printf (_("down"));

            tally_chart_rgb_parse (LOSS_COLOUR, &loss);
            classify_diverging (&builder, measured, loss, party_rgb (&builder, party), down, up);
          }
          break;
        case TALLY_MAP_COLOUR_SWING:
          {
            g_autofree char *to_a = g_strdup_printf (_("to %s"), tally_party_get_short_name (swing_from));
            g_autofree char *to_b = g_strdup_printf (_("to %s"), tally_party_get_short_name (party));

            classify_diverging (&builder, measured, party_rgb (&builder, swing_from), party_rgb (&builder, party),
                                to_a, to_b);
          }
          break;
        default:
          break;
        }
    }

  finish_categories (&builder);
  return data;
}
