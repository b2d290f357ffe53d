/* SPDX-License-Identifier: GPL-3.0-or-later */
/* AtlasHttpClient: sends one GET and hands back the response's head and a
 * stream of its body. All policy (https only, redirects, size caps,
 * deadlines, signatures) is the refresher's; this is only transport.
 *
 * The implementation, over libsoup (src/atlas-soup-http-client.c), lives
 * in atlas-network.so, loaded the first time the app refreshes (see
 * atlas-module.c). */

#include "config.h"

#include "atlas-http-client.h"
#include "atlas-module.h"

/* The implementation's type name and the module's entry point. */
#define IMPLEMENTATION_TYPE_NAME "AtlasSoupHttpClient"
#define MODULE_GET_TYPE_SYMBOL "atlas_soup_http_client_get_type"

typedef struct
{
  guint io_timeout;
} AtlasHttpClientPrivate;

G_DEFINE_ABSTRACT_TYPE_WITH_PRIVATE (AtlasHttpClient, atlas_http_client, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_IO_TIMEOUT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

void
atlas_http_response_free (AtlasHttpResponse *response)
{
  if (response == NULL)
    return;

  g_free (response->reason_phrase);
  g_free (response->content_type);
  g_free (response->etag);
  g_free (response->last_modified);
  g_free (response->location);
  g_free (response->retry_after);
  g_clear_pointer (&response->retry_after_date, g_date_time_unref);
  g_free (response);
}

static void
atlas_http_client_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  AtlasHttpClient *self = ATLAS_HTTP_CLIENT (object);

  switch (prop_id)
    {
    case PROP_IO_TIMEOUT:
      g_value_set_uint (value, atlas_http_client_get_io_timeout (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
atlas_http_client_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  AtlasHttpClient *self = ATLAS_HTTP_CLIENT (object);

  switch (prop_id)
    {
    case PROP_IO_TIMEOUT:
      atlas_http_client_set_io_timeout (self, g_value_get_uint (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
atlas_http_client_class_init (AtlasHttpClientClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->get_property = atlas_http_client_get_property;
  object_class->set_property = atlas_http_client_set_property;

  /* Seconds a connection may stay silent before the request fails. */
  properties[PROP_IO_TIMEOUT] =
    g_param_spec_uint ("io-timeout", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READWRITE | G_PARAM_CONSTRUCT | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
atlas_http_client_init (AtlasHttpClient *self)
{
}

/* The implementation, loading its module the first time. */
static GType
get_implementation (GError **error)
{
  return atlas_module_load_type (IMPLEMENTATION_TYPE_NAME, MODULE_GET_TYPE_SYMBOL, ATLAS_TYPE_HTTP_CLIENT, error);
}

/* A client whose connections time out after @io_timeout_seconds of
 * silence, or NULL with @error set when there is no implementation (the
 * module is missing or broken: an installation problem). */
AtlasHttpClient *
atlas_http_client_new (guint    io_timeout_seconds,
                       GError **error)
{
  GType implementation = get_implementation (error);

  if (implementation == G_TYPE_INVALID)
    return NULL;

  return g_object_new (implementation, "io-timeout", io_timeout_seconds, NULL);
}

void
atlas_http_client_set_io_timeout (AtlasHttpClient *self,
                                  guint            io_timeout_seconds)
{
  AtlasHttpClientPrivate *priv = atlas_http_client_get_instance_private (self);

  g_return_if_fail (ATLAS_IS_HTTP_CLIENT (self));

  if (priv->io_timeout == io_timeout_seconds)
    return;

  priv->io_timeout = io_timeout_seconds;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_IO_TIMEOUT]);
}

guint
atlas_http_client_get_io_timeout (AtlasHttpClient *self)
{
  AtlasHttpClientPrivate *priv = atlas_http_client_get_instance_private (self);

  g_return_val_if_fail (ATLAS_IS_HTTP_CLIENT (self), 0);

  return priv->io_timeout;
}

/* Sends a GET for @uri with @headers (name, value, …, NULL) and follows no
 * redirect: a 3xx comes back as it is. */
void
atlas_http_client_send_async (AtlasHttpClient     *self,
                              GUri                *uri,
                              const char * const  *headers,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  g_return_if_fail (ATLAS_IS_HTTP_CLIENT (self));
  g_return_if_fail (uri != NULL);

  ATLAS_HTTP_CLIENT_GET_CLASS (self)->send_async (self, uri, headers, cancellable, callback, user_data);
}

/* The body, with @response set to the head; or NULL and @error. */
GInputStream *
atlas_http_client_send_finish (AtlasHttpClient    *self,
                               GAsyncResult       *result,
                               AtlasHttpResponse **response,
                               GError            **error)
{
  g_return_val_if_fail (ATLAS_IS_HTTP_CLIENT (self), NULL);
  g_return_val_if_fail (response != NULL, NULL);

  return ATLAS_HTTP_CLIENT_GET_CLASS (self)->send_finish (self, result, response, error);
}
