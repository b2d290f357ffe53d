/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define ATLAS_TYPE_INFO_ROW (atlas_info_row_get_type ())
G_DECLARE_FINAL_TYPE (AtlasInfoRow, atlas_info_row, ATLAS, INFO_ROW, AdwPreferencesRow)

AtlasInfoRow *atlas_info_row_new                   (const char   *title,
                                                    const char   *subtitle);

const char   *atlas_info_row_get_subtitle          (AtlasInfoRow *self);
void          atlas_info_row_set_subtitle          (AtlasInfoRow *self,
                                                    const char   *subtitle);

void          atlas_info_row_add_prefix            (AtlasInfoRow *self,
                                                    GtkWidget    *widget);
void          atlas_info_row_add_suffix            (AtlasInfoRow *self,
                                                    GtkWidget    *widget);
void          atlas_info_row_add_suffix_icon       (AtlasInfoRow *self,
                                                    const char   *icon_name);

GtkWidget    *atlas_info_row_get_activatable_widget (AtlasInfoRow *self);
void          atlas_info_row_set_activatable_widget (AtlasInfoRow *self,
                                                     GtkWidget    *widget);

G_END_DECLS
