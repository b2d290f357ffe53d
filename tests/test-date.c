/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <locale.h>

#include "atlas-date.h"

static void
test_parse (void)
{
  static const struct { const char *text; gboolean ok; int year, month, day; } cases[] = {
    { "2016", TRUE, 2016, 0, 0 },
    { "2015-09", TRUE, 2015, 9, 0 },
    { "2024-12-18", TRUE, 2024, 12, 18 },
    { "2024-02-29", TRUE, 2024, 2, 29 },
    { "2023-02-29", FALSE, 0, 0, 0 },
    { "2015-13", FALSE, 0, 0, 0 },
    { "2015-00", FALSE, 0, 0, 0 },
    { "2015-9", FALSE, 0, 0, 0 },
    { "15", FALSE, 0, 0, 0 },
    { "2015-09-18T00:00", FALSE, 0, 0, 0 },
    { "abcd", FALSE, 0, 0, 0 },
    { "", FALSE, 0, 0, 0 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      AtlasDate date;
      gboolean ok = atlas_date_parse (cases[i].text, &date);

      g_assert_cmpint (ok, ==, cases[i].ok);
      if (ok)
        {
          g_assert_cmpint (date.year, ==, cases[i].year);
          g_assert_cmpint (date.month, ==, cases[i].month);
          g_assert_cmpint (date.day, ==, cases[i].day);
        }
    }
  g_assert_false (atlas_date_parse (NULL, &(AtlasDate) { 0 }));
}

static void
test_compare (void)
{
  AtlasDate year, month, day, later;

  g_assert_true (atlas_date_parse ("2015", &year));
  g_assert_true (atlas_date_parse ("2015-09", &month));
  g_assert_true (atlas_date_parse ("2015-09-18", &day));
  g_assert_true (atlas_date_parse ("2016", &later));

  g_assert_cmpint (atlas_date_compare (&year, &month), <, 0);
  g_assert_cmpint (atlas_date_compare (&month, &day), <, 0);
  g_assert_cmpint (atlas_date_compare (&day, &later), <, 0);
  g_assert_cmpint (atlas_date_compare (&later, &year), >, 0);
  g_assert_cmpint (atlas_date_compare (&day, &day), ==, 0);
}

static void
test_format (void)
{
  g_autofree char *year = atlas_date_format ("2016");
  g_autofree char *month = atlas_date_format ("2015-09");
  g_autofree char *day = atlas_date_format ("2024-12-08");
  g_autofree char *bad = atlas_date_format ("not a date");

  g_assert_cmpstr (year, ==, "2016");
  g_assert_cmpstr (month, ==, "September 2015");
  g_assert_cmpstr (day, ==, "8 December 2024");
  g_assert_cmpstr (bad, ==, "not a date");
}

static void
test_format_relative (void)
{
  static const struct { gint64 then; gint64 now; const char *expected; } cases[] = {
    { 0, 1000000, "never" },
    { 1000000, 1000030, "just now" },
    { 1000000, 1000000 - 86400, "just now" }, /* a clock that went backwards */
    { 1000000, 1000000 + 60, "1 minute ago" },
    { 1000000, 1000000 + 5 * 60, "5 minutes ago" },
    { 1000000, 1000000 + 3 * 3600, "3 hours ago" },
    { 1000000, 1000000 + 2 * 86400, "2 days ago" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = atlas_date_format_relative (cases[i].then, cases[i].now);

      g_assert_cmpstr (text, ==, cases[i].expected);
    }
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/date/parse", test_parse);
  g_test_add_func ("/date/compare", test_compare);
  g_test_add_func ("/date/format", test_format);
  g_test_add_func ("/date/format-relative", test_format_relative);

  return g_test_run ();
}
