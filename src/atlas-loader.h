/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "atlas-dataset.h"

G_BEGIN_DECLS

#define ATLAS_LOADER_ERROR (atlas_loader_error_quark ())

typedef enum {
  /* Not a JSON document we accept (syntax, encoding, size, nesting). */
  ATLAS_LOADER_ERROR_SYNTAX,
  /* Valid JSON, but one or more fields break the format's rules. */
  ATLAS_LOADER_ERROR_INVALID,
  /* A schema_version newer than this app understands. */
  ATLAS_LOADER_ERROR_NEWER_SCHEMA,
} AtlasLoaderError;

/* Documents larger than this are refused before parsing. */
#define ATLAS_LOADER_MAX_BYTES (64 * 1024 * 1024)
/* Deeper nesting than this is refused before the document is read. */
#define ATLAS_LOADER_MAX_DEPTH 32

GQuark        atlas_loader_error_quark (void);

AtlasDataset *atlas_loader_load_bytes  (GBytes              *bytes,
                                        GError             **error);
GBytes       *atlas_loader_read_file   (GFile               *file,
                                        GCancellable        *cancellable,
                                        GError             **error);
AtlasDataset *atlas_loader_load_file   (GFile               *file,
                                        GCancellable        *cancellable,
                                        GError             **error);

void          atlas_loader_load_bytes_async  (GBytes              *bytes,
                                              GCancellable        *cancellable,
                                              GAsyncReadyCallback  callback,
                                              gpointer             user_data);
AtlasDataset *atlas_loader_load_bytes_finish (GAsyncResult        *result,
                                              GError             **error);

G_END_DECLS
