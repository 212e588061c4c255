/* tally-export-table.c: the council list as CSV, saved where the user says.
 *
 * The rows are the list's own model, so the file has the councils the
 * filter matches in the order the user sorted them.  The file chooser
 * offers a choice of rows: councils (the table of tally-export-csv.c) or
 * their candidates, in Tally's own candidate CSV, which `tally import`
 * reads back.  The file is written atomically; the chooser has asked
 * before a file is replaced.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "tally-catalog.h"
#include "tally-export-table.h"

#define ROWS_CHOICE "rows"

typedef struct
{
  GListModel           *rows;
  TallyResults         *results;
  GtkFileChooserNative *chooser;
} Save;

/* The parties the window names, and Others: the list's columns. */
static TallyPartyRanking *
rank_parties (TallyResults *results)
{
  TallyFilter *filter = tally_results_get_filter (results);

  return tally_party_ranking_new (tally_catalog_get_parties (tally_results_get_catalog (results)),
                                  tally_results_get_council_results (results,
                                                                     tally_results_resolve_election (results, filter),
                                                                     tally_results_resolve_baseline (results, filter)));
}

static void
save_free (gpointer data)
{
  Save *save = data;

  g_clear_object (&save->rows);
  g_clear_object (&save->results);
  if (save->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (save->chooser));
  g_clear_object (&save->chooser);
  g_free (save);
}

/**
 * tally_export_table_write:
 * @rows: (element-type TallyCouncilResult): the councils, in order
 * @results: the engine they came from
 *
 * Writes @rows as CSV to @path, atomically.  Candidates need candidate
 * data: a database of council totals only gives an error, not an empty
 * file.
 */
gboolean
tally_export_table_write (GListModel        *rows,
                          TallyResults      *results,
                          TallyExportRows    what,
                          const char        *path,
                          TallyExportFlags   flags,
                          GError           **error)
{
  g_autoptr(GBytes) bytes = NULL;

  g_return_val_if_fail (G_IS_LIST_MODEL (rows), FALSE);
  g_return_val_if_fail (TALLY_IS_RESULTS (results), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if (what == TALLY_EXPORT_ROWS_CANDIDATES)
    {
      guint n_candidates = 0;

      if (!(bytes = tally_export_candidates_csv (results, rows, &n_candidates, NULL, error)))
        return FALSE;
      if (n_candidates == 0)
        {
          g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                               _("This database holds council totals only, no candidates: "
                                 "import candidate results first"));
          return FALSE;
        }
    }
  else
    {
      TallyCatalog *catalog = tally_results_get_catalog (results);
      g_autoptr(TallyPartyRanking) ranking = rank_parties (results);
      bytes = tally_export_councils_csv (rows, tally_catalog_get_parties (catalog), ranking,
                                         tally_catalog_lookup_party (catalog, "CON"),
                                         tally_catalog_lookup_party (catalog, "LAB"),
                                         TALLY_VOTE_METHOD_TOTAL);
    }

  return tally_export_write_bytes (path, bytes, flags, NULL, error);
}

/* CSV (RFC 4180) to tab-separated text: quotes undone, and any tab or line
 * break inside a field a space, so that each field stays one cell. */
static char *
csv_to_tsv (const char *csv,
            gsize       length)
{
  GString *tsv = g_string_sized_new (length);
  gboolean quoted = FALSE;

  for (gsize i = 0; i < length; i++)
    {
      char c = csv[i];

      if (quoted)
        {
          if (c == '"' && i + 1 < length && csv[i + 1] == '"')
            {
              g_string_append_c (tsv, '"');
              i++;
            }
          else if (c == '"')
            quoted = FALSE;
          else
            g_string_append_c (tsv, c == '\t' || c == '\n' || c == '\r' ? ' ' : c);
        }
      else if (c == '"')
        quoted = TRUE;
      else if (c == ',')
        g_string_append_c (tsv, '\t');
      else if (c == '\t')
        g_string_append_c (tsv, ' ');
      else if (c != '\r')
        g_string_append_c (tsv, c);
    }
  return g_string_free (tsv, FALSE);
}

/**
 * tally_export_table_to_tsv:
 * @rows: (element-type TallyCouncilResult): the councils, in order
 * @results: the engine they came from
 *
 * Returns: (transfer full): the table of the CSV export, a heading line
 *   and a line per council, tab-separated, for the clipboard: pasted into
 *   a spreadsheet, each figure takes its own cell
 */
