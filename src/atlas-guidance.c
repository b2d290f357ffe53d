/* SPDX-License-Identifier: GPL-3.0-or-later */
/* AtlasGuidance: Advice for patients judging a clinic: a question to ask, a red flag or a fact. */

#include "config.h"

#include "atlas-guidance.h"

struct _AtlasGuidance
{
  GObject parent_instance;

  char *id;
  AtlasGuidanceKind kind;
  char *title;
  char *text;
  char **source_ids;
};

G_DEFINE_FINAL_TYPE (AtlasGuidance, atlas_guidance, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_KIND,
  PROP_TITLE,
  PROP_TEXT,
  PROP_SOURCE_IDS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
atlas_guidance_finalize (GObject *object)
{
  AtlasGuidance *self = ATLAS_GUIDANCE (object);

  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->text, g_free);
  g_clear_pointer (&self->source_ids, g_strfreev);

  G_OBJECT_CLASS (atlas_guidance_parent_class)->finalize (object);
}

static void
atlas_guidance_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  AtlasGuidance *self = ATLAS_GUIDANCE (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;

    case PROP_KIND:
      g_value_set_enum (value, self->kind);
      break;

    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;

    case PROP_TEXT:
      g_value_set_string (value, self->text);
      break;

    case PROP_SOURCE_IDS:
      g_value_set_boxed (value, self->source_ids);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
atlas_guidance_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  AtlasGuidance *self = ATLAS_GUIDANCE (object);

  switch (prop_id)
    {
    case PROP_ID:
      self->id = g_value_dup_string (value);
      break;

    case PROP_KIND:
      self->kind = g_value_get_enum (value);
      break;

    case PROP_TITLE:
      self->title = g_value_dup_string (value);
      break;

    case PROP_TEXT:
      self->text = g_value_dup_string (value);
      break;

    case PROP_SOURCE_IDS:
      self->source_ids = g_value_dup_boxed (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
atlas_guidance_class_init (AtlasGuidanceClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = atlas_guidance_finalize;
  object_class->get_property = atlas_guidance_get_property;
  object_class->set_property = atlas_guidance_set_property;

  properties[PROP_ID] =
    g_param_spec_string ("id", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_KIND] =
    g_param_spec_enum ("kind", NULL, NULL, ATLAS_TYPE_GUIDANCE_KIND, ATLAS_GUIDANCE_KIND_FACT,
                       G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_TEXT] =
    g_param_spec_string ("text", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SOURCE_IDS] =
    g_param_spec_boxed ("source-ids", NULL, NULL, G_TYPE_STRV,
                        G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
atlas_guidance_init (AtlasGuidance *self)
{
}

const char *
atlas_guidance_get_id (AtlasGuidance *self)
{
  g_return_val_if_fail (ATLAS_IS_GUIDANCE (self), NULL);

  return self->id;
}

AtlasGuidanceKind
atlas_guidance_get_kind (AtlasGuidance *self)
{
  g_return_val_if_fail (ATLAS_IS_GUIDANCE (self), 0);

  return self->kind;
}

const char *
atlas_guidance_get_title (AtlasGuidance *self)
{
  g_return_val_if_fail (ATLAS_IS_GUIDANCE (self), NULL);

  return self->title;
}

const char *
atlas_guidance_get_text (AtlasGuidance *self)
{
  g_return_val_if_fail (ATLAS_IS_GUIDANCE (self), NULL);

  return self->text;
}

const char * const *
atlas_guidance_get_source_ids (AtlasGuidance *self)
{
  g_return_val_if_fail (ATLAS_IS_GUIDANCE (self), NULL);

  return (const char * const *) self->source_ids;
}
