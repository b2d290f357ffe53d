/* SPDX-License-Identifier: GPL-3.0-or-later */
/* AtlasProduct: A stem-cell product authorised in one country, with its dated status history. */

#include "config.h"

#include "atlas-intern.h"
#include "atlas-model-private.h"
#include "atlas-product.h"

struct _AtlasProduct
{
  GObject parent_instance;

  /* In one block once constructed (atlas_pack_strings()). */
  char *strings;
  char *id;
  char *name;
  char *generic_name;
  char *note;
  /* Strings a large dataset repeats are shared (atlas-intern.c). */
  char *sponsor;
  char *cell_source_id;
  char *indication;
  char **condition_ids;
  char **source_ids;
  AtlasOrigin origin;

  /* Oldest first, dates and source ids shared; the loader guarantees at
   * least one. One block: most products have one or two changes. */
  AtlasStatusChange *history;
  guint n_history;

  /* Not a reference: the country owns the product (set when it is added). */
  AtlasCountry *country;
};

G_DEFINE_FINAL_TYPE (AtlasProduct, atlas_product, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_NAME,
  PROP_GENERIC_NAME,
  PROP_SPONSOR,
  PROP_CELL_SOURCE_ID,
  PROP_ORIGIN,
  PROP_INDICATION,
  PROP_CONDITION_IDS,
  PROP_NOTE,
  PROP_SOURCE_IDS,
  PROP_STATUS,
  PROP_STATUS_DATE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
atlas_product_finalize (GObject *object)
{
  AtlasProduct *self = ATLAS_PRODUCT (object);

  g_clear_pointer (&self->strings, g_free);
  g_clear_pointer (&self->sponsor, atlas_intern_release);
  g_clear_pointer (&self->cell_source_id, atlas_intern_release);
  g_clear_pointer (&self->indication, atlas_intern_release);
  g_clear_pointer (&self->condition_ids, atlas_intern_release_strv);
  g_clear_pointer (&self->source_ids, atlas_intern_release_strv);

  for (guint i = 0; i < self->n_history; i++)
    {
      atlas_intern_release (self->history[i].date);
      g_free (self->history[i].note);
      atlas_intern_release_strv (self->history[i].source_ids);
    }
  g_clear_pointer (&self->history, g_free);

  G_OBJECT_CLASS (atlas_product_parent_class)->finalize (object);
}

static void
atlas_product_constructed (GObject *object)
{
  AtlasProduct *self = ATLAS_PRODUCT (object);
  char **fields[] = { &self->id, &self->name, &self->generic_name, &self->note };

  G_OBJECT_CLASS (atlas_product_parent_class)->constructed (object);

  self->strings = atlas_pack_strings (fields, G_N_ELEMENTS (fields));
}

static void
atlas_product_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  AtlasProduct *self = ATLAS_PRODUCT (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;

    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;

    case PROP_GENERIC_NAME:
      g_value_set_string (value, self->generic_name);
      break;

    case PROP_SPONSOR:
      g_value_set_string (value, self->sponsor);
      break;

    case PROP_CELL_SOURCE_ID:
      g_value_set_string (value, self->cell_source_id);
      break;

    case PROP_ORIGIN:
      g_value_set_enum (value, self->origin);
      break;

    case PROP_INDICATION:
      g_value_set_string (value, self->indication);
      break;

    case PROP_CONDITION_IDS:
      g_value_set_boxed (value, self->condition_ids);
      break;

    case PROP_NOTE:
      g_value_set_string (value, self->note);
      break;

    case PROP_SOURCE_IDS:
      g_value_set_boxed (value, self->source_ids);
      break;

    case PROP_STATUS:
      g_value_set_enum (value, atlas_product_get_status (self));
      break;

    case PROP_STATUS_DATE:
      g_value_set_string (value, atlas_product_get_status_date (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
atlas_product_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  AtlasProduct *self = ATLAS_PRODUCT (object);

  switch (prop_id)
    {
    case PROP_ID:
      self->id = g_value_dup_string (value);
      break;

    case PROP_NAME:
      self->name = g_value_dup_string (value);
      break;

    case PROP_GENERIC_NAME:
      self->generic_name = g_value_dup_string (value);
      break;

    case PROP_SPONSOR:
      self->sponsor = atlas_intern (g_value_get_string (value));
      break;

    case PROP_CELL_SOURCE_ID:
      self->cell_source_id = atlas_intern (g_value_get_string (value));
      break;

    case PROP_ORIGIN:
      self->origin = g_value_get_enum (value);
      break;

    case PROP_INDICATION:
      self->indication = atlas_intern (g_value_get_string (value));
      break;

    case PROP_CONDITION_IDS:
      self->condition_ids = atlas_intern_strv (g_value_get_boxed (value));
      break;

    case PROP_NOTE:
      self->note = g_value_dup_string (value);
      break;

    case PROP_SOURCE_IDS:
      self->source_ids = atlas_intern_strv (g_value_get_boxed (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
atlas_product_class_init (AtlasProductClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = atlas_product_constructed;
  object_class->finalize = atlas_product_finalize;
  object_class->get_property = atlas_product_get_property;
  object_class->set_property = atlas_product_set_property;

  properties[PROP_ID] =
    g_param_spec_string ("id", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_GENERIC_NAME] =
    g_param_spec_string ("generic-name", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SPONSOR] =
    g_param_spec_string ("sponsor", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CELL_SOURCE_ID] =
    g_param_spec_string ("cell-source-id", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ORIGIN] =
    g_param_spec_enum ("origin", NULL, NULL, ATLAS_TYPE_ORIGIN, ATLAS_ORIGIN_AUTOLOGOUS,
                       G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_INDICATION] =
    g_param_spec_string ("indication", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CONDITION_IDS] =
    g_param_spec_boxed ("condition-ids", NULL, NULL, G_TYPE_STRV,
                        G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_NOTE] =
    g_param_spec_string ("note", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SOURCE_IDS] =
    g_param_spec_boxed ("source-ids", NULL, NULL, G_TYPE_STRV,
                        G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_STATUS] =
    g_param_spec_enum ("status", NULL, NULL, ATLAS_TYPE_PRODUCT_STATUS, ATLAS_PRODUCT_STATUS_APPROVED,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_STATUS_DATE] =
    g_param_spec_string ("status-date", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
atlas_product_init (AtlasProduct *self)
{
  (void) self;
}

const char *
atlas_product_get_id (AtlasProduct *self)
{
  g_return_val_if_fail (ATLAS_IS_PRODUCT (self), NULL);

  return self->id;
}

const char *
atlas_product_get_name (AtlasProduct *self)
{
  g_return_val_if_fail (ATLAS_IS_PRODUCT (self), NULL);

  return self->name;
}

const char *
atlas_product_get_generic_name (AtlasProduct *self)
{
  g_return_val_if_fail (ATLAS_IS_PRODUCT (self), NULL);

  return self->generic_name;
}

const char *
atlas_product_get_sponsor (AtlasProduct *self)
{
  g_return_val_if_fail (ATLAS_IS_PRODUCT (self), NULL);

  return self->sponsor;
}

const char *
atlas_product_get_cell_source_id (AtlasProduct *self)
{
  g_return_val_if_fail (ATLAS_IS_PRODUCT (self), NULL);

  return self->cell_source_id;
}

AtlasOrigin
atlas_product_get_origin (AtlasProduct *self)
{
  g_return_val_if_fail (ATLAS_IS_PRODUCT (self), 0);

  return self->origin;
}

const char *
atlas_product_get_indication (AtlasProduct *self)
{
  g_return_val_if_fail (ATLAS_IS_PRODUCT (self), NULL);

  return self->indication;
}

const char * const *
atlas_product_get_condition_ids (AtlasProduct *self)
{
  g_return_val_if_fail (ATLAS_IS_PRODUCT (self), NULL);

  return (const char * const *) self->condition_ids;
}

const char *
atlas_product_get_note (AtlasProduct *self)
{
  g_return_val_if_fail (ATLAS_IS_PRODUCT (self), NULL);

  return self->note;
}

const char * const *
atlas_product_get_source_ids (AtlasProduct *self)
{
  g_return_val_if_fail (ATLAS_IS_PRODUCT (self), NULL);

  return (const char * const *) self->source_ids;
}

static const AtlasStatusChange *
latest_change (AtlasProduct *self)
{
  g_return_val_if_fail (self->n_history > 0, NULL);

  return &self->history[self->n_history - 1];
}

/* The current status is the latest change: a withdrawn product stays
 * withdrawn even though it was approved once. */
AtlasProductStatus
atlas_product_get_status (AtlasProduct *self)
{
  g_return_val_if_fail (ATLAS_IS_PRODUCT (self), 0);

  return self->n_history > 0 ? latest_change (self)->status : ATLAS_PRODUCT_STATUS_WITHDRAWN;
}

const char *
atlas_product_get_status_date (AtlasProduct *self)
{
  g_return_val_if_fail (ATLAS_IS_PRODUCT (self), NULL);

  return self->n_history > 0 ? latest_change (self)->date : NULL;
}

/* The date the product was first allowed to be used outside a trial under
 * any status, or NULL. */
const char *
atlas_product_get_first_authorised_date (AtlasProduct *self)
{
  g_return_val_if_fail (ATLAS_IS_PRODUCT (self), NULL);

  for (guint i = 0; i < self->n_history; i++)
    {
      const AtlasStatusChange *change = &self->history[i];

      if (change->status != ATLAS_PRODUCT_STATUS_WITHDRAWN)
        return change->date;
    }

  return NULL;
}

guint
atlas_product_get_n_status_changes (AtlasProduct *self)
{
  g_return_val_if_fail (ATLAS_IS_PRODUCT (self), 0);

  return self->n_history;
}

const AtlasStatusChange *
atlas_product_get_status_change (AtlasProduct *self,
                                 guint         position)
{
  g_return_val_if_fail (ATLAS_IS_PRODUCT (self), NULL);
  g_return_val_if_fail (position < self->n_history, NULL);

  return &self->history[position];
}

void
atlas_product_add_status_change (AtlasProduct       *self,
                                 AtlasProductStatus  status,
                                 const char         *date,
                                 const char         *note,
                                 char              **source_ids)
{
  AtlasStatusChange *change;

  /* Only the loader adds changes, before anyone holds one. */
  self->history = g_renew (AtlasStatusChange, self->history, self->n_history + 1);
  change = &self->history[self->n_history++];
  change->status = status;
  change->date = atlas_intern (date);
  change->note = g_strdup (note);
  change->source_ids = atlas_intern_strv ((const char * const *) source_ids);
}

/* Called by atlas_country_add_product(). */
void
atlas_product_set_country (AtlasProduct *self,
                           AtlasCountry *country)
{
  self->country = country;
}

/* Returns: (transfer none) (nullable): the country the product was added to;
 * valid while that country is, which the dataset owning both keeps alive */
AtlasCountry *
atlas_product_get_country_unowned (AtlasProduct *self)
{
  g_return_val_if_fail (ATLAS_IS_PRODUCT (self), NULL);

  return self->country;
}
