/* SPDX-License-Identifier: GPL-3.0-or-later */
/* AtlasInfoRow: a row with a title, a subtitle and optional widgets before
 * and after them, drawn like AdwActionRow. A country page shows dozens of
 * these; AdwActionRow 1.2 builds hidden prefix, icon and suffix widgets and
 * eight property bindings and expression watches for each, which made a
 * row cost about 30 KiB more. This one makes what it shows, and its text is
 * never markup. */

#include "config.h"

#include "atlas-info-row.h"

struct _AtlasInfoRow
{
  AdwPreferencesRow parent_instance;

  GtkBox *header;
  GtkLabel *title_label;
  GtkLabel *subtitle_label;
  GtkBox *prefixes; /* made by the first prefix */
  GtkBox *suffixes; /* made by the first suffix */

  GtkWidget *activatable_widget; /* a descendant, so owned by the row */
  GtkWidget *list_box; /* the parent whose "row-activated" is connected */
};

G_DEFINE_FINAL_TYPE (AtlasInfoRow, atlas_info_row, ADW_TYPE_PREFERENCES_ROW)

enum {
  PROP_0,
  PROP_SUBTITLE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  SIGNAL_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
set_label_text (GtkLabel   *label,
                const char *text)
{
  gtk_label_set_label (label, text != NULL ? text : "");
  gtk_widget_set_visible (GTK_WIDGET (label), text != NULL && *text != '\0');
}

static void
on_title_changed (AtlasInfoRow *self)
{
  set_label_text (self->title_label, adw_preferences_row_get_title (ADW_PREFERENCES_ROW (self)));
}

static void
on_row_activated (AtlasInfoRow  *self,
                  GtkListBoxRow *row)
{
  if (row != GTK_LIST_BOX_ROW (self))
    return;

  if (self->activatable_widget != NULL)
    gtk_widget_mnemonic_activate (self->activatable_widget, FALSE);

  g_signal_emit (self, signals[SIGNAL_ACTIVATED], 0);
}

/* A list box tells its rows apart only through "row-activated". */
static void
disconnect_list_box (AtlasInfoRow *self)
{
  if (self->list_box == NULL)
    return;

  g_signal_handlers_disconnect_by_func (self->list_box, on_row_activated, self);
  self->list_box = NULL;
}

static void
on_parent_changed (AtlasInfoRow *self)
{
  GtkWidget *parent = gtk_widget_get_parent (GTK_WIDGET (self));

  disconnect_list_box (self);
  if (!GTK_IS_LIST_BOX (parent))
    return;

  self->list_box = parent;
  g_signal_connect_swapped (parent, "row-activated", G_CALLBACK (on_row_activated), self);
}

static void
atlas_info_row_dispose (GObject *object)
{
  AtlasInfoRow *self = ATLAS_INFO_ROW (object);

  disconnect_list_box (self);
  self->activatable_widget = NULL;

  G_OBJECT_CLASS (atlas_info_row_parent_class)->dispose (object);
}

static void
atlas_info_row_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  AtlasInfoRow *self = ATLAS_INFO_ROW (object);

