/* SPDX-License-Identifier: GPL-3.0-or-later */
/* AtlasCondition: A disease or injury, and what exists for it in each country. */

#include "config.h"

#include "atlas-condition.h"
#include "atlas-model-private.h"

struct _AtlasCondition
{
  GObject parent_instance;

  char *id;
  char *name;
  char *summary;
  char **source_ids;

  GPtrArray *statuses;
};

static void
condition_status_free (gpointer data)
{
  AtlasConditionStatus *status = data;

  g_free (status->country_id);
  g_free (status->summary);
  g_strfreev (status->product_ids);
  g_strfreev (status->source_ids);
  g_free (status);
}

G_DEFINE_FINAL_TYPE (AtlasCondition, atlas_condition, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_NAME,
  PROP_SUMMARY,
  PROP_SOURCE_IDS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
atlas_condition_finalize (GObject *object)
{
  AtlasCondition *self = ATLAS_CONDITION (object);

  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->summary, g_free);
  g_clear_pointer (&self->source_ids, g_strfreev);
  g_clear_pointer (&self->statuses, g_ptr_array_unref);

  G_OBJECT_CLASS (atlas_condition_parent_class)->finalize (object);
}

static void
atlas_condition_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  AtlasCondition *self = ATLAS_CONDITION (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;

    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;

    case PROP_SUMMARY:
      g_value_set_string (value, self->summary);
      break;

    case PROP_SOURCE_IDS:
      g_value_set_boxed (value, self->source_ids);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
atlas_condition_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  AtlasCondition *self = ATLAS_CONDITION (object);

  switch (prop_id)
    {
    case PROP_ID:
      self->id = g_value_dup_string (value);
      break;

    case PROP_NAME:
      self->name = g_value_dup_string (value);
      break;

    case PROP_SUMMARY:
      self->summary = g_value_dup_string (value);
      break;

    case PROP_SOURCE_IDS:
      self->source_ids = g_value_dup_boxed (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
atlas_condition_class_init (AtlasConditionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = atlas_condition_finalize;
  object_class->get_property = atlas_condition_get_property;
  object_class->set_property = atlas_condition_set_property;

  properties[PROP_ID] =
    g_param_spec_string ("id", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SUMMARY] =
    g_param_spec_string ("summary", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SOURCE_IDS] =
    g_param_spec_boxed ("source-ids", NULL, NULL, G_TYPE_STRV,
                        G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
atlas_condition_init (AtlasCondition *self)
{
  self->statuses = g_ptr_array_new_with_free_func (condition_status_free);
}

const char *
atlas_condition_get_id (AtlasCondition *self)
{
  g_return_val_if_fail (ATLAS_IS_CONDITION (self), NULL);

  return self->id;
}

const char *
atlas_condition_get_name (AtlasCondition *self)
{
  g_return_val_if_fail (ATLAS_IS_CONDITION (self), NULL);

  return self->name;
}

const char *
atlas_condition_get_summary (AtlasCondition *self)
{
  g_return_val_if_fail (ATLAS_IS_CONDITION (self), NULL);

  return self->summary;
}

const char * const *
atlas_condition_get_source_ids (AtlasCondition *self)
{
  g_return_val_if_fail (ATLAS_IS_CONDITION (self), NULL);

  return (const char * const *) self->source_ids;
}

guint
atlas_condition_get_n_statuses (AtlasCondition *self)
{
  g_return_val_if_fail (ATLAS_IS_CONDITION (self), 0);

  return self->statuses->len;
}

const AtlasConditionStatus *
atlas_condition_get_status (AtlasCondition *self,
                            guint           position)
{
  g_return_val_if_fail (ATLAS_IS_CONDITION (self), NULL);
  g_return_val_if_fail (position < self->statuses->len, NULL);

  return g_ptr_array_index (self->statuses, position);
}

const AtlasConditionStatus *
atlas_condition_find_status (AtlasCondition *self,
                             const char     *country_id)
{
  g_return_val_if_fail (ATLAS_IS_CONDITION (self), NULL);

  for (guint i = 0; i < self->statuses->len; i++)
    {
      const AtlasConditionStatus *status = g_ptr_array_index (self->statuses, i);

      if (g_strcmp0 (status->country_id, country_id) == 0)
        return status;
    }

  return NULL;
}

void
atlas_condition_add_status (AtlasCondition    *self,
                            const char        *country_id,
                            AtlasAvailability  availability,
                            const char        *summary,
                            char             **product_ids,
                            char             **source_ids)
{
  AtlasConditionStatus *status = g_new0 (AtlasConditionStatus, 1);

  status->country_id = g_strdup (country_id);
  status->availability = availability;
  status->summary = g_strdup (summary);
  status->product_ids = g_strdupv (product_ids);
  status->source_ids = g_strdupv (source_ids);
  g_ptr_array_add (self->statuses, status);
}
