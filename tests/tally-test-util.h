/* tally-test-util.h: helpers shared by the tests.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

char       *tally_test_make_temp_dir    (void);
void        tally_test_remove_dir       (const char *path);
const char *tally_test_bundled_database (void);
const char *tally_test_bundled_dir      (void);
char       *tally_test_shared_data_path (const char *relative);

/* What a run of the tally binary printed, and how it ended. */
typedef struct
{
  int    status;
  char  *out;
  char  *err;
  char **lines;   /* out, line by line */
} TallyTestRun;

void        tally_test_run_clear        (TallyTestRun       *run);
void        tally_test_run_tally        (TallyTestRun       *run,
                                         const char         *data_home,
                                         const char * const *args);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (TallyTestRun, tally_test_run_clear)

G_END_DECLS
