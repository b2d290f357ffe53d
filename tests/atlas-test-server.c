/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The network tests' servers: in this process, on 127.0.0.1 only. */

#include "config.h"

#include "atlas-test-server.h"

/* Starts @server on a free port of 127.0.0.1 and returns its address,
 * "http://127.0.0.1:PORT/". */
char *
atlas_test_server_listen (SoupServer *server)
{
  g_autoptr(GError) error = NULL;
  GSList *uris;
  char *url;

  soup_server_listen_local (server, 0, SOUP_SERVER_LISTEN_IPV4_ONLY, &error);
  g_assert_no_error (error);
  uris = soup_server_get_uris (server);
  url = g_uri_to_string (uris->data);
  g_slist_free_full (uris, (GDestroyNotify) g_uri_unref);
  return url;
}
