/* tally-window-live.c: the window follows its database while another process writes it.
 *
 * On results night a replay, a folder watch or `tally import` writes into
 * the database the window shows.  The window notices cheaply and without
 * polling: a file monitor on the database and its write-ahead log wakes it,
 * and `PRAGMA data_version` on a connection of its own (an integer read
 * from shared memory, microseconds) says whether another connection really
 * committed; the window's own reads, a checkpoint or a touch do not count.
 * A bundled database is never watched, so a window that is not live pays
 * nothing, not even a monitor.
 *
 * A change is read on a worker thread (a new catalogue and engine, the same
 * as opening the file), and swapped in on the main thread with the user's
 * place kept: the filter (it lives in the settings and is read back), the
 * search, the selected council and its open page, and the list's scroll
 * position.  Changes that arrive during a reload are gathered into one
 * more reload when it ends.  A locked file or a half-read moment is simply
 * tried again: the window keeps showing the last complete state.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <sqlite3.h>

#include "tally-catalog.h"
#include "tally-database.h"
#include "tally-election.h"
#include "tally-filter.h"
#include "tally-live-query.h"
#include "tally-scope-summary.h"
#include "tally-results.h"
#include "tally-window-live.h"
#include "tally-window-private.h"

/* How long a burst of writes may go on before the window looks: short
 * enough to follow "within a second", long enough that a ward's few
 * statements are one look. */
#define SETTLE_MS 60
/* After a locked file or a failed read. */
#define RETRY_MS 400
/* The least time from one reload's start to the next: a night written as
 * fast as a replay can is followed five times a second, not as often as
 * the window can read it, which took CPU from the writer on a small
 * machine.  A ward on its own (seconds apart on the night) never waits. */
#define RELOAD_INTERVAL_MS 200
/* The engine shown until a reload is freed this long after it: after the
 * frame that shows the new one (an idle would run before it, while the
 * frame clock waits for its moment). */
#define RELEASE_MS 250

struct _TallyWindowLive
{
  char          *path;
  sqlite3       *handle;        /* read-only, for PRAGMA data_version only */
  gint64         data_version;
  GFileMonitor  *monitors[2];   /* the file and its -wal */
  guint          settle_id;
  GCancellable  *cancellable;
  gboolean       reloading;
  gboolean       again;
  gint64         reload_started;  /* monotonic µs, 0 before the first */
  guint          n_reloads;

  GtkRevealer   *revealer;
  GtkLabel      *label;
  char          *text;
};

typedef struct
{
  TallyCatalog   *catalog;
  TallyResults   *results;
  TallyLiveNight *night;    /* results night, when the file records one */
} Engine;

static void
engine_free (Engine *engine)
{
  g_clear_object (&engine->catalog);
  g_clear_object (&engine->results);
  g_clear_object (&engine->night);
  g_free (engine);
}

static gboolean
release_engine (gpointer data)
{
  engine_free (data);
  return G_SOURCE_REMOVE;
}

static void schedule_check (TallyWindow *self,
                            guint        delay_ms);

/* What a reload reads, and the question the window will ask of it. */
typedef struct
{
  char           *path;
  TallyFilter    *filter;     /* a copy of the window's, its elections by date */
  char           *election;
  char           *baseline;
  TallyLiveNight *night;      /* the night shown: only read, for what still holds */
} Request;

static void
request_free (Request *request)
{
  g_free (request->path);
  g_clear_object (&request->filter);
  g_free (request->election);
  g_free (request->baseline);
  g_clear_object (&request->night);
  g_free (request);
}

static Request *
request_new (TallyWindow *self)
{
  Request *request = g_new0 (Request, 1);
  TallyResults *results = tally_window_get_results (self);

  request->path = g_strdup (self->live->path);
  g_set_object (&request->night, tally_window_get_night (self));
  if (results != NULL && tally_results_get_filter (results) != NULL)
    {
      TallyFilter *filter = tally_results_get_filter (results);

      request->filter = tally_filter_copy (filter);
      if (tally_filter_get_election (filter) != NULL)
        request->election = g_strdup (tally_election_get_date (tally_filter_get_election (filter)));
      if (tally_filter_get_baseline (filter) != NULL)
        request->baseline = g_strdup (tally_election_get_date (tally_filter_get_baseline (filter)));
    }

  return request;
}

