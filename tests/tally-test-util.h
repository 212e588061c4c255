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

G_END_DECLS
