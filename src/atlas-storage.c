/* SPDX-License-Identifier: GPL-3.0-or-later */
/* AtlasStorage: where the downloaded copy of the data and what we know
 * about the feed live, in the user's data directory.
 *
 * Every write goes to a temporary file that is renamed over the old one
 * (g_file_set_contents_full), so a crash, a full disk or a quit mid-write
 * leaves the previous good copy exactly as it was. */

#include "config.h"

#include <errno.h>
#include <glib/gstdio.h>

#include "atlas-loader.h"
#include "atlas-storage.h"

#define DATA_FILE_NAME "atlas.json"
#define SET_ASIDE_FILE_NAME "atlas.json.unreadable"
#define METADATA_FILE_NAME "feed.ini"
#define METADATA_GROUP "feed"

struct _AtlasStorage
{
  GObject parent_instance;

  GFile *directory;
};

G_DEFINE_FINAL_TYPE (AtlasStorage, atlas_storage, G_TYPE_OBJECT)

static void
atlas_storage_finalize (GObject *object)
{
  AtlasStorage *self = ATLAS_STORAGE (object);

  g_clear_object (&self->directory);

  G_OBJECT_CLASS (atlas_storage_parent_class)->finalize (object);
}

static void
atlas_storage_class_init (AtlasStorageClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = atlas_storage_finalize;
}

static void
atlas_storage_init (AtlasStorage *self)
{
}

AtlasStorage *
atlas_storage_new (GFile *directory)
{
  AtlasStorage *self;

  g_return_val_if_fail (G_IS_FILE (directory), NULL);

  self = g_object_new (ATLAS_TYPE_STORAGE, NULL);
  self->directory = g_object_ref (directory);
  return self;
}

/* $XDG_DATA_HOME/stem-cell-atlas: inside a flatpak, the app's own directory. */
AtlasStorage *
atlas_storage_new_default (void)
{
  g_autofree char *path = g_build_filename (g_get_user_data_dir (), "stem-cell-atlas", NULL);
  g_autoptr(GFile) directory = g_file_new_for_path (path);

  return atlas_storage_new (directory);
}

static char *
child_path (AtlasStorage *self,
            const char   *name)
{
  g_autofree char *directory = g_file_get_path (self->directory);

  return g_build_filename (directory, name, NULL);
}

GFile *
atlas_storage_get_data_file (AtlasStorage *self)
{
  g_return_val_if_fail (ATLAS_IS_STORAGE (self), NULL);

  return g_file_get_child (self->directory, DATA_FILE_NAME);
}

gboolean
atlas_storage_has_data (AtlasStorage *self)
{
  g_autofree char *path = NULL;

  g_return_val_if_fail (ATLAS_IS_STORAGE (self), FALSE);

  path = child_path (self, DATA_FILE_NAME);
  return g_file_test (path, G_FILE_TEST_EXISTS);
}

/* The downloaded copy's bytes, bounded like any input. */
GBytes *
atlas_storage_load_data (AtlasStorage  *self,
                         GCancellable  *cancellable,
                         GError       **error)
{
  g_autoptr(GFile) file = NULL;

  g_return_val_if_fail (ATLAS_IS_STORAGE (self), NULL);

  file = atlas_storage_get_data_file (self);
  return atlas_loader_read_file (file, cancellable, error);
}

static gboolean
ensure_directory (AtlasStorage  *self,
                  GError       **error)
{
  g_autofree char *path = g_file_get_path (self->directory);

  /* Private: what a user reads is nobody else's business. */
  if (g_mkdir_with_parents (path, 0700) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   "Could not create the folder %s: %s", path, g_strerror (saved_errno));
      return FALSE;
    }

  return TRUE;
}

static gboolean
write_atomically (AtlasStorage  *self,
                  const char    *name,
                  const char    *contents,
                  gsize          length,
                  GError       **error)
{
  g_autofree char *path = child_path (self, name);

  if (!ensure_directory (self, error))
    return FALSE;

  return g_file_set_contents_full (path, contents, length,
                                   G_FILE_SET_CONTENTS_CONSISTENT, 0600, error);
}

