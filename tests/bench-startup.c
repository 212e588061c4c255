/* bench-startup.c: Tally's start, as a whole process, against an empty
 * libadwaita window's.
 *
 * DESIGN.md's budget: from exec to the first painted frame with the bundled
 * data, within 1.3× of an empty libadwaita window (bench-empty-window), in
 * time and in peak memory.  Both are whole processes, started alternately
 * (so the machine's noise falls on both alike), each printing the moment
 * its first frame was painted and quitting; memory is the kernel's peak
 * resident size of each child (wait4).  Medians of the runs, with their
 * spread.  The CPU time each used to get there (user and system, every
 * thread, as each reads it at its first frame) is given against the same
 * budget: on a machine shared with other work
 * the wall time waits for the CPU as well, and the CPU time says what the
 * start itself costs.  A second pair of figures runs Tally on a database of 50
 * elections (bench-engine's synthetic one, written here, or --large FILE)
 * against the bundled one (budget 1.2×).  Run under Xvfb:
 *
 *   xvfb-run -a meson test -C _build --benchmark --suite startup -v
 *   bench-startup [--runs N] [--large FILE]
 *
 * The exit status is non-zero when a budget is missed.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <gio/gio.h>
#include <stdlib.h>
#include <string.h>

#include "tally-bench.h"
#include "tally-test-util.h"

static int   n_runs = 11;
static char *large_path = NULL;

/* Seconds from the fork to the first painted frame, the CPU seconds used
 * until then, and the peak memory. */
static void
start_once (const char * const *argv,
            const char * const *envp,
            double             *seconds,
            double             *cpu_seconds,
            double             *peak_mib)
{
  g_autoptr(GError) error = NULL;
  TallyBenchProcess process;
  const char *line;

  if (!tally_bench_run (argv, envp, &process, &error))
    g_error ("bench-startup: %s", error->message);

  line = strstr (process.output, "first-frame ");
  if (line == NULL)
    g_error ("bench-startup: %s painted no frame: %s", argv[0], process.output);

  *seconds = (g_ascii_strtoll (line + strlen ("first-frame "), NULL, 10) - process.spawned_us) / 1e6;
  line = strstr (line, " cpu ");
  if (line == NULL)
    g_error ("bench-startup: %s did not say its CPU time: %s", argv[0], process.output);
  *cpu_seconds = g_ascii_strtoll (line + strlen (" cpu "), NULL, 10) / 1e6;
  *peak_mib = process.peak_mib;
  tally_bench_process_clear (&process);
}

/* Runs A and B alternately, n_runs times each after one warm-up of each,
 * and gives their medians. */
static void
compare (const char * const *argv_a,
         const char * const *env_a,
         const char * const *argv_b,
         const char * const *env_b,
         TallyBenchStat     *time_a,
         TallyBenchStat     *cpu_a,
         TallyBenchStat     *peak_a,
         TallyBenchStat     *time_b,
         TallyBenchStat     *cpu_b,
         TallyBenchStat     *peak_b)
{
  g_autofree double *ta = g_new (double, n_runs), *ca = g_new (double, n_runs), *pa = g_new (double, n_runs);
  g_autofree double *tb = g_new (double, n_runs), *cb = g_new (double, n_runs), *pb = g_new (double, n_runs);
  double unused_time, unused_cpu, unused_peak;

  start_once (argv_a, env_a, &unused_time, &unused_cpu, &unused_peak);
  start_once (argv_b, env_b, &unused_time, &unused_cpu, &unused_peak);
  for (int i = 0; i < n_runs; i++)
    {
      start_once (argv_a, env_a, &ta[i], &ca[i], &pa[i]);
      start_once (argv_b, env_b, &tb[i], &cb[i], &pb[i]);
    }
  tally_bench_stat (ta, n_runs, time_a);
  tally_bench_stat (ca, n_runs, cpu_a);
  tally_bench_stat (pa, n_runs, peak_a);
  tally_bench_stat (tb, n_runs, time_b);
  tally_bench_stat (cb, n_runs, cpu_b);
  tally_bench_stat (pb, n_runs, peak_b);
}

/* Seconds to milliseconds, for printing. */
static void
to_ms (TallyBenchStat *stat)
{
  stat->median *= 1000, stat->min *= 1000, stat->max *= 1000;
}

