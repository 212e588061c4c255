/* tally-cli.c: `tally COMMAND …`, for scripts, newsrooms and CI.
 *
 * Each command is a function from its arguments to an exit status: 0 when it
 * did what was asked, 1 when the input was bad (with a message on stderr
 * naming what and where), 2 when the command line itself was wrong.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "tally-catalog.h"
#include "tally-council-result.h"
#include "tally-database.h"
#include "tally-election.h"
#include "tally-party.h"
#include "tally-cli.h"
#include "tally-cli-names.h"
#include "tally-cli-private.h"

typedef int (*CommandFunc) (int argc, char **argv);

typedef struct
{
  const char  *name;
  const char  *summary;
  CommandFunc  run;
} Command;

static int run_info    (int argc, char **argv);
static int run_drawing (int argc, char **argv);

static const Command commands[] = {
  { "info", N_("Describe a database: its elections, councils and who controls them"), run_info },
  { "summary", N_("The state of the parties, or one row per council, for a filter"), tally_cli_run_summary },
  { "import", N_("Import results files (Democracy Club, LEAP, Open Council Data, Tally CSV), boundaries or a hex layout into your database"), tally_cli_run_import },
  { "watch", N_("Import each results file that lands in a folder, as it arrives"), tally_cli_run_watch },
  { "replay", N_("Write a past election into a fresh database ward by ward, to rehearse results night"), tally_cli_run_replay },
  { "export", N_("Write charts and the map as PNG, SVG or PDF, and councils or candidates as CSV"), run_drawing },
  { "import-boundaries", N_("Import council boundaries (GeoJSON or TopoJSON) into your database"), tally_cli_run_import_boundaries },
  { "hexmap", N_("Export, import or reset the hex cartogram (HexJSON)"), tally_cli_run_hexmap },
};

/* `export` draws with cairo and Pango: it is a program of its own,
 * tally-export, which sets this, so that no other command loads the 26
 * libraries they bring (2.7 ms and 5 MiB of every run of tally-cli). */
static CommandFunc drawing_command;

/**
 * tally_cli_set_drawing_command:
 * @run: what runs `tally export`
 *
 * For tally-export's main(): without it, tally_cli_run() refuses `export`.
 */
void
tally_cli_set_drawing_command (int (*run) (int argc, char **argv))
{
  drawing_command = run;
}

static int
run_drawing (int    argc,
             char **argv)
{
  if (drawing_command != NULL)
    return drawing_command (argc, argv);

  /* Only `tally` starts this program, and it starts tally-export for this. */
  g_printerr (_("tally %s: this program does not draw: run “tally %s”\n"), argv[0], argv[0]);
  return 2;
}

static TallyDatabase *
open_database (const char  *path,
               GError     **error)
{
  g_autofree char *current = NULL;

  if (path == NULL)
    path = current = tally_database_get_current_path ();

  return tally_database_open (path, TALLY_DATABASE_OPEN_READ_ONLY, error);
}

static void
print_control_counts (TallyCatalog  *catalog,
                      TallyElection *election,
                      GListModel    *results)
{
  g_autoptr(GHashTable) counts = g_hash_table_new (NULL, NULL);
  GListModel *parties = tally_catalog_get_parties (catalog);
  guint n_parties = g_list_model_get_n_items (parties);
  guint n_results = g_list_model_get_n_items (results);
  guint no_control = 0;
  guint known = 0;

  for (guint i = 0; i < n_results; i++)
    {
      g_autoptr(TallyCouncilResult) result = g_list_model_get_item (results, i);
      TallyParty *party = tally_council_result_get_control (result, TALLY_STAGE_AFTER);

      if (tally_council_result_get_total_seats (result, TALLY_STAGE_AFTER) == 0)
        continue;

      known++;

      if (party == NULL)
        no_control++;
      else
        g_hash_table_insert (counts, party,
                             GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (counts, party)) + 1));
    }

  if (known == 0)
    {
      g_print (_("Control after %s: not known (no compositions)\n"), tally_election_get_date (election));
      return;
    }

  g_print (_("Control after %s:"), tally_election_get_date (election));
  for (guint i = 0; i < n_parties; i++)
    {
      g_autoptr(TallyParty) party = g_list_model_get_item (parties, i);
      guint count = GPOINTER_TO_UINT (g_hash_table_lookup (counts, party));

      if (count > 0)
        g_print (" %s %u,", tally_party_get_full_name (party), count);
    }
  g_print (_(" No overall control %u\n"), no_control);
}