gboolean
atlas_storage_save_data (AtlasStorage  *self,
                         GBytes        *data,
                         GError       **error)
{
  gsize length;
  const char *contents;

  g_return_val_if_fail (ATLAS_IS_STORAGE (self), FALSE);
  g_return_val_if_fail (data != NULL, FALSE);

  contents = g_bytes_get_data (data, &length);
  return write_atomically (self, DATA_FILE_NAME, contents ? contents : "", length, error);
}

/* A downloaded copy that no longer loads is kept for inspection, out of
 * the way, so the next start does not trip over it again. */
gboolean
atlas_storage_set_aside (AtlasStorage  *self,
                         GError       **error)
{
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;

  g_return_val_if_fail (ATLAS_IS_STORAGE (self), FALSE);

  from = child_path (self, DATA_FILE_NAME);
  to = child_path (self, SET_ASIDE_FILE_NAME);
  if (g_rename (from, to) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   "Could not move %s aside: %s", from, g_strerror (saved_errno));
      return FALSE;
    }

  return TRUE;
}

static gboolean
remove_if_present (AtlasStorage  *self,
                   const char    *name,
                   GError       **error)
{
  g_autofree char *path = child_path (self, name);

  if (g_remove (path) != 0 && errno != ENOENT)
    {
      int saved_errno = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   "Could not remove %s: %s", path, g_strerror (saved_errno));
      return FALSE;
    }

  return TRUE;
}

/* Forgets the downloaded copy: the app falls back to its bundled data. */
gboolean
atlas_storage_reset (AtlasStorage  *self,
                     GError       **error)
{
  g_return_val_if_fail (ATLAS_IS_STORAGE (self), FALSE);

  return remove_if_present (self, DATA_FILE_NAME, error) &&
         remove_if_present (self, METADATA_FILE_NAME, error);
}

/* Never fails: missing or damaged metadata only costs a full download. */
AtlasFeedMetadata *
atlas_storage_load_metadata (AtlasStorage *self)
{
  g_autoptr(GKeyFile) key_file = g_key_file_new ();
  g_autofree char *path = NULL;
  AtlasFeedMetadata *metadata = atlas_feed_metadata_new ();

  g_return_val_if_fail (ATLAS_IS_STORAGE (self), metadata);

  path = child_path (self, METADATA_FILE_NAME);
  if (!g_key_file_load_from_file (key_file, path, G_KEY_FILE_NONE, NULL))
    return metadata;

  metadata->etag = g_key_file_get_string (key_file, METADATA_GROUP, "etag", NULL);
  metadata->last_modified = g_key_file_get_string (key_file, METADATA_GROUP, "last-modified", NULL);
  metadata->dataset_version = g_key_file_get_integer (key_file, METADATA_GROUP, "dataset-version", NULL);
  metadata->last_checked = g_key_file_get_int64 (key_file, METADATA_GROUP, "last-checked", NULL);
  metadata->last_success = g_key_file_get_int64 (key_file, METADATA_GROUP, "last-success", NULL);
  metadata->retry_after = g_key_file_get_int64 (key_file, METADATA_GROUP, "retry-after", NULL);

  return metadata;
}

gboolean
atlas_storage_save_metadata (AtlasStorage             *self,
                             const AtlasFeedMetadata  *metadata,
                             GError                  **error)
{
  g_autoptr(GKeyFile) key_file = g_key_file_new ();
  g_autofree char *contents = NULL;
  gsize length;

  g_return_val_if_fail (ATLAS_IS_STORAGE (self), FALSE);

  if (metadata->etag != NULL)
    g_key_file_set_string (key_file, METADATA_GROUP, "etag", metadata->etag);
  if (metadata->last_modified != NULL)
    g_key_file_set_string (key_file, METADATA_GROUP, "last-modified", metadata->last_modified);
  g_key_file_set_integer (key_file, METADATA_GROUP, "dataset-version", metadata->dataset_version);
  g_key_file_set_int64 (key_file, METADATA_GROUP, "last-checked", metadata->last_checked);
  g_key_file_set_int64 (key_file, METADATA_GROUP, "last-success", metadata->last_success);
  g_key_file_set_int64 (key_file, METADATA_GROUP, "retry-after", metadata->retry_after);

  contents = g_key_file_to_data (key_file, &length, NULL);
  return write_atomically (self, METADATA_FILE_NAME, contents, length, error);
}