/* The summaries the window and its filter panel will ask for first, made
 * here (the engine keeps them): the window's filter, on the new
 * catalogue's elections, and the whole election the panel's choices come
 * from. */
static void
warm_summaries (Engine  *engine,
                Request *request)
{
  g_autoptr(TallyFilter) everything = tally_filter_new ();
  g_autoptr(TallyScopeSummary) mine = NULL;
  g_autoptr(TallyScopeSummary) whole = NULL;
  TallyFilter *filter = request->filter;

  if (filter == NULL)
    return;

  tally_filter_set_election (filter, request->election
                                       ? tally_catalog_lookup_election (engine->catalog, request->election) : NULL);
  tally_filter_set_baseline (filter, request->baseline
                                       ? tally_catalog_lookup_election (engine->catalog, request->baseline) : NULL);
  tally_filter_set_election (everything, tally_filter_get_election (filter));
  mine = tally_results_summarize (engine->results, filter);
  whole = tally_results_summarize (engine->results, everything);
}

/* Reads the file again, as tally_window_open_database() does. */
static void
reload_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  Request *request = task_data;
  const char *path = request->path;
  g_autoptr(TallyDatabase) database = NULL;
  g_autoptr(GError) error = NULL;
  Engine *engine = g_new0 (Engine, 1);

  /* One snapshot for every query of the reload: a ward committed in the
   * middle must not leave a council counted declared with older figures. */
  if (!(database = tally_database_open (path, TALLY_DATABASE_OPEN_READ_ONLY, &error)) ||
      !tally_database_begin_snapshot (database, &error) ||
      !(engine->catalog = tally_catalog_new (database, &error)) ||
      !(engine->results = tally_results_new (engine->catalog, &error)))
    {
      if (database != NULL)
        tally_database_end_snapshot (database);
      engine_free (engine);
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  /* The parties in results order, which the window and its filter panel
   * ask of the engine, and every council's digest: made here, off the
   * window's thread. */
  {
    TallyElection *latest = tally_catalog_get_latest_election (engine->catalog);

    if (latest != NULL)
      {
        TallyElection *baseline = tally_election_get_baseline (latest);
        GListModel *councils = tally_results_get_council_results (engine->results, latest, baseline);

        tally_results_get_ranking (engine->results, latest, baseline, TRUE);
        /* And what tells the views which councils changed. */
        for (guint i = 0; i < g_list_model_get_n_items (councils); i++)
          {
            g_autoptr(TallyCouncilResult) result = g_list_model_get_item (councils, i);

            tally_council_result_get_digest (result);
          }
      }
  }
  /* The night's figures before the count from the engine just made (a
   * second engine of its own was a third of the reload), and what the
   * night shown already read: the baseline's wards, the contests so far. */
  if (tally_live_catalog_records_night (engine->catalog) &&
      !(engine->night = tally_live_night_new_following (engine->results, request->night, &error)))
    {
      g_debug ("No results night: %s", error->message);
      g_clear_error (&error);
    }
  warm_summaries (engine, request);
  tally_database_end_snapshot (database);

  g_task_return_pointer (task, engine, (GDestroyNotify) engine_free);
}

static void
set_text (TallyWindow *self,
          const char  *text)
{
  TallyWindowLive *live = self->live;

  g_free (live->text);
  live->text = g_strdup (text);
  gtk_label_set_text (live->label, text ? text : "");
  gtk_revealer_set_reveal_child (live->revealer, text != NULL);
}

/* "02:14 Worcester": the council that declared last, from the
 * declarations table, in UK time (the night is English). */
static char *
describe_latest (TallyWindowLive *live,
                 TallyElection   *election)
{
  sqlite3_stmt *stmt = NULL;
  char *text = NULL;

  if (sqlite3_prepare_v2 (live->handle,
                          "SELECT c.name, d.declared_at FROM declarations d JOIN councils c ON c.id = d.council_id "
                          "WHERE d.election_id = ?1 AND d.declared_at IS NOT NULL "
                          "ORDER BY d.declared_at DESC LIMIT 1",
                          -1, &stmt, NULL) == SQLITE_OK)
    {
      sqlite3_bind_int64 (stmt, 1, tally_election_get_id (election));
      if (sqlite3_step (stmt) == SQLITE_ROW)
        {
          g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
          g_autoptr(GTimeZone) uk = g_time_zone_new_identifier ("Europe/London");
          g_autoptr(GDateTime) at = g_date_time_new_from_iso8601 ((const char *) sqlite3_column_text (stmt, 1), utc);
          g_autoptr(GDateTime) local = at && uk ? g_date_time_to_timezone (at, uk) : NULL;
          g_autofree char *time = local ? g_date_time_format (local, "%H:%M") : NULL;

          if (time != NULL)
            text = g_strdup_printf ("%s %s", time, (const char *) sqlite3_column_text (stmt, 0));
        }
    }
  sqlite3_finalize (stmt);

  return text;
}

