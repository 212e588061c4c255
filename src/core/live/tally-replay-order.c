/* tally-replay-order.c: the order a replay declares its wards in, and when.
 *
 * Either the user's file, a CSV with a header naming council, ward and time
 * (the council by ONS code or name, the ward by name or code, the time as
 * "02:14", the morning after polling day, or in full ISO 8601), one row a
 * ward in the order they declare; or a default order that a seed makes
 * repeatable: each council starts counting at a moment of the night drawn
 * between 23:30 and 04:00 and declares its wards, in a drawn order, every
 * two to nine minutes.  GRand is a Mersenne Twister: the same seed gives
 * the same night on every machine.
 *
 * An order file is untrusted input: every problem is reported with the
 * file, line and field, and a bad file sets no order at all.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "tally-election.h"
#include "tally-import-csv.h"
#include "tally-live-night.h"
#include "tally-replay-private.h"

static int
compare_steps (gconstpointer a,
               gconstpointer b)
{
  const ReplayStep *x = a, *y = b;

  if (x->declared_at != y->declared_at)
    return x->declared_at < y->declared_at ? -1 : 1;
  return x->unit < y->unit ? -1 : x->unit > y->unit;
}

/* 23:30 on polling day, local time: when the first counts finish. */
static gint64
night_start (TallyReplay *self)
{
  g_autoptr(GTimeZone) local = g_time_zone_new_local ();
  g_autofree char *text = g_strdup_printf ("%sT23:30:00", self->election_date);
  g_autoptr(GDateTime) start = g_date_time_new_from_iso8601 (text, local);

  return start != NULL ? g_date_time_to_unix (start) : 0;
}

/**
 * tally_replay_set_default_order:
 * @seed: the same seed, the same night
 *
 * Declares every ward, council by council interleaved through the night.
 */
void
tally_replay_set_default_order (TallyReplay *self,
                                guint32      seed)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed);
  gint64 start = night_start (self);

  g_return_if_fail (TALLY_IS_REPLAY (self));

  _tally_replay_clear_steps (self);

  for (guint c = 0; c < self->councils->len; c++)
    {
      const ReplayCouncil *council = &g_array_index (self->councils, ReplayCouncil, c);
      g_autofree guint *order = NULL;
      gint64 at;

      if (council->n_units == 0)
        continue;

      /* Drawn for every council in the same sequence, whatever its size. */
      at = start + 60 * (gint64) g_rand_int_range (rand, 0, 270);
      order = g_new (guint, council->n_units);
      for (guint i = 0; i < council->n_units; i++)
        order[i] = council->first_unit + i;
      for (guint i = council->n_units; i > 1; i--)
        {
          guint j = (guint) g_rand_int_range (rand, 0, (gint32) i);
          guint swap = order[i - 1];

          order[i - 1] = order[j];
          order[j] = swap;
        }

      for (guint i = 0; i < council->n_units; i++)
        {
          ReplayStep step = { .unit = order[i] };

          at += 60 * (gint64) g_rand_int_range (rand, 2, 10);
          step.declared_at = at;
          g_array_append_val (self->steps, step);
        }
    }

  g_array_sort (self->steps, compare_steps);
}

static int
find_column (GStrv        header,
             const char  *const *names)
{
  for (guint i = 0; header[i] != NULL; i++)
    for (guint j = 0; names[j] != NULL; j++)
      if (g_ascii_strcasecmp (g_strstrip (header[i]), names[j]) == 0)
        return (int) i;

  return -1;
}

static int
find_council (TallyReplay *self,
              const char  *text)
{
  g_autofree char *key = g_utf8_casefold (text, -1);

  for (guint c = 0; c < self->councils->len; c++)
    {
      const ReplayCouncil *council = &g_array_index (self->councils, ReplayCouncil, c);
      g_autofree char *name = g_utf8_casefold (council->name, -1);

      if (g_ascii_strcasecmp (council->code, text) == 0 || g_str_equal (name, key))
        return (int) c;
    }

  return -1;
}

