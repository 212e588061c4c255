/* tally-import.c: running an import, on the calling thread or off the main one.
 *
 * A TallyImporter takes files, a target database and optionally a format
 * and an election date, and imports every file in one transaction: a bad row
 * in any file, an error or a cancellation rolls everything back, so the
 * database is exactly as it was.  The target is the user's own database
 * unless another path is given; when it does not exist yet it starts as a
 * copy of the bundled database (parties, councils, elections, council-level
 * results), and it is removed again if that first import fails.  The
 * installed bundled database itself is never a target.
 *
 * The worker thread opens its own connection: a TallyDatabase is not shared
 * between threads.  It reports progress through the "fraction" property,
 * which is set and notified on the thread that started the import, so a
 * progress bar can be bound to it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <errno.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "tally-database-private.h"
#include "tally-format.h"
#include "tally-import-private.h"

struct _TallyImporter
{
  GObject            parent_instance;

  char              *database_path;
  GPtrArray         *files;
  TallyImportFormat  format;
  char              *election_date;
  double             fraction;
  gboolean           record_declarations;

  /* Shared with the worker thread */
  GMainContext      *context;           /* where "fraction" is notified; NULL when synchronous */
  int                progress;          /* atomic: millionths */
  int                notify_pending;    /* atomic */
  guint              running : 1;
};

typedef struct
{
  TallyImporter *self;
  goffset        done;                  /* bytes of the files already read */
  goffset        total;
} Progress;

G_DEFINE_FINAL_TYPE (TallyImporter, tally_importer, G_TYPE_OBJECT)

G_DEFINE_QUARK (tally-import-error-quark, tally_import_error)

G_DEFINE_BOXED_TYPE (TallyImportSummary, tally_import_summary,
                     tally_import_summary_ref, tally_import_summary_unref)

