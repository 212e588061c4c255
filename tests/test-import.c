/* test-import.c: a run of the importer, and how it fails.
 *
 * Bad and hostile files stop an import with the file, line and field, and
 * change nothing; several files are one transaction; a run can be cancelled,
 * reports its progress off the main thread, and is driven from `tally
 * import`.  Each format's facts are in test-import-formats.c, the real
 * public files in test-import-real.c.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>
#include <glib/gstdio.h>

#include "tally-database-private.h"
#include "tally-import.h"
#include "tally-test-util.h"

typedef TallyTestFolder Fixture;

typedef struct
{
  const char       *file;
  TallyImportError  code;
  const char       *message;
} BadFile;

/* Each bad file stops the import, says where and why, and changes nothing. */
static void
test_bad_files (Fixture       *fixture,
                gconstpointer  data)
{
  static const BadFile bad_files[] = {
    { "import-bad-votes.csv", TALLY_IMPORT_ERROR_VALUE,
      "import-bad-votes.csv, line 4, field “votes”: “-3” is negative" },
    { "import-bad-number.csv", TALLY_IMPORT_ERROR_VALUE,
      "import-bad-number.csv, line 3, field “votes”: “12a” is not a whole number" },
    { "import-bad-date.csv", TALLY_IMPORT_ERROR_VALUE,
      "import-bad-date.csv, line 2, field “election_date”: “2018-02-30” is not a date" },
    { "import-bad-elected.csv", TALLY_IMPORT_ERROR_VALUE,
      "import-bad-elected.csv, line 2, field “elected”: “maybe” is not 1 or 0" },
    { "import-bad-party.csv", TALLY_IMPORT_ERROR_VALUE,
      "import-bad-party.csv, line 2, field “party”: a value is needed" },
    { "import-bad-utf8.csv", TALLY_IMPORT_ERROR_ENCODING,
      "import-bad-utf8.csv, line 3, field “candidate”: not UTF-8 text (byte 0xE9" },
    { "import-bad-fields.csv", TALLY_IMPORT_ERROR_FIELDS,
      "import-bad-fields.csv, line 3: 6 fields, but the header names 7" },
    { "import-bad-quote.csv", TALLY_IMPORT_ERROR_SYNTAX,
      "import-bad-quote.csv, line 3: a quoted field is never closed" },
    { "import-binary.png", TALLY_IMPORT_ERROR_BINARY,
      "import-binary.png, line 3: a NUL byte: this is a binary file" },
    { "import-empty.csv", TALLY_IMPORT_ERROR_EMPTY, "import-empty.csv: the file is empty" },
    { "import-missing-columns.csv", TALLY_IMPORT_ERROR_COLUMNS,
      "import-missing-columns.csv, line 1: the header of a Tally candidate CSV lacks these columns: votes" },
    { "import-unknown.csv", TALLY_IMPORT_ERROR_FORMAT,
      "import-unknown.csv: not a results file Tally reads" },
    { "import-ocd-bad-total.csv", TALLY_IMPORT_ERROR_VALUE,
      "import-ocd-bad-total.csv, line 2, field “total”: the parties’ seats add up to 34, not 35" },
  };
  g_autofree char *before = tally_test_import_good (fixture);

  for (guint i = 0; i < G_N_ELEMENTS (bad_files); i++)
    {
      g_autoptr(TallyImportSummary) summary = NULL;
      g_autoptr(GError) error = NULL;
      g_autofree char *after = NULL;

      g_test_message ("%s", bad_files[i].file);
      summary = tally_test_import_one (fixture->db_path, bad_files[i].file, &error);
      g_assert_null (summary);
      g_assert_error (error, TALLY_IMPORT_ERROR, (int) bad_files[i].code);
      g_assert_nonnull (strstr (error->message, bad_files[i].message));

      after = tally_test_fingerprint (fixture->db_path);
      g_assert_cmpstr (before, ==, after);
    }
}

