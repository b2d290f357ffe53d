/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "atlas-side-by-side.h"
#include "atlas-store.h"

G_BEGIN_DECLS

#define ATLAS_TYPE_THERAPY_PAGE (atlas_therapy_page_get_type ())
G_DECLARE_FINAL_TYPE (AtlasTherapyPage, atlas_therapy_page, ATLAS, THERAPY_PAGE, AdwBin)

GtkWidget       *atlas_therapy_page_new                  (AtlasStore       *store);

AtlasStore      *atlas_therapy_page_get_store            (AtlasTherapyPage *self);
void             atlas_therapy_page_set_store            (AtlasTherapyPage *self,
                                                          AtlasStore       *store);
void             atlas_therapy_page_show_cell_source     (AtlasTherapyPage *self,
                                                          const char       *id);

/* For tests: what a user sees. */
AtlasSideBySide *atlas_therapy_page_get_types_table      (AtlasTherapyPage *self);
guint            atlas_therapy_page_get_n_cell_sources   (AtlasTherapyPage *self);
AdwPreferencesRow *
                 atlas_therapy_page_get_cell_source_row  (AtlasTherapyPage *self,
                                                          guint             position);
GtkLabel        *atlas_therapy_page_find_examples_label  (AtlasTherapyPage *self,
                                                          guint             column);

G_END_DECLS
