/* SPDX-License-Identifier: GPL-3.0-or-later */
/* AtlasRefresher: fetches the dataset from its URL and, only when the new
 * bytes are complete, valid and newer, stores them.
 *
 * The transport is an AtlasHttpClient (libsoup, in a module loaded on the
 * first refresh); every rule about what is fetched is here. libsoup 3 has
 * no body-size limit and follows redirects across schemes, so both are
 * ours: redirects are followed by hand (https only, never down to http),
 * the body is counted after decoding as it arrives (so a compression bomb
 * stops at the cap), and a deadline cuts off a server that trickles.
 *
 * The data must be signed by the publisher (minisign, see atlas-signature.c):
 * after the body, the signature is fetched from the same address plus
 * ".minisig" under the same rules and a small size cap, and checked against
 * the trusted keys before a single byte is parsed. Nothing on disk changes
 * until the signature has checked out and the loader has accepted the whole
 * document; the feed's ETag and Last-Modified are remembered only then, so
 * a refused document is never taken as "not modified" next time. */

#include "config.h"

#include <glib/gi18n.h>

#include "atlas-date.h"
#include "atlas-http-client.h"
#include "atlas-loader.h"
#include "atlas-refresher.h"

#define READ_CHUNK_SIZE (64 * 1024)

#define HTTP_OK 200
#define HTTP_NOT_MODIFIED 304

typedef enum {
  STAGE_DATA,
  STAGE_SIGNATURE,
} Stage;

G_DEFINE_QUARK (atlas-refresh-error-quark, atlas_refresh_error)

typedef struct
{
  AtlasRefresher *refresher;
  AtlasTrustedKeys *keys;
  Stage stage;
  GUri *uri;
  GUri *signature_uri;
  guint n_redirects;
  int current_version;
  AtlasFeedMetadata *metadata;
  AtlasHttpResponse *response;
  GInputStream *stream;
  GByteArray *body;
  GBytes *document;
  GBytes *signature;
  /* The data response's validators, kept until the data is accepted. */
  char *etag;
  char *last_modified;
  GCancellable *cancellable;
  guint deadline_id;
  gboolean deadline_passed;
  /* Everyone waiting for this fetch: a second request joins the first. */
  GPtrArray *waiters;
} Fetch;

typedef struct
{
  AtlasRefreshOutcome outcome;
  AtlasDataset *dataset;
} Result;

struct _AtlasRefresher
{
  GObject parent_instance;

  AtlasStorage *storage;
  AtlasTrustedKeys *trusted_keys;
  /* Made on the first refresh: making it loads the network module. */
  AtlasHttpClient *http_client;
  guint io_timeout_seconds;
  gsize max_bytes;
  guint deadline_seconds;
  Fetch *fetch;
};

