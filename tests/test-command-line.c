/* SPDX-License-Identifier: GPL-3.0-or-later */
/* `--refresh` and `--validate` as a data maintainer or a script uses them:
 * one line of output and an exit status. The server is in this process, on
 * 127.0.0.1. */

#include "config.h"

#include <stdio.h>
#include <libsoup/soup.h>

#include "atlas-command-line.h"
#include "atlas-sodium-crypto.h"
#include "atlas-soup-http-client.h"
#include "atlas-storage.h"
#include "atlas-test-server.h"
#include "atlas-test-signer.h"

static GBytes *served;
static const char *served_type = "application/json";

static void
handle_request (SoupServer        *server,
                SoupServerMessage *message,
                const char        *path,
                GHashTable        *query,
                gpointer           user_data)
{
  if (served == NULL)
    {
      soup_server_message_set_status (message, SOUP_STATUS_NOT_FOUND, NULL);
      return;
    }

  /* What is served is signed with a test key, as the publisher signs. */
  if (g_str_has_suffix (path, ".minisig"))
    {
      g_autoptr(GBytes) signature = atlas_test_sign ("test-1", served, TRUE, "command-line test");

      soup_server_message_set_status (message, SOUP_STATUS_OK, NULL);
      soup_server_message_set_response (message, "text/plain", SOUP_MEMORY_COPY,
                                        g_bytes_get_data (signature, NULL), g_bytes_get_size (signature));
      return;
    }

  soup_server_message_set_status (message, SOUP_STATUS_OK, NULL);
  soup_server_message_set_response (message, served_type, SOUP_MEMORY_COPY,
                                    g_bytes_get_data (served, NULL), g_bytes_get_size (served));
}

static char *
start_server (SoupServer **server)
{
  *server = soup_server_new (NULL, NULL);
  soup_server_add_handler (*server, NULL, handle_request, NULL, NULL);
  return atlas_test_server_listen (*server);
}

static GBytes *
fixture_bytes (const char *dir,
               const char *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "fixtures", dir, name, NULL);
  g_autofree char *contents = NULL;
  gsize length;

  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  return g_bytes_new_take (g_steal_pointer (&contents), length);
}

/* Runs --refresh and returns what it printed on stdout and stderr. */
static int
run_refresh (const char  *url,
             char       **out_text,
             char       **err_text)
{
  g_autoptr(AtlasTrustedKeys) keys = atlas_test_trusted_keys ("test-1", NULL);
  size_t out_size, err_size;
  FILE *out = open_memstream (out_text, &out_size);
  FILE *err = open_memstream (err_text, &err_size);
  int status = atlas_command_line_refresh_with_keys (url, keys, out, err);

  fclose (out);
  fclose (err);
  return status;
}

static void
test_refresh (void)
{
  g_autoptr(SoupServer) server = NULL;
  g_autofree char *url = start_server (&server);
  g_autoptr(AtlasStorage) storage = atlas_storage_new_default ();
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  int status;

  /* The minimal fixture is version 3, newer than the bundled data. */
  served = fixture_bytes ("valid", "minimal.json");
  status = run_refresh (url, &out, &err);
  g_assert_cmpint (status, ==, 0);
  g_assert_true (g_str_has_prefix (out, "Updated to data version 3 — "));
  g_assert_true (g_str_has_suffix (out, " countries changed\n"));
  g_assert_cmpstr (err, ==, "");
  g_assert_true (atlas_storage_has_data (storage));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  /* The same again: the downloaded copy is now in use. */
  status = run_refresh (url, &out, &err);
  g_assert_cmpint (status, ==, 0);
  g_assert_cmpstr (out, ==, "Already up to date\n");
  g_assert_cmpstr (err, ==, "");
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  /* Newer data that is already past its expiry: taken, and said to be so. */
  g_clear_pointer (&served, g_bytes_unref);
  served = fixture_bytes ("valid", "expired.json");
  status = run_refresh (url, &out, &err);
  g_assert_cmpint (status, ==, 0);
  g_assert_true (g_str_has_prefix (out, "Updated to data version 4"));
  g_assert_cmpstr (err, ==, "This data may be out of date: it was meant to be replaced by 1 April 2026\n");
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  /* A broken server: a clear reason and a non-zero status. */
  g_clear_pointer (&served, g_bytes_unref);
  served = g_bytes_new_static ("<html></html>", 13);
  served_type = "text/html";
  status = run_refresh (url, &out, &err);
  g_assert_cmpint (status, ==, 1);
  g_assert_cmpstr (out, ==, "");
  g_assert_cmpstr (err, ==, "Could not refresh: the server did not send the data; your data was not changed "
                            "(the server sent text/html instead of JSON data)\n");
  g_clear_pointer (&served, g_bytes_unref);
}

