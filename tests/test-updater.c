/* SPDX-License-Identifier: GPL-3.0-or-later */
/* When automatic refresh runs (and when it must not), and what the reader
 * is told after a refresh. The network monitor is a stand-in whose state
 * the test sets; the server is in this process on 127.0.0.1. */

#include "config.h"

#include <libsoup/soup.h>

#include "atlas-sodium-crypto.h"
#include "atlas-soup-http-client.h"
#include "atlas-test-server.h"
#include "atlas-test-signer.h"
#include "atlas-updater.h"

/* ---- a network monitor the test controls ---- */

#define TEST_TYPE_MONITOR (test_monitor_get_type ())
G_DECLARE_FINAL_TYPE (TestMonitor, test_monitor, TEST, MONITOR, GObject)

struct _TestMonitor
{
  GObject parent_instance;
  gboolean available;
  gboolean metered;
};

enum {
  PROP_0,
  PROP_NETWORK_AVAILABLE,
  PROP_NETWORK_METERED,
  PROP_CONNECTIVITY,
};

static void test_monitor_iface_init (GNetworkMonitorInterface *iface);
static void test_monitor_initable_iface_init (GInitableIface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (TestMonitor, test_monitor, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_INITABLE, test_monitor_initable_iface_init)
                               G_IMPLEMENT_INTERFACE (G_TYPE_NETWORK_MONITOR, test_monitor_iface_init))

static gboolean
test_monitor_initable_init (GInitable     *initable,
                            GCancellable  *cancellable,
                            GError       **error)
{
  return TRUE;
}

static void
test_monitor_initable_iface_init (GInitableIface *iface)
{
  iface->init = test_monitor_initable_init;
}

static void
test_monitor_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  TestMonitor *self = TEST_MONITOR (object);

  switch (prop_id)
    {
    case PROP_NETWORK_AVAILABLE:
      g_value_set_boolean (value, self->available);
      break;
    case PROP_NETWORK_METERED:
      g_value_set_boolean (value, self->metered);
      break;
    case PROP_CONNECTIVITY:
      g_value_set_enum (value, self->available ? G_NETWORK_CONNECTIVITY_FULL : G_NETWORK_CONNECTIVITY_LOCAL);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
test_monitor_class_init (TestMonitorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->get_property = test_monitor_get_property;
  g_object_class_override_property (object_class, PROP_NETWORK_AVAILABLE, "network-available");
  g_object_class_override_property (object_class, PROP_NETWORK_METERED, "network-metered");
  g_object_class_override_property (object_class, PROP_CONNECTIVITY, "connectivity");
}

static void
test_monitor_iface_init (GNetworkMonitorInterface *iface)
{
}

static void
test_monitor_init (TestMonitor *self)
{
  self->available = TRUE;
}

/* ---- fixture ---- */

typedef struct
{
  TestMonitor *monitor;
  GSettings *settings;
  AtlasStorage *storage;
  AtlasStore *store;
  AtlasUpdater *updater;
  GPtrArray *notices;
  guint n_expired_notifications;
} Fixture;

static void
notice_cb (AtlasUpdater *updater,
           const char   *message,
           Fixture      *fixture)
{
  g_ptr_array_add (fixture->notices, g_strdup (message));
}

static void
expired_notify_cb (AtlasUpdater *updater,
                   GParamSpec   *pspec,
                   Fixture      *fixture)
{
  fixture->n_expired_notifications++;
}

static void
wait_until_loaded (Fixture *fixture)
{
  while (atlas_updater_get_loading (fixture->updater))
    g_main_context_iteration (NULL, TRUE);
}

/* @data, when not NULL, names a fixture in fixtures/valid that is already
 * the downloaded copy at start-up. */
static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *path = g_build_filename (g_get_user_data_dir (), "stem-cell-atlas", NULL);
  g_autoptr(GFile) directory = g_file_new_for_path (path);
  g_autoptr(AtlasTrustedKeys) keys = atlas_test_trusted_keys ("test-1", NULL);

  fixture->monitor = g_object_new (TEST_TYPE_MONITOR, NULL);
  fixture->settings = g_settings_new (APP_ID);
  fixture->storage = atlas_storage_new (directory);
  if (data != NULL)
    {
      g_autoptr(GBytes) downloaded = atlas_test_read_file ("fixtures", "valid", data, NULL);

      g_assert_true (atlas_storage_save_data (fixture->storage, downloaded, NULL));
    }
  fixture->store = atlas_store_new ();
  fixture->updater = atlas_updater_new (fixture->store, fixture->storage, fixture->settings,
                                        G_NETWORK_MONITOR (fixture->monitor));
  /* The server below signs with a test key, which only tests trust. */
  atlas_refresher_set_trusted_keys (atlas_updater_get_refresher (fixture->updater), keys);
  fixture->notices = g_ptr_array_new_with_free_func (g_free);
  g_signal_connect (fixture->updater, "notice", G_CALLBACK (notice_cb), fixture);
  g_signal_connect (fixture->updater, "notify::expired", G_CALLBACK (expired_notify_cb), fixture);
  atlas_updater_start (fixture->updater);
  wait_until_loaded (fixture);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_object_run_dispose (G_OBJECT (fixture->updater));
  g_clear_object (&fixture->updater);
  g_clear_object (&fixture->store);
  g_clear_object (&fixture->storage);
  g_clear_object (&fixture->settings);
  g_clear_object (&fixture->monitor);
  g_clear_pointer (&fixture->notices, g_ptr_array_unref);
}

