/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "atlas-comparison.h"

G_BEGIN_DECLS

char *atlas_export_csv      (AtlasComparison *comparison);
char *atlas_export_markdown (AtlasComparison *comparison);

G_END_DECLS