char *
tally_export_table_to_tsv (GListModel   *rows,
                           TallyResults *results)
{
  TallyCatalog *catalog;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(TallyPartyRanking) ranking = NULL;
  gsize length;
  const char *csv;

  g_return_val_if_fail (G_IS_LIST_MODEL (rows), NULL);
  g_return_val_if_fail (TALLY_IS_RESULTS (results), NULL);

  catalog = tally_results_get_catalog (results);
  ranking = rank_parties (results);
  bytes = tally_export_councils_csv (rows, tally_catalog_get_parties (catalog), ranking,
                                     tally_catalog_lookup_party (catalog, "CON"),
                                     tally_catalog_lookup_party (catalog, "LAB"), TALLY_VOTE_METHOD_TOTAL);
  csv = g_bytes_get_data (bytes, &length);
  return csv_to_tsv (csv, length);
}

static void
chooser_response_cb (GtkFileChooserNative *chooser,
                     int                   response,
                     GTask                *task)
{
  Save *save = g_task_get_task_data (task);
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  TallyExportRows what = TALLY_EXPORT_ROWS_COUNCILS;
  TallyExportFlags flags = TALLY_EXPORT_OVERWRITE;
  const char *choice;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  choice = gtk_file_chooser_get_choice (GTK_FILE_CHOOSER (chooser), ROWS_CHOICE);
  if (g_strcmp0 (choice, "candidates") == 0)
    what = TALLY_EXPORT_ROWS_CANDIDATES;

  if (file == NULL || (path = g_file_get_path (file)) == NULL)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_CANCELLED, _("No file was chosen"));
      g_object_unref (task);
      return;
    }

  /* A name typed without an extension gets one; the chooser did not
   * confirm replacing that file. */
  if (!g_str_has_suffix (path, ".csv") && !g_str_has_suffix (path, ".CSV"))
    {
      char *with_extension = g_strconcat (path, ".csv", NULL);

      g_free (path);
      path = with_extension;
      g_clear_object (&file);
      file = g_file_new_for_path (path);
      flags = TALLY_EXPORT_FLAGS_NONE;
    }

  if (!tally_export_table_write (save->rows, save->results, what, path, flags, &error))
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, g_steal_pointer (&file), g_object_unref);
  g_object_unref (task);
}

/**
 * tally_export_table_save:
 * @parent: (nullable): the window
 * @rows: (element-type TallyCouncilResult): the councils, in the order
 *   shown: the list's selection model will do
 * @results: the engine they came from
 *
 * Asks where to save, then writes the CSV; @callback then calls
 * tally_export_table_save_finish().
 */
void
tally_export_table_save (GtkWindow           *parent,
                         GListModel          *rows,
                         TallyResults        *results,
                         GCancellable        *cancellable,
                         GAsyncReadyCallback  callback,
                         gpointer             user_data)
{
  static const char *choice_ids[] = { "councils", "candidates", NULL };
  const char *choice_labels[] = { _("Councils"), _("Candidates, in Tally’s CSV"), NULL };
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  GTask *task;
  Save *save;

  g_return_if_fail (parent == NULL || GTK_IS_WINDOW (parent));
  g_return_if_fail (G_IS_LIST_MODEL (rows));
  g_return_if_fail (TALLY_IS_RESULTS (results));

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, tally_export_table_save);

  save = g_new0 (Save, 1);
  save->rows = g_object_ref (rows);
  save->results = g_object_ref (results);
  save->chooser = gtk_file_chooser_native_new (_("Export Table"), parent, GTK_FILE_CHOOSER_ACTION_SAVE,
                                               _("_Export"), _("_Cancel"));
  g_task_set_task_data (task, save, save_free);

  gtk_file_filter_set_name (filter, _("CSV files"));
  gtk_file_filter_add_mime_type (filter, "text/csv");
  gtk_file_filter_add_pattern (filter, "*.csv");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (save->chooser), filter);
  gtk_file_chooser_add_choice (GTK_FILE_CHOOSER (save->chooser), ROWS_CHOICE, _("Rows"),
                               choice_ids, choice_labels);
  gtk_file_chooser_set_choice (GTK_FILE_CHOOSER (save->chooser), ROWS_CHOICE, "councils");
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (save->chooser), "councils.csv");
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (save->chooser), TRUE);

  g_signal_connect (save->chooser, "response", G_CALLBACK (chooser_response_cb), task);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (save->chooser));
}

/**
 * tally_export_table_save_finish:
 *
 * Returns: (transfer full) (nullable): the file written, or %NULL with
 *   @error (%G_IO_ERROR_CANCELLED when no file was chosen)
 */
GFile *
tally_export_table_save_finish (GAsyncResult  *result,
                                GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == tally_export_table_save, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
