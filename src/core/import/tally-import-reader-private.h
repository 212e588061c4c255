/* tally-import-reader-private.h: one file's reader, shared by the formats.
 *
 * tally-import-formats.c finds a file's header, decides its format and reads
 * its rows; the formats that need more than a row at a time live in files
 * of their own (tally-import-notional.c: notional baselines, checked a
 * council at a time at the end of the file) and see the reader, and its
 * checked parsing of fields, through this header.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "tally-import-private.h"

G_BEGIN_DECLS

#define MAX_COLUMNS   16
#define MAX_PREAMBLE  4
#define MAX_VOTES     G_GINT64_CONSTANT (100000000)
#define MAX_SEATS     1000

typedef struct _Reader Reader;

typedef struct
{
  TallyImportFormat   format;
  const char * const  columns[MAX_COLUMNS];  /* all the columns it reads */
  guint               n_required;            /* the first n_required must be there */
  guint               n_signature;           /* the first n_signature identify it */
  gboolean          (*begin) (Reader  *self,
                              GError **error);
  gboolean          (*read_row) (Reader  *self,
                                 GError **error);
  /* After the last row, before the file is recorded: NULL for formats
   * that write as they read. */
  gboolean          (*end) (Reader  *self,
                            GError **error);
} Format;

struct _Reader
{
  const Format     *format;
  TallyImportStore *store;
  TallyImportSummary *summary;
  TallyCsvReader   *csv;
  GFile            *file;
  int               index[MAX_COLUMNS];      /* where each column is in the file, or -1 */
  const char       *election_date;           /* LEAP: the election the file holds */
  char             *election_date_owned;
  char             *last_date;               /* the last date found sound */
  GHashTable       *ward_names;              /* DC: ward slug → name */
  GHashTable       *skipped;                 /* kind of ballot or reason → guint rows */
  gpointer          format_data;             /* a format's own state, freed with format_data_free */
  GDestroyNotify    format_data_free;
};

const char *_tally_reader_field        (Reader      *self,
                                        guint        column);
gboolean    _tally_reader_require_text (Reader      *self,
                                        guint        column,
                                        const char **value,
                                        GError     **error);
gboolean    _tally_reader_parse_count  (Reader      *self,
                                        guint        column,
                                        gint64       max,
                                        gint64       empty_value,
                                        gint64      *value,
                                        GError     **error);
gboolean    _tally_reader_is_date      (const char  *text);

/* Notional baselines (tally-import-notional.c). */
enum { NOTIONAL_SEATS, NOTIONAL_DATE, NOTIONAL_PARTY, NOTIONAL_BASELINE, NOTIONAL_COUNCIL_CODE,
       NOTIONAL_COUNCIL_NAME, NOTIONAL_VOTES, NOTIONAL_SOURCE };

gboolean    _tally_import_notional_begin    (Reader  *self,
                                             GError **error);
gboolean    _tally_import_notional_read_row (Reader  *self,
                                             GError **error);
gboolean    _tally_import_notional_end      (Reader  *self,
                                             GError **error);

G_END_DECLS