/* Input no fixture should hold: made on the spot. */
static void
test_hostile_input (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autofree char *before = tally_test_import_good (fixture);
  g_autofree char *path = g_build_filename (fixture->dir, "hostile.csv", NULL);
  const char *header = "election_date,council_code,ward_name,candidate,party,votes,elected\n";
  const char *row = "2018-05-03,E08000006,Test Ward North,Ada Example,Labour Party,12,0\n";
  struct
  {
    const char       *what;
    GString          *text;
    TallyImportError  code;
    const char       *message;
  } cases[4];

  /* A field of a megabyte. */
  cases[0].what = "long field";
  cases[0].text = g_string_new (header);
  g_string_append (cases[0].text, row);
  g_string_append (cases[0].text, "2018-05-03,E08000006,Test Ward North,");
  for (guint i = 0; i < 1024 * 1024; i++)
    g_string_append_c (cases[0].text, 'x');
  g_string_append (cases[0].text, ",Labour Party,12,0\n");
  cases[0].code = TALLY_IMPORT_ERROR_TOO_LONG;
  cases[0].message = "hostile.csv, line 3: field “candidate” is longer than 16384 bytes";

  /* A NUL in the middle of a name, on a line after a quoted field that
   * spans three lines. */
  cases[1].what = "NUL byte";
  cases[1].text = g_string_new (header);
  g_string_append (cases[1].text, "2018-05-03,E08000006,Test Ward North,\"Ada\nof\nThree Lines\",Labour Party,12,0\n");
  {
    /* Its length comes from the array, not a count: the literal is 63 bytes
     * and the NUL inside it makes strlen() useless. */
    static const char nul_row[] = "2018-05-03,E08000006,Test Ward North,Ada\0Nul,Labour Party,12,0\n";

    g_string_append_len (cases[1].text, nul_row, sizeof nul_row - 1);
  }
  cases[1].code = TALLY_IMPORT_ERROR_BINARY;
  cases[1].message = "hostile.csv, line 5: a NUL byte";

  /* Too many fields. */
  cases[2].what = "many fields";
  cases[2].text = g_string_new (header);
  for (guint i = 0; i < 1000; i++)
    g_string_append (cases[2].text, "x,");
  g_string_append (cases[2].text, "x\n");
  cases[2].code = TALLY_IMPORT_ERROR_TOO_LONG;
  cases[2].message = "hostile.csv, line 2: more than 256 fields in one row";

  /* Votes beyond any electorate. */
  cases[3].what = "huge number";
  cases[3].text = g_string_new (header);
  g_string_append (cases[3].text, "2018-05-03,E08000006,Test Ward North,Ada,Labour Party,99999999999999999999999,0\n");
  cases[3].code = TALLY_IMPORT_ERROR_VALUE;
  cases[3].message = "hostile.csv, line 2, field “votes”: “999999999999999999999”… is too large";

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(TallyImportSummary) summary = NULL;
      g_autoptr(GError) error = NULL;
      g_autofree char *after = NULL;

      g_test_message ("%s", cases[i].what);
      g_assert_true (g_file_set_contents (path, cases[i].text->str, cases[i].text->len, NULL));
      g_string_free (cases[i].text, TRUE);

      summary = tally_test_import_one (fixture->db_path, path, &error);
      g_assert_null (summary);
      g_assert_error (error, TALLY_IMPORT_ERROR, (int) cases[i].code);
      if (i == 3)
        g_assert_nonnull (strstr (error->message, "is too large"));
      else
        g_assert_nonnull (strstr (error->message, cases[i].message));

      after = tally_test_fingerprint (fixture->db_path);
      g_assert_cmpstr (before, ==, after);
    }
}

/* A file larger than a chunk is read ahead on a thread of its own once its
 * header is read (tally-import-csv.c): its rows, their lines, its checksum
 * and every kind of error must come out as they do read in turn, the
 * errors at the line where they are, after thousands of good rows, with
 * nothing stored. */
