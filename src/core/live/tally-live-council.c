/* tally-live-council.c: one council on results night, and its calls in words.
 *
 * The sentences are those a results service writes ("Labour cannot take
 * control of Dudley: 21 of 24 wards declared; it needed 12 of the 24 seats
 * up and has won 8, with 3 to come"), made from the figures alone.
 *
 * Seat change is measured on the declared wards only, against the same
 * wards at the baseline: a ward counts when the baseline fought it (the
 * same ward row, with the same number of seats, not a by-election); the
 * others are declared but not compared, and
 * tally_live_council_get_seats_compared() says how many seats that leaves.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "tally-council.h"
#include "tally-digest.h"
#include "tally-live-private.h"
#include "tally-party.h"
#include "tally-rules.h"

G_DEFINE_FINAL_TYPE (TallyLiveCouncil, tally_live_council, G_TYPE_OBJECT)

static void
tally_live_council_finalize (GObject *object)
{
  TallyLiveCouncil *self = (TallyLiveCouncil *) object;

  g_clear_object (&self->council);
  g_clear_pointer (&self->not_up, g_free);
  g_clear_pointer (&self->won, g_free);
  g_clear_pointer (&self->won_compared, g_free);
  g_clear_pointer (&self->won_then, g_free);
  g_clear_pointer (&self->calls, g_array_unref);

  G_OBJECT_CLASS (tally_live_council_parent_class)->finalize (object);
}

static void
tally_live_council_class_init (TallyLiveCouncilClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = tally_live_council_finalize;
}

static void
tally_live_council_init (TallyLiveCouncil *self)
{
  self->control_before = TALLY_CONTROL_UNKNOWN;
  self->last_declared_at = G_MININT64;
  self->calls = g_array_new (FALSE, FALSE, sizeof (TallyCall));
}

TallyLiveCouncil *
_tally_live_council_new (TallyCouncil  *council,
                         TallyParty   **parties,
                         gboolean      *aggregate,
                         guint          n_parties)
{
  TallyLiveCouncil *self = g_object_new (TALLY_TYPE_LIVE_COUNCIL, NULL);

  self->council = g_object_ref (council);
  self->parties = parties;
  self->aggregate = aggregate;
  self->n_parties = n_parties;
  self->won = g_new0 (guint, n_parties);
  self->won_compared = g_new0 (guint, n_parties);
  self->won_then = g_new0 (guint, n_parties);

  return self;
}

/* Before the declarations are counted again. */
void
_tally_live_council_reset (TallyLiveCouncil *self)
{
  self->state = TALLY_LIVE_NOT_DECLARED;
  self->wards_declared = self->seats_declared = self->seats_compared = 0;
  memset (self->won, 0, self->n_parties * sizeof (guint));
  memset (self->won_compared, 0, self->n_parties * sizeof (guint));
  memset (self->won_then, 0, self->n_parties * sizeof (guint));
  self->last_declared_at = G_MININT64;
  g_array_set_size (self->calls, 0);
}

/* Once every declaration is counted: the state and the calls. */
void
_tally_live_council_settle (TallyLiveCouncil *self)
{
  g_autoptr(GArray) calls = NULL;
  g_autofree guint *not_up = NULL;
  TallyCallInput input;

  if (self->wards_declared == 0)
    self->state = TALLY_LIVE_NOT_DECLARED;
  else if (self->wards_up > 0 ? self->wards_declared >= self->wards_up
                              : (self->seats_up > 0 && self->seats_declared >= self->seats_up))
    self->state = TALLY_LIVE_DECLARED;
  else
    self->state = TALLY_LIVE_PARTIAL;

  g_array_set_size (self->calls, 0);
  if (self->not_up == NULL || self->state == TALLY_LIVE_NOT_DECLARED)
    return;

  not_up = g_new (guint, self->n_parties);
  for (guint i = 0; i < self->n_parties; i++)
    not_up[i] = (guint) MAX (self->not_up[i], 0);

  input = (TallyCallInput) {
    .total_seats = self->total_seats,
    .seats_up = MAX (self->seats_up, self->seats_declared),
    .seats_declared = self->seats_declared,
    .n_parties = self->n_parties,
    .not_up = not_up,
    .won = self->won,
    .aggregate = self->aggregate,
    .control_before = self->control_before == TALLY_CONTROL_UNKNOWN ? TALLY_NO_CONTROL : self->control_before,
  };

  /* Once declared the council has its result, not calls: a call says what
   * is certain before the last ward.  A result reads as the last call. */
  calls = tally_calls_compute (&input);
  g_array_append_vals (self->calls, calls->data, calls->len);
}

