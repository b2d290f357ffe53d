/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define ATLAS_TYPE_SOURCE (atlas_source_get_type ())
G_DECLARE_FINAL_TYPE (AtlasSource, atlas_source, ATLAS, SOURCE, GObject)

const char         *atlas_source_get_id (AtlasSource *self);
const char         *atlas_source_get_title (AtlasSource *self);
const char         *atlas_source_get_publisher (AtlasSource *self);
const char         *atlas_source_get_url (AtlasSource *self);
const char         *atlas_source_get_accessed (AtlasSource *self);

G_END_DECLS
