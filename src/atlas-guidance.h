/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>
#include "atlas-enums.h"

G_BEGIN_DECLS

#define ATLAS_TYPE_GUIDANCE (atlas_guidance_get_type ())
G_DECLARE_FINAL_TYPE (AtlasGuidance, atlas_guidance, ATLAS, GUIDANCE, GObject)

const char         *atlas_guidance_get_id (AtlasGuidance *self);
AtlasGuidanceKind   atlas_guidance_get_kind (AtlasGuidance *self);
const char         *atlas_guidance_get_title (AtlasGuidance *self);
const char         *atlas_guidance_get_text (AtlasGuidance *self);
const char * const *atlas_guidance_get_source_ids (AtlasGuidance *self);

G_END_DECLS
