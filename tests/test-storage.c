/* SPDX-License-Identifier: GPL-3.0-or-later */
/* What the app remembers about the feed (feed.ini): whatever the file
 * holds, the metadata read back is sane, and its validators are safe to
 * send back to the server as request headers. */

#include "config.h"

#include "atlas-storage.h"

typedef struct
{
  const char *name;
  const char *text;
  const char *etag;
  const char *last_modified;
  int dataset_version;
  gint64 last_checked;
  gint64 retry_after;
} MetadataCase;

static const MetadataCase metadata_cases[] = {
  { "typical", "[feed]\netag=\"v12\"\nlast-modified=Wed, 25 Nov 2026 04:10:33 GMT\ndataset-version=12\n"
               "last-checked=1795580000\nretry-after=0\n",
    "\"v12\"", "Wed, 25 Nov 2026 04:10:33 GMT", 12, 1795580000, 0 },
  { "escaped-space-and-backslash", "[feed]\netag=\\sW/\"a\\\\b\"\n", " W/\"a\\b\"", NULL, 0, 0, 0 },
  { "header-injection", "[feed]\netag=\"v1\"\\r\\nX-Injected: yes\nlast-modified=now\\n\n", NULL, NULL, 0, 0, 0 },
  { "control-character", "[feed]\netag=\"v1\"\x01\n", NULL, NULL, 0, 0, 0 },
  { "not-ascii", "[feed]\netag=\"v\xc3\xa9\"\n", NULL, NULL, 0, 0, 0 },
  { "empty-etag", "[feed]\netag=\n", NULL, NULL, 0, 0, 0 },
  { "negative-numbers", "[feed]\ndataset-version=-4\nlast-checked=-1\nretry-after=-100\n", NULL, NULL, 0, 0, 0 },
  { "not-numbers", "[feed]\ndataset-version=12abc\nlast-checked=99999999999999999999999\nretry-after=soon\n",
    NULL, NULL, 0, 0, 0 },
  { "version-too-large", "[feed]\ndataset-version=4294967296\n", NULL, NULL, 0, 0, 0 },
  { "other-group", "[other]\netag=\"v1\"\ndataset-version=3\n", NULL, NULL, 0, 0, 0 },
  { "not-a-key-file", "<html>not a key file</html>", NULL, NULL, 0, 0, 0 },
  { "empty", "", NULL, NULL, 0, 0, 0 },
};

static void
assert_metadata (const AtlasFeedMetadata *metadata,
                 const MetadataCase      *expected)
{
  g_assert_cmpstr (metadata->etag, ==, expected->etag);
  g_assert_cmpstr (metadata->last_modified, ==, expected->last_modified);
  g_assert_cmpint (metadata->dataset_version, ==, expected->dataset_version);
  g_assert_cmpint (metadata->last_checked, ==, expected->last_checked);
  g_assert_cmpint (metadata->retry_after, ==, expected->retry_after);
}

static void
test_parse (gconstpointer data)
{
  const MetadataCase *metadata_case = data;
  g_autoptr(GBytes) bytes = g_bytes_new_static (metadata_case->text, strlen (metadata_case->text));
  g_autoptr(AtlasFeedMetadata) metadata = atlas_storage_parse_metadata (bytes);

  assert_metadata (metadata, metadata_case);
}

/* A long validator is dropped, and a huge file is not read at all. */
static void
test_too_long (void)
{
  g_autofree char *long_etag = g_strnfill (1025, 'e');
  g_autofree char *text = g_strdup_printf ("[feed]\netag=%s\ndataset-version=3\n", long_etag);
  g_autoptr(GBytes) bytes = g_bytes_new (text, strlen (text));
  g_autoptr(AtlasFeedMetadata) metadata = atlas_storage_parse_metadata (bytes);
  g_autoptr(GString) huge = g_string_new ("[feed]\ndataset-version=3\n#");
  g_autoptr(GBytes) huge_bytes = NULL;
  g_autoptr(AtlasFeedMetadata) huge_metadata = NULL;

  g_assert_null (metadata->etag);
  g_assert_cmpint (metadata->dataset_version, ==, 3);

  while (huge->len <= ATLAS_STORAGE_METADATA_MAX_BYTES)
    g_string_append_c (huge, 'x');
  huge_bytes = g_bytes_new (huge->str, huge->len);
  huge_metadata = atlas_storage_parse_metadata (huge_bytes);
  g_assert_cmpint (huge_metadata->dataset_version, ==, 0);
}

