/* tally-test-util.h: helpers shared by the tests.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "tally-catalog.h"
#include "tally-database.h"
#include "tally-filter.h"
#include "tally-import.h"
#include "tally-results.h"

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

char       *tally_test_read_file        (const char         *path,
                                         gsize              *length);
int         tally_test_compare_strings  (gconstpointer       a,
                                         gconstpointer       b);
char       *tally_test_list_dir         (const char         *dir);
void        tally_test_run_sql          (const char         *path,
                                         const char         *sql);
void        tally_test_copy_bundled     (const char         *path);
void        tally_test_move_adur_seat   (const char         *path);
void        tally_test_make_old_database (const char        *path,
                                          int                version);
char       *tally_test_schema_of        (const char         *path);

/* What another tool might leave in a Tally file: a view, a trigger on a
 * table of its own, the table, and one of Tally's indexes made otherwise
 * (tally_database_find_foreign_objects() lists them in this order). */
#define TALLY_TEST_FOREIGN_SQL                                                 \
  "CREATE VIEW mine AS SELECT name FROM councils; "                            \
  "CREATE TABLE notes (text TEXT UNIQUE); "                                    \
  "CREATE TRIGGER noted AFTER INSERT ON notes BEGIN SELECT 1; END; "           \
  "DROP INDEX wards_by_code; CREATE INDEX wards_by_code ON wards (code, id);"

/* The bundled database, its catalogue and an engine over it. */
typedef struct
{
  TallyDatabase *database;
  TallyCatalog  *catalog;
  TallyResults  *results;
  TallyFilter   *filter;    /* the engine's, empty */
  TallyElection *election;  /* 2018, the latest */
  TallyElection *baseline;  /* 2014 */
} TallyTestBundled;

void                tally_test_bundled_open   (TallyTestBundled *bundled);
void                tally_test_bundled_close  (TallyTestBundled *bundled);
TallyCouncilResult *tally_test_bundled_lookup (TallyTestBundled *bundled,
                                               const char       *code);
TallyParty         *tally_test_bundled_party  (TallyTestBundled *bundled,
                                               const char       *key);

/* A fresh folder per test (g_test_add fixture) */
typedef struct
{
  char *dir;
  char *db_path;    /* not there until the test (or its first import) makes it */
} TallyTestFolder;

void                tally_test_folder_setup    (TallyTestFolder *fixture,
                                                gconstpointer    data);
void                tally_test_folder_teardown (TallyTestFolder *fixture,
                                                gconstpointer    data);
char               *tally_test_folder_path     (TallyTestFolder *fixture,
                                                const char      *name);

/* The import tests (test-import*.c) know the folder by its older name. */
typedef TallyTestFolder TallyTestImportFixture;
#define tally_test_import_fixture_setup    tally_test_folder_setup
#define tally_test_import_fixture_teardown tally_test_folder_teardown

/* The import tests (test-import*.c) */
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
char               *tally_test_import_good             (TallyTestFolder        *fixture);
gboolean            tally_test_has_warning             (TallyImportSummary     *summary,
                                                        const char             *text);

G_END_DECLS
