/* test-cli.c: `tally info`, as a script would run it, on good and bad files.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "tally-cli.h"
#include "tally-cli-names.h"
#include "tally-test-util.h"

static void
run_tally (TallyTestRun       *run,
           const char * const *args)
{
  tally_test_run_tally (run, NULL, args);
}

static void
test_info_bundled (void)
{
  g_auto(TallyTestRun) run = { 0 };

  run_tally (&run, (const char *[]) { "info", NULL });

  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.err, ==, "");
  g_assert_nonnull (strstr (run.out, "Councils: 326\n"));
  g_assert_nonnull (strstr (run.out, "Local elections 2018, 2018-05-03: 150 councils, compared with 2014-05-22"));
  g_assert_nonnull (strstr (run.out, "Control after 2018-05-03: Labour 74, Liberal Democrats 9, "
                                     "Conservative 46, No overall control 21\n"));
  g_assert_nonnull (strstr (run.out, "read-only"));
}

/* Issue 17: `tally --database X info` opened a window (or, with no
 * display, failed to); the option before the command now reaches it. */
static void
test_database_before_command (void)
{
  g_auto(TallyTestRun) run = { 0 };
  g_auto(TallyTestRun) equals = { 0 };

  run_tally (&run, (const char *[]) { "--database", tally_test_bundled_database (), "info", NULL });
  g_assert_cmpint (run.status, ==, 0);
  g_assert_true (g_str_has_prefix (run.out, "Database: "));
  g_assert_nonnull (strstr (run.out, "Councils: 326"));

  run_tally (&equals, (const char *[]) { "--database=/nonexistent/tally.db", "info", NULL });
  g_assert_cmpint (equals.status, ==, 1);
  g_assert_nonnull (strstr (equals.err, "no such file"));
}

static void
test_info_corrupt (void)
{
  g_auto(TallyTestRun) run = { 0 };
  g_autofree char *dir = tally_test_make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "results.db", NULL);

  g_assert_true (g_file_set_contents (path, "\x89PNG\r\n\x1a\n not a database at all, but long enough "
                                      "to look like a header of something else entirely...", -1, NULL));

  run_tally (&run, (const char *[]) { "info", "--database", path, NULL });

  g_assert_cmpint (run.status, ==, 1);
  g_assert_cmpstr (run.out, ==, "");
  g_assert_nonnull (strstr (run.err, "tally info: Cannot read “results.db”: it is not a database file"));

  tally_test_remove_dir (dir);
}

static void
test_info_missing (void)
{
  g_auto(TallyTestRun) run = { 0 };

  run_tally (&run, (const char *[]) { "info", "--database", "/nonexistent/tally.db", NULL });

  g_assert_cmpint (run.status, ==, 1);
  g_assert_nonnull (strstr (run.err, "no such file"));
}

static void
test_bad_arguments (void)
{
  g_auto(TallyTestRun) run = { 0 };

  run_tally (&run, (const char *[]) { "info", "--no-such-option", NULL });

  g_assert_cmpint (run.status, ==, 2);
  g_assert_nonnull (strstr (run.err, "no-such-option"));
}

static void
test_help_lists_commands (void)
{
  g_auto(TallyTestRun) run = { 0 };

  run_tally (&run, (const char *[]) { "--help", NULL });

  g_assert_cmpint (run.status, ==, 0);
  for (const char * const *command = (const char * const[]) { "info", "summary", "import", "export",
                                                              "import-boundaries", "hexmap", NULL };
       *command != NULL; command++)
    {
      g_autofree char *line = g_strdup_printf ("\n  %-18s ", *command);

      if (strstr (run.out, line) == NULL)
        g_error ("tally --help does not list %s:\n%s", *command, run.out);
    }
}

/* Once an import has made the user's database, every command reads it with
 * no flag: what was imported is what the next command shows. */
static void
test_current_database_after_import (void)
{
  g_autofree char *data_home = tally_test_make_temp_dir ();
  g_autofree char *user_db = g_build_filename (data_home, "tally", "tally.db", NULL);
  g_autofree char *fixture = g_test_build_filename (G_TEST_DIST, "data", "import-good.csv", NULL);
  g_autofree char *database_line = g_strdup_printf ("Database: %s (schema", user_db);
  g_autofree char *dc = tally_test_shared_data_path ("results/dc_2018/democracyclub-results-2018-05-03_raw.csv");

  {
    g_auto(TallyTestRun) before = { 0 };

    tally_test_run_tally (&before, data_home, (const char *[]) { "info", NULL });
    g_assert_cmpint (before.status, ==, 0);
    g_assert_nonnull (strstr (before.out, tally_test_bundled_database ()));
    g_assert_null (strstr (before.out, user_db));
  }

  {
    g_auto(TallyTestRun) import = { 0 };
    g_auto(TallyTestRun) after = { 0 };

    tally_test_run_tally (&import, data_home, (const char *[]) { "import", fixture, NULL });
    g_assert_cmpint (import.status, ==, 0);
    g_assert_true (g_file_test (user_db, G_FILE_TEST_IS_REGULAR));

    tally_test_run_tally (&after, data_home, (const char *[]) { "info", NULL });
    g_assert_cmpint (after.status, ==, 0);
    g_assert_nonnull (strstr (after.out, database_line));
  }

  if (dc == NULL)
    {
      tally_test_remove_dir (data_home);
      g_test_skip ("no ../shared/data: the Democracy Club part is not run");
      return;
    }

  {
    g_auto(TallyTestRun) bundled = { 0 };
    g_auto(TallyTestRun) import = { 0 };
    g_auto(TallyTestRun) summary = { 0 };
    g_autofree char *dc_home = tally_test_make_temp_dir ();

    /* The bundled data has no independents' votes; the Democracy Club file
     * brings them: 181,398 votes, 1.4% of all. */
    tally_test_run_tally (&bundled, NULL, (const char *[]) { "summary", NULL });
    g_assert_null (strstr (bundled.out, "181,398"));

    tally_test_run_tally (&import, dc_home, (const char *[]) { "import", dc, NULL });
    g_assert_cmpint (import.status, ==, 0);
    tally_test_run_tally (&summary, dc_home, (const char *[]) { "summary", NULL });
    g_assert_cmpint (summary.status, ==, 0);
    g_assert_nonnull (strstr (summary.out, "181,398"));
    tally_test_remove_dir (dc_home);
  }

  tally_test_remove_dir (data_home);
}

