/* SPDX-License-Identifier: GPL-3.0-or-later */
/* AtlasUpdater: keeps the data in the store current, without widgets.
 *
 * At start-up it shows data at once from the newer of the bundled and the
 * downloaded copy, never waiting for the network. Refresh is manual (the
 * button, Ctrl+R) or automatic: at most daily with jitter, never on the
 * start-up path, not while the network monitor says there is no network,
 * not on a metered connection unless allowed, and not before a server's
 * Retry-After. Each outcome is told once through the "notice" signal.
 *
 * Only data signed by one of the publisher's keys shipped in the GResource
 * is taken. Data past its "expires" date is still shown; "expired" says so
 * for a persistent marker, and a notice says so at start-up and after a
 * refresh. */

#include "config.h"

#include <glib/gi18n.h>

#include "atlas-date.h"
#include "atlas-updater.h"

struct _AtlasUpdater
{
  GObject parent_instance;

  AtlasStore *store;
  AtlasStorage *storage;
  AtlasRefresher *refresher;
  GSettings *settings;
  GNetworkMonitor *monitor;
  GCancellable *cancellable;

  gboolean started;
  gboolean loading;
  GError *load_error;
  gboolean refreshing;
  gboolean refresh_is_automatic;
  gboolean expired;
  /* Spreads automatic refreshes of many users over two hours. */
  guint jitter_seconds;
  guint check_id;
};

G_DEFINE_FINAL_TYPE (AtlasUpdater, atlas_updater, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_LOADING,
  PROP_LOAD_ERROR,
  PROP_REFRESHING,
  PROP_OFFLINE,
  PROP_EXPIRED,
  N_PROPS
};

enum {
  NOTICE,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void
set_refreshing (AtlasUpdater *self,
                gboolean      refreshing)
{
  if (self->refreshing == refreshing)
    return;

  self->refreshing = refreshing;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REFRESHING]);
}

/* Whether the data in use is past its expiry, now; notifies on a change. */
static void
update_expired (AtlasUpdater *self)
{
  AtlasDataset *dataset = atlas_store_get_dataset (self->store);
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  gboolean expired = dataset != NULL && atlas_dataset_is_expired (dataset, now);

  if (self->expired == expired)
    return;

  self->expired = expired;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EXPIRED]);
}

static void
emit_expired_notice (AtlasUpdater *self)
{
  g_autofree char *notice = NULL;

  update_expired (self);
  if (!self->expired)
    return;

  notice = atlas_refresh_describe_expired (atlas_store_get_dataset (self->store));
  g_signal_emit (self, signals[NOTICE], 0, notice);
}

static void
loaded_cb (GObject      *source_object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(AtlasUpdater) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *notice = NULL;

  if (!atlas_store_load_finish (ATLAS_STORE (source_object), result, &notice, &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;

      g_clear_error (&self->load_error);
      self->load_error = g_steal_pointer (&error);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOAD_ERROR]);
    }

  self->loading = FALSE;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);

  if (notice != NULL)
    g_signal_emit (self, signals[NOTICE], 0, notice);
  emit_expired_notice (self);
}

static void
refreshed_cb (GObject      *source_object,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(AtlasUpdater) self = user_data;
  g_autoptr(AtlasDataset) dataset = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  AtlasDataset *current = atlas_store_get_dataset (self->store);
  AtlasRefreshOutcome outcome;
  guint n_changed = 0;

  outcome = atlas_refresher_refresh_finish (ATLAS_REFRESHER (source_object), result, &dataset, &error);
  if (error != NULL)
    g_debug ("Refresh ended with %s: %s", atlas_refresh_outcome_to_nick (outcome), error->message);

  if (dataset != NULL)
    {
      if (current != NULL)
        n_changed = atlas_dataset_count_changed_countries (current, dataset);
      /* One swap: pages keep their place because they hold ids, not rows. */
      atlas_store_set_dataset (self->store, dataset);
    }

  set_refreshing (self, FALSE);

  /* An automatic refresh speaks only when there is something to act on. */
  if (self->refresh_is_automatic &&
      outcome != ATLAS_REFRESH_UPDATED && outcome != ATLAS_REFRESH_NEEDS_APP_UPDATE)
    {
      update_expired (self);
      return;
    }

  message = atlas_refresh_outcome_describe (outcome, dataset, n_changed);
  g_signal_emit (self, signals[NOTICE], 0, message);

  /* Still expired after a refresh: the publisher has not replaced it yet,
   * or the server keeps offering old data. */
  emit_expired_notice (self);
}

