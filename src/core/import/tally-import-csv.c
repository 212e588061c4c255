/* tally-import-csv.c: reading CSV files from elsewhere, one row at a time, defensively.
 *
 * The parsing itself is libcsv's, in strict mode.  What this file adds is what
 * an importer of untrusted files needs and libcsv leaves to its caller:
 *
 *  - line numbers: every complaint names the file, the line where the row
 *    starts and the field, even when a quoted field spans several lines.
 *    libcsv reports no positions, so the file is fed to it one physical line
 *    (up to and including its LF) at a time: a row can then only end at the
 *    end of a fed line, or at the CR of its CRLF.  A lone CR in the middle of
 *    a line would end a row there too, and is refused;
 *  - limits: a field longer than TALLY_CSV_MAX_FIELD_LENGTH, or a row with
 *    more than TALLY_CSV_MAX_FIELDS fields, is an error before it can eat
 *    memory (libcsv would grow its buffer without bound);
 *  - text: NUL bytes mean a binary file, fields must be UTF-8, a leading
 *    byte-order mark is skipped;
 *  - a SHA-1 of the bytes read, so an import can recognise a file it has
 *    seen, and the position, for a progress bar.
 *
 * Once the header has been read (tally_csv_reader_set_column_names()), a
 * file larger than a chunk is read ahead on a thread of its own: reading,
 * the checksum and libcsv's parsing are a quarter of an import's time, and
 * go on while the importer writes the rows before them.  The rows come
 * across in batches (N_BATCHES of them, each used again once read, so the
 * memory is the same whatever the file's size), each row with its line and
 * position, and an error comes across where it happened, after the rows
 * before it: the caller sees the same rows, numbers and messages either way.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <csv.h>
#include <string.h>
#include <glib/gi18n-lib.h>

#include "tally-import-csv.h"

#define CHUNK_SIZE (64 * 1024)

/* Read ahead: batches of up to BATCH_MAX_ROWS rows, or of BATCH_TEXT bytes
 * of fields (a row longer than that gets a batch of its own). */
#define N_BATCHES      4
#define BATCH_MAX_ROWS 512
#define BATCH_TEXT     (48 * 1024)

typedef struct
{
  gsize   text;        /* where its fields start in the batch's text */
  guint   first_field; /* its first field's offset in the batch's offsets */
  guint   n_fields;
  guint   line;
  goffset position;
} BatchRow;

typedef struct
{
  BatchRow  rows[BATCH_MAX_ROWS];
  guint     n_rows;
  guint     next;      /* the next row the caller reads */
  char     *text;
  gsize     text_length;
  gsize     text_size;
  guint    *offsets;   /* each field's start in its row's text */
  guint     n_offsets;
  guint     offsets_size;
  GError   *error;     /* after its rows, the reading stopped on this */
  gboolean  end;       /* after its rows, the file ended */
} Batch;

struct _TallyCsvReader
{
  struct csv_parser  parser;
  GInputStream      *stream;
  GCancellable      *cancellable;
  GChecksum         *checksum;
  char              *checksum_string;
  char              *display_name;
  GStrv              column_names;

  char              *buffer;
  gsize              buffer_length;
  gsize              buffer_pos;
  goffset            position;
  goffset            size;

  guint              line;          /* the physical line the next byte fed belongs to */
  guint              record_line;   /* the line where the current row starts */
  char              *record;        /* the current row's fields, each NUL-terminated */
  gsize              record_length;
  gsize              record_size;
  guint              n_fields;
  guint              offsets[TALLY_CSV_MAX_FIELDS];  /* where each field starts in record */

  int                bad_field;     /* the first field that is not UTF-8, or -1 */
  /* The row the caller reads: the parser's own, or one read ahead. */
  const char        *view_record;
  const guint       *view_offsets;
  guint              view_n_fields;
  guint              view_line;
  goffset            view_position;
  gboolean           view_done;