static void
set_feed_times (Fixture *fixture,
                gint64   last_checked,
                gint64   retry_after)
{
  g_autoptr(AtlasFeedMetadata) metadata = atlas_feed_metadata_new ();

  metadata->last_checked = last_checked;
  metadata->retry_after = retry_after;
  g_assert_true (atlas_storage_save_metadata (fixture->storage, metadata, NULL));
}

/* ---- when automatic refresh is due ---- */

#define NOW ((gint64) 1800000000)
#define HOUR ((gint64) 3600)

static void
test_due (Fixture       *fixture,
          gconstpointer  data)
{
  /* Never checked: due. */
  g_assert_true (atlas_updater_is_auto_refresh_due (fixture->updater, NOW));

  /* Checked an hour ago: not before a day (plus up to two hours' jitter). */
  set_feed_times (fixture, NOW - HOUR, 0);
  g_assert_false (atlas_updater_is_auto_refresh_due (fixture->updater, NOW));
  set_feed_times (fixture, NOW - 23 * HOUR, 0);
  g_assert_false (atlas_updater_is_auto_refresh_due (fixture->updater, NOW));
  set_feed_times (fixture, NOW - 27 * HOUR, 0);
  g_assert_true (atlas_updater_is_auto_refresh_due (fixture->updater, NOW));

  /* A last check in the future (a wrong clock): check rather than wait. */
  set_feed_times (fixture, NOW + 100 * HOUR, 0);
  g_assert_true (atlas_updater_is_auto_refresh_due (fixture->updater, NOW));
}

static void
test_not_due_when_told_to_wait (Fixture       *fixture,
                                gconstpointer  data)
{
  /* The server said Retry-After: wait until then, then go. */
  set_feed_times (fixture, NOW - 48 * HOUR, NOW + HOUR);
  g_assert_false (atlas_updater_is_auto_refresh_due (fixture->updater, NOW));
  g_assert_true (atlas_updater_is_auto_refresh_due (fixture->updater, NOW + 2 * HOUR));
}

