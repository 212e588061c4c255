/* tally-tsv.c: a strict reader for the project's own tab-separated files.
 *
 * The format is deliberately plain: UTF-8, a header line "# col<TAB>col…"
 * naming the columns in order, then one row per line with exactly that many
 * fields.  An empty field means "unknown".  Every complaint names the file,
 * the line and the field, so whoever edits the data can find the mistake.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <errno.h>
#include <math.h>
#include <string.h>
#include <glib/gi18n-lib.h>

#include "tally-tsv.h"

struct _TallyTsvReader
{
  char   *display_name;
  char   *contents;
  char   *cursor;
  char  **columns;
  char  **fields;
  guint   n_columns;
  guint   line;
};

G_DEFINE_QUARK (tally-tsv-error-quark, tally_tsv_error)

/* Cuts the next line out of the buffer in place. */
static char *
next_line (TallyTsvReader *self)
{
  char *line = self->cursor;
  char *end;

  if (line == NULL || *line == '\0')
    return NULL;

  end = strchr (line, '\n');
  if (end != NULL)
    {
      *end = '\0';
      self->cursor = end + 1;
      if (end > line && end[-1] == '\r')
        end[-1] = '\0';
    }
  else
    {
      self->cursor = NULL;
    }

  self->line++;
  return line;
}

static void
set_file_error (TallyTsvReader  *self,
                GError         **error,
                TallyTsvError    code,
                const char      *message)
{
  g_set_error (error, TALLY_TSV_ERROR, code, _("%s, line %u: %s"),
               self->display_name, self->line, message);
}

void
tally_tsv_reader_set_error (TallyTsvReader  *self,
                            GError         **error,
                            guint            column,
                            const char      *format,
                            ...)
{
  g_autofree char *message = NULL;
  va_list args;

  g_return_if_fail (self != NULL);
  g_return_if_fail (column < self->n_columns);

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  g_set_error (error, TALLY_TSV_ERROR, TALLY_TSV_ERROR_VALUE, _("%s, line %u, field “%s”: %s"),
               self->display_name, self->line, self->columns[column], message);
}

void
tally_tsv_reader_free (TallyTsvReader *self)
{
  if (self == NULL)
    return;

  g_free (self->display_name);
  g_free (self->contents);
  g_strfreev (self->columns);
  g_free (self->fields);
  g_free (self);
}

/**
 * tally_tsv_reader_new:
 * @file: the file to read
 * @columns: the column names its header must give, in order, %NULL-terminated
 *
 * Returns: (transfer full) (nullable): a reader before the first row
 */
TallyTsvReader *
tally_tsv_reader_new (GFile              *file,
                      const char * const *columns,
                      GError            **error)
{
  g_autoptr(TallyTsvReader) self = NULL;
  g_autofree char *expected = NULL;
  gsize length;
  char *header;

  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (columns != NULL && columns[0] != NULL, NULL);

  self = g_new0 (TallyTsvReader, 1);
  self->display_name = g_file_get_basename (file);
  self->columns = g_strdupv ((char **) columns);
  self->n_columns = g_strv_length (self->columns);
  self->fields = g_new0 (char *, self->n_columns + 1);

  if (!g_file_load_contents (file, NULL, &self->contents, &length, NULL, error))
    return NULL;

  if (memchr (self->contents, '\0', length) != NULL ||
      !g_utf8_validate_len (self->contents, length, NULL))
    {
      g_set_error (error, TALLY_TSV_ERROR, TALLY_TSV_ERROR_ENCODING,
                   _("%s: not UTF-8 text"), self->display_name);
      return NULL;
    }

  self->cursor = self->contents;
  header = next_line (self);
  expected = g_strjoinv ("\t", self->columns);

  if (header == NULL || !g_str_has_prefix (header, "# ") || !g_str_equal (header + 2, expected))
    {
      g_autofree char *shown = g_strjoinv (", ", self->columns);
      g_autofree char *message = g_strdup_printf (_("the first line must name the columns: %s"), shown);

      set_file_error (self, error, TALLY_TSV_ERROR_HEADER, message);
      return NULL;
    }

  return g_steal_pointer (&self);
}

/**
 * tally_tsv_reader_next:
 *
 * Moves to the next row, skipping blank lines and "#" comments.
 *
 * Returns: %TRUE on a row; %FALSE at the end, or with @error set
 */
gboolean
tally_tsv_reader_next (TallyTsvReader  *self,
                       GError         **error)
{
  char *line;

  g_return_val_if_fail (self != NULL, FALSE);

  while ((line = next_line (self)) != NULL)
    {
      guint n_fields = 0;
      char *field = line;

      if (line[0] == '\0' || line[0] == '#')
        continue;

      for (;;)
        {
          char *tab = strchr (field, '\t');

          if (n_fields == self->n_columns)
            {
              g_autofree char *message =
                g_strdup_printf (_("more than the %u fields the header names"), self->n_columns);

              set_file_error (self, error, TALLY_TSV_ERROR_FIELDS, message);
              return FALSE;
            }

          self->fields[n_fields++] = field;

          if (tab == NULL)
            break;

          *tab = '\0';
          field = tab + 1;
        }

      if (n_fields != self->n_columns)
        {
          g_autofree char *message =
            g_strdup_printf (_("%u fields where the header names %u"), n_fields, self->n_columns);

          set_file_error (self, error, TALLY_TSV_ERROR_FIELDS, message);
          return FALSE;
        }

      return TRUE;
    }

  return FALSE;
}

guint
tally_tsv_reader_get_line (TallyTsvReader *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->line;
}

/**
 * tally_tsv_reader_get:
 *
 * Returns: (nullable): the field's text, or %NULL when it is empty (unknown)
 */
const char *
tally_tsv_reader_get (TallyTsvReader *self,
                      guint           column)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (column < self->n_columns, NULL);

  return self->fields[column][0] != '\0' ? self->fields[column] : NULL;
}

/**
 * tally_tsv_reader_get_int:
 *
 * Reads a whole number between @min and @max.  An empty field leaves @value
 * alone and returns %TRUE: the caller decides whether unknown is allowed.
 */
gboolean
tally_tsv_reader_get_int (TallyTsvReader  *self,
                          guint            column,
                          gint64           min,
                          gint64           max,
                          gint64          *value,
                          GError         **error)
{
  const char *text = tally_tsv_reader_get (self, column);
  g_autoptr(GError) local_error = NULL;

  if (text == NULL)
    return TRUE;

  if (!g_ascii_string_to_signed (text, 10, min, max, value, &local_error))
    {
      tally_tsv_reader_set_error (self, error, column,
                                  _("“%s” is not a whole number from %" G_GINT64_FORMAT
                                    " to %" G_GINT64_FORMAT),
                                  text, min, max);
      return FALSE;
    }

  return TRUE;
}

gboolean
tally_tsv_reader_get_double (TallyTsvReader  *self,
                             guint            column,
                             double          *value,
                             GError         **error)
{
  const char *text = tally_tsv_reader_get (self, column);
  char *end = NULL;
  double parsed;

  if (text == NULL)
    return TRUE;

  errno = 0;
  parsed = g_ascii_strtod (text, &end);
  if (errno != 0 || end == text || *end != '\0' || !isfinite (parsed))
    {
      tally_tsv_reader_set_error (self, error, column, _("“%s” is not a number"), text);
      return FALSE;
    }

  *value = parsed;
  return TRUE;
}