/* What is saved is read back as it was, through the file. */
static void
test_round_trip (void)
{
  g_autofree char *path = g_build_filename (g_get_user_data_dir (), "stem-cell-atlas", NULL);
  g_autoptr(GFile) directory = g_file_new_for_path (path);
  g_autoptr(AtlasStorage) storage = atlas_storage_new (directory);
  g_autoptr(AtlasFeedMetadata) saved = atlas_feed_metadata_new ();
  g_autoptr(AtlasFeedMetadata) loaded = NULL;
  g_autoptr(GError) error = NULL;
  const MetadataCase expected = { NULL, NULL, " W/\"a\\b\"", "Wed, 25 Nov 2026 04:10:33 GMT", 7, 1795580000, 42 };

  saved->etag = g_strdup (expected.etag);
  saved->last_modified = g_strdup (expected.last_modified);
  saved->dataset_version = expected.dataset_version;
  saved->last_checked = expected.last_checked;
  saved->retry_after = expected.retry_after;
  g_assert_true (atlas_storage_save_metadata (storage, saved, &error));
  g_assert_no_error (error);

  loaded = atlas_storage_load_metadata (storage);
  assert_metadata (loaded, &expected);
}

static void
test_missing_file (void)
{
  g_autoptr(GFile) directory = g_file_new_for_path ("/nonexistent/stem-cell-atlas");
  g_autoptr(AtlasStorage) storage = atlas_storage_new (directory);
  g_autoptr(AtlasFeedMetadata) metadata = atlas_storage_load_metadata (storage);

  g_assert_null (metadata->etag);
  g_assert_cmpint (metadata->last_checked, ==, 0);
}

/* Inputs the fuzzer (fuzz/fuzz-metadata) once crashed on, kept in
 * tests/fixtures/fuzz/metadata-*: with G_DEBUG=fatal-warnings, a GLib
 * warning is a failure too. */
static void
test_fuzz_regression (gconstpointer data)
{
  const char *name = data;
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "fixtures", "fuzz", name, NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(AtlasFeedMetadata) metadata = NULL;
  gsize length;

  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  bytes = g_bytes_new_take (g_steal_pointer (&contents), length);
  metadata = atlas_storage_parse_metadata (bytes);
  g_assert_null (metadata->etag);
}

static void
add_fuzz_regressions (void)
{
  g_autofree char *directory = g_test_build_filename (G_TEST_DIST, "fixtures", "fuzz", NULL);
  g_autoptr(GDir) dir = g_dir_open (directory, 0, NULL);
  const char *name;
  guint n_added = 0;

  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    if (g_str_has_prefix (name, "metadata-"))
      {
        g_autofree char *test_name = g_strdup_printf ("/storage/fuzz-regression/%s", name);

        g_test_add_data_func_full (test_name, g_strdup (name), test_fuzz_regression, g_free);
        n_added++;
      }
  g_assert_cmpuint (n_added, >, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (metadata_cases); i++)
    {
      g_autofree char *name = g_strdup_printf ("/storage/metadata/%s", metadata_cases[i].name);

      g_test_add_data_func (name, &metadata_cases[i], test_parse);
    }
  g_test_add_func ("/storage/metadata/too-long", test_too_long);
  g_test_add_func ("/storage/metadata/round-trip", test_round_trip);
  g_test_add_func ("/storage/metadata/missing-file", test_missing_file);
  add_fuzz_regressions ();

  return g_test_run ();
}
