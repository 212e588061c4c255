/* tally-application.c: the Tally application: command line, app-wide
 * actions and shortcuts, the About window and the colour scheme.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <sys/resource.h>

#include "tally-application.h"
#include "tally-council-list.h"
#include "tally-window.h"

struct _TallyApplication
{
  AdwApplication  parent_instance;

  GSettings      *settings;
  char           *database_path;
  char           *council;
  char           *view;
};

G_DEFINE_FINAL_TYPE (TallyApplication, tally_application, ADW_TYPE_APPLICATION)

static void
apply_color_scheme (TallyApplication *self)
{
  g_autofree char *scheme = g_settings_get_string (self->settings, "color-scheme");
  AdwColorScheme color_scheme = ADW_COLOR_SCHEME_DEFAULT;

  if (g_str_equal (scheme, "light"))
    color_scheme = ADW_COLOR_SCHEME_FORCE_LIGHT;
  else if (g_str_equal (scheme, "dark"))
    color_scheme = ADW_COLOR_SCHEME_FORCE_DARK;

  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), color_scheme);
}

static void
color_scheme_changed_cb (TallyApplication *self)
{
  apply_color_scheme (self);
}

static void
about_action (GSimpleAction *action,
              GVariant      *parameter,
              gpointer       user_data)
{
  TallyApplication *self = user_data;
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));
  static const char *developers[] = { "The Tally developers", NULL };

  adw_show_about_window (window,
                         "application-name", _("Tally"),
                         "application-icon", APPLICATION_ID,
                         "developer-name", _("The Tally developers"),
                         "version", PACKAGE_VERSION,
                         "comments", _("Explore local election results: who controls each council, "
                                       "what changed since the same seats were last fought, "
                                       "and charts ready for publication."),
                         "developers", developers,
                         "license-type", GTK_LICENSE_GPL_3_0,
                         "translator-credits", _("translator-credits"),
                         NULL);
}

static void
add_data_credits (AdwAboutWindow *about)
{
  adw_about_window_add_credit_section (about, _("Election results"),
                                       (const char *[]) {
                                         "Democracy Club (CC BY 4.0) https://democracyclub.org.uk",
                                         "Local Elections Archive Project, Andrew Teale https://www.andrewteale.me.uk/leap/",
                                         "Open Council Data UK https://opencouncildata.co.uk",
                                         NULL });
  adw_about_window_add_legal_section (about, _("Democracy Club results"),
                                      _("Results of 2018 © Democracy Club"),
                                      GTK_LICENSE_CUSTOM,
                                      _("Licensed under the Creative Commons Attribution 4.0 "
                                        "International licence (CC BY 4.0)."));
  adw_about_window_add_legal_section (about, _("Geography"),
                                      _("Contains OS data © Crown copyright and database right 2018"),
                                      GTK_LICENSE_CUSTOM,
                                      _("Source: Office for National Statistics licensed under the "
                                        "Open Government Licence v.3.0."));
}

static void
about_window_shown_cb (GtkWindow *window)
{
  add_data_credits (ADW_ABOUT_WINDOW (window));
}

static void
quit_action (GSimpleAction *action,
             GVariant      *parameter,
             gpointer       user_data)
{
  g_application_quit (G_APPLICATION (user_data));
}

static const GActionEntry app_actions[] = {
  { "about", about_action },
  { "quit", quit_action },
};

static void
window_added_cb (GtkApplication *application,
                 GtkWindow      *window)
{
  if (ADW_IS_ABOUT_WINDOW (window))
    about_window_shown_cb (window);
}

/* For bench-startup, which runs Tally as a whole process against an empty
 * window: TALLY_BENCH_FIRST_FRAME=1 prints when the first frame has been
 * painted (g_get_monotonic_time(), a clock shared by every process) and
 * the CPU time used until then (every thread, microseconds), and quits. */
static void
bench_after_paint_cb (GdkFrameClock  *clock,
                      GtkApplication *application)
{
  struct rusage usage;

  g_signal_handlers_disconnect_by_func (clock, bench_after_paint_cb, application);
  getrusage (RUSAGE_SELF, &usage);
  g_print ("first-frame %" G_GINT64_FORMAT " cpu %" G_GINT64_FORMAT "\n", g_get_monotonic_time (),
           (gint64) (usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) * G_USEC_PER_SEC +
           usage.ru_utime.tv_usec + usage.ru_stime.tv_usec);
  g_application_quit (G_APPLICATION (application));
}

static int
tally_application_handle_local_options (GApplication *application,
                                        GVariantDict *options)
{
  TallyApplication *self = TALLY_APPLICATION (application);
  const char *path = NULL;

  /* Answered here, before GTK looks for a display. */
  if (g_variant_dict_contains (options, "version"))
    {
      g_print ("Tally %s\n", PACKAGE_VERSION);
      return 0;
    }

  if (g_variant_dict_lookup (options, "database", "^&ay", &path))
    {
      /* Relative to where Tally was started, not to where it runs later. */
      g_autoptr(GFile) file = g_file_new_for_commandline_arg (path);

      g_free (self->database_path);
      self->database_path = g_file_get_path (file);
    }

  g_clear_pointer (&self->council, g_free);
  g_variant_dict_lookup (options, "council", "s", &self->council);
  g_clear_pointer (&self->view, g_free);
  g_variant_dict_lookup (options, "view", "s", &self->view);

  return G_APPLICATION_CLASS (tally_application_parent_class)->handle_local_options (application, options);
}

