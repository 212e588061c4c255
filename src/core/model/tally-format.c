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

#include <glib/gi18n-lib.h>
#include <locale.h>
#include <math.h>
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
 * Returns: (transfer full): @change with its sign: "+44", "−35", or "±0"
 *   for no change, as published scoreboards print it ("Lab 74 (±0)");
 *   CSV keeps plain numbers
 */
char *
tally_format_change (gint64 change)
{
  g_autofree char *magnitude = tally_format_count (change < 0 ? -change : change);

  if (change > 0)
    return g_strconcat ("+", magnitude, NULL);
  if (change < 0)
    return g_strconcat ("−", magnitude, NULL);

  return g_strdup ("±0");
}

/**
 * tally_format_share:
 * @share: a share in per cent, or NaN when not known
 *
 * Returns: (transfer full): "45.8%", or "–" when not known
 */
char *
tally_format_share (double share)
{
  if (isnan (share))
    return g_strdup ("–");

  return g_strdup_printf ("%.1f%%", share);
}

/**
 * tally_format_points:
 * @points: a change in share points, or a swing, or NaN when not known
 *
 * Returns: (transfer full): "+8.2", "−2.6" or "0.0", or "–" when not known
 */
char *
tally_format_points (double points)
{
  if (isnan (points))
    return g_strdup ("–");

  if (fabs (points) < 0.05)
    return g_strdup ("0.0");

  return g_strdup_printf ("%s%.1f", points > 0 ? "+" : "−", fabs (points));
}

/**
 * tally_format_date:
 * @iso_date: a day, "2018-05-03"
 *
 * Returns: (transfer full): the day for people, "3 May 2018"
 */
char *
tally_format_date (const char *iso_date)
{
  g_autofree char *midnight = g_strconcat (iso_date, "T00:00:00Z", NULL);
  g_autoptr(GDateTime) date = g_date_time_new_from_iso8601 (midnight, NULL);

  /* Translators: a polling day, "3 May 2018". */
  return date ? g_date_time_format (date, _("%-d %B %Y")) : g_strdup (iso_date);
}
