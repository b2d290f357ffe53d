/* SPDX-License-Identifier: GPL-3.0-or-later */
/* AtlasCountryRow: a country in the sidebar: its flag, name and strengths. */

#include "config.h"

#include <glib/gi18n.h>

#include "atlas-country-row.h"
#include "atlas-flag.h"

struct _AtlasCountryRow
{
  GtkWidget parent_instance;

  AtlasCountry *country;

  AtlasFlag *flag;
  GtkLabel *name_label;
  GtkLabel *strengths_label;
};

G_DEFINE_FINAL_TYPE (AtlasCountryRow, atlas_country_row, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_COUNTRY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
update_labels (AtlasCountryRow *self)
{
  g_autofree char *strengths = NULL;

  if (self->country == NULL)
    {
      atlas_flag_set_emoji (self->flag, NULL);
      gtk_label_set_label (self->name_label, "");
      gtk_label_set_label (self->strengths_label, "");
      return;
    }

  strengths = atlas_country_dup_strengths_line (self->country);

  atlas_flag_set_emoji (self->flag, atlas_country_get_flag (self->country));
  gtk_label_set_label (self->name_label, atlas_country_get_display_name (self->country));
  /* A screen reader names the row by its country, not by its first child. */
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  atlas_country_get_display_name (self->country), -1);
  gtk_label_set_label (self->strengths_label, strengths);
}

/* The line is ellipsized; the tooltip shows all of it. It is made when
 * asked for: gtk_widget_set_tooltip_text() asks the X server where the
 * pointer is, a round trip per row each time the list is filled. */
static gboolean
on_strengths_query_tooltip (GtkLabel   *label,
                            int         x,
                            int         y,
                            gboolean    keyboard_mode,
                            GtkTooltip *tooltip)
{
  const char *text = gtk_label_get_text (label);

  (void) x;
  (void) y;
  (void) keyboard_mode;

  if (*text == '\0')
    return FALSE;

  gtk_tooltip_set_text (tooltip, text);
  return TRUE;
}

static void
atlas_country_row_dispose (GObject *object)
{
  AtlasCountryRow *self = ATLAS_COUNTRY_ROW (object);
  GtkWidget *child;

  gtk_widget_dispose_template (GTK_WIDGET (self), ATLAS_TYPE_COUNTRY_ROW);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->country);

  G_OBJECT_CLASS (atlas_country_row_parent_class)->dispose (object);
}

static void
atlas_country_row_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  AtlasCountryRow *self = ATLAS_COUNTRY_ROW (object);

  switch (prop_id)
    {
    case PROP_COUNTRY:
      g_value_set_object (value, self->country);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
atlas_country_row_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  AtlasCountryRow *self = ATLAS_COUNTRY_ROW (object);

  switch (prop_id)
    {
    case PROP_COUNTRY:
      atlas_country_row_set_country (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
atlas_country_row_class_init (AtlasCountryRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = atlas_country_row_dispose;
  object_class->get_property = atlas_country_row_get_property;
  object_class->set_property = atlas_country_row_set_property;

  properties[PROP_COUNTRY] =
    g_param_spec_object ("country", NULL, NULL,
                         ATLAS_TYPE_COUNTRY,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (ATLAS_TYPE_FLAG);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ui/atlas-country-row.ui");
  gtk_widget_class_bind_template_child (widget_class, AtlasCountryRow, flag);
  gtk_widget_class_bind_template_child (widget_class, AtlasCountryRow, name_label);
  gtk_widget_class_bind_template_child (widget_class, AtlasCountryRow, strengths_label);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "atlascountryrow");
}

static void
atlas_country_row_init (AtlasCountryRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  gtk_widget_set_has_tooltip (GTK_WIDGET (self->strengths_label), TRUE);
  g_signal_connect (self->strengths_label, "query-tooltip", G_CALLBACK (on_strengths_query_tooltip), NULL);
}

GtkWidget *
atlas_country_row_new (void)
{
  return g_object_new (ATLAS_TYPE_COUNTRY_ROW, NULL);
}

AtlasCountry *
atlas_country_row_get_country (AtlasCountryRow *self)
{
  g_return_val_if_fail (ATLAS_IS_COUNTRY_ROW (self), NULL);

  return self->country;
}

void
atlas_country_row_set_country (AtlasCountryRow *self,
                               AtlasCountry    *country)
{
  g_return_if_fail (ATLAS_IS_COUNTRY_ROW (self));
  g_return_if_fail (country == NULL || ATLAS_IS_COUNTRY (country));

  if (!g_set_object (&self->country, country))
    return;

  update_labels (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COUNTRY]);
}