  /* Reading ahead (see the top of this file) */
  gboolean           may_read_ahead;
  GThread           *thread;
  GAsyncQueue       *free_batches;
  GAsyncQueue       *full_batches;
  Batch             *batch;          /* the one the caller reads from */
  int                stopping;       /* atomic */

  guint              parser_ready : 1;
  guint              started : 1;
  guint              at_eof : 1;
  guint              finished : 1;
  guint              awaiting_record : 1;
  guint              record_ready : 1;
  guint              two_records : 1;
  guint              too_many_fields : 1;
};

static void
field_read_cb (void   *data,
               size_t  length,
               void   *user_data)
{
  TallyCsvReader *self = user_data;
  if (self->n_fields >= TALLY_CSV_MAX_FIELDS)
    {
      self->too_many_fields = TRUE;
      return;
    }

  if (self->bad_field < 0 && !g_utf8_validate_len (data, length, NULL))
    self->bad_field = self->n_fields;

  /* Fields are at most TALLY_CSV_MAX_FIELD_LENGTH, give or take a chunk, and
   * there are at most TALLY_CSV_MAX_FIELDS of them: the growth is bounded. */
  if (self->record_length + length + 1 > self->record_size)
    {
      self->record_size = MAX (self->record_size * 2, self->record_length + length + 1);
      self->record = g_realloc (self->record, self->record_size);
    }

  self->offsets[self->n_fields++] = self->record_length;
  if (length > 0)
    memcpy (self->record + self->record_length, data, length);
  self->record_length += length;
  self->record[self->record_length++] = '\0';
}

static void
row_read_cb (int   terminator,
             void *user_data)
{
  TallyCsvReader *self = user_data;

  if (self->record_ready)
    self->two_records = TRUE;
  self->record_ready = TRUE;
}

static gboolean
is_blank (const char *text,
          gsize       length)
{
  for (gsize i = 0; i < length; i++)
    if (text[i] != ' ' && text[i] != '\t' && text[i] != '\r' && text[i] != '\n')
      return FALSE;

  return TRUE;
}

static const char *
column_name (TallyCsvReader *self,
             guint           index,
             char            number[16])
{
  if (self->column_names != NULL && index < g_strv_length (self->column_names))
    return self->column_names[index];

  g_snprintf (number, 16, "%u", index + 1);
  return number;
}

static void
set_field_error (TallyCsvReader    *self,
                 GError           **error,
                 TallyImportError   code,
                 guint              line,
                 guint              index,
                 const char        *message)
{
  char number[16];

  g_set_error (error, TALLY_IMPORT_ERROR, code, _("%s, line %u, field “%s”: %s"),
               self->display_name, line, column_name (self, index, number), message);
}

static void
set_error_at_line (TallyCsvReader    *self,
                   GError           **error,
                   TallyImportError   code,
                   guint              line,
                   const char        *message)
{
  g_set_error (error, TALLY_IMPORT_ERROR, code, _("%s, line %u: %s"),
               self->display_name, line, message);
}

void
tally_csv_reader_set_error (TallyCsvReader  *self,
                            GError         **error,
                            guint            index,
                            const char      *format,
                            ...)
{
  g_autofree char *message = NULL;
  va_list args;

  g_return_if_fail (self != NULL);

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  set_field_error (self, error, TALLY_IMPORT_ERROR_VALUE, self->view_line, index, message);
}

void
tally_csv_reader_set_line_error (TallyCsvReader    *self,
                                 GError           **error,
                                 TallyImportError   code,
                                 const char        *format,
                                 ...)
{
  g_autofree char *message = NULL;
  va_list args;

  g_return_if_fail (self != NULL);

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  set_error_at_line (self, error, code, self->view_line, message);
}

static void stop_reading_ahead (TallyCsvReader *self);

void
tally_csv_reader_free (TallyCsvReader *self)
{
  if (self == NULL)
    return;

  stop_reading_ahead (self);
  if (self->parser_ready)
    csv_free (&self->parser);
  g_clear_object (&self->stream);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->checksum, g_checksum_free);
  g_free (self->checksum_string);
  g_free (self->display_name);
  g_strfreev (self->column_names);
  g_free (self->buffer);
  g_free (self->record);
  g_free (self);
}

