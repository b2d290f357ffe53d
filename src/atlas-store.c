/* SPDX-License-Identifier: GPL-3.0-or-later */
/* AtlasStore: owns the dataset in use.
 *
 * Pages hold the store, never a dataset: replacing the dataset is one swap
 * followed by one notification, so no page ever sees half of two versions.
 * The countries model is the same object for the store's whole life and is
 * spliced in one step on a swap, so list views keep their place. */

#include "config.h"

#include <glib/gi18n.h>
#ifdef HAVE_MALLOC_TRIM
#include <malloc.h>
#endif

#include "atlas-loader.h"
#include "atlas-store.h"

struct _AtlasStore
{
  GObject parent_instance;

  AtlasDataset *dataset;
  GListStore *countries;
  guint release_id;
};

/* How long after a dataset swap the memory freed meanwhile is handed back:
 * long enough for the pages to have been rebuilt for the new dataset and
 * to have dropped the old one. */
#define RELEASE_DELAY_MS 1000

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

  g_clear_handle_id (&self->release_id, g_source_remove);
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

/* Loading frees as much as it keeps (the file's bytes, the parsed document,
 * the dataset that loses; in the loader thread's arena), and so does
 * building the pages for a new dataset: give it back to the system rather
 * than leave it in a malloc arena for the life of the app. glibc only
 * returns memory at the top of an arena by itself. */
static void
release_free_memory (void)
{
#ifdef HAVE_MALLOC_TRIM
  malloc_trim (0);
#endif
}

static gboolean
release_free_memory_cb (gpointer user_data)
{
  AtlasStore *self = user_data;

  self->release_id = 0;
  release_free_memory ();
  return G_SOURCE_REMOVE;
}

/* One release a little later covers everything freed until then, on any
 * thread: malloc_trim() trims every arena. */
static void
schedule_release (AtlasStore *self)
{
  g_clear_handle_id (&self->release_id, g_source_remove);
  self->release_id = g_timeout_add (RELEASE_DELAY_MS, release_free_memory_cb, self);
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

  schedule_release (self);
}

GListModel *
atlas_store_get_countries (AtlasStore *self)
{
  g_return_val_if_fail (ATLAS_IS_STORE (self), NULL);

  return G_LIST_MODEL (self->countries);
}

typedef struct
{
  AtlasStorage *storage;
  AtlasStoreLoadFlags flags;
  AtlasDataset *dataset;
  char *notice;
} LoadData;

static void
load_data_free (LoadData *data)
{
  g_clear_object (&data->storage);
  g_clear_object (&data->dataset);
  g_free (data->notice);
  g_free (data);
}

/* The downloaded copy, or NULL when there is none or it does not load; a
 * copy that does not load is set aside so the next start does not trip over
 * it, and @notice says so in words a reader understands. */
static AtlasDataset *
load_downloaded (AtlasStorage  *storage,
                 GCancellable  *cancellable,
                 char         **notice)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) set_aside_error = NULL;
  AtlasDataset *dataset = NULL;

  if (storage == NULL || !atlas_storage_has_data (storage))
    return NULL;

  bytes = atlas_storage_load_data (storage, cancellable, &error);
  if (bytes != NULL)
    dataset = atlas_loader_load_bytes (bytes, &error);
  if (dataset != NULL)
    return dataset;

  g_debug ("The downloaded data does not load: %s", error->message);
  if (!atlas_storage_set_aside (storage, &set_aside_error))
    g_debug ("%s", set_aside_error->message);
  *notice = g_strdup (_("The downloaded data could not be read and was set aside. "
                        "Showing the data that came with the app."));
  return NULL;
}

static void
load_in_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  LoadData *data = task_data;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(AtlasDataset) bundled = NULL;
  g_autoptr(AtlasDataset) downloaded = NULL;
  GError *error = NULL;

  bytes = g_resources_lookup_data (ATLAS_BUNDLED_DATA_PATH, G_RESOURCE_LOOKUP_FLAGS_NONE, &error);
  if (bytes != NULL)
    bundled = atlas_loader_load_bytes (bytes, &error);
  g_clear_pointer (&bytes, g_bytes_unref);
  if (bundled == NULL)
    {
      g_prefix_error (&error, "The data that came with the app does not load: ");
      g_task_return_error (task, error);
      return;
    }

  /* The newer of the two wins, so an app update that brings newer data than
   * the last download is not held back by it. */
  downloaded = load_downloaded (data->storage, cancellable, &data->notice);
  if (downloaded != NULL &&
      atlas_dataset_get_dataset_version (downloaded) > atlas_dataset_get_dataset_version (bundled))
    data->dataset = g_steal_pointer (&downloaded);
  else
    data->dataset = g_steal_pointer (&bundled);

  g_clear_object (&bundled);
  g_clear_object (&downloaded);

  g_task_return_boolean (task, TRUE);
}

/* Loads the data to show at start-up off the main loop: the bundled copy,
 * or the downloaded copy in @storage when that is newer. Never touches the
 * network. */
void
atlas_store_load_async (AtlasStore          *self,
                        AtlasStorage        *storage,
                        AtlasStoreLoadFlags  flags,
                        GCancellable        *cancellable,
                        GAsyncReadyCallback  callback,
                        gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  LoadData *data;

  g_return_if_fail (ATLAS_IS_STORE (self));
  g_return_if_fail (storage == NULL || ATLAS_IS_STORAGE (storage));

  data = g_new0 (LoadData, 1);
  data->storage = storage ? g_object_ref (storage) : NULL;
  data->flags = flags;
  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, atlas_store_load_async);
  /* The result comes back at idle priority: a window that is waiting to be
   * drawn is drawn first, and the data fills it in the next frame. */
  g_task_set_priority (task, G_PRIORITY_DEFAULT_IDLE);
  g_task_set_task_data (task, data, (GDestroyNotify) load_data_free);
  g_task_run_in_thread (task, load_in_thread);
}

/* On success the dataset is in use; @notice, if not NULL, receives a
 * sentence to show the reader when something was set aside. */
gboolean
atlas_store_load_finish (AtlasStore    *self,
                         GAsyncResult  *result,
                         char         **notice,
                         GError       **error)
{
  LoadData *data;

  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  if (!g_task_propagate_boolean (G_TASK (result), error))
    return FALSE;

  data = g_task_get_task_data (G_TASK (result));
  /* A refresh may have finished first with something newer still. */
  if (self->dataset == NULL || (data->flags & ATLAS_STORE_LOAD_REPLACE) ||
      atlas_dataset_get_dataset_version (self->dataset) < atlas_dataset_get_dataset_version (data->dataset))
    atlas_store_set_dataset (self, data->dataset);
  else
    schedule_release (self); /* what the load freed */

  if (notice != NULL)
    *notice = g_strdup (data->notice);
  return TRUE;
}

/* The bundled data only: for callers that keep no downloaded copy. */
void
atlas_store_load_bundled_async (AtlasStore          *self,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  atlas_store_load_async (self, NULL, ATLAS_STORE_LOAD_NONE, cancellable, callback, user_data);
}

gboolean
atlas_store_load_bundled_finish (AtlasStore    *self,
                                 GAsyncResult  *result,
                                 GError       **error)
{
  return atlas_store_load_finish (self, result, NULL, error);
}
