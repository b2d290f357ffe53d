/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Enumerations of the data model, with the JSON words (nicks) and the
 * translated labels a reader sees. */

#include "config.h"

#include <glib/gi18n.h>

#include "atlas-enums.h"

G_DEFINE_ENUM_TYPE (AtlasProductStatus, atlas_product_status,
  G_DEFINE_ENUM_VALUE (ATLAS_PRODUCT_STATUS_APPROVED, "approved"),
  G_DEFINE_ENUM_VALUE (ATLAS_PRODUCT_STATUS_CONDITIONAL, "conditional"),
  G_DEFINE_ENUM_VALUE (ATLAS_PRODUCT_STATUS_LIMITED, "limited"),
  G_DEFINE_ENUM_VALUE (ATLAS_PRODUCT_STATUS_HOSPITAL_EXEMPTION, "hospital-exemption"),
  G_DEFINE_ENUM_VALUE (ATLAS_PRODUCT_STATUS_WITHDRAWN, "withdrawn"))

G_DEFINE_ENUM_TYPE (AtlasOrigin, atlas_origin,
  G_DEFINE_ENUM_VALUE (ATLAS_ORIGIN_AUTOLOGOUS, "autologous"),
  G_DEFINE_ENUM_VALUE (ATLAS_ORIGIN_ALLOGENEIC, "allogeneic"))

G_DEFINE_ENUM_TYPE (AtlasCountryKind, atlas_country_kind,
  G_DEFINE_ENUM_VALUE (ATLAS_COUNTRY_KIND_COUNTRY, "country"),
  G_DEFINE_ENUM_VALUE (ATLAS_COUNTRY_KIND_REGION, "region"))

G_DEFINE_ENUM_TYPE (AtlasMaturity, atlas_maturity,
  G_DEFINE_ENUM_VALUE (ATLAS_MATURITY_ESTABLISHED, "established"),
  G_DEFINE_ENUM_VALUE (ATLAS_MATURITY_APPROVED, "approved"),
  G_DEFINE_ENUM_VALUE (ATLAS_MATURITY_CONDITIONAL, "conditional"),
  G_DEFINE_ENUM_VALUE (ATLAS_MATURITY_LATE_STAGE, "late-stage"),
  G_DEFINE_ENUM_VALUE (ATLAS_MATURITY_EARLY, "early"),
  G_DEFINE_ENUM_VALUE (ATLAS_MATURITY_RESEARCH, "research"))

G_DEFINE_ENUM_TYPE (AtlasAvailability, atlas_availability,
  G_DEFINE_ENUM_VALUE (ATLAS_AVAILABILITY_APPROVED, "approved"),
  G_DEFINE_ENUM_VALUE (ATLAS_AVAILABILITY_CONDITIONAL, "conditional"),
  G_DEFINE_ENUM_VALUE (ATLAS_AVAILABILITY_HOSPITAL_EXEMPTION, "hospital-exemption"),
  G_DEFINE_ENUM_VALUE (ATLAS_AVAILABILITY_LATE_STAGE_TRIAL, "late-stage-trial"),
  G_DEFINE_ENUM_VALUE (ATLAS_AVAILABILITY_EARLY_TRIAL, "early-trial"),
  G_DEFINE_ENUM_VALUE (ATLAS_AVAILABILITY_NONE, "none"))

G_DEFINE_ENUM_TYPE (AtlasGuidanceKind, atlas_guidance_kind,
  G_DEFINE_ENUM_VALUE (ATLAS_GUIDANCE_KIND_QUESTION, "question"),
  G_DEFINE_ENUM_VALUE (ATLAS_GUIDANCE_KIND_RED_FLAG, "red-flag"),
  G_DEFINE_ENUM_VALUE (ATLAS_GUIDANCE_KIND_FACT, "fact"))

gboolean
atlas_enum_from_nick (GType       enum_type,
                      const char *nick,
                      int        *value)
{
  g_autoptr(GEnumClass) klass = g_type_class_ref (enum_type);
  GEnumValue *found = nick ? g_enum_get_value_by_nick (klass, nick) : NULL;

  if (found == NULL)
    return FALSE;

  *value = found->value;
  return TRUE;
}

const char *
atlas_enum_to_nick (GType enum_type,
                    int   value)
{
  g_autoptr(GEnumClass) klass = g_type_class_ref (enum_type);
  GEnumValue *found = g_enum_get_value (klass, value);

  /* Enum classes are never unloaded, so the nick outlives the reference. */
  return found ? found->value_nick : NULL;
}

