/* tally-test-util.h: helpers shared by the tests.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "tally-database.h"
#include "tally-import.h"

G_BEGIN_DECLS

char       *tally_test_make_temp_dir    (void);
void        tally_test_remove_dir       (const char *path);
const char *tally_test_bundled_database (void);
const char *tally_test_bundled_dir      (void);
char       *tally_test_shared_data_path (const char *relative);
char       *tally_test_import_2018_wards (const char *dir);

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

/* The import tests (test-import*.c) */
typedef struct
{
  char *dir;
  char *db_path;    /* not there until the first import makes it */
} TallyTestImportFixture;

void                tally_test_import_fixture_setup    (TallyTestImportFixture *fixture,
                                                        gconstpointer           data);
void                tally_test_import_fixture_teardown (TallyTestImportFixture *fixture,
                                                        gconstpointer           data);
char               *tally_test_data_path               (const char             *name);
TallyImporter      *tally_test_new_importer            (const char             *db_path,
                                                        TallyImportFormat       format,
                                                        const char * const     *paths);
TallyImportSummary *tally_test_import_files            (const char             *db_path,
                                                        const char * const     *paths,
                                                        GError                **error);
TallyImportSummary *tally_test_import_one              (const char             *db_path,
                                                        const char             *path,
                                                        GError                **error);
TallyDatabase      *tally_test_open_read_only          (const char             *db_path);
gint64              tally_test_query_int               (const char             *db_path,
                                                        const char             *sql);
char               *tally_test_query_rows              (const char             *db_path,
                                                        const char             *sql);
char               *tally_test_fingerprint             (const char             *db_path);
char               *tally_test_import_good             (TallyTestImportFixture *fixture);
gboolean            tally_test_has_warning             (TallyImportSummary     *summary,
                                                        const char             *text);

G_END_DECLS
