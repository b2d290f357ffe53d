/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

void atlas_benchmark_attach  (GtkWindow *window);
void atlas_benchmark_loading (gpointer   application);

G_END_DECLS
