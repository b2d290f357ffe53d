/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The main window as a user sees it: a real application, the bundled data,
 * and a window on the (virtual) screen. */

#include "config.h"

#include <adwaita.h>
#ifdef HAVE_MALLOPT
#include <malloc.h>
#endif

#include "atlas-application.h"
#include "atlas-entry.h"
#include "atlas-ui-test.h"
#include "atlas-window.h"

static AtlasApplication *app;

static char *
dup_country_name (guint     position,
                  GListModel *model)
{
  g_autoptr(AtlasCountry) country = g_list_model_get_item (model, position);

  return g_strdup (atlas_country_get_name (country));
}

static gboolean
model_has_name (GListModel *model,
                const char *name)
{
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autofree char *item_name = dup_country_name (i, model);

      if (g_strcmp0 (item_name, name) == 0)
        return TRUE;
    }

  return FALSE;
}

static void
test_sidebar_lists_countries (void)
{
  AtlasWindow *window = atlas_ui_test_open_window (app);
  GListModel *visible = atlas_window_get_visible_countries (window);
  GListModel *countries = atlas_store_get_countries (atlas_application_get_store (app));
  guint n_items = g_list_model_get_n_items (visible);

  g_assert_cmpuint (n_items, ==, g_list_model_get_n_items (countries));
  g_assert_cmpuint (n_items, >=, 4);
  g_assert_true (model_has_name (visible, "Japan"));
  g_assert_true (model_has_name (visible, "United States"));

  /* Sorted by name, as a user scans the list. */
  for (guint i = 1; i < n_items; i++)
    {
      g_autofree char *previous = dup_country_name (i - 1, visible);
      g_autofree char *current = dup_country_name (i, visible);

      g_assert_cmpint (g_utf8_collate (previous, current), <=, 0);
    }

  atlas_ui_test_close_window (window);
}

static void
test_search_filters (void)
{
  AtlasWindow *window = atlas_ui_test_open_window (app);
  GListModel *visible = atlas_window_get_visible_countries (window);
  GtkEditable *entry = GTK_EDITABLE (atlas_window_get_search_entry (window));
  guint n_all = g_list_model_get_n_items (visible);
  GtkWidget *no_results;
  g_autofree char *name = NULL;

  /* The empty state is made when a search first finds nothing. */
  g_assert_null (atlas_ui_test_find (GTK_WIDGET (window), atlas_ui_test_is_status_page, "No Results Found"));

  gtk_editable_set_text (entry, "japan");
  WAIT_UNTIL (g_list_model_get_n_items (visible) == 1);
  name = dup_country_name (0, visible);
  g_assert_cmpstr (name, ==, "Japan");

  gtk_editable_set_text (entry, "zzzz");
  WAIT_UNTIL (g_list_model_get_n_items (visible) == 0);
  no_results = atlas_ui_test_find (GTK_WIDGET (window), atlas_ui_test_is_status_page, "No Results Found");
  g_assert_nonnull (no_results);
  g_assert_true (gtk_widget_has_css_class (no_results, "compact"));
  WAIT_UNTIL (gtk_widget_get_mapped (no_results));

  gtk_editable_set_text (entry, "");
  WAIT_UNTIL (g_list_model_get_n_items (visible) == n_all);
  WAIT_UNTIL (!gtk_widget_get_mapped (no_results));

  atlas_ui_test_close_window (window);
}

static void
test_country_page (void)
{
  AtlasWindow *window = atlas_ui_test_open_window (app);
  AtlasCountryPage *page = atlas_window_get_country_page (window);
  AtlasDataset *dataset = atlas_store_get_dataset (atlas_application_get_store (app));
  AtlasCountry *japan = atlas_dataset_lookup_country (dataset, "jp");
  g_autoptr(AtlasEntry) regulator = NULL;
  g_autofree char *regulator_title = NULL;

  g_assert_nonnull (japan);

  atlas_window_select_country (window, "jp");
  g_assert_cmpstr (atlas_window_get_visible_page_name (window), ==, "country");
  g_assert_cmpstr (atlas_country_page_get_title_text (page), ==, "Japan");

  /* The row shows the regulator's name with its acronym. */
  regulator = g_list_model_get_item (atlas_country_get_section (japan, ATLAS_SECTION_REGULATORS), 0);
  g_assert_nonnull (regulator);
  g_assert_cmpstr (atlas_entry_get_acronym (regulator), ==, "MHLW");
  regulator_title = g_strdup_printf ("%s (%s)",
                                     atlas_entry_get_title (regulator),
                                     atlas_entry_get_acronym (regulator));
  g_assert_nonnull (strstr (regulator_title, "MHLW"));
  WAIT_UNTIL (!atlas_country_page_get_building (page));
  g_assert_nonnull (atlas_country_page_find_row (page, regulator_title));

  atlas_ui_test_close_window (window);
}

