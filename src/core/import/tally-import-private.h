/* tally-import-private.h: the parts of the importer shared by its files.
 *
 * tally-import.c runs an import (thread, transaction, progress);
 * tally-import-formats.c reads each format's rows; the store matches what a
 * row names (councils, wards, parties, elections: tally-import-match.c),
 * writes it (tally-import-candidates.c, tally-import-contests.c, begun and
 * ended by tally-import-store.c) and totals each council
 * (tally-import-totals.c).  The store's own internals are in
 * tally-import-store-private.h.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "tally-database.h"
#include "tally-import.h"
#include "tally-import-csv.h"

G_BEGIN_DECLS

typedef struct _TallyImportStore TallyImportStore;

/* One candidate's row, as any format reads it.  Strings are borrowed. */
typedef struct
{
  const char *date;          /* the polling day, YYYY-MM-DD */
  const char *council_code;  /* ONS code, or NULL */
  const char *council_name;  /* name, or a Democracy Club slug; NULL when only the code is known */
  const char *ward_code;     /* ONS ward code, or NULL */
  const char *ward_name;
  const char *ballot;        /* the poll within the ward; NULL means the ward name */
  guint       seats;         /* seats filled; 0 means "count the elected" */
  gboolean    by_election;
  const char *candidate;
  const char *party;
  gint64      votes;
  gboolean    elected;
  gint64      declared_at;   /* when its ward declared (Unix seconds), 0 when the file does not say */
} TallyImportCandidate;

typedef enum
{
  TALLY_IMPORT_STAGE_BEFORE,
  TALLY_IMPORT_STAGE_AFTER,
} TallyImportStage;

TallyImportSummary *_tally_import_summary_new                (void);
void                _tally_import_summary_warn               (TallyImportSummary  *summary,
                                                              const char          *format,
                                                              ...) G_GNUC_PRINTF (2, 3);

TallyImportStore   *_tally_import_store_new                  (TallyDatabase       *database,
                                                              TallyImportSummary  *summary,
                                                              GError             **error);
void                _tally_import_store_free                 (TallyImportStore    *self);
void                _tally_import_store_set_record_declarations (TallyImportStore *self,
                                                              gboolean             record);
void                _tally_import_store_begin_file           (TallyImportStore    *self,
                                                              TallyCsvReader      *reader);
gboolean            _tally_import_store_end_file             (TallyImportStore    *self,
                                                              TallyImportFormat    format,
                                                              guint                rows,
                                                              GError             **error);
gboolean            _tally_import_store_finish               (TallyImportStore    *self,
                                                              GError             **error);

gboolean            _tally_import_store_add_candidate        (TallyImportStore    *self,
                                                              const TallyImportCandidate *candidate,
                                                              GError             **error);
gint64              _tally_import_store_find_council         (TallyImportStore    *self,
                                                              const char          *code,
                                                              const char          *name);
gint64              _tally_import_store_find_party           (TallyImportStore    *self,
                                                              const char          *name,
                                                              GError             **error);
gint64              _tally_import_store_find_election        (TallyImportStore    *self,
                                                              const char          *date,
                                                              GError             **error);
GArray             *_tally_import_store_find_elections_in_year (TallyImportStore  *self,
                                                              int                  year);
gboolean            _tally_import_store_set_composition      (TallyImportStore    *self,
                                                              gint64               election_id,
                                                              gint64               council_id,
                                                              TallyImportStage     stage,
                                                              const gint64        *party_ids,
                                                              const guint         *seats,
                                                              guint                n_parties,
                                                              GError             **error);
void                _tally_import_store_skip_row             (TallyImportStore    *self);
gint64              _tally_import_store_lookup_election      (TallyImportStore    *self,
                                                              const char          *date);
const char         *_tally_import_store_get_council_name     (TallyImportStore    *self,
                                                              gint64               council_id);
gboolean            _tally_import_store_get_seats_won        (TallyImportStore    *self,
                                                              gint64               election_id,
                                                              gint64               council_id,
                                                              gint64              *seats_won,
                                                              GError             **error);
gboolean            _tally_import_store_set_notional         (TallyImportStore    *self,
                                                              gint64               election_id,
                                                              gint64               council_id,
                                                              const char          *baseline,
                                                              const gint64        *party_ids,
                                                              const guint         *seats,
                                                              const gint64        *votes,
                                                              guint                n_parties,
                                                              const char          *source,
                                                              GError             **error);

/* Reads one file into the store: the header decides the format unless
 * @format names one.  @progress_func is called now and then with the bytes
 * read so far. */
typedef void (*TallyImportProgressFunc) (goffset  bytes_read,
                                         gpointer user_data);

gboolean            _tally_import_read_file                  (TallyImportStore    *store,
                                                              TallyImportSummary  *summary,
                                                              GFile               *file,
                                                              TallyImportFormat    format,
                                                              const char          *election_date,
                                                              GCancellable        *cancellable,
                                                              TallyImportProgressFunc progress_func,
                                                              gpointer             progress_data,
                                                              GError             **error);

/* Normalises a council or ward name, or a slug, for matching:
 * "St. Mary's & Fairfield" and "st-marys-and-fairfield" give the same key. */
char               *_tally_import_name_key                   (const char          *name);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TallyImportStore, _tally_import_store_free)

G_END_DECLS
