/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* What the refresher needs of a response, read before its body. */
typedef struct
{
  guint status;
  char *reason_phrase;
  /* The media type without its parameters, or NULL. */
  char *content_type;
  /* The announced Content-Length, or -1 when the body is chunked, closed
   * by the server or encoded. */
  goffset content_length;
  char *etag;
  char *last_modified;
  char *location;
  /* Retry-After as the server sent it, and as a date when it is one. */
  char *retry_after;
  GDateTime *retry_after_date;
} AtlasHttpResponse;

void atlas_http_response_free (AtlasHttpResponse *response);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AtlasHttpResponse, atlas_http_response_free)

#define ATLAS_HTTP_CLIENT_USER_AGENT \
  "StemCellAtlas/" PACKAGE_VERSION " (+https://github.com/stemcellatlas/stem-cell-atlas)"

#define ATLAS_TYPE_HTTP_CLIENT (atlas_http_client_get_type ())
G_DECLARE_DERIVABLE_TYPE (AtlasHttpClient, atlas_http_client, ATLAS, HTTP_CLIENT, GObject)

struct _AtlasHttpClientClass
{
  GObjectClass parent_class;

  void          (*send_async)  (AtlasHttpClient      *self,
                                GUri                 *uri,
                                const char * const   *headers,
                                GCancellable         *cancellable,
                                GAsyncReadyCallback   callback,
                                gpointer              user_data);
  GInputStream *(*send_finish) (AtlasHttpClient      *self,
                                GAsyncResult         *result,
                                AtlasHttpResponse   **response,
                                GError              **error);
};

AtlasHttpClient *atlas_http_client_new             (guint                 io_timeout_seconds,
                                                    GError              **error);
void             atlas_http_client_set_io_timeout  (AtlasHttpClient      *self,
                                                    guint                 io_timeout_seconds);
guint            atlas_http_client_get_io_timeout  (AtlasHttpClient      *self);
void             atlas_http_client_send_async      (AtlasHttpClient      *self,
                                                    GUri                 *uri,
                                                    const char * const   *headers,
                                                    GCancellable         *cancellable,
                                                    GAsyncReadyCallback   callback,
                                                    gpointer              user_data);
GInputStream    *atlas_http_client_send_finish     (AtlasHttpClient      *self,
                                                    GAsyncResult         *result,
                                                    AtlasHttpResponse   **response,
                                                    GError              **error);

G_END_DECLS
