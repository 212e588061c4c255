/* tally-tsv.h: reading the project's own tab-separated data files.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define TALLY_TSV_ERROR (tally_tsv_error_quark ())

typedef enum
{
  TALLY_TSV_ERROR_ENCODING,   /* not UTF-8 text */
  TALLY_TSV_ERROR_HEADER,     /* missing or unexpected header line */
  TALLY_TSV_ERROR_FIELDS,     /* a row with too few or too many fields */
  TALLY_TSV_ERROR_VALUE,      /* a field whose value is not allowed */
} TallyTsvError;

typedef struct _TallyTsvReader TallyTsvReader;

GQuark          tally_tsv_error_quark    (void);

TallyTsvReader *tally_tsv_reader_new     (GFile              *file,
                                          const char * const *columns,
                                          GError            **error);
void            tally_tsv_reader_free    (TallyTsvReader     *self);
gboolean        tally_tsv_reader_next    (TallyTsvReader     *self,
                                          GError            **error);
guint           tally_tsv_reader_get_line (TallyTsvReader    *self);
const char     *tally_tsv_reader_get     (TallyTsvReader     *self,
                                          guint               column);
gboolean        tally_tsv_reader_get_int (TallyTsvReader     *self,
                                          guint               column,
                                          gint64              min,
                                          gint64              max,
                                          gint64             *value,
                                          GError            **error);
gboolean        tally_tsv_reader_get_double (TallyTsvReader  *self,
                                          guint               column,
                                          double             *value,
                                          GError            **error);
void            tally_tsv_reader_set_error (TallyTsvReader   *self,
                                          GError            **error,
                                          guint               column,
                                          const char         *format,
                                          ...) G_GNUC_PRINTF (4, 5);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TallyTsvReader, tally_tsv_reader_free)

G_END_DECLS