static void
start_refresh (AtlasUpdater *self,
               gboolean      automatic)
{
  g_autofree char *url = g_settings_get_string (self->settings, "data-url");
  AtlasDataset *current = atlas_store_get_dataset (self->store);

  /* A second request joins the running one; it says nothing twice. */
  if (self->refreshing)
    {
      self->refresh_is_automatic &= automatic;
      return;
    }

  self->refresh_is_automatic = automatic;
  set_refreshing (self, TRUE);
  atlas_refresher_refresh_async (self->refresher, url,
                                 current ? atlas_dataset_get_dataset_version (current) : 0,
                                 self->cancellable, refreshed_cb, g_object_ref (self));
}

/* Manual refresh always tries, whatever the network monitor says: it can
 * be wrong, and the user asked. */
void
atlas_updater_refresh (AtlasUpdater *self)
{
  g_return_if_fail (ATLAS_IS_UPDATER (self));

  start_refresh (self, FALSE);
}

gboolean
atlas_updater_is_auto_refresh_due (AtlasUpdater *self,
                                   gint64        now)
{
  g_autoptr(AtlasFeedMetadata) metadata = NULL;

  g_return_val_if_fail (ATLAS_IS_UPDATER (self), FALSE);

  if (!g_settings_get_boolean (self->settings, "auto-refresh") || self->loading || self->refreshing)
    return FALSE;
  if (!g_network_monitor_get_network_available (self->monitor))
    return FALSE;
  if (g_network_monitor_get_network_metered (self->monitor) &&
      !g_settings_get_boolean (self->settings, "refresh-on-metered"))
    return FALSE;

  metadata = atlas_storage_load_metadata (self->storage);
  /* The refresher never stores a wait longer than a week: a later time
   * there is damage, and must not stop refreshes for good. */
  if (now < metadata->retry_after && metadata->retry_after - now <= ATLAS_UPDATER_MAX_RETRY_AFTER)
    return FALSE;

  /* A last check in the future means the clock was wrong then or is now:
   * check rather than wait for a day that may never come. */
  if (metadata->last_checked > now)
    return TRUE;

  return now - metadata->last_checked >= ATLAS_UPDATER_REFRESH_INTERVAL + (gint64) self->jitter_seconds;
}

static gboolean
check_cb (gpointer user_data)
{
  AtlasUpdater *self = user_data;

  /* The app may run past the moment the data expires. */
  update_expired (self);
  if (atlas_updater_is_auto_refresh_due (self, g_get_real_time () / G_USEC_PER_SEC))
    start_refresh (self, TRUE);

  return G_SOURCE_CONTINUE;
}

static gboolean
first_check_cb (gpointer user_data)
{
  AtlasUpdater *self = user_data;

  check_cb (self);
  self->check_id = g_timeout_add_seconds (ATLAS_UPDATER_CHECK_PERIOD, check_cb, self);
  return G_SOURCE_REMOVE;
}

/* Loads the data to show and schedules automatic refresh for later: the
 * network is never on the start-up path. */
