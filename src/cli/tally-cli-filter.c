/* tally-cli-filter.c: the filter options of `tally summary` and `tally export`.
 *
 * One parser for both commands, so that --region London means the same
 * councils in each, and the same as the region chosen in the window's
 * filter panel: every option sets the TallyFilter setter the panel calls.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "tally-catalog.h"
#include "tally-council.h"
#include "tally-election.h"
#include "tally-party.h"
#include "tally-cli-filter.h"

/* Splits repeated and comma-separated values into one list. */
static char **
split_values (char **values)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  for (guint i = 0; values != NULL && values[i] != NULL; i++)
    {
      g_auto(GStrv) parts = g_strsplit (values[i], ",", -1);

      for (guint j = 0; parts[j] != NULL; j++)
        {
          g_strstrip (parts[j]);
          if (parts[j][0] != '\0')
            g_strv_builder_add (builder, parts[j]);
        }
    }

  return g_strv_builder_end (builder);
}

static void
usage_error (GError     **error,
             const char  *format,
             ...) G_GNUC_PRINTF (2, 3);

static void
usage_error (GError     **error,
             const char  *format,
             ...)
{
  va_list args;

  va_start (args, format);
  *error = g_error_new_valist (G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE, format, args);
  va_end (args);
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return g_utf8_collate (*(const char * const *) a, *(const char * const *) b);
}

static gboolean
set_regions (TallyFilter   *filter,
             TallyCatalog  *catalog,
             char         **values,
             GError       **error)
{
  g_auto(GStrv) wanted = split_values (values);
  g_autoptr(GPtrArray) regions = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GStrvBuilder) chosen = g_strv_builder_new ();
  g_auto(GStrv) chosen_strv = NULL;
  GListModel *councils = tally_catalog_get_councils (catalog);

  for (guint i = 0; i < g_list_model_get_n_items (councils); i++)
    {
      g_autoptr(TallyCouncil) council = g_list_model_get_item (councils, i);
      const char *region = tally_council_get_region (council);

      if (!g_ptr_array_find_with_equal_func (regions, region, g_str_equal, NULL))
        g_ptr_array_add (regions, g_strdup (region));
    }

  g_ptr_array_sort (regions, compare_strings);
  for (guint i = 0; wanted[i] != NULL; i++)
    {
      const char *match = NULL;

      for (guint j = 0; j < regions->len && match == NULL; j++)
        if (g_ascii_strcasecmp (wanted[i], g_ptr_array_index (regions, j)) == 0)
          match = g_ptr_array_index (regions, j);

      if (match == NULL)
        {
          g_autofree char *known = NULL;

          g_ptr_array_add (regions, NULL);
          known = g_strjoinv (", ", (char **) regions->pdata);
          usage_error (error, _("unknown region “%s” (regions: %s)"), wanted[i], known);
          return FALSE;
        }
      g_strv_builder_add (chosen, match);
    }

  chosen_strv = g_strv_builder_end (chosen);
  tally_filter_set_regions (filter, (const char * const *) chosen_strv);
  return TRUE;
}

static gboolean
set_types (TallyFilter  *filter,
           char        **values,
           GError      **error)
{
  g_auto(GStrv) wanted = split_values (values);

  for (guint i = 0; wanted[i] != NULL; i++)
    {
      TallyCouncilType type;

      if (!tally_council_type_from_string (wanted[i], &type))
        {
          usage_error (error, _("unknown council type “%s” (types: london_borough, "
                                "metropolitan_borough, unitary, district)"), wanted[i]);
          return FALSE;
        }
    }

  tally_filter_set_council_types (filter, (const char * const *) wanted);
  return TRUE;
}

/**
 * tally_cli_lookup_party:
 * @key: a party key in any case: "lab", "LD"
 *
 * Returns: (transfer none) (nullable): the party
 */
TallyParty *
tally_cli_lookup_party (TallyCatalog *catalog,
                        const char   *key)
{
  g_autofree char *upper = g_ascii_strup (key, -1);

  return tally_catalog_lookup_party (catalog, upper);
}

static char *
list_party_keys (TallyCatalog *catalog)
{
  GListModel *parties = tally_catalog_get_parties (catalog);
  GString *keys = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (parties); i++)
    {
      g_autoptr(TallyParty) party = g_list_model_get_item (parties, i);

      g_string_append_printf (keys, "%s%s", i > 0 ? ", " : "", tally_party_get_key (party));
    }

  return g_string_free (keys, FALSE);
}

