/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "atlas-application.h"
#include "atlas-comparison-page.h"
#include "atlas-conditions-page.h"
#include "atlas-guidance-page.h"
#include "atlas-country-page.h"
#include "atlas-therapy-page.h"

G_BEGIN_DECLS

#define ATLAS_TYPE_WINDOW (atlas_window_get_type ())
G_DECLARE_FINAL_TYPE (AtlasWindow, atlas_window, ATLAS, WINDOW, AdwApplicationWindow)

AtlasWindow      *atlas_window_new                     (AtlasApplication *app);

void              atlas_window_select_country          (AtlasWindow      *self,
                                                        const char       *id);
void              atlas_window_search_for              (AtlasWindow      *self,
                                                        const char       *text);

/* For tests: what a user sees. */
GtkSearchEntry   *atlas_window_get_search_entry        (AtlasWindow      *self);
GListModel       *atlas_window_get_visible_countries   (AtlasWindow      *self);
AtlasCountryPage *atlas_window_get_country_page        (AtlasWindow      *self);
const char       *atlas_window_get_visible_page_name   (AtlasWindow      *self);
AtlasComparisonPage *
                  atlas_window_get_comparison_page     (AtlasWindow      *self);
AtlasTherapyPage *atlas_window_get_therapy_page        (AtlasWindow      *self);
AtlasGuidancePage *atlas_window_get_guidance_page      (AtlasWindow      *self);
AtlasConditionsPage *
                  atlas_window_get_conditions_page     (AtlasWindow      *self);

G_END_DECLS
