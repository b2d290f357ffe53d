/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The comparison, therapy and condition pages as a user sees them: a real
 * application with the bundled data, and a window on the (virtual) screen.
 * Expected values are worked out from the data here, so the tests hold
 * when the data changes. */

#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>

#include "atlas-application.h"
#include "atlas-entry.h"
#include "atlas-export.h"
#include "atlas-loader.h"
#include "atlas-ui-test.h"
#include "atlas-window.h"

static AtlasApplication *app;

static AtlasDataset *
get_dataset (void)
{
  return atlas_store_get_dataset (atlas_application_get_store (app));
}

/* Every test starts with nothing compared, in a wide window. */
static void
reset_settings (void)
{
  GSettings *settings = atlas_application_get_settings (app);

  g_settings_reset (settings, "comparison-countries");
  g_settings_set_int (settings, "window-width", 1000);
  g_settings_set_int (settings, "window-height", 700);
}

static void
activate (AtlasWindow *window,
          const char  *action,
          GVariant    *parameter)
{
  g_assert_true (g_action_group_get_action_enabled (G_ACTION_GROUP (window), action));
  g_action_group_activate_action (G_ACTION_GROUP (window), action, parameter);
}

static void
add_to_comparison (AtlasWindow *window,
                   const char  *id)
{
  atlas_window_select_country (window, id);
  g_assert_cmpstr (atlas_window_get_visible_page_name (window), ==, "country");
  activate (window, "add-to-comparison", NULL);
  /* Once in, a country cannot be added again. */
  g_assert_false (g_action_group_get_action_enabled (G_ACTION_GROUP (window), "add-to-comparison"));
}

static char **
dup_settings_ids (void)
{
  return g_settings_get_strv (atlas_application_get_settings (app), "comparison-countries");
}

static const char *
country_name (const char *id)
{
  return atlas_country_get_name (atlas_dataset_lookup_country (get_dataset (), id));
}

static const char *
column_title (AtlasComparisonPage *page,
              guint                column)
{
  GtkLabel *label = atlas_comparison_page_get_column_label (page, column);

  return label != NULL ? gtk_label_get_label (label) : NULL;
}

/* What a cell of a section row should read: each entry's title (a
 * regulator with its acronym first), or "No data". */
static char *
dup_expected_entries (AtlasCountry *country,
                      AtlasSection  section)
{
  GListModel *entries = atlas_country_get_section (country, section);
  g_autoptr(GString) text = g_string_new (NULL);

  if (g_list_model_get_n_items (entries) == 0)
    return g_strdup ("No data");

  for (guint i = 0; i < g_list_model_get_n_items (entries); i++)
    {
      g_autoptr(AtlasEntry) entry = g_list_model_get_item (entries, i);

      if (i > 0)
        g_string_append (text, "; ");
      if (section == ATLAS_SECTION_REGULATORS && atlas_entry_get_acronym (entry) != NULL)
        g_string_append_printf (text, "%s (%s)", atlas_entry_get_acronym (entry), atlas_entry_get_title (entry));
      else
        g_string_append (text, atlas_entry_get_title (entry));
    }

  return g_string_free (g_steal_pointer (&text), FALSE);
}

static const char *
cell_text (AtlasComparisonPage *page,
           const char          *row_title,
           guint                column)
{
  GtkLabel *label = atlas_comparison_page_find_value_label (page, row_title, column);

  g_assert_nonnull (label);
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (label)));
  return gtk_label_get_label (label);
}

/* The "Differs" tag is shown exactly where the cells differ. */
static void
assert_differs_marker (AtlasComparisonPage *page,
                       const char          *row_title,
                       guint                n_columns)
{
  GtkWidget *tag = atlas_comparison_page_find_differs_tag (page, row_title);
  gboolean differ = FALSE;

  for (guint i = 1; i < n_columns; i++)
    differ |= g_strcmp0 (cell_text (page, row_title, 0), cell_text (page, row_title, i)) != 0;

  if (differ)
    {
      g_assert_nonnull (tag);
      g_assert_true (gtk_widget_get_mapped (tag));
      g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (tag)), ==, "Differs");
    }
  else
    {
      g_assert_null (tag);
    }
}

