/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "atlas-country.h"

G_BEGIN_DECLS

#define ATLAS_TYPE_COUNTRY_ROW (atlas_country_row_get_type ())
G_DECLARE_FINAL_TYPE (AtlasCountryRow, atlas_country_row, ATLAS, COUNTRY_ROW, GtkWidget)

GtkWidget    *atlas_country_row_new         (void);

AtlasCountry *atlas_country_row_get_country (AtlasCountryRow *self);
void          atlas_country_row_set_country (AtlasCountryRow *self,
                                             AtlasCountry    *country);

G_END_DECLS