static void
test_selection_restored (void)
{
  GSettings *settings = atlas_application_get_settings (app);
  AtlasDataset *dataset = atlas_store_get_dataset (atlas_application_get_store (app));
  const char *korea = atlas_country_get_name (atlas_dataset_lookup_country (dataset, "kr"));
  AtlasWindow *window = atlas_ui_test_open_window (app);
  AtlasWindow *second;
  g_autofree char *saved = NULL;

  atlas_window_select_country (window, "kr");
  saved = g_settings_get_string (settings, "selected-country");
  g_assert_cmpstr (saved, ==, "kr");
  atlas_ui_test_close_window (window);

  second = atlas_ui_test_open_window (app);
  g_assert_cmpstr (atlas_window_get_visible_page_name (second), ==, "country");
  g_assert_cmpstr (atlas_country_page_get_title_text (atlas_window_get_country_page (second)), ==, korea);
  atlas_ui_test_close_window (second);
}

static void
test_conditional_badge (void)
{
  AtlasWindow *window = atlas_ui_test_open_window (app);
  AtlasCountryPage *page = atlas_window_get_country_page (window);
  AtlasDataset *dataset = atlas_store_get_dataset (atlas_application_get_store (app));
  GListModel *products = atlas_country_get_products (atlas_dataset_lookup_country (dataset, "jp"));
  const char *stemirac = NULL;
  GtkWidget *row;
  GtkLabel *badge;

  for (guint i = 0; i < g_list_model_get_n_items (products); i++)
    {
      g_autoptr(AtlasProduct) product = g_list_model_get_item (products, i);

      if (g_str_has_prefix (atlas_product_get_name (product), "Stemirac"))
        {
          g_assert_cmpint (atlas_product_get_status (product), ==, ATLAS_PRODUCT_STATUS_CONDITIONAL);
          stemirac = atlas_product_get_name (product);
        }
    }
  g_assert_nonnull (stemirac);

  atlas_window_select_country (window, "jp");
  WAIT_UNTIL (!atlas_country_page_get_building (page));
  row = atlas_country_page_find_row (page, stemirac);
  g_assert_nonnull (row);

  badge = GTK_LABEL (atlas_ui_test_find (row, atlas_ui_test_is_label_with_class, "status-badge"));
  g_assert_nonnull (badge);
  g_assert_cmpstr (gtk_label_get_label (badge), ==, "Conditional");
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (badge), "conditional"));

  atlas_ui_test_close_window (window);
}

/* The keyboard shortcuts window is built when first asked for, by Ctrl+?
 * or the main menu, and then kept. */
static void
test_shortcuts_window (void)
{
  AtlasWindow *window = atlas_ui_test_open_window (app);
  g_auto(GStrv) actions = gtk_application_get_actions_for_accel (GTK_APPLICATION (app), "<Control>question");
  GtkShortcutsWindow *overlay;

  g_assert_true (g_strv_contains ((const char * const *) actions, "win.show-help-overlay"));
  g_assert_null (gtk_application_window_get_help_overlay (GTK_APPLICATION_WINDOW (window)));

  g_action_group_activate_action (G_ACTION_GROUP (window), "show-help-overlay", NULL);
  overlay = gtk_application_window_get_help_overlay (GTK_APPLICATION_WINDOW (window));
  g_assert_nonnull (overlay);
  WAIT_UNTIL (gtk_widget_get_mapped (GTK_WIDGET (overlay)));
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (overlay)) == GTK_WINDOW (window));

  gtk_window_close (GTK_WINDOW (overlay));
  WAIT_UNTIL (!gtk_widget_get_visible (GTK_WIDGET (overlay)));
  g_action_group_activate_action (G_ACTION_GROUP (window), "show-help-overlay", NULL);
  g_assert_true (gtk_application_window_get_help_overlay (GTK_APPLICATION_WINDOW (window)) == overlay);
  WAIT_UNTIL (gtk_widget_get_mapped (GTK_WIDGET (overlay)));

  atlas_ui_test_close_window (window);
}

