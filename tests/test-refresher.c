/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The refresher against an in-process SoupServer on 127.0.0.1: every way a
 * refresh can end, and on every failure the stored copy is unchanged to the
 * byte. No test reaches beyond this machine.
 *
 * The server signs what it serves with the test keys (tests/keys/): every
 * path P has its signature at P.minisig, made at request time, except the
 * paths that serve a wrong, missing or malformed signature on purpose. */

#include "config.h"

#include <glib/gstdio.h>
#include <libsoup/soup.h>

#include "atlas-refresher.h"
#include "atlas-sodium-crypto.h"
#include "atlas-soup-http-client.h"
#include "atlas-test-server.h"
#include "atlas-test-signer.h"

#define TEST_MAX_BYTES (1024 * 1024)
#define GOOD_ETAG "\"v3\""

typedef struct
{
  SoupServer *server;
  char *base_url;
  GFile *directory;
  AtlasStorage *storage;
  AtlasRefresher *refresher;
  GBytes *good_copy;
  guint n_requests;
  guint n_signature_requests;
  char *signature_query;
  char *if_none_match;
  GSList *sources;
} Fixture;

typedef struct
{
  const char *name;
  const char *path;
  AtlasRefreshOutcome outcome;
  const char *message;
} RefreshCase;

static GBytes *document_v2, *document_v3, *document_v4, *document_schema_2, *document_invalid, *gzip_bomb;
static GBytes *document_v4_flipped, *presigned, *not_json;

/* ---- documents ------------------------------------------------------------ */

static GBytes *
make_document (int dataset_version,
               int schema_version)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "fixtures", "valid", "minimal.json", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GString) text = NULL;

  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  text = g_string_new (contents);
  g_assert_cmpuint (g_string_replace (text, "\"dataset_version\": 3", "", 1), ==, 1);
  g_assert_cmpuint (g_string_replace (text, "\"schema_version\": 1,", "", 1), ==, 1);
  g_string_insert (text, 1, "");
  {
    g_autofree char *head = g_strdup_printf ("{\"schema_version\": %d, \"dataset_version\": %d",
                                             schema_version, dataset_version);

    g_assert_cmpint (text->str[0], ==, '{');
    g_string_erase (text, 0, 1);
    g_string_prepend (text, head);
  }

  return g_string_free_to_bytes (g_steal_pointer (&text));
}

/* 64 MiB of spaces inside a JSON array, gzip-compressed to a few tens of KiB. */
static GBytes *
make_gzip_bomb (void)
{
  g_autoptr(GZlibCompressor) compressor = g_zlib_compressor_new (G_ZLIB_COMPRESSOR_FORMAT_GZIP, 9);
  g_autoptr(GOutputStream) memory = g_memory_output_stream_new_resizable ();
  g_autoptr(GOutputStream) gzip = g_converter_output_stream_new (memory, G_CONVERTER (compressor));
  g_autofree char *spaces = g_malloc (1024 * 1024);

  memset (spaces, ' ', 1024 * 1024);
  g_assert_true (g_output_stream_write_all (gzip, "[", 1, NULL, NULL, NULL));
  for (int i = 0; i < 64; i++)
    g_assert_true (g_output_stream_write_all (gzip, spaces, 1024 * 1024, NULL, NULL, NULL));
  g_assert_true (g_output_stream_write_all (gzip, "]", 1, NULL, NULL, NULL));
  g_assert_true (g_output_stream_close (gzip, NULL, NULL));

  return g_memory_output_stream_steal_as_bytes (G_MEMORY_OUTPUT_STREAM (memory));
}

/* ---- the server ------------------------------------------------------------- */

static void
respond (SoupServerMessage *message,
         guint              status,
         const char        *content_type,
         GBytes            *body)
{
  gsize length;
  const char *data = g_bytes_get_data (body, &length);

  soup_server_message_set_status (message, status, NULL);
  soup_server_message_set_response (message, content_type, SOUP_MEMORY_COPY, data, length);
}

static gboolean
close_connection_cb (gpointer user_data)
{
  SoupServerMessage *message = user_data;
  g_autoptr(GIOStream) stream = soup_server_message_steal_connection (message);

  g_io_stream_close (stream, NULL, NULL);
  return G_SOURCE_REMOVE;
}

static gboolean
trickle_cb (gpointer user_data)
{
  SoupServerMessage *message = user_data;

  soup_message_body_append (soup_server_message_get_response_body (message), SOUP_MEMORY_STATIC, " ", 1);
  soup_server_message_unpause (message);
  return G_SOURCE_CONTINUE;
}

static void
add_source (Fixture *fixture,
            guint    interval_ms,
            GSourceFunc function,
            SoupServerMessage *message)
{
  GSource *source = g_timeout_source_new (interval_ms);

  g_source_set_callback (source, function, g_object_ref (message), g_object_unref);
  g_source_attach (source, NULL);
  fixture->sources = g_slist_prepend (fixture->sources, source);
}

/* Paths that serve version 4, each with a signature that is wrong in its
 * own way (see handle_signature_request). */
