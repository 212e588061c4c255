/* tally-cli-replay.c: `tally replay`, a past night declared again, for rehearsals and tests.
 *
 *   tally replay --database NEW.db [--from FILE] [--election DATE]
 *                [--order FILE.csv | --seed N] [--speed realtime|x60|max]
 *                [--prepare-only] [--resume] [--quiet]
 *
 * Writes the election held in --from (your database by default) into a
 * fresh database, ward by ward, one transaction each, at the night's own
 * times: real time, sixty times faster, or as fast as it can.  A window or
 * `tally summary` may read NEW.db all the while.  --prepare-only makes the
 * database with nothing declared; --resume goes on with one begun before
 * (after --prepare-only, or a replay that was stopped).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "tally-database.h"
#include "tally-replay.h"
#include "tally-cli-private.h"

/* How many times faster than the night's clock: 0 for as fast as possible. */
static gboolean
parse_speed (const char  *text,
             double      *speed)
{
  g_autofree char *lower = g_ascii_strdown (text, -1);
  const char *number = lower[0] == 'x' ? lower + 1 : lower;
  char *end = NULL;
  double value;

  if (g_str_equal (lower, "max") || g_str_equal (lower, "fast"))
    return *speed = 0, TRUE;
  if (g_str_equal (lower, "realtime") || g_str_equal (lower, "real"))
    return *speed = 1, TRUE;

  value = g_ascii_strtod (number, &end);
  if (end == number || *end != '\0' || !(value >= 1 && value <= 1e6))
    return FALSE;

  *speed = value;
  return TRUE;
}

