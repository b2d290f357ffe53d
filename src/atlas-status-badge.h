/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "atlas-enums.h"

G_BEGIN_DECLS

GtkWidget *atlas_status_badge_new_for_product_status (AtlasProductStatus status);
GtkWidget *atlas_status_badge_new_for_availability   (AtlasAvailability  availability);
GtkWidget *atlas_status_badge_new_for_maturity       (AtlasMaturity      maturity);

G_END_DECLS