/**
 * tally_csv_reader_new:
 * @file: the file to read
 * @cancellable: (nullable): stops reading between chunks
 *
 * Returns: (transfer full) (nullable): a reader before the first row, or
 *   %NULL when the file cannot be opened
 */
TallyCsvReader *
tally_csv_reader_new (GFile         *file,
                      GCancellable  *cancellable,
                      GError       **error)
{
  g_autoptr(TallyCsvReader) self = NULL;
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  self = g_new0 (TallyCsvReader, 1);
  self->display_name = g_file_get_basename (file);
  /* SHA-1 recognises a file seen before at twice the speed of SHA-256 in
   * GLib; nothing here needs resistance to forged collisions. */
  self->checksum = g_checksum_new (G_CHECKSUM_SHA1);
  self->record_size = 1024;
  self->record = g_malloc (self->record_size);
  self->buffer = g_malloc (CHUNK_SIZE);
  self->line = 1;
  self->record_line = 1;
  self->view_line = 1;
  self->awaiting_record = TRUE;
  self->bad_field = -1;
  g_set_object (&self->cancellable, cancellable);

  if (csv_init (&self->parser, CSV_STRICT | CSV_STRICT_FINI | CSV_APPEND_NULL) != 0)
    g_error ("csv_init failed");
  self->parser_ready = TRUE;

  if (!(self->stream = G_INPUT_STREAM (g_file_read (file, cancellable, &local_error))))
    {
      g_set_error (error, local_error->domain, local_error->code,
                   _("Cannot read “%s”: %s"), self->display_name, local_error->message);
      return NULL;
    }

  info = g_file_input_stream_query_info (G_FILE_INPUT_STREAM (self->stream),
                                         G_FILE_ATTRIBUTE_STANDARD_SIZE, cancellable, NULL);
  if (info != NULL)
    self->size = g_file_info_get_size (info);

  return g_steal_pointer (&self);
}

static gboolean
fill_buffer (TallyCsvReader  *self,
             GError         **error)
{
  g_autoptr(GError) local_error = NULL;
  const char *nul;
  gssize n_read;

  if (g_cancellable_set_error_if_cancelled (self->cancellable, error))
    return FALSE;

  n_read = g_input_stream_read (self->stream, self->buffer, CHUNK_SIZE,
                                self->cancellable, &local_error);
  if (n_read < 0)
    {
      if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_propagate_error (error, g_steal_pointer (&local_error));
      else
        g_set_error (error, local_error->domain, local_error->code,
                     _("Cannot read “%s”: %s"), self->display_name, local_error->message);
      return FALSE;
    }

  self->buffer_length = n_read;
  self->buffer_pos = 0;
  self->at_eof = (n_read == 0);
  g_checksum_update (self->checksum, (const guchar *) self->buffer, n_read);

  if ((nul = memchr (self->buffer, '\0', n_read)) != NULL)
    {
      guint line = self->line;

      for (const char *p = self->buffer; (p = memchr (p, '\n', nul - p)) != NULL; p++)
        line++;
      set_error_at_line (self, error, TALLY_IMPORT_ERROR_BINARY, line,
                         _("a NUL byte: this is a binary file, not CSV text"));
      return FALSE;
    }

  /* Spreadsheets save "UTF-8 CSV" with a byte-order mark. */
  if (!self->started && n_read >= 3 && memcmp (self->buffer, "\xEF\xBB\xBF", 3) == 0)
    {
      self->buffer_pos = 3;
      self->position = 3;
    }
  self->started = TRUE;

  return TRUE;
}

