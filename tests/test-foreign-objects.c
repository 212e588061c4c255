/* test-foreign-objects.c: SQL that Tally did not make, in the user's own
 * database, dropped only after asking; in a file from elsewhere, refused.
 *
 * Real processes: the tally binary run as a script runs it (no terminal:
 * refused unless --drop-foreign-objects), and on a pseudo-terminal, where
 * it asks and reads the answer.  The window's half is in
 * test-window-foreign.c.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define _GNU_SOURCE
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "tally-database-private.h"
#include "tally-test-util.h"

static const char *const foreign_objects[] = {
  "index wards_by_code", "trigger noted", "view mine", "table notes", NULL
};

static char *data_home;  /* XDG_DATA_HOME of this process and the binary */

typedef struct
{
  char *own;        /* the user's own database, with TALLY_TEST_FOREIGN_SQL */
  char *elsewhere;  /* the same file, somewhere else */
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
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  g_free (fixture->own);
  g_free (fixture->elsewhere);
}

static char *
bundled_schema (void)
{
  return tally_test_schema_of (tally_test_bundled_database ());
}

static gint64
count_compositions (const char *path)
{
  sqlite3 *handle = NULL;
  sqlite3_stmt *stmt = NULL;
  gint64 n;

  g_assert_cmpint (sqlite3_open_v2 (path, &handle, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (handle, "SELECT count(*) FROM compositions", -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  n = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (handle);
  return n;
}

/* What is foreign, named one by one, in the order the user is shown. */
static void
test_find (Fixture       *fixture,
           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) found = tally_database_find_foreign_objects (fixture->own, &error);
  g_auto(GStrv) clean = tally_database_find_foreign_objects (tally_test_bundled_database (), &error);
  g_autofree char *described = tally_database_describe_object ("view mine");

  g_assert_no_error (error);
  g_assert_cmpstrv (found, foreign_objects);
  g_assert_cmpstrv (clean, ((const char *[]) { NULL }));
  g_assert_cmpstr (described, ==, "the view “mine”");
  g_assert_true (tally_database_is_own_path (fixture->own));
  g_assert_false (tally_database_is_own_path (fixture->elsewhere));
}

/* A script (no terminal) without the option: refused, nothing changed. */
static void
test_cli_refuses (Fixture       *fixture,
                  gconstpointer  data)
{
  g_auto(TallyTestRun) run = { 0 };
  g_autofree char *before = tally_test_schema_of (fixture->own);
  g_autofree char *after = NULL;

  tally_test_run_tally (&run, data_home, (const char *[]) { "info", NULL });
  g_assert_cmpint (run.status, ==, 1);
  g_assert_nonnull (strstr (run.err, "your own database, holds what Tally did not make: the index “wards_by_code”, "
                                     "the trigger “noted”, the view “mine”, the table “notes”"));
  g_assert_nonnull (strstr (run.err, "--drop-foreign-objects"));
  g_assert_null (strstr (run.out, "Councils:"));
  after = tally_test_schema_of (fixture->own);
  g_assert_cmpstr (after, ==, before);
}

/* With the option: dropped, the index made again as Tally makes it, every
 * result kept, and the command runs. */
static void
test_cli_option_drops (Fixture       *fixture,
                       gconstpointer  data)
{
  g_auto(TallyTestRun) run = { 0 };
  g_autofree char *after = NULL;
  g_autofree char *expected = bundled_schema ();
  gint64 compositions = count_compositions (fixture->own);

  tally_test_run_tally (&run, data_home, (const char *[]) { "summary", "--drop-foreign-objects", NULL });
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.err, "dropped from"));
  g_assert_nonnull (strstr (run.out, "Conservative"));
  after = tally_test_schema_of (fixture->own);
  g_assert_cmpstr (after, ==, expected);
  g_assert_cmpint (count_compositions (fixture->own), ==, compositions);
  g_assert_cmpint (compositions, ==, count_compositions (tally_test_bundled_database ()));
  g_assert_cmpint (compositions, >, 1000);
}

/* A file from elsewhere is refused as before, option or not, and is not
 * changed. */
static void
test_elsewhere_refused (Fixture       *fixture,
                        gconstpointer  data)
{
  g_auto(TallyTestRun) run = { 0 };
  g_autoptr(GError) error = NULL;
  g_autofree char *before = tally_test_schema_of (fixture->elsewhere);
  g_autofree char *after = NULL;

  tally_test_run_tally (&run, data_home,
                        (const char *[]) { "info", "--drop-foreign-objects", "-d", fixture->elsewhere, NULL });
  g_assert_cmpint (run.status, ==, 1);
  g_assert_nonnull (strstr (run.err, "“mailed-in.db” is not a database as Tally writes them"));
  after = tally_test_schema_of (fixture->elsewhere);
  g_assert_cmpstr (after, ==, before);

  g_assert_false (tally_database_drop_foreign_objects (fixture->elsewhere, foreign_objects, &error));
  g_assert_error (error, TALLY_DATABASE_ERROR, TALLY_DATABASE_ERROR_SCHEMA);
  g_clear_pointer (&after, g_free);
  after = tally_test_schema_of (fixture->elsewhere);
  g_assert_cmpstr (after, ==, before);
}

/* Dropping only what the user was shown: a list that no longer matches
 * the file drops nothing. */
