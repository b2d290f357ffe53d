/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

char  *atlas_intern              (const char         *text);
void   atlas_intern_release      (char               *text);
char **atlas_intern_strv         (const char * const *strv);
void   atlas_intern_release_strv (char              **strv);

char  *atlas_pack_strings        (char              **fields[],
                                  guint               n_fields);

G_END_DECLS
