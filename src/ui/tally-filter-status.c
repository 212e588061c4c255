/* tally-filter-status.c: why the list is empty, and one click to undo it.
 *
 * When the filter's choices together leave no council, the list shows a
 * status page naming each section with a choice made (region, council
 * type, party, outcome, council, search) and a button per section that
 * clears it, saying how many councils that would bring back; so the user
 * sees which choice hides everything rather than an empty table.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "tally-catalog.h"
#include "tally-council.h"
#include "tally-filter.h"
#include "tally-filter-status.h"
#include "tally-party.h"
#include "tally-results.h"

typedef enum
{
  SECTION_REGION,
  SECTION_TYPE,
  SECTION_PARTY,
  SECTION_OUTCOME,
  SECTION_COUNCIL,
  SECTION_SEARCH,
  N_SECTIONS
} Section;

static void
clear_section (TallyFilter *filter,
               Section      section)
{
  switch (section)
    {
    case SECTION_REGION:
      tally_filter_set_regions (filter, NULL);
      break;
    case SECTION_TYPE:
      tally_filter_set_council_types (filter, NULL);
      break;
    case SECTION_PARTY:
      tally_filter_set_parties (filter, NULL);
      break;
    case SECTION_OUTCOME:
      tally_filter_set_outcomes (filter, TALLY_OUTCOME_FLAG_NONE);
      break;
    case SECTION_COUNCIL:
      tally_filter_set_councils (filter, NULL);
      break;
    case SECTION_SEARCH:
      tally_filter_set_search_text (filter, NULL);
      break;
    case N_SECTIONS:
    default:
      g_assert_not_reached ();
    }
}

/* "London or North West": what one section holds, or NULL when nothing;
 * @n_choices says how many choices that is. */
static char *
describe_section (TallyResults *results,
                  Section       section,
                  guint        *n_choices)
{
  TallyFilter *filter = tally_results_get_filter (results);
  TallyCatalog *catalog = tally_results_get_catalog (results);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char * const *values = NULL;
  TallyOutcomeFlags outcomes;

  switch (section)
    {
    case SECTION_REGION:
      values = tally_filter_get_regions (filter);
      for (guint i = 0; values[i] != NULL; i++)
        g_ptr_array_add (names, g_strdup (values[i]));
      break;

    case SECTION_TYPE:
      values = tally_filter_get_council_types (filter);
      for (guint i = 0; values[i] != NULL; i++)
        {
          TallyCouncilType type;

          g_ptr_array_add (names, g_strdup (tally_council_type_from_string (values[i], &type)
                                            ? tally_council_type_get_label (type) : values[i]));
        }
      break;

    case SECTION_PARTY:
      values = tally_filter_get_parties (filter);
      for (guint i = 0; values[i] != NULL; i++)
        {
          TallyParty *party = tally_catalog_lookup_party (catalog, values[i]);

          g_ptr_array_add (names, g_strdup (party ? tally_party_get_full_name (party) : values[i]));
        }
      break;

    case SECTION_OUTCOME:
      outcomes = tally_filter_get_outcomes (filter);
      if (outcomes & TALLY_OUTCOME_FLAG_GAIN)
        g_ptr_array_add (names, g_strdup (_("Gained")));
      if (outcomes & TALLY_OUTCOME_FLAG_LOSS)
        g_ptr_array_add (names, g_strdup (_("Lost")));
      if (outcomes & TALLY_OUTCOME_FLAG_HOLD)
        g_ptr_array_add (names, g_strdup (_("Held")));
      if (outcomes & TALLY_OUTCOME_FLAG_NOC_HOLD)
        g_ptr_array_add (names, g_strdup (_("No overall control, before and after")));
      break;

    case SECTION_COUNCIL:
      values = tally_filter_get_councils (filter);
      for (guint i = 0; values[i] != NULL; i++)
        {
          TallyCouncil *council = tally_catalog_lookup_council (catalog, values[i]);

          g_ptr_array_add (names, g_strdup (council ? tally_council_get_name (council) : values[i]));
        }
      break;

    case SECTION_SEARCH:
      if (tally_filter_get_search_text (filter) != NULL && *tally_filter_get_search_text (filter) != '\0')
        g_ptr_array_add (names, g_strdup_printf ("“%s”", tally_filter_get_search_text (filter)));
      break;

    case N_SECTIONS:
    default:
      g_assert_not_reached ();
    }

  *n_choices = names->len;
  if (names->len == 0)
    return NULL;

  g_ptr_array_add (names, NULL);
  /* Translators: choices within one section of the filter, any of which a council may match */
  return g_strjoinv (_(" or "), (char **) names->pdata);
}

static const char *
section_title (Section section)
{
  switch (section)
    {
    case SECTION_REGION:
      return _("Region");
    case SECTION_TYPE:
      return _("Council type");
    case SECTION_PARTY:
      return _("Party");
    case SECTION_OUTCOME:
      return _("Outcome");
    case SECTION_COUNCIL:
      return _("Council");
    case SECTION_SEARCH:
      return _("Search");
    case N_SECTIONS:
    default:
      g_assert_not_reached ();
    }
}

static void
clear_clicked_cb (GtkButton    *button,
                  TallyResults *results)
{
  Section section = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (button), "tally-section"));

  clear_section (tally_results_get_filter (results), section);
}

/**
 * tally_filter_status_update:
 * @page: the list's status page for an empty result
 * @results: the engine whose filter leaves nothing
 *
 * Says which choices leave no council, with a button to clear each.
 */
void
tally_filter_status_update (AdwStatusPage *page,
                            TallyResults  *results)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  g_autoptr(GString) lines = g_string_new (NULL);
  g_autofree char *description = NULL;
  TallyFilter *filter = tally_results_get_filter (results);
  guint n_sections = 0, n_choices = 0;

  gtk_widget_set_halign (box, GTK_ALIGN_CENTER);

  for (Section section = 0; section < N_SECTIONS; section++)
    {
      guint n_here;
      g_autofree char *what = describe_section (results, section, &n_here);
      g_autoptr(TallyFilter) without = NULL;
      g_autofree char *label = NULL;
      GtkWidget *button;
      guint count;

      if (what == NULL)
        continue;
      n_choices = n_here;

      without = tally_filter_copy (filter);
      clear_section (without, section);
      count = tally_results_count_matching (results, without);
      n_sections++;

      {
        g_autofree char *escaped = g_markup_escape_text (what, -1);

        g_string_append_printf (lines, "\n%s: %s", section_title (section), escaped);
      }

      /* Translators: a button under an empty list: "Clear Party (3 councils)" */
      label = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Clear %s (%u council)", "Clear %s (%u councils)", count),
                               section_title (section), count);
      button = gtk_button_new_with_label (label);
      gtk_widget_add_css_class (button, "pill");
      g_object_set_data (G_OBJECT (button), "tally-section", GINT_TO_POINTER (section));
      g_signal_connect_object (button, "clicked", G_CALLBACK (clear_clicked_cb), results, 0);
      gtk_box_append (GTK_BOX (box), button);
    }

  /* A council must match every section, and any one choice within a
   * section: one choice hides everything by itself, or one section's
   * choices between them, or several sections only together. */
  description = g_strconcat (n_sections > 1  ? _("No council matches all of these together:")
                             : n_choices > 1 ? _("No council matches any of these choices:")
                                             : _("No council matches this choice:"),
                             lines->str, NULL);
  adw_status_page_set_description (page, description);
  adw_status_page_set_child (page, box);
}