static const char * const v4_paths[] = {
  "/v4", "/slow-v4", "/to-v4", "/no-signature", "/garbage-signature", "/short-signature",
  "/bad-base64-signature", "/huge-signature", "/huge-chunked-signature", "/rotated", "/tampered-comment",
  "/unknown-key", "/mix-and-match", "/bad-signature-byte", "/signature-server-error",
  "/signature-redirect-to-http", "/signature-loop", NULL,
};

/* What the data at @path is: the bytes its signature is made over. */
static GBytes *
served_document (const char *path)
{
  if (g_strv_contains (v4_paths, path) && !g_str_equal (path, "/to-v4"))
    return document_v4;
  if (g_str_equal (path, "/conditional") || g_str_equal (path, "/bad-data-byte"))
    return document_v4;
  if (g_str_equal (path, "/v3"))
    return document_v3;
  if (g_str_equal (path, "/v2"))
    return document_v2;
  if (g_str_equal (path, "/schema-2"))
    return document_schema_2;
  if (g_str_equal (path, "/invalid-json"))
    return not_json;
  if (g_str_equal (path, "/invalid-data"))
    return document_invalid;
  if (g_str_equal (path, "/presigned") || g_str_equal (path, "/presigned-legacy"))
    return presigned;
  return NULL;
}

static GBytes *
make_filler (gsize size)
{
  char *text = g_malloc (size);

  memset (text, 'A', size);
  return g_bytes_new_take (text, size);
}

static void
handle_signature_request (Fixture           *fixture,
                          SoupServerMessage *message,
                          const char        *path)
{
  g_autofree char *base = g_strndup (path, strlen (path) - strlen (ATLAS_REFRESHER_SIGNATURE_SUFFIX));
  GBytes *document = served_document (base);
  SoupMessageHeaders *headers = soup_server_message_get_response_headers (message);
  g_autoptr(GBytes) good = NULL;
  g_autoptr(GBytes) signature = NULL;

  fixture->n_signature_requests++;
  g_free (fixture->signature_query);
  fixture->signature_query = g_strdup (g_uri_get_query (soup_server_message_get_uri (message)));

  if (g_str_equal (base, "/to-v4"))
    {
      soup_server_message_set_redirect (message, SOUP_STATUS_MOVED_PERMANENTLY, "/v4.minisig");
      return;
    }
  if (g_str_equal (base, "/signature-redirect-to-http"))
    {
      soup_server_message_set_redirect (message, SOUP_STATUS_FOUND, "http://example.com/atlas.json.minisig");
      return;
    }
  if (g_str_equal (base, "/signature-loop"))
    {
      soup_server_message_set_redirect (message, SOUP_STATUS_FOUND, path);
      return;
    }
  if (g_str_equal (base, "/signature-server-error"))
    {
      soup_server_message_set_status (message, SOUP_STATUS_SERVICE_UNAVAILABLE, NULL);
      return;
    }
  if (document == NULL || g_str_equal (base, "/no-signature"))
    {
      soup_server_message_set_status (message, SOUP_STATUS_NOT_FOUND, NULL);
      return;
    }
  if (g_str_equal (base, "/huge-chunked-signature"))
    {
      g_autoptr(GBytes) filler = make_filler (2 * ATLAS_REFRESHER_MAX_SIGNATURE_BYTES);

      soup_server_message_set_status (message, SOUP_STATUS_OK, NULL);
      soup_message_headers_set_encoding (headers, SOUP_ENCODING_CHUNKED);
      soup_message_body_append_bytes (soup_server_message_get_response_body (message), filler);
      soup_message_body_complete (soup_server_message_get_response_body (message));
      return;
    }

  good = atlas_test_sign ("test-1", document, TRUE, "timestamp:1764043200 file:atlas.json hashed");
  if (g_str_equal (base, "/garbage-signature"))
    signature = g_bytes_new_static ("<html>oops</html>", 17);
  else if (g_str_equal (base, "/huge-signature"))
    signature = make_filler (ATLAS_REFRESHER_MAX_SIGNATURE_BYTES + 1);
  else if (g_str_equal (base, "/short-signature"))
    {
      g_auto(GStrv) lines = atlas_test_split_lines (good);

      lines[1][strlen (lines[1]) - 4] = '\0';
      signature = atlas_test_replace_line (good, 1, lines[1]);
    }
  else if (g_str_equal (base, "/bad-base64-signature"))
    {
      g_auto(GStrv) lines = atlas_test_split_lines (good);

      lines[1][20] = '*';
      signature = atlas_test_replace_line (good, 1, lines[1]);
    }
  else if (g_str_equal (base, "/rotated"))
    signature = atlas_test_sign ("test-2", document, TRUE, "signed with the second, rotated-in key");
  else if (g_str_equal (base, "/unknown-key"))
    signature = atlas_test_sign ("test-untrusted", document, TRUE, "signed with a key nobody trusts");
  else if (g_str_equal (base, "/mix-and-match"))
    signature = atlas_test_sign ("test-1", document_v3, TRUE, "a valid signature of another file");
  else if (g_str_equal (base, "/bad-signature-byte"))
    signature = atlas_test_change_byte (good, 1, 30, -1);
  else if (g_str_equal (base, "/tampered-comment"))
    signature = atlas_test_replace_line (good, 2, "trusted comment: timestamp:1893456000 file:atlas.json hashed");
  else if (g_str_equal (base, "/presigned"))
    signature = atlas_test_read_file ("fixtures", "signatures", "atlas.json.minisig", NULL);
  else if (g_str_equal (base, "/presigned-legacy"))
    signature = atlas_test_read_file ("fixtures", "signatures", "atlas.json.legacy.minisig", NULL);
  else
    signature = g_bytes_ref (good);

  respond (message, SOUP_STATUS_OK, "text/plain", signature);
}

