/* tally-map-short-labels.c: a short label for every council's hex, each its own.
 *
 * tally_map_short_label() makes a council's natural three letters ("Bir",
 * "RTh"), but six councils start "Har" and five "Bro": a map that labels
 * them alike names none of them.  Here every council keeps its natural
 * label when no other council would share it; the councils that would share
 * one all take instead the first free label from their own letters, kept in
 * order: the first letter, then a later word's initial and a letter after
 * it ("North Devon" → "NDv"), then two consonants ("Harrow" → "Hrw",
 * "Harlow" → "Hrl", "Hart" → "Hrt"), then any two letters.  Labels are compared without case, as a reader compares them.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "tally-council.h"
#include "tally-map-data.h"
#include "tally-map-short-labels.h"

static gboolean
is_minor_word (const char *word)
{
  const char * const minor[] = { "and", "of", "upon", "on", "the", "with", "in", "le", "under", NULL };

  return g_strv_contains (minor, word);
}

static gboolean
is_vowel (gunichar c)
{
  return strchr ("aeiouy", (int) g_unichar_tolower (c)) != NULL && c < 128;
}

/* One letter a label may use after the first: word initials in capitals. */
typedef struct
{
  gunichar letter;
  gboolean initial; /* a later word's first letter */
  gboolean strong;  /* a word's initial, or a consonant */
} Letter;

/* The labels @name may take, best first. */
static GPtrArray *
candidates_for (const char *name)
{
  g_autofree char *main_part = g_strndup (name, strcspn (name, ","));
  g_auto(GStrv) words = g_strsplit_set (main_part, " -", -1);
  g_autoptr(GArray) letters = g_array_new (FALSE, FALSE, sizeof (Letter));
  GPtrArray *labels = g_ptr_array_new_with_free_func (g_free);
  gunichar first = 0;

  g_ptr_array_add (labels, tally_map_short_label (name));

  for (guint i = 0; words[i] != NULL; i++)
    {
      gunichar previous = 0;

      if (words[i][0] == '\0' || is_minor_word (words[i]))
        continue;

      for (const char *p = words[i]; *p != '\0'; p = g_utf8_next_char (p))
        {
          gunichar c = g_utf8_get_char (p);
          Letter letter = { g_unichar_tolower (c), FALSE, FALSE };

          if (!g_unichar_isalnum (c))
            continue;
          if (first == 0)
            {
              first = g_unichar_toupper (c);
              previous = letter.letter;
              continue;
            }
          if (p == words[i])
            {
              letter.letter = g_unichar_toupper (c);
              letter.initial = TRUE;
              letter.strong = TRUE;
            }
          else
            letter.strong = !is_vowel (c);

          /* A doubled letter is one letter ("Harrow": r, not rr). */
          if (g_unichar_tolower (c) == previous)
            continue;
          previous = g_unichar_tolower (c);
          g_array_append_val (letters, letter);
        }
    }

  if (first == 0)
    return labels;

  /* A later word's initial and a strong letter after it ("North Devon" →
   * "NDv"), then strong letters, then any; each in the order of the name. */
  for (guint pass = 0; pass < 3; pass++)
    for (guint j = 0; j < letters->len; j++)
      for (guint k = j + 1; k < letters->len; k++)
        {
          Letter *a = &g_array_index (letters, Letter, j);
          Letter *b = &g_array_index (letters, Letter, k);
          GString *label;

          gboolean initial_first = a->initial && b->strong;
          gboolean strong = a->strong && b->strong;

          if ((pass == 0 && !initial_first) || (pass == 1 && (initial_first || !strong)) ||
              (pass == 2 && strong))
            continue;

          label = g_string_new (NULL);
          g_string_append_unichar (label, first);
          g_string_append_unichar (label, a->letter);
          g_string_append_unichar (label, b->letter);
          g_ptr_array_add (labels, g_string_free (label, FALSE));
        }

  return labels;
}

static char *
fold (const char *label)
{
  return g_utf8_casefold (label, -1);
}

static GHashTable *
make_labels (GListModel *councils)
{
  GHashTable *labels = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(GHashTable) taken = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) natural_count = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GPtrArray) candidates = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  guint n_councils = g_list_model_get_n_items (councils);

  for (guint i = 0; i < n_councils; i++)
    {
      g_autoptr(TallyCouncil) council = g_list_model_get_item (councils, i);
      GPtrArray *own = candidates_for (tally_council_get_name (council));
      char *natural = fold (g_ptr_array_index (own, 0));

      g_ptr_array_add (candidates, own);
      g_hash_table_insert (natural_count, natural,
                           GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (natural_count, natural)) + 1));
    }

  /* Natural labels no other council shares are kept, and taken first. */
  for (guint i = 0; i < n_councils; i++)
    {
      g_autoptr(TallyCouncil) council = g_list_model_get_item (councils, i);
      const char *natural = g_ptr_array_index ((GPtrArray *) g_ptr_array_index (candidates, i), 0);
      g_autofree char *folded = fold (natural);

      if (GPOINTER_TO_UINT (g_hash_table_lookup (natural_count, folded)) == 1)
        {
          g_hash_table_insert (labels, g_strdup (tally_council_get_code (council)), g_strdup (natural));
          g_hash_table_add (taken, g_steal_pointer (&folded));
        }
    }

  for (guint i = 0; i < n_councils; i++)
    {
      g_autoptr(TallyCouncil) council = g_list_model_get_item (councils, i);
      GPtrArray *own = g_ptr_array_index (candidates, i);
      const char *code = tally_council_get_code (council);
      char *chosen = NULL;

      if (g_hash_table_contains (labels, code))
        continue;

      /* Not the shared natural label: it would name none of them. */
      for (guint j = 1; chosen == NULL && j < own->len; j++)
        {
          g_autofree char *folded = fold (g_ptr_array_index (own, j));

          if (!g_hash_table_contains (taken, folded) && !g_hash_table_contains (natural_count, folded))
            chosen = g_strdup (g_ptr_array_index (own, j));
        }

      /* A name too short to vary: its label and a number. */
      for (guint n = 2; chosen == NULL; n++)
        {
          char *numbered = g_strdup_printf ("%s%u", (const char *) g_ptr_array_index (own, 0), n);
          g_autofree char *folded = fold (numbered);

          if (!g_hash_table_contains (taken, folded))
            chosen = numbered;
          else
            g_free (numbered);
        }

      g_hash_table_add (taken, fold (chosen));
      g_hash_table_insert (labels, g_strdup (code), chosen);
    }

  return labels;
}

/**
 * tally_map_short_labels:
 * @councils: (element-type TallyCouncil): every council a map may show
 *
 * Worked out once per list of councils (a catalogue's does not change)
 * and kept with it, since a map rebuilds its data on every filter change,
 * on the render thread as well as the main one.
 *
 * Returns: (transfer full): council code → its label, no two alike
 */
GHashTable *
tally_map_short_labels (GListModel *councils)
{
  static GMutex lock;
  GHashTable *labels;

  g_return_val_if_fail (G_IS_LIST_MODEL (councils), NULL);

  g_mutex_lock (&lock);
  labels = g_object_get_data (G_OBJECT (councils), "tally-map-short-labels");
  if (labels == NULL)
    {
      labels = make_labels (councils);
      g_object_set_data_full (G_OBJECT (councils), "tally-map-short-labels", labels,
                              (GDestroyNotify) g_hash_table_unref);
    }
  g_hash_table_ref (labels);
  g_mutex_unlock (&lock);

  return labels;
}
