/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "atlas-refresher.h"
#include "atlas-storage.h"
#include "atlas-store.h"

G_BEGIN_DECLS

/* Automatic refresh: at most once a day, never sooner than this after start. */
#define ATLAS_UPDATER_REFRESH_INTERVAL (24 * 60 * 60)
#define ATLAS_UPDATER_FIRST_CHECK_DELAY 60
#define ATLAS_UPDATER_CHECK_PERIOD (60 * 60)
/* The longest Retry-After the refresher honours (it caps what it stores). */
#define ATLAS_UPDATER_MAX_RETRY_AFTER (7 * 24 * 60 * 60)

#define ATLAS_TYPE_UPDATER (atlas_updater_get_type ())
G_DECLARE_FINAL_TYPE (AtlasUpdater, atlas_updater, ATLAS, UPDATER, GObject)

AtlasUpdater   *atlas_updater_new                  (AtlasStore      *store,
                                                    AtlasStorage    *storage,
                                                    GSettings       *settings,
                                                    GNetworkMonitor *monitor);

AtlasStore     *atlas_updater_get_store            (AtlasUpdater    *self);
AtlasRefresher *atlas_updater_get_refresher        (AtlasUpdater    *self);
gboolean        atlas_updater_get_loading          (AtlasUpdater    *self);
const GError   *atlas_updater_get_load_error       (AtlasUpdater    *self);
gboolean        atlas_updater_get_refreshing       (AtlasUpdater    *self);
gboolean        atlas_updater_get_offline          (AtlasUpdater    *self);
gboolean        atlas_updater_get_expired          (AtlasUpdater    *self);

void            atlas_updater_start                (AtlasUpdater    *self);
void            atlas_updater_refresh              (AtlasUpdater    *self);
gboolean        atlas_updater_is_auto_refresh_due  (AtlasUpdater    *self,
                                                    gint64           now);
gboolean        atlas_updater_reset_to_bundled     (AtlasUpdater    *self,
                                                    GError         **error);
char           *atlas_updater_dup_status_text      (AtlasUpdater    *self,
                                                    gint64           now);

G_END_DECLS