static void
test_read_ahead (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autofree char *before = tally_test_import_good (fixture);
  g_autofree char *path = g_build_filename (fixture->dir, "large.csv", NULL);
  g_autofree char *copy = g_build_filename (fixture->dir, "copy.db", NULL);
  g_autoptr(GString) good = g_string_new ("election_date,council_code,ward_name,candidate,party,votes,elected\n");
  const guint n_rows = 6000;  /* about 400 KB: several chunks, many batches */
  const struct
  {
    const char       *what;
    const char       *tail;
    gsize             length;
    TallyImportError  code;
    const char       *message;
  } cases[] = {
    { "value", "2018-05-03,E08000006,Ward Z,Bo,Labour Party,twelve,0\n", 0, TALLY_IMPORT_ERROR_VALUE,
      "large.csv, line 6002, field “votes”: “twelve” is not a whole number" },
    { "UTF-8", "2018-05-03,E08000006,Ward Z,Ren\xE9,Labour Party,12,0\n", 0, TALLY_IMPORT_ERROR_ENCODING,
      "large.csv, line 6002, field “candidate”: not UTF-8 text (byte 0xE9 after 3 characters)" },
    { "NUL", "2018-05-03,E08000006,Ward Z,\"Ada\nof Two\",Labour Party,12,0\nx\0y\n", 63, TALLY_IMPORT_ERROR_BINARY,
      "large.csv, line 6004: a NUL byte" },
    { "open quote", "2018-05-03,E08000006,Ward Z,\"Ada,Labour Party,12,0\n", 0, TALLY_IMPORT_ERROR_SYNTAX,
      "large.csv, line 6002: a quoted field is never closed" },
    { "fields", "2018-05-03,E08000006,Ward Z,Ada,Labour Party,12\n", 0, TALLY_IMPORT_ERROR_FIELDS,
      "large.csv, line 6002: 6 fields, but the header names 7" },
    { "carriage return", "2018-05-03,E08000006,Ward Z,Ada\rBo,Labour Party,12,0\n", 0, TALLY_IMPORT_ERROR_SYNTAX,
      "large.csv, line 6002: a carriage return in the middle of a line" },
  };
  g_autoptr(TallyImportSummary) summary = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *checksum = NULL;
  g_autofree char *stored = NULL;

  for (guint i = 0; i < n_rows; i++)
    g_string_append_printf (good, "2018-05-03,E08000006,Ward %u,Candidate %u,%s,%u,%d\n", i / 4, i,
                            i % 2 ? "Labour Party" : "Conservative and Unionist Party", 100 + i, i % 4 == 0);
  g_assert_cmpuint (good->len, >, 6 * 64 * 1024);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GString) text = g_string_new_len (good->str, good->len);
      g_autofree char *after = NULL;

      g_test_message ("%s", cases[i].what);
      g_string_append_len (text, cases[i].tail, cases[i].length > 0 ? (gssize) cases[i].length : -1);
      g_assert_true (g_file_set_contents (path, text->str, text->len, NULL));
      g_clear_error (&error);
      summary = tally_test_import_one (fixture->db_path, path, &error);
      g_assert_null (summary);
      g_assert_error (error, TALLY_IMPORT_ERROR, (int) cases[i].code);
      g_assert_nonnull (strstr (error->message, cases[i].message));
      after = tally_test_fingerprint (fixture->db_path);
      g_assert_cmpstr (before, ==, after);
    }

  /* Good to the end: every row, and the checksum of every byte. */
  g_assert_true (g_file_set_contents (path, good->str, good->len, NULL));
  g_clear_error (&error);
  summary = tally_test_import_one (copy, path, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (summary->rows_read, ==, n_rows);
  g_assert_cmpuint (summary->candidates, ==, n_rows);
  g_assert_cmpuint (summary->contests, ==, n_rows / 4);
  g_assert_cmpint (tally_test_query_int (copy, "SELECT count (*) FROM candidates WHERE votes = 100 + 5999"), ==, 1);
  checksum = g_compute_checksum_for_data (G_CHECKSUM_SHA1, (const guchar *) good->str, good->len);
  stored = tally_test_query_rows (copy, "SELECT checksum FROM imports");
  g_assert_cmpstr (g_strchomp (stored), ==, checksum);
}

/* New wards are written in batches, with ids the store hands out: more
 * wards than a batch holds, each contest under its own ward, and a code
 * that a later row gives a ward still waiting to be written reaching it. */