static int
party_index (TallyLiveCouncil *self,
             TallyParty       *party)
{
  for (guint i = 0; i < self->n_parties; i++)
    if (self->parties[i] == party)
      return (int) i;

  return -1;
}

/**
 * tally_live_council_get_council:
 *
 * Returns: (transfer none): the council
 */
TallyCouncil *
tally_live_council_get_council (TallyLiveCouncil *self)
{
  g_return_val_if_fail (TALLY_IS_LIVE_COUNCIL (self), NULL);
  return self->council;
}

TallyLiveState
tally_live_council_get_state (TallyLiveCouncil *self)
{
  g_return_val_if_fail (TALLY_IS_LIVE_COUNCIL (self), TALLY_LIVE_NOT_DECLARED);
  return self->state;
}

/**
 * tally_live_council_get_wards_declared:
 *
 * A ward is one poll (a contest): a same-day by-election in a ward that
 * also holds its ordinary election counts as a poll of its own.
 *
 * Returns: the wards declared so far
 */
guint
tally_live_council_get_wards_declared (TallyLiveCouncil *self)
{
  g_return_val_if_fail (TALLY_IS_LIVE_COUNCIL (self), 0);
  return self->wards_declared;
}

/**
 * tally_live_council_get_wards_up:
 *
 * Returns: the wards the council declares tonight, or 0 when the database
 *   does not say in advance (no expected contests): then only seats tell
 *   how far the count has gone
 */
guint
tally_live_council_get_wards_up (TallyLiveCouncil *self)
{
  g_return_val_if_fail (TALLY_IS_LIVE_COUNCIL (self), 0);
  return self->wards_up;
}

guint
tally_live_council_get_seats_declared (TallyLiveCouncil *self)
{
  g_return_val_if_fail (TALLY_IS_LIVE_COUNCIL (self), 0);
  return self->seats_declared;
}

guint
tally_live_council_get_seats_up (TallyLiveCouncil *self)
{
  g_return_val_if_fail (TALLY_IS_LIVE_COUNCIL (self), 0);
  return MAX (self->seats_up, self->seats_declared);
}

/**
 * tally_live_council_get_seats_to_come:
 *
 * Returns: the seats up that have not declared yet
 */
guint
tally_live_council_get_seats_to_come (TallyLiveCouncil *self)
{
  g_return_val_if_fail (TALLY_IS_LIVE_COUNCIL (self), 0);
  return self->seats_up > self->seats_declared ? self->seats_up - self->seats_declared : 0;
}

/**
 * tally_live_council_get_total_seats:
 *
 * Returns: every seat on the council, or 0 when not known
 */
guint
tally_live_council_get_total_seats (TallyLiveCouncil *self)
{
  g_return_val_if_fail (TALLY_IS_LIVE_COUNCIL (self), 0);
  return self->total_seats;
}

/**
 * tally_live_council_get_majority:
 *
 * Returns: the seats a party needs to control the council, or 0 when its
 *   size is not known
 */
guint
tally_live_council_get_majority (TallyLiveCouncil *self)
{
  g_return_val_if_fail (TALLY_IS_LIVE_COUNCIL (self), 0);
  return self->total_seats > 0 ? tally_rules_majority (self->total_seats) : 0;
}

/**
 * tally_live_council_get_seats_won:
 *
 * Returns: the seats @party has won so far tonight
 */
