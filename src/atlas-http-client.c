/* SPDX-License-Identifier: GPL-3.0-or-later */
/* AtlasHttpClient: sends one GET and hands back the response's head and a
 * stream of its body. All policy (https only, redirects, size caps,
 * deadlines, signatures) is the refresher's; this is only transport.
 *
 * The implementation, over libsoup, lives in a module (atlas-network.so,
 * src/atlas-soup-http-client.c) loaded the first time the app refreshes:
 * libsoup and the twelve libraries it brings (Kerberos, SQLite, nghttp2,
 * psl, …) are then neither loaded nor relocated at start-up, and cost the
 * many readers who never refresh in a session no memory. Programs that
 * link the implementation in (the tests) register its type first, and
 * that is used instead. */

#include "config.h"

#include <string.h>

#include <gmodule.h>

#include "atlas-http-client.h"

/* The implementation's type name and the module's file and entry point. */
#define IMPLEMENTATION_TYPE_NAME "AtlasSoupHttpClient"
#define MODULE_FILE_NAME "atlas-network.so"
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

/* The directory the running program is in, or NULL. */
static char *
dup_program_dir (void)
{
  g_autofree char *program = g_file_read_link ("/proc/self/exe", NULL);

  return program != NULL ? g_path_get_dirname (program) : NULL;
}

/* Where the module may be, in order: beside the program (a build tree),
 * and the installed directory, relative to where the program is (an
 * install under a DESTDIR or a moved prefix) and as configured. Only
 * $ATLAS_MODULE_DIR when that is set (tests). */
static GPtrArray *
dup_module_candidates (void)
{
  GPtrArray *candidates = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *program_dir = NULL;
  const char *override = g_getenv ("ATLAS_MODULE_DIR");

  if (override != NULL && *override != '\0')
    {
      g_ptr_array_add (candidates, g_build_filename (override, MODULE_FILE_NAME, NULL));
      return candidates;
    }

  program_dir = dup_program_dir ();
  if (program_dir != NULL)
    {
      g_ptr_array_add (candidates, g_build_filename (program_dir, MODULE_FILE_NAME, NULL));
      if (g_str_has_suffix (program_dir, ATLAS_BINDIR) && strlen (program_dir) > strlen (ATLAS_BINDIR))
        {
          g_autofree char *root = g_strndup (program_dir, strlen (program_dir) - strlen (ATLAS_BINDIR));

          g_ptr_array_add (candidates, g_build_filename (root, ATLAS_MODULE_DIR, MODULE_FILE_NAME, NULL));
        }
    }
  g_ptr_array_add (candidates, g_build_filename (ATLAS_MODULE_DIR, MODULE_FILE_NAME, NULL));
  return candidates;
}

static GType
load_module (GError **error)
{
  g_autoptr(GPtrArray) candidates = dup_module_candidates ();
  g_autofree char *looked_at = NULL;
  GType (*get_type) (void) = NULL;
  GModule *module = NULL;

  for (guint i = 0; i < candidates->len && module == NULL; i++)
    {
      const char *path = g_ptr_array_index (candidates, i);

      if (!g_file_test (path, G_FILE_TEST_IS_REGULAR))
        continue;
      module = g_module_open (path, G_MODULE_BIND_LAZY | G_MODULE_BIND_LOCAL);
      if (module == NULL)
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "could not load %s: %s", path, g_module_error ());
          return G_TYPE_INVALID;
        }
    }

  if (module == NULL)
    {
      g_ptr_array_add (candidates, NULL);
      looked_at = g_strjoinv (", ", (char **) candidates->pdata);

      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, "%s is not installed (looked for %s)",
                   MODULE_FILE_NAME, looked_at);
      return G_TYPE_INVALID;
    }

  if (!g_module_symbol (module, MODULE_GET_TYPE_SYMBOL, (gpointer *) &get_type) || get_type == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "%s has no %s: %s", g_module_name (module),
                   MODULE_GET_TYPE_SYMBOL, g_module_error ());
      g_module_close (module);
      return G_TYPE_INVALID;
    }

  /* Its type cannot be unregistered, so the module stays. */
  g_module_make_resident (module);
  return get_type ();
}

/* The implementation, loading its module the first time. Only the main
 * thread asks. */
static GType
get_implementation (GError **error)
{
  static GType implementation = G_TYPE_INVALID;

  if (implementation == G_TYPE_INVALID)
    implementation = g_type_from_name (IMPLEMENTATION_TYPE_NAME);
  if (implementation == G_TYPE_INVALID)
    implementation = load_module (error);
  if (implementation != G_TYPE_INVALID && !g_type_is_a (implementation, ATLAS_TYPE_HTTP_CLIENT))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "%s is not an AtlasHttpClient", g_type_name (implementation));
      implementation = G_TYPE_INVALID;
    }
  return implementation;
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
