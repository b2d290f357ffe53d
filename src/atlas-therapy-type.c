/* SPDX-License-Identifier: GPL-3.0-or-later */
/* AtlasTherapyType: Autologous or allogeneic: where a therapy's cells come from. */

#include "config.h"

#include "atlas-therapy-type.h"

struct _AtlasTherapyType
{
  GObject parent_instance;

  char *id;
  char *name;
  char *definition;
  char *how_obtained;
  char *immune_match;
  char *scalability;
  char **advantages;
  char **risks;
  char *maturity_note;
  char **source_ids;
};

G_DEFINE_FINAL_TYPE (AtlasTherapyType, atlas_therapy_type, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_NAME,
  PROP_DEFINITION,
  PROP_HOW_OBTAINED,
  PROP_IMMUNE_MATCH,
  PROP_SCALABILITY,
  PROP_ADVANTAGES,
  PROP_RISKS,
  PROP_MATURITY_NOTE,
  PROP_SOURCE_IDS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
atlas_therapy_type_finalize (GObject *object)
{
  AtlasTherapyType *self = ATLAS_THERAPY_TYPE (object);

  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->definition, g_free);
  g_clear_pointer (&self->how_obtained, g_free);
  g_clear_pointer (&self->immune_match, g_free);
  g_clear_pointer (&self->scalability, g_free);
  g_clear_pointer (&self->advantages, g_strfreev);
  g_clear_pointer (&self->risks, g_strfreev);
  g_clear_pointer (&self->maturity_note, g_free);
  g_clear_pointer (&self->source_ids, g_strfreev);

  G_OBJECT_CLASS (atlas_therapy_type_parent_class)->finalize (object);
}

static void
atlas_therapy_type_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  AtlasTherapyType *self = ATLAS_THERAPY_TYPE (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;

    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;

    case PROP_DEFINITION:
      g_value_set_string (value, self->definition);
      break;

    case PROP_HOW_OBTAINED:
      g_value_set_string (value, self->how_obtained);
      break;

    case PROP_IMMUNE_MATCH:
      g_value_set_string (value, self->immune_match);
      break;

    case PROP_SCALABILITY:
      g_value_set_string (value, self->scalability);
      break;

    case PROP_ADVANTAGES:
      g_value_set_boxed (value, self->advantages);
      break;

    case PROP_RISKS:
      g_value_set_boxed (value, self->risks);
      break;

    case PROP_MATURITY_NOTE:
      g_value_set_string (value, self->maturity_note);
      break;

    case PROP_SOURCE_IDS:
      g_value_set_boxed (value, self->source_ids);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
atlas_therapy_type_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  AtlasTherapyType *self = ATLAS_THERAPY_TYPE (object);

  switch (prop_id)
    {
    case PROP_ID:
      self->id = g_value_dup_string (value);
      break;

    case PROP_NAME:
      self->name = g_value_dup_string (value);
      break;

    case PROP_DEFINITION:
      self->definition = g_value_dup_string (value);
      break;

    case PROP_HOW_OBTAINED:
      self->how_obtained = g_value_dup_string (value);
      break;

    case PROP_IMMUNE_MATCH:
      self->immune_match = g_value_dup_string (value);
      break;

    case PROP_SCALABILITY:
      self->scalability = g_value_dup_string (value);
      break;

    case PROP_ADVANTAGES:
      self->advantages = g_value_dup_boxed (value);
      break;

    case PROP_RISKS:
      self->risks = g_value_dup_boxed (value);
      break;

    case PROP_MATURITY_NOTE:
      self->maturity_note = g_value_dup_string (value);
      break;

    case PROP_SOURCE_IDS:
      self->source_ids = g_value_dup_boxed (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
atlas_therapy_type_class_init (AtlasTherapyTypeClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = atlas_therapy_type_finalize;
  object_class->get_property = atlas_therapy_type_get_property;
  object_class->set_property = atlas_therapy_type_set_property;

  properties[PROP_ID] =
    g_param_spec_string ("id", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_DEFINITION] =
    g_param_spec_string ("definition", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_HOW_OBTAINED] =
    g_param_spec_string ("how-obtained", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_IMMUNE_MATCH] =
    g_param_spec_string ("immune-match", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SCALABILITY] =
    g_param_spec_string ("scalability", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ADVANTAGES] =
    g_param_spec_boxed ("advantages", NULL, NULL, G_TYPE_STRV,
                        G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_RISKS] =
    g_param_spec_boxed ("risks", NULL, NULL, G_TYPE_STRV,
                        G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_MATURITY_NOTE] =
    g_param_spec_string ("maturity-note", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SOURCE_IDS] =
    g_param_spec_boxed ("source-ids", NULL, NULL, G_TYPE_STRV,
                        G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
atlas_therapy_type_init (AtlasTherapyType *self)
{
}

const char *
atlas_therapy_type_get_id (AtlasTherapyType *self)
{
  g_return_val_if_fail (ATLAS_IS_THERAPY_TYPE (self), NULL);

  return self->id;
}

const char *
atlas_therapy_type_get_name (AtlasTherapyType *self)
{
  g_return_val_if_fail (ATLAS_IS_THERAPY_TYPE (self), NULL);

  return self->name;
}

const char *
atlas_therapy_type_get_definition (AtlasTherapyType *self)
{
  g_return_val_if_fail (ATLAS_IS_THERAPY_TYPE (self), NULL);

  return self->definition;
}

const char *
atlas_therapy_type_get_how_obtained (AtlasTherapyType *self)
{
  g_return_val_if_fail (ATLAS_IS_THERAPY_TYPE (self), NULL);

  return self->how_obtained;
}

const char *
atlas_therapy_type_get_immune_match (AtlasTherapyType *self)
{
  g_return_val_if_fail (ATLAS_IS_THERAPY_TYPE (self), NULL);

  return self->immune_match;
}

const char *
atlas_therapy_type_get_scalability (AtlasTherapyType *self)
{
  g_return_val_if_fail (ATLAS_IS_THERAPY_TYPE (self), NULL);

  return self->scalability;
}

const char * const *
atlas_therapy_type_get_advantages (AtlasTherapyType *self)
{
  g_return_val_if_fail (ATLAS_IS_THERAPY_TYPE (self), NULL);

  return (const char * const *) self->advantages;
}

const char * const *
atlas_therapy_type_get_risks (AtlasTherapyType *self)
{
  g_return_val_if_fail (ATLAS_IS_THERAPY_TYPE (self), NULL);

  return (const char * const *) self->risks;
}

const char *
atlas_therapy_type_get_maturity_note (AtlasTherapyType *self)
{
  g_return_val_if_fail (ATLAS_IS_THERAPY_TYPE (self), NULL);

  return self->maturity_note;
}

const char * const *
atlas_therapy_type_get_source_ids (AtlasTherapyType *self)
{
  g_return_val_if_fail (ATLAS_IS_THERAPY_TYPE (self), NULL);

  return (const char * const *) self->source_ids;
}
