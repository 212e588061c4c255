/* tally-import-match.c: finding what imported rows name.
 *
 * Rows from elsewhere name councils, wards, parties and elections in their
 * own ways.  The store matches each to the database: councils by ONS code,
 * else by a normalised name ("Kingston upon Hull, City of", "Kingston upon
 * Hull" and the slug "kingston-upon-hull" agree); wards by code, else by
 * normalised name within their council, and are added when new; parties by
 * key, alias, full or short name, and are added to the "other" group when
 * unknown, never dropped; elections by date, and are added when new.  A
 * council that matches nothing is reported, with its rows, not guessed.
 *
 * Speed: what the database holds is read into hash tables once, when the
 * store is made, and each spelling a row uses is matched once.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "tally-import-store-private.h"

/* Names under which other files spell the bundled parties.  Only exact names
 * go here: "Liberal Party", "Independent Labour" or LEAP's "IndLab" are other
 * parties, and are kept as such. */
static const struct
{
  const char *key;
  const char *alias;
} builtin_aliases[] = {
  /* Democracy Club's register names */
  { "CON", "Conservative and Unionist Party" },
  { "LAB", "Labour Party" },
  { "LAB", "Labour and Co-operative Party" },
  { "LD", "Liberal Democrats" },
  { "GRN", "Green Party" },
  { "UKIP", "UK Independence Party (UKIP)" },
  { "IND", "Independent" },
  /* LEAP's codes */
  { "CON", "C" },
  { "LAB", "Lab" },
  { "LD", "LD" },
  { "GRN", "Grn" },
  { "UKIP", "UKIP" },
  { "IND", "Ind" },
  /* Common spellings in newsroom feeds */
  { "CON", "Conservative Party" },
  { "CON", "Conservatives" },
  { "LAB", "Labour Co-operative" },
  { "LAB", "Labour and Co-operative" },
  { "LD", "Liberal Democrat" },
  { "LD", "Lib Dem" },
  { "LD", "Lib Dems" },
  { "GRN", "Green" },
  { "GRN", "Greens" },
  { "GRN", "Green Party of England and Wales" },
  { "UKIP", "UK Independence Party" },
};

/* Words that decorate council names without telling councils apart. */
static const char * const council_prefixes[] = {
  "city-of-", "royal-borough-of-", "london-borough-of-", "borough-of-", "council-of-the-",
};
static const char * const council_suffixes[] = {
  "-city-of", "-county-of", "-metropolitan-borough-council", "-borough-council",
  "-district-council", "-city-council", "-county-council", "-council",
};

/**
 * _tally_import_name_key:
 *
 * Returns: (transfer full): @name in lower-case ASCII, "&" spelt "and", dots
 *   and apostrophes dropped, and every other run of non-alphanumerics one "-"
 */
char *
_tally_import_name_key (const char *name)
{
  g_autofree char *ascii = g_str_to_ascii (name, "C");
  GString *key = g_string_sized_new (strlen (ascii));
  gboolean gap = FALSE;

  for (const char *p = ascii; *p != '\0'; p++)
    {
      if (g_ascii_isalnum (*p))
        {
          if (gap && key->len > 0)
            g_string_append_c (key, '-');
          g_string_append_c (key, g_ascii_tolower (*p));
          gap = FALSE;
        }
      else if (*p == '&')
        {
          if (key->len > 0)
            g_string_append_c (key, '-');
          g_string_append (key, "and");
          gap = TRUE;
        }
      else if (*p != '.' && *p != '\'')
        {
          gap = TRUE;
        }
    }

  return g_string_free (key, FALSE);
}

static char *
council_key (const char *name)
{
  char *key = _tally_import_name_key (name);
  gsize length = strlen (key);

  for (guint i = 0; i < G_N_ELEMENTS (council_prefixes); i++)
    {
      gsize prefix_length = strlen (council_prefixes[i]);

      if (length > prefix_length && strncmp (key, council_prefixes[i], prefix_length) == 0)
        {
          memmove (key, key + prefix_length, length - prefix_length + 1);
          length -= prefix_length;
          break;
        }
    }

  for (guint i = 0; i < G_N_ELEMENTS (council_suffixes); i++)
    {
      if (length > strlen (council_suffixes[i]) && g_str_has_suffix (key, council_suffixes[i]))
        {
          length -= strlen (council_suffixes[i]);
          key[length] = '\0';
          break;
        }
    }

  return key;
}