static void
test_wards_batched (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "wards.csv", NULL);
  g_autoptr(GString) text = g_string_new ("election_date,council_code,ward_name,ward_code,candidate,party,votes,elected\n");
  g_autoptr(TallyImportSummary) summary = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *codes = NULL;
  const char * const dates[] = { "2018-05-03", "2014-05-22" };

  /* The second election goes backwards: its first row gives a code to
   * the last ward of the first, which waits in the batch still. */
  for (guint d = 0; d < G_N_ELEMENTS (dates); d++)
    for (guint n = 0; n < 100; n++)
      {
        guint i = d == 0 ? n : 99 - n;

        g_string_append_printf (text, "%s,E08000006,Ward %03u,%s,Cand %03u,Labour Party,%u,1\n", dates[d], i,
                                d == 1 && (i == 5 || i == 99) ? (i == 5 ? "E05000005" : "E05000099") : "",
                                i, 100 + i);
      }
  g_assert_true (g_file_set_contents (path, text->str, text->len, NULL));

  summary = tally_test_import_one (fixture->db_path, path, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (summary->wards_added, ==, 100);
  g_assert_cmpuint (summary->contests, ==, 200);
  g_assert_cmpint (tally_test_query_int (fixture->db_path, "SELECT count (*) FROM wards"), ==, 100);
  g_assert_cmpint (tally_test_query_int (fixture->db_path,
                                         "SELECT count (*) FROM (SELECT ward_id FROM contests "
                                         "GROUP BY ward_id HAVING count (*) = 2)"), ==, 100);
  g_assert_cmpint (tally_test_query_int (fixture->db_path,
                                         "SELECT count (*) FROM candidates cd JOIN contests ct ON ct.id = cd.contest_id "
                                         "JOIN wards w ON w.id = ct.ward_id "
                                         "WHERE substr (cd.name, 6) = substr (w.name, 6)"), ==, 200);
  codes = tally_test_query_rows (fixture->db_path, "SELECT name, code FROM wards WHERE code IS NOT NULL ORDER BY name");
  g_assert_cmpstr (codes, ==, "Ward 005|E05000005\nWard 099|E05000099\n");
  g_assert_cmpint (tally_test_query_int (fixture->db_path,
                                         "SELECT count (*) FROM pragma_integrity_check WHERE integrity_check <> 'ok'"),
                   ==, 0);
}

/* Several files are one transaction: a bad one undoes the good ones. */
static void
test_atomic_files (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autofree char *before = tally_test_import_good (fixture);
  g_autoptr(TallyImportSummary) summary = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *after = NULL;

  summary = tally_test_import_files (fixture->db_path,
                                     (const char *[]) { "import-dc.csv", "import-leap-2014.csv",
                                                        "import-bad-votes.csv", NULL },
                                     &error);
  g_assert_error (error, TALLY_IMPORT_ERROR, TALLY_IMPORT_ERROR_VALUE);
  g_assert_null (summary);

  after = tally_test_fingerprint (fixture->db_path);
  g_assert_cmpstr (before, ==, after);
}

/* A failed first import leaves no database behind. */
static void
test_new_database_failed (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(TallyImportSummary) summary = NULL;
  g_autoptr(GError) error = NULL;

  summary = tally_test_import_one (fixture->db_path, "import-bad-votes.csv", &error);
  g_assert_error (error, TALLY_IMPORT_ERROR, TALLY_IMPORT_ERROR_VALUE);
  g_assert_false (g_file_test (fixture->db_path, G_FILE_TEST_EXISTS));
}

static void
test_bundled_refused (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(TallyImportSummary) summary = NULL;
  g_autoptr(GError) error = NULL;
  GStatBuf before, after;

  g_assert_cmpint (g_stat (tally_test_bundled_database (), &before), ==, 0);
  summary = tally_test_import_one (tally_test_bundled_database (), "import-good.csv", &error);
  g_assert_error (error, TALLY_DATABASE_ERROR, TALLY_DATABASE_ERROR_OPEN);
  g_assert_nonnull (strstr (error->message, "bundled database"));
  g_assert_cmpint (g_stat (tally_test_bundled_database (), &after), ==, 0);
  g_assert_cmpint (before.st_mtime, ==, after.st_mtime);
  g_assert_cmpint (before.st_size, ==, after.st_size);
}

