/* SPDX-License-Identifier: GPL-3.0-or-later */
/* AtlasCountry: A country or region (the EU): its summary and the sections of its page. */

#include "config.h"

#include "atlas-country.h"
#include "atlas-item-list.h"
#include "atlas-entry.h"
#include "atlas-model-private.h"
#include "atlas-product.h"

struct _AtlasCountry
{
  GObject parent_instance;

  char *id;
  char *name;
  char *flag;
  AtlasCountryKind kind;
  char **member_of;
  char *summary;
  char **strengths;
  char *reviewed;
  char *no_products_note;

  AtlasItemList *sections[ATLAS_N_SECTIONS];
  AtlasItemList *products;

  /* The name in the reader's language (iso-codes), else the English one. */
  char *display_name;
  /* Case-folded text the sidebar search matches against. */
  char *search_text;
};

G_DEFINE_FINAL_TYPE (AtlasCountry, atlas_country, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_NAME,
  PROP_FLAG,
  PROP_KIND,
  PROP_MEMBER_OF,
  PROP_SUMMARY,
  PROP_STRENGTHS,
  PROP_REVIEWED,
  PROP_NO_PRODUCTS_NOTE,
  PROP_DISPLAY_NAME,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
atlas_country_finalize (GObject *object)
{
  AtlasCountry *self = ATLAS_COUNTRY (object);

  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->flag, g_free);
  g_clear_pointer (&self->member_of, g_strfreev);
  g_clear_pointer (&self->summary, g_free);
  g_clear_pointer (&self->strengths, g_strfreev);
  g_clear_pointer (&self->reviewed, g_free);
  g_clear_pointer (&self->no_products_note, g_free);
  g_clear_pointer (&self->search_text, g_free);
  g_clear_pointer (&self->display_name, g_free);
  for (guint i = 0; i < ATLAS_N_SECTIONS; i++)
    g_clear_object (&self->sections[i]);
  g_clear_object (&self->products);

  G_OBJECT_CLASS (atlas_country_parent_class)->finalize (object);
}

