/* SPDX-License-Identifier: GPL-3.0-or-later */
/* AtlasComparisonRow: One topic of a comparison (regulators, approved
 * products …) with one value per compared country and the sources behind
 * each value. Immutable once made, so list rows can hold it freely. */

#include "config.h"

#include <glib/gi18n.h>

#include "atlas-comparison-row.h"

struct _AtlasComparisonRow
{
  GObject parent_instance;

  char *id;
  char *title;
  /* What a reader sees: never NULL or empty, "No data" when missing. */
  char **values;
  /* Which values are "No data", so a view can style them without
   * comparing against a translated string. */
  gboolean *missing;
  /* One NULL-terminated array of source ids per value. */
  GPtrArray *source_ids;
  guint n_values;
  gboolean differs;
};

G_DEFINE_FINAL_TYPE (AtlasComparisonRow, atlas_comparison_row, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_TITLE,
  PROP_VALUES,
  PROP_DIFFERS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
atlas_comparison_row_finalize (GObject *object)
{
  AtlasComparisonRow *self = ATLAS_COMPARISON_ROW (object);

  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->values, g_strfreev);
  g_clear_pointer (&self->missing, g_free);
  g_clear_pointer (&self->source_ids, g_ptr_array_unref);

  G_OBJECT_CLASS (atlas_comparison_row_parent_class)->finalize (object);
}

static void
atlas_comparison_row_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  AtlasComparisonRow *self = ATLAS_COMPARISON_ROW (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;

    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;

    case PROP_VALUES:
      g_value_set_boxed (value, self->values);
      break;

    case PROP_DIFFERS:
      g_value_set_boolean (value, self->differs);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
atlas_comparison_row_class_init (AtlasComparisonRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = atlas_comparison_row_finalize;
  object_class->get_property = atlas_comparison_row_get_property;

  properties[PROP_ID] =
    g_param_spec_string ("id", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_VALUES] =
    g_param_spec_boxed ("values", NULL, NULL, G_TYPE_STRV,
                        G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_DIFFERS] =
    g_param_spec_boolean ("differs", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
atlas_comparison_row_init (AtlasComparisonRow *self)
{
}

/**
 * atlas_comparison_row_new:
 * @id: a stable id, e.g. "regulators"
 * @title: the translated topic
 * @n_values: the number of compared countries
 * @values: (array length=n_values): one value per country; a NULL or empty
 *   value is missing data and is shown as "No data"
 * @source_ids: (array length=n_values) (nullable): per country, the ids of
 *   the sources behind the value, or NULL for none
 *
 * Returns: (transfer full): a new row
 */
AtlasComparisonRow *
atlas_comparison_row_new (const char                 *id,
                          const char                 *title,
                          guint                       n_values,
                          const char * const         *values,
                          const char * const * const *source_ids)
{
  AtlasComparisonRow *self;

  g_return_val_if_fail (id != NULL, NULL);
  g_return_val_if_fail (title != NULL, NULL);
  g_return_val_if_fail (n_values == 0 || values != NULL, NULL);

  self = g_object_new (ATLAS_TYPE_COMPARISON_ROW, NULL);
  self->id = g_strdup (id);
  self->title = g_strdup (title);
  self->n_values = n_values;
  self->values = g_new0 (char *, n_values + 1);
  self->missing = g_new0 (gboolean, MAX (n_values, 1));
  self->source_ids = g_ptr_array_new_full (n_values, (GDestroyNotify) g_strfreev);

  for (guint i = 0; i < n_values; i++)
    {
      const char * const *ids = source_ids != NULL ? source_ids[i] : NULL;

      self->missing[i] = values[i] == NULL || *values[i] == '\0';
      self->values[i] = g_strdup (self->missing[i] ? _("No data") : values[i]);
      g_ptr_array_add (self->source_ids,
                       ids != NULL ? g_strdupv ((char **) ids) : g_new0 (char *, 1));
    }

  /* What is shown is what is compared: two countries without data agree. */
  for (guint i = 1; i < n_values && !self->differs; i++)
    self->differs = g_strcmp0 (self->values[0], self->values[i]) != 0;

  return self;
}

const char *
atlas_comparison_row_get_id (AtlasComparisonRow *self)
{
  g_return_val_if_fail (ATLAS_IS_COMPARISON_ROW (self), NULL);

  return self->id;
}

const char *
atlas_comparison_row_get_title (AtlasComparisonRow *self)
{
  g_return_val_if_fail (ATLAS_IS_COMPARISON_ROW (self), NULL);

  return self->title;
}

guint
atlas_comparison_row_get_n_values (AtlasComparisonRow *self)
{
  g_return_val_if_fail (ATLAS_IS_COMPARISON_ROW (self), 0);

  return self->n_values;
}

/* One value per country, in the comparison's order, NULL-terminated. */
const char * const *
atlas_comparison_row_get_values (AtlasComparisonRow *self)
{
  g_return_val_if_fail (ATLAS_IS_COMPARISON_ROW (self), NULL);

  return (const char * const *) self->values;
}

const char *
atlas_comparison_row_get_value (AtlasComparisonRow *self,
                                guint               position)
{
  g_return_val_if_fail (ATLAS_IS_COMPARISON_ROW (self), NULL);
  g_return_val_if_fail (position < self->n_values, NULL);

  return self->values[position];
}

/* Whether the value at @position is "No data" rather than a fact. */
gboolean
atlas_comparison_row_is_missing (AtlasComparisonRow *self,
                                 guint               position)
{
  g_return_val_if_fail (ATLAS_IS_COMPARISON_ROW (self), FALSE);
  g_return_val_if_fail (position < self->n_values, FALSE);

  return self->missing[position];
}

/* The sources behind the value at @position; empty (never NULL) when the
 * value rests on none, e.g. "No data". */
const char * const *
atlas_comparison_row_get_source_ids (AtlasComparisonRow *self,
                                     guint               position)
{
  g_return_val_if_fail (ATLAS_IS_COMPARISON_ROW (self), NULL);
  g_return_val_if_fail (position < self->n_values, NULL);

  return g_ptr_array_index (self->source_ids, position);
}

gboolean
atlas_comparison_row_get_differs (AtlasComparisonRow *self)
{
  g_return_val_if_fail (ATLAS_IS_COMPARISON_ROW (self), FALSE);

  return self->differs;
}