static void
tally_application_activate (GApplication *application)
{
  TallyApplication *self = TALLY_APPLICATION (application);
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));

  if (window == NULL)
    {
      TallyWindow *tally_window = tally_window_new (GTK_APPLICATION (self));
      gboolean opened;

      /* What is below the fold comes after the first frame. */
      tally_window_defer_unseen (tally_window);
      /* One current database for the window and every command: another
       * file is chosen with --database or "Open…", for that window only. */
      opened = tally_window_open_database (tally_window, self->database_path);

      if (opened && self->view != NULL)
        gtk_widget_activate_action (GTK_WIDGET (tally_window), "win.show-view", "s", self->view);
      if (opened && self->council != NULL)
        gtk_widget_activate_action (GTK_WIDGET (tally_window), "win.show-council", "s", self->council);

      window = GTK_WINDOW (tally_window);
    }

  gtk_window_present (window);

  if (g_getenv ("TALLY_BENCH_FIRST_FRAME") != NULL)
    g_signal_connect (gtk_widget_get_frame_clock (GTK_WIDGET (window)), "after-paint",
                      G_CALLBACK (bench_after_paint_cb), self);
}

static void
tally_application_startup (GApplication *application)
{
  TallyApplication *self = TALLY_APPLICATION (application);

  G_APPLICATION_CLASS (tally_application_parent_class)->startup (application);

  self->settings = g_settings_new (APPLICATION_ID);
  g_signal_connect_object (self->settings, "changed::color-scheme",
                           G_CALLBACK (color_scheme_changed_cb), self, G_CONNECT_SWAPPED);
  apply_color_scheme (self);

  g_action_map_add_action_entries (G_ACTION_MAP (self), app_actions, G_N_ELEMENTS (app_actions), self);

  /* Settings a user switches from the menu, as stateful actions. */
  for (const char * const *key = (const char * const[]) { "colour-blind-palette", "color-scheme", NULL }; *key; key++)
    {
      g_autoptr(GAction) action = g_settings_create_action (self->settings, *key);

      g_action_map_add_action (G_ACTION_MAP (self), action);
    }
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.quit",
                                         (const char *[]) { "<Control>q", NULL });
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "window.close",
                                         (const char *[]) { "<Control>w", NULL });
  /* GtkApplication sets this one for gtk/help-overlay.ui, and builds that
   * file for every window at start; Tally's is built when first asked for
   * (tally-window-views.c). */
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "win.show-help-overlay",
                                         (const char *[]) { "<Control>question", NULL });

  g_signal_connect (self, "window-added", G_CALLBACK (window_added_cb), NULL);
}

static void
tally_application_finalize (GObject *object)
{
  TallyApplication *self = (TallyApplication *) object;

  g_clear_object (&self->settings);
  g_clear_pointer (&self->database_path, g_free);
  g_clear_pointer (&self->council, g_free);
  g_clear_pointer (&self->view, g_free);

  G_OBJECT_CLASS (tally_application_parent_class)->finalize (object);
}

static void
tally_application_class_init (TallyApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *application_class = G_APPLICATION_CLASS (klass);

  object_class->finalize = tally_application_finalize;
  application_class->activate = tally_application_activate;
  application_class->startup = tally_application_startup;
  application_class->handle_local_options = tally_application_handle_local_options;
}

static void
tally_application_init (TallyApplication *self)
{
  static const GOptionEntry entries[] = {
    { "database", 'd', 0, G_OPTION_ARG_FILENAME, NULL,
      N_("Open FILE instead of your database (or the bundled one before any import)"), N_("FILE") },
    { "council", 'c', 0, G_OPTION_ARG_STRING, NULL,
      N_("Open the page of COUNCIL, by name or ONS code"), N_("COUNCIL") },
    { "view", 0, 0, G_OPTION_ARG_STRING, NULL,
      N_("Start on VIEW: councils, charts or map"), N_("VIEW") },
    { "version", 0, 0, G_OPTION_ARG_NONE, NULL, N_("Print Tally’s version and quit"), NULL },
    { NULL }
  };

  g_application_add_main_option_entries (G_APPLICATION (self), entries);
  g_application_set_option_context_parameter_string (G_APPLICATION (self), _("[COMMAND …]"));
}

/**
 * tally_application_new:
 * @commands_help: (nullable): what `tally --help` says of the commands that
 *   need no display (see cli/)
 */
TallyApplication *
tally_application_new (const char *commands_help)
{
  TallyApplication *self;

  /* Non-unique: each `tally --database FILE` opens its own window on its own
   * file, and no session bus is needed (newsroom servers, CI). */
  self = g_object_new (TALLY_TYPE_APPLICATION,
                       "application-id", APPLICATION_ID,
                       "flags", G_APPLICATION_NON_UNIQUE,
                       "resource-base-path", "/io/github/tally/Tally",
                       NULL);
  g_application_set_option_context_summary (G_APPLICATION (self), commands_help);

  return self;
}