/* `tally` tells a command from the window by the names in
 * tally-cli-names.h: they are the commands there are, each runs as a
 * command (its own usage, no window), and the window's --help lists each. */
static void
test_command_names (void)
{
  g_auto(TallyTestRun) help = { 0 };

  g_assert_true (tally_cli_check_names ());

  tally_test_run_tally (&help, NULL, (const char *[]) { "--help", NULL });
  g_assert_cmpint (help.status, ==, 0);
  for (guint i = 0; tally_cli_command_names[i] != NULL; i++)
    {
      g_auto(TallyTestRun) run = { 0 };
      g_autofree char *usage = g_strdup_printf ("  %s [OPTION", tally_cli_command_names[i]);
      g_autofree char *listed = g_strdup_printf ("\n  %s ", tally_cli_command_names[i]);

      tally_test_run_tally (&run, NULL, (const char *[]) { tally_cli_command_names[i], "--help", NULL });
      g_assert_cmpint (run.status, ==, 0);
      if (strstr (run.out, usage) == NULL)
        g_error ("tally %s --help printed no “%s”:\n%s", tally_cli_command_names[i], usage, run.out);
      g_assert_nonnull (strstr (help.out, listed));
    }
}

/* `tally --version` answers without a display, from the one version the
 * build has (meson.build's). */
static void
test_version (void)
{
  g_auto(TallyTestRun) run = { 0 };

  tally_test_run_tally (&run, NULL, (const char *[]) { "--version", NULL });
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.out, ==, "Tally " PACKAGE_VERSION "\n");
  g_assert_cmpstr (run.err, ==, "");
}

/* The libraries a command loaded, as the dynamic loader names them. */
static char *
libraries_loaded (const char * const *args)
{
  g_auto(TallyTestRun) run = { 0 };

  g_setenv ("LD_DEBUG", "libs", TRUE);
  tally_test_run_tally (&run, NULL, args);
  g_unsetenv ("LD_DEBUG");
  g_assert_cmpint (run.status, ==, 0);
  return g_steal_pointer (&run.err);
}

/* Only `export` draws: every other command runs without loading cairo,
 * Pango or their fonts' libraries (tally-cli, not tally-export). */
static void
test_commands_load_no_drawing (void)
{
  g_autofree char *folder = g_dir_make_tmp ("tally-test-cli-XXXXXX", NULL);
  g_autofree char *out = g_build_filename (folder, "councils.csv", NULL);
  g_autofree char *summary = libraries_loaded ((const char *[]) { "summary", NULL });
  g_autofree char *info = libraries_loaded ((const char *[]) { "info", NULL });
  g_autofree char *export = libraries_loaded ((const char *[]) { "export", "--csv", "-o", out, NULL });

  for (const char * const *library = (const char * const[]) { "libcairo", "libpango", "libfreetype", NULL };
       *library != NULL; library++)
    {
      g_assert_null (strstr (summary, *library));
      g_assert_null (strstr (info, *library));
    }
  g_assert_nonnull (strstr (summary, "libsqlite3"));
  g_assert_nonnull (strstr (export, "libcairo"));
  g_assert_true (g_file_test (out, G_FILE_TEST_IS_REGULAR));
  g_unlink (out);
  g_rmdir (folder);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/cli/command-names", test_command_names);
  g_test_add_func ("/cli/commands-load-no-drawing", test_commands_load_no_drawing);
  g_test_add_func ("/cli/version", test_version);
  g_test_add_func ("/cli/info/bundled", test_info_bundled);
  g_test_add_func ("/cli/info/corrupt", test_info_corrupt);
  g_test_add_func ("/cli/info/database-before-command", test_database_before_command);
  g_test_add_func ("/cli/info/missing", test_info_missing);
  g_test_add_func ("/cli/bad-arguments", test_bad_arguments);
  g_test_add_func ("/cli/help-lists-commands", test_help_lists_commands);
  g_test_add_func ("/cli/current-database/after-import", test_current_database_after_import);

  return g_test_run ();
}