static void
test_not_due_offline_or_metered (Fixture       *fixture,
                                 gconstpointer  data)
{
  fixture->monitor->available = FALSE;
  g_assert_false (atlas_updater_is_auto_refresh_due (fixture->updater, NOW));
  g_assert_true (atlas_updater_get_offline (fixture->updater));

  fixture->monitor->available = TRUE;
  fixture->monitor->metered = TRUE;
  g_assert_false (atlas_updater_is_auto_refresh_due (fixture->updater, NOW));
  g_settings_set_boolean (fixture->settings, "refresh-on-metered", TRUE);
  g_assert_true (atlas_updater_is_auto_refresh_due (fixture->updater, NOW));
}

static void
test_not_due_when_disabled (Fixture       *fixture,
                            gconstpointer  data)
{
  g_settings_set_boolean (fixture->settings, "auto-refresh", FALSE);
  g_assert_false (atlas_updater_is_auto_refresh_due (fixture->updater, NOW));
}

/* ---- what a manual refresh tells the reader ---- */

static GBytes *served;
static const char *signing_key = "test-1";

static void
handle_request (SoupServer        *server,
                SoupServerMessage *message,
                const char        *path,
                GHashTable        *query,
                gpointer           user_data)
{
  /* The data's signature, by the key the test chose. */
  if (g_str_has_suffix (path, ".minisig"))
    {
      g_autoptr(GBytes) signature = atlas_test_sign (signing_key, served, TRUE, "updater test");

      soup_server_message_set_status (message, SOUP_STATUS_OK, NULL);
      soup_server_message_set_response (message, "text/plain", SOUP_MEMORY_COPY,
                                        g_bytes_get_data (signature, NULL), g_bytes_get_size (signature));
      return;
    }

  soup_server_message_set_status (message, SOUP_STATUS_OK, NULL);
  soup_server_message_set_response (message, "application/json", SOUP_MEMORY_COPY,
                                    g_bytes_get_data (served, NULL), g_bytes_get_size (served));
}

static void
wait_for_refresh (Fixture *fixture)
{
  while (atlas_updater_get_refreshing (fixture->updater))
    g_main_context_iteration (NULL, TRUE);
}

/* Serves @name from fixtures/valid on 127.0.0.1 and points the settings at it. */
static SoupServer *
serve_fixture (Fixture    *fixture,
               const char *name)
{
  SoupServer *server = soup_server_new (NULL, NULL);
  g_autofree char *url = NULL;

  g_clear_pointer (&served, g_bytes_unref);
  served = atlas_test_read_file ("fixtures", "valid", name, NULL);
  soup_server_add_handler (server, NULL, handle_request, NULL, NULL);
  url = atlas_test_server_listen (server);
  g_settings_set_string (fixture->settings, "data-url", url);
  return server;
}

static void
test_manual_refresh_notices (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autoptr(SoupServer) server = soup_server_new (NULL, NULL);
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "fixtures", "valid", "minimal.json", NULL);
  g_autofree char *contents = NULL;
  g_autofree char *url = NULL;
  gsize length;

  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  served = g_bytes_new_take (g_steal_pointer (&contents), length);
  soup_server_add_handler (server, NULL, handle_request, NULL, NULL);
  url = atlas_test_server_listen (server);
  g_settings_set_string (fixture->settings, "data-url", url);

  /* Manual refresh works even when the monitor says offline: it can be wrong. */
  fixture->monitor->available = FALSE;
  atlas_updater_refresh (fixture->updater);
  g_assert_true (atlas_updater_get_refreshing (fixture->updater));
  /* A second request joins the first and is not announced twice. */
  atlas_updater_refresh (fixture->updater);
  wait_for_refresh (fixture);

  g_assert_cmpuint (fixture->notices->len, ==, 1);
  g_assert_true (g_str_has_prefix (g_ptr_array_index (fixture->notices, 0), "Updated to data version 3 — "));
  g_assert_cmpint (atlas_dataset_get_dataset_version (atlas_store_get_dataset (fixture->store)), ==, 3);

  atlas_updater_refresh (fixture->updater);
  wait_for_refresh (fixture);
  g_assert_cmpuint (fixture->notices->len, ==, 2);
  g_assert_cmpstr (g_ptr_array_index (fixture->notices, 1), ==, "Already up to date");
  g_assert_false (atlas_updater_get_expired (fixture->updater));

  g_clear_pointer (&served, g_bytes_unref);
}

