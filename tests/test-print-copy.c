/* test-print-copy.c: Ctrl+C copies a row or a table as text, and Print
 * puts the view on a page, in the window on the bundled 2018 data.
 *
 * Needs a display.  Copy: the council list's selected row (Richmond upon
 * Thames) and Trafford's table of parties land on the clipboard as
 * tab-separated lines, a heading line first, read back from the clipboard.
 * Print: the print operation, exported to PDF with no dialog, writes one
 * page with the chart, the council page (its chart and table) or the map;
 * its words are read back with pdftotext where poppler-utils are installed.
 * With TALLY_PRINT_DIR set, the pages are written there, to be looked at.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include "tally-council.h"
#include "tally-council-result.h"
#include "tally-council-row.h"
#include "tally-test-util.h"
#include "tally-test-widgets.h"
#include "tally-window.h"

static GListModel *
listed (TallyWindow *window)
{
  GtkColumnView *view = tally_council_list_get_column_view (tally_window_get_council_list (window));

  return G_LIST_MODEL (gtk_column_view_get_model (view));
}

static TallyWindow *
open_window (void)
{
  TallyWindow *window = tally_window_new (NULL);

  g_assert_true (tally_window_open_database (window, NULL));
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 900);
  gtk_window_present (GTK_WINDOW (window));
  tally_test_wait_for_frames (100);
  return window;
}

static void
text_read_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  char **text = user_data;
  g_autoptr(GError) error = NULL;

  *text = gdk_clipboard_read_text_finish (GDK_CLIPBOARD (object), result, &error);
  g_assert_no_error (error);
  if (*text == NULL)
    *text = g_strdup ("");
}

/* Ctrl+C, then what the clipboard holds. */
static char *
copy (TallyWindow *window)
{
  GdkClipboard *clipboard = gtk_widget_get_clipboard (GTK_WIDGET (window));
  char *text = NULL;
  gint64 end;

  gdk_clipboard_set_text (clipboard, "");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.copy", NULL));
  gdk_clipboard_read_text_async (clipboard, NULL, text_read_cb, &text);
  end = g_get_monotonic_time () + 5 * G_TIME_SPAN_SECOND;
  while (text == NULL && g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, TRUE);
  g_assert_nonnull (text);
  return text;
}

