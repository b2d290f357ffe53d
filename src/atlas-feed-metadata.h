/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* What the app remembers about the remote feed, stored beside the
 * downloaded copy. Times are Unix seconds; 0 means never. */
typedef struct
{
  char *etag;
  char *last_modified;
  int dataset_version;
  gint64 last_checked;
  gint64 last_success;
  /* The server asked not to be asked again before this (Retry-After). */
  gint64 retry_after;
} AtlasFeedMetadata;

#define ATLAS_TYPE_FEED_METADATA (atlas_feed_metadata_get_type ())

GType              atlas_feed_metadata_get_type (void) G_GNUC_CONST;
AtlasFeedMetadata *atlas_feed_metadata_new      (void);
AtlasFeedMetadata *atlas_feed_metadata_copy     (const AtlasFeedMetadata *metadata);
void               atlas_feed_metadata_free     (AtlasFeedMetadata       *metadata);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AtlasFeedMetadata, atlas_feed_metadata_free)

G_END_DECLS