static void
test_two_columns (void)
{
  const char *ids[] = { "jp", "kr" };
  AtlasWindow *window;
  AtlasComparisonPage *page;
  gboolean seen_no_data = FALSE;
  struct {
    const char *title;
    AtlasSection section;
  } entry_rows[] = {
    { "Regulators", ATLAS_SECTION_REGULATORS },
    { "Funding", ATLAS_SECTION_FUNDING },
    { "Patient Protection", ATLAS_SECTION_PROTECTIONS },
  };
  struct {
    const char *title;
    AtlasProductStatus status;
  } count_rows[] = {
    { "Approved Products", ATLAS_PRODUCT_STATUS_APPROVED },
    { "Conditional Approvals", ATLAS_PRODUCT_STATUS_CONDITIONAL },
    { "Limited Approvals", ATLAS_PRODUCT_STATUS_LIMITED },
    { "Withdrawn Products", ATLAS_PRODUCT_STATUS_WITHDRAWN },
  };

  reset_settings ();
  window = atlas_ui_test_open_window (app);
  page = atlas_window_get_comparison_page (window);

  /* Nothing to export before there is a comparison. */
  g_assert_false (g_action_group_get_action_enabled (G_ACTION_GROUP (window), "export-csv"));

  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    add_to_comparison (window, ids[i]);

  activate (window, "show-compare", NULL);
  g_assert_cmpstr (atlas_window_get_visible_page_name (window), ==, "compare");
  g_assert_true (g_action_group_get_action_enabled (G_ACTION_GROUP (window), "export-csv"));
  g_assert_true (g_action_group_get_action_enabled (G_ACTION_GROUP (window), "print"));
  WAIT_UNTIL (gtk_widget_get_mapped (GTK_WIDGET (atlas_comparison_page_get_column_label (page, 0))));

  g_assert_cmpuint (atlas_side_by_side_get_n_columns (atlas_comparison_page_get_table (page)), ==, 2);
  g_assert_false (atlas_side_by_side_get_stacked (atlas_comparison_page_get_table (page)));
  g_assert_cmpstr (column_title (page, 0), ==, country_name ("jp"));
  g_assert_cmpstr (column_title (page, 1), ==, country_name ("kr"));

  for (guint r = 0; r < G_N_ELEMENTS (entry_rows); r++)
    {
      for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
        {
          AtlasCountry *country = atlas_dataset_lookup_country (get_dataset (), ids[i]);
          g_autofree char *expected = dup_expected_entries (country, entry_rows[r].section);
          GtkLabel *label = atlas_comparison_page_find_value_label (page, entry_rows[r].title, i);

          g_assert_cmpstr (cell_text (page, entry_rows[r].title, i), ==, expected);
          /* Missing data is said, dimmed, never left blank. */
          if (g_str_equal (expected, "No data"))
            {
              g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (label), "dim-label"));
              seen_no_data = TRUE;
            }
        }
      assert_differs_marker (page, entry_rows[r].title, 2);
    }

  /* The bundled data has Japan without funding policy or Korea without
   * funding; if that changes, pick other rows above. */
  g_assert_true (seen_no_data);

  for (guint r = 0; r < G_N_ELEMENTS (count_rows); r++)
    {
      for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
        {
          AtlasCountry *country = atlas_dataset_lookup_country (get_dataset (), ids[i]);
          g_autofree char *expected = g_strdup_printf ("%u", atlas_country_count_products (country, count_rows[r].status));

          g_assert_cmpstr (cell_text (page, count_rows[r].title, i), ==, expected);
        }
      assert_differs_marker (page, count_rows[r].title, 2);
    }

  atlas_ui_test_close_window (window);
}

static void
assert_columns (AtlasComparisonPage *page,
                const char * const  *ids)
{
  guint n_ids = g_strv_length ((char **) ids);

  g_assert_cmpuint (atlas_side_by_side_get_n_columns (atlas_comparison_page_get_table (page)), ==, n_ids);
  for (guint i = 0; i < n_ids; i++)
    g_assert_cmpstr (column_title (page, i), ==, country_name (ids[i]));
}