#define EXPIRED_NOTICE "This data may be out of date: it was meant to be replaced by 1 April 2026"

/* Data past its expiry is still shown, and marked: a notice at start-up and
 * the "expired" property for a persistent marker. */
static void
test_expired_at_start_up (Fixture       *fixture,
                          gconstpointer  data)
{
  AtlasDataset *dataset = atlas_store_get_dataset (fixture->store);

  g_assert_cmpint (atlas_dataset_get_dataset_version (dataset), ==, 4);
  g_assert_cmpstr (atlas_dataset_get_expires (dataset), ==, "2026-04-01");
  g_assert_true (atlas_updater_get_expired (fixture->updater));
  g_assert_cmpuint (fixture->n_expired_notifications, ==, 1);
  g_assert_cmpuint (fixture->notices->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (fixture->notices, 0), ==, EXPIRED_NOTICE);

  /* Back to the bundled data, which has not expired: the marker goes. */
  g_assert_true (atlas_updater_reset_to_bundled (fixture->updater, NULL));
  while (fixture->notices->len < 2)
    g_main_context_iteration (NULL, TRUE);
  g_assert_false (atlas_updater_get_expired (fixture->updater));
  g_assert_cmpuint (fixture->n_expired_notifications, ==, 2);
}

/* A refresh that brings expired data says both what happened and that the
 * data may be out of date. */
static void
test_expired_after_refresh (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autoptr(SoupServer) server = serve_fixture (fixture, "expired.json");

  g_assert_false (atlas_updater_get_expired (fixture->updater));
  g_assert_cmpuint (fixture->notices->len, ==, 0);

  atlas_updater_refresh (fixture->updater);
  wait_for_refresh (fixture);

  g_assert_cmpuint (fixture->notices->len, ==, 2);
  g_assert_true (g_str_has_prefix (g_ptr_array_index (fixture->notices, 0), "Updated to data version 4"));
  g_assert_cmpstr (g_ptr_array_index (fixture->notices, 1), ==, EXPIRED_NOTICE);
  g_assert_true (atlas_updater_get_expired (fixture->updater));
  g_assert_cmpuint (fixture->n_expired_notifications, ==, 1);

  /* Asked again, the server still has nothing newer: still marked. */
  atlas_updater_refresh (fixture->updater);
  wait_for_refresh (fixture);
  g_assert_cmpuint (fixture->notices->len, ==, 4);
  g_assert_cmpstr (g_ptr_array_index (fixture->notices, 2), ==, "Already up to date");
  g_assert_cmpstr (g_ptr_array_index (fixture->notices, 3), ==, EXPIRED_NOTICE);

  g_clear_pointer (&served, g_bytes_unref);
}

/* Data signed by a key the app does not trust is refused with a sentence a
 * reader understands, and the data in use stays. */
static void
test_untrusted_refresh (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(SoupServer) server = serve_fixture (fixture, "minimal.json");

  signing_key = "test-untrusted";
  atlas_updater_refresh (fixture->updater);
  wait_for_refresh (fixture);
  signing_key = "test-1";

  g_assert_cmpuint (fixture->notices->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (fixture->notices, 0), ==,
                   "Could not refresh: the data’s signature did not check out; your data was not changed");
  g_assert_cmpint (atlas_dataset_get_dataset_version (atlas_store_get_dataset (fixture->store)), ==, 1);
  g_assert_false (atlas_storage_has_data (fixture->storage));

  g_clear_pointer (&served, g_bytes_unref);
}