int
tally_cli_run_replay (int    argc,
                      char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(TallyReplay) replay = NULL;
  g_autofree char *source_path = NULL;
  g_autofree char *target_path = NULL;
  g_autofree char *order_path = NULL;
  g_autofree char *speed_text = NULL;
  g_autofree char *seed_text = NULL;
  g_autofree char *date = NULL;
  gboolean prepare_only = FALSE, resume = FALSE, quiet = FALSE;
  double speed = 60;
  guint32 seed;
  guint declared = 0;
  gint64 previous = G_MININT64;
  const GOptionEntry entries[] = {
    { "database", 'd', 0, G_OPTION_ARG_FILENAME, &target_path,
      N_("Write the night into FILE, a new database"), N_("FILE") },
    { "from", 0, 0, G_OPTION_ARG_FILENAME, &source_path,
      N_("Replay the night held in FILE (default: your database)"), N_("FILE") },
    { "election", 0, 0, G_OPTION_ARG_STRING, &date,
      N_("The polling day to replay (default: the newest compared with an earlier one)"), N_("YYYY-MM-DD") },
    { "order", 0, 0, G_OPTION_ARG_FILENAME, &order_path,
      N_("Declare the wards in the order of FILE, a CSV of council, ward and time; wards it leaves out stay undeclared"),
      N_("FILE") },
    { "seed", 0, 0, G_OPTION_ARG_STRING, &seed_text,
      N_("Without --order, the night drawn from seed N: the same seed, the same order and times"), N_("N") },
    { "speed", 0, 0, G_OPTION_ARG_STRING, &speed_text,
      N_("realtime, x60 (the default), any xN, or max for as fast as possible"), N_("SPEED") },
    { "prepare-only", 0, 0, G_OPTION_ARG_NONE, &prepare_only,
      N_("Make the database with nothing declared yet, then stop"), NULL },
    { "resume", 0, 0, G_OPTION_ARG_NONE, &resume,
      N_("Go on with a replay already begun in the database"), NULL },
    { "quiet", 'q', 0, G_OPTION_ARG_NONE, &quiet,
      N_("Do not print each declaration"), NULL },
    { NULL }
  };

  context = g_option_context_new (NULL);
  g_option_context_set_summary (context, _("Write a past election into a fresh database ward by ward, "
                                           "as if it were being declared, to rehearse results night"));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!g_option_context_parse (context, &argc, &argv, &error) || argc > 1)
    {
      g_printerr ("tally replay: %s\n", error ? error->message : _("unexpected argument"));
      return 2;
    }

  if (target_path == NULL)
    {
      g_printerr ("tally replay: %s\n", _("name the database to write with --database FILE"));
      return 2;
    }
  if (speed_text != NULL && !parse_speed (speed_text, &speed))
    {
      g_printerr (_("tally replay: “%s” is not a speed: give realtime, x60, x600 or max\n"), speed_text);
      return 2;
    }
  if (order_path != NULL && seed_text != NULL)
    {
      g_printerr ("tally replay: %s\n", _("give --order or --seed, not both"));
      return 2;
    }

  if (seed_text != NULL)
    {
      char *end = NULL;
      guint64 value = g_ascii_strtoull (seed_text, &end, 10);

      if (end == seed_text || *end != '\0' || value > G_MAXUINT32)
        {
          g_printerr (_("tally replay: “%s” is not a seed: give a whole number up to %u\n"), seed_text, G_MAXUINT32);
          return 2;
        }
      seed = (guint32) value;
    }
  else
    seed = g_random_int ();

  if (source_path == NULL)
    source_path = tally_database_get_current_path ();

  if (!(replay = tally_replay_new (source_path, date, &error)))
    {
      g_printerr ("tally replay: %s\n", error->message);
      return 1;
    }

  if (order_path != NULL)
    {
      g_autoptr(GFile) file = g_file_new_for_commandline_arg (order_path);

      if (!tally_replay_set_order_file (replay, file, &error))
        {
          g_printerr ("tally replay: %s\n", error->message);
          return 1;
        }
    }
  else
    tally_replay_set_default_order (replay, seed);

  if (!tally_replay_prepare (replay, target_path, resume, &error))
    {
      g_printerr ("tally replay: %s\n", error->message);
      return 1;
    }

  if (order_path == NULL)
    g_print (_("Replaying %s in the order of seed %u (give --seed %u to replay it again)\n"),
             tally_replay_get_election_date (replay), seed, seed);
  if (tally_replay_get_n_left_out (replay) > 0)
    g_print (g_dngettext (GETTEXT_PACKAGE, "%u ward is not in the order and stays undeclared\n",
                          "%u wards are not in the order and stay undeclared\n",
                          tally_replay_get_n_left_out (replay)),
             tally_replay_get_n_left_out (replay));

  if (prepare_only)
    {
      g_print (_("Ready in %s: %u declarations to come (tally replay --resume goes on)\n"), target_path,
               tally_replay_get_n_steps (replay));
      return 0;
    }

  for (guint i = 0; i < tally_replay_get_n_steps (replay); i++)
    {
      gint64 at = tally_replay_get_step_time (replay, i);

      if (tally_replay_get_step_done (replay, i))
        continue;

      /* The night's own gaps, shortened by the speed. */
      if (speed > 0 && previous != G_MININT64 && at > previous)
        g_usleep ((gulong) ((double) (at - previous) * G_USEC_PER_SEC / speed));
      previous = at;

      if (!tally_replay_declare (replay, i, &error))
        {
          g_autofree char *what = tally_replay_describe_step (replay, i);

          g_printerr (_("tally replay: %s: %s\n"), what, error->message);
          g_printerr (_("tally replay: stopped after %u declarations; the database holds every one before it "
                        "(tally replay --resume goes on)\n"), declared);
          return 1;
        }
      declared++;

      if (!quiet)
        {
          g_autofree char *what = tally_replay_describe_step (replay, i);

          g_print ("%s\n", what);
          /* A reader of a pipe (a test, a script) sees each ward as it lands. */
          fflush (stdout);
        }
    }

  g_print (g_dngettext (GETTEXT_PACKAGE, "Declared %u ward into %s\n", "Declared %u wards into %s\n", declared),
           declared, target_path);
  return 0;
}