static int
find_unit (TallyReplay *self,
           guint        council,
           const char  *text)
{
  const ReplayCouncil *c = &g_array_index (self->councils, ReplayCouncil, council);
  g_autofree char *key = g_utf8_casefold (text, -1);

  for (guint i = c->first_unit; i < c->first_unit + c->n_units; i++)
    {
      const ReplayUnit *unit = &g_array_index (self->units, ReplayUnit, i);
      g_autofree char *name = NULL;

      /* A council declared whole is named with an empty ward. */
      if (unit->ward_id == 0)
        {
          if (text[0] == '\0')
            return (int) i;
          continue;
        }

      name = g_utf8_casefold (unit->ward_name, -1);
      if (g_str_equal (name, key) || (unit->ward_code != NULL && g_ascii_strcasecmp (unit->ward_code, text) == 0))
        return (int) i;
    }

  return -1;
}

/**
 * tally_replay_set_order_file:
 * @file: a CSV of council, ward and time, in the order they declare
 *
 * Wards the file does not name are not declared (a night rehearsed in
 * part); tally_replay_get_n_left_out() counts them.
 *
 * Returns: whether the order was read; on error the order is as it was
 */
gboolean
tally_replay_set_order_file (TallyReplay  *self,
                             GFile        *file,
                             GError      **error)
{
  static const char *const council_names[] = { "council", "council_code", "council_name", NULL };
  static const char *const ward_names[] = { "ward", "ward_name", "ward_code", NULL };
  static const char *const time_names[] = { "time", "declared_at", "declaration_time", NULL };
  g_autoptr(TallyCsvReader) reader = NULL;
  g_autoptr(GArray) steps = g_array_new (FALSE, FALSE, sizeof (ReplayStep));
  g_autofree guint8 *seen = g_new0 (guint8, self->units->len);
  g_auto(GStrv) header = NULL;
  GStrvBuilder *builder;
  GError *local_error = NULL;
  int columns[3];
  gint64 last = G_MININT64;

  g_return_val_if_fail (TALLY_IS_REPLAY (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  if (!(reader = tally_csv_reader_new (file, NULL, error)))
    return FALSE;

  if (!tally_csv_reader_next (reader, &local_error))
    {
      if (local_error == NULL)
        tally_csv_reader_set_line_error (reader, &local_error, TALLY_IMPORT_ERROR_EMPTY,
                                         _("the order is empty: give a header of council, ward and time"));
      g_propagate_error (error, local_error);
      return FALSE;
    }

  builder = g_strv_builder_new ();
  for (guint i = 0; i < tally_csv_reader_get_n_fields (reader); i++)
    g_strv_builder_add (builder, tally_csv_reader_get_field (reader, i));
  header = g_strv_builder_end (builder);
  g_strv_builder_unref (builder);

  columns[0] = find_column (header, council_names);
  columns[1] = find_column (header, ward_names);
  columns[2] = find_column (header, time_names);
  for (guint i = 0; i < 3; i++)
    if (columns[i] < 0)
      {
        tally_csv_reader_set_line_error (reader, error, TALLY_IMPORT_ERROR_COLUMNS,
                                         _("the header needs a “%s” column (council, ward, time)"),
                                         (i == 0 ? council_names : i == 1 ? ward_names : time_names)[0]);
        return FALSE;
      }
  tally_csv_reader_set_column_names (reader, header);

  while (tally_csv_reader_next (reader, &local_error))
    {
      const char *council_text = tally_csv_reader_get_field (reader, columns[0]);
      const char *ward_text = tally_csv_reader_get_field (reader, columns[1]);
      const char *time_text = tally_csv_reader_get_field (reader, columns[2]);
      g_autoptr(GDateTime) time = NULL;
      g_autoptr(GError) time_error = NULL;
      ReplayStep step = { 0 };
      int council, unit;

      if (tally_csv_reader_get_n_fields (reader) != g_strv_length (header))
        {
          tally_csv_reader_set_line_error (reader, error, TALLY_IMPORT_ERROR_FIELDS,
                                           _("%u fields where the header has %u"),
                                           tally_csv_reader_get_n_fields (reader), g_strv_length (header));
          return FALSE;
        }

      if ((council = find_council (self, council_text)) < 0)
        {
          tally_csv_reader_set_error (reader, error, columns[0], _("no council “%s” holds an election on %s"),
                                      council_text, self->election_date);
          return FALSE;
        }

      if ((unit = find_unit (self, (guint) council, ward_text)) < 0)
        {
          tally_csv_reader_set_error (reader, error, columns[1], _("%s declares no ward “%s” on %s"),
                                      g_array_index (self->councils, ReplayCouncil, council).name, ward_text,
                                      self->election_date);
          return FALSE;
        }

      if (seen[unit])
        {
          tally_csv_reader_set_error (reader, error, columns[1], _("“%s” is declared twice"), ward_text);
          return FALSE;
        }

      if (!(time = tally_live_parse_time (time_text, self->election, &time_error)))
        {
          tally_csv_reader_set_error (reader, error, columns[2], "%s", time_error->message);
          return FALSE;
        }

      step.unit = (guint) unit;
      step.declared_at = g_date_time_to_unix (time);
      if (step.declared_at < last)
        {
          tally_csv_reader_set_error (reader, error, columns[2],
                                      _("%s is earlier than the ward before it: give the wards in the order they declare"),
                                      time_text);
          return FALSE;
        }

      last = step.declared_at;
      seen[unit] = TRUE;
      g_array_append_val (steps, step);
    }

  if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      return FALSE;
    }

  _tally_replay_clear_steps (self);
  g_array_append_vals (self->steps, steps->data, steps->len);
  self->n_left_out = self->units->len - steps->len;
  return TRUE;
}

/**
 * tally_replay_get_n_steps:
 *
 * Returns: the declarations the replay makes
 */
guint
tally_replay_get_n_steps (TallyReplay *self)
{
  g_return_val_if_fail (TALLY_IS_REPLAY (self), 0);
  return self->steps->len;
}

/**
 * tally_replay_get_n_left_out:
 *
 * Returns: the wards an order file did not name, which stay undeclared
 */
guint
tally_replay_get_n_left_out (TallyReplay *self)
{
  g_return_val_if_fail (TALLY_IS_REPLAY (self), 0);
  return self->n_left_out;
}

/**
 * tally_replay_get_step_time:
 *
 * Returns: when @step declares, in Unix seconds: the night's own clock,
 *   written as its declaration time
 */
gint64
tally_replay_get_step_time (TallyReplay *self,
                            guint        step)
{
  g_return_val_if_fail (TALLY_IS_REPLAY (self), 0);
  g_return_val_if_fail (step < self->steps->len, 0);

  return g_array_index (self->steps, ReplayStep, step).declared_at;
}

/**
 * tally_replay_describe_step:
 *
 * Returns: (transfer full): "02:14 Dudley, Amblecote"
 */
char *
tally_replay_describe_step (TallyReplay *self,
                            guint        step)
{
  const ReplayStep *s;
  const ReplayUnit *unit;
  const ReplayCouncil *council;
  g_autofree char *when = NULL;

  g_return_val_if_fail (TALLY_IS_REPLAY (self), NULL);
  g_return_val_if_fail (step < self->steps->len, NULL);

  s = &g_array_index (self->steps, ReplayStep, step);
  unit = &g_array_index (self->units, ReplayUnit, s->unit);
  council = &g_array_index (self->councils, ReplayCouncil, unit->council);
  when = tally_live_format_time (s->declared_at);

  if (unit->ward_id == 0)
    return g_strdup_printf (_("%s %s (the whole council)"), when, council->name);
  return g_strdup_printf ("%s %s, %s", when, council->name, unit->ward_name);
}
