/* tally-test-widgets.c: what the widget tests share.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <adwaita.h>

#include "tally-test-widgets.h"

/**
 * tally_test_widgets_init:
 *
 * Starts GTK and libadwaita for a widget test, with animations off (a
 * transition would keep the old page mapped for a few frames).  Without a
 * display, says so the TAP way ("1..0 # SKIP") and returns %FALSE: the
 * caller then exits 0.
 */
gboolean
tally_test_widgets_init (void)
{
  if (!gtk_init_check ())
    {
      /* An X server resets when its last client leaves and refuses new
       * clients while it does (Xvfb without -noreset): a test that starts
       * in that moment would skip although a display is there.  GTK is
       * initialised by now; only the display is missing, so ask again. */
      for (guint tries = 0; tries < 50 && g_getenv ("DISPLAY") != NULL; tries++)
        {
          if (gdk_display_open (g_getenv ("DISPLAY")) != NULL)
            break;
          g_usleep (100 * 1000);
        }

      if (gdk_display_get_default () == NULL)
        {
          g_print ("1..0 # SKIP no display: run the tests under xvfb-run\n");
          return FALSE;
        }
    }

  adw_init ();
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);

  return TRUE;
}

/**
 * tally_test_wait_for_frames:
 * @milliseconds: how long to let the main loop run
 *
 * Long enough for a layout and a frame under Xvfb, and until nothing is
 * pending.
 */
void
tally_test_wait_for_frames (guint milliseconds)
{
  gint64 end = g_get_monotonic_time () + milliseconds * G_TIME_SPAN_MILLISECOND;

  while (g_get_monotonic_time () < end || g_main_context_pending (NULL))
    g_main_context_iteration (NULL, FALSE);
}