/* "Add to Comparison" follows the saved comparison before the comparison
 * page is built, and adding builds it and saves the new country. */
static void
test_add_to_saved_comparison (void)
{
  GSettings *settings = atlas_application_get_settings (app);
  const char * const four[] = { "us", "jp", "kr", "gb", NULL };
  const char * const two[] = { "us", "jp", NULL };
  AtlasWindow *window;
  g_auto(GStrv) saved = NULL;

  g_settings_set_strv (settings, "comparison-countries", four);
  window = atlas_ui_test_open_window (app);

  /* Four compared: no room, whichever country. */
  atlas_window_select_country (window, "de");
  g_assert_false (g_action_group_get_action_enabled (G_ACTION_GROUP (window), "add-to-comparison"));

  /* The setting changes: there is room again, but not for a country that is
   * already compared. */
  g_settings_set_strv (settings, "comparison-countries", two);
  g_assert_true (g_action_group_get_action_enabled (G_ACTION_GROUP (window), "add-to-comparison"));
  atlas_window_select_country (window, "jp");
  g_assert_false (g_action_group_get_action_enabled (G_ACTION_GROUP (window), "add-to-comparison"));

  atlas_window_select_country (window, "de");
  g_action_group_activate_action (G_ACTION_GROUP (window), "add-to-comparison", NULL);
  saved = g_settings_get_strv (settings, "comparison-countries");
  g_assert_cmpuint (g_strv_length (saved), ==, 3);
  g_assert_cmpstr (saved[2], ==, "de");
  g_assert_false (g_action_group_get_action_enabled (G_ACTION_GROUP (window), "add-to-comparison"));

  g_settings_reset (settings, "comparison-countries");
  atlas_ui_test_close_window (window);
}

static gboolean
is_menu_button (GtkWidget     *widget,
                gconstpointer  tooltip)
{
  return GTK_IS_MENU_BUTTON (widget) && g_strcmp0 (gtk_widget_get_tooltip_text (widget), tooltip) == 0;
}

/* The main menu gets its popover when it first opens, and it has the
 * entries of the menu model. */
static void
test_main_menu (void)
{
  AtlasWindow *window = atlas_ui_test_open_window (app);
  GtkMenuButton *button = GTK_MENU_BUTTON (atlas_ui_test_find (GTK_WIDGET (window), is_menu_button, "Main Menu"));
  GMenuModel *model;
  GtkPopover *popover;

  g_assert_nonnull (button);
  g_assert_null (gtk_menu_button_get_popover (button));

  gtk_menu_button_popup (button);
  model = gtk_menu_button_get_menu_model (button);
  g_assert_nonnull (model);
  g_assert_cmpint (g_menu_model_get_n_items (model), >, 0);
  popover = gtk_menu_button_get_popover (button);
  g_assert_nonnull (popover);
  WAIT_UNTIL (gtk_widget_get_mapped (GTK_WIDGET (popover)));

  gtk_menu_button_popdown (button);
  atlas_ui_test_close_window (window);
}

static gboolean
is_mapped_spinner (GtkWidget     *widget,
                   gconstpointer  data)
{
  (void) data;

  return GTK_IS_SPINNER (widget) && gtk_widget_get_mapped (widget) && gtk_spinner_get_spinning (GTK_SPINNER (widget));
}

/* A second application of its own, whose data is loaded only when the test
 * asks; its own id (@suffix), as the test's application holds the bus path
 * of the real one. */
static AtlasApplication *
new_unloaded_app (const char *suffix)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *id = g_strconcat ("io.github.stemcellatlas.StemCellAtlas.", suffix, NULL);
  AtlasApplication *unloaded = g_object_new (ATLAS_TYPE_APPLICATION,
                                             "application-id", id,
                                             "flags", G_APPLICATION_NON_UNIQUE,
                                             "resource-base-path", RESOURCE_PREFIX,
                                             NULL);

  g_application_register (G_APPLICATION (unloaded), NULL, &error);
  g_assert_no_error (error);
  g_application_hold (G_APPLICATION (unloaded));
  return unloaded;
}

static void
free_unloaded_app (AtlasApplication *unloaded)
{
  g_application_release (G_APPLICATION (unloaded));
  g_object_unref (unloaded);
}

