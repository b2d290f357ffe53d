/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "atlas-comparison.h"
#include "atlas-side-by-side.h"
#include "atlas-store.h"
#include "atlas-timeline-chart.h"

G_BEGIN_DECLS

typedef enum {
  ATLAS_COMPARISON_FORMAT_CSV,
  ATLAS_COMPARISON_FORMAT_MARKDOWN,
  ATLAS_COMPARISON_FORMAT_PDF,
} AtlasComparisonFormat;

#define ATLAS_TYPE_COMPARISON_PAGE (atlas_comparison_page_get_type ())
G_DECLARE_FINAL_TYPE (AtlasComparisonPage, atlas_comparison_page, ATLAS, COMPARISON_PAGE, AdwBin)

GtkWidget          *atlas_comparison_page_new                (AtlasStore            *store);

AtlasStore         *atlas_comparison_page_get_store          (AtlasComparisonPage   *self);
void                atlas_comparison_page_set_store          (AtlasComparisonPage   *self,
                                                              AtlasStore            *store);
const char * const *atlas_comparison_page_get_country_ids    (AtlasComparisonPage   *self);
void                atlas_comparison_page_set_country_ids    (AtlasComparisonPage   *self,
                                                              const char * const    *ids);
gboolean            atlas_comparison_page_can_add_country    (AtlasComparisonPage   *self,
                                                              const char            *id);
gboolean            atlas_comparison_page_add_country        (AtlasComparisonPage   *self,
                                                              const char            *id);
void                atlas_comparison_page_remove_country     (AtlasComparisonPage   *self,
                                                              const char            *id);
void                atlas_comparison_page_move_country       (AtlasComparisonPage   *self,
                                                              const char            *id,
                                                              int                    offset);
AtlasComparison    *atlas_comparison_page_get_comparison     (AtlasComparisonPage   *self);

void                atlas_comparison_page_export             (AtlasComparisonPage   *self,
                                                              AtlasComparisonFormat  format);
void                atlas_comparison_page_print              (AtlasComparisonPage   *self);
void                atlas_comparison_page_write_async        (AtlasComparisonPage   *self,
                                                              AtlasComparisonFormat  format,
                                                              GFile                 *file,
                                                              GCancellable          *cancellable,
                                                              GAsyncReadyCallback    callback,
                                                              gpointer               user_data);
gboolean            atlas_comparison_page_write_finish       (AtlasComparisonPage   *self,
                                                              GAsyncResult          *result,
                                                              GError               **error);
GtkPrintOperation  *atlas_comparison_page_create_print_operation
                                                             (AtlasComparisonPage   *self);

/* For tests: what a user sees. */
AtlasSideBySide    *atlas_comparison_page_get_table          (AtlasComparisonPage   *self);
AtlasTimelineChart *atlas_comparison_page_get_chart          (AtlasComparisonPage   *self);
GtkLabel           *atlas_comparison_page_find_value_label   (AtlasComparisonPage   *self,
                                                              const char            *row_title,
                                                              guint                  column);
GtkWidget          *atlas_comparison_page_find_differs_tag   (AtlasComparisonPage   *self,
                                                              const char            *row_title);
GtkLabel           *atlas_comparison_page_get_column_label   (AtlasComparisonPage   *self,
                                                              guint                  column);
guint               atlas_comparison_page_get_n_listed_marks (AtlasComparisonPage   *self);
AdwExpanderRow     *atlas_comparison_page_get_marks_row      (AtlasComparisonPage   *self);

G_END_DECLS
