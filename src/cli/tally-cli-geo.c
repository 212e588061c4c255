/* tally-cli-geo.c: the map's geography from the command line.
 *
 *   tally import-boundaries FILE [--database FILE]
 *   tally hexmap --export FILE [--database FILE] [--generated]
 *   tally hexmap --import FILE [--database FILE]
 *   tally hexmap --reset [--database FILE]
 *
 * Boundaries (GeoJSON or TopoJSON, WGS84 or British National Grid) and hex
 * layouts (HexJSON) go into the user's own database unless --database
 * names another; a missing one starts as a copy of the bundled database,
 * which is never changed.  Each import is one transaction.  What did not
 * match a council is listed on stderr.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "tally-boundaries.h"
#include "tally-catalog.h"
#include "tally-cli-private.h"
#include "tally-database.h"
#include "tally-hexgen.h"
#include "tally-hexjson.h"

static TallyDatabase *
open_source (const char  *path,
             GError     **error)
{
  g_autofree char *current = NULL;

  if (path == NULL)
    path = current = tally_database_get_current_path ();

  return tally_database_open (path, TALLY_DATABASE_OPEN_READ_ONLY, error);
}

static void
print_list (const char *command,
            GPtrArray  *items,
            const char *what)
{
  for (guint i = 0; i < items->len; i++)
    g_printerr ("tally %s: %s: %s\n", command, what, (const char *) g_ptr_array_index (items, i));
}

/**
 * tally_cli_import_boundaries_file:
 * @command: the command the user ran, for messages ("import-boundaries")
 * @database_path: (nullable): the target, or the user's own database
 * @path: a GeoJSON or TopoJSON file
 *
 * Imports @path in one transaction and reports what matched.
 *
 * Returns: the exit status
 */
int
tally_cli_import_boundaries_file (const char *command,
                                  const char *database_path,
                                  const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TallyDatabase) database = NULL;
  g_autoptr(TallyBoundaryImport) report = NULL;
  g_autofree char *created = NULL;

  if (!(database = tally_database_open_for_import (database_path, &created, &error)) ||
      !(report = tally_boundaries_import_file (database, path, NULL, &error)))
    {
      g_printerr ("tally %s: %s\n", command, error->message);
      g_printerr (_("tally %s: nothing was imported from %s\n"), command, path);
      g_clear_object (&database);
      if (created != NULL)
        tally_database_remove_created (created);
      return 1;
    }

  print_list (command, report->unmatched, _("not a council in this database"));
  print_list (command, report->missing, _("no boundary in the file"));
  g_print (_("Imported %u council boundaries into %s\n"), report->n_stored, tally_database_get_path (database));
  g_print (_("From %s: %s, %s, %u features, council codes from “%s”%s%s\n"),
           report->path, tally_geo_format_to_string (report->format), tally_geo_crs_to_string (report->crs),
           report->n_features, report->code_property,
           report->object_name ? _(", object ") : "", report->object_name ? report->object_name : "");
  if (report->unmatched->len > 0)
    g_print (g_dngettext (GETTEXT_PACKAGE, "%u feature is not a council in this database\n",
                          "%u features are not councils in this database\n", report->unmatched->len),
             report->unmatched->len);
  if (report->missing->len > 0)
    g_print (g_dngettext (GETTEXT_PACKAGE, "%u council has no boundary in the file\n",
                          "%u councils have no boundary in the file\n", report->missing->len),
             report->missing->len);

  return 0;
}

int
tally_cli_run_import_boundaries (int    argc,
                                 char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *database_path = NULL;
  const GOptionEntry entries[] = {
    { "database", 'd', 0, G_OPTION_ARG_FILENAME, &database_path,
      N_("Import into FILE instead of your own database"), N_("FILE") },
    { NULL }
  };

  context = g_option_context_new (_("FILE"));
  g_option_context_set_summary (context, _("Import council boundaries from GeoJSON or TopoJSON, in WGS84 "
                                           "longitude and latitude or British National Grid, matched to "
                                           "councils by their ONS codes"));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("tally import-boundaries: %s\n", error->message);
      return 2;
    }

  if (argc != 2)
    {
      g_printerr ("tally import-boundaries: %s\n", _("name one GeoJSON or TopoJSON file"));
      return 2;
    }

  return tally_cli_import_boundaries_file ("import-boundaries", database_path, argv[1]);
}

