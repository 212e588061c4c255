/* tally-cli-summary-live.c: what `tally summary` says of a night still being declared.
 *
 *   tally summary --as-at 02:00            the night as it stood at 02:00
 *   tally summary --councils               ... and the calls, council by council
 *
 * A database counts as a night being followed when it lists the contests it
 * will declare or keeps declaration times (schema 3): then the state of the
 * parties starts with where the night stands ("Live · 40 of 150 councils
 * declared · latest 02:14 Worcester"), and the table of councils ends with
 * each call the arithmetic allows, as a results service words it.  A
 * complete election imported the morning after prints as it always did.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "tally-catalog.h"
#include "tally-council.h"
#include "tally-council-result.h"
#include "tally-database.h"
#include "tally-election.h"
#include "tally-live-night.h"
#include "tally-live-query.h"
#include "tally-live-snapshot.h"
#include "tally-cli-private.h"

/**
 * tally_cli_summary_snapshot:
 * @path: the database asked for
 * @as_at_text: the moment, as the user gave it ("02:00", ISO 8601)
 * @as_at: (out): the moment read
 *
 * Returns: (transfer full) (nullable): the path of a snapshot of @path as at
 *   that moment, or %NULL with @error set
 */
char *
tally_cli_summary_snapshot (const char  *path,
                            const char  *as_at_text,
                            GDateTime  **as_at,
                            GError     **error)
{
  g_autoptr(TallyDatabase) database = NULL;
  g_autoptr(TallyCatalog) catalog = NULL;

  /* A bare "02:00" is the morning after the newest polling day. */
  if (!(database = tally_database_open (path, TALLY_DATABASE_OPEN_READ_ONLY, error)) ||
      !(catalog = tally_catalog_new (database, error)) ||
      !(*as_at = tally_live_parse_time (as_at_text, tally_catalog_get_latest_election (catalog), error)))
    return NULL;

  return tally_live_snapshot_new (path, *as_at, error);
}

/**
 * tally_cli_summary_open_night:
 * @as_at: (nullable): the moment a snapshot shows, for the header line
 *
 * Returns: (transfer full) (nullable): @election's night, or %NULL when the
 *   database is not a night being followed
 */
TallyLiveNight *
tally_cli_summary_open_night (TallyCatalog  *catalog,
                              TallyElection *election,
                              GDateTime     *as_at)
{
  g_autoptr(TallyLiveNight) night = NULL;

  /* A morning-after file, or a night with no baseline to call against:
   * the summary prints as it always did. */
  if (election == NULL || tally_election_get_baseline (election) == NULL ||
      !tally_live_catalog_records_night (catalog) ||
      !(night = tally_live_night_new (catalog, election, NULL)))
    return NULL;

  if (as_at != NULL)
    tally_live_night_set_as_at (night, as_at);
  return g_steal_pointer (&night);
}

/**
 * tally_cli_summary_print_calls:
 * @councils: (element-type TallyCouncilResult): the councils in scope
 *
 * Prints each call the arithmetic allows for the councils in scope, and
 * says which councils are still counting without one.
 */
void
tally_cli_summary_print_calls (TallyLiveNight *night,
                               GListModel     *councils)
{
  g_autoptr(GPtrArray) waiting = g_ptr_array_new_with_free_func (g_free);
  guint not_declared = 0;
  gboolean heading = FALSE;

  for (guint i = 0; i < g_list_model_get_n_items (councils); i++)
    {
      g_autoptr(TallyCouncilResult) result = g_list_model_get_item (councils, i);
      TallyCouncil *council = tally_council_result_get_council (result);
      TallyLiveCouncil *live = tally_live_night_lookup (night, council);
      g_auto(GStrv) calls = NULL;

      if (live == NULL)
        continue;

      if (tally_live_council_get_state (live) == TALLY_LIVE_NOT_DECLARED)
        {
          not_declared++;
          continue;
        }

      calls = tally_live_council_describe_calls (live);
      if (calls[0] == NULL)
        {
          g_autofree char *progress = tally_live_council_describe_progress (live);

          /* Translators: "Trafford: 5 of 21 wards declared" */
          g_ptr_array_add (waiting, g_strdup_printf (_("%s: %s"), tally_council_get_name (council), progress));
          continue;
        }

      if (!heading)
        g_print ("\n%s\n", _("Calls"));
      heading = TRUE;
      for (guint j = 0; calls[j] != NULL; j++)
        g_print ("  %s\n", calls[j]);
    }

  if (waiting->len > 0)
    {
      g_print ("\n%s\n", _("Counting, no call yet"));
      for (guint i = 0; i < waiting->len; i++)
        g_print ("  %s\n", (const char *) g_ptr_array_index (waiting, i));
    }

  if (not_declared > 0)
    g_print (g_dngettext (GETTEXT_PACKAGE, "\n%u council not yet declared\n", "\n%u councils not yet declared\n",
                          not_declared),
             not_declared);
}