void
atlas_updater_start (AtlasUpdater *self)
{
  g_return_if_fail (ATLAS_IS_UPDATER (self));

  if (self->started)
    return;

  self->started = TRUE;
  self->loading = TRUE;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);
  atlas_store_load_async (self->store, self->storage, ATLAS_STORE_LOAD_NONE, self->cancellable,
                          loaded_cb, g_object_ref (self));

  self->check_id = g_timeout_add_seconds (ATLAS_UPDATER_FIRST_CHECK_DELAY + g_random_int_range (0, 300),
                                          first_check_cb, self);
}

static void
reset_loaded_cb (GObject      *source_object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(AtlasUpdater) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!atlas_store_load_finish (ATLAS_STORE (source_object), result, NULL, &error))
    g_debug ("Could not reload the bundled data: %s", error->message);
  else
    g_signal_emit (self, signals[NOTICE], 0, _("Showing the data that came with the app"));
}

/* Forgets the downloaded copy and goes back to the bundled data. */
gboolean
atlas_updater_reset_to_bundled (AtlasUpdater  *self,
                                GError       **error)
{
  g_return_val_if_fail (ATLAS_IS_UPDATER (self), FALSE);

  if (!atlas_storage_reset (self->storage, error))
    return FALSE;

  atlas_store_load_async (self->store, NULL, ATLAS_STORE_LOAD_REPLACE, self->cancellable,
                          reset_loaded_cb, g_object_ref (self));
  return TRUE;
}

/* "Data version 12, published 3 March 2026 · last checked 2 hours ago" */
char *
atlas_updater_dup_status_text (AtlasUpdater *self,
                               gint64        now)
{
  AtlasDataset *dataset;
  g_autoptr(AtlasFeedMetadata) metadata = NULL;
  g_autofree char *published = NULL;
  g_autofree char *checked = NULL;

  g_return_val_if_fail (ATLAS_IS_UPDATER (self), NULL);

  dataset = atlas_store_get_dataset (self->store);
  if (dataset == NULL)
    return g_strdup (_("Loading data…"));

  metadata = atlas_storage_load_metadata (self->storage);
  published = atlas_date_format (atlas_dataset_get_generated (dataset));
  checked = atlas_date_format_relative (metadata->last_checked, now);

  /* Translators: version number, publication date, then e.g. "2 hours ago" or "never" */
  return g_strdup_printf (_("Data version %d, published %s · last checked %s"),
                          atlas_dataset_get_dataset_version (dataset), published, checked);
}

static void
network_changed_cb (AtlasUpdater *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_OFFLINE]);
}

static void
atlas_updater_dispose (GObject *object)
{
  AtlasUpdater *self = ATLAS_UPDATER (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_handle_id (&self->check_id, g_source_remove);
  if (self->monitor != NULL)
    g_signal_handlers_disconnect_by_data (self->monitor, self);
  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);
  g_clear_object (&self->refresher);
  g_clear_object (&self->storage);
  g_clear_object (&self->store);
  g_clear_object (&self->settings);
  g_clear_object (&self->monitor);
  g_clear_object (&self->cancellable);
  g_clear_error (&self->load_error);

  G_OBJECT_CLASS (atlas_updater_parent_class)->dispose (object);
}

