/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>
#include "atlas-enums.h"

G_BEGIN_DECLS

#define ATLAS_TYPE_CELL_SOURCE (atlas_cell_source_get_type ())
G_DECLARE_FINAL_TYPE (AtlasCellSource, atlas_cell_source, ATLAS, CELL_SOURCE, GObject)

const char         *atlas_cell_source_get_id (AtlasCellSource *self);
const char         *atlas_cell_source_get_name (AtlasCellSource *self);
const char         *atlas_cell_source_get_short_name (AtlasCellSource *self);
const char         *atlas_cell_source_get_definition (AtlasCellSource *self);
const char * const *atlas_cell_source_get_advantages (AtlasCellSource *self);
const char * const *atlas_cell_source_get_risks (AtlasCellSource *self);
AtlasMaturity       atlas_cell_source_get_maturity (AtlasCellSource *self);
const char         *atlas_cell_source_get_maturity_note (AtlasCellSource *self);
const char * const *atlas_cell_source_get_source_ids (AtlasCellSource *self);

G_END_DECLS
