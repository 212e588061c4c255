/* tally-export-file.c: writing a file atomically, as every export is
 * written: the bytes go to a temporary file beside the target, which is
 * renamed into place only when whole, and never over a file that was not
 * to be replaced.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <unistd.h>

#include "tally-export.h"

struct _TallyExportFile
{
  char             *path;       /* the file asked for */
  char             *temp_path;  /* where it is written first */
  int               fd;
  TallyExportFlags  flags;
  gboolean          replacing;  /* the target existed when opened */
  gboolean          committed;
  GCancellable     *cancellable;
};

/* Helpers */

static void
set_io_error (GError     **error,
              int          saved_errno,
              const char  *path)
{
  g_autofree char *display = g_filename_display_name (path);

  /* Translators: "Cannot write “/home/ada/chart.svg”: Permission denied". */
  g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
               _("Cannot write “%s”: %s"), display, g_strerror (saved_errno));
}

/* Atomic files */

/**
 * tally_export_file_open:
 * @path: the file to make
 *
 * Starts writing @path: the bytes go to a hidden temporary file in the
 * same directory, which tally_export_file_commit() renames to @path and
 * tally_export_file_abandon() removes.  Fails at once, with nothing
 * created, when @path exists and @flags do not say to overwrite it, when
 * it is a directory, or when its directory cannot be written.
 *
 * Returns: (transfer full) (nullable): the file being written
 */
TallyExportFile *
tally_export_file_open (const char        *path,
                        TallyExportFlags   flags,
                        GCancellable      *cancellable,
                        GError           **error)
{
  g_autoptr(TallyExportFile) file = NULL;
  g_autofree char *directory = NULL;
  g_autofree char *base = NULL;
  g_autofree char *display = NULL;
  GStatBuf status;
  gboolean exists;

  g_return_val_if_fail (path != NULL && *path != '\0', NULL);

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return NULL;

  display = g_filename_display_name (path);
  exists = g_lstat (path, &status) == 0;
  if (exists)
    {
      if (S_ISDIR (status.st_mode))
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY,
                       _("Cannot write “%s”: it is a folder"), display);
          return NULL;
        }
      /* Renaming over a symbolic link, a FIFO or a device node would replace
       * it with a regular file (as root, /dev/full became a PNG): even
       * --force replaces only regular files. */
      if (S_ISLNK (status.st_mode))
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE,
                       _("Cannot write “%s”: it is a symbolic link, and Tally replaces only "
                         "regular files (write to the file it points to)"), display);
          return NULL;
        }
      if (!S_ISREG (status.st_mode))
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE,
                       _("Cannot write “%s”: it is not a regular file (a pipe, device or socket), "
                         "and Tally replaces only regular files"), display);
          return NULL;
        }
      if (!(flags & TALLY_EXPORT_OVERWRITE))
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS,
                       _("Cannot write “%s”: the file already exists"), display);
          return NULL;
        }
    }

  file = g_new0 (TallyExportFile, 1);
  file->fd = -1;
  file->flags = flags;
  file->path = g_strdup (path);
  file->replacing = exists;
  file->cancellable = cancellable ? g_object_ref (cancellable) : NULL;

  directory = g_path_get_dirname (path);
  base = g_path_get_basename (path);
  file->temp_path = g_strdup_printf ("%s%c.%s.XXXXXX", directory, G_DIR_SEPARATOR, base);
  file->fd = g_mkstemp_full (file->temp_path, O_RDWR | O_CLOEXEC, 0666);
  if (file->fd < 0)
    {
      set_io_error (error, errno, path);
      g_clear_pointer (&file->temp_path, g_free);
      return NULL;
    }

  return g_steal_pointer (&file);
}