static void
test_copy_row (void)
{
  TallyWindow *window = open_window ();
  GListModel *model = listed (window);
  g_autofree char *text = NULL;
  g_auto(GStrv) lines = NULL;
  g_auto(GStrv) heading = NULL;
  g_auto(GStrv) cells = NULL;
  guint richmond = G_MAXUINT;

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(TallyCouncilRow) row = g_list_model_get_item (model, i);

      if (g_str_equal (tally_council_row_get_code (row), "E09000027"))
        richmond = i;
    }
  g_assert_cmpuint (richmond, !=, G_MAXUINT);

  /* Nothing selected: nothing copied. */
  g_free (text);
  text = copy (window);
  g_assert_cmpstr (text, ==, "");
  g_free (text);

  gtk_selection_model_select_item (GTK_SELECTION_MODEL (model), richmond, TRUE);
  text = copy (window);
  lines = g_strsplit (text, "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), >=, 2);
  heading = g_strsplit (lines[0], "\t", -1);
  cells = g_strsplit (lines[1], "\t", -1);

  /* One cell per column, the heading's names over the row's figures:
   * Richmond's 54 seats, 28 for a majority, gained by the Liberal
   * Democrats from the Conservatives. */
  g_assert_cmpuint (g_strv_length (heading), ==, g_strv_length (cells));
  g_assert_cmpuint (g_strv_length (cells), >, 12);
  g_assert_cmpstr (heading[0], ==, "code");
  g_assert_true (g_str_has_prefix (lines[1], "E09000027\tRichmond upon Thames\tlondon_borough\tLondon\t2018-05-03\t"
                                             "54\t54\t28\tCON\tLD\tgain\t"));
  g_assert_null (strchr (lines[1], ','));
  g_assert_true (lines[2] == NULL || *lines[2] == '\0');

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
show_trafford (TallyWindow *window)
{
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-council", "s", "Trafford");
  tally_test_wait_for_frames (200);
  g_assert_cmpstr (tally_window_get_page (window), ==, "council");
}

static void
test_copy_council_table (void)
{
  TallyWindow *window = open_window ();
  g_autofree char *text = NULL;
  g_auto(GStrv) lines = NULL;
  gboolean labour = FALSE, conservative = FALSE;

  show_trafford (window);
  text = copy (window);
  lines = g_strsplit (text, "\n", -1);

  g_assert_true (g_str_has_prefix (lines[0], "Party\tBefore\tAfter\tWon 2018\tWon 2014\tChange\tShare 2018\t"));
  for (guint i = 1; lines[i] != NULL && *lines[i] != '\0'; i++)
    {
      g_auto(GStrv) cells = g_strsplit (lines[i], "\t", -1);

      g_assert_cmpuint (g_strv_length (cells), ==, 8);
      /* Trafford after 3 May 2018: Labour 30, Conservatives 29 of 63. */
      if (g_str_equal (cells[0], "Labour"))
        {
          g_assert_cmpstr (cells[2], ==, "30");
          labour = TRUE;
        }
      if (g_str_equal (cells[0], "Conservative"))
        {
          g_assert_cmpstr (cells[2], ==, "29");
          conservative = TRUE;
        }
    }
  g_assert_true (labour);
  g_assert_true (conservative);

  gtk_window_destroy (GTK_WINDOW (window));
}

/* The words of @path's pages, or NULL (with a skip message) without pdftotext. */
static char *
pdf_text (const char *path)
{
  g_autofree char *tool = g_find_program_in_path ("pdftotext");
  g_autofree char *out = NULL;
  g_autoptr(GError) error = NULL;
  int status = 0;

  if (tool == NULL)
    return NULL;
  g_assert_true (g_spawn_sync (NULL, (char *[]) { tool, (char *) path, (char *) "-", NULL }, NULL,
                               G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL, &out, NULL, &status, &error));
  g_assert_no_error (error);
  g_assert_cmpint (status, ==, 0);
  return g_steal_pointer (&out);
}

/* The share of @path's first page that is not paper, rendered in
 * greyscale at 24 dpi by pdftoppm (to its standard output, a binary PGM
 * whose header gives its length); -1 without poppler-utils. */
static double
ink_share (const char *path)
{
  g_autofree char *tool = g_find_program_in_path ("pdftoppm");
  g_autofree char *out = NULL;
  g_autoptr(GError) error = NULL;
  gsize length;
  int status = 0, fields[3] = { 0 }, n = 0;
  const char *at, *end;
  guint ink = 0;

  if (tool == NULL)
    return -1;
  g_assert_true (g_spawn_sync (NULL, (char *[]) { tool, (char *) "-gray", (char *) "-r", (char *) "24",
                                                  (char *) "-f", (char *) "1", (char *) "-l", (char *) "1",
                                                  (char *) path, NULL },
                               NULL, G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL, &out, NULL, &status, &error));
  g_assert_no_error (error);
  g_assert_cmpint (status, ==, 0);

  /* A binary PGM: "P5", width, height, 255, one whitespace, the pixels. */
  g_assert_true (g_str_has_prefix (out, "P5"));
  at = out + 2;
  end = out + 64;
  while (n < 3 && at < end)
    {
      char *stop;

      if (g_ascii_isspace (*at))
        {
          at++;
          continue;
        }
      fields[n++] = (int) g_ascii_strtoll (at, &stop, 10);
      at = stop;
    }
  g_assert_cmpint (n, ==, 3);
  at++;
  length = (gsize) fields[0] * fields[1];
  for (gsize i = 0; i < length; i++)
    ink += ((const guint8 *) at)[i] < 240;
  return (double) ink / length;
}

/* One page, a PDF: the print operation's own export. */
static void
assert_one_page (const char *path)
{
  g_autofree char *pdf = NULL;
  gsize length;
  guint pages = 0;

  g_assert_true (g_file_get_contents (path, &pdf, &length, NULL));
  g_assert_true (g_str_has_prefix (pdf, "%PDF-"));
  /* The file holds NULs (fonts): a byte search, not a string one. */
  for (gsize i = 0; i + 12 < length; i++)
    if (memcmp (pdf + i, "/Type /Page", 11) == 0 && pdf[i + 11] != 's')
      pages++;
  g_assert_cmpuint (pages, ==, 1);
}

static void
test_print (void)
{
  TallyWindow *window = open_window ();
  gboolean keep = g_getenv ("TALLY_PRINT_DIR") != NULL;
  g_autofree char *dir = keep ? g_strdup (g_getenv ("TALLY_PRINT_DIR")) : tally_test_make_temp_dir ();
  g_autofree char *chart_path = g_build_filename (dir, "chart.pdf", NULL);
  g_autofree char *council_path = g_build_filename (dir, "council.pdf", NULL);
  g_autofree char *map_path = g_build_filename (dir, "map.pdf", NULL);
  g_autofree char *chart_text = NULL;
  g_autofree char *council_text = NULL;
  g_autofree char *map_text = NULL;
  g_autoptr(GError) error = NULL;

  /* The Charts view: the state of the parties. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-view", "s", "charts");
  tally_test_wait_for_frames (200);
  g_assert_true (tally_window_print (window, chart_path, &error));
  g_assert_no_error (error);
  assert_one_page (chart_path);

  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-view", "s", "councils");
  show_trafford (window);
  g_assert_true (tally_window_print (window, council_path, &error));
  g_assert_no_error (error);
  assert_one_page (council_path);

  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-view", "s", "map");
  tally_test_wait_for_frames (500);
  g_assert_true (tally_window_print (window, map_path, &error));
  g_assert_no_error (error);
  assert_one_page (map_path);

  /* Each page has content: a chart, a chart over a table, a map, not a
   * blank sheet with a heading. */
  {
    const char *paths[] = { chart_path, council_path, map_path };

    for (guint i = 0; i < G_N_ELEMENTS (paths); i++)
      {
        double share = ink_share (paths[i]);

        g_test_message ("%s: %.1f%% of the page inked", paths[i], 100 * share);
        if (share >= 0)
          g_assert_cmpfloat (share, >=, 0.05);
      }
  }

  chart_text = pdf_text (chart_path);
  if (chart_text == NULL)
    {
      g_test_skip ("pdftotext (poppler-utils) is not installed: the pages' words are not read");
      gtk_window_destroy (GTK_WINDOW (window));
      if (!keep)
        tally_test_remove_dir (dir);
      return;
    }
  council_text = pdf_text (council_path);
  map_text = pdf_text (map_path);

  /* The Charts view prints its state of the parties: Labour 74 councils. */
  g_assert_nonnull (strstr (chart_text, "control of councils"));
  g_assert_nonnull (strstr (chart_text, "74"));
  /* The council page: Trafford's chart over its table. */
  g_assert_nonnull (strstr (council_text, "Trafford"));
  g_assert_nonnull (strstr (council_text, "Won 2018"));
  g_assert_nonnull (strstr (council_text, "Labour"));
  /* The map with its key and the credits its licence asks for. */
  g_assert_nonnull (strstr (map_text, "Control after 3 May 2018"));
  g_assert_nonnull (strstr (map_text, "Crown copyright"));

  gtk_window_destroy (GTK_WINDOW (window));
  if (!keep)
    tally_test_remove_dir (dir);
}

/* The print dialog the window has open, or NULL. */
static GtkWidget *
find_print_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWidget) toplevel = g_list_model_get_item (toplevels, i);

      if (g_str_equal (G_OBJECT_TYPE_NAME (toplevel), "GtkPrintUnixDialog") && gtk_widget_get_visible (toplevel))
        return toplevel;
    }
  return NULL;
}

