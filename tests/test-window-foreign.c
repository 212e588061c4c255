/* test-window-foreign.c: the window asks before it drops what Tally did
 * not make from the user's own database, and never offers it for a file
 * from elsewhere.
 *
 * Needs a display: .ci/test runs every test under one xvfb-run.  The
 * command line's half is in test-foreign-objects.c.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <adwaita.h>
#include <string.h>

#include "tally-catalog.h"
#include "tally-database.h"
#include "tally-test-util.h"
#include "tally-test-widgets.h"
#include "tally-window-private.h"

static char *data_home;

typedef struct
{
  char        *own;
  char        *elsewhere;
  TallyWindow *window;
} Fixture;

static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  g_autofree char *folder = g_build_filename (data_home, "tally", NULL);

  tally_test_remove_dir (folder);
  g_assert_cmpint (g_mkdir_with_parents (folder, 0700), ==, 0);
  fixture->own = tally_database_get_user_path ();
  fixture->elsewhere = g_build_filename (data_home, "mailed-in.db", NULL);
  tally_test_copy_bundled (fixture->own);
  tally_test_run_sql (fixture->own, TALLY_TEST_FOREIGN_SQL);
  tally_test_copy_bundled (fixture->elsewhere);
  tally_test_run_sql (fixture->elsewhere, TALLY_TEST_FOREIGN_SQL);

  fixture->window = tally_window_new (NULL);
  gtk_window_present (GTK_WINDOW (fixture->window));
  tally_test_wait_for_frames (50);
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  gtk_window_destroy (GTK_WINDOW (fixture->window));
  tally_test_wait_for_frames (50);
  g_free (fixture->own);
  g_free (fixture->elsewhere);
}

/* What a click on one of the dialog's buttons does. */
static void
click (AdwMessageDialog *dialog,
       const char       *response)
{
  adw_message_dialog_response (dialog, response);
  gtk_window_close (GTK_WINDOW (dialog));
  tally_test_wait_for_frames (100);
}

/* The message dialog shown over the window, if any. */
static AdwMessageDialog *
find_dialog (Fixture *fixture)
{
  g_autoptr(GListModel) toplevels = g_object_ref (gtk_window_get_toplevels ());

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (window) && gtk_widget_get_visible (GTK_WIDGET (window)) &&
          gtk_window_get_transient_for (window) == GTK_WINDOW (fixture->window))
        return ADW_MESSAGE_DIALOG (window);
    }

  return NULL;
}

static AdwMessageDialog *
open_own (Fixture *fixture)
{
  AdwMessageDialog *dialog;
  const char *body;

  g_assert_false (tally_window_open_database (fixture->window, fixture->own));
  tally_test_wait_for_frames (50);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (fixture->window->main_stack), ==, "error");

  dialog = find_dialog (fixture);
  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Drop What Tally Did Not Make?");
  body = adw_message_dialog_get_body (dialog);
  g_assert_nonnull (strstr (body, "Your database “tally.db” holds SQL that Tally did not make"));
  g_assert_nonnull (strstr (body, "\n• the index “wards_by_code”\n• the trigger “noted”\n• the view “mine”\n"
                                  "• the table “notes”"));
  g_assert_cmpstr (adw_message_dialog_get_response_label (dialog, "drop"), ==, "_Drop");
  g_assert_cmpint (adw_message_dialog_get_response_appearance (dialog, "drop"), ==, ADW_RESPONSE_DESTRUCTIVE);
  g_assert_cmpstr (adw_message_dialog_get_default_response (dialog), ==, "cancel");
  return dialog;
}

/* Drop: the file holds Tally's schema exactly, and the window shows it. */
static void
test_drop (Fixture       *fixture,
           gconstpointer  data)
{
  g_autofree char *expected = tally_test_schema_of (tally_test_bundled_database ());
  g_autofree char *after = NULL;
  AdwMessageDialog *dialog = open_own (fixture);

  click (dialog, "drop");

  after = tally_test_schema_of (fixture->own);
  g_assert_cmpstr (after, ==, expected);
  g_assert_nonnull (tally_window_get_catalog (fixture->window));
  g_assert_cmpuint (g_list_model_get_n_items (tally_catalog_get_councils (tally_window_get_catalog (fixture->window))),
                    ==, 326);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (fixture->window->main_stack), ==, "explorer");
  g_assert_null (find_dialog (fixture));
}

/* Cancel: nothing dropped, the reason stays on screen. */
static void
test_cancel (Fixture       *fixture,
             gconstpointer  data)
{
  g_autofree char *before = tally_test_schema_of (fixture->own);
  g_autofree char *after = NULL;
  AdwMessageDialog *dialog = open_own (fixture);

  click (dialog, "cancel");

  after = tally_test_schema_of (fixture->own);
  g_assert_cmpstr (after, ==, before);
  g_assert_null (tally_window_get_catalog (fixture->window));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (fixture->window->main_stack), ==, "error");
  g_assert_nonnull (strstr (fixture->window->error_message, "is not a database as Tally writes them"));
  g_assert_null (find_dialog (fixture));
}

/* A file from elsewhere: refused with its message, nothing offered. */
static void
test_elsewhere (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *before = tally_test_schema_of (fixture->elsewhere);
  g_autofree char *after = NULL;

  g_assert_false (tally_window_open_database (fixture->window, fixture->elsewhere));
  tally_test_wait_for_frames (50);
  g_assert_null (find_dialog (fixture));
  g_assert_nonnull (strstr (fixture->window->error_message,
                            "“mailed-in.db” is not a database as Tally writes them"));
  after = tally_test_schema_of (fixture->elsewhere);
  g_assert_cmpstr (after, ==, before);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  g_test_init (&argc, &argv, NULL);

  /* Before anything asks GLib for it: GLib reads it once. */
  data_home = tally_test_make_temp_dir ();
  g_setenv ("XDG_DATA_HOME", data_home, TRUE);

  if (!tally_test_widgets_init ())
    return 0;

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)
  ADD ("/window-foreign/drop", test_drop);
  ADD ("/window-foreign/cancel", test_cancel);
  ADD ("/window-foreign/elsewhere", test_elsewhere);
#undef ADD

  status = g_test_run ();
  tally_test_remove_dir (data_home);
  g_free (data_home);
  return status;
}
