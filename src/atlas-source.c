/* SPDX-License-Identifier: GPL-3.0-or-later */
/* AtlasSource: A publication that facts cite: title, publisher, link and when it was read. */

#include "config.h"

#include "atlas-source.h"

struct _AtlasSource
{
  GObject parent_instance;

  char *id;
  char *title;
  char *publisher;
  char *url;
  char *accessed;
};

G_DEFINE_FINAL_TYPE (AtlasSource, atlas_source, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_TITLE,
  PROP_PUBLISHER,
  PROP_URL,
  PROP_ACCESSED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
atlas_source_finalize (GObject *object)
{
  AtlasSource *self = ATLAS_SOURCE (object);

  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->publisher, g_free);
  g_clear_pointer (&self->url, g_free);
  g_clear_pointer (&self->accessed, g_free);

  G_OBJECT_CLASS (atlas_source_parent_class)->finalize (object);
}

static void
atlas_source_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  AtlasSource *self = ATLAS_SOURCE (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;

    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;

    case PROP_PUBLISHER:
      g_value_set_string (value, self->publisher);
      break;

    case PROP_URL:
      g_value_set_string (value, self->url);
      break;

    case PROP_ACCESSED:
      g_value_set_string (value, self->accessed);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
atlas_source_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  AtlasSource *self = ATLAS_SOURCE (object);

  switch (prop_id)
    {
    case PROP_ID:
      self->id = g_value_dup_string (value);
      break;

    case PROP_TITLE:
      self->title = g_value_dup_string (value);
      break;

    case PROP_PUBLISHER:
      self->publisher = g_value_dup_string (value);
      break;

    case PROP_URL:
      self->url = g_value_dup_string (value);
      break;

    case PROP_ACCESSED:
      self->accessed = g_value_dup_string (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
atlas_source_class_init (AtlasSourceClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = atlas_source_finalize;
  object_class->get_property = atlas_source_get_property;
  object_class->set_property = atlas_source_set_property;

  properties[PROP_ID] =
    g_param_spec_string ("id", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_PUBLISHER] =
    g_param_spec_string ("publisher", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_URL] =
    g_param_spec_string ("url", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ACCESSED] =
    g_param_spec_string ("accessed", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
atlas_source_init (AtlasSource *self)
{
}

const char *
atlas_source_get_id (AtlasSource *self)
{
  g_return_val_if_fail (ATLAS_IS_SOURCE (self), NULL);

  return self->id;
}

const char *
atlas_source_get_title (AtlasSource *self)
{
  g_return_val_if_fail (ATLAS_IS_SOURCE (self), NULL);

  return self->title;
}

const char *
atlas_source_get_publisher (AtlasSource *self)
{
  g_return_val_if_fail (ATLAS_IS_SOURCE (self), NULL);

  return self->publisher;
}

const char *
atlas_source_get_url (AtlasSource *self)
{
  g_return_val_if_fail (ATLAS_IS_SOURCE (self), NULL);

  return self->url;
}

const char *
atlas_source_get_accessed (AtlasSource *self)
{
  g_return_val_if_fail (ATLAS_IS_SOURCE (self), NULL);

  return self->accessed;
}