/* Whether @path holds a whole PDF: one that ends with its %%EOF. */
static gboolean
pdf_complete (const char *path)
{
  g_autofree char *pdf = NULL;
  gsize length;

  if (!g_file_get_contents (path, &pdf, &length, NULL) || length < 16 || !g_str_has_prefix (pdf, "%PDF-"))
    return FALSE;
  while (length > 0 && g_ascii_isspace (pdf[length - 1]))
    length--;
  return length >= 5 && memcmp (pdf + length - 5, "%%EOF", 5) == 0;
}

/* Ctrl+P's print dialog, and its Preview button: GTK draws the pages for
 * the preview into a PDF and hands it to the previewer, here a copy to
 * @path. */
static void
preview (TallyWindow *window,
         const char  *path)
{
  g_autofree char *quoted = g_shell_quote (path);
  g_autofree char *command = g_strdup_printf ("cp %%f %s", quoted);
  GtkWidget *dialog = NULL;
  gint64 end;

  /* The dialog lists printing to a file alone: no print server asked. */
  g_object_set (gtk_widget_get_settings (GTK_WIDGET (window)), "gtk-print-preview-command", command,
                "gtk-print-backends", "file", NULL);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.print", NULL));
  end = g_get_monotonic_time () + 30 * G_TIME_SPAN_SECOND;
  while ((dialog = find_print_dialog ()) == NULL && g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, TRUE);
  g_assert_nonnull (dialog);
  tally_test_wait_for_frames (300);

  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  gtk_dialog_response (GTK_DIALOG (dialog), GTK_RESPONSE_APPLY);  /* Preview */
  G_GNUC_END_IGNORE_DEPRECATIONS

  end = g_get_monotonic_time () + 30 * G_TIME_SPAN_SECOND;
  while (!pdf_complete (path) && g_get_monotonic_time () < end)
    tally_test_wait_for_frames (100);
  g_assert_true (pdf_complete (path));
  /* The dialog is gone, the operation done. */
  tally_test_wait_for_frames (300);
  g_assert_null (find_print_dialog ());
}

