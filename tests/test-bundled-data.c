/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The dataset compiled into the app loads through the real resource path and
 * says what a reader relies on: every product has a status and a source,
 * statuses are exact, every country is dated and has a regulator. */

#include "config.h"

#include "atlas-entry.h"
#include "atlas-store.h"

static AtlasDataset *bundled;

static void
bundled_loaded_cb (GObject      *source_object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  gboolean *done = user_data;
  g_autoptr(GError) error = NULL;

  g_assert_true (atlas_store_load_bundled_finish (ATLAS_STORE (source_object), result, &error));
  g_assert_no_error (error);
  *done = TRUE;
}

static AtlasDataset *
load_bundled (void)
{
  g_autoptr(AtlasStore) store = atlas_store_new ();
  gboolean done = FALSE;

  atlas_store_load_bundled_async (store, NULL, bundled_loaded_cb, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);

  return g_object_ref (atlas_store_get_dataset (store));
}

static void
test_founding_countries (void)
{
  static const struct { const char *id; const char *name; } founders[] = {
    { "us", "United States" }, { "jp", "Japan" }, { "kr", "South Korea" }, { "cn", "China" },
  };

  g_assert_cmpint (atlas_dataset_get_schema_version (bundled), ==, ATLAS_SCHEMA_VERSION);
  g_assert_cmpint (atlas_dataset_get_dataset_version (bundled), >=, 1);
  g_assert_cmpuint (g_list_model_get_n_items (atlas_dataset_get_countries (bundled)), >=, 4);

  for (guint i = 0; i < G_N_ELEMENTS (founders); i++)
    {
      AtlasCountry *country = atlas_dataset_lookup_country (bundled, founders[i].id);

      g_assert_nonnull (country);
      g_assert_cmpstr (atlas_country_get_name (country), ==, founders[i].name);
      g_assert_cmpuint (g_list_model_get_n_items (atlas_country_get_products (country)), >, 0);
      g_assert_cmpuint (g_list_model_get_n_items (atlas_country_get_section (country, ATLAS_SECTION_LAWS)), >, 0);
      g_assert_cmpuint (g_list_model_get_n_items (atlas_country_get_section (country, ATLAS_SECTION_MILESTONES)), >, 0);
    }
}

static void
assert_sources_exist (const char * const *source_ids)
{
  g_assert_nonnull (source_ids);
  g_assert_nonnull (source_ids[0]);
  for (guint i = 0; source_ids[i] != NULL; i++)
    g_assert_nonnull (atlas_dataset_lookup_source (bundled, source_ids[i]));
}

static void
test_every_fact_sourced (void)
{
  GListModel *countries = atlas_dataset_get_countries (bundled);

  for (guint i = 0; i < g_list_model_get_n_items (countries); i++)
    {
      g_autoptr(AtlasCountry) country = g_list_model_get_item (countries, i);
      GListModel *products = atlas_country_get_products (country);

      g_assert_nonnull (atlas_country_get_reviewed (country));
      g_assert_cmpuint (g_list_model_get_n_items (atlas_country_get_section (country, ATLAS_SECTION_REGULATORS)), >, 0);
      if (g_list_model_get_n_items (products) == 0)
        g_assert_nonnull (atlas_country_get_no_products_note (country));

      for (AtlasSection section = 0; section < ATLAS_N_SECTIONS; section++)
        {
          GListModel *entries = atlas_country_get_section (country, section);

          for (guint j = 0; j < g_list_model_get_n_items (entries); j++)
            {
              g_autoptr(AtlasEntry) entry = g_list_model_get_item (entries, j);

              assert_sources_exist (atlas_entry_get_source_ids (entry));
            }
        }

      for (guint j = 0; j < g_list_model_get_n_items (products); j++)
        {
          g_autoptr(AtlasProduct) product = g_list_model_get_item (products, j);

          g_assert_cmpuint (atlas_product_get_n_status_changes (product), >, 0);
          g_assert_nonnull (atlas_product_get_status_date (product));
          g_assert_nonnull (atlas_dataset_lookup_cell_source (bundled, atlas_product_get_cell_source_id (product)));
          assert_sources_exist (atlas_product_get_source_ids (product));
        }
    }
}

/* Statuses a patient could be misled by if rounded up or left stale. */
static void
test_exact_statuses (void)
{
  static const struct { const char *country; const char *name; AtlasProductStatus status; } expected[] = {
    { "us", "Ryoncil", ATLAS_PRODUCT_STATUS_APPROVED },
    { "jp", "Temcell", ATLAS_PRODUCT_STATUS_APPROVED },
    { "jp", "Stemirac", ATLAS_PRODUCT_STATUS_CONDITIONAL },
    { "jp", "HeartSheet", ATLAS_PRODUCT_STATUS_WITHDRAWN },
    { "jp", "Akuugo", ATLAS_PRODUCT_STATUS_CONDITIONAL },
    { "kr", "Cartistem", ATLAS_PRODUCT_STATUS_APPROVED },
    { "cn", NULL, ATLAS_PRODUCT_STATUS_CONDITIONAL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      AtlasCountry *country = atlas_dataset_lookup_country (bundled, expected[i].country);
      GListModel *products = atlas_country_get_products (country);
      gboolean found = FALSE;

      for (guint j = 0; j < g_list_model_get_n_items (products); j++)
        {
          g_autoptr(AtlasProduct) product = g_list_model_get_item (products, j);

          /* China's first approval has no brand name in our sources: its only product. */
          if (expected[i].name != NULL &&
              g_ascii_strncasecmp (atlas_product_get_name (product), expected[i].name, strlen (expected[i].name)) != 0)
            continue;

          g_assert_cmpint (atlas_product_get_status (product), ==, expected[i].status);
          found = TRUE;
        }

      if (!found)
        g_error ("%s: no product named %s", expected[i].country, expected[i].name);
    }
}

int
main (int   argc,
      char *argv[])
{
  int status;

  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  bundled = load_bundled ();
  g_test_add_func ("/bundled/founding-countries", test_founding_countries);
  g_test_add_func ("/bundled/every-fact-sourced", test_every_fact_sourced);
  g_test_add_func ("/bundled/exact-statuses", test_exact_statuses);

  status = g_test_run ();
  g_clear_object (&bundled);
  return status;
}
