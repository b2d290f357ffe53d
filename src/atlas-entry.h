/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define ATLAS_TYPE_ENTRY (atlas_entry_get_type ())
G_DECLARE_FINAL_TYPE (AtlasEntry, atlas_entry, ATLAS, ENTRY, GObject)

const char         *atlas_entry_get_title (AtlasEntry *self);
const char         *atlas_entry_get_acronym (AtlasEntry *self);
const char         *atlas_entry_get_date (AtlasEntry *self);
const char         *atlas_entry_get_summary (AtlasEntry *self);
const char         *atlas_entry_get_url (AtlasEntry *self);
const char         *atlas_entry_get_topic (AtlasEntry *self);
const char * const *atlas_entry_get_source_ids (AtlasEntry *self);

G_END_DECLS
