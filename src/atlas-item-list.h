/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define ATLAS_TYPE_ITEM_LIST (atlas_item_list_get_type ())
G_DECLARE_FINAL_TYPE (AtlasItemList, atlas_item_list, ATLAS, ITEM_LIST, GObject)

AtlasItemList *atlas_item_list_new    (GType          item_type);
void           atlas_item_list_append (AtlasItemList *self,
                                       gpointer       item);
void           atlas_item_list_seal   (AtlasItemList *self);

G_END_DECLS
