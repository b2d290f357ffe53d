/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Longest number token accepted: enough for any integer the format uses and
 * short enough that no value overflows a 64-bit integer. */
#define ATLAS_JSON_GUARD_MAX_NUMBER_DIGITS 15

gboolean atlas_json_guard_check (const char  *data,
                                 gsize        length,
                                 guint        max_depth,
                                 GError     **error);

G_END_DECLS
