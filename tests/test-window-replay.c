/* test-window-replay.c: results night end to end, the window following a replay of 2018.
 *
 * The window is open on a database while `tally replay`, another process,
 * declares the 2018 night into it ward by ward as fast as it can.  Every
 * time the window reloads, the user's place must be where they left it
 * (the North West filter, Trafford's page selected), the header line must
 * say "Live · N of 150 councils declared" with N never going back, and the
 * state of the parties "after K of M councils".  When the replay is done
 * the window must show exactly the full-night figures of the database it
 * replayed.  And a replay killed with SIGKILL in the middle of the night
 * (in the middle of a council, and as likely as not of a ward's
 * transaction) leaves the database intact and the window showing exactly
 * its last committed state, still following.  Needs a display and
 * ../shared/data (skips without either).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <sqlite3.h>
#include <stdio.h>
#include <string.h>

#include "tally-catalog.h"
#include "tally-council.h"
#include "tally-council-result.h"
#include "tally-database.h"
#include "tally-filter.h"
#include "tally-live-query.h"
#include "tally-party.h"
#include "tally-party-summary.h"
#include "tally-results.h"
#include "tally-scope-summary.h"
#include "tally-selection.h"
#include "tally-test-util.h"
#include "tally-test-widgets.h"
#include "tally-window-live.h"
#include "tally-window-private.h"

static char *temp_dir;

/* The figures of the whole night (whatever the window's filter), party by
 * party: councils, seats and seat change, then no overall control. */
static char *
night_figures (TallyResults *results)
{
  /* A new filter: every council of the newest election. */
  g_autoptr(TallyFilter) everything = tally_filter_new ();
  g_autoptr(TallyScopeSummary) summary = NULL;
  GListModel *parties = tally_catalog_get_parties (tally_results_get_catalog (results));
  GString *text = g_string_new (NULL);
  guint n_declared = 0, n_councils = 0;

  summary = tally_results_summarize (results, everything);
  /* A database with no declarations counts every council as declared. */
  if (!tally_scope_summary_get_declared (summary, &n_declared, &n_councils))
    n_declared = n_councils = tally_scope_summary_get_n_councils (summary);
  g_string_append_printf (text, "declared %u of %u\n", n_declared, n_councils);
  for (guint i = 0; i < g_list_model_get_n_items (parties); i++)
    {
      g_autoptr(TallyParty) party = g_list_model_get_item (parties, i);
      int change = 0;
      gboolean known = tally_scope_summary_get_seats_change (summary, party, &change);
      guint seats = tally_scope_summary_get_seats_won (summary, party);
      guint councils = tally_scope_summary_get_councils_controlled (summary, party, TALLY_STAGE_AFTER);

      if (seats > 0 || councils > 0 || (known && change != 0))
        g_string_append_printf (text, "%s %u councils, %u seats (%s%d)\n", tally_party_get_key (party), councils,
                                seats, known ? "" : "?", change);
    }
  g_string_append_printf (text, "NOC %u\n", tally_scope_summary_get_councils_controlled (summary, NULL,
                                                                                        TALLY_STAGE_AFTER));
  return g_string_free (text, FALSE);
}

static char *
source_figures (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TallyDatabase) database = tally_database_open (path, TALLY_DATABASE_OPEN_READ_ONLY, &error);
  g_autoptr(TallyCatalog) catalog = NULL;
  g_autoptr(TallyResults) results = NULL;

  g_assert_no_error (error);
  catalog = tally_catalog_new (database, &error);
  g_assert_no_error (error);
  results = tally_results_new (catalog, &error);
  g_assert_no_error (error);
  return night_figures (results);
}

static void
replay_done_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  gboolean *done = user_data;

  g_assert_true (g_subprocess_wait_finish (G_SUBPROCESS (object), result, NULL));
  *done = TRUE;
}

/* The user's place, checked after every reload. */
static void
assert_place_kept (TallyWindow *window)
{
  TallyFilter *filter = tally_results_get_filter (tally_window_get_results (window));
  TallyCouncil *council = tally_selection_get_council (tally_window_get_selection (window));

  g_assert_cmpstrv (tally_filter_get_regions (filter), ((const char *[]) { "North West", NULL }));
  g_assert_nonnull (council);
  g_assert_cmpstr (tally_council_get_name (council), ==, "Trafford");
  g_assert_cmpstr (tally_window_get_page (window), ==, "council");
}

