/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "atlas-comparison.h"

G_BEGIN_DECLS

GtkPrintOperation *atlas_comparison_print_operation_new (AtlasComparison *comparison);

G_END_DECLS
