/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The feed metadata parser (feed.ini) on arbitrary bytes: always sane
 * metadata back, whose validators are safe to send as HTTP headers. */

#include "config.h"

#include "atlas-storage.h"
#include "fuzz-common.h"

static void
assert_header_safe (const char *value)
{
  if (value == NULL)
    return;

  g_assert_cmpuint (strlen (value), >, 0);
  g_assert_cmpuint (strlen (value), <=, 1024);
  for (const char *p = value; *p; p++)
    g_assert_true (*p >= 0x20 && *p <= 0x7E);
}

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  fuzz_make_warnings_fatal ();
  return 0;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GBytes) bytes = g_bytes_new (data, size);
  g_autoptr(AtlasFeedMetadata) metadata = atlas_storage_parse_metadata (bytes);
  g_autoptr(AtlasFeedMetadata) copy = atlas_feed_metadata_copy (metadata);

  assert_header_safe (metadata->etag);
  assert_header_safe (metadata->last_modified);
  g_assert_cmpint (metadata->dataset_version, >=, 0);
  g_assert_cmpint (metadata->last_checked, >=, 0);
  g_assert_cmpint (metadata->last_success, >=, 0);
  g_assert_cmpint (metadata->retry_after, >=, 0);
  g_assert_cmpstr (copy->etag, ==, metadata->etag);

  return 0;
}
