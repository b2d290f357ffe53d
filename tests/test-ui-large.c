/* SPDX-License-Identifier: GPL-3.0-or-later */
/* A large dataset in a real window: long lists come a page at a time, a
 * product's details are built when its row opens, and pages hidden behind
 * another build nothing until they are shown. The data is generated at
 * build time by build-aux/benchmark-generate-data.py (4 countries, 100
 * products and 50 milestones each). */

#include "config.h"

#include <adwaita.h>

#include "atlas-application.h"
#include "atlas-info-row.h"
#include "atlas-loader.h"
#include "atlas-row-pager.h"
#include "atlas-ui-test.h"
#include "atlas-window.h"

#define PAGE_SIZE 15
#define PRODUCTS_PAGE_SIZE 10

static AtlasApplication *app;
static AtlasDataset *large;

static void
activate (AtlasWindow *window,
          const char  *action,
          GVariant    *parameter)
{
  g_action_group_activate_action (G_ACTION_GROUP (window), action, parameter);
}

static AtlasDataset *
load_large (void)
{
  g_autoptr(GFile) file = g_file_new_for_path (g_getenv ("ATLAS_TEST_LARGE_DATA"));
  g_autoptr(GError) error = NULL;
  AtlasDataset *dataset = atlas_loader_load_file (file, NULL, &error);

  g_assert_no_error (error);
  return dataset;
}

static AtlasCountry *
first_country (void)
{
  return g_list_model_get_item (atlas_dataset_get_countries (large), 0);
}

static void
test_products_a_page_at_a_time (void)
{
  AtlasWindow *window = atlas_ui_test_open_window (app);
  AtlasCountryPage *page = atlas_window_get_country_page (window);
  g_autoptr(AtlasCountry) country = first_country ();
  GListModel *products = atlas_country_get_products (country);
  g_autoptr(AtlasProduct) first = g_list_model_get_item (products, 0);
  g_autoptr(AtlasProduct) after_first_page = g_list_model_get_item (products, PRODUCTS_PAGE_SIZE);
  GtkWidget *group;
  GtkWidget *more_row;
  GtkWidget *row;
  GtkWidget *focus;
  AtlasRowPager *pager;

  g_assert_cmpuint (g_list_model_get_n_items (products), ==, 100);

  atlas_window_select_country (window, atlas_country_get_id (country));
  g_assert_cmpstr (atlas_window_get_visible_page_name (window), ==, "country");

  /* The groups come one per frame, products first, the sources last. */
  g_assert_true (atlas_country_page_get_building (page));
  g_assert_null (atlas_ui_test_find (GTK_WIDGET (page), atlas_ui_test_is_group, "Products"));
  WAIT_UNTIL (atlas_ui_test_find (GTK_WIDGET (page), atlas_ui_test_is_group, "Products") != NULL);
  g_assert_null (atlas_ui_test_find (GTK_WIDGET (page), atlas_ui_test_is_group, "Sources"));
  atlas_ui_test_scroll_to_end (page);
  g_assert_nonnull (atlas_ui_test_find (GTK_WIDGET (page), atlas_ui_test_is_group, "Sources"));

  group = atlas_ui_test_find (GTK_WIDGET (page), atlas_ui_test_is_group, "Products");
  g_assert_nonnull (group);
  pager = atlas_row_pager_get_for (group);
  g_assert_nonnull (pager);
  g_assert_cmpuint (atlas_row_pager_get_n_items (pager), ==, 100);
  g_assert_cmpuint (atlas_row_pager_get_n_shown (pager), ==, PRODUCTS_PAGE_SIZE);
  /* A row per product shown, and no more. */
  g_assert_cmpuint (atlas_ui_test_count (group, atlas_ui_test_is_of_type, GSIZE_TO_POINTER (ADW_TYPE_EXPANDER_ROW)), ==, PRODUCTS_PAGE_SIZE);
  g_assert_nonnull (atlas_country_page_find_row (page, atlas_product_get_name (first)));
  g_assert_null (atlas_country_page_find_row (page, atlas_product_get_name (after_first_page)));

  /* "Show 10 More", saying how much is shown, adds the next page and
   * hands the focus to its first row. */
  more_row = atlas_row_pager_get_more_row (pager);
  g_assert_nonnull (more_row);
  g_assert_true (gtk_widget_get_mapped (more_row));
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (more_row)), ==, "Show 10 More");
  g_assert_cmpstr (atlas_info_row_get_subtitle (ATLAS_INFO_ROW (more_row)), ==, "10 of 100 shown");
  atlas_ui_test_assert_decorative_icon (more_row, "go-down-symbolic");
  g_assert_true (gtk_widget_grab_focus (more_row));
  g_assert_true (gtk_widget_activate (more_row));

  g_assert_cmpuint (atlas_row_pager_get_n_shown (pager), ==, 2 * PRODUCTS_PAGE_SIZE);
  g_assert_cmpuint (atlas_ui_test_count (group, atlas_ui_test_is_of_type, GSIZE_TO_POINTER (ADW_TYPE_EXPANDER_ROW)), ==, 2 * PRODUCTS_PAGE_SIZE);
  row = atlas_country_page_find_row (page, atlas_product_get_name (after_first_page));
  g_assert_nonnull (row);
  focus = gtk_root_get_focus (gtk_widget_get_root (row));
  g_assert_true (focus == row || gtk_widget_is_ancestor (focus, row));
  more_row = atlas_row_pager_get_more_row (pager);
  g_assert_cmpstr (atlas_info_row_get_subtitle (ATLAS_INFO_ROW (more_row)), ==, "20 of 100 shown");

  /* The last page takes the "Show More" row away. */
  for (guint i = 0; i < 7; i++)
    atlas_row_pager_show_more (pager);
  g_assert_cmpuint (atlas_row_pager_get_n_shown (pager), ==, 90);
  atlas_row_pager_show_more (pager);
  g_assert_cmpuint (atlas_row_pager_get_n_shown (pager), ==, 100);
  g_assert_null (atlas_row_pager_get_more_row (pager));
  g_assert_cmpuint (atlas_ui_test_count (group, atlas_ui_test_is_of_type, GSIZE_TO_POINTER (ADW_TYPE_EXPANDER_ROW)), ==, 100);

  /* Milestones come a page at a time too. */
  group = atlas_ui_test_find (GTK_WIDGET (page), atlas_ui_test_is_group, "Milestones");
  g_assert_nonnull (group);
  pager = atlas_row_pager_get_for (group);
  g_assert_cmpuint (atlas_row_pager_get_n_items (pager), ==, 50);
  g_assert_cmpuint (atlas_row_pager_get_n_shown (pager), ==, PAGE_SIZE);

  atlas_ui_test_close_window (window);
}

