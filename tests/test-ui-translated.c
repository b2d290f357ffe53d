/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The main window as a Japanese reader sees it: the real application with
 * the catalogues compiled into the build tree, LANGUAGE=ja. */

#include "config.h"

#include <locale.h>
#include <glib/gi18n.h>
#include <adwaita.h>

#include "atlas-application.h"
#include "atlas-country.h"
#include "atlas-product.h"
#include "atlas-ui-test.h"
#include "atlas-window.h"

static AtlasApplication *app;

static void
test_window_in_japanese (void)
{
  AtlasWindow *window = atlas_ui_test_open_window (app);

  /* The search's empty state and the sidebar's navigation. */
  gtk_editable_set_text (GTK_EDITABLE (atlas_window_get_search_entry (window)), "zzzz");
  WAIT_UNTIL (g_list_model_get_n_items (atlas_window_get_visible_countries (window)) == 0);
  g_assert_nonnull (atlas_ui_test_find (GTK_WIDGET (window), atlas_ui_test_is_status_page, "結果が見つかりませんでした"));
  g_assert_null (atlas_ui_test_find (GTK_WIDGET (window), atlas_ui_test_is_status_page, "No Results Found"));
  g_assert_nonnull (atlas_ui_test_find (GTK_WIDGET (window), atlas_ui_test_is_label_with_text, "国を比較"));
  g_assert_null (atlas_ui_test_find (GTK_WIDGET (window), atlas_ui_test_is_label_with_text, "Compare Countries"));

  atlas_ui_test_close_window (window);
}

static void
test_status_badge_in_japanese (void)
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
        stemirac = atlas_product_get_name (product);
    }
  g_assert_nonnull (stemirac);

  atlas_window_select_country (window, "jp");
  WAIT_UNTIL (!atlas_country_page_get_building (page));
  row = atlas_country_page_find_row (page, stemirac);
  g_assert_nonnull (row);

  badge = GTK_LABEL (atlas_ui_test_find (row, atlas_ui_test_is_label_with_class, "status-badge"));
  g_assert_nonnull (badge);
  g_assert_cmpstr (gtk_label_get_label (badge), ==, "条件・期限付き承認");

  atlas_ui_test_close_window (window);
}

/* Country names come from iso-codes' own catalogue, not ours. The sidebar
 * shows the data's English names for now, so this checks the name the
 * model offers for display. */
static void
test_country_name_in_japanese (void)
{
  AtlasDataset *dataset = atlas_store_get_dataset (atlas_application_get_store (app));
  AtlasCountry *japan = atlas_dataset_lookup_country (dataset, "jp");
  AtlasCountry *eu = atlas_dataset_lookup_country (dataset, "eu");

  if (!g_file_test ("/usr/share/locale/ja/LC_MESSAGES/iso_3166-1.mo", G_FILE_TEST_EXISTS))
    {
      g_test_skip ("iso-codes has no Japanese catalogue here");
      return;
    }

  g_assert_nonnull (japan);
  g_assert_cmpstr (atlas_country_get_display_name (japan), ==, "日本");
  if (eu != NULL)
    g_assert_cmpstr (atlas_country_get_display_name (eu), ==, "欧州連合");
}

int
main (int   argc,
      char *argv[])
{
  const char *localedir = g_getenv ("ATLAS_TEST_LOCALEDIR");
  int status;

  /* The reader's language, before anything is translated: LANGUAGE picks
   * the catalogue, C.UTF-8 (from the test environment) the encoding. */
  g_setenv ("LANGUAGE", "ja", TRUE);
  setlocale (LC_ALL, "");
  g_assert_nonnull (localedir);
  bindtextdomain (GETTEXT_PACKAGE, localedir);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  bind_textdomain_codeset ("iso_3166-1", "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  atlas_ui_test_init (&argc, &argv);

  app = atlas_ui_test_start_app ();

  g_test_add_func ("/ui/translated/window", test_window_in_japanese);
  g_test_add_func ("/ui/translated/status-badge", test_status_badge_in_japanese);
  g_test_add_func ("/ui/translated/country-name", test_country_name_in_japanese);

  status = g_test_run ();

  g_application_release (G_APPLICATION (app));
  g_clear_object (&app);

  return status;
}
