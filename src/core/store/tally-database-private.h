/* tally-database-private.h: what core's own files may reach inside a database.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <sqlite3.h>

#include "tally-database.h"

G_BEGIN_DECLS

G_DEFINE_AUTOPTR_CLEANUP_FUNC (sqlite3_stmt, sqlite3_finalize)

sqlite3      *_tally_database_get_handle (TallyDatabase  *self);
sqlite3_stmt *_tally_database_prepare    (TallyDatabase  *self,
                                          const char     *sql,
                                          GError        **error);
gboolean      _tally_database_exec       (TallyDatabase  *self,
                                          const char     *sql,
                                          GError        **error);
gboolean      _tally_database_begin      (TallyDatabase  *self,
                                          GError        **error);
gboolean      _tally_database_commit     (TallyDatabase  *self,
                                          GError        **error);
void          _tally_database_rollback   (TallyDatabase  *self);
void          _tally_database_set_error  (TallyDatabase  *self,
                                          GError        **error,
                                          const char     *doing);
void          _tally_database_set_query_limit (TallyDatabase *self,
                                               gint64         milliseconds);

GResource    *_tally_database_get_core_resource (void);

/* tally-database-schema.c: the file's schema against Tally's own. */
gboolean      _tally_database_check_schema (TallyDatabase  *self,
                                            GError        **error);
GHashTable   *_tally_database_read_schema  (sqlite3        *handle,
                                            gboolean       *ok);
GHashTable   *_tally_database_expected_schema (int          version);
GHashTable   *_tally_database_compute_schema  (int          version);
GHashTable   *_tally_database_built_schema    (void);
gboolean      _tally_database_is_sqlite_statistics (const char *key);

/* tally-database-migrate.c: new files and older ones brought up to this version. */
gboolean      _tally_database_create_schema  (TallyDatabase  *self,
                                              GError        **error);
gboolean      _tally_database_migrate_schema (TallyDatabase  *self,
                                              int             from_version,
                                              GError        **error);

/* tally-database-check.c: files that passed the whole-file check. */
gboolean      _tally_database_integrity_recorded (const char *path);
void          _tally_database_record_integrity   (const char *path);
/* Also there: a whole file replaced by a rename, not synced (the records,
 * and a database made for a bulk import). */
gboolean      _tally_database_write_unsynced     (const char  *path,
                                                  const char  *contents,
                                                  gsize        length,
                                                  int          mode,
                                                  GError     **error);

G_END_DECLS
