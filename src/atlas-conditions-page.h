/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "atlas-store.h"

G_BEGIN_DECLS

#define ATLAS_TYPE_CONDITIONS_PAGE (atlas_conditions_page_get_type ())
G_DECLARE_FINAL_TYPE (AtlasConditionsPage, atlas_conditions_page, ATLAS, CONDITIONS_PAGE, AdwBin)

GtkWidget         *atlas_conditions_page_new              (AtlasStore          *store);

AtlasStore        *atlas_conditions_page_get_store        (AtlasConditionsPage *self);
void               atlas_conditions_page_set_store        (AtlasConditionsPage *self,
                                                           AtlasStore          *store);
const char        *atlas_conditions_page_get_condition_id (AtlasConditionsPage *self);
gboolean           atlas_conditions_page_select_condition (AtlasConditionsPage *self,
                                                           const char          *id);

/* For tests: what a user sees. */
const char        *atlas_conditions_page_get_title_text   (AtlasConditionsPage *self);
guint              atlas_conditions_page_get_n_countries  (AtlasConditionsPage *self);
AdwPreferencesRow *atlas_conditions_page_get_country_row  (AtlasConditionsPage *self,
                                                           guint                position);
GtkWidget         *atlas_conditions_page_find_row         (AtlasConditionsPage *self,
                                                           const char          *title);

G_END_DECLS