gboolean
_tally_import_store_add_builtin_aliases (TallyImportStore  *self,
                                         GError           **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  stmt = _tally_database_prepare (self->database,
                                  "INSERT OR IGNORE INTO party_aliases (alias, party_id) "
                                  "SELECT ?2, id FROM parties WHERE key = ?1",
                                  error);
  if (stmt == NULL)
    return FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (builtin_aliases); i++)
    {
      sqlite3_bind_text (stmt, 1, builtin_aliases[i].key, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 2, builtin_aliases[i].alias, -1, SQLITE_STATIC);
      if (!step_done (self, stmt, N_("adding party aliases"), error))
        return FALSE;
    }

  return TRUE;
}

static void
add_folded_party_name (TallyImportStore *self,
                       const char       *name,
                       gint64            id)
{
  if (name != NULL && name[0] != '\0')
    g_hash_table_replace (self->parties_folded, g_utf8_casefold (name, -1), id_new (id));
}

gboolean
_tally_import_store_load_parties (TallyImportStore  *self,
                                  GError           **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  stmt = _tally_database_prepare (self->database,
                                  "SELECT id, key, short_name, full_name, colour, colour_safe, "
                                  "max(position) OVER () FROM parties ORDER BY position",
                                  error);
  if (stmt == NULL)
    return FALSE;

  /* Later entries win: a full name over another party's short name. */
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      const char *key = (const char *) sqlite3_column_text (stmt, 1);

      g_hash_table_replace (self->parties_exact, g_strdup (key), id_new (id));
      g_hash_table_replace (self->party_keys, id_new (id), g_strdup (key));
      add_folded_party_name (self, (const char *) sqlite3_column_text (stmt, 2), id);
      self->last_position = sqlite3_column_int64 (stmt, 6);

      if (g_strcmp0 (key, "OTH") == 0)
        {
          set_str (&self->other_colour, (const char *) sqlite3_column_text (stmt, 4));
          set_str (&self->other_colour_safe, (const char *) sqlite3_column_text (stmt, 5));
        }
    }
  if (rc != SQLITE_DONE)
    goto failed;

  sqlite3_reset (stmt);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    add_folded_party_name (self, (const char *) sqlite3_column_text (stmt, 3),
                           sqlite3_column_int64 (stmt, 0));
  if (rc != SQLITE_DONE)
    goto failed;

  g_clear_pointer (&stmt, sqlite3_finalize);
  if (!(stmt = _tally_database_prepare (self->database,
                                        "SELECT alias, party_id FROM party_aliases", error)))
    return FALSE;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    add_folded_party_name (self, (const char *) sqlite3_column_text (stmt, 0),
                           sqlite3_column_int64 (stmt, 1));
  if (rc != SQLITE_DONE)
    goto failed;

  if (self->other_colour == NULL)
    {
      /* A database without an Other party still gets a neutral grey. */
      self->other_colour = g_strdup ("#6E6E6E");
      self->other_colour_safe = g_strdup ("#4D4D4D");
    }

  return TRUE;

failed:
  _tally_database_set_error (self->database, error, _("reading parties"));
  return FALSE;
}

gboolean
_tally_import_store_load_councils (TallyImportStore  *self,
                                   GError           **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  if (!(stmt = _tally_database_prepare (self->database, "SELECT id, code, name FROM councils", error)))
    return FALSE;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      const char *name = (const char *) sqlite3_column_text (stmt, 2);
      char *key = council_key (name);

      g_hash_table_insert (self->council_codes,
                           g_strdup ((const char *) sqlite3_column_text (stmt, 1)), id_new (id));
      g_hash_table_insert (self->council_names, id_new (id), g_strdup (name));

      /* Two councils with one key would be a guess: match neither. */
      if (g_hash_table_contains (self->council_keys, key))
        g_hash_table_replace (self->council_keys, key, id_new (0));
      else
        g_hash_table_insert (self->council_keys, key, id_new (id));
    }
  if (rc != SQLITE_DONE)
    {
      _tally_database_set_error (self->database, error, _("reading councils"));
      return FALSE;
    }

  return TRUE;
}

static char *
ward_key (gint64      council_id,
          const char *name)
{
  g_autofree char *key = _tally_import_name_key (name);

  return g_strdup_printf ("%" G_GINT64_FORMAT ":%s", council_id, key);
}

