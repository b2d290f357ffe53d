/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Opening links from the data. The data format allows only web links, and
 * the UI opens nothing else: a file: or another program's scheme in a
 * downloaded dataset must never reach the desktop. Every page that shows
 * links uses these, so the rule lives in one place. */

#include "config.h"

#include <glib/gi18n.h>

#include "atlas-links.h"

gboolean
atlas_links_is_web_uri (const char *uri)
{
  const char *scheme = uri != NULL ? g_uri_peek_scheme (uri) : NULL;

  return g_strcmp0 (scheme, "http") == 0 || g_strcmp0 (scheme, "https") == 0;
}

/**
 * atlas_links_open_uri:
 * @widget: a widget in the window the link belongs to
 * @uri: the link
 *
 * Opens @uri in the browser if it is an http or https address, and refuses
 * anything else.
 */
void
atlas_links_open_uri (GtkWidget  *widget,
                      const char *uri)
{
  GtkRoot *root;

  g_return_if_fail (GTK_IS_WIDGET (widget));

  if (!atlas_links_is_web_uri (uri))
    {
      g_message ("Refusing to open a link that is not http or https: %s", uri);
      return;
    }

  root = gtk_widget_get_root (widget);
  gtk_show_uri (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, uri, GDK_CURRENT_TIME);
}

static void
open_uri_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  atlas_links_open_uri (widget, g_variant_get_string (parameter, NULL));
}

/**
 * atlas_links_install_action:
 *
 * Installs %ATLAS_LINKS_OPEN_URI_ACTION on a page class, for the buttons
 * that atlas_links_button_new() makes.
 */
void
atlas_links_install_action (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, ATLAS_LINKS_OPEN_URI_ACTION, "s", open_uri_action);
}

/**
 * atlas_links_button_new:
 * @uri: the link
 *
 * A flat "Open Website" button for the end of a row.
 *
 * Returns: (transfer floating) (nullable): the button, or NULL when @uri
 *   is not a web link
 */
GtkWidget *
atlas_links_button_new (const char *uri)
{
  GtkWidget *button;

  if (!atlas_links_is_web_uri (uri))
    return NULL;

  button = gtk_button_new_from_icon_name ("web-browser-symbolic");
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (button, _("Open Website"));
  gtk_widget_add_css_class (button, "flat");
  gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Open Website"),
                                  -1);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), ATLAS_LINKS_OPEN_URI_ACTION);
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (button), g_variant_new_string (uri));

  return button;
}
