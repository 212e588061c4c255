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

/**
 * TallyBasis:
 * @TALLY_BASIS_SERVICES: as the results services count it (the BBC's
 *   scoreboard): control is compared with control on the eve of the poll,
 *   seats with the previous comparable election (the same cohort of seats,
 *   or a notional baseline on new ward boundaries)
 * @TALLY_BASIS_ELECTION: against the council's last election: control is
 *   compared with the control that election produced, seats as for
 *   @TALLY_BASIS_SERVICES
 * @TALLY_BASIS_EVE: against the eve of the poll: control as for
 *   @TALLY_BASIS_SERVICES, seats as the composition after the poll less the
 *   composition before it (the Press Association's seat changes)
 *
 * What "change" is measured against.  Each basis is one consistent
 * definition; a figure never adds changes of two bases together.
 */
typedef enum
{
  TALLY_BASIS_SERVICES,
  TALLY_BASIS_ELECTION,
  TALLY_BASIS_EVE,
} TallyBasis;

#define TALLY_N_BASES (TALLY_BASIS_EVE + 1)
#define TALLY_TYPE_BASIS (tally_basis_get_type ())

GType             tally_basis_get_type           (void);
const char       *tally_basis_to_string          (TallyBasis        basis);
gboolean          tally_basis_from_string        (const char       *string,
                                                  TallyBasis       *basis);
const char       *tally_basis_get_label          (TallyBasis        basis);
const char       *tally_basis_describe_control   (TallyBasis        basis);
const char       *tally_basis_describe_seats     (TallyBasis        basis);
const char       *tally_basis_describe_outcome   (TallyBasis        basis);

G_END_DECLS
