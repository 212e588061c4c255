/* tally-cli-foreign.c: what the command line does when the user's own
 * database holds SQL that Tally did not make.
 *
 * Before any command reads the user's own database (no --database, or
 * --database naming that file), its schema is compared with Tally's.  What
 * Tally did not make is dropped only when the user says so: with
 * --drop-foreign-objects on the command line, or by answering "y" when the
 * command runs on a terminal.  A script that says neither is refused, with
 * the objects named and the option that drops them, and the file is not
 * touched.  A file from elsewhere (--database OTHER) is never changed: the
 * command refuses it as before (tally-database-schema.c).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "tally-database.h"
#include "tally-cli-private.h"

#define DROP_OPTION "--drop-foreign-objects"

/* The file the command will read: its --database, else the current one. */
static char *
database_of (int    argc,
             char **argv)
{
  for (int i = 1; i < argc; i++)
    {
      if (g_str_equal (argv[i], "--"))
        break;
      if ((g_str_equal (argv[i], "-d") || g_str_equal (argv[i], "--database")) && i + 1 < argc)
        return g_strdup (argv[i + 1]);
      if (g_str_has_prefix (argv[i], "--database="))
        return g_strdup (argv[i] + strlen ("--database="));
      if (g_str_has_prefix (argv[i], "-d") && argv[i][2] != '\0' && argv[i][1] != '-')
        return g_strdup (argv[i] + 2);
    }

  return tally_database_get_current_path ();
}

/* Takes --drop-foreign-objects out of the command line, so that the
 * command's own options do not see it. */
static gboolean
take_drop_option (int   *argc,
                  char **argv)
{
  gboolean found = FALSE;
  int kept = 1;

  for (int i = 1; i < *argc; i++)
    {
      if (g_str_equal (argv[i], "--"))
        {
          for (; i < *argc; i++)
            argv[kept++] = argv[i];
          break;
        }
      if (g_str_equal (argv[i], DROP_OPTION))
        found = TRUE;
      else
        argv[kept++] = argv[i];
    }

  *argc = kept;
  argv[kept] = NULL;
  return found;
}

static char *
describe_all (const char * const *objects)
{
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; objects[i] != NULL; i++)
    {
      g_autofree char *object = tally_database_describe_object (objects[i]);

      g_string_append_printf (text, "%s%s", i > 0 ? ", " : "", object);
    }

  return g_string_free (g_steal_pointer (&text), FALSE);
}

static gboolean
ask (const char *command,
     const char *name,
     const char *described)
{
  char answer[16] = "";

  g_printerr (_("tally %s: “%s”, your own database, holds what Tally did not make: %s.\n"
                "Drop what Tally did not make, so that Tally can read the file? [y/N] "),
              command, name, described);
  if (fgets (answer, sizeof answer, stdin) == NULL)
    return FALSE;
  g_strstrip (answer);
  return g_ascii_strcasecmp (answer, "y") == 0 || g_ascii_strcasecmp (answer, "yes") == 0 ||
         g_ascii_strcasecmp (answer, _("y")) == 0 || g_ascii_strcasecmp (answer, _("yes")) == 0;
}

/**
 * tally_cli_mend_own_database:
 * @argc: (inout): the command's arguments, argv[0] being its name
 *
 * Returns: 0 when the command may run, 1 when the user's own database
 *   holds objects Tally did not make and they were not dropped
 */
int
tally_cli_mend_own_database (int   *argc,
                             char **argv)
{
  gboolean drop = take_drop_option (argc, argv);
  g_autofree char *path = database_of (*argc, argv);
  g_autofree char *name = NULL;
  g_autofree char *described = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) objects = NULL;

  if (path == NULL || !tally_database_is_own_path (path) || !g_file_test (path, G_FILE_TEST_IS_REGULAR))
    return 0;

  /* A file that is not Tally's at all, damaged, or not to be mended by a
   * drop: the command says why when it opens it. */
  objects = tally_database_find_foreign_objects (path, NULL);
  if (objects == NULL || objects[0] == NULL)
    return 0;

  name = g_filename_display_name (path);
  described = describe_all ((const char * const *) objects);

  if (!drop && isatty (STDIN_FILENO) && isatty (STDERR_FILENO))
    drop = ask (argv[0], name, described);
  else if (!drop)
    {
      guint n = g_strv_length (objects);

      g_printerr (ngettext ("tally %s: “%s”, your own database, holds what Tally did not make: %s. "
                            "Tally runs no SQL from elsewhere. Run the command again with %s to drop it\n",
                            "tally %s: “%s”, your own database, holds what Tally did not make: %s. "
                            "Tally runs no SQL from elsewhere. Run the command again with %s to drop them\n",
                            n),
                  argv[0], name, described, DROP_OPTION);
      return 1;
    }

  if (!drop)
    {
      g_printerr (_("tally %s: nothing was dropped; Tally cannot read “%s” until it is\n"), argv[0], name);
      return 1;
    }

  if (!tally_database_drop_foreign_objects (path, (const char * const *) objects, &error))
    {
      g_printerr ("tally %s: %s\n", argv[0], error->message);
      return 1;
    }

  g_printerr (_("tally %s: dropped from “%s”: %s\n"), argv[0], name, described);
  return 0;
}
