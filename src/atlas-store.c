/* SPDX-License-Identifier: GPL-3.0-or-later */
/* AtlasStore: owns the dataset in use.
 *
 * Pages hold the store, never a dataset: replacing the dataset is one swap
 * followed by one notification, so no page ever sees half of two versions.
 * The countries model is the same object for the store's whole life and is
 * spliced in one step on a swap, so list views keep their place. */

#include "config.h"

#include "atlas-loader.h"
#include "atlas-store.h"

struct _AtlasStore
{
  GObject parent_instance;

  AtlasDataset *dataset;
  GListStore *countries;
};

G_DEFINE_FINAL_TYPE (AtlasStore, atlas_store, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_DATASET,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
atlas_store_dispose (GObject *object)
{
  AtlasStore *self = ATLAS_STORE (object);

  g_clear_object (&self->dataset);
  g_clear_object (&self->countries);

  G_OBJECT_CLASS (atlas_store_parent_class)->dispose (object);
}

static void
atlas_store_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  AtlasStore *self = ATLAS_STORE (object);

  switch (prop_id)
    {
    case PROP_DATASET:
      g_value_set_object (value, self->dataset);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
atlas_store_class_init (AtlasStoreClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = atlas_store_dispose;
  object_class->get_property = atlas_store_get_property;

  properties[PROP_DATASET] =
    g_param_spec_object ("dataset", NULL, NULL, ATLAS_TYPE_DATASET,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
atlas_store_init (AtlasStore *self)
{
  self->countries = g_list_store_new (ATLAS_TYPE_COUNTRY);
}

AtlasStore *
atlas_store_new (void)
{
  return g_object_new (ATLAS_TYPE_STORE, NULL);
}

/* The dataset in use, or NULL while the first one is still loading. */
AtlasDataset *
atlas_store_get_dataset (AtlasStore *self)
{
  g_return_val_if_fail (ATLAS_IS_STORE (self), NULL);

  return self->dataset;
}

void
atlas_store_set_dataset (AtlasStore   *self,
                         AtlasDataset *dataset)
{
  g_autoptr(GPtrArray) countries = g_ptr_array_new_with_free_func (g_object_unref);
  GListModel *model;
  guint n_items;

  g_return_if_fail (ATLAS_IS_STORE (self));
  g_return_if_fail (ATLAS_IS_DATASET (dataset));

  if (!g_set_object (&self->dataset, dataset))
    return;

  model = atlas_dataset_get_countries (dataset);
  n_items = g_list_model_get_n_items (model);
  for (guint i = 0; i < n_items; i++)
    g_ptr_array_add (countries, g_list_model_get_item (model, i));

  g_list_store_splice (self->countries, 0, g_list_model_get_n_items (G_LIST_MODEL (self->countries)),
                       countries->pdata, countries->len);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DATASET]);
}

GListModel *
atlas_store_get_countries (AtlasStore *self)
{
  g_return_val_if_fail (ATLAS_IS_STORE (self), NULL);

  return G_LIST_MODEL (self->countries);
}

static void
bundled_loaded_cb (GObject      *source_object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  AtlasStore *self = g_task_get_source_object (task);
  g_autoptr(AtlasDataset) dataset = NULL;
  GError *error = NULL;

  dataset = atlas_loader_load_bytes_finish (result, &error);
  if (dataset == NULL)
    {
      g_prefix_error (&error, "The bundled data is damaged: ");
      g_task_return_error (task, error);
      return;
    }

  /* A newer dataset may already be in use (a refresh can finish first). */
  if (self->dataset == NULL ||
      atlas_dataset_get_dataset_version (self->dataset) < atlas_dataset_get_dataset_version (dataset))
    atlas_store_set_dataset (self, dataset);

  g_task_return_boolean (task, TRUE);
}

/* Loads the dataset compiled into the app; the main loop keeps running while
 * it is parsed. */
void
atlas_store_load_bundled_async (AtlasStore          *self,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GBytes) bytes = NULL;
  GError *error = NULL;

  g_return_if_fail (ATLAS_IS_STORE (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, atlas_store_load_bundled_async);

  bytes = g_resources_lookup_data (ATLAS_BUNDLED_DATA_PATH, G_RESOURCE_LOOKUP_FLAGS_NONE, &error);
  if (bytes == NULL)
    {
      g_prefix_error (&error, "The bundled data is missing: ");
      g_task_return_error (task, error);
      return;
    }

  atlas_loader_load_bytes_async (bytes, cancellable, bundled_loaded_cb, g_steal_pointer (&task));
}

gboolean
atlas_store_load_bundled_finish (AtlasStore    *self,
                                 GAsyncResult  *result,
                                 GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
