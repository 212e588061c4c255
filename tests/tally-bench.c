/* tally-bench.c: what every benchmark shares (see tally-bench.h).
 *
 * A budget is a ratio against a baseline measured in the same run, so
 * the verdict line always carries Tally's median, the baseline's median,
 * both spreads, the number of runs and the ratio; it never says OK when the
 * ratio misses.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "tally-bench.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

static int
compare_doubles (const void *a,
                 const void *b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

void
tally_bench_stat (const double   *values,
                  guint           n,
                  TallyBenchStat *stat)
{
  g_autofree double *sorted = g_memdup2 (values, n * sizeof (double));

  g_return_if_fail (n > 0);

  qsort (sorted, n, sizeof (double), compare_doubles);
  stat->n = n;
  stat->min = sorted[0];
  stat->max = sorted[n - 1];
  stat->median = n % 2 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
}

/* fork and exec by hand rather than g_spawn, because wait4() is the one
 * call that gives this child's own peak memory, not the maximum over every
 * child so far. */
gboolean
tally_bench_run (const char * const *argv,
                 const char * const *envp,
                 TallyBenchProcess  *process,
                 GError            **error)
{
  g_autoptr(GString) output = g_string_new (NULL);
  struct rusage usage;
  int pipe_fds[2];
  int status;
  pid_t pid;
  char buffer[4096];
  ssize_t n;

  memset (process, 0, sizeof *process);
  if (pipe (pipe_fds) != 0)
    {
      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (errno), "pipe: %s", g_strerror (errno));
      return FALSE;
    }

  process->spawned_us = g_get_monotonic_time ();
  pid = fork ();
  if (pid == 0)
    {
      dup2 (pipe_fds[1], STDOUT_FILENO);
      close (pipe_fds[0]);
      close (pipe_fds[1]);
      if (envp != NULL)
        execve (argv[0], (char * const *) argv, (char * const *) envp);
      else
        execv (argv[0], (char * const *) argv);
      _exit (127);
    }
  close (pipe_fds[1]);
  if (pid < 0)
    {
      close (pipe_fds[0]);
      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (errno), "fork: %s", g_strerror (errno));
      return FALSE;
    }

  while ((n = read (pipe_fds[0], buffer, sizeof buffer)) > 0 || (n < 0 && errno == EINTR))
    if (n > 0)
      g_string_append_len (output, buffer, n);
  close (pipe_fds[0]);

  while (wait4 (pid, &status, 0, &usage) < 0)
    if (errno != EINTR)
      {
        g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (errno), "wait4: %s", g_strerror (errno));
        return FALSE;
      }

  process->seconds = (g_get_monotonic_time () - process->spawned_us) / 1e6;
  process->peak_mib = usage.ru_maxrss / 1024.0;
  process->output = g_string_free (g_steal_pointer (&output), FALSE);

  if (!WIFEXITED (status) || WEXITSTATUS (status) != 0)
    {
      g_set_error (error, G_SPAWN_ERROR, G_SPAWN_ERROR_FAILED, "%s exited with status %d: %s",
                   argv[0], WIFEXITED (status) ? WEXITSTATUS (status) : -1, process->output);
      return FALSE;
    }
  return TRUE;
}

void
tally_bench_process_clear (TallyBenchProcess *process)
{
  g_clear_pointer (&process->output, g_free);
}

/* Four significant figures, and no exponent for large rates. */
static char *
number_text (double value)
{
  return value >= 1000 ? g_strdup_printf ("%.0f", value) : g_strdup_printf ("%.4g", value);
}

/* Prints one line:
 *   WHAT: Tally 12.3 UNIT [11.9-13.0], BASELINE 10.1 UNIT [9.8-10.6], 7 runs each: ratio 1.22x (budget <= 1.30x) MET
 * and returns whether the budget was met. */
gboolean
tally_bench_verdict (const char           *what,
                     const char           *unit,
                     const TallyBenchStat *tally,
                     const char           *baseline_name,
                     const TallyBenchStat *baseline,
                     TallyBenchDirection   direction,
                     double                budget)
{
  double ratio = baseline->median > 0 ? tally->median / baseline->median : G_MAXDOUBLE;
  gboolean met = direction == TALLY_BENCH_LOWER_IS_BETTER ? ratio <= budget : ratio >= budget;

  g_autofree char *t = number_text (tally->median), *t_min = number_text (tally->min);
  g_autofree char *t_max = number_text (tally->max), *b = number_text (baseline->median);
  g_autofree char *b_min = number_text (baseline->min), *b_max = number_text (baseline->max);

  g_print ("%s: Tally %s %s [%s-%s], %s %s %s [%s-%s], %u/%u runs: ratio %.2fx (budget %s %.2fx) %s\n",
           what, t, unit, t_min, t_max, baseline_name, b, unit, b_min, b_max, tally->n, baseline->n, ratio,
           direction == TALLY_BENCH_LOWER_IS_BETTER ? "<=" : ">=", budget, met ? "MET" : "NOT MET");
  return met;
}

/* This process's own peak resident memory so far, from /proc/self/status. */
double
tally_bench_self_peak_mib (void)
{
  g_autofree char *status = NULL;
  const char *line;

  if (!g_file_get_contents ("/proc/self/status", &status, NULL, NULL))
    return 0;
  line = strstr (status, "VmHWM:");
  return line != NULL ? g_ascii_strtod (line + 6, NULL) / 1024.0 : 0;
}