static void
handle_request (SoupServer        *server,
                SoupServerMessage *message,
                const char        *path,
                GHashTable        *query,
                gpointer           user_data)
{
  Fixture *fixture = user_data;
  SoupMessageHeaders *headers = soup_server_message_get_response_headers (message);
  SoupMessageHeaders *request_headers = soup_server_message_get_request_headers (message);
  g_autoptr(GBytes) html = g_bytes_new_static ("<html>oops</html>", 17);

  if (g_str_has_suffix (path, ATLAS_REFRESHER_SIGNATURE_SUFFIX))
    {
      handle_signature_request (fixture, message, path);
      return;
    }

  fixture->n_requests++;
  g_free (fixture->if_none_match);
  fixture->if_none_match = g_strdup (soup_message_headers_get_one (request_headers, "If-None-Match"));

  if (g_strv_contains (v4_paths, path) && !g_str_equal (path, "/to-v4"))
    {
      soup_message_headers_replace (headers, "ETag", "\"v4\"");
      respond (message, SOUP_STATUS_OK, "application/json", document_v4);
    }
  else if (g_str_equal (path, "/bad-data-byte"))
    respond (message, SOUP_STATUS_OK, "application/json", document_v4_flipped);
  else if (g_str_equal (path, "/presigned") || g_str_equal (path, "/presigned-legacy"))
    respond (message, SOUP_STATUS_OK, "application/json", presigned);
  else if (g_str_equal (path, "/conditional"))
    {
      if (g_strcmp0 (fixture->if_none_match, GOOD_ETAG) == 0)
        soup_server_message_set_status (message, SOUP_STATUS_NOT_MODIFIED, NULL);
      else
        respond (message, SOUP_STATUS_OK, "application/json", document_v4);
    }
  else if (g_str_equal (path, "/v3"))
    respond (message, SOUP_STATUS_OK, "application/json; charset=utf-8", document_v3);
  else if (g_str_equal (path, "/v2"))
    respond (message, SOUP_STATUS_OK, "application/json", document_v2);
  else if (g_str_equal (path, "/schema-2"))
    respond (message, SOUP_STATUS_OK, "application/json", document_schema_2);
  else if (g_str_equal (path, "/invalid-json"))
    respond (message, SOUP_STATUS_OK, "application/json", not_json);
  else if (g_str_equal (path, "/invalid-data"))
    respond (message, SOUP_STATUS_OK, "application/json", document_invalid);
  else if (g_str_equal (path, "/html"))
    respond (message, SOUP_STATUS_OK, "text/html", html);
  else if (g_str_equal (path, "/error"))
    {
      soup_message_headers_replace (headers, "Retry-After", "3600");
      respond (message, SOUP_STATUS_INTERNAL_SERVER_ERROR, "text/html", html);
    }
  else if (g_str_equal (path, "/huge-length"))
    {
      g_autofree char *big = g_malloc0 (TEST_MAX_BYTES + 1);
      g_autoptr(GBytes) body = g_bytes_new_take (g_steal_pointer (&big), TEST_MAX_BYTES + 1);

      respond (message, SOUP_STATUS_OK, "application/json", body);
    }
  else if (g_str_equal (path, "/huge-chunked"))
    {
      g_autofree char *big = g_malloc (2 * TEST_MAX_BYTES);

      memset (big, ' ', 2 * TEST_MAX_BYTES);
      soup_server_message_set_status (message, SOUP_STATUS_OK, NULL);
      soup_message_headers_set_content_type (headers, "application/json", NULL);
      soup_message_headers_set_encoding (headers, SOUP_ENCODING_CHUNKED);
      soup_message_body_append (soup_server_message_get_response_body (message), SOUP_MEMORY_COPY,
                                big, 2 * TEST_MAX_BYTES);
      soup_message_body_complete (soup_server_message_get_response_body (message));
    }
  else if (g_str_equal (path, "/bomb"))
    {
      soup_message_headers_replace (headers, "Content-Encoding", "gzip");
      respond (message, SOUP_STATUS_OK, "application/json", gzip_bomb);
    }
  else if (g_str_equal (path, "/truncated"))
    {
      gsize length;
      const char *data = g_bytes_get_data (document_v4, &length);

      soup_server_message_set_status (message, SOUP_STATUS_OK, NULL);
      soup_message_headers_set_content_type (headers, "application/json", NULL);
      soup_message_headers_set_content_length (headers, length);
      soup_message_body_append (soup_server_message_get_response_body (message), SOUP_MEMORY_COPY, data, length / 2);
      add_source (fixture, 100, close_connection_cb, message);
    }
  else if (g_str_equal (path, "/stall"))
    soup_server_message_pause (message);
  else if (g_str_equal (path, "/trickle"))
    {
      soup_server_message_set_status (message, SOUP_STATUS_OK, NULL);
      soup_message_headers_set_content_type (headers, "application/json", NULL);
      soup_message_headers_set_encoding (headers, SOUP_ENCODING_CHUNKED);
      soup_message_body_append (soup_server_message_get_response_body (message), SOUP_MEMORY_STATIC, "[", 1);
      add_source (fixture, 200, trickle_cb, message);
    }
  else if (g_str_equal (path, "/loop"))
    soup_server_message_set_redirect (message, SOUP_STATUS_FOUND, "/loop");
  else if (g_str_equal (path, "/to-v4"))
    soup_server_message_set_redirect (message, SOUP_STATUS_MOVED_PERMANENTLY, "/v4");
  else if (g_str_equal (path, "/to-plain-http"))
    soup_server_message_set_redirect (message, SOUP_STATUS_FOUND, "http://example.com/atlas.json");
  else if (g_str_equal (path, "/to-file"))
    soup_server_message_set_redirect (message, SOUP_STATUS_FOUND, "file:///etc/passwd");
  else
    soup_server_message_set_status (message, SOUP_STATUS_NOT_FOUND, NULL);
}

