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

static gboolean
quit_loop_cb (gpointer user_data)
{
  g_main_loop_quit (user_data);
  return G_SOURCE_REMOVE;
}

/* A swap hands the freed memory back a second later; a store that is gone
 * by then must not be touched (ASan catches it if it is) nor kept alive. */
static void
test_release_after_dispose (void)
{
  g_autoptr(GMainLoop) loop = g_main_loop_new (NULL, FALSE);
  g_autoptr(AtlasDataset) dataset = load_minimal ();
  AtlasStore *store = atlas_store_new ();

  g_object_add_weak_pointer (G_OBJECT (store), (gpointer *) &store);
  atlas_store_set_dataset (store, dataset);
  g_object_unref (store);
  g_assert_null (store);

  g_timeout_add (1500, quit_loop_cb, loop);
  g_main_loop_run (loop);
}

/* ---- start-up: the newer of the bundled and the downloaded copy ---- */

typedef struct
{
  gboolean done;
  gboolean ok;
  char *notice;
} LoadResult;

static void
loaded_cb (GObject      *source_object,
           GAsyncResult *result,
           gpointer      user_data)
{
  LoadResult *load = user_data;
  g_autoptr(GError) error = NULL;

  load->ok = atlas_store_load_finish (ATLAS_STORE (source_object), result, &load->notice, &error);
  g_assert_no_error (error);
  load->done = TRUE;
}

static AtlasStore *
start_with (AtlasStorage *storage,
            char        **notice)
{
  AtlasStore *store = atlas_store_new ();
  LoadResult load = { 0, };

  atlas_store_load_async (store, storage, ATLAS_STORE_LOAD_NONE, NULL, loaded_cb, &load);
  while (!load.done)
    g_main_context_iteration (NULL, TRUE);

  g_assert_true (load.ok);
  *notice = load.notice;
  return store;
}

static AtlasStorage *
storage_holding (const char *contents)
{
  g_autofree char *path = g_build_filename (g_get_user_data_dir (), "stem-cell-atlas", NULL);
  g_autoptr(GFile) directory = g_file_new_for_path (path);
  AtlasStorage *storage = atlas_storage_new (directory);
  g_autoptr(GBytes) bytes = g_bytes_new (contents, strlen (contents));

  g_assert_true (atlas_storage_save_data (storage, bytes, NULL));
  return storage;
}

static char *
minimal_with_version (int version)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "fixtures", "valid", "minimal.json", NULL);
  g_autofree char *contents = NULL;
  g_autofree char *replacement = g_strdup_printf ("\"dataset_version\": %d", version);
  GString *text;

  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  text = g_string_new (contents);
  g_string_replace (text, "\"dataset_version\": 3", replacement, 1);
  return g_string_free (text, FALSE);
}

static void
test_start_bundled_only (void)
{
  g_autofree char *notice = NULL;
  g_autoptr(AtlasStore) store = start_with (NULL, &notice);

  g_assert_null (notice);
  g_assert_nonnull (atlas_dataset_lookup_country (atlas_store_get_dataset (store), "jp"));
}

static void
test_start_newer_download_wins (void)
{
  g_autofree char *contents = minimal_with_version (1000);
  g_autoptr(AtlasStorage) storage = storage_holding (contents);
  g_autofree char *notice = NULL;
  g_autoptr(AtlasStore) store = start_with (storage, &notice);

  g_assert_null (notice);
  g_assert_cmpint (atlas_dataset_get_dataset_version (atlas_store_get_dataset (store)), ==, 1000);
  g_assert_nonnull (atlas_dataset_lookup_country (atlas_store_get_dataset (store), "xa"));
}

/* An app update whose bundled data is at least as new wins over the download. */
static void
test_start_bundled_wins_over_older_download (void)
{
  g_autofree char *contents = minimal_with_version (1);
  g_autoptr(AtlasStorage) storage = storage_holding (contents);
  g_autofree char *notice = NULL;
  g_autoptr(AtlasStore) store = start_with (storage, &notice);

  g_assert_null (notice);
  g_assert_nonnull (atlas_dataset_lookup_country (atlas_store_get_dataset (store), "jp"));
  g_assert_true (atlas_storage_has_data (storage));
}

static void
test_start_corrupt_download_set_aside (void)
{
  g_autoptr(AtlasStorage) storage = storage_holding ("{\"schema_version\": 1, \"dataset_vers");
  g_autofree char *notice = NULL;
  g_autoptr(AtlasStore) store = start_with (storage, &notice);
  g_autofree char *set_aside = g_build_filename (g_get_user_data_dir (), "stem-cell-atlas",
                                                 "atlas.json.unreadable", NULL);

  g_assert_nonnull (notice);
  g_assert_nonnull (strstr (notice, "could not be read"));
  g_assert_nonnull (atlas_dataset_lookup_country (atlas_store_get_dataset (store), "jp"));
  g_assert_false (atlas_storage_has_data (storage));
  g_assert_true (g_file_test (set_aside, G_FILE_TEST_EXISTS));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/store/swap", test_swap);
  g_test_add_func ("/store/release-after-dispose", test_release_after_dispose);
  g_test_add_func ("/store/start/bundled-only", test_start_bundled_only);
  g_test_add_func ("/store/start/newer-download-wins", test_start_newer_download_wins);
  g_test_add_func ("/store/start/bundled-wins-over-older-download", test_start_bundled_wins_over_older_download);
  g_test_add_func ("/store/start/corrupt-download-set-aside", test_start_corrupt_download_set_aside);

  return g_test_run ();
}
