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

/* The validators go back to the server as request headers: only short,
 * printable ASCII is kept, so a damaged or doctored file cannot smuggle a
 * line break or a control character into a request.
 *
 * The raw value is unescaped here rather than by g_key_file_get_string():
 * GLib 2.74 sets its GError twice on a value with two bad escapes (found by
 * fuzz/fuzz-metadata; tests/fixtures/fuzz/metadata-double-error.ini), and
 * only the two escapes g_key_file_set_string() writes for printable ASCII
 * ("\s" for a leading space, "\\" for a backslash) can occur in a good file. */
#define MAX_VALIDATOR_LENGTH 1024

static char *
get_validator (GKeyFile   *key_file,
               const char *key)
{
  g_autofree char *raw = g_key_file_get_value (key_file, METADATA_GROUP, key, NULL);
  g_autoptr(GString) value = NULL;

  if (raw == NULL)
    return NULL;

  value = g_string_new (NULL);
  for (const char *p = raw; *p != '\0'; p++)
    {
      char c = *p;

      if (c == '\\')
        {
          p++;
          if (*p == 's')
            c = ' ';
          else if (*p == '\\')
            c = '\\';
          else
            return NULL;
        }

      if (c < 0x20 || c > 0x7E || value->len >= MAX_VALIDATOR_LENGTH)
        return NULL;
      g_string_append_c (value, c);
    }

  if (value->len == 0)
    return NULL;

  return g_string_free (g_steal_pointer (&value), FALSE);
}

/* The end of year 9999: later times are damage, not dates. */
#define MAX_TIME G_GINT64_CONSTANT (253402300799)

/* Times and versions are never negative; a bad value reads as "never". */
static gint64
get_count (GKeyFile   *key_file,
           const char *key,
           gint64      max)
{
  g_autoptr(GError) error = NULL;
  gint64 value = g_key_file_get_int64 (key_file, METADATA_GROUP, key, &error);

  if (error != NULL || value < 0 || value > max)
    return 0;

  return value;
}

/* Never fails: whatever the bytes, the result is sane metadata, possibly
 * empty. Damaged metadata only costs a full download. */
AtlasFeedMetadata *
atlas_storage_parse_metadata (GBytes *bytes)
{
  g_autoptr(GKeyFile) key_file = g_key_file_new ();
  AtlasFeedMetadata *metadata = atlas_feed_metadata_new ();
  const char *data;
  gsize length;

  g_return_val_if_fail (bytes != NULL, metadata);

  data = g_bytes_get_data (bytes, &length);
  if (length == 0 || length > ATLAS_STORAGE_METADATA_MAX_BYTES ||
      !g_key_file_load_from_data (key_file, data, length, G_KEY_FILE_NONE, NULL))
    return metadata;

  metadata->etag = get_validator (key_file, "etag");
  metadata->last_modified = get_validator (key_file, "last-modified");
  metadata->dataset_version = (int) get_count (key_file, "dataset-version", G_MAXINT);
  metadata->last_checked = get_count (key_file, "last-checked", MAX_TIME);
  metadata->last_success = get_count (key_file, "last-success", MAX_TIME);
  metadata->retry_after = get_count (key_file, "retry-after", MAX_TIME);

  return metadata;
}

/* Reads at most the limit + 1 bytes, so a huge or endless file costs no
 * more than that; NULL when absent, unreadable or too large. */
static GBytes *
read_bounded (const char *path,
              gsize       max_bytes)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFileInputStream) stream = g_file_read (file, NULL, NULL);
  g_autofree char *buffer = NULL;
  gsize n_read = 0;

  if (stream == NULL)
    return NULL;

  buffer = g_malloc (max_bytes + 1);
  if (!g_input_stream_read_all (G_INPUT_STREAM (stream), buffer, max_bytes + 1, &n_read, NULL, NULL) ||
      n_read > max_bytes)
    return NULL;

  return g_bytes_new (buffer, n_read);
}

/* Never fails: missing or damaged metadata only costs a full download. */
AtlasFeedMetadata *
atlas_storage_load_metadata (AtlasStorage *self)
{
  g_autofree char *path = NULL;
  g_autoptr(GBytes) bytes = NULL;

  g_return_val_if_fail (ATLAS_IS_STORAGE (self), atlas_feed_metadata_new ());

  path = child_path (self, METADATA_FILE_NAME);
  bytes = read_bounded (path, ATLAS_STORAGE_METADATA_MAX_BYTES);
  if (bytes == NULL)
    return atlas_feed_metadata_new ();

  return atlas_storage_parse_metadata (bytes);
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