/* The header line: where the night stands, over the whole election (not
 * the filter: it says how far the count has gone).  It shows while the
 * election is still being declared, and once the file has changed under
 * the window; an election complete and not written to has none. */
static void
update_bar (TallyWindow *self)
{
  TallyWindowLive *live = self->live;
  TallyResults *results = tally_window_get_results (self);
  g_autoptr(TallyFilter) everything = NULL;
  g_autoptr(TallyScopeSummary) summary = NULL;
  g_autofree char *latest = NULL;
  g_autofree char *text = NULL;
  TallyElection *election;
  guint n_declared = 0, n_councils = 0;
  gboolean known;

  if (results == NULL || live->handle == NULL)
    return;

  /* Results night says it itself, as at the moment the timeline shows. */
  if (tally_window_get_night (self) != NULL)
    {
      text = tally_live_night_describe (tally_window_get_night (self));
      set_text (self, text);
      return;
    }

  everything = tally_filter_copy (tally_results_get_filter (results));
  tally_filter_clear (everything);
  tally_filter_set_election (everything, tally_filter_get_election (tally_results_get_filter (results)));
  election = tally_results_resolve_election (results, everything);
  summary = tally_results_summarize (results, everything);
  known = tally_scope_summary_get_declared (summary, &n_declared, &n_councils);

  if (!known || election == NULL)
    {
      if (live->n_reloads > 0)
        {
          g_autoptr(GDateTime) now = g_date_time_new_now_local ();
          g_autofree char *time = g_date_time_format (now, "%H:%M:%S");

          text = g_strdup_printf (_("Live · updated at %s"), time);
        }
      set_text (self, text);
      return;
    }

  if (n_declared == n_councils && live->n_reloads == 0)
    {
      set_text (self, NULL);
      return;
    }

  latest = describe_latest (live, election);
  if (latest != NULL)
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Live · %u of %u council declared · latest %s",
                                         "Live · %u of %u councils declared · latest %s", n_councils),
                            n_declared, n_councils, latest);
  else
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Live · %u of %u council declared",
                                         "Live · %u of %u councils declared", n_councils),
                            n_declared, n_councils);
  set_text (self, text);
}

void
_tally_window_live_update_bar (TallyWindow *self)
{
  if (self->live != NULL)
    update_bar (self);
}

static void
restore_scroll (GtkAdjustment *adjustment,
                double         value)
{
  gtk_adjustment_set_value (adjustment, MIN (value, gtk_adjustment_get_upper (adjustment) -
                                                    gtk_adjustment_get_page_size (adjustment)));
}

static void
reload_done_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  TallyWindow *self = TALLY_WINDOW (object);
  TallyWindowLive *live = self->live;
  g_autoptr(GError) error = NULL;
  Engine *engine = g_task_propagate_pointer (G_TASK (result), &error);
  Engine *previous;
  GtkScrollable *scrollable;
  GtkAdjustment *adjustment;
  double scrolled;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) || live == NULL)
    {
      g_clear_pointer (&engine, engine_free);
      return;
    }

  live->reloading = FALSE;

  if (engine == NULL)
    {
      /* Locked, or caught between two statements of a writer that is not
       * in one transaction: the last complete state stays on screen. */
      g_debug ("Reloading %s: %s", live->path, error->message);
      schedule_check (self, RETRY_MS);
      return;
    }

  scrollable = GTK_SCROLLABLE (tally_council_list_get_column_view (self->council_list));
  adjustment = gtk_scrollable_get_vadjustment (scrollable);
  scrolled = adjustment ? gtk_adjustment_get_value (adjustment) : 0;

  /* The engine shown until now is let go of after the frame (RELEASE_MS):
   * freeing every council's figures is no part of showing the new ones. */
  previous = g_new0 (Engine, 1);
  g_set_object (&previous->catalog, self->catalog);
  g_set_object (&previous->results, self->results);
  g_set_object (&previous->night, tally_window_get_night (self));
  g_timeout_add_full (G_PRIORITY_LOW, RELEASE_MS, release_engine, previous, NULL);

  /* The list's rows, the filter panel's counts and the council page
   * brought up to date once, with the new night. */
  tally_council_list_freeze (self->council_list);
  tally_filter_panel_freeze (self->filter_panel);
  self->page_held = TRUE;
  _tally_window_install_engine (self, live->path, engine->catalog, engine->results, TRUE);
  _tally_window_set_night (self, engine->night);
  self->page_held = FALSE;
  tally_filter_panel_thaw (self->filter_panel);
  if (g_str_equal (tally_window_get_page (self), "council"))
    _tally_window_show_council_result (self);
  tally_council_list_thaw (self->council_list);
  engine_free (engine);
  live->n_reloads++;

  if (adjustment != NULL)
    restore_scroll (adjustment, scrolled);
  update_bar (self);

  if (live->again)
    {
      live->again = FALSE;
      schedule_check (self, 0);
    }
}

