/* tally-hexjson.c: hex cartograms in the HexJSON format of Open Innovations.
 *
 *   { "layout": "odd-r",
 *     "hexes": { "E06000001": { "n": "Hartlepool", "q": 8, "r": 19 }, … } }
 *
 * `layout` is one of odd-r, even-r, odd-q, even-q (see tally-hex-layout.h
 * for what each means); each member of `hexes` is keyed by the area's code
 * and holds its column q and row r, with r growing northwards.  Other
 * members (colours, regions, the `boundaries` extension) are read past.
 * Tally writes `n` for the name, as Open Innovations' own files do.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>
#include <math.h>
#include <stdlib.h>

#include "tally-geo-private.h"
#include "tally-hexjson.h"

G_GNUC_PRINTF (4, 5)
static TallyHexLayout *
hexjson_error (GError     **error,
               int          code,
               const char  *display_name,
               const char  *format,
               ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  g_set_error (error, TALLY_GEO_ERROR, code, _("“%s”: %s"), display_name, message);
  return NULL;
}

/* q and r are integers; some files write them as strings ("8"). */
static gboolean
read_coordinate (JsonObject *hex,
                 const char *name,
                 int        *value)
{
  JsonNode *node = json_object_get_member (hex, name);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node))
    return FALSE;

  switch (json_node_get_value_type (node))
    {
    case G_TYPE_INT64:
      {
        gint64 integer = json_node_get_int (node);

        if (integer < G_MININT || integer > G_MAXINT)
          return FALSE;
        *value = (int) integer;
        return TRUE;
      }
    case G_TYPE_DOUBLE:
      {
        double number = json_node_get_double (node);

        if (!isfinite (number) || number != floor (number) || fabs (number) > G_MAXINT)
          return FALSE;
        *value = (int) number;
        return TRUE;
      }
    case G_TYPE_STRING:
      {
        const char *text = json_node_get_string (node);
        char *end = NULL;
        gint64 integer = g_ascii_strtoll (text, &end, 10);

        if (end == text || *end != '\0' || integer < G_MININT || integer > G_MAXINT)
          return FALSE;
        *value = (int) integer;
        return TRUE;
      }
    default:
      return FALSE;
    }
}

static const char *
read_name (JsonObject *hex)
{
  const char * const keys[] = { "n", "name", NULL };

  for (guint i = 0; keys[i] != NULL; i++)
    {
      JsonNode *node = json_object_get_member (hex, keys[i]);

      if (node != NULL && JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING)
        return json_node_get_string (node);
    }

  return NULL;
}

/**
 * tally_hexjson_parse:
 * @display_name: what errors call the file
 *
 * Returns: (transfer full) (nullable): the layout, its hexes sorted by code
 */
TallyHexLayout *
tally_hexjson_parse (const char  *data,
                     gssize       length,
                     const char  *display_name,
                     GError     **error)
{
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  g_autoptr(GError) parse_error = NULL;
  g_autoptr(TallyHexLayout) layout = NULL;
  g_autoptr(GList) codes = NULL;
  JsonNode *root, *layout_node, *hexes_node;
  JsonObject *root_object, *hexes;
  TallyHexOffset offset;

  g_return_val_if_fail (data != NULL, NULL);
  g_return_val_if_fail (display_name != NULL, NULL);

  if (!_tally_json_check_depth (data, length, display_name, error))
    return NULL;

  if (!json_parser_load_from_data (parser, data, length, &parse_error))
    return hexjson_error (error, TALLY_GEO_ERROR_PARSE, display_name, _("not JSON: %s"), parse_error->message);

  root = json_parser_get_root (parser);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    return hexjson_error (error, TALLY_GEO_ERROR_FORMAT, display_name, _("not HexJSON: it is not a JSON object"));

  root_object = json_node_get_object (root);
  layout_node = json_object_get_member (root_object, "layout");
  hexes_node = json_object_get_member (root_object, "hexes");

  if (layout_node == NULL || !JSON_NODE_HOLDS_VALUE (layout_node) ||
      json_node_get_value_type (layout_node) != G_TYPE_STRING)
    return hexjson_error (error, TALLY_GEO_ERROR_FORMAT, display_name, _("not HexJSON: it has no “layout”"));

  if (!tally_hex_offset_from_string (json_node_get_string (layout_node), &offset))
    return hexjson_error (error, TALLY_GEO_ERROR_FORMAT, display_name,
                          _("its layout “%s” is none of odd-r, even-r, odd-q and even-q"),
                          json_node_get_string (layout_node));

  if (hexes_node == NULL || !JSON_NODE_HOLDS_OBJECT (hexes_node))
    return hexjson_error (error, TALLY_GEO_ERROR_FORMAT, display_name, _("not HexJSON: it has no “hexes” object"));

  hexes = json_node_get_object (hexes_node);
  layout = tally_hex_layout_new (offset);
  tally_hex_layout_set_source (layout, display_name);

  /* Sorted, so that a layout reads the same whatever the file's order. */
  codes = g_list_sort (json_object_get_members (hexes), (GCompareFunc) g_strcmp0);
  for (GList *l = codes; l != NULL; l = l->next)
    {
      const char *code = l->data;
      JsonNode *node = json_object_get_member (hexes, code);
      g_autoptr(GError) add_error = NULL;
      JsonObject *hex;
      int q, r;

      if (!JSON_NODE_HOLDS_OBJECT (node))
        return hexjson_error (error, TALLY_GEO_ERROR_FORMAT, display_name,
                              _("the hex “%s” is not a JSON object"), code);

      hex = json_node_get_object (node);
      if (!read_coordinate (hex, "q", &q) || !read_coordinate (hex, "r", &r))
        return hexjson_error (error, TALLY_GEO_ERROR_FORMAT, display_name,
                              _("the hex “%s” needs integer “q” and “r”"), code);

      if (!tally_hex_layout_add (layout, code, read_name (hex), q, r, &add_error))
        return hexjson_error (error, TALLY_GEO_ERROR_FORMAT, display_name, "%s", add_error->message);
    }

  if (tally_hex_layout_get_n_hexes (layout) == 0)
    return hexjson_error (error, TALLY_GEO_ERROR_FORMAT, display_name, _("it has no hexes"));

  return g_steal_pointer (&layout);
}

