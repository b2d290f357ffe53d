/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define ATLAS_TYPE_COMPARISON_ROW (atlas_comparison_row_get_type ())
G_DECLARE_FINAL_TYPE (AtlasComparisonRow, atlas_comparison_row, ATLAS, COMPARISON_ROW, GObject)

AtlasComparisonRow *atlas_comparison_row_new            (const char                 *id,
                                                         const char                 *title,
                                                         guint                       n_values,
                                                         const char * const         *values,
                                                         const char * const * const *source_ids);

const char         *atlas_comparison_row_get_id         (AtlasComparisonRow *self);
const char         *atlas_comparison_row_get_title      (AtlasComparisonRow *self);
guint               atlas_comparison_row_get_n_values   (AtlasComparisonRow *self);
const char * const *atlas_comparison_row_get_values     (AtlasComparisonRow *self);
const char         *atlas_comparison_row_get_value      (AtlasComparisonRow *self,
                                                         guint               position);
gboolean            atlas_comparison_row_is_missing     (AtlasComparisonRow *self,
                                                         guint               position);
const char * const *atlas_comparison_row_get_source_ids (AtlasComparisonRow *self,
                                                         guint               position);
gboolean            atlas_comparison_row_get_differs    (AtlasComparisonRow *self);

G_END_DECLS
