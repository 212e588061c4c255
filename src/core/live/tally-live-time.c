/* tally-live-time.c: the times of results night, read and written.
 *
 * Declaration times are stored in UTC (ISO 8601); people give and read
 * them in local time, and a bare "02:00" means the night after polling day.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdio.h>
#include <string.h>

#include "tally-election.h"
#include "tally-live-night.h"

/**
 * tally_live_format_time:
 * @unix_seconds: a moment
 *
 * Returns: (transfer full): "02:14", in local time
 */
char *
tally_live_format_time (gint64 unix_seconds)
{
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (unix_seconds);
  g_autoptr(GDateTime) local = g_date_time_to_local (utc);

  return g_date_time_format (local, "%H:%M");
}

/**
 * tally_live_parse_time:
 * @text: "2018-05-04T02:00:00+01:00", "2018-05-04 02:00" (local time), or
 *   "02:00": on the night of @election, local time, hours before noon being
 *   the morning after polling day
 * @election: (nullable): the night a bare time belongs to
 *
 * Returns: (transfer full) (nullable): the moment, or %NULL with @error set
 */
GDateTime *
tally_live_parse_time (const char     *text,
                       TallyElection  *election,
                       GError        **error)
{
  g_autoptr(GTimeZone) local = g_time_zone_new_local ();
  g_autofree char *iso = NULL;
  GDateTime *time;
  int hours, minutes, consumed = 0;

  g_return_val_if_fail (text != NULL, NULL);

  if (sscanf (text, "%2d:%2d%n", &hours, &minutes, &consumed) == 2 && text[consumed] == '\0' && election != NULL &&
      hours >= 0 && hours < 24 && minutes >= 0 && minutes < 60)
    {
      g_autofree char *day = g_strdup_printf ("%sT12:00:00", tally_election_get_date (election));
      g_autoptr(GDateTime) noon = g_date_time_new_from_iso8601 (day, local);
      g_autoptr(GDateTime) date = noon != NULL && hours < 12 ? g_date_time_add_days (noon, 1) : NULL;
      GDateTime *base = date != NULL ? date : noon;

      if (base != NULL)
        return g_date_time_new (local, g_date_time_get_year (base), g_date_time_get_month (base),
                                g_date_time_get_day_of_month (base), hours, minutes, 0);
    }

  iso = g_strdelimit (g_strdup (text), " ", 'T');
  if (strlen (iso) == 16)
    {
      /* "2018-05-04T02:00": the seconds may be left out. */
      g_autofree char *full = g_strconcat (iso, ":00", NULL);

      g_free (iso);
      iso = g_steal_pointer (&full);
    }

  if ((time = g_date_time_new_from_iso8601 (iso, local)) != NULL)
    return time;

  g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
               _("“%s” is not a time: give “02:00” or “2018-05-04T02:00:00+01:00”"), text);
  return NULL;
}
