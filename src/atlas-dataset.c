/* SPDX-License-Identifier: GPL-3.0-or-later */
/* AtlasDataset: one complete, validated and immutable version of the data.
 * Only the loader builds one; everything else reads it. */

#include "config.h"

#include "atlas-dataset.h"
#include "atlas-dataset-private.h"
#include "atlas-date.h"
#include "atlas-model-private.h"

struct _AtlasDataset
{
  GObject parent_instance;

  int schema_version;
  int dataset_version;
  char *generated;
  char *expires;

  GListStore *countries;
  GListStore *sources;
  GListStore *cell_sources;
  GListStore *therapy_types;
  GListStore *conditions;
  GListStore *guidance;

  /* id → object, borrowed from the stores above. */
  GHashTable *country_index;
  GHashTable *source_index;
  GHashTable *cell_source_index;
  GHashTable *condition_index;
  /* product id → AtlasProduct, holding a reference: a product is indexed
   * before its country is known to be valid, and a country that is then
   * refused (so the whole document is) must not leave the index pointing
   * at freed products. A product knows its country (see
   * atlas_dataset_find_product_country()). */
  GHashTable *product_index;
};

G_DEFINE_FINAL_TYPE (AtlasDataset, atlas_dataset, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_SCHEMA_VERSION,
  PROP_DATASET_VERSION,
  PROP_GENERATED,
  PROP_EXPIRES,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
atlas_dataset_finalize (GObject *object)
{
  AtlasDataset *self = ATLAS_DATASET (object);

  g_clear_pointer (&self->country_index, g_hash_table_unref);
  g_clear_pointer (&self->source_index, g_hash_table_unref);
  g_clear_pointer (&self->product_index, g_hash_table_unref);
  g_clear_pointer (&self->cell_source_index, g_hash_table_unref);
  g_clear_pointer (&self->condition_index, g_hash_table_unref);
  g_clear_object (&self->countries);
  g_clear_object (&self->sources);
  g_clear_object (&self->cell_sources);
  g_clear_object (&self->therapy_types);
  g_clear_object (&self->conditions);
  g_clear_object (&self->guidance);
  g_clear_pointer (&self->generated, g_free);
  g_clear_pointer (&self->expires, g_free);

  G_OBJECT_CLASS (atlas_dataset_parent_class)->finalize (object);
}

static void
atlas_dataset_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  AtlasDataset *self = ATLAS_DATASET (object);

  switch (prop_id)
    {
    case PROP_SCHEMA_VERSION:
      g_value_set_int (value, self->schema_version);
      break;

    case PROP_DATASET_VERSION:
      g_value_set_int (value, self->dataset_version);
      break;

    case PROP_GENERATED:
      g_value_set_string (value, self->generated);
      break;

    case PROP_EXPIRES:
      g_value_set_string (value, self->expires);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
atlas_dataset_class_init (AtlasDatasetClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = atlas_dataset_finalize;
  object_class->get_property = atlas_dataset_get_property;

  properties[PROP_SCHEMA_VERSION] =
    g_param_spec_int ("schema-version", NULL, NULL, 0, G_MAXINT, 0,
                      G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_DATASET_VERSION] =
    g_param_spec_int ("dataset-version", NULL, NULL, 0, G_MAXINT, 0,
                      G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_GENERATED] =
    g_param_spec_string ("generated", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  /* "YYYY-MM-DD", or NULL when the data does not say. */
  properties[PROP_EXPIRES] =
    g_param_spec_string ("expires", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
atlas_dataset_init (AtlasDataset *self)
{
  self->countries = g_list_store_new (ATLAS_TYPE_COUNTRY);
  self->sources = g_list_store_new (ATLAS_TYPE_SOURCE);
  self->cell_sources = g_list_store_new (ATLAS_TYPE_CELL_SOURCE);
  self->therapy_types = g_list_store_new (ATLAS_TYPE_THERAPY_TYPE);
  self->conditions = g_list_store_new (ATLAS_TYPE_CONDITION);
  self->guidance = g_list_store_new (ATLAS_TYPE_GUIDANCE);
  self->country_index = g_hash_table_new (g_str_hash, g_str_equal);
  self->source_index = g_hash_table_new (g_str_hash, g_str_equal);
  self->product_index = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_object_unref);
  self->cell_source_index = g_hash_table_new (g_str_hash, g_str_equal);
  self->condition_index = g_hash_table_new (g_str_hash, g_str_equal);
}

AtlasDataset *
atlas_dataset_new (int         schema_version,
                   int         dataset_version,
                   const char *generated)
{
  AtlasDataset *self = g_object_new (ATLAS_TYPE_DATASET, NULL);

  self->schema_version = schema_version;
  self->dataset_version = dataset_version;
  self->generated = g_strdup (generated);

  return self;
}

/* Only the loader calls this, with a checked full date. */
void
atlas_dataset_set_expires (AtlasDataset *self,
                           const char   *expires)
{
  g_free (self->expires);
  self->expires = g_strdup (expires);
}

/* Each add returns FALSE, and adds nothing, when the id is already taken. */
static gboolean
add_indexed (GListStore *store,
             GHashTable *index,
             const char *id,
             gpointer    item)
{
  if (g_hash_table_contains (index, id))
    return FALSE;

  g_list_store_append (store, item);
  /* The key is owned by the item, which the store keeps alive. */
  g_hash_table_insert (index, (gpointer) id, item);
  return TRUE;
}

gboolean
atlas_dataset_add_source (AtlasDataset *self,
                          AtlasSource  *source)
{
  return add_indexed (self->sources, self->source_index, atlas_source_get_id (source), source);
}

gboolean
atlas_dataset_add_cell_source (AtlasDataset    *self,
                               AtlasCellSource *cell_source)
{
  return add_indexed (self->cell_sources, self->cell_source_index,
                      atlas_cell_source_get_id (cell_source), cell_source);
}

gboolean
atlas_dataset_add_condition (AtlasDataset   *self,
                             AtlasCondition *condition)
{
  return add_indexed (self->conditions, self->condition_index,
                      atlas_condition_get_id (condition), condition);
}

gboolean
atlas_dataset_add_country (AtlasDataset *self,
                           AtlasCountry *country)
{
  return add_indexed (self->countries, self->country_index, atlas_country_get_id (country), country);
}

void
atlas_dataset_add_therapy_type (AtlasDataset     *self,
                                AtlasTherapyType *therapy_type)
{
  g_list_store_append (self->therapy_types, therapy_type);
}

void
atlas_dataset_add_guidance (AtlasDataset  *self,
                            AtlasGuidance *guidance)
{
  g_list_store_append (self->guidance, guidance);
}

/* Products are owned by their country, which the loader may still refuse
 * after this; the index keeps its own references (see the struct). */
gboolean
atlas_dataset_index_product (AtlasDataset *self,
                             AtlasCountry *country,
                             AtlasProduct *product)
{
  const char *id = atlas_product_get_id (product);

  if (g_hash_table_contains (self->product_index, id))
    return FALSE;

  /* Keyed by the product's own id, which the product keeps for as long as
   * the index keeps the product. */
  g_hash_table_insert (self->product_index, (gpointer) id, g_object_ref (product));
  return TRUE;
}

int
atlas_dataset_get_schema_version (AtlasDataset *self)
{
  g_return_val_if_fail (ATLAS_IS_DATASET (self), 0);

  return self->schema_version;
}

int
atlas_dataset_get_dataset_version (AtlasDataset *self)
{
  g_return_val_if_fail (ATLAS_IS_DATASET (self), 0);

  return self->dataset_version;
}

const char *
atlas_dataset_get_generated (AtlasDataset *self)
{
  g_return_val_if_fail (ATLAS_IS_DATASET (self), NULL);

  return self->generated;
}

const char *
atlas_dataset_get_expires (AtlasDataset *self)
{
  g_return_val_if_fail (ATLAS_IS_DATASET (self), NULL);

  return self->expires;
}

/* When the data expires, in Unix seconds: the start of the "expires" day in
 * UTC, so every reader's app agrees on the moment. 0 when it never does. */
gint64
atlas_dataset_get_expiry_time (AtlasDataset *self)
{
  g_autoptr(GDateTime) start = NULL;
  AtlasDate date;

  g_return_val_if_fail (ATLAS_IS_DATASET (self), 0);

  if (self->expires == NULL || !atlas_date_parse (self->expires, &date) || !atlas_date_is_full (&date))
    return 0;

  start = g_date_time_new_utc (date.year, date.month, date.day, 0, 0, 0);
  return start != NULL ? g_date_time_to_unix (start) : 0;
}

/* Data past its expiry is still shown, but may be out of date: the
 * publisher meant to have replaced it by then. */
gboolean
atlas_dataset_is_expired (AtlasDataset *self,
                          GDateTime    *now)
{
  gint64 expiry;

  g_return_val_if_fail (ATLAS_IS_DATASET (self), FALSE);
  g_return_val_if_fail (now != NULL, FALSE);

  expiry = atlas_dataset_get_expiry_time (self);
  return expiry != 0 && g_date_time_to_unix (now) >= expiry;
}

GListModel *
atlas_dataset_get_countries (AtlasDataset *self)
{
  g_return_val_if_fail (ATLAS_IS_DATASET (self), NULL);

  return G_LIST_MODEL (self->countries);
}

GListModel *
atlas_dataset_get_sources (AtlasDataset *self)
{
  g_return_val_if_fail (ATLAS_IS_DATASET (self), NULL);

  return G_LIST_MODEL (self->sources);
}

GListModel *
atlas_dataset_get_cell_sources (AtlasDataset *self)
{
  g_return_val_if_fail (ATLAS_IS_DATASET (self), NULL);

  return G_LIST_MODEL (self->cell_sources);
}

GListModel *
atlas_dataset_get_therapy_types (AtlasDataset *self)
{
  g_return_val_if_fail (ATLAS_IS_DATASET (self), NULL);

  return G_LIST_MODEL (self->therapy_types);
}

GListModel *
atlas_dataset_get_conditions (AtlasDataset *self)
{
  g_return_val_if_fail (ATLAS_IS_DATASET (self), NULL);

  return G_LIST_MODEL (self->conditions);
}

GListModel *
atlas_dataset_get_guidance (AtlasDataset *self)
{
  g_return_val_if_fail (ATLAS_IS_DATASET (self), NULL);

  return G_LIST_MODEL (self->guidance);
}

guint
atlas_dataset_count_products (AtlasDataset *self)
{
  g_return_val_if_fail (ATLAS_IS_DATASET (self), 0);

  return g_hash_table_size (self->product_index);
}

AtlasCountry *
atlas_dataset_lookup_country (AtlasDataset *self,
                              const char   *id)
{
  g_return_val_if_fail (ATLAS_IS_DATASET (self), NULL);

  return id ? g_hash_table_lookup (self->country_index, id) : NULL;
}

AtlasSource *
atlas_dataset_lookup_source (AtlasDataset *self,
                             const char   *id)
{
  g_return_val_if_fail (ATLAS_IS_DATASET (self), NULL);

  return id ? g_hash_table_lookup (self->source_index, id) : NULL;
}

AtlasProduct *
atlas_dataset_lookup_product (AtlasDataset *self,
                              const char   *id)
{
  g_return_val_if_fail (ATLAS_IS_DATASET (self), NULL);

  return id ? g_hash_table_lookup (self->product_index, id) : NULL;
}

AtlasCellSource *
atlas_dataset_lookup_cell_source (AtlasDataset *self,
                                  const char   *id)
{
  g_return_val_if_fail (ATLAS_IS_DATASET (self), NULL);

  return id ? g_hash_table_lookup (self->cell_source_index, id) : NULL;
}

AtlasCondition *
atlas_dataset_lookup_condition (AtlasDataset *self,
                                const char   *id)
{
  g_return_val_if_fail (ATLAS_IS_DATASET (self), NULL);

  return id ? g_hash_table_lookup (self->condition_index, id) : NULL;
}

AtlasCountry *
atlas_dataset_find_product_country (AtlasDataset *self,
                                    const char   *product_id)
{
  AtlasProduct *product;

  g_return_val_if_fail (ATLAS_IS_DATASET (self), NULL);

  product = product_id ? g_hash_table_lookup (self->product_index, product_id) : NULL;

  /* The dataset owns the country, so it lives as long as the caller holds
   * the dataset. */
  return product != NULL ? atlas_product_get_country_unowned (product) : NULL;
}

/* A country's products as "id=status@date;…": equal fingerprints mean the
 * reader would see the same statuses. */
static char *
product_fingerprint (AtlasCountry *country)
{
  GListModel *products = atlas_country_get_products (country);
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (products); i++)
    {
      g_autoptr(AtlasProduct) product = g_list_model_get_item (products, i);

      g_string_append_printf (text, "%s=%d@%s;", atlas_product_get_id (product),
                              atlas_product_get_status (product), atlas_product_get_status_date (product));
    }

  return g_string_free (g_steal_pointer (&text), FALSE);
}

static gboolean
country_changed (AtlasCountry *before,
                 AtlasCountry *after)
{
  g_autofree char *products_before = NULL;
  g_autofree char *products_after = NULL;

  if (before == NULL || after == NULL)
    return TRUE;
  if (g_strcmp0 (atlas_country_get_reviewed (before), atlas_country_get_reviewed (after)) != 0 ||
      g_strcmp0 (atlas_country_get_summary (before), atlas_country_get_summary (after)) != 0)
    return TRUE;

  products_before = product_fingerprint (before);
  products_after = product_fingerprint (after);
  return g_strcmp0 (products_before, products_after) != 0;
}

/* How many countries were added, removed, re-reviewed or changed products
 * between two datasets: what a reader is told after a refresh. */
guint
atlas_dataset_count_changed_countries (AtlasDataset *before,
                                       AtlasDataset *after)
{
  guint n_changed = 0;
  guint n_before, n_after;

  g_return_val_if_fail (ATLAS_IS_DATASET (before), 0);
  g_return_val_if_fail (ATLAS_IS_DATASET (after), 0);

  n_before = g_list_model_get_n_items (G_LIST_MODEL (before->countries));
  n_after = g_list_model_get_n_items (G_LIST_MODEL (after->countries));

  for (guint i = 0; i < n_after; i++)
    {
      g_autoptr(AtlasCountry) country = g_list_model_get_item (G_LIST_MODEL (after->countries), i);

      if (country_changed (atlas_dataset_lookup_country (before, atlas_country_get_id (country)), country))
        n_changed++;
    }

  /* Countries that are gone changed too. */
  for (guint i = 0; i < n_before; i++)
    {
      g_autoptr(AtlasCountry) country = g_list_model_get_item (G_LIST_MODEL (before->countries), i);

      if (atlas_dataset_lookup_country (after, atlas_country_get_id (country)) == NULL)
        n_changed++;
    }

  return n_changed;
}
