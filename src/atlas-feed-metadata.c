/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "atlas-feed-metadata.h"

G_DEFINE_BOXED_TYPE (AtlasFeedMetadata, atlas_feed_metadata,
                     atlas_feed_metadata_copy, atlas_feed_metadata_free)

AtlasFeedMetadata *
atlas_feed_metadata_new (void)
{
  return g_new0 (AtlasFeedMetadata, 1);
}

AtlasFeedMetadata *
atlas_feed_metadata_copy (const AtlasFeedMetadata *metadata)
{
  AtlasFeedMetadata *copy = g_memdup2 (metadata, sizeof *metadata);

  copy->etag = g_strdup (metadata->etag);
  copy->last_modified = g_strdup (metadata->last_modified);
  return copy;
}

void
atlas_feed_metadata_free (AtlasFeedMetadata *metadata)
{
  if (metadata == NULL)
    return;

  g_free (metadata->etag);
  g_free (metadata->last_modified);
  g_free (metadata);
}