/* ---- fixture ---------------------------------------------------------------- */

/* Two trusted keys, as in the app during a key rotation. */
static void
set_test_keys (AtlasRefresher *refresher)
{
  g_autoptr(AtlasTrustedKeys) keys = atlas_test_trusted_keys ("test-1", "test-2", NULL);

  atlas_refresher_set_trusted_keys (refresher, keys);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *directory = g_build_filename (g_get_user_data_dir (), "stem-cell-atlas", NULL);
  g_autoptr(AtlasFeedMetadata) metadata = atlas_feed_metadata_new ();

  fixture->server = soup_server_new (NULL, NULL);
  soup_server_add_handler (fixture->server, NULL, handle_request, fixture, NULL);
  fixture->base_url = atlas_test_server_listen (fixture->server);
  if (g_str_has_suffix (fixture->base_url, "/"))
    fixture->base_url[strlen (fixture->base_url) - 1] = '\0';

  /* The user already has a good downloaded copy, version 3. */
  fixture->directory = g_file_new_for_path (directory);
  fixture->storage = atlas_storage_new (fixture->directory);
  fixture->good_copy = g_bytes_ref (document_v3);
  g_assert_true (atlas_storage_save_data (fixture->storage, fixture->good_copy, &error));
  metadata->etag = g_strdup (GOOD_ETAG);
  metadata->dataset_version = 3;
  g_assert_true (atlas_storage_save_metadata (fixture->storage, metadata, &error));
  g_assert_no_error (error);

  fixture->refresher = atlas_refresher_new (fixture->storage);
  atlas_refresher_set_limits (fixture->refresher, TEST_MAX_BYTES, 1, 3);
  set_test_keys (fixture->refresher);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  for (GSList *l = fixture->sources; l != NULL; l = l->next)
    g_source_destroy (l->data);
  g_slist_free_full (fixture->sources, (GDestroyNotify) g_source_unref);
  g_clear_object (&fixture->refresher);
  g_clear_object (&fixture->storage);
  g_clear_object (&fixture->directory);
  soup_server_disconnect (fixture->server);
  g_clear_object (&fixture->server);
  g_clear_pointer (&fixture->good_copy, g_bytes_unref);
  g_clear_pointer (&fixture->base_url, g_free);
  g_clear_pointer (&fixture->if_none_match, g_free);
  g_clear_pointer (&fixture->signature_query, g_free);
}

typedef struct
{
  gboolean done;
  AtlasRefreshOutcome outcome;
  AtlasDataset *dataset;
  GError *error;
} Outcome;

static void
refreshed_cb (GObject      *source_object,
              GAsyncResult *result,
              gpointer      user_data)
{
  Outcome *outcome = user_data;

  outcome->outcome = atlas_refresher_refresh_finish (ATLAS_REFRESHER (source_object), result,
                                                     &outcome->dataset, &outcome->error);
  outcome->done = TRUE;
}

static void
wait_for (Outcome *outcome)
{
  while (!outcome->done)
    g_main_context_iteration (NULL, TRUE);
}

static void
outcome_clear (Outcome *outcome)
{
  g_clear_object (&outcome->dataset);
  g_clear_error (&outcome->error);
}

static void
refresh (Fixture    *fixture,
         const char *path,
         Outcome    *outcome)
{
  g_autofree char *url = g_str_has_prefix (path, "/") ? g_strconcat (fixture->base_url, path, NULL) : g_strdup (path);

  atlas_refresher_refresh_async (fixture->refresher, url, 3, NULL, refreshed_cb, outcome);
  wait_for (outcome);
}

