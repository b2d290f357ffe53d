/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "atlas-feed-metadata.h"

G_BEGIN_DECLS

#define ATLAS_TYPE_STORAGE (atlas_storage_get_type ())
G_DECLARE_FINAL_TYPE (AtlasStorage, atlas_storage, ATLAS, STORAGE, GObject)

AtlasStorage      *atlas_storage_new           (GFile              *directory);
AtlasStorage      *atlas_storage_new_default   (void);

GFile             *atlas_storage_get_data_file (AtlasStorage       *self);
gboolean           atlas_storage_has_data      (AtlasStorage       *self);
GBytes            *atlas_storage_load_data     (AtlasStorage       *self,
                                                GCancellable       *cancellable,
                                                GError            **error);
gboolean           atlas_storage_save_data     (AtlasStorage       *self,
                                                GBytes             *data,
                                                GError            **error);
gboolean           atlas_storage_set_aside     (AtlasStorage       *self,
                                                GError            **error);
gboolean           atlas_storage_reset         (AtlasStorage       *self,
                                                GError            **error);

/* A feed.ini larger than this is ignored (it is a few hundred bytes). */
#define ATLAS_STORAGE_METADATA_MAX_BYTES (64 * 1024)

AtlasFeedMetadata *atlas_storage_load_metadata (AtlasStorage       *self);
AtlasFeedMetadata *atlas_storage_parse_metadata (GBytes            *bytes);
gboolean           atlas_storage_save_metadata (AtlasStorage       *self,
                                                const AtlasFeedMetadata *metadata,
                                                GError            **error);

G_END_DECLS