static void
test_remove_move_restore (void)
{
  const char *start[] = { "jp", "kr", "us", NULL };
  const char *moved[] = { "kr", "jp", "us", NULL };
  const char *removed[] = { "kr", "us", NULL };
  AtlasWindow *window;
  AtlasComparisonPage *page;
  g_auto(GStrv) saved = NULL;

  reset_settings ();
  window = atlas_ui_test_open_window (app);
  page = atlas_window_get_comparison_page (window);
  for (guint i = 0; start[i] != NULL; i++)
    add_to_comparison (window, start[i]);
  activate (window, "show-compare", NULL);
  assert_columns (page, start);

  /* "Move Left" in South Korea's column menu. */
  gtk_widget_activate_action (GTK_WIDGET (page), "comparison.move-back", "s", "kr");
  WAIT_UNTIL (g_strcmp0 (column_title (page, 0), country_name ("kr")) == 0);
  assert_columns (page, moved);
  saved = dup_settings_ids ();
  g_assert_cmpstrv (saved, moved);
  g_clear_pointer (&saved, g_strfreev);

  /* "Remove from Comparison" in Japan's. */
  gtk_widget_activate_action (GTK_WIDGET (page), "comparison.remove", "s", "jp");
  WAIT_UNTIL (atlas_side_by_side_get_n_columns (atlas_comparison_page_get_table (page)) == 2);
  assert_columns (page, removed);
  saved = dup_settings_ids ();
  g_assert_cmpstrv (saved, removed);

  atlas_ui_test_close_window (window);

  /* A new window (as after a restart) shows the same columns. */
  window = atlas_ui_test_open_window (app);
  page = atlas_window_get_comparison_page (window);
  activate (window, "show-compare", NULL);
  g_assert_cmpstr (atlas_window_get_visible_page_name (window), ==, "compare");
  assert_columns (page, removed);
  atlas_ui_test_close_window (window);
}

static void
test_narrow_stacks (void)
{
  const char *ids[] = { "jp", "kr", NULL };
  GSettings *settings = atlas_application_get_settings (app);
  AtlasWindow *window;
  AtlasComparisonPage *page;
  AtlasSideBySide *table;

  reset_settings ();
  g_settings_set_strv (settings, "comparison-countries", ids);
  g_settings_set_int (settings, "window-width", 360);
  g_settings_set_int (settings, "window-height", 720);

  window = atlas_ui_test_open_window (app);
  page = atlas_window_get_comparison_page (window);
  table = atlas_comparison_page_get_table (page);
  activate (window, "show-compare", NULL);

  /* Too narrow for columns: each topic lists the countries instead, and
   * nothing is wider than the window. */
  WAIT_UNTIL (atlas_side_by_side_get_stacked (table) &&
              gtk_widget_get_mapped (GTK_WIDGET (atlas_comparison_page_find_value_label (page, "Regulators", 1))));
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (table)), <=, gtk_widget_get_width (GTK_WIDGET (window)));
  g_assert_cmpstr (column_title (page, 0), ==, country_name ("jp"));
  g_assert_nonnull (cell_text (page, "Approved Products", 1));

  atlas_ui_test_close_window (window);
  reset_settings ();
}

/* The bundled data without South Korea, as a refresh might bring it. */
static AtlasDataset *
load_dataset_without_korea (void)
{
  g_autoptr(GBytes) bytes = g_resources_lookup_data (ATLAS_BUNDLED_DATA_PATH, 0, NULL);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) modified = NULL;
  JsonObject *root;
  JsonArray *countries, *conditions;
  g_autofree char *text = NULL;
  gsize length = 0;
  AtlasDataset *dataset;

  g_assert_true (json_parser_load_from_data (parser, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), &error));
  g_assert_no_error (error);
  root = json_node_get_object (json_parser_get_root (parser));

  countries = json_object_get_array_member (root, "countries");
  for (guint i = json_array_get_length (countries); i > 0; i--)
    {
      if (g_str_equal (json_object_get_string_member (json_array_get_object_element (countries, i - 1), "id"), "kr"))
        json_array_remove_element (countries, i - 1);
    }

  /* What pointed at Korea or its products goes too. */
  conditions = json_object_get_array_member (root, "conditions");
  for (guint i = 0; i < json_array_get_length (conditions); i++)
    {
      JsonArray *statuses = json_object_get_array_member (json_array_get_object_element (conditions, i), "statuses");

      for (guint j = json_array_get_length (statuses); j > 0; j--)
        {
          JsonObject *status = json_array_get_object_element (statuses, j - 1);

          if (g_str_equal (json_object_get_string_member (status, "country"), "kr"))
            json_array_remove_element (statuses, j - 1);
        }
    }

  json_generator_set_root (generator, json_parser_get_root (parser));
  text = json_generator_to_data (generator, &length);
  modified = g_bytes_new_take (g_steal_pointer (&text), length);
  dataset = atlas_loader_load_bytes (modified, &error);
  g_assert_no_error (error);

  return dataset;
}

