/* tally-catalog-find.c: a council from what someone typed on a command line.
 *
 * People type "Richmond", "hull" or "Tower Hamlets" rather than
 * "Richmond upon Thames", "Kingston upon Hull, City of" or E09000030.
 * Matching runs in tiers and stops at the first tier with any match: the
 * ONS code, the whole name, every typed word a whole word of the name
 * ("Richmond" is Richmond upon Thames, not Richmondshire), then every typed
 * word the start of a word of the name ("Tower Ham").  One match in a tier
 * is the council; more are named back so the user can choose, and nothing
 * at all names the councils whose spelling is nearest.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "tally-catalog.h"
#include "tally-council.h"

#define MAX_SUGGESTIONS 5

/* Lower-case words of letters and digits: "kingston upon hull city of". */
static GStrv
words_of (const char *text)
{
  g_autofree char *folded = g_utf8_casefold (text, -1);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  GString *word = g_string_new (NULL);

  for (const char *p = folded; ; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c != 0 && g_unichar_isalnum (c))
        {
          g_string_append_unichar (word, c);
          continue;
        }

      if (word->len > 0)
        g_strv_builder_add (builder, word->str);
      g_string_truncate (word, 0);
      if (c == 0)
        break;
    }

  g_string_free (word, TRUE);
  return g_strv_builder_end (builder);
}

static gboolean
words_match (GStrv    typed,
             GStrv    name,
             gboolean prefix)
{
  if (typed[0] == NULL)
    return FALSE;

  for (guint i = 0; typed[i] != NULL; i++)
    {
      gboolean found = FALSE;

      for (guint j = 0; !found && name[j] != NULL; j++)
        found = prefix ? g_str_has_prefix (name[j], typed[i]) : g_str_equal (name[j], typed[i]);

      if (!found)
        return FALSE;
    }

  return TRUE;
}

/* Edits from one spelling to the other, a swap of neighbours counting as
 * one ("wigna" is one slip from "wigan"); on bytes: names are ASCII but for
 * the odd accent, where a byte too many only ranks a name a little lower. */
static guint
edit_distance (const char *a,
               const char *b)
{
  gsize la = strlen (a), lb = strlen (b), width = lb + 1;
  g_autofree guint *d = g_new (guint, (la + 1) * width);

  for (gsize i = 0; i <= la; i++)
    d[i * width] = i;
  for (gsize j = 0; j <= lb; j++)
    d[j] = j;

  for (gsize i = 1; i <= la; i++)
    for (gsize j = 1; j <= lb; j++)
      {
        guint cost = a[i - 1] != b[j - 1];
        guint best = MIN (d[(i - 1) * width + j] + 1, d[i * width + j - 1] + 1);

        best = MIN (best, d[(i - 1) * width + j - 1] + cost);
        if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
          best = MIN (best, d[(i - 2) * width + j - 2] + 1);
        d[i * width + j] = best;
      }

  return d[la * width + lb];
}

/* How far the typed text is from a name: from the whole name, or from its
 * words as a run ("richmnd" from "richmond", "tower hamlet" from "tower hamlets"). */
static guint
distance_to (const char *typed,
             GStrv       typed_words,
             GStrv       name_words)
{
  g_autofree char *whole = g_strjoinv (" ", name_words);
  guint n_typed = g_strv_length (typed_words);
  guint best = edit_distance (typed, whole);

  for (guint i = 0; n_typed > 0 && i + n_typed <= g_strv_length (name_words); i++)
    {
      g_autofree char *run = NULL;
      char *saved = name_words[i + n_typed];

      name_words[i + n_typed] = NULL;
      run = g_strjoinv (" ", name_words + i);
      name_words[i + n_typed] = saved;
      best = MIN (best, edit_distance (typed, run));
    }

  return best;
}

typedef struct
{
  TallyCouncil *council;
  guint         distance;
} Near;

