/* bench-import.c: how fast a large Tally CSV goes into the full schema.
 *
 *   meson test -C _build --benchmark --suite import -v
 *   bench-import [ROWS]
 *
 * Generates a candidate file (50 elections × every council × 10 wards × 6
 * candidates, about a million rows, unless ROWS says otherwise) in a
 * temporary folder, imports it three times into a new database started from
 * the bundled one, imports it once more into the last (every contest
 * replaced), and times sqlite3's own `.import` of the same file into a flat
 * table for comparison, also three times.  Machines running other work make
 * single timings noisy: the best of three is the figure, CPU time is shown
 * beside it.  The budget is 300,000 candidate rows a second; the exit status
 * says whether the best new-database import met it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gstdio.h>
#include <stdlib.h>
#include <sys/resource.h>

#include "tally-database-private.h"
#include "tally-import.h"
#include "tally-test-util.h"

#define BUDGET_ROWS_PER_SECOND 300000.0

static const char * const parties[] = {
  "Conservative and Unionist Party", "Labour Party", "Liberal Democrats", "Green Party",
  "UK Independence Party (UKIP)", "Independent", "Labour and Co-operative Party",
  "Residents for Somewhere", "Trade Unionist and Socialist Coalition",
};

static GPtrArray *
read_council_codes (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TallyDatabase) database = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  GPtrArray *codes = g_ptr_array_new_with_free_func (g_free);

  database = tally_database_open (tally_test_bundled_database (), TALLY_DATABASE_OPEN_READ_ONLY, &error);
  g_assert_no_error (error);
  stmt = _tally_database_prepare (database, "SELECT code FROM councils ORDER BY code", &error);
  g_assert_no_error (error);

  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_ptr_array_add (codes, g_strdup ((const char *) sqlite3_column_text (stmt, 0)));

  return codes;
}

static guint
write_file (const char *path,
            guint       max_rows)
{
  g_autoptr(GPtrArray) codes = read_council_codes ();
  g_autoptr(GString) text = g_string_sized_new (max_rows * 110);
  g_autoptr(GRand) rand = g_rand_new_with_seed (2018);
  g_autoptr(GError) error = NULL;
  guint rows = 0;

  g_string_append (text, "election_date,council_code,ward_name,ward_code,candidate,party,votes,elected\n");

  for (guint cycle = 0; cycle < 50 && rows < max_rows; cycle++)
    for (guint council = 0; council < codes->len && rows < max_rows; council++)
      for (guint ward = 0; ward < 10 && rows < max_rows; ward++)
        {
          guint winner = g_rand_int_range (rand, 0, 6);

          for (guint candidate = 0; candidate < 6 && rows < max_rows; candidate++, rows++)
            g_string_append_printf (text, "%u-05-%02u,%s,Ward %u,,\"Candidate %u-%u, %u\",%s,%u,%d\n",
                                    1969 + cycle, 1 + cycle % 28, (const char *) codes->pdata[council],
                                    ward, ward, candidate, cycle,
                                    parties[(candidate + ward + council) % G_N_ELEMENTS (parties)],
                                    g_rand_int_range (rand, 10, 4000), candidate == winner);
        }

  g_file_set_contents (path, text->str, text->len, &error);
  g_assert_no_error (error);

  return rows;
}

static double
cpu_seconds (void)
{
  struct rusage usage;

  getrusage (RUSAGE_SELF, &usage);
  return usage.ru_utime.tv_sec + usage.ru_utime.tv_usec / 1e6 +
         usage.ru_stime.tv_sec + usage.ru_stime.tv_usec / 1e6;
}

static double
time_import (const char          *database_path,
             GFile               *file,
             double              *cpu,
             TallyImportSummary **summary_out)
{
  g_autoptr(TallyImporter) importer = tally_importer_new (database_path);
  g_autoptr(GError) error = NULL;
  TallyImportSummary *summary;
  double cpu_start = cpu_seconds ();
  gint64 start;

  tally_importer_add_file (importer, file);
  start = g_get_monotonic_time ();
  summary = tally_importer_run (importer, NULL, &error);
  g_assert_no_error (error);

  *cpu = cpu_seconds () - cpu_start;
  *summary_out = summary;
  return (g_get_monotonic_time () - start) / 1e6;
}

static double
time_sqlite3_import (const char *sqlite3,
                     const char *directory,
                     const char *csv_path)
{
  g_autofree char *database = g_build_filename (directory, "flat.db", NULL);
  g_autofree char *command = g_strdup_printf (".import --csv '%s' flat", csv_path);
  g_autoptr(GError) error = NULL;
  const char *argv[] = { sqlite3, database, command, NULL };
  int wait_status;
  gint64 start;

  g_unlink (database);
  start = g_get_monotonic_time ();
  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, NULL, NULL,
                &wait_status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (wait_status, NULL));

  return (g_get_monotonic_time () - start) / 1e6;
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *directory = tally_test_make_temp_dir ();
  g_autofree char *csv_path = g_build_filename (directory, "bench.csv", NULL);
  g_autofree char *sqlite3 = g_find_program_in_path ("sqlite3");
  g_autoptr(TallyImportSummary) again = NULL;
  g_autoptr(GFile) file = NULL;
  g_autofree char *database_path = NULL;
  guint max_rows = argc > 1 ? (guint) g_ascii_strtoull (argv[1], NULL, 10) : G_MAXUINT;
  double best = G_MAXDOUBLE, best_cpu = 0.0, seconds_again, cpu_again;
  GStatBuf status;
  guint rows;

  rows = write_file (csv_path, max_rows);
  file = g_file_new_for_path (csv_path);
  g_stat (csv_path, &status);

  g_print ("Generated %u candidate rows (%.1f MB) in %s\n", rows, status.st_size / 1e6, directory);

  for (guint run = 0; run < 3; run++)
    {
      g_autoptr(TallyImportSummary) summary = NULL;
      double cpu;
      double seconds;

      g_free (database_path);
      database_path = g_strdup_printf ("%s/tally-%u.db", directory, run);
      seconds = time_import (database_path, file, &cpu, &summary);
      g_assert_cmpuint (summary->candidates, ==, rows);

      g_print ("tally import, new database:    %7.3f s (cpu %.3f s)  %9.0f rows/s  "
               "(%u contests, %u wards added)\n",
               seconds, cpu, rows / seconds, summary->contests, summary->wards_added);
      if (seconds < best)
        {
          best = seconds;
          best_cpu = cpu;
        }
    }

  seconds_again = time_import (database_path, file, &cpu_again, &again);
  g_assert_cmpuint (again->candidates, ==, rows);
  g_print ("tally import, same file again: %7.3f s (cpu %.3f s)  %9.0f rows/s  (every contest replaced)\n",
           seconds_again, cpu_again, rows / seconds_again);

  if (sqlite3 != NULL)
    {
      double best_flat = G_MAXDOUBLE;

      for (guint run = 0; run < 3; run++)
        {
          double flat = time_sqlite3_import (sqlite3, directory, csv_path);

          g_print ("sqlite3 .import, flat table:   %7.3f s                %9.0f rows/s\n", flat, rows / flat);
          best_flat = MIN (best_flat, flat);
        }
      g_print ("Best of three: tally %.0f rows/s (cpu %.3f s), sqlite3 .import %.0f rows/s\n",
               rows / best, best_cpu, rows / best_flat);
    }
  else
    g_print ("Best of three: tally %.0f rows/s (cpu %.3f s); no sqlite3 program to compare with\n",
             rows / best, best_cpu);

  g_print ("Budget %.0f rows/s: %s\n", BUDGET_ROWS_PER_SECOND,
           rows / best >= BUDGET_ROWS_PER_SECOND ? "met" : "NOT MET");

  tally_test_remove_dir (directory);
  return rows / best >= BUDGET_ROWS_PER_SECOND ? EXIT_SUCCESS : EXIT_FAILURE;
}
