/* tally-import-csv.h: reading CSV files from elsewhere, one row at a time, defensively.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "tally-import.h"

G_BEGIN_DECLS

/* Limits on untrusted input: far above any real results file (the longest
 * field in the 2018 Democracy Club file is 324 bytes), far below trouble. */
#define TALLY_CSV_MAX_FIELD_LENGTH (16 * 1024)
#define TALLY_CSV_MAX_FIELDS       256

typedef struct _TallyCsvReader TallyCsvReader;

TallyCsvReader *tally_csv_reader_new              (GFile           *file,
                                                   GCancellable    *cancellable,
                                                   GError         **error);
void            tally_csv_reader_free             (TallyCsvReader  *self);
gboolean        tally_csv_reader_next             (TallyCsvReader  *self,
                                                   GError         **error);
guint           tally_csv_reader_get_n_fields     (TallyCsvReader  *self);
const char     *tally_csv_reader_get_field        (TallyCsvReader  *self,
                                                   guint            index);
guint           tally_csv_reader_get_line         (TallyCsvReader  *self);
const char     *tally_csv_reader_get_display_name (TallyCsvReader  *self);
goffset         tally_csv_reader_get_position     (TallyCsvReader  *self);
goffset         tally_csv_reader_get_size         (TallyCsvReader  *self);
const char     *tally_csv_reader_get_checksum     (TallyCsvReader  *self);
void            tally_csv_reader_set_column_names (TallyCsvReader  *self,
                                                   GStrv            names);
void            tally_csv_reader_set_error        (TallyCsvReader  *self,
                                                   GError         **error,
                                                   guint            index,
                                                   const char      *format,
                                                   ...) G_GNUC_PRINTF (4, 5);
void            tally_csv_reader_set_line_error   (TallyCsvReader  *self,
                                                   GError         **error,
                                                   TallyImportError code,
                                                   const char      *format,
                                                   ...) G_GNUC_PRINTF (4, 5);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TallyCsvReader, tally_csv_reader_free)

G_END_DECLS