/* The app's own updater trusts the shipped publisher keys, not test keys. */
static void
test_shipped_keys (void)
{
  g_autoptr(TestMonitor) monitor = g_object_new (TEST_TYPE_MONITOR, NULL);
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autoptr(AtlasStorage) storage = atlas_storage_new_default ();
  g_autoptr(AtlasStore) store = atlas_store_new ();
  g_autoptr(AtlasUpdater) updater = atlas_updater_new (store, storage, settings, G_NETWORK_MONITOR (monitor));
  AtlasTrustedKeys *keys = atlas_refresher_get_trusted_keys (atlas_updater_get_refresher (updater));

  g_assert_nonnull (keys);
  g_assert_cmpuint (atlas_trusted_keys_get_n_keys (keys), >=, 2);
}

static void
test_reset_to_bundled (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "fixtures", "valid", "minimal.json", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  gsize length;

  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  bytes = g_bytes_new_take (g_steal_pointer (&contents), length);
  g_assert_true (atlas_storage_save_data (fixture->storage, bytes, NULL));

  g_assert_true (atlas_updater_reset_to_bundled (fixture->updater, &error));
  g_assert_no_error (error);
  while (fixture->notices->len == 0)
    g_main_context_iteration (NULL, TRUE);

  g_assert_false (atlas_storage_has_data (fixture->storage));
  g_assert_nonnull (atlas_dataset_lookup_country (atlas_store_get_dataset (fixture->store), "jp"));
  g_assert_cmpstr (g_ptr_array_index (fixture->notices, 0), ==, "Showing the data that came with the app");
}

static void
test_status_text (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autofree char *never = NULL;
  g_autofree char *recent = NULL;

  never = atlas_updater_dup_status_text (fixture->updater, NOW);
  g_assert_true (g_str_has_prefix (never, "Data version 1, published 25 November 2026 · last checked never"));

  set_feed_times (fixture, NOW - 2 * HOUR, 0);
  recent = atlas_updater_dup_status_text (fixture->updater, NOW);
  g_assert_true (g_str_has_suffix (recent, "last checked 2 hours ago"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  /* The transport is linked in here, not loaded as the app's module. */
  g_type_ensure (ATLAS_TYPE_SOUP_HTTP_CLIENT);
  g_type_ensure (ATLAS_TYPE_SODIUM_CRYPTO);

  g_test_add ("/updater/due", Fixture, NULL, fixture_set_up, test_due, fixture_tear_down);
  g_test_add ("/updater/retry-after", Fixture, NULL, fixture_set_up, test_not_due_when_told_to_wait, fixture_tear_down);
  g_test_add ("/updater/offline-or-metered", Fixture, NULL, fixture_set_up, test_not_due_offline_or_metered,
              fixture_tear_down);
  g_test_add ("/updater/disabled", Fixture, NULL, fixture_set_up, test_not_due_when_disabled, fixture_tear_down);
  g_test_add ("/updater/manual-refresh-notices", Fixture, NULL, fixture_set_up, test_manual_refresh_notices,
              fixture_tear_down);
  g_test_add ("/updater/expired-at-start-up", Fixture, "expired.json", fixture_set_up, test_expired_at_start_up,
              fixture_tear_down);
  g_test_add ("/updater/expired-after-refresh", Fixture, NULL, fixture_set_up, test_expired_after_refresh,
              fixture_tear_down);
  g_test_add ("/updater/untrusted-refresh", Fixture, NULL, fixture_set_up, test_untrusted_refresh,
              fixture_tear_down);
  g_test_add_func ("/updater/shipped-keys", test_shipped_keys);
  g_test_add ("/updater/reset-to-bundled", Fixture, NULL, fixture_set_up, test_reset_to_bundled, fixture_tear_down);
  g_test_add ("/updater/status-text", Fixture, NULL, fixture_set_up, test_status_text, fixture_tear_down);

  return g_test_run ();
}
