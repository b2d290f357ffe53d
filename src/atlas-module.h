/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* The module with what only a refresh needs: the HTTP transport over
 * libsoup and the signature check's cryptography over libsodium. */
#define ATLAS_MODULE_FILE_NAME "atlas-network.so"

GType atlas_module_load_type (const char  *type_name,
                              const char  *get_type_symbol,
                              GType        parent_type,
                              GError     **error);

G_END_DECLS
