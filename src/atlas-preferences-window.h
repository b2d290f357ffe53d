/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "atlas-updater.h"

G_BEGIN_DECLS

#define ATLAS_TYPE_PREFERENCES_WINDOW (atlas_preferences_window_get_type ())
G_DECLARE_FINAL_TYPE (AtlasPreferencesWindow, atlas_preferences_window, ATLAS, PREFERENCES_WINDOW, AdwPreferencesWindow)

AtlasPreferencesWindow *atlas_preferences_window_new (AtlasUpdater *updater,
                                                      GSettings    *settings);

G_END_DECLS
