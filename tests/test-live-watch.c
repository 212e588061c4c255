/* test-live-watch.c: `tally watch DIR`, results files imported as they land.
 *
 * A real `tally watch` process: a file renamed into place goes in, a
 * half-written one (".part") waits, a bad one is refused with its file,
 * line and field on stderr while nothing stored changes and the watch goes
 * on, a file already there goes in with --existing, every ward keeps its
 * declaration time (the file's declared_at, else when it landed), and
 * SIGTERM ends it
 * with its counts.  The window's "Follow a Folder…" is the same
 * TallyFolderWatch (test-window-live.c).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <signal.h>
#include <string.h>

#include "tally-test-util.h"

static void
copy_into (const char *fixture,
           const char *dir,
           const char *name)
{
  g_autofree char *from = tally_test_data_path (fixture);
  g_autofree char *temp = g_strdup_printf ("%s/.%s.part", dir, name);
  g_autofree char *to = g_build_filename (dir, name, NULL);
  g_autofree char *contents = NULL;
  gsize length;

  g_assert_true (g_file_get_contents (from, &contents, &length, NULL));
  g_assert_true (g_file_set_contents (temp, contents, length, NULL));
  /* As a careful script does: written aside, then renamed into place. */
  g_assert_cmpint (g_rename (temp, to), ==, 0);
}

static void
write_into (const char *dir,
            const char *name,
            const char *contents)
{
  g_autofree char *temp = g_strdup_printf ("%s/%s.part", dir, name);
  g_autofree char *to = g_build_filename (dir, name, NULL);

  g_assert_true (g_file_set_contents (temp, contents, -1, NULL));
  g_assert_cmpint (g_rename (temp, to), ==, 0);
}

static char *read_line (GDataInputStream *stream);

/* The next line of stderr that is not a warning (the Democracy Club file's
 * stray first line is one). */
static char *
read_error_line (GDataInputStream *stream)
{
  for (;;)
    {
      char *line = read_line (stream);

      if (!g_str_has_prefix (line, "tally watch: warning: "))
        return line;
      g_free (line);
    }
}