/**
 * tally_hexjson_load:
 *
 * Returns: (transfer full) (nullable): the layout in @path
 */
TallyHexLayout *
tally_hexjson_load (const char    *path,
                    GCancellable  *cancellable,
                    GError       **error)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) read_error = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *display_name = NULL;
  gsize length;

  g_return_val_if_fail (path != NULL, NULL);

  file = g_file_new_for_path (path);
  display_name = g_filename_display_basename (path);
  if (!g_file_load_contents (file, cancellable, &contents, &length, NULL, &read_error))
    {
      g_set_error (error, TALLY_GEO_ERROR, TALLY_GEO_ERROR_READ,
                   _("Cannot read “%s”: %s"), display_name, read_error->message);
      return NULL;
    }

  return tally_hexjson_parse (contents, length, display_name, error);
}

static void
append_json_string (GString    *out,
                    const char *text)
{
  g_autoptr(JsonNode) node = json_node_init_string (json_node_alloc (), text);
  g_autofree char *quoted = json_to_string (node, FALSE);

  g_string_append (out, quoted);
}

static int
compare_hex_codes (gconstpointer a,
                   gconstpointer b)
{
  const TallyHex *hex_a = *(const TallyHex * const *) a;
  const TallyHex *hex_b = *(const TallyHex * const *) b;

  return g_strcmp0 (hex_a->code, hex_b->code);
}

/**
 * tally_hexjson_to_data:
 * @length: (out) (optional): the text's length
 *
 * One hex per line, by code, so that two exports of one layout are the
 * same bytes and a change shows as a line in a diff.
 *
 * Returns: (transfer full): the layout as HexJSON
 */
char *
tally_hexjson_to_data (TallyHexLayout *layout,
                       gsize          *length)
{
  g_autoptr(GPtrArray) order = NULL;
  GString *out;
  guint n_hexes;

  g_return_val_if_fail (TALLY_IS_HEX_LAYOUT (layout), NULL);

  n_hexes = tally_hex_layout_get_n_hexes (layout);
  order = g_ptr_array_sized_new (n_hexes);
  for (guint i = 0; i < n_hexes; i++)
    g_ptr_array_add (order, (gpointer) tally_hex_layout_get_hex (layout, i));
  g_ptr_array_sort (order, compare_hex_codes);

  out = g_string_new ("{\n  \"layout\": ");
  append_json_string (out, tally_hex_offset_to_string (tally_hex_layout_get_offset (layout)));
  g_string_append (out, ",\n  \"hexes\": {");

  for (guint i = 0; i < order->len; i++)
    {
      const TallyHex *hex = g_ptr_array_index (order, i);

      g_string_append (out, i == 0 ? "\n    " : ",\n    ");
      append_json_string (out, hex->code);
      g_string_append (out, ": {");
      if (hex->name != NULL)
        {
          g_string_append (out, "\"n\": ");
          append_json_string (out, hex->name);
          g_string_append (out, ", ");
        }
      g_string_append_printf (out, "\"q\": %d, \"r\": %d}", hex->q, hex->r);
    }

  g_string_append (out, "\n  }\n}\n");

  if (length != NULL)
    *length = out->len;
  return g_string_free (out, FALSE);
}

/**
 * tally_hexjson_save:
 *
 * Writes @layout to @path atomically: a failure leaves what was there.
 */
gboolean
tally_hexjson_save (TallyHexLayout  *layout,
                    const char      *path,
                    GError         **error)
{
  g_autofree char *data = NULL;
  g_autoptr(GError) write_error = NULL;
  gsize length;

  g_return_val_if_fail (TALLY_IS_HEX_LAYOUT (layout), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  data = tally_hexjson_to_data (layout, &length);
  if (!g_file_set_contents_full (path, data, length, G_FILE_SET_CONTENTS_CONSISTENT, 0644, &write_error))
    {
      g_autofree char *display_name = g_filename_display_name (path);

      g_set_error (error, TALLY_GEO_ERROR, TALLY_GEO_ERROR_READ,
                   _("Cannot write “%s”: %s"), display_name, write_error->message);
      return FALSE;
    }

  return TRUE;
}
