/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "atlas-dataset.h"
#include "atlas-storage.h"

G_BEGIN_DECLS

#define ATLAS_TYPE_STORE (atlas_store_get_type ())
G_DECLARE_FINAL_TYPE (AtlasStore, atlas_store, ATLAS, STORE, GObject)

/* Where the bundled dataset lives in the GResource. */
#define ATLAS_BUNDLED_DATA_PATH RESOURCE_PREFIX "/data/atlas.json"

AtlasStore   *atlas_store_new                   (void);

AtlasDataset *atlas_store_get_dataset           (AtlasStore          *self);
void          atlas_store_set_dataset           (AtlasStore          *self,
                                                 AtlasDataset        *dataset);
GListModel   *atlas_store_get_countries         (AtlasStore          *self);

typedef enum {
  ATLAS_STORE_LOAD_NONE = 0,
  /* Use what was loaded even if the dataset in use is newer ("Reset to
   * bundled data"). */
  ATLAS_STORE_LOAD_REPLACE = 1 << 0,
} AtlasStoreLoadFlags;

void          atlas_store_load_async            (AtlasStore          *self,
                                                 AtlasStorage        *storage,
                                                 AtlasStoreLoadFlags  flags,
                                                 GCancellable        *cancellable,
                                                 GAsyncReadyCallback  callback,
                                                 gpointer             user_data);
gboolean      atlas_store_load_finish           (AtlasStore          *self,
                                                 GAsyncResult        *result,
                                                 char               **notice,
                                                 GError             **error);
void          atlas_store_load_bundled_async    (AtlasStore          *self,
                                                 GCancellable        *cancellable,
                                                 GAsyncReadyCallback  callback,
                                                 gpointer             user_data);
gboolean      atlas_store_load_bundled_finish   (AtlasStore          *self,
                                                 GAsyncResult        *result,
                                                 GError             **error);

G_END_DECLS