enum {
  PROP_0,
  PROP_DATABASE_PATH,
  PROP_FORMAT,
  PROP_ELECTION_DATE,
  PROP_FRACTION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const struct
{
  TallyImportFormat  format;
  const char        *name;
  const char        *label;
} format_names[] = {
  { TALLY_IMPORT_FORMAT_AUTO, "auto", N_("file of a format read from its header") },
  { TALLY_IMPORT_FORMAT_DC, "dc", N_("Democracy Club results CSV") },
  { TALLY_IMPORT_FORMAT_LEAP, "leap", N_("LEAP results CSV") },
  { TALLY_IMPORT_FORMAT_OCD, "ocd", N_("Open Council Data composition CSV") },
  { TALLY_IMPORT_FORMAT_TALLY, "tally", N_("Tally candidate CSV") },
  { TALLY_IMPORT_FORMAT_NOTIONAL, "notional", N_("Tally notional baseline CSV") },
};

const char *
tally_import_format_to_string (TallyImportFormat format)
{
  for (guint i = 0; i < G_N_ELEMENTS (format_names); i++)
    if (format_names[i].format == format)
      return format_names[i].name;

  g_return_val_if_reached (NULL);
}

/**
 * tally_import_format_from_string:
 * @string: "auto", "dc", "leap", "ocd", "tally" or "notional"
 *
 * Returns: whether @string names a format
 */
gboolean
tally_import_format_from_string (const char        *string,
                                 TallyImportFormat *format)
{
  g_return_val_if_fail (format != NULL, FALSE);

  for (guint i = 0; i < G_N_ELEMENTS (format_names); i++)
    {
      if (g_strcmp0 (string, format_names[i].name) == 0)
        {
          *format = format_names[i].format;
          return TRUE;
        }
    }

  return FALSE;
}

const char *
tally_import_format_get_label (TallyImportFormat format)
{
  for (guint i = 0; i < G_N_ELEMENTS (format_names); i++)
    if (format_names[i].format == format)
      return _(format_names[i].label);

  g_return_val_if_reached (NULL);
}

static void
summary_clear (TallyImportSummary *self)
{
  g_clear_pointer (&self->new_parties, g_ptr_array_unref);
  g_clear_pointer (&self->warnings, g_ptr_array_unref);
}

TallyImportSummary *
_tally_import_summary_new (void)
{
  TallyImportSummary *self = g_atomic_rc_box_new0 (TallyImportSummary);

  self->new_parties = g_ptr_array_new_with_free_func (g_free);
  self->warnings = g_ptr_array_new_with_free_func (g_free);
  return self;
}

void
_tally_import_summary_warn (TallyImportSummary *self,
                            const char         *format,
                            ...)
{
  va_list args;

  g_return_if_fail (self != NULL);

  va_start (args, format);
  g_ptr_array_add (self->warnings, g_strdup_vprintf (format, args));
  va_end (args);
}

TallyImportSummary *
tally_import_summary_ref (TallyImportSummary *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return g_atomic_rc_box_acquire (self);
}

void
tally_import_summary_unref (TallyImportSummary *self)
{
  g_return_if_fail (self != NULL);

  g_atomic_rc_box_release_full (self, (GDestroyNotify) summary_clear);
}

/**
 * tally_import_summary_to_string:
 *
 * The counts, one per line, as `tally import` prints them and a dialog can
 * show them.  Warnings are counted, not listed.
 *
 * Returns: (transfer full): the text
 */
char *
tally_import_summary_to_string (TallyImportSummary *self)
{
  const struct
  {
    const char *label;
    guint       count;
  } lines[] = {
    { N_("Rows read"), self->rows_read },
    { N_("Rows skipped"), self->rows_skipped },
    { N_("Contests"), self->contests },
    { N_("Candidates"), self->candidates },
    { N_("Councils"), self->councils },
    { N_("Wards added"), self->wards_added },
    { N_("Parties added"), self->parties_added },
    { N_("Compositions"), self->compositions },
    { N_("Notional baselines (councils)"), self->notional },
    { N_("Warnings"), self->warnings->len },
  };
  GString *text = g_string_new (NULL);

  g_return_val_if_fail (self != NULL, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (lines); i++)
    {
      g_autofree char *count = tally_format_count (lines[i].count);

      g_string_append_printf (text, "%s: %s\n", _(lines[i].label), count);
    }

  return g_string_free (text, FALSE);
}

static gboolean
notify_progress_cb (gpointer data)
{
  TallyImporter *self = data;
  double fraction;

  g_atomic_int_set (&self->notify_pending, 0);
  fraction = g_atomic_int_get (&self->progress) / 1e6;

  if (self->running && fraction != self->fraction)
    {
      self->fraction = fraction;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FRACTION]);
    }

  return G_SOURCE_REMOVE;
}

static void
set_fraction (TallyImporter *self,
              double         fraction)
{
  if (fraction != self->fraction)
    {
      self->fraction = fraction;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FRACTION]);
    }
}

/* Called by the reader, on the thread doing the work. */
static void
progress_cb (goffset  bytes_read,
             gpointer data)
{
  Progress *progress = data;
  TallyImporter *self = progress->self;
  double fraction;

  if (progress->total <= 0)
    return;

  /* The last sliver is for the council totals and the commit. */
  fraction = 0.98 * CLAMP ((double) (progress->done + bytes_read) / progress->total, 0.0, 1.0);

  if (self->context == NULL)
    {
      set_fraction (self, fraction);
      return;
    }

  g_atomic_int_set (&self->progress, (int) (fraction * 1e6));
  if (g_atomic_int_compare_and_exchange (&self->notify_pending, 0, 1))
    g_main_context_invoke_full (self->context, G_PRIORITY_DEFAULT, notify_progress_cb,
                                g_object_ref (self), g_object_unref);
}

