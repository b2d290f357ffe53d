/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>
#include "atlas-enums.h"

G_BEGIN_DECLS

#define ATLAS_TYPE_PRODUCT (atlas_product_get_type ())
G_DECLARE_FINAL_TYPE (AtlasProduct, atlas_product, ATLAS, PRODUCT, GObject)

/* One dated change of a product's regulatory status. */
typedef struct
{
  AtlasProductStatus status;
  char *date;
  char *note;
  char **source_ids;
} AtlasStatusChange;


const char         *atlas_product_get_id (AtlasProduct *self);
const char         *atlas_product_get_name (AtlasProduct *self);
const char         *atlas_product_get_generic_name (AtlasProduct *self);
const char         *atlas_product_get_sponsor (AtlasProduct *self);
const char         *atlas_product_get_cell_source_id (AtlasProduct *self);
AtlasOrigin         atlas_product_get_origin (AtlasProduct *self);
const char         *atlas_product_get_indication (AtlasProduct *self);
const char * const *atlas_product_get_condition_ids (AtlasProduct *self);
const char         *atlas_product_get_note (AtlasProduct *self);
const char * const *atlas_product_get_source_ids (AtlasProduct *self);
AtlasProductStatus  atlas_product_get_status (AtlasProduct *self);
const char         *atlas_product_get_status_date (AtlasProduct *self);
const char         *atlas_product_get_first_authorised_date (AtlasProduct *self);
guint               atlas_product_get_n_status_changes (AtlasProduct *self);
const AtlasStatusChange *
                    atlas_product_get_status_change (AtlasProduct *self,
                                                     guint         position);

G_END_DECLS
