/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Compact strings for the data's model objects.
 *
 * Shared copies of the strings that a large dataset repeats thousands of
 * times: ids of cell sources, conditions and sources, dates, sponsors.
 * One reference-counted copy per distinct string (GRefString's interning)
 * instead of a malloc'd copy per use: with 100,000 products this saves
 * tens of megabytes, and a copy goes when the last dataset using it does. */

#include "config.h"

#include <string.h>

#include "atlas-intern.h"

/* Returns: (transfer full) (nullable): a GRefString, or NULL for NULL */
char *
atlas_intern (const char *text)
{
  return text != NULL ? g_ref_string_new_intern (text) : NULL;
}

void
atlas_intern_release (char *text)
{
  if (text != NULL)
    g_ref_string_release (text);
}

/* Returns: (transfer full) (nullable): a NULL-terminated array of
 * GRefStrings, freed with atlas_intern_release_strv() */
char **
atlas_intern_strv (const char * const *strv)
{
  guint n;
  char **interned;

  if (strv == NULL)
    return NULL;

  n = g_strv_length ((char **) strv);
  interned = g_new (char *, n + 1);
  for (guint i = 0; i < n; i++)
    interned[i] = g_ref_string_new_intern (strv[i]);
  interned[n] = NULL;

  return interned;
}

void
atlas_intern_release_strv (char **strv)
{
  for (guint i = 0; strv != NULL && strv[i] != NULL; i++)
    g_ref_string_release (strv[i]);
  g_free (strv);
}

/**
 * atlas_pack_strings:
 * @fields: pointers to a model's own string fields (g_malloc'd or NULL)
 * @n_fields: how many
 *
 * Moves the strings into one block and points the fields into it: one
 * allocation per object instead of one per string, each of which costs a
 * malloc header and rounding. The fields must then never be freed one by
 * one.
 *
 * Returns: (transfer full) (nullable): the block, for g_free(), or NULL if
 *   every field is NULL
 */
char *
atlas_pack_strings (char  **fields[],
                    guint   n_fields)
{
  gsize size = 0;
  char *block;
  char *end;

  for (guint i = 0; i < n_fields; i++)
    if (*fields[i] != NULL)
      size += strlen (*fields[i]) + 1;

  if (size == 0)
    return NULL;

  block = g_malloc (size);
  end = block;
  for (guint i = 0; i < n_fields; i++)
    {
      g_autofree char *text = *fields[i];

      if (text == NULL)
        continue;

      *fields[i] = end;
      end = g_stpcpy (end, text) + 1;
    }

  return block;
}