static void
test_refresh_keeps_ids (void)
{
  const char *ids[] = { "jp", "kr", "us", NULL };
  const char *kept[] = { "jp", "us", NULL };
  AtlasStore *store = atlas_application_get_store (app);
  g_autoptr(AtlasDataset) bundled = g_object_ref (get_dataset ());
  g_autoptr(AtlasDataset) without_korea = load_dataset_without_korea ();
  g_auto(GStrv) saved = NULL;
  AtlasWindow *window;
  AtlasComparisonPage *page;

  reset_settings ();
  g_settings_set_strv (atlas_application_get_settings (app), "comparison-countries", ids);
  window = atlas_ui_test_open_window (app);
  page = atlas_window_get_comparison_page (window);
  activate (window, "show-compare", NULL);
  assert_columns (page, ids);

  /* A refresh: the same countries, rebuilt from the new data, less the one
   * it no longer has. */
  atlas_store_set_dataset (store, without_korea);
  g_assert_cmpstr (atlas_window_get_visible_page_name (window), ==, "compare");
  assert_columns (page, kept);
  g_assert_true (atlas_comparison_get_dataset (atlas_comparison_page_get_comparison (page)) == without_korea);
  saved = dup_settings_ids ();
  g_assert_cmpstrv (saved, kept);

  atlas_store_set_dataset (store, bundled);
  assert_columns (page, kept);

  atlas_ui_test_close_window (window);
}

static guint
count_status_changes (const char * const *ids)
{
  guint n_changes = 0;

  for (guint i = 0; ids[i] != NULL; i++)
    {
      GListModel *products = atlas_country_get_products (atlas_dataset_lookup_country (get_dataset (), ids[i]));

      for (guint j = 0; j < g_list_model_get_n_items (products); j++)
        {
          g_autoptr(AtlasProduct) product = g_list_model_get_item (products, j);

          n_changes += atlas_product_get_n_status_changes (product);
        }
    }

  return n_changes;
}

static void
test_chart (void)
{
  const char *ids[] = { "jp", "kr", "us", NULL };
  AtlasWindow *window;
  AtlasComparisonPage *page;
  AtlasTimelineChart *chart;
  guint n_changes = count_status_changes (ids);

  reset_settings ();
  g_settings_set_strv (atlas_application_get_settings (app), "comparison-countries", ids);
  window = atlas_ui_test_open_window (app);
  page = atlas_window_get_comparison_page (window);
  chart = atlas_comparison_page_get_chart (page);
  activate (window, "show-compare", NULL);

  g_assert_cmpuint (n_changes, >, 0);
  g_assert_cmpuint (atlas_timeline_chart_get_n_marks (chart), ==, n_changes);
  /* The text alternative lists every mark once opened. */
  g_assert_cmpuint (atlas_comparison_page_get_n_listed_marks (page), ==, 0);
  adw_expander_row_set_expanded (atlas_comparison_page_get_marks_row (page), TRUE);
  g_assert_cmpuint (atlas_comparison_page_get_n_listed_marks (page), ==, n_changes);
  atlas_ui_test_assert_decorative_icon (GTK_WIDGET (atlas_comparison_page_get_marks_row (page)), "view-list-symbolic");
  g_assert_nonnull (atlas_timeline_chart_get_summary (chart));
  g_assert_cmpstr (atlas_timeline_chart_get_summary (chart), !=, "");
  g_assert_nonnull (strstr (atlas_timeline_chart_get_summary (chart), country_name ("kr")));

  for (guint i = 0; i < atlas_timeline_chart_get_n_marks (chart); i++)
    {
      g_autofree char *text = atlas_timeline_chart_dup_mark_text (chart, i);
      AtlasProduct *product = atlas_timeline_chart_get_mark_product (chart, i);

      g_assert_nonnull (strstr (text, atlas_product_get_name (product)));
      g_assert_nonnull (strstr (text, atlas_product_status_to_label (atlas_timeline_chart_get_mark_status (chart, i))));
    }

  /* Fewer countries, fewer marks. */
  atlas_comparison_page_remove_country (page, "us");
  g_assert_cmpuint (atlas_timeline_chart_get_n_marks (chart), ==, count_status_changes ((const char *[]) { "jp", "kr", NULL }));

  atlas_ui_test_close_window (window);
}