static void
test_refresh_insecure_url (void)
{
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;

  g_assert_cmpint (run_refresh ("http://example.com/atlas.json", &out, &err), ==, 1);
  g_assert_nonnull (strstr (err, "not secure"));
}

/* The real command trusts only the shipped keys: data signed with a test
 * key is refused, and nothing is stored. */
static void
test_refresh_shipped_keys (void)
{
  g_autoptr(SoupServer) server = NULL;
  g_autofree char *url = start_server (&server);
  g_autoptr(AtlasStorage) storage = atlas_storage_new_default ();
  size_t out_size, err_size;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  FILE *out_stream = open_memstream (&out, &out_size);
  FILE *err_stream = open_memstream (&err, &err_size);
  int status;

  served = fixture_bytes ("valid", "minimal.json");
  served_type = "application/json";
  status = atlas_command_line_refresh (url, out_stream, err_stream);
  fclose (out_stream);
  fclose (err_stream);

  g_assert_cmpint (status, ==, 1);
  g_assert_cmpstr (out, ==, "");
  g_assert_true (g_str_has_prefix (err, "Could not refresh: the data’s signature did not check out; "
                                        "your data was not changed"));
  g_assert_nonnull (strstr (err, "which is not a trusted key"));
  g_assert_false (atlas_storage_has_data (storage));
  g_clear_pointer (&served, g_bytes_unref);
}

static void
test_validate (void)
{
  g_autofree char *good = g_test_build_filename (G_TEST_DIST, "fixtures", "valid", "minimal.json", NULL);
  g_autofree char *bad = g_test_build_filename (G_TEST_DIST, "fixtures", "invalid", "unknown-source.json", NULL);
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  size_t out_size, err_size;
  FILE *out_stream = open_memstream (&out, &out_size);
  FILE *err_stream = open_memstream (&err, &err_size);
  g_autofree char *expected = g_strdup_printf ("%s: valid — 2 countries, 1 products, 2 sources, data version 3 "
                                               "(published 2026-03-15)\n", good);

  g_assert_cmpint (atlas_command_line_validate (good, out_stream, err_stream), ==, 0);
  g_assert_cmpint (atlas_command_line_validate (bad, out_stream, err_stream), ==, 1);
  fclose (out_stream);
  fclose (err_stream);

  g_assert_cmpstr (out, ==, expected);
  g_assert_nonnull (strstr (err, ": countries[0].regulators[0].sources[0]: refers to the source \"nope\""));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  /* The transport is linked in here, not loaded as the app's module. */
  g_type_ensure (ATLAS_TYPE_SOUP_HTTP_CLIENT);
  g_type_ensure (ATLAS_TYPE_SODIUM_CRYPTO);

  g_test_add_func ("/command-line/refresh", test_refresh);
  g_test_add_func ("/command-line/refresh-insecure-url", test_refresh_insecure_url);
  g_test_add_func ("/command-line/refresh-shipped-keys", test_refresh_shipped_keys);
  g_test_add_func ("/command-line/validate", test_validate);

  return g_test_run ();
}
