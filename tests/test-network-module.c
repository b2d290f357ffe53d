/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The network module as the app uses it: this program, like the app, does
 * not link the transport in, so AtlasHttpClient loads atlas-network.so
 * (from $ATLAS_MODULE_DIR, the build tree) on first use. Its responses
 * against an in-process SoupServer on 127.0.0.1 carry what the refresher
 * reads. The signature check's cryptography comes from the module too
 * (the program links libsodium only for the test signer). Without the
 * module a refresh ends in a clear error, and so does a signature check. */

#include "config.h"

#include <libsoup/soup.h>

#include "atlas-crypto.h"
#include "atlas-http-client.h"
#include "atlas-refresher.h"
#include "atlas-test-server.h"
#include "atlas-test-signer.h"

#define RETRY_AFTER_DATE "Wed, 21 Oct 2037 07:28:00 GMT"

typedef struct
{
  SoupServer *server;
  char *base_url;
  AtlasHttpClient *client;
  char *accept_seen;
} Fixture;

static void
handle_request (SoupServer        *server,
                SoupServerMessage *message,
                const char        *path,
                GHashTable        *query,
                gpointer           user_data)
{
  Fixture *fixture = user_data;
  SoupMessageHeaders *headers = soup_server_message_get_response_headers (message);

  g_free (fixture->accept_seen);
  fixture->accept_seen = g_strdup (soup_message_headers_get_one (soup_server_message_get_request_headers (message),
                                                                 "Accept"));

  if (g_str_equal (path, "/data"))
    {
      soup_message_headers_replace (headers, "ETag", "\"v7\"");
      soup_message_headers_replace (headers, "Last-Modified", "Tue, 24 Nov 2026 10:00:00 GMT");
      soup_server_message_set_response (message, "application/json; charset=utf-8", SOUP_MEMORY_STATIC, "{}", 2);
      soup_server_message_set_status (message, SOUP_STATUS_OK, NULL);
    }
  else if (g_str_equal (path, "/moved"))
    {
      soup_message_headers_replace (headers, "Location", "/data");
      soup_server_message_set_status (message, SOUP_STATUS_FOUND, NULL);
    }
  else if (g_str_equal (path, "/later"))
    {
      soup_message_headers_replace (headers, "Retry-After", RETRY_AFTER_DATE);
      soup_server_message_set_status (message, SOUP_STATUS_SERVICE_UNAVAILABLE, NULL);
    }
  else
    soup_server_message_set_status (message, SOUP_STATUS_NOT_FOUND, NULL);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->server = soup_server_new (NULL, NULL);
  soup_server_add_handler (fixture->server, NULL, handle_request, fixture, NULL);
  fixture->base_url = atlas_test_server_listen (fixture->server);
  if (g_str_has_suffix (fixture->base_url, "/"))
    fixture->base_url[strlen (fixture->base_url) - 1] = '\0';

  fixture->client = atlas_http_client_new (7, &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->client);
  soup_server_disconnect (fixture->server);
  g_clear_object (&fixture->server);
  g_free (fixture->base_url);
  g_free (fixture->accept_seen);
}

/* Keeps the result of an asynchronous call for the loop that waits on it. */
static void
store_result_cb (GObject      *source_object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  *(GAsyncResult **) user_data = g_object_ref (result);
}

/* Sends a GET for @path and waits: the body's bytes, with @response set. */
static GBytes *
fetch (Fixture            *fixture,
       const char         *path,
       AtlasHttpResponse **response)
{
  g_autofree char *url = g_strconcat (fixture->base_url, path, NULL);
  g_autoptr(GUri) uri = g_uri_parse (url, G_URI_FLAGS_ENCODED, NULL);
  const char *headers[] = { "Accept", "application/json", NULL };
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GInputStream) stream = NULL;
  g_autoptr(GError) error = NULL;
  GBytes *body;

  atlas_http_client_send_async (fixture->client, uri, headers, NULL, store_result_cb, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);

  stream = atlas_http_client_send_finish (fixture->client, result, response, &error);
  g_assert_no_error (error);
  g_assert_nonnull (stream);
  g_assert_nonnull (*response);
  body = g_input_stream_read_bytes (stream, 1024, NULL, &error);
  g_assert_no_error (error);
  return body;
}

static void
test_loaded_from_module (Fixture       *fixture,
                         gconstpointer  data)
{
  /* This program has no transport of its own: the type came with the module. */
  g_assert_cmpstr (G_OBJECT_TYPE_NAME (fixture->client), ==, "AtlasSoupHttpClient");
  g_assert_cmpuint (atlas_http_client_get_io_timeout (fixture->client), ==, 7);
}

static void
test_response (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(AtlasHttpResponse) response = NULL;
  g_autoptr(GBytes) body = fetch (fixture, "/data", &response);

  g_assert_cmpstr (fixture->accept_seen, ==, "application/json");
  g_assert_cmpuint (response->status, ==, 200);
  g_assert_cmpstr (response->reason_phrase, ==, "OK");
  g_assert_cmpstr (response->content_type, ==, "application/json");
  g_assert_cmpint (response->content_length, ==, 2);
  g_assert_cmpstr (response->etag, ==, "\"v7\"");
  g_assert_cmpstr (response->last_modified, ==, "Tue, 24 Nov 2026 10:00:00 GMT");
  g_assert_null (response->location);
  g_assert_null (response->retry_after);
  g_assert_cmpmem (g_bytes_get_data (body, NULL), g_bytes_get_size (body), "{}", 2);
}