gboolean
tally_export_file_write (TallyExportFile  *file,
                         const void       *data,
                         gsize             length,
                         GError          **error)
{
  const char *bytes = data;

  g_return_val_if_fail (file != NULL && file->fd >= 0, FALSE);

  if (g_cancellable_set_error_if_cancelled (file->cancellable, error))
    return FALSE;

  while (length > 0)
    {
      gssize written = write (file->fd, bytes, length);

      if (written < 0)
        {
          if (errno == EINTR)
            continue;
          set_io_error (error, errno, file->path);
          return FALSE;
        }
      bytes += written;
      length -= (gsize) written;
    }

  return TRUE;
}

/* Gives @path the temporary file's contents without ever replacing a
 * file that appeared meanwhile: link() fails where the name is taken. */
static gboolean
move_into_place (TallyExportFile  *file,
                 GError          **error)
{
  if (file->flags & TALLY_EXPORT_OVERWRITE)
    {
      if (g_rename (file->temp_path, file->path) != 0)
        {
          set_io_error (error, errno, file->path);
          return FALSE;
        }
      return TRUE;
    }

  if (link (file->temp_path, file->path) == 0)
    {
      g_unlink (file->temp_path);
      return TRUE;
    }

  if (errno == EEXIST)
    {
      g_autofree char *display = g_filename_display_name (file->path);

      g_set_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS,
                   _("Cannot write “%s”: the file already exists"), display);
      return FALSE;
    }

  /* A file system without hard links: check, then rename. */
  if (g_file_test (file->path, G_FILE_TEST_EXISTS))
    {
      g_autofree char *display = g_filename_display_name (file->path);

      g_set_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS,
                   _("Cannot write “%s”: the file already exists"), display);
      return FALSE;
    }
  if (g_rename (file->temp_path, file->path) != 0)
    {
      set_io_error (error, errno, file->path);
      return FALSE;
    }

  return TRUE;
}

/**
 * tally_export_file_commit:
 *
 * Finishes the file and puts it in place.  On failure, or when the
 * cancellable was cancelled, nothing is left behind; either way, @file is
 * still to be freed with tally_export_file_abandon().
 */
gboolean
tally_export_file_commit (TallyExportFile  *file,
                          GError          **error)
{
  int fd;

  g_return_val_if_fail (file != NULL, FALSE);
  g_return_val_if_fail (file->fd >= 0 && !file->committed, FALSE);

  if (g_cancellable_set_error_if_cancelled (file->cancellable, error))
    return FALSE;

  /* Replacing a file: make sure the new bytes are on disk before the
   * name moves, or a crash could leave an empty file where a good one
   * was (as g_file_set_contents() does). */
  if (file->replacing && fsync (file->fd) != 0 && errno != EINVAL)
    {
      set_io_error (error, errno, file->path);
      return FALSE;
    }

  fd = file->fd;
  file->fd = -1;
  if (close (fd) != 0)
    {
      set_io_error (error, errno, file->path);
      return FALSE;
    }

  if (!move_into_place (file, error))
    return FALSE;

  file->committed = TRUE;
  return TRUE;
}

/**
 * tally_export_file_abandon:
 *
 * Frees @file; unless it was committed, removes what was written.
 */
void
tally_export_file_abandon (TallyExportFile *file)
{
  if (file == NULL)
    return;

  if (file->fd >= 0)
    close (file->fd);
  if (!file->committed && file->temp_path != NULL)
    g_unlink (file->temp_path);

  g_clear_object (&file->cancellable);
  g_free (file->temp_path);
  g_free (file->path);
  g_free (file);
}

/**
 * tally_export_write_bytes:
 *
 * Writes @bytes to @path atomically, as every export is written.
 */
gboolean
tally_export_write_bytes (const char        *path,
                          GBytes            *bytes,
                          TallyExportFlags   flags,
                          GCancellable      *cancellable,
                          GError           **error)
{
  g_autoptr(TallyExportFile) file = NULL;
  gsize length;
  const void *data;

  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (bytes != NULL, FALSE);

  data = g_bytes_get_data (bytes, &length);
  return (file = tally_export_file_open (path, flags, cancellable, error)) != NULL &&
         tally_export_file_write (file, data, length, error) &&
         tally_export_file_commit (file, error);
}
