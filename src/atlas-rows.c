/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The rows every page builds from the data. Their text comes from the
 * data, which must never be read as markup: AtlasInfoRow never parses it,
 * but libadwaita 1.2 group titles do. */

#include "config.h"

#include <glib/gi18n.h>

#include "atlas-date.h"
#include "atlas-links.h"
#include "atlas-rows.h"

/* A label above its value, like the "property" rows of later libadwaita. */
AtlasInfoRow *
atlas_rows_new_property (const char *label,
                         const char *value)
{
  AtlasInfoRow *row = atlas_info_row_new (label, value);

  gtk_widget_add_css_class (GTK_WIDGET (row), "property");

  return row;
}

/* A source: its title, publisher and when it was read, and a button that
 * opens it (for pages that install atlas_links_install_action()). */
AtlasInfoRow *
atlas_rows_new_source (AtlasSource *source)
{
  g_autofree char *accessed = atlas_date_format (atlas_source_get_accessed (source));
  g_autofree char *subtitle = NULL;
  AtlasInfoRow *row;
  GtkWidget *button;

  /* Translators: a publisher and the date a page was read, e.g. "U.S. FDA · accessed 18 December 2024". */
  subtitle = g_strdup_printf (_("%s · accessed %s"), atlas_source_get_publisher (source), accessed);
  row = atlas_info_row_new (atlas_source_get_title (source), subtitle);

  button = atlas_links_button_new (atlas_source_get_url (source));
  if (button != NULL)
    {
      atlas_info_row_add_suffix (row, button);
      atlas_info_row_set_activatable_widget (row, button);
    }

  return row;
}

/**
 * atlas_rows_new_country_link:
 * @suffix: (nullable): a widget to show before the arrow, such as a badge
 *
 * A row that opens a country's page in the window (win.show-country).
 */
AtlasInfoRow *
atlas_rows_new_country_link (const char *title,
                             const char *subtitle,
                             const char *country_id,
                             GtkWidget  *suffix)
{
  AtlasInfoRow *row = atlas_info_row_new (title, subtitle);

  if (suffix != NULL)
    atlas_info_row_add_suffix (row, suffix);
  atlas_info_row_add_suffix_icon (row, "go-next-symbolic");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (row), "win.show-country");
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (row), g_variant_new_string (country_id));
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);

  return row;
}

/* An expander row of the data: its title is never markup, and it is named
 * by it (libadwaita 1.2 leaves the outer row of an expander unnamed, so a
 * screen reader met an unnamed list item before the row it wanted). */
AdwExpanderRow *
atlas_rows_new_expander (const char *title)
{
  AdwExpanderRow *row = ADW_EXPANDER_ROW (adw_expander_row_new ());

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);

  return row;
}

AdwPreferencesGroup *
atlas_rows_new_group (const char *title)
{
  AdwPreferencesGroup *group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  g_autofree char *escaped = g_markup_escape_text (title, -1);

  /* Group titles are markup in libadwaita 1.2. */
  adw_preferences_group_set_title (group, escaped);

  return group;
}

/**
 * atlas_rows_find:
 * @root: where to look
 * @title: the exact title a row shows
 *
 * Returns: (transfer none) (nullable): the first row below @root, depth
 *   first, with @title
 */
GtkWidget *
atlas_rows_find (GtkWidget  *root,
                 const char *title)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (ADW_IS_PREFERENCES_ROW (child) &&
          g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (child)), title) == 0)
        return child;

      found = atlas_rows_find (child, title);
      if (found != NULL)
        return found;
    }

  return NULL;
}
