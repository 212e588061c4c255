/* bench-startup.c: how long Tally's window takes to its first frame on the
 * bundled data, against an empty window.
 *
 * DESIGN.md's budget: startup to first drawn frame within 1.3× of an empty
 * GTK window.  Both windows are made in this one process, alternately, so
 * GTK's own start is common to both and the machine's noise falls on both
 * alike; the report gives medians and the ratio of the totals, GTK's start
 * included.  Run under Xvfb:
 *
 *   xvfb-run -a meson test -C _build --benchmark --suite startup -v
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <adwaita.h>

#include "tally-test-util.h"
#include "tally-window.h"

#define ROUNDS 15

static void
after_paint_cb (GdkFrameClock *clock,
                gboolean      *painted)
{
  *painted = TRUE;
}

/* Microseconds from making the window to the end of its first frame. */
static gint64
time_first_frame (gboolean tally)
{
  gint64 start = g_get_monotonic_time ();
  gboolean painted = FALSE;
  GtkWidget *window;
  GdkFrameClock *clock;
  gint64 elapsed;

  if (tally)
    {
      window = GTK_WIDGET (tally_window_new (NULL));
      tally_window_open_database (TALLY_WINDOW (window), NULL);
    }
  else
    {
      window = adw_application_window_new (NULL);
      gtk_window_set_default_size (GTK_WINDOW (window), 1360, 820);
    }

  gtk_window_present (GTK_WINDOW (window));
  clock = gtk_widget_get_frame_clock (window);
  g_signal_connect (clock, "after-paint", G_CALLBACK (after_paint_cb), &painted);

  while (!painted)
    g_main_context_iteration (NULL, TRUE);

  elapsed = g_get_monotonic_time () - start;
  g_signal_handlers_disconnect_by_data (clock, &painted);
  gtk_window_destroy (GTK_WINDOW (window));
  while (g_main_context_pending (NULL))
    g_main_context_iteration (NULL, FALSE);

  return elapsed;
}

static int
compare_times (gconstpointer a,
               gconstpointer b)
{
  gint64 x = *(const gint64 *) a, y = *(const gint64 *) b;

  return x < y ? -1 : x > y;
}

static double
median_ms (gint64 *times)
{
  qsort (times, ROUNDS, sizeof *times, compare_times);
  return times[ROUNDS / 2] / 1000.0;
}

int
main (int   argc,
      char *argv[])
{
  gint64 empty[ROUNDS], tally[ROUNDS];
  gint64 start = g_get_monotonic_time ();
  double init_ms, empty_ms, tally_ms;

  if (!gtk_init_check ())
    {
      g_print ("bench-startup: no display: run it under xvfb-run\n");
      return 0;
    }
  adw_init ();
  init_ms = (g_get_monotonic_time () - start) / 1000.0;

  /* One of each first, so that both start with warm caches. */
  time_first_frame (FALSE);
  time_first_frame (TRUE);

  for (guint i = 0; i < ROUNDS; i++)
    {
      empty[i] = time_first_frame (FALSE);
      tally[i] = time_first_frame (TRUE);
    }

  empty_ms = median_ms (empty);
  tally_ms = median_ms (tally);

  g_print ("GTK and libadwaita start:                 %7.1f ms\n", init_ms);
  g_print ("empty window to first frame, median:      %7.1f ms\n", empty_ms);
  g_print ("Tally on the bundled data to first frame: %7.1f ms\n", tally_ms);
  g_print ("startup, Tally against an empty window:   %7.2f×  (start included: %.1f ms against %.1f ms; budget 1.3×)\n",
           (init_ms + tally_ms) / (init_ms + empty_ms), init_ms + tally_ms, init_ms + empty_ms);

  return 0;
}