static gboolean
set_parties (TallyFilter   *filter,
             TallyCatalog  *catalog,
             char         **values,
             GError       **error)
{
  g_auto(GStrv) wanted = split_values (values);

  for (guint i = 0; wanted[i] != NULL; i++)
    {
      TallyParty *party = tally_cli_lookup_party (catalog, wanted[i]);
      g_autofree char *known = NULL;

      if (party != NULL)
        {
          g_free (wanted[i]);
          wanted[i] = g_strdup (tally_party_get_key (party));
          continue;
        }

      known = list_party_keys (catalog);
      usage_error (error, _("unknown party “%s” (parties: %s)"), wanted[i], known);
      return FALSE;
    }

  tally_filter_set_parties (filter, (const char * const *) wanted);
  return TRUE;
}

/* A council by ONS code, by its name, or by enough of it to be one council
 * ("Richmond"); otherwise the near names, so the user can choose. */
static gboolean
set_councils (TallyFilter   *filter,
              TallyCatalog  *catalog,
              char         **values,
              GError       **error)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) codes = NULL;

  /* Names may hold commas ("Kingston upon Hull, City of"): not split. */
  for (guint i = 0; values != NULL && values[i] != NULL; i++)
    {
      g_autoptr(GError) local_error = NULL;
      TallyCouncil *found = tally_catalog_find_council (catalog, values[i], &local_error);

      if (found == NULL)
        {
          usage_error (error, "%s", local_error->message);
          return FALSE;
        }
      g_strv_builder_add (builder, tally_council_get_code (found));
    }

  codes = g_strv_builder_end (builder);
  tally_filter_set_councils (filter, (const char * const *) codes);
  return TRUE;
}

static gboolean
set_outcomes (TallyFilter  *filter,
              char        **values,
              GError      **error)
{
  static const struct
  {
    const char        *name;
    TallyOutcomeFlags  flags;
  } names[] = {
    { "gain", TALLY_OUTCOME_FLAG_GAIN },
    { "loss", TALLY_OUTCOME_FLAG_LOSS },
    { "hold", TALLY_OUTCOME_FLAG_HOLD },
    { "noc-hold", TALLY_OUTCOME_FLAG_NOC_HOLD },
    { "changed", TALLY_OUTCOME_FLAGS_CHANGED },
    { "unchanged", TALLY_OUTCOME_FLAGS_UNCHANGED },
  };
  g_auto(GStrv) wanted = split_values (values);
  TallyOutcomeFlags flags = TALLY_OUTCOME_FLAG_NONE;

  for (guint i = 0; wanted[i] != NULL; i++)
    {
      gboolean known = FALSE;

      for (guint j = 0; j < G_N_ELEMENTS (names); j++)
        if (g_ascii_strcasecmp (wanted[i], names[j].name) == 0)
          {
            flags |= names[j].flags;
            known = TRUE;
          }

      if (!known)
        {
          usage_error (error, _("unknown outcome “%s” (outcomes: gain, loss, hold, noc-hold, "
                                "changed, unchanged)"), wanted[i]);
          return FALSE;
        }
    }

  tally_filter_set_outcomes (filter, flags);
  return TRUE;
}

static gboolean
set_elections (TallyFilter            *filter,
               TallyCatalog           *catalog,
               TallyCliFilterOptions  *options,
               GError                **error)
{
  const char *dates[] = { options->election, options->baseline };

  for (guint i = 0; i < G_N_ELEMENTS (dates); i++)
    {
      TallyElection *election;

      if (dates[i] == NULL)
        continue;

      if ((election = tally_catalog_lookup_election (catalog, dates[i])) == NULL)
        {
          usage_error (error, _("no election on “%s” in this database (give its date, YYYY-MM-DD)"), dates[i]);
          return FALSE;
        }

      if (i == 0)
        tally_filter_set_election (filter, election);
      else
        tally_filter_set_baseline (filter, election);
    }

  return TRUE;
}

/* Option group */