static TallyImportSummary *
import_into (TallyImporter  *self,
             TallyDatabase  *database,
             GCancellable   *cancellable,
             GError        **error)
{
  g_autoptr(TallyImportSummary) summary = _tally_import_summary_new ();
  g_autoptr(TallyImportStore) store = NULL;
  Progress progress = { self, 0, 0 };
  gint64 start = g_get_monotonic_time ();

  for (guint i = 0; i < self->files->len; i++)
    {
      g_autoptr(GFileInfo) info = g_file_query_info (g_ptr_array_index (self->files, i),
                                                     G_FILE_ATTRIBUTE_STANDARD_SIZE,
                                                     G_FILE_QUERY_INFO_NONE, cancellable, NULL);

      if (info != NULL)
        progress.total += g_file_info_get_size (info);
    }

  /* A page cache of a fixed 2 MiB, and 256 KiB for the temporary tables:
   * an import appends, so it touches few pages but the last of each tree,
   * and the cache also bounds the sorter that builds the secondary indexes
   * at the end (tally-import-store.c).  8 MiB cost 16 MiB more at a million
   * rows than at 20,000 (the cache and the sorter both filled), for no rate
   * measured.  Foreign keys are not checked row by row: every id the store
   * writes is one it has just read or inserted itself, and it deletes no
   * parent rows, so the checks would only ever pass, at a third of the cost
   * of a row. */
  if (!_tally_database_exec (database, "PRAGMA cache_size = -2048; PRAGMA temp.cache_size = -256; "
                             "PRAGMA foreign_keys = OFF", error) ||
      !_tally_database_begin (database, error))
    return NULL;

  if (!(store = _tally_import_store_new (database, summary, error)))
    goto failed;
  _tally_import_store_set_record_declarations (store, self->record_declarations);

  for (guint i = 0; i < self->files->len; i++)
    {
      GFile *file = g_ptr_array_index (self->files, i);
      g_autoptr(GFileInfo) info = NULL;

      if (!_tally_import_read_file (store, summary, file, self->format, self->election_date,
                                    cancellable, progress_cb, &progress, error))
        goto failed;

      info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE, G_FILE_QUERY_INFO_NONE,
                                NULL, NULL);
      if (info != NULL)
        progress.done += g_file_info_get_size (info);

      g_debug ("import: read %s at %.3f s", g_file_peek_path (file),
               (g_get_monotonic_time () - start) / 1e6);
    }

  if (!_tally_import_store_finish (store, error) ||
      g_cancellable_set_error_if_cancelled (cancellable, error))
    goto failed;
  g_debug ("import: council totals at %.3f s", (g_get_monotonic_time () - start) / 1e6);

  g_clear_pointer (&store, _tally_import_store_free);
  if (!_tally_database_commit (database, error))
    goto failed;
  g_debug ("import: committed at %.3f s", (g_get_monotonic_time () - start) / 1e6);

  return g_steal_pointer (&summary);

failed:
  g_clear_pointer (&store, _tally_import_store_free);
  _tally_database_rollback (database);
  return NULL;
}

static TallyImportSummary *
run_import (TallyImporter  *self,
            GCancellable   *cancellable,
            GError        **error)
{
  g_autoptr(TallyDatabase) database = NULL;
  TallyImportSummary *summary;
  const char *path = self->database_path;
  g_autofree char *created = NULL;

  if (self->files->len == 0)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT, _("No files to import"));
      return NULL;
    }

  if ((database = tally_database_open_for_bulk_import (path, &created, error)) != NULL)
    {
      /* The window may be reading the same file: wait for it rather than fail. */
      sqlite3_busy_timeout (_tally_database_get_handle (database), 10000);
      summary = import_into (self, database, cancellable, error);

      /* A file made now is written with a rollback journal, and put in
       * WAL mode, as every file Tally writes is, once it holds the import. */
      if (summary != NULL && created != NULL && !tally_database_set_live (database, error))
        g_clear_pointer (&summary, tally_import_summary_unref);
    }
  else
    summary = NULL;

  g_clear_object (&database);
  if (summary == NULL && created != NULL)
    tally_database_remove_created (created);

  return summary;
}

static void
run_in_thread_cb (GTask        *task,
                  gpointer      source_object,
                  gpointer      task_data,
                  GCancellable *cancellable)
{
  TallyImporter *self = source_object;
  GError *error = NULL;
  TallyImportSummary *summary;

  if ((summary = run_import (self, cancellable, &error)) != NULL)
    g_task_return_pointer (task, summary, (GDestroyNotify) tally_import_summary_unref);
  else
    g_task_return_error (task, error);
}

static void
tally_importer_finalize (GObject *object)
{
  TallyImporter *self = (TallyImporter *) object;

  g_clear_pointer (&self->database_path, g_free);
  g_clear_pointer (&self->files, g_ptr_array_unref);
  g_clear_pointer (&self->election_date, g_free);
  g_clear_pointer (&self->context, g_main_context_unref);

  G_OBJECT_CLASS (tally_importer_parent_class)->finalize (object);
}

