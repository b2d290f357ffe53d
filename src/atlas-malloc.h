/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

void atlas_malloc_use_one_arena  (void);
void atlas_malloc_fix_thresholds (void);

G_END_DECLS
