/* tally-build-db.c: writes the bundled database from data/bundled/.
 *
 *   tally-build-db SOURCE-DIR OUTPUT
 *
 * The file appears whole or not at all: it is built beside OUTPUT and renamed
 * over it only once every table has loaded.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <errno.h>
#include <glib/gstdio.h>
#include <locale.h>

#include "tally-bundle.h"
#include "tally-catalog.h"
#include "tally-database.h"
#include "tally-hex-layout.h"
#include "tally-hexgen.h"

/* The hex cartogram generated from the councils' centroids, stored so that
 * no start of Tally has to generate it again (about 60 ms of a core). */
static gboolean
store_hex_layout (TallyDatabase  *database,
                  GError        **error)
{
  g_autoptr(TallyCatalog) catalog = NULL;
  g_autoptr(TallyHexLayout) layout = NULL;

  if (!(catalog = tally_catalog_new (database, error)) ||
      !(layout = tally_hexgen_generate_for_councils (tally_catalog_get_councils (catalog), error)))
    return FALSE;

  tally_hex_layout_set_source (layout, TALLY_HEX_LAYOUT_SOURCE_GENERATED);
  return tally_hex_layout_save (layout, database, NULL, error);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TallyDatabase) database = NULL;
  g_autoptr(GFile) source = NULL;
  g_autofree char *partial = NULL;

  setlocale (LC_ALL, "");

  if (argc != 3)
    {
      g_printerr ("usage: %s SOURCE-DIR OUTPUT\n", argv[0]);
      return 2;
    }

  source = g_file_new_for_commandline_arg (argv[1]);
  partial = g_strconcat (argv[2], ".partial", NULL);
  g_unlink (partial);

  database = tally_database_open (partial, TALLY_DATABASE_OPEN_CREATE, &error);
  if (database == NULL || !tally_bundle_load (database, source, &error) || !store_hex_layout (database, &error))
    {
      g_printerr ("tally-build-db: %s\n", error->message);
      g_clear_object (&database);
      g_unlink (partial);
      return 1;
    }

  g_clear_object (&database);

  if (g_rename (partial, argv[2]) != 0)
    {
      g_printerr ("tally-build-db: cannot write %s: %s\n", argv[2], g_strerror (errno));
      g_unlink (partial);
      return 1;
    }

  return 0;
}
