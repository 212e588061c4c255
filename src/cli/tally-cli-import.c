/* tally-cli-import.c: `tally import`, results files into a database without a window.
 *
 *   tally import FILE… [--format dc|leap|ocd|tally|notional] [--database FILE]
 *                      [--date YYYY-MM-DD]
 *
 * Every results file goes in, or none does: one transaction for all of
 * them.  Boundaries (GeoJSON, TopoJSON) and hex layouts (HexJSON) may be
 * named too, recognised by their content as the window recognises them;
 * each goes in after the results, in its own transaction, as
 * `tally import-boundaries` and `tally hexmap --import` would take it.
 * The target is the user's own database unless --database names another;
 * a missing target starts as a copy of the bundled database.  The summary
 * goes to stdout, warnings (unmatched councils, skipped rows, replaced
 * compositions) and errors to stderr.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "tally-geo-sniff.h"
#include "tally-import.h"
#include "tally-cli-private.h"

int
tally_cli_run_import (int    argc,
                      char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(TallyImporter) importer = NULL;
  g_autoptr(TallyImportSummary) summary = NULL;
  g_autofree char *database_path = NULL;
  g_autofree char *format_name = NULL;
  g_autofree char *date = NULL;
  g_autofree char *text = NULL;
  g_autoptr(GPtrArray) geography = g_ptr_array_new_with_free_func (g_free);
  guint n_results = 0;
  TallyImportFormat format = TALLY_IMPORT_FORMAT_AUTO;
  const GOptionEntry entries[] = {
    { "format", 'f', 0, G_OPTION_ARG_STRING, &format_name,
      N_("Read every file as FORMAT: dc, leap, ocd, tally or notional (default: from each file’s header)"),
      N_("FORMAT") },
    { "database", 'd', 0, G_OPTION_ARG_FILENAME, &database_path,
      N_("Import into FILE instead of your own database"), N_("FILE") },
    { "date", 0, 0, G_OPTION_ARG_STRING, &date,
      N_("The polling day of files that do not give one (LEAP)"), N_("YYYY-MM-DD") },
    { NULL }
  };

  context = g_option_context_new (_("FILE…"));
  g_option_context_set_summary (context, _("Import results files (Democracy Club, LEAP, "
                                           "Open Council Data or Tally CSV), notional baselines "
                                           "(docs/NOTIONAL-CSV.md), council boundaries (GeoJSON, "
                                           "TopoJSON) and hex layouts (HexJSON)"));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("tally import: %s\n", error->message);
      return 2;
    }

  if (argc < 2)
    {
      g_printerr ("tally import: %s\n", _("name at least one file to import"));
      return 2;
    }

  if (format_name != NULL && !tally_import_format_from_string (format_name, &format))
    {
      g_printerr (_("tally import: “%s” is not a format (dc, leap, ocd, tally or notional)\n"), format_name);
      return 2;
    }

  importer = tally_importer_new (database_path);
  tally_importer_set_format (importer, format);
  tally_importer_set_election_date (importer, date);
  for (int i = 1; i < argc; i++)
    {
      g_autoptr(GFile) file = g_file_new_for_commandline_arg (argv[i]);
      g_autofree char *path = g_file_get_path (file);
      TallyFileKind kind = path ? tally_geo_sniff_file (path) : TALLY_FILE_KIND_RESULTS;

      if (kind == TALLY_FILE_KIND_RESULTS)
        {
          tally_importer_add_file (importer, file);
          n_results++;
        }
      else
        g_ptr_array_add (geography, g_steal_pointer (&path));
    }

  if (n_results > 0)
    {
      if (!(summary = tally_importer_run (importer, NULL, &error)))
        {
          g_printerr ("tally import: %s\n", error->message);
          g_printerr (_("tally import: nothing was imported\n"));
          return 1;
        }

      for (guint i = 0; i < summary->warnings->len; i++)
        g_printerr (_("tally import: warning: %s\n"), (const char *) g_ptr_array_index (summary->warnings, i));

      text = tally_import_summary_to_string (summary);
      g_print (_("Imported into %s\n"), tally_importer_get_database_path (importer));
      g_print ("%s", text);
    }

  for (guint i = 0; i < geography->len; i++)
    {
      const char *path = g_ptr_array_index (geography, i);
      int status;

      if (tally_geo_sniff_file (path) == TALLY_FILE_KIND_HEX_LAYOUT)
        status = tally_cli_import_hex_layout_file ("import", database_path, path);
      else
        status = tally_cli_import_boundaries_file ("import", database_path, path);

      /* What went in before stays: each file was its own transaction. */
      if (status != 0)
        {
          if (n_results > 0 || i > 0)
            g_printerr (_("tally import: the files before %s were imported\n"), path);
          return status;
        }
    }

  return 0;
}
