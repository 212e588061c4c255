/* test-real-data.c: the window with the real public files imported.
 *
 * Democracy Club 2018 and LEAP 2014 bring about 200 parties.  No layout may
 * grow with them: the window's minimum size is the same before and after
 * the import, and the state of the parties and the list's columns name at
 * most the major parties and Others.  Skips without ../shared/data.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include "tally-council-list.h"
#include "tally-party-summary.h"
#include "tally-test-util.h"
#include "tally-test-widgets.h"
#include "tally-window.h"

/* Named parties and Others: Lab, Con, LD, Ind, Green, UKIP, Others. */
#define MAX_SHOWN 7

typedef struct
{
  int   min_width;
  int   min_height;
  guint party_lines;    /* state of the parties, NOC apart */
  guint columns;
} Measured;

static void
measure_window (Measured *measured)
{
  TallyWindow *window = tally_window_new (NULL);
  const char *text;

  g_assert_true (tally_window_open_database (window, NULL));
  gtk_window_present (GTK_WINDOW (window));
  tally_test_wait_for_frames (100);

  gtk_widget_measure (GTK_WIDGET (window), GTK_ORIENTATION_HORIZONTAL, -1, &measured->min_width, NULL, NULL, NULL);
  gtk_widget_measure (GTK_WIDGET (window), GTK_ORIENTATION_VERTICAL, -1, &measured->min_height, NULL, NULL, NULL);

  /* The cards, No overall control apart. */
  text = tally_party_summary_get_text (tally_window_get_party_summary (window));
  measured->party_lines = tally_party_summary_get_n_cards (tally_window_get_party_summary (window)) -
                          (strstr (text, "\nNo overall control:") != NULL);

  measured->columns = g_list_model_get_n_items (
    gtk_column_view_get_columns (tally_council_list_get_column_view (tally_window_get_council_list (window))));

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_import_keeps_layout (void)
{
  g_autofree char *dc = tally_test_shared_data_path ("results/dc_2018/democracyclub-results-2018-05-03_raw.csv");
  g_autofree char *leap = tally_test_shared_data_path ("results/leap_2014/leap_2014_results_raw.csv");
  g_auto(TallyTestRun) run = { 0 };
  Measured before = { 0 };
  Measured after = { 0 };

  if (dc == NULL || leap == NULL)
    {
      g_test_skip ("the Democracy Club and LEAP files are not in ../shared/data");
      return;
    }

  measure_window (&before);

  tally_test_run_tally (&run, g_getenv ("XDG_DATA_HOME"), (const char *[]) { "import", dc, leap, NULL });
  g_assert_cmpint (run.status, ==, 0);

  measure_window (&after);

  g_assert_cmpint (after.min_width, ==, before.min_width);
  g_assert_cmpint (after.min_height, ==, before.min_height);
  g_assert_cmpuint (before.party_lines, <=, MAX_SHOWN);
  g_assert_cmpuint (after.party_lines, <=, MAX_SHOWN);
  g_assert_cmpuint (after.party_lines, >=, 3);
  g_assert_cmpuint (after.columns, ==, before.columns);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *data_home = NULL;
  int status;

  g_test_init (&argc, &argv, NULL);

  /* A fresh user database for this test alone. */
  data_home = tally_test_make_temp_dir ();
  g_setenv ("XDG_DATA_HOME", data_home, TRUE);

  if (!tally_test_widgets_init ())
    return 0;

  g_test_add_func ("/real-data/import-keeps-layout", test_import_keeps_layout);

  status = g_test_run ();
  tally_test_remove_dir (data_home);
  return status;
}
