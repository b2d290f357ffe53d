/* SPDX-License-Identifier: GPL-3.0-or-later */
/* AtlasCellSource: A kind of cell that products are made from (HSC, MSC, iPSC ...). */

#include "config.h"

#include "atlas-cell-source.h"

struct _AtlasCellSource
{
  GObject parent_instance;

  char *id;
  char *name;
  char *short_name;
  char *definition;
  char **advantages;
  char **risks;
  AtlasMaturity maturity;
  char *maturity_note;
  char **source_ids;
};

G_DEFINE_FINAL_TYPE (AtlasCellSource, atlas_cell_source, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_NAME,
  PROP_SHORT_NAME,
  PROP_DEFINITION,
  PROP_ADVANTAGES,
  PROP_RISKS,
  PROP_MATURITY,
  PROP_MATURITY_NOTE,
  PROP_SOURCE_IDS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
atlas_cell_source_finalize (GObject *object)
{
  AtlasCellSource *self = ATLAS_CELL_SOURCE (object);

  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->short_name, g_free);
  g_clear_pointer (&self->definition, g_free);
  g_clear_pointer (&self->advantages, g_strfreev);
  g_clear_pointer (&self->risks, g_strfreev);
  g_clear_pointer (&self->maturity_note, g_free);
  g_clear_pointer (&self->source_ids, g_strfreev);

  G_OBJECT_CLASS (atlas_cell_source_parent_class)->finalize (object);
}

static void
atlas_cell_source_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  AtlasCellSource *self = ATLAS_CELL_SOURCE (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;

    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;

    case PROP_SHORT_NAME:
      g_value_set_string (value, self->short_name);
      break;

    case PROP_DEFINITION:
      g_value_set_string (value, self->definition);
      break;

    case PROP_ADVANTAGES:
      g_value_set_boxed (value, self->advantages);
      break;

    case PROP_RISKS:
      g_value_set_boxed (value, self->risks);
      break;

    case PROP_MATURITY:
      g_value_set_enum (value, self->maturity);
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
atlas_cell_source_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  AtlasCellSource *self = ATLAS_CELL_SOURCE (object);

  switch (prop_id)
    {
    case PROP_ID:
      self->id = g_value_dup_string (value);
      break;

    case PROP_NAME:
      self->name = g_value_dup_string (value);
      break;

    case PROP_SHORT_NAME:
      self->short_name = g_value_dup_string (value);
      break;

    case PROP_DEFINITION:
      self->definition = g_value_dup_string (value);
      break;

    case PROP_ADVANTAGES:
      self->advantages = g_value_dup_boxed (value);
      break;

    case PROP_RISKS:
      self->risks = g_value_dup_boxed (value);
      break;

    case PROP_MATURITY:
      self->maturity = g_value_get_enum (value);
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
atlas_cell_source_class_init (AtlasCellSourceClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = atlas_cell_source_finalize;
  object_class->get_property = atlas_cell_source_get_property;
  object_class->set_property = atlas_cell_source_set_property;

  properties[PROP_ID] =
    g_param_spec_string ("id", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SHORT_NAME] =
    g_param_spec_string ("short-name", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_DEFINITION] =
    g_param_spec_string ("definition", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ADVANTAGES] =
    g_param_spec_boxed ("advantages", NULL, NULL, G_TYPE_STRV,
                        G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_RISKS] =
    g_param_spec_boxed ("risks", NULL, NULL, G_TYPE_STRV,
                        G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_MATURITY] =
    g_param_spec_enum ("maturity", NULL, NULL, ATLAS_TYPE_MATURITY, ATLAS_MATURITY_RESEARCH,
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
atlas_cell_source_init (AtlasCellSource *self)
{
}

const char *
atlas_cell_source_get_id (AtlasCellSource *self)
{
  g_return_val_if_fail (ATLAS_IS_CELL_SOURCE (self), NULL);

  return self->id;
}

const char *
atlas_cell_source_get_name (AtlasCellSource *self)
{
  g_return_val_if_fail (ATLAS_IS_CELL_SOURCE (self), NULL);

  return self->name;
}

const char *
atlas_cell_source_get_short_name (AtlasCellSource *self)
{
  g_return_val_if_fail (ATLAS_IS_CELL_SOURCE (self), NULL);

  return self->short_name;
}

const char *
atlas_cell_source_get_definition (AtlasCellSource *self)
{
  g_return_val_if_fail (ATLAS_IS_CELL_SOURCE (self), NULL);

  return self->definition;
}

const char * const *
atlas_cell_source_get_advantages (AtlasCellSource *self)
{
  g_return_val_if_fail (ATLAS_IS_CELL_SOURCE (self), NULL);

  return (const char * const *) self->advantages;
}

const char * const *
atlas_cell_source_get_risks (AtlasCellSource *self)
{
  g_return_val_if_fail (ATLAS_IS_CELL_SOURCE (self), NULL);

  return (const char * const *) self->risks;
}

AtlasMaturity
atlas_cell_source_get_maturity (AtlasCellSource *self)
{
  g_return_val_if_fail (ATLAS_IS_CELL_SOURCE (self), 0);

  return self->maturity;
}

const char *
atlas_cell_source_get_maturity_note (AtlasCellSource *self)
{
  g_return_val_if_fail (ATLAS_IS_CELL_SOURCE (self), NULL);

  return self->maturity_note;
}

const char * const *
atlas_cell_source_get_source_ids (AtlasCellSource *self)
{
  g_return_val_if_fail (ATLAS_IS_CELL_SOURCE (self), NULL);

  return (const char * const *) self->source_ids;
}
