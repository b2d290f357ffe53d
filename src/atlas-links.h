/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* The action a page installs to open a web link; its parameter is the URI. */
#define ATLAS_LINKS_OPEN_URI_ACTION "page.open-uri"

gboolean   atlas_links_is_web_uri        (const char     *uri);
void       atlas_links_open_uri          (GtkWidget      *widget,
                                          const char     *uri);
void       atlas_links_install_action    (GtkWidgetClass *widget_class);
GtkWidget *atlas_links_button_new        (const char     *uri);

G_END_DECLS