G_DEFINE_FINAL_TYPE (AtlasRefresher, atlas_refresher, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_RUNNING,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void start_request (Fetch *fetch);

const char *
atlas_refresh_outcome_to_nick (AtlasRefreshOutcome outcome)
{
  static const char * const nicks[] = {
    "updated", "up-to-date", "offline", "timeout", "server-error", "too-large",
    "invalid", "rollback", "needs-app-update", "disk-error", "insecure", "cancelled",
    "untrusted", "unavailable",
  };

  g_return_val_if_fail (outcome < G_N_ELEMENTS (nicks), NULL);

  return nicks[outcome];
}

/* One sentence a reader understands, saying what happened and that their
 * data is safe. @dataset is the new dataset for ATLAS_REFRESH_UPDATED. */
char *
atlas_refresh_outcome_describe (AtlasRefreshOutcome  outcome,
                                AtlasDataset        *dataset,
                                guint                n_changed)
{
  const char *reason = NULL;

  switch (outcome)
    {
    case ATLAS_REFRESH_UPDATED:
      g_return_val_if_fail (ATLAS_IS_DATASET (dataset), NULL);
      if (n_changed == 0)
        return g_strdup_printf (_("Updated to data version %d"), atlas_dataset_get_dataset_version (dataset));
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                           "Updated to data version %d — %u country changed",
                                           "Updated to data version %d — %u countries changed",
                                           n_changed),
                              atlas_dataset_get_dataset_version (dataset), n_changed);
    case ATLAS_REFRESH_UP_TO_DATE:
      return g_strdup (_("Already up to date"));
    case ATLAS_REFRESH_CANCELLED:
      return g_strdup (_("Refresh cancelled; your data was not changed"));
    case ATLAS_REFRESH_NEEDS_APP_UPDATE:
      return g_strdup (_("Newer data needs a newer version of Stem Cell Atlas; update the app to get it"));
    case ATLAS_REFRESH_OFFLINE:
      reason = _("the data server could not be reached");
      break;
    case ATLAS_REFRESH_TIMEOUT:
      reason = _("the server took too long to answer");
      break;
    case ATLAS_REFRESH_SERVER_ERROR:
      reason = _("the server did not send the data");
      break;
    case ATLAS_REFRESH_TOO_LARGE:
      reason = _("the server sent far more data than expected");
      break;
    case ATLAS_REFRESH_INVALID:
      reason = _("the server sent invalid data");
      break;
    case ATLAS_REFRESH_ROLLBACK:
      reason = _("the server offered older data than you have");
      break;
    case ATLAS_REFRESH_DISK_ERROR:
      reason = _("the new data could not be saved on this computer");
      break;
    case ATLAS_REFRESH_INSECURE:
      reason = _("the data address or a redirect was not secure (https)");
      break;
    case ATLAS_REFRESH_UNTRUSTED:
      reason = _("the data’s signature did not check out");
      break;
    case ATLAS_REFRESH_UNAVAILABLE:
      reason = _("a part of the app that downloads is missing; reinstalling the app should fix it");
      break;
    default:
      g_return_val_if_reached (NULL);
    }

  /* Translators: %s says why, e.g. "the server sent invalid data" */
  return g_strdup_printf (_("Could not refresh: %s; your data was not changed"), reason);
}

/* What a reader sees while the data in use is past its "expires" date. */
char *
atlas_refresh_describe_expired (AtlasDataset *dataset)
{
  g_autofree char *date = NULL;

  g_return_val_if_fail (ATLAS_IS_DATASET (dataset), NULL);
  g_return_val_if_fail (atlas_dataset_get_expires (dataset) != NULL, NULL);

  date = atlas_date_format (atlas_dataset_get_expires (dataset));
  /* Translators: %s is a date, e.g. "25 November 2027" */
  return g_strdup_printf (_("This data may be out of date: it was meant to be replaced by %s"), date);
}

static void
result_free (Result *result)
{
  g_clear_object (&result->dataset);
  g_free (result);
}

static void
fetch_free (Fetch *fetch)
{
  g_clear_handle_id (&fetch->deadline_id, g_source_remove);
  g_clear_pointer (&fetch->keys, atlas_trusted_keys_unref);
  g_clear_pointer (&fetch->uri, g_uri_unref);
  g_clear_pointer (&fetch->signature_uri, g_uri_unref);
  g_clear_pointer (&fetch->metadata, atlas_feed_metadata_free);
  g_clear_pointer (&fetch->response, atlas_http_response_free);
  g_clear_object (&fetch->stream);
  g_clear_pointer (&fetch->body, g_byte_array_unref);
  g_clear_pointer (&fetch->document, g_bytes_unref);
  g_clear_pointer (&fetch->signature, g_bytes_unref);
  g_free (fetch->etag);
  g_free (fetch->last_modified);
  g_clear_object (&fetch->cancellable);
  g_clear_pointer (&fetch->waiters, g_ptr_array_unref);
  g_free (fetch);
}

/* Hands one result to every waiter and forgets the fetch. */
static void
finish (Fetch               *fetch,
        AtlasRefreshOutcome  outcome,
        AtlasDataset        *dataset,
        const GError        *error)
{
  AtlasRefresher *self = fetch->refresher;

  g_assert (self->fetch == fetch);
  self->fetch = NULL;

  for (guint i = 0; i < fetch->waiters->len; i++)
    {
      GTask *task = g_ptr_array_index (fetch->waiters, i);

      if (error != NULL)
        g_task_return_error (task, g_error_copy (error));
      else
        {
          Result *result = g_new0 (Result, 1);

          result->outcome = outcome;
          result->dataset = dataset ? g_object_ref (dataset) : NULL;
          g_task_return_pointer (task, result, (GDestroyNotify) result_free);
        }
    }

  fetch_free (fetch);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RUNNING]);
}

