/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Status badges: a pill with the status word, coloured by its "status-badge"
 * CSS class and the status's nick (style.css). Every page shows a status the
 * same way, and never by colour alone: the word is always there. */

#include "config.h"

#include "atlas-status-badge.h"

static GtkWidget *
make_badge (const char *label,
            const char *nick)
{
  GtkWidget *badge = gtk_label_new (label);

  gtk_widget_set_valign (badge, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (badge, "status-badge");
  gtk_widget_add_css_class (badge, nick);

  return badge;
}

GtkWidget *
atlas_status_badge_new_for_product_status (AtlasProductStatus status)
{
  return make_badge (atlas_product_status_to_label (status),
                     atlas_enum_to_nick (ATLAS_TYPE_PRODUCT_STATUS, status));
}

GtkWidget *
atlas_status_badge_new_for_availability (AtlasAvailability availability)
{
  return make_badge (atlas_availability_to_label (availability),
                     atlas_enum_to_nick (ATLAS_TYPE_AVAILABILITY, availability));
}

/* Maturity nicks share some words with statuses ("approved",
 * "conditional"); a prefix keeps their colours apart. */
GtkWidget *
atlas_status_badge_new_for_maturity (AtlasMaturity maturity)
{
  g_autofree char *css_class = g_strconcat ("maturity-",
                                            atlas_enum_to_nick (ATLAS_TYPE_MATURITY, maturity),
                                            NULL);

  return make_badge (atlas_maturity_to_label (maturity), css_class);
}
