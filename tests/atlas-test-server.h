/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <libsoup/soup.h>

G_BEGIN_DECLS

char *atlas_test_server_listen (SoupServer *server);

G_END_DECLS