static int
run_info (int    argc,
          char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(TallyDatabase) database = NULL;
  g_autoptr(TallyCatalog) catalog = NULL;
  g_autofree char *database_path = NULL;
  GListModel *elections;
  const GOptionEntry entries[] = {
    { "database", 'd', 0, G_OPTION_ARG_FILENAME, &database_path,
      N_("Read FILE instead of your database (or the bundled one before any import)"), N_("FILE") },
    { NULL }
  };

  context = g_option_context_new (NULL);
  g_option_context_set_summary (context, _(commands[0].summary));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!g_option_context_parse (context, &argc, &argv, &error) || argc > 1)
    {
      g_printerr ("tally info: %s\n", error ? error->message : _("unexpected argument"));
      return 2;
    }

  if (!(database = open_database (database_path, &error)) ||
      !(catalog = tally_catalog_new (database, &error)))
    {
      g_printerr ("tally info: %s\n", error->message);
      return 1;
    }

  g_print (_("Database: %s (schema %d%s)\n"), tally_database_get_path (database),
           tally_database_get_schema_version (database), tally_database_get_read_only (database) ? _(", read-only") : "");
  g_print (_("Parties: %u\n"), g_list_model_get_n_items (tally_catalog_get_parties (catalog)));
  g_print (_("Councils: %u\n"), g_list_model_get_n_items (tally_catalog_get_councils (catalog)));

  elections = tally_catalog_get_elections (catalog);
  for (guint i = g_list_model_get_n_items (elections); i > 0; i--)
    {
      g_autoptr(TallyElection) election = g_list_model_get_item (elections, i - 1);
      g_autoptr(GListModel) results = NULL;
      TallyElection *baseline = tally_election_get_baseline (election);

      if (!(results = tally_catalog_load_results (catalog, election, &error)))
        {
          g_printerr ("tally info: %s\n", error->message);
          return 1;
        }

      g_print (_("Election: %s, %s: %u councils"), tally_election_get_name (election),
               tally_election_get_date (election), g_list_model_get_n_items (results));
      if (baseline != NULL)
        g_print (_(", compared with %s"), tally_election_get_date (baseline));
      g_print ("\n");

      print_control_counts (catalog, election, results);
    }

  return 0;
}

/**
 * tally_cli_handles:
 * @command: the first argument on the command line
 *
 * Returns: whether @command is one of the commands that need no display
 */
gboolean
tally_cli_handles (const char *command)
{
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    if (g_strcmp0 (command, commands[i].name) == 0)
      return TRUE;

  return FALSE;
}

/**
 * tally_cli_check_names:
 *
 * Returns: whether tally-cli-names.h, which `tally` reads to tell a
 *   command from the window, names exactly the commands there are
 */
gboolean
tally_cli_check_names (void)
{
  if (g_strv_length ((char **) tally_cli_command_names) != G_N_ELEMENTS (commands))
    return FALSE;
  for (guint i = 0; tally_cli_command_names[i] != NULL; i++)
    if (!tally_cli_handles (tally_cli_command_names[i]))
      return FALSE;
  return TRUE;
}

/**
 * tally_cli_run:
 * @argv: the whole command line, argv[1] being the command
 *
 * Returns: the exit status
 */
int
tally_cli_run (int    argc,
               char **argv)
{
  g_return_val_if_fail (argc >= 2, 2);

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    if (g_str_equal (argv[1], commands[i].name))
      {
        int command_argc = argc - 1;
        int status = tally_cli_mend_own_database (&command_argc, argv + 1);

        return status != 0 ? status : commands[i].run (command_argc, argv + 1);
      }

  g_printerr (_("tally: unknown command “%s”\n"), argv[1]);
  return 2;
}

/**
 * tally_cli_describe_commands:
 *
 * Returns: (transfer full): one line per command, name and summary, for
 *   `tally --help`
 */
char *
tally_cli_describe_commands (void)
{
  GString *text = g_string_new (_("Commands that need no display:\n"));

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    g_string_append_printf (text, "  %-18s %s\n", commands[i].name, _(commands[i].summary));

  g_string_append (text, _("\nRun “tally COMMAND --help” for a command’s options. Any command takes "
                           "--drop-foreign-objects: when your own database holds SQL that Tally did not "
                           "make, drop it without asking."));
  return g_string_free (text, FALSE);
}

/**
 * tally_cli_main:
 *
 * The main() of tally-cli and tally-export: a command's line, with
 * `tally --database FILE info` read as `tally info --database FILE`.
 *
 * Returns: the exit status
 */
int
tally_cli_main (int    argc,
                char **argv)
{
  g_autofree char **reordered = NULL;
  int command;
  int n = 0;

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  if ((command = tally_cli_find_command (argc, argv)) == 0)
    {
      g_autofree char *listed = tally_cli_describe_commands ();

      /* Translators: the commands' list follows */
      g_printerr ("%s\n%s\n", _("Usage: tally COMMAND [OPTION…]"), listed);
      return 2;
    }
  if (command == 1)
    return tally_cli_run (argc, argv);

  reordered = g_new0 (char *, argc + 1);
  reordered[n++] = argv[0];
  reordered[n++] = argv[command];
  for (int i = 1; i < argc; i++)
    if (i != command)
      reordered[n++] = argv[i];
  return tally_cli_run (argc, reordered);
}