static void
atlas_country_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  AtlasCountry *self = ATLAS_COUNTRY (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;

    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;

    case PROP_FLAG:
      g_value_set_string (value, self->flag);
      break;

    case PROP_KIND:
      g_value_set_enum (value, self->kind);
      break;

    case PROP_MEMBER_OF:
      g_value_set_boxed (value, self->member_of);
      break;

    case PROP_SUMMARY:
      g_value_set_string (value, self->summary);
      break;

    case PROP_STRENGTHS:
      g_value_set_boxed (value, self->strengths);
      break;

    case PROP_REVIEWED:
      g_value_set_string (value, self->reviewed);
      break;

    case PROP_NO_PRODUCTS_NOTE:
      g_value_set_string (value, self->no_products_note);
      break;

    case PROP_DISPLAY_NAME:
      g_value_set_string (value, atlas_country_get_display_name (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
atlas_country_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  AtlasCountry *self = ATLAS_COUNTRY (object);

  switch (prop_id)
    {
    case PROP_ID:
      self->id = g_value_dup_string (value);
      break;

    case PROP_NAME:
      self->name = g_value_dup_string (value);
      break;

    case PROP_FLAG:
      self->flag = g_value_dup_string (value);
      break;

    case PROP_KIND:
      self->kind = g_value_get_enum (value);
      break;

    case PROP_MEMBER_OF:
      self->member_of = g_value_dup_boxed (value);
      break;

    case PROP_SUMMARY:
      self->summary = g_value_dup_string (value);
      break;

    case PROP_STRENGTHS:
      self->strengths = g_value_dup_boxed (value);
      break;

    case PROP_REVIEWED:
      self->reviewed = g_value_dup_string (value);
      break;

    case PROP_NO_PRODUCTS_NOTE:
      self->no_products_note = g_value_dup_string (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
atlas_country_class_init (AtlasCountryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = atlas_country_finalize;
  object_class->get_property = atlas_country_get_property;
  object_class->set_property = atlas_country_set_property;

  properties[PROP_ID] =
    g_param_spec_string ("id", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_FLAG] =
    g_param_spec_string ("flag", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_KIND] =
    g_param_spec_enum ("kind", NULL, NULL, ATLAS_TYPE_COUNTRY_KIND, ATLAS_COUNTRY_KIND_COUNTRY,
                       G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_MEMBER_OF] =
    g_param_spec_boxed ("member-of", NULL, NULL, G_TYPE_STRV,
                        G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SUMMARY] =
    g_param_spec_string ("summary", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_STRENGTHS] =
    g_param_spec_boxed ("strengths", NULL, NULL, G_TYPE_STRV,
                        G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_REVIEWED] =
    g_param_spec_string ("reviewed", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_NO_PRODUCTS_NOTE] =
    g_param_spec_string ("no-products-note", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_DISPLAY_NAME] =
    g_param_spec_string ("display-name", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
atlas_country_init (AtlasCountry *self)
{
  for (guint i = 0; i < ATLAS_N_SECTIONS; i++)
    self->sections[i] = atlas_item_list_new (ATLAS_TYPE_ENTRY);
  self->products = atlas_item_list_new (ATLAS_TYPE_PRODUCT);
}

const char *
atlas_country_get_id (AtlasCountry *self)
{
  g_return_val_if_fail (ATLAS_IS_COUNTRY (self), NULL);

  return self->id;
}

const char *
atlas_country_get_name (AtlasCountry *self)
{
  g_return_val_if_fail (ATLAS_IS_COUNTRY (self), NULL);

  return self->name;
}

const char *
atlas_country_get_flag (AtlasCountry *self)
{
  g_return_val_if_fail (ATLAS_IS_COUNTRY (self), NULL);

  return self->flag;
}

AtlasCountryKind
atlas_country_get_kind (AtlasCountry *self)
{
  g_return_val_if_fail (ATLAS_IS_COUNTRY (self), 0);

  return self->kind;
}

const char * const *
atlas_country_get_member_of (AtlasCountry *self)
{
  g_return_val_if_fail (ATLAS_IS_COUNTRY (self), NULL);

  return (const char * const *) self->member_of;
}

const char *
atlas_country_get_summary (AtlasCountry *self)
{
  g_return_val_if_fail (ATLAS_IS_COUNTRY (self), NULL);

  return self->summary;
}

const char * const *
atlas_country_get_strengths (AtlasCountry *self)
{
  g_return_val_if_fail (ATLAS_IS_COUNTRY (self), NULL);

  return (const char * const *) self->strengths;
}

const char *
atlas_country_get_reviewed (AtlasCountry *self)
{
  g_return_val_if_fail (ATLAS_IS_COUNTRY (self), NULL);

  return self->reviewed;
}

const char *
atlas_country_get_no_products_note (AtlasCountry *self)
{
  g_return_val_if_fail (ATLAS_IS_COUNTRY (self), NULL);

  return self->no_products_note;
}

GListModel *
atlas_country_get_section (AtlasCountry *self,
                           AtlasSection  section)
{
  g_return_val_if_fail (ATLAS_IS_COUNTRY (self), NULL);
  g_return_val_if_fail (section < ATLAS_N_SECTIONS, NULL);

  return G_LIST_MODEL (self->sections[section]);
}

GListModel *
atlas_country_get_products (AtlasCountry *self)
{
  g_return_val_if_fail (ATLAS_IS_COUNTRY (self), NULL);

  return G_LIST_MODEL (self->products);
}

guint
atlas_country_count_products (AtlasCountry       *self,
                              AtlasProductStatus  status)
{
  guint n_items, count = 0;

  g_return_val_if_fail (ATLAS_IS_COUNTRY (self), 0);

  n_items = g_list_model_get_n_items (G_LIST_MODEL (self->products));
  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(AtlasProduct) product = g_list_model_get_item (G_LIST_MODEL (self->products), i);

      if (atlas_product_get_status (product) == status)
        count++;
    }

  return count;
}

/* The strengths as one line for the sidebar, e.g. "iPSC research · Conditional approvals". */
char *
atlas_country_dup_strengths_line (AtlasCountry *self)
{
  g_return_val_if_fail (ATLAS_IS_COUNTRY (self), NULL);

  return g_strjoinv (" · ", self->strengths);
}

/* Whether the country's name, code, strengths or product names contain
 * @folded_query, which the caller has passed through g_utf8_casefold(). */
gboolean
atlas_country_matches (AtlasCountry *self,
                       const char   *folded_query)
{
  g_return_val_if_fail (ATLAS_IS_COUNTRY (self), FALSE);

  if (folded_query == NULL || *folded_query == '\0')
    return TRUE;

  return strstr (self->search_text, folded_query) != NULL;
}

void
atlas_country_add_entry (AtlasCountry *self,
                         AtlasSection  section,
                         AtlasEntry   *entry)
{
  atlas_item_list_append (self->sections[section], entry);
}

void
atlas_country_add_product (AtlasCountry *self,
                           AtlasProduct *product)
{
  atlas_item_list_append (self->products, product);
  atlas_product_set_country (product, self);
}

/* Called by the loader before atlas_country_seal(). */
void
atlas_country_set_display_name (AtlasCountry *self,
                                const char   *display_name)
{
  g_free (self->display_name);
  self->display_name = g_strdup (display_name);
}

/* The name to show: localized where iso-codes (or our own catalogue, for
 * the EU) has a translation. Sort and show by this; the data keeps English. */
const char *
atlas_country_get_display_name (AtlasCountry *self)
{
  g_return_val_if_fail (ATLAS_IS_COUNTRY (self), NULL);

  return self->display_name ? self->display_name : self->name;
}

/* Called once by the loader when the country is complete. */
void
atlas_country_seal (AtlasCountry *self)
{
  g_autoptr(GString) text = g_string_new (NULL);
  guint n_products = g_list_model_get_n_items (G_LIST_MODEL (self->products));
  g_autofree char *strengths = atlas_country_dup_strengths_line (self);

  if (self->display_name == NULL)
    self->display_name = g_strdup (self->name);
  g_string_append_printf (text, "%s\n%s\n%s\n%s\n", self->display_name, self->name, self->id, strengths);
  for (guint i = 0; i < n_products; i++)
    {
      g_autoptr(AtlasProduct) product = g_list_model_get_item (G_LIST_MODEL (self->products), i);
      const char *generic = atlas_product_get_generic_name (product);

      g_string_append_printf (text, "%s\n%s\n", atlas_product_get_name (product), generic ? generic : "");
    }

  g_free (self->search_text);
  self->search_text = g_utf8_casefold (text->str, -1);
  /* The case folding grows a GString: keep only what it holds. */
  self->search_text = g_realloc (self->search_text, strlen (self->search_text) + 1);

  atlas_item_list_seal (self->products);
  for (guint i = 0; i < ATLAS_N_SECTIONS; i++)
    atlas_item_list_seal (self->sections[i]);
}