static void
tally_importer_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  TallyImporter *self = TALLY_IMPORTER (object);

  switch (prop_id)
    {
    case PROP_DATABASE_PATH:
      g_value_set_string (value, self->database_path);
      break;

    case PROP_FORMAT:
      g_value_set_int (value, self->format);
      break;

    case PROP_ELECTION_DATE:
      g_value_set_string (value, self->election_date);
      break;

    case PROP_FRACTION:
      g_value_set_double (value, self->fraction);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tally_importer_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  TallyImporter *self = TALLY_IMPORTER (object);

  switch (prop_id)
    {
    case PROP_DATABASE_PATH:
      self->database_path = g_value_dup_string (value);
      if (self->database_path == NULL)
        self->database_path = tally_database_get_user_path ();
      break;

    case PROP_FORMAT:
      tally_importer_set_format (self, g_value_get_int (value));
      break;

    case PROP_ELECTION_DATE:
      tally_importer_set_election_date (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tally_importer_class_init (TallyImporterClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = tally_importer_finalize;
  object_class->get_property = tally_importer_get_property;
  object_class->set_property = tally_importer_set_property;

  /**
   * TallyImporter:database-path:
   *
   * The database imported into; %NULL at construction means the user's own.
   */
  properties[PROP_DATABASE_PATH] =
    g_param_spec_string ("database-path", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  /**
   * TallyImporter:format:
   *
   * A #TallyImportFormat: the format of every file, or
   * %TALLY_IMPORT_FORMAT_AUTO to read each file's from its header.
   */
  properties[PROP_FORMAT] =
    g_param_spec_int ("format", NULL, NULL,
                      TALLY_IMPORT_FORMAT_AUTO, TALLY_IMPORT_FORMAT_NOTIONAL, TALLY_IMPORT_FORMAT_AUTO,
                      (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * TallyImporter:election-date:
   *
   * The polling day (YYYY-MM-DD) of files that do not give one (LEAP).
   */
  properties[PROP_ELECTION_DATE] =
    g_param_spec_string ("election-date", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * TallyImporter:fraction:
   *
   * How much of the import is done, from 0 to 1, notified on the thread that
   * started it.
   */
  properties[PROP_FRACTION] =
    g_param_spec_double ("fraction", NULL, NULL,
                         0.0, 1.0, 0.0,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
tally_importer_init (TallyImporter *self)
{
  self->files = g_ptr_array_new_with_free_func (g_object_unref);
}

/**
 * tally_importer_new:
 * @database_path: (nullable): the database to import into; %NULL for the
 *   user's own (tally_database_get_user_path())
 *
 * Returns: (transfer full): a new importer
 */
TallyImporter *
tally_importer_new (const char *database_path)
{
  return g_object_new (TALLY_TYPE_IMPORTER, "database-path", database_path, NULL);
}

const char *
tally_importer_get_database_path (TallyImporter *self)
{
  g_return_val_if_fail (TALLY_IS_IMPORTER (self), NULL);

  return self->database_path;
}

/**
 * tally_importer_add_file:
 *
 * Adds a file to the next run.  Files are read in the order added.
 */
void
tally_importer_add_file (TallyImporter *self,
                         GFile         *file)
{
  g_return_if_fail (TALLY_IS_IMPORTER (self));
  g_return_if_fail (G_IS_FILE (file));
  g_return_if_fail (!self->running);

  g_ptr_array_add (self->files, g_object_ref (file));
}

TallyImportFormat
tally_importer_get_format (TallyImporter *self)
{
  g_return_val_if_fail (TALLY_IS_IMPORTER (self), TALLY_IMPORT_FORMAT_AUTO);

  return self->format;
}

void
tally_importer_set_format (TallyImporter     *self,
                           TallyImportFormat  format)
{
  g_return_if_fail (TALLY_IS_IMPORTER (self));
  g_return_if_fail (format >= TALLY_IMPORT_FORMAT_AUTO && format <= TALLY_IMPORT_FORMAT_NOTIONAL);
  g_return_if_fail (!self->running);

  if (self->format != format)
    {
      self->format = format;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FORMAT]);
    }
}

const char *
tally_importer_get_election_date (TallyImporter *self)
{
  g_return_val_if_fail (TALLY_IS_IMPORTER (self), NULL);

  return self->election_date;
}

/**
 * tally_importer_set_record_declarations:
 * @record: %TRUE on results night (a folder watch): every contest written
 *   keeps a declaration time, the file's declared_at or else the moment of
 *   the import; %FALSE (the default): only contests whose file gives one
 */
void
tally_importer_set_record_declarations (TallyImporter *self,
                                        gboolean       record)
{
  g_return_if_fail (TALLY_IS_IMPORTER (self));
  g_return_if_fail (!self->running);

  self->record_declarations = record;
}

/**
 * tally_importer_set_election_date:
 * @date: (nullable): YYYY-MM-DD, for files that do not say (LEAP)
 */
void
tally_importer_set_election_date (TallyImporter *self,
                                  const char    *date)
{
  g_return_if_fail (TALLY_IS_IMPORTER (self));
  g_return_if_fail (!self->running);

  if (g_strcmp0 (self->election_date, date) != 0)
    {
      g_free (self->election_date);
      self->election_date = g_strdup (date);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ELECTION_DATE]);
    }
}

double
tally_importer_get_fraction (TallyImporter *self)
{
  g_return_val_if_fail (TALLY_IS_IMPORTER (self), 0.0);

  return self->fraction;
}

/**
 * tally_importer_run:
 * @cancellable: (nullable): cancels the import; nothing is then changed
 *
 * Imports every file added, in one transaction, on the calling thread.
 * "fraction" is notified as it goes.
 *
 * Returns: (transfer full) (nullable): what was imported, or %NULL with
 *   @error set and the database as it was
 */
TallyImportSummary *
tally_importer_run (TallyImporter  *self,
                    GCancellable   *cancellable,
                    GError        **error)
{
  TallyImportSummary *summary;

  g_return_val_if_fail (TALLY_IS_IMPORTER (self), NULL);
  g_return_val_if_fail (!self->running, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  self->running = TRUE;
  set_fraction (self, 0.0);
  summary = run_import (self, cancellable, error);
  if (summary != NULL)
    set_fraction (self, 1.0);
  self->running = FALSE;

  return summary;
}

/**
 * tally_importer_run_async:
 * @cancellable: (nullable): cancels the import; nothing is then changed
 * @callback: called on this thread when the import is over
 *
 * Imports every file added, in one transaction, on a worker thread.  Watch
 * "fraction" for progress; call tally_importer_run_finish() from @callback.
 */
void
tally_importer_run_async (TallyImporter       *self,
                          GCancellable        *cancellable,
                          GAsyncReadyCallback  callback,
                          gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (TALLY_IS_IMPORTER (self));
  g_return_if_fail (!self->running);
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, tally_importer_run_async);
  g_task_set_name (task, "[tally] import");
  /* The worker must roll back before the caller hears of the cancellation. */
  g_task_set_return_on_cancel (task, FALSE);

  self->running = TRUE;
  g_clear_pointer (&self->context, g_main_context_unref);
  self->context = g_main_context_ref_thread_default ();
  g_atomic_int_set (&self->progress, 0);
  set_fraction (self, 0.0);

  g_task_run_in_thread (task, run_in_thread_cb);
}

/**
 * tally_importer_run_finish:
 *
 * Returns: (transfer full) (nullable): what was imported, or %NULL with
 *   @error set (%G_IO_ERROR_CANCELLED after a cancellation) and the database
 *   as it was
 */
TallyImportSummary *
tally_importer_run_finish (TallyImporter  *self,
                           GAsyncResult   *result,
                           GError        **error)
{
  TallyImportSummary *summary;

  g_return_val_if_fail (TALLY_IS_IMPORTER (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == tally_importer_run_async, NULL);

  summary = g_task_propagate_pointer (G_TASK (result), error);
  self->running = FALSE;
  g_clear_pointer (&self->context, g_main_context_unref);
  if (summary != NULL)
    set_fraction (self, 1.0);

  return summary;
}
