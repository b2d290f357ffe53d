/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define ATLAS_TYPE_STAGED_LIST_MODEL (atlas_staged_list_model_get_type ())
G_DECLARE_FINAL_TYPE (AtlasStagedListModel, atlas_staged_list_model, ATLAS, STAGED_LIST_MODEL, GObject)

AtlasStagedListModel *atlas_staged_list_model_new         (GListModel           *source,
                                                           guint                 batch_size);
gboolean              atlas_staged_list_model_get_pending (AtlasStagedListModel *self);

G_END_DECLS
