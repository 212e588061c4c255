/* bench-import.c: how fast a Tally CSV goes into the full schema, and in
 * how much memory, against sqlite3's own `.import` of the same file into one
 * flat table.
 *
 *   meson test -C _build --benchmark --suite import -v
 *   bench-import [--runs N] [--cycles 1,5,20,50]
 *
 * For each size (elections × every council × 10 wards × 6 candidates; 50
 * cycles are about a million rows) it writes a candidate file in a
 * temporary folder, then, interleaved, N times: sqlite3's `.import` into a
 * new flat table, `tally import` into a new database, and `tally import`
 * of the same file again into that database (every contest replaced).
 * All three are whole processes; time is wall time from fork to exit and
 * memory is each child's peak resident size (wait4).  Budgets (DESIGN.md),
 * each a ratio of medians measured here:
 *   - Tally's rows/s at least 1.0× sqlite3's, at every size (the curve);
 *   - replacing an election at least 0.8× the rate of a fresh import;
 *   - peak memory bounded by a constant: at every size within 1.2× of
 *     Tally's own at the smallest (the curve; sqlite3's peak is shown beside
 *     each size).
 * The exit status is non-zero when a budget is missed.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gstdio.h>
#include <stdio.h>
#include <stdlib.h>

#include "tally-bench.h"
#include "tally-database-private.h"
#include "tally-test-util.h"

static int   n_runs = 3;
static char *cycles_text = NULL;

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

/* Written a line at a time, so that this process's memory does not grow
 * with the file either. */
static guint
write_file (const char *path,
            GPtrArray  *codes,
            guint       cycles)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (2018);
  FILE *out = fopen (path, "w");
  guint rows = 0;

  g_assert_nonnull (out);
  fputs ("election_date,council_code,ward_name,ward_code,candidate,party,votes,elected\n", out);

  for (guint cycle = 0; cycle < cycles; cycle++)
    for (guint council = 0; council < codes->len; council++)
      for (guint ward = 0; ward < 10; ward++)
        {
          guint winner = g_rand_int_range (rand, 0, 6);

          for (guint candidate = 0; candidate < 6; candidate++, rows++)
            fprintf (out, "%u-05-%02u,%s,Ward %u,,\"Candidate %u-%u, %u\",%s,%u,%d\n",
                     1969 + cycle, 1 + cycle % 28, (const char *) codes->pdata[council],
                     ward, ward, candidate, cycle,
                     parties[(candidate + ward + council) % G_N_ELEMENTS (parties)],
                     g_rand_int_range (rand, 10, 4000), candidate == winner);
        }

  g_assert_cmpint (fclose (out), ==, 0);
  return rows;
}

static void
run_or_die (const char * const *argv,
            TallyBenchProcess  *process)
{
  g_autoptr(GError) error = NULL;

  if (!tally_bench_run (argv, NULL, process, &error))
    g_error ("bench-import: %s", error->message);
}

typedef struct
{
  guint          rows;
  TallyBenchStat flat_rate, fresh_rate, again_rate;
  TallyBenchStat flat_peak, fresh_peak, again_peak;
} SizeFigures;

static void
measure_size (const char  *directory,
              const char  *tally,
              const char  *sqlite3,
              GPtrArray   *codes,
              guint        cycles,
              SizeFigures *figures)
{
  g_autofree char *csv = g_build_filename (directory, "bench.csv", NULL);
  g_autofree char *flat_db = g_build_filename (directory, "flat.db", NULL);
  g_autofree char *tally_db = g_build_filename (directory, "tally.db", NULL);
  g_autofree char *command = g_strdup_printf (".import --csv '%s' flat", csv);
  g_autofree double *rate = g_new (double, 3 * n_runs), *peak = g_new (double, 3 * n_runs);

  figures->rows = write_file (csv, codes, cycles);

  for (int run = 0; run < n_runs; run++)
    {
      TallyBenchProcess process;
      g_autofree char *wal = g_strconcat (tally_db, "-wal", NULL);
      g_autofree char *shm = g_strconcat (tally_db, "-shm", NULL);

      g_unlink (flat_db);
      run_or_die ((const char *[]) { sqlite3, flat_db, command, NULL }, &process);
      rate[run] = figures->rows / process.seconds, peak[run] = process.peak_mib;
      tally_bench_process_clear (&process);

      g_unlink (tally_db), g_unlink (wal), g_unlink (shm);
      run_or_die ((const char *[]) { tally, "import", csv, "--database", tally_db, NULL }, &process);
      rate[n_runs + run] = figures->rows / process.seconds, peak[n_runs + run] = process.peak_mib;
      tally_bench_process_clear (&process);

      run_or_die ((const char *[]) { tally, "import", csv, "--database", tally_db, NULL }, &process);
      rate[2 * n_runs + run] = figures->rows / process.seconds, peak[2 * n_runs + run] = process.peak_mib;
      tally_bench_process_clear (&process);
    }

  tally_bench_stat (rate, n_runs, &figures->flat_rate);
  tally_bench_stat (rate + n_runs, n_runs, &figures->fresh_rate);
  tally_bench_stat (rate + 2 * n_runs, n_runs, &figures->again_rate);
  tally_bench_stat (peak, n_runs, &figures->flat_peak);
  tally_bench_stat (peak + n_runs, n_runs, &figures->fresh_peak);
  tally_bench_stat (peak + 2 * n_runs, n_runs, &figures->again_peak);
}

