/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

typedef enum {
  /* The head of a column (a country, a therapy type). */
  ATLAS_SIDE_BY_SIDE_HEADER,
  /* The title of a row (a topic). */
  ATLAS_SIDE_BY_SIDE_TITLE,
  /* A row's value for one column. */
  ATLAS_SIDE_BY_SIDE_CELL,
} AtlasSideBySidePart;

#define ATLAS_TYPE_SIDE_BY_SIDE (atlas_side_by_side_get_type ())
G_DECLARE_FINAL_TYPE (AtlasSideBySide, atlas_side_by_side, ATLAS, SIDE_BY_SIDE, GtkWidget)

/* Makes the widget for one part of the table. @stacked tells which layout
 * it is for: each part is made once for the table and once for the stacked
 * layout. In the stacked layout a header is made for every row (@row is
 * the row it heads); in the table @row is 0 for headers. @column is 0 for
 * titles. */
typedef GtkWidget *(*AtlasSideBySideFunc) (AtlasSideBySide     *self,
                                           AtlasSideBySidePart  part,
                                           guint                row,
                                           guint                column,
                                           gboolean             stacked,
                                           gpointer             user_data);

GtkWidget *atlas_side_by_side_new              (void);

void       atlas_side_by_side_set_content      (AtlasSideBySide     *self,
                                                guint                n_rows,
                                                guint                n_columns,
                                                AtlasSideBySideFunc  func,
                                                gpointer             user_data);
guint      atlas_side_by_side_get_n_rows       (AtlasSideBySide     *self);
guint      atlas_side_by_side_get_n_columns    (AtlasSideBySide     *self);
gboolean   atlas_side_by_side_get_stacked      (AtlasSideBySide     *self);
GtkWidget *atlas_side_by_side_get_part         (AtlasSideBySide     *self,
                                                AtlasSideBySidePart  part,
                                                guint                row,
                                                guint                column);

G_END_DECLS