G_GNUC_PRINTF (3, 4)
static void
fail (Fetch               *fetch,
      AtlasRefreshOutcome  outcome,
      const char          *format,
      ...)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  error = g_error_new_literal (ATLAS_REFRESH_ERROR, outcome, message);
  finish (fetch, outcome, NULL, error);
}

static void
save_metadata (Fetch *fetch)
{
  g_autoptr(GError) error = NULL;

  /* Metadata only saves bandwidth next time: losing it is no failure. */
  if (!atlas_storage_save_metadata (fetch->refresher->storage, fetch->metadata, &error))
    g_debug ("Could not save the feed metadata: %s", error->message);
}

static void
fail_from_error (Fetch        *fetch,
                 const GError *error)
{
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) && fetch->deadline_passed)
    fail (fetch, ATLAS_REFRESH_TIMEOUT, "the server took longer than %u seconds", fetch->refresher->deadline_seconds);
  else if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    fail (fetch, ATLAS_REFRESH_CANCELLED, "the refresh was cancelled");
  else if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_TIMED_OUT))
    fail (fetch, ATLAS_REFRESH_TIMEOUT, "the server stopped answering: %s", error->message);
  else if (error->domain == G_RESOLVER_ERROR ||
           g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NETWORK_UNREACHABLE) ||
           g_error_matches (error, G_IO_ERROR, G_IO_ERROR_HOST_UNREACHABLE) ||
           g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CONNECTION_REFUSED))
    fail (fetch, ATLAS_REFRESH_OFFLINE, "could not reach the server: %s", error->message);
  else if (error->domain == G_TLS_ERROR)
    fail (fetch, ATLAS_REFRESH_INSECURE, "the secure connection failed: %s", error->message);
  else
    fail (fetch, ATLAS_REFRESH_SERVER_ERROR, "the transfer failed: %s", error->message);
}

static gboolean
is_loopback_host (const char *host)
{
  g_autoptr(GInetAddress) address = NULL;

  if (host == NULL)
    return FALSE;
  if (g_ascii_strcasecmp (host, "localhost") == 0)
    return TRUE;

  address = g_inet_address_new_from_string (host);
  return address != NULL && g_inet_address_get_is_loopback (address);
}

/* HTTPS only; plain http only to this machine, so tests can run a server. */
static gboolean
is_allowed_uri (GUri *uri)
{
  const char *scheme = g_uri_get_scheme (uri);

  if (g_ascii_strcasecmp (scheme, "https") == 0)
    return TRUE;

  return g_ascii_strcasecmp (scheme, "http") == 0 && is_loopback_host (g_uri_get_host (uri));
}

typedef struct
{
  GBytes *document;
  GBytes *signature;
  AtlasTrustedKeys *keys;
} CheckData;

static void
check_data_free (CheckData *data)
{
  g_bytes_unref (data->document);
  g_bytes_unref (data->signature);
  atlas_trusted_keys_unref (data->keys);
  g_free (data);
}

/* The signature first: not one byte of unsigned data reaches the parser. */
static void
check_in_thread (GTask        *task,
                 gpointer      source_object,
                 gpointer      task_data,
                 GCancellable *cancellable)
{
  CheckData *data = task_data;
  GError *error = NULL;
  AtlasDataset *dataset;

  if (!atlas_trusted_keys_verify (data->keys, data->document, data->signature, NULL, &error))
    {
      g_task_return_error (task, error);
      return;
    }

  dataset = atlas_loader_load_bytes (data->document, &error);
  if (dataset == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, dataset, g_object_unref);
}