static void
write_done_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  GError **error = user_data;

  if (!atlas_comparison_page_write_finish (ATLAS_COMPARISON_PAGE (object), result, error))
    g_assert_nonnull (*error);
  else
    *error = g_error_new_literal (G_IO_ERROR, G_IO_ERROR_NONE, "done");
}

/* Writes through the code the export actions use; returns the error, or
 * one with G_IO_ERROR_NONE when it worked. */
static GError *
write_comparison (AtlasComparisonPage   *page,
                  AtlasComparisonFormat  format,
                  GFile                 *file)
{
  GError *error = NULL;

  atlas_comparison_page_write_async (page, format, file, NULL, write_done_cb, &error);
  WAIT_UNTIL (error != NULL);

  return error;
}

static void
test_export (void)
{
  const char *ids[] = { "jp", "kr", NULL };
  g_autofree char *dir = g_dir_make_tmp ("atlas-export-XXXXXX", NULL);
  g_autoptr(GFile) csv_file = g_file_new_build_filename (dir, "comparison.csv", NULL);
  g_autoptr(GFile) md_file = g_file_new_build_filename (dir, "comparison.md", NULL);
  g_autoptr(GFile) bad_file = g_file_new_build_filename (dir, "no-such-folder", "comparison.csv", NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *contents = NULL;
  AtlasComparisonPage *page;
  AtlasWindow *window;

  reset_settings ();
  g_settings_set_strv (atlas_application_get_settings (app), "comparison-countries", ids);
  window = atlas_ui_test_open_window (app);
  page = atlas_window_get_comparison_page (window);

  error = write_comparison (page, ATLAS_COMPARISON_FORMAT_CSV, csv_file);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NONE);
  g_clear_error (&error);
  g_assert_true (g_file_load_contents (csv_file, NULL, &contents, NULL, NULL, NULL));
  expected = atlas_export_csv (atlas_comparison_page_get_comparison (page));
  g_assert_cmpstr (contents, ==, expected);
  g_clear_pointer (&contents, g_free);
  g_clear_pointer (&expected, g_free);

  error = write_comparison (page, ATLAS_COMPARISON_FORMAT_MARKDOWN, md_file);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NONE);
  g_clear_error (&error);
  g_assert_true (g_file_load_contents (md_file, NULL, &contents, NULL, NULL, NULL));
  expected = atlas_export_markdown (atlas_comparison_page_get_comparison (page));
  g_assert_cmpstr (contents, ==, expected);

  /* A folder that does not exist: an error, which the action shows as a
   * toast. */
  error = write_comparison (page, ATLAS_COMPARISON_FORMAT_CSV, bad_file);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_clear_error (&error);

  g_file_delete (csv_file, NULL, NULL);
  g_file_delete (md_file, NULL, NULL);
  g_rmdir (dir);
  atlas_ui_test_close_window (window);
}

static void
test_print_to_pdf (void)
{
  const char *ids[] = { "jp", "kr", "us", NULL };
  g_autofree char *dir = g_dir_make_tmp ("atlas-print-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "comparison.pdf", NULL);
  g_autoptr(GtkPrintOperation) operation = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  gsize length = 0;
  AtlasWindow *window;

  reset_settings ();
  g_settings_set_strv (atlas_application_get_settings (app), "comparison-countries", ids);
  window = atlas_ui_test_open_window (app);

  operation = atlas_comparison_page_create_print_operation (atlas_window_get_comparison_page (window));
  g_assert_nonnull (operation);
  gtk_print_operation_set_export_filename (operation, path);
  g_assert_cmpint (gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_EXPORT, GTK_WINDOW (window), &error),
                   ==, GTK_PRINT_OPERATION_RESULT_APPLY);
  g_assert_no_error (error);

  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  g_assert_true (g_str_has_prefix (contents, "%PDF"));
  g_assert_cmpuint (length, >, 1024);

  g_unlink (path);
  g_rmdir (dir);
  atlas_ui_test_close_window (window);
}