int
main (int   argc,
      char *argv[])
{
  const GOptionEntry entries[] = {
    { "runs", 0, 0, G_OPTION_ARG_INT, &n_runs, "Runs of each program", "N" },
    { "large", 0, 0, G_OPTION_ARG_FILENAME, &large_path, "A database of many elections", "FILE" },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *home = tally_test_make_temp_dir ();
  g_autofree char *empty_window = NULL;
  g_auto(GStrv) env = NULL;
  g_auto(GStrv) env_tally = NULL;
  const char *tally = g_getenv ("TALLY_BIN");
  TallyBenchStat tally_time, tally_cpu, tally_peak, empty_time, empty_cpu, empty_peak;
  gboolean met = TRUE;

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error) || n_runs < 1)
    {
      g_printerr ("bench-startup: %s\n", error ? error->message : "--runs must be at least 1");
      return EXIT_FAILURE;
    }
  if (g_getenv ("DISPLAY") == NULL && g_getenv ("WAYLAND_DISPLAY") == NULL)
    {
      g_print ("bench-startup: no display: run it under xvfb-run (nothing measured)\n");
      return 77;
    }
  if (tally == NULL)
    {
      g_print ("bench-startup: TALLY_BIN is not set: run it through meson (nothing measured)\n");
      return 77;
    }
  empty_window = g_build_filename (g_getenv ("G_TEST_BUILDDIR") ? g_getenv ("G_TEST_BUILDDIR") : ".",
                                   "bench-empty-window", NULL);

  /* A home of its own, so that no user database or window size of the
   * person running it changes what Tally opens. */
  env = g_get_environ ();
  env = g_environ_setenv (env, "HOME", home, TRUE);
  env = g_environ_setenv (env, "XDG_DATA_HOME", home, TRUE);
  env = g_environ_setenv (env, "XDG_CONFIG_HOME", home, TRUE);
  env = g_environ_setenv (env, "XDG_CACHE_HOME", home, TRUE);
  env = g_environ_setenv (env, "GSETTINGS_BACKEND", "memory", TRUE);
  env_tally = g_environ_setenv (g_strdupv (env), "TALLY_BENCH_FIRST_FRAME", "1", TRUE);

  compare ((const char *[]) { tally, NULL }, (const char * const *) env_tally,
           (const char *[]) { empty_window, NULL }, (const char * const *) env,
           &tally_time, &tally_cpu, &tally_peak, &empty_time, &empty_cpu, &empty_peak);

  g_print ("Startup as a whole process, exec to first painted frame, bundled data, %d interleaved runs each\n",
           n_runs);
  to_ms (&tally_time), to_ms (&empty_time), to_ms (&tally_cpu), to_ms (&empty_cpu);
  met &= tally_bench_verdict ("startup time", "ms", &tally_time, "empty libadwaita window", &empty_time,
                              TALLY_BENCH_LOWER_IS_BETTER, 1.3);
  met &= tally_bench_verdict ("startup CPU time", "ms", &tally_cpu, "empty libadwaita window", &empty_cpu,
                              TALLY_BENCH_LOWER_IS_BETTER, 1.3);
  met &= tally_bench_verdict ("startup peak memory", "MiB", &tally_peak, "empty libadwaita window", &empty_peak,
                              TALLY_BENCH_LOWER_IS_BETTER, 1.3);

  /* For reference, no budget: against the least window an application
   * shows (a header bar with its title and buttons, a line of text), which
   * loads the fonts and the icon theme that the empty window does not. */
  {
    TallyBenchStat text_time, text_cpu, text_peak, again_time, again_cpu, again_peak;

    compare ((const char *[]) { tally, NULL }, (const char * const *) env_tally,
             (const char *[]) { empty_window, "--text", NULL }, (const char * const *) env,
             &again_time, &again_cpu, &again_peak, &text_time, &text_cpu, &text_peak);
    to_ms (&again_time), to_ms (&text_time), to_ms (&again_cpu), to_ms (&text_cpu);
    g_print ("for reference, no budget: a window with a header bar and a line of text: "
             "time %.4g ms [%.4g-%.4g] (Tally %.4g ms, %.2fx), CPU %.4g ms [%.4g-%.4g] (Tally %.4g ms, %.2fx), "
             "peak %.4g MiB [%.4g-%.4g] (Tally %.4g MiB, %.2fx), %d runs\n",
             text_time.median, text_time.min, text_time.max, again_time.median, again_time.median / text_time.median,
             text_cpu.median, text_cpu.min, text_cpu.max, again_cpu.median, again_cpu.median / text_cpu.median,
             text_peak.median, text_peak.min, text_peak.max, again_peak.median, again_peak.median / text_peak.median,
             n_runs);
  }

  /* The same window on a file of 50 elections, written by bench-engine's
   * synthetic generator, unless --large names one. */
  if (large_path == NULL)
    {
      g_autofree char *generator = g_build_filename (g_getenv ("G_TEST_BUILDDIR") ? g_getenv ("G_TEST_BUILDDIR") : ".",
                                                     "bench-engine", NULL);
      TallyBenchProcess process;

      large_path = g_build_filename (home, "synthetic.db", NULL);
      if (!tally_bench_run ((const char *[]) { generator, "--generate", large_path, NULL }, NULL, &process, &error))
        {
          g_print ("startup time on 50 elections: NOT MEASURED: %s\n", error->message);
          g_clear_pointer (&large_path, g_free);
        }
      tally_bench_process_clear (&process);
    }

  if (large_path != NULL)
    {
      g_autofree char *large = g_canonicalize_filename (large_path, NULL);
      TallyBenchStat large_time, large_cpu, large_peak, bundled_time, bundled_cpu, bundled_peak;

      compare ((const char *[]) { tally, "--database", large, NULL }, (const char * const *) env_tally,
               (const char *[]) { tally, NULL }, (const char * const *) env_tally,
               &large_time, &large_cpu, &large_peak, &bundled_time, &bundled_cpu, &bundled_peak);
      to_ms (&large_time), to_ms (&bundled_time);
      met &= tally_bench_verdict ("startup time on 50 elections", "ms", &large_time, "Tally on the bundled data",
                                  &bundled_time, TALLY_BENCH_LOWER_IS_BETTER, 1.2);
    }

  tally_test_remove_dir (home);
  return met ? EXIT_SUCCESS : EXIT_FAILURE;
}