static char *
read_line (GDataInputStream *stream)
{
  g_autoptr(GError) error = NULL;
  char *line = g_data_input_stream_read_line_utf8 (stream, NULL, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (line);
  return line;
}

/* Waits for the database to hold @n contests (the watch imports on a
 * worker thread of its own process). */
static void
wait_for_contests (const char *db_path,
                   gint64      n)
{
  for (guint tries = 0;; tries++)
    {
      g_assert_cmpuint (tries, <, 3000);
      if (g_file_test (db_path, G_FILE_TEST_EXISTS) &&
          tally_test_query_int (db_path, "SELECT count(*) FROM contests ct JOIN wards w ON w.id = ct.ward_id "
                                         "WHERE w.name LIKE 'Test Ward%' OR w.name = 'St Marys and Fairfield'") >= n)
        return;
      g_usleep (10 * 1000);
    }
}

static void
test_watch (void)
{
  g_autofree char *home = tally_test_make_temp_dir ();
  g_autofree char *dir = g_build_filename (home, "in", NULL);
  g_autofree char *db_path = g_build_filename (home, "night.db", NULL);
  g_autofree char *first = NULL, *line = NULL, *fingerprint = NULL, *after = NULL;
  g_autofree char *out = NULL, *err = NULL;
  g_autoptr(GSubprocess) watch = NULL;
  g_autoptr(GDataInputStream) out_lines = NULL;
  g_autoptr(GDataInputStream) err_lines = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) envp = g_get_environ ();
  g_autoptr(GSubprocessLauncher) launcher = NULL;

  g_assert_cmpint (g_mkdir (dir, 0700), ==, 0);
  copy_into ("import-dc.csv", dir, "already-here.csv");

  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_PIPE);
  g_subprocess_launcher_setenv (launcher, "XDG_DATA_HOME", home, TRUE);
  g_subprocess_launcher_setenv (launcher, "XDG_CACHE_HOME", home, TRUE);
  g_subprocess_launcher_unsetenv (launcher, "DISPLAY");
  watch = g_subprocess_launcher_spawn (launcher, &error, g_getenv ("TALLY_BIN"), "watch", dir, "--database", db_path,
                                       "--existing", NULL);
  g_assert_no_error (error);
  out_lines = g_data_input_stream_new (g_subprocess_get_stdout_pipe (watch));
  err_lines = g_data_input_stream_new (g_subprocess_get_stderr_pipe (watch));

  first = read_line (out_lines);
  g_assert_true (g_str_has_prefix (first, "Watching "));
  g_assert_true (g_str_has_suffix (first, "as they arrive"));

  /* The file already there, with --existing. */
  line = read_line (out_lines);
  g_assert_nonnull (strstr (line, " already-here.csv: "));
  wait_for_contests (db_path, 1);
  g_clear_pointer (&line, g_free);

  /* Renamed into place: imported. */
  copy_into ("import-good.csv", dir, "salford.csv");
  line = read_line (out_lines);
  g_assert_nonnull (strstr (line, " salford.csv: 8 rows imported, 3 contests"));
  wait_for_contests (db_path, 3);
  fingerprint = tally_test_fingerprint (db_path);

  /* A bad file: refused with file, line and field; nothing changes. */
  copy_into ("import-bad-number.csv", dir, "broken.csv");
  g_clear_pointer (&line, g_free);
  line = read_error_line (err_lines);
  if (strstr (line, "broken.csv") == NULL || strstr (line, "line 3") == NULL || strstr (line, "votes") == NULL)
    g_error ("the message does not name file, line and field: %s", line);
  g_clear_pointer (&line, g_free);
  line = read_error_line (err_lines);
  g_assert_cmpstr (line, ==, "tally watch: nothing of it was imported; still watching");
  after = tally_test_fingerprint (db_path);
  g_assert_cmpstr (after, ==, fingerprint);

  /* Still watching: the same good file again, under another name. */
  copy_into ("import-good.csv", dir, "salford-again.csv");
  g_clear_pointer (&line, g_free);
  line = read_line (out_lines);
  g_assert_nonnull (strstr (line, " salford-again.csv: 8 rows imported"));

  /* Every ward keeps its time: the moment it landed, or the file's own. */
  g_assert_cmpint (tally_test_query_int (db_path, "SELECT count(*) FROM contests c LEFT JOIN ward_declarations wd "
                                                  "ON wd.contest_id = c.id WHERE wd.contest_id IS NULL"), ==, 0);
  write_into (dir, "timed.csv",
              "election_date,council_code,ward_name,candidate,party,votes,elected,declared_at\n"
              "2018-05-03,E08000006,Test Ward East,Eve Example,LAB,700,1,2018-05-04T02:14:00+01:00\n"
              "2018-05-03,E08000006,Test Ward East,Fay Example,CON,600,0,2018-05-04T02:14:00+01:00\n");
  g_clear_pointer (&line, g_free);
  line = read_line (out_lines);
  g_assert_nonnull (strstr (line, " timed.csv: 2 rows imported, 1 contest"));
  g_clear_pointer (&after, g_free);
  after = tally_test_query_rows (db_path, "SELECT wd.declared_at FROM ward_declarations wd JOIN contests c "
                                          "ON c.id = wd.contest_id JOIN wards w ON w.id = c.ward_id "
                                          "WHERE w.name = 'Test Ward East'");
  g_assert_cmpstr (after, ==, "2018-05-04T01:14:00Z\n");

  write_into (dir, "badtime.csv",
              "election_date,council_code,ward_name,candidate,party,votes,elected,declared_at\n"
              "2018-05-03,E08000006,Test Ward West,Gil Example,LAB,700,1,quarter past two\n");
  g_clear_pointer (&line, g_free);
  line = read_error_line (err_lines);
  g_assert_cmpstr (line, ==, "tally watch: badtime.csv, line 2, field “declared_at”: “quarter past two” is not a "
                             "time: give it as 2018-05-04T02:14:00+01:00");

  g_subprocess_send_signal (watch, SIGTERM);
  g_assert_true (g_subprocess_wait (watch, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_subprocess_get_if_exited (watch));
  g_assert_cmpint (g_subprocess_get_exit_status (watch), ==, 0);
  g_clear_pointer (&line, g_free);
  line = read_line (out_lines);
  g_assert_true (g_str_has_prefix (line, "Stopped watching "));
  g_assert_true (g_str_has_suffix (line, ": 4 files imported, 2 refused"));

  tally_test_remove_dir (home);
}

static void
test_not_a_folder (void)
{
  g_auto(TallyTestRun) run = { 0 };

  tally_test_run_tally (&run, NULL, (const char *[]) { "watch", "/nonexistent/folder", NULL });
  g_assert_cmpint (run.status, ==, 1);
  g_assert_nonnull (strstr (run.err, "tally watch: /nonexistent/folder is not a folder"));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/live/watch/imports-as-files-land", test_watch);
  g_test_add_func ("/live/watch/not-a-folder", test_not_a_folder);

  return g_test_run ();
}