static gboolean
read_data_version (TallyWindowLive *live,
                   gint64          *version)
{
  sqlite3_stmt *stmt = NULL;
  gboolean ok = FALSE;

  if (sqlite3_prepare_v2 (live->handle, "PRAGMA data_version", -1, &stmt, NULL) == SQLITE_OK &&
      sqlite3_step (stmt) == SQLITE_ROW)
    {
      *version = sqlite3_column_int64 (stmt, 0);
      ok = TRUE;
    }
  sqlite3_finalize (stmt);

  return ok;
}

static gboolean
check_cb (gpointer data)
{
  TallyWindow *self = data;
  TallyWindowLive *live = self->live;
  g_autoptr(GTask) task = NULL;
  gint64 version, since_ms;

  live->settle_id = 0;

  if (live->reloading)
    {
      live->again = TRUE;
      return G_SOURCE_REMOVE;
    }

  if (!read_data_version (live, &version))
    {
      schedule_check (self, RETRY_MS);
      return G_SOURCE_REMOVE;
    }

  if (version == live->data_version)
    return G_SOURCE_REMOVE;

  since_ms = (g_get_monotonic_time () - live->reload_started) / 1000;
  if (live->reload_started != 0 && since_ms < RELOAD_INTERVAL_MS)
    {
      schedule_check (self, (guint) (RELOAD_INTERVAL_MS - since_ms));
      return G_SOURCE_REMOVE;
    }

  live->data_version = version;
  live->reload_started = g_get_monotonic_time ();

  live->reloading = TRUE;
  task = g_task_new (self, live->cancellable, reload_done_cb, NULL);
  g_task_set_source_tag (task, check_cb);
  g_task_set_task_data (task, request_new (self), (GDestroyNotify) request_free);
  g_task_run_in_thread (task, reload_thread);

  return G_SOURCE_REMOVE;
}

static void
schedule_check (TallyWindow *self,
                guint        delay_ms)
{
  TallyWindowLive *live = self->live;

  if (live->settle_id == 0 && live->handle != NULL)
    live->settle_id = g_timeout_add (delay_ms, check_cb, self);
}

static void
file_changed_cb (GFileMonitor      *monitor,
                 GFile             *file,
                 GFile             *other,
                 GFileMonitorEvent  event,
                 TallyWindow       *self)
{
  if (event == G_FILE_MONITOR_EVENT_CHANGED || event == G_FILE_MONITOR_EVENT_CHANGES_DONE_HINT ||
      event == G_FILE_MONITOR_EVENT_CREATED)
    schedule_check (self, SETTLE_MS);
}

static void
stop_watching (TallyWindow *self)
{
  TallyWindowLive *live = self->live;

  g_clear_handle_id (&live->settle_id, g_source_remove);
  g_cancellable_cancel (live->cancellable);
  g_clear_object (&live->cancellable);
  live->reloading = FALSE;
  live->again = FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (live->monitors); i++)
    {
      if (live->monitors[i] != NULL)
        {
          g_signal_handlers_disconnect_by_data (live->monitors[i], self);
          g_file_monitor_cancel (live->monitors[i]);
        }
      g_clear_object (&live->monitors[i]);
    }

  g_clear_pointer (&live->handle, sqlite3_close);
  g_clear_pointer (&live->path, g_free);
}

