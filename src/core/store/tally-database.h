/* tally-database.h: one Tally SQLite file, opened safely.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "tally-types.h"

G_BEGIN_DECLS

/* The schema this build reads and writes.  Files with a larger
 * PRAGMA user_version were written by a newer Tally and are refused. */
#define TALLY_SCHEMA_VERSION 6

/* PRAGMA application_id of every Tally file: "TALY" in ASCII. */
#define TALLY_APPLICATION_ID 0x54414C59

/* How long a reader waits for another process's write lock, and how long
 * any one statement may run (TALLY_QUERY_SECONDS overrides it); see
 * docs/LIMITS.md. */
#define TALLY_DATABASE_BUSY_TIMEOUT_MS 15000
#define TALLY_DATABASE_QUERY_SECONDS   30

#define TALLY_DATABASE_ERROR (tally_database_error_quark ())

typedef enum
{
  TALLY_DATABASE_ERROR_OPEN,        /* missing, unreadable or unwritable */
  TALLY_DATABASE_ERROR_NOT_SQLITE,  /* not an SQLite file at all */
  TALLY_DATABASE_ERROR_CORRUPT,     /* SQLite, but damaged */
  TALLY_DATABASE_ERROR_FOREIGN,     /* a sound SQLite file that is not Tally's */
  TALLY_DATABASE_ERROR_TOO_NEW,     /* written by a newer Tally */
  TALLY_DATABASE_ERROR_TOO_OLD,     /* an older schema in a file we may not upgrade */
  TALLY_DATABASE_ERROR_INVALID,     /* data that breaks the schema's rules */
  TALLY_DATABASE_ERROR_FAILED,      /* any other SQLite failure */
  TALLY_DATABASE_ERROR_TOO_SLOW,    /* a query ran past the query-time limit */
  TALLY_DATABASE_ERROR_SCHEMA,      /* tables, views, triggers or indexes that are not Tally's */
} TallyDatabaseError;

typedef enum
{
  TALLY_DATABASE_OPEN_READ_ONLY = 1 << 0,
  TALLY_DATABASE_OPEN_CREATE    = 1 << 1,  /* create the file and schema if missing */
} TallyDatabaseOpenFlags;

#define TALLY_TYPE_DATABASE (tally_database_get_type ())

G_DECLARE_FINAL_TYPE (TallyDatabase, tally_database, TALLY, DATABASE, GObject)

GQuark         tally_database_error_quark     (void);

TallyDatabase *tally_database_open            (const char              *path,
                                               TallyDatabaseOpenFlags   flags,
                                               GError                 **error);
const char    *tally_database_get_path        (TallyDatabase           *self);
gboolean       tally_database_get_read_only   (TallyDatabase           *self);
int            tally_database_get_schema_version (TallyDatabase        *self);
gboolean       tally_database_begin_snapshot  (TallyDatabase           *self,
                                               GError                 **error);
void           tally_database_end_snapshot    (TallyDatabase           *self);
gboolean       tally_database_set_live        (TallyDatabase           *self,
                                               GError                 **error);

TallyDatabase *tally_database_open_for_import (const char         *path,
                                              char              **created,
                                              GError            **error);
TallyDatabase *tally_database_open_for_bulk_import (const char    *path,
                                                    char         **created,
                                                    GError       **error);
void           tally_database_remove_created  (const char         *created);
char          *tally_database_get_bundled_path (void);
char          *tally_database_get_user_path    (void);
char          *tally_database_get_current_path (void);
gboolean       tally_database_is_bundled_path  (const char         *path);
gboolean       tally_database_is_own_path      (const char         *path);

/* tally-database-foreign.c: what Tally did not make, in the user's own file. */
GStrv          tally_database_find_foreign_objects (const char          *path,
                                                    GError             **error);
gboolean       tally_database_drop_foreign_objects (const char          *path,
                                                    const char * const  *objects,
                                                    GError             **error);
char          *tally_database_describe_object      (const char          *object);

G_END_DECLS
