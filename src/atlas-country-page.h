/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "atlas-country.h"
#include "atlas-store.h"

G_BEGIN_DECLS

#define ATLAS_TYPE_COUNTRY_PAGE (atlas_country_page_get_type ())
G_DECLARE_FINAL_TYPE (AtlasCountryPage, atlas_country_page, ATLAS, COUNTRY_PAGE, AdwBin)

GtkWidget    *atlas_country_page_new            (AtlasStore       *store);

AtlasStore   *atlas_country_page_get_store      (AtlasCountryPage *self);
void          atlas_country_page_set_store      (AtlasCountryPage *self,
                                                 AtlasStore       *store);
AtlasCountry *atlas_country_page_get_country    (AtlasCountryPage *self);
void          atlas_country_page_set_country    (AtlasCountryPage *self,
                                                 AtlasCountry     *country);

/* For tests: what a user reads on the page. */
gboolean      atlas_country_page_get_building   (AtlasCountryPage *self);
gboolean      atlas_country_page_get_complete   (AtlasCountryPage *self);
const char   *atlas_country_page_get_title_text (AtlasCountryPage *self);
GtkWidget    *atlas_country_page_find_row       (AtlasCountryPage *self,
                                                 const char       *title);

G_END_DECLS
