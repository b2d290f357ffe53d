/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* The nick of each value is the word used in the JSON data. */

typedef enum {
  ATLAS_PRODUCT_STATUS_APPROVED,
  ATLAS_PRODUCT_STATUS_CONDITIONAL,
  ATLAS_PRODUCT_STATUS_LIMITED,
  ATLAS_PRODUCT_STATUS_HOSPITAL_EXEMPTION,
  ATLAS_PRODUCT_STATUS_WITHDRAWN,
} AtlasProductStatus;

typedef enum {
  ATLAS_ORIGIN_AUTOLOGOUS,
  ATLAS_ORIGIN_ALLOGENEIC,
} AtlasOrigin;

typedef enum {
  ATLAS_COUNTRY_KIND_COUNTRY,
  ATLAS_COUNTRY_KIND_REGION,
} AtlasCountryKind;

typedef enum {
  ATLAS_MATURITY_ESTABLISHED,
  ATLAS_MATURITY_APPROVED,
  ATLAS_MATURITY_CONDITIONAL,
  ATLAS_MATURITY_LATE_STAGE,
  ATLAS_MATURITY_EARLY,
  ATLAS_MATURITY_RESEARCH,
} AtlasMaturity;

/* What exists for a condition in one country. */
typedef enum {
  ATLAS_AVAILABILITY_APPROVED,
  ATLAS_AVAILABILITY_CONDITIONAL,
  ATLAS_AVAILABILITY_HOSPITAL_EXEMPTION,
  ATLAS_AVAILABILITY_LATE_STAGE_TRIAL,
  ATLAS_AVAILABILITY_EARLY_TRIAL,
  ATLAS_AVAILABILITY_NONE,
} AtlasAvailability;

typedef enum {
  ATLAS_GUIDANCE_KIND_QUESTION,
  ATLAS_GUIDANCE_KIND_RED_FLAG,
  ATLAS_GUIDANCE_KIND_FACT,
} AtlasGuidanceKind;

/* The sections of a country that share the entry shape, in page order. */
typedef enum {
  ATLAS_SECTION_REGULATORS,
  ATLAS_SECTION_LAWS,
  ATLAS_SECTION_PATHWAYS,
  ATLAS_SECTION_POLICIES,
  ATLAS_SECTION_MILESTONES,
  ATLAS_SECTION_INSTITUTIONS,
  ATLAS_SECTION_FUNDING,
  ATLAS_SECTION_PROTECTIONS,
  ATLAS_N_SECTIONS
} AtlasSection;

#define ATLAS_TYPE_PRODUCT_STATUS (atlas_product_status_get_type ())
#define ATLAS_TYPE_ORIGIN (atlas_origin_get_type ())
#define ATLAS_TYPE_COUNTRY_KIND (atlas_country_kind_get_type ())
#define ATLAS_TYPE_MATURITY (atlas_maturity_get_type ())
#define ATLAS_TYPE_AVAILABILITY (atlas_availability_get_type ())
#define ATLAS_TYPE_GUIDANCE_KIND (atlas_guidance_kind_get_type ())

GType atlas_product_status_get_type (void) G_GNUC_CONST;
GType atlas_origin_get_type (void) G_GNUC_CONST;
GType atlas_country_kind_get_type (void) G_GNUC_CONST;
GType atlas_maturity_get_type (void) G_GNUC_CONST;
GType atlas_availability_get_type (void) G_GNUC_CONST;
GType atlas_guidance_kind_get_type (void) G_GNUC_CONST;

gboolean    atlas_enum_from_nick (GType       enum_type,
                                  const char *nick,
                                  int        *value);
const char *atlas_enum_to_nick   (GType       enum_type,
                                  int         value);
char       *atlas_enum_list_nicks (GType      enum_type);

const char *atlas_product_status_to_label (AtlasProductStatus status);
const char *atlas_origin_to_label         (AtlasOrigin        origin);
const char *atlas_maturity_to_label       (AtlasMaturity      maturity);
const char *atlas_availability_to_label   (AtlasAvailability  availability);
const char *atlas_section_to_title        (AtlasSection       section);
const char *atlas_section_to_json_name    (AtlasSection       section);

G_END_DECLS
