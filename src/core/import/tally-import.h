/* tally-import.h: results files from elsewhere, imported into a Tally database.
 *
 * Tally reads Democracy Club results CSV, LEAP results CSV, Open Council
 * Data composition CSV and its own candidate CSV (one row per candidate:
 * election_date, council_code or council_name, ward_name, candidate, party,
 * votes, elected; optionally ward_code, ballot, by_election, seats) and its
 * notional baseline CSV (docs/NOTIONAL-CSV.md: the seats each party would
 * have won at the previous comparable election on new ward boundaries).  The
 * formats and the rules every import follows are described in
 * tests/data/README.md.  Democracy Club and Tally files may give each
 * row's declaration time in a declared_at column (ISO 8601).
 *
 * Use from a window:
 *
 *   importer = tally_importer_new (NULL);            // the user's own database
 *   tally_importer_add_file (importer, file);        // each file chosen or dropped
 *   g_object_bind_property (importer, "fraction", progress_bar, "fraction", 0);
 *   tally_importer_run_async (importer, cancellable, import_done_cb, self);
 *   …
 *   summary = tally_importer_run_finish (importer, result, &error);
 *
 * On error or cancellation the database is exactly as it was.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "tally-types.h"

G_BEGIN_DECLS

#define TALLY_IMPORT_ERROR (tally_import_error_quark ())

typedef enum
{
  TALLY_IMPORT_ERROR_EMPTY,     /* nothing in the file */
  TALLY_IMPORT_ERROR_BINARY,    /* NUL bytes: not text at all */
  TALLY_IMPORT_ERROR_ENCODING,  /* text that is not UTF-8 */
  TALLY_IMPORT_ERROR_SYNTAX,    /* malformed CSV: a stray quote, an unclosed field */
  TALLY_IMPORT_ERROR_TOO_LONG,  /* a field or row over the limits */
  TALLY_IMPORT_ERROR_FORMAT,    /* a header of no format Tally reads */
  TALLY_IMPORT_ERROR_COLUMNS,   /* a column the format needs is missing, or named twice */
  TALLY_IMPORT_ERROR_FIELDS,    /* a row with more or fewer fields than the header */
  TALLY_IMPORT_ERROR_VALUE,     /* a value that is not allowed: negative votes, a bad date */
  TALLY_IMPORT_ERROR_ELECTION,  /* the file does not say which election it holds */
} TallyImportError;

/* The formats Tally reads; see tally-import-formats.c and tests/data/README.md. */
typedef enum
{
  TALLY_IMPORT_FORMAT_AUTO,   /* decided from the header */
  TALLY_IMPORT_FORMAT_DC,     /* Democracy Club results CSV */
  TALLY_IMPORT_FORMAT_LEAP,   /* Local Elections Archive Project CSV */
  TALLY_IMPORT_FORMAT_OCD,    /* Open Council Data UK composition CSV */
  TALLY_IMPORT_FORMAT_TALLY,  /* Tally's own candidate CSV */
  TALLY_IMPORT_FORMAT_NOTIONAL, /* Tally's notional baseline CSV (docs/NOTIONAL-CSV.md) */
} TallyImportFormat;

GQuark      tally_import_error_quark          (void);

const char *tally_import_format_to_string     (TallyImportFormat  format);
gboolean    tally_import_format_from_string   (const char        *string,
                                               TallyImportFormat *format);
const char *tally_import_format_get_label     (TallyImportFormat  format);

/* What one import did.  Read-only for its users; counts cover every file of
 * the run. */
typedef struct
{
  guint      rows_read;      /* data rows read, headers not counted */
  guint      rows_skipped;   /* rows read but not stored: an unmatched council, a mayoral race */
  guint      contests;       /* contests (ward polls) written */
  guint      candidates;     /* candidate rows written */
  guint      councils;       /* distinct councils that received data */
  guint      wards_added;    /* wards that were not in the database before */
  guint      parties_added;  /* parties that were not in the database before */
  guint      compositions;   /* composition rows written */
  guint      notional;       /* councils given a notional baseline */
  GPtrArray *new_parties;    /* (element-type utf8): names of the parties added */
  GPtrArray *warnings;       /* (element-type utf8): things a person should know */
} TallyImportSummary;

#define TALLY_TYPE_IMPORT_SUMMARY (tally_import_summary_get_type ())

GType               tally_import_summary_get_type  (void) G_GNUC_CONST;
TallyImportSummary *tally_import_summary_ref       (TallyImportSummary *self);
void                tally_import_summary_unref     (TallyImportSummary *self);
char               *tally_import_summary_to_string (TallyImportSummary *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TallyImportSummary, tally_import_summary_unref)

#define TALLY_TYPE_IMPORTER (tally_importer_get_type ())

G_DECLARE_FINAL_TYPE (TallyImporter, tally_importer, TALLY, IMPORTER, GObject)

TallyImporter      *tally_importer_new               (const char          *database_path);
const char         *tally_importer_get_database_path (TallyImporter       *self);
void                tally_importer_add_file          (TallyImporter       *self,
                                                      GFile               *file);
TallyImportFormat   tally_importer_get_format        (TallyImporter       *self);
void                tally_importer_set_format        (TallyImporter       *self,
                                                      TallyImportFormat    format);
const char         *tally_importer_get_election_date (TallyImporter       *self);
void                tally_importer_set_election_date (TallyImporter       *self,
                                                      const char          *date);
double              tally_importer_get_fraction      (TallyImporter       *self);
void                tally_importer_set_record_declarations (TallyImporter *self,
                                                      gboolean             record);

TallyImportSummary *tally_importer_run               (TallyImporter       *self,
                                                      GCancellable        *cancellable,
                                                      GError             **error);
void                tally_importer_run_async         (TallyImporter       *self,
                                                      GCancellable        *cancellable,
                                                      GAsyncReadyCallback  callback,
                                                      gpointer             user_data);
TallyImportSummary *tally_importer_run_finish        (TallyImporter       *self,
                                                      GAsyncResult        *result,
                                                      GError             **error);

G_END_DECLS
