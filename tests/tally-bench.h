/* tally-bench.h: what every benchmark shares: whole processes timed and
 * their peak memory read, medians with their spread, and one verdict line
 * that says MET or NOT MET with both numbers.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The figures of several runs of one thing. */
typedef struct
{
  guint  n;
  double median;
  double min;
  double max;
} TallyBenchStat;

typedef enum
{
  TALLY_BENCH_LOWER_IS_BETTER,  /* times, memory: ratio must be <= budget */
  TALLY_BENCH_HIGHER_IS_BETTER, /* rates: ratio must be >= budget */
} TallyBenchDirection;

/* One whole process: wall time from just before it was forked to when it
 * exited, its peak resident memory (the kernel's maxrss, VmHWM), and what
 * it printed. */
typedef struct
{
  double  seconds;
  double  peak_mib;
  gint64  spawned_us; /* g_get_monotonic_time() just before the fork */
  char   *output;
} TallyBenchProcess;

void      tally_bench_stat          (const double              *values,
                                     guint                      n,
                                     TallyBenchStat            *stat);
gboolean  tally_bench_run           (const char * const        *argv,
                                     const char * const        *envp,
                                     TallyBenchProcess         *process,
                                     GError                   **error);
void      tally_bench_process_clear (TallyBenchProcess         *process);
gboolean  tally_bench_verdict       (const char                *what,
                                     const char                *unit,
                                     const TallyBenchStat      *tally,
                                     const char                *baseline_name,
                                     const TallyBenchStat      *baseline,
                                     TallyBenchDirection        direction,
                                     double                     budget);
double    tally_bench_self_peak_mib (void);

G_END_DECLS
