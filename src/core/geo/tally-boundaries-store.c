/* tally-boundaries-store.c: council boundaries in a database.
 *
 * Reading the stored shapes back (tally_boundaries_load()), and importing
 * a GeoJSON or TopoJSON file: its features matched to the database's
 * councils by ONS code and stored in one transaction, with a report of
 * what was stored and what was not.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "tally-boundaries.h"
#include "tally-database-private.h"
#include "tally-geo-private.h"

/**
 * tally_boundaries_load:
 *
 * The boundaries stored in @database, by council code.  A database with
 * none gives an empty set.
 *
 * Returns: (transfer full) (nullable): the boundaries
 */
TallyBoundaries *
tally_boundaries_load (TallyDatabase  *database,
                       GError        **error)
{
  g_autoptr(TallyBoundaries) self = tally_boundaries_new ();
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (TALLY_IS_DATABASE (database), NULL);

  stmt = _tally_database_prepare (database,
                                  "SELECT c.code, c.name, b.geometry FROM boundaries b "
                                  "JOIN councils c ON c.id = b.council_id ORDER BY c.code",
                                  error);
  if (stmt == NULL)
    return NULL;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr(GBytes) bytes = NULL;
      g_autoptr(TallyGeometry) geometry = NULL;
      g_autoptr(GError) local_error = NULL;
      const char *code = (const char *) sqlite3_column_text (stmt, 0);

      bytes = g_bytes_new (sqlite3_column_blob (stmt, 2), sqlite3_column_bytes (stmt, 2));
      if (!(geometry = tally_geometry_unpack (bytes, &local_error)))
        {
          g_set_error (error, TALLY_GEO_ERROR, TALLY_GEO_ERROR_FORMAT,
                       _("The boundary of %s: %s"), code, local_error->message);
          return NULL;
        }

      tally_boundaries_add (self, code, (const char *) sqlite3_column_text (stmt, 1), geometry);
    }

  if (rc != SQLITE_DONE)
    {
      _tally_database_set_error (database, error, _("reading boundaries"));
      return NULL;
    }

  return g_steal_pointer (&self);
}

void
tally_boundary_import_free (TallyBoundaryImport *report)
{
  if (report == NULL)
    return;

  g_free (report->path);
  g_free (report->object_name);
  g_free (report->code_property);
  g_clear_pointer (&report->unmatched, g_ptr_array_unref);
  g_clear_pointer (&report->missing, g_ptr_array_unref);
  g_free (report);
}

typedef struct
{
  gint64  id;
  char   *name;
} KnownCouncil;

static void
known_council_free (KnownCouncil *council)
{
  g_free (council->name);
  g_free (council);
}

/**
 * tally_boundaries_import_file:
 * @database: a writable database
 * @path: a GeoJSON or TopoJSON file, in WGS84 or British National Grid
 *
 * Reads @path, matches its features to the database's councils by ONS code
 * and stores their shapes, replacing any the councils had, in one
 * transaction: a file that fails changes nothing.
 *
 * Returns: (transfer full) (nullable): what was stored and what was not
 */
