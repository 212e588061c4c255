/* tally-database-check.c: which database files have passed SQLite's whole
 * file check, so that opening one costs the same whatever its size.
 *
 * `PRAGMA quick_check` reads every page: about 0.35 s for 85 MB, paid on
 * every open when it ran each time.  It now runs once per file version: a
 * pass is recorded in the user's cache (path, device, inode, size, mtime
 * and ctime, one line a file), and a later open of the same, unchanged
 * file skips it.  A file changed by anything (copied over, edited,
 * truncated) no longer matches its record and is checked again.  When
 * Tally itself commits to a file it has checked, the record follows the
 * new version: the user's own database, written only by Tally, stays
 * trusted.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <unistd.h>
#include <stdint.h>
#include <string.h>

#include "tally-database-private.h"

#define MAX_RECORDS 200

static char *
record_path (void)
{
  return g_build_filename (g_get_user_cache_dir (), "tally", "checked-databases", NULL);
}

/* The file's identity and version, as one line (without its newline);
 * NULL when it cannot be read. */
static char *
describe_file (const char *path)
{
  g_autofree char *absolute = g_canonicalize_filename (path, NULL);
  GStatBuf status;

  if (g_stat (path, &status) != 0 || strchr (absolute, '\n') != NULL)
    return NULL;

  return g_strdup_printf ("%ju %ju %jd %jd.%09ld %jd.%09ld %s",
                          (uintmax_t) status.st_dev, (uintmax_t) status.st_ino, (intmax_t) status.st_size,
                          (intmax_t) status.st_mtim.tv_sec, status.st_mtim.tv_nsec,
                          (intmax_t) status.st_ctim.tv_sec, status.st_ctim.tv_nsec, absolute);
}

/* The path at the end of a record: after its five numbers; NULL when the
 * line is not a record. */
static const char *
record_name (const char *line)
{
  guint spaces = 0;

  while (*line != '\0' && spaces < 5)
    spaces += *line++ == ' ';
  return spaces == 5 && *line != '\0' ? line : NULL;
}

/**
 * _tally_database_write_unsynced:
 *
 * Writes @contents to a new file and renames it to @path, so that a
 * reader sees one whole version or the other, never half of each; unlike
 * g_file_set_contents(), nothing is synced to the disk (its two fsyncs
 * were 2 ms).  For what a crash may lose: the checked-files records (a
 * lost one costs a check on the next open), and a database made for a
 * bulk import, which is not synced until that import is done either.
 */
gboolean
_tally_database_write_unsynced (const char  *path,
                                const char  *contents,
                                gsize        length,
                                int          mode,
                                GError     **error)
{
  g_autofree char *temporary = g_strconcat (path, ".XXXXXX", NULL);
  g_autofree char *name = NULL;
  int fd, saved_errno;
  gsize done = 0;

  if ((fd = g_mkstemp_full (temporary, O_WRONLY, mode)) < 0)
    goto failed;
  while (done < length)
    {
      gssize n = write (fd, contents + done, length - done);

      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0)
        {
          saved_errno = n < 0 ? errno : ENOSPC;
          close (fd);
          errno = saved_errno;
          goto failed;
        }
      done += n;
    }
  if (close (fd) == 0 && g_rename (temporary, path) == 0)
    return TRUE;

failed:
  saved_errno = errno;
  if (fd >= 0)
    g_unlink (temporary);
  name = g_filename_display_name (path);
  g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved_errno), _("Cannot write “%s”: %s"), name,
               g_strerror (saved_errno));
  return FALSE;
}

/* Whether this version of the file passed the check before. */
gboolean
_tally_database_integrity_recorded (const char *path)
{
  g_autofree char *line = describe_file (path);
  g_autofree char *records_file = record_path ();
  g_autofree char *records = NULL;
  g_auto(GStrv) lines = NULL;

  if (line == NULL || !g_file_get_contents (records_file, &records, NULL, NULL))
    return FALSE;

  lines = g_strsplit (records, "\n", -1);
  return g_strv_contains ((const char * const *) lines, line);
}

/* Records that this version of the file passed, in place of any record of
 * an earlier version of it.  The cache is a convenience: a failure to
 * write it costs a check next time, nothing more. */
void
_tally_database_record_integrity (const char *path)
{
  g_autofree char *line = describe_file (path);
  g_autofree char *records_file = record_path ();
  g_autofree char *records = NULL;
  g_autofree char *folder = NULL;
  g_autoptr(GString) text = NULL;
  g_auto(GStrv) lines = NULL;
  const char *name;
  guint kept = 0;

  if (line == NULL)
    return;
  name = record_name (line);

  text = g_string_new (line);
  g_string_append_c (text, '\n');
  if (g_file_get_contents (records_file, &records, NULL, NULL))
    {
      lines = g_strsplit (records, "\n", -1);
      /* Already recorded: in WAL mode most commits leave the main file as
       * it was, and results night commits once a ward; rewriting the cache
       * (two fsyncs and a rename) each time would cost more than the ward. */
      if (g_strv_contains ((const char * const *) lines, line))
        return;
      for (guint i = 0; lines[i] != NULL && kept < MAX_RECORDS; i++)
        {
          const char *other = record_name (lines[i]);

          if (other == NULL || g_str_equal (other, name))
            continue;
          g_string_append_printf (text, "%s\n", lines[i]);
          kept++;
        }
    }

  folder = g_path_get_dirname (records_file);
  if (g_mkdir_with_parents (folder, 0700) == 0)
    _tally_database_write_unsynced (records_file, text->str, text->len, 0600, NULL);
}
