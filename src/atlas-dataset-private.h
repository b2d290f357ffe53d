/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* Building a dataset: only the loader does this. */

#include "atlas-dataset.h"

G_BEGIN_DECLS

AtlasDataset *atlas_dataset_new              (int               schema_version,
                                              int               dataset_version,
                                              const char       *generated);
void          atlas_dataset_set_expires      (AtlasDataset     *self,
                                              const char       *expires);
gboolean      atlas_dataset_add_source       (AtlasDataset     *self,
                                              AtlasSource      *source);
gboolean      atlas_dataset_add_cell_source  (AtlasDataset     *self,
                                              AtlasCellSource  *cell_source);
gboolean      atlas_dataset_add_condition    (AtlasDataset     *self,
                                              AtlasCondition   *condition);
gboolean      atlas_dataset_add_country      (AtlasDataset     *self,
                                              AtlasCountry     *country);
void          atlas_dataset_add_therapy_type (AtlasDataset     *self,
                                              AtlasTherapyType *therapy_type);
void          atlas_dataset_add_guidance     (AtlasDataset     *self,
                                              AtlasGuidance    *guidance);
gboolean      atlas_dataset_index_product    (AtlasDataset     *self,
                                              AtlasCountry     *country,
                                              AtlasProduct     *product);

G_END_DECLS