TallyBoundaryImport *
tally_boundaries_import_file (TallyDatabase  *database,
                              const char     *path,
                              GCancellable   *cancellable,
                              GError        **error)
{
  g_autoptr(TallyBoundaryImport) report = NULL;
  g_autoptr(GHashTable) known = NULL;
  g_autoptr(GHashTable) merged = NULL;
  g_autoptr(TallyGeoFile) file = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GPtrArray) codes = NULL;
  g_autofree char *display_name = NULL;
  g_autofree char *source = NULL;
  int rc;

  g_return_val_if_fail (TALLY_IS_DATABASE (database), NULL);
  g_return_val_if_fail (path != NULL, NULL);

  display_name = g_filename_display_name (path);
  if (tally_database_get_read_only (database))
    {
      g_autofree char *database_name = g_filename_display_name (tally_database_get_path (database));

      g_set_error (error, TALLY_DATABASE_ERROR, TALLY_DATABASE_ERROR_OPEN,
                   _("Cannot import “%s”: the database “%s” is read-only"), display_name, database_name);
      return NULL;
    }

  known = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) known_council_free);
  stmt = _tally_database_prepare (database, "SELECT id, code, name FROM councils", error);
  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      KnownCouncil *council = g_new0 (KnownCouncil, 1);

      council->id = sqlite3_column_int64 (stmt, 0);
      council->name = g_strdup ((const char *) sqlite3_column_text (stmt, 2));
      g_hash_table_insert (known, g_strdup ((const char *) sqlite3_column_text (stmt, 1)), council);
    }
  if (rc != SQLITE_DONE)
    {
      _tally_database_set_error (database, error, _("reading councils"));
      return NULL;
    }
  g_clear_pointer (&stmt, sqlite3_finalize);

  if (!(file = tally_geo_file_load (path, known, cancellable, error)))
    return NULL;

  report = g_new0 (TallyBoundaryImport, 1);
  report->path = g_strdup (display_name);
  report->format = file->format;
  report->crs = file->crs;
  report->object_name = g_strdup (file->object_name);
  report->code_property = g_strdup (file->code_property);
  report->n_features = file->features->len;
  report->unmatched = g_ptr_array_new_with_free_func (g_free);
  report->missing = g_ptr_array_new_with_free_func (g_free);

  if (file->code_property == NULL)
    {
      g_set_error (error, TALLY_GEO_ERROR, TALLY_GEO_ERROR_NO_MATCH,
                   _("“%s”: no property of its %u features holds ONS council codes such as E06000001"),
                   display_name, file->features->len);
      return NULL;
    }

  /* A council in several features (islands listed apart) is one shape. */
  merged = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, (GDestroyNotify) tally_geometry_unref);
  codes = g_ptr_array_new ();
  for (guint i = 0; i < file->features->len; i++)
    {
      TallyGeoFeature *feature = g_ptr_array_index (file->features, i);
      TallyGeometry *existing;

      if (feature->code == NULL || !g_hash_table_contains (known, feature->code))
        {
          g_ptr_array_add (report->unmatched,
                           g_strdup_printf ("%s %s", feature->code ? feature->code : _("(no code)"),
                                            feature->name ? feature->name : ""));
          continue;
        }

      if ((existing = g_hash_table_lookup (merged, feature->code)) != NULL)
        g_hash_table_insert (merged, feature->code, _tally_geometry_merge (existing, feature->geometry));
      else
        {
          g_hash_table_insert (merged, feature->code, tally_geometry_ref (feature->geometry));
          g_ptr_array_add (codes, feature->code);
        }
    }

  if (codes->len == 0)
    {
      g_set_error (error, TALLY_GEO_ERROR, TALLY_GEO_ERROR_NO_MATCH,
                   _("“%s”: none of its %u features is a council this database knows (codes read from “%s”)"),
                   display_name, file->features->len, file->code_property);
      return NULL;
    }

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return NULL;

  source = g_path_get_basename (path);
  if (!_tally_database_begin (database, error))
    return NULL;

  stmt = _tally_database_prepare (database,
                                  "INSERT OR REPLACE INTO boundaries (council_id, source, geometry) VALUES (?, ?, ?)",
                                  error);
  if (stmt == NULL)
    {
      _tally_database_rollback (database);
      return NULL;
    }

  for (guint i = 0; i < codes->len; i++)
    {
      const char *code = g_ptr_array_index (codes, i);
      KnownCouncil *council = g_hash_table_lookup (known, code);
      g_autoptr(GBytes) packed = tally_geometry_pack (g_hash_table_lookup (merged, code));
      gsize size;
      gconstpointer data = g_bytes_get_data (packed, &size);

      sqlite3_reset (stmt);
      sqlite3_bind_int64 (stmt, 1, council->id);
      sqlite3_bind_text (stmt, 2, source, -1, SQLITE_STATIC);
      sqlite3_bind_blob64 (stmt, 3, data, size, SQLITE_STATIC);
      if (sqlite3_step (stmt) != SQLITE_DONE)
        {
          _tally_database_set_error (database, error, _("storing a boundary"));
          g_clear_pointer (&stmt, sqlite3_finalize);
          _tally_database_rollback (database);
          return NULL;
        }
    }
  g_clear_pointer (&stmt, sqlite3_finalize);

  if (g_cancellable_set_error_if_cancelled (cancellable, error) ||
      !_tally_database_commit (database, error))
    {
      _tally_database_rollback (database);
      return NULL;
    }

  report->n_stored = codes->len;

  /* Councils left without a shape, in code order. */
  {
    g_autoptr(GList) known_codes = g_list_sort (g_hash_table_get_keys (known), (GCompareFunc) g_strcmp0);

    for (GList *l = known_codes; l != NULL; l = l->next)
      if (!g_hash_table_contains (merged, l->data))
        {
          KnownCouncil *council = g_hash_table_lookup (known, l->data);

          g_ptr_array_add (report->missing, g_strdup_printf ("%s %s", (char *) l->data, council->name));
        }
  }

  return g_steal_pointer (&report);
}
