/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "atlas-application.h"

G_BEGIN_DECLS

/* The object path below the application's, as the search provider .ini
 * file names it. */
#define ATLAS_SEARCH_PROVIDER_PATH_SUFFIX "/SearchProvider"

/* How long a copy started by D-Bus for a search stays for the next query,
 * in milliseconds: the shell asks again on every keystroke. */
#define ATLAS_SEARCH_PROVIDER_INACTIVITY_TIMEOUT 20000

#define ATLAS_TYPE_SEARCH_PROVIDER (atlas_search_provider_get_type ())
G_DECLARE_FINAL_TYPE (AtlasSearchProvider, atlas_search_provider, ATLAS, SEARCH_PROVIDER, GObject)

AtlasSearchProvider *atlas_search_provider_new        (AtlasApplication     *app);
gboolean             atlas_search_provider_register   (AtlasSearchProvider  *self,
                                                       GDBusConnection      *connection,
                                                       const char           *object_path,
                                                       GError              **error);
void                 atlas_search_provider_unregister (AtlasSearchProvider  *self);

G_END_DECLS