static int
compare_near (gconstpointer a,
              gconstpointer b)
{
  const Near *x = a, *y = b;

  if (x->distance != y->distance)
    return x->distance < y->distance ? -1 : 1;
  return g_utf8_collate (tally_council_get_name (x->council), tally_council_get_name (y->council));
}

static char *
join_names (GPtrArray *councils)
{
  GString *names = g_string_new (NULL);

  for (guint i = 0; i < councils->len; i++)
    {
      if (i > 0)
        g_string_append (names, i + 1 == councils->len ? _(" or ") : ", ");
      g_string_append (names, tally_council_get_name (g_ptr_array_index (councils, i)));
    }

  return g_string_free (names, FALSE);
}

/**
 * tally_catalog_find_council:
 * @text: an ONS code, a name, or part of a name, as someone typed it
 * @error: says which councils @text could mean, or which are nearest
 *
 * Returns: (transfer none) (nullable): the one council @text means
 */
TallyCouncil *
tally_catalog_find_council (TallyCatalog  *self,
                            const char    *text,
                            GError       **error)
{
  GListModel *councils = tally_catalog_get_councils (self);
  guint n_councils = g_list_model_get_n_items (councils);
  g_auto(GStrv) typed_words = words_of (text);
  g_autofree char *typed = g_strjoinv (" ", typed_words);
  g_autoptr(GPtrArray) matches = g_ptr_array_new ();
  g_autoptr(GArray) near = g_array_new (FALSE, FALSE, sizeof (Near));
  g_autofree char *names = NULL;
  g_autofree char *code = g_strstrip (g_strdup (text));
  guint threshold;

  g_return_val_if_fail (TALLY_IS_CATALOG (self), NULL);
  g_return_val_if_fail (text != NULL, NULL);

  for (guint tier = 0; tier < 4 && matches->len == 0; tier++)
    for (guint i = 0; i < n_councils; i++)
      {
        g_autoptr(TallyCouncil) council = g_list_model_get_item (councils, i);
        g_auto(GStrv) name_words = words_of (tally_council_get_name (council));
        g_autofree char *name = g_strjoinv (" ", name_words);
        gboolean match;

        switch (tier)
          {
          case 0:
            match = g_ascii_strcasecmp (code, tally_council_get_code (council)) == 0;
            break;
          case 1:
            match = typed[0] != '\0' && g_str_equal (typed, name);
            break;
          default:
            match = words_match (typed_words, name_words, tier == 3);
            break;
          }

        if (match)
          g_ptr_array_add (matches, council);
      }

  if (matches->len == 1)
    return g_ptr_array_index (matches, 0);

  if (matches->len > 1)
    {
      if (matches->len > MAX_SUGGESTIONS * 2)
        g_ptr_array_set_size (matches, MAX_SUGGESTIONS * 2);
      names = join_names (matches);
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   _("“%s” could be %s: give more of the name, or the ONS code"), text, names);
      return NULL;
    }

  /* Nothing: the names within a few slips of the keyboard. */
  threshold = MAX (2, strlen (typed) / 4);
  for (guint i = 0; i < n_councils; i++)
    {
      TallyCouncil *council = g_list_model_get_item (councils, i);
      g_auto(GStrv) name_words = words_of (tally_council_get_name (council));
      Near candidate = { council, distance_to (typed, typed_words, name_words) };

      g_object_unref (council);  /* the catalog keeps it */
      if (candidate.distance <= threshold)
        g_array_append_val (near, candidate);
    }
  g_array_sort (near, compare_near);

  for (guint i = 0; i < near->len && i < MAX_SUGGESTIONS; i++)
    g_ptr_array_add (matches, g_array_index (near, Near, i).council);

  if (matches->len == 0)
    g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                 _("unknown council “%s” (give an ONS code such as E08000009, or a name)"), text);
  else
    {
      names = join_names (matches);
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                   _("unknown council “%s”: did you mean %s?"), text, names);
    }

  return NULL;
}
