/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/* Makes the row for one item of the pager's model. */
typedef GtkWidget *(*AtlasRowPagerMakeRow) (gpointer item,
                                            gpointer user_data);
/* Makes the row at @position, for lists that are not a model. */
typedef GtkWidget *(*AtlasRowPagerMakeRowAt) (guint    position,
                                              gpointer user_data);

#define ATLAS_TYPE_ROW_PAGER (atlas_row_pager_get_type ())
G_DECLARE_FINAL_TYPE (AtlasRowPager, atlas_row_pager, ATLAS, ROW_PAGER, GObject)

AtlasRowPager *atlas_row_pager_attach      (GtkWidget            *container,
                                            GListModel           *items,
                                            guint                 page_size,
                                            AtlasRowPagerMakeRow  make_row,
                                            gpointer              user_data);
AtlasRowPager *atlas_row_pager_attach_n    (GtkWidget            *container,
                                            guint                 n_items,
                                            guint                 page_size,
                                            AtlasRowPagerMakeRowAt make_row_at,
                                            gpointer              user_data,
                                            GDestroyNotify        destroy);
AtlasRowPager *atlas_row_pager_get_for     (GtkWidget            *container);
void           atlas_row_pager_remove      (GtkWidget            *container);
guint          atlas_row_pager_get_n_shown (AtlasRowPager        *self);
guint          atlas_row_pager_get_n_items (AtlasRowPager        *self);
GtkWidget     *atlas_row_pager_get_more_row (AtlasRowPager       *self);
void           atlas_row_pager_show_more   (AtlasRowPager        *self);

G_END_DECLS
