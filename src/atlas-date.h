/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Dates in the data are "YYYY", "YYYY-MM" or "YYYY-MM-DD": as precise as the
 * source, no more. A missing month or day is 0. */
typedef struct
{
  int year;
  int month;
  int day;
} AtlasDate;

gboolean atlas_date_parse   (const char      *text,
                             AtlasDate       *date);
gboolean atlas_date_is_full (const AtlasDate *date);
int      atlas_date_compare (const AtlasDate *a,
                             const AtlasDate *b);
char    *atlas_date_format  (const char      *text);
char    *atlas_date_format_relative (gint64  then,
                                     gint64  now);

G_END_DECLS
