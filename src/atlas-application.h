/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "atlas-store.h"
#include "atlas-updater.h"

G_BEGIN_DECLS

#define ATLAS_TYPE_APPLICATION (atlas_application_get_type ())
G_DECLARE_FINAL_TYPE (AtlasApplication, atlas_application, ATLAS, APPLICATION, AdwApplication)

AtlasApplication *atlas_application_new            (void);

AtlasStore       *atlas_application_get_store      (AtlasApplication *self);
GSettings        *atlas_application_get_settings   (AtlasApplication *self);
AtlasUpdater     *atlas_application_get_updater    (AtlasApplication *self);

void              atlas_application_load_data      (AtlasApplication *self);
gboolean          atlas_application_get_loading    (AtlasApplication *self);
const GError     *atlas_application_get_load_error (AtlasApplication *self);

G_END_DECLS