static void
test_drop_what_was_shown (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *before = tally_test_schema_of (fixture->own);
  g_autofree char *after = NULL;
  const char *const fewer[] = { "view mine", NULL };

  g_assert_false (tally_database_drop_foreign_objects (fixture->own, fewer, &error));
  g_assert_error (error, TALLY_DATABASE_ERROR, TALLY_DATABASE_ERROR_SCHEMA);
  after = tally_test_schema_of (fixture->own);
  g_assert_cmpstr (after, ==, before);
}

/* A table of Tally's made otherwise cannot be mended by a drop: nothing is
 * offered, and the command refuses with the schema check's message. */
static void
test_changed_table_not_offered (Fixture       *fixture,
                                gconstpointer  data)
{
  g_auto(TallyTestRun) run = { 0 };
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) found = NULL;

  tally_test_run_sql (fixture->own, "ALTER TABLE wards ADD COLUMN extra TEXT;");
  found = tally_database_find_foreign_objects (fixture->own, &error);
  g_assert_no_error (error);
  g_assert_cmpstrv (found, ((const char *[]) { NULL }));

  tally_test_run_tally (&run, data_home, (const char *[]) { "info", "--drop-foreign-objects", NULL });
  g_assert_cmpint (run.status, ==, 1);
  g_assert_nonnull (strstr (run.err, "is not a database as Tally writes them"));
  g_assert_null (strstr (run.err, "dropped"));
}

/* Runs `tally info` on a pseudo-terminal, answers its question with
 * @answer and returns what it printed and its exit status. */
static char *
run_on_terminal (const char *answer,
                 int        *status)
{
  g_autoptr(GString) seen = g_string_new (NULL);
  gboolean answered = FALSE;
  char buffer[4096];
  int controller, wait_status;
  pid_t pid;

  controller = posix_openpt (O_RDWR | O_NOCTTY);
  g_assert_cmpint (controller, >=, 0);
  g_assert_cmpint (grantpt (controller), ==, 0);
  g_assert_cmpint (unlockpt (controller), ==, 0);

  pid = fork ();
  g_assert_cmpint (pid, >=, 0);
  if (pid == 0)
    {
      int terminal;

      setsid ();
      terminal = open (ptsname (controller), O_RDWR);
      if (terminal < 0)
        _exit (127);
      dup2 (terminal, 0);
      dup2 (terminal, 1);
      dup2 (terminal, 2);
      close (controller);
      g_setenv ("XDG_DATA_HOME", data_home, TRUE);
      g_unsetenv ("DISPLAY");
      execl (g_getenv ("TALLY_BIN"), "tally", "info", NULL);
      _exit (127);
    }

  for (;;)
    {
      ssize_t n = read (controller, buffer, sizeof buffer);

      if (n <= 0)
        break;  /* EIO once the child has gone and closed the terminal */
      g_string_append_len (seen, buffer, n);
      if (!answered && strstr (seen->str, "[y/N]") != NULL)
        {
          g_assert_cmpint (write (controller, answer, strlen (answer)), ==, (ssize_t) strlen (answer));
          answered = TRUE;
        }
    }

  close (controller);
  g_assert_cmpint (waitpid (pid, &wait_status, 0), ==, pid);
  g_assert_true (WIFEXITED (wait_status));
  *status = WEXITSTATUS (wait_status);
  g_assert_true (answered);
  return g_string_free (g_steal_pointer (&seen), FALSE);
}

static void
test_terminal_asks_yes (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autofree char *expected = bundled_schema ();
  g_autofree char *after = NULL;
  g_autofree char *seen = NULL;
  int status;

  seen = run_on_terminal ("y\n", &status);
  g_assert_cmpint (status, ==, 0);
  g_assert_nonnull (strstr (seen, "the view “mine”"));
  g_assert_nonnull (strstr (seen, "Councils: 326"));
  after = tally_test_schema_of (fixture->own);
  g_assert_cmpstr (after, ==, expected);
}

static void
test_terminal_asks_no (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autofree char *before = tally_test_schema_of (fixture->own);
  g_autofree char *after = NULL;
  g_autofree char *seen = NULL;
  int status;

  seen = run_on_terminal ("\n", &status);
  g_assert_cmpint (status, ==, 1);
  g_assert_nonnull (strstr (seen, "nothing was dropped"));
  g_assert_null (strstr (seen, "Councils:"));
  after = tally_test_schema_of (fixture->own);
  g_assert_cmpstr (after, ==, before);
}

int
main (int    argc,
      char **argv)
{
  int status;

  g_test_init (&argc, &argv, NULL);

  /* Before anything asks GLib for it: GLib reads it once. */
  data_home = tally_test_make_temp_dir ();
  g_setenv ("XDG_DATA_HOME", data_home, TRUE);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)
  ADD ("/foreign/find", test_find);
  ADD ("/foreign/cli/refused-without-asking", test_cli_refuses);
  ADD ("/foreign/cli/option-drops", test_cli_option_drops);
  ADD ("/foreign/cli/terminal-yes", test_terminal_asks_yes);
  ADD ("/foreign/cli/terminal-no", test_terminal_asks_no);
  ADD ("/foreign/elsewhere-refused", test_elsewhere_refused);
  ADD ("/foreign/drop-only-what-was-shown", test_drop_what_was_shown);
  ADD ("/foreign/changed-table-not-offered", test_changed_table_not_offered);
#undef ADD

  status = g_test_run ();
  tally_test_remove_dir (data_home);
  g_free (data_home);
  return status;
}