/* The print preview, as a reader reaches it: Ctrl+P, then Preview, for
 * the chart in view, a council's page and the map.  Each preview is one
 * A4 page drawn by the same draw-page handler as the printed page, with
 * content on it. */
static void
test_print_preview (void)
{
  TallyWindow *window = open_window ();
  g_autofree char *dir = tally_test_make_temp_dir ();
  const char *views[] = { "chart", "council", "map" };

  for (guint i = 0; i < G_N_ELEMENTS (views); i++)
    {
      g_autofree char *name = g_strdup_printf ("%s-preview.pdf", views[i]);
      g_autofree char *path = g_build_filename (dir, name, NULL);
      g_autofree char *text = NULL;
      double share;

      if (i == 0)
        {
          gtk_widget_activate_action (GTK_WIDGET (window), "win.show-view", "s", "charts");
          tally_test_wait_for_frames (200);
        }
      else if (i == 1)
        {
          gtk_widget_activate_action (GTK_WIDGET (window), "win.show-view", "s", "councils");
          show_trafford (window);
        }
      else
        {
          gtk_widget_activate_action (GTK_WIDGET (window), "win.show-view", "s", "map");
          tally_test_wait_for_frames (500);
        }

      preview (window, path);
      assert_one_page (path);
      share = ink_share (path);
      g_test_message ("%s preview: %.1f%% of the page inked", views[i], 100 * share);
      if (share >= 0)
        g_assert_cmpfloat (share, >=, 0.05);
      text = pdf_text (path);
      if (text != NULL)
        g_assert_nonnull (strstr (text, i == 0 ? "control of councils" : i == 1 ? "Trafford" : "Crown copyright"));
    }

  gtk_window_destroy (GTK_WINDOW (window));
  tally_test_remove_dir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *home = NULL;
  int status;

  g_test_init (&argc, &argv, NULL);

  /* Nothing of the user's: databases, settings and caches in a temporary folder. */
  home = tally_test_make_temp_dir ();
  g_setenv ("XDG_DATA_HOME", home, TRUE);
  g_setenv ("XDG_CACHE_HOME", home, TRUE);
  g_setenv ("XDG_CONFIG_HOME", home, TRUE);

  if (!tally_test_widgets_init ())
    return 0;

  g_test_add_func ("/print-copy/copy-row", test_copy_row);
  g_test_add_func ("/print-copy/copy-council-table", test_copy_council_table);
  g_test_add_func ("/print-copy/print", test_print);
  g_test_add_func ("/print-copy/print-preview", test_print_preview);

  status = g_test_run ();
  tally_test_remove_dir (home);
  return status;
}