static gboolean
check_record (TallyCsvReader  *self,
              GError         **error)
{
  if (self->bad_field >= 0)
    {
      guint i = self->bad_field;
      const char *field = self->record + self->offsets[i];
      const char *end;

      if (!g_utf8_validate (field, -1, &end))
        {
          g_autofree char *message =
            g_strdup_printf (_("not UTF-8 text (byte 0x%02X after %ld characters); "
                               "save the file as UTF-8"),
                             (guint) (guchar) *end, (long) g_utf8_strlen (field, end - field));

          set_field_error (self, error, TALLY_IMPORT_ERROR_ENCODING, self->record_line, i, message);
          return FALSE;
        }
    }

  return TRUE;
}

static gboolean
finish (TallyCsvReader  *self,
        GError         **error)
{
  self->finished = TRUE;
  self->checksum_string = g_strdup (g_checksum_get_string (self->checksum));

  if (csv_fini (&self->parser, field_read_cb, row_read_cb, self) != 0 ||
      csv_error (&self->parser) == CSV_EPARSE)
    {
      set_error_at_line (self, error, TALLY_IMPORT_ERROR_SYNTAX, self->record_line,
                         _("a quoted field is never closed: the file ends inside it"));
      return FALSE;
    }

  if (self->too_many_fields)
    {
      set_error_at_line (self, error, TALLY_IMPORT_ERROR_TOO_LONG, self->record_line,
                         _("more fields than any results file has"));
      return FALSE;
    }

  return TRUE;
}

/* The parser's next row, on whichever thread reads the file. */
static gboolean
parse_next (TallyCsvReader  *self,
            GError         **error)
{
  if (self->finished)
    return FALSE;

  self->record_length = 0;
  self->n_fields = 0;
  self->record_ready = FALSE;
  self->bad_field = -1;

  for (;;)
    {
      const char *start;
      const char *newline;
      gsize length;

      if (self->buffer_pos == self->buffer_length)
        {
          if (self->at_eof)
            {
              if (!finish (self, error))
                return FALSE;
              return self->record_ready && check_record (self, error);
            }

          if (!fill_buffer (self, error))
            return FALSE;
          continue;
        }

      start = self->buffer + self->buffer_pos;
      newline = memchr (start, '\n', self->buffer_length - self->buffer_pos);
      length = newline ? (gsize) (newline - start) + 1 : self->buffer_length - self->buffer_pos;

      if (self->awaiting_record && !is_blank (start, length))
        {
          self->record_line = self->line;
          self->awaiting_record = FALSE;
        }

      if (csv_parse (&self->parser, start, length, field_read_cb, row_read_cb, self) != length)
        {
          if (csv_error (&self->parser) == CSV_EPARSE)
            set_error_at_line (self, error, TALLY_IMPORT_ERROR_SYNTAX, self->line,
                               _("a quote in the wrong place: a field with quotes in it must be "
                                 "quoted whole, with each quote inside doubled"));
          else
            set_error_at_line (self, error, TALLY_IMPORT_ERROR_TOO_LONG, self->line,
                               csv_strerror (csv_error (&self->parser)));
          return FALSE;
        }

      self->buffer_pos += length;
      self->position += length;

      if (self->parser.entry_pos > TALLY_CSV_MAX_FIELD_LENGTH)
        {
          char number[16];
          g_autofree char *message =
            g_strdup_printf (_("field “%s” is longer than %u bytes"),
                             column_name (self, self->n_fields, number),
                             (guint) TALLY_CSV_MAX_FIELD_LENGTH);

          set_error_at_line (self, error, TALLY_IMPORT_ERROR_TOO_LONG, self->record_line, message);
          return FALSE;
        }

      if (self->too_many_fields)
        {
          g_autofree char *message =
            g_strdup_printf (_("more than %u fields in one row"), (guint) TALLY_CSV_MAX_FIELDS);

          set_error_at_line (self, error, TALLY_IMPORT_ERROR_TOO_LONG, self->record_line, message);
          return FALSE;
        }

      if (newline != NULL)
        self->line++;

      if (self->two_records)
        {
          set_error_at_line (self, error, TALLY_IMPORT_ERROR_SYNTAX, self->record_line,
                             _("a carriage return in the middle of a line: quote the field "
                               "that holds it, or end lines with LF or CR LF"));
          return FALSE;
        }

      if (self->record_ready)
        {
          self->awaiting_record = TRUE;
          return check_record (self, error);
        }
    }
}

