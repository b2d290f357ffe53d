/* SPDX-License-Identifier: GPL-3.0-or-later */
/* AtlasItemList: a list model that is filled once by the loader, then never
 * changes. A GListStore keeps each item in a GSequence node (48 bytes);
 * this keeps a pointer (8), which for 100,000 products and 50,000
 * milestones is 6 MB less. Being sealed, it never emits items-changed. */

#include "config.h"

#include "atlas-item-list.h"

struct _AtlasItemList
{
  GObject parent_instance;

  GType item_type;
  gpointer *items;
  guint n_items;
  guint allocated;
  gboolean sealed;
};

static GType
atlas_item_list_get_item_type (GListModel *model)
{
  return ATLAS_ITEM_LIST (model)->item_type;
}

static guint
atlas_item_list_get_n_items (GListModel *model)
{
  return ATLAS_ITEM_LIST (model)->n_items;
}

static gpointer
atlas_item_list_get_item (GListModel *model,
                          guint       position)
{
  AtlasItemList *self = ATLAS_ITEM_LIST (model);

  if (position >= self->n_items)
    return NULL;

  return g_object_ref (self->items[position]);
}

static void
atlas_item_list_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = atlas_item_list_get_item_type;
  iface->get_n_items = atlas_item_list_get_n_items;
  iface->get_item = atlas_item_list_get_item;
}

G_DEFINE_FINAL_TYPE_WITH_CODE (AtlasItemList, atlas_item_list, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, atlas_item_list_list_model_init))

static void
atlas_item_list_finalize (GObject *object)
{
  AtlasItemList *self = ATLAS_ITEM_LIST (object);

  for (guint i = 0; i < self->n_items; i++)
    g_object_unref (self->items[i]);
  g_free (self->items);

  G_OBJECT_CLASS (atlas_item_list_parent_class)->finalize (object);
}

static void
atlas_item_list_class_init (AtlasItemListClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = atlas_item_list_finalize;
}

static void
atlas_item_list_init (AtlasItemList *self)
{
  (void) self;
}

AtlasItemList *
atlas_item_list_new (GType item_type)
{
  AtlasItemList *self;

  g_return_val_if_fail (g_type_is_a (item_type, G_TYPE_OBJECT), NULL);

  self = g_object_new (ATLAS_TYPE_ITEM_LIST, NULL);
  self->item_type = item_type;

  return self;
}

/* Adds @item at the end; only before the list is sealed. */
void
atlas_item_list_append (AtlasItemList *self,
                        gpointer       item)
{
  g_return_if_fail (ATLAS_IS_ITEM_LIST (self));
  g_return_if_fail (!self->sealed);
  g_return_if_fail (G_TYPE_CHECK_INSTANCE_TYPE (item, self->item_type));

  if (self->n_items == self->allocated)
    {
      self->allocated = MAX (4, self->allocated * 2);
      self->items = g_renew (gpointer, self->items, self->allocated);
    }
  self->items[self->n_items++] = g_object_ref (item);
}

/* No more items: gives back the room kept for more. */
void
atlas_item_list_seal (AtlasItemList *self)
{
  g_return_if_fail (ATLAS_IS_ITEM_LIST (self));

  self->sealed = TRUE;
  if (self->allocated > self->n_items)
    {
      self->allocated = self->n_items;
      self->items = g_renew (gpointer, self->items, self->allocated);
    }
}
