/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>
#include <gio/gio.h>

#include "atlas-enums.h"

G_BEGIN_DECLS

#define ATLAS_TYPE_COUNTRY (atlas_country_get_type ())
G_DECLARE_FINAL_TYPE (AtlasCountry, atlas_country, ATLAS, COUNTRY, GObject)

const char         *atlas_country_get_id (AtlasCountry *self);
const char         *atlas_country_get_name (AtlasCountry *self);
const char         *atlas_country_get_flag (AtlasCountry *self);
AtlasCountryKind    atlas_country_get_kind (AtlasCountry *self);
const char * const *atlas_country_get_member_of (AtlasCountry *self);
const char         *atlas_country_get_summary (AtlasCountry *self);
const char * const *atlas_country_get_strengths (AtlasCountry *self);
const char         *atlas_country_get_reviewed (AtlasCountry *self);
const char         *atlas_country_get_no_products_note (AtlasCountry *self);
const char         *atlas_country_get_display_name (AtlasCountry *self);
GListModel         *atlas_country_get_section (AtlasCountry *self,
                                               AtlasSection  section);
GListModel         *atlas_country_get_products (AtlasCountry *self);
guint               atlas_country_count_products (AtlasCountry       *self,
                                                  AtlasProductStatus  status);
char               *atlas_country_dup_strengths_line (AtlasCountry *self);
gboolean            atlas_country_matches (AtlasCountry *self,
                                           const char   *folded_query);

G_END_DECLS
