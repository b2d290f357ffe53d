/* SPDX-License-Identifier: GPL-3.0-or-later */
/* A comparison as a CSV file for spreadsheets and as Markdown for notes and
 * web pages. Both list the sources cited and the data version, so a reader
 * of the file can check every value; both are the same bytes for the same
 * dataset, comparison and language. */

#include "config.h"

#include <glib/gi18n.h>

#include "atlas-export.h"

/* Spreadsheets run a cell that starts with =, +, - or @ as a formula, so a
 * crafted value in a downloaded dataset could compute or fetch things on the
 * reader's machine ("CSV injection"). Such a field gets a leading
 * apostrophe, which spreadsheets take as "this is text", as OWASP advises;
 * tab and carriage return are included for the same reason. */
static gboolean
needs_formula_guard (const char *field)
{
  return field[0] != '\0' && strchr ("=+-@\t\r", field[0]) != NULL;
}

/* One field as RFC 4180 writes it: quoted when it holds a comma, a quote or
 * a line break, with quotes doubled. */
static void
append_csv_field (GString    *out,
                  const char *field)
{
  g_autoptr(GString) text = g_string_new (NULL);

  if (needs_formula_guard (field))
    g_string_append_c (text, '\'');
  g_string_append (text, field);

  if (strpbrk (text->str, ",\"\r\n") == NULL)
    {
      g_string_append_len (out, text->str, text->len);
      return;
    }

  g_string_append_c (out, '"');
  for (const char *p = text->str; *p != '\0'; p++)
    {
      if (*p == '"')
        g_string_append_c (out, '"');
      g_string_append_c (out, *p);
    }
  g_string_append_c (out, '"');
}

/* A record: the fields of a NULL-terminated array, then CRLF. */
static void
append_csv_record (GString            *out,
                   const char * const *fields)
{
  for (guint i = 0; fields[i] != NULL; i++)
    {
      if (i > 0)
        g_string_append_c (out, ',');
      append_csv_field (out, fields[i]);
    }
  g_string_append (out, "\r\n");
}

static char *
dup_footer (AtlasDataset *dataset)
{
  /* Translators: the dataset's version number and its publication date (YYYY-MM-DD). */
  return g_strdup_printf (_("Data version %d, published %s"),
                          atlas_dataset_get_dataset_version (dataset),
                          atlas_dataset_get_generated (dataset));
}

/**
 * atlas_export_csv:
 * @comparison: the comparison to export
 *
 * A header record ("Topic" and the country names), one record per row, an
 * empty line, the sources (a "Sources" record, a header record, one record
 * per source) and a last record with the data version. Lines end in CRLF.
 *
 * Returns: (transfer full): the CSV text, UTF-8
 */