int
main (int   argc,
      char *argv[])
{
  const GOptionEntry entries[] = {
    { "runs", 0, 0, G_OPTION_ARG_INT, &n_runs, "Interleaved runs at each size", "N" },
    { "cycles", 0, 0, G_OPTION_ARG_STRING, &cycles_text, "Sizes, in election cycles", "1,5,20,50" },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) codes = NULL;
  g_autofree char *directory = NULL;
  g_autofree char *sqlite3 = g_find_program_in_path ("sqlite3");
  g_auto(GStrv) sizes = NULL;
  const char *tally = g_getenv ("TALLY_BIN");
  g_autoptr(GArray) measured = g_array_new (FALSE, FALSE, sizeof (SizeFigures));
  gboolean met = TRUE;

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error) || n_runs < 1)
    {
      g_printerr ("bench-import: %s\n", error ? error->message : "--runs must be at least 1");
      return EXIT_FAILURE;
    }
  if (tally == NULL || sqlite3 == NULL)
    {
      g_print ("bench-import: %s (nothing measured)\n",
               tally == NULL ? "TALLY_BIN is not set: run it through meson" : "no sqlite3 program to compare with");
      return 77;
    }

  directory = tally_test_make_temp_dir ();
  codes = read_council_codes ();
  sizes = g_strsplit (cycles_text != NULL ? cycles_text : "1,5,20,50", ",", -1);

  g_print ("Import, whole processes, %d interleaved runs at each size; rates in candidate rows/s\n", n_runs);
  for (guint i = 0; sizes[i] != NULL; i++)
    {
      guint cycles = (guint) g_ascii_strtoull (sizes[i], NULL, 10);
      g_autofree char *what = NULL;
      SizeFigures figures;

      if (cycles == 0)
        continue;
      measure_size (directory, tally, sqlite3, codes, cycles, &figures);

      g_print ("\n%u cycles, %u rows\n", cycles, figures.rows);
      what = g_strdup_printf ("import rate, %u cycles", cycles);
      met &= tally_bench_verdict (what, "rows/s", &figures.fresh_rate, "sqlite3 .import", &figures.flat_rate,
                                  TALLY_BENCH_HIGHER_IS_BETTER, 1.0);
      g_free (what);
      what = g_strdup_printf ("replacing every election, %u cycles", cycles);
      met &= tally_bench_verdict (what, "rows/s", &figures.again_rate, "fresh import", &figures.fresh_rate,
                                  TALLY_BENCH_HIGHER_IS_BETTER, 0.8);
      g_print ("peak memory, %u cycles: Tally %.1f MiB [%.1f-%.1f] (again %.1f MiB), sqlite3 %.1f MiB [%.1f-%.1f]\n",
               cycles, figures.fresh_peak.median, figures.fresh_peak.min, figures.fresh_peak.max,
               figures.again_peak.median, figures.flat_peak.median, figures.flat_peak.min, figures.flat_peak.max);

      g_array_append_val (measured, figures);
    }

  /* The memory curve: a constant bound means every size within 1.2× of
   * the smallest. */
  if (measured->len > 1)
    g_print ("\nPeak memory of a fresh import against the smallest size, %u rows\n",
             g_array_index (measured, SizeFigures, 0).rows);
  for (guint i = 1; i < measured->len; i++)
    {
      SizeFigures *first = &g_array_index (measured, SizeFigures, 0);
      SizeFigures *size = &g_array_index (measured, SizeFigures, i);
      g_autofree char *what = g_strdup_printf ("peak memory, %u rows", size->rows);
      g_autofree char *baseline = g_strdup_printf ("Tally at %u rows", first->rows);

      met &= tally_bench_verdict (what, "MiB", &size->fresh_peak, baseline, &first->fresh_peak,
                                  TALLY_BENCH_LOWER_IS_BETTER, 1.2);
    }

  tally_test_remove_dir (directory);
  return met ? EXIT_SUCCESS : EXIT_FAILURE;
}