static void
atlas_updater_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  AtlasUpdater *self = ATLAS_UPDATER (object);

  switch (prop_id)
    {
    case PROP_LOADING:
      g_value_set_boolean (value, self->loading);
      break;

    case PROP_LOAD_ERROR:
      g_value_set_boxed (value, self->load_error);
      break;

    case PROP_REFRESHING:
      g_value_set_boolean (value, self->refreshing);
      break;

    case PROP_OFFLINE:
      g_value_set_boolean (value, atlas_updater_get_offline (self));
      break;

    case PROP_EXPIRED:
      g_value_set_boolean (value, self->expired);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
atlas_updater_class_init (AtlasUpdaterClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = atlas_updater_dispose;
  object_class->get_property = atlas_updater_get_property;

  properties[PROP_LOADING] =
    g_param_spec_boolean ("loading", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_LOAD_ERROR] =
    g_param_spec_boxed ("load-error", NULL, NULL, G_TYPE_ERROR,
                        G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_REFRESHING] =
    g_param_spec_boolean ("refreshing", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_OFFLINE] =
    g_param_spec_boolean ("offline", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* The data in use is past its "expires" date: still shown, but it may be
   * out of date. */
  properties[PROP_EXPIRED] =
    g_param_spec_boolean ("expired", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* A sentence for the reader: a refresh outcome or a start-up notice. */
  signals[NOTICE] = g_signal_new ("notice", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
}

static void
atlas_updater_init (AtlasUpdater *self)
{
  self->cancellable = g_cancellable_new ();
  self->jitter_seconds = g_random_int_range (0, 2 * 60 * 60);
}

AtlasUpdater *
atlas_updater_new (AtlasStore      *store,
                   AtlasStorage    *storage,
                   GSettings       *settings,
                   GNetworkMonitor *monitor)
{
  g_autoptr(AtlasTrustedKeys) keys = NULL;
  g_autoptr(GError) error = NULL;
  AtlasUpdater *self;

  g_return_val_if_fail (ATLAS_IS_STORE (store), NULL);
  g_return_val_if_fail (ATLAS_IS_STORAGE (storage), NULL);
  g_return_val_if_fail (G_IS_SETTINGS (settings), NULL);
  g_return_val_if_fail (G_IS_NETWORK_MONITOR (monitor), NULL);

  self = g_object_new (ATLAS_TYPE_UPDATER, NULL);
  self->store = g_object_ref (store);
  self->storage = g_object_ref (storage);
  self->settings = g_object_ref (settings);
  self->monitor = g_object_ref (monitor);
  self->refresher = atlas_refresher_new (storage);
  g_signal_connect_swapped (monitor, "network-changed", G_CALLBACK (network_changed_cb), self);
  g_signal_connect_swapped (store, "notify::dataset", G_CALLBACK (update_expired), self);

  /* The publisher's keys: without them every refresh is refused, which is
   * safe but means the build is broken. */
  keys = atlas_trusted_keys_new_from_resource (ATLAS_TRUSTED_KEYS_RESOURCE_PATH, &error);
  if (keys == NULL)
    g_warning ("No trusted publisher key, so no refresh can be accepted: %s", error->message);
  else
    atlas_refresher_set_trusted_keys (self->refresher, keys);

  return self;
}

AtlasStore *
atlas_updater_get_store (AtlasUpdater *self)
{
  g_return_val_if_fail (ATLAS_IS_UPDATER (self), NULL);

  return self->store;
}

AtlasRefresher *
atlas_updater_get_refresher (AtlasUpdater *self)
{
  g_return_val_if_fail (ATLAS_IS_UPDATER (self), NULL);

  return self->refresher;
}

gboolean
atlas_updater_get_loading (AtlasUpdater *self)
{
  g_return_val_if_fail (ATLAS_IS_UPDATER (self), FALSE);

  return self->loading;
}

const GError *
atlas_updater_get_load_error (AtlasUpdater *self)
{
  g_return_val_if_fail (ATLAS_IS_UPDATER (self), NULL);

  return self->load_error;
}

gboolean
atlas_updater_get_refreshing (AtlasUpdater *self)
{
  g_return_val_if_fail (ATLAS_IS_UPDATER (self), FALSE);

  return self->refreshing;
}

/* The data in use is past its "expires" date (at the last check: the
 * updater looks again hourly, on each new dataset and after each refresh). */
gboolean
atlas_updater_get_expired (AtlasUpdater *self)
{
  g_return_val_if_fail (ATLAS_IS_UPDATER (self), FALSE);

  return self->expired;
}

gboolean
atlas_updater_get_offline (AtlasUpdater *self)
{
  g_return_val_if_fail (ATLAS_IS_UPDATER (self), FALSE);

  return !g_network_monitor_get_network_available (self->monitor);
}
