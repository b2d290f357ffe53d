/* SPDX-License-Identifier: GPL-3.0-or-later */
/* AtlasSideBySide: values in columns, one row per topic, that stays
 * readable at any width. Where the columns fit, it is a table with the
 * topics down the side; where they do not, each topic becomes a short list
 * with one entry per column, so nothing is clipped and nothing has to be
 * scrolled sideways. An AdwSqueezer picks the layout: the table needs its
 * columns' minimum widths, the stacked layout fits in any window. */

#include "config.h"

#include "atlas-side-by-side.h"

struct _AtlasSideBySide
{
  GtkWidget parent_instance;

  guint n_rows;
  guint n_columns;
  guint notify_id;
  int column_width;
  int title_width;

  AdwSqueezer *squeezer;
  GtkWidget *table_frame;
  GtkGrid *table;
  GtkBox *stacked_box;

  /* The parts of each layout, for lookups: headers, titles, then cells
   * row by row. Stacked headers are per row, so they are kept apart. */
  GPtrArray *table_parts;
  GPtrArray *stacked_parts;
  GPtrArray *stacked_headers;
};

G_DEFINE_FINAL_TYPE (AtlasSideBySide, atlas_side_by_side, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_STACKED,
  PROP_COLUMN_WIDTH,
  PROP_TITLE_WIDTH,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static GtkWidget *
wrap_part (GtkWidget  *part,
           const char *css_class)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);

  gtk_widget_add_css_class (box, css_class);
  if (part != NULL)
    {
      gtk_widget_set_vexpand (part, FALSE);
      gtk_box_append (GTK_BOX (box), part);
    }

  return box;
}

static void
clear_layouts (AtlasSideBySide *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->table))) != NULL)
    gtk_grid_remove (self->table, child);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->stacked_box))) != NULL)
    gtk_box_remove (self->stacked_box, child);

  g_ptr_array_set_size (self->table_parts, 0);
  g_ptr_array_set_size (self->stacked_parts, 0);
  g_ptr_array_set_size (self->stacked_headers, 0);
}

static void
build_table (AtlasSideBySide     *self,
             AtlasSideBySideFunc  func,
             gpointer             user_data)
{
  GtkWidget *corner = wrap_part (NULL, "corner");

  gtk_widget_set_size_request (corner, self->title_width, -1);
  gtk_grid_attach (self->table, corner, 0, 0, 1, 1);

  for (guint column = 0; column < self->n_columns; column++)
    {
      GtkWidget *part = func (self, ATLAS_SIDE_BY_SIDE_HEADER, 0, column, FALSE, user_data);
      GtkWidget *cell = wrap_part (part, "column-header");

      gtk_widget_set_size_request (cell, self->column_width, -1);
      gtk_widget_set_hexpand (cell, TRUE);
      gtk_grid_attach (self->table, cell, column + 1, 0, 1, 1);
      g_ptr_array_add (self->table_parts, part);
    }

  for (guint row = 0; row < self->n_rows; row++)
    {
      GtkWidget *part = func (self, ATLAS_SIDE_BY_SIDE_TITLE, row, 0, FALSE, user_data);
      GtkWidget *separator = gtk_separator_new (GTK_ORIENTATION_HORIZONTAL);
      int grid_row = 2 + 2 * row;

      gtk_grid_attach (self->table, separator, 0, grid_row - 1, self->n_columns + 1, 1);
      gtk_grid_attach (self->table, wrap_part (part, "row-title"), 0, grid_row, 1, 1);
      g_ptr_array_add (self->table_parts, part);

      for (guint column = 0; column < self->n_columns; column++)
        {
          part = func (self, ATLAS_SIDE_BY_SIDE_CELL, row, column, FALSE, user_data);
          gtk_grid_attach (self->table, wrap_part (part, "cell"), column + 1, grid_row, 1, 1);
          g_ptr_array_add (self->table_parts, part);
        }
    }
}

