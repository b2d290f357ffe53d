/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

GtkWidget *atlas_flag_new       (const char *flag);
void       atlas_flag_set_label (GtkLabel   *label,
                                 const char *flag);

G_END_DECLS