/* Line numbers count physical lines, through quoted line breaks. */
static void
test_line_numbers (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "lines.csv", NULL);
  g_autoptr(TallyImportSummary) summary = NULL;
  g_autoptr(GError) error = NULL;
  const char *text =
    "\xEF\xBB\xBF" "election_date,council_code,ward_name,candidate,party,votes,elected\r\n"
    "\r\n"
    "2018-05-03,E08000006,Test Ward North,\"Ada\r\nof Two Lines\",Labour Party,12,1\r\n"
    "\r\n"
    "2018-05-03,E08000006,Test Ward North,Bo,Labour Party,twelve,0\r\n";

  g_assert_true (g_file_set_contents (path, text, -1, NULL));
  summary = tally_test_import_one (fixture->db_path, path, &error);
  g_assert_error (error, TALLY_IMPORT_ERROR, TALLY_IMPORT_ERROR_VALUE);
  g_assert_nonnull (strstr (error->message, "lines.csv, line 6, field “votes”: “twelve”"));
}

/* A contest whose rows the file splits is one contest: the store writes
 * each contest when the next begins, and takes it up again when the file
 * comes back to it (its winners, seats and declaration time go on adding). */
static void
test_split_contest (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "split.csv", NULL);
  const char *first =
    "election_date,council_code,ward_name,candidate,party,votes,elected,declared_at\n"
    "2018-05-03,E08000006,Split Ward A,Ada,Labour Party,30,1,2018-05-04T01:00:00Z\n"
    "2018-05-03,E08000006,Split Ward B,Bo,Labour Party,20,1,\n"
    "2018-05-03,E08000006,Split Ward B,Cy,Green Party,10,0,\n";
  const char *again =
    "2018-05-03,E08000006,Split Ward A,Di,Green Party,25,1,2018-05-04T02:00:00Z\n"
    "2018-05-03,E08000006,Split Ward A,Ed,Labour Party,5,0,\n";

  /* Come back to at once, and after 150 other contests: what the store
   * noted of ward A then waits to be written, or is in
   * temp.import_contests. */
  for (guint fillers = 0; fillers <= 150; fillers += 150)
    {
      g_autoptr(GString) text = g_string_new (first);
      g_autoptr(TallyImportSummary) summary = NULL;
      g_autoptr(GError) error = NULL;
      g_autofree char *rows = NULL;

      for (guint i = 0; i < fillers; i++)
        g_string_append_printf (text, "2018-05-03,E08000006,Filler Ward %u,Fay,Labour Party,10,1,\n", i);
      g_string_append (text, again);
      g_assert_true (g_file_set_contents (path, text->str, text->len, NULL));
      g_unlink (fixture->db_path);
      summary = tally_test_import_one (fixture->db_path, path, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (summary->contests, ==, 2 + fillers);
      g_assert_cmpuint (summary->candidates, ==, 5 + fillers);
      g_assert_false (tally_test_has_warning (summary, "elected than seats"));
      g_assert_false (tally_test_has_warning (summary, "nobody elected"));

      rows = tally_test_query_rows (fixture->db_path,
                                    "SELECT w.name, ct.seats, count (*), sum (c.elected), d.declared_at "
                                    "FROM contests ct JOIN wards w ON w.id = ct.ward_id "
                                    "JOIN candidates c ON c.contest_id = ct.id "
                                    "LEFT JOIN ward_declarations d ON d.contest_id = ct.id "
                                    "WHERE w.name LIKE 'Split Ward %' GROUP BY ct.id ORDER BY w.name");
      g_assert_cmpstr (rows, ==,
                       "Split Ward A|2|3|2|2018-05-04T02:00:00Z\n"
                       "Split Ward B|1|2|1|NULL\n");
    }
}

static void
write_generated_csv (const char *path,
                     guint       n_rows)
{
  g_autoptr(GString) text = g_string_new ("election_date,council_code,ward_name,candidate,party,votes,elected\n");
  static const char * const codes[] = { "E08000006", "E07000237", "E09000032", "E06000001" };

  for (guint i = 0; i < n_rows; i++)
    g_string_append_printf (text, "2018-05-03,%s,Ward %u,Person %u,%s,%u,%d\n",
                            codes[(i / 5000) % G_N_ELEMENTS (codes)], i / 5, i,
                            i % 2 ? "Labour Party" : "Conservative and Unionist Party",
                            i % 997, i % 5 == 0);

  g_assert_true (g_file_set_contents (path, text->str, text->len, NULL));
}

