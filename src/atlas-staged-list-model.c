/* SPDX-License-Identifier: GPL-3.0-or-later */
/* AtlasStagedListModel: the items of another list model, taken over a batch
 * at a time when that model changes. A list view makes a widget for each
 * new item at once: 200 countries arriving together would hold the main
 * loop for a quarter of a second. In batches, the window keeps drawing and
 * answering between them. The first items come at once, so the list never
 * shows empty; the rest follow at idle priority, below redrawing. */

#include "config.h"

#include "atlas-staged-list-model.h"

struct _AtlasStagedListModel
{
  GObject parent_instance;

  GListModel *source;
  GPtrArray *items;
  guint batch_size;
  guint idle_id;
};

enum {
  PROP_0,
  PROP_PENDING,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static GType
atlas_staged_list_model_get_item_type (GListModel *model)
{
  AtlasStagedListModel *self = ATLAS_STAGED_LIST_MODEL (model);

  return g_list_model_get_item_type (self->source);
}

static guint
atlas_staged_list_model_get_n_items (GListModel *model)
{
  return ATLAS_STAGED_LIST_MODEL (model)->items->len;
}

static gpointer
atlas_staged_list_model_get_item (GListModel *model,
                                  guint       position)
{
  AtlasStagedListModel *self = ATLAS_STAGED_LIST_MODEL (model);

  if (position >= self->items->len)
    return NULL;

  return g_object_ref (g_ptr_array_index (self->items, position));
}

static void
atlas_staged_list_model_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = atlas_staged_list_model_get_item_type;
  iface->get_n_items = atlas_staged_list_model_get_n_items;
  iface->get_item = atlas_staged_list_model_get_item;
}

G_DEFINE_FINAL_TYPE_WITH_CODE (AtlasStagedListModel, atlas_staged_list_model, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, atlas_staged_list_model_list_model_init))

/* Takes up to @n_max more items from the source. Returns how many. */
static guint
take_items (AtlasStagedListModel *self,
            guint                 n_max)
{
  guint n_source = g_list_model_get_n_items (self->source);
  guint start = self->items->len;
  guint end = MIN (n_source, start + n_max);

  for (guint i = start; i < end; i++)
    g_ptr_array_add (self->items, g_list_model_get_item (self->source, i));

  return end - start;
}

static gboolean
take_next_batch (gpointer user_data)
{
  AtlasStagedListModel *self = user_data;
  guint start = self->items->len;
  guint n_taken = take_items (self, self->batch_size);

  if (n_taken > 0)
    g_list_model_items_changed (G_LIST_MODEL (self), start, 0, n_taken);

  if (self->items->len < g_list_model_get_n_items (self->source))
    return G_SOURCE_CONTINUE;

  self->idle_id = 0;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PENDING]);
  return G_SOURCE_REMOVE;
}

/* Any change starts over: the store replaces all its items at once. */
static void
on_source_items_changed (AtlasStagedListModel *self)
{
  guint n_removed = self->items->len;
  gboolean was_pending = self->idle_id != 0;
  guint n_added;

  g_ptr_array_set_size (self->items, 0);
  n_added = take_items (self, self->batch_size);
  g_list_model_items_changed (G_LIST_MODEL (self), 0, n_removed, n_added);

  if (self->items->len < g_list_model_get_n_items (self->source))
    {
      if (!was_pending)
        {
          self->idle_id = g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, take_next_batch, self, NULL);
          g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PENDING]);
        }
      return;
    }

  if (was_pending)
    {
      g_clear_handle_id (&self->idle_id, g_source_remove);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PENDING]);
    }
}

static void
atlas_staged_list_model_dispose (GObject *object)
{
  AtlasStagedListModel *self = ATLAS_STAGED_LIST_MODEL (object);

  g_clear_handle_id (&self->idle_id, g_source_remove);
  if (self->source != NULL)
    g_signal_handlers_disconnect_by_data (self->source, self);
  g_clear_object (&self->source);
  g_ptr_array_set_size (self->items, 0);

  G_OBJECT_CLASS (atlas_staged_list_model_parent_class)->dispose (object);
}

static void
atlas_staged_list_model_finalize (GObject *object)
{
  AtlasStagedListModel *self = ATLAS_STAGED_LIST_MODEL (object);

  g_clear_pointer (&self->items, g_ptr_array_unref);

  G_OBJECT_CLASS (atlas_staged_list_model_parent_class)->finalize (object);
}

static void
atlas_staged_list_model_get_property (GObject    *object,
                                      guint       prop_id,
                                      GValue     *value,
                                      GParamSpec *pspec)
{
  AtlasStagedListModel *self = ATLAS_STAGED_LIST_MODEL (object);

  switch (prop_id)
    {
    case PROP_PENDING:
      g_value_set_boolean (value, atlas_staged_list_model_get_pending (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
atlas_staged_list_model_class_init (AtlasStagedListModelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = atlas_staged_list_model_dispose;
  object_class->finalize = atlas_staged_list_model_finalize;
  object_class->get_property = atlas_staged_list_model_get_property;

  /**
   * AtlasStagedListModel:pending:
   *
   * Whether items of the source are still to come.
   */
  properties[PROP_PENDING] =
    g_param_spec_boolean ("pending", NULL, NULL,
                          FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
atlas_staged_list_model_init (AtlasStagedListModel *self)
{
  self->items = g_ptr_array_new_with_free_func (g_object_unref);
}

/**
 * atlas_staged_list_model_new:
 * @source: the model to follow
 * @batch_size: how many items to take per main-loop iteration after a
 *   change; at least 1
 *
 * The new model has all of @source's items at once; only later changes
 * come in batches.
 *
 * Returns: (transfer full): a new model
 */
AtlasStagedListModel *
atlas_staged_list_model_new (GListModel *source,
                             guint       batch_size)
{
  AtlasStagedListModel *self;

  g_return_val_if_fail (G_IS_LIST_MODEL (source), NULL);
  g_return_val_if_fail (batch_size > 0, NULL);

  self = g_object_new (ATLAS_TYPE_STAGED_LIST_MODEL, NULL);
  self->source = g_object_ref (source);
  self->batch_size = batch_size;
  take_items (self, G_MAXUINT);
  g_signal_connect_swapped (source, "items-changed", G_CALLBACK (on_source_items_changed), self);

  return self;
}

gboolean
atlas_staged_list_model_get_pending (AtlasStagedListModel *self)
{
  g_return_val_if_fail (ATLAS_IS_STAGED_LIST_MODEL (self), FALSE);

  return self->idle_id != 0;
}