static void
assert_good_copy_unchanged (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) stored = atlas_storage_load_data (fixture->storage, NULL, &error);
  g_autoptr(GFileEnumerator) children = NULL;
  GFileInfo *info;

  g_assert_no_error (error);
  g_assert_true (g_bytes_equal (stored, fixture->good_copy));

  /* No partial or temporary file is left behind. */
  children = g_file_enumerate_children (fixture->directory, G_FILE_ATTRIBUTE_STANDARD_NAME,
                                        G_FILE_QUERY_INFO_NONE, NULL, &error);
  g_assert_no_error (error);
  while ((info = g_file_enumerator_next_file (children, NULL, NULL)) != NULL)
    {
      const char *name = g_file_info_get_name (info);

      if (!g_str_equal (name, "atlas.json") && !g_str_equal (name, "feed.ini"))
        g_error ("unexpected file left in the data directory: %s", name);
      g_object_unref (info);
    }
}

/* A refused document's validators are not remembered: the next refresh
 * must not be told "not modified" about it. */
static void
assert_validators_unchanged (Fixture *fixture)
{
  g_autoptr(AtlasFeedMetadata) metadata = atlas_storage_load_metadata (fixture->storage);

  g_assert_cmpstr (metadata->etag, ==, GOOD_ETAG);
  g_assert_cmpint (metadata->dataset_version, ==, 3);
}

/* ---- the cases ---------------------------------------------------------------- */

static const RefreshCase failure_cases[] = {
  { "not-found", "/missing", ATLAS_REFRESH_SERVER_ERROR, "the server answered 404" },
  { "server-error-html", "/error", ATLAS_REFRESH_SERVER_ERROR, "the server answered 500" },
  { "html-content-type", "/html", ATLAS_REFRESH_SERVER_ERROR, "the server sent text/html instead of JSON data" },
  { "truncated", "/truncated", ATLAS_REFRESH_SERVER_ERROR, "the transfer failed" },
  { "invalid-json", "/invalid-json", ATLAS_REFRESH_INVALID, "the server sent invalid data: line 1, column 1" },
  { "invalid-data", "/invalid-data", ATLAS_REFRESH_INVALID, "refers to the source \"nope\"" },
  { "oversized-length", "/huge-length", ATLAS_REFRESH_TOO_LARGE, "the server announced 1048577 bytes" },
  { "oversized-chunked", "/huge-chunked", ATLAS_REFRESH_TOO_LARGE, "larger than the limit of 1048576 bytes" },
  { "compressed-bomb", "/bomb", ATLAS_REFRESH_TOO_LARGE, "larger than the limit of 1048576 bytes" },
  { "stalled", "/stall", ATLAS_REFRESH_TIMEOUT, "the server stopped answering" },
  { "trickle", "/trickle", ATLAS_REFRESH_TIMEOUT, "the server took longer than 3 seconds" },
  { "redirect-loop", "/loop", ATLAS_REFRESH_INSECURE, "redirected more than 5 times" },
  { "redirect-to-http", "/to-plain-http", ATLAS_REFRESH_INSECURE, "redirected to an insecure address (http)" },
  { "redirect-to-file", "/to-file", ATLAS_REFRESH_INSECURE, "redirected to an insecure address (file)" },
  { "rollback", "/v2", ATLAS_REFRESH_ROLLBACK, "data version 2, older than the version 3 in use" },
  { "newer-schema", "/schema-2", ATLAS_REFRESH_NEEDS_APP_UPDATE, "Update the app" },
  { "plain-http-url", "http://example.com/atlas.json", ATLAS_REFRESH_INSECURE, "must start with https://" },
  { "not-a-url", "not a url", ATLAS_REFRESH_INSECURE, "must start with https://" },
  /* The signature: checked before parsing, and nothing unsigned is taken. */
  { "flipped-data-byte", "/bad-data-byte", ATLAS_REFRESH_UNTRUSTED,
    "the data’s signature did not check out: the signature does not match the data" },
  { "flipped-signature-byte", "/bad-signature-byte", ATLAS_REFRESH_UNTRUSTED, "the signature does not match the data" },
  { "unknown-key", "/unknown-key", ATLAS_REFRESH_UNTRUSTED,
    "signed with the key 6082F30658AC53A5, which is not a trusted key" },
  { "mix-and-match", "/mix-and-match", ATLAS_REFRESH_UNTRUSTED, "the signature does not match the data" },
  { "signature-missing", "/no-signature", ATLAS_REFRESH_UNTRUSTED,
    "the server has no signature for the data (it answered 404 Not Found)" },
  { "signature-garbage", "/garbage-signature", ATLAS_REFRESH_UNTRUSTED,
    "does not have the four lines of a minisign signature" },
  { "signature-wrong-length", "/short-signature", ATLAS_REFRESH_UNTRUSTED,
    "line 2 of the signature file is not 74 bytes of base64" },
  { "signature-bad-base64", "/bad-base64-signature", ATLAS_REFRESH_UNTRUSTED,
    "line 2 of the signature file is not 74 bytes of base64" },
  { "signature-huge", "/huge-signature", ATLAS_REFRESH_UNTRUSTED, "larger than the limit of 4096 bytes" },
  { "signature-huge-chunked", "/huge-chunked-signature", ATLAS_REFRESH_UNTRUSTED,
    "larger than the limit of 4096 bytes" },
  { "trusted-comment-tampered", "/tampered-comment", ATLAS_REFRESH_UNTRUSTED,
    "the trusted comment does not match its signature" },
  { "signature-server-error", "/signature-server-error", ATLAS_REFRESH_SERVER_ERROR,
    "the server answered 503 Service Unavailable for the data’s signature" },
  { "signature-redirect-to-http", "/signature-redirect-to-http", ATLAS_REFRESH_INSECURE,
    "redirected to an insecure address (http)" },
  { "signature-redirect-loop", "/signature-loop", ATLAS_REFRESH_INSECURE, "redirected more than 5 times" },
};