char *
atlas_export_csv (AtlasComparison *comparison)
{
  g_autoptr(GString) out = NULL;
  g_autoptr(GPtrArray) fields = NULL;
  g_auto(GStrv) source_ids = NULL;
  g_autofree char *footer = NULL;
  AtlasDataset *dataset;
  guint n_countries, n_rows;

  g_return_val_if_fail (ATLAS_IS_COMPARISON (comparison), NULL);

  dataset = atlas_comparison_get_dataset (comparison);
  n_countries = atlas_comparison_get_n_countries (comparison);
  n_rows = atlas_comparison_get_n_rows (comparison);
  out = g_string_new (NULL);

  fields = g_ptr_array_new ();
  g_ptr_array_add (fields, (gpointer) _("Topic"));
  for (guint i = 0; i < n_countries; i++)
    g_ptr_array_add (fields, (gpointer) atlas_country_get_display_name (atlas_comparison_get_country (comparison, i)));
  g_ptr_array_add (fields, NULL);
  append_csv_record (out, (const char * const *) fields->pdata);

  for (guint i = 0; i < n_rows; i++)
    {
      AtlasComparisonRow *row = atlas_comparison_get_row (comparison, i);

      g_ptr_array_set_size (fields, 0);
      g_ptr_array_add (fields, (gpointer) atlas_comparison_row_get_title (row));
      for (guint j = 0; j < n_countries; j++)
        g_ptr_array_add (fields, (gpointer) atlas_comparison_row_get_value (row, j));
      g_ptr_array_add (fields, NULL);
      append_csv_record (out, (const char * const *) fields->pdata);
    }

  g_string_append (out, "\r\n");
  append_csv_record (out, (const char * const []) { _("Sources"), NULL });
  append_csv_record (out, (const char * const []) {
    _("ID"), _("Title"), _("Publisher"), _("URL"), _("Accessed"), NULL
  });

  source_ids = atlas_comparison_dup_source_ids (comparison);
  for (guint i = 0; source_ids[i] != NULL; i++)
    {
      AtlasSource *source = atlas_dataset_lookup_source (dataset, source_ids[i]);

      /* The loader checked every reference, so a miss is a bug. */
      g_return_val_if_fail (source != NULL, NULL);
      append_csv_record (out, (const char * const []) {
        atlas_source_get_id (source),
        atlas_source_get_title (source),
        atlas_source_get_publisher (source),
        atlas_source_get_url (source),
        atlas_source_get_accessed (source),
        NULL
      });
    }

  footer = dup_footer (dataset);
  append_csv_record (out, (const char * const []) { footer, NULL });

  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* Text inside a table cell or a list item: a backslash before the
 * characters that would end a cell (|), start an HTML tag (<) or escape
 * something else (\), and <br> for a line break, which a pipe table cannot
 * hold. */
static void
append_markdown_text (GString    *out,
                      const char *text)
{
  for (const char *p = text; *p != '\0'; p++)
    {
      switch (*p)
        {
        case '\\':
        case '|':
        case '<':
          g_string_append_c (out, '\\');
          g_string_append_c (out, *p);
          break;

        case '\n':
          g_string_append (out, "<br>");
          break;

        case '\r':
          break;

        default:
          g_string_append_c (out, *p);
        }
    }
}

static void
append_markdown_table_row (GString            *out,
                           const char * const *cells,
                           guint               n_cells)
{
  g_string_append (out, "|");
  for (guint i = 0; i < n_cells; i++)
    {
      g_string_append_c (out, ' ');
      append_markdown_text (out, cells[i]);
      g_string_append (out, " |");
    }
  g_string_append_c (out, '\n');
}

/**
 * atlas_export_markdown:
 * @comparison: the comparison to export
 *
 * A title, a pipe table with one row per topic, a numbered list of the
 * sources and a footer with the data version.
 *
 * Returns: (transfer full): the Markdown text, UTF-8
 */
char *
atlas_export_markdown (AtlasComparison *comparison)
{
  g_autoptr(GString) out = NULL;
  g_autofree const char **cells = NULL;
  g_auto(GStrv) source_ids = NULL;
  g_autofree char *footer = NULL;
  AtlasDataset *dataset;
  guint n_countries, n_rows;

  g_return_val_if_fail (ATLAS_IS_COMPARISON (comparison), NULL);

  dataset = atlas_comparison_get_dataset (comparison);
  n_countries = atlas_comparison_get_n_countries (comparison);
  n_rows = atlas_comparison_get_n_rows (comparison);
  out = g_string_new (NULL);
  cells = g_new0 (const char *, n_countries + 1);

  g_string_append_printf (out, "# %s\n\n", _("Stem Cell Atlas — comparison"));

  cells[0] = _("Topic");
  for (guint i = 0; i < n_countries; i++)
    cells[i + 1] = atlas_country_get_display_name (atlas_comparison_get_country (comparison, i));
  append_markdown_table_row (out, cells, n_countries + 1);

  g_string_append (out, "|");
  for (guint i = 0; i < n_countries + 1; i++)
    g_string_append (out, " --- |");
  g_string_append_c (out, '\n');

  for (guint i = 0; i < n_rows; i++)
    {
      AtlasComparisonRow *row = atlas_comparison_get_row (comparison, i);

      cells[0] = atlas_comparison_row_get_title (row);
      for (guint j = 0; j < n_countries; j++)
        cells[j + 1] = atlas_comparison_row_get_value (row, j);
      append_markdown_table_row (out, cells, n_countries + 1);
    }

  source_ids = atlas_comparison_dup_source_ids (comparison);
  if (source_ids[0] != NULL)
    g_string_append_printf (out, "\n## %s\n\n", _("Sources"));

  for (guint i = 0; source_ids[i] != NULL; i++)
    {
      AtlasSource *source = atlas_dataset_lookup_source (dataset, source_ids[i]);
      g_autoptr(GString) title = g_string_new (NULL);
      g_autoptr(GString) publisher = g_string_new (NULL);

      g_return_val_if_fail (source != NULL, NULL);
      append_markdown_text (title, atlas_source_get_title (source));
      append_markdown_text (publisher, atlas_source_get_publisher (source));

      g_string_append_printf (out, "%u. ", i + 1);
      /* Translators: a source in a list: title, publisher, web address
       * and the date it was read (YYYY-MM-DD). Keep the angle brackets:
       * they make the address a link in Markdown. */
      g_string_append_printf (out, _("%s — %s. <%s> (accessed %s)"),
                              title->str, publisher->str,
                              atlas_source_get_url (source),
                              atlas_source_get_accessed (source));
      g_string_append_c (out, '\n');
    }

  footer = dup_footer (dataset);
  g_string_append (out, "\n_");
  append_markdown_text (out, footer);
  g_string_append (out, "._\n");

  return g_string_free (g_steal_pointer (&out), FALSE);
}
