/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "atlas-dataset.h"
#include "atlas-signature.h"
#include "atlas-storage.h"

G_BEGIN_DECLS

/* Every way a refresh can end. Failures are also the codes of the GError
 * that atlas_refresher_refresh_finish() sets. */
typedef enum {
  ATLAS_REFRESH_UPDATED,
  ATLAS_REFRESH_UP_TO_DATE,
  ATLAS_REFRESH_OFFLINE,
  ATLAS_REFRESH_TIMEOUT,
  ATLAS_REFRESH_SERVER_ERROR,
  ATLAS_REFRESH_TOO_LARGE,
  ATLAS_REFRESH_INVALID,
  ATLAS_REFRESH_ROLLBACK,
  ATLAS_REFRESH_NEEDS_APP_UPDATE,
  ATLAS_REFRESH_DISK_ERROR,
  ATLAS_REFRESH_INSECURE,
  ATLAS_REFRESH_CANCELLED,
  /* The signature is missing, malformed, by an unknown key or does not
   * match the data. */
  ATLAS_REFRESH_UNTRUSTED,
  /* The network module is missing or broken: an installation problem. */
  ATLAS_REFRESH_UNAVAILABLE,
} AtlasRefreshOutcome;

#define ATLAS_REFRESH_ERROR (atlas_refresh_error_quark ())

#define ATLAS_REFRESHER_DEFAULT_MAX_BYTES (32 * 1024 * 1024)
#define ATLAS_REFRESHER_DEFAULT_IO_TIMEOUT 20
#define ATLAS_REFRESHER_DEFAULT_DEADLINE 120
#define ATLAS_REFRESHER_MAX_REDIRECTS 5
/* The signature is fetched from the data's address + this suffix. */
#define ATLAS_REFRESHER_SIGNATURE_SUFFIX ".minisig"
#define ATLAS_REFRESHER_MAX_SIGNATURE_BYTES ATLAS_SIGNATURE_MAX_BYTES

#define ATLAS_TYPE_REFRESHER (atlas_refresher_get_type ())
G_DECLARE_FINAL_TYPE (AtlasRefresher, atlas_refresher, ATLAS, REFRESHER, GObject)

GQuark              atlas_refresh_error_quark      (void);
const char         *atlas_refresh_outcome_to_nick  (AtlasRefreshOutcome  outcome);
char               *atlas_refresh_outcome_describe (AtlasRefreshOutcome  outcome,
                                                    AtlasDataset        *dataset,
                                                    guint                n_changed);

char               *atlas_refresh_describe_expired (AtlasDataset        *dataset);

AtlasRefresher     *atlas_refresher_new            (AtlasStorage        *storage);
void                atlas_refresher_set_limits     (AtlasRefresher      *self,
                                                    gsize                max_bytes,
                                                    guint                io_timeout_seconds,
                                                    guint                deadline_seconds);
void                atlas_refresher_set_trusted_keys (AtlasRefresher    *self,
                                                      AtlasTrustedKeys  *keys);
AtlasTrustedKeys   *atlas_refresher_get_trusted_keys (AtlasRefresher    *self);
gboolean            atlas_refresher_get_running    (AtlasRefresher      *self);

void                atlas_refresher_refresh_async  (AtlasRefresher      *self,
                                                    const char          *url,
                                                    int                  current_version,
                                                    GCancellable        *cancellable,
                                                    GAsyncReadyCallback  callback,
                                                    gpointer             user_data);
AtlasRefreshOutcome atlas_refresher_refresh_finish (AtlasRefresher      *self,
                                                    GAsyncResult        *result,
                                                    AtlasDataset       **dataset,
                                                    GError             **error);

G_END_DECLS