guint
tally_live_council_get_seats_won (TallyLiveCouncil *self,
                                  TallyParty       *party)
{
  int index;

  g_return_val_if_fail (TALLY_IS_LIVE_COUNCIL (self), 0);

  index = party_index (self, party);
  return index < 0 ? 0 : self->won[index];
}

/**
 * tally_live_council_get_seats_change:
 * @change: (out): seats won now less seats won at the baseline, over the
 *   declared wards that the baseline fought
 *
 * Returns: %FALSE when no declared ward can be compared (none yet, or new
 *   boundaries, or no ward results at the baseline)
 */
gboolean
tally_live_council_get_seats_change (TallyLiveCouncil *self,
                                     TallyParty       *party,
                                     int              *change)
{
  int index;

  g_return_val_if_fail (TALLY_IS_LIVE_COUNCIL (self), FALSE);
  g_return_val_if_fail (change != NULL, FALSE);

  *change = 0;
  if (self->seats_compared == 0 || (index = party_index (self, party)) < 0)
    return self->seats_compared > 0;

  *change = (int) self->won_compared[index] - (int) self->won_then[index];
  return TRUE;
}

/**
 * tally_live_council_get_seats_compared:
 *
 * Returns: the declared seats whose ward the baseline fought, on which
 *   tally_live_council_get_seats_change() is measured
 */
guint
tally_live_council_get_seats_compared (TallyLiveCouncil *self)
{
  g_return_val_if_fail (TALLY_IS_LIVE_COUNCIL (self), 0);
  return self->seats_compared;
}

/**
 * tally_live_council_get_control_before:
 *
 * Returns: (transfer none) (nullable): the party in control on the eve of
 *   the poll, or %NULL under no overall control (or when not known)
 */
TallyParty *
tally_live_council_get_control_before (TallyLiveCouncil *self)
{
  g_return_val_if_fail (TALLY_IS_LIVE_COUNCIL (self), NULL);
  return self->control_before >= 0 ? self->parties[self->control_before] : NULL;
}

/**
 * tally_live_council_get_control_after:
 * @party: (out) (transfer none) (nullable): the party in control, or %NULL
 *   for no overall control
 *
 * Control is certain once a call says so: a party has won, or no party can.
 *
 * Returns: whether control after the poll is certain yet
 */
gboolean
tally_live_council_get_control_after (TallyLiveCouncil  *self,
                                      TallyParty       **party)
{
  g_return_val_if_fail (TALLY_IS_LIVE_COUNCIL (self), FALSE);

  if (party != NULL)
    *party = NULL;

  for (guint i = 0; i < self->calls->len; i++)
    {
      const TallyCall *call = &g_array_index (self->calls, TallyCall, i);

      if (call->kind == TALLY_CALL_WON)
        {
          if (party != NULL)
            *party = self->parties[call->party];
          return TRUE;
        }
      if (call->kind == TALLY_CALL_NOC || call->kind == TALLY_CALL_STAYS_NOC)
        return TRUE;
    }

  return FALSE;
}

/**
 * tally_live_council_get_last_declared_at:
 *
 * Returns: (transfer full) (nullable): when the council's latest ward
 *   declared, or %NULL when none has or the time is not known
 */
GDateTime *
tally_live_council_get_last_declared_at (TallyLiveCouncil *self)
{
  g_return_val_if_fail (TALLY_IS_LIVE_COUNCIL (self), NULL);

  if (self->last_declared_at == G_MININT64)
    return NULL;

  return g_date_time_new_from_unix_utc (self->last_declared_at);
}

/**
 * tally_live_council_get_calls:
 * @n_calls: (out): how many
 *
 * Returns: (array length=n_calls) (transfer none): what is certain now
 *   (tally_calls_compute()), valid until the night's next refresh
 */