static void
test_failure (Fixture       *fixture,
              gconstpointer  data)
{
  const RefreshCase *refresh_case = data;
  Outcome outcome = { 0, };

  refresh (fixture, refresh_case->path, &outcome);

  g_assert_cmpstr (atlas_refresh_outcome_to_nick (outcome.outcome), ==,
                   atlas_refresh_outcome_to_nick (refresh_case->outcome));
  g_assert_error (outcome.error, ATLAS_REFRESH_ERROR, (int) refresh_case->outcome);
  if (strstr (outcome.error->message, refresh_case->message) == NULL)
    g_error ("expected the error to contain\n  %s\nbut it was\n  %s", refresh_case->message, outcome.error->message);
  g_assert_null (outcome.dataset);
  assert_good_copy_unchanged (fixture);
  assert_validators_unchanged (fixture);
  outcome_clear (&outcome);
}

static void
test_success (Fixture       *fixture,
              gconstpointer  data)
{
  Outcome outcome = { 0, };
  g_autoptr(GBytes) stored = NULL;
  g_autoptr(AtlasFeedMetadata) metadata = NULL;

  refresh (fixture, "/to-v4", &outcome);

  g_assert_no_error (outcome.error);
  g_assert_cmpint (outcome.outcome, ==, ATLAS_REFRESH_UPDATED);
  g_assert_nonnull (outcome.dataset);
  g_assert_cmpint (atlas_dataset_get_dataset_version (outcome.dataset), ==, 4);
  g_assert_cmpuint (fixture->n_requests, ==, 2); /* the redirect, then the data */
  g_assert_cmpuint (fixture->n_signature_requests, ==, 2); /* the same for its signature */
  g_assert_cmpstr (fixture->if_none_match, ==, GOOD_ETAG);

  stored = atlas_storage_load_data (fixture->storage, NULL, NULL);
  g_assert_true (g_bytes_equal (stored, document_v4));
  metadata = atlas_storage_load_metadata (fixture->storage);
  g_assert_cmpstr (metadata->etag, ==, "\"v4\"");
  g_assert_cmpint (metadata->dataset_version, ==, 4);
  g_assert_cmpint (metadata->last_success, >, 0);
  outcome_clear (&outcome);
}

/* Data signed by the second trusted key (a key rotation) is accepted. */
static void
test_rotated_key (Fixture       *fixture,
                  gconstpointer  data)
{
  Outcome outcome = { 0, };
  g_autoptr(GBytes) stored = NULL;

  refresh (fixture, "/rotated", &outcome);

  g_assert_no_error (outcome.error);
  g_assert_cmpint (outcome.outcome, ==, ATLAS_REFRESH_UPDATED);
  g_assert_cmpint (atlas_dataset_get_dataset_version (outcome.dataset), ==, 4);
  stored = atlas_storage_load_data (fixture->storage, NULL, NULL);
  g_assert_true (g_bytes_equal (stored, document_v4));
  outcome_clear (&outcome);
}

/* Signatures made by the minisign tool itself, prehashed and legacy, over
 * a document of the version in use. */
static void
test_presigned (Fixture       *fixture,
                gconstpointer  data)
{
  const char *path = data;
  Outcome outcome = { 0, };

  refresh (fixture, path, &outcome);

  g_assert_no_error (outcome.error);
  g_assert_cmpint (outcome.outcome, ==, ATLAS_REFRESH_UP_TO_DATE);
  g_assert_cmpuint (fixture->n_signature_requests, ==, 1);
  outcome_clear (&outcome);
}

/* The signature's address keeps the data address's query. */
static void
test_signature_address (Fixture       *fixture,
                        gconstpointer  data)
{
  Outcome outcome = { 0, };

  refresh (fixture, "/v4?channel=stable", &outcome);

  g_assert_no_error (outcome.error);
  g_assert_cmpint (outcome.outcome, ==, ATLAS_REFRESH_UPDATED);
  g_assert_cmpstr (fixture->signature_query, ==, "channel=stable");
  outcome_clear (&outcome);
}

