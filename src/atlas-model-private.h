/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* Builders that only the loader uses: after loading, model objects are
 * never changed, so pages can hold them without watching for changes. */

#include "atlas-condition.h"
#include "atlas-country.h"
#include "atlas-entry.h"
#include "atlas-product.h"

G_BEGIN_DECLS

void atlas_product_add_status_change (AtlasProduct       *self,
                                      AtlasProductStatus  status,
                                      const char         *date,
                                      const char         *note,
                                      char              **source_ids);

void          atlas_product_set_country         (AtlasProduct *self,
                                                 AtlasCountry *country);
AtlasCountry *atlas_product_get_country_unowned (AtlasProduct *self);

void atlas_country_add_entry         (AtlasCountry *self,
                                      AtlasSection  section,
                                      AtlasEntry   *entry);
void atlas_country_add_product       (AtlasCountry *self,
                                      AtlasProduct *product);
void atlas_country_set_display_name  (AtlasCountry *self,
                                      const char   *display_name);
void atlas_country_seal              (AtlasCountry *self);

void atlas_condition_add_status      (AtlasCondition    *self,
                                      const char        *country_id,
                                      AtlasAvailability  availability,
                                      const char        *summary,
                                      char             **product_ids,
                                      char             **source_ids);

G_END_DECLS