/* While the data loads the window shows nothing at first, then a spinner
 * if loading takes a while: most loads end before it would show. */
static void
test_loading_spinner (void)
{
  AtlasApplication *unloaded = new_unloaded_app ("Unloaded");
  AtlasWindow *window;
  gint64 opened;

  window = atlas_ui_test_open_window (unloaded);
  opened = g_get_monotonic_time ();
  g_assert_cmpstr (atlas_window_get_visible_page_name (window), ==, "loading");
  g_assert_cmpuint (atlas_ui_test_count (GTK_WIDGET (window), is_mapped_spinner, NULL), ==, 0);

  WAIT_UNTIL (atlas_ui_test_count (GTK_WIDGET (window), is_mapped_spinner, NULL) == 1);
  g_assert_cmpint (g_get_monotonic_time () - opened, >=, 400 * 1000);

  atlas_ui_test_close_window (window);
  free_unloaded_app (unloaded);
}

typedef struct
{
  AtlasWindow *window;
  GPtrArray *seen;
} PageRecord;

/* Notes each page the window shows, in order. */
static gboolean
record_page_cb (gpointer user_data)
{
  PageRecord *record = user_data;
  const char *name = atlas_window_get_visible_page_name (record->window);
  GPtrArray *seen = record->seen;

  if (seen->len == 0 || g_strcmp0 (g_ptr_array_index (seen, seen->len - 1), name) != 0)
    g_ptr_array_add (seen, g_strdup (name));
  return G_SOURCE_CONTINUE;
}

/* The sidebar takes the countries a batch at a time; until the selected
 * country's row is there the window goes on showing that it is loading,
 * never "No Country Selected". */
static void
test_no_empty_page_while_loading (void)
{
  g_autoptr(GPtrArray) seen = g_ptr_array_new_with_free_func (g_free);
  AtlasApplication *unloaded = new_unloaded_app ("Loading");
  PageRecord record = { NULL, seen };
  guint record_id;

  record.window = atlas_ui_test_open_window (unloaded);
  record_id = g_timeout_add (1, record_page_cb, &record);
  atlas_application_load_data (unloaded);
  WAIT_UNTIL (g_strcmp0 (atlas_window_get_visible_page_name (record.window), "country") == 0);
  g_source_remove (record_id);

  g_assert_cmpuint (seen->len, >=, 1);
  for (guint i = 0; i < seen->len; i++)
    g_assert_cmpstr (g_ptr_array_index (seen, i), !=, "empty");

  atlas_ui_test_close_window (record.window);
  free_unloaded_app (unloaded);
}

static guint
count_country_pages (AtlasWindow *window)
{
  return atlas_ui_test_count (GTK_WIDGET (window), atlas_ui_test_is_of_type,
                              GSIZE_TO_POINTER (ATLAS_TYPE_COUNTRY_PAGE));
}

/* The country page is made for the first country shown, not for the
 * window's first frame, when there is no data and so no country. */
static void
test_country_page_made_when_needed (void)
{
  AtlasApplication *unloaded = new_unloaded_app ("Lazy");
  AtlasWindow *window = atlas_ui_test_open_window (unloaded);
  const char *korea;

  g_assert_cmpstr (atlas_window_get_visible_page_name (window), ==, "loading");
  g_assert_cmpuint (count_country_pages (window), ==, 0);

  atlas_application_load_data (unloaded);
  WAIT_UNTIL (g_strcmp0 (atlas_window_get_visible_page_name (window), "country") == 0);
  g_assert_cmpuint (count_country_pages (window), ==, 1);
  g_assert_nonnull (atlas_country_page_get_title_text (atlas_window_get_country_page (window)));

  /* Another country reuses it. */
  korea = atlas_country_get_name (atlas_dataset_lookup_country (
    atlas_store_get_dataset (atlas_application_get_store (unloaded)), "kr"));
  g_action_group_activate_action (G_ACTION_GROUP (window), "show-country", g_variant_new_string ("kr"));
  WAIT_UNTIL (g_strcmp0 (atlas_country_page_get_title_text (atlas_window_get_country_page (window)), korea) == 0);
  g_assert_cmpuint (count_country_pages (window), ==, 1);

  atlas_ui_test_close_window (window);
  free_unloaded_app (unloaded);
}

