/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "atlas-info-row.h"
#include "atlas-source.h"

G_BEGIN_DECLS

AtlasInfoRow *atlas_rows_new_property     (const char  *label,
                                           const char  *value);
AtlasInfoRow *atlas_rows_new_source       (AtlasSource *source);
AtlasInfoRow *atlas_rows_new_country_link (const char  *title,
                                           const char  *subtitle,
                                           const char  *country_id,
                                           GtkWidget   *suffix);
AdwExpanderRow *
              atlas_rows_new_expander     (const char  *title);
AdwPreferencesGroup *
              atlas_rows_new_group        (const char  *title);
GtkWidget    *atlas_rows_find             (GtkWidget   *root,
                                           const char  *title);

G_END_DECLS
