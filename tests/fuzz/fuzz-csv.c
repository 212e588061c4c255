/* fuzz-csv.c: the results importers, one target per CSV format.
 *
 * Built once per format (FUZZ_FORMAT names it): each input is a file read
 * by _tally_import_read_file(), the very code `tally import` runs, into a
 * copy of the bundled database, inside a transaction that is rolled back so
 * every input meets the same councils, parties and elections.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "fuzz-common.h"
#include "tally-database-private.h"
#include "tally-import-private.h"

/* LEAP files do not name their election: the target gives it, as --date would. */
#ifndef FUZZ_DATE
#define FUZZ_DATE NULL
#endif

static TallyDatabase *database;
static char *input_path;

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  g_autofree char *dir = fuzz_make_dir ();
  g_autofree char *db_path = fuzz_copy_bundled (dir);
  g_autoptr(GError) error = NULL;

  fuzz_init_glib ();
  input_path = g_build_filename (dir, "input.csv", NULL);
  if (!(database = tally_database_open (db_path, 0, &error)))
    g_error ("fuzz: %s", error->message);

  return 0;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(TallyImportSummary) summary = _tally_import_summary_new ();
  g_autoptr(TallyImportStore) store = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;

  if (!g_file_set_contents (input_path, (const char *) data, size, NULL))
    g_error ("fuzz: cannot write %s", input_path);

  file = g_file_new_for_path (input_path);
  if (!_tally_database_begin (database, &error))
    g_error ("fuzz: %s", error->message);

  if ((store = _tally_import_store_new (database, summary, &error)) != NULL &&
      _tally_import_read_file (store, summary, file, FUZZ_FORMAT, FUZZ_DATE, NULL, NULL, NULL, &error))
    _tally_import_store_finish (store, &error);

  fuzz_report (error);
  g_clear_pointer (&store, _tally_import_store_free);
  _tally_database_rollback (database);
  return 0;
}