  switch (prop_id)
    {
    case PROP_SUBTITLE:
      g_value_set_string (value, atlas_info_row_get_subtitle (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
atlas_info_row_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  AtlasInfoRow *self = ATLAS_INFO_ROW (object);

  switch (prop_id)
    {
    case PROP_SUBTITLE:
      atlas_info_row_set_subtitle (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
atlas_info_row_class_init (AtlasInfoRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = atlas_info_row_dispose;
  object_class->get_property = atlas_info_row_get_property;
  object_class->set_property = atlas_info_row_set_property;

  properties[PROP_SUBTITLE] =
    g_param_spec_string ("subtitle", NULL, NULL,
                         "",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * AtlasInfoRow::activated:
   *
   * The row was activated, after its activatable widget (if any) was.
   */
  signals[SIGNAL_ACTIVATED] =
    g_signal_new ("activated",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ui/atlas-info-row.ui");
  gtk_widget_class_bind_template_child (widget_class, AtlasInfoRow, header);
  gtk_widget_class_bind_template_child (widget_class, AtlasInfoRow, title_label);
  gtk_widget_class_bind_template_child (widget_class, AtlasInfoRow, subtitle_label);
}

static void
atlas_info_row_init (AtlasInfoRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  g_signal_connect (self, "notify::title", G_CALLBACK (on_title_changed), NULL);
  g_signal_connect (self, "notify::parent", G_CALLBACK (on_parent_changed), NULL);
}

/**
 * atlas_info_row_new:
 * @title: the title, shown as it is
 * @subtitle: (nullable): the line below it, shown as it is
 */
AtlasInfoRow *
atlas_info_row_new (const char *title,
                    const char *subtitle)
{
  return g_object_new (ATLAS_TYPE_INFO_ROW,
                       "title", title,
                       "subtitle", subtitle,
                       NULL);
}

const char *
atlas_info_row_get_subtitle (AtlasInfoRow *self)
{
  g_return_val_if_fail (ATLAS_IS_INFO_ROW (self), NULL);

  return gtk_label_get_label (self->subtitle_label);
}

void
atlas_info_row_set_subtitle (AtlasInfoRow *self,
                             const char   *subtitle)
{
  g_return_if_fail (ATLAS_IS_INFO_ROW (self));

  if (g_strcmp0 (gtk_label_get_label (self->subtitle_label), subtitle != NULL ? subtitle : "") == 0)
    return;

  set_label_text (self->subtitle_label, subtitle);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SUBTITLE]);
}

static GtkBox *
new_side_box (const char *css_class)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);

  gtk_widget_add_css_class (box, css_class);

  return GTK_BOX (box);
}

/* Before the title, like AdwActionRow's prefixes: the first added is last. */
void
atlas_info_row_add_prefix (AtlasInfoRow *self,
                           GtkWidget    *widget)
{
  g_return_if_fail (ATLAS_IS_INFO_ROW (self));
  g_return_if_fail (GTK_IS_WIDGET (widget));

  if (self->prefixes == NULL)
    {
      self->prefixes = new_side_box ("prefixes");
      gtk_box_prepend (self->header, GTK_WIDGET (self->prefixes));
    }

  gtk_box_prepend (self->prefixes, widget);
}

void
atlas_info_row_add_suffix (AtlasInfoRow *self,
                           GtkWidget    *widget)
{
  g_return_if_fail (ATLAS_IS_INFO_ROW (self));
  g_return_if_fail (GTK_IS_WIDGET (widget));

  if (self->suffixes == NULL)
    {
      self->suffixes = new_side_box ("suffixes");
      gtk_box_append (self->header, GTK_WIDGET (self->suffixes));
    }

  gtk_box_append (self->suffixes, widget);
}

/* An icon after the text that only shows what activating the row does
 * (an arrow): a screen reader has the row's own role and name for that. */
void
atlas_info_row_add_suffix_icon (AtlasInfoRow *self,
                                const char   *icon_name)
{
  g_return_if_fail (ATLAS_IS_INFO_ROW (self));

  atlas_info_row_add_suffix (self, g_object_new (GTK_TYPE_IMAGE,
                                                 "icon-name", icon_name,
                                                 "accessible-role", GTK_ACCESSIBLE_ROLE_PRESENTATION,
                                                 NULL));
}

GtkWidget *
atlas_info_row_get_activatable_widget (AtlasInfoRow *self)
{
  g_return_val_if_fail (ATLAS_IS_INFO_ROW (self), NULL);

  return self->activatable_widget;
}

/**
 * atlas_info_row_set_activatable_widget:
 * @widget: (nullable): a widget in the row, such as a suffix button
 *
 * Activating the row, by a click anywhere on it or by Enter, then activates
 * @widget.
 */
void
atlas_info_row_set_activatable_widget (AtlasInfoRow *self,
                                       GtkWidget    *widget)
{
  g_return_if_fail (ATLAS_IS_INFO_ROW (self));
  g_return_if_fail (widget == NULL || gtk_widget_is_ancestor (widget, GTK_WIDGET (self)));

  if (self->activatable_widget != NULL)
    {
      gtk_accessible_reset_relation (GTK_ACCESSIBLE (self->activatable_widget), GTK_ACCESSIBLE_RELATION_LABELLED_BY);
      gtk_accessible_reset_relation (GTK_ACCESSIBLE (self->activatable_widget), GTK_ACCESSIBLE_RELATION_DESCRIBED_BY);
    }

  self->activatable_widget = widget;
  if (widget == NULL)
    return;

  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (self), TRUE);
  /* Ten "Open Website" buttons tell a screen reader nothing; each is
   * named by its row, as in AdwActionRow. */
  gtk_accessible_update_relation (GTK_ACCESSIBLE (widget),
                                  GTK_ACCESSIBLE_RELATION_LABELLED_BY, self->title_label, NULL,
                                  GTK_ACCESSIBLE_RELATION_DESCRIBED_BY, self->subtitle_label, NULL,
                                  -1);
}