static void
batch_free (Batch *batch)
{
  g_clear_error (&batch->error);
  g_free (batch->text);
  g_free (batch->offsets);
  g_free (batch);
}

/* Copies the parser's row to the end of @batch. */
static void
batch_add_row (Batch          *batch,
               TallyCsvReader *self)
{
  BatchRow *row = &batch->rows[batch->n_rows++];

  if (batch->text_length + self->record_length > batch->text_size)
    {
      batch->text_size = MAX (batch->text_size * 2, batch->text_length + self->record_length);
      batch->text = g_realloc (batch->text, batch->text_size);
    }
  if (batch->n_offsets + self->n_fields > batch->offsets_size)
    {
      batch->offsets_size = MAX (batch->offsets_size * 2, batch->n_offsets + self->n_fields);
      batch->offsets = g_realloc_n (batch->offsets, batch->offsets_size, sizeof (guint));
    }

  row->text = batch->text_length;
  row->first_field = batch->n_offsets;
  row->n_fields = self->n_fields;
  row->line = self->record_line;
  row->position = self->position;
  memcpy (batch->text + batch->text_length, self->record, self->record_length);
  batch->text_length += self->record_length;
  memcpy (batch->offsets + batch->n_offsets, self->offsets, self->n_fields * sizeof (guint));
  batch->n_offsets += self->n_fields;
}

static gpointer
read_ahead_thread (gpointer data)
{
  TallyCsvReader *self = data;

  for (;;)
    {
      Batch *batch = g_async_queue_pop (self->free_batches);
      gboolean more = TRUE;

      if (g_atomic_int_get (&self->stopping))
        return NULL;

      batch->n_rows = batch->next = 0;
      batch->text_length = 0;
      batch->n_offsets = 0;
      while (batch->n_rows < BATCH_MAX_ROWS && batch->text_length < BATCH_TEXT)
        {
          if (!(more = parse_next (self, &batch->error)))
            break;
          batch_add_row (batch, self);
        }
      batch->end = !more && batch->error == NULL;
      g_async_queue_push (self->full_batches, batch);
      if (!more)
        return NULL;
    }
}

static void
start_reading_ahead (TallyCsvReader *self)
{
  self->free_batches = g_async_queue_new ();
  self->full_batches = g_async_queue_new ();
  for (guint i = 0; i < N_BATCHES; i++)
    {
      Batch *batch = g_new0 (Batch, 1);

      batch->text_size = BATCH_TEXT + 1024;
      batch->text = g_malloc (batch->text_size);
      batch->offsets_size = 16 * BATCH_MAX_ROWS;
      batch->offsets = g_new (guint, batch->offsets_size);
      g_async_queue_push (self->free_batches, batch);
    }
  self->thread = g_thread_new ("tally-csv", read_ahead_thread, self);
}

/* Stops the thread reading ahead, if there is one, and frees its batches. */
static void
stop_reading_ahead (TallyCsvReader *self)
{
  Batch *batch;

  if (self->thread == NULL)
    return;

  /* The thread stops at the next batch it takes (or at the end of the
   * file): give it one. */
  g_atomic_int_set (&self->stopping, 1);
  if (self->batch != NULL)
    g_async_queue_push (self->free_batches, g_steal_pointer (&self->batch));
  else
    g_async_queue_push (self->free_batches, g_new0 (Batch, 1));
  g_thread_join (g_steal_pointer (&self->thread));

  while ((batch = g_async_queue_try_pop (self->free_batches)) != NULL)
    batch_free (batch);
  while ((batch = g_async_queue_try_pop (self->full_batches)) != NULL)
    batch_free (batch);
  g_clear_pointer (&self->free_batches, g_async_queue_unref);
  g_clear_pointer (&self->full_batches, g_async_queue_unref);
}