static void
remember_ward (TallyImportStore *self,
               gint64            id,
               gint64            council_id,
               const char       *code,
               const char       *name,
               gboolean          had_contests)
{
  Ward *ward = g_new0 (Ward, 1);

  ward->id = id;
  ward->council_id = council_id;
  ward->code = g_strdup (code);
  ward->had_contests = had_contests;
  g_ptr_array_add (self->wards, ward);

  if (code != NULL)
    g_hash_table_replace (self->wards_by_code, g_strdup (code), ward);
  g_hash_table_replace (self->wards_by_key, ward_key (council_id, name), ward);
}

gboolean
_tally_import_store_load_other_tables (TallyImportStore  *self,
                                       GError           **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  if (!(stmt = _tally_database_prepare (self->database, "SELECT id, date FROM elections", error)))
    return FALSE;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_hash_table_insert (self->elections, g_strdup ((const char *) sqlite3_column_text (stmt, 1)),
                         id_new (sqlite3_column_int64 (stmt, 0)));
  if (rc != SQLITE_DONE)
    goto failed;

  g_clear_pointer (&stmt, sqlite3_finalize);
  if (!(stmt = _tally_database_prepare (self->database,
                                        "SELECT DISTINCT w.council_id FROM contests ct "
                                        "JOIN wards w ON w.id = ct.ward_id",
                                        error)))
    return FALSE;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_hash_table_add (self->contested, id_new (sqlite3_column_int64 (stmt, 0)));
  if (rc != SQLITE_DONE)
    goto failed;

  /* Which wards have contests: one pass over contests into a temporary
   * index, not a look per ward (the index on contests by ward is dropped
   * during a large import, and a look per ward then scanned every contest
   * for every ward: replacing 3,260 contests took 10 times the fresh
   * import). */
  g_clear_pointer (&stmt, sqlite3_finalize);
  if (!(stmt = _tally_database_prepare (self->database,
                                        "SELECT id, council_id, code, name, "
                                        "id IN (SELECT ward_id FROM contests) "
                                        "FROM wards",
                                        error)))
    return FALSE;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    remember_ward (self, sqlite3_column_int64 (stmt, 0), sqlite3_column_int64 (stmt, 1),
                   (const char *) sqlite3_column_text (stmt, 2),
                   (const char *) sqlite3_column_text (stmt, 3),
                   sqlite3_column_int (stmt, 4));
  if (rc != SQLITE_DONE)
    goto failed;

  return TRUE;

failed:
  _tally_database_set_error (self->database, error, _("reading the database"));
  return FALSE;
}
/**
 * _tally_import_store_find_council:
 * @code: (nullable): an ONS code
 * @name: (nullable): a name or slug, tried when the code matches nothing
 *
 * Returns: the council's id, or 0 when nothing matches (the row is then
 *   counted as unmatched and reported at the end of the file)
 */
gint64
_tally_import_store_find_council (TallyImportStore *self,
                                  const char       *code,
                                  const char       *name)
{
  g_autofree char *cache_key = NULL;
  Unmatched *unmatched;
  gpointer cached;
  gint64 id = 0;

  g_assert (self != NULL);

  if (code != NULL && code[0] == '\0')
    code = NULL;
  if (name != NULL && name[0] == '\0')
    name = NULL;

  cache_key = g_strconcat (code ? code : "", "\x1f", name ? name : "", NULL);
  if (g_hash_table_lookup_extended (self->council_cache, cache_key, NULL, &cached))
    id = id_get (cached);
  else
    {
      if (code != NULL)
        {
          g_autofree char *upper = g_ascii_strup (code, -1);

          id = id_get (g_hash_table_lookup (self->council_codes, upper));
        }

      if (id == 0 && name != NULL)
        {
          g_autofree char *key = council_key (name);

          id = id_get (g_hash_table_lookup (self->council_keys, key));
        }

      g_hash_table_insert (self->council_cache, g_strdup (cache_key), id_new (id));
    }

  if (id != 0)
    return id;

  if (!(unmatched = g_hash_table_lookup (self->unmatched, cache_key)))
    {
      unmatched = g_new0 (Unmatched, 1);
      if (name != NULL && code != NULL)
        unmatched->name = g_strdup_printf ("%s (%s)", name, code);
      else
        unmatched->name = g_strdup (name != NULL ? name : code != NULL ? code : "");
      unmatched->first_line = self->reader ? tally_csv_reader_get_line (self->reader) : 0;
      g_hash_table_insert (self->unmatched, g_steal_pointer (&cache_key), unmatched);
    }
  unmatched->rows++;
  self->last_unmatched = unmatched;

  return 0;
}