const TallyCall *
tally_live_council_get_calls (TallyLiveCouncil *self,
                              guint            *n_calls)
{
  g_return_val_if_fail (TALLY_IS_LIVE_COUNCIL (self), NULL);
  g_return_val_if_fail (n_calls != NULL, NULL);

  *n_calls = self->calls->len;
  return (const TallyCall *) self->calls->data;
}

/**
 * tally_live_council_get_call_party:
 *
 * Returns: (transfer none) (nullable): the party @call is about, %NULL for
 *   the no-overall-control calls
 */
TallyParty *
tally_live_council_get_call_party (TallyLiveCouncil *self,
                                   const TallyCall  *call)
{
  g_return_val_if_fail (TALLY_IS_LIVE_COUNCIL (self), NULL);
  g_return_val_if_fail (call != NULL, NULL);

  return call->party >= 0 && (guint) call->party < self->n_parties ? self->parties[call->party] : NULL;
}

/**
 * tally_live_council_describe_progress:
 *
 * Returns: (transfer full): "not yet declared", "21 of 24 wards declared",
 *   "all 24 wards declared", or, when the wards up are not known in
 *   advance, "21 wards declared (40 of 72 seats)"
 */
char *
tally_live_council_describe_progress (TallyLiveCouncil *self)
{
  g_return_val_if_fail (TALLY_IS_LIVE_COUNCIL (self), NULL);

  if (self->state == TALLY_LIVE_NOT_DECLARED)
    return g_strdup (_("not yet declared"));

  if (self->wards_up == 0)
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u ward declared (%u of %u seats)",
                                         "%u wards declared (%u of %u seats)", self->wards_declared),
                            self->wards_declared, self->seats_declared, MAX (self->seats_up, self->seats_declared));

  if (self->state == TALLY_LIVE_DECLARED)
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "the only ward declared", "all %u wards declared",
                                         self->wards_up),
                            self->wards_up);

  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u of %u ward declared", "%u of %u wards declared",
                                       self->wards_up),
                          self->wards_declared, self->wards_up);
}

/* A party as the subject of a sentence: "Conservatives have lost …". */
static const char *
party_subject (TallyParty *party)
{
  const char *key = tally_party_get_key (party);

  if (g_str_equal (key, "CON"))
    return _("Conservatives");
  if (g_str_equal (key, "GRN"))
    return _("Greens");
  if (g_str_equal (key, "IND"))
    return _("Independents");

  return tally_party_get_full_name (party);
}

/* "after all 12 wards have been declared", when nothing is still to come. */
static char *
describe_all_declared (TallyLiveCouncil *self)
{
  guint wards = self->wards_up > 0 ? self->wards_up : self->wards_declared;

  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "after its only ward has been declared",
                                       "after all %u wards have been declared", wards),
                          wards);
}

/**
 * tally_live_council_describe_call:
 * @call: one of tally_live_council_get_calls()
 *
 * Returns: (transfer full): the call as a results service words it
 */
