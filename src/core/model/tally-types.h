/* tally-types.h: forward declarations and the small enums every layer shares.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

typedef struct _TallyCouncil  TallyCouncil;
typedef struct _TallyDatabase TallyDatabase;
typedef struct _TallyElection TallyElection;
typedef struct _TallyCatalog  TallyCatalog;
typedef struct _TallyCouncilResult TallyCouncilResult;
typedef struct _TallyParty    TallyParty;
typedef struct _TallySelection TallySelection;

/* The kinds of English council, as the ONS code prefix tells them apart. */
typedef enum
{
  TALLY_COUNCIL_TYPE_LONDON_BOROUGH,
  TALLY_COUNCIL_TYPE_METROPOLITAN_BOROUGH,
  TALLY_COUNCIL_TYPE_UNITARY,
  TALLY_COUNCIL_TYPE_DISTRICT,
} TallyCouncilType;

#define TALLY_N_COUNCIL_TYPES (TALLY_COUNCIL_TYPE_DISTRICT + 1)

const char       *tally_council_type_to_string   (TallyCouncilType  type);
gboolean          tally_council_type_from_string (const char       *string,
                                                  TallyCouncilType *type);
const char       *tally_council_type_get_label   (TallyCouncilType  type);

G_END_DECLS