static guint
count_groups (AtlasCountryPage *page)
{
  return atlas_ui_test_count (GTK_WIDGET (page), atlas_ui_test_is_of_type, GSIZE_TO_POINTER (ADW_TYPE_PREFERENCES_GROUP));
}

/* The last row of the last group on @page. */
static GtkWidget *
last_row (AtlasCountryPage *page)
{
  GtkWidget *first_group = atlas_ui_test_find (GTK_WIDGET (page), atlas_ui_test_is_of_type,
                                                GSIZE_TO_POINTER (ADW_TYPE_PREFERENCES_GROUP));
  GtkWidget *group;
  GtkWidget *row = NULL;

  /* The groups are the only children of their box. */
  g_assert_nonnull (first_group);
  group = gtk_widget_get_last_child (gtk_widget_get_parent (first_group));

  for (GtkWidget *w = atlas_ui_test_find (group, atlas_ui_test_is_of_type, GSIZE_TO_POINTER (GTK_TYPE_LIST_BOX_ROW));
       w != NULL; w = gtk_widget_get_next_sibling (w))
    if (gtk_widget_get_focusable (w))
      row = w;
  g_assert_nonnull (row);

  return row;
}

/* A long page builds what is in view and a little more, and the rest as
 * the reader comes near it: by scrolling, or by moving the focus down. */