char *
tally_live_council_describe_call (TallyLiveCouncil *self,
                                  const TallyCall  *call)
{
  g_autofree char *progress = NULL;
  g_autofree char *all = NULL;
  g_autofree char *to_come = NULL;
  const char *council;
  const char *party = NULL;
  guint seats_up;

  g_return_val_if_fail (TALLY_IS_LIVE_COUNCIL (self), NULL);
  g_return_val_if_fail (call != NULL, NULL);

  council = tally_council_get_name (self->council);
  progress = tally_live_council_describe_progress (self);
  all = describe_all_declared (self);
  seats_up = MAX (self->seats_up, self->seats_declared);
  if (call->party >= 0)
    party = party_subject (self->parties[call->party]);
  to_come = call->to_come > 0 ? g_strdup_printf (_(", with %u to come"), call->to_come) : g_strdup ("");

  switch (call->kind)
    {
    case TALLY_CALL_WON:
      return g_strdup_printf (self->control_before == call->party
                                ? _("%s have held control of %s: %s; it needed %u of the %u seats up and has won %u%s")
                                : _("%s have gained control of %s: %s; it needed %u of the %u seats up and has won %u%s"),
                              party, council, progress, call->needed, seats_up, call->won, to_come);

    case TALLY_CALL_CANNOT_WIN:
      return g_strdup_printf (_("%s cannot take control of %s: %s; it needed %u of the %u seats up and has won %u%s"),
                              party, council, progress, call->needed, seats_up, call->won, to_come);

    case TALLY_CALL_LOST:
      return g_strdup_printf (_("%s have lost control of %s as other parties have won %u of the %u seats "
                                "declared so far: %s; it needed %u of the %u seats up and has won %u%s"),
                              party, council, self->seats_declared - call->won, self->seats_declared, progress,
                              call->needed, seats_up, call->won, to_come);

    case TALLY_CALL_STAYS_NOC:
    case TALLY_CALL_NOC:
      {
        const char *verb = call->kind == TALLY_CALL_STAYS_NOC ? _("will remain") : _("will be");

        if (call->to_come == 0)
          return g_strdup_printf (_("%s %s under no overall control %s"), council, verb, all);

        return g_strdup_printf (_("%s %s under no overall control: %s, and no party can reach the %u seats "
                                  "of a majority"),
                                council, verb, progress, call->majority);
      }

    default:
      g_assert_not_reached ();
    }
}

/**
 * tally_live_council_describe_calls:
 *
 * Returns: (transfer full): every call, in words; empty when none is
 *   certain yet
 */
GStrv
tally_live_council_describe_calls (TallyLiveCouncil *self)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  g_return_val_if_fail (TALLY_IS_LIVE_COUNCIL (self), NULL);

  for (guint i = 0; i < self->calls->len; i++)
    {
      g_autofree char *text = tally_live_council_describe_call (self, &g_array_index (self->calls, TallyCall, i));

      g_strv_builder_add (builder, text);
    }

  return g_strv_builder_end (builder);
}

/**
 * tally_live_council_get_digest:
 *
 * Returns: a digest of everything the council's night is so far (its seats
 *   by party, wards, calls and the time of its latest declaration): two
 *   councils with the same digest read the same
 */
guint64
tally_live_council_get_digest (TallyLiveCouncil *self)
{
  guint64 digest;
  gsize n = self->n_parties;

  g_return_val_if_fail (TALLY_IS_LIVE_COUNCIL (self), 0);

  digest = tally_digest_string (0, tally_council_get_code (self->council));
  for (guint i = 0; i < self->n_parties; i++)
    digest = tally_digest_string (digest, tally_party_get_key (self->parties[i]));
  digest = tally_digest_word (digest, (guint64) self->seats_up << 32 | self->total_seats);
  digest = tally_digest_word (digest, (guint64) self->wards_up << 32 | (guint32) self->control_before);
  digest = tally_digest_word (digest, (guint64) self->state << 32 | self->wards_declared);
  digest = tally_digest_word (digest, (guint64) self->seats_declared << 32 | self->seats_compared);
  digest = tally_digest_word (digest, (guint64) self->last_declared_at);
  digest = tally_digest_bytes (digest, self->not_up, self->not_up != NULL ? n * sizeof *self->not_up : 0);
  digest = tally_digest_bytes (digest, self->aggregate, n * sizeof *self->aggregate);
  digest = tally_digest_bytes (digest, self->won, n * sizeof *self->won);
  digest = tally_digest_bytes (digest, self->won_compared, n * sizeof *self->won_compared);
  digest = tally_digest_bytes (digest, self->won_then, n * sizeof *self->won_then);
  for (guint i = 0; self->calls != NULL && i < self->calls->len; i++)
    {
      const TallyCall *call = &g_array_index (self->calls, TallyCall, i);

      digest = tally_digest_word (digest, (guint64) call->kind << 32 | (guint32) call->party);
      digest = tally_digest_word (digest, (guint64) call->won << 32 | call->needed);
      digest = tally_digest_word (digest, (guint64) call->majority << 32 | call->to_come);
    }
  return digest != 0 ? digest : 1;
}
