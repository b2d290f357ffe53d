/* SPDX-License-Identifier: GPL-3.0-or-later */
/* AtlasRowPager: the rows of a long list, a page at a time. A boxed list
 * (an AdwPreferencesGroup or the rows of an AdwExpanderRow) gets a row per
 * item for the first page, then a "Show More" row that adds the next page.
 * A country with hundreds of products then costs what the reader asked to
 * see, not a widget per product on every refresh. */

#include "config.h"

#include <glib/gi18n.h>

#include "atlas-info-row.h"
#include "atlas-row-pager.h"

#define PAGER_KEY "atlas-row-pager"

struct _AtlasRowPager
{
  GObject parent_instance;

  GtkWidget *container; /* unowned: the container owns the pager */
  GListModel *items; /* or n_items and make_row_at */
  guint n_items;
  guint page_size;
  guint n_shown;
  AtlasRowPagerMakeRow make_row;
  AtlasRowPagerMakeRowAt make_row_at;
  gpointer user_data;
  GDestroyNotify destroy;

  GPtrArray *rows; /* unowned: the container owns them */
  GtkWidget *more_row;
};

G_DEFINE_FINAL_TYPE (AtlasRowPager, atlas_row_pager, G_TYPE_OBJECT)

static void
add_to_container (AtlasRowPager *self,
                  GtkWidget     *row)
{
  if (ADW_IS_EXPANDER_ROW (self->container))
    adw_expander_row_add_row (ADW_EXPANDER_ROW (self->container), row);
  else
    adw_preferences_group_add (ADW_PREFERENCES_GROUP (self->container), row);
}

static void
remove_from_container (AtlasRowPager *self,
                       GtkWidget     *row)
{
  if (ADW_IS_EXPANDER_ROW (self->container))
    adw_expander_row_remove (ADW_EXPANDER_ROW (self->container), row);
  else
    adw_preferences_group_remove (ADW_PREFERENCES_GROUP (self->container), row);
}

static void
update_more_row (AtlasRowPager *self)
{
  guint n_items = self->n_items;
  guint n_next = MIN (self->page_size, n_items - self->n_shown);
  g_autofree char *title = NULL;
  g_autofree char *subtitle = NULL;

  /* Translators: a row that adds the next rows of a long list, e.g. "Show 25 More". */
  title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Show %u More", "Show %u More", n_next), n_next);
  /* Translators: how much of a long list is shown, e.g. "25 of 500 shown". */
  subtitle = g_strdup_printf (_("%u of %u shown"), self->n_shown, n_items);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->more_row), title);
  atlas_info_row_set_subtitle (ATLAS_INFO_ROW (self->more_row), subtitle);
}

static GtkWidget *
make_more_row (AtlasRowPager *self)
{
  GtkWidget *row = GTK_WIDGET (atlas_info_row_new (NULL, NULL));

  gtk_widget_add_css_class (row, "show-more");
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  atlas_info_row_add_suffix_icon (ATLAS_INFO_ROW (row), "go-down-symbolic");
  g_signal_connect_object (row, "activated", G_CALLBACK (atlas_row_pager_show_more), self,
                           G_CONNECT_SWAPPED);

  return row;
}

static GtkWidget *
make_row_for (AtlasRowPager *self,
              guint          position)
{
  g_autoptr(GObject) item = NULL;

  if (self->items == NULL)
    return self->make_row_at (position, self->user_data);

  item = g_list_model_get_item (self->items, position);
  return self->make_row (item, self->user_data);
}

static void
atlas_row_pager_finalize (GObject *object)
{
  AtlasRowPager *self = ATLAS_ROW_PAGER (object);

  g_clear_object (&self->items);
  g_clear_pointer (&self->rows, g_ptr_array_unref);
  if (self->destroy != NULL)
    g_clear_pointer (&self->user_data, self->destroy);

  G_OBJECT_CLASS (atlas_row_pager_parent_class)->finalize (object);
}

static void
atlas_row_pager_class_init (AtlasRowPagerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = atlas_row_pager_finalize;
}

static void
atlas_row_pager_init (AtlasRowPager *self)
{
  self->rows = g_ptr_array_new ();
}

static AtlasRowPager *
attach (GtkWidget *container,
        guint      n_items,
        guint      page_size)
{
  AtlasRowPager *self = g_object_new (ATLAS_TYPE_ROW_PAGER, NULL);

  self->container = container;
  self->n_items = n_items;
  self->page_size = page_size;
  g_object_set_data_full (G_OBJECT (container), PAGER_KEY, self, g_object_unref);

  return self;
}

/**
 * atlas_row_pager_attach:
 * @container: an AdwPreferencesGroup or an AdwExpanderRow, which owns the pager
 * @items: the items, one row each; their number must not change
 * @page_size: how many rows to add at a time; at least 1
 * @make_row: makes an item's row
 * @user_data: for @make_row; must outlive @container
 *
 * Adds the first page of rows to @container, and a "Show More" row below
 * them when there are more items.
 *
 * Returns: (transfer none): the pager
 */
