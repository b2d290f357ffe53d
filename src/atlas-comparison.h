/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "atlas-comparison-row.h"
#include "atlas-dataset.h"

G_BEGIN_DECLS

#define ATLAS_COMPARISON_ERROR (atlas_comparison_error_quark ())

typedef enum {
  /* No country was given. */
  ATLAS_COMPARISON_ERROR_NO_COUNTRIES,
  /* More than ATLAS_COMPARISON_MAX_COUNTRIES were given. */
  ATLAS_COMPARISON_ERROR_TOO_MANY_COUNTRIES,
  /* An id that the dataset does not know. */
  ATLAS_COMPARISON_ERROR_UNKNOWN_COUNTRY,
  /* The same country given twice. */
  ATLAS_COMPARISON_ERROR_DUPLICATE_COUNTRY,
} AtlasComparisonError;

/* More columns than this no longer fit a window or a printed page. */
#define ATLAS_COMPARISON_MAX_COUNTRIES 4

#define ATLAS_TYPE_COMPARISON (atlas_comparison_get_type ())
G_DECLARE_FINAL_TYPE (AtlasComparison, atlas_comparison, ATLAS, COMPARISON, GObject)

GQuark           atlas_comparison_error_quark    (void);

AtlasComparison *atlas_comparison_new            (AtlasDataset       *dataset,
                                                  const char * const *country_ids,
                                                  GError            **error);

AtlasDataset    *atlas_comparison_get_dataset    (AtlasComparison    *self);
guint            atlas_comparison_get_n_countries (AtlasComparison   *self);
AtlasCountry    *atlas_comparison_get_country    (AtlasComparison    *self,
                                                  guint               position);
guint            atlas_comparison_get_n_rows     (AtlasComparison    *self);
GListModel      *atlas_comparison_get_rows       (AtlasComparison    *self);
AtlasComparisonRow *
                 atlas_comparison_get_row        (AtlasComparison    *self,
                                                  guint               position);
AtlasComparisonRow *
                 atlas_comparison_lookup_row     (AtlasComparison    *self,
                                                  const char         *id);
char           **atlas_comparison_dup_source_ids (AtlasComparison    *self);

G_END_DECLS
