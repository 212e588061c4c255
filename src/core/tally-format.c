/* tally-format.c: numbers written the way results are printed.
 *
 * Results tables group thousands ("2,353 seats") and sign every change
 * ("+79", "−35", "0").  The grouping character follows the locale; where
 * the locale has none (C, POSIX) a comma is used, because these are English
 * results read by people, not numbers read by programs.  Changes use the
 * true minus sign, as newspapers do.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>
#include <string.h>

#include "tally-format.h"

static const char *
thousands_separator (void)
{
  const struct lconv *conventions = localeconv ();

  if (conventions->thousands_sep != NULL && conventions->thousands_sep[0] != '\0')
    return conventions->thousands_sep;

  return ",";
}

/**
 * tally_format_count:
 *
 * Returns: (transfer full): @count with its thousands grouped: "4,404"
 */
char *
tally_format_count (gint64 count)
{
  g_autofree char *digits = g_strdup_printf ("%" G_GUINT64_FORMAT,
                                             count < 0 ? (guint64) -(count + 1) + 1 : (guint64) count);
  const char *separator = thousands_separator ();
  GString *text = g_string_new (count < 0 ? "−" : NULL);
  gsize n_digits = strlen (digits);

  for (gsize i = 0; i < n_digits; i++)
    {
      if (i > 0 && (n_digits - i) % 3 == 0)
        g_string_append (text, separator);
      g_string_append_c (text, digits[i]);
    }

  return g_string_free (text, FALSE);
}

/**
 * tally_format_change:
 *
 * Returns: (transfer full): @change with its sign: "+44", "−35" or "0"
 */
char *
tally_format_change (gint64 change)
{
  g_autofree char *magnitude = tally_format_count (change < 0 ? -change : change);

  if (change > 0)
    return g_strconcat ("+", magnitude, NULL);
  if (change < 0)
    return g_strconcat ("−", magnitude, NULL);

  return g_strdup ("0");
}