static const GOptionEntry filter_entries[] = {
  { "election", 'e', 0, G_OPTION_ARG_STRING, NULL,
    N_("The election, by its date (default: the latest)"), N_("DATE") },
  { "baseline", 'b', 0, G_OPTION_ARG_STRING, NULL,
    N_("Compare with this election (default: the election’s own baseline)"), N_("DATE") },
  { "region", 'r', 0, G_OPTION_ARG_STRING_ARRAY, NULL,
    N_("Councils in these regions (\"London\", \"North West\")"), N_("REGION") },
  { "type", 't', 0, G_OPTION_ARG_STRING_ARRAY, NULL,
    N_("Councils of these types (london_borough, metropolitan_borough, unitary, district)"), N_("TYPE") },
  { "party", 'p', 0, G_OPTION_ARG_STRING_ARRAY, NULL,
    N_("Councils these parties controlled before or after (CON, LAB, LD, …); with --outcome, their outcomes"),
    N_("KEY") },
  { "council", 'c', 0, G_OPTION_ARG_STRING_ARRAY, NULL,
    N_("Only these councils, by ONS code or name"), N_("COUNCIL") },
  { "outcome", 'o', 0, G_OPTION_ARG_STRING_ARRAY, NULL,
    N_("Councils with these outcomes (gain, loss, hold, noc-hold, changed, unchanged)"), N_("OUTCOME") },
  { "search", 's', 0, G_OPTION_ARG_STRING, NULL,
    N_("Councils whose name or code contains TEXT"), N_("TEXT") },
  { "basis", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("What change is measured against: services (default: as the results services count it, councils "
       "against the eve of the poll and seats against the previous comparable election), election (councils "
       "against the control the council's last election produced) or eve (seats too against the eve of the "
       "poll)"),
    N_("BASIS") },
};

void
tally_cli_filter_options_clear (TallyCliFilterOptions *options)
{
  g_clear_pointer (&options->regions, g_strfreev);
  g_clear_pointer (&options->types, g_strfreev);
  g_clear_pointer (&options->parties, g_strfreev);
  g_clear_pointer (&options->councils, g_strfreev);
  g_clear_pointer (&options->outcomes, g_strfreev);
  g_clear_pointer (&options->search, g_free);
  g_clear_pointer (&options->election, g_free);
  g_clear_pointer (&options->baseline, g_free);
  g_clear_pointer (&options->basis, g_free);
}

/**
 * tally_cli_filter_options_get_group:
 * @taken_short_names: (nullable): short option letters the command uses
 *   for something else ("o" for `tally export -o FILE`): those filter
 *   options keep only their long names
 *
 * Returns: (transfer full): the filter options, to make the main group of
 *   a command's #GOptionContext, so that they need no prefix
 */
GOptionGroup *
tally_cli_filter_options_get_group (TallyCliFilterOptions *options,
                                    const char            *taken_short_names)
{
  GOptionEntry entries[G_N_ELEMENTS (filter_entries) + 1] = { { NULL } };
  gpointer targets[] = {
    &options->election, &options->baseline, &options->regions, &options->types,
    &options->parties, &options->councils, &options->outcomes, &options->search,
    &options->basis,
  };
  GOptionGroup *group;

  G_STATIC_ASSERT (G_N_ELEMENTS (targets) == G_N_ELEMENTS (filter_entries));

  for (guint i = 0; i < G_N_ELEMENTS (filter_entries); i++)
    {
      entries[i] = filter_entries[i];
      entries[i].arg_data = targets[i];
      if (taken_short_names != NULL && entries[i].short_name != 0 &&
          strchr (taken_short_names, entries[i].short_name) != NULL)
        entries[i].short_name = 0;
    }

  group = g_option_group_new ("filter", _("Filter options"), _("Show the filter options"), NULL, NULL);
  g_option_group_set_translation_domain (group, GETTEXT_PACKAGE);
  g_option_group_add_entries (group, entries);
  return group;
}

/**
 * tally_cli_filter_options_apply:
 *
 * Sets @filter as the window's filter panel would for the same choices.
 *
 * Returns: %FALSE with @error (in %G_OPTION_ERROR) naming the bad value
 *   and the values allowed
 */