static void
test_page_builds_near_the_view (void)
{
  AtlasWindow *window = atlas_ui_test_open_window (app);
  AtlasCountryPage *page = atlas_window_get_country_page (window);
  g_autoptr(AtlasCountry) country = first_country ();
  g_autoptr(AtlasCountry) second = g_list_model_get_item (atlas_dataset_get_countries (large), 1);
  GtkAdjustment *adjustment;
  guint n_groups;

  atlas_window_select_country (window, atlas_country_get_id (country));
  WAIT_UNTIL (!atlas_country_page_get_building (page));
  g_assert_false (atlas_country_page_get_complete (page));
  g_assert_null (atlas_ui_test_find (GTK_WIDGET (page), atlas_ui_test_is_group, "Sources"));

  /* The view is full, with some of the page ready below it. */
  adjustment = gtk_scrolled_window_get_vadjustment (
    GTK_SCROLLED_WINDOW (atlas_ui_test_find (GTK_WIDGET (page), atlas_ui_test_is_of_type,
                                             GSIZE_TO_POINTER (GTK_TYPE_SCROLLED_WINDOW))));
  g_assert_cmpfloat (gtk_adjustment_get_page_size (adjustment), >, 0);
  g_assert_cmpfloat (gtk_adjustment_get_upper (adjustment), >,
                     gtk_adjustment_get_value (adjustment) + gtk_adjustment_get_page_size (adjustment));

  /* Moving the focus to the last row built scrolls it into view, and the
   * groups after it follow. */
  n_groups = count_groups (page);
  g_assert_cmpuint (n_groups, >, 0);
  g_assert_true (gtk_widget_grab_focus (last_row (page)));
  WAIT_UNTIL (count_groups (page) > n_groups);

  /* Scrolling to the end builds the whole page. */
  atlas_ui_test_scroll_to_end (page);
  g_assert_true (atlas_country_page_get_complete (page));
  g_assert_nonnull (atlas_ui_test_find (GTK_WIDGET (page), atlas_ui_test_is_group, "Sources"));

  /* Another country starts again at its top, with only what is near it. */
  atlas_window_select_country (window, atlas_country_get_id (second));
  g_assert_cmpfloat (gtk_adjustment_get_value (adjustment), ==, 0);
  WAIT_UNTIL (!atlas_country_page_get_building (page));
  g_assert_false (atlas_country_page_get_complete (page));

  atlas_ui_test_close_window (window);
}

static void
test_product_details_on_open (void)
{
  AtlasWindow *window = atlas_ui_test_open_window (app);
  AtlasCountryPage *page = atlas_window_get_country_page (window);
  g_autoptr(AtlasCountry) country = first_country ();
  g_autoptr(AtlasProduct) product = g_list_model_get_item (atlas_country_get_products (country), 3);
  GtkWidget *row;
  GtkWidget *sponsor;
  guint n_details;

  atlas_window_select_country (window, atlas_country_get_id (country));
  WAIT_UNTIL (!atlas_country_page_get_building (page));
  row = atlas_country_page_find_row (page, atlas_product_get_name (product));
  g_assert_nonnull (row);

  /* Nothing under a closed row... */
  g_assert_null (atlas_ui_test_find (row, atlas_ui_test_is_row, "Sponsor"));

  /* ...its details once opened, and only once however often it opens. */
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (row), TRUE);
  sponsor = atlas_ui_test_find (row, atlas_ui_test_is_row, "Sponsor");
  g_assert_nonnull (sponsor);
  g_assert_cmpstr (atlas_info_row_get_subtitle (ATLAS_INFO_ROW (sponsor)), ==, atlas_product_get_sponsor (product));
  g_assert_nonnull (atlas_ui_test_find (row, atlas_ui_test_is_row, "Status history"));
  n_details = atlas_ui_test_count (row, atlas_ui_test_is_of_type, GSIZE_TO_POINTER (ATLAS_TYPE_INFO_ROW));
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (row), FALSE);
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (row), TRUE);
  g_assert_cmpuint (atlas_ui_test_count (row, atlas_ui_test_is_of_type, GSIZE_TO_POINTER (ATLAS_TYPE_INFO_ROW)), ==, n_details);
  g_assert_true (atlas_ui_test_find (row, atlas_ui_test_is_row, "Sponsor") == sponsor);

  atlas_ui_test_close_window (window);
}

static guint
count_products_of_cell_source (const char *cell_source_id)
{
  GListModel *countries = atlas_dataset_get_countries (large);
  guint n = 0;

  for (guint i = 0; i < g_list_model_get_n_items (countries); i++)
    {
      g_autoptr(AtlasCountry) country = g_list_model_get_item (countries, i);
      GListModel *products = atlas_country_get_products (country);

      for (guint j = 0; j < g_list_model_get_n_items (products); j++)
        {
          g_autoptr(AtlasProduct) product = g_list_model_get_item (products, j);

          n += g_strcmp0 (atlas_product_get_cell_source_id (product), cell_source_id) == 0;
        }
    }

  return n;
}

