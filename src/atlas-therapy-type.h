/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define ATLAS_TYPE_THERAPY_TYPE (atlas_therapy_type_get_type ())
G_DECLARE_FINAL_TYPE (AtlasTherapyType, atlas_therapy_type, ATLAS, THERAPY_TYPE, GObject)

const char         *atlas_therapy_type_get_id (AtlasTherapyType *self);
const char         *atlas_therapy_type_get_name (AtlasTherapyType *self);
const char         *atlas_therapy_type_get_definition (AtlasTherapyType *self);
const char         *atlas_therapy_type_get_how_obtained (AtlasTherapyType *self);
const char         *atlas_therapy_type_get_immune_match (AtlasTherapyType *self);
const char         *atlas_therapy_type_get_scalability (AtlasTherapyType *self);
const char * const *atlas_therapy_type_get_advantages (AtlasTherapyType *self);
const char * const *atlas_therapy_type_get_risks (AtlasTherapyType *self);
const char         *atlas_therapy_type_get_maturity_note (AtlasTherapyType *self);
const char * const *atlas_therapy_type_get_source_ids (AtlasTherapyType *self);

G_END_DECLS
