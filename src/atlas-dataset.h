/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "atlas-cell-source.h"
#include "atlas-condition.h"
#include "atlas-country.h"
#include "atlas-guidance.h"
#include "atlas-product.h"
#include "atlas-source.h"
#include "atlas-therapy-type.h"

G_BEGIN_DECLS

#define ATLAS_TYPE_DATASET (atlas_dataset_get_type ())
G_DECLARE_FINAL_TYPE (AtlasDataset, atlas_dataset, ATLAS, DATASET, GObject)

int              atlas_dataset_get_schema_version  (AtlasDataset *self);
int              atlas_dataset_get_dataset_version (AtlasDataset *self);
const char      *atlas_dataset_get_generated       (AtlasDataset *self);
const char      *atlas_dataset_get_expires         (AtlasDataset *self);
gint64           atlas_dataset_get_expiry_time     (AtlasDataset *self);
gboolean         atlas_dataset_is_expired          (AtlasDataset *self,
                                                    GDateTime    *now);

GListModel      *atlas_dataset_get_countries       (AtlasDataset *self);
GListModel      *atlas_dataset_get_sources         (AtlasDataset *self);
GListModel      *atlas_dataset_get_cell_sources    (AtlasDataset *self);
GListModel      *atlas_dataset_get_therapy_types   (AtlasDataset *self);
GListModel      *atlas_dataset_get_conditions      (AtlasDataset *self);
GListModel      *atlas_dataset_get_guidance        (AtlasDataset *self);
guint            atlas_dataset_count_products      (AtlasDataset *self);

AtlasCountry    *atlas_dataset_lookup_country      (AtlasDataset *self,
                                                    const char   *id);
AtlasSource     *atlas_dataset_lookup_source       (AtlasDataset *self,
                                                    const char   *id);
AtlasProduct    *atlas_dataset_lookup_product      (AtlasDataset *self,
                                                    const char   *id);
AtlasCellSource *atlas_dataset_lookup_cell_source  (AtlasDataset *self,
                                                    const char   *id);
AtlasCondition  *atlas_dataset_lookup_condition    (AtlasDataset *self,
                                                    const char   *id);
guint            atlas_dataset_count_changed_countries (AtlasDataset *before,
                                                        AtlasDataset *after);
AtlasCountry    *atlas_dataset_find_product_country (AtlasDataset *self,
                                                     const char   *product_id);

G_END_DECLS