/* What a fresh reader of @path sees: the night's figures and its header. */
static char *
file_state (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TallyDatabase) database = tally_database_open (path, TALLY_DATABASE_OPEN_READ_ONLY, &error);
  g_autoptr(TallyCatalog) catalog = NULL;
  g_autoptr(TallyResults) results = NULL;
  g_autoptr(TallyLiveNight) night = NULL;
  g_autoptr(GHashTable) declared = NULL;
  g_autofree char *figures = NULL;
  g_autofree char *header = NULL;

  g_assert_no_error (error);
  catalog = tally_catalog_new (database, &error);
  g_assert_no_error (error);
  results = tally_results_new (catalog, &error);
  g_assert_no_error (error);
  night = _tally_window_make_night (catalog);
  g_assert_nonnull (night);
  /* Counted as the window counts it: the councils fully declared. */
  declared = tally_live_night_get_declared_set (night);
  tally_results_set_declared (results, tally_live_night_get_election (night), declared);
  figures = night_figures (results);
  header = tally_live_night_describe (night);
  return g_strdup_printf ("%s%s\n", figures, header);
}

/* What the window shows, in the same terms. */
static char *
window_state (TallyWindow *window)
{
  g_autofree char *figures = night_figures (tally_window_get_results (window));

  return g_strdup_printf ("%s%s\n", figures, tally_window_get_live_text (window));
}

static gint64
count_rows (const char *path,
            const char *sql)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  gint64 n = -1;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  sqlite3_busy_timeout (db, 2000);
  if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) == SQLITE_OK && sqlite3_step (stmt) == SQLITE_ROW)
    n = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return n;
}

static char *
integrity (const char *path)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  char *text = NULL;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "PRAGMA integrity_check", -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  text = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return text;
}

/* Turns the main loop until the window has not reloaded for @quiet_ms. */
static void
wait_until_settled (TallyWindow *window,
                    guint        quiet_ms)
{
  gint64 deadline = g_get_monotonic_time () + 60 * G_TIME_SPAN_SECOND;
  gint64 since = g_get_monotonic_time ();
  guint seen = tally_window_get_n_live_reloads (window);

  while (g_get_monotonic_time () < deadline && g_get_monotonic_time () - since < quiet_ms * 1000)
    {
      if (!g_main_context_iteration (NULL, FALSE))
        g_usleep (2000);
      if (tally_window_get_n_live_reloads (window) != seen)
        {
          seen = tally_window_get_n_live_reloads (window);
          since = g_get_monotonic_time ();
        }
    }
}

/* A replay killed with SIGKILL part way through the night: the file is
 * intact, and the window shows exactly what a fresh reader of it sees (the
 * last ward committed, never part of one), keeps following, and follows
 * the rest of the night when the replay is resumed. */