static void
checked_cb (GObject      *source_object,
            GAsyncResult *async_result,
            gpointer      user_data)
{
  Fetch *fetch = user_data;
  g_autoptr(AtlasDataset) dataset = NULL;
  g_autoptr(GError) error = NULL;
  int version;

  dataset = g_task_propagate_pointer (G_TASK (async_result), &error);
  if (error != NULL && error->domain == ATLAS_SIGNATURE_ERROR)
    {
      fail (fetch, ATLAS_REFRESH_UNTRUSTED, "the data’s signature did not check out: %s", error->message);
      return;
    }
  if (g_error_matches (error, ATLAS_LOADER_ERROR, ATLAS_LOADER_ERROR_NEWER_SCHEMA))
    {
      fail (fetch, ATLAS_REFRESH_NEEDS_APP_UPDATE, "%s", error->message);
      return;
    }
  if (dataset == NULL)
    {
      fail (fetch, ATLAS_REFRESH_INVALID, "the server sent invalid data: %s", error->message);
      return;
    }

  version = atlas_dataset_get_dataset_version (dataset);
  if (version < fetch->current_version)
    {
      fail (fetch, ATLAS_REFRESH_ROLLBACK,
            "the server offered data version %d, older than the version %d in use",
            version, fetch->current_version);
      return;
    }

  /* Accepted: its validators may now stand for what we have. */
  g_free (fetch->metadata->etag);
  fetch->metadata->etag = g_steal_pointer (&fetch->etag);
  g_free (fetch->metadata->last_modified);
  fetch->metadata->last_modified = g_steal_pointer (&fetch->last_modified);
  fetch->metadata->last_checked = fetch->metadata->last_success = g_get_real_time () / G_USEC_PER_SEC;
  if (version == fetch->current_version)
    {
      save_metadata (fetch);
      finish (fetch, ATLAS_REFRESH_UP_TO_DATE, NULL, NULL);
      return;
    }

  if (!atlas_storage_save_data (fetch->refresher->storage, fetch->document, &error))
    {
      fail (fetch, ATLAS_REFRESH_DISK_ERROR, "could not save the new data: %s", error->message);
      return;
    }

  fetch->metadata->dataset_version = version;
  save_metadata (fetch);
  finish (fetch, ATLAS_REFRESH_UPDATED, dataset, NULL);
}

/* Verifying a large document and parsing it take long enough to stall the
 * main loop, so both run in a worker thread. */
static void
check_async (Fetch *fetch)
{
  g_autoptr(GTask) task = g_task_new (NULL, fetch->cancellable, checked_cb, fetch);
  CheckData *data = g_new0 (CheckData, 1);

  data->document = g_bytes_ref (fetch->document);
  data->signature = g_bytes_ref (fetch->signature);
  data->keys = atlas_trusted_keys_ref (fetch->keys);
  g_task_set_source_tag (task, check_async);
  g_task_set_check_cancellable (task, FALSE);
  g_task_set_task_data (task, data, (GDestroyNotify) check_data_free);
  g_task_run_in_thread (task, check_in_thread);
}

static gsize
stage_max_bytes (Fetch *fetch)
{
  return fetch->stage == STAGE_DATA ? fetch->refresher->max_bytes : ATLAS_REFRESHER_MAX_SIGNATURE_BYTES;
}

static void
fail_too_large (Fetch *fetch)
{
  if (fetch->stage == STAGE_SIGNATURE)
    fail (fetch, ATLAS_REFRESH_UNTRUSTED, "the data’s signature did not check out: the signature file is "
          "larger than the limit of %d bytes", ATLAS_REFRESHER_MAX_SIGNATURE_BYTES);
  else
    fail (fetch, ATLAS_REFRESH_TOO_LARGE, "the data is larger than the limit of %" G_GSIZE_FORMAT " bytes",
          fetch->refresher->max_bytes);
}

/* The data is in: fetch its signature, under the same rules. */
static void
start_signature_request (Fetch *fetch)
{
  fetch->document = g_byte_array_free_to_bytes (g_steal_pointer (&fetch->body));
  fetch->body = g_byte_array_new ();
  fetch->stage = STAGE_SIGNATURE;
  fetch->n_redirects = 0;
  g_clear_object (&fetch->stream);
  g_clear_pointer (&fetch->response, atlas_http_response_free);
  g_uri_unref (fetch->uri);
  fetch->uri = g_uri_ref (fetch->signature_uri);
  start_request (fetch);
}