static void
on_sidebar_items_changed (GListModel *model,
                          guint       position,
                          guint       removed,
                          guint       added,
                          gpointer    user_data)
{
  guint *n_out_of_order = user_data;

  /* Rows are only ever added after the last one: none moves while the
   * reader may be about to click it. */
  if (removed != 0 || position + added != g_list_model_get_n_items (model))
    (*n_out_of_order)++;
}

/* The sidebar fills in the order it shows, a batch at a time. */
static void
test_sidebar_fills_in_order (void)
{
  AtlasApplication *unloaded = new_unloaded_app ("Filling");
  AtlasWindow *window;
  GListModel *visible;
  guint n_out_of_order = 0;
  guint n_countries;

  window = atlas_ui_test_open_window (unloaded);
  visible = atlas_window_get_visible_countries (window);
  g_assert_cmpuint (g_list_model_get_n_items (visible), ==, 0);
  g_signal_connect (visible, "items-changed", G_CALLBACK (on_sidebar_items_changed), &n_out_of_order);

  atlas_application_load_data (unloaded);
  WAIT_UNTIL (atlas_store_get_dataset (atlas_application_get_store (unloaded)) != NULL);
  n_countries = g_list_model_get_n_items (atlas_dataset_get_countries (atlas_store_get_dataset (atlas_application_get_store (unloaded))));
  /* The bundled data is more than one batch. */
  g_assert_cmpuint (n_countries, >, 12);
  WAIT_UNTIL (g_list_model_get_n_items (visible) == n_countries);
  g_assert_cmpuint (n_out_of_order, ==, 0);

  for (guint i = 1; i < n_countries; i++)
    {
      g_autofree char *previous = dup_country_name (i - 1, visible);
      g_autofree char *current = dup_country_name (i, visible);

      g_assert_cmpint (g_utf8_collate (previous, current), <=, 0);
    }

  g_signal_handlers_disconnect_by_func (visible, on_sidebar_items_changed, &n_out_of_order);
  atlas_ui_test_close_window (window);
  free_unloaded_app (unloaded);
}

/* Once the data loads, glibc no longer raises its mmap threshold to the
 * largest block freed: a large block is mapped, and so goes back to the
 * system when freed, even after a larger one came and went. */
static void
test_large_blocks_are_mapped (void)
{
#if defined(HAVE_MALLOPT) && defined(__GLIBC__) && (__GLIBC__ > 2 || __GLIBC_MINOR__ >= 33)
  AtlasWindow *window = atlas_ui_test_open_window (app);
  size_t mapped_before;
  void *block;

  /* With the threshold left to glibc, this raises it to 4 MiB. */
  g_free (g_malloc (4 * 1024 * 1024));

  mapped_before = mallinfo2 ().hblkhd;
  block = g_malloc (512 * 1024);
  g_assert_cmpuint (mallinfo2 ().hblkhd, >=, mapped_before + 512 * 1024);
  g_free (block);

  atlas_ui_test_close_window (window);
#else
  g_test_skip ("needs glibc's mallopt() and mallinfo2()");
#endif
}

int
main (int   argc,
      char *argv[])
{
  int status;

  atlas_ui_test_init (&argc, &argv);

  app = atlas_ui_test_start_app ();

  g_test_add_func ("/ui/window/sidebar-lists-countries", test_sidebar_lists_countries);
  g_test_add_func ("/ui/window/search-filters", test_search_filters);
  g_test_add_func ("/ui/window/country-page", test_country_page);
  g_test_add_func ("/ui/window/selection-restored", test_selection_restored);
  g_test_add_func ("/ui/window/conditional-badge", test_conditional_badge);
  g_test_add_func ("/ui/window/shortcuts-window", test_shortcuts_window);
  g_test_add_func ("/ui/window/main-menu", test_main_menu);
  g_test_add_func ("/ui/window/add-to-saved-comparison", test_add_to_saved_comparison);
  g_test_add_func ("/ui/window/loading-spinner", test_loading_spinner);
  g_test_add_func ("/ui/window/no-empty-page-while-loading", test_no_empty_page_while_loading);
  g_test_add_func ("/ui/window/country-page-made-when-needed", test_country_page_made_when_needed);
  g_test_add_func ("/ui/window/large-blocks-are-mapped", test_large_blocks_are_mapped);
  g_test_add_func ("/ui/window/sidebar-fills-in-order", test_sidebar_fills_in_order);

  status = g_test_run ();

  g_application_release (G_APPLICATION (app));
  g_clear_object (&app);

  return status;
}
