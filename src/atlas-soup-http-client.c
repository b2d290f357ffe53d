/* SPDX-License-Identifier: GPL-3.0-or-later */
/* AtlasSoupHttpClient: AtlasHttpClient over libsoup 3, the only code that
 * talks to libsoup. Built as the module atlas-network.so, which the app
 * loads on its first refresh (see atlas-http-client.c), and linked into
 * the tests. It follows no redirect and keeps no cookies or cache: the
 * refresher decides everything about what is fetched. */

#include "config.h"

#include <libsoup/soup.h>

#include "atlas-soup-http-client.h"

struct _AtlasSoupHttpClient
{
  AtlasHttpClient parent_instance;

  SoupSession *session;
};

G_DEFINE_FINAL_TYPE (AtlasSoupHttpClient, atlas_soup_http_client, ATLAS_TYPE_HTTP_CLIENT)

static AtlasHttpResponse *
response_new (SoupMessage *message)
{
  SoupMessageHeaders *headers = soup_message_get_response_headers (message);
  AtlasHttpResponse *response = g_new0 (AtlasHttpResponse, 1);
  const char *retry_after = soup_message_headers_get_one (headers, "Retry-After");

  response->status = soup_message_get_status (message);
  response->reason_phrase = g_strdup (soup_message_get_reason_phrase (message));
  response->content_type = g_strdup (soup_message_headers_get_content_type (headers, NULL));
  response->content_length = soup_message_headers_get_encoding (headers) == SOUP_ENCODING_CONTENT_LENGTH
                             ? soup_message_headers_get_content_length (headers) : -1;
  response->etag = g_strdup (soup_message_headers_get_one (headers, "ETag"));
  response->last_modified = g_strdup (soup_message_headers_get_one (headers, "Last-Modified"));
  response->location = g_strdup (soup_message_headers_get_one (headers, "Location"));
  response->retry_after = g_strdup (retry_after);
  if (retry_after != NULL)
    response->retry_after_date = soup_date_time_new_from_http_string (retry_after);
  return response;
}

static void
sent_cb (GObject      *source_object,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;
  SoupMessage *message = g_task_get_task_data (task);
  GInputStream *stream;

  stream = soup_session_send_finish (SOUP_SESSION (source_object), result, &error);
  if (stream == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  g_object_set_data_full (G_OBJECT (task), "atlas-http-response", response_new (message),
                          (GDestroyNotify) atlas_http_response_free);
  g_task_return_pointer (task, stream, g_object_unref);
}

static void
atlas_soup_http_client_send_async (AtlasHttpClient     *client,
                                   GUri                *uri,
                                   const char * const  *headers,
                                   GCancellable        *cancellable,
                                   GAsyncReadyCallback  callback,
                                   gpointer             user_data)
{
  AtlasSoupHttpClient *self = ATLAS_SOUP_HTTP_CLIENT (client);
  g_autoptr(SoupMessage) message = soup_message_new_from_uri (SOUP_METHOD_GET, uri);
  SoupMessageHeaders *request_headers = soup_message_get_request_headers (message);
  GTask *task = g_task_new (self, cancellable, callback, user_data);

  g_task_set_source_tag (task, atlas_soup_http_client_send_async);
  soup_message_add_flags (message, SOUP_MESSAGE_NO_REDIRECT);
  for (guint i = 0; headers != NULL && headers[i] != NULL && headers[i + 1] != NULL; i += 2)
    soup_message_headers_replace (request_headers, headers[i], headers[i + 1]);

  g_task_set_task_data (task, g_object_ref (message), g_object_unref);
  soup_session_send_async (self->session, message, G_PRIORITY_DEFAULT, cancellable, sent_cb, task);
}

static GInputStream *
atlas_soup_http_client_send_finish (AtlasHttpClient    *client,
                                    GAsyncResult       *result,
                                    AtlasHttpResponse **response,
                                    GError            **error)
{
  GInputStream *stream;

  g_return_val_if_fail (g_task_is_valid (result, client), NULL);

  stream = g_task_propagate_pointer (G_TASK (result), error);
  if (stream != NULL)
    *response = g_object_steal_data (G_OBJECT (result), "atlas-http-response");
  return stream;
}

static void
on_io_timeout_changed (AtlasSoupHttpClient *self)
{
  soup_session_set_timeout (self->session, atlas_http_client_get_io_timeout (ATLAS_HTTP_CLIENT (self)));
}

static void
atlas_soup_http_client_constructed (GObject *object)
{
  AtlasSoupHttpClient *self = ATLAS_SOUP_HTTP_CLIENT (object);

  G_OBJECT_CLASS (atlas_soup_http_client_parent_class)->constructed (object);

  on_io_timeout_changed (self);
  g_signal_connect (self, "notify::io-timeout", G_CALLBACK (on_io_timeout_changed), NULL);
}

static void
atlas_soup_http_client_dispose (GObject *object)
{
  AtlasSoupHttpClient *self = ATLAS_SOUP_HTTP_CLIENT (object);

  g_clear_object (&self->session);

  G_OBJECT_CLASS (atlas_soup_http_client_parent_class)->dispose (object);
}

static void
atlas_soup_http_client_class_init (AtlasSoupHttpClientClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  AtlasHttpClientClass *client_class = ATLAS_HTTP_CLIENT_CLASS (klass);

  object_class->constructed = atlas_soup_http_client_constructed;
  object_class->dispose = atlas_soup_http_client_dispose;

  client_class->send_async = atlas_soup_http_client_send_async;
  client_class->send_finish = atlas_soup_http_client_send_finish;
}

static void
atlas_soup_http_client_init (AtlasSoupHttpClient *self)
{
  self->session = soup_session_new_with_options ("user-agent", ATLAS_HTTP_CLIENT_USER_AGENT, NULL);
}