static void
read_cb (GObject      *source_object,
         GAsyncResult *result,
         gpointer      user_data)
{
  Fetch *fetch = user_data;
  g_autoptr(GBytes) chunk = NULL;
  g_autoptr(GError) error = NULL;

  chunk = g_input_stream_read_bytes_finish (G_INPUT_STREAM (source_object), result, &error);
  if (chunk == NULL)
    {
      fail_from_error (fetch, error);
      return;
    }

  if (g_bytes_get_size (chunk) > 0)
    {
      if (fetch->body->len + g_bytes_get_size (chunk) > stage_max_bytes (fetch))
        {
          fail_too_large (fetch);
          return;
        }

      g_byte_array_append (fetch->body, g_bytes_get_data (chunk, NULL), g_bytes_get_size (chunk));
      g_input_stream_read_bytes_async (fetch->stream, READ_CHUNK_SIZE, G_PRIORITY_DEFAULT,
                                       fetch->cancellable, read_cb, fetch);
      return;
    }

  if (fetch->stage == STAGE_DATA)
    {
      start_signature_request (fetch);
      return;
    }

  /* Both are in: check the signature and parse, off the main loop. */
  fetch->signature = g_byte_array_free_to_bytes (g_steal_pointer (&fetch->body));
  check_async (fetch);
}

/* Retry-After is seconds or an HTTP date; remembered for automatic refresh. */
static void
remember_retry_after (Fetch                   *fetch,
                      const AtlasHttpResponse *response)
{
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;
  guint64 seconds;

  if (response->retry_after == NULL)
    return;

  if (g_ascii_string_to_unsigned (response->retry_after, 10, 0, 7 * 24 * 3600, &seconds, NULL))
    fetch->metadata->retry_after = now + (gint64) seconds;
  else if (response->retry_after_date != NULL)
    fetch->metadata->retry_after = MIN (g_date_time_to_unix (response->retry_after_date), now + 7 * 24 * 3600);
}

static gboolean
is_json_content_type (const AtlasHttpResponse *response)
{
  const char *type = response->content_type;

  return type != NULL && (g_ascii_strcasecmp (type, "application/json") == 0 || g_str_has_suffix (type, "+json"));
}

static void
follow_redirect (Fetch *fetch)
{
  const char *location = fetch->response->location;
  g_autoptr(GUri) target = NULL;
  gboolean from_https = g_ascii_strcasecmp (g_uri_get_scheme (fetch->uri), "https") == 0;

  if (location == NULL)
    {
      fail (fetch, ATLAS_REFRESH_SERVER_ERROR, "the server redirected without saying where");
      return;
    }
  if (++fetch->n_redirects > ATLAS_REFRESHER_MAX_REDIRECTS)
    {
      fail (fetch, ATLAS_REFRESH_INSECURE, "the server redirected more than %d times",
            ATLAS_REFRESHER_MAX_REDIRECTS);
      return;
    }

  target = g_uri_parse_relative (fetch->uri, location, G_URI_FLAGS_ENCODED, NULL);
  if (target == NULL)
    {
      fail (fetch, ATLAS_REFRESH_SERVER_ERROR, "the server redirected to an invalid address");
      return;
    }
  if (!is_allowed_uri (target) ||
      (from_https && g_ascii_strcasecmp (g_uri_get_scheme (target), "https") != 0))
    {
      fail (fetch, ATLAS_REFRESH_INSECURE, "the server redirected to an insecure address (%s)",
            g_uri_get_scheme (target));
      return;
    }

  g_clear_object (&fetch->stream);
  g_uri_unref (fetch->uri);
  fetch->uri = g_steal_pointer (&target);
  g_clear_pointer (&fetch->response, atlas_http_response_free);
  start_request (fetch);
}

/* A signature the server does not have is a refusal; a server that fails
 * now (5xx) may have it later. */