static void
build_stacked (AtlasSideBySide     *self,
               AtlasSideBySideFunc  func,
               gpointer             user_data)
{
  for (guint row = 0; row < self->n_rows; row++)
    {
      GtkWidget *section = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
      GtkWidget *title = func (self, ATLAS_SIDE_BY_SIDE_TITLE, row, 0, TRUE, user_data);
      GtkWidget *list = gtk_list_box_new ();

      gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
      gtk_widget_add_css_class (list, "boxed-list");
      gtk_box_append (GTK_BOX (section), wrap_part (title, "stacked-title"));
      gtk_box_append (GTK_BOX (section), list);
      g_ptr_array_add (self->stacked_parts, title);

      for (guint column = 0; column < self->n_columns; column++)
        {
          GtkWidget *header = func (self, ATLAS_SIDE_BY_SIDE_HEADER, row, column, TRUE, user_data);
          GtkWidget *cell = func (self, ATLAS_SIDE_BY_SIDE_CELL, row, column, TRUE, user_data);
          GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
          GtkWidget *list_row = gtk_list_box_row_new ();

          gtk_widget_add_css_class (box, "stacked-cell");
          if (header != NULL)
            gtk_box_append (GTK_BOX (box), header);
          if (cell != NULL)
            gtk_box_append (GTK_BOX (box), cell);
          gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (list_row), box);
          gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (list_row), FALSE);
          gtk_list_box_append (GTK_LIST_BOX (list), list_row);

          g_ptr_array_add (self->stacked_headers, header);
          g_ptr_array_add (self->stacked_parts, cell);
        }

      gtk_box_append (self->stacked_box, section);
    }
}

/**
 * atlas_side_by_side_set_content:
 * @n_rows: the number of topics
 * @n_columns: the number of columns, at least 1
 * @func: makes each part; called before this returns, never after
 *
 * Replaces the whole content.
 */
void
atlas_side_by_side_set_content (AtlasSideBySide     *self,
                                guint                n_rows,
                                guint                n_columns,
                                AtlasSideBySideFunc  func,
                                gpointer             user_data)
{
  g_return_if_fail (ATLAS_IS_SIDE_BY_SIDE (self));
  g_return_if_fail (func != NULL || n_rows * n_columns == 0);

  clear_layouts (self);
  self->n_rows = n_rows;
  self->n_columns = n_columns;

  if (n_columns == 0)
    return;

  build_table (self, func, user_data);
  build_stacked (self, func, user_data);
}

guint
atlas_side_by_side_get_n_rows (AtlasSideBySide *self)
{
  g_return_val_if_fail (ATLAS_IS_SIDE_BY_SIDE (self), 0);

  return self->n_rows;
}

guint
atlas_side_by_side_get_n_columns (AtlasSideBySide *self)
{
  g_return_val_if_fail (ATLAS_IS_SIDE_BY_SIDE (self), 0);

  return self->n_columns;
}

/* Whether the window is too narrow for the table, so that each topic is
 * shown as a list. */
gboolean
atlas_side_by_side_get_stacked (AtlasSideBySide *self)
{
  g_return_val_if_fail (ATLAS_IS_SIDE_BY_SIDE (self), FALSE);

  return adw_squeezer_get_visible_child (self->squeezer) == GTK_WIDGET (self->stacked_box);
}

/**
 * atlas_side_by_side_get_part:
 * @row: the row; ignored for headers
 * @column: the column; ignored for titles
 *
 * Returns: (transfer none) (nullable): the widget that the layout in view
 *   shows for the part (for a header in the stacked layout, the one in the
 *   first row)
 */
GtkWidget *
atlas_side_by_side_get_part (AtlasSideBySide     *self,
                             AtlasSideBySidePart  part,
                             guint                row,
                             guint                column)
{
  gboolean stacked;

  g_return_val_if_fail (ATLAS_IS_SIDE_BY_SIDE (self), NULL);

  if (self->n_columns == 0 ||
      (part != ATLAS_SIDE_BY_SIDE_HEADER && row >= self->n_rows) ||
      (part != ATLAS_SIDE_BY_SIDE_TITLE && column >= self->n_columns))
    return NULL;

  stacked = atlas_side_by_side_get_stacked (self);

  switch (part)
    {
    case ATLAS_SIDE_BY_SIDE_HEADER:
      if (stacked)
        return self->n_rows > 0 ? g_ptr_array_index (self->stacked_headers, column) : NULL;
      return g_ptr_array_index (self->table_parts, column);

    case ATLAS_SIDE_BY_SIDE_TITLE:
      if (stacked)
        return g_ptr_array_index (self->stacked_parts, row * (self->n_columns + 1));
      return g_ptr_array_index (self->table_parts, self->n_columns + row * (self->n_columns + 1));

    case ATLAS_SIDE_BY_SIDE_CELL:
      if (stacked)
        return g_ptr_array_index (self->stacked_parts, row * (self->n_columns + 1) + 1 + column);
      return g_ptr_array_index (self->table_parts, self->n_columns + row * (self->n_columns + 1) + 1 + column);

    default:
      g_return_val_if_reached (NULL);
    }
}

static gboolean
notify_stacked (gpointer user_data)
{
  AtlasSideBySide *self = user_data;

  self->notify_id = 0;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STACKED]);

  return G_SOURCE_REMOVE;
}

/* The squeezer switches layouts while it is being allocated, when changing
 * other widgets would leave them unallocated for a frame: the news waits
 * for the allocation to finish. */