AtlasRowPager *
atlas_row_pager_attach (GtkWidget            *container,
                        GListModel           *items,
                        guint                 page_size,
                        AtlasRowPagerMakeRow  make_row,
                        gpointer              user_data)
{
  AtlasRowPager *self;

  g_return_val_if_fail (ADW_IS_PREFERENCES_GROUP (container) || ADW_IS_EXPANDER_ROW (container), NULL);
  g_return_val_if_fail (G_IS_LIST_MODEL (items), NULL);
  g_return_val_if_fail (page_size > 0, NULL);
  g_return_val_if_fail (make_row != NULL, NULL);
  g_return_val_if_fail (atlas_row_pager_get_for (container) == NULL, NULL);

  self = attach (container, g_list_model_get_n_items (items), page_size);
  self->items = g_object_ref (items);
  self->make_row = make_row;
  self->user_data = user_data;

  atlas_row_pager_show_more (self);

  return self;
}

/**
 * atlas_row_pager_attach_n:
 * @container: an AdwPreferencesGroup or an AdwExpanderRow, which owns the pager
 * @n_items: how many rows there are
 * @page_size: how many rows to add at a time; at least 1
 * @make_row_at: makes the row at a position
 * @user_data: for @make_row_at
 * @destroy: (nullable): frees @user_data with the pager
 *
 * As atlas_row_pager_attach(), for rows that come from positions.
 *
 * Returns: (transfer none): the pager
 */
AtlasRowPager *
atlas_row_pager_attach_n (GtkWidget              *container,
                          guint                   n_items,
                          guint                   page_size,
                          AtlasRowPagerMakeRowAt  make_row_at,
                          gpointer                user_data,
                          GDestroyNotify          destroy)
{
  AtlasRowPager *self;

  g_return_val_if_fail (ADW_IS_PREFERENCES_GROUP (container) || ADW_IS_EXPANDER_ROW (container), NULL);
  g_return_val_if_fail (page_size > 0, NULL);
  g_return_val_if_fail (make_row_at != NULL, NULL);
  g_return_val_if_fail (atlas_row_pager_get_for (container) == NULL, NULL);

  self = attach (container, n_items, page_size);
  self->make_row_at = make_row_at;
  self->user_data = user_data;
  self->destroy = destroy;

  atlas_row_pager_show_more (self);

  return self;
}

/* Returns: (transfer none) (nullable): the pager attached to @container */
AtlasRowPager *
atlas_row_pager_get_for (GtkWidget *container)
{
  g_return_val_if_fail (GTK_IS_WIDGET (container), NULL);

  return g_object_get_data (G_OBJECT (container), PAGER_KEY);
}

/**
 * atlas_row_pager_remove:
 * @container: a container with or without a pager
 *
 * Removes the rows a pager added to @container, and the pager.
 */
void
atlas_row_pager_remove (GtkWidget *container)
{
  AtlasRowPager *self;

  g_return_if_fail (GTK_IS_WIDGET (container));

  self = atlas_row_pager_get_for (container);
  if (self == NULL)
    return;

  for (guint i = 0; i < self->rows->len; i++)
    remove_from_container (self, g_ptr_array_index (self->rows, i));
  if (self->more_row != NULL)
    remove_from_container (self, g_steal_pointer (&self->more_row));

  g_object_set_data (G_OBJECT (container), PAGER_KEY, NULL);
}

guint
atlas_row_pager_get_n_shown (AtlasRowPager *self)
{
  g_return_val_if_fail (ATLAS_IS_ROW_PAGER (self), 0);

  return self->n_shown;
}

guint
atlas_row_pager_get_n_items (AtlasRowPager *self)
{
  g_return_val_if_fail (ATLAS_IS_ROW_PAGER (self), 0);

  return self->n_items;
}

/* Returns: (transfer none) (nullable): the "Show More" row, if there are
 * items not shown yet */
GtkWidget *
atlas_row_pager_get_more_row (AtlasRowPager *self)
{
  g_return_val_if_fail (ATLAS_IS_ROW_PAGER (self), NULL);

  return self->more_row;
}

/**
 * atlas_row_pager_show_more:
 *
 * Adds the next page of rows. The first of them takes the focus from the
 * "Show More" row, so the keyboard carries on where the reader was.
 */
void
atlas_row_pager_show_more (AtlasRowPager *self)
{
  guint n_items;
  guint end;
  gboolean had_focus;
  GtkWidget *first_new = NULL;

  g_return_if_fail (ATLAS_IS_ROW_PAGER (self));

  n_items = self->n_items;
  end = MIN (n_items, self->n_shown + self->page_size);
  had_focus = self->more_row != NULL && gtk_widget_is_focus (self->more_row);

  /* Both containers only append: the "Show More" row goes, then comes back last. */
  if (self->more_row != NULL)
    remove_from_container (self, g_steal_pointer (&self->more_row));

  for (; self->n_shown < end; self->n_shown++)
    {
      GtkWidget *row = make_row_for (self, self->n_shown);

      add_to_container (self, row);
      g_ptr_array_add (self->rows, row);
      if (first_new == NULL)
        first_new = row;
    }

  if (self->n_shown < n_items)
    {
      self->more_row = make_more_row (self);
      update_more_row (self);
      add_to_container (self, self->more_row);
    }

  /* An expander row takes the focus only into its header. */
  if (had_focus && first_new != NULL && !gtk_widget_grab_focus (first_new))
    gtk_widget_child_focus (first_new, GTK_DIR_TAB_FORWARD);
}
