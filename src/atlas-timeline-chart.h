/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "atlas-country.h"
#include "atlas-product.h"

G_BEGIN_DECLS

#define ATLAS_TYPE_TIMELINE_CHART (atlas_timeline_chart_get_type ())
G_DECLARE_FINAL_TYPE (AtlasTimelineChart, atlas_timeline_chart, ATLAS, TIMELINE_CHART, GtkWidget)

GtkWidget    *atlas_timeline_chart_new               (void);

void          atlas_timeline_chart_set_countries     (AtlasTimelineChart *self,
                                                      GListModel         *countries);
guint         atlas_timeline_chart_get_n_marks       (AtlasTimelineChart *self);
AtlasProduct *atlas_timeline_chart_get_mark_product  (AtlasTimelineChart *self,
                                                      guint               position);
AtlasCountry *atlas_timeline_chart_get_mark_country  (AtlasTimelineChart *self,
                                                      guint               position);
AtlasProductStatus
              atlas_timeline_chart_get_mark_status   (AtlasTimelineChart *self,
                                                      guint               position);
char         *atlas_timeline_chart_dup_mark_text     (AtlasTimelineChart *self,
                                                      guint               position);
const char   *atlas_timeline_chart_get_summary       (AtlasTimelineChart *self);

GtkWidget    *atlas_timeline_chart_key_new           (AtlasProductStatus  status);

G_END_DECLS