static int
export_layout (const char *database_path,
               const char *path,
               gboolean    generated)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TallyDatabase) database = NULL;
  g_autoptr(TallyCatalog) catalog = NULL;
  g_autoptr(TallyHexLayout) layout = NULL;

  if (!(database = open_source (database_path, &error)) || !(catalog = tally_catalog_new (database, &error)))
    {
      g_printerr ("tally hexmap: %s\n", error->message);
      return 1;
    }

  /* The layout the map shows: the imported one, else Tally's own. */
  if (!generated && !(layout = tally_hex_layout_load (database, &error)) && error != NULL)
    {
      g_printerr ("tally hexmap: %s\n", error->message);
      return 1;
    }

  if (layout == NULL)
    {
      GListModel *councils = tally_catalog_get_councils (catalog);

      if (!(layout = tally_hexgen_generate_for_councils (councils, &error)))
        {
          g_printerr ("tally hexmap: %s\n", error->message);
          return 1;
        }
      generated = TRUE;
    }

  if (!tally_hexjson_save (layout, path, &error))
    {
      g_printerr ("tally hexmap: %s\n", error->message);
      return 1;
    }

  if (generated || tally_hex_layout_is_generated (layout))
    g_print (_("Wrote the generated hex layout of %u councils (%s) to %s\n"),
             tally_hex_layout_get_n_hexes (layout), tally_hex_offset_to_string (tally_hex_layout_get_offset (layout)), path);
  else
    g_print (_("Wrote the hex layout imported from %s, %u councils (%s), to %s\n"),
             tally_hex_layout_get_source (layout), tally_hex_layout_get_n_hexes (layout),
             tally_hex_offset_to_string (tally_hex_layout_get_offset (layout)), path);
  return 0;
}

/**
 * tally_cli_import_hex_layout_file:
 * @command: the command the user ran, for messages ("hexmap")
 * @database_path: (nullable): the target, or the user's own database
 * @path: a HexJSON file
 *
 * Returns: the exit status
 */
int
tally_cli_import_hex_layout_file (const char *command,
                                  const char *database_path,
                                  const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TallyDatabase) database = NULL;
  g_autoptr(TallyHexLayout) layout = NULL;
  g_autoptr(GPtrArray) unmatched = NULL;
  g_autofree char *created = NULL;

  if (!(layout = tally_hexjson_load (path, NULL, &error)) ||
      !(database = tally_database_open_for_import (database_path, &created, &error)) ||
      !tally_hex_layout_save (layout, database, &unmatched, &error))
    {
      g_printerr ("tally %s: %s\n", command, error->message);
      g_printerr (_("tally %s: nothing was imported from %s\n"), command, path);
      g_clear_object (&database);
      if (created != NULL)
        tally_database_remove_created (created);
      return 1;
    }

  print_list (command, unmatched, _("not a council in this database"));
  g_print (_("Imported the hex layout %s (%s, %u hexes) into %s: %u councils placed\n"),
           tally_hex_layout_get_source (layout), tally_hex_offset_to_string (tally_hex_layout_get_offset (layout)),
           tally_hex_layout_get_n_hexes (layout), tally_database_get_path (database),
           tally_hex_layout_get_n_hexes (layout) - unmatched->len);
  if (unmatched->len > 0)
    g_print (g_dngettext (GETTEXT_PACKAGE, "%u hex is not a council in this database\n",
                          "%u hexes are not councils in this database\n", unmatched->len),
             unmatched->len);
  return 0;
}

static int
reset_layout (const char *database_path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TallyDatabase) database = NULL;
  g_autofree char *created = NULL;

  if (!(database = tally_database_open_for_import (database_path, &created, &error)) || !tally_hex_layout_forget (database, &error))
    {
      g_printerr ("tally hexmap: %s\n", error->message);
      return 1;
    }

  g_print (_("%s now uses the hex layout Tally generates\n"), tally_database_get_path (database));
  return 0;
}

int
tally_cli_run_hexmap (int    argc,
                      char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *database_path = NULL;
  g_autofree char *export_path = NULL;
  g_autofree char *import_path = NULL;
  gboolean generated = FALSE, reset = FALSE;
  const GOptionEntry entries[] = {
    { "export", 'e', 0, G_OPTION_ARG_FILENAME, &export_path,
      N_("Write the hex layout the map shows to FILE, as HexJSON"), N_("FILE") },
    { "import", 'i', 0, G_OPTION_ARG_FILENAME, &import_path,
      N_("Use the HexJSON layout in FILE (odd-r, even-r, odd-q or even-q) instead of the generated one"),
      N_("FILE") },
    { "reset", 0, 0, G_OPTION_ARG_NONE, &reset,
      N_("Forget the imported layout: use the generated one again"), NULL },
    { "generated", 'g', 0, G_OPTION_ARG_NONE, &generated,
      N_("With --export: write the layout Tally generates, even when one was imported"), NULL },
    { "database", 'd', 0, G_OPTION_ARG_FILENAME, &database_path,
      N_("Use FILE instead of your own database"), N_("FILE") },
    { NULL }
  };

  context = g_option_context_new (NULL);
  g_option_context_set_summary (context, _("Export, import or reset the hex cartogram: one hex per council"));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("tally hexmap: %s\n", error->message);
      return 2;
    }

  if (argc > 1 || (export_path != NULL) + (import_path != NULL) + reset != 1)
    {
      g_printerr ("tally hexmap: %s\n", _("give one of --export FILE, --import FILE or --reset"));
      return 2;
    }

  if (export_path != NULL)
    return export_layout (database_path, export_path, generated);
  if (import_path != NULL)
    return tally_cli_import_hex_layout_file ("hexmap", database_path, import_path);
  return reset_layout (database_path);
}
