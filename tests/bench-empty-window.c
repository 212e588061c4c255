/* bench-empty-window.c: the baseline of bench-startup: an empty libadwaita
 * window, started as Tally starts (an AdwApplication, non-unique, the same
 * default size), that prints when its first frame has been painted and
 * quits, as Tally does under TALLY_BENCH_FIRST_FRAME, with the CPU time it
 * used until then.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <adwaita.h>
#include <sys/resource.h>

static void
after_paint_cb (GdkFrameClock  *clock,
                GtkApplication *application)
{
  struct rusage usage;

  g_signal_handlers_disconnect_by_func (clock, after_paint_cb, application);
  getrusage (RUSAGE_SELF, &usage);
  g_print ("first-frame %" G_GINT64_FORMAT " cpu %" G_GINT64_FORMAT "\n", g_get_monotonic_time (),
           (gint64) (usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) * G_USEC_PER_SEC +
           usage.ru_utime.tv_usec + usage.ru_stime.tv_usec);
  g_application_quit (G_APPLICATION (application));
}

/* With --text, the least a window of an application shows: a header bar
 * with a title and the window's buttons, and a line of text. */
static gboolean with_text = FALSE;

static void
activate_cb (GtkApplication *application)
{
  GtkWidget *window = adw_application_window_new (application);

  if (with_text)
    {
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
      GtkWidget *header = adw_header_bar_new ();

      adw_header_bar_set_title_widget (ADW_HEADER_BAR (header), adw_window_title_new ("Tally", NULL));
      gtk_box_append (GTK_BOX (box), header);
      gtk_box_append (GTK_BOX (box), gtk_label_new ("150 councils"));
      adw_application_window_set_content (ADW_APPLICATION_WINDOW (window), box);
    }
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

  if (argc > 1 && g_str_equal (argv[1], "--text"))
    with_text = TRUE, argc = 1;
  g_signal_connect (application, "activate", G_CALLBACK (activate_cb), NULL);
  return g_application_run (G_APPLICATION (application), argc, argv);
}