/* The next row read ahead. */
static gboolean
next_read_ahead (TallyCsvReader  *self,
                 GError         **error)
{
  for (;;)
    {
      Batch *batch = self->batch;

      if (batch != NULL && batch->next < batch->n_rows)
        {
          BatchRow *row = &batch->rows[batch->next++];

          self->view_record = batch->text + row->text;
          self->view_offsets = batch->offsets + row->first_field;
          self->view_n_fields = row->n_fields;
          self->view_line = row->line;
          self->view_position = row->position;
          return TRUE;
        }

      if (batch != NULL && (batch->error != NULL || batch->end))
        {
          self->view_done = TRUE;
          self->view_n_fields = 0;
          if (batch->error != NULL)
            {
              /* Messages about the row that failed name its line. */
              self->view_line = self->record_line;
              g_propagate_error (error, g_steal_pointer (&batch->error));
              return FALSE;
            }
          self->view_position = self->position;
          return FALSE;
        }

      if (batch != NULL)
        g_async_queue_push (self->free_batches, g_steal_pointer (&self->batch));
      self->batch = g_async_queue_pop (self->full_batches);
    }
}

/**
 * tally_csv_reader_next:
 *
 * Reads the next row.  Blank lines are skipped.
 *
 * Returns: %TRUE with a row to read; %FALSE at the end of the file (@error
 *   unset) or on a problem (@error set)
 */
gboolean
tally_csv_reader_next (TallyCsvReader  *self,
                       GError         **error)
{
  gboolean more;

  g_return_val_if_fail (self != NULL, FALSE);

  if (self->view_done)
    return FALSE;

  if (self->thread == NULL && self->may_read_ahead && !self->finished &&
      (self->size == 0 || self->size - self->position > CHUNK_SIZE))
    start_reading_ahead (self);
  if (self->thread != NULL)
    return next_read_ahead (self, error);

  more = parse_next (self, error);
  self->view_record = self->record;
  self->view_offsets = self->offsets;
  self->view_n_fields = more ? self->n_fields : 0;
  self->view_line = self->record_line;
  self->view_position = self->position;
  self->view_done = !more;
  return more;
}

guint
tally_csv_reader_get_n_fields (TallyCsvReader *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->view_n_fields;
}

/**
 * tally_csv_reader_get_field:
 *
 * Returns: the field, "" when empty; valid until the next row is read
 */
const char *
tally_csv_reader_get_field (TallyCsvReader *self,
                            guint           index)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (index < self->view_n_fields, NULL);

  return self->view_record + self->view_offsets[index];
}

/**
 * tally_csv_reader_get_line:
 *
 * Returns: the line, counting from 1, where the current row starts
 */
guint
tally_csv_reader_get_line (TallyCsvReader *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->view_line;
}

const char *
tally_csv_reader_get_display_name (TallyCsvReader *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->display_name;
}

goffset
tally_csv_reader_get_position (TallyCsvReader *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->view_position;
}

/**
 * tally_csv_reader_get_size:
 *
 * Returns: the file's size in bytes, or 0 when it is not known
 */
goffset
tally_csv_reader_get_size (TallyCsvReader *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->size;
}

/**
 * tally_csv_reader_get_checksum:
 *
 * Returns: (nullable): the SHA-1 of the file, in hex, once it has been read
 *   to the end; %NULL before
 */
const char *
tally_csv_reader_get_checksum (TallyCsvReader *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  /* Read ahead, the checksum is the thread's until the end reached the caller. */
  return self->thread == NULL || self->view_done ? self->checksum_string : NULL;
}

/**
 * tally_csv_reader_set_column_names:
 * @names: (transfer none): the header's names, used in messages about fields
 */
void
tally_csv_reader_set_column_names (TallyCsvReader *self,
                                   GStrv           names)
{
  g_return_if_fail (self != NULL);
  /* The thread reading ahead names fields with them. */
  g_return_if_fail (self->thread == NULL);

  g_strfreev (self->column_names);
  self->column_names = g_strdupv (names);
  self->may_read_ahead = TRUE;
}