static void
test_therapies (void)
{
  AtlasWindow *window;
  AtlasTherapyPage *page;
  GListModel *cell_sources = atlas_dataset_get_cell_sources (get_dataset ());
  GListModel *types = atlas_dataset_get_therapy_types (get_dataset ());
  AtlasSideBySide *table;
  GtkLabel *examples;
  const char *markup;
  const char *href;
  g_autofree char *uri = NULL;
  g_autofree char *country_id = NULL;
  gboolean handled = FALSE;

  reset_settings ();
  window = atlas_ui_test_open_window (app);
  page = atlas_window_get_therapy_page (window);
  activate (window, "show-therapies", g_variant_new_string (""));
  g_assert_cmpstr (atlas_window_get_visible_page_name (window), ==, "therapies");

  /* Every cell source in the data, in its order, by name. */
  g_assert_cmpuint (g_list_model_get_n_items (cell_sources), >=, 9);
  g_assert_cmpuint (atlas_therapy_page_get_n_cell_sources (page), ==, g_list_model_get_n_items (cell_sources));
  for (guint i = 0; i < g_list_model_get_n_items (cell_sources); i++)
    {
      g_autoptr(AtlasCellSource) cell_source = g_list_model_get_item (cell_sources, i);
      AdwPreferencesRow *row = atlas_therapy_page_get_cell_source_row (page, i);

      g_assert_cmpstr (adw_preferences_row_get_title (row), ==, atlas_cell_source_get_name (cell_source));
      g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (row)));
    }

  /* Both therapy types, side by side. */
  table = atlas_therapy_page_get_types_table (page);
  g_assert_cmpuint (g_list_model_get_n_items (types), ==, 2);
  g_assert_cmpuint (atlas_side_by_side_get_n_columns (table), ==, 2);
  for (guint i = 0; i < 2; i++)
    {
      g_autoptr(AtlasTherapyType) type = g_list_model_get_item (types, i);
      GtkWidget *header = atlas_side_by_side_get_part (table, ATLAS_SIDE_BY_SIDE_HEADER, 0, i);

      g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (header)), ==, atlas_therapy_type_get_name (type));
      g_assert_true (gtk_widget_get_mapped (header));
    }

  /* An example product links to its country's page. */
  examples = atlas_therapy_page_find_examples_label (page, 0);
  markup = gtk_label_get_label (examples);
  href = strstr (markup, "href=\"");
  g_assert_nonnull (href);
  uri = g_strndup (href + 6, strchr (href + 6, '"') - (href + 6));
  g_assert_true (g_str_has_prefix (uri, "atlas-country:"));
  country_id = g_strdup (uri + strlen ("atlas-country:"));
  g_signal_emit_by_name (examples, "activate-link", uri, &handled);
  g_assert_true (handled);
  g_assert_cmpstr (atlas_window_get_visible_page_name (window), ==, "country");
  g_assert_cmpstr (atlas_country_page_get_title_text (atlas_window_get_country_page (window)), ==,
                   country_name (country_id));

  atlas_ui_test_close_window (window);
}

static void
test_condition (void)
{
  AtlasCondition *condition = atlas_dataset_lookup_condition (get_dataset (), "parkinsons");
  AtlasConditionsPage *page;
  AtlasWindow *window;
  const char *product_name = NULL;
  const char *product_country = NULL;
  GtkWidget *product_row;

  g_assert_nonnull (condition);

  reset_settings ();
  window = atlas_ui_test_open_window (app);
  page = atlas_window_get_conditions_page (window);
  activate (window, "show-conditions", g_variant_new_string ("parkinsons"));
  g_assert_cmpstr (atlas_window_get_visible_page_name (window), ==, "conditions");
  g_assert_cmpstr (atlas_conditions_page_get_title_text (page), ==, atlas_condition_get_name (condition));

  /* One row per country in the data, with its status in words. */
  g_assert_cmpuint (atlas_conditions_page_get_n_countries (page), ==, atlas_condition_get_n_statuses (condition));
  for (guint i = 0; i < atlas_condition_get_n_statuses (condition); i++)
    {
      const AtlasConditionStatus *status = atlas_condition_get_status (condition, i);
      GtkWidget *row = atlas_conditions_page_find_row (page, country_name (status->country_id));
      GtkLabel *badge;

      g_assert_nonnull (row);
      g_assert_true (gtk_widget_get_mapped (row));
      badge = GTK_LABEL (atlas_ui_test_find (row, atlas_ui_test_is_label_with_class, "status-badge"));
      g_assert_nonnull (badge);
      g_assert_cmpstr (gtk_label_get_label (badge), ==, atlas_availability_to_label (status->availability));
      g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (badge),
                                               atlas_enum_to_nick (ATLAS_TYPE_AVAILABILITY, status->availability)));

      if (status->product_ids != NULL && status->product_ids[0] != NULL && product_name == NULL)
        {
          product_name = atlas_product_get_name (atlas_dataset_lookup_product (get_dataset (), status->product_ids[0]));
          product_country = status->country_id;
        }
    }

  /* Parkinson's has a product (Japan's); activating it opens its country. */
  g_assert_nonnull (product_name);
  product_row = atlas_conditions_page_find_row (page, product_name);
  g_assert_nonnull (product_row);
  /* Its arrow and the page's heart only decorate what has a name. */
  atlas_ui_test_assert_decorative_icon (product_row, "go-next-symbolic");
  atlas_ui_test_assert_decorative_icon (GTK_WIDGET (page), "emblem-favorite-symbolic");
  gtk_widget_activate (product_row);
  WAIT_UNTIL (g_strcmp0 (atlas_window_get_visible_page_name (window), "country") == 0);
  g_assert_cmpstr (atlas_country_page_get_title_text (atlas_window_get_country_page (window)), ==,
                   country_name (product_country));

  atlas_ui_test_close_window (window);
}