static void
test_cancel_before (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autofree char *before = tally_test_import_good (fixture);
  g_autoptr(TallyImporter) importer = NULL;
  g_autoptr(TallyImportSummary) summary = NULL;
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *after = NULL;

  importer = tally_test_new_importer (fixture->db_path, TALLY_IMPORT_FORMAT_AUTO,
                                      (const char *[]) { "import-dc.csv", NULL });
  g_cancellable_cancel (cancellable);
  summary = tally_importer_run (importer, cancellable, &error);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_null (summary);

  after = tally_test_fingerprint (fixture->db_path);
  g_assert_cmpstr (before, ==, after);
}

typedef struct
{
  GMainLoop          *loop;
  GCancellable       *cancellable;
  TallyImportSummary *summary;
  GError             *error;
  GArray             *fractions;
  gboolean            cancel_on_progress;
  gboolean            off_thread;
} AsyncRun;

static void
fraction_changed_cb (TallyImporter *importer,
                     GParamSpec    *pspec,
                     AsyncRun      *run)
{
  double fraction = tally_importer_get_fraction (importer);

  /* Notified on the thread that started the import. */
  if (!g_main_context_is_owner (g_main_context_default ()))
    run->off_thread = TRUE;

  g_array_append_val (run->fractions, fraction);
  if (run->cancel_on_progress && fraction > 0.0)
    g_cancellable_cancel (run->cancellable);
}

static void
import_done_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      data)
{
  AsyncRun *run = data;

  run->summary = tally_importer_run_finish (TALLY_IMPORTER (object), result, &run->error);
  g_main_loop_quit (run->loop);
}

static void
run_async (TallyImporter *importer,
           AsyncRun      *run)
{
  run->loop = g_main_loop_new (NULL, FALSE);
  run->fractions = g_array_new (FALSE, FALSE, sizeof (double));
  g_signal_connect (importer, "notify::fraction", G_CALLBACK (fraction_changed_cb), run);

  tally_importer_run_async (importer, run->cancellable, import_done_cb, run);
  g_main_loop_run (run->loop);

  g_signal_handlers_disconnect_by_data (importer, run);
  g_main_loop_unref (run->loop);
}

static void
test_async_progress (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "generated.csv", NULL);
  g_autoptr(TallyImporter) importer = NULL;
  AsyncRun run = { 0 };

  write_generated_csv (path, 100000);
  importer = tally_test_new_importer (fixture->db_path, TALLY_IMPORT_FORMAT_AUTO, (const char *[]) { path, NULL });
  run_async (importer, &run);

  g_assert_no_error (run.error);
  g_assert_nonnull (run.summary);
  g_assert_cmpuint (run.summary->candidates, ==, 100000);
  g_assert_cmpuint (run.summary->contests, ==, 20000);
  g_assert_false (run.off_thread);

  /* Never backwards, up to 1 at the end. */
  g_assert_cmpuint (run.fractions->len, >=, 3);
  g_assert_cmpfloat (g_array_index (run.fractions, double, 0), >, 0.0);
  for (guint i = 1; i < run.fractions->len; i++)
    g_assert_cmpfloat (g_array_index (run.fractions, double, i), >=,
                       g_array_index (run.fractions, double, i - 1));
  g_assert_cmpfloat (g_array_index (run.fractions, double, run.fractions->len - 1), ==, 1.0);
  g_assert_cmpfloat (tally_importer_get_fraction (importer), ==, 1.0);

  g_assert_cmpint (tally_test_query_int (fixture->db_path, "SELECT count(*) FROM candidates"),
                   ==, 100000);

  tally_import_summary_unref (run.summary);
  g_array_unref (run.fractions);
}