gboolean
tally_cli_filter_options_apply (TallyCliFilterOptions  *options,
                                TallyCatalog           *catalog,
                                TallyFilter            *filter,
                                GError                **error)
{
  g_return_val_if_fail (options != NULL, FALSE);
  g_return_val_if_fail (TALLY_IS_CATALOG (catalog), FALSE);
  g_return_val_if_fail (TALLY_IS_FILTER (filter), FALSE);

  if (!set_elections (filter, catalog, options, error) ||
      !set_regions (filter, catalog, options->regions, error) ||
      !set_types (filter, options->types, error) ||
      !set_parties (filter, catalog, options->parties, error) ||
      !set_councils (filter, catalog, options->councils, error) ||
      !set_outcomes (filter, options->outcomes, error))
    return FALSE;

  if (options->basis != NULL)
    {
      TallyBasis basis;

      if (!tally_basis_from_string (options->basis, &basis))
        {
          usage_error (error, _("unknown basis “%s” (bases: services, election, eve)"), options->basis);
          return FALSE;
        }
      tally_filter_set_basis (filter, basis);
    }

  tally_filter_set_search_text (filter, options->search);
  return TRUE;
}

/**
 * tally_cli_filter_options_describe:
 *
 * Returns: (transfer full): the councils the options choose, as a chart
 *   names its scope: "London", "Trafford and Wigan", "All councils"
 */
char *
tally_cli_filter_options_describe (TallyCliFilterOptions *options,
                                   TallyCatalog          *catalog)
{
  g_auto(GStrv) regions = split_values (options->regions);
  g_auto(GStrv) types = split_values (options->types);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; options->councils != NULL && options->councils[i] != NULL; i++)
    {
      TallyCouncil *council = tally_catalog_find_council (catalog, options->councils[i], NULL);

      g_ptr_array_add (names, g_strdup (council ? tally_council_get_name (council) : options->councils[i]));
    }

  for (guint i = 0; names->len == 0 && regions[i] != NULL; i++)
    g_ptr_array_add (names, g_strdup (regions[i]));

  for (guint i = 0; names->len == 0 && types[i] != NULL; i++)
    {
      TallyCouncilType type;

      if (tally_council_type_from_string (types[i], &type))
        g_ptr_array_add (names, g_strdup (tally_council_type_get_label (type)));
    }

  if (names->len == 0)
    {
      gboolean filtered = options->parties != NULL || options->outcomes != NULL ||
                          (options->search != NULL && *options->search != '\0');

      return g_strdup (filtered ? _("Councils in the filter") : _("All councils"));
    }

  if (names->len == 1)
    return g_strdup (g_ptr_array_index (names, 0));

  {
    g_autofree char *last = g_ptr_array_steal_index (names, names->len - 1);
    g_autofree char *rest = NULL;

    g_ptr_array_add (names, NULL);
    rest = g_strjoinv (", ", (char **) names->pdata);
    /* Translators: a list of councils or regions: "Trafford, Wigan and Bolton". */
    return g_strdup_printf (_("%s and %s"), rest, last);
  }
}

/**
 * tally_cli_parse_method_and_swing:
 * @method: (nullable): "total" or "top"; %NULL for total
 * @swing: (nullable): "FROM,TO" party keys; %NULL for CON,LAB
 *
 * Reads --method and --swing.  Without --swing, a database that has no
 * CON or LAB gives %NULL parties, not an error.
 */
gboolean
tally_cli_parse_method_and_swing (TallyCatalog     *catalog,
                                  const char       *method,
                                  const char       *swing,
                                  TallyVoteMethod  *vote_method,
                                  TallyParty      **swing_from,
                                  TallyParty      **swing_to,
                                  GError          **error)
{
  g_auto(GStrv) pair = NULL;

  if (method == NULL || g_str_equal (method, "total"))
    *vote_method = TALLY_VOTE_METHOD_TOTAL;
  else if (g_str_equal (method, "top"))
    *vote_method = TALLY_VOTE_METHOD_TOP;
  else
    {
      usage_error (error, _("unknown method “%s” (methods: total, top)"), method);
      return FALSE;
    }

  pair = g_strsplit (swing ? swing : "CON,LAB", ",", -1);
  if (g_strv_length (pair) != 2)
    {
      usage_error (error, _("--swing takes two party keys: FROM,TO"));
      return FALSE;
    }

  *swing_from = tally_cli_lookup_party (catalog, g_strstrip (pair[0]));
  *swing_to = tally_cli_lookup_party (catalog, g_strstrip (pair[1]));
  if ((*swing_from == NULL || *swing_to == NULL) && swing != NULL)
    {
      g_autofree char *known = list_party_keys (catalog);

      usage_error (error, _("unknown party in --swing “%s” (parties: %s)"), swing, known);
      return FALSE;
    }

  return TRUE;
}
