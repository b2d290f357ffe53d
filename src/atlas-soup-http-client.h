/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "atlas-http-client.h"

G_BEGIN_DECLS

#define ATLAS_TYPE_SOUP_HTTP_CLIENT (atlas_soup_http_client_get_type ())
G_DECLARE_FINAL_TYPE (AtlasSoupHttpClient, atlas_soup_http_client, ATLAS, SOUP_HTTP_CLIENT, AtlasHttpClient)

G_END_DECLS