static void
test_async_cancel (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autofree char *before = tally_test_import_good (fixture);
  g_autofree char *path = g_build_filename (fixture->dir, "generated.csv", NULL);
  g_autoptr(TallyImporter) importer = NULL;
  g_autofree char *after = NULL;
  AsyncRun run = { 0 };

  write_generated_csv (path, 300000);
  importer = tally_test_new_importer (fixture->db_path, TALLY_IMPORT_FORMAT_AUTO, (const char *[]) { path, NULL });
  run.cancellable = g_cancellable_new ();
  run.cancel_on_progress = TRUE;
  run_async (importer, &run);

  g_assert_error (run.error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_null (run.summary);
  g_assert_true (g_cancellable_is_cancelled (run.cancellable));

  after = tally_test_fingerprint (fixture->db_path);
  g_assert_cmpstr (before, ==, after);

  g_clear_error (&run.error);
  g_object_unref (run.cancellable);
  g_array_unref (run.fractions);
}

static char *
run_tally (const char * const *args,
           const char         *data_home,
           int                *status,
           char              **err)
{
  g_auto(TallyTestRun) run = { 0 };

  tally_test_run_tally (&run, data_home, args);
  *status = run.status;
  *err = g_steal_pointer (&run.err);

  return g_steal_pointer (&run.out);
}

static void
test_cli (Fixture       *fixture,
          gconstpointer  data)
{
  g_autofree char *good = tally_test_data_path ("import-good.csv");
  g_autofree char *bad = tally_test_data_path ("import-bad-votes.csv");
  g_autofree char *leap = tally_test_data_path ("import-leap-nodate.csv");
  g_autofree char *user_db = g_build_filename (fixture->dir, "tally", "tally.db", NULL);
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  int status;

  /* Into the user's own database, made from the bundled one. */
  out = run_tally ((const char *[]) { "import", good, NULL }, fixture->dir, &status, &err);
  g_assert_cmpint (status, ==, 0);
  g_assert_nonnull (strstr (out, user_db));
  g_assert_nonnull (strstr (out, "Rows read: 8\nRows skipped: 0\nContests: 3\nCandidates: 8\n"
                                 "Councils: 2\nWards added: 3\nParties added: 1\n"));
  g_assert_nonnull (strstr (err, "warning: Council totals kept"));
  g_assert_true (g_file_test (user_db, G_FILE_TEST_EXISTS));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  /* A bad file: exit 1, the reason on stderr, nothing on stdout. */
  out = run_tally ((const char *[]) { "import", "--database", fixture->db_path, bad, NULL },
                   NULL, &status, &err);
  g_assert_cmpint (status, ==, 1);
  g_assert_cmpstr (out, ==, "");
  g_assert_nonnull (strstr (err, "import-bad-votes.csv, line 4, field “votes”"));
  g_assert_false (g_file_test (fixture->db_path, G_FILE_TEST_EXISTS));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  /* --format and --date */
  out = run_tally ((const char *[]) { "import", "-d", fixture->db_path, "--format", "leap",
                                      "--date", "2014-05-22", leap, NULL },
                   NULL, &status, &err);
  g_assert_cmpint (status, ==, 0);
  g_assert_nonnull (strstr (out, "Candidates: 1\n"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  /* Usage errors: exit 2. */
  out = run_tally ((const char *[]) { "import", NULL }, fixture->dir, &status, &err);
  g_assert_cmpint (status, ==, 2);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  out = run_tally ((const char *[]) { "import", "--format", "xlsx", good, NULL }, fixture->dir, &status, &err);
  g_assert_cmpint (status, ==, 2);
  g_assert_nonnull (strstr (err, "“xlsx” is not a format"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(name, func) \
  g_test_add (name, Fixture, NULL, tally_test_folder_setup, func, \
              tally_test_folder_teardown)

  ADD ("/import/errors/bad-files", test_bad_files);
  ADD ("/import/errors/hostile-input", test_hostile_input);
  ADD ("/import/errors/line-numbers", test_line_numbers);
  ADD ("/import/errors/read-ahead", test_read_ahead);
  ADD ("/import/split-contest", test_split_contest);
  ADD ("/import/wards-batched", test_wards_batched);
  ADD ("/import/atomic/several-files", test_atomic_files);
  ADD ("/import/atomic/new-database", test_new_database_failed);
  ADD ("/import/atomic/bundled-refused", test_bundled_refused);
  ADD ("/import/cancel/before", test_cancel_before);
  ADD ("/import/async/progress", test_async_progress);
  ADD ("/import/async/cancel", test_async_cancel);
  ADD ("/import/cli", test_cli);

#undef ADD

  return g_test_run ();
}