static char *
make_party_key (TallyImportStore *self,
                const char       *name)
{
  g_autofree char *base = _tally_import_name_key (name);
  g_autoptr(GHashTable) keys = g_hash_table_new (g_str_hash, g_str_equal);
  GHashTableIter iter;
  gpointer value;
  char *key;

  if (strlen (base) > 40)
    base[40] = '\0';
  if (base[0] == '\0')
    set_str (&base, "party");

  g_hash_table_iter_init (&iter, self->party_keys);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    g_hash_table_add (keys, value);

  key = g_strdup (base);
  for (guint n = 2; g_hash_table_contains (keys, key); n++)
    {
      g_free (key);
      key = g_strdup_printf ("%s-%u", base, n);
    }

  return key;
}

/**
 * _tally_import_store_find_party:
 * @name: a party key, alias, full or short name, as a file spells it
 *
 * Matches @name case-insensitively; a party nobody has heard of is added to
 * the "other" group under its own name.
 *
 * Returns: the party's id, or 0 with @error set
 */
gint64
_tally_import_store_find_party (TallyImportStore  *self,
                                const char        *name,
                                GError           **error)
{
  g_autofree char *folded = NULL;
  g_autofree char *key = NULL;
  gint64 id;

  g_assert (self != NULL);
  g_assert (name != NULL && name[0] != '\0');

  if ((id = id_get (g_hash_table_lookup (self->parties_exact, name))) != 0)
    return id;

  folded = g_utf8_casefold (name, -1);
  if ((id = id_get (g_hash_table_lookup (self->parties_folded, folded))) == 0)
    {
      key = make_party_key (self, name);
      sqlite3_bind_text (self->insert_party, 1, key, -1, SQLITE_STATIC);
      sqlite3_bind_text (self->insert_party, 2, name, -1, SQLITE_STATIC);
      sqlite3_bind_text (self->insert_party, 3, self->other_colour, -1, SQLITE_STATIC);
      sqlite3_bind_text (self->insert_party, 4, self->other_colour_safe, -1, SQLITE_STATIC);
      sqlite3_bind_int64 (self->insert_party, 5, ++self->last_position);
      if (!step_done (self, self->insert_party, N_("adding a party"), error))
        return 0;

      id = sqlite3_last_insert_rowid (_tally_database_get_handle (self->database));
      g_hash_table_insert (self->party_keys, id_new (id), g_steal_pointer (&key));
      g_hash_table_insert (self->parties_folded, g_strdup (folded), id_new (id));
      g_ptr_array_add (self->summary->new_parties, g_strdup (name));
      self->summary->parties_added++;
    }

  g_hash_table_insert (self->parties_exact, g_strdup (name), id_new (id));
  return id;
}

/**
 * _tally_import_store_find_election:
 * @date: a polling day, YYYY-MM-DD, already checked
 *
 * Returns: the election's id; one is added, with a warning, when the
 *   database has no election that day.  0 with @error set on a database error.
 */
gint64
_tally_import_store_find_election (TallyImportStore  *self,
                                   const char        *date,
                                   GError           **error)
{
  g_autofree char *name = NULL;
  gint64 id;

  g_assert (self != NULL);

  if ((id = id_get (g_hash_table_lookup (self->elections, date))) != 0)
    return id;

  name = g_strdup_printf (_("Local elections %s"), date);
  sqlite3_bind_text (self->insert_election, 1, date, -1, SQLITE_STATIC);
  sqlite3_bind_text (self->insert_election, 2, name, -1, SQLITE_STATIC);
  if (!step_done (self, self->insert_election, N_("adding an election"), error))
    return 0;

  id = sqlite3_last_insert_rowid (_tally_database_get_handle (self->database));
  g_hash_table_insert (self->elections, g_strdup (date), id_new (id));
  _tally_import_summary_warn (self->summary, _("%s: the database had no election on %s; added “%s”"),
                              self->reader ? tally_csv_reader_get_display_name (self->reader) : "",
                              date, name);
  return id;
}

/**
 * _tally_import_store_find_elections_in_year:
 *
 * Returns: (transfer full) (element-type utf8): the dates of the elections
 *   held in @year, in order
 */
GArray *
_tally_import_store_find_elections_in_year (TallyImportStore *self,
                                            int               year)
{
  GArray *dates = g_array_new (FALSE, FALSE, sizeof (const char *));
  g_autofree char *prefix = g_strdup_printf ("%04d-", year);
  GHashTableIter iter;
  gpointer date;

  g_hash_table_iter_init (&iter, self->elections);
  while (g_hash_table_iter_next (&iter, &date, NULL))
    if (g_str_has_prefix (date, prefix))
      g_array_append_val (dates, date);

  g_array_sort (dates, (GCompareFunc) g_strcmp0);
  return dates;
}