static void
test_replay_killed (void)
{
  g_autofree char *source = NULL;
  g_autofree char *target = NULL;
  g_autofree char *want = NULL;
  g_autofree char *got = NULL;
  g_autofree char *check = NULL;
  g_autoptr(GSubprocess) replay = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(TallyTestRun) prepare = { 0 };
  g_auto(TallyTestRun) resume = { 0 };
  TallyWindow *window;
  gint64 n_wards, n_all, deadline;
  gboolean done = FALSE;
  guint reloads;

  if (!(source = tally_test_import_2018_wards (temp_dir)))
    {
      g_test_skip ("no ../shared/data");
      return;
    }

  target = g_build_filename (temp_dir, "killed.db", NULL);
  tally_test_run_tally (&prepare, temp_dir,
                        (const char *[]) { "replay", "--from", source, "--database", target, "--seed", "7",
                                           "--prepare-only", NULL });
  g_assert_cmpint (prepare.status, ==, 0);
  n_all = count_rows (source, "SELECT count(*) FROM contests WHERE election_id = "
                              "(SELECT id FROM elections WHERE date = '2018-05-03')");
  g_assert_cmpint (n_all, >, 2000);

  window = tally_window_new (NULL);
  g_assert_true (tally_window_open_database (window, target));
  gtk_window_present (GTK_WINDOW (window));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-council", "s", "Trafford");
  tally_test_wait_for_frames (150);
  g_assert_true (tally_window_is_following (window));

  replay = g_subprocess_newv ((const char *[]) { g_getenv ("TALLY_BIN"), "replay", "--from", source, "--database",
                                                 target, "--seed", "7", "--speed", "max", "--resume", "--quiet",
                                                 NULL },
                              G_SUBPROCESS_FLAGS_STDOUT_SILENCE, &error);
  g_assert_no_error (error);
  g_subprocess_wait_async (replay, NULL, replay_done_cb, &done);

  /* Killed once a tenth of the night is in, whatever it is writing. */
  deadline = g_get_monotonic_time () + 60 * G_TIME_SPAN_SECOND;
  do
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
      n_wards = count_rows (target, "SELECT count(*) FROM ward_declarations");
    }
  while (n_wards < n_all / 10 && !done && g_get_monotonic_time () < deadline);
  g_assert_false (done);
  g_subprocess_force_exit (replay);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
  g_assert_false (g_subprocess_get_successful (replay));
  g_assert_true (g_subprocess_get_if_signaled (replay));

  /* The file is whole, part of the night in it. */
  check = integrity (target);
  g_assert_cmpstr (check, ==, "ok");
  n_wards = count_rows (target, "SELECT count(*) FROM ward_declarations");
  g_assert_cmpint (n_wards, >=, n_all / 10);
  g_assert_cmpint (n_wards, <, n_all);

  /* The window shows exactly the last committed state, and still runs. */
  wait_until_settled (window, 1500);
  want = file_state (target);
  got = window_state (window);
  g_test_message ("after the kill:\n%s", got);
  g_assert_cmpstr (got, ==, want);
  g_assert_true (tally_window_is_following (window));
  g_assert_cmpstr (tally_window_get_page (window), ==, "council");
  g_assert_cmpstr (tally_council_get_name (tally_selection_get_council (tally_window_get_selection (window))), ==,
                   "Trafford");

  /* The rest of the night, resumed, is followed to the end. */
  reloads = tally_window_get_n_live_reloads (window);
  tally_test_run_tally (&resume, temp_dir,
                        (const char *[]) { "replay", "--from", source, "--database", target, "--seed", "7",
                                           "--speed", "max", "--resume", "--quiet", NULL });
  g_assert_cmpint (resume.status, ==, 0);
  g_assert_cmpint (count_rows (target, "SELECT count(*) FROM ward_declarations"), ==, n_all);
  wait_until_settled (window, 1500);
  g_assert_cmpuint (tally_window_get_n_live_reloads (window), >, reloads);
  g_clear_pointer (&want, g_free);
  g_clear_pointer (&got, g_free);
  want = source_figures (source);
  got = night_figures (tally_window_get_results (window));
  g_assert_cmpstr (got, ==, want);

  gtk_window_destroy (GTK_WINDOW (window));
  tally_test_wait_for_frames (50);
}