/* The views and the countries share the content pane: choosing one leaves
 * the other, and the window's own accessors still tell which is shown. */
static void
test_navigation (void)
{
  AtlasWindow *window;

  reset_settings ();
  window = atlas_ui_test_open_window (app);

  atlas_window_select_country (window, "jp");
  g_assert_cmpstr (atlas_window_get_visible_page_name (window), ==, "country");

  activate (window, "show-compare", NULL);
  g_assert_cmpstr (atlas_window_get_visible_page_name (window), ==, "compare");
  /* Nothing compared yet: the page says how to start. */
  g_assert_false (g_action_group_get_action_enabled (G_ACTION_GROUP (window), "export-csv"));

  activate (window, "show-therapies", g_variant_new_string (""));
  g_assert_cmpstr (atlas_window_get_visible_page_name (window), ==, "therapies");

  /* The views and the comparison have their shortcuts. */
  {
    g_auto(GStrv) print = gtk_application_get_actions_for_accel (GTK_APPLICATION (app), "<Control>p");
    g_auto(GStrv) compare = gtk_application_get_actions_for_accel (GTK_APPLICATION (app), "<Control>1");
    g_auto(GStrv) add = gtk_application_get_actions_for_accel (GTK_APPLICATION (app), "<Control>d");

    g_assert_true (g_strv_contains ((const char * const *) print, "win.print"));
    g_assert_true (g_strv_contains ((const char * const *) compare, "win.show-compare"));
    g_assert_true (g_strv_contains ((const char * const *) add, "win.add-to-comparison"));
  }

  activate (window, "show-country", g_variant_new_string ("kr"));
  g_assert_cmpstr (atlas_window_get_visible_page_name (window), ==, "country");
  g_assert_cmpstr (atlas_country_page_get_title_text (atlas_window_get_country_page (window)), ==,
                   country_name ("kr"));

  atlas_ui_test_close_window (window);
}

/* Every row title under @widget, in order; checks none reads data as markup. */
static void
collect_row_titles (GtkWidget *widget,
                    GPtrArray *titles)
{
  if (ADW_IS_PREFERENCES_ROW (widget))
    {
      g_assert_false (adw_preferences_row_get_use_markup (ADW_PREFERENCES_ROW (widget)));
      g_ptr_array_add (titles, (gpointer) adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)));
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    collect_row_titles (child, titles);
}