static void
fail_signature_status (Fetch *fetch)
{
  guint status = fetch->response->status;
  const char *reason = fetch->response->reason_phrase ?: "";

  if (status >= 500 && status <= 599)
    fail (fetch, ATLAS_REFRESH_SERVER_ERROR, "the server answered %u %s for the data’s signature", status, reason);
  else
    fail (fetch, ATLAS_REFRESH_UNTRUSTED, "the data’s signature did not check out: the server has no "
          "signature for the data (it answered %u %s)", status, reason);
}

static void
sent_cb (GObject      *source_object,
         GAsyncResult *result,
         gpointer      user_data)
{
  Fetch *fetch = user_data;
  g_autoptr(GError) error = NULL;
  const AtlasHttpResponse *response;
  guint status;

  fetch->stream = atlas_http_client_send_finish (ATLAS_HTTP_CLIENT (source_object), result, &fetch->response, &error);
  if (fetch->stream == NULL)
    {
      fail_from_error (fetch, error);
      return;
    }

  response = fetch->response;
  status = response->status;

  if (status >= 300 && status <= 399 && status != HTTP_NOT_MODIFIED)
    {
      follow_redirect (fetch);
      return;
    }

  if (fetch->stage == STAGE_SIGNATURE && status != HTTP_OK)
    {
      fail_signature_status (fetch);
      return;
    }

  /* What we have was signed and accepted when it came. */
  if (status == HTTP_NOT_MODIFIED)
    {
      fetch->metadata->last_checked = fetch->metadata->last_success = g_get_real_time () / G_USEC_PER_SEC;
      save_metadata (fetch);
      finish (fetch, ATLAS_REFRESH_UP_TO_DATE, NULL, NULL);
      return;
    }

  if (status != HTTP_OK)
    {
      remember_retry_after (fetch, response);
      save_metadata (fetch);
      fail (fetch, ATLAS_REFRESH_SERVER_ERROR, "the server answered %u %s", status, response->reason_phrase ?: "");
      return;
    }

  /* Signature files come as text/plain, application/octet-stream or
   * anything else: their parser is strict, so their type does not matter. */
  if (fetch->stage == STAGE_DATA && !is_json_content_type (response))
    {
      fail (fetch, ATLAS_REFRESH_SERVER_ERROR, "the server sent %s instead of JSON data",
            response->content_type ?: "something without a type");
      return;
    }

  if (response->content_length >= 0 && (guint64) response->content_length > stage_max_bytes (fetch))
    {
      if (fetch->stage == STAGE_SIGNATURE)
        fail_too_large (fetch);
      else
        fail (fetch, ATLAS_REFRESH_TOO_LARGE, "the server announced %" G_GOFFSET_FORMAT " bytes, more than the "
              "limit of %" G_GSIZE_FORMAT " bytes", response->content_length, fetch->refresher->max_bytes);
      return;
    }

  if (fetch->stage == STAGE_DATA)
    {
      g_free (fetch->etag);
      fetch->etag = g_strdup (response->etag);
      g_free (fetch->last_modified);
      fetch->last_modified = g_strdup (response->last_modified);
    }

  g_input_stream_read_bytes_async (fetch->stream, READ_CHUNK_SIZE, G_PRIORITY_DEFAULT,
                                   fetch->cancellable, read_cb, fetch);
}

static void
start_request (Fetch *fetch)
{
  const char *headers[7] = { NULL, };
  guint n = 0;

  if (fetch->stage == STAGE_SIGNATURE)
    {
      /* Always the whole signature: it is small, and must match this data. */
      headers[n++] = "Accept";
      headers[n++] = "*/*";
    }
  else
    {
      headers[n++] = "Accept";
      headers[n++] = "application/json";

      /* Ask only for something newer than what we have. */
      if (fetch->metadata->etag != NULL)
        {
          headers[n++] = "If-None-Match";
          headers[n++] = fetch->metadata->etag;
        }
      else if (fetch->metadata->last_modified != NULL)
        {
          headers[n++] = "If-Modified-Since";
          headers[n++] = fetch->metadata->last_modified;
        }
    }

  atlas_http_client_send_async (fetch->refresher->http_client, fetch->uri, headers,
                                fetch->cancellable, sent_cb, fetch);
}