/* Without trusted keys nothing is fetched and nothing is taken. */
static void
test_no_trusted_keys (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(AtlasTrustedKeys) none = atlas_trusted_keys_new ();
  Outcome outcome = { 0, };

  atlas_refresher_set_trusted_keys (fixture->refresher, NULL);
  refresh (fixture, "/v4", &outcome);
  g_assert_error (outcome.error, ATLAS_REFRESH_ERROR, ATLAS_REFRESH_UNTRUSTED);
  g_assert_nonnull (strstr (outcome.error->message, "there is no trusted key"));
  outcome_clear (&outcome);

  atlas_refresher_set_trusted_keys (fixture->refresher, none);
  outcome = (Outcome) { 0, };
  refresh (fixture, "/v4", &outcome);
  g_assert_error (outcome.error, ATLAS_REFRESH_ERROR, ATLAS_REFRESH_UNTRUSTED);

  g_assert_cmpuint (fixture->n_requests, ==, 0);
  assert_good_copy_unchanged (fixture);
  assert_validators_unchanged (fixture);
  outcome_clear (&outcome);
}

static void
test_not_modified (Fixture       *fixture,
                   gconstpointer  data)
{
  Outcome outcome = { 0, };
  g_autoptr(AtlasFeedMetadata) metadata = NULL;

  refresh (fixture, "/conditional", &outcome);

  g_assert_no_error (outcome.error);
  g_assert_cmpint (outcome.outcome, ==, ATLAS_REFRESH_UP_TO_DATE);
  g_assert_cmpstr (fixture->if_none_match, ==, GOOD_ETAG);
  g_assert_null (outcome.dataset);
  metadata = atlas_storage_load_metadata (fixture->storage);
  g_assert_cmpint (metadata->last_checked, >, 0);
  assert_good_copy_unchanged (fixture);
  outcome_clear (&outcome);
}

static void
test_equal_version (Fixture       *fixture,
                    gconstpointer  data)
{
  Outcome outcome = { 0, };

  refresh (fixture, "/v3", &outcome);

  g_assert_no_error (outcome.error);
  g_assert_cmpint (outcome.outcome, ==, ATLAS_REFRESH_UP_TO_DATE);
  assert_good_copy_unchanged (fixture);
  outcome_clear (&outcome);
}

static void
test_retry_after_remembered (Fixture       *fixture,
                             gconstpointer  data)
{
  Outcome outcome = { 0, };
  g_autoptr(AtlasFeedMetadata) metadata = NULL;
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;

  refresh (fixture, "/error", &outcome);

  metadata = atlas_storage_load_metadata (fixture->storage);
  g_assert_cmpint (metadata->retry_after, >=, now + 3600 - 5);
  g_assert_cmpint (metadata->retry_after, <=, now + 3600 + 5);
  outcome_clear (&outcome);
}

static void
test_offline (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(GSocket) socket = g_socket_new (G_SOCKET_FAMILY_IPV4, G_SOCKET_TYPE_STREAM, G_SOCKET_PROTOCOL_TCP, NULL);
  g_autoptr(GInetAddress) loopback = g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV4);
  g_autoptr(GSocketAddress) address = g_inet_socket_address_new (loopback, 0);
  g_autoptr(GSocketAddress) bound = NULL;
  g_autofree char *url = NULL;
  Outcome outcome = { 0, };

  /* A port that was free a moment ago and that nobody listens on. */
  g_assert_true (g_socket_bind (socket, address, TRUE, NULL));
  bound = g_socket_get_local_address (socket, NULL);
  url = g_strdup_printf ("http://127.0.0.1:%u/atlas.json",
                         g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (bound)));
  g_socket_close (socket, NULL);

  refresh (fixture, url, &outcome);

  g_assert_error (outcome.error, ATLAS_REFRESH_ERROR, ATLAS_REFRESH_OFFLINE);
  assert_good_copy_unchanged (fixture);
  outcome_clear (&outcome);
}

/* The storage directory cannot be written, even by root. */
static void
test_read_only_directory (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(GFile) read_only = g_file_new_for_path ("/proc/stem-cell-atlas-test");
  g_autoptr(AtlasStorage) storage = atlas_storage_new (read_only);
  g_autoptr(AtlasRefresher) refresher = atlas_refresher_new (storage);
  g_autofree char *url = g_strconcat (fixture->base_url, "/v4", NULL);
  Outcome outcome = { 0, };

  set_test_keys (refresher);
  atlas_refresher_refresh_async (refresher, url, 3, NULL, refreshed_cb, &outcome);
  wait_for (&outcome);

  g_assert_error (outcome.error, ATLAS_REFRESH_ERROR, ATLAS_REFRESH_DISK_ERROR);
  g_assert_nonnull (strstr (outcome.error->message, "could not save the new data"));
  g_assert_false (atlas_storage_has_data (storage));
  outcome_clear (&outcome);
}