static void
test_guidance (void)
{
  AtlasWindow *window = atlas_ui_test_open_window (app);
  GListModel *guidance = atlas_dataset_get_guidance (get_dataset ());
  g_autoptr(GPtrArray) titles = g_ptr_array_new ();
  guint n_questions = 0, n_red_flags = 0;

  g_assert_true (g_action_group_has_action (G_ACTION_GROUP (window), "show-guidance"));
  g_action_group_activate_action (G_ACTION_GROUP (window), "show-guidance", NULL);
  g_assert_cmpstr (atlas_window_get_visible_page_name (window), ==, "guidance");

  collect_row_titles (GTK_WIDGET (atlas_window_get_guidance_page (window)), titles);

  /* Every point of the guidance is there, and so is every source it cites. */
  g_assert_cmpuint (g_list_model_get_n_items (guidance), >, 0);
  for (guint i = 0; i < g_list_model_get_n_items (guidance); i++)
    {
      g_autoptr(AtlasGuidance) item = g_list_model_get_item (guidance, i);
      const char * const *source_ids = atlas_guidance_get_source_ids (item);

      g_assert_true (g_ptr_array_find_with_equal_func (titles, atlas_guidance_get_title (item), g_str_equal, NULL));
      for (guint j = 0; source_ids[j] != NULL; j++)
        {
          AtlasSource *source = atlas_dataset_lookup_source (get_dataset (), source_ids[j]);

          g_assert_true (g_ptr_array_find_with_equal_func (titles, atlas_source_get_title (source), g_str_equal, NULL));
        }

      n_questions += atlas_guidance_get_kind (item) == ATLAS_GUIDANCE_KIND_QUESTION;
      n_red_flags += atlas_guidance_get_kind (item) == ATLAS_GUIDANCE_KIND_RED_FLAG;
    }

  /* Questions to ask and warning signs are both there for a patient. */
  g_assert_cmpuint (n_questions, >, 0);
  g_assert_cmpuint (n_red_flags, >, 0);

  atlas_ui_test_close_window (window);
}

/* The label under @widget whose text starts with @prefix and that a user
 * can see (every ancestor up to @widget visible and revealed), or NULL. */
static GtkLabel *
find_visible_label (GtkWidget  *widget,
                    const char *prefix)
{
  if (!gtk_widget_get_visible (widget) ||
      (GTK_IS_REVEALER (widget) && !gtk_revealer_get_reveal_child (GTK_REVEALER (widget))))
    return NULL;

  if (GTK_IS_LABEL (widget) && g_str_has_prefix (gtk_label_get_label (GTK_LABEL (widget)), prefix))
    return GTK_LABEL (widget);

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkLabel *found = find_visible_label (child, prefix);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/* Expired data is still shown, and marked for as long as it is in use. */
static void
test_expired_banner (void)
{
  AtlasStore *store = atlas_application_get_store (app);
  g_autoptr(AtlasDataset) bundled = g_object_ref (get_dataset ());
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "fixtures", "valid", "expired.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(AtlasDataset) expired = atlas_loader_load_file (file, NULL, &error);
  AtlasWindow *window = atlas_ui_test_open_window (app);
  const char *prefix = "This data may be out of date: it was meant to be replaced by ";

  g_assert_no_error (error);
  g_assert_null (find_visible_label (GTK_WIDGET (window), prefix));

  atlas_store_set_dataset (store, expired);
  WAIT_UNTIL (find_visible_label (GTK_WIDGET (window), prefix) != NULL);
  /* The data itself is still there to read. */
  g_assert_cmpuint (g_list_model_get_n_items (atlas_window_get_visible_countries (window)), >, 0);

  atlas_store_set_dataset (store, bundled);
  WAIT_UNTIL (find_visible_label (GTK_WIDGET (window), prefix) == NULL);

  atlas_ui_test_close_window (window);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  atlas_ui_test_init (&argc, &argv);

  app = atlas_ui_test_start_app ();

  g_test_add_func ("/ui/compare/two-columns", test_two_columns);
  g_test_add_func ("/ui/compare/remove-move-restore", test_remove_move_restore);
  g_test_add_func ("/ui/compare/narrow-stacks", test_narrow_stacks);
  g_test_add_func ("/ui/compare/refresh-keeps-ids", test_refresh_keeps_ids);
  g_test_add_func ("/ui/compare/chart", test_chart);
  g_test_add_func ("/ui/compare/export", test_export);
  g_test_add_func ("/ui/compare/print-to-pdf", test_print_to_pdf);
  g_test_add_func ("/ui/therapies/lists-everything", test_therapies);
  g_test_add_func ("/ui/conditions/statuses", test_condition);
  g_test_add_func ("/ui/window/views", test_navigation);
  g_test_add_func ("/ui/guidance/every-point-and-source", test_guidance);
  g_test_add_func ("/ui/window/expired-banner", test_expired_banner);

  status = g_test_run ();

  g_application_release (G_APPLICATION (app));
  g_clear_object (&app);

  return status;
}