static Ward *
match_ward (TallyImportStore  *self,
            gint64             council_id,
            const char        *code,
            const char        *name,
            GError           **error)
{
  g_autofree char *key = ward_key (council_id, name);
  PendingWard *pending;
  Ward *ward = NULL;

  if (code != NULL && code[0] == '\0')
    code = NULL;

  if (code != NULL)
    {
      ward = g_hash_table_lookup (self->wards_by_code, code);
      if (ward != NULL && ward->council_id != council_id)
        ward = NULL;
    }

  if (ward == NULL && (ward = g_hash_table_lookup (self->wards_by_key, key)) != NULL)
    {
      if (code != NULL && ward->code == NULL)
        {
          /* The UPDATE must find the row. */
          if (!_tally_import_store_flush_wards (self, error))
            return NULL;
          sqlite3_bind_int64 (self->update_ward_code, 1, ward->id);
          sqlite3_bind_text (self->update_ward_code, 2, code, -1, SQLITE_STATIC);
          if (!step_done (self, self->update_ward_code, N_("writing a ward"), error))
            return NULL;
          ward->code = g_strdup (code);
          g_hash_table_replace (self->wards_by_code, g_strdup (code), ward);
        }
      return ward;
    }

  if (ward != NULL)
    return ward;

  pending = &self->pending_wards[self->n_pending_wards++];
  pending->id = self->next_ward_id++;
  pending->council_id = council_id;
  pending->code = G_MAXSIZE;
  if (code != NULL)
    {
      pending->code = self->pending_ward_text->len;
      g_string_append_len (self->pending_ward_text, code, strlen (code) + 1);
    }
  pending->name = self->pending_ward_text->len;
  g_string_append_len (self->pending_ward_text, name, strlen (name) + 1);

  remember_ward (self, pending->id, council_id, code, name, FALSE);
  self->summary->wards_added++;

  if (self->n_pending_wards == BATCH_ROWS && !_tally_import_store_flush_wards (self, error))
    return NULL;

  return g_ptr_array_index (self->wards, self->wards->len - 1);
}

/**
 * _tally_import_store_flush_wards:
 *
 * Writes the wards added since the last time, BATCH_ROWS to an INSERT,
 * with the ids the store gave them (it holds the write lock).  Called
 * before anything reads wards from the database
 * (_tally_import_store_flush_contests() does).
 */
gboolean
_tally_import_store_flush_wards (TallyImportStore  *self,
                                 GError           **error)
{
  const char *text = self->pending_ward_text->str;
  gboolean whole_batch = (self->n_pending_wards == BATCH_ROWS);
  sqlite3_stmt *stmt = whole_batch ? _tally_import_store_batch (self, TALLY_IMPORT_BATCH_WARDS, error)
                                   : self->insert_ward;

  if (stmt == NULL)
    return FALSE;

  for (guint i = 0; i < self->n_pending_wards; i++)
    {
      PendingWard *pending = &self->pending_wards[i];
      int first = whole_batch ? 4 * i : 0;

      sqlite3_bind_int64 (stmt, first + 1, pending->id);
      sqlite3_bind_int64 (stmt, first + 2, pending->council_id);
      if (pending->code != G_MAXSIZE)
        sqlite3_bind_text (stmt, first + 3, text + pending->code, -1, SQLITE_STATIC);
      else
        sqlite3_bind_null (stmt, first + 3);
      sqlite3_bind_text (stmt, first + 4, text + pending->name, -1, SQLITE_STATIC);

      if (!whole_batch && !step_done (self, stmt, N_("adding a ward"), error))
        return FALSE;
    }

  if (whole_batch && !step_done (self, stmt, N_("adding wards"), error))
    return FALSE;

  self->n_pending_wards = 0;
  g_string_truncate (self->pending_ward_text, 0);
  return TRUE;
}

/* Rows spell a ward the same way many times: match each spelling once. */
Ward *
_tally_import_store_find_ward (TallyImportStore  *self,
                               gint64             council_id,
                               const char        *code,
                               const char        *name,
                               GError           **error)
{
  RowKey key = { council_id, 0, name, code };
  Ward *ward;

  if ((ward = g_hash_table_lookup (self->wards_by_row, &key)) != NULL)
    return ward;

  if ((ward = match_ward (self, council_id, code, name, error)) != NULL)
    g_hash_table_insert (self->wards_by_row, row_key_copy (&key), ward);

  return ward;
}
