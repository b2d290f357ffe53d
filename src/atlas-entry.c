/* SPDX-License-Identifier: GPL-3.0-or-later */
/* AtlasEntry: One sourced item in a country section: a regulator, law, pathway, milestone, institution, funding programme, protection or policy. */

#include "config.h"

#include "atlas-entry.h"
#include "atlas-intern.h"

struct _AtlasEntry
{
  GObject parent_instance;

  /* title, acronym, summary and url in one block once constructed. */
  char *strings;
  char *title;
  char *acronym;
  char *summary;
  char *url;
  /* Shared: a large dataset repeats them (atlas-intern.c). */
  char *date;
  char *topic;
  char **source_ids;
};

G_DEFINE_FINAL_TYPE (AtlasEntry, atlas_entry, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_TITLE,
  PROP_ACRONYM,
  PROP_DATE,
  PROP_SUMMARY,
  PROP_URL,
  PROP_TOPIC,
  PROP_SOURCE_IDS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
atlas_entry_finalize (GObject *object)
{
  AtlasEntry *self = ATLAS_ENTRY (object);

  g_clear_pointer (&self->strings, g_free);
  g_clear_pointer (&self->date, atlas_intern_release);
  g_clear_pointer (&self->topic, atlas_intern_release);
  g_clear_pointer (&self->source_ids, atlas_intern_release_strv);

  G_OBJECT_CLASS (atlas_entry_parent_class)->finalize (object);
}

static void
atlas_entry_constructed (GObject *object)
{
  AtlasEntry *self = ATLAS_ENTRY (object);
  char **fields[] = { &self->title, &self->acronym, &self->summary, &self->url };

  G_OBJECT_CLASS (atlas_entry_parent_class)->constructed (object);

  self->strings = atlas_pack_strings (fields, G_N_ELEMENTS (fields));
}

static void
atlas_entry_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  AtlasEntry *self = ATLAS_ENTRY (object);

  switch (prop_id)
    {
    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;

    case PROP_ACRONYM:
      g_value_set_string (value, self->acronym);
      break;

    case PROP_DATE:
      g_value_set_string (value, self->date);
      break;

    case PROP_SUMMARY:
      g_value_set_string (value, self->summary);
      break;

    case PROP_URL:
      g_value_set_string (value, self->url);
      break;

    case PROP_TOPIC:
      g_value_set_string (value, self->topic);
      break;

    case PROP_SOURCE_IDS:
      g_value_set_boxed (value, self->source_ids);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
atlas_entry_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  AtlasEntry *self = ATLAS_ENTRY (object);

  switch (prop_id)
    {
    case PROP_TITLE:
      self->title = g_value_dup_string (value);
      break;

    case PROP_ACRONYM:
      self->acronym = g_value_dup_string (value);
      break;

    case PROP_DATE:
      self->date = atlas_intern (g_value_get_string (value));
      break;

    case PROP_SUMMARY:
      self->summary = g_value_dup_string (value);
      break;

    case PROP_URL:
      self->url = g_value_dup_string (value);
      break;

    case PROP_TOPIC:
      self->topic = atlas_intern (g_value_get_string (value));
      break;

    case PROP_SOURCE_IDS:
      self->source_ids = atlas_intern_strv (g_value_get_boxed (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
atlas_entry_class_init (AtlasEntryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = atlas_entry_constructed;
  object_class->finalize = atlas_entry_finalize;
  object_class->get_property = atlas_entry_get_property;
  object_class->set_property = atlas_entry_set_property;

  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ACRONYM] =
    g_param_spec_string ("acronym", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_DATE] =
    g_param_spec_string ("date", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SUMMARY] =
    g_param_spec_string ("summary", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_URL] =
    g_param_spec_string ("url", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_TOPIC] =
    g_param_spec_string ("topic", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SOURCE_IDS] =
    g_param_spec_boxed ("source-ids", NULL, NULL, G_TYPE_STRV,
                        G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
atlas_entry_init (AtlasEntry *self)
{
}

const char *
atlas_entry_get_title (AtlasEntry *self)
{
  g_return_val_if_fail (ATLAS_IS_ENTRY (self), NULL);

  return self->title;
}

const char *
atlas_entry_get_acronym (AtlasEntry *self)
{
  g_return_val_if_fail (ATLAS_IS_ENTRY (self), NULL);

  return self->acronym;
}

const char *
atlas_entry_get_date (AtlasEntry *self)
{
  g_return_val_if_fail (ATLAS_IS_ENTRY (self), NULL);

  return self->date;
}

const char *
atlas_entry_get_summary (AtlasEntry *self)
{
  g_return_val_if_fail (ATLAS_IS_ENTRY (self), NULL);

  return self->summary;
}

const char *
atlas_entry_get_url (AtlasEntry *self)
{
  g_return_val_if_fail (ATLAS_IS_ENTRY (self), NULL);

  return self->url;
}

const char *
atlas_entry_get_topic (AtlasEntry *self)
{
  g_return_val_if_fail (ATLAS_IS_ENTRY (self), NULL);

  return self->topic;
}

const char * const *
atlas_entry_get_source_ids (AtlasEntry *self)
{
  g_return_val_if_fail (ATLAS_IS_ENTRY (self), NULL);

  return (const char * const *) self->source_ids;
}
