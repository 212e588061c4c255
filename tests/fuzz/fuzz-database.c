/* fuzz-database.c: a database file from elsewhere.
 *
 * Each input is written as a file and read the way `tally info` and
 * `tally summary` read one: opened (the checks of tally-database.c), its
 * catalog loaded, every election's results loaded, and the results engine's
 * summary of everything computed.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "fuzz-common.h"
#include "tally-catalog.h"
#include "tally-database.h"
#include "tally-election.h"
#include "tally-filter.h"
#include "tally-results.h"
#include "tally-scope-summary.h"

static char *input_path;

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  g_autofree char *dir = fuzz_make_dir ();

  fuzz_init_glib ();
  input_path = g_build_filename (dir, "input.db", NULL);
  return 0;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(TallyDatabase) database = NULL;
  g_autoptr(TallyCatalog) catalog = NULL;
  g_autoptr(TallyResults) results = NULL;
  g_autoptr(GError) error = NULL;
  GListModel *elections;

  if (!g_file_set_contents (input_path, (const char *) data, size, NULL))
    g_error ("fuzz: cannot write %s", input_path);

  if (!(database = tally_database_open (input_path, TALLY_DATABASE_OPEN_READ_ONLY, &error)) ||
      !(catalog = tally_catalog_new (database, &error)))
    {
      fuzz_report (error);
      return 0;
    }

  elections = tally_catalog_get_elections (catalog);
  for (guint i = 0; i < g_list_model_get_n_items (elections); i++)
    {
      g_autoptr(TallyElection) election = g_list_model_get_item (elections, i);
      g_autoptr(GListModel) loaded = tally_catalog_load_results (catalog, election, NULL);
    }

  if ((results = tally_results_new (catalog, &error)) != NULL)
    {
      g_autoptr(TallyFilter) filter = tally_filter_new ();
      g_autoptr(TallyScopeSummary) summary = tally_results_summarize (results, filter);

      /* Every election is read when it is asked about: ask about each. */
      for (guint i = 0; i < g_list_model_get_n_items (elections); i++)
        {
          g_autoptr(TallyElection) election = g_list_model_get_item (elections, i);
          g_autoptr(TallyScopeSummary) other = NULL;
          g_autoptr(GError) other_error = NULL;

          tally_filter_set_election (filter, election);
          if (tally_results_prepare (results, filter, &other_error))
            other = tally_results_summarize (results, filter);
          fuzz_report (other_error);
        }
    }
  fuzz_report (error);

  return 0;
}