static void
test_replay_end_to_end (void)
{
  g_autofree char *source = NULL;
  g_autofree char *target = NULL;
  g_autofree char *want = NULL;
  g_autofree char *got = NULL;
  g_autoptr(GSubprocess) replay = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) headers = g_ptr_array_new_with_free_func (g_free);
  g_auto(TallyTestRun) prepare = { 0 };
  TallyWindow *window;
  guint seen_reloads = 0, last_n = 0, n_midnight = 0, n_summaries = 0;
  gboolean done = FALSE;
  gint64 deadline;

  if (!(source = tally_test_import_2018_wards (temp_dir)))
    {
      g_test_skip ("no ../shared/data");
      return;
    }

  /* The night made first, nothing declared: the window opens on it. */
  target = g_build_filename (temp_dir, "night.db", NULL);
  tally_test_run_tally (&prepare, temp_dir,
                        (const char *[]) { "replay", "--from", source, "--database", target, "--seed", "2018",
                                           "--prepare-only", NULL });
  g_assert_cmpint (prepare.status, ==, 0);

  window = tally_window_new (NULL);
  g_assert_true (tally_window_open_database (window, target));
  tally_filter_set_regions (tally_results_get_filter (tally_window_get_results (window)),
                            (const char *[]) { "North West", NULL });
  gtk_window_present (GTK_WINDOW (window));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-council", "s", "Trafford");
  tally_test_wait_for_frames (150);
  assert_place_kept (window);
  g_assert_true (tally_window_is_following (window));
  g_assert_cmpstr (tally_window_get_live_text (window), ==, "Live · 0 of 150 councils declared · no wards declared yet");

  /* At 3,000 times the night's pace (about ten seconds): as fast as the
   * writer can go, a loaded machine once finished the night before the
   * window's first reload, and no reload saw a night half declared. */
  replay = g_subprocess_newv ((const char *[]) { g_getenv ("TALLY_BIN"), "replay", "--from", source, "--database",
                                                 target, "--seed", "2018", "--speed", "x3000", "--resume", "--quiet",
                                                 NULL },
                              G_SUBPROCESS_FLAGS_STDOUT_SILENCE, &error);
  g_assert_no_error (error);
  g_subprocess_wait_async (replay, NULL, replay_done_cb, &done);

  /* Every reload while the night is declared, and a last one after. */
  deadline = g_get_monotonic_time () + 120 * G_TIME_SPAN_SECOND;
  while (g_get_monotonic_time () < deadline)
    {
      const char *header;
      const char *summary_text;
      guint n = 0, k = 0, m = 0;

      g_main_context_iteration (NULL, FALSE);
      if (tally_window_get_n_live_reloads (window) == seen_reloads)
        {
          if (done && last_n == 150)
            break;
          g_usleep (2000);
          continue;
        }
      seen_reloads = tally_window_get_n_live_reloads (window);

      assert_place_kept (window);
      header = tally_window_get_live_text (window);
      g_assert_nonnull (header);
      if (!g_str_has_prefix (header, "Live · ") || strstr (header, " of 150 councils declared") == NULL)
        g_error ("the header line does not say how far the night has gone: %s", header);
      n = (guint) g_ascii_strtoull (header + strlen ("Live · "), NULL, 10);
      g_assert_cmpuint (n, >=, last_n);
      last_n = n;
      if (headers->len == 0 || !g_str_equal (g_ptr_array_index (headers, headers->len - 1), header))
        g_ptr_array_add (headers, g_strdup (header));
      if (n > 0 && n < 150)
        n_midnight++;

      /* The state of the parties counts the declared councils of the filter. */
      summary_text = tally_party_summary_get_text (tally_window_get_party_summary (window));
      if (g_str_has_prefix (summary_text, "after ") &&
          sscanf (summary_text + strlen ("after "), "%u of %u", &k, &m) == 2)
        {
          g_assert_cmpuint (k, <=, m);
          g_assert_cmpuint (k, <=, n);
          n_summaries++;
        }
    }

  g_assert_true (done);
  g_assert_true (g_subprocess_get_successful (replay));
  for (guint i = 0; i < headers->len; i++)
    g_test_message ("%s", (const char *) g_ptr_array_index (headers, i));
  g_assert_cmpuint (last_n, ==, 150);
  g_assert_cmpuint (n_midnight, >, 0);
  g_assert_cmpuint (n_summaries, >, 0);
  assert_place_kept (window);

  /* Exactly the night it replayed. */
  want = source_figures (source);
  got = night_figures (tally_window_get_results (window));
  g_assert_cmpstr (got, ==, want);
  g_assert_true (g_str_has_prefix (tally_party_summary_get_text (tally_window_get_party_summary (window)),
                                   "all "));

  gtk_window_destroy (GTK_WINDOW (window));
  tally_test_wait_for_frames (50);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  g_test_init (&argc, &argv, NULL);
  temp_dir = tally_test_make_temp_dir ();
  g_setenv ("XDG_DATA_HOME", temp_dir, TRUE);
  g_setenv ("XDG_CACHE_HOME", temp_dir, TRUE);
  g_setenv ("XDG_CONFIG_HOME", temp_dir, TRUE);

  if (!tally_test_widgets_init ())
    return 0;

  g_test_add_func ("/window-replay/end-to-end", test_replay_end_to_end);
  g_test_add_func ("/window-replay/killed", test_replay_killed);

  status = g_test_run ();
  tally_test_remove_dir (temp_dir);
  return status;
}