static void
on_visible_child_changed (AtlasSideBySide *self)
{
  if (self->notify_id == 0)
    self->notify_id = g_idle_add_full (G_PRIORITY_HIGH_IDLE, notify_stacked, self, NULL);
}

static void
atlas_side_by_side_dispose (GObject *object)
{
  AtlasSideBySide *self = ATLAS_SIDE_BY_SIDE (object);

  g_clear_handle_id (&self->notify_id, g_source_remove);

  if (self->squeezer != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->squeezer, self);
      gtk_widget_unparent (GTK_WIDGET (self->squeezer));
      self->squeezer = NULL;
    }

  g_clear_pointer (&self->table_parts, g_ptr_array_unref);
  g_clear_pointer (&self->stacked_parts, g_ptr_array_unref);
  g_clear_pointer (&self->stacked_headers, g_ptr_array_unref);

  G_OBJECT_CLASS (atlas_side_by_side_parent_class)->dispose (object);
}

static void
atlas_side_by_side_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  AtlasSideBySide *self = ATLAS_SIDE_BY_SIDE (object);

  switch (prop_id)
    {
    case PROP_STACKED:
      g_value_set_boolean (value, atlas_side_by_side_get_stacked (self));
      break;

    case PROP_COLUMN_WIDTH:
      g_value_set_int (value, self->column_width);
      break;

    case PROP_TITLE_WIDTH:
      g_value_set_int (value, self->title_width);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
atlas_side_by_side_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  AtlasSideBySide *self = ATLAS_SIDE_BY_SIDE (object);

  /* Widths apply to the next content; pages set them in their templates. */
  switch (prop_id)
    {
    case PROP_COLUMN_WIDTH:
      self->column_width = g_value_get_int (value);
      break;

    case PROP_TITLE_WIDTH:
      self->title_width = g_value_get_int (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
atlas_side_by_side_class_init (AtlasSideBySideClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = atlas_side_by_side_dispose;
  object_class->get_property = atlas_side_by_side_get_property;
  object_class->set_property = atlas_side_by_side_set_property;

  properties[PROP_STACKED] =
    g_param_spec_boolean ("stacked", NULL, NULL,
                          FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_COLUMN_WIDTH] =
    g_param_spec_int ("column-width", NULL, NULL,
                      0, G_MAXINT, 180,
                      G_PARAM_READWRITE | G_PARAM_CONSTRUCT | G_PARAM_STATIC_STRINGS);

  properties[PROP_TITLE_WIDTH] =
    g_param_spec_int ("title-width", NULL, NULL,
                      0, G_MAXINT, 150,
                      G_PARAM_READWRITE | G_PARAM_CONSTRUCT | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "sidebyside");
}

static void
atlas_side_by_side_init (AtlasSideBySide *self)
{
  self->table_parts = g_ptr_array_new ();
  self->stacked_parts = g_ptr_array_new ();
  self->stacked_headers = g_ptr_array_new ();

  self->table = GTK_GRID (gtk_grid_new ());
  gtk_widget_add_css_class (GTK_WIDGET (self->table), "side-by-side-table");

  /* A card, clipped to its rounded corners. */
  self->table_frame = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  gtk_widget_add_css_class (self->table_frame, "card");
  gtk_widget_set_overflow (self->table_frame, GTK_OVERFLOW_HIDDEN);
  gtk_box_append (GTK_BOX (self->table_frame), GTK_WIDGET (self->table));
  gtk_widget_set_valign (self->table_frame, GTK_ALIGN_START);

  self->stacked_box = GTK_BOX (gtk_box_new (GTK_ORIENTATION_VERTICAL, 24));
  gtk_widget_set_valign (GTK_WIDGET (self->stacked_box), GTK_ALIGN_START);

  /* The first child that fits wins: the table when it can. */
  self->squeezer = ADW_SQUEEZER (adw_squeezer_new ());
  adw_squeezer_set_homogeneous (self->squeezer, FALSE);
  adw_squeezer_set_transition_type (self->squeezer, ADW_SQUEEZER_TRANSITION_TYPE_NONE);
  adw_squeezer_add (self->squeezer, self->table_frame);
  adw_squeezer_add (self->squeezer, GTK_WIDGET (self->stacked_box));
  gtk_widget_set_parent (GTK_WIDGET (self->squeezer), GTK_WIDGET (self));

  g_signal_connect_swapped (self->squeezer, "notify::visible-child",
                            G_CALLBACK (on_visible_child_changed), self);
}

GtkWidget *
atlas_side_by_side_new (void)
{
  return g_object_new (ATLAS_TYPE_SIDE_BY_SIDE, NULL);
}
