/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "atlas-enums.h"

G_BEGIN_DECLS

#define ATLAS_TYPE_CONDITION (atlas_condition_get_type ())
G_DECLARE_FINAL_TYPE (AtlasCondition, atlas_condition, ATLAS, CONDITION, GObject)

/* What exists for the condition in one country. */
typedef struct
{
  char *country_id;
  AtlasAvailability availability;
  char *summary;
  char **product_ids;
  char **source_ids;
} AtlasConditionStatus;


const char         *atlas_condition_get_id (AtlasCondition *self);
const char         *atlas_condition_get_name (AtlasCondition *self);
const char         *atlas_condition_get_summary (AtlasCondition *self);
const char * const *atlas_condition_get_source_ids (AtlasCondition *self);
guint               atlas_condition_get_n_statuses (AtlasCondition *self);
const AtlasConditionStatus *
                    atlas_condition_get_status (AtlasCondition *self,
                                                guint           position);
const AtlasConditionStatus *
                    atlas_condition_find_status (AtlasCondition *self,
                                                 const char     *country_id);

G_END_DECLS