static void
test_concurrent_join (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autofree char *url = g_strconcat (fixture->base_url, "/v4", NULL);
  Outcome first = { 0, }, second = { 0, };

  atlas_refresher_refresh_async (fixture->refresher, url, 3, NULL, refreshed_cb, &first);
  g_assert_true (atlas_refresher_get_running (fixture->refresher));
  atlas_refresher_refresh_async (fixture->refresher, url, 3, NULL, refreshed_cb, &second);
  wait_for (&first);
  wait_for (&second);

  g_assert_cmpuint (fixture->n_requests, ==, 1);
  g_assert_cmpint (first.outcome, ==, ATLAS_REFRESH_UPDATED);
  g_assert_cmpint (second.outcome, ==, ATLAS_REFRESH_UPDATED);
  g_assert_true (first.dataset == second.dataset);
  g_assert_false (atlas_refresher_get_running (fixture->refresher));
  outcome_clear (&first);
  outcome_clear (&second);
}

static gboolean
cancel_cb (gpointer user_data)
{
  g_cancellable_cancel (user_data);
  return G_SOURCE_REMOVE;
}

static void
test_cancel_mid_transfer (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autofree char *url = g_strconcat (fixture->base_url, "/trickle", NULL);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  Outcome outcome = { 0, };

  atlas_refresher_refresh_async (fixture->refresher, url, 3, cancellable, refreshed_cb, &outcome);
  g_timeout_add (700, cancel_cb, cancellable);
  wait_for (&outcome);

  g_assert_error (outcome.error, ATLAS_REFRESH_ERROR, ATLAS_REFRESH_CANCELLED);
  assert_good_copy_unchanged (fixture);
  outcome_clear (&outcome);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  /* The transport is linked in here, not loaded as the app's module. */
  g_type_ensure (ATLAS_TYPE_SOUP_HTTP_CLIENT);
  g_type_ensure (ATLAS_TYPE_SODIUM_CRYPTO);

  document_v2 = make_document (2, 1);
  document_v3 = make_document (3, 1);
  document_v4 = make_document (4, 1);
  document_schema_2 = make_document (5, 2);
  {
    g_autofree char *path = g_test_build_filename (G_TEST_DIST, "fixtures", "invalid", "unknown-source.json", NULL);
    g_autofree char *contents = NULL;
    gsize length;

    g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
    document_invalid = g_bytes_new_take (g_steal_pointer (&contents), length);
  }
  gzip_bomb = make_gzip_bomb ();
  not_json = g_bytes_new_static ("<html>oops</html>", 17);
  presigned = atlas_test_read_file ("fixtures", "signatures", "atlas.json", NULL);
  {
    gsize length;
    g_autofree char *flipped = g_memdup2 (g_bytes_get_data (document_v4, &length), g_bytes_get_size (document_v4));

    flipped[length / 2] ^= 0x20;
    document_v4_flipped = g_bytes_new_take (g_steal_pointer (&flipped), length);
  }

  g_test_add ("/refresher/success-after-redirect", Fixture, NULL, fixture_set_up, test_success, fixture_tear_down);
  g_test_add ("/refresher/rotated-key", Fixture, NULL, fixture_set_up, test_rotated_key, fixture_tear_down);
  g_test_add ("/refresher/presigned/prehashed", Fixture, "/presigned", fixture_set_up, test_presigned,
              fixture_tear_down);
  g_test_add ("/refresher/presigned/legacy", Fixture, "/presigned-legacy", fixture_set_up, test_presigned,
              fixture_tear_down);
  g_test_add ("/refresher/signature-address", Fixture, NULL, fixture_set_up, test_signature_address,
              fixture_tear_down);
  g_test_add ("/refresher/no-trusted-keys", Fixture, NULL, fixture_set_up, test_no_trusted_keys, fixture_tear_down);
  g_test_add ("/refresher/not-modified", Fixture, NULL, fixture_set_up, test_not_modified, fixture_tear_down);
  g_test_add ("/refresher/equal-version", Fixture, NULL, fixture_set_up, test_equal_version, fixture_tear_down);
  g_test_add ("/refresher/retry-after", Fixture, NULL, fixture_set_up, test_retry_after_remembered, fixture_tear_down);
  g_test_add ("/refresher/offline", Fixture, NULL, fixture_set_up, test_offline, fixture_tear_down);
  g_test_add ("/refresher/read-only-directory", Fixture, NULL, fixture_set_up, test_read_only_directory,
              fixture_tear_down);
  g_test_add ("/refresher/concurrent-join", Fixture, NULL, fixture_set_up, test_concurrent_join, fixture_tear_down);
  g_test_add ("/refresher/cancel-mid-transfer", Fixture, NULL, fixture_set_up, test_cancel_mid_transfer,
              fixture_tear_down);
  for (guint i = 0; i < G_N_ELEMENTS (failure_cases); i++)
    {
      g_autofree char *name = g_strdup_printf ("/refresher/failure/%s", failure_cases[i].name);

      g_test_add (name, Fixture, &failure_cases[i], fixture_set_up, test_failure, fixture_tear_down);
    }

  status = g_test_run ();

  g_bytes_unref (document_v2);
  g_bytes_unref (document_v3);
  g_bytes_unref (document_v4);
  g_bytes_unref (document_schema_2);
  g_bytes_unref (document_invalid);
  g_bytes_unref (gzip_bomb);
  g_bytes_unref (not_json);
  g_bytes_unref (presigned);
  g_bytes_unref (document_v4_flipped);
  return status;
}