static gboolean
deadline_cb (gpointer user_data)
{
  Fetch *fetch = user_data;

  fetch->deadline_id = 0;
  fetch->deadline_passed = TRUE;
  g_cancellable_cancel (fetch->cancellable);
  return G_SOURCE_REMOVE;
}

static void
caller_cancelled_cb (GCancellable *caller_cancellable,
                     GCancellable *fetch_cancellable)
{
  g_cancellable_cancel (fetch_cancellable);
}

static void
atlas_refresher_dispose (GObject *object)
{
  AtlasRefresher *self = ATLAS_REFRESHER (object);

  /* A fetch holds a reference through its tasks, so none runs here. */
  g_clear_object (&self->http_client);
  g_clear_object (&self->storage);
  g_clear_pointer (&self->trusted_keys, atlas_trusted_keys_unref);

  G_OBJECT_CLASS (atlas_refresher_parent_class)->dispose (object);
}

static void
atlas_refresher_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  AtlasRefresher *self = ATLAS_REFRESHER (object);

  switch (prop_id)
    {
    case PROP_RUNNING:
      g_value_set_boolean (value, atlas_refresher_get_running (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
atlas_refresher_class_init (AtlasRefresherClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = atlas_refresher_dispose;
  object_class->get_property = atlas_refresher_get_property;

  properties[PROP_RUNNING] =
    g_param_spec_boolean ("running", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
atlas_refresher_init (AtlasRefresher *self)
{
  self->max_bytes = ATLAS_REFRESHER_DEFAULT_MAX_BYTES;
  self->deadline_seconds = ATLAS_REFRESHER_DEFAULT_DEADLINE;
  self->io_timeout_seconds = ATLAS_REFRESHER_DEFAULT_IO_TIMEOUT;
}

AtlasRefresher *
atlas_refresher_new (AtlasStorage *storage)
{
  AtlasRefresher *self;

  g_return_val_if_fail (ATLAS_IS_STORAGE (storage), NULL);

  self = g_object_new (ATLAS_TYPE_REFRESHER, NULL);
  self->storage = g_object_ref (storage);
  return self;
}

void
atlas_refresher_set_limits (AtlasRefresher *self,
                            gsize           max_bytes,
                            guint           io_timeout_seconds,
                            guint           deadline_seconds)
{
  g_return_if_fail (ATLAS_IS_REFRESHER (self));

  self->max_bytes = max_bytes;
  self->deadline_seconds = deadline_seconds;
  self->io_timeout_seconds = io_timeout_seconds;
  if (self->http_client != NULL)
    atlas_http_client_set_io_timeout (self->http_client, io_timeout_seconds);
}

/* The keys whose signatures are accepted. Until they are set, every
 * refresh ends in ATLAS_REFRESH_UNTRUSTED: nothing unsigned is ever taken.
 * A refresh that is running keeps the keys it started with. */
void
atlas_refresher_set_trusted_keys (AtlasRefresher   *self,
                                  AtlasTrustedKeys *keys)
{
  g_return_if_fail (ATLAS_IS_REFRESHER (self));

  if (keys != NULL)
    atlas_trusted_keys_ref (keys);
  g_clear_pointer (&self->trusted_keys, atlas_trusted_keys_unref);
  self->trusted_keys = keys;
}

AtlasTrustedKeys *
atlas_refresher_get_trusted_keys (AtlasRefresher *self)
{
  g_return_val_if_fail (ATLAS_IS_REFRESHER (self), NULL);

  return self->trusted_keys;
}

/* The publisher's signature sits beside the data: the same address with
 * ".minisig" added to its path (any query is kept, a fragment dropped). */
static GUri *
signature_uri_for (GUri *uri)
{
  g_autofree char *path = g_strconcat (g_uri_get_path (uri), ATLAS_REFRESHER_SIGNATURE_SUFFIX, NULL);

  return g_uri_build (g_uri_get_flags (uri), g_uri_get_scheme (uri), g_uri_get_userinfo (uri),
                      g_uri_get_host (uri), g_uri_get_port (uri), path, g_uri_get_query (uri), NULL);
}

gboolean
atlas_refresher_get_running (AtlasRefresher *self)
{
  g_return_val_if_fail (ATLAS_IS_REFRESHER (self), FALSE);

  return self->fetch != NULL;
}

void
atlas_refresher_refresh_async (AtlasRefresher      *self,
                               const char          *url,
                               int                  current_version,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GUri) uri = NULL;
  Fetch *fetch;

  g_return_if_fail (ATLAS_IS_REFRESHER (self));
  g_return_if_fail (url != NULL);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, atlas_refresher_refresh_async);
  /* A cancelled refresh still reports its outcome as ATLAS_REFRESH_CANCELLED. */
  g_task_set_check_cancellable (task, FALSE);

  /* One refresh at a time: a second request waits for the running one. */
  if (self->fetch != NULL)
    {
      g_ptr_array_add (self->fetch->waiters, g_steal_pointer (&task));
      return;
    }

  uri = g_uri_parse (url, G_URI_FLAGS_ENCODED, NULL);
  if (uri == NULL || g_uri_get_host (uri) == NULL || !is_allowed_uri (uri))
    {
      g_task_return_new_error (task, ATLAS_REFRESH_ERROR, ATLAS_REFRESH_INSECURE,
                             "the data address must start with https:// (found \"%s\")", url);
      return;
    }
  if (self->trusted_keys == NULL || atlas_trusted_keys_get_n_keys (self->trusted_keys) == 0)
    {
      g_task_return_new_error (task, ATLAS_REFRESH_ERROR, ATLAS_REFRESH_UNTRUSTED,
                               "the data’s signature cannot be checked: there is no trusted key");
      return;
    }
  if (self->http_client == NULL)
    {
      g_autoptr(GError) error = NULL;

      self->http_client = atlas_http_client_new (self->io_timeout_seconds, &error);
      if (self->http_client == NULL)
        {
          g_task_return_new_error (task, ATLAS_REFRESH_ERROR, ATLAS_REFRESH_UNAVAILABLE,
                                   "this installation cannot download: %s", error->message);
          return;
        }
    }

  fetch = g_new0 (Fetch, 1);
  fetch->refresher = self;
  fetch->keys = atlas_trusted_keys_ref (self->trusted_keys);
  fetch->signature_uri = signature_uri_for (uri);
  fetch->uri = g_steal_pointer (&uri);
  fetch->current_version = current_version;
  fetch->metadata = atlas_storage_load_metadata (self->storage);
  fetch->body = g_byte_array_new ();
  fetch->cancellable = g_cancellable_new ();
  fetch->waiters = g_ptr_array_new_with_free_func (g_object_unref);
  g_ptr_array_add (fetch->waiters, g_steal_pointer (&task));
  if (cancellable != NULL)
    g_cancellable_connect (cancellable, G_CALLBACK (caller_cancelled_cb),
                           g_object_ref (fetch->cancellable), g_object_unref);
  fetch->deadline_id = g_timeout_add_seconds (self->deadline_seconds, deadline_cb, fetch);
  self->fetch = fetch;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RUNNING]);

  start_request (fetch);
}

/* Returns the outcome; @dataset receives the new dataset when it is
 * ATLAS_REFRESH_UPDATED. Failures also set @error, whose code is the
 * outcome. */
AtlasRefreshOutcome
atlas_refresher_refresh_finish (AtlasRefresher  *self,
                                GAsyncResult    *result,
                                AtlasDataset   **dataset,
                                GError         **error)
{
  g_autoptr(GError) local_error = NULL;
  Result *value;
  AtlasRefreshOutcome outcome;

  g_return_val_if_fail (g_task_is_valid (result, self), ATLAS_REFRESH_CANCELLED);

  value = g_task_propagate_pointer (G_TASK (result), &local_error);
  if (value == NULL)
    {
      outcome = local_error->domain == ATLAS_REFRESH_ERROR ? (AtlasRefreshOutcome) local_error->code
                                                           : ATLAS_REFRESH_SERVER_ERROR;
      g_propagate_error (error, g_steal_pointer (&local_error));
      return outcome;
    }

  outcome = value->outcome;
  if (dataset != NULL)
    *dataset = g_steal_pointer (&value->dataset);
  result_free (value);
  return outcome;
}
