/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "atlas-store.h"

G_BEGIN_DECLS

#define ATLAS_TYPE_GUIDANCE_PAGE (atlas_guidance_page_get_type ())
G_DECLARE_FINAL_TYPE (AtlasGuidancePage, atlas_guidance_page, ATLAS, GUIDANCE_PAGE, AdwBin)

GtkWidget  *atlas_guidance_page_new       (AtlasStore        *store);
AtlasStore *atlas_guidance_page_get_store (AtlasGuidancePage *self);
void        atlas_guidance_page_set_store (AtlasGuidancePage *self,
                                           AtlasStore        *store);

G_END_DECLS
