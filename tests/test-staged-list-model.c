/* SPDX-License-Identifier: GPL-3.0-or-later */
/* AtlasStagedListModel: all items at first, then a change comes in batches,
 * in order, one batch per main-loop iteration. */

#include "config.h"

#include <gio/gio.h>

#include "atlas-staged-list-model.h"

typedef struct
{
  guint position;
  guint removed;
  guint added;
} Change;

static GListStore *
new_source (guint n_items,
            guint first)
{
  GListStore *store = g_list_store_new (G_TYPE_MENU_ITEM);

  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(GMenuItem) item = g_menu_item_new (NULL, NULL);

      g_menu_item_set_attribute (item, "n", "u", first + i);
      g_list_store_append (store, item);
    }

  return store;
}

static guint
item_number (GListModel *model,
             guint       position)
{
  g_autoptr(GMenuItem) item = g_list_model_get_item (model, position);
  guint n = G_MAXUINT;

  g_assert_true (g_menu_item_get_attribute (item, "n", "u", &n));
  return n;
}

static void
on_items_changed (GListModel *model,
                  guint       position,
                  guint       removed,
                  guint       added,
                  GArray     *changes)
{
  Change change = { position, removed, added };

  (void) model;
  g_array_append_val (changes, change);
}

static void
assert_change (GArray *changes,
               guint   index,
               guint   position,
               guint   removed,
               guint   added)
{
  Change *change;

  g_assert_cmpuint (index, <, changes->len);
  change = &g_array_index (changes, Change, index);
  g_assert_cmpuint (change->position, ==, position);
  g_assert_cmpuint (change->removed, ==, removed);
  g_assert_cmpuint (change->added, ==, added);
}

static void
test_starts_complete (void)
{
  g_autoptr(GListStore) source = new_source (100, 0);
  g_autoptr(AtlasStagedListModel) staged = atlas_staged_list_model_new (G_LIST_MODEL (source), 25);

  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (staged)), ==, 100);
  g_assert_true (g_list_model_get_item_type (G_LIST_MODEL (staged)) == G_TYPE_MENU_ITEM);
  g_assert_false (atlas_staged_list_model_get_pending (staged));
  g_assert_cmpuint (item_number (G_LIST_MODEL (staged), 99), ==, 99);
  g_assert_null (g_list_model_get_item (G_LIST_MODEL (staged), 100));
}

static void
test_change_in_batches (void)
{
  g_autoptr(GListStore) source = new_source (30, 0);
  g_autoptr(GListStore) replacement = new_source (60, 1000);
  g_autoptr(AtlasStagedListModel) staged = atlas_staged_list_model_new (G_LIST_MODEL (source), 25);
  g_autoptr(GArray) changes = g_array_new (FALSE, FALSE, sizeof (Change));
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  guint n_pending_notifies = 0;

  g_signal_connect (staged, "items-changed", G_CALLBACK (on_items_changed), changes);
  g_signal_connect_swapped (staged, "notify::pending", G_CALLBACK (g_atomic_int_inc), &n_pending_notifies);

  for (guint i = 0; i < 60; i++)
    g_ptr_array_add (items, g_list_model_get_item (G_LIST_MODEL (replacement), i));
  g_list_store_splice (source, 0, 30, items->pdata, items->len);

  /* The old items go and the first batch comes at once... */
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (staged)), ==, 25);
  g_assert_true (atlas_staged_list_model_get_pending (staged));
  g_assert_cmpuint (n_pending_notifies, ==, 1);
  assert_change (changes, 0, 0, 30, 25);

  /* ...then a batch per iteration, in order. */
  g_assert_true (g_main_context_iteration (NULL, FALSE));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (staged)), ==, 50);
  assert_change (changes, 1, 25, 0, 25);
  g_assert_true (atlas_staged_list_model_get_pending (staged));

  g_assert_true (g_main_context_iteration (NULL, FALSE));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (staged)), ==, 60);
  assert_change (changes, 2, 50, 0, 10);
  g_assert_false (atlas_staged_list_model_get_pending (staged));
  g_assert_cmpuint (n_pending_notifies, ==, 2);
  g_assert_cmpuint (changes->len, ==, 3);

  for (guint i = 0; i < 60; i++)
    g_assert_cmpuint (item_number (G_LIST_MODEL (staged), i), ==, 1000 + i);

  /* Nothing more is scheduled. */
  g_assert_false (g_main_context_iteration (NULL, FALSE));
}

/* A change while batches are coming starts over from the new items. */
static void
test_change_while_pending (void)
{
  g_autoptr(GListStore) source = new_source (0, 0);
  g_autoptr(AtlasStagedListModel) staged = atlas_staged_list_model_new (G_LIST_MODEL (source), 10);
  g_autoptr(GListStore) first = new_source (40, 100);
  g_autoptr(GListStore) second = new_source (5, 500);
  g_autoptr(GObject) one = g_list_model_get_item (G_LIST_MODEL (first), 0);

  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (staged)), ==, 0);

  /* A change that fits in a batch is complete at once. */
  g_list_store_append (source, one);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (staged)), ==, 1);
  g_assert_false (atlas_staged_list_model_get_pending (staged));

  g_list_store_remove_all (source);
  for (guint i = 0; i < 40; i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (G_LIST_MODEL (first), i);
      g_list_store_append (source, item);
    }
  g_assert_true (atlas_staged_list_model_get_pending (staged));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (staged)), <=, 10);

  /* Replaced by a short list before the batches are done: complete at once. */
  g_list_store_remove_all (source);
  for (guint i = 0; i < 5; i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (G_LIST_MODEL (second), i);
      g_list_store_append (source, item);
    }
  g_assert_false (atlas_staged_list_model_get_pending (staged));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (staged)), ==, 5);
  g_assert_cmpuint (item_number (G_LIST_MODEL (staged), 4), ==, 504);
  g_assert_false (g_main_context_iteration (NULL, FALSE));
}

static void
test_dispose_while_pending (void)
{
  g_autoptr(GListStore) source = new_source (0, 0);
  g_autoptr(GListStore) items = new_source (100, 0);
  AtlasStagedListModel *staged = atlas_staged_list_model_new (G_LIST_MODEL (source), 10);
  g_autoptr(GPtrArray) array = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < 100; i++)
    g_ptr_array_add (array, g_list_model_get_item (G_LIST_MODEL (items), i));
  g_list_store_splice (source, 0, 0, array->pdata, array->len);
  g_assert_true (atlas_staged_list_model_get_pending (staged));

  /* No batch may run on a freed model. */
  g_object_unref (staged);
  g_assert_false (g_main_context_iteration (NULL, FALSE));
  g_list_store_remove_all (source);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/staged-list-model/starts-complete", test_starts_complete);
  g_test_add_func ("/staged-list-model/change-in-batches", test_change_in_batches);
  g_test_add_func ("/staged-list-model/change-while-pending", test_change_while_pending);
  g_test_add_func ("/staged-list-model/dispose-while-pending", test_dispose_while_pending);

  return g_test_run ();
}
