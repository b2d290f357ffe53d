/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <stdio.h>

#include <gio/gio.h>

#include "atlas-signature.h"

G_BEGIN_DECLS

void atlas_command_line_add_options          (GApplication *app);
int  atlas_command_line_handle_local_options (GApplication *app,
                                              GVariantDict *options);
int  atlas_command_line_refresh              (const char   *url,
                                              FILE         *out,
                                              FILE         *err);
int  atlas_command_line_refresh_with_keys    (const char       *url,
                                              AtlasTrustedKeys *keys,
                                              FILE             *out,
                                              FILE             *err);
int  atlas_command_line_validate             (const char   *path,
                                              FILE         *out,
                                              FILE         *err);

G_END_DECLS