static void
test_hidden_pages_wait (void)
{
  AtlasWindow *window = atlas_ui_test_open_window (app);
  AtlasTherapyPage *page = atlas_window_get_therapy_page (window);
  g_autoptr(AtlasCountry) country = first_country ();
  GListModel *cell_sources = atlas_dataset_get_cell_sources (large);
  g_autoptr(AtlasCellSource) cell_source = g_list_model_get_item (cell_sources, 0);
  guint n_products = count_products_of_cell_source (atlas_cell_source_get_id (cell_source));
  AtlasDataset *reloaded = load_large ();
  AtlasDataset *gone;
  AdwPreferencesRow *row;
  AtlasRowPager *pager;

  atlas_window_select_country (window, atlas_country_get_id (country));

  /* Behind the country page, the therapy page has built nothing. */
  g_assert_false (gtk_widget_get_mapped (GTK_WIDGET (page)));
  g_assert_cmpuint (atlas_therapy_page_get_n_cell_sources (page), ==, 0);

  activate (window, "show-therapies", g_variant_new_string (""));
  g_assert_cmpuint (atlas_therapy_page_get_n_cell_sources (page), ==, g_list_model_get_n_items (cell_sources));

  /* A cell source's products are listed when its row opens, a page at a time. */
  row = atlas_therapy_page_get_cell_source_row (page, 0);
  g_assert_null (atlas_row_pager_get_for (GTK_WIDGET (row)));
  g_assert_cmpuint (n_products, >, PAGE_SIZE);
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (row), TRUE);
  pager = atlas_row_pager_get_for (GTK_WIDGET (row));
  g_assert_nonnull (pager);
  g_assert_cmpuint (atlas_row_pager_get_n_items (pager), ==, n_products);
  g_assert_cmpuint (atlas_row_pager_get_n_shown (pager), ==, PAGE_SIZE);

  /* Back to a country, and new data: the hidden page lets go of its rows
   * (and with them the old data) and builds again when shown. */
  atlas_window_select_country (window, atlas_country_get_id (country));
  g_assert_false (gtk_widget_get_mapped (GTK_WIDGET (page)));
  atlas_store_set_dataset (atlas_application_get_store (app), reloaded);
  gone = reloaded;
  g_object_add_weak_pointer (G_OBJECT (gone), (gpointer *) &gone);
  g_object_unref (reloaded);
  g_assert_cmpuint (atlas_therapy_page_get_n_cell_sources (page), ==, 0);

  activate (window, "show-therapies", g_variant_new_string (""));
  g_assert_cmpuint (atlas_therapy_page_get_n_cell_sources (page), ==, g_list_model_get_n_items (cell_sources));

  /* Once nothing shows the reloaded data any more, it is gone. */
  atlas_store_set_dataset (atlas_application_get_store (app), large);
  atlas_ui_test_close_window (window);
  WAIT_UNTIL (gone == NULL);
}

/* The examples of a therapy type name a few products per country and say
 * how many more there are. */
static void
test_examples_stay_short (void)
{
  AtlasWindow *window = atlas_ui_test_open_window (app);
  AtlasTherapyPage *page = atlas_window_get_therapy_page (window);
  GtkLabel *examples;
  const char *markup;
  guint n_links = 0;

  activate (window, "show-therapies", g_variant_new_string (""));
  examples = atlas_therapy_page_find_examples_label (page, 0);
  g_assert_nonnull (examples);
  markup = gtk_label_get_label (examples);

  for (const char *p = strstr (markup, "<a "); p != NULL; p = strstr (p + 1, "<a "))
    n_links++;
  /* 4 countries, 6 each at most, however many products there are. */
  g_assert_cmpuint (n_links, >, 0);
  g_assert_cmpuint (n_links, <=, 4 * 6);
  g_assert_nonnull (strstr (markup, " more"));

  atlas_ui_test_close_window (window);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  atlas_ui_test_init (&argc, &argv);

  g_assert_nonnull (g_getenv ("ATLAS_TEST_LARGE_DATA"));
  large = load_large ();

  app = atlas_ui_test_start_app ();
  atlas_store_set_dataset (atlas_application_get_store (app), large);

  g_test_add_func ("/ui/large/products-a-page-at-a-time", test_products_a_page_at_a_time);
  g_test_add_func ("/ui/large/page-builds-near-the-view", test_page_builds_near_the_view);
  g_test_add_func ("/ui/large/product-details-on-open", test_product_details_on_open);
  g_test_add_func ("/ui/large/hidden-pages-wait", test_hidden_pages_wait);
  g_test_add_func ("/ui/large/examples-stay-short", test_examples_stay_short);

  status = g_test_run ();

  g_application_release (G_APPLICATION (app));
  g_clear_object (&app);
  g_clear_object (&large);

  return status;
}