/* "a, b or c": used in error messages that say what was expected. */
char *
atlas_enum_list_nicks (GType enum_type)
{
  g_autoptr(GEnumClass) klass = g_type_class_ref (enum_type);
  g_autoptr(GString) list = g_string_new (NULL);

  for (guint i = 0; i < klass->n_values; i++)
    {
      if (i > 0)
        g_string_append (list, i + 1 == klass->n_values ? " or " : ", ");
      g_string_append_printf (list, "\"%s\"", klass->values[i].value_nick);
    }

  return g_string_free (g_steal_pointer (&list), FALSE);
}

const char *
atlas_product_status_to_label (AtlasProductStatus status)
{
  switch (status)
    {
    case ATLAS_PRODUCT_STATUS_APPROVED:
      return _("Approved");
    case ATLAS_PRODUCT_STATUS_CONDITIONAL:
      return _("Conditional");
    case ATLAS_PRODUCT_STATUS_LIMITED:
      return _("Limited approval");
    case ATLAS_PRODUCT_STATUS_HOSPITAL_EXEMPTION:
      return _("Hospital exemption");
    case ATLAS_PRODUCT_STATUS_WITHDRAWN:
      return _("Withdrawn");
    default:
      g_return_val_if_reached (NULL);
    }
}

const char *
atlas_origin_to_label (AtlasOrigin origin)
{
  switch (origin)
    {
    case ATLAS_ORIGIN_AUTOLOGOUS:
      return _("Autologous");
    case ATLAS_ORIGIN_ALLOGENEIC:
      return _("Allogeneic");
    default:
      g_return_val_if_reached (NULL);
    }
}

const char *
atlas_maturity_to_label (AtlasMaturity maturity)
{
  switch (maturity)
    {
    case ATLAS_MATURITY_ESTABLISHED:
      return _("Established standard of care");
    case ATLAS_MATURITY_APPROVED:
      return _("Approved for some uses");
    case ATLAS_MATURITY_CONDITIONAL:
      return _("Conditional approvals only");
    case ATLAS_MATURITY_LATE_STAGE:
      return _("Late-stage trials");
    case ATLAS_MATURITY_EARLY:
      return _("Early trials");
    case ATLAS_MATURITY_RESEARCH:
      return _("Research only");
    default:
      g_return_val_if_reached (NULL);
    }
}

const char *
atlas_availability_to_label (AtlasAvailability availability)
{
  switch (availability)
    {
    case ATLAS_AVAILABILITY_APPROVED:
      return _("Approved");
    case ATLAS_AVAILABILITY_CONDITIONAL:
      return _("Conditional");
    case ATLAS_AVAILABILITY_HOSPITAL_EXEMPTION:
      return _("Hospital exemption");
    case ATLAS_AVAILABILITY_LATE_STAGE_TRIAL:
      return _("Late-stage trial");
    case ATLAS_AVAILABILITY_EARLY_TRIAL:
      return _("Early trial");
    case ATLAS_AVAILABILITY_NONE:
      return _("Nothing approved");
    default:
      g_return_val_if_reached (NULL);
    }
}

const char *
atlas_section_to_title (AtlasSection section)
{
  switch (section)
    {
    case ATLAS_SECTION_REGULATORS:
      return _("Regulators");
    case ATLAS_SECTION_LAWS:
      return _("Laws and Frameworks");
    case ATLAS_SECTION_PATHWAYS:
      return _("Approval Pathways");
    case ATLAS_SECTION_POLICIES:
      return _("Research Policy");
    case ATLAS_SECTION_MILESTONES:
      return _("Milestones");
    case ATLAS_SECTION_INSTITUTIONS:
      return _("Institutions");
    case ATLAS_SECTION_FUNDING:
      return _("Funding");
    case ATLAS_SECTION_PROTECTIONS:
      return _("Patient Protection");
    case ATLAS_N_SECTIONS:
    default:
      g_return_val_if_reached (NULL);
    }
}

const char *
atlas_section_to_json_name (AtlasSection section)
{
  static const char * const names[ATLAS_N_SECTIONS] = {
    "regulators", "laws", "pathways", "policies",
    "milestones", "institutions", "funding", "protections",
  };

  g_return_val_if_fail (section < ATLAS_N_SECTIONS, NULL);

  return names[section];
}
