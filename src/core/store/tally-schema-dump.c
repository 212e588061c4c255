/* tally-schema-dump.c: Tally's own schema, worked out once at build time.
 *
 * Every database Tally opens has its sqlite_schema compared with what
 * Tally's schema scripts create in an empty database
 * (tally-database-schema.c).  Running the scripts costs about 20 ms, at
 * every start and every command, for a schema that only changes when the
 * scripts do.  So the build runs them here, with the same SQLite, and the
 * result goes into the core resource:
 *
 *   tally-schema-dump OUTPUT SCRIPT…
 *
 * OUTPUT holds the SQLite version number, then "type name" and its SQL for
 * each object, every field ended by a NUL byte.  At run time a different
 * SQLite (which may write renamed tables' text otherwise) runs the scripts
 * itself.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>

static char *
read_file (const char *path)
{
  FILE *file = fopen (path, "rb");
  char *text;
  long length;

  if (file == NULL || fseek (file, 0, SEEK_END) != 0 || (length = ftell (file)) < 0 || fseek (file, 0, SEEK_SET) != 0)
    {
      fprintf (stderr, "tally-schema-dump: cannot read %s\n", path);
      exit (1);
    }
  text = calloc (1, (size_t) length + 1);
  if (text == NULL || fread (text, 1, (size_t) length, file) != (size_t) length)
    {
      fprintf (stderr, "tally-schema-dump: cannot read %s\n", path);
      exit (1);
    }
  fclose (file);
  return text;
}

int
main (int   argc,
      char *argv[])
{
  sqlite3 *memory = NULL;
  sqlite3_stmt *stmt = NULL;
  FILE *out;

  if (argc < 3)
    {
      fprintf (stderr, "usage: tally-schema-dump OUTPUT SCRIPT…\n");
      return 2;
    }
  if (sqlite3_open_v2 (":memory:", &memory, SQLITE_OPEN_READWRITE | SQLITE_OPEN_MEMORY, NULL) != SQLITE_OK)
    return 1;

  for (int i = 2; i < argc; i++)
    {
      char *script = read_file (argv[i]);

      if (sqlite3_exec (memory, script, NULL, NULL, NULL) != SQLITE_OK)
        {
          fprintf (stderr, "tally-schema-dump: %s: %s\n", argv[i], sqlite3_errmsg (memory));
          return 1;
        }
      free (script);
    }

  if ((out = fopen (argv[1], "wb")) == NULL ||
      sqlite3_prepare_v2 (memory, "SELECT type, name, sql FROM sqlite_schema ORDER BY type, name", -1, &stmt,
                          NULL) != SQLITE_OK)
    return 1;

  fprintf (out, "%d%c", sqlite3_libversion_number (), '\0');
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      const char *type = (const char *) sqlite3_column_text (stmt, 0);
      const char *name = (const char *) sqlite3_column_text (stmt, 1);
      const char *sql = (const char *) sqlite3_column_text (stmt, 2);

      fprintf (out, "%s %s%c%s%c", type ? type : "?", name ? name : "?", '\0', sql ? sql : "", '\0');
    }

  sqlite3_finalize (stmt);
  sqlite3_close (memory);
  return fclose (out) == 0 ? 0 : 1;
}
