/* tally-record-check.h: where a database's figures part from the published record.
 *
 * The bundled database carries each council's seats as the results
 * services published them (data/bundled/SOURCES.md names the source of
 * every figure).  A file imported over them can say otherwise: Democracy
 * Club's 2018 file swaps a winner and a runner-up in three wards, so its
 * Labour total is 2,348 where the BBC's is 2,350.  Whatever figure Tally
 * prints from such a file must say so, council by council.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "tally-database.h"
#include "tally-scope-summary.h"

G_BEGIN_DECLS

typedef struct
{
  char *date;           /* the election's, 2018-05-03 */
  char *council_code;
  char *council_name;
  char *detail;         /* "Con 10 seats (published 9), Lab 0 (published 1)" */
} TallyRecordDifference;

GPtrArray *tally_record_check         (TallyDatabase       *database,
                                       const char * const  *dates,
                                       GHashTable          *council_codes,
                                       GError             **error);
GPtrArray *tally_record_check_against (TallyDatabase       *database,
                                       TallyDatabase       *record,
                                       const char * const  *dates,
                                       GHashTable          *council_codes,
                                       GError             **error);
GPtrArray *tally_record_check_in_scope (GPtrArray           *differences,
                                       TallyScopeSummary   *summary);
char      *tally_record_check_describe       (GPtrArray *differences);
char      *tally_record_check_describe_brief (GPtrArray *differences);

G_END_DECLS