static void
test_redirect_not_followed (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autoptr(AtlasHttpResponse) response = NULL;
  g_autoptr(GBytes) body = fetch (fixture, "/moved", &response);

  g_assert_cmpuint (response->status, ==, 302);
  g_assert_cmpstr (response->location, ==, "/data");
}

static void
test_retry_after (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(AtlasHttpResponse) response = NULL;
  g_autoptr(GBytes) body = fetch (fixture, "/later", &response);

  g_assert_cmpuint (response->status, ==, 503);
  g_assert_cmpstr (response->retry_after, ==, RETRY_AFTER_DATE);
  g_assert_nonnull (response->retry_after_date);
  g_assert_cmpint (g_date_time_to_unix (response->retry_after_date), ==, 2139722880);
}

/* The module's libsodium checks signatures: good ones pass, both kinds,
 * and one changed byte fails. */
static void
test_crypto_from_module (void)
{
  g_autoptr(GBytes) data = g_bytes_new_static ("{\"dataset_version\": 1}\n", 22);
  g_autoptr(AtlasTrustedKeys) keys = atlas_test_trusted_keys ("test-1", NULL);
  g_autoptr(GError) error = NULL;
  AtlasCrypto *crypto;

  g_assert_cmpuint (g_type_from_name ("AtlasSodiumCrypto"), ==, 0);
  crypto = atlas_crypto_get_default (&error);
  g_assert_no_error (error);
  g_assert_cmpstr (G_OBJECT_TYPE_NAME (crypto), ==, "AtlasSodiumCrypto");
  g_assert_true (atlas_crypto_get_default (NULL) == crypto);

  for (int prehashed = 0; prehashed <= 1; prehashed++)
    {
      g_autoptr(GBytes) signature = atlas_test_sign ("test-1", data, prehashed, "timestamp:1");
      g_autoptr(GBytes) altered = atlas_test_change_byte (signature, 1, 20, -1);
      g_autoptr(GError) altered_error = NULL;
      g_autofree char *comment = NULL;

      g_assert_true (atlas_trusted_keys_verify (keys, data, signature, &comment, &error));
      g_assert_no_error (error);
      g_assert_cmpstr (comment, ==, "timestamp:1");

      g_assert_false (atlas_trusted_keys_verify (keys, data, altered, NULL, &altered_error));
      g_assert_error (altered_error, ATLAS_SIGNATURE_ERROR, ATLAS_SIGNATURE_ERROR_INVALID);
    }
}

/* Without the module the app runs, and a refresh says what is wrong. */
static void
test_missing_module (void)
{
  if (g_test_subprocess ())
    {
      g_autoptr(GFile) directory = g_file_new_for_path (g_get_user_data_dir ());
      g_autoptr(AtlasStorage) storage = atlas_storage_new (directory);
      g_autoptr(AtlasRefresher) refresher = atlas_refresher_new (storage);
      g_autoptr(AtlasTrustedKeys) keys = atlas_test_trusted_keys ("test-1", NULL);
      g_autoptr(GAsyncResult) result = NULL;
      g_autoptr(GError) error = NULL;
      AtlasRefreshOutcome outcome;

      g_setenv ("ATLAS_MODULE_DIR", "/nonexistent", TRUE);
      atlas_refresher_set_trusted_keys (refresher, keys);
      atlas_refresher_refresh_async (refresher, "https://example.invalid/atlas.json", 1, NULL,
                                     store_result_cb, &result);
      while (result == NULL)
        g_main_context_iteration (NULL, TRUE);

      outcome = atlas_refresher_refresh_finish (refresher, result, NULL, &error);
      g_assert_cmpint (outcome, ==, ATLAS_REFRESH_UNAVAILABLE);
      g_assert_error (error, ATLAS_REFRESH_ERROR, ATLAS_REFRESH_UNAVAILABLE);
      g_assert_nonnull (strstr (error->message, "/nonexistent/atlas-network.so"));
      g_assert_false (atlas_refresher_get_running (refresher));

      /* A signature cannot be checked either, and that is said, not guessed. */
      {
        g_autoptr(GBytes) data = g_bytes_new_static ("{}\n", 3);
        g_autoptr(GBytes) signature = atlas_test_sign ("test-1", data, TRUE, "timestamp:1");
        g_autoptr(GError) verify_error = NULL;

        g_assert_false (atlas_trusted_keys_verify (keys, data, signature, NULL, &verify_error));
        g_assert_error (verify_error, ATLAS_SIGNATURE_ERROR, ATLAS_SIGNATURE_ERROR_UNAVAILABLE);
        g_assert_nonnull (strstr (verify_error->message, "/nonexistent/atlas-network.so"));
      }
      return;
    }

  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add ("/network-module/loaded-from-module", Fixture, NULL,
              fixture_set_up, test_loaded_from_module, fixture_tear_down);
  g_test_add ("/network-module/response", Fixture, NULL, fixture_set_up, test_response, fixture_tear_down);
  g_test_add ("/network-module/redirect-not-followed", Fixture, NULL,
              fixture_set_up, test_redirect_not_followed, fixture_tear_down);
  g_test_add ("/network-module/retry-after", Fixture, NULL, fixture_set_up, test_retry_after, fixture_tear_down);
  g_test_add_func ("/network-module/crypto", test_crypto_from_module);
  g_test_add_func ("/network-module/missing", test_missing_module);

  return g_test_run ();
}
