/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Partial dates: parsing, ordering and display in the reader's language. */

#include "config.h"

#include <glib/gi18n.h>

#include "atlas-date.h"

static gboolean
parse_digits (const char *text,
              guint       n_digits,
              int        *value)
{
  *value = 0;
  for (guint i = 0; i < n_digits; i++)
    {
      if (!g_ascii_isdigit (text[i]))
        return FALSE;
      *value = *value * 10 + (text[i] - '0');
    }

  return TRUE;
}

/* Strict: exactly the three shapes above, and a real calendar day. */
gboolean
atlas_date_parse (const char *text,
                  AtlasDate  *date)
{
  gsize len;

  g_return_val_if_fail (date != NULL, FALSE);

  *date = (AtlasDate) { 0, 0, 0 };
  if (text == NULL)
    return FALSE;

  len = strlen (text);
  if (len != 4 && len != 7 && len != 10)
    return FALSE;
  if (!parse_digits (text, 4, &date->year) || date->year < 1)
    return FALSE;

  if (len >= 7)
    {
      if (text[4] != '-' || !parse_digits (text + 5, 2, &date->month))
        return FALSE;
      if (date->month < 1 || date->month > 12)
        return FALSE;
    }

  if (len == 10)
    {
      if (text[7] != '-' || !parse_digits (text + 8, 2, &date->day))
        return FALSE;
      if (!g_date_valid_dmy (date->day, date->month, date->year))
        return FALSE;
    }

  return TRUE;
}

gboolean
atlas_date_is_full (const AtlasDate *date)
{
  return date->day != 0;
}

/* A less precise date sorts before a more precise one in the same period,
 * so "2015" < "2015-09" < "2015-09-18". */
int
atlas_date_compare (const AtlasDate *a,
                    const AtlasDate *b)
{
  if (a->year != b->year)
    return a->year < b->year ? -1 : 1;
  if (a->month != b->month)
    return a->month < b->month ? -1 : 1;
  if (a->day != b->day)
    return a->day < b->day ? -1 : 1;
  return 0;
}

/* "18 December 2024", "September 2015" or "2016", in the reader's language;
 * the text itself when it is not a date, so a bad value is never hidden. */
char *
atlas_date_format (const char *text)
{
  g_autoptr(GDateTime) date_time = NULL;
  AtlasDate date;

  if (!atlas_date_parse (text, &date))
    return g_strdup (text);

  if (date.month == 0)
    return g_strdup_printf ("%d", date.year);

  date_time = g_date_time_new_utc (date.year, date.month, MAX (date.day, 1), 0, 0, 0);
  if (date_time == NULL)
    return g_strdup (text);

  if (date.day == 0)
    /* Translators: a month and year, see g_date_time_format() */
    return g_date_time_format (date_time, C_("month date format", "%B %Y"));

  /* Translators: a full date, see g_date_time_format() */
  return g_date_time_format (date_time, C_("full date format", "%-d %B %Y"));
}

/* "just now", "5 minutes ago", "3 hours ago", "2 days ago", a date after a
 * week, or "never" for 0. A time in the future (a wrong clock, then or now)
 * reads "just now": a relative time never goes negative. */
char *
atlas_date_format_relative (gint64 then,
                            gint64 now)
{
  gint64 seconds = now - then;
  g_autoptr(GDateTime) date_time = NULL;

  if (then <= 0)
    return g_strdup (_("never"));
  if (seconds < 60)
    return g_strdup (_("just now"));
  if (seconds < 60 * 60)
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d minute ago", "%d minutes ago", seconds / 60),
                            (int) (seconds / 60));
  if (seconds < 24 * 60 * 60)
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d hour ago", "%d hours ago", seconds / 3600),
                            (int) (seconds / 3600));
  if (seconds < 7 * 24 * 60 * 60)
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d day ago", "%d days ago", seconds / 86400),
                            (int) (seconds / 86400));

  date_time = g_date_time_new_from_unix_local (then);
  return g_date_time_format (date_time, C_("full date format", "%-d %B %Y"));
}
