/* bench-empty-window.c: the baseline of bench-startup: an empty libadwaita
 * window, started as Tally starts (an AdwApplication, non-unique, the same
 * default size), that prints when its first frame has been painted and
 * quits, as Tally does under TALLY_BENCH_FIRST_FRAME.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <adwaita.h>

static void
after_paint_cb (GdkFrameClock  *clock,
                GtkApplication *application)
{
  g_signal_handlers_disconnect_by_func (clock, after_paint_cb, application);
  g_print ("first-frame %" G_GINT64_FORMAT "\n", g_get_monotonic_time ());
  g_application_quit (G_APPLICATION (application));
}

static void
activate_cb (GtkApplication *application)
{
  GtkWidget *window = adw_application_window_new (application);

  gtk_window_set_default_size (GTK_WINDOW (window), 1360, 820);
  gtk_window_present (GTK_WINDOW (window));
  g_signal_connect (gtk_widget_get_frame_clock (window), "after-paint", G_CALLBACK (after_paint_cb), application);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(AdwApplication) application = adw_application_new ("io.github.tally.EmptyWindow",
                                                                G_APPLICATION_NON_UNIQUE);

  g_signal_connect (application, "activate", G_CALLBACK (activate_cb), NULL);
  return g_application_run (G_APPLICATION (application), argc, argv);
}