/*
 * _tally_window_live_watch:
 * @path: (nullable): the database the window now shows, or %NULL (the
 *   bundled one, never written while Tally runs)
 *
 * Follows @path from now on, and stops following the one before.
 */
void
_tally_window_live_watch (TallyWindow *self,
                          const char  *path)
{
  TallyWindowLive *live = self->live;
  g_autofree char *wal = NULL;

  stop_watching (self);
  set_text (self, NULL);
  live->n_reloads = 0;
  live->reload_started = 0;

  if (path == NULL)
    return;

  if (sqlite3_open_v2 (path, &live->handle, SQLITE_OPEN_READONLY | SQLITE_OPEN_NOMUTEX, NULL) != SQLITE_OK ||
      !read_data_version (live, &live->data_version))
    {
      g_clear_pointer (&live->handle, sqlite3_close);
      return;
    }

  live->path = g_strdup (path);
  live->cancellable = g_cancellable_new ();
  wal = g_strconcat (path, "-wal", NULL);

  for (guint i = 0; i < G_N_ELEMENTS (live->monitors); i++)
    {
      g_autoptr(GFile) file = g_file_new_for_path (i == 0 ? path : wal);

      live->monitors[i] = g_file_monitor_file (file, G_FILE_MONITOR_NONE, NULL, NULL);
      if (live->monitors[i] == NULL)
        continue;
      /* GIO's default holds "changed" back for 800 ms. */
      g_file_monitor_set_rate_limit (live->monitors[i], SETTLE_MS);
      g_signal_connect (live->monitors[i], "changed", G_CALLBACK (file_changed_cb), self);
    }

  /* A night part declared says so from the moment it is opened. */
  update_bar (self);
}

void
_tally_window_class_init_live (GtkWidgetClass *widget_class)
{
}

void
_tally_window_init_live (TallyWindow *self)
{
  TallyWindowLive *live = g_new0 (TallyWindowLive, 1);
  GtkWidget *content = gtk_widget_get_parent (GTK_WIDGET (self->view_stack));
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *dot = gtk_label_new ("●");

  self->live = live;

  /* The header line sits under the header bar, across every view. */
  live->revealer = GTK_REVEALER (gtk_revealer_new ());
  live->label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_ellipsize (live->label, PANGO_ELLIPSIZE_END);
  gtk_label_set_xalign (live->label, 0);
  gtk_widget_add_css_class (box, "live-bar");
  gtk_widget_add_css_class (dot, "live-dot");
  gtk_widget_set_hexpand (GTK_WIDGET (live->label), TRUE);
  gtk_box_append (GTK_BOX (box), dot);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (live->label));
  gtk_revealer_set_child (live->revealer, box);
  gtk_revealer_set_transition_type (live->revealer, GTK_REVEALER_TRANSITION_TYPE_SLIDE_DOWN);
  gtk_box_insert_child_after (GTK_BOX (content), GTK_WIDGET (live->revealer), gtk_widget_get_first_child (content));
}

void
_tally_window_dispose_live (TallyWindow *self)
{
  if (self->live == NULL)
    return;

  stop_watching (self);
  g_clear_pointer (&self->live->text, g_free);
  g_clear_pointer (&self->live, g_free);
}

/**
 * tally_window_get_live_text:
 *
 * Returns: (nullable): the header line that says where the night stands, or
 *   %NULL when the database is not being followed or has not changed
 */
const char *
tally_window_get_live_text (TallyWindow *self)
{
  g_return_val_if_fail (TALLY_IS_WINDOW (self), NULL);
  return self->live ? self->live->text : NULL;
}

/**
 * tally_window_get_n_live_reloads:
 *
 * Returns: how many times the window has read its database again since it
 *   opened it, because another process wrote to it
 */
guint
tally_window_get_n_live_reloads (TallyWindow *self)
{
  g_return_val_if_fail (TALLY_IS_WINDOW (self), 0);
  return self->live ? self->live->n_reloads : 0;
}

/**
 * tally_window_is_following:
 *
 * Returns: whether the window watches its database for writes by others
 */
gboolean
tally_window_is_following (TallyWindow *self)
{
  g_return_val_if_fail (TALLY_IS_WINDOW (self), FALSE);
  return self->live != NULL && self->live->path != NULL;
}
