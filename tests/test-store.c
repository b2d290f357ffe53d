/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The store swaps whole datasets: one splice of the countries model and one
 * notification per swap, never a mix of two versions. */

#include "config.h"

#include "atlas-loader.h"
#include "atlas-store.h"

typedef struct
{
  guint n_notify;
  guint n_items_changed;
  guint last_removed;
  guint last_added;
  guint n_items_seen_at_notify;
} Counts;

static void
dataset_notify_cb (AtlasStore *store,
                   GParamSpec *pspec,
                   Counts     *counts)
{
  counts->n_notify++;
  /* By the time anyone hears of the new dataset, the model already holds it. */
  counts->n_items_seen_at_notify = g_list_model_get_n_items (atlas_store_get_countries (store));
}

static void
items_changed_cb (GListModel *model,
                  guint       position,
                  guint       removed,
                  guint       added,
                  Counts     *counts)
{
  counts->n_items_changed++;
  counts->last_removed = removed;
  counts->last_added = added;
}

static AtlasDataset *
load_minimal (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "fixtures", "valid", "minimal.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  AtlasDataset *dataset = atlas_loader_load_file (file, NULL, &error);

  g_assert_no_error (error);
  return dataset;
}

static void
test_swap (void)
{
  g_autoptr(AtlasStore) store = atlas_store_new ();
  g_autoptr(AtlasDataset) first = load_minimal ();
  g_autoptr(AtlasDataset) second = load_minimal ();
  GListModel *countries = atlas_store_get_countries (store);
  Counts counts = { 0, };

  g_signal_connect (store, "notify::dataset", G_CALLBACK (dataset_notify_cb), &counts);
  g_signal_connect (countries, "items-changed", G_CALLBACK (items_changed_cb), &counts);

  g_assert_null (atlas_store_get_dataset (store));
  g_assert_cmpuint (g_list_model_get_n_items (countries), ==, 0);

  atlas_store_set_dataset (store, first);
  g_assert_true (atlas_store_get_dataset (store) == first);
  g_assert_cmpuint (counts.n_notify, ==, 1);
  g_assert_cmpuint (counts.n_items_changed, ==, 1);
  g_assert_cmpuint (counts.n_items_seen_at_notify, ==, 2);

  /* Setting the same dataset again changes nothing and says nothing. */
  atlas_store_set_dataset (store, first);
  g_assert_cmpuint (counts.n_notify, ==, 1);

  atlas_store_set_dataset (store, second);
  g_assert_true (atlas_store_get_dataset (store) == second);
  g_assert_cmpuint (counts.n_notify, ==, 2);
  g_assert_cmpuint (counts.n_items_changed, ==, 2);
  g_assert_cmpuint (counts.last_removed, ==, 2);
  g_assert_cmpuint (counts.last_added, ==, 2);
  g_assert_true (atlas_store_get_countries (store) == countries);

  /* The model holds the new dataset's countries, not the old ones. */
  {
    g_autoptr(AtlasCountry) country = g_list_model_get_item (countries, 0);

    g_assert_true (country == atlas_dataset_lookup_country (second, atlas_country_get_id (country)));
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/store/swap", test_swap);

  return g_test_run ();
}
